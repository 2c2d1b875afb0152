"""Import of an export folder (`exchange-ledger import DB DIR`).

Into a new or empty ledger it restores the ledger the folder was exported from: the
sources with their ids, the reports and every decision written with the `seq` they had,
so that the rules derive every status again (`reopened` included) and exporting the
restored ledger gives the same bytes. Into a ledger that holds data it adds the folder's
reports after everything there, as importing its `reports.csv` would, then its decisions,
each checked as `resolve` checks one.

Everything is read and checked inside one write transaction, which commits only when the
whole folder is valid: a bad folder imports nothing, and every problem is named by file,
row and column. A dry run does the same work and rolls it back.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..domain.dates import utc_now
from ..domain.naming import counted
from ..domain.records import FieldKey
from ..domain.validation import Invalid
from . import derived, queries
from .database import placeholders
from .folder_evidence import FolderEvidence
from .folder_files import (
    EVENTS,
    REPORTS,
    RESOLUTIONS,
    SOURCES,
    DecisionRow,
    FolderProblem,
    Problems,
    SourceRow,
    read_decisions,
    read_sources,
    read_statuses,
    report_seqs,
)
from .import_plan import ImportPlan, NewReport, Progress
from .importer import plan_import
from .ledger import WITHDRAWALS, Changes, Ledger, new_id, unstated

__all__ = ["FOLDER_PARTS", "FolderPart", "FolderResult", "import_folder", "is_export_folder"]


class FolderPart(Protocol):
    """A file of the folder that a later step restores in the same transaction (the
    evidence records, say): `read` checks its file and notes problems; `write` runs after
    the reports and decisions are written, before the derived state is refreshed."""

    file_name: str

    def read(self, ledger: Ledger, folder: FolderResult, new_reports: set[str] | None) -> None:
        """Check the file; `new_reports`: the reports the folder adds (with the ledger's
        own, those its records may name), None where reports.csv has errors (what its
        records name is then checked by `write`, once it is whole)."""

    def write(
        self,
        ledger: Ledger,
        folder: FolderResult,
        operation_id: str,
        progress: Progress | None = None,
    ) -> None: ...

    def discard(self) -> None:
        """Undo what `write` did outside the transaction (files copied): the import was
        refused, and a refused import leaves nothing behind."""

    def counts(self) -> dict[str, int]: ...


# Makers of the parts that restore further files; a file no part names is ignored (so is
# README.txt, datapackage.json, balance.csv, which is derived, and the workbook).
FOLDER_PARTS: list[Callable[[], FolderPart]] = [FolderEvidence]


def is_export_folder(path: Path) -> bool:
    return path.is_dir()


@dataclass
class FolderResult:
    """What an import of a folder found and did."""

    directory: Path
    restored: bool = False  # into an empty ledger: the exported ledger came back
    dry_run: bool = False
    problems: Problems = field(default_factory=Problems)
    digests: dict[str, str] = field(default_factory=dict)  # file name -> SHA-256
    counts: dict[str, int] = field(default_factory=dict)
    parts: list[FolderPart] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)  # what the import changed, once committed

    @property
    def errors(self) -> list[FolderProblem]:
        return self.problems.errors

    @property
    def warnings(self) -> list[FolderProblem]:
        return self.problems.warnings

    @property
    def changed(self) -> bool:
        return any(n for what, n in self.counts.items() if "skipped" not in what)

    def summary(self, shown: Callable[[int], str] = str) -> str:
        """What the folder restored or added, in English; `shown` writes the numbers."""
        c = self.counts
        restored = [
            counted(c.get(nouns, 0), nouns, shown)
            for nouns in ("events", "reports", "flows", "sources", "parties", "decisions")
        ]
        restored += [
            counted(n, what, shown) for part in self.parts for what, n in part.counts().items()
        ]
        text = f"{', '.join(restored[:-1])} and {restored[-1]}"  # "and" before the last only
        skipped = [
            counted(c[key], what, shown)
            for key, what in (("skipped", "reports"), ("decisions_skipped", "decisions"))
            if c.get(key)
        ]
        if skipped:
            text += f"; {' and '.join(skipped)} already present and identical, skipped"
        if c.get("decisions_withdrawn"):
            text += (
                f"; {counted(c['decisions_withdrawn'], 'decisions', shown)} in force here"
                " withdrawn, as the folder has them"
            )
        return text


class _Refused(Exception):
    """Rolls the transaction back: the folder has errors, or this is a dry run, or there
    is nothing new to add."""


def import_folder(
    ledger: Ledger,
    directory: Path,
    who: str,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    alone: bool = False,
) -> FolderResult:
    """Check the whole folder and import it in one transaction, or nothing. `alone`, as
    for `importer.apply_import`: a restore into an empty ledger may then go through a
    rollback journal."""
    if dry_run and ledger.read_only:
        # A dry run does the work on a copy: the file itself is never written.
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / "dry-run.db"
            ledger.copy_to(copy, with_evidence=False)
            with Ledger.open(copy) as trial:
                return import_folder(trial, directory, who, dry_run=True, progress=progress)
    result = FolderResult(directory, dry_run=dry_run)
    reports_path = directory / REPORTS
    if not reports_path.is_file():
        result.problems.error(
            REPORTS, 0, "", f"is missing: {directory} is not an export folder (it has no {REPORTS})"
        )
        return result
    operation_id = new_id()
    try:
        with (
            ledger.journal_while_empty() if alone and not dry_run else nullcontext(),
            ledger.write(who, operation_id),
        ):
            restore = _Restore(ledger, result, who, operation_id)
            restore.run(progress)
            if result.errors or dry_run or not result.changed:
                raise _Refused()
    except BaseException as error:  # rolled back: nothing may stay beside the ledger either
        for part in result.parts:
            part.discard()
        if not isinstance(error, _Refused):
            raise
        return result
    counts = result.counts
    result.changes = Changes(
        frozenset(restore.touched),
        sources=bool(counts.get("sources")),
        parties=bool(counts.get("parties")),
        everything=True,
    )
    return result


class _Restore:
    """One import of a folder, inside its write transaction."""

    def __init__(self, ledger: Ledger, result: FolderResult, who: str, operation_id: str):
        self.ledger = ledger
        self.result = result
        self.who = who
        self.operation_id = operation_id
        self.problems = result.problems
        self.directory = result.directory
        self.now = utc_now()
        self.touched: set[str] = set()
        self.withdrawn = 0  # decisions in force here that the folder has withdrawn

    # ---- reading ----------------------------------------------------------------------

    def run(self, progress: Progress | None) -> None:
        ledger = self.ledger
        self.result.restored = _is_empty(ledger)
        before = {table: ledger.count(table) for table in ("events", "sources", "parties")}
        plan = self._read(progress)
        if self.problems.errors:
            return
        self._record_operation()
        seqs = self._seqs(plan)
        if self.problems.errors:
            return
        self._write_sources(plan)
        self._write_reports(plan, seqs)
        added, skipped = self._write_decisions()
        for part in self.result.parts:
            part.write(ledger, self.result, self.operation_id, progress)
        if self.problems.errors:
            return
        derived.refresh(ledger.conn, self.touched)
        if self.result.restored:
            self._compare()
        counts = {
            **{table: ledger.count(table) - n for table, n in before.items()},
            "reports": len(plan.reports),
            "flows": plan.n_flows,
            "skipped": plan.skipped,
            "decisions": added,
            "decisions_skipped": skipped,
            "decisions_withdrawn": self.withdrawn,
        }
        for part in self.result.parts:
            counts.update(part.counts())
        self.result.counts = counts
        self._finish_operation(counts)

    def _read(self, progress: Progress | None) -> ImportPlan:
        """Every file checked, every problem noted; the reports planned as `import` plans
        a reports.csv."""
        directory = self.directory
        plan = plan_import(self.ledger, directory / REPORTS, self.who, progress)
        self._digest(REPORTS)
        self.problems.errors.extend(FolderProblem(REPORTS, p) for p in plan.errors)
        self.problems.warnings.extend(FolderProblem(REPORTS, p) for p in plan.warnings)
        self.sources: list[SourceRow] = []
        if (directory / SOURCES).is_file():
            self.sources = read_sources(directory / SOURCES, self.problems)
            self._digest(SOURCES)
        self.decisions: list[DecisionRow] = []
        if (directory / RESOLUTIONS).is_file():
            self.decisions = read_decisions(directory / RESOLUTIONS, self.problems, self.who)
            self._digest(RESOLUTIONS)
        self.statuses: dict[str, str] = {}
        if self.result.restored and (directory / EVENTS).is_file():
            self.statuses = read_statuses(directory / EVENTS, self.problems)
            self._digest(EVENTS)
        # What the records name is checked now, with every other problem (the next run
        # named it: PRODUCT.md, every error in one go), where reports.csv is whole: a
        # report with a row in error is not in the plan, and its decisions and evidence
        # would be called orphans. The write checks them again, as it finds the ledger.
        new_reports = None if plan.errors else {report.report_id for report in plan.reports}
        for make in FOLDER_PARTS:
            part = make()
            self.result.parts.append(part)
            if (directory / part.file_name).is_file():
                self._digest(part.file_name)
            part.read(self.ledger, self.result, new_reports)
        if new_reports is not None:
            new_events = {report.event_id for report in plan.reports}
            for decision in self.decisions:
                if decision.event_id not in new_events:
                    self._check_event_of(decision)
        return plan

    def _check_event_of(self, decision: DecisionRow) -> bool:
        """Whether the decision's event is in this ledger, an error if not."""
        if self.ledger.event_type(decision.event_id) is not None:
            return True
        # An export holds the decisions of the events it has reports of only.
        self.problems.error(
            RESOLUTIONS,
            decision.row,
            "event_id",
            f"event {decision.event_id} has no report in {REPORTS} or in this ledger",
        )
        return False

    def _digest(self, name: str) -> None:
        self.result.digests[name] = hashlib.sha256((self.directory / name).read_bytes()).hexdigest()

    def _seqs(self, plan: ImportPlan) -> dict[str, int]:
        """The seq each new report is written with. Restoring: the folder's own (those
        without one after all the others, in file order), each used once by a report or
        a decision. Adding: new ones after everything in the ledger, in the folder's order."""
        given = report_seqs(self.directory / REPORTS)
        ordered = sorted(
            plan.reports,
            key=lambda r: (
                given[r.report_id][1] is None,
                given[r.report_id][1] or 0,
                given[r.report_id][0],
            ),
        )
        if not self.result.restored:
            first = self.ledger.next_seqs(len(ordered)) if ordered else 0
            return {report.report_id: first + i for i, report in enumerate(ordered)}
        taken: dict[int, str] = {}
        for report in ordered:
            row, seq = given[report.report_id]
            if seq is not None:
                self._take(taken, seq, REPORTS, row, f"report {report.report_id}")
        for decision in self.decisions:
            if decision.seq is not None:
                self._take(taken, decision.seq, RESOLUTIONS, decision.row, "a decision")
        last = max(taken, default=0)
        seqs = {}
        for report in ordered:
            seq = given[report.report_id][1]
            if seq is None:
                last += 1
                seq = last
            seqs[report.report_id] = seq
        self.decision_seqs = {}
        for decision in self.decisions:
            if decision.seq is None:
                last += 1
            self.decision_seqs[decision.id] = decision.seq if decision.seq is not None else last
        stored = self.ledger.next_seqs(0) - 1  # the ledger's last position, reserving none
        if last > stored:
            self.ledger.next_seqs(last - stored)
        return seqs

    def _take(self, taken: dict[int, str], seq: int, file: str, row: int, what: str) -> None:
        if seq in taken:
            self.problems.error(
                file,
                row,
                "seq",
                f"seq {seq} is also the place of {taken[seq]}: each write has its own",
            )
        else:
            taken[seq] = what

    # ---- writing ----------------------------------------------------------------------

    def _record_operation(self) -> None:
        """The operation comes first: the records the import adds point to it."""
        manifest = "".join(
            f"{digest}  {name}\n" for name, digest in sorted(self.result.digests.items())
        )
        self.folder_sha256 = hashlib.sha256(manifest.encode()).hexdigest()
        self.ledger.record_operation("import", self.directory.name + "/", self.folder_sha256, {})

    def _finish_operation(self, counts: dict[str, int]) -> None:
        self.ledger.set_operation_counts(counts)
        self.ledger.audit(
            "import",
            "operation",
            self.operation_id,
            new={
                "folder": str(self.directory),
                "restored": self.result.restored,
                "sha256": self.folder_sha256,
                "files": self.result.digests,
                "counts": counts,
            },
        )

    def _write_sources(self, plan: ImportPlan) -> None:
        """Restoring, the folder's sources with their ids (sources.csv defines their kind
        and reliability); then every source the reports name, found by name and party or
        created as an import creates it."""
        ledger = self.ledger
        if self.result.restored:
            records = [
                {
                    "id": source.source_id,
                    "name": source.name,
                    "key": source.key,
                    "kind": source.kind,
                    "party": ledger.ensure_party(source.party) if source.party else None,
                    "reliability": source.reliability,
                    "created_at": self.now,
                    "operation_id": self.operation_id,
                }
                for source in self.sources
            ]
            ledger.insert("sources", *records)
            self._warn_of_other_grades(plan)
        else:
            self._warn_of_stored_grades(plan)
        named = [(s.name, s.party, s.kind, s.reliability) for s in plan.sources.values()]
        ensured = ledger.ensure_sources(named)
        self.source_ids = {
            key: source_id for key, (source_id, _) in zip(plan.sources, ensured, strict=True)
        }

    def _warn_of_other_grades(self, plan: ImportPlan) -> None:
        for source in self.sources:
            given = plan.sources.get(source.key)
            if given is None:
                continue
            if (given.kind, given.reliability) != (source.kind, source.reliability):
                self.problems.warn(
                    SOURCES,
                    source.row,
                    "kind" if given.kind != source.kind else "reliability",
                    f"source '{source.name}' is {source.kind}, {source.reliability} here and"
                    f" {given.kind}, {given.reliability} in {REPORTS}; {SOURCES} is kept",
                )

    def _warn_of_stored_grades(self, plan: ImportPlan) -> None:
        """Into a ledger with data: a source that sources.csv grades otherwise than this
        ledger keeps its grade here, as a later row of a reports.csv leaves it, and says
        so (a colleague's regrade was dropped without a word). The sources the new reports
        name are warned of by their rows, as an import warns; a regrade travels by merge."""
        for source in self.sources:
            if source.key in plan.sources:
                continue
            stored = self.ledger.conn.execute(
                "SELECT kind, reliability FROM sources WHERE key = ?", (source.key,)
            ).fetchone()
            if stored is None or tuple(stored) == (source.kind, source.reliability):
                continue
            kind, reliability = stored
            self.problems.warn(
                SOURCES,
                source.row,
                "kind" if source.kind != kind else "reliability",
                f"source '{source.name}' is {kind}, {reliability} in this ledger and"
                f" {source.kind}, {source.reliability} in {SOURCES}; this ledger's is kept"
                " (a regrade travels by merge)",
            )

    def _write_reports(self, plan: ImportPlan, seqs: dict[str, int]) -> None:
        ledger = self.ledger
        ordered = sorted(plan.reports, key=lambda report: seqs[report.report_id])
        parties = _Spellings(ledger)
        events = []
        for report in ordered:
            event_type = plan.new_events.pop(report.event_id, None)
            if event_type is not None:
                events.append(
                    {
                        "id": report.event_id,
                        "type": event_type,
                        "created_at": self.now,
                        "operation_id": self.operation_id,
                    }
                )
        ledger.insert("events", *events)
        ledger.insert("reports", *(self._report_record(r, seqs[r.report_id]) for r in ordered))
        ledger.insert(
            "flows",
            *(
                {
                    "report_id": report.report_id,
                    "position": position,
                    "category": flow.key.category,
                    "from_party": parties[flow.key.from_party],
                    "to_party": parties[flow.key.to_party],
                    "count": flow.count,
                    "qualifier": flow.qualifier,
                }
                for report in ordered
                for position, flow in enumerate(report.flows)
            ),
        )
        self.touched.update(report.event_id for report in ordered)

    def _report_record(self, report: NewReport, seq: int) -> dict[str, Any]:
        recorded_at = report.recorded_at or self.now
        return {
            "id": report.report_id,
            "event_id": report.event_id,
            "source_id": self.source_ids[report.source_key],
            "claimed_date": report.claimed_date,
            "location": report.location,
            "quote": report.quote,
            "url": report.url,
            "published": report.published,
            "credibility": report.credibility,
            "recorded_by": report.recorded_by or self.who,
            "recorded_at": recorded_at,
            "updated_at": report.updated_at or recorded_at,  # never edited: as recorded
            "seq": seq,
            "operation_id": self.operation_id,
        }

    def _write_decisions(self) -> tuple[int, int]:
        """Each decision of the folder whose event is here; adding, those the ledger
        holds already (the same content) are skipped, the folder's withdrawal of one in
        force here followed (`_follow_withdrawal`), and the others checked as `resolve`
        checks a decision. Returns (added, skipped)."""
        added = skipped = 0
        present = {} if self.result.restored else self._present()
        for decision in self.decisions:
            if not self._check_event_of(decision):
                continue
            alike = present.get(decision.content())
            if alike:
                mine = alike.pop(0)
                if decision.state == "withdrawn" and mine["withdrawn_at"] is None:
                    self._follow_withdrawal(decision, mine)
                else:
                    skipped += 1
                continue
            record = self._decision_record(decision)
            if record is None:
                continue
            self.ledger.insert("resolutions", record)
            self.touched.add(decision.event_id)
            added += 1
        return added, skipped

    def _follow_withdrawal(self, decision: DecisionRow, mine: dict[str, Any]) -> None:
        """A decision in force here that the folder has withdrawn: withdrawn here too, now
        and by you (the folder does not say when), as a merge follows a withdrawal; it was
        called "already present and identical" and stayed in force. Where it was ever
        withdrawn or reinstated here, which change came later cannot be told: it stays
        in force, and a warning says so."""
        changed_here = self.ledger.conn.execute(
            f"SELECT 1 FROM audit WHERE entity_id = ? AND action IN ({placeholders(WITHDRAWALS)})",
            (mine["id"], *WITHDRAWALS),
        ).fetchone()
        if changed_here:
            self.problems.warn(
                RESOLUTIONS,
                decision.row,
                "state",
                "withdrawn in the folder, but withdrawn and reinstated here too, which may be"
                " the later change: kept in force here",
            )
            return
        self.ledger.withdraw_resolution(mine["id"], self.who)
        self.withdrawn += 1
        self.touched.add(decision.event_id)

    def _present(self) -> dict[tuple[str, ...], list[dict[str, Any]]]:
        """The ledger's decisions on the folder's events, by what they say, in write
        order."""
        present: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        events = sorted({decision.event_id for decision in self.decisions})
        for row in self.ledger.db.query(
            "SELECT * FROM resolutions WHERE event_id IN (SELECT value FROM json_each(?))"
            " ORDER BY seq",
            [json.dumps(events)],
        ):
            content = DecisionRow(
                0,
                row["event_id"],
                derived.field_key(
                    row["field"], row["from_party"], row["to_party"], row["category"]
                ),
                row["value"],
                row["report_id"],
                row["rationale"],
                row["resolved_by"],
                row["resolved_at"],
                None,
                None,
            ).content()
            present.setdefault(content, []).append(row)
        return present

    def _decision_record(self, decision: DecisionRow) -> dict[str, Any] | None:
        field, value = decision.field, decision.value
        if self.result.restored:
            seq, merged = self.decision_seqs[decision.id], 0
            field = self._stored_field(field)
        else:
            checked = self._checked_decision(decision)
            if checked is None:
                return None
            field, value = checked
            # Like a merge's: a decision made elsewhere that differs from the one in force
            # here reopens the field for a reviewer.
            seq, merged = self.ledger.next_seqs(), 1
        withdrawn = decision.state == "withdrawn"
        flow = field.flow
        return {
            "id": decision.id,
            "event_id": decision.event_id,
            "field": field.field,
            "from_party": flow.from_party if flow else "",
            "to_party": flow.to_party if flow else "",
            "category": flow.category if flow else "",
            "value": value,
            "report_id": decision.report_id,
            "rationale": decision.rationale,
            "resolved_by": decision.resolved_by,
            "resolved_at": decision.resolved_at,
            "seq": seq,
            # The folder says a decision was withdrawn, not when or by whom: the import
            # withdraws it, now (its audit record names the folder).
            "withdrawn_at": self.now if withdrawn else None,
            "withdrawn_by": self.who if withdrawn else None,
            "merged": merged,
            "operation_id": self.operation_id,
        }

    def _stored_field(self, field: FieldKey) -> FieldKey:
        """The field with its parties as this ledger spells them; a direction decision
        names the flow of its pair that sorts first."""
        flow = field.flow
        if flow is None:
            return field
        flow = type(flow)(
            self.ledger.find_party(flow.from_party) or flow.from_party,
            self.ledger.find_party(flow.to_party) or flow.to_party,
            flow.category,
        )
        if field.field == "direction":
            flow = min(flow, flow.reversed())
        return FieldKey(field.field, flow)

    def _checked_decision(self, decision: DecisionRow) -> tuple[FieldKey, str] | None:
        """The decision as `resolve` would check it against this ledger now: its flow
        stated by a report of the event, a direction still in doubt, its report stating
        its value."""
        for report_id, column in ((None, "field"), (decision.report_id, "report_id")):
            try:
                checked = self.ledger._check_decision(
                    decision.event_id,
                    decision.field,
                    decision.value,
                    report_id,
                    made_elsewhere=True,
                )
            except Invalid as error:
                self.problems.error(RESOLUTIONS, decision.row, column, str(error))
                return None
            if decision.report_id is None:
                break
        return checked

    # ---- after -----------------------------------------------------------------------

    def _compare(self) -> None:
        """Restoring, the states the rules derive again against those the folder gives:
        where they differ (a file edited by hand, or a decision a merge brought, which
        the folder does not mark), a warning says so."""
        self._warn_of_unstated_values()
        states = {row["id"]: row["state"] for row in queries.decisions(self.ledger)}
        for decision in self.decisions:
            now = states.get(decision.id)
            if now is not None and decision.state is not None and now != decision.state:
                self.problems.warn(
                    RESOLUTIONS,
                    decision.row,
                    "state",
                    f"the decision comes back {now}, not {decision.state}",
                )
        if not self.statuses:
            return
        derived_statuses = dict(
            self.ledger.conn.execute("SELECT event_id, status FROM event_state")
        )
        for event_id, status in sorted(self.statuses.items()):
            now = derived_statuses.get(event_id)
            if now is not None and now != status:
                self.problems.warn(
                    EVENTS,
                    0,
                    "",
                    f"event {event_id} comes back {now}, not {status}: the folder was edited,"
                    " or a merge brought one of its decisions into the exported ledger (a"
                    " merged decision that differs reopens its field; the folder does not"
                    " say which decisions were merged)",
                )

    def _warn_of_unstated_values(self) -> None:
        """A decision that follows a report must find its value in it, unless the report
        was edited after it (and then reopens it, as in the ledger exported)."""
        rows = {decision.id: decision.row for decision in self.decisions if decision.report_id}
        events = {decision.event_id for decision in self.decisions if decision.report_id}
        for inputs in derived.load_inputs(self.ledger.conn, events):
            reports = {report.id: report for report in inputs.reports}
            for decision in inputs.decisions:
                report = reports.get(decision.report_id or "")
                if decision.id not in rows or report is None or report.seq > decision.seq:
                    continue
                why = unstated(report, decision.field, decision.value)
                if why is not None:
                    self.problems.warn(
                        RESOLUTIONS,
                        rows[decision.id],
                        "report_id",
                        f"{why}, though it was written before the decision: the folder was"
                        " edited, or a merge brought the decision into the exported ledger",
                    )


class _Spellings(dict[str, str]):
    """Each party's name as this ledger spells it, created on first use."""

    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self.ledger = ledger

    def __missing__(self, name: str) -> str:
        self[name] = stored = self.ledger.ensure_party(name)
        return stored


def _is_empty(ledger: Ledger) -> bool:
    """A new ledger, or one that never held anything: the folder is restored into it."""
    return not any(
        ledger.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
        for table in ("events", "sources", "parties", "resolutions", "tombstones")
    )
