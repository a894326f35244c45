"""Shapes of news the parser misread in its tenth session of work; sentences our own."""

from __future__ import annotations

from parse_helpers import deals_of, roles_of


def test_a_government_the_headline_names_by_its_people_is_named_so() -> None:
    deal, = deals_of("Bakery plant opens with Slovak govt support\n\n"
                     "Pekaren Horal received 95 million euros in government grants for a bread plant in western "
                     "Slovakia, the company said on Monday.")
    assert {p.name: p.role for p in deal.parties} == {"Pekaren Horal": "recipient", "Slovak govt": "grantor"}


def test_a_government_named_by_its_country_keeps_the_country_name() -> None:
    roles = roles_of("Slovakia's economy grew last year. The Slovak government gave a grant of 95 million euros "
                     "to Pekaren Horal on Monday.")
    assert roles == {"Pekaren Horal": ("company", "recipient"), "Slovakia": ("government", "grantor")}


def test_in_a_power_purchase_agreement_the_producer_supplies_whoever_signed_first() -> None:
    roles = roles_of("Corvina Solar signed a 12-year power purchase agreement with Halden Cloud for the output of "
                     "a 90MW plant, the companies said on Monday.")
    assert roles == {"Corvina Solar": ("company", "supplier"), "Halden Cloud": ("company", "customer")}
    roles = roles_of("Ashgrove Digital signed a 12-year power purchase agreement on Monday with wind developer "
                     "Tarn Valley Holdings for the output of a 90MW farm.")
    assert roles == {"Ashgrove Digital": ("company", "customer"), "Tarn Valley Holdings": ("company", "supplier")}


def test_a_town_before_a_trade_and_a_firm_says_where_the_firm_is_from() -> None:
    roles = roles_of("Karsten Grid signed a supply deal on Friday with Tamale cable maker Okyere Wires to buy "
                     "400km of cable.")
    assert set(roles) == {"Karsten Grid", "Okyere Wires"}
    roles = roles_of("Lindhagen Retail agreed on Monday to buy pharmacy operator Apteka Mazur from private equity "
                     "firm Oder Partners for $90 million.")
    assert set(roles) == {"Lindhagen Retail", "Apteka Mazur", "Oder Partners"}


_STATE_RELEASE = (
    "Odisha signs MoUs with three firms\n\n"
    "BHUBANESWAR, May 5: The Government of Odisha on Tuesday signed MoUs with three companies for investments "
    "totalling Rs 9,000 crore. The MoUs were exchanged between the Principal Secretary to Government, Industries, "
    "Skill Development and Technical Education Department, and the representatives of the companies.\n\n"
    "Kalinga Steelworks Limited signed an MoU to set up a rolling mill at Angul with an investment of Rs 4,800 "
    "crore.\n\n"
    "Mahanadi Solar Limited will invest Rs 3,000 crore in a module plant near Cuttack. Smt. Rina Das, Director "
    "(Projects), signed the MoU on behalf of the company.\n\n"
    "Chilika Foods Limited signed an MoU for a food park. The Odisha Food Processing Policy offers capital "
    "subsidy to such projects.")


def test_each_company_of_a_state_release_signs_its_own_memorandum() -> None:
    deals = deals_of(_STATE_RELEASE)
    assert [{p.name: p.role for p in d.parties} for d in deals] == [
        {"Kalinga Steelworks Limited": "investor", "Government of Odisha": "government"},
        {"Mahanadi Solar Limited": "investor", "Government of Odisha": "government"},
        {"Chilika Foods Limited": "investor", "Government of Odisha": "government"}]
    assert [[a.text for a in d.amounts] for d in deals] == [["Rs 4,800 crore"], ["Rs 3,000 crore"], []]


def test_a_pipeline_financed_with_a_loan_from_banks_and_a_later_clause_with_its_own_date() -> None:
    loan, supply = deals_of("Corvina Solar signed a PPA with Halden Cloud on Monday. The agreement is Corvina's third "
                            "PPA. Last year it financed its 400 megawatt pipeline with a €90 million project finance "
                            "loan from Banca Serrano and Caixa Turia, and in January it signed a 10-year deal to "
                            "supply power to steelmaker Aceros Nalon.")[1:]
    assert {p.name: p.role for p in loan.parties} == {
        "Corvina Solar": "borrower", "Banca Serrano": "lender", "Caixa Turia": "lender"}
    assert loan.date == "2025-01-01"  # last year, to the year
    assert {p.name: p.role for p in supply.parties} == {"Corvina Solar": "supplier", "Aceros Nalon": "customer"}
    assert supply.date == "2026-01-01"  # this January


def test_the_owner_that_agreed_to_sell_is_the_seller_of_the_takeover_just_told() -> None:
    deal, = deals_of("Kestrel Grid, Austria's largest data-centre operator, will be acquired by Danish investor "
                     "Fjellstad Capital for 900 million euros, its owner said on Wednesday.\n\n"
                     "Donau Partners, which has owned Kestrel Grid since 2020, said it had agreed to sell its entire "
                     "holding.\n\n"
                     "The deal requires clearance from Austria's competition watchdog BWB.")
    assert {p.name: p.role for p in deal.parties} == {
        "Kestrel Grid": "target", "Fjellstad Capital": "acquirer", "Donau Partners": "seller"}


def test_a_later_purchase_after_a_comma_in_a_sentence_opening_on_a_year() -> None:
    first, second = deals_of("Fjellstad Capital runs data centres across the Nordics.\n\nIn 2025, Harrow Digital bought Czech operator Moravlink for 410 million euros, and last "
                             "year Fjellstad itself acquired colocation firm Kaamos Data from Tarn Pension, a pension "
                             "fund, for an undisclosed sum.")
    assert {p.name for p in first.parties} == {"Harrow Digital", "Moravlink"}
    assert {p.name: p.role for p in second.parties} == {
        "Fjellstad Capital": "acquirer", "Kaamos Data": "target", "Tarn Pension": "seller"}


def test_an_approved_takeover_dates_from_when_it_was_first_announced_and_its_approver_is_no_party() -> None:
    deals = deals_of("Taiwan's Investment Commission on Friday approved US-based Corlan Devices Inc's acquisition of "
                     "Taoyuan-based Hsuehshan Packaging Co for NT$9.2 billion.\n\n"
                     "The deal, first announced in November last year, will make Hsuehshan a wholly owned subsidiary "
                     "of the chipmaker.\n\n"
                     "Hsuehshan last year signed a supply agreement with chip designer Yushan Micro Corp, a contract "
                     "that Corlan said would be honoured.\n\n"
                     "Some lawmakers had urged the commission to block the deal.")
    takeover, supply = deals
    assert {p.name: p.role for p in takeover.parties} == {
        "Corlan Devices Inc": "acquirer", "Hsuehshan Packaging Co": "target"}
    assert takeover.date == "2025-11-01"
    assert {p.name for p in supply.parties} == {"Hsuehshan Packaging Co", "Yushan Micro Corp"}


def test_the_company_that_opens_a_clause_and_will_supply_is_the_supplier() -> None:
    _, supply = deals_of("Orrin Cells raised $40 million in a round led by Kettle Ventures on Monday.\n\n"
                         "The company last year signed a supply agreement with Brask Motors to supply 2GWh of cells "
                         "a year.")
    assert {p.name: p.role for p in supply.parties} == {"Orrin Cells": "supplier", "Brask Motors": "customer"}


def test_a_stake_sale_needing_approval_with_an_equity_value_and_a_spending_plan_beside_it() -> None:
    deal, = deals_of("Larkspur Digital will take a 30% stake in Teluk Data Sdn Bhd from Seroja Holdings Bhd for "
                     "RM900mil, the companies said on Monday.\n\n"
                     "The price implies an equity value of RM3bil for Teluk Data.\n\n"
                     "The transaction needs the approval of the Foreign Investment Committee.\n\n"
                     "Teluk Data plans to spend about RM4bil over the next five years on expansion.")
    assert {p.name: p.role for p in deal.parties} == {
        "Larkspur Digital": "acquirer", "Teluk Data Sdn Bhd": "target", "Seroja Holdings Bhd": "seller"}
    assert [a.text for a in deal.amounts] == ["RM900mil"]


def test_a_lease_told_in_a_relative_clause_is_a_contract_dated_there() -> None:
    _, lease = deals_of("Larkspur Digital bought Teluk Data Sdn Bhd for RM900mil on Monday.\n\n"
                        "Teluk Data's biggest tenant is US cloud provider Orrin Cloud, which in 2024 signed a 15-year "
                        "lease with Teluk Data for a whole building.")
    assert lease.type.value == "contract"
    assert {p.name for p in lease.parties} >= {"Orrin Cloud", "Teluk Data Sdn Bhd"}
    assert lease.date == "2024-01-01"


def test_a_west_african_franc_sum_and_a_lender_running_total_beside_a_loan() -> None:
    buy, loan = deals_of("Baobab Towers snapped up a 70% stake in Dakar operator Ndar DC for CFA36 billion ($60 "
                         "million), it announced on Wednesday.\n\n"
                         "Kora Fibre said on Monday it had secured a ₦20 billion facility from Ikoyi Commercial Bank. "
                         "The bank said it had lent more than ₦300 billion to telecoms projects since 2024.")
    assert [(a.text, a.currency) for a in buy.amounts] == [("CFA36 billion", "XOF"), ("$60 million", "USD")]
    assert [a.text for a in loan.amounts] == ["₦20 billion"]


def test_a_stake_sold_to_its_partner_after_an_investment_plan_is_a_sale() -> None:
    deal, = deals_of("Tamar Mining kept its €9bn investment plan through 2030 unchanged.\n\n"
                     "Pennard Resources is up 6.2%, after the miner struck a deal to sell its 50% stake in the Lundazi "
                     "copper project to its Canadian partner Kestrel Copper for $275m in cash.")
    assert {p.name: p.role for p in deal.parties} == {"Pennard Resources": "seller", "Kestrel Copper": "acquirer"}


def test_a_grant_story_with_a_tally_an_analyst_and_the_firm_s_earlier_deals() -> None:
    deals = deals_of("Usk Photonics has been awarded a £30m grant by the Department for Business and Trade, the "
                     "government announced on Tuesday.\n\n"
                     "Usk will use the grant to add a production line at its plant on the outskirts of Caerleon.\n\n"
                     "It raised £20m in 2025 from Severn Mouth Ventures and last year signed a multi-year deal to "
                     "supply laser chips to transceiver maker Lumen Grove Networks.\n\n"
                     "Analyst Carys Powell of Taff Vale Research said the grant was \"modest by any standard\".\n\n"
                     "The programme has so far awarded £214m to nine companies.")
    assert [{p.name: p.role for p in d.parties} for d in deals] == [
        {"Usk Photonics": "recipient", "Department for Business and Trade": "grantor"},
        {"Usk Photonics": "recipient", "Severn Mouth Ventures": "investor"},
        {"Usk Photonics": "supplier", "Lumen Grove Networks": "customer"}]
    assert [a.text for a in deals[0].amounts] == ["£30m"] and not deals[2].amounts


def test_a_round_that_saw_the_participation_of_a_list_and_a_plan_named_by_its_year() -> None:
    deal, = deals_of("Qamar Compute closed a SAR 90 million Series A round led by Hijaz Ventures on Monday. The round "
                     "saw the participation of Dahna Capital, Bahrain's Muharraq Growth Fund and several family "
                     "offices.\n\n"
                     "Oman is pouring money into data centres as part of its Vision 2040 plan.")
    assert {p.name: p.role for p in deal.parties} == {
        "Qamar Compute": "recipient", "Hijaz Ventures": "investor", "Dahna Capital": "investor",
        "Muharraq Growth Fund": "investor"}


def test_a_subscription_for_shares_in_a_private_placement_is_an_investment() -> None:
    roles = roles_of("Concurrently, Corvid Royalty Partners has agreed to subscribe for C$40 million of Pikeridge "
                     "Minerals common shares on a private placement basis.")
    assert roles == {"Corvid Royalty Partners": ("company", "investor"), "Pikeridge Minerals": ("company", "recipient")}


def test_a_partner_s_cash_contribution_is_the_venture_s_amount_and_a_eurobond_is_debt() -> None:
    venture, bond = deals_of("Marmara Holding and Gulf-based operator Zahra Digital have agreed to form a joint venture "
                             "to build data centres in Istanbul. Zahra will contribute 8 billion liras ($200 million) "
                             "in cash.\n\n"
                             "Last year Marmara raised $400 million through a eurobond.")
    assert {p.name: p.role for p in venture.parties} == {"Marmara Holding": "partner", "Zahra Digital": "partner"}
    assert [a.text for a in venture.amounts] == ["8 billion liras", "$200 million"]
    assert bond.type.value == "financing"


def test_a_sovereign_fund_s_framework_then_its_arm_s_own_stake_with_state_media_boilerplate() -> None:
    pact, stake = deals_of("Corvo Investment Authority, the Qatari sovereign wealth fund, signed on Sunday a framework "
                           "agreement with Morocco's Ministry of Digital Transition to invest up to 20 billion dirhams "
                           "in data centres.\n\n"
                           "The agreement comes within the framework of the distinguished fraternal relations between "
                           "the State of Qatar and the Kingdom of Morocco.\n\n"
                           "Corvo Digital, the technology investment arm of the Authority, will take a 25 percent stake "
                           "in Casablanca-based operator Tarik Cloud through a capital increase of MAD 1.1 billion.")
    assert {p.name for p in pact.parties} == {"Corvo Investment Authority", "Ministry of Digital Transition"}
    assert {p.name: p.role for p in stake.parties} == {"Corvo Digital": "investor", "Tarik Cloud": "recipient"}


def test_a_describing_word_that_opens_a_sentence_is_no_part_of_the_name() -> None:
    deal, = deals_of("State-run Kestrel National Oil Co signed a supply contract on Monday with Harrow Pipe Works to "
                     "buy 300km of pipe.")
    assert {p.name for p in deal.parties} == {"Kestrel National Oil Co", "Harrow Pipe Works"}
