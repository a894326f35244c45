"""The party registry: one entity for every spelling of a name, aliases, and entity ids that win."""

from __future__ import annotations

import dataclasses

import pytest

from core.model import Deal, Party, PartyKind, Person
from core.store import Store
from core.store.parties import normalize_name


@pytest.mark.parametrize(("name", "norm"), [
    ("BlackRock Inc.", "blackrock"),
    ("Blackrock", "blackrock"),
    ("BLACKROCK, INC", "blackrock"),
    ("The Carlyle Group", "carlyle group"),
    ("Royal Philips N.V.", "royal philips"),
    ("Siemens AG", "siemens"),
    ("Banco Santander S.A.", "banco santander"),
    ("Airbus SE", "airbus"),
    ("Tata Sons Pvt Ltd", "tata sons pvt"),
    ("Arm Holdings plc", "arm holdings"),
    ("Robert Bosch GmbH", "robert bosch"),
    ("Sony Group Corp.", "sony group"),
    ("Samsung C&T Co., Ltd.", "samsung c and t"),
    ("OpenAI LLC", "openai"),
    # A possessive goes whole, as the parser drops it from "Moody's said": "McDonald's" is "McDonald".
    ("McDonald's", "mcdonald"),
    ("McDonald's Corp", "mcdonald"),
    ("AT&T Inc.", "at and t"),
    ("Ontario Teachers' Pension Plan", "ontario teachers pension plan"),
    ("Volvo AB", "volvo"),
    ("Société Générale", "societe generale"),
    ("  x   AI ", "x ai"),
    ("The", "the"),
    ("Co", "co"),
])
def test_normalized_names_fold_case_punctuation_the_and_legal_suffixes(name: str, norm: str) -> None:
    assert normalize_name(name) == norm


def test_spellings_of_one_company_are_one_entity(store: Store) -> None:
    one = store.add_deal(Deal("One", parties=(Party("BlackRock Inc.", PartyKind.FUND),)))
    two = store.add_deal(Deal("Two", parties=(Party("Blackrock"),)))
    assert one.parties[0].entity_id == two.parties[0].entity_id
    assert [e.name for e in store.entities()] == ["BlackRock Inc."]
    assert two.parties[0].name == "Blackrock"  # each deal keeps the spelling it was given
    assert two.parties[0].kind == PartyKind.FUND  # kind and country belong to the entity


def test_an_alias_maps_a_new_spelling_to_the_entity(store: Store) -> None:
    store.add_deal(Deal("One", parties=(Party("International Business Machines", aliases=("IBM",)),)))
    two = store.add_deal(Deal("Two", parties=(Party("IBM Corp."),)))
    assert len(store.entities()) == 1
    assert store.entities()[0].aliases == ("IBM",)
    assert two.parties[0].aliases == ("International Business Machines", "IBM")
    assert store.entity_names() == ["IBM", "International Business Machines"]


def test_a_set_entity_id_wins_over_the_name(store: Store) -> None:
    microsoft = store.add_deal(Deal("One", parties=(Party("Microsoft"),))).parties[0]
    deal = store.add_deal(Deal("Two", parties=(Party("MSFT typo", entity_id=microsoft.entity_id),)))
    assert deal.parties[0].entity_id == microsoft.entity_id
    assert len(store.entities()) == 1


def test_a_person_correcting_kind_or_country_updates_the_entity(store: Store) -> None:
    deal = store.add_deal(Deal("One", parties=(Party("Temasek"),)))
    fixed = dataclasses.replace(deal.parties[0], kind=PartyKind.FUND, country="SG")
    store.save(deal.replace(parties=(fixed,)))
    entity = store.entities()[0]
    assert (entity.kind, entity.country) == (PartyKind.FUND, "SG")


def test_the_parser_only_fills_a_missing_country(store: Store) -> None:
    store.add_deal(Deal("One", parties=(Party("Temasek", PartyKind.FUND),)))
    store.add_deal(Deal("Two", parties=(Party("Temasek", PartyKind.COMPANY, country="SG"),)), by="parser")
    store.add_deal(Deal("Three", parties=(Party("Temasek", country="US"),)), by="parser")
    entity = store.entities()[0]
    assert (entity.kind, entity.country) == (PartyKind.FUND, "SG")


def test_people_with_one_name_in_any_case_are_one_row(store: Store) -> None:
    store.add_deal(Deal("One", people=(Person("Larry Fink", "CEO"),)))
    store.add_deal(Deal("Two", people=(Person("larry  fink", "Chairman"),)))
    assert store.db["people"].count == 1
