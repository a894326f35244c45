"""A deal's and an article's rows: inserting and saving a deal, its child tables and history, reading them back."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from core.deals.fields import changed_fields, field_value, filled_fields, source_ids, to_json
from core.deals.merge import remap_evidence
from core.fx import with_usd
from core.places import country_of
from core.model import (
    Amount, Article, Commitment, Deal, DealQuery, DealType, Evidence, Party, Person, Precision, Source, Status,
    UsdValue,
)
from core.store.parties import parse_kind, resolve_party, resolve_person
from core.store.query import ids_cursor, parse_enum
from core.store.schema import now
from core.store.sectors import resolve as resolve_sectors

CHILD_FIELDS = frozenset({"parties", "amounts", "commitments", "people"})

_DEAL_COLUMNS = (
    "id, title, type, status, date, date_precision, location, sectors, summary, notes, "
    "needs_review, edited, created_at, updated_at, country"
)
ARTICLE_COLUMNS = "id, text, title, publisher, url, published, source_path, imported_at, text_hash"


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
        "country": country_of(deal.location),
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
            usd = a.usd or UsdValue(0.0, "")
            db.execute(
                "INSERT INTO amounts (deal_id, position, value, currency, text, usd_value, qualifier, "
                "usd, usd_source, usd_rate, usd_rate_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [deal_id, position, a.value, a.currency, a.text, a.usd_value, a.qualifier,
                 a.usd.value if a.usd else None, usd.source or None, usd.rate, usd.rate_date],
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
        "SELECT deal_id, value, currency, text, usd_value, qualifier, usd, usd_source, usd_rate, usd_rate_date "
        "FROM amounts "
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
        "SELECT s.deal_id, a.id, a.title, a.url, a.published, a.publisher FROM deal_sources s "
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
            country=row[14],
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
            amounts=tuple(
                Amount(r[0], r[1], r[2], r[3], r[4], UsdValue(r[5], r[6], r[7], r[8]) if r[5] is not None else None)
                for r in amounts.get(deal_id, ())
            ),
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


def article(db: Database, article_id: int) -> Article:
    """A stored article's text and metadata (deals=()); KeyError if there is no such article."""
    row = db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise KeyError(f"no article {article_id}")
    return article_from_row(row)


def articles_for_deal(db: Database, deal_id: int) -> list[Article]:
    columns = ", ".join(f"a.{c}" for c in ARTICLE_COLUMNS.split(", "))
    rows = db.execute(
        f"SELECT {columns} FROM deal_sources s JOIN articles a ON a.id = s.article_id "
        "WHERE s.deal_id = ? ORDER BY a.id",
        [deal_id],
    )
    return [article_from_row(row) for row in rows]


def article_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def load_deal(db: Database, deal_id: int) -> Deal:
    """Everything about one deal, sources and evidence included; KeyError if there is no such deal."""
    found = load_deals(db, [deal_id])
    if deal_id not in found:
        raise KeyError(f"no deal {deal_id}")
    return found[deal_id]


def iter_deals(db: Database, query: DealQuery) -> Iterator[Deal]:
    """Every deal the query matches, in its order, loaded a page at a time."""
    cursor = ids_cursor(db, query)
    while page := [row[0] for row in cursor.fetchmany(200)]:
        deals = load_deals(db, page)
        yield from (deals[i] for i in page if i in deals)


def insert_deal(db: Database, deal: Deal, by: str, article_id: int | None = None) -> int:
    """Write a new deal with its children, sources, evidence and first history rows; returns its id.

    `article_id`, when given, is the article that brought it: a source, and where its evidence points.
    """
    at = now()
    sources = sorted({*source_ids(deal), *([article_id] if article_id is not None else [])})
    deal = with_usd(deal, published(db, sources)).replace(sectors=resolve_sectors(db, deal.sectors))
    filled = filled_fields(deal)
    columns = deal_columns(deal) | {
        "edited": json.dumps(sorted(filled) if by == "person" else []),
        "created_at": at,
        "updated_at": at,
    }
    names = ", ".join(columns)
    deal_id = int(db.execute(
        f"INSERT INTO deals ({names}) VALUES ({', '.join('?' * len(columns))})", list(columns.values())
    ).lastrowid or 0)
    write_children(db, deal_id, deal, CHILD_FIELDS, by)
    write_sources(db, deal_id, sources)
    write_evidence(db, deal_id, deal.evidence, article_id)
    write_history(db, deal_id, at, by, ((f, None, field_value(deal, f)) for f in filled))
    return deal_id


def save_deal(db: Database, deal: Deal, by: str = "person", *, edited: frozenset[str] | None = None) -> Deal:
    """Write what differs from the stored deal (which has deal.id), with a history row per field; returns it re-read.

    A person's changes join `edited`; the parser never overwrites a field in `edited`. Given `edited`,
    the stored set becomes exactly that instead (with a history row when it changes).
    """
    assert deal.id is not None
    with db.atomic():
        stored = load_deal(db, deal.id)
        on = published(db, source_ids(deal) or source_ids(stored))
        deal = with_usd(deal, on).replace(sectors=resolve_sectors(db, deal.sectors))
        changed = [
            f for f in changed_fields(stored, deal) if by == "person" or f not in stored.edited
        ]
        sources = source_ids(deal)
        sources_changed = sources != source_ids(stored)
        evidence_changed = to_json(deal.evidence) != to_json(stored.evidence)
        new_edited = stored.edited | set(changed) if by == "person" else stored.edited
        if edited is not None:
            new_edited = frozenset(edited)
        edited_changed = new_edited != stored.edited
        usd_changed = False
        if "amounts" not in changed:
            # The amounts stay as stored, but a new date or source moves their worked-out dollars:
            # rows to rewrite, and no edit of anyone's.
            deal = deal.replace(amounts=with_usd(deal.replace(amounts=stored.amounts), on).amounts)
            usd_changed = deal.amounts != stored.amounts
        assert deal.id is not None
        if not (changed or sources_changed or evidence_changed or edited_changed or usd_changed):
            return stored
        at = now()
        new_columns = deal_columns(deal)
        columns = {k: v for k, v in new_columns.items() if k in changed}
        if "location" in changed:
            columns["country"] = new_columns["country"]
        if "parties" in changed:
            columns["parties_text"] = new_columns["parties_text"]
        if "amounts" in changed or usd_changed:
            for key in ("value", "currency", "usd_value", "sort_value"):
                columns[key] = new_columns[key]
        columns["updated_at"] = at
        if edited_changed:
            columns["edited"] = json.dumps(sorted(new_edited))
        update_deal(db, deal.id, columns)
        children = CHILD_FIELDS.intersection(changed) | ({"amounts"} if usd_changed else set())
        write_children(db, deal.id, deal, children, by)
        history = [(f, field_value(stored, f), field_value(deal, f)) for f in changed]
        if edited is not None and edited_changed:
            history.append(("edited", sorted(stored.edited), sorted(new_edited)))
        if sources_changed:
            # Merging deals moves sources; they are provenance, so they never join `edited`.
            write_sources(db, deal.id, sources)
            history.append(("sources", source_ids(stored), sources))
        if evidence_changed:
            write_evidence(db, deal.id, deal.evidence)
        write_history(db, deal.id, at, by, history)
    return load_deal(db, deal.id)


def published(db: Database, article_ids: Sequence[int]) -> str | None:
    """The earliest published date of the articles: what a deal without a date of its own is converted at."""
    ids = [int(i) for i in article_ids]
    if not ids:
        return None
    row = db.execute(f"SELECT min(published) FROM articles WHERE id IN ({_marks(ids)})", ids).fetchone()
    return str(row[0]) if row and row[0] else None


def update_deal(db: Database, deal_id: int, columns: dict[str, Any]) -> None:
    assignments = ", ".join(f"{name} = ?" for name in columns)
    db.execute(f"UPDATE deals SET {assignments} WHERE id = ?", [*columns.values(), deal_id])


def set_deleted(db: Database, deal_id: int, at: str | None) -> None:
    """Move a deal to the trash (`at` a time) or back out of it (None), with a history row; KeyError if none."""
    with db.atomic():
        row = db.execute("SELECT deleted_at FROM deals WHERE id = ?", [deal_id]).fetchone()
        if row is None:
            raise KeyError(f"no deal {deal_id}")
        if (row[0] is None) == (at is None):
            return
        update_deal(db, deal_id, {"deleted_at": at, "updated_at": now()})
        write_history(db, deal_id, now(), "person", [("deleted_at", row[0], at)])


def rewrite_party(db: Database, entity_id: int, change: Callable[[Party], Party],
                  before_write: Callable[[int], None]) -> None:
    """Apply `change` to the entity's party in each deal naming it; a party named twice becomes one.

    `before_write(deal_id)` is called before each deal is written, so that the caller can copy it.
    """
    ids = [r[0] for r in db.execute("SELECT DISTINCT deal_id FROM deal_parties WHERE entity_id = ?", [entity_id])]
    at = now()
    for deal_id, deal in load_deals(db, ids).items():
        renamed = deal.replace(parties=tuple(change(p) if p.entity_id == entity_id else p for p in deal.parties))
        parties: list[Party] = []
        for party in renamed.parties:
            if all(p.entity_id != party.entity_id for p in parties):
                parties.append(party)
        after = deal.replace(parties=tuple(parties))
        if field_value(after, "parties") == field_value(deal, "parties") and len(parties) == len(deal.parties):
            continue
        # The registry is the person's edit here; the deal's own `edited` stays, so a re-parse, which
        # reads the same registry, still updates the deal.
        before_write(deal_id)
        write_children(db, deal_id, after, {"parties"}, "parser")
        db.execute(
            "UPDATE deals SET parties_text = ?, updated_at = ? WHERE id = ?",
            [", ".join(p.name for p in after.parties), at, deal_id],
        )
        if len(parties) != len(deal.parties):
            write_evidence(db, deal_id, remap_evidence(deal.evidence, renamed, after))
        write_history(db, deal_id, at, "person",
                      [("parties", field_value(deal, "parties"), field_value(after, "parties"))])
