"""The article pane: a source article as plain text, with the evidence span of the selected field highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from core.model import Article
from gui.browser import link_html, open_address


def qt_position(text: str, index: int) -> int:
    """Where Python's character `index` of `text` lands in a QTextDocument made by setPlainText.

    Qt counts UTF-16 code units (an emoji is two) and folds "\\r\\n" into one paragraph break,
    while the parser's evidence offsets count code points of the text as imported.
    """
    head = text[:index]
    return len(head.encode("utf-16-le")) // 2 - head.count("\r\n")


class ArticlePane(QWidget):
    """Read-only and plain text only: an article's HTML, scripts or remote images never reach a renderer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self._heading = QLabel(self)
        self._heading.setWordWrap(True)
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        # The address apart from the heading: the heading stays plain text, only this label holds a link.
        self.link = QLabel(self)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.link.linkActivated.connect(open_address)
        self._text = QPlainTextEdit(self)
        self._text.setReadOnly(True)
        self._text.setUndoRedoEnabled(False)
        self._text.setObjectName("article_text")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self._heading, 1)
        top.addWidget(self.link, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self._text, 1)
        self.show_article(None)

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def text_edit(self) -> QPlainTextEdit:
        return self._text

    def show_article(self, article: Article | None, spans: Sequence[tuple[int, int]] = (),
                     field: str | None = None) -> None:
        """Show `article`, highlighting characters [start, end) of its text for each of `spans`."""
        if article is None:
            self._article = None
            self._heading.setText("Select a deal field to see the sentence it came from.")
            self._set_link(None)
            self._text.clear()
            self._text.setExtraSelections([])
            return
        if article is not self._article and (self._article is None or article.id != self._article.id
                                             or article.text != self._article.text):
            self._text.setPlainText(article.text)
        self._article = article
        self._set_link(article.url)
        self._heading.setText(self._heading_text(article, field if spans else None))
        self.highlight(spans)

    def _set_link(self, url: str | None) -> None:
        link = link_html(url, "Open source ↗")
        self.link.setText(link)
        self.link.setToolTip(url or "")
        self.link.setVisible(bool(link))

    def highlight(self, spans: Sequence[tuple[int, int]]) -> None:
        """Highlight each span; the view scrolls to the first."""
        if self._article is None or not spans:
            self._text.setExtraSelections([])
            return
        text = self._article.text
        selections = []
        for span in spans:
            start, end = max(0, span[0]), min(len(text), span[1])
            cursor = QTextCursor(self._text.document())
            cursor.setPosition(qt_position(text, start))
            cursor.setPosition(qt_position(text, end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = self._highlight_format()
            selections.append(selection)
        self._text.setExtraSelections(selections)
        # Put the caret at the first span so the view scrolls there, then centre it.
        caret = QTextCursor(self._text.document())
        caret.setPosition(qt_position(text, max(0, spans[0][0])))
        self._text.setTextCursor(caret)
        self._text.centerCursor()

    def highlighted_text(self) -> str:
        """The characters currently highlighted, as Qt sees them (tests compare them with the article)."""
        selections = self._text.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""

    def _highlight_format(self) -> QTextCharFormat:
        palette = self.palette()
        fmt = QTextCharFormat()
        # The palette's own selection colours, so light and dark system themes both read well.
        fmt.setBackground(palette.color(QPalette.ColorRole.Highlight))
        fmt.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        return fmt

    @staticmethod
    def _heading_text(article: Article, field: str | None) -> str:
        title = article.title or article.source_path or f"Article {article.id}"
        extra = ", ".join(x for x in (article.publisher, article.published) if x)
        heading = f"{title} ({extra})" if extra else title
        return f"{heading} · evidence for {field}" if field else heading
