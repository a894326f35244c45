"""QUndoCommands: the only writers of hand edits; push() runs redo(), so a first edit and a redo share one path."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from PySide6.QtGui import QUndoCommand

from core.model import Article, Deal, ImportOutcome, ReparseOutcome
from core.store import Store

OnSaved = Callable[[Deal], None]
OnChanged = Callable[[], None]
_Method = TypeVar("_Method", bound=Callable[..., None])


def _drop_on_failure(method: _Method) -> _Method:
    """A write the store refused changed nothing (it writes in one transaction), so the command is marked
    obsolete and QUndoStack drops it instead of keeping a step that never happened."""

    @functools.wraps(method)
    def wrapper(self: QUndoCommand) -> None:
        try:
            method(self)
        except Exception:
            self.setObsolete(True)
            raise

    return wrapper  # type: ignore[return-value]


def _stored(deal: Deal) -> int:
    """The id of a deal read from the store: commands change stored deals only."""
    if deal.id is None:
        raise ValueError("a deal that is not stored cannot be changed by a command")
    return deal.id


class EditDeal(QUndoCommand):
    """Replace a deal with an edited copy; undo restores the copy taken before, hand-edit marks included."""

    def __init__(self, store: Store, before: Deal, after: Deal, text: str, on_saved: OnSaved) -> None:
        super().__init__(text)  # "Rename party", "Add commitment": shown in the Edit menu
        self._store, self._before, self._after, self._on_saved = store, before, after, on_saved
        # The store marks the edited fields on the first redo; later redos put back exactly that set.
        self._after_edited: frozenset[str] | None = None

    @_drop_on_failure
    def redo(self) -> None:
        saved = self._store.save(self._after, edited=self._after_edited)
        self._after_edited = saved.edited
        self._on_saved(saved)

    @_drop_on_failure
    def undo(self) -> None:
        self._on_saved(self._store.save(self._before, edited=self._before.edited))


class DeleteDeal(QUndoCommand):
    """Move deals to the trash; undo restores them. `on_deleted` and `on_restored` (given the ids) move the
    selection: to the next deal after a delete, to the deals brought back after an undo."""

    def __init__(self, store: Store, deal_ids: Iterable[int], on_changed: OnChanged,
                 on_deleted: Callable[[tuple[int, ...]], None] | None = None,
                 on_restored: Callable[[tuple[int, ...]], None] | None = None) -> None:
        ids = tuple(deal_ids)
        super().__init__("Delete deal" if len(ids) == 1 else f"Delete {len(ids)} deals")
        self._store, self._ids, self._on_changed = store, ids, on_changed
        self._on_deleted, self._on_restored = on_deleted, on_restored

    @_drop_on_failure
    def redo(self) -> None:
        self._store.delete_deals(self._ids)
        self._on_changed()
        if self._on_deleted is not None:
            self._on_deleted(self._ids)

    @_drop_on_failure
    def undo(self) -> None:
        self._store.restore_deals(self._ids)
        self._on_changed()
        if self._on_restored is not None:
            self._on_restored(self._ids)


class RestoreDeal(QUndoCommand):
    """Bring deals back from the trash; undo sends them back."""

    def __init__(self, store: Store, deal_ids: Iterable[int], on_changed: OnChanged) -> None:
        ids = tuple(deal_ids)
        super().__init__("Restore deal" if len(ids) == 1 else f"Restore {len(ids)} deals")
        self._store, self._ids, self._on_changed = store, ids, on_changed

    @_drop_on_failure
    def redo(self) -> None:
        self._store.restore_deals(self._ids)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        self._store.delete_deals(self._ids)
        self._on_changed()


class MergeDeals(QUndoCommand):
    """Fold `other` into `keep`: keep gains the union of both, other goes to the trash; undo reverses both."""

    def __init__(self, store: Store, keep: Deal, other: Deal, on_saved: OnSaved, on_changed: OnChanged) -> None:
        super().__init__("Merge deals")
        self._store, self._keep, self._other = store, keep, other
        # The store marks the merged fields on the first redo; later redos put back exactly that set.
        self._merged_edited: frozenset[str] | None = None
        self._on_saved, self._on_changed = on_saved, on_changed

    @_drop_on_failure
    def redo(self) -> None:
        saved = self._store.merge_deals(self._keep, self._other, edited=self._merged_edited)
        self._merged_edited = saved.edited
        self._on_changed()
        self._on_saved(saved)

    @_drop_on_failure
    def undo(self) -> None:
        saved = self._store.undo_merge(self._keep, _stored(self._other))
        self._on_changed()
        self._on_saved(saved)


class NotDuplicates(QUndoCommand):
    """A person's word that two deals offered as possible duplicates are not one deal; undo offers them again."""

    def __init__(self, store: Store, deal_id: int, other_id: int, on_changed: OnChanged) -> None:
        super().__init__("Not a duplicate")
        self._store, self._ids, self._on_changed = store, (deal_id, other_id), on_changed

    @_drop_on_failure
    def redo(self) -> None:
        self._store.set_not_duplicates(*self._ids, apart=True)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        self._store.set_not_duplicates(*self._ids, apart=False)
        self._on_changed()


class ChooseValue(QUndoCommand):
    """A person's pick among the values a deal's sources give one field; undo puts back the deal as it was."""

    def __init__(self, store: Store, before: Deal, field: str, value: Any, text: str, on_saved: OnSaved) -> None:
        super().__init__(text)
        self._store, self._before, self._field, self._value = store, before, field, value
        self._on_saved = on_saved

    @_drop_on_failure
    def redo(self) -> None:
        self._on_saved(self._store.choose_value(_stored(self._before), self._field, self._value))

    @_drop_on_failure
    def undo(self) -> None:
        self._on_saved(self._store.save(self._before, edited=self._before.edited))


class SplitDeal(QUndoCommand):
    """Not the same deal: one source of a merged deal becomes a deal of its own; undo joins them again.

    The store remembers the pair, so no later import merges them; undo forgets it and, in the same
    transaction, saves the deal as it was before the split, so values and hand-edit marks come back exactly.
    """

    def __init__(self, store: Store, before: Deal, article_id: int, on_saved: OnSaved, on_changed: OnChanged) -> None:
        super().__init__("Split deal")
        self._store, self._before, self._article_id = store, before, article_id
        self._on_saved, self._on_changed = on_saved, on_changed
        self.split_id: int | None = None  # the deal the source became

    @_drop_on_failure
    def redo(self) -> None:
        self.split_id = self._store.split_deal(_stored(self._before), self._article_id).id
        self._on_changed()
        self._on_saved(self._store.deal(_stored(self._before)))

    @_drop_on_failure
    def undo(self) -> None:
        assert self.split_id is not None  # an undo follows its redo
        saved = self._store.undo_split(_stored(self._before), self.split_id, before=self._before)
        self._on_changed()
        self._on_saved(saved)


# Commands with this id merge (QUndoCommand.mergeWith) when they belong to the same import.
IMPORT_COMMAND_ID = 5001


class ImportArticles(QUndoCommand):
    """Store parsed articles (same deals merge into stored ones); undo takes each back, newest first.

    The window pushes one per article as the worker delivers it, so each article is stored in its own
    transaction at once; those of one import share `batch` and merge into the step before them, which
    makes the import one undo step. Redo stores the same articles again.
    """

    def __init__(self, store: Store, articles: Iterable[Article], text: str,
                 on_imported: Callable[[list[ImportOutcome]], None], on_changed: OnChanged,
                 batch: object | None = None, name: str | None = None) -> None:
        super().__init__(name or text)
        self._store, self._articles = store, tuple(articles)
        self._on_imported, self._on_changed = on_imported, on_changed
        self._batch, self._name = batch, name  # a named import ("Import sample articles") keeps its name
        self._outcomes: list[ImportOutcome] = []
        self._first = True

    @property
    def outcomes(self) -> list[ImportOutcome]:
        return list(self._outcomes)

    def id(self) -> int:
        return IMPORT_COMMAND_ID if self._batch is not None else -1

    @_drop_on_failure
    def redo(self) -> None:
        # One store call, one transaction: a failure half-way leaves nothing stored and no undo step.
        outcomes = self._store.add_articles(self._articles, merge=True)
        if self._first:
            self._first = False
            # An article already stored brings nothing to undo or to store again.
            kept = [(a, o) for a, o in zip(self._articles, outcomes) if not o.already_imported]
            self._articles = tuple(a for a, _ in kept)
            self._outcomes = [o for _, o in kept]
            if not self._outcomes:
                self.setObsolete(True)  # QUndoStack.push drops it
            self._on_imported(outcomes)
        else:
            self._outcomes = outcomes
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        self._store.remove_imports(self._outcomes)
        self._on_changed()

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ImportArticles) or other._batch is None or other._batch is not self._batch:
            return False
        self._articles += other._articles
        self._outcomes += other._outcomes
        count = len(self._articles)
        self.setText(self._name or ("Import article" if count == 1 else f"Import {count} articles"))
        return True


class ReparseArticles(QUndoCommand):
    """Run the current parser again over stored articles: a deal's (`deal_id`) or the ones given.

    Fields a person edited stay as they are (the store sees to it); undo takes each re-parse back, newest
    first; redo parses again.
    """

    def __init__(self, store: Store, *, deal_id: int | None = None, article_ids: Iterable[int] = (),
                 on_reparsed: Callable[[list[ReparseOutcome]], None], on_changed: OnChanged) -> None:
        self._article_ids = tuple(article_ids)
        count = len(self._article_ids)
        super().__init__("Re-parse deal" if deal_id is not None else
                         "Re-parse article" if count == 1 else f"Re-parse {count} articles")
        self._store, self._deal_id = store, deal_id
        self._on_reparsed, self._on_changed = on_reparsed, on_changed
        self._outcomes: list[ReparseOutcome] = []
        self._first = True

    @_drop_on_failure
    def redo(self) -> None:
        from core.importer import parse_stored, store_registry

        # As core.importer.reparse_deal does (its articles oldest first): every article parsed first, then one
        # store call lays all the parses in one transaction, so a failure half-way leaves nothing changed.
        article_ids = self._article_ids if self._deal_id is None else tuple(
            a.id for a in self._store.articles_for_deal(self._deal_id) if a.id is not None)
        registry = store_registry(self._store)
        parses = [(article_id, parse_stored(self._store.article(article_id), registry=registry))
                  for article_id in article_ids]
        outcomes = self._store.apply_reparses(parses)
        self._outcomes = outcomes
        if self._first:
            self._first = False
            if not any(o.updated or o.added or o.merged for o in outcomes):
                self.setObsolete(True)  # the parser changed nothing: no undo step
            self._on_reparsed(outcomes)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        self._store.undo_reparses(self._outcomes)
        self._on_changed()


class DateArticles(QUndoCommand):
    """A person's published date for articles that print none: each is parsed again with it, so "on Tuesday"
    finds its day, and the date and the re-parse are stored together; undo takes back both. Hand edits stay."""

    def __init__(self, store: Store, dates: Mapping[int, str], *,
                 on_reparsed: Callable[[list[ReparseOutcome]], None], on_changed: OnChanged) -> None:
        super().__init__("Set published date" if len(dates) == 1 else "Set published dates")
        self._store, self._dates = store, dict(dates)
        self._on_reparsed, self._on_changed = on_reparsed, on_changed
        self._before: dict[int, str | None] | None = None
        self._outcomes: list[ReparseOutcome] = []

    @_drop_on_failure
    def redo(self) -> None:
        from core.importer import parse_stored, store_registry

        articles = {i: self._store.article(i) for i in self._dates}  # KeyError: an article no longer stored
        registry = store_registry(self._store)
        parses = [(i, parse_stored(a.replace(published=self._dates[i]), registry=registry))
                  for i, a in articles.items()]
        first = self._before is None
        if self._before is None:
            self._before = {i: a.published for i, a in articles.items()}
        self._outcomes = self._store.apply_reparses(parses, published=self._dates)
        if first:
            self._on_reparsed(self._outcomes)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        self._store.undo_reparses(self._outcomes, published=self._before)
        self._on_changed()
