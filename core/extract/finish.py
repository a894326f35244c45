"""From a draft to a Deal: roles settled, the date chosen, people, place, sectors, commitments and evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from core.extract import roles
from core.extract.dates import deal_date
from core.extract.describe import commitments_of, sectors_of, status_of, title_of
from core.extract.entities import Mention
from core.extract.frames import Frame
from core.extract.money import MoneyMention
from core.extract.people import find_people
from core.extract.registry import EntityTable
from core.extract.sentences import Sentence
from core.model import Amount, Deal, DealType, Evidence, Party, PartyKind, Precision


@dataclass
class Draft:
    """A deal while the article is being read."""

    type: DealType
    frames: list[Frame] = field(default_factory=list)
    parties: dict[str, str] = field(default_factory=dict)  # entity key -> role
    amounts: list[MoneyMention] = field(default_factory=list)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # entity key -> the words that named it
    vehicle: str | None = None
    actors: list[str] = field(default_factory=list)  # the subjects of its clauses, in order

    @property
    def last_sentence(self) -> int:
        return self.frames[-1].sentence


@dataclass
class Finisher:
    """What a finished deal needs of the article that was read."""

    text: str
    published: date | None
    title: str | None
    table: EntityTable
    sentences: list[Sentence]
    mentions: dict[int, list[Mention]]

    def finish(self, draft: Draft) -> Deal | None:
        """The deal a draft becomes, or None when it is no deal (one party that is no capital raise)."""
        keys = [k for k in draft.parties if self.table.entities.get(k)]
        if self._needs_default_government(draft, keys):
            default = self.table.dominant_government()
            if default and default not in keys:
                keys.append(default)
                draft.parties[default] = "subject"
        if not keys:
            return None
        if len(keys) == 1 and not self._stands_alone(draft, keys[0]):
            return None
        if self.title and re.search(r"\bMoUs?\b|memorand", self.title, re.I) \
                and draft.type in (DealType.INVESTMENT, DealType.OTHER):
            draft.type = DealType.MOU
        if draft.type == DealType.OTHER:
            draft.type = self._title_type() or DealType.OTHER
        self._settle_sides(draft, keys)
        parties = tuple(self._party(k, draft, keys) for k in keys)
        amounts = tuple(Amount(value=a.value, currency=a.currency, text=a.text, usd_value=a.usd_value,
                               qualifier=a.qualifier) for a in draft.amounts)
        deal_date, precision = self._date(draft)
        sentences = sorted({f.sentence for f in draft.frames})
        people = find_people(self.text, [self.sentences[i] for i in sentences], self.mentions, sentences,
                             {self.table.entities[k].name for k in keys})
        evidence = self._evidence(draft, keys, sentences)
        review = [e.field for e in evidence if e.confidence < 0.6 and "[" not in e.field]
        if not deal_date or precision == Precision.WEEK:
            review.append("date")
        if any(e.confidence < 0.6 for e in evidence if e.field.startswith("parties[")):
            review.append("parties")
        summary = " ".join(self.sentences[i].text for i in sentences)[:600]
        return Deal(
            title=title_of(draft.type, parties, amounts),
            type=draft.type,
            status=status_of(summary, draft.type),
            date=deal_date.isoformat() if deal_date else None,
            date_precision=precision,
            parties=parties,
            amounts=amounts,
            location=self._location(sentences),
            sectors=sectors_of(summary),
            commitments=commitments_of(summary),
            people=tuple(people),
            summary=summary,
            needs_review=tuple(review),
            evidence=tuple(evidence),
        )

    def _evidence(self, draft: Draft, keys: list[str], sentences: list[int]) -> list[Evidence]:
        """Where each field came from, with how sure the rules are of it."""
        first = next((f for f in draft.frames if f.type == draft.type), draft.frames[0])
        strong = draft.type != DealType.OTHER and first.type == draft.type
        # A frame of no type has no cue word: its clause is the evidence.
        cue = (first.cue_start, first.cue_end) if first.cue_end > first.cue_start else (first.start, first.end)
        out = [Evidence("type", *cue, 0.9 if strong else 0.4)]
        for index, key in enumerate(keys):
            span = draft.spans.get(key)
            if span:
                out.append(Evidence(f"parties[{index}]", span[0], span[1], 0.9))
            else:  # named only through "the firm", "the delegation" or the article's government
                out.append(Evidence(f"parties[{index}]", first.start, first.end, 0.5))
        out += [Evidence(f"amounts[{i}]", a.start, a.end, 0.9) for i, a in enumerate(draft.amounts)]
        dated = [m for f in draft.frames for m in f.dates if m.value is not None]
        if dated:
            best = min(dated, key=lambda m: list(Precision).index(m.precision))
            sure = {"absolute": 0.95, "weekday": 0.8, "relative": 0.7, "anchored": 0.6}.get(best.kind, 0.6)
            out.append(Evidence("date", best.start, best.end, sure))
        for index in sentences:
            for mention in self.mentions[index]:
                if mention.location_only and not mention.person:
                    out.append(Evidence("location", mention.start, mention.end, 0.7))
                    break
            else:
                continue
            break
        out += [Evidence("summary", self.sentences[i].start, self.sentences[i].end, 0.8) for i in sentences]
        return out

    def _settle_sides(self, draft: Draft, keys: list[str]) -> None:
        """Sides the verbs left open or set against the names: banks lend, governments grant."""
        if draft.type == DealType.OTHER:
            told = " ".join(self.text[f.start:f.end] for f in draft.frames)
            if roles.LICENCE.search(told):
                names = {k: (self.table.entities[k].name, *self.table.entities[k].aliases) for k in keys}
                draft.parties.update(roles.licence_sides(told, names, draft.actors))
            return
        if draft.type != DealType.FINANCING:
            return
        lender = {k: roles.lends(self.table.entities[k].name, self.table.entities[k].kind) for k in keys}
        sides = {k: draft.parties.get(k) or "" for k in keys}
        open_ = [k for k in keys if sides[k] not in (roles.GIVER, roles.RECEIVER)]
        wrong = [k for k in keys if sides[k] == roles.RECEIVER and lender[k]] and \
            not [k for k in keys if sides[k] == roles.RECEIVER and not lender[k]]
        if wrong and [k for k in keys if sides[k] == roles.GIVER and not lender[k]]:
            # "ADB signs a loan with three wind firms": the verb did not say who lends; the bank does.
            for k in keys:
                sides[k] = roles.GIVER if lender[k] else roles.RECEIVER
        elif open_:
            # Names the verb left open: banks lend; the rest borrow, unless a borrower is known already or
            # lenders are named in numbers ("A, B and C have been allocated portions of the loan").
            known = [sides[k] for k in keys if k not in open_]
            many = known.count(roles.GIVER) >= 2 or roles.RECEIVER in known
            for k in open_:
                sides[k] = roles.GIVER if lender[k] or many else roles.RECEIVER
        draft.parties.update(sides)

    def _stands_alone(self, draft: Draft, key: str) -> bool:
        """A capital raise whose investors or lenders go unnamed is still a deal; a spending plan is not."""
        return (draft.type in (DealType.FUNDING_ROUND, DealType.FINANCING) and bool(draft.amounts)
                and any(f.raise_verb for f in draft.frames)
                and self.table.entities[key].kind != PartyKind.GOVERNMENT)

    def _needs_default_government(self, draft: Draft, keys: list[str]) -> bool:
        kinds = {self.table.entities[k].kind for k in keys}
        return draft.type in (DealType.MOU,) and len(keys) == 1 and PartyKind.GOVERNMENT not in kinds \
            or bool(self.title and re.search(r"\bMoUs?\b", self.title) and len(keys) == 1
                    and PartyKind.GOVERNMENT not in kinds and draft.type in (DealType.INVESTMENT, DealType.OTHER))

    def _title_type(self) -> DealType | None:
        if not self.title:
            return None
        from core.extract.frames import clause_type
        found, _, _ = clause_type(self.title)
        return found if found not in (None, DealType.OTHER) else None

    def _party(self, key: str, draft: Draft, keys: list[str]) -> Party:
        entity = self.table.entities[key]
        kinds = [self.table.entities[k].kind for k in keys if k != key]
        invests = bool(draft.amounts) or any(re.search(r"\binvest", self.text[f.start:f.end], re.I) for f in draft.frames)
        role = roles.role_of(draft.type, draft.parties.get(key) or None, entity.kind, vehicle=key == draft.vehicle,
                             with_government=PartyKind.GOVERNMENT in kinds,
                             with_company=any(k != PartyKind.GOVERNMENT for k in kinds), invests=invests)
        return Party(name=entity.name, kind=entity.kind, role=role,
                     aliases=tuple(a for a in entity.aliases if a != entity.name), country=entity.place)

    def _date(self, draft: Draft) -> tuple[date | None, Precision | None]:
        return deal_date([m for f in draft.frames for m in f.dates], self.published)

    def _location(self, sentences: list[int]) -> str | None:
        for index in sentences:
            for mention in self.mentions[index]:
                if mention.location_only and not mention.person:
                    name = mention.place or mention.name
                    return name.title() if name.isupper() and len(name) > 3 else name
        return None


