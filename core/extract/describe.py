"""How a finished deal is described: roles from sides, a headline-style title, status, sectors, commitments."""

from __future__ import annotations

import re

from core.extract import cues
from core.model import Amount, Commitment, DealType, Party, Status

# Verbs of the side that puts money in: "Veldt Bank led the financing", "X joined the round".
BACKING = re.compile(r"\b(?:led|leads|joined|join|provided|provides|provide|invested|invests|will invest|lent|lends|lend|"
                      r"extend(?:s|ed)?|underwrote|underwrite|arrange[ds]?|backed|participated|contributed|injected|took part)\b", re.I)

# Types a later clause may turn a deal into.
UPGRADES = frozenset({DealType.MOU, DealType.JOINT_VENTURE})

_ROLES = {
    DealType.ACQUISITION: ("acquirer", "target"),
    DealType.MERGER: ("partner", "partner"),
    DealType.INVESTMENT: ("investor", "recipient"),
    DealType.FUNDING_ROUND: ("recipient", "investor"),
    DealType.FINANCING: ("borrower", "lender"),
    DealType.CONTRACT: ("customer", "supplier"),
    DealType.GRANT: ("government", "recipient"),
    DealType.MOU: ("partner", "partner"),
}


def role_of(deal_type: DealType, side: str, vehicle: bool) -> str:
    if vehicle:
        return "vehicle"
    subject, obj = _ROLES.get(deal_type, ("partner", "partner"))
    if side in ("seller", "buyer"):
        return side
    if side == "in":
        return {DealType.ACQUISITION: "target", DealType.FINANCING: "borrower"}.get(deal_type, "recipient")
    if side == "backer":
        return obj if deal_type in (DealType.FUNDING_ROUND, DealType.FINANCING) else subject
    return subject if side == "subject" else obj


def _names(parties: list[Party]) -> str:
    names = [p.name for p in parties]
    if len(names) > 3:
        return ", ".join(names[:2]) + " and others"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def title_of(deal_type: DealType, parties: tuple[Party, ...], amounts: tuple[Amount, ...]) -> str:
    """A short headline of our own: who did what, for how much."""
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


def commitments_of(text: str) -> tuple[Commitment, ...]:
    out: list[Commitment] = []
    for match in re.finditer(r"\b(?:plan|plans|commit(?:ted|s)?|agreed|pledged?|will|aims?)\s+to\s+((?:jointly\s+)?[a-z]+\s+[^.,;]{8,90})",
                             text):
        phrase = match.group(1).strip()
        horizon = re.search(r"\b(?:over the next \w+ years|by \d{4}|in \d+ years|within \w+ years)\b", phrase)
        out.append(Commitment(phrase, horizon.group() if horizon else None))
    return tuple(out[:4])


