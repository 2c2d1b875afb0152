"""One change signal, many listeners: every write's `Changes` is re-emitted here and
each pane decides what to redraw (Anki's OpChanges)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..store.ledger import Changes


class LedgerNotifier(QObject):
    changed = Signal(object)  # Changes

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)
