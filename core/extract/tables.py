"""Deals told as rows of a table ("Company | Stage | Amount | Investors"), as newsletters and pasted pages set them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.extract import roles
from core.extract.frames import clause_type
from core.extract.mention import Mention
from core.extract.sentences import Sentence
from core.model import DealType

# What a column holds, by the words of its header.
_COLUMNS = (
    ("company", re.compile(r"\b(?:company|companies|start-?ups?|firm|borrower|issuer|target|recipient|name|business)\b",
                           re.I)),
    ("backers", re.compile(r"\b(?:investors?|backers?|lenders?|lead|acquirers?|buyers?|bidders?|arrangers?)\b", re.I)),
    ("amount", re.compile(r"\b(?:amount|size|raised|value|sum|price|loan)\b", re.I)),
    ("stage", re.compile(r"\b(?:stage|round|type|deal|instrument|series)\b", re.I)),
)
# A header says what its table's deals are when no cell does: lenders lend, acquirers buy.
_HEADER_TYPE = ((re.compile(r"\blenders?\b|\barrangers?\b|\bborrowers?\b", re.I), DealType.FINANCING),
                (re.compile(r"\bacquirers?\b|\bbuyers?\b|\btargets?\b|\bbidders?\b", re.I), DealType.ACQUISITION),
                (re.compile(r"\binvestors?\b|\bbackers?\b|\bstage\b|\bround\b", re.I), DealType.FUNDING_ROUND))
_LEAD_MARK = re.compile(r"\s*\((?:lead|co-lead|leads?)\)\s*$", re.I)
_NAME = re.compile(r"[A-Z0-9][\w&'’.-]*(?:\s+(?:[A-Z0-9&][\w&'’.-]*|of|de|del|la|and|for|the))*(?<![ .])")


@dataclass
class Cell:
    start: int
    end: int
    text: str


@dataclass
class Row:
    """One row of a table of deals: its sentence, its deal type, and who stands on which side."""

    sentence: int
    type: DealType
    start: int
    end: int
    amount_span: tuple[int, int] | None
    sides: list[tuple[Mention, str]] = field(default_factory=list)
    record: bool = False  # a "Recipient: X / Amount: Y" record: its giver may be the one the lead named


def _cells(text: str, sentence: Sentence) -> list[Cell]:
    cells, at = [], sentence.start
    for part in sentence.text.split("|"):
        stripped = part.strip()
        offset = part.find(stripped) if stripped else 0
        cells.append(Cell(at + offset, at + offset + len(stripped), stripped))
        at += len(part) + 1
    return cells


def in_table(sentence: Sentence) -> bool:
    """Whether a sentence is a line of a table: cells between bars, read by `table_rows`, never as prose."""
    return sentence.text.count("|") >= 2 and "\n" not in sentence.text.strip()


_is_row = in_table


def table_rows(text: str, sentences: list[Sentence]) -> list[Row]:
    """The rows of every table of deals in the text; a table needs a header that names a company column."""
    rows: list[Row] = []
    index = 0
    while index < len(sentences):
        if not _is_row(sentences[index]):
            index += 1
            continue
        header = [c.text for c in _cells(text, sentences[index])]
        columns = {kind: k for k, label in enumerate(header) for kind, pattern in reversed(_COLUMNS)
                   if pattern.search(label)}
        index += 1
        if "company" not in columns or not ({"backers", "amount"} & set(columns)):
            continue
        table_type = next((t for pattern, t in _HEADER_TYPE if any(pattern.search(h) for h in header)),
                          DealType.FUNDING_ROUND)
        while index < len(sentences) and _is_row(sentences[index]):
            row = _row(text, sentences[index], index, columns, table_type, len(header))
            if row is not None:
                rows.append(row)
            index += 1
    return rows


def _row(text: str, sentence: Sentence, index: int, columns: dict[str, int], table_type: DealType,
         width: int) -> Row | None:
    cells = _cells(text, sentence)
    if len(cells) != width:
        return None
    company = cells[columns["company"]]
    name = _NAME.match(company.text)
    if name is None:
        return None
    deal_type = table_type
    if "stage" in columns:
        found = clause_type(cells[columns["stage"]].text)[0]
        deal_type = found if found not in (None, DealType.OTHER) else table_type
    receiver = roles.TARGET if deal_type == DealType.ACQUISITION else roles.RECEIVER
    sides = [(Mention(company.start, company.start + name.end(), name.group()), receiver)]
    if "backers" in columns:
        backers = cells[columns["backers"]]
        at = backers.start
        for part in backers.text.split(","):
            plain = _LEAD_MARK.sub("", part).strip()
            start = text.find(plain, at, backers.end) if plain else -1
            if start >= 0 and _NAME.fullmatch(plain):
                sides.append((Mention(start, start + len(plain), plain), roles.GIVER))
            at += len(part) + 1
    amount = cells[columns["amount"]] if "amount" in columns else None
    return Row(index, deal_type, sentence.start, sentence.end, (amount.start, amount.end) if amount else None, sides)


# "Recipient: X", "Amount: $6 million loan": a government's or a fund's list of what it gave, a field a line.
_FIELD = re.compile(r"(?P<label>[A-Z][a-z]+(?:\s+[a-z]+)?)\s*:\s+(?P<value>\S[^\n]{0,150})")
_FIELD_SIDE = (
    (re.compile(r"(?:recipients?|borrowers?|grantees?|beneficiar(?:y|ies)|investees?|awardees?|targets?|applicants?)$",
                re.I), "receiver"),
    (re.compile(r"(?:lenders?|investors?|funders?|acquirers?|buyers?|grantors?|backers?)$", re.I), "giver"),
    (re.compile(r"(?:(?:total\s+)?(?:amount|funding|loan|grant|investment|value|award|sum))$", re.I), "amount"),
)
# The amount's own words say what was given.
_RECORD_TYPE = ((re.compile(r"\bloans?\b|\bcredit\b|\bdebt\b|\bfinancing\b", re.I), DealType.FINANCING),
                (re.compile(r"\bgrants?\b|\bsubsid(?:y|ies)\b", re.I), DealType.GRANT),
                (re.compile(r"\bequity\b|\bstake\b|\binvestment\b", re.I), DealType.INVESTMENT))


def record_rows(text: str, sentences: list[Sentence]) -> list[Row]:
    """Deals set out as records, a labelled field a line: "Recipient: X" then "Amount: $6 million loan".

    A record needs a party's field and an amount's; lines of description between records are no part of them.
    """
    rows: list[Row] = []
    index = 0
    while index < len(sentences):
        fields: dict[str, Cell] = {}
        labels = ""
        last = index
        while last < len(sentences):
            found = _FIELD.fullmatch(sentences[last].text.strip())
            kind = next((k for pattern, k in _FIELD_SIDE if found and pattern.fullmatch(found.group("label"))), None)
            if found is None or kind is None or kind in fields:
                break
            start = sentences[last].start + sentences[last].text.find(found.group("value"))
            fields[kind] = Cell(start, start + len(found.group("value").rstrip()), found.group("value").rstrip())
            labels += " " + found.group("label")
            last += 1
        if "amount" in fields and ({"receiver", "giver"} & set(fields)):
            amount = fields["amount"]
            deal_type = next((t for pattern, t in _RECORD_TYPE if pattern.search(amount.text + labels)),
                             next((t for pattern, t in _HEADER_TYPE if pattern.search(labels)), DealType.INVESTMENT))
            sides = []
            for kind, side in (("receiver", roles.RECEIVER), ("giver", roles.GIVER)):
                cell = fields.get(kind)
                name = _NAME.match(cell.text) if cell else None
                if cell and name:
                    sides.append((Mention(cell.start, cell.start + name.end(), name.group()), side))
            if sides:
                rows.append(Row(last - 1, deal_type, sentences[index].start, sentences[last - 1].end,
                                (amount.start, amount.end), sides, record=True))
        index = max(last, index + 1)
    return rows


# "• Cerrado Solar S.A. - R$2 billion, over 20 years, for a solar complex": an item of a list of what a lead gave,
# a name and then its sum, with no verb of its own.
_ITEM = re.compile(r"[•▪·*–-]\s*(?P<name>[A-Z0-9][^\n,:;()]{1,80}?)\s*(?:\s[-–—]\s+|:\s+|,\s+)"
                   r"(?=(?:[A-Z]{0,3}\$|€|£|¥|₹|₩|Rs\.?\s?|[A-Z]{3}\s?)\d|\d[\d.,]*\s*(?:million|billion|trillion|bn|mn|crore)\b)")


_NAME_SMALL = frozenset({"of", "de", "del", "do", "da", "dos", "das", "du", "des", "la", "le", "and", "for", "the", "y", "e",
                         "van", "von", "&"})


def item_rows(text: str, sentences: list[Sentence]) -> list[Row]:
    """Items of a list that give each a name and its sum: the deals a lead told in total, one an item."""
    rows = []
    for index, sentence in enumerate(sentences):
        found = _ITEM.match(sentence.text)
        name = found.group("name").strip() if found else ""
        words = name.split()
        if found is None or not 0 < len(words) <= 8 or not all(w[0].isupper() or w[0].isdigit() or w in _NAME_SMALL
                                                             for w in words):
            continue
        start = sentence.start + found.start("name")
        deal_type = next((t for pattern, t in _RECORD_TYPE if pattern.search(sentence.text)), DealType.OTHER)
        rows.append(Row(index, deal_type, sentence.start, sentence.end, (sentence.start + found.end(), sentence.end),
                        [(Mention(start, start + len(name), name), roles.RECEIVER)], record=True))
    return rows


__all__ = ["Row", "in_table", "item_rows", "record_rows", "table_rows"]
