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


def after_paint(parent: QObject, slot: Callable[[], None]) -> QTimer:
    """A timer that runs `slot` once control is back in the event loop: work a change
    does not need shown at once (status counts, completions) waits until the panes have
    been given their data and painted, and runs once however many changes came."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer
