"""The rows of a generated deal database: parties, amounts, dates, articles and the rest, a chunk of deals at a time.

bench/gen_db.py runs a Generator in each worker process and inserts what it returns.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import gen_pools as pools
from core.store.imports import normalize_text
from core.store.parties import normalize_name, normalize_person

WORDS = Path(__file__).resolve().parent / "words.txt"
FIRST_DAY, DAYS = date(2015, 1, 1), 3653  # ten years: 2015 to 2024
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
        rows: dict[str, list[tuple[object, ...]]] = {t: [] for t in INSERTS}
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
            drift = int(DAYS * deal_id / self.deals + 60 * (u() - 0.7))
            day = FIRST_DAY + timedelta(days=min(DAYS - 1, max(0, drift)))
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
            json.dumps(review) if review else "[]", '["status"]' if edited else "[]", created, created,
            created if deleted else None,
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


INSERTS = {
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
