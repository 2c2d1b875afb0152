"""The plan of a clean `reports.csv`, read a column at a time.

A file of 400,000 rows repeats few distinct values in most of its columns, so each
column's distinct values are checked once and the rows are grouped into reports with
a handful of passes over whole columns. This reading only tells whether a file is
clean: at the first problem, or at anything it leaves to the careful reading (a row
that is blank, a report already in the ledger, a source graded two ways), it gives up
and `importer` reads the file row by row, naming every problem. For a clean file both
readings give the same plan; a test holds them to it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from operator import itemgetter
from typing import Any

from ..domain import validation
from ..domain.records import Flow, FlowKey, name_key, source_key
from ..domain.validation import Invalid
from .csvio import unescape_cell
from .import_plan import (
    COLUMN_CHECKS,
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
    lookup,
    name_parties,
)
from .ledger import Ledger

STAGES = 6  # progress is reported between the stages of the reading

# Columns that may hold 100,000s of distinct texts (a URL per article, a time per
# report), checked together: True says the column's check keeps each non-empty text as
# it is. Otherwise each text is checked alone, which names the bad one.
WHOLE_COLUMN_CHECKS: dict[str, Callable[[Collection[str]], bool]] = {
    "source_url": validation.all_urls,
    "recorded_at": validation.all_timestamps,
}


class _GiveUp(Exception):
    """Something the careful reading must look at."""


def bulk_plan(
    plan: ImportPlan,
    ledger: Ledger,
    header: list[str],
    records: list[list[str]],
    progress: Progress | None = None,
) -> bool:
    """Fill `plan` from the records of a file without bad bytes and return True, or
    return False with `plan` untouched when the careful reading must decide."""
    try:
        reading = _Reading(ledger, header, records, progress)
        reading.run()
    except _GiveUp:
        return False
    reading.fill(plan)
    return True


class _Reading:
    """One file's columns read into what a plan holds, stage by stage."""

    def __init__(
        self,
        ledger: Ledger,
        header: list[str],
        records: list[list[str]],
        progress: Progress | None,
    ) -> None:
        self.ledger = ledger
        self.header = header
        self.records = records
        self.progress = progress
        self.stage = 0
        self.reports: list[NewReport] = []
        self.new_events: dict[str, str] = {}
        self.sources: dict[str, GivenSource] = {}
        self.new_sources: dict[str, tuple[str, str | None]] = {}
        self.party_spellings: set[str] = set()

    def step(self) -> None:
        self.stage += 1
        if self.progress and not self.progress(self.stage, STAGES):
            raise Cancelled()

    def run(self) -> None:
        cells = self.cells()
        self.step()
        values = {
            column: _checked(cells[column], check, WHOLE_COLUMN_CHECKS.get(column))
            for column, check in COLUMN_CHECKS.items()
        }
        flows = _flows(cells)
        self.step()
        report_ids = _report_ids(cells)
        firsts = _first_rows(report_ids, _levels(cells))
        self.step()
        flows_of = _flows_of_reports(report_ids, flows)
        source_keys = _source_keys(cells)
        self.step()
        self.reports = _new_reports(cells, values, report_ids, source_keys, firsts, flows_of)
        self.step()
        self.check_events(cells, values, firsts)
        self.check_sources(cells, values, source_keys, firsts)
        self.party_spellings = self.spellings(cells)
        self.step()

    def spellings(self, cells: dict[str, Sequence[str]]) -> set[str]:
        """Every spelling of a party that the reports may use."""
        named = set(cells["from_party"]).union(cells["to_party"])
        named.update(given.party for given in self.sources.values() if given.party)
        named.discard("")
        return named

    def cells(self) -> dict[str, Sequence[str]]:
        """Each column's cells as the careful reading sees them: formula guard removed,
        trimmed except the quote; a column the file lacks is empty."""
        width = len(self.header)
        if not self.records:
            return dict.fromkeys(REPORT_COLUMNS, ())
        if any(len(record) != width for record in self.records):
            raise _GiveUp()
        cells: dict[str, Sequence[str]] = dict.fromkeys(REPORT_COLUMNS, ("",) * len(self.records))
        for column, column_cells in zip(self.header, zip(*self.records, strict=True), strict=True):
            if "'" in "".join(column_cells):  # rare outside quotes: look closer only then
                column_cells = [
                    unescape_cell(text) if text[:1] == "'" else text for text in column_cells
                ]
            cells[column] = (
                column_cells if column == "quote" else list(map(str.strip, column_cells))
            )
        return cells

    def check_events(
        self, cells: dict[str, Sequence[str]], values: dict[str, dict], firsts: list[int]
    ) -> None:
        """One type per event, in the file and against the ledger."""
        types = values["event_type"]
        event_types = {cells["event_id"][row]: types[cells["event_type"][row]] for row in firsts}
        if len(set(zip(cells["event_id"], cells["event_type"], strict=True))) != len(event_types):
            raise _GiveUp()
        stored = lookup(self.ledger.conn, "SELECT id, type FROM events", event_types)
        if any(event_types[event_id] != kind for event_id, kind in stored.items()):
            raise _GiveUp()
        if lookup(self.ledger.conn, "SELECT id, id FROM reports", self.report_ids()):
            raise _GiveUp()
        self.new_events = {
            event_id: kind for event_id, kind in event_types.items() if event_id not in stored
        }

    def report_ids(self) -> list[str]:
        return [report.report_id for report in self.reports]

    def check_sources(
        self,
        cells: dict[str, Sequence[str]],
        values: dict[str, dict],
        keys: list[str],
        firsts: list[int],
    ) -> None:
        """Each source graded one way, by the file and by the ledger; the first mention
        of each gives its spelling."""
        kinds = map(values["source_kind"].__getitem__, cells["source_kind"])
        grades = map(values["reliability"].__getitem__, cells["reliability"])
        graded = set(zip(keys, kinds, grades, strict=True))
        grade_of = {key: (kind, grade) for key, kind, grade in graded}
        if len(graded) != len(grade_of):
            raise _GiveUp()
        parties = values["source_party"]
        for row in firsts:
            key = keys[row]
            if key not in self.sources:
                name, party = cells["source_name"][row], cells["source_party"][row]
                self.sources[key] = GivenSource(name, parties[party], *grade_of[key])
        stored = dict(
            (row[0], (row[1], row[2]))
            for row in self.ledger.conn.execute("SELECT key, kind, reliability FROM sources")
        )
        for key, given in self.sources.items():
            if key in stored and stored[key] != (given.kind, given.reliability):
                raise _GiveUp()
        self.new_sources = {
            key: (given.name, given.party)
            for key, given in self.sources.items()
            if key not in stored
        }

    def fill(self, plan: ImportPlan) -> None:
        plan.reports = self.reports
        plan.new_events = self.new_events
        plan.sources = self.sources
        plan.new_sources = self.new_sources
        name_parties(self.ledger.parties(), plan, self.party_spellings)


def _checked(
    cells: Sequence[str],
    check: Callable[[str], object],
    whole: Callable[[Collection[str]], bool] | None = None,
) -> dict[str, Any]:
    """The value of each distinct text of a column; `whole`, where given, first tries
    all its non-empty texts at once (see WHOLE_COLUMN_CHECKS)."""
    distinct = set(cells)
    if whole is not None:
        given = distinct - {""}
        if whole(given):
            values: dict[str, Any] = dict(zip(given, given, strict=True))
            if "" in distinct:
                values[""] = _checked([""], check)[""]
            return values
    values = {}
    for text in distinct:
        try:
            values[text] = check(text)
        except Invalid:
            raise _GiveUp() from None
    return values


def _flows(cells: dict[str, Sequence[str]]) -> list[tuple[Flow, tuple] | None]:
    """Each row's flow, with the key that tells two flows of one report apart."""
    rows = list(zip(*(cells[column] for column in FLOW_COLUMNS), strict=True))
    stated = [row for row in set(rows) if any(row)]
    values = [
        _checked([row[index] for row in stated], FLOW_CHECKS[column])
        for index, column in enumerate(FLOW_COLUMNS)
    ]
    keys: dict[tuple[str, str, str], FlowKey] = {}
    flows: dict[tuple, tuple[Flow, tuple] | None] = dict.fromkeys(rows)
    for row in stated:
        category, from_party, to_party, count, qualifier = (
            column_values[text] for column_values, text in zip(values, row, strict=True)
        )
        from_key, to_key = name_key(from_party), name_key(to_party)
        if from_key == to_key:
            raise _GiveUp()
        key = keys.setdefault(
            (from_party, to_party, category), FlowKey(from_party, to_party, category)
        )
        flows[row] = (Flow(key, count, qualifier), (from_key, to_key, category))
    return list(map(flows.__getitem__, rows))


def _report_ids(cells: dict[str, Sequence[str]]) -> Sequence[str]:
    given = cells["report_id"]
    if "" not in given:
        return given
    return [
        report_id or blank_report_id(event_id, source, date, quote)
        for report_id, event_id, source, date, quote in zip(
            given,
            cells["event_id"],
            cells["source_name"],
            cells["event_date"],
            cells["quote"],
            strict=True,
        )
    ]


def _levels(cells: dict[str, Sequence[str]]) -> list[tuple[str, ...]]:
    """The report-level values of each row, compared as the careful reading does."""
    columns = [
        list(map(name_key, cells[column]))
        if column in ("source_name", "source_party")
        else cells[column]
        for column in REPORT_LEVEL
    ]
    return list(zip(*columns, strict=True))


def _first_rows(report_ids: Sequence[str], levels: list[tuple[str, ...]]) -> list[int]:
    """The first row of each report, in file order; every other row repeats its values."""
    first: dict[str, int] = {}
    for row, report_id in enumerate(report_ids):
        at = first.setdefault(report_id, row)
        if at != row and levels[at] != levels[row]:
            raise _GiveUp()
    return list(first.values())


def _flows_of_reports(
    report_ids: Sequence[str], flows: list[tuple[Flow, tuple] | None]
) -> dict[str, list[Flow]]:
    """Each report's flows in row order; one flow stated twice by a report gives up."""
    of_report: dict[str, list[Flow]] = {}
    seen = set()
    for report_id, flow in zip(report_ids, flows, strict=True):
        if flow is None:
            continue
        stated = (report_id, flow[1])
        if stated in seen:
            raise _GiveUp()
        seen.add(stated)
        of_report.setdefault(report_id, []).append(flow[0])
    return of_report


def _source_keys(cells: dict[str, Sequence[str]]) -> list[str]:
    pairs = list(zip(cells["source_name"], cells["source_party"], strict=True))
    keys = {pair: source_key(*pair) for pair in set(pairs)}
    return list(map(keys.__getitem__, pairs))


def _picker(rows: list[int]) -> Callable[[Sequence], Sequence]:
    """What takes these rows of a column (in C: itemgetter; of one row it gives the value
    itself, not a tuple)."""
    if len(rows) == 1:
        return lambda column: (column[rows[0]],)
    return itemgetter(*rows) if rows else lambda column: ()


def _new_reports(
    cells: dict[str, Sequence[str]],
    values: dict[str, dict],
    report_ids: Sequence[str],
    source_keys: list[str],
    firsts: list[int],
    flows_of: dict[str, list[Flow]],
) -> list[NewReport]:
    pick = _picker(firsts)

    def first(column: str) -> Sequence:
        return pick(cells[column])

    def typed(column: str) -> list:
        return list(map(values[column].__getitem__, first(column)))

    ids = pick(report_ids)
    keys = pick(source_keys)
    recorded_by = [text or None for text in first("recorded_by")]
    flows = [tuple(flows_of.get(report_id, ())) for report_id in ids]
    columns = (
        ids,
        first("event_id"),
        keys,
        first("event_date"),
        first("location"),
        first("quote"),
        first("source_url"),
        first("published"),
        typed("credibility"),
        recorded_by,
        typed("recorded_at"),
        flows,
    )
    return list(map(NewReport._make, zip(*columns, strict=True)))
