"""Parse a few sentences of our own as a news article, for the parser's shape tests."""

from __future__ import annotations

from core.extract import parse_text
from core.model import Deal


def deals_of(text: str) -> tuple[Deal, ...]:
    """The deals of `text` read as an article under a one-line headline, published on 4 March 2026."""
    return parse_text("Deal news\n\n" + text, published="2026-03-04").deals


def roles_of(text: str) -> dict[str, tuple[str, str]]:
    """Each party of the one deal `text` tells, by name: (kind, role)."""
    deals = deals_of(text)
    assert len(deals) == 1, deals
    return {p.name: (p.kind.value, p.role) for p in deals[0].parties}
