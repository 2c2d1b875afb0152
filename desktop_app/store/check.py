"""`check`: schema version, integrity, counts, and the derived state rebuilt and compared."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import checked_files, derived
from .database import migrate
from .ledger import Ledger
from .schema import EXCHANGE_DAYS_COLUMNS, SCHEMA_VERSION, SEARCH_ROWS_SQL
from .values import unreadable_values

COUNTED = ("events", "reports", "flows", "sources", "parties", "resolutions", "audit")


@dataclass
class CheckReport:
    version: int
    integrity: list[str]
    counts: dict[str, int]
    differences: list[str] = field(default_factory=list)
    # Values another program stored that this one cannot read (table, row, column).
    unreadable: list[str] = field(default_factory=list)
    # Tables, views and indexes of the schema that another program dropped.
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.integrity == ["ok"]
            and not self.differences
            and not self.unreadable
            and not self.missing
        )

    def lines(self) -> list[str]:
        lines = [
            f"schema version: {self.version} (this program: {SCHEMA_VERSION})",
            f"integrity_check: {'; '.join(self.integrity)}",
            "counts: " + ", ".join(f"{name} {count}" for name, count in self.counts.items()),
        ]
        if self.missing:
            lines.append(
                f"schema: {len(self.missing)} missing, dropped by another program: "
                + ", ".join(self.missing)
                + " (copy the data into a new ledger: export, then import the folder)"
            )
            lines.append("derived state: not compared while the schema is incomplete")
        elif self.unreadable:
            lines.append(f"stored values this program cannot read: {len(self.unreadable)}")
            lines.extend(f"  {problem}" for problem in self.unreadable)
            lines.append("derived state: not compared until those values are corrected")
        elif self.differences:
            lines.append(f"derived state: {len(self.differences)} differences")
            lines.extend(f"  {difference}" for difference in self.differences[:50])
        else:
            lines.append("derived state: matches the reports and decisions")
        return lines


SCHEMA_OBJECTS = (
    "SELECT type, name FROM sqlite_master"
    " WHERE type IN ('table', 'view', 'index') AND name NOT LIKE 'sqlite%'"
)


def missing_from_schema(conn: sqlite3.Connection) -> list[str]:
    """The tables, views and indexes of a ledger of this version that the file lacks
    (another program dropped them): each command that needs one would fail."""
    fresh = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(fresh, 0)
        expected = set(fresh.execute(SCHEMA_OBJECTS).fetchall())
    finally:
        fresh.close()
    present = set(conn.execute(SCHEMA_OBJECTS).fetchall())
    return [f"{kind} {name}" for kind, name in sorted(expected - present)]


def _stored(
    ledger: Ledger,
) -> tuple[dict[str, tuple[Any, ...]], dict[tuple[Any, ...], tuple[Any, ...]]]:
    events = {
        row[0]: tuple(row)
        for row in ledger.conn.execute(f"SELECT {derived.EVENT_STATE_COLUMNS} FROM event_state")
    }
    flows = {
        tuple(row[:4]): tuple(row)
        for row in ledger.conn.execute(f"SELECT {derived.FLOW_STATE_COLUMNS} FROM flow_state")
    }
    return events, flows


def _rebuilt(
    ledger: Ledger,
) -> tuple[dict[str, tuple[Any, ...]], dict[tuple[Any, ...], tuple[Any, ...]]]:
    events: dict[str, tuple[Any, ...]] = {}
    flows: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    all_ids = [row[0] for row in ledger.conn.execute("SELECT id FROM events")]
    for inputs, state in derived.derive_all(ledger.conn, all_ids):
        events[state.event_id] = derived.event_state_row(inputs, state)
        for row in derived.flow_state_rows(state):
            flows[row[:4]] = row
    return events, flows


def _stored_days(ledger: Ledger) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    return {
        tuple(row[:4]): tuple(row)
        for row in ledger.conn.execute(f"SELECT {EXCHANGE_DAYS_COLUMNS} FROM exchange_days")
    }


def _summed_days(
    events: dict[str, tuple[Any, ...]], flows: dict[tuple[Any, ...], tuple[Any, ...]]
) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """The sums per day and direction that `exchange_days` should hold, from the rebuilt
    state: summed from the stored one, a damaged flow would make a healthy day look
    wrong, and name a sum that is itself wrong."""
    sums: dict[tuple[Any, ...], list[int]] = {}
    for event_id, from_party, to_party, category, best, low, high, *_ in flows.values():
        _id, event_type, _status, _date, chart_day, *_ = events[event_id]
        if event_type != "exchange" or chart_day is None:
            continue
        total = sums.setdefault((chart_day, category, from_party, to_party), [0, 0, 0])
        for i, value in enumerate((best, low, high)):
            total[i] += value
    return {key: (*key, *total) for key, total in sums.items()}


def _search_differences(ledger: Ledger) -> list[str]:
    """The search rows (Ctrl+F) that differ from what the reports say: a row missing
    finds nothing of its event, one another program altered finds the wrong words. The
    pieces of an event's text may stand in any order of its reports (an import puts
    them in id order, SQL in its own): only their characters are compared then."""
    stored = {
        event_id: (rowid, text)
        for rowid, event_id, text in ledger.conn.execute(
            "SELECT rowid, event_id, text FROM event_search"
        )
    }
    rebuilt = {
        event_id: (rowid, text)
        for rowid, event_id, text in ledger.conn.execute(SEARCH_ROWS_SQL.format(where=""))
    }
    differences = []
    for event_id in sorted(set(stored) | set(rebuilt)):
        which = f"search text of event {event_id}"
        if (alone := _one_side(which, event_id, stored, rebuilt)) is not None:
            differences.append(alone)
        elif stored[event_id] != rebuilt[event_id]:
            (rowid, text), (should_rowid, should_text) = stored[event_id], rebuilt[event_id]
            if rowid != should_rowid:
                differences.append(f"{which}: row {rowid}, should be {should_rowid}")
            elif Counter(str(text)) != Counter(str(should_text)):
                differences.append(f"{which} is {_cut(text)}, should be {_cut(should_text)}")
    return differences


def _one_side(which: str, key: Any, stored: dict[Any, Any], rebuilt: dict[Any, Any]) -> str | None:
    """A row on one side only, said; None where both have it."""
    if key not in rebuilt:
        return f"{which}: stored but should not exist"
    if key not in stored:
        return f"{which}: missing"
    return None


def _cut(text: object, length: int = 60) -> str:
    """A long text as a difference names it: its beginning."""
    words = str(text)
    return repr(words if len(words) <= length else words[:length] + "…")


def _compare(kind: str, columns: str, stored: dict[Any, Any], rebuilt: dict[Any, Any]) -> list[str]:
    """A sentence for each row that differs, naming each column that differs with both
    values (`columns`: the rows' columns, "a, b, c")."""
    names = columns.split(", ")
    differences = []
    for key in sorted(set(stored) | set(rebuilt), key=str):
        which = f"{kind} {' / '.join(map(str, key)) if isinstance(key, tuple) else key}"
        if (alone := _one_side(which, key, stored, rebuilt)) is not None:
            differences.append(alone)
        elif stored[key] != rebuilt[key]:
            differing = [
                f"{name} is {old!r}, should be {new!r}"
                for name, old, new in zip(names, stored[key], rebuilt[key], strict=True)
                if old != new
            ]
            differences.append(f"{which}: {'; '.join(differing)}")
    return differences


def check(ledger: Ledger) -> CheckReport:
    """Read everything, write nothing."""
    version = ledger.conn.execute("PRAGMA user_version").fetchone()[0]
    integrity = [row[0] for row in ledger.conn.execute("PRAGMA integrity_check(20)")]
    if integrity != ["ok"]:
        checked_files.forget(ledger.path)  # its next opening reads it whole, and refuses it
    missing = missing_from_schema(ledger.conn) if version == SCHEMA_VERSION else []
    present = {row[0] for row in ledger.conn.execute("SELECT name FROM sqlite_master")}
    counts = {name: ledger.count(name) for name in COUNTED if name in present}
    if missing:
        return CheckReport(version, integrity, counts, missing=missing)
    unreadable = unreadable_values(ledger.conn)
    if unreadable:
        return CheckReport(version, integrity, counts, unreadable=unreadable)
    stored_events, stored_flows = _stored(ledger)
    rebuilt_events, rebuilt_flows = _rebuilt(ledger)
    differences = _compare("event", derived.EVENT_STATE_COLUMNS, stored_events, rebuilt_events)
    differences += _compare("flow", derived.FLOW_STATE_COLUMNS, stored_flows, rebuilt_flows)
    differences += _compare(
        "exchange day",
        EXCHANGE_DAYS_COLUMNS,
        _stored_days(ledger),
        _summed_days(rebuilt_events, rebuilt_flows),
    )
    differences += _search_differences(ledger)
    return CheckReport(version, integrity, counts, differences)


def repair(ledger: Ledger, who: str) -> None:
    """Rebuild the derived state of every event from the reports and decisions."""
    with ledger.write(who):
        ledger.rebuild_derived()
