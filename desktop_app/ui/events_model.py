"""The events table: a Qt model that holds event ids and fetches rows a page at a time."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..store.ledger import Ledger

COLUMNS = ("Date", "Type", "Location", "Flows", "Reports", "Status")
PAGE = 200
STATUS_COLORS = {
    "conflict": QColor("#d55e00"),
    "reopened": QColor("#cc79a7"),
    "resolved": QColor("#009e73"),
    "consistent": QColor("#0072b2"),
    "single": QColor("#555555"),
}

ROWS_SQL = """
SELECT es.event_id, es.date, es.type, es.location, es.n_reports, es.status, es.reversed,
       (SELECT group_concat(fs.category || ' ' || fs.from_party || '→' || fs.to_party || ' '
                            || CASE WHEN fs.low = fs.high THEN fs.best
                                    ELSE fs.best || ' [' || fs.low || '–' || fs.high || ']' END,
                            '; ')
        FROM flow_state fs WHERE fs.event_id = es.event_id) AS flows
FROM event_state es WHERE es.event_id IN ({marks})
"""

Index = QModelIndex | QPersistentModelIndex


class EventsModel(QAbstractTableModel):
    """Rows are event ids in date order; their cells are read lazily, a page at a time."""

    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self._ledger = ledger
        self._ids: list[str] = []
        self._cache: dict[str, dict[str, Any]] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = [
            row[0]
            for row in self._ledger.conn.execute(
                "SELECT event_id FROM event_state ORDER BY chart_day, first_seq"
            )
        ]
        self._cache.clear()
        self.endResetModel()

    def event_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, event_id: str) -> int:
        return self._ids.index(event_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._row(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "Status":
            return QBrush(STATUS_COLORS.get(row["status"], QColor("#000000")))
        if role == Qt.ItemDataRole.ToolTipRole and column == "Status" and row["reversed"]:
            return "Possible reversed direction: two reports state opposite directions"
        return None

    def _display(self, row: dict[str, Any], column: str) -> str:
        if column == "Status":
            return row["status"] + (" ⚠ reversed?" if row["reversed"] else "")
        key = {"Date": "date", "Type": "type", "Location": "location", "Flows": "flows"}
        if column == "Reports":
            return str(row["n_reports"])
        return str(row[key[column]] or "")

    def _row(self, row: int) -> dict[str, Any]:
        event_id = self._ids[row]
        if event_id not in self._cache:
            self._fetch_page(row)
        return self._cache[event_id]

    def _fetch_page(self, row: int) -> None:
        if len(self._cache) > 20 * PAGE:
            self._cache.clear()
        start = row - row % PAGE
        ids = self._ids[start : start + PAGE]
        sql = ROWS_SQL.format(marks=",".join("?" * len(ids)))
        cursor = self._ledger.conn.execute(sql, ids)
        names = [description[0] for description in cursor.description]
        for values in cursor:
            record = dict(zip(names, values, strict=True))
            record["reversed"] = json.loads(record["reversed"])
            self._cache[record["event_id"]] = record
