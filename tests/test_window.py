"""The main window as a whole: the events table and its filters, transfers, first run,
read-only files, remembered layout, and the crash guard."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV, REPO, example_ledger, write_csv, write_reports_csv
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from ui_helpers import (
    answer_imports,
    drop_files,
    focused,
    open_window,
    press,
    shortcut,
    type_text,
)

from desktop_app.domain.records import FieldKey, FlowKey
from desktop_app.store import checked_files, derived, importer
from desktop_app.store.importer import REPORT_COLUMNS, apply_import, plan_import
from desktop_app.store.ledger import Ledger
from desktop_app.store.sources import SourceFields, all_sources, update_source
from desktop_app.ui.dialogs import ProblemsDialog, SourcesDialog
from desktop_app.ui.events_model import STATUS_COLUMN
from desktop_app.ui.main_window import MainWindow, recent_files, remember_file
from desktop_app.ui.tasks import TaskRunner

TYPES = ("exchange", "agreement", "talks", "statement")
CATEGORIES = ("bodies", "pows", "civilians")


def generated_rows(n_events: int, seed: int = 7) -> list[dict]:
    """Events with known types, dates, categories and quotes, two reports for some."""
    rnd = random.Random(seed)
    rows = []
    start = date(2023, 1, 1)
    for number in range(n_events):
        event_type = TYPES[number % len(TYPES)]
        day = (start + timedelta(days=number % 700)).isoformat()
        category = CATEGORIES[number % len(CATEGORIES)]
        reports = 2 if number % 10 == 0 else 1
        from_party = "Russia" if rnd.random() < 0.5 else "Ukraine"
        for report in range(reports):
            count = 100 + number % 50 + (report * 5 if number % 20 == 0 else 0)
            row = dict.fromkeys(REPORT_COLUMNS, "")
            row.update(
                event_id=f"E{number:05d}",
                event_type=event_type,
                event_date=day,
                location=f"Town{number % 30}",
                category=category,
                from_party=from_party,
                count=str(count),
                source_name=f"Source {report} of {number % 40}",
                quote=("handover near the bridge" if number % 97 == 0 else "routine")
                + f" {number}",
                recorded_by="generator",
                recorded_at="2025-01-01T00:00:00Z",
            )
            row["to_party"] = "Ukraine" if row["from_party"] == "Russia" else "Russia"
            rows.append(row)
    return rows


@pytest.fixture(scope="module")
def thousands_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    folder = tmp_path_factory.mktemp("thousands")
    rows = generated_rows(3000)
    csv_path = write_csv(
        folder / "reports.csv",
        list(REPORT_COLUMNS),
        [[row[c] for c in REPORT_COLUMNS] for row in rows],
    )
    db = folder / "ledger.db"
    with Ledger.open(db) as ledger:
        plan = plan_import(ledger, csv_path, "generator")
        assert not plan.errors
        apply_import(ledger, plan, "generator")
    return db, rows


@pytest.fixture
def thousands_window(qtbot, tmp_path: Path, thousands_db) -> tuple[MainWindow, list[dict]]:  # noqa: ANN001
    db, rows = thousands_db
    copy = tmp_path / "ledger.db"
    shutil.copy(db, copy)
    return open_window(qtbot, copy), rows


def test_the_events_model_passes_the_model_tester(qtmodeltester, thousands_window) -> None:  # noqa: ANN001
    window, _rows = thousands_window
    qtmodeltester.check(window.events_pane.model, force_py=True)


def _events(rows: list[dict]) -> dict[str, dict]:
    return {row["event_id"]: row for row in rows}


def test_filters_return_the_right_rows(qtbot, thousands_window) -> None:  # noqa: ANN001
    window, rows = thousands_window
    pane = window.events_pane
    events = _events(rows)
    assert pane.model.rowCount() == len(events)

    pane.type_filter.setCurrentText("talks")
    assert pane.model.rowCount() == sum(e["event_type"] == "talks" for e in events.values())

    pane.category_filter.setCurrentText("pows")
    expected = {
        i for i, e in events.items() if e["event_type"] == "talks" and e["category"] == "pows"
    }
    assert {pane.model.event_id(r) for r in range(pane.model.rowCount())} == expected

    pane.clear_filters()
    pane.date_from.setFocus()
    type_text(qtbot, "2023-02")
    pane.date_to.setFocus()
    type_text(qtbot, "2023-03-15")
    qtbot.waitUntil(lambda: pane.model.event_filter.date_to == "2023-03-15")
    expected = {i for i, e in events.items() if "2023-02-01" <= e["event_date"] <= "2023-03-15"}
    assert {pane.model.event_id(r) for r in range(pane.model.rowCount())} == expected

    pane.clear_filters()
    pane.status_filter.setCurrentText("to review")
    disputed = {f"E{n:05d}" for n in range(0, 3000, 20)}  # their two reports disagree
    assert {pane.model.event_id(r) for r in range(pane.model.rowCount())} == disputed


def test_search_finds_quotes_sources_and_locations_in_a_keystroke_or_two(
    qtbot,
    thousands_window,  # noqa: ANN001
) -> None:
    window, rows = thousands_window
    pane = window.events_pane
    shortcut(qtbot, window, "Ctrl+F")
    assert focused() is pane.search
    type_text(qtbot, "bridge")
    expected = {row["event_id"] for row in rows if "bridge" in row["quote"]}
    qtbot.waitUntil(lambda: pane.model.rowCount() == len(expected))
    assert {pane.model.event_id(r) for r in range(pane.model.rowCount())} == expected
    pane.search.clear()
    type_text(qtbot, "TOWN7")
    expected = {row["event_id"] for row in rows if row["location"] == "Town7"}
    qtbot.waitUntil(lambda: pane.model.event_filter.text == "TOWN7")
    assert {pane.model.event_id(r) for r in range(pane.model.rowCount())} == expected


def test_sorting_goes_to_sql(thousands_window) -> None:  # noqa: ANN001
    window, _rows = thousands_window
    model = window.events_pane.model
    model.sort(4, Qt.SortOrder.DescendingOrder)  # reports
    assert model.row(0).n_reports == 2
    assert model.row(model.rowCount() - 1).n_reports == 1
    model.sort(0, Qt.SortOrder.AscendingOrder)
    dates = [model.row(r).chart_day for r in range(0, model.rowCount(), 97)]
    assert dates == sorted(dates)


def test_a_hundred_thousand_events_open_by_reading_a_page_or_two(qtbot, tmp_path: Path) -> None:
    """The table model reads only event_state pages; the rows are put straight into the
    derived table so that the test needs no slow import of 100,000 events."""
    path = tmp_path / "big.db"
    Ledger.open(path).close()
    connection = sqlite3.connect(path)
    connection.executemany(
        "INSERT INTO event_state (event_id, type, status, date, chart_day, location, n_reports,"
        " disputes, reopened, reversed, first_seq, flows_text, total_best)"
        " VALUES (?, 'exchange', 'single', ?, ?, '', 1, '[]', '[]', '[]', ?, 'pows A→B 1', 1)",
        (
            (f"E{n:06d}", day, day, n)
            for n in range(100_000)
            for day in [(date(2000, 1, 1) + timedelta(days=n // 10)).isoformat()]
        ),
    )
    connection.commit()
    connection.close()
    window = open_window(qtbot, path)
    model = window.events_pane.model
    assert model.rowCount() == 100_000
    assert model.pages_fetched <= 2
    window.events_pane.view.scrollToBottom()
    QApplication.processEvents()
    assert model.pages_fetched <= 5
    assert model.event_id(99_999) == "E099999"


def _capture_problems(monkeypatch: pytest.MonkeyPatch) -> list[ProblemsDialog]:
    shown: list[ProblemsDialog] = []

    def fake_exec(dialog: ProblemsDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(ProblemsDialog, "exec", fake_exec)
    return shown


def test_import_from_the_window_adds_the_example(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    with qtbot.waitSignal(window.notifier.changed, timeout=10_000):
        plan = window.transfers.import_file(EXAMPLE_CSV)
    assert plan is not None and not plan.errors
    assert window.events_pane.model.rowCount() == 4
    qtbot.waitUntil(lambda: "4 events" in window.status_label.text())  # after the paint
    assert "added 4 events" in window.transfers.last_message


def test_an_import_starts_undo_afresh(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """An import is not undone by Ctrl+Z, and Ctrl+Z right after it undid an older step
    (a source's grade) without a word, leaving the import in place."""
    window = open_window(qtbot, tmp_path / "ledger.db")
    window.transfers.import_file(EXAMPLE_CSV)
    window.form.new_event()  # an undoable step before the next import
    window.form.source.setText("Someone")
    window.form.claimed_date.setText("2024-01-02")
    window.form.commit()
    qtbot.waitUntil(lambda: window.ledger.count("reports") == 7)
    assert window.session.undo_stack.canUndo()
    columns = ["event_id", "event_type", "event_date", "source_name", "recorded_by", "recorded_at"]
    talks = ["talks-2", "talks", "2025-06-03", "Outlet", "x", "2025-06-20T09:00:00Z"]
    again = write_csv(tmp_path / "more.csv", columns, [talks])
    window.transfers.import_file(again)
    assert window.ledger.count("reports") == 8
    assert not window.session.undo_stack.canUndo()
    assert window.transfers.last_message.startswith("Undo starts afresh. Imported more.csv")
    window.transfers.import_file(again)  # nothing new: the history is left as it is
    # said as the command line says it (it read "Imported more.csv: added 0 events")
    assert window.transfers.last_message.startswith("Nothing new in more.csv: added 0 events")
    assert window.session.undo_stack.count() == 0


def overtaken_by_another_program(
    monkeypatch: pytest.MonkeyPatch, db: Path, theirs: list[Path]
) -> list[object]:
    """The import's first plans are each overtaken: another program imports the next of
    `theirs` into `db` between the plan and its write. The plans made, in order."""
    real_plan = importer.plan_import
    plans: list[object] = []

    def plan_then_overtaken(ledger: Ledger, path: Path, who: str, *args: object) -> object:
        plan = real_plan(ledger, path, who, *args)
        if len(plans) < len(theirs):
            with Ledger.open(db) as other:  # a program of its own, for the ledger
                other_plan = real_plan(other, theirs[len(plans)], "Colleague")
                apply_import(other, other_plan, "Colleague")
        plans.append(plan)
        return plan

    monkeypatch.setattr(importer, "plan_import", plan_then_overtaken)
    return plans


COLUMNS = ["event_id", "event_type", "event_date", "source_name", "recorded_by"]


def shared_sources(tmp_path: Path, count: int) -> tuple[Path, list[Path]]:
    """A file that adds `count` new sources ("Shared Source 1"…), and for each a file of
    a colleague's that adds the same source (with an event of its own)."""
    mine = write_csv(
        tmp_path / "mine.csv",
        COLUMNS,
        [[f"mine-{n}", "talks", "2025-06-03", f"Shared Source {n}", "x"] for n in range(count)],
    )
    theirs = [
        write_csv(
            tmp_path / f"theirs-{n}.csv",
            COLUMNS,
            [[f"theirs-{n}", "talks", "2025-06-04", f"Shared Source {n}", "y"]],
        )
        for n in range(count)
    ]
    return mine, theirs


def test_an_import_overtaken_by_another_program_plans_again_in_the_window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    """A colleague's program added the same new source between the window's plan and its
    write: the window said "Import failed: another program added source 'shared
    source\x1f'…" (the name as compared, separator and all); the command line plans
    again, and now the window does too, and says what this import added."""
    db = tmp_path / "ledger.db"
    window = open_window(qtbot, db)
    mine, theirs = shared_sources(tmp_path, 1)
    plans = overtaken_by_another_program(monkeypatch, db, theirs)
    failed: list[object] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: failed.append(a))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: failed.append(a))
    plan = window.transfers.import_file(mine)
    assert failed == [] and len(plans) == 2
    assert plan is not None and plan.counts()["sources"] == 0 and plan.counts()["reports"] == 1
    assert "added 1 event, 1 report" in window.transfers.last_message
    assert window.ledger.count("sources") == 1 and window.ledger.count("reports") == 2


def test_an_import_overtaken_again_and_again_names_what_the_other_program_added(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    db = tmp_path / "ledger.db"
    window = open_window(qtbot, db)
    mine, theirs = shared_sources(tmp_path, importer.PLAN_ATTEMPTS)
    overtaken_by_another_program(monkeypatch, db, theirs)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: said.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    assert window.transfers.import_file(mine) is None
    assert len(said) == 1 and "another program added" in said[0], said
    assert "\x1f" not in said[0] and "'Shared Source 2'" in said[0], said
    assert window.ledger.count("reports") == importer.PLAN_ATTEMPTS


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="derives in a child on Linux")
def test_an_import_from_the_window_derives_in_a_forked_child(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window imports in a worker thread beside Qt's own: the child forked from
    there derives the new events and leaves, and the window shows them."""
    monkeypatch.setattr(derived, "PARALLEL_MINIMUM", 10)
    forked: list[int] = []
    fork = derived.Derivation._fork

    def watched(self: derived.Derivation) -> int:
        pipe = fork(self)
        forked.append(self._child or 0)
        return pipe

    monkeypatch.setattr(derived.Derivation, "_fork", watched)
    window = open_window(qtbot, tmp_path / "ledger.db")
    rows = generated_rows(300)
    big = write_csv(
        tmp_path / "big.csv", list(REPORT_COLUMNS), [[r[c] for c in REPORT_COLUMNS] for r in rows]
    )
    with qtbot.waitSignal(window.notifier.changed, timeout=30_000):
        plan = window.transfers.import_file(big)
    assert plan is not None and not plan.errors and forked
    assert window.events_pane.model.rowCount() == len(plan.new_events) >= 10
    with pytest.raises(ProcessLookupError):  # waited for
        os.kill(forked[0], 0)


def test_a_bad_file_imports_nothing_and_lists_rows_and_columns(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    shown = _capture_problems(monkeypatch)
    rows = generated_rows(3)
    rows[1]["count"] = "1,212"
    rows[2]["event_date"] = "2025-02-30"
    bad = write_csv(
        tmp_path / "bad.csv", list(REPORT_COLUMNS), [[r[c] for c in REPORT_COLUMNS] for r in rows]
    )
    window.transfers.import_file(bad)
    assert window.ledger.count("reports") == 0
    assert len(shown) == 1
    text = shown[0].text.toPlainText()
    assert "row 3, column count" in text
    assert "row 4, column event_date" in text
    assert shown[0].text.isReadOnly()


def test_a_cancelled_import_imports_nothing(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    rows = generated_rows(6000)
    big = write_csv(
        tmp_path / "big.csv", list(REPORT_COLUMNS), [[r[c] for c in REPORT_COLUMNS] for r in rows]
    )
    window.tasks.started.connect(lambda _dialog: window.tasks.cancel())
    assert window.transfers.import_file(big) is None
    assert "cancelled" in window.transfers.last_message
    assert window.ledger.count("reports") == 0
    assert window.ledger.count("events") == 0


def test_a_cancel_during_the_last_step_comes_too_late_and_is_not_claimed(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deriving the new events' state cannot be stopped half-way: the import ends, and
    the window must say that it imported, not that "nothing was imported"."""
    window = open_window(qtbot, tmp_path / "ledger.db")
    refresh = derived.refresh
    seen: list[bool] = []

    def cancel_then_refresh(*args: object, **kwargs: object) -> None:
        window.tasks.cancel()  # the person presses Cancel while the bar is busy
        seen.append(True)
        refresh(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(derived, "refresh", cancel_then_refresh)
    plan = window.transfers.import_file(EXAMPLE_CSV)
    assert seen and plan is not None
    assert window.ledger.count("reports") == 6
    assert window.transfers.last_message.startswith("Imported")  # nothing to undo before
    assert "cancelled" not in window.transfers.last_message


def test_the_progress_dialog_drops_cancel_for_a_last_step_that_cannot_stop(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    seen: list[tuple[int, bool]] = []  # (the bar's maximum, a Cancel button shown)
    timer = QTimer()
    timer.setInterval(5)

    def watch(dialog: QProgressDialog) -> None:
        def look() -> None:
            buttons = dialog.findChildren(QPushButton)
            seen.append((dialog.maximum(), any(b.isVisibleTo(dialog) for b in buttons)))

        timer.timeout.connect(look)
        timer.start()

    runner.started.connect(watch)

    def work(progress: Callable[[int, int], bool]) -> str:
        progress(5, 10)
        time.sleep(0.2)
        progress(0, 0)  # the uncounted last step begins
        time.sleep(0.2)
        return "done"

    result = runner.run("Working", work)
    timer.stop()
    assert result.value == "done" and not result.cancelled
    assert (10, True) in seen and (0, False) in seen
    assert seen.index((0, False)) > seen.index((10, True))
    # Before the first step is counted the dialog is an empty bar with Cancel (a tick of
    # the timer may see it on a busy machine); once counted, Cancel never stays beside
    # the busy bar of the last step.
    assert (0, True) not in seen[seen.index((10, True)) :]


def test_dropping_a_csv_file_on_the_window_starts_an_import(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    asked = answer_imports(monkeypatch)
    window = open_window(qtbot, tmp_path / "ledger.db")
    drop_files(window, EXAMPLE_CSV)
    qtbot.waitUntil(lambda: window.ledger.count("reports") == 6, timeout=10_000)
    assert [question["title"] for question in asked] == ["Import reports.csv?"]


def test_an_import_from_the_menu_says_first_what_it_would_add(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    """No Ctrl+Z takes an import back, and the window imported a file the moment it was
    chosen or dropped: it now says what the file would add, with its warnings, and
    imports it only on Import (the default); Cancel (Esc) writes nothing."""
    db = tmp_path / "ledger.db"
    window = open_window(qtbot, db)
    rows = [
        ["fine", "talks", "2025-06-03", "Outlet", "an ordinary quote"],
        ["encoded", "talks", "2025-06-04", "Outlet", "???? ?? ??????"],
    ]
    chosen = write_csv(
        tmp_path / "chosen.csv",
        ["event_id", "event_type", "event_date", "source_name", "quote"],
        rows,
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))
    dialogs = _capture_problems(monkeypatch)
    asked = answer_imports(monkeypatch, agree=False)
    window.transfers.import_dialog()
    assert len(asked) == 1 and asked[0]["default"] == "&Import"
    assert asked[0]["text"] == (
        "chosen.csv would add 2 events, 2 reports, 0 flows, 1 source and 0 parties."
    )
    assert "cannot be undone" in asked[0]["told"] and "1 warning" in asked[0]["told"]
    assert "row 3, column quote" in asked[0]["details"] and "???" in asked[0]["details"]
    tables = ("events", "reports", "sources", "parties", "operations", "audit")
    assert [window.ledger.count(table) for table in tables] == [0] * len(tables)
    assert window.transfers.last_message == "Import of chosen.csv cancelled: nothing was imported."
    asked = answer_imports(monkeypatch)
    window.transfers.import_dialog()
    assert window.ledger.count("reports") == 2 and len(asked) == 1
    assert window.transfers.last_message.startswith("Imported chosen.csv")
    assert dialogs == []  # the warnings were shown before, not again after
    window.transfers.import_dialog()  # nothing new: nothing to ask
    assert len(asked) == 1
    assert window.transfers.last_message.startswith("Nothing new in chosen.csv")
    # its warnings again, under a title that claims no import ("Imported, with warnings")
    assert [dialog.windowTitle() for dialog in dialogs] == ["Nothing new, with warnings"]


def test_a_source_renamed_while_the_question_is_up_is_not_made_again(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    """A colleague renamed "Outlet" to "Outlet News" while the question was up: the plan
    shown was written as it was, and made "Outlet" again beside it (counted as 0 new
    sources). The import plans again once the person agrees."""
    from desktop_app.store.sources import SourceFields, update_source

    db = tmp_path / "ledger.db"
    window = open_window(qtbot, db)
    columns = ["event_id", "event_type", "event_date", "source_name", "quote"]
    first = write_csv(
        tmp_path / "first.csv", columns, [["e1", "talks", "2025-06-03", "Outlet", "1"]]
    )
    window.transfers.import_file(first)
    second = write_csv(
        tmp_path / "second.csv", columns, [["e2", "talks", "2025-06-04", "Outlet", "2"]]
    )

    def renamed_meanwhile(box: QMessageBox) -> int:
        with Ledger.open(db) as other:  # another program, while the question is up
            source_id = other.conn.execute("SELECT id FROM sources").fetchone()[0]
            update_source(other, source_id, SourceFields("Outlet News", None, "other", "F"), "Them")
        next(button for button in box.buttons() if button.text() == "&Import").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", renamed_meanwhile)
    dialogs = _capture_problems(monkeypatch)
    window.transfers.import_file(second, ask=True)
    names = window.ledger.conn.execute("SELECT name FROM sources").fetchall()
    assert names == [("Outlet News",)], names
    assert window.ledger.count("reports") == 2
    # the warning of the rename is new to the person: shown after the import
    assert len(dialogs) == 1 and "renamed" in dialogs[0].text.toPlainText()


def test_cancel_for_one_of_several_dropped_files_passes_to_the_next(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    """Cancel on the first of two dropped files ended the drop: the second was never
    asked about, nor named."""
    answers = iter([False, True])
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.windowTitle())
        if next(answers):
            next(button for button in box.buttons() if button.text() == "&Import").click()
        else:
            box.button(QMessageBox.StandardButton.Cancel).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window = open_window(qtbot, tmp_path / "ledger.db")
    other = write_reports_csv(tmp_path / "more.csv", 3, prefix="more")
    drop_files(window, EXAMPLE_CSV, other)
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=20_000)
    assert asked == ["Import reports.csv?", "Import more.csv?"]
    qtbot.waitUntil(lambda: window.ledger.count("reports") == 3, timeout=20_000)


def test_files_dropped_together_are_each_imported_and_a_pipe_is_refused(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two files dropped at once: only the first was imported, without a word of the
    other. A pipe named like a CSV file kept the import's dialog up for ever."""
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(str(a[2])))
    asked = answer_imports(monkeypatch)
    window = open_window(qtbot, tmp_path / "ledger.db")
    other = write_reports_csv(tmp_path / "more.csv", 3, prefix="more")
    drop_files(window, EXAMPLE_CSV, other)
    qtbot.waitUntil(lambda: window.ledger.count("reports") == 9, timeout=20_000)
    assert [question["title"] for question in asked] == ["Import reports.csv?", "Import more.csv?"]
    assert "more.csv" in window.statusBar().currentMessage()
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    assert window.transfers.import_file(pipe) is None
    assert warnings == [f"{pipe} is not a regular file"], warnings
    assert window.transfers.import_file(tmp_path / "gone.csv") is None  # was "[Errno 2] …"
    assert warnings[-1] == f"{tmp_path / 'gone.csv'} does not exist", warnings
    assert window.ledger.count("reports") == 9


def test_export_and_merge_from_the_window(qtbot, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with Ledger.open(other) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "colleague"), "colleague")
    window = open_window(qtbot, tmp_path / "ledger.db")
    merged = window.transfers.merge_file(other)
    assert merged is not None and merged.counts["reports"] == 6
    assert window.events_pane.model.rowCount() == 4
    written = window.transfers.export_to(tmp_path / "out")
    assert written is not None and written["reports.csv"] == 8
    assert (tmp_path / "out" / "datapackage.json").exists()


def test_a_merge_shows_its_progress_and_can_be_cancelled(qtbot, tmp_path: Path) -> None:
    """The merge's work never said how far it was: its dialog never showed (so the window
    took input while it wrote) and Cancel did nothing."""
    other = tmp_path / "other.db"
    with Ledger.open(other) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "colleague"), "colleague")
    window = open_window(qtbot, tmp_path / "ledger.db")
    window.tasks.started.connect(lambda _dialog: window.tasks.cancel())  # Cancel at once
    assert window.transfers.merge_file(other) is None
    assert window.ledger.count("reports") == 0
    assert "cancelled: nothing was merged" in window.statusBar().currentMessage()
    window.tasks.started.disconnect()
    merged = window.transfers.merge_file(other)  # not cancelled this time
    assert merged is not None and merged.counts["reports"] == 6


def test_first_run_creates_a_ledger_in_the_data_folder_and_offers_the_example(
    qtbot, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    from desktop_app import settings
    from desktop_app.ui import build_main_window
    from desktop_app.ui.app import offer_example, start_path

    settings.set_user_name("Test Researcher")
    path, first_run = start_path(None, demo=False)
    assert first_run
    assert str(path).startswith(str(isolated_home))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = build_main_window(path)
    qtbot.addWidget(window)
    window.show()
    offer_example(window)
    assert window.ledger.count("events") == 4
    window.close()
    assert path.exists()


def read_only_window(qtbot, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    """The window on the example, opened read-only."""
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "x"), "x")
    window = MainWindow(Ledger.open(path, read_only=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_read_only_file_opens_read_only_with_a_banner(qtbot, tmp_path: Path) -> None:
    window = read_only_window(qtbot, tmp_path)
    assert window.read_only_banner.isVisible()
    assert "read-only" in window.windowTitle()
    assert not window.form.isEnabled()
    assert not window.new_event_action.isEnabled()
    assert not window.import_action.isEnabled()
    assert window.events_pane.model.rowCount() == 4


def test_the_status_of_events_is_in_view_in_a_half_screen_window(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Beside the article being read (960 pixels), the events table scrolls sideways: the
    column that says an event is in conflict is not the one scrolled out of view."""
    window = open_window(qtbot, tmp_path / "ledger.db")
    window.resize(960, 800)
    QApplication.processEvents()
    view = window.events_pane.view
    header = view.horizontalHeader()
    left = header.sectionViewportPosition(STATUS_COLUMN)
    assert header.visualIndex(STATUS_COLUMN) == 2  # beside the type
    assert left >= 0 and left + header.sectionSize(STATUS_COLUMN) <= view.viewport().width()


def test_home_and_end_go_to_the_first_and_last_event(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """End went to the row's last column, which shows nothing in a table chosen by rows;
    with no row chosen yet, it took the first event (a report was then typed for it)."""
    window = open_window(qtbot, example_ledger(tmp_path))
    view = window.events_pane.view
    view.setFocus()
    last = window.events_pane.model.rowCount() - 1
    press(qtbot, Qt.Key.Key_End)
    assert view.currentIndex().row() == last
    press(qtbot, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0
    press(qtbot, Qt.Key.Key_End)
    assert view.selectionModel().selectedRows()[0].row() == last


def test_tab_leaves_every_table_of_the_window(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """A keyboard user is never trapped: Tab goes on from a table to the next control
    (arrows move within it), where it used to walk the cells round and round."""
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "tester"), "tester")
    window = open_window(qtbot, path)
    events = window.events_pane.view
    events.setFocus()
    events.selectRow(0)
    reports = window.event_pane.table
    for table in (events, reports):
        table.setFocus()
        assert focused() is table
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is not table, table.accessibleName()
    shortcut(qtbot, window, "Ctrl+2")
    queue = window.review_pane.queue
    queue.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is not queue


def test_layout_and_recent_files_are_remembered(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    window.resize(window.minimumSizeHint().width() + 11, 701)
    size = (window.width(), window.height())
    window.splitter.setSizes([300, 200])
    sizes = window.splitter.sizes()
    columns = window.events_pane.view.horizontalHeader()
    assert columns.sectionsMovable()  # a person drags them
    columns.moveSection(columns.visualIndex(5), 1)  # Status dragged beside the date
    columns.resizeSection(2, 150)  # Location wider
    columns.setSortIndicator(2, Qt.SortOrder.DescendingOrder)  # sorted by location
    window.review_pane.queue.horizontalHeader().resizeSection(1, 140)  # the queue's status
    window.review_pane.sort_order.setCurrentIndex(1)  # the queue by spread of counts
    window.show_workspace(2)  # the balance
    window.close()
    again = MainWindow(Ledger.open(path))
    qtbot.addWidget(again)
    again.show()
    kept = again.events_pane.view.horizontalHeader()
    assert (kept.visualIndex(5), kept.sectionSize(2)) == (1, 150)
    assert kept.sortIndicatorSection() == 2
    assert again.review_pane.queue.horizontalHeader().sectionSize(1) == 140
    assert again.review_pane.sort_order.currentIndex() == 1
    assert (again.events_pane.model._list.sort_key, again.events_pane.model._list.descending) == (
        "location",
        True,
    )
    assert again.height() == size[1]
    assert abs(again.width() - size[0]) <= 16  # the offscreen platform rounds frames
    assert again.workspaces.currentWidget() is again.chart_pane
    again.show_workspace(0)
    assert again.splitter.sizes() == sizes
    third = again.open_file(tmp_path / "second.db", create=True)  # File → New
    assert third is not None
    qtbot.addWidget(third)
    assert recent_files()[0] == str((tmp_path / "second.db").resolve())


def test_recent_files_survive_a_restart_with_only_one_of_them(tmp_path: Path) -> None:
    """Settings written by one run and read by the next (an INI file gives a list of one
    back as a string): the menu listed each character of the path as a recent file."""
    opened = [tmp_path / name for name in ("first.db", "second.db")]
    script = (
        "import sys; from pathlib import Path;"
        " from desktop_app.ui.main_window import recent_files, remember_file;"
        " remember_file(Path(sys.argv[1])); print('|'.join(recent_files()))"
    )
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    printed = [
        subprocess.run(
            [sys.executable, "-c", script, str(path)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for path in opened  # two runs of the program, one file each
    ]
    assert printed[-1].split("|") == [str(opened[1].resolve()), str(opened[0].resolve())]


def test_a_recent_file_that_is_gone_is_not_made_again_empty(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    gone = tmp_path / "moved away.db"
    Ledger.open(gone).close()
    window = MainWindow(Ledger.open(tmp_path / "here.db"))
    qtbot.addWidget(window)
    remember_file(gone)
    gone.unlink()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)
    window._fill_recent()  # as the menu does when it opens
    recent = next(a for a in window.recent_menu.actions() if "moved away.db" in a.text())
    recent.trigger()  # File → Open recent
    assert said == [f"{gone} does not exist."] and not gone.exists()
    assert not Path(f"{gone}-wal").exists()


@pytest.mark.parametrize("answer", ["&Remove from Open recent", "&Keep it listed"])
def test_a_recent_file_that_is_gone_may_be_taken_off_the_list(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:  # noqa: ANN001
    """A moved or deleted file stayed in Open recent for good, failing each time; its
    drive may only be unplugged, so the person says whether it goes."""
    gone, kept = tmp_path / "moved away.db", tmp_path / "kept.db"
    for path in (gone, kept):
        Ledger.open(path).close()
    window = MainWindow(Ledger.open(tmp_path / "here.db"))
    qtbot.addWidget(window)
    remember_file(kept)
    remember_file(gone)
    gone.unlink()

    def click(box: QMessageBox) -> int:
        buttons = {button.text(): button for button in box.buttons()}
        assert set(buttons) == {"&Remove from Open recent", "&Keep it listed"}
        assert box.defaultButton() is buttons["&Remove from Open recent"]
        buttons[answer].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    window.open_file(gone)
    listed = [str(gone.resolve()), str(kept.resolve())]
    assert recent_files() == (listed[1:] if answer.startswith("&Remove") else listed)


def test_a_file_that_is_gone_but_not_recent_is_only_said(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    window = MainWindow(Ledger.open(tmp_path / "here.db"))
    qtbot.addWidget(window)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: said.append(a[2]))
    window.open_file(tmp_path / "never.db")
    assert said == [f"{tmp_path / 'never.db'} does not exist."]


def test_an_unexpected_error_shows_a_dialog_and_keeps_committed_data(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ui.app import install_crash_guard

    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    window.transfers.import_file(EXAMPLE_CSV)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()) or 0)
    previous = sys.excepthook
    install_crash_guard()
    try:
        try:
            raise RuntimeError("something unexpected")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert shown and "RuntimeError: something unexpected" in shown[0]
    window.close()
    with Ledger.open(path, read_only=True) as ledger:
        assert ledger.count("reports") == 6


def test_an_unexpected_error_in_a_screenshot_run_ends_it_instead_of_a_dialog(
    qtbot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nobody watches a --screenshot run: its error dialog waited for ever for a click
    (a test run hung on one for minutes). The details go to stderr, the run ends with 1."""
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop_app.ui.app import install_crash_guard

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    previous = sys.excepthook
    install_crash_guard(dialog=False)
    loop = QEventLoop()
    monkeypatch.setattr(QApplication, "exit", lambda _app, code=0: loop.exit(code))
    try:
        QTimer.singleShot(0, lambda: sys.excepthook(RuntimeError, RuntimeError("boom"), None))
        QTimer.singleShot(5000, lambda: loop.exit(99))  # never needed once it works
        code = loop.exec()
    finally:
        sys.excepthook = previous
    assert code == 1 and not shown
    assert "RuntimeError: boom" in capsys.readouterr().err


def test_another_process_commit_is_noticed(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    with Ledger.open(path) as other:
        apply_import(other, plan_import(other, EXAMPLE_CSV, "other"), "other")
    with qtbot.waitSignal(window.notifier.changed, timeout=3000):
        pass
    assert window.events_pane.model.rowCount() == 4


def test_filter_controls_have_their_labels_as_accessible_names(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    pane = window.events_pane
    names = {
        pane.type_filter: "Type",
        pane.status_filter: "Status",
        pane.category_filter: "Category",
        pane.date_from.line: "From",
        pane.date_to.line: "To",
        pane.search: "Search",
        pane.view: "Events",
    }
    for widget, name in names.items():
        assert widget.accessibleName() == name


def test_a_bad_filter_date_says_why(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    pane = window.events_pane
    pane.date_from.setFocus()
    type_text(qtbot, "2023-13")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: pane.filter_error.isVisible())
    assert "no month 13" in pane.filter_error.text()


def sources_dialog(qtbot, tmp_path: Path) -> tuple[MainWindow, SourcesDialog]:  # noqa: ANN001
    """The window on the example, and its Sources dialog open, modal as exec() opens it."""
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "x"), "x")
    window = open_window(qtbot, path)
    dialog = SourcesDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return window, dialog


def test_sources_are_renamed_and_merged_in_their_dialog(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: asked.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]))
    window, dialog = sources_dialog(qtbot, tmp_path)
    names = [source["name"] for source in dialog.sources]
    dialog.table.setCurrentCell(names.index("Shamsail Saraliyev"), 0)
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Shamsail Saraliev")
    dialog.save_button.click()
    assert "Shamsail Saraliev" in [source["name"] for source in dialog.sources]
    # A look-alike name (a Cyrillic і among Latin letters) is refused, naming the letter.
    dialog.name.setText("Shamsail Saral\u0456ev")  # pasted: QTest types ASCII only
    dialog.save_button.click()
    assert "U+0456" in asked.pop()
    assert "Shamsail Saraliev" in [source["name"] for source in dialog.sources]
    # Merge the video into the article: its report follows. Until another source is
    # chosen, Alt+M merges nothing.
    names = [source["name"] for source in dialog.sources]
    dialog.table.setCurrentCell(names.index("Online video of the remains transfer"), 0)
    dialog.merge_button.click()  # Alt+M
    assert asked.pop() == "Choose another source to merge into."
    assert window.ledger.count("sources") == 4
    dialog.merge_target.setCurrentIndex(
        dialog.merge_target.findText(
            "Article: Second Russia-Ukraine Talks in Istanbul Focus on Ceasefire Memorandums"
        )
    )
    dialog.merge_button.click()
    assert asked.pop().startswith("Merge Online video of the remains transfer into Article")
    assert window.ledger.count("sources") == 3
    article = window.ledger.find_source(
        "Article: Second Russia-Ukraine Talks in Istanbul Focus on Ceasefire Memorandums", None
    )
    assert article is not None
    moved = window.ledger.conn.execute(
        "SELECT COUNT(*) FROM reports WHERE source_id = ?", (article["id"],)
    ).fetchone()[0]
    assert moved == 4
    # Ctrl+Z in the dialog, which is modal in use (the window's shortcut cannot fire).
    dialog.table.setFocus()
    shortcut(qtbot, dialog, "Ctrl+Z")
    assert window.ledger.count("sources") == 4
    dialog.name.setFocus()  # a box filled by the program, not typed in: the keys go through
    shortcut(qtbot, dialog, "Ctrl+Z")
    assert window.ledger.find_source("Shamsail Saraliyev", "Russia") is not None
    assert "Shamsail Saraliyev" in [source["name"] for source in dialog.sources]
    shortcut(qtbot, dialog, "Ctrl+Shift+Z")
    assert window.ledger.find_source("Shamsail Saraliev", "Russia") is not None


def test_the_window_has_the_application_icon(qtbot) -> None:  # noqa: ANN001
    from desktop_app.ui.app import application_icon

    assert not application_icon().isNull()


def test_the_progress_dialog_is_wide_enough_for_its_title(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    title = "Importing reports-of-the-coordination-headquarters-2025-06.csv"
    widths: list[tuple[int, int]] = []
    runner.started.connect(
        lambda dialog: widths.append(
            (dialog.minimumWidth(), dialog.fontMetrics().horizontalAdvance(title))
        )
    )
    runner.run(title, lambda progress: "done")
    assert widths and widths[0][0] > widths[0][1]


def test_a_refusal_does_not_leave_an_earlier_success_in_the_status_bar(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A second copy to the same name was refused, and the status bar still said "Saved a
    copy …"; a refused merge left "Merged …" of the one before."""
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    window = open_window(qtbot, tmp_path / "ledger.db")
    window.transfers.import_file(EXAMPLE_CSV)
    assert window.save_copy(tmp_path / "copy.db")
    assert window.statusBar().currentMessage().startswith("Saved a copy")
    assert not window.save_copy(tmp_path / "copy.db")  # it exists: refused
    assert window.statusBar().currentMessage() == ""
    window.transfers.import_file(EXAMPLE_CSV)  # nothing new: a message to replace
    assert window.statusBar().currentMessage()
    (tmp_path / "notes.db").write_text("not a ledger")
    assert window.transfers.merge_file(tmp_path / "notes.db") is None
    assert window.statusBar().currentMessage() == ""
    window.transfers.import_file(EXAMPLE_CSV)
    assert window.statusBar().currentMessage()
    assert window.transfers.merge_file(window.ledger.path) is None  # itself: refused
    assert window.statusBar().currentMessage() == ""


def test_an_export_into_a_file_or_a_folder_that_cannot_be_written_is_said_plainly(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An export into a file said "[Errno 17] File exists: '…'", and one into a folder
    that cannot be written named a hidden temporary file: now the file in the way, or the
    folder, in words."""
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(str(a[2])))
    window = open_window(qtbot, tmp_path / "ledger.db")
    in_the_way = tmp_path / "afile"
    in_the_way.write_text("mine")
    assert window.transfers.export_to(in_the_way) is None
    assert window.transfers.export_to(in_the_way / "out") is None
    needed = "is a file where a folder is needed: name a folder"
    assert (
        warnings
        == [f"{in_the_way} {needed} (one that does not exist yet is created); nothing was written."]
        * 2
    ), warnings
    closed = tmp_path / "closed"
    closed.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, *a, **k: Path(path) != closed and real_access(path, mode)
    )
    assert window.transfers.export_to(closed) is None
    assert warnings[-1] == f"{closed} cannot be written: permission denied."
    assert in_the_way.read_text() == "mine" and list(closed.iterdir()) == []


def test_a_copy_into_a_folder_that_cannot_be_written_is_refused_in_a_sentence(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """It ended in the unexpected-error dialog, naming a hidden temporary file (chmod
    means nothing to root, who runs CI: the folder's refusal is made where it comes)."""
    import tempfile

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(str(a[2])))
    window = open_window(qtbot, tmp_path / "ledger.db")

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert not window.save_copy(tmp_path / "copy.db")
    assert warnings == [
        f"{tmp_path} cannot be written (Permission denied): the copy was not written."
    ]
    assert not (tmp_path / "copy.db").exists()


def test_save_a_copy_does_not_read_the_whole_file_to_check_it_again(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The copy opened the file a second time, for its own thread, and SQLite's
    quick_check read all of it again (half a second at 100,000 events) before VACUUM INTO
    read it all once more; the window checked it when it opened it."""
    window = open_window(qtbot, tmp_path / "ledger.db")
    window.transfers.import_file(EXAMPLE_CSV)  # changed since the window's check
    checked: list[Path] = []
    remember = checked_files.remember_checked
    monkeypatch.setattr(
        checked_files,
        "remember_checked",
        lambda path, *args: (checked.append(path), remember(path, *args))[1],
    )
    assert window.save_copy(tmp_path / "copy.db")
    assert checked == []
    with Ledger.open(tmp_path / "copy.db", read_only=True) as copy:  # this one is checked
        assert copy.count("reports") == 6
    assert checked == [tmp_path / "copy.db"]


def test_enter_closes_a_list_of_problems(qtbot) -> None:  # noqa: ANN001
    """Its read-only list has the focus; Enter did nothing there, only Esc closed it."""
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ProblemsDialog("Nothing imported", "2 problems", ["row 2: a", "row 3: b"], parent)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.text.setFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def start_after(
    tmp_path: Path, last: Path, shot: Path, *, moved: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """A run of the program that remembered `last` (moved away after it, if `moved`), then
    a plain start from the desktop's menu (no file named), its window rendered into `shot`."""
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    remember = "import sys; from pathlib import Path; from desktop_app.ui.main_window import" + (
        " remember_file; remember_file(Path(sys.argv[1]))"
    )
    subprocess.run([sys.executable, "-c", remember, str(last)], env=env, check=True)
    if moved is not None:
        last.rename(moved)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def test_a_refused_last_file_still_brings_the_window_up_on_the_data_folders_ledger(
    tmp_path: Path,
) -> None:
    """Started from the desktop's menu (no file named), a last file that a newer version
    saved must not end every start at its message, File → Open out of reach."""
    newer = tmp_path / "newer.db"
    Ledger.open(newer).close()
    with sqlite3.connect(newer) as connection:
        connection.execute("PRAGMA user_version = 99")
    before = newer.read_bytes()
    shot = tmp_path / "shot.png"
    started = start_after(tmp_path, newer, shot)
    assert started.returncode == 0, started.stderr
    assert "newer version" in started.stderr and shot.exists()
    assert newer.read_bytes() == before
    assert list((tmp_path / "data").rglob("*.db")), "the data folder's ledger was opened"


def test_the_message_of_a_refused_last_file_says_which_ledger_opens_instead(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop_app.ui.app import _cannot_open

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: said.append(a[2]))
    _cannot_open(f"{tmp_path}/x.db was written by a newer version", tmp_path / "ledger.db")
    assert said[0].endswith(
        f"Exchange Ledger opens {tmp_path / 'ledger.db'} instead;"
        " File → Open reaches your other ledgers."
    )


def test_a_sort_by_a_header_keeps_the_selected_event_selected_and_in_view(
    qtbot,  # noqa: ANN001
    thousands_window,  # noqa: ANN001
) -> None:
    window, _rows = thousands_window
    view = window.events_pane.view
    model = window.events_pane.model
    view.selectRow(55)
    chosen = model.event_id(55)
    view.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)  # a click
    row = model.position(chosen)
    assert row is not None and row != 55
    qtbot.waitUntil(lambda: view.currentIndex().row() == row)
    assert [index.row() for index in view.selectionModel().selectedRows()] == [row]
    assert view.visualRect(view.currentIndex()).intersects(view.viewport().rect())


def test_opening_another_file_keeps_the_layout_just_set(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "first.db")
    columns = window.events_pane.view.horizontalHeader()
    columns.resizeSection(2, 277)
    columns.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
    second = window.open_file(tmp_path / "second.db", create=True)
    assert second is not None
    qtbot.addWidget(second)
    kept = second.events_pane.view.horizontalHeader()
    assert (kept.sectionSize(2), kept.sortIndicatorSection()) == (277, 4)
    assert kept.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_the_window_another_file_replaces_is_freed(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """File → Open kept every window it replaced (Qt's own connections held it): 47 MB
    more at each file opened at 100,000 events."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop_app.ui import build_main_window

    window = build_main_window(tmp_path / "first.db")  # not qtbot's: it is to be freed
    window.show()
    second = window.open_file(tmp_path / "second.db", create=True)
    assert second is not None
    qtbot.addWidget(second)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)
    assert shiboken6.isValid(second) and second.isVisible()


def test_a_last_file_that_is_gone_is_said_to_be_gone(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A plain start whose last file was moved away opened a new, empty ledger without a
    word (and offered the example): as if the researcher's data were lost."""
    gone = tmp_path / "mine.db"
    Ledger.open(gone).close()
    started = start_after(tmp_path, gone, tmp_path / "shot.png", moved=tmp_path / "moved.db")
    assert started.returncode == 0, started.stderr
    assert f"{gone} is not there any more" in started.stderr
    assert not gone.exists()  # not made again, empty

    from desktop_app.ui.app import _say_gone

    window = open_window(qtbot, tmp_path / "here.db")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    _say_gone(window, gone)
    assert said[0].startswith(f"{gone} is not there any more") and "here.db" in said[0]


def test_a_name_that_shows_nothing_is_asked_again(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A zero-width space typed as one's name named nobody in every recorded_by and
    resolved_by that followed; `--by` with one was refused on the command line alone."""
    from PySide6.QtWidgets import QInputDialog

    from desktop_app import settings

    path = tmp_path / "ledger.db"
    Ledger.open(path).close()
    window = open_window(qtbot, path)
    settings.set_user_name("\u200b")
    assert settings.stored_user_name() == ""
    answers = iter([("\u200b\u00ad", True), (" Rita ", True)])
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(kwargs.get("text", "")))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", answer)
    assert window.session.who() == "Rita" and len(asked) == 2
    assert settings.stored_user_name() == "Rita"


def test_edit_your_name_corrects_the_name_later_entries_carry(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The name was asked once and never again: a typo, or the login name a Cancel kept
    the first time, went into every later recorded_by and resolved_by."""
    from PySide6.QtWidgets import QInputDialog

    from desktop_app import settings

    path = tmp_path / "ledger.db"
    Ledger.open(path).close()
    window = open_window(qtbot, path)
    answers = iter([("Olena K.", False), ("\u200b", True), (" Olena K. ", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    before = settings.stored_user_name()
    window.name_action.trigger()  # Cancel
    window.name_action.trigger()  # a name that shows nothing
    assert settings.stored_user_name() == before and window.statusBar().currentMessage() == ""
    assert window.name_action in window.menuBar().actions()[1].menu().actions()
    window.name_action.trigger()
    assert settings.stored_user_name() == "Olena K."
    assert window.statusBar().currentMessage().startswith("Your name is now Olena K.:")
    assert window.session.who() == "Olena K."


def test_the_sources_dialog_lets_tab_leave_its_table_and_saves_only_a_change(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """Tab went round the table's cells and on to the next row, loading another source
    into the fields, and never left the table; Save with nothing changed pushed an undo
    step and audited an edit whose old and new were the same."""
    window, dialog = sources_dialog(qtbot, tmp_path)
    dialog.table.setCurrentCell(0, 0)
    chosen = dialog.selected()
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    for _ in range(dialog.table.columnCount()):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert not dialog.table.hasFocus() and dialog.selected() == chosen
    steps = window.session.undo_stack.count()
    audited = window.ledger.count("audit")
    dialog.save_button.click()
    assert window.session.undo_stack.count() == steps and window.ledger.count("audit") == audited


@pytest.mark.parametrize(
    ("key", "value"), [("window/workspace", "review"), ("window/queue_order", "xyz")]
)
def test_a_remembered_position_that_is_no_number_opens_on_the_first(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    key: str,
    value: str,
) -> None:
    """Written by hand into the settings file, "review" ended the start in a traceback
    (int("review")) and the process hung."""
    from PySide6.QtCore import QSettings

    from desktop_app import settings

    QSettings(settings.ORGANIZATION, settings.APPLICATION).setValue(key, value)
    path = tmp_path / "ledger.db"
    Ledger.open(path).close()
    window = open_window(qtbot, path)
    assert window.workspaces.currentIndex() == 0
    assert window.review_pane.sort_order.currentIndex() == 0


def test_the_events_sort_from_the_keyboard_through_the_view_menu(
    qtbot,  # noqa: ANN001
    thousands_window,  # noqa: ANN001
) -> None:
    """A header takes no focus: sorting by Status, Type or Reports took a mouse. View →
    Sort events by does it, and shows the header's sort, clicked or chosen."""
    window, _rows = thousands_window
    pane = window.events_pane
    header = pane.view.horizontalHeader()
    by_reports = pane.sort_actions[4]
    assert pane.sort_actions[0].isChecked() and not pane.descending_action.isChecked()
    by_reports.trigger()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        4,
        Qt.SortOrder.AscendingOrder,
    )
    assert pane.model.row(0).n_reports == 1
    pane.descending_action.trigger()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert pane.model.row(0).n_reports == 2
    pane.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # as a click on Date does
    assert pane.sort_actions[0].isChecked() and not pane.descending_action.isChecked()
    menus = [action.text() for action in window.menuBar().actions()]
    view = window.menuBar().actions()[menus.index("&View")].menu()
    assert "S&ort events by" in [action.text() for action in view.actions()]


def test_the_sort_in_force_chosen_again_keeps_the_selection(
    qtbot,  # noqa: ANN001
    thousands_window,  # noqa: ANN001
) -> None:
    """View → Sort events by → Date, with the table sorted by date already, dropped the
    selection, and the next Down went to the first row, another event."""
    window, _rows = thousands_window
    pane = window.events_pane
    pane.view.setFocus()
    pane.view.selectRow(40)
    chosen = pane.selected_event()
    pages = pane.model.pages_fetched
    pane.sort_actions[0].trigger()
    assert pane.selected_event() == chosen and pane.view.currentIndex().row() == 40
    assert pane.model.pages_fetched == pages  # nothing read again
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    assert pane.view.currentIndex().row() == 41


def test_cancel_stops_an_export_and_says_what_was_written(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Cancel did nothing: the export went on, replaced the folder's files and said
    "Exported 22 rows". Pressed as the dialog opens, nothing is written."""
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "x"), "x")
    window = open_window(qtbot, path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "reports.csv").write_text("a colleague's file\n", encoding="utf-8")
    window.tasks.started.connect(lambda _dialog: window.tasks.cancel())
    assert window.transfers.export_to(out) is None
    assert (out / "reports.csv").read_text(encoding="utf-8") == "a colleague's file\n"
    assert sorted(p.name for p in out.iterdir()) == ["reports.csv"]  # no temporary left
    said = window.statusBar().currentMessage()
    assert said == f"Export into {out} cancelled: nothing was written.", said


def test_a_cancel_between_files_names_those_written(tmp_path: Path) -> None:
    """The files written before Cancel stay, as a failure leaves them; the one being
    written when it came leaves no temporary file."""
    from desktop_app.store.exporter import ExportCancelled, export_all

    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "x"), "x")
        asked: list[tuple[int, int]] = []

        def cancel_at_the_third_file(done: int, total: int) -> bool:
            asked.append((done, total))
            return done < 2

        with pytest.raises(ExportCancelled) as stopped:
            export_all(ledger, tmp_path / "out", progress=cancel_at_the_third_file)
    assert stopped.value.written == ["reports.csv", "events.csv"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["events.csv", "reports.csv"]
    assert asked[-1] == (2, 6)


def test_an_undone_deletion_puts_the_report_back_in_the_import_that_added_it(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PRODUCT: the records an import adds point to it. Deleted, then undone, the report
    came back pointing to no operation."""
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "x"), "x")
    window = open_window(qtbot, path)
    window.session.event_selected.emit("bodies-2025-06-13")
    qtbot.waitUntil(lambda: len(window.event_pane.reports) == 3)
    report = window.event_pane.reports[1]["id"]
    imported = window.ledger.report_operation(report)
    assert imported is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.event_pane.table.setFocus()
    window.event_pane.table.selectRow(1)
    shortcut(qtbot, window, "Delete")
    assert not window.ledger.report_exists(report)
    window.session.undo_stack.undo()
    assert window.ledger.report_operation(report) == imported
    window.session.undo_stack.redo()
    window.session.undo_stack.undo()
    assert window.ledger.report_operation(report) == imported


def test_the_sources_dialog_takes_a_party_typed_in_another_case_for_no_change(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """ "russia" is the party Russia: Save made an undo step and an audit record of an
    edit whose old and new were the same."""
    window, dialog = sources_dialog(qtbot, tmp_path)
    names = [source["name"] for source in dialog.sources]
    dialog.table.setCurrentCell(names.index("Shamsail Saraliyev"), 0)
    assert dialog.party.text() == "Russia"
    dialog.party.setText("russia")
    steps, audited = window.session.undo_stack.count(), window.ledger.count("audit")
    dialog.save_button.click()
    assert window.session.undo_stack.count() == steps and window.ledger.count("audit") == audited


def test_open_recent_shows_an_ampersand_in_a_path(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """`R&D/ledger.db` was listed as `RD/ledger.db`, its D a mnemonic."""
    folder = tmp_path / "R&D"
    folder.mkdir()
    path = folder / "ledger.db"
    Ledger.open(path).close()
    window = open_window(qtbot, path)
    remember_file(path)
    window._fill_recent()
    texts = [action.text() for action in window.recent_menu.actions()]
    assert str(path).replace("&", "&&") in texts


def test_a_write_shortcut_in_a_read_only_window_says_why_it_does_nothing(
    qtbot, tmp_path: Path
) -> None:  # noqa: ANN001
    """Ctrl+N, Delete, F2, Ctrl+I… in a read-only window did nothing, without a word."""
    window = read_only_window(qtbot, tmp_path)
    window.activateWindow()
    window.events_pane.view.setFocus()
    qtbot.waitUntil(window.events_pane.view.hasFocus)
    for keys in ("Ctrl+N", "Ctrl+I", "F2"):
        window.statusBar().clearMessage()
        shortcut(qtbot, window, keys)
        said = window.statusBar().currentMessage()
        assert said == "This file is open read-only: nothing can be changed.", keys
    assert window.ledger.count("reports") == 6


def test_another_programs_write_keeps_what_is_typed_in_the_sources_dialog(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A rename typed and not yet saved went back to the stored name at any other
    program's write (the list reloads), and Save then saved nothing, without a word."""
    window, dialog = sources_dialog(qtbot, tmp_path)
    row = next(i for i, s in enumerate(dialog.sources) if s["name"] == "Vladimir Medinsky")
    dialog.table.setCurrentCell(row, 0)
    dialog.name.setText("Vladimir R. Medinsky")
    dialog.reliability.setCurrentIndex(1)  # B
    with Ledger.open(window.ledger.path) as other:  # another program resolves something
        other.resolve(
            "bodies-2025-06-13",
            FieldKey.count(FlowKey("Ukraine", "Russia", "bodies")),
            "1200",
            "cli",
            "x",
        )
    window.check_other_writers()
    assert (dialog.name.text(), dialog.reliability.currentIndex()) == ("Vladimir R. Medinsky", 1)
    assert dialog.selected()["name"] == "Vladimir Medinsky"
    dialog.save()
    with Ledger.open(window.ledger.path, read_only=True) as ledger:
        names = {s["name"]: s["reliability"] for s in all_sources(ledger)}
    assert names.get("Vladimir R. Medinsky") == "B"


def test_a_field_not_typed_in_takes_another_programs_change_to_the_source(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the name typed, another program regraded the source: the reload kept the
    old grade in its field, and Save (after a question about "what you typed") put the
    old grade back too. The field shows the new grade; Save keeps it, unasked."""
    window, dialog = sources_dialog(qtbot, tmp_path)
    row = next(i for i, s in enumerate(dialog.sources) if s["name"] == "Vladimir Medinsky")
    dialog.table.setCurrentCell(row, 0)
    source_id = dialog.selected()["id"]
    assert dialog.reliability.currentText().startswith("F")
    dialog.name.setText("Vladimir R. Medinsky")
    with Ledger.open(window.ledger.path) as other:  # another program regrades it to A
        held = next(s for s in all_sources(other) if s["id"] == source_id)
        update_source(
            other, source_id, SourceFields(held["name"], held["party"], held["kind"], "A"), "x"
        )
    window.check_other_writers()
    assert dialog.name.text() == "Vladimir R. Medinsky"
    assert dialog.reliability.currentText().startswith("A")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, *_: asked.append(title))
    dialog.save()
    assert asked == []
    with Ledger.open(window.ledger.path, read_only=True) as ledger:
        stored = next(s for s in all_sources(ledger) if s["id"] == source_id)
    assert (stored["name"], stored["reliability"]) == ("Vladimir R. Medinsky", "A")


@pytest.mark.parametrize("answer", ["Cancel", "Save"])
def test_saving_over_another_programs_change_to_the_source_is_asked_first(
    answer: str,
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Kept while the list reloaded, what was typed was saved over another program's
    regrade of the same source, putting back what it held before, without a word."""
    window, dialog = sources_dialog(qtbot, tmp_path)
    row = next(i for i, s in enumerate(dialog.sources) if s["name"] == "Vladimir Medinsky")
    dialog.table.setCurrentCell(row, 0)
    source_id = dialog.selected()["id"]
    dialog.name.setText("Vladimir R. Medinsky")
    dialog.reliability.setCurrentIndex(1)  # B, typed over F
    with Ledger.open(window.ledger.path) as other:  # another program regrades it to A
        held = next(s for s in all_sources(other) if s["id"] == source_id)
        fields = SourceFields(held["name"], held["party"], held["kind"], "A")
        update_source(other, source_id, fields, "x")
    window.check_other_writers()
    asked: list[str] = []

    def question(_parent, title, *_args):  # noqa: ANN001, ANN202
        asked.append(title)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.save()
    assert asked == ["Source changed meanwhile"]
    with Ledger.open(window.ledger.path, read_only=True) as ledger:
        stored = next(s for s in all_sources(ledger) if s["id"] == source_id)
    if answer == "Cancel":
        assert (stored["name"], stored["reliability"]) == ("Vladimir Medinsky", "A")
        assert dialog.name.text() == "Vladimir R. Medinsky"  # what was typed stays
    else:
        assert (stored["name"], stored["reliability"]) == ("Vladimir R. Medinsky", "B")


def test_the_question_before_saving_over_a_change_survives_later_reloads(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A second reload (any later commit of another program: even one that only opens
    the file) forgot what the typing was made over, and Save undid the regrade unasked;
    the dialog's own save of a name with a trailing space made the next save ask."""
    window, dialog = sources_dialog(qtbot, tmp_path)
    row = next(i for i, s in enumerate(dialog.sources) if s["name"] == "Vladimir Medinsky")
    dialog.table.setCurrentCell(row, 0)
    source_id = dialog.selected()["id"]
    asked: list[str] = []

    def question(_parent, title, *_args):  # noqa: ANN001, ANN202
        asked.append(title)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.name.setText("Vladimir R. Medinsky ")  # a trailing space, typed
    dialog.save()
    dialog.reliability.setCurrentIndex(1)  # B
    dialog.save()  # nothing changed elsewhere: no question
    assert asked == []
    dialog.reliability.setCurrentIndex(2)  # C, typed
    with Ledger.open(window.ledger.path) as other:  # another program regrades it to A
        held = next(s for s in all_sources(other) if s["id"] == source_id)
        update_source(
            other, source_id, SourceFields(held["name"], held["party"], held["kind"], "A"), "x"
        )
    window.check_other_writers()
    with Ledger.open(window.ledger.path):  # then only opens the file
        pass
    window.check_other_writers()
    dialog.save()
    assert asked == ["Source changed meanwhile"]
    with Ledger.open(window.ledger.path, read_only=True) as ledger:
        stored = next(s for s in all_sources(ledger) if s["id"] == source_id)
    assert (stored["name"], stored["reliability"]) == ("Vladimir R. Medinsky", "A")
