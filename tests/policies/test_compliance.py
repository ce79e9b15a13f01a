"""The compliance report (SPEC §3): one line per rule of each check, profiles weighing, the R20 tag, write refusals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from types import MappingProxyType

import pytest

from policies import compliance, grounds, profiles
from policies.compliance import Check, ComplianceFacts, Report, evaluate, write_decision
from policies.concertation import BasisStanding
from policies.decision import Finding, Violation
from policies.person_concerned import (
    Consent,
    ConsentInformation,
    ConsentScope,
    ConsentStatus,
    InformationItem,
    InformationState,
)
from policies.vocab import Objective, Profile, Severity, Status
from tests.policies.facts import (
    CONCERTATION_TYPES,
    PERSON_REFS,
    TODAY,
    Concertation,
    Participant,
    Purpose,
    concertation,
    participant,
    police_officer,
    prosecutor_basis,
    standing,
    substitute,
    v,
)

C = concertation()
P = participant()
LM = Profile.LEGAL_MINIMUM
SG = Profile.SAFEGUARDS

#: Every rule each check covers passes, in rule-book order, then the R20 tag: one line per (check, rule).
PASS_LINES: list[tuple[str, str]] = [
    ("R1", "legal_basis_applies"),
    ("R6", "legal_basis_applies"),
    ("R8", "legal_basis_applies"),
    ("R9", "legal_basis_applies"),
    ("R7", "concertation_type_declared"),
    ("R10", "purpose_allowed"),
    ("R11", "purpose_allowed"),
    ("R12", "purpose_allowed"),
    ("R13", "purpose_allowed"),
    ("R15", "purpose_allowed"),
    ("R12", "offence_scope_valid"),
    ("R13", "offence_scope_valid"),
    ("R14", "offence_scope_valid"),
    ("R113", "offence_scope_valid"),
    ("R16", "participants_authorised"),
    ("R17", "participants_authorised"),
    ("R25", "participants_authorised"),
    ("R23", "chair_and_requester_named"),
    ("R24", "meeting_kind_declared"),
    ("R11", "persons_concerned_identified"),
    ("R26", "persons_concerned_identified"),
    ("R55", "last_resort_justified"),
    ("R113", "dates_valid"),
    ("R22", "prosecutor_presence_consented"),
    ("R28", "person_informed"),
    ("R30", "person_informed"),
    ("R33", "adversarial_principle_respected"),
    ("R20", "no_police_or_parquet"),
]

#: R28, R29 — the person was told everything (the default of these tables; D11 cases build their own).
INFORMED = InformationState([frozenset(InformationItem)], [])


def facts(
    c: Concertation = C,
    *,
    standing_: BasisStanding | None = None,
    participants: Sequence[Participant] = (P,),
    profile: Profile = SG,
    allow: bool = True,
    no_basis: bool = False,
) -> ComplianceFacts:
    return ComplianceFacts(
        concertation=c,
        standing=None if no_basis else (standing_ or standing()),
        participants=participants,
        person_refs=PERSON_REFS,
        profile=profile,
        today=TODAY,
        allowed_concertation_types=CONCERTATION_TYPES,
        allow_prosecutor_authorisation_basis=allow,
        information=INFORMED,
    )


def lines(report: Report) -> list[tuple[str | None, str, Status]]:
    return [(f.rule, f.code, f.status) for f in report.decision.findings]


def not_passed(report: Report) -> list[tuple[str | None, str, Status]]:
    return [(f.rule, f.code, f.status) for f in report.decision.findings if f.status is not Status.PASS]


@pytest.mark.parametrize("profile", [LM, SG], ids=["legal_minimum", "safeguards"])
def test_lawful_concertation_passes_one_line_per_rule(profile: Profile) -> None:
    report = evaluate(facts(profile=profile))
    assert lines(report) == [(rule, code, Status.PASS) for rule, code in PASS_LINES]
    assert report.compliant is True
    assert report.art_458ter_only is False
    assert write_decision(facts(profile=profile)).findings == ()


def test_pass_lines_cite_the_check_ground() -> None:
    report = evaluate(facts())
    by_code = {f.code: f.legal_ground for f in report.decision.findings}
    assert by_code["legal_basis_applies"] == grounds.ART_458TER_BASIS
    assert by_code["last_resort_justified"] == grounds.REC_SDJ_SUBSIDIARITY
    assert by_code["no_police_or_parquet"] == grounds.REC_SDJ


def test_report_lists_every_check_of_the_rule_book() -> None:
    assert [check.passed for check in compliance.CHECKS] == list(dict.fromkeys(code for _, code in PASS_LINES[:-1]))


# --- R20: police or parquet present ⇒ art. 458ter only ----------------------------------------------------------


@pytest.mark.parametrize(
    ("participants", "tag", "code"),
    [
        ((P,), False, "no_police_or_parquet"),
        ((), False, "no_police_or_parquet"),
        ((P, police_officer()), True, "art_458ter_only"),
        ((P, substitute()), True, "art_458ter_only"),
    ],
    ids=["aid-only", "nobody-yet", "police-present", "parquet-present"],
)
def test_R20_tag(participants: Sequence[Participant], tag: bool, code: str) -> None:
    report = evaluate(facts(participants=participants))
    assert report.art_458ter_only is tag
    assert lines(report)[-1] == ("R20", code, Status.PASS)
    assert report.compliant is True


# --- Profiles change severities, never code paths (D1) -----------------------------------------------------------

_EVIDENCE = replace(C, purpose=Purpose(objective=Objective.COLLECT_EVIDENCE))
_UNDATED = replace(C, scheduled_start=None, scheduled_end=None)

WEIGHED = [
    # Recommendations: a warning in legal_minimum, a failure in safeguards.
    (facts(replace(C, concertation_type=None)), [("R7", "concertation_type_required")], False),
    (facts(replace(C, concertation_type="unlisted")), [("R7", "concertation_type_unknown")], True),
    (facts(standing_=standing(confidential=True)), [("R9", "basis_not_accessible")], False),
    (facts(_EVIDENCE), [("R15", "purpose_not_preventive")], True),
    (facts(replace(C, why_person_not_present=None)), [("R24", "absence_not_justified")], False),
    (facts(replace(C, subsidiarity=None)), [("R55", "last_resort_not_justified")], False),
    # Statute, case law and the design rules implementing them: a failure in both profiles.
    (facts(no_basis=True), [("R1", "legal_basis_missing")], False),
    (facts(standing_=standing(prosecutor_basis()), allow=False), [("R8", "basis_not_democratically_controlled")], True),
    (facts(replace(C, purpose=None)), [("R10", "purpose_required")], False),
    (facts(replace(C, offence_scope=("cp_999",))), [("R14", "offence_unknown")], True),
    (
        facts(participants=(replace(P, organisation="CPAS d'Anderlecht"),)),
        [("R16", "participant_not_authorised")],
        True,
    ),
    (facts(replace(C, chair=None)), [("R23", "chair_required")], False),
    (facts(_UNDATED), [("R113", "date_required")], False),
]
_IDS = [
    "R7-type-missing",
    "R7-type-unlisted",
    "R9-confidential-basis",
    "R15-evidence-gathering",
    "R24-absence-not-justified",
    "R55-last-resort-not-justified",
    "R1-no-basis",
    "R8-prosecutor-basis-switched-off",
    "R10-no-purpose",
    "R14-unknown-offence",
    "R16-participant-not-authorised",
    "R23-no-chair",
    "R113-undated",
]


@pytest.mark.parametrize(("f", "expected", "invalid"), WEIGHED[:6], ids=_IDS[:6])
def test_recommendations_warn_in_legal_minimum_and_fail_in_safeguards(
    f: ComplianceFacts, expected: list[tuple[str, str]], invalid: bool
) -> None:
    warned = evaluate(replace(f, profile=LM))
    failed = evaluate(replace(f, profile=SG))
    assert not_passed(warned) == [(rule, code, Status.WARN) for rule, code in expected]
    assert not_passed(failed) == [(rule, code, Status.FAIL) for rule, code in expected]
    assert (warned.compliant, failed.compliant) == (True, False)
    # A warning never refuses a write; a failing payload that asserts what the law forbids does.
    assert write_decision(replace(f, profile=LM)).findings == ()
    assert [(x.rule, x.code) for x in write_decision(replace(f, profile=SG)).findings] == (expected if invalid else [])


@pytest.mark.parametrize(("f", "expected", "invalid"), WEIGHED[6:], ids=_IDS[6:])
@pytest.mark.parametrize("profile", [LM, SG], ids=["legal_minimum", "safeguards"])
def test_legal_rules_fail_in_every_profile(
    f: ComplianceFacts, expected: list[tuple[str, str]], invalid: bool, profile: Profile
) -> None:
    report = evaluate(replace(f, profile=profile))
    assert not_passed(report) == [(rule, code, Status.FAIL) for rule, code in expected]
    assert report.compliant is False
    refused = write_decision(replace(f, profile=profile))
    assert [(x.rule, x.code) for x in refused.findings] == [(r, c) for r, c in expected if invalid]
    assert refused.refuses_write is invalid


def test_a_failing_rule_replaces_its_pass_line_and_keeps_the_others() -> None:
    report = evaluate(facts(replace(C, chair=None, requester=None)))
    rules_codes = [(f.rule, f.code) for f in report.decision.findings]
    assert ("R23", "chair_and_requester_named") not in rules_codes
    assert rules_codes.count(("R23", "chair_required")) == 1
    assert rules_codes.count(("R23", "requester_required")) == 1
    assert len(rules_codes) == len(PASS_LINES) + 1


def test_failures_keep_their_field_and_invalid_marker() -> None:
    report = evaluate(facts(replace(C, offence_scope=("cp_398", "cp_398"))))
    (failure,) = report.decision.failures
    assert (failure.rule, failure.code, failure.field, failure.invalid) == v(
        "R14", "offence_duplicated", "offence_scope[1]", invalid=True
    )
    assert failure.params == {"offence": "cp_398"}


def test_participants_are_not_judged_against_a_missing_basis() -> None:
    report = evaluate(facts(participants=(replace(P, organisation="CPAS d'Anderlecht"),), no_basis=True))
    assert not_passed(report) == [("R1", "legal_basis_missing", Status.FAIL)]


def test_write_decision_keeps_only_failing_invalid_findings() -> None:
    f = facts(replace(C, offence_scope=("cp_999",), chair=None, subsidiarity=None), profile=LM)
    report = evaluate(f)
    assert not_passed(report) == [
        ("R14", "offence_unknown", Status.FAIL),
        ("R23", "chair_required", Status.FAIL),
        ("R55", "last_resort_not_justified", Status.WARN),
    ]
    decision = write_decision(f)
    assert [(x.rule, x.code, x.field) for x in decision.findings] == [("R14", "offence_unknown", "offence_scope[0]")]
    assert decision.refuses_write is True
    assert decision.allowed is False


# --- A profile may switch a rule off -----------------------------------------------------------------------------


def _switch_off(monkeypatch: pytest.MonkeyPatch, profile: Profile, *rules: str) -> None:
    table: dict[Profile, Mapping[str, Severity]] = dict(profiles.PROFILES)
    table[profile] = MappingProxyType({**profiles.PROFILES[profile], **dict.fromkeys(rules, Severity.OFF)})
    monkeypatch.setattr(profiles, "PROFILES", MappingProxyType(table))


@pytest.mark.parametrize(
    ("f", "rule"),
    [
        (facts(), "R55"),
        (facts(replace(C, subsidiarity=None)), "R55"),
        (facts(replace(C, offence_scope=("cp_373",))), "R113"),
    ],
    ids=["passing-rule-loses-its-pass-line", "failing-rule-is-not-evaluated", "rule-shared-by-two-checks"],
)
def test_rule_switched_off_is_not_reported(monkeypatch: pytest.MonkeyPatch, f: ComplianceFacts, rule: str) -> None:
    _switch_off(monkeypatch, SG, rule)
    report = evaluate(f)
    assert rule not in {x.rule for x in report.decision.findings}
    assert lines(report) == [(r, c, Status.PASS) for r, c in PASS_LINES if r != rule]
    assert report.compliant is True


def test_rule_switched_off_in_one_profile_still_fails_in_the_other(monkeypatch: pytest.MonkeyPatch) -> None:
    _switch_off(monkeypatch, LM, "R23")
    f = facts(replace(C, chair=None))
    assert evaluate(replace(f, profile=LM)).compliant is True
    assert not_passed(evaluate(replace(f, profile=SG))) == [("R23", "chair_required", Status.FAIL)]


# --- A check reporting a rule it does not list still reaches the report -----------------------------------------


def test_violation_of_a_rule_outside_the_check_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    stray = Violation("R22", "prosecutor_presence_no_consent", grounds.REC_SDJ_PROSECUTOR, "participants[0]")
    only = Check(("R7",), "concertation_type_declared", grounds.REC_SDJ, lambda f: [stray])
    monkeypatch.setattr(compliance, "CHECKS", (only,))
    assert lines(evaluate(facts())) == [
        ("R7", "concertation_type_declared", Status.PASS),
        ("R22", "prosecutor_presence_no_consent", Status.FAIL),
        ("R20", "no_police_or_parquet", Status.PASS),
    ]
    assert lines(evaluate(facts(profile=LM)))[1] == ("R22", "prosecutor_presence_no_consent", Status.WARN)


def test_report_is_a_decision_of_findings() -> None:
    report = evaluate(facts(standing_=standing(confidential=True)))
    assert isinstance(report.decision.findings[0], Finding)
    assert [f.code for f in report.decision.failures] == ["basis_not_accessible"]
    assert report.decision.warnings == ()


NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
ALL_CONSENT_ITEMS = frozenset(ConsentInformation)


def _consent(recorded_at: datetime, withdrawn_at: datetime | None = None) -> Consent:
    return Consent(ConsentStatus.GIVEN, ConsentScope.PROSECUTOR_PRESENCE, ALL_CONSENT_ITEMS, recorded_at, withdrawn_at)


@pytest.mark.parametrize(
    ("profile", "consents", "expected"),
    [
        (SG, [_consent(NOW - timedelta(days=1))], [("R22", "prosecutor_presence_consented", Status.PASS)]),
        (SG, [], [("R22", "prosecutor_presence_no_consent", Status.FAIL)]),
        (SG, [_consent(NOW + timedelta(hours=1))], [("R22", "prosecutor_presence_no_consent", Status.FAIL)]),
        (
            SG,
            [_consent(NOW - timedelta(days=2), NOW - timedelta(days=1))],
            [("R22", "prosecutor_presence_no_consent", Status.FAIL)],
        ),
        (LM, [], [("R22", "prosecutor_presence_no_consent", Status.WARN)]),
    ],
    ids=["prior consent", "no consent", "consent after", "withdrawn", "legal minimum: a warning"],
)
def test_r22_magistrate_needs_prior_informed_consent(
    profile: Profile, consents: list[Consent], expected: list[tuple[str, str, Status]]
) -> None:
    f = replace(facts(participants=(P, substitute()), profile=profile), consents=consents, now=NOW)
    assert [(x.rule, x.code, x.status) for x in evaluate(f).decision.findings if x.rule == "R22"] == expected


def test_r22_without_a_magistrate_or_a_clock_passes() -> None:
    assert [x.status for x in evaluate(facts()).decision.findings if x.rule == "R22"] == [Status.PASS]
    f = replace(facts(participants=(substitute(),)), now=None)
    assert [x.status for x in evaluate(f).decision.findings if x.rule == "R22"] == [Status.PASS]


UNINFORMED = InformationState([], [])


@pytest.mark.parametrize(
    ("profile", "closing", "information", "expected"),
    [
        (SG, True, INFORMED, [("R28", "person_informed", Status.PASS), ("R30", "person_informed", Status.PASS)]),
        (SG, True, UNINFORMED, [("R28", "person_not_informed", Status.FAIL), ("R30", "person_informed", Status.PASS)]),
        (LM, True, UNINFORMED, [("R28", "person_not_informed", Status.FAIL), ("R30", "person_informed", Status.PASS)]),
        (SG, False, UNINFORMED, [("R28", "person_not_informed", Status.WARN), ("R30", "person_informed", Status.PASS)]),
        (LM, False, UNINFORMED, [("R28", "person_informed", Status.PASS), ("R30", "person_informed", Status.PASS)]),
        (
            SG,
            True,
            InformationState([], [date(2026, 1, 1)]),
            [("R28", "person_informed", Status.PASS), ("R30", "information_exception_expired", Status.FAIL)],
        ),
        (
            SG,
            True,
            InformationState([], [date(2027, 6, 1)]),
            [("R28", "person_informed", Status.PASS), ("R30", "person_informed", Status.PASS)],
        ),
    ],
    ids=[
        "informed, closing",
        "uninformed, closing (safeguards)",
        "uninformed, closing (legal minimum)",
        "uninformed before closing: a warning in safeguards",
        "uninformed before closing: nothing in legal minimum",
        "exception past its review date blocks closing",
        "exception under review",
    ],
)
def test_d11_informing_the_person_blocks_closing_only(
    profile: Profile, closing: bool, information: InformationState, expected: list[tuple[str, str, Status]]
) -> None:
    f = replace(facts(profile=profile), information=information, closing=closing)
    found_ = [(x.rule, x.code, x.status) for x in evaluate(f).decision.findings if x.rule in ("R28", "R30")]
    assert found_ == expected


@pytest.mark.parametrize(
    ("profile", "closing", "undisclosed", "information", "expected"),
    [
        (SG, True, 0, INFORMED, ("adversarial_principle_respected", Status.PASS)),
        (SG, True, 2, INFORMED, ("contradictoire_at_risk", Status.FAIL)),
        (LM, True, 2, INFORMED, ("contradictoire_at_risk", Status.WARN)),
        (SG, False, 2, INFORMED, ("contradictoire_at_risk", Status.WARN)),
        (SG, True, 2, InformationState([], [date(2027, 6, 1)]), ("adversarial_principle_respected", Status.PASS)),
    ],
    ids=[
        "nothing undisclosed",
        "undisclosed at closing (safeguards)",
        "undisclosed at closing (legal minimum: a warning)",
        "undisclosed before closing: a warning",
        "an R30 exception in force",
    ],
)
def test_r33_adversarial_principle_before_closing(
    profile: Profile, closing: bool, undisclosed: int, information: InformationState, expected: tuple[str, Status]
) -> None:
    f = replace(
        facts(profile=profile), closing=closing, undisclosed_judicial_entries=undisclosed, information=information
    )
    assert [(x.code, x.status) for x in evaluate(f).decision.findings if x.rule == "R33"] == [expected]
