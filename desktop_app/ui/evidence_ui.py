"""Evidence in the window: the dialog that describes a file, the copy off the main thread
with progress and Cancel, the undoable add and removal, the list of a report's files with
their check marks, and dropping files on panes."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..domain.validation import Invalid
from ..store import evidence
from ..store.evidence import Description, Evidence, StoredFile
from ..store.import_plan import Cancelled
from ..store.ledger import Changes
from . import folders
from .i18n import LOCALES, current_language
from .messages import message_text
from .session import LedgerCommand, Session
from .styles import ERROR_STYLE
from .tasks import Progress, TaskRunner, in_kib
from .words import plural

translate = QCoreApplication.translate

MARKS = {
    evidence.VERIFIED: QT_TRANSLATE_NOOP("Evidence", "✓ verified"),
    evidence.ALTERED: QT_TRANSLATE_NOOP("Evidence", "✗ altered"),
    evidence.MISSING: QT_TRANSLATE_NOOP("Evidence", "✗ missing"),
    None: QT_TRANSLATE_NOOP("Evidence", "… not checked yet"),
}
# A file's state as Edit → Verify evidence files lists it.
STATE_WORDS = {
    evidence.VERIFIED: QT_TRANSLATE_NOOP("Evidence", "verified"),
    evidence.ALTERED: QT_TRANSLATE_NOOP("Evidence", "altered"),
    evidence.MISSING: QT_TRANSLATE_NOOP("Evidence", "missing"),
}
EVIDENCE_COLUMNS = (
    QT_TRANSLATE_NOOP("Evidence", "File"),
    QT_TRANSLATE_NOOP("Evidence", "Type"),
    QT_TRANSLATE_NOOP("Evidence", "Size"),
    QT_TRANSLATE_NOOP("Evidence", "Accessed"),
    QT_TRANSLATE_NOOP("Evidence", "Archive URL"),
    QT_TRANSLATE_NOOP("Evidence", "Check"),
)
SHORTCUT = "Ctrl+Shift+E"


class EvidenceDialog(QDialog):
    """What the researcher says of a file: its name, the day they accessed it, an archive
    URL and a note; for a file being added, or (`given`) one a report has, to correct. OK
    checks them as the command line does and says what is wrong beside them."""

    def __init__(
        self,
        file_name: str,
        report_label: str,
        parent: QWidget | None = None,
        given: Evidence | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("Evidence", "Evidence details")
            if given
            else translate("Evidence", "Add evidence")
        )
        self.file_name = QLineEdit(file_name, self)
        self.file_name.setAccessibleName(translate("Evidence", "File name"))
        self.accessed_known = QCheckBox(translate("Evidence", "Accessed on"), self)
        self.accessed_known.setChecked(given is None or bool(given.accessed))
        accessed = QDate.fromString(given.accessed, "yyyy-MM-dd") if given else QDate()
        self.accessed = QDateEdit(accessed if accessed.isValid() else QDate.currentDate(), self)
        self.accessed.setDisplayFormat("yyyy-MM-dd")
        self.accessed.setCalendarPopup(True)
        self.accessed.setMaximumDate(QDate.currentDate())
        self.accessed.setAccessibleName(translate("Evidence", "Accessed"))
        self.accessed.setEnabled(self.accessed_known.isChecked())
        self.accessed_known.toggled.connect(self.accessed.setEnabled)
        self.archive_url = QLineEdit(given.archive_url if given else "", self)
        self.archive_url.setPlaceholderText(
            translate("Evidence", "https://web.archive.org/… (typed, never fetched)")
        )
        self.archive_url.setAccessibleName(translate("Evidence", "Archive URL"))
        self.note = QLineEdit(given.note if given else "", self)
        self.note.setPlaceholderText(translate("Evidence", "where it came from, what it shows"))
        self.note.setAccessibleName(translate("Evidence", "Note"))
        self.problem = QLabel(self)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        heading = QLabel(
            translate("Evidence", "<b>{file}</b><br>for {report}").format(
                file=escape(file_name), report=escape(report_label)
            ),
            self,
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(heading)
        form.addRow(translate("Evidence", "File name"), self.file_name)
        form.addRow(self.accessed_known, self.accessed)
        form.addRow(translate("Evidence", "Archive URL"), self.archive_url)
        form.addRow(translate("Evidence", "Note"), self.note)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        self.description_given: Description | None = None
        # The researcher comes to add what is new, or to correct what was said.
        (self.archive_url if given is None else self.file_name).setFocus()

    def description(self) -> Description:
        accessed = (
            self.accessed.date().toString("yyyy-MM-dd") if self.accessed_known.isChecked() else ""
        )
        return evidence.describe(
            self.file_name.text(), accessed, self.archive_url.text(), self.note.text()
        )

    def accept(self) -> None:
        try:
            self.description_given = self.description()
        except Invalid as error:
            text = message_text(str(error))
            self.problem.setText(text[:1].upper() + text[1:] + ".")
            return
        super().accept()


class AddEvidence(LedgerCommand):
    """A file attached to a report; undo takes it off again (audited, bytes kept)."""

    def __init__(
        self, session: Session, report_id: str, stored: StoredFile, description: Description
    ) -> None:
        super().__init__(
            session,
            translate("Evidence", "Add evidence {file}").format(file=description.file_name),
        )
        self.report_id = report_id
        self.stored = stored
        self.description = description
        self.item: Evidence | None = None

    def first_run(self) -> Changes:
        self.item, _, changes = self.ledger.add_evidence(
            self.report_id, self.stored, self.description, self.who()
        )
        return changes

    def undo_change(self) -> Changes:
        assert self.item is not None
        return self.ledger.remove_evidence(self.report_id, self.item.sha256, self.who())

    def redo_change(self) -> Changes:
        assert self.item is not None
        return self.ledger.restore_evidence(self.item, self.who())


class RemoveEvidence(LedgerCommand):
    def __init__(self, session: Session, item: Evidence) -> None:
        super().__init__(
            session, translate("Evidence", "Remove evidence {file}").format(file=item.file_name)
        )
        self.item = item

    def first_run(self) -> Changes:
        return self.redo_change()

    def undo_change(self) -> Changes:
        return self.ledger.restore_evidence(self.item, self.who())

    def redo_change(self) -> Changes:
        return self.ledger.remove_evidence(self.item.report_id, self.item.sha256, self.who())


class DescribeEvidence(LedgerCommand):
    """What was said of a file on a report, corrected; undo says it as it was."""

    def __init__(self, session: Session, item: Evidence, description: Description) -> None:
        super().__init__(
            session,
            translate("Evidence", "Edit evidence details of {file}").format(
                file=description.file_name
            ),
        )
        self.item = item
        self.description = description

    def first_run(self) -> Changes:
        return self.redo_change()

    def undo_change(self) -> Changes:
        item = self.item
        return self.ledger.describe_evidence(item.report_id, item.sha256, item.said, self.who())

    def redo_change(self) -> Changes:
        item = self.item
        return self.ledger.describe_evidence(
            item.report_id, item.sha256, self.description, self.who()
        )


class EvidenceAttacher(QObject):
    """Attaches files to reports: the dialog, the copy with progress, the undoable add."""

    def __init__(self, session: Session, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.window = parent

    def choose(self, report_id: str | None) -> None:
        if not self._can_attach(report_id):
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("Evidence", "Add evidence to the report"),
            folders.start_folder(folders.EVIDENCE, self.session.ledger.path),
        )
        if name:
            folders.remember(folders.EVIDENCE, name)
            self.attach(report_id or "", Path(name))

    def _can_attach(self, report_id: str | None) -> bool:
        if self.session.ledger.read_only:
            self.session.message.emit(
                translate("Evidence", "This file is read-only: no evidence can be added.")
            )
            return False
        if not report_id:
            self.session.message.emit(
                translate("Evidence", "Select a report first: evidence backs one report.")
            )
            return False
        return True

    def attach(
        self, report_id: str, path: Path, description: Description | None = None
    ) -> Evidence | None:
        """Describe (the dialog, unless given), copy off the main thread, then record."""
        if not self._can_attach(report_id):
            return None
        if description is None:
            dialog = EvidenceDialog(path.name, self._report_label(report_id), self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            description = dialog.description_given
            assert description is not None
        folder = evidence.evidence_folder(self.session.ledger.path)

        def work(progress: Progress) -> StoredFile:
            return evidence.store_file(folder, path, in_kib(progress))

        copying = translate("Evidence", "Copying {file}").format(file=path.name)
        result = self.tasks.run(copying, work)
        if result.cancelled:
            self.session.message.emit(
                translate("Evidence", "Cancelled: {file} was not added.").format(file=path.name)
            )
            return None
        if result.error is not None:
            self._refused(path, result.error)
            return None
        stored: StoredFile = result.value
        existing = self.session.ledger.evidence_record(report_id, stored.sha256)
        if existing is not None:
            said = translate("Evidence", "The report already has this file ({file}).").format(
                file=existing.file_name
            )
            typed = (description.accessed, description.archive_url, description.note)
            kept = (existing.accessed, existing.archive_url, existing.note)
            if any(typed) and typed != kept:  # nothing may go without a word
                said += " " + translate(
                    "Evidence",
                    "The accessed date, archive URL and note it was added with are kept;"
                    " those typed now were not stored.",
                )
            self.session.message.emit(said)
            return existing
        command = AddEvidence(self.session, report_id, stored, description)
        try:
            self.session.execute(command)
        except Invalid as error:
            self._refused(path, error)
            return None
        return command.item

    def _refused(self, path: Path, error: BaseException) -> None:
        text = message_text(str(error)) if isinstance(error, Invalid | OSError) else repr(error)
        if isinstance(error, Cancelled):
            return
        named = path.name in str(error)  # "grow.mp4: grow.mp4 changed while…" named it twice
        QMessageBox.warning(
            self.window,
            translate("Evidence", "Evidence not added"),
            f"{text[:1].upper()}{text[1:]}."
            if named
            else translate("Evidence", "{file}: {problem}.").format(file=path.name, problem=text),
        )

    def _report_label(self, report_id: str) -> str:
        row = self.session.ledger.conn.execute(
            "SELECT s.name, r.claimed_date FROM reports r JOIN sources s ON s.id = r.source_id"
            " WHERE r.id = ?",
            (report_id,),
        ).fetchone()
        if row is None:
            return translate("Evidence", "report {id}").format(id=report_id)
        return translate("Evidence", "the report of {source} ({date})").format(
            source=row[0], date=row[1]
        )

    def remove(self, item: Evidence) -> None:
        if self.session.ledger.read_only:
            return
        self.session.execute(RemoveEvidence(self.session, item))

    def describe(self, item: Evidence) -> None:
        """The details dialog of a file on a report; what OK changes is one undoable step."""
        if self.session.ledger.read_only:
            self.session.message.emit(
                translate("Evidence", "This file is read-only: evidence details cannot change.")
            )
            return
        label = self._report_label(item.report_id)
        dialog = EvidenceDialog(item.file_name, label, self.window, given=item)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        description = dialog.description_given
        assert description is not None
        if description == item.said:
            return
        self.session.execute(DescribeEvidence(self.session, item, description))


def open_evidence(ledger_path: Path, item: Evidence) -> str | None:
    """Open the stored copy with the system's viewer for its type; what the status bar
    should say of it (None when the copy is as it was added): a missing copy is not
    opened, an altered one is, with a word that it is not what the record names."""
    path = evidence.evidence_folder(ledger_path) / item.sha256
    if not path.exists():
        return translate("Evidence", "{file} is missing from the evidence folder.").format(
            file=item.file_name
        )
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    state = _state(ledger_path, item)
    if state == evidence.ALTERED:
        return translate(
            "Evidence",
            "{file} has changed since it was added: what opened is not the file its SHA-256"
            " names (Edit → Verify evidence files).",
        ).format(file=item.file_name)
    if state is None:  # a large file, changed on disk since it was last hashed
        return translate(
            "Evidence",
            "{file} has not been checked against its SHA-256 since it last changed on disk:"
            " Edit → Verify evidence files says whether it is still the file that was added.",
        ).format(file=item.file_name)
    return None


def state_word(state: str) -> str:
    """`missing`, `altered`, `verified` in the window's words."""
    return translate("Evidence", STATE_WORDS[state]) if state in STATE_WORDS else state


def size_text(size: int) -> str:
    """A file's size as `evidence.human_size` writes it ("1.5 KB", decimal units), in the
    window's language: its decimal separator and its units."""
    if size < 1000:
        return plural.byte_count(size)
    value = float(size)
    for unit in (
        QT_TRANSLATE_NOOP("Evidence", "KB"),
        QT_TRANSLATE_NOOP("Evidence", "MB"),
        QT_TRANSLATE_NOOP("Evidence", "GB"),
    ):
        value /= 1000
        if value < 1000 or unit == "GB":
            break
    shown = QLocale(LOCALES[current_language()]).toString(value, "f", 1)
    return f"{shown} {translate('Evidence', unit)}"


def _state(ledger_path: Path, item: Evidence) -> str | None:
    folder = evidence.evidence_folder(ledger_path)
    return evidence.known_state(folder, item.sha256, item.size)


def check_mark(ledger_path: Path, item: Evidence) -> str:
    return translate("Evidence", MARKS[_state(ledger_path, item)])


def evidence_line(ledger_path: Path, item: Evidence) -> str:
    """One file as the review comparison lists it."""
    state = _state(ledger_path, item)
    mark = translate("Evidence", MARKS[state])
    mark = mark[:1] if state == evidence.VERIFIED else f"{mark}:"
    details = [item.media_type, size_text(item.size)]
    if item.accessed:
        details.append(translate("Evidence", "accessed {date}").format(date=item.accessed))
    return f"{mark} {item.file_name} ({', '.join(details)})"


OWN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete, Qt.Key.Key_F2)


class EvidenceTable(QTableWidget):
    """The evidence files of one report: name, type, size, accessed, archive URL and the
    check mark; Enter or a double click opens the file, F2 corrects what was said of it,
    Delete takes it off (each undoable); its context menu offers the three."""

    def __init__(self, session: Session, attacher: EvidenceAttacher, parent: QWidget) -> None:
        super().__init__(0, len(EVIDENCE_COLUMNS), parent)
        self.session = session
        self.attacher = attacher
        self.items: list[Evidence] = []
        self.setAccessibleName(translate("Evidence", "Evidence"))
        self.setHorizontalHeaderLabels(
            [translate("Evidence", column) for column in EVIDENCE_COLUMNS]
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(lambda _index: self.open_selected())
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def show_items(self, items: list[Evidence]) -> None:
        self.items = items
        self.setRowCount(len(items))
        path = self.session.ledger.path
        for row, item in enumerate(items):
            cells = (
                item.file_name,
                item.media_type,
                size_text(item.size),
                item.accessed or "—",
                item.archive_url or "—",
                check_mark(path, item),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(
                    item.note or translate("Evidence", "SHA-256 {hash}").format(hash=item.sha256)
                )
                self.setItem(row, column, cell)

    def selected(self) -> Evidence | None:
        row = self.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def open_selected(self) -> None:
        item = self.selected()
        if item is not None and (said := open_evidence(self.session.ledger.path, item)):
            self.session.message.emit(said)

    def describe_selected(self) -> None:
        if (item := self.selected()) is not None:
            self.attacher.describe(item)

    def remove_selected(self) -> None:
        if (item := self.selected()) is not None:
            self.attacher.remove(item)

    def _menu(self, point: QPoint) -> None:
        if self.rowAt(point.y()) < 0:
            return
        self.selectRow(self.rowAt(point.y()))
        writable = not self.session.ledger.read_only
        menu = QMenu(self)
        for text, key, act, enabled in (
            (translate("Evidence", "&Open"), "Enter", self.open_selected, True),
            (translate("Evidence", "&Details…"), "F2", self.describe_selected, writable),
            (
                translate("Evidence", "&Remove from the report"),
                "Del",
                self.remove_selected,
                writable,
            ),
        ):
            action = menu.addAction(f"{text}\t{key}")
            action.triggered.connect(act)
            action.setEnabled(enabled)
        menu.exec(self.viewport().mapToGlobal(point))

    def event(self, event: QEvent) -> bool:
        """Enter, F2 and Delete are this list's own keys: the window's (which edit or
        delete the selected report or event) must not take them first."""
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in OWN_KEYS:  # type: ignore[attr-defined]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.remove_selected()
            return
        if event.key() == Qt.Key.Key_F2:
            self.describe_selected()
            return
        super().keyPressEvent(event)


class FileDrops(QObject):
    """Files dropped on a widget: `report_at` names the report under the drop point (None
    where there is none), `attach` takes the report and each file in turn (each its own
    dialog: the second of three files dropped at once was dropped silently). `refusal`,
    where given, says why files dropped where no report is named go nowhere (None: they
    are the window's, to import): the drop is taken and the reason `refused` (a text box
    would take the files' addresses as text)."""

    def __init__(
        self,
        widget: QWidget,
        report_at: Callable[[QPoint], str | None],
        attach: Callable[[str, Path], object],
        read_only: bool,
        refusal: Callable[[list[Path]], str | None] | None = None,
        refused: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(widget)
        self.report_at = report_at
        self.attach = attach
        self.read_only = read_only
        self.refusal = refusal
        self.refused = refused
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            drag: QDragEnterEvent = event  # type: ignore[assignment]
            if self._target(drag) is not None or self._refused_files(drag):
                drag.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            drop: QDropEvent = event  # type: ignore[assignment]
            target = self._target(drop)
            if target is None:
                if not self._refused_files(drop):
                    return False
                drop.acceptProposedAction()
                if self.refused is not None and self.refusal is not None:
                    self.refused(self.refusal(self._files(drop)) or "")
                return True
            drop.acceptProposedAction()
            report_id, files = target
            # After the drop returns: the file manager is not kept waiting on the dialogs.
            QTimer.singleShot(0, self, lambda: self._attach_all(report_id, files))
            return True
        return False

    def _refused_files(self, event: QDropEvent) -> bool:
        """Files dropped where no report is named, which this widget refuses aloud."""
        if self.refusal is None or self.read_only:
            return False
        files = self._files(event)
        return bool(files) and self.refusal(files) is not None

    def _attach_all(self, report_id: str, files: list[Path]) -> None:
        for path in files:
            self.attach(report_id, path)

    def _target(self, event: QDropEvent) -> tuple[str, list[Path]] | None:
        if self.read_only:
            return None
        files = self._files(event)
        report_id = self.report_at(event.position().toPoint()) if files else None
        return (report_id, files) if report_id else None

    @staticmethod
    def _files(event: QDropEvent) -> list[Path]:
        if not event.mimeData().hasUrls():
            return []
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        return [path for path in files if path.is_file()]
