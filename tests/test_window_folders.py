"""The window's side of an export folder: File → Import an export folder (Ctrl+Shift+I)
restores or adds it, as `import DB DIR` does; the export writes the workbook too when the
person chose so, and the choice is remembered (PRODUCT.md, "Exchange of data")."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV, GARBLED_CSV
from PySide6.QtWidgets import QApplication, QFileDialog
from ui_helpers import answer_imports, drop_files, open_window, shortcut

from desktop_app.__main__ import main
from desktop_app.store.export_readme import WORKBOOK_NAME
from desktop_app.store.ledger import Ledger
from desktop_app.ui.dialogs import ProblemsDialog


def _capture_problems(monkeypatch: pytest.MonkeyPatch) -> list[ProblemsDialog]:
    shown: list[ProblemsDialog] = []

    def fake_exec(dialog: ProblemsDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(ProblemsDialog, "exec", fake_exec)
    return shown


def _export_folder(tmp_path: Path, csv_file: Path = GARBLED_CSV) -> Path:
    db, out = tmp_path / "source.db", tmp_path / "out"
    assert main(["import", str(db), str(csv_file)]) == 0
    assert main(["export", str(db), str(out)]) == 0
    return out


def test_ctrl_shift_i_restores_an_export_folder_into_an_empty_ledger(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _export_folder(tmp_path)
    asked: list[str] = []

    def choose(parent: object, caption: str, *args: object) -> str:
        asked.append(caption)
        return str(out)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    questions = answer_imports(monkeypatch)
    window = open_window(qtbot, tmp_path / "ledger.db")
    assert window.import_folder_action in window.menuBar().actions()[0].menu().actions()
    with qtbot.waitSignal(window.notifier.changed, timeout=10_000):
        shortcut(qtbot, window, "Ctrl+Shift+I")
    assert asked == ["Import an export folder"]
    assert [(q["title"], q["default"]) for q in questions] == [("Import out?", "&Import")]
    assert questions[0]["text"].startswith("out would restore 4 events, 7 reports")
    assert window.transfers.last_message.startswith("Restored out: 4 events, 7 reports")
    assert window.events_pane.model.rowCount() == 4
    assert main(["export", str(tmp_path / "ledger.db"), str(tmp_path / "again")]) == 0
    for name in ("reports.csv", "events.csv", "sources.csv", "resolutions.csv"):
        assert (out / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name


def test_a_folder_dropped_on_a_ledger_with_data_adds_to_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _export_folder(tmp_path)
    questions = answer_imports(monkeypatch)
    window = open_window(qtbot, tmp_path / "ledger.db")
    window.transfers.import_file(EXAMPLE_CSV)
    drop_files(window, out)
    qtbot.waitUntil(lambda: window.ledger.count("reports") == 7, timeout=10_000)
    assert len(questions) == 1
    assert questions[0]["text"].startswith("out would add 0 events, 1 report")
    assert "cannot be undone" in questions[0]["told"]
    qtbot.waitUntil(lambda: "Imported out" in window.transfers.last_message)
    assert window.transfers.last_message.startswith("Imported out: added 0 events, 1 report")
    assert "6 reports already present and identical, skipped" in window.transfers.last_message


def test_a_bad_folder_shows_every_problem_and_imports_nothing(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _export_folder(tmp_path)
    text = (out / "sources.csv").read_text(encoding="utf-8")
    (out / "sources.csv").write_text(text.replace(",F,", ",Q,", 1), encoding="utf-8")
    shown = _capture_problems(monkeypatch)
    window = open_window(qtbot, tmp_path / "ledger.db")
    result = window.transfers.import_folder(out)
    assert result is not None and result.errors
    assert len(shown) == 1 and shown[0].windowTitle() == "Nothing imported"
    assert "sources.csv, row" in shown[0].text.toPlainText()
    assert "column reliability" in shown[0].text.toPlainText()
    assert window.ledger.count("reports") == 0


def test_the_export_writes_the_workbook_when_chosen_and_remembers_the_choice(
    qtbot, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    with Ledger.open(db):
        pass
    assert main(["import", str(db), str(EXAMPLE_CSV)]) == 0
    window = open_window(qtbot, db)
    action = window.workbook_action
    assert action.isCheckable() and not action.isChecked()
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    assert window.transfers.export_to(tmp_path / "plain") is not None
    assert not (tmp_path / "plain" / WORKBOOK_NAME).exists()
    action.trigger()  # as a click on the menu item
    assert action.isChecked()
    assert window.transfers.export_to(tmp_path / "with") is not None
    assert (tmp_path / "with" / WORKBOOK_NAME).is_file()
    assert "and a workbook" in window.transfers.last_message
    window.close()
    QApplication.processEvents()
    again = open_window(qtbot, db)
    assert again.workbook_action.isChecked()  # remembered in the person's settings
    again.workbook_action.trigger()
    assert again.transfers.export_to(tmp_path / "after") is not None
    assert not (tmp_path / "after" / WORKBOOK_NAME).exists()


def test_an_older_file_opened_in_the_window_says_where_it_was_kept(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """The upgrade on opening kept a backup and said nothing of it."""
    from conftest import REPO

    old = tmp_path / "old.db"
    old.write_bytes((REPO / "tests" / "fixtures" / "ledger-v1.db").read_bytes())
    window = open_window(qtbot, old)
    assert window.statusBar().currentMessage() == (
        "old.db was written by an older version and has been upgraded; the file as it was"
        f" is kept as {tmp_path / 'old.db.v1.bak'}."
    )
    assert (tmp_path / "old.db.v1.bak").exists()
    window.close()
    again = open_window(qtbot, old)
    assert "upgraded" not in again.statusBar().currentMessage()


def test_file_dialogs_start_beside_the_ledger_then_where_the_person_last_went(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Qt's dialogs given no folder start in the program's working folder: File → Export
    offered the program's own source folder to write into."""
    home = tmp_path / "research"
    home.mkdir()
    db = home / "ledger.db"
    assert main(["import", str(db), str(EXAMPLE_CSV)]) == 0
    elsewhere = tmp_path / "articles"
    elsewhere.mkdir()
    (elsewhere / "more.csv").write_bytes(EXAMPLE_CSV.read_bytes())
    monkeypatch.chdir(Path(__file__).parent)  # the program's folder, never offered
    asked: list[str] = []

    def open_file(_parent, _title, folder="", *_a, **_k):  # noqa: ANN001, ANN202
        asked.append(folder)
        return str(elsewhere / "more.csv"), ""

    def existing_directory(_parent, _title, folder="", *_a, **_k):  # noqa: ANN001, ANN202
        asked.append(folder)
        return str(tmp_path / "out"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a, **k: existing_directory(*a, **k)[0]
    )
    window = open_window(qtbot, db)
    window.transfers.import_dialog()  # starts beside the ledger; more.csv is chosen
    window.transfers.import_dialog()  # starts where more.csv was
    window.transfers.export_dialog()  # nothing exported yet: beside the ledger
    window.transfers.export_dialog()  # beside the folder exported into
    assert asked == [str(home), str(elsewhere), str(home), str(tmp_path)]
    window.close()

    again = open_window(qtbot, db)  # remembered between runs
    again.transfers.import_dialog()
    assert asked[-1] == str(elsewhere)


def test_a_dropped_folder_is_imported_only_if_the_person_agrees(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder dropped by mistake was imported at once, and no Ctrl+Z takes an import
    back; a file dropped beside it is still asked about after Cancel."""
    out = _export_folder(tmp_path)
    questions = answer_imports(monkeypatch, agree=False)
    window = open_window(qtbot, tmp_path / "ledger.db")
    window.transfers.import_file(EXAMPLE_CSV)
    before = window.ledger.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    drop_files(window, out, GARBLED_CSV)
    qtbot.waitUntil(lambda: len(questions) == 2, timeout=10_000)
    assert [q["title"] for q in questions] == ["Import out?", "Import garbled-example.csv?"]
    assert window.ledger.count("reports") == 6
    assert window.ledger.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before
    assert window.transfers.last_message == (
        "Import of garbled-example.csv cancelled: nothing was imported."
    )


def test_a_folder_with_nothing_new_is_said_so_without_a_question(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _export_folder(tmp_path, EXAMPLE_CSV)
    questions = answer_imports(monkeypatch)
    window = open_window(qtbot, tmp_path / "ledger.db")
    window.transfers.import_file(EXAMPLE_CSV)
    window.transfers.import_folder(out, ask=True)
    assert questions == []
    assert window.transfers.last_message == "Nothing new in out: this file holds all of it."


def test_a_folders_warnings_shown_in_its_question_are_not_shown_again(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warnings under the question's Show Details… came again in a dialog once the
    folder was imported, as a CSV file's do not."""
    out = _export_folder(tmp_path, EXAMPLE_CSV)
    db = tmp_path / "source.db"
    page = tmp_path / "page.pdf"
    page.write_bytes(b"%PDF-1.4 a page")
    with Ledger.open(db) as ledger:
        report = ledger.conn.execute("SELECT id FROM reports LIMIT 1").fetchone()[0]
    assert main(["evidence", "add", str(db), report, str(page)]) == 0
    assert main(["export", str(db), str(out)]) == 0  # without the files: a warning
    questions = answer_imports(monkeypatch)
    shown = _capture_problems(monkeypatch)
    window = open_window(qtbot, tmp_path / "ledger.db")
    done = window.transfers.import_folder(out, ask=True)
    assert done is not None and done.warnings and done.changed
    assert "exported without the evidence files" in questions[0]["details"]
    assert "The folder gives 1 warning: see the details." in questions[0]["told"]  # no "file"
    assert shown == []
