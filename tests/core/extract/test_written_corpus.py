"""The parser against our own written corpora (tests/corpus/written/ and written2/): invented articles of many shapes.

Scored with the contract's scorer (../shared/tools/score.py); skipped where it is not beside the repo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_scoring import below, score_folder

pytestmark = pytest.mark.slow  # the whole written corpus, scored

ROOT = Path(__file__).resolve().parents[3]
# The level reached when each floor was last raised; a change that loses any of it fails. written2 (20 articles)
# scored 0.828 the first time the parser read it (0.915 now).
FLOORS = {
    "written": (30, {"score": 0.91, "deal": 0.93, "party": 0.885, "amount": 0.915, "date": 0.885, "type": 0.95,
                     "role": 0.88}),
    "written2": (20, {"score": 0.91, "deal": 0.95, "party": 0.92, "amount": 0.915, "date": 0.835, "type": 0.93,
                      "role": 0.915}),
}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_written_corpus_scores_at_least_the_level_reached(folder):
    articles, floors = FLOORS[folder]
    count, figures = score_folder(ROOT / "tests" / "corpus" / folder)
    assert count == articles
    low = below(figures, floors)
    assert not low, f"below the level reached: {low} (all: {figures})"
