"""The command line as scripts use it: output piped into a reader that stops early, a
console of another encoding, a name from an unset variable, an interrupt. What a command
saved stays saved, and no traceback reaches the person."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV, GARBLED_CSV, REPO, CliResult

from desktop_app import __version__
from desktop_app import cli as cli_module
from desktop_app.store import importer
from desktop_app.store.schema import SCHEMA_VERSION

Cli = Callable[..., CliResult]


def command(*args: object, cwd: Path, **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
    )


def with_closed_output(*args: object, cwd: Path) -> tuple[int, str]:
    """Run a command whose reader has gone before it says anything (`| grep -q`)."""
    process = command(*args, cwd=cwd)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    with process.stderr:
        err = process.stderr.read().decode()
    return process.wait(timeout=120), err


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def imported(tmp_path: Path, cli: Cli, reports: Path) -> Path:
    """A new ledger `l.db` holding `reports`, imported as a script would."""
    db = tmp_path / "l.db"
    assert cli("import", db, reports).code == 0
    return db


@pytest.mark.usefixtures("isolated_home")
def test_an_import_whose_reader_went_away_keeps_the_new_ledger_and_succeeds(
    tmp_path: Path,
) -> None:
    db = tmp_path / "new.db"
    code, err = with_closed_output("import", db, EXAMPLE_CSV, cwd=tmp_path)
    assert "Traceback" not in err
    assert code == 0  # saved: a script that retried would find it there
    assert db.exists() and count(db, "reports") > 0


@pytest.mark.usefixtures("isolated_home")
def test_a_decision_whose_reader_went_away_is_recorded_once_and_succeeds(
    tmp_path: Path, cli: Cli
) -> None:
    db = imported(tmp_path, cli, GARBLED_CSV)
    dismiss = ("--dismiss-direction", "Russia", "Ukraine", "bodies", "--rationale", "garbled")
    code, err = with_closed_output("resolve", db, "bodies-2025-06-13", *dismiss, cwd=tmp_path)
    assert (code, "Traceback" in err) == (0, False), err
    assert count(db, "resolutions") == 1


@pytest.mark.usefixtures("isolated_home")
def test_a_console_that_cannot_show_an_arrow_gets_its_escape_not_a_traceback(
    tmp_path: Path, cli: Cli
) -> None:
    db = imported(tmp_path, cli, GARBLED_CSV)
    for args, escape in ((("conflicts", db), b"\\u21c4"), (("balance", db), b"\\u2013")):
        process = command(*args, cwd=tmp_path, PYTHONIOENCODING="ascii")
        out, err = process.communicate(timeout=120)
        assert (process.returncode, err.decode()) == (0, ""), args
        assert escape in out, out[:300]


@pytest.mark.usefixtures("isolated_home")
def test_an_empty_folder_name_writes_nothing_into_the_current_folder(
    tmp_path: Path, cli: Cli
) -> None:
    db = imported(tmp_path, cli, EXAMPLE_CSV)
    here = tmp_path / "here"
    here.mkdir()
    (here / "reports.csv").write_text("mine", encoding="utf-8")
    for args in (("export", db, ""), ("copy", db, " "), ("import", "", EXAMPLE_CSV)):
        process = command(*args, cwd=here)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 1, args
        assert "is empty: name a file or folder" in err.decode(), err
    assert [path.name for path in here.iterdir()] == ["reports.csv"]
    assert (here / "reports.csv").read_text(encoding="utf-8") == "mine"


@pytest.mark.usefixtures("isolated_home")
def test_names_that_cannot_be_used_get_a_sentence(tmp_path: Path, cli: Cli) -> None:
    long_name = tmp_path / ("a" * 300 + ".db")
    foreign = os.fsdecode(bytes(tmp_path / "x") + b"\xc6\xf3\xf0\xed\xe0\xeb.db")
    Path(foreign).write_bytes(b"")
    for args in (("conflicts", long_name), ("balance", foreign), ("check", foreign)):
        process = command(*args, cwd=tmp_path)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 1, args
        assert "Traceback" not in err.decode() and err.strip(), err


def test_a_pipe_named_as_the_ledger_is_refused_in_a_sentence(tmp_path: Path, cli: Cli) -> None:
    """A pipe was called "an empty file" by `check` and gave "disk I/O error" to `import`;
    the window's File → Open of one ended in a traceback."""
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    for args in (("check", pipe), ("balance", pipe), ("import", pipe, EXAMPLE_CSV)):
        result = cli(*args)
        assert result.code == 1, args
        assert result.err.strip() == (
            f"exchange-ledger: {pipe} is not a regular file (a pipe, a device or a socket),"
            " not an Exchange Ledger file."
        ), args
    assert pipe.is_fifo() and not list(tmp_path.glob("pipe.db-*"))


def test_an_interrupt_says_nothing_was_changed_and_leaves_no_new_ledger(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(importer, "plan_import", interrupted)
    result = cli("import", tmp_path / "new.db", EXAMPLE_CSV)
    assert (result.code, result.err) == (
        130,
        "exchange-ledger: interrupted; nothing was changed.\n",
    )
    assert list(tmp_path.glob("new.db*")) == []


@pytest.mark.usefixtures("isolated_home")
def test_commands_that_only_read_leave_an_older_file_as_it_is(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """check ("never writes"), a dry run, conflicts and balance read an older file through
    an upgraded copy: no upgrade in place, no backup beside it, a note that says so; and
    the scratch copy, a backup itself, is not backed up again before its upgrade."""
    from desktop_app.store import database

    upgrade_backups: list[Path] = []
    copy_of = database.backup
    monkeypatch.setattr(
        database,
        "backup",
        lambda path, target: (upgrade_backups.append(target), copy_of(path, target)),
    )
    old = tmp_path / "old.db"
    old.write_bytes((REPO / "tests" / "fixtures" / "ledger-v1.db").read_bytes())
    before = old.read_bytes()
    for args in (
        ("check", old),
        ("import", old, EXAMPLE_CSV, "--dry-run"),
        ("conflicts", old),
        ("balance", old, "--csv"),
    ):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
        assert "read through an upgraded copy and left as it is" in result.err, args
        assert old.read_bytes() == before, args
        assert sorted(path.name for path in tmp_path.iterdir() if path.name != "home") == [
            "old.db"
        ], args
    assert upgrade_backups == []
    assert cli("import", old, EXAMPLE_CSV).code == 0  # a writing command upgrades it
    assert upgrade_backups == [tmp_path / "old.db.v1.bak"]
    assert (tmp_path / "old.db.v1.bak").exists()


@pytest.mark.usefixtures("isolated_home")
def test_options_are_taken_only_as_written(tmp_path: Path, cli: Cli) -> None:
    """argparse takes a prefix for the option it begins: `check DB --r` repaired, a write
    that check promises never to make without --repair, and `export DB DIR --x` wrote a
    workbook. A script's option is the contract's word or a usage error."""
    db = tmp_path / "ledger.db"
    assert cli("import", db, EXAMPLE_CSV).code == 0
    before = db.read_bytes()
    for args in (
        ("check", db, "--r"),
        ("conflicts", db, "--j"),
        ("import", db, EXAMPLE_CSV, "--dry"),
        ("export", db, tmp_path / "out", "--x"),
        ("evidence", "list", db, "--j"),
    ):
        result = cli(*args)
        assert result.code == 2 and "unrecognized arguments" in result.err, (args, result)
    assert db.read_bytes() == before and not (tmp_path / "out").exists()


def test_a_mistyped_command_makes_no_ledger_of_that_name(tmp_path: Path) -> None:
    process = command("conflict", tmp_path / "x.db", cwd=tmp_path)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 2
    assert "there is no command 'conflict'; did you mean 'conflicts'?" in err.decode()
    assert [path.name for path in tmp_path.iterdir() if path.name != "home"] == []


def test_an_import_does_not_load_pandas(tmp_path: Path) -> None:
    """pyarrow imported pandas to look for pandas objects in what it converts: 0.3 s of
    the 0.9 s an import of the example took, wherever pandas is installed (as here, for the
    tests). The reading hides it from pyarrow; the plan is the same (test_csv_fuzz)."""
    pytest.importorskip("pandas")  # where it is not installed, nothing can load it
    script = (
        "import sys; from desktop_app.__main__ import main;"
        f" code = main(['import', {str(tmp_path / 'l.db')!r}, {str(EXAMPLE_CSV)!r}]);"
        " print('pandas' in sys.modules, code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert done.stdout.splitlines()[-1] == "False 0", done.stdout + done.stderr
    assert "added 4 events, 6 reports" in done.stdout


def test_pandas_is_hidden_only_from_the_thread_reading_a_file() -> None:
    """The window reads a file in a worker thread: pandas stays importable elsewhere."""
    pytest.importorskip("pandas")
    script = textwrap.dedent(
        """
        import threading
        from desktop_app.store.importer import PANDAS_HIDDEN
        found = []
        with PANDAS_HIDDEN.hidden():
            try:
                import pandas
            except ImportError:
                found.append("hidden here")
            other = threading.Thread(target=lambda: found.append(__import__("pandas").__name__))
            other.start()
            other.join()
        print(found)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert done.stdout.strip() == "['hidden here', 'pandas']", done.stdout + done.stderr


def test_json_lines_write_each_item_as_json_dumps_does() -> None:
    """`conflicts --json` makes one C encoder for all its items (json.dumps makes one per
    call); what it writes must not change by a byte."""
    items = [
        {
            "event_id": "ev «1» \\ / \t",
            "disputes": [{"field": "count", "values": {"r-1": 207, "r-2": 195}}],
            "text": 'Київ, "quoted"\n\u2028\x00',
            "none": None,
            "number": 1.5,
            "flag": True,
            "empty": [],
        },
        {},
    ]
    expected = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    assert cli_module._json_lines(items) == f"[\n{expected}\n]"
    assert cli_module._json_lines([]) == "[]"
    loop: list[object] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        cli_module._json_lines([{"loop": loop}])


def test_the_version_is_printed_without_opening_a_window(tmp_path: Path) -> None:
    """`exchange-ledger --version` was bad usage ("unrecognized arguments"); a person
    reporting a problem needs the program's version and its files'."""
    process = command("--version", cwd=tmp_path)
    out, err = process.communicate(timeout=120)
    assert (process.returncode, err.decode()) == (0, "")
    assert out.decode() == (
        f"exchange-ledger {__version__} (ledger files of schema version {SCHEMA_VERSION})\n"
    )
    assert [path.name for path in tmp_path.iterdir() if path.name != "home"] == []


@pytest.mark.usefixtures("isolated_home")
def test_a_dry_run_into_a_missing_folder_says_what_the_import_would(
    tmp_path: Path, cli: Cli
) -> None:
    target = tmp_path / "nofolder" / "n.db"
    dry, real = cli("import", target, EXAMPLE_CSV, "--dry-run"), cli("import", target, EXAMPLE_CSV)
    assert (dry.code, real.code) == (1, 1)
    assert "does not exist and cannot be created here" in dry.err
    assert not (tmp_path / "nofolder").exists()


def example_with_a_report(tmp_path: Path, cli: Cli) -> tuple[Path, str]:
    """The example imported into a new ledger, and the id of its first report."""
    db = imported(tmp_path, cli, EXAMPLE_CSV)
    with sqlite3.connect(db) as connection:
        return db, connection.execute("SELECT id FROM reports ORDER BY id").fetchone()[0]


@pytest.mark.usefixtures("isolated_home")
def test_a_large_evidence_file_says_how_far_its_copy_has_come(tmp_path: Path, cli: Cli) -> None:
    db, report_id = example_with_a_report(tmp_path, cli)
    video = tmp_path / "video.mp4"
    video.write_bytes(os.urandom(1 << 20) * 9)  # 9 MB
    result = cli("evidence", "add", db, report_id, video)
    assert result.code == 0, result.err
    lines = [line for line in result.err.splitlines() if "copying video.mp4" in line]
    assert lines and lines[-1].endswith(": 100%") and len(lines) <= 11, result.err
    copied = cli("copy", db, tmp_path / "copy.db")  # its copy along with the ledger's
    assert copied.code == 0, copied.err
    lines = copied.err.splitlines()
    assert all(line.startswith("exchange-ledger: copying the evidence files: ") for line in lines)
    assert lines[-1].endswith(": 100%") and 5 <= len(lines) <= 11, copied.err


@pytest.mark.usefixtures("isolated_home")
def test_a_copy_says_truly_how_many_evidence_files_went_along(tmp_path: Path, cli: Cli) -> None:
    db, report_id = example_with_a_report(tmp_path, cli)
    page = tmp_path / "page.pdf"
    page.write_bytes(b"%PDF-1.4\\nthe statement\\n")
    assert cli("evidence", "add", db, report_id, page).code == 0
    (tmp_path / "out.evidence").write_text("a file where the folder goes", encoding="utf-8")
    result = cli("copy", db, tmp_path / "out.db")
    assert "and 0 of its 1 evidence file into" in result.out, result.out
    assert "warning:" in result.err


@pytest.mark.usefixtures("isolated_home")
def test_small_things_a_script_meets_are_said_truly(tmp_path: Path, cli: Cli) -> None:
    db = imported(tmp_path, cli, GARBLED_CSV)
    # exchanges there are, only none of civilians
    assert (
        cli("balance", db, "--category", "civilians").out == "No exchanges of civilians recorded.\n"
    )
    dismiss = ("resolve", db, "bodies-2025-06-13", "--dismiss-direction", "Russia", "Ukraine")
    misuse = cli(*dismiss, "bodies", "--rationale", "r", "--report", "any")
    assert misuse.code == 2 and "--report has no meaning" in misuse.err
    nameless = cli(*dismiss, "bodies", "--rationale", "r", "--by", "")
    assert nameless.code == 1 and "name" in nameless.err  # not the login name, unasked
    assert count(db, "resolutions") == 0
    missing = cli("import", db, tmp_path / "typo.csv")  # was "neither a file nor a folder"
    assert missing.code == 1
    assert (
        missing.err
        == f"exchange-ledger: {tmp_path / 'typo.csv'} does not exist: nothing was imported.\n"
    )


def test_the_balance_table_keeps_its_numbers_under_their_headings(tmp_path: Path, cli: Cli) -> None:
    """A party named in full pushed its row's numbers out of their columns."""
    long_name = "Coordination Headquarters for the Treatment of Prisoners of War"
    reports = tmp_path / "reports.csv"
    reports.write_text(
        "event_id,event_type,event_date,category,from_party,to_party,count,source_name\n"
        f"e1,exchange,2024-10-18,pows,Russia,{long_name},95,Ministry\n",
        encoding="utf-8",
    )
    db = imported(tmp_path, cli, reports)
    result = cli("balance", db)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert any(long_name in line for line in lines)
    ends = {len(line) for line in lines}  # every number column ends where its heading does
    assert len(ends) == 1, result.out
    for heading in ("received", "sent", "net"):
        end = lines[0].index(heading) + len(heading)
        assert all(line[end - 1].isdigit() for line in lines[2:]), (heading, result.out)


def test_every_option_of_resolve_says_what_it_is_for(tmp_path: Path) -> None:
    process = command("resolve", "--help", cwd=tmp_path)
    out, _err = process.communicate(timeout=120)
    assert process.returncode == 0
    text = " ".join(out.decode().split())
    for option, words in (
        ("--date D", "decide the event's date"),
        ("--location L", "decide the event's location"),
        ("--count FROM TO CATEGORY N", "decide the count of the flow"),
        ("--rationale TEXT", "why (required)"),
        ("--report REPORT_ID", "the report whose value is taken"),
        ("--by NAME", "who decides"),
    ):
        assert f"{option} {words}" in text, option


def _into(stdout: object, *args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.usefixtures("isolated_home")
def test_an_output_that_cannot_be_written_is_not_taken_for_the_ledgers_disk(
    tmp_path: Path,
) -> None:
    """`import … > /dev/full` saved the import, then said "DB: there is not enough space on
    the disk" with exit 1; a script would do it again (a decision recorded twice)."""
    db = tmp_path / "new.db"
    with open("/dev/full", "w") as full:  # noqa: PTH123
        done = _into(full, "import", db, EXAMPLE_CSV, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "its output could not be written" in done.stderr
        assert "what it saved stays saved" in done.stderr and "disk" not in done.stderr
        assert count(db, "reports") == 6
        read = _into(full, "conflicts", db, cwd=tmp_path)
    assert read.returncode == 1 and "its output could not be written" in read.stderr


@pytest.mark.usefixtures("isolated_home")
def test_a_command_started_with_its_output_closed_does_its_work(tmp_path: Path) -> None:
    """`import … >&-` (a daemon's closed output) ended in a traceback, exit 1, after the
    import was saved."""
    db = tmp_path / "new.db"
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "import", str(db), str(EXAMPLE_CSV)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
        preexec_fn=lambda: os.close(1),  # noqa: PLW1509 - the child's own descriptor
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert count(db, "reports") == 6
