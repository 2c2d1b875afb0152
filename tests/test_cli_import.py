"""`exchange-ledger import` through the command line, against PRODUCT.md.

"CSV formats" and "Command line" are a public contract: every validation rule, the
all-or-nothing import, the ids of reports given without one, the first mention of a
source, formula escapes and trimming.
"""

from __future__ import annotations

import csv
import re
import sqlite3
import subprocess
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import (
    EXAMPLE_CSV,
    REPORTS_HEADER,
    CliResult,
    sha256,
    write_csv,
    write_reports_csv,
)

from desktop_app.store.importer import Cancelled, apply_import, plan_import
from desktop_app.store.ledger import Ledger

Cli = Callable[..., CliResult]

HEADER = REPORTS_HEADER

DEFAULTS = {
    "report_id": "",
    "event_id": "bodies-2025-06-11",
    "event_type": "exchange",
    "event_date": "2025-06-11",
    "location": "",
    "category": "bodies",
    "from_party": "Russia",
    "to_party": "Ukraine",
    "count": "1212",
    "count_qualifier": "exact",
    "source_name": "Vladimir Medinsky",
    "source_kind": "official",
    "source_party": "Russia",
    "source_url": "",
    "published": "",
    "reliability": "F",  # as the example grades him
    "credibility": "3",
    "quote": "Russia handed over the bodies of 1,212 Ukrainian servicemen.",
    "recorded_by": "tester",
    "recorded_at": "2025-06-20T09:10:00Z",
}

# The tables that hold what a ledger knows (the audit trail and the operations log are
# compared separately where it matters).
DATA_TABLES = (
    "events",
    "reports",
    "flows",
    "sources",
    "parties",
    "resolutions",
    "tombstones",
    "event_state",
    "flow_state",
)

# Two days ahead: the parameters are made when the tests are collected, and a suite that
# runs across midnight (UTC) would find "tomorrow" become today.
TOMORROW = date.today() + timedelta(days=2)
NEXT_MONTH = (TOMORROW.replace(day=1) + timedelta(days=32)).strftime("%Y-%m")
NEXT_YEAR = str(TOMORROW.year + 1)


def row(**values: str) -> list[str]:
    """One reports.csv row in HEADER order: the defaults with these values changed."""
    unknown = set(values) - set(HEADER)
    assert not unknown, unknown
    return [values.get(column, DEFAULTS.get(column, "")) for column in HEADER]


def no_flow(**values: str) -> list[str]:
    """A row of a report without flows."""
    blank = dict.fromkeys(("category", "from_party", "to_party", "count", "count_qualifier"), "")
    return row(**{**blank, **values})


def connect_ro(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def query(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    connection = connect_ro(db)
    try:
        return list(connection.execute(sql, params))
    finally:
        connection.close()


def table_dump(db: Path, tables: tuple[str, ...] = DATA_TABLES) -> dict[str, list[tuple]]:
    """Every row of these tables, sorted: what the ledger holds."""
    connection = connect_ro(db)
    try:
        return {
            table: sorted(map(repr, connection.execute(f"SELECT * FROM {table}")))
            for table in tables
        }
    finally:
        connection.close()


CONTENT_SQL = {
    "events": "SELECT id, type FROM events",
    "reports": "SELECT id, event_id, source_id, claimed_date, location, quote, url, published,"
    " credibility, recorded_by, recorded_at FROM reports",
    "flows": "SELECT report_id, position, category, from_party, to_party, count, qualifier"
    " FROM flows",
    "sources": "SELECT id, name, key, kind, party, reliability FROM sources",
    "parties": "SELECT name, key FROM parties",
}


def content(db: Path) -> dict[str, list[tuple]]:
    """What two ledgers given the same file must agree on (no times of writing, no ids of
    operations)."""
    return {table: sorted(query(db, sql)) for table, sql in CONTENT_SQL.items()}


def counts(db: Path) -> dict[str, int]:
    connection = connect_ro(db)
    try:
        return {
            table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("events", "reports", "flows", "sources", "parties", "resolutions")
        }
    finally:
        connection.close()


def error_lines(err: str) -> list[str]:
    return [line.strip() for line in err.splitlines() if line.strip()]


def names_place(err: str, row_number: int, column: str) -> bool:
    """Some line of the message names this row and this column."""
    pattern = re.compile(rf"\brow {row_number}\b.*\b{re.escape(column)}\b")
    return any(pattern.search(line) for line in error_lines(err))


def assert_refused(result: CliResult, places: list[tuple[int, str]]) -> None:
    assert result.code == 1, (result.code, result.out, result.err)
    assert "Traceback" not in result.err
    for row_number, column in places:
        assert names_place(result.err, row_number, column), (row_number, column, result.err)


@pytest.fixture
def example_db(cli: Cli, tmp_path: Path) -> Path:
    """A ledger holding the example data, to show that a refused file changes nothing."""
    db = tmp_path / "example.db"
    result = cli("import", db, EXAMPLE_CSV)
    assert result.code == 0, result.err
    return db


def import_bad_rows(
    cli: Cli, db: Path, tmp_path: Path, rows: list[list[str]], header: list[str] = HEADER
) -> CliResult:
    """Import a file into `db` and check that the file and the ledger are untouched."""
    path = write_csv(tmp_path / "bad.csv", header, rows)
    before, dump_before = sha256(db), table_dump(db)
    result = cli("import", db, path)
    assert sha256(db) == before, "a refused file changed the ledger file"
    assert table_dump(db) == dump_before
    return result


# ---- validation, one rule at a time ---------------------------------------------------

BAD_CELLS = [
    pytest.param({"count": "1,212"}, "count", id="count-thousands-separator"),
    pytest.param({"count": "1 212"}, "count", id="count-inner-space"),
    pytest.param({"count": "-5"}, "count", id="count-negative"),
    pytest.param({"count": "+5"}, "count", id="count-plus-sign"),
    pytest.param({"count": "12.0"}, "count", id="count-decimal"),
    pytest.param({"count": "1e3"}, "count", id="count-exponent"),
    pytest.param({"count": "twelve"}, "count", id="count-words"),
    pytest.param({"count": ""}, "count", id="count-missing-in-flow"),
    pytest.param({"event_date": "2025-02-30"}, "event_date", id="date-no-such-day"),
    pytest.param({"event_date": "2025-13"}, "event_date", id="date-no-such-month"),
    pytest.param({"event_date": "11/06/2025"}, "event_date", id="date-not-iso"),
    pytest.param({"event_date": "2025-6-11"}, "event_date", id="date-not-zero-padded"),
    pytest.param({"event_date": TOMORROW.isoformat()}, "event_date", id="date-tomorrow"),
    pytest.param({"event_date": NEXT_MONTH}, "event_date", id="date-next-month"),
    pytest.param({"event_date": NEXT_YEAR}, "event_date", id="date-next-year"),
    pytest.param({"event_date": ""}, "event_date", id="date-required"),
    pytest.param({"published": TOMORROW.isoformat()}, "published", id="published-tomorrow"),
    pytest.param(
        {"updated_at": f"{TOMORROW.isoformat()}T00:00:00Z"}, "updated_at", id="updated-tomorrow"
    ),
    pytest.param({"updated_at": "2025-06-20 09:10"}, "updated_at", id="updated-at-not-utc"),
    pytest.param({"seq": "-3"}, "seq", id="seq-negative"),
    pytest.param({"seq": "7a"}, "seq", id="seq-not-a-number"),
    pytest.param({"seq": str(2**63)}, "seq", id="seq-beyond-sqlite"),
    pytest.param({"seq": "1" * 5000}, "seq", id="seq-of-5000-digits"),
    pytest.param({"count": "1" * 5000}, "count", id="count-of-5000-digits"),
    pytest.param({"published": NEXT_YEAR}, "published", id="published-next-year"),
    pytest.param({"published": "2025-02-29"}, "published", id="published-not-real"),
    pytest.param({"from_party": "Russia", "to_party": "Russia"}, "party", id="from-equals-to"),
    pytest.param(
        {"from_party": "Russia", "to_party": " russia "}, "party", id="from-equals-to-by-key"
    ),
    pytest.param({"source_name": ""}, "source_name", id="source-required"),
    pytest.param({"source_name": "   "}, "source_name", id="source-blank"),
    pytest.param({"event_id": ""}, "event_id", id="event-id-required"),
    pytest.param({"event_type": ""}, "event_type", id="event-type-required"),
    pytest.param({"event_type": "swap"}, "event_type", id="event-type-unknown"),
    pytest.param({"category": "planes"}, "category", id="category-unknown"),
    pytest.param({"category": ""}, "category", id="category-missing-in-flow"),
    pytest.param({"from_party": ""}, "from_party", id="from-missing-in-flow"),
    pytest.param({"to_party": ""}, "to_party", id="to-missing-in-flow"),
    pytest.param({"count_qualifier": "roughly"}, "count_qualifier", id="qualifier-unknown"),
    pytest.param({"source_kind": "blog"}, "source_kind", id="source-kind-unknown"),
    pytest.param({"reliability": "G"}, "reliability", id="reliability-unknown"),
    pytest.param({"credibility": "7"}, "credibility", id="credibility-unknown"),
    pytest.param({"credibility": "0"}, "credibility", id="credibility-zero"),
    pytest.param({"recorded_at": "2025-06-20 09:10"}, "recorded_at", id="recorded-at-not-utc"),
]


@pytest.mark.parametrize(("bad", "column"), BAD_CELLS)
def test_a_bad_cell_is_refused_at_its_row_and_column(
    cli: Cli, example_db: Path, tmp_path: Path, bad: dict[str, str], column: str
) -> None:
    good = row(event_id="good-event", quote="a good row before the bad one")
    result = import_bad_rows(cli, example_db, tmp_path, [good, row(**bad)])
    assert result.code == 1
    assert "Traceback" not in result.err
    if column == "party":  # from = to: either side of the flow may be named
        assert names_place(result.err, 3, "from_party") or names_place(result.err, 3, "to_party")
    else:
        assert names_place(result.err, 3, column), result.err
    assert not names_place(result.err, 2, column), "the good row was blamed"
    assert "good-event" not in {row_[0] for row_ in query(example_db, "SELECT id FROM events")}


def test_dates_up_to_today_are_not_in_the_future(cli: Cli, tmp_path: Path) -> None:
    today = date.today()
    rows = [
        row(event_id="day", event_date=today.isoformat(), published=today.isoformat()),
        row(event_id="month", event_date=today.strftime("%Y-%m"), published=str(today.year)),
        row(event_id="year", event_date=str(today.year), published=today.strftime("%Y-%m")),
    ]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "today.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert counts(db)["events"] == 3


def test_row_numbers_count_records_not_lines(cli: Cli, example_db: Path, tmp_path: Path) -> None:
    rows = [
        row(event_id="a", quote="a quote\nover\nthree lines"),  # row 2, lines 2-4
        row(event_id="b", count="1,212"),  # row 3, line 5
    ]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(3, "count")])
    assert not any(re.search(r"\brow 5\b", line) for line in error_lines(result.err))


def test_a_file_that_is_not_readable_as_csv_is_refused_at_its_row(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "broken.csv", HEADER, [row(event_id="a")])
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write('"R9"x,ev,exchange\r\n')
    before = sha256(example_db)
    result = cli("import", example_db, path)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert any(re.search(r"\brow 3\b", line) for line in error_lines(result.err)), result.err
    assert sha256(example_db) == before


def test_errors_in_rows_and_against_the_ledger_come_in_one_go(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "first.csv", HEADER, [row(report_id="R1", event_id="e-1")])
    assert cli("import", example_db, first).code == 0
    rows = [
        row(report_id="R1", event_id="e-1", count="999"),  # row 2: other content
        row(event_id="e-2", count="1,212"),  # row 3: bad cell
        row(event_id="bodies-2025-06-13", event_type="talks"),  # row 4: another type
    ]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(2, "report_id"), (3, "count"), (4, "event_type")])
    # the other content is named: what differs, and both values
    assert (
        "flows is 'bodies Russia→Ukraine 999 exact' in the file,"
        " 'bodies Russia→Ukraine 1212 exact' in the database" in result.err
    ), result.err


def test_other_content_names_each_column_that_differs(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "first.csv", HEADER, [row(report_id="R1", event_id="e-1")])
    assert cli("import", example_db, first).code == 0
    changed = row(
        report_id="R1",
        event_id="e-1",
        quote="a corrected quote",
        location="Sumy",
        source_name="Another Outlet",
    )
    result = cli("import", example_db, write_csv(tmp_path / "again.csv", HEADER, [changed]))
    assert result.code == 1
    assert names_place(result.err, 2, "report_id"), result.err
    assert "quote is 'a corrected quote' in the file" in result.err
    assert "source_name is 'Another Outlet" in result.err  # a name, not its key
    assert "\\x1f" not in result.err and "another outlet" not in result.err
    assert "location is 'Sumy' in the file, '' in the database" in result.err  # as written


def test_a_refused_file_imports_nothing_into_a_new_ledger(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    path = write_csv(tmp_path / "bad.csv", HEADER, [row(event_id="ok"), row(count="1,212")])
    result = cli("import", db, path)
    assert_refused(result, [(3, "count")])
    if db.exists():  # an empty ledger may be left behind, but never any data
        assert set(counts(db).values()) == {0}


@pytest.mark.parametrize(("separator", "name"), [(";", "semicolons"), ("\t", "tabs")])
def test_a_file_separated_by_semicolons_is_named_so(
    cli: Cli, tmp_path: Path, separator: str, name: str
) -> None:
    """A spreadsheet in a locale whose lists take semicolons saves its CSV with them: the
    whole header is one unknown column, and each required column 'is missing'."""
    path = tmp_path / "semicolons.csv"
    lines = [separator.join(HEADER), separator.join(row())]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    db = tmp_path / "new.db"
    result = cli("import", db, path)
    assert result.code == 1
    assert result.err.splitlines()[1:] == [
        f"  row 1: the columns are separated by {name}, not by commas: save the file again"
        " with ',' as its field delimiter"
    ], result.err
    assert not db.exists()


def test_a_file_of_no_rows_makes_an_empty_ledger_and_says_so(cli: Cli, tmp_path: Path) -> None:
    """A header and no rows is how a script makes an empty ledger; it is said, not silent."""
    path = write_csv(tmp_path / "header.csv", HEADER, [])
    db = tmp_path / "new.db"
    result = cli("import", db, path)
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == f"{db} is a new, empty ledger."
    assert set(counts(db).values()) == {0}
    again = cli("import", db, path)  # into a ledger that exists: nothing new, nothing more
    assert again.code == 0 and "empty ledger" not in again.out


def test_an_unknown_column_is_refused_in_the_header_row(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    header = [*HEADER, "notes"]
    result = import_bad_rows(cli, example_db, tmp_path, [[*row(), "a note"]], header)
    assert_refused(result, [(1, "notes")])


def test_a_missing_required_column_is_refused(cli: Cli, example_db: Path, tmp_path: Path) -> None:
    for required in ("event_id", "event_type", "event_date", "source_name"):
        index = HEADER.index(required)
        header = HEADER[:index] + HEADER[index + 1 :]
        values = row(event_id="x")
        result = import_bad_rows(
            cli, example_db, tmp_path, [values[:index] + values[index + 1 :]], header
        )
        assert_refused(result, [(1, required)])


def test_optional_columns_may_be_left_out(cli: Cli, tmp_path: Path) -> None:
    header = ["event_id", "event_type", "event_date", "source_name"]
    path = write_csv(tmp_path / "short.csv", header, [["talks-1", "talks", "2024-05", "TASS"]])
    db = tmp_path / "ledger.db"
    result = cli("import", db, path)
    assert result.code == 0, result.err
    assert query(db, "SELECT id, type FROM events") == [("talks-1", "talks")]
    assert query(db, "SELECT claimed_date, credibility FROM reports") == [("2024-05", 6)]
    assert query(db, "SELECT name, kind, reliability FROM sources") == [("TASS", "other", "F")]


@pytest.mark.parametrize(
    "cells",
    [
        pytest.param(lambda values: values[:-3], id="too-few-cells"),
        pytest.param(lambda values: [*values, "extra"], id="too-many-cells"),
    ],
)
def test_a_row_with_the_wrong_number_of_cells_is_refused(
    cli: Cli, example_db: Path, tmp_path: Path, cells: Callable[[list[str]], list[str]]
) -> None:
    rows = [row(event_id="ok"), cells(row(event_id="short")), row(event_id="also-ok")]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert any(re.search(r"\brow 3\b", line) for line in error_lines(result.err)), result.err
    assert not any(re.search(r"\brow [24]\b", line) for line in error_lines(result.err))


def test_every_error_is_reported_in_one_go(cli: Cli, example_db: Path, tmp_path: Path) -> None:
    rows = [
        row(event_id="a", count="1,212"),  # row 2
        row(event_id="b", quote="fine"),  # row 3
        row(event_id="c", event_date="2025-02-30"),  # row 4
        row(event_id="d", quote="also fine"),  # row 5
        row(event_id="e", source_name=""),  # row 6
    ]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(2, "count"), (4, "event_date"), (6, "source_name")])
    assert "3 errors" in result.err
    assert not any(re.search(r"\brow [35]\b", line) for line in error_lines(result.err))


def test_every_kind_of_error_is_reported_in_one_go(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    rows = [
        row(event_id="a")[:-2],  # row 2: too few cells
        row(event_id="b", location="BAD_BYTES"),  # row 3: not UTF-8
        row(event_id="c", credibility="9"),  # row 4: bad cell
        [*row(event_id="d"), "extra"],  # row 5: too many cells
        row(event_id="e", from_party="Ukraine"),  # row 6: from = to
    ]
    path = write_csv(tmp_path / "mixed.csv", HEADER, rows)
    path.write_bytes(path.read_bytes().replace(b"BAD_BYTES", b"Kyi\xefv"))
    before = sha256(example_db)
    result = cli("import", example_db, path)
    assert_refused(result, [(3, "location"), (4, "credibility")])
    assert names_place(result.err, 6, "from_party") or names_place(result.err, 6, "to_party")
    for row_number in (2, 5):
        assert any(re.search(rf"\brow {row_number}\b", line) for line in error_lines(result.err))
    assert "5 errors" in result.err
    assert sha256(example_db) == before


def test_several_errors_in_one_row_are_all_reported(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    bad = row(count="1,212", event_date="2025-13-01", reliability="Z", event_type="battle")
    result = import_bad_rows(cli, example_db, tmp_path, [bad])
    assert_refused(result, [(2, "count"), (2, "event_date"), (2, "reliability"), (2, "event_type")])


def test_from_equal_to_is_reported_beside_the_rows_other_errors(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """Every error of a row in one go: from = to as well as a bad count or an unknown
    category of the same row, not only once the rest is mended."""
    same = {"from_party": "Russia", "to_party": "russia"}  # one party, by its key
    rows = [
        row(event_id="a", count="1,212", **same),  # row 2
        row(event_id="b", category="prisoners", **same),  # row 3
        row(event_id="c", count_qualifier="roughly", event_date="2025-13-01", **same),  # row 4
    ]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(
        result,
        [
            (2, "count"), (2, "to_party"), (3, "category"), (3, "to_party"),
            (4, "count_qualifier"), (4, "event_date"), (4, "to_party"),
        ],
    )  # fmt: skip
    assert result.err.count("a flow goes between two parties") == 3
    # a party that is itself bad is named as such, with no word on from = to
    result = import_bad_rows(cli, example_db, tmp_path, [row(from_party="", to_party="")])
    assert "a flow goes between two parties" not in result.err


def test_bytes_that_are_not_utf8_are_an_error_at_their_row_and_column(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "latin1.csv",
        HEADER,
        [row(event_id="ok", location="Istanbul"), row(event_id="kyiv", location="KYIV_MARK")],
    )
    path.write_bytes(path.read_bytes().replace(b"KYIV_MARK", "Kyïv".encode("latin-1")))
    before = sha256(example_db)
    result = cli("import", example_db, path)
    assert_refused(result, [(3, "location")])
    assert "UTF-8" in result.err
    assert sha256(example_db) == before


def test_a_utf8_bom_is_ignored(cli: Cli, tmp_path: Path) -> None:
    plain = write_csv(tmp_path / "plain.csv", HEADER, [row(location="Kyïv")])
    with_bom = tmp_path / "bom.csv"
    with_bom.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    first, second = tmp_path / "plain.db", tmp_path / "bom.db"
    assert cli("import", first, plain).code == 0
    result = cli("import", second, with_bom)
    assert result.code == 0, result.err
    assert content(second) == content(first)
    assert query(second, "SELECT location FROM reports") == [("Kyïv",)]


def test_an_empty_file_is_refused(cli: Cli, example_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    before = sha256(example_db)
    result = cli("import", example_db, path)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "row 1" in result.err
    assert sha256(example_db) == before


def test_a_missing_csv_file_is_a_message_not_a_traceback(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", tmp_path / "ledger.db", tmp_path / "nowhere.csv")
    assert result.code == 1
    assert "nowhere.csv" in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "ledger.db").exists()


def test_a_file_that_is_not_a_ledger_is_refused_and_left_untouched(
    cli: Cli, tmp_path: Path
) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 10)
    before = sha256(db)
    result = cli("import", db, EXAMPLE_CSV)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert str(db.name) in result.err
    assert sha256(db) == before


# ---- what an import adds ----------------------------------------------------------------


def test_import_creates_the_ledger_and_says_what_it_added(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    assert not db.exists()
    result = cli("import", db, EXAMPLE_CSV)
    assert result.code == 0, result.err
    assert db.exists()
    assert "4 events, 6 reports, 5 flows, 4 sources and 2 parties" in result.out
    assert re.search(r"new parties: (Russia, Ukraine|Ukraine, Russia)", result.out), result.out
    assert counts(db) == {
        "events": 4,
        "reports": 6,
        "flows": 5,
        "sources": 4,
        "parties": 2,
        "resolutions": 0,
    }


def test_import_names_only_the_parties_it_added(cli: Cli, example_db: Path, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "more.csv",
        HEADER,
        [
            row(event_id="pows-2024-01-03", event_date="2024-01-03", to_party="Belarus"),
            row(
                event_id="pows-2024-01-03",
                event_date="2024-01-03",
                from_party="Ukraine",
                to_party="Russia",
            ),
        ],
    )
    result = cli("import", example_db, path)
    assert result.code == 0, result.err
    assert "1 event, 1 report, 2 flows, 0 sources and 1 party" in result.out
    assert "new parties: Belarus" in result.out
    assert "Russia" not in result.out.split("new parties:")[1]
    assert "Belarus" in {name for (name,) in query(example_db, "SELECT name FROM parties")}


def test_dry_run_writes_nothing_and_says_what_it_would_add(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "more.csv",
        HEADER,
        [row(event_id="new-1", to_party="Belarus"), no_flow(event_id="new-2", event_type="talks")],
    )
    before, dump = sha256(example_db), table_dump(example_db)
    result = cli("import", example_db, path, "--dry-run")
    assert result.code == 0, result.err
    assert "2 events, 2 reports, 1 flow, 0 sources and 1 party" in result.out
    assert "Belarus" in result.out
    assert sha256(example_db) == before
    assert table_dump(example_db) == dump
    assert cli("import", example_db, path).code == 0  # and the real run then adds it
    assert counts(example_db)["events"] == 6


def test_dry_run_does_not_create_a_missing_ledger(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "missing.db"
    result = cli("import", db, EXAMPLE_CSV, "--dry-run")
    assert result.code == 0, result.err
    assert "4 events, 6 reports" in result.out
    assert not db.exists()
    assert not list(tmp_path.glob("missing.db*"))


def test_dry_run_reports_the_same_errors(cli: Cli, example_db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", HEADER, [row(count="1,212")])
    before = sha256(example_db)
    result = cli("import", example_db, path, "--dry-run")
    assert_refused(result, [(2, "count")])
    assert sha256(example_db) == before


# ---- report ids ------------------------------------------------------------------------


def test_rows_without_report_id_are_grouped_into_reports(cli: Cli, tmp_path: Path) -> None:
    quote = "Ukraine returned 27, Russia handed over 1,212."
    rows = [
        row(quote=quote),
        row(quote=quote, from_party="Ukraine", to_party="Russia", count="27"),
        # Another quote: another report of the same source and event.
        row(quote="Another statement.", count="1200"),
        # Another date: another report.
        row(quote=quote, event_date="2025-06", count="1212"),
        # Another source: another report.
        row(quote=quote, source_name="Zelensky", source_party="Ukraine"),
    ]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "r.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert "1 event, 4 reports, 5 flows" in result.out
    per_report = query(db, "SELECT report_id, COUNT(*) FROM flows GROUP BY report_id")
    assert sorted(n for _, n in per_report) == [1, 1, 1, 2]
    for (report_id,) in query(db, "SELECT id FROM reports"):
        assert uuid.UUID(report_id).version == 5, report_id


def test_generated_report_ids_are_the_same_in_every_ledger(cli: Cli, tmp_path: Path) -> None:
    first, second = tmp_path / "one.db", tmp_path / "two.db"
    assert cli("import", first, EXAMPLE_CSV).code == 0
    assert cli("import", second, EXAMPLE_CSV).code == 0
    ids = query(first, "SELECT id FROM reports ORDER BY id")
    assert len(ids) == 6
    assert ids == query(second, "SELECT id FROM reports ORDER BY id")


def test_the_same_file_imported_twice_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    assert cli("import", db, EXAMPLE_CSV).code == 0
    dump = table_dump(db)
    result = cli("import", db, EXAMPLE_CSV)
    assert result.code == 0, result.err
    assert "0 events, 0 reports, 0 flows, 0 sources and 0 parties" in result.out
    assert "6 reports already present and identical, skipped" in result.out
    assert table_dump(db) == dump


def test_report_ids_given_in_a_file_are_kept_as_written(cli: Cli, tmp_path: Path) -> None:
    rows = [
        row(report_id="Medinsky/2025-06-11#A"),
        row(report_id="Medinsky/2025-06-11#A", from_party="Ukraine", to_party="Russia"),
        row(report_id="  R-42  ", source_name="Zelensky", source_party="Ukraine"),
        row(report_id="42", source_name="Lubinets", source_party="Ukraine"),
    ]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "ids.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert {report_id for (report_id,) in query(db, "SELECT id FROM reports")} == {
        "Medinsky/2025-06-11#A",
        "R-42",
        "42",
    }
    assert query(db, "SELECT COUNT(*) FROM flows WHERE report_id = 'Medinsky/2025-06-11#A'") == [
        (2,)
    ]


def test_given_ids_keep_their_inner_spaces(cli: Cli, tmp_path: Path) -> None:
    """PRODUCT.md: ids given in a file are kept as written (only trimmed); an event_id is
    any text key. Inner spaces are part of the key."""
    rows = [row(report_id=" Report  7 ", event_id="bodies  2025-06-11")]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "ids.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert query(db, "SELECT id, event_id FROM reports") == [("Report  7", "bodies  2025-06-11")]


def test_rows_of_one_report_must_agree_on_the_report_values(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    rows = [
        row(report_id="R1"),
        row(report_id="R1", from_party="Ukraine", to_party="Russia", event_date="2025-06-12"),
    ]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(3, "event_date")])


def test_a_row_with_an_error_is_still_checked_against_the_type_of_its_event(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """Every error in one go: a row with a bad credibility skipped the type check, and
    the next run named the clash with the event's type in the database or the file."""
    rows = [
        row(event_id="bodies-2025-06-11", event_type="talks", credibility="9"),
        row(event_id="e-new", event_type="exchange"),
        row(event_id="e-new", event_type="agreement", count="x"),
    ]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(2, "credibility"), (2, "event_type"), (4, "count"), (4, "event_type")])
    assert "event bodies-2025-06-11 is 'exchange' in the database" in result.err
    assert "event e-new is 'exchange' in row 3 of this file" in result.err


def test_every_report_value_a_row_of_the_same_report_changes_is_named_in_one_go(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """Only the first differing column was named: the next run named the next one."""
    rows = [
        row(report_id="R1"),
        row(
            report_id="R1",
            from_party="Ukraine",
            to_party="Russia",
            event_date="2025-06-12",
            location="Kyiv",
            quote="other words",
        ),
    ]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(3, "event_date"), (3, "location"), (3, "quote")])


@pytest.mark.parametrize("in_error", [2, 3])
def test_a_row_in_error_is_compared_with_the_other_rows_of_its_report(
    in_error: int, cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """A report's rows giving two locations, one of them with a bad count too: only the
    count was named, and the location's clash came at the next run, once it was fixed."""
    rows = [
        row(report_id="R1", location="Istanbul", count="1-2" if in_error == 2 else "5"),
        row(report_id="R1", location="Kyiv", count="1-2" if in_error == 3 else "6"),
    ]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(in_error, "count"), (3, "location")])
    assert "row 3, column location: differs from row 2 of the same report R1 ('Kyiv')" in (
        result.err
    )
    # A row in error of another type: one error for its type, the clash with the event.
    rows[1] = row(report_id="R1", location="Kyiv", event_type="agreement", count="1-2")
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert result.err.count("row 3, column event_type:") == 1, result.err


def test_one_report_cannot_state_one_flow_twice(cli: Cli, example_db: Path, tmp_path: Path) -> None:
    rows = [row(report_id="R1", count="5"), row(report_id="R1", count="6")]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(3, "category")])


def test_one_flow_twice_in_one_report_is_refused_whatever_the_case_of_the_parties(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """Parties are compared by key: "russia" is the party "Russia", so these two rows state
    the same flow of the same report. The file must be refused with row and column,
    not crash while writing."""
    rows = [row(report_id="R1", count="5"), row(report_id="R1", from_party="russia", count="6")]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(3, "category")])


def test_an_existing_report_with_identical_rows_is_skipped(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "first.csv", HEADER, [row(report_id="R1", event_id="e-1")])
    assert cli("import", example_db, first).code == 0
    dump = table_dump(example_db)
    again = write_csv(
        tmp_path / "again.csv",
        HEADER,
        [
            # The same report, spelled with other spaces and case where keys are compared.
            row(report_id=" R1 ", event_id="e-1", source_name="vladimir  MEDINSKY"),
            row(report_id="R2", event_id="e-1", source_name="Lubinets", source_party="Ukraine"),
        ],
    )
    result = cli("import", example_db, again)
    assert result.code == 0, result.err
    assert "1 report already present and identical, skipped" in result.out
    assert "0 events, 1 report, 1 flow, 1 source" in result.out
    after = table_dump(example_db)
    assert len(after["reports"]) == len(dump["reports"]) + 1


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param({"count": "1213"}, id="count"),
        pytest.param({"count_qualifier": "approx"}, id="qualifier"),
        pytest.param({"quote": "other words"}, id="quote"),
        pytest.param({"event_date": "2025-06-10"}, id="date"),
        pytest.param({"location": "Istanbul"}, id="location"),
        pytest.param({"source_name": "Someone Else"}, id="source"),
    ],
)
def test_an_existing_report_with_other_content_is_an_error(
    cli: Cli, example_db: Path, tmp_path: Path, changed: dict[str, str]
) -> None:
    first = write_csv(tmp_path / "first.csv", HEADER, [row(report_id="R1", event_id="e-1")])
    assert cli("import", example_db, first).code == 0
    rows = [row(event_id="e-2"), row(report_id="R1", event_id="e-1", **changed)]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(3, "report_id")])


@pytest.mark.parametrize("content_too", [False, True], ids=["recorded-apart", "other-content"])
def test_a_report_recorded_apart_is_skipped_with_one_warning(
    content_too: bool, cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """The same spreadsheet imported into two ledgers (by two people, at two times) gives
    the same reports: a file of one, its export included, imports into the other, the
    reports it holds already kept as recorded there. What they say must still agree."""
    first = write_csv(
        tmp_path / "first.csv",
        HEADER,
        [row(report_id=f"R{n}", event_id="e-1", source_name=f"S{n}") for n in range(3)],
    )
    assert cli("import", example_db, first).code == 0
    dump = table_dump(example_db)
    recorded_apart = {"recorded_by": "Colleague", "recorded_at": "2025-06-21T08:00:00Z"}
    changed = {"count": "1213"} if content_too else {}
    rows = [
        row(report_id=f"R{n}", event_id="e-1", source_name=f"S{n}", **recorded_apart, **changed)
        for n in range(3)
    ]
    result = cli("import", example_db, write_csv(tmp_path / "theirs.csv", HEADER, rows))
    if content_too:
        assert_refused(result, [(2, "report_id"), (3, "report_id"), (4, "report_id")])
        assert "recorded_by is 'Colleague' in the file, 'tester' in the database" in result.err
        return
    assert result.code == 0, result.err
    assert "3 reports already present and identical, skipped" in result.out
    warnings = [line for line in result.err.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: row 2, column recorded_by: report R0 and 2 more reports say the same here and"
        " in the file, recorded apart (recorded_by is 'Colleague' in the file, 'tester' in the"
        " database; recorded_at is '2025-06-21T08:00:00Z' in the file, '2025-06-20T09:10:00Z'"
        " in the database); kept as recorded here"
    ], result.err
    assert table_dump(example_db) == dump


def test_an_event_keeps_its_type_across_files(cli: Cli, example_db: Path, tmp_path: Path) -> None:
    rows = [row(event_id="bodies-2025-06-11", event_type="agreement", source_name="Other")]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(2, "event_type")])


def test_an_event_has_one_type_within_a_file(cli: Cli, tmp_path: Path) -> None:
    rows = [
        row(event_id="e-1", event_type="exchange"),
        row(event_id="e-1", event_type="agreement", source_name="Other"),
    ]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "types.csv", HEADER, rows))
    assert_refused(result, [(3, "event_type")])
    assert not db.exists() or counts(db)["events"] == 0


def test_new_reports_join_existing_events_by_event_id(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "more.csv",
        HEADER,
        [row(event_id="bodies-2025-06-11", source_name="Lubinets", source_party="Ukraine")],
    )
    result = cli("import", example_db, path)
    assert result.code == 0, result.err
    assert "0 events, 1 report" in result.out
    assert query(
        example_db, "SELECT COUNT(*) FROM reports WHERE event_id = 'bodies-2025-06-11'"
    ) == [(2,)]


# ---- sources ---------------------------------------------------------------------------


def test_the_first_mention_of_a_source_defines_it_within_a_file(cli: Cli, tmp_path: Path) -> None:
    rows = [
        row(event_id="e-1", source_kind="official", reliability="C"),
        row(event_id="e-2", source_kind="media", reliability="A"),
    ]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "s.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert "warning" in result.err.lower()
    assert names_place(result.err, 3, "source_kind"), result.err
    assert names_place(result.err, 3, "reliability"), result.err
    assert query(db, "SELECT name, kind, reliability FROM sources") == [
        ("Vladimir Medinsky", "official", "C")
    ]
    assert query(db, "SELECT COUNT(*) FROM reports") == [(2,)]


def test_a_later_row_that_leaves_the_grade_blank_says_nothing_of_the_source(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """A blank kind or reliability is no statement: it does not differ from the first
    mention (it read as the defaults, 'other' and 'F', and warned "F ignored")."""
    rows = [
        row(event_id="e-1", source_name="Outlet", source_kind="media", reliability="B"),
        row(event_id="e-2", source_name="Outlet", source_kind="", reliability=""),
        row(event_id="e-3", source_kind="", reliability=""),  # Medinsky: official, F here
    ]
    result = cli("import", example_db, write_csv(tmp_path / "s.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert "warning" not in result.err.lower(), result.err
    assert query(example_db, "SELECT kind, reliability FROM sources WHERE name = 'Outlet'") == [
        ("media", "B")
    ]


def test_a_later_row_of_the_same_report_with_another_grade_is_a_warning(
    cli: Cli, tmp_path: Path
) -> None:
    """ "A later row that differs is reported as a warning": also a row of the same report."""
    rows = [
        row(report_id="R1", source_kind="official", reliability="C"),
        row(
            report_id="R1",
            from_party="Ukraine",
            to_party="Russia",
            source_kind="media",
            reliability="A",
        ),
    ]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "s.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert query(db, "SELECT kind, reliability FROM sources") == [("official", "C")]
    assert names_place(result.err, 3, "source_kind"), result.err
    assert names_place(result.err, 3, "reliability"), result.err


def test_a_later_file_does_not_change_a_known_source(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "later.csv",
        HEADER,
        [
            row(
                event_id="e-9",
                source_name=" vladimir   medinsky ",
                source_kind="ngo",
                reliability="A",
            )
        ],
    )
    result = cli("import", example_db, path)
    assert result.code == 0, result.err
    assert names_place(result.err, 2, "source_kind"), result.err
    assert names_place(result.err, 2, "reliability"), result.err
    assert "0 sources" in result.out
    assert query(
        example_db,
        "SELECT name, kind, reliability FROM sources WHERE name LIKE '%Medinsky%'",
    ) == [("Vladimir Medinsky", "official", "F")]


def test_a_source_is_its_name_and_party_together(cli: Cli, tmp_path: Path) -> None:
    rows = [
        row(event_id="e-1", source_name="Ministry of Defence", source_party="Russia"),
        row(event_id="e-2", source_name="ministry  of defence", source_party=" russia"),
        row(event_id="e-3", source_name="Ministry of Defence", source_party="Ukraine"),
    ]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "s.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert sorted(query(db, "SELECT name, party FROM sources")) == [
        ("Ministry of Defence", "Russia"),
        ("Ministry of Defence", "Ukraine"),
    ]


# ---- formula escapes and trimming ------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "stored"),
    [
        ("'=SUM(A1)", "=SUM(A1)"),
        ("'+1 more", "+1 more"),
        ("'-5 bodies", "-5 bodies"),
        ("'@handle said", "@handle said"),
        ("'\tindented", "\tindented"),
        ("'\rreturn", "\rreturn"),
        ("''quoted'", "'quoted'"),
        ("'abc", "'abc"),
        ("' =x", "' =x"),
        ("'", "'"),
        ("''", "'"),
        ("=SUM(A1)", "=SUM(A1)"),
        ("a'=b", "a'=b"),
    ],
)
def test_import_removes_one_formula_escape(
    cli: Cli, tmp_path: Path, cell: str, stored: str
) -> None:
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "q.csv", HEADER, [row(quote=cell)]))
    assert result.code == 0, result.err
    assert query(db, "SELECT quote FROM reports") == [(stored,)]


def test_formula_escapes_are_removed_from_names_too(cli: Cli, tmp_path: Path) -> None:
    rows = [
        row(
            event_id="'=ev",
            location="'+Istanbul",
            source_name="'@osint_account",
            source_party="'-Russia",
            from_party="'-Russia",
            to_party="'abc",
        )
    ]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "n.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert query(db, "SELECT id FROM events") == [("=ev",)]
    assert query(db, "SELECT location FROM reports") == [("+Istanbul",)]
    assert query(db, "SELECT name, party FROM sources") == [("@osint_account", "-Russia")]
    assert query(db, "SELECT from_party, to_party FROM flows") == [("-Russia", "'abc")]


def test_names_are_trimmed_and_quotes_kept_exactly(cli: Cli, tmp_path: Path) -> None:
    quote = '  Both sides said:\r\n  "6,000 for 6,000", and more.\n\n  '
    rows = [
        row(
            report_id="  R-1\t",
            event_id="  bodies-2025-06-11  ",
            event_type=" exchange ",
            event_date=" 2025-06-11 ",
            location="\n  Istanbul  ",
            category=" bodies ",
            from_party="  Russia",
            to_party="Ukraine  ",
            count=" 1212 ",
            count_qualifier=" approx ",
            source_name="  Vladimir Medinsky  ",
            source_kind=" official ",
            source_party=" Russia ",
            reliability=" c ",
            credibility=" 3 ",
            quote=quote,
        )
    ]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "t.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert query(db, "SELECT id, type FROM events") == [("bodies-2025-06-11", "exchange")]
    assert query(db, "SELECT id, claimed_date, location, credibility, quote FROM reports") == [
        ("R-1", "2025-06-11", "Istanbul", 3, quote)
    ]
    assert query(db, "SELECT category, from_party, to_party, count, qualifier FROM flows") == [
        ("bodies", "Russia", "Ukraine", 1212, "approx")
    ]
    assert query(db, "SELECT name, kind, party, reliability FROM sources") == [
        ("Vladimir Medinsky", "official", "Russia", "C")
    ]
    assert sorted(query(db, "SELECT name FROM parties")) == [("Russia",), ("Ukraine",)]


def test_quotes_that_differ_only_in_spaces_are_different_reports(cli: Cli, tmp_path: Path) -> None:
    rows = [row(quote="He said so."), row(quote="He said so. ")]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "q.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert sorted(query(db, "SELECT quote FROM reports")) == [("He said so.",), ("He said so. ",)]


def test_a_report_without_flows_is_one_row(cli: Cli, tmp_path: Path) -> None:
    rows = [no_flow(event_id="talks-1", event_type="talks", count_qualifier="")]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "t.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert counts(db)["reports"] == 1
    assert counts(db)["flows"] == 0


# ---- the real process ------------------------------------------------------------------


def test_the_real_process_refuses_a_bad_file_without_a_traceback(
    cli_process: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    good = write_csv(tmp_path / "good.csv", HEADER, [row()])
    done = cli_process("import", db, good)
    assert done.returncode == 0, done.stderr
    before = sha256(db)
    bad = write_csv(
        tmp_path / "bad.csv",
        HEADER,
        [row(event_id="x", count="1,212"), row(event_id="y", event_date=NEXT_YEAR)],
    )
    done = cli_process("import", db, bad)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert names_place(done.stderr, 2, "count")
    assert names_place(done.stderr, 3, "event_date")
    assert sha256(db) == before


def test_the_real_process_reports_bad_bytes_in_the_header_without_a_traceback(
    cli_process: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "bad.csv", ["report_id", "event_id", "NOTE_MARK"], [["a", "b", "c"]]
    )
    path.write_bytes(path.read_bytes().replace(b"NOTE_MARK", b"not\xe9"))
    done = cli_process("import", tmp_path / "ledger.db", path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "row 1" in done.stderr


# ---- progress and cancelling (what the window's progress dialog shows and does) ----------


def test_an_import_reports_its_progress_and_announces_its_last_step(tmp_path: Path) -> None:
    csv_path = write_reports_csv(tmp_path / "reports.csv", 45_000, quote_words=2)
    planned: list[tuple[int, int]] = []
    applied: list[tuple[int, int]] = []
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        plan = plan_import(ledger, csv_path, "test", lambda *step: planned.append(step) or True)
        apply_import(ledger, plan, "test", lambda *step: applied.append(step) or True)
        assert ledger.count("reports") == 45_000
    assert planned and all(done <= total for done, total in planned)
    assert [done for done, _ in planned] == sorted(done for done, _ in planned)
    *rows, last = applied
    assert last == (0, 0), "the last, uncounted step is announced as such"
    assert len(rows) >= 3 and len({total for _, total in rows}) == 1  # reports and flows
    assert [done for done, _ in rows] == sorted(done for done, _ in rows)


@pytest.mark.parametrize("phase", ["plan", "apply"])
def test_a_cancelled_import_writes_nothing(tmp_path: Path, phase: str) -> None:
    csv_path = write_reports_csv(tmp_path / "reports.csv", 30_000, quote_words=2)
    db = tmp_path / "ledger.db"
    Ledger.open(db).close()
    before = sha256(db)

    def cancel(done: int, total: int) -> bool:
        return False

    def keep_going(done: int, total: int) -> bool:
        return True

    with Ledger.open(db) as ledger, pytest.raises(Cancelled):
        plan = plan_import(ledger, csv_path, "test", cancel if phase == "plan" else keep_going)
        apply_import(ledger, plan, "test", cancel)
    with Ledger.open(db, read_only=True) as ledger:
        assert ledger.count("reports") == ledger.count("events") == 0
        assert ledger.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert sha256(db) == before, "a cancelled import changed the file"


def test_updated_at_is_kept_or_taken_from_recorded_at_and_seq_is_ignored(
    cli: Cli, tmp_path: Path
) -> None:
    rows = [
        row(event_id="edited", quote="a", updated_at="2025-07-01T08:00:00Z", seq="900"),
        row(event_id="never-edited", quote="b", seq="901"),
    ]
    db = tmp_path / "ledger.db"
    assert cli("import", db, write_csv(tmp_path / "in.csv", HEADER, rows)).code == 0
    stored = dict(query(db, "SELECT event_id, updated_at FROM reports"))
    assert stored == {
        "edited": "2025-07-01T08:00:00Z",
        "never-edited": DEFAULTS["recorded_at"],
    }
    seqs = [seq for (seq,) in query(db, "SELECT seq FROM reports ORDER BY seq")]
    assert 900 not in seqs and 901 not in seqs  # the ledger's own write order
    out = tmp_path / "out"
    assert cli("export", db, out).code == 0
    with (out / "reports.csv").open(newline="", encoding="utf-8") as handle:
        exported = {r["event_id"]: r for r in csv.DictReader(handle)}
    assert exported["edited"]["updated_at"] == "2025-07-01T08:00:00Z"
    assert [exported[e]["seq"] for e in ("edited", "never-edited")] == [str(s) for s in seqs]
    # the exported file imported again changes nothing: its rows are identical
    again = cli("import", db, out / "reports.csv")
    assert again.code == 0, again.err
    assert counts(db)["reports"] == 2


def test_likely_spreadsheet_damage_is_a_warning_at_its_row_and_column(
    cli: Cli, tmp_path: Path
) -> None:
    """A legacy-encoding save ('?' for Cyrillic), a guarded CR come back as LF, a quote cut
    at a cell's 32,767 characters: imported (they may be real), but never in silence."""
    rows = [
        row(event_id="fine", quote="an ordinary quote"),
        row(event_id="encoded", source_name="??????? ?????", quote="???? ?? ??????"),
        row(event_id="feed", quote="'\nstarted with a carriage return"),
        row(event_id="cut", quote="x" * 32_767),
    ]
    db = tmp_path / "ledger.db"
    result = cli("import", db, write_csv(tmp_path / "saved.csv", HEADER, rows))
    assert result.code == 0, result.err
    assert names_place(result.err, 3, "source_name") and names_place(result.err, 3, "quote")
    assert "save as UTF-8" in result.err
    assert names_place(result.err, 4, "quote") and "line feed" in result.err
    assert names_place(result.err, 5, "quote") and "32,767" in result.err
    assert not names_place(result.err, 2, "quote")
    clean = cli("import", tmp_path / "clean.db", write_csv(tmp_path / "c.csv", HEADER, rows[:1]))
    assert clean.code == 0 and clean.err == ""
    # each sign alone is found in the whole file's bytes, the line feed after CR line ends too
    alone = cli("import", tmp_path / "feed.db", write_csv(tmp_path / "f.csv", HEADER, rows[:3:2]))
    assert names_place(alone.err, 3, "quote") and "line feed" in alone.err, alone.err


def test_a_bad_cell_of_a_report_already_imported_is_its_only_error(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """The example again, with Medinsky's 1212 as a spreadsheet's number format writes
    it ("1,212"): that report's other row was compared with the stored report without
    the flow of the row in error, and read as "already in the database with other
    content" (a second, false error)."""
    text = EXAMPLE_CSV.read_text(encoding="utf-8")
    assert text.count(",1212,") == 1
    edited = tmp_path / "example.csv"
    edited.write_text(text.replace(",1212,", ',"1,212",'), encoding="utf-8")
    before = table_dump(example_db)
    result = cli("import", example_db, edited)
    assert_refused(result, [(5, "count")])
    assert result.err.startswith("example.csv: 1 error, nothing imported:"), result.err
    assert "other content" not in result.err
    assert table_dump(example_db) == before


def test_numbers_of_thousands_of_digits_are_named_in_a_short_sentence(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """Python's int() refuses more than 4,300 digits: such a count or seq ended the import
    in a traceback (in the window, the unexpected-error dialog)."""
    rows = [row(event_id="long", count="9" * 5000, seq="8" * 5000)]
    result = import_bad_rows(cli, example_db, tmp_path, rows)
    assert_refused(result, [(2, "count"), (2, "seq")])
    assert "count is 999999999999…: more than" in result.err and len(result.err) < 1000
    zeros = import_bad_rows(cli, example_db, tmp_path, [row(event_id="z", seq="0" * 30 + "7" * 30)])
    assert "seq is 777777777777…: more than" in zeros.err, zeros.err  # not "000000000000…"
    padded = cli(
        "import",
        tmp_path / "padded.db",
        write_csv(
            tmp_path / "p.csv",
            HEADER,
            [row(event_id="padded", count="0" * 4999 + "7", seq="0" * 4999 + "5")],
        ),
    )
    assert padded.code == 0, padded.err
    assert query(tmp_path / "padded.db", "SELECT count FROM flows") == [(7,)]


def test_a_whole_article_as_a_quote_beside_a_spreadsheets_sign_imports(
    cli_process: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    """A quote past the csv module's 128 KiB a cell, in a file with '???' somewhere: the
    search for a spreadsheet's damage read it with the module's limit, and the import
    ended in a traceback (an export folder holding both could not be restored). In a
    process of its own: a reading earlier in this one may have lifted the limit."""
    article = "The exchange took place at the border. " * 3700  # 144,300 characters
    rows = [row(event_id="article", quote=article), row(event_id="asks", quote="Verified???")]
    db = tmp_path / "ledger.db"
    result = cli_process("import", db, write_csv(tmp_path / "article.csv", HEADER, rows))
    assert result.returncode == 0, result.stderr
    assert names_place(result.stderr, 3, "quote") and not names_place(result.stderr, 2, "quote")
    assert query(db, "SELECT length(quote) FROM reports WHERE event_id = 'article'") == [
        (len(article),)
    ]


def test_a_quote_beginning_on_a_new_line_comes_back_without_a_damage_warning(
    cli: Cli, tmp_path: Path
) -> None:
    """The export guards a cell that begins with a carriage return ("'\r\n…"): its own
    reports.csv imported again warned of a spreadsheet's damage, each time."""
    db = tmp_path / "ledger.db"
    rows = [row(event_id="lines", quote="\r\nOn a line of its own, as pasted")]
    assert cli("import", db, write_csv(tmp_path / "lines.csv", HEADER, rows)).code == 0
    assert cli("export", db, tmp_path / "out").code == 0
    assert b"'\r\nOn a line" in (tmp_path / "out" / "reports.csv").read_bytes()
    again = cli("import", tmp_path / "again.db", tmp_path / "out" / "reports.csv")
    assert again.code == 0 and again.err == "", again.err
    assert query(tmp_path / "again.db", "SELECT quote FROM reports") == [
        ("\r\nOn a line of its own, as pasted",)
    ]


def test_a_file_that_is_not_text_is_refused_without_damage_warnings(
    cli: Cli, tmp_path: Path
) -> None:
    """An image taken for a CSV file: refused as not UTF-8, and that is all it says (its
    bytes held '???', which read as spreadsheet damage under a garbled column name)."""
    image = tmp_path / "photo.csv"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR???\xff\xd8,???\n\xfe???,x\n")
    result = cli("import", tmp_path / "ledger.db", image)
    assert result.code == 1
    assert "UTF-8" in result.err and "warning" not in result.err, result.err
