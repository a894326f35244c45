"""The regular expressions and words that find date phrases in news text, for core.extract.dates."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
COUNT_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "several": 0, "few": 0, "couple": 0,
}


def _capitalised(words: list[str]) -> str:
    """Title-case and upper-case spellings only: lower-case "may" and "march" are verbs."""
    forms = [w.capitalize() for w in words] + [w.upper() for w in words]
    return "|".join(sorted(forms, key=len, reverse=True))


def _cased(words: str) -> str:
    """Lower- and title-case spellings of "a|b c", spelled out so a pattern can start with them."""
    forms = [w for word in words.split("|") for w in (word, word[0].upper() + word[1:])]
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)).replace(" ", r"\s+") + ")"


# Every pattern starts with a literal word or a digit: Python's re then skips ahead in C to
# where it can match, which is 5-20 times faster than a pattern that starts with \b, a
# look-behind, (?i:...) or an optional group. Words in front of the match (a weekday before
# "September 22", "in" before "2015", "a" before "week prior") are read by `before()`.
_FULL_NAMES = [m for m in MONTHS if len(m) > 4 or m in {"may", "june", "july"}]
_MONTH_FULL = _capitalised(_FULL_NAMES)
# Only an abbreviation takes the full stop after it: "Feb. 6", but not "3 October."
# One flat alternation, each abbreviation with its optional dot: a nested group here made
# every pattern that starts with a month 20 times slower.
_MONTH_SHORT = _capitalised([m for m in MONTHS if m not in _FULL_NAMES]).replace("|", r"\.?|") + r"\.?"
MONTH = rf"(?P<month>{_MONTH_FULL}|{_MONTH_SHORT})(?![A-Za-z])"
WEEKDAY = rf"(?P<weekday>{_capitalised(list(WEEKDAYS))})"
DAY = r"(?P<day>\d\d?)(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d%])"
COUNT = r"(?P<count>\d+|" + "|".join(COUNT_WORDS) + r")"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?)"

# Month, day and year in either order: "Feb. 6, 2025", "September 22", "20 Jun. 2025", "13th September, 2025".
MONTH_DAY = re.compile(rf"{MONTH}\s+{DAY}(?:,?\s+{YEAR})?")
DAY_MONTH = re.compile(rf"{DAY}\s+(?:of\s+)?{MONTH},?(?:\s+{YEAR})?")
ISO = re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)")
MONTH_YEAR = re.compile(rf"{MONTH},?\s+{YEAR}")
# A month without a year is a date only after a word like "in" or "since" (read by `before`).
MONTH_ALONE = re.compile(rf"(?P<month>{_MONTH_FULL})(?![A-Za-z]|[\s,-]*\d)")
MONTH_PREP = re.compile(
    r"(?<![\w-])(?P<prep>(?i:in|since|during|from|by|until|till|before|after|through|last|this|next|end\s+of"
    r"|start\s+of|beginning\s+of|early|late|mid))[\s-]+(?:(?i:early|late|mid)[\s-]+)?$"
)
# A month or day whose year is told relative to the reference: "in March last year", "4 June this year".
WHICH_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b")
# "by the end of March": the prep "end of" comes after a forward word.
FORWARD_THE = re.compile(r"(?<![\w-])(?i:by|until|till|before)\s+the\s+$")
_OF_YEAR = rf"(?:\s+(?:of\s+)?(?:FY\s?)?{YEAR}|(?P<thisyear>\s+of\s+(?:the|this)\s+year))?"
QUARTER = re.compile(rf"Q(?P<q>[1-4])(?![\w]){_OF_YEAR}")
QUARTER_WORDS = re.compile(
    rf"(?P<qword>first|second|third|fourth|First|Second|Third|Fourth|1st|2nd|3rd|4th)[\s-]quarter(?![\w]){_OF_YEAR}"
)
HALF = re.compile(rf"H(?P<h>[12])(?![\w]){_OF_YEAR}")
HALF_WORDS = re.compile(rf"(?P<hword>first|second|First|Second)\s+half(?![\w]){_OF_YEAR}")
# "the 1990s" is a decade, not a year.
YEAR_ALONE = re.compile(r"(?P<year>(?:19|20)\d\d)(?![-–/,]\d|[\d%]|[’']?s\b|\s*(?:MW|GW|km|sq))")
YEAR_PREP = re.compile(
    r"(?<![\w-])(?P<prep>(?i:in|since|during|throughout|for|of|from|until|till|through|before|after|by|to"
    r"|end\s+of|start\s+of|beginning\s+of|early|late|mid))[\s-]+(?:(?i:early|late|mid|fiscal(?:\s+year)?|FY)[\s-]+)?$"
)
YEAR_SPAN = re.compile(
    _cased("from|between")
    + r"\s+(?P<first>(?:19|20)\d\d)\s*(?:to|and|through|until|-|–)\s*(?P<year>(?:19|20)\d\d)(?!\d)"
)
BY_END_OF = re.compile(
    _cased("by|until|before") + r"\s+(?:the\s+)?(?:end|middle|close|start)(?:\s+of\s+|-)"
    rf"(?:{YEAR}|(?P<which>the|this|next)\s+(?P<unit>year|decade))"
)
# "over the next five years", "in the coming years", "in 7 years", "for 20 years": durations,
# never "two years ago" or "a year earlier".
AHEAD = re.compile(
    "(?P<lead>" + _cased("over|in|within|during|for|across|spanning")[3:-1] + ")"
    + rf"\s+(?:the\s+(?P<next>next|coming|following|upcoming)\s+)?(?:{COUNT}\s+)?{_UNIT}\b"
    r"(?!\s+(?:ago|earlier|later|prior|before|after|previously|old)\b)"
)
PERIOD_SPAN = re.compile(
    _cased("over|for|during")
    + rf"\s+(?:a|an|the)\s+{COUNT}[\s-](?P<unit>year|month)[\s-](?:period|span|timeframe|horizon|term)"
)
# Holidays with a fixed day, as news dates events by them: "announced the deal on Christmas Eve".
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year’s eve": (12, 31), "new year's day": (1, 1), "new year’s day": (1, 1),
    "valentine's day": (2, 14), "valentine’s day": (2, 14), "halloween": (10, 31),
}
HOLIDAY = re.compile(
    r"(?P<holiday>Christmas\s+(?:Eve|Day)|Boxing\s+Day|New\s+Year[’']s\s+(?:Eve|Day)|Valentine[’']s\s+Day"
    rf"|Halloween|Thanksgiving(?:\s+Day)?)(?![\w’'])(?:,?\s+{YEAR})?"
)
HOLIDAY_ON = re.compile(r"(?<![\w-])(?i:on)\s+$")
# Relative to the reference date; "next" and "later this" look forward and so are horizons.
RELATIVE_WORD = re.compile(_cased("today|yesterday|tomorrow") + r"(?![\w])")
RELATIVE_PERIOD = re.compile(
    rf"(?P<when>{_cased('earlier this|later this|this|last|past|next')[3:-1]})\s+(?P<period>week|month|year)\b"
)
# The period the article is published in: it adds nothing to the published day ("the largest deal this year").
SAME_PERIOD = re.compile(r"(?i:this)\s+(?:week|month|year)")
# Words before a date that make it no deal's date: a company's founding ("founded in 2015", with no
# object between, since "established a venture in 2019" is a deal) or a photo from the archive.
HISTORY_BEFORE = re.compile(r"(?<![\w-])(?i:founded|established|incorporated|inception)\s+(?:(?i:in|on)\s+)?$"
                            # "the conglomerate that founded Truong Son in 2017": a founder's history.
                            r"|\b(?:founded|co-founded)\s+(?:[A-Z][\w.&'’-]*\s+){1,4}(?:(?:in|on)\s+)?$")
FILE_PHOTO = re.compile(r"(?i:file|archive)\s+(?i:photo|picture|image)")
# Future tense before a date in its clause: "shareholders will vote on Dec. 9", "expected to close in March".
FUTURE_TENSE = re.compile(
    r"(?<![\w-])(?i:will|shall|would|expected\s+to|scheduled|due\s+to|set\s+to|slated|plans?\s+to|intends?\s+to)"
    r"(?![\w-])"
)
# A relative clause opened after a comma, bracket or dash: "X, which bought Y in 2018, ...".
# "The PSA, signed on June 17, ...": the day the deal was struck, over the day it was announced.
# "The deal, first announced in November, ...": the day a deal was struck, whatever approved or closed it later.
FIRST_TOLD = re.compile(r"\b(?:first|originally|initially)\s+(?:announced|agreed|unveiled|struck|signed|reported)\s+"
                        r"(?:in|on)?\s*$", re.I)
SIGNED_ON = re.compile(r"\b(?:signed|inked|sealed|struck|executed|concluded)\s+(?:on\s+)?$", re.I)
CLAUSE_OPEN = re.compile(r"[,(—–;:]\s*(?i:which|who|whose|where)\s[^,(—–;:.]{0,100}$")
# A count of units before a direction word: "two years ago", "a week prior", "a month earlier".
UNITS_THEN = re.compile(rf"{_UNIT}\s+(?P<dir>ago|earlier|later|prior|before|after|previously)\b")
COUNT_BEFORE = re.compile(rf"(?<![\w-]){COUNT}\s+$", re.I)
# Relative to the date last mentioned before them: "the previous day", "earlier that day".
THE_UNIT = re.compile(
    r"(?:the|The)\s+(?:(?P<rel>previous|prior|preceding|following|next)\s+(?P<relunit>day|week|month|year)\b"
    r"|(?P<bunit>day|week|month|year)\s+(?P<bdir>before|after|earlier|later)\b"
    r"(?!\s+(?:the|a|an|its|their|his|her|this|that)\b)"
    r"|(?P<same>same)\s+day\b)"
)
SAME_DAY = re.compile(_cased("earlier|later") + r"\s+(?:that|in\s+the|the\s+same)\s+day\b")
NOT_AN_ANCHOR = re.compile(r"\s+(?:to|the|a|an|its|their|his|her|this|that)\b")
CLAUSE_END = re.compile(r"\s*(?:[,.;:)—–]|$)")
WEEKDAY_WORD = re.compile(rf"{WEEKDAY}(?!s\b|[A-Za-z])(?:’s|'s)?")
WEEKDAY_MOD = re.compile(r"(?<![\w-])(?P<mod>(?i:last|this|next|on|since|until|by|from|early|late|as\s+soon\s+as))\s+$")
WEEKDAY_BEFORE = re.compile(rf"{WEEKDAY}(?:,?\s+|\s*\(\s*)$")  # "Monday, September 22", "Tuesday (July 22)"
NOT_A_DAY = re.compile(r"(?:Black|Cyber|Super|Good|Easter|Giving)\s+$")
# A wire dateline without a year at the start of a paragraph: "SYDNEY, May 9 (Reuters) -", "May 9 -".
_DATELINE_PLACE = r"(?:[A-Z][A-Za-z.'’ -]{1,40},\s*(?:[A-Z][A-Za-z.]{1,20},\s*)?)?"
_DATELINE_END = r"(?!,?\s*(?:19|20)\d\d)\s*(?:\(|/|[-–—:]|$)"
DATELINES = (re.compile(rf"{_DATELINE_PLACE}{MONTH}\s+{DAY}{_DATELINE_END}"),
             re.compile(rf"{_DATELINE_PLACE}{DAY}\s+{MONTH}{_DATELINE_END}"))
NUMERIC = re.compile(r"(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<year>(?:19|20)\d{2})(?![\d/.])")
BARE_YEAR = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s*$")

# What may stand around a date in a byline or dateline, and what marks a body sentence instead.
BYLINE_LABEL = re.compile(
    r"^(?i:(?:first\s+|last\s+)?(?:published|updated|posted|modified|date|dated|released|issued)(?:\s+on)?\s*:?"
    r"|by\s+[\w .'’&-]{1,40})$"
)
DATELINE_CITY = re.compile(r"^[A-Z][A-Z.'’\s-]{1,40}(?:,\s*[A-Z][\w.]*\.?)?,?$")
BYLINE_TAIL = re.compile(r"^(?:$|\d{1,2}:\d{2}|[|/—–·•(-]|at\s+\d|(?i:updated|by|posted)\b)")
SENTENCE_WORDS = frozenset({
    "on", "in", "at", "since", "from", "until", "for", "of", "the", "and", "to", "by", "before",
    "after", "as", "was", "were", "is", "signed", "said", "announced",
})
