"""The window's status bar: a passing message and the ledger's counts beside it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QStyle, QStyleOption, QWidget

# What the bar keeps beside its items: margins, spacing and the size grip.
ROOM_AROUND = 32
MESSAGE_FLAGS = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
# How long the counts step aside for a message that does not fit beside them: as long
# as a passing message stands; one that stays (no time limit) is then cut beside them.
STEP_ASIDE_MS = 8000


class StatusBar(QStatusBar):
    """A status bar whose passing message never runs into the counts, nor stops short
    without a mark: Qt draws the message up to the permanent widgets and cuts it there,
    so that at a narrow width "Imported example.csv:" read on into the file's name and
    counts as one sentence. Where both do not fit, the counts step aside until the
    message goes, or for STEP_ASIDE_MS at most (a message that stays is then cut
    beside them, so that "N to review" is never hidden for long); a message that is
    cut ends in "…"; the whole message is the bar's tooltip while it stands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: QWidget | None = None
        self._aside_over = False  # the counts stepped aside long enough for this message
        self._back = QTimer(self)
        self._back.setSingleShot(True)
        self._back.timeout.connect(self._counts_back)
        self.messageChanged.connect(self._new_message)

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
        # Cut: Qt would stop it short without a mark. The panel and the text are drawn
        # here; the counts, where shown, draw themselves.
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

    def _new_message(self, message: str) -> None:
        self._aside_over = False
        self._back.stop()
        self._fit(message)

    def _counts_back(self) -> None:
        self._aside_over = True
        self._fit(self.currentMessage())

    def _fit(self, message: str) -> None:
        self.setToolTip(message)
        if self._counts is None:
            return
        room = self.width() - self._counts.sizeHint().width() - ROOM_AROUND
        fits = self.fontMetrics().horizontalAdvance(message) <= room
        aside = bool(message) and not fits and not self._aside_over
        self._counts.setVisible(not aside)
        if aside and not self._back.isActive():
            self._back.start(STEP_ASIDE_MS)
