"""The other regimes of disclosure, beside concertations: shared professional secrecy exchanges (R67–R76), art.
458bis reports (R101–R103) and state-of-necessity records (R99, R100), and the routing question (R73).

The three records share one table, `disclosure_record`: what the rules look at (booleans, closed vocabularies,
pseudonymous references) is stored as `facts` in the clear, so that a record can be re-checked and audited; every
free text (what was shared, justifications, the evidence of a recipient's secrecy, descriptions of the danger, the
follow-up plan) is sealed under the record's own data key (`disclosure_key`, SPEC §6), never stored in clear. The
API keeps them three distinct resources with their own paths and schemas; none of them is a concertation.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, Index, LargeBinary
from sqlmodel import Field, SQLModel

from models.common import Instant, OffenceCode, Reference, Str200, Str300, Text2k, Text5k, UTCDateTime, Wire
from models.concertation import CheckPublic
from policies.person_concerned import ConsentStatus, ExceptionReason
from policies.vocab import (
    ConsultedKind,
    DangerTime,
    FactualBasisKind,
    HierarchyPurpose,
    InterestWeighing,
    InvokedGround,
    ItemPurpose,
    MagistrateFunction,
    PartyKind,
    PurposeCategory,
    Regime,
    ReportRecipient,
    Routing,
    SecrecySource,
    Sector,
    SharedSecretConsentMode,
    SpecialisedService,
    Vulnerability,
)

MAX_RECIPIENTS = 50
MAX_ITEMS = 100


class RecordStatus(StrEnum):
    """R103 — a 458bis report or a necessity record stays open until its follow-up is recorded."""

    RECORDED = "recorded"  # a shared-secrecy exchange: done once recorded
    FOLLOW_UP_OPEN = "follow_up_open"
    CLOSED = "closed"


class FollowUpOutcome(StrEnum):
    """R103 — reporting does not end the duty to help: the support goes on, or is handed over."""

    SUPPORT_CONTINUES = "support_continues"
    HANDED_OVER = "handed_over"


# ----------------------------------------------------------------------------------------------- the parties


class Discloser(Wire):
    """The professional who would reveal the secret."""

    reference: Reference
    sector: Sector
    organisation: Str200 | None = None
    function: Str200 | None = None
    bound_by_professional_secrecy: bool | None = None
    secrecy_source: SecrecySource | None = None
    mission_id: Reference | None = PField(default=None, description="R69: the common mission around the person")
    judicial_mandate: bool | None = PField(default=None, description="R69: works under a judicial mandate")
    is_lawyer: bool = PField(default=False, description="R21, art. 458quater")
    information_from_own_client: bool | None = PField(
        default=None, description="R21: a lawyer's information from his own client, which may incriminate him"
    )
    suspected: bool = PField(default=False, description="R111: himself a suspect in an investigation")

    @property
    def kind(self) -> PartyKind:
        return PartyKind.PROFESSIONAL

    @property
    def secrecy_evidence(self) -> str | None:
        return None

    @property
    def all_members_bound(self) -> bool | None:
        return None

    @property
    def specialised_service(self) -> SpecialisedService | None:
        return None


class Recipient(Wire):
    """Someone a secret would go to: a professional, a team (R75), the hierarchy (R76), a relative (R112)."""

    reference: Reference
    kind: PartyKind = PartyKind.PROFESSIONAL
    sector: Sector | None = None
    organisation: Str200 | None = None
    function: Str200 | None = None
    bound_by_professional_secrecy: bool | None = None
    secrecy_source: SecrecySource | None = None
    secrecy_evidence: Text2k | None = PField(
        default=None, description="R68: why the discloser may believe the recipient is bound (declaration, law)"
    )
    mission_id: Reference | None = None
    judicial_mandate: bool | None = None
    all_members_bound: bool | None = PField(default=None, description="R75: a team whose every member is bound")
    magistrate_function: MagistrateFunction | None = None
    specialised_service: SpecialisedService | None = PField(
        default=None, description="R77: the specialised service a child-maltreatment relay goes to"
    )


class ItemAssessment(Wire):
    """R71 — one item the discloser would share, as the conditions see it."""

    reference: Reference
    necessity_justification: Text2k | None = None
    in_interest_of_person: bool | None = None
    serves: ItemPurpose | None = None
    pseudonymised: bool | None = None
    indispensable_for_care: bool | None = PField(default=None, description="R77: a relay's item is indispensable")


class SharedItem(ItemAssessment):
    """An item actually shared: its content is sealed."""

    content: Text5k


class RelayInformationException(Wire):
    """R30, R77 — why the child and family are not informed yet: their safety or interest, with a review date."""

    reason: ExceptionReason | None = None
    motivation: Text2k | None = None
    decided_by: Str200 | None = None
    review_at: dt.date | None = None


class Master(Wire):
    """R70, R75 — what the master of the secret (the person concerned) was told and agreed to."""

    consent: ConsentStatus | None = None
    consent_recipients: Annotated[list[Reference], PField(max_length=MAX_RECIPIENTS)] = []
    consent_items: Annotated[list[Reference], PField(max_length=MAX_ITEMS)] = []
    consent_given_at: Instant | None = None
    informed: bool | None = None
    informed_at: Instant | None = None
    team_sharing_notice_given: bool | None = None
    child_and_family_informed_at: Instant | None = PField(default=None, description="R77: a relay's information")
    information_exception: RelayInformationException | None = None


class Victim(Wire):
    """R101 — a minor, or a person vulnerable by age, pregnancy, partner violence, illness, infirmity, deficiency."""

    is_minor: bool | None = None
    vulnerabilities: Annotated[list[Vulnerability], PField(max_length=6)] = []


class Danger(Wire):
    """R99, R101 — the danger, as the state of necessity and art. 458bis describe it."""

    description: Text5k | None = None
    grave: bool | None = None
    imminent: bool | None = None
    harm_to_another: bool | None = None
    time: DangerTime | None = None
    grave_and_imminent_danger_to_victim: bool | None = None
    serious_danger_to_other_victims: bool | None = None
    unable_to_protect_alone_or_with_third_parties: bool | None = None


class FactualBasis(Wire):
    """R102 — what a report rests on: observed facts, dates, sources; not a worry or a rumour."""

    kinds: Annotated[list[FactualBasisKind], PField(min_length=1, max_length=5)]
    description: Text5k | None = None
    observed_on: dt.date | None = None


class Weighing(Wire):
    """R99 — the value protected, weighed against secrecy (D17)."""

    interest_protected: Text2k | None = None
    weighing: InterestWeighing | None = None


class Subsidiarity(Wire):
    """R99 — no other way to avert the danger; the alternatives tried."""

    no_other_means: bool | None = None
    alternatives_tried: Annotated[list[Str300], PField(max_length=20)] = []


class Proportionality(Wire):
    """R99 — only what averts the danger is disclosed."""

    disclosure_limited_to_averting: bool | None = None
    disclosed: Text5k | None = PField(default=None, description="What was (or will be) disclosed; sealed")
    disclosed_to: Str300 | None = PField(default=None, description="To whom, by function; sealed")


# ---------------------------------------------------------------------------------------------- the requests


class _ExchangeFields(Wire):
    discloser: Discloser
    recipients: Annotated[list[Recipient], PField(min_length=1, max_length=MAX_RECIPIENTS)]
    master: Master | None = None
    hierarchy_purpose: HierarchyPurpose | None = None
    initiated_by_hierarchy: bool | None = PField(default=None, description="R76: the hierarchy asked for it")
    why_not_pseudonymised: Text2k | None = None
    fwb_maltreatment_relay: bool = PField(
        default=False,
        description="R77: a relay of child maltreatment to a specialised service under the FWB decree of 12 May 2004",
    )


class ClassifyRequest(_ExchangeFields):
    """The facts of a contemplated exchange. Nothing of it is stored (only the audit event, by ids and codes)."""

    items: Annotated[list[ItemAssessment], PField(max_length=MAX_ITEMS)] = []
    discloser_is_person_concerned: bool = PField(default=False, description="R35: the master of the secret himself")
    purpose_category: PurposeCategory | None = PField(default=None, description="R10: for a 458ter concertation")
    offence: OffenceCode | None = PField(default=None, description="R101: for an art. 458bis report")
    recipient_of_report: ReportRecipient | None = None
    victim: Victim | None = None
    danger: Danger | None = None
    factual_basis: FactualBasis | None = None
    weighing: Weighing | None = None
    subsidiarity: Subsidiarity | None = None
    proportionality: Proportionality | None = None
    consulted: Annotated[list[ConsultedKind], PField(max_length=10)] = []
    person_spoken_to: bool | None = None
    why_person_not_spoken_to: Text2k | None = None
    invoked_ground: InvokedGround = InvokedGround.NONE


class SharedSecretExchangeCreate(_ExchangeFields):
    """R67 — an exchange under shared professional secrecy, checked before anything of it is stored."""

    person_ref: Reference
    items: Annotated[list[SharedItem], PField(min_length=1, max_length=MAX_ITEMS)]


class Art458bisReportCreate(Wire):
    """R101–R103 — a report to the procureur du Roi under art. 458bis."""

    person_ref: Reference = PField(description="The victim, by a pseudonymous reference")
    discloser: Discloser
    offence: OffenceCode
    victim: Victim
    danger: Danger
    recipient: ReportRecipient
    judicial_district: Str200 | None = None
    factual_basis: FactualBasis
    follow_up_plan: Text5k | None = PField(default=None, description="R103: continue support or hand over; sealed")


class NecessityRecordCreate(Wire):
    """R99, R100, R103 — a disclosure under the state of necessity, every condition recorded."""

    person_ref: Reference
    discloser: Discloser
    danger: Danger
    weighing: Weighing
    subsidiarity: Subsidiarity
    proportionality: Proportionality
    consulted: Annotated[list[ConsultedKind], PField(max_length=10)] = []
    person_spoken_to: bool | None = None
    why_person_not_spoken_to: Text2k | None = None
    assessed_by: Str200 | None = PField(default=None, description="Who assessed it (name or function); sealed")
    assessed_at: Instant | None = None
    follow_up_plan: Text5k | None = None
    invoked_ground: InvokedGround = InvokedGround.NONE


class FollowUpCreate(Wire):
    """R103 — what became of the duty to help after the disclosure."""

    outcome: FollowUpOutcome
    note: Text2k
    handed_over_to: Str300 | None = PField(default=None, description="Required when handed over (by function)")
    close: bool = PField(default=False, description="Close the record; only once handed over or explicitly")


# --------------------------------------------------------------------------------------------- the responses


class RegimePublic(SQLModel):
    regime: Regime
    open: bool
    conditions: list[CheckPublic]
    bases: list[uuid.UUID] = PField(description="458ter: the registered bases that fit the exchange")
    record_at: str | None = PField(description="Where to record an exchange under this regime, when it is open")


class ClassificationPublic(SQLModel):
    routing: Routing = PField(description="R73: shared_secrecy, requires_458ter, not_allowed (or not_restricted, R35)")
    open_regimes: list[Regime]
    regimes: list[RegimePublic]
    guidance: list[CheckPublic] = PField(description="R74, R104, R105, R111: said whatever the regime")
    art_422bis_guidance: str = PField(description="R104: guidance only; the service derives no step from it")
    consent_mode: SharedSecretConsentMode
    offence_list_version: str
    evaluated_at: Instant


class FollowUpPublic(SQLModel):
    outcome: FollowUpOutcome
    note: str
    handed_over_to: str | None
    recorded_at: Instant
    recorded_by: str


class _RecordPublic(SQLModel):
    id: uuid.UUID
    regime: Regime
    status: RecordStatus
    person_ref: str
    conditions: list[CheckPublic]
    created_at: Instant
    created_by: str
    version: int


class SharedSecretExchangePublic(_RecordPublic):
    discloser: Discloser
    recipients: list[Recipient]
    items: list[SharedItem]
    master: Master | None
    hierarchy_purpose: HierarchyPurpose | None
    initiated_by_hierarchy: bool | None
    why_not_pseudonymised: str | None
    consent_mode: SharedSecretConsentMode


class Art458bisReportPublic(_RecordPublic):
    discloser: Discloser
    offence: str
    offence_list_version: str
    victim: Victim
    danger: Danger
    recipient: ReportRecipient
    judicial_district: str | None
    factual_basis: FactualBasis
    follow_up_plan: str | None
    follow_ups: list[FollowUpPublic]
    art_422bis_guidance: str


class NecessityRecordPublic(_RecordPublic):
    discloser: Discloser
    danger: Danger
    weighing: Weighing
    subsidiarity: Subsidiarity
    proportionality: Proportionality
    consulted: list[ConsultedKind]
    person_spoken_to: bool | None
    why_person_not_spoken_to: str | None
    assessed_by: str | None
    assessed_at: Instant | None
    follow_up_plan: str | None
    invoked_ground: InvokedGround
    follow_ups: list[FollowUpPublic]
    threshold: str
    art_422bis_guidance: str


class DisclosureMetadata(SQLModel):
    """R45, R107 — what a partner system of the discloser's organisation may know: status metadata only."""

    id: uuid.UUID
    regime: Regime
    status: RecordStatus
    created_at: Instant
    updated_at: Instant


class DisclosureSummary(SQLModel):
    """A list item: no person, no free text."""

    id: uuid.UUID
    regime: Regime
    status: RecordStatus
    created_at: Instant
    updated_at: Instant
    version: int


class DisclosurePage(SQLModel):
    items: list[DisclosureSummary | DisclosureMetadata]
    next_cursor: str | None


# ------------------------------------------------------------------------------------------------- the tables


class DisclosureRecord(SQLModel, table=True):
    __tablename__ = "disclosure_record"
    __table_args__ = (Index("ix_disclosure_record_org_regime_created", "org", "regime", "created_at", "id"),)

    id: uuid.UUID = Field(primary_key=True)
    regime: str = Field(max_length=32)
    org: str = Field(max_length=200)
    status: str = Field(max_length=32)
    person_ref: str = Field(max_length=64)
    #: What the rules look at, in the clear: booleans, closed vocabularies and pseudonymous references only.
    facts: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    #: Every free text of the record, sealed under its own data key (SPEC §6).
    texts_ciphertext: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    created_by: str = Field(max_length=300)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)
    version: int = 1


class DisclosureKey(SQLModel, table=True):
    """SPEC §6 — a disclosure record's own data key, stored only wrapped by a key-encryption key."""

    __tablename__ = "disclosure_key"

    record_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("disclosure_record.id", ondelete="CASCADE"), primary_key=True)
    )
    version: int = Field(default=1, primary_key=True)
    kek_id: str = Field(max_length=64)
    wrapped_dek: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
