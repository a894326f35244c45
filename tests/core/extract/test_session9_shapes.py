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
