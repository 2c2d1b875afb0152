"""The review pane: the queue of disputed events, their reports side by side, and the
decisions a reviewer takes field by field, each with a rationale, all traceable."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain import validation
from ..domain.records import FieldKey, Report
from ..domain.rules import DISMISSED, stated_value
from ..domain.validation import Invalid
from ..store import evidence
from ..store.events import event_title
from ..store.ledger import Changes
from ..store.review import (
    QueueEntry,
    decision_history,
    fields_to_decide,
    provenance,
    review_queue,
    sort_queue,
)
from . import i18n
from .choice_table import ChoiceTable
from .commands import Decide
from .evidence_ui import EvidenceAttacher, FileDrops, evidence_line, open_evidence
from .messages import message_text
from .session import Session
from .styles import ERROR_STYLE
from .words import (
    STATUS_NAMES,
    WINDOW_WORDS,
    credibility_text,
    disagreement_text,
    field_label,
    field_label_text,
    kind_name,
    narrow_combo,
    party_name,
    plural,
    qualifier_name,
    reliability_text,
    status_name,
)

Index = QModelIndex | QPersistentModelIndex
QUEUE_COLUMNS = (
    QT_TRANSLATE_NOOP("ReviewPane", "Date"),
    QT_TRANSLATE_NOOP("ReviewPane", "Status"),
    QT_TRANSLATE_NOOP("ReviewPane", "Disputes"),
    QT_TRANSLATE_NOOP("ReviewPane", "Largest disagreement"),
)
translate = QCoreApplication.translate
DISPUTED = QColor("#fde2c8")  # light orange: values that differ
REOPENED = QColor("#cc79a7")
# How a field shows in the field list: a warning, disputed and open, decided, quiet.
FIELD_MARKS = {"warning": "⚠ ", "open": "● ", "decided": "✔ ", "quiet": ""}
# Each decision of the history says where it stands now (resolutions.csv's `state`).
DECISION_STATES = {
    "in_force": QT_TRANSLATE_NOOP("ReviewPane", "(in force)"),
    "superseded": QT_TRANSLATE_NOOP("ReviewPane", "(superseded)"),
    "withdrawn": QT_TRANSLATE_NOOP("ReviewPane", "(withdrawn)"),
}
INFO_ROWS = (
    QT_TRANSLATE_NOOP("ReviewPane", "Source"),
    QT_TRANSLATE_NOOP("ReviewPane", "Party"),
    QT_TRANSLATE_NOOP("ReviewPane", "Kind"),
    QT_TRANSLATE_NOOP("ReviewPane", "Reliability"),
    QT_TRANSLATE_NOOP("ReviewPane", "Credibility"),
    QT_TRANSLATE_NOOP("ReviewPane", "Published"),
    QT_TRANSLATE_NOOP("ReviewPane", "URL"),
    QT_TRANSLATE_NOOP("ReviewPane", "Quote"),
    QT_TRANSLATE_NOOP("ReviewPane", "Evidence"),
)


class QueueModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.entries: list[QueueEntry] = []
        self._rows: dict[str, int] = {}  # event id -> row: the queue may hold thousands

    def set_entries(self, entries: list[QueueEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self._rows = {entry.event_id: row for row, entry in enumerate(entries)}
        self.endResetModel()

    def row_of(self, event_id: str) -> int | None:
        return self._rows.get(event_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(QUEUE_COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("ReviewPane", QUEUE_COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.FontRole and entry.status == "reopened":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and entry.status == "reopened":
            return QBrush(REOPENED)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole of a cell its column cuts
            text = self._text(entry, index.column())
            if entry.reversed and index.column() == 1:
                why = translate(
                    "ReviewPane",
                    "Possible reversed direction: decide the doubtful flow or dismiss the warning",
                )
                return f"{text}\n{why}"
            return text
        return None

    @staticmethod
    def _text(entry: QueueEntry, column: int) -> str:
        if column == 0:
            return entry.date
        if column == 1:  # as the events table says it: a warning leaves the status as is
            return status_name(entry.status) + (" ⚠" if entry.reversed else "")
        if column == 2:
            return i18n.number(entry.n_disputes)
        return disagreement_text(entry.largest)


def _row_label(field: FieldKey) -> str:
    """A field's row among the reports' rows (Source, Party, …): "Date", "Location"; a
    flow's row keeps its words as everywhere else ("bodies Russia → Ukraine")."""
    label = field_label(field)
    return label if field.flow is not None else label[:1].upper() + label[1:]


class ReasonLine(QLabel):
    """Why a decision was refused, in red under the buttons; shown only while it says
    something, so that no empty line stands between the buttons and the history."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)  # a long reason wraps; it never widens the window
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class ReviewPane(QWidget):
    """Field by field: pick a report's value (Alt+1…9) or type one, write why, decide."""

    wants_view = Signal()  # a shortcut acts on the pane: the window brings it into view

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.event_id = ""
        self._rationales: dict[str, str] = {}  # written for an event not shown now
        self.reports: list[dict] = []
        self.fields: list[tuple[FieldKey, str]] = []  # field, state (see FIELD_MARKS)
        self.picked_report: str | None = None
        self._build()
        self._build_actions()
        session.notifier.changed.connect(self._on_changed)
        session.event_selected.connect(self._follow_selection)
        self._field_changed()  # no event, no field: nothing to decide until one is shown
        self.reload_queue()

    # ---- building -----------------------------------------------------------------

    def _build(self) -> None:
        self.sort_order = QComboBox(self)
        self.sort_order.addItems(
            [translate("ReviewPane", "By date"), translate("ReviewPane", "By spread of counts")]
        )
        self.sort_order.setAccessibleName(translate("ReviewPane", "Sort queue"))
        self.sort_order.currentIndexChanged.connect(lambda _i: self.reload_queue())
        # Both narrow when the window is (half a screen beside the article): the count
        # wraps onto a second line, the sort order shows whole in its list and tooltip.
        narrow_combo(self.sort_order, 8)
        self.counter = QLabel(self)
        self.counter.setWordWrap(True)
        self.queue_model = QueueModel()
        self.queue = ChoiceTable(self, first_on_arrival=True)
        self.queue.setTabKeyNavigation(False)  # Tab goes on to the decision; arrows move
        self.queue.setAccessibleName(translate("ReviewPane", "Review queue"))
        self.queue.setModel(self.queue_model)
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.verticalHeader().setVisible(False)
        self.queue.horizontalHeader().setStretchLastSection(True)
        # No bold title over the selected row's cells: bold, "Largest disagreement" was
        # wider than its column and lost its first letter.
        self.queue.horizontalHeader().setHighlightSections(False)
        self.queue.horizontalHeader().setSectionsMovable(True)  # remembered by the window
        self.queue.horizontalHeader().setFirstSectionMovable(False)
        for column, width in self._least_widths().items():
            self.queue.setColumnWidth(column, width)
        self.queue.selectionModel().currentRowChanged.connect(self._queue_row_changed)
        self.comparison = QTableWidget(self)
        self.comparison.setTabKeyNavigation(False)
        # Where the reports stand side by side, a sentence while there are none to show.
        self.nothing_shown = QLabel(self)
        self.nothing_shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing_shown.setWordWrap(True)
        self.nothing_shown.setMargin(24)
        self.nothing_shown.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.nothing_shown.setAccessibleName(translate("ReviewPane", "Reports side by side"))
        self.comparison_place = QStackedWidget(self)
        self.comparison_place.addWidget(self.nothing_shown)
        self.comparison_place.addWidget(self.comparison)
        self.evidence_rows = -1
        self.evidence_items: dict[str, list[evidence.Evidence]] = {}
        self.in_question: list[FieldKey] = []  # the comparison's first rows
        self.quiet: list[FieldKey] = []  # its last rows, below who each source is
        # A double click on a value takes it, as Alt+1…9 does for the field of its row.
        self.comparison.cellDoubleClicked.connect(self._take_value_at)
        self.comparison.setAccessibleName(translate("ReviewPane", "Reports side by side"))
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison.setWordWrap(True)
        # A value too long for its column keeps both ends: "2024-…-19" and "2024-…-20" are
        # two days, where "2024-10-…" and "2024-10-…" looked like one (its tooltip has all).
        self.comparison.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.comparison.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # A narrow column keeps the end of its title, the report's number and its ★ mark
        # ("…ення 2  ★ нове"); its tooltip gives the whole title and the source.
        self.comparison.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideLeft)
        # Wrapped text needs the columns' final widths: rows are measured again whenever
        # the columns change width (the workspace shown, the window or splitter resized).
        self.comparison.horizontalHeader().sectionResized.connect(self._fit_rows_later)
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.timeout.connect(self.comparison.resizeRowsToContents)
        self.field_choice = QComboBox(self)
        self.field_choice.currentIndexChanged.connect(self._field_changed)
        self.value = QLineEdit(self)
        self.value.textEdited.connect(self._value_typed)
        self.rationale = QPlainTextEdit(self)
        self.rationale.setTabChangesFocus(True)
        self.rationale.setFixedHeight(56)
        self.rationale.setPlaceholderText(translate("ReviewPane", "Why this value? (required)"))
        self.error = ReasonLine(self)
        self.error.setAccessibleName(translate("ReviewPane", "Decision error"))
        self.decide_button = QPushButton(translate("ReviewPane", "Decide  (Ctrl+Enter)"), self)
        self.decide_button.clicked.connect(self.decide)
        self.dismiss_button = QPushButton(
            translate("ReviewPane", "Dismiss the warning  (Alt+D)"), self
        )
        self.dismiss_button.clicked.connect(self.dismiss_warning)
        self.picked_label = QLabel(self)
        self.picked_label.setAccessibleName(translate("ReviewPane", "Followed report"))
        self.history = QTextBrowser(self)
        self.history.setMinimumHeight(40)
        self.comparison.setMinimumHeight(60)
        self.history.setAccessibleName(translate("ReviewPane", "History and provenance"))
        grid = QGridLayout()
        for row, (label, widget) in enumerate(
            (
                (translate("ReviewPane", "Field"), self.field_choice),
                (translate("ReviewPane", "Value"), self.value),
                (translate("ReviewPane", "Rationale"), self.rationale),
            )
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            widget.setAccessibleName(label)
            grid.addWidget(caption, row, 0)
            grid.addWidget(widget, row, 1)
        # A long source name wraps here; it must never widen the window.
        self.picked_label.setWordWrap(True)
        self.picked_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grid.addWidget(self.picked_label, 3, 1)
        grid.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decide_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        for button in (self.decide_button, self.dismiss_button):
            button.setAccessibleName(button.text().split("  ")[0])
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.counter, 1)
        header.addWidget(self.sort_order)
        left_layout.addLayout(header)
        left_layout.addWidget(self.queue)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.comparison_place, 5)
        right_layout.addLayout(grid)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.error)  # under the buttons: beside them, it widened the pane
        right_layout.addWidget(self.history, 1)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("ReviewSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        # The comparison gets most of the width: three reports' names, grades and quotes.
        splitter.setSizes([max(380, self._queue_width()), 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _build_actions(self) -> None:
        """Keyboard: next/previous event, next field, pick report 1–9, rationale, decide."""
        self.review_actions: list[QAction] = []
        self._was_out_of_view = False  # a key of the pane pressed in another workspace

        def action(text: str, keys: str, slot) -> QAction:  # noqa: ANN001
            item = QAction(text, self)
            item.setShortcut(QKeySequence(keys))
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            item.triggered.connect(lambda _checked=False: self._in_view(slot))
            self.addAction(item)
            self.review_actions.append(item)
            return item

        action(translate("ReviewPane", "Review: next event"), "F8", lambda: self.step_event(1))
        action(
            translate("ReviewPane", "Review: previous event"),
            "Shift+F8",
            lambda: self.step_event(-1),
        )
        action(translate("ReviewPane", "Review: next field"), "F6", lambda: self.step_field(1))
        action(
            translate("ReviewPane", "Review: previous field"),
            "Shift+F6",
            lambda: self.step_field(-1),
        )
        action(
            translate("ReviewPane", "Review: write the rationale (why)"),
            "Alt+W",
            self.focus_rationale,
        )
        action(
            translate("ReviewPane", "Review: dismiss the warning (both flows stand as reported)"),
            "Alt+D",
            self.dismiss_warning,
        )
        decide = QAction(translate("ReviewPane", "Review: decide"), self)
        decide.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        decide.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        decide.triggered.connect(lambda _checked=False: self.decide())
        self.addAction(decide)
        self.review_actions.append(decide)
        for number in range(1, 10):
            action(
                translate("ReviewPane", "Review: take report {number}'s value").format(
                    number=number
                ),
                f"Alt+{number}",
                lambda number=number: self.pick_report(number),
            )

    def _in_view(self, slot: Callable[[], object]) -> None:
        """Nothing is decided unseen: the pane is brought into view before it acts."""
        self._was_out_of_view = not self.isVisible()
        self.wants_view.emit()
        try:
            slot()
        finally:
            self._was_out_of_view = False

    # ---- the queue ------------------------------------------------------------------

    def _sort(self) -> str:
        return "spread" if self.sort_order.currentIndex() == 1 else "date"

    def reload_queue(self, touched: frozenset[str] | None = None) -> None:
        """Read the queue; after an edit, only the entries of the events it touched (a
        queue of thousands would otherwise be re-read on every keystroke's commit)."""
        if touched is None:
            entries = review_queue(self.session.ledger, self._sort())
        else:
            fresh = review_queue(self.session.ledger, self._sort(), touched)
            if not fresh and all(self.queue_model.row_of(e) is None for e in touched):
                return  # an edit outside the queue (most new reports): nothing to redo
            kept = [e for e in self.queue_model.entries if e.event_id not in touched]
            entries = sort_queue(kept + fresh, self._sort())
        self.queue_model.set_entries(entries)
        warnings = sum(1 for entry in entries if entry.reversed)
        text = translate("ReviewPane", "<b>{count}</b> to review").format(
            count=i18n.number(len(entries))
        )
        if warnings:
            text += translate("ReviewPane", ", {count} with a possible reversed direction").format(
                count=i18n.number(warnings)
            )
        self.counter.setText(text)
        # read as the eye reads it ("2 to review"), not as a name of its own
        self.counter.setAccessibleName(text.replace("<b>", "").replace("</b>", ""))
        self._say_what_is_shown()
        self._select_in_queue(self.event_id)

    def _say_what_is_shown(self) -> None:
        """The comparison while an event is shown, else why none is: an empty queue, or
        none chosen from it yet."""
        if self.event_id:
            self.comparison_place.setCurrentWidget(self.comparison)
            return
        if self.queue_model.entries:
            text = translate(
                "ReviewPane",
                "Choose an event in the queue (or press F8) to see its reports side by side.",
            )
        else:
            text = translate(
                "ReviewPane",
                "Nothing to review: no event has reports that disagree, and no warning"
                " stands.\nAn event comes here as soon as a report contradicts another.",
            )
        self.nothing_shown.setText(text)
        self.comparison_place.setCurrentWidget(self.nothing_shown)

    def queue_ids(self) -> list[str]:
        return [entry.event_id for entry in self.queue_model.entries]

    def _least_widths(self) -> dict[int, int]:
        """The queue's columns but the last: never narrower than their header's words,
        nor the status the widest of the window's language ("суперечність ⚠" where
        "conflict" fits in 84 px)."""
        words = self.queue.fontMetrics()
        statuses = max(words.horizontalAdvance(status_name(s) + " ⚠") for s in STATUS_NAMES) + 16
        return self.queue.least_widths({0: 84, 1: max(84, statuses), 2: 60})

    def _queue_width(self) -> int:
        """The queue's width that shows every column's header words whole, the last
        one beside the scroll bar ("Largest disagreement" lost both its ends there)."""
        header = self.queue.horizontalHeader()
        last = header.logicalIndex(header.count() - 1)
        columns = sum(header.sectionSize(column) for column in range(header.count()))
        # Stretched, the last column is never narrower than a column's default width.
        least = max(header.sectionSizeHint(last), header.defaultSectionSize())
        columns += least - header.sectionSize(last)
        bar = self.queue.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return columns + bar + 2 * self.queue.frameWidth()

    def fit_words_of_columns(self) -> None:
        self.queue.widen_to(self._least_widths())

    def _select_in_queue(self, event_id: str) -> None:
        """The event's row in the queue; none for an event not in it (the queue kept
        another event's row highlighted beside it, Alt+D from Record, say)."""
        row = self.queue_model.row_of(event_id)
        if row is not None:
            self.queue.selectRow(row)
            return
        self.queue.clearSelection()
        self.queue.setCurrentIndex(QModelIndex())

    def _queue_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ids = self.queue_ids()
        if 0 <= current.row() < len(ids) and ids[current.row()] != self.event_id:
            self.show_event(ids[current.row()])
            self.session.event_selected.emit(self.event_id)

    def _follow_selection(self, event_id: str) -> None:
        if event_id != self.event_id:
            self.show_event(event_id)
            self._select_in_queue(event_id)

    def step_event(self, step: int) -> None:
        """The next (previous) event of the queue; from another workspace, the event the
        pane holds if it is one to review, which the person has not seen here yet (the
        pane takes the queue's first, or follows the event selected in Record)."""
        ids = self.queue_ids()
        if not ids:
            return
        if self._was_out_of_view:
            step = 0
        row = max(
            0, min(ids.index(self.event_id) + step if self.event_id in ids else 0, len(ids) - 1)
        )
        self.queue.selectRow(row)
        if self.event_id != ids[row]:  # the row was current already: shown from Record
            self.show_event(ids[row])
            self.session.event_selected.emit(ids[row])

    # ---- one event ------------------------------------------------------------------

    def show_event(self, event_id: str) -> None:
        staying = bool(event_id) and event_id == self.event_id  # shown again after a change
        kept = self._choice() if staying else None
        flagged_before = {field for field, state in self.fields if state != "quiet"}
        self._keep_rationale_with(event_id)
        review = fields_to_decide(self.session.ledger, event_id) if event_id else None
        if review is None:
            self.event_id = ""
            self.reports = []
            self.fields = []
            self.comparison.clear()
            self.comparison.setRowCount(0)
            self.comparison.setColumnCount(0)
            self.field_choice.clear()
            self.history.clear()
            self._field_changed()
            self._say_what_is_shown()
            return
        self.event_id = event_id
        self._say_what_is_shown()
        self.reports = review.reports
        self.domain_reports = review.domain_reports
        self.new_reports = review.new_reports
        self.fields = review.fields
        self._fill_comparison(review.candidates, review.in_question)
        self.field_choice.blockSignals(True)
        self.field_choice.clear()
        for field, state in self.fields:
            self.field_choice.addItem(FIELD_MARKS[state] + field_label(field))
        self.field_choice.setCurrentIndex(self._field_row(kept, flagged_before))
        self.field_choice.blockSignals(False)
        self._field_changed()
        self._restore_choice(kept)
        self._fill_history()

    def _choice(self) -> tuple[FieldKey | None, str, str, str | None, str]:
        """The field chosen, its state, and what was picked or typed for it."""
        field = self.current_field()
        state = dict(self.fields).get(field, "") if field else ""
        return field, state, self.value.text(), self.picked_report, self.picked_label.text()

    def _field_row(
        self,
        kept: tuple[FieldKey | None, str, str, str | None, str] | None,
        flagged_before: set[FieldKey],
    ) -> int:
        """The same field where the event is shown again (not the same row: a change can
        reorder them), unless it is a quiet one and the change brought a field to decide
        (a report that made a warning left the date chosen, and the first decision went
        there with the warning's rationale); another event's first, the one to decide
        (the row of the last event's field put a decision on a field nobody disputed)."""
        keys = [field for field, _state in self.fields]
        if not kept or kept[0] not in keys:
            return 0
        flagged = {field for field, state in self.fields if state != "quiet"}
        if dict(self.fields)[kept[0]] == "quiet" and flagged - flagged_before:
            return 0
        return keys.index(kept[0])

    def _restore_choice(
        self, kept: tuple[FieldKey | None, str, str, str | None, str] | None
    ) -> None:
        """A change elsewhere (an import, another program) left the field as it was: what
        was picked or typed for it stays (it was cleared at every such change)."""
        if kept is None or kept[0] is None or self.current_field() != kept[0]:
            return
        if dict(self.fields).get(kept[0]) != kept[1]:
            return  # decided or reopened meanwhile: its value is to choose again
        _field, _state, typed, picked, label = kept
        self.value.setText(typed)
        self.picked_report = picked
        self.picked_label.setText(label)

    def _keep_rationale_with(self, event_id: str) -> None:
        """A rationale belongs to the event it was written for: moving to another event
        keeps it aside for this one and shows the other's (it stayed in the box, and
        Ctrl+Enter filed it under the next event's decision)."""
        if event_id == self.event_id:
            return
        written = self.rationale.toPlainText()
        if written.strip():
            self._rationales[self.event_id] = written
        else:
            self._rationales.pop(self.event_id, None)
        self.rationale.setPlainText(self._rationales.pop(event_id, ""))

    def _fill_comparison(self, fields: list[FieldKey], disputed: frozenset[FieldKey]) -> None:
        """Reports as columns whose text wraps; the fields in question first (the
        reviewer's job), then who each source is, then the fields nobody disputes."""
        in_question = [field for field, state in self.fields if state not in ("quiet", "warning")]
        self.in_question = in_question
        quiet = [field for field in fields if field not in in_question]
        self.quiet = quiet
        table = self.comparison
        table.clear()
        table.setColumnCount(len(self.reports))
        table.setRowCount(len(in_question) + len(INFO_ROWS) + len(quiet))
        titles = [
            translate("ReviewPane", "Report {number}").format(number=number)
            + (translate("ReviewPane", "  ★ new") if report["id"] in self.new_reports else "")
            for number, report in enumerate(self.reports, start=1)
        ]
        table.setHorizontalHeaderLabels(titles)
        for column, (title, report) in enumerate(zip(titles, self.reports, strict=True)):
            table.horizontalHeaderItem(column).setToolTip(f"{title}: {report['source_name']}")
        labels = [_row_label(field) for field in in_question]
        info_rows = [translate("ReviewPane", row) for row in INFO_ROWS]
        table.setVerticalHeaderLabels([*labels, *info_rows, *(_row_label(f) for f in quiet)])
        self.evidence_rows = len(in_question) + INFO_ROWS.index("Evidence")
        self.evidence_items: dict[str, list[evidence.Evidence]] = {}
        for item in evidence.evidence_of(self.session.ledger, [r["id"] for r in self.reports]):
            self.evidence_items.setdefault(item.report_id, []).append(item)
        for column, report in enumerate(self.reports):
            files = self.evidence_items.get(report["id"], [])
            path = self.session.ledger.path
            domain_report = self.domain_reports[report["id"]]
            for row, field in enumerate(in_question):
                table.setItem(row, column, self._value_item(domain_report, field, disputed))
            info = (
                report["source_name"],
                party_name(report["source_party"]),
                kind_name(report["source_kind"]),
                reliability_text(report["reliability"]),
                credibility_text(report["credibility"]),
                report["published"] or "—",
                report["url"] or "—",
                report["quote"],
                "\n".join(evidence_line(path, item) for item in files) or "—",
            )
            for offset, text in enumerate(info):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(len(in_question) + offset, column, item)
            first_quiet = len(in_question) + len(INFO_ROWS)
            for offset, field in enumerate(quiet):
                item = self._value_item(domain_report, field, disputed)
                table.setItem(first_quiet + offset, column, item)
        table.resizeRowsToContents()

    def enable_evidence(self, attacher: EvidenceAttacher) -> None:
        """Files dropped on a report's column back that report; a double click on the
        Evidence row opens its first file with the system's viewer."""
        self.comparison.cellDoubleClicked.connect(self._open_evidence)
        FileDrops(
            self.comparison.viewport(),
            lambda point: self._report_of_column(self.comparison.columnAt(point.x())),
            attacher.attach,
            self.session.ledger.read_only,
        )

    def _report_of_column(self, column: int) -> str | None:
        return self.reports[column]["id"] if 0 <= column < len(self.reports) else None

    def current_report_id(self) -> str | None:
        """The report of the comparison's current column (the first if none is current)."""
        return self._report_of_column(max(self.comparison.currentColumn(), 0))

    def _open_evidence(self, row: int, column: int) -> None:
        report_id = self._report_of_column(column)
        files = self.evidence_items.get(report_id or "", [])
        if row == self.evidence_rows and files:
            said = open_evidence(self.session.ledger.path, files[0])
            if said:
                self.session.message.emit(said)

    def _fit_rows_later(self, *_args: object) -> None:
        self._fit_rows.start(0)

    @staticmethod
    def _value_item(
        report: Report, field: FieldKey, disputed: frozenset[FieldKey]
    ) -> QTableWidgetItem:
        value = stated_value(report, field)
        if value is not None and field.flow is not None:
            value = i18n.number(int(value))  # "1,212", as the queue and the chart print it
            qualifier = report.flow(field.flow).qualifier  # type: ignore[union-attr]
            if qualifier != "exact":  # "1,200 (approx)": how sure the report is of it
                value += f" ({qualifier_name(qualifier)})"
        item = QTableWidgetItem(value if value is not None else "—")
        if value is not None:  # the whole value where a narrow column cuts it
            item.setToolTip(value)
        if field in disputed and value is not None:
            item.setBackground(QBrush(DISPUTED))
            font = QFont()
            font.setBold(True)
            item.setFont(font)
        else:
            item.setForeground(QBrush(QColor("#666666")))
        return item

    def _fill_history(self) -> None:
        lines = ["<b>{}</b>".format(translate("ReviewPane", "Decisions"))]
        history = decision_history(self.session.ledger, self.event_id)
        if not history:
            lines.append(translate("ReviewPane", "none yet"))
        for entry in history:
            state = " <i>{}</i>".format(translate("ReviewPane", DECISION_STATES[entry["state"]]))
            merged = " <i>{}</i>".format(translate("ReviewPane", "(merged)"))
            merged = merged if entry["merged"] else ""
            follows = (
                translate("ReviewPane", ", following {report}").format(
                    report=self._report_name(entry["report_id"])
                )
                if entry["report_id"]
                else ""
            )
            # What people typed is text, never markup: "<https://…>" in a rationale.
            label, who, old, value, why = (
                html.escape(text)
                for text in (
                    field_label_text(entry["label"]),
                    entry["resolved_by"],
                    i18n.decided_value(entry["field"], entry["old"]) or "—",
                    self._value_text(entry["field"], entry["value"]),
                    entry["rationale"],
                )
            )
            lines.append(
                f"{entry['resolved_at']} · {who} · {label}: {old} → <b>{value}</b>"
                f"{follows}{state}{merged}<br>&nbsp;&nbsp;“{why}”"
            )
        field = self.current_field()
        if field is not None and field.field == "count" and field.flow is not None:
            origin = provenance(self.session.ledger, self.event_id, field.flow)
            lines.append(
                translate(
                    "ReviewPane",
                    "<br><b>Where {field} comes from</b>: best {best}, low {low}, high {high}",
                ).format(
                    field=html.escape(field_label(field)),
                    best=i18n.number(origin["best"]),
                    low=i18n.number(origin["low"]),
                    high=i18n.number(origin["high"]),
                )
            )
            warned = {key for key, state in self.fields if state == "warning"}
            pair = {FieldKey.direction(field.flow), FieldKey.direction(field.flow.reversed())}
            if warned & pair:  # the warning the reviewer sees on this pair makes the low 0
                lines.append(
                    translate(
                        "ReviewPane",
                        "low 0: a possible reversed direction stands on this pair (one of its"
                        " two flows may not have happened); dismiss it (Alt+D) or decide"
                        " either flow",
                    )
                )
            for report in origin["reports"]:
                lines.append(
                    translate(
                        "ReviewPane", "{report}, graded {grades}: {count} {qualifier}"
                    ).format(
                        report=self._report_name(report["report_id"]),
                        grades=f"{report['reliability']}{report['credibility']}",
                        count=i18n.number(report["count"]),
                        qualifier=qualifier_name(report["qualifier"]),
                    )
                )
            if origin["decision"]:
                decision = origin["decision"]
                lines.append(
                    translate("ReviewPane", "decision in force: {value} by {who} at {when}").format(
                        value=i18n.number(int(decision["value"])),  # "1,212", as above
                        who=html.escape(decision["resolved_by"]),
                        when=decision["resolved_at"],
                    )
                )
        self.history.setHtml("<br>".join(lines))

    @staticmethod
    def _value_text(field: str, value: str) -> str:
        if value == DISMISSED:
            return translate("ReviewPane", "dismissed")
        return i18n.decided_value(field, value)

    def _report_name(self, report_id: str) -> str:
        """A report named for people: its number in the comparison and its source."""
        for number, report in enumerate(self.reports, start=1):
            if report["id"] == report_id:
                return translate("ReviewPane", "report {number} ({source})").format(
                    number=number, source=html.escape(report["source_name"])
                )
        return translate("ReviewPane", "a report no longer in the file")

    # ---- deciding -------------------------------------------------------------------

    def current_field(self) -> FieldKey | None:
        index = self.field_choice.currentIndex()
        return self.fields[index][0] if 0 <= index < len(self.fields) else None

    def _field_changed(self, _index: int = 0) -> None:
        # setText, not clear(), which Ctrl+Z would take back: a new field's box starts
        # with nothing to undo, so Ctrl+Z there undoes the last decision (text_undo).
        self.value.setText("")
        self.picked_report = None
        self.picked_label.clear()
        self.error.clear()
        field = self.current_field()
        is_warning = field is not None and field.field == "direction"
        writable = not self.session.ledger.read_only
        # Nothing to decide without a field (an empty queue): nothing to press either.
        self.dismiss_button.setEnabled(is_warning and writable)
        # Read-only: nothing to type, as nothing can be decided.
        self.value.setEnabled(field is not None and not is_warning and writable)
        self.rationale.setEnabled(field is not None and writable)
        self.decide_button.setEnabled(field is not None and not is_warning and writable)
        if self.event_id:
            self._fill_history()

    def step_field(self, step: int) -> None:
        """F6 / Shift+F6: the next disputed field or warning; undisputed ones are skipped
        (they stay in the field list for a reviewer who wants to decide one anyway)."""
        flagged = [i for i, (_field, state) in enumerate(self.fields) if state != "quiet"]
        if not flagged:
            return
        current = self.field_choice.currentIndex()
        if step > 0:
            index = next((i for i in flagged if i > current), flagged[0])
        else:
            index = next((i for i in reversed(flagged) if i < current), flagged[-1])
        self.field_choice.setCurrentIndex(index)
        self.value.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def pick_report(self, number: int) -> None:
        """Take report `number`'s value for the current field (Alt+number)."""
        field = self.current_field()
        if field is None or self.session.ledger.read_only:
            return
        if not 1 <= number <= len(self.reports):  # said, or an old error would stay
            self.error.setText(plural.reports_to_pick(len(self.reports)).format(number=number))
            return
        report = self.reports[number - 1]
        if field.field == "direction":
            field = FieldKey.count(field.flow)  # type: ignore[arg-type]
            if stated_value(self.domain_reports[report["id"]], field) is None:
                assert field.flow is not None
                field = FieldKey.count(field.flow.reversed())
            self._choose_field(field)
        value = stated_value(self.domain_reports[report["id"]], field)
        if value is None:
            self.error.setText(
                translate("ReviewPane", "Report {number} does not state {field}.").format(
                    number=number, field=field_label(field)
                )
            )
            return
        self.value.setText(value)
        self.picked_report = report["id"]
        self.picked_label.setText(
            translate("ReviewPane", "following report {number} ({source})").format(
                number=number, source=report["source_name"]
            )
        )
        self.error.clear()

    def _take_value_at(self, row: int, column: int) -> None:
        field = self._field_at(row)
        if field is not None and not self.session.ledger.read_only:
            self._choose_field(field)
            if self.current_field() == field:
                self.pick_report(column + 1)
                self.value.setFocus(Qt.FocusReason.MouseFocusReason)

    def _field_at(self, row: int) -> FieldKey | None:
        """The field of a row of the comparison: one in question, or one nobody disputes
        (a double click there took nothing, where Alt+1…9 takes its value)."""
        if 0 <= row < len(self.in_question):
            return self.in_question[row]
        quiet_row = row - len(self.in_question) - len(INFO_ROWS)
        return self.quiet[quiet_row] if 0 <= quiet_row < len(self.quiet) else None

    def _choose_field(self, field: FieldKey) -> None:
        keys = [key for key, _state in self.fields]
        if field in keys:
            self.field_choice.setCurrentIndex(keys.index(field))

    def _value_typed(self, text: str) -> None:
        """A value typed: no report followed any more, and what Decide said of the value
        before is stale (an emptied box kept "count is '-3'…" and "a value of your own")."""
        self.picked_report = None
        self.picked_label.setText(
            translate("ReviewPane", "a value of your own") if text.strip() else ""
        )
        self.error.clear()

    def focus_rationale(self) -> None:
        self.rationale.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def decide(self) -> None:
        field = self.current_field()
        if field is None:
            return
        if field.field == "direction":  # nothing to decide here: said, never silent
            self.error.setText(
                translate(
                    "ReviewPane",
                    "This is a warning, not a value to decide: dismiss it (Alt+D), both flows"
                    " standing as reported, or choose a flow (F6) and decide its count.",
                )
            )
            return
        value = self.value.text().strip()
        if field.field == "count" and value:
            try:  # typed as printed ("1,212"), as the form takes it
                value = str(validation.typed_count(value))
            except Invalid as error:
                self.error.setText(message_text(str(error)))
                return
        self._execute(field, value, self.picked_report)

    def dismiss_warning(self) -> None:
        field = self.current_field()
        if field is not None and field.field == "direction":
            self._execute(field, DISMISSED, None)
            return
        warned = [key for key, state in self.fields if state == "warning"]
        self.error.setText(
            translate(
                "ReviewPane",
                "Alt+D dismisses a possible reversed direction: choose the warning (F6) first.",
            )
            if warned
            else translate(
                "ReviewPane",
                "This event has no possible reversed direction to dismiss (Alt+D).",
            )
        )

    def _execute(self, field: FieldKey, value: str, report_id: str | None) -> None:
        if self.session.ledger.read_only:  # said before anything is asked (the name)
            self.error.setText(
                translate("ReviewPane", "This file is open read-only: nothing can be decided.")
            )
            return
        rationale = self.rationale.toPlainText()
        if not rationale.strip():
            self.error.setText(
                translate("ReviewPane", "A rationale is required: say why this value was decided.")
            )
            self.rationale.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not value:
            self.error.setText(
                translate("ReviewPane", "Pick a report's value (Alt+1…9) or type a value.")
            )
            self.value.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        event_id = self.event_id
        command = Decide(self.session, event_id, field, value, rationale, report_id)
        try:
            self.session.execute(command)
        except Invalid as error:
            self.error.setText(message_text(str(error)))
            return
        except Exception as error:  # noqa: BLE001 - a file problem, shown to the person
            QMessageBox.warning(
                self, translate("ReviewPane", "Not decided"), message_text(str(error))
            )
            return
        # The rationale went with the decision: not kept aside for its event when the
        # decision moved the pane on (it came back, and Ctrl+Enter filed it under the
        # next decision there), nor cleared from the next event's box.
        self._rationales.pop(event_id, None)
        if self.event_id == event_id:
            self.rationale.clear()
        self._after_decision(event_id)

    def _after_decision(self, event_id: str) -> None:
        """On to the next disputed field (the change signal already moved on to the next
        event if this one left the queue)."""
        waiting = [i for i, (_f, state) in enumerate(self.fields) if state in ("open", "warning")]
        if waiting:
            self.field_choice.setCurrentIndex(waiting[0])
        self.value.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changed(self, changes: Changes) -> None:
        was_at = self.queue_model.row_of(self.event_id)
        if changes.everything or len(changes.events) > 500:
            self.reload_queue()
        elif changes.events:
            self.reload_queue(changes.events)
        entries = self.queue_model.entries
        gone = self.event_id and self.queue_model.row_of(self.event_id) is None
        if gone and entries and was_at is not None:
            # The one that came after it; after the last, the queue's first (a decision
            # that reordered the queue had put it last, and the walk skipped one).
            next_id = entries[was_at if was_at < len(entries) else 0].event_id
            if changes.everything:  # not this pane's decision: say why it moved on
                self.session.message.emit(
                    translate(
                        "ReviewPane",
                        "{event} is no longer to review (changed by an import, a merge or"
                        " another program); the next event is shown.",
                    ).format(event=event_title(self.session.ledger, self.event_id, WINDOW_WORDS))
                )
            self.show_event(next_id)
            self._select_in_queue(next_id)
            if self.isVisible():
                # Only where the person reviews: an edit in Record that settled the
                # event moved Record's selection to another one, which Delete deleted.
                self.session.event_selected.emit(next_id)
            return
        if self.event_id and (changes.everything or self.event_id in changes.events):
            self.show_event(self.event_id)
