"""Shared professional secrecy (*secret professionnel partagé*): a regime of its own (R67–R72, R74–R76, R112, D4).

Shared secrecy is not in the Penal Code. It is a « tolérance » of case law and doctrine that lets professionals
exchange what the person confided to one of them, **without** any legal basis, but only when four cumulative
conditions hold (R67): every recipient is himself bound by professional secrecy (R68) — never the police, the
parquet (R20) or school staff (R72); all share the same mission around the same person, not merely the same
function, and this is established before anything is shared (R69); the master of the secret was told what would be
shared and with whom and, in the default `consent_required` mode, agreed, item by item (R70, D4); and each item is
strictly necessary for the common mission and in the person's exclusive interest — nothing that serves control,
sanction or prosecution (R71). Consent never makes up for a failed condition (R74, D3: secrecy is of public order).

A team is a recipient only if every member, administrative staff included, is bound by secrecy and the person was
told that colleagues may exchange (R75). The hierarchy receives only for supervision or support, pseudonymised
unless there is a reason not to, and can never demand client information (R76). Relatives are never recipients of
an ad-hoc exchange: they can only take part in a client concertation prepared with the person (R112).

Whatever fails, the exchange is not shared secrecy: only a 458ter concertation (basis, purpose, authorised
participants) could justify it (R67, `not_shared_secrecy`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Protocol

from policies import grounds
from policies.concertation import JUDICIAL_SECTORS
from policies.decision import Finding, Violation
from policies.person_concerned import ConsentStatus, ExceptionReason, check_information_exception
from policies.vocab import (
    HierarchyPurpose,
    ItemPurpose,
    PartyKind,
    SecrecySource,
    Sector,
    SharedSecretConsentMode,
    SpecialisedService,
)

#: R76 — the only reasons to share with the hierarchy.
HIERARCHY_PURPOSES: frozenset[HierarchyPurpose] = frozenset({HierarchyPurpose.SUPERVISION, HierarchyPurpose.SUPPORT})


class PartyFacts(Protocol):
    """The discloser or a recipient."""

    @property
    def reference(self) -> str: ...
    @property
    def kind(self) -> PartyKind: ...
    @property
    def sector(self) -> Sector | None: ...
    @property
    def bound_by_professional_secrecy(self) -> bool | None: ...
    @property
    def secrecy_source(self) -> SecrecySource | None: ...
    @property
    def secrecy_evidence(self) -> str | None: ...
    @property
    def mission_id(self) -> str | None: ...
    @property
    def judicial_mandate(self) -> bool | None: ...
    @property
    def all_members_bound(self) -> bool | None: ...
    @property
    def specialised_service(self) -> SpecialisedService | None: ...


class ItemFacts(Protocol):
    """One item the discloser would share."""

    @property
    def reference(self) -> str: ...
    @property
    def necessity_justification(self) -> str | None: ...
    @property
    def in_interest_of_person(self) -> bool | None: ...
    @property
    def serves(self) -> ItemPurpose | None: ...
    @property
    def pseudonymised(self) -> bool | None: ...
    @property
    def indispensable_for_care(self) -> bool | None: ...


class ExceptionFacts(Protocol):
    """R30 — a motivated exception to informing the child and family, with a review date."""

    @property
    def reason(self) -> ExceptionReason | None: ...
    @property
    def motivation(self) -> str | None: ...
    @property
    def decided_by(self) -> str | None: ...
    @property
    def review_at(self) -> date | None: ...


class MasterFacts(Protocol):
    """What the master of the secret (the person concerned) was told and agreed to (R70, R75)."""

    @property
    def consent(self) -> ConsentStatus | None: ...
    @property
    def consent_recipients(self) -> Sequence[str]: ...
    @property
    def consent_items(self) -> Sequence[str]: ...
    @property
    def informed(self) -> bool | None: ...
    @property
    def team_sharing_notice_given(self) -> bool | None: ...
    @property
    def child_and_family_informed_at(self) -> datetime | None: ...
    @property
    def information_exception(self) -> ExceptionFacts | None: ...


class ExchangeFacts(Protocol):
    @property
    def discloser(self) -> PartyFacts: ...
    @property
    def recipients(self) -> Sequence[PartyFacts]: ...
    @property
    def items(self) -> Sequence[ItemFacts]: ...
    @property
    def master(self) -> MasterFacts | None: ...
    @property
    def hierarchy_purpose(self) -> HierarchyPurpose | None: ...
    @property
    def initiated_by_hierarchy(self) -> bool | None: ...
    @property
    def why_not_pseudonymised(self) -> str | None: ...
    @property
    def fwb_maltreatment_relay(self) -> bool: ...


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _bound(party: PartyFacts) -> bool:
    return (
        party.bound_by_professional_secrecy is True
        and party.secrecy_source is not None
        and party.secrecy_source is not SecrecySource.NONE_DUTY_OF_DISCRETION
    )


def check_recipients_bound(discloser: PartyFacts, recipients: Sequence[PartyFacts]) -> list[Violation]:
    """R68, R72, R20, R112 — the secret is shared only among persons bound by professional secrecy.

    School staff are not bound (R72); police and parquet pursue other missions, and an exchange with them is a
    458ter matter only (R20); relatives are never recipients of an ad-hoc exchange (R112). The evidence of each
    recipient's secrecy is stored, because case law excuses a discloser who could legitimately believe it (R68).
    """
    out: list[Violation] = []
    if discloser.sector in JUDICIAL_SECTORS:
        out.append(Violation("R20", "police_parquet_not_shared_secrecy", grounds.REC_SDJ, "discloser.sector"))
    elif discloser.sector is Sector.SCHOOL:
        out.append(
            Violation(
                "R72", "shared_secret_discloser_not_bound", grounds.NO_SHARED_SECRECY_AT_SCHOOL, "discloser.sector"
            )
        )
    elif not _bound(discloser):
        out.append(Violation("R68", "shared_secret_discloser_not_bound", grounds.SHARED_SECRECY, "discloser"))
    if not recipients:
        out.append(Violation("R67", "shared_secret_recipients_required", grounds.SHARED_SECRECY, "recipients"))
    for i, r in enumerate(recipients):
        field = f"recipients[{i}]"
        if r.kind is PartyKind.RELATIVE:
            out.append(Violation("R112", "no_exchange_with_relatives", grounds.NO_EXCHANGE_WITH_RELATIVES, field))
        elif r.sector in JUDICIAL_SECTORS:
            out.append(Violation("R20", "police_parquet_not_shared_secrecy", grounds.REC_SDJ, f"{field}.sector"))
        elif r.sector is Sector.SCHOOL:
            out.append(
                Violation(
                    "R72", "shared_secret_recipient_not_bound", grounds.NO_SHARED_SECRECY_AT_SCHOOL, f"{field}.sector"
                )
            )
        elif not _bound(r):
            out.append(
                Violation(
                    "R68",
                    "shared_secret_recipient_not_bound",
                    grounds.SHARED_SECRECY,
                    f"{field}.bound_by_professional_secrecy",
                )
            )
        elif _blank(r.secrecy_evidence):
            out.append(
                Violation(
                    "R68", "recipient_secrecy_evidence_missing", grounds.SHARED_SECRECY, f"{field}.secrecy_evidence"
                )
            )
    return out


def check_same_mission(discloser: PartyFacts, recipients: Sequence[PartyFacts]) -> list[Violation]:
    """R69 — everyone pursues the same declared mission around the same person, established beforehand.

    The same job title is not the same mission; a worker under a judicial mandate pursues another mission than an
    aid worker, whatever his function. Relatives, police and parquet are refused by R112 and R20 already.
    """
    out: list[Violation] = []
    if _blank(discloser.mission_id) or discloser.judicial_mandate is None:
        out.append(Violation("R69", "shared_secret_mission_mismatch", grounds.SHARED_SECRECY, "discloser.mission_id"))
        return out
    for i, r in enumerate(recipients):
        if r.kind is PartyKind.RELATIVE or r.sector in JUDICIAL_SECTORS:
            continue
        if r.kind is PartyKind.HIERARCHY:
            continue  # R76: the hierarchy supervises the mission; its own limits are checked there
        if _blank(r.mission_id) or r.mission_id != discloser.mission_id:
            out.append(
                Violation(
                    "R69", "shared_secret_mission_mismatch", grounds.SHARED_SECRECY, f"recipients[{i}].mission_id"
                )
            )
        elif r.judicial_mandate is not discloser.judicial_mandate or r.judicial_mandate is None:
            out.append(
                Violation(
                    "R69",
                    "shared_secret_mission_mismatch",
                    grounds.SHARED_SECRECY,
                    f"recipients[{i}].judicial_mandate",
                )
            )
    return out


def check_master_informed(
    master: MasterFacts | None,
    recipients: Collection[str],
    items: Collection[str],
    mode: SharedSecretConsentMode,
) -> list[Violation]:
    """R70, D4 — the master of the secret knows what is shared and with whom; by default he agreed to it.

    `consent_required` (default): a prior consent naming every recipient and every item. `information_only` (the
    CPAS circular's « à tout le moins »): the person was at least told that secrecy may be partly lifted within the
    team (a consent covering the exchange also informs him).
    """
    consent = master.consent if master is not None else None
    covered = (
        master is not None
        and consent is ConsentStatus.GIVEN
        and set(recipients) <= set(master.consent_recipients)
        and set(items) <= set(master.consent_items)
    )
    if mode is SharedSecretConsentMode.CONSENT_REQUIRED:
        if covered:
            return []
        if master is None or consent is not ConsentStatus.GIVEN:
            return [Violation("R70", "shared_secret_no_consent", grounds.SHARED_SECRECY, "master.consent")]
        missing = sorted(set(recipients) - set(master.consent_recipients))
        if missing:
            return [
                Violation(
                    "R70",
                    "shared_secret_no_consent",
                    grounds.SHARED_SECRECY,
                    "master.consent_recipients",
                    {"references": ",".join(missing)},
                )
            ]
        uncovered = sorted(set(items) - set(master.consent_items))
        return [
            Violation(
                "R70",
                "shared_secret_no_consent",
                grounds.SHARED_SECRECY,
                "master.consent_items",
                {"references": ",".join(uncovered)},
            )
        ]
    if covered or (master is not None and master.informed is True):
        return []
    return [Violation("R70", "shared_secret_not_informed", grounds.SHARED_SECRECY, "master.informed")]


def check_items(items: Sequence[ItemFacts]) -> list[Violation]:
    """R71 — each item is strictly necessary for the common mission and in the person's exclusive interest."""
    if not items:
        return [Violation("R71", "shared_secret_items_required", grounds.SHARED_SECRECY, "items")]
    out: list[Violation] = []
    for i, item in enumerate(items):
        field = f"items[{i}]"
        if item.serves is not ItemPurpose.CARE_OF_PERSON:
            value = item.serves.value if item.serves is not None else "unknown"
            out.append(
                Violation(
                    "R71", "shared_secret_purpose_invalid", grounds.SHARED_SECRECY, f"{field}.serves", {"serves": value}
                )
            )
        elif item.in_interest_of_person is not True:
            out.append(
                Violation(
                    "R71", "shared_secret_purpose_invalid", grounds.SHARED_SECRECY, f"{field}.in_interest_of_person"
                )
            )
        elif _blank(item.necessity_justification):
            out.append(
                Violation(
                    "R71",
                    "shared_secret_necessity_not_justified",
                    grounds.SHARED_SECRECY,
                    f"{field}.necessity_justification",
                )
            )
    return out


def check_team(recipients: Sequence[PartyFacts], master: MasterFacts | None) -> list[Violation]:
    """R75 — a team receives only if all its members (administrative staff included) are bound by secrecy, and the
    person was told that colleagues may exchange under shared secrecy."""
    out: list[Violation] = []
    teams = [(i, r) for i, r in enumerate(recipients) if r.kind is PartyKind.TEAM]
    for i, team in teams:
        if team.all_members_bound is not True:
            out.append(
                Violation("R75", "team_member_not_bound", grounds.TEAM_SHARING, f"recipients[{i}].all_members_bound")
            )
    if teams and (master is None or master.team_sharing_notice_given is not True):
        out.append(
            Violation("R75", "team_sharing_notice_missing", grounds.TEAM_SHARING, "master.team_sharing_notice_given")
        )
    return out


def check_hierarchy(e: ExchangeFacts) -> list[Violation]:
    """R76 — the hierarchy receives for supervision or support only, pseudonymised unless a reason is recorded; a
    demand of the hierarchy for client information without such a purpose is refused (it would be unlawful to
    impose it). Who took the initiative is recorded with the exchange."""
    if not any(r.kind is PartyKind.HIERARCHY for r in e.recipients):
        return []
    if e.hierarchy_purpose not in HIERARCHY_PURPOSES:
        value = e.hierarchy_purpose.value if e.hierarchy_purpose is not None else "unknown"
        return [
            Violation(
                "R76", "hierarchy_cannot_compel", grounds.HIERARCHY_SHARING, "hierarchy_purpose", {"purpose": value}
            )
        ]
    clear = [i for i, item in enumerate(e.items) if item.pseudonymised is not True]
    if clear and _blank(e.why_not_pseudonymised):
        return [
            Violation(
                "R76",
                "hierarchy_items_not_pseudonymised",
                grounds.HIERARCHY_SHARING,
                f"items[{clear[0]}].pseudonymised",
            )
        ]
    return []


def check_fwb_relay(e: ExchangeFacts, today: date) -> list[Violation]:
    """R77 — the FWB decree of 12 May 2004 (art. 3 §2): a relay of child maltreatment to a specialised service (a
    CPMS, a PSE service, an SOS Enfants team, the conseiller or another specialised service) « ne porter[a] que sur
    des informations indispensables à la prise en charge », and the child and family are informed — unless a
    motivated exception of R30, with a review date, says why not yet. It takes the place of R70's agreement."""
    out: list[Violation] = []
    for i, r in enumerate(e.recipients):
        if r.specialised_service is None:
            ground = grounds.FWB_MALTREATMENT_DECREE
            out.append(
                Violation("R77", "relay_recipient_not_specialised", ground, f"recipients[{i}].specialised_service")
            )
    for i, item in enumerate(e.items):
        if item.indispensable_for_care is not True:
            ground = grounds.FWB_MALTREATMENT_DECREE
            out.append(Violation("R77", "relay_item_not_indispensable", ground, f"items[{i}].indispensable_for_care"))
    master = e.master
    if master is not None and master.child_and_family_informed_at is not None:
        return out
    exception = master.information_exception if master is not None else None
    if exception is None:
        out.append(
            Violation(
                "R77",
                "relay_family_not_informed",
                grounds.FWB_MALTREATMENT_DECREE,
                "master.child_and_family_informed_at",
            )
        )
        return out
    for v in check_information_exception(
        exception.reason, exception.motivation, exception.decided_by, exception.review_at, today
    ):
        out.append(Violation(v.rule, v.code, v.legal_ground, f"master.information_exception.{v.field}", v.params))
    return out


def check_shared_secret_exchange(e: ExchangeFacts, mode: SharedSecretConsentMode, today: date) -> list[Violation]:
    """R67 — all four conditions, and the limits of team, hierarchy and relatives; every failure is listed. A relay
    under the FWB decree is informed as R77 says instead of agreed to (R70)."""
    master = (
        check_fwb_relay(e, today)
        if e.fwb_maltreatment_relay
        else check_master_informed(e.master, [r.reference for r in e.recipients], [i.reference for i in e.items], mode)
    )
    return [
        *check_recipients_bound(e.discloser, e.recipients),
        *check_same_mission(e.discloser, e.recipients),
        *master,
        *check_items(e.items),
        *check_team(e.recipients, e.master),
        *check_hierarchy(e),
    ]


def not_shared_secrecy(violations: Sequence[Violation | Finding]) -> Violation | None:
    """R67 — the summary refusal: the exchange is not shared secrecy; only a 458ter concertation could justify it."""
    if not violations:
        return None
    rules = ",".join(sorted({v.rule for v in violations if v.rule}))
    return Violation("R67", "not_shared_secrecy", grounds.SHARED_SECRECY, None, {"rules": rules})
