"""What plain article text says about itself: its headline, a closing "The post ..." line, a wire tag, a byline date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.extract import dates
from core.model import Precision

# How far into the article a byline, dateline or wire tag may stand.
_BYLINE_LINES = 6
_WIRE_CHARS = 1500
_MAX_HEADLINE_CHARS = 200
_MAX_HEADLINE_WORDS = 30


@dataclass(frozen=True)
class Byline:
    """The text without its closing "The post ..." line, and the metadata the text gave."""

    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date
    date_end: int = 0  # offset in `text` just past the date `published` came from; 0 when none


def find_byline(text: str) -> Byline:
    """Read title, publisher and published date off normalised article text (\\n newlines, stripped)."""
    text, closing_title, closing_publisher = _cut_closing_line(text)
    lines = _lines(text)
    headline = _headline(lines)
    published, date_end = _byline_date(lines[1:] if headline else lines)
    return Byline(
        text=text,
        title=closing_title or headline,
        publisher=closing_publisher or _wire_publisher(text[:_WIRE_CHARS]),
        published=published,
        date_end=date_end,
    )


# WordPress feeds end every copied post with this line; it holds the true title and site name.
_CLOSING = re.compile(
    r"The (?:post|article) (?P<title>.+?) (?:appeared first|first appeared|was first published) on "
    r"(?P<publisher>[^\n]+?)\.?[ \t]*"
)


def _cut_closing_line(text: str) -> tuple[str, str | None, str | None]:
    lines = _lines(text)
    for start, line in reversed(lines[-3:]):
        match = _CLOSING.fullmatch(line.strip())
        if match:
            end = start + len(line)
            rest = (text[:start] + text[end:]).strip()
            title = match["title"].strip().strip("\"'“”‘’")
            return rest, title or None, match["publisher"].strip() or None
    return text, None, None


def _lines(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of the text, each with its start offset."""
    found = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            found.append((start, line))
        start += len(line) + 1
    return found


_ABBREVIATION_END = re.compile(r"\b(?:Inc|Ltd|Co|Corp|Plc|Bhd|Jr|Sr|St|U\.S|U\.K|S\.A|N\.V)\.$")
_CONTINUES = re.compile(
    r"\b(?:a|an|the|of|in|on|at|to|for|and|or|but|with|by|from|as|its|their|his|her|that|which|is|are)$", re.I
)
_BYLINE_START = re.compile(r"^\W*(?:By|Published|Updated|Posted|Written by|Last updated|Date)\b", re.I)


def _headline(lines: list[tuple[int, str]]) -> str | None:
    if len(lines) < 2:
        return None
    first = lines[0][1].strip()
    # A line set off by a blank line may be a press release's long headline; a wrapped line may not.
    alone = lines[1][0] > lines[0][0] + len(lines[0][1]) + 1
    longest, most = (_MAX_HEADLINE_CHARS, _MAX_HEADLINE_WORDS) if not alone else (320, 50)
    if len(first) > longest or len(first.split()) > most:
        return None
    if first.endswith((".", ",", ";", ":")) and not _ABBREVIATION_END.search(first):
        return None
    if _BYLINE_START.match(first) or _STARTS_WITH_DATE.match(first) or _DATELINE.match(first):
        return None
    # A hard-wrapped paragraph (plain-text e-mail) also starts with a line without a full stop.
    next_start, next_line = lines[1]
    directly_followed = next_start == lines[0][0] + len(lines[0][1]) + 1
    if directly_followed and (next_line.lstrip()[:1].islower() or _CONTINUES.search(first)):
        return None
    return first


_MONTH_NAME = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Where a byline's date stands; core.extract.dates says which day it is.
_DATE_FORMS = (
    re.compile(rf"\b{_MONTH_NAME}\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b"),  # Nov 4, 2025
    re.compile(rf"\b[0-3]?\d(?:st|nd|rd|th)?\s+{_MONTH_NAME}\.?,?\s+(?:19|20)\d\d\b"),  # 4 Nov. 2025
    re.compile(r"\b(?:19|20)\d\d([-/.])[01]?\d\1[0-3]?\d\b"),  # 2025-06-20, 2025.06.20
)

# "AUSTIN, Feb. 12, 2024 /PRNewswire/ --" and "LONDON, 5 May 2021 (Reuters) -": place, date, tag, dash.
_PLACE = r"(?:[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3},\s+){1,2}"
_DATELINE = re.compile(
    rf"{_PLACE}(?P<date>[^\n]{{6,24}}?)\s*(?:/[^/\n]{{2,40}}/|\([A-Za-z][\w ]{{1,30}}\))?\s*(?:--|—|–|-)\s"
)
_BYLINE_WORDS = 10
_WEEKDAY = r"(?:(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_STARTS_WITH_DATE = re.compile(
    rf"{_WEEKDAY}(?:{_MONTH_NAME}\.?\s+\d\d?(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d\d?(?:st|nd|rd|th)?\s+{_MONTH_NAME}\.?,?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)\b"
)
_PREFERRED = re.compile(r"\b(?:Published|Posted|Date)\b", re.I)


def _byline_date(lines: list[tuple[int, str]]) -> tuple[str | None, int]:
    """The article's date from a byline or dateline among its first lines, with its end offset."""
    found: list[tuple[str, int, bool]] = []
    for start, line in lines[:_BYLINE_LINES]:
        dateline = _DATELINE.match(line)
        if dateline:
            parsed = _parse_date(dateline["date"])
            if parsed:
                found.append((parsed[0], start + dateline.start("date") + parsed[1], True))
                continue
        parsed_line = _date_line(line)
        if parsed_line:
            iso, end = parsed_line
            found.append((iso, start + end, bool(_PREFERRED.search(line))))
    for iso, end, preferred in found:
        if preferred:
            return iso, end
    if found:
        return found[0][0], found[0][1]
    return _other_byline_date(lines[:_BYLINE_LINES])


def _other_byline_date(lines: list[tuple[int, str]]) -> tuple[str | None, int]:
    """A byline in a form the patterns above do not know ("03/03/2022 08:00"), as the dates module reads it."""
    for start, line in lines:
        found = dates.find_published(line)
        if found is None or found[1] != Precision.DAY:
            continue
        for mention in dates.find_dates(line, None):
            if mention.value == found[0]:
                return found[0].isoformat(), start + mention.end
        return found[0].isoformat(), start + len(line)
    return None, 0


def _date_line(line: str) -> tuple[str, int] | None:
    """A short line that is mostly a date ("Nov 4, 2025 | Posted by X"), as (ISO date, end of the date)."""
    if len(line) > 120:
        return None
    for form in _DATE_FORMS:
        match = form.search(line)
        if not match:
            continue
        before, after = line[: match.start()], line[match.end() :]
        if not _BYLINE_START.search(line):
            # Up to a few capitalised words may precede the date ("Harbour Desk Nov 4, 2025"), but a caption
            # or sentence ("File photo from March 3, 2021") is no byline.
            before_words = re.findall(r"[^\W\d_]{2,}", before)
            if len(before_words) > 3 or any(word[0].islower() for word in before_words):
                return None
        after_words = re.findall(r"[^\W\d_]{2,}", after)
        if len(after_words) > _BYLINE_WORDS or re.search(r"[a-z]{2}\. [A-Z]", after):
            return None
        iso = _iso(match)
        if iso:
            return iso, match.end()
    return None


def _parse_date(phrase: str) -> tuple[str, int] | None:
    """The ISO date in a short phrase and the offset where it ends in the phrase."""
    for form in _DATE_FORMS:
        match = form.search(phrase)
        if match:
            iso = _iso(match)
            if iso:
                return iso, match.end()
    return None


def _iso(match: re.Match[str]) -> str | None:
    parsed = dates.parse_date(match[0])
    if parsed is None or parsed[1] != Precision.DAY:
        return None
    return parsed[0].isoformat()


# Each wire's tag, with a lower-case word that must occur first: a literal test is far cheaper than
# running every pattern over the opening of every article.
_WIRES = (
    ("reuters", re.compile(r"\(Reuters\)|\bBy Reuters\b|^Reuters\b", re.M), "Reuters"),
    ("newswire", re.compile(r"/\s*PRNewswire(?:-[A-Za-z]+)?\s*/|\bPR Newswire\b"), "PR Newswire"),
    ("newswire", re.compile(r"\(GLOBE NEWSWIRE\)|/\s*GlobeNewswire\s*/", re.I), "GlobeNewswire"),
    ("business wire", re.compile(r"\(BUSINESS WIRE\)|/\s*Business Wire\s*/", re.I), "Business Wire"),
    ("accesswire", re.compile(r"/\s*ACCESSWIRE\s*/|\(ACCESSWIRE\)", re.I), "ACCESSWIRE"),
    ("(ap)", re.compile(r"\(AP\)"), "Associated Press"),
    ("associated press", re.compile(r"\(The Associated Press\)|\bBy The Associated Press\b"), "Associated Press"),
    ("afp", re.compile(r"\(AFP\)|\bBy AFP\b|—\s*AFP\b"), "AFP"),
    ("bloomberg", re.compile(r"\(Bloomberg\)"), "Bloomberg"),
    ("xinhua", re.compile(r"\(Xinhua\)"), "Xinhua"),
    ("yonhap", re.compile(r"\(Yonhap\)"), "Yonhap"),
    ("(pti)", re.compile(r"\(PTI\)"), "PTI"),
    ("(ians)", re.compile(r"\(IANS\)"), "IANS"),
    ("(ani)", re.compile(r"\(ANI\)"), "ANI"),
    ("kyodo", re.compile(r"\(Kyodo\)"), "Kyodo"),
)


def _wire_publisher(opening: str) -> str | None:
    lowered = opening.lower()
    for word, pattern, publisher in _WIRES:
        if word in lowered and pattern.search(opening):
            return publisher
    return None
