"""Parser speed: articles per second after start-up, and the start-up of `parse` on one short article.

Prints `bench: NAME VALUE UNIT` lines. Uses the dev corpus when it sits beside the repo, else the samples.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def articles() -> list[Path]:
    if CORPUS.is_dir():
        return sorted(CORPUS.glob("*/article.txt"))
    return sorted(p for p in (ROOT / "resources" / "samples").iterdir() if p.suffix == ".txt")


def parse_rate(rounds: int = 5, repeat: int = 6) -> float:
    from core.extract import frames, parse_document
    from core.extract.text import read_path

    docs = [read_path(p) for p in articles()]
    parse_document(docs[0])  # warm the caches once, as a running program would be
    rates = []
    for _ in range(rounds):
        # CPU time of this process: "articles per second on one core", and steady while other work shares the machine.
        start = time.process_time()
        for _ in range(repeat):
            for doc in docs:
                # Each article starts with cold clause caches, as a new article would: the same texts parsed
                # again must not hit the cache of their last round.
                frames.clear_caches()
                parse_document(doc, published="2025-06-01")
        rates.append(repeat * len(docs) / (time.process_time() - start))
    return statistics.median(rates)


def startup_parse(rounds: int = 7) -> float:
    sample = ROOT / "resources" / "samples" / "01-valmora-arbor-peak-ai-datacentre-mou.txt"
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "parse", "--json", str(sample)],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> list[tuple[str, float, str]]:
    figures = [("parse_rate", parse_rate(), "articles/s"), ("startup_parse", startup_parse(), "s")]
    for name, value, unit in figures:
        print(f"bench: {name} {value:.3f} {unit}")
    return figures


if __name__ == "__main__":
    main()
