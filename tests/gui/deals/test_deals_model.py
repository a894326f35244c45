"""DealsTableModel: passes Qt's model tester, formats cells at their precision, sorts and filters in the store."""

import pytest
from PySide6.QtCore import Qt

from core.model import DealQuery
from gui.deals.model import Column, DealsTableModel
from gui.formatting import format_date, format_value


@pytest.fixture
def model(qtbot, sample_store):
    return DealsTableModel(sample_store)


def _column(model, column):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_headers_come_from_the_column_enum(model):
    for column in Column:
        assert model.headerData(column, Qt.Orientation.Horizontal) == column.header
    assert model.columnCount() == len(Column)


@pytest.mark.parametrize(("iso", "precision", "shown"), [
    ("2025-09-22", "day", "22 Sep 2025"),
    ("2025-09-01", "month", "Sep 2025"),
    ("2025-07-01", "quarter", "Q3 2025"),
    ("2025-07-01", "half", "H2 2025"),
    ("2025-01-01", "year", "2025"),
    ("2025-09-15", "week", "~15 Sep 2025"),
    (None, None, ""),
])
def test_dates_show_at_their_precision(iso, precision, shown):
    assert format_date(iso, precision) == shown


@pytest.mark.parametrize(("value", "currency", "usd", "shown"), [
    (500e6, "GBP", 678e6, "£500m (US$678m)"),
    (1.2e9, "USD", None, "US$1.2bn"),
    (600e6, "EUR", None, "€600m"),
    (40e6, "CHF", None, "CHF 40m"),
    (12.5e12, "USD", None, "US$12.5tn"),
    (None, None, None, ""),
])
def test_values_show_currency_and_dollar_figure(value, currency, usd, shown):
    assert format_value(value, currency, usd) == shown


def test_cells_of_the_sample_deals(model):
    by_title = {model.index(r, Column.TITLE).data(): r for r in range(model.rowCount())}
    row = by_title["BlackRock invests in Digital Gravity Partners"]
    assert model.index(row, Column.VALUE).data() == "£500m"
    assert model.index(row, Column.USD).data() == "US$678m"  # the article's own conversion
    assert model.index(row, Column.DATE).data() == "~15 Sep 2025"
    assert model.index(row, Column.TYPE).data() == "Investment"
    assert model.index(row, Column.PARTIES).data() == "BlackRock, Digital Gravity Partners"
    assert model.index(row, Column.SOURCES).data() == "1"
    volta = by_title["Volta Grid to acquire SolarNorth"]
    assert model.index(volta, Column.DATE).data() == "Q3 2024"
    assert model.index(volta, Column.REVIEW).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(row, Column.REVIEW).data(Qt.ItemDataRole.DecorationRole) is None


def test_sort_is_the_stores_query(model):
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "title" and not model.query.descending
    titles = _column(model, Column.TITLE)
    assert titles == sorted(titles, key=str.casefold)
    model.sort(Column.VALUE, Qt.SortOrder.DescendingOrder)
    assert model.query.sort == "value" and model.query.descending
    assert model.index(0, Column.TITLE).data() == "Volta Grid to acquire SolarNorth"


@pytest.mark.parametrize("column", list(Column))
def test_every_column_sorts_without_error(model, column):
    model.sort(column, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 5


def test_set_query_resets_to_the_stores_answer(qtbot, model):
    with qtbot.waitSignal(model.modelReset):
        model.set_query(DealQuery(search="Mistral"))
    assert _column(model, Column.TITLE) == ["Mistral AI raises €600m Series B"]


def test_refresh_deal_rereads_one_row(qtbot, model, sample_store):
    deal = sample_store.deal(model.deal_id(0))
    sample_store.save(deal.replace(title="Renamed deal"))
    assert model.index(0, Column.TITLE).data() == deal.title  # cached until told
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_deal(deal.id)
    assert model.index(0, Column.TITLE).data() == "Renamed deal"
    assert model.row_of(deal.id) == 0
