"""A layout whose items wrap onto a next line when the width runs out (Qt's flow layout
example): a filter bar or a row of buttons takes a second line in a half-screen window
instead of holding the whole window wider than the screen's half."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSplitter, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right at their preferred sizes, as many to a line as fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """All items on one line: the layout's width when there is room for it."""
        hints = [item.sizeHint() for item in self._visible()]
        width = sum(hint.width() for hint in hints) + self._gap() * max(len(hints) - 1, 0)
        height = max((hint.height() for hint in hints), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """The widest item: a line of its own is the least the layout can be given."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        gap = self.spacing()
        if gap >= 0:
            return gap
        widget = self.parentWidget()
        style = widget.style() if widget is not None else None
        metric = QStyle.PixelMetric.PM_LayoutHorizontalSpacing
        return max(style.pixelMetric(metric) if style is not None else -1, 6)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in `rect` (only measure if not `move`); the height they take."""
        area = rect.marginsRemoved(self.contentsMargins())
        gap = self._gap()
        x, y, line_height = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + gap
            line_height = max(line_height, hint.height())
        margins = self.contentsMargins()
        return y + line_height - rect.y() + margins.bottom()


class FlowRow(QWidget):
    """Widgets in a FlowLayout, holding the height their lines take at its width as its
    minimum: a splitter or a box layout sizes a pane by its minimum height alone (it asks
    no height for a width), so that lines wrapped in a narrow pane would otherwise be
    drawn over the widgets under them."""

    def __init__(self, widgets: list[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self)
        self.flow.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            self.flow.addWidget(widget)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        hold_minimum_height(self, self.flow.heightForWidth(event.size().width()))


class WrappedLabel(QLabel):
    """A word-wrapped label holding the height of its lines at its width as its minimum,
    as FlowRow does: an event's summary takes three lines in a half-screen window, and
    the reports' table and buttons under it were drawn over one another."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        hold_minimum_height(self, self._lines_height(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        hold_minimum_height(self, self._lines_height(event.size().width()))

    def _lines_height(self, width: int) -> int:
        """The height of the lines at `width`: Qt's height for a width is never below the
        minimum height, which would then only ever grow (a long summary, then a short)."""
        kept = self.minimumHeight()
        self.setMinimumHeight(0)
        height = self.heightForWidth(width)
        self.setMinimumHeight(kept)
        return height


def hold_minimum_height(widget: QWidget, height: int) -> None:
    """Make `height` the widget's minimum, and have the splitter it lies in give its pane
    that room: a splitter gives its panes their minimum sizes only when it is resized or
    its sizes are set, so the pane above a line that wrapped would keep its height."""
    if height <= 0 or height == widget.minimumHeight():
        return
    widget.setMinimumHeight(height)
    QTimer.singleShot(0, widget, lambda: _refit_splitter(widget))  # not after it is gone


def _refit_splitter(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QSplitter):
        parent = parent.parentWidget()
    if parent is not None:
        parent.setSizes(parent.sizes())
