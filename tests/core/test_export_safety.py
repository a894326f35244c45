"""Exports never overwrite the database or its backups, never leave half a file, and fail in one line."""

from __future__ import annotations

import csv
import io
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import main
from core.export import csv_row
from core.model import Amount, Commitment, Deal, Party, Person
from core.store import Store
from core.store.file import backup_folder, make_backup
from db_helpers import MAIN, dump


def _database(path: Path, count: int = 3, title_size: int = 20) -> Path:
    with Store.open(path) as store:
        with store.db.atomic():
            for n in range(count):
                store.add_deal(Deal(title=f"Deal {n} " + "x" * title_size, parties=(Party(f"Party {n}"),)))
    return path


def _export(capsys, db: Path, target: str | Path, fmt: str = "csv") -> tuple[int, str]:
    code = main.main(["export", "--db", str(db), "--format", fmt, "-o", str(target)])
    err = capsys.readouterr().err
    return code, err


def _one_line_refusal(code: int, err: str) -> None:
    assert code == 1
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("deal-tracker: ")


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_export_refuses_the_database_and_its_companions(tmp_path, capsys, suffix):
    db = _database(tmp_path / "deals.db")
    companion = tmp_path / f"deals.db{suffix}"
    before = dump(db)
    # Open, as the window would be: a database in WAL mode has its -wal and -shm files beside it.
    with Store.open(db):
        assert companion.exists() or suffix == "-journal"
        companion_bytes = companion.read_bytes() if companion.exists() else None
        code, err = _export(capsys, db, companion)
        _one_line_refusal(code, err)
        assert "Refusing to write" in err and "database" in err
        assert (companion.read_bytes() if companion.exists() else None) == companion_bytes
    assert dump(db) == before


def test_export_refuses_the_database_by_another_spelling(tmp_path, capsys, monkeypatch):
    db = _database(tmp_path / "deals.db")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    before = dump(db)
    code, err = _export(capsys, db, "../sub/../deals.db")
    _one_line_refusal(code, err)
    assert dump(db) == before


def test_export_refuses_a_symbolic_link_or_hard_link_to_the_database(tmp_path, capsys):
    db = _database(tmp_path / "deals.db")
    before = dump(db)
    link = tmp_path / "deals.csv"
    link.symlink_to(db)
    hard = tmp_path / "other-name.csv"
    os.link(db, hard)
    for target in (link, hard):
        code, err = _export(capsys, db, target)
        _one_line_refusal(code, err)
        assert "database itself" in err
    assert link.is_symlink() and dump(db) == before


def test_export_refuses_the_database_opened_through_a_link(tmp_path, capsys):
    real = _database(tmp_path / "real.db")
    alias = tmp_path / "alias.db"
    alias.symlink_to(real)
    before = dump(real)
    code, err = _export(capsys, alias, real)
    _one_line_refusal(code, err)
    assert dump(real) == before


def test_export_refuses_the_backups_folder_and_a_backup_linked_elsewhere(tmp_path, capsys):
    db = _database(tmp_path / "deals.db")
    backup = make_backup(db, keep=None)
    backup_bytes = backup.read_bytes()
    for target in (backup, backup_folder(db) / "new.csv"):
        code, err = _export(capsys, db, target)
        _one_line_refusal(code, err)
        assert "backups folder" in err
    elsewhere = tmp_path / "copy.csv"
    os.link(backup, elsewhere)
    code, err = _export(capsys, db, elsewhere)
    _one_line_refusal(code, err)
    assert backup.read_bytes() == backup_bytes and not (backup_folder(db) / "new.csv").exists()


def test_export_refuses_to_overwrite_another_database(tmp_path, capsys):
    db = _database(tmp_path / "deals.db")
    other = _database(tmp_path / "other.db", count=1)
    before = dump(other)
    code, err = _export(capsys, db, other)
    _one_line_refusal(code, err)
    assert dump(other) == before


@pytest.mark.parametrize("kind", ["missing folder", "folder", "device"])
def test_export_to_an_impossible_target_is_one_line(tmp_path, capsys, kind):
    db = _database(tmp_path / "deals.db")
    target = {"missing folder": tmp_path / "nowhere" / "deals.csv", "folder": tmp_path,
              "device": Path("/dev/full")}[kind]
    code, err = _export(capsys, db, target)
    _one_line_refusal(code, err)
    assert "Could not write" in err
    assert not (tmp_path / "nowhere").exists()


def _limit_file_size() -> None:
    # A write past the limit fails with EFBIG, as on a full disk, instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))


def _files(*folders: Path) -> list[str]:
    return sorted(p.name for folder in folders for p in folder.iterdir())


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_failed_write_leaves_the_existing_export_intact(tmp_path, capsys, fmt):
    db = _database(tmp_path / "deals.db", count=300, title_size=400)
    (tmp_path / "exports").mkdir()
    real = tmp_path / "exports" / f"latest.{fmt}"
    real.write_text("last week's export\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / f"deals.{fmt}"
    link.symlink_to(real)
    # In a child process: the file size limit must not reach the test runner.
    proc = subprocess.run([sys.executable, str(MAIN), "export", "--db", str(db), "--format", fmt, "-o", str(link)],
                          capture_output=True, text=True, preexec_fn=_limit_file_size, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1 and "Could not write" in proc.stderr
    assert real.read_text(encoding="utf-8") == "last week's export\n"
    assert _files(tmp_path, tmp_path / "exports") == sorted(["deals.db", f"deals.{fmt}", "exports", f"latest.{fmt}"])
    # With room on the disk the same export replaces the file the link points to, and keeps the link.
    code, err = _export(capsys, db, link, fmt)
    assert code == 0 and "300 deals written" in err
    assert link.is_symlink() and real.read_text(encoding="utf-8").count("Deal ") == 300
    assert oct(real.stat().st_mode & 0o777) == oct(0o640)
    assert _files(tmp_path, tmp_path / "exports") == sorted(["deals.db", f"deals.{fmt}", "exports", f"latest.{fmt}"])


HOSTILE = ("=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
           " =1", "\uff1d1")


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_cells_never_start_a_formula(text):
    deal = Deal(title=text, parties=(Party(text),), commitments=(Commitment(text),), people=(Person(text),),
                sectors=(text,), location=text)
    row = csv_row(deal)
    for column in ("Title", "Parties", "Commitments", "People", "Sectors", "Location"):
        assert row[column].startswith("'"), (column, row[column])


def test_csv_numbers_stay_numbers(tmp_path, capsys):
    db = tmp_path / "deals.db"
    with Store.open(db) as store:
        store.add_deal(Deal(title="Refund", amounts=(Amount(-5_000_000, "USD", "-$5 million"),)))
        store.add_deal(Deal(title="Half", amounts=(Amount(2.5, "USD", "$2.5"),)))
    target = tmp_path / "deals.csv"
    assert _export(capsys, db, target)[0] == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    by_title = {row["Title"]: row for row in rows}
    assert by_title["Refund"]["Value (US$)"] == by_title["Refund"]["Value"] == "-5000000"
    assert by_title["Half"]["Value (US$)"] == "2.5"
    assert by_title["Refund"]["All amounts"] == "'-5000000 USD"  # text, so neutralised
    assert all(row["ID"].isdigit() for row in rows)


def test_csv_export_of_hostile_cells_read_back(tmp_path, capsys):
    db = tmp_path / "deals.db"
    with Store.open(db) as store:
        for text in HOSTILE:
            store.add_deal(Deal(title=text + " \x1b[31mred\x1b[0m"))
    target = tmp_path / "deals.csv"
    assert _export(capsys, db, target)[0] == 0
    text = target.read_text(encoding="utf-8-sig")
    assert "\x1b" not in text
    titles = [row["Title"] for row in csv.DictReader(io.StringIO(text))]
    assert len(titles) == len(HOSTILE) and all(t.startswith("'") and t.endswith(" red") for t in titles)
