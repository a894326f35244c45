"""Shapes of news that a sixth batch of articles written blind to the parser showed it misread; sentences our own."""

from __future__ import annotations

from parse_helpers import deals_of, roles_of


def test_a_timeline_item_s_date_dates_the_deal_its_paragraph_tells() -> None:
    deals = deals_of("Here are the quarter's deals, in date order.\n\n"
                     "January 12 - Grids. Ostrava Power agreed to buy Silesian Lines from Tatra Energy for €300 million.\n\n"
                     "February 3 - Solar. Vistula Sun secured a €40 million loan from Baltic Green Bank.")
    assert [d.date for d in deals] == ["2026-01-12", "2026-02-03"]


def test_the_company_after_a_state_s_mou_is_the_company_that_signed_it() -> None:
    deals = deals_of("Harbin Grid agreed to buy Amur Lines from Sakha Energy for $300 million.\n\n"
                     "Ghana's Energy Commission signed a memorandum of understanding with Volta Sun Power for a "
                     "500-megawatt solar plant. The company put the investment at $400 million.")
    amounts = {d.parties[0].name: [a.value for a in d.amounts] for d in deals}
    mou = next(d for d in deals if d.type.value == "mou")
    assert [a.value for a in mou.amounts] == [400_000_000]
    assert all(400_000_000 not in values for name, values in amounts.items() if mou.parties[0].name != name)


def test_a_possessive_divestment_sells() -> None:
    roles = roles_of("Orla Post's divestment of its logistics arm, Kestrel Freight, to Tavin Equity Partners closed "
                     "in March.")
    assert roles["Orla Post"][1] == "seller" and roles["Tavin Equity Partners"][1] == "acquirer"


def test_a_strategy_to_divest_is_no_sale() -> None:
    deals = deals_of("Orla Post sold its parcel unit to Kestrel Freight for $90 million on Monday.\n\n"
                     "The chairman said the move is part of the company's strategy, announced in 2024, to divest "
                     "non-core assets.")
    assert len(deals) == 1
