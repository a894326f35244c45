"""core.extract.mention on its own: a name found in the text, and the possessive taken off a word."""

from __future__ import annotations

from core.extract.mention import CONNECTORS, Mention, strip_possessive
from core.model import PartyKind


def test_a_possessive_is_taken_off_in_either_apostrophe() -> None:
    assert strip_possessive("Alder's") == ("Alder", True)
    assert strip_possessive("Banks\u2019") == ("Banks", True)
    assert strip_possessive("Birch") == ("Birch", False)


def test_a_new_mention_is_a_plain_company_until_the_names_step_says_more() -> None:
    mention = Mention(4, 14, "Alder Bank")
    assert mention.kind is PartyKind.COMPANY and not (mention.person or mention.location_only or mention.descriptor)
    other = Mention(0, 5, "Birch")
    other.aliases.append("Birch Ltd")
    assert mention.aliases == []  # each mention has its own list


def test_the_small_words_inside_names_are_connectors() -> None:
    assert {"of", "&", "de", "von", "bin"} <= CONNECTORS
