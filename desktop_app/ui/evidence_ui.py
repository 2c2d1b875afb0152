"""Evidence in the window: the dialog that describes a file, the copy off the main thread
with progress and Cancel, the undoable add and removal, the list of a report's files with
their check marks, and dropping files on panes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, QTimer, QUrl
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
from .session import LedgerCommand, Session
from .tasks import Progress, TaskRunner

MARKS = {
    evidence.VERIFIED: "✓ verified",
    evidence.ALTERED: "✗ altered",
    evidence.MISSING: "✗ missing",
    None: "… not checked yet",
}
EVIDENCE_COLUMNS = ("File", "Type", "Size", "Accessed", "Archive URL", "Check")
SHORTCUT = "Ctrl+Shift+E"


class EvidenceDialog(QDialog):
    """What the researcher says of a file: the day they accessed it, an archive URL and a
    note. OK checks them as the command line does and says what is wrong beside them."""

    def __init__(self, path: Path, report_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle("Add evidence")
        self.accessed_known = QCheckBox("Accessed on", self)
        self.accessed_known.setChecked(True)
        self.accessed = QDateEdit(QDate.currentDate(), self)
        self.accessed.setDisplayFormat("yyyy-MM-dd")
        self.accessed.setCalendarPopup(True)
        self.accessed.setMaximumDate(QDate.currentDate())
        self.accessed.setAccessibleName("Accessed")
        self.accessed_known.toggled.connect(self.accessed.setEnabled)
        self.archive_url = QLineEdit(self)
        self.archive_url.setPlaceholderText("https://web.archive.org/… (typed, never fetched)")
        self.archive_url.setAccessibleName("Archive URL")
        self.note = QLineEdit(self)
        self.note.setPlaceholderText("where it came from, what it shows")
        self.note.setAccessibleName("Note")
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        heading = QLabel(f"<b>{path.name}</b><br>for {report_label}", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(heading)
        form.addRow(self.accessed_known, self.accessed)
        form.addRow("Archive URL", self.archive_url)
        form.addRow("Note", self.note)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        self.description_given: Description | None = None

    def description(self) -> Description:
        accessed = (
            self.accessed.date().toString("yyyy-MM-dd") if self.accessed_known.isChecked() else ""
        )
        return evidence.describe(
            self.path.name, accessed, self.archive_url.text(), self.note.text()
        )

    def accept(self) -> None:
        try:
            self.description_given = self.description()
        except Invalid as error:
            text = str(error)
            self.problem.setText(text[:1].upper() + text[1:] + ".")
            return
        super().accept()


class AddEvidence(LedgerCommand):
    """A file attached to a report; undo takes it off again (audited, bytes kept)."""

    def __init__(
        self, session: Session, report_id: str, stored: StoredFile, description: Description
    ) -> None:
        super().__init__(session, f"Add evidence {description.file_name}")
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
        super().__init__(session, f"Remove evidence {item.file_name}")
        self.item = item

    def first_run(self) -> Changes:
        return self.redo_change()

    def undo_change(self) -> Changes:
        return self.ledger.restore_evidence(self.item, self.who())

    def redo_change(self) -> Changes:
        return self.ledger.remove_evidence(self.item.report_id, self.item.sha256, self.who())


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
        name, _ = QFileDialog.getOpenFileName(self.window, "Add evidence to the report")
        if name:
            self.attach(report_id or "", Path(name))

    def _can_attach(self, report_id: str | None) -> bool:
        if self.session.ledger.read_only:
            self.session.message.emit("This file is read-only: no evidence can be added.")
            return False
        if not report_id:
            self.session.message.emit("Select a report first: evidence backs one report.")
            return False
        return True

    def attach(
        self, report_id: str, path: Path, description: Description | None = None
    ) -> Evidence | None:
        """Describe (the dialog, unless given), copy off the main thread, then record."""
        if not self._can_attach(report_id):
            return None
        if description is None:
            dialog = EvidenceDialog(path, self._report_label(report_id), self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            description = dialog.description_given
            assert description is not None
        folder = evidence.evidence_folder(self.session.ledger.path)

        def work(progress: Progress) -> StoredFile:
            # In KiB: QProgressDialog counts in int, and a 4 GB video has more bytes.
            def in_kib(done: int, total: int) -> bool:
                return progress(done // 1024, max(total // 1024, 1))

            return evidence.store_file(folder, path, in_kib)

        result = self.tasks.run(f"Copying {path.name}", work)
        if result.cancelled:
            self.session.message.emit(f"Cancelled: {path.name} was not added.")
            return None
        if result.error is not None:
            self._refused(path, result.error)
            return None
        stored: StoredFile = result.value
        existing = self.session.ledger.evidence_record(report_id, stored.sha256)
        if existing is not None:
            self.session.message.emit(f"The report already has this file ({existing.file_name}).")
            return existing
        command = AddEvidence(self.session, report_id, stored, description)
        try:
            self.session.execute(command)
        except Invalid as error:
            self._refused(path, error)
            return None
        return command.item

    def _refused(self, path: Path, error: BaseException) -> None:
        text = str(error) if isinstance(error, Invalid | OSError) else repr(error)
        if isinstance(error, Cancelled):
            return
        QMessageBox.warning(self.window, "Evidence not added", f"{path.name}: {text}.")

    def _report_label(self, report_id: str) -> str:
        row = self.session.ledger.conn.execute(
            "SELECT s.name, r.claimed_date FROM reports r JOIN sources s ON s.id = r.source_id"
            " WHERE r.id = ?",
            (report_id,),
        ).fetchone()
        return f"the report of {row[0]} ({row[1]})" if row else f"report {report_id}"

    def remove(self, item: Evidence) -> None:
        if self.session.ledger.read_only:
            return
        self.session.execute(RemoveEvidence(self.session, item))


def open_evidence(ledger_path: Path, item: Evidence) -> bool:
    """Open the stored copy with the system's viewer for its type."""
    path = evidence.evidence_folder(ledger_path) / item.sha256
    if not path.exists():
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def check_mark(ledger_path: Path, item: Evidence) -> str:
    folder = evidence.evidence_folder(ledger_path)
    return MARKS[evidence.known_state(folder, item.sha256, item.size)]


def evidence_line(ledger_path: Path, item: Evidence) -> str:
    """One file as the review comparison lists it."""
    accessed = f", accessed {item.accessed}" if item.accessed else ""
    mark = check_mark(ledger_path, item)
    mark = mark[:1] if mark == MARKS[evidence.VERIFIED] else f"{mark}:"
    return (
        f"{mark} {item.file_name} ({item.media_type}, {evidence.human_size(item.size)}{accessed})"
    )


class EvidenceTable(QTableWidget):
    """The evidence files of one report: name, type, size, accessed, archive URL and the
    check mark; Enter or a double click opens the file, Delete takes it off (undoable)."""

    def __init__(self, session: Session, attacher: EvidenceAttacher, parent: QWidget) -> None:
        super().__init__(0, len(EVIDENCE_COLUMNS), parent)
        self.session = session
        self.attacher = attacher
        self.items: list[Evidence] = []
        self.setAccessibleName("Evidence")
        self.setHorizontalHeaderLabels(EVIDENCE_COLUMNS)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(lambda _index: self.open_selected())

    def show_items(self, items: list[Evidence]) -> None:
        self.items = items
        self.setRowCount(len(items))
        path = self.session.ledger.path
        for row, item in enumerate(items):
            cells = (
                item.file_name,
                item.media_type,
                evidence.human_size(item.size),
                item.accessed or "—",
                item.archive_url or "—",
                check_mark(path, item),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(item.note or f"SHA-256 {item.sha256}")
                self.setItem(row, column, cell)

    def selected(self) -> Evidence | None:
        row = self.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def open_selected(self) -> None:
        item = self.selected()
        if item is not None and not open_evidence(self.session.ledger.path, item):
            self.session.message.emit(f"{item.file_name} is missing from the evidence folder.")

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected()
            return
        if event.key() == Qt.Key.Key_Delete and (item := self.selected()) is not None:
            self.attacher.remove(item)
            return
        super().keyPressEvent(event)


class FileDrops(QObject):
    """Files dropped on a widget: `report_at` names the report under the drop point (None
    where there is none), `attach` takes the report and the first file."""

    def __init__(
        self,
        widget: QWidget,
        report_at: Callable[[QPoint], str | None],
        attach: Callable[[str, Path], object],
        read_only: bool,
    ) -> None:
        super().__init__(widget)
        self.report_at = report_at
        self.attach = attach
        self.read_only = read_only
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            drag: QDragEnterEvent = event  # type: ignore[assignment]
            if self._target(drag) is not None:
                drag.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            drop: QDropEvent = event  # type: ignore[assignment]
            target = self._target(drop)
            if target is None:
                return False
            drop.acceptProposedAction()
            report_id, path = target
            # After the drop returns: the file manager is not kept waiting on the dialog.
            QTimer.singleShot(0, lambda: self.attach(report_id, path))
            return True
        return False

    def _target(self, event: QDropEvent) -> tuple[str, Path] | None:
        if self.read_only or not event.mimeData().hasUrls():
            return None
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        files = [path for path in files if path.is_file()]
        report_id = self.report_at(event.position().toPoint()) if files else None
        return (report_id, files[0]) if report_id else None
