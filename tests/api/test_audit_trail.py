"""The audit trail through HTTP and the CLI (R109): auditors read and verify it, every reading is itself audited,
and an edited, deleted or forged row is found and named — on SQLite and on PostgreSQL.

Tampering bypasses the append-only triggers the way a database owner could: SQLite drops and re-creates them inside
the test's transaction; PostgreSQL disables them (`ALTER TABLE … DISABLE TRIGGER USER`) and enables them again.
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from api import audit
from api.cli import main
from api.commands import audit as audit_command
from api.db import begin_write, make_engine
from api.settings import get_settings
from models.audit import AuditEvent, Outcome
from policies.access import Actor
from policies.vocab import Role
from tests.api import payloads
from tests.conftest import NOW, FakeClock, Token, migrate

# ------------------------------------------------------------------------------------------------ helpers


def trail(connection: Connection) -> list[dict[str, Any]]:
    rows = connection.execute(
        text(
            "SELECT seq, id, action, outcome, actor_subject, object_id, codes, details, hash "
            "FROM audit_event ORDER BY seq"
        )
    ).mappings()

    def parsed(value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    return [{**r, "codes": parsed(r["codes"]), "details": parsed(r["details"]), "id": str(r["id"])} for r in rows]


def as_uuid(value: Any) -> str:
    return str(uuid.UUID(str(value)))


def story(client: TestClient, auth: Token, clock: FakeClock) -> dict[str, Any]:
    """Real events of every outcome, each a few seconds (and some microseconds) apart."""
    coordinator = auth("coord-1", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    assert basis.status_code == 201, basis.text
    clock.advance(seconds=5, microseconds=123)
    c = client.post("/v1/concertations", json=payloads.concertation(basis.json()["id"]), headers=coordinator).json()
    clock.advance(seconds=5)
    person = c["persons_concerned"][0]["id"]
    r = client.get(f"/v1/concertations/{c['id']}/persons-concerned/{person}", headers=coordinator)
    assert r.status_code == 200 and r.json()["identity"]["family_name"] == "Martin"
    clock.advance(seconds=5, microseconds=7)
    denied = client.post("/v1/legal-bases", json=payloads.decree(), headers=auth("sw-alice", "participant"))
    assert denied.status_code == 403
    clock.advance(seconds=5)
    unpublished = payloads.decree()
    unpublished["enabling_norm"] = {**unpublished["enabling_norm"], "legislator": "federal", "publication_ref": None}
    refused = client.post("/v1/legal-bases", json=unpublished, headers=coordinator)
    assert refused.status_code == 422
    clock.advance(seconds=5)
    return {"basis_id": basis.json()["id"], "concertation_id": c["id"], "person_id": person}


@pytest.fixture
def configured(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Point the CLI at a database, as `CONCERTATION_DATABASE_URL` does (settings are cached per process)."""

    def use(url: str) -> None:
        monkeypatch.setenv("CONCERTATION_DATABASE_URL", url)
        get_settings.cache_clear()

    yield use
    get_settings.cache_clear()


@pytest.fixture
def auditor(auth: Token) -> dict[str, str]:
    return auth("dpo-1", "auditor", org=None)


@contextmanager
def triggers_bypassed(connection: Connection) -> Iterator[None]:
    """What the owner of the database can do: lift the append-only triggers, tamper, put them back."""
    with pytest.raises(DBAPIError), connection.begin_nested():  # they do refuse first
        connection.execute(text("UPDATE audit_event SET action = 'forged'"))
    if connection.dialect.name == "postgresql":
        connection.execute(text("ALTER TABLE audit_event DISABLE TRIGGER USER"))
        yield
        connection.execute(text("ALTER TABLE audit_event ENABLE TRIGGER USER"))
    else:
        triggers = connection.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'")
        ).all()
        assert len(triggers) == 2
        for name, _ in triggers:
            connection.execute(text(f'DROP TRIGGER "{name}"'))
        yield
        for _, sql in triggers:
            connection.execute(text(sql))
    with pytest.raises(DBAPIError), connection.begin_nested():  # and refuse again afterwards
        connection.execute(text("DELETE FROM audit_event"))


# ------------------------------------------------------------------------------------------------ the hash itself

PINNED: dict[str, Any] = {
    "id": uuid.UUID("6f1c2a9e-3b4d-4e5f-8a6b-7c8d9e0f1a2b"),
    "occurred_at": datetime(2026, 11, 22, 9, 0, 0, 123456, tzinfo=UTC),
    "actor_issuer": "concertation-test",
    "actor_subject": "auditeur·1",
    "action": "concertation.create",
    "outcome": "success",
    "object_type": "concertation",
    "object_id": "0b7d4c1e-2f3a-4b5c-9d6e-8f7a6b5c4d3e",
    "concertation_id": uuid.UUID("0b7d4c1e-2f3a-4b5c-9d6e-8f7a6b5c4d3e"),
    "codes": ["person_not_informed", "R22"],
    "details": {"rules": ["R22"], "compliant": False, "profile": "safeguards", "n": 3},
    "prev_hash": audit.GENESIS,
    "hash": "",
}
PINNED_EVENT = AuditEvent(**PINNED)
PINNED_BARE = AuditEvent(
    id=uuid.UUID("00000000-0000-4000-8000-000000000001"),
    occurred_at=datetime(2026, 11, 22, 9, 0, tzinfo=UTC),
    actor_issuer="i",
    actor_subject="s",
    action="a",
    outcome="denied",
    object_type="o",
    object_id=None,
    concertation_id=None,
    codes=[],
    details={},
    prev_hash="a" * 64,
    hash="",
)


def test_the_hash_of_a_known_event_is_pinned() -> None:
    """Hashes written by earlier versions must verify forever: the canonical form may get faster, never different."""
    assert audit.canonical(PINNED_BARE) == (
        b'{"action":"a","actor_issuer":"i","actor_subject":"s","codes":[],"concertation_id":null,"details":{},'
        b'"id":"00000000-0000-4000-8000-000000000001","object_id":null,"object_type":"o",'
        b'"occurred_at":"2026-11-22T09:00:00+00:00","outcome":"denied"}'
    )
    assert audit.chain_hash("a" * 64, PINNED_BARE) == "d05242dfe91695450f6ee56d4c1a9d53d1137ce55add1a9dc1b10f1429004ae5"
    assert (
        audit.chain_hash(audit.GENESIS, PINNED_EVENT)
        == "8f72e15ec615b2a77e1687818cb8d3c8b62b114234ad20f2b531608789b5da89"
    )


def reference_canonical(event: AuditEvent) -> bytes:
    """The canonical form as first written: one `json.dumps` of the whole document."""
    doc = {
        "id": str(event.id),
        "occurred_at": event.occurred_at.isoformat(),
        "actor_issuer": event.actor_issuer,
        "actor_subject": event.actor_subject,
        "action": event.action,
        "outcome": event.outcome,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "concertation_id": str(event.concertation_id) if event.concertation_id else None,
        "codes": list(event.codes),
        "details": event.details,
    }
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@pytest.mark.parametrize(
    "text_value",
    ['quote " and \\ backslash', "tab\tnew\nline\x00\x1f", "é ñ ø 中文 🙂", "\u2028\u2029", "</script>", ""],
    ids=["quotes", "controls", "unicode", "separators", "html", "empty"],
)
def test_the_written_out_canonical_form_equals_one_json_dumps(text_value: str) -> None:
    event = AuditEvent(
        **{
            **PINNED,
            "actor_subject": text_value,
            "action": text_value,
            "object_id": text_value,
            "codes": [text_value, "z"],
            "details": {text_value: [text_value, 1.5, None, True], "b": {"y": 1, "a": text_value}},
        }
    )
    assert audit.canonical(event) == reference_canonical(event)


# ------------------------------------------------------------------------------------------------ listing


def test_auditor_lists_the_trail_newest_first_with_its_hashes_and_no_plaintext(
    client: TestClient, auth: Token, auditor: dict[str, str], connection: Connection, clock: FakeClock
) -> None:
    ids = story(client, auth, clock)
    stored = trail(connection)
    r = client.get("/v1/audit-events", headers=auditor)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["next_cursor"] is None
    items = body["items"]
    assert [i["seq"] for i in items] == [e["seq"] for e in reversed(stored)]
    assert [i["hash"] for i in items] == [e["hash"] for e in reversed(stored)]
    for newer, older in zip(items, items[1:], strict=False):
        assert newer["prev_hash"] == older["hash"]
    actions = [(i["action"], i["outcome"]) for i in reversed(items)]
    assert ("legal_basis.create", "success") in actions
    assert ("person_concerned.read_identity", "success") in actions
    assert ("legal_basis.create", "denied") in actions
    assert ("legal_basis.create", "refused") in actions
    read = next(i for i in items if i["action"] == "person_concerned.read_identity")
    assert read["object_id"] == ids["person_id"] and read["concertation_id"] == ids["concertation_id"]
    assert read["actor_subject"] == "coord-1"
    assert datetime.fromisoformat(read["occurred_at"]) == NOW + timedelta(seconds=10, microseconds=123)
    for secret in ("Martin", "Léa", "2014-05-02", "ecole", "école", "Coups", "represailles", "représailles"):
        assert secret not in r.text


def test_listing_is_itself_audited_without_the_filter_values(
    client: TestClient, auth: Token, auditor: dict[str, str], connection: Connection, clock: FakeClock
) -> None:
    ids = story(client, auth, clock)
    r = client.get(
        "/v1/audit-events",
        params={"concertation_id": ids["concertation_id"], "action": "free text the auditor typed", "limit": 3},
        headers=auditor,
    )
    assert r.status_code == 200 and r.json()["items"] == []
    r = client.get("/v1/audit-events", params={"limit": 2}, headers=auditor)
    assert r.status_code == 200 and len(r.json()["items"]) == 2
    listed = [e for e in trail(connection) if e["action"] == "audit.list"]
    assert [(e["outcome"], e["actor_subject"]) for e in listed] == [("success", "dpo-1")] * 2
    assert listed[0]["details"] == {"filters": ["concertation_id", "action"], "items": 0, "continued": False}
    assert listed[1]["details"] == {"filters": [], "items": 2, "continued": False}
    assert "free text" not in repr(trail(connection))
    scoped = connection.execute(
        text("SELECT concertation_id FROM audit_event WHERE action = 'audit.list' ORDER BY seq")
    ).scalars()
    assert [as_uuid(v) if v else None for v in scoped] == [ids["concertation_id"], None]
    # The list a reading returns does not contain that reading; the next one does.
    r = client.get("/v1/audit-events", params={"limit": 1}, headers=auditor)
    assert r.json()["items"][0]["action"] == "audit.list"


def test_filters_by_concertation_action_outcome_and_period(
    client: TestClient, auth: Token, auditor: dict[str, str], connection: Connection, clock: FakeClock
) -> None:
    started = clock.now
    ids = story(client, auth, clock)
    stored = trail(connection)

    def listed(**params: str) -> list[dict[str, Any]]:
        r = client.get("/v1/audit-events", params={**params, "limit": 200}, headers=auditor)
        assert r.status_code == 200, r.text
        return list(r.json()["items"])

    about = listed(concertation_id=ids["concertation_id"])
    assert about and all(i["concertation_id"] == ids["concertation_id"] for i in about)
    assert {i["action"] for i in about} >= {"concertation.create", "person_concerned.read_identity"}
    creates = listed(action="legal_basis.create")
    assert sorted(i["outcome"] for i in creates) == ["denied", "refused", "success"]
    assert [i["action"] for i in listed(outcome="denied")] == ["legal_basis.create"]
    assert [i["outcome"] for i in listed(action="legal_basis.create", outcome="refused")] == ["refused"]
    # The first event happened at `started`, the next 5 s later: [since, until) keeps the first one only.
    first = listed(since=started.isoformat(), until=(started.replace(second=1)).isoformat())
    assert [i["seq"] for i in first] == [stored[0]["seq"]]
    later = listed(since=started.replace(second=4).isoformat(), action="legal_basis.create")
    assert sorted(i["outcome"] for i in later) == ["denied", "refused"]
    assert listed(until=started.isoformat()) == []
    assert listed(concertation_id=str(uuid.uuid4())) == []


@pytest.mark.parametrize(
    "params",
    [
        {"outcome": "forgiven"},
        {"since": "2026-11-22T09:00:00"},  # naive: which time zone?
        {"concertation_id": "not-a-uuid"},
        {"action": "x" * 65},
        {"limit": "201"},
        {"limit": "0"},
        {"cursor": "bm90LWEtc2VxOjE"},
        {"cursor": "c2VxOi0x"},
        {"cursor": "%%%"},
    ],
    ids=["unknown-outcome", "naive-since", "bad-uuid", "long-action", "limit-too-big", "limit-zero", "foreign-cursor",
         "negative-cursor", "garbage-cursor"],
)  # fmt: skip
def test_bad_parameters_are_422(client: TestClient, auditor: dict[str, str], params: dict[str, str]) -> None:
    r = client.get("/v1/audit-events", params=params, headers=auditor)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    if "cursor" in params:
        assert r.json()["code"] == "invalid_cursor"


def test_pages_walk_the_whole_trail_without_gaps_or_repeats(
    client: TestClient, auth: Token, auditor: dict[str, str], connection: Connection, clock: FakeClock
) -> None:
    story(client, auth, clock)
    expected = [e["seq"] for e in reversed(trail(connection))]
    assert len(expected) >= 5
    seen: list[int] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        r = client.get("/v1/audit-events", params=params, headers=auditor)
        assert r.status_code == 200, r.text
        page = r.json()
        assert len(page["items"]) <= 2
        seen += [i["seq"] for i in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == expected  # the audit.list events appended meanwhile sit above the first page: never seen
    assert pages == (len(expected) + 1) // 2
    listed = [e["details"] for e in trail(connection) if e["action"] == "audit.list"]
    assert [d["continued"] for d in listed] == [False] + [True] * (pages - 1)


# ------------------------------------------------------------------------------------------------ who may read


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.AUDITOR], ids=str)
def test_only_auditors_read_or_verify_and_every_refusal_is_an_audited_denial(
    client: TestClient, auth: Token, connection: Connection, role: Role
) -> None:
    headers = auth("someone", role.value)
    for path, action in (("/v1/audit-events", "audit.list"), ("/v1/audit-events/verify", "audit.verify")):
        r = client.get(path, headers=headers)
        assert r.status_code == 403, r.text
        assert r.json()["code"] == "forbidden"
        [event] = [e for e in trail(connection) if e["action"] == action]
        assert (event["outcome"], event["actor_subject"]) == ("denied", "someone")


def test_the_trail_needs_authentication(client: TestClient) -> None:
    for path in ("/v1/audit-events", "/v1/audit-events/verify"):
        assert client.get(path).status_code == 401


# ------------------------------------------------------------------------------------------------ verification


def test_verify_holds_on_a_chain_of_real_events_and_is_audited(
    client: TestClient, auth: Token, auditor: dict[str, str], connection: Connection, clock: FakeClock
) -> None:
    story(client, auth, clock)
    stored = trail(connection)
    r = client.get("/v1/audit-events/verify", headers=auditor)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["ok"] is True
    assert (report["reason"], report["first_broken_seq"], report["first_broken_id"]) == (None, None, None)
    assert report["events_checked"] == len(stored)
    assert (report["last_good_seq"], report["last_good_hash"]) == (stored[-1]["seq"], stored[-1]["hash"])
    assert report["elapsed_seconds"] >= 0
    verified = trail(connection)[-1]
    assert (verified["action"], verified["outcome"], verified["codes"]) == ("audit.verify", "success", [])
    assert verified["details"] == {
        "ok": True,
        "events_checked": len(stored),
        "last_good_seq": stored[-1]["seq"],
        "first_broken_seq": None,
    }
    again = client.get("/v1/audit-events/verify", headers=auditor).json()
    assert again["ok"] and again["events_checked"] == len(stored) + 1  # the first verification is in the chain


def test_verification_reads_in_batches_and_any_batch_size_agrees(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock
) -> None:
    story(client, auth, clock)
    n = len(trail(connection))
    for batch in (1, 2, 3, n, 10_000):
        report = audit.verify_chain(connection, batch=batch)
        assert (report.ok, report.events_checked) == (True, n), batch
    if connection.dialect.name == "postgresql":  # instants are hashed in UTC whatever the session's time zone
        connection.execute(text("SET LOCAL TIME ZONE 'Pacific/Chatham'"))
        assert audit.verify_chain(connection).ok


def _rehash(connection: Connection, seq: int, **changes: Any) -> str:
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        event = session.get(AuditEvent, seq)
        assert event is not None
        forged = AuditEvent(**{**event.model_dump(), **changes})
        return audit.chain_hash(forged.prev_hash, forged)


TAMPERING = {
    # an edited row no longer gives its own hash
    "edit": ("UPDATE audit_event SET action = 'legal_basis.read' WHERE seq = :s", "hash_mismatch", 0),
    "edit-json": ("UPDATE audit_event SET details = '{\"forged\": true}' WHERE seq = :s", "hash_mismatch", 0),
    # an edit whose hash is recomputed breaks the link of the event after it
    "edit-and-rehash": (
        "UPDATE audit_event SET action = 'legal_basis.read', hash = :h WHERE seq = :s", "broken_link", 1
    ),
    # a deleted row leaves the next event pointing at a hash that is no longer there
    "delete": ("DELETE FROM audit_event WHERE seq = :s", "broken_link", 1),
}  # fmt: skip


@pytest.mark.parametrize("how", TAMPERING, ids=str)
def test_tampering_is_found_and_its_first_broken_link_named(
    client: TestClient,
    auth: Token,
    auditor: dict[str, str],
    connection: Connection,
    clock: FakeClock,
    how: str,
) -> None:
    story(client, auth, clock)
    assert client.get("/v1/audit-events/verify", headers=auditor).json()["ok"] is True
    stored = trail(connection)
    victim = len(stored) // 2
    statement, reason, shift = TAMPERING[how]
    with triggers_bypassed(connection):
        params = {
            "s": stored[victim]["seq"],
            "h": _rehash(connection, stored[victim]["seq"], action="legal_basis.read"),
        }
        assert connection.execute(text(statement), params).rowcount == 1
    broken = stored[victim + shift]
    tampered = trail(connection)
    position = [e["seq"] for e in tampered].index(broken["seq"])
    good = tampered[position - 1]

    r = client.get("/v1/audit-events/verify", headers=auditor)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["ok"] is False
    assert (report["first_broken_seq"], report["first_broken_id"], report["reason"]) == (
        broken["seq"],
        as_uuid(broken["id"]),
        reason,
    )
    assert (report["last_good_seq"], report["last_good_hash"]) == (good["seq"], good["hash"])
    assert report["events_checked"] == position + 1
    event = trail(connection)[-1]
    assert (event["action"], event["codes"], event["object_id"]) == ("audit.verify", [reason], as_uuid(broken["id"]))
    assert event["details"]["ok"] is False and event["details"]["first_broken_seq"] == broken["seq"]

    for batch in (1, 2, 10_000):
        assert audit.verify_chain(connection, batch=batch).first_broken_seq == broken["seq"]
    out = io.StringIO()
    assert audit_command.verify(connection, out=out) == 1
    said = out.getvalue()
    assert f"BROKEN at seq {broken['seq']} (event {as_uuid(broken['id'])}): {reason}" in said
    out = io.StringIO()
    assert audit_command.verify(connection, as_json=True, out=out) == 1
    assert json.loads(out.getvalue())["first_broken_seq"] == broken["seq"]


def test_an_event_recorded_with_a_local_time_verifies(connection: Connection) -> None:
    """The instant is hashed in UTC, the form it is stored and read back in, whatever offset the caller's clock had."""
    actor = Actor("concertation-test", "coord-1", frozenset({Role.COORDINATOR}), "cpas-a")
    brussels = datetime(2026, 11, 22, 10, 0, 0, 250, tzinfo=timezone(timedelta(hours=1)))
    with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as session:
        event = audit.record(session, actor, "legal_basis.read", Outcome.SUCCESS, now=brussels, object_type="x")
        session.commit()
    assert event.occurred_at.utcoffset() == timedelta(0) and event.occurred_at == brussels
    assert audit.verify_chain(connection).ok


def append_raw(connection: Connection, prev_hash: str, seq: int | None = None) -> AuditEvent:
    """An event inserted behind the service's back (the triggers allow INSERT: the trail must grow)."""
    event = AuditEvent(**{**PINNED, "id": uuid.uuid4(), "prev_hash": prev_hash, "seq": seq})
    event.hash = audit.chain_hash(event.prev_hash, event)
    with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as session:
        session.add(event)
        session.commit()
    return event


@pytest.mark.parametrize("far_ahead", [False, True], ids=["next-seq", "far-ahead"])
def test_a_forged_event_that_does_not_chain_is_found(
    client: TestClient,
    auth: Token,
    auditor: dict[str, str],
    connection: Connection,
    clock: FakeClock,
    far_ahead: bool,
) -> None:
    story(client, auth, clock)
    head = trail(connection)[-1]["seq"]
    forged = append_raw(connection, "f" * 64, head + 1_000_000 if far_ahead else None)
    assert audit.verify_chain(connection, batch=2).first_broken_seq == forged.seq
    report = client.get("/v1/audit-events/verify", headers=auditor).json()
    assert (report["ok"], report["first_broken_seq"], report["reason"]) == (False, forged.seq, "broken_link")
    assert report["first_broken_id"] == str(forged.id) and report["last_good_seq"] == head


def test_gaps_in_seq_prove_nothing_only_the_hashes_do(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock
) -> None:
    """PostgreSQL burns a sequence value on every rolled-back insert: a chained event after a gap (here a wide one)
    verifies, and pages of a few seq values jump the gap rather than crawl through it."""
    story(client, auth, clock)
    stored = trail(connection)
    event = append_raw(connection, stored[-1]["hash"], stored[-1]["seq"] + 10**12)
    for batch in (2, 10_000):
        report = audit.verify_chain(connection, batch=batch)
        assert (report.ok, report.events_checked, report.last_good_seq) == (True, len(stored) + 1, event.seq)


# ------------------------------------------------------------------------------------------------ the CLI, end to end


def test_cli_verifies_the_configured_database_and_names_the_first_broken_link(
    tmp_path: Path, configured: Callable[[str], None], capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    migrate(url)
    configured(url)
    assert main(["audit", "verify"]) == 0
    assert "audit chain OK: 0 event(s)" in capsys.readouterr().out

    engine = make_engine(url)
    actor = Actor("concertation-test", "coord-1", frozenset({Role.COORDINATOR}), "cpas-a")
    written = []
    for i in range(5):
        with Session(engine, expire_on_commit=False) as session:
            begin_write(session)
            written.append(
                audit.record(session, actor, "legal_basis.create", Outcome.SUCCESS, now=datetime.now(UTC),
                             object_type="legal_basis", object_id=uuid.uuid4(), details={"i": i})
            )  # fmt: skip
            session.commit()
    assert main(["audit", "verify", "--batch", "2"]) == 0
    assert "audit chain OK: 5 event(s)" in (said := capsys.readouterr().out) and written[-1].hash in said

    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_event_no_update"))
        conn.execute(text("UPDATE audit_event SET details = '{\"i\": 9}' WHERE seq = :s"), {"s": written[2].seq})
    assert main(["audit", "verify"]) == 1
    said = capsys.readouterr().out
    assert f"BROKEN at seq {written[2].seq} (event {written[2].id}): hash_mismatch" in said
    assert main(["audit", "verify", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["first_broken_seq"], report["first_broken_id"], report["reason"]) == (
        written[2].seq,
        str(written[2].id),
        "hash_mismatch",
    )
    assert report["last_good_seq"] == written[1].seq and report["last_good_hash"] == written[1].hash
    engine.dispose()
