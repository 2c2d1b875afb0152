"""Stored values this program cannot read, as another program may have written them (the
`sqlite3` shell, Datasette): each named by table, row and column, never a traceback.

What the rules refuse at entry is looked for here too: dates that are not dates, grades,
kinds, categories and qualifiers outside their lists, counts that are not non-negative
whole numbers, times that are not UTC times, a decided count that is not one, a decision
on a flow that names none, a dismissal of another value, a report
that names an event or a source the file does not hold, derived lists that are not JSON.
Distinct texts are checked in Python once each; the rest is SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from itertools import chain

from ..domain.dates import DateError, parse_claimed_date
from ..domain.records import (
    CATEGORIES,
    CREDIBILITY,
    EVENT_TYPES,
    QUALIFIERS,
    RELIABILITY,
    SOURCE_KINDS,
)
from ..domain.rules import DISMISSED
from ..domain.validation import MAX_COUNT

SHOWN = 50


def _one_of(allowed: tuple[object, ...]) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if value in allowed:
            return None
        return "is not one of " + ", ".join(map(str, allowed))

    return check


def _claimed_date(value: object) -> str | None:
    if not isinstance(value, str):
        return "is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
    try:
        parse_claimed_date(value)
    except DateError:
        return "is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
    return None


def _optional_date(value: object) -> str | None:
    return None if value in ("", None) else _claimed_date(value)


def _count(value: object) -> str | None:
    if isinstance(value, int) and value >= 0:
        return None
    return "is not a count (a whole number, 0 or more)"


# (table, key column that names the row, column, check of one value)
RULES: tuple[tuple[str, str, str, Callable[[object], str | None]], ...] = (
    ("events", "id", "type", _one_of(EVENT_TYPES)),
    ("reports", "id", "claimed_date", _claimed_date),
    ("reports", "id", "published", _optional_date),
    ("reports", "id", "credibility", _one_of(tuple(CREDIBILITY))),
    ("sources", "id", "kind", _one_of(SOURCE_KINDS)),
    ("sources", "id", "reliability", _one_of(tuple(RELIABILITY))),
    ("flows", "report_id", "category", _one_of(CATEGORIES)),
    ("flows", "report_id", "count", _count),
    ("flows", "report_id", "qualifier", _one_of(QUALIFIERS)),
    ("resolutions", "id", "field", _one_of(("date", "location", "count", "direction"))),
)


def _not_a_time(column: str) -> str:
    """A UTC time as written (YYYY-MM-DDTHH:MM:SSZ), and a real one: SQLite's strftime
    gives NULL for what is no time, and with '+0 days' moves 30 February to March."""
    return f"strftime('%Y-%m-%dT%H:%M:%SZ', {column}, '+0 days') IS NOT {column}"


_TIME = "is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)"
_NAMES_A_FLOW = "field IN ('count', 'direction')"  # a decision that names a flow
_DERIVED = "is not JSON (derived state: 'exchange-ledger check --repair' makes it again)"
# (table, key column, column, SQL true of a row whose value is refused, why): what a
# look at each distinct value would make slow (times are nearly all distinct).
SQL_RULES: tuple[tuple[str, str, str, str, str], ...] = (
    ("reports", "id", "recorded_at", _not_a_time("recorded_at"), _TIME),
    ("reports", "id", "updated_at", _not_a_time("updated_at"), _TIME),
    ("resolutions", "id", "resolved_at", _not_a_time("resolved_at"), _TIME),
    (
        "resolutions",
        "id",
        "withdrawn_at",
        f"withdrawn_at IS NOT NULL AND {_not_a_time('withdrawn_at')}",
        _TIME,
    ),
    (
        "resolutions",
        "id",
        "value",
        f"field = 'count' AND (value = '' OR value GLOB '*[^0-9]*' OR length(value) > 10"
        f" OR CAST(value AS INTEGER) > {MAX_COUNT})",
        f"is not a count (a whole number from 0 to {MAX_COUNT:,})",
    ),
    (
        "resolutions",
        "id",
        "value",
        f"field = 'direction' AND value IS NOT '{DISMISSED}'",
        f"is not '{DISMISSED}', the one value of a direction decision",
    ),
    (
        "resolutions",
        "id",
        "value",
        "field = 'location' AND trim(value) = ''",
        "is empty: a location decision names a place",
    ),
    *(
        (
            "resolutions",
            "id",
            column,
            f"{_NAMES_A_FLOW} AND trim({column}) = ''",
            "is empty: a count or a direction decision names a flow",
        )
        for column in ("from_party", "to_party")
    ),
    (
        "resolutions",
        "id",
        "to_party",
        f"{_NAMES_A_FLOW} AND to_party = from_party AND trim(to_party) <> ''",
        "is its from_party: a flow goes from one party to another",
    ),
    (
        "resolutions",
        "id",
        "category",
        f"{_NAMES_A_FLOW} AND category NOT IN ({', '.join(repr(c) for c in CATEGORIES)})",
        "is not one of " + ", ".join(CATEGORIES),
    ),
    (
        "reports",
        "id",
        "event_id",
        "event_id NOT IN (SELECT id FROM events)",
        "names no event of the file",
    ),
    (
        "reports",
        "id",
        "source_id",
        "source_id NOT IN (SELECT id FROM sources)",
        "names no source of the file",
    ),
)


# The lists the derived state keeps as JSON: made again by `check --repair`, whose
# comparison finds them too; named only where a command met one (see cli).
DERIVED_RULES: tuple[tuple[str, str, str, str, str], ...] = (
    ("event_state", "event_id", "disputes", "NOT json_valid(disputes)", _DERIVED),
    ("event_state", "event_id", "reopened", "NOT json_valid(reopened)", _DERIVED),
    ("event_state", "event_id", "reversed", "NOT json_valid(reversed)", _DERIVED),
)


def refused_by_constraints(conn: sqlite3.Connection) -> list[str]:
    """Up to SHOWN sentences, one per value the tables' CHECK constraints refuse (an
    older file, before the upgrade that adds them)."""
    return _first(_checked_values(conn))


def unreadable_values(conn: sqlite3.Connection, *, derived: bool = False) -> list[str]:
    """Up to SHOWN sentences, one per value this program cannot read; `derived`: the
    derived state's lists too."""
    rules = SQL_RULES + DERIVED_RULES if derived else SQL_RULES
    return _first(chain(_checked_values(conn), _sql_checked(conn, rules)))


def _first(problems: Iterator[str]) -> list[str]:
    found: list[str] = []
    for problem in problems:
        found.append(problem)
        if len(found) == SHOWN:
            break
    return found


def _sql_checked(
    conn: sqlite3.Connection, rules: tuple[tuple[str, str, str, str, str], ...]
) -> Iterator[str]:
    columns = {
        (table, column)
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for (column,) in conn.execute("SELECT name FROM pragma_table_info(?)", (table,))
    }
    for table, key, column, refused, reason in rules:
        if (table, column) not in columns:  # an older file, read before its upgrade
            continue
        rows = conn.execute(
            f"SELECT {key}, {column} FROM {table} WHERE {refused} ORDER BY {key} LIMIT {SHOWN}"
        )
        for row_key, value in rows:
            yield f"table {table}, row {key} {row_key!r}, column {column}: {value!r} {reason}"


def _checked_values(conn: sqlite3.Connection) -> Iterator[str]:
    for table, key, column, check in RULES:
        distinct = conn.execute(f"SELECT DISTINCT {column} FROM {table}").fetchall()
        bad = [value for (value,) in distinct if check(value) is not None]
        for value in bad:
            reason = check(value)
            rows = conn.execute(
                f"SELECT {key} FROM {table} WHERE {column} IS ? ORDER BY {key} LIMIT {SHOWN}",
                (value,),
            )
            for (row_key,) in rows:
                yield f"table {table}, row {key} {row_key!r}, column {column}: {value!r} {reason}"
