"""core.extract.cues on its own: the words that say a deal of which type is reported, and those that say it is not."""

from __future__ import annotations

import pytest

from core.extract import cues
from core.model import DealType


def types_cued(text: str) -> list[DealType]:
    return [deal_type for deal_type, pattern in cues.TYPE_CUES if pattern.search(text)]


@pytest.mark.parametrize("text, expected", [
    ("Alder Bank agreed to acquire Birch Power", DealType.ACQUISITION),
    ("Birch Power raised $20 million in a Series A round", DealType.FUNDING_ROUND),
    ("Alder won a contract to build a bridge", DealType.CONTRACT),
])
def test_each_type_has_its_cue_words(text: str, expected: DealType) -> None:
    assert expected in types_cued(text)


def test_hedged_and_failed_deals_are_told_apart_from_done_ones() -> None:
    assert cues.HEDGES.search("Birch may consider buying Cedar")
    assert not cues.HEDGES.search("Birch bought Cedar")
    assert cues.FAILED.search("the deal was called off")
    assert not cues.FAILED.search("the deal was completed")


def test_precedence_names_every_type_once_and_compatibility_is_between_types() -> None:
    assert sorted(cues.PRECEDENCE, key=str) == sorted(set(DealType), key=str)
    assert all(isinstance(k, DealType) and all(isinstance(t, DealType) for t in v) for k, v in cues.COMPATIBLE.items())
