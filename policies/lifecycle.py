"""SPEC §3 — the life of a concertation.

draft → scheduled → in_session → held → closed; cancelled from any state before closed. A concertation may meet
more than once: `start` also leads from `held` back into session. Scheduling, starting and closing re-run the
compliance checks and refuse while any fails; cancelling never does (a concertation may always be abandoned).
"""

from __future__ import annotations

from policies import grounds
from policies.decision import Violation
from policies.vocab import ConcertationState, Transition

_S = ConcertationState

#: transition → (states it leaves from, state it leads to)
TRANSITIONS: dict[Transition, tuple[frozenset[ConcertationState], ConcertationState]] = {
    Transition.SCHEDULE: (frozenset({_S.DRAFT}), _S.SCHEDULED),
    Transition.START: (frozenset({_S.SCHEDULED, _S.HELD}), _S.IN_SESSION),
    Transition.END: (frozenset({_S.IN_SESSION}), _S.HELD),
    Transition.CLOSE: (frozenset({_S.HELD}), _S.CLOSED),
    Transition.CANCEL: (frozenset({_S.DRAFT, _S.SCHEDULED, _S.IN_SESSION, _S.HELD}), _S.CANCELLED),
}

#: Transitions that re-run the compliance checks and refuse while any fails.
CHECKED: frozenset[Transition] = frozenset({Transition.SCHEDULE, Transition.START, Transition.CLOSE})

#: SPEC §3 — the basis, the purpose category and the profile are fixed once scheduled.
EDITABLE_FOUNDATIONS: frozenset[ConcertationState] = frozenset({_S.DRAFT})

#: States in which the content of a concertation may still be changed at all.
EDITABLE: frozenset[ConcertationState] = frozenset({_S.DRAFT, _S.SCHEDULED, _S.IN_SESSION, _S.HELD})

#: A participant's profile (R16, R17) may change only before the concertation meets: afterwards, what he said was
#: said as who he was then.
PROFILE_EDITABLE: frozenset[ConcertationState] = frozenset({_S.DRAFT, _S.SCHEDULED})

#: R51, D7 — after the first session starts, the offence scope may only shrink.
SCOPE_FROZEN: frozenset[ConcertationState] = frozenset({_S.IN_SESSION, _S.HELD, _S.CLOSED, _S.CANCELLED})


def next_state(state: ConcertationState, transition: Transition) -> ConcertationState | Violation:
    """The state `transition` leads to from `state`, or why it cannot be taken."""
    sources, target = TRANSITIONS[transition]
    if state not in sources:
        return Violation(
            None,
            "invalid_transition",
            grounds.DESIGN,
            "state",
            {"state": state.value, "transition": transition.value},
        )
    return target


def check_update(
    state: ConcertationState,
    *,
    changes_foundations: bool,
    old_scope: frozenset[str],
    new_scope: frozenset[str] | None,
) -> list[Violation]:
    """SPEC §3, R51 — what may still change in this state.

    Nothing changes once closed or cancelled. The legal basis, purpose category and profile are fixed once
    scheduled. The offence scope may be narrowed at any time but never widened once the first session has
    started: widening would apply to secrets already communicated (R51, D7).
    """
    if state not in EDITABLE:
        return [Violation(None, "concertation_not_editable", grounds.DESIGN, "state", {"state": state.value})]
    out: list[Violation] = []
    if changes_foundations and state not in EDITABLE_FOUNDATIONS:
        out.append(Violation(None, "foundations_fixed", grounds.DESIGN, "state", {"state": state.value}))
    if new_scope is not None and state in SCOPE_FROZEN and not new_scope <= old_scope:
        added = ",".join(sorted(new_scope - old_scope))
        out.append(Violation("R51", "scope_frozen", grounds.ART_458TER_SCOPE, "offence_scope", {"offences": added}))
    return out


def check_profile_update(state: ConcertationState) -> list[Violation]:
    """R16, R17 — a participant's profile is fixed once the concertation has met (or ended)."""
    if state in PROFILE_EDITABLE:
        return []
    return [Violation(None, "concertation_not_editable", grounds.DESIGN, "state", {"state": state.value})]
