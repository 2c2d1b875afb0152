"""The SQL that makes the lines of the exported CSV files: SQLite finishes every line
(formula guard, RFC 4180 quoting, the comma between cells, CRLF), so that Python only
writes what it fetches. Python's csv module cannot keep up: fetching the 22 cells of
every row of the benchmark's reports.csv into Python alone takes over half of what
SQLite takes to make the whole file here.

What makes a line cheap in SQLite, as measured on the benchmark's file: few function
calls per cell (each costs about as much as reading the cell), the cells of a report
made once per report and not once per flow, the cells of a source made once per
source, and one sort of the finished lines by their keys rather than a walk through an
index in key order (which reads the rows in random order).
"""

from __future__ import annotations

from .csvio import FORMULA_STARTS
from .evidence import EVIDENCE_ORDER
from .schema import FLOW_WARNING_SQL

# The code points of csvio.FORMULA_STARTS, as SQLite's unicode() gives them.
_FORMULA_CODES = ", ".join(str(ord(start)) for start in FORMULA_STARTS)
# The characters that make Python's csv writer (QUOTE_MINIMAL, CRLF) quote a cell.
_QUOTED_FOR = ("'\"'", "','", "char(10)", "char(13)")
CRLF = "char(13, 10)"


def cell(value: str) -> str:
    """A text cell of a value that is never NULL, exactly as csvio.escape_cell and
    Python's csv writer finish it: one more leading `'` before a formula's first
    character, then RFC 4180 quoting where a quote, a comma or a line break stands.

    One GLOB per character rather than one with a class (`*[",]*`): SQLite looks for a
    single character with strcspn but tries a class at every position. GLOB, unicode()
    and substr() read a value up to its first NUL, as they always did here, and ||
    and replace() keep the whole value, so that a NUL is written as before.
    """
    guarded = (
        f"CASE WHEN unicode({value}) IN ({_FORMULA_CODES}) THEN '''' || {value} ELSE {value} END"
    )
    quoted_for = " OR ".join(f"{value} GLOB '*' || {char} || '*'" for char in _QUOTED_FOR)
    return (
        f"CASE WHEN {quoted_for} THEN '\"' || replace({guarded}, '\"', '\"\"') || '\"'"
        f" ELSE {guarded} END"
    )


# The parties whose names need neither guard nor quotes: most flows name only those, and
# a look-up among a few names costs less than finishing the cell. Exact whatever the
# name: a party found among them is written as the name it equals.
_PLAIN_PARTIES = f"(SELECT name FROM parties WHERE {cell('name')} = name)"


def party(value: str) -> str:
    """The cell of a flow's party (never NULL)."""
    return f"CASE WHEN {value} IN {_PLAIN_PARTIES} THEN {value} ELSE {cell(value)} END"


def text(column: str) -> str:
    """A text cell of a column that may be NULL (written empty)."""
    return cell(f"COALESCE({column}, '')")


def plain(column: str) -> str:
    """A number, a date or a word from a fixed list: never guarded, never quoted."""
    return f"COALESCE({column}, '')"


def line(*cells: str) -> str:
    """Cells joined by commas. || rather than printf(): printf's %s stops at a NUL."""
    return " || ',' || ".join(cells)


def reports_sql(where: str = "") -> str:
    """reports.csv: one line per flow of each report (one for a report without flows),
    in write order. `where` keeps part of the reports (`r` is the report).

    The cells of a report are made once (report_cells, read once per report: the
    subquery with OFFSET is not merged into the query), the commas on either side of
    the flow's cells included, so that a line is three pieces joined; those of a source
    once per source (source_cells). Reports are read in their table's order, the order
    of the flows' key too, and the finished lines sorted once: reading them in write
    order through reports_seq reads the table in random order and costs more than the
    sort. `+r.seq` keeps a `where` on seq from choosing that index.
    """
    return f"""
WITH source_cells AS MATERIALIZED (
    SELECT id, {line(cell("name"), "kind", text("party"))} AS name_kind_party, reliability
    FROM sources
),
report_cells AS (
    SELECT
        r.id AS id,
        r.seq AS seq,
        {line(cell("r.id"), cell("r.event_id"), "e.type", "r.claimed_date", cell("r.location"))}
            || ',' AS head,
        ',' || {
        line(
            "s.name_kind_party",
            cell("r.url"),
            "r.published",
            "s.reliability",
            "r.credibility",
            cell("r.quote"),
            cell("r.recorded_by"),
            cell("r.recorded_at"),
            cell("r.updated_at"),
            "r.seq",
        )
    } || {CRLF} AS tail
    FROM reports r
    CROSS JOIN events e ON e.id = r.event_id
    CROSS JOIN source_cells s ON s.id = r.source_id
    {where}
    LIMIT -1 OFFSET 0
)
SELECT rc.head || CASE WHEN f.report_id IS NULL THEN ',,,,' ELSE {
        line("f.category", party("f.from_party"), party("f.to_party"), "f.count", "f.qualifier")
    } END || rc.tail
FROM report_cells rc
LEFT JOIN flows f ON f.report_id = rc.id
ORDER BY rc.seq, f.position
"""


REPORTS_SQL = reports_sql()
# The two parts of reports.csv that two readers make at once: up to a seq, and after it.
REPORTS_UP_TO_SQL = reports_sql("WHERE +r.seq <= ?")
REPORTS_AFTER_SQL = reports_sql("WHERE +r.seq > ?")

# `reversed_direction` on the rows of both flows of a standing warning, as v_flows has it
# (one expression for both); an event's row without flows has none.
_REVERSED_WARNING = f"CASE WHEN fs.category IS NULL THEN '' ELSE {FLOW_WARNING_SQL} END"

# Sorted once (`+es.chart_day`: not through event_state_order, which reads the rows in
# random order); the key is unique, as a flow's key is within its event.
EVENTS_SQL = f"""
SELECT {line(cell("es.event_id"), "es.type", plain("es.date"), cell("es.location"))}
    || ',' || CASE WHEN fs.category IS NULL THEN ',,,,,,' || es.n_reports ELSE {
    line(
        "fs.category",
        party("fs.from_party"),
        party("fs.to_party"),
        "fs.best",
        "fs.low",
        "fs.high",
        "fs.n_reports",
    )
} END
    || ',' || es.status
    || ',' || CASE WHEN res.id IS NULL THEN ',,' ELSE {
    line(cell("res.rationale"), cell("res.resolved_by"), cell("res.resolved_at"))
} END
    || ',' || {_REVERSED_WARNING} || {CRLF}
FROM event_state es
LEFT JOIN flow_state fs ON fs.event_id = es.event_id
LEFT JOIN resolutions res ON res.id = fs.resolution_id
ORDER BY +es.chart_day, es.first_seq, fs.category, fs.from_party, fs.to_party
"""

SOURCES_SQL = f"""
SELECT {
    line(
        cell("s.id"),
        cell("s.name"),
        "s.kind",
        text("s.party"),
        "s.reliability",
        "(SELECT COUNT(*) FROM reports r WHERE r.source_id = s.id)",
    )
} || {CRLF}
FROM sources s
ORDER BY s.key, s.id
"""

EVIDENCE_SQL = f"""
SELECT {
    line(
        cell("l.report_id"),
        "l.sha256",
        cell("l.file_name"),
        cell("e.media_type"),
        "e.size",
        "l.accessed",
        cell("l.archive_url"),
        cell("l.note"),
        cell("l.added_by"),
        cell("l.added_at"),
    )
} || {CRLF}
FROM report_evidence l
JOIN evidence e ON e.sha256 = l.sha256
JOIN reports r ON r.id = l.report_id
{EVIDENCE_ORDER}
"""
