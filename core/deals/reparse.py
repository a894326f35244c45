"""A new parse of a stored article laid over its deals: which new deal is which stored one, and what that becomes."""

# Pure functions; a person's edits are never overwritten.

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from core.deals.fields import field_value
from core.deals.merge import remap_evidence, unique
from core.model import Deal, DealType
from core.names import fold_name

# What the parser decides; `notes` is a person's alone, `edited` and provenance are the store's.
PARSED_FIELDS = (
    "title", "type", "status", "date", "date_precision", "location", "sectors", "summary", "parties",
    "amounts", "commitments", "people", "needs_review",
)
_LISTS: dict[str, Callable[[Any], Hashable]] = {
    "parties": lambda p: fold_name(p.name),
    "sectors": str.casefold,
    "commitments": lambda c: c.text.casefold(),
    "people": lambda p: p.name.casefold(),
    "needs_review": str,
}


def pair(parsed: Sequence[Deal], parsed_keys: Sequence[set[Hashable]], stored: Sequence[Deal],
         stored_keys: Sequence[set[Hashable]]) -> list[tuple[int, int]]:
    """(parsed index, stored index) pairs: the most shared parties first, each deal at most once."""
    scored = sorted(
        ((-len(pk & sk), i, j) for i, pk in enumerate(parsed_keys) for j, sk in enumerate(stored_keys) if pk & sk),
    )
    pairs, used_parsed, used_stored = [], set(), set()
    for _, i, j in scored:
        if i not in used_parsed and j not in used_stored:
            pairs.append((i, j))
            used_parsed.add(i)
            used_stored.add(j)
    # Deals without parties pair by title, as a last resort.
    for i, deal in enumerate(parsed):
        for j, old in enumerate(stored):
            if i not in used_parsed and j not in used_stored and not deal.parties and not old.parties \
                    and deal.title.casefold() == old.title.casefold():
                pairs.append((i, j))
                used_parsed.add(i)
                used_stored.add(j)
    return pairs


def party_keys(deal: Deal, entity_ids: Sequence[int | None]) -> set[Hashable]:
    keys: set[Hashable] = {fold_name(p.name) for p in deal.parties}
    keys |= {("entity", i) for i in entity_ids if i is not None}
    return keys


def reparsed(stored: Deal, parsed: Deal, article_id: int, *, sole_source: bool) -> tuple[Deal, list[str]]:
    """What `stored` becomes when its article now reads as `parsed`, and the fields kept because a person edited them.

    A deal with other sources keeps what they brought: its lists only grow and no field is blanked.
    """
    changes: dict[str, Any] = {}
    for field in PARSED_FIELDS:
        new, old = getattr(parsed, field), getattr(stored, field)
        if field in _LISTS and not sole_source:
            new = old + tuple(unique(new, _LISTS[field], old))
        elif not sole_source and _blank(field, parsed):
            new = old
        changes[field] = new
    if not sole_source and not parsed.date:
        changes["date_precision"] = stored.date_precision
    candidate = stored.replace(**changes)
    kept = [f for f in PARSED_FIELDS if f in stored.edited and field_value(candidate, f) != field_value(stored, f)]
    updated = candidate.replace(**{f: getattr(stored, f) for f in stored.edited if f in PARSED_FIELDS})
    if "date" in stored.edited:
        updated = updated.replace(date_precision=stored.date_precision)
    theirs = remap_evidence([e for e in stored.evidence if e.article_id != article_id], stored, updated)
    ours = remap_evidence(parsed.evidence, parsed, updated, article_id)
    # Spans stay grouped by article, oldest first, as merging laid them down.
    evidence = tuple(sorted(theirs + ours, key=lambda e: e.article_id or 0))
    return updated.replace(evidence=evidence), kept


def _blank(field: str, deal: Deal) -> bool:
    value = getattr(deal, field)
    return value in (None, "", ()) or (field == "type" and value == DealType.OTHER)
