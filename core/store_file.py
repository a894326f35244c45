"""Opening a database file safely: refuse a broken or foreign file untouched, then WAL and write locks.

Several processes may share one file (the window and `main.py import`, or two imports), so
every transaction takes the write lock when it begins and waits for it instead of failing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path

from sqlite_utils import Database

from core import migrations
from core.errors import DatabaseError

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


class FileDatabase(Database):
    """A sqlite_utils.Database on a file shared with other processes.

    A deferred transaction that reads before it writes fails at once with "database is locked"
    when another process has committed in between (SQLITE_BUSY_SNAPSHOT: the busy timeout cannot
    help), so the outermost atomic() begins IMMEDIATE and waits for the lock up front. File
    trouble met on the way becomes a DatabaseError naming the file; the transaction is rolled back.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        super().__init__(conn)
        self.path = path
        self.check: BackgroundCheck | None = None  # set when the file was too big to check before opening

    def close(self) -> None:
        if self.check is not None:
            self.check.stop()
        super().close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
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
            conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True,
                                   timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
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
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def check_file(path: Path, quick_check: bool = True) -> set[str]:
    """Read an existing file without writing to it; refuse it unless it is a sound database of ours.

    Returns the names of the migrations the file has had (empty for a new, empty database). Without
    `quick_check` only the header, the schema and the migrations are read.
    """
    table = migrations.MIGRATIONS.migrations_table
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")] if quick_check else ["ok"]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            applied: set[str] = set()
            if table in tables:
                applied = {
                    row[0] for row in conn.execute(
                        f"SELECT name FROM {table} WHERE migration_set = ?", [migrations.MIGRATIONS.name]
                    )
                }
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if "locked" in str(exc):
            raise DatabaseError(f"Could not open {path}: another program is using it ({exc}).") from exc
        raise DatabaseError(f"Could not open {path}: it is not a database or it is damaged ({exc}).") from exc
    if problems != ["ok"]:
        detail = "; ".join(p.replace("*** in database main ***", "").strip() for p in problems[:3])
        raise DatabaseError(f"Could not open {path}: the database is damaged ({detail}).")
    migrations.check_version(version, applied, str(path))
    if not applied and tables - {table}:
        raise DatabaseError(f"Could not open {path}: it is an SQLite database, but not a Deal Tracker one.")
    return applied


def open_database(path: Path) -> FileDatabase:
    """Check, connect and set up a database file; an existing one due for migration is backed up first.

    The caller migrates (Store.__init__); migrations run in one transaction, so a kill leaves the
    file at its old version, and the copy taken here is the way back from a migration that is wrong.
    """
    big = path.exists() and path.stat().st_size > QUICK_CHECK_MAX_BYTES
    if path.exists():
        applied = check_file(path, quick_check=not big)
        if applied and migrations.pending_names(applied):
            from core.backup import make_backup

            make_backup(path, reason="before-upgrade", keep=None)
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        db = FileDatabase(conn, path)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
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
