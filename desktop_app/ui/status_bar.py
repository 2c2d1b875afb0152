"""The window's status bar: a passing message and the ledger's counts beside it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QStyle, QStyleOption, QWidget

# What the bar keeps beside its items: margins, spacing and the size grip.
ROOM_AROUND = 32
MESSAGE_FLAGS = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


class StatusBar(QStatusBar):
    """A status bar whose passing message never runs into the counts, nor stops short
    without a mark: Qt draws the message up to the permanent widgets and cuts it there,
    so that at a narrow width "Imported example.csv:" read on into the file's name and
    counts as one sentence. Where both do not fit, the counts step aside until the
    message goes (most go after 8 seconds); a message longer than the whole bar ends in
    "…"; the whole message is the bar's tooltip while it stands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: QWidget | None = None
        self.messageChanged.connect(self._fit)

    def add_counts(self, counts: QWidget) -> None:
        self._counts = counts
        self.addPermanentWidget(counts)

    def shown_message(self) -> str:
        """The message as the bar draws it: whole, or cut to its room with "…"."""
        return self.fontMetrics().elidedText(
            self.currentMessage(), Qt.TextElideMode.ElideRight, self._message_room().width()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(self.currentMessage())

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_message()
        if shown == self.currentMessage():
            super().paintEvent(event)  # Qt's own drawing, frames of the items included
            return
        # Cut: the counts have stepped aside, so there is only the panel and the text.
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self._message_room(), MESSAGE_FLAGS, shown)

    def _message_room(self) -> QRect:
        """Where Qt draws the message (QStatusBarPrivate::messageRect): within 6 and 12
        pixels of the ends, short of the size grip and of a shown permanent widget."""
        right_to_left = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        left, right = 6, self.width() - 12
        grip = self.findChild(QSizeGrip)
        if grip is not None and grip.isVisible():
            if right_to_left:
                left = grip.x() + grip.width()
            else:
                right = grip.x()
        if self._counts is not None and self._counts.isVisible():
            counts = self._counts.geometry()
            if right_to_left:
                left = max(left, counts.x() + counts.width() + 2)
            else:
                right = min(right, counts.x() - 2)
        return QRect(left, 0, right - left, self.height())

    def _fit(self, message: str) -> None:
        self.setToolTip(message)
        if self._counts is None:
            return
        room = self.width() - self._counts.sizeHint().width() - ROOM_AROUND
        fits = self.fontMetrics().horizontalAdvance(message) <= room
        self._counts.setVisible(not message or fits)
