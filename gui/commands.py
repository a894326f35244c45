"""QUndoCommands: the only writers of hand edits; push() runs redo(), so a first edit and a redo share one path."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtGui import QUndoCommand

from core.model import Article, Deal, Evidence, ImportOutcome, Source

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


class EditDeal(QUndoCommand):
    """Replace a deal with an edited copy; undo restores the copy taken before, hand-edit marks included."""

    def __init__(self, store: Any, before: Deal, after: Deal, text: str, on_saved: OnSaved) -> None:
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
    """Move deals to the trash; undo restores them."""

    def __init__(self, store: Any, deal_ids: Iterable[int], on_changed: OnChanged) -> None:
        ids = tuple(deal_ids)
        super().__init__("Delete deal" if len(ids) == 1 else f"Delete {len(ids)} deals")
        self._store, self._ids, self._on_changed = store, ids, on_changed

    @_drop_on_failure
    def redo(self) -> None:
        for deal_id in self._ids:
            self._store.delete_deal(deal_id)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        for deal_id in self._ids:
            self._store.restore_deal(deal_id)
        self._on_changed()


class RestoreDeal(QUndoCommand):
    """Bring deals back from the trash; undo sends them back."""

    def __init__(self, store: Any, deal_ids: Iterable[int], on_changed: OnChanged) -> None:
        ids = tuple(deal_ids)
        super().__init__("Restore deal" if len(ids) == 1 else f"Restore {len(ids)} deals")
        self._store, self._ids, self._on_changed = store, ids, on_changed

    @_drop_on_failure
    def redo(self) -> None:
        for deal_id in self._ids:
            self._store.restore_deal(deal_id)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        for deal_id in self._ids:
            self._store.delete_deal(deal_id)
        self._on_changed()


def merged_deal(keep: Deal, other: Deal) -> Deal:
    """`keep` with everything `other` adds: parties, amounts, sectors, sources, evidence, blanks filled."""

    def union(first: tuple, second: tuple, key: Callable[[Any], Any] = lambda x: x) -> tuple:
        seen = {key(x) for x in first}
        extra = []
        for item in second:
            if key(item) not in seen:
                seen.add(key(item))
                extra.append(item)
        return first + tuple(extra)

    def party_key(party: Any) -> str:
        return party.name.casefold()

    def source_key(source: Source) -> int:
        return source.article_id

    def evidence_key(ev: Evidence) -> tuple:
        return (ev.field, ev.start, ev.end, ev.article_id)

    notes = keep.notes if not other.notes or other.notes == keep.notes else \
        (f"{keep.notes}\n{other.notes}" if keep.notes else other.notes)
    return keep.replace(
        parties=union(keep.parties, other.parties, party_key),
        amounts=union(keep.amounts, other.amounts, lambda a: (a.value, a.currency)),
        sectors=union(keep.sectors, other.sectors),
        commitments=union(keep.commitments, other.commitments, lambda c: c.text),
        people=union(keep.people, other.people, lambda p: p.name.casefold()),
        sources=union(keep.sources, other.sources, source_key),
        evidence=union(keep.evidence, other.evidence, evidence_key),
        needs_review=union(keep.needs_review, other.needs_review),
        date=keep.date or other.date,
        date_precision=keep.date_precision if keep.date else other.date_precision,
        location=keep.location or other.location,
        summary=keep.summary or other.summary,
        notes=notes,
    )


class MergeDeals(QUndoCommand):
    """Fold `other` into `keep`: keep gains the union of both, other goes to the trash; undo reverses both."""

    def __init__(self, store: Any, keep: Deal, other: Deal, on_saved: OnSaved, on_changed: OnChanged) -> None:
        super().__init__("Merge deals")
        self._store, self._keep, self._other = store, keep, other
        self._merged = merged_deal(keep, other)
        self._merged_edited: frozenset[str] | None = None
        self._on_saved, self._on_changed = on_saved, on_changed

    @_drop_on_failure
    def redo(self) -> None:
        saved = self._store.save(self._merged, edited=self._merged_edited)
        self._merged_edited = saved.edited
        self._store.delete_deal(self._other.id)
        self._on_changed()
        self._on_saved(saved)

    @_drop_on_failure
    def undo(self) -> None:
        saved = self._store.save(self._keep, edited=self._keep.edited)
        self._store.restore_deal(self._other.id)
        self._on_changed()
        self._on_saved(saved)


class ImportArticles(QUndoCommand):
    """An import as one undo step: the first redo stores the articles; undo moves their new deals to the trash.

    The articles themselves stay stored (the store cannot delete one), so importing them again after an
    undo reports "already imported"; redo brings the deals back instead.
    """

    def __init__(self, store: Any, articles: Iterable[Article], text: str,
                 on_imported: Callable[[list[ImportOutcome]], None], on_changed: OnChanged) -> None:
        super().__init__(text)
        self._store, self._articles = store, tuple(articles)
        self._on_imported, self._on_changed = on_imported, on_changed
        self._added: tuple[int, ...] | None = None

    @_drop_on_failure
    def redo(self) -> None:
        if self._added is None:
            outcomes = [self._store.add_article(article) for article in self._articles]
            self._articles = ()  # the texts are in the store now
            self._added = tuple(i for outcome in outcomes for i in outcome.added)
            if not self._added:
                self.setObsolete(True)  # nothing to undo: QUndoStack.push drops it
            self._on_imported(outcomes)
        else:
            for deal_id in self._added:
                self._store.restore_deal(deal_id)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        for deal_id in self._added or ():
            self._store.delete_deal(deal_id)
        self._on_changed()
