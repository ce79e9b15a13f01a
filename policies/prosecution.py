"""The prosecution path (R49–R54, D7, D13, R105).

Art. 458ter §2 C. pén.: « Les secrets qui sont communiqués pendant cette concertation, ne peuvent donner lieu à la
poursuite pénale que des seuls délits pour lesquels la concertation a été organisée. » A request to use minutes is
granted only if every offence it names is in the concertation's scope — otherwise it is refused whole, never
trimmed (R49), recorded and alerted (R54): such a use would violate professional secrecy. An empty scope means no
prosecution use, ever (D7). Only the penal use is open; administrative sanctions, social-fraud recovery, residence,
civil or disciplinary use are not (R49). Only a magistrate of the public prosecutor's office asks (R50); a police
officer's own duty to report does not open the path either (D13, R105). A granted request discloses only the
entries R53 allows: never a youth-protection report (R34), never an entry tagged with an offence outside the
request, never an entry about a person the request does not name; an untagged entry is not disclosed (R115).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from policies import grounds
from policies.decision import Violation

DESIGN_NON_PENAL = "art. 458ter §2 C. pén. et art. 458 C. pén. (lecture du devoir de secret)"
R50_GROUND = "art. 458ter §2 C. pén. (le procureur du Roi, pour les seules infractions de la concertation)"


class Use(StrEnum):
    """R49 — what the requester wants to use the minutes for."""

    CRIMINAL_PROSECUTION = "criminal_prosecution"
    ADMINISTRATIVE_SANCTION = "administrative_sanction"
    SOCIAL_FRAUD_RECOVERY = "social_fraud_recovery"
    RESIDENCE_OR_IMMIGRATION = "residence_or_immigration"
    CIVIL_PROCEEDINGS = "civil_proceedings"
    DISCIPLINARY_PROCEEDINGS = "disciplinary_proceedings"


@dataclass(frozen=True, slots=True)
class RequestFacts:
    is_prosecutor: bool
    use: Use
    offences: Sequence[str]
    scope: Collection[str]
    case_reference_given: bool
    motivation_given: bool


def prosecution_request_decision(r: RequestFacts) -> list[Violation]:
    """R49, R50, R54 — granted only for penal use, by the parquet, for offences all inside the scope."""
    if not r.is_prosecutor:
        return [Violation("R50", "requester_not_prosecutor", R50_GROUND, None)]
    out: list[Violation] = []
    if r.use is not Use.CRIMINAL_PROSECUTION:
        out.append(Violation("R49", "non_penal_use_not_allowed", DESIGN_NON_PENAL, "use", {"use": r.use.value}))
    if not r.case_reference_given:
        out.append(
            Violation("R49", "prosecution_request_incomplete", grounds.ART_458TER_SCOPE, "criminal_case_reference")
        )
    if not r.motivation_given:
        out.append(Violation("R49", "prosecution_request_incomplete", grounds.ART_458TER_SCOPE, "motivation"))
    if not r.offences:
        out.append(Violation("R49", "prosecution_request_incomplete", grounds.ART_458TER_SCOPE, "offences"))
    if not r.scope:
        out.append(Violation("R49", "empty_prosecution_scope", grounds.ART_458TER_SCOPE, "offences"))
    else:
        outside = sorted(set(r.offences) - set(r.scope))
        if outside:
            out.append(
                Violation(
                    "R49",
                    "offence_outside_concertation_scope",
                    grounds.ART_458TER_SCOPE,
                    "offences",
                    {"offences": ",".join(outside)},
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class EntryExposure:
    penal_use_forbidden: bool
    offence_tags: Collection[str]
    about_persons: Collection[str]


def disclosable(entry: EntryExposure, requested: Collection[str], persons_named: Collection[str]) -> bool:
    """R53 — may this entry go to the prosecutor of a granted request?"""
    if entry.penal_use_forbidden:
        return False
    if not entry.offence_tags or not set(entry.offence_tags) <= set(requested):
        return False
    return set(entry.about_persons) <= set(persons_named)
