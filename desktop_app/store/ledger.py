"""The one door to a ledger file: every read the panes need and every write, audited.

Every write is one transaction (`BEGIN IMMEDIATE` … `COMMIT`) that also re-derives the
state of the events it touched, and returns a `Changes` value saying what changed.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

from ..domain import validation
from ..domain.dates import utc_now
from ..domain.records import (
    DEFAULT_CREDIBILITY,
    DEFAULT_KIND,
    DEFAULT_RELIABILITY,
    FieldKey,
    Flow,
    FlowKey,
    Report,
    location_key,
    name_key,
    source_key,
    tidy,
)
from ..domain.rules import DISMISSED, decisions_in_force, possibly_reversed, stated_value
from ..domain.validation import Invalid
from . import derived
from .colors import color_new_parties
from .database import (
    BUSY_TIMEOUT_MS,
    LedgerFileError,
    ReadOnlyError,
    copy_to,
    disk_full_error,
    indexes_dropped_for,
    insert_many,
    inspect_early,
    is_busy,
    is_disk_full,
    open_connection,
    placeholders,
    remove_idle_side_files,
    side_files_absent,
    side_files_not_writable,
    switch_journal,
)
from .evidence import Description, Evidence, Progress, StoredFile, copy_locker, evidence_folder
from .import_plan import Cancelled
from .schema import SCHEMA_VERSION

# The one door to a ledger file for the window: what it needs of `database` and `schema`
# comes through here (the UI never imports `database`, `schema` or `derived`).
__all__ = [
    "SCHEMA_VERSION",
    "Changes",
    "Ledger",
    "LedgerFileError",
    "ReadOnlyError",
    "ReportInput",
    "inspect_early",
]

WAIT_SLICE_MS = 250
# The page cache while an import writes: the file as it was, and this much besides.
LARGE_WRITE_CACHE_KIB = (32 * 1024, 256 * 1024)  # at least, at most
WAIT_LIMIT = 60.0
CHECKPOINT_WAIT_MS = 100  # how long a checkpoint waits for a reader to finish
DAYS_LEFT_LIMIT = 500  # touched events whose old charting days a write reads (one query)


def write_cache_kib(file_bytes: int) -> int:
    """The page cache of a large write into a file of this size, in KiB."""
    least, most = LARGE_WRITE_CACHE_KIB
    return min(most, file_bytes // 1024 + least)


class LedgerBusyError(LedgerFileError):
    """Another process kept the file busy for too long; nothing was written."""


class LedgerMovedError(LedgerFileError):
    """The file at the ledger's path is no longer the one it was opened from."""


def file_identity(path: Path) -> tuple[int, int] | None:
    """What stays the same of a file while it is written and tells it from another one
    put at its name: its device and inode (None where there is no file)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


SOURCE_NAMESPACE = uuid.UUID("5b0f1c9e-7a61-4f0e-9a39-1f3e6c2d8a10")


# A party named by no flow, no source and no decision: its colour, or no row.
UNUSED_PARTY_SQL = """
SELECT color FROM parties WHERE name = :name
AND NOT EXISTS (SELECT 1 FROM flows WHERE from_party = :name OR to_party = :name)
AND NOT EXISTS (SELECT 1 FROM sources WHERE party = :name)
AND NOT EXISTS (SELECT 1 FROM resolutions WHERE from_party = :name OR to_party = :name)
"""


@dataclass(frozen=True)
class Changes:
    """What a write changed, for the listeners that redraw."""

    events: frozenset[str] = frozenset()
    sources: bool = False
    parties: bool = False
    everything: bool = False  # an import, a merge, another process: reload all
    # The charting days the touched events had before the write (the chart sums them
    # again, with the days they have now); None when the write did not read them. A
    # hint for the chart, not part of what changed: left out of comparisons.
    days_left: frozenset[str] | None = field(default=frozenset(), compare=False)

    def __or__(self, other: Changes) -> Changes:
        days_left = None
        if self.days_left is not None and other.days_left is not None:
            days_left = self.days_left | other.days_left
        return Changes(
            self.events | other.events,
            self.sources or other.sources,
            self.parties or other.parties,
            self.everything or other.everything,
            days_left,
        )


# The audit trail's actions that withdraw a decision or put it in force again.
WITHDRAWALS = ("withdraw", "reinstate", "merge-withdraw", "merge-reinstate")


class ReportChanged(Invalid):
    """A report written since it was read for an edit: the edit would undo that write."""


@dataclass(frozen=True)
class ReportInput:
    """A report as a person or a file gives it, already validated field by field."""

    event_type: str
    source_name: str
    claimed_date: str
    source_party: str | None = None
    location: str = ""
    quote: str = ""
    url: str = ""
    published: str = ""
    credibility: int = DEFAULT_CREDIBILITY
    flows: tuple[Flow, ...] = ()
    source_kind: str = DEFAULT_KIND
    source_reliability: str = DEFAULT_RELIABILITY


@dataclass
class _Write:
    """The state of one write transaction."""

    who: str
    operation_id: str | None = None
    touched: set[str] = field(default_factory=set)
    # The touched events whose inputs the writer holds in full (an import's new events).
    known: derived.Derivation | None = None
    sources: bool = False
    parties: bool = False
    days_left: frozenset[str] | None = None  # the touched events' days before the write


def _sqlite_utils() -> ModuleType:
    """sqlite_utils, imported without pandas and numpy: it imports them whenever they are
    installed (pandas is, beside the tests), only to map their types, which we never
    pass; pandas alone costs 0.3-0.8 s of every command and of the window's opening.
    A `None` in sys.modules makes such an import fail, for sqlite_utils alone, for
    this moment only."""
    if "sqlite_utils" not in sys.modules:
        blocked = [name for name in ("pandas", "numpy") if name not in sys.modules]
        for name in blocked:
            sys.modules[name] = None  # type: ignore[assignment]
        try:
            import sqlite_utils
        finally:
            for name in blocked:
                del sys.modules[name]
    import sqlite_utils

    return sqlite_utils


def new_id() -> str:
    return str(uuid.uuid4())


# How many Ledgers of this process have each file open (by `_open_key`).
_OPEN_HERE: Counter[str] = Counter()


def _open_key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


class Ledger:
    """A ledger file, open for reading and (unless read-only) writing."""

    def __init__(self, connection: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self.conn = connection
        self.path = path
        self.read_only = read_only
        self._write_state: _Write | None = None
        self._beginning = False  # a write waits for the lock (see `_begin`)
        # Why the last checkpoint failed (a full disk): the commits wait in the -wal.
        self.checkpoint_failed: str | None = None
        # Write transactions committed through this ledger (a command that fails after
        # one says so, and keeps what it saved).
        self.commits = 0
        # The last audit record when this connection's last write began and when it was
        # about to commit (both read under the write lock): a window tells another
        # program's audited writes from its own by them (MainWindow.check_other_writers).
        self.audit_at_begin = 0
        self.audit_at_commit = 0
        # Called while a write waits for another process; the window shows it. False
        # stops the waiting: the write is refused, nothing changed. `on_wait_over` is
        # called once the waiting ends, either way.
        self.on_wait: Callable[[float], bool | None] | None = None
        self.on_wait_over: Callable[[], None] | None = None
        # Called after each write instead of `checkpoint`, to checkpoint a moment later:
        # the window does it once the panes show the change (on a 300 MB file the
        # checkpoint was 28 ms of a 45 ms form commit). The commits are safe in the -wal
        # meanwhile; `close` checkpoints whatever is left.
        self.checkpoint_soon: Callable[[], None] | None = None
        # The copy of the file as it was, where opening it upgraded it (said to the person).
        self.upgrade_backup: Path | None = None
        self._identity = file_identity(path)
        self._tidy_on_close = False  # see `open` and `close`
        self._counted = False  # in _OPEN_HERE, until closed

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for rows as dicts. Imported when first
        needed: the import alone costs a tenth of a second of the window's opening."""
        database: sqlite_utils.Database = _sqlite_utils().Database(self.conn)
        return database

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        read_only: bool = False,
        create: bool = True,
        upgrade: bool = True,
        snapshot: bool = False,
        quick_check: bool = True,
        keep_backup: bool = True,
    ) -> Ledger:
        path = Path(path)
        at_rest = read_only and not snapshot and side_files_absent(path)
        opened = open_connection(
            path,
            read_only=read_only,
            create=create,
            upgrade=upgrade,
            snapshot=snapshot,
            quick_check=quick_check,
            keep_backup=keep_backup,
        )
        ledger = cls(opened.connection, path, opened.read_only)
        ledger.upgrade_backup = opened.backup
        ledger._tidy_on_close = at_rest and opened.read_only
        ledger._counted = True
        _OPEN_HERE[_open_key(path)] += 1
        return ledger

    def close(self) -> None:
        try:
            if not self.read_only:
                self.checkpoint()
        finally:
            self.conn.close()
            self._uncount()

    def _uncount(self) -> None:
        """This ledger no more among those of the process that have its file open (once,
        however often it is closed); the last one to close a file it read at rest removes
        the -wal and -shm that reading made (see database.remove_idle_side_files), which
        the lock that tells other processes cannot say while this one has it open."""
        if not self._counted:
            return
        self._counted = False
        key = _open_key(self.path)
        _OPEN_HERE[key] -= 1
        if self._tidy_on_close and _OPEN_HERE[key] <= 0:
            remove_idle_side_files(self.path)

    def copy_to(
        self, target: Path, *, with_evidence: bool = True, progress: Progress | None = None
    ) -> list[str]:
        """A self-contained, consistent copy of this ledger in `target` (VACUUM INTO),
        with its evidence files beside it (`TARGET.evidence/`), each checked as it is
        copied. Returns a sentence for each evidence file that could not be copied.
        Cancelled (`progress` asked to stop) leaves neither the copy nor its folder."""
        copy_to(self.conn, target)
        if not with_evidence:
            return []
        folder = evidence_folder(target)
        made = not folder.exists()
        try:
            return copy_locker(self, target, progress)
        except Cancelled:
            target.unlink(missing_ok=True)
            if made:
                shutil.rmtree(folder, ignore_errors=True)
            raise

    def still_there(self) -> bool:
        """Whether the file at the ledger's path is still the one it was opened from: a
        file manager may have moved it, a sync client replaced it (a new file renamed
        over it), a person deleted it, while the window kept its connection open."""
        return file_identity(self.path) == self._identity

    def check_still_there(self) -> None:
        """Refuse, in a sentence, what would be written to a file no longer at its name
        (lost when the connection closes, where it was deleted or replaced) or read by
        name from another one."""
        if not self.still_there():
            raise LedgerMovedError(
                f"{self.path} is no longer the file that was opened: it was moved, deleted"
                " or replaced by another program (a sync client, say); nothing was changed."
                " Open the ledger again where it is now."
            )

    def side_files_of_others(self) -> list[Path]:
        """The -wal and -shm beside the file that this user cannot write (see
        `database.side_files_not_writable`): why a writable file opened read-only."""
        return side_files_not_writable(self.path)

    def checkpoint(self) -> bool:
        """Copy every commit from the -wal into the main file and empty the -wal, so
        that at rest the main file alone holds everything (a copy of just the `.db`, as
        people e-mail it, loses nothing), also while other programs have the file open.

        Waits only briefly for another program's reader to finish (then copies what it
        can). A checkpoint that fails, for lack of space say, loses nothing: the commits
        stay in the -wal, where SQLite finds them on the next opening. True if the main
        file now holds every commit.
        """
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
            try:
                busy, log, done = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as error:
            self.checkpoint_failed = str(error)
            return False
        self.checkpoint_failed = None
        return not busy or log == done

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ---- transactions -------------------------------------------------------------

    @contextmanager
    def write(self, who: str, operation_id: str | None = None) -> Iterator[_Write]:
        """One write transaction; derived state of touched events is refreshed before commit."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path} is open read-only: nothing can be changed.")
        if self._write_state is not None:
            yield self._write_state
            return
        self.check_still_there()
        if self._beginning:
            # Asked from inside `on_wait` (the window keeps painting, and a timer fired):
            # a second write must not begin while the first one waits for the lock.
            raise LedgerBusyError(
                f"{self.path}: another change is still waiting to be saved; nothing was"
                " changed. Try again in a moment."
            )
        self._begin()
        self.audit_at_begin = self.last_audit()
        state = _Write(who, operation_id)
        self._write_state = state
        try:
            yield state
            state.days_left = self._chart_days(state.touched, state.known)
            derived.refresh(self.conn, state.touched, state.known)
            color_new_parties(self.conn)
            self.audit_at_commit = self.last_audit()
            self.conn.execute("COMMIT")
            self.commits += 1
        except BaseException as error:
            if state.known is not None:
                state.known.close()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if is_disk_full(error, self.path):
                raise disk_full_error(self.path) from error
            raise
        finally:
            self._write_state = None
            if state.known is not None and not self.conn.in_transaction:
                derived.release_image(self.conn)
        if self.checkpoint_soon is None:
            self.checkpoint()
        else:
            self.checkpoint_soon()

    def insert(self, table: str, *records: dict[str, Any]) -> None:
        """Plain INSERTs of records with the same keys. sqlite-utils' insert() reads the
        table's schema on every call, which a form commit or an import pays per record."""
        if not records:
            return
        columns = list(records[0])
        self.conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)})"
            f" VALUES ({', '.join(':' + column for column in columns)})",
            records,
        )

    @contextmanager
    def large_write(self) -> Iterator[None]:
        """A page cache big enough for a bulk write: inserting 300,000 reports keyed by
        random UUIDs into indexed tables thrashes SQLite's default 2,000 pages. What the
        write may come back to is the file as it was, which a cache of its size holds
        (`write_cache_kib`); pages the write adds are left to the file as the cache fills:
        holding all of a new file's 290 MB cost more in new memory (65,000 page faults,
        230 MB) than it saved."""
        previous = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        pages, page_size = (
            self.conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("page_count", "page_size")
        )
        self.conn.execute(f"PRAGMA cache_size = -{write_cache_kib(pages * page_size)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {previous}")

    @contextmanager
    def journal_while_empty(self) -> Iterator[None]:
        """One large write into a ledger with no report yet (an import into a new file)
        through a rollback journal instead of the -wal, where this is the file's only
        connection: SQLite then writes each page into the file once, where the -wal
        takes it with a checksum and a checkpoint copies it again (a second of a
        400,000-row import, a tenth of it). Just as safe: with synchronous=FULL the
        write is whole or absent, and one killed midway is put back from the -journal
        at the next opening. Another program that opens the file meanwhile reads it as
        it was (empty: there was nothing to read), and one that would write waits for
        the commit (`database.connect`, up to its busy timeout); with another connection
        open, the write goes through the -wal as any other. WAL again afterwards (or,
        should another program hold the file then, at its next opening: every
        read-write connection asks for it)."""
        assert not self.conn.in_transaction
        empty = self.conn.execute("SELECT 1 FROM reports LIMIT 1").fetchone() is None
        switched = empty and not self.read_only and switch_journal(self.conn, "delete", wait=False)
        try:
            yield
        finally:
            if switched:
                switch_journal(self.conn, "wal", wait=True)

    @contextmanager
    def checked_by_writer(self) -> Iterator[None]:
        """Foreign keys and CHECK constraints not enforced, for one write whose every
        value and reference the writer has checked by the rules the form applies (an
        import of a checked plan): enforcing them looks up 1.8 million references at
        400,000 rows, about a quarter of that write, and evaluates the date checks of
        300,000 reports again, 0.6 s of work. They still guard every other write, by this
        program or another; `check` evaluates all of them over the file. Set outside the
        transaction, where SQLite takes the pragmas."""
        assert not self.conn.in_transaction
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self.conn.execute("PRAGMA ignore_check_constraints = ON")
        try:
            yield
        finally:
            self.conn.execute("PRAGMA ignore_check_constraints = OFF")
            self.conn.execute("PRAGMA foreign_keys = ON")

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another process that is writing the same file.

        Waits in short slices so that `on_wait` can tell the person what is happening
        (the window shows it in its status bar); gives up after WAIT_LIMIT seconds with
        a message instead of SQLite's "database is locked".
        """
        started = time.monotonic()
        self.conn.execute(f"PRAGMA busy_timeout = {WAIT_SLICE_MS}")
        self._beginning = True
        waited_at_all = False
        try:
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as error:
                    if not is_busy(error):
                        raise
                    waited = time.monotonic() - started
                    if waited > WAIT_LIMIT:
                        raise LedgerBusyError(
                            f"{self.path} is being written by another program and stayed"
                            f" busy for {WAIT_LIMIT:.0f} s; nothing was changed. Try again."
                        ) from error
                    waited_at_all = True
                    if self.on_wait is not None and self.on_wait(waited) is False:
                        raise LedgerBusyError(
                            f"{self.path}: you stopped waiting for the other program that is"
                            " writing it; nothing was changed."
                        ) from error
        finally:
            if waited_at_all and self.on_wait_over is not None:
                self.on_wait_over()
            self._beginning = False
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def changes_of(self, state: _Write, *, everything: bool = False) -> Changes:
        """What this write changed; `everything` for an import or a merge (reload all)."""
        return Changes(
            frozenset(state.touched), state.sources, state.parties, everything, state.days_left
        )

    def _chart_days(
        self, event_ids: set[str], known: derived.Derivation | None
    ) -> frozenset[str] | None:
        """The charting days of these events before the write's derived state replaces
        theirs: a few events' days are read; for a large write (which every reader
        reloads whole) they are not."""
        if known is not None or len(event_ids) > DAYS_LEFT_LIMIT:
            return None
        ids = sorted(event_ids)
        return frozenset(
            day
            for (day,) in self.conn.execute(
                f"SELECT chart_day FROM event_state WHERE event_id IN ({placeholders(ids)})"
                " AND chart_day IS NOT NULL",
                ids,
            )
        )

    def _state(self) -> _Write:
        state = self._write_state
        assert state is not None, "a write outside a write transaction"
        return state

    def next_seqs(self, count: int = 1) -> int:
        """Reserve `count` positions in the write order; returns the first."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = 'write_seq'").fetchone()
        first = (int(row[0]) if row else 0) + 1
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES ('write_seq', ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(first + count - 1),),
        )
        return first

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: str,
        old: Any = None,
        new: Any = None,
    ) -> None:
        state = self._write_state
        assert state is not None, "audit outside a write transaction"
        self.conn.execute(
            "INSERT INTO audit (at, who, action, entity, entity_id, old, new, operation_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                utc_now(),
                state.who,
                action,
                entity,
                entity_id,
                None if old is None else json.dumps(old, sort_keys=True, ensure_ascii=False),
                None if new is None else json.dumps(new, sort_keys=True, ensure_ascii=False),
                state.operation_id,
            ),
        )

    # ---- parties and sources ------------------------------------------------------

    def parties(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT name FROM parties ORDER BY name")]

    def find_party(self, name: str) -> str | None:
        row = self.conn.execute(
            "SELECT name FROM parties WHERE key = ?", (name_key(name),)
        ).fetchone()
        return row[0] if row else None

    def ensure_party(self, name: str) -> str:
        """The party's name as this file spells it; a new party is added on first use."""
        existing = self.find_party(name)
        if existing is not None:
            return existing
        state = self._state()
        name = tidy(name)
        self.conn.execute(
            "INSERT INTO parties (name, key, created_at, operation_id) VALUES (?, ?, ?, ?)",
            (name, name_key(name), utc_now(), state.operation_id),
        )
        if state.operation_id is None:
            self.audit("create", "party", name, new={"name": name})
        state.parties = True
        return name

    def find_source(self, name: str, party: str | None) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM sources WHERE key = ?", [source_key(name, party)]))
        return rows[0] if rows else None

    def ensure_source(
        self, name: str, party: str | None, kind: str, reliability: str
    ) -> tuple[str, bool]:
        """The id of the source with this name and party, created if new (True)."""
        return self.ensure_sources([(name, party, kind, reliability)])[0]

    def ensure_sources(
        self, given: list[tuple[str, str | None, str, str]]
    ) -> list[tuple[str, bool]]:
        """`ensure_source` for many (name, party, kind, reliability) at once, with one
        query for all of them: an import names thousands of sources."""
        state = self._state()
        keys = [source_key(name, party) for name, party, _, _ in given]
        ids = self._source_ids_by("key", keys)
        derived_ids = {key: str(uuid.uuid5(SOURCE_NAMESPACE, key)) for key in keys}
        taken = self._source_ids_by("id", derived_ids.values())
        found: list[tuple[str, bool]] = []
        records: list[dict[str, Any]] = []
        for (name, party, kind, reliability), key in zip(given, keys, strict=True):
            if key in ids:
                found.append((ids[key], False))
                continue
            # A derived id taken by a source since renamed: a random one instead.
            ids[key] = new_id() if derived_ids[key] in taken else derived_ids[key]
            found.append((ids[key], True))
            records.append(
                {
                    "id": ids[key],
                    "name": tidy(name),
                    "key": key,
                    "kind": kind,
                    "party": self.ensure_party(party) if party else None,
                    "reliability": reliability,
                    "created_at": utc_now(),
                    "operation_id": state.operation_id,
                }
            )
        self.insert_sources(*records)
        if state.operation_id is None:
            for record in records:
                self.audit("create", "source", record["id"], new=public_record(record))
        state.sources = state.sources or bool(records)
        return found

    def insert_sources(self, *records: dict[str, Any]) -> None:
        """Sources given by column (a new one, or one an undo brings back)."""
        self.insert("sources", *records)

    def update_source(self, source_id: str, values: Mapping[str, Any]) -> None:
        """Set these columns of a source (a rename, a new party or grade)."""
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        self.conn.execute(
            f"UPDATE sources SET {assignments} WHERE id = :id", {**values, "id": source_id}
        )

    def delete_source(self, source_id: str) -> None:
        self.conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))

    def move_reports_to_source(self, report_ids: Sequence[str], source_id: str) -> None:
        """Attribute these reports to another source (merging or unmerging sources)."""
        self.conn.executemany(
            "UPDATE reports SET source_id = ? WHERE id = ?",
            [(source_id, report_id) for report_id in report_ids],
        )

    def _source_ids_by(self, column: str, values: Iterable[str]) -> dict[str, str]:
        """The id of each source whose `column` ("id" or "key") has one of these values."""
        return dict(
            self.conn.execute(
                f"SELECT {column}, id FROM sources"
                f" WHERE {column} IN (SELECT value FROM json_each(?))",
                (json.dumps(list(values)),),
            )
        )

    # ---- events and reports -------------------------------------------------------

    def event_type(self, event_id: str) -> str | None:
        row = self.conn.execute("SELECT type FROM events WHERE id = ?", (event_id,)).fetchone()
        return row[0] if row else None

    def add_report(
        self,
        report: ReportInput,
        who: str,
        *,
        event_id: str | None = None,
        report_id: str | None = None,
    ) -> tuple[str, Changes]:
        """Record a report; a new event is created with it unless `event_id` names one."""
        with self.write(who) as state:
            event_id = self._ensure_event(event_id or new_id(), report.event_type)
            report_id = report_id or new_id()
            record = self._insert_report(report_id, event_id, report, who)
            self.audit("create", "report", report_id, new=record)
            state.touched.add(event_id)
        return report_id, self.changes_of(state)

    def _ensure_event(self, event_id: str, event_type: str) -> str:
        state = self._state()
        existing = self.event_type(event_id)
        if existing is None:
            self.insert_events({event_id: event_type})
            if state.operation_id is None:
                self.audit("create", "event", event_id, new={"type": event_type})
        elif existing != event_type:
            raise Invalid(
                f"event {event_id} is of type {existing}; a report cannot make it {event_type}"
            )
        return event_id

    def _insert_report(
        self, report_id: str, event_id: str, report: ReportInput, who: str
    ) -> dict[str, Any]:
        source_id, _ = self.ensure_source(
            report.source_name, report.source_party, report.source_kind, report.source_reliability
        )
        now = utc_now()
        record = {
            "id": report_id,
            "event_id": event_id,
            "source_id": source_id,
            "claimed_date": report.claimed_date,
            "location": report.location,
            "quote": report.quote,
            "url": report.url,
            "published": report.published,
            "credibility": report.credibility,
            "recorded_by": who,
            "recorded_at": now,
            "updated_at": now,
            "seq": self.next_seqs(),
        }
        self.insert_report(record)
        flows = self._insert_flows(report_id, report.flows)
        return {**public_record(record), "flows": flows}

    def _insert_flows(self, report_id: str, flows: tuple[Flow, ...]) -> list[dict[str, Any]]:
        rows = []
        stated: set[FlowKey] = set()
        for position, flow in enumerate(flows):
            from_party = self.ensure_party(flow.key.from_party)
            to_party = self.ensure_party(flow.key.to_party)
            stored = FlowKey(from_party, to_party, flow.key.category)  # "russia" is Russia
            if stored in stated:
                raise Invalid(f"the report states {stored.label()} twice")
            stated.add(stored)
            rows.append(
                {
                    "report_id": report_id,
                    "position": position,
                    "category": flow.key.category,
                    "from_party": from_party,
                    "to_party": to_party,
                    "count": flow.count,
                    "qualifier": flow.qualifier,
                }
            )
        self.insert_flows([tuple(row.values()) for row in rows])
        return [{k: v for k, v in row.items() if k != "report_id"} for row in rows]

    def report_record(self, report_id: str) -> dict[str, Any] | None:
        """A report with its flows, as audited and as undo restores it."""
        rows = list(self.db.query("SELECT * FROM reports WHERE id = ?", [report_id]))
        if not rows:
            return None
        flows = list(
            self.db.query(
                "SELECT position, category, from_party, to_party, count, qualifier"
                " FROM flows WHERE report_id = ? ORDER BY position",
                [report_id],
            )
        )
        return {**public_record(rows[0]), "flows": flows}

    def report_seq(self, report_id: str) -> int | None:
        """The report's place in the write order (kept out of `report_record`, which is
        what the audit trail keeps)."""
        row = self.conn.execute("SELECT seq FROM reports WHERE id = ?", (report_id,)).fetchone()
        return None if row is None else int(row[0])

    def report_content(self, record: dict[str, Any]) -> dict[Any, Any]:
        """What a report says, as import and merge compare it: the source by its key,
        locations and parties by their keys, flows as a sorted list."""
        source = self.conn.execute(
            "SELECT key FROM sources WHERE id = ?", (record["source_id"],)
        ).fetchone()
        flows = [
            flow_content(f["from_party"], f["to_party"], f["category"], f["count"], f["qualifier"])
            for f in record["flows"]
        ]
        return {
            **{name: record[name] for name in CONTENT_FIELDS},
            "event_type": self.event_type(record["event_id"]),
            "location": location_key(record["location"]),
            "source": source[0] if source else None,
            "flows": sorted(flows),
        }

    def edit_report(
        self, report_id: str, report: ReportInput, who: str, *, seq: int | None = None
    ) -> Changes:
        """Change a report in place; it moves to the end of the write order. `seq`: the
        place it had when it was read for this edit; written since (another program, a
        merge), it is not overwritten: ReportChanged."""
        with self.write(who) as state:
            old = self.report_record(report_id)
            if old is None:
                raise Invalid(f"there is no report {report_id}")
            if seq is not None and self.report_seq(report_id) != seq:
                raise ReportChanged(
                    f"report {report_id} was changed by another program since it was opened"
                    " for editing; nothing was saved, so as not to undo that change"
                )
            event_id = old["event_id"]
            self._retype_event_if_alone(event_id, report.event_type)
            source_id, _ = self.ensure_source(
                report.source_name,
                report.source_party,
                report.source_kind,
                report.source_reliability,
            )
            self.update_report(
                report_id,
                {
                    "source_id": source_id,
                    "claimed_date": report.claimed_date,
                    "location": report.location,
                    "quote": report.quote,
                    "url": report.url,
                    "published": report.published,
                    "credibility": report.credibility,
                    "updated_at": utc_now(),
                    "seq": self.next_seqs(),
                },
            )
            self.delete_flows(report_id)
            self._insert_flows(report_id, report.flows)
            self.audit("edit", "report", report_id, old=old, new=self.report_record(report_id))
            self.drop_unused_names(old)
            state.touched.add(event_id)
        return self.changes_of(state)

    def replace_report(
        self,
        record: dict[str, Any],
        who: str,
        event_type: str | None = None,
        seq: int | None = None,
        source: Mapping[str, Any] | None = None,
    ) -> Changes:
        """Undo or redo of an edit: the report's content as `report_record` gave it, and
        its place in the write order (`seq`, as `report_seq` gave it) where known: an
        undo takes the write back, so a decision made before it stands as it did (with
        a new place, the undone report counted as written after the decision, and its
        event came back reopened). `source`: the record's source as `source_record` gave
        it, brought back if the change being undone took it away."""
        with self.write(who) as state:
            old = self.report_record(record["id"])
            if old is None:
                raise Invalid(f"there is no report {record['id']}")
            if event_type is not None:
                self._retype_event_if_alone(old["event_id"], event_type)
            values = {name: record[name] for name in EDITABLE_FIELDS}
            if source is not None:
                values["source_id"] = self.bring_back_source(source)
            flows = self._bring_back_parties(record["flows"])
            self.update_report(
                record["id"], {**values, "updated_at": utc_now(), "seq": seq or self.next_seqs()}
            )
            self.delete_flows(record["id"])
            self.insert_flow_records(record["id"], flows)
            self.audit(
                "edit", "report", record["id"], old=old, new=self.report_record(record["id"])
            )
            self.drop_unused_names(old)
            state.touched.add(old["event_id"])
        return self.changes_of(state)

    def reports_of_event(self, event_id: str) -> int:
        """How many reports the event has."""
        query = "SELECT COUNT(*) FROM reports WHERE event_id = ?"
        return int(self.conn.execute(query, (event_id,)).fetchone()[0])

    def _retype_event_if_alone(self, event_id: str, event_type: str) -> None:
        current = self.event_type(event_id)
        if current == event_type:
            return
        if self.reports_of_event(event_id) > 1:
            raise Invalid(
                f"event {event_id} is of type {current} and has other reports;"
                f" one report cannot make it {event_type}"
            )
        self.conn.execute("UPDATE events SET type = ? WHERE id = ?", (event_type, event_id))
        self.audit("edit", "event", event_id, old={"type": current}, new={"type": event_type})

    def delete_report(self, report_id: str, who: str) -> Changes:
        """Delete a report (audited, and never brought back by a merge).

        An event left without reports disappears from every list and export, but its
        row and its decisions stay: decisions are withdrawn, never deleted, and undoing
        the deletion brings the event back whole.
        """
        with self.write(who) as state:
            old = self.report_record(report_id)
            if old is None:
                raise Invalid(f"there is no report {report_id}")
            self.delete_reports([report_id])
            self.audit("delete", "report", report_id, old=old)
            self.drop_unused_names(old)
            state.touched.add(old["event_id"])
        return self.changes_of(state)

    def drop_unused_names(self, record: Mapping[str, Any]) -> None:
        """The source and the parties of a report as it was before a deletion or an edit
        (`report_record`) that no report, source or decision names any more (audited):
        each would stay a completion, a look-alike to pick, that only this report made."""
        parties = {flow[side] for flow in record["flows"] for side in ("from_party", "to_party")}
        parties.update(self._drop_unused_source(record["source_id"]))
        self.drop_unused_parties(parties)

    def _drop_unused_source(self, source_id: str) -> list[str]:
        """Delete the source if no report names it (audited); its party, to be checked."""
        if self.conn.execute(
            "SELECT 1 FROM reports WHERE source_id = ? LIMIT 1", (source_id,)
        ).fetchone():
            return []
        row = self.source_row(source_id)
        if row is None:
            return []
        self.delete_source(source_id)
        self.audit("delete", "source", source_id, old=public_record(row))
        self._state().sources = True
        return [row["party"]] if row["party"] else []

    def bring_back_source(self, source: Mapping[str, Any]) -> str:
        """The id a restored report's source stands under: its own, the source inserted
        again (audited) if a deletion or an edit took it away, or the source that holds
        its name and party now."""
        if self._source_ids_by("id", [source["id"]]):
            return str(source["id"])
        holder = self._source_ids_by("key", [source["key"]]).get(source["key"])
        if holder is not None:
            return holder
        # Its party as the ledger spells it now (another program may have made "TURKEY"
        # since "Turkey" went with the source).
        party = self.ensure_party(source["party"]) if source["party"] else None
        self.insert_sources({**source, "party": party})
        self.audit("create", "source", source["id"], new=public_record(dict(source)))
        self._state().sources = True
        return str(source["id"])

    def _bring_back_parties(self, flows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """The flows of a report being put back, each party brought back if a deletion or
        an edit being undone took it away (`drop_unused_names`), and as the ledger spells
        it now."""
        return [
            {
                **flow,
                "from_party": self.ensure_party(flow["from_party"]),
                "to_party": self.ensure_party(flow["to_party"]),
            }
            for flow in flows
        ]

    def drop_unused_parties(self, names: Iterable[str]) -> None:
        """Parties of a deleted report that nothing names any more (audited): the undo of
        a report that added a misspelt "Rusia" left it in the file, a completion above
        "Russia" that nothing in the window could remove. Restoring the report adds it
        again. A party a flow, a source or a decision names stays."""
        for name in sorted(names):
            row = self.conn.execute(UNUSED_PARTY_SQL, {"name": name}).fetchone()
            if row is not None:
                self.conn.execute("DELETE FROM parties WHERE name = ?", (name,))
                self.audit("delete", "party", name, old={"name": name, "color": row[0]})
                self._state().parties = True

    def report_operation(self, report_id: str) -> str | None:
        """The import or merge that added the report (None: entered in the window)."""
        row = self.conn.execute(
            "SELECT operation_id FROM reports WHERE id = ?", (report_id,)
        ).fetchone()
        return row[0] if row else None

    def restore_report(
        self,
        record: dict[str, Any],
        who: str,
        seq: int | None = None,
        source: Mapping[str, Any] | None = None,
    ) -> Changes:
        """Put back a deleted report exactly as `report_record` gave it (undo), at its
        place in the write order (`seq`) where known (see `replace_report`), in the
        operation that added it where the record names one (`operation_id`), and with
        its source (`source`, as `source_record` gave it) if the deletion took it away."""
        with self.write(who) as state:
            report = {k: v for k, v in record.items() if k != "flows"}
            if source is not None:
                report["source_id"] = self.bring_back_source(source)
            flows = self._bring_back_parties(record["flows"])
            self.insert_report({**report, "seq": seq or self.next_seqs()})
            self.insert_flow_records(report["id"], flows)
            self.conn.execute("DELETE FROM tombstones WHERE id = ?", (report["id"],))
            audited = {k: v for k, v in record.items() if k != "operation_id"}
            self.audit("create", "report", report["id"], new=audited)
            state.touched.add(report["event_id"])
        return self.changes_of(state)

    # ---- rows, one at a time or many: what the writes above, import and merge share ---

    def insert_events(self, events: Mapping[str, str], at: str | None = None) -> None:
        """New events (id → type) of this write's operation, in id order (one statement
        that runs without the GIL, however many)."""
        self.conn.execute(
            "INSERT INTO events (id, type, created_at, operation_id)"
            " SELECT key, value, ?, ? FROM json_each(?) ORDER BY key",
            (at or utc_now(), self._state().operation_id, json.dumps(events)),
        )

    def insert_reports(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Reports as tuples of REPORT_ROW, many at once (an import's batch)."""
        insert_many(self.conn, "reports", ", ".join(REPORT_ROW), rows)

    def insert_report(self, record: Mapping[str, Any]) -> None:
        """One report given by column (REPORT_ROW); it belongs to this write's
        operation unless it names one."""
        row = {**record, "operation_id": record.get("operation_id", self._state().operation_id)}
        self.insert_reports([tuple(row[column] for column in REPORT_ROW)])

    def update_report(self, report_id: str, values: Mapping[str, Any]) -> None:
        """Set these columns of a report (an edit, its undo, a merge's newer edit)."""
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        self.conn.execute(
            f"UPDATE reports SET {assignments} WHERE id = :id", {**values, "id": report_id}
        )

    def insert_flows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Flows as tuples of FLOW_ROW, many at once."""
        insert_many(self.conn, "flows", ", ".join(FLOW_ROW), rows)

    def insert_flow_records(self, report_id: str, flows: Iterable[Mapping[str, Any]]) -> None:
        """A report's flows as `report_record` gives them (with their positions)."""
        self.insert_flows(
            [(report_id, *(flow[column] for column in FLOW_ROW[1:])) for flow in flows]
        )

    def delete_flows(self, report_id: str) -> None:
        self.conn.execute("DELETE FROM flows WHERE report_id = ?", (report_id,))

    def delete_reports(self, report_ids: Sequence[str]) -> None:
        """Delete reports (their flows go with them), leaving a tombstone for each so
        that no merge brings them back."""
        self.conn.executemany("DELETE FROM reports WHERE id = ?", [(i,) for i in report_ids])
        self._tombstone(report_ids, "report")

    def _tombstone(self, record_ids: str | Sequence[str], entity: str) -> None:
        """Mark ids deleted here, which no merge brings back."""
        ids = [record_ids] if isinstance(record_ids, str) else record_ids
        now = utc_now()
        self.conn.executemany(
            "INSERT OR REPLACE INTO tombstones (id, entity, deleted_at) VALUES (?, ?, ?)",
            [(record_id, entity, now) for record_id in ids],
        )

    def insert_resolutions(self, *records: Mapping[str, Any]) -> None:
        """Decisions given by column; they belong to this write's operation."""
        operation_id = self._state().operation_id
        self.insert(
            "resolutions", *({**record, "operation_id": operation_id} for record in records)
        )

    def record_operation(
        self, kind: str, file: str, sha256: str, counts: Mapping[str, int]
    ) -> None:
        """The row of this write's operation (an import or a merge), which the records it
        adds point to: written first."""
        state = self._state()
        self.conn.execute(
            "INSERT INTO operations (id, kind, file, sha256, counts, who, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                state.operation_id,
                kind,
                file,
                sha256,
                json.dumps(counts, sort_keys=True),
                state.who,
                utc_now(),
            ),
        )

    def indexes_dropped_for(self, table: str, adding: int) -> list[str]:
        """For a bulk insert into `table`: its indexes dropped if the insert at least
        doubles it; the statements returned build them again (`execute_all`)."""
        return indexes_dropped_for(self.conn, table, adding)

    def execute_all(self, statements: Iterable[str]) -> None:
        for statement in statements:
            self.conn.execute(statement)

    def rebuild_derived(self) -> None:
        """The derived state of every event rebuilt from the reports and decisions."""
        self._state()
        derived.rebuild(self.conn)

    def set_operation_counts(self, counts: Mapping[str, int]) -> None:
        self.conn.execute(
            "UPDATE operations SET counts = ? WHERE id = ?",
            (json.dumps(counts, sort_keys=True), self._state().operation_id),
        )

    # ---- decisions ----------------------------------------------------------------

    def resolve(
        self,
        event_id: str,
        field: FieldKey,
        value: str,
        rationale: str,
        who: str,
        report_id: str | None = None,
    ) -> tuple[str, Changes]:
        """Record a reviewer's decision on one field of an event."""
        rationale = validation.rationale(rationale)
        who = validation.visible_name(who, "the reviewer's name")  # stored trimmed
        with self.write(who) as state:
            field, value = self._check_decision(event_id, field, value, report_id)
            resolution_id = new_id()
            flow = field.flow
            record = {
                "id": resolution_id,
                "event_id": event_id,
                "field": field.field,
                "from_party": flow.from_party if flow else "",
                "to_party": flow.to_party if flow else "",
                "category": flow.category if flow else "",
                "value": value,
                "report_id": report_id,
                "rationale": rationale,
                "resolved_by": who,
                "resolved_at": utc_now(),
                "seq": self.next_seqs(),
                "withdrawn_at": None,
                "withdrawn_by": None,
                "merged": 0,
                "operation_id": None,
            }
            self.insert_resolutions(record)
            self.audit("decide", "resolution", resolution_id, new=public_record(record))
            state.touched.add(event_id)
        return resolution_id, self.changes_of(state)

    def _check_decision(
        self,
        event_id: str,
        field: FieldKey,
        value: str,
        report_id: str | None,
        *,
        made_elsewhere: bool = False,
    ) -> tuple[FieldKey, str]:
        """The decision as `resolve` takes it, or Invalid saying why not. One `made_elsewhere`
        (in the ledger of an export folder added here) may dismiss a direction its reports
        put in doubt that a decision here settled already: two reviewers who agree."""
        inputs = next(derived.load_inputs(self.conn, [event_id]), None)
        if inputs is None or not inputs.reports:  # an event whose reports were all deleted
            raise Invalid(f"there is no event {event_id}")  # is in no list and no export
        if field.field == "date":
            value = validation.claimed_date(value)
        elif field.field == "location":
            value = validation.required_name(value, "location")
        elif field.field == "count" and field.flow is not None:
            field = FieldKey.count(self._known_flow(field.flow))
            value = str(validation.count(value))
            if not any(report.flow(field.flow) for report in inputs.reports):  # type: ignore[arg-type]
                raise Invalid(f"no report of event {event_id} states a flow {field.label()}")
        elif field.field == "direction" and field.flow is not None:
            flow = self._known_flow(field.flow)  # either flow of the pair names it
            field = FieldKey.direction(min(flow, flow.reversed()))
            in_force = {} if made_elsewhere else decisions_in_force(inputs.decisions)
            doubtful = possibly_reversed(inputs.event_type, inputs.reports, in_force)
            if field.flow not in doubtful:
                raise Invalid(f"event {event_id} has no possible reversed direction to dismiss")
            value = DISMISSED
        else:
            raise Invalid(f"'{field.field}' is not a field that can be decided")
        if report_id is not None:
            report = next((r for r in inputs.reports if r.id == report_id), None)
            if report is None:
                raise Invalid(f"report {report_id} is not a report of event {event_id}")
            if (why := unstated(report, field, value)) is not None:
                raise Invalid(why)
        return field, value

    def _known_flow(self, flow: FlowKey) -> FlowKey:
        """A flow named by a person: its parties as this file spells them."""
        from_party = self.find_party(flow.from_party) or tidy(flow.from_party)
        to_party = self.find_party(flow.to_party) or tidy(flow.to_party)
        return FlowKey(from_party, to_party, tidy(flow.category))

    def withdraw_resolution(self, resolution_id: str, who: str) -> Changes:
        """Undo a decision: it is marked withdrawn (audited), never deleted."""
        with self.write(who) as state:
            rows = list(self.db.query("SELECT * FROM resolutions WHERE id = ?", [resolution_id]))
            if not rows or rows[0]["withdrawn_at"] is not None:
                raise Invalid(f"there is no decision {resolution_id} in force")
            now = utc_now()
            self.conn.execute(
                "UPDATE resolutions SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?",
                (now, who, resolution_id),
            )
            self.audit(
                "withdraw",
                "resolution",
                resolution_id,
                old={"withdrawn_at": None},
                new={"withdrawn_at": now, "withdrawn_by": who},
            )
            state.touched.add(rows[0]["event_id"])
        return self.changes_of(state)

    def reinstate_resolution(self, resolution_id: str, who: str) -> Changes:
        """Redo of an undone decision: the withdrawn decision is in force again (audited)."""
        with self.write(who) as state:
            rows = list(self.db.query("SELECT * FROM resolutions WHERE id = ?", [resolution_id]))
            if not rows or rows[0]["withdrawn_at"] is None:
                raise Invalid(f"there is no withdrawn decision {resolution_id}")
            self.conn.execute(
                "UPDATE resolutions SET withdrawn_at = NULL, withdrawn_by = NULL WHERE id = ?",
                (resolution_id,),
            )
            self.audit(
                "reinstate",
                "resolution",
                resolution_id,
                old={
                    "withdrawn_at": rows[0]["withdrawn_at"],
                    "withdrawn_by": rows[0]["withdrawn_by"],
                },
                new={"withdrawn_at": None},
            )
            state.touched.add(rows[0]["event_id"])
        return self.changes_of(state)

    # ---- evidence -------------------------------------------------------------------

    def report_exists(self, report_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM reports WHERE id = ?", (report_id,)).fetchone()
        return row is not None

    def add_evidence(
        self, report_id: str, stored: StoredFile, description: Description, who: str
    ) -> tuple[Evidence, bool, Changes]:
        """Attach a file already in the locker to a report (audited). False if the report
        had this file already: nothing changes then."""
        with self.write(who) as state:
            if not self.report_exists(report_id):
                raise Invalid(f"there is no report {report_id}")
            existing = self.evidence_record(report_id, stored.sha256)
            if existing is not None:
                return existing, False, Changes()
            item = Evidence(
                report_id,
                stored.sha256,
                description.file_name,
                stored.media_type,
                stored.size,
                description.accessed,
                description.archive_url,
                description.note,
                who,
                utc_now(),
            )
            self.add_evidence_record(item)
            # The file's media type is the one it was first stored with (the same bytes
            # as page.txt, then as page.html): said as the list and the export say it.
            item = self.evidence_record(report_id, stored.sha256) or item
        return item, True, self.changes_of(state)

    def add_evidence_record(self, item: Evidence) -> bool:
        """Inside a write: an evidence record as given (an import or a merge keeps who
        added it and when). A link this file removed is not brought back; False if it was
        passed over. Audited one by one outside an import or a merge, whose operation the
        records point to otherwise."""
        state = self._write_state
        assert state is not None, "add_evidence_record outside a write"
        link_id = evidence_link_id(item.report_id, item.sha256)
        if self.evidence_record(item.report_id, item.sha256) is not None:
            return False
        if state.operation_id is not None and self.deleted_here(link_id):
            return False
        self.conn.execute(
            "INSERT OR IGNORE INTO evidence (sha256, size, media_type, created_at, operation_id)"
            " VALUES (?, ?, ?, ?, ?)",
            (item.sha256, item.size, item.media_type, utc_now(), state.operation_id),
        )
        self.conn.execute(
            "INSERT INTO report_evidence (report_id, sha256, file_name, accessed, archive_url,"
            " note, added_by, added_at, operation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item.report_id,
                item.sha256,
                item.file_name,
                item.accessed,
                item.archive_url,
                item.note,
                item.added_by,
                item.added_at,
                state.operation_id,
            ),
        )
        self.conn.execute("DELETE FROM tombstones WHERE id = ?", (link_id,))
        if state.operation_id is None:
            self.audit("add", "evidence", link_id, new=asdict(item))
        state.touched.add(self._event_of(item.report_id))
        return True

    def restore_evidence(self, item: Evidence, who: str) -> Changes:
        """Put back a link as `evidence_record` gave it (undo of a removal, redo of an
        add), with who added it and when (audited as an add). A link that is there
        already (another program added the file again meanwhile) is left as it is: the
        report has the file, as the undo wants."""
        with self.write(who) as state:
            self.add_evidence_record(item)
        return self.changes_of(state)

    def remove_evidence(self, report_id: str, sha256: str, who: str) -> Changes:
        """Take a file off a report (audited, and not brought back by a merge). The stored
        bytes stay: another report may use them, and evidence is never deleted silently."""
        with self.write(who) as state:
            item = self.evidence_record(report_id, sha256)
            if item is None:
                raise Invalid(f"report {report_id} has no evidence {sha256}")
            self.conn.execute(
                "DELETE FROM report_evidence WHERE report_id = ? AND sha256 = ?",
                (report_id, sha256),
            )
            link_id = evidence_link_id(report_id, sha256)
            self._tombstone(link_id, "evidence")
            self.audit("remove", "evidence", link_id, old=asdict(item))
            state.touched.add(self._event_of(report_id))
        return self.changes_of(state)

    def describe_evidence(
        self, report_id: str, sha256: str, description: Description, who: str
    ) -> Changes:
        """Change what was said of a file on a report (its name, the day it was accessed,
        the archive URL, the note), audited; its bytes, and who added it when, stay."""
        with self.write(who) as state:
            item = self.evidence_record(report_id, sha256)
            if item is None:
                raise Invalid(f"report {report_id} has no evidence {sha256}")
            if not self.set_evidence_description(item, description):
                return Changes()
        return self.changes_of(state)

    def set_evidence_description(
        self, item: Evidence, description: Description, *, changed_at: str | None = None
    ) -> bool:
        """Inside a write: say `description` of the file of `item` on its report, audited
        as an edit of the columns that differ. A merge gives the time the other file made
        that edit (`changed_at`), which its audit record carries, so that a later merge
        compares that time again. False where nothing differs."""
        state = self._write_state
        assert state is not None, "set_evidence_description outside a write"
        old, new = asdict(item.said), asdict(description)
        changed = [column for column in new if new[column] != old[column]]
        if not changed:
            return False
        self.conn.execute(
            "UPDATE report_evidence SET file_name = :file_name, accessed = :accessed,"
            " archive_url = :archive_url, note = :note"
            " WHERE report_id = :report_id AND sha256 = :sha256",
            {**new, "report_id": item.report_id, "sha256": item.sha256},
        )
        carried = {} if changed_at is None else {"changed_at": changed_at}
        self.audit(
            "edit" if changed_at is None else "merge-edit",
            "evidence",
            evidence_link_id(item.report_id, item.sha256),
            old={column: old[column] for column in changed},
            new={**{column: new[column] for column in changed}, **carried},
        )
        state.touched.add(self._event_of(item.report_id))
        return True

    def evidence_record(self, report_id: str, sha256: str) -> Evidence | None:
        row = self.conn.execute(
            "SELECT l.report_id, l.sha256, l.file_name, e.media_type, e.size, l.accessed,"
            " l.archive_url, l.note, l.added_by, l.added_at FROM report_evidence l"
            " JOIN evidence e ON e.sha256 = l.sha256 WHERE l.report_id = ? AND l.sha256 = ?",
            (report_id, sha256),
        ).fetchone()
        return Evidence(*row) if row else None

    def deleted_here(self, record_id: str) -> bool:
        """Whether this ledger deleted the record (a report, an evidence link), which no
        import or merge brings back."""
        row = self.conn.execute("SELECT 1 FROM tombstones WHERE id = ?", (record_id,)).fetchone()
        return row is not None

    def _event_of(self, report_id: str) -> str:
        row = self.conn.execute(
            "SELECT event_id FROM reports WHERE id = ?", (report_id,)
        ).fetchone()
        return str(row[0]) if row else ""

    # ---- reading --------------------------------------------------------------------

    def event_types(self) -> list[tuple[str, str]]:
        """(id, type) of every event."""
        return self.conn.execute("SELECT id, type FROM events").fetchall()

    def source_record(self, source_id: str) -> dict[str, Any]:
        row = self.source_row(source_id)
        assert row is not None, f"there is no source {source_id}"
        return row

    def source_row(self, source_id: str) -> dict[str, Any] | None:
        """A source as stored (None if there is none): what an undo needs to bring back."""
        return next(iter(self.db.query("SELECT * FROM sources WHERE id = ?", [source_id])), None)

    def resolution_records(self) -> list[dict[str, Any]]:
        """Every decision, in write order."""
        return list(self.db.query("SELECT * FROM resolutions ORDER BY seq"))

    def resolution_record(self, resolution_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM resolutions WHERE id = ?", [resolution_id]))
        return rows[0] if rows else None

    def set_withdrawal(self, resolution_id: str, withdrawn_at: str | None, by: str | None) -> None:
        """A decision withdrawn (a time and who) or in force again (None): as a merge
        carries it over from another file, which keeps its time."""
        self._state()
        self.conn.execute(
            "UPDATE resolutions SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?",
            (withdrawn_at, by, resolution_id),
        )

    def deletions(self) -> dict[str, str]:
        """The ids deleted here (tombstones), which no merge brings back, with when."""
        return dict(self.conn.execute("SELECT id, deleted_at FROM tombstones"))

    def audited(self, action: str, entity_id: str, *, old: Any) -> bool:
        """Whether the audit trail already holds this action on this record, with `old`."""
        found = self.conn.execute(
            "SELECT 1 FROM audit WHERE entity_id = ? AND action = ? AND old = ?",
            (entity_id, action, json.dumps(old, sort_keys=True, ensure_ascii=False)),
        )
        return found.fetchone() is not None

    def last_audit(self) -> int:
        """The id of the audit trail's last record (0 for none)."""
        return int(self.conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])

    def data_version(self) -> int:
        """Changes with every commit another connection makes to the file (SQLite's
        PRAGMA data_version): how the window learns of other writers."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def audit_records(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM audit ORDER BY id"))


# The columns of a row of the reports and of the flows tables, as the inserts above take
# them (not the CSV columns of import_plan.REPORT_COLUMNS).
REPORT_ROW = (
    "id",
    "event_id",
    "source_id",
    "claimed_date",
    "location",
    "quote",
    "url",
    "published",
    "credibility",
    "recorded_by",
    "recorded_at",
    "updated_at",
    "seq",
    "operation_id",
)
FLOW_ROW = ("report_id", "position", "category", "from_party", "to_party", "count", "qualifier")

EDITABLE_FIELDS = (
    "source_id",
    "claimed_date",
    "location",
    "quote",
    "url",
    "published",
    "credibility",
)
CONTENT_FIELDS = (
    "event_id",
    "claimed_date",
    "quote",
    "url",
    "published",
    "credibility",
    "recorded_by",
    "recorded_at",
)
# Who recorded a report and when, not what it says: the same spreadsheet imported into
# two ledgers gives the same reports (the same ids), recorded apart.
RECORDING_FIELDS = frozenset({"recorded_by", "recorded_at", "updated_at"})


def evidence_link_id(report_id: str, sha256: str) -> str:
    """The id of a report's link to a file, in the audit trail and the tombstones."""
    return f"{report_id} {sha256}"


def flow_content(
    from_party: str, to_party: str, category: str, count: int, qualifier: str
) -> tuple[str, str, str, int, str]:
    return (name_key(from_party), name_key(to_party), category, count, qualifier)


def unstated(report: Report, field: FieldKey, value: str) -> str | None:
    """Why a decision citing `report` cannot say it follows it, or None: it states `value`."""
    stated = stated_value(report, field)
    if stated is not None and _normal(field, stated) == _normal(field, value):
        return None
    return (
        f"report {report.id} does not state {value} for {field.label()}"
        f" (it states {stated or 'nothing'})"
    )


def _normal(field: FieldKey, value: str) -> str:
    if field.field == "location":
        return location_key(value)
    if field.field == "count":
        return str(int(value))
    return value


def public_record(record: dict[str, Any]) -> dict[Any, Any]:
    """A record without bookkeeping columns, for the audit trail."""
    hidden = {"key", "operation_id", "seq"}
    return {k: v for k, v in dict(record).items() if k not in hidden}
