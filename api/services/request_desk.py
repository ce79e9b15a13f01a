"""Use cases of the institution's request desk: art. 46bis/1 C. i. cr. requests (R78–R84, D16).

The request is secret (R83). Only the institution's designated handlers — the director general, the president, the
designated referent — of the institution it reached ever see it; everyone else gets exactly what an unknown id gets,
the worker who received it included (R80: he refers it to them and is done). Its audit events name neither the
request, nor its kind, nor a rule or code: they say that a `restricted` act took place, by whom and when; the request
keeps the details of its own history, sealed with it, for its handlers.

A request that fails R78, R79 or R84 is refused and nothing of it is stored. An accepted one keeps its vocabularies
in the clear and every text sealed; its items that are not administrative data are refused from the start (R81).
The answer is the institution's, given by a signatory (R80), item by item, without free text (R81); refusing an
admissible item is the institution's call, with the warning that the law punishes it (R82).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, NoReturn

from sqlmodel import Session, col, select

from api.db import begin_write
from api.errors import Conflict, Forbidden, IntegrityFailure, NotFound, PreconditionFailed, refused
from api.security.crypto import IntegrityError
from api.security.kms import Kms
from api.services.common import (
    Cite,
    Render,
    audit_alone,
    check_public,
    decode_cursor,
    encode_cursor,
    past,
    principal_key,
    succeed,
)
from api.services.sealed import AdminRequestSealer
from api.settings import Settings
from models.audit import Outcome
from models.concertation import CheckPublic
from models.request_desk import (
    AdminInfoRequest,
    Art46bis1AnswerCreate,
    Art46bis1Page,
    Art46bis1RequestCreate,
    Art46bis1RequestPublic,
    Art46bis1Routed,
    Art46bis1Summary,
    HistoryEntry,
    ItemPublic,
)
from policies import art_46bis1, grounds
from policies.access import Actor, Visibility, admin_request_visibility, is_request_handler, is_signatory
from policies.access import may_register_admin_request as may_register
from policies.art_46bis1 import AnswerFacts, ItemFacts, RequestFacts
from policies.decision import Decision, Finding, Violation
from policies.profiles import weigh
from policies.vocab import AdminDataCategory, Art46bis1State, ItemDecision, Profile, RequestAddressee, Status

#: R83 — what the audit trail says of any act on a request: that a restricted act took place, nothing more.
OBJECT_TYPE = "restricted"


def _action(verb: str) -> str:
    return f"{OBJECT_TYPE}.{verb}"


def _household(settings: Settings) -> bool:
    return settings.art_46bis1_household_situation


def _audit(session: Session, actor: Actor, verb: str, outcome: Outcome, now: datetime) -> None:
    """R83 — an act on a request, as the trail records it: a restricted act, with no id, rule, code or detail."""
    audit_alone(session, actor, _action(verb), outcome, now=now, object_type=OBJECT_TYPE)


def _secret_refusal(
    session: Session, actor: Actor, verb: str, items: list[Violation | Finding], now: datetime, *, status: int = 422
) -> NoReturn:
    """Refuse, auditing the refusal without its codes or rules (R83: they would say what was asked, and why)."""
    _audit(session, actor, verb, Outcome.DENIED if status == 403 else Outcome.REFUSED, now)
    raise refused(items, status=status)


def _deny(session: Session, actor: Actor, verb: str, now: datetime) -> Forbidden:
    _audit(session, actor, verb, Outcome.DENIED, now)
    return Forbidden()


def _hidden(session: Session, actor: Actor, verb: str, now: datetime) -> NotFound:
    """R83 — a request the caller may not see is a plain miss to him; the denial is audited without its id."""
    _audit(session, actor, verb, Outcome.DENIED, now)
    return NotFound()


def _items(facts: dict[str, Any]) -> list[ItemFacts]:
    return [ItemFacts(i["reference"], AdminDataCategory(i["category"])) for i in facts["items"]]


def _checks(findings: list[Finding], render: Render, cite: Cite) -> list[CheckPublic]:
    return [check_public(f, render, cite) for f in findings]


def _weighed(violations: list[Violation]) -> list[Finding]:
    """R81 fails, R82 warns, in every profile (the rules of section J are law: no profile softens them)."""
    return list(weigh(Profile.SAFEGUARDS, tuple(violations)).findings)


def request_facts(p: Art46bis1RequestCreate) -> RequestFacts:
    return RequestFacts(
        origin=p.origin,
        issuer=p.issued_by.role,
        decision_form=p.decision.form,
        decision_document_sha256=p.decision.document_sha256,
        motivation_given=bool(p.decision.motivation and p.decision.motivation.strip()),
        issued_on=p.decision.issued_on,
        investigation=p.investigation.type,
        offences=p.investigation.offences,
    )


def create(
    session: Session, actor: Actor, payload: Art46bis1RequestCreate, settings: Settings, keyring: Kms, now: datetime
) -> tuple[AdminInfoRequest | None, dict[str, Any]]:
    """R78–R81, R84 — take the request in, or refuse it (nothing stored). A worker who is not a handler registers
    it and it is re-routed to the institution's handlers (R80): the row is returned to handlers only."""
    begin_write(session)
    if not may_register(actor):
        raise _deny(session, actor, "create", now)
    refusals = art_46bis1.check_request(request_facts(payload), now.date())
    refusals += art_46bis1.check_item_list([i.reference for i in payload.items])
    if refusals:
        _secret_refusal(session, actor, "create", list(refusals), now)
    body = payload.model_dump(mode="json")
    request_id = uuid.uuid4()
    items = [ItemFacts(i.reference, i.category) for i in payload.items]
    household = _household(settings)
    facts = {
        "origin": payload.origin.value,
        "institution": payload.institution.value,
        "addressee": payload.addressee.value,
        "issuer": payload.issued_by.role.value,
        "relayed_by_police": payload.issued_by.relayed_by_police,
        "decision_form": payload.decision.form.value,
        "investigation": payload.investigation.type.value,
        "offences": list(payload.investigation.offences),
        "items": [{"reference": i.reference, "category": i.category.value} for i in items],
        "household_situation": household,
        "decisions": {
            k: v.value for k, v in art_46bis1.refused_by_default(items, household_situation=household).items()
        },
    }
    row = AdminInfoRequest(
        id=request_id,
        org=str(actor.org),
        state=Art46bis1State.RECEIVED.value,
        facts=facts,
        texts_ciphertext=b"",
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()  # the request exists before its data key refers to it
    history = [{"action": "received", "at": now.isoformat(), "by": principal_key(actor)}]
    if payload.addressee is RequestAddressee.INDIVIDUAL_WORKER or not is_request_handler(actor):
        history.append({"action": "rerouted_to_institution", "at": now.isoformat(), "by": principal_key(actor)})
    texts = {"request": body, "history": history, "answered_by": None}
    row.texts_ciphertext = AdminRequestSealer(session, keyring, request_id).seal(texts, now)
    session.add(row)
    succeed(session, actor, _action("create"), now=now, object_type=OBJECT_TYPE)
    return (row, texts) if is_request_handler(actor) else (None, {})


def routed(message: str) -> Art46bis1Routed:
    return Art46bis1Routed(message=message)


def _open(session: Session, keyring: Kms, actor: Actor, row: AdminInfoRequest, now: datetime) -> dict[str, Any]:
    try:
        return AdminRequestSealer(session, keyring, row.id).open(row.texts_ciphertext)
    except IntegrityError:
        _audit(session, actor, "read", Outcome.REFUSED, now)
        raise IntegrityFailure() from None


def public(row: AdminInfoRequest, texts: dict[str, Any], render: Render, cite: Cite) -> Art46bis1RequestPublic:
    facts = row.facts
    household = bool(facts["household_situation"])
    items = _items(facts)
    decisions = {k: ItemDecision(v) for k, v in facts.get("decisions", {}).items()}
    answered = row.state == Art46bis1State.ANSWERED.value
    conditions = _weighed(art_46bis1.check_items(items, household_situation=household))
    warnings: list[Finding] = []
    if answered:
        answer = AnswerFacts(True, items, decisions)
        warnings = [
            f
            for f in _weighed(art_46bis1.check_answer(answer, household_situation=household))
            if f.status is Status.WARN
        ]
    request = texts["request"]
    history = texts.get("history", [])
    answered_entry = next((h for h in history if h["action"] == "answered"), None)
    return Art46bis1RequestPublic.model_validate(
        {
            **{k: request[k] for k in ("origin", "institution", "addressee", "issued_by", "decision", "investigation")},
            "id": row.id,
            "state": Art46bis1State(row.state),
            "rerouted_to_institution": any(h["action"] == "rerouted_to_institution" for h in history),
            "person_ref": request["person_ref"],
            "items": [
                ItemPublic(
                    reference=i.reference,
                    category=i.category,
                    admissible=art_46bis1.admissible(i.category, household_situation=household),
                    decision=decisions.get(i.reference) if answered else None,
                )
                for i in items
            ],
            "household_situation_admissible": household,
            "conditions": _checks(conditions, render, cite),
            "warnings": _checks(warnings, render, cite),
            "answered_at": answered_entry["at"] if answered_entry else None,
            "answered_by": answered_entry["by"] if answered_entry else None,
            "history": [HistoryEntry.model_validate(h) for h in history],
            "created_at": row.created_at,
            "version": row.version,
        }
    )


def _load(session: Session, actor: Actor, request_id: uuid.UUID, verb: str, now: datetime) -> AdminInfoRequest:
    row = session.get(AdminInfoRequest, request_id)
    if row is None:
        raise NotFound()
    if admin_request_visibility(actor, row.org) is Visibility.NONE:
        raise _hidden(session, actor, verb, now)
    return row


def read(
    session: Session, actor: Actor, request_id: uuid.UUID, keyring: Kms, now: datetime, render: Render, cite: Cite
) -> Art46bis1RequestPublic:
    """R83 — the request, for its institution's handlers; the reading joins its sealed history and the trail."""
    begin_write(session)
    row = _load(session, actor, request_id, "read", now)
    texts = _open(session, keyring, actor, row, now)
    texts["history"].append({"action": "read", "at": now.isoformat(), "by": principal_key(actor)})
    row.texts_ciphertext = AdminRequestSealer(session, keyring, row.id).seal(texts, now)
    session.add(row)
    shown = public(row, texts, render, cite)
    succeed(session, actor, _action("read"), now=now, object_type=OBJECT_TYPE)
    return shown


def page(session: Session, actor: Actor, limit: int, cursor: str | None, now: datetime) -> Art46bis1Page:
    """R83 — the institution's requests, oldest first, for its handlers; anyone else is refused (403, audited), so
    that no list or count of requests reaches him."""
    if not is_request_handler(actor):
        raise _deny(session, actor, "list", now)
    query = select(AdminInfoRequest).where(AdminInfoRequest.org == actor.org)
    position = decode_cursor(cursor)
    if position is not None:
        query = query.where(past(position, AdminInfoRequest.created_at, AdminInfoRequest.id))
    rows = session.exec(
        query.order_by(col(AdminInfoRequest.created_at), col(AdminInfoRequest.id)).limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if rows else None
    return Art46bis1Page(
        items=[
            Art46bis1Summary(
                id=r.id,
                state=Art46bis1State(r.state),
                created_at=r.created_at,
                updated_at=r.updated_at,
                version=r.version,
            )
            for r in rows
        ],
        next_cursor=encode_cursor(last.created_at, last.id) if more and last is not None else None,
    )


def answer(
    session: Session,
    actor: Actor,
    request_id: uuid.UUID,
    payload: Art46bis1AnswerCreate,
    expected_version: int | None,
    settings: Settings,
    keyring: Kms,
    now: datetime,
    render: Render,
    cite: Cite,
) -> Art46bis1RequestPublic:
    """R80–R82 — the institution's answer, item by item, given once, by a signatory."""
    begin_write(session)
    row = _load(session, actor, request_id, "answer", now)
    not_signatory = art_46bis1.check_answerer(is_signatory(actor))
    if not_signatory:
        _secret_refusal(session, actor, "answer", list(not_signatory), now, status=403)
    if expected_version is not None and expected_version != row.version:
        raise PreconditionFailed()
    if row.state != Art46bis1State.RECEIVED.value:
        raise Conflict(
            "invalid_transition",
            violations=[
                Violation(
                    None, "invalid_transition", grounds.DESIGN, "state", {"state": row.state, "transition": "answer"}
                )
            ],
        )
    decisions: dict[str, ItemDecision] = {}
    refusals: list[Violation | Finding] = []
    for d in payload.decisions:
        if d.item in decisions:
            refusals.append(Violation(None, "duplicate_item_reference", grounds.DESIGN, "decisions"))
        decisions[d.item] = d.decision
    household = bool(row.facts["household_situation"])
    findings = _weighed(
        art_46bis1.check_answer(AnswerFacts(True, _items(row.facts), decisions), household_situation=household)
    )
    refusals += Decision(tuple(findings)).failures
    if refusals:
        _secret_refusal(session, actor, "answer", refusals, now)
    texts = _open(session, keyring, actor, row, now)
    texts["history"].append({"action": "answered", "at": now.isoformat(), "by": principal_key(actor)})
    row.texts_ciphertext = AdminRequestSealer(session, keyring, row.id).seal(texts, now)
    row.facts = {**row.facts, "decisions": {k: v.value for k, v in decisions.items()}}
    row.state = Art46bis1State.ANSWERED.value
    row.version += 1
    row.updated_at = now
    session.add(row)
    shown = public(row, texts, render, cite)
    succeed(session, actor, _action("answer"), now=now, object_type=OBJECT_TYPE)
    return shown
