"""What kind of party a name is: a company, a government, a fund or an organisation, or only a place or an asset."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.extract.gazetteer import (
    CITIES, DEVELOPMENT_LENDERS, FACILITY_WORDS, GOVERNMENT_HEADS, NOT_NAMES, NOT_PARTIES, ORG_SUFFIXES, ORGANIZATION_WORDS, PLACE_NAMES,
    REGIONS,
)
from core.model import PartyKind

if TYPE_CHECKING:
    from core.extract.mention import Mention

_FUND_DESCRIPTORS = re.compile(r"\b(?:pension|wealth|sovereign|investment|endowment|retirement|superannuation)\s+fund\s*$", re.I)


# "Corporate and Investment Bank", "Acme Investment Bank": a bank's trading arm, not a multilateral lender (those are
# named by a region: "European Investment Bank", "Asian Infrastructure Investment Bank").
_TRADING_BANK = re.compile(r"\b(?:Corporate|Commercial|Private|Retail|Merchant)\s(?:and\s)?Investment\sBank\b")
# "at the Acme Investment Forum": an event where people meet, not a party.
_EVENT_WORDS = frozenset({"Forum", "Summit", "Conference", "Expo", "Congress", "Festival", "Fair", "Week", "Show",
                          "Symposium", "Convention"})
# "the Tribeca startup said": a single place-like word before a company noun describes where the company is.
# "the Tashkent municipal bus operator": a place that says where the firm described works.
_PLACE_BEFORE_FIRM = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}?(?:startup|start-up|company|firm|outfit|insurer|lender|miner|"
                                r"carrier|utility|operator|developer|producer|bank|group|court|tribunal)\b")
# "Energy Lead at Acme", "a partner at Acme Ventures", "chief economist at Acme": where a person works, not a place.
_JOB_AT = re.compile(r"\b(?:lead|head|partner|director|manager|officer|analyst|executive|engineer|economist|scientist|"
                     r"strategist|researcher|professor|president|chairman|chairwoman|founder|associate|principal|"
                     r"counsel|adviser|advisor|consultant|vice-president|VP|CEO|CFO|CTO|COO|MD|employee|staff|"
                     r"works?|worked|working)\s+at\s+(?:the\s+)?$", re.I)
# What a company does after its name: "Zurich said", "Zurich's chief executive", "Zurich agreed".
_ACTS_AFTER = re.compile(r"(?:['’]s\s+(?:[A-Z]|(?:chief|ceo|board|shares|stake|unit|business|acquisition|deal|purchase|"
                         r"offer|bid|results|profit|chairman|president)\b)|\s+(?:said|says|has|had|is|was|will|would|"
                         r"expects?|expected|agreed|plans|announced|reported|bought|sold|acquired|told)\b)")


def named_after_city(mention: Mention, before: str, after: str, text: str) -> bool:
    """ "Zurich said", "Zurich's chief executive": a city's name that stands for a company the article names with it
    ("Zurich Insurance"), when it acts as a company does and nothing makes it a place."""
    name = mention.name
    if name not in CITIES or not mention.location_only or not _ACTS_AFTER.match(after) \
            or re.search(r"\b(?:in|at|near|from|to|of|outside|across|around|into|via|for)\s+(?:the\s+)?$", before, re.I):
        return False
    for follower in re.findall(r"\b" + re.escape(name) + r"\s([A-Z][a-z]{2,20})\b", text):
        if follower not in FACILITY_WORDS and follower not in NOT_NAMES and follower not in CITIES \
                and follower not in PLACE_NAMES and follower not in ("City", "Region", "Area", "State", "Airport"):
            return True
    return False


# "a $500 million loan to Vietnam", "grants to Kenya": the country the money goes to is the state that takes it.
_LENT_TO = re.compile(r"\b(?:loans?|credits?|financing|grants?|aid|lends?|lent)\s+(?:(?:of|worth)\s+\S+\s+(?:\w+\s+)?)?"
                      r"to\s+(?:the\s+)?$", re.I)


# "It roped in KIP as an investor", "brought in Acme as a partner": "in" ends a verb here; no place follows.
_PHRASAL_IN = re.compile(r"\b(?:rop(?:e|es|ed|ing)|br(?:ing|ings|ought|inging)|pull(?:s|ed|ing)?|dr(?:aw|aws|ew|awing)"
                         r"|usher(?:s|ed)?)\s+in\s+$")


def set_kind(mention: Mention, before: str, after: str, sentence_start: int = -1) -> None:
    name = mention.name
    words = name.split()
    if name in NOT_PARTIES:
        mention.descriptor = True
    if re.match(r"\s*(?:['’]s\s+)?(?:chairman|chairwoman|ceo|cfo|coo|cto|founder|co-founder|president|chief|director|"
                r"minister|head|vice|executive|spokes\w+|managing|chair)\b", after) \
            or re.match(r"\s+(?:investor|backer|owner|parent|shareholder|unit|subsidiary)\s+[A-Z]", after) \
            or len(words) <= 3 and re.match(r"\s+(?:state\s+|state-owned\s+)?"
                                            # "X from investment firm Y": a preposition leads to another party.
                                            r"(?:(?!(?:from|to|with|by|and|for|of|in|at|or|than)\b)[a-z][\w-]*\s+){0,2}"
                                            r"(?:company|utility|firm|"
                                            r"operator|developer|start-?up|lender|insurer|producer|trader|retailer|"
                                            r"manufacturer|miner|shipper|refiner)\s+[A-ZÀ-ÖØ-Þ]", after):
        # "Maranhão sanitation company Águas do Itapecuru": a place or owner that describes the name after it.
        mention.descriptor = True
    # "Narmada Infra Projects has won an order": a facility wins nothing; a plural name that acts is a company.
    # "Tallinn Compute Park secured a loan": a name that signs or borrows is a company, whatever its last word.
    acts = words[-1].endswith("s") and re.match(r"\s+(?:has|have|had|won|wins|said|says|signed|bagged|secured|will)\b",
                                                after) \
        or re.match(r"\s+(?:has\s+|have\s+)?(?:secured|signed|inked|bagged|raised|borrowed|agreed)\b", after)
    if words[-1] in FACILITY_WORDS and not acts or re.match(
            # "X solar park" names a facility; "X for a solar park" is a party and what it is for.
            r"\s+(?:(?!(?:to|will|plans?|is|has|and|said|would|can|for|a|an|the|in|at|of|with|from|on|by)\b)[a-z][\w-]*\s+)"
            r"{0,3}(?:park|plant|farm|campus|site|facility|factory|mine|quarry|refinery|smelter|mill|warehouse|depot|dam"
            r"|complex|field|terminal)s?\b",
            after):
        mention.asset = True
    # "the Maricunga lithium project", "its Akyem operation", "the Mindanao island": what a deal is about.
    # "X for the project" is a party and what it is for, as with plants above.
    if re.match(r"\s+(?:(?!(?:to|will|plans?|is|has|and|said|would|can|for|a|an|the|in|at|of|with|from|on|by|its|their)\b)"
                r"[a-z][\w-]*\s+){0,2}?(?:project|operation|island|licen[cs]e|deposit|concession|prospect|"
                r"block|brand|franchise)s?\b", after):
        mention.asset = True
    # Exchanges list the shares; ratings agencies grade the debt: neither is bound by the deal.
    if words[-1] in ("Exchange", "Ratings", "Bourse") or name.startswith(("Moody's", "Moody’s", "Fitch")):
        mention.descriptor = True
    # "Dar es Salaam-based X": the start of a place cut by its small word; "the capital's Gulshan": a district.
    if re.match(r"\s+(?:es|el|al|de|da|do|du|la|le|di|del|des|dos|das)\s+[A-Z][\w'’]*-(?:based|headquartered|listed|"
                r"registered)\b", after) or re.search(r"\bthe\s+(?:capital|city|country|region|state|province)['’]s\s+$",
                                                      before):
        mention.location_only = True
        return
    if re.search(r"\b(?:GmbH|Inc|Ltd|AG|SA|Group|Corp|plc|LLC)\.?\s+of\s+$", before):
        mention.location_only = True
        return
    # "DALLAS, March 3" and "ABERDALE, 14 January": a dateline's city.
    if name.isupper() and len(name) > 3 and (name.title() in CITIES or name.title() in PLACE_NAMES
                                             or mention.start == sentence_start and after.startswith(",")):
        mention.location_only = True
        return
    if re.search(r"\b(?:province|region|district|county|city|town|village|municipality|prefecture|island|port)\s+of\s+$",
                 before, re.I) \
            or re.search(r"\b(?:[A-Z][a-z]+(?:an|ian|ese)|US|U\.S\.)\s+state\s+of\s+$", before):
        # "the Brazilian state of Pará": a place named in passing, not its government.
        mention.location_only = True
        return
    # "out of the Amazon region", "the Permian basin": a place named by what it is.
    if re.search(r"\bthe\s+$", before) and re.match(r"\s+(?:region|basin|valley|delta|coast|belt|corridor|peninsula|"
                                                     r"rainforest|highlands)\b", after):
        mention.location_only = True
        return
    # "Genesee County", "Kilifi District": a place named by its kind, unless its government acts.
    if words[-1] in ("County", "District", "Province", "Prefecture", "Oblast", "Governorate", "Municipality",
                     "Township", "Parish", "Borough", "Region") and len(words) > 1 \
            and not re.match(r"\s+(?:government|council|administration|authority)\b", after, re.I):
        mention.location_only = True
        return
    # "off the coast of Binh Thuan province", "in Bac Ninh province": a place named by its kind in lower case.
    if re.match(r"\s+(?:province|district|county|prefecture|governorate|oblast)\b(?!\s+(?:government|council|"
                r"administration|authority|authorities|officials?)\b)", after):
        mention.location_only = True
        return
    # "the Ulsan Metropolitan City government", "the Lagos State government": a government we have no list for.
    if (name not in PLACE_NAMES or name in REGIONS) and re.match(r"\s+(?:state\s+|city\s+|municipal\s+|provincial\s+|regional\s+|region(?:al)?\s+|"
                                           r"district\s+|county\s+|oblast\s+|province\s+)?"
                                           r"(?:government|administration|authorities|akimat)\b", after):
        mention.kind, mention.place, mention.explicit = PartyKind.GOVERNMENT, name, True
        return
    if name in REGIONS:
        # "Kumamoto", "the Northern Cape": a province is where things are, unless its government is named (above).
        mention.location_only = True
        return
    place = PLACE_NAMES.get(name)
    # "the Norwegian utility", "a Korean chipmaker": a nationality adjective describes, it does not sign.
    if place and name != place and (name.endswith(("an", "ese", "ish", "i", "ch", "ic")) or name in ("Swiss", "Greek", "Thai")) \
            and re.match(r"\s+(?:[A-Z]{2,5}s?\s+)?[a-z]", after) and not re.match(r"\s+(?:state\s+)?(?:government|presidency|administration|"
                                                         r"ministry|delegation|counterpart)\b", after):
        mention.place, mention.kind, mention.location_only = place, PartyKind.GOVERNMENT, True
        return
    if place and mention.possessive:
        mention.place, mention.kind, mention.location_only = place, PartyKind.GOVERNMENT, True
        return
    if words[-1] in _EVENT_WORDS and len(words) > 1 and re.search(
            r"\b(?:at|during|sidelines\s+of|ahead\s+of|margins\s+of)\s+(?:the\s+)?(?:[\w.]{1,30}\s?[–-]\s?|[\w.-]{1,30}\s+)?$",
            before):
        mention.location_only = True
        return
    if len(words) == 1 and not place and re.search(r"\b[Tt]he\s+$", before) and _PLACE_BEFORE_FIRM.match(after) \
            and name not in ORG_SUFFIXES:
        mention.location_only = True
        return
    if not place and name not in CITIES and not any(w in ORG_SUFFIXES for w in words) \
            and re.search(r"\b(?:in|at|near|outside|off|across|throughout|around)\s+(?:the\s+)?(?:[a-z]+\s+)?$", before) \
            and not re.search(r"\b(?:invest\w*|stakes?|owner|interest|shares?|holdings?|position|bet|money|partners?"
                              r"|funding|round|financing|capital|equity)"
                              # "invested $50 million in X": the sum between the verb and "in" keeps X a company.
                              r"\s+(?:of\s+)?(?:(?:about|some|another|an additional|a further)\s+)?(?:[A-Z]{0,3}[$€£¥₹₩₦₱₫₺₽₪]?\s?[\d.,]+"
                              r"\s*(?:million|billion|bn|mn|m|crore|lakh)?\s+(?:[a-z]+\s+){0,2})?in\s+(?:the\s+)?$",
                              before) and not _JOB_AT.search(before) and not _PHRASAL_IN.search(before):
        mention.location_only = True
        return
    if place:
        mention.place = place
        mention.kind = PartyKind.GOVERNMENT
        # "UK chip designer ARM", "Indian firm AM Green", "in France": a place, not a party.
        if re.match(r"\s+(?:[a-z][\w-]*\s+){0,3}(?:firm|company|group|startup|start-up|designer|maker|developer|bank|investor|"
                    r"lender|operator|giant|provider|fund|companies|firms|banks|counterpart|partner|exporter|importer|"
                    r"trader|producer|supplier|utility|miner|refiner|smelter|buyer)s?\b", after) \
                or re.search(r"\b(?:in|to|into|across|throughout|near|outside|of)\s+(?:the\s+)?$", before):
            mention.location_only = True
        if re.match(r"\s+(?:government|state\s+government|administration|presidency)\b", after, re.I) \
                or re.search(r"\b(?:state|government|republic|kingdom)\s+of\s+(?:the\s+)?$", before, re.I) \
                or _LENT_TO.search(before):
            mention.location_only = False
        return
    if name in CITIES:
        mention.location_only = True
        return
    if words[-1] == "Authority" and "Investment" in words or "Wealth" in words or "Pension" in words:
        mention.kind = PartyKind.FUND  # "Qatar Investment Authority": a sovereign fund, not a ministry
        return
    # "UK Export Finance", "Export Development Canada": a state's export credit agency.
    if "Export" in words and re.search(r"\bExport\s(?:Finance|Credit|Development)\b", name) \
            and any(w in PLACE_NAMES for w in words):
        mention.kind = PartyKind.GOVERNMENT
        return
    if any(w in GOVERNMENT_HEADS for w in words) and (words[0] in GOVERNMENT_HEADS or PLACE_NAMES.get(words[0])
                                                        or words[-1] in ("Administration", "Government", "Presidency")
                                                        or "of" in words or words[0] in ("U.S.", "US", "UK")):
        mention.kind = PartyKind.GOVERNMENT
        for w in (words[0], words[-1], " ".join(words[-2:])):
            if w in PLACE_NAMES:
                mention.place = PLACE_NAMES[w]
        if mention.place is None:
            prefix = re.search(r"\b([A-Z][\w.]*(?:\s[A-Z]\w+)?)\s+$", before)
            if prefix and prefix.group(1) in PLACE_NAMES:
                mention.place = PLACE_NAMES[prefix.group(1)]
        return
    if name in DEVELOPMENT_LENDERS:
        mention.kind = PartyKind.ORGANIZATION
    elif words[-1] == "Authority" and "Investment" in words:
        mention.kind = PartyKind.FUND
    elif words[-1] in ("Authority", "Agency", "Commission", "Administration", "Ministry", "Department"):
        mention.kind = PartyKind.GOVERNMENT
    elif any(o in name for o in ORGANIZATION_WORDS) and not _TRADING_BANK.search(name):
        mention.kind = PartyKind.ORGANIZATION
    elif words[-1] == "Fund" or _FUND_DESCRIPTORS.search(before) or "Pension" in words or "Wealth" in words:
        mention.kind = PartyKind.FUND
