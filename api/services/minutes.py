"""Use cases of the minutes and of the prosecution path (issue 4: R21, R33, R34, R38–R42, R47, R49–R54, R65).

Writing: the chair or the minute-taker, while the concertation is in session or held and until the minutes are
finalised; the entry is checked, then sealed under the concertation's data key and scope (R52). A lawyer's refused
contribution (R21) leaves nothing behind but an audit event with its rule code. Reading: the coordinator, the chair
and participants who acknowledged secrecy; every read is audited. Prosecution: a request is granted or refused whole
(R49), refused requests are kept and alerted (R54), and a granted request discloses only what R53 allows, each
decryption audited.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, update
from sqlmodel import Session, col, select

from api import audit
from api.db import begin_write, insert_rows
from api.errors import Conflict, Forbidden, Gone, IntegrityFailure, NotFound, refused
from api.security.crypto import IntegrityError
from api.security.kms import Kms
from api.services.common import (
    audit_alone,
    audited_read,
    check_tag,
    commit_change,
    decode_cursor,
    encode_cursor,
    grouped,
    not_found,
    past,
    principal_key,
    refuse,
    succeed,
)
from api.services.concertations import Loaded, load
from api.services.sealed import ContentDestroyed, Sealer
from models.audit import Outcome
from models.common import validated
from models.concertation import Concertation, Participant
from models.minutes import (
    ENTRY_COLUMNS,
    AlertPage,
    AlertPublic,
    Disclosure,
    MinutesEntry,
    MinutesEntryCreate,
    MinutesEntryPublic,
    MinutesPage,
    ProsecutionRequest,
    ProsecutionRequestCreate,
    ProsecutionRequestPublic,
    public_entry,
    row_fields,
)
from models.participation import AgendaItem, Attendance, Silence
from policies import grounds
from policies.access import Actor, Visibility
from policies.concertation import judicial_presence
from policies.decision import Violation
from policies.minutes import EntryFacts, EntryType, Speaker, check_entry, is_lawyer_refusal
from policies.participation import AttributionFacts, InvitationStatus, Presence
from policies.participation import Silence as SilenceFact
from policies.prosecution import EntryExposure, RequestFacts, Use, disclosable, prosecution_request_decision
from policies.vocab import ConcertationState, ParticipantRole, Role, Sector

# ---------------------------------------------------------------------------------------------------- writing


def _writer(loaded: Loaded, seen: Visibility, actor: Actor) -> bool:
    """The coordinator or chair (who manage the meeting), or a participant whose role is chair or minute-taker."""
    if seen is Visibility.MANAGE:
        return True
    return any(
        p.issuer == actor.issuer
        and p.subject == actor.subject
        and p.role in (ParticipantRole.MINUTE_TAKER.value, ParticipantRole.CHAIR.value)
        for p in loaded.participant_rows
    )


def _speaker(session: Session, p: Participant) -> Speaker:
    silences = session.exec(select(Silence).where(Silence.participant_id == p.id)).all()
    presences = session.exec(select(Attendance).where(Attendance.participant_id == p.id)).all()
    return Speaker(
        participant_id=str(p.id),
        sector=Sector(p.sector),
        is_lawyer=p.is_lawyer,
        attribution=AttributionFacts(
            invitation=InvitationStatus(p.invitation_status),
            silences=[
                SilenceFact(str(s.agenda_item_id) if s.agenda_item_id else None, s.invoked_at, s.lifted_at)
                for s in silences
            ],
            presences=[Presence(a.joined_at, a.left_at) for a in presences],
        ),
    )


def _status_of(violations: Sequence[Violation]) -> int:
    """A refusal because of the minutes' state is a conflict (409); anything else is the payload's (422)."""
    return 409 if {v.code for v in violations} & {"minutes_finalised", "minutes_not_writable"} else 422


def add_entry(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    payload: MinutesEntryCreate,
    keyring: Kms,
    now: datetime,
) -> MinutesEntryPublic:
    """Decide and seal, then write the entry with its event.

    Group-committed (`commit_change`): decided and sealed in a read transaction, written in a batch with the other
    writes and audited reads of the moment, if nothing it rests on changed meanwhile — no change of the concertation
    or outside every concertation succeeded since its read, other entries aside (an entry does not depend on the
    others). Otherwise, and inside a test's outer transaction, decided again and written in a write transaction
    of its own, the concertation locked from the start."""
    if grouped(session):
        as_of = audit.head_seq(session)  # the first statement: on SQLite it fixes the snapshot
        row, entry = _decide_entry(session, actor, concertation_id, payload, keyring, now)
        freeze = [] if row.scope_frozen_at is not None else [(_FREEZE_SCOPE, {"target": row.id, "frozen_at": now})]
        if commit_change(
            session,
            actor,
            _ADD,
            as_of,
            [entry],
            freeze,
            tolerated=_OTHER_ENTRIES,
            lock=True,
            now=now,
            object_type="minutes_entry",
            object_id=entry.id,
            concertation_id=row.id,
        ):
            return public_entry(entry, payload.content, payload.necessity_justification)
    begin_write(session)
    row, entry = _decide_entry(session, actor, concertation_id, payload, keyring, now)
    insert_rows(session, entry)  # a Core INSERT: the unit of work's flush of one entry cost more than its sealing
    if row.scope_frozen_at is None:  # R51: the first entry freezes the scope too
        row.scope_frozen_at = now
        session.add(row)
    succeed(session, actor, _ADD, now=now, object_type="minutes_entry", object_id=entry.id, concertation_id=row.id)
    return public_entry(entry, payload.content, payload.necessity_justification)


_ADD = "minutes.create"
#: What may succeed on a concertation between an entry's decision and its write without undoing it: other entries.
_OTHER_ENTRIES = frozenset({_ADD})
_CONCERTATIONS = Concertation.__table__  # type: ignore[attr-defined]  # SQLModel declares it on table classes
#: R51: the first entry freezes the scope (a no-op if another entry of the batch or the meeting's start did).
_FREEZE_SCOPE = (
    update(_CONCERTATIONS)
    .where(_CONCERTATIONS.c.id == bindparam("target"), _CONCERTATIONS.c.scope_frozen_at.is_(None))
    .values(scope_frozen_at=bindparam("frozen_at"))
)


def _decide_entry(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    payload: MinutesEntryCreate,
    keyring: Kms,
    now: datetime,
) -> tuple[Concertation, MinutesEntry]:
    """The concertation and the sealed entry, or the refusal (R21, R34, R38, R39, R42, R47, R53, R65), audited."""
    action = _ADD
    loaded, seen = load(session, actor, concertation_id, Visibility.ACKNOWLEDGED, action, now)
    row = loaded.row
    if not _writer(loaded, seen, actor):
        audit_alone(session, actor, action, Outcome.DENIED, now=now, object_type="minutes", concertation_id=row.id)
        raise Forbidden()
    by_id = {p.id: p for p in loaded.participant_rows}
    named = ([payload.speaker_id] if payload.speaker_id else []) + list(payload.attributed_to)
    unknown = [str(pid) for pid in named if pid not in by_id]
    speaker = _speaker(session, by_id[payload.speaker_id]) if payload.speaker_id in by_id else None
    attributed = [_speaker(session, by_id[pid]) for pid in payload.attributed_to if pid in by_id]
    facts = EntryFacts(
        state=ConcertationState(row.state),
        finalised=row.minutes_finalised_at is not None,
        at=now,
        agenda_item=str(payload.agenda_item_id) if payload.agenda_item_id else None,
        speaker=speaker,
        attributed_to=attributed,
        unknown_participants=unknown,
        level=payload.level,
        necessity_justified=bool(payload.necessity_justification and payload.necessity_justification.strip()),
        entry_type=payload.entry_type,
        judicial_presence=judicial_presence(loaded.participants),
        offence_tags=payload.offence_tags,
        scope=row.offence_scope,
        about_persons=payload.about_persons,
        person_refs=loaded.person_refs,
        lawyer_client_confidential=payload.lawyer_client_confidential,
        may_expose_client=payload.may_expose_client_to_prosecution,
        from_judicial_investigation=payload.from_judicial_investigation,
        investigation_shareable_confirmed=payload.investigation_shareable_confirmed,
    )
    violations = check_entry(facts)
    if payload.agenda_item_id is not None and _status_of(violations) != 409:
        item = session.get(AgendaItem, payload.agenda_item_id)
        if item is None or item.concertation_id != row.id:  # never a 500, never another concertation's item
            violations.append(Violation(None, "agenda_item_unknown", grounds.DESIGN, "agenda_item_id"))
    if violations:
        # R21: the refused content goes nowhere — not stored, not logged; only the rule codes are audited.
        details = {"art_458quater": True} if is_lawyer_refusal(violations) else None
        refuse(
            session,
            actor,
            action,
            violations,
            now=now,
            object_type="minutes",
            concertation_id=row.id,
            status=_status_of(violations),
            details=details,
        )
    entry_id = uuid.uuid4()
    sealer = Sealer(session, keyring, row)
    entry = MinutesEntry(
        id=entry_id,
        concertation_id=row.id,
        agenda_item_id=payload.agenda_item_id,
        speaker_id=payload.speaker_id,
        attributed_to=[str(p) for p in payload.attributed_to],
        entry_type=payload.entry_type.value,
        level=payload.level.value,
        offence_tags=list(payload.offence_tags),
        about_persons=list(payload.about_persons),
        may_inform_judicial_decision=payload.may_inform_judicial_decision,
        from_judicial_investigation=payload.from_judicial_investigation,
        penal_use_forbidden=payload.entry_type is EntryType.YOUTH_PROTECTION_REPORT,
        content_ciphertext=sealer.seal("minutes_entry", "content", entry_id, payload.content.encode()),
        necessity_ciphertext=(
            sealer.seal("minutes_entry", "necessity", entry_id, payload.necessity_justification.encode())
            if payload.necessity_justification
            else None
        ),
        recorded_at=now,
        recorded_by=principal_key(actor),
    )
    return row, entry


def _open_entries(
    session: Session,
    actor: Actor,
    action: str,
    loaded: Loaded,
    entries: Sequence[Any],
    keyring: Kms,
    now: datetime,
) -> list[MinutesEntryPublic]:
    """The entries opened and validated one by one (`validated`: the page they go in then takes them as they are)."""
    sealer = Sealer(session, keyring, loaded.row)
    out: list[MinutesEntryPublic] = []
    for e in entries:
        try:
            content = sealer.open("minutes_entry", "content", e.id, e.content_ciphertext).decode()
            necessity = (
                sealer.open("minutes_entry", "necessity", e.id, e.necessity_ciphertext).decode()
                if e.necessity_ciphertext
                else None
            )
        except ContentDestroyed:
            raise Gone() from None
        except IntegrityError:
            audit_alone(
                session,
                actor,
                action,
                Outcome.REFUSED,
                now=now,
                object_type="minutes_entry",
                object_id=e.id,
                concertation_id=loaded.row.id,
                codes=["integrity_error"],
            )
            raise IntegrityFailure() from None
        out.append(validated(MinutesEntryPublic, row_fields(e, content, necessity)))
    return out


#: What reading an entry needs: the columns readers see (first, in `ENTRY_COLUMNS` order: `row_fields` zips them)
#: and the sealed content and justification.
#: The table's columns, not the model's attributes: a Core select, whose rows come straight from the cursor
#: result, where the ORM's would be loaded through its instance machinery (`instances`: 7 % of a reading request's
#: CPU under wrk on PostgreSQL).
_ENTRY_TABLE = MinutesEntry.__table__  # type: ignore[attr-defined]  # SQLModel declares it on table classes
_READ_COLUMNS = (
    *(_ENTRY_TABLE.c[name] for name in ENTRY_COLUMNS),
    _ENTRY_TABLE.c.content_ciphertext,
    _ENTRY_TABLE.c.necessity_ciphertext,
)


def _entries_query(*, after: bool, limit: bool) -> Any:
    entries = _ENTRY_TABLE.c
    query = select(*_READ_COLUMNS).where(entries.concertation_id == bindparam("concertation"))
    if after:
        query = query.where(past((bindparam("at"), bindparam("last")), entries.recorded_at, entries.id))
    query = query.order_by(entries.recorded_at, entries.id)
    return query.limit(bindparam("limit")) if limit else query


#: The four forms of the entries query, built once: every read of the minutes runs one.
_ENTRIES = {
    (after, limit): _entries_query(after=after, limit=limit) for after in (False, True) for limit in (False, True)
}


def _entries(
    session: Session,
    concertation_id: uuid.UUID,
    *,
    limit: int | None = None,
    after: tuple[datetime, uuid.UUID] | None = None,
) -> list[Any]:
    """The entries in the order they were recorded; a page of them with `limit` and `after` (keyset). Rows of the
    columns a reader is shown and the two sealed ones, not ORM objects: building fifty of those costs more than
    opening fifty fields."""
    params: dict[str, Any] = {"concertation": concertation_id}
    if after is not None:
        params["at"], params["last"] = after
    if limit is not None:
        params["limit"] = limit
    query = _ENTRIES[after is not None, limit is not None]
    return list(session.exec(query, params=params).all())


def _tag_facts(session: Session, concertation_id: uuid.UUID) -> list[tuple[uuid.UUID, datetime | None]]:
    """What the minutes' ETag covers, for every entry: its id and when it was made known to the person."""
    query = select(MinutesEntry.id, MinutesEntry.disclosed_to_person_at).where(
        MinutesEntry.concertation_id == concertation_id
    )
    rows = session.exec(query.order_by(col(MinutesEntry.recorded_at), col(MinutesEntry.id))).all()
    return [(entry_id, disclosed) for entry_id, disclosed in rows]


def minutes_tag(row: Concertation, facts: Sequence[tuple[uuid.UUID, datetime | None]]) -> str:
    """The ETag of a concertation's minutes (all pages): which entries there are, which were made known to the person
    (R33) and whether they are final — a digest of ids and instants, never of content."""
    digest = hashlib.sha256(str(row.minutes_finalised_at).encode())
    for entry_id, disclosed in facts:
        digest.update(f"|{entry_id}:{disclosed}".encode())
    return digest.hexdigest()[:32]


def read_minutes(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    keyring: Kms,
    now: datetime,
    limit: int = 50,
    cursor: str | None = None,
) -> tuple[MinutesPage, str]:
    """R19, R44 — the coordinator, the chair and acknowledged participants who did not refuse; audited (which
    entries were decrypted). A page in the order the entries were recorded, with the ETag of the whole minutes."""
    position = decode_cursor(cursor)
    action = "minutes.read"

    def read() -> tuple[tuple[MinutesPage, str], dict[str, Any]]:
        loaded, _ = load(session, actor, concertation_id, Visibility.ACKNOWLEDGED, action, now, reading=True)
        rows = _entries(session, loaded.row.id, limit=limit + 1, after=position)
        entries, more = rows[:limit], len(rows) > limit
        items = _open_entries(session, actor, action, loaded, entries, keyring, now)
        # A first page that holds every entry already has what the tag covers; otherwise ask for all of it.
        whole = position is None and not more
        facts = [(e.id, e.disclosed_to_person_at) for e in entries] if whole else _tag_facts(session, loaded.row.id)
        next_cursor = encode_cursor(entries[-1].recorded_at, entries[-1].id) if more else None
        page = validated(
            MinutesPage, {"finalised_at": loaded.row.minutes_finalised_at, "items": items, "next_cursor": next_cursor}
        )
        event = {
            "now": now,
            "object_type": "minutes",
            "concertation_id": loaded.row.id,
            "details": {"entries": [str(e.id) for e in entries]},
        }
        return (page, minutes_tag(loaded.row, facts)), event

    return audited_read(session, actor, action, read)


def finalise(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    expected: str | None,
    keyring: Kms,
    now: datetime,
    limit: int = 50,
) -> tuple[MinutesPage, str]:
    """SPEC §3 — finalised once; the minutes are read-only afterwards. `expected`: the minutes' ETag as read, if
    the caller makes it a precondition (412 when an entry was added or marked since). The answer is the first page
    of the minutes as finalised (the coordinator or chair may read them), so the success event names the entries it
    decrypted, as a read's does (R109)."""
    begin_write(session)
    action = "minutes.finalise"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    row = loaded.row
    facts = _tag_facts(session, row.id)
    check_tag(expected, minutes_tag(row, facts))
    refusal = None
    if row.minutes_finalised_at is not None:
        refusal = Violation(None, "minutes_finalised", grounds.DESIGN, "minutes")
    elif row.state not in (ConcertationState.IN_SESSION, ConcertationState.HELD, ConcertationState.CLOSED):
        refusal = Violation(None, "minutes_not_writable", grounds.DESIGN, "state", {"state": row.state})
    if refusal is not None:
        refuse(session, actor, action, [refusal], now=now, object_type="minutes", concertation_id=row.id, status=409)
    rows = _entries(session, row.id, limit=limit + 1)
    entries, more = rows[:limit], len(rows) > limit
    items = _open_entries(session, actor, action, loaded, entries, keyring, now)
    row.minutes_finalised_at = now
    row.version += 1
    row.updated_at = now
    session.add(row)
    details = {"entries": [str(e.id) for e in entries]}
    succeed(session, actor, action, now=now, object_type="minutes", concertation_id=row.id, details=details)
    next_cursor = encode_cursor(entries[-1].recorded_at, entries[-1].id) if more else None
    page = validated(MinutesPage, {"finalised_at": now, "items": items, "next_cursor": next_cursor})
    return page, minutes_tag(row, facts)


def mark_disclosed(
    session: Session, actor: Actor, concertation_id: uuid.UUID, entry_id: uuid.UUID, now: datetime
) -> MinutesEntryPublic:
    """R33 — record that an entry which may inform a judicial decision was made known to the person concerned.

    Metadata only: the content stays as it is, even in finalised minutes."""
    begin_write(session)
    action = "minutes.disclosed_to_person"
    loaded, _ = load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    entry = session.get(MinutesEntry, entry_id)
    if entry is None:
        raise NotFound()
    if entry.concertation_id != loaded.row.id:  # another concertation's entry: a denial, audited (SPEC §4)
        raise not_found(session, actor, action, now=now, object_type="minutes_entry", object_id=entry.id)
    if entry.disclosed_to_person_at is not None:
        raise Conflict("already_disclosed")
    entry.disclosed_to_person_at = now
    session.add(entry)
    succeed(
        session, actor, action, now=now, object_type="minutes_entry", object_id=entry.id, concertation_id=loaded.row.id
    )
    return MinutesEntryPublic.model_validate({**entry.model_dump(), "content": "", "necessity_justification": None})


# ---------------------------------------------------------------------------------------------------- prosecution


def file_request(
    session: Session,
    actor: Actor,
    concertation_id: uuid.UUID,
    payload: ProsecutionRequestCreate,
    keyring: Kms,
    now: datetime,
) -> ProsecutionRequestPublic:
    """R49–R54 — granted whole or refused whole; a refusal is kept, audited and alerted."""
    begin_write(session)
    action = "prosecution_request.create"
    row = session.get(Concertation, concertation_id)
    if row is None:
        raise NotFound()
    is_prosecutor = Role.PROSECUTOR in actor.roles
    if not is_prosecutor:
        # A non-prosecutor who cannot see the concertation learns nothing of it (R27); one who can is told R50.
        load(session, actor, concertation_id, Visibility.METADATA, action, now)
    violations = prosecution_request_decision(
        RequestFacts(
            is_prosecutor=is_prosecutor,
            use=payload.use,
            offences=payload.offences,
            scope=row.offence_scope,
            case_reference_given=bool(payload.criminal_case_reference.strip()),
            motivation_given=bool(payload.motivation.strip()),
        )
    )
    if not is_prosecutor:
        refuse(
            session,
            actor,
            action,
            violations,
            now=now,
            object_type="prosecution_request",
            concertation_id=row.id,
            status=403,
        )
    request_id = uuid.uuid4()
    request = ProsecutionRequest(
        id=request_id,
        concertation_id=row.id,
        requester_issuer=actor.issuer,
        requester_subject=actor.subject,
        requesting_magistrate=payload.requesting_magistrate,
        criminal_case_reference=payload.criminal_case_reference,
        use=payload.use.value,
        offences=list(payload.offences),
        persons_named=list(payload.persons_named),
        decision="refused" if violations else "granted",
        codes=[v.code for v in violations],
        decided_at=now,
    )
    try:
        request.motivation_ciphertext = Sealer(session, keyring, row).seal(
            "prosecution_request", "motivation", request_id, payload.motivation.encode()
        )
    except ContentDestroyed:
        if not violations:
            raise Gone() from None
        # R54: a refused request is kept and alerted even after retention; its motivation can no longer be sealed.
    session.add(request)
    outcome = Outcome.REFUSED if violations else Outcome.SUCCESS
    audit.record_and_commit(
        session,
        actor,
        action,
        outcome,
        now=now,
        object_type="prosecution_request",
        object_id=request_id,
        concertation_id=row.id,
        codes=[v.code for v in violations],
        details={"offences": sorted(payload.offences), "use": payload.use.value, "alert": bool(violations)},
    )
    if violations:
        raise refused(violations)
    return ProsecutionRequestPublic.model_validate(request.model_dump())


def _own_request(
    session: Session, actor: Actor, concertation_id: uuid.UUID, request_id: uuid.UUID, action: str, now: datetime
) -> tuple[Concertation, ProsecutionRequest]:
    """The requester himself, or whoever manages the concertation; everyone else gets a miss."""
    request = session.get(ProsecutionRequest, request_id)
    row = session.get(Concertation, concertation_id)
    if request is None:
        raise NotFound()
    if row is None or request.concertation_id != row.id:  # another concertation's request: an audited denial
        raise not_found(session, actor, action, now=now, object_type="prosecution_request", object_id=request.id)
    if request.requester_issuer == actor.issuer and request.requester_subject == actor.subject:
        return row, request
    load(session, actor, concertation_id, Visibility.MANAGE, action, now)
    return row, request


def read_request(
    session: Session, actor: Actor, concertation_id: uuid.UUID, request_id: uuid.UUID, now: datetime
) -> ProsecutionRequestPublic:
    _, request = _own_request(session, actor, concertation_id, request_id, "prosecution_request.read", now)
    return ProsecutionRequestPublic.model_validate(request.model_dump())


def disclosure(
    session: Session, actor: Actor, concertation_id: uuid.UUID, request_id: uuid.UUID, keyring: Kms, now: datetime
) -> Disclosure:
    """R52, R53 — for the requester of a granted request only: the entries he may use, each decryption audited."""
    begin_write(session)
    action = "prosecution_request.disclosure"
    request = session.get(ProsecutionRequest, request_id)
    if request is None:
        raise NotFound()
    if request.concertation_id != concertation_id:  # another concertation's request: an audited denial
        raise not_found(session, actor, action, now=now, object_type="prosecution_request", object_id=request.id)
    if (
        request.requester_issuer != actor.issuer
        or request.requester_subject != actor.subject
        or Role.PROSECUTOR not in actor.roles
    ):
        # SPEC §4: every denial is audited; to the caller it is a miss, and the event names only the request (R27).
        audit_alone(
            session, actor, action, Outcome.DENIED, now=now, object_type="prosecution_request", object_id=request.id
        )
        raise NotFound()
    if request.decision != "granted":
        audit_alone(
            session,
            actor,
            action,
            Outcome.REFUSED,
            now=now,
            object_type="prosecution_request",
            object_id=request.id,
            concertation_id=concertation_id,
            codes=["prosecution_request_refused"],
        )
        raise Conflict("prosecution_request_refused")
    # FOR SHARE (PostgreSQL), as every audited read: no scope change or re-sealing can interleave with the reading.
    row = session.get(Concertation, concertation_id, with_for_update={"read": True})
    assert row is not None  # noqa: S101 - a foreign key guarantees it
    # R51: the scope may have been narrowed since the grant; a grant never reaches beyond the scope as it is now.
    now_outside = prosecution_request_decision(
        RequestFacts(
            is_prosecutor=True,
            use=Use(request.use),
            offences=request.offences,
            scope=row.offence_scope,
            case_reference_given=True,
            motivation_given=True,
        )
    )
    if now_outside:
        refuse(
            session,
            actor,
            action,
            now_outside,
            now=now,
            object_type="prosecution_request",
            object_id=request.id,
            concertation_id=row.id,
            status=409,
        )
    loaded = Loaded(session, row)
    try:
        Sealer(session, keyring, row).current  # noqa: B018 - raises once the keys are destroyed (D18)
    except ContentDestroyed:
        raise Gone() from None
    entries = _entries(session, row.id)
    allowed = [
        e
        for e in entries
        if disclosable(
            EntryExposure(e.penal_use_forbidden, e.offence_tags, e.about_persons),
            request.offences,
            request.persons_named,
        )
    ]
    items = _open_entries(session, actor, action, loaded, allowed, keyring, now)
    withheld = len(entries) - len(allowed)
    succeed(
        session,
        actor,
        action,
        now=now,
        object_type="prosecution_request",
        object_id=request.id,
        concertation_id=row.id,
        details={"entries": [str(e.id) for e in allowed], "offences": sorted(request.offences), "withheld": withheld},
    )
    return validated(
        Disclosure, {"request_id": request.id, "offences": request.offences, "items": items, "withheld": withheld}
    )


def alerts(session: Session, actor: Actor, limit: int, cursor: str | None, now: datetime) -> AlertPage:
    """R54 — refused prosecution requests, newest first: every one for an auditor (DPO), those of his organisation
    for a coordinator."""
    position = decode_cursor(cursor)
    if Role.AUDITOR not in actor.roles and Role.COORDINATOR not in actor.roles:
        audit_alone(session, actor, "alert.list", Outcome.DENIED, now=now, object_type="prosecution_request")
        raise Forbidden()
    query = select(ProsecutionRequest, Concertation).where(
        ProsecutionRequest.decision == "refused", ProsecutionRequest.concertation_id == Concertation.id
    )
    if Role.AUDITOR not in actor.roles:
        query = query.where(Concertation.org == actor.org)
    if position is not None:
        query = query.where(past(position, ProsecutionRequest.decided_at, ProsecutionRequest.id, newest_first=True))
    newest_first = (col(ProsecutionRequest.decided_at).desc(), col(ProsecutionRequest.id).desc())
    found = session.exec(query.order_by(*newest_first).limit(limit + 1)).all()
    rows, more = found[:limit], len(found) > limit
    last_row = rows[-1][0] if rows else None
    next_cursor = encode_cursor(last_row.decided_at, last_row.id) if more and last_row is not None else None
    return AlertPage(items=_alerts(rows), next_cursor=next_cursor)


def _alerts(rows: Sequence[tuple[ProsecutionRequest, Concertation]]) -> list[AlertPublic]:
    return [
        AlertPublic(
            request_id=r.id,
            concertation_id=r.concertation_id,
            requester=f"{r.requester_issuer}|{r.requester_subject}",
            offences=r.offences,
            use=Use(r.use),
            codes=r.codes,
            at=r.decided_at,
        )
        for r, _ in rows
    ]
