"""Possible duplicates: stored deals that may be one deal, offered to a person instead of merged behind their back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from core.deals import merge
from core.store.merging import deal_facts

# A party in a million deals must not make showing one slow: of each principal party's deals, those stored
# nearest this one (by id, on either side) are looked at; a report of the same news is stored around the
# same time. A deal with two principals finds its duplicate through the less busy one as well.
NEIGHBOURS = 250
SHOWN = 5


@dataclass(frozen=True)
class PossibleDuplicate:
    """Another live deal that may report the same deal; `same` when the import rules would have merged them."""

    deal_id: int
    title: str
    same: bool = False


def suggestions(db: Database, deal_id: int) -> list[PossibleDuplicate]:
    """The live deals that may be `deal_id` again, likeliest first.

    A deal in the trash has none. Left out: deals of a common article (the parser told them apart), deals a
    person split apart (not_same) or called not duplicates (not_duplicates), and pairs merge.compare rejects.
    """
    live = db.execute("SELECT 1 FROM deals WHERE id = ? AND deleted_at IS NULL", [deal_id]).fetchone()
    facts = deal_facts(db, [deal_id]).get(deal_id) if live else None
    if facts is None:
        return []  # a deal in the trash is offered nothing
    principals = sorted({p for p in facts.principals() if p is not None})
    if not principals:
        return []
    near: set[int] = set()
    for entity_id in principals:
        for sign, order in (("<", "DESC"), (">", "ASC")):
            near.update(row[0] for row in db.execute(
                f"SELECT deal_id FROM deal_parties WHERE entity_id = ? AND deal_id {sign} ? "
                f"ORDER BY deal_id {order} LIMIT {NEIGHBOURS}", [entity_id, deal_id]))
    span = merge.date_span(facts.date, facts.precision)
    ids = sorted(near)
    # In chunks: a deal naming many parties must not pass SQLite's limit on query parameters.
    candidates = [c for start in range(0, len(ids), 500) for c in _kept(db, deal_id, ids[start : start + 500], span)]
    found: list[tuple[tuple[bool, tuple[int, float, int], int], int]] = []
    for other_id, other in deal_facts(db, candidates).items():
        likeness = merge.compare(facts, other)
        if likeness is not None:
            found.append(((likeness.same, likeness.score, -other_id), other_id))
    found.sort(reverse=True)
    chosen = [(other_id, key[0]) for key, other_id in found[:SHOWN]]
    titles = dict(db.execute(
        f"SELECT id, title FROM deals WHERE id IN ({', '.join('?' * len(chosen))})", [i for i, _ in chosen]
    ).fetchall()) if chosen else {}
    return [PossibleDuplicate(other_id, titles[other_id], same) for other_id, same in chosen]


def _kept(db: Database, deal_id: int, ids: list[int], span: tuple[date, date] | None) -> list[int]:
    """Those of `ids` that are live, within reach of the span's dates, and not told apart from `deal_id`."""
    if not ids:
        return []
    params: dict[str, object] = {f"c{i}": c for i, c in enumerate(ids)}
    params["id"] = deal_id
    sql = (
        f"SELECT d.id FROM deals d WHERE d.id IN ({', '.join(f':c{i}' for i in range(len(ids)))}) "
        "AND d.deleted_at IS NULL "
        "AND d.id NOT IN (SELECT other_id FROM not_duplicates WHERE deal_id = :id "
        "UNION SELECT deal_id FROM not_duplicates WHERE other_id = :id) "
        "AND NOT EXISTS (SELECT 1 FROM deal_sources s JOIN deal_sources t ON t.article_id = s.article_id "
        "WHERE s.deal_id = :id AND t.deal_id = d.id) "
        "AND NOT EXISTS (SELECT 1 FROM not_same n JOIN articles a ON a.text_hash = n.text_hash "
        "JOIN deal_sources s ON s.article_id = a.id "
        "WHERE (n.deal_id = :id AND s.deal_id = d.id) OR (n.deal_id = d.id AND s.deal_id = :id))"
    )
    if span is not None:
        # As in merging.find_match: a stored date is its span's first day, and no span is longer than a year.
        sql += " AND (d.date IS NULL OR d.date BETWEEN date(:start, :back) AND date(:end, :ahead))"
        params.update(start=span[0].isoformat(), back=f"-{merge.WINDOW_DAYS + 366} days",
                      end=span[1].isoformat(), ahead=f"+{merge.WINDOW_DAYS} days")
    return [row[0] for row in db.execute(sql, params)]


def set_not_duplicates(db: Database, deal_id: int, other_id: int, apart: bool) -> None:
    """Remember (`apart`) or forget a person's word that two deals are not one deal."""
    pair = sorted((deal_id, other_id))
    if apart:
        for one in pair:
            if db.execute("SELECT 1 FROM deals WHERE id = ?", [one]).fetchone() is None:
                raise KeyError(f"no deal {one}")
        db.execute("INSERT OR IGNORE INTO not_duplicates (deal_id, other_id) VALUES (?, ?)", pair)
    else:
        db.execute("DELETE FROM not_duplicates WHERE deal_id = ? AND other_id = ?", pair)
