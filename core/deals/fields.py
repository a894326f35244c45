"""A deal's fields as plain values: what history records, what a diff compares, what a new deal fills."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from core.model import Amount, Deal

# The fields a person can edit and the history records, in the detail pane's order.
TRACKED_FIELDS = (
    "title", "type", "status", "date", "date_precision", "location", "sectors", "summary", "notes",
    "parties", "amounts", "commitments", "people", "needs_review",
)


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
    if field == "amounts":
        return [_amount_json(a) for a in deal.amounts]
    return to_json(getattr(deal, field))


def _amount_json(amount: Amount) -> dict[str, Any]:
    # A worked-out US-dollar value follows from the amount and the date (core.fx), like parties_text
    # follows from the parties: it is no edit. Only a person's own value is part of the field.
    data = to_json(amount)
    usd = data.pop("usd")
    if usd is not None and usd["source"] == "person":
        data["usd"] = usd["value"]
    return data


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


def source_ids(deal: Deal) -> list[int]:
    return sorted({s.article_id for s in deal.sources})
