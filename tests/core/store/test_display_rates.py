"""The store converts the list to a display currency in SQL: rows, the value sort and totals, from day rates."""

from __future__ import annotations

import dataclasses

import pytest

from core.fx import per_usd_by_day
from core.model import Amount, Deal, DealQuery, Precision


def _deal(store, title, day, dollars):
    return store.add_deal(Deal(title=title, date=day, date_precision=Precision.DAY,
                               amounts=(Amount(dollars, "USD", ""),))).id


def test_rows_sort_and_totals_in_the_display_currency(store):
    rates = {"2020-01-02": 2.0, "2020-01-03": 0.5}
    cheap = _deal(store, "Cheap", "2020-01-02", 100)  # 200 in the display currency
    dear = _deal(store, "Dear", "2020-01-03", 300)  # 150
    none = _deal(store, "No rate", "2020-01-04", 50)
    store.set_display_rates("XTS", rates.items())
    query = DealQuery(sort="usd", descending=True, currency="XTS")
    rows = store.deal_rows([cheap, dear, none], "XTS")
    assert (rows[cheap].display_value, rows[dear].display_value, rows[none].display_value) == (200, 150, None)
    assert store.deal_rows([cheap], "USD")[cheap].display_value == 100
    ids = store.deal_ids(query, 0, 10)
    assert ids[:2] == [cheap, dear]  # in dollars Dear (300) would come first
    assert store.deal_ids(dataclasses.replace(query, currency="USD"), 0, 10)[0] == dear
    totals = store.totals(query)
    assert (totals.currency, totals.value, totals.without_value, totals.usd) == ("XTS", 350, 1, 450)
    assert store.count_deals(query) == 3


def test_a_currency_without_rates_shows_no_values(store):
    deal_id = _deal(store, "A", "2020-01-02", 100)
    assert not store.has_display_rates("EUR") and store.has_display_rates("USD")
    assert store.deal_rows([deal_id], "EUR")[deal_id].display_value is None
    assert store.totals(DealQuery(currency="EUR")).without_value == 1


def test_a_currency_code_is_three_letters(store):
    with pytest.raises(ValueError):
        store.set_display_rates("EU'R", [])
    with pytest.raises(ValueError):
        store.deal_rows([1], "x); DROP TABLE deals; --")


def test_day_rates_follow_core_fx():
    eur = dict(per_usd_by_day("EUR"))
    assert eur["2025-08-17"] == eur["2025-08-15"]  # a Sunday takes Friday's rate
    assert 0.8 < eur["2025-08-19"] < 0.9
    assert dict(per_usd_by_day("AED"))["2025-08-19"] == 3.6725  # the dirham's peg
