"""The import pipeline: files and web addresses (a local server), pasted text, progress, cancel, and the CLI."""

from __future__ import annotations

import textwrap
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import main
from core.importer import import_sources, import_text, prepare, store_article, store_registry
from core.store import Store
from import_samples import (
    KESTREL, NORTHWIND, NORTHWIND_AGAIN, NORTHWIND_CONTRACT, PUBLISHED, dump, eml, make_pdf, page,
)

PAGES = {"/northwind-again": page(NORTHWIND_AGAIN), "/kestrel": page(KESTREL)}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class names it so
        pass

    def do_GET(self) -> None:
        body = PAGES.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def northwind_file(tmp_path: Path) -> str:
    path = tmp_path / "northwind.txt"
    path.write_text(NORTHWIND, encoding="utf-8")
    return str(path)


@pytest.mark.slow
def test_files_and_web_addresses_go_through_one_pipeline(store: Store, site: str, northwind_file: str) -> None:
    sources = [northwind_file, f"{site}/northwind-again", f"{site}/missing", "/no/such/article.txt"]
    results = import_sources(store, sources, published=PUBLISHED)
    assert [r.source for r in results] == sources
    first, second, missing, nowhere = results
    assert first.describe() == "added 1 deal"
    assert second.describe() == f"merged into deal #{first.outcome.added[0] if first.outcome else 0}"
    assert missing.describe().startswith("skipped: Could not fetch") and "not found (HTTP 404)" in missing.describe()
    assert nowhere.describe() == "skipped: Could not read /no/such/article.txt: there is no such file"
    assert store.article(second.outcome.article_id if second.outcome else 0).url == f"{site}/northwind-again"
    assert first.article is not None and first.article.deals


@pytest.mark.slow
def test_a_web_address_imported_twice_is_already_imported(store: Store, site: str) -> None:
    import_sources(store, [f"{site}/kestrel"])
    [again] = import_sources(store, [f" {site}/kestrel "])
    assert again.describe() == "already imported"


@pytest.mark.slow
def test_progress_is_reported_before_each_source_and_at_the_end(store: Store, site: str, northwind_file: str) -> None:
    calls: list[tuple[int, int, str]] = []
    import_sources(store, [northwind_file, f"{site}/kestrel"], progress=lambda *a: calls.append(a))
    assert calls == [(0, 2, northwind_file), (1, 2, f"{site}/kestrel"), (2, 2, "")]


def test_cancel_stops_before_the_next_source_and_keeps_what_was_stored(
    store: Store, site: str, northwind_file: str
) -> None:
    done: list[int] = []
    results = import_sources(store, [northwind_file, f"{site}/kestrel", f"{site}/northwind-again"],
                             cancelled=lambda: bool(done), progress=lambda i, n, name: done.append(i) if name else None)
    assert len(results) == 1 and results[0].outcome is not None
    assert store.article_count() == 1


def test_pasted_text_with_its_title_address_and_date(store: Store) -> None:
    body = NORTHWIND_CONTRACT.partition("\n\n")[2]
    result = import_text(store, body, title="Calder Wind lands Northwind order",
                         url="https://news.example/calder", published="2025-08-21")
    assert result.source == "Calder Wind lands Northwind order" and result.outcome is not None
    article = store.article(result.outcome.article_id or 0)
    assert (article.title, article.url, article.published) == (
        "Calder Wind lands Northwind order", "https://news.example/calder", "2025-08-21")
    assert article.text.startswith("Calder Wind lands Northwind order\n\n")
    assert store.deal(result.outcome.added[0]).date == "2025-08-20"


def test_empty_pasted_text_is_skipped_with_a_reason(store: Store) -> None:
    before = dump(store)
    result = import_text(store, "   \n\t ")
    assert result.describe() == "skipped: Could not read the pasted text: there is no text"
    assert dump(store) == before


def test_parsing_is_apart_from_storing(store: Store, northwind_file: str) -> None:
    registry = store_registry(store)
    before = dump(store)
    article = prepare(northwind_file, published=PUBLISHED, registry=registry)
    assert dump(store) == before and article.deals
    assert store_article(store, article).added


@pytest.mark.slow
def test_cli_import_reports_each_input_and_a_summary(
    tmp_path: Path, site: str, northwind_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "deals.db")
    argv = ["import", "--db", db, "--published", PUBLISHED]
    assert main.main([*argv, northwind_file, f"{site}/northwind-again"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{northwind_file}: added 1 deal", f"{site}/northwind-again: merged into deal #1",
                   "1 deal added from 2 of 2 inputs; 1 existing deal gained a source"]
    assert main.main([*argv, northwind_file, f"{site}/gone"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{northwind_file}: already imported"
    assert out[1].startswith(f"{site}/gone: skipped: Could not fetch {site}/gone: the page was not found")
    assert out[2] == "0 deals added from 1 of 2 inputs; 1 already imported"


FILE_TYPES = {
    "northwind.txt": lambda: NORTHWIND.encode(),
    "northwind.md": lambda: ("# " + NORTHWIND).encode(),
    "northwind.html": lambda: page(NORTHWIND),
    "northwind.eml": lambda: eml(NORTHWIND),
    "northwind.pdf": lambda: make_pdf(textwrap.wrap(NORTHWIND.replace("\n\n", " "), 90)),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FILE_TYPES))
def test_each_file_type_imports_its_deal(store: Store, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(FILE_TYPES[name]())
    [result] = import_sources(store, [path], published=PUBLISHED)
    assert result.describe() == "added 1 deal", result.describe()
    deal = store.deal(result.outcome.added[0] if result.outcome else 0)
    assert [p.name for p in deal.parties] == ["Northwind Energy", "Solvane Grid"]
    assert deal.amounts[0].value == 1.2e9
