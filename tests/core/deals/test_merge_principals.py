"""Merging rests on the principal parties and on known, close dates or a matching amount; the rest is offered."""

from __future__ import annotations

from core.deals.merge import Facts, compare, is_principal
from core.model import Amount, Article, Deal, DealType, Party, PartyKind, Precision
from core.store import Store

LENDERS = ("Harrow Savings Bank", "Quayside Credit", "Fenmark Bank")


def article(text: str, *deals: Deal) -> Article:
    return Article(text, title=text.split(".")[0], published="2025-06-01", deals=deals)


def loan(borrower: str, date: str | None, amounts: tuple[Amount, ...] = ()) -> Deal:
    lenders = tuple(Party(n, PartyKind.COMPANY, "lender") for n in LENDERS)
    return Deal(f"{borrower} loan", type=DealType.FINANCING, date=date,
                date_precision=Precision.DAY if date else None,
                parties=(Party(borrower, role="borrower"), *lenders), amounts=amounts)


def takeover(date: str | None, amounts: tuple[Amount, ...] = ()) -> Deal:
    return Deal("Gorse Metals buys Tansy Labs", type=DealType.ACQUISITION, date=date,
                date_precision=Precision.DAY if date else None,
                parties=(Party("Gorse Metals", role="acquirer"), Party("Tansy Labs", role="target")),
                amounts=amounts)


def usd(value: float) -> tuple[Amount, ...]:
    return (Amount(value, "USD", f"${value:,.0f}"),)


def two_reports(store: Store, first: Deal, second: Deal) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    one = store.add_article(article("The first outlet's story. It tells one deal.", first), merge=True)
    two = store.add_article(article("Another outlet's story. Other words, same news.", second), merge=True)
    return one.added, two.added, two.merged


def offered(store: Store, deal_id: int) -> list[int]:
    return [d.deal_id for d in store.possible_duplicates(deal_id)]


def test_two_loans_sharing_three_lenders_stay_two_deals_and_are_not_offered(store: Store) -> None:
    mine = loan("Corrie Copper Mining", "2025-05-12", usd(400e6))
    servers = loan("Ledgerline Data Centres", None)
    first, second, merged = two_reports(store, mine, servers)
    assert not merged and len(first) == len(second) == 1
    assert store.deal(first[0]).parties[0].name == "Corrie Copper Mining"
    assert store.deal(second[0]).parties[0].name == "Ledgerline Data Centres"
    assert offered(store, first[0]) == [] and offered(store, second[0]) == []


def test_two_loans_sharing_lenders_on_one_day_stay_apart_too(store: Store) -> None:
    first, second, merged = two_reports(store, loan("Corrie Copper Mining", "2025-05-12", usd(400e6)),
                                        loan("Ledgerline Data Centres", "2025-05-12", usd(400e6)))
    assert not merged and second and offered(store, first[0]) == []


def test_the_same_acquisition_told_twice_on_close_days_merges(store: Store) -> None:
    first, second, merged = two_reports(store, takeover("2025-05-12"), takeover("2025-05-14"))
    assert merged == first and not second
    assert offered(store, first[0]) == []


def test_same_principals_with_one_date_unknown_and_no_amount_are_offered_not_merged(store: Store) -> None:
    first, second, merged = two_reports(store, takeover("2025-05-12"), takeover(None, usd(90e6)))
    assert not merged and len(second) == 1
    [offer] = store.possible_duplicates(first[0])
    assert (offer.deal_id, offer.title, offer.same) == (second[0], "Gorse Metals buys Tansy Labs", False)
    assert offered(store, second[0]) == [first[0]]


def test_a_matching_amount_stands_in_for_an_unknown_date(store: Store) -> None:
    first, second, merged = two_reports(store, takeover("2025-05-12", usd(90e6)), takeover(None, usd(90.5e6)))
    assert merged == first and not second


def test_the_same_lender_backing_two_borrowers_is_never_one_deal() -> None:
    one = Facts((1, 2), DealType.FINANCING, "2025-05-12", Precision.DAY, usd(5e6), ("lender", "borrower"))
    two = Facts((1, 3), DealType.FINANCING, "2025-05-12", Precision.DAY, usd(5e6), ("lender", "borrower"))
    lender_only = Facts((1,), DealType.FINANCING, "2025-05-12", Precision.DAY, usd(5e6), ("lender",))
    assert compare(one, two) is None and compare(one, lender_only) is None


def test_an_investor_in_a_pact_is_a_partner() -> None:
    assert not is_principal("investor", DealType.INVESTMENT) and is_principal("investor", DealType.MOU)
    assert not is_principal("Lender", DealType.MOU) and is_principal("seller", DealType.ACQUISITION)
    pact = Facts((1, 2), DealType.MOU, "2025-09-22", Precision.DAY, (), ("investor", "government"))
    told_again = Facts((1, 2), DealType.PARTNERSHIP, "2025-09-23", Precision.DAY, (), ("partner", "partner"))
    found = compare(pact, told_again)
    assert found is not None and found.same


def test_deals_of_one_article_are_never_offered(store: Store) -> None:
    outcome = store.add_article(article("Two deals in one story. Both untold dates.",
                                        takeover(None), takeover(None, usd(9e6))), merge=True)
    assert len(outcome.added) == 2 and offered(store, outcome.added[0]) == []


def test_not_duplicates_stops_the_offer_and_taking_it_back_restores_it(store: Store) -> None:
    first, second, _ = two_reports(store, takeover("2025-05-12"), takeover(None))
    store.set_not_duplicates(second[0], first[0])
    assert offered(store, first[0]) == [] and offered(store, second[0]) == []
    store.set_not_duplicates(first[0], second[0], apart=False)
    assert offered(store, first[0]) == [second[0]]


def test_a_deal_in_the_trash_or_split_off_is_not_offered(store: Store) -> None:
    first, second, _ = two_reports(store, takeover("2025-05-12"), takeover(None))
    store.delete_deal(second[0])
    assert offered(store, first[0]) == []
    other = Store.in_memory()
    first, _, merged = two_reports(other, takeover("2025-05-12"), takeover("2025-05-13"))
    split = other.split_deal(first[0], other.deal(first[0]).sources[1].article_id)
    assert merged and offered(other, first[0]) == [] and offered(other, split.id or 0) == []
    other.close()


def test_merging_an_offer_and_undoing_it_brings_the_offer_back(store: Store) -> None:
    first, second, _ = two_reports(store, takeover("2025-05-12"), takeover(None))
    keep, other = store.deal(first[0]), store.deal(second[0])
    merged = store.merge_deals(keep, other)
    assert len(merged.sources) == 2 and offered(store, first[0]) == []
    store.undo_merge(keep, other.id or 0)
    assert offered(store, first[0]) == [second[0]]


def test_an_undone_import_takes_its_not_duplicates_with_it(store: Store) -> None:
    store.add_article(article("The first outlet's story. It tells one deal.", takeover("2025-05-12")), merge=True)
    later = store.add_article(article("A later story. Same news.", takeover(None)), merge=True)
    store.set_not_duplicates(1, later.added[0])
    store.remove_import(later)
    assert store.db.execute("SELECT count(*) FROM not_duplicates").fetchone()[0] == 0
