"""Reads about single events: their reports in full, and events that look like a new one."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from operator import itemgetter
from typing import Any

from ..domain import naming
from ..domain.dates import parse_claimed_date
from ..domain.records import FlowKey, location_key
from .ledger import Ledger

NEAR_DAYS = 3


def event_reports(ledger: Ledger, event_id: str) -> list[dict[str, Any]]:
    """The reports of an event in write order, each with its source and its flows."""
    reports = list(
        ledger.db.query(
            "SELECT r.*, s.name AS source_name, s.kind AS source_kind, s.party AS source_party,"
            " s.reliability AS reliability FROM reports r JOIN sources s ON s.id = r.source_id"
            " WHERE r.event_id = ? ORDER BY r.seq",
            [event_id],
        )
    )
    for report in reports:
        report["flows"] = list(
            ledger.db.query(
                "SELECT category, from_party, to_party, count, qualifier FROM flows"
                " WHERE report_id = ? ORDER BY position",
                [report["id"]],
            )
        )
    return reports


def event_summary(ledger: Ledger, event_id: str) -> dict[str, Any] | None:
    """The event's derived state; `reversed` is whether a possible reversed direction
    stands (the JSON behind it stays in the store)."""
    rows = list(ledger.db.query("SELECT * FROM event_state WHERE event_id = ?", [event_id]))
    if not rows:
        return None
    summary = rows[0]
    summary["reversed"] = summary["reversed"] != "[]"
    return summary


def event_title(
    ledger: Ledger,
    event_id: str,
    words: naming.Words = naming.ENGLISH,
    *,
    with_flow: bool = True,
) -> str:
    """An event named for people as every pane names it (`domain.naming.event_title`):
    its date, type, place and main flow, never its id (ids the program makes are UUIDs).
    Without its flow where the text names a flow already (a decision on one)."""
    row = ledger.conn.execute(
        "SELECT date, type, location FROM event_state WHERE event_id = ?", (event_id,)
    ).fetchone()
    if row is None:
        return event_id
    flows = (
        ledger.conn.execute(
            "SELECT category, from_party, to_party, best, low, high FROM flow_state"
            " WHERE event_id = ? ORDER BY category, from_party, to_party",
            (event_id,),
        ).fetchall()
        if with_flow
        else []
    )
    day, event_type, location = row
    return naming.event_title(day, event_type, location, flows, words)


def similar_events(
    ledger: Ledger,
    event_type: str,
    claimed_date: str,
    flows: Iterable[FlowKey],
    location: str = "",
) -> list[dict[str, Any]]:
    """Events that look like the one about to be created: same type, date periods within
    three days of each other, and a flow with the same from, to and category; the closest
    first (the fewest days apart, then the same `location`, compared as PRODUCT.md
    compares locations), which the prompt offers first: at 100,000 events it listed 228
    oldest first, and the first same-day event stood 96th."""
    keys = {
        (
            ledger.find_party(f.from_party) or f.from_party,
            ledger.find_party(f.to_party) or f.to_party,
            f.category,
        )
        for f in flows
    }
    if not keys:
        return []
    period = parse_claimed_date(claimed_date)
    near_start = (period.first - timedelta(days=NEAR_DAYS)).isoformat()
    near_end = (period.last + timedelta(days=NEAR_DAYS)).isoformat()
    # A month or a year claimed by another event starts up to a year before its end.
    vague_start = (period.first - timedelta(days=366 + NEAR_DAYS)).isoformat()
    flow_marks = ",".join("(?, ?, ?)" for _ in keys)
    flow_values = [value for key in sorted(keys) for value in key]
    candidates = ledger.db.query(
        "SELECT es.event_id, es.date, es.location, es.flows_text, es.n_reports, es.status,"
        " (SELECT group_concat(name, '; ') FROM (SELECT DISTINCT s.name FROM reports r"
        "   JOIN sources s ON s.id = r.source_id WHERE r.event_id = es.event_id)) AS sources"
        " FROM event_state es"
        " WHERE +es.type = ? AND (es.chart_day BETWEEN ? AND ?"
        "   OR (es.chart_day BETWEEN ? AND ? AND length(es.date) < 10))"
        " AND EXISTS (SELECT 1 FROM flow_state fs WHERE fs.event_id = es.event_id"
        f"   AND (fs.from_party, fs.to_party, fs.category) IN (VALUES {flow_marks}))"
        " ORDER BY es.chart_day",
        [event_type, near_start, near_end, vague_start, near_end, *flow_values],
    )
    place = location_key(location)
    similar = []
    for candidate in candidates:
        other = parse_claimed_date(candidate["date"])
        apart = max(0, (other.first - period.last).days, (period.first - other.last).days)
        if apart <= NEAR_DAYS:
            elsewhere = not place or location_key(candidate["location"]) != place
            similar.append(((apart, elsewhere), candidate))
    similar.sort(key=itemgetter(0))  # stable: by date within each
    return [candidate for _closeness, candidate in similar]
