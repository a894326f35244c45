"""The vocabulary of money in news text: currency symbols, codes and words, magnitudes, number words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

# Symbols and prefixes written before the number. "¥" is read as yen: news about China
# mostly writes "yuan" or "RMB", and those words win when present.
SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "US $": "USD", "U.S. $": "USD", "$": "USD", "USD$": "USD",
    "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "Can$": "CAD",
    "CAD$": "CAD", "S$": "SGD", "SG$": "SGD", "SGD$": "SGD", "HK$": "HKD", "HKD$": "HKD",
    "NZ$": "NZD", "NZD$": "NZD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "Mex$": "MXN",
    "J$": "JMD", "TT$": "TTD", "N$": "NAD", "FJ$": "FJD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "JP¥": "JPY", "CN¥": "CNY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₺": "TRY", "₱": "PHP", "₪": "ILS", "₦": "NGN", "₫": "VND", "฿": "THB", "₴": "UAH", "₸": "KZT",
    "৳": "BDT", "₵": "GHS", "GH₵": "GHS", "GH¢": "GHS", "₾": "GEL", "₼": "AZN", "₮": "MNT", "₡": "CRC",
    "Rs": "INR", "Rs.": "INR", "Rp": "IDR", "Rp.": "IDR", "RM": "MYR", "Tk": "BDT", "Tk.": "BDT",
    "Dh": "AED", "Dhs": "AED", "Dhs.": "AED", "SR": "SAR", "QR": "QAR", "KD": "KWD", "BD": "BHD", "RO": "OMR",
    "KSh": "KES", "Ksh": "KES", "KShs": "KES", "Kshs": "KES", "Ksh.": "KES", "Kshs.": "KES", "Sh": "KES",
    "USh": "UGX", "Ush": "UGX", "Shs": "UGX", "TSh": "TZS", "Tsh": "TZS", "E£": "EGP", "LE": "EGP",
    "SFr": "CHF", "SFr.": "CHF", "Fr.": "CHF", "R": "ZAR", "N": "NGN", "W": "KRW", "P": "PHP", "Bt": "THB",
    # The Financial Times' house style: "Rmb1.2bn", "NKr5bn", "SKr300m", "DKr2bn".
    "Rmb": "CNY", "NKr": "NOK", "SKr": "SEK", "DKr": "DKK",
    # Israel's new shekel as Israeli papers write it: "NIS 310 million".
    "NIS": "ILS",
    # West Africa's franc as its papers write it: "CFA36 billion", "FCFA 12 billion".
    "CFA": "XOF", "FCFA": "XOF",
}

# Short signs that are also initials and codes ("R2", "N95", "LE 3"): an amount only with a
# magnitude glued on or after them ("R2.5bn", "N5 billion", "Sh3.6 billion").
LETTER_SYMBOLS: frozenset[str] = frozenset({
    "R", "N", "W", "P", "Bt", "LE", "RO", "BD", "KD", "Sh", "Shs", "Tk", "Tk.", "Fr.", "CFA",
})

CODES: frozenset[str] = frozenset({
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "KRW", "AUD", "CAD", "SGD", "HKD", "NZD",
    "SAR", "AED", "QAR", "KWD", "CHF", "SEK", "NOK", "DKK", "ZAR", "BRL", "MXN", "RUB", "TRY",
    "IDR", "MYR", "THB", "PHP", "VND", "TWD", "EGP", "NGN", "ILS", "PLN", "PKR", "BDT",
    "KES", "UGX", "TZS", "RWF", "ETB", "GHS", "ZMW", "MWK", "MZN", "AOA", "XOF", "XAF", "MAD", "DZD",
    "TND", "LYD", "BWP", "NAD", "MUR", "OMR", "BHD", "JOD", "IQD", "LBP", "IRR", "HUF", "CZK", "RON",
    "BGN", "RSD", "UAH", "KZT", "UZS", "AZN", "GEL", "ISK", "LKR", "NPR", "MMK", "KHR", "LAK", "MNT",
    "ARS", "CLP", "COP", "PEN", "UYU", "PYG", "CRC", "DOP", "JMD", "TTD", "FJD", "BND", "MVR",
})

# Written after the number: "254.4 million euros", "24.3 billion pound", "7-trillion-won".
# A country adjective in front picks the dollar, pound, riyal or peso it means.
WORDS: dict[str, str] = {
    "us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD",
    "australian dollar": "AUD", "canadian dollar": "CAD", "singapore dollar": "SGD",
    "hong kong dollar": "HKD", "new zealand dollar": "NZD", "taiwan dollar": "TWD",
    "new taiwan dollar": "TWD", "jamaican dollar": "JMD", "namibian dollar": "NAD", "fijian dollar": "FJD",
    "brunei dollar": "BND", "dollar": "USD",
    "euro": "EUR", "pound sterling": "GBP", "pound": "GBP", "sterling": "GBP",
    "british pound": "GBP", "egyptian pound": "EGP", "lebanese pound": "LBP",
    "yen": "JPY", "japanese yen": "JPY", "yuan": "CNY", "chinese yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "indian rupee": "INR", "pakistani rupee": "PKR", "sri lankan rupee": "LKR",
    "nepalese rupee": "NPR", "mauritian rupee": "MUR",
    "won": "KRW", "korean won": "KRW", "south korean won": "KRW",
    "riyal": "SAR", "saudi riyal": "SAR", "qatari riyal": "QAR", "qatari rial": "QAR", "omani rial": "OMR",
    "iranian rial": "IRR", "dirham": "AED", "uae dirham": "AED", "emirati dirham": "AED",
    "moroccan dirham": "MAD", "kuwaiti dinar": "KWD", "bahraini dinar": "BHD", "jordanian dinar": "JOD",
    "iraqi dinar": "IQD", "algerian dinar": "DZD", "tunisian dinar": "TND", "libyan dinar": "LYD",
    "serbian dinar": "RSD",
    "swiss franc": "CHF", "franc": "CHF", "cfa franc": "XOF", "rwandan franc": "RWF",
    "krona": "SEK", "kronor": "SEK", "swedish krona": "SEK", "swedish kronor": "SEK",
    "swedish crown": "SEK", "norwegian crown": "NOK", "danish crown": "DKK", "icelandic krona": "ISK",
    "norwegian krone": "NOK", "norwegian kroner": "NOK", "danish krone": "DKK", "danish kroner": "DKK",
    "czech crown": "CZK", "czech koruna": "CZK", "koruna": "CZK", "forint": "HUF", "hungarian forint": "HUF",
    "zloty": "PLN", "zlotych": "PLN", "polish zloty": "PLN", "leu": "RON", "lei": "RON", "romanian leu": "RON",
    "lev": "BGN", "leva": "BGN", "bulgarian lev": "BGN", "hryvnia": "UAH",
    "tenge": "KZT", "manat": "AZN", "lari": "GEL", "soum": "UZS", "som": "UZS", "uzbek som": "UZS",
    "kyrgyz som": "KGS", "dram": "AMD", "somoni": "TJS",
    "rand": "ZAR", "south african rand": "ZAR", "real": "BRL", "reais": "BRL", "brazilian real": "BRL",
    "peso": "MXN", "mexican peso": "MXN", "philippine peso": "PHP", "argentine peso": "ARS",
    "argentinian peso": "ARS", "chilean peso": "CLP", "colombian peso": "COP", "uruguayan peso": "UYU",
    "dominican peso": "DOP", "peruvian sol": "PEN", "soles": "PEN",
    "rouble": "RUB", "ruble": "RUB", "russian rouble": "RUB", "russian ruble": "RUB",
    "lira": "TRY", "turkish lira": "TRY", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB",
    "dong": "VND", "kyat": "MMK", "riel": "KHR", "tugrik": "MNT", "naira": "NGN", "shekel": "ILS",
    "new shekel": "ILS", "taka": "BDT",
    "shilling": "KES", "kenyan shilling": "KES", "ugandan shilling": "UGX", "tanzanian shilling": "TZS",
    "cedi": "GHS", "ghanaian cedi": "GHS", "kwacha": "ZMW", "zambian kwacha": "ZMW", "malawian kwacha": "MWK",
    "birr": "ETB", "kwanza": "AOA", "metical": "MZN", "meticais": "MZN", "pula": "BWP",
    "zł": "PLN", "kč": "CZK",
}

# Currency words that are also ordinary English words: they count only after a magnitude
# or a large number ("615.6 billion won", not "the firm won 3 contracts").
AMBIGUOUS_WORDS: frozenset[str] = frozenset({"won", "real", "rand", "dong", "lev", "lari", "pula", "sol", "som", "dram"})

MAGNITUDES: dict[str, Decimal] = {
    "k": Decimal(10) ** 3, "thousand": Decimal(10) ** 3,
    "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "mln": Decimal(10) ** 6, "million": Decimal(10) ** 6,
    "b": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "bln": Decimal(10) ** 9, "billion": Decimal(10) ** 9,
    "tn": Decimal(10) ** 12, "trn": Decimal(10) ** 12, "trillion": Decimal(10) ** 12,
    "mil": Decimal(10) ** 6, "mio": Decimal(10) ** 6, "bil": Decimal(10) ** 9,
    "lakh": Decimal(10) ** 5, "lac": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7, "cr": Decimal(10) ** 7,
    "lakh crore": Decimal(10) ** 12,
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}


def _alternation(options: Iterable[str]) -> str:
    """A regex alternation of literal strings, longest first so "US$" wins over "$"."""
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


SYMBOL_RE = _alternation(SYMBOLS)
CODE_RE = _alternation(CODES)
# Every currency word may take a plural "s": dollars, euros, pounds, rupees, riyals.
WORD_RE = "|".join(re.escape(w).replace(r"\ ", r"\s+") + "s?" for w in sorted(WORDS, key=len, reverse=True))
# "L crore" is how Indian papers shorten lakh crore ("₹2.50L crore").
MAGNITUDE_RE = (
    r"lakh[\s-]+crores?|lac[\s-]+crores?|L\s*crores?|crores?|lakhs?|lacs?|cr\b\.?"
    r"|trillion|billion|million|thousand|trn|tn|bln|bn|mln|mn|mil|bil|mio"  # "RM1.2bil", "RM500mil"
)
# Single letters only glued to the number: "$5m", "$670M", "$1.6bn" - never "5 m" (metres).
LETTER_MAGNITUDE_RE = r"[kKmMbB]"
NUMBER_WORD_RE = (
    r"(?:half\s+an?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|an?)(?:\s+hundred)?(?:\s+and\s+a\s+half)?)"
)


def currency_of(token: str) -> str | None:
    """The ISO 4217 code a symbol, code or currency word stands for, or None: "US$" -> "USD"."""
    cleaned = " ".join(token.strip().split())
    if not cleaned:
        return None
    if cleaned in SYMBOLS:
        return SYMBOLS[cleaned]
    upper = cleaned.upper()
    if upper in CODES:
        return "CNY" if upper == "RMB" else upper
    lower = cleaned.lower()
    for candidate in (lower, lower[:-1] if lower.endswith("s") else lower, lower.replace("u.s.", "us")):
        if candidate in WORDS:
            return WORDS[candidate]
    return None


def magnitude_of(token: str) -> Decimal:
    """The multiplier a magnitude word stands for: "bn" -> 10**9, "L crore" -> 10**12."""
    cleaned = " ".join(token.replace("-", " ").split()).rstrip(".")
    if cleaned in {"M", "B", "K"}:
        return MAGNITUDES[cleaned.lower()]
    lower = cleaned.lower()
    if lower.endswith(("crore", "crores")):
        head = lower.replace(" ", "").removesuffix("s").removesuffix("crore")
        return MAGNITUDES["lakh crore" if head in {"l", "lakh", "lac"} else "crore"]
    if lower in {"lakhs", "lacs"}:
        lower = lower[:-1]
    return MAGNITUDES[lower]


def number_of_words(phrase: str) -> Decimal:
    """The value of a spelled-out number: "three" -> 3, "half a" -> 0.5, "twenty-five" -> 25."""
    lower = " ".join(phrase.lower().replace("-", " ").split())
    if lower.startswith("half"):
        return Decimal("0.5")
    extra = Decimal(0)
    if lower.endswith(" and a half"):
        lower, extra = lower.removesuffix(" and a half"), Decimal("0.5")
    total = Decimal(0)
    for word in lower.split():
        if word == "hundred":
            total = (total or Decimal(1)) * 100
        else:
            total += NUMBER_WORDS.get(word, 0)
    return total + extra
