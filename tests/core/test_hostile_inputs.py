"""Hostile inputs are skipped with a reason, one at a time: the inputs before and after them are stored."""

from __future__ import annotations

import sys
import time
import zlib
from pathlib import Path

import pytest

import main
from core.budget import Budget
from core.extract.files import MAX_HEADER_CHARS, MAX_PDF_PAGES
from core.extract.text import Document
from core.importer import import_sources, read_document
from core.store import Store

pytestmark = pytest.mark.slow  # time and memory budgets run out on purpose

BODY = ("Orbis Logistics said on Monday it had agreed to buy Calder Energy, which runs three wind farms on the "
        "river Wend, for $90 million in cash. The deal is expected to close in the second quarter.\n")
HEADLINE = "Orbis Logistics to buy Calder Energy for $90 million"
SECOND = ("Kestrel Foods to buy Linden Dairy for $40 million\n\nKestrel Foods said on Tuesday it would acquire "
          "Linden Dairy, a cheese maker in Wisconsin, for $40 million in cash.\n")


def eml(subject: str, body: str = BODY, content_type: str = "text/plain; charset=utf-8") -> bytes:
    return (f"From: Desk <desk@news.example>\nSubject: {subject}\nDate: Wed, 5 Mar 2025 09:00:00 +0000\n"
            f"Content-Type: {content_type}\n\n{body}").encode()


def nested_eml(depth: int) -> bytes:
    head = "From: desk@news.example\nSubject: Deep\n"
    for level in range(depth):
        head += f'Content-Type: multipart/mixed; boundary="b{level}"\n\n--b{level}\n'
    tail = "".join(f"\n--b{level}--\n" for level in reversed(range(depth)))
    return (head + "Content-Type: text/plain\n\n" + BODY + tail).encode()


def deep_json_ld_page(depth: int) -> bytes:
    return (f'<html><head><title>{HEADLINE}</title><script type="application/ld+json">{"[" * depth}{"]" * depth}'
            f"</script></head><body><article><h1>{HEADLINE}</h1><p>{BODY}</p></article></body></html>").encode()


def pdf(pages: list[bytes]) -> bytes:
    """A PDF written by hand: one page for each content stream given (equal streams are stored once)."""
    streams = list(dict.fromkeys(pages))
    first_page = 4 + len(streams)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (first_page + i) for i in range(len(pages)))
               + b"] /Count %d >>" % len(pages),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for content in streams:
        packed = zlib.compress(content)
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
    for content in pages:
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                       b">> /Contents %d 0 R >>" % (4 + streams.index(content)))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_page(lines: list[str]) -> bytes:
    shown = " ".join(f"({line}) Tj T*" for line in lines)
    return f"BT /F1 10 Tf 12 TL 40 750 Td {shown} ET".encode()


ARTICLE_PAGE = text_page([HEADLINE, "", "Orbis Logistics said on Monday it had agreed to buy Calder Energy,",
                          "which runs three wind farms, for $90 million in cash."])
# One operator a million times: pypdf took 68 s to read such a page.
HEAVY_PAGE = b"1 0 0 1 0 0 cm " * 1_000_000


def write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


@pytest.fixture
def good(tmp_path: Path) -> tuple[str, str]:
    return (write(tmp_path, "orbis.txt", f"{HEADLINE}\n\n{BODY}".encode()),
            write(tmp_path, "kestrel.txt", SECOND.encode()))


def run_import(tmp_path: Path, sources: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    """`main.py import` of the sources; the per-input lines it printed, in order."""
    db = tmp_path / "deals.db"
    code = main.main(["import", "--db", str(db), *sources])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    lines = out.out.splitlines()
    assert code == (1 if any(": skipped: " in line for line in lines) else 0)
    assert len(lines) == len(sources) + 1  # one line an input, and the summary
    return lines[:-1]


def stored_titles(tmp_path: Path) -> list[str]:
    with Store.open(tmp_path / "deals.db") as store:
        return [store.article(i).title or "" for i in range(1, store.article_count() + 1)]


def test_recursion_bombs_are_skipped_and_the_inputs_around_them_stored(tmp_path, good, capsys):
    bombs = [write(tmp_path, "nested.eml", nested_eml(1_200)),
             write(tmp_path, "brackets.eml", eml("Deep", content_type="text/plain; charset=utf-8 "
                                                 + "(" * 1_500 + ")" * 1_500)),
             write(tmp_path, "json-ld.html", deep_json_ld_page(1_500))]
    lines = run_import(tmp_path, [good[0], *bombs, good[1]], capsys)
    assert lines[0] == f"{good[0]}: added 1 deal"
    for bomb, line in zip(bombs, lines[1:4]):
        assert line.startswith(f"{bomb}: skipped: Could not read {Path(bomb).name}: "), line
    assert lines[4] == f"{good[1]}: added 1 deal"
    assert stored_titles(tmp_path) == [HEADLINE, "Kestrel Foods to buy Linden Dairy for $40 million"]


def test_a_subject_of_many_encoded_words_is_cut_before_it_is_decoded(tmp_path, good, capsys):
    # 8,000 encoded words took 948 MB to decode; 100,000 (2.9 MB) took 23.7 GB.
    subject = " ".join("=?utf-8?q?Orbis_Logistics_=C3=A9?=" for _ in range(8_000))
    mail = write(tmp_path, "subject.eml", eml(subject))
    lines = run_import(tmp_path, [good[1], mail], capsys)
    assert lines == [f"{good[1]}: added 1 deal", f"{mail}: added 1 deal"]
    title = stored_titles(tmp_path)[1]
    assert title.startswith("Orbis Logistics éOrbis") and len(title) < MAX_HEADER_CHARS


def test_a_pdf_of_repeated_operators_is_read_as_far_as_its_caps_and_says_so(tmp_path, good, capsys):
    heavy = write(tmp_path, "heavy.pdf", pdf([ARTICLE_PAGE] + [HEAVY_PAGE] * 20))
    long = write(tmp_path, "long.pdf", pdf([text_page(SECOND.splitlines())] * (MAX_PDF_PAGES + 10)))
    only_heavy = write(tmp_path, "only-heavy.pdf", pdf([HEAVY_PAGE] * 3))
    lines = run_import(tmp_path, [good[0], heavy, long, only_heavy], capsys)
    # Whether the deal merges with the first file's is the merge rule's business; the note is the reader's.
    assert lines[1].startswith(f"{heavy}: ") and "deal" in lines[1]
    assert lines[1].endswith(" (pages 2, 3, 4, 5, 6, … left out: too complex to read)")
    assert lines[2] == (f"{long}: added 1 deal (only the first {MAX_PDF_PAGES} of {MAX_PDF_PAGES + 10} pages "
                        "were read)")
    assert lines[3] == f"{only_heavy}: skipped: Could not read only-heavy.pdf: its pages are too complex to read"


def read_slowly(source: str | Path) -> Document:
    """A reader that never finishes the file named slow.txt (it runs in the reader process)."""
    if Path(source).name == "slow.txt":
        time.sleep(600)
    return read_document(source)


def read_greedily(source: str | Path) -> Document:
    """A reader that asks for 64 GB for greedy.txt: refused at once under a memory cap, nothing is used."""
    if Path(source).name == "greedy.txt":
        hoard = bytearray(64 * 1024 ** 3)
        return Document(text=str(len(hoard)))
    return read_document(source)


def test_an_input_over_its_time_is_skipped_and_the_next_is_still_imported(store, tmp_path, good):
    slow = write(tmp_path, "slow.txt", b"never read")
    results = import_sources(store, [good[0], slow, good[1]], budget=Budget(seconds=5), read=read_slowly)
    assert [r.describe() for r in results] == [
        "added 1 deal", "skipped: Could not read slow.txt: it took too long to read (over 5 s)", "added 1 deal"]
    assert store.article_count() == 2


@pytest.mark.skipif(sys.platform != "linux", reason="the address-space cap is enforced on Linux")
def test_an_input_over_its_memory_is_skipped_and_the_next_is_still_imported(store, tmp_path, good):
    greedy = write(tmp_path, "greedy.txt", b"never read")
    results = import_sources(store, [good[0], greedy, good[1]], read=read_greedily,
                             budget=Budget(seconds=60, memory=4 * 1024 ** 3))
    assert [r.describe() for r in results] == [
        "added 1 deal", "skipped: Could not read greedy.txt: it needed too much memory (over 4 GB)", "added 1 deal"]


def test_cancel_abandons_the_input_being_read(store, tmp_path, good):
    slow = write(tmp_path, "slow.txt", b"never read")
    asked: list[str] = []

    def cancelled() -> bool:
        asked.append("?")
        return len(asked) > 3  # once the slow input is being read

    results = import_sources(store, [slow, good[0]], budget=Budget(seconds=600), read=read_slowly,
                             cancelled=cancelled)
    assert results == [] and store.article_count() == 0


def test_each_input_is_reported_as_it_finishes(store, tmp_path, good):
    events: list[str] = []
    bomb = write(tmp_path, "nested.eml", nested_eml(1_200))
    import_sources(store, [good[0], bomb, good[1]], progress=lambda done, total, name: events.append(f"start {name}"),
                   on_result=lambda result: events.append(f"done {result.source}"))
    assert events == [f"start {good[0]}", f"done {good[0]}", f"start {bomb}", f"done {bomb}",
                      f"start {good[1]}", f"done {good[1]}", "start "]
