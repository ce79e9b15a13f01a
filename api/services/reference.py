"""Reference data (R10, R113) and the deployment's decisions (decisions.md), read-only."""

from __future__ import annotations

from datetime import date

from api.settings import Settings
from models.reference import (
    Art458bisOffenceList,
    ListedOffencePublic,
    OffenceCatalogue,
    OffencePublic,
    PolicyPublic,
    ProfilePublic,
    PurposePublic,
)
from policies import art_458bis
from policies.offences import CATALOGUE_STATUS, CATALOGUE_VERSION, OFFENCES, get_offence, is_in_force
from policies.profiles import PROFILES
from policies.vocab import PurposeCategory, Severity

_PURPOSES = (
    PurposePublic(
        code=PurposeCategory.PROTECT_INTEGRITY,
        rule="R11",
        title_fr="Protéger l'intégrité physique et psychique de la personne ou de tiers",
        title_nl="De fysieke en psychische integriteit van de persoon of van derden beschermen",
        title_en="Protect the physical and psychological integrity of the person or of third parties",
        requires=["purpose.protected_persons", "purpose.integrity_dimensions", "purpose.threat_description"],
    ),
    PurposePublic(
        code=PurposeCategory.PREVENT_TERRORIST_OFFENCES,
        rule="R12",
        title_fr="Prévenir les délits visés au Titre Ier ter du Livre II du Code pénal",
        title_nl="De misdrijven bedoeld in Titel Iter van Boek II van het Strafwetboek voorkomen",
        title_en="Prevent the offences of Book II, Title I ter of the Penal Code (terrorist offences)",
        requires=["offence_scope", "purpose.prevention_rationale"],
    ),
    PurposePublic(
        code=PurposeCategory.PREVENT_CRIMINAL_ORGANISATION_OFFENCES,
        rule="R13",
        title_fr="Prévenir les délits commis dans le cadre d'une organisation criminelle (art. 324bis C. pén.)",
        title_nl="Misdrijven gepleegd in het kader van een criminele organisatie voorkomen (art. 324bis Sw.)",
        title_en="Prevent offences committed within a criminal organisation (art. 324bis Penal Code)",
        requires=["offence_scope", "purpose.criminal_organisation"],
    ),
)


def purposes() -> list[PurposePublic]:
    return list(_PURPOSES)


def offences(today: date) -> OffenceCatalogue:
    return OffenceCatalogue(
        version=CATALOGUE_VERSION,
        status=CATALOGUE_STATUS,
        items=[
            OffencePublic(
                code=o.code,
                article=o.article,
                title_fr=o.title_fr,
                title_nl=o.title_nl,
                title_en=o.title_en,
                purposes=sorted(o.purposes),
                valid_from=o.valid_from,
                valid_until=o.valid_until,
                in_force=is_in_force(o, today),
                to_verify=o.to_verify,
                note=o.note,
            )
            for o in OFFENCES
        ],
    )


def art_458bis_offences(today: date) -> Art458bisOffenceList:
    """R101 — the offences art. 458bis lists, as the offence catalogue holds them (reference data to verify)."""
    items = []
    for listed in art_458bis.LISTED_OFFENCES:
        offence = get_offence(listed.code)
        assert offence is not None  # noqa: S101 - tests/policies check every listed code is catalogued
        items.append(
            ListedOffencePublic(
                code=listed.code,
                listed_as=listed.listed_as,
                article=offence.article,
                title_fr=offence.title_fr,
                title_nl=offence.title_nl,
                title_en=offence.title_en,
                in_force=is_in_force(offence, today),
                to_verify=listed.to_verify,
                note=listed.note,
            )
        )
    return Art458bisOffenceList(version=art_458bis.LIST_VERSION, status=art_458bis.LIST_STATUS, items=items)


def policy(settings: Settings) -> PolicyPublic:
    return PolicyPublic(
        default_profile=settings.default_profile,
        profiles=[
            ProfilePublic(name=name, rules=dict(rules), default_severity=Severity.FAIL)
            for name, rules in PROFILES.items()
        ],
        allow_prosecutor_authorisation_basis=settings.allow_prosecutor_authorisation_basis,
        min_authorisation_motivation_length=settings.min_authorisation_motivation_length,
        default_retention_days=settings.default_retention_days,
        concertation_types=list(settings.concertation_types),
        consent_lifts_secrecy=settings.consent_lifts_secrecy,
        shared_secret_consent_mode=settings.shared_secret_consent_mode,
        downstream_use_policy=settings.downstream_use_policy,
        necessity_threshold=settings.necessity_threshold,
        offence_catalogue_version=CATALOGUE_VERSION,
    )
