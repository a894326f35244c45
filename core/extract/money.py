"""Amounts of money in article text: value, ISO currency, ranges, stated conversions, and which are not deal amounts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from core.extract.money_context import context_after, context_before, exclusion_reason
from core.extract.money_local import local_currency, local_dollar
from core.extract.money_words import (
    AMBIGUOUS_WORDS, CODE_RE, LETTER_MAGNITUDE_RE, LETTER_SYMBOLS, MAGNITUDE_RE, NUMBER_WORD_RE, SYMBOL_RE,
    WORD_RE, currency_of, magnitude_of, number_of_words,
)

__all__ = ["MoneyMention", "currency_of", "find_amounts"]


@dataclass(frozen=True)
class MoneyMention:
    """One amount as the article writes it; `text == article[start:end]`.

    `conversion_of` and `range_with` are indexes into the list `find_amounts` returns.
    `usd_value` is set on a non-USD amount when the article states it in US dollars too.
    """

    value: float
    currency: str
    text: str
    start: int
    end: int
    usd_value: float | None = None
    qualifier: str | None = None
    excluded: str | None = None
    conversion_of: int | None = None
    range_with: int | None = None


_NUM = r"\d+(?:,\d{2,3})*(?:\.\d+)?"
# "USD$20,8 million": a decimal comma, read only before a magnitude; a thousands group has three
# digits, and an Indian lakh group of two is always followed by one of three.
_NUM_OR_DECIMAL_COMMA = (
    rf"\d+(?:,\d{{2,3}})*(?:\.\d+|,\d(?=[\s-]?(?i:{MAGNITUDE_RE})(?![A-Za-z])|{LETTER_MAGNITUDE_RE}(?![A-Za-z])))?"
)
_MAG = (
    rf"(?:[\s-]?(?P<mag>(?i:{MAGNITUDE_RE}))(?![A-Za-z])|(?P<letter>{LETTER_MAGNITUDE_RE})(?![A-Za-z])"
    r"|\s(?P<spaced>[MB])(?=[\s,.;:)]|$))"  # "$54 M contract" in headlines: only after a currency sign
)
_POST = rf"(?:[\s-]?(?P<post>(?i:{WORD_RE})|(?:{CODE_RE}))(?![A-Za-z]))"

# A number with a currency after it ("254.4 million euros", "116-million-USD", "7-trillion-won")
# or before it ("US$678 million", "Rs 50,000 cr", "USD 1 trillion"), read by _PREFIX. Patterns
# start with a digit or a literal word so that re can skip through the text in C; a leading
# look-behind or optional group made them three times slower.
_NUMERIC = re.compile(rf"(?P<num>{_NUM_OR_DECIMAL_COMMA})(?!\d)(?:{_MAG})?(?:{_POST})?")
_PREFIX = re.compile(rf"(?<![A-Za-z])(?P<pre>{SYMBOL_RE}|{CODE_RE})\s?$")
_WORDED = re.compile(
    r"(?P<mag>(?:trillion|billion|million|thousand|Trillion|Billion|Million|Thousand))"
    rf"\s+(?P<post>(?i:{WORD_RE}))(?![A-Za-z])"
)
_NUMBER_WORDS = re.compile(rf"(?<![\w-])(?P<words>(?i:{NUMBER_WORD_RE}))\s+$")
_GLUED_AFTER = re.compile(r"[^\W_]|,\d")
_PER_YEAR_GLUED = re.compile(r"-(?:a|per)-year\b", re.I)
_PER_YEAR = re.compile(r"\s+(?:a|per)\s+year\b|\s+annually\b", re.I)
_QUALIFIER = re.compile(
    r"\b((?:(?:up\s+to|more\s+than|over|around|about|approximately|approx\.|roughly|nearly|almost|at\s+least"
    r"|some|close\s+to|in\s+excess\s+of|upwards\s+of|as\s+much\s+as|as\s+little\s+as|less\s+than|under|below"
    r"|above|between|an\s+estimated|estimated|circa|just\s+over|just\s+under|well\s+over|north\s+of)\s+)+)$",
    re.I,
)
_OR_MORE = re.compile(r"\s+or\s+more\b|-?plus\b|\+", re.I)
_RANGE_GAP = re.compile(r"^\s*(?:to|-|–|—|and)\s*$")
# Left partner of an amount that carries the currency only on its second half: "30 to 50 billion euros".
_RANGE_START = re.compile(
    rf"(?<![\w.,$£€¥₹₩])(?P<num>{_NUM})(?:[\s-]?(?P<mag>(?i:{MAGNITUDE_RE})))?\s*(?P<gap>to|-|–|and)\s*$"
)
# Right partner of an amount that carries the magnitude only on its second half: "$5-6 billion".
_RANGE_END = re.compile(rf"^\s*(?P<gap>to|-|–|and)\s*(?P<num>{_NUM})[\s-]?(?P<mag>(?i:{MAGNITUDE_RE}))(?![A-Za-z])")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_CONVERSION_GAP = re.compile(
    r"^\s*(?:[(\[/]|,?\s*(?:or|equivalent\s+to|equal\s+to)\b)\s*(?:(?:or|about|around|approximately|approx\."
    r"|roughly|nearly|almost|some|close\s+to|over|more\s+than|just\s+over|just\s+under|c\.|~|equivalent\s+to"
    r"|equal\s+to|worth)\s*)*$",
    re.I,
)


@dataclass
class _Draft:
    value: Decimal
    currency: str
    start: int
    end: int
    has_magnitude: bool
    qualifier: str | None = None
    excluded: str | None = None
    conversion_of: int | None = None
    range_with: int | None = None
    usd_value: Decimal | None = None
    bare_dollar: bool = False
    bare_word: str | None = None  # "pesos" with no country before it: whose peso, the article says


def _number(raw: str) -> Decimal:
    head, comma, tail = raw.rpartition(",")
    if comma and len(tail) <= 2 and "," not in head and "." not in tail:
        return Decimal(f"{head}.{tail}")
    return Decimal(raw.replace(",", ""))


def _magnitude_end(match: re.Match[str]) -> int:
    """Where the number and its magnitude end, before any currency word after them."""
    for group in ("mag", "letter", "spaced"):
        if match.group(group):
            return match.end(group)
    return match.end("num")


def _numeric_draft(match: re.Match[str]) -> _Draft | None:
    text, start = match.string, match.start()
    prefix = _PREFIX.search(text, max(0, start - 8), start)
    pre = prefix.group("pre").strip() if prefix else None
    if prefix:
        start = prefix.start()
    if start and (text[start - 1].isalnum() or (not pre and text[start - 1] in ".,")):
        return None
    if _GLUED_AFTER.match(text, match.end()):
        return None  # "123abc", "4.5.6", "€3,5 milliards": not a number we can read
    post, letter = match.group("post"), match.group("letter") or match.group("spaced")
    mag_word = match.group("mag") or letter
    if letter and not pre:
        return None  # "5m", "2.0M square feet": a glued letter is a magnitude only after a currency sign
    if pre in LETTER_SYMBOLS and mag_word is None:
        return None
    currency = currency_of(pre) if pre else None
    end = match.end()
    if post:
        post_currency = currency_of(post)
        if currency is None:
            currency = post_currency
            if post.lower().rstrip("s") in AMBIGUOUS_WORDS and mag_word is None and _number(match.group("num")) < 1000:
                return None
        elif post_currency != currency and not (pre == "$" and post.lower().rstrip("s").endswith("dollar")):
            # "$5 billion won the ...": the word after is not this amount's currency.
            end = _magnitude_end(match)
        else:
            currency = post_currency
    if currency is None:
        return None
    value = _number(match.group("num"))
    if mag_word is not None:
        value *= magnitude_of(mag_word)
    bare = pre == "$" or (pre is None and post is not None and post.lower().rstrip("s") == "dollar")
    word = post.lower().rstrip("s") if post and pre is None and currency == currency_of(post) else None
    return _Draft(value, currency, start, end, mag_word is not None, bare_dollar=bare, bare_word=word)


def _drafts(text: str) -> list[_Draft]:
    drafts = [d for m in _NUMERIC.finditer(text) if (d := _numeric_draft(m)) is not None]
    for match in _WORDED.finditer(text):
        words = _NUMBER_WORDS.search(text, max(0, match.start() - 30), match.start())
        currency = currency_of(match.group("post"))
        if words is None or currency is None or any(d.start < match.end() and words.start() < d.end for d in drafts):
            continue
        value = number_of_words(words.group("words")) * magnitude_of(match.group("mag"))
        bare = match.group("post").lower().rstrip("s") == "dollar"
        drafts.append(_Draft(value, currency, words.start(), match.end(), True, bare_dollar=bare))
    drafts.sort(key=lambda d: d.start)
    return _with_partial_ranges(text, drafts)


def _with_partial_ranges(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Add the half of a range that has no currency of its own, and share magnitudes across it."""
    added: list[_Draft] = []
    for i, draft in enumerate(drafts):
        floor = drafts[i - 1].end if i else 0
        left = _RANGE_START.search(text, max(floor, draft.start - 40), draft.start)
        if left and text[draft.start].isdigit():
            if left.group("gap") != "and" or _BETWEEN.search(text[max(0, left.start() - 12):left.start()]):
                mag = magnitude_of(left.group("mag")) if left.group("mag") else None
                scale = mag if mag is not None else _scale_of(draft)
                added.append(_Draft(_number(left.group("num")) * scale, draft.currency, left.start("num"),
                                    left.end("mag") if left.group("mag") else left.end("num"), True,
                                    bare_dollar=draft.bare_dollar))
        ceiling = drafts[i + 1].start if i + 1 < len(drafts) else len(text)
        right = _RANGE_END.match(text[draft.end:ceiling])
        if right and (right.group("gap") != "and" or _BETWEEN.search(text[max(0, draft.start - 12):draft.start])):
            mag = magnitude_of(right.group("mag"))
            if draft.has_magnitude:
                # "€30bn-45bn": the upper end repeats the magnitude; "$5 billion to 10 million users" is no range.
                if _scale_of(draft) != mag or _number(right.group("num")) * mag <= draft.value:
                    continue
            else:
                draft.value *= mag
                draft.has_magnitude = True
            added.append(_Draft(_number(right.group("num")) * mag, draft.currency,
                                draft.end + right.start("num"), draft.end + right.end("mag"), True,
                                bare_dollar=draft.bare_dollar))
    return sorted(drafts + added, key=lambda d: d.start)


def _scale_of(draft: _Draft) -> Decimal:
    """The magnitude a draft was written with, recovered from its value: 50 billion -> 10**9."""
    for power in (12, 9, 7, 6, 5, 3):
        if draft.value >= Decimal(10) ** power:
            return Decimal(10) ** power
    return Decimal(1)


def _link(text: str, drafts: list[_Draft]) -> None:
    for i in range(len(drafts) - 1):
        a, b = drafts[i], drafts[i + 1]
        gap = text[a.end:b.start]
        if a.currency == b.currency and a.range_with is None and _RANGE_GAP.match(gap):
            if "and" not in gap or _BETWEEN.search(text[max(0, a.start - 30):a.start]):
                a.range_with, b.range_with = i + 1, i
                if not a.has_magnitude and b.has_magnitude and a.value * _scale_of(b) <= b.value:
                    a.value *= _scale_of(b)
    for i in range(len(drafts) - 1):
        a, b = drafts[i], drafts[i + 1]
        if a.currency == b.currency or b.conversion_of is not None or not _CONVERSION_GAP.match(text[a.end:b.start]):
            continue
        pairs = [(i, i + 1)]
        if a.range_with == i - 1 and b.range_with == i + 2:
            pairs = [(i - 1, i + 1), (i, i + 2)]
        for source, converted in pairs:
            drafts[converted].conversion_of = source
            s, c = drafts[source], drafts[converted]
            if c.currency == "USD":
                s.usd_value = c.value
            elif s.currency == "USD":
                c.usd_value = s.value


_COMPARED = re.compile(r"[^.;$€£¥₹₩₦₱₫₺₽₪\d]{0,40}?\b(?:from|compared\s+with|versus|vs\.?|against|up\s+from|down\s+from)\s+"
                       r"(?:about\s+|around\s+)?")


def _qualify(text: str, drafts: list[_Draft]) -> None:
    for i, draft in enumerate(drafts):
        floor = drafts[i - 1].end if i else 0
        ceiling = drafts[i + 1].start if i + 1 < len(drafts) else len(text)
        before = context_before(text, draft.start, floor)
        after = context_after(text, draft.end, ceiling)
        qualifier = _QUALIFIER.search(before)
        if qualifier:
            draft.qualifier = " ".join(qualifier.group(1).lower().split())
        elif _OR_MORE.match(after):
            draft.qualifier = "or more"
        elif draft.range_with is not None:
            draft.qualifier = "between"
        glued = _PER_YEAR_GLUED.match(text, draft.end)
        if glued:
            draft.end = glued.end()
            draft.qualifier = "per year"
        elif _PER_YEAR.match(after):
            draft.qualifier = "per year"
        draft.excluded = exclusion_reason(before, after)
        # "Net debt rose to £210 million at the end of June from £64 million": the figure it is compared with.
        if draft.excluded is None and i and drafts[i - 1].excluded is not None \
                and _COMPARED.fullmatch(text, drafts[i - 1].end, draft.start):
            draft.excluded = drafts[i - 1].excluded
    # A range end or a stated conversion shares its partner's fate: "17 pounds ($22) a share".
    for _ in range(2):
        for draft in drafts:
            for other in (draft.range_with, draft.conversion_of):
                if other is not None and draft.excluded is None and drafts[other].excluded is not None:
                    draft.excluded = drafts[other].excluded
                if other is not None and drafts[other].excluded is None and draft.excluded is not None:
                    drafts[other].excluded = draft.excluded


def find_amounts(text: str) -> list[MoneyMention]:
    """Every amount of money in `text`, in text order, each with its currency as an ISO 4217 code.

    Numbers without a currency (megawatts, jobs, percentages, years) are not amounts. Amounts
    that are not deal amounts (assets under management, valuations, market sizes, revenue, share
    prices, totals across a sector) are returned with `excluded` set to a short reason.
    """
    drafts = _drafts(text)
    local = local_dollar(text) if any(d.bare_dollar for d in drafts) else None
    if local is not None:
        for draft in drafts:
            if draft.bare_dollar:
                draft.currency = local
    for draft in drafts:
        if draft.bare_word is not None:
            draft.currency = local_currency(text, draft.bare_word) or draft.currency
    _link(text, drafts)
    _qualify(text, drafts)
    return [
        MoneyMention(
            value=float(d.value), currency=d.currency, text=text[d.start:d.end], start=d.start, end=d.end,
            usd_value=float(d.usd_value) if d.usd_value is not None else None, qualifier=d.qualifier,
            excluded=d.excluded, conversion_of=d.conversion_of, range_with=d.range_with,
        )
        for d in drafts
    ]

