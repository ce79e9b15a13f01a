"""Shared professional secrecy (R67–R72, R74–R76, R112, R20, D4): one table per check, then the whole exchange."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from policies.decision import Violation
from policies.person_concerned import ConsentStatus
from policies.shared_secrecy import (
    HIERARCHY_PURPOSES,
    check_fwb_relay,
    check_hierarchy,
    check_items,
    check_master_informed,
    check_recipients_bound,
    check_same_mission,
    check_shared_secret_exchange,
    check_team,
    not_shared_secrecy,
)
from policies.vocab import (
    HierarchyPurpose,
    ItemPurpose,
    SecrecySource,
    Sector,
    SharedSecretConsentMode,
    SpecialisedService,
)
from tests.policies.facts import Found, found, v
from tests.policies.regime_facts import (
    DISCLOSER,
    EXCHANGE,
    ITEM,
    ITEM_REF,
    MASTER,
    RECIPIENT,
    RECIPIENT_REF,
    Exception_,
    Exchange,
    Item,
    Master,
    Party,
    consenting_to,
    hierarchy,
    relative,
    team,
    with_sector,
)

REQUIRED = SharedSecretConsentMode.CONSENT_REQUIRED
INFORMATION = SharedSecretConsentMode.INFORMATION_ONLY

# --- R68, R72, R20, R112: every recipient bound by professional secrecy -------------------------------------------

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("discloser", "recipients", "expected"),
    [
        (DISCLOSER, (RECIPIENT,), []),
        (DISCLOSER, (RECIPIENT, replace(RECIPIENT, reference="health-2", secrecy_source=SecrecySource.ART_458_CP)), []),
        (DISCLOSER, (with_sector(Sector.SOCIAL_SECURITY_CPAS),), []),
        (DISCLOSER, (team(),), []),
        (DISCLOSER, (hierarchy(),), []),
        (
            replace(DISCLOSER, bound_by_professional_secrecy=False),
            (RECIPIENT,),
            [v("R68", "shared_secret_discloser_not_bound", "discloser")],
        ),
        (
            replace(DISCLOSER, bound_by_professional_secrecy=None),
            (RECIPIENT,),
            [v("R68", "shared_secret_discloser_not_bound", "discloser")],
        ),
        (
            replace(DISCLOSER, secrecy_source=None),
            (RECIPIENT,),
            [v("R68", "shared_secret_discloser_not_bound", "discloser")],
        ),
        (
            replace(DISCLOSER, secrecy_source=SecrecySource.NONE_DUTY_OF_DISCRETION),
            (RECIPIENT,),
            [v("R68", "shared_secret_discloser_not_bound", "discloser")],
        ),
        (DISCLOSER, (), [v("R67", "shared_secret_recipients_required", "recipients")]),
        (DISCLOSER, (relative(),), [v("R112", "no_exchange_with_relatives", "recipients[0]")]),
        (
            DISCLOSER,
            (with_sector(Sector.POLICE),),
            [v("R20", "police_parquet_not_shared_secrecy", "recipients[0].sector")],
        ),
        (
            DISCLOSER,
            (with_sector(Sector.PROSECUTION),),
            [v("R20", "police_parquet_not_shared_secrecy", "recipients[0].sector")],
        ),
        (
            DISCLOSER,
            (with_sector(Sector.SCHOOL),),
            [v("R72", "shared_secret_recipient_not_bound", "recipients[0].sector")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, bound_by_professional_secrecy=False),),
            [v("R68", "shared_secret_recipient_not_bound", "recipients[0].bound_by_professional_secrecy")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, bound_by_professional_secrecy=None),),
            [v("R68", "shared_secret_recipient_not_bound", "recipients[0].bound_by_professional_secrecy")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, secrecy_source=None),),
            [v("R68", "shared_secret_recipient_not_bound", "recipients[0].bound_by_professional_secrecy")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, secrecy_source=SecrecySource.NONE_DUTY_OF_DISCRETION),),
            [v("R68", "shared_secret_recipient_not_bound", "recipients[0].bound_by_professional_secrecy")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, secrecy_evidence=None),),
            [v("R68", "recipient_secrecy_evidence_missing", "recipients[0].secrecy_evidence")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, secrecy_evidence="   "),),
            [v("R68", "recipient_secrecy_evidence_missing", "recipients[0].secrecy_evidence")],
        ),
        (
            DISCLOSER,
            (RECIPIENT, with_sector(Sector.POLICE), relative()),
            [
                v("R20", "police_parquet_not_shared_secrecy", "recipients[1].sector"),
                v("R112", "no_exchange_with_relatives", "recipients[2]"),
            ],
        ),
        (
            replace(DISCLOSER, bound_by_professional_secrecy=False),
            (),
            [
                v("R68", "shared_secret_discloser_not_bound", "discloser"),
                v("R67", "shared_secret_recipients_required", "recipients"),
            ],
        ),
    ],
    ids=[
        "R68-psychologist-bound-by-art-458",
        "R68-two-bound-recipients",
        "R68-cpas-worker-bound",
        "R75-team-is-checked-as-bound",
        "R76-hierarchy-is-checked-as-bound",
        "R68-discloser-not-bound",
        "R68-discloser-secrecy-unknown",
        "R68-discloser-without-source",
        "R68-discloser-duty-of-discretion-only",
        "R67-no-recipient",
        "R112-relative",
        "R20-police",
        "R20-parquet",
        "R72-school-staff-even-if-declared-bound",
        "R68-recipient-not-bound",
        "R68-recipient-secrecy-unknown",
        "R68-recipient-without-source",
        "R68-recipient-duty-of-discretion-only",
        "R68-no-evidence-of-legitimate-belief",
        "R68-blank-evidence",
        "every-recipient-checked-with-its-index",
        "discloser-and-recipients-both-listed",
    ],
)
def test_recipients_bound(discloser: Party, recipients: Sequence[Party], expected: list[Found]) -> None:
    assert found(check_recipients_bound(discloser, recipients)) == expected


# --- R69: same mission, not same function ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("discloser", "recipients", "expected"),
    [
        (DISCLOSER, (RECIPIENT,), []),
        (
            replace(DISCLOSER, judicial_mandate=True),
            (replace(RECIPIENT, judicial_mandate=True),),
            [],
        ),
        (DISCLOSER, (hierarchy(),), []),
        (DISCLOSER, (relative(), with_sector(Sector.POLICE), with_sector(Sector.PROSECUTION)), []),
        (DISCLOSER, (team(),), []),
        (
            replace(DISCLOSER, mission_id=None),
            (RECIPIENT,),
            [v("R69", "shared_secret_mission_mismatch", "discloser.mission_id")],
        ),
        (
            replace(DISCLOSER, mission_id=" "),
            (RECIPIENT,),
            [v("R69", "shared_secret_mission_mismatch", "discloser.mission_id")],
        ),
        (
            replace(DISCLOSER, judicial_mandate=None),
            (RECIPIENT,),
            [v("R69", "shared_secret_mission_mismatch", "discloser.mission_id")],
        ),
        (
            replace(DISCLOSER, mission_id=None),
            (replace(RECIPIENT, mission_id="other"), replace(RECIPIENT, judicial_mandate=True)),
            [v("R69", "shared_secret_mission_mismatch", "discloser.mission_id")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, mission_id="mission-autre-famille"),),
            [v("R69", "shared_secret_mission_mismatch", "recipients[0].mission_id")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, mission_id=None),),
            [v("R69", "shared_secret_mission_mismatch", "recipients[0].mission_id")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, mission_id=""),),
            [v("R69", "shared_secret_mission_mismatch", "recipients[0].mission_id")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, judicial_mandate=True),),
            [v("R69", "shared_secret_mission_mismatch", "recipients[0].judicial_mandate")],
        ),
        (
            replace(DISCLOSER, judicial_mandate=True),
            (RECIPIENT,),
            [v("R69", "shared_secret_mission_mismatch", "recipients[0].judicial_mandate")],
        ),
        (
            DISCLOSER,
            (replace(RECIPIENT, judicial_mandate=None),),
            [v("R69", "shared_secret_mission_mismatch", "recipients[0].judicial_mandate")],
        ),
        (
            DISCLOSER,
            (RECIPIENT, replace(team(), mission_id="autre-équipe"), with_sector(Sector.SCHOOL)),
            [v("R69", "shared_secret_mission_mismatch", "recipients[1].mission_id")],
        ),
    ],
    ids=[
        "same-mission",
        "both-under-the-same-judicial-mandate",
        "R76-hierarchy-supervises-the-mission",
        "relatives-police-parquet-refused-elsewhere",
        "team-on-the-same-mission",
        "discloser-without-mission",
        "discloser-blank-mission",
        "discloser-mandate-unknown",
        "discloser-checked-first-and-alone",
        "recipient-other-mission",
        "recipient-without-mission",
        "recipient-blank-mission",
        "judicially-mandated-recipient-vs-aid-worker",
        "judicially-mandated-discloser-vs-aid-worker",
        "recipient-mandate-unknown",
        "every-recipient-checked-with-its-index",
    ],
)
def test_same_mission(discloser: Party, recipients: Sequence[Party], expected: list[Found]) -> None:
    assert found(check_same_mission(discloser, recipients)) == expected


# --- R70, D4: the master of the secret informed and, by default, agreeing ----------------------------------------

_TWO = (RECIPIENT_REF, "health-2")


@pytest.mark.parametrize(
    ("master", "recipients", "items", "mode", "expected", "params"),
    [
        (MASTER, (RECIPIENT_REF,), (ITEM_REF,), REQUIRED, [], None),
        (
            replace(MASTER, consent_recipients=(*_TWO, "team-1"), consent_items=(ITEM_REF, "item-2")),
            _TWO,
            (ITEM_REF,),
            REQUIRED,
            [],
            None,
        ),
        (replace(MASTER, informed=None), (RECIPIENT_REF,), (ITEM_REF,), REQUIRED, [], None),
        (None, (RECIPIENT_REF,), (ITEM_REF,), REQUIRED, [v("R70", "shared_secret_no_consent", "master.consent")], {}),
        (
            replace(MASTER, consent=None),
            (RECIPIENT_REF,),
            (ITEM_REF,),
            REQUIRED,
            [v("R70", "shared_secret_no_consent", "master.consent")],
            {},
        ),
        (
            replace(MASTER, consent=ConsentStatus.REFUSED),
            (RECIPIENT_REF,),
            (ITEM_REF,),
            REQUIRED,
            [v("R70", "shared_secret_no_consent", "master.consent")],
            {},
        ),
        (
            replace(MASTER, consent=ConsentStatus.NOT_ASKED, informed=True),
            (RECIPIENT_REF,),
            (ITEM_REF,),
            REQUIRED,
            [v("R70", "shared_secret_no_consent", "master.consent")],
            {},
        ),
        (
            replace(MASTER, consent=ConsentStatus.IMPOSSIBLE),
            (RECIPIENT_REF,),
            (ITEM_REF,),
            REQUIRED,
            [v("R70", "shared_secret_no_consent", "master.consent")],
            {},
        ),
        (
            MASTER,
            ("z-9", RECIPIENT_REF, "a-1"),
            (ITEM_REF,),
            REQUIRED,
            [v("R70", "shared_secret_no_consent", "master.consent_recipients")],
            {"references": "a-1,z-9"},
        ),
        (
            MASTER,
            ("z-9",),
            ("item-9",),
            REQUIRED,
            [v("R70", "shared_secret_no_consent", "master.consent_recipients")],
            {"references": "z-9"},
        ),
        (
            MASTER,
            (RECIPIENT_REF,),
            ("item-3", ITEM_REF, "item-2"),
            REQUIRED,
            [v("R70", "shared_secret_no_consent", "master.consent_items")],
            {"references": "item-2,item-3"},
        ),
        (replace(MASTER, consent=None, informed=True), (RECIPIENT_REF,), (ITEM_REF,), INFORMATION, [], None),
        (replace(MASTER, informed=None), (RECIPIENT_REF,), (ITEM_REF,), INFORMATION, [], None),
        (replace(MASTER, consent_recipients=(), informed=True), _TWO, (ITEM_REF,), INFORMATION, [], None),
        (
            None,
            (RECIPIENT_REF,),
            (ITEM_REF,),
            INFORMATION,
            [v("R70", "shared_secret_not_informed", "master.informed")],
            {},
        ),
        (
            replace(MASTER, consent=None, informed=False),
            (RECIPIENT_REF,),
            (ITEM_REF,),
            INFORMATION,
            [v("R70", "shared_secret_not_informed", "master.informed")],
            {},
        ),
        (
            replace(MASTER, consent=ConsentStatus.NOT_ASKED, informed=None),
            (RECIPIENT_REF,),
            (ITEM_REF,),
            INFORMATION,
            [v("R70", "shared_secret_not_informed", "master.informed")],
            {},
        ),
        (
            replace(MASTER, informed=None),
            _TWO,
            (ITEM_REF,),
            INFORMATION,
            [v("R70", "shared_secret_not_informed", "master.informed")],
            {},
        ),
    ],
    ids=[
        "consent-mode-consent-names-recipient-and-item",
        "consent-mode-consent-wider-than-the-exchange",
        "consent-mode-consent-is-enough-without-information-flag",
        "consent-mode-no-master-record",
        "consent-mode-consent-unknown",
        "consent-mode-consent-refused",
        "consent-mode-informed-but-not-asked",
        "consent-mode-consent-impossible",
        "consent-mode-recipients-not-named-listed-sorted",
        "consent-mode-recipients-reported-before-items",
        "consent-mode-items-not-named-listed-sorted",
        "information-mode-informed-without-consent",
        "information-mode-covering-consent-informs",
        "information-mode-informed-consent-not-covering",
        "information-mode-no-master-record",
        "information-mode-not-informed",
        "information-mode-information-unknown",
        "information-mode-consent-not-covering-and-not-informed",
    ],
)
def test_master_informed(
    master: Master | None,
    recipients: tuple[str, ...],
    items: tuple[str, ...],
    mode: SharedSecretConsentMode,
    expected: list[Found],
    params: dict[str, str] | None,
) -> None:
    violations = check_master_informed(master, recipients, items, mode)
    assert found(violations) == expected
    if params is not None:
        assert dict(violations[0].params) == params


# --- R71: strictly necessary, in the exclusive interest of the person ------------------------------------------


@pytest.mark.parametrize(
    ("items", "expected", "params"),
    [
        ((ITEM,), [], None),
        ((ITEM, replace(ITEM, reference="item-2", pseudonymised=False)), [], None),
        ((), [v("R71", "shared_secret_items_required", "items")], {}),
        (
            (replace(ITEM, serves=ItemPurpose.CONTROL),),
            [v("R71", "shared_secret_purpose_invalid", "items[0].serves")],
            {"serves": "control"},
        ),
        (
            (replace(ITEM, serves=ItemPurpose.SANCTION),),
            [v("R71", "shared_secret_purpose_invalid", "items[0].serves")],
            {"serves": "sanction"},
        ),
        (
            (replace(ITEM, serves=ItemPurpose.PROSECUTION),),
            [v("R71", "shared_secret_purpose_invalid", "items[0].serves")],
            {"serves": "prosecution"},
        ),
        (
            (replace(ITEM, serves=None),),
            [v("R71", "shared_secret_purpose_invalid", "items[0].serves")],
            {"serves": "unknown"},
        ),
        (
            (replace(ITEM, in_interest_of_person=False),),
            [v("R71", "shared_secret_purpose_invalid", "items[0].in_interest_of_person")],
            {},
        ),
        (
            (replace(ITEM, in_interest_of_person=None),),
            [v("R71", "shared_secret_purpose_invalid", "items[0].in_interest_of_person")],
            {},
        ),
        (
            (replace(ITEM, necessity_justification=None),),
            [v("R71", "shared_secret_necessity_not_justified", "items[0].necessity_justification")],
            {},
        ),
        (
            (replace(ITEM, necessity_justification="\t"),),
            [v("R71", "shared_secret_necessity_not_justified", "items[0].necessity_justification")],
            {},
        ),
        (
            (
                ITEM,
                replace(ITEM, serves=ItemPurpose.CONTROL, in_interest_of_person=False, necessity_justification=None),
            ),
            [v("R71", "shared_secret_purpose_invalid", "items[1].serves")],
            {"serves": "control"},
        ),
    ],
    ids=[
        "necessary-for-the-care-of-the-person",
        "several-items",
        "no-item",
        "serves-control",
        "serves-sanction",
        "serves-prosecution",
        "purpose-unknown",
        "not-in-the-interest-of-the-person",
        "interest-unknown",
        "necessity-not-justified",
        "necessity-blank",
        "one-violation-per-item-with-its-index",
    ],
)
def test_items(items: Sequence[Item], expected: list[Found], params: dict[str, str] | None) -> None:
    violations = check_items(items)
    assert found(violations) == expected
    if params is not None:
        assert dict(violations[0].params) == params


# --- R75: team-internal sharing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("recipients", "master", "expected"),
    [
        ((RECIPIENT,), None, []),
        ((RECIPIENT,), replace(MASTER, team_sharing_notice_given=False), []),
        ((team(),), MASTER, []),
        ((RECIPIENT, team("team-1"), team("team-2")), MASTER, []),
        (
            (team(all_members_bound=False),),
            MASTER,
            [v("R75", "team_member_not_bound", "recipients[0].all_members_bound")],
        ),
        (
            (RECIPIENT, team(all_members_bound=None)),
            MASTER,
            [v("R75", "team_member_not_bound", "recipients[1].all_members_bound")],
        ),
        (
            (team(),),
            replace(MASTER, team_sharing_notice_given=False),
            [v("R75", "team_sharing_notice_missing", "master.team_sharing_notice_given")],
        ),
        (
            (team(),),
            replace(MASTER, team_sharing_notice_given=None),
            [v("R75", "team_sharing_notice_missing", "master.team_sharing_notice_given")],
        ),
        ((team(),), None, [v("R75", "team_sharing_notice_missing", "master.team_sharing_notice_given")]),
        (
            (team("team-1", all_members_bound=False), team("team-2", all_members_bound=False)),
            None,
            [
                v("R75", "team_member_not_bound", "recipients[0].all_members_bound"),
                v("R75", "team_member_not_bound", "recipients[1].all_members_bound"),
                v("R75", "team_sharing_notice_missing", "master.team_sharing_notice_given"),
            ],
        ),
    ],
    ids=[
        "no-team-no-notice-needed",
        "no-team-notice-refused-is-irrelevant",
        "team-all-bound-and-person-told",
        "several-teams",
        "administrative-staff-not-bound",
        "members-unknown",
        "person-not-told-of-team-sharing",
        "team-notice-unknown",
        "team-without-master-record",
        "every-failure-listed",
    ],
)
def test_team(recipients: Sequence[Party], master: Master | None, expected: list[Found]) -> None:
    assert found(check_team(recipients, master)) == expected


# --- R76: sharing with the hierarchy ---------------------------------------------------------------------------

_TO_HEAD = replace(
    EXCHANGE,
    recipients=(hierarchy(),),
    hierarchy_purpose=HierarchyPurpose.SUPERVISION,
    initiated_by_hierarchy=False,
)


@pytest.mark.parametrize(
    ("exchange", "expected", "params"),
    [
        (EXCHANGE, [], None),
        (
            replace(EXCHANGE, initiated_by_hierarchy=True, hierarchy_purpose=HierarchyPurpose.DEMAND_OF_HIERARCHY),
            [],
            None,
        ),
        (_TO_HEAD, [], None),
        (replace(_TO_HEAD, hierarchy_purpose=HierarchyPurpose.SUPPORT), [], None),
        (
            replace(
                _TO_HEAD, items=(replace(ITEM, pseudonymised=False),), why_not_pseudonymised="l'identité est utile"
            ),
            [],
            None,
        ),
        (
            replace(_TO_HEAD, hierarchy_purpose=HierarchyPurpose.DEMAND_OF_HIERARCHY),
            [v("R76", "hierarchy_cannot_compel", "hierarchy_purpose")],
            {"purpose": "demand_of_hierarchy"},
        ),
        (
            replace(_TO_HEAD, hierarchy_purpose=None),
            [v("R76", "hierarchy_cannot_compel", "hierarchy_purpose")],
            {"purpose": "unknown"},
        ),
        # The initiative is recorded; what R76 refuses is a demand without a purpose of supervision or support.
        (replace(_TO_HEAD, initiated_by_hierarchy=True), [], None),
        (replace(_TO_HEAD, initiated_by_hierarchy=None), [], None),
        (
            replace(_TO_HEAD, recipients=(RECIPIENT, hierarchy()), hierarchy_purpose=None),
            [v("R76", "hierarchy_cannot_compel", "hierarchy_purpose")],
            {"purpose": "unknown"},
        ),
        (
            replace(_TO_HEAD, items=(replace(ITEM, pseudonymised=False),)),
            [v("R76", "hierarchy_items_not_pseudonymised", "items[0].pseudonymised")],
            {},
        ),
        (
            replace(_TO_HEAD, items=(ITEM, replace(ITEM, pseudonymised=None)), why_not_pseudonymised=" "),
            [v("R76", "hierarchy_items_not_pseudonymised", "items[1].pseudonymised")],
            {},
        ),
        (
            replace(
                _TO_HEAD,
                initiated_by_hierarchy=True,
                items=(replace(ITEM, pseudonymised=False),),
            ),
            [v("R76", "hierarchy_items_not_pseudonymised", "items[0].pseudonymised")],
            {},
        ),
    ],
    ids=[
        "no-hierarchy-recipient",
        "no-hierarchy-recipient-purpose-irrelevant",
        "supervision-pseudonymised",
        "support-pseudonymised",
        "not-pseudonymised-with-a-reason",
        "demand-of-the-hierarchy",
        "purpose-unknown",
        "initiated-by-the-hierarchy-for-supervision",
        "initiator-unknown-for-supervision",
        "hierarchy-among-other-recipients",
        "not-pseudonymised-without-reason",
        "pseudonymisation-unknown-blank-reason-first-clear-item",
        "initiated-for-supervision-still-pseudonymised",
    ],
)
def test_hierarchy(exchange: Exchange, expected: list[Found], params: dict[str, str] | None) -> None:
    violations = check_hierarchy(exchange)
    assert found(violations) == expected
    if params is not None:
        assert dict(violations[0].params) == params


def test_hierarchy_purposes_are_supervision_and_support_only() -> None:
    assert frozenset({HierarchyPurpose.SUPERVISION, HierarchyPurpose.SUPPORT}) == HIERARCHY_PURPOSES


# --- R67: all four conditions and the limits, every failure listed ----------------------------------------------

_POLICE = with_sector(Sector.POLICE, "pol-1")
_TEAM = team()


@pytest.mark.parametrize(
    ("exchange", "mode", "expected"),
    [
        (EXCHANGE, REQUIRED, []),
        (EXCHANGE, INFORMATION, []),
        (replace(EXCHANGE, master=replace(MASTER, consent=None)), INFORMATION, []),
        (replace(EXCHANGE, recipients=(RECIPIENT, _TEAM), master=consenting_to((RECIPIENT, _TEAM))), REQUIRED, []),
        (
            replace(EXCHANGE, recipients=(_POLICE,), master=consenting_to((_POLICE,))),
            REQUIRED,
            [v("R20", "police_parquet_not_shared_secrecy", "recipients[0].sector")],
        ),
        (
            replace(EXCHANGE, master=replace(MASTER, consent=None)),
            REQUIRED,
            [v("R70", "shared_secret_no_consent", "master.consent")],
        ),
        (
            replace(EXCHANGE, recipients=(with_sector(Sector.SCHOOL, "school-1"),), master=None),
            REQUIRED,
            [
                v("R72", "shared_secret_recipient_not_bound", "recipients[0].sector"),
                v("R70", "shared_secret_no_consent", "master.consent"),
            ],
        ),
        (
            Exchange(
                discloser=replace(DISCLOSER, bound_by_professional_secrecy=None, mission_id=None),
                recipients=(_TEAM, hierarchy()),
                items=(replace(ITEM, serves=ItemPurpose.PROSECUTION, pseudonymised=False),),
                master=None,
                hierarchy_purpose=HierarchyPurpose.DEMAND_OF_HIERARCHY,
                initiated_by_hierarchy=True,
            ),
            INFORMATION,
            [
                v("R68", "shared_secret_discloser_not_bound", "discloser"),
                v("R69", "shared_secret_mission_mismatch", "discloser.mission_id"),
                v("R70", "shared_secret_not_informed", "master.informed"),
                v("R71", "shared_secret_purpose_invalid", "items[0].serves"),
                v("R75", "team_sharing_notice_missing", "master.team_sharing_notice_given"),
                v("R76", "hierarchy_cannot_compel", "hierarchy_purpose"),
            ],
        ),
    ],
    ids=[
        "consent-mode-lawful",
        "information-mode-lawful",
        "information-mode-informed-without-consent",
        "team-named-in-the-consent",
        "R74-consent-naming-the-police-cures-nothing",
        "consent-mode-without-consent",
        "school-recipient-without-master-record",
        "every-condition-fails-in-order",
    ],
)
def test_shared_secret_exchange(exchange: Exchange, mode: SharedSecretConsentMode, expected: list[Found]) -> None:
    assert found(check_shared_secret_exchange(exchange, mode, TODAY)) == expected


@pytest.mark.parametrize(
    ("violations", "rules"),
    [
        ([], None),
        (check_shared_secret_exchange(replace(EXCHANGE, master=None), REQUIRED, TODAY), "R70"),
        (
            check_shared_secret_exchange(
                replace(EXCHANGE, recipients=(relative(), _POLICE, with_sector(Sector.SCHOOL))), REQUIRED, TODAY
            ),
            "R112,R20,R70,R72",
        ),
        (
            [Violation(None, "invalid_transition", "design"), *check_items(())],
            "R71",
        ),
    ],
    ids=["shared-secrecy-holds", "one-rule-failed", "rules-deduplicated-and-sorted", "product-constraint-not-a-rule"],
)
def test_not_shared_secrecy(violations: list[Violation], rules: str | None) -> None:
    summary = not_shared_secrecy(violations)
    if rules is None:
        assert summary is None
        return
    assert summary is not None
    assert found([summary]) == [v("R67", "not_shared_secrecy")]
    assert dict(summary.params) == {"rules": rules}


def test_exchange_facts_are_lawful_by_default() -> None:
    assert (EXCHANGE.discloser, EXCHANGE.recipients, EXCHANGE.items) == (DISCLOSER, (RECIPIENT,), (ITEM,))
    assert found(check_shared_secret_exchange(EXCHANGE, REQUIRED, TODAY)) == []


@pytest.mark.parametrize(
    ("sector", "rule"),
    [(Sector.POLICE, "R20"), (Sector.PROSECUTION, "R20"), (Sector.SCHOOL, "R72")],
    ids=["R20-police-discloser", "R20-parquet-discloser", "R72-school-discloser"],
)
def test_discloser_of_another_sector_is_never_shared_secrecy(sector: Sector, rule: str) -> None:
    exchange = replace(EXCHANGE, discloser=replace(DISCLOSER, sector=sector))
    assert rule in {x.rule for x in check_shared_secret_exchange(exchange, REQUIRED, TODAY)}


# --- R77: a child-maltreatment relay under the FWB decree of 12 May 2004 --------------------------------------

_SOS = replace(RECIPIENT, specialised_service=SpecialisedService.SOS_ENFANTS)
_INDISPENSABLE = replace(ITEM, indispensable_for_care=True)
_INFORMED = replace(MASTER, consent=None, child_and_family_informed_at=datetime(2026, 11, 20, 10, tzinfo=UTC))
_RELAY = replace(EXCHANGE, fwb_maltreatment_relay=True, recipients=(_SOS,), items=(_INDISPENSABLE,), master=_INFORMED)
_NOT_YET = replace(_INFORMED, child_and_family_informed_at=None, information_exception=Exception_())


@pytest.mark.parametrize(
    ("exchange", "expected"),
    [
        (_RELAY, []),
        (replace(_RELAY, master=_NOT_YET), []),
        (
            replace(_RELAY, recipients=(RECIPIENT,)),
            [v("R77", "relay_recipient_not_specialised", "recipients[0].specialised_service")],
        ),
        (
            replace(_RELAY, items=(ITEM,)),
            [v("R77", "relay_item_not_indispensable", "items[0].indispensable_for_care")],
        ),
        (
            replace(_RELAY, master=None),
            [v("R77", "relay_family_not_informed", "master.child_and_family_informed_at")],
        ),
        (
            replace(_RELAY, master=replace(_INFORMED, child_and_family_informed_at=None)),
            [v("R77", "relay_family_not_informed", "master.child_and_family_informed_at")],
        ),
        (
            replace(_RELAY, master=replace(_NOT_YET, information_exception=Exception_(review_at=TODAY))),
            [v("R30", "information_exception_invalid", "master.information_exception.review_at")],
        ),
        (
            replace(_RELAY, master=replace(_NOT_YET, information_exception=Exception_(reason=None, motivation=" "))),
            [
                v("R30", "information_exception_invalid", "master.information_exception.reason"),
                v("R30", "information_exception_invalid", "master.information_exception.motivation"),
            ],
        ),
    ],
    ids=[
        "informed",
        "exception-with-review-date",
        "not-a-specialised-service",
        "item-not-indispensable",
        "no-master-record",
        "neither-informed-nor-excepted",
        "exception-review-date-not-future",
        "exception-without-reason-or-motivation",
    ],
)
def test_fwb_relay(exchange: Exchange, expected: list[Found]) -> None:
    assert found(check_fwb_relay(exchange, TODAY)) == expected


def test_a_relay_is_informed_instead_of_agreed_to() -> None:
    """R77 takes the place of R70's agreement; the other conditions still hold."""
    assert found(check_shared_secret_exchange(_RELAY, SharedSecretConsentMode.CONSENT_REQUIRED, TODAY)) == []
    police = replace(_RELAY, recipients=(replace(_SOS, sector=Sector.POLICE),))
    assert found(check_shared_secret_exchange(police, SharedSecretConsentMode.CONSENT_REQUIRED, TODAY)) == [
        v("R20", "police_parquet_not_shared_secrecy", "recipients[0].sector")
    ]
