"""A name found in the text, with what the names step learnt about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model import PartyKind

# A word of the text: (start offset, end offset, the word).
Token = tuple[int, int, str]
# Lower-case words and signs that may stand inside a name: "Bank of Korea", "AT & T", "Mohamed bin Zayed".
CONNECTORS = frozenset({"of", "for", "&", "de", "du", "des", "la", "le", "van", "von", "der", "bin", "bint", "ibn",
                        "al", "el", "and", "the",
                        # Names in Portuguese, Spanish, Italian and French: "Águas do Itapecuru", "Agência para a Inovação".
                        "do", "da", "dos", "das", "del", "della", "di", "y", "e", "et", "para", "pour"})
# The article a Romance "for" takes inside a name: "para a Inovação", "pour la Croissance".
ROMANCE_ARTICLES = frozenset({"a", "o", "as", "os", "la", "le", "les", "el", "l'"})


@dataclass
class Mention:
    start: int
    end: int
    name: str
    kind: PartyKind = PartyKind.COMPANY
    place: str | None = None  # for a country or state: its name; for a government: its jurisdiction
    location_only: bool = False  # a city or a place used as a modifier
    person: bool = False
    title: str | None = None
    organization: str | None = None
    possessive: bool = False
    descriptor: bool = False  # names a person's organisation or nation ("SK Group Chairman Chey"), not a party
    asset: bool = False  # a facility or site ("Houston West Campus"), not a party
    explicit: bool = False  # named as a government ("the German government", "state of X")
    aliases: list[str] = field(default_factory=list)


def strip_possessive(word: str) -> tuple[str, bool]:
    for suffix in ("'s", "’s", "s'", "s’"):
        if word.endswith(suffix) and len(word) > 2:
            return (word[:-2] if suffix[0] in "'’" else word[:-1]), True
    return word, False
