"""The names step on sentences of our own: what is an organisation, what is not a party, and where a name ends."""

from __future__ import annotations

import pytest

from core.extract import parse_text
from core.extract.entities import Mention, find_mentions
from core.extract.names_filter import is_modifier, not_a_name
from core.extract.registry import EntityTable
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


def people(text: str) -> dict[str, str | None]:
    """Names read as people, with their titles, once the article's party table has seen every sentence."""
    table = EntityTable(text, {})
    sentences = split_sentences(text)
    found: dict[str, str | None] = {}
    for sentence in sentences:
        for mention in table.observe(find_mentions(text, sentence), sentence, sentences):
            if mention.person:
                found[mention.name] = mention.title
    return found


def test_an_office_remit_after_and_stays_with_the_title() -> None:
    text = ("Ruritania's Minister for Trade and Foreign Affairs Odile Vasquier and Tovar Bank chief executive "
            "Henrik Maalsen signed the accord.")
    found = people(text)
    assert found.get("Odile Vasquier") == "Minister for Trade and Foreign Affairs"
    assert "Henrik Maalsen" in found
    assert not any("Foreign" in name for name in party_names(text))


def test_a_remit_of_plain_words_is_an_office_not_a_person() -> None:
    text = "Lara Penhallow, Minister of Climate Change and Environment, said the plant would open in 2027."
    assert set(people(text)) == {"Lara Penhallow"}


def test_secretary_of_a_department_introduces_the_person_after_the_remit() -> None:
    assert "Dana Whitcombe" in people("The grant was confirmed by Secretary of Commerce Dana Whitcombe on Monday.")


def test_a_bracketed_remit_between_title_and_name_and_initials_make_a_person() -> None:
    text = ("The pact was signed by Additional Chief Secretary (Trade & Mines) KR Venkatesh Iyer and Solvane "
            "Power chairman Ravi Menon.")
    assert {"KR Venkatesh Iyer", "Ravi Menon"} <= set(people(text))
    assert "KR Venkatesh Iyer" not in party_names(text)


def test_a_speaker_with_titles_joined_by_ampersand_and_a_body_after_them() -> None:
    text = "Arvind Kesari, MD & CEO Tellspan Networks Limited, said the merger would close in June."
    found = people(text)
    assert set(found) == {"Arvind Kesari"}
    names = {m.name for m in mentions(text) if not m.person}
    assert "Tellspan Networks Limited" in names


@pytest.mark.parametrize("form", ["Berhad", "Sdn Bhd", "Tbk", "JSC"])
def test_a_body_with_a_legal_form_after_a_title_is_never_a_person(form: str) -> None:
    text = f"Nadia Osman, Group CEO and Managing Director of Rimbun Telco {form} said the deal creates value."
    assert set(people(text)) == {"Nadia Osman"}


def test_a_plain_noun_before_said_is_no_person_without_a_given_name() -> None:
    text = ("Marlow Cells said it had raised $20 million. The Office for Energy Security and Net Zero said in a "
            "statement that Tim Reid said nothing. Priya Raghunathan said the round closed.")
    found = people(text)
    assert "Marlow Cells" not in found and "Net Zero" not in found
    assert {"Tim Reid", "Priya Raghunathan"} <= set(found)


def test_sheikh_stays_in_the_name_and_bin_makes_a_person() -> None:
    text = ("Qarsani Emir Sheikh Faisal bin Rashid Al Marri met Hamdan bin Saqr at the palace. "
            "Prince Harbour Medical Centre Sdn Bhd was sold.")
    found = people(text)
    assert "Sheikh Faisal bin Rashid Al Marri" in found
    assert "Hamdan bin Saqr" in found
    assert "Prince Harbour Medical Centre Sdn Bhd" in party_names(text)


def test_a_verb_of_speech_opening_a_sentence_is_no_part_of_a_name() -> None:
    text = 'Said MOTI Minister Kenji Arata, "We will support the plant."'
    assert "Kenji Arata" in people(text)
    names = {m.name for m in mentions(text) if not m.person}
    assert names == {"MOTI"}


def test_a_demonym_is_a_nationality_not_a_company() -> None:
    text = "Estonian officials and Latvian lender Baltmark Bank signed the loan with Corvex Ltd."
    assert party_names(text) == {"Baltmark Bank", "Corvex Ltd."}


def test_a_city_named_company_and_a_workplace_are_not_places() -> None:
    text = ("Geneva Assurance agreed to buy Tellmar's Andean unit. Geneva said the deal would close in May, and "
            "Geneva's chief executive called it a milestone. The plant in Geneva will hire 50 people, said Mia "
            "Korhonen, Supply Lead at Tellmar.")
    found = mentions(text)
    genevas = [m for m in found if m.name == "Geneva"]
    assert [m.location_only for m in genevas] == [False, False, True]
    assert not next(m for m in found if m.name == "Tellmar" and m.start > text.index("Lead")).location_only


def test_a_country_in_brackets_before_a_legal_form_belongs_to_the_name() -> None:
    text = "Brightwater (UK) Limited and Ostra Bank NV acted as lenders."
    assert party_names(text) == {"Brightwater (UK) Limited", "Ostra Bank NV"}


def test_capitalised_small_words_of_a_headline_part_names() -> None:
    text = "Corvale Group And Tessmark Telecom To Merge Operations In Ruritania\n\nThe two said on Monday."
    assert {"Corvale Group", "Tessmark Telecom"} <= party_names(text)


@pytest.mark.parametrize("office, name", [("Minister of Justice", "Jane Okafor"),
                                          ("Secretary of State for Urban Development", "Mohamed Hassan Idrissi"),
                                          ("Minister of Finance", "Grace Mbeki")])
def test_a_remit_ends_where_a_given_name_begins(office: str, name: str) -> None:
    assert people(f"The loan was signed by {office} {name} in the capital.") == {name: office}


def test_kinds_of_banks_agencies_and_schools() -> None:
    def kind(text: str, name: str) -> PartyKind:
        return next(m.kind for m in mentions(text) if m.name == name)

    assert kind("Norvik Corporate and Investment Bank lent $50 million.", "Norvik Corporate and Investment Bank") \
        == PartyKind.COMPANY
    assert kind("The Nordic Investment Bank lent $50 million.", "Nordic Investment Bank") == PartyKind.ORGANIZATION
    assert kind("UK Export Finance guaranteed the loan.", "UK Export Finance") == PartyKind.GOVERNMENT
    assert kind("Redhill Group of Institutions signed the MoU.", "Redhill Group of Institutions") \
        == PartyKind.ORGANIZATION


def test_events_programmes_and_a_place_before_a_company_noun_are_not_parties() -> None:
    text = ("The two met at the Gulf–Ruritania Investment Forum in Doha. The award came under the Grant "
            "Programme's Funding Opportunity for Advanced Packaging Facilities. The Soho startup said it raised "
            "$5 million from Alliance of Angels.")
    assert party_names(text) == {"Alliance of Angels"}


def test_a_family_and_an_individual_investor_are_parties_of_kind_person() -> None:
    text = ("Corvex bought a stake from the founding Adeyemi family. Ruritanian computer scientist Tomas Varga "
            "has invested in Corvex.")
    kinds = {m.name: m.kind for m in mentions(text) if not m.person}
    assert kinds["Adeyemi family"] == PartyKind.PERSON
    assert kinds["Tomas Varga"] == PartyKind.PERSON


def test_a_name_that_begins_with_said_keeps_it_when_no_speaker_follows() -> None:
    assert "Said Business School" in party_names("Said Business School signed a research pact with Corvex Ltd.")


def _names(text: str) -> list[str]:
    from core.extract.entities import sentence_mentions
    sentence = split_sentences(text)[0]
    return [m.name for m in sentence_mentions(text, sentence) if not m.location_only]


@pytest.mark.parametrize("text, names", [
    ("Pellwood Robotics, Inc. agreed to acquire Ostrand Motion, LLC for $40 million.",
     ["Pellwood Robotics", "Ostrand Motion"]),
    ("Startups raised about $78 Mn this week, up from Rs 61 Cr, and 2.1 Lakh users signed up.", []),
    ("Halden Fund granted NOK 48 million to Eidsvoll Cells AS.", ["Halden Fund", "Eidsvoll Cells AS"]),
    ("Proceeds will fund four 7,000 TEU vessels.", []),
    ("AUSTIN, Texas, March 3, 2025 /PRNewswire/ -- Pellwood Robotics said it won an order.", ["Pellwood Robotics"]),
    ("DENVER--(BUSINESS WIRE)--Pellwood Robotics said it won an order.", ["Pellwood Robotics"]),
])
def test_legal_forms_units_currency_codes_wires_and_plural_nouns_name_no_party(text, names):
    assert _names(text) == names


def test_a_plural_name_the_article_writes_mid_sentence_stays_a_name():
    assert _names("Siemens will buy Pellwood Robotics.") == ["Siemens", "Pellwood Robotics"]


@pytest.mark.parametrize("text, title, organization", [
    ("Profit grew, said Dana Whitfield, President and Chief Executive Officer of Veltrix.",
     "President and Chief Executive Officer", "Veltrix"),
    ("Profit grew, said Dana Whitfield, chief executive of Veltrix Inc.", "chief executive", "Veltrix Inc."),
    ("Tobias Kramer, managing director of Orenda Motion Systems, said it was a cornerstone.", "managing director",
     "Orenda Motion Systems"),
])
def test_a_title_after_a_name_makes_a_person_of_that_body(text, title, organization):
    from core.extract.entities import sentence_mentions
    sentence = split_sentences(text)[0]
    mentions = sentence_mentions(text, sentence)
    people = [m for m in mentions if m.person]
    assert [(m.title, m.organization) for m in people] == [(title, organization)]
    body = [m for m in mentions if m.name.startswith(organization.split()[0])]
    assert body and not body[0].person


@pytest.mark.parametrize("text, names", [
    ("Investment Corporation of Orlandia bought it.", ["Investment Corporation of Orlandia"]),
    ("Investment Management Corp. of Ontario invested.", ["Investment Management Corp. of Ontario"]),
    ("Kestrel Group of Japan bought it.", ["Kestrel Group"]),
    ("The sale closed in March. /NEWSCO", []),
])
def test_bodies_named_by_their_place_and_trailing_outlet_credits(text, names):
    assert _names(text) == names
