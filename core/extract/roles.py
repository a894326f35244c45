"""Who did what in a deal: the side of each party read from the verb's direction, the voice and the preposition.

Every deal moves money one way: an investor, lender, grantor, customer or acquirer pays (the *giver*), a
recipient, borrower, supplier or seller is paid (the *receiver*); an acquisition also has a *target*, and
agreements of equals have partners on one side (*co*). A clause says which side its subject is on through
its verb ("secured a loan from X": the subject receives; "X lent to Y": the subject gives; "Y agreed to be
bought by X": the subject is the target), never through the order of the names; the role words are chosen
only when the deal's final type is known.
"""

from __future__ import annotations

import re

from core.model import DealType, PartyKind

GIVER, RECEIVER, TARGET, CO = "giver", "receiver", "target", "co"
THING = "thing"  # a passive clause whose subject is the deal itself: "the contract was awarded to X"

# Deal types whose money moves from investors, lenders or grantors to a recipient.
_MONEY_TYPES = frozenset({DealType.FUNDING_ROUND, DealType.FINANCING, DealType.INVESTMENT, DealType.GRANT})

# Verbs whose subject takes the money: "secured a loan", "won a contract", "raised $5m", "bagged an order".
_BRING_IN = r"(?:rop(?:e|es|ed|ing)|br(?:ing|ings|ought|inging))\s+in"
_RECEIVING = (r"secur(?:e|es|ed|ing)(?!\s+(?:credit|loans?|notes|debt|bonds?|facilit|term|lending|overnight|funding))|obtain(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|won|wins?|winning|bag(?:s|ged)?"
              r"|land(?:s|ed)?|rais(?:e|es|ed|ing)|gets?|got|clinch(?:es|ed)?|attract(?:s|ed)?|borrow(?:s|ed|ing)?"
              r"|draws?|drew|tak(?:e|es|ing) out|took out|clos(?:e|es|ed|ing)|nets?|netted|pulls? in|pulled in"
              r"|snag(?:s|ged)?|lock(?:s|ed|ing)? up|scoop(?:s|ed)?|getting|seal(?:s|ed)? (?:a|an|its)"
              # "It roped in X as a new investor": the company brings the backer in.
              r"|" + _BRING_IN)
# Verbs whose subject pays, lends or grants: "provided a loan to", "led the round", "awarded a grant".
_GIVING = (r"provid(?:e|es|ed|ing)|extend(?:s|ed|ing)?|grant(?:s|ed|ing)?|award(?:s|ed|ing)?|lends?|lent"
           r"|invest(?:s|ed|ing)?|financ(?:e|es|ed)(?!\s+(?:loans?|facilit(?:y|ies)|deals?|package|lease|house|firm|ministry|minister|chief|costs?)\b)|funds?|funded|back(?:s|ed|ing)?|arrang(?:e|es|ed|ing)"
           r"|underw(?:rite|rites|rote|ritten|riting)|led|leads?|leading|co-led|co-leads?|sanction(?:s|ed)?"
           r"|disburs(?:e|es|ed|ing)|approv(?:e|es|ed|ing)|commit(?:s|ted|ting)?|inject(?:s|ed|ing)?"
           r"|pledg(?:e|es|ed|ing)|offer(?:s|ed|ing)?|subscrib(?:e|es|ed|ing)|participat(?:e|es|ed|ing)"
           r"|join(?:s|ed|ing)?|took part|pour(?:s|ed|ing)?|put(?:s|ting)?|anchor(?:s|ed|ing)?|sign(?:s|ed|ing)? (?:off )?on"
           r"|channel(?:s|led|ed|ling|ing)?|deploy(?:s|ed|ing)?|spend(?:s|ing)?|spent|available\s+to"
           r"|to (?:give|lend|fund|finance|provide|invest)")
# A customer's verbs: it gives a contract or an order to a supplier.
_ORDERING = (r"award(?:s|ed|ing)?|hand(?:s|ed|ing)?(?!\s+over)|select(?:s|ed|ing)?|pick(?:s|ed|ing)?(?!\s+up)|chose|choos(?:e|es|ing)|tap(?:s|ped|ping)?"
             r"|hir(?:e|es|ed|ing)|appoint(?:s|ed|ing)?|commission(?:s|ed|ing)?|order(?:s|ed|ing)?|engag(?:e|es|ed|ing)"
             r"|contract(?:s|ed|ing)? with|sign(?:s|ed|ing)? up|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)"
             r"|plac(?:e|es|ed|ing)")
# A supplier's verbs: it is paid to deliver.
_SUPPLYING = (r"suppl(?:y|ies|ied|ying)(?!\s+(?:agreement|deal|contract|chain|pact|accord|order))|deliver(?:s|ed|ing)?|build(?:s|ing)?|built|provid(?:e|es|ed|ing)|install(?:s|ed|ing)?"
              r"|manufactur(?:e|es|ed|ing)|construct(?:s|ed|ing)?|operat(?:e|es|ed|ing)|develop(?:s|ed|ing)?"
              # "to buy power from X": after a verb of buying, "power" is what is bought.
              r"|sell(?:s|ing)?|sold|(?<!buy )(?<!buys )(?<!bought )(?<!purchase )(?<!renewable )(?<!clean )(?<!green )(?<!solar )(?<!wind )(?<!the )(?<!-voltage )power(?:s|ed|ing)?(?!\s+(?:transformers?|plants?|stations?|grids?|lines?|equipment|systems?|"
              r"modules?|semiconductors?|chips?|electronics|generation|units?|cables?|sector|market|capacity|demand|"
              r"prices?|projects?|producers?|compan(?:y|ies)|firms?|utilit(?:y|ies))\b)|serv(?:e|es|ed|ing)")
_BUYING = (r"acqui(?:re|res|red|ring)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|pa(?:y|ys|id|ying)|tak(?:e|es|ing) over|took over"
           r"|snap(?:s|ped)? up|pick(?:s|ed|ing)? up|(?:take|takes|took|taking|taken) control of|tak(?:e|es|ing) (?:a|an|the)\b|took (?:a|an|the)\b|to take|swallow(?:s|ed)?")
_SELLING = r"sell(?:s|ing)?|sold|sale of|divest(?:s|ed|ing|ment)?|disposal of|offload(?:s|ed|ing)?|dispos(?:e|es|ed|ing) of|spin(?:s|ning)? off|spun off|hand(?:s|ed)? over"
# The patient as subject: "was awarded", "agreed to be bought by", "has been selected".
_WITH_FROM = re.compile(r"[^.;]{0,80}?\bwith\s+(?:an?|the|its)\s+[^.;]{0,60}?\bfrom\b")
_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|be|been|being|get|gets|got)\s+(?:\w+\s+){0,2}?(?:awarded|granted|given|selected|chosen|picked|"
    r"tapped|hired|appointed|commissioned|backed|funded|financed|acquired|bought|purchased|taken over|taken private|sold|lent|ordered|"
    r"offered|extended|approved|sanctioned|provided|arranged|underwritten)\b", re.I)
# "X agreed to a A$3.6 billion takeover", "backed a buyout": the subject is what is bought.
_AGREED_TAKEOVER = re.compile(r"\b(?:agree[ds]?|agreeing|accept(?:s|ed)?|back(?:s|ed)|recommend(?:s|ed)?)\s+(?:to\s+)?"
                              r"(?:a|an|the)\s+(?:\S+\s+){0,6}?(?:takeover|buyout|acquisition)\b(?!\s+of\b)", re.I)
# "agreed to a takeover by X", "the acquisition of Y by X": a buyer named after "by" in a nominal clause.
_NOMINAL_BY = re.compile(r"\b(?:takeover|acquisition|purchase|buyout|bid)\s+(?:\w+\s+){0,3}?by\b", re.I)

# A borrower or a company raising money chooses its backers: "Meta picked two firms to lead the debt".
_SEEKING_RE = re.compile(r"\b(?:seek(?:s|ing)?|sought|pick(?:s|ed)?(?!\s+up)|select(?:s|ed)?|tap(?:s|ped)?|mandat(?:e|es|ed)"
                         r"|hir(?:e|es|ed)|appoint(?:s|ed)?|turn(?:s|ed)? to)\b", re.I)
_RECEIVING_RE = re.compile(rf"\b(?:{_RECEIVING})\b", re.I)
# Any verb of a deal, for telling "to" before a verb from "to" before a name.
_ANY_VERB = re.compile(rf"\b(?:{_BUYING}|{_SELLING}|{_GIVING}|{_RECEIVING}|{_ORDERING}|{_SUPPLYING})\b", re.I)
_GIVING_RE = re.compile(rf"\b(?:{_GIVING})\b", re.I)
_ORDERING_RE = re.compile(rf"\b(?:{_ORDERING})\b", re.I)
_SUPPLYING_RE = re.compile(rf"\b(?:{_SUPPLYING})\b", re.I)
_BUYING_RE = re.compile(rf"\b(?:{_BUYING})\b", re.I)
_SELLING_RE = re.compile(rf"\b(?:{_SELLING})\b", re.I)

# Words before an object that put it on the subject's own side: "together with X", "alongside X".
_CO_BEFORE = re.compile(r"\b(?:alongside|together with|joined by|along with|co-invest(?:s|ed|ing)?\s+with)\s+(?:(?:the|its|existing|new|fellow|other)\s+)?"
                        r"(?:[a-z][\w-]*\s+){0,2}$")
_PART_OF = re.compile(r"\b(?:business|businesses|unit|units|division|assets?|operations?|arm|subsidiary|portfolio|"
                      r"plants?|towers?|properties)\s+of\s+(?:[\w.&'’-]+\s+){0,5}$", re.I)
# "all shares of X", "a 20% stake of X": X is the company whose shares are bought, not their seller.
_SHARES_OF = re.compile(r"\b(?:stake|interest|shares?|holding|equity)\s+of\s+(?:(?!(?:from|to|by|for)\s)[\w.&'’-]+\s+){0,3}$", re.I)
# "with Corrigan Trust and Osprey Capital joining as lenders": co-backers named after the lead.
_JOINING_AFTER = re.compile(r"(?:\s*,?\s+(?:and|&)\s+[A-Z][\w&.'’-]{0,30}(?:\s[A-Z&][\w&.'’-]{0,30}){0,4}){0,3}\s*,?\s+"
                            r"(?:also\s+)?(?:joining|joined|participating|participated|taking part|took part|"
                            r"as\s+(?:co-?)?(?:lenders?|investors?|arrangers?|backers?|financiers?))\b")
_PARTICIPATION = re.compile(r"\b(?:participation|investment|backing|money|funds?)\s+(?:from|of|by)\s+(?:(?:the|its|existing|new)\s+)?"
                            r"(?:[a-z][\w-]*\s+){0,3}$")
# A name listed after another object stands where that one stands: "from KKR and Apollo", "A, B as well as C".
# "X and China's Y", "X and Tokyo-based Y": a place's possessive or a modifier before the next name of a list.
_LISTED = re.compile(r"^(?:\s*,\s*|\s*,?\s+(?:and|&|as well as|plus|or)\s+)(?:(?:the|its)\s+)?"
                     r"(?:[A-Z][\w.-]{0,20}['’]s\s+|[\w-]{1,25}-(?:based|owned|listed|headquartered)\s+)?$")
# The last preposition before a name, over at most four small words: "in loans from the state-owned X".
# The filler between the preposition and the name describes it: "to private equity firm X", "to Canada's X",
# "from Tokyo-based X", "to U.S. chipmaker X".
_PREPOSITION = re.compile(r"\b(from|by|to|in|into|for|with|of)\s+(?:(?:the|its|a|an)\s+)?"
                          r"(?:(?!(?:from|by|to|in|into|for|with|of)\s)(?:[a-z][\w-]*|[A-Z][\w.&-]{0,20}['’]s"
                          r"|[A-Z][\w.&-]{0,20}-based|U\.S\.|U\.K\.|[A-Z][a-z]{2,20}(?:ish|ian|an|ese|i|ch))\s+){0,4}$")

# Names that lend: "X Bank", "Banco Y", "Z Capital Finance", development lenders.
_LENDER_NAME = re.compile(r"\b(?:Bank|Banking|Banque|Banco|Banca|Bancorp|Bankinter|Finance|Financial|Credit|Crédit|Kredit|Lending"
                          r"|Securities|Capital Markets|Export|Exim|EXIM|Afreximbank|Leasing)\b|bank\b|^[A-Z]*DB$|^[A-Z]*IB$"
                          r"|^IFC$"
                          # The world's systemically important banks, whose names do not say "bank" (FSB list).
                          r"|\b(?:JPMorgan|J\.P\. Morgan|Goldman Sachs|Morgan Stanley|Citigroup|Citi|Wells Fargo|BNP Paribas"
                          r"|Soci[eé]t[eé] G[eé]n[eé]rale|HSBC|Barclays|UBS|Santander|ING|Natixis|Groupe BPCE|BPCE|Mizuho|MUFG"
                          r"|SMBC|Sumitomo Mitsui|Nomura|Standard Chartered|DBS|OCBC|UOB|Macquarie|Rabobank|Nordea|Intesa"
                          r"|UniCredit|Commerzbank|Scotiabank|BMO|RBC|TD Securities|CIBC|Jefferies|Lazard|ICBC|BBVA|Maybank"
                          r"|CIMB|Emirates NBD|Mashreq|QNB|Riyad|Alinma|Al Rajhi)\b")


def is_passive(clause: str, cue_end: int) -> bool:
    """Whether the clause up to just past its cue is in the passive: "was awarded", "agreed to be bought by"."""
    return bool(_PASSIVE.search(clause[:max(cue_end, 0) + 25]))


# A determiner or a sum before a word makes it a noun: "a grant", "the award", "a $20 million grant".
_DETERMINED = re.compile(r"\b(?:a|an|the|its|their|this|that|new|fresh|first|second)\s+(?:[\w$€£¥₹₩₦₱₫₺₽₪.,-]+\s+){0,3}$"
                         # "a 2.4 billion lira investment incentive grant": a sum and its currency before the noun.
                         r"|\b(?:a|an|the|its)\s+[$€£¥₹₩₦₱₫₺₽₪]?[\d.,]+\s*(?:million|billion|trillion|bn|mn|m|crore)?\s+"
                         r"(?:[\w-]+\s+){0,4}$"
                         r"|[$€£¥₹₩₦₱₫₺₽₪]\s?[\d.,]+\s*(?:million|billion|bn|mn|m|crore)?\s+$", re.I)


_BY_AFTER = re.compile(r"\s+by\b")
_NOUN_MODIFIER = re.compile(r"\s+(?:[\w-]+\s+)?(?:grants?|subsid(?:y|ies)|incentives?)\b", re.I)


_AGREEMENT_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:agreements?|contracts?|deals?|pacts?|arrangements?)\b", re.I)
_INTENT_TO = re.compile(r"\b(?:agree[ds]?|agreeing|committed|signed up|deal|agreement|contract|will|would)\s+to\s+$", re.I)


def subject_side(clause: str, cue_at: int, cue_end: int, deal_type: DealType) -> tuple[str | None, int]:
    """The side the subject of a clause stands on, from the verbs up to its cue, and where that verb ends.

    `clause` is the clause's text; `cue_at`/`cue_end` the cue word's offsets in it. The side is None when no
    verb says it; the end is -1 when the verb stands after the cue (or there is none). Names between the verb
    and the cue are its objects: "X provided Y with a loan", "X awarded Y a contract".
    """
    lead = clause[:max(cue_end, 0)]
    if is_passive(clause, cue_end):
        return (TARGET if deal_type == DealType.ACQUISITION else RECEIVER), -1
    verbs: list[tuple[int, str, int]] = []

    def last(pattern: re.Pattern[str], side: str) -> None:
        found = None
        for match in pattern.finditer(lead):
            # "received an investment incentive grant": a word of money inside the name of the grant gives nothing.
            if _NOUN_MODIFIER.match(lead, match.end()):
                continue
            # "consumer-lending app X", "a cash-buying group": a verb inside a compound describes, it does not act.
            if match.start() and lead[match.start() - 1] == "-" \
                    and not re.search(r"\b(?:co|re|pre|over|under)-$", lead[max(0, match.start() - 7):match.start()], re.I):
                continue
            # "received a $20 million grant", "won an award": the cue is a noun here, not the subject's verb
            # (a giver's verb of money, or "an order": "the sale of X" and "a power purchase agreement" still tell).
            noun_cue = deal_type in _MONEY_TYPES or match.group().lower() in ("order", "orders", "award", "awards")
            # "won an engineering, procurement and construction (EPC) order": the cue's own last word is its noun.
            if side == GIVER and noun_cue and match.end() > cue_at \
                    and (_DETERMINED.search(lead, max(0, match.start() - 40), match.start()) or match.end() == len(lead) and match.group().lower() in ("order", "orders", "award", "awards")):
                continue
            # "Backed by X, the loan ...": a participle with its agent tells of X, not of the subject.
            if _BY_AFTER.match(clause, match.end()):
                continue
            # "financed its pipeline with a loan from X": the subject paid with what X lent.
            if side == GIVER and _WITH_FROM.match(clause, match.end()):
                continue
            # "agreed to sell power under a power purchase agreement": a verb before the cue outweighs one inside
            # its compound noun; alone, the noun still tells ("signed a power supply deal with Y").
            if outer_verb and cue_at <= match.start() and _AGREEMENT_NOUN.match(lead, match.end()):
                continue
            found = match
        if found is None:
            # A noun cue before its verb: "... a loan that X provided": the first verb after it.
            found = pattern.search(clause, max(cue_end, 0), max(cue_end, 0) + 25)
            # "a round led by X", "a loan backed by Y": the verb tells of the name after it, not the subject.
            if found is not None and not re.match(r"\s+by\b", clause[found.end():found.end() + 4]):
                verbs.append((-found.start(), side, -1))
            return
        # "picked two banks to arrange the loan": a finite verb outweighs an infinitive of purpose after it;
        # "agreed to sell" is the deal itself, told through a verb of intent.
        finite = not re.search(r"\bto\s+$", lead[max(0, found.start() - 4):found.start()]) \
            or bool(_INTENT_TO.search(lead, max(0, found.start() - 30), found.start()))
        verbs.append((found.start() + (10_000 if finite else 0), side, found.end()))

    outer_verb = deal_type == DealType.CONTRACT and any(
        p.search(lead, 0, max(cue_at, 0)) for p in (_ORDERING_RE, _RECEIVING_RE, _SUPPLYING_RE))
    if deal_type == DealType.ACQUISITION and _AGREED_TAKEOVER.search(clause[:max(cue_end, 0) + 5]):
        return TARGET, -1
    # "A 35% stake in X is changing hands": the subject is what is sold.
    if deal_type == DealType.ACQUISITION and re.search(r"\bchang(?:e|es|ed|ing) hands\b", lead):
        return TARGET, -1
    if deal_type == DealType.ACQUISITION:
        last(_BUYING_RE, GIVER)
        last(_SELLING_RE, RECEIVER)
        if _NOMINAL_BY.search(lead) and not verbs:
            return TARGET, -1
    elif deal_type in (DealType.CONTRACT, DealType.OTHER):
        last(_ORDERING_RE, GIVER)
        last(_RECEIVING_RE, RECEIVER)
        last(_SUPPLYING_RE, RECEIVER)
    elif deal_type in _MONEY_TYPES:
        last(_RECEIVING_RE, RECEIVER)
        last(_SEEKING_RE, RECEIVER)
        last(_GIVING_RE, GIVER)
    if not verbs:
        return None, -1
    # The verb nearest the cue speaks for the clause: "X, which raised $5m last year, led the round".
    _, side, end = max(verbs)
    return side, end


def default_side(deal_type: DealType) -> str | None:
    """The subject's side when its verb does not say: "X signed a $5m contract with Y" makes X the customer."""
    return {DealType.ACQUISITION: GIVER, DealType.FUNDING_ROUND: RECEIVER, DealType.INVESTMENT: GIVER,
            DealType.GRANT: GIVER, DealType.CONTRACT: GIVER}.get(deal_type)


_FROM_MANAGED = re.compile(r"\bfrom\s+(?:[\w-]+\s+){0,3}(?:managed|advised|owned|controlled|run)\s+by\s+$", re.I)
_BROUGHT_IN = re.compile(r"\b" + _BRING_IN + r"\s+(?:[\w-]+\s+){0,3}$", re.I)


def object_side(before: str, subject: str | None, deal_type: DealType, direct_target: bool = True,
                gap: str | None = None, previous: str | None = None, after: str | None = None) -> str:
    """The side of a name after the cue, from the words just before it (`before`, about 40 characters).

    `gap` is the text since the previous object and `previous` that object's side: a list keeps one side.
    `after` is the text after the name: "with X and Y joining as lenders" puts them on the subject's side.
    """
    if previous is not None and gap is not None and _LISTED.match(gap):
        return previous
    if _PARTICIPATION.search(before) and deal_type in _MONEY_TYPES:
        return GIVER  # "led by X, with participation from Y": Y puts money in too
    if _CO_BEFORE.search(before):
        # "led by X, along with Y": Y stands beside the name before it; "X, along with Y, invested": beside X.
        return previous if previous is not None and gap is not None and "," in gap else subject or CO
    if deal_type == DealType.ACQUISITION and _FROM_MANAGED.search(before):
        return RECEIVER  # "from funds managed by X": the manager's funds sell
    if deal_type in _MONEY_TYPES and _BROUGHT_IN.search(before):
        return GIVER  # "It roped in X as a new investor": the backer brought in puts money in
    if after is not None and _JOINING_AFTER.match(after):
        # "X raised $5m in a round led by Y, with Z joining": whoever joins a raise puts money in.
        return GIVER if deal_type in _MONEY_TYPES else (subject or CO)
    prep = _PREPOSITION.search(before)
    # "agreed to acquire X": "to" marks the verb, and X is its direct object.
    word = prep.group(1).lower() if prep and not _ANY_VERB.search(before, prep.end(1)) else ""
    if subject == THING:
        # "The contract has been awarded to X", "was bought by Y": no party is the subject.
        if word == "by":
            return GIVER
        if word == "to":
            return RECEIVER if deal_type != DealType.ACQUISITION else GIVER
        subject = RECEIVER if deal_type != DealType.ACQUISITION else TARGET
    if deal_type == DealType.ACQUISITION:
        if _PART_OF.search(before):
            return RECEIVER  # "the NAND business of U.S. chip giant Intel": the owner of what is bought sells it
        if _SHARES_OF.search(before) and subject != TARGET:
            return TARGET
        if word in ("in", "into", "of") or not word and direct_target and subject != TARGET:
            return TARGET
        if word == "by" or word == "from" and subject == TARGET:
            return GIVER  # "agreed to a takeover offer from a consortium": the bidder buys
        if word == "to":
            # "X sold Y to Z", "Y was sold to Z": Z buys; "X bought Y ... to" is rare and leaves Z the other side.
            return RECEIVER if subject == GIVER else GIVER
        if word == "from":
            return RECEIVER
        if word == "for" and subject in (GIVER, None):
            return TARGET  # "agreed to pay $900 million for X": what the price buys
        return _opposite(subject)
    if word in ("in", "into"):
        return TARGET  # "invested in X": the recipient, or what is bought when the deal is a purchase
    if word == "by":
        return GIVER if subject in (RECEIVER, TARGET, None) else RECEIVER
    if word == "for" and deal_type == DealType.CONTRACT:
        return GIVER
    if subject is None and deal_type in _MONEY_TYPES:
        # "A Tk 1,150 crore loan to X from six banks was signed": the nominal says who gets and who gives.
        if word == "to":
            return RECEIVER
        if word == "from":
            return GIVER
    return _opposite(subject)


_A_PART = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,3}?(?:business|businesses|unit|units|division|stake|assets?|operations?"
                     r"|arm|subsidiary|portfolio|plants?|towers?|properties|holding|shares?)\b", re.I)


def names_a_part(after: str) -> bool:
    """Whether the words after an owner's name ("'s frozen foods unit", "' 40% stake") name a part of what it owns."""
    return bool(_A_PART.match(after))


def _opposite(side: str | None) -> str:
    return {GIVER: RECEIVER, RECEIVER: GIVER, TARGET: GIVER}.get(side or "", CO)


def lends(name: str, kind: PartyKind) -> bool:
    """Whether a name reads as a lender's: a bank, a finance house, a development or export-credit agency."""
    if kind == PartyKind.GOVERNMENT:
        return False  # "Ministry of Finance" borrows as often as it lends
    # A fund in a financing puts money in (a development fund's loan, a private-credit fund's notes); funds seldom borrow.
    return bool(_LENDER_NAME.search(name)) or kind in (PartyKind.ORGANIZATION, PartyKind.FUND)


def role_of(deal_type: DealType, side: str | None, kind: PartyKind, *, vehicle: bool = False,
            with_government: bool = False, with_company: bool = False, invests: bool = False) -> str:
    """The contract's role word for a side of a deal of this type.

    `with_government`/`with_company`: whether the deal also has a government / a non-government party;
    `invests`: whether the deal's clauses speak of investing (an MoU to invest makes its company an investor).
    """
    if vehicle:
        return "vehicle"
    if side in (LICENSOR, LICENSEE):
        return side
    if deal_type == DealType.ACQUISITION:
        return {GIVER: "acquirer", RECEIVER: "seller", TARGET: "target"}.get(side or "", "acquirer")
    if deal_type == DealType.MERGER:
        # A merger told as one side acquiring the other's unit has an acquirer; a merger of equals has partners.
        return {TARGET: "target", RECEIVER: "seller", GIVER: "acquirer"}.get(side or "", "partner")
    if deal_type == DealType.GRANT:
        if kind == PartyKind.GOVERNMENT and side != RECEIVER:
            return "grantor"
        # "The department and the chipmaker signed terms to provide $6bn": the company is given the grant.
        # A development bank or a fund granting to a state gives the grant.
        return "grantor" if side == GIVER and (not with_government or kind == PartyKind.ORGANIZATION) else "recipient"
    pair = {
        DealType.FUNDING_ROUND: ("investor", "recipient"),
        DealType.INVESTMENT: ("investor", "recipient"),
        DealType.FINANCING: ("lender", "borrower"),
        DealType.CONTRACT: ("customer", "supplier"),
    }.get(deal_type)
    if pair is not None:
        if side == GIVER:
            return pair[0]
        # "an investment agreement under which X will build a plant, and the ministry will connect the site":
        # a state that hosts a company's investment receives no money; it is the government of the deal.
        if deal_type == DealType.INVESTMENT and kind == PartyKind.GOVERNMENT and with_company and side in (RECEIVER, TARGET):
            return "government"
        if side in (RECEIVER, TARGET):
            return pair[1]
        return pair[0] if deal_type != DealType.FUNDING_ROUND else pair[1]
    if deal_type in (DealType.MOU, DealType.PARTNERSHIP, DealType.JOINT_VENTURE):
        # A state signing with companies hosts their investment; companies signing with it invest.
        if kind == PartyKind.GOVERNMENT and with_company and deal_type == DealType.MOU:
            return "government"
        if kind != PartyKind.GOVERNMENT and with_government and invests and deal_type == DealType.MOU:
            return "investor"
        return "partner"
    return "partner"


LICENSOR, LICENSEE = "licensor", "licensee"
# A licence to use something ("a licensing deal", "licence agreement", "licensed to build"); a mining or
# exploration licence is an asset, not a licence deal.
LICENCE = re.compile(r"\blicen[cs]ing\b(?!\s+(?:studies|study|process|approvals?|work|applications?|regime|requirements?|"
                     r"stages?|phases?|reviews?|authorit(?:y|ies)|bod(?:y|ies)|round|procedures?))|\blicen[cs]e\s+(?:agreement|deal|pact|accord|fee)s?\b|\blicensed\s+to\b"
                     r"|\blicen[cs]es?\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:technolog|patent|design|brand|IP)"
                     # "has licensed its liver drug to X": out-licensing of what the subject owns.
                     r"|\blicen[cs](?:es|ed|ing)\s+(?:its|their)\s+(?:[\w-]+\s+){0,4}?to\b", re.I)
_OWNED_TECH = r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:technolog\w*|patents?|IP|intellectual property|designs?|platform|software|know-how|membranes?|brand|formula\w*)\b"
_GIVEN_ACCESS = r"\b(?:gives?|grants?|gave|granted|allows?|allowed|lets?)\s+(?:the\s+)?"
_LICENSED_TO = r"\s+(?:(?:is|was|has been|will be)\s+)?(?:licensed\s+to|obtained\s+(?:a|the|its)\s+licen[cs]e|gets?\s+access)\b"


def licence_sides(text: str, names: dict[str, tuple[str, ...]], actors: list[str]) -> dict[str, str]:
    """Licensor and licensee of a licence deal, from the clauses that tell it (`text`).

    `names` maps each party key to its spellings; `actors` are the subjects of its clauses. The owner of the
    licensed technology ("Y's chip technology") or the subject that signs grants the licence; a party that is
    "given access" or "licensed to" build receives it.
    """
    sides: dict[str, str] = {}
    for key, spellings in names.items():
        for spelling in spellings:
            escaped = re.escape(spelling)
            if re.search(escaped + _OWNED_TECH, text):
                sides[key] = LICENSOR
            elif re.search(_GIVEN_ACCESS + escaped, text) or re.search(escaped + _LICENSED_TO, text):
                sides.setdefault(key, LICENSEE)
    if LICENSOR not in sides.values():
        first = next((k for k in actors if k in names and sides.get(k) != LICENSEE), None)
        if first is not None:
            sides[first] = LICENSOR
    return {key: sides.get(key, LICENSEE) for key in names}
