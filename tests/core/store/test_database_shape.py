"""Databases whose schema was changed by hand: refused in one line, or their search index rebuilt on opening."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import main
from core.errors import DatabaseError
from core.model import Article, Deal, DealQuery, Party
from core.store import Store
from db_helpers import dump


def filled(path: Path) -> Path:
    with Store.open(path) as store:
        for name in ("Acme", "Birch", "Cedar"):
            store.add_article(Article(f"{name} Holdings agreed to buy Dune {name} for $9 million.",
                                      deals=(Deal(f"{name} buys Dune {name}", parties=(Party(f"{name} Holdings"),)),)))
    return path


def altered(path: Path, *statements: str) -> None:
    """Change the file as a person would with the sqlite3 tool."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def found(store: Store, words: str) -> int:
    return store.count_deals(DealQuery(search=words))


def index_is_sound(store: Store) -> bool:
    # For an external-content FTS5 table, rank 1 compares the index with the deal_search view itself.
    store.db.execute("INSERT INTO deals_fts (deals_fts, rank) VALUES ('integrity-check', 1)")
    return True


REFUSED = {
    "dropped-column": ("ALTER TABLE deals DROP COLUMN notes", "table deals lacks column notes"),
    "renamed-table": ("ALTER TABLE people RENAME TO persons", "table people is missing"),
    "added-column": ("ALTER TABLE deals ADD COLUMN mood TEXT", "table deals has a column mood"),
    "added-trigger": ("CREATE TRIGGER stamp AFTER INSERT ON deals BEGIN "
                      "UPDATE deals SET notes = 'seen' WHERE id = new.id; END", "trigger stamp"),
    "added-unique-index": ("CREATE UNIQUE INDEX one_title ON deals (title)", "unique index one_title"),
}


@pytest.mark.parametrize("change", sorted(REFUSED))
def test_a_schema_changed_by_hand_is_refused_in_one_line_and_left_alone(tmp_path: Path, change: str) -> None:
    statement, words = REFUSED[change]
    path = filled(tmp_path / "deals.db")
    altered(path, statement)
    before = files(tmp_path)
    with pytest.raises(DatabaseError) as error:
        Store.open(path)
    message = str(error.value)
    assert "\n" not in message and str(path) in message and words in message
    assert "changed outside Deal Tracker" in message
    assert files(tmp_path) == before


@pytest.mark.parametrize("command", [["deals"], ["export", "--format", "csv"]])
def test_the_command_line_names_what_differs_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = filled(tmp_path / "deals.db")
    altered(path, REFUSED["dropped-column"][0])
    assert main.main([*command, "--db", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "table deals lacks column notes" in err


REPAIRED = {
    "dropped-trigger": (["DROP TRIGGER deals_search_insert_after"], "trigger deals_search_insert_after was missing"),
    "changed-trigger": (["DROP TRIGGER deals_search_insert_after",
                         "CREATE TRIGGER deals_search_insert_after AFTER INSERT ON deals BEGIN SELECT 1; END"],
                        "trigger deals_search_insert_after was changed"),
    "dropped-fts-table": (["DROP TABLE deals_fts"], "the search table was missing"),
    "dropped-view": (["DROP VIEW deal_search"], "view deal_search was missing"),
    "dropped-index": (["DROP INDEX deals_title"], "index deals_title was missing"),
    "dropped-fts-shadow-table": (["DROP TABLE deals_fts_docsize"], "the search table was damaged"),
}


@pytest.mark.parametrize("change", sorted(REPAIRED))
def test_a_missing_or_changed_search_part_is_rebuilt_on_opening(tmp_path: Path, change: str) -> None:
    statements, words = REPAIRED[change]
    path = filled(tmp_path / "deals.db")
    rows = without_index(dump(path))
    altered(path, *statements)
    with Store.open(path) as store:
        assert "\n" not in store.note and store.note.startswith(f"Repaired {path}: ") and words in store.note
    assert without_index(dump(path)) == rows  # no deal, article or party changed
    with Store.open(path) as store:
        assert found(store, "Acme") == found(store, "Dune") - 2 == 1
        store.add_deal(Deal("Elm Capital backs Fjord", parties=(Party("Elm Capital"),)))
        assert found(store, "Fjord") == found(store, "Elm") == 1
        assert index_is_sound(store)
    with Store.open(path) as again:
        assert again.note == ""  # as the migrations made it


def without_index(rows: dict[str, list[str]]) -> dict[str, list[str]]:
    return {table: values for table, values in rows.items() if not table.startswith("deals_fts")}


def test_a_search_table_that_cannot_be_rebuilt_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = filled(tmp_path / "deals.db")
    altered(path, "DROP TABLE deals_fts_data")  # FTS5 cannot even drop its table without this one
    before = files(tmp_path)
    with pytest.raises(DatabaseError) as error:
        Store.open(path)
    message = str(error.value)
    assert "\n" not in message and "the search table was damaged" in message and "rebuilding it failed" in message
    assert files(tmp_path) == before


def test_deals_changed_while_the_triggers_were_gone_are_found_after_the_repair(tmp_path: Path) -> None:
    path = filled(tmp_path / "deals.db")
    altered(path, "DROP TRIGGER deals_search_update_before", "DROP TRIGGER deals_search_update_after",
            "UPDATE deals SET title = 'Quokka merger' WHERE title = 'Acme buys Dune Acme'")
    with Store.open(path) as store:
        assert "deals_search_update_before was missing" in store.note
        assert found(store, "Quokka") == 1 and found(store, "Acme buys") == 0
        assert index_is_sound(store)


def test_the_command_line_says_what_it_repaired_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = filled(tmp_path / "deals.db")
    altered(path, "DROP TRIGGER deal_parties_search_insert_after")
    assert main.main(["deals", "--db", str(path), "--search", "Birch"]) == 0
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith(f"deal-tracker: Repaired {path}: ")
    assert "Birch buys Dune Birch" in out and out.rstrip().endswith("1 deals")
