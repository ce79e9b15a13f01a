"""Every operation of the API once, in the order a real case goes, with given request bodies: the harness of the
OpenAPI tests (and how the examples of `api.examples` were first captured).

`walk` registers a decree, drafts a concertation, invites Alice (a CPAS social worker) who reads the notice, accepts
and stays silent on an item then speaks again; the coordinator records consent and information; the concertation is
scheduled, started, minuted, ended, finalised, informed and closed; a prosecutor asks for what is in scope (granted)
and out of it (refused, alerted); Alice asks which regime lets her speak, records an exchange under shared secrecy, an
art. 458bis report and a state of necessity, and the follow-up of the last two; an auditor verifies the chain; a
partner system gets a token. Each request body is `bodies[operationId]`, with the ids it names (`legal_basis_id`,
`person_id`, …) replaced by those of the walk and the issuer it names by the issuer of the app under test. Every
exchange is kept in order, with its status and headers.
"""

from __future__ import annotations

import base64
import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

Body = dict[str, Any]
Headers = dict[str, str]
Auth = Callable[..., Headers]

#: Request-body fields that name something the walk created, and the name it keeps that thing under.
ID_FIELDS = {
    "legal_basis_id": "basis",
    "person_id": "person",
    "participant_id": "alice",
    "speaker_id": "alice",
    "agenda_item_id": "item",
    "notice_version": "notice_version",
}


@dataclass
class Exchange:
    operation_id: str
    method: str
    path: str
    request: Any
    headers: Headers
    response: Response

    @property
    def status(self) -> int:
        return self.response.status_code


@dataclass
class Walk:
    client: TestClient
    auth: Auth
    bodies: dict[str, Any]
    issuer: str
    #: Called before each request: the tests' fake clock moves a minute, so that each step comes after the last.
    tick: Callable[[], None]
    #: What the walk created, by the names of ID_FIELDS (and a few more).
    ids: dict[str, str] = field(default_factory=dict)
    exchanges: list[Exchange] = field(default_factory=list)

    def body(self, operation_id: str, **changes: Any) -> Any:
        """`bodies[operation_id]`, aimed at what the walk created, with `changes` applied."""
        body = copy.deepcopy(self.bodies[operation_id])
        if isinstance(body, dict):
            self._aim(body)
            body.update(changes)
        return body

    def _aim(self, node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ID_FIELDS and ID_FIELDS[key] in self.ids and isinstance(value, str):
                    node[key] = self.ids[ID_FIELDS[key]]
                elif key == "issuer" and isinstance(value, str):
                    node[key] = self.issuer
                else:
                    self._aim(value)
        elif isinstance(node, list):
            for item in node:
                self._aim(item)

    def call(
        self,
        operation_id: str,
        method: str,
        path: str,
        who: Headers,
        *,
        json: Any = None,
        form: Any = None,
        headers: Headers | None = None,
        expect: int = 200,
    ) -> Response:
        self.tick()
        sent = {**who, **(headers or {})}
        r: Response = self.client.request(method, path, json=json, data=form, headers=sent)
        assert r.status_code == expect, (operation_id, r.status_code, r.text)
        self.exchanges.append(Exchange(operation_id, method, path, json if form is None else form, sent, r))
        return r

    def post(self, operation_id: str, path: str, who: Headers, expect: int = 201, **kwargs: Any) -> Body:
        body = self.body(operation_id)
        r = self.call(operation_id, "POST", path, who, json=body, expect=expect, **kwargs)
        result: Body = r.json()
        return result


def walk(
    client: TestClient,
    auth: Auth,
    bodies: dict[str, Any],
    *,
    issuer: str,
    tick: Callable[[], None],
    register_client: Callable[[str, list[str], str], str],
) -> Walk:
    """Every operation once; `register_client(client_id, roles, org) -> secret` registers a partner system."""
    w = Walk(client, auth, bodies, issuer, tick)
    coordinator = auth("coord-dubois", "coordinator", org="cpas-schaerbeek")
    chair = auth("chair-lambert", "participant", org="saj-bruxelles")
    alice = auth("sw-alice", "participant", org="cpas-schaerbeek", lang="nl")
    prosecutor = auth("pr-dupont", "prosecutor", org="parquet-bruxelles")
    auditor = auth("dpo-janssens", "auditor", org="cpas-schaerbeek")

    # Legal bases.
    basis = w.post("createLegalBasis", "/v1/legal-bases", coordinator)
    w.ids["basis"] = basis["id"]
    w.call("listLegalBases", "GET", "/v1/legal-bases", coordinator)
    w.call("getLegalBasis", "GET", f"/v1/legal-bases/{basis['id']}", coordinator)

    # A concertation, its report, a change.
    c = w.post("createConcertation", "/v1/concertations", coordinator)
    url = f"/v1/concertations/{c['id']}"
    w.ids["person"] = c["persons_concerned"][0]["id"]
    w.call("listConcertations", "GET", "/v1/concertations", coordinator)
    etag = w.call("getConcertation", "GET", url, coordinator).headers["ETag"]
    w.call("getComplianceReport", "GET", f"{url}/compliance", coordinator)
    r = w.call(
        "updateConcertation", "PATCH", url, coordinator, json=w.body("updateConcertation"), headers={"If-Match": etag}
    )
    etag = r.headers["ETag"]

    # Persons concerned.
    person = w.post("addPersonConcerned", f"{url}/persons-concerned", coordinator)
    w.call("getPersonConcerned", "GET", f"{url}/persons-concerned/{person['id']}", coordinator)

    # Participants: the coordinator invites, Alice answers.
    p = w.post("addParticipant", f"{url}/participants", coordinator)
    w.ids["alice"] = pid = p["id"]
    pu = f"{url}/participants/{pid}"
    w.call("listParticipants", "GET", f"{url}/participants", coordinator)
    p_tag = w.call("getParticipant", "GET", pu, coordinator).headers["ETag"]
    change = w.body("updateParticipant")
    w.call("updateParticipant", "PATCH", pu, coordinator, json=change, headers={"If-Match": p_tag})
    w.ids["notice_version"] = w.call("getSecrecyNotice", "GET", f"{pu}/secrecy-notice", alice).json()["version"]
    w.post("acknowledgeSecrecy", f"{pu}/secrecy-acknowledgement", alice)
    w.post("respondToInvitation", f"{pu}/response", alice, expect=200)
    w.call("getParticipantFlags", "GET", f"{pu}/flags", alice)

    # The agenda; the person concerned's consent, information and an exception.
    w.ids["item"] = w.post("addAgendaItem", f"{url}/agenda-items", coordinator)["id"]
    w.call("listAgendaItems", "GET", f"{url}/agenda-items", coordinator)
    pc = f"{url}/person-concerned"
    consent = w.post("recordConsent", f"{pc}/consents", coordinator)
    w.call("getConsent", "GET", f"{pc}/consents/{consent['id']}", coordinator)
    informed = w.post("recordInformation", f"{pc}/information", coordinator)
    w.call("getInformation", "GET", f"{pc}/information/{informed['id']}", coordinator)
    exception = w.post("recordInformationException", f"{pc}/information-exception", coordinator)
    w.call("getInformationException", "GET", f"{pc}/information-exception/{exception['id']}", coordinator)

    # The session.
    etag = w.call("getConcertation", "GET", url, coordinator).headers["ETag"]
    etag = w.call("scheduleConcertation", "POST", f"{url}/schedule", coordinator, headers={"If-Match": etag}).headers[
        "ETag"
    ]
    w.call("startConcertation", "POST", f"{url}/start", coordinator, headers={"If-Match": etag})
    attendance = w.post("recordAttendance", f"{url}/attendance", chair)
    w.call("getAttendance", "GET", f"{url}/attendance/{attendance['id']}", chair)
    silence = w.call("invokeSilence", "POST", f"{pu}/silence", alice, json=w.body("invokeSilence"), expect=201)
    w.call(
        "liftSilence",
        "DELETE",
        f"{pu}/silence/{silence.json()['id']}",
        alice,
        headers={"If-Match": silence.headers["ETag"]},
    )
    entry = w.post("addMinutesEntry", f"{url}/minutes", chair)
    minutes_tag = w.call("readMinutes", "GET", f"{url}/minutes", coordinator).headers["ETag"]
    w.call("markDisclosedToPerson", "POST", f"{url}/minutes/{entry['id']}/disclosed-to-person", coordinator)

    # The prosecution path.
    request = w.post("fileProsecutionRequest", f"{url}/prosecution-requests", prosecutor)
    w.call("getProsecutionRequest", "GET", f"{url}/prosecution-requests/{request['id']}", prosecutor)
    w.call("getDisclosure", "GET", f"{url}/prosecution-requests/{request['id']}/disclosure", prosecutor)
    # R54: a request beyond the offence scope is refused whole (art. 458ter §2), kept, and alerted.
    out_of_scope = w.body("fileProsecutionRequest", offences=["cp_433quinquies"])
    w.call("fileProsecutionRequest", "POST", f"{url}/prosecution-requests", prosecutor, json=out_of_scope, expect=422)
    w.call("listAlerts", "GET", "/v1/alerts", coordinator)

    # The end: held, minutes finalised (as read: a fresh ETag), the person told what happened, closed.
    etag = w.call("endConcertation", "POST", f"{url}/end", coordinator).headers["ETag"]
    minutes_tag = w.client.get(f"{url}/minutes", headers=coordinator).headers["ETag"]
    w.call("finaliseMinutes", "POST", f"{url}/minutes/finalise", coordinator, headers={"If-Match": minutes_tag})
    after = w.body("recordInformation")
    after["items"] = [*after["items"], "what_was_shared", "what_was_decided"]
    r = client.post(f"{pc}/information", json=after, headers=coordinator)
    assert r.status_code == 201, r.text
    w.call("closeConcertation", "POST", f"{url}/close", coordinator)
    w.call("withdrawConsent", "POST", f"{pc}/consents/{consent['id']}/withdraw", coordinator)

    # Another draft, cancelled; the basis retired.
    other = w.client.post("/v1/concertations", json=w.body("createConcertation"), headers=coordinator)
    assert other.status_code == 201, other.text
    w.call("cancelConcertation", "POST", f"/v1/concertations/{other.json()['id']}/cancel", coordinator)
    w.call(
        "retireLegalBasis",
        "POST",
        f"/v1/legal-bases/{basis['id']}/retire",
        coordinator,
        json=w.body("retireLegalBasis"),
    )

    # The other regimes: Alice asks which one lets her speak, shares with a psychologist under shared secrecy,
    # reports beatings of a child to the procureur du Roi (art. 458bis), records a state of necessity, and records
    # the follow-up of the two last (R103) under the version she read. She reads these answers in French.
    alice_fr = {**alice, "Accept-Language": "fr"}
    w.call("classifyDisclosure", "POST", "/v1/disclosures/classify", alice_fr, json=w.body("classifyDisclosure"))
    for name, path in (
        ("SharedSecretExchange", "/v1/shared-secret-exchanges"),
        ("Art458bisReport", "/v1/art-458bis-reports"),
        ("NecessityRecord", "/v1/necessity-records"),
    ):
        created = w.call(f"create{name}", "POST", path, alice_fr, json=w.body(f"create{name}"), expect=201)
        record = f"{path}/{created.json()['id']}"
        assert created.headers["Location"] == record, created.headers
        w.call(f"list{name}s", "GET", path, alice_fr)
        etag = w.call(f"get{name}", "GET", record, alice_fr).headers["ETag"]
        assert etag == created.headers["ETag"]
        if name != "SharedSecretExchange":
            follow_up = f"addFollowUpTo{name}"
            w.call(
                follow_up, "POST", f"{record}/follow-ups", alice_fr, json=w.body(follow_up), headers={"If-Match": etag}
            )

    # Audit, reference data, partner systems, health.
    w.call("listAuditEvents", "GET", "/v1/audit-events?limit=2", auditor)
    w.call("verifyAuditChain", "GET", "/v1/audit-events/verify", auditor)
    w.call("listPurposes", "GET", "/v1/reference/purposes", coordinator)
    w.call("listOffences", "GET", "/v1/reference/offences", coordinator)
    w.call("listArt458bisOffences", "GET", "/v1/reference/art-458bis-offences", alice_fr)
    w.call("getPolicy", "GET", "/v1/policy", coordinator)
    secret = register_client("cpas-schaerbeek-sync", ["partner"], "cpas-schaerbeek")
    basic = base64.b64encode(f"cpas-schaerbeek-sync:{secret}".encode()).decode()
    w.call("issueToken", "POST", "/oauth/token", {"Authorization": f"Basic {basic}"}, form=w.body("issueToken"))
    # The development sign-in answers a client on the loopback interface only.
    with TestClient(client.app, raise_server_exceptions=False, client=("127.0.0.1", 50000)) as local:
        w.client = local
        w.call("createDevelopmentToken", "POST", "/oauth/dev-token", {}, json=w.body("createDevelopmentToken"))
        w.client = client
    w.call("healthz", "GET", "/healthz", {})
    w.call("readyz", "GET", "/readyz", {})
    return w
