"""Which deals are in the trash. The store's API does not say (Deal and DealRow carry no deleted flag), so
this one read-only query on `store.db` answers it until the store does."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def trashed(store: Any, ids: Iterable[int]) -> set[int]:
    wanted = [int(i) for i in ids]
    if not wanted:
        return set()
    marks = ", ".join("?" * len(wanted))
    rows = store.db.execute(f"SELECT id FROM deals WHERE deleted_at IS NOT NULL AND id IN ({marks})", wanted)
    return {row[0] for row in rows}
