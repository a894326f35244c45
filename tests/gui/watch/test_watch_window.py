"""Watch lists in the window: the eye on exactly the watched rows, the Watched filter, the dialog, the notice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from core.model import DealQuery
from gui.deals.model import COLUMNS, Column
from gui.watch.notify import announce, compose

from gui_import_helpers import KESTREL, save_shot, wait_for_import

AIP = "AI Infrastructure Partnership"  # the one sample deal with Microsoft
VOLTA = "Volta Grid to acquire SolarNorth"  # the one sample deal of US$1bn or more


def _ids(store) -> dict[str, int]:
    return {d.title: d.id for d in store.iter_deals(DealQuery())}


def _flagged(model) -> dict[str, str]:
    """Title -> the eye's tooltip, for the rows that show an eye."""
    flagged = {}
    for row in range(model.rowCount()):
        if model.index(row, Column.WATCHED).data(Qt.ItemDataRole.DecorationRole) is not None:
            flagged[model.index(row, Column.TITLE).data()] = model.index(row, Column.WATCHED).data(
                Qt.ItemDataRole.ToolTipRole)
    return flagged


def test_the_eye_shows_on_exactly_the_watched_rows(window, sample_store):
    assert _flagged(window.model) == {}
    assert window.watches.add("party", "Microsoft") and window.watches.add("min_usd", "1bn")
    assert _flagged(window.model) == {AIP: "Watched: party Microsoft", VOLTA: "Watched: value at least US$1bn"}
    assert window.model.headerData(Column.WATCHED, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.DecorationRole) is not None
    assert window.table.horizontalHeader().visualIndex(Column.WATCHED) == 1  # beside the review mark
    window.undo_stack.undo()
    assert _flagged(window.model) == {AIP: "Watched: party Microsoft"}
    window.undo_stack.redo()
    assert set(_flagged(window.model)) == {AIP, VOLTA}


def test_a_click_on_the_eye_header_leaves_the_sort(window):
    header = window.table.horizontalHeader()
    before = window.model.query
    header.sectionClicked.emit(Column.WATCHED)
    header.setSortIndicator(Column.WATCHED, Qt.SortOrder.AscendingOrder)
    assert window.model.query == before
    assert COLUMNS[header.sortIndicatorSection()].sort_key == before.sort


def test_the_watched_filter_lists_only_watched_deals(qtbot, window, sample_store):
    assert window.model.rowCount() == 5
    window.watches.add("sector", "renewable energy")  # the MoU and Volta Grid
    qtbot.waitUntil(lambda: window.filters.values("watched") == ["yes"])
    assert window.filters.item("watched", "yes").text(1) == "2"
    window.filters.set_checked("watched", "yes")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert window.model.query.watched
    titles = {window.model.index(r, Column.TITLE).data() for r in range(2)}
    assert titles == {VOLTA, "BlackRock and South Korea sign AI infrastructure MoU"}
    window.search.setText("Volta")
    window.search.returnPressed.emit()
    assert window.model.rowCount() == 1


def test_the_dialog_adds_refuses_and_removes_each_as_one_undo_step(qtbot, window, sample_store):
    window.watches.action.trigger()
    dialog = window.watches.dialog
    assert dialog.isVisible() and dialog.table.rowCount() == 0
    dialog.kind.setCurrentIndex(dialog.kind.findData("min_usd"))
    dialog.value.setText("lots")
    dialog.add_button.click()
    assert dialog.error.text().startswith("Could not read 'lots'") and not window.undo_stack.count()
    dialog.value.setText("500m")
    dialog.add_button.click()
    assert [w.value for w in sample_store.watches()] == ["500000000"] and dialog.value.text() == ""
    assert [dialog.table.item(0, c).text() for c in range(3)] == ["Value at least (US$)", "US$500m or more", "3"]
    assert window.undo_action.text() == "&Undo Watch value at least US$500m"
    dialog.value.setText("US$500,000,000")
    dialog.add_button.click()
    assert dialog.error.text().startswith("Already watching value at least US$500m")
    assert window.undo_stack.count() == 1
    dialog.kind.setCurrentIndex(dialog.kind.findData("party"))
    assert dialog.value.completer().model().stringList() == sample_store.entity_names()
    dialog.value.setText("BlackRock")
    dialog.value.returnPressed.emit()
    assert dialog.table.rowCount() == 2 and dialog.table.item(1, 2).text() == "3"
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert [w.value for w in sample_store.watches()] == ["BlackRock"]
    window.undo_stack.undo()
    assert [w.value for w in sample_store.watches()] == ["500000000", "BlackRock"]
    assert dialog.table.rowCount() == 2
    dialog.show_button.click()
    qtbot.waitUntil(lambda: window.model.query.watched)
    save_shot(dialog, "watch-dialog")
    save_shot(window, "watch-list")


def test_the_lists_menu_offers_to_watch_the_deals_parties(window, sample_store):
    assert window.watches.party_action in window.list_menu.menu().actions()
    window.table.select_deal(_ids(sample_store)[AIP])
    menu = window.watches.party_menu
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["BlackRock", "Microsoft", "Nvidia", "xAI", "&Watch lists…"]
    menu.actions()[1].trigger()
    assert [(w.kind, w.value) for w in sample_store.watches()] == [("party", "Microsoft")]
    menu.aboutToShow.emit()
    assert not menu.actions()[1].isEnabled()  # already watched


def test_announce_says_one_thing_for_many_new_deals(window, sample_store):
    ids = _ids(sample_store)
    window.watches.add("party", "BlackRock")
    new = [ids["Mistral AI raises €600m Series B"], ids["BlackRock invests in Digital Gravity Partners"], ids[AIP],
           ids["BlackRock and South Korea sign AI infrastructure MoU"]]
    expected = "New: BlackRock invests in Digital Gravity Partners (watch: BlackRock) … and 2 more watched deals"
    assert compose(sample_store, new) == expected
    assert announce(window, sample_store, new) == expected
    assert window.statusBar().currentMessage() == expected
    assert announce(window, sample_store, [ids["Mistral AI raises €600m Series B"]]) == ""
    assert window.statusBar().currentMessage() == expected  # nothing watched arrived: nothing said
    tray = QSystemTrayIcon(window)  # no tray on this platform: its window's status bar says it
    window.statusBar().clearMessage()
    assert announce(tray, sample_store, new[2:3]) == "New: AI Infrastructure Partnership (watch: BlackRock)"
    assert window.statusBar().currentMessage() == "New: AI Infrastructure Partnership (watch: BlackRock)"


@pytest.mark.slow
def test_an_import_announces_its_watched_deals(qtbot, window, sample_store, tmp_path):
    window.watches.add("keyword", "container terminals")
    article = tmp_path / "kestrel.txt"
    article.write_text(KESTREL, encoding="utf-8")
    window.importer.start([str(article)])
    (result,) = wait_for_import(qtbot, window)
    assert result.outcome.added
    title = sample_store.deal_rows(list(result.outcome.added))[result.outcome.added[0]].title
    assert window.statusBar().currentMessage() == f"New: {title} (watch: container terminals)"
