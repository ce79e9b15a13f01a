"""Fill a database with many concertations and minutes entries, fast, with real keys and real ciphertexts.

A template concertation (made through the API, so every column is what the service itself writes) is cloned:
each clone gets its own data key, made and wrapped by the deployment's KMS exactly as `create_data_key` does, and
every sealed field (the narrative, the identities of the persons concerned, the content of each minutes entry) is
sealed again under the clone's data key with the associated data of its own place and scope — so the service reads
seeded rows as its own, and a ciphertext moved between rows still fails. Rows go in with bulk `INSERT`s, a few
thousand concertations per transaction.

The audit trail stays one verifiable chain: every seeded concertation gets a `concertation.create` event and every
seeded entry a `minutes.create` event (actor `bench-seed`), chained after the head under the chain's lock (SQLite:
BEGIN IMMEDIATE; PostgreSQL: the advisory lock `api.audit.record` takes), in the transaction of the rows they record.

`python -m bench.seed --template <concertation id> --concertations 100000 --entries 10` (uses CONCERTATION_*).
"""

from __future__ import annotations

import argparse
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Engine, insert, select, text
from sqlmodel import Session, col

from api import audit
from api.db import begin_write, make_engine
from api.security.crypto import field_aad, new_data_key, seal
from api.security.kms import Kms
from api.security.kms import from_settings as kms_from_settings
from api.services.sealed import Sealer, scope_of
from api.settings import Settings, get_settings
from models.audit import AuditEvent, Outcome
from models.concertation import Concertation, DataKey, PersonConcerned
from models.minutes import MinutesEntry

SEEDER = ("concertation", "bench-seed")
_T_CONCERTATION = Concertation.__table__  # type: ignore[attr-defined]
_T_PERSON = PersonConcerned.__table__  # type: ignore[attr-defined]
_T_KEY = DataKey.__table__  # type: ignore[attr-defined]
_T_ENTRY = MinutesEntry.__table__  # type: ignore[attr-defined]
_T_AUDIT = AuditEvent.__table__  # type: ignore[attr-defined]


@dataclass
class SeedReport:
    concertations: int
    entries: int
    audit_events: int
    seconds: float
    ids: list[uuid.UUID]

    def summary(self) -> dict[str, Any]:
        return {
            "concertations": self.concertations,
            "entries": self.entries,
            "audit_events": self.audit_events,
            "seconds": round(self.seconds, 1),
        }


class _Template:
    def __init__(self, session: Session, kms: Kms, template_id: uuid.UUID) -> None:
        row = session.get(Concertation, template_id)
        if row is None:
            raise SystemExit(f"no concertation {template_id}")
        sealer = Sealer(session, kms, row)
        self.scope = scope_of(row)
        self.columns = dict(
            session.execute(select(_T_CONCERTATION).where(_T_CONCERTATION.c.id == row.id)).mappings().one()
        )
        self.narrative = (
            sealer.open("concertation", "narrative", row.id, row.narrative_ciphertext)
            if row.narrative_ciphertext
            else None
        )
        persons = session.execute(select(_T_PERSON).where(_T_PERSON.c.concertation_id == row.id)).mappings().all()
        self.persons = [
            (dict(p), sealer.open("person_concerned", "identity", p["id"], p["identity_ciphertext"])) for p in persons
        ]
        self.org = row.org


def _audit_rows(
    prev: str, events: list[tuple[str, str, uuid.UUID, uuid.UUID, dict[str, Any]]], at: datetime
) -> list[dict[str, Any]]:
    """The events as rows, chained from `prev` by the service's own `chain_hash` (over a plain record: building
    ORM objects cost more than hashing)."""
    rows = []
    for action, object_type, object_id, concertation_id, details in events:
        row: dict[str, Any] = {
            "id": uuid.uuid4(),
            "occurred_at": at,
            "actor_issuer": SEEDER[0],
            "actor_subject": SEEDER[1],
            "action": action,
            "outcome": Outcome.SUCCESS.value,
            "object_type": object_type,
            "object_id": str(object_id),
            "concertation_id": concertation_id,
            "codes": [],
            "details": details,
            "prev_hash": prev,
        }
        row["hash"] = prev = audit.chain_hash(prev, cast(AuditEvent, SimpleNamespace(**row)))
        rows.append(row)
    return rows


def seed(
    engine: Engine,
    kms: Kms,
    template_id: uuid.UUID,
    concertations: int,
    entries: int,
    *,
    batch: int = 2000,
    progress: bool = False,
) -> SeedReport:
    """Insert `concertations` clones of the template, each with `entries` sealed minutes entries, audited."""
    started = time.perf_counter()
    with Session(engine) as session:
        session.info["kms"] = kms
        template = _Template(session, kms, template_id)
    now = datetime.now(UTC).replace(microsecond=0)
    # Older than anything the service wrote: the list's first pages walk through seeded rows.
    base = now - timedelta(days=30)
    ids: list[uuid.UUID] = []
    events = 0
    done = 0
    while done < concertations:
        n = min(batch, concertations - done)
        c_rows: list[dict[str, Any]] = []
        k_rows: list[dict[str, Any]] = []
        p_rows: list[dict[str, Any]] = []
        e_rows: list[dict[str, Any]] = []
        to_audit: list[tuple[str, str, uuid.UUID, uuid.UUID, dict[str, Any]]] = []
        for i in range(done, done + n):
            cid = uuid.uuid4()
            ids.append(cid)
            created = base + timedelta(seconds=i)
            dek = new_data_key()
            kek_id, wrapped = kms.wrap(dek, cid)
            k_rows.append(
                {"concertation_id": cid, "version": 1, "kek_id": kek_id, "wrapped_dek": wrapped, "created_at": created}
            )
            c = {**template.columns, "id": cid, "created_at": created, "updated_at": created}
            if template.narrative is not None:
                aad = field_aad(cid, "concertation", "narrative", cid, template.scope)
                c["narrative_ciphertext"] = seal(dek, 1, template.narrative, aad)
            c_rows.append(c)
            for person, identity in template.persons:
                pid = uuid.uuid4()
                aad = field_aad(cid, "person_concerned", "identity", pid, template.scope)
                p_rows.append(
                    {**person, "id": pid, "concertation_id": cid, "identity_ciphertext": seal(dek, 1, identity, aad)}
                )
            to_audit.append(("concertation.create", "concertation", cid, cid, {"seeded": True}))
            for j in range(entries):
                eid = uuid.uuid4()
                content = f"Entrée {j + 1} : la famille a repris contact avec le service (dossier {i}).".encode()
                aad = field_aad(cid, "minutes_entry", "content", eid, template.scope)
                e_rows.append(
                    {
                        "id": eid,
                        "concertation_id": cid,
                        "agenda_item_id": None,
                        "speaker_id": None,
                        "attributed_to": [],
                        "entry_type": "statement",
                        "level": "process",
                        "offence_tags": [],
                        "about_persons": [],
                        "may_inform_judicial_decision": False,
                        "from_judicial_investigation": None,
                        "penal_use_forbidden": False,
                        "content_ciphertext": seal(dek, 1, content, aad),
                        "necessity_ciphertext": None,
                        "recorded_at": created + timedelta(milliseconds=j),
                        "recorded_by": "|".join(SEEDER),
                    }
                )
                to_audit.append(("minutes.create", "minutes_entry", eid, cid, {}))
        with Session(engine) as session:
            begin_write(session)
            if engine.dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": audit._CHAIN_LOCK})
            head = session.execute(select(col(AuditEvent.hash)).order_by(col(AuditEvent.seq).desc()).limit(1)).scalar()
            a_rows = _audit_rows(head or audit.GENESIS, to_audit, now)
            session.execute(insert(_T_CONCERTATION), c_rows)
            session.execute(insert(_T_KEY), k_rows)
            if p_rows:
                session.execute(insert(_T_PERSON), p_rows)
            if e_rows:
                session.execute(insert(_T_ENTRY), e_rows)
            session.execute(insert(_T_AUDIT), a_rows)
            session.commit()
        done += n
        events += len(a_rows)
        if progress:
            rate = done / (time.perf_counter() - started)
            print(f"seeded {done}/{concertations} concertations ({rate:,.0f}/s)", flush=True)
    # After a bulk load, fresh planner statistics, as a DBA would gather (PostgreSQL's autovacuum would, later;
    # SQLite never does by itself). Without them SQLite sorts every row of the caller's organisation to list 50.
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    return SeedReport(done, done * entries, events, time.perf_counter() - started, ids)


def make_template(settings: Settings) -> uuid.UUID:
    """A lawful concertation in session, made through the API in process (a basis, a draft, schedule, start)."""
    from fastapi.testclient import TestClient

    from api.cli import dev_token
    from api.main import create_app
    from tests.api import payloads

    token = dev_token(settings, "bench-seed", ["coordinator"], "cpas-bench", 3600)
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(settings)) as client:
        basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=headers)
        basis.raise_for_status()
        made = client.post("/v1/concertations", json=payloads.concertation(basis.json()["id"]), headers=headers)
        made.raise_for_status()
        cid = made.json()["id"]
        for step in ("schedule", "start"):
            client.post(f"/v1/concertations/{cid}/{step}", headers=headers).raise_for_status()
    return uuid.UUID(cid)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.seed", description=__doc__)
    parser.add_argument(
        "--template", type=uuid.UUID, help="id of a concertation to clone (default: one made through the API)"
    )
    parser.add_argument("--concertations", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=10, help="minutes entries per concertation")
    parser.add_argument("--batch", type=int, default=2000)
    args = parser.parse_args()
    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        template = args.template or make_template(settings)
        print(f"cloning concertation {template}", flush=True)
        report = seed(
            engine,
            kms_from_settings(settings),
            template,
            args.concertations,
            args.entries,
            batch=args.batch,
            progress=True,
        )
    finally:
        engine.dispose()
    print(report.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
