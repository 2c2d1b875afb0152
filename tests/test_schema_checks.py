"""The tables' CHECK constraints as version 14 writes them: they refuse exactly what the
constraints of versions 9 to 13 refused, and an older file is brought to them in place."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from conftest import EXAMPLE_CSV, REPORTS_HEADER, report_row, write_csv
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.records import (
    CATEGORIES,
    CREDIBILITY,
    EVENT_TYPES,
    QUALIFIERS,
    RELIABILITY,
    SOURCE_KINDS,
)
from desktop_app.domain.validation import MAX_COUNT
from desktop_app.store import schema
from desktop_app.store.check import check
from desktop_app.store.database import backup_path
from desktop_app.store.importer import apply_import, plan_import
from desktop_app.store.ledger import Ledger
from desktop_app.store.values import table_checks

DATE_COLUMNS = ("claimed_date", "published", "value")


def passes(connection: sqlite3.Connection, check_sql: str, value: object) -> bool:
    """Whether a CHECK of `check_sql` lets `value` through (it refuses only a false)."""
    result = connection.execute(f"SELECT {check_sql} FROM (SELECT ? AS v)", (value,)).fetchone()
    return result[0] is None or bool(result[0])


def candidate_dates() -> list[str]:
    """Every month and day number, real or not, of years that test the leap rule, and
    the shapes around them."""
    days = [
        f"{year}-{month:02d}-{day:02d}"
        for year in ("0000", "0001", "1900", "2000", "2023", "2024", "2100", "9999")
        for month in range(100)
        for day in range(100)
    ]
    months = [f"{year}-{month:02d}" for year in ("0000", "2024", "9999") for month in range(100)]
    odd = ["", "2024", "202", "20245", "2024-1", "2024-1-01", "2024-01-1", "-001-01-01"]
    odd += [" 2024-01-01", "2024-01-01 ", "2024/01/01", "2024-01-01T00:00", "abcd", "２０２４"]
    return days + months + odd


def test_a_date_check_refuses_what_it_refused_before() -> None:
    connection = sqlite3.connect(":memory:")
    values = candidate_dates()
    old, new = schema._claimed_v9("v"), schema._claimed("v")
    differ = [
        value
        for value in values
        if passes(connection, old, value) != passes(connection, new, value)
    ]
    assert differ == []
    assert passes(connection, new, "2024-02-29") and not passes(connection, new, "2023-02-29")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-: T/a", max_size=12))
def test_a_date_check_refuses_what_it_refused_before_whatever_the_text(value: str) -> None:
    connection = sqlite3.connect(":memory:")
    old, new = schema._claimed_v9("v"), schema._claimed("v")
    assert passes(connection, old, value) == passes(connection, new, value)


def test_a_list_check_refuses_what_it_refused_before() -> None:
    connection = sqlite3.connect(":memory:")
    for values in (CATEGORIES, QUALIFIERS, EVENT_TYPES, SOURCE_KINDS, (0, 1)):
        old = f"v IN ({', '.join(repr(value) for value in values)})"
        new = schema._one_of("v", tuple(values))
        assert new.startswith("CHECK (") and new.endswith(")")
        candidates = [*values, "", " pows", "POWS", "pow", "other ", 2, -1, "0", "1", None]
        for value in candidates:
            assert passes(connection, old, value) == passes(connection, new[6:], value), value


def as_version_13(sql: str) -> str:
    """A table's definition as versions 9 to 13 wrote it."""
    for column in DATE_COLUMNS:
        sql = sql.replace(schema._claimed(column), schema._claimed_v9(column))

    def in_list(match: re.Match[str]) -> str:
        column = match.group(1)
        return f"CHECK ({column} IN ({', '.join(match.group(2).split(f' OR {column} = '))}))"

    return re.sub(r"CHECK \((\w+) = ((?:'[^']*'|\d+)(?: OR \1 = (?:'[^']*'|\d+))*)\)", in_list, sql)


def table_definitions(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"
        )
        return dict(rows.fetchall())
    finally:
        connection.close()


def test_version_13_wrote_the_slow_constraints_that_this_test_replays() -> None:
    """The replay below is only as good as its picture of version 13."""
    old = as_version_13(f"CREATE TABLE t (c TEXT {schema._one_of('c', CATEGORIES)})")
    assert old == "CREATE TABLE t (c TEXT CHECK (c IN ('bodies', 'pows', 'civilians', 'other')))"
    assert schema.faster_checks_sql(old) == (
        f"CREATE TABLE t (c TEXT {schema._one_of('c', CATEGORIES)})"
    )


def test_a_version_13_file_gets_the_faster_constraints_in_place(tmp_path: Path) -> None:
    fresh, old = tmp_path / "fresh.db", tmp_path / "old.db"
    for path in (fresh, old):
        with Ledger.open(path) as ledger:
            apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "t"), "t")
    expected = table_definitions(fresh)
    assert not any(" IN (" in sql for sql in expected.values())
    connection = sqlite3.connect(old, isolation_level=None)
    schema_version = connection.execute("PRAGMA schema_version").fetchone()[0]
    connection.execute("PRAGMA writable_schema = ON")
    for name, sql in expected.items():
        connection.execute(
            "UPDATE sqlite_master SET sql = ? WHERE name = ?", (as_version_13(sql), name)
        )
    connection.execute(f"PRAGMA schema_version = {schema_version + 1}")
    connection.execute("PRAGMA writable_schema = OFF")
    connection.execute("PRAGMA user_version = 13")
    reports = connection.execute("SELECT * FROM reports ORDER BY id").fetchall()
    connection.close()
    slow = table_definitions(old)
    assert sum(" IN (" in sql for sql in slow.values()) >= 8
    assert sum("date(value, '+0 days')" in sql for sql in slow.values()) == 1

    with Ledger.open(old) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert ledger.conn.execute("SELECT * FROM reports ORDER BY id").fetchall() == reports
        assert check(ledger).ok
    assert table_definitions(old) == expected
    assert table_definitions(backup_path(old, 13)) == slow  # kept as it was, beside it
    connection = sqlite3.connect(old)
    for bad in (
        "UPDATE flows SET category = 'pow'",
        "UPDATE reports SET claimed_date = '2023-02-29'",
        "UPDATE events SET type = 'Exchange'",
    ):
        try:
            connection.execute(bad)
        except sqlite3.IntegrityError as error:
            assert "CHECK constraint failed" in str(error)
        else:
            raise AssertionError(f"{bad} was let through")
    connection.close()


def test_every_check_of_the_schema_is_read_for_check(tmp_path: Path) -> None:
    """`check` evaluates the file's own CHECK constraints (SQLite's integrity_check skips
    them on a read-only connection): each one of every table, quotes and nested
    parentheses included, and each evaluates on a fresh ledger to nothing refused."""
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        tables = ledger.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%'"
        ).fetchall()
        for table, sql in tables:
            checks = table_checks(sql)
            assert len(checks) == sql.upper().count("CHECK ("), table
            for _, expression in checks:
                ledger.conn.execute(f'SELECT 1 FROM "{table}" WHERE NOT ({expression})')
    assert table_checks("CREATE TABLE t (a TEXT CHECK (a <> ')'), CHECK ((a) IS NOT 'x,('))") == [
        ("a", "a <> ')'"),
        (None, "(a) IS NOT 'x,('"),
    ]
    # No CHECK where a quote or a comment stands: each made `check` fail on healthy rows
    # or end in a traceback (files of schema 1-8 hold "-- this file's write order").
    commented = (
        "CREATE TABLE tags (label TEXT DEFAULT 'no CHECK (label) here' -- CHECK (done)\n,"
        " n INT CHECK (n > 0) /* CHECK (x) */, note TEXT -- the reviewer's note\n)"
    )
    assert table_checks(commented) == [("n", "n > 0")]
    assert table_checks("CREATE TABLE \"odd(name\" (x TEXT CHECK (x <> 'it''s'))") == [
        ("x", "x <> 'it''s'")
    ]


def imported_candidates() -> dict[str, list[str]]:
    """Per checked column of reports.csv, texts near and across the edges of what the
    tables' CHECK constraints allow, each in a row of its own (its own report and event)."""
    dates = [
        value
        for value in candidate_dates()
        if value[5:7] in ("", "00", "01", "02", "12", "13")
        and value[8:] in ("", "00", "01", "28", "29", "30", "31", "32")
    ]
    lists = {
        "event_type": [*EVENT_TYPES, "Exchange", "exchange ", "swap"],
        "category": [*CATEGORIES, "POWS", "pow", "pows "],
        "count_qualifier": [*QUALIFIERS, "Exact", "about"],
        "source_kind": [*SOURCE_KINDS, "Media", "blog"],
        "reliability": [*RELIABILITY, "a", "G", "AB"],
        "credibility": [*map(str, CREDIBILITY), "0", "7", "-1", "1.0", "６"],
    }
    return {
        "event_date": dates,
        "published": ["", *dates],
        "count": ["0", "1", str(MAX_COUNT), str(MAX_COUNT + 1), "-1", "1.5", "1e3", "１２"],
        "to_party": ["Ukraine", "Russia", "russia ", ""],
        "recorded_at": ["2025-01-01T00:00:00Z", "2025-02-30T00:00:00Z", "2025-01-01 00:00"],
        **lists,
    }


def candidate_rows(candidates: dict[str, list[str]]) -> list[list[str]]:
    """A row of a report of its own for each candidate of each column."""
    given = [(column, value) for column, values in candidates.items() for value in values]
    return [report_row(number, **{column: value}) for number, (column, value) in enumerate(given)]


def test_what_an_import_writes_unenforced_its_tables_checks_accept(tmp_path: Path) -> None:
    """An import writes with the CHECK constraints not enforced (`checked_by_writer`):
    every value its plan lets through must be one they accept. Candidates at the edges of
    every checked column are planned; the rows the plan accepts are imported, and `check`
    evaluates every constraint of the file over them. They are enforced again after."""
    rows = candidate_rows(imported_candidates())
    every = write_csv(tmp_path / "every.csv", REPORTS_HEADER, rows)
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        refused = {problem.row for problem in plan_import(ledger, every, "t").errors}
        accepted = [row for number, row in enumerate(rows, start=2) if number not in refused]
        assert 100 < len(refused) < len(rows) - 100  # both sides of every edge were tried
        kept = write_csv(tmp_path / "accepted.csv", REPORTS_HEADER, accepted)
        plan = plan_import(ledger, kept, "t")
        assert plan.errors == []
        apply_import(ledger, plan, "t")
        assert ledger.count("reports") == len(accepted)
        report = check(ledger)
        assert report.ok, report.lines()
        pragmas = "SELECT * FROM pragma_ignore_check_constraints, pragma_foreign_keys"
        assert ledger.conn.execute(pragmas).fetchone() == (0, 1)
    connection = sqlite3.connect(tmp_path / "ledger.db")
    try:
        connection.execute("UPDATE reports SET credibility = 7")
    except sqlite3.IntegrityError as error:
        assert "CHECK constraint failed" in str(error)
    else:
        raise AssertionError("a credibility of 7 was let through after the import")
    connection.close()
