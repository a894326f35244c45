"""A real round in the window: subscribe through File > Feeds..., poll, see the inbox count, accept, reject, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.store.feeds import Feed
from gui.feeds.commands import AddFeed
from feed_site import FeedSite, feed_site


@pytest.fixture
def site():
    with feed_site() as running:
        yield running


@pytest.fixture
def feeds(window):
    actions = window.feeds
    actions.poller.pause, actions.poller.budget = 0, None  # no pause between requests, parse in this process
    return actions


def _select(window, deal_ids):
    model, selection = window.model, window.table.selectionModel()
    flags = selection.SelectionFlag
    selection.clearSelection()
    for deal_id in deal_ids:
        selection.select(model.index(model.row_of(deal_id), 0), flags.Select | flags.Rows)
    assert set(window.table.selected_ids()) == set(deal_ids)


def _subscribe(qtbot, dialog, url: str, **settings) -> None:
    # The feed is looked for on the pool; the subscription is an undo step once it is found.
    with qtbot.waitSignal(dialog._ctx.undo_stack.indexChanged, timeout=20_000):
        dialog.subscribe(url, Feed(None, "", **settings))


def _poll(qtbot, feeds) -> list[int]:
    with qtbot.waitSignal(feeds.new_deals, timeout=60_000) as blocker:
        assert feeds.dialog is not None
        feeds.dialog.poll_button.click()
    return list(blocker.args[0])


def test_subscribe_poll_accept_reject_and_undo_in_the_window(qtbot, window, feeds, site: FeedSite) -> None:
    store = window.ctx.store
    dialog = feeds.show_dialog()
    _subscribe(qtbot, dialog, f"{site.url}/home.html", interval_min=45)
    assert [f.url for f in store.feeds()] == [f"{site.url}/rss.xml"]
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "Ledger Wire deals"
    assert dialog.table.item(0, 2).text() == "45 min"
    assert window.undo_stack.undoText() == "Subscribe to Ledger Wire deals"
    assert "Inbox" not in window.windowTitle()

    new = _poll(qtbot, feeds)
    assert len(new) == 3
    assert feeds.count == 3 and "Inbox (3)" in window.windowTitle()
    assert dialog.table.item(0, 7).text() == "3" and dialog.table.item(0, 5).text() != "never"
    assert window.model.rowCount() == 5 + 3  # the list reloaded with the new deals

    window.filters.set_checked("inbox", "yes")
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert window.filters.item("inbox", "yes").text(1) == "3"

    _select(window, new[:2])
    assert feeds.accept_action.isEnabled()
    feeds.accept_action.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert feeds.count == 1 and "Inbox (1)" in window.windowTitle()
    assert window.undo_stack.undoText() == "Accept 2 deals from the inbox"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert feeds.count == 3
    window.redo_action.trigger()
    assert feeds.count == 1

    _select(window, [new[2]])
    feeds.reject_action.trigger()
    assert store.trashed([new[2]]) == {new[2]}
    assert feeds.count == 0 and "Inbox" not in window.windowTitle()
    window.undo_action.trigger()
    assert store.trashed([new[2]]) == set() and feeds.count == 1

    # A second poll brings nothing, and the feed answered 304 to the conditional request.
    assert _poll(qtbot, feeds) == []
    assert site.asked("/rss.xml")[-1]["If-None-Match"] == '"rss-v1"'


def test_a_failing_feed_says_why_once_in_the_list_and_the_others_go_on(qtbot, window, feeds, site) -> None:
    store = window.ctx.store
    dialog = feeds.show_dialog()
    # Subscribing looks the feed up, which a 503 refuses: this one was subscribed while the site was up.
    window.ctx.push(AddFeed(store, Feed(None, f"{site.url}/busy.xml", name="Busy wire"), dialog.refresh))
    _subscribe(qtbot, dialog, f"{site.url}/atom.xml")
    new = _poll(qtbot, feeds)
    assert len(new) == 2
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    error = dialog.table.item(rows["Busy wire"], 6).text()
    assert "HTTP 503" in error and "\n" not in error
    assert dialog.table.item(rows["Busy wire"], 7).text() == "0"
    assert dialog.table.item(rows["Ledger Wire Atom"], 6).text() == ""
    assert "1 failed" in dialog.status.text()


def test_a_page_that_is_not_a_feed_is_refused_with_its_reason(qtbot, window, feeds, site, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr("gui.feeds.dialog.show_error", lambda parent, title, text, details=None: shown.append(text))
    dialog = feeds.show_dialog()
    dialog.subscribe(f"{site.url}/page.html", Feed(None, ""))
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "is a web page, not a feed" in shown[0]
    assert window.ctx.store.feeds() == [] and window.undo_stack.count() == 0


def test_edit_and_remove_are_undoable(qtbot, window, feeds, site) -> None:
    store = window.ctx.store
    dialog = feeds.show_dialog()
    _subscribe(qtbot, dialog, f"{site.url}/rss.xml")
    before = store.feeds()[0]
    dialog.edit(before, Feed(before.id, before.url, name="Deals only", interval_min=90, enabled=False,
                             keywords="solar"))
    assert dialog.table.item(0, 0).text() == "Deals only" and dialog.table.item(0, 3).text() == "no"
    window.undo_action.trigger()
    assert store.feeds()[0].name == before.name and dialog.table.item(0, 3).text() == "yes"
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert store.feeds() == [] and dialog.table.rowCount() == 0
    window.undo_action.trigger()
    assert [f.url for f in store.feeds()] == [before.url] and dialog.table.rowCount() == 1


def test_the_inbox_entry_shows_only_while_deals_wait(window, feeds) -> None:
    group = window.filters.tree.topLevelItem(0)
    assert group.text(0) == "Inbox (0)" and group.isHidden()
    window.filters.set_inbox_count(4)
    assert group.text(0) == "Inbox (4)" and not group.isHidden()
    assert window.filters.item("inbox", "yes").text(0) == "Not yet reviewed"
    assert window.filters.item("inbox", "yes").toolTip(0) == "From feeds, not yet reviewed: 4 deals"
    assert window.filters.item("inbox", "yes").checkState(0) == Qt.CheckState.Unchecked


def test_the_background_timer_polls_when_a_feed_is_due_and_only_then(qtbot, window, feeds, site) -> None:
    window.ctx.store.add_feed(Feed(None, f"{site.url}/atom.xml"))
    assert feeds.poller.timer.isActive()
    with qtbot.waitSignal(feeds.new_deals, timeout=60_000) as blocker:
        feeds.poller.timer.timeout.emit()
    assert len(blocker.args[0]) == 2 and feeds.count == 2
    feeds.poller.timer.timeout.emit()  # the feed's next poll is half an hour away
    assert not feeds.poller.running and len(site.asked("/atom.xml")) == 1
