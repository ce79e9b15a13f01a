"""The life of a concertation (SPEC §3) and what may still change in each state (R51)."""

from __future__ import annotations

import pytest

from policies.lifecycle import (
    CHECKED,
    EDITABLE,
    EDITABLE_FOUNDATIONS,
    SCOPE_FROZEN,
    TRANSITIONS,
    check_profile_update,
    check_update,
    next_state,
)
from policies.vocab import ConcertationState, Transition
from tests.policies.facts import found, v

S = ConcertationState
T = Transition

#: Every transition from every state: the state it leads to, or None when it does not exist.
MOVES: dict[tuple[ConcertationState, Transition], ConcertationState | None] = {
    (S.DRAFT, T.SCHEDULE): S.SCHEDULED,
    (S.DRAFT, T.START): None,
    (S.DRAFT, T.END): None,
    (S.DRAFT, T.CLOSE): None,
    (S.DRAFT, T.CANCEL): S.CANCELLED,
    (S.SCHEDULED, T.SCHEDULE): None,
    (S.SCHEDULED, T.START): S.IN_SESSION,
    (S.SCHEDULED, T.END): None,
    (S.SCHEDULED, T.CLOSE): None,
    (S.SCHEDULED, T.CANCEL): S.CANCELLED,
    (S.IN_SESSION, T.SCHEDULE): None,
    (S.IN_SESSION, T.START): None,
    (S.IN_SESSION, T.END): S.HELD,
    (S.IN_SESSION, T.CLOSE): None,
    (S.IN_SESSION, T.CANCEL): S.CANCELLED,
    (S.HELD, T.SCHEDULE): None,
    (S.HELD, T.START): S.IN_SESSION,
    (S.HELD, T.END): None,
    (S.HELD, T.CLOSE): S.CLOSED,
    (S.HELD, T.CANCEL): S.CANCELLED,
    (S.CLOSED, T.SCHEDULE): None,
    (S.CLOSED, T.START): None,
    (S.CLOSED, T.END): None,
    (S.CLOSED, T.CLOSE): None,
    (S.CLOSED, T.CANCEL): None,
    (S.CANCELLED, T.SCHEDULE): None,
    (S.CANCELLED, T.START): None,
    (S.CANCELLED, T.END): None,
    (S.CANCELLED, T.CLOSE): None,
    (S.CANCELLED, T.CANCEL): None,
}


def test_the_table_covers_every_state_and_transition() -> None:
    assert set(MOVES) == {(s, t) for s in ConcertationState for t in Transition}
    assert set(TRANSITIONS) == set(Transition)


@pytest.mark.parametrize(
    ("state", "transition", "target"),
    [(s, t, target) for (s, t), target in MOVES.items()],
    ids=[f"{s.value}-{t.value}-{'to-' + target.value if target else 'refused'}" for (s, t), target in MOVES.items()],
)
def test_next_state(state: ConcertationState, transition: Transition, target: ConcertationState | None) -> None:
    result = next_state(state, transition)
    if target is not None:
        assert result is target
    else:
        assert not isinstance(result, ConcertationState)
        assert found([result]) == [v(None, "invalid_transition", "state")]
        assert result.params == {"state": state.value, "transition": transition.value}


def test_scheduling_starting_and_closing_rerun_the_checks_cancelling_never_does() -> None:
    assert frozenset({T.SCHEDULE, T.START, T.CLOSE}) == CHECKED


def test_states_where_content_foundations_and_scope_may_change() -> None:
    assert frozenset({S.DRAFT, S.SCHEDULED, S.IN_SESSION, S.HELD}) == EDITABLE
    assert frozenset({S.DRAFT}) == EDITABLE_FOUNDATIONS
    assert {S.IN_SESSION, S.HELD} == SCOPE_FROZEN & EDITABLE


SCOPE = frozenset({"cp_398", "cp_399"})
NARROWER = frozenset({"cp_398"})
WIDER = SCOPE | {"cp_400"}
SWAPPED = frozenset({"cp_398", "cp_400"})


@pytest.mark.parametrize(
    ("state", "foundations", "new_scope", "expected"),
    [
        (S.DRAFT, True, WIDER, []),
        (S.SCHEDULED, False, WIDER, []),
        (S.SCHEDULED, False, NARROWER, []),
        (S.IN_SESSION, False, NARROWER, []),
        (S.HELD, False, frozenset(), []),
        (S.IN_SESSION, False, SCOPE, []),
        (S.HELD, False, None, []),
        (S.CLOSED, False, None, [v(None, "concertation_not_editable", "state")]),
        (S.CANCELLED, False, NARROWER, [v(None, "concertation_not_editable", "state")]),
        (S.CLOSED, True, WIDER, [v(None, "concertation_not_editable", "state")]),
        (S.SCHEDULED, True, None, [v(None, "foundations_fixed", "state")]),
        (S.IN_SESSION, True, NARROWER, [v(None, "foundations_fixed", "state")]),
        (S.IN_SESSION, False, WIDER, [v("R51", "scope_frozen", "offence_scope")]),
        (S.HELD, False, WIDER, [v("R51", "scope_frozen", "offence_scope")]),
        (S.HELD, False, SWAPPED, [v("R51", "scope_frozen", "offence_scope")]),
        (
            S.HELD,
            True,
            WIDER,
            [v(None, "foundations_fixed", "state"), v("R51", "scope_frozen", "offence_scope")],
        ),
    ],
    ids=[
        "accept-draft-changes-anything",
        "accept-scheduled-widens-scope-before-first-session",
        "accept-scheduled-narrows-scope",
        "accept-R51-in-session-narrows-scope",
        "accept-R51-D7-held-narrows-to-empty",
        "accept-R51-in-session-same-scope",
        "accept-held-scope-untouched",
        "refuse-closed-not-editable",
        "refuse-cancelled-not-editable",
        "refuse-closed-not-editable-reported-once",
        "refuse-scheduled-foundations-fixed",
        "refuse-in-session-foundations-fixed",
        "refuse-R51-in-session-widens-scope",
        "refuse-R51-held-widens-scope",
        "refuse-R51-held-swaps-an-offence",
        "refuse-R51-held-foundations-and-widening",
    ],
)
def test_check_update(
    state: ConcertationState,
    foundations: bool,
    new_scope: frozenset[str] | None,
    expected: list[tuple[object, ...]],
) -> None:
    got = check_update(state, changes_foundations=foundations, old_scope=SCOPE, new_scope=new_scope)
    assert found(got) == expected


def test_violations_name_the_state_and_the_added_offences() -> None:
    (closed,) = check_update(S.CLOSED, changes_foundations=False, old_scope=SCOPE, new_scope=None)
    assert closed.params == {"state": "closed"}
    fixed, frozen = check_update(
        S.IN_SESSION, changes_foundations=True, old_scope=NARROWER, new_scope=frozenset({"cp_401", "cp_398", "cp_400"})
    )
    assert fixed.params == {"state": "in_session"}
    assert frozen.params == {"offences": "cp_400,cp_401"}


@pytest.mark.parametrize(
    ("state", "editable"),
    [
        (S.DRAFT, True),
        (S.SCHEDULED, True),
        (S.IN_SESSION, False),
        (S.HELD, False),
        (S.CLOSED, False),
        (S.CANCELLED, False),
    ],
    ids=lambda v: v.value if isinstance(v, S) else ("accept" if v else "refuse"),
)
def test_check_profile_update(state: ConcertationState, editable: bool) -> None:
    got = check_profile_update(state)
    assert (
        got == []
        if editable
        else [(v.code, v.params) for v in got] == [("concertation_not_editable", {"state": state.value})]
    )
