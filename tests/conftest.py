"""Fixtures shared by every test folder; nothing here loads Qt."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.store import Store


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty, migrated in-memory store."""
    db = Store.in_memory()
    yield db
    db.close()
