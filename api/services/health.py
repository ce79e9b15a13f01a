"""Readiness probes."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from api.security.kms import Kms, KmsUnavailable


def database_ready(engine: Engine) -> bool:
    """The database answers and carries the schema (its migrations ran)."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1 FROM alembic_version"))
        return True
    except SQLAlchemyError:
        return False


def keys_ready(kms: Kms) -> bool:
    """The key store names an active key-encryption key: the key ring file is readable, or the PKCS#11 token
    answers and holds a KEK. Asked through the `Kms` interface, whichever store serves."""
    try:
        return bool(kms.active)
    except (KmsUnavailable, LookupError, OSError, ValueError):
        return False
