"""The provinces and regions file the names step reads is what ISO 3166-2 says today."""

from __future__ import annotations

from importlib.resources import files

from core.extract.gazetteer import PLACE_NAMES, REGIONS_FILE, build_regions


def test_the_regions_file_is_in_step_with_pycountry() -> None:
    shipped = (files("core.extract") / REGIONS_FILE).read_text(encoding="utf-8").split("\n")
    # If this fails after a pycountry or wordfreq upgrade, write the file anew:
    #   python -c "from core.extract.gazetteer import build_regions; print('\n'.join(build_regions()))" \
    #       > core/extract/regions.txt
    assert [name for name in shipped if name] == build_regions()


def test_provinces_of_many_countries_are_places_and_common_words_are_not() -> None:
    for place in ("Northern Cape", "Nueva Ecija", "Murcia", "Kumamoto", "Guangdong", "Mazowieckie"):
        assert place in PLACE_NAMES, place
    for word in ("Central", "Western", "Centre"):
        assert word not in PLACE_NAMES or PLACE_NAMES[word] != word, word
