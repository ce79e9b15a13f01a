"""Art. 46bis/1 C. i. cr.: the procureur du Roi's request for administrative information (R78–R84, D16).

« Le procureur du Roi peut, par une décision motivée écrite, requérir toutes les institutions de sécurité sociale de
lui fournir les renseignements administratifs qu'il juge nécessaires » — « dans le cadre de recherches en matière
d'infractions terroristes ». So: a written, motivated decision of the procureur du Roi, never an oral or e-mail-only
request of the police (R78); only within an investigation into terrorist offences, the offences of Book II, Title
I ter (R79); addressed to the institution, never answered by the worker it names — he refers it to the director
general or the president (R80); administrative data only — identity, addresses, residence, what was given in an
application, an allowance granted or refused, and (per the circular, D16's switch) the household situation —
never confidences, state of mind, medical data, social reports, case notes or concertation minutes (R81).

Refusing an admissible item is punishable by a fine of 26 to 10,000 euros; refusing an inadmissible one is not (R82,
a warning, never a block: the institution decides). The request itself is secret (R83: see `policies.access`).
The active duty to « declare » indications of terrorist offences was annulled by the Constitutional Court (44/2019,
14 March 2019): nothing here lets a staff member declare; a voluntary disclosure is a state of necessity (R84).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from policies import grounds
from policies.decision import Violation
from policies.offences import offences_for
from policies.vocab import (
    AdminDataCategory,
    Art46bis1Issuer,
    Art46bis1Origin,
    DecisionForm,
    InvestigationType,
    ItemDecision,
    PurposeCategory,
)

_C = AdminDataCategory

#: R81 — administrative data, as the Constitutional Court (44/2019) and the circular list it.
ADMINISTRATIVE: frozenset[AdminDataCategory] = frozenset(
    {
        _C.IDENTITY_DATA,
        _C.DOMICILE_ADDRESS,
        _C.KNOWN_ADDRESSES,
        _C.RESIDENCE,
        _C.DATA_PROVIDED_IN_APPLICATION,
        _C.ALLOWANCE_GRANTED_OR_REFUSED,
    }
)
#: R81, D16 — listed by the circular only, not by the Court: admissible unless the deployment switches it off.
HOUSEHOLD: AdminDataCategory = _C.HOUSEHOLD_SITUATION
#: R81 — what the request can never reach (and anything that is not a listed category).
EXCLUDED: frozenset[AdminDataCategory] = frozenset(
    {
        _C.CONFIDENCES,
        _C.STATE_OF_MIND,
        _C.MEDICAL_DATA,
        _C.SOCIAL_REPORTS,
        _C.CASE_NOTES,
        _C.CONCERTATION_MINUTES,
        _C.OTHER,
    }
)
#: R82 — the fine for refusing an admissible item, as seed 004 states it.
FINE: str = "26–10 000 EUR"


def admissible(category: AdminDataCategory, *, household_situation: bool) -> bool:
    """R81, D16 — may this category be asked for?"""
    return category in ADMINISTRATIVE or (category is HOUSEHOLD and household_situation)


@dataclass(frozen=True, slots=True)
class RequestFacts:
    origin: Art46bis1Origin
    issuer: Art46bis1Issuer | None
    decision_form: DecisionForm | None
    decision_document_sha256: str | None
    motivation_given: bool
    issued_on: date | None
    investigation: InvestigationType | None
    offences: Sequence[str]


def check_origin(origin: Art46bis1Origin) -> list[Violation]:
    """R84 — no staff declaration: the active reporting duty was annulled (C. const. 44/2019)."""
    if origin is Art46bis1Origin.STAFF_DECLARATION:
        return [Violation("R84", "active_reporting_duty_annulled", grounds.CC_44_2019, "origin", invalid=True)]
    return []


def check_request(r: RequestFacts, today: date) -> list[Violation]:
    """R78, R79, R84 — may the institution take this request in at all? Each failure refuses it (nothing stored)."""
    out = check_origin(r.origin)
    if r.issuer is not Art46bis1Issuer.PROCUREUR_DU_ROI:
        issuer = r.issuer.value if r.issuer is not None else "unknown"
        out.append(Violation("R78", "art46bis1_not_procureur", grounds.ART_46BIS1, "issued_by", {"issuer": issuer}))
    if r.decision_form is not DecisionForm.WRITTEN or not r.decision_document_sha256 or r.issued_on is None:
        out.append(Violation("R78", "art46bis1_decision_missing", grounds.ART_46BIS1, "decision"))
    if not r.motivation_given:
        out.append(Violation("R78", "art46bis1_not_motivated", grounds.ART_46BIS1, "decision.motivation"))
    if r.investigation is not InvestigationType.TERRORIST_OFFENCES:
        kind = r.investigation.value if r.investigation is not None else "unknown"
        out.append(
            Violation(
                "R79", "art46bis1_not_terrorism", grounds.ART_46BIS1_TERRORISM, "investigation", {"investigation": kind}
            )
        )
    else:
        out += check_offences(r.offences, r.issued_on or today)
    return out


def check_offences(offences: Sequence[str], on: date) -> list[Violation]:
    """R79 — the investigation names at least one terrorist offence of Book II, Title I ter, in force on the date of
    the decision (or today when it has none: the decision itself is then refused by R78)."""
    if not offences:
        return [Violation("R79", "art46bis1_offence_required", grounds.ART_46BIS1_TERRORISM, "offences")]
    terrorist = {o.code for o in offences_for(PurposeCategory.PREVENT_TERRORIST_OFFENCES, on)}
    return [
        Violation("R79", "art46bis1_offence_not_terrorist", grounds.ART_46BIS1_TERRORISM, "offences", {"offence": code})
        for code in offences
        if code not in terrorist
    ]


@dataclass(frozen=True, slots=True)
class ItemFacts:
    reference: str
    category: AdminDataCategory


def check_item_list(references: Sequence[str]) -> list[Violation]:
    """R81 — a request names what it asks for, item by item, each item once."""
    if not references:
        return [Violation("R81", "art46bis1_items_required", grounds.ART_46BIS1_ADMINISTRATIVE, "items")]
    if len(set(references)) != len(references):
        return [Violation(None, "duplicate_item_reference", grounds.DESIGN, "items")]
    return []


def check_items(items: Sequence[ItemFacts], *, household_situation: bool) -> list[Violation]:
    """R81 — each item that is not administrative data is refused, item by item (the others can be answered)."""
    out: list[Violation] = []
    for item in items:
        if not admissible(item.category, household_situation=household_situation):
            out.append(
                Violation(
                    "R81",
                    "art46bis1_not_administrative",
                    grounds.ART_46BIS1_ADMINISTRATIVE,
                    "items",
                    {"item": item.reference, "category": item.category.value},
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class AnswerFacts:
    """The institution's answer: who gives it, and its decision on each requested item."""

    by_institution_signatory: bool
    items: Sequence[ItemFacts]
    decisions: dict[str, ItemDecision]


def check_answerer(by_institution_signatory: bool) -> list[Violation]:
    """R80 — only the institution answers, through its signatories (the director general, the president)."""
    if not by_institution_signatory:
        return [Violation("R80", "answer_not_by_institution", grounds.ART_46BIS1_INSTITUTION, "answered_by")]
    return []


def check_answer(a: AnswerFacts, *, household_situation: bool) -> list[Violation]:
    """R80, R81, R82 — the answer, item by item.

    Every requested item gets a decision, and only requested items do. An inadmissible item is never provided (R81,
    refused); refusing an admissible item for another reason is the institution's call, with the warning that the
    law punishes it (R82).
    """
    out = check_answerer(a.by_institution_signatory)
    requested = {i.reference: i for i in a.items}
    for reference in sorted(set(a.decisions) - set(requested)):
        out.append(
            Violation(
                "R81",
                "art46bis1_item_not_requested",
                grounds.ART_46BIS1_ADMINISTRATIVE,
                "decisions",
                {"item": reference},
            )
        )
    for item in a.items:
        decision = a.decisions.get(item.reference)
        ok = admissible(item.category, household_situation=household_situation)
        if decision is None:
            out.append(
                Violation(
                    "R81",
                    "art46bis1_item_decision_missing",
                    grounds.ART_46BIS1_ADMINISTRATIVE,
                    "decisions",
                    {"item": item.reference},
                )
            )
        elif decision is ItemDecision.PROVIDED and not ok:
            out.append(
                Violation(
                    "R81",
                    "art46bis1_not_administrative",
                    grounds.ART_46BIS1_ADMINISTRATIVE,
                    "decisions",
                    {"item": item.reference, "category": item.category.value},
                    invalid=True,
                )
            )
        elif decision is ItemDecision.REFUSED_OTHER and ok:
            out.append(
                Violation(
                    "R82",
                    "art46bis1_refusal_punishable",
                    grounds.ART_46BIS1_FINE,
                    "decisions",
                    {"item": item.reference, "fine": FINE},
                )
            )
        elif decision is ItemDecision.REFUSED_INADMISSIBLE and ok:
            out.append(
                Violation(
                    "R81",
                    "art46bis1_item_admissible",
                    grounds.ART_46BIS1_ADMINISTRATIVE,
                    "decisions",
                    {"item": item.reference, "category": item.category.value},
                )
            )
    return out


def refused_by_default(items: Collection[ItemFacts], *, household_situation: bool) -> dict[str, ItemDecision]:
    """R81 — the items the institution must refuse whatever it decides on the rest."""
    return {
        i.reference: ItemDecision.REFUSED_INADMISSIBLE
        for i in items
        if not admissible(i.category, household_situation=household_situation)
    }
