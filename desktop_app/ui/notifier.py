"""One change signal, many listeners: every write's `Changes` is re-emitted here and
each pane decides what to redraw (Anki's OpChanges)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..store.ledger import Changes


class LedgerNotifier(QObject):
    changed = Signal(object)  # Changes

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)


# Counted from the event loop's return: long enough for a slow machine to paint the chart
# before the deferred work (reloading thousands of sources for completions) holds it up.
AFTER_PAINT_MS = 120


class AfterPaint(QObject):
    """Runs `slot` once, a moment after control is back in the event loop: work a change
    does not need shown at once (status counts, completions, selecting a new event) waits
    until the panes have been given their data and painted, and runs once however many
    changes came. A plain timer started while the panes take their data may already be
    due when the loop resumes, and Qt would run it before the paint; so a zero timer
    first marks the loop's return and only then starts the short wait."""

    def __init__(self, parent: QObject, slot: Callable[[], None]) -> None:
        super().__init__(parent)
        self._arm = QTimer(self)
        self._arm.setSingleShot(True)
        self._arm.setInterval(0)
        self._fire = QTimer(self)
        self._fire.setSingleShot(True)
        self._fire.setInterval(AFTER_PAINT_MS)
        self._arm.timeout.connect(self._fire.start)
        self._fire.timeout.connect(slot)

    def start(self) -> None:
        self._fire.stop()
        self._arm.start()

    def stop(self) -> None:
        self._arm.stop()
        self._fire.stop()

    def isActive(self) -> bool:  # noqa: N802 - as QTimer names it
        return self._arm.isActive() or self._fire.isActive()
