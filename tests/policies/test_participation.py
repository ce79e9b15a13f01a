"""R19, R21, R37–R43, R48: participants' rights, the secrecy notice and the lawyer's limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from policies.notices import NOTICE_VERSION, secrecy_notice
from policies.participation import (
    Answer,
    AttributionFacts,
    InvitationStatus,
    Presence,
    Silence,
    Tristate,
    answer_invitation,
    check_lawyer_contribution,
    check_no_compulsion,
    flags_visible,
    may_attribute,
    may_mark_present,
)

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
PRESENT = (Presence(T0),)


def codes(violations: list) -> list[tuple[str | None, str]]:  # type: ignore[type-arg]
    return [(v.rule, v.code) for v in violations]


@pytest.mark.parametrize(
    ("answer", "status"),
    [(Answer.ACCEPT, InvitationStatus.ACCEPTED), (Answer.REFUSE, InvitationStatus.REFUSED)],
    ids=["accept", "refuse without a reason"],
)
def test_r39_answer(answer: Answer, status: InvitationStatus) -> None:
    assert answer_invitation(answer) is status


@pytest.mark.parametrize(
    ("facts", "at", "item", "expected"),
    [
        (AttributionFacts(InvitationStatus.ACCEPTED, (), PRESENT), T0 + HOUR, None, []),
        (AttributionFacts(InvitationStatus.REFUSED, (), PRESENT), T0 + HOUR, None, [("R39", "participant_refused")]),
        (AttributionFacts(InvitationStatus.PENDING, (), PRESENT), T0 + HOUR, None, [("R39", "participant_refused")]),
        (
            AttributionFacts(InvitationStatus.ACCEPTED, (Silence(None, T0),), PRESENT),
            T0 + HOUR,
            "item-1",
            [("R38", "participant_invoked_silence")],
        ),
        (
            AttributionFacts(InvitationStatus.ACCEPTED, (Silence("item-1", T0),), PRESENT),
            T0 + HOUR,
            "item-1",
            [("R38", "participant_invoked_silence")],
        ),
        (AttributionFacts(InvitationStatus.ACCEPTED, (Silence("item-1", T0),), PRESENT), T0 + HOUR, "item-2", []),
        (
            AttributionFacts(InvitationStatus.ACCEPTED, (Silence(None, T0, T0 + HOUR),), PRESENT),
            T0 + 2 * HOUR,
            None,
            [],
        ),
        (
            AttributionFacts(InvitationStatus.ACCEPTED, (Silence(None, T0 + HOUR),), PRESENT),
            T0,
            None,
            [],
        ),
        (
            AttributionFacts(InvitationStatus.ACCEPTED, (), (Presence(T0, T0 + HOUR),)),
            T0 + 2 * HOUR,
            None,
            [("R42", "participant_not_present")],
        ),
        (AttributionFacts(InvitationStatus.ACCEPTED, (), ()), T0, None, [("R42", "participant_not_present")]),
    ],
    ids=[
        "accepted and present",
        "refused",
        "not yet accepted",
        "silent on the whole concertation",
        "silent on this item",
        "silent on another item",
        "silence lifted before",
        "silence invoked only later",
        "left before the entry",
        "never joined",
    ],
)
def test_r38_r39_r42_may_attribute(
    facts: AttributionFacts, at: datetime, item: str | None, expected: list[tuple[str, str]]
) -> None:
    assert codes(may_attribute(facts, at, item)) == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (InvitationStatus.ACCEPTED, []),
        (InvitationStatus.REFUSED, [("R39", "participant_refused")]),
        (InvitationStatus.PENDING, [("R39", "participant_not_accepted")]),
    ],
    ids=["accepted", "refused", "not answered yet"],
)
def test_r39_may_mark_present(status: InvitationStatus, expected: list[tuple[str, str]]) -> None:
    assert codes(may_mark_present(status)) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (["content", "agenda_item"], []),
        (["disclosure_required"], [("R37", "disclosure_cannot_be_compelled")]),
        (["cooperative"], [("R38", "negative_inference_forbidden")]),
    ],
    ids=["ordinary fields", "compelled disclosure", "negative inference"],
)
def test_r37_r38_no_compulsion(fields: list[str], expected: list[tuple[str, str]]) -> None:
    assert codes(check_no_compulsion(fields)) == expected


@pytest.mark.parametrize(
    ("is_lawyer", "confidential", "exposes", "expected"),
    [
        (False, None, None, []),
        (True, False, Tristate.YES, []),
        (True, True, Tristate.NO, []),
        (True, True, Tristate.YES, [("R21", "art_458quater_lawyer")]),
        (True, True, Tristate.UNKNOWN, [("R21", "art_458quater_lawyer")]),
        (True, None, Tristate.NO, [("R21", "lawyer_flags_required")]),
        (True, True, None, [("R21", "lawyer_flags_required")]),
    ],
    ids=[
        "not a lawyer",
        "not client-confidential",
        "confidential, cannot expose",
        "confidential, may expose",
        "confidential, unknown (R115)",
        "untagged",
        "half-tagged",
    ],
)
def test_r21_lawyer(
    is_lawyer: bool, confidential: bool | None, exposes: Tristate | None, expected: list[tuple[str, str]]
) -> None:
    assert codes(check_lawyer_contribution(is_lawyer, confidential, exposes)) == expected


@pytest.mark.parametrize(
    ("is_self", "manages", "visible"),
    [(True, False, True), (False, True, True), (False, False, False)],
    ids=["himself", "coordinator or chair", "anyone else"],
)
def test_r40_flags_visible(is_self: bool, manages: bool, visible: bool) -> None:
    assert flags_visible(is_self=is_self, manages=manages) is visible


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_r19_r43_notice_states_the_duty_and_the_penalties(lang: str) -> None:
    text = secrecy_notice(lang, bound_by_secrecy=True, downstream_use_policy="view_only", judicial=False)
    assert "458" in text
    assert {"fr": "un an à trois ans", "nl": "een jaar tot drie jaar", "en": "one to three years"}[lang] in text
    assert {"fr": "mille euros", "nl": "duizend euro", "en": "thousand euros"}[lang] in text
    assert NOTICE_VERSION


@pytest.mark.parametrize(
    ("bound", "judicial", "policy", "has_discretion", "has_judicial"),
    [
        (True, False, "view_only", False, False),
        (False, False, "view_only", True, False),
        (True, True, "may_inform_own_decisions_without_citing", False, True),
    ],
    ids=["bound by secrecy", "teacher: duty of discretion (R48)", "police present (R20)"],
)
def test_r48_r20_notice_variants(
    bound: bool, judicial: bool, policy: str, has_discretion: bool, has_judicial: bool
) -> None:
    text = secrecy_notice("en", bound_by_secrecy=bound, downstream_use_policy=policy, judicial=judicial)
    assert ("duty of discretion" in text) is has_discretion
    assert ("not shared professional secrecy" in text) is has_judicial


def test_notice_falls_back_to_french_and_to_view_only() -> None:
    text = secrecy_notice("de", bound_by_secrecy=True, downstream_use_policy="unknown", judicial=False)
    assert text == secrecy_notice("fr", bound_by_secrecy=True, downstream_use_policy="view_only", judicial=False)
