"""Claimed dates (a day, a month or a year) as periods: PRODUCT.md, "Words"."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.dates import (
    DateError,
    Period,
    chart_day,
    check_not_future,
    dates_agree,
    parse_claimed_date,
    parse_timestamp,
    precision,
    utc_now,
)

# --- parsing ------------------------------------------------------------------------------


def test_a_day_is_a_one_day_period() -> None:
    assert parse_claimed_date("2025-06-11") == Period(date(2025, 6, 11), date(2025, 6, 11))


def test_a_month_covers_all_its_days() -> None:
    assert parse_claimed_date("2025-06") == Period(date(2025, 6, 1), date(2025, 6, 30))
    assert parse_claimed_date("2025-01") == Period(date(2025, 1, 1), date(2025, 1, 31))


def test_february_has_29_days_in_a_leap_year_only() -> None:
    assert parse_claimed_date("2024-02").last == date(2024, 2, 29)
    assert parse_claimed_date("2023-02").last == date(2023, 2, 28)
    assert parse_claimed_date("2024-02-29").first == date(2024, 2, 29)
    with pytest.raises(DateError, match="28 days"):
        parse_claimed_date("2023-02-29")


def test_a_year_covers_first_january_to_last_december() -> None:
    assert parse_claimed_date("2025") == Period(date(2025, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2025-02-30", "28 days"),
        ("2025-04-31", "30 days"),
        ("2025-13", "month 13"),
        ("2025-00", "month 0"),
        ("2025-06-00", "30 days"),
        ("2025-13-01", "month 13"),
        ("0000", "not a real date"),
    ],
)
def test_dates_that_do_not_exist_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(DateError) as error:
        parse_claimed_date(text)
    assert text in str(error.value)
    assert reason in str(error.value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "25",
        "2025-6",
        "2025-6-1",
        "2025-06-1",
        "11/06/2025",
        "11.06.2025",
        "2025/06/11",
        "20250611",
        "2025-06-11T10:00:00Z",
        "2025-06-11 ",
        " 2025-06-11",
        "June 2025",
        "2025-W24",
        "-2025",
        "12025",
    ],
)
def test_texts_that_are_not_in_a_claimed_date_format_are_refused(text: str) -> None:
    with pytest.raises(DateError, match="YYYY-MM-DD, YYYY-MM or YYYY"):
        parse_claimed_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "２０２５-０６-１１",  # fullwidth digits
        "٢٠٢٥-٠٦-١١",  # Arabic-Indic digits
        "２０２５",
        "2025-06-11\n",  # a trailing line break is not part of YYYY-MM-DD
    ],
)
def test_only_iso_ascii_digits_make_a_claimed_date(text: str) -> None:
    """PRODUCT.md: claimed dates are `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, exported as ISO dates.

    Other Unicode digits would be stored as given and then compared as text (the event
    date is the *earliest* claimed date, chosen by comparing the texts).
    """
    with pytest.raises(DateError):
        parse_claimed_date(text)


def test_precision_counts_the_parts_of_a_date() -> None:
    assert precision("2025-06-11") == 3
    assert precision("2025-06") == 2
    assert precision("2025") == 1


# --- agreement: two dates agree when their periods overlap -------------------------------


def test_a_vaguer_month_agrees_with_a_day_inside_it() -> None:
    assert dates_agree("2023-08", "2023-08-07")
    assert dates_agree("2023-08-07", "2023-08")


def test_a_year_agrees_with_any_day_and_month_of_it() -> None:
    assert dates_agree("2023", "2023-08-07")
    assert dates_agree("2023-12", "2023")
    assert dates_agree("2023", "2023-12-31")


def test_neighbouring_days_disagree() -> None:
    assert not dates_agree("2023-08-06", "2023-08-07")
    assert not dates_agree("2023-08-07", "2023-08-06")


def test_a_day_outside_a_month_disagrees_with_it() -> None:
    assert not dates_agree("2023-07", "2023-08-01")
    assert not dates_agree("2023-07-31", "2023-08")
    assert not dates_agree("2022", "2023-01-01")
    assert not dates_agree("2022-12", "2023")


def test_identical_dates_agree() -> None:
    for text in ("2023-08-07", "2023-08", "2023"):
        assert dates_agree(text, text)


def test_different_months_and_years_disagree() -> None:
    assert not dates_agree("2023-08", "2023-09")
    assert not dates_agree("2023", "2024")


def test_periods_overlap_when_they_share_a_single_day() -> None:
    assert Period(date(2025, 1, 1), date(2025, 1, 31)).overlaps(
        Period(date(2025, 1, 31), date(2025, 2, 28))
    )
    assert not Period(date(2025, 1, 1), date(2025, 1, 30)).overlaps(
        Period(date(2025, 1, 31), date(2025, 2, 28))
    )


# --- charting ----------------------------------------------------------------------------


def test_a_vaguer_date_is_charted_on_the_first_day_of_its_period() -> None:
    assert chart_day("2025-06-11") == "2025-06-11"
    assert chart_day("2025-06") == "2025-06-01"
    assert chart_day("2025") == "2025-01-01"


# --- the future --------------------------------------------------------------------------

TODAY = date(2025, 6, 15)


def test_today_is_not_in_the_future() -> None:
    check_not_future("2025-06-15", TODAY)


def test_the_past_is_not_in_the_future() -> None:
    check_not_future("2025-06-14", TODAY)
    check_not_future("2024-12-31", TODAY)
    check_not_future("1999", TODAY)


def test_tomorrow_is_in_the_future() -> None:
    with pytest.raises(DateError, match="future") as error:
        check_not_future("2025-06-16", TODAY)
    assert "2025-06-16" in str(error.value)


def test_the_current_month_and_year_are_not_in_the_future() -> None:
    """Their periods start before today even though they end after it."""
    check_not_future("2025-06", TODAY)
    check_not_future("2025", TODAY)


def test_a_month_or_year_that_starts_after_today_is_in_the_future() -> None:
    with pytest.raises(DateError, match="future"):
        check_not_future("2025-07", TODAY)
    with pytest.raises(DateError, match="future"):
        check_not_future("2026", TODAY)


def test_a_month_starting_today_is_not_in_the_future() -> None:
    check_not_future("2025-07", date(2025, 7, 1))
    check_not_future("2026", date(2026, 1, 1))


def test_the_real_today_is_the_default() -> None:
    check_not_future(date.today().isoformat())
    with pytest.raises(DateError, match="future"):
        check_not_future((date.today() + timedelta(days=2)).isoformat())


def test_check_not_future_refuses_an_unreal_date() -> None:
    with pytest.raises(DateError):
        check_not_future("2025-02-30", TODAY)


# --- UTC timestamps ----------------------------------------------------------------------


def test_a_utc_timestamp_is_parsed_as_an_aware_utc_time() -> None:
    parsed = parse_timestamp("2025-06-11T09:30:05Z")
    assert parsed == datetime(2025, 6, 11, 9, 30, 5, tzinfo=UTC)
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "text",
    [
        "2025-06-11",
        "2025-06-11T09:30:05",
        "2025-06-11T09:30Z",
        "2025-06-11 09:30:05Z",
        "2025-06-11T09:30:05+00:00",
        "2025-06-11T09:30:05.123Z",
        "2025-06-11t09:30:05z",
        " 2025-06-11T09:30:05Z",
    ],
)
def test_timestamps_in_another_format_are_refused(text: str) -> None:
    with pytest.raises(DateError, match="YYYY-MM-DDTHH:MM:SSZ"):
        parse_timestamp(text)


@pytest.mark.parametrize(
    "text",
    [
        "2025-02-30T10:00:00Z",
        "2025-13-01T10:00:00Z",
        "2025-06-11T24:00:00Z",
        "2025-06-11T10:60:00Z",
    ],
)
def test_timestamps_that_do_not_exist_are_refused(text: str) -> None:
    with pytest.raises(DateError, match="not a real time"):
        parse_timestamp(text)


@pytest.mark.parametrize(
    "text", ["２０２５-06-11T10:00:00Z", "2025-06-11T١٠:00:00Z", "2025-06-11T10:00:00Z\n"]
)
def test_only_ascii_digits_make_a_utc_timestamp(text: str) -> None:
    """PRODUCT.md: times are UTC `YYYY-MM-DDTHH:MM:SSZ`; other Unicode digits are not."""
    with pytest.raises(DateError):
        parse_timestamp(text)


def test_utc_now_is_written_in_the_timestamp_format_and_is_now() -> None:
    text = utc_now()
    assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z", text)
    assert abs(parse_timestamp(text) - datetime.now(UTC)) < timedelta(seconds=5)


# --- properties --------------------------------------------------------------------------

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def _texts(day: date) -> tuple[str, str, str]:
    return day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]


@given(days)
@settings(max_examples=200)
def test_each_precision_of_a_day_contains_it_and_charts_on_its_first_day(day: date) -> None:
    as_day, as_month, as_year = _texts(day)
    assert parse_claimed_date(as_day) == Period(day, day)
    month = parse_claimed_date(as_month)
    year = parse_claimed_date(as_year)
    assert month.first == day.replace(day=1) <= day <= month.last
    assert (month.last + timedelta(days=1)).day == 1
    assert year == Period(date(day.year, 1, 1), date(day.year, 12, 31))
    assert chart_day(as_month) == day.replace(day=1).isoformat()
    assert chart_day(as_year) == f"{day.year:04d}-01-01"
    # a day agrees with its own month and year
    assert dates_agree(as_day, as_month) and dates_agree(as_day, as_year)


@given(days, days, st.sampled_from([0, 1, 2]), st.sampled_from([0, 1, 2]))
@settings(max_examples=200)
def test_dates_agree_exactly_when_they_share_a_day(a: date, b: date, pa: int, pb: int) -> None:
    text_a, text_b = _texts(a)[pa], _texts(b)[pb]

    def covered(text: str) -> set[date]:
        period = parse_claimed_date(text)
        return {
            period.first + timedelta(days=offset)
            for offset in range((period.last - period.first).days + 1)
        }

    shares_a_day = bool(covered(text_a) & covered(text_b))
    assert dates_agree(text_a, text_b) is shares_a_day
    assert dates_agree(text_b, text_a) is shares_a_day


@given(days, days, st.sampled_from([0, 1, 2]))
@settings(max_examples=200)
def test_a_date_is_future_exactly_when_its_period_starts_after_today(
    claimed: date, today: date, precision_index: int
) -> None:
    text = _texts(claimed)[precision_index]
    starts_after_today = parse_claimed_date(text).first > today
    if starts_after_today:
        with pytest.raises(DateError):
            check_not_future(text, today)
    else:
        check_not_future(text, today)
