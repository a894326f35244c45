"""`main.py watch add|list|remove` and the import's line about watched deals, run in-process on a real file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import main
from core.model import Amount, Article, Deal, Party
from core.store import Store
from core.watch import Watch, announcement


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "deals.db"
    with Store.open(path) as store:
        store.add_article(Article("Microsoft invests in G42.", title="G42", published="2025-06-02", deals=(
            Deal("Microsoft invests US$1.5bn in G42", parties=(Party("Microsoft"), Party("G42")),
                 amounts=(Amount(1.5e9, "USD"),)),
            Deal("G42 opens a lab", parties=(Party("G42"),)),
        )))
    return str(path)


def test_add_list_remove_round_trip(db, capsys):
    assert main.main(["watch", "add", "--db", db, "party", "Microsoft"]) == 0
    assert capsys.readouterr().out == "Watching party Microsoft (watch 1): 1 deal now\n"
    assert main.main(["watch", "add", "--db", db, "min-usd", "1", "bn"]) == 0
    assert capsys.readouterr().out == "Watching value at least US$1bn (watch 2): 1 deal now\n"
    assert main.main(["watch", "add", "--db", db, "keyword", "G42"]) == 0
    assert "2 deals now" in capsys.readouterr().out
    assert main.main(["watch", "list", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines] == [["1", "party"], ["2", "min-usd"], ["3", "keyword"]]
    assert lines[1].endswith("US$1bn or more                            1 deal")
    assert main.main(["watch", "remove", "--db", db, "2"]) == 0
    assert capsys.readouterr().out == "Stopped watching value at least US$1bn (watch 2)\n"
    with Store.open(db) as store:
        assert [(w.id, w.kind, w.value) for w in store.watches()] == [(1, "party", "Microsoft"), (3, "keyword", "G42")]


@pytest.mark.parametrize(("argv", "message"), [
    (["add", "planet", "Mars"], "Unknown watch kind 'planet'"),
    (["add", "min-usd", "loads"], "Could not read 'loads' as a US-dollar value"),
    (["remove", "seven"], "'seven' is not a watch number"),
    (["remove", "7"], "There is no watch 7"),
])
def test_bad_input_is_one_line_and_exit_1(db, capsys, argv, message):
    command, *rest = argv
    assert main.main(["watch", command, "--db", db, *rest]) == 1
    out = capsys.readouterr()
    assert out.out == "" and out.err.startswith("deal-tracker: " + message) and out.err.count("\n") == 1
    with Store.open(db) as store:
        assert store.watches() == []


def test_a_missing_file_is_not_made(tmp_path, capsys):
    assert main.main(["watch", "list", "--db", str(tmp_path / "none.db")]) == 1
    assert capsys.readouterr().err.startswith("deal-tracker: No database at ")
    assert not (tmp_path / "none.db").exists()


def test_a_read_only_file_is_left_alone(db, capsys):
    Path(db).chmod(0o444)
    try:
        with open(db, "ab"):
            pytest.skip("this user writes to read-only files (root)")
    except PermissionError:
        pass
    try:
        assert main.main(["watch", "add", "--db", db, "party", "G42"]) == 1
        assert "no watch was changed" in capsys.readouterr().err
    finally:
        Path(db).chmod(0o644)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM watches").fetchone()[0] == 0


def test_an_import_names_its_new_watched_deals(db, tmp_path, capsys):
    assert main.main(["watch", "add", "--db", db, "keyword", "data centre"]) == 0
    (tmp_path / "a.txt").write_text("Nvidia said on Tuesday, June 3, 2025 it agreed to acquire Rubin Labs for "
                                    "US$2 billion to build data centre chips.\n", encoding="utf-8")
    capsys.readouterr()
    assert main.main(["import", "--db", db, str(tmp_path / "a.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if line.startswith("New: ")] == [
        next(line for line in lines if line.startswith("New: ") and line.endswith("(watch: data centre)"))]


def _watch(value: str, kind: str = "party") -> Watch:
    return Watch(1, kind, value, "2025-06-02T00:00:00+00:00")


def test_the_notice_names_the_first_deal_and_sums_the_rest():
    microsoft, big = _watch("Microsoft"), _watch("500000000", "min_usd")
    assert announcement([("Microsoft invests US$1.5bn in G42", [microsoft])]) == \
        "New: Microsoft invests US$1.5bn in G42 (watch: Microsoft)"
    assert announcement([("Unwatched", []), ("A  big\ndeal", [microsoft, big]), ("B", [big]), ("C", [big])]) == \
        "New: A big deal (watch: Microsoft, US$500m or more) … and 2 more watched deals"
    assert announcement([("A", [big]), ("B", [big])]).endswith("… and 1 more watched deal")
    assert announcement([("A", [])]) == ""
    assert len(announcement([("x" * 300, [microsoft])])) < 120
