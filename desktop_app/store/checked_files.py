"""Files whose whole-file check passed, remembered until they change.

SQLite's quick_check reads every page: half a second for a 300 MB ledger, the most of
what a printing command (`balance DB --csv`) costs. A file that passed it and has not
changed since need not be read whole again. "Not changed" is judged as `make` and Git
judge it, by what the file system says of the file: its device and inode, size,
modification and status-change times (the last cannot be set back by any program), and no
commits waiting in a -wal beside it. A write by any program, a copy, a restore from a
backup or a `touch` changes one of them, and the next opening checks the file whole again.

What this cannot see is damage that bypasses the file system (a failing disk changing
bytes in place); SQLite still reports a damaged page it reads as damage, and
`exchange-ledger check` always reads the whole file. Either forgets the file (`forget`),
so that its next opening reads it whole again and refuses it.

The memory is a small JSON file in the user's cache folder; if it cannot be read or
written, every opening checks the file, as if nothing were remembered.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
from pathlib import Path

REMEMBERED_FILES = 64  # the most recently checked files kept; older ones are checked again
# A file changed this shortly before its check is not remembered: file systems keep times
# to a clock tick (FAT to two seconds), so a change right after the check could leave the
# times as they were (Git's "racy clean" files).
SETTLED_SECONDS = 3.0

Identity = tuple[int, int, int, int, int]


def memo_path() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "exchange-ledger" / "checked-files.json"


def identity(path: Path) -> Identity | None:
    """What the file system says of the file now, or None when that cannot tell its
    content: commits in a -wal beside it, which the main file does not hold yet."""
    try:
        if Path(f"{path}-wal").stat().st_size > 0:
            return None
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def was_checked(path: Path, now: Identity | None) -> bool:
    """Whether the file passed a whole-file check as it is now."""
    return now is not None and _read().get(_key(path)) == list(now)


def remember_checked(path: Path, then: Identity | None) -> None:
    """Remember that the file, as `then` describes it (taken before the check began, so
    that a change during the check is not covered), passed a whole-file check."""
    if then is None or max(then[3], then[4]) > time.time_ns() - SETTLED_SECONDS * 1e9:
        return
    memo = _read()
    memo.pop(_key(path), None)
    memo[_key(path)] = list(then)
    kept = dict(list(memo.items())[-REMEMBERED_FILES:])
    _write(kept)


def is_damage(error: BaseException) -> bool:
    """SQLite's word that a page it read is damaged, or not a database page at all."""
    code = getattr(error, "sqlite_errorcode", None)
    damaged = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    return isinstance(error, sqlite3.DatabaseError) and code is not None and code & 0xFF in damaged


def forget(path: Path | None = None) -> None:
    """Forget that this file (every file, without one) passed its check: damage was found
    in it since (or, without a path, in a file whose name was not at hand)."""
    memo = _read()
    kept = {key: value for key, value in memo.items() if path is not None and key != _key(path)}
    if kept != memo:
        _write(kept)


def _key(path: Path) -> str:
    return str(path.resolve())


def _read() -> dict[str, list[int]]:
    try:
        memo = json.loads(memo_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return memo if isinstance(memo, dict) else {}


def _write(memo: dict[str, list[int]]) -> None:
    """Replaced whole, so that two programs writing it at once leave one of their
    versions, never a mix."""
    target = memo_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, scratch = tempfile.mkstemp(dir=target.parent, prefix=".checked-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(memo, out)
            os.replace(scratch, target)
        except BaseException:
            Path(scratch).unlink(missing_ok=True)
            raise
    except OSError:
        pass
