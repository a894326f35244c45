"""A published date given after the import: set with its re-parse in one transaction, and taken back with it."""

from __future__ import annotations

import pytest

from core.errors import InputError
from core.importer import parse_stored, prepare_text, store_article
from core.model import Precision
from core.store import Store
from import_samples import dump, fts_ok

HARLOW = ("Harlow Minerals signed an agreement on Tuesday to acquire Brightwater Lithium for $240 million, "
          "the companies said.")


def test_the_date_and_its_reparse_go_in_and_out_together(store: Store) -> None:
    outcome = store_article(store, prepare_text(HARLOW, title="Harlow buys Brightwater"))
    article_id, (deal_id,) = outcome.article_id or 0, outcome.added
    assert store.deal(deal_id).date is None
    before = dump(store)
    dated = store.article(article_id).replace(published="2026-03-05")
    [result] = store.apply_reparses([(article_id, parse_stored(dated))], published={article_id: "2026-03-05"})
    assert result.updated == (deal_id,)
    assert store.article(article_id).published == "2026-03-05"
    assert (store.deal(deal_id).date, store.deal(deal_id).date_precision) == ("2026-03-03", Precision.DAY)
    store.undo_reparses([result], published={article_id: None})
    assert dump(store) == before
    fts_ok(store)


def test_a_date_that_is_none_changes_nothing(store: Store) -> None:
    outcome = store_article(store, prepare_text(HARLOW, title="Harlow buys Brightwater"))
    article_id = outcome.article_id or 0
    before = dump(store)
    dated = store.article(article_id).replace(published="2026-03-05")
    with pytest.raises(InputError, match="Not a date of the form YYYY-MM-DD: 'next Thursday'"):
        store.apply_reparses([(article_id, parse_stored(dated))], published={article_id: "next Thursday"})
    assert dump(store) == before
