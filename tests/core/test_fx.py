"""US-dollar values of amounts: the article's own figure first, then the ECB rate of the day, then a peg, else none."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from currency_converter import CurrencyConverter

from core.fx import PEGS, convert, ecb_rates, with_usd
from core.model import Amount, Deal, UsdValue

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ecb() -> CurrencyConverter:
    return CurrencyConverter()  # the package's own table, read independently of core.fx


def test_an_inr_amount_gets_the_ecb_rate_of_its_day(ecb: CurrencyConverter) -> None:
    usd = convert(1e9, "INR", "2025-08-19")
    assert usd is not None and (usd.source, usd.rate_date) == ("ecb", "2025-08-19")
    assert usd.value == pytest.approx(ecb.convert(1e9, "INR", "USD", datetime.date(2025, 8, 19)), rel=1e-12)


def test_a_weekend_date_uses_the_last_business_day_before(ecb: CurrencyConverter) -> None:
    usd = convert(250e6, "EUR", "2025-08-17")  # a Sunday
    assert usd is not None and usd.rate_date == "2025-08-15"
    assert usd.value == pytest.approx(ecb.convert(250e6, "EUR", "USD", datetime.date(2025, 8, 15)), rel=1e-12)


def test_a_pegged_aed_amount_uses_the_peg() -> None:
    assert convert(3.6725e9, "AED", "2025-08-19") == UsdValue(pytest.approx(1e9), "peg", pytest.approx(1 / 3.6725))
    assert PEGS["SAR"][1] == 3.75


def test_a_currency_without_a_rate_or_a_date_has_no_value() -> None:
    assert convert(1e9, "NGN", "2025-08-19") is None  # the ECB does not quote the naira, and it has no peg
    assert convert(1e9, "INR", None) is None
    assert convert(1e9, "INR", "1990-01-02") is None  # before the ECB's table
    # The ECB stopped quoting the rouble in March 2022: a 2024 deal gets none rather than a stale rate.
    assert convert(1e9, "RUB", "2024-06-03") is None
    last = ecb_rates().last_date
    assert convert(1e9, "INR", (last + datetime.timedelta(days=30)).isoformat()) is None


def test_the_articles_own_conversion_wins() -> None:
    usd = convert(500e6, "GBP", "2025-08-19", stated=678e6)
    assert usd == UsdValue(678e6, "article", 1.356)
    assert convert(40e6, "usd", "2025-08-19", stated=41e6) == UsdValue(40e6, "usd", 1.0)


def test_a_deal_without_a_date_converts_at_its_articles_date_and_a_persons_value_stays() -> None:
    mine = Amount(100.0, "EUR", usd=UsdValue(500.0, "person", 5.0))
    deal = with_usd(Deal("A deal", amounts=(Amount(1e6, "EUR"), mine)), published="2025-08-19")
    assert deal.amounts[0].usd == convert(1e6, "EUR", "2025-08-19")
    assert deal.amounts[1] == mine
    assert deal.usd_value == deal.amounts[0].usd.value  # type: ignore[union-attr]


def test_parse_never_loads_the_rate_table(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Acme Corp agreed to buy Widgets Ltd for €95 million on 19 August 2025.", encoding="utf-8")
    code = ("import sys, runpy; sys.argv = ['main.py', 'parse', sys.argv[1]]\n"
            "try:\n    runpy.run_path('main.py', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print('currency_converter' in sys.modules, 'core.fx' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(article)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.stderr.strip().splitlines()[-1] == "False False"
