"""The ledger file itself: refusals that leave a file untouched, read-only files, the
migration of an older file behind a backup, survival of a killed process, and the
audit trail every change leaves (PRODUCT.md, "Promises")."""

from __future__ import annotations

import json
import math
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import (
    DATA_TABLES,
    EXAMPLE_CSV,
    GARBLED_CSV,
    REPO,
    CliResult,
    sha256,
    write_csv,
    write_reports_csv,
)

from desktop_app.domain.records import FieldKey, Flow, FlowKey
from desktop_app.domain.validation import Invalid
from desktop_app.settings import set_user_name
from desktop_app.store import queries
from desktop_app.store.check import check, repair
from desktop_app.store.database import (
    ROWS_PER_STATEMENT,
    DamagedFileError,
    LedgerFileError,
    NewerVersionError,
    NotADatabaseError,
    ReadOnlyError,
    backup_path,
    insert_many,
    inspect_early,
)
from desktop_app.store.event_list import ORDER_KEPT_FROM, SORT_KEYS, EventFilter, EventList
from desktop_app.store.importer import apply_import, plan_import
from desktop_app.store.ledger import Ledger, ReportInput
from desktop_app.store.merge import merge_file
from desktop_app.store.schema import MIGRATIONS, SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent / "fixtures"
V1_FIXTURE = FIXTURES / "ledger-v1.db"
# The data tables a version 1 file already has (the evidence locker came in version 11).
BASE_TABLES = tuple(table for table in DATA_TABLES if table not in {"evidence", "report_evidence"})
SIDE_FILES = ("-wal", "-shm", "-journal")
BODIES_RU_UA = FlowKey("Russia", "Ukraine", "bodies")


# ---- helpers ----------------------------------------------------------------------------


def listing(folder: Path) -> set[str]:
    return {entry.name for entry in folder.iterdir()}


def steps_sql(step: object) -> list[str]:
    """A migration step's statements, whether the step is a list or a `Migration`."""
    return list(getattr(step, "statements", step))  # type: ignore[arg-type]


def report(
    *,
    source: str = "Coordination HQ",
    party: str | None = "Ukraine",
    date: str = "2025-06-11",
    count: int | None = 100,
    event_type: str = "exchange",
    location: str = "",
    quote: str = "",
) -> ReportInput:
    flows = () if count is None else (Flow(BODIES_RU_UA, count),)
    return ReportInput(
        event_type=event_type,
        source_name=source,
        source_party=party,
        claimed_date=date,
        location=location,
        quote=quote,
        flows=flows,
    )


def import_file(ledger: Ledger, csv_path: Path, who: str = "tester") -> None:
    plan = plan_import(ledger, csv_path, who)
    assert not plan.errors, [str(error) for error in plan.errors]
    apply_import(ledger, plan, who)


def table_counts(path: Path) -> dict[str, int]:
    with Ledger.open(path, read_only=True) as ledger:
        return {table: ledger.count(table) for table in BASE_TABLES}


def table_rows(connection: sqlite3.Connection, table: str) -> list[tuple]:
    return sorted((tuple(row) for row in connection.execute(f"SELECT * FROM {table}")), key=repr)


def immutable(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the file nor create anything beside it."""
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def assert_clean_cli(result: CliResult, *, code: int = 1) -> None:
    assert result.code == code, (result.code, result.out, result.err)
    assert "Traceback" not in result.err + result.out


# ---- files that must be refused ------------------------------------------------------------


@pytest.fixture(scope="module")
def ledger_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real ledger file of ~100 pages, closed cleanly (so WAL mode, no -wal beside it)."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.db"
    with Ledger.open(path) as ledger:
        import_file(ledger, write_reports_csv(folder / "rows.csv", 300))
    assert not (folder / "template.db-wal").exists()
    return path.read_bytes()


def _text_file(data: bytes) -> bytes:
    return b"event_id,event_type\r\nnot,a database\r\n" * 40


def _random_bytes(data: bytes) -> bytes:
    return random.Random(1).randbytes(16384)


def _magic_then_random(data: bytes) -> bytes:
    return b"SQLite format 3\x00" + random.Random(2).randbytes(16384)


def _other_program(version: int) -> Callable[[bytes], bytes]:
    def build(data: bytes) -> bytes:
        scratch = Path(os.environ["HOME"]) / f"other-program-{version}.db"
        scratch.unlink(missing_ok=True)
        connection = sqlite3.connect(scratch)
        connection.execute("CREATE TABLE bookmarks (url TEXT, title TEXT)")
        connection.execute("INSERT INTO bookmarks VALUES ('https://example.org', 'Example')")
        connection.execute(f"PRAGMA user_version = {version}")
        connection.commit()
        connection.close()
        return scratch.read_bytes()

    return build


def _newer_version(data: bytes) -> bytes:
    scratch = Path(os.environ["HOME"]) / "newer.db"
    scratch.write_bytes(data)
    connection = sqlite3.connect(scratch)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    assert not Path(f"{scratch}-wal").exists()
    return scratch.read_bytes()


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _page_size(value: int) -> Callable[[bytes], bytes]:
    def build(data: bytes) -> bytes:
        damaged = bytearray(data)
        damaged[16:18] = value.to_bytes(2, "big")
        return bytes(damaged)

    return build


def _garbage_page(page: int) -> Callable[[bytes], bytes]:
    def build(data: bytes) -> bytes:
        size = int.from_bytes(data[16:18], "big")
        damaged = bytearray(data)
        damaged[size * (page - 1) : size * page] = random.Random(page).randbytes(size)
        return bytes(damaged)

    return build


# name: (how to build it from a healthy ledger file, the error, words the message holds)
REFUSED: dict[str, tuple[Callable[[bytes], bytes], type[LedgerFileError], str]] = {
    "text-file": (_text_file, NotADatabaseError, "not an Exchange Ledger file"),
    "random-bytes": (_random_bytes, NotADatabaseError, "not an Exchange Ledger file"),
    "sqlite-magic-then-random": (_magic_then_random, DamagedFileError, "damaged"),
    "other-program-v0": (_other_program(0), NotADatabaseError, "not an Exchange Ledger file"),
    "other-program-v1": (_other_program(1), NotADatabaseError, "not an Exchange Ledger file"),
    "other-program-v2": (_other_program(2), NotADatabaseError, "not an Exchange Ledger file"),
    "newer-version": (_newer_version, NewerVersionError, "newer version"),
    "truncated-to-half": (_truncated, DamagedFileError, "damaged"),
    "impossible-page-size": (_page_size(768), DamagedFileError, "damaged"),
    "wrong-page-size": (_page_size(1024), DamagedFileError, "damaged"),
    "garbage-page-2": (_garbage_page(2), DamagedFileError, "damaged"),
    "garbage-page-5": (_garbage_page(5), DamagedFileError, "damaged"),
}
MALFORMED = {"wrong-page-size", "garbage-page-2", "garbage-page-5"}


@pytest.fixture
def refused_file(request: pytest.FixtureRequest, tmp_path: Path, ledger_bytes: bytes) -> Path:
    build = REFUSED[request.param][0]
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / f"{request.param}.db"
    path.write_bytes(build(ledger_bytes))
    return path


@pytest.mark.parametrize("refused_file", sorted(MALFORMED), indirect=True)
def test_damaged_page_is_really_reported_malformed_by_sqlite(refused_file: Path) -> None:
    """Guard for the cases below: SQLite itself finds these files damaged."""
    connection = immutable(refused_file)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    finally:
        connection.close()
    assert problems != ["ok"]


@pytest.mark.parametrize("refused_file", sorted(REFUSED), indirect=True)
def test_unusable_file_is_refused_by_ledger_open_and_left_byte_for_byte_unchanged(
    refused_file: Path, request: pytest.FixtureRequest
) -> None:
    _, error_class, words = REFUSED[request.node.callspec.params["refused_file"]]
    before = sha256(refused_file)
    for read_only, early in ((False, False), (True, False), (False, True)):
        if early:  # as the program does when it is started on a file
            inspect_early(refused_file)
        with pytest.raises(error_class) as raised:
            Ledger.open(refused_file, read_only=read_only).close()
        message = str(raised.value)
        assert refused_file.name in message
        assert words in message
        assert sha256(refused_file) == before, f"read_only={read_only} changed the file"
    assert not Path(f"{refused_file}.v1.bak").exists()


@pytest.mark.parametrize("refused_file", sorted(REFUSED), indirect=True)
def test_unusable_file_leaves_nothing_beside_it(refused_file: Path) -> None:
    """'A refused file is never touched': no -wal, -shm or backup appears beside it."""
    folder_before = listing(refused_file.parent)
    with pytest.raises(LedgerFileError):
        Ledger.open(refused_file).close()
    assert listing(refused_file.parent) == folder_before


@pytest.fixture
def aux(tmp_path: Path) -> dict[str, Path]:
    """A valid CSV and a valid other ledger, in their own folder."""
    folder = tmp_path / "aux"
    folder.mkdir()
    other = folder / "other.db"
    with Ledger.open(other) as ledger:
        ledger.add_report(report(), "someone", event_id="aux-event")
    return {
        "csv": write_reports_csv(folder / "reports.csv", 6, prefix="aux"),
        "other": other,
        "out": folder / "export",
    }


@pytest.mark.parametrize("refused_file", sorted(REFUSED), indirect=True)
def test_unusable_file_is_refused_by_every_command(
    refused_file: Path,
    request: pytest.FixtureRequest,
    cli: Callable[..., CliResult],
    aux: dict[str, Path],
) -> None:
    _, _, words = REFUSED[request.node.callspec.params["refused_file"]]
    db = refused_file
    commands = [
        ("check", db),
        ("check", db, "--repair"),
        ("conflicts", db),
        ("conflicts", db, "--json"),
        ("balance", db),
        ("balance", db, "--csv"),
        ("export", db, aux["out"]),
        ("import", db, aux["csv"]),
        ("import", db, aux["csv"], "--dry-run"),
        ("resolve", db, "aux-event", "--date", "2025-06-11", "--rationale", "seen it"),
        ("merge", db, aux["other"]),
    ]
    before = sha256(db)
    failures = []
    for command in commands:
        try:
            result = cli(*command)
        except Exception as error:  # an escaped exception is a traceback for a person
            failures.append(f"{command[0]} {command[2:]}: raised {error!r}")
            continue
        problems = []
        if result.code != 1:
            problems.append(f"exit {result.code}")
        if "Traceback" in result.err + result.out:
            problems.append("traceback")
        if result.out.strip():  # conflicts and balance read while the check runs beside
            problems.append(f"printed {result.out.strip()[:80]!r}")
        if db.name not in result.err or words not in result.err:
            problems.append(f"message {result.err.strip()!r}")
        if sha256(db) != before:
            problems.append("file changed")
        if problems:
            failures.append(f"{command[0]} {command[2:]}: {', '.join(problems)}")
    assert not failures, "\n".join(failures)
    assert not aux["out"].exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    "refused_file", ["text-file", "garbage-page-2", "newer-version"], indirect=True
)
@pytest.mark.parametrize("command", ["check", "import"])
def test_unusable_file_is_refused_by_a_real_process(
    refused_file: Path,
    command: str,
    cli_process: Callable[..., subprocess.CompletedProcess[str]],
    aux: dict[str, Path],
) -> None:
    before = sha256(refused_file)
    args = [command, refused_file] + ([aux["csv"]] if command == "import" else [])
    result = cli_process(*args, timeout=60)
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    assert refused_file.name in result.stderr
    assert sha256(refused_file) == before


def test_a_folder_is_refused(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    with pytest.raises(NotADatabaseError):
        Ledger.open(folder)
    result = cli("check", folder)
    assert_clean_cli(result)
    assert "folder" in result.err


# ---- read-only ----------------------------------------------------------------------------


@pytest.fixture
def populated(tmp_path: Path) -> Path:
    """The example data plus an event in conflict and a decision."""
    path = tmp_path / "populated.db"
    with Ledger.open(path) as ledger:
        import_file(ledger, EXAMPLE_CSV)
        ledger.add_report(report(count=100), "tester", event_id="dispute", report_id="d1")
        ledger.add_report(
            report(source="Vladimir Medinsky", party="Russia", count=150),
            "tester",
            event_id="dispute",
            report_id="d2",
        )
        ledger.add_report(report(count=5), "tester", event_id="decided", report_id="d3")
        ledger.add_report(report(source="Other", count=7), "tester", event_id="decided")
        ledger.resolve("decided", FieldKey.count(BODIES_RU_UA), "5", "because", "tester", "d3")
    return path


def _decision_id(path: Path) -> str:
    with Ledger.open(path, read_only=True) as ledger:
        return ledger.conn.execute("SELECT id FROM resolutions").fetchone()[0]


def test_read_only_ledger_refuses_every_write_and_leaves_the_file_unchanged(
    populated: Path, tmp_path: Path
) -> None:
    decision = _decision_id(populated)
    other = tmp_path / "other.db"
    with Ledger.open(other) as ledger:
        ledger.add_report(report(count=9), "someone", event_id="from-other")
    before, counts = sha256(populated), table_counts(populated)
    csv_path = write_reports_csv(tmp_path / "more.csv", 3, prefix="more")
    with Ledger.open(populated, read_only=True) as ledger:
        assert ledger.read_only
        writes: dict[str, Callable[[], object]] = {
            "add_report": lambda: ledger.add_report(report(), "x"),
            "add_report to event": lambda: ledger.add_report(report(), "x", event_id="dispute"),
            "edit_report": lambda: ledger.edit_report("d1", report(count=1), "x"),
            "delete_report": lambda: ledger.delete_report("d1", "x"),
            "resolve": lambda: ledger.resolve(
                "dispute", FieldKey.count(BODIES_RU_UA), "100", "why", "x", "d1"
            ),
            "withdraw_resolution": lambda: ledger.withdraw_resolution(decision, "x"),
            "import": lambda: import_file(ledger, csv_path),
            "merge": lambda: merge_file(ledger, other, "x"),
            "repair": lambda: repair(ledger, "x"),
        }
        deleted = ledger.report_record("d2")
        if hasattr(ledger, "restore_report"):  # undo of a deletion
            writes["restore_report"] = lambda: ledger.restore_report({**deleted, "id": "new"}, "x")
        for name, write in writes.items():
            with pytest.raises(ReadOnlyError):
                write()
                pytest.fail(f"{name} wrote to a read-only ledger")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ledger.conn.execute("DELETE FROM audit")
        # reading works
        assert ledger.report_record("d1") is not None
        assert {event["event_id"] for event in queries.conflicts(ledger)} >= {"dispute"}
        assert check(ledger).ok
    assert sha256(populated) == before
    assert table_counts(populated) == counts


@pytest.fixture
def unwritable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make files look read-only to the program (chmod means nothing to root)."""
    protected: set[Path] = set()
    real_access = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(path)).resolve() in protected:
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    return lambda path: protected.add(path.resolve())


def test_a_file_that_cannot_be_written_opens_read_only(
    populated: Path, unwritable: Callable[[Path], None]
) -> None:
    unwritable(populated)
    before = sha256(populated)
    with Ledger.open(populated) as ledger:
        assert ledger.read_only
        with pytest.raises(ReadOnlyError):
            ledger.add_report(report(), "x")
        assert ledger.count("reports") == 10
    assert sha256(populated) == before


READING_COMMANDS = [
    ("conflicts",),
    ("conflicts", "--json"),
    ("balance",),
    ("balance", "--csv"),
    ("balance", "--category", "bodies"),
    ("check",),
    ("export", "{out}"),
    ("import", "{csv}", "--dry-run"),
]
WRITING_COMMANDS = [
    ("import", "{csv}"),
    ("resolve", "dispute", "--count", "Russia", "Ukraine", "bodies", "100", "--rationale", "r"),
    ("resolve", "dispute", "--location", "Kyiv", "--rationale", "r"),
    ("merge", "{other}"),
    ("check", "--repair"),
]


def _fill(args: tuple[str, ...], values: dict[str, Path]) -> list[str]:
    return [arg.format(**{k: str(v) for k, v in values.items()}) for arg in args]


@pytest.mark.parametrize("args", READING_COMMANDS, ids=" ".join)
def test_reading_commands_work_on_a_read_only_file(
    args: tuple[str, ...],
    populated: Path,
    unwritable: Callable[[Path], None],
    cli: Callable[..., CliResult],
    aux: dict[str, Path],
) -> None:
    unwritable(populated)
    before = sha256(populated)
    result = cli(args[0], populated, *_fill(args[1:], aux))
    assert_clean_cli(result, code=0)
    assert sha256(populated) == before
    if args[0] == "export":
        assert (aux["out"] / "events.csv").is_file()
    if args == ("conflicts", "--json"):
        assert "dispute" in {event["event_id"] for event in json.loads(result.out)}


@pytest.mark.parametrize("args", WRITING_COMMANDS, ids=" ".join)
def test_writing_commands_exit_1_on_a_read_only_file(
    args: tuple[str, ...],
    populated: Path,
    unwritable: Callable[[Path], None],
    cli: Callable[..., CliResult],
    aux: dict[str, Path],
) -> None:
    unwritable(populated)
    connection = sqlite3.connect(populated)
    # give check --repair something to repair
    connection.execute("UPDATE event_state SET status = 'single' WHERE event_id = 'dispute'")
    connection.commit()
    connection.close()
    before, counts = sha256(populated), table_counts(populated)
    result = cli(args[0], populated, *_fill(args[1:], aux))
    assert_clean_cli(result)
    assert "read-only" in result.err
    assert sha256(populated) == before
    assert table_counts(populated) == counts


def test_a_new_file_in_a_folder_that_cannot_be_written_is_not_created(
    tmp_path: Path, unwritable: Callable[[Path], None], cli: Callable[..., CliResult]
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    unwritable(folder)
    result = cli("import", folder / "new.db", EXAMPLE_CSV)
    assert_clean_cli(result)
    assert listing(folder) == set()


# ---- migration of an older file -----------------------------------------------------------


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "old"
    folder.mkdir()
    path = folder / "ledger.db"
    shutil.copyfile(V1_FIXTURE, path)
    return path


def test_v1_fixture_is_a_version_1_file() -> None:
    """The committed file stands for files people already have: version 1, no FTS."""
    connection = immutable(V1_FIXTURE)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert set(BASE_TABLES) <= tables
        assert "event_search" not in tables
        assert connection.execute("SELECT COUNT(*) FROM reports").fetchone()[0] >= 3
        assert connection.execute("SELECT COUNT(*) FROM resolutions").fetchone()[0] >= 1
        assert [row[0] for row in connection.execute("PRAGMA integrity_check")] == ["ok"]
    finally:
        connection.close()
    assert SCHEMA_VERSION > 1


def test_v1_file_is_migrated_on_open_behind_a_backup(v1_copy: Path) -> None:
    original = immutable(v1_copy)
    expected = {table: table_rows(original, table) for table in BASE_TABLES}
    original.close()
    backup = backup_path(v1_copy, 1)
    assert not backup.exists()

    with Ledger.open(v1_copy) as ledger:
        assert not ledger.read_only
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for table in BASE_TABLES:
            assert table_rows(ledger.conn, table) == expected[table], table
        report_ = check(ledger)
        assert report_.ok, report_.lines()
        statuses = dict(ledger.conn.execute("SELECT event_id, status FROM event_state"))
        assert statuses["v1-bodies-2025-06-11"] == "resolved"
        # and it is a working ledger of the current version
        ledger.add_report(report(count=1300), "tester", event_id="v1-bodies-2025-06-11")
        assert check(ledger).ok

    assert backup.is_file()
    copy = immutable(backup)
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert [row[0] for row in copy.execute("PRAGMA integrity_check")] == ["ok"]
        for table in BASE_TABLES:
            assert table_rows(copy, table) == expected[table], table
    finally:
        copy.close()


def test_reopening_a_migrated_file_keeps_the_first_backup(v1_copy: Path) -> None:
    Ledger.open(v1_copy).close()
    backup = backup_path(v1_copy, 1)
    backup_hash = sha256(backup)
    with Ledger.open(v1_copy) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert sha256(backup) == backup_hash
    assert sorted(p.name for p in v1_copy.parent.glob("*.bak")) == [backup.name]


def test_v1_file_built_from_the_first_migration_step_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "built.db"
    connection = sqlite3.connect(path, isolation_level=None)
    for statement in steps_sql(MIGRATIONS[0]):
        connection.execute(statement)
    connection.executescript(
        """
        INSERT INTO parties (name, key, created_at) VALUES
            ('Russia', 'russia', '2024-01-01T00:00:00Z'),
            ('Ukraine', 'ukraine', '2024-01-01T00:00:00Z');
        INSERT INTO sources (id, name, key, kind, party, reliability, created_at) VALUES
            ('s1', 'Some Outlet', 'some outlet' || char(31), 'media', NULL, 'C',
             '2024-01-01T00:00:00Z');
        INSERT INTO events (id, type, created_at) VALUES ('e1', 'exchange',
            '2024-01-01T00:00:00Z');
        INSERT INTO reports (id, event_id, source_id, claimed_date, location, quote,
            credibility, recorded_by, recorded_at, updated_at, seq) VALUES
            ('r1', 'e1', 's1', '2024-01-05', 'Sumy', 'ninety came home', 3, 'old',
             '2024-01-06T00:00:00Z', '2024-01-06T00:00:00Z', 1);
        INSERT INTO flows VALUES ('r1', 0, 'pows', 'Russia', 'Ukraine', 90, 'exact');
        INSERT INTO settings VALUES ('write_seq', '1');
        PRAGMA user_version = 1;
        """
    )
    connection.close()
    with Ledger.open(path) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert ledger.report_record("r1")["flows"][0]["count"] == 90  # type: ignore[index]
        assert check(ledger).ok, check(ledger).lines()
    assert backup_path(path, 1).is_file()


SEARCH_ROWS = "SELECT rowid, event_id, text FROM event_search ORDER BY rowid"


def test_a_version_5_search_index_is_rebuilt_without_positions(tmp_path: Path) -> None:
    """Version 6 drops token positions from the search index: a file of version 5 finds
    the same events by the same words afterwards."""
    path = tmp_path / "v5.db"
    connection = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:5]:
        for statement in steps_sql(step):
            connection.execute(statement)
    connection.execute("PRAGMA user_version = 5")
    connection.close()
    with Ledger.open(path) as ledger:  # migrated to the current version while empty
        ledger.add_report(report(), "tester", event_id="e-sumy")
        ledger.add_report(report(source="Other Outlet", location="Kyiv"), "t", event_id="e-kyiv")
        rows = ledger.conn.execute(SEARCH_ROWS).fetchall()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.executescript(  # back to version 5's index, holding the same rows
        """
        DROP TABLE event_search;
        CREATE VIRTUAL TABLE event_search USING fts5(
            event_id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');
        PRAGMA user_version = 5;
        """
    )
    connection.executemany(
        "INSERT INTO event_search (rowid, event_id, text) VALUES (?, ?, ?)", rows
    )
    connection.close()

    with Ledger.open(path) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        sql = ledger.conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'event_search'"
        ).fetchone()[0]
        assert "detail = none" in sql
        assert ledger.conn.execute(SEARCH_ROWS).fetchall() == rows
        found = EventList(ledger, EventFilter(text="othe kyi")).page(0, 10)
        assert [event.event_id for event in found] == ["e-kyiv"]
        assert check(ledger).ok
    assert backup_path(path, 5).is_file()


def test_a_search_word_the_index_cuts_in_two_finds_both_halves(tmp_path: Path) -> None:
    """The index has no positions (detail = none) and refuses a phrase: a word the index
    cuts in two (a Telegram handle's `_`, a letter that was a mark in Unicode 6.1) ended
    the search in an error. Every character Python takes for part of a word is tried."""
    with Ledger.open(tmp_path / "search.db") as ledger:
        ledger.add_report(report(quote="reposted by rybar_ru on Telegram"), "t", event_id="e-1")
        ledger.add_report(report(quote="social media"), "t", event_id="e-2")

        def found(text: str) -> list[str]:
            return [
                event.event_id for event in EventList(ledger, EventFilter(text=text)).page(0, 9)
            ]

        assert found("rybar_ru") == ["e-1"]
        assert found("social_media") == ["e-2"]
        assert found("SOCIAL__ME") == ["e-2"]
        characters = (chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
        every = " ".join(f"a{char}b" for char in characters if re.fullmatch(r"\w", char))
        assert EventList(ledger, EventFilter(text=every)).count() == 0


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort_key", sorted(SORT_KEYS))
def test_a_page_deep_in_any_sort_order_walks_an_index(
    v1_copy: Path, sort_key: str, descending: bool
) -> None:
    """A jump to the end of 100,000 events sorted by location took 0.3-0.5 s while each
    page sorted them all again; an index on every sort key (version 12, in a migrated
    file too) lets OFFSET skip index entries instead."""
    with Ledger.open(v1_copy) as ledger:
        events = EventList(ledger, sort_key=sort_key, descending=descending)
        sql, params = events.page_query(50_000, 100)
        plan = ledger.conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        steps = " / ".join(row[-1] for row in plan)
        assert "USING INDEX" in steps and "TEMP B-TREE" not in steps, steps
        everything = events.page(0, events.count())
        assert [row.event_id for row in events.page(1, 2)] == [
            row.event_id for row in everything[1:3]
        ]


def _varied_ledger(path: Path, events: int) -> Path:
    """Events of three types, in places that differ by case, on days that repeat."""
    rng = random.Random(7)
    rows = []
    for number in range(events):
        kind = ("exchange", "talks", "statement")[number % 3]
        flow = (
            ["pows", "Russia", "Ukraine", str(rng.randrange(1, 500))]
            if kind == "exchange"
            else [""] * 4
        )
        day = f"202{rng.randrange(2, 6)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        place = rng.choice(["Istanbul", "istanbul", "Kursk", "Sumy", ""])
        rows.append(
            [f"e{number}", kind, day, place, *flow, f"Outlet {number % 7}", f"quote {number}"]
        )
    header = ["event_id", "event_type", "event_date", "location", "category", "from_party"]
    header += ["to_party", "count", "source_name", "quote"]
    csv_path = write_csv(path.with_suffix(".csv"), header, rows)
    with Ledger.open(path) as ledger:
        apply_import(ledger, plan_import(ledger, csv_path, "t"), "t")
    return path


def _pages_by_offset(events: EventList, size: int) -> list[str]:
    """The view's rows as OFFSET reads them, page after page (the order to hold to)."""
    found: list[str] = []
    for offset in range(0, events.count(), size):
        found += [row[0] for row in events.ledger.conn.execute(*events.page_query(offset, size))]
    return found


FILTERS = [
    EventFilter(types=frozenset({"exchange"})),
    EventFilter(statuses=frozenset({"single"})),
    EventFilter(category="pows", date_from="2023"),
    EventFilter(text="quote"),
]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort_key", sorted(SORT_KEYS))
def test_a_filtered_view_reads_its_deep_pages_in_the_order_offset_gives(
    tmp_path: Path, sort_key: str, descending: bool
) -> None:
    """A deep page of a filtered view took 150-300 ms at 100,000 events (each event looked
    up to test the filter, page after page); past its first rows the view keeps its order
    and reads pages by rowid: the same rows, in the same order, as OFFSET gives."""
    with Ledger.open(_varied_ledger(tmp_path / "ledger.db", 2400)) as ledger:
        for event_filter in FILTERS:
            events = EventList(ledger, event_filter, sort_key, descending)
            expected = _pages_by_offset(events, 100)
            assert len(expected) > ORDER_KEPT_FROM + 100, (event_filter, len(expected))
            read = [
                row.event_id
                for start in range(0, len(expected), 100)
                for row in events.page(start, 100)
            ]
            assert read == expected, event_filter
            deep = len(expected) - 150  # a page across the end, as the table asks
            assert [row.event_id for row in events.page(deep, 300)] == expected[deep:]


def test_a_filtered_views_kept_order_follows_every_change_of_the_file(tmp_path: Path) -> None:
    """Read again after a write here and after another program's commit: a new event, an
    event deleted, an event that the filter no longer keeps."""
    path = _varied_ledger(tmp_path / "ledger.db", 2400)
    exchanges = EventFilter(types=frozenset({"exchange"}))
    with Ledger.open(path) as ledger:
        events = EventList(ledger, exchanges, "date")

        def deep() -> list[str]:
            return [row.event_id for row in events.page(450, 40)]

        def by_offset() -> list[str]:
            return _pages_by_offset(events, 50)[450:490]

        assert deep() == by_offset()
        statements: list[str] = []
        ledger.conn.set_trace_callback(statements.append)
        events.page(600, 100)  # a jump: the kept order, no OFFSET over the filter
        ledger.conn.set_trace_callback(None)
        assert not any("OFFSET" in sql for sql in statements), statements
        assert any("json_each" in sql for sql in statements), statements
        early = ReportInput(
            "exchange",
            "Outlet 1",
            "2022-01-01",
            flows=(Flow(FlowKey("Russia", "Ukraine", "pows"), 3, "exact"),),
        )
        ledger.add_report(early, "t", event_id="first-of-all")  # shifts every row by one
        assert deep() == by_offset()
        with Ledger.open(path) as other:  # another program
            other.add_report(early, "t", event_id="second-of-all")
        assert deep() == by_offset()
        report_id = ledger.conn.execute(
            "SELECT id FROM reports WHERE event_id = 'first-of-all'"
        ).fetchone()[0]
        ledger.delete_report(report_id, "t")  # its event leaves every list
        assert deep() == by_offset()


def test_the_review_queue_is_read_through_its_own_index(v1_copy: Path) -> None:
    """The queue read every event's row (0.2 s at 100,000 events) until a partial index
    held its events; SQLite uses it only while its WHERE and the query's agree."""
    with Ledger.open(v1_copy) as ledger:
        plan = ledger.conn.execute("EXPLAIN QUERY PLAN " + queries.QUEUE_SQL).fetchall()
        assert [row[-1] for row in plan] == ["SCAN event_state USING INDEX event_state_review"]


def test_the_status_bar_counts_are_read_from_indexes(
    db_path: Path, cli: Callable[..., CliResult]
) -> None:
    """The status bar's counts, after every change, read every event's row (25 ms at
    100,000 events) while computing both in one pass; each count now has an index."""
    assert_clean_cli(cli("import", db_path, GARBLED_CSV), code=0)
    with Ledger.open(db_path) as ledger:
        plan = ledger.conn.execute("EXPLAIN QUERY PLAN " + queries.EVENT_COUNTS_SQL).fetchall()
        scans = [row[-1] for row in plan if row[-1].startswith("SCAN event_state")]
        assert len(scans) == 2 and all("USING" in scan and "INDEX" in scan for scan in scans)
        assert scans[1] == "SCAN event_state USING INDEX event_state_review"
        rows = ledger.conn.execute(
            f"SELECT COUNT(*), SUM({queries.TO_REVIEW}) FROM event_state"
        ).fetchone()
        assert queries.event_counts(ledger) == tuple(rows) and rows[1] > 0


def test_a_writing_command_migrates_a_v1_file_behind_a_backup(
    v1_copy: Path, cli: Callable[..., CliResult], aux: dict[str, Path]
) -> None:
    result = cli("import", v1_copy, aux["csv"])
    assert_clean_cli(result, code=0)
    assert backup_path(v1_copy, 1).is_file()
    with Ledger.open(v1_copy, read_only=True) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("command", ["conflicts", "balance", "check"])
def test_reading_commands_work_on_an_older_file_that_can_be_written(
    v1_copy: Path, command: str, cli: Callable[..., CliResult]
) -> None:
    """Nothing in PRODUCT.md lets a usable older file be refused by a reading command,
    and exit 1 means 'a file that cannot be used'."""
    result = cli(command, v1_copy)
    assert_clean_cli(result, code=0)


def test_an_older_file_that_cannot_be_written_is_refused_untouched(
    v1_copy: Path, unwritable: Callable[[Path], None], cli: Callable[..., CliResult]
) -> None:
    unwritable(v1_copy)
    before = sha256(v1_copy)
    with pytest.raises(ReadOnlyError, match="older version"):
        Ledger.open(v1_copy)
    result = cli("import", v1_copy, EXAMPLE_CSV)
    assert_clean_cli(result)
    assert sha256(v1_copy) == before
    assert not backup_path(v1_copy, 1).exists()
    # a reading command reads it through an upgraded copy, as "read-only files" promise
    out = v1_copy.parent / "out"
    for args in (
        ("export", v1_copy, out),
        ("copy", v1_copy, v1_copy.parent / "sent.db"),
        ("evidence", "list", v1_copy),
        ("evidence", "verify", v1_copy),
    ):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
        assert "read through an upgraded copy and left as it is" in result.err, args
    assert (out / "reports.csv").exists()
    with Ledger.open(v1_copy.parent / "sent.db", read_only=True) as sent:
        assert sent.count("reports") > 0
    assert sha256(v1_copy) == before
    assert not backup_path(v1_copy, 1).exists()


def test_the_evidence_of_an_older_file_that_cannot_be_written_is_read_where_it_is(
    db_path: Path, tmp_path: Path, unwritable: Callable[[Path], None], cli: Callable[..., CliResult]
) -> None:
    """Read through an upgraded copy, an older ledger's evidence files are those beside
    it: verified, listed, copied and exported, not said to be missing."""
    with Ledger.open(db_path) as ledger:
        ledger.add_report(report(), "Ada", event_id="e", report_id="r1")
    page = tmp_path / "page.html"
    page.write_bytes(b"<html>a saved page</html>")
    assert cli("evidence", "add", db_path, "r1", page).code == 0
    with sqlite3.connect(db_path) as connection:  # version 15 changed no table: a v14 file
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    connection.close()
    unwritable(db_path)
    before = sha256(db_path)
    verified = cli("evidence", "verify", db_path)
    assert verified.code == 0 and "is as it was added" in verified.out, verified
    assert "page.html" in cli("evidence", "list", db_path).out
    exported = cli("export", db_path, tmp_path / "out", "--with-evidence")
    assert exported.code == 0, exported.err
    assert len(list((tmp_path / "out" / "evidence").iterdir())) == 1
    assert cli("copy", db_path, tmp_path / "sent.db").code == 0
    assert len(list((tmp_path / "sent.evidence").iterdir())) == 1
    assert sha256(db_path) == before


# ---- a killed process ------------------------------------------------------------------------

BIG_IMPORT = 20_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_reports_csv(tmp_path_factory.mktemp("big") / "big.csv", BIG_IMPORT)


def _wait_and_kill(process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> bool:
    """SIGKILL the process once `ready()`; False if it ended on its own first (also
    between the look and the signal, which a process that has just exited, not yet
    reaped, takes without effect: seen once in CI, the import of an empty ledger ending
    at the very second the test waited for)."""
    deadline = time.monotonic() + 120
    while process.poll() is None:
        if ready():
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            return process.returncode == -signal.SIGKILL
        if time.monotonic() > deadline:
            process.kill()
            process.wait(timeout=30)
            pytest.fail("the import neither finished nor reached the moment to kill it")
        time.sleep(0.002)
    return False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _written(db: Path, at_start: int) -> int:
    """What the import has written so far: into the -wal, or, into an empty ledger
    (through a rollback journal), into the -journal and the file itself."""
    sides = _size(Path(f"{db}-wal")) + _size(Path(f"{db}-journal"))
    return sides + max(0, _size(db) - at_start)


KILL_MOMENTS: dict[str, Callable[[Path, float, int], bool]] = {
    # while the file is read and validated: nothing written yet
    "after-0.3s": lambda db, start, size: time.monotonic() - start > 0.3,
    "after-1s": lambda db, start, size: time.monotonic() - start > 1.0,
    # the write transaction has begun writing pages
    "first-write": lambda db, start, size: _written(db, size) > 0,
    # late in the transaction, writing the derived state and committing (the kill may
    # come after the commit: then the whole import must be there)
    "written-19MB": lambda db, start, size: _written(db, size) > 19_000_000,
}


@pytest.mark.slow
@pytest.mark.parametrize("moment", list(KILL_MOMENTS))
@pytest.mark.parametrize("into", ["empty", "with-data"])
def test_import_killed_midway_leaves_all_or_nothing(
    moment: str, into: str, big_csv: Path, tmp_path: Path
) -> None:
    """Into an empty ledger the import writes the file through a rollback journal, into
    one with data through the -wal: killed at any moment, either leaves all or nothing,
    and a reader (which cannot put a -journal back itself) sees the same."""
    db = tmp_path / "killed.db"
    with Ledger.open(db) as ledger:  # the import alone is at stake
        if into == "with-data":
            ledger.add_report(report(), "before", event_id="before-the-import")
    before = 0 if into == "empty" else 1
    at_start = _size(db)
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "import", str(db), str(big_csv)],
        cwd=REPO,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    ready = KILL_MOMENTS[moment]
    killed = _wait_and_kill(process, lambda: ready(db, start, at_start))
    if killed:
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 0

    with Ledger.open(db, read_only=True) as reader:
        seen = reader.count("reports")
        assert seen in (before, before + BIG_IMPORT), f"{seen} reports read after a kill"
    with Ledger.open(db) as ledger:
        n_reports = ledger.count("reports")
        assert n_reports == seen
        whole = n_reports == before + BIG_IMPORT
        assert ledger.count("operations") == int(whole)
        assert ledger.count("events") == before + (math.ceil(BIG_IMPORT / 3) if whole else 0)
        assert ledger.count("flows") == n_reports
        assert check(ledger).ok
        # and the file still takes writes
        ledger.add_report(report(), "after the kill", event_id="after-the-kill")
        assert ledger.count("reports") == n_reports + 1
    connection = sqlite3.connect(db)
    assert [row[0] for row in connection.execute("PRAGMA integrity_check")] == ["ok"]
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()
    if moment == "first-write":
        assert killed, "the import ended before the kill: the test killed nothing"


WRITER = textwrap.dedent(
    """
    import sys
    from desktop_app.domain.records import Flow, FlowKey
    from desktop_app.store.ledger import Ledger, ReportInput

    ledger = Ledger.open(sys.argv[1])
    print("ready", flush=True)
    index = 0
    while True:
        report = ReportInput(
            event_type="exchange",
            source_name=f"Source {index % 7}",
            claimed_date="2025-06-11",
            quote="q" * 300,
            flows=(Flow(FlowKey("Russia", "Ukraine", "pows"), index % 13),),
        )
        report_id, _ = ledger.add_report(report, "writer", event_id=f"event-{index % 40}")
        print(report_id, flush=True)
        index += 1
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("after", [1, 40, 250])
def test_every_committed_single_write_survives_a_kill(after: int, tmp_path: Path) -> None:
    """The writer prints each report id once `add_report` has returned (committed); it is
    killed right after the `after`-th id, most likely in the middle of the next write."""
    db = tmp_path / "writes.db"
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)],
        cwd=REPO,
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ) as process:
        assert process.stdout is not None
        watchdog = threading.Timer(60, process.kill)  # a hung writer cannot hang the test
        watchdog.start()
        try:
            assert process.stdout.readline().strip() == b"ready"
            printed = []
            while len(printed) < after:
                line = process.stdout.readline()
                assert line.endswith(b"\n"), "the writer stopped"
                printed.append(line)
            process.send_signal(signal.SIGKILL)
            rest = process.stdout.read()  # what it printed before the signal landed
            process.wait(timeout=30)
        finally:
            watchdog.cancel()
            if process.poll() is None:
                process.kill()
    assert process.returncode == -signal.SIGKILL
    output = b"".join(printed) + rest
    committed = [line.decode() for line in output.split(b"\n")[:-1]]  # whole lines only
    assert len(committed) >= after

    connection = sqlite3.connect(db)
    assert [row[0] for row in connection.execute("PRAGMA integrity_check")] == ["ok"]
    connection.close()
    with Ledger.open(db) as ledger:
        present = {row[0] for row in ledger.conn.execute("SELECT id FROM reports")}
        audited = {
            row[0]
            for row in ledger.conn.execute(
                "SELECT entity_id FROM audit WHERE action = 'create' AND entity = 'report'"
            )
        }
        assert check(ledger).ok
    missing = [report_id for report_id in committed if report_id not in present]
    assert not missing, f"{len(missing)} committed reports lost"
    assert len(present) - len(committed) in (0, 1)  # at most the one being printed
    assert present == audited


# ---- the audit trail ------------------------------------------------------------------------


def _audit_since(ledger: Ledger, last_id: int) -> list[dict]:
    return [record for record in ledger.audit_records() if record["id"] > last_id]


def _last_audit_id(ledger: Ledger) -> int:
    return ledger.conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit").fetchone()[0]


def _actions(records: list[dict]) -> list[tuple[str, str, str]]:
    return [(r["action"], r["entity"], r["entity_id"]) for r in records]


def test_creating_a_report_audits_the_report_and_what_it_created(ledger: Ledger) -> None:
    report_id, _ = ledger.add_report(
        report(source="New Outlet", party="Ukraine"), "Ada", event_id="e1"
    )
    records = ledger.audit_records()
    actions = _actions(records)
    assert ("create", "event", "e1") in actions
    assert ("create", "report", report_id) in actions
    assert any(action == "create" and entity == "source" for action, entity, _ in actions)
    assert {("create", "party", "Russia"), ("create", "party", "Ukraine")} <= set(actions)
    for record in records:
        assert record["who"] == "Ada"
        assert record["at"].endswith("Z")
        assert record["operation_id"] is None
    created = next(r for r in records if r["entity_id"] == report_id)
    new = json.loads(created["new"])
    assert new["flows"][0]["count"] == 100
    assert new["event_id"] == "e1"
    assert created["old"] is None


def test_an_edit_is_audited_with_old_and_new(ledger: Ledger) -> None:
    report_id, _ = ledger.add_report(report(count=100, location="Sumy"), "Ada")
    last = _last_audit_id(ledger)
    ledger.edit_report(report_id, report(count=120, location="Kursk"), "Bob")
    records = _audit_since(ledger, last)
    edit = [r for r in records if r["action"] == "edit" and r["entity"] == "report"]
    assert len(edit) == 1
    old, new = json.loads(edit[0]["old"]), json.loads(edit[0]["new"])
    assert (old["location"], old["flows"][0]["count"]) == ("Sumy", 100)
    assert (new["location"], new["flows"][0]["count"]) == ("Kursk", 120)
    assert edit[0]["who"] == "Bob"


def test_a_deletion_is_audited_with_what_was_deleted(ledger: Ledger) -> None:
    report_id, _ = ledger.add_report(report(count=100, quote="the words"), "Ada")
    last = _last_audit_id(ledger)
    ledger.delete_report(report_id, "Bob")
    records = _audit_since(ledger, last)
    deleted = [r for r in records if r["action"] == "delete" and r["entity_id"] == report_id]
    assert len(deleted) == 1
    assert json.loads(deleted[0]["old"])["quote"] == "the words"
    assert deleted[0]["who"] == "Bob"
    assert ledger.report_record(report_id) is None


def test_decisions_and_withdrawals_are_audited(ledger: Ledger) -> None:
    first, _ = ledger.add_report(report(count=100), "Ada", event_id="e")
    ledger.add_report(report(source="Other", count=150), "Ada", event_id="e")
    last = _last_audit_id(ledger)
    decision, _ = ledger.resolve(
        "e", FieldKey.count(BODIES_RU_UA), "100", "the HQ counted", "Rita", first
    )
    ledger.withdraw_resolution(decision, "Walt")
    records = _audit_since(ledger, last)
    assert _actions(records) == [
        ("decide", "resolution", decision),
        ("withdraw", "resolution", decision),
    ]
    decided = json.loads(records[0]["new"])
    assert (decided["value"], decided["rationale"], decided["resolved_by"]) == (
        "100",
        "the HQ counted",
        "Rita",
    )
    assert records[0]["who"] == "Rita"
    assert records[1]["who"] == "Walt"
    assert json.loads(records[1]["new"])["withdrawn_by"] == "Walt"


def test_a_refused_write_leaves_no_audit_record(ledger: Ledger) -> None:
    ledger.add_report(report(event_type="exchange"), "Ada", event_id="e")
    last = _last_audit_id(ledger)
    with pytest.raises(Invalid):
        ledger.add_report(report(event_type="talks"), "Ada", event_id="e")
    with pytest.raises(Invalid):
        ledger.resolve("e", FieldKey.date(), "2025-06-11", "   ", "Ada")
    assert _last_audit_id(ledger) == last
    assert ledger.count("reports") == 1


def test_an_import_is_one_audited_operation_its_records_point_to(
    db_path: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    set_user_name("Ada Lovelace")
    with Ledger.open(db_path) as ledger:
        ledger.add_report(report(source="Already Here", party=None), "Ada", event_id="before")
        last = _last_audit_id(ledger)
    csv_path = write_reports_csv(tmp_path / "batch.csv", 9, prefix="batch")
    result = cli("import", db_path, csv_path)
    assert_clean_cli(result, code=0)
    with Ledger.open(db_path, read_only=True) as ledger:
        operations = list(ledger.db.query("SELECT * FROM operations"))
        assert len(operations) == 1
        operation = operations[0]
        assert operation["kind"] == "import"
        assert operation["file"] == "batch.csv"
        assert operation["sha256"] == sha256(csv_path)
        assert operation["who"] == "Ada Lovelace"
        assert operation["at"].endswith("Z")
        counts = json.loads(operation["counts"])
        assert counts["reports"] == 9
        assert counts["events"] == 3
        records = _audit_since(ledger, last)
        assert len(records) == 1, _actions(records)
        assert records[0]["action"] == "import"
        assert records[0]["entity_id"] == operation["id"]
        assert records[0]["who"] == "Ada Lovelace"
        detail = json.loads(records[0]["new"])
        assert detail["sha256"] == operation["sha256"]
        assert Path(detail["file"]).name == "batch.csv"
        assert detail["counts"]["reports"] == 9
        for table in ("reports", "events", "sources", "parties"):
            pointing = ledger.conn.execute(
                f"SELECT COUNT(*) FROM {table} WHERE operation_id = ?", (operation["id"],)
            ).fetchone()[0]
            expected = {"reports": 9, "events": 3, "sources": 3, "parties": 0}[table]
            assert pointing == expected, table
        assert ledger.conn.execute(
            "SELECT operation_id FROM reports WHERE event_id = 'before'"
        ).fetchone() == (None,)
        recorded_by = {
            row[0]
            for row in ledger.conn.execute(
                "SELECT recorded_by FROM reports WHERE operation_id IS NOT NULL"
            )
        }
        assert recorded_by == {"Ada Lovelace"}


def test_a_dry_run_or_a_bad_import_leaves_no_trace(
    db_path: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    Ledger.open(db_path).close()
    counts = table_counts(db_path)
    csv_path = write_reports_csv(tmp_path / "batch.csv", 6, prefix="batch")
    assert_clean_cli(cli("import", db_path, csv_path, "--dry-run"), code=0)
    bad = tmp_path / "bad.csv"
    bad.write_text(csv_path.read_text().replace(",10,", ",1,212,", 1), encoding="utf-8")
    assert_clean_cli(cli("import", db_path, bad))
    assert table_counts(db_path) == counts


def _import_noting_journal(db: Path, csv_path: Path, *, alone: bool) -> set[str]:
    """Import through the CLI's path, noting the journal mode at every progress step of
    the write (its inserts)."""
    seen: set[str] = set()
    with Ledger.open(db) as ledger:
        plan = plan_import(ledger, csv_path, "Ada")
        mode = "PRAGMA journal_mode"

        def progress(done: int, total: int) -> bool:
            seen.add(ledger.conn.execute(mode).fetchone()[0])
            return True

        apply_import(ledger, plan, "Ada", progress, alone=alone)
        assert ledger.conn.execute(mode).fetchone()[0] == "wal"
    return seen


@pytest.mark.parametrize("before", ["nothing", "a report", "a reader"])
def test_only_an_import_into_an_empty_ledger_alone_leaves_the_wal(
    before: str, db_path: Path, tmp_path: Path
) -> None:
    """The command line writes an import into a ledger with no report through a
    rollback journal (the file written once); with data in the ledger, or another
    connection open, through the -wal, as the window always does; WAL again after."""
    with Ledger.open(db_path) as ledger:
        if before == "a report":
            ledger.add_report(report(), "Ada", event_id="there-before")
    csv_path = write_reports_csv(tmp_path / "batch.csv", 30, prefix="batch")
    reader = sqlite3.connect(db_path)
    if before == "a reader":
        reader.execute("SELECT COUNT(*) FROM reports").fetchone()
    else:
        reader.close()
    try:
        assert _import_noting_journal(db_path, csv_path, alone=True) == (
            {"delete"} if before == "nothing" else {"wal"}
        )
    finally:
        reader.close()
    assert not Path(f"{db_path}-journal").exists()
    with Ledger.open(db_path) as ledger:
        assert ledger.count("reports") == 30 + (before == "a report")
        assert check(ledger).ok


@pytest.mark.parametrize("writer_done", [True, False], ids=["commits", "keeps-writing"])
def test_a_program_opening_the_file_during_an_import_into_it_waits_for_the_commit(
    writer_done: bool, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While an import writes an empty ledger through a rollback journal, SQLite refuses
    another connection's switch to WAL at once, without its busy timeout: the opening
    waits for the commit like any other statement, and if the writer keeps the file
    longer than that, says so in a sentence (never SQLite's bare "database is locked")."""
    Ledger.open(db_path).close()
    csv_path = write_reports_csv(tmp_path / "batch.csv", 30, prefix="batch")
    opened: list[object] = []
    waiting: list[bool] = []

    def open_other() -> None:
        try:
            with Ledger.open(db_path) as other:
                opened.append(other.count("reports"))
        except Exception as error:  # noqa: BLE001 (kept for the assertion)
            opened.append(error)

    other = threading.Thread(target=open_other)
    with Ledger.open(db_path) as ledger:
        plan = plan_import(ledger, csv_path, "Ada")

        def progress(done: int, total: int) -> bool:
            if other.ident is None:  # the write lock is held from here to the commit
                if not writer_done:
                    monkeypatch.setattr("desktop_app.store.database.BUSY_TIMEOUT_MS", 300)
                other.start()
                other.join(timeout=1.0 if writer_done else None)
                waiting.append(other.is_alive())
            return True

        apply_import(ledger, plan, "Ada", progress, alone=True)
    other.join()
    assert waiting == [writer_done]  # still waiting a second later, or given up
    if writer_done:
        assert opened == [30]
    else:
        (error,) = opened
        assert isinstance(error, LedgerFileError), repr(error)
        assert "another program" in str(error) and "nothing was changed" in str(error)
    assert table_counts(db_path)["reports"] == 30
    assert not Path(f"{db_path}-journal").exists()


def test_the_window_imports_through_the_wal_even_into_an_empty_ledger(
    db_path: Path, tmp_path: Path
) -> None:
    csv_path = write_reports_csv(tmp_path / "batch.csv", 30, prefix="batch")
    assert _import_noting_journal(db_path, csv_path, alone=False) == {"wal"}


def test_a_merge_is_one_audited_operation_its_records_point_to(
    db_path: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    set_user_name("Mona Merger")
    Ledger.open(db_path).close()
    other = tmp_path / "other.db"
    with Ledger.open(other) as theirs:
        first, _ = theirs.add_report(report(count=10), "Them", event_id="theirs")
        theirs.add_report(
            report(source="Their Outlet", party=None, count=12), "Them", event_id="theirs"
        )
        theirs.resolve("theirs", FieldKey.count(BODIES_RU_UA), "10", "counted", "Them", first)
    with Ledger.open(db_path) as ledger:
        last = _last_audit_id(ledger)
    result = cli("merge", db_path, other)
    assert_clean_cli(result, code=0)
    with Ledger.open(db_path, read_only=True) as ledger:
        operations = list(ledger.db.query("SELECT * FROM operations"))
        assert len(operations) == 1
        operation = operations[0]
        assert (operation["kind"], operation["file"]) == ("merge", "other.db")
        assert operation["sha256"] == sha256(other)
        assert operation["who"] == "Mona Merger"
        counts = json.loads(operation["counts"])
        assert (counts["events"], counts["reports"], counts["resolutions"]) == (1, 2, 1)
        records = _audit_since(ledger, last)
        merge_records = [r for r in records if r["action"] == "merge"]
        assert len(merge_records) == 1
        assert merge_records[0]["entity_id"] == operation["id"]
        assert merge_records[0]["who"] == "Mona Merger"
        assert json.loads(merge_records[0]["new"])["sha256"] == operation["sha256"]
        assert all(r["operation_id"] == operation["id"] for r in records)
        for table, expected in {"reports": 2, "events": 1, "resolutions": 1, "sources": 2}.items():
            pointing = ledger.conn.execute(
                f"SELECT COUNT(*) FROM {table} WHERE operation_id = ?", (operation["id"],)
            ).fetchone()[0]
            assert pointing == expected, table


def test_every_change_of_a_session_is_in_the_audit_trail(ledger: Ledger) -> None:
    """A whole session: the audit trail names each report, decision and withdrawal."""
    ids = [ledger.add_report(report(count=n), "Ada", event_id="e")[0] for n in (1, 2, 3)]
    ledger.edit_report(ids[0], report(count=4), "Ada")
    ledger.delete_report(ids[1], "Ada")
    decision, _ = ledger.resolve("e", FieldKey.count(BODIES_RU_UA), "3", "r", "Ada", ids[2])
    ledger.withdraw_resolution(decision, "Ada")
    actions = _actions(ledger.audit_records())
    expected = [
        *(("create", "report", rid) for rid in ids),
        ("edit", "report", ids[0]),
        ("delete", "report", ids[1]),
        ("decide", "resolution", decision),
        ("withdraw", "resolution", decision),
    ]
    positions = [actions.index(entry) for entry in expected]
    assert positions == sorted(positions)


def test_a_healthy_file_inspected_early_opens_as_usual(tmp_path: Path, ledger_bytes: bytes) -> None:
    path = tmp_path / "ledger.db"
    path.write_bytes(ledger_bytes)
    inspect_early(path)
    with Ledger.open(path) as ledger:
        assert not ledger.read_only
        assert ledger.count("events") > 0


def test_many_rows_are_inserted_in_their_order_several_to_a_statement() -> None:
    """A bulk insert binds many rows to one statement: every row lands, in order, and a
    row of the wrong width is refused (it would shift every later value)."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER, b TEXT CHECK (b IN ('x', 'y', 'z'))) STRICT")
    rows = [(n, "xyz"[n % 3]) for n in range(2 * ROWS_PER_STATEMENT + 7)]
    insert_many(conn, "t", "a, b", rows)
    assert conn.execute("SELECT a, b FROM t ORDER BY rowid").fetchall() == rows
    with pytest.raises(sqlite3.ProgrammingError):
        insert_many(conn, "t", "a, b", [*rows[:-1], (1,)])
    with pytest.raises(sqlite3.IntegrityError):
        insert_many(conn, "t", "a, b", [*rows, (1, "w")])
