"""Opening database files: migrations once and only once, and refusals that leave the file as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from core.store import schema
from core.errors import DatabaseError, NewerDatabaseError
from core.model import Article, Deal, DealQuery, Party
from core.store import Store

TABLES = {
    "articles", "entities", "aliases", "deals", "deal_parties", "amounts", "commitments", "people",
    "deal_people", "deal_sources", "evidence", "history", "deals_fts", "field_values", "not_same", "sectors",
    "deal_facets",
}


def test_a_new_file_gets_every_table_and_the_latest_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "deals.db") as store:
        assert TABLES <= set(store.db.table_names())
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema.latest_version()
        assert [m.name for m in schema.MIGRATIONS.applied(store.db)] == [
            "m001_initial", "m002_merged_sources", "m003_list_speed", "m004_one_name_fold",
            "m005_not_duplicates", "m006_usd_values", "m007_feeds", "m008_watches", "m009_country_sectors",
            "m010_insights", "m011_facet_counts", "m012_value_indexes", "m013_watch_speed"]


def test_opening_twice_applies_migrations_once_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    with Store.open(path) as store:
        store.add_article(Article("BlackRock and Korea signed an MoU.", deals=(Deal("MoU", parties=(Party("BlackRock"),)),)))
    with Store.open(path) as store:
        assert store.db["_sqlite_migrations"].count == schema.latest_version()
        assert store.count_deals(DealQuery(search="korea")) == 1
    with Store.open(path) as store:
        assert store.db["_sqlite_migrations"].count == schema.latest_version()


def test_an_opened_file_uses_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    with Store.open(tmp_path / "deals.db") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert store.path == tmp_path / "deals.db"


def test_the_file_stays_readable_by_plain_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    with Store.open(path) as store:
        store.add_deal(Deal("Plain", sectors=("AI",)))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT title, sectors FROM deals").fetchall() == [("Plain", '["AI"]')]
    conn.close()


def test_in_memory_store_is_migrated(store: Store) -> None:
    assert TABLES <= set(store.db.table_names())
    assert store.path is None


def test_a_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with Store.open(path) as store:
        store.db.execute(f"PRAGMA user_version = {schema.latest_version() + 1}")
    store.db.conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version") as error:
        Store.open(path)
    assert "future.db" in str(error.value)
    assert path.read_bytes() == before


def test_an_unknown_applied_migration_means_a_newer_database(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with Store.open(path) as store:
        store.db.table("_sqlite_migrations").insert(
            {"migration_set": "deals", "name": "m999_from_the_future", "applied_at": "2030-01-01"}
        )
    with pytest.raises(NewerDatabaseError):
        Store.open(path)


def test_migrating_an_in_memory_newer_database_is_refused() -> None:
    db = Database(memory=True)
    db.execute("PRAGMA user_version = 99")
    with pytest.raises(NewerDatabaseError):
        Store(db)
    assert db.table_names() == []


@pytest.mark.parametrize("content", [
    b"These are my notes, not a database.\n" * 200,
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
])
def test_a_file_that_is_not_sqlite_is_refused_and_left_byte_for_byte(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as error:
        Store.open(path)
    assert "notes.db" in str(error.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_damaged_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("row %d " % i * 20,) for i in range(2000)])
    conn.commit()
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200  # scribble over a b-tree page header
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as error:
        Store.open(path)
    assert "damaged.db" in str(error.value)
    assert path.read_bytes() == bytes(data)


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a Deal Tracker"):
        Store.open(path)
    assert path.read_bytes() == before


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with Store.open(path) as store:
        assert TABLES <= set(store.db.table_names())


def test_a_folder_that_does_not_exist_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="missing"):
        Store.open(tmp_path / "missing" / "deals.db")



def test_a_database_that_reads_but_fails_quick_check_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "freelist.db"
    with Store.open(path) as store:
        store.add_deal(Deal("Still readable"))
    store.db.conn.close()
    with Database(path) as db:
        db.disable_wal()  # fold the WAL back, so the header below is the whole story
    data = bytearray(path.read_bytes())
    data[36:40] = (7).to_bytes(4, "big")  # the header's freelist page count, now a lie
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="damaged") as error:
        Store.open(path)
    assert "freelist.db" in str(error.value) and "size is 0 but should be 7" in str(error.value)
    assert path.read_bytes() == bytes(data)
