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
