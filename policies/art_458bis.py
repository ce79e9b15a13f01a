"""Art. 458bis C. pén.: informing the procureur du Roi of an offence against a minor or a vulnerable person
(R101–R103, R21).

« Toute personne qui, par état ou par profession, est dépositaire de secrets et a de ce fait connaissance d'une
infraction prévue aux articles [listés], qui a été commise sur un mineur ou sur une personne qui est vulnérable en
raison de son âge, d'un état de grossesse, de la violence entre partenaires, d'une maladie, d'une infirmité ou
d'une déficience physique ou mentale peut, sans préjudice des obligations que lui impose l'article 422bis, en
informer le procureur du Roi, soit lorsqu'il existe un danger grave et imminent pour l'intégrité physique ou
mentale du mineur ou de la personne vulnérable visée, et qu'elle n'est pas en mesure, seule ou avec l'aide de tiers,
de protéger cette intégrité, soit lorsqu'il y a des indices d'un danger sérieux et réel que d'autres mineurs ou
personnes vulnérables visées soient victimes des infractions prévues aux articles précités et qu'elle n'est pas en
mesure, seule ou avec l'aide de tiers, de protéger cette intégrité. »

So: a discloser bound by secrecy; a listed offence; a minor or vulnerable victim; a grave and imminent danger to
that victim, or serious and real indications that others will be victims — and in both cases the professional
cannot protect them alone or with others' help; the procureur du Roi as the only recipient (R101). The danger is
real, not a worry or a rumour (R102). The report is a faculty (« peut »), never automatic, and it does not end the
duty to help: a follow-up plan is mandatory (R103). A lawyer never reports information of his own client that may
incriminate him (art. 458quater, R21).

**The list of offences is reference data, not law** — the articles as printed in seed 004 (footnote digits removed),
mapped onto the codes of the offence catalogue (`policies.offences`). Like that catalogue every entry is marked
`to_verify`: the law of 21 March 2022 moved the sexual offences to arts. 417/7 ff. and amended art. 458bis; the
successors listed here are the ones the offence catalogue holds, and the exact wording of the amended list must be
checked on Justel before release.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from policies import grounds
from policies.decision import Violation
from policies.offences import get_offence, is_in_force
from policies.vocab import FactualBasisKind, ReportRecipient, Vulnerability

#: Bumped whenever an entry changes, so that a report can name the list it was judged by (R113).
LIST_VERSION: str = "2026-12-07.1"
LIST_STATUS: str = "reference data to verify on Justel before release (EXTERNAL, requirements.md Appendix 2)"


@dataclass(frozen=True, slots=True)
class ListedOffence:
    """An offence-catalogue code art. 458bis lists, and how the article lists it."""

    code: str
    listed_as: str
    to_verify: bool = True
    note: str = ""


_SEED = "As printed in seed 004."
_SUCCESSOR = "Successor (law of 21 March 2022) of an article the seed lists; its place in the amended list to verify."

LISTED_OFFENCES: tuple[ListedOffence, ...] = (
    *(
        ListedOffence(code, "arts. 371/1–377", note=_SEED)
        for code in ("cp_371_1", "cp_372", "cp_373", "cp_375", "cp_376", "cp_377")
    ),
    ListedOffence("cp_377quater", "art. 377quater", note=_SEED),
    ListedOffence("cp_379", "art. 379", note=_SEED),
    ListedOffence("cp_380", "art. 380", note=_SEED),
    ListedOffence("cp_383bis", "art. 383bis §§1–2", note=_SEED + " §3 is not listed: a report names §§1–2 only."),
    *(ListedOffence(code, "arts. 392–394", note=_SEED) for code in ("cp_393", "cp_394")),
    *(
        ListedOffence(code, "arts. 396–405ter", note=_SEED)
        for code in ("cp_397", "cp_398", "cp_399", "cp_400", "cp_401", "cp_402_to_405", "cp_405bis", "cp_405ter")
    ),
    ListedOffence("cp_409", "art. 409", note=_SEED),
    ListedOffence("cp_423", "art. 423", note=_SEED),
    ListedOffence("cp_425_to_426", "arts. 425, 426", note=_SEED),
    ListedOffence("cp_433quinquies", "art. 433quinquies", note=_SEED),
    *(
        ListedOffence(code, "arts. 417/7 ff. (ex 372–377)", note=_SUCCESSOR)
        for code in ("cp_417_7", "cp_417_8", "cp_417_9", "cp_417_11")
    ),
)

_BY_CODE: Mapping[str, ListedOffence] = MappingProxyType({o.code: o for o in LISTED_OFFENCES})


def listed(code: str | None, on: date) -> bool:
    """R101 — is `code` an offence art. 458bis lists, in force in the offence catalogue on `on`?"""
    if code is None or code not in _BY_CODE:
        return False
    offence = get_offence(code)
    return offence is not None and is_in_force(offence, on)


#: R102 — what cannot ground a report.
NOT_A_GROUND: frozenset[FactualBasisKind] = frozenset({FactualBasisKind.RUMOUR, FactualBasisKind.CONCERN_ONLY})


@dataclass(frozen=True, slots=True)
class ReportFacts:
    discloser_bound_by_secrecy: bool | None
    discloser_is_lawyer: bool | None
    information_from_own_client: bool | None
    offence: str | None
    victim_is_minor: bool | None
    victim_vulnerabilities: Sequence[Vulnerability]
    grave_and_imminent_danger_to_victim: bool | None
    serious_danger_to_other_victims: bool | None
    unable_to_protect_alone_or_with_third_parties: bool | None
    recipient: ReportRecipient | None
    factual_basis: Collection[FactualBasisKind]
    factual_basis_described: bool
    follow_up_plan_given: bool


def check_lawyer(r: ReportFacts) -> list[Violation]:
    """R21, art. 458quater — a lawyer never discloses his own client's information (unknown status: refused)."""
    if r.discloser_is_lawyer is None or (r.discloser_is_lawyer and r.information_from_own_client is not False):
        return [Violation("R21", "art_458quater_lawyer", grounds.ART_458QUATER_LAWYER, "discloser.is_lawyer")]
    return []


def check_art_458bis_report(r: ReportFacts, on: date, *, recording: bool) -> list[Violation]:
    """R101, R102, R103, R21 — may this be reported to the procureur du Roi under art. 458bis?

    `recording`: the report is being recorded (not only assessed), so its follow-up plan is due (R103).
    """
    out: list[Violation] = []
    if r.discloser_bound_by_secrecy is not True:
        out.append(
            Violation("R101", "discloser_not_bound", grounds.ART_458BIS, "discloser.bound_by_professional_secrecy")
        )
    out += check_lawyer(r)
    if r.offence is None:
        out.append(Violation("R101", "report_offence_required", grounds.ART_458BIS, "offence"))
    elif not listed(r.offence, on):
        out.append(
            Violation("R101", "offence_not_in_458bis_list", grounds.ART_458BIS, "offence", {"offence": r.offence})
        )
    if r.victim_is_minor is not True and not r.victim_vulnerabilities:
        out.append(Violation("R101", "victim_not_minor_or_vulnerable", grounds.ART_458BIS, "victim"))
    danger = r.grave_and_imminent_danger_to_victim is True or r.serious_danger_to_other_victims is True
    if not danger:
        out.append(Violation("R101", "danger_not_established", grounds.ART_458BIS_THRESHOLD, "danger"))
    if r.unable_to_protect_alone_or_with_third_parties is not True:
        out.append(
            Violation(
                "R101",
                "protection_possible_without_report",
                grounds.ART_458BIS,
                "danger.unable_to_protect_alone_or_with_third_parties",
            )
        )
    if r.recipient is not ReportRecipient.PROCUREUR_DU_ROI:
        value = r.recipient.value if r.recipient is not None else "unknown"
        out.append(
            Violation("R101", "recipient_must_be_procureur", grounds.ART_458BIS, "recipient", {"recipient": value})
        )
    grounded = [k for k in r.factual_basis if k not in NOT_A_GROUND]
    if not r.factual_basis_described or not grounded:
        out.append(Violation("R102", "danger_not_real", grounds.ART_458BIS_THRESHOLD, "factual_basis"))
    if recording and not r.follow_up_plan_given:
        out.append(Violation("R103", "follow_up_plan_required", grounds.ART_458BIS_DUTY_TO_HELP, "follow_up_plan"))
    return out
