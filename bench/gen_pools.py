"""Name pools and sentence templates for the generated databases: countries, companies, funds, people, prose."""

from __future__ import annotations

import random
from pathlib import Path

from core.store.parties import normalize_name

# name, currency, cities (the first is where its government sits)
COUNTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("United States", "USD", ("Washington", "New York", "Houston", "San Jose")),
    ("United Kingdom", "GBP", ("London", "Manchester", "Aberdeen")),
    ("France", "EUR", ("Paris", "Lyon", "Marseille")),
    ("Germany", "EUR", ("Berlin", "Munich", "Hamburg", "Frankfurt")),
    ("India", "INR", ("New Delhi", "Mumbai", "Bengaluru", "Chennai", "Hyderabad")),
    ("Japan", "JPY", ("Tokyo", "Osaka", "Nagoya")),
    ("South Korea", "KRW", ("Seoul", "Ulsan", "Busan")),
    ("China", "CNY", ("Beijing", "Shanghai", "Shenzhen")),
    ("Brazil", "BRL", ("Brasilia", "Sao Paulo", "Rio de Janeiro")),
    ("Canada", "CAD", ("Ottawa", "Toronto", "Calgary", "Montreal")),
    ("Australia", "AUD", ("Canberra", "Sydney", "Perth", "Melbourne")),
    ("Saudi Arabia", "SAR", ("Riyadh", "Jeddah", "Dammam")),
    ("United Arab Emirates", "AED", ("Abu Dhabi", "Dubai")),
    ("Qatar", "QAR", ("Doha",)),
    ("Singapore", "SGD", ("Singapore",)),
    ("Indonesia", "IDR", ("Jakarta", "Surabaya", "Batam")),
    ("Vietnam", "VND", ("Hanoi", "Ho Chi Minh City", "Da Nang")),
    ("Malaysia", "MYR", ("Kuala Lumpur", "Johor Bahru", "Penang")),
    ("Thailand", "THB", ("Bangkok", "Chonburi")),
    ("Philippines", "PHP", ("Manila", "Cebu")),
    ("Mexico", "MXN", ("Mexico City", "Monterrey", "Guadalajara")),
    ("Chile", "CLP", ("Santiago", "Antofagasta")),
    ("Peru", "PEN", ("Lima", "Arequipa")),
    ("Colombia", "COP", ("Bogota", "Medellin")),
    ("Argentina", "ARS", ("Buenos Aires", "Cordoba")),
    ("South Africa", "ZAR", ("Pretoria", "Johannesburg", "Cape Town")),
    ("Nigeria", "NGN", ("Abuja", "Lagos")),
    ("Kenya", "KES", ("Nairobi", "Mombasa")),
    ("Egypt", "EGP", ("Cairo", "Alexandria")),
    ("Morocco", "MAD", ("Rabat", "Casablanca", "Tangier")),
    ("Turkey", "TRY", ("Ankara", "Istanbul", "Izmir")),
    ("Poland", "PLN", ("Warsaw", "Gdansk", "Wroclaw")),
    ("Spain", "EUR", ("Madrid", "Barcelona", "Bilbao")),
    ("Italy", "EUR", ("Rome", "Milan", "Turin")),
    ("Netherlands", "EUR", ("The Hague", "Amsterdam", "Rotterdam")),
    ("Sweden", "SEK", ("Stockholm", "Gothenburg")),
    ("Norway", "NOK", ("Oslo", "Bergen", "Stavanger")),
    ("Denmark", "DKK", ("Copenhagen", "Aarhus")),
    ("Finland", "EUR", ("Helsinki", "Oulu")),
    ("Ireland", "EUR", ("Dublin", "Cork")),
    ("Portugal", "EUR", ("Lisbon", "Porto", "Sines")),
    ("Switzerland", "CHF", ("Bern", "Zurich", "Geneva")),
    ("Austria", "EUR", ("Vienna", "Linz")),
    ("Belgium", "EUR", ("Brussels", "Antwerp")),
    ("Greece", "EUR", ("Athens", "Thessaloniki")),
    ("Israel", "ILS", ("Jerusalem", "Tel Aviv", "Haifa")),
    ("Kazakhstan", "KZT", ("Astana", "Almaty")),
    ("Pakistan", "PKR", ("Islamabad", "Karachi", "Lahore")),
    ("Bangladesh", "BDT", ("Dhaka", "Chittagong")),
    ("New Zealand", "NZD", ("Wellington", "Auckland")),
    ("Ghana", "GHS", ("Accra", "Kumasi")),
    ("Ethiopia", "ETB", ("Addis Ababa",)),
    ("Oman", "OMR", ("Muscat", "Duqm")),
    ("Kuwait", "KWD", ("Kuwait City",)),
    ("Czech Republic", "CZK", ("Prague", "Brno")),
    ("Romania", "RON", ("Bucharest", "Cluj-Napoca")),
    ("Hungary", "HUF", ("Budapest", "Debrecen")),
    ("Uzbekistan", "UZS", ("Tashkent", "Samarkand")),
)

# Rough US dollars per unit: enough to make the converted figures plausible.
USD_PER_UNIT = {
    "USD": 1.0, "GBP": 1.27, "EUR": 1.09, "INR": 0.012, "JPY": 0.0068, "KRW": 0.00075, "CNY": 0.14,
    "BRL": 0.19, "CAD": 0.74, "AUD": 0.66, "SAR": 0.27, "AED": 0.27, "QAR": 0.27, "SGD": 0.74, "IDR": 0.000063,
    "VND": 0.00004, "MYR": 0.21, "THB": 0.028, "PHP": 0.018, "MXN": 0.055, "CLP": 0.0011, "PEN": 0.27,
    "COP": 0.00025, "ARS": 0.0011, "ZAR": 0.054, "NGN": 0.00066, "KES": 0.0077, "EGP": 0.021, "MAD": 0.1,
    "TRY": 0.031, "PLN": 0.25, "SEK": 0.095, "NOK": 0.093, "DKK": 0.146, "CHF": 1.12, "ILS": 0.27,
    "KZT": 0.0021, "PKR": 0.0036, "BDT": 0.0085, "NZD": 0.6, "GHS": 0.066, "ETB": 0.0083, "OMR": 2.6,
    "KWD": 3.25, "CZK": 0.043, "RON": 0.22, "HUF": 0.0027, "UZS": 0.000079,
}
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "Rs "}

BRANDS = """Arbor Peak, Northwind, Granite Peak, Kestrel, Tidewell, Oriel, Sandbar, Lumetric, Corvane, Quarrystone,
Halden, Brightwater, Cedarline, Silverfern, Redcliff, Ironbridge, Bluehaven, Eastgate, Westmark, Southport, Highmoor,
Larkspur, Meridian, Solace, Vantor, Helix, Aurora, Borealis, Copperleaf, Crescent, Driftwood, Emberly, Falcon,
Fernhill, Glacier, Harbourside, Horizon, Juniper, Keystone, Lakeshore, Lodestar, Marlow, Monarch, Nimbus, Oakridge,
Orion, Pinnacle, Polaris, Ridgeway, Rivermark, Saltmarsh, Sequoia, Skyline, Stonebridge, Summit, Talisman, Thornbury,
Trident, Vector, Verdant, Wexford, Whitestone, Zephyr, Altamira, Andara, Bellweather, Calder, Dunmore, Elmstead,
Farrow, Galloway, Hartwell, Invergarry, Kinsale, Lindqvist, Mistral, Novaris, Ostara, Pemberton, Quillon, Rosmund,
Sarnova, Tavira, Ulvik, Varela, Wyndham, Yarrow, Zander, Akerby, Brannock, Castellan, Delacroix, Estrada, Fennimore,
Greyhawk, Holloway, Istra, Jarrow, Kelvin, Lorimer, Maribel, Norland, Ostrander, Pellucid, Radley, Sable, Tamsin,
Umbra, Valdis, Wolcott, Adira, Bexley, Corrin, Dravida, Ephyra, Fiorano, Gallant, Halcyon, Ingram, Javelin, Kairos,
Lumen, Mosaic, Nexa, Obsidian, Paragon, Quorum, Radiant, Stratos, Tessera, Valiant, Westerly, Ardent, Beacon,
Citadel, Dynamo, Everest, Frontier, Genesis, Heritage, Insight, Jubilee, Kinetic, Legacy, Momentum, Optima, Prism,
Relay, Sentinel, Triton, Vertex, Wavecrest, Ashgrove, Blackthorn, Coldharbour, Deepwater, Eldermoor, Foxglove,
Goldcrest, Hollowell, Ivybridge, Kingsmere, Longreach, Millbrook, Netherby, Oldcastle, Penhallow, Queensbury""".replace(
    "\n", " ")
INDUSTRIES = """Energy, Capital, Holdings, Minerals, Systems, Infrastructure, Power, Logistics, Semiconductor, Telecom,
Bank, Industries, Group, Technologies, Resources, Data, Cloud, Robotics, Biosciences, Pharmaceuticals, Motors, Steel,
Shipping, Airways, Foods, Renewables, Solar, Hydrogen, Networks, Mining, Chemicals, Materials, Analytics, Aerospace,
Water, Health, Insurance, Properties, Ports, Rail, Grid, Batteries, Agritech, Construction, Utilities""".replace(
    "\n", " ")
LEGAL = ("", "", "", "Inc.", "Ltd", "AG", "SA", "plc", "GmbH", "NV", "SE", "Corp.", "Co.", "Limited", "LLC")
MINISTRIES = ("Energy", "Finance", "Digital Economy", "Transport", "Industry", "Trade", "Health", "Defence",
              "Agriculture", "Water Resources", "Mines", "Infrastructure")
FIRST_NAMES = """Irena Daniel Tomas Ana Laura Oriol Priya Rahul Kenji Yuki Min-jun Seo-yeon Wei Li Carlos Lucia Pedro
Mariana Ahmed Fatima Omar Layla Chidi Amara Kwame Ama Johan Ingrid Lars Astrid Pierre Claire Hans Greta Marco Giulia
Ivan Olga Mehmet Elif Sipho Thandi David Sarah Michael Emily James Olivia Ravi Anjali Hiroshi Sakura Jorge Camila
Mateo Valentina Andrzej Katarzyna Nikos Eleni Aisha Yusuf Diego Sofia Felix Nora Tariq Leila Erik Freya""".split()
LAST_NAMES = """Kovalen Osei Reyval Ferreira Brenner Lima Sharma Mehta Tanaka Sato Kim Park Zhang Wang Garcia Rodriguez
Silva Santos Hassan Al-Farsi Haddad Okafor Mensah Boateng Lindqvist Andersen Nilsson Dubois Lefevre Muller Schmidt
Rossi Bianchi Petrov Ivanova Yilmaz Demir Dlamini Nkosi Smith Johnson Williams Brown Patel Iyer Nakamura Kobayashi
Fernandez Lopez Nowak Kowalski Papadopoulos Georgiou Rahman Khan Martinez Moreno Weber Fischer Qureshi Nasser Berg
Holm Castillo Herrera Adeyemi Mwangi Novak Horvat""".split()
PERSON_TITLES = ("chief executive", "chief financial officer", "chairman", "minister", "managing director",
                 "head of infrastructure", "partner", "president", "governor", "chief operating officer")
PUBLISHERS = (("Seedline Weekly", "seedline.example"), ("Deal Desk", "dealdesk.example"),
              ("Infrastructure Ledger", "infraledger.example"), ("Energy Monitor Daily", "energymonitor.example"),
              ("The Capital Wire", "capitalwire.example"), ("Datacenter Digest", "dcdigest.example"),
              ("Regional Business Review", "rbr.example"), ("Markets Morning", "marketsmorning.example"),
              ("Asia Deals Journal", "asiadeals.example"), ("Gulf Business Report", "gulfbiz.example"),
              ("Africa Investment News", "africainvest.example"), ("Euro Industry Post", "euroindustry.example"),
              ("Americas Trade Times", "americastrade.example"), ("The Grid Report", "gridreport.example"),
              ("Mining Weekly Review", "miningreview.example"), ("Chip Supply Chronicle", "chipsupply.example"))
SECTORS = ("AI infrastructure", "data centers", "artificial intelligence", "cloud", "semiconductors",
           "renewable energy", "solar", "wind power", "hydrogen", "nuclear", "battery storage", "oil and gas",
           "telecommunications", "digital infrastructure", "manufacturing", "defence", "logistics")
PROJECTS = ("data centre campus", "solar park", "offshore wind farm", "green hydrogen plant", "chip fab",
            "battery gigafactory", "fibre network", "port terminal", "rail corridor", "LNG terminal",
            "copper mine", "lithium refinery", "cloud region", "transmission line", "desalination plant",
            "logistics hub", "satellite network", "steel mill", "pumped storage scheme", "research campus")
NOTES = ("Check the amount against the filing.", "Follow up on the second phase.", "Ask the ministry for the MoU text.",
         "Possible overlap with an earlier deal.", "Compare with the company's annual report.")

# One template per deal type: (headline, opening sentence). {a} and {b} are parties, {amt} an amount text.
TYPE_PROSE: dict[str, tuple[str, str]] = {
    "mou": ("{a} signs MoU with {b} on {project}",
            "{a} signed a memorandum of understanding with {b} on {day} to develop a {project} in {city}"),
    "investment": ("{a} to invest {amt} in {b} {project}",
                   "{a} will invest {amt} in a {project} that {b} is building near {city}"),
    "acquisition": ("{a} agrees to buy {b} for {amt}",
                    "{a} has agreed to acquire {b} for {amt}, the companies said on {day}"),
    "merger": ("{a} and {b} agree to merge", "{a} and {b} agreed on {day} to combine in a merger of equals"),
    "joint_venture": ("{a} and {b} form {project} joint venture",
                      "{a} and {b} will form a joint venture to build a {project} in {city}"),
    "partnership": ("{a} partners with {b} on {project}",
                    "{a} announced a partnership with {b} on {day} to develop a {project}"),
    "funding_round": ("{b} raises {amt} in round led by {a}",
                      "{b} has raised {amt} in a funding round led by {a}, the startup said on {day}"),
    "financing": ("{a} provides {amt} loan for {b} {project}",
                  "{a} agreed to lend {amt} to {b} to finance a {project} near {city}"),
    "contract": ("{b} wins {amt} contract from {a}",
                 "{a} awarded {b} a contract worth {amt} on {day} to deliver a {project}"),
    "grant": ("{a} awards {amt} grant to {b}", "{a} will give {b} a grant of {amt} for a {project} in {city}"),
    "other": ("{a} and {b} announce {project} plan", "{a} and {b} set out plans for a {project} on {day}"),
}
# Sentences that fill out an article; {w} slots take vocabulary words, so the search index sees a varied text.
# These name no party, so a pool of them is drawn once and shared; DEAL_FILLERS are written per deal.
FILLERS = (
    "The {w} is expected to {w2} the {w3} market over the next {n} years, {p} said.",
    "Analysts said the {w} could lift {w2} and {w3} across the region.",
    "The deal follows a {w} review of {w2} spending and a wider push on {w3}.",
    "The {w} will be financed with a mix of {w2}, {w3} and debt from regional lenders.",
    "Critics questioned the {w} and its effect on {w2}, while supporters pointed to {w3}.",
    "The first phase covers {w} and {w2}, with {w3} to follow in {year}.",
    "Terms of the {w} were not disclosed beyond the {w2} and the {w3} timetable.",
    "{p}, a {title} at a rival firm, said {w} and {w2} would decide how quickly the {w3} pays off.",
    "Demand for {w} has grown by {n} per cent a year since {year}, according to {w2} figures.",
)
DEAL_FILLERS = (
    "{p}, {title} of {a}, said the agreement would bring {w} and {w2} to {city}.",
    "Officials in {city} said the {w} would create about {n},000 jobs and support {w2}.",
    "{a} said it expected {w} approval by {year}, subject to {w2} conditions.",
    "Shares in {a} rose {n} per cent after the {w} was announced.",
    "{b} has worked on {w} projects in {n} countries and employs {n2},000 people.",
)


def vocabulary(path: Path) -> list[str]:
    """The filler words, in a fixed shuffled order: rank decides how often a word is drawn (Zipf)."""
    words = [w.strip() for w in path.read_text(encoding="utf-8").split() if w.strip()]
    random.Random(7).shuffle(words)
    return words


def entity_pool(rng: random.Random, companies: int = 3200) -> list[tuple[str, str, str | None]]:
    """(name, kind, country) for companies, funds, governments and organisations, every name unique once folded."""
    brands = [b.strip() for b in BRANDS.split(",")]
    industries = [i.strip() for i in INDUSTRIES.split(",")]
    seen: set[str] = set()
    pool: list[tuple[str, str, str | None]] = []

    def add(name: str, kind: str, country: str | None) -> None:
        norm = normalize_name(name)
        if norm not in seen:
            seen.add(norm)
            pool.append((name, kind, country))

    combos = [(b, i) for b in brands for i in industries]
    rng.shuffle(combos)
    for brand, industry in combos[:companies]:
        country = rng.choice(COUNTRIES)[0]
        add(f"{brand} {industry} {rng.choice(LEGAL)}".strip(), "company", country)
    for country, _, _ in COUNTRIES:
        add(f"Government of {country}", "government", country)
        for ministry in rng.sample(MINISTRIES, 4):
            add(f"{country} Ministry of {ministry}", "government", country)
        add(f"{country} Investment Authority", "fund", country)
        add(f"{country} Development Bank", "organization", country)
    for brand in rng.sample(brands, 120):
        add(f"{brand} Capital Partners", "fund", rng.choice(COUNTRIES)[0])
        add(f"{brand} Ventures", "fund", rng.choice(COUNTRIES)[0])
        add(f"{brand} Infrastructure Fund", "fund", rng.choice(COUNTRIES)[0])
    for brand in rng.sample(brands, 40):
        add(f"{brand} University", "organization", rng.choice(COUNTRIES)[0])
    return pool


def people_pool(rng: random.Random, size: int = 2000) -> list[str]:
    names = sorted({f"{f} {l}" for f in FIRST_NAMES for l in LAST_NAMES})
    return rng.sample(names, min(size, len(names)))


def money_text(value: float, currency: str) -> str:
    """A figure as an article writes it: "$4 billion", "€350 million", "12.5 billion rupees"."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if value >= size:
            number = value / size
            text = f"{number:.1f}".removesuffix(".0") if number < 100 else f"{number:.0f}"
            break
    else:
        text, word = f"{value:,.0f}", ""
    sign = CURRENCY_SIGNS.get(currency)
    if sign:
        return f"{sign}{text} {word}".strip()
    return f"{text} {word} {currency}".replace("  ", " ")
