"""Opening a ledger file safely.

Every file is first inspected through a read-only connection (`mode=ro`): even closing
a WAL database after a PRAGMA can rewrite it, so a file we refuse (not a database,
damaged, written by a newer version) is never opened for writing at all. An older
file is copied with SQLite's backup API before it is migrated.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import struct
import tempfile
import time
from collections.abc import Iterator, Sequence, Sized
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from . import checked_files
from .schema import MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
LEDGER_TABLES = {"events", "reports", "flows", "sources", "parties", "resolutions", "audit"}
BUSY_TIMEOUT_MS = 10_000


class LedgerFileError(Exception):
    """A file that cannot be used; str() says why, in words for a person."""


class NotADatabaseError(LedgerFileError):
    pass


class NewerVersionError(LedgerFileError):
    pass


class DamagedFileError(LedgerFileError):
    pass


class ReadOnlyError(LedgerFileError):
    pass


class UpgradeRefused(LedgerFileError):
    """An older file this version cannot take as it is; str() says why, without the path."""


class OlderVersionError(ReadOnlyError):
    """A file of an older version, to be read without being upgraded (or that cannot be)."""


class DiskFullError(LedgerFileError):
    """A write failed for lack of space and was rolled back."""


def is_disk_full(error: BaseException, path: Path | None = None) -> bool:
    """SQLite's SQLITE_FULL, the system's ENOSPC, or SQLite's "disk I/O error" on a file
    system without free space (growing the -shm fails so, not as SQLITE_FULL)."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_FULL or "disk is full" in str(error):
            return True
        io_error = code is not None and code & 0xFF == sqlite3.SQLITE_IOERR
        return io_error and path is not None and _no_space_left(path)
    return isinstance(error, OSError) and error.errno == errno.ENOSPC


def _no_space_left(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent if str(path.parent) else Path(".")).free < 65536
    except OSError:
        return False


def disk_full_error(path: Path) -> DiskFullError:
    return DiskFullError(
        f"{path}: there is not enough space on the disk; nothing was changed."
        " Free some space and try again."
    )


@dataclass(frozen=True)
class FileInspection:
    exists: bool
    version: int
    writable: bool


def _uri(path: Path, mode: str, snapshot: bool = False) -> str:
    """A `file:` URI. A snapshot of a file with no -shm and no commits in a -wal beside
    it is opened immutable, so that reading it leaves no trace (SQLite would create both)."""
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    side_files = _wal_pending(path) or Path(f"{path}-shm").exists()
    return uri + ("&immutable=1" if snapshot and not side_files else "")


def _side_files_can_be_made(path: Path) -> bool:
    """Whether SQLite could create a -shm beside `path` (a folder we may write, on a file
    system that is not mounted read-only)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not os.access(folder, os.W_OK):
        return False
    try:
        return not os.statvfs(folder).f_flag & os.ST_RDONLY
    except OSError:
        return False


def _wal_pending(path: Path) -> bool:
    """Whether a -wal beside the file may hold commits the main file lacks."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def _journal_pending(path: Path) -> bool:
    """Whether a -journal beside the file may hold pages to put back: a write through a
    rollback journal (`Ledger.journal_while_empty`) killed midway left the main file
    partly written. SQLite puts them back at the next read-write opening; a read-only
    connection cannot ("attempt to write a readonly database")."""
    try:
        return Path(f"{path}-journal").stat().st_size > 0
    except OSError:
        return False


def _needs_private_recovery(path: Path) -> bool:
    """A -wal with commits but no -shm beside it (a copy of both, read-only media, a
    crash after the -shm was removed): SQLite can read it only by creating a -shm, which
    a read-only reader must not do (and cannot, on read-only media). A pending -journal:
    only a writer can read the file as its last commit left it."""
    wal_alone = _wal_pending(path) and not Path(f"{path}-shm").exists()
    return wal_alone or _journal_pending(path)


def _recovery_pending(path: Path) -> bool:
    return _wal_pending(path) or _journal_pending(path)


def _recovered_copy(path: Path) -> sqlite3.Connection:
    """A read-only connection to a private copy of the file and its -wal or -journal,
    recovered by SQLite in a temporary folder and already unlinked: nothing is written
    beside `path`. Costs one copy of the file, only where a reader needs it."""
    with tempfile.TemporaryDirectory(prefix="exchange-ledger-") as folder:
        copy = Path(folder) / "recovered.db"
        shutil.copyfile(path, copy)
        for side in ("-wal", "-journal"):
            if Path(f"{path}{side}").exists():
                shutil.copyfile(f"{path}{side}", f"{copy}{side}")
        writer = sqlite3.connect(str(copy), isolation_level=None)
        try:
            writer.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            writer.close()
        connection = sqlite3.connect(
            f"file:{quote(str(copy))}?mode=ro&immutable=1", uri=True, isolation_level=None
        )
        connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # opens the file
    return connection


def _check_header(path: Path) -> None:
    """Catch the cheap cases before SQLite sees the file: not SQLite, or truncated.

    The size the header gives is judged only without commits in a -wal beside the file:
    a checkpoint killed midway (or stopped by a full disk) leaves the main file shorter
    than its header says, and SQLite's recovery from the -wal makes it whole again. So
    does a write through a rollback journal killed midway, put back from the -journal.
    """
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_MAGIC):
        raise NotADatabaseError(f"{path} is not an Exchange Ledger file (not a SQLite database).")
    if len(header) < 100:
        raise DamagedFileError(f"{path} is damaged: its header is cut short.")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedFileError(f"{path} is damaged: its header names an impossible page size.")
    page_count, change_counter = struct.unpack(">I", header[28:32])[0], header[24:28]
    size_is_valid = header[92:96] == change_counter and page_count > 0
    shorter = size_is_valid and path.stat().st_size < page_count * page_size
    if shorter and not _recovery_pending(path):
        raise DamagedFileError(f"{path} is damaged: the file is shorter than it should be.")


_EARLY: dict[Path, Future[FileInspection]] = {}


def inspect_early(path: Path) -> None:
    """Start inspecting a file in a thread, for the next `inspect_file` of it to use.

    SQLite's quick_check reads the whole file (half a second at 400 MB) with the GIL let
    go: started before the program imports Qt, it runs beside those imports.
    """
    key = path.resolve()
    if key not in _EARLY:
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inspect")
        _EARLY[key] = pool.submit(_inspect, path)
        pool.shutdown(wait=False)  # the thread ends with the inspection


def inspect_file(path: Path, *, quick_check: bool = True) -> FileInspection:
    """Look at a file without writing to it; raise LedgerFileError if it is unusable.
    Without `quick_check`, the pages are not read: the caller runs the check itself
    (`inspect_early`, then this function again) before it trusts what it read."""
    if not quick_check:
        return _inspect(path, quick_check=False)
    early = _EARLY.pop(path.resolve(), None)
    return early.result() if early is not None else _inspect(path)


def side_files_not_writable(path: Path) -> list[Path]:
    """The -wal and -shm beside `path` that this user cannot write: left by another user's
    program (a colleague who read the ledger in a shared folder). SQLite writes through
    them, so the file, writable itself, can only be read ("attempt to write a readonly
    database" at the first change, before)."""
    if not os.access(path, os.W_OK):
        return []  # the file itself is read-only here: its side files are not the reason
    sides = (Path(f"{path}-wal"), Path(f"{path}-shm"))
    # Asked in this order: a side file that SQLite or another program removes between the
    # two questions is gone, not unwritable (asked the other way round, it made a merge
    # refuse a writable ledger as read-only, now and then, when its -wal went meanwhile).
    return [side for side in sides if not os.access(side, os.W_OK) and side.exists()]


def side_files_absent(path: Path) -> bool:
    """Neither a -wal nor a -shm beside `path`: the file at rest."""
    return not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))


# The byte of a -shm on which every connection to the file, of any process, holds a
# shared lock while it is open (SQLite's unix VFS: UNIX_SHM_DMS, after the 8 lock bytes
# that start at 120).
_SHM_DMS_BYTE = 128


def remove_idle_side_files(path: Path) -> bool:
    """Remove the empty -wal and the -shm that a read-only connection made beside a file
    at rest, once no connection of any process has the file open (an exclusive lock on
    the -shm's DMS byte says so, as it tells SQLite itself). Left, they belong to this
    user: another user who owns the file can then only read it (SQLite cannot write a
    -shm it may not write), so a colleague who only looked at a ledger in a shared folder
    kept its owner from writing it. True if they were removed."""
    try:
        import fcntl  # POSIX: elsewhere SQLite's side files are left as they are
    except ImportError:
        return False
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        if wal.is_symlink() or wal.stat().st_size != 0:
            return False
        descriptor = os.open(shm, os.O_RDWR | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
        if wal.stat().st_size != 0:  # a writer came in meanwhile
            return False
        wal.unlink()
        shm.unlink()
        return True
    except OSError:  # another connection holds the file open, or the folder refuses
        return False
    finally:
        os.close(descriptor)  # and the lock with it


def _inspect(path: Path, *, quick_check: bool = True) -> FileInspection:
    if not path.exists():
        parent = path.parent if path.parent != Path("") else Path(".")
        return FileInspection(False, 0, os.access(parent, os.W_OK))
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not an Exchange Ledger file.")
    if not path.is_file():  # read, a pipe waits for a writer; SQLite's open of it fails
        raise NotADatabaseError(
            f"{path} is not a regular file (a pipe, a device or a socket), not an"
            " Exchange Ledger file."
        )
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    writable = writable and not side_files_not_writable(path)
    if path.stat().st_size == 0:
        return FileInspection(True, 0, writable)
    _check_header(path)
    now = checked_files.identity(path) if quick_check else None
    checking = quick_check and not checked_files.was_checked(path, now)
    try:
        version, tables, problems = _read_inspection(path, checking)
    except DamagedFileError:
        checked_files.forget(path)  # taken as checked, found damaged: read it whole next time
        raise
    if problems != ["ok"]:
        raise DamagedFileError(f"{path} is damaged: {problems[0]}.")
    if version < 0:
        raise NotADatabaseError(
            f"{path} is not an Exchange Ledger file (its schema version, {version},"
            " is not one this program writes)."
        )
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            f"{path} was written by a newer version of Exchange Ledger (schema {version}; "
            f"this version knows up to {SCHEMA_VERSION}). Update the program to open it."
        )
    if (version == 0 and tables) or (version > 0 and not tables >= LEDGER_TABLES):
        raise NotADatabaseError(f"{path} is a SQLite database, but not an Exchange Ledger file.")
    if checking:
        checked_files.remember_checked(path, now)
    return FileInspection(True, version, writable)


def _read_inspection(path: Path, quick_check: bool = True) -> tuple[int, set[str], list[str]]:
    """user_version, table names and quick_check, read without leaving a trace.

    A file without -wal and -shm beside it is read as immutable, so that SQLite creates
    neither; a file that has them (another program has it open, or crashed) is read
    through them, since its last commits may live there.
    """
    try:
        if _needs_private_recovery(path):
            connection = _recovered_copy(path)
        else:
            connection = sqlite3.connect(_uri(path, "ro", snapshot=True), uri=True)
    except sqlite3.OperationalError as error:
        raise LedgerFileError(f"{path} cannot be opened: {error}.") from error
    except sqlite3.DatabaseError as error:  # the private recovery read it: not a database
        raise DamagedFileError(f"{path} is damaged or not a database: {error}.") from error
    except (sqlite3.Error, OSError) as error:
        raise LedgerFileError(f"{path} cannot be opened: {error}.") from error
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        problems = ["ok"]
        if quick_check:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        if is_disk_full(error, path):  # reading a -wal needs room to grow the -shm
            raise disk_full_error(path) from error
        raise DamagedFileError(f"{path} is damaged or not a database: {error}.") from error
    finally:
        connection.close()
    return version, tables, problems


def connect(path: Path, *, read_only: bool, snapshot: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are begun and ended explicitly.
    A `snapshot` reads the file as it is now and leaves nothing beside it."""
    if read_only and _needs_private_recovery(path):
        connection = _recovered_copy(path)
    elif read_only:
        # Where no -shm can be made beside the file (read-only media, a folder we may not
        # write) SQLite cannot read a WAL file at all: read it as it is, immutable.
        uri = _uri(path, "ro", snapshot or not _side_files_can_be_made(path))
        connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    else:
        connection = sqlite3.connect(str(path), isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            _ask_for_wal(connection)
            connection.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as error:
        connection.close()
        if is_disk_full(error, path):
            raise disk_full_error(path) from error
        if is_busy(error):
            raise LedgerFileError(
                f"{path} is being written by another program (an import into it, say) and"
                f" stayed busy for {BUSY_TIMEOUT_MS // 1000} s; nothing was changed. Open it"
                " again once that program is done."
            ) from error
        raise
    return connection


def _ask_for_wal(connection: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting up to the busy timeout for another program
    that writes it through a rollback journal (an import into an empty ledger, see
    Ledger.journal_while_empty): SQLite refuses the change at once while that program
    holds the write lock, without waiting as for any other statement (a reader that
    wants to write could otherwise wait for a writer that waits for it)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def switch_journal(connection: sqlite3.Connection, mode: str, *, wait: bool) -> bool:
    """Set the journal mode ("wal" or "delete"); True if SQLite took it. Leaving WAL
    needs the file's only connection: SQLite refuses while another is open, in this
    process or another, at once where not asked to `wait`."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS if wait else 0}")
    try:
        (now,) = connection.execute(f"PRAGMA journal_mode = {mode}").fetchone()
    except sqlite3.OperationalError:
        return False
    finally:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return str(now).lower() == mode


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}.bak")


def free_backup_path(path: Path, version: int) -> Path:
    """`backup_path`, or where something already lies there (an earlier backup, a file
    of the person's own), the first free `NAME.vV.N.bak`: a backup never replaces a file."""
    target = backup_path(path, version)
    number = 2
    while target.exists() or target.is_symlink():
        target = path.with_name(f"{path.name}.v{version}.{number}.bak")
        number += 1
    return target


def backup(path: Path, target: Path) -> None:
    """Copy the ledger with SQLite's backup API into a new file `target`, written under a
    temporary name and linked into place: never over an existing file, never half."""
    handle, scratch_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".partial", dir=target.parent
    )
    os.close(handle)
    scratch = Path(scratch_name)
    try:
        source = sqlite3.connect(_uri(path, "ro", snapshot=True), uri=True)
        try:
            destination = sqlite3.connect(str(scratch))
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
        os.link(scratch, target)
    except sqlite3.Error as error:
        if is_disk_full(error, target):
            raise DiskFullError(
                f"{path} must be upgraded behind a backup copy, but there is not enough"
                " space on the disk for the copy; nothing was changed."
            ) from error
        raise
    finally:
        scratch.unlink(missing_ok=True)


def migrate(connection: sqlite3.Connection, from_version: int) -> None:
    """Run every migration step after `from_version` and then the rebuild of the derived
    state a step asked for (a new file has none to rebuild), all in one transaction: a
    kill or a full disk anywhere in between leaves the file as it was before, never at
    the new version with stale derived state."""
    steps = MIGRATIONS[from_version:]
    if not steps:
        return
    # A step that replaces tables runs with foreign keys off (SQLite's way to alter a
    # table: dropping the old one must not cascade to the rows that refer to it); the
    # pragma is taken only outside a transaction. They are checked before the commit.
    keys_off = any(step.rebuilds_tables for step in steps)
    if keys_off:
        connection.execute("PRAGMA foreign_keys = OFF")
    try:
        _migrate_steps(connection, from_version, steps, check_keys=keys_off)
    finally:
        if keys_off:
            connection.execute("PRAGMA foreign_keys = ON")


def _migrate_steps(
    connection: sqlite3.Connection, from_version: int, steps: list[Any], *, check_keys: bool
) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        for version, step in enumerate(steps, start=from_version + 1):
            views = _views_taken_away(connection) if step.rebuilds_tables else []
            for statement in step.statements:
                connection.execute(statement)
            if step.python is not None:
                step.python(connection)
            for sql in views:
                connection.execute(sql)
            connection.execute(f"PRAGMA user_version = {version}")
        if from_version > 0 and any(step.rebuild_derived for step in steps):
            from .derived import rebuild

            rebuild(connection)
        if check_keys and connection.execute("PRAGMA foreign_key_check").fetchone():
            raise UpgradeRefused("its references do not hold: a record names one that is gone")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _views_taken_away(connection: sqlite3.Connection) -> list[str]:
    """Drop every view; return the statements that create them again. A step that rebuilds
    a table (copy, drop, rename the copy) needs them gone: SQLite refuses the rename while
    a view names the dropped table ("error in view v_events: no such table")."""
    views = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'view' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in views:
        connection.execute(f'DROP VIEW "{name}"')
    return [sql for _, sql in views]


class Opened(NamedTuple):
    """A ledger file opened: its connection, whether it is read-only (asked for, or
    because the file cannot be written), and the backup an upgrade of it just made."""

    connection: sqlite3.Connection
    read_only: bool
    backup: Path | None = None


def open_connection(
    path: Path,
    *,
    read_only: bool = False,
    create: bool = True,
    upgrade: bool = True,
    snapshot: bool = False,
    quick_check: bool = True,
    keep_backup: bool = True,
) -> Opened:
    """Open a ledger file, creating or migrating it as needed.

    A file of an older version is migrated behind a backup copy even
    when only reading is asked for, if it can be written and `upgrade` allows it.
    A read-only `snapshot` leaves no -wal or -shm file beside a file that had none.
    Without `quick_check` (only for reading), the caller checks the pages itself.
    Without `keep_backup`, no backup is made (a scratch copy, which is a backup itself).
    """
    inspection = inspect_file(path, quick_check=quick_check or not read_only)
    if not inspection.exists and not create:
        raise LedgerFileError(f"{path} does not exist.")
    if inspection.exists and inspection.version == 0 and (read_only or not create):
        # An empty file, or SQLite's with no tables: only a writer that may create a
        # ledger (the window, an import) makes one of it; nothing else touches it.
        empty = path.stat().st_size == 0
        raise NotADatabaseError(
            f"{path} is {'an empty file' if empty else 'an empty SQLite database'}:"
            " it holds no Exchange Ledger."
        )
    older = 0 < inspection.version < SCHEMA_VERSION
    saved = None
    if read_only and older and inspection.writable and upgrade:
        upgraded, saved = _upgrade(path, inspection.version, keep_backup)
        upgraded.close()
        older = False
    read_only = read_only or not inspection.writable
    if read_only:
        if not inspection.exists:
            raise ReadOnlyError(f"{path} does not exist and cannot be created here.")
        if older:
            raise OlderVersionError(
                f"{path} was written by an older version of Exchange Ledger and must be"
                " upgraded before it can be read, but it cannot be written here."
                " Copy it somewhere writable and open the copy."
            )
        return Opened(connect(path, read_only=True, snapshot=snapshot), True, saved)
    connection, saved = _upgrade(path, inspection.version, keep_backup)
    return Opened(connection, False, saved)


def _check_values_before_upgrade(path: Path) -> None:
    """The upgrade makes every table STRICT, with CHECK constraints: a value that another
    program stored and the rules refuse would stop it midway. Looked for first, through
    a read-only connection, so that such a file is refused untouched (no backup either)."""
    from .values import refused_by_constraints

    connection = connect(path, read_only=True, snapshot=True)
    try:
        problems = refused_by_constraints(connection)
    finally:
        connection.close()
    if problems:
        raise UpgradeRefused(
            f"{path} cannot be upgraded: it holds a value this version cannot keep:"
            f" {problems[0]}. Correct it (the sqlite3 shell can) and open the file again;"
            " nothing was changed."
        )


def _upgrade(
    path: Path, version: int, keep_backup: bool = True
) -> tuple[sqlite3.Connection, Path | None]:
    """A writable connection on a file brought to the current schema, and the backup
    made first (None for a file of the current version, or without `keep_backup`)."""
    saved = None
    if 0 < version < SCHEMA_VERSION:
        _check_values_before_upgrade(path)
        if keep_backup:
            saved = free_backup_path(path, version)
            backup(path, saved)
    connection = connect(path, read_only=False)
    try:
        migrate(connection, version)
    except BaseException as error:
        connection.close()
        # The upgrade is one transaction: failed, it left the file as it was, and its copy
        # is no backup of anything (each refused try left one more NAME.vN.M.bak).
        if saved is not None:
            saved.unlink(missing_ok=True)
        if is_disk_full(error, path):
            raise disk_full_error(path) from error
        if isinstance(error, UpgradeRefused):
            raise UpgradeRefused(f"{path} cannot be upgraded: {error}.") from error
        if is_busy(error):
            raise LedgerFileError(
                f"{path} was written by an older version and must be upgraded, which needs"
                " it alone for a moment, but another program is writing it: close that"
                " program (or wait until it is done) and open the file again; nothing was"
                " changed."
            ) from error
        raise
    return connection, saved


def is_busy(error: BaseException) -> bool:
    """SQLite's "database is locked" or "busy": another connection holds the lock."""
    text = str(error)
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def placeholders(items: Sized) -> str:
    """One `?` per item, for `IN (…)`: "?,?,?"."""
    return ",".join("?" * len(items))


IDS_PER_STATEMENT = 500  # ids bound to one `IN (…)`, well under SQLite's limit of variables


def chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    """`items` a statement's worth at a time, for `IN (…)`."""
    for start in range(0, len(items), IDS_PER_STATEMENT):
        yield items[start : start + IDS_PER_STATEMENT]


ROWS_PER_STATEMENT = 200  # rows of a bulk insert bound to one INSERT … VALUES statement


def insert_many(
    connection: sqlite3.Connection, table: str, columns: str, rows: Sequence[tuple[Any, ...]]
) -> None:
    """These rows, each a value for each of `columns` ("a, b, c"), inserted into `table`.

    Many rows go ROWS_PER_STATEMENT to a statement (`VALUES (…), (…), …`), in their
    order: a STRICT table's `CHECK (x IN (…))` builds its list anew each time a
    statement runs, which executemany does once per row (400,000 flows: 2.2 s instead
    of 0.6 s), and each run of a statement costs a little besides."""
    width = columns.count(",") + 1
    into = f"INSERT INTO {table} ({columns})"
    if len(rows) < ROWS_PER_STATEMENT:
        connection.executemany(_values(into, width, 1), rows)
        return
    if set(map(len, rows)) != {width}:  # a short row would shift every later value
        raise sqlite3.ProgrammingError(f"{into}: each row must have {width} values")
    per = ROWS_PER_STATEMENT
    full = len(rows) - len(rows) % per
    connection.executemany(
        _values(into, width, per),
        (tuple(chain.from_iterable(rows[start : start + per])) for start in range(0, full, per)),
    )
    if full < len(rows):
        rest = rows[full:]
        connection.execute(_values(into, width, len(rest)), tuple(chain.from_iterable(rest)))


def _values(into: str, width: int, rows: int) -> str:
    one = f"({', '.join('?' * width)})"
    return f"{into} VALUES {', '.join([one] * rows)}"


BULK_INDEX_MINIMUM = 50_000  # rows an insert adds before indexes are built after it


def indexes_dropped_for(connection: sqlite3.Connection, table: str, adding: int) -> list[str]:
    """For an insert that at least doubles a large table, its secondary indexes dropped,
    to be built again afterwards by the statements returned: one sort beats 100,000s of
    scattered b-tree insertions. Inside the write transaction, so that a failure or a
    kill takes nothing away (a rollback brings them back)."""
    if adding < BULK_INDEX_MINIMUM:
        return []  # without counting the table: every small write comes by here
    if adding < connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]:
        return []
    indexes = connection.execute(
        "SELECT name, sql FROM sqlite_master"
        " WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table,),
    ).fetchall()
    for name, _ in indexes:
        connection.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in indexes]


def _in_wal_mode(path: Path) -> None:
    """A copy (VACUUM INTO writes a rollback-journal file) in WAL mode, as every ledger
    is: otherwise the first program to open it for writing would change its header, even
    for an import it then refuses."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()


def copy_to(connection: sqlite3.Connection, target: Path) -> None:
    """A self-contained, consistent copy of an open ledger in `target` (SQLite's `VACUUM
    INTO`): one file, every commit in it, also while other programs have the ledger open.
    Written under a temporary name beside `target` and linked into place, so that
    `target` never exists half-written and an existing file is never replaced."""
    if target.exists() or target.is_symlink():
        raise LedgerFileError(f"{target} already exists: choose a name that is not taken.")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise LedgerFileError(f"{folder} is not a folder: the copy was not written.")
    try:
        handle, scratch_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".partial", dir=folder
        )
    except OSError as error:  # a folder this user may not write: said of the folder
        raise LedgerFileError(
            f"{folder} cannot be written ({error.strerror or error}): the copy was not written."
        ) from error
    os.close(handle)
    scratch = Path(scratch_name)
    scratch.unlink()  # VACUUM INTO writes only into a file that is empty or absent
    try:
        connection.execute("VACUUM INTO ?", (str(scratch),))
        _in_wal_mode(scratch)
        try:
            os.link(scratch, target)
        except FileExistsError:
            raise LedgerFileError(
                f"{target} already exists: choose a name that is not taken."
            ) from None
    except sqlite3.Error as error:
        if is_disk_full(error, target):
            raise LedgerFileError(
                f"{target}: there is not enough space on the disk; the copy was not written."
            ) from error
        raise LedgerFileError(f"{target} could not be written: {error}.") from error
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise LedgerFileError(
                f"{target}: there is not enough space on the disk; the copy was not written."
            ) from error
        raise
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):  # -shm too, since it is put in WAL
            leftover = Path(f"{scratch}{suffix}")
            leftover.unlink(missing_ok=True)
