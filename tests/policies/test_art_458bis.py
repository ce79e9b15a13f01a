"""Art. 458bis reports to the procureur du Roi (R101–R103, R21): the offence list, then one table for the report."""

from __future__ import annotations

from datetime import date

import pytest

from policies.art_458bis import (
    LIST_STATUS,
    LIST_VERSION,
    LISTED_OFFENCES,
    NOT_A_GROUND,
    ReportFacts,
    check_art_458bis_report,
    listed,
)
from policies.offences import get_offence
from policies.vocab import FactualBasisKind, ReportRecipient, Vulnerability
from tests.policies.facts import TODAY, Found, found, v
from tests.policies.regime_facts import REPORT, report

#: The law of 21 March 2022 repealed arts. 371/1–383bis on this day (the offence catalogue's `valid_until`).
REFORM = date(2022, 6, 1)
BEFORE_REFORM = date(2022, 5, 31)

# --- The list (R101, R113) ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [o.code for o in LISTED_OFFENCES], ids=[o.code for o in LISTED_OFFENCES])
def test_every_listed_offence_is_in_the_catalogue(code: str) -> None:
    assert get_offence(code) is not None


def test_list_entries_are_unique_and_marked_to_verify() -> None:
    codes = [o.code for o in LISTED_OFFENCES]
    assert len(codes) == len(set(codes))
    assert all(o.to_verify and o.listed_as and o.note for o in LISTED_OFFENCES)
    assert LIST_VERSION
    assert LIST_STATUS


def test_the_repealed_article_and_its_successor_as_the_catalogue_dates_them() -> None:
    repealed, successor = get_offence("cp_372"), get_offence("cp_417_7")
    assert repealed is not None and repealed.valid_until == REFORM
    assert successor is not None and successor.valid_from == REFORM
    assert get_offence("cp_137") is not None  # catalogued (terrorism), but not an art. 458bis offence


@pytest.mark.parametrize(
    ("code", "on", "expected"),
    [
        ("cp_398", TODAY, True),
        ("cp_433quinquies", TODAY, True),
        ("cp_383bis", BEFORE_REFORM, True),
        ("cp_372", BEFORE_REFORM, True),
        ("cp_372", REFORM, False),
        ("cp_372", TODAY, False),
        ("cp_417_7", BEFORE_REFORM, False),
        ("cp_417_7", REFORM, True),
        ("cp_405bis", date(2001, 3, 26), False),
        ("cp_137", TODAY, False),
        ("cp_999", TODAY, False),
        ("CP_398", TODAY, False),
        (None, TODAY, False),
    ],
    ids=[
        "blows-in-the-list",
        "trafficking-in-the-list",
        "383bis-before-the-reform",
        "372-before-its-repeal",
        "372-repealed-on-the-day",
        "372-repealed-later",
        "successor-before-it-exists",
        "successor-from-the-reform",
        "405bis-before-it-exists",
        "catalogued-but-not-listed",
        "unknown-code",
        "codes-are-exact",
        "no-offence",
    ],
)
def test_listed(code: str | None, on: date, expected: bool) -> None:
    assert listed(code, on) is expected


def test_rumour_and_worry_are_no_ground() -> None:
    assert frozenset({FactualBasisKind.RUMOUR, FactualBasisKind.CONCERN_ONLY}) == NOT_A_GROUND


# --- The report (R101, R102, R103, R21) --------------------------------------------------------------------------

_ALL_WRONG = report(
    discloser_bound_by_secrecy=None,
    discloser_is_lawyer=None,
    offence=None,
    victim_is_minor=None,
    grave_and_imminent_danger_to_victim=None,
    unable_to_protect_alone_or_with_third_parties=None,
    recipient=None,
    factual_basis=(),
    factual_basis_described=False,
    follow_up_plan_given=False,
)


@pytest.mark.parametrize(
    ("facts", "on", "recording", "expected", "params"),
    [
        (REPORT, TODAY, True, [], None),
        (REPORT, TODAY, False, [], None),
        (report(follow_up_plan_given=False), TODAY, False, [], None),
        (
            report(victim_is_minor=False, victim_vulnerabilities=(Vulnerability.PARTNER_VIOLENCE,)),
            TODAY,
            True,
            [],
            None,
        ),
        (report(victim_is_minor=None, victim_vulnerabilities=tuple(Vulnerability)), TODAY, True, [], None),
        (
            report(grave_and_imminent_danger_to_victim=False, serious_danger_to_other_victims=True),
            TODAY,
            True,
            [],
            None,
        ),
        (report(discloser_is_lawyer=True, information_from_own_client=False), TODAY, True, [], None),
        (
            report(factual_basis=(FactualBasisKind.RUMOUR, FactualBasisKind.DISCLOSED_BY_VICTIM)),
            TODAY,
            True,
            [],
            None,
        ),
        (report(factual_basis=(FactualBasisKind.REPORTED_BY_THIRD_PARTY,)), TODAY, True, [], None),
        (report(offence="cp_372"), BEFORE_REFORM, True, [], None),
        (report(offence="cp_417_7"), TODAY, True, [], None),
        (
            report(discloser_bound_by_secrecy=False),
            TODAY,
            True,
            [v("R101", "discloser_not_bound", "discloser.bound_by_professional_secrecy")],
            {},
        ),
        (
            report(discloser_bound_by_secrecy=None),
            TODAY,
            True,
            [v("R101", "discloser_not_bound", "discloser.bound_by_professional_secrecy")],
            {},
        ),
        (
            report(discloser_is_lawyer=True, information_from_own_client=True),
            TODAY,
            True,
            [v("R21", "art_458quater_lawyer", "discloser.is_lawyer")],
            {},
        ),
        (
            report(discloser_is_lawyer=True, information_from_own_client=None),
            TODAY,
            True,
            [v("R21", "art_458quater_lawyer", "discloser.is_lawyer")],
            {},
        ),
        (
            report(discloser_is_lawyer=None, information_from_own_client=False),
            TODAY,
            True,
            [v("R21", "art_458quater_lawyer", "discloser.is_lawyer")],
            {},
        ),
        (
            report(offence="cp_137"),
            TODAY,
            True,
            [v("R101", "offence_not_in_458bis_list", "offence")],
            {"offence": "cp_137"},
        ),
        (
            report(offence="cp_999"),
            TODAY,
            True,
            [v("R101", "offence_not_in_458bis_list", "offence")],
            {"offence": "cp_999"},
        ),
        (report(offence=None), TODAY, True, [v("R101", "report_offence_required", "offence")], {}),
        (
            report(offence="cp_372"),
            TODAY,
            True,
            [v("R101", "offence_not_in_458bis_list", "offence")],
            {"offence": "cp_372"},
        ),
        (
            report(offence="cp_417_7"),
            BEFORE_REFORM,
            True,
            [v("R101", "offence_not_in_458bis_list", "offence")],
            {"offence": "cp_417_7"},
        ),
        (
            report(victim_is_minor=False),
            TODAY,
            True,
            [v("R101", "victim_not_minor_or_vulnerable", "victim")],
            {},
        ),
        (
            report(victim_is_minor=None),
            TODAY,
            True,
            [v("R101", "victim_not_minor_or_vulnerable", "victim")],
            {},
        ),
        (
            report(grave_and_imminent_danger_to_victim=False, serious_danger_to_other_victims=False),
            TODAY,
            True,
            [v("R101", "danger_not_established", "danger")],
            {},
        ),
        (
            report(grave_and_imminent_danger_to_victim=None, serious_danger_to_other_victims=None),
            TODAY,
            True,
            [v("R101", "danger_not_established", "danger")],
            {},
        ),
        (
            report(unable_to_protect_alone_or_with_third_parties=False),
            TODAY,
            True,
            [v("R101", "protection_possible_without_report", "danger.unable_to_protect_alone_or_with_third_parties")],
            {},
        ),
        (
            report(serious_danger_to_other_victims=True, unable_to_protect_alone_or_with_third_parties=None),
            TODAY,
            True,
            [v("R101", "protection_possible_without_report", "danger.unable_to_protect_alone_or_with_third_parties")],
            {},
        ),
        (
            report(recipient=ReportRecipient.POLICE),
            TODAY,
            True,
            [v("R101", "recipient_must_be_procureur", "recipient")],
            {"recipient": "police"},
        ),
        (
            report(recipient=ReportRecipient.OTHER),
            TODAY,
            True,
            [v("R101", "recipient_must_be_procureur", "recipient")],
            {"recipient": "other"},
        ),
        (
            report(recipient=None),
            TODAY,
            True,
            [v("R101", "recipient_must_be_procureur", "recipient")],
            {"recipient": "unknown"},
        ),
        (report(factual_basis=()), TODAY, True, [v("R102", "danger_not_real", "factual_basis")], {}),
        (
            report(factual_basis=(FactualBasisKind.RUMOUR,)),
            TODAY,
            True,
            [v("R102", "danger_not_real", "factual_basis")],
            {},
        ),
        (
            report(factual_basis=(FactualBasisKind.CONCERN_ONLY, FactualBasisKind.RUMOUR)),
            TODAY,
            True,
            [v("R102", "danger_not_real", "factual_basis")],
            {},
        ),
        (report(factual_basis_described=False), TODAY, True, [v("R102", "danger_not_real", "factual_basis")], {}),
        (
            report(follow_up_plan_given=False),
            TODAY,
            True,
            [v("R103", "follow_up_plan_required", "follow_up_plan")],
            {},
        ),
        (
            _ALL_WRONG,
            TODAY,
            True,
            [
                v("R101", "discloser_not_bound", "discloser.bound_by_professional_secrecy"),
                v("R21", "art_458quater_lawyer", "discloser.is_lawyer"),
                v("R101", "report_offence_required", "offence"),
                v("R101", "victim_not_minor_or_vulnerable", "victim"),
                v("R101", "danger_not_established", "danger"),
                v(
                    "R101",
                    "protection_possible_without_report",
                    "danger.unable_to_protect_alone_or_with_third_parties",
                ),
                v("R101", "recipient_must_be_procureur", "recipient"),
                v("R102", "danger_not_real", "factual_basis"),
                v("R103", "follow_up_plan_required", "follow_up_plan"),
            ],
            None,
        ),
    ],
    ids=[
        "lawful-report-recorded",
        "lawful-report-assessed",
        "R103-plan-not-due-when-only-assessed",
        "R101-vulnerable-by-partner-violence",
        "R101-every-vulnerability",
        "R101-serious-danger-to-other-victims",
        "R21-lawyer-not-about-his-client",
        "R102-rumour-beside-a-disclosure",
        "R102-reported-by-a-third-party",
        "R101-repealed-article-before-its-repeal",
        "R101-successor-article",
        "R101-discloser-not-bound",
        "R101-discloser-secrecy-unknown",
        "R21-lawyer-about-his-own-client",
        "R21-lawyer-source-unknown",
        "R21-lawyer-status-unknown",
        "R101-offence-outside-the-list",
        "R101-unknown-offence-code",
        "R101-no-offence",
        "R101-repealed-article-after-its-repeal",
        "R101-successor-before-it-exists",
        "R101-adult-not-vulnerable",
        "R101-victim-status-unknown",
        "R101-no-danger",
        "R101-danger-unknown",
        "R101-could-protect-without-report",
        "R101-protection-unknown",
        "R101-to-the-police",
        "R101-to-someone-else",
        "R101-recipient-unknown",
        "R102-no-factual-basis",
        "R102-rumour-only",
        "R102-worry-and-rumour-only",
        "R102-facts-not-described",
        "R103-recorded-without-follow-up-plan",
        "every-failure-listed-in-order",
    ],
)
def test_check_art_458bis_report(
    facts: ReportFacts, on: date, recording: bool, expected: list[Found], params: dict[str, str] | None
) -> None:
    violations = check_art_458bis_report(facts, on, recording=recording)
    assert found(violations) == expected
    if params is not None:
        assert dict(violations[0].params) == params
