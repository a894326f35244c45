"""Selecting a field shows its source article with exactly the words it came from highlighted."""

import pytest
from PySide6.QtGui import QPalette

from conftest import KOREA_TEXT
from core.model import Article
from gui.article.pane import ArticlePane, qt_position

MOU = "BlackRock and South Korea sign AI infrastructure MoU"


@pytest.fixture
def mou_window(window, sample_store):
    from core.model import DealQuery

    deal_id = next(d.id for d in sample_store.iter_deals(DealQuery()) if d.title == MOU)
    assert window.select_deal(deal_id)
    return window


@pytest.mark.parametrize(("field", "words"), [
    ("date", "Monday, September 22"),
    ("location", "New York"),
    ("type", "signed a memorandum of understanding"),
    ("parties", "BlackRock and South Korea"),
])
def test_field_highlights_its_evidence(mou_window, field, words):
    mou_window.detail.field_selected.emit(field, -1)
    pane = mou_window.article
    assert pane.article is not None and pane.article.text == KOREA_TEXT
    assert pane.highlighted_text() == words
    selection = pane.text_edit.extraSelections()[0]
    assert selection.format.background().color() == pane.palette().color(QPalette.ColorRole.Highlight)


def test_party_row_finds_the_span_naming_it(mou_window):
    mou_window.detail.field_selected.emit("parties", 1)
    assert "South Korea" in mou_window.article.highlighted_text()


def test_field_without_evidence_clears_the_highlight(mou_window):
    mou_window.detail.field_selected.emit("date", -1)
    mou_window.detail.field_selected.emit("notes", -1)
    assert mou_window.article.highlighted_text() == ""
    assert "No source sentence" in mou_window.statusBar().currentMessage()


def test_focusing_the_date_box_highlights_the_date(qtbot, mou_window):
    mou_window.detail.date.setFocus()
    qtbot.waitUntil(lambda: mou_window.article.highlighted_text() == "Monday, September 22", timeout=2000)


@pytest.mark.parametrize("text", [
    "plain words and the deal",
    "line one\r\nline two with the deal\r\n",
    "emoji 😀 before the deal 🚀 and after",
    "tabs\tand\fform feeds before the deal",
])
def test_offsets_survive_crlf_and_wide_characters(qtbot, text):
    pane = ArticlePane()
    qtbot.addWidget(pane)
    start = text.index("the deal")
    pane.show_article(Article(text, id=1), [(start, start + len("the deal"))])
    assert pane.highlighted_text() == "the deal"
    assert qt_position(text, len(text)) <= pane.text_edit.document().characterCount()


def test_article_text_is_never_rendered_as_html(qtbot):
    pane = ArticlePane()
    qtbot.addWidget(pane)
    html = '<b>bold</b><img src="http://example.com/x.png"><script>alert(1)</script>'
    pane.show_article(Article(html, title="<i>t</i>", id=2))
    assert pane.text_edit.toPlainText() == html
    assert pane.text_edit.isReadOnly()


def test_whole_field_lights_up_every_span_in_the_article(qtbot):
    from core.model import Deal, Evidence
    from gui.article.evidence import find_evidence, spans_for

    text = "One. The first sentence. Two. The second sentence."
    spans = [(5, 24), (30, 50)]
    deal = Deal("d", evidence=tuple(Evidence("summary", a, b, 0.8, 1) for a, b in spans))
    evidence = find_evidence(deal, "summary", -1, lambda _: text)
    assert spans_for(deal, evidence, -1) == spans
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.show_article(Article(text, id=1), spans_for(deal, evidence, -1), "summary")
    assert [s.cursor.selectedText() for s in pane.text_edit.extraSelections()] == [
        "The first sentence.", "The second sentence."]


def test_parser_style_row_evidence_is_found():
    from core.model import Deal, Evidence, Party
    from gui.article.evidence import find_evidence

    deal = Deal("d", parties=(Party("A"), Party("B")),
                evidence=(Evidence("parties[0]", 0, 1), Evidence("parties[1]", 2, 3), Evidence("amounts[0]", 4, 5)))
    assert find_evidence(deal, "parties", 1, lambda _: "").start == 2
    assert find_evidence(deal, "amounts", 0, lambda _: "").start == 4
    assert find_evidence(deal, "amounts", -1, lambda _: "").start == 4
