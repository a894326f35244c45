"""The names step on sentences of our own: what is an organisation, what is not a party, and where a name ends."""

from __future__ import annotations

import pytest

from core.extract import parse_text
from core.extract.entities import Mention, find_mentions
from core.extract.names_filter import is_modifier, not_a_name
from core.extract.sentences import split_sentences
from core.model import PartyKind


def mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    for sentence in split_sentences(text):
        found += find_mentions(text, sentence)
    return found


def party_names(text: str) -> set[str]:
    return {m.name for m in mentions(text) if not (m.person or m.location_only or m.descriptor or m.asset)}


def deal_parties(text: str) -> set[str]:
    return {p.name for deal in parse_text(text, published="2025-03-01").deals for p in deal.parties}


def test_a_wire_credit_and_its_dateline_are_not_parties() -> None:
    text = ("OSLOBERG, March 3 (Newsline) -- Harbor Steel Corp. said on Monday it will buy the cable unit of "
            "Ferrum Group for $40 million.")
    assert party_names(text) == {"Harbor Steel Corp.", "Ferrum Group"}


def test_a_bracketed_credit_with_two_agencies_is_dropped() -> None:
    text = "(WIREX- NEWSCO) Patna, May 4 (NEWSCO) Bluehill Foods Ltd will acquire Grainco Ltd."
    assert "WIREX" not in party_names(text) and "NEWSCO" not in party_names(text)


@pytest.mark.parametrize("ticker", ["(NYSE: HSC)", "(HSC.N)", "(SIX: HSCN)", "(ASX:HSC)"])
def test_a_ticker_is_not_a_party(ticker: str) -> None:
    text = f"Harbor Steel {ticker} agreed to buy Ferrum Group’s (FRG.AX) cable business."
    assert party_names(text) == {"Harbor Steel", "Ferrum Group"}


def test_financial_words_and_money_tokens_in_capitals_are_not_names() -> None:
    for word in ("EBITDA", "IPO", "PPA", "NAND", "Dh600bn", "SR1"):
        assert not_a_name(word, " rose", False, False, "")
    assert not not_a_name("Harbor Steel", " rose", False, False, "")


def test_a_nationality_that_describes_a_noun_is_not_a_party() -> None:
    text = "Zerbian state-owned miner Kolta will buy a stake from Latin American lender Banco Rialto SA."
    names = party_names(text)
    assert "Zerbian" not in names and "Latin American" not in names
    assert {"Kolta", "Banco Rialto SA"} <= names


def test_a_common_word_opening_a_sentence_is_not_a_name() -> None:
    text = ("Founded in 2011, Quillon makes software. Separately, Quillon signed a contract with Arbor Rail. "
            "Upon closing, Arbor Rail will pay $5 million.")
    names = party_names(text)
    assert not {"Founded", "Separately", "Upon"} & names
    assert {"Quillon", "Arbor Rail"} <= names


def test_a_company_that_is_a_common_word_still_opens_a_sentence() -> None:
    text = "Lantern is raising $20 million. Lantern’s backers include Pine Ventures."
    assert "Lantern" in party_names(text)


def test_a_title_splits_the_organisation_from_the_person() -> None:
    text = "Zento Chief Executive Park Min-jae said the deal with Orbis Telecom will close in May."
    found = mentions(text)
    person = next(m for m in found if m.person)
    assert person.name == "Park Min-jae"
    assert "Zento" in {m.name for m in found if not m.person}


def test_an_honorific_makes_a_person_not_a_company() -> None:
    text = "The MoU was signed by His Excellency Rashid Al Tamimi, Minister of Trade, and Orbis Telecom."
    found = mentions(text)
    assert not any(m.name.startswith("His Excellency") for m in found if not m.person)
    assert any(m.person and m.name == "Rashid Al Tamimi" for m in found)


def test_names_are_cut_where_they_end() -> None:
    assert "7 Rivers Capital" in party_names("The round was led by Vietnam’s 7 Rivers Capital.")
    assert "Daily Beat" in party_names("The investor put money in Boston news startup News Daily Beat.") or \
        "News Daily Beat" in party_names("The investor put money in Boston news startup News Daily Beat.")
    assert "Copper Metals and Natural Resources" in party_names(
        "Kestrel Mining signed an option with Copper Metals and Natural Resources to buy a licence.")
    assert "Orbis and Kestrel" not in party_names("Orbis and Kestrel signed a deal.")


def test_a_headline_verb_ends_the_name() -> None:
    text = "Harbor Steel Announces Purchase of Ferrum Cable\n\nHarbor Steel said it would buy Ferrum Cable."
    assert "Harbor Steel Announces Purchase" not in party_names(text)


def test_a_country_from_the_iso_list_is_a_place() -> None:
    text = "The loan will fund roads in Malawi and the Kestrel Mining project."
    found = [m for m in mentions(text) if m.name == "Malawi"]
    assert found and found[0].location_only and found[0].kind == PartyKind.GOVERNMENT


def test_hyphenated_modifiers_are_cut_but_hyphenated_names_stay() -> None:
    assert is_modifier("Nasdaq-listed") and is_modifier("US-based")
    assert not is_modifier("Rolls-Royce") and not is_modifier("Min-jae")


def test_parties_of_a_deal_skip_the_wire_and_the_ticker() -> None:
    text = ("Harbor Steel to buy Ferrum Cable\n\n"
            "OSLOBERG, March 3 (Newsline) - Harbor Steel (NYSE: HSC) agreed to acquire Ferrum Cable for $40 million.")
    assert deal_parties(text) == {"Harbor Steel", "Ferrum Cable"}


def test_a_lower_case_word_before_a_legal_form_is_part_of_the_name() -> None:
    assert "Zeta chipworks Inc." in party_names("Zeta chipworks Inc. will buy the memory unit of Orbis Telecom.")


def test_a_ministry_with_a_list_of_remits_is_one_name() -> None:
    text = "The Ministry of Mining, Energy and Industry will subsidise the plant."
    assert "Ministry of Mining, Energy and Industry" in {m.name for m in mentions(text)}


def test_a_title_in_quotes_is_a_product() -> None:
    text = "Orbis Games, maker of “Dragon Quarry” and “The Hollow Kings,” agreed to be bought by Pine Ventures."
    names = party_names(text)
    assert "Dragon Quarry" not in names and "Hollow Kings" not in names
    assert {"Orbis Games", "Pine Ventures"} <= names


def test_a_word_of_trade_after_a_name_is_not_part_of_it() -> None:
    assert "Quillon" in party_names("The deal gives Pine Ventures a stake in Quillon IP and games.")


def test_what_a_deal_is_about_is_an_asset_not_a_party() -> None:
    found = {m.name: m for m in mentions("Kestrel Mining will sell its Tarrow copper project to Orbis.")}
    assert found["Tarrow"].asset


def test_exchanges_and_ratings_agencies_are_not_parties() -> None:
    found = {m.name: m for m in mentions("Orbis listed on the Norland Stock Exchange, and Vela Ratings rated it.")}
    assert found["Norland Stock Exchange"].descriptor and found["Vela Ratings"].descriptor


def test_a_person_after_a_title_and_a_comma_is_a_person() -> None:
    text = ("Minister of Regional Growth, Tama Rewiti announced a loan to Kestrel Mining. "
            "Rewiti said the loan was the first of many.")
    deals = parse_text(text, published="2025-03-01").deals
    assert not any(p.name == "Tama Rewiti" for deal in deals for p in deal.parties)


def test_plain_words_of_a_long_title_case_headline_are_not_names() -> None:
    text = ("Norland Grants Award to Quillon Robotics to Expand Domestic Production Capacity of Parts and Tools\n\n"
            "Norland awarded Quillon Robotics $5 million.")
    names = party_names(text)
    assert "Domestic Production Capacity" not in names and "Expand Domestic Production Capacity" not in names
    assert "Quillon Robotics" in names
