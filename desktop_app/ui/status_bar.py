"""The window's status bar: a passing message and the ledger's counts beside it."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStatusBar, QWidget

# What the bar keeps beside its items: margins, spacing and the size grip.
ROOM_AROUND = 32


class StatusBar(QStatusBar):
    """A status bar whose passing message never runs into the counts: Qt draws the message
    up to the permanent widgets and cuts it there, so that at a narrow width "Imported
    example.csv:" read on into the file's name and counts as one sentence. Where both do
    not fit, the counts step aside until the message goes (most go after 8 seconds), and
    the whole message is the bar's tooltip while it stands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: QWidget | None = None
        self.messageChanged.connect(self._fit)

    def add_counts(self, counts: QWidget) -> None:
        self._counts = counts
        self.addPermanentWidget(counts)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(self.currentMessage())

    def _fit(self, message: str) -> None:
        self.setToolTip(message)
        if self._counts is None:
            return
        room = self.width() - self._counts.sizeHint().width() - ROOM_AROUND
        fits = self.fontMetrics().horizontalAdvance(message) <= room
        self._counts.setVisible(not message or fits)
