"""`exchange-ledger import DB DIR` of an export folder (PRODUCT.md, "Exchange of data" and
the `import` command): into a new ledger it restores the exported one, so that exporting
it again writes the same bytes; into one with data it adds the folder's reports, then its
decisions; a bad folder imports nothing; the codebook holds for frictionless and pandas."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    DATA_TABLES,
    EXAMPLE_CSV,
    GARBLED_CSV,
    REPORTS_HEADER,
    CliResult,
    codebook,
    sha256,
    write_csv,
)

from desktop_app.domain.records import FieldKey, Flow, FlowKey
from desktop_app.store.csvio import FORMULA_STARTS
from desktop_app.store.ledger import Ledger, ReportInput
from desktop_app.store.restore import import_folder

Cli = Callable[..., CliResult]
CSV_FILES = (
    "reports.csv",
    "events.csv",
    "sources.csv",
    "balance.csv",
    "resolutions.csv",
    "evidence.csv",
)
POWS = FlowKey("Russia", "Ukraine", "pows")


def ok(result: CliResult) -> CliResult:
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result


def refused(result: CliResult) -> CliResult:
    assert result.code == 1, (result.out, result.err)
    assert "Traceback" not in result.err
    return result


def round_trip(cli: Cli, db: Path, work: Path) -> tuple[Path, Path, Path]:
    """export → import DIR into a new file → export; both folders and the new ledger."""
    first, second, restored = work / "out1", work / "out2", work / "restored.db"
    ok(cli("export", db, first, "--with-evidence"))
    result = ok(cli("import", restored, first))
    assert f"Restored {first.name} into {restored}" in result.out
    ok(cli("export", restored, second, "--with-evidence"))
    return first, second, restored


def assert_identical(first: Path, second: Path) -> None:
    for name in (*CSV_FILES, "README.txt"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert codebook(first) == codebook(second)
    files = sorted(path.name for path in (first / "evidence").glob("*"))
    assert files == sorted(path.name for path in (second / "evidence").glob("*"))
    for name in files:
        assert (first / "evidence" / name).read_bytes() == (second / "evidence" / name).read_bytes()


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def statuses(folder: Path) -> dict[str, str]:
    return {row["event_id"]: row["status"] for row in read_rows(folder / "events.csv")}


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {table: conn.execute(f"SELECT * FROM {table}").fetchall() for table in DATA_TABLES}


# ---- ledgers to export --------------------------------------------------------------


def decided_ledger(cli: Cli, db: Path) -> Path:
    """The garbled example with its reversed direction dismissed, and an event whose
    count was decided twice (the first superseded), whose location decision was withdrawn,
    and which a later report reopened."""
    ok(cli("import", db, GARBLED_CSV))
    ok(
        cli(
            "resolve", db, "bodies-2025-06-13", "--dismiss-direction", "Ukraine", "Russia",
            "bodies", "--rationale", "both stand as reported", "--by", "Reviewer",
        )
    )  # fmt: skip
    with Ledger.open(db) as ledger:
        one, _ = ledger.add_report(
            ReportInput("exchange", "Source A", "2025-05-01", flows=(Flow(POWS, 100),)),
            "alice",
            event_id="ev-x",
        )
        two, _ = ledger.add_report(
            ReportInput(
                "exchange", "Source B", "2025-05-01", location="Lviv", flows=(Flow(POWS, 120),)
            ),
            "bob",
            event_id="ev-x",
        )
        ledger.resolve("ev-x", FieldKey.count(POWS), "100", "first reading", "rev", one)
        ledger.resolve("ev-x", FieldKey.count(POWS), "120", "second reading", "rev", two)
        location, _ = ledger.resolve("ev-x", FieldKey.location(), "Kyiv", "=guessed", "rev")
        ledger.withdraw_resolution(location, "rev")
        ledger.add_report(
            ReportInput("exchange", "Source C", "2025-05-01", flows=(Flow(POWS, 90),)),
            "carol",
            event_id="ev-x",
        )
    return db


HOSTILE_ROWS = [
    {
        "report_id": "=1+1",
        "event_id": "@x",
        "event_date": "2024-03-02",
        "location": "-3",
        "category": "pows",
        "from_party": "Росія",
        "to_party": "Україна",
        "count": "7",
        "source_name": "Канал 🎉 news",
        "source_party": "Україна",
        "quote": "=HYPERLINK(\"x\")\r\nдругий рядок 🎉,\r\n\t'quoted'",
        "recorded_by": "+tester",
        "recorded_at": "2025-01-02T03:04:05Z",
    },
    {
        "report_id": "'@r2",
        "event_id": "@x",
        "event_date": "2024-03",
        "location": "Харків",
        "category": "pows",
        "from_party": "Росія",
        "to_party": "Україна",
        "count": "9",
        "source_name": "-dash source",
        "quote": '\r\nstarts with a carriage return, "quoted"',
        "recorded_at": "2025-01-02T03:04:06Z",
    },
]


def hostile_ledger(cli: Cli, tmp_path: Path, db: Path) -> Path:
    rows = []
    for values in HOSTILE_ROWS:
        row = dict.fromkeys(REPORTS_HEADER, "")
        row.update(event_type="exchange", source_kind="media", **values)
        rows.append(
            ["'" + v if v[:1] in "=+-@'\t\r" and v else v for v in map(row.get, REPORTS_HEADER)]
        )
    ok(cli("import", db, write_csv(tmp_path / "hostile.csv", REPORTS_HEADER, rows)))
    ok(
        cli(
            "resolve", db, "@x", "--count", "Росія", "Україна", "pows", "9",
            "--rationale", "=SUM(A1) 🎉\r\nsecond line", "--report", "'@r2", "--by", "@rev",
        )
    )  # fmt: skip
    page = tmp_path / "=сторінка 🎉.html"
    page.write_bytes("<html>Обмін полоненими</html>".encode())
    ok(
        cli(
            "evidence", "add", db, "=1+1", page, "--accessed", "2025-06-11",
            "--archive-url", "https://archive.ph/x", "--note", "@note\r\nдругий рядок",
        )
    )  # fmt: skip
    return db


# ---- the round trip -------------------------------------------------------------------


def test_the_example_round_trips_byte_for_byte(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "example.db"
    ok(cli("import", db, EXAMPLE_CSV))
    first, second, _ = round_trip(cli, db, tmp_path)
    assert_identical(first, second)


@pytest.mark.parametrize("alone", [True, False])
def test_a_restore_alone_into_an_empty_ledger_skips_the_wal(
    alone: bool, cli: Cli, tmp_path: Path
) -> None:
    """As an import: the command line restores a folder into an empty ledger through a
    rollback journal, the window through the -wal; WAL again after, the same ledger."""
    db = decided_ledger(cli, tmp_path / "decided.db")
    folder = tmp_path / "out"
    ok(cli("export", db, folder))
    seen: set[str] = set()
    with Ledger.open(tmp_path / "restored.db") as ledger:

        def progress(done: int, total: int) -> bool:
            seen.add(ledger.conn.execute("PRAGMA journal_mode").fetchone()[0])
            return True

        result = import_folder(ledger, folder, "Ada", progress=progress, alone=alone)
        assert result.restored and not result.errors
        assert ledger.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert seen == ({"delete"} if alone else {"wal"})
    ok(cli("export", tmp_path / "restored.db", tmp_path / "again"))
    assert_identical(folder, tmp_path / "again")


def test_decisions_and_every_status_come_back_byte_for_byte(cli: Cli, tmp_path: Path) -> None:
    db = decided_ledger(cli, tmp_path / "decided.db")
    first, second, restored = round_trip(cli, db, tmp_path)
    assert_identical(first, second)
    decisions = read_rows(first / "resolutions.csv")
    assert [(d["field"], d["value"], d["state"]) for d in decisions] == [
        ("direction", "dismissed", "in_force"),
        ("count", "100", "superseded"),
        ("count", "120", "in_force"),
        ("location", "Kyiv", "withdrawn"),
    ]
    assert statuses(second)["ev-x"] == "reopened"
    assert statuses(second)["bodies-2025-06-13"] == "resolved"  # the dismissal counts
    ok(cli("check", restored))  # the derived state is the rules' own
    with Ledger.open(restored) as ledger:
        # the write order goes on after the restored positions
        last = max(int(row["seq"]) for row in read_rows(first / "reports.csv") + decisions)
        assert ledger.next_seqs() == last + 1


def test_a_hostile_file_round_trips_byte_for_byte(cli: Cli, tmp_path: Path) -> None:
    db = hostile_ledger(cli, tmp_path, tmp_path / "hostile.db")
    first, second, restored = round_trip(cli, db, tmp_path)
    assert_identical(first, second)
    with Ledger.open(restored) as ledger:
        record = ledger.report_record("=1+1")
        assert record is not None
        assert record["quote"] == HOSTILE_ROWS[0]["quote"]  # CRLF, tab and emoji kept
        assert (record["event_id"], record["location"]) == ("@x", "-3")
    rationale = read_rows(second / "resolutions.csv")[0]["rationale"]
    assert rationale == "'=SUM(A1) 🎉\r\nsecond line"
    [item] = read_rows(second / "evidence.csv")
    assert (item["report_id"], item["file_name"]) == ("'=1+1", "'=сторінка 🎉.html")
    assert item["note"] == "'@note\r\nдругий рядок"
    assert ok(cli("evidence", "verify", restored))


def test_the_restored_ledger_keeps_ids_times_and_who(cli: Cli, tmp_path: Path) -> None:
    db = decided_ledger(cli, tmp_path / "decided.db")
    _, _, restored = round_trip(cli, db, tmp_path)
    with Ledger.open(db) as original, Ledger.open(restored) as copy:
        query = (
            "SELECT id, event_id, source_id, recorded_by, recorded_at, updated_at, seq"
            " FROM reports ORDER BY seq"
        )
        assert copy.conn.execute(query).fetchall() == original.conn.execute(query).fetchall()
        query = "SELECT id, name, kind, party, reliability FROM sources ORDER BY id"
        assert copy.conn.execute(query).fetchall() == original.conn.execute(query).fetchall()
        query = (
            "SELECT event_id, field, value, report_id, rationale, resolved_by, resolved_at, seq,"
            " withdrawn_at IS NULL FROM resolutions ORDER BY seq"
        )
        assert copy.conn.execute(query).fetchall() == original.conn.execute(query).fetchall()


def test_the_import_is_one_audited_operation_naming_the_folder_and_its_files(
    cli: Cli, tmp_path: Path
) -> None:
    db = decided_ledger(cli, tmp_path / "decided.db")
    first, _, restored = round_trip(cli, db, tmp_path)
    with Ledger.open(restored) as ledger:
        records = ledger.audit_records()
        operations = ledger.conn.execute("SELECT id, kind, file, counts FROM operations").fetchall()
        pointing = ledger.conn.execute(
            "SELECT COUNT(*) FROM resolutions WHERE operation_id = ?", (operations[0][0],)
        ).fetchone()[0]
    assert [record["action"] for record in records] == ["import"]
    new = json.loads(records[0]["new"])
    assert new["folder"] == str(first)
    assert new["files"] == {
        name: sha256(first / name)
        for name in ("reports.csv", "sources.csv", "resolutions.csv", "events.csv", "evidence.csv")
    }
    assert new["counts"]["reports"] == 10 and new["counts"]["decisions"] == 4
    assert [(kind, file) for _, kind, file, _ in operations] == [("import", "out1/")]
    assert pointing == 4  # the decisions it added point to it


def delete_event(db: Path, event_id: str) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Delete every report of an event as the window does (one write); their records and
    their sources (which may go with them), for undo."""
    with Ledger.open(db) as ledger:
        ids = [i for (i,) in ledger.conn.execute(
            "SELECT id FROM reports WHERE event_id = ?", (event_id,)
        )]  # fmt: skip
        records = [r for report_id in ids if (r := ledger.report_record(report_id)) is not None]
        sources = [ledger.source_row(record["source_id"]) for record in records]
        with ledger.write("me"):
            for report_id in ids:
                ledger.delete_report(report_id, "me")
    return list(zip(records, sources, strict=True))


def test_decisions_on_a_deleted_event_leave_the_export_and_come_back_with_undo(
    cli: Cli, tmp_path: Path
) -> None:
    """An event whose reports are all deleted is in neither events.csv nor reports.csv:
    its decisions (a location, a dismissal) would describe nothing in the folder, and a
    restore could not take them, so the folder leaves them out and round-trips; the
    ledger keeps them, so that undoing the deletion brings them back."""
    db = tmp_path / "deleted.db"
    ok(cli("import", db, GARBLED_CSV))
    ok(cli("resolve", db, "bodies-2025-06-11", "--location", "Bryansk", "--rationale", "x"))
    ok(
        cli(
            "resolve", db, "bodies-2025-06-13", "--dismiss-direction", "Ukraine", "Russia",
            "bodies", "--rationale", "both stand",
        )
    )  # fmt: skip
    delete_event(db, "bodies-2025-06-11")
    records = delete_event(db, "bodies-2025-06-13")
    first, second = tmp_path / "out1", tmp_path / "out2"
    ok(cli("export", db, first))
    assert read_rows(first / "resolutions.csv") == []
    result = ok(cli("import", tmp_path / "restored.db", first))
    assert "warning" not in result.err
    ok(cli("export", tmp_path / "restored.db", second))
    assert_identical(first, second)
    with Ledger.open(db) as ledger, ledger.write("me"):  # undo the second deletion
        for record, source in records:
            ledger.restore_report(record, "me", source=source)
    ok(cli("export", db, tmp_path / "out3"))
    [dismissal] = read_rows(tmp_path / "out3" / "resolutions.csv")
    assert (dismissal["event_id"], dismissal["state"]) == ("bodies-2025-06-13", "in_force")


# ---- the codebook, read by other tools ------------------------------------------------


def keyed_folder(cli: Cli, tmp_path: Path) -> Path:
    """The hostile ledger, the garbled example and one name that stands for two sources
    (the Ministry of Defence of each party), exported."""
    db = hostile_ledger(cli, tmp_path, tmp_path / "hostile.db")
    ok(cli("import", db, GARBLED_CSV))
    rows = []
    for party in ("Russia", "Ukraine"):
        row = dict.fromkeys(REPORTS_HEADER, "")
        row.update(
            event_id="ministries", event_type="statement", event_date="2025-06-14",
            source_name="Ministry of Defence", source_kind="official", source_party=party,
            quote=f"{party} says",
        )  # fmt: skip
        rows.append([row[column] for column in REPORTS_HEADER])
    ok(cli("import", db, write_csv(tmp_path / "ministries.csv", REPORTS_HEADER, rows)))
    ok(cli("export", db, tmp_path / "out"))
    return tmp_path / "out"


def test_frictionless_validates_the_folder_with_its_keys(cli: Cli, tmp_path: Path) -> None:
    folder = keyed_folder(cli, tmp_path)
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    schemas = {resource["name"]: resource["schema"] for resource in package["resources"]}
    assert schemas["sources"]["primaryKey"] == ["source_id"]
    assert schemas["reports"]["foreignKeys"] == [
        {
            "fields": ["source_name", "source_party"],
            "reference": {"resource": "sources", "fields": ["name", "party"]},
        }
    ]
    validate = [sys.executable, "-m", "frictionless", "validate", "--json"]
    target = str(folder / "datapackage.json")
    result = subprocess.run([*validate, target], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    assert json.loads(result.stdout)["valid"] is True
    # The key is checked: a report whose source (name and party) is missing fails.
    sources = folder / "sources.csv"
    lines = sources.read_bytes().split(b"\r\n")
    ukraine = b",Ministry of Defence,official,Ukraine,F,1"
    kept = [line for line in lines if not line.endswith(ukraine)]
    assert len(kept) == len(lines) - 1
    sources.write_bytes(b"\r\n".join(kept))
    result = subprocess.run([*validate, target], capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "foreign-key" in result.stdout


def load_into_sqlite(folder: Path) -> sqlite3.Connection:
    """Every CSV file of the folder as a table with the keys datapackage.json declares
    (primary, unique and foreign), cells as the csv module reads them."""
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    conn = sqlite3.connect(":memory:")
    for resource in package["resources"]:
        schema = resource["schema"]
        names = [field["name"] for field in schema["fields"]]
        keys = [f"PRIMARY KEY ({', '.join(schema['primaryKey'])})"]
        keys += [f"UNIQUE ({', '.join(fields)})" for fields in schema.get("uniqueKeys", [])]
        keys += [
            f"FOREIGN KEY ({', '.join(fk['fields'])}) REFERENCES"
            f" {fk['reference']['resource']} ({', '.join(fk['reference']['fields'])})"
            for fk in schema.get("foreignKeys", [])
        ]
        conn.execute(f"CREATE TABLE {resource['name']} ({', '.join(names + keys)})")
        rows = [[row[name] for name in names] for row in read_rows(folder / resource["path"])]
        marks = ", ".join("?" * len(names))
        conn.executemany(f"INSERT INTO {resource['name']} VALUES ({marks})", rows)
    return conn


def test_the_declared_keys_load_into_sqlite_and_hold(cli: Cli, tmp_path: Path) -> None:
    """A key is declared only where its target is unique in the file it names: SQLite
    refuses any other ("foreign key mismatch"). One name stands for two sources."""
    folder = keyed_folder(cli, tmp_path)
    names = [row["name"] for row in read_rows(folder / "sources.csv")]
    assert names.count("Ministry of Defence") == 2
    conn = load_into_sqlite(folder)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("DELETE FROM sources WHERE name = 'Ministry of Defence' AND party = 'Ukraine'")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() != []


def test_every_field_is_described_with_its_type_and_text_columns_name_the_rule(
    cli: Cli, tmp_path: Path
) -> None:
    db = tmp_path / "example.db"
    ok(cli("import", db, EXAMPLE_CSV))
    ok(cli("export", db, tmp_path / "out"))
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text("utf-8"))
    assert package["exchange_ledger_schema_version"] >= 10
    assert package["created"].endswith("Z")
    for name in CSV_FILES:
        assert str(package["created"]) not in (tmp_path / "out" / name).read_text("utf-8")
    fields = {
        (resource["name"], field["name"]): field
        for resource in package["resources"]
        for field in resource["schema"]["fields"]
    }
    assert len(fields) == 22 + 16 + 6 + 9 + 12 + 10  # every column of the six files
    for (resource, name), field in fields.items():
        assert field.get("description"), (resource, name)
        constraints = field.get("constraints", {})
        if field["type"] == "string":  # the ' rule is named on every text column
            assert "one more leading '" in field["description"], (resource, name)
            fixed = "enum" in constraints or "pattern" in constraints
            assert ("never applies here" in field["description"]) == fixed, (resource, name)
        for value in constraints.get("enum", []):  # as it says: none is ever guarded
            assert not str(value).startswith(FORMULA_STARTS), (resource, name, value)
    for resource in package["resources"]:  # what one row of the file is
        assert resource["description"].startswith("One row per"), resource["name"]
    assert fields[("reports", "count")]["constraints"]["maximum"] == 1_000_000_000
    for grade in (
        ("reports", "credibility"),
        ("reports", "reliability"),
        ("sources", "reliability"),
    ):
        assert "an ordinal grade" in fields[grade]["description"], grade
        assert "not a quantity" in fields[grade]["description"], grade
    assert "exactly as recorded" not in fields[("reports", "quote")]["description"]
    for name in ("count", "best", "low", "high", "received_best", "sent_high"):
        unit = next(field["unit"] for (_, n), field in fields.items() if n == name)
        assert unit == "persons"
    assert fields[("resolutions", "state")]["constraints"]["enum"] == [
        "in_force",
        "superseded",
        "withdrawn",
    ]
    assert fields[("reports", "recorded_at")]["format"] == "%Y-%m-%dT%H:%M:%SZ"


def test_pandas_read_as_documented_gives_back_every_cell(cli: Cli, tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    db = hostile_ledger(cli, tmp_path, tmp_path / "hostile.db")
    out = tmp_path / "out"
    ok(cli("export", db, out))
    readme = (out / "README.txt").read_text("utf-8")
    assert "dtype=str, keep_default_na=False" in readme
    for name in CSV_FILES:
        with (out / name).open(newline="", encoding="utf-8") as handle:
            header, *rows = list(csv.reader(handle))
        frame = pandas.read_csv(out / name, dtype=str, keep_default_na=False)
        assert list(frame.columns) == header, name
        assert frame.values.tolist() == rows, name
        assert rows or name == "resolutions.csv", name


# ---- a ledger with data ---------------------------------------------------------------


def test_a_folder_adds_its_reports_then_its_decisions_to_a_ledger_with_data(
    cli: Cli, tmp_path: Path
) -> None:
    db = decided_ledger(cli, tmp_path / "decided.db")
    ok(cli("export", db, tmp_path / "out"))
    other = tmp_path / "other.db"
    ok(cli("import", other, EXAMPLE_CSV))
    result = ok(cli("import", other, tmp_path / "out"))
    assert "Imported out into" in result.out
    added = "added 1 event, 4 reports, 4 flows, 4 sources, 0 parties, 4 decisions, 0 evidence"
    assert f"{added} records and 0 evidence files" in result.out
    assert "6 reports already present and identical, skipped" in result.out
    ok(cli("check", other))
    again = ok(cli("import", other, tmp_path / "out"))
    assert "Nothing new in out" in again.out
    assert "4 decisions already present and identical, skipped" in again.out
    # importing the folder into the ledger it came from changes nothing
    before = snapshot(db)
    assert "Nothing new" in ok(cli("import", db, tmp_path / "out")).out
    assert snapshot(db) == before


def test_a_source_regraded_in_a_returned_folder_keeps_its_grade_and_says_so(
    cli: Cli, tmp_path: Path
) -> None:
    """A colleague regraded a source in the folder sent back (sources.csv and its rows
    of reports.csv): the import said "Nothing new" and dropped the regrade without a
    word, where a reports.csv row grading a source otherwise is a warning."""
    db = tmp_path / "ledger.db"
    ok(cli("import", db, EXAMPLE_CSV))
    out = tmp_path / "out"
    ok(cli("export", db, out))
    name = read_rows(out / "sources.csv")[0]["name"]

    def regraded(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        for row in rows:
            if row.get("name", row.get("source_name")) == name:
                row["reliability"] = "A"
        return rows

    _rewrite(out / "sources.csv", regraded)
    _rewrite(out / "reports.csv", regraded)
    before = snapshot(db)
    result = ok(cli("import", db, out))
    assert "Nothing new in out" in result.out
    assert result.err.count("warning:") == 1, result.err
    assert f"sources.csv, row 2, column reliability: source '{name}' is media, F in this" in (
        result.err
    )
    assert snapshot(db) == before

    def one_more(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        return [*rows, {**next(r for r in rows if r["source_name"] == name), "report_id": "more"}]

    _rewrite(out / "reports.csv", one_more)  # its row says so: once, not twice
    result = ok(cli("import", db, out))
    assert "added 0 events, 1 report" in result.out
    assert result.err.count("warning:") == 1, result.err
    assert f"reliability: source '{name}' is graded F in the database; A ignored" in result.err


@pytest.mark.parametrize("into", ["a new ledger", "a ledger with data"])
def test_every_error_of_a_folder_comes_in_one_go(into: str, cli: Cli, tmp_path: Path) -> None:
    """A decision of an event nowhere and an evidence record of a report nowhere were
    named only at the run after every other error of the folder was mended."""
    db = decided_ledger(cli, tmp_path / "decided.db")
    page = tmp_path / "page.html"
    page.write_bytes(b"<html>an exchange</html>")
    with Ledger.open(db) as ledger:
        report = ledger.conn.execute("SELECT id FROM reports ORDER BY seq LIMIT 1").fetchone()[0]
    ok(cli("evidence", "add", db, report, page, "--accessed", "2025-06-11"))
    out = tmp_path / "out"
    ok(cli("export", db, out))

    def nowhere(column: str, value: str) -> Callable[[list[dict[str, str]]], list]:
        return lambda rows: [{**rows[0], column: value}, *rows[1:]]

    _rewrite(out / "resolutions.csv", nowhere("event_id", "nosuch-event"))
    _rewrite(out / "evidence.csv", nowhere("report_id", "nosuch-report"))
    _rewrite(
        out / "resolutions.csv", lambda rows: [rows[0], {**rows[1], "state": "maybe"}, *rows[2:]]
    )
    target = tmp_path / "target.db"
    if into == "a ledger with data":
        ok(cli("import", target, EXAMPLE_CSV))
    result = cli("import", target, out)
    assert result.code == 1
    for named in (
        "resolutions.csv, row 2, column event_id: event nosuch-event has no report",
        "resolutions.csv, row 3, column state:",
        "evidence.csv, row 2, column report_id: report nosuch-report is neither",
    ):
        assert named in result.err, result.err


def test_a_bad_cell_in_reports_csv_makes_no_orphans_of_its_decisions_and_evidence(
    cli: Cli, tmp_path: Path
) -> None:
    """A count written "1,212" in reports.csv also called the report's decision and its
    evidence record orphans ("has no report in reports.csv"): a report with a row in
    error is not planned. Only the count is named; the rest comes once it is mended."""
    db = decided_ledger(cli, tmp_path / "decided.db")
    page = tmp_path / "page.html"
    page.write_bytes(b"<html>an exchange</html>")
    with Ledger.open(db) as ledger:
        report = ledger.conn.execute(  # a report of an event with a decision
            "SELECT r.id FROM reports r JOIN resolutions d ON d.event_id = r.event_id"
            " ORDER BY r.seq LIMIT 1"
        ).fetchone()[0]
    ok(cli("evidence", "add", db, report, page, "--accessed", "2025-06-11"))
    out = tmp_path / "out"
    ok(cli("export", db, out))
    _rewrite(
        out / "reports.csv",
        lambda rows: [
            {**row, "count": "1,212"} if row["report_id"] == report else row for row in rows
        ],
    )
    result = cli("import", tmp_path / "new.db", out)
    assert result.code == 1
    assert "reports.csv, row" in result.err and "column count" in result.err
    assert "resolutions.csv" not in result.err and "evidence.csv" not in result.err, result.err


def test_a_decision_resolve_would_refuse_is_an_error_in_a_ledger_with_data(
    cli: Cli, tmp_path: Path
) -> None:
    db = decided_ledger(cli, tmp_path / "decided.db")
    out = tmp_path / "out"
    ok(cli("export", db, out))
    other = tmp_path / "other.db"
    ok(cli("import", other, EXAMPLE_CSV))
    rows = read_rows(out / "resolutions.csv")
    rows[2]["report_id"] = rows[1]["report_id"]  # that report states 100, not 120
    rows[1]["from_party"], rows[1]["to_party"] = "Ukraine", "Russia"  # no report states it
    write_csv(out / "resolutions.csv", list(rows[0]), [list(row.values()) for row in rows])
    before = snapshot(other)
    result = refused(cli("import", other, out))
    assert "resolutions.csv, row 3, column field: no report of event ev-x states" in result.err
    assert "resolutions.csv, row 4, column report_id: report" in result.err
    assert "does not state 120" in result.err
    assert snapshot(other) == before


def test_two_reviewers_who_dismissed_the_same_warning_exchange_folders(
    cli: Cli, tmp_path: Path
) -> None:
    """The same spreadsheet in two ledgers, the same possible reversed direction dismissed
    in each: the folder of one adds its dismissal to the other (as a merge does), where it
    had been refused as a dismissal of a warning no longer standing."""
    header = ["event_id", "event_type", "event_date", "category", "from_party", "to_party"]
    header += ["count", "source_name", "quote"]
    garbled = write_csv(
        tmp_path / "shared.csv",
        header,
        [
            ["w1", "exchange", "2024-06-01", "bodies", "Ukraine", "Russia", "100", "SA", "a"],
            ["w1", "exchange", "2024-06-01", "bodies", "Russia", "Ukraine", "100", "SB", "b"],
        ],
    )
    ledgers = {name: tmp_path / f"{name}.db" for name in ("alice", "bob")}
    for name, db in ledgers.items():
        ok(cli("import", db, garbled))
        dismiss = ["--dismiss-direction", "Russia", "Ukraine", "bodies"]
        ok(cli("resolve", db, "w1", *dismiss, "--rationale", f"{name} read both", "--by", name))
    ok(cli("export", ledgers["alice"], tmp_path / "alice"))
    result = ok(cli("import", ledgers["bob"], tmp_path / "alice"))
    assert "0 parties, 1 decision, 0 evidence records and 0" in result.out
    assert ok(cli("conflicts", ledgers["bob"], "--json")).out.strip() == "[]"
    ok(cli("export", ledgers["bob"], tmp_path / "bob"))
    rows = read_rows(tmp_path / "bob" / "resolutions.csv")
    assert sorted(row["resolved_by"] for row in rows) == ["alice", "bob"]
    assert sorted(row["state"] for row in rows) == ["in_force", "superseded"]  # the later


# ---- refusals and dry runs ------------------------------------------------------------


def test_a_folder_with_errors_imports_nothing_and_names_each_by_file_row_and_column(
    cli: Cli, tmp_path: Path
) -> None:
    db = decided_ledger(cli, tmp_path / "decided.db")
    out = tmp_path / "out"
    ok(cli("export", db, out))
    reports = read_rows(out / "reports.csv")
    reports[1]["count"] = "1,212"
    write_csv(out / "reports.csv", list(reports[0]), [list(row.values()) for row in reports])
    decisions = read_rows(out / "resolutions.csv")
    decisions[0]["state"] = "gone"
    decisions[2]["resolved_at"] = "2999-01-01T00:00:00Z"
    write_csv(out / "resolutions.csv", list(decisions[0]), [list(r.values()) for r in decisions])
    sources = read_rows(out / "sources.csv")
    sources[1]["reliability"] = "Z"
    write_csv(out / "sources.csv", list(sources[0]), [list(r.values()) for r in sources])
    new = tmp_path / "new.db"
    result = refused(cli("import", new, out))
    assert "4 errors, nothing imported" in result.err
    for expected in (
        "reports.csv, row 3, column count:",
        "sources.csv, row 3, column reliability:",
        "resolutions.csv, row 2, column state: state is 'gone'",
        "resolutions.csv, row 4, column resolved_at:",
    ):
        assert expected in result.err, expected
    assert not new.exists()  # the ledger is created only once the folder is valid
    existing = tmp_path / "existing.db"
    ok(cli("import", existing, EXAMPLE_CSV))
    before = sha256(existing)
    refused(cli("import", existing, out))
    assert sha256(existing) == before


def test_seq_used_twice_is_an_error_when_restoring(cli: Cli, tmp_path: Path) -> None:
    db = decided_ledger(cli, tmp_path / "decided.db")
    out = tmp_path / "out"
    ok(cli("export", db, out))
    decisions = read_rows(out / "resolutions.csv")
    first_report_seq = read_rows(out / "reports.csv")[0]["seq"]
    decisions[1]["seq"] = first_report_seq
    write_csv(out / "resolutions.csv", list(decisions[0]), [list(r.values()) for r in decisions])
    result = refused(cli("import", tmp_path / "new.db", out))
    assert f"resolutions.csv, row 3, column seq: seq {first_report_seq} is also the place" in (
        result.err
    )
    assert not (tmp_path / "new.db").exists()


def test_a_folder_without_reports_csv_is_refused_with_a_sentence(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "not-an-export"
    folder.mkdir()
    (folder / "notes.txt").write_text("hello", encoding="utf-8")
    result = refused(cli("import", tmp_path / "new.db", folder))
    assert "reports.csv: is missing" in result.err
    assert "is not an export folder" in result.err
    assert not (tmp_path / "new.db").exists()
    assert refused(cli("import", tmp_path / "new.db", tmp_path / "nowhere")).err


def test_a_dry_run_writes_nothing_and_says_what_it_would_do(cli: Cli, tmp_path: Path) -> None:
    db = decided_ledger(cli, tmp_path / "decided.db")
    out = tmp_path / "out"
    ok(cli("export", db, out, "--xlsx"))  # the workbook beside the files is skipped
    new = tmp_path / "new.db"
    result = ok(cli("import", new, out, "--dry-run"))
    assert "Dry run, nothing written. out would restore 5 events, 10 reports" in result.out
    assert "2 parties, 4 decisions, 0 evidence records and 0 evidence files" in result.out
    assert not new.exists()
    existing = tmp_path / "existing.db"
    ok(cli("import", existing, EXAMPLE_CSV))
    before = sha256(existing)
    result = ok(cli("import", existing, out, "--dry-run"))
    assert "would add 1 event, 4 reports" in result.out
    assert sha256(existing) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("existing.db-")]


def test_a_folder_imported_into_an_empty_file_restores_it(cli: Cli, tmp_path: Path) -> None:
    db = decided_ledger(cli, tmp_path / "decided.db")
    out = tmp_path / "out"
    ok(cli("export", db, out))
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert "Restored out" in ok(cli("import", empty, out)).out
    ok(cli("export", empty, tmp_path / "again"))
    assert_identical(out, tmp_path / "again")


def test_unknown_files_are_ignored_and_a_bad_evidence_file_refuses_the_folder(
    cli: Cli, tmp_path: Path
) -> None:
    db = tmp_path / "example.db"
    ok(cli("import", db, EXAMPLE_CSV))
    out = tmp_path / "out"
    ok(cli("export", db, out))
    shutil.copy(out / "README.txt", out / "copy of README.txt")
    (out / "notes.csv").write_text("something,else\r\n1,2\r\n", encoding="utf-8")
    ok(cli("import", tmp_path / "new.db", out))
    (out / "evidence.csv").write_text("something,else\r\n1,2\r\n", encoding="utf-8")
    refused = cli("import", tmp_path / "other.db", out)
    assert refused.code == 1
    assert "evidence.csv, row 1, column report_id: the required column" in refused.err
    assert not (tmp_path / "other.db").exists()


def _rewrite(path: Path, edit: Callable[[list[dict[str, str]]], list[dict[str, str]]]) -> None:
    rows = read_rows(path)
    with path.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(edit(rows))


def test_a_decision_whose_report_no_longer_states_its_value_is_named(
    cli: Cli, tmp_path: Path
) -> None:
    """A decision follows a report that states its value (PRODUCT.md, "resolution"). A
    report edited after the decision may say something else (the field reopens); one
    written before it may not, unless the folder was edited by hand."""
    db = decided_ledger(cli, tmp_path / "decided.db")
    with Ledger.open(db) as ledger:  # the report of the decision in force edited after it
        [row] = ledger.conn.execute(
            "SELECT report_id FROM resolutions WHERE value = '120'"
        ).fetchall()
        ledger.edit_report(
            row[0],
            ReportInput("exchange", "Source B", "2025-05-01", "Lviv", flows=(Flow(POWS, 125),)),
            "bob",
        )
    out = tmp_path / "out"
    ok(cli("export", db, out))
    result = ok(cli("import", tmp_path / "edited-after.db", out))
    assert "does not state" not in result.err + result.out

    decisions = read_rows(out / "resolutions.csv")
    row = next(n for n, d in enumerate(decisions, start=2) if d["value"] == "100")
    cited = decisions[row - 2]["report_id"]
    _rewrite(
        out / "reports.csv",
        lambda rows: [{**r, "count": "101"} if r["report_id"] == cited else r for r in rows],
    )
    result = ok(cli("import", tmp_path / "hand-edited.db", out))
    assert (
        f"resolutions.csv, row {row}, column report_id: report {cited} does not state 100 for"
    ) in result.err + result.out
    assert "though it was written before the decision" in result.err + result.out


@pytest.mark.parametrize(("column", "value"), [("kind", "ngo"), ("reliability", "E")])
def test_a_source_graded_otherwise_in_reports_csv_is_named_at_its_column(
    cli: Cli, tmp_path: Path, column: str, value: str
) -> None:
    db = tmp_path / "example.db"
    ok(cli("import", db, EXAMPLE_CSV))
    out = tmp_path / "out"
    ok(cli("export", db, out))
    _rewrite(out / "sources.csv", lambda rows: [{**rows[0], column: value}, *rows[1:]])
    result = ok(cli("import", tmp_path / "new.db", out))
    assert f"sources.csv, row 2, column {column}: source '" in result.err, result.err


@pytest.mark.parametrize(
    ("file", "column", "message"),
    [
        ("evidence.csv", "report_id", "report ghost is neither in reports.csv nor in this ledger"),
        (
            "resolutions.csv",
            "event_id",
            "event ghost has no report in reports.csv or in this ledger",
        ),
    ],
)
def test_a_row_naming_what_the_folder_lacks_refuses_the_folder(
    cli: Cli, tmp_path: Path, file: str, column: str, message: str
) -> None:
    """An export holds the evidence and the decisions of its own reports and events only:
    a row naming another is a folder edited or put together by hand, not a row to drop
    unsaid (or, for a decision, to pass over with a warning)."""
    db = hostile_ledger(cli, tmp_path, tmp_path / "hostile.db")
    out = tmp_path / "out"
    ok(cli("export", db, out))
    _rewrite(out / file, lambda rows: [{**rows[0], column: "ghost"}])
    result = refused(cli("import", tmp_path / "new.db", out))
    assert f"{file}, row 2, column {column}: {message}" in result.err
    assert not (tmp_path / "new.db").exists()
    before = sha256(db)
    assert message in refused(cli("import", db, out)).err  # nor into a ledger with data
    assert sha256(db) == before


def test_readme_says_how_to_restore_the_folder(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "example.db"
    ok(cli("import", db, EXAMPLE_CSV))
    ok(cli("export", db, tmp_path / "out"))
    flat = " ".join((tmp_path / "out" / "README.txt").read_text("utf-8").split())
    assert "exchange-ledger import NEW.db DIR" in flat


def test_a_status_a_merge_gave_that_the_folder_cannot_carry_is_warned_about(
    cli: Cli, tmp_path: Path
) -> None:
    """A merged decision that overrode a differing one reopens its field in the merged
    ledger; resolutions.csv does not say which decisions were merged, so the restored
    event is `resolved`, and the import says so rather than keep silent."""
    mine, theirs = tmp_path / "mine.db", tmp_path / "theirs.db"
    for db in (mine, theirs):
        ok(cli("import", db, GARBLED_CSV))
    disputed = ("bodies-2025-06-11", "--location")
    ok(cli("resolve", mine, *disputed, "Istanbul", "--rationale", "mine", "--by", "me"))
    ok(cli("resolve", theirs, *disputed, "Ankara", "--rationale", "theirs", "--by", "them"))
    ok(cli("merge", mine, theirs))
    out = tmp_path / "out"
    ok(cli("export", mine, out))
    assert statuses(out)["bodies-2025-06-11"] == "reopened"
    result = ok(cli("import", tmp_path / "restored.db", out))
    assert "warning: events.csv: event bodies-2025-06-11 comes back resolved, not reopened" in (
        result.err
    )
    assert "a merge brought" in result.err


def test_a_copy_restored_from_a_folder_merges_back_as_the_same_decisions(
    cli: Cli, tmp_path: Path
) -> None:
    """A folder's decisions carry no ids: restored, they have new ones, and merging the
    restored copy back added every decision again, written after the report that had
    reopened ev-x, which then counted as resolved. Decisions saying the same are the same
    decision; a withdrawal made in the copy is followed as for one of the same id."""
    db = decided_ledger(cli, tmp_path / "ledger.db")
    folder, colleague = tmp_path / "folder", tmp_path / "colleague.db"
    ok(cli("export", db, folder))
    ok(cli("import", colleague, folder))
    before = snapshot(db)
    assert "Nothing to merge" in ok(cli("merge", db, colleague)).out
    assert snapshot(db) == before
    ok(cli("export", db, tmp_path / "again"))
    assert statuses(tmp_path / "again")["ev-x"] == "reopened"
    with Ledger.open(colleague) as ledger:  # the colleague withdraws the count decided last
        (latest,) = ledger.conn.execute(
            "SELECT id FROM resolutions WHERE value = '120' AND withdrawn_at IS NULL"
        ).fetchone()
        ledger.withdraw_resolution(latest, "colleague")
    said = ok(cli("merge", db, colleague)).out
    assert "withdrawn" in said and "decision added" not in said, said
    with Ledger.open(db) as ledger:
        rows = ledger.conn.execute(
            "SELECT value, withdrawn_by FROM resolutions WHERE value = '120'"
        )
        assert rows.fetchall() == [("120", "colleague")]
        assert ledger.count("resolutions") == len(before["resolutions"])
