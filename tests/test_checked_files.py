"""A whole-file check that passed is remembered until the file changes, and only then
(desktop_app/store/checked_files.py): a file damaged after its check is refused again,
however soon after; an unusable cache folder only means every opening checks."""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult, sha256, write_reports_csv

from desktop_app.store import checked_files
from desktop_app.store.database import DamagedFileError, inspect_file
from desktop_app.store.importer import apply_import, plan_import
from desktop_app.store.ledger import Ledger


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """A ledger of some 40 pages, closed cleanly (no -wal beside it)."""
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        plan = plan_import(ledger, write_reports_csv(tmp_path / "rows.csv", 120), "tester")
        apply_import(ledger, plan, "tester")
    return path


@pytest.fixture
def settled_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled at once (the real wait is 3 s)."""
    monkeypatch.setattr(checked_files, "SETTLED_SECONDS", 0.0)


def damage_page(path: Path, *pages: int) -> None:
    """Garbage over these pages, in place: the file keeps its size and inode."""
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    time.sleep(0.05)  # past the file system's clock tick since the check
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek(size * (page - 1))
            handle.write(random.Random(page).randbytes(size))


def remembered() -> dict[str, list[int]]:
    return json.loads(checked_files.memo_path().read_text(encoding="utf-8"))


@pytest.mark.usefixtures("settled_now")
def test_a_file_that_passed_is_remembered_as_it_was(ledger_path: Path) -> None:
    inspect_file(ledger_path)
    identity = checked_files.identity(ledger_path)
    assert remembered()[str(ledger_path.resolve())] == list(identity or ())
    assert checked_files.was_checked(ledger_path, identity)


@pytest.mark.usefixtures("settled_now")
def test_a_file_damaged_after_its_check_is_refused(ledger_path: Path) -> None:
    inspect_file(ledger_path)
    before = checked_files.identity(ledger_path)
    damage_page(ledger_path, 5)
    assert checked_files.identity(ledger_path) != before
    with pytest.raises(DamagedFileError, match="damaged"):
        inspect_file(ledger_path)


@pytest.mark.usefixtures("settled_now")
def test_a_remembered_check_is_not_read_again(ledger_path: Path) -> None:
    """What the memory does and cannot do: damage the file system did not see passes the
    opening; forgetting it makes the opening read the whole file and refuse it."""
    forge_memory_of_damage(ledger_path, range(5, 6))
    inspect_file(ledger_path)
    checked_files.memo_path().unlink()
    with pytest.raises(DamagedFileError):
        inspect_file(ledger_path)


def test_a_file_changed_moments_before_its_check_is_not_remembered(ledger_path: Path) -> None:
    inspect_file(ledger_path)
    assert not checked_files.was_checked(ledger_path, checked_files.identity(ledger_path))


@pytest.mark.usefixtures("settled_now")
def test_commits_waiting_in_a_wal_are_always_checked(ledger_path: Path) -> None:
    """Another program's commits not yet copied into the main file leave its times as
    they were: while they wait in the -wal, nothing is taken as checked."""
    inspect_file(ledger_path)
    other = sqlite3.connect(ledger_path, isolation_level=None)
    try:
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')")
        assert Path(f"{ledger_path}-wal").stat().st_size > 0
        assert checked_files.identity(ledger_path) is None
        inspect_file(ledger_path)
        assert not checked_files.was_checked(ledger_path, checked_files.identity(ledger_path))
    finally:
        other.close()


@pytest.mark.usefixtures("settled_now")
def test_an_unusable_cache_folder_means_every_opening_checks(
    ledger_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "cache-is-a-file"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    inspect_file(ledger_path)
    damage_page(ledger_path, 5)
    with pytest.raises(DamagedFileError):
        inspect_file(ledger_path)


@pytest.mark.usefixtures("settled_now")
def test_printing_commands_refuse_a_file_damaged_since_they_last_read_it(
    ledger_path: Path, cli: Callable[..., CliResult]
) -> None:
    for command in (("balance", "--csv"), ("conflicts", "--json")):
        assert cli(command[0], ledger_path, *command[1:]).code == 0
    assert checked_files.was_checked(ledger_path, checked_files.identity(ledger_path))
    damage_page(ledger_path, 5)
    before = sha256(ledger_path)
    for command in (("balance", "--csv"), ("conflicts", "--json")):
        result = cli(command[0], ledger_path, *command[1:])
        assert (result.code, result.out) == (1, ""), command
        assert "damaged" in result.err and "Traceback" not in result.err
    assert sha256(ledger_path) == before


def forge_memory_of_damage(path: Path, pages: range) -> None:
    """Damage the file system does not see: the file damaged after its check, and its
    new identity remembered as checked."""
    inspect_file(path)
    damage_page(path, *pages)
    checked_files.remember_checked(path, checked_files.identity(path))
    assert checked_files.was_checked(path, checked_files.identity(path))


@pytest.mark.usefixtures("settled_now")
def test_a_check_that_finds_damage_forgets_the_file(
    ledger_path: Path, cli: Callable[..., CliResult]
) -> None:
    forge_memory_of_damage(ledger_path, range(5, 6))
    result = cli("check", ledger_path)
    assert result.code == 1 and "Traceback" not in result.err
    assert not checked_files.was_checked(ledger_path, checked_files.identity(ledger_path))
    result = cli("balance", ledger_path, "--csv")
    assert (result.code, result.out) == (1, "") and "damaged" in result.err


@pytest.mark.usefixtures("settled_now")
def test_damage_met_while_reading_forgets_the_file(
    ledger_path: Path, cli: Callable[..., CliResult]
) -> None:
    pages = ledger_path.stat().st_size // int.from_bytes(ledger_path.read_bytes()[16:18], "big")
    forge_memory_of_damage(ledger_path, range(2, pages + 1))
    result = cli("balance", ledger_path, "--csv")
    assert (result.code, result.out) == (1, ""), result
    assert "damaged" in result.err or "malformed" in result.err, result.err
    assert not checked_files.was_checked(ledger_path, checked_files.identity(ledger_path))


@pytest.mark.usefixtures("settled_now")
def test_damage_the_window_meets_forgets_every_file_checked(
    ledger_path: Path,
    qtbot,  # noqa: ANN001 - pytest-qt's fixture: the application the dialog needs
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window's guard against unexpected errors does not know which file a damaged
    page came from: SQLite's word for damage forgets every remembered check."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.ui.app import install_crash_guard

    inspect_file(ledger_path)
    assert checked_files.was_checked(ledger_path, checked_files.identity(ledger_path))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    previous = sys.excepthook
    install_crash_guard()
    try:
        for error in (ValueError("not damage"), sqlite3.DatabaseError("malformed")):
            if isinstance(error, sqlite3.DatabaseError):
                error.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # type: ignore[attr-defined]
            sys.excepthook(type(error), error, None)
            damaged = isinstance(error, sqlite3.DatabaseError)
            remembered = checked_files.was_checked(ledger_path, checked_files.identity(ledger_path))
            assert remembered is not damaged, error
    finally:
        sys.excepthook = previous
