"""What the review pane reads: the queue, an event's decisions, and where a number
comes from. Everything comes from the derived state kept by each write."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.records import FieldKey, FlowKey
from .derived import decision_from_row, field_key
from .ledger import Ledger

CATEGORY_WORDS = {"pows": "POWs", "bodies": "bodies", "civilians": "civilians", "other": "others"}


@dataclass(frozen=True)
class QueueEntry:
    event_id: str
    status: str
    date: str
    n_disputes: int
    largest: str  # the largest disagreement, in words: "207 vs 195 POWs"
    spread: float  # (high − low) / high of the most disputed count; 0 without counts
    reversed: bool
    order: tuple[str, int] = ("", 0)  # charting day and write order: the queue's date order


def dispute_field(dispute: dict) -> FieldKey:
    return field_key(
        dispute["field"], dispute["from_party"], dispute["to_party"], dispute["category"]
    )


def describe_dispute(dispute: dict) -> tuple[str, float]:
    """The disagreement in words, and the relative spread of a count."""
    values = list(dispute["values"].values())
    if dispute["field"] == "count":
        counts = sorted({int(value) for value in values}, reverse=True)
        high, low = counts[0], counts[-1]
        word = CATEGORY_WORDS.get(dispute["category"], dispute["category"])
        text = f"{high:,} vs {low:,} {word} {dispute['from_party']}→{dispute['to_party']}"
        return text, (high - low) / high if high else 0.0
    distinct = sorted(set(values))
    return " vs ".join(distinct[:3]) + (" …" if len(distinct) > 3 else ""), 0.0


def review_queue(
    ledger: Ledger, sort: str = "date", event_ids: Iterable[str] | None = None
) -> list[QueueEntry]:
    """Events in conflict or reopened, and events with a possible reversed direction;
    with `event_ids`, only those of these events that belong in the queue."""
    where = "(status IN ('conflict', 'reopened') OR reversed != '[]')"
    params: list[str] = []
    if event_ids is not None:
        params = sorted(set(event_ids))
        where += f" AND event_id IN ({','.join('?' * len(params))})"
    # No ORDER BY: SQLite would walk the whole date index for it (0.2 s at 100,000
    # events); sort_queue orders the few thousand entries instead.
    rows = ledger.conn.execute(
        "SELECT event_id, status, date, disputes, reversed, chart_day, first_seq"
        f" FROM event_state WHERE {where}",
        params,
    )
    queue = []
    for event_id, status, date, disputes_json, reversed_json, day, seq in rows:
        disputes = json.loads(disputes_json)
        described = [describe_dispute(dispute) for dispute in disputes]
        largest, spread = max(described, key=lambda item: item[1], default=("", 0.0))
        if described and not largest:
            largest = described[0][0]
        reversed_flows = json.loads(reversed_json) if reversed_json != "[]" else []
        if not disputes and reversed_flows:
            largest = "possible reversed direction"
        queue.append(
            QueueEntry(
                event_id,
                status,
                date or "",
                len(disputes),
                largest,
                spread,
                bool(reversed_flows),
                (day or "", seq),
            )
        )
    return sort_queue(queue, sort)


def sort_queue(queue: list[QueueEntry], sort: str) -> list[QueueEntry]:
    if sort == "spread":
        return sorted(queue, key=lambda entry: (-entry.spread, entry.order))
    return sorted(queue, key=lambda entry: entry.order)


def decision_history(ledger: Ledger, event_id: str) -> list[dict]:
    """Every decision on the event in the order it was written, with the value in force
    on that field before it (old → new)."""
    rows = list(
        ledger.db.query("SELECT * FROM resolutions WHERE event_id = ? ORDER BY seq", [event_id])
    )
    last: dict[FieldKey, str] = {}
    history = []
    for row in rows:
        decision = decision_from_row(row)
        history.append(
            {
                **row,
                "label": decision.field.label(),
                "old": last.get(decision.field, ""),
                "withdrawn": decision.withdrawn,
            }
        )
        if not decision.withdrawn:
            last[decision.field] = decision.value
    return history


def provenance(ledger: Ledger, event_id: str, flow: FlowKey) -> dict:
    """Which reports and which decision make a flow's best, low and high."""
    state = ledger.conn.execute(
        "SELECT best, low, high, n_reports, resolution_id FROM flow_state"
        " WHERE event_id = ? AND from_party = ? AND to_party = ? AND category = ?",
        (event_id, flow.from_party, flow.to_party, flow.category),
    ).fetchone()
    reports = list(
        ledger.db.query(
            "SELECT r.id AS report_id, s.name AS source, s.reliability, r.credibility,"
            " f.count, f.qualifier FROM flows f JOIN reports r ON r.id = f.report_id"
            " JOIN sources s ON s.id = r.source_id"
            " WHERE r.event_id = ? AND f.from_party = ? AND f.to_party = ? AND f.category = ?"
            " ORDER BY r.seq",
            [event_id, flow.from_party, flow.to_party, flow.category],
        )
    )
    decision = None
    if state and state[4]:
        decision = next(ledger.db.query("SELECT * FROM resolutions WHERE id = ?", [state[4]]))
    best, low, high, n_reports = state[:4] if state else (None, None, None, 0)
    return {
        "best": best,
        "low": low,
        "high": high,
        "n_reports": n_reports,
        "reports": reports,
        "decision": decision,
    }
