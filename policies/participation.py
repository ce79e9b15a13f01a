"""Participants' rights: speaking is a faculty, never a duty (R37–R42, R19, R21, R43, R48, D10).

Art. 458ter « crée une faculté, une possibilité légale d'échanger de l'information confidentielle, mais nullement une
obligation » (Nouwynck). A participant may refuse to come (R39), stay silent for the whole concertation or one
agenda item (R38), and leave at any time (R42); nothing is attributed to him then, and nobody but himself and the
coordinator or chair learns of it (R40). Before reading anything beyond the invitation and its basis he
acknowledges the secrecy of the concertation and the penalties of art. 458 (R19, R43); if he is not bound by
professional secrecy he is told of his duty of discretion outside the concertation (R48). A lawyer never uses the
concertation for his client's confidential information liable to expose the client to prosecution (R21, art.
458quater).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from policies import grounds
from policies.decision import Violation

ART_458QUATER = "art. 458quater C. pén."
REC_SDJ_SILENCE = "recommandation SDJ (droit de se taire et de refuser) ; art. 458ter C. pén. (faculté)"
FACULTY = "art. 458ter C. pén. (une faculté, jamais une obligation)"


class Answer(StrEnum):
    """R39 — the participant's answer to the invitation."""

    ACCEPT = "accept"
    REFUSE = "refuse"


class InvitationStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REFUSED = "refused"


class Tristate(StrEnum):
    """R21 — a lawyer's answer on whether content may expose the client; `unknown` counts as yes (R115)."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


def answer_invitation(answer: Answer) -> InvitationStatus:
    """R39 — a participant accepts or refuses; a refusal needs no reason, and a new acceptance undoes it."""
    return InvitationStatus.ACCEPTED if answer is Answer.ACCEPT else InvitationStatus.REFUSED


@dataclass(frozen=True, slots=True)
class Silence:
    """R38 — silence invoked for the whole concertation (item None) or one agenda item, until lifted."""

    agenda_item: str | None
    invoked_at: datetime
    lifted_at: datetime | None = None

    def active_at(self, at: datetime) -> bool:
        return self.invoked_at <= at and (self.lifted_at is None or at < self.lifted_at)


@dataclass(frozen=True, slots=True)
class Presence:
    """R42 — when the participant joined and left a session."""

    joined_at: datetime
    left_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AttributionFacts:
    """What decides whether an entry may be attributed to a participant at a moment."""

    invitation: InvitationStatus
    silences: Sequence[Silence]
    presences: Sequence[Presence]


def may_attribute(facts: AttributionFacts, at: datetime, agenda_item: str | None) -> list[Violation]:
    """R38, R39, R42 — may an entry at `at`, on `agenda_item`, be attributed to this participant?

    Not if he refused the invitation (or has not accepted it), not while his silence covers the concertation or
    that item, and not outside the times he was present: joining and leaving are his to decide, and nothing said
    after he left is his.
    """
    if facts.invitation is not InvitationStatus.ACCEPTED:
        return [Violation("R39", "participant_refused", REC_SDJ_SILENCE, "speaker")]
    out: list[Violation] = []
    if any(s.active_at(at) and s.agenda_item in (None, agenda_item) for s in facts.silences):
        out.append(Violation("R38", "participant_invoked_silence", REC_SDJ_SILENCE, "speaker"))
    present = any(p.joined_at <= at and (p.left_at is None or at < p.left_at) for p in facts.presences)
    if not present:
        out.append(Violation("R42", "participant_not_present", grounds.DESIGN, "speaker"))
    return out


def may_mark_present(invitation: InvitationStatus) -> list[Violation]:
    """R39 — a refused invitee cannot be marked present, nor one who has not accepted yet; the meeting goes on
    without him."""
    if invitation is InvitationStatus.REFUSED:
        return [Violation("R39", "participant_refused", REC_SDJ_SILENCE, "participant_id")]
    if invitation is not InvitationStatus.ACCEPTED:
        return [Violation("R39", "participant_not_accepted", REC_SDJ_SILENCE, "participant_id")]
    return []


#: R37 — fields that would make disclosure compulsory. The API has none; a payload that tries is told why.
COMPELLING_FIELDS: frozenset[str] = frozenset(
    {"disclosure_required", "mandatory_information", "must_provide", "obliged_to_speak"}
)

#: R38 — fields expressing a negative inference from silence or refusal.
NEGATIVE_INFERENCE_FIELDS: frozenset[str] = frozenset(
    {"cooperative", "refused_to_answer", "cooperation_score", "non_cooperation"}
)


def check_no_compulsion(field_names: Sequence[str]) -> list[Violation]:
    """R37, R38 — no field may compel disclosure or record a negative inference from silence or refusal."""
    out: list[Violation] = []
    for name in field_names:
        if name in COMPELLING_FIELDS:
            out.append(Violation("R37", "disclosure_cannot_be_compelled", FACULTY, name))
        elif name in NEGATIVE_INFERENCE_FIELDS:
            out.append(Violation("R38", "negative_inference_forbidden", REC_SDJ_SILENCE, name))
    return out


def check_lawyer_contribution(
    is_lawyer: bool, client_confidential: bool | None, may_expose_client: Tristate | None
) -> list[Violation]:
    """R21, R115 — art. 458quater: the justification of art. 458ter does not apply to a lawyer for his client's
    confidential information liable to expose the client to prosecution.

    A lawyer's contribution carries both flags (untagged is refused); confidential client information that may —
    or might, `unknown` — expose the client is refused and must not be stored at all, not even encrypted.
    """
    if not is_lawyer:
        return []
    if client_confidential is None or may_expose_client is None:
        return [Violation("R21", "lawyer_flags_required", ART_458QUATER, "lawyer_client_confidential")]
    if client_confidential and may_expose_client is not Tristate.NO:
        return [Violation("R21", "art_458quater_lawyer", ART_458QUATER, "may_expose_client_to_prosecution")]
    return []


def flags_visible(*, is_self: bool, manages: bool) -> bool:
    """R40, D10 — refusal and silence are visible only to the participant himself and to the coordinator/chair."""
    return is_self or manages
