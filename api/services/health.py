"""Readiness probes."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError


def database_ready(engine: Engine) -> bool:
    """The database answers and carries the schema (its migrations ran)."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1 FROM alembic_version"))
        return True
    except SQLAlchemyError:
        return False
