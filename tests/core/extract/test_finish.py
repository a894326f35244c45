"""core.extract.finish on its own: a draft deal gathers its sums once and keeps the first side a clause gave."""

from __future__ import annotations

from core.extract.finish import Draft
from core.extract.money import find_amounts
from core.model import DealType


def test_a_sum_told_twice_within_half_a_percent_joins_the_deal_once() -> None:
    draft = Draft(DealType.ACQUISITION)
    for amount in find_amounts("It paid $40 million, or $40.1 million with fees, and $10 million later."):
        draft.add_amount(amount)
    assert [(a.value, a.currency) for a in draft.amounts] == [(40_000_000, "USD"), (10_000_000, "USD")]


def test_a_party_keeps_the_first_side_a_verb_gave_it() -> None:
    draft = Draft(DealType.ACQUISITION)
    draft.set_side("alder", "")
    draft.set_side("alder", "giver")
    draft.set_side("alder", "receiver")
    assert draft.parties == {"alder": "giver"}
