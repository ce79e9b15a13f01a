"""Facts for the pure policy tables: frozen dataclasses that satisfy the policies' Protocols, and lawful defaults.

Every builder returns facts that pass every check; a table row changes one thing with `dataclasses.replace` and
names the violation it expects. The tables compare `(rule, code, field, invalid)` tuples, never message text, so a
changed code, field or write-blocking flag makes them fail. Standard library only: no pydantic, no models, no api.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from policies.concertation import BasisStanding
from policies.decision import Finding, Violation
from policies.vocab import (
    Alternative,
    AuthorisationForm,
    AuthorisedParticipantKind,
    AuthorisingMagistrate,
    BasisType,
    IdentityKind,
    ImplementingActKind,
    InitiatorType,
    IntegrityDimension,
    Legislator,
    MagistrateFunction,
    MeetingKind,
    Objective,
    ProtectedPersonRole,
    PurposeCategory,
    SecrecySource,
    Sector,
)

INTEGRITY = PurposeCategory.PROTECT_INTEGRITY
TERRORISM = PurposeCategory.PREVENT_TERRORIST_OFFENCES
ORGANISATION = PurposeCategory.PREVENT_CRIMINAL_ORGANISATION_OFFENCES

#: The day the tests consider "today" (policies never read the clock).
TODAY = date(2026, 11, 22)
#: The default meeting: a weekday morning after every catalogue entry used below entered into force.
START = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
END = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

PERSON_CONCERNED = "pc-1"
PERSON_REFS: tuple[str, ...] = (PERSON_CONCERNED,)
SHA256 = "a" * 64
MOTIVATION = (
    "Mineure exposée à des violences intrafamiliales répétées ; l'aide volontaire a échoué et une concertation "
    "entre le SAJ, la police et le parquet est nécessaire pour la protéger."
)

AID_ORG = "SAJ Bruxelles"
POLICE_ORG = "Zone de police Bruxelles-Ixelles"
PARQUET_ORG = "Parquet de Bruxelles"
NAMED_LAWYER = "adv-001"


# --- Legal basis (policies.legal_basis) ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Norm:
    title: str | None = "Décret relatif à l'aide aux enfants victimes de maltraitance"
    date: dt.date | None = dt.date(2004, 5, 12)
    articles: Sequence[str] = ("art. 3", "art. 4")
    legislator: Legislator | None = Legislator.COMMUNITY
    publication_ref: str | None = "M.B. 14.06.2004"


@dataclass(frozen=True, slots=True)
class ImplementingAct:
    kind: ImplementingActKind | None = ImplementingActKind.GOVERNMENT_DECREE
    title: str | None = "Arrêté du Gouvernement portant exécution du décret du 12 mai 2004"
    date: dt.date | None = dt.date(2006, 3, 2)
    publication_ref: str | None = "M.B. 25.04.2006"


@dataclass(frozen=True, slots=True)
class Authorisation:
    issued_by: AuthorisingMagistrate | None = AuthorisingMagistrate.PROCUREUR_DU_ROI
    issued_by_name: str | None = "J. Dupont"
    delegation_ref: str | None = None
    issuing_office: str | None = "Parquet de Bruxelles"
    issued_at: date | None = date(2025, 3, 1)
    form: AuthorisationForm | None = AuthorisationForm.WRITTEN
    document_sha256: str | None = SHA256
    motivation: str | None = MOTIVATION


@dataclass(frozen=True, slots=True)
class AuthorisedParticipant:
    kind: AuthorisedParticipantKind = AuthorisedParticipantKind.CATEGORY
    person_ref: str | None = None
    sector: Sector | None = Sector.AID_CARE
    organisation: str | None = AID_ORG
    function: str | None = None


@dataclass(frozen=True, slots=True)
class Modalities:
    convened_by: str | None = "le conseiller de l'aide à la jeunesse"
    chaired_by: str | None = "le conseiller de l'aide à la jeunesse"
    chairing_magistrate_required: bool = False
    frequency: str | None = "à la demande, au plus une fois par mois"
    information_of_person: str | None = "information préalable sauf danger pour l'enfant"
    minutes: str | None = "procès-verbal chiffré, tenu par le secrétariat du SAJ"


def named(person_ref: str | None) -> AuthorisedParticipant:
    return AuthorisedParticipant(AuthorisedParticipantKind.PERSON, person_ref, None, None, None)


def category(
    sector: Sector | None, organisation: str | None = None, function: str | None = None
) -> AuthorisedParticipant:
    return AuthorisedParticipant(AuthorisedParticipantKind.CATEGORY, None, sector, organisation, function)


#: Who the default basis authorises: aid workers of one service, one police zone, prosecution substitutes, school
#: heads (R18) and one named lawyer.
AUTHORISED: tuple[AuthorisedParticipant, ...] = (
    category(Sector.AID_CARE, AID_ORG),
    category(Sector.POLICE, POLICE_ORG),
    category(Sector.PROSECUTION, function="substitut"),
    category(Sector.SCHOOL, function="directeur"),
    named(NAMED_LAWYER),
)


@dataclass(frozen=True, slots=True)
class Determines:
    authorised_participants: Sequence[AuthorisedParticipant] = AUTHORISED
    purposes: Sequence[PurposeCategory] = (INTEGRITY,)
    finalite: str | None = "protéger l'intégrité physique et psychique des enfants"
    modalities: Modalities | None = Modalities()


@dataclass(frozen=True, slots=True)
class Basis:
    type: BasisType = BasisType.DECREE
    enabling_norm: Norm | None = Norm()
    implementing_act: ImplementingAct | None = None
    prosecutor_authorisation: Authorisation | None = None
    determines: Determines | None = Determines()
    valid_from: date = date(2018, 1, 1)
    valid_until: date | None = None


def decree_basis() -> Basis:
    """A community decree that organises concertations itself (« par »)."""
    return Basis()


def law_basis() -> Basis:
    return Basis(
        type=BasisType.LAW,
        enabling_norm=Norm(title="Loi relative à la protection de la jeunesse", legislator=Legislator.FEDERAL),
    )


def prosecutor_basis() -> Basis:
    """A motivated, written authorisation of the procureur du Roi (R4); it carries no enabling norm."""
    return Basis(type=BasisType.PROSECUTOR_AUTHORISATION, enabling_norm=None, prosecutor_authorisation=Authorisation())


def standing(basis: Basis | None = None, *, confidential: bool = False, retired: bool = False) -> BasisStanding:
    return BasisStanding(basis if basis is not None else decree_basis(), confidential, retired)


# --- Concertation (policies.concertation) ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProtectedPerson:
    role: ProtectedPersonRole = ProtectedPersonRole.PERSON_CONCERNED
    reference: str = PERSON_CONCERNED


@dataclass(frozen=True, slots=True)
class Purpose:
    category: PurposeCategory = INTEGRITY
    statement: str | None = "protéger une enfant exposée à des violences intrafamiliales"
    objective: Objective | None = Objective.PROTECT
    protected_persons: Sequence[ProtectedPerson] = (ProtectedPerson(),)
    integrity_dimensions: Sequence[IntegrityDimension] = (IntegrityDimension.PHYSICAL,)
    threat_description: str | None = "violences répétées du beau-père"
    prevention_rationale: str | None = None
    criminal_organisation: str | None = None


def terrorism_purpose() -> Purpose:
    return Purpose(
        category=TERRORISM,
        statement="prévenir un départ vers une zone de combat",
        objective=Objective.PREVENT,
        protected_persons=(),
        integrity_dimensions=(),
        threat_description=None,
        prevention_rationale="projet de rejoindre un groupe terroriste",
    )


def organisation_purpose() -> Purpose:
    return Purpose(
        category=ORGANISATION,
        statement="prévenir l'exploitation de mineurs par un réseau",
        objective=Objective.PREVENT,
        protected_persons=(),
        integrity_dimensions=(),
        threat_description=None,
        criminal_organisation="réseau structuré et durable de traite des êtres humains",
    )


@dataclass(frozen=True, slots=True)
class AlternativeConsidered:
    alternative: Alternative = Alternative.VOLUNTARY_AID
    why_insufficient: str | None = "la famille a rompu l'aide volontaire"


@dataclass(frozen=True, slots=True)
class Subsidiarity:
    alternatives_considered: Sequence[AlternativeConsidered] = (AlternativeConsidered(),)
    why_concertation_now: str | None = "les violences se sont aggravées ce mois-ci"


@dataclass(frozen=True, slots=True)
class Party:
    name: str | None = "M. Martin"
    organisation: str | None = AID_ORG
    function: str | None = "conseiller"
    sector: Sector | None = Sector.AID_CARE


@dataclass(frozen=True, slots=True)
class Concertation:
    concertation_type: str | None = "intrafamily_violence_chain"
    purpose: Purpose | None = Purpose()
    offence_scope: Sequence[str] = ("cp_398",)
    subsidiarity: Subsidiarity | None = Subsidiarity()
    meeting_kind: MeetingKind | None = MeetingKind.CASE_CONCERTATION
    why_person_not_present: str | None = "la présence de l'enfant l'exposerait au beau-père"
    chair: Party | None = Party()
    requester: Party | None = Party(name="Mme Peeters", function="déléguée")
    initiator_type: object | None = InitiatorType.AID_SERVICE
    scheduled_start: datetime | None = START
    scheduled_end: datetime | None = END


CONCERTATION_TYPES: tuple[str, ...] = ("intrafamily_violence_chain", "csil_r")


def concertation() -> Concertation:
    return Concertation()


@dataclass(frozen=True, slots=True)
class Participant:
    person_ref: str | None = "aid-1"
    organisation: str | None = AID_ORG
    sector: Sector | None = Sector.AID_CARE
    function: str | None = "déléguée"
    mission_statement: str | None = "accompagnement de la famille"
    bound_by_professional_secrecy: bool | None = True
    secrecy_source: SecrecySource | None = SecrecySource.ART_57_DECREE_4_MARCH_1991
    is_lawyer: bool | None = False
    under_mandate: bool | None = False
    mandating_authority: str | None = None
    person_informed_of_mandate: bool | None = None
    works_with: Sequence[str] = (PERSON_CONCERNED,)
    magistrate_function: MagistrateFunction | None = None


def participant() -> Participant:
    """An aid worker of the service the default basis authorises."""
    return Participant()


def police_officer() -> Participant:
    return Participant(
        person_ref="pol-1",
        organisation=POLICE_ORG,
        sector=Sector.POLICE,
        function="inspectrice",
        mission_statement="section jeunesse et famille",
        secrecy_source=SecrecySource.ART_458_CP,
        works_with=(),
    )


def substitute() -> Participant:
    return Participant(
        person_ref="parq-1",
        organisation=PARQUET_ORG,
        sector=Sector.PROSECUTION,
        function="Substitut ",
        mission_statement="section famille-jeunesse",
        secrecy_source=SecrecySource.ART_458_CP,
        works_with=(),
        magistrate_function=MagistrateFunction.SUBSTITUT,
    )


@dataclass(frozen=True, slots=True)
class Identity:
    kind: IdentityKind = IdentityKind.INDIVIDUAL
    family_name: str | None = "Janssens"
    given_names: str | None = "Lea"
    birth_date: date | None = date(2014, 2, 3)
    national_number: str | None = None


def identity() -> Identity:
    return Identity()


# --- Assertions ------------------------------------------------------------------------------------------------

Found = tuple[str | None, str, str | None, bool]


def v(rule: str | None, code: str, field: str | None = None, *, invalid: bool = False) -> Found:
    """The expected shape of one violation: rule, code, field and whether it blocks the write."""
    return (rule, code, field, invalid)


def found(items: Iterable[Violation | Finding]) -> list[Found]:
    """What a check returned, in order, as comparable tuples."""
    return [(x.rule, x.code, x.field, x.invalid) for x in items]
