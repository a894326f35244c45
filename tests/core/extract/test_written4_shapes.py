"""Shapes met on the fourth written batch, each in sentences of our own: places in passing, loans told nominally."""

from __future__ import annotations

from parse_helpers import deals_of, roles_of


def test_places_that_describe_a_firm_are_no_parties():
    assert set(roles_of("Volta Motors will supply 80 electric buses to Samarkand Transit JSC, the Samarkand municipal "
                        "bus operator, by 2027.")) == {"Volta Motors", "Samarkand Transit JSC"}
    assert set(roles_of("Galil Medical sold 25% of Galil Dx to Tel Aviv investment firm Carmel Crest Capital for NIS "
                        "200 million.")) == {"Galil Medical", "Galil Dx", "Carmel Crest Capital"}
    assert set(roles_of("Pwani Holdings bought a 40% stake in Dar es Salaam-based Mvua Insurance from Bahari "
                        "Investments.")) == {"Pwani Holdings", "Mvua Insurance", "Bahari Investments"}


def test_a_shekel_amount_and_adjectives_of_faith_and_nation():
    deals = deals_of("Galil Medical sold 25% of Galil Dx to Carmel Crest Capital for NIS 200 million. Separately, "
                     "Sahil Water raised OMR 50 million in its first Islamic bond, anchored by Batinah Pension Fund.")
    names = {p.name for d in deals for p in d.parties}
    assert "Islamic" not in names and "NIS" not in names
    assert [(a.currency, a.value) for a in deals[0].amounts] == [("ILS", 200_000_000)]
    assert "Icelandic" not in {p.name for d in deals_of("Fjord Seafood said any offer would be subject to Icelandic "
                                                        "rules, and agreed to buy Vik Fisheries.") for p in d.parties}


def test_a_loan_told_as_a_noun_with_its_arranger_other_lenders_and_a_second_portion():
    deals = deals_of("A Tk 900 crore syndicated term loan to Padma Solar Ltd from five local banks was signed at a "
                     "ceremony in the capital's Gulshan on Sunday.\n\nMeghna Bank PLC arranged the facility and is its "
                     "largest participant. The other lenders are Karnaphuli Bank PLC and Teesta Trust Bank PLC.\n\n"
                     "The foreign-currency portion is a US$ 30 million loan from Lotus Green Finance Corporation, "
                     "which was signed last month.")
    found = sorted((sorted((p.name, p.role) for p in d.parties) for d in deals), key=len)
    assert found == [
        [("Lotus Green Finance Corporation", "lender"), ("Padma Solar Ltd", "borrower")],
        [("Karnaphuli Bank PLC", "lender"), ("Meghna Bank PLC", "lender"), ("Padma Solar Ltd", "borrower"),
         ("Teesta Trust Bank PLC", "lender")],
    ]


def test_each_row_of_a_table_of_rounds_is_a_deal():
    deals = deals_of("Four rounds crossed our desk this week.\n\n"
                     "Company | Base | Stage | Amount | Investors\n"
                     "Kijiji Freight | Mombasa | Series A | KSh 900 million ($7m) | Pwani Growth Partners (lead), "
                     "Tsavo Capital\n"
                     "Mazao Labs | Kisumu | Seed | $2.5m | Lake Basin Ventures (lead)\n\n"
                     "Kijiji Freight matches truck owners with shippers.")
    assert [(d.type.value, {p.name: p.role for p in d.parties}, [a.text for a in d.amounts]) for d in deals] == [
        ("funding_round", {"Kijiji Freight": "recipient", "Pwani Growth Partners": "investor",
                           "Tsavo Capital": "investor"}, ["KSh 900 million", "$7m"]),
        ("funding_round", {"Mazao Labs": "recipient", "Lake Basin Ventures": "investor"}, ["$2.5m"]),
    ]


def test_a_table_of_loans_by_its_header():
    deals = deals_of("Loans signed this month:\n\nBorrower | Lenders | Amount\nAndes Solar | Banco Cusco, Lima "
                     "Trust Bank | $40 million\n")
    assert [(d.type.value, {p.name: p.role for p in d.parties}) for d in deals] == [
        ("financing", {"Andes Solar": "borrower", "Banco Cusco": "lender", "Lima Trust Bank": "lender"})]


def test_bars_in_prose_without_a_company_column_are_no_table():
    deals = deals_of("Markets | Business | Tech\n\nAndes Solar signed a $40 million loan with Banco Cusco.")
    assert [d.type.value for d in deals] == ["financing"]


def test_an_order_told_in_the_passive_and_an_earlier_order_it_comes_after():
    deals = deals_of("Mokpo Heavy Industries said Thursday it has won an order worth 900 billion won to build three "
                     "LNG carriers.\n\nThe vessels were ordered by Ithaca Maritime, an Athens-based shipowner.\n\n"
                     "The deal comes five months after Mokpo clinched a 400 billion won contract from Singapore's "
                     "Raffles Tankers for two ammonia carriers in March.")
    assert [{p.name: p.role for p in d.parties} for d in deals] == [
        {"Mokpo Heavy Industries": "supplier", "Ithaca Maritime": "customer"},
        {"Mokpo Heavy Industries": "supplier", "Raffles Tankers": "customer"},
    ]


def test_a_state_visit_list_of_documents():
    deals = deals_of("Uzbekistan and Poland signed a package of intergovernmental and commercial documents on "
                     "Thursday.\n\nAmong the documents signed:\n\n— An investment agreement under which Krakow-based "
                     "Wisla Pharma S.A. will build a plant for injectable medicines. The drugmaker will invest $60 "
                     "million over four years, and Uzbekistan's Ministry of Investment committed to connect the site to "
                     "power.\n\n— A contract for the supply of 80 trams to Toshkent Transit JSC by Gdansk-based tram "
                     "maker Baltyk Rail S.A.")
    assert [(d.type.value, {p.name: p.role for p in d.parties}) for d in deals] == [
        ("investment", {"Wisla Pharma S.A.": "investor", "Ministry of Investment": "government"}),
        ("contract", {"Toshkent Transit JSC": "customer", "Baltyk Rail S.A.": "supplier"}),
    ]


def test_a_concession_handed_to_an_operator_and_a_ppa_signed_to_supply():
    deals = deals_of("• Guinea — The government of Guinea has handed a 25-year concession to build and run a river "
                     "port to Kakande Port Holdings, a Conakry-based operator. Under the agreement, Kakande will invest "
                     "90 billion CFA francs in quays.\n\n• South Africa — Independent power producer Karoo Sun "
                     "Renewables signed a 15-year power purchase agreement on Wednesday to supply 90MW from a new solar "
                     "plant in the Northern Cape to chrome miner Steelpoort Chrome, in a deal worth about R1.1bn.")
    found = [{p.name: p.role for p in d.parties} for d in deals if d.type.value == "contract"]
    assert {"Guinea": "grantor", "Kakande Port Holdings": "supplier"} in found
    assert {"Karoo Sun Renewables": "supplier", "Steelpoort Chrome": "customer"} in found
    assert "CFA" not in {p.name for d in deals for p in d.parties}


def test_a_toll_is_no_deal_amount():
    deals = deals_of("A consortium of Aktor Dromoi and Vialta SpA has been awarded a 30-year motorway concession, "
                     "Greece's Ministry of Infrastructure said. Under the concession terms, the toll for a passenger "
                     "car is set at €3.20 for the full length.")
    assert [a.text for d in deals for a in d.amounts] == []


def test_a_bare_peso_rupee_or_soum_is_the_currency_of_the_country_the_article_names():
    from core.extract.money import find_amounts

    def currencies(text: str) -> list[str]:
        return [a.currency for a in find_amounts(text)]

    assert currencies("Argentine lenders signed a loan. The package is worth about 360 billion pesos, the Argentina "
                      "unit said.") == ["ARS"]
    assert currencies("The Mexican utility will spend 5 billion pesos.") == ["MXN"]
    assert currencies("A Karachi start-up raised 900 million rupees from Pakistan's largest bank.") == ["PKR"]
    assert currencies("The drugmaker will invest 1.1 trillion soums ($90 million).") == ["UZS", "USD"]


def test_tranches_of_one_package_gather_their_lenders_and_a_portion_signed_apart_is_its_own_loan():
    deals = deals_of("Viento Sur S.A. has closed a $200 million financing package for a wind farm, the company said "
                     "on Monday.\n\nIt has two parts. A $120 million commercial tranche is being provided by Banco "
                     "Austral and Hamburg-based Nordsee Kreditbank AG. The remaining $80 million is a direct loan from "
                     "Corporacion Financiera Andina.")
    assert len(deals) == 1
    assert {p.name: p.role for p in deals[0].parties} == {
        "Viento Sur S.A.": "borrower", "Banco Austral": "lender", "Nordsee Kreditbank AG": "lender",
        "Corporacion Financiera Andina": "lender"}


def test_a_licence_told_by_its_verb_and_its_payments():
    deals = deals_of("Jiangnan Cells Co. has licensed its sodium-ion cell technology to Moravia Cell Works s.r.o., the "
                     "two companies said on Monday.\n\nThe licence is worth as much as 800 million yuan to the Chinese "
                     "company, made up of an upfront payment of 200 million yuan and royalties on every cell sold.")
    assert [(d.type.value, {p.name: p.role for p in d.parties}, sorted(a.text for a in d.amounts)) for d in deals] == [
        ("other", {"Jiangnan Cells Co.": "licensor", "Moravia Cell Works": "licensee"},
         ["200 million yuan", "800 million yuan"])]


def test_a_take_private_by_a_consortium_of_the_fund_and_a_firm_and_its_cash_per_share():
    deals = deals_of("Wattle Aged Care is being acquired by a consortium of the Prairie Public Pension Fund and Sydney "
                     "private equity firm Gum Tree Partners in a deal worth about A$1.2 billion. The consortium will pay "
                     "A$2.10 cash per share.")
    assert [({p.name: p.role for p in d.parties}, [a.text for a in d.amounts]) for d in deals] == [
        ({"Wattle Aged Care": "target", "Prairie Public Pension Fund": "acquirer", "Gum Tree Partners": "acquirer"},
         ["A$1.2 billion"])]


def test_a_sponsor_in_an_aside_a_service_bought_and_net_debt_are_no_deal_parts():
    deals = deals_of("Larch Industrial Corp. is selling its payroll business, Paystream, to Spruce Software Inc. for up "
                     "to $400 million. As part of the deal, Larch signed a seven-year agreement under which it will buy "
                     "payroll and HR cloud services from Spruce.\n\nSpruce, which is backed by Ottawa-based private "
                     "equity firm Maple Leaf Partners, will fund the purchase with a term loan from Rideau Bank.\n\n"
                     "Net debt rose to $210 million at the end of June from $64 million, and Larch expected its net "
                     "debt to fall next year.")
    found = {d.type.value: ({p.name: p.role for p in d.parties}, [a.text for a in d.amounts]) for d in deals}
    assert found["contract"][0] == {"Larch Industrial Corp.": "customer", "Spruce Software Inc.": "supplier"}
    assert found["financing"][0] == {"Spruce Software Inc.": "borrower", "Rideau Bank": "lender"}
    assert all("$64 million" not in amounts and "$210 million" not in amounts for _, amounts in found.values())
    assert len(deals) == 3


def test_what_a_seller_will_do_with_the_proceeds_is_no_deal():
    deals = deals_of("Inversiones Andes agreed to sell its stake in Vias del Cafe to Grupo Llanos for 300 billion "
                     "pesos. Inversiones Andes said it would use part of the proceeds to invest in new concessions in "
                     "Colombia.")
    assert [d.type.value for d in deals] == ["acquisition"]
    assert deals[0].amounts[0].currency == "COP"


def test_grants_told_after_each_company_invested():
    deals = deals_of("Three Slovak businesses inaugurated projects supported by 900 million euros in government "
                     "subsidies, the economy ministry said.\n\nTatra Buses invested 30 million euros at its base in "
                     "Zilina. The project, which preserved 160 jobs, was supported by 9 million euros in grant money.\n\n"
                     "Orava Foods spent 20 million euros on a new plant. The investment, which created 40 jobs, was "
                     "supported by 6 million euros in government subsidies.")
    grants = [(sorted(p.name for p in d.parties if p.role == "recipient"), [a.text for a in d.amounts])
              for d in deals if d.type.value == "grant"]
    assert (["Tatra Buses"], ["9 million euros"]) in grants
    assert (["Orava Foods"], ["6 million euros"]) in grants
