"""Organisations, governments, people and places named in a sentence, and how later mentions fold into them."""

from __future__ import annotations

import re
from functools import lru_cache

from core.extract.gazetteer import (
    BUSINESS_ACRONYMS, CITIES, FACILITY_WORDS, GENERIC_WORDS, GOVERNMENT_HEADS, LEGAL_FORMS, NOT_NAMES, ORG_SUFFIXES,
    ORGANIZATION_WORDS, PERSON_TITLE_WORDS, PERSON_TITLES, PLACE_NAMES,
)
from core.extract.money_words import CODES as CURRENCY_CODES
from core.extract.names_filter import (
    cut_headline_verb, excluded_spans, is_dateline, in_quotes, is_common_word, is_modifier,
    is_title_case, mid_sentence_words, not_a_name, person_evidence,
)
from core.extract.money_words import SYMBOLS
from core.extract.mention import (
    CONNECTORS as _CONNECTORS, ROMANCE_ARTICLES, Mention, Token, strip_possessive as _strip_possessive,
)
from core.extract.names_kind import named_after_city, set_kind
from core.extract.names_person import (
    HONORIFICS, TITLE_WORDS, is_patronymic, looks_like_org, person, remit_word, title_before, title_phrase,
    whole_title,
)
from core.extract.governments import government_phrases
from core.extract.sentences import BULLET, Sentence
from core.model import PartyKind
from core.names import fold_name

# "A/S", "SA/NV", "HC/FT": capitals joined by a slash are one word of a name.
# A double hyphen ("SYDNEY--Australian") separates a dateline from the story: never inside a word.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[A-Z]{1,4}(?:/[A-Z]{1,4})+\b|[^\W_](?:(?:[\w&'’]|-(?!-))*[\w])?\.?|&")
# Closed-class words in NOT_NAMES: never the first word of a name, wherever they stand.
_FUNCTION_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "it", "its", "their", "they", "he",
                             "she", "we", "our", "in", "on", "at", "for", "from", "by", "with", "of", "to", "and",
                             "but", "or", "as", "after", "before", "under", "over", "amid", "among", "also", "i"})
# Heads of a unit's name that may close a generic "X and Y" remit.
_LEGAL_FORMS = frozenset({"Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "LLC", "plc", "PLC", "AG", "SA", "GmbH",
                          "Co.", "Limited", "Corporation", "Incorporated", "NV", "N.V.", "SE", "Bhd", "Pte"})
_UNIT_WORDS = frozenset({"Unit", "Division", "Agency", "Fund", "Authority", "Office", "Board", "Group", "Ministry"})
_GENERIC_BODIES = frozenset({"Corporation", "Corp.", "Corp", "Company", "Fund", "Trust", "Holding", "Holdings"})
# "of" joins two capitalised runs only after words that head such names ("Ministry of Finance").
_OF_HEADS = frozenset({
    "Ministry", "Department", "Government", "Bank", "University", "Institute", "Republic", "Kingdom",
    "State", "Office", "Minister", "Secretary", "Authority", "Commission", "Council", "Federation",
    "Association", "Chamber", "Board", "Bureau", "Agency", "President", "Director", "Head",
    "Emirate", "Commonwealth", "Province", "City", "Port", "Alliance", "Society", "Union", "League", "Coalition",
    "Academy", "College", "School", "Network", "Forum", "Congress", "Conference", "Summit", "Chief", "Officer", "Investment",
    "CEO", "Chairman", "Chairwoman", "Founder", "Governor", "Mayor", "Vice", "Executive",
    # "Gulf of Guinea Development Bank", "Bay of Bengal Initiative": a body named after a sea.
    "Gulf", "Bay",
})
_NAMESAKES = frozenset({"Prince", "Princess", "King", "Queen", "Crown", "Sheikh", "Sheikha", "Emir", "Lord", "Sir",
                        "Duke", "Sultan"})
_HEADLINE_SMALL_WORDS = frozenset({"And", "To", "In", "With", "For", "On", "At", "By", "From", "Into", "Over", "As",
                                   "Amid", "Under", "After", "Of", "Or", "Via"})
_SPEECH_VERBS = frozenset({"Said", "Says", "Added", "Adds", "Noted", "Notes", "Explained", "Commented", "Stated",
                           "Continued", "Concluded", "Remarked", "Told", "Wrote"})
_INDIVIDUALS = frozenset({"scientist", "actor", "actress", "celebrity", "philanthropist", "tycoon", "magnate",
                          "businessman", "businesswoman", "singer", "rapper", "athlete", "footballer", "author"})
# "business angels including Jane Roe and John Doe": every name of a list of individuals is a person.
_INDIVIDUALS_LIST = re.compile(
    r"\b(?i:(?:business\s+)?angels?|angel\s+investors?|individual\s+investors|individuals|billionaires?|entrepreneurs?|"
    r"investors?|backers?|"
    r"celebrit(?:y|ies)|tycoons?|family\s+offices?\s+of)(?:\s+[a-z]+){0,3}(?:\s*,)?"
    r"(?:\s+(?:including|such\s+as|like|led\s+by|among\s+them))?"
    # Each earlier name of the list, with the aside that may follow it: "X, co-founder of Y, and ".
    r"(?:\s+[A-Z][\w'’.-]{0,20}(?:\s+[A-Z][\w'’.-]{0,20}){0,2}(?:,\s+[^,;.()]{1,90}?)?"
    r"(?:\s*,\s*|\s+and\s+|,\s+and\s+)){0,4}\s*$")
def _defines_term(acronym: str, before: str) -> bool:
    """Whether "(OSAT)" spells the initials of the lower-case words before it ("outsourced semiconductor assembly
    and test"); "the sovereign fund (PIF)" names a body whose initials the words do not give."""
    if not before.endswith("("):
        return False
    # "silicon carbide (SiC)": the capitals of a mixed-case term are its initials.
    acronym = "".join(c for c in acronym if c.isupper())
    # "neodymium-praseodymium (NdPr)", "build-operate-transfer (BOT)": the parts of a hyphened word count too.
    for word_pattern in (r"[A-Za-z][\w-]*", r"[A-Za-z][A-Za-z\d]*"):
        words = [w for w in re.findall(word_pattern, before[-100:]) if w not in ("and", "of", "the", "for", "&")]
        tail = words[-len(acronym):]
        if len(tail) == len(acronym) and all(w.islower() for w in tail) \
                and "".join(w[0] for w in tail).upper() == acronym:
            return True
    return False


@lru_cache(maxsize=32)
def defined_terms(text: str) -> frozenset[str]:
    """Acronyms the article defines for lower-case words ("a power supply agreement (PSA)"): terms wherever
    they stand after ("The PSA, signed on June 17, ..."), never names."""
    return frozenset(m.group(1) for m in _BRACKETED.finditer(text)
                     if _defines_term(m.group(1), text[max(0, m.start() - 120):m.start() + 1]))


_BRACKETED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")


def _place_then_body(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """Whether the words after "and" at tokens[j] are a place and then a word of trade ("New Zealand Banking")."""
    for width in (1, 2, 3):
        if j + 1 + width >= len(tokens):
            return False
        place = " ".join(t[2] for t in tokens[j + 1:j + 1 + width])
        if place in PLACE_NAMES:
            follower = tokens[j + 1 + width][2]
            return follower in ORG_SUFFIXES or follower in ("Banking", "Bank", "Bancorp")
    return False


# Words that carry a body's name on past a place: "Healthcare of Ontario Pension Plan".
_NAMED_AFTER_PLACE = frozenset({"Pension", "Teachers", "Teachers'", "Retirement", "Superannuation", "Investment",
                                "Municipal", "Public"})
# "Oprah Winfrey was a participating investor": a person's name that invests.
_INVESTOR_AFTER = re.compile(r"\s+(?:was|is|were)\s+(?:also\s+)?(?:a|an|the|among\s+the)\s+(?:participating\s+|lead\s+|new\s+|"
                             r"existing\s+|early\s+|angel\s+)?(?:investors?|backers?)\b")


# Nouns of trade that open a sentence before a name; words that also open real names ("Carrier", "Investor")
# are left out.
_TRADE_NOUNS = frozenset({"developer", "chipmaker", "lender", "startup", "start-up", "utility", "miner", "insurer",
                          "conglomerate", "automaker", "carmaker", "drugmaker", "steelmaker", "shipbuilder", "bidder",
                          "acquirer", "fintech", "refiner", "contractor", "landlord"})
_OF_BODIES = frozenset({"Alliance", "League", "Coalition", "Society", "Union", "College", "School", "Academy",
                        "Group", "Friends", "Network", "Confederation", "Order"})
_ADJECTIVE_SUFFIXES = ("-based", "-listed", "-headquartered", "-owned", "-backed", "-born", "-led", "-focused",
                       "-registered", "-run", "-controlled", "-linked", "-tied", "-designer")


__all__ = ["Mention", "find_mentions", "government_phrases", "is_state", "norm", "sentence_mentions"]


def norm(name: str) -> str:
    """The key two spellings of one party share: the program's one name fold (core.names)."""
    return fold_name(name)


def _tokens(text: str, offset: int) -> list[tuple[int, int, str]]:
    out = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        end = match.end()
        # A final period belongs to the word only for abbreviations and initials ("Co.", "T.").
        if word.endswith(".") and len(word) > 2 and word[:-1].lower() not in {"co", "inc", "corp", "ltd", "jr", "sr", "st"} \
                and not re.fullmatch(r"(?:[A-Za-z]\.)+", word):
            word, end = word[:-1], end - 1
        out.append((offset + match.start(), offset + end, word))
    return out


@lru_cache(maxsize=8192)
def _is_name_token(word: str) -> bool:
    if word in ("&",):
        return False
    first = word[0]
    if first.isupper():
        return True
    # Mixed case that starts low: "xAI", "eBay".
    return first.islower() and any(c.isupper() for c in word[1:])


def find_mentions(text: str, sentence: Sentence) -> list[Mention]:
    """Names in one sentence: runs of capitalised words, split at titles, classified by kind."""
    tokens = _tokens(sentence.text, sentence.start)
    # "Acme Group And Beta Telecom To Merge Units In Ruritania": in a title-case headline the small words are
    # capitalised too, and they still part names.
    if any(t[2] in _HEADLINE_SMALL_WORDS for t in tokens[1:]) and (sentence.heading or is_title_case(sentence.text)):
        tokens = [(a, b, w.lower() if w in _HEADLINE_SMALL_WORDS else w) for a, b, w in tokens]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        if not _is_name_token(tokens[i][2]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            word = tokens[j][2]
            gap = text[tokens[j - 1][1]:tokens[j][0]]
            # "Ontario Teachers' Pension Plan": a plural possessive inside a name.
            plural_possessive = gap.strip() in ("'", "’") and tokens[j - 1][2].endswith("s") and _is_name_token(tokens[j][2])
            # "Ministry of Economy, Trade and Industry", "Department for Science, Innovation and Technology": a comma
            # list of remits inside a ministry's name.
            remit = gap.strip() == "," and (word in GENERIC_WORDS or remit_word(word)) and j + 2 < len(tokens) \
                and tokens[j + 1][2] == "and" and (tokens[j + 2][2] in GENERIC_WORDS or remit_word(tokens[j + 2][2])) \
                and _is_name_token(word) and _is_name_token(tokens[j + 2][2]) \
                and any(t[2] in ("of", "for") for t in tokens[i:j]) and any(t[2] in GOVERNMENT_HEADS for t in tokens[i:j])
            # "DNB (UK) Limited": a country in brackets before a legal form is part of the name.
            if gap.strip() == "(" and word in PLACE_NAMES and j + 1 < len(tokens) and tokens[j + 1][2] in LEGAL_FORMS \
                    and text[tokens[j][1]:tokens[j + 1][0]].strip() == ")":
                j += 2
                continue
            if gap.strip() not in ("",) and gap.strip() != "&" and not plural_possessive and not remit:
                break
            # "SK hynix Inc.": a lower-case word between a name and its legal form belongs to the name.
            if word.isalpha() and word.islower() and word not in _CONNECTORS and j + 1 < len(tokens) \
                    and tokens[j + 1][2] in _LEGAL_FORMS and text[tokens[j][1]:tokens[j + 1][0]] == " ":
                j += 2
                continue
            if _is_name_token(word) and not tokens[j - 1][2].endswith(("'s", "’s")):
                j += 1
                continue
            if word in _CONNECTORS and j + 1 < len(tokens) and _joins(tokens, i, j):
                article = tokens[j + 1][2] == "the" or word in ("para", "pour") and tokens[j + 1][2] in ROMANCE_ARTICLES
                j += 2 if article else 1
                continue
            break
        while j > i and tokens[j - 1][2] in _CONNECTORS:
            j -= 1
        mentions.extend(_classify(text, tokens[i:j], sentence, tokens, i))
        i = max(j, i + 1)
    spans = excluded_spans(sentence.text, sentence.start)
    mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]
    return _tidy(text, _quoted_names(text, sentence, mentions))


_QUOTED = re.compile(r"[‘'“\"]([A-Z][^‘’'“”\".,;]{1,80}?)[’'”\"]")


def _quoted_names(text: str, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """A name in quotes after 'company' or 'firm' is one name, whatever words it holds."""
    for match in _QUOTED.finditer(sentence.text):
        start, end = sentence.start + match.start(1), sentence.start + match.end(1)
        before = text[max(0, start - 40):start - 1]
        if not re.search(r"\b(?:company|firm|startup|group|-based|called|named)\s*$", before):
            continue
        inside = [m for m in mentions if start <= m.start < end]
        if not inside:
            continue
        kept = [m for m in mentions if not (start <= m.start < end)]
        kept.append(Mention(start, end, text[start:end], aliases=[inside[0].name] if inside[0].name != text[start:end] else []))
        mentions = sorted(kept, key=lambda m: m.start)
    return mentions


def _tidy(text: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        # "(AWS)" after "Amazon Web Services" is an alias, "(AAPL)" a ticker: not a second party.
        if previous and text[mention.start - 1:mention.start] == "(" and text[mention.end:mention.end + 1] == ")" \
                and mention.start - previous.end <= 3:
            continue
        # "in Paju, Gyeonggi", "in Europe and the UK": a place listed after a place is a place.
        if previous and previous.location_only and not mention.person and \
                re.fullmatch(r",\s*|\s+and\s+(?:the\s+)?|,\s+and\s+(?:the\s+)?", text[previous.end:mention.start]) \
                and not any(w in ORG_SUFFIXES for w in mention.name.split()):
            mention.location_only = True
        out.append(mention)
    return out


def _joins(tokens: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Whether connector tokens[j] continues the name that began at tokens[i]."""
    word, left, right = tokens[j][2], tokens[j - 1][2], tokens[j + 1][2]
    if word == "the":
        return False
    if word == "of":
        nxt = tokens[j + 2][2] if right == "the" and j + 2 < len(tokens) else right
        # "Alliance of Angels", "Group of Institutions"; "Acme Group of Japan" names a group and its country.
        # "Investment Corporation of Dubai", "Investment Management Corp. of Ontario": a body whose name is only
        # words of trade is named by its place; "Acme Group of Japan" has a name of its own.
        generic = left in _GENERIC_BODIES and all(tokens[k][2] in GENERIC_WORDS or tokens[k][2] in _GENERIC_BODIES
                                                  for k in range(i, j))
        # "Healthcare of Ontario Pension Plan": a place inside a body's name, when a word of trade follows it.
        after_place = tokens[j + 2][2] if j + 2 < len(tokens) and right == nxt else ""
        inside = nxt in PLACE_NAMES and after_place in _NAMED_AFTER_PLACE \
            and tokens[j + 2][0] - tokens[j + 1][1] <= 1
        return (left in _OF_HEADS or generic or inside
                or left in _OF_BODIES and nxt not in PLACE_NAMES and nxt not in CITIES) and _is_name_token(nxt)
    if word in ("and", "&"):
        # "Private Credit and Infrastructure" is one name; "Microsoft and Nvidia" are two.
        if word == "&":
            return _is_name_token(right)
        if word == "and" and _office_remit(tokens, i, j):
            return True
        # "Australia and New Zealand Banking Group": two places that open one body's name.
        if left in PLACE_NAMES and _place_then_body(tokens, j):
            return True
        if left not in GENERIC_WORDS and (not is_common_word(left) or left in PLACE_NAMES):
            return False
        # "Southern Cross Banking Corporation and Coral Sea Bank Limited": a name closed by its legal form is whole.
        if left in _LEGAL_FORMS and i < j - 1:
            return False
        # "Array Metals and Natural Resources", "Corporate and Investment Bank": when every word after "and" is a
        # common word of trade (or a legal form), the words name one body's remit, not a second party.
        k, plain = j + 1, False
        while k < len(tokens) and k <= j + 5 and _is_name_token(tokens[k][2]) and tokens[k][0] - tokens[k - 1][1] <= 1:
            word, possessive = _strip_possessive(tokens[k][2])
            if possessive and word in _UNIT_WORDS:
                # "the Economic Development and Investment Unit's fund": the unit's name ends on its owner's mark.
                return True
            if possessive or word in PLACE_NAMES or word not in GENERIC_WORDS and word not in _UNIT_WORDS \
                    and word not in _LEGAL_FORMS and not is_common_word(word):
                return False
            plain = plain or word not in GENERIC_WORDS and word not in _UNIT_WORDS and word not in _LEGAL_FORMS
            k += 1
        # Plain common words after "and" join only a name that ends in a legal form: "... and Solution Pvt Ltd".
        if plain and tokens[k - 1][2] not in _LEGAL_FORMS:
            return False
        return k > j + 1 and (k == len(tokens) or k > j + 5 or not _is_name_token(tokens[k][2])
                              or tokens[k][0] - tokens[k - 1][1] > 1)
    if word in ("para", "pour") and right in ROMANCE_ARTICLES:
        return j + 2 < len(tokens) and _is_name_token(tokens[j + 2][2])
    if word == "for":
        # "Minister for Europe", "Japan Bank for International Cooperation", "Bank for International Settlements"
        return left in ("Minister", "Secretary", "Commissioner", "Director", "Officer", "Bank", "Agency", "Council",
                        "Department", "Ministry", "Committee", "Board", "Authority", "Trust", "State",
                        "Centre", "Center", "Institute", "Foundation", "Corporation", "Organisation", "Organization",
                        "Office", "Commission", "Fund", "Alliance", "Association", "Society") and _is_name_token(right) \
            and not (right.isupper() and len(right) == 3 and right in CURRENCY_CODES)  # "from X Fund for EGP 6.2 billion"
    return _is_name_token(right)


_OFFICES = frozenset({"Minister", "Secretary", "Commissioner", "Ministry", "Department", "Secretariat", "Office"})


def _office_remit(tokens: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """ "Minister for Europe and Foreign Affairs", "Department for Energy Security and Net Zero": an office's remit
    goes on after "and" while its words are common ones; a body's name must end there, a title may have a name after it."""
    heads = [k for k in range(i, j - 1) if tokens[k][2] in _OFFICES and tokens[k + 1][2] in ("of", "for")]
    # Only the remit stands between the office and "and": "Minister for Trade Jane Roe and ..." has a name there.
    if not heads or not all(remit_word(t[2]) for t in tokens[heads[-1] + 2:j]):
        return False
    k = j + 1
    while k < len(tokens) and k <= j + 4 and tokens[k][0] - tokens[k - 1][1] <= 1 and _is_name_token(tokens[k][2]) \
            and remit_word(tokens[k][2]) and tokens[k][2] not in PLACE_NAMES:
        k += 1
    if k == j + 1:
        return False
    if k == len(tokens) or tokens[k][0] - tokens[k - 1][1] > 1 or not _is_name_token(tokens[k][2]) \
            and tokens[k][2] not in _CONNECTORS:
        return True
    if tokens[k][2] in _CONNECTORS:
        # "Ministry of Finance and Bank of England": a second body; "Ministry of Energy and Petroleum and the
        # UAE's ...": the remit ends where a lower-case word follows the connector.
        return k + 1 < len(tokens) and not _is_name_token(tokens[k + 1][2]) and tokens[k][2] == "and"
    # A title's remit may be followed by the person: "Minister for Trade and Industry Jane Roe".
    return tokens[heads[0]][2] in PERSON_TITLES and _is_name_token(tokens[k][2])


def _classify(text: str, run: list[tuple[int, int, str]], sentence: Sentence,
              all_tokens: list[tuple[int, int, str]], first_index: int) -> list[Mention]:
    words = [w for _, _, w in run]
    # Hyphenated modifiers ("US-based", "Nasdaq-listed", "Arm-chip") are never part of a name.
    while words and is_modifier(words[0]):
        run, words = run[1:], words[1:]
    cut = next((k for k, w in enumerate(words) if is_modifier(w)), None)
    if cut is not None and cut + 1 < len(words) and not is_modifier(words[-1]):
        # "Mexico City-based Cobranza Clara": the words before the modifier are its place; the name follows it.
        run, words = run[cut + 1:], words[cut + 1:]
        while words and is_modifier(words[0]):
            run, words = run[1:], words[1:]
    elif cut is not None and cut + 1 == len(words) and re.search(r"-(?:based|headquartered|registered)$", words[-1]):
        run, words = [], []  # "the Kuala Lumpur-based utility": the place the firm is based in, then no name
    elif cut is not None:
        run, words = run[:cut], words[:cut]
    if run and text[run[-1][1]:run[-1][1] + 1] == "$":
        # "... Infrastructure Fund for A$310 million": the sign's letters go, and the connector before them.
        run, words = run[:-1], words[:-1]
        if len(run) > 1 and words[-1] in _CONNECTORS:
            run, words = run[:-1], words[:-1]
    # "... Pension Fund for R3.2bn": a sign glued to its figure ends the name, and the connector before it goes too.
    sign = re.match(r"([A-Z][A-Za-z]{0,3})\d", words[-1]) if len(run) > 1 else None
    if (sign and sign.group(1) in SYMBOLS or len(run) > 1 and words[-1] in SYMBOLS
            and re.match(r"\s?\d", text[run[-1][1]:run[-1][1] + 2])) and words[-2] in _CONNECTORS:
        run, words = run[:-2], words[:-2]
    # "for RM900mil", "Rs500cr": a sum glued to its currency's letters is no name.
    if words and _glued_sum(words[-1]):
        run, words = run[:-1], words[:-1]
    # "SYDNEY--Grid operator X": the word after a dateline's double hyphen opens the story.
    # "- Adds 640 km of pipelines": a bullet's first word opens its sentence.
    initial = bool(run) and (run[0][0] <= sentence.start + 1 or text[run[0][0] - 2:run[0][0]] == "--"
                             or BULLET.fullmatch(text, sentence.start, run[0][0]) is not None) \
        or sentence.heading
    # "News Break" or "First Solar" in mid-sentence is a name; "News:" or "First," opening a sentence is not.
    while words and words[0] in NOT_NAMES and not (len(words) > 1 and words[0] in PERSON_TITLES) \
            and (initial or len(words) == 1 or words[0].lower() in _FUNCTION_WORDS or not words[0].isalpha()):
        run, words = run[1:], words[1:]
    # "Developer Vireo Data Centers closed ...": a noun of trade opening a sentence describes the name after it.
    if initial and len(words) > 1 and words[0].lower() in _TRADE_NOUNS and not sentence.heading:
        run, words = run[1:], words[1:]
    # "Said the ministry's head, ...", "Added Acme CEO Jane Roe": a sentence that opens with its verb of speech.
    if initial and len(words) > 1 and words[0] in _SPEECH_VERBS and not sentence.heading \
            and (text[run[-1][1]:run[-1][1] + 1] in (",", ":") or TITLE_WORDS.intersection(words[1:])):
        run, words = run[1:], words[1:]
    # "impact VC Aavishkar Capital", "PE firm owner Tarn Partners": the kind of investor, not its name.
    if len(words) > 1 and words[0] in ("VC", "PE") and words[1][:1].isupper():
        run, words = run[1:], words[1:]
    cut = cut_headline_verb(words)
    run, words = run[:cut], words[:cut]
    # "M/s Trident": the Indian prefix for a firm; "Kadokawa IP": a word of trade after a name.
    if len(words) > 1 and words[0] == "M" and text[run[0][1]:run[0][1] + 2] == "/s":
        run, words = run[1:], words[1:]
    # "Kadokawa IP", "National Treasury Dh1.84 billion", "Aerovance AX-220 jets": a term, a sum or a model after a name.
    while len(words) > 1 and (words[-1] in BUSINESS_ACRONYMS and words[-1] not in ORG_SUFFIXES
                              or _MODEL_CODE.fullmatch(words[-1]) and not _CHEMICAL.fullmatch(words[-1])
                              or _glued_sum(words[-1])):
        run, words = run[:-1], words[:-1]
    # "“Bringing Hokuto into the group ...": a verb in -ing opening a sentence before a name the article uses.
    if len(words) > 1 and words[0].endswith("ing") and is_common_word(words[0]) \
            and text[max(sentence.start, run[0][0] - 2):run[0][0]].strip() in ("“", '"', "‘") \
            and words[1] in mid_sentence_words(text):
        run, words = run[1:], words[1:]
    # "... to Develop Green Hydrogen Hubs": in a title-case headline the word after "to" is a verb.
    if sentence.heading and words and re.search(r"\bto\s+$", text[max(0, run[0][0] - 4):run[0][0]]) \
            and is_common_word(words[0]) and words[0] not in ORG_SUFFIXES:
        run, words = run[1:], words[1:]
    # "6 Dimensions Capital": a number that opens an organisation's name, after "by", "from" or a possessive.
    if run and words[-1] in ORG_SUFFIXES and first_index > 0 and run[0] == all_tokens[first_index] \
            and re.fullmatch(r"\d{1,2}", all_tokens[first_index - 1][2]) \
            and re.search(r"(?:['’]s|\bby|\bfrom|\bwith|\band)\s+\d{1,2}\s+$", text[max(0, run[0][0] - 12):run[0][0]]):
        run = [all_tokens[first_index - 1], *run]
        words = [w for _, _, w in run]
    if not words:
        return []
    # A title inside the run splits it: "South Korean President Lee Jae Myung", "SK Group Chairman Chey".
    for k in range(len(words) if TITLE_WORDS.intersection(words) else 0):
        width = next((w for w in (3, 2, 1) if k + w <= len(words) and " ".join(words[k:k + w]) in PERSON_TITLES), 0)
        # "Prince Court Medical Centre Sdn Bhd", "King Abdullah University": a body named after a royal.
        if width and k == 0 and words[0] in _NAMESAKES and _named_after_royal(text, words):
            break
        if width:
            return _titled(text, run, words, k, width, sentence, all_tokens, first_index)
    start, end = run[0][0], run[-1][1]
    name, possessive = _strip_possessive(text[start:end])
    if possessive:
        end -= 2
    parts = name.split()
    if not name or re.fullmatch(r"Series [A-Z]\d?\.?", name) or not re.search(r"\s[A-Z]$", name) and all(
            w in NOT_NAMES or w in GENERIC_WORDS or w in _CONNECTORS for w in parts) and (
            len(parts) == 1 or parts[-1] not in ORG_SUFFIXES or parts[-1] in ("Group", "Fund", "Capital")
            and len(parts) == 1):
        return []
    before = text[max(sentence.start, start - 40):start]
    after = text[end:min(sentence.end, end + 40)]
    heading = sentence.heading or is_title_case(sentence.text)
    # "an outsourced assembly and test (OSAT) plant": an acronym defined for lower-case words is a term, not a name.
    if name in defined_terms(text):
        return []
    # "• Binding offtake agreement with X": a bullet's first word opens its sentence.
    initial = start <= sentence.start + 1 or BULLET.fullmatch(text, sentence.start, start) is not None
    if not_a_name(name, after, initial, heading, text, text[max(0, start - 16):start]) \
            or in_quotes(text, start, end):
        return []
    # "the Kenyatta family", "the Walton family's trust": a family of owners acts as one party of kind person.
    family = re.match(r"\s(family|families)\b(?!\s+(?:office|business|firm|company|group|trust))", after) \
        if not possessive and len(parts) == 1 else None
    if family:
        return [Mention(start, end + family.end(), name + " " + family.group(1), kind=PartyKind.PERSON)]
    mention = Mention(start, end, name, possessive=possessive)
    if is_dateline(text, start, end, sentence.start):
        mention.location_only = True
        return [mention]
    wide = text[max(sentence.start, start - 90):start]
    # "computer scientist Jane Roe has invested": an individual who is no office holder acts as a party of kind person.
    if 2 <= len(parts) <= 3 and (not wide or wide[-1:].isspace()) and person_evidence(parts) and not looks_like_org(name) \
            and not any(len(w) > 1 and w.isupper() or "/" in w for w in parts) and (
            wide.rsplit(None, 1)[-1:] and wide.rsplit(None, 1)[-1] in _INDIVIDUALS or _INVESTOR_AFTER.match(text, end)
            or _INDIVIDUALS_LIST.search(text, max(sentence.start, start - 300), start)):
        return [Mention(start, end, name, kind=PartyKind.PERSON, possessive=possessive)]
    # "the fund's chief investment officer, Nora Al Harbi, said": a title, a comma, then a name a person bears.
    if wide.endswith(", ") and title_before(wide[:-2] + " ") and 2 <= len(parts) <= 4 and person_evidence(parts) \
            and not looks_like_org(name):
        wide = wide[:-2] + " "
    if (title_before(wide) and len(name.split()) >= 2 or is_patronymic(name)) and not looks_like_org(name):
        mention.person, mention.kind = True, PartyKind.PERSON
        # "Chief executive", "finance minister", "vice president": the title with the words that qualify it.
        mention.title = title_phrase(wide) if title_before(wide) else None
        return [mention]
    # "said Dana Whitfield, President and Chief Executive Officer of Veltrix": a title after the name.
    appositive = _TITLE_AFTER.match(text, end, min(sentence.end, end + 120))
    if appositive and 2 <= len(parts) <= 4 and person_evidence(parts) and not looks_like_org(name):
        mention.person, mention.kind = True, PartyKind.PERSON
        mention.title = appositive.group("title")
        org = appositive.group("org")
        mention.organization = org if org.rsplit(None, 1)[-1] in LEGAL_FORMS else org.rstrip(".")
        return [mention]
    set_kind(mention, before, after, sentence.start)
    if named_after_city(mention, before, after, text):
        mention.location_only = False
    if re.match(r"\s*\(([^)]{2,40})\)", after):
        inner = re.match(r"\s*\(([^)]{2,40})\)", after).group(1)  # type: ignore[union-attr]
        if inner[0].isupper() and not re.search(r"\d", inner) and len(inner.split()) <= 4:
            mention.aliases.append(inner)
    known = _KNOWN_AS.match(after)
    if known:
        mention.aliases.append(known.group(1))
    return [mention]


# A product's model code ("AX-220", "Ara-2", "CX350"): letters, a hyphen or not, and digits.
_MODEL_CODE = re.compile(r"[A-Z][A-Za-z]{0,5}-\d{1,4}[A-Z]?|[A-Z]{1,5}\d{2,4}[A-Z]?")
_GLUED_SUM = re.compile(r"([A-Z][A-Za-z]{0,3}\.?\$?)\d[\d.,]*(?:mil|bil|mln|bln|mn|bn|m|b|tn|trn|k|cr|crore)?")
# "Atlântico H2", "Nordic CO2": a formula that ends a name is part of it.
_CHEMICAL = re.compile(r"H2|CO2|NH3|CH4|N2O|SO2|O2")


def _glued_sum(word: str) -> bool:
    """ "National Treasury Dh1.84 billion", "for RM900mil": a sum glued to its currency's sign."""
    match = _GLUED_SUM.fullmatch(word)
    return match is not None and match.group(1) in SYMBOLS
# "PT Tambak Pintar Nusantara, better known as TambakPintar,": the short name the article goes on with.
_KNOWN_AS = re.compile(r",?\s+(?:(?:better|also|formerly|commonly|widely)\s+)?(?:known|trading)\s+as\s+"
                       r"([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})")


# ", " or ", President and " just before a title run: the title follows a name it belongs to.
_AFTER_NAME = re.compile(r",\s+(?:[A-Z][\w-]*\s+(?:and|&)\s+)?$")
_TITLE_AFTER = re.compile(
    r",\s+(?:(?i:the|its|their|an?)\s+)?(?P<title>(?:[\w&-]+\s+){0,5}?(?i:chief|CEO|CFO|COO|CTO|president|chair\w*"
    r"|founder|co-founder|director|head|minister|secretary|executive|officer|manager|spokes\w+|governor|vice[- ]president"
    r"|VP|MD|economist|treasurer|partner|principal)(?:\s+(?:[\w&-]+)){0,4}?)\s+(?i:of|at|for)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z&][\w&.'’-]*|of|and|de)){0,5})")


def _named_after_royal(text: str, words: list[str]) -> bool:
    """ "Prince Court Medical Centre Sdn Bhd", and "Prince Court" where the article names that body in full."""
    name = " ".join(words)
    if looks_like_org(name) or words[-1] in FACILITY_WORDS:
        return True
    longer = re.search(re.escape(name) + r"((?:\s[A-Z][\w&.-]{0,30}){1,5})", text)
    return longer is not None and (looks_like_org(name + longer.group(1)) or longer.group(1).split()[-1] in FACILITY_WORDS)


def _titled(text: str, run: list[Token], words: list[str], k: int, width: int, sentence: Sentence,
            all_tokens: list[Token], first_index: int) -> list[Mention]:
    """A run with a title at words[k]: who comes before it describes the person, who comes after is the person
    ("SK Group Chairman Chey"), or the body the office belongs to ("Managing Director of Acme Berhad")."""
    left = _classify(text, run[:k], sentence, all_tokens, first_index) if k else []
    for mention in left:
        mention.descriptor = True
    end, rest_at = whole_title(words, run, k, width)
    title = text[run[k][0]:run[end - 1][1]] if end > k else None
    if title is None or title in HONORIFICS:
        # "managing director Datuk X", "his counterpart Sheikh X": the office is said before the name.
        before = text[max(sentence.start, run[k][0] - 60):run[k][0]]
        title = title_phrase(before) if title_before(before) else title
    rest = run[rest_at:]
    # "Dana Whitfield, President and Chief Executive Officer of Veltrix": after a name and a comma, the title
    # runs to "of", and who follows is the body the office belongs to.
    of_at = max((i for i, w in enumerate(words) if w in ("of", "at") and i > k), default=-1)
    titles_before = all(w in TITLE_WORDS or w in ("and", "&") for w in words[:k])
    if titles_before and 0 < of_at < len(words) - 1 \
            and _AFTER_NAME.search(text, max(sentence.start, run[0][0] - 40), run[0][0]):
        body = _classify(text, run[of_at + 1:], sentence, all_tokens, -1)
        for mention in body:
            mention.descriptor = True
        return body
    found = person(text, rest, title, left)
    if found is None and rest and looks_like_org(_strip_possessive(text[rest[0][0]:rest[-1][1]])[0]):
        body = _classify(text, rest, sentence, all_tokens, -1)
        for mention in body:
            mention.descriptor = True
        return left + body
    return left + ([found] if found else [])


def sentence_mentions(text: str, sentence: Sentence) -> list[Mention]:
    """The names of a sentence and its governments named in lower case, in text order; a government phrase
    that spells out a name found as an organisation ("The City of Aberdale") stands in its place."""
    governments = government_phrases(text, sentence)
    local = {norm(m.name) for m in governments if m.place and m.name != m.place}
    # "Turkestan region administration": a name inside a government's phrase is that government.
    found = [m for m in find_mentions(text, sentence) if norm(m.name) not in local
             and not any(g.start <= m.start and m.end <= g.end and g.end - g.start > m.end - m.start
                         for g in governments)] + governments
    for mention in found:
        # "State-run China National Offshore Oil Co signed ...", "Tokyo-based Kanto Cells": the describing word that
        # opens a sentence in capitals is no part of the name.
        prefix = _DESCRIBING_PREFIX.match(mention.name)
        if prefix and prefix.end() < len(mention.name) and not mention.place:
            mention.start, mention.name = mention.start + prefix.end(), mention.name[prefix.end():]
        # "Quarry Logic, a Santa Clara startup designing chips,": a name inside an apposition that describes the
        # name before it is its town or its parent, no party.
        if _APPOSITION_BEFORE.search(text, max(sentence.start, mention.start - 6), mention.start) \
                and _TRADE_NOUN_AFTER.match(text, mention.end):
            mention.descriptor = True
        # "Accra colocation provider X", "Basque steelmaker Y": a short name standing before a trade and the name
        # of the firm in that trade says where the firm is from.
        if _short_plain(mention) and not mention.person and _PLACE_BEFORE_TRADE.match(text, mention.end):
            mention.descriptor = True
        # "the Principal Secretary to Government, Industries, Investment Promotion and Commerce Department": the
        # department an official heads names the official, it signs nothing itself.
        if _SECRETARY_TO_BEFORE.search(text, max(sentence.start, mention.start - 120), mention.start):
            mention.descriptor = True
        # "its Vision 2030 plan", "Agenda 2063": a programme named by its target year, no party.
        if _short_plain(mention) and _TARGET_YEAR_AFTER.match(text, mention.end):
            mention.descriptor = True
        # "Director (Projects)", "Head (Sales)": a title's remit in brackets, no party.
        if _TITLE_BRACKET_BEFORE.search(text, max(sentence.start, mention.start - 40), mention.start):
            mention.descriptor = True
        # "Kisaragi, based in Tokyo's Minato Ward,": where a firm sits is a place, whatever its last word.
        if _BASED_IN.search(text, max(sentence.start, mention.start - 60), mention.start):
            mention.location_only = True
        # "agreements with investors from Iran, Turkey and the UAE": the countries the investors come from, no party.
        if mention.place and PLACE_NAMES.get(mention.name) == mention.place \
                and _FROM_COUNTRIES.search(text, max(sentence.start, mention.start - 160), mention.start):
            mention.location_only = True
        # "JAKARTA (JBP):", "LAGOS (Reuters) -": the wire or paper after a dateline tells who reports, no party.
        if _WIRE_AFTER.match(text, mention.end) and _DATELINE_BEFORE.fullmatch(text, sentence.start, mention.start):
            mention.descriptor = True
    return sorted(found, key=lambda m: m.start)


def _short_plain(mention: Mention) -> bool:
    """A name of one or two words that is no place and has no legal form: one a description may be made of."""
    words = mention.name.split()
    return len(words) <= 2 and not mention.place and not any(w in ORG_SUFFIXES for w in words)


_PLACE_BEFORE_TRADE = re.compile(r"\s+(?:(?!(?:from|to|with|by|and|or|of|for|in|at|on|the|an?|its|their|as|is|was|"
                                 r"were|has|had|will|said|than|itself|themselves)\b)(?![a-z]+ed\b)[a-z][\w-]*\s+){0,3}?(?:startup|start-up|company|firm|\w*maker|developer|"
                                 r"operator|utility|lender|insurer|miner|manufacturer|producer|provider|conglomerate|"
                                 r"carrier|retailer|bank)\s+(?-i:[A-Z])")
_DESCRIBING_PREFIX = re.compile(r"[A-Z][\w.]{0,30}-(?:run|owned|backed|held|controlled|listed|based|led|funded|"
                                r"headquartered)\s+(?=[A-Z])")
_TARGET_YEAR_AFTER = re.compile(r"\s+20[2-9]\d\b(?!\s*(?:[-–]|to\b|and\b|,\s*\d))")
_SECRETARY_TO_BEFORE = re.compile(r"\bSecretary\s+to\s+(?:the\s+)?Government,\s+(?:[A-Z][\w&-]*,?\s+(?:and\s+|&\s+)?){0,8}$")
_TITLE_BRACKET_BEFORE = re.compile(r"\b(?:Director|Manager|Head|Secretary|Officer|President|Chair(?:man|woman|person)?|"
                                   r"Minister|Commissioner|Advis[eo]r|Partner|Lead)\s*\($")
_BASED_IN = re.compile(r"\b(?:based|headquartered|located|domiciled)\s+in\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s\s+"
                       r"|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?,\s+)?$")
_FROM_COUNTRIES = re.compile(r"\b(?:investors?|companies|firms|businesses|entrepreneurs|delegations?|buyers|"
                             r"bidders|partners|capital|investments?)\s+from\s+(?:(?:the\s+)?[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?"
                             r"(?:\s*,\s*|\s+and\s+|,\s+and\s+))*(?:the\s+)?$")
_WIRE_AFTER = re.compile(r"\)\s*[:—–-]")
_DATELINE_BEFORE = re.compile(r"[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Za-z .]{2,20})?\s*\(")
_APPOSITION_BEFORE = re.compile(r",\s+(?:an?|the)\s+$")
_TRADE_NOUN_AFTER = re.compile(r"\s+(?:startup|start-up|company|firm|maker|developer|chipmaker|group|operator|utility|"
                               r"lender|insurer|miner|manufacturer|producer|supplier|provider|unit|subsidiary)\b")
