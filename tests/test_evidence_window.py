"""Evidence in the window: Ctrl+Shift+E and its dialog, files dropped on a report, the
form and the review comparison, the copy with progress and Cancel, the check marks,
undo, the chart's hover and a read-only ledger. The real window on real files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV, GARBLED_CSV, CliResult
from PySide6.QtCore import QDate, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from ui_helpers import USER, answer_imports, open_window, shortcut

from desktop_app.store import evidence
from desktop_app.store.exporter import export_all
from desktop_app.store.importer import apply_import, plan_import
from desktop_app.store.ledger import Ledger
from desktop_app.ui.evidence_ui import EvidenceDialog
from desktop_app.ui.main_window import REVIEW, MainWindow

PDF = b"%PDF-1.4\nthe ministry's statement, saved\n"


@pytest.fixture
def window(qtbot, cli, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    path = tmp_path / "ledger.db"
    result: CliResult = cli("import", path, GARBLED_CSV)
    assert result.code == 0, result.err
    opened = open_window(qtbot, path)
    select_event(qtbot, opened, "bodies-2025-06-13")
    return opened


def select_event(qtbot, window: MainWindow, event_id: str) -> None:  # noqa: ANN001
    window.session.event_selected.emit(event_id)
    qtbot.waitUntil(lambda: window.event_pane.event_id == event_id)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "statement.pdf"
    path.write_bytes(PDF)
    return path


def drop(widget: QWidget, point: QPoint, *paths: Path) -> bool:
    """Drop files as a file manager does: the drag enters, then the drop."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(widget, enter)  # Qt sends the drop to the widget that took this
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def fill_dialog_then(qtbot, accessed: str = "2025-06-14", url: str = "", note: str = "") -> list:  # noqa: ANN001
    """Fill the Add evidence dialog when it opens, and press OK; what it showed is kept."""
    seen: list[EvidenceDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EvidenceDialog):
            QTimer.singleShot(20, fill)
            return
        seen.append(dialog)
        dialog.accessed.setDate(QDate.fromString(accessed, "yyyy-MM-dd"))
        dialog.archive_url.setText(url)
        dialog.note.setText(note)
        dialog.accept()
        if dialog.isVisible():  # refused: the sentence is shown, then the person cancels
            seen.append(dialog.problem.text())
            dialog.reject()

    QTimer.singleShot(0, fill)
    return seen


def records(window: MainWindow) -> list[tuple]:
    with sqlite3.connect(window.ledger.path) as connection:
        return connection.execute(
            "SELECT report_id, file_name, accessed, archive_url, note, added_by"
            " FROM report_evidence ORDER BY report_id"
        ).fetchall()


def test_a_file_dropped_on_a_report_is_described_copied_and_listed(
    qtbot,
    window: MainWindow,
    page: Path,  # noqa: ANN001
) -> None:
    pane = window.event_pane
    second = pane.reports[1]["id"]
    seen = fill_dialog_then(qtbot, "2025-06-14", "https://web.archive.org/web/2025/x", "saved")
    point = pane.table.visualItemRect(pane.table.item(1, 0)).center()
    assert drop(pane.table.viewport(), point, page)
    qtbot.waitUntil(lambda: bool(records(window)))
    assert seen and seen[0].accessed.displayFormat() == "yyyy-MM-dd"
    assert records(window) == [
        (second, "statement.pdf", "2025-06-14", "https://web.archive.org/web/2025/x", "saved", USER)
    ]
    stored = window.ledger.path.with_name("ledger.evidence") / hashlib.sha256(PDF).hexdigest()
    assert stored.read_bytes() == PDF
    assert pane.selected_report_id() == second
    table = pane.evidence_table
    qtbot.waitUntil(lambda: table.rowCount() == 1 and table.isVisible())
    cells = [table.item(0, column).text() for column in range(table.columnCount())]
    assert cells == [
        "statement.pdf", "application/pdf", f"{len(PDF)} bytes", "2025-06-14",
        "https://web.archive.org/web/2025/x", "✓ verified",
    ]  # fmt: skip


def test_several_files_dropped_at_once_are_each_described_and_attached(
    qtbot,
    window: MainWindow,
    page: Path,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """Each file its own dialog; the second and third of a drop were dropped silently."""
    other = tmp_path / "video frame.png"
    other.write_bytes(b"\x89PNG\r\n\x1a\n a frame")
    seen: list[object] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, EvidenceDialog) and dialog not in seen:
            seen.append(dialog)
            dialog.accessed.setDate(QDate.fromString("2025-06-14", "yyyy-MM-dd"))
            dialog.accept()
        if len(seen) < 2:
            QTimer.singleShot(20, fill)

    QTimer.singleShot(0, fill)
    pane = window.event_pane
    point = pane.table.visualItemRect(pane.table.item(0, 0)).center()
    assert drop(pane.table.viewport(), point, page, other)
    qtbot.waitUntil(lambda: len(records(window)) == 2)
    assert sorted(row[1] for row in records(window)) == ["statement.pdf", "video frame.png"]


def test_ctrl_shift_e_adds_to_the_selected_report_and_undo_takes_it_off(
    qtbot,
    window: MainWindow,
    page: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(page), ""))
    first = window.event_pane.reports[0]["id"]
    window.event_pane.table.setFocus()
    fill_dialog_then(qtbot)
    shortcut(qtbot, window, "Ctrl+Shift+E")
    qtbot.waitUntil(lambda: bool(records(window)))
    assert [row[0] for row in records(window)] == [first]
    window.undo_action.trigger()
    assert records(window) == []
    window.redo_action.trigger()
    assert [row[0] for row in records(window)] == [first]
    with sqlite3.connect(window.ledger.path) as connection:
        actions = [
            row[0]
            for row in connection.execute(
                "SELECT action FROM audit WHERE entity = 'evidence' ORDER BY id"
            )
        ]
    assert actions == ["add", "remove", "add"]
    assert window.event_pane.evidence_table.rowCount() == 1


def test_the_dialog_refuses_a_bad_archive_url_with_a_sentence(
    qtbot,
    window: MainWindow,
    page: Path,  # noqa: ANN001
) -> None:
    seen = fill_dialog_then(qtbot, url="web.archive.org/no-scheme")
    window.evidence.attach(window.event_pane.reports[0]["id"], page)
    assert "Archive URL 'web.archive.org/no-scheme' must start with http" in seen[1]
    assert records(window) == []


def test_cancel_mid_copy_leaves_nothing(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    video = tmp_path / "long video.mp4"
    with video.open("wb") as handle:
        handle.truncate(50 * evidence.CHUNK_SIZE)
    shown: list[QProgressDialog] = []

    def cancel_at_once(dialog: QProgressDialog) -> None:
        shown.append(dialog)
        # Cancel pressed before the first chunk is copied: the copy stops after it.
        dialog.findChild(QPushButton).click()

    window.tasks.started.connect(cancel_at_once)
    description = evidence.describe(video.name)
    result = window.evidence.attach(window.event_pane.reports[0]["id"], video, description)
    assert result is None and shown
    assert records(window) == []
    assert list((tmp_path / "ledger.evidence").iterdir()) == []
    assert window.statusBar().currentMessage().startswith("Cancelled")


def with_a_long_video(window: MainWindow, tmp_path: Path) -> Path:
    """A report backed by a file of 50 chunks (a recording), attached as the window does."""
    video = tmp_path / "long video.mp4"
    with video.open("wb") as handle:
        handle.truncate(50 * evidence.CHUNK_SIZE)
    report = window.event_pane.reports[0]["id"]
    assert window.evidence.attach(report, video, evidence.describe(video.name)) is not None
    return video


def test_save_a_copy_shows_how_far_the_evidence_has_come(
    window: MainWindow,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """The copy of a ledger with large evidence froze the window, with no progress."""
    with_a_long_video(window, tmp_path)
    shown: list[QProgressDialog] = []
    window.tasks.started.connect(shown.append)
    steps: list[int] = []
    bar = QProgressBar  # the dialog's own bar
    window.tasks.started.connect(lambda d: d.findChild(bar).valueChanged.connect(steps.append))
    assert window.save_copy(tmp_path / "copy.db")
    assert shown and shown[0].windowTitle() == "Saving a copy as copy.db"
    assert len(steps) > 10 and steps == sorted(steps)
    assert len(list((tmp_path / "copy.evidence").iterdir())) == 1
    assert window.statusBar().currentMessage().startswith("Saved a copy")


def test_a_cancelled_copy_leaves_neither_the_copy_nor_its_evidence_folder(
    window: MainWindow,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    with_a_long_video(window, tmp_path)
    window.tasks.started.connect(lambda dialog: dialog.findChild(QPushButton).click())
    assert not window.save_copy(tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists() and not (tmp_path / "copy.evidence").exists()
    assert window.statusBar().currentMessage() == "Cancelled: no copy was saved."
    window.tasks.started.disconnect()
    assert window.save_copy(tmp_path / "copy.db")  # the name is free again


def test_a_file_dropped_on_the_form_backs_the_report_it_edits(
    qtbot,
    window: MainWindow,
    page: Path,  # noqa: ANN001
) -> None:
    report = window.event_pane.reports[1]
    window.form.edit_report(report)
    fill_dialog_then(qtbot)
    assert drop(window.form.location, QPoint(5, 5), page)
    qtbot.waitUntil(lambda: bool(records(window)))
    assert [row[0] for row in records(window)] == [report["id"]]
    assert window.form.location.text() == report["location"]  # no path typed into it


def test_a_file_dropped_on_a_new_report_being_typed_goes_nowhere_and_says_why(
    qtbot,
    window: MainWindow,
    page: Path,  # noqa: ANN001
) -> None:
    """With a report of the event selected, a file dropped on a new report being typed
    went to the selected one, another report ("Saved: Add evidence")."""
    assert window.event_pane.selected_report_id()
    window.new_event()
    window.form.source.setText("Reuters")
    assert drop(window.form.location, QPoint(5, 5), page)
    qtbot.wait(50)
    assert records(window) == []
    assert window.statusBar().currentMessage() == (
        "This report is not committed yet: commit it (Ctrl+Enter), then drop the file on it."
    )
    assert window.form.location.text() == ""


def test_a_file_dropped_on_the_quote_with_no_report_to_back_is_no_text(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """Dropped on an empty ledger's Quote box, the file's address went into the quote,
    which is stored exactly as given."""
    window = open_window(qtbot, tmp_path / "empty.db")
    article = tmp_path / "article.pdf"
    article.write_bytes(PDF)
    assert drop(window.form.quote.viewport(), QPoint(5, 5), article)
    assert window.form.quote.toPlainText() == ""
    assert window.statusBar().currentMessage().startswith("No report to add the file to")
    window.form.quote.setPlainText("He said 1,200.")
    assert drop(window.form.quote.viewport(), QPoint(5, 5), article)
    assert window.form.quote.toPlainText() == "He said 1,200."
    assert window.statusBar().currentMessage().startswith("This report is not committed yet")


def test_a_reports_csv_dropped_on_the_form_of_an_empty_ledger_is_imported(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    """The form took it as evidence with no report to back ("No report to add the file
    to"), where the window imports it: the first thing a new user does."""
    questions = answer_imports(monkeypatch)
    window = open_window(qtbot, tmp_path / "empty.db")
    assert drop(window.form, QPoint(2, 2), EXAMPLE_CSV)
    qtbot.waitUntil(lambda: window.ledger.count("reports") > 0, timeout=10_000)
    assert len(questions) == 1


@pytest.mark.parametrize("what", ["reports.csv", "folder"])
def test_a_file_to_import_dropped_on_the_quote_is_imported_not_typed(
    what: str,
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    """Dropped on the Quote box, a reports.csv or an export folder became its address in
    the quote ("file:///…/reports.csv"), imported by nothing and asked about by nothing,
    where dropped beside the fields it was imported."""
    questions = answer_imports(monkeypatch)
    dropped = EXAMPLE_CSV
    if what == "folder":
        dropped = tmp_path / "out"
        with Ledger.open(tmp_path / "colleague.db") as colleague:
            apply_import(colleague, plan_import(colleague, EXAMPLE_CSV, "test"), "test")
            export_all(colleague, dropped)
    window = open_window(qtbot, tmp_path / "empty.db")
    window.form.quote.setPlainText("He said 1,200.")
    assert drop(window.form.quote.viewport(), QPoint(5, 5), dropped)
    qtbot.waitUntil(lambda: window.ledger.count("reports") > 0, timeout=10_000)
    assert len(questions) == 1
    assert window.form.quote.toPlainText() == "He said 1,200."


def test_a_file_to_import_dropped_on_a_flows_field_is_imported_not_typed(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    """A flow's row is added after the form is built, and took no drop filter: a
    reports.csv dropped on its From (by a file manager that sends the path as text too)
    became the party's name, with no question asked."""
    questions = answer_imports(monkeypatch)
    window = open_window(qtbot, tmp_path / "empty.db")
    window.new_event()
    row = window.form.flows.add_row()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(EXAMPLE_CSV))])
    data.setText(str(EXAMPLE_CSV))
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    target = row.from_party
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(
        target, QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data, buttons, keys)
    )
    qtbot.waitUntil(lambda: window.ledger.count("reports") > 0, timeout=10_000)
    assert len(questions) == 1
    assert row.from_party.text() == ""


def test_the_review_comparison_lists_evidence_and_takes_drops_per_report(
    qtbot,
    window: MainWindow,
    page: Path,  # noqa: ANN001
) -> None:
    window.show_workspace(REVIEW)
    pane = window.review_pane
    pane.show_event("bodies-2025-06-13")
    second = pane.reports[1]["id"]
    table = pane.comparison
    column_x = table.columnViewportPosition(1) + 5
    fill_dialog_then(qtbot)
    assert drop(table.viewport(), QPoint(column_x, 5), page)
    qtbot.waitUntil(lambda: bool(records(window)))
    assert [row[0] for row in records(window)] == [second]
    qtbot.waitUntil(lambda: "statement.pdf" in (table.item(pane.evidence_rows, 1).text()))
    assert table.item(pane.evidence_rows, 1).text().startswith("✓ statement.pdf")
    assert table.item(pane.evidence_rows, 0).text() == "—"
    assert table.verticalHeaderItem(pane.evidence_rows).text() == "Evidence"


def open_the_first_evidence(qtbot, window: MainWindow) -> list[str]:  # noqa: ANN001
    """Enter on the event's first evidence file; what the status bar was told."""
    said: list[str] = []
    window.session.message.connect(said.append)
    table = window.event_pane.evidence_table
    table.selectRow(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    window.session.message.disconnect(said.append)
    return said


@pytest.mark.usefixtures("full_disk")
def test_a_refusal_that_names_the_file_does_not_name_it_twice(
    window: MainWindow, page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "statement.pdf: the disk of … is full: statement.pdf was not added…"."""
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    window.evidence.attach(window.event_pane.reports[0]["id"], page, evidence.describe(page.name))
    folder = window.ledger.path.with_name("ledger.evidence")
    assert warned == [
        f"The disk of {folder} is full: statement.pdf was not added to the evidence; make"
        " room there and add it again."
    ]
    assert records(window) == []


def test_verify_in_a_ledger_without_evidence_says_there_is_none(window: MainWindow) -> None:
    window.verify_evidence_action.trigger()  # said "All 0 evidence files are as they were…"
    assert window.statusBar().currentMessage() == "This ledger has no evidence files to verify."


def test_an_altered_or_missing_file_is_marked_and_verify_warns(
    qtbot,
    window: MainWindow,
    page: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    report = window.event_pane.reports[0]["id"]
    window.evidence.attach(report, page, evidence.describe(page.name))
    stored = window.ledger.path.with_name("ledger.evidence") / hashlib.sha256(PDF).hexdigest()
    stored.chmod(0o644)
    stored.write_bytes(PDF.replace(b"statement", b"STATEMENT"))  # same size, other bytes
    warned: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    window.verify_evidence_action.trigger()
    assert warned and "altered: statement.pdf" in warned[0]
    assert window.event_pane.evidence_table.item(0, 5).text() == "✗ altered"
    # Opening it opens what is there, and says it is not the file the record names.
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    said = open_the_first_evidence(qtbot, window)
    assert len(opened) == 1 and said and "has changed since it was added" in said[-1]
    stored.unlink()
    window.event_pane.show_evidence()
    assert window.event_pane.evidence_table.item(0, 5).text() == "✗ missing"
    said = open_the_first_evidence(qtbot, window)
    assert len(opened) == 1 and "is missing from the evidence folder" in said[-1]


def test_a_large_file_is_verified_by_its_add_and_opened_with_a_word_once_it_changed(
    qtbot,
    window: MainWindow,
    page: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    """A file too large to hash whenever a pane lists it was "not checked yet" even right
    after its add had hashed it; altered on disk, it opened without a word."""
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(evidence, "QUICK_CHECK_LIMIT", 10)  # every file counts as large
    report = window.event_pane.reports[0]["id"]
    window.evidence.attach(report, page, evidence.describe(page.name))
    assert window.event_pane.evidence_table.item(0, 5).text() == "✓ verified"
    stored = window.ledger.path.with_name("ledger.evidence") / hashlib.sha256(PDF).hexdigest()
    stored.chmod(0o644)
    stored.write_bytes(PDF.replace(b"statement", b"STATEMENT"))  # same size, other bytes
    window.event_pane.show_evidence()
    assert window.event_pane.evidence_table.item(0, 5).text() == "… not checked yet"
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    said = open_the_first_evidence(qtbot, window)
    assert said and "has not been checked against its SHA-256 since it last changed" in said[-1]


def test_the_same_file_again_says_the_words_typed_now_were_not_stored(
    window: MainWindow, page: Path
) -> None:
    report = window.event_pane.reports[0]["id"]
    window.evidence.attach(report, page, evidence.describe(page.name, note="first words"))
    said: list[str] = []
    window.session.message.connect(said.append)
    again = evidence.describe(page.name, accessed="2025-06-12", note="words typed again")
    window.evidence.attach(report, page, again)
    assert said[-1].startswith("The report already has this file (statement.pdf).")
    assert "those typed now were not stored" in said[-1]
    assert window.ledger.evidence_record(report, hashlib.sha256(PDF).hexdigest()).note == (
        "first words"
    )
    window.evidence.attach(report, page, evidence.describe(page.name, note="first words"))
    assert "not stored" not in said[-1]  # the same words: nothing lost, nothing to say


def test_the_chart_hover_counts_the_reports_with_evidence(
    qtbot,
    window: MainWindow,
    page: Path,  # noqa: ANN001
) -> None:
    from desktop_app.store import chart_data
    from desktop_app.ui import chart_text

    window.evidence.attach(window.event_pane.reports[0]["id"], page, evidence.describe("a.pdf"))
    [event] = [
        item
        for item in chart_data.events_on_day(window.ledger, "2025-06-13")
        if item.event_id == "bodies-2025-06-13"
    ]
    n_reports = len(window.event_pane.reports)
    assert (event.n_with_evidence, event.n_reports) == (1, n_reports)
    assert chart_text.event_text(event).endswith(f"evidence: 1 of {n_reports} reports")


def test_a_read_only_ledger_shows_evidence_but_cannot_add_any(
    qtbot,
    cli,
    tmp_path: Path,
    page: Path,  # noqa: ANN001
) -> None:
    path = tmp_path / "ledger.db"
    assert cli("import", path, GARBLED_CSV).code == 0
    with sqlite3.connect(path) as connection:
        report = connection.execute(
            "SELECT id FROM reports WHERE event_id = 'bodies-2025-06-13' ORDER BY seq"
        ).fetchone()[0]
    assert cli("evidence", "add", path, report, page).code == 0
    from desktop_app.store.ledger import Ledger
    from desktop_app.ui.main_window import MainWindow as Window

    window = Window(Ledger.open(path, read_only=True))
    qtbot.addWidget(window)
    window.show()
    select_event(qtbot, window, "bodies-2025-06-13")
    assert window.read_only_banner.isVisible()
    assert not window.add_evidence_action.isEnabled()
    assert not window.event_pane.evidence_button.isEnabled()
    assert window.event_pane.evidence_table.rowCount() == 1
    assert window.event_pane.evidence_table.item(0, 5).text() == "✓ verified"
    point = window.event_pane.table.visualItemRect(window.event_pane.table.item(0, 0)).center()
    assert not drop(window.event_pane.table.viewport(), point, page)
    window.evidence.attach(report, page, evidence.describe(page.name))
    assert window.statusBar().currentMessage().startswith("This file is read-only")


def evidence_list_in_focus(
    qtbot,  # noqa: ANN001
    cli,  # noqa: ANN001
    tmp_path: Path,
    page: Path,
    *options: str,
) -> tuple[MainWindow, str]:
    """A window on the garbled example whose first report of 13 June has `page` (added
    from the command line with `options`), its evidence list in focus, the file selected."""
    path = tmp_path / "ledger.db"
    assert cli("import", path, GARBLED_CSV).code == 0
    with sqlite3.connect(path) as connection:
        (report_id,) = connection.execute(
            "SELECT id FROM reports WHERE event_id = 'bodies-2025-06-13' LIMIT 1"
        ).fetchone()
    assert cli("evidence", "add", path, report_id, page, *options).code == 0
    window = open_window(qtbot, path)
    select_event(qtbot, window, "bodies-2025-06-13")
    pane = window.event_pane
    pane.table.selectRow([report["id"] for report in pane.reports].index(report_id))
    table = pane.evidence_table
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    table.setFocus()
    table.selectRow(0)
    return window, report_id


def test_delete_in_the_evidence_list_takes_off_the_file_not_the_event(
    qtbot,  # noqa: ANN001
    cli,  # noqa: ANN001
    tmp_path: Path,
    page: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window's Delete took the key first and asked to delete the whole event (Enter
    said yes); the file could not be taken off from the keyboard at all."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window, _ = evidence_list_in_focus(qtbot, cli, tmp_path, page, "--accessed", "2025-06-14")
    table = window.event_pane.evidence_table
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked == []
    assert records(window) == []
    assert window.ledger.count("reports") == 7


def answer_details_then(qtbot, name: str, url: str, note: str, accessed: bool) -> list:  # noqa: ANN001
    """Change the Evidence details dialog when it opens, and press OK; what it showed is
    kept (each field as it came, then a refusal's sentence, if any)."""
    seen: list = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EvidenceDialog):
            QTimer.singleShot(20, fill)
            return
        seen.append(
            (
                dialog.windowTitle(),
                dialog.file_name.text(),
                dialog.accessed_known.isChecked() and dialog.accessed.date().toString(Qt.ISODate),
                dialog.archive_url.text(),
                dialog.note.text(),
            )
        )
        dialog.file_name.setText(name)
        dialog.archive_url.setText(url)
        dialog.note.setText(note)
        dialog.accessed_known.setChecked(accessed)
        dialog.accept()
        if dialog.isVisible():
            seen.append(dialog.problem.text())
            dialog.reject()

    QTimer.singleShot(0, fill)
    return seen


def test_f2_in_the_evidence_list_corrects_what_was_said_of_the_file_and_undo_restores_it(
    qtbot,  # noqa: ANN001
    cli,  # noqa: ANN001
    tmp_path: Path,
    page: Path,
) -> None:
    """A mistyped archive URL or note could only be mended by taking the file off and
    adding it again, which lost who added it and when."""
    added = ("--accessed", "2025-06-14", "--archive-url", "https://archive.ph/typo")
    window, report_id = evidence_list_in_focus(qtbot, cli, tmp_path, page, *added, "--note", "tass")
    table = window.event_pane.evidence_table
    before = records(window)

    seen = answer_details_then(qtbot, "statement.pdf", "archive.ph/x", "TASS", accessed=True)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert seen[0] == (
        "Evidence details",
        "statement.pdf",
        "2025-06-14",
        "https://archive.ph/typo",
        "tass",
    )
    assert "must start with http" in seen[1]  # refused, said, and nothing changed
    assert records(window) == before

    right = "https://archive.ph/right"
    answer_details_then(qtbot, "TASS statement.pdf", right, "TASS, 13 June", accessed=False)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    adder = before[0][-1]  # who added it stays
    after = [(report_id, "TASS statement.pdf", "", right, "TASS, 13 June", adder)]
    qtbot.waitUntil(lambda: records(window) == after)
    assert window.ledger.count("reports") == 7  # F2 was the list's, not the report's edit
    assert table.item(0, 0).text() == "TASS statement.pdf"
    with sqlite3.connect(window.ledger.path) as connection:
        old, new = connection.execute(
            "SELECT old, new FROM audit WHERE entity = 'evidence' AND action = 'edit'"
        ).fetchone()
    assert '"archive_url": "https://archive.ph/typo"' in old and right in new
    assert "added_by" not in old  # who added it, and when, stay
    window.undo_action.trigger()
    assert records(window) == before
    window.redo_action.trigger()
    assert records(window) == after


def test_the_evidence_lists_menu_offers_open_details_and_remove_with_their_keys(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    page: Path,
) -> None:
    report_id = window.event_pane.reports[0]["id"]
    assert window.evidence.attach(report_id, page, evidence.describe(page.name)) is not None
    table = window.event_pane.evidence_table
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    shown: list[list[tuple[str, bool]]] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, read_menu)
            return
        shown.append([(action.text(), action.isEnabled()) for action in menu.actions()])
        menu.close()

    QTimer.singleShot(0, read_menu)
    table._menu(table.visualItemRect(table.item(0, 0)).center())
    assert shown == [
        [("&Open\tEnter", True), ("&Details…\tF2", True), ("&Remove from the report\tDel", True)]
    ]


def test_undo_of_a_removal_when_another_program_added_the_file_again_is_no_error(
    window: MainWindow,
    page: Path,
    cli,  # noqa: ANN001
) -> None:
    """Removed in the window, the file added to the report again from the command line,
    then Ctrl+Z: the undo refused ("has evidence already") out of the undo stack, and the
    window showed the unexpected-error dialog. The report has the file, as the undo
    wants: done, and said so."""
    from desktop_app.ui.evidence_ui import RemoveEvidence

    report = window.ledger.conn.execute(
        "SELECT id FROM reports WHERE event_id = 'bodies-2025-06-13' ORDER BY id LIMIT 1"
    ).fetchone()[0]
    assert cli("evidence", "add", window.ledger.path, report, page).code == 0
    (item,) = evidence.evidence_of(window.ledger)
    window.session.execute(RemoveEvidence(window.session, item))
    assert evidence.evidence_of(window.ledger) == []
    assert cli("evidence", "add", window.ledger.path, report, page).code == 0
    window.session.undo_stack.undo()
    assert window.statusBar().currentMessage().startswith("Undone: Remove evidence")
    assert [found.sha256 for found in evidence.evidence_of(window.ledger)] == [item.sha256]
