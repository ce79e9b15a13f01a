"""Minutes entries (R16, R21, R33, R34, R38, R39, R42, R47, R53, R65).

Minutes record what was said, never more: an entry attributed to someone who refused, stayed silent or was not
there is refused (R38, R39, R42); a lawyer's client-confidential information that may expose the client is refused
and never stored (R21, art. 458quater); a youth-protection investigation report never reaches police or parquet
(R34, Cass.); a police or parquet contribution says whether it comes from a judicial investigation and, if so, that
its author confirmed it may be shared (R47); content (rather than process) is justified as necessary (R65). Offence
tags stay inside the concertation's scope: they decide, later, what a prosecutor may receive (R53).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from policies import grounds
from policies.decision import Violation
from policies.participation import AttributionFacts, Tristate, check_lawyer_contribution, may_attribute
from policies.vocab import ConcertationState, Sector

CASSATION_YOUTH = "jurisprudence constante de la Cour de cassation (rapports d'étude sociale et médico-psychologique)"
PILOT_INVESTIGATION = "évaluation du Protocol van Moed (secret de l'instruction) ; conception"
MINIMISATION = "recommandation Donnet, Dubois, Guilbau ; Meersseman ; circulaire SPW (strictement nécessaire)"
ADVERSARIAL = "recommandation Nouwynck ; SDJ (principe du contradictoire)"

#: SPEC §3 — minutes are written only while the concertation meets or has met, and until they are finalised.
WRITABLE: frozenset[ConcertationState] = frozenset({ConcertationState.IN_SESSION, ConcertationState.HELD})


class Level(StrEnum):
    """R65 — process (how the help goes) rather than content (what was confided), when that suffices."""

    PROCESS = "process"
    CONTENT = "content"


class EntryType(StrEnum):
    STATEMENT = "statement"
    DECISION = "decision"
    YOUTH_PROTECTION_REPORT = "youth_protection_report"


@dataclass(frozen=True, slots=True)
class Speaker:
    """The participant an entry is attributed to, as the rules see him."""

    participant_id: str
    sector: Sector
    is_lawyer: bool
    attribution: AttributionFacts


@dataclass(frozen=True, slots=True)
class EntryFacts:
    state: ConcertationState
    finalised: bool
    at: datetime
    agenda_item: str | None
    speaker: Speaker | None
    attributed_to: Sequence[Speaker]
    unknown_participants: Sequence[str]
    level: Level
    necessity_justified: bool
    entry_type: EntryType
    judicial_presence: bool
    offence_tags: Sequence[str]
    scope: Collection[str]
    about_persons: Sequence[str]
    person_refs: Collection[str]
    lawyer_client_confidential: bool | None
    may_expose_client: Tristate | None
    from_judicial_investigation: bool | None
    investigation_shareable_confirmed: bool | None


def check_entry(f: EntryFacts) -> list[Violation]:
    """Everything an entry must satisfy before it is sealed and stored; the first R21 refusal stores nothing."""
    if f.finalised:
        return [Violation(None, "minutes_finalised", grounds.DESIGN, "minutes")]
    if f.state not in WRITABLE:
        return [Violation(None, "minutes_not_writable", grounds.DESIGN, "state", {"state": f.state.value})]
    out: list[Violation] = []
    if f.unknown_participants:
        out.append(Violation("R16", "speaker_not_a_participant", grounds.ART_458TER_DETERMINES, "speaker"))
    people = ([f.speaker] if f.speaker else []) + list(f.attributed_to)
    for person in people:
        out.extend(may_attribute(person.attribution, f.at, f.agenda_item))
    # R21, R47: the flags bear on the contribution of everyone it is attributed to, as speaker or otherwise.
    lawyer = any(p.is_lawyer for p in people)
    out.extend(check_lawyer_contribution(lawyer, f.lawyer_client_confidential, f.may_expose_client))
    if any(p.sector in (Sector.POLICE, Sector.PROSECUTION) for p in people):
        if f.from_judicial_investigation is None:
            out.append(
                Violation(
                    "R47",
                    "judicial_investigation_flag_required",
                    PILOT_INVESTIGATION,
                    "from_judicial_investigation",
                )
            )
        elif f.from_judicial_investigation and f.investigation_shareable_confirmed is not True:
            out.append(
                Violation(
                    "R47",
                    "investigation_secrecy_not_confirmed",
                    PILOT_INVESTIGATION,
                    "investigation_shareable_confirmed",
                )
            )
    if f.entry_type is EntryType.YOUTH_PROTECTION_REPORT and f.judicial_presence:
        out.append(Violation("R34", "youth_report_penal_exposure", CASSATION_YOUTH, "entry_type"))
    if f.level is Level.CONTENT and not f.necessity_justified:
        out.append(Violation("R65", "necessity_justification_required", MINIMISATION, "necessity_justification"))
    for tag in f.offence_tags:
        if tag not in f.scope:
            out.append(
                Violation(
                    "R53", "offence_tag_outside_scope", grounds.ART_458TER_SCOPE, "offence_tags", {"offence": tag}
                )
            )
    for ref in f.about_persons:
        if ref not in f.person_refs:
            out.append(Violation("R26", "person_unknown", grounds.CIRCULAR_PRECISION, "about_persons"))
    return out


def is_lawyer_refusal(violations: Sequence[Violation]) -> bool:
    """R21 — content refused under art. 458quater is not stored anywhere, not even encrypted, not even audited."""
    return any(v.code == "art_458quater_lawyer" for v in violations)


def check_adversarial(undisclosed_judicial_entries: int, exception_in_force: bool) -> list[Violation]:
    """R33 — elements that may feed a judicial or mandating decision must be knowable by the person: before closure,
    each entry flagged `may_inform_judicial_decision` was disclosed to the person, unless a valid exception to
    informing him (R30) is in force."""
    if undisclosed_judicial_entries and not exception_in_force:
        return [
            Violation(
                "R33",
                "contradictoire_at_risk",
                ADVERSARIAL,
                "minutes",
                {"entries": str(undisclosed_judicial_entries)},
            )
        ]
    return []
