"""Amounts typed by hand are read by the import's money parser, whole or not at all."""

import pytest

from core.amount_entry import AmountError, read_amount, written_disagrees


@pytest.mark.parametrize(("typed", "expected"), [
    ("550m", (550e6, "USD")),
    ("1.2bn", (1.2e9, "USD")),
    ("£500 million", (500e6, "GBP")),
    ("1,200,000", (1.2e6, "USD")),
    ("3.5 crore", (35e6, "USD")),
    ("US$2 billion", (2e9, "USD")),
    ("€ 40m", (40e6, "EUR")),
    ("  550000000 ", (550e6, "USD")),
    ("5 million euros", (5e6, "EUR")),
])
def test_what_analysts_type_is_read(typed, expected):
    assert read_amount(typed, "USD") == expected


def test_a_number_without_a_currency_keeps_the_rows_currency():
    assert read_amount("3.5 crore", "inr") == (35e6, "INR")
    assert read_amount("550m", "XYZ") == (550e6, "XYZ")  # a code the parser does not know stays the row's


@pytest.mark.parametrize("typed", ["abc", "12..5", "", "   ", "-5", "5m and 6m", "$5-6 billion", "550 mega"])
def test_what_cannot_be_read_whole_is_refused_with_one_line(typed):
    with pytest.raises(AmountError) as caught:
        read_amount(typed, "USD")
    message = str(caught.value)
    assert "\n" not in message and "550m" in message


def test_as_written_that_reads_otherwise_is_told():
    assert written_disagrees("£500 million", 550e6, "GBP") == (500e6, "GBP")
    assert written_disagrees("£500 million", 500e6, "USD") == (500e6, "GBP")
    assert written_disagrees("£500 million", 500e6, "GBP") is None
    assert written_disagrees("£0.5bn", 500_000_001, "GBP") is None
    # A conversion beside it, a range, or words with no amount: nothing to check against.
    assert written_disagrees("£500 million (US$678 million)", 500e6, "GBP") is None
    assert written_disagrees("$5-6 billion", 1.0, "USD") is None
    assert written_disagrees("an undisclosed sum", 1.0, "USD") is None
    assert written_disagrees("", 1.0, "USD") is None
