"""GUI test fixtures: offscreen Qt, settings in a temp dir, and real file databases with known deals."""

from __future__ import annotations

import os

# Before anything loads Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402

from core.model import (  # noqa: E402
    Amount, Article, Commitment, Deal, DealType, Evidence, Party, PartyKind, Person, Precision, Status,
)

KOREA_TEXT = (
    "BlackRock and South Korea signed a memorandum of understanding in New York on Monday, "
    "September 22, to jointly develop advanced data centers and renewable energy across the country. "
    "BlackRock CEO Larry Fink met President Lee Jae Myung before the signing.\n"
    "BlackRock, which manages US$12.5 trillion in assets, also leads the AI Infrastructure Partnership "
    "with Microsoft, Nvidia and xAI.\n"
    "A week earlier BlackRock committed £500 million (US$678 million) to Digital Gravity Partners, "
    "a UK data-centre venture.\n"
    "The post Korea Eyes AI Capital Status with BlackRock Investment Deal appeared first on CoinCentral.\n"
)

MISTRAL_TEXT = (
    "Paris, 3 March 2025 (Wire) - Mistral AI raised €600 million in a Series B round led by General "
    "Catalyst, the company said. The French government welcomed the funding.\n"
)

VOLTA_TEXT = (
    "Volta Grid agreed to acquire SolarNorth Holdings for $1.2 billion, the companies said in the "
    "third quarter of 2024. The deal is expected to close next year.\n"
)


def _span(text: str, phrase: str, field: str, confidence: float = 0.9) -> Evidence:
    start = text.index(phrase)
    return Evidence(field=field, start=start, end=start + len(phrase), confidence=confidence)


def sample_articles() -> list[Article]:
    """Three hand-made articles with five deals: every kind of field, evidence and review mark."""
    korea_mou = Deal(
        title="BlackRock and South Korea sign AI infrastructure MoU",
        type=DealType.MOU, status=Status.MOU, date="2025-09-22", date_precision=Precision.DAY,
        parties=(Party("BlackRock", PartyKind.COMPANY, "investor"),
                 Party("South Korea", PartyKind.GOVERNMENT, "partner", country="KR")),
        location="New York City", sectors=("AI infrastructure", "data centers", "renewable energy"),
        commitments=(Commitment("jointly develop advanced data centers"),),
        people=(Person("Larry Fink", "CEO", "BlackRock"), Person("Lee Jae Myung", "President", None)),
        summary="An MoU on AI data centres and renewable energy.",
        evidence=(_span(KOREA_TEXT, "signed a memorandum of understanding", "type"),
                  _span(KOREA_TEXT, "Monday, September 22", "date", 0.6),
                  _span(KOREA_TEXT, "New York", "location"),
                  _span(KOREA_TEXT, "BlackRock and South Korea", "parties")),
        needs_review=("date",),
    )
    aip = Deal(
        title="AI Infrastructure Partnership", type=DealType.PARTNERSHIP, status=Status.ANNOUNCED,
        parties=(Party("BlackRock"), Party("Microsoft"), Party("Nvidia"), Party("xAI")),
        sectors=("AI infrastructure",),
        evidence=(_span(KOREA_TEXT, "AI Infrastructure Partnership", "title"),),
    )
    dgp = Deal(
        title="BlackRock invests in Digital Gravity Partners", type=DealType.INVESTMENT,
        date="2025-09-15", date_precision=Precision.WEEK,
        parties=(Party("BlackRock", role="investor"), Party("Digital Gravity Partners", role="recipient")),
        amounts=(Amount(500_000_000, "GBP", "£500 million", usd_value=678_000_000),
                 Amount(678_000_000, "USD", "US$678 million")),
        location="United Kingdom", sectors=("data centers",),
        evidence=(_span(KOREA_TEXT, "£500 million (US$678 million)", "amounts"),),
    )
    mistral = Deal(
        title="Mistral AI raises €600m Series B", type=DealType.FUNDING_ROUND, status=Status.COMPLETED,
        date="2025-03-03", date_precision=Precision.DAY,
        parties=(Party("Mistral AI", role="recipient", country="FR"),
                 Party("General Catalyst", PartyKind.FUND, "investor", country="US")),
        amounts=(Amount(600_000_000, "EUR", "€600 million"),), location="Paris", sectors=("AI",),
        evidence=(_span(MISTRAL_TEXT, "€600 million", "amounts"),),
    )
    volta = Deal(
        title="Volta Grid to acquire SolarNorth", type=DealType.ACQUISITION, status=Status.ANNOUNCED,
        date="2024-07-01", date_precision=Precision.QUARTER,
        parties=(Party("Volta Grid", role="acquirer"), Party("SolarNorth Holdings", role="target")),
        amounts=(Amount(1_200_000_000, "USD", "$1.2 billion"),), sectors=("renewable energy",),
        needs_review=("parties", "amounts"),
    )
    return [
        Article(KOREA_TEXT, title="Korea Eyes AI Capital Status with BlackRock Investment Deal",
                publisher="CoinCentral", published="2025-09-23", deals=(korea_mou, aip, dgp)),
        Article(MISTRAL_TEXT, title="Mistral AI raises Series B", publisher="Wire", published="2025-03-03",
                deals=(mistral,)),
        Article(VOLTA_TEXT, title="Volta Grid buys SolarNorth", published="2024-08-10", deals=(volta,)),
    ]


@pytest.fixture(autouse=True)
def _isolated_qt_paths(tmp_path_factory):
    """Keep QSettings() and QStandardPaths away from the real user's folders."""
    folder = tmp_path_factory.mktemp("qt-settings")
    QStandardPaths.setTestModeEnabled(True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "deals.db"


@pytest.fixture
def sample_store(db_path):
    """A real database file holding `sample_articles()`."""
    from core.store import Store

    store = Store.open(db_path)
    for article in sample_articles():
        store.add_article(article)
    yield store
    store.close()


@pytest.fixture
def empty_store(db_path):
    from core.store import Store

    store = Store.open(db_path)
    yield store
    store.close()


@pytest.fixture
def window(qtbot, sample_store, settings):
    from gui.main_window import MainWindow

    win = MainWindow(sample_store, settings)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    qtbot.waitExposed(win)
    return win
