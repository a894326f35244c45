"""Not the same deal after all: the deal one source reported, taken back out of a merged deal, and what is left."""

# Pure functions. What a source brought is read off its evidence spans and its per-source values;
# list items (sectors, commitments, people) go with the article whose text names them.

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from core.deals.merge import remap_evidence, with_value
from core.model import Amount, Deal, DealType, Party, Source

# The scalar fields a source's evidence can vouch for, with the blank each falls back to.
_SCALARS: dict[str, Any] = {"type": DealType.OTHER, "date": (None, None), "location": None}


def _base(field: str) -> str:
    return field.split("[")[0]


def _vouched(deal: Deal, article_id: int, field: str) -> bool:
    return any(e.article_id == article_id and _base(e.field) == field for e in deal.evidence)


def _indices(deal: Deal, field: str, article_ids: set[int]) -> set[int]:
    found = set()
    for e in deal.evidence:
        name, _, rest = e.field.partition("[")
        if name == field and e.article_id in article_ids and rest[:-1].isdigit():
            found.add(int(rest[:-1]))
    return found


def _current(deal: Deal, field: str) -> Any:
    return (deal.date, deal.date_precision) if field == "date" else getattr(deal, field)


def _named_in(name: str, text: str) -> bool:
    return name.casefold() in text.casefold()


def _party_names(party: Party) -> tuple[str, ...]:
    return (party.name, *party.aliases)


def _amount_text(amount: Amount) -> tuple[str, ...]:
    return (amount.text,)


def split_off(deal: Deal, article_id: int, text: str, own: Mapping[str, Any]) -> Deal:
    """The deal as article `article_id` (whose text is `text`) reported it; `own` holds its per-source values."""
    party_at = _indices(deal, "parties", {article_id})
    parties = tuple(p for i, p in enumerate(deal.parties) if i in party_at) or deal.parties
    amount_at = _indices(deal, "amounts", {article_id})
    new = Deal(
        title=deal.title,
        status=deal.status,
        parties=parties,
        amounts=tuple(own["amounts"]) if "amounts" in own else tuple(
            a for i, a in enumerate(deal.amounts) if i in amount_at),
        sectors=tuple(s for s in deal.sectors if _named_in(s, text)),
        commitments=tuple(c for c in deal.commitments if _named_in(c.text, text)),
        people=tuple(p for p in deal.people if _named_in(p.name, text)),
        summary=" ".join(text[e.start:e.end] for e in deal.evidence
                         if e.article_id == article_id and e.field == "summary"),
    )
    for field, blank in _SCALARS.items():
        if field in own:
            value = own[field]
        else:
            value = _current(deal, field) if _vouched(deal, article_id, field) else blank
        new = with_value(new, field, value)
    evidence = remap_evidence([e for e in deal.evidence if e.article_id == article_id], deal, new)
    return new.replace(evidence=evidence, sources=(Source(article_id),))


def without_source(deal: Deal, article_id: int, texts: Mapping[int, str],
                   others: Mapping[str, Sequence[Any]]) -> Deal:
    """The deal without article `article_id` and what only it brought; `others` holds, per field, the other
    sources' values. A field a person edited stays as it is."""
    rest = {a for a in texts if a != article_id}
    editable = set(_SCALARS) | {"parties", "amounts", "sectors", "commitments", "people"}
    editable -= deal.edited
    changes: dict[str, Any] = {}
    others_text = "\n".join(texts[a] for a in rest)
    for field, name in (("parties", _party_names), ("amounts", _amount_text)):
        if field in editable:
            items = getattr(deal, field)
            mine = _indices(deal, field, {article_id}) - _indices(deal, field, rest)
            # Without spans from the other sources, their text tells whether they name the item too.
            mine = {i for i in mine if not any(_named_in(n, others_text) for n in name(items[i]) if n)}
            changes[field] = tuple(x for i, x in enumerate(items) if i not in mine)
    kept = deal.replace(**changes)
    for field, blank in _SCALARS.items():
        if field in editable and _vouched(deal, article_id, field) and not any(
                _vouched(deal, a, field) for a in rest):
            kept = with_value(kept, field, others[field][0] if others.get(field) else blank)

    def elsewhere(name: str) -> bool:
        return not _named_in(name, texts[article_id]) or any(_named_in(name, texts[a]) for a in rest)

    if "sectors" in editable:
        kept = kept.replace(sectors=tuple(s for s in deal.sectors if elsewhere(s)))
    if "commitments" in editable:
        kept = kept.replace(commitments=tuple(c for c in deal.commitments if elsewhere(c.text)))
    if "people" in editable:
        kept = kept.replace(people=tuple(p for p in deal.people if elsewhere(p.name)))
    evidence = remap_evidence([e for e in deal.evidence if e.article_id != article_id], deal, kept)
    return kept.replace(evidence=evidence, sources=tuple(s for s in deal.sources if s.article_id != article_id))
