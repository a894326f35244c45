"""The deal vocabulary shared by the parser, the store and the window: frozen dataclasses and enums."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class DealType(StrEnum):
    MOU = "mou"
    INVESTMENT = "investment"
    ACQUISITION = "acquisition"
    MERGER = "merger"
    JOINT_VENTURE = "joint_venture"
    PARTNERSHIP = "partnership"
    FUNDING_ROUND = "funding_round"
    FINANCING = "financing"
    CONTRACT = "contract"
    GRANT = "grant"
    OTHER = "other"


class PartyKind(StrEnum):
    COMPANY = "company"
    GOVERNMENT = "government"
    FUND = "fund"
    ORGANIZATION = "organization"
    PERSON = "person"


class Status(StrEnum):
    RUMOURED = "rumoured"
    MOU = "mou"
    ANNOUNCED = "announced"
    SIGNED = "signed"
    COMPLETED = "completed"
    TERMINATED = "terminated"


class Precision(StrEnum):
    """How much of a date the article fixes; `week` is a day known only to within a few days."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


# Characters of an ISO date that each precision keeps in the contract's JSON.
_CONTRACT_DATE_LENGTH = {
    Precision.DAY: 10,
    Precision.WEEK: 10,
    Precision.MONTH: 7,
    Precision.QUARTER: 4,
    Precision.HALF: 4,
    Precision.YEAR: 4,
}

ROLES = (
    "investor", "acquirer", "target", "seller", "buyer", "partner", "lender", "borrower",
    "recipient", "government", "customer", "supplier", "vehicle", "other",
)


@dataclass(frozen=True)
class Evidence:
    """Where one extracted field came from: characters [start, end) of the article text."""

    field: str
    start: int
    end: int
    confidence: float = 1.0
    article_id: int | None = None


@dataclass(frozen=True)
class Party:
    name: str
    kind: PartyKind = PartyKind.COMPANY
    role: str = "partner"
    aliases: tuple[str, ...] = ()
    country: str | None = None
    entity_id: int | None = None

    def to_contract(self) -> dict[str, Any]:
        return {"name": self.name, "kind": str(self.kind), "role": self.role}


@dataclass(frozen=True)
class UsdValue:
    """An amount in US dollars and where that figure came from (core.fx): the store fills it, a person may override it."""

    value: float
    source: str  # "usd" (already dollars), "article" (its own conversion), "ecb", "peg", "person"
    rate: float | None = None  # US dollars per unit of the amount's currency
    rate_date: str | None = None  # ISO date of the ECB rate used


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str
    text: str = ""
    usd_value: float | None = None  # the article's own conversion ("£500m (US$678m)"), as the parser read it
    qualifier: str | None = None
    usd: UsdValue | None = None  # the value in US dollars at the deal's date, whatever its source

    def to_contract(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "currency": self.currency, "text": self.text}


@dataclass(frozen=True)
class Person:
    name: str
    title: str | None = None
    organization: str | None = None

    def to_contract(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "organization": self.organization}


@dataclass(frozen=True)
class Commitment:
    text: str
    horizon: str | None = None


@dataclass(frozen=True)
class Source:
    """An article that reports a deal, as the deal's detail pane lists it."""

    article_id: int
    title: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class Deal:
    title: str
    type: DealType = DealType.OTHER
    status: Status = Status.ANNOUNCED
    date: str | None = None  # ISO date, full length; `date_precision` says how much of it is known
    date_precision: Precision | None = None
    parties: tuple[Party, ...] = ()
    amounts: tuple[Amount, ...] = ()
    location: str | None = None
    sectors: tuple[str, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    people: tuple[Person, ...] = ()
    summary: str = ""
    notes: str = ""
    needs_review: tuple[str, ...] = ()  # fields the parser was unsure of
    edited: frozenset[str] = frozenset()  # fields a person has edited by hand
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[Source, ...] = ()
    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None
    # The country the store reads from `location` (core.places); not part of the extraction contract.
    country: str | None = None

    def replace(self, **changes: Any) -> Deal:
        return dataclasses.replace(self, **changes)

    @property
    def contract_date(self) -> str | None:
        if not self.date:
            return None
        precision = self.date_precision or Precision.DAY
        return self.date[: _CONTRACT_DATE_LENGTH[precision]]

    @property
    def usd_value(self) -> float | None:
        """The deal's headline US-dollar figure: its first amount that has one (filled, in dollars or stated)."""
        for amount in self.amounts:
            if amount.usd is not None:
                return amount.usd.value
            if amount.currency == "USD":
                return amount.value
            if amount.usd_value is not None:
                return amount.usd_value
        return None

    def to_contract(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "type": str(self.type),
            "date": self.contract_date,
            "parties": [p.to_contract() for p in self.parties],
            "amounts": [a.to_contract() for a in self.amounts],
            "location": self.location,
            "sectors": list(self.sectors),
            "commitments": [c.text for c in self.commitments],
            "people": [p.to_contract() for p in self.people],
        }


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    source_path: str | None = None
    deals: tuple[Deal, ...] = ()
    id: int | None = None
    imported_at: str | None = None
    text_hash: str | None = None

    def replace(self, **changes: Any) -> Article:
        return dataclasses.replace(self, **changes)

    def to_contract(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "deals": [d.to_contract() for d in self.deals],
        }


@dataclass(frozen=True)
class ImportOutcome:
    """What storing one article did: the store's answer to `add_article`."""

    article_id: int | None
    added: tuple[int, ...] = ()  # new deal ids
    merged: tuple[int, ...] = ()  # existing deal ids that gained this article as a source
    already_imported: bool = False
    # What the store needs to take the import back (Store.remove_import); opaque to everyone else.
    journal: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class ReparseOutcome:
    """What running the current parser again over a stored article changed."""

    article_id: int
    updated: tuple[int, ...] = ()  # deals of the article whose fields the parser changed
    unchanged: tuple[int, ...] = ()
    added: tuple[int, ...] = ()  # deals the parser finds now and did not before
    merged: tuple[int, ...] = ()  # other articles' deals that this article's new deals joined
    stale: tuple[int, ...] = ()  # deals the parser no longer finds: left as they are
    kept_edits: tuple[tuple[int, str], ...] = ()  # (deal id, field): a person's value the parser left alone
    journal: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class DealQuery:
    """What the deal list shows: search words, filters and sort, turned into SQL by the store."""

    search: str = ""
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()
    parties: tuple[int, ...] = ()  # entity ids
    periods: tuple[str, ...] = ()  # "2025", "2025-H2", "2025-Q3" or "2025-09": the deals dated within one
    needs_review: bool = False
    watched: bool = False  # only deals that match a watch (core.store.watches)
    inbox: bool = False  # only deals from feeds that no one has accepted yet
    include_deleted: bool = False
    sort: str = "date"  # a column key the store knows
    descending: bool = True
    currency: str = "USD"  # the display currency: rows, the "usd" sort and totals are in it (core.store.display)
