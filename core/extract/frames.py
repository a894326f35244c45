"""Deal frames: one clause that reports a deal, with its cue, type, parties, amounts and dates."""

from __future__ import annotations

import functools
import re

from core.extract import cues, roles
from core.extract.clause_parties import ASIDE, COMES_AFTER, INTRO, assign_parties
from core.extract.frame import Frame
from core.extract.dates import DateMention
from core.extract.entities import Mention
from core.extract.gazetteer import CITIES, PLACE_NAMES
from core.extract.money import MoneyMention
from core.extract.sentences import Sentence
from core.model import DealType


@functools.lru_cache(maxsize=64)
def _asides(sentence: Sentence) -> tuple[tuple[int, int], ...]:
    # Found once per sentence, not once per mention: a long sentence with many names stays linear.
    return tuple((sentence.start + m.start(), sentence.start + m.end()) for m in ASIDE.finditer(sentence.text))


def clear_caches() -> None:
    """Forget the per-text caches (clause types, asides): a benchmark that parses the same text again starts cold."""
    clause_type.cache_clear()
    _asides.cache_clear()


def _in_aside(text: str, sentence: Sentence, at: int, cue: int) -> bool:
    """Whether a position lies in a relative aside: ", which reported revenue of ... last year,"; one that tells
    when the deal just named was done ("The Series B, which Acme closed in October, ...") speaks of the deal, and
    so does one that holds the deal's cue ("X's customers include Y, which in 2025 signed a lease with it")."""
    return any(start <= at < end and not (_DEAL_BEFORE.search(text, max(0, start - 40), start)
                                          and _DONE_ASIDE.match(text, start, end) or start <= cue < end)
               for start, end in _asides(sentence))


_DEAL_BEFORE = re.compile(r"\b(?:round|series\s+[a-h]|deal|agreement|loan|facility|contract|acquisition|transaction|mou"
                          r"|memorandum|raise|financing)$", re.I)
_DONE_ASIDE = re.compile(r",\s+which\s+(?:[\w'’-]+\s+){0,4}?(?:closed|signed|completed|announced|agreed|inked|sealed)\b",
                         re.I)


def _hedged(lead: str, cue_end: int) -> bool:
    """Whether a hedge word weighs the clause: "in talks to buy", "could acquire"; a verb of purpose after the
    cue ("formed a joint venture to explore offshore blocks") tells what the deal is for, not a doubt about it."""
    return any(match.start() < cue_end or not re.search(r"\bto\s+$", lead[max(0, match.start() - 4):match.start()])
               for match in cues.HEDGES.finditer(lead))


_BUYS = re.compile(r"\b(?:acqui(?:re|res|red|ring|sitions?\s+of)|purchases?\s+of|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|sell(?:s|ing)?|sold|chang(?:e|es|ed|ing) hands"
                   r"|offload(?:s|ed|ing)?|divest(?:s|ed|ing)?|dispos(?:e|es|ed|ing)\s+of|snap(?:s|ped|ping)?\s+up|pick(?:s|ed|ing)?\s+up"
                   r"|pa(?:y|ys|id|ying)\b(?:[^.;]|\.\d){0,60}?\bfor)\b", re.I)
# "has agreed to invest": the deal itself, told through a verb of intent; not a purpose of another deal.
_AGREED_TO = re.compile(r"\b(?:agree[ds]?|agreeing|commit(?:s|ted)?|pledge[ds]?|promised?|undert(?:ake|akes|ook)|agreement|"
                        r"deal|pact|accord)\s+to\s+$", re.I)
OF_THE_ISSUE = re.compile(r"\b(?:took|takes|take|bought|buys|buy|subscribed|purchased|picked\s+up|acquired)\b[^.;]{0,60}?"
                          r"\bof\s+the\s+(?:[\w-]+\s+){0,2}?(?:issue|paper|bonds?|notes|sukuk|offering|placement)\b|\bas\s+(?:an?\s+)?"
                           r"anchor\s+investor\b"
                          # "X anchored the issue with a P3-billion subscription": the anchor buys part of it.
                          r"|\banchor(?:s|ed|ing)?\s+the\s+(?:[\w-]+\s+){0,2}?(?:issue|offering|bonds?|notes|sukuk|placement)\b",
                          re.I)
_PAYS_DOWN = re.compile(r"\b(?:reduce|reducing|repay|repaying|pay\s+down|paying\s+down|cut|cutting|lower|lowering|"
                        r"service|servicing|settle|clear|trim)\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+)?$", re.I)
_QUANTITY = re.compile(r"\b\d[\d,.]*\s*(?:million\s+|billion\s+)?(?:tonnes|tons|barrels|bbl|MW|megawatts|GW|gigawatts|MWh|"
                       r"GWh|cargoes|bcm|mtpa|kilograms|ounces|units|vehicles|aircraft|wafers)\b", re.I)
_NEW_AGREEMENT = re.compile(r"(?:agreements?|pacts?|deals?)\s+with\b", re.I)
_NEW_SHARES = re.compile(r"\b(?:new|newly issued|fresh)\s+(?:\w+\s+){0,2}shares\b|\bsubscri(?:be|bes|bed|ption)\b"
                         r"|\bcapital increase\b|\bprivate placement\b", re.I)


_MONEY_VERB = re.compile(r"\b(?:invest(?:s|ed|ing)?|channel(?:s|led|ed|ing)?|pour(?:s|ed|ing)?|inject(?:s|ed|ing)?)\s", re.I)
_AMOUNT_NEAR = re.compile(r"[$€£¥₹₩₦₱₫₺₽₪]\s?\d|\d\s?(?:bn|billion|million|mn|crore|trillion)\b", re.I)


@functools.lru_cache(maxsize=4096)
def clause_type(text: str) -> tuple[DealType | None, int, int]:
    """The strongest deal type a clause's cues name, and where its first cue stands (cached: the deals of an
    article ask it of the same sentences again)."""
    found: dict[DealType, tuple[int, int]] = {}
    lowered = text.lower()
    # A few characters change length when lower-cased ("İ"); then the offsets would drift.
    table = cues.LOWER_CUES if len(lowered) == len(text) else cues.TYPE_CUES
    subject = lowered if table is cues.LOWER_CUES else text
    for deal_type, pattern in table:
        match = pattern.search(subject)
        if match:
            found[deal_type] = (match.start(), match.end())
    if not found:
        return None, -1, -1
    # "power purchase agreement" is a contract cue that holds an acquisition cue: the longer one speaks.
    for inner, (a, b) in list(found.items()):
        if any(t != inner and c <= a and b <= d and (d - c) > (b - a) for t, (c, d) in found.items()):
            del found[inner]
    # "launched a joint venture to build and acquire ...": a verb of purpose after a cue is no cue of its own.
    # "signed an option agreement with Y to acquire a stake": a bare agreement's purpose is what it agrees to.
    first_at = min(at for at, _ in found.values())
    bare = all(t == DealType.OTHER for t, (at, _) in found.items() if at == first_at) \
        and _NEW_AGREEMENT.match(text, first_at) is not None \
        and re.search(r"\ban?\s+(?:[\w-]+\s+){0,2}$", text[max(0, first_at - 30):first_at]) is not None
    for deal_type, (at, _) in list(found.items()):
        if at > first_at and re.search(r"\bto\s+(?:\w+ly\s+)?(?:\w+\s+and\s+)?$", text[max(0, at - 20):at]) \
                and not _AGREED_TO.search(text[max(0, at - 40):at]) and not bare:
            del found[deal_type]
    # "a selection process in which five generators took part": a tender's bidders, not a round's investors.
    if DealType.FUNDING_ROUND in found and text[found[DealType.FUNDING_ROUND][0]:].lower().startswith("took part") \
            and re.search(r"\bin which\b", text[max(0, found[DealType.FUNDING_ROUND][0] - 60):found[DealType.FUNDING_ROUND][0]]):
        del found[DealType.FUNDING_ROUND]
    # "sold assets to reduce debt": debt paid down is the purpose of a deal, not a loan.
    if DealType.FINANCING in found and text[found[DealType.FINANCING][0]:].lower().startswith("debt") \
            and _PAYS_DOWN.search(text, max(0, found[DealType.FINANCING][0] - 40), found[DealType.FINANCING][0]):
        del found[DealType.FINANCING]
        if not found:
            return None, -1, -1
    # "raised ... in debt financing" is a financing; "Series B financing" is a round.
    if DealType.FUNDING_ROUND in found and DealType.FINANCING in found:
        if not re.search(r"\b(?:debt|loans?|credit|(?:euro)?bonds?|lend\w*|underwrit\w*|sukuks?|notes|facilit\w*|murabaha)\b",
                         text, re.I):
            del found[DealType.FINANCING]
    # "US$20 million was invested by X to support a separate 10-year tranche": money put into a tranche of debt.
    if DealType.INVESTMENT in found and not {DealType.FUNDING_ROUND, DealType.FINANCING, DealType.ACQUISITION} & set(found) \
            and re.search(r"\btranches?\b", lowered):
        found[DealType.FINANCING] = found.pop(DealType.INVESTMENT)
    # "X took 500 million riyals of the issue as anchor investor": who buys a bond or sukuk invests in the financing.
    if DealType.ACQUISITION in found and OF_THE_ISSUE.search(text):
        found[DealType.FINANCING] = found.pop(DealType.ACQUISITION)
    if DealType.ACQUISITION in found and DealType.INVESTMENT in found and re.search(r"\bstake\b", text, re.I):
        # Buying a stake someone holds is an acquisition; putting money in for new shares is an investment.
        if _BUYS.search(text) and not _NEW_SHARES.search(text):
            del found[DealType.INVESTMENT]
        else:
            del found[DealType.ACQUISITION]
    # "will take a 49 per cent stake in X, the data-centre arm of Y, for ₹3,400 crore": a part of what Y owns, bought.
    if DealType.INVESTMENT in found and not {DealType.ACQUISITION, DealType.FUNDING_ROUND} & set(found) \
            and _STAKE_IN_ARM.search(text) and not _NEW_SHARES.search(text):
        found[DealType.ACQUISITION] = found.pop(DealType.INVESTMENT)
    # "acquired 12 million new shares": money put into the company for shares it issues is an investment.
    if DealType.ACQUISITION in found and DealType.INVESTMENT not in found and _NEW_SHARES.search(text):
        found[DealType.INVESTMENT] = found.pop(DealType.ACQUISITION)
    # "will buy the power under a 20-year contract": a purchase of goods under a contract is the contract;
    # "an offtake agreement under which X will buy up to 180,000 tonnes a year": goods counted in their units.
    if DealType.ACQUISITION in found and DealType.CONTRACT in found \
            and (_UNDER_CONTRACT.search(text) or _QUANTITY.search(text)):
        del found[DealType.ACQUISITION]
    # A licence is a deal of its own kind ("other"), whatever partnership words come with it.
    if roles.LICENCE.search(text) and not {DealType.ACQUISITION, DealType.FINANCING, DealType.MERGER} & set(found):
        at, end = found.get(DealType.OTHER, min(found.values()))
        return DealType.OTHER, at, end
    # "a strategic partnership under which Qatar will invest €10bn in French start-ups": the money decides.
    if DealType.PARTNERSHIP in found and DealType.INVESTMENT in found \
            and (_MONEY_VERB.search(text) or _NEW_SHARES.search(text)) and _AMOUNT_NEAR.search(text):
        del found[DealType.PARTNERSHIP]
    best = next(t for t in cues.PRECEDENCE if t in found)
    first = min(span for span in found.values())
    return best, first[0], first[1]


def _cue_end_of(clause: str, deal_type: DealType, default: int) -> int:
    """Where the cue of the clause's own type ends ("signed a power purchase agreement": after "agreement")."""
    table = cues.LOWER_CUES if len(clause.lower()) == len(clause) else cues.TYPE_CUES
    pattern = next((p for t, p in table if t == deal_type), None)
    match = pattern.search(clause.lower() if table is cues.LOWER_CUES else clause) if pattern else None
    return match.end() if match else default


def build_frame(text: str, sentence: Sentence, index: int, span: tuple[int, int], mentions: list[Mention],
                amounts: list[MoneyMention], dates: list[DateMention]) -> Frame | None:
    start, end = span
    clause = text[start:end]
    # Cue words inside a name ("Mubadala Investment Company", "Foreign Direct Investment") are no cues.
    masked = clause
    for mention in mentions:
        if start <= mention.start < end and not mention.place:
            a, b = mention.start - start, min(mention.end, end) - start
            masked = masked[:a] + " " * (b - a) + masked[b:]
    # "X, which lends small businesses money, has raised $3m in a seed round": what a relative aside says the
    # company does is no cue of the clause's deal, when the rest of the clause has one.
    unaside = ASIDE.sub(lambda m: " " * len(m.group()), masked) if ", wh" in masked else masked
    deal_type, cue_at, cue_end = clause_type(unaside) if unaside != masked else (None, -1, -1)
    if deal_type is None:
        deal_type, cue_at, cue_end = clause_type(masked)
    # "Under this agreement, X will acquire ...": a cue inside the opening phrase only points back at the deal.
    # "The deal comes five months after X clinched a contract from Y": the clause after "after" tells that deal.
    intro = INTRO.match(masked) or COMES_AFTER.match(masked)
    if intro is not None and 0 <= cue_at < intro.end():
        rest_type, rest_at, rest_end = clause_type(masked[intro.end():])
        if rest_type is not None:
            deal_type, cue_at, cue_end = rest_type, rest_at + intro.end(), rest_end + intro.end()
    opens = bool(cues.DEAL_ANAPHOR.search(clause))
    in_clause = [m for m in mentions if start <= m.start < end]
    money = [a for a in amounts if start <= a.start < end and a.excluded is None
             and not (_BORROWED.search(text[max(start, a.start - 30):a.start]) and deal_type is not None
                      and deal_type not in (DealType.FINANCING, DealType.FUNDING_ROUND))
             and not _TOTAL.search(text[max(start, a.start - 60):a.start])
             and not _TOTAL_AFTER.match(text[a.end:a.end + 50])]
    if deal_type is None and not (opens and money):
        return None
    if any(pattern.match(clause) for pattern in _ABOUT_A_DEAL):
        return None
    # "X and Y were joint bookrunners on the deal": who arranged a deal already told (later.syndicate adds them).
    if deal_type == DealType.OTHER and cue_at >= 0 and cues.SYNDICATE.search(masked, 0, cue_at):
        return None
    if deal_type is None:
        deal_type, cue_at, cue_end = DealType.OTHER, 0, 0
    told = [d for d in dates if sentence.start <= d.start < sentence.end and d.kind != "horizon"
            and not _in_aside(text, sentence, d.start, start + cue_at)]
    # "Last year it financed X with a loan, and in January it signed Y": a clause with a date of its own has it.
    own = [d for d in told if start <= d.start < end]
    frame = Frame(deal_type, index, start, end, start + cue_at, start + cue_end, amounts=money,
                  dates=own if own and len(own) < len(told) else told, opens_on_deal=opens)
    # Only words up to the cue weigh it: "... a transaction that could shake up the market" hedges nothing.
    lead = clause[:max(cue_end, 0) + 30]
    frame.hedged = _hedged(lead, max(cue_end, 0)) or bool(cues.NOT_A_DEAL.search(lead)) and not money \
        or bool(cues.FUND_CLOSE.search(lead)) or bool(cues.FAILED.search(clause))
    # "signed 27 MoUs worth Rs 3,307 crore with various sectors": a tally of deals told one by one, or not at all.
    if _MARKET_SPEND.search(clause) or _SELLS_TO_CUSTOMERS.search(clause):
        frame.hedged = True
    if _TALLY.search(clause) and not [m for m in in_clause if m.start > start + cue_at and not m.location_only]:
        frame.hedged = True
    frame.deal_anaphor = opens or bool(_DEAL_MENTION.search(clause))
    frame.between = bool(_BETWEEN.search(clause, cue_at, cue_at + 60))
    # "Earlier in October 2021, X partnered with Y", "In 2018, X bought Y": an earlier deal of the same parties.
    frame.new_deal = bool(_NEW_DEAL.search(clause)) or bool(_SEPARATELY.match(clause)) or bool(_BACKGROUND.match(clause)) and any(
        d.kind == "absolute" for d in frame.dates)
    if frame.new_deal:
        frame.opens_on_deal = frame.deal_anaphor = False
    # "The original £90 million Series B was led by X": an earlier deal of the kind just told, of the same company.
    if _EARLIER_DEAL.match(clause):
        frame.new_deal = frame.deal_anaphor = True
        frame.opens_on_deal = False
    frame.raise_verb = bool(_RAISE.search(clause))
    frame.passive = roles.is_passive(clause, cue_end)
    frame.object_anaphor = bool(_OBJECT_ANAPHOR.search(clause))
    frame.licence = deal_type == DealType.OTHER and bool(roles.LICENCE.search(masked))
    type_cue_end = _cue_end_of(masked, deal_type, cue_end)
    frame.type_cue_end = start + type_cue_end
    # Verbs inside names ("Ashdown Power", "Summit Funding") tell no side: the names are masked.
    frame.side, verb_end = roles.subject_side(masked, cue_at, type_cue_end, deal_type)
    frame.verb_end = start + verb_end if verb_end >= 0 else -1
    series = _SERIES.search(clause)
    frame.series = series.group(1) if series else None
    assign_parties(text, frame, in_clause)
    # "2. Nilgiri Data Parks will invest ...", "• Senegal — ...": each item of a numbered or bulleted list that
    # names its own actor is a deal of its own, however like the one before.
    if start == sentence.start and frame.subjects and (
            _LIST_ITEM.match(text, sentence.start) or _LIST_BEFORE.search(text, max(0, sentence.start - 8), sentence.start)):
        frame.new_deal = True
        frame.opens_on_deal = frame.deal_anaphor = False
    # "A signed an MoU for a plant, while B will invest ₹7,200 crore in its factory": a second report set against
    # the first, with its own actor, is a deal of its own.
    if frame.subjects and _WHILE_BEFORE.search(text, max(sentence.start, start - 12), start) \
            and not OF_THE_ISSUE.search(clause) and not _DEAL_MENTION.search(clause):
        frame.new_deal = True
        frame.opens_on_deal = frame.deal_anaphor = False
    # "X, founded in 2020, supplies pond sensors and an app": what a company does, when it names no customer.
    # "Corvanne has grown partly through acquisitions": deals in general, none in particular.
    if masked[cue_at:cue_end].lower() in ("acquisitions", "mergers", "investments", "partnerships") and not frame.objects:
        frame.hedged = True
    # "imports LNG mostly from Qatar and Australia under contracts signed in the last decade": contracts in general.
    if masked[cue_at:cue_end].lower() == "contracts" and re.search(r"\b(?:under|through|via)\s+$", masked[:cue_at]):
        frame.hedged = True
    # "The company sells its output to the national grid": what it does for a living, no deal.
    if deal_type == DealType.CONTRACT and not frame.objects \
            and masked[cue_at:cue_end].lower().split(" ")[0] in ("supplies", "sells", "provides", "delivers"):
        frame.hedged = True
    # "The UAE has invested $40 billion in the clean energy sector": money spent on a sector names no counterparty.
    if deal_type == DealType.INVESTMENT and not frame.objects and (_SECTOR_SPEND.search(clause) or _spends_in_place(clause)):
        frame.hedged = True
    for match in cues.PARTY_ANAPHOR.finditer(clause[:max(cue_at, 0)] or clause[:1]):
        # "Its largest round was ...": only when the cue is the deal's own noun ("Its chief investment officer" is not).
        if match.group("poss") and not _OWN_DEAL_NOUN.match(masked, cue_at):
            continue
        owner = match.group("poss") or ""
        frame.anaphors.append((match.group("noun") or match.group("pron")
                               or ("we" if owner.lower() == "our" else "it" if owner else "")).lower())
    return frame


_OWN_DEAL_NOUN = re.compile(r"(?:round|raise|series\s+[a-h]|funding|loan|facility|financing|acquisition|investment|"
                            r"contract|order|bond|placement)\b(?!\s+(?:officers?|directors?|managers?|chiefs?|heads?|arms?|"
                            r"units?|teams?|committees?|banks?|bankers?|banking|firms?|strateg(?:y|ies)|plans?|programmes?|"
                            r"programs?|budgets?|grade|book|pipeline|backlog))", re.I)


# Flags of a clause, each read once per clause.
_DEAL_MENTION = re.compile(
    r"\b(?:the|this)\s+(?:[\w:.%/-]+\s+){0,3}(?:deal|transaction|financing package|package|funding|fund|venture|round|"
    r"agreement|memorandum|mou|offering|financing|loan|facility|acquisition|contract|investment)\b"
    # "the technology investment arm of the Authority": a body named by its trade, not the deal.
    r"(?!\s+(?:arm|unit|vehicle|subsidiary|division)\s+of\b)",
    re.I)
_BETWEEN = re.compile(r"\bbetween\b", re.I)
_NEW_DEAL = re.compile(
    # "..., making it one of the largest investments in Vietnam": a ranking of the deal just told, not another.
    r"\b(?:second|third|fourth|fifth|another|separate|largest|biggest|second-largest|third-largest)\b"
    r"(?<!one of the largest)(?<!one of the biggest)(?<!one of the second-largest)(?<!one of the third-largest)"
    r"(?:\s+\S+){0,3}?\s+(?:mou|deal|agreement|investment|pact|contract|commitment|acquisition)"
    # "The deal comes five months after X clinched a contract from Y": the earlier deal, told for comparison.
    r"|\b(?:comes|came|follows|followed)\s+(?:[\w-]+\s+){0,3}?(?:after|on the heels of)\b", re.I)
_RAISE = re.compile(r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|bag(?:s|ged)?|land(?:s|ed)|"
                    r"clos(?:e|es|ed) (?:a|its|the)|obtain(?:s|ed)?|receiv(?:e|es|ed)|locking up|"
                    r"locks? up|won|wins|priced|prices|issued|issues|sold)\b"
                    # "WayCool announced debt financing of $5.5 million": a company telling of its own raise.
                    r"|\bannounc(?:e|es|ed|ing)\s+(?:(?:a|an|its|new|fresh)\s+)?(?:[\w-]+\s+){0,2}?"
                    r"(?:financing|funding|round)\s+of\b", re.I)
# ("signed the MoU on behalf of the company": the signer's own firm, no counterparty.)
_OBJECT_ANAPHOR = re.compile(r"\b(?<!behalf )(?:to|for|with|from|in|into|of)\s+the\s+(?:company|firm|startup|group|developer)\b", re.I)
# "Separately, X signed ...": the story turns to another deal.
_SEPARATELY = re.compile(r"\W*(?:separately|in a separate (?:deal|announcement|move)|elsewhere|in other news)\b", re.I)
_UNDER_CONTRACT = re.compile(r"\bunder\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:contract|agreement|deal|PPA)\b", re.I)
_STAKE_IN_ARM = re.compile(r"\b(?:take|takes|took|taking|pick\s+up|picks\s+up|picked\s+up)\s+(?:an?\s+)?[\d.]+\s?(?:%|per\s?cent|percent)"
                           r"\s+(?:stake|interest)\s+in\s+[^,;]{1,60},\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}"
                           r"(?:arm|unit|subsidiary|division)\s+of\b", re.I)
# "The original Series B", or "Its $38 million Series A in 2024 was led by X": the company's own earlier round.
_EARLIER_DEAL = re.compile(r"\W*(?:(?:the|its|their)\s+(?:original|earlier|previous|prior|initial)\s+(?:[\w£$€¥₹.,-]+\s+){0,3}?"
                           r"(?:round|series\s+[a-h]|raise|loan|facility|financing|funding)\b"
                           r"|(?:its|their)\s+(?:[\w£$€¥₹.,-]+\s+){0,3}?(?:round|series\s+[a-h]|raise|loan|facility)\s+"
                           r"(?:in|of)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b)", re.I)
_WHILE_BEFORE = re.compile(r",?\s+(?:while|whereas)\s+$", re.I)
_BACKGROUND = re.compile(r"\W*(?:earlier|previously|back)\b|\W*in\s+(?:early\s+|late\s+|mid-?)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b",
                         re.I)
_SECTOR_SPEND = re.compile(r"\binvest(?:ed|s|ing)?\b[^.;]{0,80}?\bin\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,4}?"
                           r"(?:sector|industry|market|economy|energy projects)\b", re.I)
# "approval to borrow 325 million euros to cover the costs": money raised for a deal is not its price.
_BORROWED = re.compile(r"\b(?:to\s+borrow|to\s+raise|borrowing|a\s+loan\s+of)\s+(?:up\s+to\s+|about\s+|around\s+)?$", re.I)
_IN_PLACE = re.compile(r"\binvest(?:ed|s|ing)?\b[^.;]{0,60}?\bin\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")


def _spends_in_place(clause: str) -> bool:
    """'plans to invest US$15bn-20bn in Asia': money for a region names no counterparty."""
    found = _IN_PLACE.search(clause)
    if found is None:
        return False
    return found.group(1) in PLACE_NAMES or found.group(1) in CITIES


_TALLY = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several|multiple|various"
                    # "signed a package of intergovernmental and commercial documents": the list told one by one.
                    r"|(?:a|the)\s+(?:package|raft|slew|series|host|set|batch|string)\s+of)\s+"
                    r"(?:[\w-]+\s+){0,3}?(?:mous|memorand(?:a|ums)|agreements|deals|contracts|pacts|documents|accords)\b",
                    re.I)
# "Drugmakers have spent $60 billion on biotech acquisitions so far this year": a market's sum, not one deal.
_MARKET_SPEND = re.compile(r"\b(?:spent|spend(?:s|ing)?|invested|poured|splashed)\b[^.;]{0,80}?\b(?:on|in|into)\s+"
                           r"(?:[\w-]+\s+){0,3}?(?:acquisitions|deals|takeovers|purchases|mergers|transactions|buyouts)\b"
                           # "X plans to spend about RM9bil over the next five years on expansion": a plan of its own.
                           r"|\b(?:plans?|planning|intends?|expects?|aims?)\s+to\s+(?:spend|invest)\b[^.;]{0,60}?\bover\s+the\s+"
                           r"(?:next|coming)\s+(?:\w+\s+)?(?:years?|months?|decade)\b"
                           # "The bank lent a record R$14.6 billion in 2026": a year's lending, not one loan.
                           r"|\b(?:lent|loaned|invested|disbursed|deployed|committed|raised)\s+(?:a\s+record|an?\s+all-time\s+high\s+of)\b"
                           r"|\b(?:lent|loaned|disbursed)\s+(?:about\s+|around\s+|some\s+|more\s+than\s+)?\S{1,20}\s+(?:million|billion|"
                           r"bn|mn|m|crore|trillion)?\s*(?:in|during|over|last)\s+(?:(?:the\s+)?(?:last|past)\s+)?(?:year|20\d\d|\d+\s+years)\b",
                           re.I)
# "Pelita ... sells computing time to banks and telecom operators": what a business does, not a deal.
_SELLS_TO_CUSTOMERS = re.compile(r"\bsell(?:s|ing)?\s+(?:[a-z][\w-]*\s+){1,4}to\s+(?:[a-z][\w-]*\s+){0,2}?(?:banks|customers|"
                                 r"clients|operators|companies|businesses|consumers|retailers|utilities|agencies|"
                                 r"governments|hospitals|schools|buyers|users|carmakers|automakers|airlines)\b")
_SERIES = re.compile(r"\bSeries ([A-H])\b")

# "brings its total funding to $112 million": a running total, not this deal's amount.
_TOTAL = re.compile(r"\b(?:brings|bringing|brought|takes|taking|took|lifts|lifting)\b[^.;]{0,40}\btotal\b[^.;]{0,30}$"
                    r"|\btotal (?:raised|funding|investment) (?:to date|so far)\b[^.;]{0,20}$"
                    # "signed MoUs with three companies for investments worth Rs 12,000 crore": the sum of them all.
                    r"|\bwith\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(?:\w+\s+)?(?:companies|firms|"
                    r"investors|entities|groups|businesses|parties)\b[^.;]{0,50}$", re.I)
_TOTAL_OPENING = re.compile(r"\W*(?:it|this|that)\s+(?:brings|brought|takes|took|lifts|lifted|pushes|pushed)\s+"
                            r"(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?total\b", re.I)
_REACTION = re.compile(r"[^,;]{0,80}?\b(?:(?:welcom|prais|hail|criticis|criticiz|applaud|oppos|question|condemn|laud)"
                       r"(?:ed|es|e|s)"
                       # "Lawmakers had urged the department to block the deal": a review of it, by no party of it.
                       r"|(?:urged|asked|called\s+on)\s+(?:the\s+)?[\w\s-]{0,40}?\bto\s+(?:block|reject|veto|review|scrap|halt))\s+"
                       r"(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:deal|award|grant|agreement|investment|acquisition|"
                       r"contract|loan|decision|move|announcement|takeover|merger|transaction)s?\b", re.I)
# "The transaction needs the approval of the Economic Planning Unit": who must approve a deal is no party of it.
_NEEDS_APPROVAL = re.compile(r"[^,;]{0,60}?\b(?:needs?|requires?|awaits?|(?:is|remains)\s+subject\s+to)\s+(?:the\s+)?"
                             r"(?:approvals?|clearance|consent|sign-?off|nod)\b", re.I)
# "The agreement comes within the framework of the distinguished relations between the State of Qatar and the
# Kingdom of Morocco": state media's setting of a deal, whose nations sign nothing there.
_FRAMEWORK_OF = re.compile(r"[^,;]{0,60}?\b(?:comes?|came|falls?|fell)\s+(?:within|as\s+part\s+of|in\s+line\s+with)\s+"
                           r"(?:the\s+)?(?:framework|context|efforts?|directives?|vision)\b"
                           r"|[^;]{0,80}?\b(?:bilateral|fraternal|brotherly|historic|distinguished|friendly)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:relations|ties)\s+between\b", re.I)
# "Analyst X of Y Research said the grant was modest": an outsider's view of the deal, by no party of it.
_ANALYST_JUDGES = re.compile(r"[^;]{0,60}?\b(?:[Aa]nalysts?|[Ee]conomists?|[Ss]trategists?)\b[^;]{0,80}?\b(?:said|says)\s+"
                             r"(?:that\s+)?(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:deal|grant|loan|award|contract|acquisition|"
                             r"investment|purchase|sale|round|agreement)\s+(?:was|is|were|are|would|will|could|looked|"
                             r"seemed|appeared)\b")
_JUDGES_DEAL = re.compile(r"[^;]{0,120}?\b(?:said|says|added|noted|stated)\b(?:\s+(?:in|on|at)\s+[^,;]{0,40}?)?\s+(?:that\s+)?"
                         r"(?=(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:deal|transaction|sale|agreement|acquisition|investment|"
                         r"purchase|award|contract|grant|loan)\s+(?:(?:was|is|were|are)\s+(?:consistent|in\s+line|aligned|a\s+vote|"
                         r"good|positive|important|significant|welcome|proof|evidence)|marks?|marked|represents?|reflects?|"
                         r"fits?|fitted|underlines?|underscores?|signals?|showed|shows?|(?:would|will)\s+(?:help|boost|"
                         r"strengthen|support))\b)", re.I)
# Clauses that speak about a deal without telling one, so name no party of it: "It brings the total raised in the
# round to £138 million" (a sum of the deals told), "Industry body X welcomed the award" (a reaction), "The ministry
# said the deal was consistent with its targets" (a judgement), and the approvals, analysts' views and state
# media's settings above.
_ABOUT_A_DEAL = (_TOTAL_OPENING, _REACTION, _JUDGES_DEAL, _NEEDS_APPROVAL, _ANALYST_JUDGES, _FRAMEWORK_OF)
_TOTAL_AFTER = re.compile(r"\s*(?:in total|to date|so far|in all|since (?:its|their) (?:founding|inception|launch|creation)"
                          # "capacity additions worth over Rs 1 lakh crore in the past two years": a market's sum.
                          r"|(?:in|over|during) the (?:past|last) (?:\w+ )?(?:years?|months?|decades?))\b",
                          re.I)
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[•▪►·*–—-])\s+")
# The splitter takes "2." for a sentence of its own: the item then begins right after it, on its line.
_LIST_BEFORE = re.compile(r"(?:^|\n)\s*\d{1,2}[.)]\s*$")
