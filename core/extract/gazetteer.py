"""Word lists the recognisers share: places, demonyms, titles, name suffixes and generic words."""

from __future__ import annotations

import re

# Country or state -> the spellings and adjectives that name it. The key is the party name we print.
_PLACES: dict[str, tuple[str, ...]] = {
    "United States": ("US", "U.S.", "USA", "U.S.A.", "America", "American", "United States of America"),
    "United Kingdom": ("UK", "U.K.", "Britain", "British", "Great Britain", "England", "English"),
    "United Arab Emirates": ("UAE", "U.A.E.", "Emirati", "Emirates"),
    "South Korea": ("Korea", "South Korean", "Korean", "Republic of Korea"),
    "North Korea": ("North Korean",),
    "Saudi Arabia": ("Saudi", "Kingdom of Saudi Arabia", "KSA"),
    "China": ("Chinese", "PRC", "People's Republic of China"),
    "Japan": ("Japanese",),
    "India": ("Indian",),
    "France": ("French",),
    "Germany": ("German",),
    "Italy": ("Italian",),
    "Spain": ("Spanish",),
    "Portugal": ("Portuguese",),
    "Netherlands": ("Dutch", "The Netherlands", "Holland"),
    "Belgium": ("Belgian",),
    "Switzerland": ("Swiss",),
    "Austria": ("Austrian",),
    "Sweden": ("Swedish",),
    "Norway": ("Norwegian",),
    "Denmark": ("Danish",),
    "Finland": ("Finnish",),
    "Ireland": ("Irish",),
    "Poland": ("Polish",),
    "Greece": ("Greek",),
    "Turkey": ("Turkish", "Türkiye"),
    "Russia": ("Russian",),
    "Ukraine": ("Ukrainian",),
    "Israel": ("Israeli",),
    "Egypt": ("Egyptian",),
    "Qatar": ("Qatari",),
    "Kuwait": ("Kuwaiti",),
    "Oman": ("Omani",),
    "Bahrain": ("Bahraini",),
    "Jordan": ("Jordanian",),
    "Morocco": ("Moroccan",),
    "Nigeria": ("Nigerian",),
    "Kenya": ("Kenyan",),
    "South Africa": ("South African",),
    "Ethiopia": ("Ethiopian",),
    "Brazil": ("Brazilian",),
    "Mexico": ("Mexican",),
    "Argentina": ("Argentine", "Argentinian"),
    "Chile": ("Chilean",),
    "Colombia": ("Colombian",),
    "Peru": ("Peruvian",),
    "Canada": ("Canadian",),
    "Australia": ("Australian",),
    "New Zealand": ("New Zealander",),
    "Singapore": ("Singaporean",),
    "Malaysia": ("Malaysian",),
    "Indonesia": ("Indonesian",),
    "Thailand": ("Thai",),
    "Vietnam": ("Vietnamese", "Viet Nam"),
    "Philippines": ("Philippine", "Filipino"),
    "Taiwan": ("Taiwanese",),
    "Hong Kong": (),
    "Pakistan": ("Pakistani",),
    "Bangladesh": ("Bangladeshi",),
    "Sri Lanka": ("Sri Lankan",),
    "Kazakhstan": ("Kazakh",),
    "Uzbekistan": ("Uzbek",),
    "Iraq": ("Iraqi",),
    "Iran": ("Iranian",),
    # Adjectives no English ending rule makes from the country's name.
    "Czechia": ("Czech", "Czech Republic"),
    "Slovakia": ("Slovak",),
    "Lebanon": ("Lebanese",),
    "Mozambique": ("Mozambican",),
    "Côte d'Ivoire": ("Ivorian", "Ivory Coast"),
    "Zimbabwe": ("Zimbabwean",),
    "Myanmar": ("Burmese", "Burma"),
    "Laos": ("Laotian", "Lao"),
    "Cyprus": ("Cypriot",),
    "Madagascar": ("Malagasy",),
    "Hungary": ("Hungarian",),
    "European Union": ("EU", "E.U."),
    # States and provinces that sign deals in their own name.
    "Uttar Pradesh": ("UP",),
    "Maharashtra": (),
    "Karnataka": (),
    "Tamil Nadu": (),
    "Gujarat": (),
    "Telangana": (),
    "Andhra Pradesh": (),
    "Kerala": (),
    "Odisha": (),
    "Rajasthan": (),
    "Punjab": (),
    "West Bengal": (),
    "Madhya Pradesh": (),
    "Haryana": (),
    "Bavaria": ("Bavarian",),
    "North Rhine-Westphalia": ("NRW",),
    "Saxony": (),
    "Baden-Württemberg": (),
    "Quebec": (),
    "Ontario": (),
    "Alberta": (),
    "British Columbia": (),
    "New South Wales": (),
    "Victoria": (),
    "Queensland": (),
    "Texas": ("Texan",),
    "California": (),
    "New York State": (),
    "Abu Dhabi": (),
    "Dubai": (),
    "Scotland": ("Scottish",),
    "Wales": ("Welsh",),
}

# Spelling -> place name; demonyms too, since "the German government" names Germany.
PLACE_NAMES: dict[str, str] = {}
for _place, _spellings in _PLACES.items():
    PLACE_NAMES[_place] = _place
    for _spelling in _spellings:
        PLACE_NAMES.setdefault(_spelling, _place)



def _countries() -> dict[str, str]:
    """Every country by its short and common name (pycountry's ISO 3166 list), beyond the hand list above.

    "Zambia", "Honduras" or "Costa Rica" are places, not companies, even though no article taught us so.
    """
    import pycountry  # the ISO list: kept current by its maintainers, unlike a hand list of 249 names

    found: dict[str, str] = {}
    for country in pycountry.countries:
        for spelling in (getattr(country, "common_name", None), country.name):
            # "Korea, Republic of" and "Bolivia (Plurinational State of)" are index forms, not how news writes.
            if spelling and not re.search(r"[,(]", spelling) and spelling not in PLACE_NAMES:
                found.setdefault(spelling, getattr(country, "common_name", None) or country.name)
    return found


PLACE_NAMES.update(_countries())


def _demonyms() -> dict[str, str]:
    """Adjectives of countries by the usual English endings: Estonia-n, Mali-an, Canad-ian, Japan-ese.

    Only spellings that name nothing else are added; they let "Estonian officials" read as a nationality.
    """
    found: dict[str, str] = {}
    for spelling, place in list(PLACE_NAMES.items()):
        if " " in spelling or len(spelling) < 4 or not spelling.isalpha() or spelling != place:
            continue
        stem = spelling[:-1] if spelling[-1] in "aeoy" else spelling
        # "Icelandic", "Polish", "Pakistani", "Argentine": the other English endings of a nationality.
        for form in (spelling + "n", spelling + "ian", spelling + "ese", stem + "an", stem + "ian", stem + "ese",
                     spelling + "ic", stem + "ish", spelling[:-3] + "ish" if spelling.endswith("and") else "",
                     spelling + "i", stem + "ine"):
            if not form:
                continue
            if form not in PLACE_NAMES:
                found.setdefault(form, place)
    return found


PLACE_NAMES.update(_demonyms())

# Federations whose states or provinces sign deals in their own name ("the state government signed 27 MoUs").
_FEDERATIONS = {"IN": ("State",), "AU": ("State",), "CA": ("Province",), "MY": ("State",), "PK": ("Province",),
                "DE": ("Land",), "NG": ("State",), "BR": ("State",), "MX": ("State",)}


def _states() -> set[str]:
    """First-level states and provinces of federations (pycountry's ISO 3166-2), as news spells them."""
    import unicodedata

    import pycountry

    found: set[str] = set()
    for code, types in _FEDERATIONS.items():
        for division in pycountry.subdivisions.get(country_code=code) or ():
            if division.type not in types:
                continue
            # "Himāchal Pradesh" is written "Himachal Pradesh" in English news.
            plain = unicodedata.normalize("NFKD", division.name).encode("ascii", "ignore").decode()
            if plain and len(plain.split()) <= 3:
                found.add(plain)
    return found


_SUBDIVISIONS = _states()
for _name in _SUBDIVISIONS:
    PLACE_NAMES.setdefault(_name, _name)

# The provinces and regions of every country, as places only (they name where a plant stands, no party):
# "in South Africa's Northern Cape", "a project in Nueva Ecija", "serving mainly Valencia and Murcia".
# Read from regions.txt, which `build_regions` writes from ISO 3166-2 (pycountry): building it at start-up
# costs 0.2 s, reading it 2 ms; tests/core/extract/test_gazetteer_regions.py keeps it in step.
_REGION_TYPES = frozenset({"Province", "Region", "State", "Autonomous community", "Autonomous region", "Prefecture",
                           "Voivodship", "Governorate", "Land", "Emirate", "Regional state", "Metropolitan region",
                           "Administrative region", "Special region", "Autonomous province"})
REGIONS_FILE = "regions.txt"


def build_regions() -> list[str]:
    """First-level provinces and regions of every country (ISO 3166-2) whose name is no common English word."""
    import unicodedata

    import pycountry
    from wordfreq import top_n_list

    common = frozenset(top_n_list("en", 10000, wordlist="small"))
    found: set[str] = set()
    for division in pycountry.subdivisions:
        if division.type not in _REGION_TYPES:
            continue
        # "Valencia / València", "Bruxelles-Capitale, Région de": the first spelling only.
        name = re.split(r"\s*[/,(\[]", division.name)[0].strip()
        # "Guangdong Sheng", "Xinjiang Uygur Zizhiqu": a Chinese province is written without its level in English.
        name = re.sub(r"^(\S+)\s+(?:Sheng|(?:\S+\s+)?Zizhiqu)$", r"\1", name)
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        words = plain.split()
        # "Central", "Western", "Plateau", "Centre": a province named by a common word is a word first.
        if not plain or not plain[0].isupper() or len(words) > 3 or len(words) == 1 and plain.lower() in common:
            continue
        found.update({name, plain})
    return sorted(found)


def _regions() -> list[str]:
    from importlib.resources import files

    return (files("core.extract") / REGIONS_FILE).read_text(encoding="utf-8").split("\n")


# Provinces and regions that are only places: no hand list or federation above names them as a state that signs.
REGIONS = frozenset(name for name in _regions() if name and name not in PLACE_NAMES)
for _name in REGIONS:
    PLACE_NAMES[_name] = _name

# Places that are sub-national: "the state government" resolves to the nearest of these.
STATES = frozenset(
    name for name in _PLACES
    if list(_PLACES).index(name) >= list(_PLACES).index("Uttar Pradesh")
) | frozenset(_SUBDIVISIONS)

# Cities that only ever appear as locations; they keep city names out of the party list.
CITIES = frozenset({
    "New York", "New York City", "London", "Paris", "Berlin", "Frankfurt", "Amsterdam", "Dublin",
    "Madrid", "Milan", "Rome", "Zurich", "Geneva", "Davos", "Stockholm", "Oslo", "Copenhagen",
    "Helsinki", "Warsaw", "Vienna", "Brussels", "Lisbon", "Tokyo", "Osaka", "Seoul", "Busan",
    "Beijing", "Shanghai", "Shenzhen", "Singapore", "Mumbai", "Delhi", "New Delhi", "Bengaluru",
    "Bangalore", "Hyderabad", "Chennai", "Pune", "Noida", "Greater Noida", "Lucknow", "Jakarta",
    "Kuala Lumpur", "Johor", "Bangkok", "Hanoi", "Ho Chi Minh City", "Manila", "Sydney",
    "Melbourne", "Toronto", "Montreal", "Vancouver", "Washington", "Chicago", "Dallas", "Houston",
    "Austin", "Boston", "Seattle", "San Francisco", "Los Angeles", "Phoenix", "Atlanta", "Miami",
    "Denver", "Riyadh", "Jeddah", "Doha", "Cairo", "Lagos", "Nairobi", "Johannesburg", "Sao Paulo",
    "São Paulo", "Mexico City", "Santiago",
    # US states and regions: places where projects sit, not parties.
    "Alabama", "Alaska", "Arizona", "Arkansas", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana",
    "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
    "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "North Carolina",
    "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina",
    "South Dakota", "Tennessee", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin",
    "Wyoming", "TX", "CA", "NY", "VA", "WA", "AZ", "GA", "OH", "IL", "NJ", "NC", "FL", "Silicon Valley", "North America", "South America", "Latin America", "Middle East",
    "Southeast Asia", "Asia-Pacific", "Europe", "Asia", "Africa", "Scandinavia", "Nordics",
})

# Words that stand before a person's name and say what the person is.
PERSON_TITLES = frozenset({
    "President", "Vice President", "Prime Minister", "Minister", "Deputy Minister", "Secretary",
    "Chancellor", "King", "Crown Prince", "Prince", "Sheikh", "Emir", "Governor", "Mayor",
    "Chief Minister", "Chairman", "Chairwoman", "Chair", "CEO", "CFO", "COO", "CTO", "CIO",
    "Founder", "Co-founder", "Director", "Managing Director", "Partner", "Senator",
    "Representative", "Commissioner", "Ambassador", "Head", "Dr", "Dr.", "Mr", "Mr.", "Mrs",
    "Mrs.", "Ms", "Ms.", "Sir", "Lord", "Executive Chairman", "General Manager",
    "Additional Chief Secretary", "Chief Secretary", "CMD", "lawmaker", "Lawmaker",
    "Chief Executive", "Chief Executive Officer", "Chief Financial Officer", "Chief Operating Officer",
    "Chief Technology Officer", "Chief Investment Officer", "Vice Chairman", "Deputy Chairman",
    "Executive Director", "Executive Vice President", "Senior Vice President", "Group CEO",
    "His Excellency", "Her Excellency", "H.E.", "HE", "Honourable", "Hon", "Hon.", "Sheikha", "Minister of State",
    "MD", "Group Chief Executive", "Managing Partner", "Datuk", "Dato", "Datuk Seri", "Tan Sri",
    "Deputy CEO", "Co-CEO", "Co-Founder", "Vice Chair", "Country Manager", "Regional Director",
    # Honorifics of Indian official releases: "Thiru. R. Kumar", "Tmt. A. Devi", "Shri Anil Rao", "Smt. Rao".
    "Analyst", "Senior Analyst", "Economist", "Chief Economist",
    "Thiru", "Thiru.", "Tmt", "Tmt.", "Shri", "Shri.", "Smt", "Smt.", "Sri", "Selvi",
})
# "Pecos Sun Chief Commercial Officer Luis Aranda": the C-suite by its functions. Kept apart, so that words
# such as "Business" or "Data" never read as words of a title on their own.
C_SUITE = frozenset(f"Chief {function} Officer" for function in (
    "Commercial", "Strategy", "Marketing", "Information", "Digital", "Product", "Revenue", "Legal",
    "Sustainability", "Business", "Scientific", "Risk", "Development", "Procurement", "People", "Data",
    "Security", "Medical", "Growth", "Transformation", "Innovation", "Accounting", "Compliance", "Customer"))
PERSON_TITLES = PERSON_TITLES | C_SUITE

# Lower-case words that, right before a name, mark it as a person ("finance minister Suresh Khanna").
PERSON_TITLE_WORDS = frozenset({
    "president", "minister", "chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "cto", "cio",
    "founder", "co-founder", "director", "secretary", "governor", "mayor", "chancellor",
    "lawmaker", "senator", "officer", "executive", "counterpart", "head", "partner", "analyst",
    "spokesperson", "spokesman", "spokeswoman", "billionaire", "industrialist", "premier",
    "vice-president", "md", "leader", "entrepreneur",
})

# Last words that make a capitalised phrase an organisation.
ORG_SUFFIXES = frozenset({
    "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd",
    "Ltd.", "Limited", "LLC", "LLP", "LP", "L.P.", "plc", "PLC", "AG", "SA", "S.A.", "SE", "NV",
    "N.V.", "BV", "B.V.", "GmbH", "SpA", "S.p.A.", "AB", "ASA", "Oyj", "KK", "JSC", "PJSC", "Pte",
    "Bhd", "Berhad", "Group", "Holdings", "Holding", "Capital", "Partners", "Ventures", "Bank",
    "Fund", "Investments", "Investment", "Technologies", "Technology", "Systems", "Energy", "Power",
    "Renewables", "Networks", "Semiconductor", "Semiconductors", "Labs", "Industries",
    "Authority", "Ministry", "Department", "Agency", "Administration", "Commission", "Council",
    "Institute", "University", "Foundation", "Association", "Initiative", "Securities", "Telecom",
    "Electric", "Motors", "Pharmaceuticals", "Data", "Centers", "Centres", "Infrastructure",
    "Management", "Solutions", "Services", "Cloud", "Platforms", "Financial", "Trust", "Realty",
    "Properties", "Resources", "Mining", "Oil", "Gas", "Airlines", "Logistics", "Robotics", "AI",
    "Health", "Therapeutics", "Biosciences", "Media", "Communications", "Super",
    "Sdn", "Tbk", "Pvt", "Pty", "OJSC", "Plc", "Ltda", "SAS", "SARL", "Srl", "KGaA", "A/S", "SA/NV", "Oy",
})

# Legal forms of companies in many countries: a name that holds one is never a person's, wherever it stands
# ("PT Bank Rakyat", "Axiata Group Berhad", "Acme Sdn Bhd").
LEGAL_FORMS = frozenset({
    "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co.", "Ltd", "Ltd.", "Limited", "LLC", "LLP",
    "LP", "L.P.", "plc", "PLC", "Plc", "AG", "SA", "S.A.", "SE", "NV", "N.V.", "BV", "B.V.", "GmbH", "SpA",
    "S.p.A.", "AB", "ASA", "Oyj", "Oy", "KK", "JSC", "PJSC", "OJSC", "Pte", "Bhd", "Berhad", "Sdn", "Tbk", "PT",
    "Pvt", "Pty", "Ltda", "SAS", "SARL", "Srl", "KGaA", "A/S", "SA/NV", "S.A.S.", "S.L.", "SL", "Company",
    # "Harbor National Bank, N.A.": a US national bank's form.
    "N.A.", "NA",
})

# Organisations of these last words are not companies: multilateral and civil bodies.
ORGANIZATION_WORDS = frozenset({
    "Development Bank", "World Bank", "Monetary Fund", "Investment Bank", "International Finance Corporation",
    "Bank for International", "Reconstruction and Development", "Development Finance", "Export-Import Bank", "Institute", "University", "Foundation",
    "Association", "Initiative", "Forum", "Council", "Organization", "Organisation", "Union",
    "Nations", "Alliance", "Consortium", "Society", "Federation", "Chamber", "Institutions", "College", "Academy",
    "Angels", "Angel Network",
})

# Development lenders news names by their short forms alone: multilateral banks and the national development
# finance institutions. They are organisations, whatever a short name looks like.
DEVELOPMENT_LENDERS = frozenset({
    "IFC", "ADB", "AfDB", "AIIB", "EBRD", "EIB", "IDB", "IsDB", "IADB", "NDB", "MIGA", "IDA", "IBRD", "CAF",
    "FMO", "DEG", "Proparco", "BII", "DFC", "Norfund", "Swedfund", "Finnfund", "IFU", "Afreximbank", "BOAD",
    "Shelter Afrique", "TDB", "DBSA", "OFID",
})

# Heads of government bodies: "Ministry of ...", "Department of ...".
GOVERNMENT_HEADS = frozenset({
    "Ministry", "Department", "Government", "Administration", "Presidency", "Cabinet", "Office",
    "Authority", "Commission", "Parliament", "Treasury", "Agency",
})

# Capitalised words that are never a party on their own (sentence starts, headings, time words).
NOT_NAMES = frozenset({
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "Their", "They", "He", "She",
    "We", "Our", "In", "On", "At", "For", "From", "By", "With", "Of", "To", "And", "But", "Or", "As",
    "After", "Before", "Under", "Over", "Amid", "Among", "Also", "Meanwhile", "However", "Both",
    "Other", "Others", "Some", "All", "Any", "Each", "Every", "Such", "Since", "While", "When",
    "Nobody", "Everybody", "Somebody", "Anybody", "Everyone", "Someone", "Anyone", "Nothing",
    "Everything", "Something", "Anything",
    "Where", "Which", "Who", "What", "Why", "How", "If", "Once", "Now", "Then", "Today", "Yesterday",
    "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Earlier", "Later", "Last", "Next", "First", "Second", "Third",
    "Just", "Not", "No", "Yes", "Here", "There", "Speaking", "According", "Despite", "Although",
    "Through", "Into", "Located", "Key", "Officials", "Representatives", "Investors",
    "Banks", "Companies", "Under", "Given", "Following", "Including", "Per", "Via",
    "Read", "More", "Related", "Photo", "Source", "Image", "Credit", "Updated", "Published",
    "Posted", "Breaking", "Exclusive", "Analysis", "Opinion", "News", "Report", "Reports", "Top",
    "Big", "Record", "Mega", "Deals", "Deal", "Funding", "Updates", "Q1", "Q2", "Q3", "Q4", "H1",
    "H2", "ET", "GMT", "UTC", "CEO", "Chairman", "President", "Minister",
    "Memorandum", "Understanding", "Understandings", "Memoranda", "Agreement", "Letter", "Intent", "MoU", "MoUs", "MOU", "So", "One", "Two", "Three",
    "Furthermore", "Moreover", "Additionally", "Sites", "Rs", "Rs.", "USD", "EUR", "GBP", "INR",
    "JPY", "KRW", "CNY", "AED", "SAR", "CHF", "US$", "Euros", "Euro", "Dollars", "Pounds", "Yen", "Yuan", "Rupees", "I", "Like", "Unlike", "Until", "Inside",
    "Meanwhile", "Elsewhere", "Overall", "Together", "Separately", "Instead", "Still",
    "Yet", "Already", "Currently", "Recently", "Previously", "Initially", "Finally", "Notably",
    "Date", "Importantly", "Ultimately", "Indeed", "Alongside", "Existing", "Current", "Former", "Both", "MW", "GW", "MWh", "GWh", "TWh", "kW", "People", "Sources", "Analysts",
    # Benchmark rates a loan or a bond is priced over ("a coupon of three-month Nibor plus 2.1 points"): no lender.
    "SOFR", "Sofr", "LIBOR", "Libor", "EURIBOR", "Euribor", "NIBOR", "Nibor", "STIBOR", "Stibor", "CIBOR", "Cibor",
    "SONIA", "HIBOR", "Hibor", "SHIBOR", "Shibor", "SIBOR", "Sibor", "TIBOR", "TONA", "JIBAR",
    "Jibar", "BBSW", "KLIBOR", "Klibor", "MIBOR", "Mibor", "BKBM", "CORRA", "SARON", "Saron", "ESTR", "€STR",
    "TIIE", "BUBOR", "Bubor", "WIBOR", "Wibor", "PRIBOR", "Pribor", "TELBOR", "SAIBOR", "Saibor", "EIBOR", "Eibor",
})

# Adjectives of faith and region capitalised by style ("its first Islamic bond", "Nordic banks"): no name alone,
# though they open names ("Islamic Development Bank", "Nordic Semiconductor").
LONE_ADJECTIVES = frozenset({"Islamic", "Nordic", "Arab", "Arabian", "Latin", "Baltic", "Balkan", "Caribbean",
                             "Pacific", "Atlantic", "Sharia", "Shariah", "Halal"})
# Islamic finance's contract names: "a RM5 billion Sukuk Wakalah programme" names a kind of paper, not an issuer.
ISLAMIC_FINANCE_TERMS = frozenset({"Sukuk", "Wakalah", "Wakala", "Murabaha", "Murabahah", "Ijara", "Ijarah", "Musharakah",
                                   "Musharaka", "Mudarabah", "Mudaraba", "Istisna", "Tawarruq"})

# Capitalised nouns that are too generic to be a party when they stand alone.
GENERIC_WORDS = frozenset({
    "Trading", "Marketing", "Engineering", "Construction", "Shipping", "Distribution", "Republic", "Kingdom",
    "Energy", "Power", "Data", "Infrastructure", "Technology", "Technologies", "Capital", "Credit",
    "Private", "Public", "Global", "International", "National", "Digital", "Artificial",
    "Intelligence", "Group", "Company", "Government", "State", "Bank", "Fund", "Venture",
    "Partners", "Partnership", "Investment", "Investments", "Cloud", "Services", "Systems",
    "Development", "Management", "Holdings", "Industry", "Industries", "Research", "Markets",
    "Market", "Finance", "Financial", "Equity", "Securities", "Manufacturing", "Integration",
    "Solutions", "Innovation", "Renewable", "Renewables", "Green", "Clean", "Solar", "Wind",
    "Nuclear", "Hydrogen", "Semiconductor", "Chips", "Chip", "Memory", "Centre", "Center",
    "Campus", "Project", "Phase", "Facility", "Act", "Law", "Program", "Programme", "Agenda",
    "Strategy", "Initiative", "Summit", "Meeting", "Economic", "Affairs", "Commerce", "Trade",
    "Science", "Information", "Electronics", "External", "Foreign", "Interior", "Industry",
    "Asset", "Assets", "Managers", "Manager", "Street", "Road", "Avenue", "Highway", "Region",
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Asia", "Europe", "Africa", "Americas", "Pacific", "Atlantic", "Middle", "Gulf", "Asia-Pacific",
    "APAC", "EMEA", "Latin", "World", "Economy", "Stock", "Exchange", "Index", "GPU", "GPUs", "AI",
    "MW", "GW", "MoU", "MoUs", "MOU", "PMT", "JV", "IPO", "CHIPS", "FDI", "R&D", "DPI", "GCC",
    "Metals", "Minerals", "Natural", "Resources", "Mining", "Regional", "Rural", "Urban", "Social", "Health",
    "Education", "Transport", "Agriculture", "Environment", "Tourism", "Water", "Housing", "Planning", "Works",
})

# Names that report on, advise or regulate deals: never a party.
NOT_PARTIES = frozenset({
    "PRNewswire", "PR Newswire", "Business Wire", "GlobeNewswire", "Reuters", "Bloomberg", "Associated Press",
    "AFP", "AP", "CNBC", "CNN", "BBC", "Financial Times", "FT", "Wall Street Journal", "WSJ", "Nikkei",
    "Crunchbase", "PitchBook", "Dealogic", "LSEG", "Refinitiv", "TechCrunch", "Axios", "The Information",
    "FTC", "SEC", "CMA", "DOJ", "CFIUS", "Federal Trade Commission", "Securities and Exchange Commission",
    "Competition and Markets Authority", "Department of Justice", "European Commission", "Ofcom", "Ofgem",
    "McKinsey", "Gartner", "IDC", "Grand View Research", "Goldman Sachs Research", "Nasdaq", "NYSE",
    # Wire services and news agencies: they file the story ("PTI reported"), they never sign the deal.
    "Xinhua", "Yonhap", "Kyodo", "Jiji", "PTI", "Press Trust of India", "IANS", "ANI", "UNI", "TASS", "Interfax",
    "RIA Novosti", "Bernama", "Antara", "WAM", "SPA", "Saudi Press Agency", "Emirates News Agency", "KUNA", "QNA",
    "ONA", "BNA", "Anadolu", "Anadolu Agency", "MENAFN", "Zawya", "dpa", "DPA", "ANSA", "EFE", "Europa Press",
    "Agence France-Presse", "Dow Jones", "Newswires", "Dow Jones Newswires", "Argus", "S&P Global Commodity Insights",
    "Platts", "Mergermarket", "Debtwire", "Inframation", "IJGlobal", "Kallanish", "Fastmarkets", "Benzinga",
    "Seeking Alpha", "Yahoo Finance", "MarketWatch", "Barron's", "Forbes", "Fortune", "Insider", "Business Insider",
    # Exchanges where shares trade.
    "NASDAQ", "New York Stock Exchange", "London Stock Exchange", "LSE", "AIM", "ASX", "TSX", "TSXV", "SIX",
    "Euronext", "Deutsche Börse", "Xetra", "HKEX", "SGX", "BSE", "NSE", "JSE", "KRX", "KOSPI", "KOSDAQ", "TWSE",
    "Tadawul", "Saudi Exchange", "DFM", "ADX", "Bursa Malaysia", "IDX", "SET", "TSE", "Tokyo Stock Exchange",
})

# Business and technical abbreviations in capitals: words of the trade, not names ("EBITDA", "IPO", "PPA").
BUSINESS_ACRONYMS = frozenset({
    "EBITDA", "EBIT", "LoI", "LOI", "LoIs", "MoA", "MOA", "SPA", "SPAs", "HoA", "HoT", "TSA", "EPS", "IPO", "IPOs", "PPA", "PPAs", "SSD", "SSDs", "NAND", "DRAM", "HBM", "ECA", "ESG", "CAGR",
    "GDP", "LNG", "EV", "EVs", "ROI", "SPAC", "M&A", "KPI", "ETF", "REIT", "SaaS", "API", "OEM", "EPC", "O&M",
    "CAPEX", "OPEX", "FY", "YoY", "QoQ", "AUM", "NAV", "IRR", "ARR", "GW", "MW", "MoU", "MoUs", "MOU", "JV", "JVs",
    "FDI", "R&D", "IP", "PE", "VC", "LBO", "B2B", "B2C", "SME", "SMEs", "ICT", "IoT", "5G", "4G", "LTE", "GPU",
    "GPUs", "CPU", "CPUs", "AI", "ML", "PV", "BESS", "CCUS", "CCS", "SAF", "LNG", "LPG", "CNG", "FID", "FEED", "EPCI",
    "NDA", "LOI", "SPA", "HR", "IT", "HVDC", "HVAC", "UHV", "PLA", "SiC", "GaN", "SHA", "TSA", "RFP", "RFQ", "PPP", "PPPs", "BOT", "EIA", "ESOP", "ADR", "ADRs", "GDR",
    "CEO", "CFO", "COO", "CTO", "CIO", "MD", "VP", "SVP", "EVP", "GM", "HQ", "ASAP", "FAQ", "PDF", "URL",
    # Units of count and money written in capitals: "7,000 TEU vessels", "$78 Mn", "Rs 45 Cr", "2.1 Lakh users".
    "TEU", "TEUs", "MWh", "GWh", "TWh", "kWh", "MWp", "GWp", "SOV", "SOVs", "FPSO", "FPSOs", "VLCC", "VLCCs",
    "Mn", "MN", "Bn", "BN", "Cr", "Crore", "Crores", "Lakh", "Lakhs", "Trn", "Tn",
    # Forms of Islamic finance: "a Murabaha facility", "Sukuk issuance".
    "Murabaha", "Ijara", "Ijarah", "Sukuk", "Musharaka", "Musharakah", "Wakala", "Tawarruq", "Istisna",
})

# Title-case verbs of headlines: a name ends before them ("Acme Announces Award").
HEADLINE_VERBS = frozenset({
    "Announces", "Signs", "Inks", "Acquires", "Buys", "Sells", "Completes", "Closes", "Raises", "Secures", "Wins",
    "Invests", "Launches", "Unveils", "Agrees", "Forms", "Enters", "Expands", "Selects", "Picks", "Teams", "Joins",
    "Receives", "Awards", "Lands", "Bags", "Backs", "Eyes", "Commits", "Pledges", "Finalizes", "Finalises",
    "Approves", "Provides", "Gets", "Takes", "Appoints", "Seeks", "Taps", "Hires", "Considers", "Explores", "Mulls",
    "Nears", "Strikes", "Seals", "Clinches", "Bolsters", "Boosts", "Announced", "Signed", "Acquired", "Completed",
})

# Words that qualify a nationality: "Central European", "Latin American", "North African".
REGION_WORDS = frozenset({
    "Central", "Latin", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
    "Southeast", "South-East", "Northeast", "Sub-Saharan", "Pan", "Pan-European", "Trans",
})

# Last words of a facility or site (an asset that changes hands) or of a plan or rule ("the Data Centre Policy"):
# not a party.
FACILITY_WORDS = frozenset({
    "Campus", "Center", "Centre", "Park", "Plant", "Farm", "Hub", "Complex", "Facility", "Site", "Tower",
    "Building", "Freeway", "Road", "Street", "Avenue", "Highway", "Mine", "Field", "Terminal", "Port",
    "Airport", "Station", "Palace", "Hall", "Factory", "Fab", "Project", "Scheme", "Standard", "Act",
    "Facilities", "Plants", "Projects", "Program", "Programme", "Opportunity", "Policy",
})
