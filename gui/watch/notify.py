"""The notice for newly arrived deals that a watch matches: one tray message, else a status-bar line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from core.store import Store
from core.watch import announcement

TRAY_MS = 10_000
STATUS_MS = 15_000


def compose(store: Store, new_deal_ids: Sequence[int]) -> str:
    """The notice's text for these new deals ("" when no watch matches any): the first, then how many more."""
    matched = store.watched_deal_ids(list(new_deal_ids)) if new_deal_ids else {}
    if not matched:
        return ""
    rows = store.deal_rows(list(matched))
    return announcement([(rows[i].title, matched[i]) for i in dict.fromkeys(new_deal_ids) if i in matched and i in rows])


def announce(target: QSystemTrayIcon | QMainWindow, store: Store, new_deal_ids: Sequence[int]) -> str:
    """Tell of the new deals a watch matches in ONE message: the tray's when there is one to show it, else the
    window's status bar. Returns the text ("" when none matched, and nothing is shown)."""
    text = compose(store, new_deal_ids)
    if not text:
        return ""
    if isinstance(target, QSystemTrayIcon) and QSystemTrayIcon.isSystemTrayAvailable() and target.isVisible():
        target.showMessage("Deal Tracker: watched deal", text, QSystemTrayIcon.MessageIcon.Information, TRAY_MS)
    elif isinstance(target, QMainWindow):
        target.statusBar().showMessage(text, STATUS_MS)
    else:
        parent = target.parent()
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(text, STATUS_MS)
    return text
