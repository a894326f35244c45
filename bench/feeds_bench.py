"""Feed polling speed: one pass over a feed of 100 new entries served from 127.0.0.1, each entry's page fetched,
parsed in the reader process and stored, as `main.py feeds poll` does (without the pause between requests)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))  # the local feed site the tests use

from core.feeds.poll import poll_feeds  # noqa: E402
from core.store import Store  # noqa: E402
from core.store.feeds import Feed  # noqa: E402
from feed_site import feed_site, stories  # noqa: E402

ENTRIES = 100
RUNS = 3


def one_poll() -> float:
    with feed_site(rss_items=stories("p", ENTRIES)) as site, tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder) / "deals.db") as store:
            store.add_feed(Feed(None, f"{site.url}/rss.xml"))
            began = time.perf_counter()
            report = poll_feeds(store, pause=0)
            took = time.perf_counter() - began
            result = report.per_feed[0]
            assert result.error is None and result.articles == ENTRIES, result.describe()
    return took


def main() -> list[tuple[str, float, str]]:
    value = statistics.median(one_poll() for _ in range(RUNS))
    print(f"feed_poll_100: {value:.2f} s")
    return [("feed_poll_100", value, "s")]


if __name__ == "__main__":
    main()
