"""Wire schemas of the reference data and of the deployment's policy."""

from __future__ import annotations

from datetime import date

from sqlmodel import SQLModel

from policies.vocab import Profile, PurposeCategory, Severity


class PurposePublic(SQLModel):
    code: PurposeCategory
    rule: str
    title_fr: str
    title_nl: str
    title_en: str
    requires: list[str]


class OffencePublic(SQLModel):
    code: str
    article: str
    title_fr: str
    title_nl: str
    title_en: str
    purposes: list[PurposeCategory]
    valid_from: date
    valid_until: date | None
    in_force: bool
    to_verify: bool
    note: str


class OffenceCatalogue(SQLModel):
    version: str
    status: str
    items: list[OffencePublic]


class ListedOffencePublic(SQLModel):
    """R101 — an offence art. 458bis lists, with its entry in the offence catalogue."""

    code: str
    listed_as: str
    article: str
    title_fr: str
    title_nl: str
    title_en: str
    in_force: bool
    to_verify: bool
    note: str


class Art458bisOffenceList(SQLModel):
    version: str
    status: str
    items: list[ListedOffencePublic]


class ProfilePublic(SQLModel):
    name: Profile
    rules: dict[str, Severity]
    default_severity: Severity


class PolicyPublic(SQLModel):
    default_profile: Profile
    profiles: list[ProfilePublic]
    allow_prosecutor_authorisation_basis: bool
    min_authorisation_motivation_length: int
    default_retention_days: int
    concertation_types: list[str]
    consent_lifts_secrecy: bool
    shared_secret_consent_mode: str
    downstream_use_policy: str
    necessity_threshold: str
    offence_catalogue_version: str
