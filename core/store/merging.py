"""One deal from several articles, in the database: matching a new report, folding it in, per-source values, splits."""

# The rules themselves are core.deals.merge's and core.deals.split's; this module finds the candidates
# and writes the rows.

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from core.deals import merge, split
from core.deals.fields import source_ids
from core.deals.merge import ALTERNATIVE_FIELDS, Facts
from core.errors import DealsError
from core.model import Amount, Deal, DealType, Party, Precision
from core.store.journal import Journal
from core.store.parties import find_entity
from core.store.query import parse_enum
from core.store.rows import article, insert_deal, load_deal, save_deal


def party_entity(db: Database, party: Party) -> int | None:
    """The registry id a party resolves to, without adding anything to the registry."""
    if party.entity_id is not None:
        return party.entity_id
    return find_entity(db, (party.name, *party.aliases))


def find_match(db: Database, deal: Deal, text_hash: str, exclude: set[int]) -> int | None:
    """The live stored deal that `deal` (from the article with this text hash) reports again, if any."""
    ids = [party_entity(db, p) for p in deal.parties]
    new = Facts.of(deal, ids)
    # Only a principal party can tie two reports together (core.deals.merge.compare).
    known = sorted({i for i in new.principals() if i is not None})
    if not known:
        return None
    sql = (
        f"SELECT DISTINCT p.deal_id FROM deal_parties p JOIN deals d ON d.id = p.deal_id "
        f"WHERE p.entity_id IN ({', '.join('?' * len(known))}) AND d.deleted_at IS NULL "
        "AND p.deal_id NOT IN (SELECT deal_id FROM not_same WHERE text_hash = ?)"
    )
    params: list[Any] = [*known, text_hash]
    span = merge.date_span(deal.date, deal.date_precision)
    if span is not None:
        # A stored date is its span's first day, and no span is longer than a year.
        sql += " AND (d.date IS NULL OR d.date BETWEEN date(?, ?) AND date(?, ?))"
        params += [span[0].isoformat(), f"-{merge.WINDOW_DAYS + 366} days", span[1].isoformat(),
                   f"+{merge.WINDOW_DAYS} days"]
    candidates = [row[0] for row in db.execute(sql, params) if row[0] not in exclude]
    best: tuple[tuple[int, float, int], int] | None = None
    for deal_id, facts in deal_facts(db, candidates).items():
        score = merge.match_score(facts, new)
        # Ties go to the oldest deal, the one most sources have joined.
        if score is not None and (best is None or (score, -deal_id) > (best[0], -best[1])):
            best = (score, deal_id)
    return best[1] if best else None


def deal_facts(db: Database, ids: Sequence[int]) -> dict[int, Facts]:
    """What matching looks at for each stored deal of `ids` (core.deals.merge.Facts), read in a few queries."""
    facts: dict[int, Facts] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        parties: dict[int, list[int]] = {}
        roles: dict[int, list[str]] = {}
        for deal_id, entity_id, role in db.execute(
            f"SELECT deal_id, entity_id, role FROM deal_parties WHERE deal_id IN ({marks}) "
            "ORDER BY deal_id, position", chunk,
        ):
            parties.setdefault(deal_id, []).append(entity_id)
            roles.setdefault(deal_id, []).append(role)
        amounts: dict[int, list[Amount]] = {}
        for deal_id, value, currency, usd in db.execute(
            f"SELECT deal_id, value, currency, usd_value FROM amounts WHERE deal_id IN ({marks}) "
            "ORDER BY deal_id, position", chunk,
        ):
            amounts.setdefault(deal_id, []).append(Amount(value, currency, usd_value=usd))
        for deal_id, type_, date, precision in db.execute(
            f"SELECT id, type, date, date_precision FROM deals WHERE id IN ({marks})", chunk
        ):
            facts[deal_id] = Facts(
                tuple(parties.get(deal_id, ())), parse_enum(DealType, type_, DealType.OTHER), date,
                parse_enum(Precision, precision, Precision.DAY) if precision else None,
                tuple(amounts.get(deal_id, ())), tuple(roles.get(deal_id, ())),
            )
    return facts


def merge_into(db: Database, deal_id: int, deal: Deal, article_id: int, journal: Journal) -> None:
    """Fold `deal`, reported by article `article_id`, into stored deal `deal_id` as one more source."""
    stored = load_deal(db, deal_id)
    new_ids = [party_entity(db, p) for p in deal.parties]
    combined = merge.combine(stored, deal, article_id, [p.entity_id for p in stored.parties], new_ids)
    journal.keep_deal(db, deal_id)
    save_deal(db, combined.deal, by="parser")
    present = {row[0] for row in db.execute("SELECT DISTINCT field FROM field_values WHERE deal_id = ?", [deal_id])}
    for field in ALTERNATIVE_FIELDS:
        if field in combined.conflicts or (field in present and _states(deal, field)):
            if field not in present:
                _put_value(db, deal_id, field, merge.value_json(stored, field), _origin(stored, field))
            _put_value(db, deal_id, field, merge.value_json(deal, field), article_id)


def refresh_values(db: Database, deal_id: int, deal: Deal, article_id: int) -> None:
    """After a re-parse: the article's own entries among the deal's per-source values say what it says now."""
    for (field,) in db.execute(
        "SELECT field FROM field_values WHERE deal_id = ? AND article_id = ?", [deal_id, article_id]
    ).fetchall():
        _put_value(db, deal_id, field, merge.value_json(deal, field), article_id)


def _states(deal: Deal, field: str) -> bool:
    return bool({"type": deal.type != DealType.OTHER, "date": deal.date, "amounts": deal.amounts,
                 "location": deal.location}[field])


def _origin(deal: Deal, field: str) -> int | None:
    """The article a deal's value of a field came from: its evidence's, else the first source; None if a person's."""
    if field in deal.edited:
        return None
    for ev in deal.evidence:
        if ev.field.split("[")[0] == field and ev.article_id is not None:
            return ev.article_id
    ids = source_ids(deal)
    return ids[0] if ids else None


def _put_value(db: Database, deal_id: int, field: str, value: Any, article_id: int | None) -> None:
    text = json.dumps(value, ensure_ascii=False)
    if article_id is None:
        db.execute("DELETE FROM field_values WHERE deal_id = ? AND field = ? AND article_id IS NULL", [deal_id, field])
    db.execute(
        "INSERT INTO field_values (deal_id, field, value, article_id) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (deal_id, field, article_id) DO UPDATE SET value = excluded.value",
        [deal_id, field, text, article_id],
    )


def field_alternatives(db: Database, deal_id: int) -> dict[str, list[tuple[Any, int | None]]]:
    alternatives: dict[str, list[tuple[Any, int | None]]] = {}
    for field, value, article_id in db.execute(
        "SELECT field, value, article_id FROM field_values WHERE deal_id = ? ORDER BY id", [deal_id]
    ):
        alternatives.setdefault(field, []).append((merge.value_from_json(field, json.loads(value)), article_id))
    return {f: values for f, values in alternatives.items() if len(values) > 1}


def choose_value(db: Database, deal_id: int, field: str, value: Any) -> Deal:
    if field not in ALTERNATIVE_FIELDS:
        raise ValueError(f"{field!r} has no per-source values; known: {', '.join(ALTERNATIVE_FIELDS)}")
    return save_deal(db, merge.with_value(load_deal(db, deal_id), field, value), by="person")


def split_deal(db: Database, deal_id: int, article_id: int) -> int:
    """Move one source of a deal, and what it brought, into a new deal; returns the new deal's id.

    The caller holds the transaction. The two are remembered as not the same deal.
    """
    deal = load_deal(db, deal_id)
    sources = source_ids(deal)
    if article_id not in sources:
        raise KeyError(f"article {article_id} is not a source of deal {deal_id}")
    if len(sources) < 2:
        raise DealsError("This deal has only one source; there is nothing to split off.")
    texts = {a: article(db, a).text for a in sources}
    own = {
        field: merge.value_from_json(field, json.loads(value))
        for field, value in db.execute(
            "SELECT field, value FROM field_values WHERE deal_id = ? AND article_id = ?", [deal_id, article_id]
        )
    }
    others = {
        field: [merge.value_from_json(field, json.loads(v)) for (v,) in db.execute(
            "SELECT value FROM field_values WHERE deal_id = ? AND field = ? AND article_id IS NOT ? ORDER BY id",
            [deal_id, field, article_id],
        )]
        for field in own
    }
    new_deal = split.split_off(deal, article_id, texts[article_id], own)
    remaining = split.without_source(deal, article_id, texts, others)
    save_deal(db, remaining, by="parser")
    db.execute("DELETE FROM field_values WHERE deal_id = ? AND article_id = ?", [deal_id, article_id])
    db.execute(
        "DELETE FROM field_values WHERE deal_id = ? AND field IN "
        "(SELECT field FROM field_values WHERE deal_id = ? GROUP BY field HAVING count(*) < 2)",
        [deal_id, deal_id],
    )
    new_id = insert_deal(db, new_deal, "parser", article_id)
    hashes = {a: h for a, h in db.execute(
        f"SELECT id, text_hash FROM articles WHERE id IN ({', '.join('?' * len(sources))})", sources)}
    db.execute("INSERT OR IGNORE INTO not_same (deal_id, text_hash) VALUES (?, ?)", [deal_id, hashes[article_id]])
    for other in sources:
        if other != article_id:
            db.execute("INSERT OR IGNORE INTO not_same (deal_id, text_hash) VALUES (?, ?)", [new_id, hashes[other]])
    return new_id


def deal_ids_citing(db: Database, article_id: int) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT deal_id FROM deal_sources WHERE article_id = ? ORDER BY deal_id", [article_id])]


def first_sources(db: Database, deal_ids: Sequence[int]) -> dict[int, int]:
    """Each deal's first source: the article that brought it, unless a person split it off another."""
    if not deal_ids:
        return {}
    return {d: a for d, a in db.execute(
        f"SELECT deal_id, min(article_id) FROM deal_sources WHERE deal_id IN ({', '.join('?' * len(deal_ids))}) "
        "GROUP BY deal_id", list(deal_ids))}


def undo_split(db: Database, deal_id: int, split_id: int) -> None:
    """Fold a split-off deal back into the deal it came from and forget that they were not the same.

    The caller holds the transaction.
    """
    split_off = load_deal(db, split_id)
    load_deal(db, deal_id)  # KeyError before anything changes
    sources = source_ids(split_off)
    db.execute(
        f"DELETE FROM not_same WHERE deal_id = ? AND text_hash IN "
        f"(SELECT text_hash FROM articles WHERE id IN ({', '.join('?' * len(sources))}))",
        [deal_id, *sources],
    )
    journal = Journal.begin(db)  # merge_into notes what it changes; nobody takes this one back
    for article_id in sources:
        own = split_off.replace(evidence=tuple(e for e in split_off.evidence if e.article_id == article_id))
        merge_into(db, deal_id, own, article_id, journal)
    db.execute("DELETE FROM deals WHERE id = ?", [split_id])
