"""core.extract.money_context on its own: the words around an amount say why it is not a deal amount."""

from __future__ import annotations

from core.extract.money_context import context_after, context_before, exclusion_reason


def reason(text: str, amount: str) -> str | None:
    start = text.index(amount)
    end = start + len(amount)
    return exclusion_reason(context_before(text, start, 0), context_after(text, end, len(text)))


def test_revenue_is_no_deal_amount_and_a_price_is() -> None:
    assert reason("Alder reported revenue of $40 million last year.", "$40 million") == "revenue"
    assert reason("Alder agreed to buy Birch for $40 million.", "$40 million") is None


def test_the_context_stops_at_the_sentence_and_at_the_floor_given() -> None:
    text = "Alder had revenue. It paid $40 million for Birch."
    start = text.index("$")
    assert context_before(text, start, 0) == "It paid "
    assert context_before(text, start, start - 3) == "id "
