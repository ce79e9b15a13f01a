"""Retention (D18, SPEC §6): at the end of the basis's `retention_days`, counted from closure, the concertation's
data keys are destroyed. Its sealed content — identities, minutes, motivations — is gone (410), the metadata and the
audit chain stay, each shredding is an audit event, and running the job again shreds nothing more.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, select
from sqlmodel import Session

from api import cli
from api.services import retention
from api.settings import get_settings
from models.concertation import DataKey
from models.minutes import ProsecutionRequest
from tests.api import payloads
from tests.api.test_minutes import Meeting, audit_events, in_session, violations
from tests.conftest import FakeClock, Token, migrate


def run(connection: Connection, now: datetime) -> list[uuid.UUID]:
    """The retention job, in a session joined to the test's transaction (like the app's sessions)."""
    with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as session:
        return retention.run(session, now)


def data_keys(connection: Connection, concertation_id: str) -> list[Any]:
    t = DataKey.__table__  # type: ignore[attr-defined]
    query = select(t.c.version, t.c.wrapped_dek, t.c.destroyed_at).where(
        t.c.concertation_id == uuid.UUID(concertation_id)
    )
    return list(connection.execute(query).all())


def same_instant(stored: datetime | None, expected: datetime) -> bool:
    return stored is not None and stored.replace(tzinfo=None) == expected.replace(tzinfo=None)


@pytest.fixture
def closed(client: TestClient, auth: Token, clock: FakeClock) -> tuple[Meeting, str]:
    """A concertation of a basis kept one day, closed at the clock's time, with one entry and a granted request."""
    m, alice = in_session(client, auth, retention_days=1)
    entry = payloads.minutes_entry(
        alice,
        level="content",
        necessity_justification="Le danger est actuel.",
        offence_tags=["cp_398"],
        about_persons=["P-001"],
        content="L'enfant dort chez sa grand-mère depuis lundi.",
    )
    m.written(entry)
    prosecutor = auth("pr-bxl", "prosecutor", org="parquet-bxl")
    r = client.post(f"{m.url}/prosecution-requests", json=payloads.prosecution_request(), headers=prosecutor)
    assert r.status_code == 201, r.text
    m.step("end")
    m.inform(after_session=True)
    m.step("close")
    return m, str(r.json()["id"])


@pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")  # each shredding is a write transaction of its own
def test_past_its_retention_a_closed_concertation_is_crypto_shredded(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock, closed: tuple[Meeting, str]
) -> None:
    m, request_id = closed
    identity_url = f"{m.url}/persons-concerned/{m.person_id}"
    assert client.get(identity_url, headers=m.coordinator).status_code == 200
    assert m.read().status_code == 200

    clock.advance(days=2)
    assert run(connection, clock()) == [uuid.UUID(m.id)]

    r = client.get(identity_url, headers=m.coordinator)
    assert r.status_code == 410, r.text
    assert r.json()["code"] == "content_destroyed"
    r = m.read()
    assert r.status_code == 410, r.text
    assert r.json()["code"] == "content_destroyed"
    prosecutor = auth("pr-bxl", "prosecutor", org="parquet-bxl")
    r = client.get(f"{m.url}/prosecution-requests/{request_id}/disclosure", headers=prosecutor)
    assert r.status_code == 410 and r.json()["code"] == "content_destroyed"
    r = client.post(f"{m.url}/prosecution-requests", json=payloads.prosecution_request(), headers=prosecutor)
    assert r.status_code == 410 and r.json()["code"] == "content_destroyed"

    keys = data_keys(connection, m.id)
    assert keys and all(k.wrapped_dek is None and same_instant(k.destroyed_at, clock()) for k in keys)
    (event,) = audit_events(connection, "retention.shred", m.id)
    assert (event.outcome, event.object_id, event.actor_subject) == ("success", m.id, "retention-job")
    assert event.details["keys_destroyed"] == len(keys)

    # The metadata stays, and so does a verifiable audit chain.
    c = client.get(m.url, headers=m.coordinator)
    assert c.status_code == 200 and c.json()["state"] == "closed"
    chain = client.get("/v1/audit-events/verify", headers=auth("dpo-1", "auditor", org="apd"))
    assert chain.status_code == 200, chain.text
    assert chain.json()["ok"] is True

    clock.advance(days=1)
    assert run(connection, clock()) == []
    assert len(audit_events(connection, "retention.shred")) == 1


def test_after_shredding_an_out_of_scope_request_is_still_kept_and_alerted(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock, closed: tuple[Meeting, str]
) -> None:
    m, _ = closed
    clock.advance(days=2)
    assert run(connection, clock()) == [uuid.UUID(m.id)]
    prosecutor = auth("pr-bxl", "prosecutor", org="parquet-bxl")
    url = f"{m.url}/prosecution-requests"
    r = client.post(url, json=payloads.prosecution_request(offences=["cp_393"]), headers=prosecutor)
    assert r.status_code == 422, r.text
    assert violations(r) == [("R49", "offence_outside_concertation_scope")]
    alerts = client.get("/v1/alerts", headers=m.coordinator).json()["items"]
    assert [(a["concertation_id"], a["offences"]) for a in alerts] == [(m.id, ["cp_393"])]
    t = ProsecutionRequest.__table__  # type: ignore[attr-defined]
    refused = connection.execute(select(t.c.motivation_ciphertext).where(t.c.decision == "refused")).all()
    assert [row.motivation_ciphertext for row in refused] == [None]  # nothing sealed under a destroyed key
    r = client.post(url, json=payloads.prosecution_request(), headers=prosecutor)
    assert r.status_code == 410 and r.json()["code"] == "content_destroyed"


@pytest.mark.parametrize(
    ("after", "shredded"),
    [({"hours": 23, "minutes": 59}, False), ({"days": 1}, True), ({"days": 400}, True)],
    ids=["a-minute-before", "on-the-day", "long-after"],
)
def test_retention_counts_from_closure(
    client: TestClient,
    connection: Connection,
    clock: FakeClock,
    closed: tuple[Meeting, str],
    after: dict[str, float],
    shredded: bool,
) -> None:
    m, _ = closed
    clock.advance(**after)
    assert run(connection, clock()) == ([uuid.UUID(m.id)] if shredded else [])
    assert m.read().status_code == (410 if shredded else 200)
    assert all((k.wrapped_dek is None) is shredded for k in data_keys(connection, m.id))
    assert len(audit_events(connection, "retention.shred", m.id)) == int(shredded)


@pytest.mark.parametrize("steps", [(), ("end",)], ids=["in-session", "held"])
def test_a_concertation_that_is_not_closed_is_never_shredded(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock, steps: tuple[str, ...]
) -> None:
    m, alice = in_session(client, auth, retention_days=1)
    m.written(payloads.minutes_entry(alice))
    m.step(*steps)
    clock.advance(days=4000)
    assert run(connection, clock()) == []
    assert m.read().status_code == 200
    assert all(k.wrapped_dek is not None and k.destroyed_at is None for k in data_keys(connection, m.id))


def test_only_the_concertation_past_its_date_is_shredded(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock, closed: tuple[Meeting, str]
) -> None:
    old, _ = closed
    clock.advance(hours=12)
    young, alice = in_session(client, auth, retention_days=1)
    young.written(payloads.minutes_entry(alice))
    young.step("end")
    young.inform(after_session=True)
    young.step("close")
    clock.advance(hours=13)  # the first is 25 hours closed, the second 13 hours
    assert run(connection, clock()) == [uuid.UUID(old.id)]
    assert (old.read().status_code, young.read().status_code) == (410, 200)


# ------------------------------------------------------------------------------------------------ the command line


def test_the_retention_command_has_help() -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["retention", "--help"])
    assert exit_.value.code == 0


def test_the_retention_command_requires_a_subcommand() -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["retention"])
    assert exit_.value.code == 2


def test_the_retention_command_runs_on_a_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'retention.db'}"
    migrate(url)
    monkeypatch.setenv("CONCERTATION_DATABASE_URL", url)
    monkeypatch.setenv("CONCERTATION_VAR_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        assert cli.main(["retention", "run"]) == 0
    finally:
        get_settings.cache_clear()
    assert "0 concertation(s)" in capsys.readouterr().out
