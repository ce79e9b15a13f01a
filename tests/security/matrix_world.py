"""The world the authorisation matrix runs in: two concertations of two organisations, and every kind of caller.

Concertation C belongs to `cpas-a` (coordinator `coord-1`, chair `chair-lambert`); its participants stand at every
step of their rights: invited without an answer, accepted without acknowledging secrecy, acknowledged, a
minute-taker who acknowledged, and one who acknowledged and then refused. Concertation D belongs to `cpas-b` and has
its own participant and its own records, so that every id of D can be tried through C (foreign objects). A
prosecutor holds a granted request on C (and one on D); another prosecutor holds none. Every record a read or a
one-shot action needs (a consent already withdrawn, a silence already lifted, an entry already made known to the
person) exists before the matrix runs, so that a caller who passes the access check meets a deterministic answer
that changes nothing (a 409 or a 412) and the next caller finds the same world.

Everything is built through HTTP, as the tests in tests/api do; `start_sessions` then schedules and starts both
concertations, records an attendance and writes a minutes entry in each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient

from tests.api import payloads
from tests.conftest import ISSUER, Token

Headers = dict[str, str]
CHAIR = "chair-lambert"


@dataclass(frozen=True)
class Caller:
    name: str
    subject: str | None  # None: no token at all
    roles: tuple[str, ...] = ()
    org: str | None = None


#: The columns of the matrix, in this order.
CALLERS: tuple[Caller, ...] = (
    Caller("coordinator", "coord-1", ("coordinator",), "cpas-a"),
    Caller("chair", CHAIR, ("participant",), "saj-bxl"),
    Caller("foreign_coordinator", "coord-b", ("coordinator",), "cpas-b"),
    Caller("invited", "p-invited", ("participant",), "other-service"),
    Caller("accepted", "p-accepted", ("participant",), "other-service"),
    Caller("acknowledged", "p-ack", ("participant",), "other-service"),
    Caller("minute_taker", "p-scribe", ("participant",), "other-service"),
    Caller("refused", "p-refused", ("participant",), "other-service"),
    Caller("other_participant", "p-other", ("participant",), "other-service"),
    Caller("prosecutor", "pr-lg", ("prosecutor",), "parquet-liege"),
    Caller("requester", "pr-bxl", ("prosecutor",), "parquet-bxl"),
    Caller("auditor", "dpo-1", ("auditor",), "cpas-a"),
    Caller("admin", "admin-1", ("admin",), "cpas-a"),
    Caller("partner", "cms-a", ("partner",), "cpas-a"),
    Caller("foreign_partner", "cms-b", ("partner",), "cpas-b"),
    Caller("no_roles", "nobody", (), "cpas-a"),
    Caller("anonymous", None),
)
NAMES = tuple(c.name for c in CALLERS)
#: Participants of C, by caller name, and how far each went.
C_PARTICIPANTS: dict[str, dict[str, Any]] = {
    "invited": {"answer": None, "acknowledge": False},
    "accepted": {"answer": "accept", "acknowledge": False},
    "acknowledged": {"answer": "accept", "acknowledge": True},
    "minute_taker": {"answer": "accept", "acknowledge": True, "role": "minute_taker"},
    "refused": {"answer": "refuse", "acknowledge": True},
}


@dataclass
class World:
    client: TestClient
    headers: dict[str, Headers]
    basis: str = ""
    c: str = ""
    d: str = ""
    pid: dict[str, str] = field(default_factory=dict)  # caller name -> participant id in C (or D for p-other)
    sid: dict[str, str] = field(default_factory=dict)  # caller name -> a lifted silence of his
    ids: dict[str, str] = field(default_factory=dict)  # named records of C and of D ("d_consent", …)
    counter: int = 0

    def fresh(self) -> int:
        self.counter += 1
        return self.counter

    def ok(self, method: str, path: str, who: str, body: Any = None, status: int = 201) -> dict[str, Any]:
        r = self.client.request(method, path, json=body, headers=self.headers[who])
        assert r.status_code == status, (method, path, who, r.status_code, r.text)
        return dict(r.json()) if r.content else {}


def _headers(auth: Token) -> dict[str, Headers]:
    out: dict[str, Headers] = {}
    for c in CALLERS:
        out[c.name] = {} if c.subject is None else auth(c.subject, *c.roles, org=c.org)
    return out


def _participant(subject: str, **extra: Any) -> dict[str, Any]:
    return payloads.participant(subject=subject, display_name=f"Participant {subject}", **extra)


def _join(
    w: World, concertation: str, who: str, owner: str, *, answer: str | None, acknowledge: bool, **extra: Any
) -> str:
    subject = next(c.subject for c in CALLERS if c.name == who)
    assert subject is not None
    base = f"/v1/concertations/{concertation}"
    pid = str(w.ok("POST", f"{base}/participants", owner, _participant(subject, **extra))["id"])
    if acknowledge:
        notice = w.ok("GET", f"{base}/participants/{pid}/secrecy-notice", who, status=200)
        w.ok("POST", f"{base}/participants/{pid}/secrecy-acknowledgement", who, {"notice_version": notice["version"]})
    if answer:
        w.ok("POST", f"{base}/participants/{pid}/response", who, {"answer": answer}, status=200)
    silence = w.ok("POST", f"{base}/participants/{pid}/silence", who, {})
    w.ok("DELETE", f"{base}/participants/{pid}/silence/{silence['id']}", who, status=200)
    w.sid[who] = str(silence["id"])
    return pid


def _records(w: World, concertation: str, owner: str, prefix: str) -> None:
    """A person's consent (withdrawn), an information record, an exception and an agenda item."""
    base = f"/v1/concertations/{concertation}"
    person = w.ok("GET", base, owner, status=200)["persons_concerned"][0]["id"]
    w.ids[f"{prefix}person"] = str(person)
    consent = w.ok("POST", f"{base}/person-concerned/consents", owner, payloads.consent(person))
    w.ok("POST", f"{base}/person-concerned/consents/{consent['id']}/withdraw", owner, status=200)
    w.ids[f"{prefix}consent"] = str(consent["id"])
    info = w.ok("POST", f"{base}/person-concerned/information", owner, payloads.information(person))
    w.ids[f"{prefix}information"] = str(info["id"])
    exc = w.ok("POST", f"{base}/person-concerned/information-exception", owner, payloads.information_exception(person))
    w.ids[f"{prefix}exception"] = str(exc["id"])
    item = w.ok("POST", f"{base}/agenda-items", owner, {"title": "Situation de l'enfant"})
    w.ids[f"{prefix}agenda_item"] = str(item["id"])


def _session(w: World, concertation: str, owner: str, present: str, prefix: str) -> None:
    """Schedule and start; `present` joins; one minutes entry, already made known to the person (R33)."""
    base = f"/v1/concertations/{concertation}"
    for step in ("schedule", "start"):
        w.ok("POST", f"{base}/{step}", owner, status=200)
    attendance = w.ok("POST", f"{base}/attendance", owner, {"participant_id": present, "event": "joined"})
    w.ids[f"{prefix}attendance"] = str(attendance["id"])
    # No speaker: the participants invoked silences while the matrix ran on the draft (R38).
    entry = w.ok("POST", f"{base}/minutes", owner, payloads.minutes_entry(offence_tags=["cp_398"]))
    w.ids[f"{prefix}entry"] = str(entry["id"])
    w.ok("POST", f"{base}/minutes/{entry['id']}/disclosed-to-person", owner, status=200)


def start_sessions(w: World) -> None:
    """Both concertations meet: C with the acknowledged participant present, D with its own participant."""
    _session(w, w.c, "coordinator", w.pid["acknowledged"], "")
    _session(w, w.d, "foreign_coordinator", w.pid["other_participant"], "d_")


def build_world(client: TestClient, auth: Token) -> World:
    w = World(client, _headers(auth))
    w.basis = str(w.ok("POST", "/v1/legal-bases", "coordinator", payloads.decree())["id"])
    body = payloads.concertation(w.basis)
    body["chair"] = {**body["chair"], "issuer": ISSUER, "subject": CHAIR}
    w.c = str(w.ok("POST", "/v1/concertations", "coordinator", body)["id"])
    w.d = str(w.ok("POST", "/v1/concertations", "foreign_coordinator", payloads.concertation(w.basis))["id"])
    for who, how in C_PARTICIPANTS.items():
        extra = {"role": how["role"]} if "role" in how else {}
        w.pid[who] = _join(
            w, w.c, who, "coordinator", answer=how["answer"], acknowledge=bool(how["acknowledge"]), **extra
        )
    w.pid["other_participant"] = _join(
        w, w.d, "other_participant", "foreign_coordinator", answer="accept", acknowledge=True
    )
    _records(w, w.c, "coordinator", "")
    _records(w, w.d, "foreign_coordinator", "d_")
    for concertation, prefix in ((w.c, ""), (w.d, "d_")):
        request = w.ok(
            "POST",
            f"/v1/concertations/{concertation}/prosecution-requests",
            "requester",
            payloads.prosecution_request(),
        )
        assert request["decision"] == "granted", request
        w.ids[f"{prefix}request"] = str(request["id"])
    _disclosures(w)
    return w


def _disclosures(w: World) -> None:
    """One record of each regime by each organisation's coordinator (issue 13): cpas-a's and cpas-b's."""
    for owner, prefix in (("coordinator", ""), ("foreign_coordinator", "d_")):
        for path, key, body in (
            ("/v1/shared-secret-exchanges", "shared_secret_exchange", payloads.exchange()),
            ("/v1/art-458bis-reports", "art_458bis_report", payloads.report()),
            ("/v1/necessity-records", "necessity_record", payloads.necessity()),
        ):
            w.ids[f"{prefix}{key}"] = str(w.ok("POST", path, owner, body)["id"])
