"""Shapes of news the parser misread in its eleventh session of work; sentences our own."""

from __future__ import annotations

from core.extract import parse_text
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


def test_in_a_lease_the_cloud_or_ai_firm_rents_whoever_signed_first() -> None:
    roles = roles_of("Kestrel Halls signed a 12-year lease on Monday with Dutch cloud provider Nimbara, which will "
                     "take 24MW of the new capacity.")
    assert roles == {"Kestrel Halls": ("company", "supplier"), "Nimbara": ("company", "customer")}
    roles = roles_of("Ostara Data has signed a 10-year lease with AI developer Quillon Labs for the whole first "
                     "phase of its campus near Leeds, the company said on Tuesday.")
    assert roles == {"Ostara Data": ("company", "supplier"), "Quillon Labs": ("company", "customer")}


def test_a_lease_of_years_told_as_a_noun_is_a_contract() -> None:
    deal, = deals_of("The expansion follows a 15-year lease Ostara Data signed in January with Quillon Labs for "
                     "30 megawatts.")
    assert deal.type == "contract"


def test_in_a_power_supply_agreement_the_generator_supplies() -> None:
    roles = roles_of("Halden Cloud signed a 10-year power supply agreement with independent power producer Brisa "
                     "Verde for 150MW of wind power, the companies said on Monday.")
    assert roles == {"Halden Cloud": ("company", "customer"), "Brisa Verde": ("company", "supplier")}


def test_an_origin_told_after_when_dates_the_purchase_and_names_its_buyer() -> None:
    deal, = deals_of("Ostara Data traces its history to 2012, when engineering group Malmvik Industri bought the "
                     "disused Ostara quarry, its tunnels and the associated water rights from Grubeselskapet AS for "
                     "NOK 400 million.")
    assert {p.name: p.role for p in deal.parties} == {"Malmvik Industri": "acquirer", "Grubeselskapet AS": "seller"}
    assert deal.date == "2012-01-01"  # to the year


def test_a_benchmark_rate_is_no_party() -> None:
    deal, = deals_of("Ostara Data issued NOK 2bn of green bonds on Monday. The bonds carry a coupon of "
                     "three-month Nibor plus 1.9 percentage points.")
    assert [p.name for p in deal.parties] == ["Ostara Data"]


_LOAN_LIST = (
    "LIMA - The board of Banco Andino de Fomento (BAF), the state-owned development bank, on Monday approved three "
    "loans totalling 900 million soles for power and water projects, the bank said.\n\n"
    "The loans approved are as follows:\n\n"
    "• Huallaga Hidro S.A. - 500 million soles, over 18 years, for a 200-megawatt hydro plant;\n"
    "• Aguas del Rimac S.A.C. - 250 million soles for a desalination plant;\n"
    "• Red Sur Fibra S.A. - 150 million soles to extend its network.\n\n"
    "BAF lent a record 6.1 billion soles in 2026. The bank is also negotiating a credit line of up to $300 million "
    "with a multilateral lender. The energy ministry estimates that Peru will need about $20 billion of investment "
    "in power by 2035.")


def test_a_list_of_names_and_sums_under_a_lead_is_a_deal_an_item() -> None:
    deals = deals_of(_LOAN_LIST)
    assert [(d.type, {p.name: p.role for p in d.parties}, [a.value for a in d.amounts]) for d in deals] == [
        ("financing", {"Huallaga Hidro S.A.": "borrower", "Banco Andino de Fomento": "lender"}, [500_000_000]),
        ("financing", {"Aguas del Rimac S.A.C.": "borrower", "Banco Andino de Fomento": "lender"}, [250_000_000]),
        ("financing", {"Red Sur Fibra S.A.": "borrower", "Banco Andino de Fomento": "lender"}, [150_000_000])]


def test_each_pledge_after_agreements_with_several_companies_is_a_deal_with_their_signer() -> None:
    deals = deals_of("Mongolia's Ministry of Energy on Monday signed investment agreements with two foreign companies "
                     "to build wind and solar plants, the ministry said.\n\n"
                     "Under the agreements:\n"
                     "– Seoul-based Hanul Green will invest $300 million in a 250MW wind farm in the Gobi;\n"
                     "– Turkish developer Bozkurt Enerji will invest $150 million in a 120MW solar plant.")
    assert [({p.name: p.role for p in d.parties}, [a.value for a in d.amounts]) for d in deals] == [
        ({"Hanul Green": "investor", "Ministry of Energy": "government"}, [300_000_000]),
        ({"Bozkurt Enerji": "investor", "Ministry of Energy": "government"}, [150_000_000])]


def test_an_order_won_in_won_or_naira_is_supplied_by_its_winner() -> None:
    for sum_ in ("₩95 billion", "₦40 billion", "₱2.1 billion"):
        roles = roles_of(f"Daehan Tools won a {sum_} order from chipmaker Seoria Memory to supply etching equipment, "
                         "it said on Friday.")
        assert roles == {"Daehan Tools": ("company", "supplier"), "Seoria Memory": ("company", "customer")}, sum_


def test_the_owner_of_a_unit_bought_sells_it_and_where_the_buyer_is_based_is_a_place() -> None:
    deal, = deals_of("Hoshida, based in Tokyo's Chuo Ward, entered the sensor business in 2009, when it bought the "
                     "optical unit of Kobe-based Sakai Kogaku for ¥21 billion.")
    assert {p.name: p.role for p in deal.parties} == {"Hoshida": "acquirer", "Sakai Kogaku": "seller"}


def test_a_province_named_alone_is_a_place_not_a_party() -> None:
    deal, = deals_of("Umoya Wind reached financial close on Friday on its wind farm in South Africa's Eastern Cape, "
                     "with R3 billion of senior debt from Kloof Bank and Protea Capital.")
    assert {p.name: p.role for p in deal.parties} == {
        "Umoya Wind": "borrower", "Kloof Bank": "lender", "Protea Capital": "lender"}
    deal, = deals_of("Ribera Capital bought Fibra Levante in 2020 from utility Turia Energia for 900 million euros, "
                     "when the business served mainly Castellon and Murcia.")
    assert {p.name for p in deal.parties} == {"Ribera Capital", "Fibra Levante", "Turia Energia"}


def test_a_buyout_firm_buys_and_a_year_before_a_deal_noun_dates_it() -> None:
    deal, = deals_of("In 2009, U.S. buyout firm Redcliff Partners bought the fibre business of Corvo Telecom for "
                     "$900 million.")
    assert {p.name: p.role for p in deal.parties} == {"Redcliff Partners": "acquirer", "Corvo Telecom": "seller"}
    deal, = deals_of("Nortel Towers has its roots in a 2006 transaction, when buyout firm Redcliff Partners bought "
                     "the tower business of Corvo Telecom for $700 million.")
    assert {p.name: p.role for p in deal.parties} == {"Redcliff Partners": "acquirer", "Corvo Telecom": "seller"}
    assert deal.date == "2006-01-01"  # to the year


def test_taken_private_by_a_consortium_is_a_takeover() -> None:
    deal, = deals_of("Kestrel Data will be taken private by a consortium led by buyout firm Harrow Capital in a "
                     "deal worth A$2 billion, the companies said on Monday.")
    assert deal.type == "acquisition"
    assert {p.name: p.role for p in deal.parties} == {"Kestrel Data": "target", "Harrow Capital": "acquirer"}


_RELEASE = (
    "Korrigan Minerals Limited (ASX: KOR) (\"Korrigan\" or \"the Company\") is pleased to announce that it has "
    "today executed a binding offtake agreement with Japanese trading house Ishida Shoji Corporation and a A$200m "
    "senior facility agreement, and has received firm commitments for a A$40m placement.\n\n"
    "HIGHLIGHTS\n"
    "• Binding five-year offtake agreement with Ishida for 900 tonnes a year of nickel-cobalt (NiCo) hydroxide, "
    "about 30% of planned Stage 1 production\n"
    "• A$200m senior facility agreement executed with Wattle Banking Corporation and Reef Bank Limited as lenders\n")


def test_a_releases_highlights_tell_of_the_company_that_releases_it() -> None:
    deals = deals_of(_RELEASE)
    offtake = next(d for d in deals if d.type == "contract")
    loan = next(d for d in deals if d.type == "financing")
    assert {p.name: p.role for p in offtake.parties} == {
        "Korrigan Minerals Limited": "supplier", "Ishida Shoji Corporation": "customer"}
    assert {p.name: p.role for p in loan.parties} == {
        "Korrigan Minerals Limited": "borrower", "Wattle Banking Corporation": "lender", "Reef Bank Limited": "lender"}


def test_who_said_it_had_hired_a_contractor_is_its_customer() -> None:
    roles = roles_of("At the same time, Ostara Data said it had tapped Leeds-based Pennine Build as general "
                     "contractor for the first phase under a $400 million contract.")
    assert roles == {"Ostara Data": ("company", "customer"), "Pennine Build": ("company", "supplier")}


def test_it_after_a_sentence_about_one_firms_attempt_is_that_firm() -> None:
    deals = deals_of("Halden Chips will buy Fjord Photonics for $900 million, the companies said on Monday.\n\n"
                     "Fjord's largest round was a $60 million Series B in 2024 led by Oslo-based Skagen Ventures.\n\n"
                     "This is Halden's second attempt to buy a Nordic chip company. In 2023 it agreed to acquire "
                     "Bergen-based Vesle Silicon for $200 million, but the deal was terminated.")
    vesle = next(d for d in deals if any(p.name == "Vesle Silicon" for p in d.parties))
    assert {p.name: p.role for p in vesle.parties} == {"Halden Chips": "acquirer", "Vesle Silicon": "target"}


def test_holdings_a_firm_already_has_are_no_deal() -> None:
    deals = deals_of("Tasman Pension will buy Kauri Towers for NZ$800 million, it said on Monday. The deal marks "
                     "Tasman's first fibre investment in the region. It has already invested in Dutch fibre company "
                     "Glasnet and France's Fibre Ouest.")
    assert len(deals) == 1


def test_its_round_is_the_round_of_the_firm_told_before() -> None:
    deals = deals_of("Fjord Photonics employs 90 people in Bergen.\n\n"
                     "Its largest round was a $40 million Series B in 2024 led by Oslo-based Skagen Ventures. "
                     "Its chief investment officer, Ola Berg, said the market was strong.")
    assert [{p.name: p.role for p in d.parties} for d in deals] == [
        {"Fjord Photonics": "recipient", "Skagen Ventures": "investor"}]


def test_a_raise_hoped_for_and_a_call_to_subscribe_are_no_deals() -> None:
    assert deals_of("Minera Cobre Azul scrapped its share sale on Monday. It had hoped to raise about 5 billion pesos "
                    "from investors.") == ()
    assert deals_of("Subscribe to the Chip Week Post newsletter for the week's biggest funding rounds.") == ()


def test_a_city_or_state_government_is_named_as_written_and_a_programmes_quoted_title_names_no_one() -> None:
    deal, = deals_of("BEIJING, June 3 (Xinhua) -- Huanghe Compute Co., Ltd. on Tuesday signed an investment agreement "
                     "with the Baiyin municipal government to build a computing center with a total investment of "
                     "8 billion yuan. The center is a key project under the national \"Northern Data, Western Power\" "
                     "program.")
    assert {p.name: p.kind.value for p in deal.parties} == {
        "Huanghe Compute Co.": "company", "Baiyin municipal government": "government"}
    deal, = deals_of("Sierra Datos signed a collaboration agreement with the Jalisco state government on Monday "
                     "under which it will invest 900 million pesos in a water plant.")
    assert "Jalisco state government" in {p.name for p in deal.parties}


def test_a_procurement_agreement_is_a_contract() -> None:
    deal, = deals_of("Huanghe Compute signed a procurement agreement worth 1.5 billion yuan with chip designer "
                     "Xinyuan Micro for AI accelerator cards on Tuesday.")
    assert deal.type == "contract"
    assert {p.name: p.role for p in deal.parties} == {"Huanghe Compute": "customer", "Xinyuan Micro": "supplier"}


def test_an_order_of_power_transformers_is_placed_by_its_customer() -> None:
    roles = roles_of("Data centre developer Sukhumvit Cloud has ordered 30 high-voltage power transformers from "
                     "Daegu Electric, the company said on Monday.")
    assert roles == {"Sukhumvit Cloud": ("company", "customer"), "Daegu Electric": ("company", "supplier")}


def test_a_grant_named_with_words_of_money_is_received_by_its_recipient() -> None:
    roles = roles_of("In 2026, Marmara Chips received a 1.8 billion lira investment incentive grant from Turkey's "
                     "Ministry of Industry and Technology.")
    assert {name: role for name, (_, role) in roles.items()} == {
        "Marmara Chips": "recipient", "Ministry of Industry and Technology": "grantor"}


def test_a_credit_agreement_is_a_loan_and_a_filings_items_are_no_parties() -> None:
    deal, = deals_of("Item 1.01 Entry into a Material Definitive Agreement.\n\n"
                     "Kestrel Towers signed a VND900 billion credit agreement with Song Han Commercial Bank on "
                     "Monday.")
    assert deal.type == "financing"
    assert {p.name: p.role for p in deal.parties} == {"Kestrel Towers": "borrower", "Song Han Commercial Bank": "lender"}


def test_a_currency_after_a_funds_for_is_no_part_of_its_name() -> None:
    deal, = deals_of("Nile Holding agreed on Tuesday to buy a 51 percent stake in Giza Data from Sinai Growth Fund "
                     "for EGP 3.1 billion.")
    assert "Sinai Growth Fund" in {p.name for p in deal.parties}


def test_a_filing_that_says_who_borrows_as_borrower_is_believed() -> None:
    deal, = deals_of("On May 3, 2027 (the \"Closing Date\"), Redfern Data Holdings, Inc. (the \"Company\"), as "
                     "borrower, entered into a Credit Agreement (the \"Credit Agreement\") with Kingsbridge Bank, N.A., "
                     "as administrative agent, swingline lender and an issuing bank, Tamar Commonwealth Bank, as "
                     "syndication agent, and the other lenders party thereto. The Credit Agreement provides for a "
                     "senior secured revolving credit facility in an aggregate principal amount of $300,000,000.")
    assert {p.name: p.role for p in deal.parties}["Redfern Data Holdings"] == "borrower"


def test_we_in_a_calls_transcript_is_the_company_whose_call_it_is() -> None:
    deals = parse_text("Marlowe Photonics (MRLW) Q3 2027 Earnings Call Transcript\n\n"
                       "Anna Berg - Chief Executive Officer\n\n"
                       "Thank you, and welcome to the Marlowe Photonics third-quarter call.\n\n"
                       "Let me start with the deals. In June we closed the acquisition of Quayside Optics for $90 "
                       "million in cash. In August we bought a packaging plant in Penang from Tasek Semiconductor.",
                       published="2027-10-07").deals
    assert [{p.name: p.role for p in d.parties} for d in deals] == [
        {"Marlowe Photonics": "acquirer", "Quayside Optics": "target"},
        {"Marlowe Photonics": "acquirer", "Tasek Semiconductor": "seller"}]


def test_winning_the_auction_for_a_firm_buys_it() -> None:
    deal, = deals_of("A consortium of Prairie Teachers Pension Plan and Calgary-based Foothills Infrastructure has won "
                     "the auction for Bow River Fibre, agreeing to pay C$500 million, the companies said on Monday.")
    assert deal.type == "acquisition"
    assert {p.name: p.role for p in deal.parties} == {
        "Prairie Teachers Pension Plan": "acquirer", "Foothills Infrastructure": "acquirer", "Bow River Fibre": "target"}
