"""A table whose first row is chosen by a person's move into it, never by the program's."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

# Focus that a person moved (Tab, Backtab, a shortcut such as Ctrl+1); a click chooses
# its own row. Not the window's activation, nor the program's own moves.
MOVED_BY_A_PERSON = {
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
}


class ChoiceTable(QTableView):
    """Qt makes a table's first row current whenever the table takes the focus with no row
    current. The events list and the review queue show the event of their current row:
    a new window showed its first event, and a review shortcut pressed in Record (the
    Review's page giving its queue the focus) replaced the event in view by the queue's
    first, so that Alt+1 took that event's value.

    With `first_on_arrival` (the review queue, which shows its first event to review),
    the first row is taken when a person moves the focus into the table. Without it (the
    events list, where Delete and Ctrl+Shift+N act on the current event), no arrival
    takes a row: Down or a click chooses one."""

    def __init__(self, parent: QWidget, *, first_on_arrival: bool) -> None:
        super().__init__(parent)
        self.first_on_arrival = first_on_arrival

    def moveCursor(  # noqa: N802 - Qt's name
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home and End go to the first and the last row, as in a list: a table chosen by
        rows took them to the first and last column of the row, which shows nothing, and
        End on a table with no row chosen took its first row."""
        ends = (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd)
        model = self.model()
        by_rows = self.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
        if action not in ends or not by_rows or model is None or model.rowCount() == 0:
            return super().moveCursor(action, modifiers)
        row = 0 if action == QAbstractItemView.CursorAction.MoveHome else model.rowCount() - 1
        current = self.currentIndex()
        column = current.column() if current.isValid() else self.horizontalHeader().logicalIndex(0)
        return model.index(row, column)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        chosen = self.first_on_arrival and event.reason() in MOVED_BY_A_PERSON
        if not self.currentIndex().isValid() and not chosen:
            self.setCurrentIndex(QModelIndex())  # Qt takes "no row" as chosen
        super().focusInEvent(event)

    def take_focus(self) -> None:
        """The focus, as a person's move gives it (Ctrl+1, Ctrl+2, a workspace's tab): the
        first row is taken if none is current and the table takes it on arrival, even
        where the focus was here already."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        model = self.model()
        if (
            self.first_on_arrival
            and not self.currentIndex().isValid()
            and model is not None
            and model.rowCount() > 0
        ):
            first = model.index(0, 0)
            self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)

    def least_widths(self, widths: dict[int, int]) -> dict[int, int]:
        """Each of these columns' least width: as given, or its header's words if wider."""
        header = self.horizontalHeader()
        return {
            column: max(width, header.sectionSizeHint(column)) for column, width in widths.items()
        }

    def widen_to(self, least: dict[int, int]) -> None:
        """Widths remembered from a run in another language widened where they cut words."""
        header = self.horizontalHeader()
        for column, width in least.items():
            header.resizeSection(column, max(width, header.sectionSize(column)))
