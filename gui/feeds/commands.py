"""Undo commands for feeds and the inbox: subscribe, edit, unsubscribe, accept; the only writers of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QUndoCommand

from core.store import Store
from core.store.feeds import Feed, RemovedFeed
from gui.commands import DeleteDeal, OnChanged, _drop_on_failure
from gui.formatting import plural


class AddFeed(QUndoCommand):
    """Subscribe to a feed found beforehand; undo unsubscribes, redo subscribes again under the same id."""

    def __init__(self, store: Store, feed: Feed, on_changed: OnChanged) -> None:
        super().__init__(f"Subscribe to {feed.title}")
        self._store, self._feed, self._on_changed = store, feed, on_changed
        self._removed: RemovedFeed | None = None

    @_drop_on_failure
    def redo(self) -> None:
        if self._removed is None:
            self._feed = self._store.add_feed(self._feed)
        else:
            self._feed = self._store.restore_feed(self._removed)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        assert self._feed.id is not None
        # What a poll brought meanwhile stays seen, so a redo does not bring it twice.
        self._removed = self._store.remove_feed(self._feed.id)
        self._on_changed()


class EditFeed(QUndoCommand):
    """A feed's name, interval, enabled and keywords; undo puts back the settings before."""

    def __init__(self, store: Store, before: Feed, after: Feed, on_changed: OnChanged) -> None:
        super().__init__(f"Edit feed {before.title}")
        self._store, self._before, self._after, self._on_changed = store, before, after, on_changed

    @_drop_on_failure
    def redo(self) -> None:
        self._store.update_feed(self._after)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        self._store.update_feed(self._before)
        self._on_changed()


class RemoveFeed(QUndoCommand):
    """Unsubscribe; the deals it brought stay. Undo brings the feed back with its settings and seen entries."""

    def __init__(self, store: Store, feed_id: int, title: str, on_changed: OnChanged) -> None:
        super().__init__(f"Unsubscribe from {title}")
        self._store, self._feed_id, self._on_changed = store, feed_id, on_changed
        self._removed: RemovedFeed | None = None

    @_drop_on_failure
    def redo(self) -> None:
        self._removed = self._store.remove_feed(self._feed_id)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        assert self._removed is not None
        self._store.restore_feed(self._removed)
        self._on_changed()


class AcceptDeals(QUndoCommand):
    """Accept deals out of the inbox: they stay as they are, reviewed; undo puts them back in the inbox."""

    def __init__(self, store: Store, deal_ids: Iterable[int], on_changed: OnChanged) -> None:
        ids = tuple(deal_ids)
        super().__init__(f"Accept {plural(len(ids), 'deal')} from the inbox")
        self._store, self._ids, self._on_changed = store, ids, on_changed

    @_drop_on_failure
    def redo(self) -> None:
        self._store.accept_inbox(self._ids)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        self._store.return_to_inbox(self._ids)
        self._on_changed()


class RejectDeals(DeleteDeal):
    """Reject deals from the inbox: the trash, as Delete does; undo restores them, still waiting in the inbox."""

    def __init__(self, store: Store, deal_ids: Iterable[int], on_changed: Callable[[], None]) -> None:
        ids = tuple(deal_ids)
        super().__init__(store, ids, on_changed)
        self.setText(f"Reject {plural(len(ids), 'deal')} from the inbox")
