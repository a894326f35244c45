"""File > Feeds...: the subscriptions with how each last went, and adding, editing, removing and polling them."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from core.errors import DealsError
from core.feeds.poll import PollReport
from core.feeds.subscribe import Found, feed_record, find_feed
from core.store.feeds import DEFAULT_INTERVAL_MIN, Feed
from gui.context import Context
from gui.dialogs import show_error
from gui.feeds.commands import AddFeed, EditFeed, RemoveFeed
from gui.feeds.poller import FeedPoller

COLUMNS = ("Name", "Address", "Every", "On", "Keywords", "Last success", "Last error", "Entries")


def when(iso: str | None) -> str:
    """A stored UTC time in the user's time zone, to the minute; "never" for none."""
    if not iso:
        return "never"
    return datetime.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


class FeedForm(QDialog):
    """A feed's settings; the address only when subscribing."""

    def __init__(self, parent: QWidget | None, feed: Feed | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit feed" if feed else "Subscribe to a feed")
        self.url = QLineEdit(feed.url if feed else "", self)
        self.url.setPlaceholderText("https://example.com/feed.xml, or a page that links its feed")
        self.url.setReadOnly(feed is not None)
        self.name = QLineEdit(feed.name if feed else "", self)
        self.name.setPlaceholderText("the feed's own title")
        self.interval = QSpinBox(self, minimum=1, maximum=7 * 24 * 60, suffix=" min")
        self.interval.setValue(feed.interval_min if feed else DEFAULT_INTERVAL_MIN)
        self.keywords = QLineEdit(feed.keywords if feed else "", self)
        self.keywords.setPlaceholderText("solar, wind farm (empty: every entry)")
        self.enabled = QCheckBox("Poll this feed", self)
        self.enabled.setChecked(feed.enabled if feed else True)
        form = QFormLayout(self)
        form.addRow("Address", self.url)
        form.addRow("Name", self.name)
        form.addRow("Every", self.interval)
        form.addRow("Keywords", self.keywords)
        form.addRow("", self.enabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def settings(self, feed: Feed) -> Feed:
        return Feed(feed.id, feed.url, name=self.name.text(), interval_min=self.interval.value(),
                    enabled=self.enabled.isChecked(), keywords=self.keywords.text())


class FindSignals(QObject):
    found = Signal(object)  # Found
    failed = Signal(str)


class FindTask(QRunnable):
    """core.feeds.subscribe.find_feed off the window's thread: subscribing fetches the address once."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = FindSignals()
        self._url = url

    def run(self) -> None:
        try:
            found = find_feed(self._url)
        except DealsError as exc:
            self.signals.failed.emit(str(exc))
            return
        self.signals.found.emit(found)


class FeedsDialog(QDialog):
    """The feed list; every change is an undo command on the window's stack."""

    def __init__(self, ctx: Context, poller: FeedPoller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._poller = ctx, poller
        self.setWindowTitle("Feeds")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton("&Add...", self)
        self.edit_button = QPushButton("&Edit...", self)
        self.remove_button = QPushButton("&Remove", self)
        self.poll_button = QPushButton("&Poll now", self)
        close = QPushButton("Close", self)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.poll_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.setMinimumSize(640, 300)  # explicit: a layout-derived minimum is re-sent on every change
        self.resize(1100, 420)
        self._pool = QThreadPool(self)
        self._finding: FindTask | None = None
        self._feeds: list[Feed] = []
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.poll_button.clicked.connect(self._on_poll_clicked)
        close.clicked.connect(self.close)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        poller.started.connect(lambda: self._set_status("Polling..."))
        poller.finished.connect(self._on_poller_finished)
        poller.failed.connect(lambda reason: self._set_status(f"The poll failed: {reason.splitlines()[-1]}"))
        self.refresh()

    # --- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = {f.id for f in self.selected()}
        self._feeds = self._ctx.store.feeds()
        self.table.setRowCount(len(self._feeds))
        for row, feed in enumerate(self._feeds):
            cells = (feed.title, feed.url, f"{feed.interval_min} min", "yes" if feed.enabled else "no", feed.keywords,
                     when(feed.last_success), feed.last_error or "", str(feed.entries_seen))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column in (2, 7):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            if feed.id in selected:
                self.table.selectRow(row)
        self.table.setColumnWidth(1, min(max(self.table.columnWidth(1), 200), 360))
        self._update_buttons()

    def selected(self) -> list[Feed]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._feeds[r] for r in rows if r < len(self._feeds)]

    def _update_buttons(self) -> None:
        chosen = len(self.selected())
        writable = not self._ctx.store.read_only
        self.add_button.setEnabled(writable and self._finding is None)
        self.edit_button.setEnabled(writable and chosen == 1)
        self.remove_button.setEnabled(writable and chosen >= 1)
        self.poll_button.setEnabled(writable and bool(self._feeds) and not self._poller.running)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self._update_buttons()

    # --- changes -----------------------------------------------------------------------------

    def _push(self, command: QUndoCommand) -> bool:
        return self._ctx.push(command)

    def _on_add_clicked(self) -> None:
        form = FeedForm(self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        self.subscribe(form.url.text(), form.settings(Feed(None, "")))

    def subscribe(self, url: str, settings: Feed) -> None:
        """Look for the feed at `url` on the pool, then subscribe with `settings` (name, interval, keywords)."""
        known = self._ctx.store.feed_by_url(url.strip())
        if known is not None:
            show_error(self, "Not subscribed", f"{known.url} is already subscribed as {known.title}.")
            return
        task = FindTask(url)
        task.signals.found.connect(lambda found: self._on_found(found, settings))
        task.signals.failed.connect(self._on_find_failed)
        self._finding = task
        self._set_status(f"Looking for the feed at {url.strip()}...")
        self._pool.start(task)

    def _on_found(self, found: Found, settings: Feed) -> None:
        self._finding = None
        feed = feed_record(found, name=settings.name, interval_min=settings.interval_min, keywords=settings.keywords,
                           enabled=settings.enabled)
        if self._push(AddFeed(self._ctx.store, feed, self.refresh)):
            self._set_status(f"Subscribed to {feed.title}: {found.entries} entries now; new ones come with the "
                             "next poll.")

    def _on_find_failed(self, reason: str) -> None:
        self._finding = None
        self._set_status("")
        show_error(self, "Not subscribed", reason)

    def _on_edit_clicked(self, *_: object) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        before = chosen[0]
        form = FeedForm(self, before)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.edit(before, form.settings(before))

    def edit(self, before: Feed, after: Feed) -> None:
        self._push(EditFeed(self._ctx.store, before, after, self.refresh))

    def _on_remove_clicked(self) -> None:
        for feed in self.selected():
            assert feed.id is not None
            self._push(RemoveFeed(self._ctx.store, feed.id, feed.title, self.refresh))

    def _on_poll_clicked(self) -> None:
        ids = tuple(f.id for f in self.selected() if f.id is not None)
        self._poller.poll_now(ids)

    def _on_poller_finished(self, report: PollReport) -> None:
        count = len(report.new_deal_ids)
        failed = len(report.failed)
        self._set_status(f"Polled {len(report.per_feed)} feed(s): {count} new deal{'s' if count != 1 else ''}"
                         + (f"; {failed} failed (see Last error)" if failed else "") + ".")
        self.refresh()

    def shutdown(self) -> None:
        self._pool.waitForDone()
