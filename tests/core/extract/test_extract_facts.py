"""People, place, commitments, summary and title belong to the deal whose clauses tell them (articles of our own)."""

from __future__ import annotations

from core.extract import parse_text
from core.extract.describe import commitments_of, name_of


def deals_of(text: str, published: str | None = "2025-06-13") -> list:
    return list(parse_text(text, published=published).deals)


def by_party(deals: list, name: str) -> list:
    return [d for d in deals if name in {p.name for p in d.parties}]


TWO_DEALS = (
    "Halvard Energy agrees Baltic pact\n\n"
    "Halvard Energy signed a memorandum of understanding with the government of Estonia in Tallinn on Tuesday "
    "to build offshore wind farms. "
    "The agreement was signed by Halvard Energy chief executive Maren Dahl and Estonian Prime Minister Kaarel Tamm. "
    "Other guests at the ceremony included Oskar Lind, chairman of Northway Ports. "
    "Separately, Halvard Energy has agreed to acquire Corvo Cables for $300 million. "
    "\"Corvo gives us the cable capacity we lacked,\" said Ivo Berg, Halvard Energy's chief financial officer.\n"
)


def test_people_and_place_stay_with_the_deal_they_acted_in():
    deals = deals_of(TWO_DEALS)
    [mou] = [d for d in deals if d.type.value == "mou"]
    [purchase] = [d for d in deals if d.type.value == "acquisition"]
    assert {p.name for p in mou.people} == {"Maren Dahl", "Kaarel Tamm"}
    assert {p.name for p in purchase.people} == {"Ivo Berg"}
    assert mou.location == "Tallinn"
    assert purchase.location is None


def test_ceremony_guests_are_no_ones_people():
    deals = deals_of(TWO_DEALS)
    assert all("Oskar Lind" not in {p.name for p in d.people} for d in deals)


def test_summary_of_a_deal_holds_only_its_own_sentences():
    deals = deals_of(TWO_DEALS)
    [mou] = [d for d in deals if d.type.value == "mou"]
    [purchase] = [d for d in deals if d.type.value == "acquisition"]
    assert "Corvo" not in mou.summary
    assert "Tallinn" not in purchase.summary and "Corvo Cables" in purchase.summary


def test_a_sentence_with_two_deals_gives_each_its_own_clause():
    text = (
        "Deals roundup\n\n"
        "Pellam Foods acquired Ostrava Dairy in Prague for $40 million, while Quill Robotics raised $12 million "
        "in a funding round led by Saffron Ventures in Austin.\n"
    )
    deals = deals_of(text)
    [dairy] = by_party(deals, "Ostrava Dairy")
    [robots] = by_party(deals, "Quill Robotics")
    assert dairy.location == "Prague"
    assert robots.location == "Austin"
    assert "Quill" not in dairy.summary and "Ostrava" not in robots.summary


def test_a_quoted_speaker_speaks_for_the_deal_told_before_the_quote():
    text = (
        "Two deals for Tamsin Bank\n\n"
        "Tamsin Bank agreed to buy Lorne Insurance for $90 million on Monday. "
        "\"Lorne makes us a leader in farm insurance,\" said Aled Price, chief executive of Tamsin Bank. "
        "Tamsin Bank also signed a partnership with Kestrel Pay to offer instant payments. "
        "\"Our customers asked for this,\" said Nia Rowe, Tamsin Bank's head of digital.\n"
    )
    deals = deals_of(text)
    [purchase] = by_party(deals, "Lorne Insurance")
    [partnership] = by_party(deals, "Kestrel Pay")
    assert {p.name for p in purchase.people} == {"Aled Price"}
    assert {p.name for p in partnership.people} == {"Nia Rowe"}


def test_an_analyst_quoted_on_a_deal_is_not_its_people():
    text = (
        "Brannock buys Tilde\n\n"
        "Brannock Systems agreed to acquire Tilde Software for $210 million, the companies said on Monday. "
        "\"The price looks full,\" said Ruth Okafor, an analyst at Kimber Research.\n"
    )
    [deal] = deals_of(text)
    assert "Ruth Okafor" not in {p.name for p in deal.people}


def test_a_named_coalition_titles_its_deal():
    text = (
        "Storage makers team up\n\n"
        "Vellum Power has teamed up with Arden Cells and Corrib Grid under the Nordic Storage Alliance, "
        "a coalition designed to speed up battery projects across the region.\n"
    )
    [deal] = deals_of(text)
    assert deal.title.startswith("Nordic Storage Alliance of ")
    assert {"Vellum Power", "Arden Cells", "Corrib Grid"} <= {p.name for p in deal.parties}


def test_name_of_reads_named_deals():
    assert name_of("teamed up under the Coastal Hydrogen Partnership, a coalition") == "Coastal Hydrogen Partnership"
    assert name_of("through a new venture called Harbour Light Partners.") == "Harbour Light Partners"
    assert name_of("signed a partnership to build plants") is None


def test_commitments_end_on_whole_words():
    long_tail = ("plans to invest $400 million in northern data centres through a new venture called Lanterna "
                 "Compute Holdings alongside several regional pension funds and infrastructure investors")
    for commitment in commitments_of(long_tail, longest=90):
        assert long_tail.find(commitment.text) >= 0
        end = long_tail.find(commitment.text) + len(commitment.text)
        assert end == len(long_tail) or not long_tail[end].isalnum(), commitment.text
        assert commitment.text.split()[-1] not in {"a", "the", "called", "through", "and"}


def test_commitments_keep_their_horizon_and_hyphenated_words():
    [commitment] = commitments_of("Both sides committed to large-scale investments over the next five years.")
    assert commitment.text == "large-scale investments over the next five years"
    assert commitment.horizon == "over the next five years"


def test_signers_behind_long_titles_are_the_deals_people():
    text = (
        "Ruritania signs rail pact with Tessmark\n\n"
        "Ruritania signed a memorandum of understanding with Tessmark Rail Berhad on Monday to build a freight line. "
        "The agreement was signed by Ruritania's Minister for Transport and Public Works Odile Vasquier and "
        "Group CEO and Managing Director of Tessmark Rail Berhad Arvind Kesari. "
        "\"The line will carry our exports to the coast,\" said Sheikh Faisal bin Rashid Al Marri, "
        "chairman of Tessmark Rail Berhad.\n"
    )
    [mou] = deals_of(text)
    names = {p.name for p in mou.people}
    assert {"Odile Vasquier", "Arvind Kesari", "Sheikh Faisal bin Rashid Al Marri"} <= names
    assert not any("Berhad" in name for name in names)
    titles = {p.name: p.title for p in mou.people}
    assert titles["Odile Vasquier"] == "Minister for Transport and Public Works"
