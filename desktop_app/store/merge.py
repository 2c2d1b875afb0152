"""Merging another researcher's ledger file into this one.

Events, reports, sources and resolutions whose ids are new are added; a report present
in both with different content keeps the newer edit (a tie keeps ours) and the other
version goes into the audit trail; ids deleted here stay deleted. The other file's
reports are written first, then its decisions, which keep their `resolved_at`.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..domain.dates import utc_now
from ..domain.naming import counted
from ..domain.records import source_key
from ..domain.validation import Invalid
from .database import LedgerFileError, backup, inspect_file, placeholders
from .evidence import Evidence, LockerCopies, evidence_folder, evidence_of
from .folder_files import decision_content
from .import_plan import Cancelled, Progress
from .ledger import (
    EDITABLE_FIELDS,
    RECORDING_FIELDS,
    WITHDRAWALS,
    Changes,
    Ledger,
    evidence_link_id,
    new_id,
    public_record,
)
from .schema import SCHEMA_VERSION
from .sources import former_names
from .values import unreadable_values

# A report's own fields as merge copies them (its source is matched by key separately).
REPORT_FIELDS = ("event_id", *EDITABLE_FIELDS[1:], "recorded_by", "recorded_at")


class MergeRefused(Invalid):
    """The other file cannot be merged (a type clash): nothing was merged."""


@dataclass
class MergeResult:
    changes: Changes = Changes()  # what the merge changed, for the window's listeners
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            (
                "events",
                "reports",
                "updated",
                "kept",
                "sources",
                "parties",
                "resolutions",
                "withdrawn",
                "reinstated",
                "evidence",
                "evidence_unfound",
                "evidence_files",
                "described",
                "described_kept",
                "kept_deleted",
                "sources_updated",
                "sources_kept",
            ),
            0,
        )
    )

    def summary(self, shown: Callable[[int], str] = str) -> str:
        """What the merge did, in English; `shown` writes the numbers."""
        c = self.counts
        nouns = ("events", "reports", "sources", "parties")
        added = [counted(c[noun], noun, shown) for noun in nouns]
        text = (
            f"{', '.join(added)} and {counted(c['resolutions'], 'decisions', shown)} added;"
            f" {counted(c['updated'], 'reports', shown)} updated to a newer edit,"
            f" {shown(c['kept'])} kept where ours was as new or newer"
        )
        if c["evidence"]:
            text += f"; {counted(c['evidence'], 'evidence records', shown)} added"
        if c["evidence_unfound"]:
            text += (
                f", {shown(c['evidence_unfound'])} of them without their file, which was not"
                " beside the other file ('evidence verify' names them)"
            )
        if c["evidence_files"]:
            text += (
                f"; {counted(c['evidence_files'], 'evidence files', shown)} that this ledger's"
                " folder lacked brought from the other's"
            )
        if c["described"]:
            text += (
                f"; what is said of {counted(c['described'], 'evidence files', shown)} taken"
                " from the other file, which corrected it later"
            )
        if c["described_kept"]:
            text += (
                f"; what is said of {counted(c['described_kept'], 'evidence files', shown)}"
                " kept where ours was corrected as late or later"
            )
        if c["withdrawn"] or c["reinstated"]:
            text += (
                f"; {counted(c['withdrawn'], 'decisions', shown)} withdrawn and"
                f" {shown(c['reinstated'])} in force again, as the other file changed them later"
            )
        if c["sources_updated"] or c["sources_kept"]:
            text += (
                f"; {counted(c['sources_updated'], 'sources', shown)} regraded or respelled as"
                f" the other file changed them later, {shown(c['sources_kept'])} kept where ours"
                " was changed as late or later"
            )
        if c["kept_deleted"]:
            text += (
                f"; {counted(c['kept_deleted'], 'reports', shown)} deleted here and edited there"
                " since left deleted (the other file's version is in the audit trail)"
            )
        return text

    @property
    def changed(self) -> bool:
        return any(self.counts.values())


SOURCE_EDITS = ("edit", "undo-edit", "merge-edit")  # a source's name, party and grades
SOURCE_FIELDS = ("name", "kind", "reliability")  # a source's party is part of its key


def _last_change(ledger: Ledger, record_id: str, actions: tuple[str, ...], since: str) -> str:
    """When that file last made one of these audited changes to the record (`since` if
    it never did, or did so earlier): a merge's change (merge-…) keeps the time of the
    change it carried, so that the next merge compares that time again."""
    times = [since]
    rows = ledger.conn.execute(
        f"SELECT action, at, new FROM audit WHERE entity_id = ?"
        f" AND action IN ({placeholders(actions)})",
        (record_id, *actions),
    )
    for action, at, new in rows:
        times.append(json.loads(new)["changed_at"] if action.startswith("merge-") else at)
    return max(times)


def _withdrawal_changed(ledger: Ledger, decision: dict[str, Any]) -> str:
    """When the decision was last withdrawn or reinstated in that file ('' if never)."""
    return _last_change(ledger, decision["id"], WITHDRAWALS, decision["withdrawn_at"] or "")


def _said(content: dict[str, Any]) -> dict[str, Any]:
    """What a report says (`Ledger.report_content`), not who recorded it or when."""
    return {name: value for name, value in content.items() if name not in RECORDING_FIELDS}


def _fields(source: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(source[name] for name in SOURCE_FIELDS)


def _check_types(ledger: Ledger, other: Ledger) -> None:
    clashes = []
    for event_id, other_type in other.event_types():
        mine = ledger.event_type(event_id)
        if mine is not None and mine != other_type:
            clashes.append(f"event {event_id} is '{mine}' here and '{other_type}' there")
    if clashes:
        raise MergeRefused("type clash, nothing merged: " + "; ".join(clashes[:10]))


def _described_at(ledger: Ledger, item: Evidence) -> str:
    """When that file last changed what it says of a file on a report, else when it was
    added."""
    link_id = evidence_link_id(item.report_id, item.sha256)
    return _last_change(ledger, link_id, ("edit", "merge-edit"), item.added_at)


# The times a merge compares (a later one wins), by the records that hold them: the
# table, what a record is called, the SQL that names it, its time columns, and which of
# its rows (what is said of an evidence file and whether a decision is withdrawn follow
# the later change, read from the audit trail: see _last_change).
COMPARED_TIMES = (
    ("reports", "report", "id", ("updated_at", "recorded_at"), "1"),
    ("resolutions", "decision", "id", ("resolved_at", "withdrawn_at"), "1"),
    ("report_evidence", "evidence", "report_id || ' ' || sha256", ("added_at",), "1"),
    ("audit", "evidence", "entity_id", ("at",), "entity = 'evidence' AND action = 'edit'"),
    (
        "audit",
        "decision",
        "entity_id",
        ("at",),
        "entity = 'resolution' AND action IN ('withdraw', 'reinstate')",
    ),
)


def _check_values(other: Ledger, other_path: Path) -> None:
    """Refused like any unusable file: one holding a value this program cannot read
    (another program stored it), which the merge would copy into this ledger, or which
    would stop it midway with an error that names neither file nor row."""
    problems = unreadable_values(other.conn)
    if problems:
        more = f" (and {len(problems) - 1} more)"
        raise MergeRefused(
            f"{other_path} holds a value this program cannot read: {problems[0]}"
            f"{more if problems[1:] else ''}; nothing merged"
        )


def _check_times(other: Ledger, now: str) -> None:
    """Refused, as an import refuses them: times in the future in the other file (its
    computer's clock ahead), which would win every later merge against this file's own
    later edits and decisions, so that a decision made here would not be in force."""
    for table, kind, record, columns, rows in COMPARED_TIMES:
        for column in columns:
            found = other.conn.execute(  # the latest, and how many (one scan)
                f"SELECT {record}, {column}, COUNT(*) OVER () FROM {table}"
                f" WHERE {rows} AND {column} > ? ORDER BY {column} DESC LIMIT 1",
                (now,),
            ).fetchone()
            if found:
                record_id, at, count = found
                more = f" (and {count - 1} more)" if count > 1 else ""
                raise MergeRefused(
                    f"{kind} {record_id} has {column} {at}, in the future (it is now {now}){more}:"
                    " the other computer's clock is probably ahead, and such a time would win"
                    " every later merge against the edits and decisions made here;"
                    " nothing merged"
                )


def open_other(other_path: Path, scratch: Path) -> Ledger:
    """The other file, read-only and never changed: one of an older version is copied
    (SQLite backup API) into `scratch` and the copy is upgraded."""
    inspection = inspect_file(other_path)
    if not inspection.exists:
        raise LedgerFileError(f"{other_path} does not exist.")
    if 0 < inspection.version < SCHEMA_VERSION:
        copy = scratch / other_path.name
        backup(other_path, copy)
        return Ledger.open(copy, create=False)
    return Ledger.open(other_path, read_only=True, create=False, upgrade=False, snapshot=True)


MERGE_STEPS = 5  # progress is said between the merge's steps
STEP = 1000  # and within the copy of the evidence files, in thousandths of a step


def merge_file(
    ledger: Ledger, other_path: Path, who: str, progress: Progress | None = None
) -> MergeResult:
    """Merge another ledger file into `ledger`, in one transaction. `progress` is told the
    steps done; returning False cancels, and nothing is merged."""

    def step(done: int) -> None:
        if progress is not None and not progress(done * STEP, MERGE_STEPS * STEP):
            raise Cancelled()

    def copying(done: int, total: int) -> bool:  # the bytes of the evidence files
        assert progress is not None
        return progress(3 * STEP + STEP * done // max(total, 1), MERGE_STEPS * STEP)

    step(0)
    with tempfile.TemporaryDirectory() as scratch, open_other(other_path, Path(scratch)) as other:
        _check_values(other, other_path)
        _check_types(ledger, other)
        _check_times(other, utc_now())
        sha256 = hashlib.sha256(other_path.read_bytes()).hexdigest()
        step(1)
        operation_id = new_id()
        result = MergeResult()
        copies = LockerCopies()
        try:
            with ledger.write(who, operation_id) as state:
                # The operation comes first: the records the merge adds point to it.
                ledger.record_operation("merge", other_path.name, sha256, {})
                merger = _Merger(ledger, other, result, copies)
                merger.merge_source_fields()
                merger.merge_records()
                step(3)
                merger.merge_evidence(
                    evidence_folder(other_path), None if progress is None else copying
                )
                step(4)
                state.touched.update(merger.touched)
                if not result.changed:
                    raise _NothingToMerge()  # rolls the operation back: nothing changes
                ledger.set_operation_counts(result.counts)
                ledger.audit(
                    "merge",
                    "operation",
                    operation_id,
                    new={"file": str(other_path), "sha256": sha256, "counts": result.counts},
                )
        except BaseException as error:  # rolled back: the files copied go too
            copies.discard()
            if isinstance(error, _NothingToMerge):
                return MergeResult()
            raise
        result.changes = ledger.changes_of(state, everything=True)
        return result


class _NothingToMerge(Exception):
    pass


class _Merger:
    def __init__(
        self, ledger: Ledger, other: Ledger, result: MergeResult, copies: LockerCopies
    ) -> None:
        self.ledger = ledger
        self.other = other
        self.result = result
        self.copies = copies  # the evidence files copied, taken back if the merge fails
        self.touched: set[str] = set()
        self.deleted_at = ledger.deletions()
        self.sources: dict[str, str] = {}
        # A source renamed or merged here may keep its old name there: that name is ours.
        self.former = former_names(ledger)

    def merge_source_fields(self) -> None:
        """Each source both files hold (by its name and party, as PRODUCT.md matches them,
        never by id) whose spelling or grades differ: the later change wins, as a report's
        newer edit does (a tie: ours), and the other version goes into the audit trail
        once. A regrade there never came here, and the merge said this file held
        everything. A rename there is another key: another source here, as the contract
        has it."""
        for theirs in self.other.db.query("SELECT * FROM sources ORDER BY key"):
            mine = self.ledger.find_source(theirs["name"], theirs["party"])
            if mine is None or _fields(mine) == _fields(theirs):
                continue
            changed_at = _last_change(self.other, theirs["id"], SOURCE_EDITS, "")
            if changed_at > _last_change(self.ledger, mine["id"], SOURCE_EDITS, ""):
                self._take_source_fields(mine, theirs, changed_at)
            else:
                self._keep_source_fields(mine, theirs)

    def _take_source_fields(
        self, mine: dict[str, Any], theirs: dict[str, Any], changed_at: str
    ) -> None:
        """Their spelling and grades for our source (its key, name and party, stays)."""
        ledger = self.ledger
        ledger.update_source(mine["id"], {name: theirs[name] for name in SOURCE_FIELDS})
        ledger.audit(
            "merge-edit",
            "source",
            mine["id"],
            old=public_record(mine),
            new={**public_record(ledger.source_record(mine["id"])), "changed_at": changed_at},
        )
        self.result.counts["sources_updated"] += 1
        self.touched.update(
            row[0]
            for row in ledger.conn.execute(
                "SELECT event_id FROM reports WHERE source_id = ?", (mine["id"],)
            )
        )

    def _keep_source_fields(self, mine: dict[str, Any], theirs: dict[str, Any]) -> None:
        self._kept_once(
            "merge-kept-local",
            "source",
            mine["id"],
            public_record(theirs),
            public_record(mine),
            "sources_kept",
        )

    def _source(self, other_source_id: str) -> str:
        """The local source with the other one's name and party (sources match by key),
        or the one that stands for that name here since a rename or a merge."""
        if other_source_id not in self.sources:
            row = self.other.source_record(other_source_id)
            stands = self.former.get(source_key(row["name"], row["party"]))
            if stands is not None:
                self.sources[other_source_id] = stands["id"]
            else:
                source_id, created = self.ledger.ensure_source(
                    row["name"], row["party"], row["kind"], row["reliability"]
                )
                self.result.counts["sources"] += created
                self.sources[other_source_id] = source_id
        return self.sources[other_source_id]

    def _content(self, theirs: dict[str, Any]) -> dict[Any, Any]:
        """What their report says, its source named as it stands here."""
        content = self.other.report_content(theirs)
        stands = self.former.get(content["source"])
        return content if stands is None else {**content, "source": stands["key"]}

    def _ensure_event(self, event_id: str) -> bool:
        if self.ledger.event_type(event_id) is not None:
            return True
        if event_id in self.deleted_at:
            return False
        event_type = self.other.event_type(event_id)
        assert event_type is not None
        self.ledger.insert_events({event_id: event_type})
        self.result.counts["events"] += 1
        return True

    def merge_records(self) -> None:
        """The other file's reports, then its decisions (PRODUCT.md's order), each in
        the other file's write order."""
        parties_before = self.ledger.count("parties")
        for (report_id,) in self.other.conn.execute("SELECT id FROM reports ORDER BY seq"):
            self._merge_report(report_id)
        self.result.counts["parties"] += self.ledger.count("parties") - parties_before
        decisions = self.other.resolution_records()
        same_content = self._decisions_by_content({row["id"] for row in decisions})
        for row in decisions:
            self._merge_decision(row, same_content)

    def _merge_report(self, report_id: str) -> None:
        theirs = self.other.report_record(report_id)
        assert theirs is not None
        if report_id in self.deleted_at:
            if theirs["updated_at"] > self.deleted_at[report_id]:
                # Passed over without a word, the merge said this file held everything.
                self._kept_once(
                    "merge-kept-deleted", "report", report_id, theirs, None, "kept_deleted"
                )
            return
        mine = self.ledger.report_record(report_id)
        if mine is None:
            self._add_report(theirs)
        else:
            self._reconcile(mine, theirs)

    def _add_report(self, theirs: dict[str, Any]) -> None:
        if not self._ensure_event(theirs["event_id"]):
            return
        self._write_report(theirs, insert=True)
        self.result.counts["reports"] += 1

    def _write_report(self, theirs: dict[str, Any], *, insert: bool) -> None:
        ledger = self.ledger
        values = {
            **{name: theirs[name] for name in REPORT_FIELDS},
            "source_id": self._source(theirs["source_id"]),
            "url": theirs["url"],
            "updated_at": theirs["updated_at"],
            "seq": ledger.next_seqs(),
        }
        if insert:
            ledger.insert_report({"id": theirs["id"], **values})
        else:
            ledger.update_report(theirs["id"], values)
            ledger.delete_flows(theirs["id"])
        flows = [
            {
                **flow,
                "from_party": ledger.ensure_party(flow["from_party"]),
                "to_party": ledger.ensure_party(flow["to_party"]),
            }
            for flow in theirs["flows"]
        ]
        ledger.insert_flow_records(theirs["id"], flows)
        self.touched.add(theirs["event_id"])

    def _reconcile(self, mine: dict[str, Any], theirs: dict[Any, Any]) -> None:
        if _said(self.ledger.report_content(mine)) == _said(self._content(theirs)):
            # The same, or recorded apart (the same spreadsheet imported into both files):
            # kept as recorded here, as an import keeps it. Taken as a newer edit, it moved
            # to the end of the write order and reopened the decisions made since.
            return
        if mine["event_id"] != theirs["event_id"]:
            raise MergeRefused(
                f"report {mine['id']} belongs to event {mine['event_id']} here and"
                f" {theirs['event_id']} there; nothing merged"
            )
        if theirs["updated_at"] > mine["updated_at"]:
            self._write_report(theirs, insert=False)
            self.ledger.audit("merge-update", "report", mine["id"], old=mine, new=theirs)
            self.result.counts["updated"] += 1
        else:
            self._kept_once("merge-kept-local", "report", mine["id"], theirs, mine, "kept")

    def _kept_once(
        self, action: str, entity: str, record_id: str, theirs: Any, mine: Any, counted: str
    ) -> None:
        """The other file's version of a record that stays out (ours kept, or a deletion
        here): into the audit trail and the count once, since merging the same file twice
        must change nothing, the audit trail included."""
        if not self.ledger.audited(action, record_id, old=theirs):
            self.ledger.audit(action, entity, record_id, old=theirs, new=mine)
            self.result.counts[counted] += 1

    def _merge_decision(
        self, row: dict[str, Any], same_content: dict[tuple[str, ...], list[str]]
    ) -> None:
        ledger = self.ledger
        mine = ledger.resolution_record(row["id"])
        if mine is None and (alike := same_content.get(decision_content(row))):
            # The same decision under another id: a copy restored from an export
            # folder (whose decisions carry no ids) added every decision again,
            # written after the reports that had reopened them.
            mine = ledger.resolution_record(alike.pop(0))
        if mine is not None:
            self._follow_withdrawal(mine, row)
            return
        if row["id"] in self.deleted_at or ledger.event_type(row["event_id"]) is None:
            return
        record = {
            **row,
            "from_party": ledger.find_party(row["from_party"]) or row["from_party"],
            "to_party": ledger.find_party(row["to_party"]) or row["to_party"],
            "seq": ledger.next_seqs(),
            "merged": 1,
        }
        ledger.insert_resolutions(record)
        ledger.audit("decide", "resolution", row["id"], new=public_record(record))
        self.result.counts["resolutions"] += 1
        self.touched.add(row["event_id"])

    def _decisions_by_content(self, their_ids: set[str]) -> dict[tuple[str, ...], list[str]]:
        """Our decisions that the other file holds under no id of theirs, by what they
        say, in write order."""
        found: dict[tuple[str, ...], list[str]] = {}
        for row in self.ledger.db.query("SELECT * FROM resolutions ORDER BY seq"):
            if row["id"] not in their_ids:
                found.setdefault(decision_content(row), []).append(row["id"])
        return found

    def _follow_withdrawal(self, mine: dict[str, Any], theirs: dict[str, Any]) -> None:
        """A decision both files hold, withdrawn in one and in force in the other: the
        later withdrawal or reinstatement wins, as the newer edit of a report does (a
        tie: ours), keeping the time and the name it was withdrawn with."""
        if (mine["withdrawn_at"] is None) == (theirs["withdrawn_at"] is None):
            return
        theirs_changed = _withdrawal_changed(self.other, theirs)
        if theirs_changed <= _withdrawal_changed(self.ledger, mine):
            return
        withdrawn = theirs["withdrawn_at"] is not None
        self.ledger.set_withdrawal(mine["id"], theirs["withdrawn_at"], theirs["withdrawn_by"])
        self.ledger.audit(
            "merge-withdraw" if withdrawn else "merge-reinstate",
            "resolution",
            mine["id"],
            old={"withdrawn_at": mine["withdrawn_at"], "withdrawn_by": mine["withdrawn_by"]},
            new={
                "withdrawn_at": theirs["withdrawn_at"],
                "withdrawn_by": theirs["withdrawn_by"],
                "changed_at": theirs_changed,
            },
        )
        self.result.counts["withdrawn" if withdrawn else "reinstated"] += 1
        self.touched.add(mine["event_id"])

    def merge_evidence(self, other_folder: Path, progress: Progress | None) -> None:
        """The other file's evidence records of reports this file has, and the files its
        locker holds that ours lacks, each checked against its SHA-256 (other bytes refuse
        the merge). A link removed here stays removed. Of a record both files have, what
        is said of the file is taken from the one that corrected it later."""
        items = []
        locker = evidence_folder(self.ledger.path)
        lacking: dict[str, int] = {}  # files of records we have, which our folder lacks
        for item in evidence_of(self.other):
            if not self.ledger.report_exists(item.report_id):
                continue
            mine = self.ledger.evidence_record(item.report_id, item.sha256)
            if mine is None:
                items.append(item)
                continue
            if mine.said != item.said:
                self._later_description(mine, item)
            if not (locker / item.sha256).is_file():
                # A record that came without its file (their folder not sent along the
                # first time): merging again brings it, as an export folder's import does.
                lacking[item.sha256] = item.size
        wanted = {**lacking, **{item.sha256: item.size for item in items}}
        self.copies.copy(self.ledger, wanted, other_folder, progress)
        self.result.counts["evidence_files"] += sum(
            (locker / sha256).is_file() for sha256 in lacking
        )
        for item in items:
            if self.ledger.add_evidence_record(item):
                self.result.counts["evidence"] += 1
                # The record comes, as an export's does, but say that its file did not
                # (the other file's locker lacked it): "1 evidence record added" alone
                # hid it until a verify called the file missing.
                if not (locker / item.sha256).is_file():
                    self.result.counts["evidence_unfound"] += 1
                self.touched.add(self.ledger._event_of(item.report_id))

    def _later_description(self, mine: Evidence, theirs: Evidence) -> None:
        """What the other file says of a file both have on a report, where it said so
        later than this one; otherwise ours stays, and the audit trail keeps theirs (once:
        merging the same file twice changes nothing), as it keeps a report's."""
        changed_at = _described_at(self.other, theirs)
        if changed_at > _described_at(self.ledger, mine):
            self.ledger.set_evidence_description(mine, theirs.said, changed_at=changed_at)
            self.result.counts["described"] += 1
            self.touched.add(self.ledger._event_of(mine.report_id))
            return
        link_id = evidence_link_id(mine.report_id, mine.sha256)
        said_there = {**asdict(theirs.said), "changed_at": changed_at}
        self._kept_once(
            "merge-kept-local",
            "evidence",
            link_id,
            said_there,
            asdict(mine.said),
            "described_kept",
        )
