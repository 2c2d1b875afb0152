"""The lines of the exported files, fetched as SQLite makes them (export_sql), and the part
a second reader makes at the same time.

SQLite makes the lines of one query on one core. A second process (export_child), with
its own connection reading the same snapshot of the file, makes the later part of
reports.csv and then events.csv while the ledger's connection makes the earlier part:
on two free cores the export takes about 60% of the time. A process and not a thread:
two threads of one process hand Python's lock to each other at every row fetched and
share the lock SQLite takes at every allocation, and spent 60% more CPU time than one
for the same lines on the benchmark's file, so that they gained almost nothing. What
the second process makes waits in unnamed temporary files beside the export until the
files are written in their usual order, so that a file that fails leaves the same
files behind as before.

Both readers must see the same commits. The second one counts the commits it sees
(`PRAGMA data_version`) before the ledger's read transaction begins and again once its
own has begun: the same count means that nothing was committed in between, so both
read the same snapshot. Otherwise (a write came in between), where there is no file to
open a second time, where no process can be started with the files passed open
(outside POSIX), or where the second process fails, the ledger's connection makes the
lines, as before.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from .database import BUSY_TIMEOUT_MS
from .export_sql import EVENTS_SQL, REPORTS_AFTER_SQL, REPORTS_UP_TO_SQL

# Lines fetched at a time: about 1.5 MB of text at the benchmark's 330 bytes a line.
_BATCH = 5000
# A page cache of 16 MiB (SQLite's default is 2 MB): the lookups of events and sources
# in reports order come back to the same pages; with the default they are read again.
CACHE_KIB = 16 * 1024
# Pages read straight from the file's memory map during an export (the OS's cache of the
# file), not copied into SQLite's own cache first: 3-8% of the benchmark's export in
# alternating runs. Only while the export reads; the ledger's connection then maps
# nothing again (a window's memory would count the pages it read).
MMAP_BYTES = 1 << 30
# Reports below which one reader makes everything: a process costs more than it saves.
SECOND_READER_FROM = 20_000
# The share of reports.csv the ledger's connection makes: the second reader makes the
# rest, then events.csv (which costs about a sixth of reports.csv); sources.csv,
# balance.csv and resolutions.csv, and copying what the second reader made, stay with
# the ledger's connection. At 0.53 the ledger's connection waited 0.16-1.07 s for the
# second reader on the benchmark's file (8 runs); at 0.60, 0.02-0.13 s, and the export
# took 5% less (median of the 8 pairs' ratios).
FIRST_SHARE = 0.60
_CHILD = Path(__file__).with_name("export_child.py")
_FIRST_CELL = itemgetter(0)


def sql_lines(
    connection: sqlite3.Connection, sql: str, parameters: tuple[object, ...] = ()
) -> Iterator[tuple[bytes, int]]:
    """The lines a query makes (each ends in CRLF), a batch at a time, with how many
    lines each batch holds: as SQLite's UTF-8 bytes, the file's encoding (decoding and
    encoding them again cost a tenth of the export). The connection gives bytes for
    text only while the batches are read."""
    factory = connection.text_factory
    connection.text_factory = bytes
    try:
        cursor = connection.execute(sql, parameters)
        while batch := cursor.fetchmany(_BATCH):
            yield b"".join(map(_FIRST_CELL, batch)), len(batch)
    finally:
        connection.text_factory = factory


@dataclass
class Spilled:
    """Lines made ahead, waiting in an unnamed temporary file."""

    file: IO[bytes]
    rows: int

    def copy_to(self, handle: IO[bytes]) -> None:
        """Appended to `handle`: by the kernel where it can (copy_file_range, no pass
        through Python's buffers: a third of the copy's time), else read and written."""
        self.file.seek(0)
        handle.flush()
        if _kernel_copy(self.file.fileno(), handle.fileno()):
            return
        self.file.seek(0)
        shutil.copyfileobj(self.file, handle, 1 << 20)


def _kernel_copy(source: int, target: int) -> bool:
    """Copy the rest of `source` to `target` at their offsets; False where the kernel
    cannot (no copy_file_range, another file system on an old kernel) before any byte."""
    copy = getattr(os, "copy_file_range", None)
    if copy is None:
        return False
    copied = 0
    try:
        while done := copy(source, target, 1 << 30):
            copied += done
    except OSError:
        if copied:
            raise
        return False
    return True


class SecondReader:
    """The second process of an export, and the files its lines go to."""

    def __init__(self, process: subprocess.Popen[bytes], spills: dict[str, IO[bytes]]) -> None:
        self.process = process
        self.spills = spills
        self.split = 0
        self.failed = False

    @classmethod
    def open(cls, connection: sqlite3.Connection, directory: Path) -> SecondReader | None:
        """Before `connection` begins its read transaction: the second process, started
        on the same file, having counted the commits it sees; its lines will wait in
        `directory` (where the export needs the room anyway). None where reports are
        too few to share, or it cannot be started."""
        uri = _same_file_uri(connection)
        if uri is None or os.name != "posix" or not sys.executable:
            return None
        (reports,) = connection.execute("SELECT COUNT(*) FROM reports").fetchone()
        if reports < SECOND_READER_FROM:
            return None
        spills: dict[str, IO[bytes]] = {}
        try:
            for name in ("reports", "events"):
                spills[name] = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 (kept)
            process = subprocess.Popen(
                [sys.executable, "-I", str(_CHILD)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                pass_fds=[spill.fileno() for spill in spills.values()],
            )
        except OSError:
            for spill in spills.values():
                spill.close()
            return None
        second = cls(process, spills)
        pragmas = [
            f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
            f"PRAGMA cache_size = -{CACHE_KIB}",
            f"PRAGMA mmap_size = {MMAP_BYTES}",
        ]
        if second._tell({"uri": uri, "pragmas": pragmas}) and "commits" in second._hear():
            return second
        second.close()
        return None

    def start(self, connection: sqlite3.Connection) -> bool:
        """Once `connection` has begun its read transaction: the second process begins
        one and starts making its lines, if it reads the same snapshot. False where it
        does not (a commit came in between) or reports are too few to share."""
        (reports,) = connection.execute("SELECT COUNT(*) FROM reports").fetchone()
        if reports < max(SECOND_READER_FROM, 1):
            self._tell({"go": False})
            return False
        (self.split,) = connection.execute(
            "SELECT seq FROM reports ORDER BY seq LIMIT 1 OFFSET ?",
            (int(reports * FIRST_SHARE),),
        ).fetchone()
        jobs = [
            [REPORTS_AFTER_SQL, [self.split], self.spills["reports"].fileno()],
            [EVENTS_SQL, [], self.spills["events"].fileno()],
        ]
        return self._tell({"go": True, "jobs": jobs}) and self._hear().get("same") is True

    def reports(self, connection: sqlite3.Connection) -> Iterator[tuple[bytes, int] | Spilled]:
        """reports.csv: the earlier part made here on `connection`, then the later part
        made by the second process (made here too if it failed)."""
        yield from sql_lines(connection, REPORTS_UP_TO_SQL, (self.split,))
        yield from self._made("reports", connection, REPORTS_AFTER_SQL, (self.split,))

    def events(self, connection: sqlite3.Connection) -> Iterator[tuple[bytes, int] | Spilled]:
        yield from self._made("events", connection, EVENTS_SQL, ())

    def _made(
        self, name: str, connection: sqlite3.Connection, sql: str, parameters: tuple[object, ...]
    ) -> Iterator[tuple[bytes, int] | Spilled]:
        """The lines the second process made, in the order it makes them; or, if it
        failed, those `connection` makes (in the same snapshot)."""
        rows = None if self.failed else self._hear().get("rows")
        if isinstance(rows, int):
            yield Spilled(self.spills[name], rows)
        else:
            self.failed = True
            yield from sql_lines(connection, sql, parameters)

    def _tell(self, message: dict[str, Any]) -> bool:
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps(message).encode() + b"\n")
            self.process.stdin.flush()
        except OSError:  # it has ended
            self.failed = True
        return not self.failed

    def _hear(self) -> dict[str, Any]:
        """Its next message; {} once it has ended or failed."""
        if self.failed:
            return {}
        assert self.process.stdout is not None
        try:
            message = json.loads(self.process.stdout.readline() or b"{}")
        except ValueError:
            message = {}
        if not isinstance(message, dict) or not message or "error" in message:
            self.failed = True
            return {}
        return message

    def close(self) -> None:
        """Stop the second process if it still works (a file failed), and let go of its
        files."""
        if self.process.poll() is None:
            with contextlib.suppress(OSError):
                assert self.process.stdin is not None
                self.process.stdin.close()
            self.process.kill()  # what it still makes is not wanted any more
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        for spill in self.spills.values():
            spill.close()


def _same_file_uri(connection: sqlite3.Connection) -> str | None:
    """A URI that opens the file of `connection` again, read-only, as it was opened:
    immutable (never locked, nothing left beside it) where a file in WAL mode is read
    without its -wal, which only a connection opened immutable does."""
    files = {name: file for _, name, file in connection.execute("PRAGMA database_list")}
    file = files.get("main") or ""
    if not file or not os.path.isfile(file):
        return None
    uri = f"file:{quote(file)}?mode=ro"
    (mode,) = connection.execute("PRAGMA journal_mode").fetchone()
    if str(mode).lower() == "wal":
        return uri
    if _wal_header(Path(file)):
        return uri + "&immutable=1"
    return None  # a file in rollback mode: the product writes none


def _wal_header(path: Path) -> bool:
    """Whether the file's header says WAL mode (bytes 18 and 19 hold 2)."""
    with path.open("rb") as handle:
        header = handle.read(20)
    return len(header) == 20 and header[18] == 2 and header[19] == 2
