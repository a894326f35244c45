"""core.extract.names_kind on its own: what kind of party a name is, from its words and the words around it."""

from __future__ import annotations

import pytest

from core.extract.mention import Mention
from core.extract.names_kind import set_kind
from core.model import PartyKind


def kind_of(name: str, after: str = " said") -> Mention:
    mention = Mention(0, len(name), name)
    set_kind(mention, "", after)
    return mention


@pytest.mark.parametrize("name, kind", [
    ("Alder Pension Fund", PartyKind.FUND),
    ("Ministry of Energy", PartyKind.GOVERNMENT),
    ("Alder Foundation", PartyKind.ORGANIZATION),
    ("Birch Power", PartyKind.COMPANY),
])
def test_the_words_of_a_name_give_its_kind(name: str, kind: PartyKind) -> None:
    assert kind_of(name).kind is kind


def test_a_name_before_its_officer_names_the_persons_company_not_a_party() -> None:
    assert kind_of("Alder Holdings", "'s chief executive Jane Roe").descriptor
    assert not kind_of("Alder Holdings").descriptor
