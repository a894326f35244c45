"""How a finished deal is described: roles from sides, a headline-style title, status, sectors, commitments."""

from __future__ import annotations

import re

from core.extract import cues
from core.model import Amount, Commitment, DealType, Party, Status

# Verbs of the side that puts money in: "Veldt Bank led the financing", "X joined the round".
BACKING = re.compile(r"\b(?:led|leads|joined|join|provided|provides|provide|invested|invests|will invest|lent|lends|lend|"
                      r"extend(?:s|ed)?|underwrote|underwrite|arrange[ds]?|backed|participated|contributed|injected|took part|put in)\b", re.I)

# Types a later clause may turn a deal into.
UPGRADES = frozenset({DealType.MOU, DealType.JOINT_VENTURE})

def _names(parties: list[Party], most: int = 3) -> str:
    names = [p.name for p in parties]
    if len(names) > most:
        return ", ".join(names[:2]) + " and others"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# A deal named as a proper noun: "the Nordic Battery Alliance", "a joint venture called Helio Grid", "dubbed X".
# Each name word is bounded, and so is their number, so the patterns stay linear.
_NAME_WORD = r"(?:[A-Z][\w&'’.-]{0,30}|of|for|and|the|&)"
_DEAL_NOUNS = r"(?:Partnership|Alliance|Coalition|Consortium|Compact|Pact|Accord|Initiative|Joint Venture)"
_NAMED_HEAD = re.compile(r"\bthe\s{1,3}(?P<name>[A-Z][\w&'’.-]{0,30}(?:\s{1,3}" + _NAME_WORD + r"){0,6}?\s{1,3}" + _DEAL_NOUNS
                         + r")(?![\w-])")
_NAMED_CALLED = re.compile(r"\b(?:venture|partnership|alliance|consortium|coalition|company|vehicle|platform|"
                           r"fund|entity|firm)\s{1,3}(?:called|named|dubbed|known as|branded)\s{1,3}(?:the\s{1,3})?"
                           r"(?P<name>[A-Z][\w&'’.-]{0,30}(?:\s{1,3}" + _NAME_WORD + r"){0,6})")
_NAME_TAIL = frozenset({"of", "for", "and", "the", "&"})


def name_of(clause: str) -> str | None:
    """The proper name a clause gives its deal, if it gives one."""
    for pattern in (_NAMED_HEAD, _NAMED_CALLED):
        found = pattern.search(clause)
        if found:
            words = found.group("name").split()
            while words and words[-1] in _NAME_TAIL:  # "called Helio Grid and" ends at the name
                words.pop()
            if words:
                return " ".join(words).rstrip(".")
    return None


def title_of(deal_type: DealType, parties: tuple[Party, ...], amounts: tuple[Amount, ...],
             name: str | None = None) -> str:
    """A short headline of our own: who did what, for how much; a deal with a name of its own goes by it."""
    by_role: dict[str, list[Party]] = {}
    for party in parties:
        by_role.setdefault(party.role, []).append(party)
    money = f" {amounts[0].text}" if amounts else ""
    everyone = _names(list(parties))

    def first(*roles: str) -> list[Party]:
        for role in roles:
            if by_role.get(role):
                return by_role[role]
        return []

    if deal_type == DealType.ACQUISITION and first("acquirer") and first("target"):
        return f"{_names(first('acquirer'))} to acquire {_names(first('target'))}" + (f" for{money}" if money else "")
    if deal_type == DealType.FUNDING_ROUND and first("recipient"):
        lead = first("investor")
        return f"{_names(first('recipient'))} raises{money or ' funding'}" + (f" from {_names(lead)}" if lead else "")
    if deal_type == DealType.FINANCING and first("borrower"):
        lenders = first("lender")
        return f"{_names(first('borrower'))} secures{money} financing" + (f" from {_names(lenders)}" if lenders else "")
    if deal_type == DealType.INVESTMENT and first("investor") and first("recipient", "vehicle", "partner"):
        return f"{_names(first('investor'))} to invest{money} in {_names(first('recipient', 'vehicle', 'partner'))}"
    if first("seller") and first("buyer"):
        stake = "stake" if deal_type == DealType.INVESTMENT else "assets"
        return f"{_names(first('seller'))} sells {stake} to {_names(first('buyer'))}" + (f" for{money}" if money else "")
    if deal_type == DealType.CONTRACT and first("customer") and first("supplier"):
        return f"{_names(first('customer'))} awards{money} contract to {_names(first('supplier'))}"
    if name:
        others = [p for p in parties if p.name != name] or list(parties)
        # "the Nordic Battery Alliance" says what it is; "a joint venture called Helio Grid" needs the word.
        if re.search(_DEAL_NOUNS + r"$", name):
            return f"{name} of {_names(others, most=5)}"
        kind = "joint venture" if deal_type == DealType.JOINT_VENTURE else deal_type.value.replace("_", " ")
        return f"{name}, {kind if deal_type != DealType.OTHER else 'venture'} of {_names(others, most=5)}"
    label = {
        DealType.MOU: "sign MoU", DealType.INVESTMENT: "investment", DealType.ACQUISITION: "acquisition",
        DealType.MERGER: "merger", DealType.JOINT_VENTURE: "joint venture", DealType.PARTNERSHIP: "partnership",
        DealType.FUNDING_ROUND: "funding round", DealType.FINANCING: "financing", DealType.CONTRACT: "contract",
        DealType.GRANT: "grant", DealType.OTHER: "deal",
    }[deal_type]
    return f"{everyone} {label}" + (f" ({amounts[0].text})" if amounts else "")


def status_of(text: str, deal_type: DealType) -> Status:
    if re.search(r"\b(?:completed|closed|closes|finali[sz]ed)\b", text, re.I):
        return Status.COMPLETED
    if re.search(r"\b(?:reportedly|rumou?red|people familiar|sources said|according to people|in talks)\b", text, re.I):
        return Status.RUMOURED
    if deal_type == DealType.MOU:
        return Status.MOU
    if re.search(r"\b(?:signed|inked|sealed)\b", text, re.I):
        return Status.SIGNED
    return Status.ANNOUNCED


def sectors_of(text: str) -> tuple[str, ...]:
    found = [name for name, pattern in cues.SECTOR_CUES if pattern.search(text)]
    if "AI infrastructure" in found and "artificial intelligence" in found:
        found.remove("artificial intelligence")
    return tuple(found)


# Words after which a clause says what the parties will do: "plans to", "agreed to", "a coalition designed to".
_PROMISE = re.compile(r"\b(?:plans?|planned|commit(?:s|ted)?|agreed|pledged?|pledges|aims?|aimed|intends?|intended|"
                      r"designed|seeks?|set up|expects?)\s{1,3}to\s{1,3}(?=(?:jointly\s)?[a-z])|"
                      r"\bwill\s{1,3}(?:jointly\s{1,3})?(?=(?!be\b|have\b|also\b|not\b|help\b|give\b|see\b|allow\b)[a-z]{3,}\s)")
# Where a promised phrase ends: a full stop, a semicolon, a comma before a new thought, a closing bracket of
# its own, or a relative clause about something else.
_PHRASE_END = re.compile(r"[.;!?](?=\s|$)|[.;!?]$|,\s(?!\s{0,3}(?:and|or)\b)|\s(?:which|while|whereas|who)\s|[“”\"]")
_HORIZON = re.compile(r"\b(?:over the next \w{1,12} years|by \d{4}|in \d{1,3} years|within \w{1,12} years)\b")
# Words a phrase cut short must not end on.
_DANGLING = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from",
                       "through", "called", "named", "into", "its", "their", "as", "that"})


def commitments_of(text: str, most: int = 4, longest: int = 160) -> tuple[Commitment, ...]:
    """What the parties promise to do, each a phrase of whole words from the text."""
    out: list[Commitment] = []
    for match in _PROMISE.finditer(text):
        rest = text[match.end():match.end() + longest + 40]
        end = _PHRASE_END.search(rest)
        phrase = rest[:end.start()] if end else rest
        if len(phrase) > longest:
            # Too long to quote whole: cut at the last space, never inside a word.
            phrase = phrase[:longest + 1].rsplit(None, 1)[0]
        words = phrase.split()
        while words and words[-1].lower().strip("(,") in _DANGLING:
            words.pop()
        phrase = " ".join(words).rstrip(" ,(")
        if len(phrase) < 12 or " " not in phrase or any(c.text == phrase for c in out):
            continue
        horizon = _HORIZON.search(phrase)
        out.append(Commitment(phrase, horizon.group() if horizon else None))
        if len(out) >= most:
            break
    return tuple(out)
