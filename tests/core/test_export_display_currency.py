"""Exports add each deal's country, and its value in the window's display currency when that is not the dollar."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from core.export import export_to, write_csv, write_json
from core.fx import per_usd_by_day
from core.model import Amount, Article, Deal, DealQuery, Precision, Status
from core.store import Store


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "deals.db") as opened:
        opened.add_deal(Deal(title="Dated", date="2021-06-15", date_precision=Precision.DAY, location="Pune",
                             amounts=(Amount(1_000_000, "USD", "$1m"),)))
        deal = Deal(title="Undated", location="Arizona", amounts=(Amount(2_000_000, "USD", "$2m"),),
                    status=Status.ANNOUNCED)
        opened.add_article(Article(text="Undated raised $2m.", title="News", published="2023-02-01", deals=(deal,)))
        opened.add_deal(Deal(title="No value", date="2022-01-03", date_precision=Precision.DAY))
        yield opened


def _euros(day: str, dollars: float) -> float:
    return dollars * dict(per_usd_by_day("EUR"))[day]


def test_csv_in_euros_keeps_the_dollars_and_adds_the_euros_and_the_country(store):
    out = io.StringIO()
    write_csv(store, out, DealQuery(currency="EUR", sort="id"))
    rows = {r["Title"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    header = list(rows["Dated"])
    assert header.index("Value (EUR)") == header.index("Value (US$)") + 1
    assert header.index("Country") == header.index("Location") + 1
    assert rows["Dated"]["Value (US$)"] == "1000000"
    assert float(rows["Dated"]["Value (EUR)"]) == pytest.approx(_euros("2021-06-15", 1e6))
    assert float(rows["Undated"]["Value (EUR)"]) == pytest.approx(_euros("2023-02-01", 2e6))  # its article's day
    assert rows["No value"]["Value (EUR)"] == ""
    assert (rows["Dated"]["Country"], rows["Undated"]["Country"]) == ("India", "United States")


def test_in_dollars_there_is_no_second_value_column(store):
    out = io.StringIO()
    write_csv(store, out, DealQuery())
    header = next(csv.reader(io.StringIO(out.getvalue())))
    assert "Country" in header and not any(h.startswith("Value (") and h != "Value (US$)" for h in header)
    records = {r["title"]: r for r in json.loads(_json(store, DealQuery()))}
    assert "display_value" not in records["Dated"] and records["Dated"]["country"] == "India"


def _json(store: Store, query: DealQuery) -> str:
    out = io.StringIO()
    write_json(store, out, query)
    return out.getvalue()


def test_json_and_xlsx_in_euros(store, tmp_path):
    records = {r["title"]: r for r in json.loads(_json(store, DealQuery(currency="EUR")))}
    dated = records["Dated"]["display_value"]
    assert dated["currency"] == "EUR" and dated["rate_date"] == "2021-06-15"
    assert dated["value"] == pytest.approx(_euros("2021-06-15", 1e6)) and records["Dated"]["usd_value"] == 1e6
    assert records["No value"]["display_value"]["value"] is None
    assert records["Undated"]["country"] == "United States"
    target = tmp_path / "deals.xlsx"
    export_to(target, store, "xlsx", DealQuery(currency="EUR"))
    sheet = openpyxl.load_workbook(target)["Deals"]
    header = [c.value for c in sheet[1]]
    rows = {r[header.index("Title")]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Dated"][header.index("Value (EUR)")] == pytest.approx(_euros("2021-06-15", 1e6))
    assert rows["Dated"][header.index("Value (US$)")] == 1_000_000
    assert rows["Dated"][header.index("Country")] == "India"
    cell = sheet.cell(row=2, column=header.index("Value (EUR)") + 1)
    assert cell.number_format.endswith('"EUR"') or cell.value is None


def test_the_export_value_is_the_lists(store):
    rates = per_usd_by_day("EUR")
    store.set_display_rates("EUR", rates)
    deals = {d.title: d for d in store.iter_deals(DealQuery())}
    shown = store.deal_rows([d.id for d in deals.values()], "EUR")
    records = {r["title"]: r for r in json.loads(_json(store, DealQuery(currency="EUR")))}
    for title, deal in deals.items():
        assert records[title]["display_value"]["value"] == shown[deal.id].display_value
