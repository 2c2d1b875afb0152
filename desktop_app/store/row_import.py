"""The plan of any `reports.csv`, read row by row with the csv module: the careful reading.

It reads whatever the Arrow reading (`bulk_import`) declines: a file with bad bytes,
unusual quoting, blank rows, reports already in the ledger, sources graded two ways, or
any other problem. It names every problem by row and column, in one go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..domain.naming import counted, source_label
from ..domain.records import Flow, FlowKey, location_key, name_key, source_key, tidy
from ..domain.validation import FieldProblem, Invalid
from .csvio import CsvRows, cell_problem, unescape_cell
from .import_plan import (
    COLUMN_CHECKS,
    DELETED_REPORTS,
    FLOW_CHECKS,
    FLOW_COLUMNS,
    REPORT_COLUMNS,
    REPORT_LEVEL,
    Cancelled,
    GivenSource,
    ImportPlan,
    NewReport,
    Progress,
    blank_report_id,
    check_header,
    lookup,
    name_parties,
)
from .ledger import RECORDING_FIELDS, Ledger, ReportInput, flow_content
from .sources import former_names


@dataclass
class PlannedReport:
    report_id: str
    event_id: str
    row: int
    report: ReportInput
    recorded_by: str | None
    recorded_at: str | None
    updated_at: str | None
    flow_rows: dict[tuple[str, str, str], int] = field(default_factory=dict)
    # Row, kind and reliability of each row; None where the row leaves the cell blank.
    grades: list[tuple[int, str | None, str | None]] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)  # collected row by row


def _read_cells(
    plan: ImportPlan, row: int, header: list[str], record: list[str], clean: bool
) -> dict[str, str] | None:
    """The row's cells by column: formula guard removed, trimmed except the quote.
    `clean` says the whole file holds no bad bytes, so cells need no check of their own."""
    if len(record) != len(header):
        plan.errors.append(
            FieldProblem(row, "", f"has {len(record)} cells where the header has {len(header)}")
        )
        return None
    cells = dict.fromkeys(REPORT_COLUMNS, "")
    ok = True
    for column, raw in zip(header, record, strict=True):
        if not clean and (problem := cell_problem(raw)):
            plan.errors.append(FieldProblem(row, column, problem))
            ok = False
            continue
        text = unescape_cell(raw) if raw[:1] == "'" else raw
        cells[column] = text if column == "quote" else text.strip()
    return cells if ok else None


class _Checker:
    """Runs the column checks, remembering each distinct text's outcome: most columns
    repeat a few values over hundreds of thousands of rows."""

    def __init__(self) -> None:
        self.memo: dict[str, dict[str, tuple[bool, object]]] = {}

    def check(
        self, column: str, text: str, checks: dict[str, Callable[[str], object]]
    ) -> tuple[bool, object]:
        memo = self.memo.get(column)
        if memo is None:
            memo = self.memo[column] = {}
        outcome = memo.get(text)
        if outcome is None:
            try:
                outcome = (True, checks[column](text))
            except Invalid as error:
                outcome = (False, str(error))
            if len(memo) < 200_000:
                memo[text] = outcome
        return outcome

    def columns(
        self,
        plan: ImportPlan,
        row: int,
        cells: dict[str, str],
        checks: dict[str, Callable[[str], object]],
    ) -> dict[str, object] | None:
        """The typed values of these columns, or None (with every error noted)."""
        values, failed = self.checked(plan, row, cells, checks)
        return None if failed else values

    def checked(
        self,
        plan: ImportPlan,
        row: int,
        cells: dict[str, str],
        checks: dict[str, Callable[[str], object]],
    ) -> tuple[dict[str, object], set[str]]:
        """The values of these columns (an error's text where one fails) and the columns
        that failed, each error noted."""
        values: dict[str, object] = {}
        failed: set[str] = set()
        for column in checks:
            valid, value = self.check(column, cells[column], checks)
            if not valid:
                plan.errors.append(FieldProblem(row, column, str(value)))
                failed.add(column)
            values[column] = value
        return values, failed

    def row(self, plan: ImportPlan, row: int, cells: dict[str, str]) -> dict[str, Any] | None:
        """The typed values of one row, its flow included, or None (errors noted)."""
        values = self.columns(plan, row, cells, COLUMN_CHECKS)
        has_flow = any(cells[column] for column in FLOW_COLUMNS)
        flow = self.flow(plan, row, cells) if has_flow else None
        if values is None or (has_flow and flow is None):
            return None
        values["flow"] = flow
        return values

    def flow(self, plan: ImportPlan, row: int, cells: dict[str, str]) -> Flow | None:
        """The row's flow, or None: every error of its columns noted, and from = to
        beside them (wherever both parties are valid), in one go."""
        values, failed = self.checked(plan, row, cells, FLOW_CHECKS)
        from_party, to_party = str(values["from_party"]), str(values["to_party"])
        parties = not {"from_party", "to_party"} & failed
        if parties and name_key(from_party) == name_key(to_party):
            plan.errors.append(
                FieldProblem(
                    row,
                    "to_party",
                    f"from and to are both '{to_party}': a flow goes between two parties",
                )
            )
            return None
        if failed:
            return None
        key = FlowKey(from_party, to_party, str(values["category"]))
        return Flow(key, int(str(values["count"])), str(values["count_qualifier"]))


def _report_id(cells: dict[str, str]) -> str:
    given = cells["report_id"]
    if given:
        return given
    return blank_report_id(
        cells["event_id"], cells["source_name"], cells["event_date"], cells["quote"]
    )


def plan_records(plan: ImportPlan, ledger: Ledger, data: bytes, progress: Progress | None) -> None:
    """The careful reading: the csv module's records, row by row."""
    rows = CsvRows(data)
    records = rows.read()
    if not records:
        plan.errors.extend(rows.problems)
        if not rows.problems:
            plan.errors.append(FieldProblem(1, "", "the file is empty: a header row is required"))
        return
    unreadable = [
        FieldProblem(1, f"#{number}", problem)
        for number, name in enumerate(records[0], start=1)
        if (problem := cell_problem(name))
    ]
    if unreadable:  # never put raw bytes into a column name or a message
        plan.errors.extend(unreadable)
        return
    header = [tidy(unescape_cell(name)) for name in records[0]]
    if not check_header(plan, header):
        plan.errors.extend(rows.problems)
        return
    _plan_rows(plan, ledger, header, records[1:], rows.clean, progress)
    plan.errors.extend(rows.problems)
    plan.errors.sort(key=lambda problem: problem.row)


def _plan_rows(
    plan: ImportPlan,
    ledger: Ledger,
    header: list[str],
    body: list[list[str]],
    clean: bool,
    progress: Progress | None,
) -> None:
    """The careful reading, row by row, that names every problem by row and column."""
    planned: dict[str, PlannedReport] = {}
    failed: list[tuple[int, str, str]] = []  # rows with errors: their event and its type
    incomplete: set[str] = set()  # reports with such a row: what they state is not known
    first_rows: dict[str, tuple[int, dict[str, str]]] = {}  # each report's first row
    total = max(1, len(body))
    checker = _Checker()
    for index, record in enumerate(body):
        row = index + 2  # the header is row 1
        if progress and index % 2000 == 0 and not progress(index, total):
            raise Cancelled()
        if not any(cell.strip() for cell in record):
            continue
        cells = _read_cells(plan, row, header, record, clean)
        if cells is None:
            continue
        values = checker.row(plan, row, cells)
        level = _level(checker, cells, whole=values is not None)
        differs = _differs_from_first_row(plan, first_rows, row, cells, level)
        if values is None:
            failed.extend(_event_of(checker, row, cells))
            incomplete.add(_report_id(cells))
            continue
        if not differs:
            _add_row(plan, planned, row, cells, values)
    for report in planned.values():
        if report.flows:
            report.report = replace(report.report, flows=tuple(report.flows))
    _check_against_ledger(plan, ledger, planned, incomplete)
    _check_types_of_failed_rows(plan, ledger, planned, failed)


def _event_of(checker: _Checker, row: int, cells: dict[str, str]) -> list[tuple[int, str, str]]:
    """A row with errors elsewhere: its event and type, where both are valid."""
    id_valid, event_id = checker.check("event_id", cells["event_id"], COLUMN_CHECKS)
    type_valid, event_type = checker.check("event_type", cells["event_type"], COLUMN_CHECKS)
    return [(row, str(event_id), str(event_type))] if id_valid and type_valid else []


def _check_types_of_failed_rows(
    plan: ImportPlan,
    ledger: Ledger,
    planned: dict[str, PlannedReport],
    failed: list[tuple[int, str, str]],
) -> None:
    """The event type of a row with other errors, checked against the database and the
    file all the same: every error in one go (a second run named the type clash)."""
    if not failed:
        return
    known: dict[str, tuple[str, str]] = {}  # event → its type, and where it was given
    stored = lookup(ledger.conn, "SELECT id, type FROM events", {event for _, event, _ in failed})
    for event_id, event_type in stored.items():
        known[event_id] = (str(event_type), "the database")
    for report in sorted(planned.values(), key=lambda report: report.row):
        known.setdefault(
            report.event_id, (report.report.event_type, f"row {report.row} of this file")
        )
    for row, event_id, event_type in failed:
        if event_id not in known:
            known[event_id] = (event_type, f"row {row} of this file")
        elif known[event_id][0] != event_type:
            plan.errors.append(_type_clash(row, event_id, *known[event_id]))


def _level(checker: _Checker, cells: dict[str, str], *, whole: bool) -> dict[str, str]:
    """A row's report-level cells as the rows of one report are compared (names by their
    keys); of a row with errors (not `whole`), those valid on their own, but its event's
    type, which `_check_types_of_failed_rows` compares (one error for one cell)."""
    level = {}
    for column in REPORT_LEVEL:
        if not whole and column == "event_type":
            continue
        checked = not whole and column in COLUMN_CHECKS
        if checked and not checker.check(column, cells[column], COLUMN_CHECKS)[0]:
            continue
        name = column in ("source_name", "source_party")
        level[column] = name_key(cells[column]) if name else cells[column]
    return level


def _differs_from_first_row(
    plan: ImportPlan,
    first_rows: dict[str, tuple[int, dict[str, str]]],
    row: int,
    cells: dict[str, str],
    level: dict[str, str],
) -> bool:
    """Whether this row gives a report-level value otherwise than its report's first row,
    each such value an error; rows with errors elsewhere compared too (their valid
    values), so that every error comes in one go (a row in error hid a later row's
    other location until it was fixed)."""
    report_id = _report_id(cells)
    first = first_rows.setdefault(report_id, (row, level))
    first_row, first_level = first
    if first_row == row:
        return False
    differing = [
        c for c in REPORT_LEVEL if c in level and c in first_level and level[c] != first_level[c]
    ]
    for column in differing:  # every one, in one go, as every other error
        plan.errors.append(
            FieldProblem(
                row,
                column,
                f"differs from row {first_row} of the same report {report_id} ('{cells[column]}')",
            )
        )
    return bool(differing)


def _add_row(
    plan: ImportPlan,
    planned: dict[str, PlannedReport],
    row: int,
    cells: dict[str, str],
    values: dict[str, Any],
) -> None:
    report_id = _report_id(cells)
    current = planned.get(report_id)
    if current is None:
        report = ReportInput(
            event_type=values["event_type"],
            source_name=values["source_name"],
            claimed_date=values["event_date"],
            source_party=values["source_party"],
            location=values["location"],
            quote=cells["quote"],
            url=values["source_url"],
            published=values["published"],
            credibility=values["credibility"],
            source_kind=values["source_kind"],
            source_reliability=values["reliability"],
        )
        current = PlannedReport(
            report_id,
            values["event_id"],
            row,
            report,
            cells["recorded_by"] or None,
            values["recorded_at"],
            values["updated_at"],
        )
        planned[report_id] = current
    current.grades.append(
        (
            row,
            values["source_kind"] if cells["source_kind"] else None,
            values["reliability"] if cells["reliability"] else None,
        )
    )
    flow = values["flow"]
    if flow is None:
        return
    # The same flow, whatever the spelling of its parties (they are one party by key).
    key = flow.key.by_keys()
    if key in current.flow_rows:
        plan.errors.append(
            FieldProblem(
                row,
                "category",
                f"report {report_id} already states {flow.key.label()}"
                f" at row {current.flow_rows[key]}",
            )
        )
        return
    current.flow_rows[key] = row
    current.flows.append(flow)


def _check_against_ledger(
    plan: ImportPlan,
    ledger: Ledger,
    planned: dict[str, PlannedReport],
    incomplete: set[str],
) -> None:
    """Event types, existing reports, the first mention of each source, new parties. A
    report with a row in error (`incomplete`) is not compared with the stored one: the
    flow that row states is missing, and read as other content (a '1,212' for 1212
    added "already in the database with other content" beside the count's error)."""
    stored_types = lookup(
        ledger.conn, "SELECT id, type FROM events", {r.event_id for r in planned.values()}
    )
    plan.stored_types = dict(stored_types)
    stored_reports = lookup(ledger.conn, "SELECT id, id FROM reports", set(planned))
    deleted = lookup(ledger.conn, DELETED_REPORTS, set(planned))
    event_types: dict[str, tuple[str, int]] = {}
    source_first: dict[str, tuple[str, str, int]] = {}
    recorded_apart: list[tuple[PlannedReport, Differences]] = []
    _follow_renamed_sources(plan, ledger, planned)
    for report in planned.values():
        _check_event_type(plan, stored_types, report, event_types)
        if report.report_id in incomplete:
            continue  # the plan has an error already; nothing of it is imported
        if report.report_id in stored_reports and _exists(plan, ledger, report, recorded_apart):
            continue
        if report.report_id in deleted:
            # Deleted here on purpose: importing the file again does not undo that.
            plan.warnings.append(
                FieldProblem(
                    report.row,
                    "report_id",
                    f"report {report.report_id} was deleted from this ledger;"
                    " it is not brought back",
                )
            )
            continue
        _check_source(plan, ledger, report, source_first)
        plan.reports.append(_new_report(report))
    _say_recorded_apart(plan, recorded_apart)
    name_parties(ledger.parties(), plan)


def _follow_renamed_sources(
    plan: ImportPlan, ledger: Ledger, planned: dict[str, PlannedReport]
) -> None:
    """A row naming a source by a name it had before it was renamed or merged here is a
    row of the source that now stands for it (a file made before the rename, imported
    again): said once per name, as a warning."""
    former = former_names(ledger)
    if not former:
        return
    said: set[str] = set()
    for report in planned.values():
        given = report.report
        key = source_key(given.source_name, given.source_party)
        stands = former.get(key)
        if stands is None:
            continue
        report.report = replace(given, source_name=stands["name"], source_party=stands["party"])
        if key not in said:
            said.add(key)
            plan.warnings.append(
                FieldProblem(
                    report.row,
                    "source_name",
                    f"source '{source_label(given.source_name, given.source_party)}' was"
                    " renamed or merged in this ledger; its reports go to"
                    f" '{source_label(stands['name'], stands['party'])}'",
                )
            )


def _new_report(planned: PlannedReport) -> NewReport:
    given = planned.report
    return NewReport(
        planned.report_id,
        planned.event_id,
        source_key(given.source_name, given.source_party),
        given.claimed_date,
        given.location,
        given.quote,
        given.url,
        given.published,
        given.credibility,
        planned.recorded_by,
        planned.recorded_at,
        planned.updated_at,
        given.flows,
    )


def _check_event_type(
    plan: ImportPlan,
    stored_types: dict[str, str],
    report: PlannedReport,
    event_types: dict[str, tuple[str, int]],
) -> None:
    event_type = report.report.event_type
    if report.event_id not in event_types:
        existing = stored_types.get(report.event_id)
        if existing is None:
            plan.new_events[report.event_id] = event_type
            event_types[report.event_id] = (event_type, report.row)
        else:
            event_types[report.event_id] = (existing, 0)
    known, where = event_types[report.event_id]
    if known != event_type:
        origin = f"row {where} of this file" if where else "the database"
        plan.errors.append(_type_clash(report.row, report.event_id, known, origin))


def _type_clash(row: int, event_id: str, known: str, origin: str) -> FieldProblem:
    return FieldProblem(
        row, "event_type", f"event {event_id} is '{known}' in {origin}; an event has one type"
    )


Differences = list[tuple[str, object, object]]


def _exists(
    plan: ImportPlan,
    ledger: Ledger,
    report: PlannedReport,
    recorded_apart: list[tuple[PlannedReport, Differences]],
) -> bool:
    """A report id already here: one that says the same is skipped (also when it was
    recorded by someone else or at another time, which `recorded_apart` collects), one
    that says something else is an error that names each column that differs, with both
    values."""
    record = ledger.report_record(report.report_id)
    if record is None:
        return False
    differences = _differences(ledger, record, report)
    if all(column in RECORDING_FIELDS for column, _, _ in differences):
        plan.skipped += 1
        if differences:
            recorded_apart.append((report, differences))
        return True
    plan.errors.append(
        FieldProblem(
            report.row,
            "report_id",
            f"report {report.report_id} is already in the database with other content"
            f" ({_described(differences)}); edits travel by merge, not import",
        )
    )
    return True


def _described(differences: Differences) -> str:
    return "; ".join(
        f"{column} is {_shown(given)} in the file, {_shown(stored)} in the database"
        for column, given, stored in differences
    )


def _say_recorded_apart(
    plan: ImportPlan, recorded_apart: list[tuple[PlannedReport, Differences]]
) -> None:
    """One warning for the reports skipped that say the same here and in the file but were
    recorded apart: they stay as recorded here (edits and their times travel by merge)."""
    if not recorded_apart:
        return
    report, differences = recorded_apart[0]
    which = f"report {report.report_id} says"
    if recorded_apart[1:]:
        which = (
            f"report {report.report_id} and {counted(len(recorded_apart) - 1, 'more reports')} say"
        )
    plan.warnings.append(
        FieldProblem(
            report.row,
            differences[0][0],
            f"{which} the same here and in the file, recorded apart"
            f" ({_described(differences)}); kept as recorded here",
        )
    )


# The file's column for each value a report is compared on.
CONTENT_COLUMNS = {
    "event_id": "event_id",
    "event_type": "event_type",
    "claimed_date": "event_date",
    "location": "location",
    "quote": "quote",
    "url": "source_url",
    "published": "published",
    "credibility": "credibility",
    "source": "source_name",
    "flows": "flows",
    "recorded_by": "recorded_by",
    "recorded_at": "recorded_at",
}


def _differences(ledger: Ledger, record: dict[str, Any], report: PlannedReport) -> Differences:
    """(column, the file's value, the stored value) for every value the file gives that
    differs from what is stored; none for an identical report."""
    given = report.report
    flows = [
        flow_content(f.key.from_party, f.key.to_party, f.key.category, f.count, f.qualifier)
        for f in given.flows
    ]
    content = {
        "event_id": report.event_id,
        "event_type": given.event_type,
        "claimed_date": given.claimed_date,
        "location": location_key(given.location),
        "quote": given.quote,
        "url": given.url,
        "published": given.published,
        "credibility": given.credibility,
        "source": source_key(given.source_name, given.source_party),
        "flows": sorted(flows),
        "recorded_by": report.recorded_by,
        "recorded_at": report.recorded_at,
    }
    stored = ledger.report_content(record)
    written = _as_written(ledger, record, report)  # what the message shows, not the keys
    differences = [
        (CONTENT_COLUMNS[name], *written.get(name, (value, stored[name])))
        for name, value in content.items()
        if value is not None and stored[name] != value
    ]
    if report.updated_at is not None and report.updated_at != record["updated_at"]:
        # edited since (or elsewhere): edits travel by merge
        differences.append(("updated_at", report.updated_at, record["updated_at"]))
    return differences


def _as_written(
    ledger: Ledger, record: dict[str, Any], report: PlannedReport
) -> dict[str, tuple[object, object]]:
    """The values compared by their keys (source, location, the flows' parties), as the
    file and the ledger write them: 'Sumy', not the key 'sumy'."""
    given = report.report
    source = ledger.conn.execute(
        "SELECT name, party FROM sources WHERE id = ?", (record["source_id"],)
    ).fetchone()
    return {
        "source": (
            source_label(given.source_name, given.source_party),
            source_label(source[0], source[1]) if source else None,
        ),
        "location": (given.location, record["location"]),
        "flows": (
            sorted(
                (f.key.from_party, f.key.to_party, f.key.category, f.count, f.qualifier)
                for f in given.flows
            ),
            sorted(
                (f["from_party"], f["to_party"], f["category"], f["count"], f["qualifier"])
                for f in record["flows"]
            ),
        ),
    }


def _shown(value: object, limit: int = 60) -> str:
    if isinstance(value, list):  # flows: (from, to, category, count, qualifier) by key
        text = "; ".join(f"{c} {f}→{t} {n} {q}" for f, t, c, n, q in value) or "no flows"
    else:
        text = str(value)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _check_source(
    plan: ImportPlan,
    ledger: Ledger,
    report: PlannedReport,
    first: dict[str, tuple[str, str, int]],
) -> None:
    """The first mention of a source defines its kind and reliability; later ones that
    differ are warnings and change nothing. A later row that leaves the cell blank says
    nothing of the source: it differs from nothing."""
    given = report.report
    key = source_key(given.source_name, given.source_party)
    if key not in first:
        plan.sources[key] = GivenSource(
            given.source_name, given.source_party, given.source_kind, given.source_reliability
        )
        existing = ledger.find_source(given.source_name, given.source_party)
        if existing is None:
            first[key] = (given.source_kind, given.source_reliability, report.row)
            plan.new_sources[key] = (given.source_name, given.source_party)
        else:
            first[key] = (existing["kind"], existing["reliability"], 0)
    kind, reliability, first_row = first[key]
    origin = f"row {first_row}" if first_row else "the database"
    for row, given_kind, given_reliability in report.grades:
        if row == first_row:
            continue
        if given_kind is not None and given_kind != kind:
            plan.warnings.append(
                FieldProblem(
                    row,
                    "source_kind",
                    f"source '{given.source_name}' is '{kind}' in {origin}; '{given_kind}' ignored",
                )
            )
        if given_reliability is not None and given_reliability != reliability:
            plan.warnings.append(
                FieldProblem(
                    row,
                    "reliability",
                    f"source '{given.source_name}' is graded {reliability} in {origin};"
                    f" {given_reliability} ignored",
                )
            )
