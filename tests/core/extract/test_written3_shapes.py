"""Shapes met on the third written batch, each in sentences of our own: currency signs, terms, facilities."""

from __future__ import annotations

from parse_helpers import deals_of, roles_of


def test_a_currency_sign_before_a_figure_is_no_party():
    deals = deals_of("Kivu Solar has secured a KSh 2 billion loan from Tana River Bank. Separately it raised "
                     "Rp 90 billion and KD 3 million in notes.")
    names = {p.name: (p.kind.value, p.role) for d in deals for p in d.parties}
    assert "KSh" not in names and "Rp" not in names and "KD" not in names
    assert names["Tana River Bank"] == ("company", "lender")


def test_a_phrase_made_one_word_opens_no_name():
    roles = roles_of("Pay-as-you-go lighting firm Kivu Solar has secured a $9 million loan from Tana River Bank.")
    assert set(roles) == {"Kivu Solar", "Tana River Bank"}


def test_a_facility_told_again_by_its_length_gathers_its_lenders_past_their_asides():
    roles = roles_of("Kivu Solar has secured a KSh 2 billion loan.\n\nThe five-year facility will be financed by "
                     "Tana River Bank, which is providing KSh 1.2 billion, and Maas Impact Finance, a Dutch impact "
                     "investor, which is lending the rest.")
    assert roles == {"Kivu Solar": ("company", "borrower"), "Tana River Bank": ("company", "lender"),
                     "Maas Impact Finance": ("company", "lender")}


def test_a_mixed_case_term_defined_in_brackets_is_no_party_and_the_maker_supplies():
    roles = roles_of("Tamsui Crystal Corp. (TCC), a Taiwanese maker of gallium nitride (GaN) wafers, said Monday it "
                     "has signed a four-year supply agreement with Oberland Motoren GmbH worth NT$3 billion.")
    assert roles == {"Tamsui Crystal Corp.": ("company", "supplier"), "Oberland Motoren GmbH": ("company", "customer")}


def test_a_later_clause_that_names_the_supplier_settles_who_supplies():
    deals = deals_of("Tarlac Electric Cooperative (TELCO) has signed a 10-year power supply agreement (PSA) with "
                     "Zambales Wind Corp. for 80 megawatts of round-the-clock energy, the utility said on Friday.\n\n"
                     "The PSA, signed on March 2, will be filed with the Energy Regulatory Commission for approval. "
                     "Under the deal, Zambales Wind, a subsidiary of Iba Energy Holdings Inc., will supply power "
                     "from its wind farm. The winning offer was priced at ₱5.10 per kilowatt-hour.")
    assert len(deals) == 1
    deal = deals[0]
    assert deal.type.value == "contract"
    assert {p.name: p.role for p in deal.parties} == {"Tarlac Electric Cooperative": "customer",
                                                      "Zambales Wind Corp.": "supplier"}
    assert deal.date == "2026-03-02"
    assert [a.text for a in deal.amounts] == []


def test_bidders_who_took_part_in_a_tender_make_no_round():
    deals = deals_of("Tarlac Electric Cooperative signed a supply contract with Zambales Wind Corp. The contract was "
                     "awarded after a selection process in which five generators took part.")
    assert [d.type.value for d in deals] == ["contract"]


def test_a_place_before_a_modifier_leaves_the_name_after_it():
    roles = roles_of("Mexico City-based Cobro Listo raised MXN 300 million in a Series A round led by Bajio Ventures.")
    assert roles == {"Cobro Listo": ("company", "recipient"), "Bajio Ventures": ("company", "investor")}


def test_a_verb_inside_a_compound_describes_the_borrower():
    roles = roles_of("Peruvian consumer-lending app Sol Credito secured a PEN 90 million credit facility from Banco "
                     "Rimac to fund its loan book.")
    assert roles == {"Sol Credito": ("company", "borrower"), "Banco Rimac": ("company", "lender")}


def test_a_co_investor_still_invests():
    roles = roles_of("Nilgiri Capital co-invested with Deccan Ventures in the seed round of Krishi Link.")
    assert roles["Nilgiri Capital"][1] == "investor" and roles["Krishi Link"][1] == "recipient"


def test_a_holding_bought_on_the_market_after_a_dropped_bid_is_no_deal():
    deals = deals_of("Nordvik Medical withdrew its SEK 2bn offer for Fjell Diagnostics on Tuesday.\n\nNordvik, which "
                     "already holds a 9.8 per cent stake in Fjell bought on the market last year, said it would keep "
                     "the holding for now.")
    assert not deals


def test_a_capitals_dateline_before_a_dash_is_no_party():
    roles = roles_of("DA LAT — Lam Dong Tea Company signed a three-year agreement to supply 9,000 tonnes of tea to "
                     "Basel trader Rhein Commodities SA.")
    assert set(roles) == {"Lam Dong Tea Company", "Rhein Commodities SA"}


def test_a_firm_that_valued_the_contract_gives_its_amount():
    deals = deals_of("Lam Dong Tea Company signed an agreement to supply tea to Rhein Commodities SA. The firm valued "
                     "the contract at about VND 900 billion.")
    assert [a.text for a in deals[0].amounts] == ["VND 900 billion"]


def test_a_body_named_after_a_sea_keeps_its_whole_name():
    roles = roles_of("Benin Towers will fund the purchase with a $90 million loan provided by the Gulf of Guinea "
                     "Investment Bank.")
    assert roles["Gulf of Guinea Investment Bank"][1] == "lender"


def test_a_leaseback_is_a_contract_of_its_own_dated_by_the_last_day_named():
    deals = deals_of("Ogun Mobile has agreed to sell 900 towers to Badagry Towers for ₦90 billion and to lease back "
                     "space on them for ten years, the companies said on Wednesday.\n\nUnder the leaseback agreement, "
                     "Ogun Mobile will remain the anchor tenant, paying Badagry Towers monthly fees. The operator lost ₦60 billion last year.\n\n"
                     "Badagry Towers will fund the purchase with a $50 million loan provided by Lagoon Bank. The loan "
                     "was signed the same day.")
    assert sorted(d.type.value for d in deals) == ["acquisition", "contract", "financing"]
    loan = next(d for d in deals if d.type.value == "financing")
    assert loan.date == "2026-03-04"


def test_a_people_named_by_its_plural_adjective_is_no_party():
    roles = roles_of("Kenya and France have signed a 2 billion shilling deal for power grids, to provide power to all "
                     "Kenyans.")
    assert set(roles) == {"Kenya", "France"}


def test_a_short_name_given_with_known_as_is_the_same_party():
    deals = deals_of("Vietnamese shrimp startup Cong Ty Tom Xanh, better known as TomXanh, said it had raised $20 "
                     "million in a Series B round led by Mekong Ventures. Saigon Agro Group joined as a strategic "
                     "investor.\n\nTomXanh, founded in 2019 by Nguyen Van An and Tran Thi Binh, supplies pond sensors "
                     "and an app. The government aims to raise production to 1 million tonnes a year.\n\nTomXanh "
                     "previously raised $5 million in a Series A in 2022.")
    rounds = {d.date: {p.name: p.role for p in d.parties} for d in deals}
    assert len(deals) == 2, deals
    assert rounds["2022-01-01"] == {"Cong Ty Tom Xanh": "recipient"}
    latest = next(v for k, v in rounds.items() if k != "2022-01-01")
    assert latest == {"Cong Ty Tom Xanh": "recipient", "Mekong Ventures": "investor", "Saigon Agro Group": "investor"}


def test_a_forecast_the_price_is_held_against_is_no_deal_amount():
    deals = deals_of("Kuro Capital agreed to buy Sora Devices for 90 billion yen. The price is below the 120 billion "
                     "yen that some analysts had expected.")
    assert [a.text for a in deals[0].amounts] == ["90 billion yen"]


def test_a_sale_to_reduce_debt_is_no_loan_and_grupo_x_is_x():
    deals = deals_of("Ontario Nurses' Pension Plan bought the stake in 2014 from Grupo Maipo for $400 million, as "
                     "Maipo sold assets to reduce debt.")
    assert [d.type.value for d in deals] == ["acquisition"]
    assert {p.name: p.role for p in deals[0].parties} == {"Ontario Nurses' Pension Plan": "acquirer",
                                                          "Grupo Maipo": "seller"}


def test_who_holds_the_rest_and_their_shareholders_agreement_make_no_deal():
    deals = deals_of("Ontario Nurses' Pension Plan agreed to sell its 49% stake in Aguas Maipo to Iberagua for $700 "
                     "million.\n\nThe remaining 51% of Aguas Maipo is held by local holding company Inversiones Andes. "
                     "Inversiones Andes will sign a new shareholders' agreement with Iberagua at completion.")
    assert len(deals) == 1


def test_net_proceeds_are_no_price():
    deals = deals_of("Koala Telecom agreed to sell its towers to Wombat Infrastructure for A$500 million. The sale "
                     "will deliver net cash proceeds of A$470 million, which will be used to repay bank debt.")
    assert [a.text for a in deals[0].amounts] == ["A$500 million"]


def test_a_ministry_telling_of_its_own_award_grants_the_concession():
    roles = roles_of("A consortium of Greek contractor Aktor Dromoi and Italian operator Vialta SpA has been awarded a "
                     "30-year concession for a 150-kilometre toll motorway, Greece's Ministry of Infrastructure said "
                     "on Wednesday.")
    assert roles == {"Aktor Dromoi": ("company", "supplier"), "Vialta SpA": ("company", "supplier"),
                     "Ministry of Infrastructure": ("government", "grantor")}


def test_the_same_ministry_as_a_counterparty_is_the_ministry_named_before():
    deals = deals_of("Aktor Dromoi has been awarded a motorway concession, Greece's Ministry of Infrastructure said. "
                     "The Treasury paid out 2 billion euros under guarantees last year.\n\nIn 2024, the company won a "
                     "300 million euro contract from the same ministry to build a ring road.")
    ring = next(d for d in deals if any("300" in a.text for a in d.amounts))
    assert {p.name: p.role for p in ring.parties} == {"Aktor Dromoi": "supplier",
                                                      "Ministry of Infrastructure": "customer"}


def test_what_the_partners_commit_to_invest_is_the_concessions_amount():
    deals = deals_of("A consortium of Aktor Dromoi and Vialta SpA has been awarded a 30-year motorway concession, "
                     "Greece's Ministry of Infrastructure said on Wednesday. The partners have committed to invest "
                     "2 billion euros in construction. The Treasury paid out more than 500 million euros under similar "
                     "guarantees last year.")
    assert len(deals) == 1
    assert [a.text for a in deals[0].amounts] == ["2 billion euros"]


def test_an_offtake_told_after_a_stake_sale_between_the_two_companies():
    deals = deals_of("Outback Lithium Ltd said on Monday it had agreed to sell a 30% stake in its Wirra spodumene "
                     "project in Western Australia to Chinese battery materials maker Jinyu Materials Co for A$300 "
                     "million.\n\nThe two companies also signed a five-year offtake agreement under which Jinyu will "
                     "buy up to 90,000 tonnes a year of spodumene concentrate from Wirra.")
    found = {d.type.value: {p.name: p.role for p in d.parties} for d in deals}
    assert found == {"acquisition": {"Outback Lithium Ltd": "seller", "Jinyu Materials Co": "acquirer"},
                     "contract": {"Jinyu Materials Co": "customer", "Outback Lithium Ltd": "supplier"}}


def test_a_press_release_bullet_verb_is_no_name_and_the_buyer_borrows_for_the_purchase():
    deals = deals_of("Prairie Fluids Inc. today announced that it has entered into a definitive agreement to acquire "
                     "Gulf Water Systems, LLC for total consideration of US$200 million.\n\n- Adds approximately 300 "
                     "kilometres of pipelines and 6 disposal facilities with permitted capacity of 400,000 barrels per "
                     "day.\n\nThe cash portion of the purchase price will be funded by a new C$250 million revolving "
                     "credit facility, which has been fully committed by Aspen Bank and Bow River Bank of Canada.")
    found = {d.type.value: {p.name: p.role for p in d.parties} for d in deals}
    assert found["financing"] == {"Prairie Fluids Inc.": "borrower", "Aspen Bank": "lender",
                                  "Bow River Bank of Canada": "lender"}
    assert set(found) == {"acquisition", "financing"}


def test_the_stake_sold_by_a_firm_names_the_seller_and_raising_capacity_is_no_round():
    deals = deals_of("Nile Foods has agreed to buy a 60 per cent stake in Egyptian dairy producer Delta Milk Company "
                     "for EGP 2 billion.\n\nThe stake is being sold by Cairo-based private equity firm Giza Partners, "
                     "which is selling its entire 45 per cent holding.\n\nNile said it planned to invest a further EGP "
                     "500 million to expand the plant, raising capacity to 400 tonnes of milk a day.")
    assert len(deals) == 1
    assert {p.name: p.role for p in deals[0].parties} == {"Nile Foods": "acquirer", "Delta Milk Company": "target",
                                                          "Giza Partners": "seller"}


def test_an_investor_that_joins_a_round_invests():
    roles = roles_of("Cobro Listo raised MXN 300 million in a Series B round led by Bajio Ventures, with Monterrey's "
                     "Grupo Sierra Alta joining, the startup announced on Tuesday.")
    assert roles["Grupo Sierra Alta"] == ("company", "investor")
