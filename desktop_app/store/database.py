"""Opening a ledger file safely.

Every file is first inspected through a read-only connection (`mode=ro`): even closing
a WAL database after a PRAGMA can rewrite it, so a file we refuse (not a database,
damaged, written by a newer version) is never opened for writing at all. An older
file is copied with SQLite's backup API before it is migrated.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .schema import MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
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


@dataclass(frozen=True)
class FileInspection:
    exists: bool
    version: int
    writable: bool


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def _check_header(path: Path) -> None:
    """Catch the cheap cases before SQLite sees the file: not SQLite, or truncated."""
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
    if size_is_valid and path.stat().st_size < page_count * page_size:
        raise DamagedFileError(f"{path} is damaged: the file is shorter than it should be.")


def inspect_file(path: Path) -> FileInspection:
    """Look at a file without writing to it; raise LedgerFileError if it is unusable."""
    if not path.exists():
        parent = path.parent if path.parent != Path("") else Path(".")
        return FileInspection(False, 0, os.access(parent, os.W_OK))
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not an Exchange Ledger file.")
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if path.stat().st_size == 0:
        return FileInspection(True, 0, writable)
    _check_header(path)
    try:
        connection = sqlite3.connect(_uri(path, "ro"), uri=True)
    except sqlite3.Error as error:
        raise LedgerFileError(f"{path} cannot be opened: {error}.") from error
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        raise DamagedFileError(f"{path} is damaged or not a database: {error}.") from error
    finally:
        connection.close()
    if problems != ["ok"]:
        raise DamagedFileError(f"{path} is damaged: {problems[0]}.")
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            f"{path} was written by a newer version of Exchange Ledger (schema {version}; "
            f"this version knows up to {SCHEMA_VERSION}). Update the program to open it."
        )
    if version == 0 and tables:
        raise NotADatabaseError(f"{path} is a SQLite database, but not an Exchange Ledger file.")
    return FileInspection(True, version, writable)


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are begun and ended explicitly."""
    if read_only:
        connection = sqlite3.connect(_uri(path, "ro"), uri=True, isolation_level=None)
    else:
        connection = sqlite3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
    return connection


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}.bak")


def backup(path: Path, target: Path) -> None:
    source = sqlite3.connect(_uri(path, "ro"), uri=True)
    try:
        destination = sqlite3.connect(str(target))
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def migrate(connection: sqlite3.Connection, from_version: int) -> None:
    """Run every migration step after `from_version`, each in its own transaction, then
    rebuild the derived state if a step asked for it (a new file has none to rebuild)."""
    steps = MIGRATIONS[from_version:]
    for version, step in enumerate(steps, start=from_version + 1):
        _in_transaction(connection, [*step.statements, f"PRAGMA user_version = {version}"])
    if from_version > 0 and any(step.rebuild_derived for step in steps):
        from .derived import rebuild

        connection.execute("BEGIN IMMEDIATE")
        try:
            rebuild(connection)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def _in_transaction(connection: sqlite3.Connection, statements: list[str]) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            connection.execute(statement)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def open_connection(
    path: Path, *, read_only: bool = False, create: bool = True
) -> tuple[sqlite3.Connection, bool]:
    """Open a ledger file, creating or migrating it as needed.

    Returns the connection and whether it is read-only (asked for, or because the
    file cannot be written).
    """
    inspection = inspect_file(path)
    if not inspection.exists and not create:
        raise LedgerFileError(f"{path} does not exist.")
    read_only = read_only or not inspection.writable
    if read_only:
        if not inspection.exists:
            raise ReadOnlyError(f"{path} does not exist and cannot be created here.")
        if inspection.version < SCHEMA_VERSION:
            raise ReadOnlyError(
                f"{path} was written by an older version and must be upgraded, "
                "but it cannot be written."
            )
        return connect(path, read_only=True), True
    if 0 < inspection.version < SCHEMA_VERSION:
        backup(path, backup_path(path, inspection.version))
    connection = connect(path, read_only=False)
    try:
        migrate(connection, inspection.version)
    except BaseException:
        connection.close()
        raise
    return connection, False
