"""Dates in text: absolute, weekday, relative, anchored and horizon phrases, one-phrase parsing and bylines."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from core.extract.dates import DateMention, find_dates, find_published, parse_date
from core.model import Precision

REF = date(2025, 9, 26)  # a Friday


def _only(text: str, reference: date | None = REF) -> DateMention:
    found = find_dates(text, reference)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "value", "precision"),
    [
        ("The pact was signed on September 22, 2025 in Seoul.", "September 22, 2025", date(2025, 9, 22), Precision.DAY),
        ("The pact was signed on 22 Sep 2025 in Seoul.", "22 Sep 2025", date(2025, 9, 22), Precision.DAY),
        ("Leaders met in Rome on Feb. 6, 2025 to sign it.", "Feb. 6, 2025", date(2025, 2, 6), Precision.DAY),
        ("The board met on 20 Jun. 2025 and agreed.", "20 Jun. 2025", date(2025, 6, 20), Precision.DAY),
        ("Filed Sep 15, 2025 with the regulator.", "Sep 15, 2025", date(2025, 9, 15), Precision.DAY),
        ("The deal closed on the 3rd of March 2024.", "3rd of March 2024", date(2024, 3, 3), Precision.DAY),
        ("It closed on Sept. 30th, 2024 after review.", "Sept. 30th, 2024", date(2024, 9, 30), Precision.DAY),
        ("It was first reported on 2024-11-05 by the agency.", "2024-11-05", date(2024, 11, 5), Precision.DAY),
        ("The plan was unveiled in March 2024.", "March 2024", date(2024, 3, 1), Precision.MONTH),
        ("The plan was unveiled in October, 2023.", "October, 2023", date(2023, 10, 1), Precision.MONTH),
        ("Results for Q3 2025 beat forecasts.", "Q3 2025", date(2025, 7, 1), Precision.QUARTER),
        ("The order ships in the fourth quarter of 2024.", "fourth quarter of 2024", date(2024, 10, 1), Precision.QUARTER),
        ("Sales in H1 2025 were strong.", "H1 2025", date(2025, 1, 1), Precision.HALF),
        ("Talks began in the second half of 2024.", "second half of 2024", date(2024, 7, 1), Precision.HALF),
        ("The company was founded in 2015 by two engineers.", "in 2015", date(2015, 1, 1), Precision.YEAR),
        ("It has operated the site since 2019.", "since 2019", date(2019, 1, 1), Precision.YEAR),
        ("The merger was agreed in early 2024.", "in early 2024", date(2024, 1, 1), Precision.YEAR),
        ("It spent heavily in fiscal 2024 on plants.", "in fiscal 2024", date(2024, 1, 1), Precision.YEAR),
        ("Its results for fiscal year 2023 were strong.", "for fiscal year 2023", date(2023, 1, 1), Precision.YEAR),
        ("The lender said so on 3 October.", "3 October", date(2025, 10, 3), Precision.DAY),
        ("The filing is dated 09/15/2025 in the record.", "09/15/2025", date(2025, 9, 15), Precision.DAY),
        ("The filing is dated 15.09.2025 in the record.", "15.09.2025", date(2025, 9, 15), Precision.DAY),
    ],
)
def test_absolute_dates(text: str, written: str, value: date, precision: Precision) -> None:
    mention = _only(text)
    assert (mention.text, mention.value, mention.precision, mention.kind) == (written, value, precision, "absolute")
    assert text[mention.start:mention.end] == written


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The firm said on June 20 that it had signed.", date(2025, 6, 20)),
        ("The firm said on 2 September that it had signed.", date(2025, 9, 2)),
        ("The board meets on October 3.", date(2025, 10, 3)),  # a week ahead: this year
        ("The first talks were on December 15.", date(2024, 12, 15)),  # months ahead: last year
    ],
)
def test_month_and_day_without_year_take_the_nearest_year(text: str, value: date) -> None:
    mention = _only(text)
    assert (mention.value, mention.precision, mention.kind) == (value, Precision.DAY, "absolute")


def test_month_alone_after_in_is_the_latest_such_month() -> None:
    assert _only("It said in April that it would invest.").value == date(2025, 4, 1)
    assert _only("It said in November that it would invest.").value == date(2024, 11, 1)
    assert _only("It said in April that it would invest.").precision == Precision.MONTH


def test_weekday_with_full_date_is_absolute_and_keeps_the_date() -> None:
    mention = _only("The ministers signed in Paris, Thursday, Feb. 6, 2025.")
    assert (mention.text, mention.value, mention.kind) == ("Thursday, Feb. 6, 2025", date(2025, 2, 6), "absolute")


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The two firms signed the pact on Monday.", "Monday", date(2025, 9, 22)),
        ("The agency said on Tuesday it would lend.", "Tuesday", date(2025, 9, 23)),
        ("The ministry announced Thursday that talks ended.", "Thursday", date(2025, 9, 25)),
        ("The bank confirmed the loan on Friday.", "Friday", date(2025, 9, 26)),  # the reference day itself
        ("Saturday’s deal surprised traders.", "Saturday’s", date(2025, 9, 20)),
        ("The board met last Friday to approve it.", "last Friday", date(2025, 9, 19)),
    ],
)
def test_weekday_words_take_the_latest_such_day_not_after_the_reference(text: str, written: str, value: date) -> None:
    mention = _only(text)
    assert (mention.text, mention.value, mention.precision, mention.kind) == (written, value, Precision.DAY, "weekday")


@pytest.mark.parametrize(
    ("reference", "value"),
    [
        (date(2026, 11, 27), date(2025, 9, 22)),
        (date(2025, 9, 23), date(2025, 9, 22)),
        (date(2019, 1, 1), date(2014, 9, 22)),
    ],
)
def test_weekday_with_month_and_day_picks_the_latest_matching_year(reference: date, value: date) -> None:
    mention = _only("The firms signed a memorandum on Monday, September 22, in Seoul.", reference)
    assert (mention.text, mention.value, mention.kind) == ("Monday, September 22", value, "weekday")
    assert mention.value is not None and mention.value.weekday() == 0


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("The company announced today that it had agreed.", date(2025, 9, 26), Precision.DAY),
        ("The buyer said yesterday it would pay in cash.", date(2025, 9, 25), Precision.DAY),
        ("The lenders signed last week after long talks.", date(2025, 9, 19), Precision.WEEK),
        ("The deal was struck this week in Tokyo.", date(2025, 9, 26), Precision.WEEK),
        ("The fund closed last month with strong demand.", date(2025, 8, 1), Precision.MONTH),
        ("The merger was agreed earlier this month.", date(2025, 9, 1), Precision.MONTH),
        ("The two firms first met last year.", date(2024, 1, 1), Precision.YEAR),
        ("Shares doubled earlier this year.", date(2025, 1, 1), Precision.YEAR),
        ("The rival bid came three days ago.", date(2025, 9, 23), Precision.DAY),
        ("The venture was set up two years ago.", date(2023, 9, 26), Precision.YEAR),
    ],
)
def test_relative_dates(text: str, value: date, precision: Precision) -> None:
    mention = _only(text)
    assert (mention.value, mention.precision, mention.kind) == (value, precision, "relative")


def test_relative_and_weekday_without_reference_have_no_value() -> None:
    found = find_dates("It said on Monday that last month's deal closed yesterday.", None)
    assert [m.kind for m in found] == ["weekday", "relative", "relative"]
    assert all(m.value is None for m in found)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("They signed on Monday, September 22. Just a week prior, the fund bought a site.", date(2025, 9, 15), Precision.WEEK),
        ("The bid came on March 3, 2024. A week earlier, rivals had walked away.", date(2024, 2, 25), Precision.WEEK),
        ("The pact was signed on May 9, 2024, and the loan the previous day.", date(2024, 5, 8), Precision.DAY),
        ("Approval came on May 9, 2024; the stake sale followed two days later.", date(2024, 5, 11), Precision.DAY),
        ("The firms met on June 2, 2023. A month earlier, the state had offered aid.", date(2023, 5, 2), Precision.MONTH),
        ("The offer was made in March 2024 and accepted a week later.", date(2024, 3, 8), Precision.MONTH),
    ],
)
def test_anchored_dates_hang_on_the_date_mentioned_before_them(text: str, value: date, precision: Precision) -> None:
    mention = find_dates(text, date(2026, 11, 27))[-1]
    assert (mention.value, mention.precision, mention.kind) == (value, precision, "anchored")


def test_anchored_date_without_an_earlier_date_uses_the_reference() -> None:
    mention = _only("A week earlier, the rival had dropped out.")
    assert (mention.value, mention.precision, mention.kind) == (date(2025, 9, 19), Precision.WEEK, "anchored")


def test_anchored_date_skips_horizons_when_looking_for_its_anchor() -> None:
    found = find_dates("They signed on 5 May 2025 and will invest over the next five years. A week prior, talks stalled.", REF)
    assert [m.kind for m in found] == ["absolute", "horizon", "anchored"]
    assert found[-1].value == date(2025, 4, 28)


@pytest.mark.parametrize(
    "text",
    [
        "The fund was set up a week before the vote.",
        "The sale closed a month after announcing it.",
        "The bid came a week prior to the auction.",
    ],
)
def test_offset_from_an_event_is_not_anchored_to_a_date(text: str) -> None:
    assert find_dates(text, REF) == []


@pytest.mark.parametrize(
    ("text", "written", "value", "precision"),
    [
        ("Both sides will invest over the next five years.", "over the next five years", date(2030, 9, 26), Precision.YEAR),
        ("The plant should be running by 2030.", "by 2030", date(2030, 1, 1), Precision.YEAR),
        ("The firm will invest Rs 900 crore in 7 years.", "in 7 years", date(2032, 9, 26), Precision.YEAR),
        ("Demand will grow 20% a year from 2023 to 2030.", "from 2023 to 2030", date(2030, 1, 1), Precision.YEAR),
        ("The site is due to be operational by 2029.", "by 2029", date(2029, 1, 1), Precision.YEAR),
        ("Amazon plans to spend more in the next decade.", "in the next decade", date(2035, 9, 26), Precision.YEAR),
        ("It will spend the money over a 10-year period.", "over a 10-year period", date(2035, 9, 26), Precision.YEAR),
        ("The work should finish by the end of 2027.", "by the end of 2027", date(2027, 12, 31), Precision.YEAR),
        ("The firm aims for mass production in 2031.", "in 2031", date(2031, 1, 1), Precision.YEAR),
        ("The partners expect to close the deal next year.", "next year", date(2026, 1, 1), Precision.YEAR),
        ("The units will ship within two months.", "within two months", date(2025, 11, 26), Precision.MONTH),
        ("The group will invest $3 billion over three years.", "over three years", date(2028, 9, 26), Precision.YEAR),
        ("The lease runs for 20 years from signing.", "for 20 years", date(2045, 9, 26), Precision.YEAR),
    ],
)
def test_horizons_are_not_deal_dates(text: str, written: str, value: date, precision: Precision) -> None:
    mention = _only(text)
    assert (mention.text, mention.value, mention.precision, mention.kind) == (written, value, precision, "horizon")


def test_coming_years_is_a_horizon_without_an_end() -> None:
    mention = _only("The group will expand in the coming years.")
    assert (mention.kind, mention.value) == ("horizon", None)


def test_future_weekday_is_a_horizon() -> None:
    mention = _only("Banks could launch the bond sale as soon as Monday.")
    assert (mention.text, mention.value, mention.kind) == ("as soon as Monday", date(2025, 9, 29), "horizon")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No dates in this sentence at all.",
        "Investors may march on the capital if talks fail.",
        "The board may approve the deal; the firm may sell assets.",
        "She said it would take time and may not happen.",
        "The plant employs 2,024 people and produces 2000 tonnes.",
        "Output rose 2025% on a 1998-unit base.",
        "The WEF-2026 meeting drew crowds to the 2016 deal site.",
        "@@## 12/ 99:99 -- ??",
        "Revenue jumped 12 percent to 30 million units.",
        "Cyber Monday and Black Friday sales rose.",
        "The note is dated 03/04/2025, which reads either way.",
        "The firm hired 2,000 May graduates and 4.5 June interns.",
        "He works Mondays and Fridays.",
        "The firm played the first half well.",
    ],
)
def test_text_without_dates_gives_none(text: str) -> None:
    assert find_dates(text, REF) == []


def test_may_as_a_capitalised_verb_without_a_number_is_not_a_date() -> None:
    assert find_dates("May the best bidder win, the chairman joked.", REF) == []


def test_mentions_come_in_text_order_with_exact_offsets() -> None:
    text = "On Monday the firm said it agreed on March 3, 2024 to buy a stake; a week earlier it sold one. It plans more by 2030."
    found = find_dates(text, REF)
    assert [m.kind for m in found] == ["weekday", "absolute", "anchored", "horizon"]
    for mention in found:
        assert text[mention.start:mention.end] == mention.text
    assert [m.start for m in found] == sorted(m.start for m in found)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Published: 20 Jun. 2025, 19:55", (date(2025, 6, 20), Precision.DAY)),
        ("Sep 15, 2025 | Posted by Jane Roe", (date(2025, 9, 15), Precision.DAY)),
        ("Oct 24, 2025 12:22 AM", (date(2025, 10, 24), Precision.DAY)),
        ("July 18, 2016, 3:07 AM ET", (date(2016, 7, 18), Precision.DAY)),
        ("DALLAS, March 3, 2022 /PRNewswire/", (date(2022, 3, 3), Precision.DAY)),
        ("2025-09-22T10:15:00+02:00", (date(2025, 9, 22), Precision.DAY)),
        ("March 2024", (date(2024, 3, 1), Precision.MONTH)),
        ("Q3 2025", (date(2025, 7, 1), Precision.QUARTER)),
        ("2015", (date(2015, 1, 1), Precision.YEAR)),
        ("25/09/2025", (date(2025, 9, 25), Precision.DAY)),
        ("nothing here", None),
        ("", None),
    ],
)
def test_parse_date(phrase: str, expected: tuple[date, Precision] | None) -> None:
    assert parse_date(phrase) == expected


def test_parse_date_resolves_relative_phrases_against_the_reference() -> None:
    assert parse_date("yesterday", REF) == (date(2025, 9, 25), Precision.DAY)
    assert parse_date("Monday", REF) == (date(2025, 9, 22), Precision.DAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbor Buys Pier\n\nPublished: 4 Feb. 2024, 08:10\n\nHarbor said it bought Pier.", date(2024, 2, 4)),
        ("Top Deals of 2nd-7th June, 2025\n\nJun 9, 2025 | Posted by A. Writer\n\nBody.", date(2025, 6, 9)),
        ("Bank Sells Unit\n\nMaria Lopez Mar 11, 2024 9:41 AM\n\nThe bank sold it.", date(2024, 3, 11)),
        ("Chip Deal\n\nBy Newswire\nAugust 2, 2021, 6:00 AM ET\n\nThe firm agreed.", date(2021, 8, 2)),
        ("Sale Closed\n\nBOSTON, May 4, 2023 /Wire/ -- The fund closed the sale.", date(2023, 5, 4)),
        ("Funding Round\nUpdated on 12 January 2024\nThe startup raised money.", date(2024, 1, 12)),
    ],
)
def test_find_published_reads_bylines_and_datelines(text: str, expected: date) -> None:
    assert find_published(text) == (expected, Precision.DAY)


@pytest.mark.parametrize(
    "text",
    [
        "Grant Awarded\n\nOn April 25, 2024, the ministry announced a grant to the firm.\n",
        "Chip Act\n\nThe law was signed on August 9, 2022 and created a fund for chips.\n",
        "Leaders look on as ministers sign an agreement in Paris, Thursday, Feb. 6, 2025.\n",
        "A headline only\n\nNo date anywhere here.\n",
        "",
        "\n".join(["A line of text"] * 7) + "\nPublished: 20 Jun. 2025, 19:55\n",
    ],
)
def test_find_published_ignores_body_dates_and_lines_past_the_top(text: str) -> None:
    assert find_published(text) is None


def test_importing_dates_does_not_import_dateparser() -> None:
    code = "import sys, core.extract.dates; print('dateparser' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "value", "precision", "kind"),
    [
        ("The merger was agreed in March last year.", date(2024, 3, 1), Precision.MONTH, "absolute"),
        ("The fund was signed on 4 June last year.", date(2024, 6, 4), Precision.DAY, "absolute"),
        ("The pact was inked in February this year.", date(2025, 2, 1), Precision.MONTH, "absolute"),
        ("The plant opens in March next year.", date(2026, 3, 1), Precision.MONTH, "horizon"),
        ("The deal should close by the end of March.", date(2026, 3, 1), Precision.MONTH, "horizon"),
        ("The deal closed at the end of March.", date(2025, 3, 1), Precision.MONTH, "absolute"),
    ],
)
def test_months_whose_year_is_told_in_words(text: str, value: date, precision: Precision, kind: str) -> None:
    mention = _only(text)
    assert (mention.value, mention.precision, mention.kind) == (value, precision, kind)


def test_a_decade_is_not_a_year() -> None:
    assert find_dates("The miner last explored the area in the late 1990s.", REF) == []
