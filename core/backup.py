"""Copies of a database by SQLite's backup API in a backups/ folder beside it: daily, before upgrades, restores.

A backup is named `<stem>-YYYYMMDD-HHMMSS.db` (local time), with `-before-upgrade` or
`-before-restore` before `.db` when it was taken for that reason. Each is a complete database in
rollback-journal mode, so it opens alone, without -wal or -shm files beside it.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.errors import DatabaseError

BACKUP_FOLDER = "backups"
KEEP = 5
_STALE_PARTIAL_SECONDS = 3600


@dataclass(frozen=True)
class Backup:
    """One backup file; `taken` is the local time in its name, `reason` "" for a daily copy."""

    path: Path
    taken: datetime
    reason: str = ""


def backup_folder(db_path: str | os.PathLike[str]) -> Path:
    return Path(db_path).parent / BACKUP_FOLDER


def list_backups(db_path: str | os.PathLike[str]) -> list[Backup]:
    """The backups of one database, newest first."""
    db_path = Path(db_path)
    folder = backup_folder(db_path)
    pattern = re.compile(
        re.escape(db_path.stem) + r"-(\d{8}-\d{6})(?:-(before-upgrade|before-restore))?(?:-(\d+))?\.db"
    )
    found: list[tuple[datetime, int, Backup]] = []
    try:
        names = [p for p in folder.iterdir() if p.is_file()]
    except OSError:
        return []
    for path in names:
        match = pattern.fullmatch(path.name)
        if not match:
            continue
        try:
            taken = datetime.strptime(match[1], "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append((taken, int(match[3] or 1), Backup(path, taken, match[2] or "")))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [backup for _, _, backup in found]


def backup_if_due(db_path: str | os.PathLike[str], *, now: datetime | None = None, keep: int = KEEP) -> Path | None:
    """Copy the database unless a backup was taken today already; keep the newest `keep`.

    Returns the new backup, or None when none was due. Raises DatabaseError when the copy fails.
    """
    db_path = Path(db_path)
    now = now or datetime.now()
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    if any(backup.taken.date() == now.date() for backup in list_backups(db_path)):
        return None
    return make_backup(db_path, now=now, keep=keep)


def make_backup(
    db_path: str | os.PathLike[str], *, now: datetime | None = None, reason: str = "", keep: int | None = KEEP
) -> Path:
    """Copy the database now, consistently even while another process writes to it.

    The copy is written under a hidden name and renamed when complete, so a kill never leaves a
    half copy that looks like a backup. `keep=None` prunes nothing.
    """
    db_path = Path(db_path)
    now = now or datetime.now()
    folder = backup_folder(db_path)
    try:
        folder.mkdir(exist_ok=True)
        _remove_stale_partials(folder)
        target = _free_name(folder, f"{db_path.stem}-{now:%Y%m%d-%H%M%S}" + (f"-{reason}" if reason else ""))
        partial = folder / f".{target.name}.{os.getpid()}.partial"
        try:
            _copy(db_path, partial)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"Could not back up {db_path} into {folder}: {exc}.") from exc
    if keep is not None:
        for old in list_backups(db_path)[keep:]:
            old.path.unlink(missing_ok=True)
    return target


def restore_backup(backup: str | os.PathLike[str], db_path: str | os.PathLike[str]) -> Path | None:
    """Put a backup's content in place of the database; the current file is first copied aside.

    Returns that copy (None when there was no database yet). A backup that is damaged, foreign or
    from a newer Deal Tracker is refused with a DatabaseError and nothing changes. Connections
    other processes hold on a sound database see the restored content afterwards.
    """
    from core.store_file import BUSY_TIMEOUT_MS, check_file

    backup, db_path = Path(backup), Path(db_path)
    if not backup.is_file():
        raise DatabaseError(f"Could not restore {backup}: there is no such file.")
    check_file(backup)
    aside = _set_aside(db_path) if db_path.exists() else None
    sound = True
    if aside is not None:
        try:
            check_file(db_path)
        except DatabaseError:
            sound = False
    try:
        if not sound:
            # The backup API cannot write into a file that is not a database: start from nothing.
            for path in _with_journals(db_path):
                path.unlink(missing_ok=True)
        source = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            target = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        where = f"; the database as it was is in {aside}" if aside else ""
        raise DatabaseError(f"Could not restore {backup} into {db_path}: {exc}{where}.") from exc
    return aside


def _set_aside(db_path: Path) -> Path:
    """A copy of the current database before a restore replaces it; byte for byte if it is damaged."""
    try:
        return make_backup(db_path, reason="before-restore", keep=None)
    except DatabaseError:
        pass
    folder = backup_folder(db_path)
    target = _free_name(folder, f"{db_path.stem}-{datetime.now():%Y%m%d-%H%M%S}-before-restore")
    try:
        folder.mkdir(exist_ok=True)
        for source in _with_journals(db_path)[:2]:
            if source.exists():
                shutil.copy2(source, target.with_name(target.name + source.name[len(db_path.name):]))
    except OSError as exc:
        raise DatabaseError(f"Could not copy {db_path} aside before restoring: {exc}.") from exc
    return target


def _copy(source_path: Path, target_path: Path) -> None:
    from core.store_file import BUSY_TIMEOUT_MS

    source = sqlite3.connect(source_path.resolve().as_uri() + "?mode=ro", uri=True,
                             timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        target = sqlite3.connect(target_path)
        try:
            source.backup(target)
            # The pages carry the WAL flag of the source; a backup should open as one file.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        source.close()


def _free_name(folder: Path, base: str) -> Path:
    target = folder / f"{base}.db"
    counter = 2
    while target.exists():
        target = folder / f"{base}-{counter}.db"
        counter += 1
    return target


def _with_journals(db_path: Path) -> list[Path]:
    """The database file, its -wal (which holds committed pages) and its -shm (an index, rebuilt at will)."""
    return [db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")]


def _remove_stale_partials(folder: Path) -> None:
    """Half copies left by a process killed while backing up."""
    cutoff = time.time() - _STALE_PARTIAL_SECONDS
    for path in folder.glob(".*.partial"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass
