"""core.extract.later through the parser (its rules need the article read so far): later sentences name a side."""

from __future__ import annotations

from core.extract import parse_text
from core.model import DealType


def parties(text: str) -> list[tuple[DealType, list[tuple[str, str | None]]]]:
    return [(d.type, [(p.name, p.role) for p in d.parties]) for d in parse_text(text, published="2025-03-03").deals]


def test_the_seller_is_named_in_the_next_sentence() -> None:
    told = "Alder Bank agreed to buy a majority stake in Birch Power for $40 million."
    assert parties(told + " The seller is Cedar Rail.") == [
        (DealType.ACQUISITION, [("Alder Bank", "acquirer"), ("Birch Power", "target"), ("Cedar Rail", "seller")])]
    assert parties(told + " Cedar Rail is a rail company.") == [
        (DealType.ACQUISITION, [("Alder Bank", "acquirer"), ("Birch Power", "target")])]


def test_a_syndicate_after_a_loan_are_its_lenders() -> None:
    told = "Birch Power secured a $20 million loan."
    assert parties(told + " Alder Bank, Cedar Rail and Dune Capital acted as lead arrangers.") == [
        (DealType.FINANCING, [("Birch Power", "borrower"), ("Alder Bank", "lender"), ("Cedar Rail", "lender"),
                              ("Dune Capital", "lender")])]


def test_other_investors_listed_after_a_round_are_its_investors() -> None:
    text = ("Birch Power raised $20 million in a Series A round led by Alder Bank. "
            "Other investors include Cedar Rail and Dune Capital.")
    assert parties(text) == [(DealType.FUNDING_ROUND, [("Birch Power", "recipient"), ("Alder Bank", "investor"),
                                                       ("Cedar Rail", "investor"), ("Dune Capital", "investor")])]
