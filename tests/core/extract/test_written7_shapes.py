"""Shapes of news that a seventh batch of articles written blind to the parser showed it misread; sentences our own."""

from __future__ import annotations

from parse_helpers import deals_of, roles_of


def test_a_name_with_a_word_of_trade_fused_in_is_no_person() -> None:
    roles = roles_of("Ostara Semiconductor and Velmont Microsystems said on Tuesday they had agreed to combine in an "
                     "all-share merger of equals.")
    assert roles == {"Ostara Semiconductor": ("company", "partner"), "Velmont Microsystems": ("company", "partner")}


def test_a_past_purchase_told_with_it_after_a_year_and_a_seller_firm() -> None:
    deals = deals_of("Velmont has grown partly through acquisitions. In 2021 it bought Swedish lens-module maker "
                     "Lund Optics from investment firm Stellan Kapital for 240 million euros, a deal that gave it a "
                     "foothold in lidar.")
    deal, = deals
    assert deal.type.value == "acquisition" and deal.date.startswith("2021")
    assert {p.name: p.role for p in deal.parties} == {
        "Velmont": "acquirer", "Lund Optics": "target", "Stellan Kapital": "seller"}


def test_companies_that_joined_forces_form_the_venture_told_next() -> None:
    deals = deals_of("Grupo Sierra Energía has joined forces with Spain's Ibersol Renovables to develop 1.2 gigawatts "
                     "of solar capacity in Sonora, the companies announced on Wednesday.\n\n"
                     "The 50:50 joint venture, to be called Sonora Sol, plans to invest about 21 billion pesos in "
                     "three projects.")
    deal, = deals
    assert deal.type.value == "joint_venture"
    assert sorted(p.name for p in deal.parties) == ["Grupo Sierra Energía", "Ibersol Renovables"]
    assert [a.text for a in deal.amounts] == ["21 billion pesos"]


def test_a_firm_that_won_an_epc_order_supplies_and_a_unit_after_a_figure_is_no_name() -> None:
    deals = deals_of("Narmada Infra Projects has won an engineering, procurement and construction (EPC) order worth "
                     "SAR 2.1 billion from Rimal Power Company for a solar plant.\n\n"
                     "Under the order, Narmada will design the plant, buy and install modules, and build a 380 kV "
                     "substation.")
    assert [sorted((p.name, p.role) for p in d.parties) for d in deals] == [
        [("Narmada Infra Projects", "supplier"), ("Rimal Power Company", "customer")]]


def test_what_an_aside_says_a_company_does_is_no_cue_of_its_deal() -> None:
    roles = roles_of("Lagos-based Iroko Credit, which lends small businesses the money to put solar panels on their "
                     "roofs, has raised $3.2 million in a seed round led by Savannah Ventures.")
    assert roles == {"Iroko Credit": ("company", "recipient"), "Savannah Ventures": ("company", "investor")}


def test_a_deal_that_came_when_a_company_agreed_to_sell() -> None:
    roles = roles_of("The biggest deal came on Monday, when mobile operator Imbali Mobile agreed to sell its tower "
                     "subsidiary Umhlanga Towers to Drakensberg Digital for R8.2 billion.")
    assert {name: role for name, (_, role) in roles.items()} == {
        "Imbali Mobile": "seller", "Umhlanga Towers": "target", "Drakensberg Digital": "acquirer"}


def test_an_agreement_to_buy_chips_is_a_supply_contract_and_its_loan_is_borrowed() -> None:
    deals = deals_of("Bomun Cloud said on Wednesday it had signed a four-year agreement to buy graphics processing "
                     "units from chip designer Tesseract Compute worth 2.8 trillion won.\n\n"
                     "To help fund the purchase, Bomun Cloud also secured a 1 trillion won loan from state-run "
                     "Hangang Bank.")
    assert [(d.type.value, sorted((p.name, p.role) for p in d.parties)) for d in deals] == [
        ("contract", [("Bomun Cloud", "customer"), ("Tesseract Compute", "supplier")]),
        ("financing", [("Bomun Cloud", "borrower"), ("Hangang Bank", "lender")])]


def test_a_company_taken_private_by_a_consortium_whose_members_an_aside_names() -> None:
    roles = roles_of("Sydney-based Tallow Data will be taken private by a consortium led by buyout firm Harbour "
                     "Capital, after its board backed a proposal worth A$6.2 billion. The consortium, which also "
                     "includes private equity group Greyfield Partners and Canada's Laurel Pension Fund, will pay "
                     "A$5.85 cash a share.")
    assert {name: role for name, (_, role) in roles.items()} == {
        "Tallow Data": "target", "Harbour Capital": "acquirer", "Greyfield Partners": "acquirer",
        "Laurel Pension Fund": "acquirer"}


def test_talks_under_way_and_a_long_supply_relation_are_no_deal() -> None:
    assert deals_of("The filing shows that the company is negotiating a long-term power purchase agreement with "
                    "utility Yodo Electric for its Hokkaido site.") == ()
    assert deals_of("Northlake Power makes transformers. Northlake has supplied Lakeshore Hydro since the 1990s.") == ()
