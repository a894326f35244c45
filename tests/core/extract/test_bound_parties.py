"""Who is bound by a deal though the sentence names them aside, each in sentences of our own."""

from __future__ import annotations

from core.extract import parse_text
from parse_helpers import deals_of, roles_of


def test_a_ministry_that_guarantees_a_loan_in_a_relative_clause_is_bound_by_it():
    roles = roles_of("Calder Homes has secured 900 million riyals in loans from Orrin Bank that are guaranteed by "
                     "the finance ministry, the company said.")
    assert roles == {"Calder Homes": ("company", "borrower"), "Orrin Bank": ("company", "lender"),
                     "Ministry of Finance": ("government", "government")}


def test_a_company_named_in_a_relative_clause_is_still_no_party():
    roles = roles_of("Calder Homes has secured a $90 million loan from Orrin Bank that is used by Pellow Foods.")
    assert set(roles) == {"Calder Homes", "Orrin Bank"}


def types_of(text: str) -> list[str]:
    return [d.type.value for d in deals_of(text)]


def test_an_mou_to_buy_a_stake_has_a_buyer_sellers_and_a_target():
    roles = roles_of("Orrin Foods has entered into an MoU with Tallis Agro and its unit Tallis Mills to acquire a 30% "
                     "stake in Wexley Grain, a local miller.")
    assert roles == {"Orrin Foods": ("company", "acquirer"), "Tallis Agro": ("company", "seller"),
                     "Tallis Mills": ("company", "seller"), "Wexley Grain": ("company", "target")}


def test_an_mou_to_jointly_acquire_keeps_its_partners():
    roles = roles_of("Orrin Foods has entered into an MoU with Tallis Agro to jointly acquire Wexley Grain.")
    assert roles["Tallis Agro"][1] == "partner"


def test_an_option_agreement_to_acquire_a_stake_is_an_acquisition():
    roles = roles_of("Corvo Metals has entered into an option agreement with Pell Resources to acquire a 70% stake in "
                     "the Mbala copper project in Zambia.")
    assert types_of("Corvo Metals has entered into an option agreement with Pell Resources to acquire a 70% stake in "
                    "the Mbala copper project in Zambia.") == ["acquisition"]
    assert roles == {"Corvo Metals": ("company", "acquirer"), "Pell Resources": ("company", "seller")}


def test_approving_the_deal_and_borrowing_for_it_is_no_loan():
    assert types_of("Corvo Metals will buy Pell Resources for $300 million. Corvo will ask shareholders to approve the "
                    "deal in May, when it will also seek approval to borrow 200 million euros to cover the costs.") \
        == ["acquisition"]


def test_several_backers_of_one_startup_make_a_round():
    assert types_of("Kijani Ventures and other investors have invested in Sokoni, a Kenyan grocery platform that "
                    "helps shops with collective purchasing of fresh produce.") == ["funding_round"]


def test_a_ministry_that_reviews_a_deal_is_no_party():
    deals = parse_text("Deal news\n\nCorvo Metals agreed to buy Pell Resources for $300 million. The deal requires "
                       "approval from the competition authority and a review by the industry ministry.",
                       published="2026-03-04").deals
    assert [sorted(p.name for p in d.parties) for d in deals] == [["Corvo Metals", "Pell Resources"]]


def test_a_nation_signing_an_mou_with_a_company_is_its_partner():
    roles = roles_of("Harrow Capital and the government of Chile signed a memorandum of understanding to invest in "
                     "clean energy.")
    assert roles["Chile"] == ("government", "partner")
    assert roles["Harrow Capital"] == ("company", "investor")


def test_a_state_signing_an_mou_with_a_company_hosts_its_investment():
    roles = roles_of("The Gujarat government signed an MoU with Harrow Capital to invest Rs 5,000 crore in a data "
                     "centre.")
    assert roles["Gujarat"] == ("government", "government")


def test_a_round_put_into_a_named_company_by_a_kind_of_investor():
    roles = roles_of("In June, impact VC Baobab Ventures doubled down with series A funding of $4 million in Tarimo, "
                     "which runs cold stores in Arusha.")
    assert roles == {"Baobab Ventures": ("company", "investor"), "Tarimo": ("company", "recipient")}


def test_a_company_announcing_its_own_debt_financing_borrows():
    roles = roles_of("This week Kilele Foods announced debt financing of $3.5 million.")
    assert roles == {"Kilele Foods": ("company", "borrower")}


def test_a_cue_word_inside_a_longer_word_blocks_nothing() -> None:
    # "per" (a source: "per Reuters") is not the start of "Peru's"; nor "than" of "Thanh".
    roles = roles_of("Peru's Orla Agro has signed an agreement to form a joint venture with Tavin Trading Co.")
    assert set(roles) == {"Orla Agro", "Tavin Trading Co."} or set(roles) == {"Orla Agro", "Tavin Trading"}


def test_an_advisory_firm_that_arranged_a_deal_is_no_party() -> None:
    deals = deals_of("Halden Grid signed a ten-year power purchase agreement with Brekke Chemicals on Monday.\n\n"
                     "The agreement was arranged by Oslo-based energy advisory firm Fjord Markets.")
    assert [sorted(p.name for p in d.parties) for d in deals] == [["Brekke Chemicals", "Halden Grid"]]
