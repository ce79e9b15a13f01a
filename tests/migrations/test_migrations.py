"""Contract guards on the schema: one head, upgrade → downgrade → upgrade, no drift, append-only audit trail."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

import models  # noqa: F401 - registers the tables
from tests.conftest import ROOT


def _config(url: str) -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'migrations.db'}"
    server: str = request.getfixturevalue("postgres_server")
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"mig_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


def test_one_head() -> None:
    script = ScriptDirectory.from_config(_config("sqlite://"))
    assert len(script.get_heads()) == 1


def test_revisions_never_import_application_code() -> None:
    for path in (ROOT / "migrations" / "versions").glob("*.py"):
        source = path.read_text()
        for package in ("api", "models", "policies", "sqlmodel"):
            assert f"import {package}" not in source and f"from {package}" not in source, path.name


def test_upgrade_downgrade_upgrade_and_no_drift(fresh_url: str) -> None:
    cfg = _config(fresh_url)
    command.upgrade(cfg, "head")
    command.downgrade(cfg, "base")
    engine: Engine = create_engine(fresh_url, poolclass=NullPool)
    with engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
        assert diff == [], diff
    engine.dispose()


def test_audit_trail_refuses_update_and_delete(fresh_url: str) -> None:
    command.upgrade(_config(fresh_url), "head")
    engine = create_engine(fresh_url, poolclass=NullPool)
    insert = text(
        "INSERT INTO audit_event (id, occurred_at, actor_issuer, actor_subject, action, outcome, object_type, "
        "codes, details, prev_hash, hash) VALUES (:id, CURRENT_TIMESTAMP, 'i', 's', 'a', 'success', 'o', '[]', '{}', "
        ":p, :h)"
    )
    event_id = uuid.uuid4().hex if engine.dialect.name == "sqlite" else str(uuid.uuid4())
    with engine.begin() as conn:
        conn.execute(insert, {"id": event_id, "p": "0" * 64, "h": "1" * 64})
    for statement in ("UPDATE audit_event SET action = 'forged'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT action FROM audit_event")).scalar_one() == "a"
    engine.dispose()
