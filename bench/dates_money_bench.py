"""Time find_dates and find_amounts per article over the dev corpus, or over built-in samples without it."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.extract.dates import find_dates  # noqa: E402
from core.extract.money import find_amounts  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
SAMPLES = [
    "Acme Holdings said on Monday it agreed to buy Beta Systems for $1.2 billion (€1.1 billion), "
    "a week after rival bids. The deal, announced September 22, 2025, values Beta at a 30% premium. "
    "Acme, which manages US$40 billion in assets, expects revenue of $3 billion by 2030. " * 6,
    "Published: 20 Jun. 2025, 19:55\nThe ministry signed an MoU worth Rs 5,000 crore with Gamma Power "
    "last month to build 500 MW of solar capacity over the next five years, creating 2,000 jobs. " * 6,
]
ROUNDS = 50


def _articles() -> list[str]:
    if CORPUS.is_dir():
        texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*/article.txt"))]
        if texts:
            return texts
    return SAMPLES


def _per_article_ms(articles: list[str], run: object) -> float:
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for text in articles:
            run(text)  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000 / (ROUNDS * len(articles))


def main() -> None:
    articles = _articles()
    reference = date(2025, 9, 22)
    chars = sum(len(t) for t in articles) / len(articles)
    print(f"bench: {len(articles)} articles, {chars:.0f} characters on average")
    print(f"bench: dates_ms {_per_article_ms(articles, lambda t: find_dates(t, reference)):.3f} ms")
    print(f"bench: money_ms {_per_article_ms(articles, find_amounts):.3f} ms")


if __name__ == "__main__":
    main()
