"""Shapes of news the parser misread in its eleventh session of work; sentences our own."""

from __future__ import annotations

from parse_helpers import deals_of, roles_of

_FUND_RECORDS = (
    "Coastal projects get new backing\n\n"
    "Published: 3 March, 2026\n\n"
    "On Monday 2 March, the Minister for Regions announced a $21 million investment from the Harbour Towns "
    "Growth and Investment Unit's Coastal Renewal Fund (CRF). The money will support nine projects.\n\n"
    "Latest projects\n\n"
    "Seaview Cannery Upgrade\n\n"
    "A new canning line and a larger cold store for the town's fish processor.\n\n"
    "Recipient: Seaview Fisheries Limited\n\n"
    "Amount: $3 million CRF loan\n\n"
    "Pier Road Boatyard\n\n"
    "Rebuild of the slipway and workshops.\n\n"
    "Recipient: Pier Road Marine Holdings\n\n"
    "Amount: $1.2 million CRF grant\n")


def test_a_list_of_labelled_records_is_a_deal_a_record_given_by_the_fund_the_lead_named() -> None:
    deals = deals_of(_FUND_RECORDS)
    assert [(d.type, {p.name: p.role for p in d.parties}, [a.value for a in d.amounts], d.date) for d in deals] == [
        ("financing", {"Seaview Fisheries Limited": "borrower", "Coastal Renewal Fund": "lender"}, [3_000_000],
         "2026-03-02"),
        ("grant", {"Pier Road Marine Holdings": "recipient", "Coastal Renewal Fund": "grantor"}, [1_200_000],
         "2026-03-02")]


def test_a_unit_named_with_and_ends_on_its_owners_mark() -> None:
    roles = roles_of("Kelso Pumps received a grant of $2 million from the Border Trade and Investment Unit's "
                     "export fund on Tuesday.")
    assert "Border Trade and Investment Unit" in " ".join(roles)


def test_a_regions_administration_and_its_governor_name_the_regional_government() -> None:
    deals = deals_of("Kostanay region administration signed agreements with investors from Germany, Turkey and the "
                     "UAE at a forum on Friday.\n\n"
                     "Kostanay region governor Arman Sadykov and Tobol Agro Holdings signed a memorandum worth USD 90 "
                     "million to build a grain terminal.\n\n"
                     "An agreement was signed with Qostanai Wind Power Ltd that intends to invest USD 120 million in a "
                     "wind farm.")
    assert [{p.name: p.kind.value for p in d.parties} for d in deals] == [
        {"Kostanay region administration": "government", "Tobol Agro Holdings": "company"},
        {"Kostanay region administration": "government", "Qostanai Wind Power Ltd": "company"}]
    assert [[a.value for a in d.amounts] for d in deals] == [[90_000_000], [120_000_000]]
