"""Ctrl+Z in a text box nobody has typed in undoes the ledger's last change.

A Qt text box claims the undo and redo keys whether or not it has anything to undo. A
decision leaves the cursor in the review pane's empty Value box, ready for the next
field, so Ctrl+Z right after it did nothing at all. The keys now reach the window's undo
stack from a box nobody has typed in since it was filled or emptied (no undo, no redo of
its own). A box with typing keeps them, also once its typing is undone: pressing Ctrl+Z
once too often there must not take back a commit or a decision unseen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TextBox = QLineEdit | QPlainTextEdit | QTextEdit


class TextUndoFallback(QObject):
    """Watches the text boxes of one window as they take the focus."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if isinstance(now, TextBox) and now.window() is self._window:
            now.installEventFilter(self)  # again for a box already watched: still one filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, TextBox)
            and isinstance(event, QKeyEvent)
            and _nothing_to_take_back(watched, event)
        ):
            event.ignore()  # the box does not claim the key: the window's shortcut fires
            return True
        return False


def _nothing_to_take_back(box: TextBox, key: QKeyEvent) -> bool:
    """The key is undo or redo, and the box has no typing of its own to undo or redo."""
    keys = QKeySequence.StandardKey
    if not (key.matches(keys.Undo) or key.matches(keys.Redo)):
        return False
    if isinstance(box, QLineEdit):
        return not (box.isUndoAvailable() or box.isRedoAvailable())
    document = box.document()
    return not (document.isUndoAvailable() or document.isRedoAvailable())
