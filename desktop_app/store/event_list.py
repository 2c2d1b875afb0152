"""The events list as the table shows it: filtered and sorted in SQL, read a page at a time.

Nothing here loads the whole list: the table asks for the row count, then for the pages
it paints; a free-text filter goes through the FTS5 index.
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain.dates import parse_claimed_date
from .ledger import Ledger

# Column name → SQL sort expression (event_id breaks ties, so the order is total).
SORT_KEYS = {
    "date": "es.chart_day",
    "type": "es.type",
    "location": "es.location COLLATE NOCASE",
    "flows": "es.total_best",
    "reports": "es.n_reports",
    "status": "es.status",
}


@dataclass(slots=True)
class EventRow:
    """One event as a row of the table shows it (not frozen: a frozen dataclass takes
    four times as long to make, and the table reads a page of them per scroll)."""

    event_id: str
    date: str  # the event's date as claimed or decided (a day, a month or a year)
    chart_day: str  # the day it is charted on, YYYY-MM-DD
    event_type: str
    location: str
    flows_text: str  # "bodies Russia→Ukraine 1,212; …", ranges where unsure
    n_reports: int
    status: str
    reversed: bool  # a possible reversed direction stands


# The columns of event_state behind each field of EventRow, in its order.
ROW_EXPRESSIONS = (
    "es.event_id",
    "es.date",
    "es.chart_day",
    "es.type",
    "es.location",
    "es.flows_text",
    "es.n_reports",
    "es.status",
    "es.reversed != '[]'",
)


# Not a status: in a filter's statuses, the events with a standing possible reversed
# direction, whatever their status.
WARNING = "warning"


@dataclass(frozen=True)
class EventFilter:
    types: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    category: str = ""
    date_from: str = ""  # a claimed date: the filter takes the start of its period
    date_to: str = ""  # a claimed date: the filter takes the end of its period
    text: str = ""

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.types:
            clauses.append(f"es.type IN ({','.join('?' * len(self.types))})")
            params.extend(sorted(self.types))
        statuses = sorted(self.statuses - {WARNING})
        if statuses or WARNING in self.statuses:
            clause = f"es.status IN ({','.join('?' * len(statuses))})"
            if WARNING in self.statuses:
                clause = f"({clause} OR es.reversed != '[]')"
            clauses.append(clause)
            params.extend(statuses)
        if self.category:
            clauses.append(
                "EXISTS (SELECT 1 FROM flow_state fs"
                " WHERE fs.event_id = es.event_id AND fs.category = ?)"
            )
            params.append(self.category)
        if self.date_from:
            clauses.append("es.chart_day >= ?")
            params.append(parse_claimed_date(self.date_from).first.isoformat())
        if self.date_to:
            clauses.append("es.chart_day <= ?")
            params.append(parse_claimed_date(self.date_to).last.isoformat())
        query = fts_query(self.text)
        if query:
            clauses.append(
                "es.event_id IN (SELECT event_id FROM event_search WHERE event_search MATCH ?)"
            )
            params.append(query)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


# A word as the search index's tokenizer (unicode61, Unicode 6.1's tables) cuts one: letters
# and digits. Not `_`, which Python's \w keeps, nor the 21 letters that were marks in
# Unicode 6.1 (Tai Lue vowel signs, two Vedic signs): a word holding one is two tokens
# to the index, a phrase, which an index without positions (detail = none) refuses with
# an error where "rybar_ru" should find what "rybar ru" finds.
_SEARCH_WORD = re.compile("[^\\W_\u19b0-\u19c0\u19c8\u19c9\u1cf2\u1cf3]+")


def fts_query(text: str) -> str:
    """A person's search words as an FTS5 query: every word must occur, as a prefix."""
    return " ".join(f'"{word}"*' for word in _SEARCH_WORD.findall(text))


# Rows of a filtered view read by OFFSET; past them, by the view's order kept in memory.
ORDER_KEPT_FROM = 400


class EventList:
    """One filtered, sorted view of the events; rows by position, a page at a time.

    An unfiltered view reads any page through the index of its sort key (OFFSET skips
    index entries). A filtered one cannot: its deep pages walked the index and looked up
    each event to test the filter, 150-300 ms a page at 100,000 events, at every jump
    of the scroll bar. Past its first rows it keeps the view's order (the events' rowids,
    8 bytes each) until the file or the view changes, and reads a page by those rowids.
    """

    def __init__(
        self,
        ledger: Ledger,
        event_filter: EventFilter | None = None,
        sort_key: str = "date",
        descending: bool = False,
    ) -> None:
        self.ledger = ledger
        self.filter = event_filter or EventFilter()
        self.sort_key = sort_key
        self.descending = descending
        self._order_of: tuple[Any, ...] | None = None  # what `_order_kept` is the order of
        self._order_kept = array("q")

    def _order(self, *, unindexed: bool = False) -> str:
        """ORDER BY's terms; `unindexed`: each behind a `+`, which keeps SQLite from
        walking an index in that order."""
        direction = "DESC" if self.descending else "ASC"
        plus = "+" if unindexed else ""
        return f"{plus}{SORT_KEYS[self.sort_key]} {direction}, {plus}es.first_seq {direction}"

    def count(self) -> int:
        where, params = self.filter.where()
        sql = f"SELECT COUNT(*) FROM event_state es{where}"
        return int(self.ledger.conn.execute(sql, params).fetchone()[0])

    def page_query(self, offset: int, limit: int) -> tuple[str, list[Any]]:
        """The statement that reads a page, and its parameters. Every sort key has an
        index ending with first_seq (schema version 12), so that OFFSET skips index
        entries rather than sorting every event for each page."""
        where, params = self.filter.where()
        sql = (
            f"SELECT {', '.join(ROW_EXPRESSIONS)}"
            f" FROM event_state es{where} ORDER BY {self._order()} LIMIT ? OFFSET ?"
        )
        return sql, [*params, limit, offset]

    def page(self, offset: int, limit: int) -> list[EventRow]:
        where, params = self.filter.where()
        if where and offset + limit > ORDER_KEPT_FROM:
            return self._page_by_rowid(self._rowids(where, params)[offset : offset + limit])
        return _rows(self.ledger.conn.execute(*self.page_query(offset, limit)))

    def _rowids(self, where: str, params: list[Any]) -> array[int]:
        """The filtered view's events in its order, as rowids: read again once the file
        changed (a write here, or another program's commit) or the view did."""
        conn = self.ledger.conn
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        key = (self.filter, self.sort_key, self.descending, conn.total_changes, version)
        if key != self._order_of:
            # One pass over the table and one sort (60-95 ms at 100,000 events): through
            # an index of the filter or the sort, each event is looked up alone (150-320).
            sql = (
                f"SELECT es.rowid FROM event_state es NOT INDEXED{where}"
                f" ORDER BY {self._order(unindexed=True)}"
            )
            self._order_kept = array("q", (rowid for (rowid,) in conn.execute(sql, params)))
            self._order_of = key
        return self._order_kept

    def _page_by_rowid(self, rowids: array[int]) -> list[EventRow]:
        if not rowids:
            return []
        sql = (
            f"SELECT es.rowid, {', '.join(ROW_EXPRESSIONS)} FROM event_state es"
            " WHERE es.rowid IN (SELECT value FROM json_each(?))"
        )
        found = {
            row[0]: row[1:] for row in self.ledger.conn.execute(sql, [json.dumps(list(rowids))])
        }
        return _rows(found[rowid] for rowid in rowids if rowid in found)

    def shows(self, event_id: str) -> bool:
        """Whether the event is in this view (it exists, and the filter keeps it)."""
        return self._sort_values(event_id, *self._view()) is not None

    def _view(self) -> tuple[str, list[Any], str]:
        """The filter's WHERE (ready for one more condition), its parameters, the sort key."""
        where, params = self.filter.where()
        return f"{where} AND" if where else " WHERE", list(params), SORT_KEYS[self.sort_key]

    def _sort_values(
        self, event_id: str, where: str, params: list[Any], key: str
    ) -> tuple[Any, ...] | None:
        found = self.ledger.conn.execute(
            f"SELECT {key}, es.first_seq FROM event_state es{where} es.event_id = ?",
            [*params, event_id],
        ).fetchone()
        return None if found is None else tuple(found)

    def position(self, event_id: str) -> int | None:
        """The row of an event in this view, or None if the filter hides it: the number
        of rows that sort before it, counted along the sort key."""
        where, params, key = self._view()
        found = self._sort_values(event_id, where, params, key)
        if found is None:
            return None
        before = ">" if self.descending else "<"
        sql = f"SELECT COUNT(*) FROM event_state es{where} ({key}, es.first_seq) {before} (?, ?)"
        return int(self.ledger.conn.execute(sql, [*params, *found]).fetchone()[0])


def _rows(records: Iterable[Sequence[Any]]) -> list[EventRow]:
    return [
        EventRow(event_id, date, day, kind, location, flows, n_reports, status, bool(warned))
        for event_id, date, day, kind, location, flows, n_reports, status, warned in records
    ]
