"""How a clause's frame folds into the deals told so far: who it names, which deal it tells, which side each is on."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from core.extract import cues, roles
from core.extract.cues import COMPATIBLE, PRECEDENCE
from core.extract.describe import BACKING, UPGRADES
from core.extract.entities import Mention, norm
from core.extract.finish import Draft
from core.extract.frame import Frame
from core.extract.frames import OF_THE_ISSUE
from core.extract.registry import EntityTable
from core.extract.sentences import Sentence
from core.model import DealType, PartyKind, Precision

_MONEY = frozenset({DealType.FUNDING_ROUND, DealType.FINANCING, DealType.INVESTMENT})
# A sentence that opens on "The company": a pronoun in the next one stands for whoever that is.
_OPENS_ON_COMPANY = re.compile(r"\W*the\s+(?:company|firm|group)\b", re.I)
# "The stake was bought from Z": a clause that opens on the stake just told.
_THE_STAKE = re.compile(r"\W*the\s+(?:[\w-]+\s+){0,2}?stake\b", re.I)
_BOUGHT_FROM = re.compile(r"\b(?:bought|acquired|purchased|taken)\s+(?:\w+\s+){0,3}?from\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
# How many drafts back "a deal told shortly before" is looked for: real stories tell a handful within six sentences.
_RECENT_DRAFTS = 64
_FUNDS_PURCHASE = re.compile(r"\b(?:purchase price|purchase|acquisition|takeover|transaction|deal)\b[^.;]{0,40}?\b(?:will be|"
                             r"is being|was|is|are|were)\s+(?:\w+\s+)?(?:funded|financed|paid for)\b|\b(?:to\s+)?(?:fund|finance|"
                             r"pay for)\s+the\s+(?:purchase|acquisition|takeover|deal|transaction)\b", re.I)
_SUPPLY_OF_BY = re.compile(r"\b(?:supply|delivery|construction|provision|building|manufacture)\s+of\b[^.;]{0,200}?"
                           r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$", re.I)
_SUPPORTED_BY = re.compile(r"\b(?:was|were|is|are|has been|have been)\s+(?:\w+\s+)?(?:supported|backed|funded|co-financed|"
                           r"subsidi[sz]ed)\s+(?:by|with)\b", re.I)
_SOLD_BY = re.compile(r"\b(?:sold|divested|offloaded|disposed\s+of)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,5}$", re.I)
_WITH_MANY = re.compile(r"\bwith\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|several|various)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:companies|firms|investors|developers|groups|partners|businesses)\b", re.I)
_SIGNED_WITH = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:signed|inked|concluded|struck)\s+with\b",
                          re.I)
_SIGNED_TYPES = frozenset({DealType.MOU, DealType.OTHER, DealType.PARTNERSHIP, DealType.INVESTMENT})
_BOTH_OPEN = re.compile(r"\W*(?:the|both)\s+(?:two\s+)?(?:companies|parties|sides|firms)\b", re.I)
_GOVERNMENT_OBJECT = re.compile(r"\b(from|with|by|to)\s+the\s+(?:same\s+)?(ministry|government|department|agency|"
                                r"authority)\b(?!\s+of\b)")
_MAKERS = r"(?:maker|chipmaker|manufacturer|producer|supplier|foundry|miner|refiner|contractor|builder|fabricator)"
_MAKER_AFTER = re.compile(r"(?:\s*\([^()]{1,20}\))?,\s+(?:a|an|the|(?:[A-Z][\w.-]{0,20}\s+)?[A-Z][\w.-]{0,20}['’]s)\s+(?:[\w-]+\s+){0,4}?"
                          + _MAKERS + r"s?\b")
_BUYER_BEFORE = re.compile(r"\b(?:smelter|offtaker|buyer|utility|power\s+utility|trading\s+(?:house|company|firm)|trader)\s+$")
_OFFTAKE_WITH = re.compile(r"^off-?take\s+(?:agreement|deal|contract)s?\s+with\s+(?:[\w.-]+\s+){0,4}$", re.I)
_MAKER_BEFORE = re.compile(r"\b(?:[\w-]+\s+)?" + _MAKERS + r"\s+$")
_STAKE_IN_IT = re.compile(r"\b(?:(?:stake|shares|holding|interest)\s+in|\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s+of)"
                          r"\s+the\s+(?:company|firm|startup|group)\b", re.I)
_ALONG_WITH = re.compile(r"\b(?:along with|alongside|together with|as well as)\b[^.;]{0,60}?\b(?:including|such as)?\s*"
                         r"(?:[A-Z][\w'’.-]*\s+){0,3}(?:,\s+[^,;.]{1,60},\s+|,\s+|\s+)?(?:and\s+)?$")
_GROUP_OF = re.compile(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:consortium|group|team|syndicate|joint venture|alliance)\s+"
                       r"(?:of|comprising|including|made up of|formed by)\s+(?:the\s+)?(?:[\w-]+-(?:based|owned|listed)\s+)?$", re.I)


def _stronger(a: DealType, b: DealType) -> DealType:
    return a if PRECEDENCE.index(a) <= PRECEDENCE.index(b) else b


def _compatible(a: DealType, b: DealType) -> bool:
    return a == b or b in COMPATIBLE[a] or a in COMPATIBLE[b]


class Folding:
    """The folding half of the article reader: the reader (`deals._Reader`) holds the article and its drafts."""

    text: str
    published: date | None
    table: EntityTable
    sentences: list[Sentence]
    drafts: list[Draft]
    mentions: dict[int, list[Mention]]
    title: str | None

    def _recent(self, sentence: int, reach: int) -> list[Draft]:
        """The drafts last told within `reach` sentences before this one, newest first."""
        return [d for d in reversed(self.drafts[-_RECENT_DRAFTS:]) if sentence - d.last_sentence <= reach]

    def _keys(self, mentions: list[Mention]) -> list[str]:
        keys: list[str] = []
        for mention in mentions:
            key = self.table.key_of(mention)
            if key and key not in keys:
                keys.append(key)
        return keys

    def _resolve_anaphors(self, frame: Frame) -> list[str]:
        keys: list[str] = []
        for noun in frame.anaphors:
            if noun in ("it", "they") and frame.sentence > 0 and _OPENS_ON_COMPANY.match(self.sentences[frame.sentence - 1].text):
                noun = "company"  # "The company has grown with debt. In 2024, it signed ...": as "the company" would be
            if noun in ("parties", "companies", "sides", "partners") and self.drafts:
                # "The two parties", "both sides": the latest deal that has two.
                pair = next((d for d in reversed(self.drafts) if len(d.parties) == 2), self.drafts[-1])
                keys.extend(k for k in pair.parties if k not in keys)
            elif noun == "delegation" and self.table.delegations:
                keys.append(self.table.delegations[-1])
            elif noun in ("delegation", "government", "state", "department", "ministry", "agency", "authority"):
                key = self.table.last_of_kind(frame.start, {PartyKind.GOVERNMENT})
                if key:
                    keys.append(key)
            elif noun == "we":
                # "In July we closed the acquisition of X": in a call or a letter, the company that speaks is the
                # one the article names most.
                companies = [e for e in self.table.entities.values() if e.kind == PartyKind.COMPANY and e.offsets]
                # The one the headline names ("X Fiscal Q4 Earnings Call Transcript"), else the one named most.
                titled = [e for e in companies if self.title and any(
                    n in self.title for n in (e.name, *e.aliases) if len(n) > 3)]
                if titled or companies:
                    keys.append(max(titled or companies, key=lambda e: (len(e.offsets), -e.offsets[0])).key)
            elif noun in ("it", "they"):
                # "X has been expanding. In 2023, it awarded ...": the name that opened the sentence before, else
                # the first party of the deal just told.
                opener = self._first_named(frame.sentence - 1, {PartyKind.COMPANY, PartyKind.FUND, PartyKind.ORGANIZATION}) \
                    or self._only_named(frame.sentence - 1) or self._possessor(frame.sentence - 1)
                if opener:
                    keys.append(opener)
                elif self.drafts:
                    # "This is X's second attempt to buy a chip firm. In 2024 it agreed ...": the deal told last,
                    # though it was first told before others, and the one who acts in it.
                    latest = max(reversed(self.drafts), key=lambda d: d.last_sentence)
                    keys.extend((latest.actors or list(latest.parties))[:1])
            else:
                # "The company has expanded with debt": a company, not the pension fund named since.
                kinds = {PartyKind.FUND, PartyKind.COMPANY} if noun == "fund" else {PartyKind.COMPANY} \
                    if noun in ("company", "firm") else {PartyKind.COMPANY, PartyKind.FUND, PartyKind.ORGANIZATION}
                # "The startup has raised ...", "Europe's fifth-biggest insurer bought ...": the acting side of a
                # deal told shortly before, else the last name of that kind.
                recent = self._recent(frame.sentence, 6)
                # A deal whose actor is a state ("the authority signed an MoU with X") leaves X as "the company".
                acting = [k for d in recent for k in (
                    [a for a in d.actors if self.table.entities[a].kind in kinds]
                    or [p for p in d.parties if self.table.entities[p].kind in kinds][:1])]
                if frame.side == roles.GIVER and noun not in ("startup", "start-up"):
                    # "X is to be bought by Y. In 2024, the company bought Z": who buys again is the buyer just told.
                    acting = [k for d in recent if d.type == frame.type for k, side in d.parties.items()
                              if side == roles.GIVER and self.table.entities[k].kind in kinds] + acting
                if noun in ("startup", "start-up"):
                    # A startup is the one backed, not its backers: "X co-invested in Y. The startup had a round".
                    acting = [k for d in recent for k, side in d.parties.items()
                              if side in (roles.RECEIVER, roles.TARGET) and self.table.entities[k].kind in kinds]
                # "Kestrel Foods spent $6m on a plant. The company was awarded a grant": the name that opened the
                # sentence before, when that sentence told no deal, is who "the company" is.
                opener = self._opener(frame.sentence - 1, kinds) if noun not in ("startup", "start-up") else None
                key = opener or (acting[0] if acting else self.table.last_of_kind(frame.start, kinds))
                if key:
                    keys.append(key)
        return keys

    def _signed_with_many(self, frame: Frame, subjects: list[str]) -> str | None:
        """The one who signed deals "with three companies" just before a pledge of one of them, if any."""
        if frame.type not in (DealType.INVESTMENT, DealType.MOU) or len(subjects) != 1 or not frame.amounts \
                or frame.side not in (roles.GIVER, None):
            return None
        for draft in self._recent(frame.sentence, 8):
            if len(draft.parties) == 1 and draft.type in (DealType.INVESTMENT, DealType.MOU, DealType.OTHER) \
                    and any(_WITH_MANY.search(self.text, f.start, f.end) for f in draft.frames):
                (key,) = draft.parties
                return key if key not in subjects else None
        return None

    def _possessor(self, index: int) -> str | None:
        """The one firm sentence `index` names as an owner: "This is X's second attempt to buy a chip firm."."""
        if index < 0 or self.sentences[index].quoted:
            return None
        return self._sole_named(index, {PartyKind.COMPANY, PartyKind.FUND},
                                lambda m: m.possessive or bool(re.match(r"['’]s?\s", self.text[m.end:m.end + 3])))

    def _sole_named(self, index: int, kinds: set[PartyKind], keep: Callable[[Mention], bool] = lambda m: True) -> str | None:
        """The one party sentence `index` names (of those `keep` allows), if it is of one of `kinds`."""
        keys = {self.table.key_of(m) for m in self.mentions.get(index, [])
                if keep(m) and not (m.location_only or m.descriptor or m.person or m.asset)}
        keys.discard(None)
        if len(keys) != 1:
            return None
        key = keys.pop()
        return key if key and self.table.entities[key].kind in kinds else None

    def _lead_company(self, index: int) -> str | None:
        """The company that opens sentence `index`, whatever that sentence tells."""
        return self._first_named(index, {PartyKind.COMPANY})

    def _opener(self, index: int, kinds: set[PartyKind]) -> str | None:
        """The name that opens sentence `index`, if it is of one of `kinds` and the sentence told no deal."""
        if index < 0 or any(d.last_sentence == index for d in self.drafts[-_RECENT_DRAFTS:]):
            return None
        return self._first_named(index, kinds)

    def _only_named(self, index: int) -> str | None:
        """The one company sentence `index` names, when it told no deal ("The disposal continues Kudu's retreat.
        In 2023, it sold ...")."""
        if index < 0 or self.sentences[index].quoted or any(d.last_sentence == index for d in self.drafts[-_RECENT_DRAFTS:]):
            return None
        return self._sole_named(index, {PartyKind.COMPANY})

    def _first_named(self, index: int, kinds: set[PartyKind]) -> str | None:
        """The name of one of `kinds` that opens sentence `index`; what someone said names no actor after it."""
        if index < 0:
            return None
        sentence = self.sentences[index]
        if sentence.quoted or sentence.text.lstrip()[:1] in "“\"‘'":
            return None
        found = self.mentions.get(index, [])
        named = [m for m in found if not m.location_only and not m.descriptor]
        # "Kuwait's Jahra Investment Authority manages ...": the country or owner before a name only places it.
        at = sentence.start
        if found and found[0].start - sentence.start <= 3 and re.match(r"['’]s?\s+$", self.text[found[0].end:found[0].end + 3]):
            at = found[0].end + 3
        first = named[0] if named else None
        if first is None or first.person or first.start - at > 3:
            return None
        key = self.table.key_of(first)
        return key if key and self.table.entities[key].kind in kinds else None

    def _fold(self, frame: Frame) -> None:
        subjects = self._keys(frame.subjects)
        if not subjects:
            subjects = self._resolve_anaphors(frame)
        if not subjects and frame.type in _SIGNED_TYPES and _SIGNED_WITH.search(self.text, frame.start, frame.end):
            # "X and Y signed a memorandum. An agreement was signed with Z": Z signed with whoever signed just before.
            subjects = next(([d.actors[0]] for d in self._recent(frame.sentence, 3)
                             if d.type in _SIGNED_TYPES and d.actors), [])
        objects = [k for k in self._keys(frame.objects) if k not in subjects]
        signer = self._signed_with_many(frame, subjects) if not objects else None
        if signer is not None:
            # "The ministry signed agreements with three companies. X will invest $620 million in a solar plant":
            # each company's pledge is its own deal with the one that signed with them all.
            objects = [signer]
            frame.new_deal = True
        if len(subjects) == 1 and frame.subjects and _BOTH_OPEN.match(self.text, frame.start, frame.end):
            # "The two companies also signed an offtake under which X will buy ...": X's counterpart is the other.
            objects += [k for k in self._resolve_anaphors(frame) if k not in subjects and k not in objects]
        # "X said Y has acquired a 26% stake in the company from Z": the stake is in X, whoever else is named.
        stake_in = frame.type == DealType.ACQUISITION and bool(_STAKE_IN_IT.search(self.text, frame.start, frame.end))
        if frame.object_anaphor and (not objects or stake_in):
            # The company named last before the cue: "X said Y would buy a stake in the company" is X.
            key = self.table.last_of_kind(frame.cue_start, {PartyKind.COMPANY}, exclude=set(subjects))
            if key:
                objects.append(key)
        government_at = _GOVERNMENT_OBJECT.search(self.text, max(frame.cue_start, frame.start), frame.end)
        government = self._body_named(government_at.group(2), frame.start) if government_at else None
        if government and government not in subjects + objects:
            # "won a contract from the same ministry": the body named before, as the verb places it.
            objects.append(government)
        if frame.type == DealType.FINANCING and not subjects and _FUNDS_PURCHASE.search(self.text, frame.start, frame.end):
            # "The cash portion of the purchase price will be funded by a new facility from X": the buyer borrows.
            buyer = next((k for d in reversed(self._recent(frame.sentence, 8)) if d.type == DealType.ACQUISITION
                          for k, side in d.parties.items() if side == roles.GIVER), None)
            if buyer:
                subjects = [buyer]
                frame.side = roles.RECEIVER
        if frame.type == DealType.FINANCING and OF_THE_ISSUE.search(self.text, frame.start, frame.end):
            # "X took 500 million riyals of the issue as anchor investor, and Y bought 200 million": the issue's buyers.
            told = next((d for d in self._recent(frame.sentence, 4) if d.type == DealType.FINANCING
                         and roles.RECEIVER in d.parties.values()), None)
            if told is not None:
                for mention in frame.subjects + frame.objects:
                    key = self.table.key_of(mention)
                    if key and key not in told.parties:
                        told.set_side(key, roles.GIVER)
                        told.spans.setdefault(key, (mention.start, mention.end))
                told.frames.append(frame)
                for amount in frame.amounts:
                    told.add_amount(amount)  # an anchor's ticket is a part of the issue
                return
        if frame.type == DealType.FINANCING and not subjects and objects and not frame.deal_anaphor \
                and all(self._object_side(frame, k) == roles.GIVER for k in objects):
            # "The foreign-currency portion is a loan from X": the borrower of the loan just told borrows again.
            told = next((d for d in self._recent(frame.sentence, 8) if d.type == DealType.FINANCING
                         and roles.RECEIVER in d.parties.values()), None)
            borrower = next((k for k, side in told.parties.items() if side == roles.RECEIVER), None) if told else None
            if told is not None and not frame.dates:
                # "It has two parts. A $190m tranche is being provided by A and B": more lenders of the same package.
                for key in objects:
                    told.set_side(key, roles.GIVER)
                    told.spans.setdefault(key, next((m.start, m.end) for m in frame.objects if self.table.key_of(m) == key))
                told.frames.append(frame)
                for amount in frame.amounts:
                    told.add_amount(amount)
                return
            if borrower and borrower not in objects:
                subjects = [borrower]
        if frame.type == DealType.GRANT and not subjects and not objects and frame.deal_anaphor \
                and _SUPPORTED_BY.search(self.text, frame.start, frame.end):
            # "X invested 322 million forints in its plant. The project was supported by 113 million forints in
            # grant money": the grant went to whoever the sentence before says made the investment.
            opener = self._lead_company(frame.sentence - 1)
            if opener is not None:
                subjects = [opener]
                frame.side = roles.RECEIVER
                frame.new_deal = True  # a grant of its own, not the overview's total
        if frame.type == DealType.CONTRACT and frame.passive and not subjects and objects and not frame.new_deal:
            # "The vessels were ordered by X": the customer of the order just told, whose supplier is named there.
            told = next((d for d in self._recent(frame.sentence, 3) if d.type == DealType.CONTRACT
                         and roles.GIVER not in d.parties.values()), None)
            if told is not None and all(self._object_side(frame, k) == roles.GIVER for k in objects):
                for key in objects:
                    told.set_side(key, roles.GIVER)
                    told.spans.setdefault(key, next((m.start, m.end) for m in frame.objects
                                                    if self.table.key_of(m) == key))
                told.frames.append(frame)
                return
        parties = subjects + objects
        target = self._target(frame, parties)
        if target is None and frame.type == DealType.INVESTMENT and not frame.subjects \
                and {"partners", "parties", "companies", "consortium"} & set(frame.anaphors):
            # "won a concession ... The partners have committed to invest 68 billion lira": what the contract
            # just told binds its parties to.
            target = next((d for d in self._recent(frame.sentence, 2) if d.type == DealType.CONTRACT
                           and subjects and set(subjects) <= set(d.parties)), None)
        joined = target is not None and target.parties and not set(parties) <= set(target.parties)
        if target is None:
            target = Draft(frame.type)
            # "The round follows a $4.5 million seed round led by X in 2024": an earlier round of the same company.
            if frame.deal_anaphor and frame.type in _MONEY and objects and not subjects:
                told = next((d for d in reversed(self.drafts) if d.type == frame.type and d.amounts), None)
                for key, party_side in (told.parties.items() if told else ()):
                    if party_side == roles.RECEIVER and key not in objects:
                        target.set_side(key, roles.RECEIVER)
            self.drafts.append(target)
        elif _compatible(target.type, frame.type) and (target.type == DealType.OTHER or frame.type in UPGRADES) \
                and not any(f.licence for f in target.frames):
            # A later clause names the deal more exactly ("signed a memorandum"); it never turns it into a grant.
            target.type = _stronger(target.type, frame.type)
        elif target.type == DealType.INVESTMENT and self._sells_told_stake(frame):
            # "The stake was bought from Z": a stake that had an owner was bought, not put in; its company is the target.
            target.type = DealType.ACQUISITION
            for key, party_side in list(target.parties.items()):
                if party_side == roles.RECEIVER:
                    target.set_side(key, roles.TARGET)
        target.frames.append(frame)
        for mention in frame.subjects + frame.objects:
            key = self.table.key_of(mention)
            if key:
                target.spans.setdefault(key, (mention.start, mention.end))
        # "X, a contract chipmaker, signed a wafer supply agreement with Y": with no verb to say, the maker supplies.
        if frame.type == DealType.CONTRACT and frame.side is None and len(frame.subjects) == 1 \
                and self._described_as_maker(frame.subjects[0]) \
                and not any(self._described_as_maker(m) for m in frame.objects):
            frame.side = roles.RECEIVER
        # "In 2024 it signed a concentrate offtake agreement with Korean smelter Y": the one signed with buys.
        # "X executed a binding offtake agreement with Y": the producer signs it, the offtaker is the one signed with.
        if frame.type == DealType.CONTRACT and frame.side is None and frame.objects \
                and (len(frame.objects) == 1 and _BUYER_BEFORE.search(self.text, max(0, frame.objects[0].start - 30),
                                                                      frame.objects[0].start)
                     or _OFFTAKE_WITH.search(self.text, frame.cue_start, frame.objects[0].start)) \
                and not any(self._described_as_maker(m) for m in frame.subjects):
            frame.side = roles.RECEIVER
        side = frame.side or roles.default_side(frame.type) or ""
        # "X doubled down with series A funding of $5 million in Y": a round put into a named company is given.
        if frame.side is None and frame.type == DealType.FUNDING_ROUND and subjects \
                and any(self._object_side(frame, k) == roles.TARGET for k in objects):
            side = roles.GIVER
        owners = {self.table.key_of(m) for m in frame.subjects if frame.type == DealType.ACQUISITION
                  and roles.names_a_part(self.text[m.end:m.end + 40])}
        for key in subjects:
            # "Kestrel Foods' frozen foods unit was sold to X": the owner of what is sold sells it.
            target.set_side(key, roles.RECEIVER if key in owners else side)
            if key not in target.actors:
                target.actors.append(key)
        # A clause that only speaks of a deal already told adds who acted in it, not what it mentions.
        if joined and frame.deal_anaphor and not frame.between and len(target.parties) > 1:
            participants = set(self._keys(frame.participants))
            objects = [k for k in objects if k in target.parties or k in participants]
        for key in objects:
            if key == government and government_at is not None:
                subject = frame.side or roles.default_side(frame.type)
                target.set_side(key, roles.object_side(government_at.group(1) + " ", subject, frame.type))
                continue
            target.set_side(key, self._object_side(frame, key))
        if frame.vehicle is not None:
            target.vehicle = self.table.key_of(frame.vehicle)
        if cues.valuation_of_part(self.text[frame.start:frame.end], [self.text[f.start:f.end] for f in target.frames]):
            return
        for amount in frame.amounts:
            target.add_amount(amount)

    def _body_named(self, noun: str, before: int) -> str | None:
        """The last government body named before `before` whose name holds `noun` ("ministry": "Ministry of X")."""
        found, found_at = None, -1
        for key, entity in self.table.entities.items():
            if entity.kind != PartyKind.GOVERNMENT or noun.lower() not in entity.name.lower():
                continue
            at = max((o for o in entity.offsets if o < before), default=-1)
            if at > found_at:
                found, found_at = key, at
        return found

    def _described_as_maker(self, mention: Mention) -> bool:
        return bool(_MAKER_AFTER.match(self.text, mention.end, mention.end + 90)
                    or _MAKER_BEFORE.search(self.text, max(0, mention.start - 30), mention.start))

    def _object_side(self, frame: Frame, key: str) -> str:
        """How an object stands to the deal, read from the words before it: "by X", "in X", "from X"."""
        subject = frame.side or roles.default_side(frame.type)
        if frame.passive and not frame.subjects and not frame.anaphors:
            subject = roles.THING
        previous: str | None = None
        for index, mention in enumerate(frame.objects):
            before = self.text[max(frame.start, mention.start - 40):mention.start]
            # "awarded to a consortium of Riyadh-based X and Y": the members stand where the consortium stands.
            group = _GROUP_OF.search(self.text, max(frame.start, mention.start - 120), mention.start)
            if group is not None:
                before = self.text[max(frame.start, group.start() - 40):group.start()]
            # "an investment from the X Unit's growth fund": the fund stands where its owner's words put it.
            owner = next((m for m in self.mentions.get(frame.sentence, ()) if m.end < mention.start <= m.end + 3
                          and self.text[m.end:mention.start].strip() in ("'s", "’s")), None)
            if owner is not None and group is None:
                before = self.text[max(frame.start, owner.start - 40):owner.start]
            gap = self.text[frame.objects[index - 1].end:mention.start] if index else None
            if frame.type == DealType.ACQUISITION and mention.possessive:
                side = roles.RECEIVER  # "buys Intel's memory business": the owner sells
            elif mention is frame.awarder:
                side = roles.GIVER
            elif frame.type == DealType.ACQUISITION and _SOLD_BY.search(self.text, max(frame.start, mention.start - 90),
                                                                          mention.start):
                side = roles.RECEIVER  # "The stake is being sold by X": the agent of a sale sells
            elif frame.type == DealType.ACQUISITION and frame.passive and _BOUGHT_FROM.search(before):
                side = roles.RECEIVER  # "The stake was bought from X": who it was bought from sold it
            elif frame.type == DealType.CONTRACT and _SUPPLY_OF_BY.search(self.text, frame.start, mention.start):
                side = roles.RECEIVER  # "a contract for the supply of buses to Y by bus maker X": X supplies
            else:
                side = roles.object_side(before, subject, frame.type, direct_target=index == 0, gap=gap,
                                         previous=previous, after=self.text[mention.end:mention.end + 160])
            if self.table.key_of(mention) == key:
                return side
            previous = side
        return roles.object_side("", subject, frame.type)

    def _target(self, frame: Frame, parties: list[str]) -> Draft | None:
        recent = self._recent(frame.sentence, 6)
        compatible = [d for d in recent if _compatible(d.type, frame.type)
                      # "... raised $1bn in a round. The financing was led by X": the noun points back at the raise.
                      or frame.opens_on_deal and d.type in _MONEY and frame.type in _MONEY
                      # "X took a 35% stake in Y. The stake was bought from Z": the stake just told, now sold by Z.
                      or d.type == DealType.INVESTMENT and self._sells_told_stake(frame)]
        if not parties:
            if frame.new_deal or not compatible:
                return None
            if frame.opens_on_deal or frame.deal_anaphor:
                return self._spoken_of(frame, compatible)
            draft = compatible[0]
            if draft is recent[0] and (draft.type == frame.type or not draft.parties):
                return draft
            return None
        wanted = set(parties)
        if frame.new_deal:
            return None
        for draft in reversed(self.drafts):
            if _compatible(draft.type, frame.type) and draft.parties and wanted <= set(draft.parties) \
                    and not self._distinct(frame, draft):
                return draft
        if compatible and compatible[0] is recent[0]:
            have = set(recent[0].parties)
            if ((not have and recent[0].type in (frame.type, DealType.OTHER)) or (len(have) <= 1 and have & wanted)) \
                    and not self._distinct(frame, recent[0]):
                return recent[0]
        # "X will acquire Y for €310m. X will buy all shares of Y from Z": two parties of the deal just told,
        # and one more, tell that deal in more detail.
        if compatible and compatible[0] is recent[0] and frame.type == recent[0].type \
                and len(wanted & set(recent[0].parties)) >= 2 and frame.sentence - recent[0].last_sentence <= 2 \
                and not self._distinct(frame, recent[0]):
            return recent[0]
        if frame.deal_anaphor and not frame.between and compatible and not self._distinct(frame, compatible[0]):
            return compatible[0]
        # "The ministry and the state invested €228m", "Existing investors X and Y also took part":
        # backers of the deal just told, with no target of their own.
        # A pledge after a memorandum ("X signed an MoU for a mill. Y will invest Rs 3,000 crore in a plant") is
        # the next signatory's, not a backer of the first.
        backing = bool(BACKING.search(self.text[frame.start:frame.cue_end + 12])) and not frame.raise_verb \
            and not (recent and recent[0].type == DealType.MOU and frame.amounts)
        # Names joined to a backer ("also took part, along with angels including A and B") back the deal too.
        joined_only = backing and bool(frame.subjects) and all(
            _ALONG_WITH.search(self.text, max(frame.start, m.start - 220), m.start) for m in frame.objects)
        # "X will be acquired by Y. Z, which has owned X since 2021, said it had agreed to sell its holding": the
        # seller of the purchase just told, which had none.
        if frame.type == DealType.ACQUISITION and frame.side == roles.RECEIVER and not frame.objects and recent \
                and recent[0].type == DealType.ACQUISITION and frame.sentence - recent[0].last_sentence <= 2 \
                and roles.TARGET in recent[0].parties.values() and roles.RECEIVER not in recent[0].parties.values():
            return recent[0]
        if (not frame.objects or joined_only) and compatible and compatible[0] is recent[0] \
                and frame.sentence - recent[0].last_sentence <= 2 and (wanted & set(recent[0].parties) or backing) \
                and not self._distinct(frame, recent[0]):
            return recent[0]
        return None

    def _spoken_of(self, frame: Frame, drafts: list[Draft]) -> Draft:
        """Of the recent deals, the one a clause about "the deal" names: by a party it mentions, else the latest."""
        clause = self.text[frame.start:frame.end].casefold()

        def named(draft: Draft) -> int:
            hits = 0
            for key in draft.parties:
                entity = self.table.entities.get(key)
                if entity and any(n.casefold() in clause for n in (entity.name, entity.place or "\0", *entity.aliases)):
                    hits += 1
            return hits

        best = max(drafts, key=named)
        return best if named(best) else drafts[0]

    def _sells_told_stake(self, frame: Frame) -> bool:
        """'The stake was bought from Z': a purchase clause that opens on the stake just told."""
        return frame.type == DealType.ACQUISITION and frame.opens_on_deal and bool(_THE_STAKE.match(self.text, frame.start))

    def _distinct(self, frame: Frame, draft: Draft) -> bool:
        """A frame with its own round letter or its own year tells another deal of the same parties."""
        # Round letters tell rounds apart; a bond's "Series A" and "Series B" are tranches of one issue.
        series = {f.series for f in draft.frames if f.series}
        if frame.series and series and frame.series not in series and frame.type != DealType.FINANCING \
                and draft.type != DealType.FINANCING:
            return True
        # The deal just told is dated by its own phrases, a weekday ("on Tuesday") included.
        years = {d.value.year for f in draft.frames for d in f.dates if d.value and d.kind in ("absolute", "weekday")}
        own = {d.value.year for d in frame.dates if d.value and d.kind == "absolute"}
        if frame.amounts and own and years and not own & years:
            return True
        # "In July we closed the purchase of X. In August we bought a plant from Y": months of their own, apart.
        months = {(d.value.year, d.value.month) for f in draft.frames for d in f.dates
                  if d.value and d.kind == "absolute" and d.precision == Precision.MONTH}
        own_months = {(d.value.year, d.value.month) for d in frame.dates
                      if d.value and d.kind == "absolute" and d.precision == Precision.MONTH}
        if frame.objects and own_months and months and not own_months & months:
            return True
        # "including the shares Sony acquired in February 2021": a deal months before the one told is another.
        # "a firm that has owned the company since 2019": a date of history tells no deal, and "The deal, first
        # announced in November, ..." tells when the deal just told began.
        earlier = [d.value for d in frame.dates if d.value and d.kind == "absolute" and d.context not in ("history", "first")]
        theirs = [d.value for f in draft.frames for d in f.dates if d.value and d.kind == "absolute"] \
            or ([self.published] if self.published else [])
        return bool(earlier and theirs and max(earlier) < min(theirs) - timedelta(days=90))
