"""Which regime lets me speak? The routing rule (R73, R20, R35, R74, R104, R105, R111).

A professional bound by secrecy may reveal a secret lawfully in a few ways only, each with its own conditions:

- **shared professional secrecy** — no legal basis, but four cumulative conditions (R67–R71) and the limits of
  team, hierarchy and relatives (R75, R76, R112); never with police, parquet or school staff (R20, R72);
- **a 458ter concertation** — a registered law, decree, ordinance or prosecutor's authorisation that names the
  participants, one of the three purposes, the prosecution scope; but **no** requirement of the same mission, of
  consent or of the person's interest (R73);
- **an art. 458bis report** to the procureur du Roi — a listed offence against a minor or a vulnerable person, a
  grave and imminent danger, no other way to protect (R101, R102);
- **the state of necessity** — a grave and imminent danger to another that only the disclosure averts (R99).

`classify` evaluates all of them on the same facts and says, for each, which conditions are met and which are not.
Its `routing` answers R73's own question: `shared_secrecy` only if all four conditions hold; otherwise
`requires_458ter` when a registered basis fits the exchange, else `not_allowed`. The person concerned speaking of
himself is bound by none of this (R35: `not_restricted`). Consent alone opens nothing (R74, D3). Invoking art. 29
C. i. cr. (R105) or art. 422bis (R104) opens nothing either; a professional who is himself a suspect is told that
secrecy will not shield him (R111).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from policies import grounds
from policies import shared_secrecy as ss
from policies.art_458bis import ReportFacts, check_art_458bis_report
from policies.concertation import BasisStanding, may_attend
from policies.decision import Decision, Finding, Violation
from policies.necessity import (
    NecessityFacts,
    check_invoked_ground,
    check_necessity_assessment,
    check_state_of_necessity,
)
from policies.profiles import weigh
from policies.vocab import (
    NecessityThreshold,
    Profile,
    PurposeCategory,
    Regime,
    Routing,
    Sector,
    SharedSecretConsentMode,
    Status,
)


@dataclass(frozen=True, slots=True)
class RegisteredBasis:
    """A basis of the registry, as the routing rule sees it."""

    basis_id: str
    standing: BasisStanding


@dataclass(frozen=True, slots=True)
class Attendee:
    """A party of the exchange as a 458ter basis would name it (R16: a person, or sector + organisation + function)."""

    person_ref: str | None
    organisation: str | None
    sector: Sector | None
    function: str | None


@dataclass(frozen=True, slots=True)
class ClassifyFacts:
    exchange: ss.ExchangeFacts
    attendees: Sequence[Attendee]
    discloser_is_person_concerned: bool
    discloser_suspected: bool
    purpose: PurposeCategory | None
    bases: Sequence[RegisteredBasis]
    report: ReportFacts
    necessity: NecessityFacts
    today: date
    mode: SharedSecretConsentMode
    threshold: NecessityThreshold
    profile: Profile


@dataclass(frozen=True, slots=True)
class Assessment:
    """One regime: open or not, every condition with its status, and (458ter) the bases that fit."""

    regime: Regime
    open: bool
    findings: tuple[Finding, ...]
    bases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Classification:
    routing: Routing
    regimes: tuple[Assessment, ...]
    guidance: tuple[Finding, ...]

    @property
    def open_regimes(self) -> tuple[Regime, ...]:
        return tuple(a.regime for a in self.regimes if a.open)


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition of a regime: the rules it covers, the code it reports when met, and how to evaluate it."""

    rules: tuple[str, ...]
    passed: str
    legal_ground: str
    evaluate: Callable[[ClassifyFacts], list[Violation]]


def _conditions(facts: ClassifyFacts, conditions: Sequence[Condition]) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    for c in conditions:
        violations = c.evaluate(facts)
        if violations:
            findings.extend(weigh(facts.profile, tuple(violations)).findings)
        else:
            findings.append(Finding(c.rules[0], c.passed, Status.PASS, c.legal_ground))
    return tuple(findings)


def _ss_master(f: ClassifyFacts) -> list[Violation]:
    e = f.exchange
    return ss.check_master_informed(
        e.master, [r.reference for r in e.recipients], [i.reference for i in e.items], f.mode
    )


#: R67 — the four cumulative conditions of shared secrecy, and its limits.
SHARED_SECRECY_CONDITIONS: tuple[Condition, ...] = (
    Condition(
        ("R68", "R72", "R20", "R112"),
        "recipients_bound_by_secrecy",
        grounds.SHARED_SECRECY,
        lambda f: ss.check_recipients_bound(f.exchange.discloser, f.exchange.recipients),
    ),
    Condition(
        ("R69",),
        "same_mission",
        grounds.SHARED_SECRECY,
        lambda f: ss.check_same_mission(f.exchange.discloser, f.exchange.recipients),
    ),
    Condition(("R70",), "master_of_secret_agrees", grounds.SHARED_SECRECY, _ss_master),
    Condition(("R71",), "items_strictly_necessary", grounds.SHARED_SECRECY, lambda f: ss.check_items(f.exchange.items)),
    Condition(
        ("R75",),
        "team_sharing_allowed",
        grounds.TEAM_SHARING,
        lambda f: ss.check_team(f.exchange.recipients, f.exchange.master),
    ),
    Condition(
        ("R76",), "hierarchy_sharing_allowed", grounds.HIERARCHY_SHARING, lambda f: ss.check_hierarchy(f.exchange)
    ),
)


def fitting_bases(f: ClassifyFacts) -> tuple[str, ...]:
    """R1, R10, R16 — the registered bases in force today, not retired, that allow the purpose and name every party."""
    if f.purpose is None:
        return ()
    out: list[str] = []
    for b in f.bases:
        basis = b.standing.basis
        det = basis.determines
        if b.standing.retired or det is None or f.purpose not in det.purposes:
            continue
        if basis.valid_from > f.today or (basis.valid_until is not None and basis.valid_until <= f.today):
            continue
        if all(may_attend(basis, a) for a in f.attendees):  # type: ignore[arg-type]  # R16 reads these four only
            out.append(b.basis_id)
    return tuple(out)


def _purpose(f: ClassifyFacts) -> list[Violation]:
    if f.purpose is None:
        return [Violation("R10", "purpose_required", grounds.ART_458TER_PURPOSE, "purpose_category")]
    return []


def _basis(f: ClassifyFacts) -> list[Violation]:
    if f.purpose is None or fitting_bases(f):
        return []
    return [Violation("R16", "no_registered_basis_fits", grounds.ART_458TER_DETERMINES, "recipients")]


def _lawyer(f: ClassifyFacts) -> list[Violation]:
    r = f.report
    if r.discloser_is_lawyer is None or (r.discloser_is_lawyer and r.information_from_own_client is not False):
        return [Violation("R21", "art_458quater_lawyer", grounds.ART_458QUATER_LAWYER, "discloser.is_lawyer")]
    return []


#: R73 — what a 458ter concertation needs (and not: same mission, consent, person's interest).
CONCERTATION_CONDITIONS: tuple[Condition, ...] = (
    Condition(("R10",), "purpose_allowed", grounds.ART_458TER_PURPOSE, _purpose),
    Condition(("R1", "R16"), "registered_basis_fits", grounds.ART_458TER_DETERMINES, _basis),
    Condition(("R21",), "lawyer_not_exposing_client", grounds.ART_458QUATER_LAWYER, _lawyer),
)

REPORT_CONDITIONS: tuple[Condition, ...] = (
    Condition(
        ("R101", "R102", "R21"),
        "art_458bis_conditions_met",
        grounds.ART_458BIS,
        lambda f: check_art_458bis_report(f.report, f.today, recording=False),
    ),
)

NECESSITY_CONDITIONS: tuple[Condition, ...] = (
    Condition(
        ("R99",),
        "necessity_conditions_met",
        grounds.STATE_OF_NECESSITY,
        lambda f: check_state_of_necessity(f.necessity, f.threshold),
    ),
    Condition(
        ("R100",),
        "necessity_assessed_with_others",
        grounds.NECESSITY_ASSESSMENT,
        lambda f: check_necessity_assessment(f.necessity),
    ),
)


def _assess(f: ClassifyFacts, regime: Regime, conditions: Sequence[Condition]) -> Assessment:
    findings = _conditions(f, conditions)
    bases = fitting_bases(f) if regime is Regime.ART_458TER_CONCERTATION else ()
    return Assessment(regime, Decision(findings).allowed, findings, bases)


def _guidance(f: ClassifyFacts) -> tuple[Finding, ...]:
    """What is said whatever the regimes: a ground invoked that opens none by itself (art. 29 C. i. cr., R105; art.
    422bis, R104; consent alone, R74), and that secrecy does not shield a professional who is a suspect (R111)."""
    out = check_invoked_ground(f.necessity.invoked_ground)
    if f.discloser_suspected:
        out.append(
            Violation("R111", "secrecy_does_not_shield_suspect", grounds.SUSPECT_NO_SHIELD, "discloser.suspected")
        )
    return weigh(f.profile, tuple(out)).findings


def classify(f: ClassifyFacts) -> Classification:
    """R73 — every regime assessed on the same facts, and the routing answer."""
    if f.discloser_is_person_concerned:
        master = Finding("R35", "master_of_secret_not_restricted", Status.PASS, grounds.MASTER_OF_SECRET)
        return Classification(Routing.NOT_RESTRICTED, (), (master,))
    regimes = (
        _assess(f, Regime.SHARED_SECRECY, SHARED_SECRECY_CONDITIONS),
        _assess(f, Regime.ART_458TER_CONCERTATION, CONCERTATION_CONDITIONS),
        _assess(f, Regime.ART_458BIS_REPORT, REPORT_CONDITIONS),
        _assess(f, Regime.STATE_OF_NECESSITY, NECESSITY_CONDITIONS),
    )
    if regimes[0].open:
        routing = Routing.SHARED_SECRECY
    elif regimes[1].open:
        routing = Routing.REQUIRES_458TER
    else:
        routing = Routing.NOT_ALLOWED
    return Classification(routing, regimes, _guidance(f))
