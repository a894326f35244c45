"""Every command round-trips: undo restores the store as it was, redo restores it as the command left it."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from core.model import DealQuery

MOU = "BlackRock and South Korea sign AI infrastructure MoU"


def _deal_id(store, title):
    return next(d.id for d in store.iter_deals(DealQuery(include_deleted=True)) if d.title == title)


def _state(store):
    """Every deal as the store reads it (bar its times), and which ones are in the trash.

    A redo that makes a deal again (a split) stamps it anew, so created_at may move by a second.
    """
    deals = {d.id: d.replace(updated_at=None, created_at=None) for d in store.iter_deals(DealQuery(include_deleted=True))}
    live = tuple(store.deal_ids(DealQuery(sort="id"), 0, 1000))
    return deals, live


def assert_round_trip(window, store, action):
    """Undo puts back every deal exactly, hand-edit marks (`edited`) included; redo the state the command left."""
    before = _state(store)
    depth = window.undo_stack.count()
    action()
    assert window.undo_stack.count() == depth + 1, "the action pushed no command"
    after = _state(store)
    assert after != before, "the command changed nothing"
    window.undo_stack.undo()
    assert _state(store) == before
    window.undo_stack.redo()
    assert _state(store) == after
    window.undo_stack.undo()
    assert _state(store) == before
    window.undo_stack.redo()
    assert _state(store) == after


def edit_line(widget, text):
    widget.setText(text)
    widget.editingFinished.emit()


def choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def type_combo(combo, text):
    combo.setEditText(text)
    combo.lineEdit().editingFinished.emit()


def leave(widget):
    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))


def merge_now(window):
    """Merge (Ctrl+M) and accept its preview: what a user who agrees with it does."""
    window.deal_actions.merge_action.trigger()
    window.deal_actions.merge_preview.merge_button.click()


def _plain(widget, text):
    widget.setPlainText(text)
    leave(widget)


def _remove_row(table, row):
    table.select_row(row)
    table.remove_button.click()


EDITS = {
    "title": lambda p: edit_line(p.title, "BlackRock and Korea: the AI MoU"),
    "type": lambda p: choose(p.type, "joint_venture"),
    "status": lambda p: choose(p.status, "signed"),
    "date": lambda p: edit_line(p.date, "2025-10"),
    "date precision": lambda p: choose(p.precision, "week"),
    "location": lambda p: edit_line(p.location, "Seoul"),
    "sectors": lambda p: edit_line(p.sectors, "AI, energy, AI"),
    "summary": lambda p: _plain(p.summary, "A new summary."),
    "notes": lambda p: _plain(p.notes, "Call the press office."),
    "add party": lambda p: p.parties.add_button.click(),
    "rename party": lambda p: edit_line(p.parties.editor(0, 0), "Larkspur Holdings"),
    "party kind": lambda p: choose(p.parties.editor(0, 1), "fund"),
    "party role": lambda p: type_combo(p.parties.editor(0, 2), "lender"),
    "remove party": lambda p: _remove_row(p.parties, 1),
    "add amount": lambda p: p.amounts.add_button.click(),
    "add commitment": lambda p: p.commitments.add_button.click(),
    "edit commitment": lambda p: edit_line(p.commitments.editor(0, 1), "by 2030"),
    "remove commitment": lambda p: _remove_row(p.commitments, 0),
    "add person": lambda p: p.people.add_button.click(),
    "edit person": lambda p: edit_line(p.people.editor(0, 1), "Chairman"),
    "remove person": lambda p: _remove_row(p.people, 1),
    "mark reviewed": lambda p: p.mark_reviewed.click(),
}


@pytest.fixture
def mou_window(window, sample_store):
    assert window.select_deal(_deal_id(sample_store, MOU))
    assert window.detail.deal.title == MOU
    return window


@pytest.mark.parametrize("name", list(EDITS))
def test_undo_redo_of_each_detail_edit(mou_window, sample_store, name):
    assert_round_trip(mou_window, sample_store, lambda: EDITS[name](mou_window.detail))


def test_edits_to_amounts_round_trip(window, sample_store):
    assert window.select_deal(_deal_id(sample_store, "BlackRock invests in Digital Gravity Partners"))
    pane = window.detail
    assert_round_trip(window, sample_store, lambda: edit_line(pane.amounts.editor(0, 0), "550000000"))
    assert_round_trip(window, sample_store, lambda: type_combo(pane.amounts.editor(0, 1), "eur"))
    assert sample_store.deal(pane.deal.id).amounts[0].currency == "EUR"
    assert_round_trip(window, sample_store, lambda: _remove_row(pane.amounts, 1))


def test_edit_names_the_command_and_shows_it(mou_window, sample_store):
    edit_line(mou_window.detail.title, "Renamed MoU")
    assert mou_window.undo_action.text() == "&Undo Edit title"
    assert mou_window.detail.title.text() == "Renamed MoU"
    assert mou_window.model.index(mou_window.table.currentIndex().row(), 1).data() == "Renamed MoU"
    assert "title" in sample_store.deal(mou_window.detail.deal.id).edited
    history = mou_window.detail.history
    assert any(history.topLevelItem(i).text(2) == "Title" and history.topLevelItem(i).text(1) == "you"
               for i in range(history.topLevelItemCount()))
    mou_window.undo_stack.undo()
    assert mou_window.detail.title.text() == MOU


def test_an_undone_edit_is_no_longer_a_hand_edit(mou_window, sample_store):
    deal_id = mou_window.detail.deal.id
    edit_line(mou_window.detail.title, "Renamed MoU")
    assert "title" in sample_store.deal(deal_id).edited
    mou_window.undo_stack.undo()
    assert "title" not in sample_store.deal(deal_id).edited  # a later re-parse may update it again
    mou_window.undo_stack.redo()
    assert "title" in sample_store.deal(deal_id).edited


def test_unchanged_field_pushes_nothing(mou_window):
    mou_window.detail.title.editingFinished.emit()
    choose(mou_window.detail.type, "mou")
    assert mou_window.undo_stack.count() == 0


def test_delete_round_trip(window, sample_store):
    window.select_deal(_deal_id(sample_store, MOU))
    assert_round_trip(window, sample_store, window.deal_actions.delete_action.trigger)
    assert window.model.rowCount() == 4


def test_restore_round_trip(qtbot, window, sample_store):
    deal_id = _deal_id(sample_store, MOU)
    window.select_deal(deal_id)
    window.deal_actions.delete_action.trigger()
    window.list_query.trash_action.setChecked(True)
    assert window.model.rowCount() == 5
    assert window.select_deal(deal_id)
    assert_round_trip(window, sample_store, window.deal_actions.restore_action.trigger)
    assert sample_store.count_deals(DealQuery()) == 5


def test_merge_round_trip(window, sample_store):
    keep = _deal_id(sample_store, MOU)
    other = _deal_id(sample_store, "AI Infrastructure Partnership")
    window.select_deal(keep)
    window.table.selectionModel().select(
        window.model.index(window.model.row_of(other), 0),
        window.table.selectionModel().SelectionFlag.Select | window.table.selectionModel().SelectionFlag.Rows)
    assert window.deal_actions.merge_action.isEnabled()
    assert_round_trip(window, sample_store, lambda: merge_now(window))
    merged = sample_store.deal(keep)
    assert {p.name for p in merged.parties} >= {"BlackRock", "South Korea", "Microsoft", "Nvidia", "xAI"}
    assert sample_store.count_deals(DealQuery()) == 4


def _select_too(window, deal_id):
    flags = window.table.selectionModel().SelectionFlag
    window.table.selectionModel().select(window.model.index(window.model.row_of(deal_id), 0), flags.Select | flags.Rows)


def test_delete_and_restore_of_several_deals_round_trip(window, sample_store):
    ids = [_deal_id(sample_store, MOU), _deal_id(sample_store, "AI Infrastructure Partnership")]
    window.select_deal(ids[0])
    _select_too(window, ids[1])
    assert_round_trip(window, sample_store, window.deal_actions.delete_action.trigger)
    assert window.undo_action.text() == "&Undo Delete 2 deals"
    window.list_query.trash_action.setChecked(True)
    window.select_deal(ids[0])
    _select_too(window, ids[1])
    assert_round_trip(window, sample_store, window.deal_actions.restore_action.trigger)
    assert sample_store.trashed(ids) == set()


def _fail_on_call(monkeypatch, number):
    """The store's `number`th move of a deal into or out of the trash fails, as on a full disk."""
    import sqlite3

    from core.store import rows

    calls = []
    original = rows.set_deleted

    def step(*args, **kwargs):
        calls.append(args)
        if len(calls) == number:
            raise sqlite3.OperationalError("database or disk is full")
        return original(*args, **kwargs)

    monkeypatch.setattr(rows, "set_deleted", step)


@pytest.mark.parametrize("action", ["delete", "merge"])
def test_a_write_failing_half_way_changes_nothing_and_leaves_no_step(window, sample_store, monkeypatch, action):
    from gui import context

    shown = []
    monkeypatch.setattr(context, "show_error", lambda parent, title, text, details=None: shown.append(text))
    ids = [_deal_id(sample_store, MOU), _deal_id(sample_store, "AI Infrastructure Partnership")]
    window.select_deal(ids[0])
    _select_too(window, ids[1])
    before = _state(sample_store)
    # A delete of two fails at the second deal; a merge after saving the kept deal, as it trashes the other.
    _fail_on_call(monkeypatch, 2 if action == "delete" else 1)
    window.deal_actions.delete_action.trigger() if action == "delete" else merge_now(window)
    assert shown and "disk is full" in shown[0]
    assert window.undo_stack.count() == 0
    assert _state(sample_store) == before


def test_import_round_trip(qtbot, window, sample_store, tmp_path):
    article = tmp_path / "deal.txt"
    article.write_text("Orbital Freight agreed to acquire Meridian Cargo Ltd for $300 million, the companies "
                       "said on Tuesday, June 3, 2025.\n", encoding="utf-8")
    before = _state(sample_store)
    worker = window.importer.start([str(article)])
    assert worker is not None and not window.importer.import_action.isEnabled()
    with qtbot.waitSignal(window.model.modelReset, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: window.importer.worker is None, timeout=10_000)
    assert window.importer.import_action.isEnabled()
    after = _state(sample_store)
    assert len(after[1]) > len(before[1])
    assert window.undo_action.text().startswith("&Undo Import")
    window.undo_stack.undo()
    assert _state(sample_store)[1] == before[1]
    window.undo_stack.redo()
    # Redo stores the article again, so a deal it adds is created anew (a second later, perhaps).
    assert _created_anew(_state(sample_store)) == _created_anew(after)


def _created_anew(state):
    deals, live = state
    return {i: d.replace(created_at=None) for i, d in deals.items()}, live


def test_trash_view_marks_deleted_deals_and_restores_only_them(window, sample_store):
    deleted = _deal_id(sample_store, MOU)
    live = _deal_id(sample_store, "AI Infrastructure Partnership")
    window.select_deal(deleted)
    window.deal_actions.delete_action.trigger()
    window.list_query.trash_action.setChecked(True)
    row = window.model.row_of(deleted)
    assert window.model.index(row, 1).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert window.model.index(window.model.row_of(live), 1).data(Qt.ItemDataRole.FontRole) is None
    window.select_deal(live)
    assert not window.deal_actions.restore_action.isEnabled() and window.deal_actions.delete_action.isEnabled()
    window.table.selectAll()
    depth = window.undo_stack.count()
    window.deal_actions.restore_action.trigger()
    assert window.undo_stack.count() == depth + 1
    window.undo_stack.undo()  # puts back only what the restore took out of the trash
    assert sample_store.count_deals(DealQuery()) == 4
    assert live in sample_store.deal_ids(DealQuery(), 0, 10)


def test_a_refused_write_is_a_message_and_no_undo_step(mou_window, sample_store, monkeypatch):
    from core.errors import DatabaseError
    from gui import context

    shown = []
    monkeypatch.setattr(context, "show_error", lambda parent, title, text, details=None: shown.append(text))

    def refuse(*args, **kwargs):
        raise DatabaseError("Could not save: the database is locked by another program.")

    monkeypatch.setattr(sample_store, "save", refuse)
    edit_line(mou_window.detail.title, "Never saved")
    assert shown == ["Could not save: the database is locked by another program."]
    assert mou_window.undo_stack.count() == 0
    assert mou_window.detail.title.text() == MOU
