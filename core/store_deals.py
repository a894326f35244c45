"""A Deal to rows and back: the deal's own columns, its child tables, field diffs and history values."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from sqlite_utils import Database

from core.model import (
    Amount, Article, Commitment, Deal, DealType, Evidence, Party, Person, Precision, Source, Status,
)
from core.store_query import parse_enum
from core.store_registry import parse_kind, resolve_party, resolve_person

# The fields a person can edit and the history records, in the detail pane's order.
TRACKED_FIELDS = (
    "title", "type", "status", "date", "date_precision", "location", "sectors", "summary", "notes",
    "parties", "amounts", "commitments", "people", "needs_review",
)
CHILD_FIELDS = frozenset({"parties", "amounts", "commitments", "people"})

_DEAL_COLUMNS = (
    "id, title, type, status, date, date_precision, location, sectors, summary, notes, "
    "needs_review, edited, created_at, updated_at"
)
ARTICLE_COLUMNS = "id, text, title, publisher, url, published, source_path, imported_at, text_hash"


def to_json(value: Any) -> Any:
    """A field value as plain JSON data, so that equal values compare equal whatever their container."""
    if isinstance(value, Enum):
        return str(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (frozenset, set)):
        return sorted(to_json(v) for v in value)
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    return value


def field_value(deal: Deal, field: str) -> Any:
    """What history stores and diffs compare for a field; a party is its name, kind, role and country."""
    if field == "parties":
        return [
            {"name": p.name, "kind": str(p.kind), "role": p.role, "country": p.country}
            for p in deal.parties
        ]
    return to_json(getattr(deal, field))


def changed_fields(old: Deal, new: Deal) -> list[str]:
    changed = [f for f in TRACKED_FIELDS if field_value(old, f) != field_value(new, f)]
    if "parties" not in changed and any(
        (n.entity_id is not None and n.entity_id != o.entity_id) or set(n.aliases) - set(o.aliases)
        for o, n in zip(old.parties, new.parties)
    ):
        changed.append("parties")
    return changed


def filled_fields(deal: Deal) -> list[str]:
    """The fields a new deal sets: its history starts with one row for each."""
    return [f for f in TRACKED_FIELDS if field_value(deal, f) not in (None, "", [])]


def deal_columns(deal: Deal) -> dict[str, Any]:
    """The `deals` row for a deal, with the list columns the deal list sorts and shows."""
    first = deal.amounts[0] if deal.amounts else None
    usd = deal.usd_value
    return {
        "title": deal.title,
        "type": str(deal.type),
        "status": str(deal.status),
        "date": deal.date,
        "date_precision": str(deal.date_precision) if deal.date_precision else None,
        "location": deal.location,
        "sectors": json.dumps(list(deal.sectors), ensure_ascii=False),
        "summary": deal.summary,
        "notes": deal.notes,
        "needs_review": json.dumps(list(deal.needs_review), ensure_ascii=False),
        "parties_text": ", ".join(p.name for p in deal.parties),
        "value": first.value if first else None,
        "currency": first.currency if first else None,
        "usd_value": usd,
        "sort_value": usd if usd is not None else (first.value if first else None),
    }


def write_children(db: Database, deal_id: int, deal: Deal, fields: Iterable[str], by: str) -> None:
    """Replace the child rows of the given list fields; the search triggers follow each row."""
    fields = set(fields)
    if "parties" in fields:
        db.execute("DELETE FROM deal_parties WHERE deal_id = ?", [deal_id])
        for position, party in enumerate(deal.parties):
            db.execute(
                "INSERT INTO deal_parties (deal_id, position, entity_id, name, role) VALUES (?, ?, ?, ?, ?)",
                [deal_id, position, resolve_party(db, party, by), party.name, party.role],
            )
    if "amounts" in fields:
        db.execute("DELETE FROM amounts WHERE deal_id = ?", [deal_id])
        for position, a in enumerate(deal.amounts):
            db.execute(
                "INSERT INTO amounts (deal_id, position, value, currency, text, usd_value, qualifier) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [deal_id, position, a.value, a.currency, a.text, a.usd_value, a.qualifier],
            )
    if "commitments" in fields:
        db.execute("DELETE FROM commitments WHERE deal_id = ?", [deal_id])
        for position, c in enumerate(deal.commitments):
            db.execute(
                "INSERT INTO commitments (deal_id, position, text, horizon) VALUES (?, ?, ?, ?)",
                [deal_id, position, c.text, c.horizon],
            )
    if "people" in fields:
        db.execute("DELETE FROM deal_people WHERE deal_id = ?", [deal_id])
        for position, p in enumerate(deal.people):
            db.execute(
                "INSERT INTO deal_people (deal_id, position, person_id, title, organization) "
                "VALUES (?, ?, ?, ?, ?)",
                [deal_id, position, resolve_person(db, p.name), p.title, p.organization],
            )


def source_ids(deal: Deal) -> list[int]:
    return sorted({s.article_id for s in deal.sources})


def write_sources(db: Database, deal_id: int, article_ids: Sequence[int]) -> None:
    """Replace the deal's sources; the articles come last in its search document, so write them last."""
    db.execute("DELETE FROM deal_sources WHERE deal_id = ?", [deal_id])
    for article_id in article_ids:
        db.execute("INSERT INTO deal_sources (deal_id, article_id) VALUES (?, ?)", [deal_id, article_id])
    db.execute("UPDATE deals SET source_count = ? WHERE id = ?", [len(article_ids), deal_id])


def write_evidence(db: Database, deal_id: int, evidence: Iterable[Evidence], article_id: int | None = None) -> None:
    """Replace the deal's evidence; `article_id`, when given, is the article every span points into."""
    db.execute("DELETE FROM evidence WHERE deal_id = ?", [deal_id])
    for e in evidence:
        db.execute(
            'INSERT INTO evidence (deal_id, article_id, field, "start", "end", confidence) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [deal_id, article_id if article_id is not None else e.article_id, e.field, e.start, e.end,
             e.confidence],
        )


def write_history(
    db: Database, deal_id: int, at: str, by: str, changes: Iterable[tuple[str, Any, Any]]
) -> None:
    for field, old, new in changes:
        db.execute(
            'INSERT INTO history (deal_id, at, field, old, new, "by") VALUES (?, ?, ?, ?, ?, ?)',
            [deal_id, at, field, _dumps(old), _dumps(new), by],
        )


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _grouped(db: Database, sql: str, ids: Sequence[int]) -> dict[int, list[tuple[Any, ...]]]:
    """Rows of `sql` (its first column a deal id, `{ids}` where the id list goes) grouped by deal."""
    groups: dict[int, list[tuple[Any, ...]]] = {}
    for row in db.execute(sql.format(ids=_marks(ids)), list(ids)):
        groups.setdefault(row[0], []).append(tuple(row[1:]))
    return groups


def load_deals(db: Database, ids: Sequence[int]) -> dict[int, Deal]:
    """Whole deals, sources and evidence included, a few queries per 500 ids."""
    deals: dict[int, Deal] = {}
    unique = list(dict.fromkeys(int(i) for i in ids))
    for start in range(0, len(unique), 500):
        deals.update(_load_chunk(db, unique[start : start + 500]))
    return deals


def _load_chunk(db: Database, ids: list[int]) -> dict[int, Deal]:
    parties = _grouped(
        db,
        "SELECT p.deal_id, p.name, p.role, p.entity_id, e.kind, e.country FROM deal_parties p "
        "JOIN entities e ON e.id = p.entity_id WHERE p.deal_id IN ({ids}) ORDER BY p.deal_id, p.position",
        ids,
    )
    entity_ids = sorted({row[2] for rows in parties.values() for row in rows})
    aliases = _grouped(
        db, "SELECT entity_id, alias FROM aliases WHERE entity_id IN ({ids}) ORDER BY id", entity_ids
    )
    amounts = _grouped(
        db,
        "SELECT deal_id, value, currency, text, usd_value, qualifier FROM amounts "
        "WHERE deal_id IN ({ids}) ORDER BY deal_id, position",
        ids,
    )
    commitments = _grouped(
        db,
        "SELECT deal_id, text, horizon FROM commitments WHERE deal_id IN ({ids}) ORDER BY deal_id, position",
        ids,
    )
    people = _grouped(
        db,
        "SELECT d.deal_id, p.name, d.title, d.organization FROM deal_people d "
        "JOIN people p ON p.id = d.person_id WHERE d.deal_id IN ({ids}) ORDER BY d.deal_id, d.position",
        ids,
    )
    sources = _grouped(
        db,
        "SELECT s.deal_id, a.id, a.title, a.url, a.published FROM deal_sources s "
        "JOIN articles a ON a.id = s.article_id WHERE s.deal_id IN ({ids}) ORDER BY s.deal_id, a.id",
        ids,
    )
    evidence = _grouped(
        db,
        'SELECT deal_id, field, "start", "end", confidence, article_id FROM evidence '
        "WHERE deal_id IN ({ids}) ORDER BY deal_id, id",
        ids,
    )
    deals: dict[int, Deal] = {}
    for row in db.execute(f"SELECT {_DEAL_COLUMNS} FROM deals WHERE id IN ({_marks(ids)})", ids):
        deal_id = row[0]
        deals[deal_id] = Deal(
            id=deal_id,
            title=row[1],
            type=parse_enum(DealType, row[2], DealType.OTHER),
            status=parse_enum(Status, row[3], Status.ANNOUNCED),
            date=row[4],
            date_precision=parse_enum(Precision, row[5], Precision.DAY) if row[5] else None,
            location=row[6],
            sectors=tuple(json.loads(row[7] or "[]")),
            summary=row[8] or "",
            notes=row[9] or "",
            needs_review=tuple(json.loads(row[10] or "[]")),
            edited=frozenset(json.loads(row[11] or "[]")),
            created_at=row[12],
            updated_at=row[13],
            parties=tuple(
                Party(
                    name=name,
                    kind=parse_kind(kind),
                    role=role,
                    aliases=tuple(a for (a,) in aliases.get(entity_id, ()) if a != name),
                    country=country,
                    entity_id=entity_id,
                )
                for name, role, entity_id, kind, country in parties.get(deal_id, ())
            ),
            amounts=tuple(Amount(*r) for r in amounts.get(deal_id, ())),
            commitments=tuple(Commitment(*r) for r in commitments.get(deal_id, ())),
            people=tuple(Person(*r) for r in people.get(deal_id, ())),
            sources=tuple(Source(*r) for r in sources.get(deal_id, ())),
            evidence=tuple(Evidence(*r) for r in evidence.get(deal_id, ())),
        )
    return deals


def article_from_row(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0], text=row[1], title=row[2], publisher=row[3], url=row[4], published=row[5],
        source_path=row[6], imported_at=row[7], text_hash=row[8],
    )
