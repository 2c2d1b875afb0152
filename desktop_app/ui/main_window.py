"""The main window: builds the panes, the menus and the status bar, and wires them to one
session. The panes do the work; this module only composes them."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QProcess,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..settings import APPLICATION, ORGANIZATION
from ..store import evidence, queries
from ..store.ledger import Changes, Ledger, LedgerFileError
from . import folders
from .chart_pane import ChartPane
from .commands import DeleteReports
from .dialogs import SHORTCUT_NAME, ShortcutsDialog, SourcesDialog
from .event_pane import EventPane
from .events_pane import EventsPane
from .evidence_ui import SHORTCUT, EvidenceAttacher, FileDrops, state_word
from .i18n import (
    LANGUAGES,
    chosen_language,
    current_language,
    install_language,
    number,
    remember_language,
)
from .messages import message_text
from .notifier import AfterPaint
from .report_form import ReportForm
from .review_pane import ReviewPane
from .session import Session, unsaved_in_wal
from .status_bar import StatusBar
from .tasks import JobResult, Progress, TaskRunner, in_kib
from .text_undo import TextUndoFallback
from .transfers import Transfers
from .words import events_text, plural, reports_text

MAX_RECENT = 8
WAIT_TEXT_WIDTH = 420  # pixels: the waiting dialog's sentence wraps at about this width
RECORD, REVIEW, BALANCE = range(3)  # the workspaces, in their tabs' order
OPEN_WINDOWS: set[MainWindow] = set()  # keeps windows alive while they are open
DROPS_WATCHED = "exchangeLedgerDropsWatched"  # a form's widget given its drop filters
translate = QCoreApplication.translate


def _importable(path: str) -> bool:
    """A file or folder the window imports when dropped: a CSV file or an export folder."""
    return path.lower().endswith(".csv") or (bool(path) and Path(path).is_dir())


class _ImportDrops(QObject):
    """A CSV file or an export folder dropped on one of the form's fields, backing no
    report, goes to the window's import: the Quote box took its address as text (a quote
    is kept exactly as typed), where the same file dropped beside the fields was imported."""

    def __init__(self, widget: QWidget, window: MainWindow) -> None:
        super().__init__(widget)
        self.main_window = window
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        drag: QDropEvent = event  # type: ignore[assignment]
        if not any(_importable(url.toLocalFile()) for url in drag.mimeData().urls()):
            return False
        if kind == QEvent.Type.Drop:
            self.main_window.dropEvent(drag)
        else:
            drag.acceptProposedAction()
        return True


def _settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def remember_file(path: Path) -> None:
    """The last database and the recent files, kept in the person's settings."""
    settings = _settings()
    resolved = str(path.resolve())
    recent = [resolved] + [item for item in _recent(settings) if item != resolved]
    settings.setValue("files/recent", recent[:MAX_RECENT])
    settings.setValue("files/last", resolved)
    settings.sync()


def _recent(settings: QSettings) -> list[str]:
    """The recent files as a list: an INI file gives back a list of one as a plain string
    (whose characters would otherwise each become a "file")."""
    value = settings.value("files/recent", [])
    items = [value] if isinstance(value, str) else value or []
    return [str(item) for item in items if item]


def recent_files() -> list[str]:
    return _recent(_settings())


def forget_file(path: Path) -> None:
    """`path` taken off the recent files (the last database stays as it is)."""
    settings = _settings()
    resolved = str(path.resolve())
    settings.setValue("files/recent", [item for item in _recent(settings) if item != resolved])
    settings.sync()


class MainWindow(QMainWindow):
    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        install_language()  # once per process: the window is built in its language
        self.setObjectName("MainWindow")
        self.session = Session(ledger, self)
        self.ledger = ledger
        # sqlite-utils (a tenth of a second to import) is loaded while the window is
        # built: loaded by the first list of completions after the paint, it stalled a
        # scroll of the events table, and by the first save, the save itself.
        ledger.db  # noqa: B018 - a cached property, read for its effect
        self.notifier = self.session.notifier
        self.tasks = TaskRunner(self)
        self.transfers = Transfers(self.session, self.tasks, self)
        self.evidence = EvidenceAttacher(self.session, self.tasks, self)
        self._data_version = self._read_data_version()
        # The audit trail's last record the window has seen, and whether another program
        # wrote one that the window's own write took in before its poll saw it.
        self._audit_seen = ledger.last_audit()
        self._audited_elsewhere = False
        ledger.on_wait = self._waiting_for_other_writer
        ledger.on_wait_over = self._wait_over
        self.waited_for_other_writer = 0.0
        self.wait_dialog: QProgressDialog | None = None
        self._build_panes()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.setAcceptDrops(True)
        self._settle_later = AfterPaint(self, self._settle)
        self.notifier.changed.connect(self._on_changed)
        self._poll = QTimer(self)
        self._poll.setInterval(1000)
        self._poll.timeout.connect(self.check_other_writers)
        self._poll.start()
        self._update_title()
        self._settle_later.start()
        self._give_each_workspace_its_list_first()
        self._restore_layout()
        self._say_upgrade()
        OPEN_WINDOWS.add(self)

    # ---- building -----------------------------------------------------------------

    def _build_panes(self) -> None:
        self.events_pane = EventsPane(self.session, self)
        self.event_pane = EventPane(self.session, self.evidence, self)
        self.form = ReportForm(self.session, self)
        self.read_only_banner = QLabel(self._read_only_text(), self)
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setAccessibleName(translate("MainWindow", "Read-only banner"))
        self.read_only_banner.setStyleSheet(
            "background: #fff3cd; color: #664d03; padding: 6px; border: 1px solid #ffe69c;"
        )
        self.read_only_banner.setVisible(self.ledger.read_only)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("EventsSplitter")
        self.splitter.addWidget(self.events_pane)
        self.splitter.addWidget(self.event_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.record_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.record_splitter.setObjectName("RecordSplitter")
        self.record_splitter.addWidget(self.splitter)
        self.record_splitter.addWidget(self.form)
        self.record_splitter.setStretchFactor(0, 1)
        self.review_pane = ReviewPane(self.session, self)
        self.review_pane.wants_view.connect(lambda: self.show_workspace(REVIEW))
        self.review_pane.enable_evidence(self.evidence)
        self.chart_pane = ChartPane(self.ledger, self.notifier, self)
        self.chart_pane.event_selected.connect(self.session.event_selected.emit)
        self.session.event_selected.connect(self.chart_pane.select_event)
        # Three jobs, three workspaces that each get the whole window (Zotero, Anki and
        # QGIS give the task in hand the room): record, review, watch the balance.
        self.workspaces = QTabWidget(self)
        self.workspaces.setObjectName("Workspaces")
        self.workspaces.setAccessibleName(translate("MainWindow", "Workspaces"))
        self.workspaces.setDocumentMode(True)
        # No mnemonics in the titles: Alt+1…9 take a report's value in the review.
        for index, (page, title) in enumerate(
            ((self.record_splitter, translate("MainWindow", "Record")),
             (self.review_pane, translate("MainWindow", "Review")),
             (self.chart_pane, translate("MainWindow", "Balance"))),
        ):  # fmt: skip
            self.workspaces.addTab(page, f"{title}  (Ctrl+{index + 1})")
        self.workspaces.currentChanged.connect(self._workspace_shown)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.workspaces)
        self.setCentralWidget(central)
        self.form.setEnabled(not self.ledger.read_only)
        self._watch_form_drops()
        # A flow's row, added later, takes drops too (its From took the file's path).
        self.form.flows.rows_changed.connect(self._watch_form_drops)
        self.event_pane.edit_requested.connect(self._edit_report)
        self.event_pane.new_report_requested.connect(self._new_report_for)
        self.event_pane.delete_requested.connect(self.delete_reports)
        self.events_pane.event_activated.connect(lambda _id: self.event_pane.table.setFocus())
        self.resize(1280, 800)

    def _watch_form_drops(self) -> None:
        """A file dropped anywhere on the form backs the report it edits (else the
        selected one): on its fields too, which would otherwise take the file's path as
        text; a file to import goes to the import."""
        for widget in [self.form, *self.form.findChildren(QWidget)]:
            if widget.property(DROPS_WATCHED) or not (widget is self.form or widget.acceptDrops()):
                continue
            widget.setProperty(DROPS_WATCHED, True)
            _ImportDrops(widget, self)  # asked after FileDrops (filters: last in, first)
            FileDrops(
                widget,
                lambda _point: self._report_of_the_form(),
                self.evidence.attach,
                self.ledger.read_only,
                self._form_drop_refusal,
                lambda text: self.statusBar().showMessage(text, 8000),
            )

    def _report_of_the_form(self) -> str | None:
        """The report a file dropped on the form backs: the one it edits, else the one
        selected, unless the form holds a new report being typed (the file went to the
        selected report, another one, while a new one was typed beside it)."""
        if self.form.editing_report:
            return self.form.editing_report
        if self.form.has_typed_content():
            return None
        return self.event_pane.selected_report_id()

    def _form_drop_refusal(self, files: list[Path]) -> str | None:
        """Why files dropped on the form back no report; None for a file the window
        imports (a reports.csv dropped on the form of an empty ledger, say)."""
        if any(_importable(str(path)) for path in files):
            return None
        if self.form.has_typed_content():
            return translate(
                "MainWindow",
                "This report is not committed yet: commit it (Ctrl+Enter), then drop the file"
                " on it.",
            )
        return translate(
            "MainWindow",
            "No report to add the file to: select a report, or edit one, then drop the file"
            " on the form.",
        )

    def show_workspace(self, index: int) -> None:
        """Bring a workspace into view (a shortcut that acts on it calls this first)."""
        self.workspaces.setCurrentIndex(index)

    def _read_only_text(self) -> str:
        text = translate(
            "MainWindow",
            "This file is read-only: you can read, filter and export, but not change it.",
        )
        blocked = self.ledger.side_files_of_others()
        if blocked:
            text += " " + translate(
                "MainWindow",
                "{names} beside it belong to another user (a program of theirs read the"
                " ledger in this folder) and cannot be written by you.",
            ).format(names=" / ".join(side.name for side in blocked))
        return text

    def _say_upgrade(self) -> None:
        """An older file was upgraded on opening: where the file as it was is kept."""
        saved = self.ledger.upgrade_backup
        if saved is not None:
            text = translate(
                "MainWindow",
                "{name} was written by an older version and has been upgraded; the file as"
                " it was is kept as {backup}.",
            )
            self.statusBar().showMessage(text.format(name=self.ledger.path.name, backup=saved))

    def _give_each_workspace_its_list_first(self) -> None:
        """Qt gives a new window, and a page shown for the first time, the first control
        in its Tab order: the events' Type filter, the queue's sort order, where the arrow
        keys change the filter or re-sort the queue. Before the window is shown, setFocus
        only records the control each part returns to: the lists."""
        self.chart_pane.graphics.setFocus(Qt.FocusReason.OtherFocusReason)
        self.review_pane.queue.setFocus(Qt.FocusReason.OtherFocusReason)
        self.events_pane.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _workspace_shown(self, index: int) -> None:
        # The chart, not its Category filter, where the arrow keys changed the category.
        focus = {
            RECORD: self.events_pane.view.take_focus,
            REVIEW: self.review_pane.queue.take_focus,
            BALANCE: lambda: self.chart_pane.graphics.setFocus(Qt.FocusReason.ShortcutFocusReason),
        }[index]
        if not self.workspaces.currentWidget().isAncestorOf(QApplication.focusWidget()):
            focus()

    def _action(
        self,
        text: str,
        slot,
        shortcut: QKeySequence | str | None = None,
        writes: bool = False,  # noqa: ANN001
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        action.setEnabled(not (writes and self.ledger.read_only))
        self.addAction(action)
        if writes and self.ledger.read_only and shortcut is not None:
            # The action is disabled, and its key did nothing, without a word.
            QShortcut(QKeySequence(shortcut), self, self._say_read_only)
        return action

    def _say_read_only(self) -> None:
        self.statusBar().showMessage(
            translate("MainWindow", "This file is open read-only: nothing can be changed."),
            8000,
        )

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_file_action = self._action(
            translate("MainWindow", "&New file…"), self.new_file, "Ctrl+Alt+N"
        )
        self.open_action = self._action(
            translate("MainWindow", "&Open…"), self.open_dialog, key.Open
        )
        self.import_action = self._action(
            translate("MainWindow", "&Import CSV…"), self.transfers.import_dialog, "Ctrl+I", True
        )
        self.export_action = self._action(
            translate("MainWindow", "&Export CSV…"), self.transfers.export_dialog, "Ctrl+E"
        )
        self.import_folder_action = self._action(
            translate("MainWindow", "Import an export &folder…"),
            self.transfers.import_folder_dialog,
            "Ctrl+Shift+I",
            True,
        )
        # A choice the export remembers: the CSV files also as one workbook (export --xlsx).
        self.workbook_action = QAction(
            translate("MainWindow", "Export also &writes a workbook (.xlsx)"), self
        )
        self.workbook_action.setCheckable(True)
        self.workbook_action.setChecked(self.transfers.workbook_wanted)
        self.workbook_action.toggled.connect(self.transfers.set_workbook_wanted)
        self.merge_action = self._action(
            translate("MainWindow", "&Merge another file…"),
            self.transfers.merge_dialog,
            "Ctrl+M",
            True,
        )
        self.save_copy_action = self._action(
            translate("MainWindow", "Save a &copy…"), self.save_copy_dialog
        )
        self.quit_action = self._action(translate("MainWindow", "&Quit"), self.quit, "Ctrl+Q")
        self.undo_action = self.session.undo_stack.createUndoAction(
            self, translate("MainWindow", "&Undo")
        )
        self.undo_action.setShortcut(QKeySequence(key.Undo))
        self.redo_action = self.session.undo_stack.createRedoAction(
            self, translate("MainWindow", "&Redo")
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, name in ((self.undo_action, "&Undo"), (self.redo_action, "&Redo")):
            action.setProperty(SHORTCUT_NAME, translate("MainWindow", name).replace("&", ""))
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
        self.text_undo = TextUndoFallback(self)  # Ctrl+Z in an empty text box: the ledger's
        self.new_event_action = self._action(
            translate("MainWindow", "&New event"), self.new_event, key.New, True
        )
        self.new_report_action = self._action(
            translate("MainWindow", "New re&port for the selected event"),
            self.new_report,
            "Ctrl+Shift+N",
            True,
        )
        self.edit_report_action = self._action(
            translate("MainWindow", "&Edit the selected report"),
            self.event_pane.edit_selected,
            "F2",
            True,
        )
        self.delete_action = self._action(
            translate("MainWindow", "&Delete"), self.delete_selection, key.Delete, True
        )
        self.sources_action = self._action(
            translate("MainWindow", "&Sources…"), self.show_sources, "Ctrl+Shift+S"
        )
        self.name_action = self._action(translate("MainWindow", "&Your name…"), self.change_name)
        self.find_action = self._action(translate("MainWindow", "&Find"), self.find, key.Find)
        self.conflicts_action = self._action(
            translate("MainWindow", "&Show events to review"),
            self.events_pane.show_to_review,
            "Ctrl+Shift+C",
        )
        self.clear_filters_action = self._action(
            translate("MainWindow", "Cl&ear filters"),
            self.events_pane.clear_filters,
            "Ctrl+Shift+L",
        )
        self.record_action = self._action(
            translate("MainWindow", "&Record: events, reports and the form"),
            self._focus_events,
            "Ctrl+1",
        )
        self.review_action = self._action(
            translate("MainWindow", "Re&view: the queue and the reports side by side"),
            self._focus_review,
            "Ctrl+2",
        )
        self.balance_action = self._action(
            translate("MainWindow", "&Balance: the chart"),
            lambda: self.show_workspace(BALANCE),
            "Ctrl+3",
        )
        self.focus_form_action = self._action(
            translate("MainWindow", "Go to the en&try form"), self._focus_form, "Ctrl+Shift+F"
        )
        self.focus_reports_action = self._action(
            translate("MainWindow", "Go to the event's re&ports"),
            self._focus_reports,
            "Ctrl+Shift+R",
        )
        self.shortcuts_action = self._action(
            translate("MainWindow", "&Keyboard shortcuts"), self.show_shortcuts, "F1"
        )
        self.about_action = self._action(
            translate("MainWindow", "&About Exchange Ledger"), self.show_about
        )
        self.add_evidence_action = self._action(
            translate("MainWindow", "&Add evidence to the report…"),
            self.add_evidence,
            SHORTCUT,
            True,
        )
        self.verify_evidence_action = self._action(
            translate("MainWindow", "&Verify evidence files"), self.verify_evidence
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.addActions([self.new_file_action, self.open_action])
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.import_folder_action])
        file_menu.addActions([self.export_action, self.workbook_action, self.merge_action])
        file_menu.addAction(self.save_copy_action)
        file_menu.addActions([self.chart_pane.export_png_action, self.chart_pane.export_svg_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [
                self.new_event_action,
                self.new_report_action,
                self.edit_report_action,
                self.delete_action,
            ]
        )
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_evidence_action, self.verify_evidence_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.sources_action, self.name_action])
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        view_menu.addActions([self.record_action, self.review_action, self.balance_action])
        view_menu.addSeparator()
        view_menu.addActions(
            [
                self.find_action,
                self.conflicts_action,
                self.clear_filters_action,
                self.focus_form_action,
                self.focus_reports_action,
            ]
        )
        sort_menu = view_menu.addMenu(translate("MainWindow", "S&ort events by"))
        sort_menu.aboutToShow.connect(lambda: self.show_workspace(RECORD))  # what it sorts
        self.events_pane.build_sort_menu(sort_menu)
        view_menu.addSeparator()
        self._build_language_menu(view_menu)
        review_menu = bar.addMenu(translate("MainWindow", "&Review"))
        review_menu.addActions(self.review_pane.review_actions)
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        help_menu.addActions([self.shortcuts_action, self.about_action])

    def _build_status_bar(self) -> None:
        bar = StatusBar(self)
        self.setStatusBar(bar)
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(translate("MainWindow", "Status"))
        bar.add_counts(self.status_label)
        self.session.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # ---- state --------------------------------------------------------------------

    def _update_title(self) -> None:
        if self.ledger.read_only:
            title = translate("MainWindow", "{file} [read-only] — Exchange Ledger")
        else:
            title = translate("MainWindow", "{file} — Exchange Ledger")
        self.setWindowTitle(title.format(file=self.ledger.path.name))

    def _update_status(self) -> None:
        # Conflicts, reopened events and standing warnings: a doubt is never invisible.
        events, to_review = queries.event_counts(self.ledger)
        reports = self.ledger.count("reports")
        to_review_text = translate("MainWindow", "{count} to review").format(
            count=number(to_review)
        )
        self.status_label.setText(
            f"{self.ledger.path.name}  ·  {events_text(events)}"
            f"  ·  {reports_text(reports)}  ·  {to_review_text}"
        )

    def _settle(self) -> None:
        """What can wait until a change (or the opening) has been shown."""
        self._update_status()

    def _on_changed(self, changes: Changes) -> None:
        self._settle_later.start()
        if changes.everything:
            # A job of this window (an import, a merge) committed through its own
            # connection, and every pane reloads whole: its commit is no other program's
            # news (the job started the undo history afresh itself). Not after the
            # window's own writes, which leave the number as it was: a commit another
            # program made just before one of them was taken as seen, and the panes
            # never showed it.
            self._data_version = self._read_data_version()
            self._audit_seen = self.ledger.last_audit()
            self._audited_elsewhere = False
        elif self.ledger.audit_at_commit > self._audit_seen:  # this window's own write
            if self.ledger.audit_at_begin > self._audit_seen:
                self._audited_elsewhere = True  # another program's, just before it
            self._audit_seen = self.ledger.audit_at_commit

    def _read_data_version(self) -> int:
        return self.ledger.data_version()

    def _waiting_for_other_writer(self, seconds: float) -> bool:
        """A write waits for another program writing the same file (up to a minute): say
        so, keep painting, and offer to stop waiting. The dialog is window-modal, so the
        window takes no other input meanwhile; False when the person stopped waiting."""
        self.waited_for_other_writer = seconds
        text = translate(
            "MainWindow",
            "Waiting for another program that is writing {file} ({seconds} s)… your"
            " change will be saved as soon as it is done.",
        ).format(file=self.ledger.path.name, seconds=f"{seconds:.0f}")
        self.statusBar().showMessage(text)
        if self.wait_dialog is None:
            dialog = QProgressDialog(text, translate("MainWindow", "Stop waiting"), 0, 0, self)
            dialog.setWindowTitle(translate("MainWindow", "Waiting for another program"))
            label = QLabel(dialog)  # the sentence in lines, not one line as wide as the screen
            label.setWordWrap(True)
            label.setMinimumWidth(WAIT_TEXT_WIDTH)
            dialog.setLabel(label)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.show()
            self.wait_dialog = dialog
        self.wait_dialog.setLabelText(text)
        QApplication.processEvents()  # the dialog's button too; it holds the window's input
        return not self.wait_dialog.wasCanceled()

    def _wait_over(self) -> None:
        self.statusBar().clearMessage()  # "Waiting for another program…" no longer holds
        if self.wait_dialog is not None:
            self.wait_dialog.close()
            self.wait_dialog.deleteLater()
            self.wait_dialog = None

    def check_other_writers(self) -> None:
        """Another process (or a worker) committed to the file: show what it wrote, and
        start the undo history afresh. Ctrl+Z after a colleague's merge from the command
        line undid an edit made here before it, over the newer edit the merge had brought
        (a value neither of them had typed); the window's own imports and merges start it
        afresh too."""
        if self.tasks.dialog is not None:
            return  # a job of this window may be writing: said by the job when it ends
        version = self._read_data_version()
        if version == self._data_version:
            return
        self._data_version = version
        last = self.ledger.last_audit()
        # Audited: a change to the data (not another program's check of the file, or
        # this window's own export, which write no audit record and leave undo as it is).
        changed_elsewhere = self._audited_elsewhere or last > self._audit_seen
        self._audit_seen, self._audited_elsewhere = last, False
        stack = self.session.undo_stack
        afresh = changed_elsewhere and stack.count() > 0
        if afresh:
            stack.clear()
        heard: list[str] = []  # what the panes say of the change (the review moving on)

        def hear(text: str) -> None:
            heard.append(text)

        self.session.message.connect(hear)
        try:
            self.session.notify_all()
        finally:
            self.session.message.disconnect(hear)
        if afresh:
            said = translate(
                "MainWindow", "Undo starts afresh: another program changed {name}."
            ).format(name=self.ledger.path.name)
            self.session.message.emit(" ".join([said, *heard[-1:]]))

    def _restore_layout(self) -> None:
        settings = _settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        # First start: the events table gets the room (10 rows and more), the form 440 px.
        self.splitter.setSizes([420, 220])
        self.record_splitter.setSizes([self.width() - 440, 440])
        for name, part in self._remembered().items():
            state = settings.value(f"window/{name}")
            if isinstance(state, QByteArray):
                part.restoreState(state)
        self.events_pane.fit_words_of_columns()  # widths kept from a run in English
        self.review_pane.fit_words_of_columns()
        self.review_pane.sort_order.setCurrentIndex(_index(settings.value("window/queue_order")))
        self.workspaces.setCurrentIndex(_index(settings.value("window/workspace")))

    def _remembered(self) -> dict[str, QSplitter | QHeaderView]:
        """The splitters, and the columns of the events table and of the review queue
        (their order, widths and sort), as the person left them."""
        return {
            "splitter": self.splitter,
            "record": self.record_splitter,
            "review": self.review_pane.splitter,
            "events_columns": self.events_pane.view.horizontalHeader(),
            "queue_columns": self.review_pane.queue.horizontalHeader(),
        }

    def save_layout(self) -> None:
        settings = _settings()
        settings.setValue("window/geometry", self.saveGeometry())
        for name, part in self._remembered().items():
            settings.setValue(f"window/{name}", part.saveState())
        settings.setValue("window/workspace", self.workspaces.currentIndex())
        settings.setValue("window/queue_order", self.review_pane.sort_order.currentIndex())
        settings.sync()

    # ---- actions ------------------------------------------------------------------

    def new_event(self) -> None:
        self.show_workspace(RECORD)
        self.form.new_event()

    def new_report(self) -> None:
        event_id = self.events_pane.selected_event()
        if not event_id:
            self.statusBar().showMessage(translate("MainWindow", "Select an event first."), 4000)
            return
        self._new_report_for(event_id)

    def _new_report_for(self, event_id: str) -> None:
        self.show_workspace(RECORD)
        self.form.new_report_for(event_id)

    def _edit_report(self, report: dict) -> None:
        self.show_workspace(RECORD)
        self.form.edit_report(report)

    def delete_selection(self) -> None:
        """Delete what the focused table has selected: reports in an event's reports, the
        event in the events table. Elsewhere (the form, a box, a button) it deletes nothing
        and says where it acts: it used to take the whole selected event, and the Enter
        that a person typing presses next confirmed it."""
        if self.event_pane.table.hasFocus():
            self.event_pane.delete_selected()
        elif self.events_pane.view.hasFocus() and self.events_pane.selected_event():
            self.delete_reports(
                [report["id"] for report in self.event_pane.reports], whole_event=True
            )
        else:
            self.session.message.emit(
                translate(
                    "MainWindow",
                    "Delete acts on the events table (the selected event) or on an event's"
                    " reports (the selected reports): select there first.",
                )
            )

    def delete_reports(self, report_ids: list[str], whole_event: bool = False) -> None:
        if not report_ids or self.ledger.read_only:
            return
        count = len(report_ids)
        if whole_event:
            question = plural.delete_event_question(count)
        else:
            question = plural.delete_reports_question(count)
        answer = QMessageBox.question(self, translate("MainWindow", "Delete"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if whole_event:
            text = translate("MainWindow", "Delete event")
        else:
            text = plural.delete_reports(count)
        self.session.execute(DeleteReports(self.session, report_ids, text))

    def show_sources(self) -> None:
        SourcesDialog(self.session, self).exec()

    def change_name(self) -> None:
        name = self.session.change_name(self)
        if name is not None:
            self.statusBar().showMessage(
                translate(
                    "MainWindow",
                    "Your name is now {name}: the entries and decisions you make from now"
                    " on carry it.",
                ).format(name=name),
                8000,
            )

    def find(self) -> None:
        self.show_workspace(RECORD)  # the search box is there: typing never goes unseen
        self.events_pane.focus_search()

    def _focus_events(self) -> None:
        self.show_workspace(RECORD)
        self.events_pane.view.take_focus()

    def _focus_review(self) -> None:
        self.show_workspace(REVIEW)
        self.review_pane.queue.take_focus()

    def _focus_form(self) -> None:
        self.show_workspace(RECORD)
        self.form.event_type.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_reports(self) -> None:
        self.show_workspace(RECORD)
        self.event_pane.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def evidence_target(self) -> str | None:
        """The report a chosen or dropped file backs: the one compared in the review's
        current column, else the one the form edits, else the one selected in the event's
        reports."""
        if self.workspaces.currentIndex() == REVIEW:
            return self.review_pane.current_report_id()
        return self.form.editing_report or self.event_pane.selected_report_id()

    def add_evidence(self) -> None:
        self.evidence.choose(self.evidence_target())

    def verify_evidence(self) -> None:
        """Re-hash every stored file off the main thread; say which are missing or altered."""
        path = self.ledger.path

        def work(progress: Progress) -> list[evidence.Check]:
            with Ledger.open(path, read_only=True, snapshot=True) as reader:
                return evidence.verify(
                    reader, lambda done, total: progress(done // 1024, max(total // 1024, 1))
                )

        result = self.tasks.run(translate("MainWindow", "Verifying evidence files"), work)
        if result.cancelled or result.error is not None:
            return
        failed = [check for check in result.value if check.state != evidence.VERIFIED]
        self.event_pane.show_evidence()
        if failed:
            lines = "\n".join(
                f"{state_word(check.state)}: {', '.join(check.names) or check.sha256}"
                for check in failed
            )
            QMessageBox.warning(
                self,
                translate("MainWindow", "Evidence files missing or altered"),
                plural.evidence_not_matching(len(failed)).format(total=number(len(result.value)))
                + f"\n{lines}",
            )
        elif not result.value:
            self.session.message.emit(
                translate("MainWindow", "This ledger has no evidence files to verify.")
            )
        else:
            self.session.message.emit(plural.evidence_verified(len(result.value)))

    def shortcut_actions(self) -> list[QAction]:
        actions = self.actions() + self.review_pane.review_actions
        return [action for action in actions if not action.shortcut().isEmpty()]

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.shortcut_actions(), self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            translate("MainWindow", "About Exchange Ledger"),
            translate(
                "MainWindow",
                "<b>Exchange Ledger</b> {version}<br>Sourced events of a war, their"
                " conflicting reports, and the balance of exchanges. Works offline; every"
                " change is committed at once and audited.",
            ).format(version=__version__),
        )

    # ---- language -----------------------------------------------------------------

    def _build_language_menu(self, view_menu) -> None:  # noqa: ANN001 - a QMenu
        """View → Language: each language named in itself; the choice is remembered and
        takes effect when the program starts again (which it offers to do at once)."""
        self.language_menu = view_menu.addMenu(translate("MainWindow", "&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        chosen = chosen_language()
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            self.language_actions[code] = action

    def choose_language(self, code: str) -> None:
        """Remember the language; offer to restart into it when it is not the one shown."""
        remember_language(code)
        if code == current_language():
            return
        answer = QMessageBox.question(
            self,
            translate("MainWindow", "Language"),
            translate(
                "MainWindow",
                "The window will speak {language} when Exchange Ledger starts again."
                " Restart now? Everything is already saved.",
            ).format(language=LANGUAGES[code]),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restart()

    def restart(self) -> bool:
        """Start the program again on this file, then close this window."""
        if not self.form.may_discard():
            return False
        started = QProcess.startDetached(
            sys.executable, ["-m", "desktop_app", str(self.ledger.path)]
        )
        if started[0] if isinstance(started, tuple) else started:
            self.close()
            QApplication.quit()
            return True
        QMessageBox.warning(
            self,
            translate("MainWindow", "Language"),
            translate(
                "MainWindow",
                "Exchange Ledger could not be started again: please"
                " close it and start it yourself.",
            ),
        )
        return False

    # ---- files --------------------------------------------------------------------

    def new_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("MainWindow", "New ledger file"),
            folders.start_folder(folders.LEDGERS, self.ledger.path),
            translate("MainWindow", "Ledger files (*.db)"),
        )
        if path:
            folders.remember(folders.LEDGERS, path)
            self.open_file(Path(path), create=True)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("MainWindow", "Open a ledger file"),
            folders.start_folder(folders.LEDGERS, self.ledger.path),
            translate("MainWindow", "Ledger files (*.db);;All files (*)"),
        )
        if path:
            folders.remember(folders.LEDGERS, path)
            self.open_file(Path(path))

    def save_copy_dialog(self) -> None:
        """File → Save a copy…: a self-contained copy of this ledger to send to someone."""
        suggested = folders.start_path(
            folders.LEDGERS,
            self.ledger.path,
            translate("MainWindow", "{name} copy.db").format(name=self.ledger.path.stem),
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("MainWindow", "Save a copy of the ledger"),
            suggested,
            translate("MainWindow", "Ledger files (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # a copy never replaces a file
        )
        if path:
            folders.remember(folders.LEDGERS, path)
            self.save_copy(Path(path))

    def save_copy(self, path: Path) -> bool:
        """Write the copy (`VACUUM INTO`: one file, every commit) and its evidence files
        off the main thread, with progress and Cancel; say where, or why not."""
        source = self.ledger.path

        def work(progress: Progress) -> list[str]:
            # No second quick_check (a read of the whole file): the window checked it when
            # it opened it, and VACUUM INTO reads every page and refuses a damaged one.
            with Ledger.open(source, read_only=True, snapshot=True, quick_check=False) as reading:
                return reading.copy_to(path, progress=in_kib(progress))

        title = translate("MainWindow", "Saving a copy as {name}").format(name=path.name)
        if self.ledger.still_there():
            result = self.tasks.run(title, work)
        else:
            result = self._rescue_copy(path)
        if result.cancelled:
            self.statusBar().showMessage(
                translate("MainWindow", "Cancelled: no copy was saved."), 10_000
            )
            return False
        if isinstance(result.error, (LedgerFileError, OSError)):
            self.statusBar().clearMessage()  # an earlier copy's "Saved" must not stand
            QMessageBox.warning(
                self,
                translate("MainWindow", "The copy was not saved"),
                message_text(str(result.error)),
            )
            return False
        if result.error is not None:
            raise result.error
        problems: list[str] = result.value
        if problems:
            QMessageBox.warning(
                self,
                translate("MainWindow", "Some evidence files were not copied"),
                translate(
                    "MainWindow",
                    "The copy {path} holds every commit, but these evidence files could not be"
                    " copied beside it:",
                ).format(path=path)
                + "\n\n"
                + "\n".join(map(message_text, problems)),
            )
        self.statusBar().showMessage(
            translate("MainWindow", "Saved a copy of the ledger as {path}.").format(path=path),
            10_000,
        )
        return True

    def _rescue_copy(self, path: Path) -> JobResult:
        """The copy of a file moved, deleted or replaced since it was opened: only the
        window's own connection still reaches what the window shows (where the file was
        deleted or replaced, nothing else keeps it), so it makes the copy, in the main
        thread that owns it: the way to keep what would otherwise be lost."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return JobResult(value=self.ledger.copy_to(path))
        except (LedgerFileError, OSError) as error:
            return JobResult(error=error)
        finally:
            QApplication.restoreOverrideCursor()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for item in recent_files():
            action = self.recent_menu.addAction(item.replace("&", "&&"))  # "R&D" is no mnemonic
            action.triggered.connect(lambda _checked=False, item=item: self.open_file(Path(item)))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(translate("MainWindow", "(none)")).setEnabled(False)

    def open_file(self, path: Path, *, create: bool = False) -> MainWindow | None:
        """Open another file in a new window that takes this one's place; a file that cannot
        be opened gives a dialog and leaves this window as it was. Only File → New makes
        a file: a recent file that was moved or deleted is not made again, empty."""
        if not self.form.may_discard():
            return None
        try:
            ledger = Ledger.open(path, create=create)
        except LedgerFileError as error:
            self._say_not_opened(path, error)
            return None
        self.save_layout()  # before the new window reads it
        window = MainWindow(ledger)
        remember_file(path)
        window.show()
        if self.close():
            # Freed, with every child: the connections Qt holds to its lambdas kept each
            # window it replaced alive, 47 MB a time at 100,000 events. (Its deferred
            # calls name it as their context, so none runs after it is gone.)
            self.deleteLater()
        return window

    def _say_not_opened(self, path: Path, error: LedgerFileError) -> None:
        """Why a file did not open; a recent file that is gone may be taken off Open
        recent there (it stayed listed for good), or kept for when its drive is back."""
        title = translate("MainWindow", "Cannot open the file")
        if path.exists() or str(path.resolve()) not in recent_files():
            QMessageBox.critical(self, title, message_text(str(error)))
            return
        box = QMessageBox(QMessageBox.Icon.Critical, title, message_text(str(error)), parent=self)
        remove = box.addButton(
            translate("MainWindow", "&Remove from Open recent"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(translate("MainWindow", "&Keep it listed"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(remove)
        box.exec()
        if box.clickedButton() is remove:
            forget_file(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(_importable(url.toLocalFile()) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls()]
        csv_files = [Path(path) for path in paths if _importable(path)]
        if csv_files:
            event.acceptProposedAction()
            QTimer.singleShot(0, self, lambda: self._import_each(csv_files))

    def _import_each(self, paths: list[Path]) -> None:
        """Files dropped together, imported one after the other (each all or nothing),
        up to the first that fails: only the first was imported, without a word of the
        others. Each is asked about: Cancel passes over that one, to the next."""
        for path in paths:
            done = self.transfers.import_file(path, ask=True)
            if (done is None and not self.transfers.declined) or (done and done.errors):
                return

    def quit(self) -> None:
        """Ctrl+Q: a half-typed report is lost only after the person says so."""
        if self.form.may_discard():
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if event.spontaneous() and not self.form.may_discard():  # the title bar's ×
            event.ignore()
            return
        self.save_layout()
        for timer in self.findChildren(QTimer):  # polling, deferred updates: all of them
            timer.stop()
        self.notifier.blockSignals(True)  # late notifications must not reach a closed file
        self.form.setEnabled(False)  # its fields lose focus now, while the file is open
        self.ledger.close()
        wal = Path(f"{self.ledger.path}-wal")
        if self.ledger.checkpoint_failed and wal.exists() and wal.stat().st_size:
            QMessageBox.warning(
                self,
                translate("MainWindow", "Changes kept beside the file"),
                unsaved_in_wal(self.ledger.path),
            )
        OPEN_WINDOWS.discard(self)
        super().closeEvent(event)


def _index(remembered: object) -> int:
    """A remembered list position; 0 (the first) for one that is none, such as "review"
    written by hand into the settings file (it stopped the window from starting)."""
    try:
        return max(0, int(str(remembered)))
    except ValueError:
        return 0
