"""The authorisation matrix (SPEC §4, §7): every operation × every caller × own or foreign object, exact statuses.

Each row names one operation of the live app (`METHOD /path` as in the OpenAPI) and, for each caller column of
`matrix_world.CALLERS`, what that caller must get. A caller who passes the access check on a one-shot or
state-changing operation meets a deterministic refusal that changes nothing (a stale `If-Match` → 412, an answer
already given → 409 with its code), so the whole row runs in one world and every cell says "the gate let him
through" or "the gate stopped him". Rows whose ids belong to the other organisation's concertation D, tried through
C, are the foreign-object rows.

Cells:  `200` `201` `401` `403` `404` `412` — that status with its default code (`forbidden`, `not_found`, …);
        `409`, `422` — that status with the row's `code`;   `401c` — a 401 with `invalid_client` (RFC 6749);
        `404d` — a 404 with `dev_sign_in_unavailable` (no development sign-in here);
        `403s` `403r` `403p` — a 403 with the code `not_your_participation`, `flag_not_disclosable` (R40),
        `requester_not_prosecutor` (R50);
        `200f` `200i` `200m` — the whole concertation, the invitation only, status metadata only (R45);
        `200+` `200-` — a list that contains (does not contain) C;   `.` — not tried.

For every cell, three things are checked beyond the status and code:
- a 404 must be indistinguishable from an unknown id (R27): the same request with each id of the path replaced by a
  random one gives the same status, code and body;
- a 403 or 404 on an existing object is a denial and must leave a `denied` audit event by that caller, naming
  one of the ids of the request (SPEC §4);
- mismatches are collected and reported together as a table of (row, caller, expected, got).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from api.main import create_app
from api.settings import Settings
from tests.api import payloads
from tests.conftest import Token
from tests.security.matrix_world import C_PARTICIPANTS, CALLERS, NAMES, World, build_world, start_sessions

Params = Callable[[World, str], dict[str, str]]
Body = Callable[[World, str], Any]

DEFAULT_CODES = {
    401: "authentication_required",
    403: "forbidden",
    404: "not_found",
    412: "precondition_failed",
}
QUALIFIERS = {
    "s": "not_your_participation",
    "r": "flag_not_disclosable",
    "p": "requester_not_prosecutor",
    "c": "invalid_client",
    "d": "dev_sign_in_unavailable",
}
INVITATION_FIELDS = {
    "id",
    "state",
    "legal_basis_id",
    "democratic_control",
    "art_458ter_only",
    "concertation_type",
    "purpose_category",
    "meeting_kind",
    "chair",
    "scheduled_start",
    "scheduled_end",
}
METADATA_FIELDS = {"id", "state", "scheduled_start", "updated_at"}
RECORD_METADATA_FIELDS = {"id", "regime", "status", "created_at", "updated_at"}  # a disclosure record's (R45)
STALE = {"If-Match": '"999"'}  # a version no concertation or basis here has: 412 once the gate is passed


# ------------------------------------------------------------------------------------------------ the path ids


def c(w: World, who: str) -> dict[str, str]:
    return {"concertation_id": w.c}


def own(w: World, who: str) -> str:
    """The caller's own participant id in C; callers who have none aim at the accepted participant's."""
    return w.pid[who] if who in C_PARTICIPANTS else w.pid["accepted"]


def another(w: World, who: str) -> str:
    """A participant of C who is not the caller."""
    return w.pid["accepted"] if who == "invited" else w.pid["invited"]


def own_p(w: World, who: str) -> dict[str, str]:
    return {"concertation_id": w.c, "participant_id": own(w, who)}


def other_p(w: World, who: str) -> dict[str, str]:
    return {"concertation_id": w.c, "participant_id": another(w, who)}


def d_p(w: World, who: str) -> dict[str, str]:
    """A participant of D, through C."""
    return {"concertation_id": w.c, "participant_id": w.pid["other_participant"]}


def record(name: str, key: str = "record_id", *, foreign: bool = False) -> Params:
    def params(w: World, who: str) -> dict[str, str]:
        return {"concertation_id": w.c, key: w.ids[("d_" if foreign else "") + name]}

    return params


def only(**values: Callable[[World], str]) -> Params:
    def params(w: World, who: str) -> dict[str, str]:
        return {k: v(w) for k, v in values.items()}

    return params


# ------------------------------------------------------------------------------------------------ the bodies


def _record_id(key: str) -> Callable[[World], str]:
    return lambda w: w.ids[key]


def _own_record(key: str, *, foreign: bool = False) -> Params:
    """A disclosure record's id alone (it belongs to no concertation): cpas-a's, or cpas-b's."""
    return lambda w, who: {f"{key}_id": w.ids[("d_" if foreign else "") + key]}


def new_participant(w: World, who: str) -> Any:
    return payloads.participant(subject=f"new-{who}-{w.fresh()}", display_name="Nouvelle Personne")


def new_person(w: World, who: str) -> Any:
    return payloads.person_concerned(f"P-{100 + w.fresh()}")


def consent_for(person: str) -> Body:
    return lambda w, who: payloads.consent(w.ids[person])


def information_for(person: str) -> Body:
    return lambda w, who: payloads.information(w.ids[person])


def fixed(value: Any) -> Body:
    return lambda w, who: value


# ------------------------------------------------------------------------------------------------ the rows


@dataclass(frozen=True)
class Row:
    op: str  # "METHOD /path" exactly as in the OpenAPI
    params: Params = c
    body: Body | None = None
    headers: dict[str, str] = field(default_factory=dict)
    note: str = ""
    code: str | None = None  # the code of this row's 409 or 422 cells
    cells: str = ""  # one cell per caller, in the order of CALLERS
    #: The path ids replaced by unknown ones for the R27 comparison of a 404 (see `miss_keys`).
    miss: tuple[str, ...] = ()
    form: bool = False  # the body is sent form-encoded (the OAuth token endpoint)
    #: The id a `200+`/`200-` list must (not) contain: concertation C unless said otherwise.
    listed: Callable[[World], str] | None = None
    #: A 403/404 here refuses access to something that exists and leaves a `denied` event; False where the endpoint
    #: itself is absent from this deployment (the development sign-in), which reaches no object.
    audited: bool = True

    @property
    def method(self) -> str:
        return self.op.split(" ", 1)[0]

    @property
    def template(self) -> str:
        return self.op.split(" ", 1)[1]

    @property
    def label(self) -> str:
        return f"{self.op}{f' [{self.note}]' if self.note else ''}"

    def miss_keys(self, params: dict[str, str]) -> tuple[str, ...]:
        """The concertation's id by default; the object's on rows that aim, through a concertation the caller may
        see, at an object he may not reach; both on rows that aim at another participant's object."""
        if self.miss:
            return self.miss
        last = tuple(params)[-1:]
        if "through" in self.note:
            return last
        if self.note.startswith("another's"):
            return ("concertation_id", *last)
        return ("concertation_id",) if "concertation_id" in params else last

    def expectations(self) -> list[str]:
        return self.cells.split()


V = "/v1/concertations/{concertation_id}"
P = f"{V}/participants/{{participant_id}}"
NO_BODY = fixed({})


def _lifted(w: World, who: str) -> dict[str, str]:
    return {**own_p(w, who), "silence_id": w.sid[who if who in C_PARTICIPANTS else "accepted"]}


def _others_silence(w: World, who: str) -> dict[str, str]:
    return {**own_p(w, who), "silence_id": w.sid["accepted" if who == "invited" else "invited"]}


def _ds_silence(w: World, who: str) -> dict[str, str]:
    return {**own_p(w, who), "silence_id": w.sid["other_participant"]}


#: The disclosure records: path, world key, a body whose conditions fail, its refusal code, whether it has follow-ups.
_REGIMES: tuple[tuple[str, str, dict[str, Any], str, bool], ...] = (
    (
        "/v1/shared-secret-exchanges",
        "shared_secret_exchange",
        payloads.exchange(recipients=[payloads.recipient(sector="police")]),
        "not_shared_secrecy",
        False,
    ),
    (
        "/v1/art-458bis-reports",
        "art_458bis_report",
        payloads.report(offence="cp_137"),
        "art_458bis_conditions_not_met",
        True,
    ),
    (
        "/v1/necessity-records",
        "necessity_record",
        payloads.necessity(danger=payloads.danger(time="past_not_recurring")),
        "necessity_record_refused",
        True,
    ),
)

# fmt: off
#: Rows whose outcome does not depend on the concertation's state.
ROWS_ANY_STATE: tuple[Row, ...] = (
    #             coord chair f-crd invit accpt ackd  scrib refsd oth-p prosc reqst audit admin partn f-prt nrole anon
    Row("GET /healthz", only(),
        cells="200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200"),
    Row("GET /readyz", only(),
        cells="200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200"),
    Row("GET /v1/reference/purposes", only(),
        cells="200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  401"),
    Row("GET /v1/reference/offences", only(),
        cells="200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  401"),
    Row("GET /v1/policy", only(),
        cells="200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  401"),
    Row("POST /v1/legal-bases", only(), fixed(payloads.decree()),
        cells="201  403  201  403  403  403  403  403  403  403  403  403  403  403  403  403  401"),
    Row("GET /v1/legal-bases", only(),
        cells="200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  403  401"),
    Row("GET /v1/legal-bases/{basis_id}", only(basis_id=lambda w: w.basis),
        cells="200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  404  401"),
    Row("POST /v1/legal-bases/{basis_id}/retire", only(basis_id=lambda w: w.basis), fixed({"reason": "Abrogé."}),
        STALE, note="stale If-Match",
        cells="412  403  412  403  403  403  403  403  403  403  403  403  403  403  403  403  401"),
    Row("POST /v1/concertations", only(), lambda w, who: payloads.concertation(w.basis),
        cells="201  403  201  403  403  403  403  403  403  403  403  403  403  403  403  403  401"),
    #             coord chair f-crd invit accpt ackd  scrib refsd oth-p prosc reqst audit admin partn f-prt nrole anon
    Row("GET /v1/concertations", only(),
        cells="200+ 200+ 200- 200+ 200+ 200+ 200+ 200+ 200- 200- 200- 200- 200- 200+ 200- 200- 401"),
    Row(f"GET {V}",
        cells="200f 200f 404  200i 200i 200f 200f 200i 404  404  404  404  404  200m 404  404  401"),
    Row(f"PATCH {V}", body=fixed({"why_person_not_present": "Sa présence l'exposerait."}), headers=STALE,
        note="stale If-Match",
        cells="412  412  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"GET {V}/compliance",
        cells="200  200  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    *(
        Row(f"POST {V}/{step}", headers=STALE, note="stale If-Match",
            cells="412  412  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401")
        for step in ("schedule", "start", "end", "close", "cancel")
    ),
    Row(f"POST {V}/participants", body=new_participant,
        cells="201  201  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"GET {V}/participants",
        cells="200  200  404  403  403  200  200  403  404  404  404  404  404  403  404  404  401"),
    #             coord chair f-crd invit accpt ackd  scrib refsd oth-p prosc reqst audit admin partn f-prt nrole anon
    Row(f"GET {P}", own_p, note="own",
        cells="200  200  404  200  200  200  200  200  404  404  404  404  404  403  404  404  401"),
    Row(f"GET {P}", other_p, note="another's",
        cells="200  200  404  404  404  200  200  404  404  404  404  404  404  403  404  404  401"),
    Row(f"GET {P}", d_p, note="D's, through C",
        cells="404  404  .    404  .    404  .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"PATCH {P}", own_p, fixed({"display_name": "Nom d'usage"}), STALE, note="stale If-Match",
        cells="412  412  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"PATCH {P}", d_p, fixed({"display_name": "Nom d'usage"}), STALE, note="D's, through C",
        cells="404  404  .    .    .    .    .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"POST {V}/persons-concerned", body=new_person,
        cells="201  201  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"GET {V}/persons-concerned/{{person_id}}", record("person", "person_id"),
        cells="200  200  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"GET {V}/persons-concerned/{{person_id}}", record("person", "person_id", foreign=True), note="D's, through C",
        cells="404  404  .    .    .    .    .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"GET {P}/flags", own_p, note="own",
        cells="200  200  404  200  200  200  200  200  404  404  404  404  404  403r 404  404  401"),
    Row(f"GET {P}/flags", other_p, note="another's",
        cells="200  200  404  403r 403r 403r 403r 403r 404  404  404  404  404  403r 404  404  401"),
    Row(f"GET {P}/flags", d_p, note="D's, through C",
        cells="404  404  .    .    .    403r .    .    .    .    .    .    .    .    .    .    .  "),
    #             coord chair f-crd invit accpt ackd  scrib refsd oth-p prosc reqst audit admin partn f-prt nrole anon
    Row(f"GET {P}/secrecy-notice", own_p, note="own",
        cells="403s 403s 404  200  200  200  200  200  404  404  404  404  404  403  404  404  401"),
    Row(f"GET {P}/secrecy-notice", other_p, note="another's",
        cells="403s 403s 404  403s 403s 403s 403s 403s 404  404  404  404  404  403  404  404  401"),
    Row(f"GET {P}/secrecy-notice", d_p, note="D's, through C",
        cells=".    .    .    .    .    404  .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"POST {P}/secrecy-acknowledgement", own_p, fixed({"notice_version": "0"}), note="own, outdated version",
        code="notice_version_outdated",
        cells="403s 403s 404  409  409  409  409  409  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {P}/secrecy-acknowledgement", other_p, fixed({"notice_version": "0"}), note="another's",
        cells="403s 403s 404  403s 403s 403s 403s 403s 404  404  404  404  404  403  404  404  401"),
    Row(f"POST {P}/secrecy-acknowledgement", d_p, fixed({"notice_version": "0"}), note="D's, through C",
        cells=".    .    .    404  .    .    .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"POST {P}/silence", own_p, NO_BODY, note="own",
        cells="403s 403s 404  201  201  201  201  201  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {P}/silence", other_p, NO_BODY, note="another's",
        cells="403s 403s 404  403s 403s 403s 403s 403s 404  404  404  404  404  403  404  404  401"),
    Row(f"POST {P}/silence", d_p, NO_BODY, note="D's, through C",
        cells=".    .    .    .    .    404  .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"POST {P}/silence", own_p, lambda w, who: {"agenda_item_id": w.ids["d_agenda_item"]},
        note="own, on D's agenda item", code="agenda_item_unknown",
        cells=".    .    .    .    .    422  .    .    .    .    .    .    .    .    .    .    .  "),
    #             coord chair f-crd invit accpt ackd  scrib refsd oth-p prosc reqst audit admin partn f-prt nrole anon
    Row(f"DELETE {P}/silence/{{silence_id}}", _lifted, note="own, already lifted", code="silence_already_lifted",
        cells="403s 403s 404  409  409  409  409  409  404  404  404  404  404  403  404  404  401"),
    Row(f"DELETE {P}/silence/{{silence_id}}", _others_silence, note="another's silence, through own id",
        cells=".    .    .    404  404  404  404  404  .    .    .    .    .    .    .    .    .  "),
    Row(f"DELETE {P}/silence/{{silence_id}}", _ds_silence, note="D's silence, through C",
        cells=".    .    .    .    .    404  .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"POST {V}/attendance", body=lambda w, who: {"participant_id": w.pid["accepted"], "event": "left"},
        note="draft", code="not_in_session",
        cells="409  409  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {V}/attendance", body=lambda w, who: {"participant_id": w.pid["other_participant"], "event": "joined"},
        note="D's participant, through C", miss=("concertation_id",),
        cells="404  .    .    .    .    .    .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"POST {V}/agenda-items", body=fixed({"title": "Point"}),
        cells="201  201  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"GET {V}/agenda-items",
        cells="200  200  404  403  403  200  200  403  404  404  404  404  404  403  404  404  401"),
    #             coord chair f-crd invit accpt ackd  scrib refsd oth-p prosc reqst audit admin partn f-prt nrole anon
    Row(f"POST {V}/person-concerned/consents", body=consent_for("person"),
        cells="201  201  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {V}/person-concerned/consents", body=consent_for("d_person"), note="about D's person",
        code="person_unknown",
        cells="422  .    .    .    .    .    .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"POST {V}/person-concerned/consents/{{consent_id}}/withdraw", record("consent", "consent_id"),
        note="already withdrawn", code="consent_already_withdrawn",
        cells="409  409  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {V}/person-concerned/consents/{{consent_id}}/withdraw", record("consent", "consent_id", foreign=True),
        note="D's, through C",
        cells="404  404  .    .    .    .    .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"POST {V}/person-concerned/information", body=information_for("person"),
        cells="201  201  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {V}/person-concerned/information", body=information_for("d_person"), note="about D's person",
        code="person_unknown",
        cells="422  .    .    .    .    .    .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"POST {V}/person-concerned/information-exception",
        body=lambda w, who: payloads.information_exception(w.ids["person"]),
        cells="201  201  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    *(
        row
        for path, name in (
            ("person-concerned/consents", "consent"),
            ("person-concerned/information", "information"),
            ("person-concerned/information-exception", "exception"),
        )
        for row in (
            Row(f"GET {V}/{path}/{{record_id}}", record(name),
                cells="200  200  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
            Row(f"GET {V}/{path}/{{record_id}}", record(name, foreign=True), note="D's, through C",
                cells="404  404  .    .    .    .    .    .    .    .    .    .    .    .    .    .    .  "),
        )
    ),
    #             coord chair f-crd invit accpt ackd  scrib refsd oth-p prosc reqst audit admin partn f-prt nrole anon
    Row(f"GET {V}/minutes",
        cells="200  200  404  403  403  200  200  403  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {V}/prosecution-requests", body=fixed(payloads.prosecution_request()),
        cells="403p 403p 404  403p 403p 403p 403p 403p 404  201  201  404  404  403p 404  404  401"),
    Row(f"GET {V}/prosecution-requests/{{request_id}}", record("request", "request_id"),
        cells="200  200  404  403  403  403  403  403  404  404  200  404  404  403  404  404  401"),
    Row(f"GET {V}/prosecution-requests/{{request_id}}", record("request", "request_id", foreign=True),
        note="D's, through C",
        cells="404  404  .    .    .    .    .    .    .    .    404  .    .    .    .    .    .  "),
    Row(f"GET {V}/prosecution-requests/{{request_id}}/disclosure", record("request", "request_id"),
        cells="404  404  404  404  404  404  404  404  404  404  200  404  404  404  404  404  401"),
    Row(f"GET {V}/prosecution-requests/{{request_id}}/disclosure", record("request", "request_id", foreign=True),
        note="D's, through C",
        cells=".    .    .    .    .    .    .    .    .    .    404  .    .    .    .    .    .  "),
    # RFC 6749: the token endpoint authenticates the client by its credentials; no bearer token of any role opens
    # it, and every caller with a wrong secret gets the same refusal.
    Row("POST /oauth/token", only(), fixed({"grant_type": "client_credentials", "client_id": "cms-a",
        "client_secret": "not-the-secret"}), note="wrong client secret", form=True,
        cells="401c 401c 401c 401c 401c 401c 401c 401c 401c 401c 401c 401c 401c 401c 401c 401c 401c"),
    # How the console signs in, before anyone is signed in: the same public answer for every caller.
    Row("GET /console/config.json", only(),
        cells="200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200"),
    # The development sign-in exists only with the development issuer on and for a loopback client; this matrix's
    # client is neither, so every caller, signed in or not, gets the same 404.
    Row("POST /oauth/dev-token", only(), fixed({"sub": "someone", "roles": ["coordinator"]}), audited=False,
        cells="404d 404d 404d 404d 404d 404d 404d 404d 404d 404d 404d 404d 404d 404d 404d 404d 404d"),
    Row("GET /v1/alerts", only(),
        cells="200  403  200  403  403  403  403  403  403  403  403  200  403  403  403  403  401"),
    Row("GET /v1/audit-events", only(),
        cells="403  403  403  403  403  403  403  403  403  403  403  200  403  403  403  403  401"),
    Row("GET /v1/audit-events/verify", only(),
        cells="403  403  403  403  403  403  403  403  403  403  403  200  403  403  403  403  401"),
    # The other regimes of disclosure (issue 13): records of cpas-a by its coordinator, of cpas-b by its own.
    Row("GET /v1/reference/art-458bis-offences", only(),
        cells="200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  401"),
    Row("POST /v1/disclosures/classify", only(), fixed(payloads.classification()),
        cells="200  200  200  200  200  200  200  200  200  403  403  403  403  403  403  403  401"),
    *(
        row
        for path, key, failing, code, follow_ups in _REGIMES
        for row in (
            Row(f"POST {path}", only(), fixed(failing), note="conditions not met", code=code,
                cells="422  422  422  422  422  422  422  422  422  403  403  403  403  403  403  403  401"),
            Row(f"GET {path}", only(), listed=_record_id(key),
                cells="200+ 200- 200- 200- 200- 200- 200- 200- 200- 403  403  403  403  200+ 200- 403  401"),
            Row(f"GET {path}/{{{key}_id}}", _own_record(key),
                cells="200f 404  404  404  404  404  404  404  404  404  404  404  404  200m 404  404  401"),
            Row(f"GET {path}/{{{key}_id}}", _own_record(key, foreign=True), note="cpas-b's",
                cells="404  .    200f .    .    .    .    .    .    .    .    .    .    404  200m .    .  "),
            *(
                (
                    Row(f"POST {path}/{{{key}_id}}/follow-ups", _own_record(key),
                        fixed({"outcome": "support_continues", "note": "Suivi hebdomadaire maintenu."}), STALE,
                        note="stale If-Match",
                        cells="412  404  404  404  404  404  404  404  404  404  404  404  404  403  404  404  401"),
                    Row(f"POST {path}/{{{key}_id}}/follow-ups", _own_record(key, foreign=True),
                        fixed({"outcome": "support_continues", "note": "Suivi hebdomadaire maintenu."}), STALE,
                        note="cpas-b's, stale If-Match",
                        cells="404  .    412  .    .    .    .    .    .    .    .    .    .    404  403  .    .  "),
                )
                if follow_ups
                else ()
            ),
        )
    ),
)

#: Rows whose outcome depends on the concertation being a draft (no minutes yet); the answers last, since an
#: answer changes the invitee's.
ROWS_DRAFT: tuple[Row, ...] = (
    #             coord chair f-crd invit accpt ackd  scrib refsd oth-p prosc reqst audit admin partn f-prt nrole anon
    Row(f"POST {V}/minutes", body=fixed(payloads.minutes_entry()), note="draft", code="minutes_not_writable",
        cells="409  409  404  403  403  403  409  403  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {V}/minutes/finalise", note="draft", code="minutes_not_writable",
        cells="409  409  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {P}/response", own_p, lambda w, who: {"answer": "refuse" if who == "refused" else "accept"},
        note="own",
        cells="403s 403s 404  200  200  200  200  200  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {P}/response", other_p, fixed({"answer": "accept"}), note="another's",
        cells="403s 403s 404  403s 403s 403s 403s 403s 404  404  404  404  404  403  404  404  401"),
    Row(f"POST {P}/response", d_p, fixed({"answer": "accept"}), note="D's, through C",
        cells=".    .    .    .    .    404  .    .    .    .    .    .    .    .    .    .    .  "),
)

#: Rows whose outcome depends on the concertation meeting: minutes are written, attendance recorded.
ROWS_IN_SESSION: tuple[Row, ...] = (
    #             coord chair f-crd invit accpt ackd  scrib refsd oth-p prosc reqst audit admin partn f-prt nrole anon
    Row(f"POST {V}/minutes", body=fixed(payloads.minutes_entry()), note="in session",
        cells="201  201  404  403  403  403  201  403  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {V}/minutes", body=lambda w, who: payloads.minutes_entry(w.pid["other_participant"]),
        note="D's speaker, through C", code="speaker_not_a_participant",
        cells="422  .    .    .    .    .    .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"GET {V}/minutes", note="in session",
        cells="200  200  404  403  403  200  200  403  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {V}/attendance", body=lambda w, who: {"participant_id": w.pid["accepted"], "event": "left"},
        note="in session", code="not_present",
        cells="409  409  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"GET {V}/attendance/{{record_id}}", record("attendance"),
        cells="200  200  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"GET {V}/attendance/{{record_id}}", record("attendance", foreign=True), note="D's, through C",
        cells="404  404  .    .    .    .    .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"POST {V}/minutes/{{entry_id}}/disclosed-to-person", record("entry", "entry_id"), note="already disclosed",
        code="already_disclosed",
        cells="409  409  404  403  403  403  403  403  404  404  404  404  404  403  404  404  401"),
    Row(f"POST {V}/minutes/{{entry_id}}/disclosed-to-person", record("entry", "entry_id", foreign=True),
        note="D's, through C",
        cells="404  404  .    .    .    .    .    .    .    .    .    .    .    .    .    .    .  "),
    Row(f"GET {V}/prosecution-requests/{{request_id}}/disclosure", record("request", "request_id"),
        note="in session",
        cells="404  404  404  404  404  404  404  404  404  404  200  404  404  404  404  404  401"),
)
# fmt: on

ALL_ROWS = ROWS_ANY_STATE + ROWS_DRAFT + ROWS_IN_SESSION


# ------------------------------------------------------------------------------------------------ running a row


@dataclass(frozen=True)
class Expect:
    status: int
    code: str | None
    shape: str | None = None  # full | inv | meta | +C | -C


def parse(cell: str, row_code: str | None = None) -> Expect:
    m = re.fullmatch(r"(\d{3})([srpcdfim+-]?)", cell)
    assert m, f"bad cell {cell!r}"
    status, qualifier = int(m.group(1)), m.group(2)
    if status in (409, 422):
        assert row_code, f"a {status} cell needs the row's code"
    if row_code and status in (409, 422):
        return Expect(status, row_code)
    if qualifier in QUALIFIERS:
        return Expect(status, QUALIFIERS[qualifier])
    shape = {"f": "full", "i": "inv", "m": "meta", "+": "+C", "-": "-C"}.get(qualifier)
    return Expect(status, DEFAULT_CODES.get(status), shape)


def _shape_error(w: World, row: Row, body: Any, shape: str | None) -> str | None:
    if shape is None:
        return None
    if shape in ("+C", "-C"):
        target = row.listed(w) if row.listed else w.c
        listed = target in {i["id"] for i in body["items"]}
        return None if listed == (shape == "+C") else f"{target} {'missing from' if shape == '+C' else 'in'} the list"
    keys = set(body)
    if shape == "full" and ("persons_concerned" in keys or "person_ref" in keys):
        return None
    if shape == "inv" and keys == INVITATION_FIELDS:
        return None
    if shape == "meta" and keys in (METADATA_FIELDS, RECORD_METADATA_FIELDS):
        return None
    return f"expected the {shape} view, got fields {sorted(keys)}"


def _last_seq(connection: Connection) -> int:
    return int(connection.execute(text("SELECT coalesce(max(seq), 0) FROM audit_event")).scalar_one())


def _uuid(value: Any) -> str | None:
    return None if value is None else str(uuid.UUID(str(value)))


def _denials_since(connection: Connection, seq: int, subject: str) -> list[set[str | None]]:
    """The ids (object, concertation) each `denied` event of this caller names, since `seq`."""
    query = text(
        "SELECT object_id, concertation_id FROM audit_event "
        "WHERE seq > :s AND actor_subject = :a AND outcome = 'denied'"
    )
    return [{_uuid(o), _uuid(c)} for o, c in connection.execute(query, {"s": seq, "a": subject})]


def _ids_named(params: dict[str, str], body: Any) -> set[str]:
    """The ids a request names, in its path and then at the top of its body: what its denial must be about. A
    create (no id in the path) names nothing yet."""
    if not params:
        return set()
    values = list(params.values()) + (list(body.values()) if isinstance(body, dict) else [])
    out = set()
    for v in values:
        try:
            out.add(str(uuid.UUID(str(v))))
        except ValueError:
            continue
    return out


@dataclass
class Report:
    mismatches: list[tuple[str, str, str, str]] = field(default_factory=list)
    cells: int = 0
    denials_audited: int = 0
    misses_compared: int = 0

    def add(self, row: Row, who: str, expected: str, got: str) -> None:
        self.mismatches.append((row.label, who, expected, got))

    def table(self) -> str:
        width = max(len(m[0]) for m in self.mismatches)
        lines = [f"{'operation':<{width}}  {'caller':<20} {'expected':<32} got"]
        lines += [f"{op:<{width}}  {who:<20} {exp:<32} {got}" for op, who, exp, got in self.mismatches]
        return "\n".join(lines)


def _problem(r: Any) -> tuple[int, str | None, Any]:
    try:
        body = r.json()
    except ValueError:
        body = r.text
    return r.status_code, body.get("code") if isinstance(body, dict) else None, body


def _send(w: World, row: Row, params: dict[str, str], body: Any, headers: dict[str, str]) -> Any:
    url = row.template.format(**params)
    if row.form:
        form = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
        return w.client.request(row.method, url, content=urlencode(body), headers=form)
    return w.client.request(row.method, url, json=body, headers=headers)


def run_rows(w: World, connection: Connection, rows: tuple[Row, ...], report: Report | None = None) -> Report:
    report = report or Report()
    for row in rows:
        cells = row.expectations()
        assert len(cells) == len(CALLERS), f"{row.label}: {len(cells)} cells for {len(CALLERS)} callers"
        for caller, cell in zip(CALLERS, cells, strict=True):
            if cell == ".":
                continue
            report.cells += 1
            expect = parse(cell, row.code)
            params = row.params(w, caller.name)
            body = row.body(w, caller.name) if row.body else None
            headers = {**w.headers[caller.name], **row.headers}
            before = _last_seq(connection)
            r = _send(w, row, params, body, headers)
            status, code, payload = _problem(r)
            if (status, code if expect.code else None) != (expect.status, expect.code):
                report.add(row, caller.name, cell, f"{status} {code or ''}".strip())
                continue
            shape = _shape_error(w, row, payload, expect.shape)
            if shape:
                report.add(row, caller.name, cell, shape)
            if expect.status in (403, 404) and caller.subject is not None and row.audited:
                denials = _denials_since(connection, before, caller.subject)
                named = _ids_named(params, body)
                if not denials:
                    report.add(row, caller.name, cell, f"{status}, but no denied audit event")
                elif named and not any(named & ids for ids in denials):
                    report.add(row, caller.name, cell, f"{status}, denied event names none of {sorted(named)}")
                else:
                    report.denials_audited += 1
            if expect.status == 404:
                # R27: exactly what an unknown id gets, whichever id of the path is replaced.
                keys = row.miss_keys(params)
                for key in keys:
                    miss = {**params, key: str(uuid.uuid4())}
                    m = _send(w, row, miss, body, headers)
                    report.misses_compared += 1
                    if _problem(m) != (status, code, payload):
                        report.add(row, caller.name, cell, f"differs from an unknown {key}: {_problem(m)[:2]}")
    return report


def _assert_clean(report: Report) -> None:
    assert not report.mismatches, f"{len(report.mismatches)} of {report.cells} cells differ:\n{report.table()}"


# ------------------------------------------------------------------------------------------------ the tests


def test_the_authorisation_matrix(client: TestClient, auth: Token, connection: Connection) -> None:
    """One world per database: the rows of any state and of a draft, then both concertations meet and the rows
    whose outcome depends on it run again."""
    w = build_world(client, auth)
    report = run_rows(w, connection, ROWS_ANY_STATE + ROWS_DRAFT)
    start_sessions(w)
    run_rows(w, connection, ROWS_IN_SESSION, report)
    _assert_clean(report)
    # The checks beyond the status really ran (a matrix of skipped cells proves nothing).
    assert report.cells > 1000 and report.denials_audited > 700 and report.misses_compared > 400, report


# ------------------------------------------------------------------------------------------------ the guard


#: Pages with no data of anyone, the same for every caller: the OpenAPI document and its two readers, and the
#: console's static files (tests/console/test_console_serving.py covers them).
FRAMEWORK = {
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/docs/oauth2-redirect"),
    ("GET", "/redoc"),
    ("GET", "/console/{path:path}"),
}


def _walk(routes: Any, prefix: str = "") -> set[tuple[str, str]]:
    """Every (method, path) the app serves, in or out of the schema (FastAPI may nest included routers)."""
    found: set[tuple[str, str]] = set()
    for route in routes:
        path = getattr(route, "path", None)
        if path is not None and getattr(route, "methods", None):
            found |= {(m, prefix + path) for m in route.methods if m != "HEAD"}
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            found |= _walk(inner.routes, prefix + getattr(context, "prefix", ""))
        elif getattr(route, "routes", None) and path is not None:  # a mounted sub-application
            found |= _walk(route.routes, prefix + path)
    return found


def live_operations(app: Any) -> set[tuple[str, str]]:
    spec = app.openapi()
    verbs = {"get", "post", "put", "patch", "delete"}
    from_schema = {(m.upper(), p) for p, item in spec["paths"].items() for m in item if m in verbs}
    return (from_schema | _walk(app.routes)) - FRAMEWORK


def test_every_live_operation_has_matrix_rows(settings: Settings) -> None:
    """A new endpoint cannot ship without saying, in the matrix, who may call it."""
    live = live_operations(create_app(settings))
    covered = {(r.method, r.template) for r in ALL_ROWS}
    missing = sorted(live - covered)
    stale = sorted(covered - live)
    assert not missing, "operations with no row in the authorisation matrix:\n" + "\n".join(
        f"{m} {p}" for m, p in missing
    )
    assert not stale, "matrix rows for operations the app does not serve:\n" + "\n".join(f"{m} {p}" for m, p in stale)


def test_every_row_has_a_cell_per_caller() -> None:
    for row in ALL_ROWS:
        cells = row.expectations()
        assert len(cells) == len(NAMES), row.label
        for cell in cells:
            if cell != ".":
                parse(cell, row.code)


# ------------------------------------------------------------------------------------------------ idempotency keys


def test_an_idempotency_key_never_replays_another_callers_response(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    """SPEC §2: keys are scoped per client. The same key and the same request from another caller is that caller's
    own request — answered by its own access decision — never the first caller's stored response."""
    owner = auth("idem-coord-a", "coordinator", org="cpas-a")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=owner).json()["id"]
    c = client.post("/v1/concertations", json=payloads.concertation(basis), headers=owner).json()["id"]
    url, body, key = f"/v1/concertations/{c}/agenda-items", {"title": "Situation"}, {"Idempotency-Key": "k-1"}
    first = client.post(url, json=body, headers={**owner, **key})
    assert first.status_code == 201, first.text
    others = {
        "foreign_coordinator": (auth("idem-coord-b", "coordinator", org="cpas-b"), 404),
        "partner": (auth("idem-cms-a", "partner", org="cpas-a"), 403),
        "participant_elsewhere": (auth("idem-p-other", "participant", org="x"), 404),
    }
    for name, (headers, status) in others.items():
        r = client.post(url, json=body, headers={**headers, **key})
        assert r.status_code == status, (name, r.text)
        assert "Idempotent-Replayed" not in r.headers, name
        assert first.json()["id"] not in r.text, name
    replay = client.post(url, json=body, headers={**owner, **key})
    assert (replay.status_code, replay.json(), replay.headers.get("Idempotent-Replayed")) == (201, first.json(), "true")
    items = connection.execute(
        text("SELECT count(*) FROM agenda_item WHERE concertation_id = :c"),
        {"c": c.replace("-", "") if connection.dialect.name == "sqlite" else c},
    ).scalar_one()
    assert items == 1
