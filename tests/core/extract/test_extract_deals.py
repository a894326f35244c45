"""The deal assembler on short articles of our own: types, parties, amounts, dates and what is not a deal."""

from __future__ import annotations

import pytest

from core.extract import parse_text
from core.model import DealType, PartyKind


def deals_of(text: str, published: str | None = "2025-06-13") -> list:
    return list(parse_text(text, published=published).deals)


def names(deal) -> set[str]:
    return {p.name for p in deal.parties}


def test_government_mou_with_weekday_date_and_location():
    text = (
        "Norland and Helix Compute sign AI pact\n\n"
        "The government of Norway signed a memorandum of understanding with Helix Compute in Oslo on Tuesday "
        "to build two AI data centres.\n"
    )
    [deal] = deals_of(text)
    assert deal.type == DealType.MOU
    assert names(deal) == {"Norway", "Helix Compute"}
    assert {p.kind for p in deal.parties} == {PartyKind.GOVERNMENT, PartyKind.COMPANY}
    assert deal.contract_date == "2025-06-10"
    assert deal.location == "Oslo"


def test_acquisition_roles_amount_and_seller_preposition():
    text = (
        "Orwell Grid buys substations\n\n"
        "Orwell Grid Ltd has agreed to acquire Pennine Transmission from Harrow Infrastructure Partners "
        "for £420 million, the companies said on Monday.\n"
    )
    [deal] = deals_of(text)
    assert deal.type == DealType.ACQUISITION
    assert names(deal) == {"Orwell Grid Ltd", "Pennine Transmission", "Harrow Infrastructure Partners"}
    assert [(a.value, a.currency) for a in deal.amounts] == [(420_000_000, "GBP")]
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Orwell Grid Ltd"] == "acquirer"


def test_funding_round_with_lead_and_followers_keeps_valuation_out():
    text = (
        "Quillion raises $60 million\n\n"
        "Quillion, a battery-software startup, has raised $60 million in a Series C round led by Marlow Ventures "
        "at a $900 million valuation. Brantley Capital joined the round, along with existing investor Fennick Fund.\n"
    )
    [deal] = deals_of(text)
    assert deal.type == DealType.FUNDING_ROUND
    assert names(deal) == {"Quillion", "Marlow Ventures", "Brantley Capital", "Fennick Fund"}
    assert [a.value for a in deal.amounts] == [60_000_000]
    assert {p.name: p.role for p in deal.parties}["Quillion"] == "recipient"


def test_stated_conversion_gives_two_amounts_of_one_deal():
    text = (
        "Solvane lands loan\n\n"
        "Solvane Energy has secured €300 million (US$330 million) in debt financing from Kestrel Bank to build "
        "a solar park in Portugal.\n"
    )
    [deal] = deals_of(text)
    assert deal.type == DealType.FINANCING
    assert {(a.currency, a.value) for a in deal.amounts} == {("EUR", 300_000_000), ("USD", 330_000_000)}
    eur = next(a for a in deal.amounts if a.currency == "EUR")
    assert eur.usd_value == 330_000_000
    assert names(deal) == {"Solvane Energy", "Kestrel Bank"}


def test_roundup_gives_one_deal_per_paragraph():
    text = (
        "This week in infrastructure\n\n"
        "Tarrow Telecom agreed to buy Westmere Fibre for $2.1 billion.\n\n"
        "Separately, Ondine Power signed a power purchase agreement with Calder Cloud to supply 200 MW of wind power.\n\n"
        "Meanwhile, Brisk Robotics raised $45 million in a Series B led by Ashgrove Partners.\n"
    )
    deals = deals_of(text)
    assert [d.type for d in deals] == [DealType.ACQUISITION, DealType.CONTRACT, DealType.FUNDING_ROUND]
    assert names(deals[1]) == {"Ondine Power", "Calder Cloud"}


def test_company_size_and_market_forecasts_are_not_deals():
    text = (
        "Cloud spending keeps climbing\n\n"
        "Stratus Holdings, which manages $900 billion in assets, said demand was strong. The global data centre "
        "market is expected to reach $600 billion by 2030, analysts said. Vellum Corp plans to invest $5 billion "
        "in new data centres.\n"
    )
    assert deals_of(text) == []


def test_expression_of_interest_is_not_a_deal():
    text = "Arden Cloud eyes Korea\n\nArden Cloud is considering a partnership with Seoul Datacom on a new campus.\n"
    assert deals_of(text) == []


def test_anaphora_carries_the_deal_across_sentences():
    text = (
        "Partnership news\n\n"
        "Corvex Capital has teamed up with the Republic of Chile on green hydrogen. "
        "The two parties signed a memorandum of understanding on Friday. "
        "The agreement covers $1.2 billion of projects over the next five years.\n"
    )
    [deal] = deals_of(text)
    assert deal.type == DealType.MOU
    assert [a.value for a in deal.amounts] == [1_200_000_000]
    assert deal.contract_date == "2025-06-13"


def test_legal_suffix_and_short_form_fold_into_one_party():
    text = (
        "Deal\n\n"
        "Mistral Grid Holdings Inc. signed a joint venture agreement with Ferro Energia SpA. "
        "Mistral Grid will own 60% of the venture, and Ferro Energia will invest $200 million in it.\n"
    )
    [deal] = deals_of(text)
    assert deal.type == DealType.JOINT_VENTURE
    assert names(deal) == {"Mistral Grid Holdings Inc.", "Ferro Energia SpA"}


def test_registry_spelling_wins_for_a_known_alias():
    from core.extract.entities import norm

    registry = {norm("Acme"): ("Acme Corporation", PartyKind.COMPANY), norm("Acme Corporation"): ("Acme Corporation", PartyKind.COMPANY)}
    article = parse_text("Acme deal\n\nAcme agreed to acquire Brindle Labs for $80 million.\n",
                         published="2025-01-01", registry=registry)
    assert {p.name for p in article.deals[0].parties} == {"Acme Corporation", "Brindle Labs"}


def test_evidence_spans_lie_in_the_text():
    text = "Deal\n\nHarlow Bank signed a $75 million loan with Pike Foods on Monday.\n"
    article = parse_text(text, published="2025-03-05")
    for deal in article.deals:
        for evidence in deal.evidence:
            assert 0 <= evidence.start < evidence.end <= len(article.text)
        amount_spans = [article.text[e.start:e.end] for e in deal.evidence if e.field.startswith("amounts[")]
        assert amount_spans == ["$75 million"]


def test_each_party_points_at_the_words_that_named_it():
    text = "Deal\n\nHarlow Bank signed a $75 million loan with Pike Foods on Monday.\n"
    article = parse_text(text, published="2025-03-05")
    [deal] = article.deals
    spans = {e.field: article.text[e.start:e.end] for e in deal.evidence}
    named = {spans[f"parties[{i}]"] for i in range(len(deal.parties))}
    assert named == {"Harlow Bank", "Pike Foods"}
    assert spans["date"] == "on Monday" or spans["date"].endswith("Monday")


def test_a_bare_weekday_is_dated_only_when_the_article_has_a_published_date():
    text = "Deal\n\nTorvik Steel agreed to acquire Baltic Forge on Wednesday for €90 million.\n"
    [deal] = deals_of(text, published=None)
    assert deal.date is None  # the contract: no published date, no guess from today
    [dated] = deals_of(text, published="2024-02-02")
    assert dated.contract_date == "2024-01-31"


# Short articles of our own in the shapes news uses; each line: text, expected (type, parties) per deal.
SHAPES = [
    ("Nordwind Energy AS said on Thursday it had completed its acquisition of Kaskad Offshore from Vestra Capital "
     "for 1.4 billion euros. Nordwind, which reported revenue of 8 billion euros last year, financed the purchase "
     "with a 900 million euro bridge loan arranged by Nordea and DNB.",
     [("acquisition", {"Nordwind Energy AS", "Kaskad Offshore", "Vestra Capital"}),
      ("financing", {"Nordwind Energy AS", "Nordea", "DNB"})]),
    ("Orbis Cloud Inc was awarded a $2.3 billion contract by the U.S. Department of Defense to provide secure "
     "cloud services. In a separate announcement, Orbis said it had priced a $1.5 billion offering of senior notes.",
     [("contract", {"Orbis Cloud Inc", "U.S. Department of Defense"}), ("financing", {"Orbis Cloud Inc"})]),
    ("Finally, Accel led a $25 million seed round in Lumora AI, an inference-chip startup founded by former "
     "Google engineers.",
     [("funding_round", {"Accel", "Lumora AI"})]),
    ("Japan and Saudi Arabia signed an agreement on Sunday to jointly develop clean hydrogen supply chains.",
     [("other", {"Japan", "Saudi Arabia"})]),
    ("Helios Grid, a developer of battery storage projects, has been acquired by the Ontario Teachers' Pension Plan "
     "for an undisclosed sum. Helios was advised by Lazard.",
     [("acquisition", {"Helios Grid", "Ontario Teachers' Pension Plan"})]),
    # Buying a stake someone holds is an acquisition (the contract; new shares would be an investment).
    ("Atlantica Telecom has agreed to sell a 49% stake in its tower unit to Brookfield Infrastructure for "
     "€2.2 billion, the Portuguese operator said on Tuesday.",
     [("acquisition", {"Atlantica Telecom", "Brookfield Infrastructure"})]),
    ("Qubitron, a designer of AI chips, said on Thursday it has raised $300 million in a Series D round co-led by "
     "Singapore's Temasek and the Qatar Investment Authority, valuing the company at $2.5 billion. Existing "
     "investors including Maple Ventures also took part. The startup has now raised more than $600 million "
     "since its founding.",
     [("funding_round", {"Qubitron", "Temasek", "Qatar Investment Authority", "Maple Ventures"})]),
    ("Vireo Semiconductor and Keystone Microdevices have agreed to merge in an all-stock deal, the companies said.",
     [("merger", {"Vireo Semiconductor", "Keystone Microdevices"})]),
]


def test_news_shapes_give_the_deals_a_reader_sees():
    for body, expected in SHAPES:
        deals = deals_of("Headline\n\n" + body + "\n")
        got = [(d.type.value, names(d)) for d in deals]
        # "signed an agreement" alone says no more than a deal: type other is right for it.
        assert got == expected, body[:60]


def test_valuations_and_running_totals_are_not_amounts_of_the_round():
    [deal] = deals_of("Headline\n\n" + SHAPES[6][0] + "\n")
    assert [a.value for a in deal.amounts] == [300_000_000]


def test_headline_gives_the_deal_when_the_body_only_says_the_software_giant():
    text = ("Corvid Systems to buy Palisade Games for $6 billion\n\n"
            "The software group said on Tuesday it would pay $41 a share in cash for the game maker.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.ACQUISITION
    assert names(deal) == {"Corvid Systems", "Palisade Games"}
    assert [a.value for a in deal.amounts] == [6_000_000_000]


def test_headline_is_not_read_when_the_body_tells_the_deal():
    text = ("Tarrow Deal Desk Weekly Roundup\n\n"
            "Tarrow Telecom agreed to buy Westmere Fibre for $2.1 billion.\n")
    assert [names(d) for d in deals_of(text)] == [{"Tarrow Telecom", "Westmere Fibre"}]


def test_mous_signed_with_several_companies_are_one_mou_each_without_the_shared_total():
    text = ("State signs pacts\n\nThe Odisha government on Monday signed MoUs with Kalinga Steel, Mahanadi Solar "
            "and Chilika Foods worth Rs 45,000 crore for new plants.\n")
    deals = deals_of(text, published="2025-02-10")
    assert [names(d) for d in deals] == [{"Odisha", "Kalinga Steel"}, {"Odisha", "Mahanadi Solar"},
                                         {"Odisha", "Chilika Foods"}]
    assert all(d.type == DealType.MOU and not d.amounts for d in deals)


def test_a_press_release_financing_names_its_lenders_not_its_campus():
    text = ("Helion Data Centers Announces $2.1 Billion Financing\n\n"
            "AUSTIN, Texas, May 6, 2025 /PRNewswire/ -- Helion Data Centers today announced that it has closed a "
            "$2.1 billion construction financing for its 300 MW Red Mesa campus in Abilene, Texas. The financing was "
            "led by MUFG Bank and Societe Generale, with ING participating as joint lead arranger.\n")
    [deal] = deals_of(text, published=None)
    assert deal.type == DealType.FINANCING
    assert names(deal) == {"Helion Data Centers", "MUFG Bank", "Societe Generale", "ING"}
    assert deal.contract_date == "2025-05-06"


def test_a_city_government_without_a_list_entry_is_a_government():
    text = ("City deal\n\nHanseong Telecom signed a memorandum of understanding with the Ulsan Metropolitan City "
            "government on Wednesday to build a 1 trillion won ($720 million) AI data center.\n")
    [deal] = deals_of(text)
    kinds = {p.name: p.kind for p in deal.parties}
    assert kinds == {"Hanseong Telecom": PartyKind.COMPANY, "Ulsan Metropolitan City": PartyKind.GOVERNMENT}
    assert {(a.currency, a.value) for a in deal.amounts} == {("KRW", 1e12), ("USD", 720_000_000)}


@pytest.mark.parametrize("sentence", [
    "Kestrel Pharma said on Tuesday it was not in discussions to acquire Orlan Bio.",
    "Kestrel Pharma denied a report that it was in talks to buy Orlan Bio for $4 billion.",
    "Kestrel Mining said it had ended talks about a possible merger with Orlan Resources.",
    "Kestrel Mining raised its annual dividend to 130 yen per share.",
    "Kestrel Mining said it would buy back up to 30 billion yen of its own shares.",
    "Ingrid Vale joins Kestrel Bank from investment group Orlan Capital.",
    "Kestrel Bank will compensate her for share awards forfeited on leaving Orlan Capital.",
])
def test_near_misses_make_no_deal(sentence):
    assert parse_text(f"News\n\n{sentence}\n", published="2025-03-14").deals == ()


def test_what_a_company_does_told_in_a_relative_clause_is_no_deal_of_its_own():
    deals = deals_of("Round\n\nCorvane AI, a startup that sells software for insurers, said it has raised $140 million "
                     "in a Series C round led by Ashgrove Partners.\n")
    assert [d.type for d in deals] == [DealType.FUNDING_ROUND]


def test_a_deal_told_again_with_its_seller_is_one_deal_with_its_price_in_another_currency():
    deals = deals_of("Takeover\n\nKurosawa Denki will acquire Feldmann Sensortechnik, a maker of sensors, for about "
                     "310 million euros ($335 million), the company said. The price is equivalent to roughly "
                     "52 billion yen.\n\nKurosawa will buy all shares of Feldmann from Bruckner Capital Partners, a "
                     "private equity firm that has owned the company since 2019.\n")
    assert len(deals) == 1
    roles = {p.name: p.role for p in deals[0].parties}
    assert roles == {"Kurosawa Denki": "acquirer", "Feldmann Sensortechnik": "target",
                     "Bruckner Capital Partners": "seller"}
    assert [a.text for a in deals[0].amounts] == ["310 million euros", "$335 million", "52 billion yen"]


def test_a_value_compared_with_the_price_is_not_the_price():
    deals = deals_of("Takeover\n\nQuorra Systems agreed to buy Alder Chips for £1.8 billion. The £1.8 billion price "
                     "is less than half the £3.1 billion value at which Alder Chips floated.\n")
    assert [a.text for a in deals[0].amounts] == ["£1.8 billion"]


def test_a_licence_gets_its_upfront_and_milestone_payments():
    deals = deals_of("Licence\n\nDaehan Bio has licensed its liver drug to Pellham Therapeutics in a deal worth up to "
                     "1.56 trillion won. Daehan will receive an upfront payment of 64 billion won ($45 million) and up "
                     "to 1.5 trillion won in milestone payments.\n")
    assert {p.name: p.role for p in deals[0].parties} == {"Daehan Bio": "licensor",
                                                          "Pellham Therapeutics": "licensee"}
    assert [a.text for a in deals[0].amounts] == ["1.56 trillion won", "64 billion won", "$45 million",
                                                  "1.5 trillion won"]


@pytest.mark.parametrize("after", ["The round values the company at about $310 million.",
                                   "It expects cost savings of $9 million a year.",
                                   "It expects $9 million in annual synergies."])
def test_valuations_and_savings_are_not_deal_amounts(after):
    deals = deals_of(f"Deal\n\nLumora Health raised $48 million in a Series B round led by Calder Peak. {after}\n")
    assert [a.text for a in deals[0].amounts] == ["$48 million"]


def test_the_company_is_the_one_that_opened_the_sentence_before_when_that_told_no_deal():
    deals = deals_of("Projects open with Polish government grants\n\nOrlan Electric invested 322 million zloty at "
                     "its base. The project was supported by 113 million zloty in grant money.\n\nKestrel Foods "
                     "spent 634 million zloty to expand its dairy output.\n\nThe company was awarded a 190 million "
                     "zloty grant for the project.\n")
    recipients = {p.name for d in deals for p in d.parties if p.role == "recipient"}
    assert "Kestrel Foods" in recipients


@pytest.mark.parametrize("sentence, expected", [
    ("Harbor Lane Ventures and Quill Capital co-led Ashdown Bio's $40 million Series B.",
     ("funding_round", {"Harbor Lane Ventures": "investor", "Quill Capital": "investor", "Ashdown Bio": "recipient"})),
    ("Orlan Capital completed the acquisition of a majority stake in Veldt Logistics.",
     ("acquisition", {"Orlan Capital": "acquirer", "Veldt Logistics": "target"})),
    ("Kestrel Bank extended a $25 million credit line to Ashdown Bio.",
     ("financing", {"Kestrel Bank": "lender", "Ashdown Bio": "borrower"})),
    ("Orlan Energy and Kestrel Oil formed a joint venture to explore offshore blocks in Namibia.",
     ("joint_venture", {"Orlan Energy": "partner", "Kestrel Oil": "partner"})),
    ("Tarn Solar signed an MoU with Kenya's energy ministry to develop 500 MW of solar capacity.",
     ("mou", {"Tarn Solar": "partner", "Ministry of Energy": "partner"})),
])
def test_common_news_shapes(sentence, expected):
    deals = deals_of(f"News\n\n{sentence}\n")
    assert deals
    assert (deals[0].type.value, {p.name: p.role for p in deals[0].parties}) == expected


def test_a_hedge_before_the_cue_still_hedges():
    assert deals_of("News\n\nKestrel Mining is exploring a sale of its copper unit to Orlan Metals.\n") == []


def test_a_sum_between_the_verb_and_in_keeps_the_recipient_a_company():
    deals = deals_of("Stake\n\nOrlan Pharma invested $50 million in Ashdown Bio in exchange for a 10% stake.\n")
    assert {p.name: p.role for p in deals[0].parties} == {"Orlan Pharma": "investor", "Ashdown Bio": "recipient"}


def test_a_listing_is_no_deal_and_a_preferred_bidder_is_a_contract():
    assert deals_of("IPO\n\nAshdown Health launched its initial public offering on Nasdaq, raising $200 million.\n") == []
    deals = deals_of("Rail\n\nThe Ministry of Transport selected Kestrel Rail as the preferred bidder for the "
                     "$2 billion line.\n")
    assert deals[0].type == DealType.CONTRACT
    assert {p.name: p.role for p in deals[0].parties} == {"Ministry of Transport": "customer",
                                                          "Kestrel Rail": "supplier"}


def test_a_valuation_after_a_comma_and_a_price_including_debt():
    deals = deals_of("Round\n\nAshdown AI raised $1.2bn in a round led by Quill Ventures, valuing it at $10bn.\n")
    assert [a.text for a in deals[0].amounts] == ["$1.2bn"]
    deals = deals_of("Takeover\n\nOrlan Group agreed to acquire Veldt Energy in a deal worth up to £500m including "
                     "debt.\n")
    assert deals[0].type == DealType.ACQUISITION


@pytest.mark.parametrize("sentence, expected", [
    ("Orlan Energy will sell power to Kestrel Data under a 15-year agreement.",
     ("contract", {"Orlan Energy": "supplier", "Kestrel Data": "customer"})),
    ("Kestrel Data signed a 15-year deal to buy renewable power from Orlan Energy.",
     ("contract", {"Kestrel Data": "customer", "Orlan Energy": "supplier"})),
    ("Orlan Maritime will pay $700 million for Veldt Capital's shipping business.",
     ("acquisition", {"Orlan Maritime": "acquirer", "Veldt Capital": "seller"})),
    ("Quill Partners will take Ashdown Health private in a $2 billion deal.",
     ("acquisition", {"Quill Partners": "acquirer", "Ashdown Health": "target"})),
])
def test_goods_sold_and_prices_paid(sentence, expected):
    deals = deals_of(f"News\n\n{sentence}\n")
    assert deals and (deals[0].type.value, {p.name: p.role for p in deals[0].parties}) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The Asian Development Bank approved a $500 million loan to Vietnam for a coastal highway.",
     ("financing", {"Asian Development Bank": "lender", "Vietnam": "borrower"})),
    ("The World Bank approved a $300 million grant for Kenya.",
     ("grant", {"World Bank": "grantor", "Kenya": "recipient"})),
    ("Kestrel Foods' frozen foods unit was sold to Orlan Dairies for $120 million.",
     ("acquisition", {"Kestrel Foods": "seller", "Orlan Dairies": "acquirer"})),
])
def test_states_that_borrow_and_owners_that_sell(sentence, expected):
    deals = deals_of(f"News\n\n{sentence}\n")
    assert deals and (deals[0].type.value, {p.name: p.role for p in deals[0].parties}) == expected


@pytest.mark.parametrize("sentence", [
    "Kestrel Foods is in advanced talks to buy Orlan Dairies, people familiar with the matter said.",
    "Tarn Logistics confirmed it had received a takeover offer from Orlan Capital.",
])
def test_talks_and_offers_received_are_no_deal(sentence):
    assert deals_of(f"News\n\n{sentence}\n") == []


def test_an_offer_per_share_summed_is_the_price():
    deals = deals_of("Tender offer\n\nKestrel Investment Corp. will buy chip-materials maker Orlan Materials. Kestrel "
                     "plans to offer shareholders ¥4,350 a share in a tender offer, the company said. That works out "
                     "to as much as ¥903.9 billion, Orlan said.\n")
    assert [a.text for a in deals[0].amounts] == ["¥903.9 billion"]


def test_a_round_told_on_top_of_another_deal_is_a_deal_of_its_own():
    deals = deals_of("Farm startups\n\nThis month Wayfarer Foods announced debt financing of $5.5 million on top of its "
                     "$32 million series C round led by Lightbox in February.\n")
    rounds = [d for d in deals if d.type == DealType.FUNDING_ROUND]
    assert rounds and [a.text for a in rounds[0].amounts] == ["$32 million"]
    assert {p.name: p.role for p in rounds[0].parties} == {"Wayfarer Foods": "recipient", "Lightbox": "investor"}


@pytest.mark.parametrize("sentence, expected", [
    ("British utility Kestrel Energy agreed to buy three wind farms from Danish developer Orlan Wind for $1.4 billion.",
     ("acquisition", {"Kestrel Energy": "acquirer", "Orlan Wind": "seller"})),
    ("Kestrel Energy signed a 10-year agreement to supply power to Veldt Data's UK data centres.",
     ("contract", {"Kestrel Energy": "supplier", "Veldt Data": "customer"})),
])
def test_a_seller_described_by_its_nation_and_a_customer_supplied(sentence, expected):
    deals = deals_of(f"News\n\n{sentence}\n")
    assert deals and (deals[0].type.value, {p.name: p.role for p in deals[0].parties}) == expected


def test_each_counterparty_of_a_roundup_of_mous_keeps_its_own_sum():
    deals = deals_of("Odisha signs MoUs with three firms\n\nBHUBANESWAR: The Odisha government on Friday signed "
                     "memoranda of understanding with three companies for investments worth Rs 12,000 crore in the "
                     "state.\n\nThe state's industries department signed the MoUs with Kestrel Steel, which will invest "
                     "Rs 7,000 crore in a steel plant, Orlan Cement (Rs 3,000 crore) and Tarn Aluminium (Rs 2,000 "
                     "crore), an official said.\n")
    by_company = {p.name: [a.text for a in d.amounts] for d in deals for p in d.parties if p.kind.value == "company"}
    assert by_company == {"Kestrel Steel": ["Rs 7,000 crore"], "Orlan Cement": ["Rs 3,000 crore"],
                          "Tarn Aluminium": ["Rs 2,000 crore"]}
