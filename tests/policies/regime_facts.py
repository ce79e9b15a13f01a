"""Facts for the other disclosure regimes (shared secrecy, art. 458bis, state of necessity, routing).

Frozen dataclasses that satisfy `policies.shared_secrecy`'s Protocols, and lawful defaults for the report and
necessity facts: every builder returns facts that pass every check, so a table row changes one thing with
`dataclasses.replace` and names what it expects. Standard library only, like `tests.policies.facts`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from policies.art_458bis import ReportFacts
from policies.necessity import NecessityFacts
from policies.person_concerned import ConsentStatus, ExceptionReason
from policies.vocab import (
    ConsultedKind,
    DangerTime,
    FactualBasisKind,
    HierarchyPurpose,
    InterestWeighing,
    InvokedGround,
    ItemPurpose,
    PartyKind,
    ReportRecipient,
    SecrecySource,
    Sector,
    SpecialisedService,
    Vulnerability,
)

MISSION = "mission-accompagnement-famille-1"
DISCLOSER_REF = "aid-1"
RECIPIENT_REF = "health-1"
ITEM_REF = "item-1"

# --- Shared secrecy (policies.shared_secrecy) --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Party:
    reference: str = RECIPIENT_REF
    kind: PartyKind = PartyKind.PROFESSIONAL
    sector: Sector | None = Sector.HEALTH
    bound_by_professional_secrecy: bool | None = True
    secrecy_source: SecrecySource | None = SecrecySource.ART_458_CP
    secrecy_evidence: str | None = "déclaration signée du psychologue, art. 458 C. pén."
    mission_id: str | None = MISSION
    judicial_mandate: bool | None = False
    all_members_bound: bool | None = None
    specialised_service: SpecialisedService | None = None


@dataclass(frozen=True, slots=True)
class Item:
    reference: str = ITEM_REF
    necessity_justification: str | None = "le suivi psychologique de l'enfant dépend de cette information"
    in_interest_of_person: bool | None = True
    serves: ItemPurpose | None = ItemPurpose.CARE_OF_PERSON
    pseudonymised: bool | None = True
    indispensable_for_care: bool | None = None


@dataclass(frozen=True, slots=True)
class Exception_:
    """R30 — an exception to informing the child and family (R77)."""

    reason: ExceptionReason | None = ExceptionReason.CHILD_SAFETY_ENDANGERED
    motivation: str | None = "informer le père exposerait l'enfant à des représailles"
    decided_by: str | None = "la conseillère de l'aide à la jeunesse"
    review_at: date | None = date(2026, 12, 31)


@dataclass(frozen=True, slots=True)
class Master:
    consent: ConsentStatus | None = ConsentStatus.GIVEN
    consent_recipients: Sequence[str] = (RECIPIENT_REF,)
    consent_items: Sequence[str] = (ITEM_REF,)
    informed: bool | None = True
    team_sharing_notice_given: bool | None = True
    child_and_family_informed_at: datetime | None = None
    information_exception: Exception_ | None = None


#: The aid worker who holds the secret.
DISCLOSER = Party(
    reference=DISCLOSER_REF,
    sector=Sector.AID_CARE,
    secrecy_source=SecrecySource.ART_57_DECREE_4_MARCH_1991,
    secrecy_evidence="art. 57 du décret du 4 mars 1991",
)
#: A psychologist of the same mission, bound by art. 458.
RECIPIENT = Party()
ITEM = Item()
MASTER = Master()


@dataclass(frozen=True, slots=True)
class Exchange:
    discloser: Party = DISCLOSER
    recipients: Sequence[Party] = (RECIPIENT,)
    items: Sequence[Item] = (ITEM,)
    master: Master | None = MASTER
    hierarchy_purpose: HierarchyPurpose | None = None
    initiated_by_hierarchy: bool | None = None
    why_not_pseudonymised: str | None = None
    fwb_maltreatment_relay: bool = False


EXCHANGE = Exchange()


def team(reference: str = "team-1", *, all_members_bound: bool | None = True) -> Party:
    """A team of the same service (R75): a recipient only if every member is bound."""
    return Party(reference=reference, kind=PartyKind.TEAM, sector=Sector.AID_CARE, all_members_bound=all_members_bound)


def hierarchy(reference: str = "head-1") -> Party:
    """The worker's head of service (R76); his mission is supervision, not the person's care."""
    return Party(reference=reference, kind=PartyKind.HIERARCHY, sector=Sector.AID_CARE, mission_id="supervision")


def relative(reference: str = "mother-1") -> Party:
    """A relative of the person (R112): never a recipient of an ad-hoc exchange."""
    return Party(
        reference=reference,
        kind=PartyKind.RELATIVE,
        sector=None,
        bound_by_professional_secrecy=False,
        secrecy_source=None,
        secrecy_evidence=None,
        mission_id=None,
        judicial_mandate=None,
    )


def with_sector(sector: Sector, reference: str = "other-1") -> Party:
    """A professional of `sector` who declares himself bound and on the same mission."""
    return Party(reference=reference, sector=sector)


def consenting_to(recipients: Sequence[Party], items: Sequence[Item] = (ITEM,)) -> Master:
    """A master of the secret who agreed to exactly these recipients and items."""
    return Master(
        consent_recipients=tuple(r.reference for r in recipients), consent_items=tuple(i.reference for i in items)
    )


# --- Art. 458bis (policies.art_458bis) ---------------------------------------------------------------------------


def report(
    *,
    discloser_bound_by_secrecy: bool | None = True,
    discloser_is_lawyer: bool | None = False,
    information_from_own_client: bool | None = None,
    offence: str | None = "cp_398",
    victim_is_minor: bool | None = True,
    victim_vulnerabilities: Sequence[Vulnerability] = (),
    grave_and_imminent_danger_to_victim: bool | None = True,
    serious_danger_to_other_victims: bool | None = None,
    unable_to_protect_alone_or_with_third_parties: bool | None = True,
    recipient: ReportRecipient | None = ReportRecipient.PROCUREUR_DU_ROI,
    factual_basis: Collection[FactualBasisKind] = (FactualBasisKind.OBSERVED,),
    factual_basis_described: bool = True,
    follow_up_plan_given: bool = True,
) -> ReportFacts:
    """A lawful report: an aid worker, intentional blows on a minor, observed, to the procureur du Roi."""
    return ReportFacts(
        discloser_bound_by_secrecy=discloser_bound_by_secrecy,
        discloser_is_lawyer=discloser_is_lawyer,
        information_from_own_client=information_from_own_client,
        offence=offence,
        victim_is_minor=victim_is_minor,
        victim_vulnerabilities=victim_vulnerabilities,
        grave_and_imminent_danger_to_victim=grave_and_imminent_danger_to_victim,
        serious_danger_to_other_victims=serious_danger_to_other_victims,
        unable_to_protect_alone_or_with_third_parties=unable_to_protect_alone_or_with_third_parties,
        recipient=recipient,
        factual_basis=factual_basis,
        factual_basis_described=factual_basis_described,
        follow_up_plan_given=follow_up_plan_given,
    )


REPORT = report()

# --- State of necessity (policies.necessity) ---------------------------------------------------------------------

NECESSITY = NecessityFacts(
    danger_grave=True,
    danger_imminent=True,
    harm_to_another=True,
    danger_time=DangerTime.PRESENT,
    danger_described=True,
    interest_weighing=InterestWeighing.MORE_COMPELLING,
    interest_described=True,
    no_other_means=True,
    alternatives_tried=2,
    disclosure_limited_to_averting=True,
    assessed=True,
    consulted=(ConsultedKind.SECRET_BOUND_COLLEAGUE,),
    person_spoken_to=True,
    why_person_not_spoken_to_given=False,
    follow_up_plan_given=True,
    invoked_ground=InvokedGround.NONE,
)
