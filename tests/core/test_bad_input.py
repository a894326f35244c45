"""Bad input through `main.py import` and `deals --search`: one line of reason, exit 1, the database unchanged."""

from __future__ import annotations

import random
import socket
import subprocess
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

import main
from core.importer import import_sources
from db_helpers import ROOT, dump, run_cli

pytestmark = pytest.mark.slow  # subprocesses: every case runs main.py

SAMPLE = ROOT / "resources" / "samples" / "02-corvane-lumetric-acquisition.txt"
ARTICLE = (
    "Orbis Logistics to buy Calder Energy for $90 million\n\n"
    "Orbis Logistics said on Monday it had agreed to buy Calder Energy, which runs three wind farms "
    "on the river Wend, for $90 million in cash.\n\n"
    "The deal is expected to close in the second quarter, subject to approval by regulators.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database that already holds an article, so that 'unchanged' has something to keep."""
    path = tmp_path / "deals.db"
    assert main.main(["import", "--db", str(path), str(SAMPLE)]) == 0
    return path


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def binary(tmp_path: Path) -> str:
    return write(tmp_path, "notes.txt", random.Random(6).randbytes(4000))


def folder(tmp_path: Path) -> str:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "one.txt").write_text(ARTICLE)
    return str(tmp_path / "articles")


def oversized(tmp_path: Path) -> str:
    path = tmp_path / "huge.txt"
    block = ARTICLE * (1024 * 1024 // len(ARTICLE) + 1)
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(20):
            handle.write(block)
    assert path.stat().st_size > 20 * 1024 * 1024
    return str(path)


def page_without_article(tmp_path: Path) -> str:
    page = (b"<!DOCTYPE html><html><head><title>Harbour Ledger</title></head><body>"
            b"<nav><a href='/'>Home</a> <a href='/ports'>Ports</a> <a href='/about'>About us</a></nav>"
            b"<div class='login'>Sign in to read this story.</div><footer>Copyright 2025</footer></body></html>")
    return write(tmp_path, "paywall.html", page)


def file_address(tmp_path: Path) -> str:
    """A file: address of a good article: refused all the same, a web address is not a way to read files."""
    (tmp_path / "orbis.txt").write_text(ARTICLE)
    return (tmp_path / "orbis.txt").as_uri()


# Each maker writes its input (or names one) and returns what the user types; then what the reason says.
REFUSED: dict[str, tuple[Callable[[Path], str], str]] = {
    "empty file": (lambda t: write(t, "empty.txt", b""), "empty"),
    "whitespace only": (lambda t: write(t, "blank.txt", b" \n\t\r\n   \n" * 50), "whitespace"),
    "binary named .txt": (binary, "binary data"),
    "image named .txt": (lambda t: write(t, "picture.txt", PNG + bytes(300)), "PNG image"),
    "image": (lambda t: write(t, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(300)), ".jpg files"),
    "20 MB of text": (oversized, "over the 10.0 MB limit"),
    "folder": (folder, "folder"),
    "missing path": (lambda t: str(t / "nowhere" / "gone.txt"), "no such file"),
    "UTF-16 without a BOM": (lambda t: write(t, "wide.txt", ARTICLE.encode("utf-16-le")), "binary data"),
    "HTML without an article": (page_without_article, "no article text"),
    "file: address": (file_address, "file: addresses"),
    "ftp: address": (lambda t: "ftp://ftp.example.com/news/orbis.txt", "ftp: addresses"),
    "javascript: address": (lambda t: "javascript:alert('imported')", "javascript: addresses"),
    "data: address": (lambda t: "data:text/plain," + ARTICLE.replace(" ", "%20").replace("\n", "%0A"), "data: addresses"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_bad_input_gets_one_line_exit_1_and_leaves_the_database_as_it_was(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    make, reason = REFUSED[case]
    source = make(tmp_path)
    capsys.readouterr()
    before = dump(db)
    assert main.main(["import", "--db", str(db), source]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    refusal, summary = out.splitlines()
    assert refusal.startswith(f"{source}: skipped: Could not read ")
    assert reason in refusal
    assert summary == "0 deals added from 0 of 1 inputs"
    assert dump(db) == before


def test_all_of_them_at_once_in_a_real_process(tmp_path: Path, db: Path) -> None:
    sources = []
    for number, (make, _) in enumerate(REFUSED.values()):
        (tmp_path / f"case-{number}").mkdir()
        sources.append(make(tmp_path / f"case-{number}"))
    before = dump(db)
    proc = run_cli("import", "--db", str(db), *sources, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert len(lines) == len(sources) + 1
    assert all(": skipped: Could not read " in line for line in lines[:-1])
    assert dump(db) == before


def test_a_good_article_among_bad_ones_is_stored_and_the_status_is_1(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "orbis.txt", ARTICLE.encode())
    assert main.main(["import", "--db", str(db), write(tmp_path, "empty.txt", b""), good]) == 1
    out = capsys.readouterr().out
    assert f"{good}: added 1 deal" in out and "1 deal added from 1 of 2 inputs" in out


def test_text_that_is_not_utf8_is_decoded_by_the_fallback(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ARTICLE.replace("$90 million", "\u20ac90 million").replace("in cash.", "in cash \u2013 \u201call of it\u201d.")
    source = write(tmp_path, "legacy.txt", text.encode("cp1252"))
    assert main.main(["import", "--db", str(db), source]) == 0
    assert "added 1 deal" in capsys.readouterr().out
    with main._open_store(str(db)) as store:
        stored = store.article(store.article_count())
    assert "for \u20ac90 million in cash \u2013 \u201call of it\u201d." in stored.text


HOSTILE_PAGE = """<!DOCTYPE html [<!ENTITY secret SYSTEM "file://{secret}">]>
<html><head><meta charset="utf-8">
<title>Orbis Logistics to buy Calder Energy for $90 million</title>
<meta http-equiv="refresh" content="0; url=https://tracker.example/refresh">
<base href="https://tracker.example/">
<link rel="stylesheet" href="https://tracker.example/style.css">
<script src="https://tracker.example/t.js"></script>
<script>document.write("INJECTED BY SCRIPT"); fetch("https://tracker.example/beacon");</script>
</head><body onload="alert('ONLOAD RAN')">
<nav><a href="javascript:openMenu()">Open the menu</a></nav>
<article>
<h1>Orbis Logistics to buy Calder Energy for $90 million</h1>
<p>Orbis Logistics said on Monday it had agreed to buy Calder Energy, which runs three wind farms
on the river Wend, for $90 million in cash. &secret;</p>
<p>The deal is expected to close in the second quarter, subject to approval by regulators, the two
companies said. <a href="javascript:steal(document.cookie)">Read the statement</a></p>
<iframe src="file://{secret}"></iframe>
<img src="https://tracker.example/pixel.gif" onerror="alert('ONERROR RAN')">
<object data="https://tracker.example/plugin.swf"></object>
<p>Orbis chief executive Maria Lund said the wind farms would double its green power.</p>
</article>
<script>alert("SCRIPT AT THE END");</script>
</body></html>
"""


def test_a_page_with_scripts_is_read_without_running_or_fetching_anything(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-LOCAL-FILE-CONTENT")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the importer tried to reach out or run something")

    for target, attribute in ((socket.socket, "connect"), (socket, "create_connection"), (socket, "getaddrinfo"),
                              (urllib.request, "urlopen"), (subprocess, "Popen")):
        monkeypatch.setattr(target, attribute, refuse)
    source = write(tmp_path, "hostile.html", HOSTILE_PAGE.format(secret=secret).encode())
    with main._open_store(str(db)) as store:
        # Read here, not in the reader process an import starts: the guards above only watch this process.
        [result] = import_sources(store, [source], budget=None)
        assert result.describe() == "added 1 deal"
        text = store.article(store.article_count()).text
    assert "agreed to buy Calder Energy" in text and "Maria Lund" in text
    for trace in ("SECRET", "INJECTED", "RAN", "SCRIPT", "javascript", "tracker", "steal", "alert", "cookie"):
        assert trace not in text, trace


SEARCHES = [
    '"', '""', '"Corvane', 'Corvane"', "'", "AND", "OR OR", "NOT Corvane", "Corvane AND", "NEAR(Corvane",
    "Corvane NEAR/2 Lumetric", "*", "Corv*", "^Corvane", "title:Corvane", "parties:", "{title parties}: x",
    "(", ")", "-Corvane", "+", "\\", "%", "_", "a:b:c", "Corvane\x00Lumetric", "\u200b", "\ufffd",
    "'; DROP TABLE deals; --", 'a"b\'c(d)e*f^g:h-i+j', "日本 企業", "x" * 5000, "   ",
]


# Operators and quotes are words like any other; these still find the Corvane deal.
FINDS_CORVANE = {'"Corvane', 'Corvane"', "Corvane AND", "Corv*", "^Corvane", "-Corvane", "Corvane\x00Lumetric"}


@pytest.mark.parametrize("query", SEARCHES)
def test_a_search_full_of_fts_syntax_lists_deals_and_changes_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    capsys.readouterr()
    before = dump(db)
    assert main.main(["deals", "--db", str(db), f"--search={query}"]) == 0  # "=": a query may start with "-"
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[-1].endswith(" deals")
    if query in FINDS_CORVANE:
        assert "Corvane" in out
    assert dump(db) == before
