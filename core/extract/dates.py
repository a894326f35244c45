"""Dates in article text, resolved against a reference date with their precision; the only importer of dateparser.

Everything common in news is found and resolved by the patterns in `date_patterns`, because
dateparser gets news dates wrong (it ignores weekdays, invents a day for "2015" or "Q3 2025",
reads "the next five years" as past, finds dates in "may" and "march" as verbs) and costs a
third of a second to warm up. It is only the fallback of `parse_date` for odd byline formats.

A deal's date (`deal_date`) is never a guess: without a published date, only what the text itself
places counts (a full date, or a wire dateline placed by its weekday, `dateline_date`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from core.extract import date_patterns as p
from core.extract.date_phrases import (ABSOLUTE, ANCHORED, HORIZON, WEEKDAY, Found, add, candidates, safe_date,
                                       weekday_year as _weekday_year)
from core.model import Precision

__all__ = ["DateMention", "dateline_date", "deal_date", "deal_date_mention", "find_dates", "find_published",
           "parse_date"]

ASIDE, HISTORY, SIGNED, FIRST = "aside", "history", "signed", "first"
_COARSENESS = [Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR]
_PUBLISHED_LINES = 6
_CONTEXT_REACH = 100  # a relative clause opens within a hundred characters before its date
_LINE_REACH = 300  # a caption is a short line of its own
_LEAD_REACH = 400  # a dateline's weekday is in the lead sentence: "May 9 (Reuters) - X said on Monday"


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
    # The value hangs on the reference date (see `Found.loose`): a guess when no published date backs it.
    loose: bool = False
    # Where it stands: "" in the clause, ASIDE in a relative clause ("X, which bought Y in 2018, ..."),
    # HISTORY for a founding or a start ("founded in 2015", "since 2018") or an archive photo's date, FIRST for
    # the day a deal was first told ("first announced in November").
    context: str = ""


def _coarser(a: Precision, b: Precision) -> Precision:
    return max(a, b, key=_COARSENESS.index)


def _resolve_anchors(found: list[Found], reference: date | None) -> list[Found]:
    resolved: list[Found] = []
    # (date, precision, loose): an anchored phrase is as loose as the date it hangs on.
    anchor: tuple[date, Precision, bool] | None = (reference, Precision.DAY, True) if reference is not None else None
    # "signed the same day", "two days later" hang on the last day named, never on "last year".
    day_anchor = anchor
    for item in found:
        offset = item.anchor_offset
        if offset is not None:
            hung = day_anchor if offset[1] == "day" else anchor
            if hung is None:
                item = Found(item.start, item.end, None, item.precision, ANCHORED)
            else:
                count, unit = offset
                precision = _coarser(item.precision, hung[1])
                try:
                    value: date | None = add(hung[0], count, unit)
                except (ValueError, OverflowError):  # "a year later" than December 9999
                    value = None
                item = Found(item.start, item.end, value, precision, ANCHORED, loose=hung[2])
        if item.value is not None and item.kind != HORIZON:
            anchor = (item.value, item.precision, item.loose)
            if item.precision == Precision.DAY:
                day_anchor = anchor
        resolved.append(item)
    return resolved


def find_dates(text: str, reference: date | None) -> list[DateMention]:
    """Every date phrase in `text`, in text order, resolved against `reference` (the publication date).

    Relative and weekday phrases get value None when `reference` is None. A caller with no published
    date may pass today, which bounds the year of "Monday, May 9"; what else it resolves is marked loose.
    """
    chosen: list[Found] = []
    for item in sorted(candidates(text, reference), key=lambda f: (f.start, f.start - f.end)):
        if chosen and item.start < chosen[-1].end:
            continue
        chosen.append(item)
    chosen = [_ahead_if_future(text, item, reference) for item in chosen]
    return [
        DateMention(f.start, f.end, text[f.start:f.end], f.value, f.precision, f.kind, f.loose, _context(text, f))
        for f in _resolve_anchors(chosen, reference)
    ]


def _period_end(start: date, precision: Precision) -> date:
    months = {Precision.MONTH: 1, Precision.QUARTER: 3, Precision.HALF: 6, Precision.YEAR: 12}.get(precision)
    return add(start, months, "month") - timedelta(days=1) if months else start


def _ahead_if_future(text: str, item: Found, reference: date | None) -> Found:
    """A year-less date or a bare weekday in a future-tense clause is the next one, and a plan, not a deal date.

    "Shareholders will vote on Dec. 9" in a November story is next month's vote, not last December's.
    """
    if reference is None or item.value is None or not item.loose or item.kind not in (ABSOLUTE, WEEKDAY):
        return item
    clause = text[max(0, item.start - _CONTEXT_REACH):item.start]
    clause = clause[max(clause.rfind(mark) for mark in ",.;:\n") + 1:]
    if not p.FUTURE_TENSE.search(clause):
        return item
    value: date | None = item.value
    if item.kind == WEEKDAY and item.value < reference:
        value = item.value + timedelta(weeks=1)
    elif item.kind == ABSOLUTE and _period_end(item.value, item.precision) < reference:
        value = safe_date(item.value.year + 1, item.value.month, item.value.day)
    return replace(item, value=value, kind=HORIZON)


def _context(text: str, found: Found) -> str:
    """What the words around a date phrase make of it; see `DateMention.context`."""
    phrase = text[found.start:found.end].lower()
    window = text[max(0, found.start - _CONTEXT_REACH):found.start]
    # "since 2018", and "Monday's closing price": a day that owns something else dates no deal.
    if phrase.startswith("since") or p.HISTORY_BEFORE.search(window) or phrase.endswith(("'s", "’s")) \
            or text.startswith(("'s", "’s"), found.end):
        return HISTORY
    reach = max(0, found.start - _LINE_REACH)
    # No line break within reach: the caption check looks back no further than the reach (linear, not quadratic).
    line_start = max(reach, text.rfind("\n", reach, found.start) + 1)
    line_end = text.find("\n", found.end, found.end + _LINE_REACH)
    if p.FILE_PHOTO.search(text, line_start, line_end if line_end >= 0 else found.end + _LINE_REACH):
        return HISTORY
    if p.FIRST_TOLD.search(window):
        return FIRST
    if p.CLAUSE_OPEN.search(window):
        return ASIDE
    return SIGNED if p.SIGNED_ON.search(window) else ""


def deal_date_mention(mentions: list[DateMention], published: date | None) -> DateMention | None:
    """The phrase that dates a deal, or None when none does; `deal_date` tells why each is passed over.

    For the date's evidence span, so that it points at the phrase the date came from.
    """
    found = [m for m in mentions if m.value is not None and (published is not None or not m.loose)
             and m.context != HISTORY]
    if published is not None:
        found = [m for m in found if m.value is not None and m.value <= published
                 and not p.SAME_PERIOD.fullmatch(m.text)]
    # A date in a relative clause is about what that clause tells, so it comes last. The paper's own day (a
    # dateline's "March 18") gives way to a day the sentence names: "... signed a loan on Tuesday" is the 17th.
    # "The deal, first announced in November, was approved on Friday": the deal dates from November.
    return min(found, key=lambda m: (m.context != FIRST, m.context == ASIDE, list(Precision).index(m.precision), m.context != SIGNED,
                                     published is not None and m.value == published), default=None)


def deal_date(mentions: list[DateMention], published: date | None) -> tuple[date | None, Precision | None]:
    """The date of a deal from the date phrases of its clauses: the most precise one, else the published day.

    Without a published date, phrases resolved against today ("on Tuesday", "last month") place nothing.
    A date after the published day is a completion or a plan, not when the deal was struck; "this year"
    says less than the published day, which then stands for it. Founding dates, "since 2018" and
    archive-photo dates never date a deal.
    """
    best = deal_date_mention(mentions, published)
    if best is not None:
        return best.value, best.precision
    if published is not None:
        # An undated deal in a news report happened about when it was reported.
        return published, Precision.WEEK
    return None, None


def _numeric(phrase: str, reference: date | None) -> tuple[date, Precision] | None:
    """A numeric date; dateparser decides the order only when both readings are possible."""
    match = p.NUMERIC.search(phrase)
    if match is None:
        return None
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    if a > 12:
        value = safe_date(year, b, a)
    elif b > 12:
        value = safe_date(year, a, b)
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
        if mention.kind != ABSOLUTE or mention.value is None:
            continue
        if mention.precision not in {Precision.DAY, Precision.MONTH}:
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


def dateline_date(text: str, today: date) -> date | None:
    """The day a year-less wire dateline stands for ("SYDNEY, May 9 (Reuters) - X said on Monday ...").

    The month and day fix the year only with the weekday the lead gives them (the contract's weekday
    rule, bounded by today); a dateline with no weekday cannot be placed and gives None.
    """
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines() if line.strip()][:_PUBLISHED_LINES]
    for line in lines:
        match = next((m for pattern in p.DATELINES if (m := pattern.match(line))), None)
        if match is None:
            continue
        month, day = p.MONTHS[match.group("month").lower().rstrip(".")], int(match.group("day"))
        for mention in find_dates(line[:_LEAD_REACH], today):
            if mention.kind == WEEKDAY and mention.start >= match.end() and mention.value is not None:
                if mention.text.rstrip("’'s").lower() not in p.WEEKDAYS:
                    continue  # "last Monday", "this Friday": another day than the story's own
                weekday = p.WEEKDAYS[mention.text.rstrip("’'s").lower()]
                return _weekday_year(month, day, weekday, today)
        return None
    return None


def find_published(text: str) -> tuple[date, Precision] | None:
    """The byline or dateline date in the first lines of an article, or None when it shows none.

    Dates inside body sentences ("On April 25, 2024, the ministry announced") are not bylines.
    """
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines() if line.strip()][:_PUBLISHED_LINES]
    for line in lines:
        found = _byline_date(line[:_LEAD_REACH])  # a byline is short; a long line is read no further than a lead
        if found is not None:
            return found
        numeric = p.NUMERIC.search(line)
        if numeric and len(line) <= 60 and not line[:numeric.start()].strip(" |:").split()[3:]:
            parsed = _numeric(numeric.group(0), None)
            if parsed is not None:
                return parsed
    return None
