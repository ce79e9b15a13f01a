"""Policy profiles (D1): how much each rule weighs.

`legal_minimum` enforces statute, case law and the design rules implementing them; recommendations become warnings.
`safeguards` (the default) also enforces the recommendations the rule book marks "SAFEGUARDS: reject". A rule not
listed in a profile fails: the default is the strict one (R115).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from policies.decision import Decision, Finding, Violation
from policies.vocab import Profile, Severity, Status

#: Rules whose force is a recommendation or a pilot practice: the only ones a profile may soften.
_RECOMMENDATIONS: tuple[str, ...] = ("R7", "R9", "R15", "R22", "R24", "R25", "R33", "R36", "R55", "R100")
#: Rules that only ever inform: art. 422bis is guidance, never a trigger (R104); secrecy does not shield a
#: professional who is himself a suspect (R111) — said to him, it blocks nothing; refusing an admissible art. 46bis/1
#: item is punishable (R82) — the institution is warned, and decides.
_GUIDANCE: tuple[str, ...] = ("R82", "R104", "R111")

PROFILES: Mapping[Profile, Mapping[str, Severity]] = MappingProxyType(
    {
        Profile.LEGAL_MINIMUM: MappingProxyType(dict.fromkeys(_RECOMMENDATIONS + _GUIDANCE, Severity.WARN)),
        Profile.SAFEGUARDS: MappingProxyType(
            {**dict.fromkeys(_RECOMMENDATIONS, Severity.FAIL), **dict.fromkeys(_GUIDANCE, Severity.WARN)}
        ),
    }
)


def severity(profile: Profile, rule: str | None) -> Severity:
    """How `profile` weighs `rule`; rules a profile does not soften, and product constraints, always fail."""
    return PROFILES[profile].get(rule, Severity.FAIL) if rule is not None else Severity.FAIL


def weigh(profile: Profile, violations: tuple[Violation, ...]) -> Decision:
    """Turn violations into findings under `profile`, dropping rules the profile switches off."""
    findings: list[Finding] = []
    for v in violations:
        level = severity(profile, v.rule)
        if level is Severity.OFF:
            continue
        status = Status.FAIL if level is Severity.FAIL else Status.WARN
        findings.append(Finding(v.rule, v.code, status, v.legal_ground, v.field, v.params, v.invalid))
    return Decision(tuple(findings))
