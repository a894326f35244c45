"""core.extract.date_patterns on its own: the patterns and words that find date phrases in news text."""

from __future__ import annotations

from core.extract.date_patterns import COUNT_WORDS, DAY_MONTH, MONTH_DAY, MONTHS, WEEKDAYS


def test_month_first_and_day_first_dates_give_the_same_parts() -> None:
    first = MONTH_DAY.search("Alder said on March 3, 2025 that it")
    second = DAY_MONTH.search("Alder said on 3rd of March 2025 that it")
    assert first and second
    assert first.group("month", "day", "year") == second.group("month", "day", "year") == ("March", "3", "2025")


def test_a_time_or_a_percentage_is_no_day_or_year() -> None:
    assert MONTH_DAY.search("by March 3:30 pm") is None
    match = MONTH_DAY.search("in March 3 2025% of sales")
    assert match is not None and match.group("year") is None


def test_the_word_tables_count_as_a_calendar_does() -> None:
    assert MONTHS["march"] == 3 and MONTHS["dec"] == 12
    assert sorted(set(WEEKDAYS.values())) == list(range(7))
    assert COUNT_WORDS["three"] == 3
