"""Who did what: roles follow the grammar of the sentence, not the order of the names (articles of our own)."""

from __future__ import annotations

import pytest

from core.extract import parse_text
from core.extract.roles import GIVER, RECEIVER, TARGET, object_side, subject_side
from core.model import DealType


def roles_of(text: str, published: str | None = "2025-03-14") -> dict[str, str]:
    deals = parse_text(text, published=published).deals
    assert deals, "no deal found"
    return {p.name: p.role for p in deals[0].parties}


def test_passive_takeover_puts_the_buyer_after_by():
    roles = roles_of("Velmora agrees takeover\n\nVelmora Systems has agreed to be bought by Castellan Group "
                     "for $2.1 billion, the companies said on Thursday.\n")
    assert roles == {"Velmora Systems": "target", "Castellan Group": "acquirer"}


def test_nominal_takeover_by_names_the_buyer():
    roles = roles_of("Board backs bid\n\nThe board of Pellucid Networks recommended a takeover by Ardent Holdings "
                     "worth £900 million on Monday.\n")
    assert roles.get("Ardent Holdings") == "acquirer"


def test_possessive_owner_of_what_is_bought_is_the_seller():
    roles = roles_of("Deal\n\nTrevale Insurance agreed to buy Norquist Group's insurance business for $300 million "
                     "on Tuesday.\n")
    assert roles["Trevale Insurance"] == "acquirer"
    assert roles["Norquist Group"] == "seller"


def test_a_sale_to_a_buyer_names_seller_target_and_buyer():
    roles = roles_of("Sale\n\nHalvorsen Mining announced the sale of its Orebank operation to Quenby Metals Group "
                     "for up to US$1 billion on Monday.\n")
    assert roles["Halvorsen Mining"] == "seller"
    assert roles["Quenby Metals Group"] == "acquirer"


def test_secured_investment_from_makes_the_subject_the_recipient():
    roles = roles_of("Funding\n\nBrightloom Labs has secured a $12 million investment from Caldera Ventures, "
                     "the startup said on Wednesday.\n")
    assert roles == {"Brightloom Labs": "recipient", "Caldera Ventures": "investor"}


def test_loan_from_a_bank_makes_the_subject_the_borrower():
    roles = roles_of("Loan\n\nOstrava Shipping has secured a $500 million loan facility from Kestrel Bank on "
                     "Friday.\n")
    assert roles == {"Ostrava Shipping": "borrower", "Kestrel Bank": "lender"}


def test_a_lender_that_provides_a_loan_to_a_company_is_the_lender():
    roles = roles_of("Loan\n\nMeridian Development Bank provided a $40 million loan to Sunfield Power on "
                     "Tuesday.\n")
    assert roles == {"Meridian Development Bank": "lender", "Sunfield Power": "borrower"}


def test_a_bank_signing_a_loan_with_firms_lends_to_them():
    roles = roles_of("Loan\n\nNordhaven Bank signed a $90 million green loan with Tarn Wind Power JSC and "
                     "Kell Solar JSC on Monday.\n")
    assert roles["Nordhaven Bank"] == "lender"
    assert roles["Tarn Wind Power JSC"] == roles["Kell Solar JSC"] == "borrower"


def test_a_verb_before_its_cue_makes_the_names_between_objects():
    roles = roles_of("Loan\n\nArbor Securities and Kilnworth Capital provided Daystar Data with $300 million "
                     "of debt financing on Monday.\n")
    assert roles["Daystar Data"] == "borrower"
    assert roles["Arbor Securities"] == roles["Kilnworth Capital"] == "lender"


def test_a_contract_won_from_a_customer():
    roles = roles_of("Order\n\nHexwell Marine won a $54 million contract from Port Calder Authority to build "
                     "six pilot boats on Tuesday.\n")
    assert roles["Hexwell Marine"] == "supplier"
    assert roles["Port Calder Authority"] == "customer"


def test_a_customer_awarding_a_contract():
    roles = roles_of("Supply\n\nGrovemart Europe has awarded Pemberton Foods a five-year supply contract "
                     "on Thursday.\n")
    assert roles == {"Grovemart Europe": "customer", "Pemberton Foods": "supplier"}


def test_a_round_led_by_an_investor_keeps_the_startup_the_recipient():
    roles = roles_of("Round\n\nCortexa locked up a $90 million Series C led by new investor Halden Partners "
                     "on Monday.\n")
    assert roles == {"Cortexa": "recipient", "Halden Partners": "investor"}


def test_arrangers_listed_later_are_lenders():
    text = ("Loan\n\nSeabright Tankers has secured a $600 million loan facility from Fjordal Bank on Monday.\n\n"
            "Fjordal Bank, Ostmark Bank and Lindqvist Finance acted as mandated lead arrangers and bookrunners.\n")
    roles = roles_of(text)
    assert roles["Seabright Tankers"] == "borrower"
    assert roles["Ostmark Bank"] == roles["Lindqvist Finance"] == "lender"


def test_an_adviser_to_a_loan_is_no_party():
    text = ("Loan\n\nSeabright Tankers has secured a $600 million loan facility from Fjordal Bank on Monday.\n\n"
            "Harcourt Legal acted as legal adviser to the lenders.\n")
    assert "Harcourt Legal" not in roles_of(text)


def test_a_state_and_a_company_signing_an_mou_to_invest():
    text = ("MoU\n\nThe Karnavati state government signed an MoU with Ostrel Energy on Monday under which the "
            "company will invest Rs 5,000 crore in solar plants.\n")
    roles = roles_of(text)
    assert roles["Ostrel Energy"] == "investor"


@pytest.mark.parametrize(("clause", "deal_type", "side"), [
    ("Zentro has secured a loan", DealType.FINANCING, RECEIVER),
    ("Zentro lent the money", DealType.FINANCING, GIVER),
    ("Zentro agreed to be acquired", DealType.ACQUISITION, TARGET),
    ("Zentro agreed to sell the unit", DealType.ACQUISITION, RECEIVER),
    ("Zentro picked two banks to arrange the loan", DealType.FINANCING, RECEIVER),
    ("Zentro won the contract", DealType.CONTRACT, RECEIVER),
    ("Zentro awarded the contract", DealType.CONTRACT, GIVER),
])
def test_the_verb_says_the_subjects_side(clause, deal_type, side):
    cue = {DealType.FINANCING: "loan" if "loan" in clause else "lent", DealType.ACQUISITION: "acquired" if "acq" in clause
           else "sell", DealType.CONTRACT: "contract"}[deal_type]
    at = clause.index(cue)
    assert subject_side(clause, at, at + len(cue), deal_type)[0] == side


def test_a_list_keeps_the_side_of_its_first_name():
    first = object_side("debt from ", RECEIVER, DealType.FINANCING)
    assert first == GIVER
    assert object_side("from KKR and ", RECEIVER, DealType.FINANCING, gap=" and ", previous=first) == GIVER


def test_banks_acting_as_advisers_to_a_takeover_are_no_parties():
    text = ("Takeover\n\nCastellan Group agreed to acquire Velmora Systems for $2.1 billion on Thursday. "
            "Harlow Brothers and Penfold & Co acted as financial advisers to Castellan, while Quayle Partners "
            "is advising Velmora.\n")
    deals = parse_text(text, published="2025-03-14").deals
    everyone = {p.name for d in deals for p in d.parties}
    assert {"Castellan Group", "Velmora Systems"} <= everyone
    assert not everyone & {"Harlow Brothers", "Penfold & Co", "Quayle Partners"}


def test_senior_secured_is_an_adjective_not_the_borrowers_verb():
    roles = roles_of("Loan\n\nHarrow Bank and Ostmark Bank are among banks leading the deal, which is split across two "
                     "senior secured credit facilities for Quarry Data, people said on Monday.\n")
    assert roles["Harrow Bank"] == roles["Ostmark Bank"] == "lender"


def test_a_contract_awarded_to_a_builder_in_the_passive():
    roles = roles_of("Contract\n\nThe construction contract for the new hospital has been awarded to London-based "
                     "Brackley Construction by the Ministry of Health of Norland on Monday.\n")
    assert roles["Brackley Construction"] == "supplier"


def test_agreeing_to_a_takeover_makes_the_subject_the_target():
    roles = roles_of("Deal\n\nPellworth Group last month also agreed to a A$3.6 billion takeover by Ardent Partners.\n")
    assert roles["Pellworth Group"] == "target"
    assert roles["Ardent Partners"] == "acquirer"


def test_a_state_borrowing_from_a_state():
    roles = roles_of("Loan\n\nKenya signed a 3.6 billion shilling credit facility agreement with France on Monday "
                     "for mini-grids.\n")
    assert roles["France"] == "lender"


def test_an_agreement_to_keep_supplying_a_retailer():
    roles = roles_of("Supply\n\nHolt Foods Group said on Thursday it has secured a five-year agreement to continue "
                     "supplying meat to Grovemart's stores.\n")
    assert roles["Holt Foods Group"] == "supplier"
    assert roles["Grovemart"] == "customer"


def test_mining_licences_are_no_licence_deal():
    text = ("JV\n\nAnglo Minerals will take 70% of a joint venture with Arcadia Metals over Arcadia's copper "
            "licences, the companies said on Thursday.\n")
    deals = parse_text(text, published="2025-03-14").deals
    assert deals and deals[0].type == DealType.JOINT_VENTURE


def test_the_owner_of_a_business_bought_is_the_seller_however_described():
    roles = roles_of("Deal\n\nHanvel Co. said on Tuesday that it will buy the flash business of U.S. chip giant "
                     "Orbis Corp. in a deal worth $9 billion.\n")
    assert roles["Orbis Corp."] == "seller"


def test_a_merger_told_as_one_side_acquiring_has_an_acquirer():
    text = ("Deal\n\nSerendib Mobile and Kalpa Telecom have signed an agreement to combine their operations on Monday. "
            "Under this agreement, Serendib Mobile will acquire 100 per cent of the shares in Kalpa Lanka.\n")
    deals = parse_text(text, published="2025-03-14").deals
    roles = {p.name: p.role for p in deals[0].parties}
    assert deals[0].type == DealType.MERGER
    assert roles["Serendib Mobile"] == "acquirer"


def test_a_package_to_support_a_developer_names_the_borrower():
    roles = roles_of("Loan\n\nThe Nordic Investment Bank is extending a EUR 1.7 bn financing package to support "
                     "US-based renewables developer Solvane to build solar plants, the lender said on Monday.\n")
    assert roles.get("Solvane") == "borrower"
    assert roles["Nordic Investment Bank"] == "lender"


def test_selected_by_a_navy_to_build_boats_is_a_contract():
    text = ("Contract\n\nGulf-based shipbuilder Kestrel Marine has been selected by the Norland Navy to build patrol "
            "vessels for partner nations, the company said on Monday.\n")
    deals = parse_text(text, published="2025-03-14").deals
    assert deals and deals[0].type == DealType.CONTRACT
    roles = {p.name: p.role for p in deals[0].parties}
    assert roles["Kestrel Marine"] == "supplier"
    assert roles["Norland Navy"] == "customer"


@pytest.mark.parametrize("described", ["Canada's Orvell Infrastructure", "Tokyo-based Orvell Infrastructure",
                                       "private equity firm Orvell Infrastructure"])
def test_a_buyer_described_before_its_name_still_buys(described):
    roles = roles_of(f"Towers sold\n\nTarpan Telecom said on Monday it will sell its tower assets to {described} "
                     "for A$950 million.\n")
    assert roles["Tarpan Telecom"] == "seller"
    assert roles["Orvell Infrastructure"] == "acquirer"


def test_the_buyer_after_a_closed_aside_about_the_target_still_buys():
    roles = roles_of("Hospital sold\n\nKestrel Holdings is selling its stake in Amberfield Clinic, which runs a "
                     "hospital in the capital, to Larchmont Healthcare for $300 million.\n")
    assert roles == {"Kestrel Holdings": "seller", "Amberfield Clinic": "target", "Larchmont Healthcare": "acquirer"}


def test_a_money_verb_after_under_which_makes_the_actor_the_investor():
    roles = roles_of("Pact\n\nVeridia and Norland signed a strategic partnership under which Norland has agreed "
                     "to channel 2 billion euros into start-ups and funds in Veridia.\n")
    assert roles.get("Norland") == "investor"


@pytest.mark.parametrize("giver", ["the Ministry of Industry", "Orlan Bank"])
def test_a_grant_received_from_a_giver_is_a_noun_not_the_subjects_verb(giver):
    roles = roles_of(f"Grant\n\nTessera Chips received a $20 million grant from {giver} for a new fab.\n")
    assert roles["Tessera Chips"] == "recipient"
    assert roles[giver.removeprefix("the ")] == "grantor"


@pytest.mark.parametrize("sentence", [
    "Corvane Systems won a $90 million contract from the city of Aberdale to upgrade its metro signalling.",
    "The City of Aberdale awarded Corvane Systems a $90 million contract to upgrade its metro signalling.",
])
def test_a_city_that_awards_a_contract_is_a_government_customer(sentence):
    deals = parse_text(f"Contract\n\n{sentence}\n", published="2025-03-14").deals
    assert deals
    parties = {p.name: (p.kind.value, p.role) for p in deals[0].parties}
    assert parties == {"Corvane Systems": ("company", "supplier"), "City of Aberdale": ("government", "customer")}


@pytest.mark.parametrize("reported", ["said", "said on Monday that"])
def test_the_one_reported_on_acts_and_the_company_it_names_is_the_reporter(reported):
    roles = roles_of(f"Stake\n\nOyelaran Holdings {reported} Tamarind Capital would buy a 25% stake in the company "
                     "for $80 million.\n")
    assert roles == {"Tamarind Capital": "acquirer", "Oyelaran Holdings": "target"}


@pytest.mark.parametrize("goods", ["electricity from Arvo Energy", "power from Arvo Energy's wind farm"])
def test_buying_goods_from_a_company_is_a_contract_not_a_takeover(goods):
    deals = parse_text(f"Power deal\n\nLumio Data agreed to buy {goods} under a 15-year deal.\n",
                       published="2025-03-14").deals
    assert deals and deals[0].type.value == "contract"
    assert {p.name: p.role for p in deals[0].parties} == {"Lumio Data": "customer", "Arvo Energy": "supplier"}


def test_verbs_inside_names_tell_no_side():
    # "Power" and "Fund" in names are no verbs: the loan is made available to the borrower.
    roles = roles_of("Loan\n\nThe Kestrel Infrastructure Fund is making a US$43 million loan available to "
                     "Ashdown Power.\n")
    assert roles == {"Kestrel Infrastructure Fund": "lender", "Ashdown Power": "borrower"}


def test_a_participle_with_its_agent_tells_of_the_agent_not_the_subject():
    roles = roles_of("Loan\n\nBacked by Export Credit Norland, Orlan Bank lent $100 million to the Ministry of "
                     "Health of Veridia.\n")
    assert roles["Orlan Bank"] == "lender"


@pytest.mark.parametrize("contract", ["tolling agreement", "Murabaha financing"])
def test_trade_words_are_no_names(contract):
    deals = parse_text(f"Deal\n\nHalvard Shipping signed a $200 million {contract} with Najran Bank.\n",
                       published="2025-03-14").deals
    assert deals and {p.name for p in deals[0].parties} == {"Halvard Shipping", "Najran Bank"}


def test_with_the_borrower_unnamed_the_one_who_signed_with_the_banks_borrows():
    roles = roles_of("Loan\n\nHalvard Shipping signed a $450 million green loan facility on Friday with a group of "
                     "four banks. The loan was provided by Fjordbank and Elbe Landesbank.\n")
    assert roles == {"Halvard Shipping": "borrower", "Fjordbank": "lender", "Elbe Landesbank": "lender"}


def test_a_development_fund_lends_to_a_ministry():
    roles = roles_of("Loan\n\nThe Al Noor Development Fund signed a $450 million loan agreement with Veridia's "
                     "Ministry of Finance to finance irrigation works.\n")
    assert roles["Al Noor Development Fund"] == "lender"
    assert roles["Ministry of Finance"] == "borrower"


def test_banks_whose_names_do_not_say_bank_still_lend():
    roles = roles_of("Loan\n\nHalvard Shipping took out a $300 million loan. Wells Fargo & Co., BNP Paribas SA and "
                     "Goldman Sachs Group Inc. have been allocated portions of the loan.\n")
    assert roles.get("Halvard Shipping") == "borrower"


def test_a_stake_changing_hands_then_the_buyer_named_in_a_sentence_of_its_own():
    roles = roles_of("Stake sold\n\nA 35% stake in Andes Roads, which runs three toll roads, is changing hands for "
                     "420 billion pesos. The buyer is conglomerate Grupo Valcor, which is expanding abroad. It is "
                     "buying the stake from investment firm Cordillera Partners, the companies said.\n")
    assert roles == {"Andes Roads": "target", "Grupo Valcor": "acquirer", "Cordillera Partners": "seller"}


def test_the_lenders_named_after_the_loan():
    roles = roles_of("Loan\n\nHalvard Shipping signed a $300 million loan on Friday. The lenders are Fjordbank "
                     "and Elbe Landesbank.\n")
    assert roles.get("Halvard Shipping") == "borrower"
    assert roles.get("Fjordbank") == roles.get("Elbe Landesbank") == "lender"


@pytest.mark.parametrize("sentence", [
    "Ashdown Rail bagged a Rs 500 crore order from Indian Railways.",
    "Indian Railways placed an order worth Rs 500 crore with Ashdown Rail.",
    "Indian Railways ordered 50 locomotives from Ashdown Rail.",
    "Ashdown Rail has received a letter of acceptance worth Rs 500 crore from Indian Railways for new coaches.",
])
def test_orders_are_contracts_with_the_one_who_orders_as_customer(sentence):
    deals = parse_text(f"Order\n\n{sentence}\n", published="2025-03-14").deals
    assert deals and deals[0].type.value == "contract"
    assert {p.name: p.role for p in deals[0].parties} == {"Ashdown Rail": "supplier", "Indian Railways": "customer"}


def test_a_grant_told_with_its_recipient_only_is_given_by_the_articles_government():
    roles = roles_of("Grants\n\nThe Regional Government of Vestmark on Wednesday announced grants to three "
                     "battery companies.\n\nKestrel Cells AS receives the largest grant, NOK 48 million, towards a "
                     "pilot line.\n")
    assert roles == {"Kestrel Cells AS": "recipient", "Regional Government of Vestmark": "grantor"}


def test_things_ordered_for_later_are_no_contract():
    assert parse_text("Ships\n\nThe vessels will be ordered next year and delivered from 2028.\n",
                      published="2025-03-14").deals == ()


def test_a_state_that_guarantees_a_loan_is_its_government_not_its_lender():
    roles = roles_of("Loan\n\nKestrel Bank signed a US$150 million loan with Kafula Power for a solar park, backed "
                     "by a Government of Zambia guarantee.\n")
    assert roles == {"Kestrel Bank": "lender", "Kafula Power": "borrower", "Government of Zambia": "government"}
