"""A database of 100,000 deals: the view shows rows at once while the model holds only a few pages."""

import time

import pytest
from PySide6.QtWidgets import QTableView

from core.model import DealQuery
from gui.deals.model import CACHED_PAGES, PAGE_SIZE, Column, DealsTableModel

pytestmark = pytest.mark.slow  # a big database

DEALS = 100_000


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    from core.store import Store

    store = Store.open(tmp_path_factory.mktemp("big") / "big.db")
    # Straight into the deals table in one statement (the store's own columns, as store.db allows for
    # tests): add_article per deal would take minutes and test the importer, not the list.
    with store.db.atomic():
        store.db.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO deals (title, type, status, date, date_precision, sectors, parties_text,
                               value, currency, usd_value, sort_value, needs_review, source_count)
            SELECT 'Generated deal ' || i,
                   CASE i % 3 WHEN 0 THEN 'mou' WHEN 1 THEN 'investment' ELSE 'acquisition' END,
                   'announced',
                   printf('%04d-%02d-%02d', 2000 + i % 25, 1 + i % 12, 1 + i % 28), 'day',
                   '["energy"]', 'Party ' || (i % 500) || ', Other ' || (i % 77),
                   i * 1000.0, 'USD', i * 1000.0, i * 1000.0,
                   CASE WHEN i % 10 = 0 THEN '["date"]' ELSE '[]' END, 1
            FROM n
            """,
            [DEALS],
        )
    yield store
    store.close()


class CountingStore:
    """Passes calls through and counts how many rows the model asked for."""

    def __init__(self, store):
        self._store = store
        self.rows_fetched = 0

    def __getattr__(self, name):
        return getattr(self._store, name)

    def deal_rows(self, ids, *currency):
        self.rows_fetched += len(ids)
        return self._store.deal_rows(ids, *currency)


def test_view_shows_rows_without_loading_them_all(qtbot, big_store):
    store = CountingStore(big_store)
    started = time.perf_counter()
    model = DealsTableModel(store)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == DEALS
    assert model.index(0, Column.TITLE).data().startswith("Generated deal")
    assert model.pages_fetched <= 2
    assert store.rows_fetched <= 2 * PAGE_SIZE
    view.scrollToBottom()
    qtbot.wait(20)
    last = model.index(DEALS - 1, Column.TITLE).data()
    assert last.startswith("Generated deal")
    assert model.pages_fetched <= 4
    assert store.rows_fetched <= 4 * PAGE_SIZE
    assert time.perf_counter() - started < 10


def test_cache_stays_small_while_scrolling_everywhere(qtbot, big_store):
    model = DealsTableModel(big_store)
    for row in range(0, DEALS, DEALS // 20):
        assert model.index(row, Column.TITLE).data()
    assert model.pages_fetched == 20
    assert len(model._pages) <= CACHED_PAGES


def test_search_sort_and_filter_over_100k(qtbot, big_store):
    model = DealsTableModel(big_store)
    model.set_query(DealQuery(search="99999"))
    assert model.rowCount() == 1
    model.set_query(DealQuery(types=("mou",), sort="value", descending=True))
    assert model.rowCount() == DEALS // 3
    assert model.index(0, Column.TITLE).data() == "Generated deal 99999"
    model.set_query(DealQuery(needs_review=True, sort="title", descending=False))
    assert model.rowCount() == DEALS // 10
