"""Generated deal databases for the benchmarks, built once into bench/.cache/ and reused.

`database(1_000_000)` returns the path of a database with that many deals that look real: two to four parties
each from a pool of a few thousand companies, funds and governments, amounts in many currencies with US-dollar
figures, dates over ten years, varied types, statuses and sectors, people, commitments, evidence spans, and an
article per deal (some deals have two, some share one) whose text mixes template sentences with words drawn
from bench/words.txt by a Zipf law, so that searching for different words finds very different numbers of deals.

The file is built with plain sqlite3 into the store's real schema: Store.open first (so the migrations run),
then the FTS triggers and secondary indexes are dropped, rows go in with executemany in one transaction, the
indexes and triggers come back, and the FTS index is rebuilt from its content view in one pass. A stamp beside
the file names the generator version, the schema version and the word list: when one changes, it is rebuilt.

    .venv/bin/python bench/gen_db.py [--force] [--check] [DEALS ...]   # default: 100000 1000000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import os
import sqlite3
import sys
import time
from collections import deque
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gen_pools as pools  # noqa: E402
import gen_rows  # noqa: E402
from core.store import schema  # noqa: E402
from core.store import Store  # noqa: E402
from gen_rows import WORDS, Generator  # noqa: E402

GENERATOR_VERSION = 7  # bump when the generated rows change
CACHE = ROOT / "bench" / ".cache"
SIZES = (100_000, 1_000_000)
CHUNK = 20_000


def fingerprint() -> dict[str, object]:
    return {"generator": GENERATOR_VERSION, "schema": schema.latest_version(),
            "words": hashlib.sha256(WORDS.read_bytes()).hexdigest()[:16]}


def database(deals: int, *, force: bool = False, check: bool = False) -> Path:
    """The cached database of `deals` generated deals, built first when missing or stale."""
    path = CACHE / f"deals-{deals}.db"
    stamp = path.with_name(path.name + ".json")
    wanted = fingerprint()  # before building: migrations may change while it runs (a shared work tree)
    if not force and path.exists() and stamp.exists():
        if json.loads(stamp.read_text()).get("fingerprint") == wanted:
            return path
    CACHE.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    for p in (path, building):
        for suffix in ("", "-wal", "-shm"):
            Path(str(p) + suffix).unlink(missing_ok=True)
    stamp.unlink(missing_ok=True)
    started = time.perf_counter()
    timings = build(building, deals)
    if check:
        timings.update(verify(building))
    building.rename(path)
    timings["total_s"] = round(time.perf_counter() - started, 1)
    stamp.write_text(json.dumps({"fingerprint": wanted, "deals": deals, "timings": timings}, indent=1))
    return path


def search_words(count: int = 50) -> list[str]:
    """`count` vocabulary words from the most to the least frequent, spread evenly over the log of the rank."""
    vocab = pools.vocabulary(WORDS)
    ranks = sorted({min(len(vocab) - 1, round(math.exp(i * math.log(len(vocab)) / (count - 1))) - 1)
                    for i in range(count)})
    step = 0
    while len(ranks) < count:  # low ranks collide on rounding: fill from the middle
        step += 1
        ranks = sorted(set(ranks) | {min(len(vocab) - 1, 10 + 7 * step)})
    return [vocab[r] for r in ranks[:count]]


def verify(path: Path) -> dict[str, float]:
    """PRAGMA integrity_check and the FTS5 integrity check; raises if either finds a problem."""
    conn = sqlite3.connect(path)
    try:
        started = time.perf_counter()
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise RuntimeError(f"{path}: integrity_check: {problems[:5]}")
        middle = time.perf_counter()
        conn.execute("INSERT INTO deals_fts (deals_fts, rank) VALUES ('integrity-check', 1)")
        return {"integrity_check_s": round(middle - started, 1),
                "fts_check_s": round(time.perf_counter() - middle, 1)}
    finally:
        conn.close()


def build(path: Path, deals: int, seed: int = 2025) -> dict[str, float]:
    """Write `deals` generated deals into a new database at `path`; returns how long each step took.

    Worker processes write the rows (Python is the slow part); this one only inserts them.
    """
    Store.open(path).close()  # the real schema, by the real migrations
    conn = sqlite3.connect(path, isolation_level=None)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # a half-built file is thrown away, never repaired
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -400000")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA threads = 2")  # CREATE INDEX may sort on a helper thread
        saved = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
        ).fetchall()
        conn.execute("BEGIN")
        for kind, name, _ in saved:
            conn.execute(f"DROP {kind.upper()} {name}")
        for sql, rows in Generator(seed).registry():
            conn.executemany(sql, rows)
        chunks = [(first, min(CHUNK, deals + 1 - first), deals) for first in range(1, deals + 1, CHUNK)]
        workers = max(1, min(os.cpu_count() or 1, len(chunks)))
        inserting = 0.0
        with multiprocessing.get_context("fork").Pool(workers, _start_worker, (seed,)) as pool:
            # A few chunks ahead, no more: unread results would pile up in this process's memory.
            pending: deque[Any] = deque()
            for job in chunks:
                pending.append(pool.apply_async(_worker_chunk, (job,)))
                if len(pending) > workers:
                    inserting += _insert(conn, pending.popleft().get())
            while pending:
                inserting += _insert(conn, pending.popleft().get())
        timings["rows_s"] = round(time.perf_counter() - t, 1)
        timings["of_which_inserts_s"] = round(inserting, 1)
        t = time.perf_counter()
        for _, _, sql in saved:
            conn.execute(sql)
        timings["indexes_s"] = round(time.perf_counter() - t, 1)
        t = time.perf_counter()
        conn.execute("INSERT INTO deals_fts (deals_fts) VALUES ('rebuild')")
        timings["fts_s"] = round(time.perf_counter() - t, 1)
        t = time.perf_counter()
        _fill_derived(conn)
        conn.execute("COMMIT")
        timings["derived_s"] = round(time.perf_counter() - t, 1)
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    return timings


def _fill_derived(conn: sqlite3.Connection) -> None:
    """What the store works out from the rows, as its migrations do for a file they find filled: each deal's
    country from its location (m009), the sector registry (m009) and the kept facet counts (m011)."""
    from sqlite_utils import Database

    from core.names import fold_name
    from core.places import country_of
    from core.store import facet_counts

    triggers = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                           "AND name LIKE '%facets%'")]
    for name in triggers:  # rebuild() counts them all at the end, not one update at a time
        conn.execute(f"DROP TRIGGER {name}")
    for (location,) in conn.execute("SELECT DISTINCT location FROM deals WHERE location IS NOT NULL").fetchall():
        if (country := country_of(location)) is not None:
            conn.execute("UPDATE deals SET country = ? WHERE location = ?", [country, location])
    counts: dict[str, int] = {}
    for lists, n in conn.execute("SELECT sectors, count(*) FROM deals GROUP BY sectors").fetchall():
        for name in json.loads(lists or "[]"):
            counts[str(name)] = counts.get(str(name), 0) + int(n)
    for name in sorted(counts, key=lambda s: (-counts[s], s)):
        conn.execute("INSERT OR IGNORE INTO sectors (name, alias, norm) VALUES (?, ?, ?)", [name, name, fold_name(name)])
    facet_counts.rebuild(Database(conn))
    for trigger in facet_counts.triggers():
        conn.execute(trigger)


_worker: Generator | None = None


def _insert(conn: sqlite3.Connection, rows: dict[str, list[tuple[object, ...]]]) -> float:
    started = time.perf_counter()
    for table, sql in gen_rows.INSERTS.items():
        conn.executemany(sql, rows[table])
    return time.perf_counter() - started


def _start_worker(seed: int) -> None:
    global _worker
    os.nice(10)  # the inserting process is the one everything waits for
    _worker = Generator(seed)


def _worker_chunk(job: tuple[int, int, int]) -> dict[str, list[tuple[object, ...]]]:
    assert _worker is not None
    return _worker.chunk(*job)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("deals", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--force", action="store_true", help="rebuild even when the cached file is current")
    parser.add_argument("--check", action="store_true", help="run integrity_check and the FTS check after building")
    args = parser.parse_args()
    for deals in args.deals:
        started = time.perf_counter()
        path = database(deals, force=args.force, check=args.check)
        stamp = json.loads(path.with_name(path.name + ".json").read_text())
        print(f"{path} ({path.stat().st_size / 1e6:.0f} MB): {time.perf_counter() - started:.1f} s this time, "
              f"built in {stamp['timings']}")


if __name__ == "__main__":
    main()
