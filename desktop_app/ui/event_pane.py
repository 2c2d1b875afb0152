"""The selected event: its type, date, status and flows, and its reports side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.records import CREDIBILITY, RELIABILITY
from ..store import evidence
from ..store.events import event_reports, event_summary
from ..store.ledger import Changes
from .evidence_ui import SHORTCUT, EvidenceAttacher, EvidenceTable, FileDrops
from .session import Session
from .words import plural

REPORT_COLUMNS = (
    "Source",
    "Party",
    "Kind",
    "Reliability",
    "Credibility",
    "Claimed date",
    "Location",
    "Flows",
    "Quote",
    "Recorded",
)


def flows_line(flows: list[dict]) -> str:
    return "; ".join(
        f"{f['category']} {f['from_party']}→{f['to_party']} {f['count']:,}"
        + ("" if f["qualifier"] == "exact" else f" ({f['qualifier'].replace('_', ' ')})")
        for f in flows
    )


class EventPane(QWidget):
    edit_requested = Signal(dict)  # a report to edit in the form
    new_report_requested = Signal(str)  # an event to add a report to
    delete_requested = Signal(list)  # report ids

    def __init__(
        self, session: Session, attacher: EvidenceAttacher, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.attacher = attacher
        self.event_id = ""
        self.reports: list[dict] = []
        self.summary = QLabel("Select an event to see its reports.", self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("Event summary")
        self.table = QTableWidget(0, len(REPORT_COLUMNS), self)
        self.table.setAccessibleName("Reports")
        self.table.setHorizontalHeaderLabels(REPORT_COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(8, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self.show_evidence)
        # Evidence of the selected report; a file dropped on a report is attached to it.
        self.evidence_label = QLabel(self)
        self.evidence_label.setAccessibleName("Evidence of the report")
        # Its text is cut rather than widening the window.
        self.evidence_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.evidence_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.evidence_table = EvidenceTable(session, attacher, self)
        self.evidence_table.setMaximumHeight(100)
        self.evidence_button = QPushButton(f"Add evidence… ({SHORTCUT})", self)
        self.open_evidence_button = QPushButton("Open evidence", self)
        self.evidence_button.setAccessibleName("Add evidence")
        self.open_evidence_button.setAccessibleName("Open evidence")
        self.evidence_button.clicked.connect(self.add_evidence)
        self.open_evidence_button.clicked.connect(self.evidence_table.open_selected)
        FileDrops(
            self.table.viewport(), self._report_at, self._attach_dropped, session.ledger.read_only
        )
        FileDrops(
            self.evidence_table.viewport(),
            lambda _point: self.selected_report_id(),
            attacher.attach,
            session.ledger.read_only,
        )
        self.new_button = QPushButton("New report for this event", self)
        self.edit_button = QPushButton("Edit report", self)
        self.delete_button = QPushButton("Delete report", self)
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAccessibleName(button.text())
        self.new_button.clicked.connect(lambda: self.new_report_requested.emit(self.event_id))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.evidence_label)
        buttons.addWidget(self.evidence_button)
        buttons.addWidget(self.open_evidence_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.evidence_table, 1)
        self._enable()
        session.event_selected.connect(self.show_event)
        session.notifier.changed.connect(self._on_changed)

    def _enable(self) -> None:
        writable = not self.session.ledger.read_only
        self.new_button.setEnabled(writable and bool(self.event_id))
        for button in (self.edit_button, self.delete_button, self.evidence_button):
            button.setEnabled(writable and bool(self.reports))
        self.open_evidence_button.setEnabled(bool(self.evidence_table.items))

    def selected_report_id(self) -> str | None:
        selected = self.selected_reports()
        return selected[0]["id"] if selected else None

    def _report_at(self, point: object) -> str | None:
        row = self.table.rowAt(point.y())  # type: ignore[attr-defined]
        return self.reports[row]["id"] if 0 <= row < len(self.reports) else None

    def _attach_dropped(self, report_id: str, path: object) -> None:
        """The report the file was dropped on becomes the selected one: its evidence shows."""
        ids = [report["id"] for report in self.reports]
        if report_id in ids:
            self.table.selectRow(ids.index(report_id))
        self.attacher.attach(report_id, path)  # type: ignore[arg-type]

    def add_evidence(self) -> None:
        self.attacher.choose(self.selected_report_id())

    def show_evidence(self) -> None:
        report_id = self.selected_report_id()
        items = evidence.evidence_of(self.session.ledger, [report_id]) if report_id else []
        self.evidence_table.show_items(items)
        self.evidence_label.setText(
            f"Evidence of this report: {plural(len(items), 'file')}"
            if items
            else "No evidence yet: drop a file on the report"
        )
        self.open_evidence_button.setEnabled(bool(items))
        # The reports keep the room while the selected one has no evidence to list.
        self.evidence_table.setVisible(bool(items))

    def show_event(self, event_id: str) -> None:
        self.event_id = event_id
        state = event_summary(self.session.ledger, event_id) if event_id else None
        self.reports = event_reports(self.session.ledger, event_id) if state else []
        if state is None:
            self.event_id = ""
            self.summary.setText("Select an event to see its reports.")
        else:
            self.summary.setText(self._summary_text(state))
        self.table.setRowCount(len(self.reports))
        for row, report in enumerate(self.reports):
            for column, text in enumerate(self._cells(report)):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column != 8 else report["quote"])
                self.table.setItem(row, column, item)
        selected = self.selected_report_id()
        self.table.clearSelection()
        if self.reports:
            ids = [report["id"] for report in self.reports]
            row = ids.index(selected) if selected in ids else 0
            self.table.setCurrentCell(row, 0)
            self.table.selectRow(row)
        self.show_evidence()
        self._enable()

    @staticmethod
    def _summary_text(state: dict) -> str:
        warning = ""
        if state["reversed"]:
            warning = "<br><span style='color:#d55e00'>⚠ Possible reversed direction</span>"
        return (
            f"<b>{state['type']}</b> · {state['date'] or 'no date'}"
            f" · {state['location'] or 'no location'} · <b>{state['status']}</b>"
            f" · {plural(state['n_reports'], 'report')}<br>{state['flows_text'] or 'no flows'}"
            f"<br><span style='color:palette(mid)'>event {state['event_id']}</span>{warning}"
        )

    @staticmethod
    def _cells(report: dict) -> list[str]:
        return [
            report["source_name"],
            report["source_party"] or "independent",
            report["source_kind"],
            f"{report['reliability']} — {RELIABILITY[report['reliability']]}",
            f"{report['credibility']} — {CREDIBILITY[report['credibility']]}",
            report["claimed_date"],
            report["location"],
            flows_line(report["flows"]),
            report["quote"].replace("\n", " "),
            f"{report['recorded_by']}, {report['recorded_at']}",
        ]

    def selected_reports(self) -> list[dict]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        return [self.reports[row] for row in rows if row < len(self.reports)]

    def edit_selected(self) -> None:
        selected = self.selected_reports()
        if selected and not self.session.ledger.read_only:
            self.edit_requested.emit(selected[0])

    def delete_selected(self) -> None:
        selected = self.selected_reports()
        if selected:
            self.delete_requested.emit([report["id"] for report in selected])

    def _on_changed(self, changes: Changes) -> None:
        if self.event_id and (
            changes.everything or self.event_id in changes.events or changes.sources
        ):
            self.show_event(self.event_id)
