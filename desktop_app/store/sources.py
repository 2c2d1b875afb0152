"""Sources: listing them for autocompletion, editing one, merging duplicates.

A source is identified by its name and party together, so renaming one that would take
another's key is refused: that is a merge, and a merge says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain.records import source_key, tidy
from ..domain.validation import Invalid
from .ledger import Changes, Ledger, public_record


@dataclass(frozen=True)
class SourceFields:
    name: str
    party: str | None
    kind: str
    reliability: str


def all_sources(ledger: Ledger) -> list[dict[str, Any]]:
    """Every source with its report count, in name order."""
    return list(
        ledger.db.query(
            "SELECT s.id, s.name, s.kind, s.party, s.reliability,"
            " (SELECT COUNT(*) FROM reports r WHERE r.source_id = s.id) AS n_reports"
            " FROM sources s ORDER BY s.key"
        )
    )


def source_choices(ledger: Ledger) -> list[dict[str, Any]]:
    """Every source's name, party, kind and reliability, for autocompletion (no counts:
    the form refreshes this after every new source)."""
    return list(
        ledger.db.query("SELECT id, name, party, kind, reliability FROM sources ORDER BY key")
    )


def source(ledger: Ledger, source_id: str) -> dict[str, Any]:
    rows = list(ledger.db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
    if not rows:
        raise Invalid(f"there is no source {source_id}")
    return rows[0]


def _events_of(ledger: Ledger, source_id: str) -> frozenset[str]:
    rows = ledger.conn.execute("SELECT event_id FROM reports WHERE source_id = ?", (source_id,))
    return frozenset(row[0] for row in rows)


def update_source(ledger: Ledger, source_id: str, fields: SourceFields, who: str) -> Changes:
    """Rename a source or change its party, kind or reliability (audited)."""
    with ledger.write(who) as state:
        old = source(ledger, source_id)
        name = tidy(fields.name)
        if not name:
            raise Invalid("a source needs a name")
        party = ledger.ensure_party(fields.party) if fields.party else None
        key = source_key(name, party)
        clash = ledger.conn.execute(
            "SELECT name FROM sources WHERE key = ? AND id != ?", (key, source_id)
        ).fetchone()
        if clash:
            raise Invalid(
                f"another source is already called '{clash[0]}' for that party:"
                " merge the two instead"
            )
        ledger.update_source(
            source_id,
            {
                "name": name,
                "key": key,
                "party": party,
                "kind": fields.kind,
                "reliability": fields.reliability,
            },
        )
        ledger.audit(
            "edit",
            "source",
            source_id,
            old=public_record(old),
            new=public_record(source(ledger, source_id)),
        )
        state.sources = True
        state.touched.update(_events_of(ledger, source_id))
    return ledger.changes_of(state)


def merge_sources(
    ledger: Ledger, keep_id: str, drop_id: str, who: str
) -> tuple[dict[str, Any], list[str], Changes]:
    """Move every report of `drop_id` to `keep_id` and delete `drop_id` (audited).

    Returns the dropped source and the moved report ids, which is what undo needs.
    """
    if keep_id == drop_id:
        raise Invalid("a source cannot be merged into itself")
    with ledger.write(who) as state:
        kept, dropped = source(ledger, keep_id), source(ledger, drop_id)
        moved = [
            row[0]
            for row in ledger.conn.execute(
                "SELECT id FROM reports WHERE source_id = ? ORDER BY seq", (drop_id,)
            )
        ]
        events = _events_of(ledger, drop_id)
        ledger.move_reports_to_source(moved, keep_id)
        ledger.delete_source(drop_id)
        ledger.audit(
            "merge-sources",
            "source",
            drop_id,
            old={**public_record(dropped), "reports": moved},
            new={"merged_into": keep_id, "name": kept["name"]},
        )
        state.sources = True
        state.touched.update(events)
    return dropped, moved, ledger.changes_of(state)


def unmerge_sources(ledger: Ledger, dropped: dict[str, Any], moved: list[str], who: str) -> Changes:
    """Undo a merge: the dropped source comes back and its reports return to it."""
    with ledger.write(who) as state:
        ledger.insert_sources(dropped)
        ledger.move_reports_to_source(moved, dropped["id"])
        ledger.audit(
            "create", "source", dropped["id"], new={**public_record(dropped), "reports": moved}
        )
        state.sources = True
        state.touched.update(_events_of(ledger, dropped["id"]))
    return ledger.changes_of(state)
