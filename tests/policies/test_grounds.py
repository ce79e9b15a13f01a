"""The legal grounds in the reader's language: Dutch official citations, English renderings that keep the French."""

from __future__ import annotations

import pytest

from policies import grounds

CONSTANTS = {name: value for name, value in vars(grounds).items() if name.isupper() and isinstance(value, str)}


def test_every_ground_the_policies_cite_is_translated() -> None:
    assert set(CONSTANTS.values()) == set(grounds.ALL)


@pytest.mark.parametrize("ground", grounds.ALL)
def test_each_language_reads_its_own_citation(ground: str) -> None:
    assert grounds.cite(ground, "fr") == ground
    dutch = grounds.cite(ground, "nl")
    assert dutch != ground and "C. pén." not in dutch and "pén." not in dutch
    english = grounds.cite(ground, "en")
    assert english.endswith(f"[French official text: {ground}]")
    assert "C. pén." not in english.removesuffix(f"[French official text: {ground}]")


def test_the_scope_of_prosecution_is_cited_as_each_official_text_has_it() -> None:
    assert grounds.cite(grounds.ART_458TER_SCOPE, "nl").startswith("art. 458ter §2 Sw.")
    assert grounds.cite(grounds.ART_458TER_SCOPE, "en").startswith("Penal Code, art. 458ter §2")


def test_an_unknown_ground_says_it_is_the_french_text() -> None:
    assert grounds.cite("art. 1 C. civ.", "nl") == "art. 1 C. civ. (Franse officiële tekst)"
    assert grounds.cite("art. 1 C. civ.", "en") == "art. 1 C. civ. [French official text]"
    assert grounds.cite("art. 1 C. civ.", "fr") == "art. 1 C. civ."
