"""Paths that are no database file, read-only databases, and -wal and -shm files that are missing or not their own."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import main
from core.errors import DatabaseError
from core.export import write_json
from core.model import Article, Deal, DealQuery, Party
from core.store import Store
from db_helpers import ROOT


def filled(path: Path) -> Path:
    with Store.open(path) as store:
        for name in ("Acme", "Birch"):
            store.add_article(Article(f"{name} Holdings agreed to buy Dune {name} for $9 million.",
                                      deals=(Deal(f"{name} buys Dune {name}", parties=(Party(f"{name} Holdings"),)),)))
    return path


def killed_while_open(path: Path, title: str) -> None:
    """A process adds a deal and dies without closing: the deal is in the -wal file, not yet in the database."""
    code = (f"import os, sys; sys.path.insert(0, {str(ROOT)!r})\n"
            "from core.store import Store\nfrom core.model import Deal\n"
            f"store = Store.open({str(path)!r}); store.add_deal(Deal({title!r})); os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def beside(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def titles(store: Store) -> set[str]:
    return {deal.title for deal in store.iter_deals()}


# Not a regular file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_before_sqlite_opens_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "deals.db"
    os.mkfifo(pipe)
    with pytest.raises(DatabaseError, match="it is a named pipe, not a database file"):
        Store.open(pipe)
    assert main.main(["deals", "--db", str(pipe)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "named pipe" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deals.db"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_place_of_the_wal_file_is_refused(tmp_path: Path) -> None:
    path = filled(tmp_path / "deals.db")
    os.mkfifo(beside(path, "-wal"))
    with pytest.raises(DatabaseError, match="deals.db-wal beside it is a named pipe"):
        Store.open(path)


def test_a_folder_is_refused_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="it is a folder, not a database file"):
        Store.open(tmp_path)


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_device_is_refused_and_nothing_is_written_beside_it() -> None:
    journal = Path("/dev/null-journal")
    before = journal.stat().st_mtime_ns if journal.exists() else None  # an earlier run may have left one
    with pytest.raises(DatabaseError, match="it is a device, not a database file"):
        Store.open("/dev/null")
    assert (journal.stat().st_mtime_ns if journal.exists() else None) == before


# A mistyped path


@pytest.mark.parametrize("command", [["deals"], ["export", "--format", "json"]])
def test_reading_commands_on_a_missing_path_create_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = tmp_path / "typo" / "deals.db"
    assert main.main([*command, "--db", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == f"deal-tracker: No database at {path}.\n"
    assert list(tmp_path.iterdir()) == []


def test_import_still_creates_the_database_and_its_folder(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Acme Systems to buy Beta Robotics\n\nAcme Systems agreed to buy Beta Robotics for $9 million.\n")
    path = tmp_path / "new" / "deals.db"
    assert main.main(["import", "--db", str(path), str(article)]) == 0
    with Store.open(path, create=False) as store:
        assert store.count_deals(DealQuery()) >= 1


# -wal and -shm


def test_a_missing_wal_file_with_changes_is_refused_and_a_missing_shm_file_is_no_trouble(tmp_path: Path) -> None:
    path = filled(tmp_path / "deals.db")
    killed_while_open(path, "Only in the wal")
    beside(path, "-shm").unlink()  # SQLite makes the index again from the -wal file
    with Store.open(path) as store:
        assert "Only in the wal" in titles(store)
    killed_while_open(path, "Lost with the wal")
    beside(path, "-wal").unlink()
    before = files(tmp_path)
    with pytest.raises(DatabaseError) as error:
        Store.open(path)
    message = str(error.value)
    assert "\n" not in message and "deals.db-wal file is missing" in message and "deals.db-shm" in message
    assert files(tmp_path) == before


def test_a_wal_file_beside_a_database_that_uses_none_is_refused(tmp_path: Path) -> None:
    """A copy put in place of the database by hand, with the old -wal file still beside it."""
    path = filled(tmp_path / "deals.db")
    killed_while_open(path, "Written after the copy")
    copy = tmp_path / "copy.db"
    source = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    source.backup(target)
    target.execute("PRAGMA journal_mode = DELETE")
    target.close()
    source.close()
    beside(path, "-shm").unlink()
    os.replace(copy, path)
    before = files(tmp_path)
    with pytest.raises(DatabaseError, match="deals.db-wal beside it is not its own"):
        Store.open(path)
    assert files(tmp_path) == before


def test_a_wal_file_without_its_database_is_kept(tmp_path: Path) -> None:
    path = filled(tmp_path / "deals.db")
    killed_while_open(path, "Only in the wal")
    path.unlink()
    beside(path, "-shm").unlink()
    before = files(tmp_path)
    with pytest.raises(DatabaseError, match="deals.db-wal beside it holds a database's latest changes"):
        Store.open(path)
    assert files(tmp_path) == before


# Read-only files and folders: root ignores permissions, so these run only where they are enforced.


def permissions_enforced(folder: Path) -> bool:
    probe = folder / "probe"
    probe.write_text("")
    probe.chmod(0o444)
    try:
        with probe.open("a"):
            return False
    except PermissionError:
        return True
    finally:
        probe.chmod(0o644)
        probe.unlink()


@pytest.fixture
def enforced(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() == 0 and not permissions_enforced(tmp_path):  # root keeps them only without CAP_DAC_OVERRIDE
        pytest.skip("root ignores file permissions")


@pytest.fixture
def unlock(tmp_path: Path):
    locked: list[Path] = []
    yield locked
    for path in locked:
        path.chmod(0o755)


def read_only_file(tmp_path: Path, locked: list[Path]) -> Path:
    path = filled(tmp_path / "deals.db")
    path.chmod(0o444)
    locked.append(path)
    return path


def read_only_folder(tmp_path: Path, locked: list[Path]) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = filled(folder / "deals.db")
    folder.chmod(0o555)
    locked.append(folder)
    return path


@pytest.mark.parametrize("make, reason", [(read_only_file, "the file is read-only"),
                                          (read_only_folder, "its folder is read-only")])
def test_a_read_only_database_opens_for_reading_and_refuses_writes(tmp_path, enforced, unlock, make, reason) -> None:
    path = make(tmp_path, unlock)
    before = path.read_bytes()
    with Store.open(path) as store:
        assert store.read_only == reason
        assert store.count_deals(DealQuery(search="Birch")) == 1
        assert len(json.loads(_exported(store))) == 2
        with pytest.raises(DatabaseError, match=f"{reason}, so it was opened for reading only"):
            store.add_deal(Deal("Refused"))
        assert titles(store) == {"Acme buys Dune Acme", "Birch buys Dune Birch"}
    assert path.read_bytes() == before


def _exported(store: Store) -> str:
    out = io.StringIO()
    write_json(store, out)
    return out.getvalue()


def test_the_command_line_lists_a_read_only_database_and_refuses_to_import(
    tmp_path, enforced, unlock, capsys: pytest.CaptureFixture[str]
) -> None:
    path = read_only_folder(tmp_path, unlock)
    assert main.main(["deals", "--db", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "Acme buys Dune Acme" in out and err == f"deal-tracker: {path} opened read-only: its folder is read-only.\n"
    article = tmp_path / "article.txt"
    article.write_text("Acme Systems to buy Beta Robotics\n\nAcme Systems agreed to buy Beta Robotics for $9 million.\n")
    assert main.main(["import", "--db", str(path), str(article)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Could not import into" in err and "its folder is read-only" in err


def test_a_read_only_folder_whose_wal_needs_a_shm_file_is_refused_by_its_reason(tmp_path, enforced, unlock) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = filled(folder / "deals.db")
    killed_while_open(path, "Only in the wal")
    beside(path, "-shm").unlink()
    folder.chmod(0o555)
    unlock.append(folder)
    with pytest.raises(DatabaseError, match="its folder is read-only, and reading the changes in deals.db-wal"):
        Store.open(path)


def test_a_read_only_database_with_a_dropped_trigger_is_refused(tmp_path, enforced, unlock) -> None:
    path = filled(tmp_path / "deals.db")
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER deals_search_insert_after")
    conn.close()
    path.chmod(0o444)
    unlock.append(path)
    with pytest.raises(DatabaseError, match="was missing .* the file is read-only, so it cannot be repaired"):
        Store.open(path)
