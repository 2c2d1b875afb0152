"""Import of `reports.csv`: validate the whole file, then write all of it or nothing.

Every problem is collected with its row and column, in one go, before anything is
written. A clean file is planned a column at a time (`bulk_import`); any other file is
read row by row (`row_import`), which names each problem. The write is one transaction, recorded
as one audited operation that the records it adds point to.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import importlib.abc
import io
import re
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from functools import cache, partial
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from types import ModuleType
from typing import Any

from ..domain.dates import utc_now
from ..domain.records import Flow, FlowKey, Report, name_key, tidy
from ..domain.validation import FieldProblem, Invalid
from . import row_import
from .csvio import cell_problem, unescape_cell
from .derived import Derivation, EventInputs, state_schema
from .import_plan import (
    FLOW_COLUMNS,
    REPORT_COLUMNS,
    REQUIRED_COLUMNS,
    Cancelled,
    ImportPlan,
    NewReport,
    Progress,
    check_header,
    lookup,
)
from .ledger import Changes, Ledger, new_id

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


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused: an import makes millions of objects that form
    no cycles, and the collector's passes over them cost seconds."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What was made meanwhile goes to the oldest generation (a move of two lists): the
        # next young pass would otherwise walk all of it, 0.1-0.2 s of a large import.
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


class _PandasHidden(importlib.abc.MetaPathFinder):
    """`import pandas` fails, as if pandas were absent, in a thread that is reading a file
    column by column. pyarrow looks for pandas objects in what it converts, and imports
    pandas to do so: 0.3 s of the 0.9 s an import of six reports takes, wherever pandas is
    installed (the README's setup installs it for the tests); the reading never hands it
    one. A process that has loaded pandas already is left as it is."""

    def __init__(self) -> None:
        self._reading = threading.local()

    @contextmanager
    def hidden(self) -> Iterator[None]:
        self._reading.on = True
        try:
            yield
        finally:
            self._reading.on = False

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> None:
        if fullname == "pandas" and getattr(self._reading, "on", False):
            raise ModuleNotFoundError("pandas is not used while a file is read", name=fullname)


# First on sys.meta_path, from the thread that imports this module (the window's, the
# command's): a worker thread's change of that list could make another thread's import,
# going through it at that moment, skip a finder.
PANDAS_HIDDEN = _PandasHidden()
sys.meta_path.insert(0, PANDAS_HIDDEN)


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
            row_import.plan_records(plan, ledger, data, progress)
        plan.sha256 = digest.result()
    plan.warnings.extend(spreadsheet_damage(data, plan))
    return plan


SPREADSHEET_CELL_LIMIT = 32_767  # the most characters a LibreOffice or Excel cell holds
NOT_TEXT = "\ufffd"  # what decoding puts for bytes that are not UTF-8
# A ' before a line end: one search of a large file, where `in` took one for each ending.
GUARDED_LINE_END = re.compile(rb"'\r?\n")


def spreadsheet_damage(data: bytes, plan: ImportPlan) -> list[FieldProblem]:
    """Warnings (never refusals) where a spreadsheet has likely damaged the file: letters
    it could not encode saved as '?', a guarded carriage return turned into a line feed
    (the guarding `'` then stays), a text cut at a cell's limit. The rows are looked for
    only when a cheap test of the whole file finds a sign, so clean files pay nothing.
    Bytes that are not UTF-8 are refused for that, by row and column; a cell holding any,
    or a file whose header does, is no sign of a spreadsheet's damage (an image taken for
    a CSV file showed nine such warnings, under a garbled column name)."""
    cut = SPREADSHEET_CELL_LIMIT in map(len, map(_quote_of, plan.reports))
    if not (b"???" in data or GUARDED_LINE_END.search(data) or cut):
        return []
    text = data.decode("utf-8-sig", errors="replace")
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, [])
    if any(NOT_TEXT in name for name in header):
        return []
    warnings = []
    for number, row in enumerate(rows, start=2):
        for column, cell in zip(header, row, strict=False):
            reason = None if NOT_TEXT in cell else _damage(cell)
            if reason:
                warnings.append(FieldProblem(number, column.strip(), reason))
    return warnings


def _damage(cell: str) -> str | None:
    if "???" in cell:
        return (
            "'???' where there may have been letters: a spreadsheet saved in a legacy"
            " encoding writes '?' for each letter it cannot hold; save as UTF-8 and import again"
        )
    if cell.startswith("'\n"):  # a guarded CR kept, followed by a LF ("'\r\n"), is no damage
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

    with PANDAS_HIDDEN.hidden():
        read = bulk_import.read_columns(data)
        if read is None:
            return False
        names, table = read
        if any(cell_problem(name) for name in names):
            return False
        header = [tidy(unescape_cell(name)) for name in names]
        return check_header(plan, header) and bulk_import.bulk_plan(
            plan, ledger, header, table, progress, PANDAS_HIDDEN.hidden
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def apply_import(
    ledger: Ledger,
    plan: ImportPlan,
    who: str,
    progress: Progress | None = None,
    *,
    alone: bool = False,
) -> Changes:
    """Write a valid plan in one transaction, as one audited operation, and say what
    changed. A plan with nothing new writes nothing, so importing the same file twice
    changes nothing. `alone`: this process opens no other connection to the file until
    the import is written (the command line), so that an import into an empty ledger
    may go through a rollback journal (`Ledger.journal_while_empty`)."""
    assert not plan.errors, "a plan with errors imports nothing"
    if not plan.reports:
        return Changes()
    operation_id = new_id()
    counts = plan.counts()
    with (
        ledger.journal_while_empty() if alone else nullcontext(),
        collector_paused(),
        ledger.large_write(),
        ledger.checked_by_writer(),
        ledger.write(who, operation_id) as state,
    ):
        _check_events_unchanged(ledger, plan)
        ledger.record_operation("import", plan.path.name, plan.sha256, counts)
        ledger.audit(
            "import",
            "operation",
            operation_id,
            new={"file": str(plan.path), "sha256": plan.sha256, "counts": counts},
        )
        state.touched.update(report.event_id for report in plan.reports)
        state.known = _write_reports(ledger, plan, who, operation_id, progress)
    return ledger.changes_of(state, everything=True)


class PlanOutdated(Invalid):
    """Another program changed the ledger between the plan and its write: planned again,
    the import says and audits what it really adds, with the warnings that now apply."""


def _check_events_unchanged(ledger: Ledger, plan: ImportPlan) -> None:
    """The ledger as the plan read it before this transaction: another program may have
    deleted an event it adds reports to (which foreign keys, not enforced here, would
    have caught: the plan's other references are made by this write), or created an
    event, a source, a party or a report it would create (another import of the same
    file, say), so that its counts and its source warnings would be wrong; or renamed or
    merged a source or a party it found stored, which it would make again under the
    name it had (a duplicate of "Outlet News" named "Outlet")."""
    # Events the reports name that the plan found stored (none into a new ledger, where
    # the walk over 300,000 reports is spared).
    named = (
        {r.event_id for r in plan.reports} - plan.new_events.keys() if plan.stored_types else set()
    )
    missing = named.difference(lookup(ledger.conn, "SELECT id, id FROM events", named))
    created = lookup(ledger.conn, "SELECT id, id FROM events", plan.new_events)
    now = lookup(ledger.conn, "SELECT id, type FROM events", plan.stored_types)
    retyped = {event_id for event_id, kind in now.items() if plan.stored_types[event_id] != kind}
    for event_ids, what in ((missing, "deleted"), (created, "created"), (retyped, "retyped")):
        if event_ids:
            raise PlanOutdated(
                f"event {min(event_ids)} was {what} by another program while the file was"
                " read; nothing was imported: import the file again"
            )
    reports = lookup(ledger.conn, "SELECT id, id FROM reports", (r.report_id for r in plan.reports))
    by_key = "SELECT id, id FROM (SELECT key AS id FROM {})"
    sources = lookup(ledger.conn, by_key.format("sources"), plan.new_sources)
    parties = lookup(ledger.conn, by_key.format("parties"), map(name_key, plan.new_parties))
    added = (  # by name as the file gives it, not by the key they are compared by
        (sorted(reports), "report"),
        (sorted(plan.new_sources[key][0] for key in sources), "source"),
        (sorted(name for name in plan.new_parties if name_key(name) in parties), "party"),
    )
    for names, what in added:
        if names:
            raise PlanOutdated(
                f"another program added {what} {names[0]!r} while the file was read;"
                " nothing was imported: import the file again"
            )
    _check_stored_names_unchanged(ledger, plan, by_key)


def _check_stored_names_unchanged(ledger: Ledger, plan: ImportPlan, by_key: str) -> None:
    """The sources and parties the plan found stored are still stored under their keys."""
    new_parties = set(map(name_key, plan.new_parties))
    stored = (
        (
            "source",
            "sources",
            {
                report.source_key: plan.sources[report.source_key].name
                for report in plan.reports
                if report.source_key not in plan.new_sources
            }
            if len(plan.new_sources) < len(plan.sources)  # else the reports name none stored
            else {},
        ),
        (
            "party",
            "parties",
            {
                name_key(name): name
                for name in plan.party_spellings
                if name_key(name) not in new_parties
            },
        ),
    )
    for what, table, names in stored:
        kept = lookup(ledger.conn, by_key.format(table), names) if names else {}
        gone = sorted(name for key, name in names.items() if key not in kept)
        if gone:
            raise PlanOutdated(
                f"another program renamed or merged {what} {gone[0]!r} while the file was"
                " read; nothing was imported: import the file again"
            )


PLAN_ATTEMPTS = 3  # plans of one import that another program's writes may overtake


def plan_and_apply(
    ledger: Ledger,
    path: Path,
    who: str,
    progress: Progress | None = None,
    *,
    write: bool = True,
    alone: bool = False,
) -> tuple[ImportPlan, Changes]:
    """Plan a file, then write the plan (`write`) unless it has errors. Another program's
    write in between (PlanOutdated) plans again, so that what is said and audited is what
    this import added; after PLAN_ATTEMPTS plans, PlanOutdated says so."""
    for attempt in range(1, PLAN_ATTEMPTS + 1):
        plan = plan_import(ledger, path, who, progress)
        if plan.errors or not write:
            return plan, Changes()
        try:
            return plan, apply_import(ledger, plan, who, progress, alone=alone)
        except PlanOutdated:
            if attempt == PLAN_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


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
        cache(partial(_search_texts, plan, names)),  # made while the indexes are built
        state_schema(ledger.conn),
        ledger.conn.execute("PRAGMA encoding").fetchone()[0],
    )
    try:
        _insert_rows(
            ledger, plan, who, operation_id, progress, first_seq, sources, parties, derivation
        )
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
    derivation: Derivation,
) -> None:
    """The plan's events, reports and flows, their indexes built after a large insert;
    `derivation` started beside them."""
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
        ledger.insert_events(plan.new_events, at=now)
        in_id_order, reports = built.result()
    # Derived beside the inserts from here on; not sooner: the rows' builder and a forked
    # child both touch every report, and a page both touch is copied for the one that
    # touches it first (copy-on-write), which slowed the builder and the events' insert.
    derivation.start(short_statements_follow=True)
    total = len(reports) + plan.n_flows
    dropped = ledger.indexes_dropped_for("reports", len(reports))
    done = _insert(ledger.insert_reports, reports, progress, 0, total)
    # The flows' rows, then the search texts, are made in a thread while the reports'
    # indexes are built (a large import's, dropped above): those statements run long without
    # the GIL (beside executemany, a thread would not help). The texts took 0.4 s of the
    # writer's time at 300,000 reports.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="flow-rows") as pool:
        flows = pool.submit(_flow_rows, in_id_order, parties)
        pool.submit(derivation.texts)  # and the search texts, which `derived.refresh` reads
        pool.submit(reports.clear)  # and the reports' rows let go of there, not in the writer
        ledger.execute_all(dropped)
        flow_rows = flows.result()
    _insert(ledger.insert_flows, flow_rows, progress, done, total)
    if progress:
        progress(0, 0)  # what is left, deriving every event's state, is not counted


def _report_rows_in_id_order(
    plan: ImportPlan, first_seq: int, sources: dict[str, str], *, who: str, now: str, operation: str
) -> tuple[list[NewReport], list[tuple[Any, ...]]]:
    """The plan's reports in id order, as rows go into the tables: each insertion lands
    next to the last in the b-trees; each report keeps the sequence number of its place
    in the file. The order is the one the plan's reading sorted (`ImportPlan.id_order`),
    else one sort of positions by id (a key of one string sorts fastest). The rows are
    built in the file's order, the order their values lie in memory, then put in id
    order: built in id order, each value was a jump in memory (0.65 s instead of 0.47)."""
    order = plan.id_order
    if order is None:
        ids = list(map(_report_id_of, plan.reports))
        order = sorted(range(len(ids)), key=ids.__getitem__)
    seqs = range(first_seq, first_seq + len(plan.reports))
    rows = _report_rows(plan.reports, seqs, sources, who=who, now=now, operation=operation)
    return list(map(plan.reports.__getitem__, order)), list(map(rows.__getitem__, order))


def _flow_rows(reports: list[NewReport], parties: dict[str, str]) -> list[tuple[Any, ...]]:
    """The rows for `Ledger.insert_flows` of these reports' flows, parties as stored."""
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
    seqs: Sequence[int],
    sources: dict[str, str],
    *,
    who: str,
    now: str,
    operation: str,
) -> list[tuple[Any, ...]]:
    """The rows for `Ledger.insert_reports` of these reports, in their order. Built a column at a
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
_quote_of = attrgetter("quote")
_source_key_of = attrgetter("source_key")


def _insert(
    insert: Callable[[Sequence[tuple[Any, ...]]], None],
    rows: list[tuple[Any, ...]],
    progress: Progress | None,
    done: int,
    total: int,
) -> int:
    """Insert rows a batch at a time, reporting progress (and taking a cancel) between."""
    for start in range(0, len(rows), BATCH):
        if progress and not progress(done + start, total):
            raise Cancelled()
        insert(rows[start : start + BATCH])
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
