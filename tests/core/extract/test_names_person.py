"""core.extract.names_person on its own: titles before a name, and names that are offices or bodies instead."""

from __future__ import annotations

from core.extract.names_person import is_patronymic, looks_like_org, title_before, title_phrase


def test_a_title_just_before_a_name_is_found_with_its_words() -> None:
    assert title_before("said chief executive ")
    assert not title_before("said the company ")
    assert title_phrase("said Alder chief executive officer ") == "chief executive officer"


def test_a_name_with_a_legal_form_is_an_organisation_not_a_person() -> None:
    assert looks_like_org("Alder Holdings Ltd")
    assert not looks_like_org("Jane Roe")


def test_a_patronymic_name_is_one_persons_name() -> None:
    assert is_patronymic("Mohammed bin Rashid")
    assert not is_patronymic("Jane Roe")
