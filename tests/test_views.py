"""The SQL views other programs read the file through (PRODUCT.md, "Exchange of data"):
`v_events`, `v_flows` and `v_balance`. Each answers an analyst's question in one SELECT,
and each is pinned, row for row, to the Python rules and to the exported files, on a
ledger with conflicts, decisions, a reopened event, a dismissal and a standing warning."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import GARBLED_CSV, REPO, REPORTS_HEADER, CliResult, write_csv, write_reports_csv

from desktop_app.domain.balance import ExchangedFlow, cumulative_balance
from desktop_app.domain.dates import parse_claimed_date
from desktop_app.store import database
from desktop_app.store.derived import derive_all
from desktop_app.store.ledger import Ledger
from desktop_app.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration, make_strict

Cli = Callable[..., CliResult]
VIEWS = ("v_events", "v_flows", "v_balance")
V_EVENTS_COLUMNS = [
    "event_id",
    "event_type",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "location",
    "status",
    "warnings",
    "n_reports",
    "n_sources",
    "updated_at",
]
RECORDED_AT = "2025-01-10T10:00:00Z"  # when the reports of r-event-0 were recorded
EDITED_AT = "2025-12-24T08:30:00Z"  # a later edit of one of them, r1


def report_row(**values: str) -> list[str]:
    row = dict.fromkeys(REPORTS_HEADER, "")
    row.update(event_type="exchange", source_kind="media", recorded_by="tests")
    row.update(values)
    return [row[column] for column in REPORTS_HEADER]


def ok(result: CliResult) -> CliResult:
    assert result.code == 0, result.err
    return result


def resolve(cli: Cli, db: Path, event_id: str, *target: str) -> None:
    ok(cli("resolve", db, event_id, *target, "--rationale", "Checked.", "--by", "Rita"))


@pytest.fixture
def ledger_file(cli: Cli, tmp_path: Path) -> Path:
    """The example with its 13 June garble standing (a warning), four events whose three
    reports disagree on a count, events dated by a month and by a year, a second garble
    that a reviewer dismisses, decisions on counts and a date, and a reopened decision."""
    db = tmp_path / "ledger.db"
    ok(cli("import", db, GARBLED_CSV))
    ok(cli("import", db, write_reports_csv(tmp_path / "generated.csv", 12)))
    vague = [
        report_row(
            report_id="m1", event_id="month-event", event_date="2024-02", category="pows",
            from_party="Russia", to_party="Ukraine", count="40", source_name="Outlet A",
        ),
        report_row(
            report_id="m2", event_id="month-event", event_date="2024", category="pows",
            from_party="Russia", to_party="Ukraine", count="40", source_name="Outlet B",
            location="Sumy",
        ),
        report_row(
            report_id="y1", event_id="year-event", event_date="2023", event_type="talks",
            source_name="Outlet A", location="Geneva",
        ),
        report_row(
            report_id="g1", event_id="garble-2", event_date="2024-05-05", category="civilians",
            from_party="Ukraine", to_party="Russia", count="7", source_name="Outlet A",
        ),
        report_row(
            report_id="g2", event_id="garble-2", event_date="2024-05-05", category="civilians",
            from_party="Russia", to_party="Ukraine", count="7", source_name="Outlet B",
        ),
    ]  # fmt: skip
    ok(cli("import", db, write_csv(tmp_path / "vague.csv", REPORTS_HEADER, vague)))
    resolve(cli, db, "r-event-0", "--count", "Russia", "Ukraine", "pows", "11")
    resolve(cli, db, "r-event-1", "--count", "Russia", "Ukraine", "pows", "12")
    resolve(cli, db, "r-event-3", "--date", "2024-04")
    resolve(cli, db, "garble-2", "--dismiss-direction", "Russia", "Ukraine", "civilians")
    later = [
        report_row(
            report_id="late", event_id="r-event-1", event_date="2024-02-02", category="pows",
            from_party="Russia", to_party="Ukraine", count="99", source_name="Outlet C",
        )
    ]  # fmt: skip
    ok(cli("import", db, write_csv(tmp_path / "later.csv", REPORTS_HEADER, later)))
    with sqlite3.connect(db) as connection:  # recorded long ago, one of them edited since
        connection.execute(
            "UPDATE reports SET recorded_at = ?, updated_at = ? WHERE event_id = 'r-event-0'",
            (RECORDED_AT, RECORDED_AT),
        )
        connection.execute("UPDATE reports SET updated_at = ? WHERE id = 'r1'", (EDITED_AT,))
    connection.close()
    return db


def select(db: Path, sql: str, *parameters: object) -> list[tuple]:
    """What another program reads: a plain connection, read-only, no code of ours."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def columns(db: Path, view: str) -> list[str]:
    return [row[1] for row in select(db, f"PRAGMA table_info({view})")]


def export(cli: Cli, db: Path, folder: Path, name: str) -> list[dict[str, str]]:
    ok(cli("export", db, folder))
    with (folder / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def states(db: Path) -> dict:
    """Every event's state by the domain rules, derived afresh from reports and decisions."""
    with Ledger.open(db, read_only=True) as ledger:
        ids = [row[0] for row in ledger.conn.execute("SELECT id FROM events")]
        return {inputs.event_id: state for inputs, state in derive_all(ledger.conn, ids)}


def test_the_fixture_holds_every_kind_of_event(ledger_file: Path) -> None:
    statuses = dict(select(ledger_file, "SELECT event_id, status FROM v_events"))
    assert statuses["r-event-0"] == "resolved"
    assert statuses["r-event-1"] == "reopened"
    assert statuses["r-event-2"] == "conflict"
    assert statuses["r-event-3"] == "conflict"  # its date decided, its count not
    assert statuses["garble-2"] == "resolved"  # a dismissal counts as a decision
    assert statuses["bodies-2025-06-13"] == "consistent"  # with a warning, not a conflict
    assert statuses["year-event"] == "single"


# ---- each view answers a question in one SELECT -------------------------------------------


def test_which_events_wait_for_a_reviewer(ledger_file: Path) -> None:
    waiting = select(
        ledger_file,
        "SELECT event_id, status, warnings FROM v_events"
        " WHERE status IN ('conflict', 'reopened') OR warnings != '' ORDER BY event_id",
    )
    assert waiting == [
        ("bodies-2025-06-13", "consistent", "reversed_direction"),
        ("r-event-1", "reopened", ""),
        ("r-event-2", "conflict", ""),
        ("r-event-3", "conflict", ""),
    ]


def test_which_events_may_have_happened_in_february_2024(ledger_file: Path) -> None:
    """Overlapping periods: a date of 2024-02 and one of 2024-02-02 both may."""
    rows = select(
        ledger_file,
        "SELECT event_id, date, date_start, date_end, date_precision FROM v_events"
        " WHERE date_start <= '2024-02-29' AND date_end >= '2024-02-01' ORDER BY event_id",
    )
    assert rows == [
        ("month-event", "2024-02", "2024-02-01", "2024-02-29", "month"),
        ("r-event-1", "2024-02-02", "2024-02-02", "2024-02-02", "day"),
    ]
    year = select(ledger_file, "SELECT * FROM v_events WHERE event_id = 'year-event'")
    assert year == [
        (
            "year-event", "talks", "2023", "2023-01-01", "2023-12-31", "year", "Geneva",
            "single", "", 1, 1, year[0][-1],
        )
    ]  # fmt: skip


def test_how_many_bodies_ukraine_had_received_by_the_end_of_june_2025(
    ledger_file: Path,
) -> None:
    """1,212 on 11 June; on 13 June 1,200 more, or none if the direction was garbled."""
    rows = select(
        ledger_file,
        "SELECT date, received_best, received_low, received_high FROM v_balance"
        " WHERE category = 'bodies' AND party = 'Ukraine' AND date <= '2025-06-30'"
        " ORDER BY date DESC LIMIT 1",
    )
    assert rows == [("2025-06-13", 2412, 1212, 2412)]


def test_which_flows_are_undecided_and_how_wide_their_range_is(ledger_file: Path) -> None:
    rows = select(
        ledger_file,
        "SELECT event_id, category, from_party, to_party, low, high, warnings FROM v_flows"
        " WHERE NOT decided AND low < high ORDER BY event_id, from_party",
    )
    assert rows == [
        ("bodies-2025-06-13", "bodies", "Russia", "Ukraine", 0, 1200, "reversed_direction"),
        ("bodies-2025-06-13", "bodies", "Ukraine", "Russia", 0, 1200, "reversed_direction"),
        ("r-event-2", "pows", "Russia", "Ukraine", 10, 12, ""),
        ("r-event-3", "pows", "Russia", "Ukraine", 10, 12, ""),
    ]


def test_another_program_reads_the_views_without_this_one(ledger_file: Path) -> None:
    """The sqlite3 shell, read-only: the views need none of this program's code."""
    result = subprocess.run(
        ["sqlite3", "-readonly", "-csv", str(ledger_file),
         "SELECT event_id, status FROM v_events WHERE event_id = 'r-event-1';"
         " SELECT COUNT(*) FROM v_flows; SELECT COUNT(*) FROM v_balance;"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    flows = select(ledger_file, "SELECT COUNT(*) FROM flow_state")[0][0]
    assert result.stdout.split() == ["r-event-1,reopened", str(flows), result.stdout.split()[2]]
    assert int(result.stdout.split()[2]) > 0


# ---- each view pinned to the Python rules and to the exported files ------------------------


def test_v_events_is_the_state_the_rules_derive(ledger_file: Path) -> None:
    assert columns(ledger_file, "v_events") == V_EVENTS_COLUMNS
    derived = states(ledger_file)
    with sqlite3.connect(ledger_file) as connection:
        reports = connection.execute(
            "SELECT event_id, source_id, recorded_at, updated_at FROM reports"
        ).fetchall()
    connection.close()
    rows = select(ledger_file, "SELECT * FROM v_events")
    assert len(rows) == len(derived) > 10
    for row in rows:
        view = dict(zip(V_EVENTS_COLUMNS, row, strict=True))
        state = derived[view["event_id"]]
        period = parse_claimed_date(state.date)
        own = [r for r in reports if r[0] == state.event_id]
        assert view == {
            "event_id": state.event_id,
            "event_type": state.event_type,
            "date": state.date,
            "date_start": period.first.isoformat(),
            "date_end": period.last.isoformat(),
            "date_precision": {1: "year", 2: "month", 3: "day"}[state.date.count("-") + 1],
            "location": state.location,
            "status": state.status,
            "warnings": "reversed_direction" if state.reversed_flows else "",
            "n_reports": state.n_reports,
            "n_sources": len({r[1] for r in own}),
            "updated_at": max(max(r[2], r[3]) for r in own),
        }, view["event_id"]
    updated = dict(select(ledger_file, "SELECT event_id, updated_at FROM v_events"))
    assert updated["r-event-0"] == EDITED_AT


def test_v_events_has_the_order_and_the_columns_of_events_csv(
    cli: Cli, ledger_file: Path, tmp_path: Path
) -> None:
    exported = export(cli, ledger_file, tmp_path / "out", "events.csv")
    first_rows: dict[str, dict[str, str]] = {}
    warned = set()
    for row in exported:
        first_rows.setdefault(row["event_id"], row)
        if row["warnings"]:
            warned.add(row["event_id"])
    view = select(
        ledger_file, "SELECT event_id, event_type, date, location, status, warnings FROM v_events"
    )
    assert [row[0] for row in view] == list(first_rows)
    for event_id, event_type, date, location, status, warnings in view:
        row = first_rows[event_id]
        assert (event_type, date, location, status) == (
            row["event_type"], row["date"], row["location"], row["status"],
        )  # fmt: skip
        assert warnings == ("reversed_direction" if event_id in warned else "")


def test_v_flows_are_the_flow_rows_of_events_csv(
    cli: Cli, ledger_file: Path, tmp_path: Path
) -> None:
    exported = export(cli, ledger_file, tmp_path / "out", "events.csv")
    expected = [
        (
            row["event_id"], row["event_type"], row["date"], row["category"],
            row["from_party"], row["to_party"], int(row["best"]), int(row["low"]),
            int(row["high"]), int(row["n_reports"]), int(row["rationale"] != ""),
            row["status"], row["warnings"],
        )
        for row in exported
        if row["category"]
    ]  # fmt: skip
    view = select(
        ledger_file,
        "SELECT event_id, event_type, date, category, from_party, to_party, best, low, high,"
        " n_reports, decided, status, warnings FROM v_flows",
    )
    assert view == expected
    assert {row[-1] for row in view} == {"", "reversed_direction"}
    assert {row[10] for row in view} == {0, 1}


def test_v_flows_are_the_estimates_the_rules_derive(ledger_file: Path) -> None:
    expected = sorted(
        (
            state.event_id, key.category, key.from_party, key.to_party,
            estimate.best, estimate.low, estimate.high, estimate.n_reports,
            int(estimate.decision is not None),
            estimate.decision.id if estimate.decision else None,
            "reversed_direction"
            if any(key in (first, first.reversed()) for first in state.reversed_flows)
            else "",
        )
        for state in states(ledger_file).values()
        for key, estimate in state.estimates.items()
    )  # fmt: skip
    view = select(
        ledger_file,
        "SELECT event_id, category, from_party, to_party, best, low, high, n_reports,"
        " decided, resolution_id, warnings FROM v_flows",
    )
    assert sorted(view) == expected
    decided = {(row[0], row[9]) for row in view if row[8]}
    assert {event_id for event_id, _ in decided} == {"r-event-0", "r-event-1"}
    in_force = select(
        ledger_file, "SELECT event_id, id FROM resolutions WHERE field = 'count'"
    )  # one decision on each flow, none withdrawn: each is the one in force
    assert decided == set(in_force)


def test_v_balance_is_balance_csv_row_for_row(cli: Cli, ledger_file: Path, tmp_path: Path) -> None:
    printed = ok(cli("balance", ledger_file, "--csv")).out
    expected = list(csv.reader(io.StringIO(printed)))
    exported = export(cli, ledger_file, tmp_path / "out", "balance.csv")
    assert columns(ledger_file, "v_balance") == expected[0]
    view = [[str(cell) for cell in row] for row in select(ledger_file, "SELECT * FROM v_balance")]
    assert view == expected[1:]
    assert view == [list(row.values()) for row in exported]
    assert len(view) > 10


def test_v_balance_is_the_cumulative_balance_of_the_derived_flows(ledger_file: Path) -> None:
    """From the events' states (not the per-day table both the view and the command read)."""
    flows = [
        ExchangedFlow(state.chart_day, key.category, key.from_party, key.to_party, *estimate[:3])
        for state in states(ledger_file).values()
        if state.event_type == "exchange"
        for key, estimate in state.estimates.items()
    ]
    expected = [row.as_tuple() for row in cumulative_balance(flows)]
    view = select(ledger_file, "SELECT * FROM v_balance ORDER BY date, category, party")
    assert view == expected
    assert select(ledger_file, "SELECT * FROM v_balance") == expected  # its own order


def test_check_passes_and_the_views_follow_every_write(cli: Cli, ledger_file: Path) -> None:
    assert ok(cli("check", ledger_file)).out
    before = select(ledger_file, "SELECT best, low, high FROM v_flows WHERE event_id = 'r-event-2'")
    assert before == [(11, 10, 12)]
    resolve(cli, ledger_file, "r-event-2", "--count", "Russia", "Ukraine", "pows", "10")
    after = select(
        ledger_file,
        "SELECT f.best, f.low, f.high, f.decided, e.status FROM v_flows f"
        " JOIN v_events e USING (event_id) WHERE event_id = 'r-event-2'",
    )
    assert after == [(10, 10, 10, 1, "resolved")]
    ok(cli("check", ledger_file))


# ---- the views in the schema ---------------------------------------------------------------


def test_a_new_file_has_the_views(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "new.db") as ledger:
        names = {
            row[0]
            for row in ledger.conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")
        }
        assert names == set(VIEWS)
        for view in VIEWS:
            assert ledger.conn.execute(f"SELECT * FROM {view}").fetchall() == []
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 10


def test_a_later_step_that_rebuilds_tables_keeps_the_views(
    ledger_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite refuses to rename a table into the place of one a view names; a step that
    copies tables (as version 9 did) must take the views away and put them back."""
    before = {view: select(ledger_file, f"SELECT * FROM {view}") for view in VIEWS}
    again = Migration([], python=make_strict, rebuilds_tables=True)
    monkeypatch.setattr(database, "MIGRATIONS", [*MIGRATIONS, again])
    connection = database.connect(ledger_file, read_only=False)
    try:
        database.migrate(connection, SCHEMA_VERSION)
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        connection.close()
    assert {view: select(ledger_file, f"SELECT * FROM {view}") for view in VIEWS} == before


@pytest.mark.parametrize("view", VIEWS)
def test_docs_formats_lists_each_views_columns(view: str, tmp_path: Path) -> None:
    page = (REPO / "docs" / "formats.md").read_text(encoding="utf-8")
    found = re.search(rf"`{view}` —.*?```text\n(.*?)\n```", page, re.DOTALL)
    assert found is not None, f"docs/formats.md has no ```text block after `{view}` —"
    with Ledger.open(tmp_path / "new.db") as ledger:
        names = [row[1] for row in ledger.conn.execute(f"PRAGMA table_info({view})")]
    assert found.group(1) == ",".join(names)


def test_replaying_the_step_of_the_views_replaces_them(ledger_file: Path) -> None:
    """A file whose user_version another program set back runs the step again."""
    before = {view: select(ledger_file, f"SELECT * FROM {view}") for view in VIEWS}
    with sqlite3.connect(ledger_file) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    connection.close()
    with Ledger.open(ledger_file) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {view: select(ledger_file, f"SELECT * FROM {view}") for view in VIEWS} == before
