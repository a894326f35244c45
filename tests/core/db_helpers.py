"""Helpers for the reliability tests: a dump of every table, articles of our own, the CLI in a subprocess."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"


def dump(path: Path) -> dict[str, Any]:
    """Every row of every table (FTS shadow tables included) and the schema version, order-free.

    Opened read-only, so that taking the dump cannot change what it dumps.
    """
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = [
            row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                "ORDER BY name"
            )
        ]
        out: dict[str, Any] = {"user_version": conn.execute("PRAGMA user_version").fetchone()[0]}
        for table in tables:
            out[table] = sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"')))
        return out
    finally:
        conn.close()


def run_cli(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DEAL_TRACKER_DATA_DIR=str(cwd / "data"))
    return subprocess.run([sys.executable, str(MAIN), *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=timeout)


def start_cli(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, DEAL_TRACKER_DATA_DIR=str(cwd / "data"))
    return subprocess.Popen([sys.executable, str(MAIN), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=cwd)


# Our own small articles: every company name is used by one article only, so that neither the
# party registry nor deal merging can make one import order differ from another.

_STARTS = ("Ar", "Bel", "Cor", "Dun", "El", "Fen", "Gar", "Hal", "Is", "Jor", "Kel", "Lor", "Mar", "Nor")
_ENDS = ("vane", "dell", "mont", "wick", "ton", "ric", "gate", "ford", "mere", "by")
_SECOND = ("Systems", "Energy", "Robotics", "Logistics", "Holdings", "Networks",
           "Therapeutics", "Semiconductors")
_CITIES = ("Lisbon", "Rotterdam", "Nairobi", "Osaka", "Denver", "Lyon", "Pune", "Gdansk", "Perth", "Leeds")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")
_MONTHS = ("January", "March", "May", "June", "September", "October")


def _names(rng: random.Random, count: int) -> list[str]:
    """Company names whose first words all differ, so that no short name stands for two companies."""
    firsts = [a + b for a in _STARTS for b in _ENDS]
    if count > len(firsts):
        raise ValueError(f"only {len(firsts)} distinct company names")
    rng.shuffle(firsts)
    return [f"{first} {rng.choice(_SECOND)}" for first in firsts[:count]]


def _acquisition(a: str, b: str, amount: int, city: str, day: str, month: str, n: int) -> str:
    return (
        f"{a} to acquire {b} for ${amount} million\n\n"
        f"{a} said on {day} it had agreed to acquire {b}, a {city}-based company, for ${amount} million "
        f"in cash. The deal is expected to close in {month}, subject to approval by regulators, "
        f"and is the buyer's {n % 4 + 2}th purchase in five years.\n\n"
        f"{b} employs about {amount // 3 + 40} people and will keep its office in {city}."
    )


def _funding(a: str, b: str, amount: int, city: str, day: str, month: str, n: int) -> str:
    return (
        f"{a} raises ${amount} million Series B led by {b}\n\n"
        f"{a}, a {city}-based startup, has raised ${amount} million in a Series B funding round led by "
        f"{b}, the company said on {day}. It will use the money to hire {n + 20} engineers by {month}.\n\n"
        f"The round values the company at about ${amount * 6} million, people familiar with it said."
    )


def _venture(a: str, b: str, amount: int, city: str, day: str, month: str, n: int) -> str:
    return (
        f"{a} and {b} form ${amount} million joint venture in {city}\n\n"
        f"{a} and {b} agreed on {day} to form a joint venture that will build a plant in {city}, "
        f"with each side putting in half of the ${amount} million cost. Work starts in {month}.\n\n"
        f"The plant is the {n}th such project announced in the region this year."
    )


def _contract(a: str, b: str, amount: int, city: str, day: str, month: str, n: int) -> str:
    return (
        f"{b} wins ${amount} million contract from {a}\n\n"
        f"{a} has awarded {b} a ${amount} million contract to supply equipment for its {city} site, "
        f"the two companies said on {day}. Deliveries begin in {month} and run for {n % 5 + 2} years.\n\n"
        f"{b} said the order was the largest in its history."
    )


TEMPLATES = (_acquisition, _funding, _venture, _contract)


def make_articles(folder: Path, count: int = 60, seed: int = 6) -> list[Path]:
    """Write `count` short articles, each naming two companies of its own and stating one amount."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    names = _names(rng, 2 * count)
    paths = []
    for n in range(count):
        template = TEMPLATES[n % len(TEMPLATES)]
        text = template(names[2 * n], names[2 * n + 1], rng.randrange(20, 900), rng.choice(_CITIES),
                        rng.choice(_DAYS), rng.choice(_MONTHS), n + 1)
        path = folder / f"article-{n:03d}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@contextmanager
def schema_before(monkeypatch: Any, migration: str) -> Iterator[None]:
    """Inside, `Store.open` migrates a file only as far as the migration before `migration`: an older file.

    The names and the registry are swapped for the block only (`monkeypatch.context`), so the next open of
    the same file after the block runs the rest, as an upgrade on a user's machine does.
    """
    from sqlite_utils import Migrations

    from core.store import schema

    names = schema._NAMES[: schema._NAMES.index(migration)]
    older = Migrations("deals")
    for name in names:
        older()(getattr(schema, name))
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", older)
        m.setattr(schema, "_NAMES", names)
        yield
