"""The compliance report: every check of the profile, passed or not, for one concertation.

A check is a rule (or a tight group) with the code it reports when it passes. The report lists one `pass` finding
for each check that finds nothing, and one `fail`/`warn` finding per violation otherwise. The concertation is
compliant only when nothing fails; scheduling, starting and closing refuse otherwise (SPEC §3).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from policies import grounds
from policies.concertation import (
    BasisStanding,
    ConcertationFacts,
    ParticipantFacts,
    check_basis_applies,
    check_chair_and_requester,
    check_concertation_type,
    check_dates,
    check_meeting_kind,
    check_offence_scope,
    check_participants,
    check_persons_concerned,
    check_purpose,
    check_subsidiarity,
    judicial_presence,
)
from policies.decision import Decision, Finding, Violation
from policies.minutes import check_adversarial
from policies.person_concerned import Consent, InformationState, check_person_informed, check_prosecutor_presence
from policies.profiles import severity, weigh
from policies.vocab import Profile, Severity, Status


@dataclass(frozen=True, slots=True)
class ComplianceFacts:
    """Everything the checks look at, gathered by the caller (who also passes `today`: policies read no clock)."""

    concertation: ConcertationFacts
    standing: BasisStanding | None
    participants: Sequence[ParticipantFacts]
    person_refs: Sequence[str]
    profile: Profile
    today: date
    allowed_concertation_types: Collection[str] = field(default_factory=tuple)
    allow_prosecutor_authorisation_basis: bool = True
    consents: Sequence[Consent] = ()
    information: InformationState = field(default_factory=lambda: InformationState((), ()))
    now: datetime | None = None
    closing: bool = False
    undisclosed_judicial_entries: int = 0


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the report: the rules it covers, its pass code, its ground and how to evaluate it."""

    rules: tuple[str, ...]
    passed: str
    legal_ground: str
    evaluate: Callable[[ComplianceFacts], list[Violation]]
    closing_only: bool = False


def _basis(f: ComplianceFacts) -> list[Violation]:
    return check_basis_applies(
        f.concertation, f.standing, allow_prosecutor_authorisation_basis=f.allow_prosecutor_authorisation_basis
    )


def _participants(f: ComplianceFacts) -> list[Violation]:
    return check_participants(f.participants, f.standing.basis if f.standing else None, f.person_refs)


def _prosecutor_presence(f: ComplianceFacts) -> list[Violation]:
    """R22 — a magistrate of the parquet among the participants needs the person's prior informed consent."""
    if f.now is None or not any(p.magistrate_function is not None for p in f.participants):
        return []
    return check_prosecutor_presence(f.consents, f.now)


def _informed(f: ComplianceFacts) -> list[Violation]:
    return check_person_informed(f.information, f.today)


def _adversarial(f: ComplianceFacts) -> list[Violation]:
    in_force = any(review >= f.today for review in f.information.exception_reviews)
    return check_adversarial(f.undisclosed_judicial_entries, in_force)


#: The checks of a concertation, in the order of the rule book.
CHECKS: tuple[Check, ...] = (
    Check(("R1", "R6", "R8", "R9"), "legal_basis_applies", grounds.ART_458TER_BASIS, _basis),
    Check(
        ("R7",),
        "concertation_type_declared",
        grounds.REC_SDJ,
        lambda f: check_concertation_type(f.concertation, f.allowed_concertation_types),
    ),
    Check(
        ("R10", "R11", "R12", "R13", "R15"),
        "purpose_allowed",
        grounds.ART_458TER_PURPOSE,
        lambda f: check_purpose(f.concertation),
    ),
    Check(
        ("R12", "R13", "R14", "R113"),
        "offence_scope_valid",
        grounds.ART_458TER_SCOPE,
        lambda f: check_offence_scope(f.concertation, f.today),
    ),
    Check(("R16", "R17", "R25"), "participants_authorised", grounds.ART_458TER_DETERMINES, _participants),
    Check(
        ("R23",), "chair_and_requester_named", grounds.PILOT_PVM, lambda f: check_chair_and_requester(f.concertation)
    ),
    Check(("R24",), "meeting_kind_declared", grounds.PILOT_CO3, lambda f: check_meeting_kind(f.concertation)),
    Check(
        ("R11", "R26"),
        "persons_concerned_identified",
        grounds.CIRCULAR_PRECISION,
        lambda f: check_persons_concerned(f.concertation, f.person_refs),
    ),
    Check(
        ("R55",), "last_resort_justified", grounds.REC_SDJ_SUBSIDIARITY, lambda f: check_subsidiarity(f.concertation)
    ),
    Check(("R113",), "dates_valid", grounds.LAW_6_JULY_2017, lambda f: check_dates(f.concertation)),
    Check(("R22",), "prosecutor_presence_consented", grounds.REC_SDJ_PROSECUTOR, _prosecutor_presence),
    Check(("R28", "R30"), "person_informed", grounds.REC_SDJ, _informed, closing_only=True),
    Check(("R33",), "adversarial_principle_respected", grounds.REC_NOUWYNCK, _adversarial, closing_only=True),
)


@dataclass(frozen=True, slots=True)
class Report:
    """The compliance report: findings in check order, and the R20 tag."""

    decision: Decision
    art_458ter_only: bool

    @property
    def compliant(self) -> bool:
        return self.decision.allowed


def evaluate(facts: ComplianceFacts) -> Report:
    """Run every check of the profile and report each rule it covers: its violations, or a pass."""
    findings: list[Finding] = []
    for check in CHECKS:
        weighed = weigh(facts.profile, tuple(check.evaluate(facts)))
        if check.closing_only and not facts.closing:
            weighed = _before_closing(weighed, facts.profile)
        for rule in check.rules:
            if severity(facts.profile, rule) is Severity.OFF:
                continue
            own = [f for f in weighed.findings if f.rule == rule]
            findings.extend(own or [Finding(rule, check.passed, Status.PASS, check.legal_ground)])
        findings.extend(f for f in weighed.findings if f.rule not in check.rules)
    tag = judicial_presence(facts.participants)
    findings.append(
        Finding(
            "R20",
            "art_458ter_only" if tag else "no_police_or_parquet",
            Status.PASS,
            grounds.REC_SDJ,
        )
    )
    return Report(Decision(tuple(findings)), tag)


def _before_closing(decision: Decision, profile: Profile) -> Decision:
    """D11 — informing the person blocks closing only; before that it is a warning in `safeguards`, and nothing in
    `legal_minimum`."""
    if profile is Profile.LEGAL_MINIMUM:
        return Decision()
    return Decision(tuple(replace(f, status=Status.WARN) for f in decision.findings))


def write_decision(facts: ComplianceFacts) -> Decision:
    """What a create or update must refuse: failing findings whose payload is itself unlawful."""
    return write_refusals(evaluate(facts))


def write_refusals(report: Report) -> Decision:
    """The refusals of an evaluated report (for a caller that also keeps the report)."""
    return Decision(tuple(f for f in report.decision.findings if f.status is Status.FAIL and f.invalid))
