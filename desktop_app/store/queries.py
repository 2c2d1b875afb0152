"""Reads over the derived state: the balance, the conflict queue, decisions in force."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..domain import rules
from ..domain.balance import BalanceRow, ExchangedFlow, cumulative_balance
from ..domain.records import Decision, FlowKey, Report
from .derived import decision_from_row, load_inputs
from .ledger import Ledger

OPEN_STATUSES = ("conflict", "reopened")


def exchanged_flows(ledger: Ledger, category: str | None = None) -> Iterator[ExchangedFlow]:
    """The flows of exchange events, summed per day and direction (kept by each write)."""
    sql = "SELECT chart_day, category, from_party, to_party, best, low, high FROM exchange_days" + (
        " WHERE category = ?" if category else ""
    )
    for row in ledger.conn.execute(sql, (category,) if category else ()):
        yield ExchangedFlow(*row)


def balance(ledger: Ledger, category: str | None = None) -> list[BalanceRow]:
    return cumulative_balance(exchanged_flows(ledger, category))


# What the review queue holds: events whose reports disagree on an undecided field or
# reopen a decision, and events with a standing possible reversed direction (a warning).
TO_REVIEW = "(status IN ('conflict', 'reopened') OR reversed != '[]')"
# Read through the partial index event_state_review (schema 12), whose WHERE is TO_REVIEW.
QUEUE_SQL = (
    "SELECT event_id, status, date, disputes, reopened, reversed FROM event_state"
    f" WHERE {TO_REVIEW} ORDER BY chart_day, first_seq"
)


def conflicts(ledger: Ledger) -> list[dict[str, Any]]:
    """Events in conflict or reopened, and events with a standing warning: every field
    their reports disagree on, and each possible reversed direction with its count."""
    rows = list(ledger.conn.execute(QUEUE_SQL))
    doubtful = [event_id for event_id, *_, reversed_json in rows if reversed_json != "[]"]
    reports = {inputs.event_id: inputs.reports for inputs in load_inputs(ledger.conn, doubtful)}
    disputes, reopened, reversed_flows = (
        _json_lists([row[column] for row in rows]) for column in (3, 4, 5)
    )
    return [
        {
            "event_id": event_id,
            "status": status,
            "date": date,
            "disputes": event_disputes,
            "reopened": event_reopened,
            "warnings": [
                _reversed_warning(reports[event_id], FlowKey(*flow)) for flow in event_reversed
            ],
        }
        for (event_id, status, date, *_), event_disputes, event_reopened, event_reversed in zip(
            rows, disputes, reopened, reversed_flows, strict=True
        )
    ]


def _json_lists(texts: list[str]) -> list[list[Any]]:
    """A column of derived JSON lists, decoded in one call: json.loads called once per
    list spends more in its Python wrapper than in the C scanner (8,500 events' disputes:
    60-100 ms one by one, 30-50 ms at once)."""
    lists: list[list[Any]] = json.loads(f"[{','.join(texts)}]")
    return lists


def _reversed_warning(reports: list[Report], first: FlowKey) -> dict[str, Any]:
    return {
        "kind": "reversed_direction",
        "category": first.category,
        "count": rules.reversed_count(reports, first),
        "flows": sorted([[first.from_party, first.to_party], [first.to_party, first.from_party]]),
    }


EVENT_COUNTS_SQL = (
    "SELECT (SELECT COUNT(*) FROM event_state),"
    f" (SELECT COUNT(*) FROM event_state WHERE {TO_REVIEW})"
)


def event_counts(ledger: Ledger) -> tuple[int, int]:
    """How many events the file holds, and how many of them the review queue holds
    (conflicts, reopened, standing warnings), for the status bar. Two counts that SQLite
    answers from indexes, the second from the queue's partial index: one pass over the
    events computing both took 25 ms at 100,000 events, after every change."""
    total, to_review = ledger.conn.execute(EVENT_COUNTS_SQL).fetchone()
    return int(total), int(to_review)


# The decisions of events that still have a report: those an export describes. An event
# whose reports were all deleted keeps its decisions in the ledger (undoing the deletion
# brings them back), but it is in no exported file, and a restore could not take them.
_REPORTED = " WHERE EXISTS (SELECT 1 FROM reports r WHERE r.event_id = resolutions.event_id)"


def decisions(ledger: Ledger, *, reported_only: bool = False) -> list[dict[str, Any]]:
    """Every decision in write order, each with its `state`: `in_force` (the latest on its
    field not withdrawn, by the domain's rule), `superseded` or `withdrawn`.
    `reported_only`: only those on events that have a report (what an export holds)."""
    where = _REPORTED if reported_only else ""
    rows = list(ledger.db.query(f"SELECT * FROM resolutions{where} ORDER BY seq"))
    by_event: dict[str, list[Decision]] = defaultdict(list)
    for row in rows:
        by_event[row["event_id"]].append(decision_from_row(row))
    states = {
        decision_id: state
        for event_decisions in by_event.values()
        for decision_id, state in decision_states(event_decisions).items()
    }
    for row in rows:
        row["state"] = states[row["id"]]
    return rows


def decision_states(decisions: list[Decision]) -> dict[str, str]:
    """Each decision's state, by its id: `in_force` (the latest on its field not
    withdrawn, by the domain's rule), `superseded` or `withdrawn`."""
    in_force = {decision.id for decision in rules.decisions_in_force(decisions).values()}
    return {
        decision.id: "withdrawn"
        if decision.withdrawn
        else "in_force"
        if decision.id in in_force
        else "superseded"
        for decision in decisions
    }


def decisions_in_force(ledger: Ledger) -> list[dict[str, Any]]:
    """The decision in force on each decided value (a dismissal is not a value)."""
    return [
        row
        for row in decisions(ledger)
        if row["state"] == "in_force" and row["field"] in rules.VALUE_FIELDS
    ]


def status_counts(ledger: Ledger) -> dict[str, int]:
    return dict(ledger.conn.execute("SELECT status, COUNT(*) FROM event_state GROUP BY status"))
