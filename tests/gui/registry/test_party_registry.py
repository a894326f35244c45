"""The party registry lists every party with its deal count; choosing one lists its deals."""


def test_registry_lists_parties_and_filters_by_one(qtbot, window):
    window.registry.action.trigger()
    dialog = window.registry.dialog
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert {"BlackRock", "South Korea", "Mistral AI", "General Catalyst"} <= rows.keys()
    row = rows["BlackRock"]
    assert dialog.table.item(row, 4).text() == "3"
    assert dialog.table.item(rows["South Korea"], 1).text() == "Government"
    dialog.table.cellDoubleClicked.emit(row, 0)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=2000)
    assert window.filters.selection() == {"party": ["BlackRock"]}
    dialog.close()


def test_registry_filter_box_hides_other_parties(qtbot, window):
    window.registry.action.trigger()
    dialog = window.registry.dialog
    qtbot.addWidget(dialog)
    dialog._filter.setText("nvid")
    shown = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert shown == ["Nvidia"]
    dialog.close()
