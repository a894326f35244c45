"""Shapes of English deal news the parser must read right (articles of our own): lists, tallies, background deals."""

from __future__ import annotations

from core.extract import parse_text
from core.model import DealType


def deals_of(text: str, published: str | None = "2025-05-20") -> list:
    return list(parse_text(text, published=published).deals)


def test_a_state_signing_mous_one_by_one_gives_one_mou_each_with_the_headline_state():
    text = ("Karnataka signs 12 MoUs worth Rs 2,000 crore\n\n"
            "Bengaluru: The State Government today signed 12 Memorandum of Understandings worth Rs 2,000 crore with "
            "various companies. M/s Velora Textiles Ltd. signed a MoU worth Rs 500 crore for setting up a textile "
            "park, M/s Kestrel Foods Ltd. signed a MoU worth Rs 300 crore for a food processing unit. "
            "M/s Orin Pharma Ltd. signed a MoU worth Rs 200 crore for setting up a drug plant.\n")
    deals = deals_of(text)
    companies = [{p.name for p in d.parties if p.kind.value == "company"} for d in deals]
    assert companies == [{"Velora Textiles Ltd."}, {"Kestrel Foods Ltd."}, {"Orin Pharma Ltd."}]
    for deal in deals:
        assert deal.type == DealType.MOU
        assert {p.name: p.role for p in deal.parties}["Karnataka"] == "government"
    assert [[a.value for a in d.amounts] for d in deals] == [[5_000_000_000], [3_000_000_000], [2_000_000_000]]


def test_an_earlier_deal_of_the_same_parties_is_a_deal_of_its_own():
    text = ("Deal\n\nTarnwell Systems will build four data centres for Ardent Capital under a SR900 million "
            "contract, it said on Monday. Earlier in March 2023, Tarnwell partnered with Ardent Capital to launch "
            "a data centre fund.\n")
    deals = deals_of(text)
    assert len(deals) == 2
    assert deals[1].type == DealType.PARTNERSHIP and deals[1].contract_date == "2023-03"


def test_paying_for_a_stake_is_buying_it_from_its_holder():
    text = ("Deal\n\nState-owned Carpatia Gas will pay up to $1.2 billion to Norvane Oil for its 40% stake in an "
            "offshore field, the company said on Tuesday.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.ACQUISITION
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Carpatia Gas"] == "acquirer"
    assert roles["Norvane Oil"] == "seller"


def test_a_supplier_that_will_supply_a_carrier():
    text = ("Deal\n\nHalden Networks will supply Orbitel Mobile with 5G radio equipment in a multi-year deal, the "
            "company said on Monday.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.CONTRACT
    assert {p.name: p.role for p in deal.parties} == {"Halden Networks": "supplier", "Orbitel Mobile": "customer"}


def test_a_licence_names_licensor_and_licensee():
    text = ("Deal\n\nThe $2 billion licensing agreement gives Corvex access to Lumisil's photonic chip technology, "
            "the companies said on Monday.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.OTHER
    assert {p.name: p.role for p in deal.parties} == {"Corvex": "licensee", "Lumisil": "licensor"}


def test_a_partnership_under_which_money_is_invested_is_an_investment():
    text = ("Deal\n\nNorland and Vastia have sealed a strategic partnership under which Vastia has agreed to invest "
            "5 billion euros in start-ups in Norland, officials said on Tuesday.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.INVESTMENT


def test_a_plan_to_raise_money_is_no_deal():
    text = ("Plans\n\nThe carrier plans to raise an additional $1.5bn via commercial borrowings next year, a "
            "newspaper reported on Monday.\n")
    assert deals_of(text) == []


def test_under_which_names_who_invests():
    text = ("Deal\n\nMarlow Cells Ltd said on Wednesday it had signed an agreement with Japan's Tsubaki Industries, "
            "under which Tsubaki will invest ₹4,500 crore for a 26% stake in the company.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.INVESTMENT
    assert {p.name: p.role for p in deal.parties} == {"Tsubaki Industries": "investor", "Marlow Cells Ltd": "recipient"}


def test_co_lenders_joining_the_lead_are_lenders():
    text = ("Loan\n\nSunmoor Renewables has closed a $640 million construction loan for its solar park on Monday. "
            "Veldhuis Bank led the financing, with Corran Trust and Ospring Capital joining as lenders.\n")
    [deal] = deals_of(text)
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Sunmoor Renewables"] == "borrower"
    assert roles["Veldhuis Bank"] == roles["Corran Trust"] == roles["Ospring Capital"] == "lender"


def test_buying_a_stake_from_its_holder_is_an_acquisition():
    text = ("Deal\n\nZambezi Grid agreed to buy a 40% stake in Kafulo Power Ltd from Copperline Energy Holdings for "
            "$210 million on Tuesday.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.ACQUISITION
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Zambezi Grid"] == "acquirer"
    assert roles["Kafulo Power Ltd"] == "target"
    assert roles["Copperline Energy Holdings"] == "seller"


def test_buying_power_under_a_contract_is_the_contract():
    text = ("Deal\n\nThe government of Honduras signed a 20-year contract with Lempa Solar on Monday. Honduras will "
            "buy the power under a 20-year contract worth $300 million.\n")
    deals = deals_of(text)
    assert [d.type for d in deals] == [DealType.CONTRACT]


def test_one_award_each_when_a_sentence_repeats_it_awarded():
    text = ("Awards\n\nToday, the Department of Industry of Norland announced three awards. The Department awarded "
            "Corvel up to $32 million in direct funding, it awarded Pellam Vacuum up to $18 million in direct "
            "funding, and it awarded Quenby Optics up to $93 million in direct funding.\n")
    deals = deals_of(text)
    recipients = [[p.name for p in d.parties if p.role == "recipient"] for d in deals]
    assert recipients == [["Corvel"], ["Pellam Vacuum"], ["Quenby Optics"]]
    assert [[a.value for a in d.amounts] for d in deals] == [[32_000_000], [18_000_000], [93_000_000]]
    assert all(d.type == DealType.GRANT for d in deals)
    assert all(any(p.role == "grantor" and "Department" in p.name for p in d.parties) for d in deals)


def test_a_plant_is_no_credit_facility_and_a_county_no_party():
    text = ("Awards\n\nPellam Vacuum (Orley County, Vermont): The Department's award of up to $18 million will support "
            "the construction of a manufacturing facility in Orley County.\n")
    for deal in deals_of(text):
        assert deal.type != DealType.FINANCING
        assert "Orley County" not in {p.name for p in deal.parties}


def test_parts_of_the_price_told_later_are_amounts_of_the_deal():
    text = ("Deal\n\nHanvel Memory Co. said on Tuesday it will buy the flash business of Orbis Corp. in a deal worth "
            "$9 billion. It will pay Orbis $7 billion by 2026 to first acquire its factory. It will pay the "
            "remaining $2 billion by March 2027 to complete the deal.\n")
    [deal] = deals_of(text)
    assert sorted(a.value for a in deal.amounts) == [2_000_000_000, 7_000_000_000, 9_000_000_000]
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Hanvel Memory Co."] == "acquirer"
    assert roles["Orbis Corp."] == "seller"


def test_a_unit_left_out_of_a_sale_is_no_party():
    text = ("Deal\n\nHanvel Memory Co. said it will acquire all of Orbis Corp.'s flash business, except its Quartz "
            "memory unit, for $9 billion on Tuesday.\n")
    [deal] = deals_of(text)
    assert "Quartz" not in {p.name for p in deal.parties}


def test_a_priced_sale_whose_buyer_goes_unnamed_is_still_a_deal():
    text = ("Deal\n\nThe country's largest carrier Telvana last year agreed to sell a 49% stake in its tower business "
            "for A$2.8 billion.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.ACQUISITION
    assert {p.name: p.role for p in deal.parties} == {"Telvana": "seller"}


def test_taking_control_and_taking_private_are_acquisitions():
    text = ("Deal\n\nBrovane Foods also paid 550 million euros to take control of Morocco's top dairy firm, "
            "Laiterie Atlas, on Monday.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.ACQUISITION
    assert {p.name: p.role for p in deal.parties}["Brovane Foods"] == "acquirer"


def test_a_plan_to_sell_shares_is_no_deal():
    text = ("IPO\n\nThe exchange operator plans to sell shares at a price range of $25 to $28 each, the statement "
            "said on Sunday.\n")
    assert deals_of(text) == []


def test_a_descriptor_with_a_possessive_stands_for_the_acting_company():
    text = ("Deal\n\nOrvane Insurance Group said on Monday it was buying Kestrel Group's Asian business for $400 million. "
            "Europe's fifth-biggest insurer last year bought Tasman Bank's life insurance arm for $2.1 billion.\n")
    deals = deals_of(text)
    assert len(deals) == 2
    assert {p.name: p.role for p in deals[1].parties}.get("Orvane Insurance Group") == "acquirer"


def test_shares_bought_years_before_are_a_deal_of_their_own():
    text = ("Deal\n\nSorano Group and Kitezawa Corp. signed a capital alliance on Thursday, December 19, after Sorano "
            "acquired 12 million new Kitezawa shares for 50 billion yen. Sorano now holds 10% of the company, "
            "including the shares Sorano acquired in February 2021.\n")
    deals = deals_of(text, published="2024-12-19")
    assert deals[0].type == DealType.INVESTMENT
    assert [d.contract_date for d in deals] == ["2024-12-19", "2021-02"]


def test_an_exclusivity_agreement_is_talks_not_a_deal():
    text = ("Talks\n\nBramley Metals previously had an exclusivity agreement with Ostrander Mining from July 2020 to "
            "July 2021.\n")
    assert deals_of(text) == []


def test_mous_signed_with_a_list_of_companies_give_one_mou_each_with_its_sum():
    text = ("Gujarat signs MoUs\n\nGandhinagar: As per the statement, the MoUs were signed with Velora Solar Ltd to "
            "invest Rs 10,900 crore for panel manufacturing, Kestrel Data Pvt Ltd to set up a data centre with an "
            "investment of Rs 2,508 crore, Orin Tech Hub Pvt Ltd for a data centre project worth Rs 2,564 crore.\n")
    deals = deals_of(text)
    assert [{p.name for p in d.parties if p.kind.value == "company"} for d in deals] == [
        {"Velora Solar Ltd"}, {"Kestrel Data Pvt Ltd"}, {"Orin Tech Hub Pvt Ltd"}]
    assert [[a.value for a in d.amounts] for d in deals] == [[109_000_000_000], [25_080_000_000], [25_640_000_000]]
    assert all("Gujarat" in {p.name for p in d.parties} for d in deals)


def test_other_investors_listed_after_the_lead_join_the_round():
    text = ("Round\n\nTallow Learning announced on Monday that it has raised $2.5 million in private equity. "
            "The Cascade Angel Fund led the equity round, and other investors include the Alliance of Backers, "
            "based in Seattle; and the Riverside Seed Fund.\n")
    [deal] = deals_of(text)
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Tallow Learning"] == "recipient"
    assert roles.get("Alliance of Backers") == roles.get("Riverside Seed Fund") == "investor"


def test_a_partner_buying_its_stake_tells_more_of_the_partnership():
    text = ("Deal\n\nState miner Andalco has teamed up with Brixton Mining for its Salar lithium project, the "
            "companies said on Monday. Brixton Mining will invest up to $900 million for a 49.99% stake, joining "
            "Quillmet and Ashvale in the industry. Brixton Mining will acquire a 49.99% stake in the project. "
            "Under the agreement, the investment includes a $350 million payment upon closing and $500 million "
            "after a final investment decision.\n")
    [deal] = deals_of(text)
    assert {p.name for p in deal.parties} == {"Andalco", "Brixton Mining"}
    assert sorted(a.value for a in deal.amounts) == [350_000_000, 500_000_000, 900_000_000]


def test_combining_operations_is_a_merger():
    text = ("Deal\n\nSerendib Mobile and Kalpa Telecom have signed an agreement to combine their operations in "
            "Sri Lanka, the companies said on Thursday.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.MERGER


def test_a_preliminary_agreement_is_an_mou_and_national_spending_is_no_part_of_it():
    text = ("Deal\n\nThe Ministry of Energy of Norland signed a preliminary agreement with Vestal Solutions on "
            "Thursday to develop clean energy projects. Norland has invested more than $40 billion in the clean "
            "energy sector.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.MOU
    assert deal.amounts == ()


def test_money_borrowed_to_pay_and_sums_compared_with_are_no_deal_amounts():
    text = ("Deal\n\nCarpatia Gas will pay $1.07 billion to Norvane Oil for its 50% stake in an offshore field, the "
            "company said on Tuesday. Carpatia will ask shareholders to approve the deal, and to borrow 325 million "
            "euros to cover part of the costs. The deal eclipses the $32 billion paid for a utility in 2007.\n")
    [deal] = deals_of(text)
    assert [(a.value, a.currency) for a in deal.amounts] == [(1_070_000_000, "USD")]


def test_builders_named_after_a_long_passive_are_the_recipients_of_a_subsidy():
    text = ("Subsidy\n\nTOKYO -- Norland's Ministry of Industry will offer subsidies worth up to 476 billion yen "
            "($3.5 billion) for a semiconductor plant being built in Kasuga Prefecture by Formosa Foundry Co., "
            "Hoshino Group and Denwa, the ministry said on Friday.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.GRANT
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Formosa Foundry Co."] == roles["Hoshino Group"] == roles["Denwa"] == "recipient"


def test_a_takeover_agreed_with_its_price_in_two_currencies():
    text = ("Deal\n\nChip designer Ardwave has agreed to a 2.4 billion dollar (£1.8 billion) takeover by US "
            "semiconductor group Quelcom on Monday.\n")
    [deal] = deals_of(text)
    assert {p.name: p.role for p in deal.parties} == {"Ardwave": "target", "Quelcom": "acquirer"}


def test_a_sentence_ends_after_bn_and_the_round_names_its_backers_next():
    text = ("Round\n\nCerulon Systems raised $1bn in a funding round announced Wednesday, taking its valuation to "
            "$23.1bn. The financing was led by Tigerline Global, with participation from Benchmore, Coastal "
            "Partners and 1789 Capital.\n")
    [deal] = deals_of(text)
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Cerulon Systems"] == "recipient"
    assert roles.get("Tigerline Global") == roles.get("Benchmore") == "investor"


def test_co_lenders_and_agents_join_the_loan():
    text = ("Loan\n\nThe Africa Power Fund is making a US$43 million loan available to Towerco Congo on Monday. The "
            "fund was a co-lender in the transaction with Equator Bank and Savanna Finance. Kinloch Bank served as "
            "the administrative agent for the loan.\n")
    [deal] = deals_of(text)
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Towerco Congo"] == "borrower"
    assert roles.get("Equator Bank") == roles.get("Savanna Finance") == roles.get("Kinloch Bank") == "lender"


def test_a_bidding_consortium_is_no_partnership_and_its_members_are_buyers():
    text = ("Deal\n\nSYDNEY--Grid operator Ausgrid Power Ltd. said on Monday it has agreed to an improved takeover "
            "offer from a consortium led by Borealis Asset Management. The Borealis-led consortium includes Tasman "
            "Super Fund and Alberta Pension Corp.\n")
    deals = deals_of(text)
    assert [d.type for d in deals] == [DealType.ACQUISITION]
    roles = {p.name: p.role for p in deals[0].parties}
    assert roles["Ausgrid Power Ltd."] == "target"
    assert roles["Borealis Asset Management"] == roles.get("Tasman Super Fund") == "acquirer"
    assert not any("SYDNEY" in name for name in roles)


def test_investors_from_countries_are_no_parties():
    text = ("Forum\n\nThe Almaty region administration signed agreements with investors from Iran, Turkey and "
            "Malaysia on Friday.\n")
    for deal in deals_of(text):
        assert not {"Iran", "Turkey", "Malaysia"} & {p.name for p in deal.parties}


def test_separately_starts_another_deal_and_a_letter_of_intent_for_a_venture_is_an_mou():
    text = ("Deals\n\nThe Qandor Investment Authority has signed a memorandum of understanding with Lianhe Trust "
            "Corp. to set up a US$10bn fund on Tuesday. Separately, the state energy company Qandor Petroleum has "
            "signed a Letter of Intent (LoI) with Eastern Petroleum Corp. and Royal Delta Shell to build a "
            "joint-venture refinery.\n")
    deals = deals_of(text)
    assert [d.type for d in deals] == [DealType.MOU, DealType.MOU]
    assert "Lianhe Trust Corp." not in {p.name for p in deals[1].parties}
    assert not {"Letter", "Intent", "LoI"} & {p.name for p in deals[1].parties}


def test_a_blocked_takeover_is_no_deal():
    text = ("Blocked\n\nThe regulator blocked Ardent Mining's takeover of Corbel Drilling on Monday, the companies "
            "said.\n")
    assert deals_of(text) == []


def test_co_investors_stand_with_the_investor():
    text = ("Round\n\nPinecrest Capital co-invested with Orchard Ventures and Maple Network in seed funding of "
            "Tradely, the startup said on Monday.\n")
    [deal] = deals_of(text)
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Pinecrest Capital"] == roles["Orchard Ventures"] == roles["Maple Network"] == "investor"


def test_a_sale_names_its_buyer_after_a_long_price_and_hyphenated_places_are_no_party():
    text = ("Sale\n\nKelso Holdings announces the sale of a portfolio of 19 regional offices in the UK for an "
            "aggregate cash consideration of c.GBP65.0 million to Ember Capital Partners on Monday. The deal comes "
            "at a time US-Chinese tensions weigh on markets.\n")
    [deal] = deals_of(text)
    roles = {p.name: p.role for p in deal.parties}
    assert roles["Kelso Holdings"] == "seller"
    assert roles["Ember Capital Partners"] == "acquirer"
    assert "US-Chinese" not in roles


def test_the_startup_is_the_one_backed_not_its_backers():
    text = ("Rounds\n\nVantor Capital earlier co-invested with Orchard Ventures in seed funding of trading platform "
            "Tradely. The one-year-old startup had a $12 million series A round led by Ridgeline Global in April.\n")
    deals = deals_of(text)
    roles = {p.name: p.role for p in deals[-1].parties}
    assert roles.get("Tradely") == "recipient"
    assert roles.get("Ridgeline Global") == "investor"


def test_money_secured_later_adds_its_sum_and_day_to_the_financing():
    text = ("Loan\n\nDelta Edge Digital has completed a debt financing deal for its data centre campus in Mesa. "
            "The Denver-based developer announced Jan. 4 it secured $1.9 billion specifically for the campus.\n")
    [deal] = deals_of(text, published="2024-01-07")
    assert deal.type == DealType.FINANCING
    assert [a.value for a in deal.amounts] == [1_900_000_000]
    assert deal.contract_date == "2024-01-04"


def test_a_separate_deal_opened_by_a_phrase_is_its_own_contract():
    text = ("Power\n\nSolvra Energies said on Tuesday it had signed a 21-year power supply deal with Alphabet's "
            "Gogle, pledging to supply renewable energy to its data centres in Malaysia. In a separate deal signed "
            "in November, Solvra Energies also agreed to power Gogle's data centres in Ohio.\n")
    deals = deals_of(text, published="2025-12-16")
    assert [d.type for d in deals] == [DealType.CONTRACT, DealType.CONTRACT]
    assert deals[1].contract_date == "2025-11"
    assert {p.name: p.role for p in deals[1].parties} == {"Solvra Energies": "supplier", "Gogle": "customer"}


def test_a_commodity_sale_and_purchase_agreement_is_a_contract_and_trading_and_marketing_one_name():
    text = ("LNG\n\nThe unit Kestrel Trading and Marketing signed a 13-year LNG sale and purchase agreement with "
            "Rovuma LNG1 Company on Monday.\n")
    [deal] = deals_of(text)
    assert deal.type == DealType.CONTRACT
    assert "Kestrel Trading and Marketing" in {p.name for p in deal.parties}


def test_an_offer_that_values_the_target_gives_the_deal_its_price():
    text = ("Takeover\n\nOrchard Grid said on Monday it has agreed to an improved takeover offer from a consortium led "
            "by Borealis Asset Management. Orchard Grid said the consortium's new all-cash offer values its equity "
            "at 10.2 billion Australian dollars (US$7.67 billion), or A$2.65 a share.\n")
    [deal] = deals_of(text)
    assert sorted((a.currency, a.value) for a in deal.amounts) == [("AUD", 10_200_000_000), ("USD", 7_670_000_000)]


def test_a_fund_s_size_and_its_plans_for_a_region_are_no_part_of_its_deal():
    text = ("MoU\n\nThe Qandor Investment Authority signed an MoU with Lianhe Trust Corp. to set up a US$10bn fund on "
            "Tuesday. Its chief executive said the fund, which has assets worth around US$175bn, plans to invest "
            "US$15bn in Asia in the next five years.\n")
    [deal] = deals_of(text)
    assert [(a.currency, a.value) for a in deal.amounts] == [("USD", 10_000_000_000)]
