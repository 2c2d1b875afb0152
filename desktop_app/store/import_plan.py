"""What an import of `reports.csv` found: its columns, its checks, and the plan to write.

Two readings fill a plan: `bulk_import` checks a column at a time and only says whether
a file is clean, `row_import` reads row by row and names every problem. Both give the
same plan for a clean file.
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from ..domain import validation
from ..domain.naming import counted
from ..domain.records import Flow, name_key
from ..domain.validation import FieldProblem
from .csvio import separator_problem
from .database import chunks, placeholders

REPORT_COLUMNS = (
    "report_id",
    "event_id",
    "event_type",
    "event_date",
    "location",
    "category",
    "from_party",
    "to_party",
    "count",
    "count_qualifier",
    "source_name",
    "source_kind",
    "source_party",
    "source_url",
    "published",
    "reliability",
    "credibility",
    "quote",
    "recorded_by",
    "recorded_at",
    "updated_at",
    "seq",
)
REQUIRED_COLUMNS = ("event_id", "event_type", "event_date", "source_name")
FLOW_COLUMNS = ("category", "from_party", "to_party", "count", "count_qualifier")
# The report-level values every row of one report must repeat.
REPORT_LEVEL = (
    "event_id",
    "event_type",
    "event_date",
    "location",
    "source_name",
    "source_party",
    "source_url",
    "published",
    "credibility",
    "quote",
    "recorded_by",
    "recorded_at",
    "updated_at",
    "seq",
)
REPORT_NAMESPACE = uuid.UUID("0d6f5a2e-3c8b-5e47-9b1a-6a0c2f4e8d31")

# (done, total) -> keep going? A total of 0 announces a last step of unknown length.
Progress = Callable[[int, int], bool]


class Cancelled(Exception):
    """The person cancelled the import; nothing was written."""


def blank_report_id(event_id: str, source_name: str, event_date: str, quote: str) -> str:
    """The id of a report given without one: the UUID-5 of the values its rows share.

    Computed as RFC 4122 does (uuid.uuid5 gives the same text), without building UUID
    objects: an import may name hundreds of thousands of reports this way.
    """
    name = "\x1f".join((event_id, source_name, event_date, quote))
    digest = bytearray(hashlib.sha1(REPORT_NAMESPACE.bytes + name.encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


# The check of each column: text in, value out, or Invalid with the reason.
COLUMN_CHECKS: dict[str, Callable[[str], object]] = {
    "event_id": lambda text: validation.required_name(text, "event_id"),
    "event_type": validation.event_type,
    "event_date": validation.claimed_date,
    "source_name": lambda text: validation.source_name(text, "source_name"),
    "source_kind": validation.source_kind,
    "source_party": lambda text: validation.optional_party(text, "source_party"),
    "source_url": validation.url,
    "published": validation.optional_date,
    "reliability": validation.reliability,
    "credibility": validation.credibility,
    "location": validation.location,
    "recorded_at": lambda text: validation.past_timestamp(text) if text else None,
    # The UTC time of the report's last edit (blank: recorded_at); a future one would let
    # a file win every later merge.
    "updated_at": lambda text: validation.past_timestamp(text) if text else None,
    # A position in the exporting ledger's write order: checked, and ignored by the import
    # of a single file (its reports come after everything in the ledger).
    "seq": lambda text: validation.write_position(text) if text else None,
}
FLOW_CHECKS: dict[str, Callable[[str], object]] = {
    "category": validation.category,
    "count": validation.count,
    "count_qualifier": validation.qualifier,
    "from_party": lambda text: validation.party(text, "from_party"),
    "to_party": lambda text: validation.party(text, "to_party"),
}


class NewReport(NamedTuple):
    """A report the import adds, with its values checked (a tuple: there may be 300,000)."""

    report_id: str
    event_id: str
    source_key: str
    claimed_date: str
    location: str
    quote: str
    url: str
    published: str
    credibility: int
    recorded_by: str | None
    recorded_at: str | None
    updated_at: str | None
    flows: tuple[Flow, ...]


_flows_of = attrgetter("flows")


class GivenSource(NamedTuple):
    """A source as the file first mentions it."""

    name: str
    party: str | None
    kind: str
    reliability: str


ADDED = ("events", "reports", "flows", "sources", "parties")  # what a summary counts


@dataclass
class ImportPlan:
    path: Path
    sha256: str
    errors: list[FieldProblem] = field(default_factory=list)
    warnings: list[FieldProblem] = field(default_factory=list)
    reports: list[NewReport] = field(default_factory=list)
    skipped: int = 0
    new_events: dict[str, str] = field(default_factory=dict)  # id -> type
    # The stored events the file names, with the type the plan read: another program
    # may retype one before the write (`importer._check_events_unchanged`).
    stored_types: dict[str, str] = field(default_factory=dict)
    sources: dict[str, GivenSource] = field(default_factory=dict)  # every one the reports name
    new_sources: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    new_parties: list[str] = field(default_factory=list)
    party_spellings: set[str] = field(default_factory=set)  # every one the reports use
    # The reports' places in `reports` in the order of their ids, where the column-wise
    # reading sorted them beside its other work (else the writer sorts them). Not
    # compared: the careful reading of the same file plans the same without it.
    id_order: list[int] | None = field(default=None, compare=False, repr=False)

    @property
    def n_flows(self) -> int:
        return sum(map(len, map(_flows_of, self.reports)))

    def counts(self) -> dict[str, int]:
        return {
            "events": len(self.new_events),
            "reports": len(self.reports),
            "flows": self.n_flows,
            "sources": len(self.new_sources),
            "parties": len(self.new_parties),
            "skipped": self.skipped,
        }

    def summary(self, shown: Callable[[int], str] = str) -> str:
        """What the import adds, in English; `shown` writes the numbers."""
        counts = self.counts()
        added = [counted(counts[noun], noun, shown) for noun in ADDED]
        text = f"{', '.join(added[:-1])} and {added[-1]}"
        if self.new_parties:
            text += f" (new parties: {', '.join(self.new_parties)})"
        if self.skipped:
            skipped = counted(self.skipped, "reports", shown)
            text += f"; {skipped} already present and identical, skipped"
        return text


# The ids of reports deleted from a ledger, for `lookup`: an import does not bring them back.
DELETED_REPORTS = "SELECT id, id FROM (SELECT id FROM tombstones WHERE entity = 'report')"


def lookup(conn: sqlite3.Connection, select: str, keys: Iterable[str]) -> dict[str, str]:
    """`select` ("SELECT id, value FROM table") for these ids only, a chunk at a time;
    nothing to look up in an empty table (the first import of a large file)."""
    found: dict[str, str] = {}
    if conn.execute(f"SELECT 1 FROM ({select}) LIMIT 1").fetchone() is None:
        return found
    for chunk in chunks(sorted(keys)):
        found.update(conn.execute(f"{select} WHERE id IN ({placeholders(chunk)})", chunk))
    return found


def name_parties(
    stored: Iterable[str], plan: ImportPlan, spellings: set[str] | None = None
) -> None:
    """Note the parties the plan's reports name: the spellings they use, and the parties
    not stored yet, spelled as first named (a report names its source's party first, then
    the parties of its flows in order). `spellings`, every spelling the reports may use
    when the caller knows them, ends the walk once all have been met: a file names its
    handful of parties within its first rows."""
    known = {name_key(name) for name in stored}
    seen = plan.party_spellings
    found = plan.new_parties

    def look_at(name: str) -> None:
        seen.add(name)
        if (key := name_key(name)) not in known:
            known.add(key)
            found.append(name)

    for report in plan.reports:
        party = plan.sources[report.source_key].party
        if party and party not in seen:
            look_at(party)
        for flow in report.flows:
            for name in (flow.key.from_party, flow.key.to_party):
                if name not in seen:
                    look_at(name)
        if spellings is not None and len(seen) >= len(spellings) and seen >= spellings:
            return


HEADER_PROBLEMS_SHOWN = 20  # a header of 100,000 unknown columns is not 100,000 lines


def check_header(plan: ImportPlan, header: list[str]) -> bool:
    """Unknown, missing and repeated columns, found in time linear in the header and
    reported up to HEADER_PROBLEMS_SHOWN, then counted."""
    if (separated := separator_problem(header)) is not None:  # not a column missing each
        plan.errors.append(FieldProblem(1, "", separated))
        return False
    problems = []
    given = Counter(header)
    for column in REQUIRED_COLUMNS:
        if column not in given:
            problems.append(FieldProblem(1, column, f"the required column '{column}' is missing"))
    for column in sorted(column for column, times in given.items() if times > 1):
        problems.append(FieldProblem(1, column, f"the column '{column}' appears twice"))
    known = set(REPORT_COLUMNS)
    for column in header:
        if column not in known:
            problems.append(FieldProblem(1, column, f"unknown column '{column}'"))
    plan.errors.extend(problems[:HEADER_PROBLEMS_SHOWN])
    if len(problems) > HEADER_PROBLEMS_SHOWN:
        more = len(problems) - HEADER_PROBLEMS_SHOWN
        plan.errors.append(FieldProblem(1, "", f"and {more} more problems with the columns"))
    return not problems
