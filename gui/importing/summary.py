"""The end of an import: one line for the status bar, and a small non-modal panel when there is more to say."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from gui.formatting import plural

if TYPE_CHECKING:
    from core.importer import SourceResult  # the window starts without the parser; imports load it

ADDED, MERGED, ALREADY, SKIPPED = "added", "merged", "already", "skipped"
GROUPS = {
    ADDED: "Added as new deals",
    MERGED: "Merged into deals already in the list",
    ALREADY: "Already imported",
    SKIPPED: "Skipped",
}
_EXPLAINED = {
    MERGED: "<b>Merged</b>: the article reports a deal that is already in the list, so it became one more "
            "source of that deal. Where the articles disagree, both values are kept side by side in the "
            "deal's details.",
    ALREADY: "<b>Already imported</b>: the same text or address was imported before, so nothing was added. "
             "<i>Re-parse</i> runs the current parser over it again and keeps every field you edited by hand.",
}
MAX_LINKS = 5  # deal titles named per source; the rest are counted


def kind(result: SourceResult) -> str:
    if result.error is not None or result.outcome is None:
        return SKIPPED
    if result.outcome.already_imported:
        return ALREADY
    return MERGED if result.outcome.merged else ADDED


def status_line(results: Sequence[SourceResult], *, cancelled: bool = False, total: int = 0) -> str:
    """"Imported 3 deals from 2 articles; 1 merged with existing deals; 1 already imported; 1 skipped"."""
    outcomes = [r.outcome for r in results if r.outcome is not None]
    added = sum(len(o.added) for o in outcomes)
    merged = len({i for o in outcomes for i in o.merged})
    again = sum(1 for o in outcomes if o.already_imported)
    skipped = sum(1 for r in results if r.error is not None)
    stored = len(outcomes) - again
    parts = [f"Imported {plural(added, 'deal')} from {plural(stored, 'article')}" if stored else "Nothing imported"]
    if merged:
        parts.append(f"{merged} merged with existing deals")
    if again:
        parts.append(f"{again} already imported")
    if skipped:
        parts.append(f"{skipped} skipped")
    if cancelled:
        parts.append(f"cancelled after {len(results)} of {total}")
    if undated := undated_deals(results):
        # Without a published date the parser places no "on Monday": say so, rather than leave a silent gap.
        parts.append(f"{plural(undated, 'deal')} without a date: the article prints none of its own, so "
                     "\"on Monday\" could not be placed (give the day it came out when asked, or set it by hand)")
    return "; ".join(parts)


def undated_deals(results: Sequence[SourceResult]) -> int:
    """New deals left without a date because their article gave no published date for "on Monday" to hang on."""
    return sum(1 for r in results if r.article is not None and r.outcome is not None and not r.article.published
               and not r.outcome.already_imported for d in r.article.deals if d.date is None)


def needs_panel(results: Sequence[SourceResult]) -> bool:
    """A plain success is told in the status bar; anything merged, skipped or already there gets the panel."""
    return any(kind(r) != ADDED for r in results)


def shown_name(source: str) -> str:
    # A path shows as its file name; addresses and titles as they are.
    return Path(source).name if ("/" in source or "\\" in source) and "://" not in source else source


class ImportSummary(QDialog):
    """Each source under what became of it, with links to its deals and, when already imported, to re-parse it."""

    deal_requested = Signal(int)
    reparse_requested = Signal(list)  # article ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import summary")
        self.setModal(False)
        self.setMinimumSize(460, 300)  # explicit: a layout-derived minimum is re-sent on every change
        self.resize(620, 420)
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.text = QTextBrowser(self)
        self.text.setObjectName("import_summary")
        self.text.setOpenLinks(False)  # deal: and reparse: links are ours to follow
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reparse_button = QPushButton("&Re-parse all already imported", self)
        self.reparse_button.setToolTip("Run the current parser over those articles again; your edits stay")
        buttons.addButton(self.reparse_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.close)
        self.reparse_button.clicked.connect(self._on_reparse_clicked)
        self.text.anchorClicked.connect(self._on_text_anchor_clicked)
        self._rows: list[tuple[str, str, str]] = []
        self._already: list[int] = []

    def set_results(self, results: Sequence[SourceResult], titles: Mapping[int, str], headline: str,
                    articles: Mapping[int, str] | None = None) -> None:
        """Show `results`; `titles` names the deals they added or merged into, `articles` the stored articles
        that sources were already imported as."""
        self.headline.setText(headline)
        self._rows = []
        self._already = []
        blocks = []
        for group in (ADDED, MERGED, ALREADY, SKIPPED):
            members = [r for r in results if kind(r) == group]
            if not members:
                continue
            items = []
            for result in members:
                plain, rich = self._what(result, titles, articles or {})
                self._rows.append((GROUPS[group], shown_name(result.source), plain))
                outcome = result.outcome
                if group == ALREADY and outcome is not None and outcome.article_id is not None:
                    self._already.append(outcome.article_id)
                items.append(f"<li><b title='{html.escape(result.source)}'>{html.escape(shown_name(result.source))}"
                             f"</b> — {rich}</li>")
            blocks.append(f"<p><b>{GROUPS[group]}</b> ({len(members)})</p><ul>{''.join(items)}</ul>")
        notes = [_EXPLAINED[g] for g in (MERGED, ALREADY) if any(kind(r) == g for r in results)]
        if notes:
            blocks.append("<hr>" + "".join(f"<p>{n}</p>" for n in notes))
        self.text.setHtml("".join(blocks))
        self.reparse_button.setVisible(bool(self._already))

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, source as shown, what happened as plain text) per source, in the order shown."""
        return list(self._rows)

    def already_imported(self) -> list[int]:
        """Article ids of the sources that were already imported."""
        return list(self._already)

    @staticmethod
    def _what(result: SourceResult, titles: Mapping[int, str], articles: Mapping[int, str]) -> tuple[str, str]:
        """What happened to one source: as plain text, and as rich text with links."""
        if result.error is not None or result.outcome is None:
            reason = result.error or "not imported"
            return reason, html.escape(reason)
        outcome = result.outcome
        if outcome.already_imported:
            title = articles.get(outcome.article_id or 0)
            plain = "the same text or address was imported before" + (f" as “{title}”" if title else "")
            link = f" · <a href='reparse:{outcome.article_id}'>Re-parse</a>" if outcome.article_id else ""
            return plain, html.escape(plain) + link

        def links(ids: Sequence[int]) -> str:
            shown = [f"<a href='deal:{i}'>{html.escape(titles.get(i, f'deal #{i}'))}</a>" for i in ids[:MAX_LINKS]]
            more = f" and {len(ids) - MAX_LINKS} more" if len(ids) > MAX_LINKS else ""
            return ", ".join(shown) + more

        plain_parts, rich_parts = [], []
        if outcome.added or not outcome.merged:
            count = f"added {plural(len(outcome.added), 'deal')}"
            plain_parts.append(count)
            rich_parts.append(count + (f": {links(outcome.added)}" if outcome.added else ""))
        if outcome.merged:
            names = ", ".join(f"“{titles.get(i, f'deal #{i}')}”" for i in outcome.merged)
            plain_parts.append(f"merged into {names}")
            rich_parts.append(f"one more source of {links(outcome.merged)}")
        return "; ".join(plain_parts), "; ".join(rich_parts)

    def _on_reparse_clicked(self) -> None:
        if self._already:
            self.reparse_requested.emit(list(self._already))

    def _on_text_anchor_clicked(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if not value.isdigit():
            return
        if scheme == "deal":
            self.deal_requested.emit(int(value))
        elif scheme == "reparse":
            self.reparse_requested.emit([int(value)])
