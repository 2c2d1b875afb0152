"""The evidence locker: files that back reports, stored by content beside the ledger.

`NAME.db` keeps its evidence in the folder `NAME.evidence/` beside it, one read-only file
per SHA-256 of its bytes, so that the same file added twice is stored once. A file is
hashed and copied in one pass, in fixed-size chunks (a 4 GB video never needs 4 GB of
memory), into a new temporary file in that folder, which is flushed to the disk and only
then renamed to its hash: a cancelled or failed copy leaves nothing under a hash name,
and no record. The record is written afterwards, in a short write of the `Ledger`.

Stored bytes are never changed or deleted by the program: removing evidence from a report
removes the link (audited), never the file, which another report may use and which is
the record of what was seen. `verify` re-hashes every stored file.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import json
import mimetypes
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import validation
from ..domain.validation import Invalid
from .import_plan import Cancelled

if TYPE_CHECKING:
    from .ledger import Changes, Ledger

CHUNK_SIZE = 1 << 20  # bytes read, hashed and written at a time
EVIDENCE_COLUMNS = (
    "report_id",
    "sha256",
    "file_name",
    "media_type",
    "size",
    "accessed",
    "archive_url",
    "note",
    "added_by",
    "added_at",
)
EVIDENCE_FILE = "evidence.csv"
EVIDENCE_FOLDER = "evidence"  # of an export folder: DIR/evidence/SHA256
SHA256_NAME = re.compile("[0-9a-f]{64}")  # a file's name there

VERIFIED, ALTERED, MISSING = "verified", "altered", "missing"

# Progress of a long copy or check: (bytes done, bytes in all); False asks to stop.
Progress = Callable[[int, int], bool]

# What the standard table (read without the system's files, so that every machine guesses
# alike) lacks for the formats researchers save pages in.
_EXTRA_TYPES = {
    ".warc": "application/warc",
    ".wacz": "application/wacz",
    ".mhtml": "multipart/related",
    ".mht": "multipart/related",
    ".webm": "video/webm",
    ".mkv": "video/x-matroska",
}


@functools.cache
def _mime_types() -> mimetypes.MimeTypes:
    """Python's table of media types with the system's: made when a file is first named,
    not at each start of a command that names none (it reads /etc/mime.types: 10 ms)."""
    types = mimetypes.MimeTypes()
    for extension, media_type in _EXTRA_TYPES.items():
        types.add_type(media_type, extension)
    return types


# The first bytes of the formats most often kept as evidence: they outweigh a wrong name.
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"WARC/", "application/warc"),
)
UNKNOWN_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class StoredFile:
    """A file now in the locker."""

    sha256: str
    size: int
    media_type: str


@dataclass(frozen=True)
class Evidence:
    """A file attached to a report, as the ledger records it (a row of evidence.csv)."""

    report_id: str
    sha256: str
    file_name: str
    media_type: str
    size: int
    accessed: str = ""
    archive_url: str = ""
    note: str = ""
    added_by: str = ""
    added_at: str = ""

    def as_tuple(self) -> tuple[str | int, ...]:
        return tuple(getattr(self, column) for column in EVIDENCE_COLUMNS)

    @property
    def said(self) -> Description:
        """What was said of the file when it was added (or last corrected)."""
        return Description(self.file_name, self.accessed, self.archive_url, self.note)


@dataclass(frozen=True)
class Description:
    """What the researcher says of a file: validated by `describe`."""

    file_name: str
    accessed: str = ""
    archive_url: str = ""
    note: str = ""


def describe(
    file_name: str, accessed: str = "", archive_url: str = "", note: str = ""
) -> Description:
    """The researcher's words about a file, checked: a real day not in the future, an
    http(s) URL (typed, never fetched). The name is kept as typed, trimmed: it is only
    shown (the stored copy is named by its SHA-256), and "MoD statement 13/06/2025.pdf"
    was kept as "2025.pdf", read as a path; a file added from a path gives its own name."""
    name = file_name.strip()
    if not name:
        raise Invalid("the evidence file needs a name")
    return Description(
        name, validation.accessed_date(accessed), validation.archive_url(archive_url), note
    )


def evidence_folder(db_path: Path) -> Path:
    """`NAME.evidence/` beside `NAME.db`: beside the file itself where `db_path` is a
    link to it, as SQLite keeps its -wal there. Opened through a link, a file's evidence
    went beside the link, and opened by its own name (as Open recent does), it was missing."""
    real = db_path.resolve()
    return real.with_name(f"{real.stem if real.suffix == '.db' else real.name}.evidence")


def guess_media_type(name: str, head: bytes) -> str:
    """From the first bytes where they are telling, else from the name."""
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    by_name, _ = _mime_types().guess_type(name, strict=False)
    if head[4:8] == b"ftyp" and not (by_name or "").startswith(("video/", "audio/")):
        return "video/mp4"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return by_name or UNKNOWN_TYPE


def human_size(size: int) -> str:
    """1,536 bytes → "1.5 KB" (decimal units, as file managers show them)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"  # pragma: no cover - the loop returns at GB


# ---- storing ------------------------------------------------------------------------


def _open_source(path: Path) -> Any:
    """The file to add, open for reading; a sentence if it cannot be. Opened without
    waiting (O_NONBLOCK): a named pipe would block the open until a writer came, and
    `evidence add` hung there for ever instead of refusing it."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            raise IsADirectoryError(path)
        handle = os.fdopen(descriptor, "rb")
    except FileNotFoundError:
        raise Invalid(f"{path} does not exist") from None
    except IsADirectoryError:
        raise Invalid(f"{path} is a folder, not a file") from None
    except PermissionError:
        raise Invalid(f"{path} cannot be read: permission denied") from None
    except OSError as error:
        raise Invalid(f"{path} cannot be read: {error.strerror or error}") from None
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise Invalid(f"{path} is not a regular file")
    return handle


def ensure_folder(folder: Path) -> Path:
    """The locker folder, created if missing; a link or a file there is refused (the
    evidence is never written through a link)."""
    with contextlib.suppress(FileExistsError):
        folder.mkdir()
    if folder.is_symlink() or not folder.is_dir():
        raise Invalid(f"{folder} is not a folder: the evidence cannot be stored there")
    return folder


def store_file(folder: Path, source: Path, progress: Progress | None = None) -> StoredFile:
    """Copy `source` into the locker `folder` under its SHA-256, hashing as it copies.

    `progress` is told the bytes done after each chunk; returning False cancels: the
    temporary copy is removed and `Cancelled` raised, nothing is left behind.
    """
    with _open_source(source) as handle:
        before = os.fstat(handle.fileno())

        def unchanged() -> bool:
            """A file still being written (a download, a recording) would be stored as a
            mix of its states, under a hash that neither state has."""
            after = os.fstat(handle.fileno())
            return (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

        ensure_folder(folder)  # a link or a file in its place refused before anything
        held = _held_copy(folder, handle.read, before.st_size, source.name, progress)
        if held is not None and unchanged():
            return held
        handle.seek(0)
        return store_stream(
            folder, handle.read, before.st_size, source.name, progress, unchanged=unchanged
        )


def _held_copy(
    folder: Path, read: Callable[[int], bytes], total: int, name: str, progress: Progress | None
) -> StoredFile | None:
    """The locker's intact copy of these bytes, where it holds a file of their very size:
    a file added again (to another report, say) is hashed, not copied (a 5 GB video was
    written again beside its copy, then put in its place; on a nearly full disk, refused).
    None where the locker holds no such copy (or an altered one, which the copy repairs)."""
    sizes = {entry.stat(follow_symlinks=False).st_size for entry in os.scandir(folder)}
    if total not in sizes:
        return None
    sha256, size, head = _copy(read, None, total, progress)
    state = known_state(folder, sha256, size) or stored_state(folder, sha256, progress)
    return StoredFile(sha256, size, guess_media_type(name, head)) if state == VERIFIED else None


def store_stream(
    folder: Path,
    read: Callable[[int], bytes],
    total: int,
    name: str,
    progress: Progress | None = None,
    expected: str | None = None,
    unchanged: Callable[[], bool] | None = None,
) -> StoredFile:
    """`store_file` from a reader. With `expected`, bytes that do not hash to it are
    refused (a copy from an export folder or another ledger): nothing is stored; so are
    bytes read while `unchanged` turned false (the file was written meanwhile)."""
    from .exporter import _new_temporary  # the export's link-safe new file, shared

    ensure_folder(folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        held = _already_stored(folder, read, total, name, progress)
        if expected is not None and held.sha256 != expected:
            raise _other_bytes(name, expected, held.sha256)
        return held
    descriptor, temporary = _new_temporary(folder / "evidence")
    try:
        with os.fdopen(descriptor, "wb") as out, _disk_full_said(folder, name):
            sha256, size, head = _copy(read, out.write, total, progress)
            out.flush()
            os.fsync(out.fileno())
        if expected is not None and sha256 != expected:
            raise _other_bytes(name, expected, sha256)
        if unchanged is not None and not unchanged():
            raise Invalid(
                f"{name} changed while it was being copied (is it still being written?):"
                " nothing was added; add it again once it is complete"
            )
        os.chmod(temporary, 0o444)
        # Over a copy already there: the same bytes, or a copy someone altered, repaired.
        os.replace(temporary, folder / sha256)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(folder)
    # Just hashed as it was written: a large file is shown verified at once, not "not
    # checked yet" until someone verifies it.
    stored = folder / sha256
    info = stored.lstat()
    _remember(stored, (info.st_size, info.st_mtime_ns, info.st_ino), VERIFIED)
    return StoredFile(sha256, size, guess_media_type(name, head))


@contextlib.contextmanager
def _disk_full_said(folder: Path, name: str) -> Iterator[None]:
    """A full disk said in a sentence naming the evidence folder whose disk it is (it
    named the file being added, in the system's words: "[Errno 28] No space left…")."""
    try:
        yield
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise
        raise Invalid(
            f"the disk of {folder} is full: {name} was not added to the evidence;"
            " make room there and add it again"
        ) from None


def check_stream(
    read: Callable[[int], bytes], name: str, expected: str, progress: Progress | None = None
) -> int:
    """What `store_stream` checks before it accepts a copy, storing nothing (a dry run):
    the bytes hash to `expected`. Returns their size."""
    sha256, size, _ = _copy(read, None, 0, progress)
    if sha256 != expected:
        raise _other_bytes(name, expected, sha256)
    return size


def _other_bytes(name: str, expected: str, found: str) -> Invalid:
    return Invalid(
        f"{name}: its bytes do not match its SHA-256 (expected {expected},"
        f" found {found}); it was not accepted"
    )


def _already_stored(
    folder: Path, read: Callable[[int], bytes], total: int, name: str, progress: Progress | None
) -> StoredFile:
    """A locker that cannot be written (read-only media, the ledger writable): the bytes
    are hashed, not copied, and a file the locker holds already is added; another is
    refused in a sentence naming the folder (the copy was made again, then failed naming
    a hidden temporary file)."""
    sha256, size, head = _copy(read, None, total, progress)
    if not _is_plain_file(folder / sha256):
        raise Invalid(f"{folder} cannot be written: {name} was not added to the evidence")
    return StoredFile(sha256, size, guess_media_type(name, head))


def _copy(
    read: Callable[[int], bytes],
    write: Callable[[bytes], Any] | None,
    total: int,
    progress: Progress | None,
) -> tuple[str, int, bytes]:
    """Hash (and write) what `read` gives, chunk by chunk: the SHA-256, the size and the
    first bytes (for the media type)."""
    hasher = hashlib.sha256()
    size, head = 0, b""
    while chunk := read(CHUNK_SIZE):
        if not head:
            head = chunk[:64]
        hasher.update(chunk)
        if write is not None:
            write(chunk)
        size += len(chunk)
        if progress is not None and not progress(size, max(total, size)):
            raise Cancelled()
    return hasher.hexdigest(), size, head


def _sync_folder(folder: Path) -> None:
    """The rename made durable: the folder's entry flushed too (where the system can)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def attach_file(
    ledger: Ledger,
    report_id: str,
    source: Path,
    who: str,
    *,
    accessed: str = "",
    archive_url: str = "",
    note: str = "",
    progress: Progress | None = None,
) -> tuple[Evidence, bool, Changes]:
    """Add a file to a report: everything checked first (so that a bad date does not cost
    a 4 GB copy), then the bytes stored, then the record written. True if the report did
    not yet have this file."""
    if ledger.read_only:
        from .database import ReadOnlyError

        raise ReadOnlyError(f"{ledger.path} is open read-only: no evidence can be added.")
    description = describe(source.name, accessed, archive_url, note)
    if not ledger.report_exists(report_id):
        raise Invalid(f"there is no report {report_id}")
    _open_source(source).close()
    stored = store_file(evidence_folder(ledger.path), source, progress)
    return ledger.add_evidence(report_id, stored, description, who)


# ---- checking -----------------------------------------------------------------------


def hash_file(path: Path, progress: Progress | None = None) -> tuple[str, int]:
    with path.open("rb") as handle:
        total = os.fstat(handle.fileno()).st_size
        sha256, size, _ = _copy(handle.read, None, total, progress)
    return sha256, size


def stored_state(folder: Path, sha256: str, progress: Progress | None = None) -> str:
    """verified, altered (other bytes, or not a plain file) or missing."""
    path = folder / sha256
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return MISSING
    if not stat.S_ISREG(mode):
        return ALTERED
    try:
        found, _ = hash_file(path, progress)
    except PermissionError:
        return ALTERED
    return VERIFIED if found == sha256 else ALTERED


_CHECKED: dict[Path, tuple[tuple[int, int, int], str]] = {}
QUICK_CHECK_LIMIT = 64 * 1000 * 1000  # bytes hashed on the spot when a pane lists a file


def known_state(folder: Path, sha256: str, size: int) -> str | None:
    """What a pane can say at once: missing, altered (the size differs), or the result of
    the last hash of this very file (same size, time and inode), else — for a small file —
    a hash made now; None for a large file not hashed since it last changed."""
    path = folder / sha256
    try:
        info = path.lstat()
    except FileNotFoundError:
        return MISSING
    if not stat.S_ISREG(info.st_mode) or info.st_size != size:
        return ALTERED
    signature = (info.st_size, info.st_mtime_ns, info.st_ino)
    cached = _CHECKED.get(path)
    if cached is not None and cached[0] == signature:
        return cached[1]
    if size > QUICK_CHECK_LIMIT:
        return None
    return _remember(path, signature, stored_state(folder, sha256))


def _remember(path: Path, signature: tuple[int, int, int], state: str) -> str:
    _CHECKED[path] = (signature, state)
    return state


@dataclass(frozen=True)
class Check:
    """The state of one stored file, with the names it was added under."""

    sha256: str
    state: str
    names: tuple[str, ...]


def verify(ledger: Ledger, progress: Progress | None = None) -> list[Check]:
    """Re-hash every stored file, in a stream; progress over all their bytes."""
    folder = evidence_folder(ledger.path)
    rows = ledger.conn.execute(
        "SELECT e.sha256, e.size, (SELECT json_group_array(DISTINCT l.file_name)"
        " FROM report_evidence l WHERE l.sha256 = e.sha256) FROM evidence e ORDER BY e.sha256"
    ).fetchall()
    total = sum(size for _, size, _ in rows)
    done = 0
    checks = []
    for sha256, size, names in rows:

        def step(part: int, _: int, before: int = done) -> bool:
            return progress is None or progress(before + part, total)

        state = stored_state(folder, sha256, step)
        path = folder / sha256
        with contextlib.suppress(OSError):
            info = path.lstat()
            _remember(path, (info.st_size, info.st_mtime_ns, info.st_ino), state)
        checks.append(Check(sha256, state, tuple(sorted(json.loads(names)))))
        done += size
    return checks


# A copy being made: `store_stream`'s temporary file, named by `exporter._new_temporary`.
PARTIAL_COPY = re.compile(r"\.evidence\.[0-9a-f]{16}\.tmp")


def partial_copies(ledger: Ledger) -> list[tuple[Path, int]]:
    """Copies into the evidence folder that never ended (an add killed, the machine off),
    with their sizes: hidden files, as large as the part copied, that nothing else names.
    One may also be a copy under way, by another window or command."""
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(evidence_folder(ledger.path)):
            if PARTIAL_COPY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):  # ended meanwhile
                    found.append((Path(entry.path), entry.stat(follow_symlinks=False).st_size))
    return sorted(found)


# ---- reading ------------------------------------------------------------------------

EVIDENCE_SELECT = """
SELECT l.report_id, l.sha256, l.file_name, e.media_type, e.size, l.accessed, l.archive_url,
    l.note, l.added_by, l.added_at
FROM report_evidence l
JOIN evidence e ON e.sha256 = l.sha256
JOIN reports r ON r.id = l.report_id
"""
EVIDENCE_ORDER = " ORDER BY l.added_at, l.report_id, l.sha256"


def evidence_of(ledger: Ledger, report_ids: Iterable[str] | None = None) -> list[Evidence]:
    """The evidence of these reports (of every report when None), as evidence.csv lists it."""
    if report_ids is None:
        rows = ledger.conn.execute(EVIDENCE_SELECT + EVIDENCE_ORDER).fetchall()
    else:
        rows = ledger.conn.execute(
            EVIDENCE_SELECT
            + " WHERE l.report_id IN (SELECT value FROM json_each(?))"
            + EVIDENCE_ORDER,
            (json.dumps(list(report_ids)),),
        ).fetchall()
    return [Evidence(*row) for row in rows]


def reports_with_evidence(ledger: Ledger, report_ids: Iterable[str]) -> set[str]:
    return {
        row[0]
        for row in ledger.conn.execute(
            "SELECT DISTINCT report_id FROM report_evidence"
            " WHERE report_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(report_ids)),),
        )
    }


# ---- export folders -----------------------------------------------------------------


def export_files(ledger: Ledger, directory: Path, warnings: list[str]) -> int:
    """Copy every exported evidence file to `DIR/evidence/SHA256`, checked as it is read:
    a file missing or altered in the locker is not copied, and `warnings` says so. A copy
    already there with the right bytes is kept; one an earlier export left there that no
    report cites any more is removed, and `warnings` says so (a screenshot taken off a
    report before the folder was sent again went with it). Returns the files copied or
    kept."""
    from .exporter import _new_temporary

    folder = evidence_folder(ledger.path)
    target = ensure_folder(directory / EVIDENCE_FOLDER)
    hashes = sorted({item.sha256 for item in evidence_of(ledger)})
    stale = left_by_an_earlier_export(target, set(hashes))
    for path in stale:
        path.unlink()
    if stale:
        warnings.append(
            f"{target} held files left by an earlier export that no report here cites any"
            f" more: removed ({len(stale):,})"
        )
    written = 0
    for sha256 in hashes:
        destination = target / sha256
        if _is_plain_file(destination) and stored_state(target, sha256) == VERIFIED:
            written += 1
            continue
        try:
            source = (folder / sha256).open("rb")
        except OSError:
            warnings.append(f"evidence {sha256} is missing from {folder}: not exported")
            continue
        descriptor, temporary = _new_temporary(destination)
        try:
            with source, os.fdopen(descriptor, "wb") as out:
                found, _, _ = _copy(source.read, out.write, 0, None)
            if found != sha256:
                warnings.append(f"evidence {sha256} was altered in {folder}: not exported")
                temporary.unlink()
                continue
            os.replace(temporary, destination)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        written += 1
    return written


def left_by_an_earlier_export(target: Path, cited: set[str]) -> list[Path]:
    """The files in an export's `evidence/` folder that an export wrote (named by their
    SHA-256, plain files) and that none of `cited` names; any other file is left alone."""
    if not target.is_dir() or target.is_symlink():
        return []
    return sorted(
        path
        for path in target.iterdir()
        if SHA256_NAME.fullmatch(path.name) and path.name not in cited and _is_plain_file(path)
    )


def stale_export_warning(directory: Path, ledger: Ledger) -> str | None:
    """Said by an export without the evidence files into a folder whose `evidence/` an
    earlier export filled: files no report cites any more would travel with it."""
    target = directory / EVIDENCE_FOLDER
    stale = left_by_an_earlier_export(target, {item.sha256 for item in evidence_of(ledger)})
    if not stale:
        return None
    return (
        f"{target} holds files left by an earlier export that no report here cites any more"
        f" ({len(stale):,}): export with the evidence files again, which removes them, or"
        " delete them"
    )


def _is_plain_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except FileNotFoundError:
        return False


def copy_locker(ledger: Ledger, target_db: Path, progress: Progress | None = None) -> list[str]:
    """Every evidence file of `ledger` into the folder beside `target_db`, its copy, each
    checked against its SHA-256 as it is copied. A file missing or altered here is not
    copied; the sentences returned name each one. `progress` counts the bytes of all the
    files together; Cancelled where it asks to stop."""
    rows = ledger.conn.execute("SELECT sha256, size FROM evidence ORDER BY sha256").fetchall()
    source, target = evidence_folder(ledger.path), evidence_folder(target_db)
    problems = []
    total = max(sum(size for _sha256, size in rows), 1)
    done = 0
    for sha256, size in rows:
        path = source / sha256
        step = None if progress is None else _counted_from(done, total, progress)
        done += size
        if not _is_plain_file(path):
            problems.append(f"{path} is missing: it was not copied")
            continue
        try:
            with path.open("rb") as handle:
                store_stream(target, handle.read, size, str(path), step, sha256)
        except Invalid as error:
            problems.append(str(error))
    return problems


def _counted_from(before: int, total: int, progress: Progress) -> Progress:
    """One file's progress as part of all the files' bytes."""
    return lambda done, _size: progress(before + done, total)


class LockerCopies:
    """The files one write copies into a ledger's locker, taken away again if the write is
    refused or fails: its transaction rolls back, and nothing may stay beside it either."""

    def __init__(self) -> None:
        self.created: list[Path] = []  # files the locker did not have at all
        self.made_locker: Path | None = None

    def copy(
        self,
        ledger: Ledger,
        wanted: dict[str, int],
        source_folder: Path,
        progress: Progress | None = None,
        *,
        dry_run: bool = False,
    ) -> int:
        """`copy_missing_files`, remembering what it adds."""
        locker = evidence_folder(ledger.path)
        if not dry_run and wanted and not locker.exists() and self.made_locker is None:
            self.made_locker = locker
        return copy_missing_files(
            ledger, wanted, source_folder, progress, dry_run=dry_run, created=self.created
        )

    def discard(self) -> None:
        """Remove the files copied, which the locker held no copy of before, and the
        locker itself if the write made it."""
        for path in self.created:
            path.unlink(missing_ok=True)
        self.created.clear()
        if self.made_locker is not None:
            with contextlib.suppress(OSError):  # not empty: something else put a file there
                self.made_locker.rmdir()
            self.made_locker = None


def copy_missing_files(
    ledger: Ledger,
    wanted: dict[str, int],
    source_folder: Path,
    progress: Progress | None = None,
    *,
    dry_run: bool = False,
    created: list[Path] | None = None,
) -> int:
    """Copy into this ledger's locker each file of `wanted` (SHA-256 → size) it lacks
    intact and `source_folder` has, checked against its hash. Returns the files copied.
    A dry run checks each file as it would copy it, and stores nothing. `created` gathers
    the files added where the locker had none, for a refused import to take back.
    `progress` counts the bytes of all the files to copy together; Cancelled where it
    asks to stop."""
    folder = evidence_folder(ledger.path)
    missing = [
        sha256
        for sha256 in sorted(wanted)
        if _is_plain_file(source_folder / sha256)
        and (known_state(folder, sha256, wanted[sha256]) or stored_state(folder, sha256))
        != VERIFIED
    ]
    total = max(sum(wanted[sha256] for sha256 in missing), 1)
    done = copied = 0
    for sha256 in missing:
        source = source_folder / sha256
        step = None if progress is None else _counted_from(done, total, progress)
        done += wanted[sha256]
        existed = (folder / sha256).exists()
        with source.open("rb") as handle:
            if dry_run:
                size = check_stream(handle.read, str(source), sha256, step)
            else:
                size = store_stream(
                    folder, handle.read, wanted[sha256], str(source), step, sha256
                ).size
        if created is not None and not existed and not dry_run:
            created.append(folder / sha256)
        if size != wanted[sha256]:
            raise Invalid(
                f"{source}: its size is {size} bytes, but the record says"
                f" {wanted[sha256]}; it was not accepted"
            )
        copied += 1
    return copied
