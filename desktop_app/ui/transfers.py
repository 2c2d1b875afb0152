"""Import, export and merge from the window: off the main thread, with progress and
Cancel, their problems in a dialog a person can copy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ..domain.validation import FieldProblem, Invalid
from ..settings import APPLICATION, ORGANIZATION
from ..store.exporter import ExportCancelled, export_all
from ..store.folder_files import FolderProblem
from ..store.importer import (
    ImportPlan,
    PlanOutdated,
    apply_import,
    plan_and_apply,
    plan_import,
)
from ..store.ledger import Changes, Ledger, LedgerFileError
from ..store.merge import MergeResult, merge_file
from ..store.restore import FolderResult, import_folder
from . import folders
from .dialogs import ProblemsDialog
from .i18n import current_language, number
from .messages import message_text, problem_text
from .session import Session
from .tasks import Progress, TaskRunner, job_wait_over, job_waits
from .words import plural

EXPECTED = (Invalid, LedgerFileError, OSError, UnicodeError)
WORKBOOK_SETTING = "export/xlsx"  # the export also writes the workbook: the last choice
translate = QCoreApplication.translate


def import_summary(plan: ImportPlan) -> str:
    """What an import added, in the window's words: in English the command line's, each
    noun agreeing with its count ("1 event"); in Ukrainian and Russian each count after
    its noun ("подій: 1"), which needs no plural forms."""
    if current_language() == "en":
        return plan.summary(number)
    counts = plan.counts()
    text = translate(
        "Transfers",
        "{events} events, {reports} reports, {flows} flows, {sources} sources and"
        " {parties} parties",
    ).format(
        **{key: number(counts[key]) for key in ("events", "reports", "flows", "sources", "parties")}
    )
    if plan.new_parties:
        text += translate("Transfers", " (new parties: {parties})").format(
            parties=", ".join(plan.new_parties)
        )
    if plan.skipped:
        text += translate(
            "Transfers", "; {count} reports already present and identical, skipped"
        ).format(count=number(plan.skipped))
    return text


def _added_text(name: str, plan: ImportPlan) -> str:
    """What an import added, or that it had nothing new, as the command line says it."""
    said = (
        translate("Transfers", "Imported {file}: added {summary}.")
        if plan.reports
        else translate("Transfers", "Nothing new in {file}: added {summary}.")
    )
    return said.format(file=name, summary=import_summary(plan))


def _warning_lines(warnings: Sequence[FieldProblem | FolderProblem]) -> list[str]:
    warning = translate("Transfers", "warning: {problem}")
    return [warning.format(problem=problem_text(problem)) for problem in warnings]


def merge_summary(merged: MergeResult) -> str:
    if current_language() == "en":
        return merged.summary(number)
    c = {key: number(value) for key, value in merged.counts.items()}
    text = translate(
        "Transfers",
        "{events} events, {reports} reports, {sources} sources, {parties} parties and"
        " {resolutions} decisions added; {updated} reports updated to a newer edit,"
        " {kept} kept where ours was as new or newer",
    ).format(**c)
    if merged.counts["evidence"]:
        text += translate("Transfers", "; {evidence} evidence records added").format(**c)
    if merged.counts["evidence_unfound"]:
        text += translate(
            "Transfers",
            ", {evidence_unfound} of them without their file, which was not beside the other"
            " file (Verify evidence files names them)",
        ).format(**c)
    if merged.counts["evidence_files"]:
        text += translate(
            "Transfers",
            "; {evidence_files} evidence files that this ledger's folder lacked brought from"
            " the other's",
        ).format(**c)
    if merged.counts["described"]:
        text += translate(
            "Transfers",
            "; what is said of {described} evidence files taken from the other file, which"
            " corrected it later",
        ).format(**c)
    if merged.counts["described_kept"]:
        text += translate(
            "Transfers",
            "; what is said of {described_kept} evidence files kept where ours was corrected"
            " as late or later",
        ).format(**c)
    if merged.counts["withdrawn"] or merged.counts["reinstated"]:
        text += translate(
            "Transfers",
            "; {withdrawn} decisions withdrawn and {reinstated} in force again, as the other"
            " file changed them later",
        ).format(**c)
    if merged.counts["sources_updated"] or merged.counts["sources_kept"]:
        text += translate(
            "Transfers",
            "; {sources_updated} sources regraded or respelled as the other file changed them"
            " later, {sources_kept} kept where ours was changed as late or later",
        ).format(**c)
    if merged.counts["kept_deleted"]:
        text += translate(
            "Transfers",
            "; {kept_deleted} reports deleted here and edited there since left deleted (the"
            " other file's version is in the audit trail)",
        ).format(**c)
    return text


# What each restored part of a folder counts (`FolderPart.counts`), in the window's words.
PART_COUNTS = {
    "evidence records": QT_TRANSLATE_NOOP("Transfers", "{count} evidence records"),
    "evidence files": QT_TRANSLATE_NOOP("Transfers", "{count} evidence files"),
}
SKIPPED = {
    (True, True): QT_TRANSLATE_NOOP(
        "Transfers",
        "; {reports} reports and {decisions} decisions already present and identical, skipped",
    ),
    (True, False): QT_TRANSLATE_NOOP(
        "Transfers", "; {reports} reports already present and identical, skipped"
    ),
    (False, True): QT_TRANSLATE_NOOP(
        "Transfers", "; {decisions} decisions already present and identical, skipped"
    ),
}


def folder_summary(done: FolderResult) -> str:
    """What an import of an export folder restored or added, in the window's words (the
    store's `summary()` is the command line's, and the English window's)."""
    if current_language() == "en":
        return done.summary(number)
    counts = done.counts
    keys = ("events", "reports", "flows", "sources", "parties", "decisions")
    text = translate(
        "Transfers",
        "{events} events, {reports} reports, {flows} flows, {sources} sources, {parties}"
        " parties and {decisions} decisions",
    ).format(**{key: number(counts.get(key, 0)) for key in keys})
    for part in done.parts:
        for what, count in part.counts().items():
            template = PART_COUNTS.get(what)
            text += ", " + (
                translate("Transfers", template).format(count=number(count))
                if template
                else f"{number(count)} {what}"
            )
    reports, decisions = counts.get("skipped", 0), counts.get("decisions_skipped", 0)
    if reports or decisions:
        text += translate("Transfers", SKIPPED[bool(reports), bool(decisions)]).format(
            reports=number(reports), decisions=number(decisions)
        )
    if counts.get("decisions_withdrawn"):
        text += translate(
            "Transfers", "; {withdrawn} decisions in force here withdrawn, as the folder has them"
        ).format(withdrawn=number(counts["decisions_withdrawn"]))
    return text


class Transfers:
    def __init__(self, session: Session, tasks: TaskRunner, window: QMainWindow) -> None:
        self.session = session
        self.tasks = tasks
        self.window = window
        self.last_message = ""
        self.declined = False  # the person answered the last import's question with Cancel

    @property
    def path(self) -> Path:
        return self.session.ledger.path

    def _status(self, message: str) -> None:
        self.last_message = message
        self.window.statusBar().showMessage(message, 10_000)

    def _undo_afresh(self, message: str) -> str:
        """After an import or a merge that changed the file, which no Ctrl+Z takes back:
        the undo history starts again, or Ctrl+Z would undo an older step, one the import
        or merge may have built on. Said first (a long summary is cut at its end), and only
        when there was a step to undo or redo."""
        stack = self.session.undo_stack
        if stack.count() == 0:
            return message
        stack.clear()
        return translate("Transfers", "Undo starts afresh.") + " " + message

    def _moved(self, title: str) -> bool:
        """The window's file is no longer at its name (moved, deleted, replaced): said,
        and True. A job opens the ledger again by its name, and would read or write
        whatever is there now, or make a new empty file where there is none."""
        try:
            self.session.ledger.check_still_there()
        except LedgerFileError as error:
            self._show_error(title, error)
            return True
        return False

    def _refuse_read_only(self) -> bool:
        if self.session.ledger.read_only:
            self._status("")  # an earlier success must not stand beside the refusal
            QMessageBox.information(
                self.window,
                translate("Transfers", "Read-only"),
                translate("Transfers", "This file is read-only: nothing can be changed."),
            )
            return True
        return False

    # ---- import -------------------------------------------------------------------

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("Transfers", "Import reports.csv"),
            folders.start_folder(folders.IMPORTS, self.path),
            translate("Transfers", "CSV files (*.csv);;All files (*)"),
        )
        if path:
            folders.remember(folders.IMPORTS, path)
            self.import_file(Path(path), ask=True)

    def import_folder_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(
            self.window,
            translate("Transfers", "Import an export folder"),
            folders.start_folder(folders.IMPORTS, self.path),
        )
        if directory:
            folders.remember(folders.IMPORTS, Path(directory).parent)
            self.import_folder(Path(directory), ask=True)

    def import_file(self, csv_path: Path, *, ask: bool = False) -> ImportPlan | FolderResult | None:
        """Validate and import a file; a bad file imports nothing, a cancel neither. A
        folder is an export folder (`import_folder`). `ask` (File → Import…, a dropped
        file): first say what the file would add, with its warnings, and import it only
        if the person agrees, since no Ctrl+Z takes an import back."""
        self.declined = False
        if csv_path.is_dir():
            return self.import_folder(csv_path, ask=ask)
        if not csv_path.is_file():  # gone since it was chosen; a pipe would never end
            why = "is not a regular file" if csv_path.exists() else "does not exist"
            self._show_error(translate("Transfers", "Import failed"), Invalid(f"{csv_path} {why}"))
            return None
        if self._refuse_read_only() or self._moved(translate("Transfers", "Import failed")):
            return None
        who = self.session.who(self.window)
        db_path = self.path
        name = csv_path.name
        agreed: ImportPlan | None = None
        if ask:
            agreed = self._preview(csv_path, who)
            if agreed is None or agreed.errors or not agreed.reports:
                return agreed
        shown = agreed.warnings if agreed else []  # the warnings the person has seen

        def work(progress: Progress) -> tuple[ImportPlan, Changes]:
            with Ledger.open(db_path, create=False) as ledger:
                ledger.on_wait, ledger.on_wait_over = job_waits, job_wait_over
                if agreed is not None:
                    try:  # the plan shown, unless another program changed what it read
                        return agreed, apply_import(ledger, agreed, who, progress)
                    except PlanOutdated:
                        pass
                return plan_and_apply(ledger, csv_path, who, progress)

        done = self._run_import(name, work)
        if done is None:
            return None
        plan, changes = done
        if plan.errors:
            self._refused(name, plan.errors)
            return plan
        self.session.notifier.notify(changes)
        added = _added_text(name, plan)
        self._status(self._undo_afresh(added) if changes != Changes() else added)
        unseen = [warning for warning in plan.warnings if warning not in shown]
        if unseen:
            self._warned(added, unseen, imported=bool(plan.reports))
        return plan

    def _preview(self, csv_path: Path, who: str) -> ImportPlan | None:
        """The file read and checked (nothing written), and the person's answer: the plan
        to write if they agree; a plan with errors (said) or with nothing new (said);
        None if they did not agree, or the reading failed (said)."""
        db_path, name = self.path, csv_path.name

        def work(progress: Progress) -> ImportPlan:
            with Ledger.open(db_path, create=False) as ledger:
                return plan_import(ledger, csv_path, who, progress)

        plan: ImportPlan | None = self._run_import(name, work)
        if plan is None:
            return None
        if plan.errors:
            self._refused(name, plan.errors)
        elif not plan.reports:
            self._status(_added_text(name, plan))
            if plan.warnings:
                self._warned(self.last_message, plan.warnings, imported=False)
        elif not self._agreed(
            name,
            translate("Transfers", "{file} would add {summary}.").format(
                file=name, summary=import_summary(plan)
            ),
            plan.warnings,
        ):
            return self._declined(name)
        return plan

    def _declined(self, name: str) -> None:
        self.declined = True
        self._status(
            translate("Transfers", "Import of {file} cancelled: nothing was imported.").format(
                file=name
            )
        )

    def _agreed(
        self,
        name: str,
        would: str,
        warnings: Sequence[FieldProblem | FolderProblem],
        *,
        folder: bool = False,
    ) -> bool:
        """Whether the person imports what the file or `folder` would add, as `would`
        says (Enter: yes, Esc: no)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("Transfers", "Import {file}?").format(file=name),
            would,
            parent=self.window,
        )
        told = translate("Transfers", "An import cannot be undone: Ctrl+Z does not take it back.")
        if warnings:
            box.setDetailedText("\n".join(_warning_lines(warnings)))
            count = len(warnings)
            told += " " + (
                plural.folder_warnings(count) if folder else plural.import_warnings(count)
            )
        box.setInformativeText(told)
        accept = box.addButton(translate("Transfers", "&Import"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(accept)
        box.exec()
        return box.clickedButton() is accept

    def _refused(self, name: str, errors: Sequence[FieldProblem | FolderProblem]) -> None:
        self._status("")  # an earlier success must not stand beside the refusal
        ProblemsDialog(
            translate("Transfers", "Nothing imported"),
            plural.import_problems(len(errors)).format(file=name),
            [problem_text(problem) for problem in errors],
            self.window,
        ).exec()

    def _warned(
        self,
        message: str,
        warnings: Sequence[FieldProblem | FolderProblem],
        *,
        imported: bool = True,
    ) -> None:
        ProblemsDialog(
            translate("Transfers", "Imported, with warnings")
            if imported
            else translate("Transfers", "Nothing new, with warnings"),
            message,
            _warning_lines(warnings),
            self.window,
        ).exec()

    def _run_import(self, name: str, work: Callable[[Progress], Any]) -> Any:
        """An import's work off the main thread; None (and why, said) if it was cancelled
        or failed."""
        result = self.tasks.run(translate("Transfers", "Importing {file}").format(file=name), work)
        if result.cancelled:
            self._status(
                translate("Transfers", "Import of {file} cancelled: nothing was imported.").format(
                    file=name
                )
            )
            return None
        if result.error is not None:
            self._show_error(translate("Transfers", "Import failed"), result.error)
            return None
        return result.value

    def import_folder(self, directory: Path, *, ask: bool = False) -> FolderResult | None:
        """Restore an export folder into this ledger if it is empty, else add its reports
        and decisions; a folder with any error imports nothing. `ask`, as for
        `import_file`: first a trial run (written, then rolled back) says what the folder
        would restore or add, and it is imported only if the person agrees."""
        if self._refuse_read_only() or self._moved(translate("Transfers", "Import failed")):
            return None
        who = self.session.who(self.window)
        db_path = self.path
        name = directory.name

        def work(dry_run: bool, progress: Progress) -> FolderResult:
            with Ledger.open(db_path, create=False) as ledger:
                ledger.on_wait, ledger.on_wait_over = job_waits, job_wait_over
                return import_folder(ledger, directory, who, dry_run=dry_run, progress=progress)

        shown: list[FolderProblem] = []  # the warnings the question showed
        if ask:
            tried: FolderResult | None = self._run_import(name, partial(work, True))
            if tried is None:
                return None
            if tried.errors or not tried.changed:
                return self._folder_done(name, tried)
            would = (
                translate("Transfers", "{file} would restore {summary}.")
                if tried.restored
                else translate("Transfers", "{file} would add {summary}.")
            )
            summary = folder_summary(tried)
            asked = would.format(file=name, summary=summary)
            if not self._agreed(name, asked, tried.warnings, folder=True):
                return self._declined(name)
            shown = tried.warnings
        done: FolderResult | None = self._run_import(name, partial(work, False))
        return None if done is None else self._folder_done(name, done, shown)

    def _folder_done(
        self, name: str, done: FolderResult, shown: Sequence[FolderProblem] = ()
    ) -> FolderResult:
        """What a folder's import (or its trial run, refused or with nothing new) did,
        said; the warnings not `shown` already by the question before it."""
        if done.errors:
            self._refused(name, done.errors)
            return done
        self.session.notifier.notify(done.changes)
        if not done.changed:
            message = translate("Transfers", "Nothing new in {file}: this file holds all of it.")
        elif done.restored:
            message = translate("Transfers", "Restored {file}: {summary}.")
        else:
            message = translate("Transfers", "Imported {file}: added {summary}.")
        message = message.format(file=name, summary=folder_summary(done))
        self._status(self._undo_afresh(message) if done.changed else message)
        unseen = [warning for warning in done.warnings if warning not in shown]
        if unseen:
            self._warned(message, unseen, imported=done.changed)
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
        directory = QFileDialog.getExistingDirectory(
            self.window,
            translate("Transfers", "Export the CSV files into"),
            folders.start_folder(folders.EXPORTS, self.path),
        )
        if directory:
            folders.remember(folders.EXPORTS, Path(directory).parent)
            self.export_to(Path(directory))

    def export_to(self, directory: Path) -> dict[str, int] | None:
        """The CSV files, and the workbook too if the person asked for it last time."""
        db_path = self.path
        read_only = self.session.ledger.read_only
        xlsx = self.workbook_wanted
        warnings: list[str] = []
        if self._moved(translate("Transfers", "Export failed")):
            return None

        before_cancel: list[str] = []  # the files written before Cancel, if pressed

        def work(progress: Progress) -> dict[str, int]:
            with Ledger.open(db_path, read_only=read_only, create=False) as ledger:
                try:
                    return export_all(
                        ledger, directory, xlsx=xlsx, warnings=warnings, progress=progress
                    )
                except ExportCancelled as stopped:
                    before_cancel.extend(stopped.written)
                    raise

        result = self.tasks.run(translate("Transfers", "Exporting"), work)
        if result.cancelled:  # Cancel did nothing: the files were all written, "Exported"
            self._status(
                translate(
                    "Transfers",
                    "Export into {folder} cancelled: {files} written before Cancel, the other"
                    " files as they were.",
                ).format(folder=directory, files=", ".join(before_cancel))
                if before_cancel
                else translate(
                    "Transfers", "Export into {folder} cancelled: nothing was written."
                ).format(folder=directory)
            )
            return None
        if result.error is not None:
            self._show_error(translate("Transfers", "Export failed"), result.error)
            return None
        written: dict[str, int] = result.value
        rows = sum(written.values())
        exported = plural.exported_rows_and_workbook if xlsx else plural.exported_rows
        message = exported(rows).format(folder=directory)
        self._status(message)
        if warnings:
            warning = translate("Transfers", "warning: {problem}")
            ProblemsDialog(
                translate("Transfers", "Exported, with warnings"),
                message,
                [warning.format(problem=message_text(problem)) for problem in warnings],
                self.window,
            ).exec()
        return written

    # ---- merge --------------------------------------------------------------------

    def merge_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("Transfers", "Merge another ledger file"),
            folders.start_folder(folders.LEDGERS, self.path),
            translate("Transfers", "Ledger files (*.db);;All files (*)"),
        )
        if path:
            folders.remember(folders.LEDGERS, path)
            self.merge_file(Path(path))

    def merge_file(self, other: Path) -> MergeResult | None:
        if self._refuse_read_only():
            return None
        if other.resolve() == self.path.resolve():
            self._status("")
            QMessageBox.warning(
                self.window,
                translate("Transfers", "Merge"),
                translate("Transfers", "A file cannot be merged into itself."),
            )
            return None
        if self._moved(translate("Transfers", "Nothing merged")):
            return None
        who = self.session.who(self.window)
        db_path = self.path

        def work(progress: Progress) -> MergeResult:
            with Ledger.open(db_path, create=False) as ledger:
                ledger.on_wait, ledger.on_wait_over = job_waits, job_wait_over
                return merge_file(ledger, other, who, progress)

        title = translate("Transfers", "Merging {file}").format(file=other.name)
        result = self.tasks.run(title, work)
        if result.cancelled:
            self._status(
                translate("Transfers", "Merge of {file} cancelled: nothing was merged.").format(
                    file=other.name
                )
            )
            return None
        if result.error is not None:
            self._show_error(translate("Transfers", "Nothing merged"), result.error)
            return None
        merged: MergeResult = result.value
        self.session.notifier.notify(merged.changes)
        if merged.changed:
            # The merge may have replaced what an earlier step's undo would restore (a
            # colleague's newer edit of a report edited here): Ctrl+Z must not undo it.
            merged_text = translate("Transfers", "Merged {file}: {summary}.").format(
                file=other.name, summary=merge_summary(merged)
            )
            self._status(self._undo_afresh(merged_text))
        else:
            self._status(
                translate(
                    "Transfers", "Nothing to merge: this file already holds everything in {file}."
                ).format(file=other.name)
            )
        return merged

    def _show_error(self, title: str, error: BaseException) -> None:
        self._status("")  # an earlier success must not stand beside the refusal
        if isinstance(error, EXPECTED):
            QMessageBox.warning(self.window, title, message_text(str(error)))
            return
        raise error
