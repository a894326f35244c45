"""The parser against the hand-made gold of the dev corpus; skipped where the corpus is not beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.extract import parse_path
from corpus_scoring import below, score_folder

pytestmark = pytest.mark.slow  # the whole dev corpus

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
SCORER = SHARED / "tools" / "score.py"

# The level reached on the 81 dev articles when this test was last raised; a change that loses any of it fails.
FLOORS = {"score": 0.92, "deal": 0.94, "party": 0.905, "amount": 0.925, "date": 0.89, "type": 0.93, "role": 0.905}

HERE = CORPUS.is_dir() and SCORER.is_file()


@pytest.fixture(autouse=True)
def _corpus_is_here():
    # CI runs beside a copy of shared/: there a missing corpus is a broken checkout, never a quiet skip.
    if not HERE:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {CORPUS} is missing")
        pytest.skip("../shared/corpus/dev is not here")


def test_dev_corpus_scores_at_least_the_level_reached():
    _, figures = score_folder(CORPUS)
    low = below(figures, FLOORS)
    assert not low, f"below the level reached: {low} (all: {figures})"


def test_founding_example_comes_out_exactly():
    article = parse_path(CORPUS / "000-blackrock-korea" / "article.txt")
    assert article.title == "Korea Eyes AI Capital Status with BlackRock Investment Deal"
    assert article.publisher == "CoinCentral"
    mou, partnership, venture = article.deals
    assert (mou.type.value, mou.contract_date, mou.location) == ("mou", "2025-09-22", "New York City")
    assert {(p.name, p.kind.value) for p in mou.parties} == {("BlackRock", "company"), ("South Korea", "government")}
    assert {p.name for p in partnership.parties} == {"BlackRock", "Microsoft", "Nvidia", "xAI"}
    assert {(a.currency, a.value) for a in venture.amounts} == {("GBP", 500_000_000), ("USD", 678_000_000)}
    assert "Digital Gravity Partners" in {p.name for p in venture.parties}
    assert all(a.value != 12.5e12 for d in article.deals for a in d.amounts)
    # People acted in the Korea meeting only; its place is not the other deals' place.
    assert {p.name for p in mou.people} == {"Lee Jae Myung", "Larry Fink"}
    assert partnership.people == () and venture.people == ()
    assert (partnership.location, venture.location) == (None, "United Kingdom")
    # The coalition goes by its own name.
    assert partnership.title.startswith("AI Infrastructure Partnership")
    # A commitment is whole words of the article, never cut inside a word.
    for deal in article.deals:
        for commitment in deal.commitments:
            at = article.text.find(commitment.text)
            assert at >= 0, commitment.text
            after = article.text[at + len(commitment.text):at + len(commitment.text) + 1]
            assert not after.isalnum(), commitment.text
    assert any(c.text.endswith("Digital Gravity Partners") for c in venture.commitments)
