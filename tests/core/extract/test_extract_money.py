"""Amounts of money in text: currencies, magnitudes, ranges, conversions and amounts that are not deal amounts."""

from __future__ import annotations

import pytest

from core.extract.money import MoneyMention, currency_of, find_amounts


def _only(text: str) -> MoneyMention:
    found = find_amounts(text)
    assert len(found) == 1, found
    return found[0]


def _pairs(text: str) -> list[tuple[float, str]]:
    return [(m.value, m.currency) for m in find_amounts(text)]


@pytest.mark.parametrize(
    ("text", "value", "currency", "written"),
    [
        ("The fund put $250 million into the plant.", 250e6, "USD", "$250 million"),
        ("Orion paid US$1.2 billion for the stake.", 1.2e9, "USD", "US$1.2 billion"),
        ("It raised USD 40 million from backers.", 40e6, "USD", "USD 40 million"),
        ("The loan totals £75m over ten years.", 75e6, "GBP", "£75m"),
        ("Lenders agreed a GBP 300 million facility.", 300e6, "GBP", "GBP 300 million"),
        ("The grant is worth €12.5bn in total.", 12.5e9, "EUR", "€12.5bn"),
        ("Bids reached EUR 2 billion on Friday.", 2e9, "EUR", "EUR 2 billion"),
        ("The carmaker will invest ¥80 billion.", 80e9, "JPY", "¥80 billion"),
        ("A JPY 5 billion bond was placed.", 5e9, "JPY", "JPY 5 billion"),
        ("The city pledged 3.5 billion yuan to the park.", 3.5e9, "CNY", "3.5 billion yuan"),
        ("The lender wrote RMB 900 million in loans to the group.", 900e6, "CNY", "RMB 900 million"),
        ("Developers spent CNY 1.1 billion on the line.", 1.1e9, "CNY", "CNY 1.1 billion"),
        ("The state approved ₹3,400 crore for the corridor.", 34e9, "INR", "₹3,400 crore"),
        ("The startup raised Rs 45 crore in seed money.", 450e6, "INR", "Rs 45 crore"),
        ("The refinery costs Rs. 1,200 cr to build.", 12e9, "INR", "Rs. 1,200 cr"),
        ("A INR 600 crore order was placed.", 6e9, "INR", "INR 600 crore"),
        ("The miner bought the site for ₹80 lakh.", 8e6, "INR", "₹80 lakh"),
        ("Pledges came to ₹1.5 lakh crore at the summit.", 1.5e12, "INR", "₹1.5 lakh crore"),
        ("Pledges came to ₹3.75L crore at the summit.", 3.75e12, "INR", "₹3.75L crore"),
        ("The plant will cost KRW 2 trillion.", 2e12, "KRW", "KRW 2 trillion"),
        ("The shipyard signed a 4-trillion-won order.", 4e12, "KRW", "4-trillion-won"),
        ("The insurer will spend 320.5 billion won on the campus.", 320.5e9, "KRW", "320.5 billion won"),
        ("The mine was sold for A$410 million.", 410e6, "AUD", "A$410 million"),
        ("The pipeline costs C$6 billion.", 6e9, "CAD", "C$6 billion"),
        ("The port deal is worth S$700 million.", 700e6, "SGD", "S$700 million"),
        ("The tower was bought for HK$3.3 billion.", 3.3e9, "HKD", "HK$3.3 billion"),
        ("The ministry awarded SR 1.8 billion in contracts to the builder.", 1.8e9, "SAR", "SR 1.8 billion"),
        ("A SAR 500 million loan was signed.", 500e6, "SAR", "SAR 500 million"),
        ("The airline ordered jets worth AED 9 billion.", 9e9, "AED", "AED 9 billion"),
        ("The port will get 2 billion dirhams of upgrades.", 2e9, "AED", "2 billion dirhams"),
        ("The bank lent CHF 250 million to the utility.", 250e6, "CHF", "CHF 250 million"),
        ("The group raised 80 million euros from investors.", 80e6, "EUR", "80 million euros"),
        ("It agreed a 12.6 billion pound takeover.", 12.6e9, "GBP", "12.6 billion pound"),
        ("The club was sold for 400 million pounds.", 400e6, "GBP", "400 million pounds"),
        ("The startup raised 60 million dollars.", 60e6, "USD", "60 million dollars"),
        ("The bank signed a 95-mln-USD loan.", 95e6, "USD", "95-mln-USD"),
        ("The bank signed a 95-million-USD loan.", 95e6, "USD", "95-million-USD"),
        ("The tie-up is valued at $7.5 billion dollars by the parties.", 7.5e9, "USD", "$7.5 billion dollars"),
        ("The chipmaker raised $850k from angels.", 850e3, "USD", "$850k"),
        ("The firm closed a $410M round.", 410e6, "USD", "$410M"),
        ("The buyer paid $2 bn for the unit.", 2e9, "USD", "$2 bn"),
        ("The fund committed €45 mln to the plant.", 45e6, "EUR", "€45 mln"),
        ("The lender provided $30 mn to the farm.", 30e6, "USD", "$30 mn"),
        ("The utility will issue $1.25tn of bonds over time.", 1.25e12, "USD", "$1.25tn"),
        ("The seller got $800 thousand for the plot.", 800e3, "USD", "$800 thousand"),
        ("The company pledged half a billion dollars to the programme.", 0.5e9, "USD", "half a billion dollars"),
        ("The state offered three billion euros in aid.", 3e9, "EUR", "three billion euros"),
        ("It is a twenty-five million pounds deal.", 25e6, "GBP", "twenty-five million pounds"),
        ("Investors put a billion dollars into the venture.", 1e9, "USD", "a billion dollars"),
        ("Record $12 Billion Bond Sale Planned", 12e9, "USD", "$12 Billion"),
        ("The fund bought it for R$ 900 million.", 900e6, "BRL", "R$ 900 million"),
    ],
)
def test_amount_value_currency_and_text(text: str, value: float, currency: str, written: str) -> None:
    mention = _only(text)
    assert mention.value == pytest.approx(value)
    assert mention.currency == currency
    assert mention.text == written
    assert text[mention.start:mention.end] == written
    assert mention.excluded is None


def test_values_are_exact_in_whole_currency_units() -> None:
    assert _only("It offered up to roughly $4.37 billion in aid.").value == 4_370_000_000
    assert _only("It raised ₹2.65 lakh crore.").value == 2_650_000_000_000


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The group will invest between €20 billion and €35 billion in the network.", 20e9, 35e9),
        ("The project will cost A$250 million to A$300 million to build.", 250e6, 300e6),
        ("It is seen at 15 to 20 billion euros over the decade.", 15e9, 20e9),
        ("The bids ranged between ₹1.1 lakh crore and ₹1.9 lakh crore.", 1.1e12, 1.9e12),
        ("The unit could fetch $3-4 billion in a sale.", 3e9, 4e9),
        ("The unit could fetch $3 to $4 billion in a sale.", 3e9, 4e9),
        ("Analysts see €30bn–€45bn of orders.", 30e9, 45e9),
    ],
)
def test_range_is_two_linked_mentions(text: str, first: float, second: float) -> None:
    found = find_amounts(text)
    assert [m.value for m in found] == pytest.approx([first, second])
    assert found[0].range_with == 1 and found[1].range_with == 0
    assert found[0].currency == found[1].currency
    for mention in found:
        assert text[mention.start:mention.end] == mention.text


def test_between_range_has_between_qualifier() -> None:
    found = find_amounts("The buyer will pay between $1 billion and $2 billion.")
    assert [m.qualifier for m in found] == ["between", "between"]


def test_two_amounts_joined_by_and_without_between_are_not_a_range() -> None:
    found = find_amounts("It spent $5 million and $3 million on two sites.")
    assert [m.range_with for m in found] == [None, None]


@pytest.mark.parametrize(
    ("text", "source", "converted", "usd"),
    [
        ("The buyer will pay £320 million (US$410 million) for the port.", ("GBP", 320e6), ("USD", 410e6), 410e6),
        ("It agreed a 9.1 billion pound ($11.8 billion) offer.", ("GBP", 9.1e9), ("USD", 11.8e9), 11.8e9),
        ("The shipyard won a 2-trillion-won ($1.46 billion) order.", ("KRW", 2e12), ("USD", 1.46e9), 1.46e9),
        ("The lender gave €400 million ($468m) in debt.", ("EUR", 400e6), ("USD", 468e6), 468e6),
        ("It raised 150.2 million euros (about $162 million) in May.", ("EUR", 150.2e6), ("USD", 162e6), 162e6),
        ("The bank signed £50m, or about $63m, of loans.", ("GBP", 50e6), ("USD", 63e6), 63e6),
    ],
)
def test_bracketed_conversion_links_and_sets_usd_value(
    text: str, source: tuple[str, float], converted: tuple[str, float], usd: float
) -> None:
    first, second = find_amounts(text)
    assert first.currency == source[0] and first.value == pytest.approx(source[1])
    assert second.currency == converted[0] and second.value == pytest.approx(converted[1])
    assert second.conversion_of == 0 and first.conversion_of is None
    assert first.usd_value == pytest.approx(usd)


def test_usd_first_conversion_sets_usd_value_on_the_non_usd_amount() -> None:
    first, second = find_amounts("The partners formed a $2 bn (€1.8 bn) venture.")
    assert (first.currency, second.currency) == ("USD", "EUR")
    assert second.conversion_of == 0
    assert second.usd_value == pytest.approx(2e9)
    assert first.usd_value is None


def test_range_with_converted_range_links_end_to_end() -> None:
    found = find_amounts("It will cost A$350 million to A$400 million (US$230 million to US$260 million).")
    assert [m.currency for m in found] == ["AUD", "AUD", "USD", "USD"]
    assert (found[2].conversion_of, found[3].conversion_of) == (0, 1)
    assert found[0].usd_value == pytest.approx(230e6)


def test_same_currency_in_brackets_is_not_a_conversion() -> None:
    found = find_amounts("The deal ($5 billion) replaces an earlier $4 billion bid.")
    assert all(m.conversion_of is None for m in found)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The contract is worth up to £6m over three years.", "up to"),
        ("The pact is worth over $2 billion.", "over"),
        ("The pact is worth more than $2 billion.", "more than"),
        ("The venture will receive around €300 mln.", "around"),
        ("The deal is valued at about $1 billion, people said.", "about"),
        ("The grant covers nearly $90 million of costs.", "nearly"),
        ("The state will provide up to roughly $2.1 billion in funding.", "up to roughly"),
        ("Buyers committed at least $500 million.", "at least"),
        ("Funding reached $40 million or more, the firm said.", "or more"),
        ("The pair signed a $12 billion-a-year cloud contract.", "per year"),
        ("The firm signed a $400 million contract.", None),
    ],
)
def test_qualifier(text: str, qualifier: str | None) -> None:
    assert _only(text).qualifier == qualifier


def test_per_year_glued_to_amount_is_part_of_its_text() -> None:
    mention = _only("The pair signed a $12 billion-a-year cloud contract.")
    assert mention.text == "$12 billion-a-year"
    assert mention.value == 12e9


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Granite, which manages about $900 billion in assets, led the round.", "assets under management"),
        ("The firm has $45 billion of assets under management.", "assets under management"),
        ("The lender, with AUM of $12 billion, joined.", "assets under management"),
        ("The round was led by Pine at a $2.8 billion valuation.", "valuation"),
        ("The startup is now valued at $6 billion after the round.", "valuation"),
        ("The raise gives the firm a valuation of $900 million.", "valuation"),
        ("The global battery market will reach $310.5 billion by 2032.", "market size"),
        ("The market is expected to reach $80 billion by 2030, analysts said.", "market size"),
        ("Consumer spending is projected to reach $2 trillion.", "forecast"),
        ("The region's digital economy will hit $1 trillion by 2030.", "market size"),
        ("It is a $40 billion market for the chips.", "market size"),
        ("The company reported revenue of $3.1 billion last year.", "revenue"),
        ("The group posted $600 million in annual sales.", "revenue"),
        ("Net profit rose 12% to $410 million.", "revenue"),
        ("The buyer will pay 14 pounds for every Aster share.", "share price"),
        ("The offer values each share at $31, or $31 per share.", "share price"),
        ("Investors get $18.50 a share in cash.", "share price"),
        ("The deal frees the firm from $7 billion in future lease obligations.", "liabilities"),
        ("So far this year, $2.2 billion has been invested in robotics startups.", "aggregate"),
        ("Another $900 million has been raised by climate funds.", "aggregate"),
        ("The state signed 40 MoUs worth over ₹1.2 lakh crore at the summit.", "aggregate"),
        ("Exports climbed to $9 billion, up from $7 billion a year earlier.", "comparison"),
        ("The round, which values the maker at $2.4bn, was led by Ash.", "valuation"),
        ("The startup has raised $95 million to date from angels.", "aggregate"),
        ("Shares of the insurer rose 4% to $61.30 in early trading.", "share price"),
        ("The bid was 40% above the closing price of $18.75.", "share price"),
        ("The fund closed on $6bn, beating its $5bn target.", "target"),
        ("The insurer's market capitalisation is about $90 billion.", "valuation"),
        ("Backers poured $14 billion into battery startups in 2024.", "aggregate"),
        ("The bank took a one-time charge of $450 million.", "fine or charge"),
        ("The broker was fined $8 million by the regulator.", "fine or charge"),
        ("The merger terms include a $300 million break fee.", "fine or charge"),
        ("The state launched a Rs 20,000-crore scheme for chip plants.", "programme total"),
    ],
)
def test_not_a_deal_amount_gets_a_reason(text: str, reason: str) -> None:
    found = find_amounts(text)
    assert found, text
    assert found[-1].excluded == reason


@pytest.mark.parametrize(
    "text",
    [
        "Keel agreed a $9 billion acquisition of Harbor Systems.",
        "The pair signed a deal valued at $3 billion.",
        "The lender signed a $120 million loan with the developer.",
        "The state signed an MoU worth ₹4,000 crore with the firm.",
        "Rowan raised $300 million in a round led by Pike.",
        "The consortium will invest $2 billion in the market over time.",
        "Vale Capital managed to raise $700 million for the fund.",
        "The partners signed a contract worth up to £6m.",
        "It raised $1.1 billion in debt financing for the campus.",
        "The deal values Corvid at $5bn including debt.",
        "The tie-up is valued at $7.5 billion by the parties.",
    ],
)
def test_deal_amounts_are_kept(text: str) -> None:
    assert [m.excluded for m in find_amounts(text)] == [None]


def test_lease_obligations_excluded_but_acquisition_in_same_sentence_kept() -> None:
    found = find_amounts(
        "Keel made a $9 billion acquisition of Harbor, which frees it from $10 billion in future lease obligations."
    )
    assert [(m.value, m.excluded) for m in found] == [(9e9, None), (10e9, "liabilities")]


def test_valuation_in_same_sentence_as_round_excludes_only_the_valuation() -> None:
    found = find_amounts("Lumen closed a $250 million Series C led by Oak at a $3 billion valuation.")
    assert [m.excluded for m in found] == [None, "valuation"]


def test_exclusion_spreads_to_a_stated_conversion() -> None:
    found = find_amounts("Holders will get 9 pounds ($11.40) for every share they own.")
    assert [m.excluded for m in found] == ["share price", "share price"]


def test_assets_clause_does_not_leak_into_the_deal_amount() -> None:
    found = find_amounts("Birch, which manages $1 trillion in assets, agreed to buy Elm for $4 billion.")
    assert [m.excluded for m in found] == ["assets under management", None]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No numbers here at all.",
        "The wind farm will have 450 MW of capacity and a 1.2 GW second phase.",
        "The plant has 48-megawatt turbines and will create 3,000 jobs.",
        "Output rose 30 percent and margins grew 12% in 2024.",
        "The campus covers 250,000 square feet on a 900-acre site.",
        "The firm was founded in 1998 and listed in 2015.",
        "The team won 3 contracts and employs 2.0M people.",
        "Sales of 5m units were expected by the 21st century.",
        "@@##!! $$ €€ ££ 123abc 4.5.6",
        "Billions of dollars are flowing into billion-dollar deals.",
        "The 30-year-old founder won 2 awards.",
        "The deal is worth €3,5 milliards.",
    ],
)
def test_text_without_money_gives_no_amounts(text: str) -> None:
    assert find_amounts(text) == []


def test_amounts_come_in_text_order_with_exact_offsets() -> None:
    text = "First €5 million, then three billion euros, then $7bn, and finally Rs 20 crore."
    found = find_amounts(text)
    assert [m.currency for m in found] == ["EUR", "EUR", "USD", "INR"]
    assert [m.start for m in found] == sorted(m.start for m in found)
    for mention in found:
        assert text[mention.start:mention.end] == mention.text


def test_currency_of_an_unrelated_word_after_dollar_amount_is_ignored() -> None:
    mention = _only("The $5 billion won praise from analysts.")
    assert (mention.currency, mention.text) == ("USD", "$5 billion")


@pytest.mark.parametrize(
    ("token", "code"),
    [
        ("$", "USD"), ("US$", "USD"), ("usd", "USD"), ("£", "GBP"), ("pounds", "GBP"), ("€", "EUR"),
        ("euros", "EUR"), ("¥", "JPY"), ("yuan", "CNY"), ("RMB", "CNY"), ("₹", "INR"), ("Rs.", "INR"),
        ("won", "KRW"), ("A$", "AUD"), ("C$", "CAD"), ("S$", "SGD"), ("HK$", "HKD"), ("SR", "SAR"),
        ("dirhams", "AED"), ("CHF", "CHF"), ("Hong Kong dollars", "HKD"), ("dollars", "USD"),
        ("widgets", None), ("", None),
    ],
)
def test_currency_of(token: str, code: str | None) -> None:
    assert currency_of(token) == code


def test_mentions_are_frozen() -> None:
    mention = _only("It paid $1 million.")
    with pytest.raises(AttributeError):
        mention.value = 2.0  # type: ignore[misc]
