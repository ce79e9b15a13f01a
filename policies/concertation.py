"""Rules on the concertation itself: its basis, purpose, scope, persons, participants and last-resort character.

Art. 458ter §1 C. pén.: the concertation « peut exclusivement être organisée soit en vue de protéger l'intégrité
physique et psychique de la personne ou de tiers, soit en vue de prévenir les délits visés au Titre Ier ter du
Livre II ou les délits commis dans le cadre d'une organisation criminelle, telle qu'elle est définie à l'article
324bis », on a basis that determines who may participate, the purpose and the modalities; its secrets « ne peuvent
donner lieu à la poursuite pénale que des seuls délits pour lesquels la concertation a été organisée » (§2).

Each function returns the violations it finds. `invalid=True` marks what the payload may not say at all (the write
is refused); the rest is what a draft may still lack (the compliance report says so, and scheduling is refused).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Protocol

from policies import grounds
from policies.decision import Violation
from policies.legal_basis import ART_458TER_IN_FORCE, AuthorisedParticipantFacts, BasisFacts
from policies.offences import get_offence, is_in_force
from policies.person_concerned import check_mandate_disclosed
from policies.vocab import (
    Alternative,
    AuthorisedParticipantKind,
    BasisType,
    IdentityKind,
    IntegrityDimension,
    MagistrateFunction,
    MeetingKind,
    Objective,
    ProtectedPersonRole,
    PurposeCategory,
    SecrecySource,
    Sector,
)

#: R20 — sectors whose presence makes an exchange a 458ter concertation and never shared professional secrecy.
JUDICIAL_SECTORS: frozenset[Sector] = frozenset({Sector.POLICE, Sector.PROSECUTION})


class ProtectedPersonFacts(Protocol):
    @property
    def role(self) -> ProtectedPersonRole: ...
    @property
    def reference(self) -> str: ...


class PurposeFacts(Protocol):
    @property
    def category(self) -> PurposeCategory: ...
    @property
    def statement(self) -> str | None: ...
    @property
    def objective(self) -> Objective | None: ...
    @property
    def protected_persons(self) -> Sequence[ProtectedPersonFacts]: ...
    @property
    def integrity_dimensions(self) -> Sequence[IntegrityDimension]: ...
    @property
    def threat_description(self) -> str | None: ...
    @property
    def prevention_rationale(self) -> str | None: ...
    @property
    def criminal_organisation(self) -> str | None: ...


class AlternativeFacts(Protocol):
    @property
    def alternative(self) -> Alternative: ...
    @property
    def why_insufficient(self) -> str | None: ...


class SubsidiarityFacts(Protocol):
    @property
    def alternatives_considered(self) -> Sequence[AlternativeFacts]: ...
    @property
    def why_concertation_now(self) -> str | None: ...


class PartyFacts(Protocol):
    """The chair or the requester (R23)."""

    @property
    def name(self) -> str | None: ...
    @property
    def organisation(self) -> str | None: ...
    @property
    def function(self) -> str | None: ...
    @property
    def sector(self) -> Sector | None: ...


class ConcertationFacts(Protocol):
    @property
    def concertation_type(self) -> str | None: ...
    @property
    def purpose(self) -> PurposeFacts | None: ...
    @property
    def offence_scope(self) -> Sequence[str]: ...
    @property
    def subsidiarity(self) -> SubsidiarityFacts | None: ...
    @property
    def meeting_kind(self) -> MeetingKind | None: ...
    @property
    def why_person_not_present(self) -> str | None: ...
    @property
    def chair(self) -> PartyFacts | None: ...
    @property
    def requester(self) -> PartyFacts | None: ...
    @property
    def initiator_type(self) -> object | None: ...
    @property
    def scheduled_start(self) -> datetime | None: ...
    @property
    def scheduled_end(self) -> datetime | None: ...


class ParticipantFacts(Protocol):
    """R17 — the profile of a participant."""

    @property
    def person_ref(self) -> str | None: ...
    @property
    def organisation(self) -> str | None: ...
    @property
    def sector(self) -> Sector | None: ...
    @property
    def function(self) -> str | None: ...
    @property
    def mission_statement(self) -> str | None: ...
    @property
    def bound_by_professional_secrecy(self) -> bool | None: ...
    @property
    def secrecy_source(self) -> SecrecySource | None: ...
    @property
    def is_lawyer(self) -> bool | None: ...
    @property
    def under_mandate(self) -> bool | None: ...
    @property
    def mandating_authority(self) -> str | None: ...
    @property
    def person_informed_of_mandate(self) -> bool | None: ...
    @property
    def works_with(self) -> Sequence[str]: ...
    @property
    def magistrate_function(self) -> MagistrateFunction | None: ...


class IdentityFacts(Protocol):
    """R26 — what identifies a person concerned. Only `kind` and the presence of fields are looked at."""

    @property
    def kind(self) -> IdentityKind: ...
    @property
    def family_name(self) -> str | None: ...
    @property
    def given_names(self) -> str | None: ...
    @property
    def birth_date(self) -> date | None: ...
    @property
    def national_number(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class BasisStanding:
    """The registry's facts about the basis a concertation rests on, beyond its content."""

    basis: BasisFacts
    confidential: bool
    retired: bool


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().casefold() == b.strip().casefold()


def check_basis_applies(
    c: ConcertationFacts, standing: BasisStanding | None, *, allow_prosecutor_authorisation_basis: bool
) -> list[Violation]:
    """R1, R6, R8, R9 — the concertation rests on a registered basis in force, and stays inside it.

    A retired basis or one not in force on the meeting date grounds nothing (R1); the purpose must be one the
    basis determines (R6); if the basis requires a chairing magistrate, the chair is one (R6). A deployment may
    refuse prosecutor authorisations (R8). Invitees must be able to read the basis: a confidential basis is a
    warning in `legal_minimum` and a refusal in `safeguards` (R9).
    """
    if standing is None:
        return [Violation("R1", "legal_basis_missing", grounds.ART_458TER_BASIS, "legal_basis_id")]
    basis = standing.basis
    out: list[Violation] = []
    if standing.retired:
        out.append(Violation("R1", "legal_basis_retired", grounds.ART_458TER_BASIS, "legal_basis_id", invalid=True))
    if basis.type is BasisType.PROSECUTOR_AUTHORISATION and not allow_prosecutor_authorisation_basis:
        out.append(
            Violation("R8", "basis_not_democratically_controlled", grounds.REC_SDJ, "legal_basis_id", invalid=True)
        )
    if c.scheduled_start is not None:
        day = c.scheduled_start.date()
        if day < basis.valid_from or (basis.valid_until is not None and day > basis.valid_until):
            out.append(Violation("R1", "legal_basis_not_in_force", grounds.ART_458TER_BASIS, "scheduled_start"))
    det = basis.determines
    if c.purpose is not None and det is not None and c.purpose.category not in det.purposes:
        out.append(
            Violation(
                "R6",
                "outside_basis",
                grounds.ART_458TER_DETERMINES,
                "purpose.category",
                {"category": c.purpose.category.value},
                invalid=True,
            )
        )
    modalities = det.modalities if det is not None else None
    if (
        modalities is not None
        and modalities.chairing_magistrate_required
        and (c.chair is None or c.chair.sector is not Sector.PROSECUTION)
    ):
        out.append(Violation("R6", "chairing_magistrate_required", grounds.ART_458TER_DETERMINES, "chair"))
    if standing.confidential:
        out.append(Violation("R9", "basis_not_accessible", grounds.REC_SDJ, "legal_basis_id"))
    return out


def check_concertation_type(c: ConcertationFacts, allowed: Collection[str]) -> list[Violation]:
    """R7 — the type of concertation is declared, from the deployment's list (Council of State's remark)."""
    if _blank(c.concertation_type):
        return [Violation("R7", "concertation_type_required", grounds.REC_SDJ, "concertation_type")]
    if c.concertation_type not in allowed:
        return [
            Violation(
                "R7",
                "concertation_type_unknown",
                grounds.REC_SDJ,
                "concertation_type",
                {"value": str(c.concertation_type)},
                invalid=True,
            )
        ]
    return []


def check_purpose(c: ConcertationFacts) -> list[Violation]:
    """R10, R11, R12, R13, R15 — one of the three purposes, and what each purpose requires.

    Integrity (R11, D5): the protected persons (the person concerned and/or third parties), the dimensions
    (physical, psychological) and the threat. Terrorism (R12): offences of Book II Title I ter and what future
    offence is to be prevented. Criminal organisation (R13): offences and a description of the organisation within
    art. 324bis — an isolated offence without an organisation link is not enough. In every case a statement, and a
    protective or preventive objective: gathering evidence is not a purpose of art. 458ter (R15, D12).
    """
    p = c.purpose
    if p is None:
        return [Violation("R10", "purpose_required", grounds.ART_458TER_PURPOSE, "purpose")]
    out: list[Violation] = []
    if _blank(p.statement):
        out.append(Violation("R15", "purpose_statement_required", grounds.ART_458TER_PURPOSE, "purpose.statement"))
    if p.objective is None:
        out.append(Violation("R15", "objective_required", grounds.ART_458TER_PURPOSE, "purpose.objective"))
    elif p.objective is Objective.COLLECT_EVIDENCE:
        out.append(
            Violation("R15", "purpose_not_preventive", grounds.ART_458TER_PURPOSE, "purpose.objective", invalid=True)
        )
    if p.category is PurposeCategory.PROTECT_INTEGRITY:
        for name, missing in (
            ("protected_persons", not p.protected_persons),
            ("integrity_dimensions", not p.integrity_dimensions),
            ("threat_description", _blank(p.threat_description)),
        ):
            if missing:
                out.append(
                    Violation("R11", "protected_persons_required", grounds.ART_458TER_PURPOSE, f"purpose.{name}")
                )
    elif p.category is PurposeCategory.PREVENT_TERRORIST_OFFENCES:
        if not c.offence_scope:
            out.append(Violation("R12", "offence_refs_required", grounds.ART_458TER_TITLE_I_TER, "offence_scope"))
        if _blank(p.prevention_rationale):
            out.append(
                Violation(
                    "R12",
                    "prevention_rationale_required",
                    grounds.ART_458TER_TITLE_I_TER,
                    "purpose.prevention_rationale",
                )
            )
    else:
        if not c.offence_scope:
            out.append(Violation("R13", "offence_refs_required", grounds.ART_458TER_324BIS, "offence_scope"))
        if _blank(p.criminal_organisation):
            out.append(
                Violation(
                    "R13", "no_criminal_organisation_link", grounds.ART_458TER_324BIS, "purpose.criminal_organisation"
                )
            )
    return out


#: R12, R13, R14 — which rule speaks when an offence does not serve the concertation's purpose.
_OFFENCE_RULE: dict[PurposeCategory, tuple[str, str, str]] = {
    PurposeCategory.PROTECT_INTEGRITY: ("R14", "offence_outside_purpose", grounds.ART_458TER_SCOPE),
    PurposeCategory.PREVENT_TERRORIST_OFFENCES: ("R12", "offence_ref_not_terrorist", grounds.ART_458TER_TITLE_I_TER),
    PurposeCategory.PREVENT_CRIMINAL_ORGANISATION_OFFENCES: (
        "R13",
        "offence_ref_not_criminal_organisation",
        grounds.ART_458TER_324BIS,
    ),
}


def check_offence_scope(c: ConcertationFacts, today: date) -> list[Violation]:
    """R14, R12, R13, R113 — the offences « pour lesquels la concertation a été organisée ».

    Every code is in the versioned catalogue, in force on the meeting date (or today for an undated draft), and
    fits the purpose. For the integrity purpose the list may be empty: then no prosecution use is ever granted
    (D7, R49). Duplicates are refused so that the scope digest is unambiguous.
    """
    out: list[Violation] = []
    on = c.scheduled_start.date() if c.scheduled_start is not None else today
    seen: set[str] = set()
    for i, code in enumerate(c.offence_scope):
        at = f"offence_scope[{i}]"
        if code in seen:
            out.append(
                Violation("R14", "offence_duplicated", grounds.ART_458TER_SCOPE, at, {"offence": code}, invalid=True)
            )
            continue
        seen.add(code)
        offence = get_offence(code)
        if offence is None:
            out.append(
                Violation("R14", "offence_unknown", grounds.ART_458TER_SCOPE, at, {"offence": code}, invalid=True)
            )
            continue
        if not is_in_force(offence, on):
            out.append(
                Violation(
                    "R113", "offence_not_in_force", grounds.LAW_6_JULY_2017, at, {"offence": code, "on": on.isoformat()}
                )
            )
        if c.purpose is not None and c.purpose.category not in offence.purposes:
            rule, code_name, ground = _OFFENCE_RULE[c.purpose.category]
            out.append(Violation(rule, code_name, ground, at, {"offence": code}, invalid=True))
    return out


def check_subsidiarity(c: ConcertationFacts) -> list[Violation]:
    """R55 — a concertation is an exceptional, last-resort measure.

    The coordinator lists the alternatives considered (voluntary aid, shared secrecy, a 458bis report, state of
    necessity, referral…), each with why it is insufficient, and why a concertation is needed now.
    """
    s = c.subsidiarity
    if s is None or not s.alternatives_considered:
        return [Violation("R55", "last_resort_not_justified", grounds.REC_SDJ_SUBSIDIARITY, "subsidiarity")]
    out: list[Violation] = []
    for i, alt in enumerate(s.alternatives_considered):
        if _blank(alt.why_insufficient):
            out.append(
                Violation(
                    "R55",
                    "last_resort_not_justified",
                    grounds.REC_SDJ_SUBSIDIARITY,
                    f"subsidiarity.alternatives_considered[{i}].why_insufficient",
                )
            )
    if _blank(s.why_concertation_now):
        out.append(
            Violation(
                "R55", "last_resort_not_justified", grounds.REC_SDJ_SUBSIDIARITY, "subsidiarity.why_concertation_now"
            )
        )
    return out


def check_persons_concerned(c: ConcertationFacts, person_refs: Sequence[str]) -> list[Violation]:
    """R26 — at least one person concerned; every protected person of the purpose is one of them or a third party.

    A protected person with role `person_concerned` must be one of the persons concerned of this concertation, so
    that the purpose and the persons cannot drift apart.
    """
    out: list[Violation] = []
    if not person_refs:
        out.append(Violation("R26", "person_concerned_required", grounds.CIRCULAR_PRECISION, "persons_concerned"))
    if c.purpose is not None:
        known = set(person_refs)
        for i, pp in enumerate(c.purpose.protected_persons):
            if pp.role is ProtectedPersonRole.PERSON_CONCERNED and pp.reference not in known:
                out.append(
                    Violation(
                        "R11",
                        "protected_person_unknown",
                        grounds.ART_458TER_PURPOSE,
                        f"purpose.protected_persons[{i}].reference",
                        {"reference": pp.reference},
                    )
                )
    return out


def check_identity(identity: IdentityFacts, reference: str, taken: Collection[str], field: str) -> list[Violation]:
    """R26 — a person concerned is identified unambiguously, as an individual.

    A family-level label (« famille X ») identifies nobody; an individual needs a national number, or a family
    name, given names and a birth date. The pseudonymous reference is unique in the concertation. Only the
    presence of identity fields is looked at: the identity itself stays encrypted and out of every rule's output.
    """
    out: list[Violation] = []
    if identity.kind is not IdentityKind.INDIVIDUAL:
        out.append(
            Violation(
                "R26", "person_not_identified", grounds.CIRCULAR_PRECISION, f"{field}.identity.kind", invalid=True
            )
        )
    elif _blank(identity.national_number) and (
        _blank(identity.family_name) or _blank(identity.given_names) or identity.birth_date is None
    ):
        out.append(
            Violation("R26", "person_not_identified", grounds.CIRCULAR_PRECISION, f"{field}.identity", invalid=True)
        )
    if reference in taken:
        out.append(
            Violation(
                "R26",
                "person_reference_ambiguous",
                grounds.CIRCULAR_PRECISION,
                f"{field}.reference",
                {"reference": reference},
                invalid=True,
            )
        )
    return out


def check_meeting_kind(c: ConcertationFacts) -> list[Violation]:
    """R24, D14 — case concertation (person absent) or client concertation (person present).

    In `safeguards` a case concertation states why the person is not present.
    """
    if c.meeting_kind is None:
        return [Violation("R24", "meeting_kind_required", grounds.PILOT_CO3, "meeting_kind")]
    if c.meeting_kind is MeetingKind.CASE_CONCERTATION and _blank(c.why_person_not_present):
        return [Violation("R24", "absence_not_justified", grounds.PILOT_CO3, "why_person_not_present")]
    return []


def check_chair_and_requester(c: ConcertationFacts) -> list[Violation]:
    """R23 — exactly one chair and one requester, and who took the initiative (aid service, parquet, other)."""
    out: list[Violation] = []
    for name, party in (("chair", c.chair), ("requester", c.requester)):
        if party is None or _blank(party.name) or _blank(party.organisation) or _blank(party.function):
            out.append(Violation("R23", f"{name}_required", grounds.PILOT_PVM, name))
    if c.initiator_type is None:
        out.append(Violation("R23", "initiator_required", grounds.PILOT_PVM, "initiator_type"))
    return out


def check_dates(c: ConcertationFacts) -> list[Violation]:
    """R113 — the meeting has a date, after art. 458ter entered into force, and ends after it starts."""
    if c.scheduled_start is None:
        return [Violation("R113", "date_required", grounds.LAW_6_JULY_2017, "scheduled_start")]
    out: list[Violation] = []
    if c.scheduled_start.date() < ART_458TER_IN_FORCE:
        out.append(
            Violation(
                "R113",
                "before_458ter_in_force",
                grounds.LAW_6_JULY_2017,
                "scheduled_start",
                {"in_force": ART_458TER_IN_FORCE.isoformat()},
                invalid=True,
            )
        )
    if c.scheduled_end is not None and c.scheduled_end <= c.scheduled_start:
        out.append(Violation("R113", "schedule_inverted", grounds.DESIGN, "scheduled_end", invalid=True))
    return out


def _covers(who: AuthorisedParticipantFacts, p: ParticipantFacts) -> bool:
    if who.kind is AuthorisedParticipantKind.PERSON:
        return _same(who.person_ref, p.person_ref)
    return (
        who.sector is not None
        and who.sector is p.sector
        and (_blank(who.organisation) or _same(who.organisation, p.organisation))
        and (_blank(who.function) or _same(who.function, p.function))
    )


def may_attend(basis: BasisFacts, participant: ParticipantFacts) -> bool:
    """R16 — is this participant covered by the basis (named person, or sector + organisation + function)?"""
    det = basis.determines
    return det is not None and any(_covers(who, participant) for who in det.authorised_participants)


def check_participant(
    p: ParticipantFacts, basis: BasisFacts | None, person_refs: Collection[str], field: str
) -> list[Violation]:
    """R16, R17, R18, R25 — a participant has a complete profile and is covered by the basis.

    R25: a participant under a mandate has told the person of it (a recommendation: a warning in `legal_minimum`).

    R17: organisation, sector, function, mission, whether bound by professional secrecy and by what source,
    whether a lawyer, whether under a mandate and by whom, and which persons concerned are his clients. R18: a
    professional not bound by secrecy (a teacher) is accepted; his source is then the duty of discretion. R16: only
    persons the basis names, or whose category it names, may be invited.
    """
    out: list[Violation] = []
    for name, missing in (
        ("organisation", _blank(p.organisation)),
        ("sector", p.sector is None),
        ("function", _blank(p.function)),
        ("mission_statement", _blank(p.mission_statement)),
        ("bound_by_professional_secrecy", p.bound_by_professional_secrecy is None),
        ("secrecy_source", p.secrecy_source is None),
        ("is_lawyer", p.is_lawyer is None),
        ("under_mandate", p.under_mandate is None),
    ):
        if missing:
            out.append(
                Violation(
                    "R17", "participant_profile_incomplete", grounds.REC_MEERSSEMAN, f"{field}.{name}", invalid=True
                )
            )
    bound, source = p.bound_by_professional_secrecy, p.secrecy_source
    if bound is not None and source is not None and bound == (source is SecrecySource.NONE_DUTY_OF_DISCRETION):
        out.append(
            Violation(
                "R17", "secrecy_source_inconsistent", grounds.REC_MEERSSEMAN, f"{field}.secrecy_source", invalid=True
            )
        )
    if p.under_mandate and _blank(p.mandating_authority):
        out.append(
            Violation(
                "R17",
                "participant_profile_incomplete",
                grounds.REC_NOUWYNCK,
                f"{field}.mandating_authority",
                invalid=True,
            )
        )
    out.extend(
        replace(v, field=f"{field}.{v.field}", invalid=True)
        for v in check_mandate_disclosed(p.under_mandate, p.person_informed_of_mandate)
    )
    if p.is_lawyer is False and p.sector is Sector.LAWYER:
        out.append(
            Violation("R17", "lawyer_flag_inconsistent", grounds.REC_MEERSSEMAN, f"{field}.is_lawyer", invalid=True)
        )
    if p.magistrate_function is not None and p.sector is not Sector.PROSECUTION:
        out.append(
            Violation(
                "R17",
                "magistrate_outside_prosecution",
                grounds.REC_MEERSSEMAN,
                f"{field}.magistrate_function",
                invalid=True,
            )
        )
    for ref in p.works_with:
        if ref not in person_refs:
            out.append(
                Violation(
                    "R17",
                    "works_with_unknown_person",
                    grounds.REC_MEERSSEMAN,
                    f"{field}.works_with",
                    {"reference": ref},
                    invalid=True,
                )
            )
    if basis is not None and p.sector is not None and not may_attend(basis, p):
        out.append(
            Violation(
                "R16",
                "participant_not_authorised",
                grounds.ART_458TER_DETERMINES,
                field,
                {"sector": p.sector.value},
                invalid=True,
            )
        )
    return out


def check_participants(
    participants: Sequence[ParticipantFacts], basis: BasisFacts | None, person_refs: Collection[str]
) -> list[Violation]:
    """R16, R17 — every invited participant is covered by the basis with a complete profile."""
    out: list[Violation] = []
    for i, p in enumerate(participants):
        out.extend(check_participant(p, basis, person_refs, f"participants[{i}]"))
    return out


def judicial_presence(participants: Sequence[ParticipantFacts]) -> bool:
    """R20 — police or parquet take part: the exchange is justified by art. 458ter only, never shared secrecy."""
    return any(p.sector in JUDICIAL_SECTORS for p in participants)


def check_not_shared_secrecy(claims_shared_secrecy: bool, participants: Sequence[ParticipantFacts]) -> list[Violation]:
    """R20, R67 — a concertation is never "shared professional secrecy".

    Police and the parquet pursue other missions than aid services: telling them a secret « ne reviendrait pas à
    partager le secret professionnel mais bien à le rompre ». With police or parquet present, only art. 458ter
    justifies the exchange (R20). Without them, shared secrecy is still a different regime with its own cumulative
    conditions, recorded as its own exchange and not as a concertation (R67).
    """
    if not claims_shared_secrecy:
        return []
    if judicial_presence(participants):
        return [Violation("R20", "police_parquet_not_shared_secrecy", grounds.REC_SDJ, "justification", invalid=True)]
    return [Violation("R67", "shared_secrecy_is_not_a_concertation", grounds.DESIGN, "justification", invalid=True)]
