"""The article's own party registry: which mentions name the same party, under which canonical name and kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.extract.entities import Mention, norm
from core.extract.gazetteer import ORG_SUFFIXES, PLACE_NAMES, STATES
from core.extract.names_filter import person_evidence
from core.extract.sentences import Sentence
from core.model import PartyKind

_KIND_RANK = {PartyKind.COMPANY: 0, PartyKind.ORGANIZATION: 1, PartyKind.FUND: 2, PartyKind.GOVERNMENT: 3,
              PartyKind.PERSON: 4}
_PERSON_AFTER = re.compile(
    r",\s+(?:(?:the|a|an|its|their)\s+)?(?:[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*['’]s\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:CEO|chief|chairman|chairwoman|president|founder|co-founder|director|minister|secretary|head|officer|chair|"
    r"governor|managing|partner|vice|executive|general\s+manager|spokes\w+|MD|CMD|undersecretary)\b",
    re.I,
)
# "its founder, Jane Roe, said", "Minister of Trade, John Doe announced": a title, a comma, then the person.
_TITLE_COMMA_BEFORE = re.compile(
    r"\b(?:CEO|chief\s+executive|chairman|chairwoman|president|founder|co-founder|director|minister|secretary|"
    r"governor|mayor|head|spokes\w+|general\s+manager)(?:\s+(?:of|for)\s+[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,5})?"
    r"\s*,\s*$", re.I)
_ROLE_AFTER = re.compile(
    r",\s+(?:(?:the|a|an|its|their)\s+)?(?:(?P<owner>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*)['’]s\s+)?"
    r"(?P<title>(?:[\w-]+\s+){0,3}?(?:CEO|chief[\w ]*?officer|chief executive|chairman|chairwoman|president|founder|"
    r"co-founder|director|minister|secretary|head|officer|chair|governor|partner|spokes\w+)"
    r"(?:\s+and\s+(?:CEO|chief executive(?: officer)?|president|chairman|founder|co-founder|managing director))?)"
    r"(?:\s+(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*))?",
)
_STATE_NAMES = re.compile(r"\b(?:" + "|".join(
    re.escape(name) for name in sorted(PLACE_NAMES, key=len, reverse=True) if PLACE_NAMES[name] in STATES) + r")\b")
# Words of group that open a name in other languages: "Grupo X", "Groupe X", "PT X" are "X" later on.
_GROUP_PREFIXES = frozenset({"grupo", "groupe", "gruppo", "grupa", "grup", "pt", "cv"})
# Nouns that, capitalised alone, stand for a body named before: "the Department", "the Ministry", "the Bank".
_HEAD_NOUNS = frozenset({"Department", "Ministry", "Agency", "Authority", "Commission", "Bank", "Company", "Group",
                         "Fund", "Government", "Administration", "Council", "Corporation", "Board", "Office", "Bureau"})
_SAID = re.compile(r"\b(?:said|says|told|added|noted)\s+$")


@dataclass
class Entity:
    key: str
    name: str
    kind: PartyKind
    place: str | None = None
    aliases: list[str] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isalpha() and w.lower() not in ("of", "and", "the", "for")]
    while len(words) > 1 and words[-1].rstrip(".") in ("Inc", "Ltd", "Co", "Corp", "plc", "SA", "AG", "LLC"):
        words = words[:-1]
    return "".join(w[0] if not w.isupper() else w for w in words).upper()


class EntityTable:
    """Folds the mentions of one article into entities, seeded by the user's party registry."""

    def __init__(self, text: str, registry: dict[str, tuple[str, PartyKind]]) -> None:
        self.text = text
        self.registry = registry
        self.entities: dict[str, Entity] = {}
        self.alias: dict[str, str] = {}
        self.person_words: set[str] = set()
        self.places_seen: list[tuple[int, str]] = []
        self.delegations: list[str] = []  # governments whose delegation the article names
        self.assets: set[str] = set()  # folded names the article first called a project, a plant or a field
        self.plain: set[str] = set()  # folded names seen as names of their own
        # Entities by the first word and by the initials of their names: _similar looks only there, so an
        # article naming thousands of companies costs linear time, not a scan of all of them per name.
        self._by_first: dict[str, list[str]] = {}
        self._by_initials: dict[str, list[str]] = {}
        self._rank: dict[str, int] = {}  # the order entities were first named in, for the first match to win

    def observe(self, mentions: list[Mention], sentence: Sentence, sentences: list[Sentence]) -> list[Mention]:
        """Registers one sentence's mentions and returns them with people and places told apart."""
        out = []
        for mention in mentions:
            # "its Yindarra spodumene project ... from Yindarra": a project once named as one stays an asset.
            # A name first seen as a party ("HTA is ..., an HTA expansion project") stays a party.
            folded_name = norm(mention.name)
            if mention.asset:
                if folded_name not in self.plain:
                    self.assets.add(folded_name)
            elif not mention.person and folded_name in self.assets:
                mention.asset = True
            else:
                self.plain.add(folded_name)
            self._spot_person(mention)
            if mention.person:
                self.person_words.update(mention.name.split())
                out.append(mention)
                continue
            if mention.place:
                self.places_seen.append((mention.start, mention.place))
            if mention.name == "government" and mention.place is None:
                mention.place = self._nearest_place(mention, sentence)
                if mention.place is None:
                    continue
                mention.name = mention.place
            if not mention.location_only:
                key = self.key_of(mention)
                if key:
                    self.entities[key].offsets.append(mention.start)
                    if mention.kind == PartyKind.GOVERNMENT and re.match(
                            r"\s*(?:government['’]s\s+|state['’]s\s+|['’]s\s+)?delegation", self.text[mention.end:mention.end + 30]):
                        self.delegations.append(key)
            out.append(mention)
        return out

    def _spot_person(self, mention: Mention) -> None:
        # A person already read as acting in the deal ("angel investors including Jane Roe, co-founder of X")
        # stays a party, whatever title follows the name.
        if mention.person or mention.place or mention.kind == PartyKind.PERSON:
            return
        words = mention.name.split()
        after = self.text[mention.end:mention.end + 80]
        before = self.text[max(0, mention.start - 12):mention.start]
        plain = not any(w in ORG_SUFFIXES for w in words) and norm(mention.name) not in self.alias
        titled = _TITLE_COMMA_BEFORE.search(self.text[max(0, mention.start - 90):mention.start])
        # "X Y said" alone is no proof: "Net Zero said", "Marlow Cells said" are bodies; a given name or a surname
        # that is no common word makes the speaker a person.
        said = (_SAID.search(before) or re.match(r"\s+(?:said|says|told)\b", after)) and person_evidence(words)
        if plain and 2 <= len(words) <= 4 and (_PERSON_AFTER.match(after) or titled or said):
            mention.person, mention.kind = True, PartyKind.PERSON
            # "Laura Brenner, a partner at Granite Peak Ventures": the title and the organisation after the name.
            role = _ROLE_AFTER.match(after)
            if role:
                mention.title = mention.title or role.group("title").strip()
                mention.organization = mention.organization or role.group("org") or role.group("owner")
        elif len(words) == 1 and words[0] in self.person_words and norm(mention.name) not in self.alias:
            mention.person, mention.kind = True, PartyKind.PERSON

    def _nearest_place(self, mention: Mention, sentence: Sentence) -> str | None:
        found = _STATE_NAMES.search(self.text[sentence.start:sentence.end])
        if found:
            return PLACE_NAMES[found.group()]
        states = [p for at, p in self.places_seen if p in STATES]
        if states:
            return states[-1]
        # "Shimla: The State Government today signed ...": the state the headline names.
        found = _STATE_NAMES.search(self.text[:self.text.find("\n") if "\n" in self.text else 200])
        if found:
            return PLACE_NAMES[found.group()]
        return self.places_seen[-1][1] if self.places_seen else None

    def key_of(self, mention: Mention) -> str | None:
        if mention.person or mention.location_only:
            return None
        if mention.kind == PartyKind.GOVERNMENT and mention.place:
            key = "gov:" + mention.place
            entity = self.entities.get(key)
            # "Ministry of Energy", "Hungarian government": a body named more closely than its country.
            specific = mention.name if mention.name != mention.place and (
                len(mention.name.split()) > 2 or mention.name.endswith(("government", "govt"))) else None
            if entity is None:
                self.entities[key] = Entity(key, specific or mention.place, PartyKind.GOVERNMENT, mention.place)
            elif specific and entity.name == mention.place:
                entity.aliases.append(entity.name)
                entity.name = specific
            # "Ministry of Energy (MoE)": the short form names the same government later on.
            for alias in mention.aliases:
                self.alias.setdefault(norm(alias), key)
            return key
        folded = norm(mention.name)
        if not folded:
            return None
        if mention.name in _HEAD_NOUNS:
            # "The Department awarded ...": the body named before whose name ends in that noun, else nobody.
            return self._headed_by(mention.name, mention.start)
        found = self.alias.get(folded) or self._registered(folded) or self._similar(mention.name, folded)
        key = found if found is not None else folded
        if found is None:
            self.entities[key] = Entity(key, mention.name, mention.kind, mention.place)
            self.alias[folded] = key
            self._index(key)
        entity = self.entities[key]
        if _KIND_RANK[mention.kind] > _KIND_RANK[entity.kind] and mention.kind != PartyKind.PERSON:
            entity.kind = mention.kind
        # "Vantage" first and "Vantage Data Centers" later: the fuller name is the canonical one.
        if folded != norm(entity.name) and folded.startswith(norm(entity.name) + " ") and not self._from_registry(entity) \
                and mention.name.split()[-1] in ORG_SUFFIXES and not (mention.descriptor or mention.asset):
            entity.aliases.append(entity.name)
            entity.name = mention.name
            self._index(key)
        elif mention.name != entity.name and mention.name not in entity.aliases:
            entity.aliases.append(mention.name)
        for alias in mention.aliases:
            self.alias.setdefault(norm(alias), key)
            if alias not in entity.aliases:
                entity.aliases.append(alias)
        self.alias.setdefault(folded, key)
        return key

    def _headed_by(self, noun: str, offset: int) -> str | None:
        best, best_at = None, -1
        for key, entity in self.entities.items():
            named = [entity.name, *entity.aliases]
            before = [o for o in entity.offsets if o < offset]
            if before and before[-1] > best_at and any(noun in n.split() for n in named):
                best, best_at = key, before[-1]
        return best

    def _from_registry(self, entity: Entity) -> bool:
        return norm(entity.name) in self.registry

    def _registered(self, folded: str) -> str | None:
        known = self.registry.get(folded)
        if known is None:
            return None
        name, kind = known
        key = norm(name)
        if key not in self.entities:
            self.entities[key] = Entity(key, name, kind)
            self._index(key)
        self.alias[folded] = key
        return key

    def _index(self, key: str) -> None:
        entity = self.entities[key]
        self._rank.setdefault(key, len(self._rank))
        words = norm(entity.name).split()
        if words:
            self._by_first.setdefault(words[0], []).append(key)
            if len(words) > 1 and words[0] in _GROUP_PREFIXES:
                self._by_first.setdefault(words[1], []).append(key)
        self._by_initials.setdefault(_initials(entity.name), []).append(key)

    def _similar(self, name: str, folded: str) -> str | None:
        first = folded.split()[0]
        initials = name.replace("&", "") if name.isupper() and 2 <= len(name) <= 6 else None
        candidates = set(self._by_first.get(first, ())) | set(self._by_initials.get(initials or "\0", ()))
        for key in sorted(candidates, key=self._rank.__getitem__):
            entity = self.entities[key]
            if entity.kind == PartyKind.GOVERNMENT and key.startswith("gov:"):
                continue
            other = norm(entity.name)
            # "SoftBank" and "Softbank Group"; "JPMorgan" and "JPMorgan Chase & Co."; "Grupo Quillota" and "Quillota".
            bare = other.split(" ", 1)[1] if other.split(" ", 1)[0] in _GROUP_PREFIXES and " " in other else None
            if other.startswith(folded + " ") or folded.startswith(other + " ") or bare == folded:
                if len(folded.split()) == 1 and first in ("data", "global", "new", "first", "american", "national"):
                    continue
                return key
            if initials and _initials(entity.name) == initials:
                return key
        return None

    def last_of_kind(self, offset: int, kinds: set[PartyKind], exclude: set[str] | None = None) -> str | None:
        best, best_at = None, -1
        for key, entity in self.entities.items():
            if entity.kind not in kinds or exclude and key in exclude:
                continue
            before = [o for o in entity.offsets if o < offset]
            if before and before[-1] > best_at:
                best, best_at = key, before[-1]
        return best

    def dominant_government(self) -> str | None:
        governments = [e for e in self.entities.values() if e.kind == PartyKind.GOVERNMENT and e.offsets]
        if not governments:
            return None
        headline = self.text[:self.text.find("\n") if "\n" in self.text else 200]
        # The government the headline names is the article's own, however often others are mentioned.
        return max(governments, key=lambda e: (bool(e.place and e.place in headline), len(e.offsets),
                                               -e.offsets[0])).key
