"""core.extract.money_words on its own: currency symbols, codes and words, and magnitudes."""

from __future__ import annotations

from decimal import Decimal

from core.extract.money_words import AMBIGUOUS_WORDS, currency_of, magnitude_of


def test_symbols_words_and_codes_name_their_currency() -> None:
    assert currency_of("\u20ac") == "EUR"
    assert currency_of("rupees") == "INR"
    assert currency_of("xyz") is None


def test_a_word_that_is_also_an_english_word_is_known_as_ambiguous() -> None:
    assert currency_of("won") == "KRW" and "won" in AMBIGUOUS_WORDS


def test_magnitudes_of_every_system() -> None:
    assert magnitude_of("million") == Decimal(10) ** 6
    assert magnitude_of("bn") == Decimal(10) ** 9
    assert magnitude_of("crore") == Decimal(10) ** 7
