"""Per-event derived state: loaded from the tables, derived by the domain rules, stored.

Conflicts recomputed over the whole file by SQL take seconds at 300,000 reports, so
each write transaction re-derives the events it touched, and `check` re-derives every
event in memory and compares.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import sqlite3
import sys
import threading
import time
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, NamedTuple, NoReturn

from ..domain.records import Decision, Dispute, FieldKey, Flow, FlowKey, Report
from ..domain.rules import EventState, derive_event
from .database import chunks, indexes_dropped_for, insert_many, placeholders
from .schema import EXCHANGE_DAYS_COLUMNS, EXCHANGE_DAYS_SQL, SEARCH_TEXT_SQL

PARALLEL_MINIMUM = 2_000  # events derived beside the writer from this many on
# How long the writer waits for the forked child's rows before it derives them itself: a
# child that hangs must not hang the import. 300,000 events take the child about 20 s.
CHILD_TIME_LIMIT = 300.0
# A child that used no CPU time for this long while its rows were awaited is stuck, and
# is given up at once: a lock that another thread of the parent held at the fork stays
# held in the child for ever. SQLite takes one of its own at every allocation, so a
# fork while the window's thread was inside SQLite (its poll of other writers, a page of
# the events table) left the import "finishing" for the whole time limit, without Cancel.
CHILD_STALL_LIMIT = 10.0


@dataclass(frozen=True)
class EventInputs:
    event_id: str
    event_type: str
    reports: list[Report]
    decisions: list[Decision]


def field_key(field: str, from_party: str, to_party: str, category: str) -> FieldKey:
    if field in ("count", "direction"):
        return FieldKey(field, FlowKey(from_party, to_party, category))
    return FieldKey(field)


def decision_from_row(row: sqlite3.Row | dict[str, Any]) -> Decision:
    return Decision(
        id=row["id"],
        field=field_key(row["field"], row["from_party"], row["to_party"], row["category"]),
        value=row["value"],
        rationale=row["rationale"],
        resolved_by=row["resolved_by"],
        resolved_at=row["resolved_at"],
        report_id=row["report_id"],
        seq=row["seq"],
        withdrawn=row["withdrawn_at"] is not None,
        merged=bool(row["merged"]),
        operation_id=row["operation_id"],
    )


def load_inputs(conn: sqlite3.Connection, event_ids: Iterable[str]) -> Iterator[EventInputs]:
    """The reports and decisions of each event, as domain records, a chunk at a time."""
    conn.row_factory = sqlite3.Row
    try:
        for chunk in chunks(sorted(set(event_ids))):
            yield from _load_chunk(conn, chunk)
    finally:
        conn.row_factory = None


def _load_chunk(conn: sqlite3.Connection, chunk: Sequence[str]) -> Iterator[EventInputs]:
    marks = placeholders(chunk)
    types = dict(conn.execute(f"SELECT id, type FROM events WHERE id IN ({marks})", chunk))
    flows: dict[str, list[Flow]] = defaultdict(list)
    for row in conn.execute(
        "SELECT f.report_id, f.from_party, f.to_party, f.category, f.count, f.qualifier"
        f" FROM flows f JOIN reports r ON r.id = f.report_id WHERE r.event_id IN ({marks})"
        " ORDER BY f.report_id, f.position",
        chunk,
    ):
        key = FlowKey(row["from_party"], row["to_party"], row["category"])
        flows[row["report_id"]].append(Flow(key, row["count"], row["qualifier"]))
    reports: dict[str, list[Report]] = defaultdict(list)
    for row in conn.execute(
        "SELECT id, event_id, claimed_date, location, seq FROM reports"
        f" WHERE event_id IN ({marks}) ORDER BY seq",
        chunk,
    ):
        reports[row["event_id"]].append(
            Report(
                row["id"],
                row["claimed_date"],
                row["location"],
                tuple(flows.get(row["id"], ())),
                row["seq"],
            )
        )
    decisions: dict[str, list[Decision]] = defaultdict(list)
    for row in conn.execute(
        f"SELECT * FROM resolutions WHERE event_id IN ({marks}) ORDER BY seq", chunk
    ):
        decisions[row["event_id"]].append(decision_from_row(row))
    for event_id in chunk:
        if event_id in types:
            yield EventInputs(event_id, types[event_id], reports[event_id], decisions[event_id])


def derive_all(
    conn: sqlite3.Connection, event_ids: Iterable[str]
) -> Iterator[tuple[EventInputs, EventState]]:
    return derive_inputs(load_inputs(conn, event_ids))


def derive_inputs(
    all_inputs: Iterable[EventInputs], stop: threading.Event | None = None
) -> Iterator[tuple[EventInputs, EventState]]:
    for inputs in all_inputs:
        if stop is not None and stop.is_set():
            return
        if inputs.reports:
            state = derive_event(
                inputs.event_id, inputs.event_type, inputs.reports, inputs.decisions
            )
            yield inputs, state


def _field_json(field: FieldKey) -> dict[str, str]:
    flow = field.flow
    return {
        "field": field.field,
        "from_party": flow.from_party if flow else "",
        "to_party": flow.to_party if flow else "",
        "category": flow.category if flow else "",
    }


def dispute_json(dispute: Dispute) -> dict[str, Any]:
    return {**_field_json(dispute.field), "values": dispute.values}


def _json_list(items: list[Any]) -> str:
    return json.dumps(items, sort_keys=True)


_seq_of = attrgetter("seq")


def event_state_row(inputs: EventInputs, state: EventState) -> tuple[Any, ...]:
    # Most events have no disputes, reopened fields or reversed flows: "[]" is written
    # without building anything (this runs for 100,000 events in an import).
    return (
        state.event_id,
        state.event_type,
        state.status,
        state.date,
        state.chart_day,
        state.location,
        state.n_reports,
        _json_list([dispute_json(d) for d in state.disputes]) if state.disputes else "[]",
        _json_list(
            [{**_field_json(f), "report_ids": ids} for f, ids in sorted(state.reopened.items())]
        )
        if state.reopened
        else "[]",
        _json_list([[k.from_party, k.to_party, k.category] for k in state.reversed_flows])
        if state.reversed_flows
        else "[]",
        min(map(_seq_of, inputs.reports)),
        flows_text(state),
        sum(estimate.best for estimate in state.estimates.values()),
    )


def flows_text(state: EventState) -> str:
    """A one-line summary for tables: "bodies Russia→Ukraine 1212; …", ranges where unsure."""
    parts = []
    for key, estimate in sorted(state.estimates.items()):
        value = f"{estimate.best:,}"
        if estimate.low != estimate.high:
            value += f" [{estimate.low:,}–{estimate.high:,}]"
        parts.append(f"{key.category} {key.from_party}→{key.to_party} {value}")
    return "; ".join(parts)


def flow_state_rows(state: EventState) -> list[tuple[Any, ...]]:
    return [
        (
            state.event_id,
            key.from_party,
            key.to_party,
            key.category,
            estimate.best,
            estimate.low,
            estimate.high,
            estimate.n_reports,
            estimate.decision.id if estimate.decision else None,
        )
        for key, estimate in sorted(state.estimates.items())
    ]


EVENT_STATE_COLUMNS = (
    "event_id, type, status, date, chart_day, location, n_reports,"
    " disputes, reopened, reversed, first_seq, flows_text, total_best"
)
FLOW_STATE_COLUMNS = (
    "event_id, from_party, to_party, category, best, low, high, n_reports, resolution_id"
)


class Derived(NamedTuple):
    """What a refresh writes for some events: their event_state and flow_state rows; or,
    from a child, both in `image`: a SQLite database (`rows_image`) that the writer
    attaches and copies a table at a time."""

    events: list[tuple[Any, ...]]
    flows: list[tuple[Any, ...]]
    image: bytes | memoryview = b""
    schema: Sequence[tuple[str, str, str]] = ()  # how the ledger makes them (`state_schema`)
    encoding: str = "UTF-8"  # the ledger's: SQLite attaches no database of another


IMAGE = "derivation"  # the name the writer attaches a child's rows under
STATE_TABLES = ("event_state", "flow_state")
# Without the ledger's schema: keyed as the tables they are copied into, and WITHOUT ROWID,
# so that a table is read in key order as it is stored (ORDER BY a column of a rowid table
# sorts all its rows).
IMAGE_TABLES = {
    "event_state": f"{EVENT_STATE_COLUMNS}, PRIMARY KEY (event_id)",
    "flow_state": f"{FLOW_STATE_COLUMNS}, PRIMARY KEY (event_id, from_party, to_party, category)",
    "exchange_days": (
        f"{EXCHANGE_DAYS_COLUMNS}, PRIMARY KEY (chart_day, category, from_party, to_party)"
    ),
}


def rows_image(derived: Derived) -> bytes:
    """The rows of `derived` as a SQLite database, serialized. A child sends them so, for
    the writer to copy each table by one statement: 100,000 events' rows sent as Python
    objects cost the writer a second of work to unpickle and bind (the child spends 0.4 s
    more on the image than on pickling). Its state tables are made as the ledger's, when
    `derived` says how, indexes built: the writer may then copy them whole."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute(f"PRAGMA encoding = '{derived.encoding}'")
        made = {name for kind, name, sql in derived.schema if kind == "table"}
        for kind, _, sql in derived.schema:
            if kind == "table":
                conn.execute(sql)
        for table, columns in IMAGE_TABLES.items():
            if table not in made:  # no types: each value is kept as the rules gave it
                conn.execute(f"CREATE TABLE {table} ({columns}) WITHOUT ROWID")
        conn.execute("BEGIN")
        insert_many(conn, "event_state", EVENT_STATE_COLUMNS, derived.events)
        insert_many(conn, "flow_state", FLOW_STATE_COLUMNS, derived.flows)
        # The daily sums of these events alone, by the very statement the writer runs on its
        # tables: all it needs when these are all the events it has (`_all_from_image`).
        conn.execute(EXCHANGE_DAYS_SQL.format(where=""))
        for kind, _, sql in derived.schema:
            if kind == "index":  # built here, beside the writer, and copied with the rows
                conn.execute(sql)
        conn.execute("COMMIT")
        return conn.serialize()
    finally:
        conn.close()


def state_schema(
    conn: sqlite3.Connection, database: str = "main"
) -> tuple[tuple[str, str, str], ...]:
    """How this ledger (or an attached image) makes the derived state's tables, their
    indexes and any trigger on them: the kind, name and statement of each, tables before
    indexes. A trigger (another program's) is not made in an image, whose tables are
    then not alike."""
    return tuple(
        conn.execute(
            f"SELECT type, name, sql FROM {database}.sqlite_schema WHERE tbl_name IN"
            f" ({', '.join('?' * len(STATE_TABLES))}) AND sql IS NOT NULL ORDER BY type DESC, name",
            STATE_TABLES,
        )
    )


def _attach_image(conn: sqlite3.Connection, image: bytes | memoryview) -> None:
    """`image` attached as IMAGE for this transaction (`release_image` after it)."""
    if IMAGE not in {row[1] for row in conn.execute("PRAGMA database_list")}:
        conn.execute(f"ATTACH ':memory:' AS {IMAGE}")
    conn.deserialize(image, name=IMAGE)


def release_image(conn: sqlite3.Connection) -> None:
    """Detach a child's rows once the transaction that copied them has ended (SQLite
    detaches nothing inside one). One left attached is replaced by the next."""
    with contextlib.suppress(sqlite3.Error):
        if IMAGE in {row[1] for row in conn.execute("PRAGMA database_list")}:
            conn.execute(f"DETACH {IMAGE}")


class Derivation:
    """The state rows and search texts of events whose inputs the writer holds in memory
    in full (an import's new events, of which nothing is stored yet), so that they need
    not be read back from the tables just written.

    From PARALLEL_MINIMUM events on, `start` derives them beside the writer. On Linux, in
    a child process forked from this one: it starts with the inputs already in memory,
    works on the second core whatever the writer does meanwhile, and sends back only the
    rows, as a SQLite database for the writer to attach (`rows_image`). Elsewhere, in a
    second thread, which can only overlap SQL statements that run long without the GIL
    (building indexes, filling the search index): beside many short statements, each of
    which hands the GIL over and waits up to a switch interval to get it back, a thread
    would slow the writer down.
    """

    def __init__(
        self,
        event_ids: Iterable[str],
        inputs: Callable[[], list[EventInputs]],
        texts: Callable[[], dict[str, str]],
        schema: Sequence[tuple[str, str, str]] = (),
        encoding: str = "UTF-8",
    ):
        self.event_ids = set(event_ids)
        self._inputs = inputs
        self._texts = texts
        self._schema = schema
        self._encoding = encoding
        self._stop = threading.Event()
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future[Any] | None = None
        self._child: int | None = None
        self._child_lock = threading.Lock()

    def start(self, *, short_statements_follow: bool) -> None:
        """Start deriving, if it is worth it and where it will not slow the writer."""
        if self._pending is not None or len(self.event_ids) < PARALLEL_MINIMUM:
            return
        # A child sends its rows as a SQLite image (`rows_image`), which needs SQLite's
        # serialize and deserialize (some builds leave them out).
        forks = sys.platform.startswith("linux") and hasattr(sqlite3.Connection, "deserialize")
        if short_statements_follow and not forks:
            return
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="derive")
        if forks:
            pipe = self._fork()
            self._pending = self._pool.submit(self._receive, pipe)
        else:
            self._pending = self._pool.submit(self._derive)

    def _derive(self) -> Derived:
        events, flows = _state_rows(derive_inputs(self._inputs(), self._stop))
        events.sort()  # in key order, the cheapest way into their tables' b-trees
        flows.sort()
        return Derived(events, flows, schema=self._schema, encoding=self._encoding)

    def texts(self) -> dict[str, str]:
        """The events' search texts, made in the writer's process: a large import has
        them made while SQLite builds the reports' indexes without the GIL (a child that
        also made the texts kept the writer waiting 1.3 s at 100,000 events)."""
        return self._texts()

    def _fork(self) -> int:
        """Fork the child that derives; the end of the pipe its rows will come through."""
        read_end, write_end = os.pipe()
        with warnings.catch_warnings():
            # Python 3.12 warns of a fork beside threads, whose locks the child may find
            # held: this child runs only the rules and SQLite on a database in memory,
            # then leaves by os._exit; if it finds a lock held, it stalls (see
            # CHILD_STALL_LIMIT).
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _derive_in_child(self._derive, write_end)
        os.close(write_end)
        self._child = pid
        return read_end

    def _receive(self, pipe: int) -> Derived:
        assert self._child is not None
        stalled = _Stall(self._child)
        payload = _read_until(pipe, time.monotonic() + CHILD_TIME_LIMIT, self._stop, stalled)
        if payload is None:  # out of time or stuck: the child is stopped, its rows derived here
            with self._child_lock:
                if self._child is not None:
                    os.kill(self._child, signal.SIGKILL)
            payload = b""
        self._reap()
        image = _unframed(payload)
        if image is not None:
            return Derived([], [], image)
        # The child failed (killed, out of memory) before it sent all its rows.
        if self._stop.is_set():
            return Derived([], [])
        return self._derive()

    def _reap(self) -> None:
        """Wait for the child, which has closed its end of the pipe."""
        with self._child_lock:
            # ChildProcessError: reaped already, by a handler of SIGCHLD the process set.
            with contextlib.suppress(ChildProcessError):
                if self._child is not None:
                    os.waitpid(self._child, 0)
            self._child = None

    def rows(self) -> Derived:
        """What the refresh writes for these events."""
        if self._pending is None:
            return self._derive()
        try:
            result: Derived = self._pending.result()
            return result
        finally:
            self.close()

    def close(self) -> None:
        """Stop deriving (a write that failed or was cancelled wants nothing more)."""
        self._stop.set()
        with self._child_lock:
            if self._child is not None:
                os.kill(self._child, signal.SIGKILL)
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    @property
    def stopped(self) -> bool:
        """Closed, its thread (if it had one) ended, its child (if it had one) gone."""
        return self._stop.is_set() and self._pool is None and self._child is None


class _Stall:
    """Whether a process has used no CPU time for CHILD_STALL_LIMIT seconds (Linux)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.ticks = _cpu_ticks(pid)
        self.since = time.monotonic()

    def __call__(self) -> bool:
        ticks, now = _cpu_ticks(self.pid), time.monotonic()
        if ticks is None or ticks != self.ticks:  # working (or gone: the pipe tells)
            self.ticks, self.since = ticks, now
            return False
        return now - self.since > CHILD_STALL_LIMIT


def _cpu_ticks(pid: int) -> int | None:
    """The user and system CPU time a process has used, in clock ticks; None if unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            # After the name, which may hold spaces and parentheses: the state (field 3),
            # ..., utime and stime (fields 14 and 15).
            fields = stat.read().rsplit(b")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return None


def _read_until(
    pipe: int, deadline: float, stop: threading.Event, stalled: Callable[[], bool]
) -> bytes | None:
    """All that comes through the pipe until its writer closes it, or None at the
    deadline or once the writer has `stalled`; the pipe is closed either way."""
    chunks: list[bytes] = []
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([pipe], [], [], min(left, 0.5))
            if not ready:
                if stop.is_set() or stalled():
                    return None
                continue
            chunk = os.read(pipe, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(pipe)


def _derive_in_child(derive: Callable[[], Derived], pipe: int) -> NoReturn:
    """The forked child's whole life: derive, send the rows (their image, after its
    length), leave without running anything of the parent's (no atexit, no finalizers,
    no flush of its files)."""
    code = 1
    try:
        image = rows_image(derive())
        with os.fdopen(pipe, "wb") as out:
            out.write(len(image).to_bytes(8, "big"))
            out.write(image)
        code = 0
    finally:
        os._exit(code)


def _unframed(payload: bytes | None) -> memoryview | None:
    """The image a child sent, or None if it sent less than it said it would."""
    if payload is None or len(payload) < 8:
        return None
    if int.from_bytes(payload[:8], "big") != len(payload) - 8:
        return None
    return memoryview(payload)[8:]


def refresh(
    conn: sqlite3.Connection, event_ids: Iterable[str], known: Derivation | None = None
) -> None:
    """Re-derive and store the state of these events (inside the caller's transaction);
    `known` derives those it holds (see `Derivation`), the others are read from the tables.
    """
    ids = sorted(set(event_ids))
    held = known.event_ids if known else set()
    _mark_refreshing(conn, ids, held)
    conn.execute(NOTE_DAYS_SQL.format(events=STORED))  # the days they were charted on
    conn.execute(f"DELETE FROM event_state WHERE event_id IN ({STORED})")
    conn.execute(f"DELETE FROM flow_state WHERE event_id IN ({STORED})")
    _refresh_search(conn)
    if known:
        _insert_search_texts(conn, known.texts())
    given = known.rows() if known else Derived([], [])
    if given.image:
        _attach_image(conn, given.image)
    more_events, more_flows = _state_rows(derive_all(conn, [i for i in ids if i not in held]))
    if given.image:
        _store_image_state(conn, more_events, more_flows)
    else:
        _store_state(conn, given.events + more_events, given.flows + more_flows)
    if given.image and not more_events and _all_from_image(conn):
        conn.execute(
            f"INSERT INTO exchange_days ({EXCHANGE_DAYS_COLUMNS})"
            f" SELECT {EXCHANGE_DAYS_COLUMNS} FROM {IMAGE}.exchange_days"
        )
        return
    conn.execute(NOTE_DAYS_SQL.format(events="SELECT id FROM temp.refreshing"))  # and now
    days = "SELECT day FROM temp.refreshing_days"
    conn.execute(f"DELETE FROM exchange_days WHERE chart_day IN ({days})")
    conn.execute(EXCHANGE_DAYS_SQL.format(where=f" AND es.chart_day IN ({days})"))


def _all_from_image(conn: sqlite3.Connection) -> bool:
    """Every event of the ledger is one of the image's (an import's new events into a
    ledger that had none): then no other event had a daily sum, nor has one now, and the
    sums the child made are the ledger's."""
    count = "SELECT COUNT(*) FROM {}event_state"
    stored = conn.execute(count.format("main.")).fetchone()[0]
    return bool(stored == conn.execute(count.format(f"{IMAGE}.")).fetchone()[0])


def _mark_refreshing(conn: sqlite3.Connection, ids: list[str], held: set[str]) -> None:
    """The events being refreshed (`held`: those a Derivation holds), and (filled by
    NOTE_DAYS_SQL) their charting days, in temporary tables the statements below join on."""
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS refreshing (id TEXT PRIMARY KEY, held INTEGER NOT NULL)"
    )
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS refreshing_days (day TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.refreshing")
    conn.execute("DELETE FROM temp.refreshing_days")
    # A statement for each kind, not one per id: a Derivation may be running in a thread.
    for kind in (0, 1):
        chosen = [event_id for event_id in ids if (event_id in held) == kind]
        conn.execute(
            "INSERT INTO temp.refreshing (id, held) SELECT value, ? FROM json_each(?)",
            (kind, json.dumps(chosen)),
        )


def _store_state(
    conn: sqlite3.Connection, events: list[tuple[Any, ...]], flows: list[tuple[Any, ...]]
) -> None:
    events.sort()  # in key order, the cheapest way into their tables' b-trees (in C, fast
    flows.sort()  # when a Derivation sorted its rows already)
    dropped = indexes_dropped_for(conn, "event_state", len(events))
    insert_many(conn, "event_state", EVENT_STATE_COLUMNS, events)
    for sql in dropped:
        conn.execute(sql)
    insert_many(conn, "flow_state", FLOW_STATE_COLUMNS, flows)


def _store_image_state(
    conn: sqlite3.Connection, events: list[tuple[Any, ...]], flows: list[tuple[Any, ...]]
) -> None:
    """`_store_state` of the attached image's rows and these: all of them copied in key
    order by one statement per table."""
    insert_many(conn, f"{IMAGE}.event_state", EVENT_STATE_COLUMNS, events)
    insert_many(conn, f"{IMAGE}.flow_state", FLOW_STATE_COLUMNS, flows)
    if not events and not flows and _copied_whole(conn):
        return
    count = conn.execute(f"SELECT COUNT(*) FROM {IMAGE}.event_state").fetchone()[0]
    dropped = indexes_dropped_for(conn, "event_state", count)
    conn.execute(
        f"INSERT INTO event_state ({EVENT_STATE_COLUMNS}) SELECT {EVENT_STATE_COLUMNS}"
        f" FROM {IMAGE}.event_state ORDER BY event_id"
    )
    for sql in dropped:
        conn.execute(sql)
    conn.execute(
        f"INSERT INTO flow_state ({FLOW_STATE_COLUMNS}) SELECT {FLOW_STATE_COLUMNS}"
        f" FROM {IMAGE}.flow_state ORDER BY event_id, from_party, to_party, category"
    )


def _copied_whole(conn: sqlite3.Connection) -> bool:
    """The image's state tables copied into the ledger's, rows and index entries as they
    are, if those are empty and made alike (`state_schema`): SQLite's transfer of a table
    into an empty one of the same make (`INSERT INTO t SELECT * FROM u`) neither decodes
    a row nor sorts an index (100,000 events: 0.14 s instead of 0.5 s)."""
    if state_schema(conn) != state_schema(conn, IMAGE):
        return False
    for table in STATE_TABLES:
        if conn.execute(f"SELECT 1 FROM main.{table} LIMIT 1").fetchone():
            return False
    for table in STATE_TABLES:
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM {IMAGE}.{table}")
    return True


# The charting days of some events; `+type`: by their ids, not by the index on type
# (every exchange: 30 ms).
NOTE_DAYS_SQL = (
    "INSERT OR IGNORE INTO temp.refreshing_days (day)"
    " SELECT chart_day FROM event_state WHERE event_id IN ({events})"
    " AND +type = 'exchange' AND chart_day IS NOT NULL"
)
# The refreshed events whose stored rows are replaced: a Derivation's events are new, so
# nothing of theirs is stored yet (deleting 100,000 rows that are not there takes 0.3 s).
STORED = "SELECT id FROM temp.refreshing WHERE NOT held"


def _state_rows(
    derived: Iterable[tuple[EventInputs, EventState]],
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    events, flows = [], []
    for inputs, state in derived:
        events.append(event_state_row(inputs, state))
        flows.extend(flow_state_rows(state))
    return events, flows


def _refresh_search(conn: sqlite3.Connection) -> None:
    """Replace the search rows of the events being refreshed, those not held by a
    Derivation from the tables. In ascending rowid order: FTS5 flushes its pending terms
    whenever a rowid goes down, which makes an unordered bulk insert several times slower."""
    conn.execute(
        f"DELETE FROM event_search WHERE rowid IN (SELECT rowid FROM events WHERE id IN ({STORED}))"
    )
    conn.execute(SEARCH_TEXT_SQL.format(where=f"WHERE r.event_id IN ({STORED})"))


def _insert_search_texts(conn: sqlite3.Connection, texts: dict[str, str]) -> None:
    """The search rows of the events a Derivation held, from the texts it made: for an
    import's 100,000 new events, 0.7 s instead of 1.7 s for SEARCH_TEXT_SQL, which visits
    300,000 reports in event order, and their sources."""
    if not texts:
        return
    held = conn.execute(
        "SELECT e.rowid, e.id FROM temp.refreshing t JOIN events e ON e.id = t.id"
        " WHERE t.held ORDER BY e.rowid"
    )
    conn.executemany(
        "INSERT INTO event_search (rowid, event_id, text) VALUES (?, ?, ?)",
        [(rowid, event_id, texts[event_id]) for rowid, event_id in held],
    )


def rebuild(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM event_state")
    conn.execute("DELETE FROM flow_state")
    conn.execute("DELETE FROM event_search")
    conn.execute("DELETE FROM exchange_days")
    refresh(conn, [row[0] for row in conn.execute("SELECT id FROM events")])
