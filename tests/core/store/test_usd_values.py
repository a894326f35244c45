"""US-dollar values in the store: filled on import, by the migration for old files, overridden by hand, summed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlite_utils import Database

from core.fx import convert, overridden
from core.model import Amount, Article, Deal, DealQuery, DealType, UsdValue
from core.store import Store, schema


def _article(text: str, *deals: Deal, published: str = "2025-08-19") -> Article:
    return Article(text, title=text[:20], published=published, deals=deals)


def test_a_deal_without_a_date_converts_at_its_articles_published_date(store: Store) -> None:
    outcome = store.add_article(_article("Tata invests.", Deal("Tata invests", amounts=(Amount(1e9, "INR"),))))
    deal = store.deal(outcome.added[0])
    assert deal.amounts[0].usd == convert(1e9, "INR", "2025-08-19")
    assert deal.amounts[0].usd is not None and deal.amounts[0].usd.rate_date == "2025-08-19"
    assert store.deal_rows([deal.id or 0])[deal.id or 0].usd_value == deal.amounts[0].usd.value


def test_a_new_date_converts_again_without_marking_the_amounts_edited(store: Store) -> None:
    outcome = store.add_article(_article("Euro deal.", Deal("Euro deal", date="2025-08-19", amounts=(Amount(1e6, "EUR"),))))
    deal = store.deal(outcome.added[0])
    moved = store.save(deal.replace(date="2024-03-01"))
    assert moved.amounts[0].usd == convert(1e6, "EUR", "2024-03-01")
    assert moved.edited == {"date"}
    assert [h.field for h in store.history(deal.id or 0)][-1] == "date"


def test_a_hand_override_is_an_edit_and_survives_a_reparse(store: Store) -> None:
    parsed = Deal("Tata invests", type=DealType.INVESTMENT, date="2025-08-19", amounts=(Amount(1e9, "INR"),))
    outcome = store.add_article(_article("Tata invests in a plant.", parsed))
    assert outcome.article_id is not None
    deal = store.deal(outcome.added[0])
    mine = store.save(deal.replace(amounts=(overridden(deal.amounts[0], 12e6),)))
    assert mine.amounts[0].usd == UsdValue(12e6, "person", 12e6 / 1e9)
    assert "amounts" in mine.edited
    last = store.history(deal.id or 0)[-1]
    assert (last.field, last.by, last.new[0]["usd"]) == ("amounts", "person", 12e6)
    store.apply_reparse(outcome.article_id, [parsed])
    assert store.deal(deal.id or 0).amounts[0].usd == UsdValue(12e6, "person", 12e6 / 1e9)
    assert store.deal_rows([deal.id or 0])[deal.id or 0].usd_value == 12e6
    back = store.save(mine.replace(amounts=(overridden(mine.amounts[0], None),)))
    assert back.amounts[0].usd == convert(1e9, "INR", "2025-08-19")


def test_the_total_is_the_sum_of_the_listed_deals(store: Store) -> None:
    deals = [
        Deal("Alpha buys Beta", type=DealType.ACQUISITION, date="2025-08-19", amounts=(Amount(95e6, "EUR"),)),
        Deal("Gamma buys Delta", type=DealType.ACQUISITION, date="2025-08-18", amounts=(Amount(3e9, "AED"),)),
        Deal("Epsilon buys Zeta", type=DealType.ACQUISITION, date="2025-08-18", amounts=(Amount(5e9, "NGN"),)),
        Deal("Eta buys Theta", type=DealType.ACQUISITION, date="2025-08-18"),
        Deal("Iota funds Kappa", type=DealType.INVESTMENT, amounts=(Amount(40e6, "USD"),)),
    ]
    for i, deal in enumerate(deals):
        store.add_article(_article(f"Article {i}: {deal.title}.", deal))
    query = DealQuery(types=("acquisition",), search="buys")
    totals = store.totals(query)
    shown = list(store.iter_deals(query))
    assert totals.count == len(shown) == 4
    assert totals.usd == pytest.approx(sum(d.usd_value for d in shown if d.usd_value is not None))
    assert totals.without_usd == 2  # the naira deal and the deal without an amount
    assert store.totals(DealQuery()).usd == pytest.approx(totals.usd + 40e6)
    assert [r for r in store.deal_ids(DealQuery(sort="usd", descending=True), 0, 2)] == [
        d.id for d in sorted(store.iter_deals(DealQuery()), key=lambda d: -(d.usd_value or -1))[:2]]


def _file_at_m005(path: Path) -> None:
    db = Database(path)
    schema.MIGRATIONS.ensure_migrations_table(db)
    for migration in schema.MIGRATIONS.pending(db):
        if migration.name == "m006_usd_values":
            break
        migration.fn(db)
        db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('deals', ?, ?)",
                   [migration.name, schema.now()])
    db.execute("INSERT INTO articles (id, text, published, imported_at, text_hash) VALUES "
               "(1, 'one', '2025-08-19', '2025-08-19', 'h1'), (2, 'two', '2025-08-17', '2025-08-17', 'h2')")
    # As m005-era code wrote them: deals.usd_value only for dollars or a stated conversion.
    db.execute("INSERT INTO deals (id, title, date, value, currency, usd_value, sort_value) VALUES "
               "(1, 'INR, no date', NULL, 1e9, 'INR', NULL, 1e9), (2, 'EUR on a Sunday', '2025-08-17', 1e6, 'EUR', NULL, 1e6), "
               "(3, 'GBP stated', '2025-08-19', 5e8, 'GBP', 6.78e8, 6.78e8), (4, 'AED', '2025-08-19', 3.6725e9, 'AED', NULL, 3.6725e9), "
               "(5, 'Naira', '2025-08-19', 1e9, 'NGN', NULL, 1e9)")
    db.execute("INSERT INTO deal_sources (deal_id, article_id) VALUES (1, 1), (1, 2), (2, 2), (3, 1), (4, 1), (5, 1)")
    db.execute("INSERT INTO amounts (deal_id, position, value, currency, usd_value) VALUES "
               "(1, 0, 1e9, 'INR', NULL), (2, 0, 1e6, 'EUR', NULL), (3, 0, 5e8, 'GBP', 6.78e8), "
               "(4, 0, 3.6725e9, 'AED', NULL), (5, 0, 1e9, 'NGN', NULL)")
    db.conn.commit()
    db.close()


def test_the_migration_fills_the_deals_already_stored(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _file_at_m005(path)
    with Store.open(path) as store:
        usd = {d.id: d.amounts[0].usd for d in store.iter_deals(DealQuery(sort="id"))}
        assert usd[1] == convert(1e9, "INR", "2025-08-17")  # no date: its first article's published date
        assert usd[2] == convert(1e6, "EUR", "2025-08-17") and usd[2] is not None and usd[2].rate_date == "2025-08-15"
        assert usd[3] == UsdValue(6.78e8, "article", 1.356)
        assert usd[4] == UsdValue(pytest.approx(1e9), "peg", pytest.approx(1 / 3.6725))
        assert usd[5] is None
        rows = store.deal_rows([1, 2, 3, 4, 5])
        assert {i: r.usd_value for i, r in rows.items()} == {i: u.value if u else None for i, u in usd.items()}
        assert store.db.execute("SELECT sort_value FROM deals WHERE id = 5").fetchone()[0] == 1e9
        # Saving a migrated deal as it is writes nothing: the migration and the store agree.
        deal = store.deal(2)
        assert store.save(deal) == deal and len(store.history(2)) == 0
        assert dataclasses.replace(deal.amounts[0], usd=None) == Amount(1e6, "EUR")
