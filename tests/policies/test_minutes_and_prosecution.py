"""R16, R21, R34, R38, R39, R42, R47, R49–R53, R65: minutes entries and the prosecution path."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from policies.decision import Violation
from policies.minutes import EntryFacts, EntryType, Level, Speaker, check_entry, is_lawyer_refusal
from policies.participation import AttributionFacts, InvitationStatus, Presence, Silence, Tristate
from policies.prosecution import EntryExposure, RequestFacts, Use, disclosable, prosecution_request_decision
from policies.vocab import ConcertationState, Sector

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
AT = T0 + timedelta(minutes=30)
PRESENT = AttributionFacts(InvitationStatus.ACCEPTED, (), (Presence(T0),))
SOCIAL = Speaker("p-1", Sector.AID_CARE, False, PRESENT)
POLICE = Speaker("p-2", Sector.POLICE, False, PRESENT)
LAWYER = Speaker("p-3", Sector.LAWYER, True, PRESENT)

LAWFUL = EntryFacts(
    state=ConcertationState.IN_SESSION,
    finalised=False,
    at=AT,
    agenda_item=None,
    speaker=SOCIAL,
    attributed_to=(),
    unknown_participants=(),
    level=Level.CONTENT,
    necessity_justified=True,
    entry_type=EntryType.STATEMENT,
    judicial_presence=False,
    offence_tags=("cp_398",),
    scope=("cp_398", "cp_393"),
    about_persons=("P-001",),
    person_refs=("P-001",),
    lawyer_client_confidential=None,
    may_expose_client=None,
    from_judicial_investigation=None,
    investigation_shareable_confirmed=None,
)


def codes(found: list[Violation]) -> list[tuple[str | None, str]]:
    return [(v.rule, v.code) for v in found]


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (LAWFUL, []),
        (replace(LAWFUL, level=Level.PROCESS, necessity_justified=False), []),
        (replace(LAWFUL, state=ConcertationState.HELD), []),
        (replace(LAWFUL, speaker=None), []),
        (replace(LAWFUL, finalised=True), [(None, "minutes_finalised")]),
        (replace(LAWFUL, state=ConcertationState.SCHEDULED), [(None, "minutes_not_writable")]),
        (replace(LAWFUL, unknown_participants=("x",)), [("R16", "speaker_not_a_participant")]),
        (
            replace(LAWFUL, speaker=replace(SOCIAL, attribution=replace(PRESENT, invitation=InvitationStatus.REFUSED))),
            [("R39", "participant_refused")],
        ),
        (
            replace(
                LAWFUL, attributed_to=(replace(SOCIAL, attribution=replace(PRESENT, silences=(Silence(None, T0),))),)
            ),
            [("R38", "participant_invoked_silence")],
        ),
        (
            replace(
                LAWFUL,
                speaker=replace(
                    SOCIAL, attribution=replace(PRESENT, presences=(Presence(T0, T0 + timedelta(minutes=5)),))
                ),
            ),
            [("R42", "participant_not_present")],
        ),
        (replace(LAWFUL, speaker=LAWYER), [("R21", "lawyer_flags_required")]),
        (
            replace(LAWFUL, speaker=LAWYER, lawyer_client_confidential=True, may_expose_client=Tristate.UNKNOWN),
            [("R21", "art_458quater_lawyer")],
        ),
        (replace(LAWFUL, speaker=LAWYER, lawyer_client_confidential=True, may_expose_client=Tristate.NO), []),
        (replace(LAWFUL, speaker=POLICE), [("R47", "judicial_investigation_flag_required")]),
        (
            replace(LAWFUL, speaker=POLICE, from_judicial_investigation=True),
            [("R47", "investigation_secrecy_not_confirmed")],
        ),
        (
            replace(LAWFUL, speaker=POLICE, from_judicial_investigation=True, investigation_shareable_confirmed=True),
            [],
        ),
        (replace(LAWFUL, speaker=POLICE, from_judicial_investigation=False), []),
        (
            replace(LAWFUL, entry_type=EntryType.YOUTH_PROTECTION_REPORT, judicial_presence=True),
            [("R34", "youth_report_penal_exposure")],
        ),
        (replace(LAWFUL, entry_type=EntryType.YOUTH_PROTECTION_REPORT), []),
        (replace(LAWFUL, necessity_justified=False), [("R65", "necessity_justification_required")]),
        (replace(LAWFUL, offence_tags=("cp_137",)), [("R53", "offence_tag_outside_scope")]),
        (replace(LAWFUL, about_persons=("P-404",)), [("R26", "person_unknown")]),
    ],
    ids=[
        "lawful content entry",
        "process needs no justification",
        "held",
        "chair's unattributed note",
        "finalised",
        "not in session",
        "R16 speaker not a participant",
        "R39 speaker refused",
        "R38 attributed to a silent participant",
        "R42 after he left",
        "R21 lawyer untagged",
        "R21 client-confidential, may expose (unknown)",
        "R21 client-confidential, cannot expose",
        "R47 police without the flag",
        "R47 investigation secret not confirmed",
        "R47 investigation secret confirmed",
        "R47 not from an investigation",
        "R34 youth report with police present",
        "R34 youth report without police (kept, penal use forbidden)",
        "R65 content unjustified",
        "R53 tag outside the scope",
        "R26 about an unknown person",
    ],
)
def test_check_entry(facts: EntryFacts, expected: list[tuple[str | None, str]]) -> None:
    assert codes(check_entry(facts)) == expected


def test_r21_refusals_are_recognised_so_nothing_is_stored() -> None:
    incriminating = replace(LAWFUL, speaker=LAWYER, lawyer_client_confidential=True, may_expose_client=Tristate.YES)
    assert is_lawyer_refusal(check_entry(incriminating))
    assert not is_lawyer_refusal(check_entry(replace(LAWFUL, speaker=LAWYER)))  # untagged: refused, not 458quater
    assert not is_lawyer_refusal(check_entry(replace(LAWFUL, necessity_justified=False)))


REQUEST = RequestFacts(
    is_prosecutor=True,
    use=Use.CRIMINAL_PROSECUTION,
    offences=("cp_398",),
    scope=("cp_398", "cp_393"),
    case_reference_given=True,
    motivation_given=True,
)


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        (REQUEST, []),
        (replace(REQUEST, offences=("cp_398", "cp_393")), []),
        (replace(REQUEST, is_prosecutor=False), [("R50", "requester_not_prosecutor")]),
        (replace(REQUEST, offences=("cp_398", "cp_137")), [("R49", "offence_outside_concertation_scope")]),
        (replace(REQUEST, scope=()), [("R49", "empty_prosecution_scope")]),
        (replace(REQUEST, use=Use.SOCIAL_FRAUD_RECOVERY), [("R49", "non_penal_use_not_allowed")]),
        (replace(REQUEST, use=Use.DISCIPLINARY_PROCEEDINGS), [("R49", "non_penal_use_not_allowed")]),
        (
            replace(REQUEST, offences=(), case_reference_given=False, motivation_given=False),
            [("R49", "prosecution_request_incomplete")] * 3,
        ),
    ],
    ids=[
        "in scope",
        "all of the scope",
        "R50 not a prosecutor",
        "R49 partly out of scope: refused whole",
        "R49/D7 empty scope",
        "R49 social-fraud recovery",
        "R49 disciplinary use",
        "R49 incomplete",
    ],
)
def test_prosecution_request_decision(request_: RequestFacts, expected: list[tuple[str, str]]) -> None:
    assert codes(prosecution_request_decision(request_)) == expected


def test_r49_names_every_offence_outside_the_scope() -> None:
    (v,) = prosecution_request_decision(replace(REQUEST, offences=("cp_137", "cp_398", "cp_140")))
    assert v.params == {"offences": "cp_137,cp_140"}


@pytest.mark.parametrize(
    ("entry", "allowed"),
    [
        (EntryExposure(False, ("cp_398",), ("P-001",)), True),
        (EntryExposure(False, ("cp_398",), ()), True),
        (EntryExposure(True, ("cp_398",), ("P-001",)), False),
        (EntryExposure(False, ("cp_393",), ("P-001",)), False),
        (EntryExposure(False, ("cp_398", "cp_393"), ("P-001",)), False),
        (EntryExposure(False, (), ("P-001",)), False),
        (EntryExposure(False, ("cp_398",), ("P-002",)), False),
    ],
    ids=[
        "tagged with a requested offence, about a named person",
        "about nobody",
        "R34 youth-protection report",
        "tagged with another offence",
        "tagged with one requested and one other offence",
        "untagged (R115)",
        "about a person the request does not name",
    ],
)
def test_r53_disclosable(entry: EntryExposure, allowed: bool) -> None:
    assert disclosable(entry, ("cp_398",), ("P-001",)) is allowed
