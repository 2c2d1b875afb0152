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


AFTER_PAINT_MS = 30  # past the next paint: a zero timer can run between data and paint


def after_paint(parent: QObject, slot: Callable[[], None]) -> QTimer:
    """A timer that runs `slot` a moment after the event loop takes over again: work a
    change does not need shown at once (status counts, completions) waits until the
    panes have been given their data and painted, and runs once however many changes
    came. (Qt delivers a zero timer before the paint that a scene change posts.)"""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(AFTER_PAINT_MS)
    timer.timeout.connect(slot)
    return timer
