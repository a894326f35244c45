"""Who supplies in a supply deal, from a clause that says so in words: "Under the deal, X will supply power"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from core.extract import roles
from core.extract.mention import Mention

# After the name: an optional appositive (", a subsidiary of Y,"), then a verb of intent and one of supplying.
_INTENT = r"(?:\s*,[^,;]{1,80},)?\s+(?:will|would|shall|is to|are to|agreed to|has agreed to|is set to|plans to)\s+(?:\w+ly\s+)?"
# "X signed a 20-year power purchase agreement on Wednesday to supply 180MW to Y": the purpose says who supplies.
_SIGNED = r"\s+(?:has\s+|have\s+)?(?:signed|inked|agreed|entered\s+into|struck|sealed)\b[^.;]{0,90}?\bto\s+"
# ("X signed a foundry deal with Y to manufacture its chips": after "signed ... with Y", making is as often Y's.)
_SUPPLIES = re.compile(r"(?:" + _INTENT + r"|" + _SIGNED + r")(?:supply|deliver|sell|provide|ship|generate)\b"
                       r"|" + _INTENT + r"(?:package|assemble|manufacture|produce|build|install|maintain)\b", re.I)
# "Under the agreement, X will lease 120 MW at Y's campus": the tenant is the customer (leasing *to* someone is not).
_BUYS = re.compile(r"(?:" + _INTENT + r"|" + _SIGNED + r")(?:buy|purchase|take|offtake|procure|rent"
                   r"|lease(?![^.;]{0,80}\bto\s+(?-i:[A-Z])))\b", re.I)
# "signed a supply agreement with Y, under which the Chinese manufacturer will deliver ...": the maker supplies.
MAKER_WILL_SUPPLY = re.compile(r"\bunder\s+which\s+the\s+(?:[\w-]+\s+){0,2}?(?:manufacturer|maker|supplier|producer|"
                               r"contractor|builder|vendor|shipyard)\s+will\s+(?:\w+ly\s+)?(?:supply|deliver|build|"
                               r"provide|manufacture|ship)\b", re.I)


def stated_sides(text: str, names: Iterable[tuple[str | None, int]], parties: dict[str, str]) -> dict[str, str]:
    """Sides of a supply deal's parties where one of them is said, by name, to supply or to buy.

    `names` are the parties named in the clauses that tell the deal, as (key, where the name ends), "the
    company" that opens a clause included; `parties` the deal's parties and their sides so far. A compound noun
    ("signed a power supply agreement with Y") only hinted who supplies; the verb settles it.
    Returns {} when no clause says, or when they say it of more than one party.
    """
    suppliers, buyers = set(), set()
    for key, end in names:
        if key not in parties:
            continue
        after = text[end:end + 200]
        if _SUPPLIES.match(after):
            suppliers.add(key)
        elif _BUYS.match(after):
            buyers.add(key)
    if len(suppliers) == 1 and not buyers & suppliers:
        (supplier,) = suppliers
        return {k: roles.RECEIVER if k == supplier else roles.GIVER for k in parties}
    if len(buyers) == 1 and not suppliers:
        (buyer,) = buyers
        return {k: roles.GIVER if k == buyer else roles.RECEIVER for k in parties}
    return {}


# In a power purchase agreement the generator sells and the user of the power buys, whichever signed first:
# "solar developer X signed a PPA with Y", "the utility signed a PPA with cloud provider Y".
# Only "X signed a PPA with Y" leaves it to that: "won a PPA from Y", "will supply Y under a PPA" say it in words.
_PPA_WITH = re.compile(r"\b(?:signed|inked|entered\s+into|struck|sealed|agreed|penned|executed)\b[^.;]{0,80}?"
                       r"(?:\b(?:power|electricity|energy)\s+(?:purchase|supply)\s+agreements?|\bPPAs?)\b[^.;]{0,60}?\bwith\b")
_PRODUCER_WORDS = (r"(?:utility|(?:solar|wind|renewables?|clean[- ]energy|power|energy|hydro(?:power)?|geothermal|"
                   r"battery|storage)\s+(?:developer|producer|generator|company|firm|group|operator|platform)|"
                   r"(?:independent\s+)?power\s+producer|IPP|generator)")
_PRODUCER_BEFORE = re.compile(_PRODUCER_WORDS + r"\s+$", re.I)
_PRODUCER_AFTER = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?" + _PRODUCER_WORDS + r"\b", re.I)
# A name that says it makes power: "X Energy", "X Renewables", "X Solar", "TotalEnergies", "Y Energia".
_PRODUCER_NAME = re.compile(r"energ|power|solar|wind|renew|renov|hydro", re.I)


def producer_sides(text: str, mentions: Iterable[Mention], key_of: Callable[[Mention], str | None],
                   names: dict[str, tuple[str, ...]], told: str) -> dict[str, str]:
    """Sides of a power purchase agreement's two parties from which of them makes power.

    `names` are the two parties' names by key; `told` the text of the clauses that tell the deal. A party
    described as a utility, a developer or a power producer, or named as one ("X Renewables"), supplies; the
    other buys. Returns {} when that does not tell them apart.
    """
    if len(names) != 2 or not _PPA_WITH.search(told):
        return {}
    described: set[str] = set()
    for mention in mentions:
        key = key_of(mention)
        if key in names and (_PRODUCER_BEFORE.search(text, max(0, mention.start - 40), mention.start)
                               or _PRODUCER_AFTER.match(text, mention.end)):
            described.add(key)
    named = {key for key, spelt in names.items() if any(_PRODUCER_NAME.search(name) for name in spelt)}
    for producers in (described, named):
        if len(producers) == 1:
            (producer,) = producers
            return {k: roles.RECEIVER if k == producer else roles.GIVER for k in names}
    return {}


# A lease of space in a data centre: the one whose campus it is lets it, the AI firm or cloud that takes the megawatts
# rents it, whichever signed first ("X signed a lease with cloud provider Y, which will take 18MW").
_LEASE_WITH = re.compile(r"\blease\b[^.;]{0,80}?\bwith\b|\bwith\b[^.;]{0,80}?\blease\b|\blease\b[^.;]{0,40}?\bsigned\b"
                         r"[^.;]{0,40}?\bwith\b", re.I)
_TENANT_WORDS = (r"(?:cloud(?:\s+computing)?\s+(?:provider|company|giant|firm|operator|group)|hyperscalers?|"
                 r"(?:AI|artificial\s+intelligence)\s+(?:developer|company|lab|start-?up|firm|group|model\s+developer)|"
                 r"tenant|(?:social\s+media|internet|tech(?:nology)?)\s+(?:giant|company|group))")
_TENANT_BEFORE = re.compile(r"\b" + _TENANT_WORDS + r"\s+$", re.I)
_TENANT_AFTER = re.compile(r"(?:,\s+(?:an?|the)\s+(?:[\w.-]+\s+){0,3}?" + _TENANT_WORDS + r"\b"
                           r"|,\s+which\s+will\s+(?:take|use|occupy|lease|rent)\b)", re.I)


def lease_sides(text: str, mentions: Iterable[Mention], key_of: Callable[[Mention], str | None],
                keys: Iterable[str], told: str) -> dict[str, str]:
    """Sides of a lease's two parties from which of them is said to be the tenant; {} when that is not said."""
    keys = list(keys)
    if len(keys) != 2 or not _LEASE_WITH.search(told):
        return {}
    tenants = {key for mention in mentions if (key := key_of(mention)) in keys
               and (_TENANT_BEFORE.search(text, max(0, mention.start - 45), mention.start)
                    or _TENANT_AFTER.match(text, mention.end))}
    if len(tenants) != 1:
        return {}
    (tenant,) = tenants
    return {k: roles.GIVER if k == tenant else roles.RECEIVER for k in keys}
