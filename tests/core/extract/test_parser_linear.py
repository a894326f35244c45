"""The parser's work stays bounded on hostile text: no sentence without end, no look-back over the whole text.

Speed itself is measured by `make bench` (bench/adversarial_bench.py); these tests check the shapes that keep
it linear, each of which failed before it was bounded.
"""

from __future__ import annotations

from core.extract import parse_text
from core.extract.dates import find_dates
from core.extract.deals import within
from core.extract.governments import government_phrases
from core.extract.sentences import _BOUNDARY, MAX_SENTENCE, _ends_with_abbreviation, split_sentences
from datetime import date


def test_a_sentence_without_end_is_cut_into_bounded_pieces_that_keep_every_word():
    clause = "Northwind Capital agreed to invest $40 million in Lumen Grid, a maker of batteries, while "
    text = clause * 60
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert " ".join(s.text for s in sentences).split() == text.split()
    # The pieces are cut at a comma or a space, never inside a word.
    assert all(text[s.end - 1] != " " and (s.end == len(text) or text[s.end] in " ,") for s in sentences)


def test_a_run_of_stops_is_one_boundary_taken_from_its_first_stop():
    text = "It grew" + "." * 500 + " Then it fell."
    runs = [m.group() for m in _BOUNDARY.finditer(text)]
    assert runs == ["." * 500, "."]


def test_the_abbreviation_check_reads_only_the_word_before_the_cut():
    # A text of initials "A.A.A." once made each cut re-read everything before it.
    text = "A." * 2000 + " Then Corp. shares rose."
    cut = text.index("Corp.") + len("Corp.")
    assert _ends_with_abbreviation(text, cut)
    assert not _ends_with_abbreviation("It rose. Then", len("It rose."))


def test_government_phrases_take_a_bounded_name_before_the_word_government():
    from core.extract.sentences import Sentence
    token = "A" + "b" * 5000
    text = f"{token} government said. The German government will invest."
    found = government_phrases(text, Sentence(0, len(text), text))
    # The long token is no place: the first phrase is an unnamed government, the second Germany's, named as
    # written since the article never names the country itself.
    assert [(m.name, m.place) for m in found] == [("government", None), ("German government", "Germany")]


def test_a_caption_check_does_not_read_back_past_its_reach():
    # One line of 20,000 characters: the date's context is judged from the words near it, as before.
    text = "x " * 10000 + "file photo taken on March 3, 2021"
    found = find_dates(text, date(2025, 6, 1))
    assert found and found[-1].context == "history"
    far = "file photo " + "x " * 10000 + "the deal was signed on March 3, 2021"
    assert find_dates(far, date(2025, 6, 1))[-1].context != "history"


def test_within_gives_the_items_that_start_inside_a_sentence():
    from core.extract.sentences import Sentence
    starts = [0, 5, 10, 15, 20]
    items = list("abcde")
    assert within(items, starts, Sentence(5, 15, "x" * 10)) == ["b", "c"]  # type: ignore[type-var]
    assert within(items, starts, Sentence(21, 30, "x" * 9)) == []  # type: ignore[type-var]


def test_hostile_shapes_parse_to_deals_or_nothing_without_error():
    shapes = [
        "Deal news" + "." * 3000,
        "A." * 1500,
        "Acme " + "A" + "b" * 3000 + " invests $5 million.",
        ", ".join(f"Borax{i} Holdings Inc" for i in range(300)),
        "Harbor Lane Capital agreed to invest $20 million in Quill Robotics, while " * 40,
    ]
    for text in shapes:
        assert isinstance(parse_text(text, published="2025-06-01").deals, tuple)
    long_one = parse_text(shapes[-1], published="2025-06-01").deals
    assert long_one, "a paragraph of deal clauses still yields its deals once cut into bounded sentences"
