"""The metadata plain article text gives: headline, closing "The post ..." line, wire tags, byline dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import InputError
from core.extract.text import Document, read_text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("Ab1 .,:|-\n\r\t\ufeff") + ["Nov 4, 2025", "The post ", " appeared first on ",
                                                                "(Reuters)", "By ", "AUSTIN, "]), max_size=30))
def test_any_text_gives_a_document_whose_date_end_lies_inside_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        doc = read_text(text)
    except InputError:
        assert not text.replace("\ufeff", "").strip()
        return
    assert 0 <= doc.byline_date_end <= len(doc.text)
    assert doc.published is None or doc.byline_date_end > 0


# Metadata of plain text


def test_closing_line_gives_title_and_publisher_and_leaves_the_body() -> None:
    body = "Lumen Grid signed a supply deal with Tessary on Monday.\n\nThe deal runs for ten years."
    doc = read_text(body + "\n\nThe post Lumen Grid and Tessary sign supply pact appeared first on Grid Weekly.\n")
    assert doc.title == "Lumen Grid and Tessary sign supply pact"
    assert doc.publisher == "Grid Weekly"
    assert doc.text == body


def test_closing_line_publisher_wins_over_wire_tag() -> None:
    doc = read_text(
        "LONDON (Reuters) - Lumen Grid agreed a deal.\n\nThe post Lumen deal appeared first on Grid Weekly."
    )
    assert doc.publisher == "Grid Weekly"
    assert doc.text == "LONDON (Reuters) - Lumen Grid agreed a deal."


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("Lumen Grid buys Tessary\n\nLONDON, March 3 (Reuters) - Lumen Grid agreed to buy Tessary.", "Reuters"),
        ("Lumen Grid buys Tessary\n\nBy Reuters\n\nLumen Grid agreed to buy Tessary.", "Reuters"),
        ("Lumen Grid buys Tessary\n\nAUSTIN, Feb. 12, 2024 /PRNewswire/ -- Lumen Grid agreed to buy Tessary.",
         "PR Newswire"),
        ("Lumen Grid buys Tessary\n\nLumen Grid agreed to buy Tessary, a person told Reuters' rival.", None),
    ],
)
def test_wire_tag_gives_publisher(text: str, publisher: str | None) -> None:
    assert read_text(text).publisher == publisher


@pytest.mark.parametrize(
    ("byline", "published"),
    [
        ("Published: 12 Aug. 2024, 08:10", "2024-08-12"),
        ("Nov 4, 2025 | Posted by Dana Ostrowski", "2025-11-04"),
        ("Harbour Desk Mar 2, 2025 09:41 PM", "2025-03-02"),
        ("May 6, 2024, 11:52 AM ET", "2024-05-06"),
        ("By Marta Quinn, October 7, 2025", "2025-10-07"),
        ("Updated 2024-11-19 08:00 GMT", "2024-11-19"),
    ],
)
def test_byline_gives_published(byline: str, published: str) -> None:
    text = f"Lumen Grid buys Tessary\n\n{byline}\n\nLumen Grid agreed on Monday to buy Tessary for $40 million."
    doc = read_text(text)
    assert doc.published == published
    assert doc.title == "Lumen Grid buys Tessary"
    start = text.index(byline)
    assert start < doc.byline_date_end <= start + len(byline)
    assert published[:4] in doc.text[start : doc.byline_date_end]
    assert doc.text[doc.byline_date_end - 1].isdigit()


@pytest.mark.parametrize(
    ("byline", "published"),
    [("14/03/2025 08:00 GMT", "2025-03-14"), ("Posted on 03/15/2025", "2025-03-15")],
)
def test_numeric_byline_is_read_by_the_dates_module(byline: str, published: str) -> None:
    text = f"Lumen Grid buys Tessary\n\n{byline}\n\nLumen Grid agreed on Monday to buy Tessary."
    doc = read_text(text)
    assert doc.published == published
    assert text.index(byline) < doc.byline_date_end <= text.index(byline) + len(byline)


def test_dateline_gives_published() -> None:
    text = "Lumen Grid buys Tessary\n\nAUSTIN, Feb. 12, 2024 /PRNewswire/ -- Lumen Grid agreed to buy Tessary."
    doc = read_text(text)
    assert doc.published == "2024-02-12"
    assert doc.text[: doc.byline_date_end].endswith("Feb. 12, 2024")


@pytest.mark.parametrize(
    "text",
    [
        "Grid news\n\nThe assembly passed the Grid Reform Act on 2 May 2023 after a long debate over tariffs.",
        "Lumen Grid buys Tessary\n\nFile photo from March 3, 2021\n\nLumen Grid agreed to buy Tessary.",
        "Top deals for 3rd-7th March, 2025\n\nLumen Grid agreed to buy Tessary on Monday.",
        "Lumen Grid buys Tessary\n\nOne\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nNov 4, 2025",
    ],
)
def test_dates_outside_a_byline_do_not_give_published(text: str) -> None:
    doc = read_text(text)
    assert doc.published is None
    assert doc.byline_date_end == 0


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Lumen Grid buys Tessary\n\nLumen Grid agreed to buy Tessary.", "Lumen Grid buys Tessary"),
        ("Lumen Grid buys Tessary\nLumen Grid agreed to buy Tessary.", "Lumen Grid buys Tessary"),
        ("Lumen Grid buys Tessary Inc.\n\nLumen Grid agreed to buy Tessary.", "Lumen Grid buys Tessary Inc."),
        ("Lumen Grid agreed to buy Tessary for $40 million on Monday.\nThe deal closes in May.", None),
        ("Lumen Grid agreed on Monday to buy the grid operator Tessary for\nabout $40 million in cash.", None),
        ("Lumen Grid buys Tessary", None),
        ("By Marta Quinn\n\nLumen Grid agreed to buy Tessary.", None),
    ],
)
def test_headline_is_a_short_first_line_without_a_full_stop(text: str, title: str | None) -> None:
    assert read_text(text).title == title


def test_read_text_keeps_characters_and_returns_a_document() -> None:
    text = "Lumen Grid buys Tessary\n\n“Quotes”, dashes – and ₹1,200 crore stay\tas they were.  "
    doc = read_text(text, source_path="pasted")
    assert isinstance(doc, Document)
    assert doc.text == text.strip()
    assert doc.source_path == "pasted"
