"""Shapes of news the parser misread in its tenth session of work; sentences our own."""

from __future__ import annotations

from parse_helpers import deals_of, roles_of


def test_a_government_the_headline_names_by_its_people_is_named_so() -> None:
    deal, = deals_of("Bakery plant opens with Slovak govt support\n\n"
                     "Pekaren Horal received 95 million euros in government grants for a bread plant in western "
                     "Slovakia, the company said on Monday.")
    assert {p.name: p.role for p in deal.parties} == {"Pekaren Horal": "recipient", "Slovak govt": "grantor"}


def test_a_government_named_by_its_country_keeps_the_country_name() -> None:
    roles = roles_of("Slovakia's economy grew last year. The Slovak government gave a grant of 95 million euros "
                     "to Pekaren Horal on Monday.")
    assert roles == {"Pekaren Horal": ("company", "recipient"), "Slovakia": ("government", "grantor")}
