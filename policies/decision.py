"""What a rule says about a set of facts.

A check returns the `Violation`s it finds, each naming its rule, a stable code and the legal ground. A *profile*
(D1) then decides how much each rule weighs: a `fail` blocks, a `warn` informs, `off` is not evaluated. The same
checks run in every profile; only severities change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as _field

from policies.vocab import Status


@dataclass(frozen=True, slots=True)
class Violation:
    """One way in which the facts fall short of a rule.

    `rule` is the rule-book id (R1…R115); it is None for a product constraint with no rule behind it (a state
    transition that does not exist).
    `params` carries the values the message needs (an offence code, a field name); never personal data.
    `invalid` marks a payload that asserts what the law forbids (a purpose outside art. 458ter, an offence outside
    the catalogue): the write itself is refused. Otherwise the facts are merely incomplete: a draft may be stored
    and the compliance report says what is missing (SPEC §3).
    """

    rule: str | None
    code: str
    legal_ground: str
    field: str | None = None
    params: Mapping[str, str] = _field(default_factory=dict)
    invalid: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    """A violation weighed by a profile, or a passed check."""

    rule: str | None
    code: str
    status: Status
    legal_ground: str
    field: str | None = None
    params: Mapping[str, str] = _field(default_factory=dict)
    invalid: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """The findings of one or several checks. Allowed when nothing fails."""

    findings: tuple[Finding, ...] = ()

    @property
    def allowed(self) -> bool:
        return not any(f.status is Status.FAIL for f in self.findings)

    @property
    def failures(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status is Status.FAIL)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status is Status.WARN)

    @property
    def refuses_write(self) -> bool:
        """A write is refused when a failing finding says the payload itself is unlawful."""
        return any(f.status is Status.FAIL and f.invalid for f in self.findings)

    def __add__(self, other: Decision) -> Decision:
        return Decision(self.findings + other.findings)
