"""Shared fixtures. Tests drive the real thing: real SQLite files in tmp_path, real CSV
files, the real window offscreen. Settings never touch the real home folder."""

from __future__ import annotations

import csv
import errno
import hashlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app import system

# Before anything imports Qt: a library it lacks is one sentence naming the Debian
# package (pytest-qt would stop on it with an INTERNALERROR), then no display here, and
# no settings in the real home.
_LACKING = system.problem("offscreen")
if _LACKING is not None:
    sys.stderr.write(_LACKING + "\n")
    raise SystemExit(1)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="exchange-ledger-tests-"))
for _name, _sub in {
    "HOME": "",
    "XDG_CONFIG_HOME": ".config",
    "XDG_DATA_HOME": ".local/share",
    "XDG_CACHE_HOME": ".cache",
}.items():
    os.environ[_name] = str(_SESSION_HOME / _sub)
    (_SESSION_HOME / _sub).mkdir(parents=True, exist_ok=True)

from hypothesis import settings as hypothesis_settings  # noqa: E402

# CI (CI=true) draws the same examples on every run: a submission is judged by the code,
# not by the luck of the draw; runs on a developer's machine keep exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

from desktop_app.__main__ import main  # noqa: E402
from desktop_app.resources import example_reports  # noqa: E402
from desktop_app.store.importer import apply_import, plan_import  # noqa: E402
from desktop_app.store.ledger import Ledger  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
# The reports.csv header copied from PRODUCT.md, "CSV formats" (not from the code): the
# public contract the tests hold the program to.
REPORTS_HEADER = [
    "report_id",
    "event_id",
    "event_type",
    "event_date",
    "location",
    "category",
    "from_party",
    "to_party",
    "count",
    "count_qualifier",
    "source_name",
    "source_kind",
    "source_party",
    "source_url",
    "published",
    "reliability",
    "credibility",
    "quote",
    "recorded_by",
    "recorded_at",
    "updated_at",
    "seq",
]
# The tables that hold data (not derived state): what "the database is unchanged" compares.
DATA_TABLES = (
    "settings",
    "operations",
    "parties",
    "sources",
    "events",
    "reports",
    "flows",
    "resolutions",
    "tombstones",
    "audit",
    "evidence",
    "report_evidence",
)
EXAMPLE_CSV = Path(str(example_reports()))


def _garbled_example(path: Path) -> Path:
    """The example with one more report of 13 June, made up for the tests (the article has
    no such source): 1,200 bodies the other way, Russia → Ukraine. With the article's
    literal Ukraine → Russia it is the garble the possible-reversed-direction warning is
    for: opposite directions, equal counts, neither report stating the other direction."""
    text = EXAMPLE_CSV.read_text(encoding="utf-8")
    row = dict.fromkeys(text.splitlines()[0].split(","), "")  # the example's own columns
    row.update(
        event_id="bodies-2025-06-13",
        event_type="exchange",
        event_date="2025-06-13",
        category="bodies",
        from_party="Russia",
        to_party="Ukraine",
        count="1200",
        source_name="Test source: the opposite reading",
        source_kind="other",
        quote="Made up for the tests: 1,200 bodies handed to Ukraine on 13 June.",
        recorded_by="tests",
        recorded_at="2025-06-20T09:40:00Z",
    )
    with path.open("w", newline="", encoding="utf-8") as handle:
        handle.write(text)
        csv.writer(handle, lineterminator="\r\n").writerow(row.values())
    return path


GARBLED_CSV = _garbled_example(_SESSION_HOME / "garbled-example.csv")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test gets its own home and settings folder."""
    home = tmp_path / "home"
    for name, sub in {
        "HOME": "",
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_CACHE_HOME": ".cache",
    }.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(home / sub))
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(False)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / ".config"))
    yield home


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk of the evidence folder full: every write of a copy fails as it would."""
    from desktop_app.store import evidence

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    copy = evidence._copy
    monkeypatch.setattr(
        evidence, "_copy", lambda read, write, *rest: copy(read, write and full, *rest)
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def ledger(db_path: Path) -> Iterator[Ledger]:
    with Ledger.open(db_path) as opened:
        yield opened


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run `exchange-ledger ARGS…` in this process; exit status, stdout, stderr."""

    def run(*args: object) -> CliResult:
        capsys.readouterr()
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def cli_process(isolated_home: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python -m desktop_app ARGS…` as a real process."""

    def run(*args: object, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop_app", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=os.environ.copy(),
            cwd=REPO,
        )

    return run


def sha256(path: Path) -> str | None:
    """The file's SHA-256, or None if there is no file: "changes nothing" is checked
    byte for byte."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def write_reports_csv(
    path: Path,
    n_reports: int,
    *,
    prefix: str = "r",
    per_event: int = 3,
    source: str = "Source",
    quote_words: int = 40,
) -> Path:
    """A valid reports.csv of `n_reports` one-flow reports, `per_event` per event."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(REPORTS_HEADER)
        for index in range(n_reports):
            event = index // per_event
            row = dict.fromkeys(REPORTS_HEADER, "")
            row.update(
                report_id=f"{prefix}{index}",
                event_id=f"{prefix}-event-{event}",
                event_type="exchange",
                event_date=f"2024-{event % 12 + 1:02d}-{event % 28 + 1:02d}",
                category="pows",
                from_party="Russia",
                to_party="Ukraine",
                count=str(10 + index % 3),
                source_name=f"{source} {index % per_event}",
                source_party="Ukraine",
                quote=f"quote {index} " + "words " * quote_words,
            )
            writer.writerow([row[column] for column in REPORTS_HEADER])
    return path


def report_row(number: int, **cells: str) -> list[str]:
    """A valid reports.csv row of one report of its own (report rNUMBER of event eNUMBER,
    12 pows from Russia to Ukraine), these cells given otherwise."""
    row = dict.fromkeys(REPORTS_HEADER, "")
    row.update(
        report_id=f"r{number}",
        event_id=f"e{number}",
        event_type="exchange",
        event_date="2024-05-01",
        category="pows",
        from_party="Russia",
        to_party="Ukraine",
        count="12",
        source_name=f"Source {number}",
        quote="12 pows",
    )
    row.update(cells)
    return [row[column] for column in REPORTS_HEADER]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """A reports.csv as a person's spreadsheet would save it."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def codebook(folder: Path) -> dict[str, object]:
    """An export folder's datapackage.json without the export's time, its only part that
    differs between two exports of the same ledger."""
    import json

    from desktop_app.store.exporter import EXPORT_TIME

    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert isinstance(package.pop(EXPORT_TIME), str)
    return dict(package)


def example_ledger(tmp_path: Path) -> Path:
    """A ledger holding the example: the article's four events and six reports."""
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "x"), "x")
    return path
