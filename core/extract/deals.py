"""From an article's text to its deals: frames per clause, folded into deals, with parties, roles and evidence."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar
from datetime import date, timedelta

from core.extract import cues, later, roles, tables
from core.extract.dates import DateMention, find_dates
from core.extract.entities import Mention, government_phrases, norm, sentence_mentions
from core.extract.frame import Frame
from core.extract.frames import build_frame
from core.extract.money import MoneyMention, find_amounts
from core.extract.finish import Draft, Finisher
from core.extract.folding import Folding
from core.extract.names_kind import set_kind
from core.extract.registry import EntityTable
from core.extract.tables import item_rows, record_rows, table_rows
from core.extract.sentences import BULLET, Sentence, split_clauses, split_sentences
from core.model import Deal, DealType, PartyKind, Precision


# Words of a price paid in parts: "the remaining", "an advance", "payable on closing", "of which".
# "The price is equivalent to roughly 52 billion yen": the price told again in another currency.
# "works out to as much as ¥903.9 billion": the offer per share, summed.
_PAYMENT = re.compile(r"\b(?:(?:offer|bid|deal|transaction)\s+values?|price\s+(?:(?:is|was)\s+equ(?:ivalent|al)\s+to|equals)"
                      r"|works?\s+out\s+(?:to|at)|worked\s+out\s+(?:to|at)"
                      r"|pay(?:s|ing)?|paid|payable|(?:pre)?payments?|advance|upfront|"
                      r"up-front|deferred|remaining|balance|disburs\w*|cheque|"
                      r"instal?l?ments?|tranches?|consideration|earn-?outs?|contingent|of which|on closing|upon closing)\b",
                      re.I)
# "said in a statement late on", "announced on", "told reporters on": the day a company gave the news.
_ANNOUNCED_ON = re.compile(r"\b(?:said|announced|disclosed|confirmed|signed|inked|sealed|agreed)(?:\s+in\s+an?\s+(?:statement|filing|release|"
                           r"press\s+release|regulatory\s+filing|exchange\s+filing))?(?:\s+(?:late|early))?\s+on\s+$")
# After a timeline item's date: "July 8 - ", "3 March: ", "Sept. 16 — ".
_ITEM_MARK = re.compile(r"\s*(?:[-–—:|]|\.\s)")
_PRICED = frozenset({DealType.ACQUISITION, DealType.INVESTMENT, DealType.JOINT_VENTURE, DealType.FINANCING,
                     DealType.MERGER, DealType.PARTNERSHIP, DealType.CONTRACT})


# '("Yallaroo" or "the Company")', "(the “Company”)": a release names the company it speaks for.
_THE_COMPANY = re.compile(r"\(\s*(?:[\"“][^\"”]{1,40}[\"”]\s*(?:or|,)\s*)?(?:the\s+)?[\"“](?:the\s+)?(?:Company|Group)[\"”]\s*\)", re.I)
_Spanned = TypeVar("_Spanned", MoneyMention, DateMention)


def within(items: list[_Spanned], starts: Sequence[int], sentence: Sentence) -> list[_Spanned]:
    """The items (in text order, `starts` their offsets) that begin inside the sentence, found by bisection."""
    return items[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]


@dataclass
class _Reader(Folding):
    text: str
    reference: date
    published: date | None
    title: str | None
    table: EntityTable
    sentences: list[Sentence] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    _records: set[int] = field(default_factory=set)  # ids of the drafts read from labelled records and list items
    _drawn: Counter[int] = field(default_factory=Counter)  # id of a lead draft -> records that drew their giver on it

    def read(self) -> list[Deal]:
        self.sentences = split_sentences(self.text)
        self.dates = find_dates(self.text, self.reference)
        amounts = find_amounts(self.text)
        amount_starts = [a.start for a in amounts]
        date_starts = [d.start for d in self.dates]
        rows = {row.sentence: row for row in table_rows(self.text, self.sentences) + record_rows(self.text, self.sentences)
                + item_rows(self.text, self.sentences)}
        for index, sentence in enumerate(self.sentences):
            if self._skipped(index, sentence) or tables.in_table(sentence):
                self.mentions[index] = []
                if sentence.heading or index == 0:
                    # "... backed by Hungarian govt grants": a government the headline names by its people's name
                    # is the body's "the government" too, and is named so.
                    named = [m for m in government_phrases(self.text, sentence) if m.place and m.name != m.place]
                    self.table.observe(named, sentence, self.sentences)
                continue
            found = sentence_mentions(self.text, sentence)
            self.mentions[index] = self.table.observe(found, sentence, self.sentences)
        company = self._release_company()
        for index, sentence in enumerate(self.sentences):
            if index in rows:
                self._fold_row(rows[index], within(amounts, amount_starts, sentence))
                continue
            if self._skipped(index, sentence) or sentence.quoted or tables.in_table(sentence):
                continue
            if later.named_side(self._recent(index, 4), self.mentions[index], self.table, sentence):
                continue
            previous: Frame | None = None
            # Only the sentence's own sums and dates: a clause never looks at the rest of the article.
            own_amounts = within(amounts, amount_starts, sentence)
            own_dates = within(self.dates, date_starts, sentence)
            item_date = None if own_dates else self._item_date(sentence)
            for span in split_clauses(sentence):
                frame = build_frame(self.text, sentence, index, span, self.mentions[index], own_amounts, own_dates)
                if frame is not None and item_date is not None:
                    frame.dates = [item_date]
                if self._payment_part(index, span, own_amounts, frame) or frame is None:
                    continue
                # "X raised $3bn in debt — and will raise equity led by Y": later clauses share the subject.
                if previous is not None and not frame.subjects and not frame.anaphors:
                    frame.subjects = list(previous.subjects)
                    frame.anaphors = list(previous.anaphors)
                # "• A$450m facility agreement executed with X and Y": a release's highlight tells of the company.
                elif not frame.subjects and not frame.anaphors and company is not None and BULLET.match(sentence.text):
                    frame.subjects = [company]
                previous = frame
                if not frame.hedged:
                    for part in self._one_per_counterparty(frame):
                        self._fold(part)
            recent = self._recent(index, 4)
            later.list_intro(self.drafts, index, self.mentions[index], self.table, sentence)
            later.syndicate(recent, self.mentions[index], self.table, sentence)
        self.drafts = [d for d in self.drafts if self._drawn[id(d)] < 2]
        self._absorb_lone_purchases()
        if self.title and cues.FAILED.search(self.title):
            # "Czech competition office blocks X's bid for Y": the story is a deal stopped; X and Y strike none.
            self.drafts = [d for d in self.drafts if not self._stopped_in_title(d)]
        story_date, told = self._story_date()
        finisher = Finisher(self.text, self.published, self.title, self.table, self.sentences, self.mentions,
                            story_date=story_date, story_told=told)
        deals = [deal for deal in (finisher.finish(d) for d in self.drafts) if deal is not None]
        if not deals and self.sentences:
            deals = self._from_headline(amounts)
        return deals

    def _release_company(self) -> Mention | None:
        """The company a press release speaks for: 'X Limited (ASX: XYZ) ("X" or "the Company")'."""
        for index, sentence in enumerate(self.sentences[:12]):
            if _THE_COMPANY.search(sentence.text):
                named = [m for m in self.mentions.get(index, []) if not (m.person or m.location_only or m.descriptor)]
                return named[0] if named else None
        return None

    def _stopped_in_title(self, draft: Draft) -> bool:
        if draft.type not in (DealType.ACQUISITION, DealType.MERGER, DealType.CONTRACT):
            return False
        title = norm(self.title or "")
        named = [k for k in draft.parties if any(norm(n) and norm(n) in title for n in (
            self.table.entities[k].name, *self.table.entities[k].aliases))]
        return bool(named)

    def _fold_row(self, row: tables.Row, amounts: list[MoneyMention]) -> None:
        """A deal told as a row of a table: its own sides, its sums from the amount column."""
        money = [a for a in amounts if row.amount_span and row.amount_span[0] <= a.start < row.amount_span[1]]
        frame = Frame(row.type, row.sentence, row.start, row.end, row.start, row.start, amounts=money)
        draft = Draft(row.type, frames=[frame])
        for mention, side in row.sides:
            set_kind(mention, "", "")
            key = self.table.key_of(mention)
            if key is None:
                continue
            self.table.entities[key].offsets.append(mention.start)
            draft.set_side(key, side)
            draft.spans.setdefault(key, (mention.start, mention.end))
            if side != roles.GIVER:
                draft.actors.append(key)
        for amount in money:
            draft.add_amount(amount)
        if row.record and roles.GIVER not in draft.parties.values():
            self._given_by_lead(draft)
            if roles.GIVER not in draft.parties.values() and draft.type == DealType.OTHER:
                return  # a list item no lead gave: a name and a sum, no deal
        self.drafts.append(draft)

    def _given_by_lead(self, draft: Draft) -> None:
        """A record without its giver: the one whose programme the lead told gives it, on the lead's day.

        "announced a $48.5 million investment from X's fund ... Recipient: A, Amount: $6 million loan": X lends to A.
        The lead's total is the sum of the records, no deal of its own once two of them have drawn on it.
        """
        self._records.add(id(draft))
        lead = next((d for d in reversed(self.drafts) if id(d) not in self._records
                     and roles.GIVER in d.parties.values() and d.type in _PRICED), None)
        if lead is None:
            return
        for key, side in lead.parties.items():
            if side == roles.GIVER:
                draft.parties[key] = side
                if key in lead.spans:
                    draft.spans.setdefault(key, lead.spans[key])
        draft.frames[0].dates = [d for f in lead.frames for d in f.dates][:1]
        if draft.type == DealType.OTHER:
            draft.type = draft.frames[0].type = lead.type
        self._drawn[id(lead)] += 1

    def _story_date(self) -> tuple[date | None, bool]:
        """The exact day the lead's first two sentences name, if they name one: "signed on Tuesday", "July 22, 2025";
        and whether it is told as the day of the news ("said on Monday", "signed on Tuesday"), which outranks a
        dateline's day.

        With a published date, only a day of the week before it counts ("agreements were signed on Tuesday" in
        Wednesday's paper); without one, only a day the text fixes itself, never one read from today.
        """
        kept = [s for i, s in enumerate(self.sentences) if not self._skipped(i, s)]
        for mention in self.dates:
            if self.published is not None:
                fixed = mention.kind in ("weekday", "absolute") and mention.value is not None \
                    and timedelta(0) < self.published - mention.value <= timedelta(days=6)
            else:
                fixed = mention.kind == "absolute" and re.search(r"\b(?:19|20)\d\d\b", mention.text) is not None \
                    or mention.kind == "weekday" and any(c.isdigit() for c in mention.text)
            if mention.value is not None and mention.precision == Precision.DAY and fixed \
                    and any(s.start <= mention.start < s.end for s in kept[:2]):
                return mention.value, self._told_on(mention)
        # "..., SLC said in a statement late on Monday" in the third to fifth sentence: the day the news came out.
        for mention in self.dates:
            if self.published is not None and mention.kind == "weekday" and mention.value is not None \
                    and timedelta(0) < self.published - mention.value <= timedelta(days=6) \
                    and any(s.start <= mention.start < s.end for s in kept[2:5]) and self._told_on(mention):
                return mention.value, True
        return None, False

    def _item_date(self, sentence: Sentence) -> DateMention | None:
        """The date a timeline's item opens with ("July 8 - Nuclear. Swedish utility X awarded ..."): it dates the
        deals its paragraph tells."""
        start = self.text.rfind("\n", 0, sentence.start) + 1
        for mention in self.dates:
            if mention.start == start and mention.value is not None and mention.kind == "absolute" \
                    and _ITEM_MARK.match(self.text, mention.end):
                return mention
            if mention.start > start:
                break
        return None

    def _told_on(self, mention: DateMention) -> bool:
        return bool(_ANNOUNCED_ON.search(self.text, max(0, mention.start - 45), mention.start))

    def _absorb_lone_purchases(self) -> None:
        """'Rio Tinto will acquire a 49.99% stake in the project' after its partnership with Codelco was told: a
        one-party purchase by a party of another deal of the article tells more of that deal, not a deal of its own."""
        kept: list[Draft] = []
        for draft in self.drafts:
            home = None
            if draft.type == DealType.ACQUISITION and len(draft.parties) == 1:
                key = next(iter(draft.parties))
                home = next((d for d in self.drafts if d is not draft and len(d.parties) >= 2 and key in d.parties
                             and abs(d.last_sentence - draft.last_sentence) <= 4), None)
            if home is None:
                kept.append(draft)
                continue
            for amount in draft.amounts:
                home.add_amount(amount)
        self.drafts = kept

    def _payment_part(self, index: int, span: tuple[int, int], amounts: list[MoneyMention],
                      frame: Frame | None) -> bool:
        """'It will pay the remaining 2.3 trillion won in 2025': a stated part of the price of the deal just told.

        True when the clause only tells such parts (it then makes no deal of its own).
        """
        start, end = span
        clause = self.text[start:end]
        if not self.drafts or not _PAYMENT.search(clause):
            return False
        named = set(self._keys(frame.subjects + frame.objects)) if frame is not None else set()
        if frame is not None and any(n not in ("it", "they", "company", "firm", "group") for n in frame.anaphors):
            return False
        # The deal whose parties the clause names ("will pay Exxon an advance"), else the one just told.
        draft = next((d for d in reversed(self.drafts) if named and named <= set(d.parties)), None)
        if draft is None and named:
            return False
        draft = draft or self.drafts[-1]
        # A licence is paid for too: "an upfront payment of 64 billion won and up to 1.5 trillion won in milestones".
        if index - draft.last_sentence > 2 or draft.type not in _PRICED and not any(f.licence for f in draft.frames):
            return False
        parts = [a for a in amounts if start <= a.start < end and a.excluded is None]
        if not parts:
            return False
        # "The deal values Truong Son at VND 8.9 trillion" after a 35% stake: the whole company's worth, not the price.
        if cues.valuation_of_part(clause, [self.text[f.start:f.end] for f in draft.frames]):
            return True
        for amount in parts:
            draft.add_amount(amount)
        # "The loan, equivalent to about R$2.2 billion, was signed on Tuesday": the clause dates the deal too.
        if frame is not None and any(d.precision == Precision.DAY for d in frame.dates):
            frame.subjects, frame.objects, frame.amounts = [], [], []
            draft.frames.append(frame)
        return True

    def _from_headline(self, amounts: list[MoneyMention]) -> list[Deal]:
        """A body that only says "the software giant" leaves the deal to the headline: read it as a sentence."""
        headline = self.sentences[0]
        if not self.title or not self.text.startswith(self.title) or headline.start != 0:
            return []
        self.mentions[0] = self.table.observe(sentence_mentions(self.text, headline), headline, self.sentences)
        for span in split_clauses(headline):
            frame = build_frame(self.text, headline, 0, span, self.mentions[0], amounts, self.dates)
            if frame is not None and not frame.hedged and len(frame.subjects) + len(frame.objects) >= 2:
                self._fold(frame)
        finisher = Finisher(self.text, self.published, self.title, self.table, self.sentences, self.mentions)
        return [deal for deal in (finisher.finish(d) for d in self.drafts) if deal is not None and len(deal.parties) >= 2]

    def _one_per_counterparty(self, frame: Frame) -> list[Frame]:
        """"signed MoUs with A, B and C": one MoU with each; a sum stated for them all belongs to none."""
        cue = self.text[frame.cue_start:frame.cue_start + 40]
        plural = re.match(r"(?:\w+\s+){0,2}?(?:mous|memoranda|agreements|pacts|deals|contracts)\b", cue, re.I)
        passive = re.match(r"\W*(?:were|have been|had been|are)\s+(?:\w+\s+)?(?:signed|inked|exchanged)\s+with\b",
                           self.text[frame.cue_end:frame.cue_end + 40], re.I)
        if not plural or not (frame.subjects or frame.anaphors or passive) or len(frame.objects) < 2 or frame.between:
            return [frame]
        # "the MoUs were signed with A to invest Rs 100 crore, B to set up ... worth Rs 50 crore": each sum stated
        # between one counterparty and the next is that one's.
        spans = [(m, m.end, frame.objects[k + 1].start if k + 1 < len(frame.objects) else frame.end)
                 for k, m in enumerate(frame.objects)]
        owns = [[a for a in frame.amounts if end <= a.start < until] for _, end, until in spans]
        # "with A, which will invest Rs 7,000 crore, B (Rs 3,000 crore) and C (Rs 2,000 crore)": when every
        # counterparty has a sum of its own beside it, each sum is that one's, in the active voice too.
        each = passive or all(owns)
        return [dataclasses.replace(frame, objects=[mention], participants=[], amounts=own if each else [])
                for (mention, _, _), own in zip(spans, owns)]

    def _skipped(self, index: int, sentence: Sentence) -> bool:
        """Headlines repeat the body in title case, which makes every word look like a name."""
        if sentence.heading:
            return True
        return bool(index == 0 and self.title and sentence.start < len(self.title) + 2
                    and self.text.startswith(self.title))

    # --- folding frames into deals -------------------------------------------------------------

def extract_deals(text: str, *, reference: date, published: date | None, title: str | None,
                  registry: dict[str, tuple[str, PartyKind]] | None = None) -> list[Deal]:
    """Every deal the article reports, in the order it tells them."""
    table = EntityTable(text, registry or {})
    return _Reader(text, reference, published, title, table).read()


__all__ = ["Draft", "extract_deals", "Counter", "norm"]
