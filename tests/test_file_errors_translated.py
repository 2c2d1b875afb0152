"""Why a ledger file cannot be opened, written or copied, as the window says it: in
English exactly as the command line prints it, and in Ukrainian and Russian with no
English left but the file's path and the program's name (PRODUCT.md, "Languages")."""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import struct
from functools import partial
from pathlib import Path

import pytest
from conftest import write_csv
from PySide6.QtWidgets import QApplication, QMessageBox
from test_import_problems_translated import english_left, speaking
from ui_helpers import open_window

from desktop_app.domain.records import FieldKey
from desktop_app.domain.validation import Invalid
from desktop_app.store import ledger as ledger_module
from desktop_app.store.database import LedgerFileError
from desktop_app.store.ledger import Ledger
from desktop_app.store.merge import merge_file
from desktop_app.ui.i18n import current_language
from desktop_app.ui.messages import message_text

WHO = "tester"
# Latin words a translated message keeps: the program's name, SQLite's, the byte unit.
KEPT = {"Exchange", "Ledger", "SQLite", "sqlite"}
PATHS = re.compile(r"\S*/\S*")
# What an export's warnings and a merge's refusals quote: files, columns, times, hashes, ids,
# the values of the data (event types) and the events' ids of `export_and_merge_messages`.
QUOTED = re.compile(
    r"\S*/\S*|[0-9a-f]{64}|\w+\.csv|\S+T\S+Z|\b[a-z]+_at\b|\bquote\b|[\w-]{36}|«[^»]*»"
    r"|\bbodies-[\d-]+|\blong\b"
)


def failure(action) -> str:  # noqa: ANN001 - any callable that should fail
    with pytest.raises(LedgerFileError) as raised:
        action()
    return str(raised.value)


def header(page_size: int) -> bytes:
    """A SQLite file header (100 bytes) with this page size field and nothing else right."""
    data = bytearray(b"SQLite format 3\x00" + bytes(84))
    data[16:18] = struct.pack(">H", page_size)
    return bytes(data)


def every_kind_of_file_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    files = tmp_path / "files"
    files.mkdir()
    good = files / "good.db"
    Ledger.open(good).close()
    text = files / "notes.db"
    text.write_text("not a database, only words " * 20)
    empty = files / "empty.db"
    empty.touch()
    pipe = files / "pipe.db"
    os.mkfifo(pipe)
    cut = files / "cut.db"
    cut.write_bytes(header(4096)[:60])
    odd = files / "odd.db"
    odd.write_bytes(header(1000) + bytes(1000))
    short = files / "short.db"
    short.write_bytes(good.read_bytes()[:4096])
    newer = files / "newer.db"
    newer.write_bytes(good.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 999")
    other = files / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (text)")
    conn.close()
    pages = files / "pages.db"  # a right header, then no page SQLite can read
    pages.write_bytes(header(4096) + b"\xa5" * (4 * 4096 - 100))
    first = files / "first.db"  # the first page overwritten after its header
    first.write_bytes(good.read_bytes()[:100] + b"\xa5" * 3996 + good.read_bytes()[4096:])
    messages = [
        failure(partial(Ledger.open, path, create=False))
        for path in (text, files, pipe, empty, cut, odd, short, newer, other, pages, first)
    ]
    messages.append(failure(lambda: Ledger.open(files / "missing.db", create=False)))
    messages.append(failure(lambda: Ledger.open(files / "missing.db", read_only=True)))
    with Ledger.open(good, read_only=True) as reading:
        messages.append(failure(lambda: reading.write(WHO).__enter__()))
    with Ledger.open(good) as ledger:
        messages.append(failure(lambda: ledger.copy_to(text)))
        messages.append(failure(lambda: ledger.copy_to(text / "copy.db")))
        messages.append(failure(lambda: merge_file(ledger, files / "gone.db", WHO)))
        monkeypatch.setattr(ledger_module, "WAIT_LIMIT", 0.2)
        with sqlite3.connect(good, timeout=0) as holder:
            holder.execute("BEGIN IMMEDIATE")
            messages.append(failure(lambda: ledger.write(WHO).__enter__()))
            holder.rollback()
    return messages


def test_every_kind_of_file_error_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    messages = " | ".join(every_kind_of_file_error(tmp_path, monkeypatch))
    for fragment in (
        "not a SQLite database",
        "is a folder",
        "not a regular file",
        "is an empty file",
        "header is cut short",
        "impossible page size",
        "shorter than it should be",
        "newer version",
        "but not an Exchange Ledger file",
        "does not exist.",
        "cannot be created here",
        "open read-only",
        "already exists",
        "is not a folder",
        "stayed busy",
        "damaged or not a database: file is not a database.",
        "damaged or not a database: database disk image is malformed.",
    ):
        assert fragment in messages, messages


def test_the_english_window_says_them_as_the_command_line_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    assert current_language() == "en"
    messages = every_kind_of_file_error(tmp_path, monkeypatch)
    for message in messages + export_and_merge_messages(tmp_path, monkeypatch):
        assert message_text(message) == message


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_every_file_error_is_said_in_the_windows_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication, language: str
) -> None:
    messages = every_kind_of_file_error(tmp_path, monkeypatch)
    warned = export_and_merge_messages(tmp_path, monkeypatch)
    with speaking(qapp, language):
        said = [message_text(message) for message in messages]
        said_warned = [message_text(message) for message in warned]
    left = english_left(said, KEPT, PATHS) + english_left(said_warned, KEPT | {"CSV"}, QUOTED)
    assert not left, "\n".join(left)


def overtaken_import_messages(tmp_path: Path) -> list[str]:
    """What an import says when another program added, between its plan and its write,
    an event, a report, a source or a party that the import would add."""
    from desktop_app.store.importer import PlanOutdated, apply_import, plan_import

    columns = ["report_id", "event_id", "event_type", "event_date", "source_name"]
    columns += ["category", "from_party", "to_party", "count"]
    talks = ["talks", "2025-06-03"]
    flow = ["exchange", "2025-06-03", "Outlet", "pows", "Qatar", "Ukraine", "5"]
    cases = [  # (already there, mine, theirs)
        ([], ["r1", "e1", *talks, "Outlet"], ["r9", "e1", *talks, "Other"]),
        ([], ["r1", "e1", *talks, "Outlet"], ["r1", "e2", *talks, "Other"]),
        ([], ["r1", "e1", *talks, "Outlet"], ["r2", "e2", *talks, "Outlet"]),
        (["r0", "e0", *talks, "Outlet"], ["r1", "e1", *flow], ["r2", "e2", *flow]),
    ]
    said = []
    for number, (there, mine, theirs) in enumerate(cases):
        db = tmp_path / f"overtaken-{number}.db"
        files = [
            write_csv(tmp_path / f"{name}-{number}.csv", columns, [row + [""] * (9 - len(row))])
            for name, row in (("there", there), ("mine", mine), ("theirs", theirs))
            if row
        ]
        with Ledger.open(db) as ledger:
            if there:
                apply_import(ledger, plan_import(ledger, files.pop(0), WHO), WHO)
            plan = plan_import(ledger, files[0], WHO)
            with Ledger.open(db) as other:  # another program
                apply_import(other, plan_import(other, files[1], WHO), WHO)
            with pytest.raises(PlanOutdated) as raised:
                apply_import(ledger, plan, WHO)
            said.append(str(raised.value))
    said.append(renamed_meanwhile_message(tmp_path, columns))
    return said


def renamed_meanwhile_message(tmp_path: Path, columns: list[str]) -> str:
    """What an import says when another program renamed a source it found stored (it
    made the old name again beside the new one)."""
    from desktop_app.store.importer import PlanOutdated, apply_import, plan_import
    from desktop_app.store.sources import SourceFields, update_source

    db = tmp_path / "renamed.db"
    rows = [
        ["r0", "e0", "talks", "2025-06-03", "Outlet"],
        ["r1", "e1", "talks", "2025-06-04", "Outlet"],
    ]
    there, mine = (
        write_csv(tmp_path / f"{name}.csv", columns, [row + [""] * 4])
        for name, row in zip(("there", "mine"), rows, strict=True)
    )
    with Ledger.open(db) as ledger:
        apply_import(ledger, plan_import(ledger, there, WHO), WHO)
        plan = plan_import(ledger, mine, WHO)
        with Ledger.open(db) as other:  # another program
            source_id = other.conn.execute("SELECT id FROM sources").fetchone()[0]
            update_source(other, source_id, SourceFields("Outlet News", None, "other", "F"), WHO)
        with pytest.raises(PlanOutdated) as raised:
            apply_import(ledger, plan, WHO)
        assert ledger.conn.execute("SELECT name FROM sources").fetchall() == [("Outlet News",)]
    return str(raised.value)


def test_an_import_overtaken_by_another_program_is_said_in_the_windows_language(
    tmp_path: Path, qapp: QApplication
) -> None:
    said = overtaken_import_messages(tmp_path)
    assert [message.split(" while ")[0] for message in said] == [
        "event e1 was created by another program",
        "another program added report 'r1'",
        "another program added source 'Outlet'",
        "another program added party 'Qatar'",
        "another program renamed or merged source 'Outlet'",
    ]
    assert [message_text(message) for message in said] == said  # English as it is
    for language in ("uk", "ru"):
        with speaking(qapp, language):
            shown = [message_text(message) for message in said]
        left = english_left(shown, KEPT, re.compile(r"'[^']*'|\be\d\b"))
        assert not left, "\n".join(left)


def test_what_sqlite_and_the_system_say_is_translated_where_it_is_the_usual(
    tmp_path: Path, qapp: QApplication
) -> None:
    """SQLite's and the system's words inside a message stayed English in Ukrainian and
    Russian; a message holding quick_check's report of a page (two lines) stayed English
    whole. The usual words are translated; a page's report is quoted as SQLite gives it."""
    good = tmp_path / "good.db"
    Ledger.open(good).close()
    page = tmp_path / "page.db"
    data = bytearray(good.read_bytes())
    data[2 * 4096 : 2 * 4096 + 2000] = b"\xa5" * 2000  # a table's page overwritten
    page.write_bytes(bytes(data))
    damaged = failure(partial(Ledger.open, page, create=False))
    assert "\n" in damaged  # "*** in database main ***\nPage 3: btreeInitPage() returns…"
    denied = OSError(errno.EACCES, os.strerror(errno.EACCES), str(good))
    with speaking(qapp, "uk"):
        assert message_text(damaged) == damaged.replace(" is damaged: ", " пошкоджено: ", 1)
        assert message_text(f"{good} cannot be opened: {denied}.") == (
            f"{good} не вдається відкрити: [Errno 13] Доступ заборонено: '{good}'."
        )
    with speaking(qapp, "ru"):
        assert message_text(f"{good} cannot be opened: {denied}.") == (
            f"{good} не удаётся открыть: [Errno 13] Доступ запрещён: '{good}'."
        )


def test_the_window_says_why_a_file_does_not_open_in_its_language(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))
    window = open_window(qtbot, tmp_path / "ledger.db")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)  # File → Open of a pipe ended in a traceback
    with speaking(qapp, "uk"):
        assert window.open_file(folder) is None
        assert window.open_file(pipe) is None
    assert said == [
        f"{folder} — це папка, а не файл Exchange Ledger.",
        f"{pipe} — не звичайний файл (канал, пристрій або сокет) і не файл Exchange Ledger.",
    ]


def test_the_evidence_a_copy_could_not_take_is_named_in_the_windows_language(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    """Save a copy of a ledger whose locker lacks one file and holds another altered: the
    dialog's lines (one per file) were English in a Ukrainian window."""
    import hashlib

    from conftest import EXAMPLE_CSV

    from desktop_app.store import evidence
    from desktop_app.store.importer import apply_import, plan_import

    db = tmp_path / "ledger.db"
    pages = []
    with Ledger.open(db) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "x"), "x")
        reports = [row[0] for row in ledger.conn.execute("SELECT id FROM reports LIMIT 2")]
        for number, report in enumerate(reports):
            page = tmp_path / f"page{number}.txt"
            page.write_bytes(f"a saved page number {number}".encode())
            stored = evidence.store_file(evidence.evidence_folder(db), page)
            ledger.add_evidence(report, stored, evidence.describe(page.name), "x")
            pages.append(hashlib.sha256(page.read_bytes()).hexdigest())
    locker = evidence.evidence_folder(db)
    (locker / pages[0]).unlink()
    altered = locker / pages[1]
    altered.chmod(0o644)
    altered.write_bytes(b"a saved page number 9")  # same size, other bytes
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    window = open_window(qtbot, db)
    with speaking(qapp, "uk"):
        assert window.save_copy(tmp_path / "copy.db")
    lines = said[0].splitlines()[2:]
    assert len(lines) == 2, said
    left = english_left(lines, KEPT | {"SHA"}, re.compile(r"\S*/\S*|[0-9a-f]{64}"))
    assert not left, "\n".join(left)


def export_and_merge_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What an export warns of (a text cut in the workbook, a sheet too long, evidence
    missing or altered in the locker, a workbook left from an earlier export) and why a
    merge is refused (times in the future, a type clash, a report in another event): each
    made by the real code."""
    import hashlib

    from conftest import EXAMPLE_CSV

    from desktop_app.domain.records import Flow, FlowKey
    from desktop_app.store import evidence, workbook
    from desktop_app.store.exporter import export_all
    from desktop_app.store.importer import apply_import, plan_import
    from desktop_app.store.ledger import ReportInput

    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, WHO), WHO)
        flow = Flow(FlowKey("Russia", "Ukraine", "bodies"), 5)
        long_quote = ReportInput(
            "exchange", "A source", "2025-06-20", quote="x" * 40_000, flows=(flow,)
        )
        ledger.add_report(long_quote, WHO, event_id="long")
        reports = [row[0] for row in ledger.conn.execute("SELECT id FROM reports LIMIT 2")]
        pages = []
        for number, report in enumerate(reports):
            page = tmp_path / f"page{number}.txt"
            page.write_bytes(f"a saved page number {number}".encode())
            stored = evidence.store_file(evidence.evidence_folder(db), page)
            ledger.add_evidence(report, stored, evidence.describe(page.name), WHO)
            pages.append(hashlib.sha256(page.read_bytes()).hexdigest())
        locker = evidence.evidence_folder(db)
        (locker / pages[0]).unlink()
        (locker / pages[1]).chmod(0o644)
        (locker / pages[1]).write_bytes(b"a saved page number 9")
        monkeypatch.setattr(workbook, "ROW_LIMIT", 3)
        messages: list[str] = []
        export_all(ledger, tmp_path / "out", xlsx=True, with_evidence=True, warnings=messages)
        export_all(ledger, tmp_path / "out", warnings=messages)
    for statement in (
        "UPDATE resolutions SET resolved_at = '2999-01-01T00:00:00Z'",
        "UPDATE reports SET updated_at = '2999-01-01T00:00:00Z'",
        "UPDATE report_evidence SET added_at = '2999-01-01T00:00:00Z'",
        "UPDATE events SET type = 'agreement' WHERE id = 'bodies-2025-06-11'",  # a type clash
        "UPDATE reports SET event_id = 'long', quote = 'moved'"  # a report in another event
        " WHERE id = (SELECT MIN(id) FROM reports WHERE event_id = 'bodies-2025-06-13')",
        "UPDATE reports SET credibility = 9",  # a value this program cannot read
    ):
        other = tmp_path / "other.db"
        other.unlink(missing_ok=True)
        with Ledger.open(db) as ledger:
            ledger.copy_to(other, with_evidence=False)
        with Ledger.open(other) as theirs:
            theirs.resolve("bodies-2025-06-11", FieldKey.date(), "2025-06-11", "as stated", WHO)
            theirs.conn.execute("PRAGMA ignore_check_constraints = ON")
            theirs.conn.execute(statement)
        with Ledger.open(db) as ledger, pytest.raises(Invalid) as refused:
            merge_file(ledger, other, WHO)
        messages.append(str(refused.value))
    return messages


def test_every_kind_of_export_warning_and_merge_refusal_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = " | ".join(export_and_merge_messages(tmp_path, monkeypatch))
    for fragment in (
        "cut to 32,767 in the workbook",
        "more than a spreadsheet shows in one sheet",
        "is missing from",
        "was altered in",
        "is left from an earlier export",
        "decision ",
        "(and ",
        "has added_at 2999",
        "type clash, nothing merged: event bodies-2025-06-11 is 'exchange' here",
        "here and long there; nothing merged",
        "holds a value this program cannot read: table reports, row id",
    ):
        assert fragment in messages, messages
