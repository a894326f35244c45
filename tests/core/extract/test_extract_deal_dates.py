"""Which date a deal gets: the article's own dateline, no guesses from today, and the choice among several."""

from __future__ import annotations

from datetime import date

import pytest

from core.extract import parse_text
from core.extract.dates import dateline_date, deal_date, deal_date_mention, find_dates
from core.model import Precision

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 9 May fell on a Monday in 2022, the latest such year up to 2026.
        ("Tower sale\n\nMay 9 (Reuters) - Harbour Telecom said on Monday it would sell its towers.", date(2022, 5, 9)),
        ("OSLO, May 12 (Reuters) - Fjord Metals shares rose on Thursday after a deal.", date(2022, 5, 12)),
        ("NEW YORK, N.Y., Oct. 2 /PRNewswire/ -- Acme Corp on Tuesday announced a merger.", date(2018, 10, 2)),
        ("LONDON, 3 March - Brill Foods said on Friday it agreed a sale.", date(2023, 3, 3)),
    ],
)
def test_a_yearless_dateline_is_placed_by_the_weekday_of_its_lead(text: str, expected: date) -> None:
    assert dateline_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "May 9 (Reuters) - Harbour Telecom said it would sell its towers.",  # no weekday: no year
        "May 9 (Reuters) - Harbour Telecom said last Monday it had sold its towers.",  # another day
        "Harbour Telecom said on Monday, May 9, it would sell its towers.",  # not a dateline
    ],
)
def test_a_dateline_without_its_own_weekday_is_not_placed(text: str) -> None:
    assert dateline_date(text, TODAY) is None


def test_without_a_published_date_a_weekday_gives_no_deal_date() -> None:
    text = "Deal\n\nKestrel Mining agreed to acquire Sable Ores on Wednesday for $90 million.\n"
    [deal] = parse_text(text).deals
    assert deal.contract_date is None
    [dated] = parse_text(text, published="2024-02-02").deals
    assert dated.contract_date == "2024-01-31"


def test_without_a_published_date_a_written_date_still_counts() -> None:
    text = "Deal\n\nKestrel Mining agreed to acquire Sable Ores in March 2021 for $90 million.\n"
    [deal] = parse_text(text).deals
    assert deal.contract_date == "2021-03"


def test_a_wire_dateline_dates_the_story_and_its_relative_phrases() -> None:
    text = ("Harbour Telecom to sell towers\n\n"
            "May 9 (Reuters) - Harbour Telecom Ltd said on Monday it will sell its tower assets to Pinecrest "
            "Infrastructure Inc for $500 million.\n\n"
            "Rival Coral Networks last year agreed to sell a stake in its towers to Maple Capital for $1 billion.\n")
    deals = {d.parties[0].name: d.contract_date for d in parse_text(text).deals}
    assert deals.get("Harbour Telecom Ltd") == "2022-05-09"
    assert "2021" in deals.values()


def test_deal_date_ignores_phrases_resolved_against_today_when_nothing_was_published() -> None:
    mentions = find_dates("It signed the pact on Tuesday, and the plan dates from June 2019.", TODAY)
    assert deal_date(mentions, None) == (date(2019, 6, 1), Precision.MONTH)
    assert deal_date(mentions, TODAY)[1] == Precision.DAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two firms announced the pact on Christmas Eve.", date(2025, 12, 24)),
        ("The merger was signed on New Year's Eve 2023.", date(2023, 12, 31)),
        ("Shareholders approved it on Thanksgiving.", date(2025, 11, 27)),
    ],
)
def test_holidays_with_a_day_are_dates(text: str, expected: date) -> None:
    [mention] = find_dates(text, date(2025, 12, 30))
    assert (mention.value, mention.precision) == (expected, Precision.DAY)


def test_a_holiday_without_on_is_no_date() -> None:
    assert find_dates("Retailers hired staff before Christmas for the holiday rush.", date(2025, 12, 30)) == []


def test_the_current_period_gives_way_to_the_published_day() -> None:
    published = date(2024, 6, 12)
    mentions = find_dates("It is the largest takeover this year, the bank said.", published)
    assert deal_date(mentions, published) == (published, Precision.WEEK)


def test_a_completion_date_after_the_story_is_not_the_deal_date() -> None:
    published = date(2024, 6, 12)
    mentions = find_dates("Orrin Foods agreed in May 2024 to buy Tally Dairy; the deal should close in "
                          "January 2025.", published)
    assert deal_date(mentions, published) == (date(2024, 5, 1), Precision.MONTH)
    later = find_dates("The sale is expected to close on March 3, 2025.", published)
    assert deal_date(later, published) == (published, Precision.WEEK)


def test_a_date_in_a_relative_clause_yields_to_the_main_clause() -> None:
    published = date(2024, 6, 12)
    mentions = find_dates("Pell Group, which listed its shares on March 3, 2021, agreed in May 2024 to buy "
                          "Drax Tools.", published)
    assert deal_date(mentions, published) == (date(2024, 5, 1), Precision.MONTH)
    alone = find_dates("The stake, which Pell Group bought in February 2021, is worth more now.", published)
    assert deal_date(alone, published) == (date(2021, 2, 1), Precision.MONTH)


@pytest.mark.parametrize(
    "text",
    [
        "Lumo Robotics, founded in 2015, raised $5 million from Arden Ventures.",
        "Since 2019, Arden Ventures has backed Lumo Robotics with $5 million.",
        "Arden Ventures chief Ana Rui at a summit, May 2, 2019. File Photo\nArden backed Lumo Robotics.",
    ],
)
def test_a_founding_a_start_or_an_archive_photo_does_not_date_a_deal(text: str) -> None:
    published = date(2024, 6, 12)
    assert deal_date(find_dates(text, published), published) == (published, Precision.WEEK)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Holders will vote on the merger at a meeting on Dec. 9.", date(2021, 12, 9)),
        ("The purchase is expected to close in March.", date(2022, 3, 1)),
        ("The two firms will sign the contract on Monday.", date(2021, 11, 8)),
    ],
)
def test_a_yearless_date_in_a_future_clause_is_the_next_one_and_no_deal_date(text: str, expected: date) -> None:
    published = date(2021, 11, 3)  # a Wednesday
    [mention] = find_dates(text, published)
    assert (mention.value, mention.kind) == (expected, "horizon")


def test_a_past_clause_keeps_its_date() -> None:
    published = date(2021, 11, 3)
    mentions = find_dates("Brackley Gas will pay $1 billion for the field, the company said on Monday.", published)
    assert [(m.value, m.kind) for m in mentions] == [(date(2021, 11, 1), "weekday")]


def test_the_dating_phrase_is_the_one_the_date_came_from() -> None:
    published = date(2024, 6, 12)
    mentions = find_dates("Tarn Bank, founded on March 2, 1990, agreed on Monday to lend to Vell Mills.", published)
    chosen = deal_date_mention(mentions, published)
    assert chosen is not None and chosen.text == "Monday"
    assert deal_date(mentions, published) == (chosen.value, chosen.precision)


def test_a_weekday_with_the_date_in_brackets_fixes_the_year_without_a_published_date() -> None:
    from datetime import date as _date

    from core.extract.dates import find_dates

    found = find_dates("according to the company's media release on Tuesday (July 22).", _date(2026, 12, 6))
    assert [(d.value, d.kind) for d in found] == [(_date(2025, 7, 22), "weekday")]


def test_with_no_published_date_the_lead_s_fixed_day_dates_the_deals_it_reports() -> None:
    from core.extract import parse_text

    text = ("Sale\n\nKelso Post said on Tuesday (July 22) it has sold its freight business for S$177.9 million. The "
            "first unit was sold to Harbour Logistics FZE for about US$97.7 million, while the other was sold to "
            "Dune Holdings for around €35.7 million.\n")
    deals = parse_text(text).deals
    assert deals and all(d.date == "2025-07-22" for d in deals)


def test_a_bare_month_and_day_in_the_lead_does_not_date_other_deals() -> None:
    from core.extract import parse_text

    text = ("Sale\n\nKelso Post said on July 22 it has sold its freight unit to Harbour Logistics for S$177.9 "
            "million. Separately, Kelso Post agreed to buy Dune Holdings for €35.7 million.\n")
    deals = parse_text(text).deals
    assert deals[-1].date is None


def test_deals_without_a_date_of_their_own_take_the_day_the_lead_names_before_publication():
    text = ("Forum deals\n\nCompanies signed agreements worth $2 billion on Tuesday, the opening day of the "
            "Harbour Industry Forum.\n\nKestrel Steel signed a memorandum of understanding with Orlan Ports to "
            "build a terminal.\n\nAshdown Foods and Veldt Logistics formed a joint venture for cold storage.\n")
    deals = parse_text(text, published="2025-05-21").deals  # a Wednesday
    assert [d.date for d in deals] == ["2025-05-20", "2025-05-20"]


def test_a_deal_with_its_own_date_keeps_it_over_the_leads_day():
    text = ("Forum deals\n\nDelegates met on Tuesday at the Harbour Industry Forum.\n\n"
            "Kestrel Steel signed a memorandum of understanding with Orlan Ports on May 2.\n")
    deals = parse_text(text, published="2025-05-21").deals
    assert [d.date for d in deals] == ["2025-05-02"]


def test_the_day_a_company_said_it_outranks_the_dateline_s_day() -> None:
    # Wednesday's wire: the deal's sentence carries only the dateline; the statement came "late on Tuesday".
    text = ("Orla and Tavin to farm together\n\nLIMA, March 4 Peru's Orla Agro has signed an agreement to form a joint "
            "venture with Japan's Tavin Trading Co, in a sign of Asian interest in Andean farmland.\n\nThe venture will "
            "plant 9,000 hectares of quinoa next season.\n\nThe companies hope to start in April, Orla Agro said in a "
            "statement late on Tuesday.")
    deal, = parse_text(text, published="2026-03-04").deals
    assert deal.date == "2026-03-03"


def test_a_weekday_that_is_not_the_news_day_leaves_the_dateline_s_day() -> None:
    # "the closing price on Friday" in the lead names a day, but not the day the news came out.
    text = ("Tavin to buy Orla\n\nLIMA, March 4 (Reuters) - Orla Agro has agreed to be bought by Tavin Trading Co for "
            "$400 million, the companies said.\n\nTavin will pay 12 soles a share, a premium of 20% to the closing "
            "price on Friday.")
    deal, = parse_text(text, published="2026-03-04").deals
    assert deal.date == "2026-03-04"
