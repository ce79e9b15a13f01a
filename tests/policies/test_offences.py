"""The offence catalogue (R12–R14, R49, R113): its invariants, look-ups, purposes and validity dates."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from policies.offences import (
    CATALOGUE_STATUS,
    CATALOGUE_VERSION,
    OFFENCES,
    Offence,
    check_catalogue,
    get_offence,
    is_in_force,
    offences_for,
)
from policies.vocab import PurposeCategory

INTEGRITY = PurposeCategory.PROTECT_INTEGRITY
TERRORISM = PurposeCategory.PREVENT_TERRORIST_OFFENCES
ORGANISATION = PurposeCategory.PREVENT_CRIMINAL_ORGANISATION_OFFENCES

TODAY = date(2026, 11, 22)
BEFORE_2022_REFORM = date(2022, 5, 31)
REFORM_2022 = date(2022, 6, 1)
AFTER_2022_REFORM = date(2023, 1, 1)

#: Book II, Title I ter (arts. 137–141ter): the only offences a terrorism concertation may name (R12).
TITLE_I_TER = {
    "cp_137",
    "cp_140",
    "cp_140bis",
    "cp_140ter",
    "cp_140quater",
    "cp_140quinquies",
    "cp_140sexies",
    "cp_140septies",
    "cp_141",
}
#: Art. 324ter §§1–4 and the integrity offences that are typically organised (R13).
ORGANISATION_CODES = {
    "cp_324ter_par1",
    "cp_324ter_par2",
    "cp_324ter_par3",
    "cp_324ter_par4",
    "cp_380",
    "cp_433quinquies",
}
#: Art. 458bis list as printed in R101, at the granularity of this catalogue.
ART_458BIS_CODES = {
    "cp_371_1",
    "cp_372",
    "cp_373",
    "cp_375",
    "cp_376",
    "cp_377",
    "cp_377quater",
    "cp_379",
    "cp_380",
    "cp_383bis",
    "cp_393",
    "cp_394",
    "cp_397",
    "cp_398",
    "cp_399",
    "cp_400",
    "cp_401",
    "cp_402_to_405",
    "cp_405bis",
    "cp_405ter",
    "cp_409",
    "cp_423",
    "cp_425_to_426",
    "cp_433quinquies",
}
#: Pre-2022 sexual offences and the article that replaced them on 1 June 2022.
SUCCESSORS_2022 = [("cp_373", "cp_417_7"), ("cp_371_1", "cp_417_8"), ("cp_375", "cp_417_11")]

CODE_RE = re.compile(r"^cp_[0-9a-z_]+$")
IDS = [o.code for o in OFFENCES]


def codes(offences: tuple[Offence, ...]) -> set[str]:
    return {o.code for o in offences}


def make(**overrides: object) -> Offence:
    fields: dict[str, object] = {
        "code": "cp_999",
        "article": "art. 999 C. pén.",
        "title_fr": "Infraction d'essai",
        "title_nl": "Testmisdrijf",
        "title_en": "Test offence",
        "purposes": frozenset({INTEGRITY}),
        "valid_from": date(2000, 1, 1),
        "valid_until": None,
        "to_verify": True,
    }
    fields.update(overrides)
    return Offence(**fields)  # type: ignore[arg-type]


# --- catalogue-wide invariants -------------------------------------------------------------------------------------


def test_catalogue_metadata() -> None:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}\.\d+", CATALOGUE_VERSION)
    assert "Justel" in CATALOGUE_STATUS
    assert "EXTERNAL" in CATALOGUE_STATUS


def test_codes_are_unique() -> None:
    assert len(IDS) == len(set(IDS))


@pytest.mark.parametrize("offence", OFFENCES, ids=IDS)
def test_entry_is_well_formed(offence: Offence) -> None:
    assert CODE_RE.fullmatch(offence.code)
    assert offence.article.endswith("C. pén.")
    for title in (offence.title_fr, offence.title_nl, offence.title_en):
        assert title.strip()
        assert len(title) <= 120
    assert offence.purposes
    assert offence.purposes <= set(PurposeCategory)
    assert offence.valid_until is None or offence.valid_until > offence.valid_from
    assert offence.to_verify is True


@pytest.mark.parametrize("offence", OFFENCES, ids=IDS)
def test_terrorist_offences_serve_terrorism_only(offence: Offence) -> None:
    """R12: a Title I ter offence serves only the terrorism purpose, and only those serve it."""
    if offence.code in TITLE_I_TER:
        assert offence.purposes == {TERRORISM}
    else:
        assert TERRORISM not in offence.purposes


def test_definitions_are_not_offences() -> None:
    for code in ("cp_139", "cp_324bis", "cp_392", "cp_417_5"):
        assert get_offence(code) is None


def test_458bis_list_is_catalogued_for_the_integrity_purpose() -> None:
    for code in ART_458BIS_CODES:
        offence = get_offence(code)
        assert offence is not None, code
        assert INTEGRITY in offence.purposes


@pytest.mark.parametrize(("old", "new"), SUCCESSORS_2022, ids=[f"{o}->{n}" for o, n in SUCCESSORS_2022])
def test_2022_successor_starts_when_predecessor_ends(old: str, new: str) -> None:
    before, after = get_offence(old), get_offence(new)
    assert before is not None and after is not None
    assert before.valid_until == after.valid_from == REFORM_2022
    assert before.purposes == after.purposes


def test_every_repealed_entry_ended_with_the_2022_reform() -> None:
    ended = [o for o in OFFENCES if o.valid_until is not None]
    assert ended
    assert all(o.valid_until == REFORM_2022 for o in ended)


def test_offence_is_immutable() -> None:
    offence = OFFENCES[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        offence.code = "cp_1"  # type: ignore[misc]


# --- construction refuses a malformed entry -------------------------------------------------------------------------

BAD_ENTRIES = [
    ("uppercase_code", {"code": "CP_398"}, "does not match"),
    ("missing_prefix", {"code": "398"}, "does not match"),
    ("slash_in_code", {"code": "cp_417/11"}, "does not match"),
    ("empty_article", {"article": "  "}, "article is empty"),
    ("empty_title_fr", {"title_fr": ""}, "title_fr is empty"),
    ("blank_title_nl", {"title_nl": "   "}, "title_nl is empty"),
    ("empty_title_en", {"title_en": ""}, "title_en is empty"),
    ("title_too_long", {"title_en": "x" * 121}, "longer than 120"),
    ("no_purpose", {"purposes": frozenset()}, "serves no purpose"),
    ("purpose_not_enum", {"purposes": frozenset({"tax_fraud"})}, "PurposeCategory"),
    ("ends_when_it_starts", {"valid_until": date(2000, 1, 1)}, "valid_until"),
    ("ends_before_it_starts", {"valid_until": date(1999, 12, 31)}, "valid_until"),
]


@pytest.mark.parametrize(("overrides", "message"), [b[1:] for b in BAD_ENTRIES], ids=[b[0] for b in BAD_ENTRIES])
def test_malformed_entry_is_refused(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make(**overrides)


def test_well_formed_entry_is_accepted() -> None:
    offence = make(title_en="x" * 120, valid_until=date(2000, 1, 2))
    assert offence.note == ""


def test_duplicate_code_makes_the_catalogue_unusable() -> None:
    with pytest.raises(ValueError, match="appears twice"):
        check_catalogue([make(), make(title_en="Other")])


def test_check_catalogue_indexes_by_code() -> None:
    index = check_catalogue(OFFENCES)
    assert list(index) == IDS


# --- get_offence ---------------------------------------------------------------------------------------------------

LOOKUPS = [
    ("terrorist_participation", "cp_140", "art. 140 C. pén."),
    ("organisation_leader", "cp_324ter_par4", "art. 324ter §4 C. pén."),
    ("rape_2022", "cp_417_11", "art. 417/11 C. pén."),
    ("assault", "cp_398", "art. 398 C. pén."),
    ("unknown_article", "cp_999", None),
    ("wrong_case", "CP_140", None),
    ("surrounding_space", " cp_140", None),
    ("empty", "", None),
    ("article_not_code", "art. 140 C. pén.", None),
]


@pytest.mark.parametrize(("code", "article"), [lk[1:] for lk in LOOKUPS], ids=[lk[0] for lk in LOOKUPS])
def test_get_offence(code: str, article: str | None) -> None:
    offence = get_offence(code)
    if article is None:
        assert offence is None
    else:
        assert offence is not None
        assert offence.code == code
        assert offence.article == article


# --- offences_for --------------------------------------------------------------------------------------------------


def test_terrorism_purpose_gets_exactly_title_i_ter() -> None:
    assert codes(offences_for(TERRORISM, TODAY)) == TITLE_I_TER


def test_organisation_purpose_gets_324ter_and_organised_integrity_offences_in_force() -> None:
    assert codes(offences_for(ORGANISATION, TODAY)) == ORGANISATION_CODES - {"cp_380"}
    assert codes(offences_for(ORGANISATION, BEFORE_2022_REFORM)) == ORGANISATION_CODES


def test_integrity_purpose_gets_no_terrorist_or_participation_offence() -> None:
    integrity = codes(offences_for(INTEGRITY, TODAY))
    assert integrity
    assert not integrity & TITLE_I_TER
    assert not integrity & {"cp_324ter_par1", "cp_324ter_par2", "cp_324ter_par3", "cp_324ter_par4"}
    assert "cp_433quinquies" in integrity


SCOPES = [
    ("terrorism_2026_preparation", TERRORISM, TODAY, {"cp_140septies", "cp_141"}, {"cp_398", "cp_324ter_par1"}),
    ("terrorism_2016_no_preparation_yet", TERRORISM, date(2016, 12, 31), {"cp_140sexies"}, {"cp_140septies"}),
    ("terrorism_2003_title_not_in_force", TERRORISM, date(2003, 12, 31), set(), TITLE_I_TER),
    ("organisation_1996_before_324ter", ORGANISATION, date(1996, 12, 3), set(), {"cp_324ter_par1"}),
    ("organisation_2026", ORGANISATION, TODAY, {"cp_324ter_par1", "cp_433quinquies"}, {"cp_380", "cp_140"}),
    ("integrity_2021_old_sexual_law", INTEGRITY, date(2021, 1, 1), {"cp_375", "cp_373"}, {"cp_417_11", "cp_417_7"}),
    ("integrity_2023_new_sexual_law", INTEGRITY, AFTER_2022_REFORM, {"cp_417_11", "cp_417_7"}, {"cp_375", "cp_373"}),
    ("integrity_2026_violence", INTEGRITY, TODAY, {"cp_393", "cp_398", "cp_409", "cp_442bis"}, {"cp_137"}),
]


@pytest.mark.parametrize(("purpose", "on", "included", "excluded"), [s[1:] for s in SCOPES], ids=[s[0] for s in SCOPES])
def test_offences_for(purpose: PurposeCategory, on: date, included: set[str], excluded: set[str]) -> None:
    found = offences_for(purpose, on)
    assert isinstance(found, tuple)
    assert included <= codes(found)
    assert not excluded & codes(found)
    assert all(purpose in o.purposes and is_in_force(o, on) for o in found)


def test_offences_for_keeps_catalogue_order() -> None:
    found = offences_for(INTEGRITY, TODAY)
    positions = [IDS.index(o.code) for o in found]
    assert positions == sorted(positions)


def test_unknown_purpose_gets_nothing() -> None:
    assert offences_for("tax_fraud", TODAY) == ()  # type: ignore[arg-type]


def test_a_purpose_given_as_its_wire_value_is_the_same_purpose() -> None:
    assert offences_for("prevent_terrorist_offences", TODAY) == offences_for(TERRORISM, TODAY)  # type: ignore[arg-type]


# --- is_in_force ---------------------------------------------------------------------------------------------------

IN_FORCE = [
    ("old_rape_day_before_reform", "cp_375", BEFORE_2022_REFORM, True),
    ("old_rape_on_reform_day", "cp_375", REFORM_2022, False),
    ("old_rape_2023", "cp_375", AFTER_2022_REFORM, False),
    ("new_rape_day_before_reform", "cp_417_11", BEFORE_2022_REFORM, False),
    ("new_rape_on_reform_day", "cp_417_11", REFORM_2022, True),
    ("new_rape_2023", "cp_417_11", AFTER_2022_REFORM, True),
    ("old_voyeurism_before_it_existed", "cp_371_1", date(2016, 2, 28), False),
    ("old_voyeurism_first_day", "cp_371_1", date(2016, 2, 29), True),
    ("preparation_before_2017", "cp_140septies", date(2016, 12, 31), False),
    ("preparation_from_2017", "cp_140septies", date(2017, 1, 1), True),
    ("murder_no_end_date", "cp_394", date(2100, 1, 1), True),
    ("murder_before_the_code", "cp_394", date(1867, 10, 14), False),
]


@pytest.mark.parametrize(("code", "on", "expected"), [f[1:] for f in IN_FORCE], ids=[f[0] for f in IN_FORCE])
def test_is_in_force(code: str, on: date, expected: bool) -> None:
    offence = get_offence(code)
    assert offence is not None
    assert is_in_force(offence, on) is expected
