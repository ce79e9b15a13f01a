"""Use cases of the other disclosure regimes: the routing question (R73), shared-secrecy exchanges (R67–R76), art.
458bis reports (R101–R103) and state-of-necessity records (R99, R100, R103–R105).

Each record is checked before anything of it is stored (R69: « préalablement »); a refusal stores nothing but its
audit event, which names the rules and codes and never the person or a text. An accepted record keeps what the
rules looked at in `facts` (no free text) and the whole request sealed under the record's own data key; its
conditions, as they stood when it was recorded, are kept with it. The classification stores nothing: its audit
event carries the routing, the open regimes and the failing codes only.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from api.db import begin_write
from api.errors import Forbidden, IntegrityFailure, NotFound, PreconditionFailed
from api.security.crypto import IntegrityError
from api.security.kms import Kms
from api.services.common import (
    Cite,
    Render,
    audit_alone,
    check_public,
    decode_cursor,
    encode_cursor,
    not_found,
    past,
    principal_key,
    refuse,
    succeed,
)
from api.services.legal_bases import public as basis_public
from api.services.sealed import DisclosureSealer
from api.settings import Settings
from models.audit import Outcome
from models.concertation import CheckPublic
from models.disclosure import (
    Art458bisReportCreate,
    Art458bisReportPublic,
    ClassificationPublic,
    ClassifyRequest,
    Danger,
    Discloser,
    DisclosureMetadata,
    DisclosurePage,
    DisclosureRecord,
    DisclosureSummary,
    FactualBasis,
    FollowUpCreate,
    FollowUpOutcome,
    FollowUpPublic,
    NecessityRecordCreate,
    NecessityRecordPublic,
    RecordStatus,
    RegimePublic,
    SharedSecretExchangeCreate,
    SharedSecretExchangePublic,
    Victim,
)
from models.legal_basis import BasisStatus, LegalBasis
from policies import art_458bis, grounds
from policies.access import (
    Actor,
    Principal,
    RecordAccess,
    Visibility,
    lists_only_own_records,
    may_list_records,
    may_record_disclosure,
    record_visibility,
)
from policies.art_458bis import ReportFacts
from policies.concertation import BasisStanding
from policies.decision import Decision, Finding, Violation
from policies.necessity import ART_422BIS_GUIDANCE, NecessityFacts
from policies.routing import (
    Attendee,
    ClassifyFacts,
    RegisteredBasis,
    classify,
    necessity_findings,
    report_findings,
    shared_secrecy_findings,
)
from policies.shared_secrecy import not_shared_secrecy
from policies.vocab import (
    NecessityThreshold,
    Profile,
    Regime,
    ReportRecipient,
    Sector,
    SharedSecretConsentMode,
    Status,
)

#: Where each regime is recorded (the classification points there when the regime is open).
PATHS: dict[Regime, str] = {
    Regime.SHARED_SECRECY: "/v1/shared-secret-exchanges",
    Regime.ART_458TER_CONCERTATION: "/v1/concertations",
    Regime.ART_458BIS_REPORT: "/v1/art-458bis-reports",
    Regime.STATE_OF_NECESSITY: "/v1/necessity-records",
}
#: The audit object type of each record.
OBJECT_TYPES: dict[Regime, str] = {
    Regime.SHARED_SECRECY: "shared_secret_exchange",
    Regime.ART_458BIS_REPORT: "art_458bis_report",
    Regime.STATE_OF_NECESSITY: "necessity_record",
}
#: The problem code of a refused record (its `violations` say which conditions fail).
REFUSAL_CODES: dict[Regime, str] = {
    Regime.SHARED_SECRECY: "not_shared_secrecy",
    Regime.ART_458BIS_REPORT: "art_458bis_conditions_not_met",
    Regime.STATE_OF_NECESSITY: "necessity_record_refused",
}
#: Free texts: sealed with the rest of the request, never kept among the facts in the clear.
TEXT_FIELDS: frozenset[str] = frozenset(
    {
        "content",
        "necessity_justification",
        "secrecy_evidence",
        "why_not_pseudonymised",
        "description",
        "interest_protected",
        "alternatives_tried",
        "disclosed",
        "disclosed_to",
        "why_person_not_spoken_to",
        "assessed_by",
        "follow_up_plan",
        "note",
        "handed_over_to",
        "motivation",
        "decided_by",
    }
)


def _profile(settings: Settings) -> Profile:
    return settings.default_profile


def _mode(settings: Settings) -> SharedSecretConsentMode:
    return SharedSecretConsentMode(settings.shared_secret_consent_mode)


def _threshold(settings: Settings) -> NecessityThreshold:
    return NecessityThreshold(settings.necessity_threshold)


def facts_only(value: Any) -> Any:
    """`value` without its free texts (kept in the clear for re-checking and audit: booleans, vocabularies, refs)."""
    if isinstance(value, dict):
        return {k: facts_only(v) for k, v in value.items() if k not in TEXT_FIELDS}
    if isinstance(value, list):
        return [facts_only(v) for v in value]
    return value


def _checks(findings: tuple[Finding, ...] | list[dict[str, Any]], render: Render, cite: Cite) -> list[CheckPublic]:
    return [check_public(f if isinstance(f, Finding) else _finding(f), render, cite) for f in findings]


def _stored(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "code": f.code,
        "status": f.status.value,
        "legal_ground": f.legal_ground,
        "field": f.field,
        "params": dict(f.params),
    }


def _finding(d: dict[str, Any]) -> Finding:
    return Finding(d["rule"], d["code"], Status(d["status"]), d["legal_ground"], d["field"], d.get("params") or {})


# ------------------------------------------------------------------------------------------------ the facts


def report_facts(
    discloser: Discloser,
    offence: str | None,
    victim: Victim | None,
    danger: Danger | None,
    recipient: ReportRecipient | None,
    basis: FactualBasis | None,
    follow_up_plan: str | None,
) -> ReportFacts:
    return ReportFacts(
        discloser_bound_by_secrecy=discloser.bound_by_professional_secrecy,
        discloser_is_lawyer=discloser.is_lawyer,
        information_from_own_client=discloser.information_from_own_client,
        offence=offence,
        victim_is_minor=victim.is_minor if victim else None,
        victim_vulnerabilities=victim.vulnerabilities if victim else [],
        grave_and_imminent_danger_to_victim=danger.grave_and_imminent_danger_to_victim if danger else None,
        serious_danger_to_other_victims=danger.serious_danger_to_other_victims if danger else None,
        unable_to_protect_alone_or_with_third_parties=(
            danger.unable_to_protect_alone_or_with_third_parties if danger else None
        ),
        recipient=recipient,
        factual_basis=basis.kinds if basis else [],
        factual_basis_described=basis is not None and _text(basis.description),
        follow_up_plan_given=_text(follow_up_plan),
    )


def _text(value: str | None) -> bool:
    return bool(value and value.strip())


def necessity_facts(p: NecessityRecordCreate | ClassifyRequest) -> NecessityFacts:
    danger, weighing = p.danger, p.weighing
    subsidiarity, proportionality = p.subsidiarity, p.proportionality
    recorded = isinstance(p, NecessityRecordCreate)
    return NecessityFacts(
        danger_grave=danger.grave if danger else None,
        danger_imminent=danger.imminent if danger else None,
        harm_to_another=danger.harm_to_another if danger else None,
        danger_time=danger.time if danger else None,
        danger_described=bool(danger and _text(danger.description)),
        interest_weighing=weighing.weighing if weighing else None,
        interest_described=bool(weighing and _text(weighing.interest_protected)),
        no_other_means=subsidiarity.no_other_means if subsidiarity else None,
        alternatives_tried=len([a for a in subsidiarity.alternatives_tried if a.strip()]) if subsidiarity else 0,
        disclosure_limited_to_averting=proportionality.disclosure_limited_to_averting if proportionality else None,
        # A classification weighs a disclosure not yet made: who assesses it is the caller, now.
        assessed=(_text(p.assessed_by) and p.assessed_at is not None) if recorded else True,  # type: ignore[union-attr]
        consulted=p.consulted,
        person_spoken_to=p.person_spoken_to,
        why_person_not_spoken_to_given=_text(p.why_person_not_spoken_to),
        follow_up_plan_given=_text(p.follow_up_plan) if recorded else False,  # type: ignore[union-attr]
        invoked_ground=p.invoked_ground,
    )


def _report_recipient(p: ClassifyRequest) -> ReportRecipient | None:
    """The recipient of a contemplated report: as stated, or read from the recipients (the parquet's magistrates
    are the procureur du Roi's office; the police are not)."""
    if p.recipient_of_report is not None:
        return p.recipient_of_report
    sectors = {r.sector for r in p.recipients}
    if sectors == {Sector.PROSECUTION} and all(r.magistrate_function is not None for r in p.recipients):
        return ReportRecipient.PROCUREUR_DU_ROI
    if Sector.POLICE in sectors:
        return ReportRecipient.POLICE
    return ReportRecipient.OTHER


def _registered_bases(session: Session) -> list[RegisteredBasis]:
    """The bases a classification may point to: active, and not confidential (R9: a confidential basis is read by
    the concertations resting on it, not offered to whoever asks)."""
    rows = session.exec(
        select(LegalBasis).where(LegalBasis.status == BasisStatus.ACTIVE.value, col(LegalBasis.confidential).is_(False))
    ).all()
    return [
        RegisteredBasis(str(row.id), BasisStanding(basis_public(row), confidential=row.confidential, retired=False))
        for row in rows
    ]


# ----------------------------------------------------------------------------------------- the classification


def classify_exchange(
    session: Session,
    actor: Actor,
    payload: ClassifyRequest,
    settings: Settings,
    now: datetime,
    render: Render,
    cite: Cite,
    language: str,
) -> ClassificationPublic:
    """R73 — which regimes are open for this exchange, each condition met or not. Stores nothing but its audit
    event (ids and codes)."""
    action = "disclosure.classify"
    if not may_record_disclosure(actor):
        audit_alone(session, actor, action, Outcome.DENIED, now=now, object_type="disclosure")
        raise Forbidden()
    begin_write(session)
    attendees = [
        Attendee(
            payload.discloser.reference,
            payload.discloser.organisation,
            payload.discloser.sector,
            payload.discloser.function,
        ),
        *(Attendee(r.reference, r.organisation, r.sector, r.function) for r in payload.recipients),
    ]
    facts = ClassifyFacts(
        exchange=payload,
        attendees=attendees,
        discloser_is_person_concerned=payload.discloser_is_person_concerned,
        discloser_suspected=payload.discloser.suspected,
        purpose=payload.purpose_category,
        bases=_registered_bases(session),
        report=report_facts(
            payload.discloser,
            payload.offence,
            payload.victim,
            payload.danger,
            _report_recipient(payload),
            payload.factual_basis,
            None,
        ),
        necessity=necessity_facts(payload),
        today=now.date(),
        mode=_mode(settings),
        threshold=_threshold(settings),
        profile=_profile(settings),
    )
    result = classify(facts)
    failing = sorted({f.code for a in result.regimes for f in a.findings if f.status is Status.FAIL})
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="disclosure",
        codes=failing,
        details={"routing": result.routing.value, "open_regimes": [r.value for r in result.open_regimes]},
    )
    return ClassificationPublic(
        routing=result.routing,
        open_regimes=list(result.open_regimes),
        regimes=[
            RegimePublic(
                regime=a.regime,
                open=a.open,
                conditions=_checks(a.findings, render, cite),
                bases=[uuid.UUID(b) for b in a.bases],
                record_at=PATHS[a.regime] if a.open else None,
            )
            for a in result.regimes
        ],
        guidance=_checks(result.guidance, render, cite),
        art_422bis_guidance=ART_422BIS_GUIDANCE[language],
        consent_mode=_mode(settings),
        offence_list_version=art_458bis.LIST_VERSION,
        evaluated_at=now,
    )


# ------------------------------------------------------------------------------------------------ the records


def _findings(regime: Regime, payload: Any, settings: Settings, now: datetime) -> tuple[Finding, ...]:
    profile = _profile(settings)
    if regime is Regime.SHARED_SECRECY:
        return shared_secrecy_findings(payload, _mode(settings), profile, now.date())
    if regime is Regime.ART_458BIS_REPORT:
        p: Art458bisReportCreate = payload
        facts = report_facts(p.discloser, p.offence, p.victim, p.danger, p.recipient, p.factual_basis, p.follow_up_plan)
        return report_findings(facts, now.date(), profile, recording=True)
    return necessity_findings(necessity_facts(payload), _threshold(settings), profile, recording=True)


def _extra_facts(regime: Regime, settings: Settings) -> dict[str, Any]:
    if regime is Regime.SHARED_SECRECY:
        return {"consent_mode": _mode(settings).value}
    if regime is Regime.ART_458BIS_REPORT:
        return {"offence_list_version": art_458bis.LIST_VERSION}
    return {"threshold": _threshold(settings).value}


def create_record(
    session: Session,
    actor: Actor,
    regime: Regime,
    payload: SharedSecretExchangeCreate | Art458bisReportCreate | NecessityRecordCreate,
    settings: Settings,
    keyring: Kms,
    now: datetime,
    render: Render,
    cite: Cite,
    language: str,
) -> SharedSecretExchangePublic | Art458bisReportPublic | NecessityRecordPublic:
    """Check every condition of the regime beforehand; refuse (nothing stored, the refusal audited) or record."""
    object_type = OBJECT_TYPES[regime]
    action = f"{object_type}.create"
    begin_write(session)
    if not may_record_disclosure(actor):
        audit_alone(session, actor, action, Outcome.DENIED, now=now, object_type=object_type)
        raise Forbidden()
    findings = _findings(regime, payload, settings, now)
    decision = Decision(findings)
    if not decision.allowed:
        failures: list[Violation | Finding] = list(decision.failures)
        summary = not_shared_secrecy(decision.failures) if regime is Regime.SHARED_SECRECY else None
        if summary is not None:
            failures = [summary, *failures]
        refuse(session, actor, action, failures, now=now, object_type=object_type, code=REFUSAL_CODES[regime])
    record_id = uuid.uuid4()
    body = payload.model_dump(mode="json")
    facts = {**facts_only(body), **_extra_facts(regime, settings), "conditions": [_stored(f) for f in findings]}
    status = RecordStatus.RECORDED if regime is Regime.SHARED_SECRECY else RecordStatus.FOLLOW_UP_OPEN
    row = DisclosureRecord(
        id=record_id,
        regime=regime.value,
        org=str(actor.org),
        status=status.value,
        person_ref=payload.person_ref,
        facts=facts,
        texts_ciphertext=b"",
        created_at=now,
        created_by=principal_key(actor),
        updated_at=now,
    )
    session.add(row)
    session.flush()  # the record exists before its data key refers to it
    texts = {"request": body, "follow_ups": []}
    row.texts_ciphertext = DisclosureSealer(session, keyring, record_id).seal(texts, now)
    session.add(row)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type=object_type,
        object_id=record_id,
        codes=[f.code for f in findings if f.status is Status.WARN],
    )
    return _public(row, texts, render, cite, language)


def _access(row: DisclosureRecord) -> RecordAccess:
    issuer, _, subject = row.created_by.partition("|")
    return RecordAccess(org=row.org, author=Principal(issuer, subject))


def _open(
    session: Session, keyring: Kms, actor: Actor, row: DisclosureRecord, action: str, now: datetime
) -> dict[str, Any]:
    try:
        return DisclosureSealer(session, keyring, row.id).open(row.texts_ciphertext)
    except IntegrityError:
        audit_alone(
            session,
            actor,
            action,
            Outcome.REFUSED,
            now=now,
            object_type=OBJECT_TYPES[Regime(row.regime)],
            object_id=row.id,
            codes=["integrity_error"],
        )
        raise IntegrityFailure() from None


def _public(
    row: DisclosureRecord, texts: dict[str, Any], render: Render, cite: Cite, language: str
) -> SharedSecretExchangePublic | Art458bisReportPublic | NecessityRecordPublic:
    regime = Regime(row.regime)
    common = {
        "id": row.id,
        "regime": regime,
        "status": RecordStatus(row.status),
        "conditions": _checks(row.facts.get("conditions", []), render, cite),
        "created_at": row.created_at,
        "created_by": row.created_by,
        "version": row.version,
    }
    request = texts["request"]
    if regime is Regime.SHARED_SECRECY:
        return SharedSecretExchangePublic.model_validate(
            {**request, **common, "consent_mode": row.facts["consent_mode"]}
        )
    extra = {
        "follow_ups": [FollowUpPublic.model_validate(f) for f in texts.get("follow_ups", [])],
        "art_422bis_guidance": ART_422BIS_GUIDANCE[language],
    }
    if regime is Regime.ART_458BIS_REPORT:
        return Art458bisReportPublic.model_validate(
            {**request, **common, **extra, "offence_list_version": row.facts["offence_list_version"]}
        )
    return NecessityRecordPublic.model_validate({**request, **common, **extra, "threshold": row.facts["threshold"]})


def _load(
    session: Session, actor: Actor, regime: Regime, record_id: uuid.UUID, action: str, now: datetime
) -> tuple[DisclosureRecord, Visibility]:
    row = session.get(DisclosureRecord, record_id)
    if row is None or row.regime != regime.value:
        raise NotFound()
    seen = record_visibility(actor, _access(row))
    if seen is Visibility.NONE:
        raise not_found(session, actor, action, now=now, object_type=OBJECT_TYPES[regime], object_id=row.id)
    return row, seen


def metadata(row: DisclosureRecord) -> DisclosureMetadata:
    return DisclosureMetadata(
        id=row.id,
        regime=Regime(row.regime),
        status=RecordStatus(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def get_record(
    session: Session,
    actor: Actor,
    regime: Regime,
    record_id: uuid.UUID,
    keyring: Kms,
    now: datetime,
    render: Render,
    cite: Cite,
    language: str,
) -> tuple[SharedSecretExchangePublic | Art458bisReportPublic | NecessityRecordPublic | DisclosureMetadata, int]:
    """The record in full for its author and his organisation's coordinators (the read audited), status metadata for
    the organisation's partner systems (R45, R107)."""
    object_type = OBJECT_TYPES[regime]
    action = f"{object_type}.read"
    begin_write(session)
    row, seen = _load(session, actor, regime, record_id, action, now)
    if seen is Visibility.METADATA:
        shown: Any = metadata(row)
    else:
        shown = _public(row, _open(session, keyring, actor, row, action, now), render, cite, language)
    version = row.version
    succeed(session, actor, action, now=now, object_type=object_type, object_id=row.id)
    return shown, version


def page(
    session: Session, actor: Actor, regime: Regime, limit: int, cursor: str | None, now: datetime
) -> DisclosurePage:
    """The organisation's records of one regime, oldest first: its coordinators see them all, a professional his
    own, a partner system status metadata (R45); nobody sees another organisation's."""
    object_type = OBJECT_TYPES[regime]
    if not may_list_records(actor):
        audit_alone(session, actor, f"{object_type}.list", Outcome.DENIED, now=now, object_type=object_type)
        raise Forbidden()
    query = select(DisclosureRecord).where(DisclosureRecord.org == actor.org, DisclosureRecord.regime == regime.value)
    if lists_only_own_records(actor):
        query = query.where(DisclosureRecord.created_by == principal_key(actor))
    position = decode_cursor(cursor)
    if position is not None:
        query = query.where(past(position, DisclosureRecord.created_at, DisclosureRecord.id))
    rows = session.exec(
        query.order_by(col(DisclosureRecord.created_at), col(DisclosureRecord.id)).limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    items: list[DisclosureSummary | DisclosureMetadata] = []
    last = rows[-1] if rows else None
    for row in rows:
        seen = record_visibility(actor, _access(row))
        if seen is Visibility.MANAGE:
            items.append(
                DisclosureSummary(
                    id=row.id,
                    regime=regime,
                    status=RecordStatus(row.status),
                    created_at=row.created_at,
                    updated_at=row.updated_at,
                    version=row.version,
                )
            )
        elif seen is Visibility.METADATA:
            items.append(metadata(row))
    return DisclosurePage(
        items=items, next_cursor=encode_cursor(last.created_at, last.id) if more and last is not None else None
    )


def follow_up(
    session: Session,
    actor: Actor,
    regime: Regime,
    record_id: uuid.UUID,
    payload: FollowUpCreate,
    expected_version: int | None,
    keyring: Kms,
    now: datetime,
    render: Render,
    cite: Cite,
    language: str,
) -> Art458bisReportPublic | NecessityRecordPublic:
    """R103 — what became of the duty to help: support continued or handed over. The record closes only when asked
    to, and only once a hand-over or continued support is recorded; it never closes by itself."""
    object_type = OBJECT_TYPES[regime]
    action = f"{object_type}.follow_up"
    begin_write(session)
    row, seen = _load(session, actor, regime, record_id, action, now)
    if seen is not Visibility.MANAGE:
        audit_alone(session, actor, action, Outcome.DENIED, now=now, object_type=object_type, object_id=row.id)
        raise Forbidden()
    if expected_version is not None and expected_version != row.version:
        raise PreconditionFailed()
    if row.status == RecordStatus.CLOSED.value:
        closed = Violation("R103", "regime_record_not_editable", grounds.ART_458BIS_DUTY_TO_HELP, "status")
        refuse(session, actor, action, [closed], now=now, object_type=object_type, object_id=row.id, status=409)
    if payload.outcome is FollowUpOutcome.HANDED_OVER and not _text(payload.handed_over_to):
        missing = Violation("R103", "follow_up_closes_without_plan", grounds.ART_458BIS_DUTY_TO_HELP, "handed_over_to")
        refuse(session, actor, action, [missing], now=now, object_type=object_type, object_id=row.id)
    texts = _open(session, keyring, actor, row, action, now)
    entry = {
        **payload.model_dump(mode="json", exclude={"close"}),
        "recorded_at": now.isoformat(),
        "recorded_by": principal_key(actor),
    }
    texts = {**texts, "follow_ups": [*texts.get("follow_ups", []), entry]}
    row.texts_ciphertext = DisclosureSealer(session, keyring, row.id).seal(texts, now)
    if payload.close:
        row.status = RecordStatus.CLOSED.value
    row.version += 1
    row.updated_at = now
    session.add(row)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type=object_type,
        object_id=row.id,
        details={"outcome": payload.outcome.value, "closed": payload.close},
    )
    shown = _public(row, texts, render, cite, language)
    assert isinstance(shown, Art458bisReportPublic | NecessityRecordPublic)  # noqa: S101 - regime has follow-ups
    return shown
