"""Ctrl+Z in a text box with nothing of its own to undo undoes the ledger's last change.

A Qt text box claims the undo and redo keys whether or not it has anything to undo. A
decision leaves the cursor in the review pane's empty Value box, ready for the next
field, so Ctrl+Z right after it did nothing at all. A box with typing of its own still
undoes that first; once it has nothing left, the keys reach the window's undo stack.
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
    """The key is undo (redo) and the box has nothing to undo (redo) itself."""
    if isinstance(box, QLineEdit):
        undo, redo = box.isUndoAvailable(), box.isRedoAvailable()
    else:
        document = box.document()
        undo, redo = document.isUndoAvailable(), document.isRedoAvailable()
    if key.matches(QKeySequence.StandardKey.Undo):
        return not undo
    if key.matches(QKeySequence.StandardKey.Redo):
        return not redo
    return False
