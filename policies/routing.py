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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from policies import grounds
from policies import shared_secrecy as ss
from policies.art_458bis import ReportFacts, check_art_458bis_report, check_lawyer
from policies.concertation import BasisStanding, may_attend
from policies.decision import Decision, Finding, Violation
from policies.necessity import (
    NecessityFacts,
    check_follow_up,
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


#: One condition of a regime: the rules it covers, the code it reports when met, its ground, what it found.
Condition = tuple[tuple[str, ...], str, str, list[Violation]]


def _findings(profile: Profile, conditions: Sequence[Condition]) -> tuple[Finding, ...]:
    """A `pass` finding for each condition met, the weighed violations of each one that is not."""
    findings: list[Finding] = []
    for rules, passed, ground, violations in conditions:
        if violations:
            findings.extend(weigh(profile, tuple(violations)).findings)
        else:
            findings.append(Finding(rules[0], passed, Status.PASS, ground))
    return tuple(findings)


def shared_secrecy_findings(
    e: ss.ExchangeFacts, mode: SharedSecretConsentMode, profile: Profile, today: date
) -> tuple[Finding, ...]:
    """R67 — the four cumulative conditions of shared secrecy, and the limits of team, hierarchy and relatives."""
    recipients, items = [r.reference for r in e.recipients], [i.reference for i in e.items]
    return _findings(
        profile,
        (
            (
                ("R68", "R72", "R20", "R112"),
                "recipients_bound_by_secrecy",
                grounds.SHARED_SECRECY,
                ss.check_recipients_bound(e.discloser, e.recipients),
            ),
            (("R69",), "same_mission", grounds.SHARED_SECRECY, ss.check_same_mission(e.discloser, e.recipients)),
            (
                (
                    ("R77", "R30"),
                    "relay_within_the_decree",
                    grounds.FWB_MALTREATMENT_DECREE,
                    ss.check_fwb_relay(e, today),
                )
                if e.fwb_maltreatment_relay
                else (
                    ("R70",),
                    "master_of_secret_agrees",
                    grounds.SHARED_SECRECY,
                    ss.check_master_informed(e.master, recipients, items, mode),
                )
            ),
            (("R71",), "items_strictly_necessary", grounds.SHARED_SECRECY, ss.check_items(e.items)),
            (("R75",), "team_sharing_allowed", grounds.TEAM_SHARING, ss.check_team(e.recipients, e.master)),
            (("R76",), "hierarchy_sharing_allowed", grounds.HIERARCHY_SHARING, ss.check_hierarchy(e)),
        ),
    )


def report_findings(r: ReportFacts, today: date, profile: Profile, *, recording: bool) -> tuple[Finding, ...]:
    """R101, R102, R21 (and, when the report is recorded, R103) — the conditions of an art. 458bis report."""
    violations = check_art_458bis_report(r, today, recording=recording)
    follow_up = [v for v in violations if v.rule == "R103"]
    conditions: list[Condition] = [
        (
            ("R101", "R102", "R21"),
            "art_458bis_conditions_met",
            grounds.ART_458BIS,
            [v for v in violations if v.rule != "R103"],
        )
    ]
    if recording:
        conditions.append((("R103",), "follow_up_planned", grounds.ART_458BIS_DUTY_TO_HELP, follow_up))
    return _findings(profile, conditions)


def necessity_findings(
    n: NecessityFacts, threshold: NecessityThreshold, profile: Profile, *, recording: bool
) -> tuple[Finding, ...]:
    """R99, R100 (and, when the disclosure is recorded, R103 and the ground invoked, R105) — the state of necessity."""
    conditions: list[Condition] = [
        (("R99",), "necessity_conditions_met", grounds.STATE_OF_NECESSITY, check_state_of_necessity(n, threshold)),
        (
            ("R100",),
            "necessity_assessed_with_others",
            grounds.NECESSITY_ASSESSMENT,
            check_necessity_assessment(n),
        ),
    ]
    if recording:
        conditions += [
            (("R103",), "follow_up_planned", grounds.ART_458BIS_DUTY_TO_HELP, check_follow_up(n.follow_up_plan_given)),
            (
                ("R105", "R104", "R74"),
                "invoked_ground_admissible",
                grounds.STATE_OF_NECESSITY,
                check_invoked_ground(n.invoked_ground),
            ),
        ]
    return _findings(profile, conditions)


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
        if basis.valid_from > f.today or (basis.valid_until is not None and basis.valid_until < f.today):
            continue
        if all(may_attend(basis, a) for a in f.attendees):  # type: ignore[arg-type]  # R16 reads these four only
            out.append(b.basis_id)
    return tuple(out)


def _purpose(f: ClassifyFacts) -> list[Violation]:
    if f.purpose is None:
        return [Violation("R10", "purpose_required", grounds.ART_458TER_PURPOSE, "purpose_category")]
    return []


def _basis(f: ClassifyFacts) -> list[Violation]:
    if fitting_bases(f):
        return []
    return [Violation("R16", "no_registered_basis_fits", grounds.ART_458TER_DETERMINES, "recipients")]


def concertation_findings(f: ClassifyFacts) -> tuple[Finding, ...]:
    """R73 — what a 458ter concertation needs (and not: same mission, consent, the person's interest)."""
    return _findings(
        f.profile,
        (
            (("R10",), "purpose_allowed", grounds.ART_458TER_PURPOSE, _purpose(f)),
            (("R1", "R16"), "registered_basis_fits", grounds.ART_458TER_DETERMINES, _basis(f)),
            (("R21",), "lawyer_not_exposing_client", grounds.ART_458QUATER_LAWYER, check_lawyer(f.report)),
        ),
    )


def _assess(regime: Regime, findings: tuple[Finding, ...], bases: tuple[str, ...] = ()) -> Assessment:
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
        _assess(Regime.SHARED_SECRECY, shared_secrecy_findings(f.exchange, f.mode, f.profile, f.today)),
        _assess(Regime.ART_458TER_CONCERTATION, concertation_findings(f), fitting_bases(f)),
        _assess(Regime.ART_458BIS_REPORT, report_findings(f.report, f.today, f.profile, recording=False)),
        _assess(Regime.STATE_OF_NECESSITY, necessity_findings(f.necessity, f.threshold, f.profile, recording=False)),
    )
    if regimes[0].open:
        routing = Routing.SHARED_SECRECY
    elif regimes[1].open:
        routing = Routing.REQUIRES_458TER
    else:
        routing = Routing.NOT_ALLOWED
    return Classification(routing, regimes, _guidance(f))
