"""The list after a delete or its undo, its context menu, sources opened in the browser and copied as citations."""

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from core.model import Article, Deal, DealQuery, Party
from gui.browser import link_html, web_address
from gui.formatting import citation


@pytest.fixture
def opened(monkeypatch):
    """QDesktopServices.openUrl records the address instead of starting a browser."""
    urls: list[str] = []

    def record(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return urls


def _titles(window):
    return [window.model.index(r, 1).data() for r in range(window.model.rowCount())]


def _select_rows(window, *rows):
    selection = window.table.selectionModel()
    flags = selection.SelectionFlag
    selection.setCurrentIndex(window.model.index(rows[0], 0), flags.ClearAndSelect | flags.Rows)
    for row in rows[1:]:
        selection.select(window.model.index(row, 0), flags.Select | flags.Rows)


def test_delete_selects_the_next_row_and_undo_selects_what_it_restores(window, sample_store):
    titles = _titles(window)
    _select_rows(window, 1)
    deleted = window.table.selected_ids()
    window.deal_actions.delete_action.trigger()
    assert window.table.selected_ids() and window.detail.deal.title == titles[2]
    assert window.article.article is not None  # the next deal's article
    window.undo_stack.undo()
    assert window.table.selected_ids() == deleted and window.detail.deal.id == deleted[0]


def test_delete_of_the_last_row_selects_the_one_before(window):
    titles = _titles(window)
    last = len(titles) - 1
    _select_rows(window, last - 1, last)
    window.deal_actions.delete_action.trigger()
    assert window.detail.deal.title == titles[last - 2]


def test_deleting_every_deal_empties_the_detail_and_article_panes(window):
    _select_rows(window, *range(window.model.rowCount()))
    window.deal_actions.delete_action.trigger()
    assert window.model.rowCount() == 0
    assert window.detail.deal is None and window.article.article is None


def test_several_selected_say_how_many_and_what_applies(window):
    _select_rows(window, 0, 1, 2)
    detail = window.detail
    assert detail.several.isVisible() and detail.several.count.text() == "3 selected"
    texts = [b.text() for b in detail.several.buttons if b.isEnabled()]
    assert "Delete 3 deals" in [t.replace("&", "") for t in texts]
    _select_rows(window, 0)
    assert not detail.several.isVisible() and detail.title.isVisible()


def test_the_context_menu_has_what_a_user_reaches_for(window):
    _select_rows(window, 0)
    texts = [a.text().replace("&", "") for a in window.list_menu.menu().actions() if not a.isSeparator()]
    assert texts == ["Open source in browser", "Copy citation", "Copy", "Mark reviewed", "Merge deals…",
                     "Re-parse from article", "Delete deal", "Watch party"]


def test_open_source_is_off_without_a_web_address(window, opened):
    _select_rows(window, 0)
    menu = window.list_menu.menu()
    assert not window.list_menu.open_source_action.isEnabled()
    menu.deleteLater()
    window.list_menu.open_source_action.trigger()
    assert opened == []


@pytest.fixture
def web_window(window, sample_store):
    """The window with one more deal from an article fetched from a web address."""
    article = Article("Ashby Wind agreed to buy Dunmore Grid for $40 million.", title="Ashby buys Dunmore",
                      publisher="Grid Weekly", url="https://news.example.org/ashby-dunmore?id=7",
                      published="2025-06-02", deals=(Deal("Ashby Wind to buy Dunmore Grid",
                                                          parties=(Party("Ashby Wind"), Party("Dunmore Grid"))),))
    sample_store.add_article(article)
    window.refresh()
    deal_id = next(d.id for d in sample_store.iter_deals(DealQuery()) if d.title.startswith("Ashby"))
    assert window.select_deal(deal_id)
    return window


def test_open_source_opens_the_address_in_the_browser(web_window, opened):
    web_window.list_menu.menu().deleteLater()
    assert web_window.list_menu.open_source_action.isEnabled()
    web_window.list_menu.open_source_action.trigger()
    assert opened == ["https://news.example.org/ashby-dunmore?id=7"]


def test_copy_citation_copies_title_publisher_date_and_address(web_window):
    web_window.list_menu.copy_citation_action.trigger()
    assert QGuiApplication.clipboard().text() == \
        "“Ashby buys Dunmore”, Grid Weekly, 2 Jun 2025. https://news.example.org/ashby-dunmore?id=7"


def test_copy_copies_the_rows_as_shown_and_never_a_formula(window, sample_store):
    deal = next(sample_store.iter_deals(DealQuery()))
    sample_store.save(deal.replace(title="=HYPERLINK(\"http://x\")"))
    window.refresh()
    _select_rows(window, window.model.row_of(deal.id))
    window.list_menu.copy_action.trigger()
    header, row = QGuiApplication.clipboard().text().split("\n")
    assert header.split("\t")[0] == "Title" and row.split("\t")[0] == "'=HYPERLINK(\"http://x\")"


def test_source_addresses_are_links_in_the_article_header_and_the_sources_list(web_window, opened):
    assert web_window.article.link.isVisible() and "https://news.example.org" in web_window.article.link.text()
    web_window.article.link.linkActivated.emit("https://news.example.org/ashby-dunmore?id=7")
    detail = web_window.detail
    assert detail.source_link.isVisible()
    detail.source_link.linkActivated.emit("https://news.example.org/ashby-dunmore?id=7")
    assert opened == ["https://news.example.org/ashby-dunmore?id=7"] * 2


def test_only_web_addresses_become_links_and_their_text_is_escaped():
    assert web_address("javascript:alert(1)") is None and web_address("file:///etc/passwd") is None
    assert web_address("https://") is None and web_address(None) is None
    assert link_html('https://e.org/"><b>x', "<b>x</b>") == \
        '<a href="https://e.org/%22%3E%3Cb%3Ex">&lt;b&gt;x&lt;/b&gt;</a>'


def test_citation_reads_as_a_line():
    assert citation("A  title", None, None, None) == "“A title”."
    assert citation(None, "Wire", "2025-03", "http://e.org") == "Untitled article, Wire, Mar 2025. http://e.org"
