"""Every deal in one currency: a display currency chosen in Preferences converts the list, its sort and its total."""

from __future__ import annotations

import datetime
import functools

import pytest
from currency_converter import CurrencyConverter
from PySide6.QtCore import Qt

from core.model import Amount, Article, Deal, Precision
from core.store import Store
from gui.deals import currency as display
from gui.deals.model import Column
from gui.formatting import format_money
from gui.main_window import MainWindow

# The same dollars on days the euro stood far apart: in euros the smaller dollar sum is the larger.
AUG_2025 = Deal(title="August 2025", date="2025-08-19", date_precision=Precision.DAY,
                amounts=(Amount(1_000_000, "USD", "$1 million"),))
JUL_2008 = Deal(title="July 2008", date="2008-07-15", date_precision=Precision.DAY,  # €1 bought US$1.59
                amounts=(Amount(1_000_000, "USD", "$1 million"),))
OCT_2000 = Deal(title="October 2000", date="2000-10-25", date_precision=Precision.DAY,  # €1 bought US$0.83
                amounts=(Amount(900_000, "USD", "$900,000"),))
UNDATED = Deal(title="Undated", amounts=(Amount(2_000_000, "USD", "$2 million"),))  # its article's date: 2008-07-15


@functools.cache
def _converter() -> CurrencyConverter:
    return CurrencyConverter()  # read once: the table takes half a second


def _euros(dollars: float, day: datetime.date) -> float:
    return _converter().convert(dollars, "USD", "EUR", day)


@pytest.fixture
def fx_store(db_path):
    store = Store.open(db_path)
    for deal in (AUG_2025, JUL_2008, OCT_2000):
        store.add_deal(deal)
    store.add_article(Article(text="An undated deal.", title="Undated", published="2008-07-15", deals=(UNDATED,)))
    yield store
    store.close()


@pytest.fixture
def fx_window(qtbot, fx_store, settings):
    win = MainWindow(fx_store, settings)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    qtbot.waitExposed(win)
    return win


def _row_of(model, title):
    return next(r for r in range(model.rowCount()) if model.index(r, Column.TITLE).data() == title)


def _in_euros(qtbot, window):
    window.currency.choose("EUR")
    qtbot.waitUntil(lambda: window.model.query.currency == "EUR", timeout=20_000)


def test_a_dollar_deal_shows_its_euros_at_the_ecb_rate_of_its_day(qtbot, fx_window):
    model = fx_window.model
    assert model.headerData(Column.USD, Qt.Orientation.Horizontal) == "Value (US$)"
    _in_euros(qtbot, fx_window)
    assert model.headerData(Column.USD, Qt.Orientation.Horizontal) == "Value (EUR)"
    expected = _euros(1_000_000, datetime.date(2025, 8, 19))
    row = _row_of(model, "August 2025")
    assert model.index(row, Column.USD).data(Qt.ItemDataRole.UserRole) == pytest.approx(expected, rel=1e-9)
    assert model.index(row, Column.USD).data() == format_money(expected, "EUR")
    assert model.index(row, Column.USD).data().startswith("€8")
    undated = model.index(_row_of(model, "Undated"), Column.USD).data(Qt.ItemDataRole.UserRole)
    assert undated == pytest.approx(_euros(2_000_000, datetime.date(2008, 7, 15)), rel=1e-9)


def test_the_column_sorts_by_the_converted_number(qtbot, fx_window):
    model = fx_window.model
    _in_euros(qtbot, fx_window)
    model.sort(Column.USD, Qt.SortOrder.AscendingOrder)
    titles = [model.index(r, Column.TITLE).data() for r in range(model.rowCount())]
    values = [model.index(r, Column.USD).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
    assert values == sorted(values)
    # In dollars July 2008 ($1m) is above October 2000 ($0.9m); in euros it is below.
    assert titles.index("July 2008") < titles.index("October 2000")


def test_the_status_bar_total_follows_the_currency(qtbot, fx_window):
    qtbot.waitUntil(lambda: "US$" in fx_window.count_label.text())
    _in_euros(qtbot, fx_window)
    total = (_euros(1_000_000, datetime.date(2025, 8, 19)) + _euros(1_000_000, datetime.date(2008, 7, 15))
             + _euros(900_000, datetime.date(2000, 10, 25)) + _euros(2_000_000, datetime.date(2008, 7, 15)))
    qtbot.waitUntil(lambda: fx_window.count_label.text() == f"4 deals · {format_money(total, 'EUR')}")


def test_the_choice_is_remembered_and_offered_in_preferences(qtbot, fx_window, fx_store, settings):
    edit = next(a.menu() for a in fx_window.menuBar().actions() if a.text() == "&Edit")
    assert fx_window.currency.preferences_action in edit.actions()
    _in_euros(qtbot, fx_window)
    assert settings.value(display.CURRENCY_KEY) == "EUR"
    fx_window.close()
    again = MainWindow(fx_store, settings)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.model.query.currency == "EUR", timeout=20_000)
    assert again.model.headerData(Column.USD, Qt.Orientation.Horizontal) == "Value (EUR)"
    again.currency.choose("USD")
    assert again.model.headerData(Column.USD, Qt.Orientation.Horizontal) == "Value (US$)"
    assert settings.value(display.CURRENCY_KEY) == "USD"


def test_preferences_dialog_offers_the_currencies(qtbot):
    dialog = display.PreferencesDialog("JPY")
    qtbot.addWidget(dialog)
    codes = [dialog.currency.itemData(i) for i in range(dialog.currency.count())]
    assert {"USD", "EUR", "GBP", "JPY", "INR", "CNY", "CHF", "KRW", "AED", "SAR"} <= set(codes)
    assert dialog.chosen() == "JPY"
