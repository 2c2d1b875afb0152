"""The evidence of an export folder: `evidence.csv` read and checked as the folder's other
files are (each problem named by row and column), and its records restored with the
files of `DIR/evidence/` (`restore.import_folder` runs it as one of its parts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..domain import validation
from ..domain.validation import Invalid
from .evidence import (
    EVIDENCE_COLUMNS,
    EVIDENCE_FILE,
    EVIDENCE_FOLDER,
    Evidence,
    LockerCopies,
    describe,
    evidence_folder,
)
from .folder_files import REPORTS, Problems, read_table
from .import_plan import Progress

if TYPE_CHECKING:
    from pathlib import Path

    from .ledger import Ledger
    from .restore import FolderResult

__all__ = ["FolderEvidence", "read_evidence_rows"]

_CHECKS: dict[str, Callable[[str], Any]] = {
    "report_id": lambda text: validation.required_name(text, "report_id"),
    "sha256": lambda text: _sha256(text),
    "file_name": lambda text: describe(text).file_name,
    "media_type": lambda text: _media_type(text),
    "size": validation.write_position,
    "accessed": validation.accessed_date,
    "archive_url": validation.archive_url,
    "note": str,
    "added_by": str.strip,
    "added_at": validation.past_timestamp,
}


def read_evidence_rows(path: Path, problems: Problems) -> list[tuple[int, Evidence]]:
    """The rows of an `evidence.csv` as (row number, record), each problem noted as an
    error at its row and column."""
    rows = []
    for number, cells in read_table(path, EVIDENCE_COLUMNS, EVIDENCE_COLUMNS, problems):
        values: dict[str, Any] = {}
        for column, check in _CHECKS.items():
            try:
                values[column] = check(cells[column])
            except Invalid as error:
                problems.error(path.name, number, column, str(error))
        if len(values) == len(_CHECKS):
            rows.append((number, Evidence(**values)))
    return rows


def _sha256(text: str) -> str:
    value = text.strip()
    if len(value) != 64 or any(char not in "0123456789abcdef" for char in value):
        raise Invalid(f"'{value}' is not a SHA-256 (64 lower-case hexadecimal digits)")
    return value


def _media_type(text: str) -> str:
    value = text.strip()
    kind, _, sub = value.partition("/")
    if not kind or not sub:
        raise Invalid(f"'{value}' is not a media type such as application/pdf")
    return value


def _in_thousandths(progress: Progress) -> Progress:
    """Bytes as a bar of a thousand steps: a bar's range is a 32-bit number, and a folder's
    evidence may hold more bytes than that."""
    return lambda done, total: progress(1000 * done // max(total, 1), 1000)


class FolderEvidence:
    """The evidence of an export folder, as `restore.import_folder` restores it: its
    `evidence.csv` checked with the folder's other files; its records (each of a report
    of the folder or of this ledger; none it holds already) written after the reports,
    with the files of `DIR/evidence/` the locker lacks, each checked against its SHA-256
    before it is accepted (bytes that do not match refuse the whole import). A refused
    import takes the files it copied away again (`discard`). A dry run copies no file; it
    checks each file it would copy."""

    file_name = EVIDENCE_FILE

    def __init__(self) -> None:
        self.rows: list[tuple[int, Evidence]] = []
        self.added = 0
        self.copied = 0
        self.copies = LockerCopies()

    def read(self, ledger: Ledger, folder: FolderResult, new_reports: set[str] | None) -> None:
        path = folder.directory / EVIDENCE_FILE
        if path.is_file():
            self.rows = read_evidence_rows(path, folder.problems)
        if new_reports is None:
            return
        for number, item in self.rows:
            if item.report_id not in new_reports:  # now, beside every other problem
                self._check_report_of(ledger, folder, number, item)

    @staticmethod
    def _check_report_of(ledger: Ledger, folder: FolderResult, number: int, item: Evidence) -> bool:
        """Whether the record's report is in this ledger (an error if it is nowhere; one
        deleted here is not, nor brought back: reports.csv's warning says so)."""
        if ledger.report_exists(item.report_id):
            return True
        if not ledger.deleted_here(item.report_id):  # an export holds its own reports' only
            folder.problems.error(
                EVIDENCE_FILE,
                number,
                "report_id",
                f"report {item.report_id} is neither in {REPORTS} nor in this ledger",
            )
        return False

    def write(
        self,
        ledger: Ledger,
        folder: FolderResult,
        operation_id: str,
        progress: Progress | None = None,
    ) -> None:
        """The records, after the files they name: `progress` is told the bytes copied
        (or checked, in a dry run) in thousandths of them all."""
        items = [
            (number, item)
            for number, item in self.rows
            if self._check_report_of(ledger, folder, number, item)
        ]
        if folder.problems.errors:
            return
        wanted = {item.sha256: item.size for _number, item in items}
        source = folder.directory / EVIDENCE_FOLDER
        try:
            self.copied = self.copies.copy(
                ledger,
                wanted,
                source,
                None if progress is None else _in_thousandths(progress),
                dry_run=folder.dry_run,
            )
        except Invalid as error:
            folder.problems.error(EVIDENCE_FOLDER, 0, "", str(error))
            return
        locker = evidence_folder(ledger.path)
        unfound: list[int] = []  # rows of records added without their file
        for number, item in items:
            if ledger.add_evidence_record(item):
                self.added += 1
                if not ((locker / item.sha256).is_file() or (source / item.sha256).is_file()):
                    unfound.append(number)
        self._say_unfound(folder, unfound, source.is_dir())

    @staticmethod
    def _say_unfound(folder: FolderResult, rows: list[int], files_given: bool) -> None:
        """Records added without their file, said as a merge says it: "6 evidence records,
        4 evidence files" alone hid them until a verify called the files missing. One
        sentence for a folder exported without its files, else one per record."""
        if rows and not files_given:
            folder.problems.warn(
                EVIDENCE_FILE,
                0,
                "",
                f"the folder has no {EVIDENCE_FOLDER}/ (exported without the evidence files):"
                f" its records are added without their files ({len(rows):,}); 'evidence"
                " verify' names them",
            )
            return
        for number in rows:
            folder.problems.warn(
                EVIDENCE_FILE,
                number,
                "sha256",
                f"the file is neither in {EVIDENCE_FOLDER}/ nor in this ledger's evidence"
                " folder: the record is added without it ('evidence verify' names it)",
            )

    def discard(self) -> None:
        self.copies.discard()

    def counts(self) -> dict[str, int]:
        return {"evidence records": self.added, "evidence files": self.copied}
