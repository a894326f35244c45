"""core.extract.gazetteer on its own: the word lists every recogniser shares are consistent with each other."""

from __future__ import annotations

from core.extract import gazetteer


def test_every_spelling_of_a_place_leads_to_a_name_that_leads_to_itself() -> None:
    assert gazetteer.PLACE_NAMES["UK"] == gazetteer.PLACE_NAMES["Britain"] == "United Kingdom"
    assert all(gazetteer.PLACE_NAMES[name] == name for name in set(gazetteer.PLACE_NAMES.values()))


def test_states_cities_and_legal_forms_hold_what_news_writes() -> None:
    assert "Texas" in gazetteer.STATES and "Bavaria" in gazetteer.STATES
    assert "London" in gazetteer.CITIES
    assert {"Ltd", "Inc.", "AG", "Bhd"} <= gazetteer.LEGAL_FORMS
    assert "CEO" in gazetteer.PERSON_TITLES
