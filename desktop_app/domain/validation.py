"""Validation of every field a person or a file can give, with the reason in words.

Each validator takes the text as given and returns the value to store, or raises
`Invalid` with a sentence a person understands. Callers attach the row and column
(import) or show the sentence beside the field (forms).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .dates import DateError, check_not_future, parse_claimed_date, parse_timestamp, utc_now
from .records import (
    CATEGORIES,
    CREDIBILITY,
    DEFAULT_CREDIBILITY,
    DEFAULT_IGNORABLE,
    DEFAULT_KIND,
    DEFAULT_QUALIFIER,
    DEFAULT_RELIABILITY,
    EVENT_TYPES,
    QUALIFIERS,
    RELIABILITY,
    SOURCE_KINDS,
    mixed_script_letter,
    name_key,
    tidy,
)

MAX_COUNT = 10**9
MAX_INTEGER = 2**63 - 1  # SQLite's largest integer
_COUNT_PATTERN = re.compile(r"^[0-9]+$")
_URL_PATTERN = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)


class Invalid(ValueError):
    """A value that cannot be accepted; str() is the reason for a person."""


@dataclass(frozen=True)
class FieldProblem:
    """An error or warning at a place in a file: row 1 is the header."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        place = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{place}: {self.message}"


def _one_of(text: str, allowed: tuple[str, ...], what: str, default: str | None = None) -> str:
    value = tidy(text)
    if not value and default is not None:
        return default
    if value not in allowed:
        shown = f"'{value}'" if value else "empty"
        raise Invalid(f"{what} is {shown}: use one of {', '.join(allowed)}")
    return value


def event_type(text: str) -> str:
    return _one_of(text, EVENT_TYPES, "event type")


def category(text: str) -> str:
    return _one_of(text, CATEGORIES, "category")


def qualifier(text: str) -> str:
    return _one_of(text, QUALIFIERS, "count qualifier", DEFAULT_QUALIFIER)


def source_kind(text: str) -> str:
    return _one_of(text, SOURCE_KINDS, "source kind", DEFAULT_KIND)


def reliability(text: str) -> str:
    return _one_of(tidy(text).upper(), tuple(RELIABILITY), "reliability", DEFAULT_RELIABILITY)


def credibility(text: str) -> int:
    value = tidy(text)
    if not value:
        return DEFAULT_CREDIBILITY
    if value not in {str(grade) for grade in CREDIBILITY}:
        raise Invalid(f"credibility is '{value}': use a grade from 1 to 6")
    return int(value)


def count(text: str) -> int:
    value = tidy(text)
    if not value:
        raise Invalid("count is required")
    if not _COUNT_PATTERN.fullmatch(value):
        raise Invalid(
            f"count is '{value}': write a plain non-negative whole number, "
            "without separators or signs (1212, not 1,212)"
        )
    number = _at_most(value, MAX_COUNT)
    if number is None:
        raise Invalid(f"count is {_shown(value)}: more than {MAX_COUNT:,} is not a plausible count")
    return number


def _at_most(digits: str, limit: int) -> int | None:
    """The number that plain `digits` write, or None past `limit`: told by their length
    before int() is asked, which refuses more than 4,300 digits with a ValueError (a
    traceback where the row and column should have been named)."""
    significant = digits.lstrip("0")
    if len(significant) > len(str(limit)):
        return None
    number = int(significant or "0")
    return number if number <= limit else None


def _shown(digits: str) -> str:
    """A number for a message, a long one cut after its first significant digits
    ("111111111111…"; zeros before them read as a zero)."""
    significant = digits.lstrip("0") or "0"
    return significant if len(significant) <= 24 else f"{significant[:12]}…"


# A count as an article prints it: groups of three digits after a comma, a dot, a space,
# a no-break or a thin space ("1,245", "1.245", "1 245"). One separator kind per number.
_GROUPED_COUNT = re.compile(r"\d{1,3}(?:([,. \u00a0\u202f\u2009])\d{3})(?:\1\d{3})*")


def typed_count(text: str) -> int:
    """A count typed by a person: as `count`, or grouped by thousands as printed. Only
    the window accepts this; CSV files keep to plain digits (PRODUCT.md)."""
    value = tidy(text)
    if _GROUPED_COUNT.fullmatch(value):
        return count(re.sub(r"\D", "", value))
    if value and not _COUNT_PATTERN.fullmatch(value):
        raise Invalid(f"count is '{value}': a whole number such as 1245 or 1,245")
    return count(value)


def required_name(text: str, what: str) -> str:
    value = tidy(text)
    if not value:
        raise Invalid(f"{what} is required")
    return value


def one_script(value: str, what: str) -> str:
    """A party's or a source's name whose words each keep to one alphabet: a word that
    mixes Latin and Cyrillic letters looks like another name but is not the same."""
    mixed = mixed_script_letter(value)
    if mixed is not None:
        letter, word = mixed
        script = "Cyrillic" if unicodedata.name(letter, "").startswith("CYRILLIC") else "Latin"
        raise Invalid(
            f"{what} '{value}' mixes Latin and Cyrillic letters: the word '{word}' has the"
            f" {script} letter '{letter}' (U+{ord(letter):04X} {unicodedata.name(letter, '')})"
        )
    return value


def visible_name(text: str, what: str) -> str:
    """A required name that a reader can see, trimmed: a zero-width space alone names no
    source and no party."""
    value = required_name(text, what)
    if not shows_something(value):
        raise Invalid(f"{what} is required")
    return value


def source_name(text: str, what: str = "source") -> str:
    return one_script(visible_name(text, what), what)


def party(text: str, what: str = "party") -> str:
    return one_script(visible_name(text, what), what)


def optional_party(text: str, what: str = "source party") -> str | None:
    """A party or none; one that shows nothing (a zero-width space alone) is none."""
    value = tidy(text)
    return one_script(value, what) if shows_something(value) else None


def parties(from_text: str, to_text: str) -> tuple[str, str]:
    """A flow goes from one party to another, never to the same one."""
    from_party, to_party = party(from_text, "from party"), party(to_text, "to party")
    if name_key(from_party) == name_key(to_party):
        raise Invalid(f"from and to are both '{from_party}': a flow goes between two parties")
    return from_party, to_party


def claimed_date(text: str, today: date | None = None) -> str:
    value = tidy(text)
    if not value:
        raise Invalid("date is required (YYYY-MM-DD, YYYY-MM or YYYY)")
    return _real_past_date(value, today)


def optional_date(text: str, today: date | None = None) -> str:
    value = tidy(text)
    return _real_past_date(value, today) if value else ""


def _real_past_date(value: str, today: date | None) -> str:
    try:
        parse_claimed_date(value)
        check_not_future(value, today)
    except DateError as error:
        raise Invalid(str(error)) from None
    return value


def timestamp(text: str) -> str:
    value = tidy(text)
    try:
        parse_timestamp(value)
    except DateError as error:
        raise Invalid(str(error)) from None
    return value


def write_position(text: str) -> int:
    """A report's or a decision's `seq`: a plain non-negative integer."""
    value = tidy(text)
    if not _COUNT_PATTERN.fullmatch(value):
        raise Invalid(f"seq is '{value}': a plain non-negative whole number")
    number = _at_most(value, MAX_INTEGER)
    if number is None:
        raise Invalid(
            f"seq is {_shown(value)}: more than {MAX_INTEGER:,}, the largest number a ledger holds"
        )
    return number


def past_timestamp(text: str, now: str | None = None) -> str:
    """A UTC time not after now: a time in the future would make a report win every
    later merge against the user's own corrections."""
    value = timestamp(text)
    now = now or utc_now()
    if value > now:  # one fixed form: comparing the texts compares the times
        raise Invalid(f"'{value}' is in the future (it is now {now})")
    return value


def url(text: str) -> str:
    value = tidy(text)
    if value and not _URL_PATTERN.fullmatch(value):
        raise Invalid(f"URL '{value}' must start with http:// or https:// and hold no spaces")
    return value


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def accessed_date(text: str, today: date | None = None) -> str:
    """The day a researcher accessed a piece of evidence: `YYYY-MM-DD`, real, not in the
    future; blank when not given."""
    value = tidy(text)
    if not value:
        return ""
    if _DAY.fullmatch(value) is None:  # the date's own message would offer YYYY-MM and YYYY
        raise Invalid(f"accessed date '{value}' must be a day, YYYY-MM-DD")
    try:
        return _real_past_date(value, today)
    except Invalid as error:
        raise Invalid(f"accessed date: {error}") from None


def archive_url(text: str) -> str:
    """An archive URL as the researcher typed it (never fetched: the program is offline)."""
    try:
        return url(text)
    except Invalid as error:
        raise Invalid(f"archive {error}") from None


def location(text: str) -> str:
    return tidy(text)


def shows_something(text: str) -> bool:
    """Whether a reader sees anything of `text` (a zero-width space alone shows nothing)."""
    return bool(DEFAULT_IGNORABLE.sub("", text).strip())


def rationale(text: str) -> str:
    """A new decision's rationale, kept exactly as written: it must say something a reader
    can see (a zero-width space alone is no trace of why)."""
    if not shows_something(text):
        raise Invalid("a rationale is required: say why this value was decided")
    return text
