"""The lines of the exported files, fetched as SQLite makes them (export_sql), and the part
a second reader makes at the same time.

SQLite makes the lines of one query on one core. A second connection, reading the same
snapshot of the file, makes events.csv and the later part of reports.csv on a thread of
its own (SQLite lets go of Python's lock while it works) while the ledger's connection
makes the earlier part: on two cores the export takes about half the time. What the
second reader makes waits in unnamed temporary files beside the export until the files
are written in their usual order, so that a file that fails leaves the same files
behind as before.

Both readers must see the same commits. The second reader counts the commits it sees
(`PRAGMA data_version`) before the ledger's read transaction begins and again once its
own has begun: the same count means that nothing was committed in between, so both
read the same snapshot. Otherwise (a write came in between), or where there is no file
to open a second time, the ledger's connection makes everything, as before.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import IO
from urllib.parse import quote

from .database import BUSY_TIMEOUT_MS
from .export_sql import EVENTS_SQL, REPORTS_AFTER_SQL, REPORTS_UP_TO_SQL

# Lines fetched at a time: about 1.5 MB of text at the benchmark's 330 bytes a line.
_BATCH = 5000
# A page cache of 16 MiB (SQLite's default is 2 MB): the lookups of events and sources
# in reports order come back to the same pages; with the default they are read again.
CACHE_KIB = 16 * 1024
# Reports below which one reader makes everything: a thread costs more than it saves.
SECOND_READER_FROM = 20_000
# The share of reports.csv the ledger's connection makes; the second reader makes the
# rest after events.csv (which costs about a tenth of reports.csv), and sources.csv,
# balance.csv and resolutions.csv stay with the ledger's connection.
FIRST_SHARE = 0.57
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
        self.file.seek(0)
        shutil.copyfileobj(self.file, handle, 1 << 20)


class _Stopped(Exception):
    """The export stopped (a file failed): the second reader stops too."""


class SecondReader:
    """A read-only connection to the ledger's file that makes events.csv and the later
    part of reports.csv on a thread of its own, in the ledger's snapshot."""

    def __init__(self, reader: sqlite3.Connection, commits: int) -> None:
        self.reader = reader
        self.commits = commits
        self.split = 0
        self.stopping = False
        self.pool: ThreadPoolExecutor | None = None
        self.made: dict[str, Future[Spilled]] = {}

    @classmethod
    def open(cls, connection: sqlite3.Connection) -> SecondReader | None:
        """Before `connection` begins its read transaction: a second connection to its
        file, which has counted the commits it sees; None where there is no file to
        open again (a private copy recovered from a -wal, a database in memory) or
        where it cannot be opened."""
        try:
            uri = _same_file_uri(connection)
            if uri is None:
                return None
            reader = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        except (sqlite3.Error, OSError):
            return None
        try:
            reader.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            reader.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            (commits,) = reader.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            reader.close()
            return None
        return cls(reader, commits)

    def start(self, connection: sqlite3.Connection, directory: Path) -> bool:
        """Once `connection` has begun its read transaction: begin one in the same
        snapshot and start making the files ahead, in `directory`. False where the
        snapshot differs (a commit came in between) or reports are too few to share."""
        try:
            self.reader.execute("BEGIN")
            self.reader.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            (commits,) = self.reader.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return False
        if commits != self.commits:
            return False
        (reports,) = connection.execute("SELECT COUNT(*) FROM reports").fetchone()
        if reports < max(SECOND_READER_FROM, 1):
            return False
        (self.split,) = connection.execute(
            "SELECT seq FROM reports ORDER BY seq LIMIT 1 OFFSET ?",
            (int(reports * FIRST_SHARE),),
        ).fetchone()
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="export")
        self.made["reports"] = self.pool.submit(
            self._spill, directory, REPORTS_AFTER_SQL, (self.split,)
        )
        self.made["events"] = self.pool.submit(self._spill, directory, EVENTS_SQL, ())
        return True

    def reports(self, connection: sqlite3.Connection) -> Iterator[tuple[bytes, int] | Spilled]:
        """reports.csv: the earlier part made here on `connection`, then the later part
        made ahead."""
        yield from sql_lines(connection, REPORTS_UP_TO_SQL, (self.split,))
        yield self.made["reports"].result()

    def events(self) -> Iterator[Spilled]:
        yield self.made["events"].result()

    def _spill(self, directory: Path, sql: str, parameters: tuple[object, ...]) -> Spilled:
        """The lines of a query written into an unnamed temporary file in `directory`
        (where the export needs the room anyway)."""
        spill = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 (kept past the call)
        try:
            rows = 0
            for lines, count in sql_lines(self.reader, sql, parameters):
                if self.stopping:
                    raise _Stopped
                spill.write(lines)
                rows += count
        except BaseException:
            spill.close()
            raise
        return Spilled(spill, rows)

    def close(self) -> None:
        """Stop what is still being made, and let go of the files and the connection."""
        self.stopping = True
        if self.pool is not None:
            self.reader.interrupt()  # a query under way stops at once
            self.pool.shutdown(wait=True, cancel_futures=True)
        for made in self.made.values():
            if made.done() and not made.cancelled() and made.exception() is None:
                made.result().file.close()
        with contextlib.suppress(sqlite3.Error):
            self.reader.close()


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
