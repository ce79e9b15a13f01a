"""Use cases of concertations: draft, update, compliance, state changes, participants, persons concerned.

Each use case builds the facts, asks `policies`, writes the change and its audit event, and commits once.
Refusals and denials are audited too. A concertation invisible to the caller answers exactly like an unknown id
(R27).
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, exists, or_
from sqlmodel import Session, col, select

from api.db import WRITE, begin_write, insert_rows
from api.errors import Forbidden, Gone, IntegrityFailure, NotFound, PreconditionFailed
from api.security.crypto import IntegrityError
from api.security.kms import Kms
from api.services.common import (
    Cite,
    Render,
    audit_alone,
    check_public,
    commit_change,
    decode_cursor,
    encode_cursor,
    grouped,
    not_found,
    not_here,
    past,
    refuse,
    succeed,
)
from api.services.legal_bases import public as basis_public
from api.services.sealed import ContentDestroyed, Sealer, create_data_key, reseal, scope_of
from api.settings import Settings
from models.audit import Outcome
from models.concertation import (
    ComplianceReport,
    Concertation,
    ConcertationCreate,
    ConcertationInvitation,
    ConcertationMetadata,
    ConcertationPage,
    ConcertationPublic,
    ConcertationSummary,
    ConcertationUpdate,
    Identity,
    Justification,
    Participant,
    ParticipantCreate,
    ParticipantPage,
    ParticipantPublic,
    ParticipantUpdate,
    PersonConcerned,
    PersonConcernedCreate,
    PersonConcernedIdentity,
    PersonConcernedPublic,
)
from models.legal_basis import BasisStatus, LegalBasis
from models.minutes import MinutesEntry
from models.participation import ConsentRecord, InformationException, InformationRecord, SecrecyAcknowledgement
from policies import grounds
from policies.access import (
    Actor,
    ConcertationAccess,
    Principal,
    Visibility,
    concertation_visibility,
    may_create_concertation,
)
from policies.compliance import ComplianceFacts, evaluate, write_decision, write_refusals
from policies.concertation import (
    BasisStanding,
    ParticipantFacts,
    check_basis_applies,
    check_identity,
    check_not_shared_secrecy,
    check_participant,
    judicial_presence,
)
from policies.decision import Decision, Violation
from policies.lifecycle import CHECKED, check_profile_update, check_update, next_state
from policies.minutes import CASSATION_YOUTH
from policies.participation import InvitationStatus
from policies.person_concerned import (
    Consent,
    ConsentInformation,
    ConsentScope,
    ConsentStatus,
    InformationItem,
    InformationState,
    check_privacy_notice,
    check_prosecutor_presence,
)
from policies.profiles import weigh
from policies.vocab import ConcertationState, Profile, Role, Transition

_NESTED = ("purpose", "subsidiarity", "chair", "requester")


# ---------------------------------------------------------------------------------------------------- loading


def _standing(row: LegalBasis | None) -> BasisStanding | None:
    if row is None:
        return None
    return BasisStanding(basis_public(row), confidential=row.confidential, retired=row.status == BasisStatus.RETIRED)


def _persons(session: Session, concertation_id: uuid.UUID) -> list[PersonConcerned]:
    return list(session.exec(_PERSONS, params={"concertation": concertation_id}).all())


#: Built once, with the concertation as a parameter: building the statement cost more than running it.
_PERSONS = (
    select(PersonConcerned)
    .where(col(PersonConcerned.concertation_id) == bindparam("concertation"))
    .order_by(col(PersonConcerned.created_at), col(PersonConcerned.reference))
)
_PERSON_REFS = (
    select(col(PersonConcerned.reference))
    .where(col(PersonConcerned.concertation_id) == bindparam("concertation"))
    .order_by(col(PersonConcerned.created_at), col(PersonConcerned.reference))
)


def _participant_public(row: Participant) -> ParticipantPublic:
    return ParticipantPublic.model_validate(row.model_dump())


#: SPEC §6 — the free texts of a concertation, sealed together in `narrative_ciphertext`.
_PURPOSE_TEXTS = ("statement", "threat_description", "prevention_rationale", "criminal_organisation")


def _narrative(c: Any) -> tuple[dict[str, Any] | None, dict[str, Any] | None, dict[str, Any]]:
    """Split a concertation into its stored structure (purpose, subsidiarity) and its sealed free texts."""
    purpose = c.purpose.model_dump(mode="json") if c.purpose else None
    subsidiarity = c.subsidiarity.model_dump(mode="json") if c.subsidiarity else None
    texts: dict[str, Any] = {"purpose": {}, "why_insufficient": [], "why_concertation_now": None}
    if purpose is not None:
        texts["purpose"] = {k: purpose.pop(k, None) for k in _PURPOSE_TEXTS}
    if subsidiarity is not None:
        texts["why_concertation_now"] = subsidiarity.pop("why_concertation_now", None)
        texts["why_insufficient"] = [a.pop("why_insufficient", None) for a in subsidiarity["alternatives_considered"]]
    texts["why_person_not_present"] = c.why_person_not_present
    return purpose, subsidiarity, texts


def _store_narrative(row: Concertation, c: Any, sealer: Sealer) -> dict[str, Any]:
    """Seal the free texts into the row; the texts, for the answer that follows (no need to open them again)."""
    row.purpose, row.subsidiarity, texts = _narrative(c)
    row.narrative_ciphertext = sealer.seal("concertation", "narrative", row.id, json.dumps(texts).encode())
    return texts


def _with_narrative(row: Concertation, sealer: Sealer | None, texts: dict[str, Any] | None = None) -> dict[str, Any]:
    """The row's fields with its free texts put back (`texts`: the ones just sealed, otherwise opened with
    `sealer`); after retention (D18) the texts are simply gone."""
    values = row.model_dump(exclude={"narrative_ciphertext"})
    # Only the structures the texts go back into are copied: the row's own must not change.
    for name in ("purpose", "subsidiarity"):
        values[name] = copy.deepcopy(values[name])
    if texts is None:
        if row.narrative_ciphertext is None or sealer is None:
            return values
        try:
            texts = json.loads(sealer.open("concertation", "narrative", row.id, row.narrative_ciphertext))
        except ContentDestroyed:
            return values
        except IntegrityError:
            raise IntegrityFailure() from None
    if values["purpose"] is not None:
        values["purpose"].update(texts["purpose"])
    if values["subsidiarity"] is not None:
        values["subsidiarity"]["why_concertation_now"] = texts["why_concertation_now"]
        for alternative, why in zip(
            values["subsidiarity"]["alternatives_considered"], texts["why_insufficient"], strict=True
        ):
            alternative["why_insufficient"] = why
    values["why_person_not_present"] = texts["why_person_not_present"]
    return values


def _public(
    row: Concertation,
    persons: Sequence[PersonConcerned],
    participants: Sequence[ParticipantFacts],
    basis: LegalBasis,
    sealer: Sealer | None,
    texts: dict[str, Any] | None = None,
) -> ConcertationPublic:
    return ConcertationPublic.model_validate(
        {
            **_with_narrative(row, sealer, texts),
            "persons_concerned": [PersonConcernedPublic.model_validate(p.model_dump()) for p in persons],
            "art_458ter_only": judicial_presence(participants),
            "democratic_control": basis.democratic_control,
        }
    )


def _access_of(
    row: Concertation, participants: Sequence[Principal], acknowledged: Sequence[Principal] = ()
) -> ConcertationAccess:
    chair = Principal(row.chair_issuer, row.chair_subject) if row.chair_issuer and row.chair_subject else None
    return ConcertationAccess(org=row.org, chair=chair, participants=participants, acknowledged=acknowledged)


def _access(
    row: Concertation, participants: Sequence[Participant], acknowledged: Collection[uuid.UUID] = ()
) -> ConcertationAccess:
    logins = [(p, Principal(p.issuer, p.subject)) for p in participants if p.issuer and p.subject]
    reading = [
        who for p, who in logins if p.id in acknowledged and p.invitation_status != InvitationStatus.REFUSED.value
    ]
    return _access_of(row, [who for _, who in logins], reading)


#: The participants and which of them acknowledged secrecy (R19), in one query: every use case asks. Built once (with
#: the concertation as a parameter): building and keying the statement on every request cost more than running it.
_PARTICIPANTS_ACKNOWLEDGED = (
    select(
        Participant,
        exists()
        .where(col(SecrecyAcknowledgement.concertation_id) == bindparam("concertation"))
        .where(col(SecrecyAcknowledgement.participant_id) == col(Participant.id)),
    )
    .where(col(Participant.concertation_id) == bindparam("concertation"))
    .order_by(col(Participant.created_at), col(Participant.id))
)


_BY_ID = select(Concertation).where(col(Concertation.id) == bindparam("id"))
#: The concertation by id, unlocked or locked (`load`): statements built once, where `Session.get` builds and keys
#: a new one on each call (7 % of the CPU of a request reading the minutes, py-spy in process on PostgreSQL). As
#: with `get`, an object the session already holds is returned as it is (a use case that decides again after a
#: stale batch starts from an empty session: `commit_change`).
_LOAD: dict[str | None, Any] = {
    None: _BY_ID,
    "share": _BY_ID.with_for_update(read=True),
    "no key update": _BY_ID.with_for_update(key_share=True),
}


class Loaded:
    """A concertation with what its rules look at, loaded once per use case."""

    def __init__(self, session: Session, row: Concertation) -> None:
        self.session = session
        self.row = row
        rows = session.exec(_PARTICIPANTS_ACKNOWLEDGED, params={"concertation": row.id}).all()
        self.participant_rows = [p for p, _ in rows]
        self.acknowledged = {p.id for p, ack in rows if ack}

    # The participants' public form, the basis and the persons concerned are made when a use case first asks
    # (reading the minutes never does).
    @cached_property
    def participants(self) -> list[ParticipantPublic]:
        return [_participant_public(p) for p in self.participant_rows]

    @cached_property
    def basis(self) -> LegalBasis | None:
        return self.session.get(LegalBasis, self.row.legal_basis_id)

    @cached_property
    def persons(self) -> list[PersonConcerned]:
        return _persons(self.session, self.row.id)

    @cached_property
    def person_refs(self) -> list[str]:
        """The persons' references, in their order: one column, not their rows with their sealed identities (adding
        a minutes entry asks only this: the ORM load of the persons was 4.7 % of its CPU, py-spy under wrk)."""
        return list(self.session.exec(_PERSON_REFS, params={"concertation": self.row.id}).all())

    def public(self) -> ConcertationPublic:
        assert self.basis is not None  # noqa: S101 - a foreign key guarantees it
        kms: Kms = self.session.info["kms"]  # put there by the session dependency
        return _public(self.row, self.persons, self.participants, self.basis, Sealer(self.session, kms, self.row))


def _writing(session: Session) -> bool:
    return bool(session.connection().get_execution_options().get(WRITE))


def load(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    need: Visibility,
    action: str,
    now: datetime,
    *,
    reading: bool = False,
) -> tuple[Loaded, Visibility]:
    """The concertation if the actor may act on it at level `need`; 404 if he may not even see it (R27).

    In a write transaction the row is locked first (PostgreSQL; SQLite writers are serialised by BEGIN IMMEDIATE):
    the writers of one concertation take turns, so an If-Match or a version read here still holds at commit. The
    lock is FOR NO KEY UPDATE: rows that merely reference the concertation (audit events…) can still be written.
    An audited read (`reading`: it writes only its audit event) takes FOR SHARE instead: readers of one concertation
    run side by side, while a change of its scope or keys (which re-seals its fields) waits for them, and they for
    it, so that no read ever sees the fields of one scope with the row of another."""
    lock = ("share" if reading else "no key update") if _writing(session) else None
    row = session.execute(_LOAD[lock], {"id": concertation_id}).scalar_one_or_none()
    if row is None:
        raise NotFound()
    loaded = Loaded(session, row)
    seen = concertation_visibility(actor, _access(row, loaded.participant_rows, loaded.acknowledged))
    if seen is Visibility.NONE:
        raise not_found(session, actor, action, now=now, object_type="concertation", object_id=concertation_id)
    if seen < need:
        audit_alone(
            session,
            actor,
            action,
            Outcome.DENIED,
            now=now,
            object_type="concertation",
            object_id=row.id,
            concertation_id=row.id,
        )
        raise Forbidden()
    return loaded, seen


def _facts(
    concertation: Any,
    standing: BasisStanding | None,
    participants: Sequence[ParticipantFacts],
    person_refs: Sequence[str],
    profile: Profile,
    settings: Settings,
    now: datetime,
) -> ComplianceFacts:
    return ComplianceFacts(
        concertation=concertation,
        standing=standing,
        participants=participants,
        person_refs=person_refs,
        profile=profile,
        today=now.date(),
        allowed_concertation_types=settings.concertation_types,
        allow_prosecutor_authorisation_basis=settings.allow_prosecutor_authorisation_basis,
    )


def _basis_missing(concertation: Any, settings: Settings) -> list[Violation]:
    return check_basis_applies(
        concertation, None, allow_prosecutor_authorisation_basis=settings.allow_prosecutor_authorisation_basis
    )


# ---------------------------------------------------------------------------------------------------- encryption


def _add_persons(
    session: Session,
    sealer: Sealer,
    persons: Sequence[PersonConcernedCreate],
    now: datetime,
) -> list[PersonConcerned]:
    rows = _person_rows(sealer, persons, now)
    session.add_all(rows)
    return rows


def _person_rows(sealer: Sealer, persons: Sequence[PersonConcernedCreate], now: datetime) -> list[PersonConcerned]:
    """The rows of persons concerned, their identities sealed (not yet in the session)."""
    rows = []
    for p in persons:
        person_id = uuid.uuid4()
        row = PersonConcerned(
            id=person_id,
            concertation_id=sealer.row.id,
            reference=p.reference,
            identity_ciphertext=sealer.seal(
                "person_concerned", "identity", person_id, p.identity.model_dump_json().encode()
            ),
            privacy_notice_given_at=p.privacy_notice_given_at,
            privacy_notice_deferred=p.privacy_notice_deferred,
            created_at=now,
        )
        rows.append(row)
    return rows


def _identity_violations(persons: Sequence[PersonConcernedCreate], taken: set[str], prefix: str) -> list[Violation]:
    out: list[Violation] = []
    for i, p in enumerate(persons):
        out.extend(check_identity(p.identity, p.reference, taken, f"{prefix}[{i}]"))
        out.extend(check_privacy_notice(p.privacy_notice_given_at, p.privacy_notice_deferred, f"{prefix}[{i}]"))
        taken.add(p.reference)
    return out


# ---------------------------------------------------------------------------------------------------- use cases


def _stored(payload: Any, name: str) -> Any:
    value = getattr(payload, name)
    return value.model_dump(mode="json") if value is not None and name in _NESTED else value


def create(
    session: Session, actor: Actor, payload: ConcertationCreate, settings: Settings, keyring: Kms, now: datetime
) -> ConcertationPublic:
    """Store a draft, even incomplete; refuse only what the law forbids outright (SPEC §3).

    Everything but the inserts happens before the write transaction: reading the basis, the compliance report,
    sealing, wrapping the data key. On SQLite, where writers take turns, the lock is held only for the inserts, the
    audit event and the commit (with it held from the start, creating was bound by one writer's CPU: measured
    3.7 ms a request under the lock). Reading the basis first is safe: a basis retired meanwhile is as if retired
    just after the draft, which only records what it read (the report is computed again on every read)."""
    action = "concertation.create"
    if not may_create_concertation(actor):
        audit_alone(session, actor, action, Outcome.DENIED, now=now, object_type="concertation")
        raise Forbidden()
    profile = payload.policy_profile or settings.default_profile
    basis = session.get(LegalBasis, payload.legal_basis_id)
    refs = [p.reference for p in payload.persons_concerned]
    facts = _facts(payload, _standing(basis), (), refs, profile, settings, now)
    extra = _identity_violations(payload.persons_concerned, set(), "persons_concerned")
    extra += check_not_shared_secrecy(payload.justification is Justification.SHARED_PROFESSIONAL_SECRECY, ())
    if basis is None:  # R1: an unknown basis grounds nothing; the refusal names the rule
        extra += _basis_missing(payload, settings)
    report = evaluate(facts)
    decision = write_refusals(report) + weigh(profile, tuple(extra))
    if decision.refuses_write or basis is None:
        refuse(session, actor, action, decision.failures, now=now, object_type="concertation")
    assert basis is not None  # noqa: S101 - refused above
    row = Concertation(
        id=uuid.uuid4(),
        org=str(actor.org),
        legal_basis_id=payload.legal_basis_id,
        policy_profile=profile.value,
        justification=payload.justification.value,
        purpose_category=payload.purpose.category.value if payload.purpose else None,
        chair_issuer=payload.chair.issuer if payload.chair else None,
        chair_subject=payload.chair.subject if payload.chair else None,
        created_by_issuer=actor.issuer,
        created_by_subject=actor.subject,
        created_at=now,
        updated_at=now,
        **{name: _stored(payload, name) for name in _FIELDS},
    )
    key = create_data_key(keyring, row.id, now)
    sealer = Sealer(session, keyring, row, new_key=key)
    texts = _store_narrative(row, payload, sealer)
    persons = _person_rows(sealer, payload.persons_concerned, now)
    event: dict[str, Any] = {
        "now": now,
        "object_type": "concertation",
        "object_id": row.id,
        "concertation_id": row.id,
        "codes": [f.code for f in report.decision.findings if f.status != "pass"],
        "details": {"compliant": report.compliant, "profile": profile.value},
    }
    if grouped(session):  # group-committed with the writes of the moment; nothing it read can be undone (above)
        commit_change(session, actor, action, 0, [row, key[0], *persons], independent=True, **event)
    else:
        session.commit()  # ends the read: nothing was written
        begin_write(session)
        insert_rows(session, row, key[0], *persons)
        succeed(session, actor, action, **event)
    return _public(row, persons, (), basis, sealer, texts)


#: Stored as given; purpose, subsidiarity and why_person_not_present go through `_store_narrative`.
_FIELDS = (
    "concertation_type",
    "offence_scope",
    "meeting_kind",
    "chair",
    "requester",
    "initiator_type",
    "scheduled_start",
    "scheduled_end",
)


def view(
    session: Session, actor: Actor, concertation_id: uuid.UUID, now: datetime
) -> ConcertationPublic | ConcertationInvitation | ConcertationMetadata:
    """What the caller may see: everything (manager), the invitation and basis (participant), status (partner)."""
    loaded, seen = load(session, actor, concertation_id, Visibility.METADATA, "concertation.read", now)
    full = loaded.public()
    if seen >= Visibility.ACKNOWLEDGED:
        return full
    if seen is Visibility.PARTICIPANT:
        return ConcertationInvitation.of(full)
    return ConcertationMetadata.model_validate(full.model_dump())


def page(session: Session, actor: Actor, limit: int, cursor: str | None) -> ConcertationPage:
    """The concertations the caller may see; partners get status metadata only (R45). Never a person (R27)."""
    seen: list[ColumnElement[bool]] = []
    if Role.COORDINATOR in actor.roles and actor.org:
        seen.append(col(Concertation.org) == actor.org)
    seen.append(and_(col(Concertation.chair_issuer) == actor.issuer, col(Concertation.chair_subject) == actor.subject))
    yours = (col(Participant.issuer) == actor.issuer, col(Participant.subject) == actor.subject)
    seen.append(col(Concertation.id).in_(select(Participant.concertation_id).where(*yours)))
    partner_only = Role.PARTNER in actor.roles and actor.org is not None
    if partner_only:
        seen.append(col(Concertation.org) == actor.org)
    query = select(Concertation).where(or_(*seen))
    position = decode_cursor(cursor)
    if position is not None:
        query = query.where(past(position, Concertation.created_at, Concertation.id))
    rows = list(session.exec(query.order_by(col(Concertation.created_at), col(Concertation.id)).limit(limit + 1)).all())
    more = len(rows) > limit
    rows = rows[:limit]
    # The caller's own participant records on the page (one query): the path of his answer and acknowledgement, and,
    # for a partner, what decides between a summary and metadata (R45).
    own: dict[uuid.UUID, uuid.UUID] = {}
    if rows:
        on_page = col(Participant.concertation_id).in_([r.id for r in rows])
        own = dict(session.exec(select(Participant.concertation_id, Participant.id).where(*yours, on_page)).all())
    me = [Principal(actor.issuer, actor.subject)]
    items: list[ConcertationSummary | ConcertationMetadata] = []
    for r in rows:
        level = (
            concertation_visibility(actor, _access_of(r, me if r.id in own else []))
            if partner_only
            else Visibility.PARTICIPANT
        )
        if level is Visibility.METADATA:
            items.append(ConcertationMetadata.model_validate(r.model_dump()))
        else:
            items.append(ConcertationSummary.model_validate({**r.model_dump(), "participant_id": own.get(r.id)}))
    return ConcertationPage(items=items, next_cursor=encode_cursor(rows[-1].created_at, rows[-1].id) if more else None)


def update(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    payload: ConcertationUpdate,
    expected_version: int,
    keyring: Kms,
    settings: Settings,
    now: datetime,
) -> ConcertationPublic:
    """Change a concertation within what its state allows (SPEC §3, R51)."""
    begin_write(session)
    action = "concertation.update"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    row = loaded.row
    if expected_version != row.version:
        raise PreconditionFailed()
    changes = {name: getattr(payload, name) for name in payload.model_fields_set}
    if "offence_scope" in changes and changes["offence_scope"] is None:
        changes["offence_scope"] = []  # `null` clears the scope (the column holds a list, never NULL)
    current = loaded.public()
    merged = current.model_copy(update={k: v for k, v in changes.items() if k != "justification"})
    state = ConcertationState(row.state)
    new_category = merged.purpose.category if merged.purpose else None
    moves_foundations = merged.legal_basis_id != current.legal_basis_id or new_category != (
        current.purpose.category if current.purpose else None
    )
    lifecycle = check_update(
        state,
        changes_foundations=moves_foundations,
        old_scope=frozenset(current.offence_scope),
        new_scope=frozenset(merged.offence_scope) if "offence_scope" in changes else None,
    )
    if lifecycle:
        refuse(
            session,
            actor,
            action,
            lifecycle,
            now=now,
            object_type="concertation",
            object_id=row.id,
            concertation_id=row.id,
            status=409,
        )
    basis = session.get(LegalBasis, merged.legal_basis_id)
    profile = Profile(row.policy_profile)
    refs = [p.reference for p in loaded.persons]
    facts = _facts(merged, _standing(basis), loaded.participants, refs, profile, settings, now)
    justification = changes.get("justification") or Justification(row.justification)
    shared = check_not_shared_secrecy(justification is Justification.SHARED_PROFESSIONAL_SECRECY, loaded.participants)
    if basis is None:  # R1: an unknown basis grounds nothing; the refusal names the rule
        shared += _basis_missing(merged, settings)
    decision = write_decision(facts) + weigh(profile, tuple(shared))
    if decision.refuses_write or basis is None:
        refuse(
            session,
            actor,
            action,
            decision.failures,
            now=now,
            object_type="concertation",
            object_id=row.id,
            concertation_id=row.id,
        )
    if state is not ConcertationState.DRAFT:
        report = evaluate(facts)
        if not report.compliant:
            refuse(
                session,
                actor,
                action,
                report.decision.failures,
                now=now,
                object_type="concertation",
                object_id=row.id,
                concertation_id=row.id,
                status=409,
                code="not_compliant",
            )
    old_scope = scope_of(row)
    for name in changes:
        if name == "justification":
            row.justification = justification.value
        elif name == "legal_basis_id":
            row.legal_basis_id = merged.legal_basis_id
        elif name in _FIELDS:
            setattr(row, name, _stored(merged, name))
    row.purpose_category = new_category.value if new_category else None
    row.chair_issuer = merged.chair.issuer if merged.chair else None
    row.chair_subject = merged.chair.subject if merged.chair else None
    # R51, R52: the fields follow the concertation's scope; read under any other scope they fail closed.
    reseal(session, keyring, row, old_scope=old_scope, new_scope=scope_of(row))
    if changes.keys() & {"purpose", "subsidiarity", "why_person_not_present"}:
        _store_narrative(row, merged, Sealer(session, keyring, row))
    row.version += 1
    row.updated_at = now
    session.add(row)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="concertation",
        object_id=row.id,
        concertation_id=row.id,
        details={"fields": sorted(changes)},
    )
    assert basis is not None  # noqa: S101 - refused above
    return _public(row, loaded.persons, loaded.participants, basis, Sealer(session, keyring, row))


def consents_of(session: Session, concertation_id: uuid.UUID) -> list[Consent]:
    rows = session.exec(select(ConsentRecord).where(ConsentRecord.concertation_id == concertation_id)).all()
    return [
        Consent(
            status=ConsentStatus(r.status),
            scope=ConsentScope(r.scope),
            information_items=frozenset(ConsentInformation(i) for i in r.information_items),
            recorded_at=r.recorded_at,
            withdrawn_at=r.withdrawn_at,
        )
        for r in rows
    ]


def _information(session: Session, concertation_id: uuid.UUID) -> InformationState:
    records = session.exec(select(InformationRecord).where(InformationRecord.concertation_id == concertation_id))
    exceptions = session.exec(
        select(col(InformationException.review_at)).where(InformationException.concertation_id == concertation_id)
    )
    return InformationState(
        records=[frozenset(InformationItem(i) for i in r.items) for r in records],
        exception_reviews=list(exceptions.all()),
    )


def _report(
    session: Session, loaded: Loaded, settings: Settings, now: datetime, *, closing: bool = False
) -> tuple[ComplianceFacts, Decision, bool]:
    """The compliance of the concertation as stored; refused invitees take no part in it (R39)."""
    attending = [
        public
        for public, row in zip(loaded.participants, loaded.participant_rows, strict=True)
        if row.invitation_status != InvitationStatus.REFUSED.value
    ]
    facts = replace(
        _facts(
            loaded.public(),
            _standing(loaded.basis),
            attending,
            [p.reference for p in loaded.persons],
            Profile(loaded.row.policy_profile),
            settings,
            now,
        ),
        consents=consents_of(session, loaded.row.id),
        information=_information(session, loaded.row.id),
        undisclosed_judicial_entries=len(
            session.exec(
                select(MinutesEntry.id).where(
                    MinutesEntry.concertation_id == loaded.row.id,
                    col(MinutesEntry.may_inform_judicial_decision).is_(True),
                    col(MinutesEntry.disclosed_to_person_at).is_(None),
                )
            ).all()
        ),
        now=now,
        closing=closing,
    )
    report = evaluate(facts)
    return facts, report.decision, report.art_458ter_only


def compliance(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    settings: Settings,
    now: datetime,
    render: Render,
    cite: Cite,
) -> ComplianceReport:
    """Every check of the profile, with its rule, status, legal ground and message (coordinator or chair); `render`
    and `cite` give the message and the legal ground in the reader's language."""
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, "concertation.compliance", now)
    _, decision, tag = _report(session, loaded, settings, now)
    return ComplianceReport(
        concertation_id=loaded.row.id,
        state=ConcertationState(loaded.row.state),
        policy_profile=Profile(loaded.row.policy_profile),
        compliant=decision.allowed,
        art_458ter_only=tag,
        checks=[check_public(f, render, cite) for f in decision.findings],
        evaluated_at=now,
    )


def transition(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    step: Transition,
    expected_version: int | None,
    settings: Settings,
    now: datetime,
) -> ConcertationPublic:
    """Move the concertation; scheduling, starting and closing refuse while any check fails (SPEC §3)."""
    begin_write(session)
    action = f"concertation.{step.value}"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    row = loaded.row
    if expected_version is not None and expected_version != row.version:
        raise PreconditionFailed()
    target = next_state(ConcertationState(row.state), step)
    if isinstance(target, Violation):
        refuse(
            session,
            actor,
            action,
            [target],
            now=now,
            object_type="concertation",
            object_id=row.id,
            concertation_id=row.id,
            status=409,
        )
    if step in CHECKED:
        _, decision, _ = _report(session, loaded, settings, now, closing=step is Transition.CLOSE)
        if not decision.allowed:
            refuse(
                session,
                actor,
                action,
                decision.failures,
                now=now,
                object_type="concertation",
                object_id=row.id,
                concertation_id=row.id,
                status=409,
                code="not_compliant",
            )
    assert isinstance(target, ConcertationState)  # noqa: S101 - refused above
    previous = row.state
    row.state = target.value
    if step is Transition.START and row.scope_frozen_at is None:
        row.scope_frozen_at = now
    if step is Transition.CLOSE:
        row.closed_at = now  # D18: retention counts from closure
    row.version += 1
    row.updated_at = now
    session.add(row)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="concertation",
        object_id=row.id,
        concertation_id=row.id,
        details={"from": previous, "to": target.value},
    )
    return loaded.public()


# ---------------------------------------------------------------------------------------------------- participants


def add_participant(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    payload: ParticipantCreate,
    settings: Settings,
    now: datetime,
) -> ParticipantPublic:
    """R16, R17, R20 — invite a participant the basis covers, with a complete profile."""
    begin_write(session)
    action = "participant.create"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    row = loaded.row
    lifecycle = check_update(
        ConcertationState(row.state), changes_foundations=False, old_scope=frozenset(), new_scope=None
    )
    if lifecycle:
        refuse(
            session, actor, action, lifecycle, now=now, object_type="participant", concertation_id=row.id, status=409
        )
    refs = [p.reference for p in loaded.persons]
    standing = _standing(loaded.basis)
    violations = check_participant(payload, standing.basis if standing else None, refs, "participant")
    if (
        payload.issuer
        and payload.subject
        and any(p.issuer == payload.issuer and p.subject == payload.subject for p in loaded.participant_rows)
    ):
        violations.append(
            Violation("R16", "participant_already_invited", grounds.ART_458TER_DETERMINES, "subject", invalid=True)
        )
    if (payload.issuer is None) != (payload.subject is None):
        violations.append(Violation(None, "login_incomplete", grounds.DESIGN, "subject", invalid=True))
    if payload.magistrate_function is not None:
        violations.extend(
            replace(v, field="participant.magistrate_function", invalid=True)
            for v in check_prosecutor_presence(consents_of(session, row.id), now)
        )
    decision = weigh(Profile(row.policy_profile), tuple(violations))
    if not decision.allowed:
        refuse(session, actor, action, decision.failures, now=now, object_type="participant", concertation_id=row.id)
    if judicial_presence([payload]) and _has_youth_report(session, row.id):
        # R34: a youth-protection report already in the minutes never reaches police or parquet, not even later.
        violation = Violation("R34", "youth_report_penal_exposure", CASSATION_YOUTH, "participant.sector")
        refuse(
            session, actor, action, [violation], now=now, object_type="participant", concertation_id=row.id, status=409
        )
    values = payload.model_dump(mode="json")
    participant = Participant(id=uuid.uuid4(), concertation_id=row.id, created_at=now, **values)
    session.add(participant)
    row.updated_at = now
    row.version += 1
    session.add(row)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="participant",
        object_id=participant.id,
        concertation_id=row.id,
        details={"sector": participant.sector},
        codes=[f.code for f in decision.warnings],  # R22 in legal_minimum: accepted, warned, audited
    )
    return _participant_public(participant)


def update_participant(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    payload: ParticipantUpdate,
    expected_version: int,
    now: datetime,
) -> ParticipantPublic:
    """R16, R17 — the coordinator changes a participant's profile while the concertation is a draft or scheduled;
    the profile that results is checked exactly as at the invitation (complete, covered by the basis)."""
    begin_write(session)
    action = "participant.update"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    row = loaded.row
    target = next((p for p in loaded.participant_rows if p.id == participant_id), None)
    if target is None:
        raise not_here(session, actor, action, Participant, participant_id, now=now, object_type="participant")
    if expected_version != target.version:
        raise PreconditionFailed()
    fixed = check_profile_update(ConcertationState(row.state))
    if fixed:
        refuse(
            session,
            actor,
            action,
            fixed,
            now=now,
            object_type="participant",
            object_id=target.id,
            concertation_id=row.id,
            status=409,
        )
    changes = payload.model_dump(mode="json", include=payload.model_fields_set)
    if "works_with" in changes and changes["works_with"] is None:
        changes["works_with"] = []
    if changes.get("role", "") is None:
        del changes["role"]
    current = _participant_public(target).model_dump(mode="json", include=set(ParticipantCreate.model_fields))
    merged = ParticipantCreate.model_validate({**current, **changes})
    standing = _standing(loaded.basis)
    refs = [p.reference for p in loaded.persons]
    violations = check_participant(merged, standing.basis if standing else None, refs, "participant")
    if merged.magistrate_function is not None:
        violations.extend(
            replace(v, field="participant.magistrate_function", invalid=True)
            for v in check_prosecutor_presence(consents_of(session, row.id), now)
        )
    # R34 needs no check here: minutes exist only from the first session on, when profiles no longer change.
    decision = weigh(Profile(row.policy_profile), tuple(violations))
    if not decision.allowed:
        refuse(
            session,
            actor,
            action,
            decision.failures,
            now=now,
            object_type="participant",
            object_id=target.id,
            concertation_id=row.id,
        )
    stored = merged.model_dump(mode="json")
    for name in changes:
        setattr(target, name, stored[name])
    target.version += 1
    row.version += 1
    row.updated_at = now
    session.add(target)
    session.add(row)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="participant",
        object_id=target.id,
        concertation_id=row.id,
        details={"fields": sorted(changes)},
        codes=[f.code for f in decision.warnings],
    )
    return _participant_public(target)


def _has_youth_report(session: Session, concertation_id: uuid.UUID) -> bool:
    query = select(MinutesEntry.id).where(
        MinutesEntry.concertation_id == concertation_id, col(MinutesEntry.penal_use_forbidden).is_(True)
    )
    return session.exec(query).first() is not None


def participants(
    session: Session, actor: Actor, concertation_id: uuid.UUID, limit: int, cursor: str | None, now: datetime
) -> ParticipantPage:
    loaded, _ = load(session, actor, concertation_id, Visibility.ACKNOWLEDGED, "participant.list", now)
    position = decode_cursor(cursor)
    rows = loaded.participant_rows
    if position is not None:
        at, last = position
        rows = [r for r in rows if (r.created_at, str(r.id)) > (at, str(last))]
    more = len(rows) > limit
    rows = rows[:limit]
    return ParticipantPage(
        items=[_participant_public(r) for r in rows],
        next_cursor=encode_cursor(rows[-1].created_at, rows[-1].id) if more else None,
    )


def participant(
    session: Session, actor: Actor, concertation_id: uuid.UUID, participant_id: uuid.UUID, now: datetime
) -> ParticipantPublic:
    """The coordinator, the chair and acknowledged participants see every profile; an invitee sees his own only."""
    action = "participant.read"
    loaded, seen = load(session, actor, concertation_id, Visibility.PARTICIPANT, action, now)
    for r in loaded.participant_rows:
        if r.id == participant_id and (
            seen >= Visibility.ACKNOWLEDGED or (r.issuer == actor.issuer and r.subject == actor.subject)
        ):
            return _participant_public(r)
    # Another invitee's profile, or another concertation's participant: a miss to the caller, a denial in the trail.
    raise not_here(session, actor, action, Participant, participant_id, now=now, object_type="participant")


# ---------------------------------------------------------------------------------------------------- persons


def add_person(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    payload: PersonConcernedCreate,
    keyring: Kms,
    now: datetime,
) -> PersonConcernedPublic:
    """R26 — add a person concerned, identified as an individual, identity encrypted."""
    begin_write(session)
    action = "person_concerned.create"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    row = loaded.row
    lifecycle = check_update(
        ConcertationState(row.state), changes_foundations=False, old_scope=frozenset(), new_scope=None
    )
    if lifecycle:
        refuse(
            session,
            actor,
            action,
            lifecycle,
            now=now,
            object_type="person_concerned",
            concertation_id=row.id,
            status=409,
        )
    taken = {p.reference for p in loaded.persons}
    decision = weigh(Profile(row.policy_profile), tuple(_identity_violations([payload], taken, "person")))
    if not decision.allowed:
        refuse(
            session, actor, action, decision.failures, now=now, object_type="person_concerned", concertation_id=row.id
        )
    (person,) = _add_persons(session, Sealer(session, keyring, row), [payload], now)
    row.updated_at = now
    row.version += 1
    session.add(row)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="person_concerned",
        object_id=person.id,
        concertation_id=row.id,
    )
    return PersonConcernedPublic.model_validate(person.model_dump())


def person_identity(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    person_id: uuid.UUID,
    keyring: Kms,
    now: datetime,
) -> PersonConcernedIdentity:
    """The identity of a person concerned, for whoever manages the concertation. Every read is audited."""
    begin_write(session)
    action = "person_concerned.read_identity"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now, reading=True)
    person = next((p for p in loaded.persons if p.id == person_id), None)
    if person is None:
        raise not_here(session, actor, action, PersonConcerned, person_id, now=now, object_type="person_concerned")
    try:
        plaintext = Sealer(session, keyring, loaded.row).open(
            "person_concerned", "identity", person.id, person.identity_ciphertext
        )
    except ContentDestroyed:
        raise Gone("content_destroyed") from None
    except IntegrityError:
        audit_alone(
            session,
            actor,
            action,
            Outcome.REFUSED,
            now=now,
            object_type="person_concerned",
            object_id=person.id,
            concertation_id=loaded.row.id,
            codes=["integrity_error"],
        )
        raise IntegrityFailure() from None
    identity = Identity.model_validate(json.loads(plaintext))
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="person_concerned",
        object_id=person.id,
        concertation_id=loaded.row.id,
    )
    return PersonConcernedIdentity.model_validate({**person.model_dump(), "identity": identity})
