"""Articles of our own, article files and store dumps the core and window tests share (tests/ is on sys.path)."""

from __future__ import annotations

import io
from typing import Any

PUBLISHED = "2025-09-01"

# One acquisition, reported by two outlets: they agree on everything.
NORTHWIND = """Northwind Energy to buy Solvane Grid for $1.2 billion

Northwind Energy said on Tuesday, March 4, 2025, that it agreed to acquire Solvane Grid, a battery storage \
developer based in Denver, for $1.2 billion in cash. The acquisition gives Northwind a pipeline of storage \
projects across Colorado and Texas. Chief executive Maria Okafor said the deal would close in the third quarter."""

NORTHWIND_AGAIN = """Solvane Grid agrees to Northwind takeover

Northwind Energy Inc. will acquire battery developer Solvane Grid for $1.2 billion, the companies said on \
March 4, 2025. The purchase, announced in Denver, adds storage projects in Colorado and Texas to Northwind's \
portfolio."""

# A later, different deal of one of the same companies: never merged with the acquisition.
NORTHWIND_CONTRACT = """Northwind Energy signs wind power contract with Calder Wind

Northwind Energy said on August 20, 2025, that it had awarded Calder Wind a contract to supply turbines for a \
wind farm near Cheyenne. The companies did not say what the contract was worth."""


def dump(store: Any) -> dict[str, Any]:
    """Every row of every table, order-free, and the schema version.

    The full-text index's own tables are left out: SQLite keeps deleted entries there until it
    merges segments, so equal content can be stored differently. fts_ok checks the index instead.
    """
    tables = [
        row[0] for row in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name NOT LIKE 'deals_fts_%' ORDER BY name"
        )
    ]
    out: dict[str, Any] = {"user_version": store.db.execute("PRAGMA user_version").fetchone()[0]}
    for table in tables:
        out[table] = sorted(map(repr, store.db.execute(f'SELECT * FROM "{table}"')))
    return out


def page(text: str) -> bytes:
    title, _, body = text.partition("\n\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>").encode()


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds the lines, in Helvetica."""
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

