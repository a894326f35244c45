"""The list sorted by a display currency's value: every page the bounded read gives equals the full sort's."""

from __future__ import annotations

import dataclasses
import datetime
import random
from collections.abc import Callable

import pytest

from core.model import DealQuery
from core.store import Store
from core.store.query import ids_cursor

START, END = datetime.date(2015, 1, 1), datetime.date(2024, 12, 31)
GAP = ("2018-03-01", "2018-04-01")  # a month the currency was not quoted


def _rates() -> dict[str, float]:
    """A rate that quadruples over the years with a daily wobble, so dollar order and converted order differ."""
    rates, day = {}, START
    while day <= END:
        if not GAP[0] <= day.isoformat() < GAP[1]:
            years = (day - START).days / 365.25
            rates[day.isoformat()] = round(0.5 + 0.2 * years + 0.05 * ((day.toordinal() * 7919) % 13), 4)
        day += datetime.timedelta(days=1)
    return rates


def _fill(store: Store, count: int, seed: int = 7) -> None:
    """Deals straight into the list's columns (what the sort and the totals read), a few in the trash."""
    rnd = random.Random(seed)
    rows = []
    for i in range(count):
        roll = rnd.random()
        if roll < 0.05:
            date = None  # no date and no article: no day to convert at
        elif roll < 0.1:
            date = rnd.choice(["2012-05-04", "2018-03-15", "2030-01-02", "2019-07"])  # no rate, or not a day
        else:
            date = (START + datetime.timedelta(days=rnd.randint(0, (END - START).days))).isoformat()
        usd = None if rnd.random() < 0.25 else float(rnd.choice([1, 5, 10, 50, 100, 250]) * rnd.randint(1, 40))
        rows.append((f"Deal {i}", date, usd, "2025-01-01" if i % 23 == 0 else None))
    with store.db.conn:
        store.db.conn.executemany("INSERT INTO deals (title, date, usd_value, deleted_at) VALUES (?, ?, ?, ?)", rows)


def _expected(store: Store, rates: dict[str, float], descending: bool, include_deleted: bool = False,
              ids: set[int] | None = None) -> list[int]:
    """The full sort, the slow way: converted in Python, valued deals by (value, id), the rest by id."""
    valued, blank = [], []
    for deal_id, date, usd, deleted in store.db.execute("SELECT id, date, usd_value, deleted_at FROM deals"):
        if (deleted and not include_deleted) or (ids is not None and deal_id not in ids):
            continue
        rate = rates.get((date or "")[:10])
        if usd is None or rate is None:
            blank.append(deal_id)
        else:
            valued.append((usd * rate, deal_id))
    if descending:
        return [i for _, i in sorted(valued, reverse=True)] + sorted(blank, reverse=True)
    return sorted(blank) + [i for _, i in sorted(valued)]


@pytest.fixture(scope="module")
def priced(tmp_path_factory: pytest.TempPathFactory):
    with Store.open(tmp_path_factory.mktemp("order") / "deals.db") as opened:
        _fill(opened, 700)
        rates = _rates()
        opened.set_display_rates("XTS", rates.items())
        yield opened, rates


@pytest.mark.parametrize("descending", [True, False])
def test_every_page_equals_the_full_sort(priced, descending):
    store, rates = priced
    expected = _expected(store, rates, descending)
    query = DealQuery(sort="usd", descending=descending, currency="XTS")
    assert store.count_deals(query) == len(expected)
    for offset, limit in ((0, 1), (0, 20), (0, 200), (7, 33), (150, 200), (300, 100), (500, 200), (640, 30)):
        assert store.deal_ids(query, offset, limit) == expected[offset:offset + limit], (offset, limit)


def test_pages_of_a_filtered_list_and_of_the_trash_view_equal_the_full_sort(priced):
    store, rates = priced
    for descending in (True, False):
        everything = DealQuery(sort="usd", descending=descending, currency="XTS", include_deleted=True)
        assert store.deal_ids(everything, 0, 50) == _expected(store, rates, descending, True)[:50]
        searched = dataclasses.replace(everything, include_deleted=False, search="deal 1")
        listed = set(store.deal_ids(dataclasses.replace(searched, sort="id"), 0, 10_000))
        assert 50 < len(listed) < 600
        assert store.deal_ids(searched, 0, 40) == _expected(store, rates, descending, ids=listed)[:40]


def test_the_first_page_converts_a_few_deals_not_every_one(tmp_path):
    with Store.open(tmp_path / "big.db") as store:
        _fill(store, 1500, seed=3)
        store.set_display_rates("XTS", _rates().items())
        steps = [0]

        def count() -> int:
            steps[0] += 1
            return 0

        def cost(work: Callable[[], object]) -> int:
            steps[0] = 0
            store.db.conn.set_progress_handler(count, 100)  # every 100 SQLite instructions
            try:
                work()
            finally:
                store.db.conn.set_progress_handler(None, 0)
            return steps[0]

        for descending in (True, False):
            query = DealQuery(sort="usd", descending=descending, currency="XTS")
            store.deal_ids(query, 20, 20)  # the count, the rates' range and the days without a rate, kept
            page = cost(lambda: store.deal_ids(query, 0, 20))
            full = cost(lambda: ids_cursor(store.db, query, 0, 20).fetchall())  # ORDER BY the converted value
            assert page * 3 < full, (descending, page, full)  # the full sort converts every deal


def test_totals_equal_the_sum_of_each_deals_converted_value(priced):
    store, rates = priced
    for query in (DealQuery(currency="XTS"), DealQuery(currency="XTS", search="deal 1"),
                  DealQuery(currency="XTS", include_deleted=True)):
        listed = set(store.deal_ids(dataclasses.replace(query, sort="id"), 0, 10_000))
        values = [(usd, (date or "")[:10]) for deal_id, date, usd in store.db.execute(
            "SELECT id, date, usd_value FROM deals") if deal_id in listed]
        shown = [usd * rates[day] for usd, day in values if usd is not None and day in rates]
        totals = store.totals(query)
        assert (totals.count, totals.without_value) == (len(values), len(values) - len(shown))
        assert totals.value == pytest.approx(sum(shown), rel=1e-12)
        assert totals.without_usd == sum(1 for usd, _ in values if usd is None)


def test_totals_look_a_rate_up_once_a_date(tmp_path):
    with Store.open(tmp_path / "days.db") as store:
        # Many deals, few dates: as a real list has (ten years of days for a million deals).
        with store.db.conn:
            store.db.conn.executemany("INSERT INTO deals (title, date, usd_value) VALUES (?, ?, ?)",
                                      [(f"Deal {i}", f"2020-01-{i % 5 + 10}", float(i + 1)) for i in range(600)])
        rates = _rates()
        store.set_display_rates("XTS", rates.items())
        steps = [0]

        def count() -> int:
            steps[0] += 1
            return 0

        store.db.conn.set_progress_handler(count, 100)
        totals = store.totals(DealQuery(currency="XTS"))
        in_dollars = steps[0]
        steps[0] = 0
        store.totals(DealQuery())
        store.db.conn.set_progress_handler(None, 0)
        assert totals.value == pytest.approx(sum(rates[f"2020-01-{i % 5 + 10}"] * (i + 1) for i in range(600)))
        assert in_dollars < 4 * steps[0]  # a lookup a deal would cost several times the dollars' pass
