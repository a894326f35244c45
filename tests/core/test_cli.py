"""The command line end to end, in a subprocess, on a real database file."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # main.py in a subprocess

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


def run(*args: str, tmp_path: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DEAL_TRACKER_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_parse_prints_the_contract_for_one_file(tmp_path):
    out = json.loads(run("parse", "--json", str(SAMPLES / "02-corvane-lumetric-acquisition.txt"), tmp_path=tmp_path).stdout)
    assert set(out) == {"title", "published", "publisher", "deals"}
    assert out["deals"][0]["type"] == "acquisition"
    assert {"title", "type", "date", "parties", "amounts", "location", "sectors", "commitments", "people"} <= set(out["deals"][0])


def test_parse_prints_an_array_for_several_files_in_order(tmp_path):
    files = [SAMPLES / "01-valmora-arbor-peak-ai-datacentre-mou.txt", SAMPLES / "06-market-commentary-no-deal.txt"]
    out = json.loads(run("parse", "--json", "--published", "2025-01-01", *map(str, files), tmp_path=tmp_path).stdout)
    assert isinstance(out, list) and len(out) == 2
    assert out[0]["deals"] and out[1]["deals"] == []


def test_parse_refuses_bad_input_with_a_reason_and_no_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = run("parse", "--json", str(empty), tmp_path=tmp_path, check=False)
    assert proc.returncode == 1
    assert "empty.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_parse_never_loads_qt(tmp_path):
    code = ("import sys, runpy; sys.argv=['main.py','parse','--json',%r]; "
            "import main; main.main(sys.argv[1:]); assert 'PySide6' not in sys.modules" % str(SAMPLES / "03-tidewell-series-b.txt"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_import_then_export_and_list(tmp_path):
    db = tmp_path / "deals.db"
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html", ".eml"))
    first = run("import", "--db", str(db), *map(str, samples), tmp_path=tmp_path)
    assert "added" in first.stdout
    again = run("import", "--db", str(db), str(samples[0]), tmp_path=tmp_path)
    assert "already imported" in again.stdout
    exported = json.loads(run("export", "--db", str(db), "--format", "json", tmp_path=tmp_path).stdout)
    assert exported and all({"id", "sources"} <= set(d) for d in exported)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from deals").fetchone()[0] == len(exported)
    csv_file = tmp_path / "deals.csv"
    run("export", "--db", str(db), "--format", "csv", "-o", str(csv_file), tmp_path=tmp_path)
    text = csv_file.read_text(encoding="utf-8")
    assert text.startswith("\ufeffID,Title,Type,")  # a byte-order mark, so a spreadsheet reads £ and €
    assert len(list(csv.DictReader(io.StringIO(text[1:])))) == len(exported)
    listing = run("deals", "--db", str(db), "--search", "Tidewell", tmp_path=tmp_path).stdout
    assert "Tidewell" in listing and "Corvane" not in listing


def test_import_reports_a_refused_input_and_exits_1(tmp_path):
    db = tmp_path / "deals.db"
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    proc = run("import", "--db", str(db), str(png), str(SAMPLES / "02-corvane-lumetric-acquisition.txt"),
               tmp_path=tmp_path, check=False)
    assert proc.returncode == 1
    assert "picture.txt: skipped:" in proc.stdout and "Traceback" not in proc.stderr + proc.stdout


def test_search_with_stray_quotes_and_operators_is_not_an_error(tmp_path):
    db = tmp_path / "deals.db"
    run("import", "--db", str(db), str(SAMPLES / "02-corvane-lumetric-acquisition.txt"), tmp_path=tmp_path)
    proc = run("deals", "--db", str(db), "--search", 'Corvane "AND (OR* NEAR', tmp_path=tmp_path)
    assert "deals" in proc.stdout
