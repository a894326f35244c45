"""Possible duplicates: stored deals that may be one deal, offered to a person instead of merged behind their back."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from core.deals import merge
from core.store.merging import deal_facts

# A party in thousands of deals (a sovereign fund, a big bank as borrower) must not make showing a deal slow:
# the newest candidates are looked at, which is where a just-imported duplicate is.
CANDIDATE_LIMIT = 500
SHOWN = 5


@dataclass(frozen=True)
class PossibleDuplicate:
    """Another live deal that may report the same deal; `same` when the import rules would have merged them."""

    deal_id: int
    title: str
    same: bool = False


def suggestions(db: Database, deal_id: int) -> list[PossibleDuplicate]:
    """The live deals that may be `deal_id` again, likeliest first.

    Left out: deals of a common article (the parser told them apart), deals a person split apart
    (not_same) or called not duplicates (not_duplicates), and any pair core.deals.merge.compare rejects.
    """
    facts = deal_facts(db, [deal_id]).get(deal_id)
    if facts is None:
        return []
    principals = sorted({p for p in facts.principals() if p is not None})
    if not principals:
        return []
    params: dict[str, object] = {f"e{i}": e for i, e in enumerate(principals)}
    params["id"] = deal_id
    marks = ", ".join(f":e{i}" for i in range(len(principals)))
    sql = (
        f"SELECT DISTINCT p.deal_id FROM deal_parties p JOIN deals d ON d.id = p.deal_id "
        f"WHERE p.entity_id IN ({marks}) AND p.deal_id <> :id AND d.deleted_at IS NULL "
        "AND p.deal_id NOT IN (SELECT other_id FROM not_duplicates WHERE deal_id = :id "
        "UNION SELECT deal_id FROM not_duplicates WHERE other_id = :id) "
        "AND NOT EXISTS (SELECT 1 FROM deal_sources s JOIN deal_sources t ON t.article_id = s.article_id "
        "WHERE s.deal_id = :id AND t.deal_id = p.deal_id) "
        "AND NOT EXISTS (SELECT 1 FROM not_same n JOIN articles a ON a.text_hash = n.text_hash "
        "JOIN deal_sources s ON s.article_id = a.id "
        "WHERE (n.deal_id = :id AND s.deal_id = p.deal_id) OR (n.deal_id = p.deal_id AND s.deal_id = :id)) "
    )
    span = merge.date_span(facts.date, facts.precision)
    if span is not None:
        # As in merging.find_match: a stored date is its span's first day, and no span is longer than a year.
        sql += "AND (d.date IS NULL OR d.date BETWEEN date(:start, :back) AND date(:end, :ahead)) "
        params.update(start=span[0].isoformat(), back=f"-{merge.WINDOW_DAYS + 366} days",
                      end=span[1].isoformat(), ahead=f"+{merge.WINDOW_DAYS} days")
    sql += f"ORDER BY p.deal_id DESC LIMIT {CANDIDATE_LIMIT}"
    candidates = [row[0] for row in db.execute(sql, params)]
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
