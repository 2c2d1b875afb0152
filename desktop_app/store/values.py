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

import re
import sqlite3
from collections.abc import Callable, Iterator
from itertools import chain
from typing import NamedTuple

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
    if isinstance(value, int) and 0 <= value <= MAX_COUNT:
        return None
    return f"is not a count (a whole number from 0 to {MAX_COUNT:,})"


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


# (table, key column, column, the rows it applies to, check of one value): a column whose
# rows follow different rules (a decision's value is a date, a place or a count).
ROW_RULES: tuple[tuple[str, str, str, str, Callable[[object], str | None]], ...] = (
    ("resolutions", "id", "value", "field = 'date'", _claimed_date),
)


def _not_a_time(column: str) -> str:
    """A UTC time as written (YYYY-MM-DDTHH:MM:SSZ), and a real one: SQLite's strftime
    gives NULL for what is no time, and with '+0 days' moves 30 February to March."""
    return f"strftime('%Y-%m-%dT%H:%M:%SZ', {column}, '+0 days') IS NOT {column}"


_TIME = "is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)"
_NAMES_A_FLOW = "field IN ('count', 'direction')"  # a decision that names a flow
_DERIVED = "is not a JSON list (derived state: 'exchange-ledger check --repair' makes it again)"
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
    (
        "settings",
        "key",
        "value",
        "key = 'write_seq' AND (value = '' OR value GLOB '*[^0-9]*' OR length(value) > 18)",
        "is not a whole number: the count of writes, which orders every report and decision",
    ),
)


# The lists the derived state keeps as JSON: made again by `check --repair`, whose
# comparison finds them too; named only where a command met one (see cli).
DERIVED_RULES: tuple[tuple[str, str, str, str, str], ...] = tuple(
    (
        "event_state",
        "event_id",
        column,
        f"NOT json_valid({column}) OR json_type({column}) IS NOT 'array'",
        _DERIVED,
    )
    for column in ("disputes", "reopened", "reversed")
)


class Problem(NamedTuple):
    """A stored value this program cannot read, where it is."""

    table: str
    key: str
    row: object
    column: str | None
    text: str

    def sentence(self) -> str:
        where = f"table {self.table}, row {self.key} {self.row!r}"
        return (
            f"{where}, column {self.column}: {self.text}"
            if self.column
            else f"{where}: {self.text}"
        )


def refused_by_constraints(conn: sqlite3.Connection) -> list[str]:
    """Up to SHOWN sentences, one per value the tables' CHECK constraints refuse (an
    older file, before the upgrade that adds them)."""
    return _first(_checked_values(conn, _columns(conn)))


def unreadable_values(conn: sqlite3.Connection, *, derived: bool = False) -> list[str]:
    """Up to SHOWN sentences, one per value this program cannot read; `derived`: the
    derived state's lists too. Besides the rules above, every CHECK constraint of the
    file's own tables and every reference (`foreign_key_check`): SQLite's
    integrity_check tests neither on a read-only connection, which is how `check` and a
    merge read a file."""
    columns = _columns(conn)
    rules = SQL_RULES + DERIVED_RULES if derived else SQL_RULES
    named = chain(_checked_values(conn, columns), _sql_checked(conn, columns, rules))
    unnamed = chain(_refused_by_checks(conn, columns), _broken_references(conn), _not_utf8(conn))
    return _first(_unique(chain(named, unnamed)))


def _first(problems: Iterator[Problem]) -> list[str]:
    found: list[str] = []
    for problem in problems:
        found.append(problem.sentence())
        if len(found) == SHOWN:
            break
    return found


def _unique(problems: Iterator[Problem]) -> Iterator[Problem]:
    """Each value once, by the first rule that names it: a row a rule has named already
    is not named again by a CHECK of its whole row, nor a column by its own CHECK."""
    rows: set[tuple[str, object]] = set()
    cells: set[tuple[str, object, str | None]] = set()
    for problem in problems:
        row = (problem.table, problem.row)
        if (*row, problem.column) in cells or (problem.column is None and row in rows):
            continue
        rows.add(row)
        cells.add((*row, problem.column))
        yield problem


def _columns(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """(table, column) of every table the file holds: rules on others do not apply (an
    older file, read before its upgrade; a table another program dropped)."""
    return {
        (table, column)
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for (column,) in conn.execute("SELECT name FROM pragma_table_info(?)", (table,))
    }


def _sql_checked(
    conn: sqlite3.Connection,
    columns: set[tuple[str, str]],
    rules: tuple[tuple[str, str, str, str, str], ...],
) -> Iterator[Problem]:
    for table, key, column, refused, reason in rules:
        if (table, column) not in columns:
            continue
        rows = conn.execute(
            f"SELECT {key}, {column} FROM {table} WHERE {refused} ORDER BY {key} LIMIT {SHOWN}"
        )
        for row_key, value in rows:
            yield Problem(table, key, row_key, column, f"{value!r} {reason}")


def _checked_values(conn: sqlite3.Connection, columns: set[tuple[str, str]]) -> Iterator[Problem]:
    everywhere = [(table, key, column, "1", check) for table, key, column, check in RULES]
    for table, key, column, which, check in (*everywhere, *ROW_RULES):
        if (table, column) not in columns:
            continue
        distinct = conn.execute(f"SELECT DISTINCT {column} FROM {table} WHERE {which}")
        bad = [value for (value,) in distinct.fetchall() if check(value) is not None]
        for value in bad:
            reason = check(value)
            rows = conn.execute(
                f"SELECT {key} FROM {table} WHERE {which} AND {column} IS ?"
                f" ORDER BY {key} LIMIT {SHOWN}",
                (value,),
            )
            for (row_key,) in rows:
                yield Problem(table, key, row_key, column, f"{value!r} {reason}")


def _refused_by_checks(
    conn: sqlite3.Connection, columns: set[tuple[str, str]]
) -> Iterator[Problem]:
    """The rows each CHECK constraint of the file's tables refuses, as SQLite would at a
    write: false, not NULL."""
    for table, sql in _tables(conn):
        key = _row_key(conn, table)
        try:
            checks = table_checks(sql)
        except ValueError:  # a definition another program garbled: SQLite names it
            continue
        for column, expression in checks:
            shown = column if (table, column or "") in columns else None
            try:
                rows = conn.execute(
                    f'SELECT "{key}", {_quoted(shown) if shown else "NULL"} FROM "{table}"'
                    f" WHERE NOT ({expression}) LIMIT {SHOWN}"
                ).fetchall()
            except sqlite3.Error:
                continue  # a constraint this SQLite cannot evaluate alone
            rule = f"CHECK ({_cut(expression)})"
            for row_key, value in rows:
                text = f"{value!r} is refused by {rule}" if shown else f"refused by {rule}"
                yield Problem(table, key, row_key, shown, text)


def _broken_references(conn: sqlite3.Connection) -> Iterator[Problem]:
    """Each reference to a row the file does not hold: `PRAGMA foreign_key_check` says
    which references of which tables are broken (a table without rowids gets no row
    named), and one query per reference names the rows and their values."""
    try:
        broken = sorted(
            {(table, fkid) for table, _, _, fkid in conn.execute("PRAGMA foreign_key_check")}
        )
    except sqlite3.Error:
        return
    for table, fkid in broken:
        key = _row_key(conn, table)
        references = conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
        for _, _, parent, column, parent_column, *_ in [r for r in references if r[0] == fkid]:
            target = parent_column or _row_key(conn, parent)
            rows = conn.execute(
                f'SELECT "{key}", "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'
                f' AND "{column}" NOT IN (SELECT "{target}" FROM "{parent}") LIMIT {SHOWN}'
            )
            for row_key, value in rows:
                text = f"{value!r} names no row of table {parent}"
                yield Problem(table, key, row_key, column, text)


# Made again from the others (`check --repair`), or copies of their texts: a text there
# that is not UTF-8 is named where it was stored.
_DERIVED_TABLES = ("event_state", "flow_state", "exchange_days", "event_search")


def _not_utf8(conn: sqlite3.Connection) -> Iterator[Problem]:
    """Texts whose bytes are not UTF-8 (another program cast bytes to text): SQLite keeps
    and gives them as they are, an export wrote them into files no reader decodes, and
    a command that reads them ended in a traceback or in an error naming no row."""
    tables = [table for table, _ in _tables(conn) if not table.startswith(_DERIVED_TABLES)]
    factory = conn.text_factory
    conn.text_factory = bytes
    try:
        for table in tables:
            yield from _not_utf8_in(conn, table)
    finally:
        conn.text_factory = factory


def _not_utf8_in(conn: sqlite3.Connection, table: str) -> Iterator[Problem]:
    """Each row's text columns joined (SQLite's bytes kept as they are) and decoded at
    once, or a whole table's where its rows have no rowid; the columns of a row whose
    text does not decode, one by one (1.7 s at 300,000 reports a value at a time, 0.3 s
    so)."""
    texts = [
        str(row[1], "utf-8")
        for row in conn.execute(f'PRAGMA table_info("{table}")')
        if str(row[2], "utf-8").upper() == "TEXT"
    ]
    if not texts:
        return
    joined = " || ".join(f"COALESCE({_quoted(column)}, '')" for column in texts)
    try:
        suspects = [
            rowid
            for rowid, whole in conn.execute(f'SELECT rowid, CAST({joined} AS BLOB) FROM "{table}"')
            if not _decodes(whole)
        ]
        where = f"rowid IN ({', '.join(map(str, suspects))})"
    except sqlite3.OperationalError:  # WITHOUT ROWID
        (whole,) = conn.execute(
            f"SELECT CAST(group_concat({joined}, '') AS BLOB) FROM \"{table}\""
        ).fetchone()
        suspects = [] if whole is None or _decodes(whole) else [None]
        where = "1"
    if not suspects:
        return
    key = _row_key(conn, table)
    selected = ", ".join(_quoted(column) for column in texts)
    for row_key, *values in conn.execute(
        f'SELECT "{key}", {selected} FROM "{table}" WHERE {where}'
    ):
        shown = row_key.decode("utf-8", "replace") if isinstance(row_key, bytes) else row_key
        for column, value in zip(texts, values, strict=True):
            if isinstance(value, bytes) and not _decodes(value):
                yield Problem(table, key, shown, column, "holds bytes that are not UTF-8")


def _decodes(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _tables(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, CREATE TABLE statement) of the file's own tables (not its virtual ones)."""
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%'"
        " AND name NOT LIKE 'sqlite%' ORDER BY name"
    ).fetchall()


def _row_key(conn: sqlite3.Connection, table: str) -> str:
    """The column that names a row of `table` in a sentence: its own key, the first of
    a key of several columns, or else its rowid."""
    keys = sorted(
        (row[5], row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")') if row[5]
    )
    if not keys:
        return "rowid"
    name = keys[0][1]  # bytes while `_not_utf8` reads the file's bytes
    return name.decode("utf-8") if isinstance(name, bytes) else str(name)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _cut(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def table_checks(sql: str) -> list[tuple[str | None, str]]:
    """The CHECK constraints of a CREATE TABLE statement: (its column, or None for one of
    the whole row, and its expression). Read where no quote or comment stands (a
    DEFAULT 'no CHECK (x)' or a `-- CHECK (done) by hand` is none), the expression taken
    from the statement as written."""
    masked = _masked(sql)
    start = masked.index("(")
    found = []
    for begin, end in _top_level(masked, start + 1, _closing(masked, start)):
        words = sql[begin:end].split()
        first = words[0].strip('"`[]') if words else ""
        column = None if first.upper() in _TABLE_CONSTRAINTS else first
        for match in _CHECK.finditer(masked, begin, end):
            opening = match.end() - 1
            found.append((column, sql[opening + 1 : _closing(masked, opening)]))
    return found


_TABLE_CONSTRAINTS = {"CONSTRAINT", "CHECK", "PRIMARY", "UNIQUE", "FOREIGN"}
_CHECK = re.compile(r"\bCHECK\s*\(", re.IGNORECASE)
# A quoted text or name, or a comment: what `_masked` blanks out.
_QUOTED_OR_COMMENT = re.compile(
    r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|\[[^\]]*\]|--[^\n]*|/\*.*?(?:\*/|\Z)", re.S
)


def _masked(sql: str) -> str:
    """`sql` with every quoted text or name and every comment made spaces, at the same
    positions: parentheses, commas and words there are none of the statement's."""
    return _QUOTED_OR_COMMENT.sub(lambda match: " " * len(match.group()), sql)


def _closing(text: str, opening: int) -> int:
    """The position of the parenthesis that closes the one at `opening` (`text` masked)."""
    depth = 0
    for position in range(opening, len(text)):
        depth += _DEPTH.get(text[position], 0)
        if depth == 0:
            return position
    raise ValueError("unbalanced parentheses")


def _top_level(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the comma-separated parts of `text[start:end]` (masked) begin and end."""
    parts, depth, begin = [], 0, start
    for position in range(start, end):
        depth += _DEPTH.get(text[position], 0)
        if text[position] == "," and depth == 0:
            parts.append((begin, position))
            begin = position + 1
    parts.append((begin, end))
    return parts


_DEPTH = {"(": 1, ")": -1}
