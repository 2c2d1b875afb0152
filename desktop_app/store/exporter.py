"""Export: the six CSV files of PRODUCT.md, a `datapackage.json` describing them and a
`README.txt` for the person who receives them."""

from __future__ import annotations

import errno
import io
import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..domain.balance import BALANCE_COLUMNS
from . import queries
from .csvio import FORMULA_STARTS, escape_cell, writer
from .evidence import EVIDENCE_COLUMNS, EVIDENCE_FOLDER, EVIDENCE_ORDER, export_files
from .export_readme import README_NAME, readme_bytes
from .importer import REPORT_COLUMNS
from .ledger import Ledger
from .schema import FLOW_WARNING_SQL

EVENT_COLUMNS = (
    "event_id",
    "event_type",
    "date",
    "location",
    "category",
    "from_party",
    "to_party",
    "best",
    "low",
    "high",
    "n_reports",
    "status",
    "rationale",
    "resolved_by",
    "resolved_at",
    "warnings",
)
SOURCE_COLUMNS = ("source_id", "name", "kind", "party", "reliability", "n_reports")
RESOLUTION_COLUMNS = (
    "event_id",
    "field",
    "from_party",
    "to_party",
    "category",
    "value",
    "report_id",
    "rationale",
    "resolved_by",
    "resolved_at",
    "state",
    "seq",
)


def _text(column: str) -> str:
    """A free-text cell, finished by SQLite: the formula guard of csvio.escape_cell, then
    RFC 4180 quoting as Python's csv.writer (QUOTE_MINIMAL) does it."""
    starts = ", ".join(f"char({ord(start)})" for start in FORMULA_STARTS)
    value = f"COALESCE({column}, '')"
    guarded = f"(CASE WHEN substr({value}, 1, 1) IN ({starts}) THEN '''' ELSE '' END || {value})"
    return (
        f"CASE WHEN {value} GLOB '*[\",\r\n]*'"
        f" THEN '\"' || replace({guarded}, '\"', '\"\"') || '\"' ELSE {guarded} END"
    )


def _plain(column: str) -> str:
    """A number, a date or a word from a fixed list: never guarded, never quoted."""
    return f"COALESCE({column}, '')"


def _csv_lines(*cells: str) -> str:
    """A SELECT list that makes SQLite build whole CSV lines: exporting 400,000 rows
    through Python's csv module reaches only a third of the sqlite3 shell's speed."""
    return " || ',' || ".join(cells)


# `reversed_direction` on the rows of both flows of a standing warning, as v_flows has it
# (one expression for both); an event's row without flows has none.
_REVERSED_WARNING = f"CASE WHEN fs.category IS NULL THEN '' ELSE {FLOW_WARNING_SQL} END"

REPORTS_SQL = f"""
SELECT {
    _csv_lines(
        _text("r.id"),
        _text("r.event_id"),
        _plain("e.type"),
        _plain("r.claimed_date"),
        _text("r.location"),
        _plain("f.category"),
        _text("f.from_party"),
        _text("f.to_party"),
        _plain("f.count"),
        _plain("f.qualifier"),
        _text("s.name"),
        _plain("s.kind"),
        _text("s.party"),
        _text("r.url"),
        _plain("r.published"),
        _plain("s.reliability"),
        _plain("r.credibility"),
        _text("r.quote"),
        _text("r.recorded_by"),
        _plain("r.recorded_at"),
        _plain("r.updated_at"),
        _plain("r.seq"),
    )
}
FROM reports r
JOIN events e ON e.id = r.event_id
JOIN sources s ON s.id = r.source_id
LEFT JOIN flows f ON f.report_id = r.id
ORDER BY r.seq, f.position
"""

EVENTS_SQL = f"""
SELECT {
    _csv_lines(
        _text("es.event_id"),
        _plain("es.type"),
        _plain("es.date"),
        _text("es.location"),
        _plain("fs.category"),
        _text("fs.from_party"),
        _text("fs.to_party"),
        _plain("fs.best"),
        _plain("fs.low"),
        _plain("fs.high"),
        _plain("COALESCE(fs.n_reports, es.n_reports)"),
        _plain("es.status"),
        _text("res.rationale"),
        _text("res.resolved_by"),
        _plain("res.resolved_at"),
        _plain(_REVERSED_WARNING),
    )
}
FROM event_state es
LEFT JOIN flow_state fs ON fs.event_id = es.event_id
LEFT JOIN resolutions res ON res.id = fs.resolution_id
ORDER BY es.chart_day, es.first_seq, fs.category, fs.from_party, fs.to_party
"""

SOURCES_SQL = f"""
SELECT {
    _csv_lines(
        _text("s.id"),
        _text("s.name"),
        _plain("s.kind"),
        _text("s.party"),
        _plain("s.reliability"),
        _plain("(SELECT COUNT(*) FROM reports r WHERE r.source_id = s.id)"),
    )
}
FROM sources s
ORDER BY s.key, s.id
"""

EVIDENCE_SQL = f"""
SELECT {
    _csv_lines(
        _text("l.report_id"),
        _plain("l.sha256"),
        _text("l.file_name"),
        _text("e.media_type"),
        _plain("e.size"),
        _plain("l.accessed"),
        _text("l.archive_url"),
        _text("l.note"),
        _text("l.added_by"),
        _plain("l.added_at"),
    )
}
FROM report_evidence l
JOIN evidence e ON e.sha256 = l.sha256
JOIN reports r ON r.id = l.report_id
{EVIDENCE_ORDER}
"""

# Each exported file: its columns, and a function that yields batches of finished CSV
# lines (formula guard, quoting and CRLF included).
Batches = Callable[[], Iterable[list[str]]]


def _sql_lines(ledger: Ledger, sql: str) -> Iterator[list[str]]:
    cursor = ledger.conn.execute(sql)
    while batch := cursor.fetchmany(5000):
        yield [line + "\r\n" for (line,) in batch]


def _python_lines(rows: Iterable[Iterable[object]]) -> Iterator[list[str]]:
    buffer = io.StringIO()
    out = writer(buffer)
    lines = []
    for row in rows:
        out.writerow([escape_cell(value) for value in row])
        lines.append(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()
    yield lines


def export_tables(ledger: Ledger) -> dict[str, tuple[tuple[str, ...], Batches]]:
    return {
        "reports.csv": (REPORT_COLUMNS, lambda: _sql_lines(ledger, REPORTS_SQL)),
        "events.csv": (EVENT_COLUMNS, lambda: _sql_lines(ledger, EVENTS_SQL)),
        "sources.csv": (SOURCE_COLUMNS, lambda: _sql_lines(ledger, SOURCES_SQL)),
        "balance.csv": (
            BALANCE_COLUMNS,
            lambda: _python_lines(row.as_tuple() for row in queries.balance(ledger)),
        ),
        "resolutions.csv": (
            RESOLUTION_COLUMNS,
            lambda: _python_lines(
                tuple(row[column] for column in RESOLUTION_COLUMNS)
                for row in queries.decisions(ledger)
            ),
        ),
        "evidence.csv": (EVIDENCE_COLUMNS, lambda: _sql_lines(ledger, EVIDENCE_SQL)),
    }


def export_all(
    ledger: Ledger,
    directory: Path,
    *,
    xlsx: bool = False,
    warnings: list[str] | None = None,
    with_evidence: bool = False,
) -> dict[str, int]:
    """Write every file into `directory` (created if missing); returns rows per file.

    Each file is written beside its final name and renamed into place, so a reader
    never sees half a file. `xlsx`: the CSV files also as one workbook; what it could not
    hold as the files do is added to `warnings`. `with_evidence`: the evidence files too,
    in `DIR/evidence/` (their count under that name).
    """
    directory.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    ledger.conn.execute("BEGIN")  # one consistent snapshot for all files
    try:
        for name, (columns, rows) in export_tables(ledger).items():
            written[name] = _write_atomically(directory / name, columns, rows())
    finally:
        ledger.conn.execute("COMMIT")
    _write_text_atomically(directory / "datapackage.json", datapackage_json())
    _write_bytes_atomically(directory / README_NAME, readme_bytes())
    said = warnings if warnings is not None else []
    if xlsx:
        from .workbook import save_workbook  # openpyxl only for those who ask for it

        save_workbook(directory, FIELDS, _new_temporary, said.append)
    if with_evidence:
        written[f"{EVIDENCE_FOLDER}/"] = export_files(ledger, directory, said)
    return written


# Flags of a new temporary file: created here or not at all (O_EXCL: never a file or a
# link that is already there, even a dangling one), a link never followed (O_NOFOLLOW).
_NEW_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _temporary_name(path: Path) -> Path:
    """A hidden name beside `path` that nobody can guess ahead of the export."""
    return path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")


def _new_temporary(path: Path) -> tuple[int, Path]:
    """A new, empty file beside `path`, open for writing. Mode 0666 less the umask: the
    permissions of any new file the person creates (mkstemp's 0600 kept colleagues on a
    shared folder out). A name taken already, by a file or a link planted there, is
    passed over: nothing outside the folder is ever written through a link."""
    for _ in range(100):
        temporary = _temporary_name(path)
        try:
            return os.open(temporary, _NEW_FILE, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name beside it", str(path))


def _write_atomically(path: Path, columns: tuple[str, ...], rows: Iterable[Any]) -> int:
    """Write under a new temporary name and rename into place: a reader never sees half a
    file, and a link at the final name is replaced, never written through."""
    handle_fd, temporary = _new_temporary(path)
    try:
        with os.fdopen(handle_fd, "w", encoding="utf-8", newline="") as handle:
            writer(handle).writerow(columns)
            count = 0
            for lines in rows:
                handle.write("".join(lines))
                count += len(lines)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return count


def _write_text_atomically(path: Path, text: str) -> None:
    _write_bytes_atomically(path, text.encode("utf-8"))


def _write_bytes_atomically(path: Path, data: bytes) -> None:
    handle_fd, temporary = _new_temporary(path)
    try:
        with os.fdopen(handle_fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# ---- datapackage.json (Frictionless Table Schema) ------------------------------------

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_ESCAPE_NOTE = (
    " A text cell that begins with =, +, -, @, tab, carriage return or ' is written with"
    " one more leading ' so that no spreadsheet runs it as a formula."
)


def _field(
    name: str, type_: str = "string", description: str = "", **constraints: object
) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": type_}
    if description:
        field["description"] = description
    if type_ == "datetime":
        field["format"] = "%Y-%m-%dT%H:%M:%SZ"
    if constraints:
        field["constraints"] = constraints
    return field


def _count(name: str, description: str = "") -> dict[str, Any]:
    return _field(name, "integer", description, minimum=0)


FIELDS: dict[str, list[dict[str, Any]]] = {
    "reports": [
        _field("report_id", description="Id of the report.", required=True),
        _field(
            "event_id",
            description="Key of the event; rows with one key are one event.",
            required=True,
        ),
        _field("event_type", enum=["exchange", "agreement", "talks", "statement", "other"]),
        _field(
            "event_date",
            description="Date the report claims: YYYY-MM-DD, YYYY-MM or YYYY.",
            pattern=_DATE,
        ),
        _field("location"),
        _field("category", enum=["bodies", "pows", "civilians", "other", ""]),
        _field("from_party"),
        _field("to_party"),
        _count("count", "Persons handed from from_party to to_party."),
        _field("count_qualifier", enum=["exact", "approx", "at_least", "at_most", ""]),
        _field("source_name"),
        _field(
            "source_kind", enum=["official", "media", "ngo", "social_media", "footage", "other"]
        ),
        _field("source_party", description="Party the source speaks for; blank if independent."),
        _field("source_url"),
        _field("published", description="Date published.", pattern=r"^$|" + _DATE),
        _field(
            "reliability",
            description="Admiralty reliability of the source, A-F.",
            enum=list("ABCDEF"),
        ),
        _field(
            "credibility",
            "integer",
            "Admiralty credibility of the information, 1-6.",
            minimum=1,
            maximum=6,
        ),
        _field("quote", description="Exactly as recorded." + _ESCAPE_NOTE),
        _field("recorded_by"),
        _field("recorded_at", "datetime"),
        _field(
            "updated_at",
            "datetime",
            "UTC time of the report's last edit (blank on import: recorded_at).",
        ),
        _field(
            "seq",
            "integer",
            "Position of the report's last write in the exporting ledger's write order.",
            minimum=0,
        ),
    ],
    "events": [
        _field("event_id", required=True),
        _field("event_type"),
        _field(
            "date", description="Decided date, else the earliest of the most precise claimed dates."
        ),
        _field("location"),
        _field("category"),
        _field("from_party"),
        _field("to_party"),
        _count("best", "Decided value, else the lower median of the reports."),
        _count("low"),
        _count("high"),
        _count("n_reports"),
        _field("status", enum=["reopened", "conflict", "resolved", "single", "consistent"]),
        _field("rationale", description="Of the decision in force on this flow." + _ESCAPE_NOTE),
        _field("resolved_by"),
        _field("resolved_at", "datetime"),
        _field(
            "warnings",
            description="reversed_direction on both flows of a possible reversed direction"
            " that no reviewer has decided or dismissed (their low is then 0); else blank.",
            enum=["reversed_direction", ""],
        ),
    ],
    "sources": [
        _field("source_id", required=True),
        _field("name"),
        _field("kind"),
        _field("party"),
        _field("reliability", enum=list("ABCDEF")),
        _count("n_reports"),
    ],
    "balance": [
        _field("date", "date", "Charting day: a month sits on its first day, a year on 1 January."),
        _field("category"),
        _field("party"),
        *(
            _count(f"{side}_{kind}")
            for side in ("received", "sent")
            for kind in ("best", "low", "high")
        ),
    ],
    "resolutions": [
        _field("event_id", required=True),
        _field(
            "field",
            description="A direction decision dismisses a possible reversed direction; it"
            " names the flow of the pair that sorts first.",
            enum=["date", "location", "count", "direction"],
        ),
        _field("from_party"),
        _field("to_party"),
        _field("category"),
        _field("value"),
        _field(
            "report_id",
            description="The report the decision follows; blank for a value of the reviewer's own.",
        ),
        _field("rationale", description=_ESCAPE_NOTE.strip()),
        _field("resolved_by"),
        _field("resolved_at", "datetime"),
        _field(
            "state",
            description="in_force: the latest decision on its field not withdrawn.",
            enum=["in_force", "superseded", "withdrawn"],
        ),
        _field(
            "seq", "integer", "Position of the decision in the ledger's write order.", minimum=0
        ),
    ],
    "evidence": [
        _field("report_id", description="The report the file backs.", required=True),
        _field(
            "sha256",
            description="SHA-256 of the file's bytes, in hexadecimal; with export"
            " --with-evidence the file is evidence/SHA256 in this folder.",
            required=True,
            pattern="^[0-9a-f]{64}$",
        ),
        _field("file_name", description="The file's name when it was added."),
        _field("media_type", description="Media type, such as application/pdf or video/mp4."),
        _count("size", "Size of the file in bytes."),
        _field(
            "accessed",
            description="Day the researcher accessed the source, YYYY-MM-DD; blank if not given.",
            pattern=r"^$|^\d{4}-\d{2}-\d{2}$",
        ),
        _field(
            "archive_url",
            description="An archived copy's URL as the researcher typed it (never fetched).",
        ),
        _field("note", description="The researcher's note." + _ESCAPE_NOTE),
        _field("added_by"),
        _field("added_at", "datetime"),
    ],
}


def datapackage() -> dict[str, Any]:
    dialect = {
        "delimiter": ",",
        "lineTerminator": "\r\n",
        "quoteChar": '"',
        "doubleQuote": True,
        "header": True,
    }
    return {
        "profile": "tabular-data-package",
        "name": "exchange-ledger-export",
        "title": "Exchange Ledger export",
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": dialect,
                "schema": {"fields": fields, "missingValues": [""]},
            }
            for name, fields in FIELDS.items()
        ],
    }


def datapackage_json() -> str:
    return json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n"
