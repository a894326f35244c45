"""Helpers for the window's import tests: articles of our own, a dump of every table, a local web server."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

PUBLISHED = "2025-09-01"

# One acquisition, told by two outlets (merged into one deal with two sources), and a different deal.
NORTHWIND = """Northwind Energy to buy Solvane Grid for $1.2 billion

Northwind Energy said on Tuesday, March 4, 2025, that it agreed to acquire Solvane Grid, a battery storage \
developer based in Denver, for $1.2 billion in cash. The acquisition gives Northwind a pipeline of storage \
projects across Colorado and Texas. Chief executive Maria Okafor said the deal would close in the third quarter."""

NORTHWIND_AGAIN = """Solvane Grid agrees to Northwind takeover

Northwind Energy Inc. will acquire battery developer Solvane Grid for $1.2 billion, the companies said on \
March 4, 2025. The purchase, announced in Denver, adds storage projects in Colorado and Texas to Northwind's \
portfolio."""

KESTREL = """Kestrel Robotics and Harbourline Logistics form joint venture

Kestrel Robotics and Harbourline Logistics agreed on Monday, June 2, 2025, to form a joint venture that will \
automate container terminals in Rotterdam, with each side putting in half of the $300 million cost. Work \
starts in September."""

CALDER = """Northwind Energy signs wind power contract with Calder Wind

Northwind Energy said on August 20, 2025, that it had awarded Calder Wind a contract to supply turbines for a \
wind farm near Cheyenne. The companies did not say what the contract was worth."""


def dump(store: Any) -> dict[str, Any]:
    """Every row of every table, order-free (the full-text index's shadow tables aside, as in tests/core)."""
    tables = [row[0] for row in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE 'deals_fts_%' ORDER BY name")]
    out: dict[str, Any] = {"user_version": store.db.execute("PRAGMA user_version").fetchone()[0]}
    for table in tables:
        out[table] = sorted(map(repr, store.db.execute(f'SELECT * FROM "{table}"')))
    return out


def page(text: str) -> bytes:
    title, _, body = text.partition("\n\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>").encode()


@contextmanager
def web_server(pages: dict[str, bytes]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving `pages` by path (anything else is a 404); yields its base address."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body = pages.get(self.path)
            if body is None:
                self.send_error(404, "Not Found")
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def wait_for_import(qtbot: Any, window: Any, timeout: int = 30_000) -> list:
    """Wait for the running import to end; its results (SourceResult per source)."""
    with qtbot.waitSignal(window.importer.import_finished, timeout=timeout) as blocker:
        pass
    return blocker.args[0]


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds the lines, in Helvetica."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import ContentStream, DictionaryObject, NameObject

    writer = PdfWriter()
    pdf_page = writer.add_blank_page(612, 792)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    pdf_page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    stream = ContentStream(None, writer)
    stream.set_data(f"BT /F1 10 Tf 12 TL 40 750 Td {' '.join(f'({line}) Tj T*' for line in lines)} ET".encode())
    pdf_page.replace_contents(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def eml(text: str) -> bytes:
    title, _, body = text.partition("\n\n")
    return (f"From: Desk <desk@news.example>\nTo: reader@example.com\nSubject: {title}\n"
            f"Date: Wed, 5 Mar 2025 09:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n{body}\n").encode()


def save_shot(widget: Any, name: str) -> None:
    """Keep a picture of `widget` where $DEAL_TRACKER_SHOTS says (to look at by eye); nothing when unset."""
    import os
    from pathlib import Path

    folder = os.environ.get("DEAL_TRACKER_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / f"{name}.png"))
