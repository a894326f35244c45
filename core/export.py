"""Every deal as CSV or JSON: the contract's deal shape plus its id and sources; shared by the CLI and the window."""

from __future__ import annotations

import csv
import json
from typing import Any, Protocol, TextIO

from core.model import Deal, DealQuery

CSV_COLUMNS = (
    "id", "title", "type", "status", "date", "parties", "amounts", "usd_value", "location", "sectors",
    "commitments", "people", "sources", "needs_review",
)


class _Deals(Protocol):
    def iter_deals(self, query: DealQuery | None = None) -> Any: ...


def deal_record(deal: Deal) -> dict[str, Any]:
    """The contract's deal, with `id` first and `sources` last."""
    record: dict[str, Any] = {"id": deal.id}
    record.update(deal.to_contract())
    record["sources"] = [
        {"article_id": s.article_id, "title": s.title, "url": s.url, "published": s.published}
        for s in deal.sources
    ]
    return record


def csv_row(deal: Deal) -> dict[str, Any]:
    """One flat row; lists are joined with "; " so a spreadsheet shows them in one cell."""
    return {
        "id": deal.id,
        "title": deal.title,
        "type": str(deal.type),
        "status": str(deal.status),
        "date": deal.contract_date or "",
        "parties": "; ".join(f"{p.name} ({p.role})" for p in deal.parties),
        "amounts": "; ".join(f"{_number(a.value)} {a.currency}" for a in deal.amounts),
        "usd_value": _number(deal.usd_value) if deal.usd_value is not None else "",
        "location": deal.location or "",
        "sectors": "; ".join(deal.sectors),
        "commitments": "; ".join(c.text for c in deal.commitments),
        "people": "; ".join(p.name + (f" ({p.title})" if p.title else "") for p in deal.people),
        "sources": "; ".join(s.url or s.title or str(s.article_id) for s in deal.sources),
        "needs_review": "; ".join(deal.needs_review),
    }


def write_csv(store: _Deals, handle: TextIO, query: DealQuery | None = None) -> int:
    """Write the deals `query` matches (every deal when None) as CSV; returns how many."""
    writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for deal in store.iter_deals(query):
        writer.writerow(csv_row(deal))
        count += 1
    return count


def write_json(store: _Deals, handle: TextIO, query: DealQuery | None = None) -> int:
    """Write the deals as one JSON array, a deal at a time so a large desk never sits in memory whole."""
    count = 0
    handle.write("[")
    for deal in store.iter_deals(query):
        handle.write(",\n  " if count else "\n  ")
        handle.write(json.dumps(deal_record(deal), ensure_ascii=False))
        count += 1
    handle.write("\n]\n" if count else "]\n")
    return count


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
