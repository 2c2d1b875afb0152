"""`export`, `balance`, `conflicts` and `resolve` through the command line, against
PRODUCT.md ("CSV formats" and "Command line" are a public contract)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV, REPO, REPORTS_HEADER, CliResult, sha256, write_csv
from hypothesis import given, settings
from hypothesis import strategies as st

Cli = Callable[..., CliResult]

# The columns of each file, copied from PRODUCT.md "CSV formats" (not from the code).
EVENTS_HEADER = [
    "event_id",
    "event_type",
    "date",
    "location",
    "category",
    "from_party",
    "to_party",
    "best",
    "low",
    "high",
    "n_reports",
    "status",
    "rationale",
    "resolved_by",
    "resolved_at",
    "warnings",
]
SOURCES_HEADER = ["source_id", "name", "kind", "party", "reliability", "n_reports"]
BALANCE_HEADER = [
    "date",
    "category",
    "party",
    "received_best",
    "received_low",
    "received_high",
    "sent_best",
    "sent_low",
    "sent_high",
]
RESOLUTIONS_HEADER = [
    "event_id",
    "field",
    "from_party",
    "to_party",
    "category",
    "value",
    "report_id",
    "rationale",
    "resolved_by",
    "resolved_at",
    "state",
    "seq",
]
# evidence.csv, as PRODUCT.md words it.
EVIDENCE_HEADER = [
    "report_id",
    "sha256",
    "file_name",
    "media_type",
    "size",
    "accessed",
    "archive_url",
    "note",
    "added_by",
    "added_at",
]
HEADERS = {
    "reports.csv": REPORTS_HEADER,
    "events.csv": EVENTS_HEADER,
    "sources.csv": SOURCES_HEADER,
    "balance.csv": BALANCE_HEADER,
    "resolutions.csv": RESOLUTIONS_HEADER,
    "evidence.csv": EVIDENCE_HEADER,
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
UTC_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def flow_row(
    report_id: str,
    event_id: str,
    event_type: str,
    event_date: str,
    source: tuple[str, str, str, str],
    flow: tuple[str, str, str, str, str] = ("", "", "", "", ""),
    location: str = "",
    quote: str = "",
) -> list[str]:
    """A reports.csv row; source is (name, kind, party, reliability), flow is
    (category, from, to, count, qualifier)."""
    name, kind, party, reliability = source
    category, from_party, to_party, count, qualifier = flow
    values = {
        "report_id": report_id,
        "event_id": event_id,
        "event_type": event_type,
        "event_date": event_date,
        "location": location,
        "category": category,
        "from_party": from_party,
        "to_party": to_party,
        "count": count,
        "count_qualifier": qualifier,
        "source_name": name,
        "source_kind": kind,
        "source_party": party,
        "source_url": "",
        "published": "",
        "reliability": reliability,
        "credibility": "3",
        "quote": quote or f"quote of {report_id}",
        "recorded_by": "researcher",
        "recorded_at": "2025-06-20T09:00:00Z",
    }
    return [values.get(column, "") for column in REPORTS_HEADER]


MEDINSKY = ("Vladimir Medinsky", "official", "Russia", "C")
LUBINETS = ("Dmytro Lubinets", "official", "Ukraine", "B")
FOOTAGE = ("Online video", "footage", "", "F")
SARALIYEV = ("Shamsail Saraliyev", "official", "Russia", "C")
ARTICLE = ("Article", "media", "", "F")
OSINT = ("@osint_watch", "social_media", "", "E")

SCENARIO = [
    # ex-1, exchange: three reports disagree on one flow; the reverse flow is stated once.
    flow_row("R1", "ex-1", "exchange", "2025-06-11", MEDINSKY,
             ("bodies", "Russia", "Ukraine", "1212", "exact"), "Istanbul", "=1212+27"),
    flow_row("R1", "ex-1", "exchange", "2025-06-11", MEDINSKY,
             ("bodies", "Ukraine", "Russia", "27", "exact"), "Istanbul", "=1212+27"),
    flow_row("R2", "ex-1", "exchange", "2025-06-11", LUBINETS,
             ("bodies", "Russia", "Ukraine", "1200", "approx"), " istanbul ", "'abc"),
    flow_row("R3", "ex-1", "exchange", "2025-06", FOOTAGE,
             ("bodies", "Russia", "Ukraine", "1000", "at_least"), "", "-1000 caskets"),
    # ex-2, exchange: two reports that agree (locations equal ignoring case and spaces).
    flow_row("R4", "ex-2", "exchange", "2025-06-13", SARALIYEV,
             ("pows", "Russia", "Ukraine", "100", "exact"), "Sumy", "@Saraliyev said"),
    flow_row("R5", "ex-2", "exchange", "2025-06-13", LUBINETS,
             ("pows", "Russia", "Ukraine", "100", "exact"), "SUMY ", "+100\nand 90"),
    flow_row("R5", "ex-2", "exchange", "2025-06-13", LUBINETS,
             ("pows", "Ukraine", "Russia", "90", "exact"), "SUMY ", "+100\nand 90"),
    # agr-1, agreement: targets, never added to the balance.
    flow_row("R6", "agr-1", "agreement", "2025-06-02", ARTICLE,
             ("bodies", "Russia", "Ukraine", "6000", "exact"), "Istanbul", "\t6,000 for 6,000"),
    flow_row("R6", "agr-1", "agreement", "2025-06-02", ARTICLE,
             ("bodies", "Ukraine", "Russia", "6000", "exact"), "Istanbul", "\t6,000 for 6,000"),
    # talks-1: a report without flows.
    flow_row("R7", "talks-1", "talks", "2025-06-02", ARTICLE, location="Istanbul"),
    # ex-3, exchange dated by month only: charted on the first of the month.
    flow_row("R8", "ex-3", "exchange", "2025-05", OSINT,
             ("civilians", "Ukraine", "Україна-free", "10", "approx"), "-Front", "\rcr"),
    # ex-4, exchange: date and location disputed, the count agreed.
    flow_row("R9", "ex-4", "exchange", "2025-04-01", MEDINSKY,
             ("pows", "Russia", "Ukraine", "5", "exact"), "Bryansk"),
    flow_row("R10", "ex-4", "exchange", "2025-04-03", LUBINETS,
             ("pows", "Russia", "Ukraine", "5", "at_most"), "Belgorod"),
]  # fmt: skip


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


def terminators(text: str) -> list[str]:
    """The line ends between records (outside quoted cells), per RFC 4180."""
    ends, quoted, index = [], False, 0
    while index < len(text):
        char = text[index]
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            if text.startswith("\r\n", index):
                ends.append("\r\n")
                index += 1
            else:
                ends.append(char)
        index += 1
    return ends


def by_flow(rows: list[dict[str, str]]) -> dict[tuple[str, str, str, str], dict[str, str]]:
    return {(r["event_id"], r["category"], r["from_party"], r["to_party"]): r for r in rows}


@pytest.fixture
def scenario_db(cli: Cli, tmp_path: Path) -> Path:
    db = tmp_path / "scenario.db"
    path = write_csv(tmp_path / "scenario.csv", REPORTS_HEADER, SCENARIO)
    result = cli("import", db, path)
    assert result.code == 0, result.err
    return db


def export(cli: Cli, db: Path, directory: Path) -> Path:
    result = cli("export", db, directory)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return directory


def events_of(cli: Cli, db: Path, directory: Path) -> dict[tuple[str, str, str, str], dict]:
    return by_flow(read_csv(export(cli, db, directory) / "events.csv"))


def assert_unchanged_refusal(result: CliResult, db: Path, before: str | None, code: int) -> None:
    assert result.code == code, (result.code, result.out, result.err)
    assert "Traceback" not in result.err
    assert result.err.strip(), "a refusal says why"
    assert sha256(db) == before


# ---- the files -------------------------------------------------------------------------


def test_export_writes_six_files_a_datapackage_and_a_readme_into_a_new_folder(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "does" / "not" / "exist"
    export(cli, scenario_db, target)
    assert sorted(path.name for path in target.iterdir()) == sorted(
        [*HEADERS, "datapackage.json", "README.txt"]
    )


def test_an_export_into_a_file_says_a_folder_is_needed(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    in_the_way = tmp_path / "afile"
    in_the_way.write_text("mine")
    for target in (in_the_way, in_the_way / "out"):
        result = cli("export", scenario_db, target)
        assert result.code == 1 and "Traceback" not in result.err
        assert "is a file where a folder is needed" in result.err, result.err
    assert in_the_way.read_text() == "mine"


def test_exported_files_are_utf8_without_bom_with_crlf_line_ends(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    out = export(cli, scenario_db, tmp_path / "out")
    for name in HEADERS:
        data = (out / name).read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), name
        text = data.decode("utf-8")
        ends = terminators(text)
        assert ends, name
        assert set(ends) == {"\r\n"}, (name, set(ends))
        assert text.endswith("\r\n"), name
    assert "Україна-free".encode() in (out / "events.csv").read_bytes()


def test_exported_headers_are_the_documented_columns(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    out = export(cli, scenario_db, tmp_path / "out")
    for name, header in HEADERS.items():
        assert read_header(out / name) == header, name


def test_an_empty_ledger_exports_headers_only(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    path = write_csv(tmp_path / "header-only.csv", REPORTS_HEADER, [])
    assert cli("import", db, path).code == 0
    out = export(cli, db, tmp_path / "out")
    for name, header in HEADERS.items():
        assert (out / name).read_bytes() == (",".join(header) + "\r\n").encode(), name


def test_formula_unsafe_cells_get_one_more_quote(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    out = export(cli, scenario_db, tmp_path / "out")
    quotes = {row["report_id"]: row["quote"] for row in read_csv(out / "reports.csv")}
    assert quotes["R1"] == "'=1212+27"
    assert quotes["R2"] == "''abc"
    assert quotes["R3"] == "'-1000 caskets"
    assert quotes["R4"] == "'@Saraliyev said"
    assert quotes["R5"] == "'+100\nand 90"
    assert quotes["R6"] == "'\t6,000 for 6,000"
    assert quotes["R8"] == "'\rcr"
    assert quotes["R9"] == "quote of R9"
    names = {row["name"] for row in read_csv(out / "sources.csv")}
    assert "'@osint_watch" in names
    events = by_flow(read_csv(out / "events.csv"))
    assert events[("ex-3", "civilians", "Ukraine", "Україна-free")]["location"] == "'-Front"


def test_no_exported_cell_can_run_as_a_formula(cli: Cli, scenario_db: Path, tmp_path: Path) -> None:
    assert (
        cli(
            "resolve",
            scenario_db,
            "ex-1",
            "--count",
            "Russia",
            "Ukraine",
            "bodies",
            "1212",
            "--rationale",
            '=HYPERLINK("http://x")',
            "--by=-reviewer",
        ).code
        == 0
    )
    out = export(cli, scenario_db, tmp_path / "out")
    for name in HEADERS:
        with (out / name).open(newline="", encoding="utf-8") as handle:
            for record in csv.reader(handle):
                for cell in record:
                    if not cell:
                        continue
                    assert cell[0] not in "=+-@\t\r", (name, cell)
                    if cell[0] == "'":
                        assert cell[1:2] and cell[1] in FORMULA_STARTS, (name, cell)
    rationales = {row["rationale"] for row in read_csv(out / "resolutions.csv")}
    assert rationales == {'\'=HYPERLINK("http://x")'}
    assert {row["resolved_by"] for row in read_csv(out / "resolutions.csv")} == {"'-reviewer"}


def test_exported_reports_csv_reads_back_as_the_imported_values(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    out = export(cli, scenario_db, tmp_path / "out")
    rows = read_csv(out / "reports.csv")
    assert len(rows) == len(SCENARIO)
    talks = [row for row in rows if row["report_id"] == "R7"]
    assert len(talks) == 1
    for column in ("category", "from_party", "to_party", "count", "count_qualifier"):
        assert talks[0][column] == "", column
    r2 = next(row for row in rows if row["report_id"] == "R2")
    assert r2["location"] == "istanbul"
    assert r2["count"] == "1200"
    assert r2["count_qualifier"] == "approx"
    assert r2["source_name"] == "Dmytro Lubinets"
    assert r2["source_party"] == "Ukraine"
    assert r2["reliability"] == "B"
    assert r2["credibility"] == "3"
    assert all(UTC_TIME.match(row["recorded_at"]) for row in rows)


def test_events_csv_gives_best_low_high_n_reports_and_status(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    events = events_of(cli, scenario_db, tmp_path / "out")

    def numbers(key: tuple[str, str, str, str]) -> tuple[str, ...]:
        row = events[key]
        return (row["best"], row["low"], row["high"], row["n_reports"], row["status"])

    # Three stating reports: best is the median, low the min, high the max.
    assert numbers(("ex-1", "bodies", "Russia", "Ukraine")) == (
        "1200",
        "1000",
        "1212",
        "3",
        "conflict",
    )
    # A flow only one report states does not conflict with the silent ones.
    assert numbers(("ex-1", "bodies", "Ukraine", "Russia")) == ("27", "27", "27", "1", "conflict")
    assert numbers(("ex-2", "pows", "Russia", "Ukraine")) == (
        "100",
        "100",
        "100",
        "2",
        "consistent",
    )
    assert numbers(("ex-2", "pows", "Ukraine", "Russia")) == ("90", "90", "90", "1", "consistent")
    assert numbers(("agr-1", "bodies", "Russia", "Ukraine")) == (
        "6000",
        "6000",
        "6000",
        "1",
        "single",
    )
    # An event without flows: one row, n_reports counts all its reports.
    assert numbers(("talks-1", "", "", "")) == ("", "", "", "1", "single")
    assert numbers(("ex-4", "pows", "Russia", "Ukraine")) == ("5", "5", "5", "2", "conflict")
    assert len(events) == 9


def test_events_csv_gives_the_event_date_and_location(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    events = events_of(cli, scenario_db, tmp_path / "out")
    # Agreeing dates: the most precise one; the first location stated in write order.
    assert events[("ex-1", "bodies", "Russia", "Ukraine")]["date"] == "2025-06-11"
    assert events[("ex-1", "bodies", "Russia", "Ukraine")]["location"] == "Istanbul"
    assert events[("ex-2", "pows", "Ukraine", "Russia")]["location"] == "Sumy"
    # A month stays a month.
    assert events[("ex-3", "civilians", "Ukraine", "Україна-free")]["date"] == "2025-05"
    # Disagreeing dates, nothing decided: the earliest of the most precise.
    assert events[("ex-4", "pows", "Russia", "Ukraine")]["date"] == "2025-04-01"
    assert events[("ex-4", "pows", "Russia", "Ukraine")]["location"] == "Bryansk"
    assert all(row["event_type"] for row in events.values())
    assert events[("agr-1", "bodies", "Ukraine", "Russia")]["event_type"] == "agreement"


def test_best_is_the_lower_median_for_an_even_number_of_reports(cli: Cli, tmp_path: Path) -> None:
    rows = [
        flow_row(f"R{n}", "ev", "exchange", "2024-02-02", (f"S{n}", "media", "", "F"),
                 ("pows", "Russia", "Ukraine", str(count), "exact"))
        for n, count in enumerate([40, 10, 30, 20])
    ]  # fmt: skip
    db = tmp_path / "ledger.db"
    assert cli("import", db, write_csv(tmp_path / "even.csv", REPORTS_HEADER, rows)).code == 0
    row = events_of(cli, db, tmp_path / "out")[("ev", "pows", "Russia", "Ukraine")]
    assert (row["best"], row["low"], row["high"], row["n_reports"]) == ("20", "10", "40", "4")


def test_sources_csv_counts_the_reports_of_each_source(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    out = export(cli, scenario_db, tmp_path / "out")
    sources = {row["name"]: row for row in read_csv(out / "sources.csv")}
    assert {name: row["n_reports"] for name, row in sources.items()} == {
        "Vladimir Medinsky": "2",
        "Dmytro Lubinets": "3",
        "Online video": "1",
        "Shamsail Saraliyev": "1",
        "Article": "2",
        "'@osint_watch": "1",
    }
    medinsky = sources["Vladimir Medinsky"]
    assert (medinsky["kind"], medinsky["party"], medinsky["reliability"]) == (
        "official",
        "Russia",
        "C",
    )
    assert sources["Online video"]["party"] == ""
    assert len({row["source_id"] for row in sources.values()}) == 6
    assert all(row["source_id"] for row in sources.values())


EXPECTED_BALANCE = [
    # date, category, party, received best/low/high, sent best/low/high
    ["2025-04-01", "pows", "Russia", "0", "0", "0", "5", "5", "5"],
    ["2025-04-01", "pows", "Ukraine", "5", "5", "5", "0", "0", "0"],
    ["2025-05-01", "civilians", "Ukraine", "0", "0", "0", "10", "10", "10"],
    ["2025-05-01", "civilians", "Україна-free", "10", "10", "10", "0", "0", "0"],
    ["2025-06-11", "bodies", "Russia", "27", "27", "27", "1200", "1000", "1212"],
    ["2025-06-11", "bodies", "Ukraine", "1200", "1000", "1212", "27", "27", "27"],
    ["2025-06-13", "pows", "Russia", "90", "90", "90", "105", "105", "105"],
    ["2025-06-13", "pows", "Ukraine", "105", "105", "105", "90", "90", "90"],
]


def test_balance_csv_is_cumulative_sorted_and_counts_only_exchanges(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    out = export(cli, scenario_db, tmp_path / "out")
    with (out / "balance.csv").open(newline="", encoding="utf-8") as handle:
        records = list(csv.reader(handle))
    assert records[0] == BALANCE_HEADER
    assert records[1:] == EXPECTED_BALANCE


def test_balance_rows_are_sorted_by_date_category_party(cli: Cli, tmp_path: Path) -> None:
    source = ("S", "media", "", "F")
    rows = [
        flow_row("a", "e-late", "exchange", "2024-03-02", source,
                 ("bodies", "Zeta", "Alpha", "1", "exact")),
        flow_row("b", "e-early", "exchange", "2024-03-01", source,
                 ("pows", "Mid", "Alpha", "2", "exact")),
        flow_row("c", "e-early", "exchange", "2024-03-01", source,
                 ("bodies", "Mid", "Zeta", "3", "exact")),
        flow_row("d", "e-year", "exchange", "2023", source,
                 ("civilians", "Alpha", "Zeta", "4", "exact")),
    ]  # fmt: skip
    db = tmp_path / "ledger.db"
    assert cli("import", db, write_csv(tmp_path / "s.csv", REPORTS_HEADER, rows)).code == 0
    balance = read_csv(export(cli, db, tmp_path / "out") / "balance.csv")
    keys = [(row["date"], row["category"], row["party"]) for row in balance]
    assert keys == [
        ("2023-01-01", "civilians", "Alpha"),
        ("2023-01-01", "civilians", "Zeta"),
        ("2024-03-01", "bodies", "Mid"),
        ("2024-03-01", "bodies", "Zeta"),
        ("2024-03-01", "pows", "Alpha"),
        ("2024-03-01", "pows", "Mid"),
        ("2024-03-02", "bodies", "Alpha"),
        ("2024-03-02", "bodies", "Zeta"),
    ]
    zeta = [row for row in balance if row["party"] == "Zeta" and row["category"] == "bodies"]
    assert [(row["received_best"], row["sent_best"]) for row in zeta] == [("3", "0"), ("3", "1")]


def test_balance_csv_option_prints_exactly_balance_csv(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    out = export(cli, scenario_db, tmp_path / "out")
    result = cli("balance", scenario_db, "--csv")
    assert result.code == 0, result.err
    assert result.out.encode("utf-8") == (out / "balance.csv").read_bytes()


def test_balance_csv_option_is_byte_identical_from_the_real_process(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    out = export(cli, scenario_db, tmp_path / "out")
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "balance", str(scenario_db), "--csv"],
        capture_output=True,
        timeout=120,
        env=os.environ.copy(),
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (out / "balance.csv").read_bytes()


def test_balance_category_filters(cli: Cli, scenario_db: Path) -> None:
    result = cli("balance", scenario_db, "--category", "bodies", "--csv")
    assert result.code == 0, result.err
    records = list(csv.reader(io.StringIO(result.out, newline="")))
    assert records[0] == BALANCE_HEADER
    assert records[1:] == [row for row in EXPECTED_BALANCE if row[1] == "bodies"]
    table = cli("balance", scenario_db, "--category", "pows")
    assert table.code == 0, table.err
    assert "pows" in table.out
    assert "bodies" not in table.out
    assert "civilians" not in table.out


def test_balance_table_shows_received_sent_and_net(cli: Cli, scenario_db: Path) -> None:
    result = cli("balance", scenario_db)
    assert result.code == 0, result.err
    line = next(
        line
        for line in result.out.splitlines()
        if line.startswith("2025-06-11") and "Ukraine" in line
    )
    # received 1200 [1000–1212], sent 27, net 1173 [973–1185]
    assert "1200" in line and "1000" in line and "1212" in line
    assert "1173" in line and "973" in line and "1185" in line


def test_the_balance_sums_the_exchange_flows_of_events_csv(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    out = export(cli, scenario_db, tmp_path / "out")
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 6)
    for row in read_csv(out / "events.csv"):
        if row["event_type"] != "exchange" or not row["category"]:
            continue
        estimate = [int(row["best"]), int(row["low"]), int(row["high"])]
        for index, value in enumerate(estimate):
            totals[(row["category"], row["to_party"])][index] += value
            totals[(row["category"], row["from_party"])][3 + index] += value
    final: dict[tuple[str, str], list[int]] = {}
    for row in read_csv(out / "balance.csv"):
        final[(row["category"], row["party"])] = [int(row[c]) for c in BALANCE_HEADER[3:]]
    assert final == dict(totals)


# ---- datapackage.json ------------------------------------------------------------------


def test_datapackage_describes_every_exported_file(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    out = export(cli, scenario_db, tmp_path / "out")
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resources = {resource["path"]: resource for resource in package["resources"]}
    assert set(resources) == set(HEADERS)
    for name, resource in resources.items():
        fields = [field["name"] for field in resource["schema"]["fields"]]
        assert fields == read_header(out / name), name
        assert fields == HEADERS[name], name


# ---- resolve and resolutions.csv -------------------------------------------------------


def resolve(cli: Cli, db: Path, *args: str) -> CliResult:
    result = cli("resolve", db, *args)
    assert result.code == 0, result.err
    return result


def test_resolve_a_count_decides_best_low_high(cli: Cli, scenario_db: Path, tmp_path: Path) -> None:
    resolve(
        cli,
        scenario_db,
        "ex-1",
        "--count",
        "Russia",
        "Ukraine",
        "bodies",
        "1212",
        "--rationale",
        "Official figure, confirmed by the other side's ombudsman.",
        "--report",
        "R1",
        "--by",
        "Reviewer One",
    )
    out = export(cli, scenario_db, tmp_path / "out")
    events = by_flow(read_csv(out / "events.csv"))
    decided = events[("ex-1", "bodies", "Russia", "Ukraine")]
    assert (decided["best"], decided["low"], decided["high"]) == ("1212", "1212", "1212")
    assert decided["n_reports"] == "3"
    assert decided["status"] == "resolved"
    assert decided["rationale"] == "Official figure, confirmed by the other side's ombudsman."
    assert decided["resolved_by"] == "Reviewer One"
    assert UTC_TIME.match(decided["resolved_at"])
    other = events[("ex-1", "bodies", "Ukraine", "Russia")]
    assert (other["rationale"], other["resolved_by"], other["resolved_at"]) == ("", "", "")
    resolutions = read_csv(out / "resolutions.csv")
    assert resolutions == [
        {
            "event_id": "ex-1",
            "field": "count",
            "from_party": "Russia",
            "to_party": "Ukraine",
            "category": "bodies",
            "value": "1212",
            "report_id": "R1",
            "rationale": "Official figure, confirmed by the other side's ombudsman.",
            "resolved_by": "Reviewer One",
            "resolved_at": decided["resolved_at"],
            "state": "in_force",
            "seq": resolutions[0]["seq"],
        }
    ]
    assert int(resolutions[0]["seq"]) > 0
    balance = read_csv(out / "balance.csv")
    ukraine = next(r for r in balance if r["date"] == "2025-06-11" and r["party"] == "Ukraine")
    assert (ukraine["received_best"], ukraine["received_low"], ukraine["received_high"]) == (
        "1212",
        "1212",
        "1212",
    )


def test_resolutions_csv_holds_only_the_decisions_in_force(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    flow = ("--count", "Russia", "Ukraine", "bodies")
    resolve(cli, scenario_db, "ex-1", *flow, "1212", "--rationale", "first", "--by", "A")
    resolve(cli, scenario_db, "ex-1", *flow, "1100", "--rationale", "second", "--by", "B")
    resolve(cli, scenario_db, "ex-4", "--date", "2025-04-03", "--rationale", "d", "--report", "R10")
    resolve(cli, scenario_db, "ex-4", "--location", "Belgorod", "--rationale", "l", "--by", "C")
    out = export(cli, scenario_db, tmp_path / "out")
    resolutions = {
        (row["event_id"], row["field"]): row for row in read_csv(out / "resolutions.csv")
    }
    assert set(resolutions) == {("ex-1", "count"), ("ex-4", "date"), ("ex-4", "location")}
    count = resolutions[("ex-1", "count")]
    assert (count["value"], count["rationale"], count["resolved_by"], count["report_id"]) == (
        "1100",
        "second",
        "B",
        "",
    )
    day = resolutions[("ex-4", "date")]
    assert (day["value"], day["report_id"]) == ("2025-04-03", "R10")
    assert (day["from_party"], day["to_party"], day["category"]) == ("", "", "")
    assert resolutions[("ex-4", "location")]["value"] == "Belgorod"
    events = by_flow(read_csv(out / "events.csv"))
    assert events[("ex-1", "bodies", "Russia", "Ukraine")]["best"] == "1100"
    ex4 = events[("ex-4", "pows", "Russia", "Ukraine")]
    assert (ex4["date"], ex4["location"], ex4["status"]) == ("2025-04-03", "Belgorod", "resolved")
    # The balance follows the decided date.
    dates = {row["date"] for row in read_csv(out / "balance.csv") if row["category"] == "pows"}
    assert "2025-04-03" in dates
    assert "2025-04-01" not in dates


def test_a_withdrawn_decision_is_not_in_force(cli: Cli, scenario_db: Path, tmp_path: Path) -> None:
    from desktop_app.store.ledger import Ledger

    flow = ("--count", "Russia", "Ukraine", "bodies")
    result = resolve(cli, scenario_db, "ex-1", *flow, "1212", "--rationale", "because")
    decision_id = re.search(r"decision ([0-9a-f-]{36})", result.out)
    assert decision_id, result.out
    with Ledger.open(scenario_db) as ledger:
        ledger.withdraw_resolution(decision_id.group(1), "tester")
    out = export(cli, scenario_db, tmp_path / "out")
    withdrawn = read_csv(out / "resolutions.csv")
    assert [(r["value"], r["state"]) for r in withdrawn] == [("1212", "withdrawn")]
    row = by_flow(read_csv(out / "events.csv"))[("ex-1", "bodies", "Russia", "Ukraine")]
    assert (row["best"], row["status"], row["rationale"]) == ("1200", "conflict", "")


def test_resolve_uses_the_user_name_without_by(cli: Cli, scenario_db: Path, tmp_path: Path) -> None:
    from desktop_app.settings import set_user_name

    set_user_name("Settings Person")
    resolve(cli, scenario_db, "ex-4", "--date", "2025-04-01", "--rationale", "earliest")
    rows = read_csv(export(cli, scenario_db, tmp_path / "out") / "resolutions.csv")
    assert [row["resolved_by"] for row in rows] == ["Settings Person"]


def test_a_report_after_a_decision_that_disagrees_reopens_the_event(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    resolve(
        cli, scenario_db, "ex-1", "--count", "Russia", "Ukraine", "bodies", "1212",
        "--rationale", "official", "--report", "R1",
    )  # fmt: skip
    late = flow_row("R11", "ex-1", "exchange", "2025-06-11", ("Late source", "ngo", "", "D"),
                    ("bodies", "Russia", "Ukraine", "900", "exact"))  # fmt: skip
    late_csv = write_csv(tmp_path / "late.csv", REPORTS_HEADER, [late])
    assert cli("import", scenario_db, late_csv).code == 0
    events = events_of(cli, scenario_db, tmp_path / "out")
    row = events[("ex-1", "bodies", "Russia", "Ukraine")]
    assert (row["best"], row["low"], row["high"], row["status"]) == (
        "1212",
        "1212",
        "1212",
        "reopened",
    )
    assert row["n_reports"] == "4"
    listed = json.loads(cli("conflicts", scenario_db, "--json").out)
    ex1 = next(event for event in listed if event["event_id"] == "ex-1")
    assert ex1["status"] == "reopened"
    count = next(d for d in ex1["disputes"] if d["field"] == "count")
    assert {rid: int(v) for rid, v in count["values"].items()} == {
        "R1": 1212,
        "R2": 1200,
        "R3": 1000,
        "R11": 900,
    }


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["ex-1", "--count", "Russia", "Ukraine", "bodies", "1212",
                      "--rationale", ""], id="empty-rationale"),
        pytest.param(["ex-1", "--count", "Russia", "Ukraine", "bodies", "1212",
                      "--rationale", "   \n"], id="blank-rationale"),
        pytest.param(["no-such-event", "--date", "2025-06-11", "--rationale", "r"],
                     id="unknown-event"),
        pytest.param(["ex-1", "--count", "Russia", "Ukraine", "bodies", "1212",
                      "--rationale", "r", "--report", "R2"], id="report-states-another-count"),
        pytest.param(["ex-1", "--count", "Russia", "Ukraine", "bodies", "1212",
                      "--rationale", "r", "--report", "R9"], id="report-of-another-event"),
        pytest.param(["ex-1", "--count", "Russia", "Ukraine", "bodies", "1212",
                      "--rationale", "r", "--report", "nope"], id="unknown-report"),
        pytest.param(["ex-1", "--location", "Istanbul", "--rationale", "r", "--report", "R3"],
                     id="report-silent-on-location"),
        pytest.param(["ex-4", "--date", "2025-04-02", "--rationale", "r", "--report", "R9"],
                     id="report-states-another-date"),
        pytest.param(["ex-1", "--count", "Russia", "Ukraine", "bodies", "1,212",
                      "--rationale", "r"], id="count-with-separator"),
        pytest.param(["ex-1", "--count", "Russia", "Ukraine", "bodies", "-5",
                      "--rationale", "r"], id="count-negative"),
        pytest.param(["ex-1", "--count", "Russia", "Ukraine", "bodies", "many",
                      "--rationale", "r"], id="count-words"),
        pytest.param(["ex-1", "--count", "Russia", "Ukraine", "civilians", "5",
                      "--rationale", "r"], id="count-of-a-flow-nobody-states"),
        pytest.param(["ex-1", "--date", "2025-02-30", "--rationale", "r"], id="date-not-real"),
        pytest.param(["ex-1", "--date", str(date.today() + timedelta(days=2)),
                      "--rationale", "r"], id="date-in-future"),
        pytest.param(["ex-1", "--location", "  ", "--rationale", "r"], id="location-empty"),
    ],
)  # fmt: skip
def test_resolve_refuses_bad_input_and_writes_nothing(
    cli: Cli, scenario_db: Path, args: list[str]
) -> None:
    before = sha256(scenario_db)
    result = cli("resolve", scenario_db, *args)
    assert_unchanged_refusal(result, scenario_db, before, 1)


def test_resolve_without_rationale_is_bad_usage(cli: Cli, scenario_db: Path) -> None:
    before = sha256(scenario_db)
    result = cli("resolve", scenario_db, "ex-1", "--count", "Russia", "Ukraine", "bodies", "1212")
    assert_unchanged_refusal(result, scenario_db, before, 2)
    assert "rationale" in result.err


def test_resolve_a_missing_ledger_is_refused_and_not_created(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "missing.db"
    result = cli("resolve", db, "ex-1", "--date", "2025-06-11", "--rationale", "r")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert not db.exists()


# ---- conflicts --json ------------------------------------------------------------------


def test_conflicts_json_has_the_documented_structure(cli: Cli, scenario_db: Path) -> None:
    result = cli("conflicts", scenario_db, "--json")
    assert result.code == 0, result.err
    listed = json.loads(result.out)
    assert isinstance(listed, list)
    for event in listed:
        assert set(event) == {"event_id", "status", "disputes", "warnings"}
        for dispute in event["disputes"]:
            if dispute["field"] == "count":
                assert set(dispute) == {"field", "from_party", "to_party", "category", "values"}
            else:
                assert set(dispute) == {"field", "values"}
    events = {event["event_id"]: event for event in listed}
    assert set(events) == {"ex-1", "ex-4"}
    assert events["ex-1"]["status"] == "conflict"
    assert len(events["ex-1"]["disputes"]) == 1
    count = events["ex-1"]["disputes"][0]
    assert (count["field"], count["from_party"], count["to_party"], count["category"]) == (
        "count",
        "Russia",
        "Ukraine",
        "bodies",
    )
    assert {rid: int(value) for rid, value in count["values"].items()} == {
        "R1": 1212,
        "R2": 1200,
        "R3": 1000,
    }
    ex4 = {dispute["field"]: dispute for dispute in events["ex-4"]["disputes"]}
    assert set(ex4) == {"date", "location"}
    assert ex4["date"]["values"] == {"R9": "2025-04-01", "R10": "2025-04-03"}
    assert ex4["location"]["values"] == {"R9": "Bryansk", "R10": "Belgorod"}


def test_conflicts_values_hold_only_the_reports_stating_the_field(cli: Cli, tmp_path: Path) -> None:
    rows = [
        flow_row("A", "ev", "exchange", "2024-02-01", MEDINSKY,
                 ("pows", "Russia", "Ukraine", "10", "exact"), "Kyiv"),
        flow_row("B", "ev", "exchange", "2024-02-01", LUBINETS,
                 ("pows", "Russia", "Ukraine", "12", "exact"), "Lviv"),
        # Silent on the location and on the flow; another flow of its own.
        flow_row("C", "ev", "exchange", "2024-02", FOOTAGE,
                 ("bodies", "Russia", "Ukraine", "3", "exact")),
        flow_row("D", "ev", "exchange", "2024-02-01", ARTICLE,
                 ("bodies", "Russia", "Ukraine", "4", "exact"), " kyiv "),
    ]  # fmt: skip
    db = tmp_path / "ledger.db"
    assert cli("import", db, write_csv(tmp_path / "c.csv", REPORTS_HEADER, rows)).code == 0
    [event] = json.loads(cli("conflicts", db, "--json").out)
    disputes = {(d["field"], d.get("category")): d["values"] for d in event["disputes"]}
    assert set(disputes) == {("location", None), ("count", "pows"), ("count", "bodies")}
    assert disputes[("location", None)] == {"A": "Kyiv", "B": "Lviv", "D": "kyiv"}
    assert {k: int(v) for k, v in disputes[("count", "pows")].items()} == {"A": 10, "B": 12}
    assert {k: int(v) for k, v in disputes[("count", "bodies")].items()} == {"C": 3, "D": 4}


def test_conflicts_lists_decided_disputes_while_others_are_open(
    cli: Cli, scenario_db: Path
) -> None:
    resolve(cli, scenario_db, "ex-4", "--date", "2025-04-03", "--rationale", "r", "--report", "R10")
    events = {
        event["event_id"]: event
        for event in json.loads(cli("conflicts", scenario_db, "--json").out)
    }
    assert events["ex-4"]["status"] == "conflict"
    assert {dispute["field"] for dispute in events["ex-4"]["disputes"]} == {"date", "location"}
    resolve(cli, scenario_db, "ex-4", "--location", "Bryansk", "--rationale", "r")
    events = {
        event["event_id"]: event
        for event in json.loads(cli("conflicts", scenario_db, "--json").out)
    }
    assert "ex-4" not in events


@pytest.mark.parametrize(
    ("dates", "disputed", "event_date"),
    [
        pytest.param(["2023-08", "2023-08-07"], False, "2023-08-07", id="month-holds-day"),
        pytest.param(["2023", "2023-08-07"], False, "2023-08-07", id="year-holds-day"),
        pytest.param(["2023-08-06", "2023-08-07"], True, "2023-08-06", id="two-days"),
        pytest.param(["2023-07", "2023-08-07"], True, "2023-08-07", id="other-month"),
        pytest.param(["2023-08", "2023-08-07", "2023-08-06"], True, "2023-08-06", id="mixed"),
    ],
)
def test_dates_disagree_when_their_periods_do_not_overlap(
    cli: Cli, tmp_path: Path, dates: list[str], disputed: bool, event_date: str
) -> None:
    rows = [
        flow_row(f"R{n}", "ev", "exchange", day, (f"S{n}", "media", "", "F"),
                 ("pows", "Russia", "Ukraine", "7", "exact"))
        for n, day in enumerate(dates)
    ]  # fmt: skip
    db = tmp_path / "ledger.db"
    assert cli("import", db, write_csv(tmp_path / "d.csv", REPORTS_HEADER, rows)).code == 0
    listed = json.loads(cli("conflicts", db, "--json").out)
    if disputed:
        [event] = listed
        [dispute] = event["disputes"]
        assert dispute == {
            "field": "date",
            "values": {f"R{n}": day for n, day in enumerate(dates)},
        }
    else:
        assert listed == []
    row = events_of(cli, db, tmp_path / "out")[("ev", "pows", "Russia", "Ukraine")]
    assert row["date"] == event_date
    assert row["status"] == ("conflict" if disputed else "consistent")


def test_a_decision_on_an_undisputed_field_makes_the_event_resolved(
    cli: Cli, scenario_db: Path, tmp_path: Path
) -> None:
    resolve(
        cli, scenario_db, "ex-2", "--date", "2025-06-13", "--rationale", "checked", "--report", "R4"
    )
    events = events_of(cli, scenario_db, tmp_path / "out")
    assert events[("ex-2", "pows", "Russia", "Ukraine")]["status"] == "resolved"
    # The date decision is not a decision on a flow.
    assert events[("ex-2", "pows", "Russia", "Ukraine")]["rationale"] == ""


def test_conflicts_text_and_empty_list(cli: Cli, scenario_db: Path, tmp_path: Path) -> None:
    text = cli("conflicts", scenario_db)
    assert text.code == 0, text.err
    assert "ex-1" in text.out and "ex-4" in text.out
    assert "ex-2" not in text.out
    rows = [
        flow_row(
            "A",
            "ev",
            "exchange",
            "2024-02-01",
            MEDINSKY,
            ("pows", "Russia", "Ukraine", "10", "exact"),
        ),
        flow_row(
            "B",
            "ev",
            "exchange",
            "2024-02-01",
            LUBINETS,
            ("pows", "Russia", "Ukraine", "10", "exact"),
        ),
    ]
    db = tmp_path / "agreeing.db"
    assert cli("import", db, write_csv(tmp_path / "agreeing.csv", REPORTS_HEADER, rows)).code == 0
    result = cli("conflicts", db, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == []
    assert cli("conflicts", db).out == "No events in conflict and no warnings.\n"


# ---- bad usage and unusable files ------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["export", "{db}"], id="export-without-dir"),
        pytest.param(["export", "{db}", "{out}", "--zip"], id="export-unknown-option"),
        pytest.param(["import", "{db}"], id="import-without-file"),
        pytest.param(["import", "{db}", "{csv}", "--force"], id="import-unknown-option"),
        pytest.param(["conflicts"], id="conflicts-without-db"),
        pytest.param(["conflicts", "{db}", "--yaml"], id="conflicts-unknown-option"),
        pytest.param(["balance", "{db}", "--category", "planes"], id="balance-unknown-category"),
        pytest.param(["balance", "{db}", "--category"], id="balance-category-without-value"),
        pytest.param(["resolve", "{db}", "ex-1", "--rationale", "r"], id="resolve-no-field"),
        pytest.param(["resolve", "{db}", "--date", "2025-04-01", "--rationale", "r"],
                     id="resolve-no-event"),
        pytest.param(["resolve", "{db}", "ex-4", "--date", "2025-04-01", "--location", "X",
                      "--rationale", "r"], id="resolve-two-fields"),
        pytest.param(["resolve", "{db}", "ex-1", "--count", "Russia", "Ukraine", "bodies",
                      "--rationale", "r"], id="resolve-count-three-values"),
        pytest.param(["resolve", "{db}", "ex-1", "--dismiss-direction", "Russia", "Ukraine",
                      "bodies", "--report", "r-1", "--rationale", "r"],
                     id="resolve-dismissal-following-a-report"),
        pytest.param(["resolve", "{out}", "ex-1", "--dismiss-direction", "Russia", "Ukraine",
                      "bodies", "--report", "r-1", "--rationale", "r"],
                     id="resolve-dismissal-following-a-report-on-no-file"),
    ],
)  # fmt: skip
def test_bad_usage_exits_2_and_changes_nothing(
    cli: Cli, scenario_db: Path, tmp_path: Path, args: list[str]
) -> None:
    values = {"db": scenario_db, "out": tmp_path / "out", "csv": EXAMPLE_CSV}
    before = sha256(scenario_db)
    result = cli(*(arg.format(**values) for arg in args))
    assert_unchanged_refusal(result, scenario_db, before, 2)
    assert "usage" in result.err.lower()
    assert not (tmp_path / "out").exists()


def test_export_of_a_missing_ledger_is_refused(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", tmp_path / "missing.db", tmp_path / "out")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "missing.db" in result.err
    assert not (tmp_path / "missing.db").exists()


def test_reading_commands_refuse_a_file_that_is_not_a_ledger(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"not a database at all\n" * 20)
    before = sha256(db)
    for args in (
        ["export", db, tmp_path / "out"],
        ["conflicts", db, "--json"],
        ["balance", db, "--csv"],
        ["resolve", db, "ex-1", "--date", "2025-06-11", "--rationale", "r"],
    ):
        result = cli(*args)
        assert result.code == 1, args
        assert "Traceback" not in result.err
        assert "notes.db" in result.err
    assert sha256(db) == before


def test_the_real_process_exits_like_the_command_line_promises(
    cli_process: Callable[..., subprocess.CompletedProcess[str]],
    scenario_db: Path,
    tmp_path: Path,
) -> None:
    done = cli_process("export", scenario_db, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "datapackage.json").is_file()
    done = cli_process("resolve", scenario_db, "ex-1", "--date", "2025-06-11")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    done = cli_process("resolve", scenario_db, "nope", "--date", "2025-06-11", "--rationale", "r")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "nope" in done.stderr
    done = cli_process("conflicts", scenario_db, "--json")
    assert done.returncode == 0
    assert {event["event_id"] for event in json.loads(done.stdout)} == {"ex-1", "ex-4"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@'\t\r\n\",; aЯ😀"), max_size=8))
def test_the_sql_formula_guard_and_quoting_are_the_python_ones(value: str) -> None:
    """Text cells are finished by SQLite for speed (export_sql.text); they must equal what
    csvio's escape_cell and Python's csv writer make of the same value."""
    import sqlite3

    from desktop_app.store.csvio import escape_cell, writer
    from desktop_app.store.export_sql import text

    connection = sqlite3.connect(":memory:")
    (made_by_sql,) = connection.execute(
        f"WITH v(x) AS (SELECT ?) SELECT {text('x')} FROM v", (value,)
    ).fetchone()
    buffer = io.StringIO()
    writer(buffer).writerow([escape_cell(value), ""])  # a second cell: no lone-field rule
    assert made_by_sql + ",\r\n" == buffer.getvalue()
