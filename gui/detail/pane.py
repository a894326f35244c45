"""The detail pane: every field of the selected deal, editable in place; it emits what the user wants and writes nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMenu, QPlainTextEdit, QPushButton, QScrollArea, QStackedWidget, QStyle, QTabWidget,
    QVBoxLayout, QWidget,
)

from core.deals.merge import ALTERNATIVE_FIELDS
from core.model import ROLES, Deal, DealType, PartyKind, Precision, Status
from core.store.duplicates import PossibleDuplicate
from gui.browser import link_html, open_address
from gui.detail.alternatives import AlternativesBox
from gui.detail.amount_notes import AmountNotes
from gui.detail.edits import DealEdits, amount_number, usd_number
from gui.detail.field_label import FieldLabel
from gui.detail.duplicates import DuplicatesBanner
from gui.formatting import COMMON_CURRENCIES, format_money, kind_label, status_label, type_label, usd_line
from gui.detail.history import HistoryView
from gui.detail.row_table import RowColumn, RowTable
from gui.detail.several import SeveralSelected

FIELD_LABELS = {
    "title": "Title", "type": "Type", "status": "Status", "date": "Date", "location": "Location",
    "sectors": "Sectors", "summary": "Summary", "parties": "Parties", "amounts": "Amounts",
    "commitments": "Commitments", "people": "People", "sources": "Sources", "notes": "Notes",
}
_DATE_PATTERN = QRegularExpression(r"^$|^\d{4}(-\d{2}(-\d{2})?)?$")
_DATE_SHOWN = {Precision.MONTH: 7, Precision.YEAR: 4}
SPLIT_TEXT = "Not the same deal: split off"
_AMOUNT_TIP = "Type it as written: 550m, 1.2bn, £500 million, 1,200,000 or 3.5 crore"


class DetailPane(QWidget):
    """Shows one Deal; each edit is emitted as `deal_edited(before, after, text)` for an undo command."""

    deal_edited = Signal(object, object, str)
    field_selected = Signal(str, int)  # field name, row within a list or -1
    article_requested = Signal(int)
    value_chosen = Signal(str, object)  # field, one of the values its sources give (Store.field_alternatives)
    split_requested = Signal(int)  # the article whose report is not the same deal

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deal: Deal | None = None
        self._selected = 1  # how many deals the list has selected: several show a count, not one deal
        self._labels: dict[str, FieldLabel] = {}
        self._field_of: dict[QObject, str] = {}
        self._edits = DealEdits(self, self)
        self._tabs = QTabWidget(self)
        self._stack = QStackedWidget(self)
        self._empty = QLabel("Select a deal to see its details.", self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setEnabled(False)
        self._stack.addWidget(self._empty)
        self._form = self._build_form()
        self._stack.addWidget(self._form)
        self.several = SeveralSelected(self)
        self._stack.addWidget(self.several)
        self.history = HistoryView(self)
        self._tabs.addTab(self._stack, "Deal")
        self._tabs.addTab(self.history, "History")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._tabs)
        self._connect()
        self.show_deal(None)

    # --- building ----------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        self.duplicates = DuplicatesBanner(self)
        self.review_banner = QFrame(self)
        self.review_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.review_text = QLabel(self.review_banner)
        self.review_text.setWordWrap(True)
        self.mark_reviewed = QPushButton("Mark reviewed", self.review_banner)
        banner = QHBoxLayout(self.review_banner)
        icon = QLabel(self.review_banner)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        banner.addWidget(icon)
        banner.addWidget(self.review_text, 1)
        banner.addWidget(self.mark_reviewed)

        self.title = QLineEdit(self)
        self.type = QComboBox(self)
        for kind in DealType:
            self.type.addItem(type_label(kind), kind.value)
        self.status = QComboBox(self)
        for status in Status:
            self.status.addItem(status_label(status), status.value)
        self.date = QLineEdit(self)
        self.date.setPlaceholderText("YYYY-MM-DD, YYYY-MM or YYYY")
        self.date.setValidator(QRegularExpressionValidator(_DATE_PATTERN, self.date))
        self.precision = QComboBox(self)
        self.precision.addItem("", "")
        for precision in Precision:
            self.precision.addItem(precision.value.capitalize(), precision.value)
        self.location = QLineEdit(self)
        self.country = QLabel(self)  # the store works it out from the location (core.places): shown, not edited
        self.country.setToolTip("Worked out from the location; the Country filter and exports use it")
        self.sectors = QLineEdit(self)
        self.sectors.setPlaceholderText("Comma-separated, e.g. AI infrastructure, data centers")
        self.summary = QPlainTextEdit(self)
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Your own notes; never touched by the parser")
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.date, 1)
        date_row.addWidget(self.precision)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.type, 1)
        status_row.addWidget(self._label("status"))
        status_row.addWidget(self.status, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.alternatives = {field: AlternativesBox(field, self) for field in ALTERNATIVE_FIELDS}
        form.addRow(self._label("title"), self.title)
        form.addRow(self._label("type"), status_row)
        form.addRow("", self.alternatives["type"])
        form.addRow(self._label("date"), date_row)
        form.addRow("", self.alternatives["date"])
        form.addRow(self._label("location"), self.location)
        form.addRow("", self.alternatives["location"])
        form.addRow("", self.country)
        form.addRow(self._label("sectors"), self.sectors)
        form.addRow(self._label("summary"), self.summary)

        choices_kind = tuple((k.value, kind_label(k)) for k in PartyKind)
        self.parties = RowTable([RowColumn("Name", stretch=True, chars=20), RowColumn("Kind", choices_kind, chars=6),
                                 RowColumn("Role", tuple((r, r) for r in ROLES), editable=True, chars=6)],
                                "party", self)
        self.amounts = RowTable([RowColumn("Value", number=True, chars=14, tooltip=_AMOUNT_TIP), RowColumn(
            "Currency", tuple((c, c) for c in COMMON_CURRENCIES), editable=True, chars=5),
            RowColumn("As written", stretch=True, chars=14),
            RowColumn("US$", number=True, chars=12, placeholder="none")], "amount", self)
        self.amount_notes = AmountNotes(self)
        # Where each US-dollar value comes from; typing another in the US$ column sets it by hand.
        self.usd_sources = QLabel(self)
        self.usd_sources.setWordWrap(True)
        self.usd_sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # No grey example in an empty Horizon: "by 2030" there read as the deal's own date.
        self.commitments = RowTable([RowColumn("Commitment", stretch=True, chars=20), RowColumn(
            "Horizon", chars=10, tooltip="When the commitment is due, e.g. \"by 2030\"; empty when the article "
                                         "gives no date")], "commitment", self)
        self.people = RowTable([RowColumn("Name", stretch=True, chars=14), RowColumn("Title", chars=14),
                                RowColumn("Organisation", chars=16)], "person", self)
        self.sources = QListWidget(self)
        self.sources.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.sources.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Long titles lose their middle rather than scroll sideways; the tooltip holds the whole.
        self.sources.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.sources.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The selected source's web address, as a link to open in the browser.
        self.source_link = QLabel(self)
        self.source_link.setTextFormat(Qt.TextFormat.RichText)
        self.source_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.source_link.linkActivated.connect(open_address)
        self.split_button = QPushButton(SPLIT_TEXT, self)
        self.split_button.setToolTip("The selected article reports another deal: make it a deal of its own. "
                                     "Later imports keep the two apart.")

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.addWidget(self.duplicates)
        column.addWidget(self.review_banner)
        column.addLayout(form)
        for name, widget in (("parties", self.parties), ("amounts", self.amounts),
                             ("commitments", self.commitments), ("people", self.people),
                             ("sources", self.sources), ("notes", self.notes)):
            column.addWidget(self._label(name, bold=True))
            column.addWidget(widget)
            if name == "amounts":
                column.addWidget(self.amount_notes)
                column.addWidget(self.usd_sources)
                column.addWidget(self.alternatives["amounts"])
            elif name == "sources":
                column.addWidget(self.source_link)
                column.addWidget(self.split_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def sizeHint(self) -> QSize:
        # Wide enough for the widest list's usual content: the form's fields then have room too.
        tables = max(t.natural_width() for t in (self.parties, self.amounts, self.commitments, self.people))
        scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = 4 * self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
        return QSize(tables + scroll + margins, super().sizeHint().height())

    def _label(self, field: str, bold: bool = False) -> FieldLabel:
        label = FieldLabel(FIELD_LABELS[field], bold, self)
        self._labels[field] = label
        return label

    def _connect(self) -> None:
        for field in ("title", "type", "status", "date", "precision", "location", "sectors", "summary", "notes"):
            widget = getattr(self, field)
            widget.installEventFilter(self)
            self._field_of[widget] = "date" if field == "precision" else field
        self.title.editingFinished.connect(self._edits.on_title_editing_finished)
        self.type.activated.connect(self._edits.on_type_activated)
        self.status.activated.connect(self._edits.on_status_activated)
        self.date.editingFinished.connect(self._edits.on_date_editing_finished)
        self.precision.activated.connect(self._edits.on_precision_activated)
        self.location.editingFinished.connect(self._edits.on_location_editing_finished)
        self.sectors.editingFinished.connect(self._edits.on_sectors_editing_finished)
        self.mark_reviewed.clicked.connect(self._edits.on_mark_reviewed_clicked)
        for name in ("parties", "amounts", "commitments", "people"):
            table: RowTable = getattr(self, name)
            table.row_edited.connect(lambda row, n=name: self._edits.on_row_edited(n, row))
            table.add_requested.connect(lambda n=name: self._edits.on_row_added(n))
            table.remove_requested.connect(lambda row, n=name: self._edits.on_row_removed(n, row))
            table.row_focused.connect(lambda row, n=name: self.field_selected.emit(n, row))
        self.sources.itemClicked.connect(self._on_sources_item_clicked)
        self.sources.currentRowChanged.connect(self._update_split_button)
        self.sources.currentRowChanged.connect(self._update_source_link)
        self.sources.customContextMenuRequested.connect(self._on_sources_context_menu_requested)
        self.split_button.clicked.connect(self._on_split_button_clicked)
        for box in self.alternatives.values():
            box.value_chosen.connect(self.value_chosen)

    # --- showing -----------------------------------------------------------------------------

    @property
    def deal(self) -> Deal | None:
        return self._deal

    def set_completer(self, completer: QCompleter) -> None:
        self.parties.set_completer(completer)

    def show_deal(self, deal: Deal | None,
                  alternatives: Mapping[str, Sequence[tuple[Any, int | None]]] | None = None,
                  duplicates: Sequence[PossibleDuplicate] = ()) -> None:
        """Show `deal` (the store's latest copy); editors are refilled in place, focus stays where it was.

        `alternatives` are the values its sources disagree on (Store.field_alternatives), shown side by side;
        `duplicates` the deals that may be this one (Store.possible_duplicates), offered for merging.
        """
        self._deal = deal
        self.duplicates.set_duplicates(duplicates if deal is not None else ())
        titles = {s.article_id: s.title or f"Article {s.article_id}" for s in deal.sources} if deal else {}
        for field, box in self.alternatives.items():
            box.set_values(deal, (alternatives or {}).get(field, ()), titles)
        self._show_page()
        if deal is None:
            self.amount_notes.show_amounts(())
            self.history.clear()
            return
        self._set_text(self.title, deal.title)
        self._set_combo(self.type, str(deal.type))
        self._set_combo(self.status, str(deal.status))
        shown = _DATE_SHOWN.get(deal.date_precision, 10) if deal.date_precision else 10
        self._set_text(self.date, (deal.date or "")[:shown])
        self._set_combo(self.precision, str(deal.date_precision or ""))
        self._set_text(self.location, deal.location or "")
        self.country.setText(f"Country: {deal.country}" if deal.country else "")
        self.country.setVisible(bool(deal.country))
        self._set_text(self.sectors, ", ".join(deal.sectors))
        self._set_plain(self.summary, deal.summary)
        self._set_plain(self.notes, deal.notes)
        self.parties.set_rows([[p.name, str(p.kind), p.role] for p in deal.parties])
        self.amounts.set_rows([[amount_number(a.value), a.currency, a.text, usd_number(a)] for a in deal.amounts])
        self.amount_notes.show_amounts(deal.amounts)
        self.usd_sources.setText("\n".join(
            f"{format_money(a.value, a.currency)}: {usd_line(a)}" for a in deal.amounts if a.currency != "USD"))
        self.usd_sources.setVisible(any(a.currency != "USD" for a in deal.amounts))
        self.commitments.set_rows([[c.text, c.horizon or ""] for c in deal.commitments])
        self.people.set_rows([[p.name, p.title or "", p.organization or ""] for p in deal.people])
        self.sources.clear()
        for source in deal.sources:
            extra = ", ".join(x for x in (source.published,) if x)
            item = QListWidgetItem(f"{source.title or f'Article {source.article_id}'}" + (f" ({extra})" if extra else ""))
            item.setData(Qt.ItemDataRole.UserRole, source.article_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, source.url)
            item.setToolTip("\n".join(x for x in (item.text(), source.url) if x))
            self.sources.addItem(item)
        self._update_split_button()
        self._update_source_link()
        review = set(deal.needs_review)
        for field, label in self._labels.items():
            label.set_review(field in review)
            label.setToolTip("Edited by hand" if field in deal.edited else "")
        if not review and self.review_banner.isAncestorOf(self.focusWidget()):
            # Hiding the focused button would hand focus to Title with its text selected, ready to be typed over.
            self._form.setFocus(Qt.FocusReason.OtherFocusReason)
        self.review_banner.setVisible(bool(review))
        names = ", ".join(FIELD_LABELS.get(f, f).lower() for f in deal.needs_review)
        self.review_text.setText(f"The parser was unsure of: {names}. Check them against the article.")

    def set_selected_count(self, count: int) -> None:
        """How many deals the list has selected: for several the pane says so instead of showing one."""
        self._selected = count
        self.several.set_count(count)
        self._show_page()

    def _show_page(self) -> None:
        self._stack.setCurrentWidget(self.several if self._selected > 1 else
                                     self._form if self._deal is not None else self._empty)

    def refuse_entry(self, field: str, row: int, col: int, message: str) -> None:
        """Typed text that cannot be stored: say why beside it; the box keeps the text, the deal is unchanged."""
        table = getattr(self, field, None)
        editor = table.editor(row, col) if isinstance(table, RowTable) else None
        self.amount_notes.refuse(editor, message)

    def history_titles(self) -> dict[int, str]:
        """The titles of the shown deal's sources by article id, for the History tab's words."""
        return {s.article_id: s.title or f"Article {s.article_id}" for s in self._deal.sources} if self._deal else {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in self._field_of:
            self.field_selected.emit(self._field_of[watched], -1)
        elif event.type() == QEvent.Type.FocusOut and watched in (self.summary, self.notes):
            # QPlainTextEdit has no editingFinished: leaving the box is the end of the edit.
            self._edits.on_plain_text_finished("summary" if watched is self.summary else "notes")
        return super().eventFilter(watched, event)

    def _on_sources_item_clicked(self, item: QListWidgetItem) -> None:
        self.article_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _update_split_button(self, *_: Any) -> None:
        # A deal of one source has nothing to split off.
        self.split_button.setEnabled(self.sources.count() > 1 and self.sources.currentItem() is not None)

    def _update_source_link(self, *_: Any) -> None:
        item = self.sources.currentItem() or self.sources.item(0)
        link = link_html(item.data(Qt.ItemDataRole.UserRole + 1)) if item is not None else ""
        self.source_link.setText(link)
        self.source_link.setToolTip("Open in your browser" if link else "")
        self.source_link.setVisible(bool(link))

    def _on_split_button_clicked(self) -> None:
        item = self.sources.currentItem()
        if item is not None and self.sources.count() > 1:
            self.split_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_sources_context_menu_requested(self, pos: QPoint) -> None:
        item = self.sources.itemAt(pos)
        if item is None:
            return
        self.sources.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction("Show article", lambda: self._on_sources_item_clicked(item))
        url = item.data(Qt.ItemDataRole.UserRole + 1)
        menu.addAction("Open in browser", lambda: open_address(url)).setEnabled(link_html(url) != "")
        menu.addAction(SPLIT_TEXT, self._on_split_button_clicked).setEnabled(self.sources.count() > 1)
        menu.exec(self.sources.viewport().mapToGlobal(pos))

    @staticmethod
    def _set_text(widget: QLineEdit, text: str) -> None:
        if widget.text() != text:
            widget.blockSignals(True)
            widget.setText(text)
            widget.setCursorPosition(0)
            widget.blockSignals(False)

    @staticmethod
    def _set_plain(widget: QPlainTextEdit, text: str) -> None:
        if widget.toPlainText() != text:
            widget.blockSignals(True)
            widget.setPlainText(text)
            widget.blockSignals(False)

    @staticmethod
    def _set_combo(widget: QComboBox, value: str) -> None:
        widget.blockSignals(True)
        widget.setCurrentIndex(max(widget.findData(value), 0))
        widget.blockSignals(False)
