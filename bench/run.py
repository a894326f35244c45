"""`make bench`: run every benchmark, print `bench: NAME VALUE UNIT` lines, and write docs/benchmarks.md.

`bench/run.py SUITE ...` runs only those suites and prints their lines without touching the docs.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# Each module has main() -> list of (name, value, unit) and prints its own lines.
SUITES = ("parse_bench", "adversarial_bench", "import_bench", "usd_fill_bench", "window_bench", "feeds_bench",
          "insights_bench", "exports_bench", "facets_bench", "filter_click_bench")

# The goals of issue 7: (">=" or "<=", value), in each figure's own unit.
GOALS = {
    "parse_rate": (">=", 100), "startup_parse": ("<=", 0.6), "import_rate": (">=", 50),
    "window_start_100k": ("<=", 1.5), "first_paint_1m": ("<=", 1.0), "scroll_end_1m": ("<=", 0.2),
    "search_p95_1m": ("<=", 100), "sort_1m": ("<=", 300), "memory_1m": ("<=", 250),
    # Issue 16: hostile text parses in linear time.
    "adversarial_parse_s": ("<=", 1.0), "adversarial_growth": ("<=", 2.2),
    # Issue 14: the Insights view recomputes after a filter change, and redraws, within 200 ms at 100,000 deals.
    # Issue 13: a filter click answers with its counts within 1 s at a million deals.
    "facets_1m": ("<=", 1000),
    "insights_100k": ("<=", 200), "insights_100k_all": ("<=", 200), "insights_redraw_100k": ("<=", 200),
}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def load() -> str:
    """The load averages over 1, 5 and 15 minutes: other work on the machine makes every figure noisier."""
    try:
        return ", ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def verdict(name: str, value: float) -> str:
    if name not in GOALS:
        return ""
    op, goal = GOALS[name]
    met = value >= goal if op == ">=" else value <= goal
    return f"{op} {goal:g} | {'met' if met else '**missed**'}"


def generated() -> list[str]:
    """One line per generated database in bench/.cache: size and how long it took to build."""
    lines = []
    for stamp in sorted((ROOT / "bench" / ".cache").glob("deals-*.db.json")):
        info = json.loads(stamp.read_text())
        db = stamp.with_suffix("")
        size = db.stat().st_size / 1e6 if db.exists() else 0
        timings = info.get("timings", {})
        steps = ", ".join(f"{k.removesuffix('_s').replace('_', ' ')} {v:g} s"
                          for k, v in timings.items() if k != "total_s")
        lines.append(f"- {info['deals']:,} deals: {size:,.0f} MB, built in {timings.get('total_s', 0):g} s ({steps}).")
    return lines


def main(suites: list[str]) -> None:
    before = load()
    figures = []
    for name in suites:
        figures.extend(importlib.import_module(name).main())
    if suites != list(SUITES):
        return
    lines = [
        "# Benchmarks", "",
        f"Measured {date.today().isoformat()} on {machine()} by `make bench`; each figure is a median of several "
        "runs (search_p95_1m: the median of each run's 95th percentile).", "",
        f"Load average (1, 5, 15 min) when the run started: {before}; when it ended: {load()}. Other work on the "
        "machine slows every figure; the window figures most.", "",
        "| figure | value | unit | goal | |", "| --- | --- | --- | --- | --- |",
    ]
    lines += [f"| {name} | {value:.3f} | {unit} | {verdict(name, value)} |" for name, value, unit in figures]
    lines += ["", "Generated databases (bench/gen_db.py, cached in bench/.cache/ and rebuilt when the generator or "
              "the schema changes):", "", *generated()]
    notes = ROOT / "bench" / "benchmarks-notes.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:] or list(SUITES))
