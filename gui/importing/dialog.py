"""The Import dialog: paste an article's text, choose files, or give a web address; it hands back what to import."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from typing import cast

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QPlainTextEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from gui.importing.sources import ImportSource, from_address, from_locations, from_text

IMPORT_FOLDER_KEY = "import/last_folder"
LAST_TAB_KEY = "import/last_tab"
ARTICLE_FILTER = "Articles (*.txt *.md *.html *.htm *.eml *.pdf);;All files (*)"
PASTE, FILES, WEB = range(3)


def published_error(text: str) -> str | None:
    """The command line's refusal of a --published that is not a date, or None when it is one (or empty)."""
    text = text.strip()
    if not text:
        return None
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return f"not a date of the form YYYY-MM-DD: {text!r}"
    return None


class ImportDialog(QDialog):
    """Three ways in, one per tab; Import is enabled once the tab shown has something to import."""

    import_requested = Signal(list)  # list[ImportSource]

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle("Import articles")
        self.setMinimumSize(520, 420)  # explicit: a layout-derived minimum is re-sent on every change
        self.resize(640, 500)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._paste_tab(), "&Paste text")
        self.tabs.addTab(self._files_tab(), "&Files")
        self.tabs.addTab(self._web_tab(), "&Web address")
        self.error = QLabel(self)
        self.error.setObjectName("import_error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        # White on a deep red reads the same in light and dark palettes.
        self.error.setStyleSheet("color: white; background: #b3261e; border-radius: 3px; padding: 4px 6px;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.tabs.currentChanged.connect(self._on_input_changed)
        self.text.textChanged.connect(self._on_input_changed)
        for field in (self.published, self.files_published, self.web_published):
            field.textChanged.connect(self._on_input_changed)
        self.address.textChanged.connect(self._on_input_changed)
        self.tabs.setCurrentIndex(cast(int, settings.value(LAST_TAB_KEY, PASTE, int)) % self.tabs.count())
        self._on_input_changed()

    # --- the tabs ------------------------------------------------------------------------------

    def _paste_tab(self) -> QWidget:
        tab = QWidget(self)
        self.text = QPlainTextEdit(tab)
        self.text.setPlaceholderText("Paste an article's text here, headline and all.")
        self.title = QLineEdit(tab)
        self.title.setPlaceholderText("optional: the text's first line or what it says of itself")
        self.url = QLineEdit(tab)
        self.url.setPlaceholderText("optional: https://… where the article was published")
        self.published = _published_field(tab)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Source address:", self.url)
        form.addRow("P&ublished:", self.published)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        return tab

    def _files_tab(self) -> QWidget:
        tab = QWidget(self)
        self.files = QListWidget(tab)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_files_button = QPushButton("&Add files…", tab)
        self.remove_files_button = QPushButton("&Remove", tab)
        note = QLabel(".txt, .md, .html, .eml and .pdf (with a text layer); several at once.", tab)
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.remove_files_button)
        buttons.addStretch(1)
        self.files_published = _published_field(tab)
        form = QFormLayout()
        form.addRow("P&ublished:", self.files_published)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addLayout(form)
        self.add_files_button.clicked.connect(self._on_add_files_clicked)
        self.remove_files_button.clicked.connect(self._on_remove_files_clicked)
        return tab

    def _web_tab(self) -> QWidget:
        tab = QWidget(self)
        self.address = QLineEdit(tab)
        self.address.setPlaceholderText("https://…")
        self.address.setClearButtonEnabled(True)
        note = QLabel("The page is fetched (http and https only, up to 10 MB) and its article text read; "
                      "nothing on it is run. The address is kept as the article's source.", tab)
        note.setWordWrap(True)
        self.web_published = _published_field(tab)
        form = QFormLayout()
        form.addRow("&Address:", self.address)
        form.addRow("P&ublished:", self.web_published)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        return tab

    # --- what to import ------------------------------------------------------------------------

    def add_files(self, paths: list[str]) -> None:
        present = {self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())}
        for path in paths:
            if path not in present:
                present.add(path)
                self.files.addItem(Path(path).name)
                item = self.files.item(self.files.count() - 1)
                item.setData(Qt.ItemDataRole.UserRole, path)
                item.setToolTip(path)
        self._on_input_changed()

    def file_paths(self) -> list[str]:
        return [self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())]

    def sources(self) -> list[ImportSource]:
        """What the tab shown asks to import; nothing while it is empty."""
        tab = self.tabs.currentIndex()
        if tab == PASTE:
            if not self.text.toPlainText().strip():
                return []
            return [from_text(self.text.toPlainText(), title=self.title.text(), url=self.url.text(),
                              published=self.published.text())]
        if tab == FILES:
            found = from_locations(self.file_paths())
        else:
            found = [from_address(self.address.text())] if self.address.text().strip() else []
        # The date the articles came out, for those that print none: "on Monday" hangs on it.
        published = self.published_field().text().strip() or None
        return [dataclasses.replace(s, published=published) for s in found] if published else found

    def published_field(self) -> QLineEdit:
        """The Published field of the tab shown."""
        return (self.published, self.files_published, self.web_published)[self.tabs.currentIndex()]

    def clear(self) -> None:
        """Empty every tab, after what it held was imported."""
        for widget in (self.text, self.title, self.url, self.published, self.address, self.files,
                       self.files_published, self.web_published):
            widget.clear()
        self._on_input_changed()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _on_input_changed(self, *_: object) -> None:
        self.import_button.setEnabled(bool(self.sources()))
        self.show_error("")

    def _on_buttons_accepted(self) -> None:
        sources = self.sources()
        if not sources:
            return
        problem = published_error(self.published_field().text())
        if problem is not None:
            self.show_error(f"Published: {problem}")
            self.published_field().setFocus()
            return
        self._settings.setValue(LAST_TAB_KEY, self.tabs.currentIndex())
        self.accept()
        self.import_requested.emit(sources)

    def _on_add_files_clicked(self) -> None:
        folder = str(self._settings.value(IMPORT_FOLDER_KEY, str(Path.home()), str))
        names, _ = QFileDialog.getOpenFileNames(self, "Choose articles", folder, ARTICLE_FILTER)
        if names:
            self._settings.setValue(IMPORT_FOLDER_KEY, str(Path(names[0]).parent))
            self.add_files(names)

    def _on_remove_files_clicked(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._on_input_changed()


def _published_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setPlaceholderText("optional: YYYY-MM-DD, for \"on Monday\" and \"last week\"")
    field.setToolTip("The day the articles came out, as the command line's --published: it stands for any "
                     "date they print, so leave it empty when they print their own.")
    return field
