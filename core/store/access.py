"""Before SQLite touches a path: a regular file or nothing, writable or not, and whether its -wal and -shm are its own."""

from __future__ import annotations

import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from core.errors import DatabaseError
from core.store.schema import pending_names

_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32
_FRAME_HEADER = 24
_SHM_VERSION = 3007000


@dataclass(frozen=True)
class Access:
    """How a database path may be opened. `read_only` says why it can only be read ("" when it can be written)."""

    path: Path
    exists: bool
    read_only: str = ""

    def connect_args(self) -> tuple[str, bool]:
        """The database argument of sqlite3.connect and its `uri` flag."""
        if self.read_only:
            return reader_uri(self.path), True
        return str(self.path), False

    def refuse_writing(self, applied: set[str]) -> None:
        """A read-only file opens only when opening writes nothing: no first schema, no upgrade."""
        if not self.read_only:
            return
        if not applied:
            raise DatabaseError(f"Could not open {self.path}: it is empty and {self.read_only}.")
        if pending_names(applied):
            raise DatabaseError(f"Could not open {self.path}: it was made by an older Deal Tracker and needs an "
                                f"upgrade, but {self.read_only}.")


def examine(path: Path, *, create: bool) -> Access:
    """Refuse, before SQLite opens it, a path that is no regular file or whose -wal and -shm tell of lost changes.

    `create`: a missing path may become a new database (import, the window); otherwise it is refused.
    """
    wal, shm = companion(path, "-wal"), companion(path, "-shm")
    for other in (wal, shm, companion(path, "-journal")):
        kind = _not_regular(other)
        if kind:
            raise DatabaseError(f"Could not open {path}: {other.name} beside it is {kind}, not a file of SQLite's.")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return _missing(path, wal, create)
    except OSError as exc:
        raise DatabaseError(f"Could not open {path}: {exc.strerror or exc}.") from exc
    kind = _kind(mode)
    if kind:
        raise DatabaseError(f"Could not open {path}: it is {kind}, not a database file.")
    if not os.access(path, os.W_OK):
        read_only = "the file is read-only"
    elif not os.access(path.parent, os.W_OK | os.X_OK):
        read_only = "its folder is read-only"  # SQLite writes its -wal and -shm files beside the database
    else:
        read_only = ""
    wal_mode = _header(path)[18:20] == b"\x02\x02"
    has_frames = _wal_has_frames(wal)
    if has_frames and not wal_mode and len(_header(path)) >= 20:
        # SQLite reads a -wal beside any database, though a database that does not use one never leaves one:
        # this one belongs to another file (a copy put in its place by hand), and its pages would mix in.
        raise DatabaseError(f"Could not open {path}: {wal.name} beside it is not its own (the database does not "
                            f"use a -wal file), and SQLite would mix its pages in. Move {wal.name} away to open it.")
    if not wal.exists() and _shm_unwritten_frames(shm):
        raise DatabaseError(f"Could not open {path}: its {wal.name} file is missing, and {shm.name} says it held "
                            "changes not yet written into the database. Put the -wal file back beside it (or delete "
                            f"{shm.name} to open the database without those changes).")
    if read_only == "its folder is read-only" and has_frames and not shm.exists():
        raise DatabaseError(f"Could not open {path}: its folder is read-only, and reading the changes in {wal.name} "
                            f"needs SQLite to create {shm.name} there. Open it from a folder you may write to.")
    return Access(path, True, read_only)


def reader_uri(path: Path) -> str:
    """The URI of a read-only connection to an existing database file."""
    uri = path.resolve().as_uri() + "?mode=ro"
    # A database in WAL mode needs a -shm file even to be read; in a folder where none can be created it opens
    # only as immutable, which is exact while it has no -wal (examine refuses one with changes and no -shm).
    if (not os.access(path.parent, os.W_OK | os.X_OK) and _header(path)[18:20] == b"\x02\x02"
            and not _wal_has_frames(companion(path, "-wal"))):
        uri += "&immutable=1"
    return uri


def companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _missing(path: Path, wal: Path, create: bool) -> Access:
    if path.is_symlink():
        raise DatabaseError(f"Could not open {path}: it is a link to {os.readlink(path)}, which does not exist.")
    if _wal_has_frames(wal):
        # SQLite would delete it on creating the new database.
        raise DatabaseError(f"Could not open {path}: there is no such file, but {wal.name} beside it holds a "
                            "database's latest changes. Put the database back beside it, or move the -wal file away.")
    if not create:
        raise DatabaseError(f"No database at {path}.")
    if path.parent.is_dir() and not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseError(f"Could not create {path}: its folder is read-only.")
    return Access(path, False)


def _kind(mode: int) -> str:
    """What a non-regular file is, in a user's words; "" for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "no regular file"


def _not_regular(path: Path) -> str:
    try:
        return _kind(path.stat().st_mode)
    except OSError:
        return ""


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except OSError:
        return b""


def _wal_has_frames(wal: Path) -> bool:
    """A -wal file whose first frame belongs to its header: SQLite would read its pages into the database."""
    try:
        with wal.open("rb") as handle:
            head = handle.read(_WAL_HEADER + _FRAME_HEADER)
            if len(head) < _WAL_HEADER + _FRAME_HEADER:
                return False
            magic, version, page_size = struct.unpack_from(">III", head)
            if magic not in _WAL_MAGIC or version != _SHM_VERSION or page_size < 512:
                return False
            # A frame carries its header's salts; frames left from before the last restart carry old ones.
            if head[16:24] != head[_WAL_HEADER + 8:_WAL_HEADER + 16]:
                return False
            return os.fstat(handle.fileno()).st_size >= _WAL_HEADER + _FRAME_HEADER + page_size
    except OSError:
        return False


def _shm_unwritten_frames(shm: Path) -> bool:
    """A valid -shm index that counts frames of the -wal not yet copied into the database (checkpointed)."""
    try:
        data = shm.read_bytes()[:136] if shm.stat().st_size < 1 << 20 else b""
    except OSError:
        return False
    if len(data) < 136 or data[:48] != data[48:96]:
        return False
    version, = struct.unpack_from("=I", data, 0)
    if version != _SHM_VERSION or data[12] != 1 or _checksum(data[:40]) != struct.unpack_from("=II", data, 40):
        return False
    max_frame, = struct.unpack_from("=I", data, 16)
    backfilled, = struct.unpack_from("=I", data, 96)
    return max_frame > backfilled


def _checksum(data: bytes) -> tuple[int, int]:
    """SQLite's walChecksumBytes in the machine's byte order, as the -shm index is written."""
    s1 = s2 = 0
    words = struct.unpack(f"={len(data) // 4}I", data)
    for x0, x1 in zip(words[::2], words[1::2]):
        s1 = (s1 + x0 + s2) & 0xFFFFFFFF
        s2 = (s2 + x1 + s1) & 0xFFFFFFFF
    return s1, s2
