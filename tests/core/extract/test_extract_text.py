"""Reading articles: formats, encodings, refusals, samples and the dev corpus's titles and dates."""

from __future__ import annotations

import codecs
import io
import json
import socket
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import InputError
from core.extract import parse_text
from core.extract.html import read_html
from core.extract.text import read_bytes, read_path, read_text

REPO = Path(__file__).parents[3]
SAMPLES = REPO / "resources" / "samples"
DEV_CORPUS = Path(__file__).parents[3].parent / "shared/corpus/dev"

ARTICLE = (
    "Orbis Freight to buy Calder Docks for $90 million\n"
    "\n"
    "Orbis Freight said on Monday it had agreed to buy Calder Docks, which runs three container "
    "terminals on the river Wend, for $90 million in cash.\n"
    "\n"
    "The deal is expected to close in the second quarter, subject to approval by regulators.\n"
)

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Orbis Freight to buy Calder Docks for $90 million | Harbour Ledger</title>
<meta property="og:title" content="Orbis Freight to buy Calder Docks for $90 million">
<meta property="og:site_name" content="Harbour Ledger">
<meta property="article:published_time" content="2025-04-07T06:00:00+01:00">
<link rel="canonical" href="https://ledger.example/orbis-calder">
<script>document.write("INJECTED BY SCRIPT"); fetch("https://tracker.example/x");</script>
<script src="https://tracker.example/t.js"></script>
</head><body>
<div class="cookie-banner"><p>We use cookies to personalise content and ads. Accept all cookies to continue.</p>
<a href="javascript:acceptCookies()">Accept cookies</a></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/ports">Ports</a></li>
<li><a href="javascript:openMenu()">Open the menu</a></li></ul></nav>
<article>
<h1>Orbis Freight to buy Calder Docks for $90 million</h1>
<p>Orbis Freight said on Monday it had agreed to buy Calder Docks, which runs three container terminals
on the river Wend, for $90 million in cash.</p>
<p>The deal is expected to close in the second quarter, subject to approval by regulators, the two
companies said in a joint statement.</p>
<p>Orbis chief executive Maria Lund said the terminals would give the group its first foothold on
the east coast and room to double its container volumes.</p>
<img src="https://images.example/docks.jpg" alt="Calder Docks at dusk">
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Port strike ends after nine days of talks with unions</a></li>
<li><a href="/b">Freight rates fall for a third straight month in the region</a></li></ul></aside>
<footer><p>Copyright 2025 Harbour Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
<script>alert("SCRIPT AT THE END");</script>
</body></html>
"""


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


# Formats


@pytest.mark.parametrize("name", ["story.txt", "story.md", "story.text", "story", "STORY.TXT"])
def test_text_files_read_with_headline_as_title(tmp_path: Path, name: str) -> None:
    doc = read_path(write(tmp_path, name, ARTICLE))
    assert doc.title == "Orbis Freight to buy Calder Docks for $90 million"
    assert doc.text == ARTICLE.strip()
    assert doc.source_path == str(tmp_path / name)


def test_html_keeps_article_and_drops_boilerplate(tmp_path: Path) -> None:
    doc = read_path(write(tmp_path, "page.html", PAGE))
    assert "agreed to buy Calder Docks" in doc.text
    assert "Maria Lund" in doc.text
    for boilerplate in ("cookies", "Home", "Open the menu", "Related stories", "Port strike", "Copyright",
                        "Privacy", "INJECTED", "SCRIPT AT THE END", "javascript", "tracker"):
        assert boilerplate not in doc.text, boilerplate
    assert doc.title == "Orbis Freight to buy Calder Docks for $90 million"
    assert doc.text.startswith(doc.title + "\n\n")
    assert doc.text.count(doc.title) == 1
    assert doc.publisher == "Harbour Ledger"
    assert doc.published == "2025-04-07"
    assert doc.url == "https://ledger.example/orbis-calder"


def test_html_paragraphs_are_separated_by_blank_lines() -> None:
    doc = read_html(PAGE)
    assert "in cash.\n\nThe deal is expected" in doc.text
    assert "\r" not in doc.text


def test_html_date_and_publisher_from_json_ld_and_title_tag() -> None:
    page = PAGE.replace('<meta property="og:title" content="Orbis Freight to buy Calder Docks for $90 million">', "")
    page = page.replace('<meta property="og:site_name" content="Harbour Ledger">', "")
    page = page.replace('<meta property="article:published_time" content="2025-04-07T06:00:00+01:00">',
                        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
                        '"datePublished": "2025-04-08", "publisher": {"name": "Harbour Ledger"}}]}</script>')
    doc = read_html(page, url="https://ledger.example/given")
    assert doc.published == "2025-04-08"
    assert doc.publisher == "Harbour Ledger"
    assert doc.title == "Orbis Freight to buy Calder Docks for $90 million"
    assert doc.url == "https://ledger.example/given"


def test_html_bytes_decoded_by_declared_charset() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("$90 million in cash", "€90 million in cash")
    doc = read_html(page.encode("cp1252"))
    assert "€90 million in cash" in doc.text


def test_html_is_read_without_touching_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert "Calder Docks" in read_html(PAGE).text


def test_html_saved_as_txt_is_read_as_a_page(tmp_path: Path) -> None:
    doc = read_path(write(tmp_path, "saved.txt", PAGE))
    assert "<p>" not in doc.text and "cookies" not in doc.text
    assert doc.publisher == "Harbour Ledger"


def test_utf8_with_bom(tmp_path: Path) -> None:
    doc = read_path(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")))
    assert doc.text == ARTICLE.strip()
    assert doc.title == "Orbis Freight to buy Calder Docks for $90 million"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    data = ARTICLE.replace("$90", "€90").encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    doc = read_path(write(tmp_path, "wide.txt", data))
    assert "€90 million in cash" in doc.text
    assert doc.title == "Orbis Freight to buy Calder Docks for €90 million"


def test_cp1252_bytes_fall_back(tmp_path: Path) -> None:
    text = "Orbis pays \u20ac90m for Calder\n\n\u201cA fine deal,\u201d said Maria Lund \u2013 twice.\n"
    doc = read_path(write(tmp_path, "legacy.txt", text.encode("cp1252")))
    assert doc.text == text.strip()


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    data = b"Orbis Freight buys Calder\n\nPrice \x81 undisclosed, caf\xe9 owners said.\n"
    doc = read_path(write(tmp_path, "odd.txt", data))
    assert "caf\u00e9" in doc.text


def test_newlines_normalised_and_nothing_else_changed(tmp_path: Path) -> None:
    doc = read_path(write(tmp_path, "crlf.txt", ARTICLE.replace("\n", "\r\n")))
    assert doc.text == ARTICLE.strip()


def make_email(*, html: bool = True, plain: bool = True) -> bytes:
    message = EmailMessage()
    message["From"] = "Nadia Park <nadia@ledger.example>"
    message["To"] = "desk@example.org"
    message["Subject"] = "Fwd: Orbis Freight to buy Calder Docks for €90 million"
    message["Date"] = "Tue, 08 Apr 2025 07:15:00 +0100"
    body = ARTICLE.split("\n\n", 1)[1].replace("$90", "€90")
    if plain:
        message.set_content(body, cte="quoted-printable")
    if html:
        page = "<html><body>" + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</body></html>"
        if plain:
            message.add_alternative(page, subtype="html")
        else:
            message.set_content(page, subtype="html")
    return bytes(message)


def test_eml_multipart_reads_the_plain_part(tmp_path: Path) -> None:
    doc = read_path(write(tmp_path, "press.eml", make_email()))
    assert doc.title == "Orbis Freight to buy Calder Docks for €90 million"
    assert doc.published == "2025-04-08"
    assert doc.publisher is None  # the sender is a person, not a publisher
    assert doc.text.startswith(doc.title + "\n\nOrbis Freight said on Monday")
    assert "€90 million in cash" in doc.text and "<p>" not in doc.text


def test_eml_with_only_html_reads_the_html_part(tmp_path: Path) -> None:
    doc = read_path(write(tmp_path, "press.eml", make_email(plain=False)))
    assert "agreed to buy Calder Docks" in doc.text and "<p>" not in doc.text
    assert doc.title == "Orbis Freight to buy Calder Docks for €90 million"
    assert doc.published == "2025-04-08"


def make_pdf(lines: list[str]) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import ContentStream, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    })
    fonts = DictionaryObject({NameObject("/F1"): font})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    if lines:
        shown = " ".join(f"({line}) Tj T*" for line in lines)
        stream = ContentStream(None, writer)
        stream.set_data(f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET".encode())
        page.replace_contents(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_text_layer(tmp_path: Path) -> None:
    lines = [
        "Orbis Freight to buy Calder Docks",
        "Orbis Freight said on Monday it agreed to buy Calder Docks for $90 million.",
    ]
    doc = read_path(write(tmp_path, "release.pdf", make_pdf(lines)))
    assert "agreed to buy Calder Docks for $90 million" in doc.text
    assert doc.title == "Orbis Freight to buy Calder Docks"


def test_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    pdf = make_pdf(["Orbis Freight agreed to buy Calder Docks for $90 million."])
    doc = read_path(write(tmp_path, "release.txt", pdf))
    assert "Calder Docks" in doc.text


# Refusals: each names the file in one readable line.


def refusal(path: Path, **kwargs: int) -> str:
    with pytest.raises(InputError) as caught:
        read_path(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("Could not read ")
    assert path.name in message
    return message


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n   \n", "whitespace"),
        ("binary.txt", b"Orbis\x00\x01\x02\x00\xff\xfe data" * 20, "binary"),
        ("image.txt", PNG, "PNG image"),
        ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), "JPEG image"),
        ("report.md", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40, "ZIP archive"),
        ("report.docx", b"PK\x03\x04\x14\x00", ".docx files are not supported"),
        ("broken.pdf", b"Orbis Freight to buy Calder Docks\n", "not a PDF"),
        ("damaged.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", "PDF"),
        ("nav-only.html", b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                          b"<footer>Copyright 2025</footer></body></html>", "no article text"),
        ("scripts-only.html", b"<html><head><script>var a = 'lots of words in a script that is never run';"
                              b"</script></head><body><div id='app'></div></body></html>", "no article text"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    assert reason in refusal(write(tmp_path, name, data))


def test_pdf_without_text_is_refused(tmp_path: Path) -> None:
    assert "no text layer" in refusal(write(tmp_path, "scan.pdf", make_pdf([])))


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    assert "folder" in refusal(folder)


def test_missing_path_is_refused(tmp_path: Path) -> None:
    assert "no such file" in refusal(tmp_path / "nowhere" / "gone.txt")


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    message = refusal(write(tmp_path, "long.txt", ARTICLE * 10), max_bytes=1024)
    assert "over the 1 KB limit" in message


def test_pasted_empty_text_is_refused() -> None:
    with pytest.raises(InputError, match="no text"):
        read_text("  \r\n  ")


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400), suffix=st.sampled_from(["", ".txt", ".md", ".html", ".eml", ".pdf"]))
def test_any_bytes_give_a_document_or_an_input_error(data: bytes, suffix: str) -> None:
    try:
        doc = read_bytes(data, name="any" + suffix, suffix=suffix)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert doc.text and doc.text == doc.text.strip() and "\r" not in doc.text
    assert 0 <= doc.byline_date_end <= len(doc.text)


# Start-up cost and samples


def test_importing_the_reader_loads_no_heavy_library() -> None:
    heavy = ("trafilatura", "pypdf", "dateparser", "lxml", "PySide6")
    code = f"import sys, core.extract.text; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_every_sample_reads_with_title_and_date_and_is_listed_in_the_readme() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    samples = sorted(p for p in SAMPLES.iterdir() if p.name != "README.md")
    assert len(samples) >= 8
    for path in samples:
        doc = read_path(path)
        assert doc.title and doc.published, path.name
        assert 150 <= len(doc.text.split()) <= 350, path.name
        assert f"`{path.name}`" in readme, path.name


# The dev corpus: titles and dates against the gold, where the corpus is checked out beside the repo.


@pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason="no ../shared/corpus/dev beside the repo")
def test_dev_corpus_titles_and_published_dates() -> None:
    folders = sorted(p for p in DEV_CORPUS.iterdir() if (p / "article.txt").is_file())
    titles = dates = dates_given = invented = 0
    for folder in folders:
        doc = read_path(folder / "article.txt")
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        titles += doc.title == gold.get("title")
        if meta.get("published"):
            dates_given += 1
            dates += doc.published == meta["published"]
        elif doc.published is not None:
            invented += 1
    print(f"dev corpus: titles {titles}/{len(folders)}, published {dates}/{dates_given}, invented dates {invented}")
    # Floors at the level reached; the five dates missed stand only in page stamps the copies dropped.
    assert titles == len(folders)
    assert dates >= 5
    assert invented == 0


def test_a_roundup_items_label_before_a_colon_is_a_heading_of_its_own():
    from core.extract.sentences import split_sentences
    sentences = split_sentences("Orlan Pro acquired: Kestrel Learning said it would buy Orlan Pro for $20 million.")
    assert [(s.text, s.heading) for s in sentences] == [
        ("Orlan Pro acquired", True), ("Kestrel Learning said it would buy Orlan Pro for $20 million.", False)]
    assert len(split_sentences('He said: "We will buy it."')) == 1
    assert len(split_sentences("The company has three aims: Growth and more.")) == 1
    roles = {p.name: p.role for p in parse_text("Roundup\n\nOrlan Pro acquired: Kestrel Learning said it would buy "
                                                  "Orlan Pro for $20 million.\n", published="2025-03-14").deals[0].parties}
    assert roles == {"Kestrel Learning": "acquirer", "Orlan Pro": "target"}
