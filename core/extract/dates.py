"""Dates in article text, resolved against a reference date with their precision; the only importer of dateparser.

Everything common in news is found and resolved by the patterns in `date_patterns`, because
dateparser gets news dates wrong (it ignores weekdays, invents a day for "2015" or "Q3 2025",
reads "the next five years" as past, finds dates in "may" and "march" as verbs) and costs a
third of a second to warm up. It is only the fallback of `parse_date` for odd byline formats.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.extract import date_patterns as p
from core.model import Precision

__all__ = ["DateMention", "find_dates", "find_published", "parse_date"]

ABSOLUTE, WEEKDAY, RELATIVE, ANCHORED, HORIZON = "absolute", "weekday", "relative", "anchored", "horizon"

_COARSENESS = [Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR]
_UNIT_PRECISION = {
    "day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR,
    "decade": Precision.YEAR,
}
_FORWARD = {"next", "until", "by", "as soon as", "till"}
_PUBLISHED_LINES = 6


@dataclass(frozen=True)
class DateMention:
    """A date phrase at text[start:end]; `value` is None when it cannot be resolved.

    kind: "absolute" (the text names the date), "weekday" ("on Monday", "Monday, September 22"),
    "relative" (to the reference: "yesterday", "last month"), "anchored" (to the date mentioned
    before it: "a week prior") or "horizon" (a duration or a future point that is not a deal date:
    "over the next five years", "by 2030", "next year"; its value is the end, when known).
    """

    start: int
    end: int
    text: str
    value: date | None
    precision: Precision
    kind: str


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: date | None
    precision: Precision
    kind: str
    anchor_offset: tuple[int, str] | None = None  # (count, unit) for anchored mentions


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add(base: date, count: int, unit: str) -> date:
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


def _coarser(a: Precision, b: Precision) -> Precision:
    return max(a, b, key=_COARSENESS.index)


def _infer_year(month: int, day: int, reference: date | None) -> date | None:
    """The occurrence of a yearless month and day nearest the reference, a future day weighing as 11 past ones.

    News mostly reports what has happened, so a date more than a month ahead is taken as last year's.
    """
    if reference is None:
        return None
    candidates = [d for y in (reference.year - 1, reference.year, reference.year + 1) if (d := _safe_date(y, month, day))]
    return min(candidates, key=lambda d: (reference - d).days if d <= reference else 11 * (d - reference).days, default=None)


def _weekday_year(month: int, day: int, weekday: int, reference: date | None) -> date | None:
    """The latest year, not after the reference year, in which that month and day fell on that weekday."""
    if reference is None:
        return None
    for year in range(reference.year, reference.year - 40, -1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate.weekday() == weekday:
            return candidate
    return None


def _word_start(m: re.Match[str], group: int | str = 0) -> bool:
    start = m.start(group)
    return start == 0 or not m.string[start - 1].isalnum()


def _before(m: re.Match[str], pattern: re.Pattern[str], group: int | str = 0, reach: int = 24) -> re.Match[str] | None:
    """`pattern` (anchored with $) matched against the words just before the match."""
    start = m.start(group)
    return pattern.search(m.string, max(0, start - reach), start)


def _month(m: re.Match[str]) -> int:
    return p.MONTHS[m.group("month").lower().rstrip(".")]


def _numeric_date(m: re.Match[str], reference: date | None) -> _Found | None:
    """A numeric date only where the order is plain: 15/09/2025 or 09/15/2025, never 03/04/2025."""
    a, b = int(m.group("a")), int(m.group("b"))
    if (a > 12) == (b > 12):
        return None
    day, month = (a, b) if a > 12 else (b, a)
    value = _safe_date(int(m.group("year")), month, day)
    return _Found(m.start(), m.end(), value, Precision.DAY, ABSOLUTE) if value else None


def _month_day(m: re.Match[str], reference: date | None) -> _Found | None:
    day = int(m.group("day"))
    if not _word_start(m) or not 1 <= day <= 31:
        return None
    month = _month(m)
    weekday = _before(m, p.WEEKDAY_BEFORE)
    start = weekday.start() if weekday else m.start()
    if m.group("year"):
        return _Found(start, m.end(), _safe_date(int(m.group("year")), month, day), Precision.DAY, ABSOLUTE)
    if weekday:
        value = _weekday_year(month, day, p.WEEKDAYS[weekday.group("weekday").lower()], reference)
        return _Found(start, m.end(), value, Precision.DAY, WEEKDAY)
    return _Found(start, m.end(), _infer_year(month, day, reference), Precision.DAY, ABSOLUTE)


def _iso(m: re.Match[str], reference: date | None) -> _Found | None:
    if not _word_start(m):
        return None
    value = _safe_date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    return _Found(m.start(), m.end(), value, Precision.DAY, ABSOLUTE)


def _month_year(m: re.Match[str], reference: date | None) -> _Found | None:
    if not _word_start(m):
        return None
    value = date(int(m.group("year")), _month(m), 1)
    return _Found(m.start(), m.end(), value, Precision.MONTH, ABSOLUTE)


def _month_alone(m: re.Match[str], reference: date | None) -> _Found | None:
    prep_match = _before(m, p.MONTH_PREP) if _word_start(m) else None
    if prep_match is None:
        return None
    month, prep = _month(m), " ".join(prep_match.group("prep").lower().split())
    start = prep_match.start()
    kind = HORIZON if prep in _FORWARD else ABSOLUTE
    if reference is None:
        return _Found(start, m.end(), None, Precision.MONTH, kind)
    if kind == HORIZON:
        year = reference.year + (1 if month < reference.month or prep == "next" else 0)
    else:
        year = reference.year - (1 if month > reference.month or prep == "last" and month >= reference.month else 0)
    return _Found(start, m.end(), date(year, month, 1), Precision.MONTH, kind)


def _period_of_year(m: re.Match[str], reference: date | None, number: int, precision: Precision) -> _Found | None:
    if not _word_start(m):
        return None
    first_month = {Precision.QUARTER: 3, Precision.HALF: 6}[precision] * (number - 1) + 1
    if m.group("year"):
        year: int | None = int(m.group("year"))
    else:
        year = reference.year if reference is not None else None
    value = date(year, first_month, 1) if year is not None else None
    return _Found(m.start(), m.end(), value, precision, ABSOLUTE)


def _quarter(m: re.Match[str], reference: date | None) -> _Found | None:
    number = int(m.group("q")) if m.group("q") else p.ORDINALS[m.group("qword").lower()]
    return _period_of_year(m, reference, number, Precision.QUARTER)


def _half(m: re.Match[str], reference: date | None) -> _Found | None:
    if m.group("hword") and not (m.group("year") or m.group("thisyear")):
        return None  # "the first half" of a match, a season, a speech
    number = int(m.group("h")) if m.group("h") else (1 if m.group("hword").lower() == "first" else 2)
    return _period_of_year(m, reference, number, Precision.HALF)


def _year_alone(m: re.Match[str], reference: date | None) -> _Found | None:
    prep_match = _before(m, p.YEAR_PREP) if _word_start(m) else None
    if prep_match is None:
        return None  # a bare year is a name or a count as often as a date: "the 2016 deal", "WEF-2026"
    year, prep = int(m.group("year")), " ".join(prep_match.group("prep").lower().split())
    forward = prep in {"by", "until", "till", "through", "before", "to"}
    if forward or (reference is not None and year > reference.year and prep in {"in", "for", "from", "during"}):
        return _Found(prep_match.start(), m.end(), date(year, 1, 1), Precision.YEAR, HORIZON)
    return _Found(prep_match.start(), m.end(), date(year, 1, 1), Precision.YEAR, ABSOLUTE)


def _year_span(m: re.Match[str], reference: date | None) -> _Found | None:
    if not _word_start(m):
        return None
    return _Found(m.start(), m.end(), date(int(m.group("year")), 1, 1), Precision.YEAR, HORIZON)


def _by_end_of(m: re.Match[str], reference: date | None) -> _Found | None:
    if not _word_start(m):
        return None
    if m.group("year"):
        return _Found(m.start(), m.end(), date(int(m.group("year")), 12, 31), Precision.YEAR, HORIZON)
    value = None
    if reference is not None:
        ahead = {"the": 0, "this": 0, "next": 1}[m.group("which")] * (10 if m.group("unit") == "decade" else 1)
        value = date(reference.year + ahead, 12, 31)
    return _Found(m.start(), m.end(), value, Precision.YEAR, HORIZON)


def _ahead(m: re.Match[str], reference: date | None) -> _Found | None:
    if not _word_start(m):
        return None
    unit = _unit(m.group("unit"))
    count = _count(m.group("count"))
    if m.group("count") is None and m.group("unit").lower().endswith("s"):
        count = None  # "in the coming years": no end
    value = _add(reference, count, unit) if reference is not None and count else None
    return _Found(m.start(), m.end(), value, _UNIT_PRECISION[unit], HORIZON)


def _relative_word(m: re.Match[str], reference: date | None) -> _Found | None:
    if not _word_start(m):
        return None
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group(0).lower()]
    value = reference + timedelta(days=shift) if reference else None
    return _Found(m.start(), m.end(), value, Precision.DAY, HORIZON if shift > 0 else RELATIVE)


def _relative_period(m: re.Match[str], reference: date | None) -> _Found | None:
    if not _word_start(m):
        return None
    when, period = " ".join(m.group("when").lower().split()), m.group("period")
    shift = {"last": -1, "next": 1}.get(when, 0)
    kind = HORIZON if when in {"next", "later this"} else RELATIVE
    if reference is None:
        return _Found(m.start(), m.end(), None, _UNIT_PRECISION[period], kind)
    if period == "week":
        value = reference + timedelta(weeks=shift)
        if when == "earlier this":
            value = max(reference - timedelta(days=reference.weekday()), reference - timedelta(days=2))
    elif period == "month":
        value = _add(reference.replace(day=1), shift, "month")
    else:
        value = date(reference.year + shift, 1, 1)
    return _Found(m.start(), m.end(), value, _UNIT_PRECISION[period], kind)


def _units_then(m: re.Match[str], reference: date | None) -> _Found | None:
    counted = _before(m, p.COUNT_BEFORE) if _word_start(m) else None
    count = _count(counted.group("count")) if counted else None
    if counted is None or not count:
        return None
    unit, direction = _unit(m.group("unit")), m.group("dir").lower()
    precision = _UNIT_PRECISION[unit]
    if direction == "ago":
        value = _add(reference, -count, unit) if reference else None
        return _Found(counted.start(), m.end(), value, precision, RELATIVE)
    if direction == "prior" and p.NOT_AN_ANCHOR.match(m.string, m.end()):
        return None  # "a week prior to the vote": anchored to something that is not a date
    if direction in {"before", "after"} and not p.CLAUSE_END.match(m.string, m.end()):
        return None  # "a month after announcing it", "two days before the vote"
    sign = 1 if direction in {"later", "after"} else -1
    return _Found(counted.start(), m.end(), None, precision, ANCHORED, (sign * count, unit))


def _the_unit(m: re.Match[str], reference: date | None) -> _Found | None:
    if not _word_start(m):
        return None
    if m.group("same"):
        return _Found(m.start(), m.end(), None, Precision.DAY, ANCHORED, (0, "day"))
    if m.group("rel"):
        sign = -1 if m.group("rel") in {"previous", "prior", "preceding"} else 1
        unit = m.group("relunit")
    else:
        sign = -1 if m.group("bdir") in {"before", "earlier"} else 1
        unit = m.group("bunit")
    return _Found(m.start(), m.end(), None, _UNIT_PRECISION[unit], ANCHORED, (sign, unit))


def _same_day(m: re.Match[str], reference: date | None) -> _Found | None:
    if not _word_start(m):
        return None
    return _Found(m.start(), m.end(), None, Precision.DAY, ANCHORED, (0, "day"))


def _weekday_word(m: re.Match[str], reference: date | None) -> _Found | None:
    if not _word_start(m) or _before(m, p.NOT_A_DAY):
        return None
    weekday = p.WEEKDAYS[m.group("weekday").lower()]
    mod_match = _before(m, p.WEEKDAY_MOD)
    mod = " ".join(mod_match.group("mod").lower().split()) if mod_match else ""
    start = mod_match.start() if mod_match and mod in {"last", "this", "next", "as soon as"} else m.start()
    kind = HORIZON if mod in _FORWARD else WEEKDAY
    if reference is None:
        return _Found(start, m.end(), None, Precision.DAY, kind)
    if kind == HORIZON:
        value = reference + timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    else:
        value = reference - timedelta(days=(reference.weekday() - weekday) % 7)
        if mod == "last" and value == reference:
            value -= timedelta(weeks=1)
    return _Found(start, m.end(), value, Precision.DAY, kind)


_Handler = Callable[[re.Match[str], "date | None"], "_Found | None"]
# Longer phrases win over the shorter ones inside them, so order only breaks exact ties.
_FINDERS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (p.MONTH_DAY, _month_day), (p.DAY_MONTH, _month_day), (p.ISO, _iso), (p.NUMERIC, _numeric_date),
    (p.MONTH_YEAR, _month_year),
    (p.YEAR_SPAN, _year_span), (p.BY_END_OF, _by_end_of), (p.QUARTER, _quarter), (p.HALF, _half),
    (p.NEXT_PERIOD, _ahead), (p.IN_PERIOD, _ahead), (p.PERIOD_SPAN, _ahead), (p.UNITS_THEN, _units_then),
    (p.THE_UNIT, _the_unit), (p.SAME_DAY, _same_day), (p.RELATIVE_WORD, _relative_word),
    (p.RELATIVE_PERIOD, _relative_period), (p.MONTH_ALONE, _month_alone), (p.YEAR_ALONE, _year_alone),
    (p.WEEKDAY_WORD, _weekday_word),
)


def _candidates(text: str, reference: date | None) -> Iterator[_Found]:
    for pattern, handler in _FINDERS:
        for match in pattern.finditer(text):
            found = handler(match, reference)
            if found is not None:
                yield found


def _resolve_anchors(found: list[_Found], reference: date | None) -> list[_Found]:
    resolved: list[_Found] = []
    anchor: tuple[date, Precision] | None = (reference, Precision.DAY) if reference is not None else None
    for item in found:
        offset = item.anchor_offset
        if offset is not None:
            if anchor is None:
                item = _Found(item.start, item.end, None, item.precision, ANCHORED)
            else:
                count, unit = offset
                precision = _coarser(item.precision, anchor[1])
                item = _Found(item.start, item.end, _add(anchor[0], count, unit), precision, ANCHORED)
        if item.value is not None and item.kind != HORIZON:
            anchor = (item.value, item.precision)
        resolved.append(item)
    return resolved


def find_dates(text: str, reference: date | None) -> list[DateMention]:
    """Every date phrase in `text`, in text order, resolved against `reference` (the publication date).

    Relative and weekday phrases get value None when `reference` is None; callers that want the
    contract's fallback pass `date.today()`.
    """
    chosen: list[_Found] = []
    for item in sorted(_candidates(text, reference), key=lambda f: (f.start, f.start - f.end)):
        if chosen and item.start < chosen[-1].end:
            continue
        chosen.append(item)
    return [
        DateMention(f.start, f.end, text[f.start:f.end], f.value, f.precision, f.kind)
        for f in _resolve_anchors(chosen, reference)
    ]


def _numeric(phrase: str, reference: date | None) -> tuple[date, Precision] | None:
    match = p.NUMERIC.search(phrase)
    if match is None:
        return None
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    if a > 12:
        value = _safe_date(year, b, a)
    elif b > 12:
        value = _safe_date(year, a, b)
    else:
        return _dateparser(match.group(0), reference)
    return (value, Precision.DAY) if value else None


def _dateparser(phrase: str, reference: date | None) -> tuple[date, Precision] | None:
    import dateparser  # costs ~0.3 s on first use, so only odd bylines ever pay it

    base = datetime.combine(reference or date.today(), datetime.min.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return (parsed.date(), Precision.DAY) if parsed is not None else None


def parse_date(phrase: str, reference: date | None = None) -> tuple[date, Precision] | None:
    """The date one short phrase states ("Published: 20 Jun. 2025, 19:55", "Q3 2025", "2015"), or None."""
    bare = p.BARE_YEAR.match(phrase)
    if bare:
        return date(int(bare.group("year")), 1, 1), Precision.YEAR
    for mention in find_dates(phrase, reference):
        if mention.value is not None and mention.kind != HORIZON:
            return mention.value, mention.precision
    if not any(ch.isdigit() for ch in phrase) or len(phrase) > 80:
        return None
    return _numeric(phrase, reference) or _dateparser(phrase, reference)


def _byline_date(line: str) -> tuple[date, Precision] | None:
    for mention in find_dates(line, None):
        if mention.kind != ABSOLUTE or mention.value is None or mention.precision not in {Precision.DAY, Precision.MONTH}:
            continue
        prefix = line[:mention.start].strip().rstrip("|·•—–-").strip()
        tail = line[mention.end:].lstrip(" ,.")
        if p.DATELINE_CITY.match(prefix) and prefix:
            return mention.value, mention.precision
        words = prefix.split()
        plain_name = len(words) <= 3 and all(w[:1].isupper() for w in words) and not (
            words and words[-1].lower().strip(",:") in p.SENTENCE_WORDS)
        if (not prefix or p.BYLINE_LABEL.match(prefix) or plain_name) and p.BYLINE_TAIL.match(tail):
            return mention.value, mention.precision
    return None


def find_published(text: str) -> tuple[date, Precision] | None:
    """The byline or dateline date in the first lines of an article, or None when it shows none.

    Dates inside body sentences ("On April 25, 2024, the ministry announced") are not bylines.
    """
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines() if line.strip()][:_PUBLISHED_LINES]
    for line in lines:
        found = _byline_date(line)
        if found is not None:
            return found
        numeric = p.NUMERIC.search(line)
        if numeric and len(line) <= 60 and not line[:numeric.start()].strip(" |:").split()[3:]:
            parsed = _numeric(numeric.group(0), None)
            if parsed is not None:
                return parsed
    return None
