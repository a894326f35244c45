"""Insights figures on a small real store, each checked against the same figure worked out another way."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from core import insights
from core.model import Amount, Deal, DealQuery, DealType, Party, PartyKind, Precision, Status
from core.store import Store


def _deal(title: str, kind: DealType, date: str | None, precision: Precision | None, parties: list[Party],
          usd: float | None = None, location: str | None = None, sectors: tuple[str, ...] = ()) -> Deal:
    amounts = (Amount(usd, "USD", f"${usd}"),) if usd is not None else ()
    return Deal(title, type=kind, date=date, date_precision=precision, parties=tuple(parties), amounts=amounts,
                location=location, sectors=sectors)


KOREA = Party("Republic of Korea", kind=PartyKind.GOVERNMENT, role="partner")
DEALS = [
    _deal("Arbor buys Lumetric", DealType.ACQUISITION, "2025-09-22", Precision.DAY,
          [Party("Arbor Peak", role="acquirer"), Party("Lumetric", role="target")], 2e9, "Germany", ("software",)),
    _deal("Arbor buys Quill", DealType.ACQUISITION, "2025-09-01", Precision.MONTH,
          [Party("Arbor Peak", role="buyer"), Party("Quill", role="target")], 5e8, "France", ("software", "ai")),
    _deal("Corvane invests in solar", DealType.INVESTMENT, "2025-07-01", Precision.QUARTER,
          [Party("Corvane", role="investor"), Party("Helio Farms", role="recipient")], 3e8, "Spain", ("solar",)),
    _deal("Corvane and Arbor fund Quill", DealType.FUNDING_ROUND, "2024-03-15", Precision.DAY,
          [Party("Corvane", role="investor"), Party("Arbor Peak", role="investor"), Party("Quill", role="recipient")],
          1e8, "France", ("ai",)),
    _deal("Korea and BlackRock MoU", DealType.MOU, "2025-01-01", Precision.YEAR,
          [KOREA, Party("BlackRock", role="partner")], None, "South Korea", ("ai", "energy")),
    _deal("Bank Nordic lends to Helio", DealType.FINANCING, None, None,
          [Party("Bank Nordic", role="lender"), Party("Helio Farms", role="borrower")], 7e7),
    _deal("Trashed acquisition", DealType.ACQUISITION, "2025-09-10", Precision.DAY,
          [Party("Arbor Peak", role="acquirer"), Party("Gone", role="target")], 9e9, "Italy"),
]


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "deals.db") as opened:
        saved = [opened.add_deal(deal) for deal in DEALS]
        opened.delete_deal(saved[-1].id)
        yield opened


def _usd(deal: Deal) -> float:
    return next((a.usd.value for a in deal.amounts if a.usd is not None), 0.0)


def _month(deal: Deal) -> str:
    """The month view's period of a deal, the slow way."""
    assert deal.date is not None
    year, month = deal.date[:4], int(deal.date[5:7])
    precision = deal.date_precision
    if precision == Precision.YEAR:
        return year
    if precision == Precision.HALF:
        return f"{year}-H{1 if month <= 6 else 2}"
    if precision == Precision.QUARTER:
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return deal.date[:7]


def test_flow_by_month_equals_a_count_of_the_listed_deals(store):
    expected: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])
    for deal in store.iter_deals(DealQuery()):
        key = (_month(deal) if deal.date else "", str(deal.type))
        expected[key][0] += 1
        expected[key][1] += _usd(deal)
    rows = insights.flow(store, DealQuery(), "month")
    assert {(r.period, r.type): [r.count, r.usd_total] for r in rows} == expected
    # A deal known only to its quarter or year is never put in that period's first month.
    assert ("2025-Q3", "investment") in expected and ("2025", "mou") in expected
    periods = [r.period for r in rows]
    assert periods == sorted(periods, key=insights.period_key) and periods[-1] == ""


def test_flow_by_year_and_quarter_follow_the_search(store):
    years = {(r.period, r.type): r.count for r in insights.flow(store, DealQuery(search="arbor"), "year")}
    assert years == {("2025", "acquisition"): 2, ("2024", "funding_round"): 1}
    quarters = {r.period for r in insights.flow(store, DealQuery(), "quarter")}
    assert quarters == {"2025-Q3", "2024-Q1", "2025", ""}


def test_breakdowns_equal_counts_of_the_listed_deals(store):
    deals = list(store.iter_deals(DealQuery()))
    by_type = {r.value: (r.count, r.usd_total) for r in insights.breakdown(store, DealQuery(), "type")}
    assert by_type == {t: (sum(1 for d in deals if d.type == t), sum(_usd(d) for d in deals if d.type == t))
                       for t in {str(d.type) for d in deals}}
    sectors = Counter(s for d in deals for s in (d.sectors or ("",)))
    assert {r.value: r.count for r in insights.breakdown(store, DealQuery(), "sector")} == sectors
    places = Counter(d.country or "" for d in deals)
    assert {r.value: r.count for r in insights.breakdown(store, DealQuery(), "country")} == places


@pytest.mark.parametrize("role", sorted(insights.LEAGUE_ROLES))
def test_league_table_equals_a_count_over_every_listed_deal(store, role):
    query = DealQuery()
    counts: Counter[str] = Counter()
    sums: Counter[str] = Counter()
    for deal in store.iter_deals(query):
        names = {p.name for p in deal.parties
                 if p.role in insights.LEAGUE_ROLES[role] or (role == "government" and p.kind == PartyKind.GOVERNMENT)}
        for name in names:  # a party twice in one deal counts it once
            counts[name] += 1
            sums[name] += _usd(deal)
    rows = insights.league(store, query, role)
    assert {r.name: (r.count, r.usd_total) for r in rows} == {n: (counts[n], sums[n]) for n in counts}
    assert [r.count for r in rows] == sorted((r.count for r in rows), reverse=True)
    for row in rows:
        assert store.count_deals(DealQuery(parties=(row.entity_id,))) >= row.count


def test_league_ranks_by_value_and_follows_filters(store):
    by_value = insights.league(store, DealQuery(), "", by="value")
    assert [r.usd_total for r in by_value] == sorted((r.usd_total for r in by_value), reverse=True)
    acquirers = insights.league(store, DealQuery(types=("acquisition",)), "acquirer")
    assert [(r.name, r.count, r.usd_total) for r in acquirers] == [("Arbor Peak", 2, 2.5e9)]  # not the trashed one
    assert insights.league(store, DealQuery(search="nothing-like-this"), "acquirer") == []
    assert insights.league(store, DealQuery(), "investor", limit=1)[0].name == "Corvane"


def test_figures_follow_a_new_deal_and_an_undo(store):
    before = insights.breakdown(store, DealQuery(), "type")
    added = store.add_deal(_deal("Grant to Helio", DealType.GRANT, "2025-02-03", Precision.DAY,
                                 [Party("EU", kind=PartyKind.GOVERNMENT, role="grantor")], 1e6))
    assert ("grant", 1) in {(r.value, r.count) for r in insights.breakdown(store, DealQuery(), "type")}
    assert "EU" in {r.name for r in insights.league(store, DealQuery(), "government")}
    store.delete_deal(added.id)
    assert insights.breakdown(store, DealQuery(), "type") == before


def test_a_period_filter_lists_the_deals_of_a_bar(store):
    for period in ("2025-Q3", "2025-09", "2024", "2025-H2"):
        listed = {d.title for d in store.iter_deals(DealQuery(periods=(period,)))}
        start, end = insights.period_bounds(period)
        assert listed == {d.title for d in store.iter_deals(DealQuery()) if d.date and start <= d.date < end}
    assert store.count_deals(DealQuery(periods=("2025-09",), types=("acquisition",))) == 2
    with pytest.raises(ValueError, match="unknown period"):
        store.count_deals(DealQuery(periods=("2025-13",)))


def test_compute_bundles_every_figure(store):
    found = insights.compute(store, DealQuery(search="corvane"), "quarter", rank_by="value")
    assert sum(r.count for r in found.flow) == store.count_deals(DealQuery(search="corvane")) == 2
    assert set(found.breakdowns) == {"type", "sector", "country"}
    assert [r.name for r in found.leagues["investor"]] == ["Corvane", "Arbor Peak"]


def test_bad_choices_are_refused(store):
    for call in (lambda: insights.flow(store, DealQuery(), "week"),
                 lambda: insights.breakdown(store, DealQuery(), "colour"),
                 lambda: insights.league(store, DealQuery(), "investor", by="size")):
        with pytest.raises(ValueError, match="unknown"):
            call()


def _many_deals(count: int) -> list[Deal]:
    """Deals of every type, precision, sector list and role mix, some without a date or a value."""
    import random

    rnd = random.Random(14)
    kinds, precisions = list(DealType), [None, *Precision]
    names = [f"Party {i}" for i in range(12)]
    roles = ["acquirer", "buyer", "investor", "lender", "partner", "target", "government"]
    deals = []
    for i in range(count):
        precision = rnd.choice(precisions)
        date = None if precision is None else f"{rnd.randint(2019, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        parties = [Party(rnd.choice(names), role=rnd.choice(roles),
                         kind=PartyKind.GOVERNMENT if rnd.random() < 0.15 else PartyKind.COMPANY)
                   for _ in range(rnd.randint(1, 4))]
        usd = None if rnd.random() < 0.3 else float(rnd.randint(1, 500)) * 1e6
        sectors = tuple(rnd.sample(["ai", "solar", "software", "energy"], rnd.randint(0, 2)))
        deals.append(_deal(f"Deal {i}", rnd.choice(kinds), date, precision, parties, usd,
                           rnd.choice([None, "France", "Pune", "Texas"]), sectors))
    return deals


def test_every_live_deal_is_figured_from_the_indexes_as_from_a_selection(tmp_path: Path):
    with Store.open(tmp_path / "many.db") as many:
        saved = [many.add_deal(deal) for deal in _many_deals(300)]
        many.delete_deals([deal.id for deal in saved[::17]])
        whole = insights.compute(many, DealQuery(), "month")
        # No filter: grouped on m012's covering indexes, with no copy of the deals in the temp schema.
        assert not many.db.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'insight_deals'").fetchall()
        every_status = DealQuery(statuses=tuple(Status))  # the same deals, through the selection
        for period in insights.PERIODS:
            assert insights.flow(many, DealQuery(), period) == insights.flow(many, every_status, period)
        assert whole.flow == tuple(insights.flow(many, every_status, "month"))
        for by in insights.BREAKDOWNS:
            assert whole.breakdowns[by] == tuple(insights.breakdown(many, every_status, by))
        for role in whole.leagues:
            assert whole.leagues[role] == tuple(insights.league(many, every_status, role))
            assert insights.league(many, DealQuery(), role, by="value") == insights.league(
                many, every_status, role, by="value")
        assert sum(r.count for r in whole.flow) == many.count_deals(DealQuery()) == 300 - len(saved[::17])
