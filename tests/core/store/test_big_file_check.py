"""A big database file opens at once and is checked on a thread of its own; a small one is checked first."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlite_utils import Database

from core.store import file as store_file
from core.errors import DatabaseError
from core.model import Deal, DealQuery
from core.store import Store


def lying_freelist(path: Path) -> Path:
    """A readable database whose header claims free pages it does not have: only a full check notices."""
    with Store.open(path) as store:
        store.add_deal(Deal("Still readable"))
    with Database(path) as db:
        db.disable_wal()
    data = bytearray(path.read_bytes())
    data[36:40] = (7).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    return path


def test_a_big_damaged_file_opens_and_its_check_reports_the_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = lying_freelist(tmp_path / "big.db")
    monkeypatch.setattr(store_file, "QUICK_CHECK_MAX_BYTES", 0)
    with caplog.at_level(logging.ERROR, logger="core.store.file"), Store.open(path) as store:
        assert store.count_deals(DealQuery()) == 1
        assert store.db.check is not None
        problems = store.db.check.problems.result(timeout=60)
    assert any("size is 0 but should be 7" in p for p in problems)
    assert "big.db failed its integrity check" in caplog.text


def test_a_big_sound_file_passes_its_background_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(tmp_path / "sound.db") as store:
        store.add_deal(Deal("Fine"))
    monkeypatch.setattr(store_file, "QUICK_CHECK_MAX_BYTES", 0)
    with Store.open(tmp_path / "sound.db") as store:
        assert store.db.check is not None and store.db.check.problems.result(timeout=60) == []


def test_a_small_damaged_file_is_still_refused_before_opening(tmp_path: Path) -> None:
    path = lying_freelist(tmp_path / "small.db")
    with pytest.raises(DatabaseError, match="damaged"):
        Store.open(path)
