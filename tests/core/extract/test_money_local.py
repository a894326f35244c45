"""core.extract.money_local on its own: which dollar a bare "$" means in a paper of a dollar country."""

from __future__ import annotations

from core.extract.money_local import local_dollar


def test_a_canadian_story_writes_canadian_dollars_as_a_bare_dollar() -> None:
    text = ("The Toronto firm paid $5 million. Canada's market grew, and $3 million went to firms in Canada; "
            "$2 million more went to Canadian companies in Ottawa.")
    assert local_dollar(text) == "CAD"


def test_a_story_naming_no_dollar_country_keeps_the_american_dollar() -> None:
    assert local_dollar("Alder paid $5 million for Birch Power.") is None
