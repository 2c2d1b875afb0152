"""A whole-file check that passed is remembered until the file changes, and only then
(desktop_app/store/checked_files.py): a file damaged after its check is refused again,
however soon after; an unusable cache folder only means every opening checks."""

from __future__ import annotations

import json
import random
import sqlite3
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


def damage_page(path: Path, page: int) -> None:
    """Garbage over one page, in place: the file keeps its size and inode."""
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    time.sleep(0.05)  # past the file system's clock tick since the check
    with path.open("r+b") as handle:
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
    """What the memory does and cannot do: damage the file system did not see (here
    forged by remembering the damaged file's identity) passes the opening; forgetting it
    makes the opening read the whole file and refuse it."""
    inspect_file(ledger_path)
    damage_page(ledger_path, 5)
    checked_files.remember_checked(ledger_path, checked_files.identity(ledger_path))
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
