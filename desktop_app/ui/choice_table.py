"""A table whose first row is chosen by a person's move into it, never by the program's."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QTableView

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
    first, so that Alt+1 took that event's value. Here the first row is taken only when a
    person moved the focus into the table."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        if not self.currentIndex().isValid() and event.reason() not in MOVED_BY_A_PERSON:
            self.setCurrentIndex(QModelIndex())  # Qt takes "no row" as chosen
        super().focusInEvent(event)

    def take_focus(self) -> None:
        """The focus, as a person's move gives it (Ctrl+1, Ctrl+2, a workspace's tab): the
        first row is taken if none is current, even where the focus was here already."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        model = self.model()
        if not self.currentIndex().isValid() and model is not None and model.rowCount() > 0:
            first = model.index(0, 0)
            self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
