"""The precision step of the names: which capitalised runs are not parties at all.

Capital letters in English news mark far more than organisations: datelines, wire agencies, tickers, sentence
starts, title-case headlines, financial abbreviations, nationality adjectives and money tokens. Each rule here
is about how news is written, never about one article's names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.extract.money_words import CODES, SYMBOLS
from core.extract.gazetteer import (
    BUSINESS_ACRONYMS, HEADLINE_VERBS, ISLAMIC_FINANCE_TERMS, LEGAL_FORMS, LONE_ADJECTIVES, ORG_SUFFIXES, PLACE_NAMES, REGION_WORDS,
)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
# "April 18 (NEWSCO)": a credit in brackets right after a dateline's date.
_DATED_SOURCE = re.compile(r"(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")\s*\(\s*[A-Z][\w&.]{1,20}\s*\)")
# "(ZURN.S)", "(QBE.AX)", "(NYSE: KO)", "(SIX: ZURN)", "(TSX-V: ABC)", "(NASDAQ:NVDA)": a listing, not a name.
_TICKER = re.compile(r"\(\s*(?:[A-Z0-9]{1,6}\.[A-Z]{1,3}|[A-Za-z]{2,10}(?:[ -][A-Za-z]{1,6})?\s*:\s*[A-Z0-9.]{1,10}"
                     r"(?:\s*[;,]\s*[A-Za-z]{2,10}\s*:\s*[A-Z0-9.]{1,10}){0,3})\s*\)")
# "(Reuters) -", "(MENAFN- IANS)", "(Yonhap) --": the wire that filed the story, before or after the dateline.
# "--(BUSINESS WIRE)--", "/PRNewswire/ --": a press-release wire.
_SOURCE = re.compile(r"\(\s*[A-Z][\w&.]{1,20}(?:\s*[-–—/\s]\s*[A-Z][\w&.]{1,20}){0,2}\s*\)\s*(?:-{1,2}|–|—)"
                     r"|/\s*[A-Z][\w&.]{1,20}(?:\s[A-Z][\w&.]{1,20})?\s*/\s*(?:-{1,2}|–|—)"
                     r"|\(\s*[A-Z][\w&.]{1,20}\s*[-–—]\s*[A-Z][\w&.]{1,20}\s*\)")
# "SEOUL, Oct. 20", "New Delhi, April 18 (IANS)", "ZURICH (Reuters) -": the city a story was filed from.
_DATELINE_AFTER = re.compile(r"\.?\s*(?:,\s*(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")\b"
                             r"|\s*(?:-{1,2}|–|—)?\s*\([A-Z][\w&. -]{1,30}\)\s*(?:-{1,2}|–|—)"
                             # "Shimla: The State Government today signed ...": a city and a colon open the story.
                             r"|:\s+(?=[A-Z]))")
# "BUON MA THUOT — At dawn", "NAIROBI, Kenya — ...": a city in capitals, perhaps its country, then a dash.
_CAPITALS_DATELINE = re.compile(r"(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?\s+(?:—|–|-{1,2})\s+(?=[A-Z])")
_CURRENCY_AFTER = re.compile(r"\s+(?:francs?|pesos?|dinars?|rupees?|shillings?|riyals?|dirhams?|kron(?:a|or|er|e)|rand|"
                             r"naira|cedis?|kwacha|birr|rupiah|ringgit|baht|yuan|renminbi)\b")
# "Dh600bn", "SR1", "RM1", "Rs500": a currency sign glued to a figure.
_MONEY_TOKEN = re.compile(r"(?:[A-Z][a-z]?|[A-Z]{2,3})\$?\d[\d.,]*(?:[a-z]{1,2})?")
# Verbs that follow a bare subject and make a single name a speaker, not an adjective ("Brian said").
_VERBS_AFTER = re.compile(r"\s+(?:said|says|has|had|have|is|was|were|are|will|would|could|can|may|might|also|added|"
                          r"told|announced|signed|agreed|plans|continues|reported|posted|bought|sold|acquired|"
                          r"invested|raised|won|agreed|became|remains|expects|owns|operates)\b")


_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                           "twelve", "twenty", "thirty", "hundred", "hundreds", "dozen", "dozens", "several", "both"})


def in_quotes(text: str, start: int, end: int) -> bool:
    """ "games like “Madden NFL” and “The Sims”": a title in quotes is a product or a work, not a party."""
    before = text[max(0, start - 40):start]
    # 'the national "East Data, West Computing" program': a programme's quoted title, whatever names it holds.
    if _TITLE_OPEN.search(before) and _TITLE_CLOSE.match(text, end, min(len(text), end + 60)):
        return True
    opened = re.search(r"[“\"‘](?:The\s+)?$", before)
    return bool(opened) and re.match(r"[,.]?[”\"’]", text[end:end + 2]) is not None \
        and not re.search(r"\b(?:company|firm|startup|group|called|named|-based|as)\s*[“\"‘](?:The\s+)?$", before)


_TITLE_OPEN = re.compile(r"[“\"][^“”\"\n]{0,40}$")
_TITLE_CLOSE = re.compile(r"[^“”\"\n]{0,40}[”\"]\s+(?:program|programme|initiative|plan|strategy|scheme|project|policy|"
                          r"campaign|forum|conference|summit|award|vision|agenda)\b")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The 25,000 most frequent English words (wordfreq), lower case: what a sentence may start with."""
    from wordfreq import top_n_list  # imported here: only the parse path pays for it

    return frozenset(top_n_list("en", 25000, wordlist="small"))


def is_common_word(word: str) -> bool:
    return word.lower() in common_words()


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names from the US census lists that the `names` package ships (MIT); read only when a name needs it.

    (gender-guesser knows more countries' names, but its GPL licence would bind the bundle.)
    """
    from importlib.resources import files

    found: set[str] = set()
    for part in ("dist.male.first", "dist.female.first"):
        try:
            data = (files("names") / part).read_bytes().decode("ascii", "ignore")
        except (ModuleNotFoundError, FileNotFoundError, OSError):
            continue
        # Each line: the name in capitals, then frequencies and a rank.
        found.update(line.split(" ", 1)[0].title() for line in data.splitlines() if line[:1].isalpha())
    return frozenset(found)


def is_first_name(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word in first_names()


def person_evidence(words: list[str]) -> bool:
    """Whether two to four capitalised words read as a person's name by themselves, with no title beside them:
    a known given name first ("Maria Lopez"), or a last word that is no common English word ("Ravi Sethuraman").
    "Net Zero" or "Marlow Cells" (a plain noun last, no given name) name a body or a goal, not a person."""
    if len(words) < 2 or any(w in LEGAL_FORMS or w in ORG_SUFFIXES for w in words):
        return False
    if any(not w[:1].isupper() and w not in _NAME_PARTICLES for w in words):
        return False
    if _ORG_TAIL.search(words[-1]) and not is_first_name(words[0]):
        return False  # "Corvanne Microsystems", "Halden Biotech": a word of trade fused into the name
    return not is_common_word(words[-1]) and words[-1] not in PLACE_NAMES or is_first_name(words[0])


# Word endings of trade that company names fuse into one word: "Microsystems", "Nanotech", "Infosoft", "Bioworks".
_ORG_TAIL = re.compile(r"..(?:systems|technologies|tech|soft|tronics|works|labs|ware|logic|matics|pharma|power|energy|"
                       r"data|metrics|sense|scale|stream|volt|solar|grid|chem|med|bio)$", re.I)


# Lower-case words inside people's names: "Ursula von der Leyen", "Mohamed bin Zayed".
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "bint", "ibn",
                             "al", "el", "al-", "y", "dos", "das", "del"})


def is_modifier(word: str) -> bool:
    """ "US-based", "Nasdaq-listed", "Arm-chip" describe a name; "Young-shub" or "Rolls-Royce" is one."""
    if "-" not in word:
        return False
    parts = word.split("-")
    # "Pay-as-you-go", "State-of-the-art": a phrase made one word describes; no name runs on in lower case.
    if len(parts) >= 3 and all(p.isalpha() and p.islower() for p in parts[1:]):
        return True
    tail = parts[-1]
    # A short tail like "jae" in "Min-jae" is a syllable of a given name, even if it is also a word somewhere.
    return tail.isalpha() and tail.islower() and (len(tail) >= 4 and is_common_word(tail) or tail.endswith(("ed", "ing")))


@lru_cache(maxsize=64)
def mid_sentence_words(text: str) -> frozenset[str]:
    """Capitalised words the article also writes after a lower-case word: names, not sentence starts."""
    return frozenset(re.findall(r"(?<=[a-z,;] )([A-Z][\w&'’-]{0,40})", text))


@lru_cache(maxsize=256)
def is_title_case(sentence_text: str) -> bool:
    """A long headline set as a sentence: nearly every word of four letters or more is capitalised."""
    words = re.findall(r"\b[A-Za-z][\w’'-]{3,}", sentence_text)
    return len(words) >= 6 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def excluded_spans(sentence_text: str, offset: int) -> list[tuple[int, int]]:
    """Spans of tickers and wire credits in one sentence: no name inside them is a party."""
    return [(offset + m.start(), offset + m.end()) for pattern in (_TICKER, _SOURCE, _DATED_SOURCE)
            for m in pattern.finditer(sentence_text)]


def is_dateline(text: str, start: int, end: int, sentence_start: int) -> bool:
    """A city that opens a story: "SEOUL, Oct. 20 (Yonhap) --", "ZURICH (Reuters) -", "BUON MA THUOT —"."""
    capitals = text[start:end].isupper() and end - start >= 3
    if not (_DATELINE_AFTER.match(text, end) or capitals and _CAPITALS_DATELINE.match(text, end)):
        return False
    lead = text[sentence_start:start]
    if text.startswith(":", end) and (lead.strip() or " " in text[start:end]):
        return False  # a colon dateline is one word at the very start: "Ministry statement: ..." is not one
    # Only a byline, a credit or nothing stands before a dateline.
    return len(lead) <= 60 and not re.search(r"[a-z]{3,}\s*$", lead)


def cut_headline_verb(words: list[str]) -> int:
    """Where a title-case verb ends a name: "Acme Announces Award" -> 1; len(words) when none does."""
    for k, word in enumerate(words):
        if k and word in HEADLINE_VERBS:
            return k
    return len(words)


def joined_places(name: str) -> bool:
    """ "US-Chinese tensions", "Franco-German": places joined by a hyphen describe, they do not sign."""
    parts = name.split("-")
    return len(parts) > 1 and all(part in PLACE_NAMES for part in parts)


_NUMBERED_PARTS = frozenset({"Stage", "Phase", "Unit", "Block", "Tranche", "Lot", "Train", "Line", "Module", "Package",
                             "Section", "Segment", "Zone", "Plot", "Tower", "Hall", "Building", "Pad",
                             # A filing's parts: "Item 1.01", "Exhibit 10.1", "Schedule 2".
                             "Item", "Exhibit", "Schedule", "Annex", "Article", "Clause"})


def not_a_name(name: str, after: str, sentence_initial: bool, heading: bool, text: str, before: str = "") -> bool:
    """Whether a capitalised run names nothing that could sign a deal."""
    words = name.split()
    if _MONEY_TOKEN.fullmatch(name) or len(words) == 1 and joined_places(name):
        return True
    if len(words) == 1 and name in LONE_ADJECTIVES or all(w in ISLAMIC_FINANCE_TERMS for w in words):
        return True
    # "Ara-2", "CX-350": a product's model code alone names no party.
    if len(words) == 1 and re.fullmatch(r"[A-Z][A-Za-z]{0,5}-\d{1,4}[A-Z]?", name):
        return True
    # "planned Stage 1 production", "Phase II", "Train 3": a numbered part of a project, no party.
    if len(words) == 1 and name in _NUMBERED_PARTS and re.match(r"\s+(?:\d|[IVX]{1,4}\b|[A-H]\b)", after):
        return True
    # "a 380 kV substation", "600 MW", "2 GWh": a unit after its figure.
    if len(words) == 1 and re.search(r"\d\s?$", before) and re.fullmatch(r"[kMGT]?(?:V|W|Wh|Wp|VA)|[kMG]Wh?e?|Hz|MHz|GHz",
                                                                      name):
        return True
    # "210 billion CFA francs", "Swiss francs": the name of a currency.
    if _CURRENCY_AFTER.match(after):
        return True
    # "power for all Kenyans": a people, named by the plural of its country's adjective.
    if len(words) == 1 and name.endswith("s") and PLACE_NAMES.get(name[:-1], name[:-1]) != name[:-1]:
        return True
    # "IPO", "Eight MoUs": words of trade and counts; "M": a lone initial.
    if all(w in BUSINESS_ACRONYMS or w.lower() in _NUMBER_WORDS for w in words) or re.fullmatch(r"[A-Z]\.?", name):
        return True
    # "Veltrix Robotics, Inc.": a legal form cut off by a comma belongs to the name before it; alone it names nothing.
    if all(w in LEGAL_FORMS for w in words):
        return True
    # "... in March. /TISG": the credit of the outlet that filed the paragraph.
    if re.search(r"/\s?$", before) and re.match(r"\s*(?:$|\n)", after):
        return True
    # "GH¢520 million": the letters of a sign whose mark follows them.
    if after[:1] in "¢₵$£" and name + after[:1] in SYMBOLS and re.match(r".\s?\d", after):
        return True
    # "NOK 48 million", "48 million NOK": a currency's code beside a number.
    if (name in CODES or name in SYMBOLS) and (re.match(r"\s?\d", after) or re.search(r"\d\s*(?:[mb]illion|bn|mn|m)?\s$", before)):
        return True
    if any(w in ORG_SUFFIXES for w in words):
        return False
    if is_adjective(words, after):
        return True
    # "Separately", "Founded in 2014", "Upon signing": a common word that only starts a sentence.
    # "... to Increase Domestic Production Capacity": a title-case phrase of plain words, said once, is a headline's
    # wording; a name of plain words ("Blue Harbor") comes back in the body.
    if heading and len(words) >= 2 and all(is_common_word(w) for w in words) and text.count(name) == 1:
        return True
    # "Proceeds will fund", "Drugmakers have": a plural common noun opening a sentence names no one.
    if len(words) == 1 and sentence_initial and name.endswith("s") and is_common_word(name) \
            and is_common_word(name[:-1]) and name not in mid_sentence_words(text) and name not in PLACE_NAMES:
        return True
    # "Meta is", "Meta's" and a name the article also writes in mid-sentence stay names.
    if len(words) == 1 and (sentence_initial or heading) and is_common_word(name) and name.lower() != name \
            and name not in mid_sentence_words(text) and name not in PLACE_NAMES \
            and not _VERBS_AFTER.match(after) and not re.match(r"['’]s?\s", after):
        return True
    return False


def is_adjective(words: list[str], after: str) -> bool:
    """ "Romanian state-owned", "Central European stores", "Latin American business": a nationality or region
    that describes the noun after it."""
    last = words[-1]
    demonym = last.endswith(("ian", "ean", "ese", "ish", "can")) and last[0].isupper() and last[1:].islower()
    if not demonym or not all(w in REGION_WORDS for w in words[:-1]):
        return False
    return bool(re.match(r"\s+[a-z]", after)) and not _VERBS_AFTER.match(after)
