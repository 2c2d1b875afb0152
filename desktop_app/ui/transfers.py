"""Import, export and merge from the window: off the main thread, with progress and
Cancel, their problems in a dialog a person can copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ..domain.validation import Invalid
from ..settings import APPLICATION, ORGANIZATION
from ..store.exporter import export_all
from ..store.importer import ImportPlan, apply_import, plan_import
from ..store.ledger import Changes, Ledger, LedgerFileError
from ..store.merge import MergeResult, merge_file
from ..store.restore import FolderResult, import_folder
from .dialogs import ProblemsDialog
from .session import Session
from .tasks import Progress, TaskRunner

EXPECTED = (Invalid, LedgerFileError, OSError, UnicodeError)
WORKBOOK_SETTING = "export/xlsx"  # the export also writes the workbook: the last choice


class Transfers:
    def __init__(self, session: Session, tasks: TaskRunner, window: QMainWindow) -> None:
        self.session = session
        self.tasks = tasks
        self.window = window
        self.last_message = ""

    @property
    def path(self) -> Path:
        return self.session.ledger.path

    def _status(self, message: str) -> None:
        self.last_message = message
        self.window.statusBar().showMessage(message, 10_000)

    def _refuse_read_only(self) -> bool:
        if self.session.ledger.read_only:
            QMessageBox.information(
                self.window, "Read-only", "This file is read-only: nothing can be changed."
            )
            return True
        return False

    # ---- import -------------------------------------------------------------------

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Import reports.csv", "", "CSV files (*.csv);;All files (*)"
        )
        if path:
            self.import_file(Path(path))

    def import_folder_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self.window, "Import an export folder")
        if directory:
            self.import_folder(Path(directory))

    def import_file(self, csv_path: Path) -> ImportPlan | FolderResult | None:
        """Validate and import a file; a bad file imports nothing, a cancel neither. A
        folder is an export folder (`import_folder`)."""
        if csv_path.is_dir():
            return self.import_folder(csv_path)
        if self._refuse_read_only():
            return None
        who = self.session.who(self.window)
        db_path = self.path

        def work(progress: Progress) -> tuple[ImportPlan, Changes]:
            with Ledger.open(db_path) as ledger:
                plan = plan_import(ledger, csv_path, who, progress)
                if plan.errors:
                    return plan, Changes()
                return plan, apply_import(ledger, plan, who, progress)

        result = self.tasks.run(f"Importing {csv_path.name}", work)
        if result.cancelled:
            self._status(f"Import of {csv_path.name} cancelled: nothing was imported.")
            return None
        if result.error is not None:
            self._show_error("Import failed", result.error)
            return None
        plan, changes = result.value
        if plan.errors:
            ProblemsDialog(
                "Nothing imported",
                f"{csv_path.name} has {len(plan.errors)} problems; nothing was imported."
                " Fix them and import again.",
                [str(problem) for problem in plan.errors],
                self.window,
            ).exec()
            return plan
        self.session.notifier.notify(changes)
        self._status(f"Imported {csv_path.name}: added {plan.summary()}.")
        if plan.warnings:
            ProblemsDialog(
                "Imported, with warnings",
                f"Imported {csv_path.name}: added {plan.summary()}.",
                [f"warning: {problem}" for problem in plan.warnings],
                self.window,
            ).exec()
        return plan

    def import_folder(self, directory: Path) -> FolderResult | None:
        """Restore an export folder into this ledger if it is empty, else add its reports
        and decisions; a folder with any error imports nothing."""
        if self._refuse_read_only():
            return None
        who = self.session.who(self.window)
        db_path = self.path

        def work(progress: Progress) -> FolderResult:
            with Ledger.open(db_path) as ledger:
                return import_folder(ledger, directory, who, progress=progress)

        result = self.tasks.run(f"Importing {directory.name}", work)
        if result.cancelled:
            self._status(f"Import of {directory.name} cancelled: nothing was imported.")
            return None
        if result.error is not None:
            self._show_error("Import failed", result.error)
            return None
        done: FolderResult = result.value
        if done.errors:
            ProblemsDialog(
                "Nothing imported",
                f"{directory.name} has {len(done.errors)} problems; nothing was imported."
                " Fix them and import again.",
                [str(problem) for problem in done.errors],
                self.window,
            ).exec()
            return done
        self.session.notify_all()
        if not done.changed:
            message = f"Nothing new in {directory.name}: this file holds all of it."
        elif done.restored:
            message = f"Restored {directory.name}: {done.summary()}."
        else:
            message = f"Imported {directory.name}: added {done.summary()}."
        self._status(message)
        if done.warnings:
            ProblemsDialog(
                "Imported, with warnings",
                message,
                [f"warning: {problem}" for problem in done.warnings],
                self.window,
            ).exec()
        return done

    # ---- export -------------------------------------------------------------------

    @property
    def workbook_wanted(self) -> bool:
        """Whether an export also writes the workbook (`export --xlsx`), as last chosen."""
        value = QSettings(ORGANIZATION, APPLICATION).value(WORKBOOK_SETTING, False)
        return value in (True, "true", "1", 1)

    def set_workbook_wanted(self, wanted: bool) -> None:
        settings = QSettings(ORGANIZATION, APPLICATION)
        settings.setValue(WORKBOOK_SETTING, bool(wanted))
        settings.sync()

    def export_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self.window, "Export the CSV files into")
        if directory:
            self.export_to(Path(directory))

    def export_to(self, directory: Path) -> dict[str, int] | None:
        """The CSV files, and the workbook too if the person asked for it last time."""
        db_path = self.path
        read_only = self.session.ledger.read_only
        xlsx = self.workbook_wanted
        warnings: list[str] = []

        def work(progress: Progress) -> dict[str, int]:
            with Ledger.open(db_path, read_only=read_only) as ledger:
                return export_all(ledger, directory, xlsx=xlsx, warnings=warnings)

        result = self.tasks.run("Exporting", work)
        if result.error is not None:
            self._show_error("Export failed", result.error)
            return None
        written: dict[str, int] = result.value
        workbook = " and a workbook" if xlsx else ""
        message = f"Exported {sum(written.values()):,} rows{workbook} into {directory}."
        self._status(message)
        if warnings:
            ProblemsDialog(
                "Exported, with warnings",
                message,
                [f"warning: {warning}" for warning in warnings],
                self.window,
            ).exec()
        return written

    # ---- merge --------------------------------------------------------------------

    def merge_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Merge another ledger file", "", "Ledger files (*.db);;All files (*)"
        )
        if path:
            self.merge_file(Path(path))

    def merge_file(self, other: Path) -> MergeResult | None:
        if self._refuse_read_only():
            return None
        if other.resolve() == self.path.resolve():
            QMessageBox.warning(self.window, "Merge", "A file cannot be merged into itself.")
            return None
        who = self.session.who(self.window)
        db_path = self.path

        def work(progress: Progress) -> MergeResult:
            with Ledger.open(db_path) as ledger:
                return merge_file(ledger, other, who)

        result = self.tasks.run(f"Merging {other.name}", work)
        if result.error is not None:
            self._show_error("Nothing merged", result.error)
            return None
        merged: MergeResult = result.value
        self.session.notifier.notify(merged.changes)
        if merged.changed:
            self._status(f"Merged {other.name}: {merged.summary()}.")
        else:
            self._status(f"Nothing to merge: this file already holds everything in {other.name}.")
        return merged

    def _show_error(self, title: str, error: BaseException) -> None:
        if isinstance(error, EXPECTED):
            QMessageBox.warning(self.window, title, str(error))
            return
        raise error
