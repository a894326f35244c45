"""SIGKILL in the middle of `main.py import`, many times over: the file stays sound and no article is half-stored.

Each round runs main.py (as `python main.py import ...` would, through runpy) in a process forked
from one that has loaded the parser already, so that the random delay before the kill falls in the
import rather than in Python's start-up. A warm import of the 60 articles takes about 1.3 s, so
delays of 0.05 to 1.0 s land anywhere from opening the file to the last articles. When the kills
have let every article in, the next rounds start on a new file, so that each kill meets writes.
DEAL_TRACKER_KILL_ROUNDS sets the number of kills (15 by default; `make fuzz` runs more).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from db_helpers import MAIN, ROOT, make_articles, run_cli, start_cli

pytestmark = pytest.mark.slow  # kills main.py mid-import, many times

ROUNDS = int(os.environ.get("DEAL_TRACKER_KILL_ROUNDS", "15"))
ARTICLES = 60

# Per round: reads a job, forks main.py, then waits for the word to kill it and reports its wait status.
# The child is killed before it is reaped, so its pid cannot have gone to another process.
ZYGOTE = f"""
import json, os, runpy, signal, sys
sys.path.insert(0, {str(ROOT)!r})
import core.importer, core.store, core.store.file
from core.extract import parse_text
parse_text("Acme Systems to acquire Beta Robotics\\n\\nAcme Systems agreed on Monday to buy Beta Robotics for $9 million.")
print("ready", flush=True)
while line := sys.stdin.readline():
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        err = os.open(job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(err, 2)
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        sys.argv = [{str(MAIN)!r}, *job["argv"]]
        code = 0
        try:
            runpy.run_path(sys.argv[0], run_name="__main__")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    sys.stdin.readline()
    os.kill(pid, signal.SIGKILL)
    print(os.waitpid(pid, 0)[1], flush=True)
"""

# Per article (by text hash): each of its deals as (title, parties, amounts).
Shape = dict[str, list[tuple[str, int, int]]]


def shape(path: Path) -> Shape:
    """What the database holds, article by article; checks the file, its FTS index and every deal on the way."""
    conn = sqlite3.connect(path)  # read-write: the first connection after a kill replays the WAL
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:
            # Killed before or while the schema was made: then none of it is there.
            assert not tables & {"deals", "deal_sources", "_sqlite_migrations"}, tables
            return {}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # Raises "database disk image is malformed" when the index and the deals disagree.
        conn.execute("INSERT INTO deals_fts (deals_fts, rank) VALUES ('integrity-check', 1)")
        conn.rollback()
        orphans = conn.execute(
            "SELECT id, title FROM deals WHERE id NOT IN (SELECT deal_id FROM deal_sources)"
        ).fetchall()
        assert orphans == [], f"deals without an article: {orphans}"
        out: Shape = {digest: [] for (digest,) in conn.execute("SELECT text_hash FROM articles")}
        rows = conn.execute(
            "SELECT a.text_hash, d.title, "
            "(SELECT count(*) FROM deal_parties p WHERE p.deal_id = d.id), "
            "(SELECT count(*) FROM amounts m WHERE m.deal_id = d.id) "
            "FROM deals d JOIN deal_sources s ON s.deal_id = d.id JOIN articles a ON a.id = s.article_id"
        )
        for digest, title, parties, amounts in rows:
            out[digest].append((title, parties, amounts))
        return {digest: sorted(deals) for digest, deals in out.items()}
    finally:
        conn.close()


class Zygote:
    """A warm Python that forks `main.py` runs on demand."""

    def __init__(self, cwd: Path) -> None:
        env = dict(os.environ, DEAL_TRACKER_DATA_DIR=str(cwd / "data"))
        self.proc = subprocess.Popen([sys.executable, "-c", ZYGOTE], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env=env, cwd=cwd)
        assert self._line() == "ready"

    def start(self, argv: list[str], stderr: Path) -> None:
        self._send(json.dumps({"argv": argv, "stderr": str(stderr)}))

    def kill(self) -> bool:
        """SIGKILL the run, unless it has ended; whether it was still running."""
        self._send("kill")
        return os.WIFSIGNALED(int(self._line()))

    def _send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)

    def _line(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()


def titles(path: Path) -> Counter[str]:
    conn = sqlite3.connect(path)
    try:
        return Counter(row[0] for row in conn.execute("SELECT title FROM deals"))
    finally:
        conn.close()


def test_kills_mid_import_leave_whole_articles_and_a_rerun_ends_like_a_clean_import(tmp_path: Path) -> None:
    articles = [str(p) for p in make_articles(tmp_path / "articles", ARTICLES)]
    clean_db = tmp_path / "clean.db"
    env = dict(os.environ, DEAL_TRACKER_DATA_DIR=str(tmp_path / "data"))
    clean = subprocess.Popen([sys.executable, str(MAIN), "import", "--db", str(clean_db), *articles],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)

    rng = random.Random(20250306)
    files = [tmp_path / "killed-1.db"]
    seen: list[Shape] = []
    mid_write = killed = 0
    zygote = Zygote(tmp_path)
    stderr = tmp_path / "stderr.txt"
    for _ in range(ROUNDS):
        db = files[-1]
        before = len(shape(db)) if db.exists() else 0
        order = articles[:]
        rng.shuffle(order)  # a rerun meets the articles not yet stored early on
        zygote.start(["import", "--db", str(db), *order], stderr)
        time.sleep(rng.uniform(0.05, 1.0))
        killed += zygote.kill()
        assert "Traceback" not in stderr.read_text(), stderr.read_text()
        stored = shape(db) if db.exists() else {}
        seen.append(stored)
        mid_write += before < len(stored) < ARTICLES
        if len(stored) == ARTICLES:
            files.append(tmp_path / f"killed-{len(files) + 1}.db")
    zygote.close()
    out, err = clean.communicate(timeout=120)
    assert clean.returncode == 0, out + err
    expected = shape(clean_db)
    assert len(expected) == ARTICLES and all(expected.values())
    print(f"articles stored after each kill: {[len(s) for s in seen]}; {killed} kills, {mid_write} of them mid-write; "
          f"{len(files)} files")
    for stored in seen:
        for digest, deals in stored.items():
            assert deals == expected[digest], "an article stored with other deals than a clean import's"

    final = run_cli("import", "--db", str(files[-1]), *articles, cwd=tmp_path)
    assert final.returncode == 0, final.stdout + final.stderr
    for path in files:
        if path.exists():
            assert shape(path) == expected
            assert titles(path) == titles(clean_db)


def stored_articles(path: Path) -> int:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_ctrl_c_mid_import_says_so_in_one_line_and_leaves_whole_articles(tmp_path: Path) -> None:
    articles = [str(p) for p in make_articles(tmp_path / "articles", ARTICLES)]
    db = tmp_path / "interrupted.db"
    proc = start_cli("import", "--db", str(db), *articles, cwd=tmp_path)
    while proc.poll() is None and stored_articles(db) == 0:
        time.sleep(0.02)  # interrupt once the import has begun to store
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert (proc.returncode, err) == (130, "deal-tracker: interrupted\n"), out + err
    stored = shape(db)
    assert 0 < len(stored) < ARTICLES
    assert all(len(deals) == 1 and deals[0][1] == 2 for deals in stored.values()), stored
