"""Two `main.py import` processes into one new database while a third process reads it: no lock error, nothing lost."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db_helpers import ROOT, make_articles, start_cli

pytestmark = pytest.mark.slow  # several main.py processes at once

# Polls the deal count as the window's list would, opening the store afresh now and then, until told to stop.
READER = f"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
from core.model import DealQuery
from core.store import Store
path, stop = Path(sys.argv[1]), Path(sys.argv[2])
counts = []
while not stop.exists():
    with Store.open(path) as store:
        for _ in range(20):
            counts.append(store.count_deals(DealQuery()))
            time.sleep(0.005)
with Store.open(path) as store:
    counts.append(store.count_deals(DealQuery()))
print(json.dumps(counts))
"""


def test_two_imports_and_a_reader_at_once_lose_nothing_and_meet_no_lock(tmp_path: Path) -> None:
    articles = [str(p) for p in make_articles(tmp_path / "articles", 40)]
    db = tmp_path / "shared.db"  # made by whichever process comes first
    stop = tmp_path / "stop"
    env = dict(os.environ, DEAL_TRACKER_DATA_DIR=str(tmp_path / "data"))
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    # Interleaved halves: both writers are busy for the whole run.
    writers = [start_cli("import", "--db", str(db), *articles[i::2], cwd=tmp_path) for i in (0, 1)]
    results = [w.communicate(timeout=120) for w in writers]
    stop.touch()
    counts_out, reader_err = reader.communicate(timeout=120)

    added = 0
    for writer, (out, err) in zip(writers, results):
        assert writer.returncode == 0, out + err
        assert err == "" and "skipped" not in out and "locked" not in out, out + err
        added += int(out.splitlines()[-1].split()[0])
    assert reader.returncode == 0 and reader_err == "", reader_err
    counts = json.loads(counts_out)
    assert counts == sorted(counts), "the reader saw deals disappear"
    conn = sqlite3.connect(db)
    total = conn.execute("SELECT count(*) FROM deals").fetchone()[0]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert total == added == len(articles)
    assert counts[-1] == total


def test_data_version_moves_when_another_process_writes_and_not_for_our_own(tmp_path: Path) -> None:
    from core.model import Deal
    from core.store import Store

    db = tmp_path / "shared.db"
    article = make_articles(tmp_path / "articles", 1)[0]
    with Store.open(db) as store:
        seen = store.data_version()
        store.add_deal(Deal("Our own edit"))
        assert store.data_version() == seen
        out = start_cli("import", "--db", str(db), str(article), cwd=tmp_path).communicate(timeout=120)
        assert "added 1 deal" in out[0], out
        assert store.data_version() != seen
        seen = store.data_version()
        assert store.data_version() == seen
