"""What the review pane reads: the queue, an event's decisions, and where a number
comes from. Everything comes from the derived state kept by each write."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from ..domain.records import FieldKey, FlowKey, Report
from ..domain.rules import decisions_in_force
from .database import placeholders
from .derived import decision_from_row, field_key, load_inputs
from .events import event_reports
from .ledger import Ledger
from .queries import TO_REVIEW, decision_states

CATEGORY_WORDS = {"pows": "POWs", "bodies": "bodies", "civilians": "civilians", "other": "others"}


@dataclass
class QueueEntry:
    """An event in the review queue. Its disputes are read when first asked for: a queue
    of thousands is listed at once, but only the rows on screen are described. Not frozen:
    a frozen dataclass sets each field through object.__setattr__, and made the queue of
    8,500 events cost 30% more instructions to list."""

    event_id: str
    status: str
    date: str
    disputes_json: str
    reversed: bool
    order: tuple[str, int] = ("", 0)  # charting day and write order: the queue's date order

    @property
    def disputed(self) -> bool:
        return self.disputes_json != "[]"

    @cached_property
    def disputes(self) -> list[dict[str, Any]]:
        disputes: list[dict[str, Any]] = json.loads(self.disputes_json)
        return disputes

    @property
    def n_disputes(self) -> int:
        return len(self.disputes)

    @cached_property
    def _largest(self) -> tuple[str, float]:
        described = [describe_dispute(dispute) for dispute in self.disputes]
        largest, spread = max(described, key=lambda item: item[1], default=("", 0.0))
        if described and not largest:
            largest = described[0][0]
        if not described and self.reversed:
            largest = "possible reversed direction"
        return largest, spread

    @property
    def largest(self) -> str:
        """The largest disagreement, in words: "207 vs 195 POWs Russia→Ukraine"."""
        return self._largest[0]

    @property
    def spread(self) -> float:
        """(high − low) / high of the most disputed count; 0 without counts."""
        return self._largest[1]


def describe_dispute(dispute: dict[str, Any]) -> tuple[str, float]:
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
    where = TO_REVIEW
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
    queue = [
        QueueEntry(event_id, status, date or "", disputes, reversed_json != "[]", (day or "", seq))
        for event_id, status, date, disputes, reversed_json, day, seq in rows
    ]
    return sort_queue(queue, sort)


def sort_queue(queue: list[QueueEntry], sort: str) -> list[QueueEntry]:
    if sort == "spread":
        return sorted(queue, key=lambda entry: (-entry.spread, entry.order))
    return sorted(queue, key=lambda entry: entry.order)


def decision_history(ledger: Ledger, event_id: str) -> list[dict[str, Any]]:
    """Every decision on the event in the order it was written, with the value in force
    on that field when it was made (old → new) and its `state` now: `in_force`,
    `superseded` or `withdrawn`. "When it was made" is the domain's order (time, then
    write order), not the write order: a merge writes a colleague's older decisions last."""
    rows = list(
        ledger.db.query("SELECT * FROM resolutions WHERE event_id = ? ORDER BY seq", [event_id])
    )
    decisions = [decision_from_row(row) for row in rows]
    states = decision_states(decisions)
    withdrawn_at = {row["id"]: row["withdrawn_at"] for row in rows}
    audited = _audit_order(ledger, list(withdrawn_at))
    history = []
    for row, decision in zip(rows, decisions, strict=True):
        made = (decision.resolved_at, decision.seq)
        made_at = (decision.resolved_at, audited.get((decision.id, "decide"), 0))
        earlier = [
            # one withdrawn after this decision was made was in force when it was
            replace(other, withdrawn=False)
            if other.withdrawn
            and (withdrawn_at[other.id], audited.get((other.id, "withdraw"), 0)) > made_at
            else other
            for other in decisions
            if (other.resolved_at, other.seq) < made
        ]
        then = decisions_in_force(earlier).get(decision.field)
        history.append(
            {
                **row,
                "label": decision.field.label(),
                "old": then.value if then else "",
                "state": states[decision.id],
            }
        )
    return history


def _audit_order(ledger: Ledger, decision_ids: list[str]) -> dict[tuple[str, str], int]:
    """Where each decision's latest "decide" and "withdraw" stand in the audit trail:
    which of two in the same second came first (a merged decision has none here)."""
    if not decision_ids:
        return {}
    return {
        (entity_id, action): number
        for entity_id, action, number in ledger.conn.execute(
            "SELECT entity_id, action, MAX(id) FROM audit WHERE entity = 'resolution'"
            f" AND action IN ('decide', 'withdraw') AND entity_id IN ({placeholders(decision_ids)})"
            " GROUP BY entity_id, action",
            decision_ids,
        )
    }


def provenance(ledger: Ledger, event_id: str, flow: FlowKey) -> dict[str, Any]:
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


# ---- one event, field by field ------------------------------------------------------


@dataclass(frozen=True)
class EventReview:
    """What the review pane shows of one event, with no SQL or JSON left to the pane."""

    event_id: str
    reports: list[
        dict[str, Any]
    ]  # in write order, each with its source and flows (events.event_reports)
    domain_reports: dict[str, Report]  # the same reports as the rules see them, by id
    new_reports: frozenset[str]  # reports that reopened a decision (★ new)
    fields: list[tuple[FieldKey, str]]  # every field in the order F6 visits it, with its state
    candidates: list[FieldKey]  # date, location and every flow's count, in their own order
    in_question: frozenset[FieldKey]  # disputed, reopened or doubtful: highlighted


def fields_to_decide(ledger: Ledger, event_id: str) -> EventReview | None:
    """The event's fields in the order a reviewer takes them: each possible reversed
    direction with its two flows first, then the disputed and reopened fields, then the
    rest; each with its state (warning, open, decided or quiet). None: no such event."""
    row = ledger.conn.execute(
        "SELECT disputes, reopened, reversed FROM event_state WHERE event_id = ?", (event_id,)
    ).fetchone()
    inputs = next(load_inputs(ledger.conn, [event_id]), None)
    if row is None or inputs is None:
        return None
    disputes_json, reopened_json, reversed_json = row
    disputes = {_field_of(d) for d in json.loads(disputes_json)}
    reopened = json.loads(reopened_json)
    reopened_fields = {_field_of(entry) for entry in reopened}
    flows = sorted({flow.key for report in inputs.reports for flow in report.flows})
    candidates = [FieldKey.date(), FieldKey.location(), *(FieldKey.count(f) for f in flows)]
    order: list[FieldKey] = []
    for first in json.loads(reversed_json):  # the warning, then the two flows in doubt
        flow = FlowKey(*first)
        order += [FieldKey.direction(flow), FieldKey.count(flow), FieldKey.count(flow.reversed())]
    doubtful = set(order)
    flagged = disputes | reopened_fields
    order += [field for field in candidates if field in flagged and field not in doubtful]
    order += [field for field in candidates if field not in flagged and field not in doubtful]
    decided = set(decisions_in_force(inputs.decisions)) - reopened_fields
    return EventReview(
        event_id=event_id,
        reports=event_reports(ledger, event_id),
        domain_reports={report.id: report for report in inputs.reports},
        new_reports=frozenset(rid for entry in reopened for rid in entry["report_ids"]),
        fields=[(field, _state(field, flagged | doubtful, decided)) for field in order],
        candidates=candidates,
        in_question=frozenset(flagged | doubtful),
    )


def _field_of(entry: dict[str, Any]) -> FieldKey:
    return field_key(entry["field"], entry["from_party"], entry["to_party"], entry["category"])


def _state(field: FieldKey, flagged: set[FieldKey], decided: set[FieldKey]) -> str:
    if field.field == "direction":
        return "warning"
    if field in flagged:
        return "decided" if field in decided else "open"
    return "quiet"
