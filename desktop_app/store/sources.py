"""Sources: listing them for autocompletion, editing one, merging duplicates.

A source is identified by its name and party together, so renaming one that would take
another's key is refused: that is a merge, and a merge says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..domain import validation
from ..domain.records import KEY_SEPARATOR, name_key, source_key, tidy
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


def source_choices(ledger: Ledger) -> list[tuple[str, str | None]]:
    """Every source's name and party, in key order, for autocompletion: plain tuples, as
    the form reads all of them again after every new source."""
    return ledger.conn.execute("SELECT name, party FROM sources ORDER BY key").fetchall()


def sources_named(ledger: Ledger, name: str) -> list[tuple[str, str | None]]:
    """The name and party of every source with this name (by its key), whatever its
    party, in key order: a range of the keys' index, which the form reads as a name is
    typed (keying 5,000 names in advance took 13 ms after every new source)."""
    prefix = name_key(name) + KEY_SEPARATOR
    after = prefix[:-1] + chr(ord(KEY_SEPARATOR) + 1)
    return ledger.conn.execute(
        "SELECT name, party FROM sources WHERE key >= ? AND key < ? ORDER BY key",
        (prefix, after),
    ).fetchall()


def source(ledger: Ledger, source_id: str) -> dict[str, Any]:
    rows = list(ledger.db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
    if not rows:
        raise Invalid(f"there is no source {source_id}")
    return rows[0]


def _events_of(ledger: Ledger, source_id: str) -> frozenset[str]:
    rows = ledger.conn.execute("SELECT event_id FROM reports WHERE source_id = ?", (source_id,))
    return frozenset(row[0] for row in rows)


def former_names(ledger: Ledger) -> dict[str, dict[str, Any]]:
    """Each key a source had before it was renamed or merged into another, with the
    source that now stands for it (`id`, `name`, `party`, `key`), read from the audit trail:
    a file made before the rename still names the source its old way, and its rows
    belong to the renamed one. A key that a source holds today is its own, not former."""
    merged_into: dict[str, str] = {}
    former: dict[str, str] = {}
    rows = ledger.conn.execute(
        "SELECT action, entity_id, old, new FROM audit WHERE entity = 'source'"
        " AND action IN ('edit', 'merge-sources', 'create') ORDER BY id"  # not 'undo-edit'
    )
    for action, source_id, old, new in rows:
        if action == "create":  # a merge undone: the source stands for itself again
            merged_into.pop(source_id, None)
            continue
        before = json.loads(old)
        former[source_key(before["name"], before.get("party"))] = source_id
        if action == "merge-sources":
            merged_into[source_id] = json.loads(new)["merged_into"]
    if not former:
        return {}
    current = {
        row["id"]: row for row in ledger.db.query("SELECT id, name, party, key FROM sources")
    }
    keys = {row["key"] for row in current.values()}
    found = {}
    for key, source_id in former.items():
        seen = set()
        while source_id in merged_into and source_id not in seen:
            seen.add(source_id)
            source_id = merged_into[source_id]
        stands = current.get(source_id)
        if stands is not None and key not in keys:
            found[key] = {name: stands[name] for name in ("id", "name", "party", "key")}
    return found


def update_source(
    ledger: Ledger, source_id: str, fields: SourceFields, who: str, *, undoing: bool = False
) -> Changes:
    """Rename a source or change its party, kind or reliability (audited). `undoing`: the
    source given back what it held before an edit, as it held it, audited as such (not a
    rename: its name then is no former name of the source, see former_names)."""
    with ledger.write(who) as state:
        old = source(ledger, source_id)
        name, given_party = _checked_name_and_party(old, fields, undoing)
        party = ledger.ensure_party(given_party) if given_party else None
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
            "undo-edit" if undoing else "edit",
            "source",
            source_id,
            old=public_record(old),
            new=public_record(source(ledger, source_id)),
        )
        if old["party"] and old["party"] != party:  # a misspelt party undone leaves nothing
            ledger.drop_unused_parties([old["party"]])
        state.sources = True
        state.touched.update(_events_of(ledger, source_id))
    return ledger.changes_of(state)


def _checked_name_and_party(
    old: dict[str, Any], fields: SourceFields, undoing: bool
) -> tuple[str, str | None]:
    """The name and party as the form checks them (a name that shows nothing is none; a
    word mixing Latin and Cyrillic is a look-alike), where they change: a name stored
    before that check (an older file, a colleague's merged in) stays as it is while only
    the grades change, and an undo gives back what was held."""
    name, party = tidy(fields.name), tidy(fields.party or "") or None
    if undoing:
        return name, party
    if not validation.shows_something(name):
        raise Invalid("a source needs a name")
    if name != old["name"]:
        name = validation.source_name(name)
    if party != old["party"]:
        party = validation.optional_party(party or "")
    return name, party


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
