"""The schema, as ordered migration steps. `PRAGMA user_version` says which have run.

A step is a list of SQL statements run in one transaction together with the version
bump. A step that changes what the derived state holds asks for it to be rebuilt once
all steps have run. Never edit a released step: add a new one.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    statements: list[str]
    rebuild_derived: bool = False
    # Python run after the statements, in the same transaction (what SQL cannot say).
    python: Callable[[sqlite3.Connection], None] | None = None
    # Tables copied and replaced: run with foreign keys off, checked before the commit.
    rebuilds_tables: bool = False


SCHEMA_V1 = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE operations (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,            -- import | merge
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        counts TEXT NOT NULL,          -- JSON
        who TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    """CREATE TABLE parties (
        name TEXT PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        color TEXT,
        created_at TEXT NOT NULL,
        operation_id TEXT REFERENCES operations(id)
    )""",
    """CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        party TEXT REFERENCES parties(name) ON UPDATE CASCADE,
        reliability TEXT NOT NULL,
        created_at TEXT NOT NULL,
        operation_id TEXT REFERENCES operations(id)
    )""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        created_at TEXT NOT NULL,
        operation_id TEXT REFERENCES operations(id)
    )""",
    """CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        source_id TEXT NOT NULL REFERENCES sources(id),
        claimed_date TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        quote TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',
        credibility INTEGER NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,      -- UTC time of the last edit, for merges
        seq INTEGER NOT NULL,          -- this file's write order
        operation_id TEXT REFERENCES operations(id)
    )""",
    "CREATE INDEX reports_event ON reports(event_id)",
    "CREATE INDEX reports_source ON reports(source_id)",
    "CREATE INDEX reports_seq ON reports(seq)",
    """CREATE TABLE flows (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        category TEXT NOT NULL,
        from_party TEXT NOT NULL REFERENCES parties(name) ON UPDATE CASCADE,
        to_party TEXT NOT NULL REFERENCES parties(name) ON UPDATE CASCADE,
        count INTEGER NOT NULL CHECK (count >= 0),
        qualifier TEXT NOT NULL,
        PRIMARY KEY (report_id, from_party, to_party, category)
    ) WITHOUT ROWID""",
    """CREATE TABLE resolutions (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        field TEXT NOT NULL,           -- date | location | count
        from_party TEXT NOT NULL DEFAULT '',
        to_party TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        value TEXT NOT NULL,
        report_id TEXT,
        rationale TEXT NOT NULL,
        resolved_by TEXT NOT NULL,
        resolved_at TEXT NOT NULL,
        seq INTEGER NOT NULL,
        withdrawn_at TEXT,
        withdrawn_by TEXT,
        merged INTEGER NOT NULL DEFAULT 0,
        operation_id TEXT REFERENCES operations(id)
    )""",
    "CREATE INDEX resolutions_event ON resolutions(event_id)",
    """CREATE TABLE tombstones (
        id TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        deleted_at TEXT NOT NULL
    )""",
    """CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,          -- create, edit, delete, decide, withdraw, import, merge…
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        old TEXT,                      -- JSON
        new TEXT,                      -- JSON
        operation_id TEXT REFERENCES operations(id)
    )""",
    "CREATE INDEX audit_entity ON audit(entity_id)",
    # Derived state: rebuilt from the tables above by the domain rules, kept up to
    # date inside every write transaction, compared by `check`.
    """CREATE TABLE event_state (
        event_id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        date TEXT,
        chart_day TEXT,
        location TEXT NOT NULL,
        n_reports INTEGER NOT NULL,
        disputes TEXT NOT NULL,        -- JSON
        reopened TEXT NOT NULL,        -- JSON
        reversed TEXT NOT NULL,        -- JSON
        first_seq INTEGER NOT NULL
    )""",
    "CREATE INDEX event_state_status ON event_state(status)",
    "CREATE INDEX event_state_day ON event_state(chart_day)",
    """CREATE TABLE flow_state (
        event_id TEXT NOT NULL,
        from_party TEXT NOT NULL,
        to_party TEXT NOT NULL,
        category TEXT NOT NULL,
        best INTEGER NOT NULL,
        low INTEGER NOT NULL,
        high INTEGER NOT NULL,
        n_reports INTEGER NOT NULL,
        resolution_id TEXT,
        PRIMARY KEY (event_id, from_party, to_party, category)
    ) WITHOUT ROWID""",
]

# What free-text search looks through: each event's quotes, source names and locations.
# Its rows carry the event's rowid, so that refreshing an event finds its row directly
# (a search table's UNINDEXED column can only be scanned).
SEARCH_ROWS_SQL = """
SELECT e.rowid, r.event_id, group_concat(s.name || ' ' || r.location || ' ' || r.quote, ' ')
FROM reports r JOIN sources s ON s.id = r.source_id JOIN events e ON e.id = r.event_id
{where}
GROUP BY r.event_id
ORDER BY e.rowid
"""
SEARCH_TEXT_SQL = "INSERT INTO event_search (rowid, event_id, text)" + SEARCH_ROWS_SQL

# Version 2: full-text search over quotes, sources and locations (LIKE over 300,000
# quotes takes over 100 ms, FTS5 a few), and a flows summary the events table sorts on.
SCHEMA_V2 = [
    "CREATE VIRTUAL TABLE event_search USING fts5("
    "event_id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2')",
    "ALTER TABLE event_state ADD COLUMN flows_text TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE event_state ADD COLUMN total_best INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX event_state_type ON event_state(type)",
]

# Version 3: the events table's default order, so that its pages and the position of the
# selected event are read along an index instead of sorting 100,000 rows.
SCHEMA_V3 = ["CREATE INDEX event_state_order ON event_state(chart_day, first_seq)"]

# Version 4: events dated only by a month or a year, which the similar-event check before
# a new event must look for up to a year back; there are few, and without the index the
# check visits every event of that year (60 ms at 100,000 events, 5 ms with it).
SCHEMA_V4 = [
    "CREATE INDEX event_state_vague ON event_state(chart_day) WHERE length(date) < 10",
]

# The exchange flows summed per charting day and direction: what the balance and the chart
# read. Summing 130,000 flows by a join takes ~0.4 s; kept up to date by each write for the
# days of the events it touches (their old days and their new ones), it reads in ~20 ms.
EXCHANGE_DAYS_SELECT = """
SELECT es.chart_day, fs.category, fs.from_party, fs.to_party,
    SUM(fs.best), SUM(fs.low), SUM(fs.high)
FROM flow_state fs JOIN event_state es ON es.event_id = fs.event_id
WHERE +es.type = 'exchange' AND es.chart_day IS NOT NULL{where}
GROUP BY es.chart_day, fs.category, fs.from_party, fs.to_party
"""
EXCHANGE_DAYS_COLUMNS = "chart_day, category, from_party, to_party, best, low, high"
EXCHANGE_DAYS_SQL = f"INSERT INTO exchange_days ({EXCHANGE_DAYS_COLUMNS})" + EXCHANGE_DAYS_SELECT

# Version 5: the exchange flows per day (above), filled from the derived state as it is.
SCHEMA_V5 = [
    """CREATE TABLE exchange_days (
        chart_day TEXT NOT NULL,
        category TEXT NOT NULL,
        from_party TEXT NOT NULL,
        to_party TEXT NOT NULL,
        best INTEGER NOT NULL,
        low INTEGER NOT NULL,
        high INTEGER NOT NULL,
        PRIMARY KEY (chart_day, category, from_party, to_party)
    ) WITHOUT ROWID""",
    EXCHANGE_DAYS_SQL.format(where=""),
]

# Version 6: the search index without token positions. The search box looks for words
# as prefixes, all of which must occur (`event_list.fts_query`), never for phrases or
# words near each other, so positions were never read; without them, filling the index for
# 100,000 events is about twice as fast and it takes a fifth of the pages.
SCHEMA_V6 = [
    "DROP TABLE event_search",
    "CREATE VIRTUAL TABLE event_search USING fts5(event_id UNINDEXED, text,"
    " tokenize = 'unicode61 remove_diacritics 2', detail = none)",
    SEARCH_TEXT_SQL.format(where=""),
]

# Version 7: no new table; the derived state of every event rebuilt, because a standing
# possible reversed direction now lowers the low of its two flows to 0 (the balance shows
# the doubt), and a file written before that rule holds lows that ignore it.
SCHEMA_V7: list[str] = []

# Version 8: names that look the same are the same. The keys of parties and sources are
# computed again as `name_key` now does (NFKC, default-ignorable characters removed, case
# folded): in each group of names that now share a key, the one whose key already is the
# new one keeps it, or else the oldest takes it; the others keep their old keys, so that no
# party or source is merged behind the person's back (the Sources dialog merges sources).
# Locations are compared by the same key: the derived state is rebuilt.
SCHEMA_V8: list[str] = []


def rekey_names(connection: sqlite3.Connection) -> None:
    from ..domain.records import name_key, source_key

    parties = connection.execute(
        "SELECT rowid, name, key FROM parties ORDER BY created_at, rowid"
    ).fetchall()
    _rekey(connection, "parties", [(rowid, key, name_key(name)) for rowid, name, key in parties])
    sources = connection.execute(
        "SELECT rowid, name, party, key FROM sources ORDER BY created_at, rowid"
    ).fetchall()
    _rekey(
        connection,
        "sources",
        [(rowid, key, source_key(name, party)) for rowid, name, party, key in sources],
    )


def _rekey(connection: sqlite3.Connection, table: str, rows: list[tuple[int, str, str]]) -> None:
    """rows: (rowid, stored key, new key), oldest first."""
    taken = {new for _, stored, new in rows if stored == new}
    for rowid, stored, new in rows:
        if stored == new or new in taken:
            continue
        taken.add(new)
        try:
            connection.execute(f"UPDATE {table} SET key = ? WHERE rowid = ?", (new, rowid))
        except sqlite3.IntegrityError:
            continue  # another row still holds that key under the old rule: keep this one's


# Version 9: every table STRICT, with CHECK constraints for what the rules refuse (dates,
# grades, counts, kinds, categories, qualifiers, types, statuses), so that another
# program writing the file cannot store a value this one cannot read. Each table is
# copied into its STRICT twin and takes its place (SQLite cannot alter a table into
# STRICT); the search index (a virtual table) stays as it is. The values are checked
# first: a file holding one the rules refuse is not upgraded, and the message names it.
#
# The CHECK constraints are written as SQLite evaluates them cheaply row by row (version
# 14, `faster_checks`): an `IN (…)` list in a CHECK is built into a table anew for every
# row written, and a date was matched against all three of its shapes.
def _one_of(column: str, values: tuple[str | int, ...]) -> str:
    return f"CHECK ({' OR '.join(f'{column} = {value!r}' for value in values)})"


def _claimed(column: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, a real month and a real day: with a modifier SQLite's
    date() moves 2024-02-30 to March, so a day is real when it comes back unchanged. The
    length picks the one shape to match."""
    return (
        f"(CASE length({column}) WHEN 4 THEN {column} GLOB '[0-9][0-9][0-9][0-9]'"
        f" WHEN 7 THEN ({column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'"
        f" AND substr({column}, 6, 2) BETWEEN '01' AND '12')"
        f" WHEN 10 THEN ({column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
        f" AND date({column}, '+0 days') IS {column}) ELSE 0 END)"
    )


def _strict_tables() -> dict[str, str]:
    from ..domain.records import CATEGORIES, EVENT_TYPES, QUALIFIERS, RELIABILITY, SOURCE_KINDS

    statuses = ("single", "consistent", "conflict", "resolved", "reopened")
    grades = tuple(RELIABILITY)
    return {
        "settings": """(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT""",
        "operations": f"""(
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL {_one_of("kind", ("import", "merge"))},
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            counts TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL
        ) STRICT""",
        "parties": """(
            name TEXT PRIMARY KEY CHECK (trim(name) <> ''),
            key TEXT NOT NULL UNIQUE,
            color TEXT,
            created_at TEXT NOT NULL,
            operation_id TEXT REFERENCES operations(id)
        ) STRICT""",
        "sources": f"""(
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL {_one_of("kind", SOURCE_KINDS)},
            party TEXT REFERENCES parties(name) ON UPDATE CASCADE,
            reliability TEXT NOT NULL {_one_of("reliability", grades)},
            created_at TEXT NOT NULL,
            operation_id TEXT REFERENCES operations(id)
        ) STRICT""",
        "events": f"""(
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL {_one_of("type", EVENT_TYPES)},
            created_at TEXT NOT NULL,
            operation_id TEXT REFERENCES operations(id)
        ) STRICT""",
        "reports": f"""(
            id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(id),
            source_id TEXT NOT NULL REFERENCES sources(id),
            claimed_date TEXT NOT NULL CHECK {_claimed("claimed_date")},
            location TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '' CHECK (published = '' OR {_claimed("published")}),
            credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            seq INTEGER NOT NULL,
            operation_id TEXT REFERENCES operations(id)
        ) STRICT""",
        "flows": f"""(
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            category TEXT NOT NULL {_one_of("category", CATEGORIES)},
            from_party TEXT NOT NULL REFERENCES parties(name) ON UPDATE CASCADE,
            to_party TEXT NOT NULL REFERENCES parties(name) ON UPDATE CASCADE,
            count INTEGER NOT NULL CHECK (count >= 0),
            qualifier TEXT NOT NULL {_one_of("qualifier", QUALIFIERS)},
            PRIMARY KEY (report_id, from_party, to_party, category),
            CHECK (from_party <> to_party)
        ) STRICT, WITHOUT ROWID""",
        "resolutions": f"""(
            id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(id),
            field TEXT NOT NULL {_one_of("field", ("date", "location", "count", "direction"))},
            from_party TEXT NOT NULL DEFAULT '',
            to_party TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            value TEXT NOT NULL,
            report_id TEXT,
            rationale TEXT NOT NULL CHECK (trim(rationale) <> ''),
            resolved_by TEXT NOT NULL,
            resolved_at TEXT NOT NULL,
            seq INTEGER NOT NULL,
            withdrawn_at TEXT,
            withdrawn_by TEXT,
            merged INTEGER NOT NULL DEFAULT 0 {_one_of("merged", (0, 1))},
            operation_id TEXT REFERENCES operations(id),
            CHECK (field <> 'date' OR {_claimed("value")}),
            CHECK (field <> 'count' OR (value GLOB '[0-9]*' AND NOT value GLOB '*[^0-9]*'))
        ) STRICT""",
        "tombstones": """(
            id TEXT PRIMARY KEY,
            entity TEXT NOT NULL,
            deleted_at TEXT NOT NULL
        ) STRICT""",
        "audit": """(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            old TEXT,
            new TEXT,
            operation_id TEXT REFERENCES operations(id)
        ) STRICT""",
        "event_state": f"""(
            event_id TEXT PRIMARY KEY,
            type TEXT NOT NULL {_one_of("type", EVENT_TYPES)},
            status TEXT NOT NULL {_one_of("status", statuses)},
            date TEXT,
            chart_day TEXT,
            location TEXT NOT NULL,
            n_reports INTEGER NOT NULL,
            disputes TEXT NOT NULL,
            reopened TEXT NOT NULL,
            reversed TEXT NOT NULL,
            first_seq INTEGER NOT NULL,
            flows_text TEXT NOT NULL DEFAULT '',
            total_best INTEGER NOT NULL DEFAULT 0
        ) STRICT""",
        "flow_state": f"""(
            event_id TEXT NOT NULL,
            from_party TEXT NOT NULL,
            to_party TEXT NOT NULL,
            category TEXT NOT NULL {_one_of("category", CATEGORIES)},
            best INTEGER NOT NULL,
            low INTEGER NOT NULL,
            high INTEGER NOT NULL,
            n_reports INTEGER NOT NULL,
            resolution_id TEXT,
            PRIMARY KEY (event_id, from_party, to_party, category)
        ) STRICT, WITHOUT ROWID""",
        "exchange_days": f"""(
            chart_day TEXT NOT NULL,
            category TEXT NOT NULL {_one_of("category", CATEGORIES)},
            from_party TEXT NOT NULL,
            to_party TEXT NOT NULL,
            best INTEGER NOT NULL,
            low INTEGER NOT NULL,
            high INTEGER NOT NULL,
            PRIMARY KEY (chart_day, category, from_party, to_party)
        ) STRICT, WITHOUT ROWID""",
    }


def make_strict(connection: sqlite3.Connection) -> None:
    """Each table copied into its STRICT twin, which takes its name and its indexes.
    Runs with foreign keys off (Migration.rebuilds_tables); they are checked after."""
    from .database import UpgradeRefused
    from .values import refused_by_constraints

    problems = refused_by_constraints(connection)
    if problems:
        raise UpgradeRefused(
            f"it holds a value this version cannot keep: {problems[0]}."
            " Correct it (the sqlite3 shell can) and open the file again; nothing was changed"
        )
    for table, body in _strict_tables().items():
        indexes = [
            sql
            for (sql,) in connection.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                " AND sql IS NOT NULL",
                (table,),
            )
        ]
        old_columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        connection.execute(f"CREATE TABLE {table}__strict {body}")
        new_columns = {row[1] for row in connection.execute(f"PRAGMA table_info({table}__strict)")}
        columns = ", ".join(column for column in old_columns if column in new_columns)
        connection.execute(f"INSERT INTO {table}__strict ({columns}) SELECT {columns} FROM {table}")
        connection.execute(f"DROP TABLE {table}")
        connection.execute(f"ALTER TABLE {table}__strict RENAME TO {table}")
        for sql in indexes:
            connection.execute(sql)


SCHEMA_V9: list[str] = []

# Version 10: views for other programs (sqlite3, Datasette, R, pandas), so that the file can
# be read without this program's source: an event's status, date and best/low/high live in
# derived tables with JSON columns. Each view gives what an exported file gives: `v_events`
# the event's state (and the period of its date), `v_flows` the rows of events.csv that
# have a flow, `v_balance` the rows of balance.csv. A later step that rebuilds tables keeps
# them (`database._migrate_steps` takes them away and puts them back).
#
# `reversed_direction` on both flows of a standing warning: event_state.reversed names each
# doubtful pair by its first flow, [from, to, category] (as events.csv's warnings column).
# json_extract rather than ->>, and no newer syntax: every SQLite that reads STRICT tables
# (3.37) must read these views, or it could not open the file at all.
FLOW_WARNING_SQL = """CASE WHEN es.reversed = '[]' THEN '' ELSE
    (SELECT CASE WHEN COUNT(*) THEN 'reversed_direction' ELSE '' END
     FROM json_each(es.reversed) pair
     WHERE json_extract(pair.value, '$[2]') = fs.category
       AND ((json_extract(pair.value, '$[0]') = fs.from_party
             AND json_extract(pair.value, '$[1]') = fs.to_party)
         OR (json_extract(pair.value, '$[0]') = fs.to_party
             AND json_extract(pair.value, '$[1]') = fs.from_party)))
END"""

SCHEMA_V10 = [
    # Dropped first: a file may hold them already (a current file whose user_version
    # another program set back; tests do so to replay the steps).
    "DROP VIEW IF EXISTS v_events",
    "DROP VIEW IF EXISTS v_flows",
    "DROP VIEW IF EXISTS v_balance",
    """CREATE VIEW v_events AS
SELECT
    es.event_id AS event_id,
    es.type AS event_type,
    es.date AS date,
    CASE length(es.date)
        WHEN 10 THEN es.date
        WHEN 7 THEN es.date || '-01'
        WHEN 4 THEN es.date || '-01-01'
    END AS date_start,
    CASE length(es.date)
        WHEN 10 THEN es.date
        WHEN 7 THEN date(es.date || '-01', '+1 month', '-1 day')
        WHEN 4 THEN es.date || '-12-31'
    END AS date_end,
    CASE length(es.date) WHEN 10 THEN 'day' WHEN 7 THEN 'month' WHEN 4 THEN 'year' END
        AS date_precision,
    es.location AS location,
    es.status AS status,
    CASE WHEN es.reversed = '[]' THEN '' ELSE 'reversed_direction' END AS warnings,
    es.n_reports AS n_reports,
    (SELECT COUNT(DISTINCT r.source_id) FROM reports r WHERE r.event_id = es.event_id)
        AS n_sources,
    (SELECT MAX(max(r.updated_at, r.recorded_at)) FROM reports r WHERE r.event_id = es.event_id)
        AS updated_at
FROM event_state es
ORDER BY es.chart_day, es.first_seq""",
    f"""CREATE VIEW v_flows AS
SELECT
    fs.event_id AS event_id,
    es.type AS event_type,
    es.date AS date,
    fs.category AS category,
    fs.from_party AS from_party,
    fs.to_party AS to_party,
    fs.best AS best,
    fs.low AS low,
    fs.high AS high,
    fs.n_reports AS n_reports,
    fs.resolution_id IS NOT NULL AS decided,
    fs.resolution_id AS resolution_id,
    es.status AS status,
    {FLOW_WARNING_SQL} AS warnings
FROM flow_state fs
JOIN event_state es ON es.event_id = fs.event_id
ORDER BY es.chart_day, es.first_seq, fs.category, fs.from_party, fs.to_party""",
    # exchange_days holds the flows of exchange events summed per charting day and
    # direction: each is received by its to_party and handed over by its from_party.
    """CREATE VIEW v_balance AS
WITH moves AS (
    SELECT chart_day AS date, category, to_party AS party,
        best AS received_best, low AS received_low, high AS received_high,
        0 AS sent_best, 0 AS sent_low, 0 AS sent_high
    FROM exchange_days
    UNION ALL
    SELECT chart_day, category, from_party, 0, 0, 0, best, low, high
    FROM exchange_days
),
days AS (
    SELECT date, category, party,
        SUM(received_best) AS received_best, SUM(received_low) AS received_low,
        SUM(received_high) AS received_high, SUM(sent_best) AS sent_best,
        SUM(sent_low) AS sent_low, SUM(sent_high) AS sent_high
    FROM moves
    GROUP BY date, category, party
)
SELECT date, category, party,
    SUM(received_best) OVER running AS received_best,
    SUM(received_low) OVER running AS received_low,
    SUM(received_high) OVER running AS received_high,
    SUM(sent_best) OVER running AS sent_best,
    SUM(sent_low) OVER running AS sent_low,
    SUM(sent_high) OVER running AS sent_high
FROM days
WINDOW running AS (PARTITION BY category, party ORDER BY date ROWS UNBOUNDED PRECEDING)
ORDER BY date, category, party""",
]

# Version 11: the evidence locker. `evidence` holds one row per stored file, keyed by the
# SHA-256 of its bytes (the file itself is `NAME.evidence/SHA256` beside `NAME.db`, so the
# same bytes are stored once); `report_evidence` links a report to a file, with what the
# researcher said of it. A link names its report without a foreign key: deleting a report
# keeps its links (hidden with it, as its decisions are), so that undoing the deletion
# brings them back. Removing a link is audited and tombstoned ("REPORT_ID SHA256"), so a
# merge does not bring it back; the file and its `evidence` row stay (never deleted
# silently: another report may use it, and the bytes are the record of what was seen).
SHA256_CHECK = "length({0}) = 64 AND NOT {0} GLOB '*[^0-9a-f]*'"
SCHEMA_V11 = [
    f"""CREATE TABLE IF NOT EXISTS evidence (
        sha256 TEXT PRIMARY KEY CHECK ({SHA256_CHECK.format("sha256")}),
        size INTEGER NOT NULL CHECK (size >= 0),
        media_type TEXT NOT NULL CHECK (media_type GLOB '?*/?*'),
        created_at TEXT NOT NULL,
        operation_id TEXT REFERENCES operations(id)
    ) STRICT""",
    """CREATE TABLE IF NOT EXISTS report_evidence (
        report_id TEXT NOT NULL CHECK (trim(report_id) <> ''),
        sha256 TEXT NOT NULL REFERENCES evidence(sha256),
        file_name TEXT NOT NULL CHECK (trim(file_name) <> ''),
        accessed TEXT NOT NULL DEFAULT '' CHECK (accessed = ''
            OR (accessed GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                AND date(accessed, '+0 days') IS accessed)),
        archive_url TEXT NOT NULL DEFAULT ''
            CHECK (archive_url = '' OR archive_url GLOB '[hH][tT][tT][pP]*://?*'),
        note TEXT NOT NULL DEFAULT '',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        operation_id TEXT REFERENCES operations(id),
        PRIMARY KEY (report_id, sha256)
    ) STRICT, WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS report_evidence_sha256 ON report_evidence(sha256)",
]

# Version 12: the events table sorted by any of its columns reads a page deep in the list
# by walking an index (LIMIT ... OFFSET skips index entries, not sorted rows): without one,
# each page sorted all 100,000 events again, 0.3-0.5 s a jump. Each sort key ends with
# first_seq, as the table's order does; the (status) and (type) indexes become those
# keys' prefixes, and (chart_day) was already the prefix of event_state_order.
# A partial index holds the review queue (conflict queue: 0.2 s -> 0.02 s to read).
SCHEMA_V12 = [
    "DROP INDEX IF EXISTS event_state_day",
    "DROP INDEX IF EXISTS event_state_status",
    "DROP INDEX IF EXISTS event_state_type",
    "CREATE INDEX IF NOT EXISTS event_state_status ON event_state(status, first_seq)",
    "CREATE INDEX IF NOT EXISTS event_state_type ON event_state(type, first_seq)",
    "CREATE INDEX IF NOT EXISTS event_state_location"
    " ON event_state(location COLLATE NOCASE, first_seq)",
    "CREATE INDEX IF NOT EXISTS event_state_flows ON event_state(total_best, first_seq)",
    "CREATE INDEX IF NOT EXISTS event_state_reports ON event_state(n_reports, first_seq)",
    # The review queue in the table's order, without reading the 90% of events that are
    # not in it (its WHERE is queries.TO_REVIEW, word for word, or SQLite will not use it).
    "CREATE INDEX IF NOT EXISTS event_state_review ON event_state(chart_day, first_seq)"
    " WHERE (status IN ('conflict', 'reopened') OR reversed != '[]')",
]

# Version 13: no new table or column. Two merged date decisions of different precision
# (2025-06 beside 2025-06-13) now differ, so the event is reopened: the derived state of
# an older file is made again by the new rule.
SCHEMA_V13: list[str] = []

# Version 14: the same CHECK constraints, written so that SQLite evaluates them cheaply
# (see `_one_of`): a `CHECK (x IN ('a', 'b'))` built a table of its list for every row
# written (400,000 flows took 0.9 s to insert instead of 0.4 s), and a date was
# matched against all three of its shapes. Each constraint refuses exactly what it
# refused before (tests/test_store_files.py compares them on generated values), so no
# row needs to be read or copied: the tables' definitions are rewritten in place, as
# SQLite documents for a change that leaves the stored rows valid ("Making Other Kinds Of
# Table Schema Changes"), and every rewritten table is read once before the commit.
_IN_LIST_CHECK = re.compile(r"CHECK \((\w+) IN \(((?:'[^']*'|\d+)(?:, (?:'[^']*'|\d+))*)\)\)")


def _claimed_v9(column: str) -> str:
    """`_claimed` as versions 9 to 13 wrote it."""
    return (
        f"({column} GLOB '[0-9][0-9][0-9][0-9]'"
        f" OR ({column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'"
        f" AND substr({column}, 6, 2) BETWEEN '01' AND '12')"
        f" OR ({column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
        f" AND date({column}, '+0 days') IS {column}))"
    )


def _or_list(match: re.Match[str]) -> str:
    column, values = match.group(1), match.group(2).split(", ")
    return f"CHECK ({' OR '.join(f'{column} = {value}' for value in values)})"


def faster_checks_sql(sql: str) -> str:
    """A table's definition with its CHECK constraints as version 14 writes them."""
    for column in ("claimed_date", "published", "value"):
        sql = sql.replace(_claimed_v9(column), _claimed(column))
    return _IN_LIST_CHECK.sub(_or_list, sql)


def faster_checks(connection: sqlite3.Connection) -> None:
    rewritten = []
    for name, sql in connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"
    ).fetchall():
        faster = faster_checks_sql(sql)
        if faster != sql:
            rewritten.append((name, faster))
    if not rewritten:
        return  # a file made by this version (version 9 wrote the new constraints)
    schema_version = connection.execute("PRAGMA schema_version").fetchone()[0]
    connection.execute("PRAGMA writable_schema = ON")
    try:
        connection.executemany(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
            [(sql, name) for name, sql in rewritten],
        )
        connection.execute(f"PRAGMA schema_version = {schema_version + 1}")
    finally:
        connection.execute("PRAGMA writable_schema = OFF")
    for name, _ in rewritten:  # SQLite reads each definition again: any flaw shows here
        connection.execute(f'SELECT * FROM "{name}" LIMIT 1').fetchall()


# Version 15: no new table or column. Locations are compared as PRODUCT.md says, trimmed
# and case folded, no longer by the names' key (which also collapsed inner spaces, removed
# invisible characters and applied NFKC): "New  York" and "new york" disagree again. The
# derived state of an older file is made again by the contract's rule.
SCHEMA_V15: list[str] = []

# Version 16: no new table or column. A decision brought by a merge reopens its field
# where it differs from the decision that was in force before it came, no longer from any
# decision not withdrawn (one already replaced here reopened it); the derived state of an
# older file is made again by that rule.
SCHEMA_V16: list[str] = []

MIGRATIONS = [
    Migration(SCHEMA_V1),
    Migration(SCHEMA_V2, rebuild_derived=True),
    Migration(SCHEMA_V3),
    Migration(SCHEMA_V4),
    Migration(SCHEMA_V5),
    Migration(SCHEMA_V6),
    Migration(SCHEMA_V7, rebuild_derived=True),
    Migration(SCHEMA_V8, rebuild_derived=True, python=rekey_names),
    Migration(SCHEMA_V9, python=make_strict, rebuilds_tables=True),
    Migration(SCHEMA_V10),
    Migration(SCHEMA_V11),
    Migration(SCHEMA_V12),
    Migration(SCHEMA_V13, rebuild_derived=True),
    Migration([], python=faster_checks),
    Migration(SCHEMA_V15, rebuild_derived=True),
    Migration(SCHEMA_V16, rebuild_derived=True),
]
SCHEMA_VERSION = len(MIGRATIONS)
