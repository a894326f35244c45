"""Store round-trips: articles and deals in and out, save diffs and history, the trash, atomic imports."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from core.deals.fields import TRACKED_FIELDS
from core.model import (
    UsdValue,
    Amount, Article, Commitment, Deal, DealQuery, DealType, Evidence, Party, PartyKind, Person, Precision,
    Source, Status,
)
from core.store import Store, rows

TEXT = (
    "BlackRock and South Korea signed a memorandum of understanding in New York on Monday, "
    "September 22, to develop AI data centres. BlackRock CEO Larry Fink attended."
)


def full_deal() -> Deal:
    """A deal with every field the store keeps set to something other than its default."""
    return Deal(
        title="BlackRock and South Korea sign AI MoU",
        type=DealType.MOU,
        status=Status.SIGNED,
        date="2025-09-22",
        date_precision=Precision.DAY,
        parties=(
            Party("BlackRock Inc.", PartyKind.FUND, "investor", aliases=("BLK",), country="US"),
            Party("South Korea", PartyKind.GOVERNMENT, "government", country="KR"),
        ),
        amounts=(
            Amount(500_000_000, "GBP", "£500 million", usd_value=678_000_000, qualifier="up to"),
            Amount(12.5, "USD", "US$12.5"),
        ),
        location="New York",
        sectors=("AI infrastructure", "renewable energy"),
        commitments=(Commitment("develop AI data centres", "2030"), Commitment("share research")),
        people=(Person("Larry Fink", "CEO", "BlackRock"), Person("Lee Jae Myung", "President")),
        summary="An MoU on AI data centres.",
        notes="Check the date.",
        needs_review=("date", "amounts"),
        evidence=(Evidence("type", 26, 62, 0.9), Evidence("date", 78, 98, 0.5)),
    )


def article(text: str = TEXT, *deals: Deal, url: str | None = None) -> Article:
    return Article(text, title="Korea eyes AI", publisher="CoinCentral", url=url,
                   published="2025-09-23", source_path="/tmp/korea.txt", deals=deals)


def test_full_deal_round_trips_through_add_article(store: Store) -> None:
    outcome = store.add_article(article(TEXT, full_deal()))
    assert outcome.article_id is not None
    stored = store.deal(outcome.added[0])
    entity_ids = {e.name: e.id for e in store.entities()}
    expected = full_deal().replace(
        parties=tuple(dataclasses.replace(p, entity_id=entity_ids[p.name]) for p in full_deal().parties),
        evidence=tuple(Evidence(e.field, e.start, e.end, e.confidence, outcome.article_id)
                       for e in full_deal().evidence),
        sources=(Source(outcome.article_id, "Korea eyes AI", None, "2025-09-23", "CoinCentral"),),
        id=stored.id,
        created_at=stored.created_at,
        updated_at=stored.updated_at,
        country="United States",  # the store reads it from the location, New York
    )
    # The store adds each amount's US-dollar value (core.fx): the article's own conversion, or dollars already.
    assert [a.usd for a in stored.amounts] == [UsdValue(678e6, "article", 1.356), UsdValue(12.5, "usd", 1.0)]
    assert stored.replace(amounts=tuple(dataclasses.replace(a, usd=None) for a in stored.amounts)) == expected
    assert stored.created_at and stored.edited == frozenset()


def test_article_round_trips_without_its_deals(store: Store) -> None:
    outcome = store.add_article(article(TEXT, full_deal(), url="https://example.com/korea"))
    stored = store.article(outcome.article_id or 0)
    assert (stored.text, stored.title, stored.publisher, stored.url, stored.published, stored.source_path) == (
        TEXT, "Korea eyes AI", "CoinCentral", "https://example.com/korea", "2025-09-23", "/tmp/korea.txt")
    assert stored.deals == () and stored.imported_at and stored.text_hash
    assert store.articles_for_deal(outcome.added[0]) == [stored]
    assert store.article_count() == 1


def test_every_deal_of_an_article_is_added_with_the_article_as_source(store: Store) -> None:
    outcome = store.add_article(article(TEXT, full_deal(), Deal("Second deal"), Deal("Third deal")))
    assert len(outcome.added) == 3 and not outcome.already_imported and outcome.merged == ()
    for deal_id in outcome.added:
        assert [s.article_id for s in store.deal(deal_id).sources] == [outcome.article_id]
    assert store.deal_rows(outcome.added)[outcome.added[0]].sources == 1


def test_same_article_twice_is_already_imported_and_writes_nothing(store: Store) -> None:
    first = store.add_article(article(TEXT, full_deal()))
    again = store.add_article(article("  " + TEXT.upper().replace(" ", "\n  "), full_deal()))
    assert again.already_imported and again.article_id == first.article_id and again.added == ()
    assert store.article_count() == 1
    assert store.count_deals(DealQuery()) == 1


def test_same_url_is_already_imported_even_with_other_text(store: Store) -> None:
    first = store.add_article(article(TEXT, url="https://example.com/a"))
    again = store.add_article(article("A later version of the page.", url="https://example.com/a"))
    assert again == again.__class__(article_id=first.article_id, already_imported=True)


def test_import_failing_midway_leaves_no_trace(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    real = rows.resolve_person

    def fail_on_second_deal(db: object, name: str) -> int:
        if name == "Nobody":
            raise RuntimeError("power cut")
        return real(db, name)  # type: ignore[arg-type]

    monkeypatch.setattr(rows, "resolve_person", fail_on_second_deal)
    broken = Deal("Second", people=(Person("Nobody"),))
    with pytest.raises(RuntimeError, match="power cut"):
        store.add_article(article(TEXT, full_deal(), broken))
    for table in ("articles", "deals", "entities", "aliases", "people", "deal_parties", "amounts",
                  "deal_sources", "evidence", "history"):
        assert store.db[table].count == 0, table
    assert store.db.execute("SELECT count(*) FROM deals_fts").fetchone()[0] == 0
    monkeypatch.undo()
    assert store.add_article(article(TEXT, full_deal())).added == (1,)


def test_save_writes_only_changed_fields_with_history_and_edited(store: Store) -> None:
    deal = store.deal(store.add_article(article(TEXT, full_deal())).added[0])
    parser_rows = len(store.history(deal.id or 0))
    saved = store.save(deal.replace(title="BlackRock–Korea MoU", sectors=("AI",), location=None))
    assert saved.title == "BlackRock–Korea MoU" and saved.sectors == ("AI",) and saved.location is None
    assert saved.edited == {"title", "sectors", "location"}
    assert saved.updated_at is not None
    new_rows = store.history(deal.id or 0)[parser_rows:]
    assert [(h.field, h.old, h.new, h.by) for h in new_rows] == [
        ("title", "BlackRock and South Korea sign AI MoU", "BlackRock–Korea MoU", "person"),
        ("location", "New York", None, "person"),
        ("sectors", ["AI infrastructure", "renewable energy"], ["AI"], "person"),
    ]
    assert saved.country is None  # the location went, and its country with it
    assert saved.replace(title=deal.title, sectors=deal.sectors, location=deal.location, edited=frozenset(),
                         updated_at=deal.updated_at, country=deal.country) == deal


def test_history_old_and_new_are_json_text_in_the_table(store: Store) -> None:
    deal = store.add_deal(Deal("A", sectors=("AI",)))
    store.save(deal.replace(sectors=("AI", "energy")))
    row = store.db.execute("SELECT old, new FROM history WHERE field = 'sectors' AND old IS NOT NULL").fetchone()
    assert row == ('["AI"]', '["AI", "energy"]')


def test_save_without_changes_writes_nothing(store: Store) -> None:
    deal = store.deal(store.add_article(article(TEXT, full_deal())).added[0])
    rows = len(store.history(deal.id or 0))
    assert store.save(deal) == deal
    assert store.save(deal.replace(sectors=list(deal.sectors))) == deal  # type: ignore[arg-type]
    assert len(store.history(deal.id or 0)) == rows


def test_save_diffs_list_fields(store: Store) -> None:
    deal = store.deal(store.add_article(article(TEXT, full_deal())).added[0])
    saved = store.save(deal.replace(
        parties=deal.parties[:1] + (Party("Nvidia", role="partner"),),
        amounts=(Amount(1e9, "USD", "$1 billion"),),
        commitments=(),
        people=(Person("Jensen Huang", "CEO", "Nvidia"),),
        needs_review=(),
    ))
    assert [p.name for p in saved.parties] == ["BlackRock Inc.", "Nvidia"]
    assert saved.amounts == (Amount(1e9, "USD", "$1 billion", usd=UsdValue(1e9, "usd", 1.0)),)
    assert saved.commitments == ()
    assert saved.people == (Person("Jensen Huang", "CEO", "Nvidia"),) and saved.needs_review == ()
    assert saved.edited == {"parties", "amounts", "commitments", "people", "needs_review"}
    row = store.deal_rows([deal.id or 0])[deal.id or 0]
    assert (row.parties, row.value, row.currency, row.usd_value) == ("BlackRock Inc., Nvidia", 1e9, "USD", 1e9)


def test_parser_save_never_overwrites_a_hand_edited_field(store: Store) -> None:
    deal = store.deal(store.add_article(article(TEXT, full_deal())).added[0])
    edited = store.save(deal.replace(title="Fixed by hand"))
    reparsed = store.save(edited.replace(title="Parser title", summary="Parser summary"), by="parser")
    assert reparsed.title == "Fixed by hand" and reparsed.summary == "Parser summary"
    assert reparsed.edited == {"title"}
    assert store.history(deal.id or 0)[-1].by == "parser"


def test_undo_by_saving_the_before_copy_restores_the_value(store: Store) -> None:
    before = store.add_deal(Deal("Old name", parties=(Party("Microsoft"),)))
    after = store.save(before.replace(title="New name"))
    restored = store.save(before)
    assert after.title == "New name" and restored.title == "Old name"


def test_save_with_edited_sets_the_hand_edit_marks_exactly(store: Store) -> None:
    before = store.deal(store.add_article(article(TEXT, full_deal())).added[0])
    after = store.save(before.replace(title="Fixed by hand"))
    assert after.edited == {"title"}
    undone = store.save(before, edited=before.edited)  # the window's undo of that edit
    assert undone.title == before.title and undone.edited == frozenset()
    assert (store.history(before.id or 0)[-1].field, store.history(before.id or 0)[-1].new) == ("edited", [])
    reparsed = store.save(undone.replace(title="Parser title"), by="parser")
    assert reparsed.title == "Parser title"  # no longer a hand edit, so the parser may change it
    redone = store.save(after, edited=after.edited)
    assert redone.title == "Fixed by hand" and redone.edited == {"title"}
    rows = len(store.history(before.id or 0))
    assert store.save(redone, edited=redone.edited) == redone  # nothing differs: nothing written
    assert len(store.history(before.id or 0)) == rows
    assert store.save(redone, edited=frozenset({"title", "notes"})).edited == {"title", "notes"}


def test_save_moves_sources_and_evidence_when_deals_are_merged(store: Store) -> None:
    one = store.add_article(article(TEXT, Deal("One", evidence=(Evidence("title", 0, 9),))))
    two = store.add_article(article("Another article about the same MoU.", Deal("Two")))
    keep = store.deal(one.added[0])
    other = store.deal(two.added[0])
    merged = store.save(keep.replace(sources=keep.sources + other.sources,
                                     evidence=keep.evidence + (Evidence("title", 1, 4, 1.0, two.article_id),)))
    assert [s.article_id for s in merged.sources] == [one.article_id, two.article_id]
    assert len(merged.evidence) == 2 and "sources" not in merged.edited
    assert store.deal_rows([keep.id or 0])[keep.id or 0].sources == 2
    assert store.history(keep.id or 0)[-1].field == "sources"
    assert store.save(keep).sources == keep.sources


def test_save_of_a_deal_without_id_adds_it(store: Store) -> None:
    saved = store.save(Deal("Hand-made deal", type=DealType.GRANT))
    assert saved.id is not None and saved.edited == {"title", "type", "status"}
    assert [h.by for h in store.history(saved.id)] == ["person"] * 3


def test_add_deal_records_a_person_and_every_filled_field_as_edited(store: Store) -> None:
    added = store.add_deal(full_deal().replace(evidence=()))
    assert added.edited == set(TRACKED_FIELDS)
    assert store.deal(added.id or 0) == added


def test_delete_moves_to_trash_and_restore_brings_it_back(store: Store) -> None:
    deal = store.add_deal(Deal("Trashable"))
    store.delete_deal(deal.id or 0)
    assert store.count_deals(DealQuery()) == 0
    assert store.deal_ids(DealQuery(include_deleted=True), 0, 10) == [deal.id]
    assert store.deal(deal.id or 0).title == "Trashable"
    store.restore_deal(deal.id or 0)
    assert store.deal_ids(DealQuery(), 0, 10) == [deal.id]
    assert [h.field for h in store.history(deal.id or 0)][-2:] == ["deleted_at", "deleted_at"]


def test_deleting_twice_records_one_change(store: Store) -> None:
    deal = store.add_deal(Deal("Once"))
    store.delete_deal(deal.id or 0)
    store.delete_deal(deal.id or 0)
    assert [h.field for h in store.history(deal.id or 0)].count("deleted_at") == 1


def test_missing_deal_or_article_raises_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.deal(42)
    with pytest.raises(KeyError):
        store.article(42)
    with pytest.raises(KeyError):
        store.delete_deal(42)


def test_iter_deals_yields_every_match_in_order(store: Store) -> None:
    for i in range(450):
        store.add_deal(Deal(f"Deal {i:03d}", date=f"20{i % 30:02d}-01-01"))
    titles = [d.title for d in store.iter_deals(DealQuery(sort="title", descending=False))]
    assert titles == [f"Deal {i:03d}" for i in range(450)]
    assert len(list(store.iter_deals())) == 450


def test_core_store_does_not_import_qt() -> None:
    code = "import sys, core.store, core.store.schema; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
