"""The files of an export folder besides `reports.csv`, read and checked for `import DB DIR`
(`restore`): `sources.csv`, `resolutions.csv`, and `events.csv`, whose statuses the
restored ledger is compared with. Every problem is named by file, row and column.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import validation
from ..domain.records import DEFAULT_RELIABILITY, FieldKey, FlowKey, source_key, tidy
from ..domain.rules import DISMISSED
from ..domain.validation import FieldProblem, Invalid
from .csvio import CsvRows, cell_problem, separator_problem, unescape_cell
from .exporter import RESOLUTION_COLUMNS, SOURCE_COLUMNS
from .import_plan import blank_report_id

REPORTS = "reports.csv"
SOURCES = "sources.csv"
RESOLUTIONS = "resolutions.csv"
EVENTS = "events.csv"
STATES = ("in_force", "superseded", "withdrawn")
# Decisions restored from a folder get the UUID-5 of what they say: importing the same
# folder into two ledgers gives the same ids, so merging those ledgers adds nothing twice.
DECISION_NAMESPACE = uuid.UUID("8c1d6f0e-2b7a-5d43-a9e1-3f5c7b2d9e64")
# Free text, kept exactly as given (never trimmed).
FREE_TEXT = {"quote", "rationale", "note"}


@dataclass(frozen=True)
class FolderProblem:
    """An error or warning at a place in one file of the folder (row 1: its header)."""

    file: str
    problem: FieldProblem

    def __str__(self) -> str:
        if self.problem.row == 0:  # the file as a whole
            return f"{self.file}: {self.problem.message}"
        return f"{self.file}, {self.problem}"


@dataclass
class Problems:
    errors: list[FolderProblem] = field(default_factory=list)
    warnings: list[FolderProblem] = field(default_factory=list)

    def error(self, file: str, row: int, column: str, message: str) -> None:
        self.errors.append(FolderProblem(file, FieldProblem(row, column, message)))

    def warn(self, file: str, row: int, column: str, message: str) -> None:
        self.warnings.append(FolderProblem(file, FieldProblem(row, column, message)))


@dataclass(frozen=True)
class SourceRow:
    row: int
    source_id: str
    name: str
    kind: str
    party: str | None
    reliability: str

    @property
    def key(self) -> str:
        return source_key(self.name, self.party)


@dataclass(frozen=True)
class DecisionRow:
    row: int
    event_id: str
    field: FieldKey
    value: str
    report_id: str | None
    rationale: str
    resolved_by: str
    resolved_at: str
    state: str | None  # None: as the rules derive it
    seq: int | None
    id: str = ""

    def content(self) -> tuple[str, ...]:
        flow = self.field.flow
        return decision_content(
            {
                "event_id": self.event_id,
                "field": self.field.field,
                "from_party": flow.from_party if flow else "",
                "to_party": flow.to_party if flow else "",
                "category": flow.category if flow else "",
                "value": self.value,
                "report_id": self.report_id,
                "rationale": self.rationale,
                "resolved_by": self.resolved_by,
                "resolved_at": self.resolved_at,
            }
        )


def decision_content(row: Mapping[str, Any]) -> tuple[str, ...]:
    """What a decision says (a `resolutions` row), parties by their keys: two decisions
    saying the same are the same decision, whatever their ids (an export folder's carry
    none: restored, they have new ones)."""
    from ..domain.records import name_key

    return (
        row["event_id"],
        row["field"],
        name_key(row["from_party"] or ""),
        name_key(row["to_party"] or ""),
        row["category"] or "",
        row["value"],
        row["report_id"] or "",
        row["rationale"],
        row["resolved_by"],
        row["resolved_at"],
    )


def read_table(
    path: Path, columns: tuple[str, ...], required: tuple[str, ...], problems: Problems
) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file as (row number, cells by column): the formula guard removed,
    trimmed except free text; header problems and unreadable cells are errors."""
    name = path.name
    reader = CsvRows(path.read_bytes())
    records = reader.read()
    for problem in reader.problems:
        problems.errors.append(FolderProblem(name, problem))
    if not records:
        if not reader.problems:
            problems.error(name, 1, "", "the file is empty: a header row is required")
        return []
    header = [tidy(unescape_cell(cell)) for cell in records[0]]
    if (separated := separator_problem(header)) is not None:
        problems.error(name, 1, "", separated)
        return []
    bad_header = False
    for column in required:
        if column not in header:
            problems.error(name, 1, column, f"the required column '{column}' is missing")
            bad_header = True
    for column, times in Counter(header).items():
        if column not in columns:
            problems.error(name, 1, column, f"unknown column '{column}'")
            bad_header = True
        elif times > 1:
            problems.error(name, 1, column, f"the column '{column}' appears twice")
            bad_header = True
    if bad_header:
        return []
    rows = []
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.error(
                name, index, "", f"has {len(record)} cells where the header has {len(header)}"
            )
            continue
        cells = dict.fromkeys(columns, "")
        readable = True
        for column, raw in zip(header, record, strict=True):
            if reason := cell_problem(raw):
                problems.error(name, index, column, reason)
                readable = False
                continue
            text = unescape_cell(raw)
            cells[column] = text if column in FREE_TEXT else text.strip()
        if readable:
            rows.append((index, cells))
    return rows


def _checked(
    problems: Problems, file: str, row: int, column: str, check: Callable[[], object]
) -> object:
    """The value `check` gives, or None with the reason noted as an error."""
    try:
        return check()
    except Invalid as error:
        problems.error(file, row, column, str(error))
        return None


# ---- reports.csv: each report's place in the write order ------------------------------


def report_seqs(path: Path) -> dict[str, tuple[int, int | None]]:
    """Each report's first row and `seq` (None where blank), by report id as the import
    reads it (a blank id: the UUID-5 of the values its rows share). The file has passed
    the import's checks already: only the six columns needed are read, without checks."""
    records = CsvRows(path.read_bytes()).read()
    header = [tidy(unescape_cell(cell)) for cell in records[0]]
    wanted = ("report_id", "event_id", "source_name", "event_date", "quote", "seq")
    where = {column: header.index(column) if column in header else None for column in wanted}

    def cell(record: list[str], column: str) -> str:
        index = where[column]
        text = unescape_cell(record[index]) if index is not None else ""
        return text if column == "quote" else text.strip()

    found: dict[str, tuple[int, int | None]] = {}
    for row, record in enumerate(records[1:], start=2):
        if len(record) != len(header) or not any(text.strip() for text in record):
            continue
        report_id = cell(record, "report_id") or blank_report_id(
            cell(record, "event_id"),
            cell(record, "source_name"),
            cell(record, "event_date"),
            cell(record, "quote"),
        )
        if report_id not in found:
            seq = cell(record, "seq")
            found[report_id] = (row, int(seq) if seq.isdigit() else None)
    return found


# ---- sources.csv ------------------------------------------------------------------------


def read_sources(path: Path, problems: Problems) -> list[SourceRow]:
    """The sources of the folder, with their ids; ids and (name, party) keys unique."""
    sources: list[SourceRow] = []
    ids: dict[str, int] = {}
    keys: dict[str, int] = {}
    for row, cells in read_table(path, SOURCE_COLUMNS, ("source_id", "name"), problems):
        source = _source(problems, row, cells)
        if source is None:
            continue
        for seen, value, column in (
            (ids, source.source_id, "source_id"),
            (keys, source.key, "name"),
        ):
            if value in seen:
                what = "id" if column == "source_id" else "name and party"
                problems.error(SOURCES, row, column, f"the same {what} as row {seen[value]}")
                break
            seen[value] = row
        else:
            sources.append(source)
    return sources


def _source(problems: Problems, row: int, cells: dict[str, str]) -> SourceRow | None:
    before = len(problems.errors)

    def check(column: str, test: Callable[[str], object]) -> object:
        return _checked(problems, SOURCES, row, column, lambda: test(cells[column]))

    source_id = check("source_id", lambda text: validation.required_name(text, "source_id"))
    name = check("name", lambda text: validation.source_name(text, "name"))
    kind = check("kind", validation.source_kind)
    party = check("party", lambda text: validation.optional_party(text, "party"))
    reliability = check("reliability", validation.reliability)
    if cells["n_reports"]:
        check("n_reports", validation.count)
    if len(problems.errors) > before:
        return None
    return SourceRow(
        row,
        str(source_id),
        str(name),
        str(kind),
        party if isinstance(party, str) else None,
        str(reliability or DEFAULT_RELIABILITY),
    )


# ---- resolutions.csv --------------------------------------------------------------------

_DECISION_REQUIRED = ("event_id", "field", "value", "rationale", "resolved_at")


def read_decisions(path: Path, problems: Problems, who: str) -> list[DecisionRow]:
    """Every decision of the folder, each value checked as `resolve` checks it, in `seq`
    order (those without a seq last, in file order). Ids are the UUID-5 of what each
    decision says (and how many times the folder says it before)."""
    decisions = []
    for row, cells in read_table(path, RESOLUTION_COLUMNS, _DECISION_REQUIRED, problems):
        decision = _decision(problems, row, cells, who)
        if decision is not None:
            decisions.append(decision)
    decisions.sort(key=lambda d: (d.seq is None, d.seq or 0, d.row))
    times: Counter[tuple[str, ...]] = Counter()
    named = []
    for decision in decisions:
        content = decision.content()
        name = "\x1f".join((*content, str(times[content])))
        times[content] += 1
        named.append(_with_id(decision, str(uuid.uuid5(DECISION_NAMESPACE, name))))
    return named


def _with_id(decision: DecisionRow, decision_id: str) -> DecisionRow:
    from dataclasses import replace

    return replace(decision, id=decision_id)


def _decision(problems: Problems, row: int, cells: dict[str, str], who: str) -> DecisionRow | None:
    before = len(problems.errors)

    def check(column: str, test: Callable[[str], object]) -> object:
        return _checked(problems, RESOLUTIONS, row, column, lambda: test(cells[column]))

    event_id = check("event_id", lambda text: validation.required_name(text, "event_id"))
    field_name = check(
        "field",
        lambda text: _choice(text, ("date", "location", "count", "direction"), "field"),
    )
    field = _field(problems, row, cells, str(field_name)) if field_name else None
    value = check("value", lambda text: _value(str(field_name), text)) if field_name else None
    # Blank is refused; a decision stored before invisible rationales were refused is
    # restored as it was made.
    check("rationale", lambda text: text if text.strip() else validation.rationale(text))
    resolved_at = check("resolved_at", validation.past_timestamp)
    state = check("state", lambda text: _choice(text, STATES, "state") if text else None)
    seq = check("seq", lambda text: validation.write_position(text) if text else None)
    if len(problems.errors) > before or field is None:
        return None
    return DecisionRow(
        row,
        str(event_id),
        field,
        str(value),
        cells["report_id"] or None,
        cells["rationale"],
        cells["resolved_by"] or who,
        str(resolved_at),
        state if isinstance(state, str) else None,
        seq if isinstance(seq, int) else None,
    )


def _choice(text: str, allowed: tuple[str, ...], what: str) -> str:
    value = tidy(text)
    if value not in allowed:
        shown = f"'{value}'" if value else "empty"
        raise Invalid(f"{what} is {shown}: use one of {', '.join(allowed)}")
    return value


def _value(field: str, text: str) -> str:
    if field == "date":
        return validation.claimed_date(text)
    if field == "location":
        return validation.required_name(text, "location")
    if field == "count":
        return str(validation.count(text))
    if tidy(text) != DISMISSED:
        raise Invalid(f"a direction decision has the value '{DISMISSED}', not '{tidy(text)}'")
    return DISMISSED


def _field(problems: Problems, row: int, cells: dict[str, str], name: str) -> FieldKey | None:
    """The decided field; a count or a direction names its flow, a date or a location
    names none."""
    flow_columns = ("from_party", "to_party", "category")
    if name in ("date", "location"):
        for column in flow_columns:
            if cells[column]:
                problems.error(RESOLUTIONS, row, column, f"a {name} decision names no flow")
                return None
        return FieldKey(name)
    before = len(problems.errors)
    from_party = _checked(
        problems, RESOLUTIONS, row, "from_party", lambda: validation.party(cells["from_party"])
    )
    to_party = _checked(
        problems, RESOLUTIONS, row, "to_party", lambda: validation.party(cells["to_party"])
    )
    category = _checked(
        problems, RESOLUTIONS, row, "category", lambda: validation.category(cells["category"])
    )
    if len(problems.errors) > before:
        return None
    return FieldKey(name, FlowKey(str(from_party), str(to_party), str(category)))


# ---- events.csv -------------------------------------------------------------------------


def read_statuses(path: Path, problems: Problems) -> dict[str, str]:
    """Each event's status as the exporting ledger derived it; what cannot be read is a
    warning (the file is derived: nothing is restored from it)."""
    from .exporter import EVENT_COLUMNS

    read = Problems()
    rows = read_table(path, EVENT_COLUMNS, ("event_id", "status"), read)
    if read.errors:
        problems.warn(EVENTS, 0, "", "could not be read, so the restored statuses are unchecked")
        return {}
    return {cells["event_id"]: cells["status"] for _, cells in rows}
