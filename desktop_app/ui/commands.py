"""Undoable changes: each calls the store (which audits and commits) and says what changed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.records import FieldKey
from ..domain.validation import Invalid
from ..store import sources
from ..store.events import event_summary, event_title
from ..store.ledger import Changes, ReportInput
from .i18n import decided_value
from .session import LedgerCommand, Session
from .words import WINDOW_WORDS, field_label

translate = QCoreApplication.translate


def reopened_text(session: Session, event_id: str) -> str:
    """A report that contradicts a decided value reopens its event: said at once, not only
    by the status in a table (a new contradicting report silently ignored is what a
    reviewer fears)."""
    state = event_summary(session.ledger, event_id)
    if state is None or state["status"] != "reopened":
        return ""
    return translate(
        "Commands",
        "It contradicts a decided value: the event is reopened for review (F8).",
    )


class AddReport(LedgerCommand):
    """A new report, with a new event unless it joins `event_id`."""

    def __init__(self, session: Session, report: ReportInput, event_id: str | None) -> None:
        super().__init__(
            session,
            translate("Commands", "Add report from {source}").format(source=report.source_name),
        )
        self.report = report
        self.event_id = event_id
        self.report_id = ""
        self.record: dict = {}
        self.source: dict | None = None
        self.seq: int | None = None

    def first_run(self) -> Changes:
        self.report_id, changes = self.ledger.add_report(
            self.report, self.who(), event_id=self.event_id
        )
        self.record = self.ledger.report_record(self.report_id) or {}
        # Kept for redo: the undo takes a source only this report named away with it.
        self.source = self.ledger.source_row(self.record["source_id"])
        self.seq = self.ledger.report_seq(self.report_id)
        self.event_id = self.record["event_id"]
        return changes

    def consequence(self) -> str:
        return reopened_text(self.session, self.event_id or "")

    def undo_change(self) -> Changes:
        return self.ledger.delete_report(self.report_id, self.who())

    def redo_change(self) -> Changes:
        return self.ledger.restore_report(self.record, self.who(), self.seq, self.source)


class EditReport(LedgerCommand):
    def __init__(
        self, session: Session, report_id: str, report: ReportInput, seq: int | None = None
    ) -> None:
        """`seq`: the report's place in the write order when the form read it (a report
        written since is not overwritten, `Ledger.edit_report`)."""
        super().__init__(
            session,
            translate("Commands", "Edit report from {source}").format(source=report.source_name),
        )
        self.report_id = report_id
        self.report = report
        self.seq_read = seq
        self.before: dict = {}
        self.after: dict = {}
        # The report's source before and after: the one it no longer names goes with the
        # change (Ledger.drop_unused_names) and comes back with its undo or redo.
        self.sources: tuple[dict | None, dict | None] = (None, None)
        self.type_before = ""
        # Its place in the write order before and after the edit: undo and redo put it
        # back there (Ledger.replace_report).
        self.seqs: tuple[int | None, int | None] = (None, None)

    def first_run(self) -> Changes:
        before = self.ledger.report_record(self.report_id)
        if before is None:  # deleted since the form asked: said as the store says it
            raise Invalid(f"there is no report {self.report_id}")
        self.before = before
        self.type_before = self.ledger.event_type(self.before["event_id"]) or ""
        seq_before = self.ledger.report_seq(self.report_id)
        source_before = self.ledger.source_row(before["source_id"])
        changes = self.ledger.edit_report(
            self.report_id, self.report, self.who(), seq=self.seq_read
        )
        self.after = self.ledger.report_record(self.report_id) or {}
        self.seqs = (seq_before, self.ledger.report_seq(self.report_id))
        self.sources = (source_before, self.ledger.source_row(self.after["source_id"]))
        return changes

    def consequence(self) -> str:
        return reopened_text(self.session, self.after.get("event_id", ""))

    def undo_change(self) -> Changes:
        return self.ledger.replace_report(
            self.before, self.who(), self.type_before, self.seqs[0], self.sources[0]
        )

    def redo_change(self) -> Changes:
        return self.ledger.replace_report(
            self.after, self.who(), self.report.event_type, self.seqs[1], self.sources[1]
        )


class DeleteReports(LedgerCommand):
    def __init__(self, session: Session, report_ids: list[str], text: str) -> None:
        super().__init__(session, text)
        self.report_ids = report_ids
        self.records: list[dict] = []
        self.seqs: list[int | None] = []
        self.sources: list[dict | None] = []  # each report's, which its deletion may take

    def first_run(self) -> Changes:
        # Each with the import that added it: undone, the report points to it again
        # (PRODUCT: the records an import added point to it; it was NULL after an undo).
        self.records = [
            {**record, "operation_id": self.ledger.report_operation(report_id)}
            for report_id in self.report_ids
            if (record := self.ledger.report_record(report_id)) is not None
        ]
        self.seqs = [self.ledger.report_seq(record["id"]) for record in self.records]
        self.sources = [self.ledger.source_row(record["source_id"]) for record in self.records]
        return self.redo_change()

    # All the reports in one transaction: a failure or a kill midway deletes (or brings
    # back) none of them, never an event with half its reports.

    def undo_change(self) -> Changes:
        changes = Changes()
        with self.ledger.write(self.who()):
            for record, seq, source in zip(self.records, self.seqs, self.sources, strict=True):
                changes |= self.ledger.restore_report(record, self.who(), seq, source)
        return changes

    def redo_change(self) -> Changes:
        changes = Changes()
        with self.ledger.write(self.who()):
            for record in self.records:
                changes |= self.ledger.delete_report(record["id"], self.who())
        return changes


class UpdateSource(LedgerCommand):
    def __init__(self, session: Session, source_id: str, fields: sources.SourceFields) -> None:
        super().__init__(
            session, translate("Commands", "Edit source {source}").format(source=fields.name)
        )
        self.source_id = source_id
        self.fields = fields
        self.before: sources.SourceFields | None = None

    def first_run(self) -> Changes:
        row = sources.source(self.ledger, self.source_id)
        self.before = sources.SourceFields(
            row["name"], row["party"], row["kind"], row["reliability"]
        )
        return self.redo_change()

    def undo_change(self) -> Changes:
        assert self.before is not None
        return sources.update_source(
            self.ledger, self.source_id, self.before, self.who(), undoing=True
        )

    def redo_change(self) -> Changes:
        return sources.update_source(self.ledger, self.source_id, self.fields, self.who())


class MergeSources(LedgerCommand):
    def __init__(self, session: Session, keep_id: str, drop_id: str, text: str) -> None:
        super().__init__(session, text)
        self.keep_id = keep_id
        self.drop_id = drop_id
        self.dropped: dict = {}
        self.moved: list[str] = []

    def first_run(self) -> Changes:
        return self.redo_change()

    def undo_change(self) -> Changes:
        return sources.unmerge_sources(self.ledger, self.dropped, self.moved, self.who())

    def redo_change(self) -> Changes:
        self.dropped, self.moved, changes = sources.merge_sources(
            self.ledger, self.keep_id, self.drop_id, self.who()
        )
        return changes


class Decide(LedgerCommand):
    """A reviewer's decision on one field; undo withdraws it, redo reinstates it."""

    def __init__(
        self,
        session: Session,
        event_id: str,
        field: FieldKey,
        value: str,
        rationale: str,
        report_id: str | None,
    ) -> None:
        super().__init__(session, "")
        self.event_id = event_id
        self.field = field
        self.value = value
        self.rationale = rationale
        self.report_id = report_id
        self.resolution_id = ""

    def first_run(self) -> Changes:
        self.resolution_id, changes = self.ledger.resolve(
            self.event_id, self.field, self.value, self.rationale, self.who(), self.report_id
        )
        # The event named as the decision left it: a decided date gave it its new day,
        # where it now stands in the table (the text named it by the day it had before).
        self.setText(
            translate("Commands", "Decide {field}: {value} ({event})").format(
                field=field_label(self.field),
                value=decided_value(self.field.field, self.value),
                event=event_title(self.ledger, self.event_id, WINDOW_WORDS, with_flow=False),
            )
        )
        return changes

    def undo_change(self) -> Changes:
        return self.ledger.withdraw_resolution(self.resolution_id, self.who())

    def redo_change(self) -> Changes:
        return self.ledger.reinstate_resolution(self.resolution_id, self.who())

    # Undone or done again, the decision's event is brought into view: the pane had moved
    # on to the next event, and the change was made where nobody saw it.
    def undo(self) -> None:
        super().undo()
        self.session.event_selected.emit(self.event_id)

    def redo(self) -> None:
        first = self.skip_redo
        super().redo()
        if not first:
            self.session.event_selected.emit(self.event_id)
