"""Re-parsing a stored article: hand edits stay exactly as edited, the rest follows the parser, history says so."""

from __future__ import annotations

from core.importer import parse_stored, reparse_article, reparse_deal, store_article
from core.model import Amount, Article, Deal, DealType, Party
from core.store import Store
from import_samples import NORTHWIND, NORTHWIND_AGAIN, NORTHWIND_DIFFERENT, dump, fts_ok, parsed


def older_parser(store: Store, deal_id: int) -> Deal:
    """Make the stored deal look as an older parser read the article."""
    return store.save(store.deal(deal_id).replace(
        title="Northwind buys Solvane", type=DealType.OTHER, summary="An older summary.",
        amounts=(Amount(1.0e9, "USD", "$1 billion"),), sectors=("utilities",),
    ), by="parser")


def test_reparse_keeps_hand_edits_and_updates_the_rest(store: Store) -> None:
    outcome = store_article(store, parsed(store, NORTHWIND))
    deal_id = outcome.added[0]
    fresh = store.deal(deal_id)
    older_parser(store, deal_id)
    edited = store.save(store.deal(deal_id).replace(title="Northwind Energy buys Solvane Grid (hand)",
                                                    location="Denver, Colorado"))
    assert edited.edited == {"title", "location"}
    history_before = len(store.history(deal_id))

    result = reparse_article(store, outcome.article_id or 0)

    after = store.deal(deal_id)
    assert result.updated == (deal_id,) and not result.added and not result.stale
    assert (after.title, after.location) == ("Northwind Energy buys Solvane Grid (hand)", "Denver, Colorado")
    assert after.edited == {"title", "location"}
    assert sorted(result.kept_edits) == [(deal_id, "location"), (deal_id, "title")]
    assert (after.type, after.summary, after.amounts, after.sectors) == (
        fresh.type, fresh.summary, fresh.amounts, fresh.sectors)
    changes = store.history(deal_id)[history_before:]
    assert {h.field for h in changes} == {"type", "summary", "amounts", "sectors"}
    assert all(h.by == "parser" for h in changes)
    assert next(h for h in changes if h.field == "type").old == "other"
    fts_ok(store)


def test_reparse_of_an_unchanged_article_changes_nothing(store: Store) -> None:
    outcome = store_article(store, parsed(store, NORTHWIND))
    before = dump(store)
    result = reparse_article(store, outcome.article_id or 0)
    assert result.unchanged == outcome.added and not result.updated
    assert dump(store) == before


def test_reparse_reads_the_stored_text_as_the_import_did(store: Store) -> None:
    article = parsed(store, NORTHWIND)
    outcome = store_article(store, article)
    again = parse_stored(store.article(outcome.article_id or 0))
    assert [d.to_contract() for d in again] == [d.to_contract() for d in article.deals]
    assert [e.start for e in again[0].evidence] == [e.start for e in article.deals[0].evidence]


def test_reparse_of_a_merged_deal_keeps_the_other_sources_contribution(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    second = store_article(store, parsed(store, NORTHWIND_DIFFERENT))
    deal_id = first.added[0]
    before = store.deal(deal_id)
    assert reparse_article(store, first.article_id or 0).unchanged == (deal_id,)
    assert reparse_article(store, second.article_id or 0).unchanged == (deal_id,)
    after = store.deal(deal_id)
    assert after == before
    assert len(store.field_alternatives(deal_id)["location"]) == 2


def test_reparse_finds_a_deal_that_was_deleted_for_good_and_adds_it(store: Store) -> None:
    outcome = store_article(store, parsed(store, NORTHWIND))
    store.db.execute("DELETE FROM deals WHERE id = ?", [outcome.added[0]])
    result = reparse_article(store, outcome.article_id or 0)
    assert len(result.added) == 1 and not result.updated
    assert store.deal(result.added[0]).parties[0].name == "Northwind Energy"


def test_a_deal_the_parser_no_longer_finds_is_left_alone(store: Store) -> None:
    outcome = store.add_article(parsed(store, NORTHWIND).replace(deals=(
        *parsed(store, NORTHWIND).deals, Deal("A hand-made deal", parties=(Party("Ostrava Steel"),)))))
    result = reparse_article(store, outcome.article_id or 0)
    assert result.stale == (outcome.added[1],)
    assert store.deal(outcome.added[1]).title == "A hand-made deal"


def test_undo_reparse_restores_the_deals_as_they_were(store: Store) -> None:
    outcome = store_article(store, parsed(store, NORTHWIND))
    older_parser(store, outcome.added[0])
    before = dump(store)
    result = reparse_article(store, outcome.article_id or 0)
    assert dump(store) != before
    store.undo_reparse(result)
    assert dump(store) == before
    fts_ok(store)


def test_reparse_after_split_does_not_merge_back(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    second = store_article(store, parsed(store, NORTHWIND_AGAIN))
    split = store.split_deal(first.added[0], second.article_id or 0)
    store.db.execute("DELETE FROM deals WHERE id = ?", [split.id])
    result = reparse_article(store, second.article_id or 0)
    assert len(result.added) == 1 and not result.merged


def test_reparse_of_a_deal_reads_each_of_its_articles(store: Store) -> None:
    first = store_article(store, parsed(store, NORTHWIND))
    second = store_article(store, parsed(store, NORTHWIND_AGAIN))
    older_parser(store, first.added[0])
    outcomes = reparse_deal(store, first.added[0])
    assert [o.article_id for o in outcomes] == [first.article_id, second.article_id]
    assert outcomes[0].updated == first.added
    assert first.added[0] in outcomes[1].updated + outcomes[1].unchanged and not outcomes[1].added
    assert store.deal(first.added[0]).type == DealType.ACQUISITION


# A stored article without a published date: what its import day may and may not decide on a re-parse.
UNDATED = ("Harbin Grid signs Kafue power deal\n\n{dateline}Harbin Grid Corp said on Monday it signed a $300 million "
           "power supply contract with Kafue Power Ltd.\n")


def stored_undated(dateline: str, imported_at: str) -> Article:
    return Article(text=UNDATED.format(dateline=dateline), title="Harbin Grid signs Kafue power deal",
                   imported_at=imported_at)


def test_reparse_leaves_a_bare_weekday_undated_whatever_the_import_day() -> None:
    # The contract: with no published date "on Monday" cannot be placed, and the import day is no stand-in.
    deals = parse_stored(stored_undated("", "2021-06-01T10:00:00"))
    assert deals and all(d.date is None for d in deals)


def test_reparse_places_a_wire_datelines_year_by_the_import_day() -> None:
    # May 9 fell on a Monday in 2016 and 2022: imported in June 2021, the story can only be from 2016.
    deals = parse_stored(stored_undated("May 9 (Reuters) - ", "2021-06-01T10:00:00"))
    assert deals and {d.date for d in deals} == {"2016-05-09"}
