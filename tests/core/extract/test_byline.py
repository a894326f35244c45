"""core.extract.byline on its own: a plain article's headline, byline date and closing "The post ..." line."""

from __future__ import annotations

from core.extract.byline import find_byline

ARTICLE = ("Alder Bank buys Birch Power\n\n"
           "By Jane Roe, March 3, 2025\n\n"
           "Alder Bank said on Monday it agreed to buy Birch Power for $40 million.\n\n"
           "The post Alder Bank buys Birch Power appeared first on Daily Wire.")


def test_the_headline_byline_date_and_publisher_are_read_and_the_closing_line_dropped() -> None:
    found = find_byline(ARTICLE)
    assert found.title == "Alder Bank buys Birch Power"
    assert found.published == "2025-03-03"
    assert found.publisher == "Daily Wire"
    assert "The post" not in found.text and found.text.endswith("for $40 million.")


def test_a_text_without_byline_or_closing_line_keeps_every_word() -> None:
    text = "Alder Bank said on Monday it agreed to buy Birch Power for $40 million, its largest purchase yet."
    found = find_byline(text)
    assert found.text == text and found.published is None and found.publisher is None
