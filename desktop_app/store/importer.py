"""Import of `reports.csv`: validate the whole file, then write all of it or nothing.

Every problem is collected with its row and column, in one go, before anything is
written. The write is one transaction, recorded as one audited operation that the
records it adds point to.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..domain import validation
from ..domain.dates import utc_now
from ..domain.records import Flow, FlowKey, name_key, source_key, tidy
from ..domain.validation import FieldProblem, Invalid
from .csvio import CsvRows, cell_problem, unescape_cell
from .ledger import Ledger, ReportInput, flow_content, new_id

REPORT_COLUMNS = (
    "report_id",
    "event_id",
    "event_type",
    "event_date",
    "location",
    "category",
    "from_party",
    "to_party",
    "count",
    "count_qualifier",
    "source_name",
    "source_kind",
    "source_party",
    "source_url",
    "published",
    "reliability",
    "credibility",
    "quote",
    "recorded_by",
    "recorded_at",
)
REQUIRED_COLUMNS = ("event_id", "event_type", "event_date", "source_name")
FLOW_COLUMNS = ("category", "from_party", "to_party", "count", "count_qualifier")
# The report-level values every row of one report must repeat.
REPORT_LEVEL = (
    "event_id",
    "event_type",
    "event_date",
    "location",
    "source_name",
    "source_party",
    "source_url",
    "published",
    "credibility",
    "quote",
    "recorded_by",
    "recorded_at",
)
REPORT_NAMESPACE = uuid.UUID("0d6f5a2e-3c8b-5e47-9b1a-6a0c2f4e8d31")

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


class Cancelled(Exception):
    """The person cancelled the import; nothing was written."""


def blank_report_id(event_id: str, source_name: str, event_date: str, quote: str) -> str:
    """The id of a report given without one: the UUID-5 of the values its rows share.

    Computed as RFC 4122 does (uuid.uuid5 gives the same text), without building UUID
    objects: an import may name hundreds of thousands of reports this way.
    """
    name = "\x1f".join((event_id, source_name, event_date, quote))
    digest = bytearray(hashlib.sha1(REPORT_NAMESPACE.bytes + name.encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


@dataclass
class PlannedReport:
    report_id: str
    event_id: str
    row: int
    values: dict[str, str]  # the report-level values as read (trimmed, unescaped)
    report: ReportInput
    recorded_by: str | None
    recorded_at: str | None
    flow_rows: dict[tuple[str, str, str], int] = field(default_factory=dict)
    grades: list[tuple[int, str, str]] = field(default_factory=list)  # row, kind, reliability
    flows: list[Flow] = field(default_factory=list)  # collected row by row


@dataclass
class ImportPlan:
    path: Path
    sha256: str
    errors: list[FieldProblem] = field(default_factory=list)
    warnings: list[FieldProblem] = field(default_factory=list)
    reports: list[PlannedReport] = field(default_factory=list)
    skipped: int = 0
    new_events: dict[str, str] = field(default_factory=dict)
    new_sources: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    new_parties: list[str] = field(default_factory=list)

    @property
    def n_flows(self) -> int:
        return sum(len(planned.report.flows) for planned in self.reports)

    def counts(self) -> dict[str, int]:
        return {
            "events": len(self.new_events),
            "reports": len(self.reports),
            "flows": self.n_flows,
            "sources": len(self.new_sources),
            "parties": len(self.new_parties),
            "skipped": self.skipped,
        }

    def summary(self) -> str:
        counts = self.counts()
        text = (
            f"{counts['events']} events, {counts['reports']} reports, {counts['flows']} flows,"
            f" {counts['sources']} sources and {counts['parties']} parties"
        )
        if self.new_parties:
            text += f" (new parties: {', '.join(self.new_parties)})"
        if self.skipped:
            text += f"; {self.skipped} reports already present and identical, skipped"
        return text


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


# The check of each column: text in, value out, or Invalid with the reason.
COLUMN_CHECKS: dict[str, Callable[[str], object]] = {
    "event_id": lambda text: validation.required_name(text, "event_id"),
    "event_type": validation.event_type,
    "event_date": validation.claimed_date,
    "source_name": lambda text: validation.required_name(text, "source_name"),
    "source_kind": validation.source_kind,
    "source_party": validation.optional_party,
    "source_url": validation.url,
    "published": validation.optional_date,
    "reliability": validation.reliability,
    "credibility": validation.credibility,
    "location": validation.location,
    "recorded_at": lambda text: validation.timestamp(text) if text else None,
}
FLOW_CHECKS: dict[str, Callable[[str], object]] = {
    "category": validation.category,
    "count": validation.count,
    "count_qualifier": validation.qualifier,
    "from_party": lambda text: validation.party(text, "from_party"),
    "to_party": lambda text: validation.party(text, "to_party"),
}


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

    def row(self, plan: ImportPlan, row: int, cells: dict[str, str]) -> dict | None:
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
        return Flow(key, int(values["count"]), str(values["count_qualifier"]))  # type: ignore[arg-type]


def _report_id(cells: dict[str, str], row: int, plan: ImportPlan) -> str:
    given = cells["report_id"]
    if given:
        return given
    return blank_report_id(
        cells["event_id"], cells["source_name"], cells["event_date"], cells["quote"]
    )


def plan_import(
    ledger: Ledger, path: Path, who: str, progress: Progress | None = None
) -> ImportPlan:
    """Read and validate a whole file against the ledger; write nothing."""
    data = path.read_bytes()
    plan = ImportPlan(path, hashlib.sha256(data).hexdigest())
    rows = CsvRows(data)
    records = rows.records()
    first = next(records, None)
    if first is None:
        plan.errors.extend(rows.problems)
        if not rows.problems:
            plan.errors.append(FieldProblem(1, "", "the file is empty: a header row is required"))
        return plan
    unreadable = [
        FieldProblem(1, f"#{number}", problem)
        for number, name in enumerate(first[1], start=1)
        if (problem := cell_problem(name))
    ]
    if unreadable:  # never put raw bytes into a column name or a message
        plan.errors.extend(unreadable)
        return plan
    header = [tidy(unescape_cell(name)) for name in first[1]]
    if not _check_header(plan, header):
        plan.errors.extend(rows.problems)
        return plan
    planned: dict[str, PlannedReport] = {}
    total = max(1, plan_size_hint(data))
    checker = _Checker()
    clean = rows.clean
    for row, record in records:
        if progress and row % 2000 == 0 and not progress(row, total):
            raise Cancelled()
        if not any(cell.strip() for cell in record):
            continue
        cells = _read_cells(plan, row, header, record, clean)
        if cells is None:
            continue
        values = checker.row(plan, row, cells)
        if values is None:
            continue
        _add_row(plan, planned, row, cells, values, who)
    plan.errors.extend(rows.problems)
    for report in planned.values():
        if report.flows:
            report.report = replace(report.report, flows=tuple(report.flows))
    _check_against_ledger(plan, ledger, planned)
    plan.errors.sort(key=lambda problem: problem.row)
    return plan


def plan_size_hint(data: bytes) -> int:
    return data.count(b"\n")


def _check_header(plan: ImportPlan, header: list[str]) -> bool:
    ok = True
    for column in header:
        if column not in REPORT_COLUMNS:
            plan.errors.append(FieldProblem(1, column, f"unknown column '{column}'"))
            ok = False
    for column in REQUIRED_COLUMNS:
        if column not in header:
            plan.errors.append(
                FieldProblem(1, column, f"the required column '{column}' is missing")
            )
            ok = False
    duplicated = {column for column in header if header.count(column) > 1}
    for column in sorted(duplicated):
        plan.errors.append(FieldProblem(1, column, f"the column '{column}' appears twice"))
        ok = False
    return ok


def _add_row(
    plan: ImportPlan,
    planned: dict[str, PlannedReport],
    row: int,
    cells: dict[str, str],
    values: dict,
    who: str,
) -> None:
    report_id = _report_id(cells, row, plan)
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
    stored_types = _lookup(
        ledger, "SELECT id, type FROM events", {r.event_id for r in planned.values()}
    )
    stored_reports = _lookup(ledger, "SELECT id, id FROM reports", set(planned))
    event_types: dict[str, tuple[str, int]] = {}
    source_first: dict[str, tuple[str, str, int]] = {}
    known_parties = {name_key(name) for name in ledger.parties()}
    for report in planned.values():
        _check_event_type(plan, stored_types, report, event_types)
        if report.report_id in stored_reports and _exists(plan, ledger, report):
            continue
        plan.reports.append(report)
        _check_source(plan, ledger, report, source_first)
        parties = [report.report.source_party] + [
            name
            for flow in report.report.flows
            for name in (flow.key.from_party, flow.key.to_party)
        ]
        for name in parties:
            if name and name_key(name) not in known_parties:
                known_parties.add(name_key(name))
                plan.new_parties.append(name)


def _lookup(ledger: Ledger, select: str, keys: set[str]) -> dict[str, str]:
    """`select` ("SELECT key, value FROM table") for these keys only, a chunk at a time."""
    found: dict[str, str] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(ledger.conn.execute(f"{select} WHERE id IN ({marks})", chunk))
    return found


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
    """A report id already here: identical rows are skipped, different ones are an error."""
    record = ledger.report_record(report.report_id)
    if record is None:
        return False
    if _same_report(ledger, record, report):
        plan.skipped += 1
    else:
        plan.errors.append(
            FieldProblem(
                report.row,
                "report_id",
                f"report {report.report_id} is already in the database with other content;"
                " edits travel by merge, not import",
            )
        )
    return True


def _same_report(ledger: Ledger, record: dict, report: PlannedReport) -> bool:
    """Identical to what is stored, in every value the file gives."""
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
    return all(stored[name] == value for name, value in content.items() if value is not None)


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
    with ledger.large_write(), ledger.write(who, operation_id) as state:
        ledger.conn.execute(
            "INSERT INTO operations (id, kind, file, sha256, counts, who, at)"
            " VALUES (?, 'import', ?, ?, ?, ?, ?)",
            (
                operation_id,
                plan.path.name,
                plan.sha256,
                json.dumps(plan.counts(), sort_keys=True),
                who,
                utc_now(),
            ),
        )
        ledger.audit(
            "import",
            "operation",
            operation_id,
            new={"file": str(plan.path), "sha256": plan.sha256, "counts": plan.counts()},
        )
        _write_reports(ledger, plan, who, progress)
        state.touched.update(planned.event_id for planned in plan.reports)


def _write_reports(ledger: Ledger, plan: ImportPlan, who: str, progress: Progress | None) -> None:
    first_seq = ledger.next_seqs(len(plan.reports))
    now = utc_now()
    operation_id = ledger._write_state.operation_id if ledger._write_state else None
    reports, flows, events = [], [], []
    sources: dict[str, str] = {}
    parties: dict[str, str] = {}
    pending_events = set(plan.new_events)

    def party(name: str) -> str:
        if name not in parties:
            parties[name] = ledger.ensure_party(name)
        return parties[name]

    total = len(plan.reports)
    for index, planned in enumerate(plan.reports):
        if progress and index % 2000 == 0 and not progress(index, total):
            raise Cancelled()
        given = planned.report
        event_id = planned.event_id
        if event_id in pending_events:
            pending_events.discard(event_id)
            events.append((event_id, given.event_type, now, operation_id))
        key = source_key(given.source_name, given.source_party)
        if key not in sources:
            sources[key], _ = ledger.ensure_source(
                given.source_name, given.source_party, given.source_kind, given.source_reliability
            )
        source_id = sources[key]
        recorded_at = planned.recorded_at or now
        reports.append(
            (
                planned.report_id,
                event_id,
                source_id,
                given.claimed_date,
                given.location,
                given.quote,
                given.url,
                given.published,
                given.credibility,
                planned.recorded_by or who,
                recorded_at,
                recorded_at,
                first_seq + index,
                operation_id,
            )
        )
        for position, flow in enumerate(given.flows):
            flows.append(
                (
                    planned.report_id,
                    position,
                    flow.key.category,
                    party(flow.key.from_party),
                    party(flow.key.to_party),
                    flow.count,
                    flow.qualifier,
                )
            )
    ledger.conn.executemany(
        "INSERT INTO events (id, type, created_at, operation_id) VALUES (?, ?, ?, ?)", events
    )
    ledger.conn.executemany(
        "INSERT INTO reports (id, event_id, source_id, claimed_date, location, quote, url,"
        " published, credibility, recorded_by, recorded_at, updated_at, seq, operation_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reports,
    )
    ledger.conn.executemany(
        "INSERT INTO flows (report_id, position, category, from_party, to_party, count, qualifier)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        flows,
    )
