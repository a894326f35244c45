"""The parser never falls over: random and mutated article text, evidence inside the text, the same answer twice.

50 examples a test by default; HYPOTHESIS_PROFILE=fuzz (`make fuzz`) runs many more.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import InputError
from core.extract import parse_text
from core.extract.text import normalise
from core.model import Article
from db_helpers import ROOT, TEMPLATES

pytestmark = pytest.mark.slow  # hypothesis fuzz

settings.register_profile(
    "fuzz", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
PROPERTY = (
    settings.get_profile("fuzz")
    if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
    else settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
)

SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.txt"))
BASES = [p.read_text(encoding="utf-8") for p in SAMPLES] + [
    template("Belford Logistics", "Dungate Energy", 151, "Lisbon", "Tuesday", "October", 3)
    for template in TEMPLATES
]

# Pieces of deal news that the parser's rules key on, to make random text reach deep into them.
WORDS = [
    "acquire", "acquired", "buy", "merger", "joint venture", "MoU", "memorandum of understanding", "signed",
    "invest", "investment", "raised", "Series B", "led by", "funding round", "loan", "bond", "contract",
    "awarded", "stake", "%", "$", "US$", "£", "€", "¥", "₹", "A$", "HK$", "million", "billion", "trillion", "bn",
    "m", "mn", "k", "1.2", "3,400", "12.5", "0", "99999999999999999999", "-", "–", "—", "to", "and", "of", "the",
    "from", "between", "up to", "about", "over", "more than", "a", "an", "its", "Inc.", "Ltd", "Corp", "LLC",
    "Group", "Holdings", "Capital", "Partners", "Bank", "Fund", "Ministry", "government", "South Korea",
    "BlackRock", "Microsoft", "Nvidia", "Acme Systems", "Beta Robotics", "Monday", "on Tuesday",
    "September 22", "22 September", "Sept.", "2025", "1999", "Q3", "second quarter", "last week", "next year",
    "a week earlier", "said", "chief executive", "Dr.", "Mr", "Jane Doe", "New York", "London", "Seoul",
    "AI", "data centre", "renewable energy", "semiconductors", "(", ")", '"', "'", "“", "”", ",", ".", ";", ":",
    "\n", "\n\n", "The post", "appeared first on", "per cent", "a share", "valued at", "worth", "US",
]
UNICODE = ["\u00a0", "\u200b", "\u200d", "\u202e", "\ufeff", "\u0301", "\U0001f600", "\uff11\uff12", "\u0663",
           "İ", "ß", "ﬁ", "Ⅻ", "\u2028", "\u2029", "\x85", "\r", "\t", "\x0c", "ǅ", "\ud7ff", "\U00010000"]
RANDOM_TEXT = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(UNICODE), st.text(max_size=8)), max_size=120
).map(lambda parts: " ".join(parts))
PUBLISHED = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A sample-like article, changed a few times over in the ways text gets damaged or pasted."""
    text = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        size = draw(st.integers(0, 40))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "unicode", "shuffle", "long line",
                                     "repeat", "truncate", "case"]))
        if kind == "insert":
            text = text[:at] + draw(st.one_of(st.sampled_from(WORDS), st.text(max_size=12))) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + size:]
        elif kind == "replace":
            text = text[:at] + draw(st.text(max_size=size)) + text[at + size:]
        elif kind == "unicode":
            text = text[:at] + draw(st.sampled_from(UNICODE)) + text[at:]
        elif kind == "shuffle":
            sentences = re.split(r"(?<=[.!?])\s+", text)
            text = " ".join(draw(st.permutations(sentences)))
        elif kind == "long line":
            text = text.replace("\n", " ")
        elif kind == "repeat":
            sentence = text[at : at + 200]
            text = text[:at] + sentence * draw(st.integers(2, 60)) + text[at:]
        elif kind == "truncate":
            text = text[:at]
        else:
            text = text.upper() if size % 2 else text.lower()
    return text


def parsed(text: str, published: str | None) -> Article | None:
    """The article, or None for the one refusal allowed: text that is empty once normalised."""
    try:
        return parse_text(text, published=published)
    except InputError:
        assert not normalise(text), "refused text that has words in it"
        return None


def check(text: str, published: str | None) -> None:
    article = parsed(text, published)
    again = parsed(text, published)
    assert article == again, "two parses of the same text differ"
    if article is None:
        return
    size = len(article.text)
    for deal in article.deals:
        assert deal.title
        for evidence in deal.evidence:
            assert 0 <= evidence.start < evidence.end <= size, (evidence, size)
            match = re.fullmatch(r"amounts\[(\d+)\]", evidence.field)
            if match:
                amount = deal.amounts[int(match[1])]
                assert article.text[evidence.start : evidence.end] == amount.text, (evidence, amount)


@PROPERTY
@given(text=RANDOM_TEXT, published=PUBLISHED)
def test_random_deal_words_never_break_the_parser(text: str, published: str | None) -> None:
    check(text, published)


@PROPERTY
@given(text=st.text(max_size=3000), published=PUBLISHED)
def test_random_text_never_breaks_the_parser(text: str, published: str | None) -> None:
    check(text, published)


@PROPERTY
@given(text=mutated(), published=PUBLISHED)
def test_mutated_articles_never_break_the_parser(text: str, published: str | None) -> None:
    check(text, published)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_every_sample_holds_the_properties(path: Path) -> None:
    check(path.read_text(encoding="utf-8"), None)
    check(path.read_text(encoding="utf-8"), "2025-03-03")
