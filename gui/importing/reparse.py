"""Re-parse from article: the Edit menu's, the deal list's and the article pane's way to run the current parser again,
and after an import with an article that prints no date, the question of when it came out."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QApplication

from core.errors import DealsError
from core.model import ReparseOutcome
from gui.article.pane import ArticlePane
from gui.commands import DateArticles, ReparseArticles
from gui.context import Context
from gui.deals.table import DealTable
from gui.detail.pane import DetailPane
from gui.dialogs import readable_error, show_error
from gui.formatting import plural
from gui.importing.undated import PublishedDialog, undated_articles

if TYPE_CHECKING:
    from core.importer import SourceResult


def describe(outcomes: Sequence[ReparseOutcome]) -> str:
    """One status-bar line: what the parser changed, which hand edits it kept, which deals it no longer finds."""
    updated = {i for o in outcomes for i in o.updated}
    added = {i for o in outcomes for i in o.added}
    merged = {i for o in outcomes for i in o.merged}
    stale = sorted({i for o in outcomes for i in o.stale})
    kept = sorted({field for o in outcomes for _, field in o.kept_edits})
    parts = []
    if updated:
        parts.append(f"{plural(len(updated), 'deal')} updated")
    if added:
        parts.append(f"{plural(len(added), 'new deal')}")
    if merged:
        parts.append(f"{len(merged)} merged into existing deals")
    if not parts:
        parts.append("nothing changed")
    line = f"Re-parsed {plural(len(outcomes), 'article')}: " + ", ".join(parts)
    if kept:
        line += f"; kept your edits to {', '.join(kept)}"
    if stale:
        ids = ", ".join(f"#{i}" for i in stale)
        line += f"; no longer found by the parser, left as they are: {ids}"
    return line


class Reparser(QObject):
    """Owns the Re-parse action; every re-parse is an undoable command."""

    def __init__(self, ctx: Context, table: DealTable, detail: DetailPane, article: ArticlePane) -> None:
        super().__init__(ctx)
        self._ctx, self._table, self._detail, self._article = ctx, table, detail, article
        self.reparse_action = QAction("Re-&parse from article", self)
        self.reparse_action.setStatusTip("Run the current parser over the selected deals' articles again; "
                                         "fields you edited stay as they are")
        self.reparse_action.setEnabled(False)
        self.article_action = QAction("Re-parse this article", self)
        self.reparse_action.triggered.connect(self._on_reparse_triggered)
        self.article_action.triggered.connect(self._on_article_action_triggered)
        table.addAction(self.reparse_action)  # the deal list's context menu (gui/deals/list_menu.py) lists it too
        table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        text = article.text_edit
        text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        text.customContextMenuRequested.connect(self._on_article_context_menu_requested)
        self.last_outcomes: list[ReparseOutcome] = []
        self.date_dialog: PublishedDialog | None = None

    def reparse_deals(self, deal_ids: Sequence[int]) -> bool:
        """Re-parse every article of these deals, as one undo step."""
        if len(deal_ids) == 1:
            return self._push(ReparseArticles(self._ctx.store, deal_id=deal_ids[0],
                                              on_reparsed=self._on_reparsed, on_changed=self._ctx.deals_changed.emit))
        article_ids: list[int] = []
        for deal_id in deal_ids:
            article_ids += [a.id for a in self._ctx.store.articles_for_deal(deal_id) if a.id is not None]
        return self.reparse_articles(sorted(set(article_ids)))

    def reparse_articles(self, article_ids: Sequence[int]) -> bool:
        if not article_ids:
            return False
        return self._push(ReparseArticles(self._ctx.store, article_ids=article_ids,
                                          on_reparsed=self._on_reparsed, on_changed=self._ctx.deals_changed.emit))

    def ask_dates(self, results: Sequence[SourceResult]) -> None:
        """After an import: when did its articles that print no date come out? The answer re-parses them."""
        articles = undated_articles(results)
        if not articles:
            return
        if self.date_dialog is not None:
            self.date_dialog.close()  # it asked about an earlier import; this one's question replaces it
            self.date_dialog.deleteLater()
        dialog = PublishedDialog(articles, self._ctx.dialog_parent)
        store = self._ctx.store
        dialog.accepted.connect(lambda: self._on_date_dialog_accepted(dialog, store))
        self.date_dialog = dialog
        dialog.open()  # window-modal, and no event loop of its own: tests answer it by its buttons

    def _on_date_dialog_accepted(self, dialog: PublishedDialog, store: object) -> None:
        if store is not self._ctx.store:
            self._ctx.show_status("That import went into another database", 5000)
            return
        dates = {i: day for i, day in dialog.dates().items() if self._stored(i)}
        if dates:
            self._push(DateArticles(self._ctx.store, dates, on_reparsed=self._on_dated,
                                    on_changed=lambda: self._on_dates_changed(set(dates))))

    def _stored(self, article_id: int) -> bool:
        # An article taken back by an undo since the question was asked has nothing left to date.
        try:
            self._ctx.store.article(article_id)
        except KeyError:
            return False
        return True

    def _on_dated(self, outcomes: list[ReparseOutcome]) -> None:
        self.last_outcomes = outcomes
        self._ctx.show_status(f"Published date set. {describe(outcomes)}", 15000)

    def _on_dates_changed(self, article_ids: set[int]) -> None:
        self._ctx.deals_changed.emit()
        shown = self._article.article
        if shown is not None and shown.id in article_ids and self._stored(shown.id):
            self._article.show_article(self._ctx.store.article(shown.id))  # its heading shows the date

    def _push(self, command: QUndoCommand) -> bool:
        if self._ctx.importing:
            # Its articles merge into one undo step only while nothing else comes between them.
            self._ctx.show_status("Re-parse waits until the import running now is done", 5000)
            return False
        # Parsing an article takes a moment on this thread; the store it writes to lives here.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._ctx.undo_stack.push(command)
        except (DealsError, sqlite3.Error) as exc:
            show_error(self._ctx.dialog_parent, "Re-parse failed", readable_error(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        return True

    def _on_reparsed(self, outcomes: list[ReparseOutcome]) -> None:
        self.last_outcomes = outcomes
        self._ctx.show_status(describe(outcomes), 15000)

    def _on_reparse_triggered(self) -> None:
        ids = self._table.selected_ids()
        if not ids and self._detail.deal is not None and self._detail.deal.id is not None:
            ids = [self._detail.deal.id]
        if ids:
            self.reparse_deals(ids)

    def _on_table_selection_changed(self, *_: object) -> None:
        self.reparse_action.setEnabled(bool(self._table.selected_ids()))

    def _on_article_action_triggered(self) -> None:
        article = self._article.article
        if article is not None and article.id is not None:
            self.reparse_articles([article.id])

    def _on_article_context_menu_requested(self, pos: QPoint) -> None:
        text = self._article.text_edit
        menu = text.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.article_action)
        self.article_action.setEnabled(self._article.article is not None)
        menu.exec(text.viewport().mapToGlobal(pos))
        menu.deleteLater()
