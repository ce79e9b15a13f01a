"""Rules R1–R5, R8 and R113: what makes a legal basis for a case concertation.

Art. 458ter §1 C. pén. justifies a disclosure only « dans le cadre d'une concertation organisée soit par ou en vertu
d'une loi, d'un décret ou d'une ordonnance, soit moyennant une autorisation motivée du procureur du Roi », and that
norm or authorisation must determine « au moins qui peut participer à la concertation, avec quelle finalité et selon
quelles modalités ». A basis that cannot be identified, checked or read does not justify anything.

All rules here bind in every profile: the registry refuses a basis that breaks any of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from policies import grounds
from policies.decision import Violation
from policies.vocab import (
    NON_BASES,
    AuthorisationForm,
    AuthorisedParticipantKind,
    AuthorisingMagistrate,
    BasisType,
    ImplementingActKind,
    Legislator,
    PurposeCategory,
    Sector,
)

#: R113 — art. 458ter was introduced by the law of 6 July 2017 (M.B. 24 July 2017); ordinary entry into force ten
#: days after publication. EXTERNAL: verify on Justel before release.
ART_458TER_IN_FORCE = dt.date(2017, 8, 3)

_SHA256 = re.compile(r"^[0-9a-f]{64}$")

#: R2 — which legislator adopts which kind of norm under the Belgian constitution.
_LEGISLATORS: dict[BasisType, frozenset[Legislator]] = {
    BasisType.LAW: frozenset({Legislator.FEDERAL}),
    BasisType.DECREE: frozenset({Legislator.COMMUNITY, Legislator.REGION}),
    BasisType.ORDINANCE: frozenset({Legislator.BRUSSELS_CAPITAL}),
}


class NormFacts(Protocol):
    @property
    def title(self) -> str | None: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def articles(self) -> Sequence[str]: ...
    @property
    def legislator(self) -> Legislator | None: ...
    @property
    def publication_ref(self) -> str | None: ...


class ImplementingActFacts(Protocol):
    @property
    def kind(self) -> ImplementingActKind | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def publication_ref(self) -> str | None: ...


class AuthorisationFacts(Protocol):
    @property
    def issued_by(self) -> AuthorisingMagistrate | None: ...
    @property
    def issued_by_name(self) -> str | None: ...
    @property
    def delegation_ref(self) -> str | None: ...
    @property
    def issuing_office(self) -> str | None: ...
    @property
    def issued_at(self) -> dt.date | None: ...
    @property
    def form(self) -> AuthorisationForm | None: ...
    @property
    def document_sha256(self) -> str | None: ...
    @property
    def motivation(self) -> str | None: ...


class AuthorisedParticipantFacts(Protocol):
    @property
    def kind(self) -> AuthorisedParticipantKind: ...
    @property
    def person_ref(self) -> str | None: ...
    @property
    def sector(self) -> Sector | None: ...
    @property
    def organisation(self) -> str | None: ...
    @property
    def function(self) -> str | None: ...


class ModalitiesFacts(Protocol):
    @property
    def convened_by(self) -> str | None: ...
    @property
    def chaired_by(self) -> str | None: ...
    @property
    def chairing_magistrate_required(self) -> bool: ...
    @property
    def frequency(self) -> str | None: ...
    @property
    def information_of_person(self) -> str | None: ...
    @property
    def minutes(self) -> str | None: ...


class DeterminesFacts(Protocol):
    @property
    def authorised_participants(self) -> Sequence[AuthorisedParticipantFacts]: ...
    @property
    def purposes(self) -> Sequence[PurposeCategory]: ...
    @property
    def finalite(self) -> str | None: ...
    @property
    def modalities(self) -> ModalitiesFacts | None: ...


class BasisFacts(Protocol):
    @property
    def type(self) -> BasisType: ...
    @property
    def enabling_norm(self) -> NormFacts | None: ...
    @property
    def implementing_act(self) -> ImplementingActFacts | None: ...
    @property
    def prosecutor_authorisation(self) -> AuthorisationFacts | None: ...
    @property
    def determines(self) -> DeterminesFacts | None: ...
    @property
    def valid_from(self) -> dt.date: ...
    @property
    def valid_until(self) -> dt.date | None: ...


@dataclass(frozen=True, slots=True)
class RegistrySettings:
    """Deployment settings the registry applies (decisions D9 and R4)."""

    allow_prosecutor_authorisation_basis: bool = True
    min_motivation_length: int = 50


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def unknown_basis_type(value: str) -> Violation:
    """R1, R3 — a ground that is not a law, decree, ordinance or motivated prosecutor authorisation.

    A circular, a protocol or cooperation agreement between services, an internal rule, the person's consent,
    "shared secrecy", urgency or a state of necessity justify no 458ter concertation; the CSIL example (exchanges
    resting on the Interior Minister's circular of 21 August 2015) is the typical trap.
    """
    if value in NON_BASES:
        return Violation("R3", "not_a_legal_basis", grounds.ART_458TER_BASIS, "type", {"value": value})
    return Violation("R1", "legal_basis_type_invalid", grounds.ART_458TER_BASIS, "type", {"value": value})


def check_basis_identified(basis: BasisFacts) -> list[Violation]:
    """R1, R2 — a law, decree or ordinance is identified precisely; the kind of act matches the basis type.

    The enabling norm needs its title, date, articles, legislator and Moniteur belge reference; the legislator must
    be one that adopts that kind of norm (a law is federal, a decree is adopted by a community or region, an
    ordinance by the Brussels-Capital Region). A concertation organised *under* the norm also identifies the
    implementing act, which must be a regulatory act adopted under it — never a circular (R3). A prosecutor
    authorisation carries no enabling norm and conversely.
    """
    out: list[Violation] = []
    if basis.type is BasisType.PROSECUTOR_AUTHORISATION:
        if basis.enabling_norm is not None or basis.implementing_act is not None:
            out.append(Violation("R1", "basis_kind_mismatch", grounds.ART_458TER_BASIS, "enabling_norm"))
        return out
    if basis.prosecutor_authorisation is not None:
        out.append(Violation("R1", "basis_kind_mismatch", grounds.ART_458TER_BASIS, "prosecutor_authorisation"))
    norm = basis.enabling_norm
    if norm is None:
        return [*out, Violation("R2", "basis_not_identified", grounds.DESIGN, "enabling_norm")]
    for name, missing in (
        ("title", _blank(norm.title)),
        ("date", norm.date is None),
        ("articles", not any(a.strip() for a in norm.articles)),
        ("legislator", norm.legislator is None),
        ("publication_ref", _blank(norm.publication_ref)),
    ):
        if missing:
            out.append(Violation("R2", "basis_not_identified", grounds.DESIGN, f"enabling_norm.{name}"))
    if norm.legislator is not None and norm.legislator not in _LEGISLATORS[basis.type]:
        out.append(
            Violation(
                "R2",
                "legislator_mismatch",
                grounds.DESIGN,
                "enabling_norm.legislator",
                {"type": basis.type.value, "legislator": norm.legislator.value},
            )
        )
    act = basis.implementing_act
    if act is not None:
        if act.kind is None:
            out.append(Violation("R3", "not_a_legal_basis", grounds.ART_458TER_BASIS, "implementing_act.kind"))
        for name, missing in (
            ("title", _blank(act.title)),
            ("date", act.date is None),
            ("publication_ref", _blank(act.publication_ref)),
        ):
            if missing:
                out.append(Violation("R2", "basis_not_identified", grounds.DESIGN, f"implementing_act.{name}"))
        if act.date is not None and norm.date is not None and act.date < norm.date:
            out.append(
                Violation("R1", "implementing_act_before_norm", grounds.ART_458TER_BASIS, "implementing_act.date")
            )
    return out


def check_prosecutor_authorisation(basis: BasisFacts, settings: RegistrySettings) -> list[Violation]:
    """R4, R8, D8, D9 — a prosecutor's authorisation is written, signed and motivated.

    It is signed by the procureur du Roi, or by a substitute acting in his name whose delegation is recorded (D8);
    it names the issuing office and date, is stored as a written document (SHA-256 of the file) and carries a
    motivation of a configurable minimum length. Oral and telephone authorisations are refused. A deployment may
    refuse such bases altogether because they escape democratic control (R8, D9).
    """
    if basis.type is not BasisType.PROSECUTOR_AUTHORISATION:
        return []
    if not settings.allow_prosecutor_authorisation_basis:
        return [Violation("R8", "basis_not_democratically_controlled", grounds.REC_SDJ, "type")]
    auth = basis.prosecutor_authorisation
    if auth is None:
        return [Violation("R4", "authorisation_not_motivated", grounds.ART_458TER_BASIS, "prosecutor_authorisation")]
    out: list[Violation] = []
    if auth.form is not AuthorisationForm.WRITTEN:
        out.append(Violation("R4", "authorisation_not_written", grounds.DESIGN, "prosecutor_authorisation.form"))
    if auth.document_sha256 is None or not _SHA256.match(auth.document_sha256):
        out.append(
            Violation("R4", "authorisation_not_written", grounds.DESIGN, "prosecutor_authorisation.document_sha256")
        )
    motivation = (auth.motivation or "").strip()
    if len(motivation) < settings.min_motivation_length:
        out.append(
            Violation(
                "R4",
                "authorisation_not_motivated",
                grounds.ART_458TER_BASIS,
                "prosecutor_authorisation.motivation",
                {"minimum": str(settings.min_motivation_length)},
            )
        )
    if auth.issued_by is None:
        out.append(
            Violation(
                "R4", "authorisation_signatory_invalid", grounds.ART_458TER_BASIS, "prosecutor_authorisation.issued_by"
            )
        )
    elif auth.issued_by is AuthorisingMagistrate.SUBSTITUT and _blank(auth.delegation_ref):
        out.append(
            Violation(
                "R4",
                "substitute_delegation_missing",
                grounds.ART_458TER_BASIS,
                "prosecutor_authorisation.delegation_ref",
            )
        )
    for name, missing in (
        ("issued_by_name", _blank(auth.issued_by_name)),
        ("issuing_office", _blank(auth.issuing_office)),
        ("issued_at", auth.issued_at is None),
    ):
        if missing:
            out.append(
                Violation(
                    "R4", "authorisation_incomplete", grounds.ART_458TER_BASIS, f"prosecutor_authorisation.{name}"
                )
            )
    return out


def check_basis_determines(basis: BasisFacts) -> list[Violation]:
    """R5 — the basis determines at least who may participate, the purpose and the modalities.

    Who: at least one named person or category (a category names a sector, and an organisation or a function).
    Purpose: at least one of the three purposes of art. 458ter and a statement of the finality. Modalities: who
    convenes, who chairs, how often, how the person concerned is informed, and how minutes are kept.
    """
    det = basis.determines
    if det is None:
        return [Violation("R5", "basis_incomplete", grounds.ART_458TER_DETERMINES, "determines")]
    out: list[Violation] = []
    if not det.authorised_participants:
        out.append(
            Violation("R5", "basis_incomplete", grounds.ART_458TER_DETERMINES, "determines.authorised_participants")
        )
    for i, who in enumerate(det.authorised_participants):
        at = f"determines.authorised_participants[{i}]"
        if who.kind is AuthorisedParticipantKind.PERSON and _blank(who.person_ref):
            out.append(Violation("R5", "authorised_participant_unclear", grounds.ART_458TER_DETERMINES, at))
        if who.kind is AuthorisedParticipantKind.CATEGORY and (
            who.sector is None or (_blank(who.organisation) and _blank(who.function))
        ):
            out.append(Violation("R5", "authorised_participant_unclear", grounds.ART_458TER_DETERMINES, at))
    if not det.purposes:
        out.append(Violation("R5", "basis_incomplete", grounds.ART_458TER_DETERMINES, "determines.purposes"))
    if _blank(det.finalite):
        out.append(Violation("R5", "basis_incomplete", grounds.ART_458TER_DETERMINES, "determines.finalite"))
    mod = det.modalities
    if mod is None:
        out.append(Violation("R5", "basis_incomplete", grounds.ART_458TER_DETERMINES, "determines.modalities"))
    else:
        for name, value in (
            ("convened_by", mod.convened_by),
            ("chaired_by", mod.chaired_by),
            ("frequency", mod.frequency),
            ("information_of_person", mod.information_of_person),
            ("minutes", mod.minutes),
        ):
            if _blank(value):
                out.append(
                    Violation("R5", "basis_incomplete", grounds.ART_458TER_DETERMINES, f"determines.modalities.{name}")
                )
    return out


def check_validity_period(basis: BasisFacts) -> list[Violation]:
    """R113 — a basis applies over a period that ends after it starts.

    The norm itself may be older than art. 458ter (a 1991 decree can organise concertations); what may not predate
    the article is the concertation that claims its justification, which `concertation.check_dates` checks.
    """
    if basis.valid_until is not None and basis.valid_until < basis.valid_from:
        return [Violation("R113", "validity_period_invalid", grounds.LAW_6_JULY_2017, "valid_until")]
    return []


def check_legal_basis(basis: BasisFacts, settings: RegistrySettings) -> list[Violation]:
    """Everything the registry checks before it records a basis (R1–R5, R8, R113)."""
    return [
        *check_basis_identified(basis),
        *check_prosecutor_authorisation(basis, settings),
        *check_basis_determines(basis),
        *check_validity_period(basis),
    ]
