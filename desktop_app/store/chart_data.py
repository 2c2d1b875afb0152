"""The reads behind the chart, and the parties' colours (data, kept in the file).

The exchange flows summed per charting day are kept by every write (`exchange_days`).
`ChartData` reads them once, then after each write reads again only the days of the
events that write touched: the days they left (the write tells) and their new ones.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain.palette import party_palette
from ..domain.series import (
    AgreementFlow,
    DayDeltas,
    DeltaRow,
    Markers,
    OpenEvent,
    day_number,
    day_numbers,
    iso_day,
    markers,
)
from .colors import stored_colors
from .database import chunks, placeholders
from .ledger import Ledger

OPEN_STATUSES = ("conflict", "reopened")

_DELTAS_SQL = (
    "SELECT chart_day, category, from_party, to_party, best, low, high FROM exchange_days{where}"
)


class ChartData:
    """The exchange flows summed per day, the open events and the agreement targets of a
    ledger, kept up to date by `update(event_ids)` after each write."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._open: dict[str, OpenEvent] = {}
        self._agreements: dict[str, list[AgreementFlow]] = {}
        self._deltas = DayDeltas.from_rows(())
        self._markers: dict[str | None, Markers] = {}
        self.open_version = 0  # changes whenever the set of open events does
        self.reload()

    @property
    def conn(self) -> sqlite3.Connection:
        return self.ledger.conn

    # ---- loading ------------------------------------------------------------------

    def reload(self) -> None:
        """Read everything again (after an import, a merge, or on opening)."""
        self._deltas = DayDeltas.from_rows(self.conn.execute(_DELTAS_SQL.format(where="")))
        self._open = {}
        self._agreements = {}
        # The open events and the agreements, each table read once (not by id lists).
        where = f"es.status IN {OPEN_STATUSES} OR es.type = 'agreement'"
        events = self.conn.execute(
            f"SELECT event_id, type, status, date, chart_day FROM event_state es WHERE {where}"
        )
        flows = self.conn.execute(
            "SELECT fs.event_id, fs.category, fs.from_party, fs.to_party, fs.best, fs.low,"
            " fs.high FROM event_state es JOIN flow_state fs ON fs.event_id = es.event_id"
            f" WHERE {where} ORDER BY fs.event_id, fs.category, fs.from_party, fs.to_party"
        )
        self._take_events(list(events), flows)
        self._open_changed()

    def update(self, event_ids: Iterable[str], days_left: Iterable[str] | None) -> None:
        """Bring the sums up to date after a write that touched these events, which had
        the charting days `days_left` before it (None: not known, every day is read)."""
        ids = sorted(set(event_ids))
        if not ids:
            return
        was_open = {event_id: self._open.pop(event_id, None) for event_id in ids}
        for event_id in ids:
            self._agreements.pop(event_id, None)
        days = self._read_events(ids)
        if any(was_open[event_id] != self._open.get(event_id) for event_id in ids):
            self._open_changed()
        if days_left is None:
            self._deltas = DayDeltas.from_rows(self.conn.execute(_DELTAS_SQL.format(where="")))
            return
        days.update(days_left)
        days.discard("")
        if not days:
            return
        sorted_days = sorted(days)
        rows: list[DeltaRow] = []
        for chunk in chunks(sorted_days):
            sql = _DELTAS_SQL.format(where=f" WHERE chart_day IN ({placeholders(chunk)})")
            rows.extend(self.conn.execute(sql, chunk))
        self._deltas = self._deltas.replace_days(
            day_numbers(sorted_days), DayDeltas.from_rows(rows)
        )

    def _read_events(self, ids: Sequence[str]) -> set[str]:
        """Read the state of these events into the caches; their exchange days."""
        events = [
            row
            for chunk in chunks(ids)
            for row in self.conn.execute(
                "SELECT event_id, type, status, date, chart_day FROM event_state"
                f" WHERE event_id IN ({placeholders(chunk)})",
                chunk,
            )
        ]
        wanted_ids = sorted(
            event_id
            for event_id, event_type, status, _, day in events
            if day is not None and (status in OPEN_STATUSES or event_type == "agreement")
        )
        flows = (
            row
            for chunk in chunks(wanted_ids)
            for row in self.conn.execute(
                "SELECT event_id, category, from_party, to_party, best, low, high"
                f" FROM flow_state WHERE event_id IN ({placeholders(chunk)})"
                " ORDER BY event_id, category, from_party, to_party",
                chunk,
            )
        )
        return self._take_events(events, flows)

    def _take_events(
        self, events: list[tuple[Any, ...]], flow_rows: Iterable[tuple[Any, ...]]
    ) -> set[str]:
        """Put these events' state and flows into the caches; return their exchange days."""
        days: set[str] = set()
        wanted: dict[str, tuple[str, str, str | None, str]] = {}
        for event_id, event_type, status, date, day in events:
            if day is None:
                continue
            if event_type == "exchange":
                days.add(day)
            if status in OPEN_STATUSES or event_type == "agreement":
                wanted[event_id] = (event_type, status, date, day)
        flows: dict[str, list[tuple[str, str, str, int, int, int]]] = {}
        for event_id, *flow in flow_rows:
            flows.setdefault(event_id, []).append(tuple(flow))
        for event_id, (event_type, status, date, day) in wanted.items():
            number = day_number(day)
            event_flows = flows.get(event_id, [])
            if status in OPEN_STATUSES:
                self._open[event_id] = OpenEvent(
                    event_id,
                    event_type,
                    status,
                    number,
                    tuple((category, source, to) for category, source, to, *_ in event_flows),
                )
            if event_type == "agreement":
                self._agreements[event_id] = [
                    AgreementFlow(event_id, date or day, number, *flow) for flow in event_flows
                ]
        return days

    # ---- what the chart draws -----------------------------------------------------

    def deltas(self) -> DayDeltas:
        """The flows of exchange events summed per (day, category, from, to)."""
        return self._deltas

    def _open_changed(self) -> None:
        self.open_version += 1
        self._markers = {}

    def open_markers(self, category: str | None = None) -> Markers:
        """The markers of the open events shown for a category (kept until they change)."""
        if category not in self._markers:
            self._markers[category] = markers(self._open.values(), category)
        return self._markers[category]

    def agreement_flows(self) -> list[AgreementFlow]:
        return [
            flow for event_id in sorted(self._agreements) for flow in self._agreements[event_id]
        ]

    def last_day(self, category: str | None = None) -> str | None:
        """The latest charting day of an exchange (with a flow of the category, if
        given): the date of the data."""
        deltas = self._deltas
        days = deltas.day if category is None else deltas.day[deltas.category == category]
        return iso_day(days.max()) if len(days) else None


# ---- what hover and selection show --------------------------------------------------


@dataclass(frozen=True)
class DayEvent:
    """An exchange on a charting day, with its flows and the sources that report it."""

    event_id: str
    status: str
    date: str
    flows: tuple[tuple[str, str, str, int, int, int], ...]  # category, from, to, b, l, h
    sources: tuple[str, ...]
    event_type: str = "exchange"
    location: str = ""
    n_reports: int = 0
    n_with_evidence: int = 0  # of those reports, how many have an evidence file
    reversed: bool = False  # a possible reversed direction stands: two lows are 0


def day_event_ids(
    ledger: Ledger, day: str, category: str | None = None, party: str | None = None
) -> list[str]:
    """Every exchange event charted on `day` with a flow of the category (to or from the
    party, if given), in write order: all of them, however many (every year-only date
    is charted on 1 January)."""
    conditions = ""
    params: list[object] = [day]
    if category is not None:
        conditions += " AND fs.category = ?"
        params.append(category)
    if party is not None:
        conditions += " AND (fs.from_party = ? OR fs.to_party = ?)"
        params += [party, party]
    return [
        event_id
        for (event_id,) in ledger.conn.execute(
            "SELECT es.event_id FROM event_state es"
            " WHERE es.chart_day = ? AND es.type = 'exchange' AND EXISTS ("
            f"SELECT 1 FROM flow_state fs WHERE fs.event_id = es.event_id{conditions})"
            " ORDER BY es.first_seq, es.event_id",
            params,
        )
    ]


def day_events(ledger: Ledger, ids: Sequence[str], category: str | None = None) -> list[DayEvent]:
    """The events `ids` (of one charting day) as the hover shows them, in that order: their
    flows of the category, their sources, how many of their reports have evidence."""
    if not ids:
        return []
    ids = list(ids)
    rows = {
        row[0]: row
        for row in ledger.conn.execute(
            "SELECT event_id, status, date, location, reversed, chart_day"
            f" FROM event_state WHERE event_id IN ({placeholders(ids)})",
            ids,
        )
    }
    flows: dict[str, list[tuple[str, str, str, int, int, int]]] = {}
    for event_id, *flow in ledger.conn.execute(
        "SELECT event_id, category, from_party, to_party, best, low, high FROM flow_state"
        f" WHERE event_id IN ({placeholders(ids)}) ORDER BY category, from_party, to_party",
        ids,
    ):
        if category is None or flow[0] == category:
            flows.setdefault(event_id, []).append(tuple(flow))
    sources: dict[str, list[str]] = {}
    for event_id, name in ledger.conn.execute(
        "SELECT r.event_id, s.name FROM reports r JOIN sources s ON s.id = r.source_id"
        f" WHERE r.event_id IN ({placeholders(ids)}) ORDER BY r.seq",
        ids,
    ):
        names = sources.setdefault(event_id, [])
        if name not in names:
            names.append(name)
    backed = {
        event_id: (n_reports, n_with_evidence)
        for event_id, n_reports, n_with_evidence in ledger.conn.execute(
            "SELECT r.event_id, COUNT(*), SUM(EXISTS (SELECT 1 FROM report_evidence l"
            " WHERE l.report_id = r.id)) FROM reports r"
            f" WHERE r.event_id IN ({placeholders(ids)}) GROUP BY r.event_id",
            ids,
        )
    }
    return [
        DayEvent(
            event_id,
            status,
            date or day or "",
            tuple(flows.get(event_id, ())),
            tuple(sources.get(event_id, ())),
            "exchange",
            location or "",
            *backed.get(event_id, (0, 0)),
            _doubted_in(doubted, category),
        )
        for event_id in ids
        if event_id in rows
        for _, status, date, location, doubted, day in [rows[event_id]]
    ]


def _doubted_in(reversed_json: str, category: str | None) -> bool:
    """A possible reversed direction stands on a flow of the category shown (any, for all
    categories): a doubt on the bodies was told beside a certain count of prisoners."""
    if reversed_json == "[]":
        return False
    return any(category is None or doubt[2] == category for doubt in json.loads(reversed_json))


def events_on_day(
    ledger: Ledger,
    day: str,
    category: str | None = None,
    party: str | None = None,
    limit: int = 50,
) -> list[DayEvent]:
    """The first `limit` exchange events charted on `day` (as `day_event_ids`), as the
    hover shows them."""
    return day_events(ledger, day_event_ids(ledger, day, category, party)[:limit], category)


@dataclass(frozen=True)
class EventSummary:
    """An event as a marker's hover shows it: status, date, disputed fields, sources."""

    event_id: str
    event_type: str
    status: str
    date: str
    disputes: tuple[tuple[str, tuple[str, ...]], ...]  # (field label, distinct values)
    sources: tuple[str, ...]
    location: str = ""
    flows: tuple[tuple[str, str, str, int, int, int], ...] = ()  # category, from, to, b, l, h


def event_summary(ledger: Ledger, event_id: str) -> EventSummary | None:
    row = ledger.conn.execute(
        "SELECT type, status, date, disputes, location FROM event_state WHERE event_id = ?",
        (event_id,),
    ).fetchone()
    if row is None:
        return None
    event_type, status, date, disputes_json, location = row
    disputes = []
    for dispute in json.loads(disputes_json):
        label = dispute["field"]
        values = sorted(set(dispute["values"].values()))
        if label == "count":
            label = f"{dispute['category']} {dispute['from_party']}→{dispute['to_party']}"
            values = [f"{count:,}" for count in sorted(int(value) for value in values)]
        disputes.append((label, tuple(values)))
    sources = tuple(
        dict.fromkeys(
            name
            for (name,) in ledger.conn.execute(
                "SELECT s.name FROM reports r JOIN sources s ON s.id = r.source_id"
                " WHERE r.event_id = ? ORDER BY r.seq",
                (event_id,),
            )
        )
    )
    flows = tuple(
        ledger.conn.execute(
            "SELECT category, from_party, to_party, best, low, high FROM flow_state"
            " WHERE event_id = ? ORDER BY category, from_party, to_party",
            (event_id,),
        )
    )
    return EventSummary(
        event_id, event_type, status, date or "", tuple(disputes), sources, location or "", flows
    )


def event_day(ledger: Ledger, event_id: str) -> str | None:
    """The charting day of an event (None if it has none or does not exist)."""
    row = ledger.conn.execute(
        "SELECT chart_day FROM event_state WHERE event_id = ?", (event_id,)
    ).fetchone()
    return row[0] if row else None


# ---- the parties' colours -----------------------------------------------------------


def party_colors(ledger: Ledger) -> dict[str, str | None]:
    """Each party's stored colour (None until one is assigned), in order of appearance."""
    return stored_colors(ledger.conn)


def chart_colors(ledger: Ledger) -> dict[str, str]:
    """The colour to draw each party in. Every write stores new parties' colours
    (`colors.color_new_parties`); a file written before that, or open read-only, gets the
    same colours computed here, without writing: the chart only reads."""
    return party_palette(stored_colors(ledger.conn))
