"""The export's lines (store/export_sql, made faster for issue 20) are byte for byte the
lines the export made before, for any value a ledger can hold: kept here is the SQL the
export ran until then, and both run on ledgers full of the values CSV and spreadsheets
fear, written straight into the tables (no form or import tidies them first). Both
ways of making the files are held to it: by the ledger's connection alone, and with a
second reader in the same snapshot making part of them in a process of its own."""

from __future__ import annotations

import errno
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.store import export_lines, exporter
from desktop_app.store.csvio import FORMULA_STARTS, writer
from desktop_app.store.evidence import EVIDENCE_COLUMNS, EVIDENCE_ORDER
from desktop_app.store.export_sql import text
from desktop_app.store.importer import REPORT_COLUMNS
from desktop_app.store.ledger import Ledger
from desktop_app.store.schema import FLOW_WARNING_SQL

# ---- the SQL of the export before issue 20's work, kept as it was ----------------------
# (but for the times, text cells since: they have no CHECK constraint, and another
# program's formula there reached the files live)


def _old_text(column: str) -> str:
    starts = ", ".join(f"char({ord(start)})" for start in FORMULA_STARTS)
    value = f"COALESCE({column}, '')"
    guarded = f"(CASE WHEN substr({value}, 1, 1) IN ({starts}) THEN '''' ELSE '' END || {value})"
    return (
        f"CASE WHEN {value} GLOB '*[\",\r\n]*'"
        f" THEN '\"' || replace({guarded}, '\"', '\"\"') || '\"' ELSE {guarded} END"
    )


def _old_plain(column: str) -> str:
    return f"COALESCE({column}, '')"


_OLD_WARNING = f"CASE WHEN fs.category IS NULL THEN '' ELSE {FLOW_WARNING_SQL} END"


def _old_select(cells: str) -> str:
    """The old SELECT list of cells given as `T column` (text) or `P column` (plain),
    separated by semicolons."""
    made = []
    for spec in cells.split(";"):
        kind, column = spec.split(maxsplit=1)
        made.append(_old_text(column) if kind == "T" else _old_plain(column))
    return " || ',' || ".join(made)


OLD_SQL = {
    "reports.csv": f"""
SELECT {
        _old_select(
            "T r.id; T r.event_id; P e.type; P r.claimed_date; T r.location; P f.category;"
            " T f.from_party; T f.to_party; P f.count; P f.qualifier; T s.name; P s.kind;"
            " T s.party; T r.url; P r.published; P s.reliability; P r.credibility;"
            " T r.quote; T r.recorded_by; T r.recorded_at; T r.updated_at; P r.seq"
        )
    }
FROM reports r
JOIN events e ON e.id = r.event_id
JOIN sources s ON s.id = r.source_id
LEFT JOIN flows f ON f.report_id = r.id
ORDER BY r.seq, f.position""",
    "events.csv": f"""
SELECT {
        _old_select(
            "T es.event_id; P es.type; P es.date; T es.location; P fs.category;"
            " T fs.from_party; T fs.to_party; P fs.best; P fs.low; P fs.high;"
            " P COALESCE(fs.n_reports, es.n_reports); P es.status; T res.rationale;"
            f" T res.resolved_by; T res.resolved_at; P {_OLD_WARNING}"
        )
    }
FROM event_state es
LEFT JOIN flow_state fs ON fs.event_id = es.event_id
LEFT JOIN resolutions res ON res.id = fs.resolution_id
ORDER BY es.chart_day, es.first_seq, fs.category, fs.from_party, fs.to_party""",
    "sources.csv": f"""
SELECT {
        _old_select(
            "T s.id; T s.name; P s.kind; T s.party; P s.reliability;"
            " P (SELECT COUNT(*) FROM reports r WHERE r.source_id = s.id)"
        )
    }
FROM sources s
ORDER BY s.key, s.id""",
    "evidence.csv": f"""
SELECT {
        _old_select(
            "T l.report_id; P l.sha256; T l.file_name; T e.media_type; P e.size;"
            " P l.accessed; T l.archive_url; T l.note; T l.added_by; T l.added_at"
        )
    }
FROM report_evidence l
JOIN evidence e ON e.sha256 = l.sha256
JOIN reports r ON r.id = l.report_id
{EVIDENCE_ORDER}""",
}

# ---- values ------------------------------------------------------------------------------

ALPHABET = list(",\"\r\n\t\x00'=+-@ ;\\aЯé😀") + ["\u0301", "\ufeff", '""', "\r\n"]
# Each begins or holds what CSV or a spreadsheet fears; NUL too (SQLite's GLOB and
# substr() read up to it, || and replace() keep what follows: the lines must too).
TRICKY = [
    "",
    " ",
    "plain",
    "=1+1",
    "+380",
    "-Kharkiv",
    "@osint",
    "\tTab",
    "\rCR first",
    "'quoted",
    "'=guarded",
    'He said "96, home"',
    'a"b',
    "a,b",
    "line\nbreak",
    "line\r\nbreak",
    "ends with CR\r",
    "Київ",
    "😀 emoji",
    "e\u0301",
    "\ufeffBOM",
    "NUL\x00after",
    "NUL\x00, then a comma",
    '\x00"quote after a NUL',
    "=NUL\x00",
    "\\u0000",
]


def _value(index: int, salt: str = "") -> str:
    return TRICKY[index % len(TRICKY)] + salt


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=8).map("".join))
def test_a_text_cell_is_made_as_the_old_sql_made_it(value: str) -> None:
    connection = sqlite3.connect(":memory:")
    old, new = connection.execute(
        f"WITH v(x) AS (SELECT ?) SELECT {_old_text('x')}, {text('x')} FROM v", (value,)
    ).fetchone()
    assert new == old


# ---- a ledger of tricky values -----------------------------------------------------------

PARTIES = ["Russia", "Ukraine", "=Evil", "a,b", 'x"y', "Rus\nsia", "Zero\x00Party", "'q"]


def tricky_ledger(path: Path, reports: int = 60) -> Path:
    """A ledger whose every text cell is tricky, with reports of 0 to 4 flows (their
    positions not in the order of the flows' key), sources with and without a party,
    events with and without flows, a decision, a warning, and evidence."""
    Ledger.open(path).close()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("BEGIN")
    at = "2025-01-01T00:00:00Z"
    for index, name in enumerate(PARTIES):
        connection.execute(
            "INSERT INTO parties (name, key, created_at) VALUES (?, ?, ?)",
            (name, f"key-{index}", at),
        )
    sources = []
    for index in range(9):
        source_id = _value(index, f"s{index}")
        party = None if index % 3 == 0 else PARTIES[index % len(PARTIES)]
        connection.execute(
            "INSERT INTO sources (id, name, key, kind, party, reliability, created_at)"
            " VALUES (?, ?, ?, 'media', ?, 'B', ?)",
            (source_id, _value(index + 3, f"name{index}"), f"src-{index}", party, at),
        )
        sources.append(source_id)
    events = []
    for index in range(reports // 3 + 1):
        event_id = _value(index + 5, f"e{index}")
        connection.execute(
            "INSERT INTO events (id, type, created_at) VALUES (?, ?, ?)",
            (event_id, ["exchange", "statement", "talks"][index % 3], at),
        )
        events.append(event_id)
    for index in range(reports):
        report_id = _value(index, f"r{index}")
        connection.execute(
            "INSERT INTO reports (id, event_id, source_id, claimed_date, location, quote, url,"
            " published, credibility, recorded_by, recorded_at, updated_at, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report_id,
                events[index % len(events)],
                sources[index % len(sources)],
                ["2024-05-01", "2024-05", "2024"][index % 3],
                _value(index + 1),
                _value(index + 2, _value(index + 7)),
                _value(index + 4),
                ["", "2024-06-01", "2024"][index % 3],
                1 + index % 6,
                _value(index + 6),
                _value(index + 8, at),
                at,
                1000 - 7 * index,  # write order unlike the table's order
            ),
        )
        for position in range(index % 4):
            sender = PARTIES[(index + position) % len(PARTIES)]
            receiver = PARTIES[(index + position + 1) % len(PARTIES)]
            connection.execute(
                "INSERT INTO flows VALUES (?, ?, ?, ?, ?, ?, 'approx')",
                (report_id, 2 - position, "pows", sender, receiver, 10 * index + position),
            )
    # A party missing from the parties table (a file another program wrote).
    connection.execute(
        "INSERT INTO flows VALUES (?, 7, 'bodies', '=Ghost, \"a\"', 'Russia', 1, 'exact')",
        (_value(1, "r1"),),
    )
    connection.execute(
        "INSERT INTO resolutions (id, event_id, field, from_party, to_party, category, value,"
        " rationale, resolved_by, resolved_at, seq) VALUES (?, ?, 'count', ?, ?, 'pows', '7',"
        " ?, ?, ?, 5000)",
        ("res-1", events[1], PARTIES[2], PARTIES[3], 'Because "so", and\r\nthat', "=who", at),
    )
    for index, event_id in enumerate(events):
        reversed_json = '[["=Evil", "a,b", "pows"]]' if index == 2 else "[]"
        connection.execute(
            "INSERT INTO event_state (event_id, type, status, date, chart_day, location,"
            " n_reports, disputes, reopened, reversed, first_seq)"
            " VALUES (?, 'exchange', 'single', ?, ?, ?, ?, '[]', '[]', ?, ?)",
            (
                event_id,
                None if index % 5 == 0 else "2024-05",
                None if index % 5 == 0 else f"2024-05-{1 + index % 9:02d}",
                _value(index + 9),
                index,
                reversed_json,
                3000 - index,
            ),
        )
        for flow in range(index % 3):
            connection.execute(
                "INSERT INTO flow_state VALUES (?, ?, ?, 'pows', 1, 0, 2, 1, ?)",
                (
                    event_id,
                    PARTIES[(index + flow) % len(PARTIES)],
                    PARTIES[(index + flow + 2) % len(PARTIES)],
                    "res-1" if flow == 1 else None,
                ),
            )
    sha = "ab" * 32
    connection.execute(
        "INSERT INTO evidence (sha256, size, media_type, created_at) VALUES (?, 12, ?, ?)",
        (sha, "=text/plain", at),
    )
    for index in range(3):
        connection.execute(
            "INSERT INTO report_evidence (report_id, sha256, file_name, accessed, archive_url,"
            " note, added_by, added_at) VALUES (?, ?, ?, '', ?, ?, ?, ?)",
            (
                _value(index, f"r{index}"),
                sha,
                _value(index + 3, "file"),
                "https://example.org/a,b",
                _value(index + 11),
                _value(index + 13),
                at,
            ),
        )
    connection.execute("COMMIT")
    connection.close()
    return path


COLUMNS = {
    "reports.csv": REPORT_COLUMNS,
    "events.csv": exporter.EVENT_COLUMNS,
    "sources.csv": exporter.SOURCE_COLUMNS,
    "evidence.csv": EVIDENCE_COLUMNS,
}


def old_files(path: Path) -> dict[str, tuple[bytes, int]]:
    """What the export wrote before, and its rows: the header, then a line per row of
    the old SQL."""
    connection = sqlite3.connect(path)
    files = {}
    for name, sql in OLD_SQL.items():
        buffer = io.StringIO()
        writer(buffer).writerow(COLUMNS[name])
        rows = 0
        for (made,) in connection.execute(sql):
            buffer.write(made + "\r\n")
            rows += 1
        files[name] = buffer.getvalue().encode("utf-8"), rows
    connection.close()
    return files


class Seconds:
    """The second readers of the exports, and whether each one made part of the files."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened: list[export_lines.SecondReader] = []
        self.started: list[bool] = []
        opened = export_lines.SecondReader.open.__func__  # type: ignore[attr-defined]
        start = export_lines.SecondReader.start

        def spied_open(
            cls: type[export_lines.SecondReader], *arguments: object
        ) -> export_lines.SecondReader | None:
            second = opened(cls, *arguments)
            if second is not None:
                self.opened.append(second)
            return second

        def spied_start(second: export_lines.SecondReader, *arguments: object) -> bool:
            self.started.append(start(second, *arguments))  # type: ignore[arg-type]
            return self.started[-1]

        monkeypatch.setattr(export_lines.SecondReader, "open", classmethod(spied_open))
        monkeypatch.setattr(export_lines.SecondReader, "start", spied_start)

    def all_ended(self) -> bool:
        return all(second.process.returncode is not None for second in self.opened)


@pytest.fixture(params=[1, 2])
def readers(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """How many readers make the files: the ledger's connection alone (the ledgers here
    are far too small to share the work), or a second process too."""
    seconds = Seconds(monkeypatch)
    if request.param == 2:
        monkeypatch.setattr(export_lines, "SECOND_READER_FROM", 0)
    yield request.param
    assert seconds.started == ([True] if request.param == 2 else [])
    assert seconds.all_ended()


@pytest.mark.parametrize("share", [0.0, 0.5, 0.99])
def test_every_file_is_byte_for_byte_what_the_old_sql_made(
    tmp_path: Path, readers: int, share: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_lines, "FIRST_SHARE", share)
    path = tricky_ledger(tmp_path / "tricky.db")
    expected = old_files(path)
    assert b"\x00" in expected["reports.csv"][0]  # the NULs are there to be kept
    with Ledger.open(path, read_only=True) as ledger:
        written = exporter.export_all(ledger, tmp_path / "out")
    for name, (data, rows) in expected.items():
        assert (tmp_path / "out" / name).read_bytes() == data, name
        assert written[name] == rows, name


def export_by_two_readers_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Seconds:
    """Export the tricky ledger with a second reader wherever the ledger is small, and
    hold every file to what the old SQL made; the second readers, to look at."""
    monkeypatch.setattr(export_lines, "SECOND_READER_FROM", 0)
    path = tricky_ledger(tmp_path / "tricky.db")
    expected = old_files(path)
    seconds = Seconds(monkeypatch)
    with Ledger.open(path, read_only=True) as ledger:
        exporter.export_all(ledger, tmp_path / "out")
    for name, (data, _) in expected.items():
        assert (tmp_path / "out" / name).read_bytes() == data, name
    return seconds


@pytest.mark.parametrize("kernel", ["refuses", "absent"])
def test_the_second_readers_lines_are_copied_by_python_where_the_kernel_cannot(
    tmp_path: Path, kernel: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """copy_file_range fails across file systems on old kernels (EXDEV) and is missing
    outside Linux: the lines the second process made are then read and written."""

    def refuses(*arguments: object) -> int:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    if kernel == "refuses":
        monkeypatch.setattr(export_lines.os, "copy_file_range", refuses)
    else:
        monkeypatch.delattr(export_lines.os, "copy_file_range", raising=False)
    seconds = export_by_two_readers_as_before(tmp_path, monkeypatch)
    assert seconds.started == [True]


def test_two_readers_share_the_work_only_in_one_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit between the second reader's count of commits and the snapshot of the
    ledger's connection: they would read different commits, so the ledger's connection
    makes everything."""
    monkeypatch.setattr(export_lines, "SECOND_READER_FROM", 0)
    path = tricky_ledger(tmp_path / "tricky.db")
    with Ledger.open(path) as ledger:
        for commit_between in (True, False):
            second = export_lines.SecondReader.open(ledger.conn, tmp_path)
            assert second is not None
            if commit_between:
                other = sqlite3.connect(path, isolation_level=None)
                other.execute("UPDATE reports SET quote = 'changed' WHERE seq = 1000")
                other.close()
            ledger.conn.execute("BEGIN")
            ledger.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            assert second.start(ledger.conn) is not commit_between
            second.close()
            assert second.process.returncode is not None
            ledger.conn.execute("COMMIT")


def test_a_file_at_rest_is_read_by_two_readers_and_nothing_is_left_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line reads a file without -wal and -shm immutable (nothing created
    beside it): the second reader too."""
    monkeypatch.setattr(export_lines, "SECOND_READER_FROM", 0)
    folder = tmp_path / "at rest"
    folder.mkdir()
    path = tricky_ledger(folder / "tricky.db")
    expected = old_files(path)
    assert sorted(item.name for item in folder.iterdir()) == ["tricky.db"]
    seconds = Seconds(monkeypatch)
    with Ledger.open(path, read_only=True, snapshot=True) as ledger:
        exporter.export_all(ledger, tmp_path / "out")
    assert seconds.started == [True]
    assert sorted(item.name for item in folder.iterdir()) == ["tricky.db"]
    for name, (data, _) in expected.items():
        assert (tmp_path / "out" / name).read_bytes() == data, name


# A second process that fails at each step of its work: at once, once it has counted
# the commits, and once its snapshot has begun (instead of the rows it should make).
FAILING_CHILDREN = {
    "dies at once": "raise SystemExit(3)",
    "fails to begin": """
import json, sys
sys.stdin.readline()
print(json.dumps({"commits": 1}), flush=True)
sys.stdin.readline()
print(json.dumps({"error": "OperationalError: disk I/O error"}), flush=True)
""",
    "fails to make its lines": """
import json, sys
sys.stdin.readline()
print(json.dumps({"commits": 1}), flush=True)
sys.stdin.readline()
print(json.dumps({"same": True}), flush=True)
print(json.dumps({"error": "OSError: [Errno 28] No space left on device"}), flush=True)
""",
}


@pytest.mark.parametrize("failure", FAILING_CHILDREN)
def test_the_files_are_whole_whatever_the_second_process_does(
    tmp_path: Path, failure: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    child = tmp_path / "child.py"
    child.write_text(FAILING_CHILDREN[failure], encoding="utf-8")
    monkeypatch.setattr(export_lines, "_CHILD", child)
    assert export_by_two_readers_as_before(tmp_path, monkeypatch).all_ended()


def test_a_failure_stops_the_second_process_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_lines, "SECOND_READER_FROM", 0)
    path = tricky_ledger(tmp_path / "tricky.db")
    real = exporter.export_tables

    def failing(*arguments: object) -> dict:
        tables = real(*arguments)  # type: ignore[arg-type]
        columns, _ = tables["reports.csv"]

        def batches() -> Iterator[tuple[bytes, int]]:
            yield b"a,line\r\n", 1
            raise OSError(28, "No space left on device")

        tables["reports.csv"] = (columns, batches)
        return tables

    monkeypatch.setattr(exporter, "export_tables", failing)
    seconds = Seconds(monkeypatch)
    out = tmp_path / "out"
    with Ledger.open(path, read_only=True) as ledger, pytest.raises(OSError, match="No space"):
        exporter.export_all(ledger, out)
    assert list(out.iterdir()) == []
    assert seconds.started == [True]
    assert seconds.all_ended()


def test_the_export_maps_the_file_only_while_it_reads(tmp_path: Path) -> None:
    """The export reads its pages from the file's memory map (faster at scale); the
    ledger's connection, a window's, maps nothing afterwards: its memory would count
    every page the export read."""
    path = tricky_ledger(tmp_path / "tricky.db")
    with Ledger.open(path, read_only=True) as ledger:
        (before,) = ledger.conn.execute("PRAGMA mmap_size").fetchone()
        seen: list[int] = []
        ledger.conn.set_trace_callback(
            lambda sql: seen.append(int(sql.split("=")[1])) if "mmap_size =" in sql else None
        )
        exporter.export_all(ledger, tmp_path / "out")
        ledger.conn.set_trace_callback(None)
        assert ledger.conn.execute("PRAGMA mmap_size").fetchone() == (before,)
    assert seen == [export_lines.MMAP_BYTES, before]
