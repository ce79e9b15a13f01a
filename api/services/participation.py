"""Use cases of participants' rights and of the person concerned (issue 3).

Answering the invitation, acknowledging secrecy, invoking and lifting silence are acts of the participant himself
(R38, R39, R19): nobody acts for him. What he answered and whether he is silent is visible only to him and to the
coordinator or chair (R40), and the audit trail records that he acted without recording how (R109 "visible only per
R40"). Consent, information and exceptions are recorded by whoever manages the concertation, with the server's
clock authoritative (R32).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import NoReturn

from sqlmodel import Session, SQLModel, col, select

from api.db import begin_write
from api.errors import Forbidden, NotFound
from api.security.kms import Kms
from api.services.common import (
    audit_alone,
    check_tag,
    content_tag,
    decode_position_cursor,
    encode_position_cursor,
    not_found,
    not_here,
    refuse,
    succeed,
)
from api.services.concertations import Loaded, load
from api.services.sealed import Sealer
from api.settings import Settings
from models.audit import Outcome
from models.concertation import Participant
from models.participation import (
    AgendaItem,
    AgendaItemCreate,
    AgendaItemPublic,
    AgendaPage,
    Attendance,
    AttendanceEvent,
    AttendancePublic,
    ConsentCreate,
    ConsentPublic,
    ConsentRecord,
    InformationCreate,
    InformationException,
    InformationExceptionCreate,
    InformationExceptionPublic,
    InformationPublic,
    InformationRecord,
    InvitationResponse,
    ParticipantFlags,
    SecrecyAcknowledgement,
    SecrecyAcknowledgementCreate,
    SecrecyAcknowledgementPublic,
    SecrecyNotice,
    Silence,
    SilenceCreate,
    SilencePublic,
)
from policies import grounds
from policies.access import Actor, Visibility
from policies.concertation import judicial_presence
from policies.decision import Violation
from policies.lifecycle import EDITABLE
from policies.notices import NOTICE_VERSION, secrecy_notice
from policies.participation import InvitationStatus, answer_invitation, flags_visible, may_mark_present
from policies.person_concerned import (
    check_consent_record,
    check_information_exception,
    check_information_record,
)
from policies.vocab import ConcertationState

REC_SDJ_SILENCE = "recommandation SDJ (droit de se taire et de refuser)"


def _participant(loaded: Loaded, participant_id: uuid.UUID, actor: Actor, action: str, now: datetime) -> Participant:
    for p in loaded.participant_rows:
        if p.id == participant_id:
            return p
    raise not_here(loaded.session, actor, action, Participant, participant_id, now=now, object_type="participant")


def _is_self(actor: Actor, p: Participant) -> bool:
    return p.issuer == actor.issuer and p.subject == actor.subject


def _own(
    session: Session, actor: Actor, concertation_id: uuid.UUID, participant_id: uuid.UUID, action: str, now: datetime
) -> tuple[Loaded, Participant]:
    """The participant row, if the actor is that participant: only he answers, acknowledges or keeps silent."""
    loaded, _ = load(session, actor, concertation_id, Visibility.PARTICIPANT, action, now)
    p = _participant(loaded, participant_id, actor, action, now)
    if not _is_self(actor, p):
        audit_alone(
            session,
            actor,
            action,
            Outcome.DENIED,
            now=now,
            object_type="participant",
            object_id=p.id,
            concertation_id=loaded.row.id,
        )
        raise Forbidden("not_your_participation")
    return loaded, p


def _conflict(
    session: Session,
    actor: Actor,
    action: str,
    code: str,
    now: datetime,
    *,
    object_type: str,
    object_id: uuid.UUID,
    concertation_id: uuid.UUID,
) -> NoReturn:
    """A state conflict, audited like every refusal before it is raised (SPEC §4)."""
    refuse(
        session,
        actor,
        action,
        [Violation(None, code, grounds.DESIGN, None)],
        now=now,
        object_type=object_type,
        object_id=object_id,
        concertation_id=concertation_id,
        status=409,
    )


def _bump(loaded: Loaded, now: datetime) -> None:
    loaded.row.updated_at = now
    loaded.row.version += 1


# ---------------------------------------------------------------------------------------------------- answers


def respond(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    payload: InvitationResponse,
    keyring: Kms,
    now: datetime,
) -> ParticipantFlags:
    """R39 — accept or refuse, no reason required; a new acceptance undoes a refusal. The audit event records that
    the participant answered, not what (R40)."""
    begin_write(session)
    action = "participant.respond"
    loaded, p = _own(session, actor, concertation_id, participant_id, action, now)
    if ConcertationState(loaded.row.state) not in EDITABLE:
        refuse(
            session,
            actor,
            action,
            [_closed(loaded)],
            now=now,
            object_type="participant",
            object_id=p.id,
            concertation_id=loaded.row.id,
            status=409,
        )
    p.invitation_status = answer_invitation(payload.answer).value
    p.answered_at = now
    p.refusal_reason_ciphertext = None
    if payload.reason and p.invitation_status == InvitationStatus.REFUSED:
        sealer = Sealer(session, keyring, loaded.row)
        p.refusal_reason_ciphertext = sealer.seal("participant", "refusal_reason", p.id, payload.reason.encode())
    # R40: the version (and ETag) of the public profile must not betray that the participant answered.
    session.add(p)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="participant",
        object_id=p.id,
        concertation_id=loaded.row.id,
    )
    return _flags(session, loaded, p)


def _closed(loaded: Loaded) -> Violation:
    return Violation(None, "concertation_not_editable", grounds.DESIGN, "state", {"state": loaded.row.state})


def _flags(session: Session, loaded: Loaded, p: Participant) -> ParticipantFlags:
    silences = session.exec(select(Silence).where(Silence.participant_id == p.id).order_by(col(Silence.invoked_at)))
    acknowledged = session.exec(
        select(SecrecyAcknowledgement.id).where(SecrecyAcknowledgement.participant_id == p.id)
    ).first()
    return ParticipantFlags(
        participant_id=p.id,
        invitation_status=InvitationStatus(p.invitation_status),
        answered_at=p.answered_at,
        secrecy_acknowledged=acknowledged is not None,
        silences=[SilencePublic.model_validate(s.model_dump()) for s in silences],
    )


def flags(
    session: Session, actor: Actor, concertation_id: uuid.UUID, participant_id: uuid.UUID, now: datetime
) -> ParticipantFlags:
    """R40 — refusal and silence: to the participant himself and to the coordinator or chair; to nobody else."""
    action = "participant.read_flags"
    loaded, seen = load(session, actor, concertation_id, Visibility.METADATA, action, now)
    p = next((r for r in loaded.participant_rows if r.id == participant_id), None)
    if seen is Visibility.MANAGE:
        if p is None:
            raise not_here(session, actor, action, Participant, participant_id, now=now, object_type="participant")
        return _flags(session, loaded, p)
    # Anyone else is refused alike whether the id exists or not, so that a refusal tells nothing.
    if p is None or not flags_visible(is_self=_is_self(actor, p), manages=False):
        refuse(
            session,
            actor,
            action,
            [Violation("R40", "flag_not_disclosable", REC_SDJ_SILENCE, None)],
            now=now,
            object_type="participant",
            object_id=participant_id,
            concertation_id=loaded.row.id,
            status=403,
        )
    return _flags(session, loaded, p)


# ---------------------------------------------------------------------------------------------------- secrecy


def notice(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    language: str,
    settings: Settings,
    now: datetime,
) -> SecrecyNotice:
    """R19, R43, R48 — the notice this participant is asked to acknowledge, in his language."""
    loaded, p = _own(session, actor, concertation_id, participant_id, "participant.read_notice", now)
    text = secrecy_notice(
        language,
        bound_by_secrecy=p.bound_by_professional_secrecy,
        downstream_use_policy=settings.downstream_use_policy,
        judicial=judicial_presence(loaded.participants),
    )
    return SecrecyNotice(version=NOTICE_VERSION, language=language, text=text)


def acknowledge(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    payload: SecrecyAcknowledgementCreate,
    language: str,
    now: datetime,
) -> SecrecyAcknowledgementPublic:
    """R19 — the participant acknowledges the current notice; from then on he reads the concertation's content."""
    begin_write(session)
    action = "participant.acknowledge_secrecy"
    loaded, p = _own(session, actor, concertation_id, participant_id, action, now)
    if payload.notice_version != NOTICE_VERSION:
        violation = Violation(
            "R19", "notice_version_outdated", grounds.ART_458TER_SECRECY, "notice_version", {"version": NOTICE_VERSION}
        )
        refuse(
            session,
            actor,
            action,
            [violation],
            now=now,
            object_type="participant",
            object_id=p.id,
            concertation_id=loaded.row.id,
            status=409,
        )
    existing = session.exec(select(SecrecyAcknowledgement).where(SecrecyAcknowledgement.participant_id == p.id)).first()
    if existing is not None:
        _conflict(
            session,
            actor,
            action,
            "already_acknowledged",
            now,
            object_type="participant",
            object_id=p.id,
            concertation_id=loaded.row.id,
        )
    ack = SecrecyAcknowledgement(
        id=uuid.uuid4(),
        concertation_id=loaded.row.id,
        participant_id=p.id,
        notice_version=NOTICE_VERSION,
        language=payload.language or language,
        acknowledged_at=now,
    )
    session.add(ack)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="participant",
        object_id=p.id,
        concertation_id=loaded.row.id,
        details={"notice_version": NOTICE_VERSION},
    )
    return SecrecyAcknowledgementPublic.model_validate(ack.model_dump())


# ---------------------------------------------------------------------------------------------------- silence


def invoke_silence(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    payload: SilenceCreate,
    now: datetime,
) -> SilencePublic:
    """R38 — only the participant invokes his silence, for the whole concertation or one agenda item."""
    begin_write(session)
    action = "participant.silence"
    loaded, p = _own(session, actor, concertation_id, participant_id, action, now)
    if payload.agenda_item_id is not None:
        item = session.get(AgendaItem, payload.agenda_item_id)
        if item is None or item.concertation_id != loaded.row.id:
            violation = Violation("R38", "agenda_item_unknown", REC_SDJ_SILENCE, "agenda_item_id")
            refuse(
                session,
                actor,
                action,
                [violation],
                now=now,
                object_type="participant",
                object_id=p.id,
                concertation_id=loaded.row.id,
            )
    silence = Silence(
        id=uuid.uuid4(),
        concertation_id=loaded.row.id,
        participant_id=p.id,
        agenda_item_id=payload.agenda_item_id,
        invoked_at=now,
    )
    session.add(silence)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="participant",
        object_id=p.id,
        concertation_id=loaded.row.id,
    )
    return SilencePublic.model_validate(silence.model_dump())


def lift_silence(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    silence_id: uuid.UUID,
    now: datetime,
    expected: str | None = None,
) -> SilencePublic:
    """R38 — only the participant lifts his silence; lifting is prospective. `expected`: the silence's ETag, if the
    caller makes it a precondition."""
    begin_write(session)
    action = "participant.lift_silence"
    loaded, p = _own(session, actor, concertation_id, participant_id, action, now)
    silence = session.get(Silence, silence_id)
    if silence is None:
        raise NotFound()
    if silence.participant_id != p.id:  # another participant's silence: a denial, audited (SPEC §4)
        raise not_found(session, actor, action, now=now, object_type="silence", object_id=silence.id)
    check_tag(expected, content_tag(SilencePublic.model_validate(silence.model_dump())))
    if silence.lifted_at is not None:
        _conflict(
            session,
            actor,
            action,
            "silence_already_lifted",
            now,
            object_type="participant",
            object_id=p.id,
            concertation_id=loaded.row.id,
        )
    silence.lifted_at = now
    session.add(silence)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="participant",
        object_id=p.id,
        concertation_id=loaded.row.id,
    )
    return SilencePublic.model_validate(silence.model_dump())


# ---------------------------------------------------------------------------------------------------- attendance


def record_attendance(
    session: Session, actor: Actor, concertation_id: uuid.UUID, payload: AttendanceEvent, now: datetime
) -> AttendancePublic:
    """R39, R42 — the chair records who joins and who leaves, during a session; a refused invitee never joins."""
    begin_write(session)
    action = "attendance.record"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    p = _participant(loaded, payload.participant_id, actor, action, now)
    violations: list[Violation] = []
    if loaded.row.state != ConcertationState.IN_SESSION:
        violations.append(Violation(None, "not_in_session", grounds.DESIGN, "state", {"state": loaded.row.state}))
    elif payload.event == "joined":
        violations.extend(may_mark_present(InvitationStatus(p.invitation_status)))
    if violations:
        refuse(
            session,
            actor,
            action,
            violations,
            now=now,
            object_type="participant",
            object_id=p.id,
            concertation_id=loaded.row.id,
            status=409,
        )
    open_ = session.exec(
        select(Attendance).where(Attendance.participant_id == p.id, col(Attendance.left_at).is_(None))
    ).first()
    joining = payload.event == "joined"
    if joining == (open_ is not None):  # joining while present, or leaving while absent
        code = "already_present" if joining else "not_present"
        _conflict(
            session, actor, action, code, now, object_type="participant", object_id=p.id, concertation_id=loaded.row.id
        )
    if open_ is None:
        open_ = Attendance(id=uuid.uuid4(), concertation_id=loaded.row.id, participant_id=p.id, joined_at=now)
    else:
        open_.left_at = now
    session.add(open_)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="participant",
        object_id=p.id,
        concertation_id=loaded.row.id,
        details={"event": payload.event},
    )
    return AttendancePublic.model_validate(open_.model_dump())


# ---------------------------------------------------------------------------------------------------- agenda


def add_agenda_item(
    session: Session, actor: Actor, concertation_id: uuid.UUID, payload: AgendaItemCreate, now: datetime
) -> AgendaItemPublic:
    begin_write(session)
    action = "agenda_item.create"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    if ConcertationState(loaded.row.state) not in EDITABLE:
        refuse(
            session,
            actor,
            action,
            [_closed(loaded)],
            now=now,
            object_type="agenda_item",
            concertation_id=loaded.row.id,
            status=409,
        )
    count = len(agenda(session, loaded))
    item = AgendaItem(
        id=uuid.uuid4(),
        concertation_id=loaded.row.id,
        position=count + 1,
        title=payload.title,
        is_central_question=payload.is_central_question,
        created_at=now,
    )
    session.add(item)
    _bump(loaded, now)
    session.add(loaded.row)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="agenda_item",
        object_id=item.id,
        concertation_id=loaded.row.id,
    )
    return AgendaItemPublic.model_validate(item.model_dump())


def agenda(session: Session, loaded: Loaded) -> list[AgendaItem]:
    query = select(AgendaItem).where(AgendaItem.concertation_id == loaded.row.id)
    return list(session.exec(query.order_by(col(AgendaItem.position))).all())


def list_agenda(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    now: datetime,
    limit: int = 50,
    cursor: str | None = None,
) -> AgendaPage:
    """The agenda is content: for the coordinator, the chair and participants who acknowledged secrecy (R19). In
    the order of its items, a page at a time."""
    after = decode_position_cursor(cursor)
    loaded, _ = load(session, actor, concertation_id, Visibility.ACKNOWLEDGED, "agenda_item.list", now)
    query = select(AgendaItem).where(AgendaItem.concertation_id == loaded.row.id)
    if after is not None:
        query = query.where(col(AgendaItem.position) > after)
    rows = list(session.exec(query.order_by(col(AgendaItem.position)).limit(limit + 1)).all())
    items, more = rows[:limit], len(rows) > limit
    return AgendaPage(
        items=[AgendaItemPublic.model_validate(i.model_dump()) for i in items],
        next_cursor=encode_position_cursor(items[-1].position) if more else None,
    )


# ---------------------------------------------------------------------------------------------------- person


def _person(session: Session, loaded: Loaded, person_id: uuid.UUID, actor: Actor, action: str, now: datetime) -> None:
    if not any(p.id == person_id for p in loaded.persons):
        violation = Violation("R26", "person_unknown", grounds.CIRCULAR_PRECISION, "person_id")
        refuse(
            session, actor, action, [violation], now=now, object_type="person_concerned", concertation_id=loaded.row.id
        )


def record_consent(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    payload: ConsentCreate,
    keyring: Kms,
    now: datetime,
) -> ConsentPublic:
    """R31, R32 — record a consent (or its refusal, with its motivation); the server's time is authoritative."""
    begin_write(session)
    action = "consent.create"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    _person(session, loaded, payload.person_id, actor, action, now)
    violations = check_consent_record(payload.status, payload.scope, payload.information_items, payload.motivation)
    if violations:
        refuse(session, actor, action, violations, now=now, object_type="consent", concertation_id=loaded.row.id)
    consent = ConsentRecord(
        id=uuid.uuid4(),
        concertation_id=loaded.row.id,
        person_id=payload.person_id,
        subject=payload.subject.value,
        scope=payload.scope.value,
        status=payload.status.value,
        information_items=[i.value for i in payload.information_items],
        method=payload.method,
        given_at=payload.given_at,
        recorded_at=now,
    )
    if payload.motivation:
        consent.motivation_ciphertext = Sealer(session, keyring, loaded.row).seal(
            "consent_record", "motivation", consent.id, payload.motivation.encode()
        )
    session.add(consent)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="consent",
        object_id=consent.id,
        concertation_id=loaded.row.id,
        details={"scope": consent.scope, "status": consent.status},
    )
    return ConsentPublic.model_validate(consent.model_dump())


def withdraw_consent(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    consent_id: uuid.UUID,
    now: datetime,
    expected: str | None = None,
) -> ConsentPublic:
    """R32 — a withdrawal is always allowed and takes effect for the future only. `expected`: the record's ETag,
    if the caller makes it a precondition."""
    begin_write(session)
    action = "consent.withdraw"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    consent = session.get(ConsentRecord, consent_id)
    if consent is None:
        raise NotFound()
    if consent.concertation_id != loaded.row.id:  # another concertation's record: a denial, audited (SPEC §4)
        raise not_found(session, actor, action, now=now, object_type="consent", object_id=consent.id)
    check_tag(expected, content_tag(ConsentPublic.model_validate(consent.model_dump())))
    if consent.withdrawn_at is not None:
        _conflict(
            session,
            actor,
            action,
            "consent_already_withdrawn",
            now,
            object_type="consent",
            object_id=consent.id,
            concertation_id=loaded.row.id,
        )
    consent.withdrawn_at = now
    session.add(consent)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="consent",
        object_id=consent.id,
        concertation_id=loaded.row.id,
    )
    return ConsentPublic.model_validate(consent.model_dump())


def record_information(
    session: Session, actor: Actor, concertation_id: uuid.UUID, payload: InformationCreate, now: datetime
) -> InformationPublic:
    """R28, R29 — the person was told that the concertation is held and who takes part (and, after the session,
    what was shared and decided)."""
    begin_write(session)
    action = "information.create"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    _person(session, loaded, payload.person_id, actor, action, now)
    violations = check_information_record(payload.items, after_session=False)
    if violations:
        refuse(session, actor, action, violations, now=now, object_type="information", concertation_id=loaded.row.id)
    record_ = InformationRecord(
        id=uuid.uuid4(),
        concertation_id=loaded.row.id,
        person_id=payload.person_id,
        items=[i.value for i in payload.items],
        informed_by=payload.informed_by,
        informed_at=payload.informed_at,
        channel=payload.channel,
        recorded_at=now,
    )
    session.add(record_)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="information",
        object_id=record_.id,
        concertation_id=loaded.row.id,
    )
    return InformationPublic.model_validate(record_.model_dump())


def record_information_exception(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    payload: InformationExceptionCreate,
    keyring: Kms,
    now: datetime,
) -> InformationExceptionPublic:
    """R30 — not informing the person, for a child's safety or interest, motivated, with a review date."""
    begin_write(session)
    action = "information_exception.create"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    _person(session, loaded, payload.person_id, actor, action, now)
    violations = check_information_exception(
        payload.reason, payload.motivation, payload.decided_by, payload.review_at, now.date()
    )
    if violations:
        refuse(
            session,
            actor,
            action,
            violations,
            now=now,
            object_type="information_exception",
            concertation_id=loaded.row.id,
        )
    assert payload.reason and payload.motivation and payload.decided_by and payload.review_at  # noqa: S101
    exception_id = uuid.uuid4()
    row = InformationException(
        id=exception_id,
        concertation_id=loaded.row.id,
        person_id=payload.person_id,
        reason=payload.reason.value,
        motivation_ciphertext=Sealer(session, keyring, loaded.row).seal(
            "information_exception", "motivation", exception_id, payload.motivation.encode()
        ),
        decided_by=payload.decided_by,
        review_at=payload.review_at,
        recorded_at=now,
    )
    session.add(row)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="information_exception",
        object_id=row.id,
        concertation_id=loaded.row.id,
        details={"reason": row.reason},
    )
    return InformationExceptionPublic.model_validate(row.model_dump())


_RECORDS: dict[type[SQLModel], type[SQLModel]] = {
    ConsentRecord: ConsentPublic,
    InformationRecord: InformationPublic,
    InformationException: InformationExceptionPublic,
    Attendance: AttendancePublic,
}


def read_record(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    model: type[SQLModel],
    record_id: uuid.UUID,
    now: datetime,
) -> SQLModel:
    """A consent, information, exception or attendance record, for whoever manages the concertation."""
    action = f"{model.__tablename__}.read"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    row = session.get(model, record_id)
    if row is None:
        raise NotFound()
    if getattr(row, "concertation_id", None) != loaded.row.id:  # another concertation's record: audited denial
        raise not_found(session, actor, action, now=now, object_type=str(model.__tablename__), object_id=record_id)
    return _RECORDS[model].model_validate(row.model_dump())
