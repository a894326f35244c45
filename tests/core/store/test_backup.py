"""Backups by SQLite's backup API: at most one a day, the last five kept, and restoring one; a fake clock."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import main
from core.store import file as backup
from core.store.file import backup_if_due, list_backups, make_backup, restore_backup
from core.errors import DatabaseError, NewerDatabaseError
from core.model import Deal, DealQuery
from core.store import Store
from db_helpers import dump

MORNING = datetime(2025, 3, 3, 9, 30, 0)


def database(path: Path, *titles: str) -> Path:
    with Store.open(path) as store:
        for title in titles:
            store.add_deal(Deal(title))
    return path


def titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM deals ORDER BY id")]
    finally:
        conn.close()


def test_the_first_open_of_a_day_makes_a_complete_standalone_copy(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta", "Gamma funds Delta")
    made = backup_if_due(path, now=MORNING)
    assert made == tmp_path / "backups" / "deals-20250303-093000.db"
    assert dump(made) == dump(path)
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no -wal, no half copy


def test_at_most_one_backup_a_day(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    assert backup_if_due(path, now=MORNING) is not None
    assert backup_if_due(path, now=MORNING + timedelta(hours=14)) is None
    assert backup_if_due(path, now=MORNING + timedelta(days=1)) is not None
    assert [b.taken for b in list_backups(path)] == [MORNING + timedelta(days=1), MORNING]


def test_only_the_last_five_are_kept(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    days = [MORNING + timedelta(days=n) for n in range(8)]
    for day in days:
        assert backup_if_due(path, now=day) is not None
    assert [b.taken for b in list_backups(path)] == days[::-1][:5]
    assert len(list((tmp_path / "backups").iterdir())) == 5


def test_backups_of_another_database_in_the_folder_are_left_alone(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    other = database(tmp_path / "deals-old.db", "Old deal")
    backup_if_due(other, now=MORNING)
    for n in range(7):
        backup_if_due(path, now=MORNING + timedelta(days=n))
    assert [b.path.name for b in list_backups(other)] == ["deals-old-20250303-093000.db"]
    assert len(list_backups(path)) == 5
    assert all(b.path.name.startswith("deals-2025") for b in list_backups(path))


def test_nothing_to_back_up_for_a_missing_or_empty_file(tmp_path: Path) -> None:
    assert backup_if_due(tmp_path / "missing.db", now=MORNING) is None
    (tmp_path / "empty.db").touch()
    assert backup_if_due(tmp_path / "empty.db", now=MORNING) is None
    assert not (tmp_path / "backups").exists()


def test_a_backup_holds_what_was_committed_while_another_connection_writes(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Committed")
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE deals SET title = 'Not yet committed'")
    made = backup_if_due(path, now=MORNING)
    writer.execute("ROLLBACK")
    writer.close()
    assert made is not None and titles(made) == ["Committed"]


def test_two_copies_in_one_second_get_two_names(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    first = make_backup(path, now=MORNING)
    second = make_backup(path, now=MORNING, reason="before-restore")
    third = make_backup(path, now=MORNING)
    assert len({first, second, third}) == 3
    assert [b.reason for b in list_backups(path)].count("before-restore") == 1
    assert len(list_backups(path)) == 3


def test_a_backup_that_cannot_be_written_is_a_database_error(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    (tmp_path / "backups").write_text("a file where the folder should be")
    with pytest.raises(DatabaseError, match="Could not back up"):
        backup_if_due(path, now=MORNING)


def test_a_half_copy_left_by_a_kill_is_not_a_backup(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / ".deals-20250302-080000.db.4242.partial").write_bytes(b"SQLite format 3\x00 half")
    assert list_backups(path) == []
    assert backup_if_due(path, now=MORNING) is not None


# Restoring


def test_restore_brings_back_the_backup_and_sets_the_current_file_aside(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    made = backup_if_due(path, now=MORNING)
    assert made is not None
    with Store.open(path) as store:
        store.add_deal(Deal("Added after the backup"))
        current = dump(path)
        aside = restore_backup(made, path)
        # A connection open during the restore reads the restored content, and can go on writing.
        assert store.count_deals(DealQuery()) == 1
        store.add_deal(Deal("Added after the restore"))
    assert aside is not None and aside.name.endswith("-before-restore.db")
    assert dump(aside) == current
    assert titles(path) == ["Acme buys Beta", "Added after the restore"]
    assert made.exists()


def test_restore_replaces_a_damaged_file_after_copying_it_byte_for_byte(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    made = make_backup(path, now=MORNING)
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    garbage = b"this file was overwritten by something else " * 100
    path.write_bytes(garbage)
    aside = restore_backup(made, path)
    assert aside is not None and aside.read_bytes() == garbage
    with Store.open(path) as store:
        assert [d.title for d in store.iter_deals()] == ["Acme buys Beta"]


def test_restore_into_a_missing_file(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    made = make_backup(path, now=MORNING)
    target = tmp_path / "elsewhere.db"
    assert restore_backup(made, target) is None
    assert titles(target) == ["Acme buys Beta"]


def test_a_damaged_or_newer_backup_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(5000))
    newer = make_backup(path, now=MORNING)
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = dump(path)
    with pytest.raises(DatabaseError, match="damaged.db"):
        restore_backup(damaged, path)
    with pytest.raises(NewerDatabaseError):
        restore_backup(newer, path)
    with pytest.raises(DatabaseError, match="no such file"):
        restore_backup(tmp_path / "gone.db", path)
    assert dump(path) == before
    assert [b.path for b in list_backups(path)] == [newer]


# The command line


class FakeClock(datetime):
    moment = MORNING

    @classmethod
    def now(cls, tz: object = None) -> FakeClock:  # type: ignore[override]
        return cls.fromtimestamp(cls.moment.timestamp())


@pytest.mark.slow
def test_the_import_command_backs_up_an_existing_database_once_a_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(backup, "datetime", FakeClock)
    monkeypatch.setattr(FakeClock, "moment", MORNING)
    path = tmp_path / "deals.db"
    article = tmp_path / "a.txt"
    article.write_text("Acme Systems to buy Beta Robotics\n\nAcme Systems agreed to buy Beta Robotics for $9 million.\n")
    main.main(["import", "--db", str(path), str(article)])
    assert list_backups(path) == []  # a new database has nothing to keep yet
    main.main(["import", "--db", str(path), str(article)])
    main.main(["deals", "--db", str(path)])
    assert [b.taken for b in list_backups(path)] == [MORNING]
    monkeypatch.setattr(FakeClock, "moment", MORNING + timedelta(days=1))
    main.main(["import", "--db", str(path), str(article)])
    assert len(list_backups(path)) == 2
    assert "warning" not in capsys.readouterr().err


def test_a_failed_backup_warns_and_the_import_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = database(tmp_path / "deals.db", "Acme buys Beta")
    (tmp_path / "backups").write_text("not a folder")
    article = tmp_path / "a.txt"
    article.write_text("Acme Systems to buy Beta Robotics\n\nAcme Systems agreed to buy Beta Robotics for $9 million.\n")
    assert main.main(["import", "--db", str(path), str(article)]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("deal-tracker: warning: Could not back up") and err.count("\n") == 1
    assert "added 1 deal" in out
