"""core.extract.people on its own: whom a person may speak for, the deal's parties or another name."""

from __future__ import annotations

from core.extract.people import Sides

SIDES = Sides(own=frozenset({"alder bank", "birch power"}),
              known=frozenset({"alder bank", "birch power", "cedar rail"}))


def test_a_party_and_a_unit_named_after_it_speak_for_the_deal() -> None:
    assert SIDES.of("Alder Bank") is True
    assert SIDES.of("Alder Bank Treasury Department") is True


def test_another_name_of_the_article_does_not_and_an_unknown_one_is_not_known() -> None:
    assert SIDES.of("Cedar Rail") is False
    assert SIDES.of("Dune Mills") is None
    assert SIDES.of(None) is None and SIDES.of("") is None
