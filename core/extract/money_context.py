"""Why an amount in the text is not a deal amount: the words just before and after it say so."""

from __future__ import annotations

import re

# How far either side of an amount its context reaches, in characters; a sentence end or a
# neighbouring amount cuts it shorter.
_BEFORE_CHARS = 110
_AFTER_CHARS = 80

_SENTENCE_END_BEFORE = re.compile(r"[.!?;:][\"'”’)]*\s+(?=\S)|\n")
_SENTENCE_END_AFTER = re.compile(r"[.!?;:](?=[\"'”’)]*(?:\s|$))|\n")

_W = r"(?:[\w’'-]+\s+)"  # one word and the space after it
_LEAD = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|some|over|more\s+than|up\s+to|an?|the"
    r"|an\s+estimated|astonishing|staggering|whopping|north\s+of|in\s+excess\s+of|upwards\s+of|just\s+over"
    r"|just\s+under|well\s+over|close\s+to|above|below|under)\s+)*"
)

# "a deal valued at $3 billion" is a deal amount; "the startup, valued at $3 billion" is not.
_DEAL_NOUNS = (
    r"(?:deal|transaction|acquisition|takeover|merger|offer|agreement|contract|purchase|bid|order|investment"
    r"|tie-up|pact|partnership|venture|package|round|loan|facility|stake|sale|buyout|financing)s?"
)
_AUXILIARIES = r"(?:is|was|are|were|be|being|been|has|have|had|now|currently|also|reportedly)"
# Words that may sit between an amount and the noun it sizes: "$40 billion chip market".
_ADJECTIVES = r"(?:(?!(?:in|the|of|a|an|to|for|on|at|by|with|and|or)\b)[\w’'-]+\s+)"

# Lookbehinds that keep "will invest a combined RM2.4 billion" the deal's own sum (fixed strings: cheap on a short window).
_NOT_PUT_IN = "".join(f"(?<!{verb} )(?<!{verb} a )" for verb in ("invest", "commit", "contribute", "inject", "lend",
                                                                  "provide", "spend", "pay", "put"))

# (reason, pattern on the words before the amount, pattern on the words after it)
_RULES: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...] = (
    (
        "share price",
        re.compile(r"\b(?:share|stock|closing|opening|trading|per[\s-]share|IPO|listing)\s+price\s+(?:of\s+)?"
                   + _LEAD + "$"
                   r"|\bprice\s+range\s+(?:of\s+|at\s+|between\s+)*" + _LEAD + "$"
                   # "a target price of RM13.40, against Tuesday's close of RM11.86": what analysts think a share is worth.
                   r"|\b(?:target\s+price|price\s+target|close)\s+(?:of\s+|at\s+)?" + _LEAD + "$"
                   r"|\b(?:shares|stock)\b[^.;$€£₹¥]{0,40}?\b(?:rose|fell|jumped|climbed|dropped|closed|ended|traded"
                   r"|gained|slid|tumbled|surged|soared|sank|edged|opened)\b[^.;$€£₹¥]{0,25}$", re.I),
        re.compile(r"^\W{0,3}\s*(?:(?:in\s+)?cash\s+)?(?:a|per|for\s+(?:every|each)|each)\s+" + _W
                   + r"{0,2}?(?:shares?|ADS|ADRs?|stock)\b"
                   r"|^\s*apiece\b", re.I),
    ),
    (
        # "Net debt rose to £210 million from £64 million": a balance-sheet figure, not a deal's sum.
        "liabilities",
        re.compile(r"\bnet\s+debt\b[^.;]{0,60}$", re.I),
        None,
    ),
    (
        # "the Treasury paid out more than 30 billion lira under similar guarantees": claims met, not a deal's price.
        "payout",
        re.compile(r"\b(?:paid|pays|paying|pay)\s+out\s+" + _LEAD + "$", re.I),
        None,
    ),
    (
        # "orders peaked at more than 6.8 billion riyals": the demand for an issue, not its size.
        "order book",
        re.compile(r"\b(?:orders|demand|subscriptions|order\s+book)\s+(?:\w+\s+)?(?:peaked|totall?ed|reached|topped|"
                   r"exceeded|of|worth|amounting|stood)\s+(?:at\s+|to\s+)?" + _LEAD + "$", re.I),
        None,
    ),
    (
        # "will deliver net cash proceeds of A$890 million": what the seller keeps after costs, not the price.
        "net proceeds",
        re.compile(r"\bnet\s+(?:cash\s+)?proceeds\s+(?:of\s+|worth\s+|totalling\s+|totaling\s+)?" + _LEAD + "$", re.I),
        None,
    ),
    (
        # "below the 250 billion yen that some analysts had expected": a forecast the price is held against.
        "forecast",
        None,
        re.compile(r"^\s*(?:that|which)\s+(?:some\s+|many\s+|most\s+)?(?:analysts|investors|observers|traders|"
                   r"the\s+market|people)\s+(?:had\s+|have\s+)?(?:expected|forecast|estimated|predicted|"
                   r"anticipated|pencilled\s+in)\b", re.I),
    ),
    (
        # "priced at ₱5.89 per kilowatt-hour", "$80 a barrel": the price of a unit of goods, not of the deal.
        "unit price",
        # "with the toll for a passenger car set at $4.10": what a user pays once, not the deal's worth.
        re.compile(r"\b(?:tolls?|fares?|tariffs?|tickets?|subscription|per[\s-](?:unit|vehicle|passenger|user|share))\b"
                   r"[^.;$€£¥₹₩₦₱₫₺₽₪]{0,40}?\b(?:set\s+at|of|at|fixed\s+at|priced\s+at)\s+" + _LEAD + "$", re.I),
        re.compile(r"^\s*(?:a|an|per|/)\s*(?:kilowatt[\s-]hours?|megawatt[\s-]hours?|kwh|mwh|gwh|tonnes?|tons?|"
                   r"metric tons?|barrels?|bbl|ounces?|oz|litres?|liters?|kilograms?|kg|gallons?|mmbtu|btu|"
                   r"cubic (?:metres?|meters?|feet)|square (?:metres?|meters?|feet|foot)|sq\.? ?(?:m|ft))\b", re.I),
    ),
    (
        "assets under management",
        re.compile(r"\b(?:manages|managing|oversees|overseeing)\s+(?:(?!to\b)[\w’'-]+\s+){0,3}$"
                   # "manages assets estimated at more than $330bn"
                   r"|\b(?:manages|managing|oversees|overseeing)\s+(?:\w+\s+)?assets\s+(?:estimated|valued|put)\s+at\s+"
                   + _LEAD + "$"
                   r"|\b(?:assets\s+under\s+management|AUM|assets)\s+(?:of\s+|worth\s+|totalling\s+|totaling\s+)?"
                   + _LEAD + "$", re.I),
        re.compile(r"^\s*(?:(?:in|of)\s+" + _W + r"{0,2}?(?:assets|AUM)\b"
                   r"|(?:in\s+)?(?:assets\s+)?under\s+management\b)", re.I),
    ),
    (
        "valuation",
        re.compile(r"\b(?:valuation|market\s+(?:value|capitali[sz]ation|cap)|(?:combined|enterprise|equity|implied)\s+value"
                   r"|net\s+worth)\s+"
                   r"(?:(?:of|is|was|stands|stood|at|now|to)\s+)*" + _LEAD + "$"
                   # The window may start just after the amount before: ", values Qeshet at $640 million".
                   r"|(?:^[\s,]*|(?<![\w’'-])(?!(?:" + _DEAL_NOUNS + r"|" + _AUXILIARIES + r")\b)[\w’'-]+,?\s+)"
                   r"(?:" + _AUXILIARIES + r"\s+)*(?:valued|valuing|values)\s+"
                   # "The firm valued the contract at about $280 million": the deal's own worth.
                   r"(?!(?:the|its|this|their)\s+(?:[\w-]+\s+)?" + _DEAL_NOUNS + r"\s+at\b)" + _W + r"{0,3}?at\s+"
                   + _LEAD + "$",
                   re.I),
        re.compile(r"^[-\s]*(?:(?:pre|post)[-\s]money\s+)?valuation\b|^\s*(?:in\s+)?market\s+(?:value|cap)", re.I),
    ),
    (
        # "Including debt, the transaction values the company at $6.3 billion": the enterprise value beside a price.
        "enterprise value",
        re.compile(r"^\s*including\s+(?:net\s+)?debt\s*,[^.;]{0,120}$", re.I),
        None,
    ),
    (
        # "The round values the company at about $310 million": what the raise says the company is worth.
        "valuation",
        # ", valuing it at $10bn": a participle after a comma says what the company is worth, whatever came before.
        re.compile(r"(?:\b(?:round|funding|raise|investment|injection)\s+(?:" + _AUXILIARIES + r"\s+)*"
                   r"(?:values|valued|valuing)|,\s+(?:valuing|which\s+values|that\s+values))\s+" + _W
                   + r"{0,5}?at\s+" + _LEAD + "$", re.I),
        None,
    ),
    (
        # "Two people familiar with the deal put it at about $140 million": a valuation told by sources.
        "valuation",
        re.compile(r"\b(?:put|puts|putting|pegged|pegs|pegging)\s+(?:it|its\s+value|the\s+(?:company|valuation|"
                   r"business))\s+at\s+" + _LEAD + "$", re.I),
        None,
    ),
    (
        # "cost savings of £9 million a year", "$50 million in synergies": what the deal is hoped to save.
        "savings",
        re.compile(r"\b(?:savings|synergies|cost\s+cuts?)\s+(?:of\s+|worth\s+|totalling\s+|totaling\s+)?" + _LEAD + "$",
                   re.I),
        re.compile(r"^\s*(?:a\s+year\s+|annually\s+|per\s+year\s+)?(?:in|of)\s+" + _W + r"{0,2}?(?:savings|synergies)\b",
                   re.I),
    ),
    (
        # "The deal eclipses the $32 billion paid for TXU in 2007": a sum the deal is measured against.
        "comparison",
        re.compile(r"\b(?:eclips\w*|surpass\w*|dwarf\w*|exceed\w*|tops?|topped|outstrip\w*|compared\s+with|compared\s+to"
                   r"|bigger\s+than|larger\s+than|more\s+than\s+double|record\s+set\s+by)\s+(?:the\s+|a\s+)?"
                   r"(?:previous\s+|prior\s+|earlier\s+)?(?:record\s+(?:of\s+)?)?$", re.I),
        None,
    ),
    (
        "market size",
        re.compile(r"\b(?:market|economy|industry)\b[^.;$€£₹¥]{0,60}?"
                   r"\b(?:reach|hit|surpass|exceed|top|touch|grow|be\s+worth"
                   r"|be\s+valued|size|stand)\w*\s+(?:(?:to|at|of|by)\s+)?" + _LEAD + "$", re.I),
        re.compile(r"^[-\s]*" + _ADJECTIVES + r"{0,2}?(?:market|industry|economy)\b"
                   r"(?!\s+(?:entry|debut|listing))", re.I),
    ),
    (
        "forecast",
        re.compile(r"\b(?:expected|projected|forecast|estimated|set|poised|predicted|anticipated|likely|seen|tipped"
                   r"|will|could|would|may|might)\s+(?:even\s+)?(?:to\s+)?(?:reach|hit|surpass|exceed|top|touch"
                   r"|(?:grow|climb|rise|balloon|swell)\s+to)\s+" + _LEAD + "$"
                   r"|\b(?:analysts['’]?|consensus)\s+(?:estimates?|forecasts?|expectations?)\s+(?:of\s+)?" + _LEAD + "$",
                   re.I),
        re.compile(r"^\s*in\s+(?:potential|possible|expected|projected|estimated)\b", re.I),
    ),
    (
        "revenue",
        re.compile(r"\b(?:revenues?|sales|profits?|earnings|net\s+income|turnover|EBITDA|net\s+loss"
                   r"|operating\s+income|(?:gross\s+|written\s+)?premiums|gains?|bookings)\b"
                   # "a gas sales agreement worth ..." names a deal, not a figure of the firm's.
                   r"(?![\s-]+(?:and\s+purchase\s+)?(?:agreements?|contracts?|deals?|pacts?|sharing)\b)"
                   # "the sales for GBP2.9 million of the remaining two assets": sales of assets are deals.
                   r"(?!\s+for\s+$)"
                   r"(?:\s+[^\s$€£₹¥]+){0,8}\s+$", re.I),
        re.compile(r"^\s*(?:in|of)\s+(?:(?:annual|yearly|quarterly|net|gross|total|operating|full-year)\s+)?"
                   r"(?:revenues?|sales|profits?|earnings|income|turnover|EBITDA|losses|premiums)\b", re.I),
    ),
    (
        "order book",
        re.compile(r"\b(?:order\s*book|backlog|order\s+intake)\b(?:\s+[^\s$€£₹¥]+){0,5}\s+$", re.I),
        re.compile(r"^\s*(?:in|of)\s+(?:\w+\s+)?(?:orders|order\s*book|backlog)\b", re.I),
    ),
    (
        "liabilities",
        re.compile(r"\b(?:net\s+debt|debt\s+pile|total\s+debt|indebtedness)\b(?:\s+[^\s$€£₹¥]+){0,6}\s+$", re.I),
        re.compile(r"^\s*(?:in|of)\s+" + _W + r"{0,2}?(?:lease\s+obligations|obligations|liabilities|losses)\b", re.I),
    ),
    (
        "aggregate",
        re.compile(r"\b(?:so\s+far\s+(?:this\s+year|in\s+\d{4})|year[\s-]to[\s-]date|this\s+year\s+alone"
                   r"|since\s+the\s+start\s+of\s+(?:the|this)\s+year)\b"
                   r"|\b(?:MoUs|MOUs|pacts|deals|agreements|contracts|commitments|transactions|proposals)\s+"
                   + _W + r"{0,2}?(?:worth|of|total(?:l)?ing|valued\s+at|amounting\s+to|adding\s+up\s+to)\s+"
                   + _LEAD + "$"
                   r"|\bsince\s+(?:\d{4}|its\s+(?:founding|inception|launch|creation))\s*,?\s+" + _LEAD + "$"
                   r"|\b(?:brings?|brought|bringing|takes?|took|taking|lifts?|lifted|lifting|pushe[sd]|pushing)\s+"
                   r"(?:(?:the|its|their)\s+)?total\b[^.;$€£₹¥]{0,80}?\bto\s+" + _LEAD + "$"
                   r"|\b(?:a\s+)?cumulative\s+(?:total\s+of\s+)?" + _LEAD + "$"
                   # "the deals had a combined value of ..." sums deals; "the partners will invest a combined X" is one.
                   r"|\b" + _NOT_PUT_IN + r"(?:a\s+)?combined\s+(?:total\s+of\s+)?" + _LEAD + "$"
                   r"|\badd(?:s|ed|ing)?\s+up\s+to\s+" + _LEAD + "$"
                   # "The programme has so far awarded £214m to nine companies": a tally of awards.
                   r"|\b(?:has|have|had)\s+(?:so\s+far|to\s+date|already)\s+[a-z]+\s+(?:more\s+than\s+|over\s+|some\s+)?"
                   + _LEAD + "$", re.I),
        re.compile(r"^\s*(?:has|have|had)\s+(?:already\s+)?been\s+(?:invested|raised|poured|deployed|spent|paid\s+out"
                   r"|disbursed|distributed)\b"
                   r"|^\s*(?:so\s+far|to\s+date|year[\s-]to[\s-]date)\b"
                   r"|^\s*into\s+" + _W + r"{0,3}?(?:startups|companies|firms|ventures)\b"
                   r"|^\s*" + _W + r"{0,2}?(?:startups|companies|firms)\s+(?:have\s+|had\s+)?"
                   r"(?:received|raised|attracted|secured|drew)\b", re.I),
    ),
    (
        "programme total",
        re.compile(r"\b(?:outlay|allocation|budget)\s+of\s+" + _LEAD
                   + r"$|\badminist(?:ering|ers|ered)\s+" + _LEAD + "$", re.I),
        re.compile(r"^[-\s]*" + _ADJECTIVES + r"{0,2}?(?:programme|program|scheme|budget|initiative|allocation|outlay"
                   r"|auction)s?\b", re.I),
    ),
    (
        "fine or charge",
        re.compile(r"\b(?:fined|charge|write-?downs?|writedowns?|impairment|penalty|fine)\s+(?:of\s+)?"
                   + _LEAD + "$", re.I),
        re.compile(r"^\s*(?:in\s+)?(?:fines?|penalt(?:y|ies)|charges?|write-?downs?|impairments?)\b"
                   r"|^[-\s]*(?:\w+\s+)?(?:break(?:-?up)?|termination)\s+fee", re.I),
    ),
    (
        # A listing sells shares to the public, not to a named party: the contract records no IPO as a deal.
        "IPO",
        re.compile(r"\b(?:IPO|initial\s+public\s+offering|flotation)\s+(?:of|worth|valued\s+at|sized\s+at)\s+"
                   + _LEAD + "$", re.I),
        re.compile(r"^\s*(?:in|through|via|from)\s+(?:an?|its|the|their)\s+(?:planned\s+|proposed\s+|potential\s+)?"
                   r"(?:IPO|initial\s+public\s+offering|(?:stock\s+market\s+)?listing|flotation)\b"
                   r"|^[-\s]*(?:IPO|initial\s+public\s+offering)\b", re.I),
    ),
    (
        "target",
        re.compile(r"\btarget\s+(?:size\s+)?(?:(?:of|at|is|was)\s+)+" + _LEAD + "$", re.I),
        re.compile(r"^\s*(?:fundraising\s+|fund-raising\s+)?(?:target|hard[\s-]cap|goal)\b", re.I),
    ),
    (
        # "expected the deal to add R310m to annual earnings": what a deal is worth to the books, not its price.
        "earnings effect",
        None,
        re.compile(r"^\s*(?:a\s+year\s+)?to\s+(?:its\s+|their\s+|the\s+group's\s+)?(?:annual\s+|yearly\s+|core\s+)?"
                   r"(?:earnings|revenue|profits?|ebitda|sales|income|turnover)\b", re.I),
    ),
    (
        # "The loan covers about half the project's €300 million cost": what the project costs, not the deal.
        "project cost",
        re.compile(r"\b(?:project|plant|campus|facility|scheme)['’]s\s+(?:total\s+|estimated\s+)?" + _LEAD + "$", re.I),
        re.compile(r"^\s*(?:total\s+|estimated\s+|construction\s+)?(?:cost|price\s+tag)\b", re.I),
    ),
    (
        # "Tarian will put £96 million of its own money alongside the grant": the company's own share of a project.
        "own funds",
        None,
        re.compile(r"^\s*(?:of\s+)?(?:its|their|his|her|our)\s+own\s+(?:money|funds|capital|cash|resources|equity)\b", re.I),
    ),
    (
        "comparison",
        re.compile(r"\b(?:up|down|rising|falling|rose|fell|surge|surged|increase|increased|jump|jumped|climb|climbed"
                   r"|decline|declined|grew|growth|rise)\s+from\s+" + _LEAD + "$"
                   r"|\bcompared\s+(?:with|to)\s+" + _LEAD + r"$|\b(?:versus|vs\.?)\s+$", re.I),
        None,
    ),
)


def context_before(text: str, start: int, floor: int) -> str:
    """The words before `start` in its sentence, not reaching back past `floor`."""
    window = text[max(floor, start - _BEFORE_CHARS):start]
    cut = 0
    for match in _SENTENCE_END_BEFORE.finditer(window):
        cut = match.end()
    return window[cut:]


def context_after(text: str, end: int, ceiling: int) -> str:
    """The words after `end` in its sentence, not reaching on past `ceiling`."""
    window = text[end:min(ceiling, end + _AFTER_CHARS)]
    match = _SENTENCE_END_AFTER.search(window)
    return window[: match.start()] if match else window


# Rules that need the words on both sides: "subsidies from a $4 billion public fund" is the pool the
# money comes from, while "set up a $4 billion fund" is the deal itself.
_BOTH_SIDES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        # "The solar farm, which will cost R3.1 billion to build": what the asset costs, not the deal.
        "project cost",
        re.compile(r",\s+which\s+(?:will|would|is\s+expected\s+to|is\s+set\s+to)\s+cost\s+" + _LEAD + "$", re.I),
        re.compile(r"^\s*to\s+(?:build|develop|construct|complete)\b", re.I),
    ),
    (
        "fund size",
        re.compile(r"\b(?:from|through|via|under)\s+(?:a|an|the|its|their)\s+$", re.I),
        re.compile(r"^[-\s]*" + _ADJECTIVES + r"{0,3}?(?:funds?|programme|program|pool)\b", re.I),
    ),
    (
        # "bought 12 million shares at 850 yen each": a unit price; "will invest $50 million each" stays.
        "share price",
        re.compile(r"\b(?:at|for)\s+" + _LEAD + "$", re.I),
        re.compile(r"^\s*each\b", re.I),
    ),
    (
        # "the bank said it had lent more than N400 billion to telecoms projects since 2025": a running total.
        "aggregate",
        re.compile(r"\b(?:has|have|had)\s+(?:already\s+)?(?:lent|invested|spent|poured|put|raised|deployed|committed|"
                   r"financed|disbursed)\s+(?:more\s+than\s+|over\s+|some\s+|about\s+|nearly\s+|almost\s+)?" + _LEAD + "$",
                   re.I),
        re.compile(r"^[^.;]{0,60}?\bsince\s+(?:\d{4}|its\s+(?:founding|inception|launch|creation))\b", re.I),
    ),
    (
        "aggregate",
        re.compile(r"\b(?:has|have)\s+(?:already\s+)?(?:invested|spent|poured|put)\s+" + _LEAD + "$", re.I),
        re.compile(r"^\s*(?:in|into)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:sector|industry|industries|sectors)\b",
                   re.I),
    ),
)
# The words after a bracketed conversion's closing bracket belong to both amounts: "C$9 billion ($7 billion) in assets".
_CLOSING_BRACKET = re.compile(r"^\s*[)\]]")


def exclusion_reason(before: str, after: str) -> str | None:
    """A short reason when the words around an amount show it is not a deal amount, else None."""
    after = _CLOSING_BRACKET.sub("", after, count=1)
    for reason, needs_before, needs_after in _BOTH_SIDES:
        if needs_before.search(before) and needs_after.search(after):
            return reason
    for reason, before_rule, after_rule in _RULES:
        if before_rule is not None and before_rule.search(before):
            return reason
        if after_rule is not None and after_rule.search(after):
            return reason
    return None
