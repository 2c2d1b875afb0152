"""The events table model: a row window over the store's EventList.

It holds the row count and a few cached pages, never the whole list: 100,000 events open
by reading one page. Sorting and filtering go to SQL.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ..store.event_list import EventFilter, EventList, EventRow
from ..store.ledger import Ledger
from .i18n import number
from .words import event_type_name, flows_text, status_name

COLUMNS = (
    ("date", QT_TRANSLATE_NOOP("EventsModel", "Date")),
    ("type", QT_TRANSLATE_NOOP("EventsModel", "Type")),
    ("location", QT_TRANSLATE_NOOP("EventsModel", "Location")),
    ("flows", QT_TRANSLATE_NOOP("EventsModel", "Flows")),
    ("reports", QT_TRANSLATE_NOOP("EventsModel", "Reports")),
    ("status", QT_TRANSLATE_NOOP("EventsModel", "Status")),
)
STATUS_COLUMN = [key for key, _ in COLUMNS].index("status")
translate = QCoreApplication.translate
PAGE = 100
MAX_PAGES = 20
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
STATUS_COLORS = {
    "conflict": "#d55e00",
    "reopened": "#cc79a7",
    "resolved": "#009e73",
    "consistent": "#0072b2",
    "single": "#7f7f7f",
}
STATUS_SYMBOLS = {
    "conflict": "●",
    "reopened": "◆",
    "resolved": "✔",
    "consistent": "=",
    "single": "·",
}
REVERSED_HINT = QT_TRANSLATE_NOOP(
    "EventsModel", "Possible reversed direction: two reports state opposite directions"
)

Index = QModelIndex | QPersistentModelIndex


class EventsModel(QAbstractTableModel):
    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self._list = EventList(ledger)
        self._count = self._list.count()
        self._pages: dict[int, list[EventRow]] = {}
        self.pages_fetched = 0  # for tests and the benchmark: pages read from the file

    # ---- what the view asks -------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("EventsModel", COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._count:
            return None
        row = self.row(index.row())
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == EVENT_ID_ROLE:
            return row.event_id
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QBrush(QColor(STATUS_COLORS.get(row.status, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.reversed:
                return translate("EventsModel", REVERSED_HINT)
            return flows_text(row.flows_text) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "reports":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: EventRow, key: str) -> str:
        if key == "status":
            symbol = STATUS_SYMBOLS.get(row.status)
            text = status_name(row.status)
            text = f"{symbol} {text}" if symbol else text
            return text + (translate("EventsModel", "  ⚠ reversed?") if row.reversed else "")
        if key == "flows":
            return flows_text(row.flows_text)
        if key == "type":
            return event_type_name(row.event_type) if row.event_type else ""
        if key == "reports":
            return number(row.n_reports)
        if key == "location":
            return row.location or ""
        return row.date or ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._list.sort_key = COLUMNS[column][0]
        self._list.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # ---- what the panes ask -------------------------------------------------------

    def row(self, position: int) -> EventRow:
        number = position // PAGE
        page = self._pages.get(number)
        if page is None:
            if len(self._pages) >= MAX_PAGES:
                self._pages.pop(next(iter(self._pages)))
            page = self._list.page(number * PAGE, PAGE)
            self._pages[number] = page
            self.pages_fetched += 1
        return page[position - number * PAGE]

    def event_id(self, position: int) -> str:
        return self.row(position).event_id

    def position(self, event_id: str) -> int | None:
        return self._list.position(event_id)

    def shows(self, event_id: str) -> bool:
        return self._list.shows(event_id)

    @property
    def event_filter(self) -> EventFilter:
        return self._list.filter

    def set_filter(self, event_filter: EventFilter) -> None:
        """Show the events `event_filter` keeps; where its query fails, the table keeps
        the filter it had (a filter stored first failed again at every sort and commit)."""
        kept = self._list.filter
        self._list.filter = event_filter
        try:
            self.reload()
        except BaseException:
            self._list.filter = kept
            raise

    def reload(self) -> None:
        count = self._list.count()  # first: a query that fails leaves the table as it was
        self.beginResetModel()
        self._pages.clear()
        self._count = count
        self.endResetModel()
