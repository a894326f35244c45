"""An import is one undo step: removing it restores every table exactly; every store change is one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core.importer import reparse_article, store_article
from core.model import Article, Deal, Party, PartyKind
from core.store import Store, journal, merging, rows
from import_samples import (
    KESTREL, KESTREL_AGAIN, NORTHWIND, NORTHWIND_AGAIN, NORTHWIND_CONTRACT, NORTHWIND_DIFFERENT, dump, fts_ok,
    parsed, search,
)


def filled(store: Store) -> None:
    store_article(store, parsed(store, NORTHWIND))
    store_article(store, parsed(store, KESTREL))


def test_undo_of_an_import_that_added_deals_restores_every_table(store: Store) -> None:
    filled(store)
    before = dump(store)
    outcome = store_article(store, parsed(store, NORTHWIND_CONTRACT))
    assert outcome.added and "Calder Wind" in [e.name for e in store.entities()]
    store.remove_import(outcome)
    assert dump(store) == before
    fts_ok(store)
    assert search(store, "turbines") == []


def test_undo_of_an_import_that_merged_restores_the_deal_it_joined(store: Store) -> None:
    filled(store)
    before = dump(store)
    searched = search(store, "Denver")
    outcome = store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    assert outcome.merged and store.field_alternatives(outcome.merged[0])
    store.remove_import(outcome)
    assert dump(store) == before
    fts_ok(store)
    assert search(store, "Denver") == searched and search(store, "Boulder") == []


def test_redo_is_the_same_article_stored_again(store: Store) -> None:
    filled(store)
    article = parsed(store, KESTREL_AGAIN)
    first = store_article(store, article)
    merged = store.deal(first.merged[0])
    store.remove_import(first)
    again = store_article(store, article)
    assert (again.article_id, again.added, again.merged) == (first.article_id, first.added, first.merged)
    assert store.deal(again.merged[0]).replace(updated_at=None) == merged.replace(updated_at=None)


def test_undo_after_the_article_was_split_off_removes_the_split_deal_too(store: Store) -> None:
    filled(store)
    outcome = store_article(store, parsed(store, NORTHWIND_AGAIN))
    split = store.split_deal(outcome.merged[0], outcome.article_id or 0)
    store.remove_import(outcome)
    assert split.id not in {d.id for d in store.iter_deals()}
    assert store.article_count() == 2
    fts_ok(store)


def test_undo_of_an_already_imported_outcome_changes_nothing(store: Store) -> None:
    filled(store)
    again = store_article(store, parsed(store, NORTHWIND))
    before = dump(store)
    store.remove_import(again)
    assert dump(store) == before


def test_undoing_twice_is_harmless(store: Store) -> None:
    filled(store)
    outcome = store_article(store, parsed(store, NORTHWIND_CONTRACT))
    store.remove_import(outcome)
    before = dump(store)
    store.remove_import(outcome)
    assert dump(store) == before


def test_undo_keeps_a_deal_another_article_joined_since(store: Store) -> None:
    outcome = store_article(store, parsed(store, NORTHWIND))
    later = store_article(store, parsed(store, NORTHWIND_AGAIN))
    store.remove_import(outcome)
    kept = store.deal(outcome.added[0])
    assert [s.article_id for s in kept.sources] == [later.article_id]
    assert {e.article_id for e in kept.evidence} == {later.article_id}
    fts_ok(store)


def test_undo_restores_a_country_the_import_filled_in(store: Store) -> None:
    store.add_article(Article("Alder Bank backs Birch Power.", deals=(
        Deal("Alder and Birch", parties=(Party("Alder Bank"), Party("Birch Power"))),)))
    before = dump(store)
    outcome = store.add_article(Article("Alder Bank of Norway backs Cedar Rail.", deals=(
        Deal("Alder and Cedar", parties=(Party("Alder Bank", PartyKind.COMPANY, country="NO"), Party("Cedar Rail"))),
    )), merge=True)
    assert store.entity(1).country == "NO"
    store.remove_import(outcome)
    assert dump(store) == before


# One transaction each

def test_an_import_failing_half_way_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    filled(store)
    before = dump(store)
    article = parsed(store, NORTHWIND_CONTRACT)
    article = article.replace(deals=(*article.deals, *parsed(store, NORTHWIND_DIFFERENT).deals))

    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("core.store.imports.merge_into", broken)
    with pytest.raises(sqlite3.OperationalError):
        store_article(store, article)
    assert dump(store) == before
    fts_ok(store)


def test_an_undo_failing_half_way_leaves_the_import_in_place(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    filled(store)
    outcome = store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    after = dump(store)

    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(journal, "_restore", broken)
    with pytest.raises(sqlite3.OperationalError):
        store.remove_import(outcome)
    assert dump(store) == after


def test_a_split_failing_half_way_leaves_the_deal_whole(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    filled(store)
    outcome = store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    after = dump(store)
    real = merging.save_deal

    def save_then_fail(db: object, deal: Deal, by: str = "person", **kwargs: object) -> Deal:
        real(db, deal, by, **kwargs)  # type: ignore[arg-type]
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(merging, "save_deal", save_then_fail)
    with pytest.raises(sqlite3.OperationalError):
        store.split_deal(outcome.merged[0], outcome.article_id or 0)
    assert dump(store) == after
    assert merging.field_alternatives(store.db, outcome.merged[0])


def test_undo_on_a_file_database_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    with Store.open(path) as store:
        filled(store)
        before = dump(store)
        outcome = store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    with Store.open(path) as store:
        store.remove_import(outcome)
        assert dump(store) == before
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        fts_ok(store)


def test_the_fts_check_notices_a_stray_index_entry(store: Store) -> None:
    filled(store)
    store.db.execute("INSERT INTO deals_fts (rowid, title, parties, articles) VALUES (999, 'x', 'y', 'z')")
    with pytest.raises(sqlite3.DatabaseError):
        fts_ok(store)


def test_a_reparse_failing_half_way_leaves_the_deals_as_they_were(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcome = store_article(store, parsed(store, NORTHWIND))
    store.save(store.deal(outcome.added[0]).replace(summary="An older summary."), by="parser")
    before = dump(store)

    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("core.store.imports.refresh_values", broken)
    with pytest.raises(sqlite3.OperationalError):
        reparse_article(store, outcome.article_id or 0)
    assert dump(store) == before


def test_a_registry_merge_failing_half_way_changes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    filled(store)
    before = dump(store)
    ids = {e.name: e.id for e in store.entities()}
    real = rows.rewrite_party

    def rewrite_then_fail(*args: object) -> None:
        real(*args)  # type: ignore[arg-type]
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(rows, "rewrite_party", rewrite_then_fail)
    with pytest.raises(sqlite3.OperationalError):
        store.merge_entities(ids["Northwind Energy"], ids["Solvane Grid"])
    assert dump(store) == before
