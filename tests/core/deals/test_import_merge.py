"""One deal from several articles: matching rules, two sources, values the sources disagree on, and splitting."""

from __future__ import annotations

import pytest

from core.errors import DealsError
from core.importer import store_article
from core.deals.merge import Facts, match_score
from core.model import Amount, Article, Deal, DealType, Evidence, Party, Precision
from core.store import Store
from import_samples import (
    KESTREL, KESTREL_AGAIN, NORTHWIND, NORTHWIND_AGAIN, NORTHWIND_CONTRACT, NORTHWIND_DIFFERENT, fts_ok, parsed,
    search,
)


def report(text: str, *deals: Deal) -> Article:
    return Article(text, title=text[:20], published="2025-06-01", deals=deals)


def deal(*names: str, type: DealType = DealType.INVESTMENT, date: str | None = "2025-05-10",
         amounts: tuple[Amount, ...] = (), location: str | None = None) -> Deal:
    return Deal(f"{' and '.join(names)} deal", type=type, date=date, date_precision=Precision.DAY if date else None,
                parties=tuple(Party(n) for n in names), amounts=amounts, location=location)


def usd(value: float) -> tuple[Amount, ...]:
    return (Amount(value, "USD", f"${value:,.0f}"),)


def second_merges(store: Store, first: Deal, second: Deal) -> bool:
    stored = store.add_article(report("The first report of the deal.", first), merge=True)
    again = store.add_article(report("A second report, in other words.", second), merge=True)
    assert stored.added and (again.merged or again.added)
    return again.merged == stored.added


# The rules

def test_two_reports_of_two_parties_within_the_window_merge(store: Store) -> None:
    assert second_merges(store, deal("Alder Bank", "Birch Power"), deal("Birch Power", "Alder Bank", date="2025-06-20"))


def test_dates_more_than_45_days_apart_are_two_deals(store: Store) -> None:
    later = deal("Alder Bank", "Birch Power", date="2025-07-10")
    assert not second_merges(store, deal("Alder Bank", "Birch Power"), later)


def test_an_unknown_date_without_an_amount_is_offered_not_merged(store: Store) -> None:
    # It used to merge: with one date unknown nothing but the names tied the two (see test_merge_principals).
    assert not second_merges(store, deal("Alder Bank", "Birch Power"), deal("Alder Bank", "Birch Power", date=None))
    assert [d.deal_id for d in store.possible_duplicates(1)] == [2]


def test_a_month_covers_the_days_in_it(store: Store) -> None:
    month = Deal("Alder and Birch", type=DealType.INVESTMENT, date="2025-03-01", date_precision=Precision.MONTH,
                 parties=(Party("Alder Bank"), Party("Birch Power")))
    assert second_merges(store, month, deal("Alder Bank", "Birch Power", date="2025-04-30"))


def test_one_shared_party_of_two_each_is_not_enough(store: Store) -> None:
    assert not second_merges(store, deal("Alder Bank", "Birch Power"), deal("Alder Bank", "Cedar Rail"))


def test_a_lone_party_needs_a_date_or_an_amount_to_agree(store: Store) -> None:
    assert second_merges(store, deal("Alder Bank", "Birch Power"), deal("Alder Bank"))
    other = Store.in_memory()
    assert not second_merges(other, deal("Alder Bank", "Birch Power", date=None), deal("Alder Bank", date=None))
    other.close()


@pytest.mark.parametrize("first, second, same", [
    (DealType.ACQUISITION, DealType.ACQUISITION, True),
    (DealType.MOU, DealType.INVESTMENT, True),
    (DealType.PARTNERSHIP, DealType.MOU, True),
    (DealType.ACQUISITION, DealType.MERGER, True),
    (DealType.OTHER, DealType.GRANT, True),
    (DealType.ACQUISITION, DealType.GRANT, False),
    (DealType.FINANCING, DealType.MOU, False),
])
def test_types_must_be_compatible(first: DealType, second: DealType, same: bool) -> None:
    a = Facts((1, 2), first, "2025-05-10", Precision.DAY, ())
    b = Facts((1, 2), second, "2025-05-10", Precision.DAY, ())
    assert (match_score(a, b) is not None) is same


def test_amounts_must_agree_when_both_have_one(store: Store) -> None:
    assert not second_merges(store, deal("Alder Bank", "Birch Power", amounts=usd(100e6)),
                             deal("Alder Bank", "Birch Power", amounts=usd(150e6)))


def test_amounts_within_two_percent_or_with_one_dollar_figure_agree() -> None:
    pounds = (Amount(500e6, "GBP", "£500 million", usd_value=678e6),)
    assert match_score(Facts((1, 2), DealType.INVESTMENT, None, None, pounds),
                       Facts((1, 2), DealType.INVESTMENT, None, None, usd(678e6))) is not None
    assert match_score(Facts((1, 2), DealType.INVESTMENT, None, None, usd(1.2e9)),
                       Facts((1, 2), DealType.INVESTMENT, None, None, usd(1.21e9))) is not None


def test_a_spelling_in_the_registry_is_the_same_party(store: Store) -> None:
    first = deal("Alder Bank plc", "Birch Power")
    second = Deal("Same", type=DealType.INVESTMENT, date="2025-05-11", date_precision=Precision.DAY,
                  parties=(Party("ALDER BANK"), Party("Birch Power Ltd")))
    assert second_merges(store, first, second)


def test_a_deal_in_the_trash_is_not_merged_into(store: Store) -> None:
    first = store.add_article(report("First.", deal("Alder Bank", "Birch Power")), merge=True)
    store.delete_deal(first.added[0])
    assert store.add_article(report("Second.", deal("Alder Bank", "Birch Power")), merge=True).added


def test_without_merge_add_article_keeps_every_deal_apart(store: Store) -> None:
    store.add_article(report("First.", deal("Alder Bank", "Birch Power")))
    assert store.add_article(report("Second.", deal("Alder Bank", "Birch Power"))).added


def test_two_deals_of_one_article_never_fold_into_one_stored_deal(store: Store) -> None:
    store.add_article(report("First.", deal("Alder Bank", "Birch Power")), merge=True)
    outcome = store.add_article(report("Second.", deal("Alder Bank", "Birch Power"),
                                       deal("Birch Power", "Alder Bank")), merge=True)
    assert len(outcome.merged) == 1 and len(outcome.added) == 1


# Two articles of our own about one deal

def test_two_articles_about_one_deal_become_one_deal_with_two_sources(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    second = store_article(store, parsed(store, NORTHWIND_AGAIN))
    assert first.added and second.merged == first.added and not second.added
    merged = store.deal(first.added[0])
    assert [s.article_id for s in merged.sources] == [first.article_id, second.article_id]
    assert [p.name for p in merged.parties] == ["Northwind Energy", "Solvane Grid"]
    assert store.field_alternatives(merged.id) == {}
    assert {e.article_id for e in merged.evidence} == {first.article_id, second.article_id}
    assert any(h.field == "sources" and h.by == "parser" for h in store.history(merged.id))
    assert store.deal_rows([merged.id])[merged.id].sources == 2
    fts_ok(store)
    assert search(store, "portfolio") == [merged.id]  # a word only the second article has


def test_a_later_deal_of_the_same_company_stays_apart(store: Store) -> None:
    store_article(store, parsed(store, NORTHWIND))
    contract = store_article(store, parsed(store, NORTHWIND_CONTRACT))
    assert contract.added and not contract.merged


def test_a_joint_venture_told_twice_merges(store: Store) -> None:
    first = store_article(store, parsed(store, KESTREL))
    second = store_article(store, parsed(store, KESTREL_AGAIN))
    assert second.merged == first.added


def test_the_same_article_twice_is_already_imported(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND, url="https://news.example/northwind"))
    again = store_article(store, parsed(store, "  " + NORTHWIND.replace(" ", "  ")))
    same_page = store_article(store, parsed(store, NORTHWIND_AGAIN, url="https://news.example/northwind"))
    for outcome in (again, same_page):
        assert outcome.already_imported and outcome.article_id == first.article_id
        assert not outcome.added and not outcome.merged
    assert store.article_count() == 1


# Disagreeing sources

def test_a_conflicting_field_shows_both_values_with_their_sources(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    second = store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    deal_id = first.added[0]
    assert second.merged == (deal_id,)
    kept = store.deal(deal_id)
    assert (kept.date, kept.location, kept.amounts[0].value) == ("2025-03-04", "Denver", 1.2e9)
    alternatives = store.field_alternatives(deal_id)
    assert alternatives["date"] == [(("2025-03-04", Precision.DAY), first.article_id),
                                    (("2025-03-05", Precision.DAY), second.article_id)]
    assert alternatives["location"] == [("Denver", first.article_id), ("Boulder", second.article_id)]
    assert [(a[0].value, article) for a, article in alternatives["amounts"]] == [
        (1.2e9, first.article_id), (1.21e9, second.article_id)]
    assert "type" not in alternatives


def test_a_person_chooses_a_value_and_it_is_an_edit(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    deal_id = first.added[0]
    [_, (boulder, _)] = store.field_alternatives(deal_id)["location"]
    [_, (fifth, _)] = store.field_alternatives(deal_id)["date"]
    chosen = store.choose_value(deal_id, "location", boulder)
    chosen = store.choose_value(deal_id, "date", fifth)
    assert (chosen.location, chosen.date, chosen.date_precision) == ("Boulder", "2025-03-05", Precision.DAY)
    assert {"location", "date"} <= chosen.edited
    assert [(h.field, h.new, h.by) for h in store.history(deal_id)[-2:]] == [
        ("location", "Boulder", "person"), ("date", "2025-03-05", "person")]
    assert len(store.field_alternatives(deal_id)["location"]) == 2


def test_a_third_source_that_agrees_is_listed_too(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    third = store_article(store, parsed(store, NORTHWIND_AGAIN))
    locations = store.field_alternatives(first.added[0])["location"]
    assert [value for value, _ in locations] == ["Denver", "Boulder", "Denver"]
    assert locations[2][1] == third.article_id


def test_a_hand_edited_field_is_kept_and_shown_as_a_persons_value(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    deal_id = first.added[0]
    store.save(store.deal(deal_id).replace(location="Golden, Colorado"))
    store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    assert store.deal(deal_id).location == "Golden, Colorado"
    assert store.field_alternatives(deal_id)["location"][0] == ("Golden, Colorado", None)


def test_choosing_a_field_without_sources_values_is_refused(store: Store) -> None:
    deal_id = store.add_deal(Deal("Plain")).id
    assert deal_id is not None
    with pytest.raises(ValueError):
        store.choose_value(deal_id, "title", "Other")


# Not the same deal

def test_split_moves_the_source_and_what_it_brought_into_a_new_deal(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    second = store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    deal_id = first.added[0]
    split = store.split_deal(deal_id, second.article_id or 0)
    kept = store.deal(deal_id)
    assert [s.article_id for s in kept.sources] == [first.article_id]
    assert [s.article_id for s in split.sources] == [second.article_id]
    assert (kept.date, kept.location) == ("2025-03-04", "Denver")
    assert (split.date, split.location, split.amounts[0].value) == ("2025-03-05", "Boulder", 1.21e9)
    assert {p.name for p in split.parties} == {"Northwind Energy", "Solvane Grid"}
    assert {e.article_id for e in split.evidence} == {second.article_id}
    assert {e.article_id for e in kept.evidence} == {first.article_id}
    assert store.field_alternatives(deal_id) == {} and store.field_alternatives(split.id or 0) == {}
    fts_ok(store)
    assert search(store, "Boulder") == [split.id]


def test_split_then_reimport_does_not_merge_again(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    article = parsed(store, NORTHWIND_AGAIN)
    second = store_article(store, article)
    split = store.split_deal(first.added[0], second.article_id or 0)
    store.remove_import(second)  # the article, its split-off deal and its merge are gone
    assert store.article_count() == 1 and [s.article_id for s in store.deal(first.added[0]).sources] == [1]
    with pytest.raises(KeyError):
        store.deal(split.id or 0)
    again = store_article(store, article)
    assert again.added and not again.merged


def test_a_split_deal_refuses_a_lone_source(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    with pytest.raises(DealsError, match="only one source"):
        store.split_deal(first.added[0], first.article_id or 0)
    with pytest.raises(KeyError):
        store.split_deal(first.added[0], 99)


def test_split_drops_parties_only_the_split_source_named() -> None:
    store = Store.in_memory()
    one = store.add_article(report("Alder Bank invests in Birch Power.", deal("Alder Bank", "Birch Power")),
                            merge=True)
    extra = deal("Alder Bank", "Birch Power", "Cedar Rail").replace(
        evidence=(Evidence("parties[2]", 0, 5), Evidence("parties[0]", 6, 10)))
    two = store.add_article(report("Cedar Rail joins Alder Bank's bet on Birch Power.", extra), merge=True)
    assert [p.name for p in store.deal(one.added[0]).parties] == ["Alder Bank", "Birch Power", "Cedar Rail"]
    split = store.split_deal(one.added[0], two.article_id or 0)
    assert [p.name for p in store.deal(one.added[0]).parties] == ["Alder Bank", "Birch Power"]
    assert [p.name for p in split.parties] == ["Alder Bank", "Cedar Rail"]
    assert [e.field for e in split.evidence] == ["parties[1]", "parties[0]"]
    store.close()


def test_a_chosen_date_may_be_written_as_the_contract_writes_it(store: Store) -> None:
    deal_id = store.add_deal(deal("Alder Bank", "Birch Power")).id or 0
    assert (store.choose_value(deal_id, "date", "2025-03").date, store.deal(deal_id).date_precision) == (
        "2025-03-01", Precision.MONTH)
    with pytest.raises(ValueError):
        store.choose_value(deal_id, "date", "March")


def test_undo_split_puts_the_source_back_and_allows_merging_again(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    second = store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    deal_id = first.added[0]
    before = store.deal(deal_id)
    split = store.split_deal(deal_id, second.article_id or 0)
    joined = store.undo_split(deal_id, split.id or 0)
    assert [s.article_id for s in joined.sources] == [first.article_id, second.article_id]
    assert (joined.parties, joined.date, joined.location, joined.amounts) == (
        before.parties, before.date, before.location, before.amounts)
    assert {e.article_id for e in joined.evidence} == {first.article_id, second.article_id}
    assert [v for v, _ in store.field_alternatives(deal_id)["location"]] == ["Denver", "Boulder"]
    assert store.db.execute("SELECT count(*) FROM not_same").fetchone()[0] == 0
    with pytest.raises(KeyError):
        store.deal(split.id or 0)
    fts_ok(store)
