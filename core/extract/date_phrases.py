"""Date phrases, one pattern each, turned into dates against a reference: the workings of core.extract.dates."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from core.extract import date_patterns as p
from core.model import Precision

ABSOLUTE, WEEKDAY, RELATIVE, ANCHORED, HORIZON = "absolute", "weekday", "relative", "anchored", "horizon"

_UNIT_PRECISION = {
    "day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR,
    "decade": Precision.YEAR,
}
_FORWARD = {"next", "until", "by", "as soon as", "till"}
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


@dataclass(frozen=True)
class Found:
    """A date phrase found at text[start:end] of the text; anchored ones are resolved later."""

    start: int
    end: int
    value: date | None
    precision: Precision
    kind: str
    anchor_offset: tuple[int, str] | None = None  # (count, unit) for anchored mentions
    # The value hangs on the reference ("last month", "on Tuesday", "June 20" without a year): without a
    # published date it is a guess from today, which the contract forbids as a deal date.
    loose: bool = False


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add(base: date, count: int, unit: str) -> date:
    if unit == "day":
        return base + timedelta(days=count)
    if unit == "week":
        return base + timedelta(weeks=count)
    months = count * {"month": 1, "year": 12, "decade": 120}[unit]
    year, month = divmod(base.month - 1 + months, 12)
    year += base.year
    return date(year, month + 1, min(base.day, calendar.monthrange(year, month + 1)[1]))


def _count(word: str | None) -> int | None:
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    return p.COUNT_WORDS.get(word.lower()) or None


def _unit(word: str) -> str:
    return word.lower().rstrip("s")


def _infer_year(month: int, day: int, reference: date | None) -> date | None:
    """The occurrence of a yearless month and day nearest the reference, a future day weighing as 11 past ones.

    News mostly reports what has happened, so a date more than a month ahead is taken as last year's.
    """
    if reference is None:
        return None
    years = (reference.year - 1, reference.year, reference.year + 1)
    options = [d for y in years if (d := safe_date(y, month, day))]

    def cost(d: date) -> int:
        return (reference - d).days if d <= reference else 11 * (d - reference).days

    return min(options, key=cost, default=None)


def weekday_year(month: int, day: int, weekday: int, reference: date | None) -> date | None:
    """The latest year, not after the reference year, in which that month and day fell on that weekday."""
    if reference is None:
        return None
    for year in range(reference.year, reference.year - 40, -1):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate.weekday() == weekday:
            return candidate
    return None


def _word_start(m: re.Match[str]) -> bool:
    """The match starts a word and is not the tail of a number such as "2,000" or "4.5"."""
    start, text = m.start(), m.string
    if start == 0:
        return True
    return not text[start - 1].isalnum() and not (text[start - 1] in ",." and text[start - 2:start - 1].isdigit())


def _before(m: re.Match[str], pattern: re.Pattern[str], reach: int = 24) -> re.Match[str] | None:
    """`pattern` (anchored with $) matched against the words just before the match."""
    return pattern.search(m.string, max(0, m.start() - reach), m.start())


def _month(m: re.Match[str]) -> int:
    return p.MONTHS[m.group("month").lower().rstrip(".")]


def _numeric_date(m: re.Match[str], reference: date | None) -> Found | None:
    """A numeric date only where the order is plain: 15/09/2025 or 09/15/2025, never 03/04/2025."""
    a, b = int(m.group("a")), int(m.group("b"))
    if m.start() and m.string[m.start() - 1] in "0123456789/.":
        return None
    if (a > 12) == (b > 12):
        return None
    day, month = (a, b) if a > 12 else (b, a)
    value = safe_date(int(m.group("year")), month, day)
    return Found(m.start(), m.end(), value, Precision.DAY, ABSOLUTE) if value else None


def _month_day(m: re.Match[str], reference: date | None) -> Found | None:
    day = int(m.group("day"))
    if not _word_start(m) or not 1 <= day <= 31:
        return None
    month = _month(m)
    weekday = _before(m, p.WEEKDAY_BEFORE)
    start = weekday.start() if weekday else m.start()
    if m.group("year"):
        return Found(start, m.end(), safe_date(int(m.group("year")), month, day), Precision.DAY, ABSOLUTE)
    if weekday:
        value = weekday_year(month, day, p.WEEKDAYS[weekday.group("weekday").lower()], reference)
        return Found(start, m.end(), value, Precision.DAY, WEEKDAY)
    which = p.WHICH_YEAR_AFTER.match(m.string, m.end())
    if which:
        year = reference.year + _YEAR_SHIFT[which.group("which")] if reference is not None else None
        value = safe_date(year, month, day) if year is not None else None
        kind = HORIZON if which.group("which") == "next" else ABSOLUTE
        return Found(start, which.end(), value, Precision.DAY, kind, loose=True)
    return Found(start, m.end(), _infer_year(month, day, reference), Precision.DAY, ABSOLUTE, loose=True)


def _iso(m: re.Match[str], reference: date | None) -> Found | None:
    if not _word_start(m):
        return None
    value = safe_date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    return Found(m.start(), m.end(), value, Precision.DAY, ABSOLUTE)


def _month_year(m: re.Match[str], reference: date | None) -> Found | None:
    if not _word_start(m):
        return None
    value = date(int(m.group("year")), _month(m), 1)
    return Found(m.start(), m.end(), value, Precision.MONTH, ABSOLUTE)


def _month_alone(m: re.Match[str], reference: date | None) -> Found | None:
    prep_match = _before(m, p.MONTH_PREP) if _word_start(m) else None
    if prep_match is None:
        return None
    month, prep = _month(m), " ".join(prep_match.group("prep").lower().split())
    start = prep_match.start()
    forward = prep in _FORWARD or prep.endswith(" of") and _before(prep_match, p.FORWARD_THE) is not None
    kind = HORIZON if forward else ABSOLUTE
    which = p.WHICH_YEAR_AFTER.match(m.string, m.end())
    end = which.end() if which else m.end()
    if reference is None:
        return Found(start, end, None, Precision.MONTH, kind)
    if which:
        kind = HORIZON if which.group("which") == "next" else kind
        value = date(reference.year + _YEAR_SHIFT[which.group("which")], month, 1)
        return Found(start, end, value, Precision.MONTH, kind, loose=True)
    if kind == HORIZON:
        year = reference.year + (1 if month < reference.month or prep == "next" else 0)
    else:
        year = reference.year - (1 if month > reference.month or prep == "last" and month >= reference.month else 0)
    return Found(start, m.end(), date(year, month, 1), Precision.MONTH, kind, loose=True)


def _period_of_year(m: re.Match[str], reference: date | None, number: int, precision: Precision) -> Found | None:
    if not _word_start(m):
        return None
    first_month = {Precision.QUARTER: 3, Precision.HALF: 6}[precision] * (number - 1) + 1
    if m.group("year"):
        year: int | None = int(m.group("year"))
    else:
        year = reference.year if reference is not None else None
    value = date(year, first_month, 1) if year is not None else None
    return Found(m.start(), m.end(), value, precision, ABSOLUTE, loose=not m.group("year"))


def _quarter(m: re.Match[str], reference: date | None) -> Found | None:
    words = m.groupdict().get("qword")
    number = p.ORDINALS[words.lower()] if words else int(m.group("q"))
    return _period_of_year(m, reference, number, Precision.QUARTER)


def _half(m: re.Match[str], reference: date | None) -> Found | None:
    words = m.groupdict().get("hword")
    if words and not (m.group("year") or m.group("thisyear")):
        return None  # "the first half" of a match, a season, a speech
    number = (1 if words.lower() == "first" else 2) if words else int(m.group("h"))
    return _period_of_year(m, reference, number, Precision.HALF)


_YEAR_OF_DEAL = re.compile(r"\s+(?:deal|transaction|acquisition|takeover|purchase|merger|sale|buyout|investment)\b")


def _year_alone(m: re.Match[str], reference: date | None) -> Found | None:
    prep_match = _before(m, p.YEAR_PREP) if _word_start(m) else None
    if prep_match is None:
        # "has its roots in a 2007 transaction": a year that stands before a deal's noun is when that deal was.
        if _word_start(m) and _YEAR_OF_DEAL.match(m.string, m.end()) and re.search(r"\b(?:a|an)\s+$", m.string[max(0, m.start() - 4):m.start()]):
            return Found(m.start(), m.end(), date(int(m.group("year")), 1, 1), Precision.YEAR, ABSOLUTE)
        return None  # a bare year is a name or a count as often as a date: "the 2016 deal", "WEF-2026"
    year, prep = int(m.group("year")), " ".join(prep_match.group("prep").lower().split())
    forward = prep in {"by", "until", "till", "through", "before", "to"}
    # "traces its history to 2011, when X bought ...", "dates back to 2011": a past year pointed at, not a horizon.
    if prep == "to" and (re.match(r",\s+when\b", m.string[m.end():m.end() + 8])
                         or m.string[max(0, prep_match.start() - 5):prep_match.start()].rstrip().endswith("back")):
        forward = False
    if forward or (reference is not None and year > reference.year and prep in {"in", "for", "from", "during"}):
        return Found(prep_match.start(), m.end(), date(year, 1, 1), Precision.YEAR, HORIZON)
    return Found(prep_match.start(), m.end(), date(year, 1, 1), Precision.YEAR, ABSOLUTE)


def _year_span(m: re.Match[str], reference: date | None) -> Found | None:
    if not _word_start(m):
        return None
    return Found(m.start(), m.end(), date(int(m.group("year")), 1, 1), Precision.YEAR, HORIZON)


def _by_end_of(m: re.Match[str], reference: date | None) -> Found | None:
    if not _word_start(m):
        return None
    if m.group("year"):
        return Found(m.start(), m.end(), date(int(m.group("year")), 12, 31), Precision.YEAR, HORIZON)
    value = None
    if reference is not None:
        ahead = {"the": 0, "this": 0, "next": 1}[m.group("which")] * (10 if m.group("unit") == "decade" else 1)
        value = date(reference.year + ahead, 12, 31)
    return Found(m.start(), m.end(), value, Precision.YEAR, HORIZON)


def _ahead(m: re.Match[str], reference: date | None) -> Found | None:
    if not _word_start(m) or not (m.groupdict().get("next") or m.group("count")):
        return None  # "in years", "for months": no number and no "next"
    unit = _unit(m.group("unit"))
    count = _count(m.group("count"))
    if m.group("count") is None and m.group("unit").lower().endswith("s"):
        count = None  # "in the coming years": no end
    value = add(reference, count, unit) if reference is not None and count else None
    return Found(m.start(), m.end(), value, _UNIT_PRECISION[unit], HORIZON)


def _relative_word(m: re.Match[str], reference: date | None) -> Found | None:
    if not _word_start(m):
        return None
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group(0).lower()]
    value = reference + timedelta(days=shift) if reference else None
    return Found(m.start(), m.end(), value, Precision.DAY, HORIZON if shift > 0 else RELATIVE, loose=True)


def _relative_period(m: re.Match[str], reference: date | None) -> Found | None:
    if not _word_start(m):
        return None
    when, period = " ".join(m.group("when").lower().split()), m.group("period")
    shift = {"last": -1, "next": 1}.get(when, 0)
    kind = HORIZON if when in {"next", "later this"} else RELATIVE
    if reference is None:
        return Found(m.start(), m.end(), None, _UNIT_PRECISION[period], kind)
    if period == "week":
        value = reference + timedelta(weeks=shift)
        if when == "earlier this":
            value = max(reference - timedelta(days=reference.weekday()), reference - timedelta(days=2))
    elif period == "month":
        value = add(reference.replace(day=1), shift, "month")
    else:
        value = date(reference.year + shift, 1, 1)
    return Found(m.start(), m.end(), value, _UNIT_PRECISION[period], kind, loose=True)


def _units_then(m: re.Match[str], reference: date | None) -> Found | None:
    counted = _before(m, p.COUNT_BEFORE) if _word_start(m) else None
    count = _count(counted.group("count")) if counted else None
    if counted is None or not count:
        return None
    unit, direction = _unit(m.group("unit")), m.group("dir").lower()
    precision = _UNIT_PRECISION[unit]
    if direction == "ago":
        value = add(reference, -count, unit) if reference else None
        return Found(counted.start(), m.end(), value, precision, RELATIVE, loose=True)
    if direction == "prior" and p.NOT_AN_ANCHOR.match(m.string, m.end()):
        return None  # "a week prior to the vote": anchored to something that is not a date
    if direction in {"before", "after"} and not p.CLAUSE_END.match(m.string, m.end()):
        return None  # "a month after announcing it", "two days before the vote"
    sign = 1 if direction in {"later", "after"} else -1
    return Found(counted.start(), m.end(), None, precision, ANCHORED, (sign * count, unit))


def _the_unit(m: re.Match[str], reference: date | None) -> Found | None:
    if not _word_start(m):
        return None
    if m.group("same"):
        return Found(m.start(), m.end(), None, Precision.DAY, ANCHORED, (0, "day"))
    if m.group("rel"):
        sign = -1 if m.group("rel") in {"previous", "prior", "preceding"} else 1
        unit = m.group("relunit")
    else:
        sign = -1 if m.group("bdir") in {"before", "earlier"} else 1
        unit = m.group("bunit")
    return Found(m.start(), m.end(), None, _UNIT_PRECISION[unit], ANCHORED, (sign, unit))


def _same_day(m: re.Match[str], reference: date | None) -> Found | None:
    if not _word_start(m):
        return None
    return Found(m.start(), m.end(), None, Precision.DAY, ANCHORED, (0, "day"))


def _weekday_word(m: re.Match[str], reference: date | None) -> Found | None:
    if not _word_start(m) or _before(m, p.NOT_A_DAY):
        return None
    weekday = p.WEEKDAYS[m.group("weekday").lower()]
    mod_match = _before(m, p.WEEKDAY_MOD)
    mod = " ".join(mod_match.group("mod").lower().split()) if mod_match else ""
    start = mod_match.start() if mod_match and mod in {"last", "this", "next", "as soon as"} else m.start()
    kind = HORIZON if mod in _FORWARD else WEEKDAY
    if reference is None:
        return Found(start, m.end(), None, Precision.DAY, kind)
    if kind == HORIZON:
        value = reference + timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    else:
        value = reference - timedelta(days=(reference.weekday() - weekday) % 7)
        if mod == "last" and value == reference:
            value -= timedelta(weeks=1)
    return Found(start, m.end(), value, Precision.DAY, kind, loose=True)


def _thanksgiving(year: int) -> date:
    """The fourth Thursday of November (US Thanksgiving), the one holiday news names that moves."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _holiday(m: re.Match[str], reference: date | None) -> Found | None:
    """ "on Christmas Eve": only after "on", since "before Christmas" or "a Christmas rush" name no day."""
    on = _before(m, p.HOLIDAY_ON) if _word_start(m) else None
    if on is None:
        return None
    name = " ".join(m.group("holiday").lower().split())
    if name.startswith("thanksgiving"):
        year = int(m.group("year")) if m.group("year") else (reference.year if reference else None)
        if year is None:
            return Found(on.start(), m.end(), None, Precision.DAY, ABSOLUTE, loose=True)
        value: date | None = _thanksgiving(year)
        if not m.group("year") and reference is not None and value is not None and value > reference:
            value = _thanksgiving(year - 1)
        return Found(on.start(), m.end(), value, Precision.DAY, ABSOLUTE, loose=not m.group("year"))
    month, day = p.HOLIDAYS[name]
    if m.group("year"):
        return Found(on.start(), m.end(), safe_date(int(m.group("year")), month, day), Precision.DAY, ABSOLUTE)
    return Found(on.start(), m.end(), _infer_year(month, day, reference), Precision.DAY, ABSOLUTE, loose=True)


_Handler = Callable[[re.Match[str], "date | None"], "Found | None"]
# Longer phrases win over the shorter ones inside them, so order only breaks exact ties.
FINDERS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (p.MONTH_DAY, _month_day), (p.DAY_MONTH, _month_day), (p.ISO, _iso), (p.NUMERIC, _numeric_date),
    (p.MONTH_YEAR, _month_year), (p.YEAR_SPAN, _year_span), (p.BY_END_OF, _by_end_of), (p.QUARTER, _quarter),
    (p.QUARTER_WORDS, _quarter), (p.HALF, _half), (p.HALF_WORDS, _half),
    (p.AHEAD, _ahead), (p.PERIOD_SPAN, _ahead), (p.UNITS_THEN, _units_then),
    (p.THE_UNIT, _the_unit), (p.SAME_DAY, _same_day), (p.RELATIVE_WORD, _relative_word),
    (p.RELATIVE_PERIOD, _relative_period), (p.MONTH_ALONE, _month_alone), (p.YEAR_ALONE, _year_alone),
    (p.WEEKDAY_WORD, _weekday_word), (p.HOLIDAY, _holiday),
)


def candidates(text: str, reference: date | None) -> Iterator[Found]:
    """Every phrase any pattern finds, overlapping ones included, not in text order."""
    for pattern, handler in FINDERS:
        for match in pattern.finditer(text):
            try:
                found = handler(match, reference)
            except (ValueError, OverflowError):
                # Only past the ends of the calendar (a reference in year 1 or 9999): no deal dates there.
                continue
            if found is not None:
                yield found
