"""core.extract.html on its own: a web page of our own into its text, title, site and date; bytes into text."""

from __future__ import annotations

from core.extract.html import decode_html, page_parts

PAGE = ("<html><head><meta charset='windows-1252'><title>Alder Bank buys Birch Power | Daily Wire</title>"
        "<meta property='og:site_name' content='Daily Wire'>"
        "<meta property='article:published_time' content='2025-03-03T09:00:00Z'></head>"
        "<body><nav>Home | Markets | Sign in</nav><article><h1>Alder Bank buys Birch Power</h1>"
        "<p>Alder Bank said on Monday it agreed to buy Birch Power, a maker of small wind turbines in Ohio, "
        "for $40 million in cash, the companies said in a joint statement.</p>"
        "<p>The deal is expected to close by the end of June, subject to approval \u2013 both firms said.</p>"
        "</article></body></html>").encode("cp1252")


def test_the_declared_encoding_is_honoured() -> None:
    assert "approval \u2013 both" in decode_html(PAGE)


def test_the_page_gives_its_text_title_site_and_date_from_its_own_tags() -> None:
    parts = page_parts(decode_html(PAGE), "https://example.com/a", "a.html")
    assert parts.title == "Alder Bank buys Birch Power"
    assert parts.publisher == "Daily Wire"
    assert parts.published == "2025-03-03"
    assert parts.url == "https://example.com/a"
    assert "for $40 million in cash" in parts.text and "Sign in" not in parts.text
