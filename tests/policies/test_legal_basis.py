"""What makes a legal basis (R1–R5, R8, R113): one table per rule, an accepted and a refused row each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from policies.legal_basis import (
    ART_458TER_IN_FORCE,
    RegistrySettings,
    check_basis_determines,
    check_basis_identified,
    check_legal_basis,
    check_prosecutor_authorisation,
    check_validity_period,
    unknown_basis_type,
)
from policies.vocab import (
    NON_BASES,
    AuthorisationForm,
    AuthorisingMagistrate,
    BasisType,
    ImplementingActKind,
    Legislator,
    Sector,
)
from tests.policies.facts import (
    MOTIVATION,
    TERRORISM,
    Authorisation,
    Basis,
    Determines,
    ImplementingAct,
    Modalities,
    Norm,
    category,
    decree_basis,
    found,
    law_basis,
    named,
    prosecutor_basis,
    v,
)

DEFAULT = RegistrySettings()
DECREE = decree_basis()
LAW = law_basis()
PROSECUTOR = prosecutor_basis()
NORM = Norm()
ACT = ImplementingAct()
AUTH = Authorisation()
DET = Determines()


def _norm(**changes: Any) -> Basis:
    return replace(DECREE, enabling_norm=replace(NORM, **changes))


def _act(**changes: Any) -> Basis:
    return replace(DECREE, implementing_act=replace(ACT, **changes))


def _auth(**changes: Any) -> Basis:
    return replace(PROSECUTOR, prosecutor_authorisation=replace(AUTH, **changes))


def _det(**changes: Any) -> Basis:
    return replace(DECREE, determines=replace(DET, **changes))


def _mod(**changes: Any) -> Basis:
    return _det(modalities=replace(Modalities(), **changes))


# --- R1, R2, R3: the basis is identified and of the right kind --------------------------------------------------

IDENTIFIED = [
    (DECREE, []),
    (replace(DECREE, enabling_norm=replace(NORM, legislator=Legislator.REGION)), []),
    (LAW, []),
    (
        replace(DECREE, type=BasisType.ORDINANCE, enabling_norm=replace(NORM, legislator=Legislator.BRUSSELS_CAPITAL)),
        [],
    ),
    (replace(DECREE, implementing_act=ACT), []),
    (_act(date=NORM.date), []),
    (_act(kind=ImplementingActKind.COOPERATION_AGREEMENT_WITH_ASSENT), []),
    (PROSECUTOR, []),
    (replace(DECREE, enabling_norm=None), [v("R2", "basis_not_identified", "enabling_norm")]),
    (_norm(title=None), [v("R2", "basis_not_identified", "enabling_norm.title")]),
    (_norm(title="   "), [v("R2", "basis_not_identified", "enabling_norm.title")]),
    (_norm(date=None), [v("R2", "basis_not_identified", "enabling_norm.date")]),
    (_norm(articles=()), [v("R2", "basis_not_identified", "enabling_norm.articles")]),
    (_norm(articles=(" ", "")), [v("R2", "basis_not_identified", "enabling_norm.articles")]),
    (_norm(legislator=None), [v("R2", "basis_not_identified", "enabling_norm.legislator")]),
    (_norm(publication_ref=""), [v("R2", "basis_not_identified", "enabling_norm.publication_ref")]),
    (
        replace(LAW, enabling_norm=replace(NORM, legislator=Legislator.REGION)),
        [v("R2", "legislator_mismatch", "enabling_norm.legislator")],
    ),
    (_norm(legislator=Legislator.FEDERAL), [v("R2", "legislator_mismatch", "enabling_norm.legislator")]),
    (replace(DECREE, type=BasisType.ORDINANCE), [v("R2", "legislator_mismatch", "enabling_norm.legislator")]),
    (replace(LAW, prosecutor_authorisation=AUTH), [v("R1", "basis_kind_mismatch", "prosecutor_authorisation")]),
    (
        replace(LAW, prosecutor_authorisation=AUTH, enabling_norm=None),
        [v("R1", "basis_kind_mismatch", "prosecutor_authorisation"), v("R2", "basis_not_identified", "enabling_norm")],
    ),
    (replace(PROSECUTOR, enabling_norm=NORM), [v("R1", "basis_kind_mismatch", "enabling_norm")]),
    (replace(PROSECUTOR, implementing_act=ACT), [v("R1", "basis_kind_mismatch", "enabling_norm")]),
    (_act(kind=None), [v("R3", "not_a_legal_basis", "implementing_act.kind")]),
    (_act(title=" "), [v("R2", "basis_not_identified", "implementing_act.title")]),
    (_act(date=None), [v("R2", "basis_not_identified", "implementing_act.date")]),
    (_act(publication_ref=None), [v("R2", "basis_not_identified", "implementing_act.publication_ref")]),
    (_act(date=date(2004, 5, 11)), [v("R1", "implementing_act_before_norm", "implementing_act.date")]),
    (
        replace(DECREE, enabling_norm=replace(NORM, date=None), implementing_act=ACT),
        [v("R2", "basis_not_identified", "enabling_norm.date")],
    ),
    (
        replace(DECREE, enabling_norm=Norm(None, None, (), None, None)),
        [
            v("R2", "basis_not_identified", "enabling_norm.title"),
            v("R2", "basis_not_identified", "enabling_norm.date"),
            v("R2", "basis_not_identified", "enabling_norm.articles"),
            v("R2", "basis_not_identified", "enabling_norm.legislator"),
            v("R2", "basis_not_identified", "enabling_norm.publication_ref"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("basis", "expected"),
    IDENTIFIED,
    ids=[
        "accept-decree-by-community",
        "accept-decree-by-region",
        "accept-law-by-federal-legislator",
        "accept-ordinance-by-brussels-capital",
        "accept-en-vertu-de-government-decree",
        "accept-implementing-act-same-day-as-norm",
        "accept-cooperation-agreement-with-assent",
        "accept-prosecutor-authorisation-without-norm",
        "refuse-R2-no-enabling-norm",
        "refuse-R2-norm-title-missing",
        "refuse-R2-norm-title-blank",
        "refuse-R2-norm-date-missing",
        "refuse-R2-norm-articles-empty",
        "refuse-R2-norm-articles-blank",
        "refuse-R2-norm-legislator-missing",
        "refuse-R2-norm-publication-missing",
        "refuse-R2-law-adopted-by-region",
        "refuse-R2-decree-adopted-by-federal",
        "refuse-R2-ordinance-adopted-by-community",
        "refuse-R1-law-carrying-prosecutor-authorisation",
        "refuse-R1-R2-law-with-authorisation-and-no-norm",
        "refuse-R1-prosecutor-authorisation-with-norm",
        "refuse-R1-prosecutor-authorisation-with-implementing-act",
        "refuse-R3-implementing-act-of-unknown-kind",
        "refuse-R2-implementing-act-title-blank",
        "refuse-R2-implementing-act-date-missing",
        "refuse-R2-implementing-act-publication-missing",
        "refuse-R1-implementing-act-before-norm",
        "refuse-R2-undated-norm-with-implementing-act",
        "refuse-R2-norm-empty",
    ],
)
def test_basis_identified(basis: Basis, expected: list[tuple[object, ...]]) -> None:
    assert found(check_basis_identified(basis)) == expected


def test_legislator_mismatch_names_type_and_legislator() -> None:
    (violation,) = check_basis_identified(replace(LAW, enabling_norm=replace(NORM, legislator=Legislator.COMMUNITY)))
    assert violation.params == {"type": "law", "legislator": "community"}


@pytest.mark.parametrize(
    ("value", "rule", "code"),
    [
        ("circular", "R3", "not_a_legal_basis"),
        ("ministerial_circular", "R3", "not_a_legal_basis"),
        ("cooperation_protocol", "R3", "not_a_legal_basis"),
        ("consent", "R3", "not_a_legal_basis"),
        ("shared_professional_secrecy", "R3", "not_a_legal_basis"),
        ("state_of_necessity", "R3", "not_a_legal_basis"),
        ("treaty", "R1", "legal_basis_type_invalid"),
        ("", "R1", "legal_basis_type_invalid"),
        ("LAW", "R1", "legal_basis_type_invalid"),
    ],
    ids=[
        "R3-circular-csil-trap",
        "R3-ministerial-circular",
        "R3-protocol-between-services",
        "R3-consent-of-the-person",
        "R3-shared-secrecy",
        "R3-state-of-necessity",
        "R1-unknown-ground",
        "R1-empty",
        "R1-case-is-not-folded",
    ],
)
def test_unknown_basis_type(value: str, rule: str, code: str) -> None:
    violation = unknown_basis_type(value)
    assert found([violation]) == [v(rule, code, "type")]
    assert violation.params == {"value": value}


def test_every_non_basis_is_refused_under_R3_and_no_admitted_type_is_a_non_basis() -> None:
    assert {unknown_basis_type(value).rule for value in NON_BASES} == {"R3"}
    assert not NON_BASES & {t.value for t in BasisType}


# --- R4, R8: a prosecutor's authorisation is written, signed, motivated ----------------------------------------

AUTHORISATIONS = [
    (LAW, DEFAULT, []),
    (LAW, RegistrySettings(allow_prosecutor_authorisation_basis=False), []),
    (PROSECUTOR, DEFAULT, []),
    (_auth(issued_by=AuthorisingMagistrate.SUBSTITUT, delegation_ref="délégation 2025/12"), DEFAULT, []),
    (_auth(motivation="x" * 50), DEFAULT, []),
    (_auth(motivation="court mais assez"), RegistrySettings(min_motivation_length=10), []),
    (
        PROSECUTOR,
        RegistrySettings(allow_prosecutor_authorisation_basis=False),
        [v("R8", "basis_not_democratically_controlled", "type")],
    ),
    (
        replace(PROSECUTOR, prosecutor_authorisation=None),
        DEFAULT,
        [v("R4", "authorisation_not_motivated", "prosecutor_authorisation")],
    ),
    (
        _auth(form=AuthorisationForm.ORAL),
        DEFAULT,
        [v("R4", "authorisation_not_written", "prosecutor_authorisation.form")],
    ),
    (
        _auth(form=AuthorisationForm.TELEPHONE),
        DEFAULT,
        [v("R4", "authorisation_not_written", "prosecutor_authorisation.form")],
    ),
    (_auth(form=None), DEFAULT, [v("R4", "authorisation_not_written", "prosecutor_authorisation.form")]),
    (
        _auth(document_sha256=None),
        DEFAULT,
        [v("R4", "authorisation_not_written", "prosecutor_authorisation.document_sha256")],
    ),
    (
        _auth(document_sha256="A" * 64),
        DEFAULT,
        [v("R4", "authorisation_not_written", "prosecutor_authorisation.document_sha256")],
    ),
    (
        _auth(document_sha256="a" * 63),
        DEFAULT,
        [v("R4", "authorisation_not_written", "prosecutor_authorisation.document_sha256")],
    ),
    (_auth(motivation=None), DEFAULT, [v("R4", "authorisation_not_motivated", "prosecutor_authorisation.motivation")]),
    (_auth(motivation="   "), DEFAULT, [v("R4", "authorisation_not_motivated", "prosecutor_authorisation.motivation")]),
    (
        _auth(motivation="x" * 49),
        DEFAULT,
        [v("R4", "authorisation_not_motivated", "prosecutor_authorisation.motivation")],
    ),
    (
        _auth(motivation="  " + "x" * 49 + "      "),
        DEFAULT,
        [v("R4", "authorisation_not_motivated", "prosecutor_authorisation.motivation")],
    ),
    (
        _auth(issued_by=None),
        DEFAULT,
        [v("R4", "authorisation_signatory_invalid", "prosecutor_authorisation.issued_by")],
    ),
    (
        _auth(issued_by=AuthorisingMagistrate.SUBSTITUT),
        DEFAULT,
        [v("R4", "substitute_delegation_missing", "prosecutor_authorisation.delegation_ref")],
    ),
    (
        _auth(issued_by=AuthorisingMagistrate.SUBSTITUT, delegation_ref=" "),
        DEFAULT,
        [v("R4", "substitute_delegation_missing", "prosecutor_authorisation.delegation_ref")],
    ),
    (
        _auth(issued_by_name=""),
        DEFAULT,
        [v("R4", "authorisation_incomplete", "prosecutor_authorisation.issued_by_name")],
    ),
    (
        _auth(issuing_office=None),
        DEFAULT,
        [v("R4", "authorisation_incomplete", "prosecutor_authorisation.issuing_office")],
    ),
    (_auth(issued_at=None), DEFAULT, [v("R4", "authorisation_incomplete", "prosecutor_authorisation.issued_at")]),
    (
        _auth(form=AuthorisationForm.ORAL, document_sha256=None, motivation=None, issued_by=None, issued_at=None),
        DEFAULT,
        [
            v("R4", "authorisation_not_written", "prosecutor_authorisation.form"),
            v("R4", "authorisation_not_written", "prosecutor_authorisation.document_sha256"),
            v("R4", "authorisation_not_motivated", "prosecutor_authorisation.motivation"),
            v("R4", "authorisation_signatory_invalid", "prosecutor_authorisation.issued_by"),
            v("R4", "authorisation_incomplete", "prosecutor_authorisation.issued_at"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("basis", "settings", "expected"),
    AUTHORISATIONS,
    ids=[
        "accept-law-basis-is-not-concerned",
        "accept-law-basis-when-prosecutor-bases-refused",
        "accept-written-motivated-procureur",
        "accept-D8-substitute-with-delegation",
        "accept-motivation-at-minimum-length",
        "accept-configured-minimum-length",
        "refuse-R8-deployment-refuses-prosecutor-bases",
        "refuse-R4-no-authorisation",
        "refuse-R4-oral",
        "refuse-R4-telephone",
        "refuse-R4-form-missing",
        "refuse-R4-no-document",
        "refuse-R4-hash-not-lowercase-hex",
        "refuse-R4-hash-too-short",
        "refuse-R4-motivation-missing",
        "refuse-R4-motivation-blank",
        "refuse-R4-motivation-one-short",
        "refuse-R4-motivation-padded-with-spaces",
        "refuse-R4-signatory-missing",
        "refuse-D8-substitute-without-delegation",
        "refuse-D8-substitute-blank-delegation",
        "refuse-R4-signatory-name-missing",
        "refuse-R4-issuing-office-missing",
        "refuse-R4-issue-date-missing",
        "refuse-R4-everything-wrong",
    ],
)
def test_prosecutor_authorisation(basis: Basis, settings: RegistrySettings, expected: list[tuple[object, ...]]) -> None:
    assert found(check_prosecutor_authorisation(basis, settings)) == expected


def test_motivation_violation_names_the_configured_minimum() -> None:
    (violation,) = check_prosecutor_authorisation(
        _auth(motivation="trop court"), RegistrySettings(min_motivation_length=80)
    )
    assert violation.params == {"minimum": "80"}


def test_default_settings_allow_prosecutor_bases_with_a_fifty_character_motivation() -> None:
    assert RegistrySettings(allow_prosecutor_authorisation_basis=True, min_motivation_length=50) == DEFAULT
    assert len(MOTIVATION) >= DEFAULT.min_motivation_length


# --- R5: the basis determines who, why and how ----------------------------------------------------------------

DETERMINES = [
    (DECREE, []),
    (_det(authorised_participants=(named("p-001"),)), []),
    (_det(authorised_participants=(category(Sector.HEALTH, function="pédiatre"),)), []),
    (_det(authorised_participants=(category(Sector.HEALTH, organisation="CHU Saint-Pierre"),)), []),
    (_det(purposes=(TERRORISM,)), []),
    (replace(DECREE, determines=None), [v("R5", "basis_incomplete", "determines")]),
    (_det(authorised_participants=()), [v("R5", "basis_incomplete", "determines.authorised_participants")]),
    (
        _det(authorised_participants=(named("p-001"), named(" "))),
        [v("R5", "authorised_participant_unclear", "determines.authorised_participants[1]")],
    ),
    (
        _det(authorised_participants=(named(None),)),
        [v("R5", "authorised_participant_unclear", "determines.authorised_participants[0]")],
    ),
    (
        _det(authorised_participants=(category(None, organisation="CPAS"),)),
        [v("R5", "authorised_participant_unclear", "determines.authorised_participants[0]")],
    ),
    (
        _det(authorised_participants=(category(Sector.AID_CARE, " ", ""),)),
        [v("R5", "authorised_participant_unclear", "determines.authorised_participants[0]")],
    ),
    (_det(purposes=()), [v("R5", "basis_incomplete", "determines.purposes")]),
    (_det(finalite=" "), [v("R5", "basis_incomplete", "determines.finalite")]),
    (_det(modalities=None), [v("R5", "basis_incomplete", "determines.modalities")]),
    (_mod(convened_by=None), [v("R5", "basis_incomplete", "determines.modalities.convened_by")]),
    (_mod(chaired_by=""), [v("R5", "basis_incomplete", "determines.modalities.chaired_by")]),
    (_mod(frequency=" "), [v("R5", "basis_incomplete", "determines.modalities.frequency")]),
    (
        _mod(information_of_person=None),
        [v("R5", "basis_incomplete", "determines.modalities.information_of_person")],
    ),
    (_mod(minutes=None), [v("R5", "basis_incomplete", "determines.modalities.minutes")]),
    (
        replace(DECREE, determines=Determines((), (), None, None)),
        [
            v("R5", "basis_incomplete", "determines.authorised_participants"),
            v("R5", "basis_incomplete", "determines.purposes"),
            v("R5", "basis_incomplete", "determines.finalite"),
            v("R5", "basis_incomplete", "determines.modalities"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("basis", "expected"),
    DETERMINES,
    ids=[
        "accept-categories-and-named-person",
        "accept-named-person-only",
        "accept-category-by-function",
        "accept-category-by-organisation",
        "accept-terrorism-purpose",
        "refuse-R5-nothing-determined",
        "refuse-R5-nobody-authorised",
        "refuse-R5-named-person-blank",
        "refuse-R5-named-person-missing",
        "refuse-R5-category-without-sector",
        "refuse-R5-category-without-organisation-or-function",
        "refuse-R5-no-purpose",
        "refuse-R5-finalite-blank",
        "refuse-R5-no-modalities",
        "refuse-R5-who-convenes-missing",
        "refuse-R5-who-chairs-missing",
        "refuse-R5-frequency-missing",
        "refuse-R5-information-of-person-missing",
        "refuse-R5-minutes-missing",
        "refuse-R5-everything-missing",
    ],
)
def test_basis_determines(basis: Basis, expected: list[tuple[object, ...]]) -> None:
    assert found(check_basis_determines(basis)) == expected


# --- R113: the validity period --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valid_from", "valid_until", "expected"),
    [
        (date(2018, 1, 1), None, []),
        (date(2018, 1, 1), date(2030, 12, 31), []),
        (date(2018, 1, 1), date(2018, 1, 1), []),
        (date(1991, 3, 4), None, []),
        (date(2018, 1, 1), date(2017, 12, 31), [v("R113", "validity_period_invalid", "valid_until")]),
    ],
    ids=[
        "accept-open-ended",
        "accept-bounded",
        "accept-single-day",
        "accept-norm-older-than-458ter",
        "refuse-ends-before-it-starts",
    ],
)
def test_validity_period(valid_from: date, valid_until: date | None, expected: list[tuple[object, ...]]) -> None:
    basis = replace(DECREE, valid_from=valid_from, valid_until=valid_until)
    assert found(check_validity_period(basis)) == expected


def test_458ter_entered_into_force_ten_days_after_publication_on_24_july_2017() -> None:
    assert date(2017, 8, 3) == ART_458TER_IN_FORCE


# --- Everything the registry checks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("basis", "settings", "expected"),
    [
        (DECREE, DEFAULT, []),
        (LAW, DEFAULT, []),
        (PROSECUTOR, DEFAULT, []),
        (
            PROSECUTOR,
            RegistrySettings(allow_prosecutor_authorisation_basis=False),
            [
                v("R8", "basis_not_democratically_controlled", "type"),
            ],
        ),
        (
            replace(
                PROSECUTOR,
                enabling_norm=NORM,
                prosecutor_authorisation=replace(AUTH, form=AuthorisationForm.ORAL),
                determines=None,
                valid_until=date(2017, 1, 1),
            ),
            DEFAULT,
            [
                v("R1", "basis_kind_mismatch", "enabling_norm"),
                v("R4", "authorisation_not_written", "prosecutor_authorisation.form"),
                v("R5", "basis_incomplete", "determines"),
                v("R113", "validity_period_invalid", "valid_until"),
            ],
        ),
    ],
    ids=[
        "accept-decree",
        "accept-law",
        "accept-prosecutor-authorisation",
        "refuse-R8-prosecutor-authorisation-switched-off",
        "refuse-R1-R4-R5-R113-in-rule-order",
    ],
)
def test_legal_basis(basis: Basis, settings: RegistrySettings, expected: list[tuple[object, ...]]) -> None:
    violations = check_legal_basis(basis, settings)
    assert found(violations) == expected
    # The registry refuses a basis on any violation: none needs the write-blocking `invalid` marker.
    assert not any(x.invalid for x in violations)
