"""The state of necessity (*état de nécessité*): a case-by-case weighing, recorded (R99, R100, R103–R105, D17, D19).

The Court of Cassation (18 June 2010, quoted by the CPAS circular) admits that a professional reveals a secret
« en présence d'un mal grave et imminent pour autrui », to safeguard « un intérêt plus impérieux qu'elle avait le
devoir ou qu'elle était en droit de sauvegarder avant tous les autres », when the danger cannot be averted in any
other way. Each condition must hold and be recorded (R99): a grave and imminent danger to another, present or to
come — not past facts that will not recur; an interest weighed as more compelling than secrecy (D17; a deployment
may lower the threshold to "equal or greater"); no other means to avert it (subsidiarity, alternatives tried
listed); only what averts the danger is disclosed (proportionality); who assessed it and when. A missing or
"unknown" answer is a refusal, never an acceptance (R115, D19). A state of necessity is **not** a 458ter basis
(R1).

The professional weighs it with secret-bound colleagues or a lawyer and talks to the person, even in urgency
(R100: a warning in `legal_minimum`, a refusal in `safeguards`). The disclosure does not end the duty to help: a
follow-up plan is mandatory (R103). Failure to assist (art. 422bis) is shown as guidance, never as a trigger
(R104); the officials' duty of art. 29 C. i. cr. never overrides professional secrecy (R105).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from policies import grounds
from policies.decision import Violation
from policies.vocab import ConsultedKind, DangerTime, InterestWeighing, InvokedGround, NecessityThreshold

#: R104 — art. 422bis C. pén., as the guidance shown beside a necessity or 458bis assessment (never a trigger).
ART_422BIS_GUIDANCE: dict[str, str] = {
    "fr": (
        "Art. 422bis C. pén. (abstention coupable) : est puni d'un emprisonnement de huit jours à un an et d'une "
        "amende de 50 à 500 euros celui qui s'abstient de venir en aide ou de procurer une aide à une personne "
        "exposée à un péril grave, soit qu'il ait constaté lui-même la situation de cette personne, soit que cette "
        "situation lui soit décrite par ceux qui sollicitent son intervention ; pas d'infraction lorsque l'aide "
        "comporterait un danger sérieux pour soi-même ou pour autrui, ou en cas de doute raisonnable sur la gravité "
        "du péril. Cette information vous oriente ; le service n'en déduit aucune démarche."
    ),
    "nl": (
        "Art. 422bis Sw. (schuldig hulpverzuim): met gevangenisstraf van acht dagen tot een jaar en een geldboete "
        "van 50 tot 500 euro wordt gestraft wie verzuimt hulp te verlenen aan iemand die in groot gevaar verkeert, "
        "hetzij hij diens toestand zelf heeft vastgesteld, hetzij die hem beschreven wordt door wie zijn hulp "
        "inroept; geen misdrijf wanneer de hulp een ernstig gevaar voor hemzelf of voor anderen zou opleveren, of "
        "bij redelijke twijfel over de ernst van het gevaar. Dit is een richtsnoer; de dienst leidt er geen enkele "
        "stap uit af."
    ),
    "en": (
        "Penal Code, art. 422bis (failure to assist): whoever fails to help, or to obtain help for, a person exposed "
        "to grave danger — whether he saw the situation himself or it was described to him by those asking for his "
        "help — is punished by eight days to one year of imprisonment and a fine of 50 to 500 euros; there is no "
        "offence where helping would seriously endanger oneself or others, or where there is reasonable doubt about "
        "the gravity of the danger. This is guidance; the service derives no step from it."
    ),
}


@dataclass(frozen=True, slots=True)
class NecessityFacts:
    danger_grave: bool | None
    danger_imminent: bool | None
    harm_to_another: bool | None
    danger_time: DangerTime | None
    danger_described: bool
    interest_weighing: InterestWeighing | None
    interest_described: bool
    no_other_means: bool | None
    alternatives_tried: int
    disclosure_limited_to_averting: bool | None
    assessed: bool
    consulted: Collection[ConsultedKind]
    person_spoken_to: bool | None
    why_person_not_spoken_to_given: bool
    follow_up_plan_given: bool
    invoked_ground: InvokedGround | None


def _unmet(field: str) -> Violation:
    return Violation("R99", "necessity_conditions_not_met", grounds.STATE_OF_NECESSITY, field, {"condition": field})


def _weighs_enough(weighing: InterestWeighing | None, threshold: NecessityThreshold) -> bool:
    if weighing is InterestWeighing.MORE_COMPELLING:
        return True
    return weighing is InterestWeighing.EQUAL and threshold is NecessityThreshold.EQUAL_OR_GREATER


def check_state_of_necessity(n: NecessityFacts, threshold: NecessityThreshold) -> list[Violation]:
    """R99 — every condition of the state of necessity holds and is recorded; each one that does not is named."""
    out: list[Violation] = []
    if n.danger_grave is not True:
        out.append(_unmet("danger.grave"))
    if n.danger_imminent is not True:
        out.append(_unmet("danger.imminent"))
    if n.harm_to_another is not True:
        out.append(_unmet("danger.harm_to_another"))
    if n.danger_time not in (DangerTime.PRESENT, DangerTime.FUTURE):
        out.append(_unmet("danger.time"))
    if not n.danger_described:
        out.append(_unmet("danger.description"))
    if not _weighs_enough(n.interest_weighing, threshold) or not n.interest_described:
        out.append(_unmet("interest_protected"))
    if n.no_other_means is not True or n.alternatives_tried < 1:
        out.append(_unmet("subsidiarity"))
    if n.disclosure_limited_to_averting is not True:
        out.append(_unmet("proportionality"))
    if not n.assessed:
        out.append(_unmet("assessed_by"))
    return out


def check_necessity_assessment(n: NecessityFacts) -> list[Violation]:
    """R100 — weighed with secret-bound colleagues or a lawyer, and the person spoken to (or why not, recorded)."""
    out: list[Violation] = []
    if not n.consulted:
        out.append(Violation("R100", "necessity_not_consulted", grounds.NECESSITY_ASSESSMENT, "consulted"))
    if n.person_spoken_to is not True and not (n.person_spoken_to is False and n.why_person_not_spoken_to_given):
        out.append(Violation("R100", "person_not_spoken_to", grounds.NECESSITY_ASSESSMENT, "person_spoken_to"))
    return out


def check_invoked_ground(ground: InvokedGround | None) -> list[Violation]:
    """R105, R104, R74 — grounds that open no regime by themselves. Art. 29 C. i. cr. does not override secrecy;
    art. 422bis is guidance and not a reason to disclose; consent alone does not lift secrecy (D3)."""
    if ground is InvokedGround.ART_29_CIC:
        return [Violation("R105", "art_29_does_not_override_secrecy", grounds.ART_29_CIC, "invoked_ground")]
    if ground is InvokedGround.ART_422BIS:
        return [Violation("R104", "art_422bis_is_guidance_only", grounds.ART_422BIS, "invoked_ground")]
    if ground is InvokedGround.CONSENT:
        return [Violation("R74", "consent_alone_not_sufficient", grounds.CONSENT_NOT_SUFFICIENT, "invoked_ground")]
    return []


def check_follow_up(follow_up_plan_given: bool) -> list[Violation]:
    """R103 — after a disclosure the case stays open, with a plan: continue support or hand over."""
    if follow_up_plan_given:
        return []
    return [Violation("R103", "follow_up_plan_required", grounds.ART_458BIS_DUTY_TO_HELP, "follow_up_plan")]


def check_necessity_record(n: NecessityFacts, threshold: NecessityThreshold, *, recording: bool) -> list[Violation]:
    """R99, R100, R103, R105 — everything a state-of-necessity record is checked against."""
    out = [*check_invoked_ground(n.invoked_ground), *check_state_of_necessity(n, threshold)]
    out += check_necessity_assessment(n)
    if recording:
        out += check_follow_up(n.follow_up_plan_given)
    return out
