"""The database file: opening it safely (integrity check, WAL, write locks) and its backups beside it."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from core.errors import DatabaseError
from core.store import schema, shape, watch_matches
from core.store.access import examine, reader_uri

# Several processes may share one file (the window and `main.py import`, or two imports), so
# every transaction takes the write lock when it begins and waits for it instead of failing.
BUSY_TIMEOUT_MS = 5000
# PRAGMA quick_check reads every page: a quarter second for 64 MiB here, a minute for a million deals
# (3.7 GB). Bigger files open at once and are checked on a thread of their own.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024

log = logging.getLogger(__name__)

# SQLite's primary result codes that mean trouble with the file, not a bug of ours, as a user reads them.
_FILE_TROUBLE = {
    "SQLITE_BUSY": "another program kept it busy for too long; try again",
    "SQLITE_LOCKED": "another program kept it busy for too long; try again",
    "SQLITE_READONLY": "the file is read-only",
    "SQLITE_FULL": "the disk is full",
    "SQLITE_IOERR": "the disk reported an error",
    "SQLITE_CORRUPT": "the database is damaged",
    "SQLITE_NOTADB": "it is not a database",
    "SQLITE_CANTOPEN": "the file cannot be opened",
    "SQLITE_PERM": "permission denied",
}


def file_trouble(exc: sqlite3.Error) -> str | None:
    """What an SQLite error says about the file in a user's words, or None when it is not about the file."""
    primary = "_".join((getattr(exc, "sqlite_errorname", None) or "").split("_")[:2])
    return _FILE_TROUBLE.get(primary)


class StoreDatabase(Database):
    """A sqlite_utils.Database whose outermost atomic() brings the kept watch matches up to date before it commits."""

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        outermost = not self.conn.in_transaction
        with super().atomic():
            yield self
            if outermost:
                watch_matches.refresh(self)


class FileDatabase(StoreDatabase):
    """A sqlite_utils.Database on a file shared with other processes.

    A deferred transaction that reads before it writes fails at once with "database is locked"
    when another process has committed in between (SQLITE_BUSY_SNAPSHOT: the busy timeout cannot
    help), so the outermost atomic() begins IMMEDIATE and waits for the lock up front. File
    trouble met on the way becomes a DatabaseError naming the file; the transaction is rolled back.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: str = "") -> None:
        super().__init__(conn)
        self.path = path
        self.read_only = read_only  # why the file can only be read; "" when it can be written
        self.note = ""  # what opening it repaired, in one line
        self.check: BackgroundCheck | None = None  # set when the file was too big to check before opening

    def close(self) -> None:
        if self.check is not None:
            self.check.stop()
        super().close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.read_only:
            raise DatabaseError(f"Could not save to {self.path}: {self.read_only}, so it was opened for reading "
                                "only. Nothing was changed.")
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._translated(exc) from exc
        try:
            yield self
            watch_matches.refresh(self)  # the deals this transaction made stale, before anyone can read them
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self.rollback()
            if isinstance(exc, sqlite3.Error) and file_trouble(exc):
                raise self._translated(exc) from exc
            raise

    def _translated(self, exc: sqlite3.Error) -> BaseException:
        reason = file_trouble(exc)
        return DatabaseError(f"Could not write to {self.path}: {reason} ({exc}).") if reason else exc


class BackgroundCheck:
    """PRAGMA quick_check of a big file on a low-priority thread with its own read-only connection.

    `problems` resolves to quick_check's findings ([] for a sound file); damage is also logged as an error.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: Future[list[str]] = Future()
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._stopped = False
        threading.Thread(target=self._run, name=f"quick_check {path.name}", daemon=True).start()

    def stop(self) -> None:
        """Abandon the check (the store is closing); `problems` is cancelled if it had not finished."""
        with self._lock:
            self._stopped = True
            if self._conn is not None:
                self._conn.interrupt()  # the one sqlite3 call meant for another thread

    def _run(self) -> None:
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)  # Linux: one thread's nice value
        try:
            conn = sqlite3.connect(reader_uri(self.path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            self._finish([f"could not read it ({exc})"])
            return
        try:
            with self._lock:
                if self._stopped:
                    self.problems.cancel()
                    return
                self._conn = conn
            rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
        except sqlite3.Error as exc:
            if self._stopped:
                self.problems.cancel()
                return
            rows = [str(exc)]
        finally:
            with self._lock:
                self._conn = None
            conn.close()
        self._finish([] if rows == ["ok"] else rows)

    def _finish(self, problems: list[str]) -> None:
        if problems:
            log.error("%s failed its integrity check: %s", self.path, "; ".join(problems[:3]))
        self.problems.set_result(problems)


def open_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection that another thread may own (facet counts): it never writes or migrates."""
    conn = sqlite3.connect(reader_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def check_file(path: Path, quick_check: bool = True) -> set[str]:
    """Read an existing file without writing to it; refuse it unless it is a sound database of ours.

    Returns the names of the migrations the file has had (empty for a new, empty database). Without
    `quick_check` only the header, the schema and the migrations are read.
    """
    table = schema.MIGRATIONS.migrations_table
    examine(path, create=False)  # a named pipe would hang the connection, a device would be written to
    try:
        conn = sqlite3.connect(reader_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")] if quick_check else ["ok"]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            applied: set[str] = set()
            if table in tables:
                applied = {
                    row[0] for row in conn.execute(
                        f"SELECT name FROM {table} WHERE migration_set = ?", [schema.MIGRATIONS.name]
                    )
                }
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if "locked" in str(exc):
            raise DatabaseError(f"Could not open {path}: another program is using it ({exc}).") from exc
        if (getattr(exc, "sqlite_errorname", "") or "").startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise DatabaseError(f"Could not open {path}: {file_trouble(exc)} ({exc}).") from exc
        raise DatabaseError(f"Could not open {path}: it is not a database or it is damaged ({exc}).") from exc
    if problems != ["ok"]:
        detail = "; ".join(p.replace("*** in database main ***", "").strip() for p in problems[:3])
        raise DatabaseError(f"Could not open {path}: the database is damaged ({detail}).")
    schema.check_version(version, applied, str(path))
    if not applied and tables - {table}:
        raise DatabaseError(f"Could not open {path}: it is an SQLite database, but not a Deal Tracker one.")
    return applied


def open_database(path: Path, *, create: bool = True) -> FileDatabase:
    """Check, connect and set up a database file; an existing one due for migration is backed up first.

    The caller migrates (Store.__init__); migrations run in one transaction, so a kill leaves the
    file at its old version, and the copy taken here is the way back from a migration that is wrong.
    A file that cannot be written opens read-only; `create=False` refuses a missing one.
    """
    access = examine(path, create=create)
    big = access.exists and path.stat().st_size > QUICK_CHECK_MAX_BYTES
    applied: set[str] = set()
    if access.exists:
        applied = check_file(path, quick_check=not big)
        access.refuse_writing(applied)
        if applied and schema.pending_names(applied):
            make_backup(path, reason="before-upgrade", keep=None)
    conn: sqlite3.Connection | None = None
    try:
        target, uri = access.connect_args()
        conn = sqlite3.connect(target, uri=uri, timeout=BUSY_TIMEOUT_MS / 1000)
        db = FileDatabase(conn, path, access.read_only)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        db.note = shape.check(db, applied, str(path), access.read_only) if applied else ""
        if not access.read_only:
            db.enable_wal()
        if big:
            db.check = BackgroundCheck(path)
        return db
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise DatabaseError(f"Could not open {path}: {exc}.") from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise


# Backups: copies by SQLite's backup API in a backups/ folder beside the database, daily, before
# upgrades and before restores. A backup is named `<stem>-YYYYMMDD-HHMMSS.db` (local time), with
# `-before-upgrade` or `-before-restore` before `.db` when it was taken for that reason. Each is a
# complete database in rollback-journal mode, so it opens alone, without -wal or -shm files beside it.
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
