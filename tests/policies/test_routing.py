"""The routing rule (R73, R35, R74, R104, R105, R111; R1, R10, R16, R21 for the 458ter regime): which regime lets
a professional speak, evaluated on the same facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

import pytest

from policies.art_458bis import ReportFacts
from policies.decision import Finding
from policies.necessity import NecessityFacts
from policies.person_concerned import ConsentStatus
from policies.routing import (
    Attendee,
    Classification,
    ClassifyFacts,
    RegisteredBasis,
    classify,
    fitting_bases,
    necessity_findings,
    report_findings,
)
from policies.vocab import (
    InterestWeighing,
    InvokedGround,
    ItemPurpose,
    NecessityThreshold,
    Profile,
    PurposeCategory,
    Regime,
    ReportRecipient,
    Routing,
    Sector,
    SharedSecretConsentMode,
    Status,
)
from tests.policies.facts import (
    AID_ORG,
    AUTHORISED,
    INTEGRITY,
    NAMED_LAWYER,
    POLICE_ORG,
    TERRORISM,
    TODAY,
    Determines,
    category,
    decree_basis,
    prosecutor_basis,
    standing,
)
from tests.policies.regime_facts import (
    DISCLOSER_REF,
    EXCHANGE,
    MASTER,
    NECESSITY,
    RECIPIENT_REF,
    REPORT,
    consenting_to,
    report,
    with_sector,
)

LM = Profile.LEGAL_MINIMUM
SG = Profile.SAFEGUARDS
SS = Regime.SHARED_SECRECY
TER = Regime.ART_458TER_CONCERTATION
BIS = Regime.ART_458BIS_REPORT
NEC = Regime.STATE_OF_NECESSITY
ALL = (SS, TER, BIS, NEC)

#: The default decree, which also authorises health professionals (the recipient of the default exchange).
BASIS = replace(decree_basis(), determines=Determines(authorised_participants=(*AUTHORISED, category(Sector.HEALTH))))
REGISTERED = RegisteredBasis("basis-1", standing(BASIS))

AID = Attendee(DISCLOSER_REF, AID_ORG, Sector.AID_CARE, "déléguée")
HEALTH = Attendee(RECIPIENT_REF, "Centre de santé mentale", Sector.HEALTH, "psychologue")
POLICE = Attendee("pol-1", POLICE_ORG, Sector.POLICE, "inspectrice")
SCHOOL = Attendee("school-1", "Athénée royal", Sector.SCHOOL, "directeur")
TEACHER = Attendee("school-2", "Athénée royal", Sector.SCHOOL, "enseignant")
LAWYER = Attendee(NAMED_LAWYER, "Barreau de Bruxelles", Sector.LAWYER, "avocat")
OTHER_LAWYER = Attendee("adv-002", "Barreau de Bruxelles", Sector.LAWYER, "avocat")
OTHER_AID = Attendee("aid-9", "AMO Schaerbeek", Sector.AID_CARE, "éducateur")

#: Facts under which every regime is open: a lawful shared-secrecy exchange, a fitting basis, a lawful report and a
#: lawful state of necessity.
FACTS = ClassifyFacts(
    exchange=EXCHANGE,
    attendees=(AID, HEALTH),
    discloser_is_person_concerned=False,
    discloser_suspected=False,
    purpose=INTEGRITY,
    bases=(REGISTERED,),
    report=REPORT,
    necessity=NECESSITY,
    today=TODAY,
    mode=SharedSecretConsentMode.CONSENT_REQUIRED,
    threshold=NecessityThreshold.MORE_COMPELLING,
    profile=SG,
)

_POLICE_PARTY = with_sector(Sector.POLICE, "pol-1")
#: An aid worker telling the police, with the person's consent naming the police: never shared secrecy (R20, R74).
TO_POLICE = replace(
    FACTS,
    exchange=replace(EXCHANGE, recipients=(_POLICE_PARTY,), master=consenting_to((_POLICE_PARTY,))),
    attendees=(AID, POLICE),
)

Row = tuple[str | None, str, Status, str | None]


def rows(findings: Sequence[Finding]) -> list[Row]:
    return [(f.rule, f.code, f.status, f.field) for f in findings]


def regime(c: Classification, r: Regime) -> tuple[bool, list[Row], tuple[str, ...]]:
    (assessment,) = [a for a in c.regimes if a.regime is r]
    return assessment.open, rows(assessment.findings), assessment.bases


def _basis(basis_id: str = "basis-1", **changes: object) -> RegisteredBasis:
    return RegisteredBasis(basis_id, standing(replace(BASIS, **changes)))  # type: ignore[arg-type]


# --- R1, R10, R16: the registered bases that fit the exchange -----------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (FACTS, ("basis-1",)),
        (replace(FACTS, attendees=(AID, POLICE, SCHOOL, LAWYER)), ("basis-1",)),
        (replace(FACTS, attendees=(AID, Attendee("x", " saj bruxelles ", Sector.AID_CARE, "stagiaire"))), ("basis-1",)),
        (replace(FACTS, bases=(_basis("b-1"), _basis("b-2"))), ("b-1", "b-2")),
        (replace(FACTS, bases=(RegisteredBasis("b-p", standing(prosecutor_basis())),), attendees=(AID,)), ("b-p",)),
        (replace(FACTS, bases=(_basis(valid_from=TODAY),)), ("basis-1",)),
        (replace(FACTS, bases=(_basis(valid_until=TODAY + timedelta(days=1)),)), ("basis-1",)),
        (replace(FACTS, bases=(RegisteredBasis("conf", standing(BASIS, confidential=True)),)), ("conf",)),
        (replace(FACTS, purpose=None), ()),
        (replace(FACTS, bases=()), ()),
        (replace(FACTS, bases=(RegisteredBasis("old", standing(BASIS, retired=True)), _basis("b-2"))), ("b-2",)),
        (replace(FACTS, bases=(_basis(determines=None),)), ()),
        (replace(FACTS, purpose=TERRORISM), ()),
        (replace(FACTS, purpose=PurposeCategory.PREVENT_CRIMINAL_ORGANISATION_OFFENCES), ()),
        (replace(FACTS, bases=(_basis(valid_from=TODAY + timedelta(days=1)),)), ()),
        (replace(FACTS, bases=(_basis(valid_until=TODAY - timedelta(days=1)),)), ()),
        (replace(FACTS, bases=(_basis(valid_from=date(2030, 1, 1)), _basis("b-2"))), ("b-2",)),
        (replace(FACTS, attendees=(AID, OTHER_AID)), ()),
        (replace(FACTS, attendees=(AID, TEACHER)), ()),
        (replace(FACTS, attendees=(AID, OTHER_LAWYER)), ()),
        (replace(FACTS, attendees=(AID, Attendee(None, None, None, None))), ()),
        (
            replace(
                FACTS,
                bases=(RegisteredBasis("b-p", standing(prosecutor_basis())), REGISTERED),
                attendees=(AID, HEALTH),
            ),
            ("basis-1",),
        ),
    ],
    ids=[
        "R16-every-attendee-named-by-category",
        "R16-police-school-head-and-named-lawyer",
        "R16-organisation-compared-trimmed-and-casefolded",
        "several-bases-fit-in-order",
        "prosecutor-authorisation-fits",
        "R1-in-force-from-today",
        "R1-in-force-until-tomorrow",
        "confidential-basis-still-fits",
        "R10-no-purpose",
        "R1-no-registered-basis",
        "R1-retired-basis-skipped",
        "R1-basis-determines-nothing",
        "R10-basis-without-the-terrorism-purpose",
        "R10-basis-without-the-organisation-purpose",
        "R1-basis-not-yet-in-force",
        "R1-basis-expired",
        "R1-only-the-basis-in-force",
        "R16-aid-worker-of-another-service",
        "R16-teacher-not-the-school-head",
        "R16-lawyer-not-named",
        "R16-attendee-unknown",
        "R16-one-basis-covers-a-recipient-the-other-does-not",
    ],
)
def test_fitting_bases(facts: ClassifyFacts, expected: tuple[str, ...]) -> None:
    assert fitting_bases(facts) == expected


def test_basis_fits_on_its_last_day() -> None:
    assert fitting_bases(replace(FACTS, bases=(_basis(valid_until=TODAY),))) == ("basis-1",)


# --- R73, R35: the routing answer ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "routing", "open_regimes"),
    [
        (FACTS, Routing.SHARED_SECRECY, ALL),
        (replace(FACTS, bases=()), Routing.SHARED_SECRECY, (SS, BIS, NEC)),
        (
            replace(
                FACTS,
                mode=SharedSecretConsentMode.INFORMATION_ONLY,
                exchange=replace(EXCHANGE, master=replace(MASTER, consent=None)),
            ),
            Routing.SHARED_SECRECY,
            ALL,
        ),
        (replace(FACTS, profile=LM), Routing.SHARED_SECRECY, ALL),
        (TO_POLICE, Routing.REQUIRES_458TER, (TER, BIS, NEC)),
        (
            replace(
                FACTS,
                exchange=replace(EXCHANGE, recipients=(with_sector(Sector.PROSECUTION, RECIPIENT_REF),)),
            ),
            Routing.REQUIRES_458TER,
            ALL[1:],
        ),
        (
            replace(
                FACTS,
                exchange=replace(EXCHANGE, recipients=(with_sector(Sector.SCHOOL, RECIPIENT_REF),)),
                attendees=(AID, SCHOOL),
            ),
            Routing.REQUIRES_458TER,
            ALL[1:],
        ),
        (
            replace(FACTS, exchange=replace(EXCHANGE, master=replace(MASTER, consent=ConsentStatus.REFUSED))),
            Routing.REQUIRES_458TER,
            ALL[1:],
        ),
        (
            replace(
                FACTS, exchange=replace(EXCHANGE, items=(replace(EXCHANGE.items[0], serves=ItemPurpose.PROSECUTION),))
            ),
            Routing.REQUIRES_458TER,
            ALL[1:],
        ),
        (
            replace(
                FACTS, exchange=replace(EXCHANGE, recipients=(replace(EXCHANGE.recipients[0], mission_id="autre"),))
            ),
            Routing.REQUIRES_458TER,
            ALL[1:],
        ),
        (replace(TO_POLICE, bases=()), Routing.NOT_ALLOWED, (BIS, NEC)),
        (
            replace(TO_POLICE, bases=(RegisteredBasis("old", standing(BASIS, retired=True)),)),
            Routing.NOT_ALLOWED,
            (BIS, NEC),
        ),
        (replace(TO_POLICE, purpose=None), Routing.NOT_ALLOWED, (BIS, NEC)),
        (replace(TO_POLICE, attendees=(AID, POLICE, OTHER_LAWYER)), Routing.NOT_ALLOWED, (BIS, NEC)),
        (
            replace(TO_POLICE, report=report(discloser_is_lawyer=True, information_from_own_client=True)),
            Routing.NOT_ALLOWED,
            (NEC,),
        ),
        (
            replace(TO_POLICE, bases=(), necessity=replace(NECESSITY, invoked_ground=InvokedGround.CONSENT)),
            Routing.NOT_ALLOWED,
            (BIS, NEC),
        ),
        (
            replace(
                TO_POLICE,
                bases=(),
                report=report(recipient=ReportRecipient.POLICE),
                necessity=replace(NECESSITY, danger_imminent=None, invoked_ground=InvokedGround.ART_29_CIC),
            ),
            Routing.NOT_ALLOWED,
            (),
        ),
        (replace(TO_POLICE, discloser_is_person_concerned=True), Routing.NOT_RESTRICTED, ()),
    ],
    ids=[
        "all-four-conditions-hold",
        "shared-secrecy-needs-no-basis",
        "R70-information-mode-informed-is-enough",
        "legal_minimum-same-answer",
        "R20-R74-police-with-consent-requires-458ter",
        "R20-parquet-requires-458ter",
        "R72-school-requires-458ter",
        "R70-consent-refused-requires-458ter",
        "R71-item-for-prosecution-requires-458ter",
        "R69-other-mission-requires-458ter",
        "R1-no-basis-not-allowed",
        "R1-retired-basis-not-allowed",
        "R10-no-purpose-not-allowed",
        "R16-recipient-not-authorised-not-allowed",
        "R21-lawyer-about-his-client-not-allowed",
        "R74-consent-alone-opens-nothing",
        "R105-art-29-opens-nothing",
        "R35-person-concerned-not-restricted",
    ],
)
def test_routing(facts: ClassifyFacts, routing: Routing, open_regimes: tuple[Regime, ...]) -> None:
    c = classify(facts)
    assert c.routing is routing
    assert c.open_regimes == open_regimes


def test_r35_the_master_of_the_secret_is_bound_by_none_of_it() -> None:
    c = classify(replace(TO_POLICE, discloser_is_person_concerned=True, discloser_suspected=True))
    assert (c.routing, c.regimes) == (Routing.NOT_RESTRICTED, ())
    assert rows(c.guidance) == [("R35", "master_of_secret_not_restricted", Status.PASS, None)]


# --- Each regime's conditions, met or not ------------------------------------------------------------------------


def test_every_regime_every_condition_met() -> None:
    c = classify(FACTS)
    assert [a.regime for a in c.regimes] == list(ALL)
    assert regime(c, SS) == (
        True,
        [
            ("R68", "recipients_bound_by_secrecy", Status.PASS, None),
            ("R69", "same_mission", Status.PASS, None),
            ("R70", "master_of_secret_agrees", Status.PASS, None),
            ("R71", "items_strictly_necessary", Status.PASS, None),
            ("R75", "team_sharing_allowed", Status.PASS, None),
            ("R76", "hierarchy_sharing_allowed", Status.PASS, None),
        ],
        (),
    )
    assert regime(c, TER) == (
        True,
        [
            ("R10", "purpose_allowed", Status.PASS, None),
            ("R1", "registered_basis_fits", Status.PASS, None),
            ("R21", "lawyer_not_exposing_client", Status.PASS, None),
        ],
        ("basis-1",),
    )
    assert regime(c, BIS) == (True, [("R101", "art_458bis_conditions_met", Status.PASS, None)], ())
    assert regime(c, NEC) == (
        True,
        [
            ("R99", "necessity_conditions_met", Status.PASS, None),
            ("R100", "necessity_assessed_with_others", Status.PASS, None),
        ],
        (),
    )
    assert c.guidance == ()


_PASS_SS = [
    ("R69", "same_mission", Status.PASS, None),
    ("R70", "master_of_secret_agrees", Status.PASS, None),
    ("R71", "items_strictly_necessary", Status.PASS, None),
    ("R75", "team_sharing_allowed", Status.PASS, None),
    ("R76", "hierarchy_sharing_allowed", Status.PASS, None),
]


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (
            TO_POLICE,
            [("R20", "police_parquet_not_shared_secrecy", Status.FAIL, "recipients[0].sector"), *_PASS_SS],
        ),
        (
            replace(FACTS, exchange=replace(EXCHANGE, master=None)),
            [
                ("R68", "recipients_bound_by_secrecy", Status.PASS, None),
                ("R69", "same_mission", Status.PASS, None),
                ("R70", "shared_secret_no_consent", Status.FAIL, "master.consent"),
                *_PASS_SS[2:],
            ],
        ),
        (
            replace(FACTS, mode=SharedSecretConsentMode.INFORMATION_ONLY, exchange=replace(EXCHANGE, master=None)),
            [
                ("R68", "recipients_bound_by_secrecy", Status.PASS, None),
                ("R69", "same_mission", Status.PASS, None),
                ("R70", "shared_secret_not_informed", Status.FAIL, "master.informed"),
                *_PASS_SS[2:],
            ],
        ),
        (
            replace(FACTS, profile=LM, exchange=replace(EXCHANGE, items=())),
            [
                ("R68", "recipients_bound_by_secrecy", Status.PASS, None),
                ("R69", "same_mission", Status.PASS, None),
                ("R70", "master_of_secret_agrees", Status.PASS, None),
                ("R71", "shared_secret_items_required", Status.FAIL, "items"),
                *_PASS_SS[3:],
            ],
        ),
    ],
    ids=[
        "R20-police-fails-the-first-condition-only",
        "R70-consent-mode-no-consent",
        "R70-information-mode-not-informed",
        "legal_minimum-softens-no-shared-secrecy-rule",
    ],
)
def test_shared_secrecy_findings(facts: ClassifyFacts, expected: list[Row]) -> None:
    is_open, findings, bases = regime(classify(facts), SS)
    assert (is_open, findings, bases) == (False, expected, ())


@pytest.mark.parametrize(
    ("facts", "is_open", "findings", "bases"),
    [
        (
            TO_POLICE,
            True,
            [
                ("R10", "purpose_allowed", Status.PASS, None),
                ("R1", "registered_basis_fits", Status.PASS, None),
                ("R21", "lawyer_not_exposing_client", Status.PASS, None),
            ],
            ("basis-1",),
        ),
        (
            replace(TO_POLICE, report=report(discloser_is_lawyer=True, information_from_own_client=False)),
            True,
            [
                ("R10", "purpose_allowed", Status.PASS, None),
                ("R1", "registered_basis_fits", Status.PASS, None),
                ("R21", "lawyer_not_exposing_client", Status.PASS, None),
            ],
            ("basis-1",),
        ),
        (
            replace(TO_POLICE, purpose=None),
            False,
            [
                ("R10", "purpose_required", Status.FAIL, "purpose_category"),
                ("R16", "no_registered_basis_fits", Status.FAIL, "recipients"),
                ("R21", "lawyer_not_exposing_client", Status.PASS, None),
            ],
            (),
        ),
        (
            replace(TO_POLICE, bases=()),
            False,
            [
                ("R10", "purpose_allowed", Status.PASS, None),
                ("R16", "no_registered_basis_fits", Status.FAIL, "recipients"),
                ("R21", "lawyer_not_exposing_client", Status.PASS, None),
            ],
            (),
        ),
        (
            replace(TO_POLICE, purpose=TERRORISM),
            False,
            [
                ("R10", "purpose_allowed", Status.PASS, None),
                ("R16", "no_registered_basis_fits", Status.FAIL, "recipients"),
                ("R21", "lawyer_not_exposing_client", Status.PASS, None),
            ],
            (),
        ),
        (
            replace(TO_POLICE, profile=LM, report=report(discloser_is_lawyer=True, information_from_own_client=None)),
            False,
            [
                ("R10", "purpose_allowed", Status.PASS, None),
                ("R1", "registered_basis_fits", Status.PASS, None),
                ("R21", "art_458quater_lawyer", Status.FAIL, "discloser.is_lawyer"),
            ],
            ("basis-1",),
        ),
        (
            replace(TO_POLICE, report=report(discloser_is_lawyer=None)),
            False,
            [
                ("R10", "purpose_allowed", Status.PASS, None),
                ("R1", "registered_basis_fits", Status.PASS, None),
                ("R21", "art_458quater_lawyer", Status.FAIL, "discloser.is_lawyer"),
            ],
            ("basis-1",),
        ),
    ],
    ids=[
        "R73-no-same-mission-consent-or-interest-required",
        "R21-lawyer-not-about-his-client",
        "R10-purpose-missing",
        "R16-no-basis-fits",
        "R10-purpose-the-basis-does-not-allow",
        "R21-lawyer-about-his-client-legal_minimum",
        "R21-lawyer-status-unknown",
    ],
)
def test_concertation_findings(
    facts: ClassifyFacts, is_open: bool, findings: list[Row], bases: tuple[str, ...]
) -> None:
    assert regime(classify(facts), TER) == (is_open, findings, bases)


@pytest.mark.parametrize(
    ("facts", "is_open", "findings"),
    [
        (
            replace(FACTS, report=report(follow_up_plan_given=False)),
            True,
            [("R101", "art_458bis_conditions_met", Status.PASS, None)],
        ),
        (
            replace(FACTS, report=report(offence="cp_137", factual_basis=())),
            False,
            [
                ("R101", "offence_not_in_458bis_list", Status.FAIL, "offence"),
                ("R102", "danger_not_real", Status.FAIL, "factual_basis"),
            ],
        ),
        (
            replace(FACTS, today=date(2022, 5, 31), report=report(offence="cp_372")),
            True,
            [("R101", "art_458bis_conditions_met", Status.PASS, None)],
        ),
        (
            replace(FACTS, report=report(offence="cp_372")),
            False,
            [("R101", "offence_not_in_458bis_list", Status.FAIL, "offence")],
        ),
    ],
    ids=[
        "R103-plan-not-due-when-classifying",
        "R101-R102-listed-failures",
        "R101-offence-judged-on-the-day",
        "R101-repealed-offence",
    ],
)
def test_report_findings(facts: ClassifyFacts, is_open: bool, findings: list[Row]) -> None:
    assert regime(classify(facts), BIS) == (is_open, findings, ())


_UNCONSULTED = replace(NECESSITY, consulted=(), person_spoken_to=None)


@pytest.mark.parametrize(
    ("facts", "is_open", "findings"),
    [
        (
            replace(FACTS, profile=LM, necessity=_UNCONSULTED),
            True,
            [
                ("R99", "necessity_conditions_met", Status.PASS, None),
                ("R100", "necessity_not_consulted", Status.WARN, "consulted"),
                ("R100", "person_not_spoken_to", Status.WARN, "person_spoken_to"),
            ],
        ),
        (
            replace(FACTS, profile=SG, necessity=_UNCONSULTED),
            False,
            [
                ("R99", "necessity_conditions_met", Status.PASS, None),
                ("R100", "necessity_not_consulted", Status.FAIL, "consulted"),
                ("R100", "person_not_spoken_to", Status.FAIL, "person_spoken_to"),
            ],
        ),
        (
            replace(
                FACTS,
                threshold=NecessityThreshold.EQUAL_OR_GREATER,
                necessity=replace(NECESSITY, interest_weighing=InterestWeighing.EQUAL),
            ),
            True,
            [
                ("R99", "necessity_conditions_met", Status.PASS, None),
                ("R100", "necessity_assessed_with_others", Status.PASS, None),
            ],
        ),
        (
            replace(FACTS, profile=LM, necessity=replace(NECESSITY, interest_weighing=InterestWeighing.EQUAL)),
            False,
            [
                ("R99", "necessity_conditions_not_met", Status.FAIL, "interest_protected"),
                ("R100", "necessity_assessed_with_others", Status.PASS, None),
            ],
        ),
        (
            replace(
                FACTS, necessity=replace(NECESSITY, follow_up_plan_given=False, invoked_ground=InvokedGround.ART_422BIS)
            ),
            True,
            [
                ("R99", "necessity_conditions_met", Status.PASS, None),
                ("R100", "necessity_assessed_with_others", Status.PASS, None),
            ],
        ),
    ],
    ids=[
        "R100-legal_minimum-warns-regime-open",
        "R100-safeguards-refuses-regime-closed",
        "D17-equal-interest-under-equal-or-greater",
        "D17-equal-interest-under-the-default-threshold",
        "R103-R104-not-conditions-of-the-regime",
    ],
)
def test_necessity_findings(facts: ClassifyFacts, is_open: bool, findings: list[Row]) -> None:
    assert regime(classify(facts), NEC) == (is_open, findings, ())


# --- R104, R105, R74, R111: guidance, whatever the regimes -------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (FACTS, []),
        (replace(FACTS, necessity=replace(NECESSITY, invoked_ground=None)), []),
        (
            replace(FACTS, necessity=replace(NECESSITY, invoked_ground=InvokedGround.ART_422BIS)),
            [("R104", "art_422bis_is_guidance_only", Status.WARN, "invoked_ground")],
        ),
        (
            replace(FACTS, profile=LM, necessity=replace(NECESSITY, invoked_ground=InvokedGround.ART_422BIS)),
            [("R104", "art_422bis_is_guidance_only", Status.WARN, "invoked_ground")],
        ),
        (
            replace(FACTS, necessity=replace(NECESSITY, invoked_ground=InvokedGround.ART_29_CIC)),
            [("R105", "art_29_does_not_override_secrecy", Status.FAIL, "invoked_ground")],
        ),
        (
            replace(FACTS, profile=LM, necessity=replace(NECESSITY, invoked_ground=InvokedGround.CONSENT)),
            [("R74", "consent_alone_not_sufficient", Status.FAIL, "invoked_ground")],
        ),
        (
            replace(FACTS, discloser_suspected=True),
            [("R111", "secrecy_does_not_shield_suspect", Status.WARN, "discloser.suspected")],
        ),
        (
            replace(FACTS, profile=LM, discloser_suspected=True),
            [("R111", "secrecy_does_not_shield_suspect", Status.WARN, "discloser.suspected")],
        ),
        (
            replace(
                FACTS, discloser_suspected=True, necessity=replace(NECESSITY, invoked_ground=InvokedGround.ART_29_CIC)
            ),
            [
                ("R105", "art_29_does_not_override_secrecy", Status.FAIL, "invoked_ground"),
                ("R111", "secrecy_does_not_shield_suspect", Status.WARN, "discloser.suspected"),
            ],
        ),
    ],
    ids=[
        "nothing-to-say",
        "nothing-invoked",
        "R104-safeguards-guidance-only",
        "R104-legal_minimum-guidance-only",
        "R105-art-29-does-not-override-secrecy",
        "R74-consent-alone",
        "R111-safeguards-suspect-not-shielded",
        "R111-legal_minimum-suspect-not-shielded",
        "invoked-ground-then-suspect",
    ],
)
def test_guidance(facts: ClassifyFacts, expected: list[Row]) -> None:
    assert rows(classify(facts).guidance) == expected


@pytest.mark.parametrize(
    "ground",
    [InvokedGround.ART_29_CIC, InvokedGround.ART_422BIS, InvokedGround.CONSENT],
    ids=["R105-art-29", "R104-art-422bis", "R74-consent"],
)
def test_an_invoked_ground_neither_opens_nor_closes_a_regime(ground: InvokedGround) -> None:
    base, invoked = classify(FACTS), classify(replace(FACTS, necessity=replace(NECESSITY, invoked_ground=ground)))
    assert (invoked.routing, invoked.open_regimes) == (base.routing, base.open_regimes)
    closed = replace(TO_POLICE, bases=())
    assert classify(replace(closed, necessity=replace(NECESSITY, invoked_ground=ground))).routing is Routing.NOT_ALLOWED


def test_r111_a_suspect_is_told_and_nothing_is_blocked() -> None:
    c = classify(replace(FACTS, discloser_suspected=True))
    assert (c.routing, c.open_regimes) == (Routing.SHARED_SECRECY, ALL)


# --- Recorded, not only classified: R103 and the ground invoked become conditions ------------------------------


@pytest.mark.parametrize(
    ("facts", "recording", "profile", "expected"),
    [
        (
            REPORT,
            True,
            SG,
            [
                ("R101", "art_458bis_conditions_met", Status.PASS, None),
                ("R103", "follow_up_planned", Status.PASS, None),
            ],
        ),
        (report(follow_up_plan_given=False), False, SG, [("R101", "art_458bis_conditions_met", Status.PASS, None)]),
        (
            report(follow_up_plan_given=False),
            True,
            LM,
            [
                ("R101", "art_458bis_conditions_met", Status.PASS, None),
                ("R103", "follow_up_plan_required", Status.FAIL, "follow_up_plan"),
            ],
        ),
        (
            report(recipient=ReportRecipient.POLICE, follow_up_plan_given=False),
            True,
            SG,
            [
                ("R101", "recipient_must_be_procureur", Status.FAIL, "recipient"),
                ("R103", "follow_up_plan_required", Status.FAIL, "follow_up_plan"),
            ],
        ),
        (
            report(discloser_is_lawyer=True, information_from_own_client=True),
            True,
            SG,
            [
                ("R21", "art_458quater_lawyer", Status.FAIL, "discloser.is_lawyer"),
                ("R103", "follow_up_planned", Status.PASS, None),
            ],
        ),
    ],
    ids=[
        "R103-recorded-with-plan",
        "R103-classified-plan-not-due",
        "R103-recorded-without-plan",
        "R101-and-R103-each-its-own-condition",
        "R21-lawyer-about-his-client-recorded",
    ],
)
def test_report_findings_when_recorded(
    facts: ReportFacts, recording: bool, profile: Profile, expected: list[Row]
) -> None:
    assert rows(report_findings(facts, TODAY, profile, recording=recording)) == expected


_MET = [
    ("R99", "necessity_conditions_met", Status.PASS, None),
    ("R100", "necessity_assessed_with_others", Status.PASS, None),
]


@pytest.mark.parametrize(
    ("facts", "threshold", "profile", "recording", "expected"),
    [
        (
            NECESSITY,
            NecessityThreshold.MORE_COMPELLING,
            SG,
            True,
            [
                *_MET,
                ("R103", "follow_up_planned", Status.PASS, None),
                ("R105", "invoked_ground_admissible", Status.PASS, None),
            ],
        ),
        (
            replace(NECESSITY, follow_up_plan_given=False, invoked_ground=InvokedGround.ART_29_CIC),
            NecessityThreshold.MORE_COMPELLING,
            SG,
            False,
            _MET,
        ),
        (
            replace(NECESSITY, follow_up_plan_given=False),
            NecessityThreshold.MORE_COMPELLING,
            LM,
            True,
            [
                *_MET,
                ("R103", "follow_up_plan_required", Status.FAIL, "follow_up_plan"),
                ("R105", "invoked_ground_admissible", Status.PASS, None),
            ],
        ),
        (
            replace(NECESSITY, invoked_ground=InvokedGround.ART_29_CIC),
            NecessityThreshold.MORE_COMPELLING,
            LM,
            True,
            [
                *_MET,
                ("R103", "follow_up_planned", Status.PASS, None),
                ("R105", "art_29_does_not_override_secrecy", Status.FAIL, "invoked_ground"),
            ],
        ),
        (
            replace(NECESSITY, invoked_ground=InvokedGround.CONSENT),
            NecessityThreshold.MORE_COMPELLING,
            SG,
            True,
            [
                *_MET,
                ("R103", "follow_up_planned", Status.PASS, None),
                ("R74", "consent_alone_not_sufficient", Status.FAIL, "invoked_ground"),
            ],
        ),
        (
            replace(NECESSITY, invoked_ground=InvokedGround.ART_422BIS),
            NecessityThreshold.MORE_COMPELLING,
            SG,
            True,
            [
                *_MET,
                ("R103", "follow_up_planned", Status.PASS, None),
                ("R104", "art_422bis_is_guidance_only", Status.WARN, "invoked_ground"),
            ],
        ),
        (
            replace(NECESSITY, interest_weighing=InterestWeighing.EQUAL, consulted=()),
            NecessityThreshold.EQUAL_OR_GREATER,
            LM,
            True,
            [
                ("R99", "necessity_conditions_met", Status.PASS, None),
                ("R100", "necessity_not_consulted", Status.WARN, "consulted"),
                ("R103", "follow_up_planned", Status.PASS, None),
                ("R105", "invoked_ground_admissible", Status.PASS, None),
            ],
        ),
    ],
    ids=[
        "recorded-every-condition-met",
        "classified-plan-and-ground-not-conditions",
        "R103-recorded-without-plan",
        "R105-art-29-refused-when-recorded",
        "R74-consent-alone-refused-when-recorded",
        "R104-art-422bis-only-warns-when-recorded",
        "D17-R100-legal_minimum-recorded",
    ],
)
def test_necessity_findings_when_recorded(
    facts: NecessityFacts, threshold: NecessityThreshold, profile: Profile, recording: bool, expected: list[Row]
) -> None:
    assert rows(necessity_findings(facts, threshold, profile, recording=recording)) == expected
