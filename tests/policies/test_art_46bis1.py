"""Art. 46bis/1 C. i. cr. (R78–R84, D16): the request, its items, the answer, and the annulled active duty."""

from __future__ import annotations

from dataclasses import replace

import pytest

from policies.art_46bis1 import (
    ADMINISTRATIVE,
    EXCLUDED,
    HOUSEHOLD,
    AnswerFacts,
    ItemFacts,
    RequestFacts,
    admissible,
    check_answer,
    check_item_list,
    check_items,
    check_origin,
    check_request,
    refused_by_default,
)
from policies.vocab import (
    AdminDataCategory,
    Art46bis1Issuer,
    Art46bis1Origin,
    DecisionForm,
    InvestigationType,
    ItemDecision,
)
from tests.policies.facts import TODAY, Found, found, v

REQUEST = RequestFacts(
    origin=Art46bis1Origin.PROCUREUR_DECISION,
    issuer=Art46bis1Issuer.PROCUREUR_DU_ROI,
    decision_form=DecisionForm.WRITTEN,
    decision_document_sha256="ab" * 32,
    motivation_given=True,
    issued_on=TODAY,
    investigation=InvestigationType.TERRORIST_OFFENCES,
    offences=("cp_140",),
)


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (REQUEST, []),
        (replace(REQUEST, offences=("cp_137", "cp_140sexies")), []),
        (replace(REQUEST, issued_on=None), [v("R78", "art46bis1_decision_missing", "decision")]),
        (replace(REQUEST, issuer=Art46bis1Issuer.POLICE), [v("R78", "art46bis1_not_procureur", "issued_by")]),
        (replace(REQUEST, issuer=None), [v("R78", "art46bis1_not_procureur", "issued_by")]),
        (replace(REQUEST, decision_form=DecisionForm.ORAL), [v("R78", "art46bis1_decision_missing", "decision")]),
        (replace(REQUEST, decision_form=DecisionForm.EMAIL_ONLY), [v("R78", "art46bis1_decision_missing", "decision")]),
        (replace(REQUEST, decision_document_sha256=None), [v("R78", "art46bis1_decision_missing", "decision")]),
        (replace(REQUEST, motivation_given=False), [v("R78", "art46bis1_not_motivated", "decision.motivation")]),
        (
            replace(REQUEST, investigation=InvestigationType.SOCIAL_FRAUD),
            [v("R79", "art46bis1_not_terrorism", "investigation")],
        ),
        (replace(REQUEST, investigation=None), [v("R79", "art46bis1_not_terrorism", "investigation")]),
        (replace(REQUEST, offences=()), [v("R79", "art46bis1_offence_required", "offences")]),
        (
            replace(REQUEST, offences=("cp_140", "cp_398")),
            [v("R79", "art46bis1_offence_not_terrorist", "offences")],
        ),
        (
            replace(REQUEST, origin=Art46bis1Origin.STAFF_DECLARATION),
            [v("R84", "active_reporting_duty_annulled", "origin", invalid=True)],
        ),
    ],
    ids=[
        "written-motivated-terrorism",
        "several-terrorist-offences",
        "undated-decision",
        "police-alone",
        "issuer-unknown",
        "oral",
        "email-only",
        "no-document",
        "not-motivated",
        "social-fraud",
        "investigation-unknown",
        "no-offence",
        "not-a-terrorist-offence",
        "staff-declaration",
    ],
)
def test_the_request(facts: RequestFacts, expected: list[Found]) -> None:
    assert found(check_request(facts, TODAY)) == expected


def test_the_params_name_what_was_wrong() -> None:
    out = check_request(replace(REQUEST, issuer=None, investigation=InvestigationType.DRUGS), TODAY) + check_request(
        replace(REQUEST, offences=("cp_398",)), TODAY
    )
    assert [dict(x.params) for x in out] == [{"issuer": "unknown"}, {"investigation": "drugs"}, {"offence": "cp_398"}]
    assert dict(check_request(replace(REQUEST, investigation=None), TODAY)[0].params) == {"investigation": "unknown"}


def test_terrorist_offences_before_the_2013_law_did_not_exist() -> None:
    from datetime import date

    assert found(check_request(replace(REQUEST, offences=("cp_140sexies",), issued_on=date(2010, 1, 1)), TODAY)) == [
        v("R79", "art46bis1_offence_not_terrorist", "offences")
    ]


def test_no_staff_declaration() -> None:
    assert check_origin(Art46bis1Origin.PROCUREUR_DECISION) == []
    assert found(check_origin(Art46bis1Origin.STAFF_DECLARATION)) == [
        v("R84", "active_reporting_duty_annulled", "origin", invalid=True)
    ]


# --- R81, D16: administrative data only ---------------------------------------------------------------------------


@pytest.mark.parametrize("category", list(AdminDataCategory), ids=[c.value for c in AdminDataCategory])
def test_every_category_is_either_administrative_or_excluded(category: AdminDataCategory) -> None:
    assert (category in ADMINISTRATIVE) + (category in EXCLUDED) + (category is HOUSEHOLD) == 1


@pytest.mark.parametrize(
    ("category", "household", "expected"),
    [
        (AdminDataCategory.IDENTITY_DATA, False, True),
        (AdminDataCategory.ALLOWANCE_GRANTED_OR_REFUSED, False, True),
        (AdminDataCategory.HOUSEHOLD_SITUATION, True, True),
        (AdminDataCategory.HOUSEHOLD_SITUATION, False, False),
        (AdminDataCategory.CONFIDENCES, True, False),
        (AdminDataCategory.MEDICAL_DATA, True, False),
        (AdminDataCategory.SOCIAL_REPORTS, True, False),
        (AdminDataCategory.CONCERTATION_MINUTES, True, False),
        (AdminDataCategory.OTHER, True, False),
    ],
)
def test_admissible(category: AdminDataCategory, household: bool, expected: bool) -> None:
    assert admissible(category, household_situation=household) is expected


ITEMS = (
    ItemFacts("i1", AdminDataCategory.DOMICILE_ADDRESS),
    ItemFacts("i2", AdminDataCategory.HOUSEHOLD_SITUATION),
    ItemFacts("i3", AdminDataCategory.STATE_OF_MIND),
)


@pytest.mark.parametrize(
    ("references", "expected"),
    [
        (["a"], []),
        (["a", "b"], []),
        ([], [v("R81", "art46bis1_items_required", "items")]),
        (["a", "a"], [v(None, "duplicate_item_reference", "items")]),
    ],
)
def test_the_item_list(references: list[str], expected: list[Found]) -> None:
    assert found(check_item_list(references)) == expected


@pytest.mark.parametrize(
    ("household", "refused"),
    [(True, ["i3"]), (False, ["i2", "i3"])],
    ids=["household-admissible", "household-switched-off"],
)
def test_items_refused_from_the_start(household: bool, refused: list[str]) -> None:
    out = check_items(ITEMS, household_situation=household)
    assert [x.params["item"] for x in out] == refused
    assert {(x.rule, x.code) for x in out} <= {("R81", "art46bis1_not_administrative")}
    assert refused_by_default(ITEMS, household_situation=household) == dict.fromkeys(
        refused, ItemDecision.REFUSED_INADMISSIBLE
    )


# --- R80, R81, R82: the answer ------------------------------------------------------------------------------------

_P, _RI, _RO = ItemDecision.PROVIDED, ItemDecision.REFUSED_INADMISSIBLE, ItemDecision.REFUSED_OTHER


def answer(by: bool = True, **decisions: ItemDecision) -> AnswerFacts:
    return AnswerFacts(by, ITEMS, decisions)


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (answer(i1=_P, i2=_P, i3=_RI), []),
        (answer(i1=_RO, i2=_P, i3=_RI), [v("R82", "art46bis1_refusal_punishable", "decisions")]),
        (answer(i1=_RI, i2=_P, i3=_RI), [v("R81", "art46bis1_item_admissible", "decisions")]),
        (answer(i1=_P, i2=_P, i3=_P), [v("R81", "art46bis1_not_administrative", "decisions", invalid=True)]),
        (answer(i1=_P, i2=_P, i3=_RO), []),
        (answer(i1=_P, i2=_P), [v("R81", "art46bis1_item_decision_missing", "decisions")]),
        (
            answer(i1=_P, i2=_P, i3=_RI, i9=_P),
            [v("R81", "art46bis1_item_not_requested", "decisions")],
        ),
        (answer(False, i1=_P, i2=_P, i3=_RI), [v("R80", "answer_not_by_institution", "answered_by")]),
    ],
    ids=[
        "admissible-provided",
        "admissible-refused-punishable",
        "admissible-called-inadmissible",
        "excluded-provided",
        "excluded-refused-otherwise",
        "item-undecided",
        "item-not-requested",
        "individual-answer",
    ],
)
def test_the_answer(facts: AnswerFacts, expected: list[Found]) -> None:
    assert found(check_answer(facts, household_situation=True)) == expected


def test_the_fine_is_named() -> None:
    (warning,) = check_answer(answer(i1=_RO, i2=_P, i3=_RI), household_situation=True)
    assert warning.params == {"item": "i1", "fine": "26–10 000 EUR"}
