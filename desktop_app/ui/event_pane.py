"""The selected event: its type, date, status and flows, and its reports side by side."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..store import evidence
from ..store.events import event_reports, event_summary
from ..store.ledger import Changes
from .evidence_ui import SHORTCUT, EvidenceAttacher, EvidenceTable, FileDrops
from .flow_layout import FlowRow, WrappedLabel
from .i18n import number
from .session import Session
from .words import (
    category_name,
    credibility_text,
    event_type_name,
    flows_text,
    kind_name,
    party_name,
    plural,
    qualifier_name,
    reliability_text,
    reports_text,
    status_name,
)

translate = QCoreApplication.translate

# What a reader compares first comes first: who says it, for when, what moved and in whose
# words; the source's details and the record's after. Each column at most as wide as
# COLUMN_CAPS says (pixels; the rest of a cell in its tooltip), so that a long source name
# or grade cannot push the quote out of sight at 1280 pixels.
REPORT_COLUMNS = (
    QT_TRANSLATE_NOOP("EventPane", "Source"),
    QT_TRANSLATE_NOOP("EventPane", "Claimed date"),
    QT_TRANSLATE_NOOP("EventPane", "Flows"),
    QT_TRANSLATE_NOOP("EventPane", "Quote"),
    QT_TRANSLATE_NOOP("EventPane", "Location"),
    QT_TRANSLATE_NOOP("EventPane", "Party"),
    QT_TRANSLATE_NOOP("EventPane", "Kind"),
    QT_TRANSLATE_NOOP("EventPane", "Reliability"),
    QT_TRANSLATE_NOOP("EventPane", "Credibility"),
    QT_TRANSLATE_NOOP("EventPane", "Recorded"),
)
QUOTE_COLUMN = 3
COLUMN_CAPS = {0: 200, 2: 220, QUOTE_COLUMN: 320, 4: 160, 7: 180, 8: 180, 9: 200}
NO_EVENT = QT_TRANSLATE_NOOP("EventPane", "Select an event to see its reports.")


def flows_line(flows: list[dict]) -> str:
    return "; ".join(
        f"{category_name(f['category'])} {f['from_party']}→{f['to_party']} {number(f['count'])}"
        + ("" if f["qualifier"] == "exact" else f" ({qualifier_name(f['qualifier'])})")
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
        self.summary = WrappedLabel(translate("EventPane", NO_EVENT), self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(translate("EventPane", "Event summary"))
        self.table = QTableWidget(0, len(REPORT_COLUMNS), self)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons beneath
        self.table.setAccessibleName(translate("EventPane", "Reports"))
        self.table.setHorizontalHeaderLabels(
            [translate("EventPane", column) for column in REPORT_COLUMNS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self.show_evidence)
        # Evidence of the selected report; a file dropped on a report is attached to it.
        self.evidence_label = QLabel(self)
        self.evidence_label.setAccessibleName(translate("EventPane", "Evidence of the report"))
        # Its text takes a line of its own in a narrow pane rather than widen the window.
        self.evidence_label.setMinimumWidth(1)
        self.evidence_label.hide()  # until a report is selected
        self.evidence_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.evidence_table = EvidenceTable(session, attacher, self)
        self.evidence_table.setMaximumHeight(100)
        self.evidence_button = QPushButton(
            translate("EventPane", "Add evidence… ({shortcut})").format(shortcut=SHORTCUT), self
        )
        self.open_evidence_button = QPushButton(translate("EventPane", "Open evidence"), self)
        self.evidence_button.setAccessibleName(translate("EventPane", "Add evidence"))
        self.open_evidence_button.setAccessibleName(self.open_evidence_button.text())
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
        self.new_button = QPushButton(translate("EventPane", "New report for this event"), self)
        self.edit_button = QPushButton(translate("EventPane", "Edit report"), self)
        self.delete_button = QPushButton(translate("EventPane", "Delete report"), self)
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAccessibleName(button.text())
        self.new_button.clicked.connect(lambda: self.new_report_requested.emit(self.event_id))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        # A second line in a narrow window, not a wider window.
        buttons = FlowRow([self.new_button, self.edit_button, self.delete_button], self)
        # The evidence's own row, under the reports' buttons: one row for both would not
        # fit a 1280-pixel screen in Ukrainian or Russian.
        evidence_row = FlowRow(
            [self.evidence_label, self.evidence_button, self.open_evidence_button], self
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(buttons)
        layout.addWidget(evidence_row)
        layout.addWidget(self.evidence_table, 1)
        self.evidence_table.setVisible(False)  # until a report with evidence is selected
        # Three reports stay in view when the evidence list opens beneath them.
        rows = 3 * self.table.verticalHeader().defaultSectionSize()
        scroll_bar = self.table.horizontalScrollBar().sizeHint().height()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(header + rows + scroll_bar + 2 * self.table.frameWidth())
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
            plural.evidence_files(len(items))
            if items
            else translate("EventPane", "No evidence yet: drop a file on the report")
        )
        self.evidence_label.setVisible(bool(report_id))  # no report, nothing to say of one
        self.open_evidence_button.setEnabled(bool(items))
        # The reports keep the room while the selected one has no evidence to list.
        self.evidence_table.setVisible(bool(items))

    def show_event(self, event_id: str) -> None:
        # Read before the list is replaced: an edit moves its report to the end of the
        # write order, and the row it had then holds another report, which F2 or Delete
        # would act on.
        selected = self.selected_report_id()
        self.event_id = event_id
        state = event_summary(self.session.ledger, event_id) if event_id else None
        self.reports = event_reports(self.session.ledger, event_id) if state else []
        if state is None:
            self.event_id = ""
            self.summary.setText(translate("EventPane", NO_EVENT))
        else:
            self.summary.setText(self._summary_text(state))
        self.table.setRowCount(len(self.reports))
        for row, report in enumerate(self.reports):
            for column, text in enumerate(self._cells(report)):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column != QUOTE_COLUMN else report["quote"])
                self.table.setItem(row, column, item)
        self._fit_columns()
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
            warning = "<br><span style='color:#d55e00'>⚠ {}</span>".format(
                translate("EventPane", "Possible reversed direction")
            )
        flows = flows_text(state["flows_text"]) or translate("EventPane", "no flows")
        event = translate("EventPane", "event {id}").format(id=state["event_id"])
        date = state["date"] or translate("EventPane", "no date")
        location = state["location"] or translate("EventPane", "no location")
        return (
            f"<b>{event_type_name(state['type'])}</b>"
            f" · {date} · {location}"
            f" · <b>{status_name(state['status'])}</b>"
            f" · {reports_text(state['n_reports'])}<br>{flows}"
            f"<br><span style='color:palette(mid)'>{event}</span>{warning}"
        )

    @staticmethod
    def _cells(report: dict) -> list[str]:
        return [
            report["source_name"],
            report["claimed_date"],
            flows_line(report["flows"]),
            report["quote"].replace("\n", " "),
            report["location"],
            party_name(report["source_party"]),
            kind_name(report["source_kind"]),
            reliability_text(report["reliability"]),
            credibility_text(report["credibility"]),
            f"{report['recorded_by']}, {report['recorded_at']}",
        ]

    def _fit_columns(self) -> None:
        """Each column as wide as its header and cells need, up to its cap. An empty table
        (no event, or one whose reports were deleted) keeps the widths it had: fitted to
        the headers alone, Source, Date, Flows and Quote shrank to their titles, and the
        last column took the rest of the width."""
        if not self.reports:
            return
        header = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):
            wanted = max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))
            self.table.setColumnWidth(column, min(wanted, COLUMN_CAPS.get(column, wanted)))

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
