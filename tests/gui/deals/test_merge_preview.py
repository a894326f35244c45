"""Merge (Ctrl+M) shows the two deals side by side first: what differs, which value wins; Cancel changes nothing."""

from core.model import DealQuery
from gui.deals.merge_preview import BOTH, KEPT, OTHER, mismatches, preview_rows

MOU = "BlackRock and South Korea sign AI infrastructure MoU"
AIP = "AI Infrastructure Partnership"


def _deal_id(store, title):
    return next(d.id for d in store.iter_deals(DealQuery(include_deleted=True)) if d.title == title)


def _state(store):
    return [d.replace(updated_at=None) for d in store.iter_deals(DealQuery(include_deleted=True))], \
        store.deal_ids(DealQuery(sort="id"), 0, 100)


def _select_pair(window, store):
    keep, other = _deal_id(store, MOU), _deal_id(store, AIP)
    model, selection = window.model, window.table.selectionModel()
    flags = selection.SelectionFlag
    window.select_deal(keep)
    selection.select(model.index(model.row_of(other), 0), flags.Select | flags.Rows)
    return keep, other


def test_rows_say_what_differs_and_whose_value_the_merged_deal_keeps(sample_store):
    mou, aip = sample_store.deal(_deal_id(sample_store, MOU)), sample_store.deal(_deal_id(sample_store, AIP))
    rows = {r.label: r for r in preview_rows(mou, aip)}
    assert rows["Title"].differs and rows["Title"].winner == KEPT and rows["Title"].merged == MOU
    assert (rows["Type"].kept, rows["Type"].other, rows["Type"].merged) == ("MoU", "Partnership", "MoU")
    assert rows["Parties"].winner == BOTH and "xAI" in rows["Parties"].merged and "South Korea" in rows["Parties"].merged
    assert not rows["Sources"].differs  # both come from the one article
    swapped = {r.label: r for r in preview_rows(aip, mou)}
    assert swapped["Date"].winner == OTHER and swapped["Date"].merged == "22 Sep 2025"  # a blank is filled
    assert swapped["Location"].winner == OTHER


def test_a_warning_when_types_or_parties_do_not_match(sample_store):
    mou, aip = sample_store.deal(_deal_id(sample_store, MOU)), sample_store.deal(_deal_id(sample_store, AIP))
    lines = mismatches(mou, aip)
    assert lines[0].startswith("The types differ (MoU and Partnership)")
    assert "Microsoft" in lines[1] and "South Korea" in lines[1]
    assert mismatches(mou, mou) == []


def test_ctrl_m_opens_the_preview_and_cancel_changes_nothing(window, sample_store):
    keep, other = _select_pair(window, sample_store)
    before = _state(sample_store)
    window.deal_actions.merge_action.trigger()
    preview = window.deal_actions.merge_preview
    assert preview is not None and preview.isVisible()
    assert _state(sample_store) == before  # nothing yet
    labels = [preview.table.item(r, 0).text() for r in range(preview.table.rowCount())]
    assert labels[:3] == ["Title", "Type", "Status"]
    assert preview.table.item(0, 1).text() == f"✓ {MOU}"  # the kept title wins
    assert not preview.warning.isHidden() and "types differ" in preview.warning.text()
    preview.reject()
    assert _state(sample_store) == before and window.undo_stack.count() == 0


def test_merge_in_the_preview_merges_undoably_and_selects_the_merged_deal(window, sample_store):
    keep, other = _select_pair(window, sample_store)
    window.deal_actions.merge_action.trigger()
    window.deal_actions.merge_preview.merge_button.click()
    assert sample_store.trashed([other]) == {other}
    assert window.table.selected_ids() == [keep] and window.detail.deal.id == keep
    assert window.undo_stack.undoText() == "Merge deals"
    window.undo_stack.undo()
    assert sample_store.trashed([other]) == set()


def test_keep_the_other_swaps_which_deal_stays(window, sample_store):
    keep, other = _select_pair(window, sample_store)
    window.deal_actions.merge_action.trigger()
    preview = window.deal_actions.merge_preview
    preview.swap_button.click()
    assert preview.table.item(0, 1).text() == f"✓ {AIP}"
    preview.merge_button.click()
    assert sample_store.trashed([keep, other]) == {keep}
    assert window.detail.deal.id == other and sample_store.deal(other).date == "2025-09-22"


def test_screenshot_of_the_merge_preview(window, sample_store, qtbot):
    _select_pair(window, sample_store)
    window.deal_actions.merge_action.trigger()
    preview = window.deal_actions.merge_preview
    qtbot.waitExposed(preview)
    preview.grab().save("/tmp/merge_preview.png")
    preview.resize(700, 500)
    preview.grab().save("/tmp/merge_preview_small.png")
    preview.reject()
