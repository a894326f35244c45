"""Articles that name a deal which did not happen, or only a market's sum: no deal comes out of them."""

from __future__ import annotations

from core.extract import parse_text


def deals_of(text: str) -> list:
    return list(parse_text(text, published="2026-03-04").deals)


def test_a_headline_in_the_present_that_walks_away_from_talks_gives_no_deal():
    text = ("Harlow Metals walks away from Pennick Copper merger talks\n\n"
            "Harlow Metals said on Tuesday it had ended talks with Pennick Copper after the two failed to agree on value. "
            "Analysts had seen a combination of the two miners as logical.")
    assert deals_of(text) == []


def test_what_a_lapsed_proposal_would_have_given_is_no_deal():
    text = ("Harlow Metals had proposed an all-share merger under which Pennick Copper shareholders would have "
            "received 0.3 Harlow shares for each share they own.")
    assert deals_of(text) == []


def test_a_market_sum_spent_on_acquisitions_is_no_deal_and_its_counter_is_no_party():
    text = ("Chipmakers have spent more than $40 billion on design-software acquisitions so far this year, "
            "according to data compiled by Tarrant Analytics.")
    assert deals_of(text) == []


def test_an_ipo_anchor_book_is_no_deal():
    text = ("Ahead of the issue, Sorrel Foods raised Rs 210 crore from 18 anchor investors, including mutual funds. "
            "The initial public offering closes on Friday.")
    assert deals_of(text) == []


def test_a_completed_merger_still_counts():
    text = ("Harlow Metals said on Tuesday it had completed its merger with Pennick Copper, creating the country's "
            "third-largest copper producer.")
    deals = deals_of(text)
    assert len(deals) == 1
    assert {p.name for p in deals[0].parties} >= {"Harlow Metals", "Pennick Copper"}


def test_failure_words_in_the_present_and_an_oil_block_that_is_no_failure():
    from core.extract import cues

    assert cues.FAILED.search("Board rejects $2bn approach")
    assert cues.FAILED.search("Gantry calls off sale of its rail unit")
    assert cues.FAILED.search("the buyer dropped its takeover bid")
    assert not cues.FAILED.search("the contracts cover five offshore blocks")


def test_an_approach_about_a_potential_acquisition_is_no_deal():
    text = ("Deal news\n\nWhile Orlan Chips reportedly approached Cerebro Systems about a potential acquisition, "
            "the company declined discussions.")
    assert deals_of(text) == []


def test_the_subject_of_several_bids_is_no_deal():
    text = ("Deal news\n\nKestrel Grid has been the subject of several raised takeover bids by Halden Capital and "
            "Mercer Utilities in recent weeks.")
    assert deals_of(text) == []


def test_a_bid_blocked_in_the_headline_leaves_no_deal_in_the_body():
    deals = parse_text("Polish competition office blocks Mleko Mazury's bid for rival Serwis Nabial\n\nMleko Mazury "
                       "launched its public tender offer for Serwis Nabial last July at PLN 40 per share. The office "
                       "also fined Mleko Mazury PLN 2 million for failing to disclose its milk purchasing contracts.",
                       published="2026-03-04").deals
    assert not deals


def test_a_court_halting_a_tender_and_what_bidders_offered_are_no_deal():
    deals = parse_text("Quito court halts Manta port concession tender\n\nA Quito court has suspended the tender for a "
                       "30-year concession to build a terminal at the port of Manta. The ministry had planned to award "
                       "the concession in July. Pacifico Terminales had offered to invest $400 million in the terminal.",
                       published="2026-03-04").deals
    assert not deals


def test_what_a_rule_or_an_index_would_force_is_no_deal():
    deals = parse_text("Deal news\n\nAnalysts at Almaty brokerage Steppe Securities estimate that index funds will "
                       "need to buy $30m of Balkhash Copper stock. Foreign investors may hold no more than a minority, "
                       "so Fjord Seafood would need to partner with Vik Fisheries.", published="2026-03-04").deals
    assert not deals
