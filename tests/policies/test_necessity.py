"""The state of necessity (R99, R100, R103–R105, R74, D17, D19): one table per check, then the whole record."""

from __future__ import annotations

from dataclasses import replace

import pytest

from policies.necessity import (
    ART_422BIS_GUIDANCE,
    NecessityFacts,
    check_follow_up,
    check_invoked_ground,
    check_necessity_assessment,
    check_necessity_record,
    check_state_of_necessity,
)
from policies.profiles import severity, weigh
from policies.vocab import (
    ConsultedKind,
    DangerTime,
    InterestWeighing,
    InvokedGround,
    NecessityThreshold,
    Profile,
    Severity,
    Status,
)
from tests.policies.facts import Found, found, v
from tests.policies.regime_facts import NECESSITY

MORE = NecessityThreshold.MORE_COMPELLING
EQUAL_OR_GREATER = NecessityThreshold.EQUAL_OR_GREATER
LM = Profile.LEGAL_MINIMUM
SG = Profile.SAFEGUARDS


def unmet(condition: str) -> Found:
    return v("R99", "necessity_conditions_not_met", condition)


# --- R99, D17, D19: every condition holds and is recorded --------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "threshold", "expected"),
    [
        (NECESSITY, MORE, []),
        (NECESSITY, EQUAL_OR_GREATER, []),
        (replace(NECESSITY, danger_time=DangerTime.FUTURE), MORE, []),
        (replace(NECESSITY, alternatives_tried=1), MORE, []),
        (replace(NECESSITY, interest_weighing=InterestWeighing.EQUAL), EQUAL_OR_GREATER, []),
        (replace(NECESSITY, interest_weighing=InterestWeighing.EQUAL), MORE, [unmet("interest_protected")]),
        (replace(NECESSITY, interest_weighing=InterestWeighing.LESSER), MORE, [unmet("interest_protected")]),
        (
            replace(NECESSITY, interest_weighing=InterestWeighing.LESSER),
            EQUAL_OR_GREATER,
            [unmet("interest_protected")],
        ),
        (
            replace(NECESSITY, interest_weighing=InterestWeighing.UNKNOWN),
            EQUAL_OR_GREATER,
            [unmet("interest_protected")],
        ),
        (replace(NECESSITY, interest_weighing=None), EQUAL_OR_GREATER, [unmet("interest_protected")]),
        (replace(NECESSITY, interest_described=False), MORE, [unmet("interest_protected")]),
        (replace(NECESSITY, danger_grave=False), MORE, [unmet("danger.grave")]),
        (replace(NECESSITY, danger_grave=None), MORE, [unmet("danger.grave")]),
        (replace(NECESSITY, danger_imminent=False), MORE, [unmet("danger.imminent")]),
        (replace(NECESSITY, danger_imminent=None), MORE, [unmet("danger.imminent")]),
        (replace(NECESSITY, harm_to_another=False), MORE, [unmet("danger.harm_to_another")]),
        (replace(NECESSITY, harm_to_another=None), MORE, [unmet("danger.harm_to_another")]),
        (replace(NECESSITY, danger_time=DangerTime.PAST_NOT_RECURRING), MORE, [unmet("danger.time")]),
        (replace(NECESSITY, danger_time=None), MORE, [unmet("danger.time")]),
        (replace(NECESSITY, danger_described=False), MORE, [unmet("danger.description")]),
        (replace(NECESSITY, no_other_means=False), MORE, [unmet("subsidiarity")]),
        (replace(NECESSITY, no_other_means=None), MORE, [unmet("subsidiarity")]),
        (replace(NECESSITY, alternatives_tried=0), MORE, [unmet("subsidiarity")]),
        (replace(NECESSITY, disclosure_limited_to_averting=False), MORE, [unmet("proportionality")]),
        (replace(NECESSITY, disclosure_limited_to_averting=None), MORE, [unmet("proportionality")]),
        (replace(NECESSITY, assessed=False), MORE, [unmet("assessed_by")]),
        (
            replace(
                NECESSITY,
                danger_grave=None,
                danger_imminent=None,
                harm_to_another=None,
                danger_time=None,
                danger_described=False,
                interest_weighing=InterestWeighing.UNKNOWN,
                interest_described=False,
                no_other_means=None,
                alternatives_tried=0,
                disclosure_limited_to_averting=None,
                assessed=False,
            ),
            EQUAL_OR_GREATER,
            [
                unmet("danger.grave"),
                unmet("danger.imminent"),
                unmet("danger.harm_to_another"),
                unmet("danger.time"),
                unmet("danger.description"),
                unmet("interest_protected"),
                unmet("subsidiarity"),
                unmet("proportionality"),
                unmet("assessed_by"),
            ],
        ),
    ],
    ids=[
        "every-condition-met",
        "every-condition-met-lower-threshold",
        "future-danger",
        "one-alternative-tried",
        "D17-equal-interest-with-equal-or-greater-threshold",
        "D17-equal-interest-with-default-threshold",
        "lesser-interest",
        "lesser-interest-with-lower-threshold",
        "D19-weighing-unknown",
        "D19-weighing-missing",
        "interest-not-described",
        "danger-not-grave",
        "D19-gravity-unknown",
        "danger-not-imminent",
        "D19-imminence-unknown",
        "danger-to-oneself-only",
        "D19-harm-to-another-unknown",
        "past-facts-that-will-not-recur",
        "D19-danger-time-unknown",
        "danger-not-described",
        "other-means-exist",
        "D19-subsidiarity-unknown",
        "no-alternative-tried",
        "more-disclosed-than-needed",
        "D19-proportionality-unknown",
        "not-assessed",
        "every-condition-named",
    ],
)
def test_state_of_necessity(facts: NecessityFacts, threshold: NecessityThreshold, expected: list[Found]) -> None:
    violations = check_state_of_necessity(facts, threshold)
    assert found(violations) == expected
    assert [dict(x.params) for x in violations] == [{"condition": x.field} for x in violations]


# --- R100: weighed with others, the person spoken to -------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (NECESSITY, []),
        (replace(NECESSITY, consulted=(ConsultedKind.LAWYER,)), []),
        (replace(NECESSITY, consulted=tuple(ConsultedKind)), []),
        (replace(NECESSITY, person_spoken_to=False, why_person_not_spoken_to_given=True), []),
        (replace(NECESSITY, consulted=()), [v("R100", "necessity_not_consulted", "consulted")]),
        (replace(NECESSITY, person_spoken_to=False), [v("R100", "person_not_spoken_to", "person_spoken_to")]),
        (replace(NECESSITY, person_spoken_to=None), [v("R100", "person_not_spoken_to", "person_spoken_to")]),
        (
            replace(NECESSITY, person_spoken_to=None, why_person_not_spoken_to_given=True),
            [v("R100", "person_not_spoken_to", "person_spoken_to")],
        ),
        (
            replace(NECESSITY, consulted=(), person_spoken_to=None),
            [v("R100", "necessity_not_consulted", "consulted"), v("R100", "person_not_spoken_to", "person_spoken_to")],
        ),
    ],
    ids=[
        "colleague-consulted-person-spoken-to",
        "lawyer-consulted",
        "both-consulted",
        "person-not-spoken-to-with-reason",
        "nobody-consulted",
        "person-not-spoken-to-without-reason",
        "D19-person-spoken-to-unknown",
        "D19-unknown-is-not-cured-by-a-reason",
        "both-missing",
    ],
)
def test_necessity_assessment(facts: NecessityFacts, expected: list[Found]) -> None:
    assert found(check_necessity_assessment(facts)) == expected


@pytest.mark.parametrize(
    ("profile", "status", "allowed"),
    [(LM, Status.WARN, True), (SG, Status.FAIL, False)],
    ids=["legal_minimum-warns", "safeguards-refuses"],
)
def test_r100_is_a_recommendation(profile: Profile, status: Status, allowed: bool) -> None:
    violations = check_necessity_assessment(replace(NECESSITY, consulted=(), person_spoken_to=None))
    decision = weigh(profile, tuple(violations))
    assert [(f.rule, f.code, f.status) for f in decision.findings] == [
        ("R100", "necessity_not_consulted", status),
        ("R100", "person_not_spoken_to", status),
    ]
    assert decision.allowed is allowed
    assert weigh(profile, tuple(check_necessity_assessment(NECESSITY))).findings == ()


@pytest.mark.parametrize(
    ("profile", "rule", "expected"),
    [
        (LM, "R100", Severity.WARN),
        (SG, "R100", Severity.FAIL),
        (LM, "R104", Severity.WARN),
        (SG, "R104", Severity.WARN),
        (LM, "R111", Severity.WARN),
        (SG, "R111", Severity.WARN),
        (LM, "R99", Severity.FAIL),
        (LM, "R105", Severity.FAIL),
        (LM, "R74", Severity.FAIL),
        (LM, "R103", Severity.FAIL),
        (LM, "R101", Severity.FAIL),
        (LM, "R67", Severity.FAIL),
    ],
    ids=[
        "legal_minimum-warns-R100",
        "safeguards-fails-R100",
        "legal_minimum-R104-guidance-only",
        "safeguards-R104-guidance-only",
        "legal_minimum-R111-guidance-only",
        "safeguards-R111-guidance-only",
        "R99-case-law-fails",
        "R105-fails",
        "R74-fails",
        "R103-statute-fails",
        "R101-statute-fails",
        "R67-case-law-fails",
    ],
)
def test_severity_of_the_new_rules(profile: Profile, rule: str, expected: Severity) -> None:
    assert severity(profile, rule) is expected


# --- R105, R104, R74: grounds that open nothing by themselves ----------------------------------------------------


@pytest.mark.parametrize(
    ("ground", "expected"),
    [
        (None, []),
        (InvokedGround.NONE, []),
        (InvokedGround.ART_29_CIC, [v("R105", "art_29_does_not_override_secrecy", "invoked_ground")]),
        (InvokedGround.ART_422BIS, [v("R104", "art_422bis_is_guidance_only", "invoked_ground")]),
        (InvokedGround.CONSENT, [v("R74", "consent_alone_not_sufficient", "invoked_ground")]),
    ],
    ids=[
        "nothing-invoked",
        "none-invoked",
        "R105-art-29-cic",
        "R104-art-422bis",
        "R74-consent-alone",
    ],
)
def test_invoked_ground(ground: InvokedGround | None, expected: list[Found]) -> None:
    assert found(check_invoked_ground(ground)) == expected


def test_art_422bis_guidance_in_every_language() -> None:
    assert set(ART_422BIS_GUIDANCE) == {"fr", "nl", "en"}
    assert all(text.strip() for text in ART_422BIS_GUIDANCE.values())


# --- R103: the duty to help goes on ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [(True, []), (False, [v("R103", "follow_up_plan_required", "follow_up_plan")])],
    ids=["plan-given", "no-plan"],
)
def test_follow_up(given: bool, expected: list[Found]) -> None:
    assert found(check_follow_up(given)) == expected


# --- The whole record --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "threshold", "recording", "expected"),
    [
        (NECESSITY, MORE, True, []),
        (replace(NECESSITY, follow_up_plan_given=False), MORE, False, []),
        (replace(NECESSITY, interest_weighing=InterestWeighing.EQUAL), EQUAL_OR_GREATER, True, []),
        (
            replace(NECESSITY, follow_up_plan_given=False),
            MORE,
            True,
            [v("R103", "follow_up_plan_required", "follow_up_plan")],
        ),
        (
            replace(NECESSITY, invoked_ground=InvokedGround.ART_422BIS),
            MORE,
            True,
            [v("R104", "art_422bis_is_guidance_only", "invoked_ground")],
        ),
        (
            replace(
                NECESSITY,
                invoked_ground=InvokedGround.ART_29_CIC,
                interest_weighing=InterestWeighing.EQUAL,
                consulted=(),
                follow_up_plan_given=False,
            ),
            MORE,
            True,
            [
                v("R105", "art_29_does_not_override_secrecy", "invoked_ground"),
                unmet("interest_protected"),
                v("R100", "necessity_not_consulted", "consulted"),
                v("R103", "follow_up_plan_required", "follow_up_plan"),
            ],
        ),
    ],
    ids=[
        "lawful-record",
        "assessed-only-no-plan-due",
        "D17-lower-threshold-admits-equal-interest",
        "R103-recorded-without-plan",
        "R104-invoked-is-reported",
        "every-rule-in-order",
    ],
)
def test_necessity_record(
    facts: NecessityFacts, threshold: NecessityThreshold, recording: bool, expected: list[Found]
) -> None:
    assert found(check_necessity_record(facts, threshold, recording=recording)) == expected
