"""Fuzzing `import` with files a person, a spreadsheet or a broken disk could produce:
random headers, ragged rows, random cells, other encodings, random bytes, huge fields,
NULs, quotes, newlines and unbalanced quotes (PRODUCT.md, "CSV formats").

Whatever the file, the command never crashes: it imports cleanly (exit 0) or says which
row is wrong (exit 1) and leaves the database exactly as it was."""

from __future__ import annotations

import csv
import gc
import io
import itertools
import os
import re
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from conftest import (
    DATA_TABLES,
    REPORTS_HEADER,
    CliResult,
    report_row,
    sha256,
    write_csv,
    write_reports_csv,
)
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from desktop_app.domain import validation
from desktop_app.domain.records import (
    CATEGORIES,
    EVENT_TYPES,
    QUALIFIERS,
    SOURCE_KINDS,
    Flow,
    FlowKey,
)
from desktop_app.domain.validation import FieldProblem, Invalid
from desktop_app.store import bulk_import, database, derived, importer, row_import
from desktop_app.store.check import check
from desktop_app.store.import_plan import ImportPlan
from desktop_app.store.importer import (
    FLOW_COLUMNS,
    REPORT_COLUMNS,
    REQUIRED_COLUMNS,
    apply_import,
    plan_import,
)
from desktop_app.store.ledger import Ledger, ReportInput, write_cache_kib

TABLES = DATA_TABLES
ROW_NUMBER = re.compile(r"\brow \d+\b")
MEGABYTE = 1_000_000

# ---- what the files are made of ---------------------------------------------------------

# Cells that are valid for their column, or nearly so (so that many files import cleanly
# and the rules between rows, files and the database get exercised too).
PLAUSIBLE: dict[str, list[str]] = {
    "report_id": ["", "", "r1", "r2", "fz-1", " r1 ", "'=r3"],
    "event_id": ["e1", "e2", "fz-event", " e1", "", "=1+1", "'-e4"],
    "event_type": [*EVENT_TYPES, "exchange", "Exchange", "", "battle"],
    "event_date": ["2024-05-01", "2024-05", "2024", "2024-02-30", "2999-01-01", "1/2/2024", ""],
    "location": ["", "Sumy", " sumy ", "Kyiv, Ukraine", "=HYPERLINK()"],
    "category": [*CATEGORIES, "pows", "", "POWs", "tanks"],
    "from_party": ["Russia", "Ukraine", "", "russia ", "Belarus"],
    "to_party": ["Ukraine", "Russia", "", "UKRAINE"],
    "count": ["0", "12", "1212", "", "1,212", "-3", "12.0", "1e3", "99999999999", "١٢"],
    "count_qualifier": [*QUALIFIERS, "", "about"],
    "source_name": ["Coordination HQ", "Medinsky", " medinsky ", "", "'@handle", "+380"],
    "source_kind": [*SOURCE_KINDS, "", "blog"],
    "source_party": ["", "Ukraine", "Russia", "Neutralia"],
    "source_url": ["", "https://example.org/a", "www.example.org", "http://x y"],
    "published": ["", "2024-05-02", "2024-13", "2999-12-31"],
    "reliability": ["", "A", "c", "F", "G", "1"],
    "credibility": ["", "1", "6", "7", "A"],
    "quote": ["", "1,212 bodies", 'he said "27"', "line one\nline two", "=cmd|' /C calc'!A0"],
    "recorded_by": ["", "Ada", "=evil()"],
    "recorded_at": ["", "2024-05-02T10:00:00Z", "2024-05-02 10:00", "2999-01-01T00:00:00Z"],
}
WILD_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(",\"\r\n\t\x00'=+-@ \ufeff\u00e9\u0301\U0001f600")),
        st.characters(codec="utf-8"),
    ),
    max_size=24,
)
HUGE_TEXT = st.builds(
    lambda piece, size: (piece * size)[:size],
    st.sampled_from(["x", "é", '"', "ab,", "line\r\n", "\x00"]),
    st.sampled_from([131_073, MEGABYTE]),
)
COLUMN_NAME = st.one_of(
    st.sampled_from(REPORT_COLUMNS),
    st.sampled_from(
        ["Event_ID", " event_id ", "'=event_id", "quote\x00", "", "id", "événement", "count;"]
    ),
    WILD_TEXT,
)


@st.composite
def headers(draw: st.DrawFn) -> list[str]:
    shape = draw(st.sampled_from(["all", "required-and-some", "random"]))
    if shape == "all":
        header = list(draw(st.permutations(REPORT_COLUMNS)))
    elif shape == "required-and-some":
        optional = [column for column in REPORT_COLUMNS if column not in REQUIRED_COLUMNS]
        extra = draw(st.lists(st.sampled_from(optional), unique=True, max_size=10))
        header = list(draw(st.permutations([*REQUIRED_COLUMNS, *extra])))
    else:
        header = draw(st.lists(COLUMN_NAME, max_size=8))
    if header and draw(st.integers(0, 5)) == 0:  # a duplicated or unknown column
        extra_name = draw(st.one_of(st.sampled_from(header), COLUMN_NAME))
        header.insert(draw(st.integers(0, len(header))), extra_name)
    return header


@st.composite
def clean_headers(draw: st.DrawFn) -> list[str]:
    """Required columns, the flow columns all or none, some of the others, any order."""
    others = [c for c in REPORT_COLUMNS if c not in REQUIRED_COLUMNS and c not in FLOW_COLUMNS]
    chosen = draw(st.lists(st.sampled_from(others), unique=True, max_size=len(others)))
    flows = list(FLOW_COLUMNS) if draw(st.booleans()) else []
    return list(draw(st.permutations([*REQUIRED_COLUMNS, *flows, *chosen])))


def cells_for(column: str) -> st.SearchStrategy[str]:
    plausible = PLAUSIBLE.get(column.strip())
    if plausible is None:
        return st.one_of(WILD_TEXT, HUGE_TEXT) if column else WILD_TEXT
    return st.one_of(
        st.sampled_from(plausible),
        st.sampled_from(plausible),
        st.sampled_from(plausible),
        WILD_TEXT,
        HUGE_TEXT if column == "quote" else st.sampled_from(plausible),
    )


# Cells that are all valid together: a file made of them imports cleanly (each row is a
# report of its own event), so the fuzzing covers the writing path too.
CLEAN: dict[str, st.SearchStrategy[str]] = {
    "report_id": st.just(""),
    "event_type": st.sampled_from(EVENT_TYPES),
    "event_date": st.sampled_from(["2024-05-01", "2024-05", "2024", "1999-12-31"]),
    "location": st.sampled_from(["", "Sumy", " Kyiv "]),
    "category": st.sampled_from(CATEGORIES),
    "from_party": st.just("Russia"),
    "to_party": st.sampled_from(["Ukraine", " ukraine", "Belarus"]),
    "count": st.integers(0, 10**9).map(str),
    "count_qualifier": st.sampled_from(["", *QUALIFIERS]),
    "source_name": st.sampled_from(["Coordination HQ", "Medinsky", "'+380 channel"]),
    "source_kind": st.sampled_from(["", *SOURCE_KINDS]),
    "source_party": st.sampled_from(["", "Ukraine", "Russia"]),
    "source_url": st.sampled_from(["", "https://example.org/a"]),
    "published": st.sampled_from(["", "2024-05-02"]),
    "reliability": st.sampled_from(["", "A", "f"]),
    "credibility": st.sampled_from(["", "1", "6"]),
    "quote": st.one_of(
        WILD_TEXT.filter(lambda text: "\x00" not in text),
        HUGE_TEXT.filter(lambda t: "\x00" not in t),
    ),
    "recorded_by": st.sampled_from(["", "Ada"]),
    "recorded_at": st.sampled_from(["", "2024-05-02T10:00:00Z"]),
}


@st.composite
def records(draw: st.DrawFn, header: list[str], clean: bool, number: int) -> list[str]:
    if clean:
        flow = draw(st.booleans())
        record = []
        for column in header:
            if column == "event_id":
                record.append(f"fuzz-{number}")
            elif column in FLOW_COLUMNS and not flow:
                record.append("")
            else:
                record.append(draw(CLEAN.get(column, st.just(""))))
        return record
    record = [draw(cells_for(column)) for column in header]
    ragged = draw(st.integers(0, 9))
    if ragged == 0 and record:
        del record[draw(st.integers(0, len(record) - 1)) :]
    elif ragged == 1:
        record.extend(draw(st.lists(WILD_TEXT, min_size=1, max_size=3)))
    return record


def _quoted(header: list[str], rows: list[list[str]], terminator: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=terminator)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _raw(header: list[str], rows: list[list[str]], terminator: str) -> str:
    """Joined without any quoting, as a careless script would."""
    return "".join(",".join(line) + terminator for line in [header, *rows])


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 14)) == 0:
        return draw(st.binary(max_size=600))  # not a text file at all
    clean = draw(st.booleans())
    header = draw(clean_headers() if clean else headers())
    rows = [draw(records(header, clean, number)) for number in range(draw(st.integers(0, 6)))]
    if clean:
        return _quoted(header, rows, "\r\n").encode("utf-8", errors="surrogatepass")
    terminator = draw(st.sampled_from(["\r\n", "\r\n", "\n", "\r"]))
    joiner = draw(st.sampled_from([_quoted, _quoted, _raw]))
    text = joiner(header, rows, terminator)
    if draw(st.integers(0, 5)) == 0:  # an unbalanced quote somewhere
        at = draw(st.integers(0, len(text)))
        text = text[:at] + '"' + text[at:]
    if draw(st.integers(0, 6)) == 0:  # no line end after the last row
        text = text.rstrip("\r\n")
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "latin-1", "utf-16", "mixed"]))
    if encoding == "latin-1":
        data = text.encode("latin-1", errors="replace")
    elif encoding == "mixed":
        data = text.encode("utf-8", errors="surrogatepass")
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    else:
        data = text.encode(encoding, errors="surrogatepass")
    return data


# ---- the databases a file is imported into ---------------------------------------------


def _counts(path: Path) -> dict[str, int]:
    with Ledger.open(path, read_only=True) as ledger:
        return {table: ledger.count(table) for table in TABLES}


@pytest.fixture(scope="module")
def populated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger already holding reports, events and sources the fuzzed files name, so
    that identical re-imports, edits by import and event type clashes all come up."""
    folder = tmp_path_factory.mktemp("fuzz-template")
    rows = []
    for number, (report_id, event_id, event_type) in enumerate(
        [("r1", "e1", "exchange"), ("fz-1", "fz-event", "talks"), ("", "e2", "agreement")]
    ):
        row = dict.fromkeys(REPORT_COLUMNS, "")
        row.update(
            report_id=report_id,
            event_id=event_id,
            event_type=event_type,
            event_date="2024-05-01",
            category="pows",
            from_party="Russia",
            to_party="Ukraine",
            count=str(12 + number),
            source_name="Coordination HQ",
            source_party="Ukraine",
            quote="1,212 bodies",
        )
        rows.append([row.get(column, "") for column in REPORT_COLUMNS])
    csv_path = write_csv(folder / "seed.csv", list(REPORT_COLUMNS), rows)
    path = folder / "template.db"
    with Ledger.open(path) as ledger:
        plan = plan_import(ledger, csv_path, "seed")
        assert not plan.errors, [str(error) for error in plan.errors]
        apply_import(ledger, plan, "seed")
    return path


@pytest.fixture(scope="module")
def empty_counts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    path = tmp_path_factory.mktemp("fuzz-empty") / "empty.db"
    Ledger.open(path).close()
    return _counts(path)


# ---- the properties -----------------------------------------------------------------------


def _import_and_judge(
    cli: Callable[..., CliResult],
    folder: Path,
    data: bytes,
    populated: Path | None,
    empty_counts: dict[str, int],
) -> CliResult:
    folder.mkdir()
    db = folder / "ledger.db"
    if populated is not None:
        shutil.copyfile(populated, db)
    before = sha256(db)
    csv_path = folder / "reports.csv"
    csv_path.write_bytes(data)

    result = cli("import", db, csv_path)  # an exception here is a crash: the test fails

    assert result.code in (0, 1), (result.code, result.out, result.err)
    event(f"exit {result.code}")
    assert "Traceback" not in result.err + result.out
    if result.code == 0:
        assert result.out.startswith(("Imported", "Nothing new")), result.out
        with Ledger.open(db, read_only=True) as ledger:
            report = check(ledger)
            assert report.ok, report.lines()
    else:
        assert ROW_NUMBER.search(result.err), result.err
        assert "nothing imported" in result.err, result.err
        if before is not None:
            assert sha256(db) == before, "a refused import changed the database"
        elif db.exists():
            assert _counts(db) == empty_counts, "a refused import wrote into a new database"
    return result


_examples = itertools.count()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=csv_files(), into=st.sampled_from(["new", "populated"]))
def test_any_file_imports_cleanly_or_names_its_row_and_changes_nothing(
    data: bytes,
    into: str,
    cli: Callable[..., CliResult],
    tmp_path: Path,
    populated_template: Path,
    empty_counts: dict[str, int],
) -> None:
    folder = tmp_path / f"example-{next(_examples)}"
    populated = populated_template if into == "populated" else None
    _import_and_judge(cli, folder, data, populated, empty_counts)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    cells=st.lists(
        st.sampled_from(list(",\"\r\n\x00'= \ufeff\u00e9") + ["ab", "\xff"]), max_size=30
    ),
    quoted=st.booleans(),
)
def test_quotes_newlines_and_nuls_in_a_cell_never_crash_the_import(
    cells: list[str],
    quoted: bool,
    cli: Callable[..., CliResult],
    tmp_path: Path,
    populated_template: Path,
    empty_counts: dict[str, int],
) -> None:
    """One report whose quote cell is made of the characters CSV and C strings fear."""
    quote = "".join(cells)
    header = "event_id,event_type,event_date,source_name,quote\r\n"
    cell = '"' + quote.replace('"', '""') + '"' if quoted else quote
    data = (header + f"e9,statement,2024-05-01,Coordination HQ,{cell}\r\n").encode(
        "utf-8", errors="surrogatepass"
    )
    folder = tmp_path / f"example-{next(_examples)}"
    result = _import_and_judge(cli, folder, data, populated_template, empty_counts)
    if not quoted:
        return
    if "\x00" not in quote:
        assert result.code == 0, result.err  # a well-quoted UTF-8 cell is a valid file
    if result.code == 0:
        # Stored exactly as given, but for the one `'` that guards a formula.
        guarded = len(quote) > 1 and quote[0] == "'" and quote[1] in "=+-@\t\r'"
        expected = quote[1:] if guarded else quote
        with Ledger.open(folder / "ledger.db", read_only=True) as ledger:
            stored = ledger.conn.execute("SELECT quote FROM reports WHERE event_id = 'e9'")
            assert [row[0] for row in stored] == [expected], "the quote was not stored as given"


# ---- the cases the fuzzing found, pinned down -----------------------------------------------


def _one_report_file(path: Path, quote: str) -> Path:
    header = ["event_id", "event_type", "event_date", "source_name", "quote"]
    return write_csv(path, header, [["e1", "statement", "2024-05-01", "Coordination HQ", quote]])


@pytest.mark.parametrize("size", [131_073, MEGABYTE])
def test_a_huge_quote_is_imported_exactly_as_given(
    size: int, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """PRODUCT.md: quotes are free text, stored exactly as given; RFC 4180 sets no size
    limit, and a 1 MB quote (a long article pasted whole) is a valid cell."""
    quote = ('He said "1,212",\r\nthen: ' * (size // 20 + 1))[:size]
    csv_path = _one_report_file(tmp_path / "huge.csv", quote)
    db = tmp_path / "ledger.db"
    result = cli("import", db, csv_path)
    assert result.code == 0, result.err
    with Ledger.open(db, read_only=True) as ledger:
        stored = [row[0] for row in ledger.conn.execute("SELECT quote FROM reports")]
    assert stored == [quote]


def test_an_unbalanced_quote_in_the_header_is_not_called_an_empty_file(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A file whose first line opens a quote it never closes is not empty: the error
    must say that row 1 cannot be read as CSV, not that a header row is missing."""
    csv_path = tmp_path / "unbalanced.csv"
    csv_path.write_bytes(
        b'"event_id,event_type,event_date,source_name\r\ne1,talks,2024-05-01,HQ\r\n'
    )
    db = tmp_path / "ledger.db"
    result = cli("import", db, csv_path)
    assert result.code == 1
    assert "row 1" in result.err
    assert "empty" not in result.err, result.err
    assert "CSV" in result.err, result.err


def test_non_utf8_bytes_in_the_header_are_reported_as_such(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """PRODUCT.md: bytes that are not UTF-8 are an error at their row and column. A
    Latin-1 header must be reported as not UTF-8, not as an unknown column whose name
    shows an escaped surrogate that is in no file."""
    csv_path = tmp_path / "latin1.csv"
    csv_path.write_bytes(
        "event_id,event_type,event_date,source_name,quot\xe9\r\n"
        "e1,talks,2024-05-01,HQ,x\r\n".encode("latin-1")
    )
    db = tmp_path / "ledger.db"
    result = cli("import", db, csv_path)
    assert result.code == 1
    assert "row 1" in result.err
    assert "UTF-8" in result.err, result.err
    assert "\\udc" not in result.err.encode("unicode_escape").decode(), result.err


def test_a_long_quote_entered_in_the_app_survives_export_and_import(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """The app's own reports.csv must import: a 200 kB quote (entered through the form or
    the store, which set no limit) goes out by `export` and must come back by `import`."""
    quote = ('A long statement, with "quotes", commas\r\nand lines. ' * 4000)[:200_000]
    source = tmp_path / "source.db"
    with Ledger.open(source) as ledger:
        ledger.add_report(
            ReportInput(
                event_type="exchange",
                source_name="Coordination HQ",
                claimed_date="2025-06-11",
                quote=quote,
                flows=(Flow(FlowKey("Russia", "Ukraine", "pows"), 84),),
            ),
            "Ada",
        )
    assert cli("export", source, tmp_path / "out").code == 0
    result = cli("import", tmp_path / "copy.db", tmp_path / "out" / "reports.csv")
    assert result.code == 0, result.err
    with Ledger.open(tmp_path / "copy.db", read_only=True) as ledger:
        assert [row[0] for row in ledger.conn.execute("SELECT quote FROM reports")] == [quote]


# ---- whole columns at once (an import checks a column's 100,000s of texts together) -----


def _kept(check: Callable[[str], object], text: str) -> bool:
    """The per-text check takes this text and keeps it as it is."""
    try:
        return check(text) == text
    except Invalid:
        return False


url_like = st.one_of(
    st.from_regex(r"\A(https?|HTTP|ftp)://[a-z0-9./\-]{0,12}\Z"),
    st.sampled_from(["", " ", "https://x", "https://x ", " https://x", "https://a\nb", "x"]),
    st.text(alphabet="htpsS:/ x\n\t\u00a0\u2028\u017f\u212a\x1c\x85", max_size=12),
)


@given(st.lists(url_like, max_size=6))
@settings(max_examples=400)
def test_urls_checked_together_agree_with_each_checked_alone(texts: list[str]) -> None:
    given = [text for text in texts if text]
    expected = all(_kept(validation.url, text) for text in given)
    assert bulk_import._all_urls(pa.array(given, pa.string())) == expected


time_like = st.one_of(
    st.datetimes().map(lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%SZ")),
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\Z"),
    st.sampled_from(
        [
            "2025-02-29T10:00:00Z",
            "2024-02-29T10:00:00Z",
            "2025-06-11T24:00:00Z",
            "0000-01-01T00:00:00Z",
            "2025-06-11T10:00:00Z\n",
            " 2025-06-11T10:00:00Z",
            "2025-06-11 10:00:00Z",
            "2025-06-11T10:00:00",
        ]
    ),
    st.text(alphabet="0123456789-T:Z \n", max_size=22),
)


@given(st.lists(time_like, max_size=6))
@settings(max_examples=400)
def test_timestamps_checked_together_agree_with_each_checked_alone(texts: list[str]) -> None:
    given = [text for text in texts if text]
    expected = all(_kept(validation.past_timestamp, text) for text in given)
    assert bulk_import._all_timestamps(pa.array(given, pa.string())) == expected


# ---- the two readings of a file agree --------------------------------------------------

# Bytes a CSV file is made of, its quoting and encoding troubles included.
CSV_PIECES = st.sampled_from(
    [
        b'"',
        b'""',
        b",",
        b"\r\n",
        b"\n",
        b"\r",
        b"a",
        b" ",
        b"'=",
        b"\xc3\xa9",
        b"\xff",
        b"\xed\xa0\x80",
        b"\xef\xbb\xbf",
        b"\x00",
        b"\t",
    ]
)


CSV_CELLS = st.one_of(
    st.sampled_from([b'"a""b"', b'"x\r\ny"', b'"a,b"', b'""', b'"\xc3\xa9 "']),
    st.lists(st.sampled_from([b"a", b" ", b"'=", b"\xc3\xa9", b"\t"]), max_size=3).map(b"".join),
    st.lists(CSV_PIECES, max_size=3).map(b"".join),
)


@st.composite
def csv_tables(draw: st.DrawFn) -> bytes:
    """Rows of mostly one width, of cells that are often quoted as RFC 4180 says."""
    width = draw(st.integers(1, 3))
    rows = [
        b",".join(draw(st.lists(CSV_CELLS, min_size=width, max_size=width)))
        for _ in range(draw(st.integers(1, 4)))
    ]
    ends = st.sampled_from([b"\r\n", b"\n", b"\r", b""])
    return b"".join(row + draw(ends) for row in rows)


def csv_module_records(data: bytes) -> list[list[str]] | None:
    try:
        text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
        return list(csv.reader(text, strict=True))
    except (csv.Error, UnicodeDecodeError):
        return None


# Files that end in a quote never closed, after a quoted cell or not: Python 3.11.2
# (Debian 12's) took the first one as plain quoting when the check was a regular
# expression with possessive quantifiers (CPython gh-106052), and imported its last cell
# as empty.
UNCLOSED_AT_THE_END = [
    b'""\r\n"',
    b'""\n"',
    b'""\r"',
    b'"",\r\n"',
    b'"a"\r\n"',
    b'a,b\r\n"x",y\r\n"',
    b'a,b\r\n"x","y\r\n',
    b'""\r\n"\r\n',
    b'"',
    b'\r\n"',
    b'a\r\n"',
    b'"""',
]


@settings(max_examples=1500, deadline=None)
@given(st.one_of(csv_tables(), st.lists(CSV_PIECES, max_size=30).map(b"".join)))
@example(b'""\r\n"')
@example(b'""\n"')
@example(b'""\r"')
@example(b'"",\r\n"')
@example(b'"a"\r\n"')
@example(b'a,b\r\n"x",y\r\n"')
@example(b'a,b\r\n"x","y\r\n')
@example(b'""\r\n"\r\n')
@example(b'"')
@example(b'\r\n"')
@example(b'a\r\n"')
@example(b'"""')
@example(b'""\r\n""')
@example(b'a,b\r\n"x",""\r\n')
@example(b'""\r\n"x"\r\n')
def test_arrow_reads_a_file_only_as_the_csv_module_does(data: bytes) -> None:
    """The bulk reading takes a file from Arrow's reader only where the csv module, which
    the careful reading uses, reads the same cells from it (but for empty lines, which
    Arrow skips and the careful reading ignores)."""
    read = bulk_import.read_columns(data)
    event("taken by Arrow" if read else "left to the csv module")
    if read is None:
        return
    names, table = read
    rows = [names, *map(list, zip(*table.to_pydict().values(), strict=True))]
    assert rows == [record for record in csv_module_records(data) or [None] if record != []]


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b'a,b\r\n"x"y,2\r\n', "text after a closing quote (the csv module refuses it)"),
        (b'a,b\r\nx"y,2\r\n', "a quote inside an unquoted cell"),
        (b'a,b\r\n"x,2\r\n', "a quote never closed"),
        (b"a,b\r\n\xff,2\r\n", "a byte that is not UTF-8"),
        (b"a,b\r\n\xed\xa0\x80,2\r\n", "an encoded surrogate"),
        (b"a,b\r\nx\x00,2\r\n", "a NUL"),
        (b"a,a\r\n1,2\r\n", "a column named twice"),
        (b"a,b\r\n1\r\n", "a short row"),
        (b"a,b\r\n1,2,3\r\n", "a long row"),
    ],
)
def test_arrow_leaves_a_file_it_might_misread_to_the_csv_module(data: bytes, why: str) -> None:
    assert bulk_import.read_columns(data) is None, why


def test_a_failure_of_arrows_own_leaves_the_file_to_the_csv_module(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """Arrow's threaded reader once failed on a valid file of 8,000 reports with "Unknown
    error: a chunk failed converting for an unknown reason", an ArrowException that is not
    ArrowInvalid, and the import ended in a traceback (seen once in a full run of the
    tests). Whatever Arrow fails on, the careful reading reads the file."""

    def failing(*_args: object, **_kwargs: object) -> None:
        raise pa.lib.ArrowException(
            "Unknown error: a chunk failed converting for an unknown reason"
        )

    monkeypatch.setattr(bulk_import.pa_csv, "read_csv", failing)
    assert bulk_import.read_columns(b"a,b\r\n1,2\r\n") is None
    result = cli("import", tmp_path / "ledger.db", write_reports_csv(tmp_path / "r.csv", 90))
    assert result.code == 0, result.err
    with Ledger.open(tmp_path / "ledger.db", read_only=True) as ledger:
        assert ledger.count("reports") == 90


@pytest.mark.parametrize("data", UNCLOSED_AT_THE_END)
def test_a_file_ending_in_an_unclosed_quote_is_left_to_the_csv_module(data: bytes) -> None:
    assert csv_module_records(data) is None  # the csv module refuses each of them
    assert bulk_import.plain_quoting(data) is None
    assert bulk_import.read_columns(data) is None


def _plain_quoting_as_written(inside: bytes) -> re.Pattern[bytes]:
    """Plain quoting as one regular expression: text before an opening quote ends with a
    delimiter, text after a closing one starts with one, quoted cells hold `inside`.
    Atomic groups keep it linear and are matched right by Python 3.11.2."""
    return re.compile(
        rb'(?:(?>[^"]*)(?<=[,\r\n]))?'
        + rb'(?>(?:"(?>['
        + inside
        + rb']*)"(?:[,\r\n](?:(?>[^"]*)(?<=[,\r\n]))?)?)*)'
        + rb'(?:(?<!")(?>[^"]*))?'
    )


def test_the_quoting_check_is_the_rule_as_written_for_every_short_file() -> None:
    """Every file of up to 6 bytes of `"`, `,`, CR, LF and `a` (19,531 of them)."""
    plain = _plain_quoting_as_written(rb'^"')
    without_cr = _plain_quoting_as_written(rb'^"\r')
    for size in range(7):
        for letters in itertools.product([b'"', b",", b"\r", b"\n", b"a"], repeat=size):
            data = b"".join(letters)
            expected = None
            if without_cr.fullmatch(data) is not None:
                expected = False
            elif plain.fullmatch(data) is not None:
                expected = True
            assert bulk_import.plain_quoting(data) is expected, data


def test_a_quoted_cell_of_crlf_lines_longer_than_a_block_is_read_whole() -> None:
    """Arrow 26 drops the \\n of a \\r\\n inside a quoted cell where its reader splits the
    file into blocks of 1 MB (hypothesis found it); such a file is read as one block."""
    quote = "line\r\n" * 200_000
    for pad in range(6):  # one of them puts the end of the first block inside a \r\n
        data = f'event_id,quote\r\ne1{"x" * pad},"{quote}"\r\ne2,after\r\n'.encode()
        read = bulk_import.read_columns(data)
        assert read is not None
        assert read[1].column("quote").to_pylist() == [quote, "after"], pad


def test_the_bulk_reading_trims_what_str_strip_trims() -> None:
    every = "".join(char for char in map(chr, range(0x110000)) if char.isspace())
    assert every == bulk_import.WHITESPACE


# Cells valid for their column, in a few spellings, so that the bulk reading (a column at a
# time) often takes a file whole and the careful one (row by row) must give the same plan.
VALID: dict[str, list[str]] = {
    "report_id": ["", "r1", "r2", "fz-1", "'=r3"],
    "event_id": ["e1", "e2", "fz-event", "'-e4"],
    "event_type": ["exchange", "talks"],
    "event_date": ["2024-05-01", "2024-05", "2024"],
    "location": ["", "Sumy", " sumy ", "'\tSumy"],
    "source_name": ["Coordination HQ", "Medinsky", " medinsky "],
    "source_kind": ["", "official", "media"],
    "source_party": ["", "Ukraine", "ukraine", "Neutralia"],
    "source_url": ["", "https://example.org/a"],
    "published": ["", "2024-05-02"],
    "reliability": ["", "A", "a", "F"],
    "credibility": ["", "1", "6"],
    "quote": ["", "1,212 bodies", ' he said "27"\nthen left '],
    "recorded_by": ["", "Ada"],
    "recorded_at": ["", "2024-05-02T10:00:00Z"],
}
VALID_FLOWS = st.one_of(
    st.just(("", "", "", "", "")),
    st.tuples(
        st.sampled_from(["pows", "bodies"]),
        st.sampled_from(["Russia", "russia ", "Belarus"]),
        st.sampled_from(["Ukraine", "UKRAINE", "Neutralia"]),
        st.sampled_from(["0", "12", "1212"]),
        st.sampled_from(["", "approx"]),
    ),
)


@st.composite
def consistent_files(draw: st.DrawFn) -> bytes:
    """Rows of a few reports: each row repeats its report's values (mostly), with a flow."""
    level = [column for column in VALID if column not in ("source_kind", "reliability")]
    reports = [
        {column: draw(st.sampled_from(VALID[column])) for column in level}
        for _ in range(draw(st.integers(1, 4)))
    ]
    graded = ("source_kind", "reliability")
    grades = {  # a source is graded one way, mostly
        name.strip().casefold(): {column: draw(st.sampled_from(VALID[column])) for column in graded}
        for name in VALID["source_name"]
    }
    rows = []
    for _ in range(draw(st.integers(1, 8))):
        row = dict(draw(st.sampled_from(reports)))
        row.update(zip(FLOW_COLUMNS, draw(VALID_FLOWS), strict=True))
        row.update(grades[row["source_name"].strip().casefold()])
        if draw(st.integers(0, 9)) == 0:  # one cell that breaks a rule between rows
            column = draw(st.sampled_from(list(VALID)))
            row[column] = draw(st.sampled_from(VALID[column]))
        rows.append([row.get(column, "") for column in REPORT_COLUMNS])
    return _quoted(list(REPORT_COLUMNS), rows, "\r\n").encode()


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.one_of(consistent_files(), csv_files()), into=st.sampled_from(["new", "populated"]))
def test_the_bulk_and_the_careful_reading_plan_the_same(
    data: bytes, into: str, tmp_path: Path, populated_template: Path
) -> None:
    folder = tmp_path / f"readings-{next(_examples)}"
    folder.mkdir()
    db = folder / "ledger.db"
    if into == "populated":
        shutil.copyfile(populated_template, db)
    csv_path = folder / "reports.csv"
    csv_path.write_bytes(data)
    with Ledger.open(db) as ledger:
        bulk = plan_import(ledger, csv_path, "fuzz")
        careful = plan_import(ledger, csv_path, "fuzz", bulk=False)
    event("clean" if not careful.errors else "with errors")
    assert _at_one_time(bulk) == _at_one_time(careful)
    assert careful.id_order is None
    if bulk.id_order is not None:  # the column-wise reading sorted the reports by id
        ids = [report.report_id for report in bulk.reports]
        assert [ids[place] for place in bulk.id_order] == sorted(ids)


def test_the_column_wise_reading_sorts_the_reports_ids_as_python_does(tmp_path: Path) -> None:
    """The writer inserts the reports in the order of their ids that the plan's reading
    sorted with Arrow (bytes of UTF-8, the order of code points): the order Python sorts
    strings in, letters of any script, case, digits and characters past U+FFFF included."""
    ids = ["b", "B", "a", "ä", "Я", "я", "z", "😀", "～", "10", "9", "r-1", "Ω", "ab", "a b"]
    rows = [report_row(number, report_id=report_id) for number, report_id in enumerate(ids)]
    csv_path = write_csv(tmp_path / "reports.csv", list(REPORTS_HEADER), rows)
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        plan = plan_import(ledger, csv_path, "test")
        assert plan.id_order is not None and not plan.errors
        assert [plan.reports[place].report_id for place in plan.id_order] == sorted(ids)
        apply_import(ledger, plan, "test")
        stored = ledger.conn.execute("SELECT id FROM reports ORDER BY seq").fetchall()
        assert [report_id for (report_id,) in stored] == ids  # each at its place in the file


def _at_one_time(plan: ImportPlan) -> ImportPlan:
    """The plan with the clock left out of its messages: "… is in the future (it is now
    T)" names the second each reading ran in, and a second may tick between the two."""

    def timeless(problem: FieldProblem) -> FieldProblem:
        return replace(problem, message=_NOW.sub("(it is now …)", problem.message))

    return replace(plan, errors=list(map(timeless, plan.errors)))


_NOW = re.compile(r"\(it is now [0-9TZ:-]+\)")


def test_a_clean_file_is_planned_a_column_at_a_time_and_imports_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = write_reports_csv(tmp_path / "reports.csv", 300)

    def careful_reading(*args: object) -> None:
        raise AssertionError("a clean file was read row by row")

    monkeypatch.setattr(row_import, "_plan_rows", careful_reading)
    # What a large file does: indexes built after the insert, state derived in a thread.
    monkeypatch.setattr(database, "BULK_INDEX_MINIMUM", 50)
    monkeypatch.setattr(derived, "PARALLEL_MINIMUM", 10)
    indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        before = ledger.conn.execute(indexes).fetchall()
        plan = plan_import(ledger, csv_path, "test")
        apply_import(ledger, plan, "test")
        assert check(ledger).ok
        assert (ledger.count("reports"), ledger.count("events")) == (300, 100)
        assert ledger.conn.execute(indexes).fetchall() == before
        assert len(ledger.conn.execute("SELECT * FROM event_search").fetchall()) == 100
        # The import wrote with foreign keys unenforced: every reference holds all the same.
        assert ledger.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert ledger.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_what_an_import_made_is_left_to_no_young_pass_of_the_collector(tmp_path: Path) -> None:
    """The garbage collector is paused while a file is read and written; what they made
    goes to its oldest generation at once, where the first young pass after would have
    walked all of it (0.1-0.2 s at 300,000 reports)."""
    csv_path = write_reports_csv(tmp_path / "reports.csv", 3_000)

    def young() -> int:
        return len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1))

    with Ledger.open(tmp_path / "ledger.db") as ledger:
        plan = plan_import(ledger, csv_path, "test")
        assert young() < 3_000 and gc.isenabled()
        apply_import(ledger, plan, "test")
        assert young() < 3_000 and gc.isenabled()
        assert ledger.count("reports") == 3_000


def cache_while_importing(db: Path, csv_path: Path) -> tuple[int, set[int], int]:
    """The file's size in KiB before an import, the page cache sizes its progress saw
    (negative: KiB), and the cache size after it, against before (0: the same)."""
    with Ledger.open(db) as ledger:

        def pragma(name: str) -> int:
            value: int = ledger.conn.execute(f"PRAGMA {name}").fetchone()[0]
            return value

        kib, usual = pragma("page_count") * pragma("page_size") // 1024, pragma("cache_size")
        seen: set[int] = set()

        def progress(done: int, total: int) -> bool:
            seen.add(pragma("cache_size"))
            return True

        apply_import(ledger, plan_import(ledger, csv_path, "test"), "test", progress)
        return kib, seen, pragma("cache_size") - usual


def test_an_import_caches_the_file_as_it_was_and_no_more(tmp_path: Path) -> None:
    """While an import writes, SQLite's page cache holds the file as it was (what the
    write may come back to) and 32 MiB besides, at most 256 MiB; before and after, its
    usual size. A new file's pages are left to the file as the cache fills."""
    for prefix in ("r", "m"):  # into a new file, then into the file the first one wrote
        csv_path = write_reports_csv(tmp_path / f"{prefix}.csv", 300, prefix=prefix)
        kib, seen, after = cache_while_importing(tmp_path / "ledger.db", csv_path)
        assert seen == {-(kib + 32 * 1024)} and after == 0
    assert kib > 100
    assert write_cache_kib(0) == 32 * 1024 and write_cache_kib(10**10) == 256 * 1024


def test_the_search_rows_of_new_events_are_those_the_tables_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The texts a Derivation makes for an import's new events equal what SEARCH_TEXT_SQL
    makes from the stored rows, a source stored before in another spelling included."""
    csv_path = write_reports_csv(tmp_path / "reports.csv", 300)
    monkeypatch.setattr(derived, "PARALLEL_MINIMUM", 10)
    search = "SELECT rowid, event_id, text FROM event_search ORDER BY rowid"
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        ledger.add_report(
            ReportInput(
                event_type="talks",
                source_name="SOURCE  1",
                source_party="ukraine",
                claimed_date="2024-01-01",
                quote="stored before",
            ),
            "Ada",
        )
        apply_import(ledger, plan_import(ledger, csv_path, "test"), "test")
        written = ledger.conn.execute(search).fetchall()
        with ledger.write("test"):
            derived.rebuild(ledger.conn)
            assert ledger.conn.execute(search).fetchall() == written
    assert len(written) == 101
    assert sum("SOURCE  1 " in text for _, _, text in written) == 101


def _derived_tables(ledger: Ledger) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: ledger.conn.execute(f"SELECT {columns} FROM {table} ORDER BY {order}").fetchall()
        for table, columns, order in (
            ("event_state", f"rowid, {derived.EVENT_STATE_COLUMNS}", "rowid"),
            ("flow_state", "*", "event_id, from_party, to_party, category"),
            ("event_search", "rowid, event_id, text", "rowid"),
            ("exchange_days", "*", "chart_day, category, from_party, to_party"),
        )
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="derives in a child on Linux")
@pytest.mark.parametrize("minimum", [10, 10**9], ids=["child's image", "in the writer"])
def test_new_and_stored_events_of_one_import_are_derived_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, minimum: int
) -> None:
    """An import that adds new events (derived by a child, whose rows the writer copies
    from a SQLite image) and reports to stored events (derived by the writer) stores the
    same rows, in the same order, as one whose events are all derived by the writer."""
    first = write_reports_csv(tmp_path / "first.csv", 30, prefix="a")
    second = write_reports_csv(tmp_path / "second.csv", 60, prefix="b")
    with second.open("a", newline="", encoding="utf-8") as handle:
        row = dict.fromkeys(REPORTS_HEADER, "")
        row.update(report_id="b-late", event_id="a-event-0", event_type="exchange")
        row.update(event_date="2024-01-02", category="pows", from_party="Russia")
        row.update(to_party="Ukraine", count="99", source_name="Late", quote="late")
        csv.writer(handle, lineterminator="\r\n").writerow(row[c] for c in REPORTS_HEADER)
    tables = {}
    for name in ("writer", str(minimum)):
        monkeypatch.setattr(derived, "PARALLEL_MINIMUM", 10**9 if name == "writer" else minimum)
        with Ledger.open(tmp_path / f"{name}.db") as ledger:
            apply_import(ledger, plan_import(ledger, first, "test"), "test")
            assert check(ledger).ok  # the image's daily sums, the ledger's only events
            apply_import(ledger, plan_import(ledger, second, "test"), "test")
            assert check(ledger).ok
            tables[name] = _derived_tables(ledger)
            assert derived.IMAGE not in {
                row[1] for row in ledger.conn.execute("PRAGMA database_list")
            }
    assert tables["writer"] == tables[str(minimum)]
    assert len(tables["writer"]["event_state"]) == 30


def test_an_event_deleted_after_the_file_was_read_stops_the_import(tmp_path: Path) -> None:
    """Another program removes an event between reading a file and writing it: the plan's
    reports for it must not go in pointing nowhere."""
    db = tmp_path / "ledger.db"
    first = write_reports_csv(tmp_path / "first.csv", 6)
    more = write_reports_csv(tmp_path / "more.csv", 6)
    with Ledger.open(db) as ledger:
        apply_import(ledger, plan_import(ledger, first, "test"), "test")
        with more.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            row["report_id"] = "more-" + row["report_id"]
        write_csv(more, list(rows[0]), [list(row.values()) for row in rows])
        plan = plan_import(ledger, more, "test")
        assert not plan.errors and not plan.new_events
        other = sqlite3.connect(db, isolation_level=None)  # the other program
        other.execute("PRAGMA foreign_keys = OFF")
        other.execute("DELETE FROM flows")
        other.execute("DELETE FROM reports WHERE event_id = 'r-event-1'")
        other.execute("DELETE FROM events WHERE id = 'r-event-1'")
        other.close()
        before = {table: ledger.count(table) for table in TABLES}
        with pytest.raises(Invalid, match="event r-event-1 was deleted by another program"):
            apply_import(ledger, plan, "test")
        assert {table: ledger.count(table) for table in TABLES} == before
        assert ledger.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_an_event_created_after_the_file_was_read_stops_the_import(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    csv_path = write_reports_csv(tmp_path / "reports.csv", 6)
    with Ledger.open(db) as ledger:
        plan = plan_import(ledger, csv_path, "test")
        assert "r-event-1" in plan.new_events
        other = ReportInput(event_type="exchange", source_name="Other", claimed_date="2024-01-01")
        ledger.add_report(other, "another window", event_id="r-event-1")
        before = {table: ledger.count(table) for table in TABLES}
        with pytest.raises(Invalid, match="event r-event-1 was created by another program"):
            apply_import(ledger, plan, "test")
        assert {table: ledger.count(table) for table in TABLES} == before


@pytest.mark.parametrize("bulk", [True, False])
def test_an_event_retyped_after_the_file_was_read_stops_the_import(
    bulk: bool, tmp_path: Path
) -> None:
    """Another program gave an event another type (its only report edited) between the
    reading and the write: the file's exchange report went into an event of type
    `other`, its count out of the balance, and the import said nothing."""
    db = tmp_path / "ledger.db"
    first = write_reports_csv(tmp_path / "first.csv", 1, per_event=1)
    more = write_reports_csv(tmp_path / "more.csv", 1, per_event=1, prefix="m")
    text = more.read_text(encoding="utf-8").replace("m-event-0", "r-event-0")
    more.write_text(text, encoding="utf-8")
    with Ledger.open(db) as ledger:
        apply_import(ledger, plan_import(ledger, first, "test"), "test")
        plan = plan_import(ledger, more, "test", bulk=bulk)
        assert not plan.errors and not plan.new_events
        retyped = ReportInput(event_type="other", source_name="Source 0", claimed_date="2024-01-01")
        ledger.edit_report("r0", retyped, "another window")
        before = {table: ledger.count(table) for table in TABLES}
        with pytest.raises(Invalid, match="event r-event-0 was retyped by another program"):
            apply_import(ledger, plan, "test")
        assert {table: ledger.count(table) for table in TABLES} == before


class Forks(derived.Derivation):
    """A derivation that keeps the pid of the child it forks."""

    started: list[Forks] = []

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.pid: int | None = None
        Forks.started.append(self)

    def _fork(self) -> int:
        pipe = super()._fork()
        self.pid = self._child
        return pipe


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[Forks]:
    monkeypatch.setattr(derived, "PARALLEL_MINIMUM", 10)
    monkeypatch.setattr(importer, "Derivation", Forks)
    monkeypatch.setattr(Forks, "started", [])
    return Forks.started


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="derives in a child on Linux")
def test_the_state_of_new_events_is_derived_in_a_child_process(
    tmp_path: Path, forks: list[Forks], monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = write_reports_csv(tmp_path / "reports.csv", 300)
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        apply_import(ledger, plan_import(ledger, csv_path, "test"), "test")
        assert check(ledger).ok
    assert len(forks) == 1 and forks[0].pid is not None and forks[0].stopped
    with pytest.raises(ProcessLookupError):  # waited for: no zombie left behind
        os.kill(forks[0].pid, 0)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="derives in a child on Linux")
def test_the_childs_state_tables_go_whole_into_a_new_ledger(
    tmp_path: Path, forks: list[Forks], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child makes its state tables and their indexes as the ledger makes them, so
    that the writer copies them into its empty ones as they are (no row decoded, no index
    sorted): the first import does, the second (into tables that hold rows) does not;
    either way the ledger's indexes agree with its rows."""
    copied: list[bool] = []
    whole = derived._copied_whole

    def watched(conn: sqlite3.Connection) -> bool:
        copied.append(whole(conn))
        return copied[-1]

    monkeypatch.setattr(derived, "_copied_whole", watched)
    first = write_reports_csv(tmp_path / "first.csv", 300, prefix="a")
    second = write_reports_csv(tmp_path / "second.csv", 300, prefix="b")
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        for csv_path in (first, second):
            apply_import(ledger, plan_import(ledger, csv_path, "test"), "test")
            assert check(ledger).ok
        assert ledger.count("event_state") == 200
    assert copied == [True, False]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="derives in a child on Linux")
def test_a_ledger_in_utf16_takes_the_childs_rows(tmp_path: Path, forks: list[Forks]) -> None:
    """A file another program made in UTF-16 refused every import of 2,000 new events
    or more ("attached databases must use the same text encoding as main database"):
    the child's image was always UTF-8."""
    path = tmp_path / "ledger.db"
    made = sqlite3.connect(path)
    made.execute("PRAGMA encoding = 'UTF-16le'")
    made.execute("CREATE TABLE made (x)")
    made.execute("DROP TABLE made")
    made.commit()
    made.close()
    csv_path = write_reports_csv(tmp_path / "reports.csv", 300)
    with Ledger.open(path) as ledger:
        assert ledger.conn.execute("PRAGMA encoding").fetchone()[0] == "UTF-16le"
        apply_import(ledger, plan_import(ledger, csv_path, "test"), "test")
        assert check(ledger).ok
        assert ledger.count("event_state") == 100
    assert len(forks) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="derives in a child on Linux")
def test_a_child_that_dies_is_replaced_by_deriving_in_the_parent(
    tmp_path: Path, forks: list[Forks], monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = write_reports_csv(tmp_path / "reports.csv", 300)
    monkeypatch.setattr(derived, "_derive_in_child", lambda derive, pipe: os._exit(9))
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        apply_import(ledger, plan_import(ledger, csv_path, "test"), "test")
        assert check(ledger).ok
        assert ledger.count("events") == 100
    assert forks[0].pid is not None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="derives in a child on Linux")
def test_a_write_that_fails_kills_the_deriving_child(
    tmp_path: Path, forks: list[Forks], monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = write_reports_csv(tmp_path / "reports.csv", 300)
    slow = derived.derive_inputs
    survived = tmp_path / "the child lived on"

    def slow_in_the_child(*args: Any) -> Any:
        time.sleep(2)  # killed meanwhile; else the parent waits for it, and then:
        survived.touch()
        return slow(*args)

    def failing(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(derived, "derive_inputs", slow_in_the_child)
    monkeypatch.setattr(importer, "_insert", failing)
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        plan = plan_import(ledger, csv_path, "test")
        with pytest.raises(OSError, match="disk full"):
            apply_import(ledger, plan, "test")
        assert ledger.count("reports") == 0
    assert forks[0].pid is not None and forks[0].stopped
    assert not survived.exists()
    with pytest.raises(ProcessLookupError):
        os.kill(forks[0].pid, 0)


def test_a_write_that_fails_while_deriving_stops_the_derivation_and_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = write_reports_csv(tmp_path / "reports.csv", 300)
    monkeypatch.setattr(derived, "PARALLEL_MINIMUM", 10)

    def failing(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(derived, "_refresh_search", failing)
    started: list[derived.Derivation] = []

    class Watched(derived.Derivation):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            started.append(self)

    monkeypatch.setattr(importer, "Derivation", Watched)
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        plan = plan_import(ledger, csv_path, "test")
        before = {table: ledger.count(table) for table in TABLES}
        with pytest.raises(OSError, match="disk full"):
            apply_import(ledger, plan, "test")
        assert {table: ledger.count(table) for table in TABLES} == before
        assert ledger.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert len(started) == 1 and started[0].stopped
