"""The detail pane shows the country the store worked out from a deal's location, under Location, read-only."""

from core.model import Deal


def test_the_country_is_shown_under_the_location_and_follows_an_edit(qtbot, window):
    store = window.store
    deal = store.add_deal(Deal(title="Tata opens a plant", location="Pune"))
    window.reload_deals((deal.id,))
    assert window.select_deal(deal.id)
    pane = window.detail
    qtbot.waitUntil(lambda: pane.deal is not None and pane.deal.id == deal.id)
    assert pane.country.isVisible() and pane.country.text() == "Country: India"
    pane.location.setText("Arizona")
    pane.location.editingFinished.emit()  # saved through the undo stack; the pane shows the stored copy
    qtbot.waitUntil(lambda: pane.country.text() == "Country: United States")
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: pane.country.text() == "Country: India")
    pane.location.setText("")
    pane.location.editingFinished.emit()
    qtbot.waitUntil(lambda: pane.country.isHidden())
