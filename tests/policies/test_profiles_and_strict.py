"""Profiles weigh rules (D1), unknown values are refused (R115), and a Decision says what fails, warns and blocks."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pytest

from policies import grounds, profiles
from policies.decision import Decision, Finding, Violation
from policies.profiles import PROFILES, severity, weigh
from policies.strict import unknown_value
from policies.vocab import Profile, Severity, Status
from tests.policies.facts import found, v

LM = Profile.LEGAL_MINIMUM
SG = Profile.SAFEGUARDS
RECOMMENDATIONS = ("R7", "R9", "R15", "R22", "R24", "R25", "R33", "R36", "R55", "R100")
GUIDANCE = ("R82", "R104", "R111")  # inform in both profiles, block in neither

# --- Profiles (D1) -----------------------------------------------------------------------------------------------


def test_profiles_soften_only_the_recommendations() -> None:
    assert set(PROFILES) == set(Profile)
    assert dict(PROFILES[LM]) == dict.fromkeys(RECOMMENDATIONS + GUIDANCE, Severity.WARN)
    assert dict(PROFILES[SG]) == {
        **dict.fromkeys(RECOMMENDATIONS, Severity.FAIL),
        **dict.fromkeys(GUIDANCE, Severity.WARN),
    }


def test_profiles_cannot_be_changed_at_run_time() -> None:
    with pytest.raises(TypeError):
        PROFILES[LM]["R1"] = Severity.OFF  # type: ignore[index]
    with pytest.raises(TypeError):
        PROFILES[LM] = {}  # type: ignore[index]


@pytest.mark.parametrize(
    ("profile", "rule", "expected"),
    [
        (LM, "R7", Severity.WARN),
        (LM, "R9", Severity.WARN),
        (LM, "R15", Severity.WARN),
        (LM, "R22", Severity.WARN),
        (LM, "R24", Severity.WARN),
        (LM, "R25", Severity.WARN),
        (LM, "R55", Severity.WARN),
        (SG, "R15", Severity.FAIL),
        (SG, "R55", Severity.FAIL),
        (LM, "R1", Severity.FAIL),
        (LM, "R8", Severity.FAIL),
        (LM, "R16", Severity.FAIL),
        (LM, "R51", Severity.FAIL),
        (SG, "R113", Severity.FAIL),
        (LM, "R999", Severity.FAIL),
        (LM, None, Severity.FAIL),
        (SG, None, Severity.FAIL),
    ],
    ids=[
        "legal_minimum-warns-R7",
        "legal_minimum-warns-R9",
        "legal_minimum-warns-R15",
        "legal_minimum-warns-R22",
        "legal_minimum-warns-R24",
        "legal_minimum-warns-R25",
        "legal_minimum-warns-R55",
        "safeguards-fails-R15",
        "safeguards-fails-R55",
        "legal_minimum-fails-R1-statute",
        "legal_minimum-fails-R8-deployment-switch",
        "legal_minimum-fails-R16-statute",
        "legal_minimum-fails-R51",
        "safeguards-fails-R113",
        "R115-unlisted-rule-fails",
        "legal_minimum-fails-product-constraint",
        "safeguards-fails-product-constraint",
    ],
)
def test_severity(profile: Profile, rule: str | None, expected: Severity) -> None:
    assert severity(profile, rule) is expected


_WARNABLE = Violation("R55", "last_resort_not_justified", grounds.REC_SDJ_SUBSIDIARITY, "subsidiarity")
_BINDING = Violation(
    "R14", "offence_unknown", grounds.ART_458TER_SCOPE, "offence_scope[0]", {"offence": "cp_999"}, invalid=True
)
_PRODUCT = Violation(None, "invalid_transition", grounds.DESIGN, "state", {"state": "closed", "transition": "start"})


@pytest.mark.parametrize(
    ("profile", "violations", "expected"),
    [
        (LM, (), []),
        (SG, (), []),
        (LM, (_WARNABLE,), [("R55", Status.WARN)]),
        (SG, (_WARNABLE,), [("R55", Status.FAIL)]),
        (LM, (_BINDING, _WARNABLE, _PRODUCT), [("R14", Status.FAIL), ("R55", Status.WARN), (None, Status.FAIL)]),
    ],
    ids=[
        "legal_minimum-nothing-to-weigh",
        "safeguards-nothing-to-weigh",
        "legal_minimum-recommendation-warns",
        "safeguards-recommendation-fails",
        "order-kept-statute-and-product-constraint-fail",
    ],
)
def test_weigh(profile: Profile, violations: tuple[Violation, ...], expected: list[tuple[str | None, Status]]) -> None:
    decision = weigh(profile, violations)
    assert [(f.rule, f.status) for f in decision.findings] == expected


def test_weigh_keeps_code_ground_field_params_and_invalid() -> None:
    (finding,) = weigh(LM, (_BINDING,)).findings
    assert finding == Finding(
        "R14", "offence_unknown", Status.FAIL, grounds.ART_458TER_SCOPE, "offence_scope[0]", {"offence": "cp_999"}, True
    )


def test_weigh_drops_a_rule_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    table: dict[Profile, Mapping[str, Severity]] = {**PROFILES, SG: MappingProxyType({"R55": Severity.OFF})}
    monkeypatch.setattr(profiles, "PROFILES", MappingProxyType(table))
    assert severity(SG, "R55") is Severity.OFF
    assert [(f.rule, f.status) for f in weigh(SG, (_WARNABLE, _BINDING)).findings] == [("R14", Status.FAIL)]
    assert [(f.rule, f.status) for f in weigh(LM, (_WARNABLE,)).findings] == [("R55", Status.WARN)]


# --- R115: unknown values are refused, under the most precise rule ----------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "expected", "params"),
    [
        ("type", "circular", v("R3", "not_a_legal_basis", "type"), {"value": "circular"}),
        ("type", "internal_rule", v("R3", "not_a_legal_basis", "type"), {"value": "internal_rule"}),
        ("type", "treaty", v("R1", "legal_basis_type_invalid", "type"), {"value": "treaty"}),
        (
            "purpose.category",
            "social_fraud_control",
            v("R10", "purpose_not_allowed", "purpose.category"),
            {"field": "purpose.category", "value": "social_fraud_control"},
        ),
        (
            "implementing_act.kind",
            "circular",
            v("R3", "not_a_legal_basis", "implementing_act.kind"),
            {"field": "implementing_act.kind", "value": "circular"},
        ),
        (
            "prosecutor_authorisation.form",
            "email",
            v("R4", "authorisation_not_written", "prosecutor_authorisation.form"),
            {"field": "prosecutor_authorisation.form", "value": "email"},
        ),
        (
            "meeting_kind",
            "family_meeting",
            v("R24", "meeting_kind_required", "meeting_kind"),
            {"field": "meeting_kind", "value": "family_meeting"},
        ),
        (
            "reason",
            "investigation",
            v("R30", "information_exception_invalid", "reason"),
            {"field": "reason", "value": "investigation"},
        ),
        (
            "participants[0].sector",
            "bank",
            v("R115", "unknown_value", "participants[0].sector"),
            {"field": "participants[0].sector", "value": "bank"},
        ),
        (
            "purpose.objective",
            "unknown",
            v("R115", "unknown_value", "purpose.objective"),
            {"field": "purpose.objective", "value": "unknown"},
        ),
    ],
    ids=[
        "R3-circular-basis",
        "R3-internal-rule-basis",
        "R1-unknown-basis-type",
        "R10-purpose-outside-458ter",
        "R3-implementing-act-not-regulatory",
        "R4-authorisation-form-not-written",
        "R24-unknown-meeting-kind",
        "R30-exception-for-an-investigation",
        "R115-unknown-sector",
        "R115-unknown-answer",
    ],
)
def test_unknown_value(field: str, value: str, expected: tuple[object, ...], params: dict[str, str]) -> None:
    violation = unknown_value(field, value)
    assert found([violation]) == [expected]
    assert dict(violation.params) == params


@pytest.mark.parametrize("profile", [LM, SG], ids=["legal_minimum", "safeguards"])
def test_unknown_values_of_binding_fields_fail_in_every_profile(profile: Profile) -> None:
    assert severity(profile, unknown_value("participants[0].sector", "bank").rule) is Severity.FAIL
    assert severity(profile, unknown_value("purpose.category", "tax").rule) is Severity.FAIL
    assert severity(profile, unknown_value("type", "circular").rule) is Severity.FAIL


# --- Decision -----------------------------------------------------------------------------------------------------


def _f(status: Status, *, invalid: bool = False, rule: str = "R1") -> Finding:
    return Finding(rule, f"{rule}-{status.value}", status, grounds.DESIGN, invalid=invalid)


@pytest.mark.parametrize(
    ("findings", "allowed", "refuses_write", "failures", "warnings"),
    [
        ((), True, False, 0, 0),
        ((_f(Status.PASS), _f(Status.PASS, invalid=True)), True, False, 0, 0),
        ((_f(Status.PASS), _f(Status.WARN), _f(Status.WARN, invalid=True)), True, False, 0, 2),
        ((_f(Status.PASS), _f(Status.FAIL)), False, False, 1, 0),
        ((_f(Status.FAIL, invalid=True), _f(Status.WARN)), False, True, 1, 1),
    ],
    ids=[
        "empty-is-allowed",
        "passes-are-allowed",
        "warnings-are-allowed-and-never-block-a-write",
        "failure-refuses-but-draft-may-be-stored",
        "invalid-failure-refuses-the-write",
    ],
)
def test_decision(
    findings: tuple[Finding, ...], allowed: bool, refuses_write: bool, failures: int, warnings: int
) -> None:
    decision = Decision(findings)
    assert decision.allowed is allowed
    assert decision.refuses_write is refuses_write
    assert decision.failures == tuple(f for f in findings if f.status is Status.FAIL)
    assert len(decision.failures) == failures
    assert decision.warnings == tuple(f for f in findings if f.status is Status.WARN)
    assert len(decision.warnings) == warnings


def test_decisions_add_up_in_order() -> None:
    a = Decision((_f(Status.PASS, rule="R1"),))
    b = Decision((_f(Status.FAIL, rule="R2"), _f(Status.WARN, rule="R3")))
    total = a + b
    assert [f.rule for f in total.findings] == ["R1", "R2", "R3"]
    assert total.allowed is False
    assert (Decision() + Decision()).findings == ()


def test_violation_and_finding_defaults() -> None:
    violation = Violation("R5", "basis_incomplete", grounds.ART_458TER_DETERMINES)
    assert (violation.field, dict(violation.params), violation.invalid) == (None, {}, False)
    finding = Finding("R5", "basis_incomplete", Status.FAIL, grounds.ART_458TER_DETERMINES)
    assert (finding.field, dict(finding.params), finding.invalid) == (None, {}, False)
