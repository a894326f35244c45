"""Renaming, merging and aliasing parties in the registry window: named undo steps that restore the store exactly."""

from __future__ import annotations

import pytest

from core.importer import import_text
from core.model import DealQuery
from test_commands import _state

VOLTA_AGAIN = ("Volta Grid agreed to acquire Brightwater Solar for $400 million, the companies said on "
               "June 3, 2025.\n")


def _registry_state(store):
    """Every deal (as in the command tests) and every registry entry with its aliases, in order."""
    return _state(store), [(e.id, e.name, e.kind, e.country, e.aliases) for e in store.entities()]


@pytest.fixture
def registry(qtbot, window):
    window.registry.action.trigger()
    dialog = window.registry.dialog
    qtbot.addWidget(dialog)
    return dialog


def _select(dialog, *names):
    dialog.table.clearSelection()
    flags = dialog.table.selectionModel().SelectionFlag
    for name in names:
        row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == name)
        dialog.table.selectionModel().select(dialog.table.model().index(row, 0), flags.Select | flags.Rows)


def _entity(store, name):
    return next(e for e in store.entities() if e.name == name)


def assert_registry_round_trip(window, store, action):
    before = _registry_state(store)
    depth = window.undo_stack.count()
    action()
    assert window.undo_stack.count() == depth + 1, "the action pushed no command"
    after = _registry_state(store)
    assert after != before
    window.undo_stack.undo()
    assert _registry_state(store) == before
    window.undo_stack.redo()
    assert _registry_state(store) == after
    window.undo_stack.undo()
    assert _registry_state(store) == before
    window.undo_stack.redo()
    assert _registry_state(store) == after


def test_rename_is_a_named_undo_step_and_every_view_follows(window, registry, sample_store):
    _select(registry, "BlackRock")
    assert registry.rename_button.isEnabled()
    registry.ask_text = lambda parent, title, label, text: "BlackRock Inc. Group"
    assert_registry_round_trip(window, sample_store, registry.rename_button.click)
    assert window.undo_action.text() == "&Undo Rename party"
    renamed = _entity(sample_store, "BlackRock Inc. Group")
    assert "BlackRock" in renamed.aliases
    names = [registry.table.item(r, 0).text() for r in range(registry.table.rowCount())]
    assert "BlackRock Inc. Group" in names and "BlackRock" not in names
    shown = {window.model.index(r, 4).data() for r in range(window.model.rowCount())}
    assert any(text.startswith("BlackRock Inc. Group") for text in shown)
    window.undo_stack.undo()
    assert _entity(sample_store, "BlackRock").aliases == ()
    assert "BlackRock Inc. Group" not in [registry.table.item(r, 0).text() for r in range(registry.table.rowCount())]


def test_a_renamed_partys_old_spelling_in_a_later_import_maps_to_it(window, registry, sample_store):
    volta = _entity(sample_store, "Volta Grid")
    _select(registry, "Volta Grid")
    registry.ask_text = lambda parent, title, label, text: "Volta Grid Holdings"
    registry.rename_button.click()
    result = import_text(sample_store, VOLTA_AGAIN)
    assert result.outcome is not None and result.outcome.added
    parties = sample_store.deal(result.outcome.added[0]).parties
    assert (parties[0].name, parties[0].entity_id) == ("Volta Grid Holdings", volta.id)
    assert len([e for e in sample_store.entities() if e.name.startswith("Volta")]) == 1


def test_merge_moves_every_deal_and_undo_brings_the_party_back(window, registry, sample_store):
    _select(registry, "Microsoft", "Nvidia")
    assert registry.merge_button.isEnabled() and not registry.rename_button.isEnabled()
    asked = []
    registry.ask_item = lambda parent, title, label, items: asked.append(items) or "Microsoft"
    assert_registry_round_trip(window, sample_store, registry.merge_button.click)
    assert sorted(asked[0]) == ["Microsoft", "Nvidia"]
    assert window.undo_action.text() == "&Undo Merge parties"
    assert "Nvidia" in _entity(sample_store, "Microsoft").aliases
    assert "Nvidia" not in {e.name for e in sample_store.entities()}
    aip = next(d for d in sample_store.iter_deals(DealQuery()) if d.title == "AI Infrastructure Partnership")
    assert [p.name for p in aip.parties] == ["BlackRock", "Microsoft", "xAI"]
    window.undo_stack.undo()
    aip = sample_store.deal(aip.id)
    assert [p.name for p in aip.parties] == ["BlackRock", "Microsoft", "Nvidia", "xAI"]


def test_merge_asks_which_name_to_keep_and_cancel_changes_nothing(window, registry, sample_store):
    _select(registry, "Microsoft", "Nvidia")
    registry.ask_item = lambda parent, title, label, items: None
    registry.merge_button.click()
    assert window.undo_stack.count() == 0


def test_aliases_are_added_and_removed_as_undo_steps(window, registry, sample_store):
    _select(registry, "General Catalyst")
    registry.ask_text = lambda parent, title, label, text: "GC Partners"
    assert_registry_round_trip(window, sample_store, registry.add_alias_button.click)
    assert window.undo_action.text() == "&Undo Add alias"
    assert _entity(sample_store, "General Catalyst").aliases == ("GC Partners",)
    _select(registry, "General Catalyst")
    assert registry.remove_alias_button.isEnabled()
    registry.ask_item = lambda parent, title, label, items: items[0]
    assert_registry_round_trip(window, sample_store, registry.remove_alias_button.click)
    assert window.undo_action.text() == "&Undo Remove alias"
    assert _entity(sample_store, "General Catalyst").aliases == ()


def test_an_alias_it_already_has_adds_no_undo_step(window, registry, sample_store):
    _select(registry, "BlackRock")
    registry.ask_text = lambda parent, title, label, text: "blackrock inc."
    registry.add_alias_button.click()
    assert window.undo_stack.count() == 0
    assert "already means BlackRock" in window.statusBar().currentMessage()


def test_a_refused_rename_is_a_message_and_no_undo_step(window, registry, sample_store, monkeypatch):
    from gui import context

    shown = []
    monkeypatch.setattr(context, "show_error", lambda parent, title, text, details=None: shown.append(text))
    before = _registry_state(sample_store)
    _select(registry, "BlackRock")
    registry.ask_text = lambda parent, title, label, text: "Microsoft Corp."
    registry.rename_button.click()
    assert len(shown) == 1 and "already names Microsoft" in shown[0]
    assert window.undo_stack.count() == 0 and _registry_state(sample_store) == before


def test_registry_edits_undo_after_a_deal_edit_in_order(window, registry, sample_store):
    """A rename, then a hand edit of a deal naming the party: undoing both restores both."""
    before = _registry_state(sample_store)
    _select(registry, "BlackRock")
    registry.ask_text = lambda parent, title, label, text: "BlackRock Group"
    registry.rename_button.click()
    deal_id = next(d.id for d in sample_store.iter_deals(DealQuery()) if d.title == "AI Infrastructure Partnership")
    assert window.select_deal(deal_id)
    window.detail.title.setText("AIP, renamed")
    window.detail.title.editingFinished.emit()
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert _registry_state(sample_store) == before


def test_a_party_merged_away_by_another_program_is_a_status_message(window, registry, sample_store, db_path):
    from core.store import Store

    _select(registry, "Nvidia")
    nvidia = _entity(sample_store, "Nvidia").id
    with Store.open(db_path) as other:  # the registry window still lists Nvidia
        other.merge_entities(_entity(other, "Microsoft").id, nvidia)
    registry.ask_text = lambda parent, title, label, text: "NVIDIA Corp"
    registry.rename_button.click()
    assert window.undo_stack.count() == 0
    assert "changed meanwhile" in window.statusBar().currentMessage()
    assert "Nvidia" not in [registry.table.item(r, 0).text() for r in range(registry.table.rowCount())]
