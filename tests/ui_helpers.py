"""Driving the real window from the keyboard, as a person would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app import settings
from desktop_app.ui import build_main_window
from desktop_app.ui.main_window import MainWindow

USER = "Test Researcher"


def open_window(qtbot, path: Path) -> MainWindow:  # noqa: ANN001 - pytest-qt's fixture
    settings.set_user_name(USER)
    window = build_main_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    QApplication.processEvents()
    return window


def answer_imports(monkeypatch, *, agree: bool = True) -> list[dict[str, str]]:  # noqa: ANN001
    """Every question a dialog asks before an import (File → Import…, a drop) answered:
    Import if `agree`, else Cancel. What each showed, in order."""
    asked: list[dict[str, str]] = []

    def exec_(box: QMessageBox) -> int:
        default = box.defaultButton()
        asked.append(
            {
                "title": box.windowTitle(),
                "text": box.text(),
                "told": box.informativeText(),
                "details": box.detailedText(),
                "default": default.text() if default else "",
            }
        )
        if agree:
            next(b for b in box.buttons() if b.text() == "&Import").click()
        else:
            box.button(QMessageBox.StandardButton.Cancel).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def drop_files(window: QWidget, *paths: Path) -> None:
    """Files dropped on the window from a file manager."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot, text: str) -> None:  # noqa: ANN001
    """Type into whatever has the focus."""
    qtbot.keyClicks(focused(), text)


def press(
    qtbot,  # noqa: ANN001
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def tab(qtbot, times: int = 1) -> None:  # noqa: ANN001
    for _ in range(times):
        press(qtbot, Qt.Key.Key_Tab)


def shortcut(qtbot, window: QWidget, sequence: str) -> None:  # noqa: ANN001
    """Press a key sequence such as "Ctrl+N" where the focus is."""
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(focused(), combo.key(), combo.keyboardModifiers())


def when_modal(action: Callable[[QWidget], None], delay_ms: int = 50) -> None:
    """Act on the next modal dialog once it is open (exec() blocks the test otherwise)."""

    def attempt(tries: int = 40) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None and tries:
            QTimer.singleShot(25, lambda: attempt(tries - 1))
            return
        assert dialog is not None, "no modal dialog appeared"
        action(dialog)

    QTimer.singleShot(delay_ms, attempt)
