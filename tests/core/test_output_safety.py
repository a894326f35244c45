"""Control characters and terminal escapes in articles and file names never reach a terminal, a CSV or the store."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

import main
from core.importer import import_text
from core.model import Commitment, Deal
from core.store import Store
from core.text_safety import one_line, printable, strip_controls
from db_helpers import run_cli

# Anything a terminal could act on: C0 but newline, DEL and C1.
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

HOSTILE_ARTICLE = (
    "\x1b[31mArvane Systems to acquire Beldell Energy for $120 million\x1b[0m\n\n"
    "Arvane Systems said on Monday it had agreed to acquire Beldell Energy, a Lisbon-based company, for "
    "$120 million in cash. Arvane Systems will \x9b2Jinvest $40 million\x07 in the Lisbon plant"
    "\x1b]8;;http://x.invalid\x07 by 2027.\n"
)


def test_strip_controls_removes_escape_sequences_whole():
    assert strip_controls("\x1b[31mred\x1b[0m") == "red"
    assert strip_controls("\x1b]8;;http://x.invalid\x07link\x1b]8;;\x1b\\") == "link"
    assert strip_controls("a\x9b2Jb\x9cc\x7fd\x00e") == "abcde"
    assert strip_controls("one\ttwo\nthree\r\nfour\x0cfive\x85six") == "one\ttwo\nthree\nfour\nfive\nsix"


def test_strip_controls_does_not_swallow_text_after_an_unfinished_sequence():
    assert strip_controls("\x1b]0;no terminator, and the rest of the article") == (
        "0;no terminator, and the rest of the article")


def test_printable_escapes_what_it_cannot_show():
    assert printable("evil\x1b[2J.txt") == "evil\\x1b[2J.txt"
    assert printable("two\nlines\t.txt") == "two\\nlines\\t.txt"
    assert printable(os.fsdecode(b"\xff.txt")) == "\\xff.txt"
    assert printable("invoice\u202efdp.exe") == "invoice\\u202efdp.exe"
    assert printable("Société générale — 5 €") == "Société générale — 5 €"


def test_one_line_is_one_clean_line():
    assert one_line("Title\x1b[2J\nsecond\tline ") == "Title second line"


def _store_texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT title, text FROM articles").fetchall()
        rows += conn.execute("SELECT title, '' FROM deals").fetchall()
    return [value or "" for row in rows for value in row]


@pytest.mark.slow
def test_imported_article_keeps_no_control_characters(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    db = tmp_path / "deals.db"
    assert main.main(["import", "--db", str(db), str(article)]) == 0
    assert not RAW_CONTROL.search(capsys.readouterr().out)
    assert _store_texts(db) and not any(RAW_CONTROL.search(text) for text in _store_texts(db))
    with Store.open(db) as store:
        deals = list(store.iter_deals())
    assert deals and deals[0].title.startswith("Arvane Systems to acquire")
    commitments = [c.text for deal in deals for c in deal.commitments]
    assert any("invest $40 million in the Lisbon plant by 2027" in text for text in commitments)


@pytest.mark.slow
def test_a_page_title_and_pasted_title_lose_their_controls(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Arvane buys Beldell &#27;[2J&#133;</title></head><body><article><p>"
                    + HOSTILE_ARTICLE.split("\n\n", 1)[1] + "</p></article></body></html>", encoding="utf-8")
    db = tmp_path / "deals.db"
    with Store.open(db) as store:
        from core.importer import import_sources

        import_sources(store, [str(page)], published="2025-03-03")
        import_text(store, HOSTILE_ARTICLE.split("\n\n", 1)[1].replace("Lisbon", "Porto"),
                    title="\x1b[1mPasted\x1b[0m title\x85", published="2025-03-03")
        titles = [article.title or "" for article in (store.article(1), store.article(2))]
    assert titles[0].startswith("Arvane buys Beldell") and titles[1] == "Pasted title"
    assert not any(RAW_CONTROL.search(title) for title in titles)


def test_parse_prints_no_control_characters(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    assert main.main(["parse", "--published", "2025-03-03", str(article)]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out)
    contract = json.loads(out)
    assert contract["title"] == "Arvane Systems to acquire Beldell Energy for $120 million"
    assert not any(RAW_CONTROL.search(text) for text in _strings(contract))  # nor escaped as \u001b


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for item in value for s in _strings(item)] if isinstance(value, list) else []


def _stored_hostile(db: Path) -> None:
    """A database written before controls were stripped on import, or edited by another tool."""
    with Store.open(db) as store:
        store.add_deal(Deal(title="\x1b[2J\x1b[HCleared\nscreen\x85deal",
                            commitments=(Commitment("build \x1b[5mblinking\x1b[0m plants\x9b"),)))


def test_deals_listing_prints_one_clean_line_per_deal(tmp_path, capsys):
    db = tmp_path / "deals.db"
    _stored_hostile(db)
    assert main.main(["deals", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out)
    lines = out.splitlines()
    assert len(lines) == 3 and "Cleared screen deal" in lines[1]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_exports_carry_no_raw_control_characters(tmp_path, capsys, fmt):
    db = tmp_path / "deals.db"
    _stored_hostile(db)
    assert main.main(["export", "--db", str(db), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out.replace("\r\n", "\n"))
    if fmt == "json":
        # JSON is data: the value survives, escaped.
        assert json.loads(out)[0]["title"] == "\x1b[2J\x1b[HCleared\nscreen\x85deal"
    else:
        assert "Clearedscreen" not in out and "build blinking plants" in out


def test_import_names_a_hostile_file_name_safely(tmp_path, capsys):
    name = tmp_path / "evil\x1b[2J\x1b]0;owned\x07.txt"
    name.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty\x1b[31m.txt"
    empty.write_text("", encoding="utf-8")
    db = tmp_path / "deals.db"
    assert main.main(["import", "--db", str(db), str(name), str(empty)]) == 1
    captured = capsys.readouterr()
    assert not RAW_CONTROL.search(captured.out + captured.err)
    assert "evil\\x1b[2J\\x1b]0;owned\\x07.txt: added" in captured.out
    assert "empty\\x1b[31m.txt" in captured.out


@pytest.mark.slow
def test_an_undecodable_file_name_is_shown_not_a_crash(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"\xff-deal.txt"), "w", encoding="utf-8") as handle:
        handle.write(HOSTILE_ARTICLE)
    proc = run_cli("import", "--db", str(tmp_path / "deals.db"), os.fsdecode(os.path.join(folder, b"\xff-deal.txt")),
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "\\xff-deal.txt: added" in proc.stdout
