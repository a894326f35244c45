"""Sentences and clauses of an article, with their character offsets in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a period does not end a sentence.
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "jr", "sr", "st", "no", "vs",
    "etc", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "u.a.e", "s.a", "n.v", "b.v", "l.p", "p.m", "a.m", "gen", "gov",
    "sen", "rep", "approx", "est", "fig", "dept", "rs", "thiru", "tmt", "smt", "shri", "capt", "col", "lt", "maj",
})

# A run of stops is taken whole, and only from its first stop: a run of 30,000 dots stays linear.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"'”’)]*+(?=\s+[\"'“‘(]?[A-Z0-9£$€₹¥])|[.!?][\"'”’]*(?=\s*$)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    heading: bool = False  # a title-case line without a final stop: a headline or section head
    quoted: bool = False  # the whole sentence sits inside quotation marks


def _is_heading(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w&'’-]*", line)
    if not words or line.rstrip()[-1:] in ".!?\"”’" or len(line) > 160:
        return False
    # "• A$200m facility agreement executed with X": an item of a list that tells a sum tells a deal; a summary's
    # bullets without one ("- The round saw participation from X") repeat the story and are read as heads.
    long_words = [w for w in words if len(w) >= 4]
    if BULLET.match(line) and sum(w[0].islower() for w in long_words) > 0.2 * len(long_words) \
            and re.search(r"[$€£¥₹₩₦]\s?\d|\d\s?(?:m|bn|million|billion|crore)\b", line):
        return False
    # A short line with no closing stop is a headline or a section head in any case style.
    if len(line) <= 120 and line.rstrip()[-1:] not in ",;":
        return True
    if len(words) <= 3:
        return True
    small = {"a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "with", "by", "as",
             "from", "into", "vs", "its", "is", "are"}
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return capitalised / len(words) >= 0.8


_LAST_WORD = re.compile(r"([A-Za-z.]{1,12})\.$")


def _ends_with_abbreviation(text: str, cut: int) -> bool:
    # A fixed window before the cut: the longest abbreviation is short, and the text before it is never re-read.
    match = _LAST_WORD.search(text, max(0, cut - 13), cut)
    if not match:
        return False
    word = match.group(1).lower()
    # A lone capital is an initial ("T. Rowe Price", "Raul K. Martynek").
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of the text in order; headings stand as sentences of their own."""
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        offset = line.start()
        if not body.strip():
            continue
        if _is_heading(body):
            stripped = body.strip()
            start = offset + body.index(stripped)
            sentences.append(Sentence(start, start + len(stripped), stripped, heading=True))
            continue
        begin = 0
        label = _LABEL.match(body)
        if label and not _SPOKEN.search(label.group(1)):
            # "Padhai Pro acquired: X said it would buy ...": a roundup item's label is a heading of its own.
            sentences.append(Sentence(offset + label.start(1), offset + label.end(1), label.group(1), heading=True))
            begin = label.end()
        for match in _BOUNDARY.finditer(body):
            cut = match.end()
            if _ends_with_abbreviation(body, match.start() + 1) and match.end() < len(body.rstrip()) \
                    and not (_LEGAL_END.search(body, max(0, match.start() - 6), match.start() + 1)
                             and _STARTER.match(body, match.end())):
                continue
            _append(sentences, body, offset, begin, cut)
            begin = cut
        _append(sentences, body, offset, begin, len(body))
    return sentences


# "... with Redwood Compute Inc. Under the agreement, ...": a legal form's stop ends the sentence when a word that
# only opens sentences follows it.
_LEGAL_END = re.compile(r"\b(?:Inc|Corp|Co|Ltd)\.$")
_STARTER = re.compile(r"\s+(?:The|It|Its|Under|In|This|That|These|Those|He|She|They|We|But|However|"
                      r"Earlier|Later|According|Analysts|Shares|Meanwhile|Separately|Also|Last|Since|On|After|Before|"
                      r"While|When|Both|Other|Some|A|An)\b")
# A short label before a colon that opens a roundup item: "Funding round: ...", "Padhai Pro acquired: ...".
_LABEL = re.compile(r"\s*([A-Z][^:.!?\d\n\"“()]{0,50}?\s[^:.!?\d\n\"“()]{1,40}?):\s+(?=[A-Z\"“])")
_SPOKEN = re.compile(r"\b(?:said|says|say|added|adds|noted|notes|told|explained|stated|wrote|writes|commented|"
                     r"according to|announced|announces|reported|reports|warned|insisted|has|have|is|are|was|were|will)\b", re.I)

# A list item's mark: "• ", "- ", "– ", "▪ ", "1. ", "2) ".
BULLET = re.compile(r"\s*(?:[-–•*·▪►]|\d{1,2}[.)])\s+")

# No sentence of real news runs past a few hundred characters; a longer one is a list, a table or hostile text,
# and cutting it bounds what every later step does per sentence (parsing stays linear in the article's length).
MAX_SENTENCE = 1000


def _append(out: list[Sentence], body: str, offset: int, begin: int, end: int) -> None:
    while end - begin > MAX_SENTENCE:
        window = body[begin:begin + MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" ", 0, MAX_SENTENCE - 200))
        cut = begin + (cut + 1 if cut > MAX_SENTENCE // 2 else MAX_SENTENCE)
        _append_one(out, body, offset, begin, cut)
        begin = cut
    _append_one(out, body, offset, begin, end)


def _append_one(out: list[Sentence], body: str, offset: int, begin: int, end: int) -> None:
    chunk = body[begin:end]
    stripped = chunk.strip()
    if not stripped:
        return
    start = offset + begin + chunk.index(stripped)
    quoted = stripped[0] in "\"“‘'" and stripped.count(stripped[0]) <= 2
    out.append(Sentence(start, start + len(stripped), stripped, quoted=quoted))


# Where one clause of a sentence stops and another deal may begin.
# Every break starts at a space or a stop; the lookahead lets the engine skip other characters fast (3x).
_CLAUSE_BREAK = re.compile(
    r"(?=[\s,;.])(?:\s+[—–]\s+|;\s+|\s+-\s+|,\s+(?:while|whereas|but|and\s+(?=\w+\s+(?:plans|said|will|has|is)))\s+"
    r"|\.\s+(?=And\s)|,?\s+and\s+(?=(?:reportedly\s+)?(?:will|plans\s+to|is\s+set\s+to)\s)"
    # "It raised £20m in 2025 from X and last year signed a deal to supply Y": a second deal, dated apart.
    r"|,?\s+and\s+(?=(?:last|this|earlier\s+this|in)\s+(?:year|month|week|[A-Z][a-z]+|\d{4})\s+(?:it\s+|they\s+)?"
    r"(?:signed|agreed|inked|won|bought|sold|acquired|raised|secured)\b)"
    # "it has executed an offtake agreement with X, and has received firm commitments for a placement": two reports.
    r"|,\s+and\s+(?=(?:has|have|had)\s+(?:also\s+)?(?:received|secured|signed|executed|raised|agreed|won|obtained|"
    r"entered|closed|completed)\b)"
    # "executed an offtake agreement with X and a A$450m facility agreement": a second deal the same verb made.
    r"|\s+and\s+(?=(?:a|an)\s+(?:[A-Z]{0,3}\$|€|£|¥|₹)[\d.,]+\s?(?:m|bn|million|billion)?\s+(?:[\w-]+\s+){0,4}?"
    r"(?:facility|loan|placement|subscription|offtake|supply|credit)\s+(?:agreement|deed|contract)\b)"
    r"|,?\s+nor\s+|,?\s+while\s+|,\s+where\s+|,\s+when\s+(?!(?:it|they|he|she|we|its|their|the\s+(?:company|firm|group|bank|fund|startup))\b)|,\s+(?=(?:starting|beginning|following)\s+with\b)"
    # "debt financing of $5.5m on top of its $32m series C round": a second deal told beside the first.
    r"|,?\s+(?=(?:on\s+top\s+of|in\s+addition\s+to)\s+(?:its|their|the|a|an)\s+(?:[\w$€£¥₹₩₦₱₫₺₽₪.,-]+\s+){0,4}?"
    r"(?:round|loan|facility|investment|financing|raise|grant|deal|acquisition|stake)\b)"
    r")"
)


# "A signed a MoU worth Rs 800 crore, B signed a MoU worth Rs 490 crore": a comma splice of two reports,
# each a name and its own verb; it breaks only where the clause before has a verb of its own.
_REPORT_VERBS = r"(?:signed|inked|agreed|sealed|won|secured|bought|acquired|invested|raised|awarded|lent|sold|committed|financed|funded|borrowed|received|obtained)\b"
_SPLICE = re.compile(r",\s+(?:and\s+)?(?=(?:(?:last|this|earlier\s+this|in|on)\s+(?:year|month|week|quarter|[A-Z][a-z]+|\d{4})"
                     r"(?:\s+\d{4})?,?\s+)?(?:(?:M/s\.?\s+)?[A-Z][\w&.'’-]{0,30}(?:\s+(?:[A-Z&][\w&.'’-]{0,30}|and|of)){0,7}"
                     r"|it|they|he|she)\s+(?:itself\s+|themselves\s+)?(?:also\s+)?" + _REPORT_VERBS + ")")
# "In a separate deal signed in November, X agreed ...": an opening phrase, not a clause of its own.
_OPENER = re.compile(r"\W*(?:in|after|under|following|with|as|on|at|for|by|since|during|before|through|as part of)\b", re.I)
_VERB = re.compile(r"\b" + _REPORT_VERBS)
# "In 2024 it committed $400m to X, and last year it bought ...": an opening phrase with a subject and verb of its own.
_SUBJECT_VERB = re.compile(r"\b(?:it|they)\s+(?:also\s+)?" + _REPORT_VERBS)


def split_clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """Clause spans (absolute offsets) of one sentence."""
    spans: list[tuple[int, int]] = []
    begin = 0
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence.text)]
    if "," in sentence.text:
        breaks += [(m.start(), m.start() + 1) for m in _SPLICE.finditer(sentence.text)]
        breaks.sort()
    for at, end in breaks:
        if at < begin or (sentence.text[at] == "," and end == at + 1 and (
                not _VERB.search(sentence.text, begin, at)
                or _OPENER.match(sentence.text, begin) and "," not in sentence.text[begin:at]
                and not _SUBJECT_VERB.search(sentence.text, begin, at))):
            continue
        spans.append((sentence.start + begin, sentence.start + at))
        begin = end
    spans.append((sentence.start + begin, sentence.end))
    return [span for span in spans if span[1] > span[0]]
