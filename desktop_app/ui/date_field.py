"""A date field that takes a day, a month or a year, with a calendar to pick a day from.

QDateEdit cannot hold "2025-06" or "2025", and shows locale formats under LANG=C.UTF-8;
a line edit with a calendar popup can hold all three, always as ISO text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ..domain.dates import DateError, parse_claimed_date

translate = QCoreApplication.translate


class PartialDateEdit(QWidget):
    textChanged = Signal(str)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(translate("PartialDateEdit", "YYYY-MM-DD, YYYY-MM or YYYY"))
        self.line.setAccessibleName(label)
        self.line.setToolTip(
            translate("PartialDateEdit", "A day, a month or a year: 2025-06-11, 2025-06 or 2025")
        )
        self.line.textChanged.connect(self.textChanged)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setAccessibleName(
            translate("PartialDateEdit", "{field} calendar").format(field=label)
        )
        self.button.setToolTip(translate("PartialDateEdit", "Pick a day (Alt+Down in the field)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setMaximumDate(QDate.currentDate())
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.menu = menu
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu.aboutToShow.connect(self._sync_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        open_calendar = QAction(translate("PartialDateEdit", "Open calendar"), self.line)
        open_calendar.setShortcut(QKeySequence("Alt+Down"))
        open_calendar.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_calendar.triggered.connect(self._open_calendar)
        self.line.addAction(open_calendar)

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self.line.setText(text)

    def clear(self) -> None:
        self.line.setText("")  # leaves nothing to undo, as the form's other boxes

    def _open_calendar(self) -> None:
        """The calendar below the field, its days taking the keys at once: the menu that
        holds it would otherwise take the first arrow key to focus it."""
        self.menu.popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _sync_calendar(self) -> None:
        try:
            first = parse_claimed_date(self.line.text().strip()).first
        except DateError:
            return
        self.calendar.setSelectedDate(QDate(first.year, first.month, first.day))

    def _picked(self, day: QDate) -> None:
        self.line.setText(day.toString("yyyy-MM-dd"))
        self.menu.hide()
        self.line.setFocus()
