"""What progress and the summary call an input: a web address never with its user name and password."""

from __future__ import annotations

from gui.importing.sources import from_address, from_locations, from_text


def test_an_address_with_a_login_is_named_without_it_and_fetched_with_it() -> None:
    typed = from_address("https://bob:s3cret@news.example/deal")
    assert typed.name == "https://news.example/deal" and typed.location == "https://bob:s3cret@news.example/deal"
    [dropped] = from_locations(["http://bob:s3cret@news.example/a"])
    assert dropped.name == "http://news.example/a"
    assert from_text("Some text", url="https://bob:s3cret@news.example/b").name == "https://news.example/b"
