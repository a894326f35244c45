"""People who acted in a deal: who signed, announced or led it, or spoke for a party about it."""

from __future__ import annotations

import re

from core.extract.entities import Mention
from core.extract.sentences import Sentence
from core.model import Person

# Sentences about onlookers, not actors.
_ONLOOKERS = re.compile(r"\b(?:attended|joined|were present|guests?|attendees|met|held talks|figures)\b", re.I)
_ACTS = re.compile(r"\b(?:said|says|signed|announced|led|leads|told|added|formali[sz]ed|inked|unveiled)\b", re.I)


def find_people(text: str, deal_sentences: list[Sentence], mentions: dict[int, list[Mention]],
                indices: list[int], party_names: set[str]) -> list[Person]:
    """People named in the deal's own sentences, and those who speak for one of its parties elsewhere."""
    people: dict[str, Person] = {}
    wanted = set(indices)
    for index, found in mentions.items():
        sentence_people = [m for m in found if m.person and len(m.name.split()) >= 2]
        if not sentence_people:
            continue
        if index not in wanted:
            window = " ".join(text[m.start - 80:m.end + 80] for m in sentence_people)
            if not (_ACTS.search(window) and any(name in window for name in party_names)):
                continue
        sentence_text = " ".join(text[m.start - 100:m.end + 60] for m in sentence_people)
        if _ONLOOKERS.search(sentence_text) and index not in wanted:
            continue
        for mention in sentence_people:
            people.setdefault(mention.name, Person(mention.name, mention.title, mention.organization))
    return list(people.values())
