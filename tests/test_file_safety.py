"""The file survives everything (issue 14; PRODUCT.md, "Promises"): a checkpoint killed
midway, a full disk, other programs holding the file open, read-only media, an upgrade
killed between its steps and its rebuild, and files that other programs wrote.

A file is judged by SQLite after its own recovery, never by the raw size of the main
file while a `-wal` beside it holds commits.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV, REPO, CliResult, sha256, write_reports_csv

from desktop_app.store import database
from desktop_app.store.check import check
from desktop_app.store.database import LedgerFileError, NotADatabaseError
from desktop_app.store.importer import apply_import, plan_import
from desktop_app.store.ledger import Ledger, ReportInput
from desktop_app.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent / "fixtures"
V1_FIXTURE = FIXTURES / "ledger-v1.db"


# ---- helpers ----------------------------------------------------------------------------


def import_rows(db: Path, csv_path: Path) -> None:
    with Ledger.open(db) as ledger:
        plan = plan_import(ledger, csv_path, "tester")
        assert not plan.errors, [str(error) for error in plan.errors]
        apply_import(ledger, plan, "tester")


def report_ids(db: Path) -> set[str]:
    with Ledger.open(db, read_only=True, snapshot=True) as ledger:
        return {row[0] for row in ledger.conn.execute("SELECT id FROM reports")}


def assert_sentence(result: CliResult, code: int = 1) -> None:
    """A refusal or failure: the exit status, and one sentence, never a traceback."""
    assert result.code == code, (result.code, result.out, result.err)
    assert "Traceback" not in result.out + result.err
    assert ": :" not in result.err, result.err  # no empty file name
    if code:
        assert len(result.err.strip().splitlines()) == 1, result.err


@contextmanager
def mounted(target: Path, *commands: list[str]) -> Iterator[Path]:
    """`target` with a file system mounted on it (tmpfs, a read-only bind), or the test
    skipped where this machine does not let us mount (not root, no capability)."""
    target.mkdir(exist_ok=True)
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            subprocess.run(["umount", "-l", str(target)], capture_output=True)
            pytest.skip(f"cannot mount a file system here: {result.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


def read_only_view(source: Path, target: Path) -> AbstractContextManager[Path]:
    """`source` seen at `target` as on read-only media (a read-only bind mount)."""
    return mounted(
        target,
        ["mount", "--bind", str(source), str(target)],
        ["mount", "-o", "remount,bind,ro", str(target)],
    )


def tmpfs(target: Path, size: str) -> list[str]:
    return ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)]


def held_in_the_wal(folder: Path, n_rows: int) -> tuple[Path, bytes]:
    """A ledger whose last import is only in its -wal (a reader kept SQLite from copying
    it), and the main file as a finished checkpoint would leave it."""
    db = folder / "held.db"
    import_rows(db, write_reports_csv(folder / "first.csv", 30))
    reader = sqlite3.connect(db)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM reports").fetchone()  # holds its snapshot
    try:
        with Ledger.open(db) as ledger:
            ledger.conn.execute("PRAGMA wal_autocheckpoint = 0")
            ledger.checkpoint = lambda: False  # type: ignore[method-assign]
            plan = plan_import(
                ledger, write_reports_csv(folder / "more.csv", n_rows, prefix="m"), "t"
            )
            apply_import(ledger, plan, "t")
            held = {name: Path(f"{db}{name}").read_bytes() for name in ("", "-wal")}
    finally:
        reader.close()
    finished = folder / "finished"
    finished.mkdir()
    for name, data in held.items():
        (finished / f"held.db{name}").write_bytes(data)
    connection = sqlite3.connect(finished / "held.db")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    full = (finished / "held.db").read_bytes()
    for name, data in held.items():
        Path(f"{db}{name}").write_bytes(data)
    Path(f"{db}-shm").unlink(missing_ok=True)
    return db, full


# ---- 1. a checkpoint killed midway ------------------------------------------------------------


@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.95])
def test_a_checkpoint_cut_short_leaves_a_file_that_opens_with_every_commit(
    fraction: float, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """A checkpoint writes the pages of the -wal into the main file in page order: killed
    midway, the main file already has the new header (its new size) but not all pages.
    SQLite recovers it from the -wal; the program must not refuse it as damaged."""
    db, full = held_in_the_wal(tmp_path, 3000)
    page_size = int.from_bytes(full[16:18], "big")
    old_size = db.stat().st_size
    cut = old_size + int((len(full) - old_size) * fraction) // page_size * page_size
    assert old_size < cut < len(full)
    db.write_bytes(full[:cut])  # the pages written before the kill, header included
    assert int.from_bytes(full[28:32], "big") * page_size > cut  # "shorter than it should be"

    result = cli("check", db)
    assert result.code == 0, result.out + result.err
    assert len(report_ids(db)) == 3030
    with Ledger.open(db) as ledger:
        assert check(ledger).ok
        assert ledger.count("reports") == 3030


def test_a_wal_without_its_shm_is_read_without_creating_anything_beside_it(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    db, _ = held_in_the_wal(tmp_path, 300)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = cli("conflicts", db)
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no -shm created
    assert len(report_ids(db)) == 330


CHECKPOINTER = textwrap.dedent(
    """
    import sqlite3, sys
    connection = sqlite3.connect(sys.argv[1])
    print("go", flush=True)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print("done", flush=True)
    """
)


@pytest.mark.slow
def test_kills_during_a_checkpoint_lose_nothing_and_lock_nobody_out(tmp_path: Path) -> None:
    """A real checkpoint of a large -wal, killed at random moments while it writes."""
    template = tmp_path / "template"
    template.mkdir()
    db, _ = held_in_the_wal(template, 6000)
    expected = report_ids(db)  # through a private copy: the template stays as it is
    assert len(expected) == 6030
    chance = random.Random(14)
    for attempt in range(8):
        folder = tmp_path / f"kill-{attempt}"
        folder.mkdir()
        for name in ("", "-wal"):
            shutil.copyfile(f"{db}{name}", folder / f"held.db{name}")
        target = folder / "held.db"
        with subprocess.Popen(
            [sys.executable, "-c", CHECKPOINTER, str(target)], stdout=subprocess.PIPE
        ) as process:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == b"go"
            time.sleep(chance.uniform(0, 0.03))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        with Ledger.open(target, read_only=True) as ledger:
            ids = {row[0] for row in ledger.conn.execute("SELECT id FROM reports")}
        assert ids == expected, f"attempt {attempt}: {len(expected - ids)} reports lost"
        with Ledger.open(target) as ledger:
            assert check(ledger).ok


# ---- 2. a full disk ------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("size_mb", [3, 5, 7, 9, 11])
@pytest.mark.parametrize("before", [30, 0])
def test_an_import_onto_a_full_disk_is_rolled_back_with_a_sentence_and_the_file_stays_usable(
    size_mb: int, before: int, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """Into a ledger with reports (through the -wal) and into an empty one (through a
    rollback journal): all or nothing, a sentence, and the same import once there is room."""
    disk = tmp_path / "disk"
    small = write_reports_csv(tmp_path / "small.csv", 30, prefix="s")
    big = write_reports_csv(tmp_path / "big.csv", 8000)
    with mounted(disk, tmpfs(disk, f"{size_mb}m")):
        db = disk / "ledger.db"
        if before:
            assert cli("import", db, small).code == 0
        else:
            Ledger.open(db).close()
        result = cli("import", db, big)
        assert_sentence(result, code=result.code)
        if result.code:
            assert "space" in result.err and "nothing was changed" in result.err, result.err
        n_reports = len(report_ids(db))
        assert n_reports == before + (0 if result.code else 8000), (result.code, n_reports)
        assert not Path(f"{db}-journal").exists()
        with Ledger.open(db, read_only=True) as ledger:
            assert check(ledger).ok
        # space freed: the same file takes the import and holds everything
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        again = cli("import", db, big)
        assert again.code == 0, again.err
        assert len(report_ids(db)) == before + 8000
        with Ledger.open(db) as ledger:
            assert check(ledger).ok
            assert ledger.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def fill(disk: Path) -> Path:
    """Fill a small file system to the last block."""
    filler = disk / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(descriptor, b"\0" * 4096):
            pass
    except OSError:
        pass  # full
    finally:
        os.close(descriptor)
    return filler


@pytest.mark.usefixtures("isolated_home")
def test_a_healthy_ledger_on_a_full_disk_is_not_called_damaged(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """Reading a file may need room for its -shm: a full disk is said as such, and the
    file reads again once there is space (a person told it was damaged might delete it)."""
    disk = tmp_path / "disk"
    with mounted(disk, tmpfs(disk, "3m")):
        db = disk / "ledger.db"
        assert cli("import", db, EXAMPLE_CSV).code == 0
        filler = fill(disk)
        opened = cli("resolve", db, "bodies-2025-06-11", "--location", "x", "--rationale", "r")
        assert opened.code == 1 and "damaged" not in opened.err, opened.err
        for _ in range(2):  # now through the side files the writer's opening left
            result = cli("balance", db)
            assert "damaged" not in result.err, result.err
            if result.code:
                assert "not enough space" in result.err, result.err
        filler.unlink()
        for name in (db.name + "-wal", db.name + "-shm"):
            if (disk / name).exists() and not (disk / name).stat().st_size:
                (disk / name).unlink()
        assert cli("balance", db).code == 0


# ---- 3. at rest, the main file alone holds every commit -----------------------------------------


def test_at_rest_the_main_file_alone_holds_every_commit_while_another_program_reads(
    tmp_path: Path,
) -> None:
    db = tmp_path / "ledger.db"
    Ledger.open(db).close()
    other_program = sqlite3.connect(db)  # Datasette, a second window: open, idle
    other_program.execute("SELECT COUNT(*) FROM reports").fetchone()
    try:
        import_rows(db, write_reports_csv(tmp_path / "rows.csv", 63))
        copy = tmp_path / "mailed.db"
        shutil.copyfile(db, copy)  # the .db alone, as people e-mail it
    finally:
        other_program.close()
    assert len(report_ids(copy)) == 63


def test_every_write_leaves_the_main_file_whole(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        import_rows(db, write_reports_csv(tmp_path / "rows.csv", 10))
        ledger.delete_report("r3", "tester")
        copy = tmp_path / "copy.db"
        shutil.copyfile(db, copy)  # while the window still has it open
        assert report_ids(copy) == {f"r{i}" for i in range(10)} - {"r3"}


def test_a_window_commit_reaches_the_main_file_a_moment_after_the_panes_show_it(
    qtbot,  # noqa: ANN001 - pytest-qt's fixture
    tmp_path: Path,
) -> None:
    """The window checkpoints after its panes have shown a change, not inside the
    keystroke: the commit waits in the -wal (safe: SQLite finds it there) for a moment,
    then the main file alone holds it; closing the window at once checkpoints too."""
    from PySide6.QtCore import Qt
    from test_faults import _fill_form
    from ui_helpers import open_window

    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 3))
    window = open_window(qtbot, db)
    window.form.ask_duplicate = lambda candidates: ""  # never a modal prompt: a new event
    wal = Path(f"{db}-wal")  # emptied by a checkpoint, removed with the last connection
    for closing_at_once in (False, True):
        _fill_form(window, qtbot)
        qtbot.keyClick(window.form.source, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert wal.stat().st_size > 0  # not checkpointed inside the keystroke
        if closing_at_once:
            window.close()
        copy = tmp_path / "mailed.db"
        qtbot.waitUntil(lambda: not wal.exists() or wal.stat().st_size == 0, timeout=5000)
        shutil.copyfile(db, copy)  # the .db alone, as people e-mail it
        assert len(report_ids(copy)) == (5 if closing_at_once else 4)


# ---- 4. a read-only ledger with a -wal but no -shm ----------------------------------------


def test_a_ledger_on_read_only_media_with_a_wal_and_no_shm_opens_read_only(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    db, _ = held_in_the_wal(source, 100)
    with read_only_view(source, tmp_path / "media") as media:
        on_media = media / db.name
        with pytest.raises(OSError):
            (media / "probe").write_text("")
        with Ledger.open(on_media) as ledger:
            assert ledger.read_only
            assert ledger.count("reports") == 130
        result = cli("balance", on_media)
        assert result.code == 0, result.err
        assert_sentence(cli("resolve", on_media, "e", "--date", "2024-01-01", "--rationale", "x"))


def test_a_clean_ledger_on_read_only_media_opens_in_the_window(
    tmp_path: Path,
    qtbot,
    cli: Callable[..., CliResult],  # noqa: ANN001
) -> None:
    """No -wal and no -shm, and none can be made: SQLite cannot read a WAL file so ("unable
    to open database file" on the first statement, and the window did not open). It is
    read as it is, immutable, like the inspection reads it."""
    from ui_helpers import open_window

    source = tmp_path / "source"
    source.mkdir()
    db = source / "clean.db"
    import_rows(db, write_reports_csv(tmp_path / "r.csv", 20))
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    with read_only_view(source, tmp_path / "media") as media:
        on_media = media / db.name
        with Ledger.open(on_media) as ledger:
            assert ledger.read_only and ledger.count("reports") == 20
            assert ledger.data_version() >= 0
            events = ledger.count("events")
        window = open_window(qtbot, on_media)
        assert window.ledger.read_only and window.events_pane.model.rowCount() == events
        window.close()
        assert cli("balance", on_media).code == 0
        assert sorted(path.name for path in media.iterdir()) == ["clean.db"]  # no trace


# ---- 5. the upgrade and its rebuild, one transaction ---------------------------------------------


def test_an_upgrade_interrupted_before_its_rebuild_ends_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "old.db"
    shutil.copyfile(V1_FIXTURE, db)
    from desktop_app.store import derived

    real_refresh = derived.refresh

    def killed(*args: object, **kwargs: object) -> None:
        real_refresh(*args, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt  # the process dies here, the rebuild half done

    monkeypatch.setattr(derived, "refresh", killed)
    with pytest.raises(KeyboardInterrupt):
        Ledger.open(db)
    monkeypatch.setattr(derived, "refresh", real_refresh)
    probe = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert probe.execute("PRAGMA user_version").fetchone()[0] == 1
    probe.close()
    with Ledger.open(db) as ledger:
        assert check(ledger).ok


@pytest.mark.slow
def test_kills_during_the_upgrade_and_its_rebuild_leave_a_consistent_file(tmp_path: Path) -> None:
    chance = random.Random(5)
    for attempt in range(16):
        db = tmp_path / f"k{attempt}.db"
        shutil.copyfile(V1_FIXTURE, db)
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "check", str(db)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(chance.uniform(0.02, 0.2))  # `check` takes about 0.12 s
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        with Ledger.open(db) as ledger:
            assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            report = check(ledger)
            assert report.ok, (attempt, report.lines())


# ---- other programs' files ------------------------------------------------------------------


def test_a_negative_schema_version_is_refused_untouched(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    db = tmp_path / "negative.db"
    Ledger.open(db).close()
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA user_version = -1")
    connection.commit()
    connection.close()
    before = sha256(db)
    with pytest.raises(NotADatabaseError):
        Ledger.open(db)
    result = cli("import", db, write_reports_csv(tmp_path / "rows.csv", 5))
    assert_sentence(result)
    assert sha256(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "negative.db", "rows.csv"]


def test_refusals_keep_the_cheap_checks(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database at all\n" * 20)
    with pytest.raises(LedgerFileError, match="not an Exchange Ledger file"):
        database.inspect_file(text)


# ---- copy: a self-contained copy of an open ledger ----------------------------------------


def test_copy_writes_every_commit_into_one_file_while_the_ledger_is_open_elsewhere(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 40))
    window = Ledger.open(db)  # the window has it open, and commits stay in its -wal
    window.conn.execute("PRAGMA wal_autocheckpoint = 0")
    window.checkpoint = lambda: False  # type: ignore[method-assign]
    try:
        window.delete_report("r7", "tester")
        assert Path(f"{db}-wal").stat().st_size > 0
        out = tmp_path / "to-send" / "copy.db"
        out.parent.mkdir()
        result = cli("copy", db, out)
        assert result.code == 0, result.err
    finally:
        window.close()
    assert sorted(p.name for p in out.parent.iterdir()) == ["copy.db"]  # one file
    assert report_ids(out) == {f"r{i}" for i in range(40)} - {"r7"}
    with Ledger.open(out) as copy:
        assert check(copy).ok


def test_a_copy_is_a_ledger_like_any_other_which_a_refused_import_leaves_untouched(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """VACUUM INTO writes a rollback-journal file: the first write-open would have turned
    it to WAL, changing its bytes even for an import refused."""
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 5))
    copy = tmp_path / "copy.db"
    assert cli("copy", db, copy).code == 0
    assert sorted(path.name for path in tmp_path.iterdir() if "copy" in path.name) == ["copy.db"]
    assert copy.read_bytes()[18:20] == b"\x02\x02"  # the header's WAL mode
    before = sha256(copy)
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id,nonsense\r\ne1,x\r\n", encoding="utf-8")
    assert cli("import", copy, bad).code == 1
    assert sha256(copy) == before


def test_copy_never_replaces_an_existing_file(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 5))
    out = tmp_path / "taken.db"
    out.write_text("someone's notes")
    assert_sentence(cli("copy", db, out))
    assert out.read_text() == "someone's notes"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".taken")]


def test_copy_of_a_missing_or_refused_file_creates_nothing(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a ledger")
    for source in (tmp_path / "missing.db", notes):
        assert_sentence(cli("copy", source, tmp_path / "out.db"))
        assert not (tmp_path / "out.db").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "notes.db"]


def test_copy_onto_a_full_disk_says_so_and_leaves_nothing(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 3000))
    disk = tmp_path / "disk"
    with mounted(disk, tmpfs(disk, "512k")):
        result = cli("copy", db, disk / "copy.db")
        assert_sentence(result)
        assert "space" in result.err
        assert list(disk.iterdir()) == []


# ---- import: times in the future, a header of 100,000 columns ---------------------------------


@pytest.mark.parametrize("quoted", [False, True], ids=["bulk-reading", "careful-reading"])
def test_a_recorded_at_in_the_future_is_an_error_at_its_row_and_column(
    quoted: bool, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """Such a report would win every later merge against the user's own corrections."""
    rows = write_reports_csv(tmp_path / "rows.csv", 6).read_bytes().decode().split("\r\n")
    header = rows[0].split(",")
    at = header.index("recorded_at")
    for number, future in ((3, "2999-01-01T00:00:00Z"), (5, "2025-01-01T00:00:00Z")):
        cells = rows[number - 1].split(",")
        cells[at] = future
        if quoted:
            quote = header.index("quote")
            cells[quote] = f'"{cells[quote]}, quoted"'  # a quote cell with a comma in it
        rows[number - 1] = ",".join(cells)
    csv_path = tmp_path / "future.csv"
    csv_path.write_bytes("\r\n".join(rows).encode())
    db = tmp_path / "ledger.db"
    result = cli("import", db, csv_path)
    assert result.code == 1, result.out
    assert "row 3, column recorded_at: '2999-01-01T00:00:00Z' is in the future" in result.err
    assert "row 5" not in result.err  # a time in the past is fine
    assert not db.exists()


def test_a_header_of_100000_columns_is_refused_quickly_in_a_few_lines(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    csv_path = tmp_path / "wide.csv"
    columns = ["event_id"] * 3 + [f"c{i}" for i in range(100_000)]
    csv_path.write_text(",".join(columns) + "\r\n", encoding="utf-8")
    started = time.process_time()
    result = cli("import", tmp_path / "ledger.db", csv_path)
    assert time.process_time() - started < 5
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) < 30, len(lines)
    assert "unknown column 'c0'" in result.err
    assert "the column 'event_id' appears twice" in result.err
    assert "more problems with the columns" in lines[-1]
    assert not (tmp_path / "ledger.db").exists()


def test_file_save_a_copy_in_the_window_writes_one_file_and_never_replaces_one(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    from ui_helpers import open_window

    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 12))
    window = open_window(qtbot, db)
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "Save a &copy…")
    out = tmp_path / "sent" / "for a colleague.db"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: warnings.append(text))
    action.trigger()
    assert not warnings
    assert [p.name for p in out.parent.iterdir()] == [out.name]
    assert report_ids(out) == {f"r{i}" for i in range(12)}
    before = sha256(out)
    action.trigger()  # the same name again: refused, with a sentence
    assert len(warnings) == 1 and "already exists" in warnings[0]
    assert sha256(out) == before


# ---- refused means untouched, and nothing created; a sentence, never a traceback ---------------


def _empty_sqlite(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 0")
    connection.execute("VACUUM")  # a real SQLite file, with no tables
    connection.close()
    return path


@pytest.mark.parametrize("kind", ["zero-length", "no-tables"])
def test_an_empty_file_is_refused_by_every_reading_and_writing_command_untouched(
    kind: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    empty = folder / "empty.db"
    if kind == "zero-length":
        empty.write_bytes(b"")
    else:
        _empty_sqlite(empty)
    ledger = folder / "ledger.db"
    import_rows(ledger, write_reports_csv(tmp_path / "rows.csv", 6))
    before = {p.name: sha256(p) for p in folder.iterdir()}
    for args in (
        ("check", empty),
        ("balance", empty),
        ("conflicts", empty),
        ("export", empty, tmp_path / "out"),
        ("copy", empty, tmp_path / "copy.db"),
        ("resolve", empty, "e", "--date", "2024-01-01", "--rationale", "why"),
        ("merge", ledger, empty),
    ):
        result = cli(*args)
        assert_sentence(result)
        assert "holds no Exchange Ledger" in result.err, (args, result.err)
        assert {p.name: sha256(p) for p in folder.iterdir()} == before, args
    assert not (tmp_path / "out").exists() and not (tmp_path / "copy.db").exists()


def test_a_file_of_someone_else_at_the_backup_name_is_kept_and_the_upgrade_goes_on(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    db = tmp_path / "old.db"
    shutil.copyfile(V1_FIXTURE, db)
    squatter = tmp_path / "old.db.v1.bak"
    squatter.write_text("my notes, not a database")
    result = cli("export", db, tmp_path / "out")  # a command that upgrades in place
    assert result.code == 0, result.err
    assert squatter.read_text() == "my notes, not a database"
    second = tmp_path / "old.db.v1.2.bak"
    assert result.err == (  # the upgrade says where the file as it was is kept
        f"exchange-ledger: note: {db} was written by an older version and has been upgraded;"
        f" the file as it was is kept as {second}.\n"
    )
    assert cli("export", db, tmp_path / "again").err == ""  # said once, when it happens
    probe = sqlite3.connect(f"file:{second}?mode=ro", uri=True)
    assert probe.execute("PRAGMA user_version").fetchone()[0] == 1
    probe.close()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_a_newer_file_with_a_wal_is_refused_without_a_shm_created_beside_it(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    made = tmp_path / "made"
    made.mkdir()
    db, _ = held_in_the_wal(made, 30)
    # A newer version wrote this -wal: its last commit says so.
    folder = tmp_path / "files"
    folder.mkdir()
    for name in ("", "-wal"):
        shutil.copyfile(f"{db}{name}", folder / f"newer.db{name}")
    newer = folder / "newer.db"
    connection = sqlite3.connect(newer)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    held = {name: Path(f"{newer}{name}").read_bytes() for name in ("", "-wal")}
    connection.close()  # the last connection: SQLite checkpoints; put the -wal back
    for name, data in held.items():
        Path(f"{newer}{name}").write_bytes(data)
    Path(f"{newer}-shm").unlink(missing_ok=True)
    before = {p.name: sha256(p) for p in folder.iterdir()}
    assert sorted(before) == ["newer.db", "newer.db-wal"]
    result = cli("balance", newer)
    assert_sentence(result)
    assert "newer version" in result.err
    assert {p.name: sha256(p) for p in folder.iterdir()} == before


LOCK_HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    print("held", flush=True)
    time.sleep(1.5)
    connection.execute("COMMIT")
    """
)


def test_a_command_waiting_for_another_writer_says_for_whom_and_how_long(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    db = tmp_path / "shared.db"
    import_rows(db, write_reports_csv(tmp_path / "first.csv", 3))
    more = write_reports_csv(tmp_path / "more.csv", 3, prefix="m")
    with subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(db)], stdout=subprocess.PIPE
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"held"
        result = cli("import", db, more)
        holder.wait(timeout=30)
    assert result.code == 0, result.err
    assert f"waiting for another program that is writing {db}" in result.err
    assert f", pid {holder.pid})" in result.err
    assert "giving up after 60 s" in result.err
    assert result.err.count("waiting for another program") == 1
    assert len(report_ids(db)) == 6


def test_an_export_onto_a_full_disk_names_the_folder_in_one_sentence(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 2000))
    disk = tmp_path / "disk"
    with mounted(disk, tmpfs(disk, "256k")):
        result = cli("export", db, disk / "out")
    assert_sentence(result)
    assert f"{disk / 'out'}" in result.err and "not enough space" in result.err, result.err


def test_output_cut_off_by_its_reader_ends_quietly(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 300, per_event=1))
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "balance", str(db)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # `| head` that has read enough
    with process.stderr:
        err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in err and ": :" not in err, err
    assert err == ""


# ---- an import does not bring back what the user deleted ---------------------------------------


@pytest.mark.parametrize("again", ["the-whole-file", "only-the-deleted-report"])
def test_importing_a_file_again_does_not_bring_back_a_deleted_report(
    again: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """The whole file again names reports that are here (read carefully); the deleted
    report alone is a clean new file (read a column at a time first)."""
    rows = write_reports_csv(tmp_path / "rows.csv", 9)
    db = tmp_path / "ledger.db"
    first = cli("import", db, rows)
    assert first.code == 0, first.err
    with Ledger.open(db) as ledger:
        ledger.delete_report("r4", "tester")
    if again == "only-the-deleted-report":
        lines = rows.read_bytes().split(b"\r\n")
        rows = tmp_path / "r4.csv"
        rows.write_bytes(b"\r\n".join([lines[0], lines[5], b""]))
        assert b"r4," in rows.read_bytes()
    result = cli("import", db, rows)
    assert result.code == 0, result.err
    assert "report r4 was deleted from this ledger; it is not brought back" in result.err
    assert report_ids(db) == {f"r{i}" for i in range(9)} - {"r4"}


# ---- deleting an event: one transaction, one undo step -----------------------------------


def test_deleting_an_event_with_several_reports_is_one_transaction_and_one_undo_step(
    qtbot,  # noqa: ANN001 - pytest-qt's fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui_helpers import open_window

    from desktop_app.ui.commands import DeleteReports

    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 3, per_event=3))
    window = open_window(qtbot, db)
    session, ledger = window.session, window.ledger
    ids = sorted(report_ids(db))
    assert len(ids) == 3
    real_delete = ledger.delete_report
    calls: list[str] = []

    def fails_at_the_third(report_id: str, who: str):  # noqa: ANN202
        calls.append(report_id)
        if len(calls) == 3:
            raise OSError("the disk went away")  # a failure (or a kill) midway
        return real_delete(report_id, who)

    monkeypatch.setattr(ledger, "delete_report", fails_at_the_third)
    with pytest.raises(OSError):
        session.execute(DeleteReports(session, ids, "Delete event"))
    assert sorted(report_ids(db)) == ids  # nothing deleted, not two of three
    monkeypatch.setattr(ledger, "delete_report", real_delete)

    steps = session.undo_stack.count()
    session.execute(DeleteReports(session, ids, "Delete event"))
    assert report_ids(db) == set()
    assert session.undo_stack.count() == steps + 1
    session.undo_stack.undo()
    assert sorted(report_ids(db)) == ids


# ---- names that look the same are the same -----------------------------------------------------

LOOK_ALIKES = {
    "zero-width-space": "Rus\u200bsia",
    "soft-hyphen": "Rus\u00adsia",
    "fullwidth": "\uff32\uff55\uff53\uff53\uff49\uff41",
    "case-and-spaces": "  RUSSIA ",
    "word-joiner": "Russia\u2060",
}


@pytest.mark.parametrize("spelling", sorted(LOOK_ALIKES))
def test_a_party_spelled_to_look_the_same_is_the_same_party(spelling: str, tmp_path: Path) -> None:
    from desktop_app.domain.records import Flow, FlowKey
    from desktop_app.store.ledger import ReportInput

    with Ledger.open(tmp_path / "ledger.db") as ledger:

        def add(party: str, source: str) -> None:
            flow = Flow(FlowKey(party, "Ukraine", "pows"), 5)
            given = ReportInput("exchange", source, "2024-05-01", party, flows=(flow,))
            ledger.add_report(given, "tester")

        add("Russia", "TASS")
        add(LOOK_ALIKES[spelling], "TA\u200bSS")
        assert ledger.parties() == ["Russia", "Ukraine"]
        assert ledger.count("sources") == 1


@pytest.mark.parametrize("column", ["from_party", "source_party", "source_name"])
@pytest.mark.parametrize("again", ["bulk-reading", "careful-reading"])
def test_a_word_mixing_latin_and_cyrillic_letters_is_an_input_error_naming_the_letter(
    column: str, again: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    rows = write_reports_csv(tmp_path / "rows.csv", 4).read_bytes().decode().split("\r\n")
    header = rows[0].split(",")
    at = header.index(column)
    cells = rows[2].split(",")
    cells[at] = "Russi\u0430" if column != "source_name" else "Sour\u0441e 1"
    rows[2] = ",".join(cells)
    if again == "careful-reading":
        rows.append(rows[1])  # the same report id twice: only the careful reading takes it
    path = tmp_path / "mixed.csv"
    path.write_bytes("\r\n".join(rows).encode())
    db = tmp_path / "ledger.db"
    result = cli("import", db, path)
    assert result.code == 1, result.out
    assert f"row 3, column {column}:" in result.err, result.err
    assert "mixes Latin and Cyrillic letters" in result.err
    if column == "source_name":
        assert "'\u0441' (U+0441 CYRILLIC SMALL LETTER ES)" in result.err, result.err
    else:
        assert "'\u0430' (U+0430 CYRILLIC SMALL LETTER A)" in result.err, result.err
    assert not db.exists()


def test_names_wholly_in_one_script_or_in_two_words_are_fine() -> None:
    from desktop_app.domain import validation

    for name in ("Україна", "Russia", "ТАСС (TASS)", "Київ/Kyiv", "Ｒｕｓｓｉａ"):
        assert validation.party(name) == name


def left_by_version(db: Path, version: int, *statements: str) -> None:
    """The file as an older version left it: these statements run, its version set back."""
    connection = sqlite3.connect(db)
    for statement in statements:
        connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.commit()
    connection.close()


def test_an_upgrade_rekeys_the_names_so_look_alikes_find_the_party_that_is_there(
    tmp_path: Path,
) -> None:
    from desktop_app.domain.records import Flow, FlowKey
    from desktop_app.store.ledger import ReportInput

    db = tmp_path / "v7.db"
    with Ledger.open(db) as ledger:
        flow = Flow(FlowKey("Ukraine", "Rus\u200bsia", "pows"), 5)
        ledger.add_report(ReportInput("exchange", "HQ", "2024-05-01", flows=(flow,)), "t")
    # keys as version 7 computed them (NFC, case folded): the zero-width space kept
    left_by_version(db, 7, "UPDATE parties SET key = 'rus\u200bsia' WHERE name = 'Rus\u200bsia'")
    with Ledger.open(db) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert ledger.find_party("Russia") == "Rus\u200bsia"
        assert check(ledger).ok


def test_an_upgrade_compares_the_locations_again_by_the_contracts_rule(tmp_path: Path) -> None:
    """Version 15: "New York" and "New  York" disagree (trimmed and case folded only); a
    file whose state was derived when they agreed is derived again on opening."""
    from desktop_app.store.ledger import ReportInput

    db = tmp_path / "v14.db"
    with Ledger.open(db) as ledger:
        for source, place in (("HQ", "New York"), ("Ombudsman", "New  York")):
            report = ReportInput("talks", source, "2024-05-01", location=place)
            ledger.add_report(report, "t", event_id="talks-1")
    # the state as version 14 derived it: one location, no dispute
    left_by_version(db, 14, "UPDATE event_state SET status = 'consistent', disputes = '[]'")
    with Ledger.open(db) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        status = ledger.conn.execute("SELECT status FROM event_state").fetchone()[0]
        assert status == "conflict"
        assert check(ledger).ok


def test_an_upgrade_derives_the_statuses_again_by_the_merge_rule_of_version_16(
    tmp_path: Path,
) -> None:
    """Version 16: a merged decision agreeing with the one it took over no longer reopens
    its field because of a decision replaced before it; a file whose state was derived
    so is derived again on opening."""
    from desktop_app.domain.records import FieldKey, Flow, FlowKey
    from desktop_app.store.ledger import ReportInput
    from desktop_app.store.merge import merge_file

    bodies = FlowKey("Russia", "Ukraine", "bodies")
    field = FieldKey.count(bodies)
    mine, theirs = tmp_path / "v15.db", tmp_path / "theirs.db"
    with Ledger.open(mine) as ledger:
        for source, count in (("HQ", 100), ("Ombudsman", 150)):
            flows = (Flow(bodies, count, "exact"),)
            report = ReportInput("exchange", source, "2024-05-01", flows=flows)
            ledger.add_report(report, "t", event_id="e1")
    shutil.copy(mine, theirs)
    with Ledger.open(mine) as ledger:
        ledger.resolve("e1", field, "100", "first look", "Rita")
        ledger.resolve("e1", field, "150", "revised", "Rita")
    with Ledger.open(theirs) as ledger:
        ledger.resolve("e1", field, "150", "the footage", "Them")
    with Ledger.open(mine) as ledger:
        merge_file(ledger, theirs, "Rita")
        assert ledger.conn.execute("SELECT status FROM event_state").fetchone()[0] == "resolved"
    # the state as version 15 derived it: the superseded 100 reopened the field
    left_by_version(mine, 15, "UPDATE event_state SET status = 'reopened'")
    with Ledger.open(mine) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert ledger.conn.execute("SELECT status FROM event_state").fetchone()[0] == "resolved"
        assert check(ledger).ok


# ---- two imports at the same time ---------------------------------------------------------------


def _graded_csv(path: Path, prefix: str, reliability: str) -> Path:
    import csv

    from conftest import REPORTS_HEADER

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(REPORTS_HEADER)
        for index in range(4):
            row = dict.fromkeys(REPORTS_HEADER, "")
            row.update(
                report_id=f"{prefix}{index}",
                event_id=f"{prefix}-event",
                event_type="exchange",
                event_date="2024-03-02",
                category="pows",
                from_party="Russia",
                to_party="Ukraine",
                count=str(10 + index),
                source_name=f"Outlet {index}",
                source_party="Ukraine",
                reliability=reliability,
            )
            writer.writerow([row[column] for column in REPORTS_HEADER])
    return path


def test_an_import_overtaken_by_another_says_and_audits_only_what_it_added(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.store import importer

    db = tmp_path / "ledger.db"
    Ledger.open(db).close()
    first = _graded_csv(tmp_path / "first.csv", "a", "B")
    second = _graded_csv(tmp_path / "second.csv", "b", "C")
    real_plan = importer.plan_import
    overtaken: list[bool] = []

    def plan_then_overtaken(ledger: Ledger, path: Path, who: str, *args: object):  # noqa: ANN202
        plan = real_plan(ledger, path, who, *args)
        if not overtaken:  # the other import commits between this plan and its write
            overtaken.append(True)
            import_rows(db, first)
        return plan

    monkeypatch.setattr(importer, "plan_import", plan_then_overtaken)
    result = cli("import", db, second)
    assert result.code == 0, result.err
    assert "0 sources" in result.out and "0 parties" in result.out, result.out
    assert result.err.count("warning:") == 4, result.err  # the grades differ from the first's
    with Ledger.open(db, read_only=True) as ledger:
        counts = [
            row[0]
            for row in ledger.conn.execute("SELECT counts FROM operations ORDER BY at, rowid")
        ]
        assert ledger.count("sources") == 4
    assert '"sources": 0' in counts[-1], counts


def _fill(folder: Path) -> Path:
    """Fill the file system of `folder` to the last byte."""
    filler = folder / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 512, 1):
            try:
                while True:
                    os.write(handle, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(handle)
    return filler


@pytest.mark.slow
@pytest.mark.parametrize("command", ["resolve", "merge", "import"])
def test_a_write_on_a_full_disk_is_a_sentence_and_works_once_space_is_freed(
    command: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    other = tmp_path / "other.db"
    import_rows(other, write_reports_csv(tmp_path / "other.csv", 300, prefix="o"))
    more = write_reports_csv(tmp_path / "more.csv", 300, prefix="m")
    disk = tmp_path / "disk"
    with mounted(disk, tmpfs(disk, "4m")):
        db = disk / "ledger.db"
        import_rows(db, write_reports_csv(tmp_path / "rows.csv", 30))
        args = {
            "resolve": ("resolve", db, "r-event-0", "--count", "Russia", "Ukraine", "pows", "10")
            + ("--rationale", "the official count"),
            "merge": ("merge", db, other),
            "import": ("import", db, more),
        }[command]
        before = report_ids(db)
        filler = _fill(disk)
        result = cli(*args)
        assert_sentence(result)
        assert "not enough space" in result.err, result.err
        filler.unlink()
        assert report_ids(db) == before
        with Ledger.open(db) as ledger:
            assert check(ledger).ok
            assert ledger.count("resolutions") == 0
        again = cli(*args)
        assert again.code == 0, again.err


# ---- values another program stored --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "where"),
    [
        (
            "UPDATE reports SET claimed_date = 'banana' WHERE id = 'r1'",
            "table reports, row id 'r1', column claimed_date: 'banana' is not a date",
        ),
        (
            "UPDATE reports SET credibility = 9 WHERE id = 'r2'",
            "table reports, row id 'r2', column credibility: 9 is not one of 1, 2, 3, 4, 5, 6",
        ),
        (
            "UPDATE flows SET count = -4 WHERE report_id = 'r0'",
            "table flows, row report_id 'r0', column count: -4 is not a count",
        ),
        (
            "UPDATE sources SET kind = 'blog' WHERE rowid = 1",
            "column kind: 'blog' is not one of official",
        ),
        (
            "UPDATE events SET type = 'battle' WHERE id = 'r-event-0'",
            "table events, row id 'r-event-0', column type: 'battle' is not one of exchange",
        ),
        (
            "UPDATE reports SET updated_at = '2025-02-30T10:00:00Z' WHERE id = 'r3'",
            "table reports, row id 'r3', column updated_at: '2025-02-30T10:00:00Z' is not a UTC",
        ),
        (
            "UPDATE reports SET event_id = 'ghost' WHERE id = 'r4'",
            "table reports, row id 'r4', column event_id: 'ghost' names no event of the file",
        ),
    ],
)
def test_values_another_program_stored_are_named_by_table_row_and_column(
    sql: str, where: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 6))
    # the sqlite3 shell, as people use it, told to ignore the file's CHECK constraints
    subprocess.run(["sqlite3", str(db), f"PRAGMA ignore_check_constraints = ON; {sql}"], check=True)
    result = cli("check", db)
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    assert where in result.out, result.out
    repaired = cli("check", db, "--repair")
    assert repaired.code == 1 and "Traceback" not in repaired.out + repaired.err
    for args in (("conflicts", db), ("balance", db), ("export", db, tmp_path / "out")):
        outcome = cli(*args)
        assert "Traceback" not in outcome.out + outcome.err, args
    resolve = cli("resolve", db, "r-event-0", "--date", "2024-01-01", "--rationale", "why")
    assert "Traceback" not in resolve.out + resolve.err


@pytest.mark.parametrize(
    ("sql", "where"),
    [
        ("UPDATE resolutions SET from_party = ''", "column from_party: '' is empty: a count"),
        ("UPDATE resolutions SET to_party = from_party", "column to_party: 'Russia' is its"),
        ("UPDATE resolutions SET category = 'tanks'", "column category: 'tanks' is not one of"),
        (
            "UPDATE resolutions SET field = 'direction', value = 'nonsense'",
            "column value: 'nonsense' is not 'dismissed', the one value of a direction decision",
        ),
        (
            "UPDATE resolutions SET field = 'location', value = ' ', from_party = '',"
            " to_party = '', category = ''",
            "column value: ' ' is empty: a location decision names a place",
        ),
    ],
)
def test_a_decision_another_program_made_unreadable_is_named(
    sql: str, where: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """A count decision without its flow, a "direction" decision of another value than a
    dismissal (it dismissed the warning all the same): check said the file matched."""
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 6))
    decide = ("--count", "Russia", "Ukraine", "pows", "10", "--rationale", "why")
    assert cli("resolve", db, "r-event-0", *decide).code == 0
    subprocess.run(["sqlite3", str(db), f"PRAGMA ignore_check_constraints = ON; {sql}"], check=True)
    result = cli("check", db)
    assert result.code == 1 and "Traceback" not in result.out + result.err
    assert "table resolutions, row id '" in result.out and where in result.out, result.out
    for args in (("conflicts", db), ("balance", db), ("export", db, tmp_path / "out")):
        outcome = cli(*args)
        assert "Traceback" not in outcome.out + outcome.err, args


def test_a_derived_list_or_a_decided_count_stored_by_another_program_gets_a_sentence(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """What another program wrote into the derived state's lists (not JSON) or into a
    decision's value (a count past a billion) ended commands in a traceback, in this
    ledger or in the one merged into it: now a sentence naming table, row and column, and
    the derived state is made again by `check --repair`."""
    db, other = tmp_path / "ledger.db", tmp_path / "other.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 6))
    shutil.copy(db, other)
    decide = ("--count", "Russia", "Ukraine", "pows", "10", "--rationale", "why")
    assert cli("resolve", other, "r-event-0", *decide).code == 0
    shell = ["sqlite3", "-cmd", "PRAGMA ignore_check_constraints = ON"]
    subprocess.run([*shell, str(db), "UPDATE event_state SET disputes = 'not json{'"], check=True)
    for args in (("conflicts", db), ("conflicts", db, "--json")):
        result = cli(*args)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert "column disputes: 'not json{' is not a JSON list" in result.err, result.err
        assert "check --repair" in result.err
    assert cli("check", db, "--repair").code == 0
    assert cli("conflicts", db).code == 0
    big = "99999999999999999999999"
    subprocess.run([*shell, str(other), f"UPDATE resolutions SET value = '{big}'"], check=True)
    before = sha256(db)
    for args, named in (
        (("merge", db, other), other),
        (("resolve", other, "r-event-0", "--location", "Minsk", "--rationale", "x"), other),
    ):
        result = cli(*args)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert f"{named} holds a value this program cannot read: table resolutions" in result.err
        assert f"column value: '{big}' is not a count" in result.err, result.err
    assert sha256(db) == before


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        (
            "UPDATE flows SET to_party = from_party WHERE report_id = 'r1'",
            "table flows, row report_id 'r1': refused by CHECK (from_party <> to_party)",
        ),
        (
            "UPDATE flows SET count = 9000000000000000000 WHERE report_id = 'r1'",
            "table flows, row report_id 'r1', column count: 9000000000000000000 is not a count",
        ),
        (
            "UPDATE settings SET value = 'abc' WHERE key = 'write_seq'",
            "table settings, row key 'write_seq', column value: 'abc' is not a whole number",
        ),
        (
            "INSERT INTO resolutions (id, event_id, field, value, rationale, resolved_by,"
            " resolved_at, seq) VALUES ('x1', 'r-event-0', 'date', 'tomorrow', 'why', 'bob',"
            " '2025-06-20T00:00:00Z', 99)",
            "table resolutions, row id 'x1', column value: 'tomorrow' is not a date",
        ),
        (
            "PRAGMA foreign_keys = OFF; INSERT INTO resolutions (id, event_id, field, value,"
            " rationale, resolved_by, resolved_at, seq) VALUES ('x2', 'gone', 'location',"
            " 'Kyiv', 'why', 'bob', '2025-06-20T00:00:00Z', 99)",
            "table resolutions, row id 'x2', column event_id: 'gone' names no row of table events",
        ),
    ],
)
def test_check_finds_what_integrity_check_skips_on_a_read_only_file(
    sql: str, named: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """SQLite's integrity_check tests no CHECK constraint on a read-only connection (how
    `check` reads) and no reference: a flow from Russia to Russia, a date decision of
    'tomorrow', a decision on an event that is gone passed `check` (exit 0) and ended
    `resolve` in a traceback or an error naming no row; a merge copied them in."""
    db, mine = tmp_path / "ledger.db", tmp_path / "mine.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 6))
    shutil.copy(db, mine)
    shell = ["sqlite3", "-cmd", "PRAGMA ignore_check_constraints = ON"]
    subprocess.run([*shell, str(db), sql], check=True)
    result = cli("check", db)
    assert result.code == 1 and named in result.out, result.out
    result = cli("resolve", db, "r-event-1", "--location", "Minsk", "--rationale", "x")
    assert "Traceback" not in result.err
    if result.code:
        assert f"{db} holds a value this program cannot read" in result.err, result.err
    before = sha256(mine)
    result = cli("merge", mine, db)
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert f"{db} holds a value this program cannot read: {named}" in result.err, result.err
    assert sha256(mine) == before


def test_text_that_is_not_utf8_is_named_by_check_and_by_the_export_it_stops(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """Bytes cast to text by another program: `check` said "Could not decode to UTF-8
    column 'group_concat(…)'", and `export --xlsx` ended in a traceback."""
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 6))
    bad = "UPDATE reports SET quote = CAST(x'fffe41' AS TEXT) WHERE id = 'r2'"
    subprocess.run(["sqlite3", str(db), bad], check=True)
    named = "table reports, row id 'r2', column quote: holds bytes that are not UTF-8"
    result = cli("check", db)
    assert result.code == 1 and named in result.out, result.out
    result = cli("export", db, tmp_path / "out", "--xlsx")
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert f"{db} holds a value this program cannot read: {named}" in result.err, result.err


def test_references_of_a_table_without_rowids_are_named_by_row_and_value(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """foreign_key_check names no row of a table without rowids (flows): the sentence
    said "row report_id None … None", hid every other broken flow, and on 300,000
    reports took 8 s, a PRAGMA per broken row."""
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 6))
    drop = "PRAGMA foreign_keys = OFF; DELETE FROM parties WHERE name = 'Ukraine'"
    subprocess.run(["sqlite3", str(db), drop], check=True)
    result = cli("check", db)
    assert result.code == 1
    named = "column to_party: 'Ukraine' names no row of table parties"
    assert [f"row report_id 'r{i}', {named}" in result.out for i in range(6)] == [True] * 6


def test_an_older_file_holding_a_refused_value_is_named_not_a_traceback(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """Schema 1-8 tables hold a comment with a quote ("-- this file's write order"):
    reading their CHECKs ended the message of a refused upgrade in a traceback."""
    db = tmp_path / "v1.db"
    shutil.copy(FIXTURES / "ledger-v1.db", db)
    subprocess.run(["sqlite3", str(db), "UPDATE resolutions SET value = 'abc'"], check=True)
    for args in (("check", db), ("conflicts", db)):
        result = cli(*args)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert "column value: 'abc' is not a count" in result.out + result.err


def test_check_names_what_another_program_dropped(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 6))
    assert cli("check", db).code == 0
    drop = "DROP TABLE settings; DROP VIEW v_events; DROP INDEX reports_seq"
    subprocess.run(["sqlite3", str(db), drop], check=True)
    result = cli("check", db)
    assert result.code == 1 and "Traceback" not in result.err
    named = "schema: 3 missing, dropped by another program: index reports_seq, table settings,"
    assert f"{named} view v_events" in result.out, result.out


# ---- the forked child of an import is waited for within a time limit -----------------------------


def test_an_import_whose_deriving_child_hangs_goes_on_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.store import derived

    def hangs(derive: object, pipe: int) -> None:
        time.sleep(3600)  # a lock held at the fork, say: never sends its rows
        os._exit(1)

    monkeypatch.setattr(derived, "_derive_in_child", hangs)
    monkeypatch.setattr(derived, "CHILD_TIME_LIMIT", 1.0, raising=False)
    rows = write_reports_csv(tmp_path / "rows.csv", derived.PARALLEL_MINIMUM + 10, per_event=1)
    db = tmp_path / "ledger.db"
    started = time.monotonic()
    import_rows(db, rows)
    assert time.monotonic() - started < 60
    with Ledger.open(db) as ledger:
        assert ledger.count("events") == derived.PARALLEL_MINIMUM + 10
        assert check(ledger).ok


def test_a_deriving_child_stuck_on_a_lock_held_at_the_fork_is_given_up_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another thread of the importing process holds a lock when the child is forked (as
    the window's thread may hold SQLite's, inside a query): in the child it stays held,
    and the child waits for it without using the CPU. The import goes on without the
    child well before the time limit."""
    from desktop_app.store import derived

    held = threading.Lock()
    holding, release = threading.Event(), threading.Event()

    def holder() -> None:
        with held:
            holding.set()
            release.wait()

    image = derived.rows_image

    def rows_image_behind_the_lock(rows: derived.Derived) -> bytes:
        with held:  # in the child: held for ever by a thread that is not there
            return image(rows)

    monkeypatch.setattr(derived, "rows_image", rows_image_behind_the_lock)
    monkeypatch.setattr(derived, "CHILD_TIME_LIMIT", 90.0)
    monkeypatch.setattr(derived, "CHILD_STALL_LIMIT", 1.0, raising=False)
    rows = write_reports_csv(tmp_path / "rows.csv", derived.PARALLEL_MINIMUM + 10, per_event=1)
    db = tmp_path / "ledger.db"
    thread = threading.Thread(target=holder)
    thread.start()
    holding.wait()
    try:
        started = time.monotonic()
        import_rows(db, rows)
        waited = time.monotonic() - started
    finally:
        release.set()
        thread.join()
    assert waited < 45, waited  # given up once stalled, not at the 90 s limit
    with Ledger.open(db) as ledger:
        assert ledger.count("events") == derived.PARALLEL_MINIMUM + 10
        assert check(ledger).ok


def test_a_write_asked_for_while_another_waits_for_the_lock_does_not_begin(
    tmp_path: Path,
) -> None:
    """The window keeps painting while a write waits (on_wait); a timer that fires then
    must not begin a second write on the same connection."""
    from desktop_app.store.ledger import LedgerBusyError

    db = tmp_path / "shared.db"
    import_rows(db, write_reports_csv(tmp_path / "first.csv", 3))
    with Ledger.open(db) as ledger:
        nested: list[BaseException] = []

        def timer_fires(_waited: float) -> None:
            if not nested:
                try:
                    ledger.delete_report("r1", "timer")
                except BaseException as error:  # noqa: BLE001 - what it raised is checked
                    nested.append(error)

        ledger.on_wait = timer_fires
        with subprocess.Popen(
            [sys.executable, "-c", LOCK_HOLDER, str(db)], stdout=subprocess.PIPE
        ) as holder:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == b"held"
            ledger.delete_report("r2", "person")
            holder.wait(timeout=30)
        assert len(nested) == 1 and isinstance(nested[0], LedgerBusyError), nested
        assert "still waiting to be saved" in str(nested[0])
    assert report_ids(db) == {"r0", "r1"}


# ---- every table STRICT, with CHECK constraints ------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE reports SET claimed_date = 'banana'",
        "UPDATE reports SET claimed_date = '2024-02-30'",
        "UPDATE reports SET published = '2024-13'",
        "UPDATE reports SET credibility = 7",
        "UPDATE reports SET credibility = 'high'",
        "UPDATE flows SET count = -1",
        "UPDATE flows SET count = 'many'",
        "UPDATE flows SET category = 'tanks'",
        "UPDATE flows SET qualifier = 'roughly'",
        "UPDATE flows SET to_party = from_party",
        "UPDATE sources SET kind = 'blog'",
        "UPDATE sources SET reliability = 'G'",
        "UPDATE events SET type = 'battle'",
        "UPDATE event_state SET status = 'fine'",
        "INSERT INTO resolutions (id, event_id, field, value, rationale, resolved_by,"
        " resolved_at, seq) VALUES ('x', 'r-event-0', 'count', 'lots', 'why', 'me', 'now', 1)",
    ],
)
def test_another_program_cannot_store_what_this_one_cannot_read(sql: str, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 6))
    before = sha256(db)
    result = subprocess.run(["sqlite3", str(db), sql], capture_output=True, text=True)
    assert result.returncode != 0, sql
    assert "constraint failed" in result.stderr or "cannot store" in result.stderr, result.stderr
    assert sha256(db) == before


def test_every_table_is_strict_after_an_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copyfile(V1_FIXTURE, db)
    with Ledger.open(db) as ledger:
        tables = ledger.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'event_search%'"
        ).fetchall()
        assert check(ledger).ok
        assert ledger.count("reports") == 4
    assert tables
    assert all("STRICT" in sql for _, sql in tables), [name for name, sql in tables]


def test_an_older_file_holding_a_value_the_rules_refuse_is_refused_untouched(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    db = folder / "old.db"
    shutil.copyfile(V1_FIXTURE, db)
    subprocess.run(
        ["sqlite3", str(db), "UPDATE reports SET claimed_date = 'banana' WHERE rowid = 1"],
        check=True,
    )
    before = {p.name: sha256(p) for p in folder.iterdir()}
    result = cli("check", db)
    assert_sentence(result)
    assert "cannot be upgraded" in result.err and "'banana' is not a date" in result.err
    assert "table reports, row id" in result.err
    assert {p.name: sha256(p) for p in folder.iterdir()} == before  # no backup either


@pytest.mark.slow
def test_a_form_commit_on_a_full_disk_says_so_keeps_the_form_and_commits_later(
    qtbot,  # noqa: ANN001 - pytest-qt's fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox
    from test_faults import _fill_form
    from ui_helpers import open_window

    warnings: list[str] = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda _w, title, text, *a: warnings.append(text))
    disk = tmp_path / "disk"
    with mounted(disk, tmpfs(disk, "4m")):
        db = disk / "ledger.db"
        import_rows(db, write_reports_csv(tmp_path / "rows.csv", 3))
        window = open_window(qtbot, db)
        _fill_form(window, qtbot)
        filler = _fill(disk)
        qtbot.keyClick(window.form.source, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert len(warnings) == 1 and "not enough space" in warnings[0], warnings
        assert window.ledger.count("reports") == 3
        assert window.form.source.text() == "Coordination HQ"  # what was typed is kept
        filler.unlink()
        qtbot.keyClick(window.form.source, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert len(warnings) == 1, warnings
        assert window.ledger.count("reports") == 4
        window.close()


@pytest.mark.parametrize("before", ["missing", "zero-length"])
def test_a_refused_import_leaves_no_ledger_behind(
    before: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id,event_type,event_date,source_name\r\ne1,battle,2024-01-01,X\r\n")
    db = tmp_path / "ledger.db"
    if before == "zero-length":
        db.write_bytes(b"")
    listing = sorted(p.name for p in tmp_path.iterdir())
    result = cli("import", db, bad)
    assert result.code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    if before == "zero-length":
        assert db.read_bytes() == b""


@pytest.mark.usefixtures("isolated_home")
def test_the_window_says_when_a_full_disk_keeps_its_changes_beside_the_file(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A commit that fits in the -wal while its checkpoint finds no room: saved, but the
    .db alone lacks it, which the window must say (people copy just the .db)."""
    from PySide6.QtWidgets import QMessageBox
    from ui_helpers import open_window

    from desktop_app.store.ledger import ReportInput

    disk = tmp_path / "disk"
    with mounted(disk, tmpfs(disk, "3m")):
        db = disk / "ledger.db"
        with Ledger.open(db) as ledger:
            apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "t"), "t")
        window = open_window(qtbot, db)
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        subprocess.run(["fallocate", "-l", str(free - 170 * 1024), str(disk / "f")], check=True)
        quote = "Typed just before the disk filled up. " * 200
        window.ledger.add_report(ReportInput("statement", "HQ", "2024-05-01", quote=quote), "t")
        qtbot.waitUntil(lambda: "disk is full" in window.statusBar().currentMessage())
        assert "ledger.db-wal" in window.statusBar().currentMessage()
        warned: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
        window.close()
        assert warned and "a copy of ledger.db alone lacks them" in warned[0]
        (disk / "f").unlink()
        with Ledger.open(db) as ledger:  # space again: the next opening finishes the job
            assert ledger.count("reports") > 0 and check(ledger).ok
        assert not Path(f"{db}-wal").exists() or not Path(f"{db}-wal").stat().st_size


def test_a_side_file_removed_while_it_is_looked_at_is_not_taken_as_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite removes a -wal when its last connection closes: a -wal seen to exist, then
    asked whether it can be written once it was gone, was taken as another user's, and a
    merge in CI refused a writable ledger as read-only ("is read-only: nothing was
    changed", with no reason)."""
    from desktop_app.store import database

    db = tmp_path / "ledger.db"
    Ledger.open(db).close()
    wal = Path(f"{db}-wal")
    wal.write_bytes(b"")
    asked = os.access

    def removed_meanwhile(path: object, mode: int) -> bool:
        if Path(str(path)) == wal:
            wal.unlink(missing_ok=True)  # the last connection closed just now
        return asked(path, mode)

    monkeypatch.setattr(database.os, "access", removed_meanwhile)
    assert database.side_files_not_writable(db) == []


def test_side_files_of_another_user_make_the_ledger_read_only_with_the_reason(
    tmp_path: Path,
) -> None:
    """A colleague's program that read the ledger in a shared folder left its -wal and
    -shm, theirs: every change of the owner failed with "attempt to write a readonly
    database". The ledger now opens read-only, and the refusal says why."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root, to act as two users")
    import pwd

    nobody = pwd.getpwnam("nobody")
    shared = Path(tempfile.mkdtemp(prefix="shared-", dir="/tmp"))
    try:
        shared.chmod(0o777)
        db = shared / "ledger.db"
        with Ledger.open(db) as ledger:
            apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "t"), "t")
        os.chown(db, nobody.pw_uid, nobody.pw_gid)  # the owner is "nobody" here
        for side in ("-wal", "-shm"):  # the colleague's (root's), as SQLite leaves them
            Path(f"{db}{side}").write_bytes(b"")
            Path(f"{db}{side}").chmod(0o644)
        home = shared / "home"
        home.mkdir()
        home.chmod(0o777)
        as_nobody = ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}"]
        probe = subprocess.run(
            [*as_nobody, "--clear-groups", sys.executable, "-c", "import desktop_app"],
            capture_output=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
        )  # fmt: skip
        if probe.returncode != 0:
            pytest.skip("the checkout cannot be read by another user here (under /root?)")
        owner = subprocess.run(
            ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}",
             "--clear-groups", sys.executable, "-m", "desktop_app", "resolve", str(db),
             "bodies-2025-06-11", "--location", "Istanbul", "--rationale", "r"],
            capture_output=True, text=True, timeout=120, cwd=REPO,
            env={**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home),
                 "XDG_CONFIG_HOME": str(home), "PYTHONPATH": str(REPO)},
        )  # fmt: skip
        assert owner.returncode == 1, owner.stderr
        assert "belong to another user" in owner.stderr and "Traceback" not in owner.stderr
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def test_reading_a_ledger_at_rest_leaves_nothing_beside_it(tmp_path: Path) -> None:
    """A read-only opening (the window on a file it may not write) left an empty -wal
    and a -shm, its user's: in a shared folder the file's owner could then only read
    it. They go once nothing has the file open, and stay while anything has: another
    ledger of this process, or another process's reader."""
    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "t"), "t")
    sides = [Path(f"{db}-wal"), Path(f"{db}-shm")]
    assert not any(side.exists() for side in sides)
    first, second = Ledger.open(db, read_only=True), Ledger.open(db, read_only=True)
    assert first.count("reports") and all(side.exists() for side in sides)
    first.close()
    first.close()  # closed twice, it is counted out once
    assert all(side.exists() for side in sides)  # the second still reads through them
    second.close()
    assert not any(side.exists() for side in sides)
    reading = Ledger.open(db, read_only=True)
    assert reading.count("reports")
    other = subprocess.Popen(  # another process opens it, and holds it open
        [sys.executable, "-c", "import sqlite3, sys, time;"
         f" c = sqlite3.connect('file:{db}?mode=ro', uri=True);"
         " c.execute('SELECT COUNT(*) FROM reports').fetchone();"
         " print('reading', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert other.stdout is not None and other.stdout.readline() == "reading\n"
        reading.close()
        assert all(side.exists() for side in sides)
    finally:
        other.kill()
        other.wait()
    with Ledger.open(db) as ledger:  # and the owner writes it, as ever
        ledger.add_report(ReportInput("statement", "Me", "2025-06-14", quote="q"), "me")


def test_a_refused_upgrade_leaves_no_backup_behind(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """A file that says schema 1 but holds today's tables is refused ("table event_search
    already exists"), unchanged: each try left one more full copy, old.db.v1.bak,
    old.db.v1.2.bak, old.db.v1.3.bak."""
    db = tmp_path / "old.db"
    import_rows(db, write_reports_csv(tmp_path / "rows.csv", 6))
    subprocess.run(["sqlite3", str(db), "PRAGMA user_version = 1"], check=True)
    before = sha256(db)
    for _ in range(2):
        result = cli("resolve", db, "r-event-0", "--location", "Minsk", "--rationale", "x")
        assert result.code == 1 and "Traceback" not in result.err, result.err
    assert sha256(db) == before
    assert list(tmp_path.glob("*.bak")) == []


def test_an_older_file_another_program_is_writing_says_so_and_keeps_one_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upgrade waited, then failed with SQLite's "database is locked" (a crash dialog
    in the window), and each try left one more NAME.v1.N.bak."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    db = tmp_path / "old.db"
    shutil.copyfile(V1_FIXTURE, db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing it
    try:
        for _ in range(2):
            with pytest.raises(LedgerFileError, match="another program is writing it"):
                Ledger.open(db)
        assert list(tmp_path.glob("*.bak")) == []
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Ledger.open(db) as ledger:  # once it is done, the upgrade goes on
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert (tmp_path / "old.db.v1.bak").exists()
