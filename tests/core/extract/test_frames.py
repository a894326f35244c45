"""core.extract.frames on its own: which clause reports a deal, of which type, and where its cue stands."""

from __future__ import annotations

from core.extract.frames import clause_type
from core.model import DealType


def test_the_cue_of_a_deal_clause_gives_its_type_and_span() -> None:
    text = "Alder Bank agreed to acquire Birch Power for $40 million"
    deal_type, start, end = clause_type(text)
    assert deal_type is DealType.ACQUISITION and text[start:end] == "acquire"


def test_a_round_is_a_funding_round() -> None:
    text = "Birch Power raised $20 million in a Series A round led by Cedar"
    deal_type, start, end = clause_type(text)
    assert deal_type is DealType.FUNDING_ROUND and text[start:end] == "raised"


def test_a_clause_without_a_cue_is_no_deal() -> None:
    assert clause_type("The weather in Ohio was fine on Monday") == (None, -1, -1)
