"""Keyboard-only work in the real window on a real X display (Xvfb), where keyboard focus
behaves as on a desktop: the offscreen platform loses focus around completer popups.
Run by tests/test_under_xvfb.py in a child process under `xvfb-run`; skipped otherwise.
There is no window manager under Xvfb: a test gives focus back itself after a dialog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import focused, open_window, press, shortcut, tab, type_text

from desktop_app.store.importer import apply_import, plan_import
from desktop_app.store.ledger import Ledger

pytestmark = pytest.mark.skipif(
    os.environ.get("QT_QPA_PLATFORM") != "xcb", reason="needs a real X display (xcb)"
)


@pytest.fixture
def example_window(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "x"), "x")
    window = open_window(qtbot, path)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return window


def test_a_source_is_picked_from_its_completion_by_keyboard_alone(qtbot, example_window) -> None:  # noqa: ANN001
    window = example_window
    form = window.form
    form.refresh_completions()
    sources = window.ledger.count("sources")
    shortcut(qtbot, window, "Ctrl+N")
    assert focused() is form.event_type
    tab(qtbot)
    assert focused() is form.source
    type_text(qtbot, "Medin")
    popup = form.source.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    # Keys go where Qt sends a real key press: to the open popup.
    assert QApplication.activePopupWidget() is popup
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert (form.source.text(), form.source_party.text()) == ("Vladimir Medinsky", "Russia")
    tab(qtbot)
    assert focused() is form.source_party  # Tab left the field: the popup kept nothing
    form.claimed_date.line.setFocus()
    type_text(qtbot, "2025-06-12")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.ledger.count("reports") == 7)
    assert window.ledger.count("sources") == sources


def test_escape_asks_then_keeps_the_typed_report(
    qtbot,  # noqa: ANN001
    example_window,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = example_window
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Cancel
    )
    shortcut(qtbot, window, "Ctrl+N")
    tab(qtbot)
    type_text(qtbot, "Someone")
    press(qtbot, Qt.Key.Key_Escape)
    assert window.form.source.text() == "Someone"
    window.activateWindow()  # no window manager gives it back after the question
    window.form.source.setFocus()
    assert focused() is window.form.source


def test_escape_in_an_open_list_of_completions_closes_the_list_only(
    qtbot,  # noqa: ANN001
    example_window,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Esc meant for the suggestions also asked whether to discard the report."""
    window = example_window
    asked: list[object] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **_k: asked.append(a) or 0)
    window.form.refresh_completions()
    shortcut(qtbot, window, "Ctrl+N")
    tab(qtbot)
    type_text(qtbot, "Vla")
    popup = window.form.source.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)  # where Qt sends a real key press
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert asked == [] and window.form.source.text() == "Vla"
    assert focused() is window.form.source
    press(qtbot, Qt.Key.Key_Escape)  # the list closed: Esc is the form's again
    assert len(asked) == 1


def test_review_shortcuts_from_the_record_workspace_show_the_review(
    qtbot,  # noqa: ANN001
    example_window,  # noqa: ANN001
) -> None:
    window = example_window
    shortcut(qtbot, window, "Ctrl+1")
    assert focused() is window.events_pane.view
    press(qtbot, Qt.Key.Key_Down)  # Ctrl+1 chooses no event: Down does
    assert window.event_pane.event_id == window.events_pane.model.event_id(0)
    shortcut(qtbot, window, "Alt+W")
    assert window.workspaces.currentWidget() is window.review_pane
    assert focused() is window.review_pane.rationale
    shortcut(qtbot, window, "Ctrl+3")
    assert window.chart_pane.isVisible() and not window.review_pane.isVisible()


def test_the_calendar_takes_the_first_arrow_key(qtbot, example_window) -> None:  # noqa: ANN001
    """Alt+Down opens the calendar on the typed day; the first arrow moves the day (it used
    to go to the menu holding the calendar, so Left, Enter picked the typed day itself)."""
    window = example_window
    shortcut(qtbot, window, "Ctrl+N")
    date = window.form.claimed_date
    date.line.setFocus()
    type_text(qtbot, "2025-06-12")
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(date.menu.isVisible)
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Return):  # where X sends them: into the popup
        popup = QApplication.activePopupWidget()
        assert popup is date.menu
        qtbot.keyClick(popup.focusWidget() or popup, key)
    qtbot.waitUntil(lambda: not date.menu.isVisible())
    assert date.text() == "2025-06-11"
    assert focused() is date.line
