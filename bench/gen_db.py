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
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gen_pools as pools  # noqa: E402
from core import migrations  # noqa: E402
from core.store import Store, normalize_text  # noqa: E402
from core.store_registry import normalize_name, normalize_person  # noqa: E402

GENERATOR_VERSION = 6  # bump when the generated rows change
CACHE = ROOT / "bench" / ".cache"
WORDS = ROOT / "bench" / "words.txt"
SIZES = (100_000, 1_000_000)
FIRST_DAY, DAYS = date(2015, 1, 1), 3653  # ten years: 2015 to 2024
CHUNK = 20_000
FILLER_POOL = 200_000  # generic sentences, drawn once: formatting one per use would double the build time

TYPE_WEIGHTS = {"investment": 20, "acquisition": 14, "partnership": 12, "funding_round": 12, "mou": 10,
                "financing": 10, "contract": 10, "joint_venture": 5, "merger": 3, "grant": 3, "other": 1}
STATUSES = {  # per type: (statuses, weights)
    "mou": (("mou", "signed", "terminated"), (85, 12, 3)),
    "acquisition": (("rumoured", "announced", "signed", "completed", "terminated"), (6, 40, 15, 33, 6)),
    "merger": (("rumoured", "announced", "completed", "terminated"), (10, 45, 35, 10)),
}
DEFAULT_STATUSES = (("rumoured", "announced", "signed", "completed", "terminated"), (3, 50, 25, 20, 2))
ROLES = {  # (first party, second party, others)
    "acquisition": ("acquirer", "target", "seller"), "investment": ("investor", "recipient", "investor"),
    "funding_round": ("investor", "recipient", "investor"), "financing": ("lender", "borrower", "lender"),
    "contract": ("customer", "supplier", "partner"), "grant": ("government", "recipient", "partner"),
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def fingerprint() -> dict[str, object]:
    return {"generator": GENERATOR_VERSION, "schema": migrations.latest_version(),
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
        conn.execute("COMMIT")
        timings["fts_s"] = round(time.perf_counter() - t, 1)
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    return timings


_worker: Generator | None = None


def _insert(conn: sqlite3.Connection, rows: dict[str, list[tuple[object, ...]]]) -> float:
    started = time.perf_counter()
    for table, sql in _INSERTS.items():
        conn.executemany(sql, rows[table])
    return time.perf_counter() - started


def _start_worker(seed: int) -> None:
    global _worker
    os.nice(10)  # the inserting process is the one everything waits for
    _worker = Generator(seed)


def _worker_chunk(job: tuple[int, int, int]) -> dict[str, list[tuple[object, ...]]]:
    assert _worker is not None
    return _worker.chunk(*job)


class Weighted:
    """Fast weighted draws: a lookup list in which each value appears in proportion to its weight."""

    def __init__(self, rng: random.Random, values: Sequence[Any], weights: Sequence[float], size: int = 1 << 18):
        total = sum(weights)
        self.items = [v for v, w in zip(values, weights) for _ in range(max(1, round(w / total * size)))]
        self.random = rng.random

    def __call__(self) -> Any:
        return self.items[int(self.random() * len(self.items))]


class Generator:
    """Rows for every table, a chunk of deals at a time, from one seeded random source.

    Draws go through lookup tables and `random()` rather than `choices()`: at a million deals the
    difference is minutes.
    """

    def __init__(self, seed: int) -> None:
        self.seed = seed
        rng = self.rng = random.Random(seed)
        self.u = rng.random
        vocab = pools.vocabulary(WORDS)
        self.word = Weighted(rng, vocab, [1 / r for r in range(1, len(vocab) + 1)], 1 << 20)
        self.entities = pools.entity_pool(rng)
        rng.shuffle(self.entities)
        self.entity = Weighted(rng, range(len(self.entities)), [r**-0.8 for r in range(1, len(self.entities) + 1)])
        self.governments = [i for i, e in enumerate(self.entities) if e[1] == "government"]
        self.people = pools.people_pool(rng)
        self.deal_type = Weighted(rng, list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values()))
        self.party_count = Weighted(rng, (2, 3, 4), (50, 33, 17))
        self.precision = Weighted(rng, ("day", "month", "quarter", "year"), (80, 12, 3, 5))
        self.people_count = Weighted(rng, (0, 1, 2), (70, 20, 10))
        self.status = {t: Weighted(rng, *STATUSES.get(t, DEFAULT_STATUSES)) for t in TYPE_WEIGHTS}
        self.fillers = [self._filler(pools.FILLERS) for _ in range(FILLER_POOL)]
        self.sectors = Weighted(rng, [json.dumps(list(c)) for c in _sector_sets(rng)], [1.0] * 4000)
        self.cities = {c: cities for c, _, cities in pools.COUNTRIES}
        self.currency_of = {c: cur for c, cur, _ in pools.COUNTRIES}
        self.at = "2025-01-15T09:00:00+00:00"
        self.deals = 0

    def registry(self) -> list[tuple[str, list[tuple[object, ...]]]]:
        """INSERT statements with their rows for entities, aliases and people."""
        entities, aliases, norms = [], [], set()
        for entity_id, (name, kind, country) in enumerate(self.entities, 1):
            entities.append((entity_id, name, kind, country, self.at))
            norms.add(normalize_name(name))
            aliases.append((entity_id, name, normalize_name(name)))
            initials = "".join(w[0] for w in name.split() if w[0].isupper())
            if kind != "government" and len(initials) >= 3 and normalize_name(initials) not in norms:
                norms.add(normalize_name(initials))
                aliases.append((entity_id, initials, normalize_name(initials)))
        return [("INSERT INTO entities (id, name, kind, country, created_at) VALUES (?, ?, ?, ?, ?)", entities),
                ("INSERT INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)", aliases),
                ("INSERT INTO people (id, name, norm) VALUES (?, ?, ?)",
                 [(i, n, normalize_person(n)) for i, n in enumerate(self.people, 1)])]

    def chunk(self, first: int, count: int, deals: int) -> dict[str, list[tuple[object, ...]]]:
        """The rows of deals first .. first + count - 1 out of `deals`, the same whichever process asks.

        Deal d's own article has id d and a follow-up report id deals + d, so chunks need no shared counter.
        """
        self.rng.seed(self.seed * 1_000_003 + first)
        self.deals = deals
        rows: dict[str, list[tuple[object, ...]]] = {t: [] for t in _INSERTS}
        for deal_id in range(first, first + count):
            self._deal(deal_id, rows)
        return rows

    def _pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.u() * len(seq))]

    def _deal(self, deal_id: int, rows: dict[str, list[tuple[object, ...]]]) -> None:
        u, pick = self.u, self._pick
        deal_type = self.deal_type()
        n_parties = self.party_count()
        picks: list[int] = []
        if deal_type in ("mou", "grant") and u() < 0.5:
            picks.append(pick(self.governments))
        while len(picks) < n_parties:
            entity = self.entity()
            if entity not in picks:
                picks.append(entity)
        parties = [self.entities[i] for i in picks]
        names = [p[0] for p in parties]
        first_role, second_role, other_role = ROLES.get(deal_type, ("partner", "partner", "partner"))
        home = parties[1][2] or "United States"
        city = pick(self.cities.get(home, ("London",)))

        # Deals arrive as the news does, so ids mostly follow dates; one in seven is an older deal filed late.
        if u() < 0.15:
            day = FIRST_DAY + timedelta(days=int(u() * DAYS * deal_id / self.deals))
        else:
            day = FIRST_DAY + timedelta(days=min(DAYS - 1, max(0, int(DAYS * deal_id / self.deals + 60 * (u() - 0.7)))))
        precision = self.precision()
        if precision == "day":
            stored_day = day
        elif precision == "month":
            stored_day = day.replace(day=1)
        elif precision == "year":
            stored_day = day.replace(month=1, day=1)
        else:
            stored_day = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
        published = day + timedelta(days=int(u() * 4))

        amounts: list[tuple[float, str, str, float | None]] = []
        if u() < (0.5 if deal_type in ("merger", "mou", "partnership") else 0.85):
            amounts.append(self._amount(home))
            if u() < 0.2:
                value, currency, _, usd = amounts[0]
                part = round(value * pick((0.1, 0.2, 0.25, 0.4)), -3)
                amounts.append((part, currency, pools.money_text(part, currency),
                                None if usd is None else round(usd * part / value, -3)))
        amt = amounts[0][2] if amounts else "an undisclosed sum"
        project = pick(pools.PROJECTS)
        headline_t, opening_t = pools.TYPE_PROSE[deal_type]
        fields = {"a": names[0], "b": names[1], "amt": amt, "project": project, "city": city,
                  "day": f"{MONTHS[day.month - 1]} {day.day}"}
        headline = headline_t.format(**fields)
        opening = opening_t.format(**fields) + "."
        fillers = [self._filler(pools.DEAL_FILLERS, names, city), pick(self.fillers)]
        if u() < 0.5:
            fillers.append(pick(self.fillers))
        article_text, spans = self._article(headline, opening, names, city, published, amounts, fillers)

        evidence = [("type", *spans["opening"], round(0.6 + 0.4 * u(), 2))]
        for i, name in enumerate(names[:2]):
            start = article_text.find(name)
            if start >= 0:
                evidence.append((f"parties[{i}]", start, start + len(name), round(0.5 + 0.5 * u(), 2)))
        if "amount" in spans:
            evidence.append(("amounts[0]", *spans["amount"], round(0.55 + 0.45 * u(), 2)))
        else:
            evidence.append(("date", *spans["date"], round(0.5 + 0.5 * u(), 2)))
        review = [e[0] for e in evidence if e[3] < 0.6 and "[" not in e[0]]
        if any(e[3] < 0.6 for e in evidence if e[0].startswith("parties[")):
            review.append("parties")

        article_id = self._add_article(rows, deal_id, article_text, headline, published)
        sources = [article_id]
        if u() < 0.03 and deal_id > 1:
            sources.insert(0, deal_id - 1)  # a round-up that covered the deal before this one
        if u() < 0.08:  # a follow-up report
            later = published + timedelta(days=5 + int(u() * 200))
            follow = (f"{names[0]} and {names[1]} update on {project}\n\n{city.upper()}, {_long_date(later)} — "
                      f"{names[0]} said work on the {project} with {names[1]} was progressing. "
                      f"{pick(self.fillers)} {pick(self.fillers)}")
            sources.append(self._add_article(rows, self.deals + deal_id, follow, f"Update: {headline}", later))

        usd = next((a[0] if a[1] == "USD" else a[3] for a in amounts if a[1] == "USD" or a[3] is not None), None)
        status = self.status[deal_type]()
        edited = u() < 0.02
        deleted = u() < 0.003
        created = f"{published.isoformat()}T{7 + int(u() * 12):02d}:{int(u() * 60):02d}:00+00:00"
        r = u()
        location = city if r < 0.6 else home if r < 0.8 else None
        title = _deal_title(deal_type, names, amounts)
        first = amounts[0] if amounts else None
        rows["deals"].append((
            deal_id, title, deal_type, status, stored_day.isoformat(), precision, location,
            self.sectors(), opening[:600], pick(pools.NOTES) if edited else "",
            json.dumps(review) if review else "[]", '["status"]' if edited else "[]", created, created, created if deleted else None,
            ", ".join(names), first[0] if first else None, first[1] if first else None, usd,
            usd if usd is not None else (first[0] if first else None), len(sources),
        ))
        deal_parties = rows["deal_parties"]
        for position, name in enumerate(names):
            role = first_role if position == 0 else second_role if position == 1 else other_role
            deal_parties.append((deal_id, position, picks[position] + 1, name, role))
        for position, (value, currency, text, usd_value) in enumerate(amounts):
            rows["amounts"].append((deal_id, position, value, currency, text, usd_value, None))
        if u() < 0.2:
            year = published.year + 1 + int(u() * 5)
            rows["commitments"].append((deal_id, 0, f"complete the {project} by {year}", str(year)))
        for position in range(self.people_count()):
            person = int(u() * len(self.people)) + 1
            rows["deal_people"].append((deal_id, position, person, pick(pools.PERSON_TITLES), names[0]))
        for article in sorted(set(sources)):
            rows["deal_sources"].append((deal_id, article))
        for field, start, end, confidence in evidence:
            rows["evidence"].append((deal_id, article_id, field, start, end, confidence))
        rows["history"].append((deal_id, created, "title", None, _json_text(title), "parser"))
        if edited:
            rows["history"].append((deal_id, created, "status", '"announced"', json.dumps(status), "person"))
        if deleted:
            rows["history"].append((deal_id, created, "deleted_at", None, json.dumps(created), "person"))

    def _amount(self, home: str) -> tuple[float, str, str, float | None]:
        u = self.u
        r = u()
        currency = ("USD" if r < 0.45 else self.currency_of.get(home, "USD") if r < 0.7 else
                    self._pick(("EUR", "EUR", "GBP", "GBP", "JPY", "INR", "CNY")))
        usd = 10 ** (6.3 + 4.4 * u())
        native = usd / pools.USD_PER_UNIT[currency]
        native = round(native, -int(math.floor(math.log10(native))) + self._pick((0, 1, 1, 2)))
        text = pools.money_text(native, currency)
        if currency == "USD":
            return native, currency, text, None
        stated = round(native * pools.USD_PER_UNIT[currency], -5) if u() < 0.85 else None
        return native, currency, text, stated

    def _article(self, headline: str, opening: str, names: list[str], city: str, published: date,
                 amounts: list[tuple[float, str, str, float | None]], fillers: list[str]
                 ) -> tuple[str, dict[str, tuple[int, int]]]:
        dateline = f"{city.upper()}, {_long_date(published)} — "
        text = f"{headline}\n\n{dateline}"
        spans = {"date": (len(headline) + 2 + len(city) + 2, len(text) - 3)}
        spans["opening"] = (len(text), len(text) + len(opening))
        text += opening
        if amounts:
            start = text.find(amounts[0][2])
            if start >= 0:
                spans["amount"] = (start, start + len(amounts[0][2]))
        if len(names) > 2:
            text += f" {' and '.join(names[2:])} also joined the deal."
        if amounts and amounts[0][3] is not None:
            text += f" The sum is worth about {pools.money_text(amounts[0][3], 'USD')}."
        half = (len(fillers) + 1) // 2
        return f"{text}\n\n{' '.join(fillers[:half])}\n\n{' '.join(fillers[half:])}", spans

    def _filler(self, templates: Sequence[str], names: Sequence[str] = ("", ""), city: str = "") -> str:
        u, word = self.u, self.word
        return self._pick(templates).format(
            w=word(), w2=word(), w3=word(), n=2 + int(u() * 38), n2=1 + int(u() * 89), a=names[0], b=names[1],
            city=city, year=2016 + int(u() * 15), title=self._pick(pools.PERSON_TITLES), p=self._pick(self.people))

    def _add_article(self, rows: dict[str, list[tuple[object, ...]]], article_id: int, text: str, title: str,
                     published: date) -> int:
        # Texts differ in names, sums, dates and drawn sentences; a clash would stop the build at the UNIQUE index.
        digest = hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
        publisher, domain = self._pick(pools.PUBLISHERS)
        slug = "-".join(title.lower().split()[:6]).replace(",", "").replace("$", "")
        day = published.isoformat()
        url = f"https://{domain}/{day[:4]}/{day[5:7]}/{slug}-{article_id}"
        rows["articles"].append((article_id, text, title, publisher, url, day, f"{day}T12:00:00+00:00", digest,
                                 None))
        return article_id


_INSERTS = {
    "articles": "INSERT INTO articles (id, text, title, publisher, url, published, imported_at, text_hash, "
                "source_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "deals": "INSERT INTO deals (id, title, type, status, date, date_precision, location, sectors, summary, notes, "
             "needs_review, edited, created_at, updated_at, deleted_at, parties_text, value, currency, usd_value, "
             "sort_value, source_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "deal_parties": "INSERT INTO deal_parties (deal_id, position, entity_id, name, role) VALUES (?, ?, ?, ?, ?)",
    "amounts": "INSERT INTO amounts (deal_id, position, value, currency, text, usd_value, qualifier) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
    "commitments": "INSERT INTO commitments (deal_id, position, text, horizon) VALUES (?, ?, ?, ?)",
    "deal_people": "INSERT INTO deal_people (deal_id, position, person_id, title, organization) "
                   "VALUES (?, ?, ?, ?, ?)",
    "deal_sources": "INSERT INTO deal_sources (deal_id, article_id) VALUES (?, ?)",
    "evidence": 'INSERT INTO evidence (deal_id, article_id, field, "start", "end", confidence) '
                "VALUES (?, ?, ?, ?, ?, ?)",
    "history": 'INSERT INTO history (deal_id, at, field, old, new, "by") VALUES (?, ?, ?, ?, ?, ?)',
}


def _sector_sets(rng: random.Random) -> list[tuple[str, ...]]:
    """4,000 draws of zero to three sectors: the deals pick among them."""
    counts = rng.choices((0, 1, 2, 3), (8, 50, 32, 10), k=4000)
    return [tuple(rng.sample(pools.SECTORS, k)) for k in counts]


def _json_text(text: str) -> str:
    """json.dumps(text, ensure_ascii=False) for text without control characters, five times faster."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _long_date(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _deal_title(deal_type: str, names: list[str], amounts: list[tuple[float, str, str, float | None]]) -> str:
    """A headline of the parser's own kind (core.extract.describe.title_of)."""
    money = f" {amounts[0][2]}" if amounts else ""
    a, b = names[0], names[1]
    if deal_type == "acquisition":
        return f"{a} to acquire {b}" + (f" for{money}" if money else "")
    if deal_type == "funding_round":
        return f"{b} raises{money or ' funding'} from {a}"
    if deal_type == "financing":
        return f"{b} secures{money} financing from {a}"
    if deal_type == "investment":
        return f"{a} to invest{money} in {b}"
    label = {"mou": "sign MoU", "merger": "agree to merge", "joint_venture": "form joint venture",
             "partnership": "partner", "contract": "sign contract", "grant": "agree grant"}.get(deal_type, "deal")
    return f"{a} and {b} {label}" + (f" ({money.strip()})" if money else "")


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
