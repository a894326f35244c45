"""Shapes of news the parser misread in its ninth session of work; sentences our own."""

from __future__ import annotations

from parse_helpers import deals_of, roles_of


def test_a_stake_offloaded_to_a_fund_for_a_sum_in_a_lettered_dollar_is_a_sale() -> None:
    roles = roles_of("Gantry Renewables offloaded its 40 per cent stake in the Kestrel Ridge solar park to "
                     "Orwell Infrastructure Fund for A$210 million, the companies said on Monday.")
    assert roles == {"Gantry Renewables": ("company", "seller"), "Orwell Infrastructure Fund": ("fund", "acquirer")}


def test_a_stake_divested_to_a_firm_is_a_sale() -> None:
    roles = roles_of("Harlow Energy divested its 30% stake in the Fenmoor gas plant to Tarrant Capital for "
                     "$90 million on Monday.")
    assert roles == {"Harlow Energy": ("company", "seller"), "Tarrant Capital": ("company", "acquirer")}


def test_two_firms_that_agreed_to_combine_in_an_all_share_deal_merge() -> None:
    deal, = deals_of("Oslo-based Fjordline Cargo and Bergen's Kystvei Logistics agreed on Thursday to combine in an "
                     "all-share deal that will create the country's largest freight forwarder.")
    assert deal.type.value == "merger"
    assert {p.name: p.role for p in deal.parties} == {"Fjordline Cargo": "partner", "Kystvei Logistics": "partner"}


def test_an_extension_led_by_a_new_investor_and_the_original_round_told_after_it() -> None:
    deals = deals_of("Leeds-based Corvid Optics has added £30 million ($41 million) to its Series B round.\n\n"
                     "The extension, announced on Tuesday, was led by new investor Harrowgate Partners, with existing "
                     "backer Pinfold Ventures also taking part. It brings the total raised in the Series B to £85 "
                     "million and the company's total funding since it was founded in 2018 to £120 million.\n\n"
                     "The original £55 million Series B, which Corvid closed in November, was led by Ouse Capital.")
    extension, original = deals
    assert {p.name: p.role for p in extension.parties} == {
        "Corvid Optics": "recipient", "Harrowgate Partners": "investor", "Pinfold Ventures": "investor"}
    assert [a.text for a in extension.amounts] == ["£30 million", "$41 million"]
    assert {p.name: p.role for p in original.parties} == {"Corvid Optics": "recipient", "Ouse Capital": "investor"}
    assert [a.text for a in original.amounts] == ["£55 million"] and original.date == "2025-11-01"


def test_a_companys_round_of_a_stated_year_is_an_earlier_deal_of_its_own() -> None:
    deals = deals_of("Tamar Photonics has raised $70 million in a Series B round led by Exeter Growth.\n\n"
                     "Its $20 million Series A in 2023 was led by Dart Deep Tech Fund.")
    assert [(d.date, sorted(p.name for p in d.parties)) for d in deals] == [
        ("2026-03-04", ["Exeter Growth", "Tamar Photonics"]), ("2023-01-01", ["Dart Deep Tech Fund", "Tamar Photonics"])]


def test_a_sum_glued_to_its_currency_letters_is_no_buyer() -> None:
    roles = roles_of("In January, Penang Holdings sold a 30% stake in its data centre arm to private equity firm "
                     "Kenanga Capital for RM900mil.")
    assert roles == {"Penang Holdings": ("company", "seller"), "Kenanga Capital": ("company", "acquirer")}


def test_a_firm_that_bagged_a_contract_supplies_it() -> None:
    roles = roles_of("Finnish equipment maker Lapland Networks has bagged a $410 million (about ₦615 billion) contract "
                     "from Savanna Telecom to supply 5G radio equipment over four years, the companies said.")
    assert roles == {"Lapland Networks": ("company", "supplier"), "Savanna Telecom": ("company", "customer")}


def test_the_weeks_deal_that_came_when_a_firm_paid_for_a_stake() -> None:
    roles = roles_of("The week's African deal came on Thursday, when Swiss trader Emmental Commodities paid "
                     "US$310 million for a 45 per cent stake in Congolese cobalt producer Kasai Cobalt, buying the "
                     "holding from Canada's Yukon Resources.")
    assert roles == {"Emmental Commodities": ("company", "acquirer"), "Kasai Cobalt": ("company", "target"),
                     "Yukon Resources": ("company", "seller")}


def test_a_report_set_against_another_with_while_is_a_deal_of_its_own() -> None:
    deals = deals_of("The Kerala government on Wednesday signed MoUs with four companies.\n\n"
                     "Periyar Semiconductor signed an MoU to set up a packaging unit in Kochi at a cost of ₹9,800 crore, "
                     "while module maker Malabar Solar Cells will invest ₹7,200 crore to expand its factory.")
    assert sorted((p.name, p.role) for p in deals[0].parties) == [
        ("Kerala", "government"), ("Periyar Semiconductor", "investor")]
    assert [a.text for a in deals[0].amounts] == ["₹9,800 crore"]


def test_an_anchors_ticket_of_the_series_b_bonds_is_part_of_the_issue() -> None:
    deal, = deals_of("Luzon Grid Corp. said it had raised P20 billion from its first green bonds.\n\n"
                     "The Manila Climate Bank anchored the issue with a P3-billion subscription to the Series A bonds, "
                     "while the Visayas Infrastructure Fund took P2 billion of the Series B bonds.")
    assert {p.name: p.role for p in deal.parties} == {
        "Luzon Grid Corp.": "borrower", "Manila Climate Bank": "investor", "Visayas Infrastructure Fund": "investor"}
    assert [a.text for a in deal.amounts] == ["P20 billion", "P3-billion", "P2 billion"]


def test_a_chief_officer_of_any_function_is_a_title_before_a_person() -> None:
    deals = deals_of("Mesa Compute signed a 15-year power purchase agreement with Llano Solar Energy on Monday.\n\n"
                     "Llano Solar Chief Commercial Officer Rosa Ibarra said the agreement made Mesa its largest customer.")
    deal, = deals
    assert sorted(p.name for p in deal.parties) == ["Llano Solar Energy", "Mesa Compute"]
    assert [(p.name, p.title) for p in deal.people] == [("Rosa Ibarra", "Chief Commercial Officer")]


def test_a_town_inside_an_apposition_is_no_party() -> None:
    roles = roles_of("Basalt Logic, a Santa Clara startup designing inference chips, has raised $310 million in a "
                     "Series C round led by Obsidian Peak Ventures, the company said on Wednesday.")
    assert roles == {"Basalt Logic": ("company", "recipient"), "Obsidian Peak Ventures": ("company", "investor")}


def test_a_grant_from_a_department_with_a_comma_list_of_remits_and_the_grantees_own_money() -> None:
    deal, = deals_of("Glamorgan Semiconductors, the Swansea maker of power chips, has been awarded a £42 million grant "
                     "by the Department for Science, Innovation and Technology to expand its fab.\n\n"
                     "Glamorgan will put £96 million of its own money alongside the grant.\n\n"
                     "Industry body Dyfed Chips Forum welcomed the award but said the fund remained small.")
    assert {p.name: (p.kind.value, p.role) for p in deal.parties} == {
        "Glamorgan Semiconductors": ("company", "recipient"),
        "Department for Science, Innovation and Technology": ("government", "grantor")}
    assert [a.text for a in deal.amounts] == ["£42 million"]


def test_a_ministry_that_judges_the_deal_in_a_statement_is_no_party() -> None:
    deal, = deals_of("Last year Marula Metals bought 51 percent of Selous Graphite Ltd from Ruvuma Minerals for "
                     "US$140 million.\n\n"
                     "Copper traded near US$10,450 a tonne on Monday. The Ministry of Mines said in a statement that "
                     "the deal was consistent with the government's output target.")
    assert {p.name: p.role for p in deal.parties} == {
        "Marula Metals": "acquirer", "Selous Graphite Ltd": "target", "Ruvuma Minerals": "seller"}


def test_two_reports_spliced_after_an_opening_year_are_two_deals() -> None:
    roles = roles_of("Kuwait's Jahra Investment Authority manages large assets. In 2024 it committed $400 million to "
                     "the Lisbon-based Tejo Transition Fund, and last year it bought 30 percent of a Spanish "
                     "battery developer.")
    assert roles == {"Jahra Investment Authority": ("fund", "investor"), "Tejo Transition Fund": ("fund", "recipient")}


def test_a_ranking_of_the_deal_just_told_is_no_other_deal_and_a_province_is_a_place() -> None:
    deals = deals_of("Sokcho Semitech signed an MoU with Vietnam's Ministry of Industry and Trade to build a chip "
                     "packaging plant in Bac Ninh province. The company will invest $2.5 billion in the facility "
                     "through 2030, it said, making it one of the largest Korean manufacturing investments in Vietnam.\n\n"
                     "In energy, Hallyu Offshore Wind tied up with state-run utility Truong Son Power Corporation, "
                     "signing an MoU to develop a wind farm off the coast of Binh Thuan province. The two sides plan to "
                     "invest about $4 billion in the project.")
    assert [(sorted((p.name, p.role) for p in d.parties), [a.text for a in d.amounts]) for d in deals] == [
        ([("Ministry of Industry and Trade", "government"), ("Sokcho Semitech", "investor")], ["$2.5 billion"]),
        ([("Hallyu Offshore Wind", "partner"), ("Truong Son Power Corporation", "partner")], ["$4 billion"])]


def test_a_developer_described_in_three_words_is_the_company_just_named() -> None:
    deal, = deals_of("Mesa Ridge Digital has completed a debt financing deal that will fund its data centre campus.\n\n"
                     "The Phoenix-based data centre developer announced on Monday it secured $900 million for the "
                     "campus.\n\n"
                     "Harbor Bank served as the administrative agent for the loan, which was led by Bayline Securities "
                     "and Cove Capital.")
    assert {p.name: p.role for p in deal.parties} == {
        "Mesa Ridge Digital": "borrower", "Harbor Bank": "lender", "Bayline Securities": "lender", "Cove Capital": "lender"}


def test_development_lenders_named_by_their_short_forms_are_organisations() -> None:
    deal, = deals_of("Savanna Towers has signed a US$60 million loan from Proparco and the AfDB to expand its network "
                     "of mobile towers, the companies said.")
    assert {p.name: (p.kind.value, p.role) for p in deal.parties} == {
        "Savanna Towers": ("company", "borrower"), "Proparco": ("organization", "lender"),
        "AfDB": ("organization", "lender")}


def test_a_second_anchor_of_a_bond_after_a_company_name_with_corp() -> None:
    deal, = deals_of("Luzon Solar raised US$410 million through green bonds.\n\n"
                     "The Pacific Climate Bank invested US$75 million to anchor a five-year US$300 million green bond "
                     "tranche for the developer, a unit of Visayas Holdings Corp. Meanwhile, US$20 million was invested "
                     "by the Mekong Development Bank to support a separate 10-year US$110 million tranche.")
    assert {p.name: p.role for p in deal.parties} == {
        "Luzon Solar": "borrower", "Pacific Climate Bank": "investor", "Mekong Development Bank": "investor"}


def test_a_ministrys_remit_ends_before_a_second_ministry_and_a_formula_ends_a_name() -> None:
    roles = roles_of("Ghana's Ministry of Energy and Petroleum and the UAE's Ministry of Energy and Infrastructure "
                     "signed a memorandum of understanding on geothermal exploration.")
    assert set(roles) == {"Ministry of Energy and Petroleum", "Ministry of Energy and Infrastructure"}
    roles = roles_of("Late last year Ebrovela agreed to supply 500 megawatts of electrolysers to Portuguese developer "
                     "Minho H2 for a project near Sines.")
    assert roles == {"Ebrovela": ("company", "supplier"), "Minho H2": ("company", "customer")}


def test_a_name_after_a_title_and_a_comma_is_a_person() -> None:
    deal, = deals_of("Asir Data Centers signed a 1.2 billion riyal Murabaha facility with Bank Al-Tihama.\n\n"
                     "The bank's chief investment officer, Nora Al Harbi, said the facility would fund two sites.")
    assert {p.name: p.role for p in deal.parties} == {"Asir Data Centers": "borrower", "Bank Al-Tihama": "lender"}


def test_backers_roped_in_as_new_investors_in_a_year() -> None:
    deals = deals_of("Qingshan Health raised 50 million yuan in an angel round led by drug maker Lijiang Pharma within "
                     "a year of its founding. It roped in KPV and Shanghai-based asset manager Huangpu Capital as new "
                     "investors in 2018.")
    later = deals[-1]
    assert later.date == "2018-01-01"
    assert {p.name: p.role for p in later.parties} == {
        "Qingshan Health": "recipient", "KPV": "investor", "Huangpu Capital": "investor"}


def test_a_ppa_bagged_from_a_buyer_and_a_foundry_agreement_are_contracts() -> None:
    roles = roles_of("Abu Dhabi's Qasr Solar bagged a 25-year power purchase agreement from Salalah Power Procurement "
                     "Company on Monday for a 500MW solar plant.")
    assert roles == {"Qasr Solar": ("company", "supplier"), "Salalah Power Procurement Company": ("company", "customer")}
    deal, = deals_of("In March last year, Hanok Silicon signed a foundry agreement with Seosan Semiconductor to "
                     "manufacture its first chip on a 5-nanometer process.")
    assert deal.type.value == "contract"
    assert {p.name: p.role for p in deal.parties} == {"Hanok Silicon": "customer", "Seosan Semiconductor": "supplier"}


def test_the_company_that_bought_before_is_the_buyer_just_told_not_its_target() -> None:
    deals = deals_of("Malmo Photonics, the Swedish maker of optical transceivers, is to be bought by Cascade "
                     "Microsystems of the United States for SEK 14.2 billion, the two companies said on Thursday.\n\n"
                     "It is Cascade's second purchase in Europe. In 2024, the San Jose-based company bought Dutch laser "
                     "specialist Zeeland Lightworks from private equity firm Scheldt Capital for $410 million.")
    assert [{p.name: p.role for p in d.parties} for d in deals] == [
        {"Malmo Photonics": "target", "Cascade Microsystems": "acquirer"},
        {"Cascade Microsystems": "acquirer", "Zeeland Lightworks": "target", "Scheldt Capital": "seller"}]


def test_the_owner_named_after_a_companys_controlling_shareholder_bought_a_part_of_it() -> None:
    roles = roles_of("Rio Verde's controlling shareholder, Canadian pension fund Algonquin Infrastructure Pension, "
                     "bought 70% of the company from Grupo Xingu in 2024 for R$3.1 billion.")
    assert roles == {"Algonquin Infrastructure Pension": ("fund", "acquirer"), "Grupo Xingu": ("company", "seller"),
                     "Rio Verde": ("company", "target")}


def test_a_wire_code_after_a_dateline_is_no_seller() -> None:
    roles = roles_of("JAKARTA (JNP): State-owned power generator PT Sumatra Daya has agreed to divest a 35 percent stake "
                     "in its geothermal subsidiary to Japanese trading house Kumamoto Corporation for US$625 million.")
    assert set(roles) == {"PT Sumatra Daya", "Kumamoto Corporation"}


def test_it_after_a_sentence_that_names_one_company_and_earnings_added_by_a_deal() -> None:
    deals = deals_of("Limpopo Platinum agreed to buy the 50% it does not own in the Thaba mine from Waterberg Resources "
                     "for R2.4bn. Limpopo said it expected the deal to add R310m to annual earnings.\n\n"
                     "The disposal continues Waterberg's retreat from bulk commodities. In 2023, it sold its stake in "
                     "Sishen Iron to Karoo Steel for R1.1bn.")
    assert [[a.text for a in d.amounts] for d in deals] == [["R2.4bn"], ["R1.1bn"]]
    assert {p.name: p.role for p in deals[1].parties} == {
        "Waterberg Resources": "seller", "Sishen Iron": "target", "Karoo Steel": "acquirer"}


def test_the_smelter_signed_with_under_an_offtake_agreement_buys() -> None:
    deal, = deals_of("Minera Atacama sells most of its concentrate to smelters in Asia. In 2024 it signed a 10-year "
                     "concentrate offtake agreement with Korean smelter Onsan Nonferrous covering 150,000 tonnes a year.")
    assert {p.name: p.role for p in deal.parties} == {"Minera Atacama": "supplier", "Onsan Nonferrous": "customer"}


def test_backers_who_drew_in_and_put_in_more_money_and_an_angel_network() -> None:
    deal, = deals_of("Nairobi-based Tana Grid Energy has raised $42 million in a Series B funding round led by Kilimanjaro "
                     "Climate Partners.\n\n"
                     "The round, announced on Monday, drew participation from Lake Turkana Impact Fund and Norway-based "
                     "Fjord Energy Invest. Existing shareholder Rift Valley Angels also put in more money, the company "
                     "said.")
    assert {p.name: (p.kind.value, p.role) for p in deal.parties} == {
        "Tana Grid Energy": ("company", "recipient"), "Kilimanjaro Climate Partners": ("company", "investor"),
        "Lake Turkana Impact Fund": ("fund", "investor"), "Fjord Energy Invest": ("company", "investor"),
        "Rift Valley Angels": ("organization", "investor")}


def test_an_exporters_country_and_contracts_in_general_are_no_deal_parts() -> None:
    deals = deals_of("Chao Phraya Gas has signed a 15-year agreement to buy liquefied natural gas from US exporter "
                     "Calcasieu Energy.\n\n"
                     "Chao Phraya Gas already imports about 11 million tonnes of LNG a year, mostly from Qatar and "
                     "Australia under contracts signed in the last decade.")
    deal, = deals
    assert {p.name: p.role for p in deal.parties} == {"Chao Phraya Gas": "customer", "Calcasieu Energy": "supplier"}


def test_a_seller_after_a_long_apposition_and_funds_managed_by_a_firm() -> None:
    roles = roles_of("Lisbon-listed utility Tejo Renovaveis agreed on Monday to buy Alentejo Solar, owner of 620 MW of "
                     "operating solar plants in Castilla-La Mancha, from infrastructure investor Douro Capital for "
                     "€310 million.")
    assert roles == {"Tejo Renovaveis": ("company", "acquirer"), "Alentejo Solar": ("company", "target"),
                     "Douro Capital": ("company", "seller")}
    roles = roles_of("Athabasca Energy Services has agreed to acquire Red River Fluid Systems, a Houston-based provider of "
                     "water recycling services in the Permian Basin, from funds managed by Brazos Bend Capital, for "
                     "US$285 million.")
    assert roles["Brazos Bend Capital"] == ("company", "seller")


def test_a_park_that_secured_a_loan_borrows_and_a_projects_cost_is_no_amount() -> None:
    deal, = deals_of("Tartu Compute Park secured a €150 million loan from Baltic Development Bank on Friday to build a "
                     "data centre. The 15-year loan covers about half the project's €300 million cost.")
    assert {p.name: p.role for p in deal.parties} == {"Tartu Compute Park": "borrower", "Baltic Development Bank": "lender"}
    assert [a.text for a in deal.amounts] == ["€150 million"]


def test_a_company_that_raised_its_capital_spending_budget_raised_no_money() -> None:
    assert deals_of("Hsinchu Packaging raised its 2026 capital spending budget to US$9.5 billion from US$8 billion, "
                    "the company said on Thursday.") == ()


def test_a_stake_taken_in_a_companys_arm_is_bought_from_the_company() -> None:
    roles = roles_of("PUNE: Sahyadri Infrastructure Fund will take a 49 per cent stake in Godavari DataParks, the "
                     "data-centre arm of real estate developer Kaveri Realty, for ₹3,400 crore, Kaveri said on Monday.")
    assert roles == {"Sahyadri Infrastructure Fund": ("fund", "acquirer"), "Godavari DataParks": ("company", "target"),
                     "Kaveri Realty": ("company", "seller")}
