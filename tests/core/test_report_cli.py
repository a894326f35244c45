"""`main.py report`: the Insights figures as a table or JSON, and one-line refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from core import insights
from core.model import Amount, Deal, DealQuery, DealType, Party, PartyKind, Precision
from core.report_cli import usd
from core.store import Store
from tests.core.db_helpers import run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "deals.db"
    with Store.open(path) as store:
        store.add_deal(Deal("Arbor buys Lumetric", type=DealType.ACQUISITION, date="2025-09-22",
                            date_precision=Precision.DAY, location="Germany", sectors=("software",),
                            parties=(Party("Arbor Peak", role="acquirer"), Party("Lumetric", role="target")),
                            amounts=(Amount(9.2e9, "USD", "$9.2bn"),)))
        store.add_deal(Deal("Korea and Corvane MoU", type=DealType.MOU, date="2025-01-01",
                            date_precision=Precision.YEAR, location="South Korea",
                            parties=(Party("Korea", kind=PartyKind.GOVERNMENT), Party("Corvane", role="investor")),
                            amounts=(Amount(4e8, "USD", "$400m"),)))
        store.add_deal(Deal("Corvane backs Quill", type=DealType.FUNDING_ROUND, date="2024-05-02",
                            date_precision=Precision.DAY, parties=(Party("Corvane", role="investor"),)))
    return path


def _report(capsys, *args: str) -> tuple[int, str, str]:
    code = main.main(["report", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_by_year_is_the_flow_of_every_deal(db, capsys):
    code, out, _ = _report(capsys, "--db", str(db), "--json")
    assert code == 0
    assert json.loads(out) == [
        {"period": "2024", "type": "funding_round", "count": 1, "usd_total": 0.0},
        {"period": "2025", "type": "acquisition", "count": 1, "usd_total": 9.2e9},
        {"period": "2025", "type": "mou", "count": 1, "usd_total": 4e8},
    ]


def test_table_by_type_reads_like_the_status_bar(db, capsys):
    code, out, _ = _report(capsys, "--db", str(db), "--by", "type")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["type", "deals", "US$"]
    assert "acquisition" in lines[1] and lines[1].endswith("US$9.2bn")
    assert lines[-1] == "3 deals · US$9.6bn"


def test_league_by_role_equals_the_store_and_follows_the_search(db, capsys):
    code, out, _ = _report(capsys, "--db", str(db), "--role", "investor", "--json")
    assert code == 0
    with Store.open(db) as store:
        expected = insights.league(store, DealQuery(), "investor")
    assert json.loads(out) == [{"entity_id": r.entity_id, "name": r.name, "count": r.count,
                                "usd_total": r.usd_total} for r in expected]
    assert json.loads(out)[0]["name"] == "Corvane" and json.loads(out)[0]["count"] == 2
    _, out, _ = _report(capsys, "--db", str(db), "--by", "party", "--role", "government", "--search", "korea")
    assert out.split("\n")[1].split()[:2] == ["Korea", "1"]


def test_country_month_and_sector_tables(db, capsys):
    _, out, _ = _report(capsys, "--db", str(db), "--by", "country")
    assert out.splitlines()[0].split()[0] == insights.COUNTRY_HEADING
    assert {line.split()[0] for line in out.splitlines()[1:-1]} == {"Germany", "South", "unknown"}
    _, out, _ = _report(capsys, "--db", str(db), "--by", "month", "--json")
    assert [r["period"] for r in json.loads(out)] == ["2024-05", "2025", "2025-09"]
    _, out, _ = _report(capsys, "--db", str(db), "--by", "sector", "--json")
    assert {r["sector"]: r["count"] for r in json.loads(out)} == {"software": 1, "unknown": 2}


def test_refusals_are_one_line(db, tmp_path, capsys):
    code, out, err = _report(capsys, "--db", str(db), "--by", "type", "--role", "lender")
    assert code == 2 and out == "" and err.strip() == "deal-tracker report: --role goes with --by party, not --by type"
    code, _, err = _report(capsys, "--db", str(tmp_path / "missing.db"))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, out, _ = _report(capsys, "--db", str(db), "--search", "nothing-like-it")
    assert code == 0 and out == "no deals\n"


def test_usd_figures_are_short():
    assert [usd(v) for v in (9.2e9, 678e6, 1500.0, 12.0, 1.25e12)] == ["US$9.2bn", "US$678m", "US$1.5k", "US$12",
                                                                    "US$1.25tn"]


@pytest.mark.slow
def test_report_runs_in_a_process_of_its_own(db, tmp_path):
    proc = run_cli("report", "--db", str(db), "--by", "quarter", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert {r["period"] for r in json.loads(proc.stdout)} == {"2024-Q2", "2025", "2025-Q3"}
