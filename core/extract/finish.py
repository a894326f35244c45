"""From a draft to a Deal: roles settled, the date chosen, people, place, sectors, commitments and evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from core.extract import cues, roles, supply_sides
from core.extract.dates import deal_date, deal_date_mention
from core.extract.describe import commitments_of, name_of, sectors_of, status_of, title_of
from core.extract.entities import Mention, norm
from core.extract.governments import is_state
from core.extract.gazetteer import CITIES, PLACE_NAMES
from core.extract.frame import Frame
from core.extract.frames import clause_type
from core.extract.money import MoneyMention
from core.extract.people import Cast, Piece, Sides, find_people
from core.extract.registry import EntityTable
from core.extract.sentences import Sentence, split_clauses
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

    def add_amount(self, amount: MoneyMention) -> None:
        """A sum joins a deal once: the same currency and value within half a percent is the same sum."""
        if not any(a.currency == amount.currency and abs(a.value - amount.value) <= 0.005 * amount.value
                   for a in self.amounts):
            self.amounts.append(amount)

    def set_side(self, key: str, side: str) -> None:
        """A party keeps the first side a clause gave it; a side no verb said is filled in by a later one."""
        if self.parties.get(key) in (None, "", roles.CO):
            self.parties[key] = side if side or key not in self.parties else self.parties[key]


_AS_SIDE = re.compile(r"(?:,?\s*[A-Z][\w.]{0,5})?(?:\s*\([^()]{0,60}\))?,\s+as\s+(?:the\s+|a\s+|an\s+)?(?:co-)?"
                      r"(?P<side>borrower|issuer|administrative\s+agent|collateral\s+agent|lenders?|arrangers?|"
                      r"(?:mandated\s+)?lead\s+arrangers?|bookrunners?|syndication\s+agents?)\b", re.I)


@dataclass
class Finisher:
    """What a finished deal needs of the article that was read."""

    text: str
    published: date | None
    title: str | None
    table: EntityTable
    sentences: list[Sentence]
    mentions: dict[int, list[Mention]]
    invests: dict[int, bool] = field(default_factory=dict)
    story_date: date | None = None  # the day the lead names, for an article with no published date
    story_told: bool = False  # the lead tells that day as the day of the news: it outranks a dateline's day
    _cues: dict[tuple[int, int], bool] = field(default_factory=dict, init=False, repr=False)
    _cast: Cast | None = field(default=None, init=False, repr=False)
    # Every organisation's folded names, and who bears each: read once, not once per deal (a long list of deals
    # would otherwise fold every name of the article again for each).
    _owners: dict[str, set[str]] | None = field(default=None, init=False, repr=False)
    _names_of: dict[str, set[str]] = field(default_factory=dict, init=False, repr=False)
    _all_known: frozenset[str] = field(default=frozenset(), init=False, repr=False)

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
        held = self._held(draft)
        pieces = self._pieces(draft, held)
        told = " ".join(self.text[p.start:p.end] for p in pieces)
        sides = self._sides(keys)
        if self._cast is None:
            self._cast = Cast.of(self.mentions)
        people = find_people(self.text, self.sentences, self.mentions, pieces, self._speech(held, sides), sides,
                             self._cast)
        place = self._location(held, pieces)
        evidence = self._evidence(draft, keys, pieces, place)
        review = [e.field for e in evidence if e.confidence < 0.6 and "[" not in e.field]
        if not deal_date or precision == Precision.WEEK:
            review.append("date")
        if any(e.confidence < 0.6 for e in evidence if e.field.startswith("parties[")):
            review.append("parties")
        named = next((n for n in (name_of(self.text[f.start:f.end]) for f in held if _names_party(f)) if n), None)
        return Deal(
            title=title_of(draft.type, parties, amounts, named),
            type=draft.type,
            status=status_of(told, draft.type),
            date=deal_date.isoformat() if deal_date else None,
            date_precision=precision,
            parties=parties,
            amounts=amounts,
            location=_place_name(place) if place else None,
            sectors=sectors_of(told),
            commitments=commitments_of(told),
            people=tuple(people),
            summary=_cut(told, 600),
            needs_review=tuple(review),
            evidence=tuple(evidence),
        )

    # --- which words tell this deal ------------------------------------------------------------

    @staticmethod
    def _held(draft: Draft) -> list[Frame]:
        """The frames whose clauses tell this deal.

        A clause that names no party and comes before any clause that does ("the partnership aims to ...")
        was joined to the deal only for its type: it speaks of something told earlier, so it lends the deal
        none of its facts.
        """
        first = next((i for i, f in enumerate(draft.frames) if _names_party(f)), 0)
        return draft.frames[first:]

    def _pieces(self, draft: Draft, held: list[Frame]) -> list[Piece]:
        """The spans that tell the deal: whole sentences, or only its own clauses where a sentence tells
        another deal in another clause ("A bought B, while C raised $5m")."""
        mine = [(f.start, f.end) for f in held]
        others = {(f.start, f.end) for f in draft.frames} - set(mine)
        pieces: list[Piece] = []
        for index in sorted({f.sentence for f in held}):
            sentence = self.sentences[index]
            clauses = split_clauses(sentence)
            own = [c for c in clauses if any(a < c[1] and c[0] < b for a, b in mine)]
            foreign = [c for c in clauses if c not in own and (c in others or self._has_cue(c))]
            if not foreign:
                pieces.append(Piece(index, sentence.start, sentence.end))
                continue
            for start, end in own or sorted(m for m in mine if sentence.start <= m[0] < sentence.end):
                # Neighbouring clauses of the deal make one piece.
                if pieces and pieces[-1].sentence == index and not self.text[pieces[-1].end:start].strip(" ,;"):
                    pieces[-1] = Piece(index, pieces[-1].start, end)
                else:
                    pieces.append(Piece(index, start, end))
        return pieces

    def _has_cue(self, span: tuple[int, int]) -> bool:
        """Whether words of the text name a deal of some kind (cached: a sentence is asked about by each deal)."""
        if span not in self._cues:
            self._cues[span] = clause_type(self.text[span[0]:span[1]])[0] is not None
        return self._cues[span]

    def _speech(self, held: list[Frame], sides: Sides) -> list[int]:
        """Sentences after the deal's clauses, before the story turns to another deal, where people may speak of it.

        The story has turned when a sentence with a deal word names an organisation that is no party of
        this deal; a quoted sentence turns nothing (quotes are not read for deals).
        """
        told = sorted({f.sentence for f in held})
        if not told:
            return []
        out: list[int] = []
        last, open_ = told[0], True
        for index in range(told[0] + 1, min(len(self.sentences), told[-1] + _SPEECH_REACH + 1)):
            if index in told:  # the story is back on this deal
                last, open_ = index, True
                continue
            if not open_ or index - last > _SPEECH_REACH:
                continue
            if self._turns(index, sides):
                open_ = False
                continue
            out.append(index)
        return out

    def _turns(self, index: int, sides: Sides) -> bool:
        """Whether a sentence tells of a deal with an organisation that is no party of this one.

        What people are quoted as saying does not count: a speaker may name a project or a rival in passing.
        """
        sentence = self.sentences[index]
        if sentence.quoted or sentence.heading:
            return False
        if not self._has_cue((sentence.start, sentence.end)):
            return False
        plain = _QUOTED.sub(lambda m: " " * len(m.group()), sentence.text)
        if plain != sentence.text and clause_type(plain)[0] is None:
            return False
        for mention in self.mentions.get(index, []):
            if mention.person or mention.location_only or mention.descriptor or mention.asset:
                continue
            if not plain[mention.start - sentence.start:mention.end - sentence.start].strip():
                continue  # inside a quotation
            # A lone capitalised word opening a sentence ("Completion is expected ...") is no evidence of a name.
            if mention.start == sentence.start and " " not in mention.name:
                continue
            name = mention.place if mention.kind == PartyKind.GOVERNMENT and mention.place else mention.name
            if sides.of(name) is not True:
                return True
        return False

    def _sides(self, keys: list[str]) -> Sides:
        """The deal's parties by every name the article gives them, and every other organisation it names."""
        own: set[str] = set()
        for key in keys:
            entity = self.table.entities[key]
            own.update(norm(n) for n in (entity.name, *entity.aliases, entity.place or "") if n)
        own.discard("")
        if self._owners is None:
            self._owners, self._names_of = {}, {}
            for folded, key in self.table.alias.items():
                self._owners.setdefault(folded, set()).add(key)
                self._names_of.setdefault(key, set()).add(folded)
            for key, entity in self.table.entities.items():
                self._owners.setdefault(norm(entity.name), set()).add(key)
                self._names_of.setdefault(key, set()).add(norm(entity.name))
            self._all_known = frozenset(self._owners)
        wanted = set(keys)
        theirs = {f for key in keys for f in self._names_of.get(key, ()) if self._owners[f] <= wanted}
        return Sides(frozenset(own), self._all_known - theirs - own)

    def _location(self, held: list[Frame], pieces: list[Piece]) -> Mention | None:
        """The first place named where the deal is told with its parties.

        A remark on a deal already told ("its significance to Korea") names places the deal is not in.
        """
        telling = {f.sentence for f in held if _names_party(f)}
        for piece in pieces:
            if piece.sentence not in telling:
                continue
            for mention in self.mentions.get(piece.sentence, []):
                if mention.location_only and not mention.person and piece.start <= mention.start < piece.end:
                    return mention
        return None

    def _evidence(self, draft: Draft, keys: list[str], pieces: list[Piece], place: Mention | None) -> list[Evidence]:
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
        if place is not None:
            out.append(Evidence("location", place.start, place.end, 0.7))
        out += [Evidence("summary", p.start, p.end, 0.8) for p in pieces]
        return out

    def _settle_sides(self, draft: Draft, keys: list[str]) -> None:
        """Sides the verbs left open or set against the names: banks lend, governments grant."""
        if draft.type == DealType.OTHER:
            told = " ".join(self.text[f.start:f.end] for f in draft.frames)
            if roles.LICENCE.search(told):
                names = {k: (self.table.entities[k].name, *self.table.entities[k].aliases) for k in keys}
                draft.parties.update(roles.licence_sides(told, names, draft.actors))
            return
        if draft.type == DealType.CONTRACT and len(keys) == 2:
            mentions = [m for f in draft.frames for m in self.mentions.get(f.sentence, []) if f.start <= m.start < f.end]
            named: list[tuple[str | None, int]] = [(self.table.key_of(m), m.end) for m in mentions]
            if draft.actors:
                # "The company last year signed a supply agreement with X to package its chips": who the clause
                # opens on is the deal's actor.
                named += [(draft.actors[0], found.end()) for f in draft.frames
                          if (found := _OPENS_ON_IT.match(self.text, f.start, f.end))]
            stated = supply_sides.stated_sides(self.text, named, {k: draft.parties.get(k, "") for k in keys})
            told = " ".join(self.text[f.start:f.end] for f in draft.frames)
            names = {k: (self.table.entities[k].name, *self.table.entities[k].aliases) for k in keys}
            draft.parties.update(stated or supply_sides.producer_sides(self.text, mentions, self.table.key_of, names,
                                                                       told)
                                 or supply_sides.lease_sides(self.text, mentions, self.table.key_of, keys, told))
            others = [k for k in keys if draft.actors and k != draft.actors[0]]
            if len(others) == 1 and draft.actors and any(
                    supply_sides.MAKER_WILL_SUPPLY.search(self.text, self.sentences[f.sentence].start,
                                                          self.sentences[f.sentence].end) for f in draft.frames):
                # The one who signed with the subject is the maker the clause goes on about.
                draft.parties.update({k: roles.RECEIVER if k in others else roles.GIVER for k in keys})
        if draft.type != DealType.FINANCING:
            return
        # "X, as borrower, entered into a Credit Agreement with Y, as administrative agent": a filing says each side.
        filed: dict[str, str] = {}
        for frame in draft.frames:
            for mention in self.mentions.get(frame.sentence, []):
                found = _AS_SIDE.match(self.text, mention.end)
                key = self.table.key_of(mention) if found else None
                if found and key in keys:
                    filed[key] = roles.RECEIVER if found.group("side").lower() in ("borrower", "issuer") else roles.GIVER
        draft.parties.update(filed)
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
            # With the borrower still unnamed, a name that is no lender's is the borrower ("X signed a loan with
            # a group of banks. It was provided by A and B").
            many = roles.RECEIVER in known or known.count(roles.GIVER) >= 2 and all(lender[k] for k in open_)
            # "Kenya signed a credit facility with France": with no bank named, the one signed with lends.
            counterpart = not any(lender.values()) and roles.GIVER not in known and any(
                sides[k] == roles.CO for k in open_) and any(sides[k] != roles.CO for k in open_)
            for k in open_:
                sides[k] = roles.GIVER if lender[k] or many or counterpart and sides[k] == roles.CO else roles.RECEIVER
        draft.parties.update(sides)

    def _stands_alone(self, draft: Draft, key: str) -> bool:
        """A capital raise whose investors or lenders go unnamed is still a deal; a spending plan is not."""
        if self.table.entities[key].kind == PartyKind.GOVERNMENT or not draft.amounts:
            return False
        if draft.type in (DealType.FUNDING_ROUND, DealType.FINANCING):
            return any(f.raise_verb for f in draft.frames)
        # "Telstra agreed to sell a 49% stake in its tower business for A$2.8 billion": a priced sale or purchase
        # whose other side the article does not name.
        return draft.type == DealType.ACQUISITION and any(f.type == DealType.ACQUISITION and f.side is not None
                                                          and f.amounts for f in draft.frames)

    def _needs_default_government(self, draft: Draft, keys: list[str]) -> bool:
        kinds = {self.table.entities[k].kind for k in keys}
        # A grant or an MoU with one company named: the government the article is about gives or signs it
        # ("Kestrel Cells receives the largest grant, NOK 48 million").
        return draft.type in (DealType.MOU, DealType.GRANT) and len(keys) == 1 and PartyKind.GOVERNMENT not in kinds \
            or bool(self.title and re.search(r"\bMoUs?\b", self.title) and len(keys) == 1
                    and PartyKind.GOVERNMENT not in kinds and draft.type in (DealType.INVESTMENT, DealType.OTHER))

    def _title_type(self) -> DealType | None:
        if not self.title:
            return None
        found, _, _ = clause_type(self.title)
        return found if found not in (None, DealType.OTHER) else None

    def _invests(self, draft: Draft) -> bool:
        # Asked once per party: a list of thousands of names must not read its clause thousands of times.
        if id(draft) not in self.invests:
            self.invests[id(draft)] = any(re.search(r"\binvest", self.text[f.start:f.end], re.I) for f in draft.frames)
        return self.invests[id(draft)]

    def _party(self, key: str, draft: Draft, keys: list[str]) -> Party:
        entity = self.table.entities[key]
        kinds = [self.table.entities[k].kind for k in keys if k != key]
        # A state or province signs memoranda to bring in investment: a company signing one with it invests.
        invests = bool(draft.amounts) or self._invests(draft) or draft.type == DealType.MOU and any(
            self.table.entities[k].kind == PartyKind.GOVERNMENT and is_state(self.table.entities[k].place)
            for k in keys if k != key)
        role = roles.role_of(draft.type, draft.parties.get(key) or None, entity.kind, vehicle=key == draft.vehicle,
                             with_government=PartyKind.GOVERNMENT in kinds,
                             with_company=any(k != PartyKind.GOVERNMENT for k in kinds), invests=invests)
        if role == "customer" and entity.kind == PartyKind.GOVERNMENT and self._concession(draft):
            role = "grantor"  # a state that grants a concession or a licence gives a right, it buys nothing
        if role == "government" and draft.type == DealType.MOU and _national(entity.place):
            # A state or region signing with a company hosts its investment; a nation signing with one is its partner.
            role = "partner"
        if draft.type == DealType.MOU and self._agrees_to_buy(draft):
            # "X signed an MoU with Y to acquire a 25% stake in Z": a purchase agreed in principle has its sides.
            role = {roles.TARGET: "target", roles.CO: "seller", roles.RECEIVER: "seller"}.get(draft.parties.get(key, ""),
                                                                                          "acquirer")
        if draft.type == DealType.FINANCING and entity.kind == PartyKind.GOVERNMENT and self._guarantees(draft, key):
            role = "government"
        elif role == "lender" and self._bond(draft):
            role = "investor"  # who buys a bond invests in it; a bank lends a loan
        return Party(name=entity.name, kind=entity.kind, role=role,
                     aliases=tuple(a for a in entity.aliases if a != entity.name), country=entity.place)

    def _concession(self, draft: Draft) -> bool:
        return draft.type == DealType.CONTRACT and any(
            _CONCESSION.search(self.text, f.start, f.end) for f in draft.frames)

    def _agrees_to_buy(self, draft: Draft) -> bool:
        """An MoU whose clause says one side will buy what the other holds; "jointly acquire" has no seller."""
        return roles.TARGET in draft.parties.values() and any(
            _TO_BUY.search(self.text, f.start, f.end) for f in draft.frames if f.type == DealType.MOU)

    def _bond(self, draft: Draft) -> bool:
        """Whether a financing is a bond or notes sold to investors, not a loan or facility."""
        told = " ".join(self.text[f.start:f.end] for f in draft.frames)
        return cues.is_bond(told)

    def _guarantees(self, draft: Draft, key: str) -> bool:
        """'backed by a Government of Zambia guarantee', 'guaranteed by the finance ministry': a state that stands
        behind a loan is neither its lender nor its borrower."""
        span = draft.spans.get(key)
        if span is None:
            return False
        return bool(_GUARANTOR_BEFORE.search(self.text, max(0, span[0] - 40), span[0])
                    or _GUARANTEE_AFTER.match(self.text, span[1], span[1] + 40))

    def _date(self, draft: Draft) -> tuple[date | None, Precision | None]:
        mentions = [m for f in draft.frames for m in f.dates]
        best = deal_date_mention(mentions, self.published)
        if self.story_date is not None and (best is None or self.story_told and best.value == self.published):
            # The story's lead names its day ("signed on Tuesday", "said on Tuesday (July 22)"): the deals it
            # reports with no date of their own, or only the paper's (a dateline), were signed or announced that day.
            return self.story_date, Precision.DAY if self.published is not None else Precision.WEEK
        return deal_date(mentions, self.published)


def _national(place: str | None) -> bool:
    return place is not None and PLACE_NAMES.get(place) == place and not is_state(place) and place not in CITIES


_CONCESSION = re.compile(r"\bconcessions?\b|\b(?:exploration|mining|production|operating)\s+(?:licen[cs]es?|rights|permits?)\b",
                         re.I)
_TO_BUY = re.compile(r"\bto\s+(?:acquire|buy|purchase|take over)\s+(?:a|an|the|its|their|all|\d)", re.I)
_GUARANTOR_BEFORE = re.compile(r"\b(?:guaranteed|backed|underwritten|insured|covered)\s+by\s+(?:a\s+|an\s+|the\s+)?$"
                               r"|\bguarantee\s+(?:from|by|of)\s+(?:the\s+)?$", re.I)
_GUARANTEE_AFTER = re.compile(r"(?:\s*\([^)]{1,20}\))?\s+(?:sovereign\s+|state\s+|full\s+)?guarantee", re.I)

# How far after a deal's last clause a quoted speaker may still speak of it, in sentences: press releases
# end on quotes, after a paragraph or two of background.
_SPEECH_REACH = 9
# Quotations in a sentence; one left open runs to the sentence's end (it goes on in the next).
_QUOTED = re.compile(r"“[^”]{0,3000}(?:”|$)|\"[^\"]{0,3000}(?:\"|$)|‘[^’]{0,3000}(?:’|$)")


_OPENS_ON_IT = re.compile(r"\W*(?:The\s+(?:company|firm|group|startup|maker|developer)|It|They)\b(?:\s+(?:last|this)\s+"
                          r"(?:year|month|week))?")


def _names_party(frame: Frame) -> bool:
    """Whether a clause names parties of its own, by name or by "the firm", "the two parties"."""
    return bool(frame.subjects or frame.objects or frame.anaphors or frame.participants)


def _place_name(mention: Mention) -> str:
    name = mention.place or mention.name
    return name.title() if name.isupper() and len(name) > 3 else name


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, ending on a whole word."""
    if len(text) <= limit:
        return text
    head = text[:limit + 1]
    return (head.rsplit(None, 1)[0] if " " in head else head[:limit]).rstrip(" ,;:")
