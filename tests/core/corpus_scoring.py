"""Scoring a folder of articles with gold deals through the contract's scorer (../shared/tools/score.py)."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from core.extract import parse_path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SCORER = SHARED / "tools" / "score.py"


def scorer():
    """The scorer module; a skip where it is not beside the repo, a failure where CI says it must be."""
    if not SCORER.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {SCORER} is missing")
        pytest.skip("../shared/tools/score.py is not here")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def score_folder(corpus: Path) -> tuple[int, dict[str, float]]:
    """How many articles, and the scorer's figures over them: deal, party, amount, date, type, score, role."""
    score = scorer()
    total = score.Tally()
    folders = sorted(p for p in corpus.iterdir() if (p / "gold.json").is_file())
    for folder in folders:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        predicted = parse_path(folder / "article.txt", published=meta.get("published")).to_contract()
        total.add(score.score_article(gold, predicted))
    figures = {
        "deal": total.f1("deal"), "party": total.f1("party"), "amount": total.f1("amount"),
        "date": total.ratio("date"), "type": total.ratio("type"),
    }
    figures["score"] = sum(figures.values()) / len(figures)
    figures["role"] = total.ratio("role")
    return len(folders), figures


def below(figures: dict[str, float], floors: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in figures.items() if v < floors[k]}
