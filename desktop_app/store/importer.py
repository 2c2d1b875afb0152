"""Import of `reports.csv`: validate the whole file, then write all of it or nothing.

Every problem is collected with its row and column, in one go, before anything is
written. A clean file is planned a column at a time (`bulk_import`); any other file is
read row by row here, which names each problem. The write is one transaction, recorded
as one audited operation that the records it adds point to.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import json
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import Any

from ..domain.dates import utc_now
from ..domain.records import Flow, FlowKey, Report, name_key, source_key, tidy
from ..domain.validation import FieldProblem, Invalid
from .csvio import CsvRows, cell_problem, unescape_cell
from .database import indexes_dropped_for
from .derived import Derivation, EventInputs
from .import_plan import (
    COLUMN_CHECKS,
    DELETED_REPORTS,
    FLOW_CHECKS,
    FLOW_COLUMNS,
    REPORT_COLUMNS,
    REPORT_LEVEL,
    REQUIRED_COLUMNS,
    Cancelled,
    GivenSource,
    ImportPlan,
    NewReport,
    Progress,
    blank_report_id,
    lookup,
    name_parties,
)
from .ledger import Ledger, ReportInput, flow_content, new_id

__all__ = [
    "FLOW_COLUMNS",
    "REPORT_COLUMNS",
    "REQUIRED_COLUMNS",
    "Cancelled",
    "ImportPlan",
    "apply_import",
    "plan_import",
]

BATCH = 20_000  # rows written between two progress reports


@dataclass
class PlannedReport:
    report_id: str
    event_id: str
    row: int
    values: dict[str, str]  # the report-level values as read (trimmed, unescaped)
    report: ReportInput
    recorded_by: str | None
    recorded_at: str | None
    updated_at: str | None
    flow_rows: dict[tuple[str, str, str], int] = field(default_factory=dict)
    grades: list[tuple[int, str, str]] = field(default_factory=list)  # row, kind, reliability
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
        values: dict[str, object] = {}
        ok = True
        for column in checks:
            valid, value = self.check(column, cells[column], checks)
            if not valid:
                plan.errors.append(FieldProblem(row, column, str(value)))
                ok = False
            values[column] = value
        return values if ok else None

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
        values = self.columns(plan, row, cells, FLOW_CHECKS)
        if values is None:
            return None
        from_party, to_party = str(values["from_party"]), str(values["to_party"])
        if name_key(from_party) == name_key(to_party):
            plan.errors.append(
                FieldProblem(
                    row,
                    "to_party",
                    f"from and to are both '{to_party}': a flow goes between two parties",
                )
            )
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


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused: an import makes millions of objects that form
    no cycles, and the collector's passes over them cost seconds."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def plan_import(
    ledger: Ledger, path: Path, who: str, progress: Progress | None = None, *, bulk: bool = True
) -> ImportPlan:
    """Read and validate a whole file against the ledger; write nothing.

    A file without bad bytes is first read a column at a time; `bulk=False` reads it
    row by row straight away (the tests compare both readings).
    """
    with collector_paused():
        return _plan(ledger, path, progress, bulk)


def _plan(ledger: Ledger, path: Path, progress: Progress | None, bulk: bool) -> ImportPlan:
    data = path.read_bytes()
    with ThreadPoolExecutor(max_workers=1) as pool:  # hashing lets go of the GIL
        digest = pool.submit(_sha256, data)
        plan = ImportPlan(path, "")
        if not (bulk and _plan_columns(plan, ledger, data, progress)):
            plan = ImportPlan(path, "")
            _plan_records(plan, ledger, data, progress)
        plan.sha256 = digest.result()
    plan.warnings.extend(spreadsheet_damage(data, plan))
    return plan


SPREADSHEET_CELL_LIMIT = 32_767  # the most characters a LibreOffice or Excel cell holds


def spreadsheet_damage(data: bytes, plan: ImportPlan) -> list[FieldProblem]:
    """Warnings (never refusals) where a spreadsheet has likely damaged the file: letters
    it could not encode saved as '?', a guarded carriage return turned into a line feed
    (the guarding `'` then stays), a text cut at a cell's limit. The rows are looked for
    only when a cheap test of the whole file finds a sign, so clean files pay nothing."""
    cut = any(len(report.quote) == SPREADSHEET_CELL_LIMIT for report in plan.reports)
    if not (b"???" in data or b"'\n" in data or b"'\r\n" in data or cut):
        return []
    text = data.decode("utf-8-sig", errors="replace")
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, [])
    warnings = []
    for number, row in enumerate(rows, start=2):
        for column, cell in zip(header, row, strict=False):
            reason = _damage(cell)
            if reason:
                warnings.append(FieldProblem(number, column.strip(), reason))
    return warnings


def _damage(cell: str) -> str | None:
    if "???" in cell:
        return (
            "'???' where there may have been letters: a spreadsheet saved in a legacy"
            " encoding writes '?' for each letter it cannot hold; save as UTF-8 and import again"
        )
    if cell.startswith(("'\n", "'\r\n")):
        return (
            "a ' followed by a line feed: a spreadsheet turned the guarded carriage return"
            " into a line feed, so the ' stays in the text"
        )
    if len(cell) == SPREADSHEET_CELL_LIMIT:
        return f"exactly {SPREADSHEET_CELL_LIMIT:,} characters, all a spreadsheet cell holds: cut?"
    return None


def _plan_columns(plan: ImportPlan, ledger: Ledger, data: bytes, progress: Progress | None) -> bool:
    """The reading of a clean file a column at a time (`bulk_import`); False leaves the
    file to the careful reading, `plan` to be thrown away."""
    from . import bulk_import  # Arrow is loaded by the first import, not by the window

    read = bulk_import.read_columns(data)
    if read is None:
        return False
    names, table = read
    if any(cell_problem(name) for name in names):
        return False
    header = [tidy(unescape_cell(name)) for name in names]
    return _check_header(plan, header) and bulk_import.bulk_plan(
        plan, ledger, header, table, progress
    )


def _plan_records(plan: ImportPlan, ledger: Ledger, data: bytes, progress: Progress | None) -> None:
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
    if not _check_header(plan, header):
        plan.errors.extend(rows.problems)
        return
    _plan_rows(plan, ledger, header, records[1:], rows.clean, progress)
    plan.errors.extend(rows.problems)
    plan.errors.sort(key=lambda problem: problem.row)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
        if values is None:
            continue
        _add_row(plan, planned, row, cells, values)
    for report in planned.values():
        if report.flows:
            report.report = replace(report.report, flows=tuple(report.flows))
    _check_against_ledger(plan, ledger, planned)


HEADER_PROBLEMS_SHOWN = 20  # a header of 100,000 unknown columns is not 100,000 lines


def _check_header(plan: ImportPlan, header: list[str]) -> bool:
    """Unknown, missing and repeated columns, found in time linear in the header and
    reported up to HEADER_PROBLEMS_SHOWN, then counted."""
    problems = []
    given = Counter(header)
    for column in REQUIRED_COLUMNS:
        if column not in given:
            problems.append(FieldProblem(1, column, f"the required column '{column}' is missing"))
    for column in sorted(column for column, times in given.items() if times > 1):
        problems.append(FieldProblem(1, column, f"the column '{column}' appears twice"))
    known = set(REPORT_COLUMNS)
    for column in header:
        if column not in known:
            problems.append(FieldProblem(1, column, f"unknown column '{column}'"))
    plan.errors.extend(problems[:HEADER_PROBLEMS_SHOWN])
    if len(problems) > HEADER_PROBLEMS_SHOWN:
        more = len(problems) - HEADER_PROBLEMS_SHOWN
        plan.errors.append(FieldProblem(1, "", f"and {more} more problems with the columns"))
    return not problems


def _add_row(
    plan: ImportPlan,
    planned: dict[str, PlannedReport],
    row: int,
    cells: dict[str, str],
    values: dict[str, Any],
) -> None:
    report_id = _report_id(cells)
    level = {column: cells[column] for column in REPORT_LEVEL}
    level["source_name"] = name_key(level["source_name"])
    level["source_party"] = name_key(level["source_party"])
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
            level,
            report,
            cells["recorded_by"] or None,
            values["recorded_at"],
            values["updated_at"],
        )
        planned[report_id] = current
    else:
        for column in REPORT_LEVEL:
            if level[column] != current.values[column]:
                plan.errors.append(
                    FieldProblem(
                        row,
                        column,
                        f"differs from row {current.row} of the same report {report_id}"
                        f" ('{cells[column]}')",
                    )
                )
                return
    current.grades.append((row, values["source_kind"], values["reliability"]))
    flow = values["flow"]
    if flow is None:
        return
    # The same flow, whatever the spelling of its parties (they are one party by key).
    key = (name_key(flow.key.from_party), name_key(flow.key.to_party), flow.key.category)
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
    plan: ImportPlan, ledger: Ledger, planned: dict[str, PlannedReport]
) -> None:
    """Event types, existing reports, the first mention of each source, new parties."""
    stored_types = lookup(
        ledger.conn, "SELECT id, type FROM events", {r.event_id for r in planned.values()}
    )
    stored_reports = lookup(ledger.conn, "SELECT id, id FROM reports", set(planned))
    deleted = lookup(ledger.conn, DELETED_REPORTS, set(planned))
    event_types: dict[str, tuple[str, int]] = {}
    source_first: dict[str, tuple[str, str, int]] = {}
    for report in planned.values():
        _check_event_type(plan, stored_types, report, event_types)
        if report.report_id in stored_reports and _exists(plan, ledger, report):
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
    name_parties(ledger.parties(), plan)


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
        plan.errors.append(
            FieldProblem(
                report.row,
                "event_type",
                f"event {report.event_id} is '{known}' in {origin}; an event has one type",
            )
        )


def _exists(plan: ImportPlan, ledger: Ledger, report: PlannedReport) -> bool:
    """A report id already here: identical rows are skipped, different ones are an error
    that names each column that differs, with both values."""
    record = ledger.report_record(report.report_id)
    if record is None:
        return False
    differences = _differences(ledger, record, report)
    if not differences:
        plan.skipped += 1
    else:
        described = "; ".join(
            f"{column} is {_shown(given)} in the file, {_shown(stored)} in the database"
            for column, given, stored in differences
        )
        plan.errors.append(
            FieldProblem(
                report.row,
                "report_id",
                f"report {report.report_id} is already in the database with other content"
                f" ({described}); edits travel by merge, not import",
            )
        )
    return True


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


def _differences(
    ledger: Ledger, record: dict[str, Any], report: PlannedReport
) -> list[tuple[str, object, object]]:
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
        "location": name_key(given.location),
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
    differences = [
        (CONTENT_COLUMNS[name], value, stored[name])
        for name, value in content.items()
        if value is not None and stored[name] != value
    ]
    if report.updated_at is not None and report.updated_at != record["updated_at"]:
        # edited since (or elsewhere): edits travel by merge
        differences.append(("updated_at", report.updated_at, record["updated_at"]))
    return differences


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
    differ are warnings and change nothing."""
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
        if given_kind != kind:
            plan.warnings.append(
                FieldProblem(
                    row,
                    "source_kind",
                    f"source '{given.source_name}' is '{kind}' in {origin}; '{given_kind}' ignored",
                )
            )
        if given_reliability != reliability:
            plan.warnings.append(
                FieldProblem(
                    row,
                    "reliability",
                    f"source '{given.source_name}' is graded {reliability} in {origin};"
                    f" {given_reliability} ignored",
                )
            )


def apply_import(
    ledger: Ledger, plan: ImportPlan, who: str, progress: Progress | None = None
) -> None:
    """Write a valid plan in one transaction, as one audited operation. A plan with
    nothing new writes nothing, so importing the same file twice changes nothing."""
    assert not plan.errors, "a plan with errors imports nothing"
    if not plan.reports:
        return
    operation_id = new_id()
    counts = plan.counts()
    with (
        collector_paused(),
        ledger.large_write(),
        ledger.references_checked_by_writer(),
        ledger.write(who, operation_id) as state,
    ):
        _check_events_unchanged(ledger, plan)
        ledger.conn.execute(
            "INSERT INTO operations (id, kind, file, sha256, counts, who, at)"
            " VALUES (?, 'import', ?, ?, ?, ?, ?)",
            (
                operation_id,
                plan.path.name,
                plan.sha256,
                json.dumps(counts, sort_keys=True),
                who,
                utc_now(),
            ),
        )
        ledger.audit(
            "import",
            "operation",
            operation_id,
            new={"file": str(plan.path), "sha256": plan.sha256, "counts": counts},
        )
        state.touched.update(report.event_id for report in plan.reports)
        state.known = _write_reports(ledger, plan, who, operation_id, progress)


class PlanOutdated(Invalid):
    """Another program changed the ledger between the plan and its write: planned again,
    the import says and audits what it really adds, with the warnings that now apply."""


def _check_events_unchanged(ledger: Ledger, plan: ImportPlan) -> None:
    """The ledger as the plan read it before this transaction: another program may have
    deleted an event it adds reports to (which foreign keys, not enforced here, would
    have caught: the plan's other references are made by this write), or created an
    event, a source, a party or a report it would create (another import of the same
    file, say), so that its counts and its source warnings would be wrong."""
    named = {report.event_id for report in plan.reports}.difference(plan.new_events)
    missing = named.difference(lookup(ledger.conn, "SELECT id, id FROM events", named))
    created = lookup(ledger.conn, "SELECT id, id FROM events", plan.new_events)
    for event_ids, what in ((missing, "deleted"), (created, "created")):
        if event_ids:
            raise PlanOutdated(
                f"event {min(event_ids)} was {what} by another program while the file was"
                " read; nothing was imported: import the file again"
            )
    reports = lookup(ledger.conn, "SELECT id, id FROM reports", {r.report_id for r in plan.reports})
    by_key = "SELECT id, id FROM (SELECT key AS id FROM {})"
    sources = lookup(ledger.conn, by_key.format("sources"), plan.new_sources)
    parties = lookup(ledger.conn, by_key.format("parties"), map(name_key, plan.new_parties))
    for found, what in ((reports, "report"), (sources, "source"), (parties, "party")):
        if found:
            raise PlanOutdated(
                f"another program added {what} {min(found)!r} while the file was read;"
                " nothing was imported: import the file again"
            )


def _write_reports(
    ledger: Ledger, plan: ImportPlan, who: str, operation_id: str, progress: Progress | None
) -> Derivation:
    """Insert the plan's events, reports and flows; return the derivation of the new
    events' state, started."""
    first_seq = ledger.next_seqs(len(plan.reports))
    sources, parties = _ensure_named(ledger, plan)
    names = _stored_names(ledger, sources)
    derivation = Derivation(
        plan.new_events,
        lambda: _new_event_inputs(plan, first_seq, parties),
        lambda: _search_texts(plan, names),
    )
    try:
        derivation.start(short_statements_follow=True)
        _insert_rows(ledger, plan, who, operation_id, progress, first_seq, sources, parties)
        derivation.start(short_statements_follow=False)
    except BaseException:
        derivation.close()
        raise
    return derivation


def _insert_rows(
    ledger: Ledger,
    plan: ImportPlan,
    who: str,
    operation_id: str,
    progress: Progress | None,
    first_seq: int,
    sources: dict[str, str],
    parties: dict[str, str],
) -> None:
    """The plan's events, reports and flows, their indexes built after a large insert."""
    now = utc_now()
    # The reports' rows are built in a thread while SQLite inserts the events, by one
    # statement that runs without the GIL (executemany would hand it over per row).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-rows") as pool:
        built = pool.submit(
            _report_rows_in_id_order,
            plan,
            first_seq,
            sources,
            who=who,
            now=now,
            operation=operation_id,
        )
        ledger.conn.execute(
            "INSERT INTO events (id, type, created_at, operation_id)"
            " SELECT key, value, ?, ? FROM json_each(?) ORDER BY key",  # in key order
            (now, operation_id, json.dumps(plan.new_events)),
        )
        in_id_order, reports = built.result()
    total = len(reports) + plan.n_flows
    dropped = indexes_dropped_for(ledger.conn, "reports", len(reports))
    done = _insert(ledger, INSERT_REPORT, reports, progress, 0, total)
    # The flows' rows are built in a thread while the reports' indexes are built: those
    # statements run long without the GIL (beside executemany, a thread would not help).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="flow-rows") as pool:
        flows = pool.submit(_flow_rows, in_id_order, parties)
        for sql in dropped:
            ledger.conn.execute(sql)
        flow_rows = flows.result()
    _insert(ledger, INSERT_FLOW, flow_rows, progress, done, total)
    if progress:
        progress(0, 0)  # what is left, deriving every event's state, is not counted


def _report_rows_in_id_order(
    plan: ImportPlan, first_seq: int, sources: dict[str, str], *, who: str, now: str, operation: str
) -> tuple[list[NewReport], list[tuple[Any, ...]]]:
    """The plan's reports in id order, as rows go into the tables: each insertion lands
    next to the last in the b-trees; each report keeps the sequence number of its place
    in the file. One sort, of positions by id (a key of one string sorts fastest)."""
    ids = list(map(_report_id_of, plan.reports))
    order = sorted(range(len(ids)), key=ids.__getitem__)
    in_id_order = [plan.reports[index] for index in order]
    seqs = [first_seq + index for index in order]
    rows = _report_rows(in_id_order, seqs, sources, who=who, now=now, operation=operation)
    return in_id_order, rows


def _flow_rows(reports: list[NewReport], parties: dict[str, str]) -> list[tuple[Any, ...]]:
    """The rows for INSERT_FLOW of these reports' flows, parties as stored."""
    return [
        (
            report.report_id,
            position,
            flow.key.category,
            parties[flow.key.from_party],
            parties[flow.key.to_party],
            flow.count,
            flow.qualifier,
        )
        for report in reports
        for position, flow in enumerate(report.flows)
    ]


def _report_rows(
    reports: list[NewReport],
    seqs: list[int],
    sources: dict[str, str],
    *,
    who: str,
    now: str,
    operation: str,
) -> list[tuple[Any, ...]]:
    """The rows for INSERT_REPORT of these reports, in their order. Built a column at a
    time: zip and map run in C, a row at a time in Python took 0.5 s for 300,000 reports."""
    if not reports:
        return []
    column = dict(zip(NewReport._fields, zip(*reports, strict=True), strict=True))
    at = [time or now for time in column["recorded_at"]]
    # A report never edited was last changed when it was recorded.
    updated = [given or recorded for given, recorded in zip(column["updated_at"], at, strict=True)]
    return list(
        zip(
            column["report_id"],
            column["event_id"],
            map(sources.__getitem__, column["source_key"]),
            column["claimed_date"],
            column["location"],
            column["quote"],
            column["url"],
            column["published"],
            column["credibility"],
            [name or who for name in column["recorded_by"]],
            at,
            updated,
            seqs,
            repeat(operation, len(reports)),
            strict=True,
        )
    )


_report_id_of = attrgetter("report_id")
_source_key_of = attrgetter("source_key")


INSERT_REPORT = (
    "INSERT INTO reports (id, event_id, source_id, claimed_date, location, quote, url,"
    " published, credibility, recorded_by, recorded_at, updated_at, seq, operation_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_FLOW = (
    "INSERT INTO flows (report_id, position, category, from_party, to_party, count, qualifier)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _insert(
    ledger: Ledger,
    sql: str,
    rows: list[tuple[Any, ...]],
    progress: Progress | None,
    done: int,
    total: int,
) -> int:
    """Insert rows a batch at a time, reporting progress (and taking a cancel) between."""
    for start in range(0, len(rows), BATCH):
        if progress and not progress(done + start, total):
            raise Cancelled()
        ledger.conn.executemany(sql, rows[start : start + BATCH])
    return done + len(rows)


def _ensure_named(ledger: Ledger, plan: ImportPlan) -> tuple[dict[str, str], dict[str, str]]:
    """The id of each source and the stored spelling of each party the reports name,
    the new ones created in the order the file first names them."""
    parties = {name: ledger.ensure_party(name) for name in plan.new_parties}
    parties.update(
        (name, ledger.ensure_party(name)) for name in plan.party_spellings if name not in parties
    )
    named = set(map(_source_key_of, plan.reports))
    given = {key: source for key, source in plan.sources.items() if key in named}
    ensured = ledger.ensure_sources(list(given.values()))
    return {key: source_id for key, (source_id, _) in zip(given, ensured, strict=True)}, parties


def _new_event_inputs(
    plan: ImportPlan, first_seq: int, parties: dict[str, str]
) -> list[EventInputs]:
    """The reports of each event this import creates, as the rules read them from the
    tables: all of them are in the plan, so they need not be read back."""
    respelled = any(name != stored for name, stored in parties.items())
    reports: dict[str, list[Report]] = {event_id: [] for event_id in plan.new_events}
    for seq, report in enumerate(plan.reports, start=first_seq):
        of_event = reports.get(report.event_id)
        if of_event is None:
            continue
        flows = report.flows
        if respelled:
            flows = tuple(_stored_spelling(flow, parties) for flow in flows)
        of_event.append(Report(report.report_id, report.claimed_date, report.location, flows, seq))
    return [
        EventInputs(event_id, plan.new_events[event_id], of_event, [])
        for event_id, of_event in reports.items()
    ]


def _stored_names(ledger: Ledger, sources: dict[str, str]) -> dict[str, str]:
    """The stored name of each source, by key (a source already stored keeps the spelling
    it was stored with)."""
    names = lookup(ledger.conn, "SELECT id, name FROM sources", sources.values())
    return {key: names[source_id] for key, source_id in sources.items()}


def _search_texts(plan: ImportPlan, names: dict[str, str]) -> dict[str, str]:
    """The search text of each event this import creates, as SEARCH_TEXT_SQL makes it:
    each report's source name, location and quote, the reports in the order they are
    inserted (by id)."""
    pieces: dict[str, list[tuple[str, str]]] = {event_id: [] for event_id in plan.new_events}
    for report in plan.reports:
        of_event = pieces.get(report.event_id)
        if of_event is not None:
            text = f"{names[report.source_key]} {report.location} {report.quote}"
            of_event.append((report.report_id, text))
    return {
        event_id: " ".join(text for _, text in sorted(of_event))
        for event_id, of_event in pieces.items()
    }


def _stored_spelling(flow: Flow, parties: dict[str, str]) -> Flow:
    key = flow.key
    stored = FlowKey(parties[key.from_party], parties[key.to_party], key.category)
    return Flow(stored, flow.count, flow.qualifier)
