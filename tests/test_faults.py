"""Faults a ledger file must survive (PRODUCT.md, "Promises"): a process killed in the
middle of a form commit or of a merge, two processes writing the same file, and the
audit record every kind of change leaves, undo and redo included.

The kill tests run real processes and SIGKILL them at chosen moments; afterwards the
file must pass `integrity_check`, hold everything that was committed, and hold nothing
half-written."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import DATA_TABLES, REPO, write_reports_csv
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QPushButton
from ui_helpers import USER, open_window

from desktop_app.domain.records import FieldKey, Flow, FlowKey
from desktop_app.store import ledger as ledger_module
from desktop_app.store import sources
from desktop_app.store.check import check
from desktop_app.store.importer import REPORT_COLUMNS, apply_import, plan_import
from desktop_app.store.ledger import Ledger, LedgerBusyError, ReportInput
from desktop_app.ui.commands import (
    AddReport,
    Decide,
    DeleteReports,
    EditReport,
    MergeSources,
    UpdateSource,
)
from desktop_app.ui.main_window import MainWindow

POWS_RU_UA = FlowKey("Russia", "Ukraine", "pows")
POWS_UA_RU = FlowKey("Ukraine", "Russia", "pows")
TABLES = DATA_TABLES


# ---- helpers ----------------------------------------------------------------------------


def child_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a child process: offscreen Qt, its own home and settings."""
    env = os.environ.copy()
    home = tmp_path / "child-home"
    for name, sub in {
        "HOME": "",
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_CACHE_HOME": ".cache",
        "XDG_RUNTIME_DIR": "runtime",
    }.items():
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    (home / "runtime").chmod(0o700)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYQTGRAPH_QT_LIB"] = "PySide6"
    env["PYTHONUNBUFFERED"] = "1"
    return env


@contextmanager
def child(
    args: list[str], tmp_path: Path, *, timeout: float = 60, stdout: int | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A child process that cannot outlive the test: killed after `timeout` seconds by a
    watchdog (so a blocked read returns), and in any case when the block ends."""
    log = (tmp_path / f"child-{time.monotonic_ns()}.err").open("wb")
    process = subprocess.Popen(
        [sys.executable, *args],
        cwd=REPO,
        env=child_env(tmp_path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=log,
    )
    watchdog = threading.Timer(timeout, process.kill)
    watchdog.start()
    try:
        yield process
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
        log.close()


def stderr_tail(tmp_path: Path) -> str:
    logs = sorted(tmp_path.glob("child-*.err"))
    return logs[-1].read_text(errors="replace")[-2000:] if logs else ""


def integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def counts(path: Path) -> dict[str, int]:
    with Ledger.open(path, read_only=True) as ledger:
        return {table: ledger.count(table) for table in TABLES}


def report(
    *, source: str = "Coordination HQ", count: int = 100, date: str = "2025-06-11"
) -> ReportInput:
    return ReportInput(
        event_type="exchange",
        source_name=source,
        source_party="Ukraine",
        claimed_date=date,
        quote=f"{count} prisoners came home",
        flows=(Flow(POWS_RU_UA, count),),
    )


# ---- 1. a form commit killed midway ----------------------------------------------------------

# Opens the real window offscreen and enters reports through the form with key events,
# each with exactly two flows. It prints "commit N" just before Ctrl+Return and
# "committed ID" once the report is in the file (read back from the store).
FORM_WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date, timedelta

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop_app import settings
    from desktop_app.ui import build_main_window

    CTRL = Qt.KeyboardModifier.ControlModifier
    ALT = Qt.KeyboardModifier.AltModifier


    def focused():
        widget = QApplication.focusWidget()
        if widget is None:
            print("nothing has the keyboard focus", flush=True)
            sys.exit(3)
        return widget


    def type_into(widget, text):
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        QTest.keyClicks(widget, text)


    app = QApplication(sys.argv[:1])
    settings.set_user_name("Form Writer")
    window = build_main_window(sys.argv[1])
    window.form.ask_duplicate = lambda candidates: ""  # never a modal prompt: a new event
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    form, ledger = window.form, window.ledger
    first_day = date(1990, 1, 1)
    print("ready", flush=True)
    index = 0
    while True:
        QTest.keyClick(focused(), Qt.Key.Key_N, CTRL)  # New event
        type_into(form.event_type, "exchange")
        type_into(form.source, f"Form source {index % 5}")
        type_into(form.source_party, "Ukraine")
        type_into(form.claimed_date.line, (first_day + timedelta(days=7 * index)).isoformat())
        type_into(form.quote, f"report {index} " + "words " * 20)
        directions = (("Russia", "Ukraine"), ("Ukraine", "Russia"))
        for number, (from_party, to_party) in enumerate(directions):
            QTest.keyClick(focused(), Qt.Key.Key_A, ALT)  # Add flow
            row = form.flows.rows[number]
            type_into(row.category, "pows")
            type_into(row.from_party, from_party)
            type_into(row.to_party, to_party)
            type_into(row.count, str(100 + index + number))
        before = ledger.count("reports")
        print(f"commit {index}", flush=True)
        QTest.keyClick(focused(), Qt.Key.Key_Return, CTRL)
        if ledger.count("reports") != before + 1:
            print("the commit wrote nothing", flush=True)
            sys.exit(3)
        (report_id,) = ledger.conn.execute(
            "SELECT id FROM reports ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        print(f"committed {report_id}", flush=True)
        index += 1
    """
)


def _whole_lines(data: bytes) -> list[str]:
    return [line.decode() for line in data.split(b"\n")[:-1]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("commits", "delay"),
    [(1, 0.0), (3, 0.003), (6, 0.007), (9, 0.012)],
    ids=["1st-commit", "3rd-commit+3ms", "6th-commit+7ms", "9th-commit+12ms"],
)
def test_a_form_commit_killed_midway_keeps_every_committed_report_and_no_half_one(
    commits: int, delay: float, tmp_path: Path
) -> None:
    db = tmp_path / "form.db"
    output = b""
    with child(["-c", FORM_WRITER, str(db)], tmp_path, timeout=90) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first == b"ready\n", (first, stderr_tail(tmp_path))
        seen = 0
        while seen < commits:
            line = process.stdout.readline()
            assert line.endswith(b"\n"), f"the writer stopped: {line!r} {stderr_tail(tmp_path)}"
            assert not line.startswith((b"the commit", b"nothing")), line
            output += line
            seen += line.startswith(b"commit ")
        if delay:
            time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        output += process.stdout.read()  # what it printed before the signal landed
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    committed = [line.split()[1] for line in _whole_lines(output) if line.startswith("committed")]
    assert len(committed) >= commits - 1
    assert integrity(db) == ["ok"]
    with Ledger.open(db) as ledger:
        flows_per_report = dict(
            ledger.conn.execute(
                "SELECT r.id, COUNT(f.report_id) FROM reports r"
                " LEFT JOIN flows f ON f.report_id = r.id GROUP BY r.id"
            )
        )
        missing = [report_id for report_id in committed if report_id not in flows_per_report]
        assert not missing, f"{len(missing)} committed reports lost"
        # at most the report whose commit was under way, and then whole
        assert len(flows_per_report) - len(committed) in (0, 1)
        half = {rid: n for rid, n in flows_per_report.items() if n != 2}
        assert not half, f"reports without both their flows: {half}"
        orphans = ledger.conn.execute(
            "SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM reports)"
        ).fetchone()[0]
        assert orphans == 0, "an event without its report"
        stray_flows = ledger.conn.execute(
            "SELECT COUNT(*) FROM flows WHERE report_id NOT IN (SELECT id FROM reports)"
        ).fetchone()[0]
        assert stray_flows == 0
        audited = {
            row[0]
            for row in ledger.conn.execute(
                "SELECT entity_id FROM audit WHERE action = 'create' AND entity = 'report'"
            )
        }
        assert audited == set(flows_per_report)
        recorded_by = {row[0] for row in ledger.conn.execute("SELECT recorded_by FROM reports")}
        assert recorded_by <= {"Form Writer"}
        result = check(ledger)
        assert result.ok, result.lines()
        # and the file still takes writes
        ledger.add_report(report(), "after the kill")
        assert ledger.count("reports") == len(flows_per_report) + 1


# ---- 2. a merge killed midway -------------------------------------------------------------

OTHER_REPORTS = 12_000  # two reports per event
OTHER_DECISIONS = 3


@pytest.fixture(scope="module")
def big_other(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A colleague's ledger: 12,000 reports of 6,000 events and a few decisions."""
    folder = tmp_path_factory.mktemp("colleague")
    csv_path = write_reports_csv(
        folder / "theirs.csv",
        OTHER_REPORTS,
        prefix="theirs",
        per_event=2,
        source="Their source",
        quote_words=0,
    )
    path = folder / "theirs.db"
    with Ledger.open(path) as theirs:
        plan = plan_import(theirs, csv_path, "colleague")
        assert not plan.errors
        apply_import(theirs, plan, "colleague")
        for event in range(OTHER_DECISIONS):
            theirs.resolve(
                f"theirs-event-{event}",
                FieldKey.count(POWS_RU_UA),
                "11",
                "their count",
                "colleague",
            )
    return path


@pytest.fixture(scope="module")
def mine_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mine") / "mine.db"
    with Ledger.open(path) as mine:
        for number in range(3):
            mine.add_report(report(count=100 + number), "me", event_id=f"mine-{number}")
    return path


def _wal_size(db: Path) -> int:
    try:
        return Path(f"{db}-wal").stat().st_size
    except OSError:
        return 0


MERGE_MOMENTS: dict[str, Callable[[Path], bool]] = {
    # the merge transaction has begun spilling pages into the WAL
    "first-write": lambda db: _wal_size(db) > 0,
    # well into writing the other file's reports
    "mid-transaction": lambda db: _wal_size(db) > 150 * OTHER_REPORTS,
    # late: derived state and commit (the kill may come after the commit: then all of it)
    "late": lambda db: _wal_size(db) > 420 * OTHER_REPORTS,
}


@pytest.mark.slow
@pytest.mark.parametrize("moment", list(MERGE_MOMENTS))
def test_a_merge_killed_midway_leaves_all_of_it_or_none(
    moment: str, big_other: Path, mine_template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "mine.db"
    shutil.copyfile(mine_template, db)
    before = counts(db)
    ready = MERGE_MOMENTS[moment]
    killed = False
    args = ["-m", "desktop_app", "merge", str(db), str(big_other)]
    with child(args, tmp_path, timeout=120, stdout=subprocess.DEVNULL) as process:
        while process.poll() is None:
            if ready(db):
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=30)
                killed = True
                break
            time.sleep(0.002)
    if killed:
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 0, stderr_tail(tmp_path)
    if moment in ("first-write", "mid-transaction"):
        assert killed, "the merge ended before the kill: the test killed nothing"

    assert integrity(db) == ["ok"]
    after = counts(db)
    full = {
        **before,
        "reports": before["reports"] + OTHER_REPORTS,
        "flows": before["flows"] + OTHER_REPORTS,
        "events": before["events"] + OTHER_REPORTS // 2,
        "resolutions": before["resolutions"] + OTHER_DECISIONS,
        "operations": before["operations"] + 1,
        "sources": before["sources"] + 2,
        "audit": before["audit"] + 1 + OTHER_DECISIONS,  # the merge, and each decision
    }
    compared = {table: after[table] for table in full if table != "settings"}
    if after["reports"] == before["reports"]:
        assert after == before, "a killed merge left part of itself"
    else:
        assert compared == {t: n for t, n in full.items() if t != "settings"}, (
            f"a killed merge left part of itself: {after} (before: {before})"
        )
    with Ledger.open(db) as ledger:
        result = check(ledger)
        assert result.ok, result.lines()
        ledger.add_report(report(), "after the kill", event_id="after-the-kill")


# ---- 3. two processes on one file -------------------------------------------------------------

# Holds a write transaction on the file for a while, as another program would.
HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time

    connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
    connection.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.execute("COMMIT")
    print(f"released {time.time()!r}", flush=True)
    connection.close()
    """
)
HOLD_SECONDS = 1.5


@contextmanager
def lock_held(db: Path, tmp_path: Path, seconds: float = HOLD_SECONDS) -> Iterator[list[float]]:
    """Another process holds the write lock of `db` for `seconds` from entry; on exit the
    list holds the time (time.time()) it let go."""
    released: list[float] = []
    with child(["-c", HOLDER, str(db), str(seconds)], tmp_path, timeout=60) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line == b"locked\n", (line, stderr_tail(tmp_path))
        yield released
        rest = process.stdout.read().decode()
        process.wait(timeout=30)
        assert process.returncode == 0, stderr_tail(tmp_path)
        released.append(float(rest.split()[1]))


def test_a_write_waits_for_another_process_says_so_and_then_commits(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    with Ledger.open(db) as ledger:
        ledger.add_report(report(count=1), "Ada")
        waits: list[float] = []
        ledger.on_wait = waits.append
        with lock_held(db, tmp_path) as released:
            started = time.monotonic()
            report_id, _ = ledger.add_report(report(count=2), "Ada")  # no "database is locked"
            returned_at = time.time()
            elapsed = time.monotonic() - started
        assert released and returned_at >= released[0], "the write did not wait for the other"
        assert elapsed > HOLD_SECONDS / 2
        assert len(waits) >= 2, waits
        assert waits == sorted(waits) and waits[0] > 0 and waits[-1] <= elapsed
        assert ledger.report_record(report_id) is not None
        assert ledger.count("reports") == 2
    with Ledger.open(db, read_only=True) as ledger:
        assert ledger.count("reports") == 2  # and it is on disk for everyone


def test_a_write_that_waits_too_long_gives_up_with_a_message_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_module, "WAIT_LIMIT", 0.5)  # 60 s in the program
    db = tmp_path / "shared.db"
    with Ledger.open(db) as ledger:
        ledger.add_report(report(count=1), "Ada")
        before = counts(db)
        with lock_held(db, tmp_path):
            with pytest.raises(LedgerBusyError, match="another program") as raised:
                ledger.add_report(report(count=2), "Ada")
            assert "locked" not in str(raised.value)
            assert not ledger.conn.in_transaction
        assert counts(db) == before
        ledger.add_report(report(count=3), "Ada")  # once the other is done, writes work
        assert ledger.count("reports") == 2


def _fill_form(window: MainWindow, qtbot) -> None:  # noqa: ANN001 - pytest-qt's fixture
    """A report with two flows, typed into the form; not committed yet."""
    form = window.form

    def type_into(widget, text: str) -> None:  # noqa: ANN001 - any widget
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.keyClicks(widget, text)

    window.new_event()
    type_into(form.event_type, "exchange")
    type_into(form.source, "Coordination HQ")
    type_into(form.source_party, "Ukraine")
    type_into(form.claimed_date.line, "2025-06-11")
    type_into(form.quote, "84 came home, 84 went back")
    for number, (from_party, to_party) in enumerate((("Russia", "Ukraine"), ("Ukraine", "Russia"))):
        form.flows.add_row()
        row = form.flows.rows[number]
        type_into(row.category, "pows")
        type_into(row.from_party, from_party)
        type_into(row.to_party, to_party)
        type_into(row.count, "84")
    assert form.commit_button.isEnabled()
    form.source.setFocus(Qt.FocusReason.OtherFocusReason)


def test_a_form_commit_waits_for_another_process_and_the_window_says_so(
    qtbot,  # noqa: ANN001 - pytest-qt's fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = tmp_path / "shared.db"
    window = open_window(qtbot, db)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *args, **kwargs: warnings.append(str(args[2:]))
    )
    monkeypatch.setattr(
        QMessageBox, "critical", lambda *args, **kwargs: warnings.append(str(args[2:]))
    )
    _fill_form(window, qtbot)
    seen: list[str] = []  # the status bar, read while the commit waits
    ticker = QTimer(window)
    ticker.setInterval(50)
    ticker.timeout.connect(lambda: seen.append(window.statusBar().currentMessage()))
    ticker.start()
    with lock_held(db, tmp_path) as released:
        qtbot.keyClick(window.form.source, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        returned_at = time.time()
    ticker.stop()
    assert not warnings, warnings
    assert released and returned_at >= released[0], "the commit did not wait for the other"
    assert window.ledger.count("reports") == 1, "the commit was lost"
    assert window.ledger.count("flows") == 2
    assert window.waited_for_other_writer > 0
    waiting = [message for message in seen if "Waiting for another program" in message]
    assert waiting, f"the status bar never said the commit was waiting: {set(seen)}"
    assert db.name in waiting[-1]
    assert window.events_pane.model.rowCount() == 1


def test_a_commit_waiting_for_another_process_can_stop_waiting(
    qtbot,  # noqa: ANN001 - pytest-qt's fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window took no input and offered no way out for up to a minute while another
    program wrote the file: now a dialog says so, with Stop waiting."""
    db = tmp_path / "shared.db"
    window = open_window(qtbot, db)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: warnings.append(args[2]))
    _fill_form(window, qtbot)
    typed = window.form.source.text()
    offered: list[str] = []
    sizes: list[tuple[int, int]] = []

    def stop_waiting() -> None:
        dialog = window.wait_dialog
        if dialog is None:
            QTimer.singleShot(50, stop_waiting)
            return
        offered.append(dialog.labelText())
        sizes.append((dialog.width(), dialog.findChild(QLabel).height()))
        dialog.findChild(QPushButton).click()

    QTimer.singleShot(50, stop_waiting)
    with lock_held(db, tmp_path, seconds=3) as released:
        qtbot.keyClick(window.form.source, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        returned_at = time.time()
    assert returned_at < released[0], "the commit waited until the other program was done"
    assert offered and "Waiting for another program" in offered[0]
    # the sentence in a few lines, not one line wider than a small screen
    line = window.fontMetrics().lineSpacing()
    assert sizes[0][0] < 640 and sizes[0][1] >= 2 * line, sizes
    assert warnings == [
        f"{db}: you stopped waiting for the other program that is writing it; nothing was changed."
    ]
    assert window.wait_dialog is None
    assert "Waiting" not in window.statusBar().currentMessage()  # the wait is over
    assert window.ledger.count("reports") == 0 and window.form.source.text() == typed


def test_an_import_waiting_for_another_process_says_so_and_cancel_stops_it(
    qtbot,  # noqa: ANN001 - pytest-qt's fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An import (a folder's, a merge), whose job opens the ledger itself, waited up to a
    minute for another program's write lock under its title alone, and Cancel did
    nothing: now its dialog says it waits, and Cancel stops the waiting at once."""
    db = tmp_path / "shared.db"
    window = open_window(qtbot, db)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(str(a[2])))
    labels: list[str] = []

    def watch(dialog: QProgressDialog) -> None:
        def look() -> None:
            labels.append(dialog.labelText())
            if "waiting for another program" in labels[-1]:
                window.tasks.cancel()
            else:
                QTimer.singleShot(50, look)

        QTimer.singleShot(50, look)

    window.tasks.started.connect(watch)
    csv_path = write_reports_csv(tmp_path / "batch.csv", 5, prefix="batch")
    with lock_held(db, tmp_path, seconds=8) as released:
        started = time.monotonic()
        assert window.transfers.import_file(csv_path) is None
        took = time.monotonic() - started
    assert released and took < 7, took
    assert any("waiting for another program that is writing the file" in text for text in labels)
    assert len(warnings) == 1 and "you stopped waiting" in warnings[0], warnings
    assert window.ledger.count("reports") == 0


@pytest.mark.parametrize("fate", ["moved", "deleted", "replaced"])
def test_a_file_moved_deleted_or_replaced_while_open_is_never_written_blindly(
    fate: str,
    qtbot,  # noqa: ANN001 - pytest-qt's fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file manager moves the open ledger, a person deletes it, a sync client renames
    another file over it: a commit said "Saved" and was lost with the connection (or went
    to the moved file), an import and an export reopened the ledger by its name and made
    a new empty file there. Each is now refused in a sentence, nothing is made at the
    name, and Save a copy keeps what the window shows, from the window's own connection."""
    db = tmp_path / "shared.db"
    window = open_window(qtbot, db)
    _fill_form(window, qtbot)
    qtbot.keyClick(window.form.source, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.ledger.count("reports") == 1
    window.ledger.checkpoint()
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *args, **kwargs: warnings.append(str(args[2]))
    )
    if fate == "moved":
        (tmp_path / "archive").mkdir()
        os.rename(db, tmp_path / "archive" / db.name)
    elif fate == "deleted":
        db.unlink()
    else:
        with Ledger.open(tmp_path / "theirs.db"):
            pass
        os.replace(tmp_path / "theirs.db", db)
    there_now = db.read_bytes() if db.exists() else None
    monkeypatch.setattr(window.form, "ask_duplicate", lambda similar: "")  # a new event
    _fill_form(window, qtbot)
    qtbot.keyClick(window.form.source, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.transfers.import_file(REPO / "resources" / "example" / "reports.csv") is None
    assert window.transfers.export_to(tmp_path / "out") is None
    assert len(warnings) == 3, warnings
    assert all("is no longer the file that was opened" in warning for warning in warnings)
    assert "Saved" not in window.statusBar().currentMessage()
    assert (db.read_bytes() if db.exists() else None) == there_now  # nothing made or written
    assert not (tmp_path / "out").exists()
    assert window.save_copy(tmp_path / "kept.db")
    with Ledger.open(tmp_path / "kept.db", read_only=True) as kept:
        assert kept.count("reports") == 1
    stack = window.session.undo_stack
    assert stack.canUndo()
    stack.undo()  # the commit made before: refused too, said, and out of the history
    said = window.statusBar().currentMessage()
    assert said.startswith("Not done: ") and "no longer the file" in said, said
    assert not stack.canUndo() and not stack.canRedo()
    assert window.ledger.count("reports") == 1


ADDER = textwrap.dedent(
    """
    import sys
    from desktop_app.domain.records import Flow, FlowKey
    from desktop_app.store.ledger import Ledger, ReportInput

    with Ledger.open(sys.argv[1]) as ledger:
        report = ReportInput(
            event_type="exchange",
            source_name="Another program",
            claimed_date="2025-05-01",
            flows=(Flow(FlowKey("Russia", "Ukraine", "bodies"), 909),),
        )
        report_id, _ = ledger.add_report(report, "other process")
    print(report_id, flush=True)
    """
)


def test_the_window_shows_what_another_process_committed_within_two_seconds(
    qtbot,  # noqa: ANN001 - pytest-qt's fixture
    tmp_path: Path,
) -> None:
    db = tmp_path / "shared.db"
    with Ledger.open(db) as ledger:
        ledger.add_report(report(count=1), "Ada")
    window = open_window(qtbot, db)
    assert window.events_pane.model.rowCount() == 1
    with child(["-c", ADDER, str(db)], tmp_path, timeout=60) as process:
        assert process.stdout is not None
        report_id = process.stdout.readline().decode().strip()
        process.wait(timeout=60)
    assert process.returncode == 0, stderr_tail(tmp_path)
    committed_at = time.monotonic()
    qtbot.waitUntil(lambda: window.events_pane.model.rowCount() == 2, timeout=2500)
    assert time.monotonic() - committed_at < 2.5
    assert "2 reports" in window.status_label.text()
    assert window.ledger.report_record(report_id) is not None


# ---- 4. the audit trail of every kind of change ---------------------------------------------


class AuditReader:
    """The audit records written since the last look."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.last = self._max()

    def _max(self) -> int:
        return self.ledger.conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit").fetchone()[0]

    def new(self) -> list[dict]:
        records = [r for r in self.ledger.audit_records() if r["id"] > self.last]
        self.last = self._max()
        for record in records:
            record["old"] = None if record["old"] is None else json.loads(record["old"])
            record["new"] = None if record["new"] is None else json.loads(record["new"])
        return records


def _actions(records: list[dict]) -> list[tuple[str, str, str]]:
    return [(r["action"], r["entity"], r["entity_id"]) for r in records]


def _flow_counts(record: dict) -> list[int]:
    return [flow["count"] for flow in record["flows"]]


def test_every_kind_of_change_made_in_the_window_leaves_its_audit_record(
    qtbot,  # noqa: ANN001 - pytest-qt's fixture
    tmp_path: Path,
) -> None:
    db = tmp_path / "ledger.db"
    window = open_window(qtbot, db)
    session, stack, ledger = window.session, window.session.undo_stack, window.ledger
    audit = AuditReader(ledger)

    # create: a new event with its first report
    first = AddReport(session, report(count=100), None)
    session.execute(first)
    records = audit.new()
    event_id, r1 = first.event_id, first.report_id
    assert ("create", "event", event_id) in _actions(records)
    assert ("create", "report", r1) in _actions(records)
    created = next(r for r in records if r["entity_id"] == r1)
    assert created["old"] is None
    assert (created["new"]["event_id"], _flow_counts(created["new"])) == (event_id, [100])

    second = AddReport(session, report(source="Other Outlet", count=150), event_id)
    session.execute(second)
    r2 = second.report_id
    assert ("create", "report", r2) in _actions(audit.new())

    # edit
    session.execute(EditReport(session, r1, report(count=120)))
    records = audit.new()
    assert _actions(records) == [("edit", "report", r1)]
    assert _flow_counts(records[0]["old"]) == [100]
    assert _flow_counts(records[0]["new"]) == [120]

    # decide, then undo (withdraw) and redo (reinstate)
    decide = Decide(session, event_id, FieldKey.count(POWS_RU_UA), "120", "HQ counted", r1)
    session.execute(decide)
    records = audit.new()
    assert _actions(records) == [("decide", "resolution", decide.resolution_id)]
    assert records[0]["new"]["value"] == "120"
    assert records[0]["new"]["rationale"] == "HQ counted"
    assert records[0]["new"]["resolved_by"] == USER
    stack.undo()
    records = audit.new()
    assert _actions(records) == [("withdraw", "resolution", decide.resolution_id)]
    assert records[0]["old"] == {"withdrawn_at": None}
    assert records[0]["new"]["withdrawn_by"] == USER
    stack.redo()
    records = audit.new()
    assert _actions(records) == [("reinstate", "resolution", decide.resolution_id)]
    assert records[0]["old"]["withdrawn_by"] == USER
    assert records[0]["new"] == {"withdrawn_at": None}

    # delete, and undo of the deletion (the source only r2 named goes with it, and back)
    outlet = ledger.find_source("Other Outlet", "Ukraine")["id"]  # type: ignore[index]
    session.execute(DeleteReports(session, [r2], "Delete 1 report(s)"))
    records = audit.new()
    assert _actions(records) == [("delete", "report", r2), ("delete", "source", outlet)]
    assert _flow_counts(records[0]["old"]) == [150]
    assert records[0]["new"] is None
    assert records[1]["old"]["name"] == "Other Outlet"
    stack.undo()
    records = audit.new()
    assert _actions(records) == [("create", "source", outlet), ("create", "report", r2)]
    assert _flow_counts(records[1]["new"]) == [150]

    # undo of the decision, of the edit, of an added report; redo of the addition
    stack.undo()
    assert _actions(audit.new()) == [("withdraw", "resolution", decide.resolution_id)]
    stack.undo()
    records = audit.new()
    assert _actions(records) == [("edit", "report", r1)]
    assert (_flow_counts(records[0]["old"]), _flow_counts(records[0]["new"])) == ([120], [100])
    stack.undo()
    records = audit.new()
    assert _actions(records) == [("delete", "report", r2), ("delete", "source", outlet)]
    assert _flow_counts(records[0]["old"]) == [150]
    stack.redo()
    records = audit.new()
    assert _actions(records) == [("create", "source", outlet), ("create", "report", r2)]
    assert records[1]["new"]["id"] == r2

    # sources: an edit, a merge of two, and the undo of each
    other_id = ledger.find_source("Other Outlet", "Ukraine")["id"]  # type: ignore[index]
    hq_id = ledger.find_source("Coordination HQ", "Ukraine")["id"]  # type: ignore[index]
    renamed = sources.SourceFields("Other Outlet Daily", "Ukraine", "media", "C")
    session.execute(UpdateSource(session, other_id, renamed))
    records = audit.new()
    assert _actions(records) == [("edit", "source", other_id)]
    assert (records[0]["old"]["name"], records[0]["new"]["name"]) == (
        "Other Outlet",
        "Other Outlet Daily",
    )
    stack.undo()  # audited as an undo: its name then is no former name of the source
    records = audit.new()
    assert _actions(records) == [("undo-edit", "source", other_id)]
    assert records[0]["new"]["name"] == "Other Outlet"
    session.execute(MergeSources(session, hq_id, other_id, "Merge sources"))
    records = audit.new()
    assert _actions(records) == [("merge-sources", "source", other_id)]
    assert records[0]["new"]["merged_into"] == hq_id
    stack.undo()
    assert _actions(audit.new()) == [("create", "source", other_id)]

    # an import: one record for the operation
    csv_path = tmp_path / "batch.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(REPORT_COLUMNS)
        for index in range(4):
            row = dict.fromkeys(REPORT_COLUMNS, "")
            row.update(
                event_id=f"imported-{index}",
                event_type="talks",
                event_date="2025-05-16",
                source_name="Talks Desk",
                quote=f"round {index}",
            )
            writer.writerow([row[column] for column in REPORT_COLUMNS])
    plan = window.transfers.import_file(csv_path)
    assert plan is not None and not plan.errors
    records = audit.new()
    assert len(records) == 1, _actions(records)
    (operation,) = ledger.db.query("SELECT * FROM operations WHERE kind = 'import'")
    assert _actions(records) == [("import", "operation", operation["id"])]
    assert records[0]["new"]["sha256"] == operation["sha256"]
    assert records[0]["new"]["counts"]["reports"] == 4

    # a merge: one record for the operation
    other = tmp_path / "other.db"
    with Ledger.open(other) as theirs:
        theirs.add_report(report(source="Their Outlet", count=7), "colleague", event_id="theirs")
    merged = window.transfers.merge_file(other)
    assert merged is not None and merged.counts["reports"] == 1
    records = audit.new()
    (operation,) = ledger.db.query("SELECT * FROM operations WHERE kind = 'merge'")
    assert _actions(records) == [("merge", "operation", operation["id"])]
    assert records[0]["new"]["counts"]["reports"] == 1

    # everyone is the person at the keyboard, every time is UTC
    for record in ledger.audit_records():
        assert record["who"] == USER, record
        assert record["at"].endswith("Z"), record
