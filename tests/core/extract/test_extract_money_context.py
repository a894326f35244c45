"""Currencies of the wider world, local dollars, decimal commas, and more amounts that are not deal amounts."""

from __future__ import annotations

import pytest

from core.extract.money import MoneyMention, currency_of, find_amounts


def _only(text: str) -> MoneyMention:
    found = find_amounts(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "currency", "written"),
    [
        ("The county signed a 2.4 billion shillings loan for roads.", 2.4e9, "KES", "2.4 billion shillings"),
        ("The lender gave KSh 5.2 billion to the utility.", 5.2e9, "KES", "KSh 5.2 billion"),
        ("Farmers got Ksh3.1B from the fund.", 3.1e9, "KES", "Ksh3.1B"),
        ("The co-operative borrowed Sh900 million for a plant.", 900e6, "KES", "Sh900 million"),
        ("The bank lent 40 billion Ugandan shillings to the mill.", 40e9, "UGX", "40 billion Ugandan shillings"),
        ("The ministry granted 250 million forints to the maker.", 250e6, "HUF", "250 million forints"),
        ("The grid operator raised 1.5 billion lei in bonds.", 1.5e9, "RON", "1.5 billion lei"),
        ("The group paid 3 billion Czech crowns for the mine.", 3e9, "CZK", "3 billion Czech crowns"),
        ("It bought the chain for 800 million zlotys.", 800e6, "PLN", "800 million zlotys"),
        ("A 20 billion hryvnia loan was agreed.", 20e9, "UAH", "20 billion hryvnia"),
        ("The bank extended 500 million cedis to exporters.", 500e6, "GHS", "500 million cedis"),
        ("The miner will invest 2 billion kwacha in the smelter.", 2e9, "ZMW", "2 billion kwacha"),
        ("The state agreed a 12 billion birr deal with the builder.", 12e9, "ETB", "12 billion birr"),
        ("The port operator signed a 5 billion Moroccan dirhams pact.", 5e9, "MAD", "5 billion Moroccan dirhams"),
        ("The fund put KD 120 million into the tower.", 120e6, "KWD", "KD 120 million"),
        ("The refiner signed an OMR 300 million loan.", 300e6, "OMR", "OMR 300 million"),
        ("The utility raised R2.5bn from lenders.", 2.5e9, "ZAR", "R2.5bn"),
        ("The bank lent N50 billion to the refinery.", 50e9, "NGN", "N50 billion"),
        ("The lender signed a USD$12,5 million facility with the mill.", 12.5e6, "USD", "USD$12,5 million"),
        ("The builder won a $54 M contract from the navy.", 54e6, "USD", "$54 M"),
        ("The chain was sold for 700 million pesos to a rival.", 700e6, "MXN", "700 million pesos"),
        ("The Chilean buyer paid 90 billion Chilean pesos.", 90e9, "CLP", "90 billion Chilean pesos"),
    ],
)
def test_currencies_of_the_wider_world(text: str, value: float, currency: str, written: str) -> None:
    mention = _only(text)
    assert mention.value == pytest.approx(value)
    assert mention.currency == currency
    assert mention.text == written
    assert mention.excluded is None


@pytest.mark.parametrize(
    "text",
    [
        "The R2 unit was sold.",
        "Staff must wear N95 masks on site.",
        "The 12,5 per cent stake was sold.",
        "Team R 3 won the race.",
    ],
)
def test_short_signs_need_a_magnitude(text: str) -> None:
    assert find_amounts(text) == []


@pytest.mark.parametrize(("token", "code"), [("KSh", "KES"), ("forints", "HUF"), ("HUF", "HUF"), ("lei", "RON")])
def test_currency_of_new_tokens(token: str, code: str) -> None:
    assert currency_of(token) == code


def test_bare_dollar_in_a_new_zealand_story_is_the_local_dollar() -> None:
    text = ("The Government will lend $3 million to a Te Awa orchard. Auckland growers welcomed it, "
            "and New Zealand exporters expect more work.")
    assert [m.currency for m in find_amounts(text)] == ["NZD"]


def test_bare_dollar_stays_us_dollar_when_a_story_writes_local_dollars_out() -> None:
    text = ("Toronto's Maple bought the Ontario site for C$400 million ($300 million). "
            "Canadian rivals in Alberta had bid too.")
    assert [m.currency for m in find_amounts(text)] == ["CAD", "USD"]


def test_bare_dollar_stays_us_dollar_when_the_story_names_the_us() -> None:
    text = "Sydney's Wattle will pay $2 billion for a Texas grid firm, Australian papers said in Melbourne."
    assert [m.currency for m in find_amounts(text)] == ["USD"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Pine had C$40 billion ($29 billion) in assets under management.", "assets under management"),
        ("The seller will book a gain of about $120 million on the sale.", "revenue"),
        ("The unit wrote gross premiums of $650 million last year.", "revenue"),
        ("The pair will form a group with a combined value of about $18 billion.", "valuation"),
        ("The round took its valuation to nearly $2 billion.", "valuation"),
        ("It became a unicorn with a valuation north of $1 billion.", "valuation"),
        ("Shares will be offered at a price range of $20 to $22.", "share price"),
        ("The chipmaker beat analysts' estimates of $4.1 billion.", "forecast"),
        ("The agency says the deal will bring over £30mn in potential export orders.", "forecast"),
        ("Since 2019, $1.8 billion has been paid out from the regional funds.", "aggregate"),
        ("The round brought the total capital raised by the startup to over $90 million.", "aggregate"),
        ("Firms opened plants worth a combined $400 million this year.", "aggregate"),
        ("The grants for the plants add up to $50 million, he said.", "aggregate"),
        ("The state has invested more than $30 billion in the solar sector.", "aggregate"),
        ("The mission has an initial outlay of $2 billion.", "programme total"),
        ("The ministry confirmed a $3 billion allocation for the mission.", "programme total"),
        ("The carrier bought airwaves in a $15bn spectrum auction.", "programme total"),
        ("The office is responsible for administering $40 billion in incentives.", "programme total"),
        ("The mill is the first to win aid from a $2 billion public fund set up last year.", "fund size"),
        ("The manager set the target size at $800 million.", "target"),
        ("The overall order book fell by 5% to £9bn.", "order book"),
        ("Net debt was cut during the year to £400m.", "liabilities"),
        ("Revenues at the group rose 4% to £2.1 billion.", "revenue"),
    ],
)
def test_more_amounts_that_are_not_deal_amounts(text: str, reason: str) -> None:
    found = find_amounts(text)
    assert found, text
    assert found[-1].excluded == reason


@pytest.mark.parametrize(
    "text",
    [
        "The two funds agreed to set up a $500 million technology fund.",
        "The buyer will pay $2 billion, of which $500 million is due on closing.",
        "The lender signed a $300 million facility under which the builder can draw funds.",
        "Birch has invested $40 million in Elm, its third bet this year.",
        "The state signed an MoU worth Rs 1,200 crore with the firm for a data centre.",
    ],
)
def test_deal_amounts_are_still_kept(text: str) -> None:
    assert all(m.excluded is None for m in find_amounts(text))


@pytest.mark.parametrize(
    ("text", "values", "currencies"),
    [
        ("The firm got RM1.2bil for the tower.", [1.2e9], ["MYR"]),
        ("The insurer paid RM450mil in cash.", [450e6], ["MYR"]),
        ("Seoul approved W1.5 trillion for the fab.", [1.5e12], ["KRW"]),
        ("The lender raised Rmb8bn in bonds.", [8e9], ["CNY"]),
        ("The buyer paid NKr12bn for the fleet.", [12e9], ["NOK"]),
        ("The bank lent P2.5 billion to the builder.", [2.5e9], ["PHP"]),
        ("The city signed a 400 mln zł loan.", [400e6], ["PLN"]),
        ("The mill was sold for £500m/$650m last week.", [500e6, 650e6], ["GBP", "USD"]),
    ],
)
def test_more_signs_and_magnitudes(text: str, values: list[float], currencies: list[str]) -> None:
    found = find_amounts(text)
    assert [m.value for m in found] == pytest.approx(values)
    assert [m.currency for m in found] == currencies


def test_slash_between_two_currencies_is_a_conversion() -> None:
    found = find_amounts("The mill was sold for £500m/$650m last week.")
    assert found[1].conversion_of == 0 and found[0].usd_value == pytest.approx(650e6)


def test_upper_end_of_a_range_may_repeat_only_the_magnitude() -> None:
    found = find_amounts("Analysts see the unit fetching €30bn-45bn in a sale.")
    assert [m.value for m in found] == pytest.approx([30e9, 45e9])
    assert (found[0].range_with, found[1].range_with) == (1, 0)


def test_a_larger_magnitude_word_after_to_is_no_range_end() -> None:
    found = find_amounts("The carrier paid $5 billion to 10 million users in refunds.")
    assert [m.value for m in found] == [5e9]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The exchange could raise up to $1 billion in its initial public offering.", "IPO"),
        ("The chain plans an IPO of about $600 million next year.", "IPO"),
        ("The founder has a net worth of about $9 billion.", "valuation"),
        ("The round took total funding to $120 million.", "aggregate"),
        ("Investors have put in a cumulative $3 billion.", "aggregate"),
    ],
)
def test_listings_fortunes_and_totals_are_not_deal_amounts(text: str, reason: str) -> None:
    assert find_amounts(text)[-1].excluded == reason


def test_a_sales_agreement_is_a_deal_not_sales() -> None:
    assert [m.excluded for m in find_amounts("The firms signed a gas sales agreement worth $2 billion.")] == [None]


def test_a_valuation_told_after_a_sum_in_brackets_of_words_is_no_deal_amount() -> None:
    text = "The new money, equal to about NIS 310 million, values Qeshet at $640 million after the investment."
    assert [a.text for a in find_amounts(text) if a.excluded is None] == ["NIS 310 million"]


def test_an_enterprise_value_including_debt_beside_the_price_is_no_deal_amount() -> None:
    text = "Including debt, the transaction values the Dallas-based company at about $6.3 billion."
    assert [a.excluded for a in find_amounts(text)] == ["enterprise value"]


def test_where_the_stock_traded_is_no_deal_amount() -> None:
    text = "The stock had traded as low as A$3.90 last year amid worries about the company's debt."
    assert [a.excluded for a in find_amounts(text)] == ["share price"]
