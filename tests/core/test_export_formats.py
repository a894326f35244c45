"""What an analyst opens: the workbook's sheets and typed cells, JSON with every field, CSV with a BOM and labels."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import openpyxl
import openpyxl.utils
import pytest

import main
from core.export import export_to
from core.export_rows import DEAL_HEADERS
from core.model import (
    Amount, Article, Commitment, Deal, DealType, Party, PartyKind, Person, Precision, Status, UsdValue,
)
from core.store import Store
from db_helpers import dump


def _article() -> Article:
    deal = Deal(
        title="Tidewell raises £40m Series B", type=DealType.FUNDING_ROUND, status=Status.COMPLETED,
        date="2025-08-19", date_precision=Precision.DAY,
        parties=(Party("Tidewell", PartyKind.COMPANY, "recipient", country="GB"),
                 Party("Granite Peak Ventures", PartyKind.FUND, "investor")),
        amounts=(Amount(40_000_000, "GBP", "£40 million"), Amount(5_000_000, "USD", "$5 million")),
        location="London", sectors=("energy", "solar"),
        commitments=(Commitment("hire 200 engineers", "2027"),),
        people=(Person("Ana Ruiz", "chief executive", "Tidewell"),),
        summary="A round led by Granite Peak.", notes="Check the € figure\nwith the CFO.",
    )
    return Article(text="Tidewell raised £40 million.", title="Tidewell's round", publisher="The Ledger",
                   url="https://news.example/tidewell", published="2025-08-20", deals=(deal,))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "deals.db"
    with Store.open(path) as store:
        store.add_article(_article())
        store.add_deal(Deal(title="Month deal", date="2025-03-01", date_precision=Precision.MONTH))
        store.add_deal(Deal(title="Year deal", date="2024-01-01", date_precision=Precision.YEAR))
        store.add_deal(Deal(title="Quarter deal", date="2024-07-01", date_precision=Precision.QUARTER))
        store.add_deal(Deal(title="=HYPERLINK(\"http://example.invalid\")", notes="@SUM(A1)",
                            parties=(Party("-2+3"),)))
    return path


def _export(db: Path, target: Path, fmt: str) -> int:
    with Store.open(db) as store:
        return export_to(target, store, fmt)


def _rows(sheet) -> list[dict[str, object]]:
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]


def test_xlsx_has_four_sheets_of_typed_cells(db, tmp_path):
    target = tmp_path / "deals.xlsx"
    assert _export(db, target, "xlsx") == 5
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Deals", "Parties", "Amounts", "Sources"]
    deals = book["Deals"]
    assert tuple(c.value for c in deals[1]) == DEAL_HEADERS
    by_title = {row["Title"]: row for row in _rows(deals)}
    tidewell = by_title["Tidewell raises £40m Series B"]
    assert tidewell["Type"] == "Funding round" and tidewell["Status"] == "Completed"
    assert tidewell["Date"] == datetime.datetime(2025, 8, 19) and tidewell["Date precision"] == "Day"
    assert tidewell["Value"] == 40_000_000 and tidewell["Currency"] == "GBP"
    assert isinstance(tidewell["Value (US$)"], float) and 50e6 < tidewell["Value (US$)"] < 56e6
    assert tidewell["Parties"] == "Tidewell (Recipient); Granite Peak Ventures (Investor)"
    assert tidewell["Summary"] == "A round led by Granite Peak." and tidewell["Notes"].endswith("with the CFO.")
    assert tidewell["Source addresses"] == "https://news.example/tidewell"
    assert tidewell["Sectors"] == "energy; solar" and tidewell["Location"] == "London"
    parties = _rows(book["Parties"])
    assert {(p["Party"], p["Role"], p["Kind"]) for p in parties if p["Deal ID"] == tidewell["ID"]} == {
        ("Tidewell", "Recipient", "Company"), ("Granite Peak Ventures", "Investor", "Fund")}
    amounts = [a for a in _rows(book["Amounts"]) if a["Deal ID"] == tidewell["ID"]]
    assert [(a["Value"], a["Currency"], a["As written"]) for a in amounts] == [
        (40_000_000, "GBP", "£40 million"), (5_000_000, "USD", "$5 million")]
    assert amounts[0]["Rate source"] == "ECB reference rate"
    assert amounts[0]["Rate date"] == datetime.datetime(2025, 8, 19) and 1.2 < amounts[0]["Rate (US$ per unit)"] < 1.4
    assert amounts[1]["Rate source"] == "In US dollars" and amounts[1]["Value (US$)"] == 5_000_000
    assert _rows(book["Sources"]) == [{"Deal ID": tidewell["ID"], "Title": "Tidewell's round",
                                       "Publisher": "The Ledger", "Date": datetime.datetime(2025, 8, 20),
                                       "Address": "https://news.example/tidewell"}]


def test_xlsx_header_frozen_filters_on_columns_sized(db, tmp_path):
    target = tmp_path / "deals.xlsx"
    _export(db, target, "xlsx")
    book = openpyxl.load_workbook(target)
    for sheet in book:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), sheet.title
        assert all(sheet.column_dimensions[c.column_letter].width >= 6 for c in sheet[1]), sheet.title
        assert all(c.font.bold for c in sheet[1])
    deals = book["Deals"]
    assert deals.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(DEAL_HEADERS))}{deals.max_row}"
    widths = {c.value: deals.column_dimensions[c.column_letter].width for c in deals[1]}
    assert widths["Title"] > widths["ID"]


def test_xlsx_dates_show_only_their_precision(db, tmp_path):
    target = tmp_path / "deals.xlsx"
    _export(db, target, "xlsx")
    sheet = openpyxl.load_workbook(target)["Deals"]
    header = [c.value for c in sheet[1]]
    column = header.index("Date")
    formats = {row[1].value: (row[column].value, row[column].number_format) for row in sheet.iter_rows(min_row=2)}
    assert formats["Tidewell raises £40m Series B"] == (datetime.datetime(2025, 8, 19), "d mmm yyyy")
    assert formats["Month deal"] == (datetime.datetime(2025, 3, 1), "mmm yyyy")
    assert formats["Year deal"] == (datetime.datetime(2024, 1, 1), "yyyy")
    assert formats["Quarter deal"] == (datetime.datetime(2024, 7, 1), '"Q3" yyyy')


def test_xlsx_text_that_looks_like_a_formula_stays_text(db, tmp_path):
    target = tmp_path / "deals.xlsx"
    _export(db, target, "xlsx")
    book = openpyxl.load_workbook(target)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)
             and c.value.startswith(("=", "-", "@"))]
    assert {c.value for c in cells} >= {"=HYPERLINK(\"http://example.invalid\")", "@SUM(A1)", "-2+3"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_json_carries_every_field(db, tmp_path):
    target = tmp_path / "deals.json"
    _export(db, target, "json")
    deal = next(d for d in json.loads(target.read_text(encoding="utf-8")) if d["title"].startswith("Tidewell"))
    assert deal["status"] == "completed" and deal["status_label"] == "Completed"
    assert deal["type"] == "funding_round" and deal["type_label"] == "Funding round"
    assert deal["date"] == "2025-08-19" and deal["date_precision"] == "day"
    assert deal["summary"] == "A round led by Granite Peak." and deal["notes"] == "Check the € figure\nwith the CFO."
    first = deal["amounts"][0]
    assert first["usd"]["source"] == "ecb" and first["usd"]["rate_date"] == "2025-08-19"
    assert first["usd"]["value"] == pytest.approx(40_000_000 * first["usd"]["rate"])
    assert deal["usd_value"] == first["usd"]["value"]
    assert deal["commitments"] == [{"text": "hire 200 engineers", "horizon": "2027"}]
    assert deal["sources"] == [{"article_id": deal["sources"][0]["article_id"], "title": "Tidewell's round",
                                "publisher": "The Ledger", "url": "https://news.example/tidewell",
                                "published": "2025-08-20"}]
    assert deal["parties"][0]["country"] == "GB" and deal["parties"][1]["role_label"] == "Investor"


def test_csv_has_a_bom_labels_and_a_column_per_field(db, tmp_path):
    target = tmp_path / "deals.csv"
    _export(db, target, "csv")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = {r["Title"]: r for r in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))}
    tidewell = rows["Tidewell raises £40m Series B"]
    assert (tidewell["Type"], tidewell["Status"]) == ("Funding round", "Completed")
    assert (tidewell["Value"], tidewell["Currency"]) == ("40000000", "GBP")
    assert float(tidewell["Value (US$)"]) > 50e6
    assert (tidewell["Date"], tidewell["Date precision"]) == ("2025-08-19", "Day")
    assert tidewell["Summary"] == "A round led by Granite Peak." and "€" in tidewell["Notes"]
    assert tidewell["Source addresses"] == "https://news.example/tidewell"
    assert rows["Month deal"]["Date"] == "2025-03" and rows["Quarter deal"]["Date"] == "2024-Q3"


def test_cli_xlsx_needs_a_file(db, capsys):
    assert main.main(["export", "--db", str(db), "--format", "xlsx"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "-o" in err and "xlsx" in err


def test_cli_writes_xlsx_and_refuses_the_database(db, tmp_path, capsys):
    target = tmp_path / "out.xlsx"
    assert main.main(["export", "--db", str(db), "--format", "xlsx", "-o", str(target)]) == 0
    assert "5 deals written" in capsys.readouterr().err
    assert openpyxl.load_workbook(target).sheetnames[0] == "Deals"
    before = dump(db)
    assert main.main(["export", "--db", str(db), "--format", "xlsx", "-o", str(db)]) == 1
    assert "Refusing to write" in capsys.readouterr().err
    assert dump(db) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp file left
