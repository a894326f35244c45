"""Finding the evidence behind a field of a deal, whichever way the parser named it ("parties", "party[1]")."""

from __future__ import annotations

from collections.abc import Callable

from core.model import Deal, Evidence

_SINGULAR = {"parties": "party", "amounts": "amount", "commitments": "commitment", "people": "person",
             "sectors": "sector"}


def _base(name: str) -> str:
    return name.split("[")[0].split(".")[0].split(":")[0]


def find_evidence(deal: Deal, field: str, row: int, article_text: Callable[[int], str]) -> Evidence | None:
    """The span behind `field` (row `row` of a list field, or -1); `article_text(id)` reads an article."""
    singular = _SINGULAR.get(field, field)
    if row >= 0:
        for name in (f"{field}[{row}]", f"{field}.{row}", f"{singular}[{row}]", f"{singular}.{row}"):
            for ev in deal.evidence:
                if ev.field == name:
                    return ev
    found = [ev for ev in deal.evidence if _base(ev.field) in (field, singular)]
    if not found:
        return None
    if row >= 0 and field == "parties" and row < len(deal.parties):
        name = deal.parties[row].name.casefold()
        for ev in found:  # the span that names this party, when the parser gave one per party
            if ev.article_id is not None and name in article_text(ev.article_id)[ev.start:ev.end].casefold():
                return ev
    return found[row] if 0 <= row < len(found) and len(found) > 1 else found[0]


def spans_for(deal: Deal, evidence: Evidence, row: int) -> list[tuple[int, int]]:
    """The span to highlight, and for a whole field (row -1) its other spans in the same article too:
    a summary drawn from three sentences lights up all three."""
    spans = [(evidence.start, evidence.end)]
    if row < 0:
        spans += [(ev.start, ev.end) for ev in deal.evidence if ev is not evidence
                  and ev.article_id == evidence.article_id and _base(ev.field) == _base(evidence.field)]
    return spans
