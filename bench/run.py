"""`make bench`: run every benchmark, print `bench: NAME VALUE UNIT` lines, and write docs/benchmarks.md."""

from __future__ import annotations

import importlib
import os
import platform
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# Each module has main() -> list of (name, value, unit) and prints its own lines.
SUITES = ("parse_bench",)


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


def main() -> None:
    figures = []
    for name in SUITES:
        figures.extend(importlib.import_module(name).main())
    lines = [
        "# Benchmarks", "",
        f"Measured {date.today().isoformat()} on {machine()} by `make bench`; each figure is a median of several runs.", "",
        "| figure | value | unit |", "| --- | --- | --- |",
    ]
    lines += [f"| {name} | {value:.3f} | {unit} |" for name, value, unit in figures]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
