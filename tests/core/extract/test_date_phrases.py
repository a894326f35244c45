"""core.extract.date_phrases on its own: date phrases found and turned into dates against a reference day."""

from __future__ import annotations

from datetime import date

from core.extract.date_phrases import add, candidates, safe_date, weekday_year
from core.model import Precision


def test_calendar_arithmetic_keeps_to_real_days() -> None:
    assert safe_date(2025, 2, 30) is None
    assert add(date(2025, 1, 31), 1, "month") == date(2025, 2, 28)
    assert add(date(2024, 2, 29), 1, "year") == date(2025, 2, 28)
    assert add(date(2025, 1, 1), 2, "week") == date(2025, 1, 15)


def test_an_absolute_date_is_fixed_and_a_relative_one_hangs_on_the_reference() -> None:
    text = "Alder said on March 3, 2025 that it would close the deal next month."
    found = list(candidates(text, date(2025, 3, 10)))
    assert [(text[f.start:f.end], f.value, f.precision, f.loose) for f in found] == [
        ("March 3, 2025", date(2025, 3, 3), Precision.DAY, False),
        ("next month", date(2025, 4, 1), Precision.MONTH, True),
    ]


def test_a_weekday_with_a_month_and_day_picks_the_year_it_falls_in() -> None:
    assert weekday_year(3, 3, 0, date(2025, 6, 1)) == date(2025, 3, 3)  # Monday, March 3
