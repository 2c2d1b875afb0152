"""Stored values this program cannot read, as another program may have written them (the
`sqlite3` shell, Datasette): each named by table, row and column, never a traceback.

What the rules refuse at entry is looked for here too: dates that are not dates, grades,
kinds, categories and qualifiers outside their lists, counts that are not non-negative
whole numbers. Distinct texts are checked in Python once each; the rest is SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from ..domain.dates import DateError, parse_claimed_date
from ..domain.records import (
    CATEGORIES,
    CREDIBILITY,
    EVENT_TYPES,
    QUALIFIERS,
    RELIABILITY,
    SOURCE_KINDS,
)

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


def unreadable_values(conn: sqlite3.Connection) -> list[str]:
    """Up to SHOWN sentences, one per value this program cannot read."""
    found: list[str] = []
    for problem in _problems(conn):
        found.append(problem)
        if len(found) == SHOWN:
            break
    return found


def _problems(conn: sqlite3.Connection) -> Iterator[str]:
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
