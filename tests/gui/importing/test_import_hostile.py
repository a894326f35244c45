"""The window reads each input under the budget: a recursion bomb is one skipped line, the others are stored."""

import pytest

from gui_import_helpers import wait_for_import

BODY = "{buyer} said on Monday it had agreed to buy {target} for $90 million in cash.\n"


@pytest.mark.slow
def test_a_nested_email_is_skipped_and_the_files_around_it_are_stored(qtbot, window, sample_store, tmp_path):
    first, last = tmp_path / "first.txt", tmp_path / "last.txt"
    first.write_text(BODY.format(buyer="Alder Freight", target="Birchwood Cargo Ltd"), encoding="utf-8")
    last.write_text(BODY.format(buyer="Cobalt Rail", target="Dunmore Signals Ltd"), encoding="utf-8")
    head = "From: desk@news.example\nSubject: Deep\n" + "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(1_200))
    nested = tmp_path / "nested.eml"
    nested.write_text(head + "Content-Type: text/plain\n\nhello\n", encoding="utf-8")
    before = sample_store.article_count()
    window.importer.start([str(first), str(nested), str(last)])
    results = wait_for_import(qtbot, window)
    assert [r.describe() for r in results] == [
        "added 1 deal", "skipped: Could not read nested.eml: it is nested too deeply to read", "added 1 deal"]
    assert sample_store.article_count() == before + 2
