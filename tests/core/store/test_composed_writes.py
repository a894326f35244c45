"""Each composed write of the store is one transaction: a failure in its second step leaves the file as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from core.deals.merge import merged_deal
from core.model import Amount, Article, Deal, DealType, Party, Precision
from core.store import Store, rows
from db_helpers import dump


class Injected(Exception):
    """The failure a test puts into a step of a write."""


def _report(text: str, *names: str, date: str = "2025-05-10") -> Article:
    deal = Deal(f"{' and '.join(names)} deal", type=DealType.INVESTMENT, date=date, date_precision=Precision.DAY,
                parties=tuple(Party(n) for n in names), amounts=(Amount(40e6, "USD", "$40 million"),))
    return Article(text, title=text[:20], published="2025-06-01", deals=(deal,))


@pytest.fixture
def file_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "deals.db")
    yield store
    store.close()


def _fail_on_call(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, number: int) -> None:
    """Make module.name raise Injected on its `number`th call (1-based); earlier calls do their work."""
    original: Callable[..., Any] = getattr(module, name)
    calls = []

    def step(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        if len(calls) == number:
            raise Injected(f"{name} failed")
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, step)


def _unchanged_after_failure(store: Store, monkeypatch: pytest.MonkeyPatch, name: str, number: int,
                             write: Callable[[], object]) -> None:
    assert store.path is not None
    before = dump(store.path)
    _fail_on_call(monkeypatch, rows, name, number)
    with pytest.raises(Injected):
        write()
    monkeypatch.undo()
    assert dump(store.path) == before


def _two_deals(store: Store) -> tuple[int, int]:
    one = store.add_article(_report("Alder Bank invests in Birch Power.", "Alder Bank", "Birch Power")).added[0]
    two = store.add_article(_report("Cedar Fund backs Dune Energy.", "Cedar Fund", "Dune Energy")).added[0]
    return one, two


def test_delete_deals_is_all_or_nothing(file_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = _two_deals(file_store)
    _unchanged_after_failure(file_store, monkeypatch, "set_deleted", 2, lambda: file_store.delete_deals([one, two]))
    file_store.delete_deals([one, two])
    assert file_store.trashed([one, two]) == {one, two}


def test_restore_deals_is_all_or_nothing(file_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = _two_deals(file_store)
    file_store.delete_deals([one, two])
    _unchanged_after_failure(file_store, monkeypatch, "set_deleted", 2, lambda: file_store.restore_deals([one, two]))
    file_store.restore_deals([one, two])
    assert file_store.trashed([one, two]) == set()


def test_merge_deals_saves_and_trashes_in_one_transaction(file_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = _two_deals(file_store)
    keep, other = file_store.deal(one), file_store.deal(two)
    # The merged deal is saved first; the other one's move to the trash fails.
    _unchanged_after_failure(file_store, monkeypatch, "set_deleted", 1, lambda: file_store.merge_deals(keep, other))
    merged = file_store.merge_deals(keep, other)
    assert {p.name for p in merged.parties} == {"Alder Bank", "Birch Power", "Cedar Fund", "Dune Energy"}
    assert file_store.trashed([two]) == {two}


def test_undo_merge_restores_and_saves_in_one_transaction(file_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = _two_deals(file_store)
    keep, other = file_store.deal(one), file_store.deal(two)
    file_store.merge_deals(keep, other)
    _unchanged_after_failure(file_store, monkeypatch, "set_deleted", 1, lambda: file_store.undo_merge(keep, two))
    assert file_store.undo_merge(keep, two).replace(updated_at=None) == keep.replace(updated_at=None)
    assert file_store.trashed([two]) == set()


def test_undo_split_rejoins_and_saves_in_one_transaction(file_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    first = file_store.add_article(_report("The first report of the deal.", "Alder Bank", "Birch Power"), merge=True)
    second = file_store.add_article(
        _report("A second report, in other words.", "Birch Power", "Alder Bank", date="2025-06-20"), merge=True)
    deal_id = first.added[0]
    assert tuple(second.merged) == (deal_id,)
    before = file_store.save(file_store.deal(deal_id).replace(location="Oslo"))  # a hand edit to come back
    split = file_store.split_deal(deal_id, second.article_id or 0)
    _unchanged_after_failure(file_store, monkeypatch, "save_deal", 1,
                             lambda: file_store.undo_split(deal_id, split.id or 0, before=before))
    joined = file_store.undo_split(deal_id, split.id or 0, before=before)
    assert joined.replace(updated_at=None) == before.replace(updated_at=None)


def test_merged_deal_joins_lists_without_repeats_and_fills_blanks() -> None:
    keep = Deal("A", parties=(Party("Alder Bank"),), sectors=("energy",), notes="one")
    other = Deal("B", parties=(Party("alder bank"), Party("Birch Power")), sectors=("energy", "AI"),
                 location="Oslo", notes="two")
    merged = merged_deal(keep, other)
    assert [p.name for p in merged.parties] == ["Alder Bank", "Birch Power"]
    assert merged.sectors == ("energy", "AI")
    assert (merged.title, merged.location, merged.notes) == ("A", "Oslo", "one\ntwo")


def test_several_articles_are_stored_in_one_transaction_or_not_at_all(tmp_path):
    import dataclasses

    from core.extract import parse_text
    from core.store import Store

    store = Store.open(tmp_path / "deals.db")
    good = parse_text("Deal\n\nKestrel Bank lent $5 million to Orlan Power on Monday.\n", published="2025-03-14")
    other = parse_text("Deal\n\nVeldt Foods bought Ashdown Dairies for $9 million.\n", published="2025-03-14")
    # A deal whose party cannot be stored (no name): the whole batch fails, and the first article is not kept.
    broken = dataclasses.replace(other, deals=tuple(dataclasses.replace(d, parties=(None,)) for d in other.deals))
    before = store.article_count()
    try:
        store.add_articles([good, broken], merge=True)
    except Exception:
        pass
    assert store.article_count() == before
    outcomes = store.add_articles([good, other], merge=True)
    assert store.article_count() == before + 2
    store.remove_imports(outcomes)
    assert store.article_count() == before
    store.close()
