"""Import speed: articles per second through core.importer.import_sources into a fresh database.

2,000 generated news articles of a few paragraphs each (written as .txt files) go through the same pipeline
as `python main.py import`: read, parse, resolve parties, store. It runs in-process, after start-up (the
parser's caches warmed on one article), so the figure is the pipeline's rate, not Python's start-up.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gen_pools as pools  # noqa: E402

ARTICLES = 2000
QUOTES = (
    '"This partnership gives us the capital and the know-how to move faster," {p} said.',
    '"We see demand in the region doubling every few years, and we want to be ready for it," said {p}.',
    '"It is the largest commitment of its kind we have made," {p}, {title} of {a}, told reporters.',
)


def write_articles(folder: Path, count: int = ARTICLES, seed: int = 11) -> list[Path]:
    """`count` distinct articles in `folder`: headline, dateline, the deal, a quote, background paragraphs."""
    rng = random.Random(seed)
    entities = [e for e in pools.entity_pool(rng) if e[1] != "government"]
    people = pools.people_pool(rng, 400)
    words = pools.vocabulary(ROOT / "bench" / "words.txt")[:800]
    paths = []
    for i in range(count):
        deal_type = rng.choice(("investment", "acquisition", "mou", "funding_round", "financing", "partnership",
                                "contract", "joint_venture"))
        a, b = (e[0] for e in rng.sample(entities, 2))
        city = rng.choice(rng.choice(pools.COUNTRIES)[2])
        day = date(2016, 1, 1) + timedelta(days=rng.randrange(3300))
        value = rng.choice((1.2, 2, 3.5, 4, 5.8, 7, 12, 25, 40, 85, 120, 350, 600, 900))
        amount = f"${value:g} {'billion' if value < 50 else 'million'}"
        fields = {"a": a, "b": b, "amt": amount, "project": rng.choice(pools.PROJECTS), "city": city,
                  "day": f"{day:%A}", "p": rng.choice(people), "title": rng.choice(pools.PERSON_TITLES)}
        headline, opening = (t.format(**fields) for t in pools.TYPE_PROSE[deal_type])

        def filler() -> str:
            return rng.choice(pools.FILLERS).format(
                w=rng.choice(words), w2=rng.choice(words), w3=rng.choice(words), n=rng.randrange(2, 40),
                year=rng.randrange(2017, 2031), p=rng.choice(people), title=rng.choice(pools.PERSON_TITLES))

        paragraphs = [
            f"{city.upper()}, {day:%B} {day.day}, {day.year} — {opening}.",
            rng.choice(QUOTES).format(**fields),
            f"{b} employs about {rng.randrange(2, 90)},000 people. " + " ".join(filler() for _ in range(2)),
            " ".join(filler() for _ in range(rng.randrange(2, 4))),
        ]
        path = folder / f"article-{i:04d}.txt"
        path.write_text(headline + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def import_rate(rounds: int = 3) -> float:
    from core.importer import import_sources
    from core.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_articles(folder)
        with Store.open(folder / "warm.db") as store:
            import_sources(store, paths[:1])  # start-up: imports and the parser's caches
        rates = []
        for n in range(rounds):
            with Store.open(folder / f"import-{n}.db") as store:
                started = time.perf_counter()
                results = import_sources(store, paths)
                rates.append(len(paths) / (time.perf_counter() - started))
                stored = sum(len(r.outcome.added) for r in results if r.outcome)
            if stored < len(paths) // 2:
                raise RuntimeError(f"only {stored} deals from {len(paths)} articles: the generated text no longer "
                                   "reads as deals to the parser")
        return statistics.median(rates)


def main() -> list[tuple[str, float, str]]:
    figures = [("import_rate", import_rate(), "articles/s")]
    for name, value, unit in figures:
        print(f"bench: {name} {value:.3f} {unit}", flush=True)
    return figures


if __name__ == "__main__":
    main()
