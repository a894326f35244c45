"""When two reports are one deal: the matching rules, how a second source joins a deal, and what it disagrees on."""

# Pure functions over core.model values; the store resolves parties to registry ids and passes them in.

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from core.model import Amount, Deal, DealType, Evidence, Party, Precision, Source
from core.names import fold_name

WINDOW_DAYS = 45
AMOUNT_TOLERANCE = 0.02  # two reports of one price differ by rounding ("$1.2 billion", "about $1.21 billion")
SAME_AMOUNT = 0.005  # closer than this, two figures are the same figure and nothing to show side by side

# The fields whose disagreeing values are kept per source (the table field_values).
ALTERNATIVE_FIELDS = ("type", "date", "amounts", "location")

# Reporters name one agreement differently: an MoU "to invest", a "partnership" that is a joint venture.
_KINDRED_TYPES = (
    frozenset({DealType.MOU, DealType.INVESTMENT, DealType.PARTNERSHIP, DealType.JOINT_VENTURE}),
    frozenset({DealType.ACQUISITION, DealType.MERGER}),
    frozenset({DealType.INVESTMENT, DealType.FUNDING_ROUND}),
)

_PRECISION_DAYS = {
    Precision.DAY: 0, Precision.WEEK: 3, Precision.MONTH: 31, Precision.QUARTER: 92, Precision.HALF: 183,
    Precision.YEAR: 366,
}

_T = TypeVar("_T")


# Roles a party holds in many unrelated deals at once: a bank lends to anyone, a fund invests in many, a
# ministry hands out grants. Two deals that share only these (a mining loan and a data-centre debt sale with
# three lenders in common) are not one deal.
SUPPORTING_ROLES = frozenset({
    "lender", "investor", "lead investor", "arranger", "adviser", "advisor", "underwriter", "grantor", "other",
})
# In these the investors are signatories, partners like the others: BlackRock "invests" in a pact with Korea.
_SIGNATORY_TYPES = frozenset({DealType.MOU, DealType.PARTNERSHIP, DealType.JOINT_VENTURE})


def is_principal(role: str, deal_type: DealType) -> bool:
    """Whether a party in this role is one the deal is about (borrower, target, recipient, seller, a partner)."""
    role = role.strip().casefold()
    return role not in SUPPORTING_ROLES or (deal_type in _SIGNATORY_TYPES and role in ("investor", "lead investor"))


@dataclass(frozen=True)
class Facts:
    """What matching looks at: the parties' registry ids (None: not in the registry yet) and roles, type,
    date, amounts. A party without a role is taken as a partner."""

    parties: tuple[int | None, ...]
    type: DealType
    date: str | None
    precision: Precision | None
    amounts: tuple[Amount, ...]
    roles: tuple[str, ...] = ()

    @classmethod
    def of(cls, deal: Deal, entity_ids: Sequence[int | None]) -> Facts:
        return cls(tuple(entity_ids), deal.type, deal.date, deal.date_precision, deal.amounts,
                   tuple(p.role for p in deal.parties))

    def principals(self) -> tuple[int | None, ...]:
        """The registry ids of the principal parties, in order (None for a party not in the registry)."""
        roles = self.roles + ("partner",) * (len(self.parties) - len(self.roles))
        return tuple(p for p, role in zip(self.parties, roles) if is_principal(role, self.type))


@dataclass(frozen=True)
class Likeness:
    """Two reports that may be one deal: `same` when sure enough to merge them unasked; `score` ranks them."""

    same: bool
    score: tuple[int, float, int]


def compare(stored: Facts, new: Facts) -> Likeness | None:
    """Whether two reports may be one deal; None when something says they are not.

    They must share a principal party (lenders, investors, advisers and grantors do not count), two when
    both name two or more; kindred types; dates within WINDOW_DAYS when both are known. They are the same
    deal (`same`) only when, besides, both dates are known and close or an amount matches, and no amount
    disagrees: otherwise a person is asked.
    """
    ours, theirs = _distinct(stored.principals()), _distinct(new.principals())
    shared = len({p for p in ours if p >= 0} & {p for p in theirs if p >= 0})
    if shared == 0 or (min(len(ours), len(theirs)) >= 2 and shared < 2):
        return None
    if not types_compatible(stored.type, new.type):
        return None
    days = date_distance(stored.date, stored.precision, new.date, new.precision)
    if days is not None and days > WINDOW_DAYS:
        return None
    agree = amounts_agree(stored.amounts, new.amounts)
    same = agree is True or (agree is None and days is not None)
    closeness = 0.0 if days is None else 1.0 - days / (WINDOW_DAYS + 1)
    return Likeness(same, (shared, closeness, int(bool(agree))))


def _distinct(ids: Sequence[int | None]) -> set[int]:
    # Parties the registry does not know yet are each a party of their own (negative stand-ins).
    return {p if p is not None else -1 - i for i, p in enumerate(ids)}


def match_score(stored: Facts, new: Facts) -> tuple[int, float, int] | None:
    """How well a new report fits a stored deal, higher is better; None unless compare() calls them the same."""
    found = compare(stored, new)
    return found.score if found is not None and found.same else None


def types_compatible(a: DealType, b: DealType) -> bool:
    if a == b or DealType.OTHER in (a, b):
        return True
    return any(a in group and b in group for group in _KINDRED_TYPES)


def date_span(date: str | None, precision: Precision | None) -> tuple[datetime.date, datetime.date] | None:
    """The days a stored date may mean: one day, a few around it, or its month, quarter, half or year."""
    if not date:
        return None
    try:
        start = datetime.date.fromisoformat(date[:10])
    except ValueError:
        return None
    precision = precision or Precision.DAY
    if precision == Precision.WEEK:
        return start - datetime.timedelta(days=3), start + datetime.timedelta(days=3)
    if precision == Precision.DAY:
        return start, start
    months = {Precision.MONTH: 1, Precision.QUARTER: 3, Precision.HALF: 6, Precision.YEAR: 12}[precision]
    month = start.month - 1 + months
    end = datetime.date(start.year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
    return start, end


def date_distance(a: str | None, pa: Precision | None, b: str | None, pb: Precision | None) -> int | None:
    """Days between two dates' spans (0 when they overlap); None when either is unknown."""
    first, second = date_span(a, pa), date_span(b, pb)
    if first is None or second is None:
        return None
    return max(0, (second[0] - first[1]).days, (first[0] - second[1]).days)


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _usd(amount: Amount) -> float | None:
    return amount.value if amount.currency == "USD" else amount.usd_value


def amounts_agree(a: Sequence[Amount], b: Sequence[Amount]) -> bool | None:
    """Whether two deals' amounts share a figure (same currency, or the same US-dollar figure); None if one has none."""
    if not a or not b:
        return None
    for x in a:
        for y in b:
            if x.currency == y.currency and _close(x.value, y.value, AMOUNT_TOLERANCE):
                return True
            ux, uy = _usd(x), _usd(y)
            if ux is not None and uy is not None and _close(ux, uy, AMOUNT_TOLERANCE):
                return True
    return False


@dataclass(frozen=True)
class Combined:
    """A stored deal with a new source folded in, and the fields where the two disagree."""

    deal: Deal
    conflicts: tuple[str, ...]


def combine(stored: Deal, new: Deal, article_id: int, stored_ids: Sequence[int | None],
            new_ids: Sequence[int | None]) -> Combined:
    """`stored` gaining `new` (from article `article_id`) as a source.

    Blanks are filled and lists grow; a field both state differently keeps the stored value and is
    named in `conflicts`. Nothing a person edited changes.
    """
    changes: dict[str, Any] = {}
    conflicts: list[str] = []
    editable = [f for f in ("parties", "amounts", "type", "date", "location", "sectors", "commitments",
                            "people", "summary") if f not in stored.edited]
    if "parties" in editable:
        known = {i for i in stored_ids if i is not None} | {fold_name(p.name) for p in stored.parties}
        extra = [_with_entity(p, i) for p, i in zip(new.parties, new_ids)
                 if (i if i is not None else fold_name(p.name)) not in known]
        changes["parties"] = stored.parties + tuple(unique(extra, lambda p: fold_name(p.name)))
    if stored.type == DealType.OTHER and new.type != DealType.OTHER and "type" in editable:
        changes["type"] = new.type
    elif DealType.OTHER not in (stored.type, new.type) and stored.type != new.type:
        conflicts.append("type")
    refined = _date_change(stored, new)
    if refined == "conflict":
        conflicts.append("date")
    elif refined == "fill" and "date" in editable:
        changes["date"], changes["date_precision"] = new.date, new.date_precision
    if new.location and not stored.location and "location" in editable:
        changes["location"] = new.location
    elif new.location and stored.location and new.location.casefold() != stored.location.casefold():
        conflicts.append("location")
    amounts = _amount_change(stored.amounts, new.amounts)
    if amounts is None:
        conflicts.append("amounts")
    elif amounts and "amounts" in editable:
        changes["amounts"] = stored.amounts + amounts
    if "sectors" in editable:
        changes["sectors"] = stored.sectors + tuple(unique(new.sectors, str.casefold, stored.sectors))
    if "commitments" in editable:
        changes["commitments"] = stored.commitments + tuple(
            unique(new.commitments, lambda c: c.text.casefold(), stored.commitments))
    if "people" in editable:
        changes["people"] = stored.people + tuple(unique(new.people, lambda p: p.name.casefold(), stored.people))
    if "summary" in editable and not stored.summary and new.summary:
        changes["summary"] = new.summary
    merged = stored.replace(**changes)
    evidence = remap_evidence(new.evidence, new, merged, article_id)
    sources = stored.sources if any(s.article_id == article_id for s in stored.sources) else \
        stored.sources + (Source(article_id),)
    kept = tuple(e for e in stored.evidence if e.article_id != article_id)
    # Spans stay grouped by article, oldest first: the deal's own values come first to a reader.
    ordered = tuple(sorted(kept + evidence, key=lambda e: e.article_id or 0))
    return Combined(merged.replace(sources=sources, evidence=ordered), tuple(conflicts))


def _with_entity(party: Party, entity_id: int | None) -> Party:
    return dataclasses.replace(party, entity_id=entity_id) if entity_id is not None else party


def unique(items: Sequence[_T], key: Callable[[_T], Hashable], present: Sequence[_T] = ()) -> list[_T]:
    """Items whose key is not among `present`'s nor an earlier item's, in order."""
    seen = {key(x) for x in present}
    out = []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            out.append(item)
    return out


def merged_deal(keep: Deal, other: Deal) -> Deal:
    """`keep` with everything `other` adds (a person merging two deals): lists joined, blanks filled, notes kept."""

    def joined(first: tuple[_T, ...], second: tuple[_T, ...],
               key: Callable[[_T], Hashable] = lambda x: x) -> tuple[_T, ...]:
        return first + tuple(unique(second, key, first))

    if not other.notes or other.notes == keep.notes:
        notes = keep.notes
    else:
        notes = f"{keep.notes}\n{other.notes}" if keep.notes else other.notes
    return keep.replace(
        parties=joined(keep.parties, other.parties, lambda p: p.name.casefold()),
        amounts=joined(keep.amounts, other.amounts, lambda a: (a.value, a.currency)),
        sectors=joined(keep.sectors, other.sectors),
        commitments=joined(keep.commitments, other.commitments, lambda c: c.text),
        people=joined(keep.people, other.people, lambda p: p.name.casefold()),
        sources=joined(keep.sources, other.sources, lambda s: s.article_id),
        evidence=joined(keep.evidence, other.evidence, lambda e: (e.field, e.start, e.end, e.article_id)),
        needs_review=joined(keep.needs_review, other.needs_review),
        date=keep.date or other.date,
        date_precision=keep.date_precision if keep.date else other.date_precision,
        location=keep.location or other.location,
        summary=keep.summary or other.summary,
        notes=notes,
    )


def _date_change(stored: Deal, new: Deal) -> str | None:
    """Whether a new date fills or sharpens the stored one ("fill"), says nothing new (None) or differs ("conflict")."""
    if not new.date:
        return None
    old_span = date_span(stored.date, stored.date_precision)
    new_span = date_span(new.date, new.date_precision)
    if old_span is None:
        return "fill"
    if new_span is None or (stored.date, stored.date_precision) == (new.date, new.date_precision):
        return None
    if old_span[0] <= new_span[0] and new_span[1] <= old_span[1]:
        return "fill" if new_span != old_span else None
    if new_span[0] <= old_span[0] and old_span[1] <= new_span[1]:
        return None  # the new report is vaguer: nothing to add
    return "conflict"


def _amount_change(stored: Sequence[Amount], new: Sequence[Amount]) -> tuple[Amount, ...] | None:
    """Amounts in currencies the stored deal lacks; None when a currency both state has different figures."""
    added = []
    for currency in dict.fromkeys(a.currency for a in new):
        theirs = [a for a in new if a.currency == currency]
        ours = [a for a in stored if a.currency == currency]
        if not ours:
            added += theirs
        elif not all(any(_close(t.value, o.value, SAME_AMOUNT) for o in ours) for t in theirs):
            return None
    return tuple(added)


def party_key(party: Party) -> Hashable:
    return party.entity_id if party.entity_id is not None else fold_name(party.name)


def remap_evidence(evidence: Sequence[Evidence], source: Deal, target: Deal,
                   article_id: int | None = None) -> tuple[Evidence, ...]:
    """Evidence of `source`'s fields renumbered for `target`: parties[i] and amounts[i] follow their party
    and amount, and a span whose item `target` lacks is dropped. `article_id`, when given, is set on each."""
    party_at: dict[Hashable, int] = {}
    for j, party in enumerate(target.parties):
        party_at.setdefault(party_key(party), j)
        party_at.setdefault(fold_name(party.name), j)
    out = []
    for ev in evidence:
        field, index = _indexed(ev.field)
        if field == "parties" and index is not None:
            if index >= len(source.parties):
                continue
            party = source.parties[index]
            at = party_at.get(party_key(party), party_at.get(fold_name(party.name)))
            if at is None:
                continue
            ev = Evidence(f"parties[{at}]", ev.start, ev.end, ev.confidence, ev.article_id)
        elif field == "amounts" and index is not None:
            if index >= len(source.amounts):
                continue
            amount = source.amounts[index]
            found = [j for j, a in enumerate(target.amounts)
                     if a.currency == amount.currency and _close(a.value, amount.value, SAME_AMOUNT)]
            if not found:
                continue
            ev = Evidence(f"amounts[{found[0]}]", ev.start, ev.end, ev.confidence, ev.article_id)
        if article_id is not None:
            ev = Evidence(ev.field, ev.start, ev.end, ev.confidence, article_id)
        out.append(ev)
    return tuple(out)


def _indexed(field: str) -> tuple[str, int | None]:
    name, bracket, rest = field.partition("[")
    if bracket and rest.endswith("]") and rest[:-1].isdigit():
        return name, int(rest[:-1])
    return field, None


# What field_values stores for each field (JSON), and what field_alternatives hands out (model values).

def value_json(deal: Deal, field: str) -> Any:
    if field == "type":
        return str(deal.type)
    if field == "date":
        return [deal.date, str(deal.date_precision) if deal.date_precision else None]
    if field == "amounts":
        return [{"value": a.value, "currency": a.currency, "text": a.text, "usd_value": a.usd_value,
                 "qualifier": a.qualifier} for a in deal.amounts]
    if field == "location":
        return deal.location
    raise ValueError(f"{field!r} is not a field whose sources' values are kept ({', '.join(ALTERNATIVE_FIELDS)})")


def value_from_json(field: str, data: Any) -> Any:
    """A field_values value as a model value: DealType; (ISO date, Precision or None); tuple of Amount; str."""
    if field == "type":
        return DealType(data)
    if field == "date":
        return data[0], Precision(data[1]) if data[1] else None
    if field == "amounts":
        return tuple(Amount(**a) for a in data)
    return data


def with_value(deal: Deal, field: str, value: Any) -> Deal:
    """The deal with one field set to a value in field_alternatives' form."""
    if field == "type":
        return deal.replace(type=DealType(value))
    if field == "date":
        if isinstance(value, str):
            # A contract-style date says its precision by its length: 2025-03-04, 2025-03 or 2025.
            precision = {10: Precision.DAY, 7: Precision.MONTH, 4: Precision.YEAR}.get(len(value))
            if precision is None:
                raise ValueError(f"not a date of the form YYYY-MM-DD, YYYY-MM or YYYY: {value!r}")
            value = (value + "-01-01"[len(value) - 4:] if len(value) < 10 else value, precision)
        date, precision = value if value is not None else (None, None)
        return deal.replace(date=date, date_precision=Precision(precision) if precision else None)
    if field == "amounts":
        return deal.replace(amounts=tuple(value))
    if field == "location":
        return deal.replace(location=value)
    raise ValueError(f"{field!r} is not a field whose sources' values are kept ({', '.join(ALTERNATIVE_FIELDS)})")
