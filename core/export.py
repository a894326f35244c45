"""Every deal as CSV, JSON or an Excel workbook, written atomically and never over the database; for the CLI and the window."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import secrets
import stat
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TextIO

from core.errors import ExportError
from core.export_rows import DEAL_COLUMNS, DEAL_HEADERS, DisplayCurrency, deal_cells, deal_columns, deal_record
from core.model import Deal, DealQuery
from core.store.file import backup_folder
from core.text_safety import json_safe, printable, starts_formula, strip_controls

CSV_COLUMNS = DEAL_HEADERS
__all__ = ["CSV_COLUMNS", "FORMATS", "check_target", "csv_cell", "csv_row", "deal_record", "export_to",
           "write_csv", "write_json"]

FORMATS = ("csv", "json", "xlsx")
_SQLITE_MAGIC = b"SQLite format 3\x00"
_DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")
# Excel and LibreOffice take a CSV file for the system's legacy code page unless it starts with one:
# without it "£" and "€" come out as "Â£" and "â‚¬".
BOM = "\ufeff"


class _Deals(Protocol):
    def iter_deals(self, query: DealQuery | None = None) -> Any: ...


class _StoredDeals(_Deals, Protocol):
    @property
    def path(self) -> Path | None: ...


def csv_row(deal: Deal, columns: tuple[tuple[str, Any], ...] = DEAL_COLUMNS) -> dict[str, Any]:
    """One flat row under the columns' names (CSV_COLUMNS); lists are joined with "; " so a spreadsheet
    shows them in one cell.

    Text cells lose their control characters and cannot start a formula; numbers stay numbers.
    """
    return {name: csv_cell(cell.text) for (name, _), cell in zip(columns, deal_cells(deal, columns), strict=True)}


def csv_cell(value: Any) -> Any:
    """A value as a spreadsheet may safely read it: text without controls, never taken for a formula."""
    if not isinstance(value, str):
        return value
    text = strip_controls(value)
    if starts_formula(text):  # a leading apostrophe makes it text again, and a spreadsheet does not show it
        return "'" + text
    return text


def write_csv(store: _Deals, handle: TextIO, query: DealQuery | None = None, *, bom: bool = False) -> int:
    """Write the deals `query` matches (every deal when None) as CSV; returns how many.

    `bom` starts the text with a byte-order mark, for a file a spreadsheet program will open.
    """
    if bom:
        handle.write(BOM)
    columns = deal_columns(DisplayCurrency.of(query))  # "Value (EUR)" too when the list shows euros
    writer = csv.DictWriter(handle, fieldnames=[name for name, _ in columns])
    writer.writeheader()
    count = 0
    for deal in store.iter_deals(query):
        writer.writerow(csv_row(deal, columns))
        count += 1
    return count


def write_json(store: _Deals, handle: TextIO, query: DealQuery | None = None) -> int:
    """Write the deals as one JSON array, a deal at a time so a large desk never sits in memory whole."""
    count = 0
    display = DisplayCurrency.of(query)
    handle.write("[")
    for deal in store.iter_deals(query):
        handle.write(",\n  " if count else "\n  ")
        handle.write(json_safe(json.dumps(deal_record(deal, display), ensure_ascii=False)))
        count += 1
    handle.write("\n]\n" if count else "]\n")
    return count


def export_to(path: str | os.PathLike[str], store: _StoredDeals, fmt: str, query: DealQuery | None = None) -> int:
    """Write the deals as "csv", "json" or "xlsx" to `path` all at once; returns how many.

    The file is written beside the target and renamed over it only when complete, so a full disk or
    a failing database leaves an existing file as it was. A target that is the database, one of its
    companion files, another SQLite database or anything in its backups folder is refused, as are
    folders and devices. Raises ExportError with a message a user can read.
    """
    if fmt not in FORMATS:
        raise ValueError(f"no such export format: {fmt}")
    target = Path(path)
    check_target(target, store.path)
    real = _real(target)  # write through a symbolic link; keep the link
    try:
        mode = stat.S_IMODE(real.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _failed(target, exc) from None
    try:
        temp, fd = _create_beside(real)
    except OSError as exc:
        raise _failed(target, exc) from None
    try:
        with io.open(fd, "wb") as raw:
            if mode is not None:
                os.chmod(temp, mode)
            count = _write(fmt, store, raw, query)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temp, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _failed(target, exc) from None
        raise
    _sync_folder(real.parent)
    return count


def _write(fmt: str, store: _Deals, raw: BinaryIO, query: DealQuery | None) -> int:
    if fmt == "xlsx":
        from core.export_xlsx import write_xlsx

        return write_xlsx(store, raw, query)
    # A wrapper that is detached, not closed: the file itself is flushed and synced by the caller.
    handle = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)
    try:
        return write_csv(store, handle, query, bom=True) if fmt == "csv" else write_json(store, handle, query)
    finally:
        handle.flush()
        handle.detach()


def check_target(target: Path, db_path: Path | None) -> None:
    """Refuse an export target that would overwrite the database, its companions or its backups."""
    name = printable(str(target))
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _failed(target, exc) from None
    if db_path is not None:
        reason = _database_part(target, info, Path(db_path))
        if reason:
            raise ExportError(f"Refusing to write {name}: {reason}; choose another file.")
    if info is None:
        return
    if stat.S_ISDIR(info.st_mode):
        raise ExportError(f"Could not write {name}: it is a folder; choose a file name inside it.")
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(f"Could not write {name}: it is not a regular file.")
    if _is_database(target):
        raise ExportError(f"Refusing to write {name}: it is a database, not an export; choose another file.")


def _database_part(target: Path, info: os.stat_result | None, db_path: Path) -> str | None:
    """What of the database `target` is, by name or by being the same file (a hard link), or None."""
    # Both spellings of the database: SQLite names its -wal beside the file a symbolic link points to.
    real_target = _real(target)
    for db in (db_path, _real(db_path)):
        for suffix in ("", *_DATABASE_COMPANIONS):
            part = db.with_name(db.name + suffix)
            if real_target == _real(part) or (info is not None and _same_file(info, part)):
                return f"it is the database's {suffix} file" if suffix else "it is the database itself"
        folder = _real(backup_folder(db))
        if folder == real_target or folder in real_target.parents:
            return "it is in the database's backups folder"
        if info is not None and _is_in(info, folder):
            return "it is a backup of the database"
    return None


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _same_file(info: os.stat_result, other: Path) -> bool:
    try:
        theirs = other.stat()
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (theirs.st_dev, theirs.st_ino)


def _is_in(info: os.stat_result, folder: Path) -> bool:
    """Whether the file is one of the folder's (a backup hard-linked elsewhere)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    return any(_same_file(info, Path(entry.path)) for entry in entries)


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def _create_beside(real: Path) -> tuple[str, int]:
    """A new hidden file in the target's folder (so that os.replace is a rename), created with the umask's mode."""
    while True:
        temp = str(real.with_name(f".{real.name[:100]}.{secrets.token_hex(4)}.part"))
        try:
            return temp, os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder, and then it is left to the OS."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _failed(target: Path, exc: OSError) -> ExportError:
    if isinstance(exc, PermissionError):
        reason = "permission denied"
    elif isinstance(exc, FileNotFoundError):
        reason = f"the folder {printable(str(target.parent))} does not exist"
    else:
        reason = (exc.strerror or str(exc) or type(exc).__name__).lower()
    return ExportError(f"Could not write {printable(str(target))}: {reason}.")
