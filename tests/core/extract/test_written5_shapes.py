"""Shapes met on the fifth written batch, each in sentences of our own: sukuk, model codes, a place before "-based"."""

from __future__ import annotations

from core.extract import parse_text
from core.extract.money import find_amounts
from parse_helpers import deals_of


def test_a_sukuk_is_a_financing_and_its_programme_name_no_issuer():
    deals = deals_of("Perak Power Bhd and Osaka Gas Co. agreed to form a joint venture on Monday.\n\nSeparately, the "
                     "Kuala Lumpur-based utility priced RM1 billion of sustainability sukuk, its first issue under a "
                     "RM3 billion Sukuk Wakalah programme. The sukuk drew orders of RM3.2 billion, and pension fund "
                     "Tabung Amanah took RM200 million of the paper as anchor investor. Analysts kept a target price of "
                     "RM9.40, against Tuesday's close of RM8.10.")
    sukuk = next(d for d in deals if d.type.value == "financing")
    assert {p.name: p.role for p in sukuk.parties} == {"Perak Power Bhd": "borrower", "Tabung Amanah": "investor"}
    texts = {a.text for d in deals for a in d.amounts}
    assert "RM3.2 billion" not in texts and "RM9.40" not in texts and "RM8.10" not in texts
    assert "Kuala" not in {p.name for d in deals for p in d.parties}


def test_a_model_code_and_a_glued_sum_are_cut_from_a_name():
    deals = deals_of("Najran Air placed a firm order for 12 Aerolis AX-320 jets worth $1.2 billion. Kenya's National "
                     "Treasury Dh1.5 billion loan was signed with Gulf Development Fund.")
    names = {p.name for d in deals for p in d.parties}
    assert "Aerolis" in names and not any("AX-320" in n or "Dh1" in n for n in names)


def test_partners_investing_a_combined_sum_is_the_deals_amount():
    assert [a.excluded for a in find_amounts("The partners will invest a combined RM2.4 billion in the first phase.")] \
        == [None]
    assert [a.excluded for a in find_amounts("The three deals have a combined $4 billion in value.")] == ["aggregate"]


def test_a_grant_told_after_an_investment_quote_opens_no_name():
    deals = deals_of("Suzuka Robotics agreed to buy Hokuto Sensors for ¥90 billion.\n\n“Bringing Hokuto into the "
                     "group gives us sensors,” the chief executive said.")
    assert {p.name for d in deals for p in d.parties} == {"Suzuka Robotics", "Hokuto Sensors"}


def test_a_sukuk_raised_and_the_funds_that_took_the_issue():
    deals = deals_of("Hijaz Data Centers Co. raised 1 billion riyals from its first sukuk on Wednesday.\n\nAl Qassim "
                     "Pension Fund took 300 million riyals of the issue as anchor investor, and Tabuk Insurance Co. "
                     "bought 100 million riyals.")
    assert [(d.type.value, {p.name: p.role for p in d.parties}) for d in deals] == [
        ("financing", {"Hijaz Data Centers Co.": "borrower", "Al Qassim Pension Fund": "investor",
                       "Tabuk Insurance Co.": "investor"})]


def test_the_maker_under_which_a_supply_deal_is_told_and_a_tenant_who_leases():
    deals = deals_of("Chilean grid company Andes Transmision signed a supply agreement with Qinhe Electric Co. on "
                     "Tuesday, under which the Chinese manufacturer will deliver two converter stations.\n\nSeparately, Kedah "
                     "Digital Bhd has signed a 15-year agreement with US cloud company Redwood Compute Inc. Under the "
                     "agreement signed yesterday, Redwood will lease 80 megawatts of capacity at Kedah's campus.")
    assert [{p.name: p.role for p in d.parties} for d in deals] == [
        {"Andes Transmision": "customer", "Qinhe Electric Co.": "supplier"},
        {"Kedah Digital Bhd": "supplier", "Redwood Compute Inc.": "customer"},
    ]


def test_a_regulator_approving_the_bonds_buys_none():
    deals = deals_of("Luzon Power raised P10 billion from debut green bonds anchored by Manila Pension Fund. The "
                     "Securities and Exchange Commission approved the registration of the bonds in November.")
    assert {p.name for p in deals[0].parties} == {"Luzon Power", "Manila Pension Fund"}


def test_each_numbered_item_of_a_list_of_mous_is_a_deal_of_its_own():
    deals = parse_text("Kerala inks MoUs with three firms at investors' meet\n\nThe Kerala government on Tuesday "
                       "signed memoranda of understanding with three companies.\n\nThe agreements signed were:\n\n"
                       "1. Periyar Semicon will invest Rs 2,000 crore in a chip packaging plant.\n\n"
                       "2. Malabar Foods will invest Rs 500 crore to expand its spice plant.\n\n"
                       "3. Vembanad Wind Energy will invest Rs 900 crore to repower wind farms.",
                       published="2026-03-04").deals
    companies = [sorted(p.name for p in d.parties if p.kind.value == "company") for d in deals]
    assert companies == [["Periyar Semicon"], ["Malabar Foods"], ["Vembanad Wind Energy"]]
