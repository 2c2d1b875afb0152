"""Claimed dates: a day, a month or a year, and the periods they cover.

A report may claim `2025-06-11`, `2025-06` or `2025`. Each names a period; two dates
agree when their periods overlap, and a vaguer date sits on the first day of its
period when it is charted.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

_PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
# The form of a UTC time, in the syntax both Python and RE2 (an import's whole columns) read.
TIMESTAMP_FORM = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
_TIMESTAMP_PATTERN = re.compile(TIMESTAMP_FORM)


class DateError(ValueError):
    """A text that is not a claimed date; the message says why, for a person."""


@dataclass(frozen=True, order=True)
class Period:
    """The days a claimed date covers, first and last included."""

    first: date
    last: date

    def overlaps(self, other: Period) -> bool:
        return self.first <= other.last and other.first <= self.last


@functools.lru_cache(maxsize=1 << 14)
def parse_claimed_date(text: str) -> Period:
    """Parse `YYYY-MM-DD`, `YYYY-MM` or `YYYY` into the period it covers."""
    match = _PATTERN.fullmatch(text)
    if not match:
        raise DateError(f"'{text}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if year < 1:
        raise DateError(f"'{text}' is not a real date")
    if month is None:
        return Period(date(year, 1, 1), date(year, 12, 31))
    if not 1 <= month <= 12:
        raise DateError(f"'{text}' is not a real date: there is no month {month}")
    month_days = calendar.monthrange(year, month)[1]
    if day is None:
        return Period(date(year, month, 1), date(year, month, month_days))
    if not 1 <= day <= month_days:
        raise DateError(f"'{text}' is not a real date: {year}-{month:02d} has {month_days} days")
    day_date = date(year, month, day)
    return Period(day_date, day_date)


def precision(text: str) -> int:
    """3 for a day, 2 for a month, 1 for a year (the text must be a valid date)."""
    return text.count("-") + 1


def chart_day(text: str) -> str:
    """The day a claimed date is charted on: the first day of its period."""
    return parse_claimed_date(text).first.isoformat()


def dates_agree(a: str, b: str) -> bool:
    return parse_claimed_date(a).overlaps(parse_claimed_date(b))


def check_not_future(text: str, today: date | None = None) -> None:
    """A date is in the future when its period starts after today."""
    today = today or date.today()
    if parse_claimed_date(text).first > today:
        raise DateError(f"'{text}' is in the future (today is {today.isoformat()})")


def parse_timestamp(text: str) -> datetime:
    """Parse a UTC time written as `YYYY-MM-DDTHH:MM:SSZ`."""
    if not _TIMESTAMP_PATTERN.fullmatch(text):
        raise DateError(f"'{text}' is not a UTC time: use YYYY-MM-DDTHH:MM:SSZ")
    try:  # the pattern fixed every position; the constructor checks the values (fast)
        return datetime(
            int(text[0:4]),
            int(text[5:7]),
            int(text[8:10]),
            int(text[11:13]),
            int(text[14:16]),
            int(text[17:19]),
            tzinfo=UTC,
        )
    except ValueError as error:
        raise DateError(f"'{text}' is not a real time") from error


def real_days_and_times(days: Iterable[str], moments: Iterable[str]) -> bool:
    """Whether each `YYYY-MM-DD` is a real day and each `HH:MM:SS` a real time of day,
    their form checked already: what `parse_timestamp` asks of texts of TIMESTAMP_FORM,
    for an import that checks a column's 100,000s of times by their distinct parts."""
    try:
        for day in days:
            date(int(day[0:4]), int(day[5:7]), int(day[8:10]))
        for moment in moments:
            time(int(moment[0:2]), int(moment[3:5]), int(moment[6:8]))
    except ValueError:
        return False
    return True


def utc_now() -> str:
    return datetime.now(UTC).strftime(TIMESTAMP_FORMAT)
