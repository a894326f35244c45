"""core.store.access on its own: what a database path is before SQLite opens it, and the reader's URI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.errors import DatabaseError
from core.store import Store
from core.store.access import Access, companion, examine, reader_uri


def test_a_missing_path_is_a_new_database_only_where_one_may_be_created(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    access = examine(path, create=True)
    assert access == Access(path, False)
    assert access.connect_args() == (str(path), False)
    with pytest.raises(DatabaseError, match=r"^No database at .*new\.db\.$"):
        examine(path, create=False)
    assert not path.exists()


@pytest.mark.parametrize("make, kind", [
    (lambda p: p.mkdir(), "a folder"),
    (lambda p: os.mkfifo(p), "a named pipe"),
])
def test_a_path_that_is_no_regular_file_is_refused_by_its_kind(tmp_path: Path, make, kind: str) -> None:
    path = tmp_path / "deals.db"
    make(path)
    with pytest.raises(DatabaseError, match=f"it is {kind}, not a database file"):
        examine(path, create=True)


def test_a_link_to_nothing_is_named_with_its_target(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    path.symlink_to(tmp_path / "gone.db")
    with pytest.raises(DatabaseError, match=r"it is a link to .*gone\.db, which does not exist"):
        examine(path, create=True)


def test_a_folder_where_the_wal_file_should_be_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    Store.open(path).close()
    companion(path, "-wal").mkdir()
    with pytest.raises(DatabaseError, match=r"deals\.db-wal beside it is a folder"):
        examine(path, create=False)


def test_an_existing_database_is_writable_and_its_reader_uri_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    Store.open(path).close()
    access = examine(path, create=False)
    assert access == Access(path, True, "")
    assert access.connect_args() == (str(path), False)
    assert reader_uri(path) == path.resolve().as_uri() + "?mode=ro"


def test_a_read_only_file_opens_only_when_opening_writes_nothing(tmp_path: Path) -> None:
    access = Access(tmp_path / "deals.db", True, "the file is read-only")
    assert access.connect_args() == (reader_uri(tmp_path / "deals.db"), True)
    with pytest.raises(DatabaseError, match="it is empty and the file is read-only"):
        access.refuse_writing(set())
    with pytest.raises(DatabaseError, match="needs an upgrade, but the file is read-only"):
        access.refuse_writing({"m001_initial"})
    Access(tmp_path / "deals.db", True).refuse_writing(set())  # a writable file may be migrated
