"""Parser speed on hostile text: the slowest of five hostile shapes at 100 KB, and how it grows at 200 KB.

Prints `bench: adversarial_parse_s SECONDS s` (goal <= 1) and `bench: adversarial_growth RATIO x`
(the 200 KB time over the 100 KB time, for the slowest shape; linear parsing keeps it near 2, goal <= 2.2).
`bench/adversarial_bench.py --each` prints every shape's time at both sizes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _fill(unit: Callable[[int], str], size: int) -> str:
    parts: list[str] = []
    length = i = 0
    while length < size:
        part = unit(i)
        parts.append(part)
        length += len(part)
        i += 1
    return "".join(parts)[:size]


def _company(i: int) -> str:
    letters = "BCDFGHJKLMNPRSTVWZ"
    word = letters[i % 18] + "oral" + letters[(i // 18) % 18].lower() + "ix"
    return f"{word} {('Holdings', 'Capital', 'Systems', 'Energy')[i % 4]} Inc"


def _deal_sentence(i: int) -> str:
    return (f"{_company(i)} agreed to invest ${i % 900 + 10} million in {_company(i + 7)}, "
            f"a maker of chips based in Ohio, on March {i % 28 + 1}, 2025, while ")


SHAPES: dict[str, Callable[[int], str]] = {
    "dots": lambda size: "Deal news" + "." * size,
    "initials": lambda size: _fill(lambda i: "A.", size),
    "paragraph": lambda size: _fill(_deal_sentence, size),
    "names": lambda size: _fill(lambda i: _company(i) + ", ", size),
    "capitalised": lambda size: "Acme " + "A" + "b" * size + " invests $5 million.",
}


def parse_seconds(text: str) -> float:
    from core.extract import frames, parse_text

    # Each text starts cold: the clause caches would otherwise carry the 100 KB text's clauses into the 200 KB one.
    frames.clear_caches()
    start = time.process_time()
    parse_text(text, published="2025-06-01")
    return time.process_time() - start


def measure(size: int) -> dict[str, float]:
    return {name: parse_seconds(make(size)) for name, make in SHAPES.items()}


def main(each: bool = False) -> list[tuple[str, float, str]]:
    # Start-up is not the figure: the word lists, name lists and pattern caches load on a first small text of each shape.
    for make in SHAPES.values():
        parse_seconds(make(2_000))
    small, large = measure(100_000), measure(200_000)
    if each:
        for name in SHAPES:
            print(f"{name:12} 100 KB {small[name]:7.3f} s   200 KB {large[name]:7.3f} s")
    slowest = max(small, key=lambda name: small[name])
    growth = max(large[name] / max(small[name], 0.01) for name in SHAPES)
    figures = [("adversarial_parse_s", small[slowest], "s"), ("adversarial_growth", growth, "x")]
    for name, value, unit in figures:
        print(f"bench: {name} {value:.3f} {unit}")
    return figures


if __name__ == "__main__":
    main(each="--each" in sys.argv)
