"""Export: the five CSV files of PRODUCT.md and a `datapackage.json` describing them."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..domain.balance import BALANCE_COLUMNS
from . import queries
from .csvio import open_for_export, write_rows
from .importer import REPORT_COLUMNS
from .ledger import Ledger

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
)

REPORTS_SQL = """
SELECT r.id, r.event_id, e.type, r.claimed_date, r.location,
       f.category, f.from_party, f.to_party, f.count, f.qualifier,
       s.name, s.kind, s.party, r.url, r.published, s.reliability, r.credibility,
       r.quote, r.recorded_by, r.recorded_at
FROM reports r
JOIN events e ON e.id = r.event_id
JOIN sources s ON s.id = r.source_id
LEFT JOIN flows f ON f.report_id = r.id
ORDER BY r.seq, f.position
"""

EVENTS_SQL = """
SELECT es.event_id, es.type, es.date, es.location,
       fs.category, fs.from_party, fs.to_party, fs.best, fs.low, fs.high,
       COALESCE(fs.n_reports, es.n_reports), es.status,
       res.rationale, res.resolved_by, res.resolved_at
FROM event_state es
LEFT JOIN flow_state fs ON fs.event_id = es.event_id
LEFT JOIN resolutions res ON res.id = fs.resolution_id
ORDER BY es.chart_day, es.first_seq, fs.category, fs.from_party, fs.to_party
"""

SOURCES_SQL = """
SELECT s.id, s.name, s.kind, s.party, s.reliability,
       (SELECT COUNT(*) FROM reports r WHERE r.source_id = s.id)
FROM sources s
ORDER BY s.key, s.id
"""


def _cursor_rows(ledger: Ledger, sql: str) -> Iterator[tuple]:
    yield from ledger.conn.execute(sql)


def export_tables(ledger: Ledger) -> dict[str, tuple[tuple[str, ...], Callable[[], Iterable]]]:
    """Each exported file: its columns and a function that yields its rows."""
    return {
        "reports.csv": (REPORT_COLUMNS, lambda: _cursor_rows(ledger, REPORTS_SQL)),
        "events.csv": (EVENT_COLUMNS, lambda: _cursor_rows(ledger, EVENTS_SQL)),
        "sources.csv": (SOURCE_COLUMNS, lambda: _cursor_rows(ledger, SOURCES_SQL)),
        "balance.csv": (
            BALANCE_COLUMNS,
            lambda: (row.as_tuple() for row in queries.balance(ledger)),
        ),
        "resolutions.csv": (
            RESOLUTION_COLUMNS,
            lambda: (
                tuple(row[column] for column in RESOLUTION_COLUMNS)
                for row in queries.decisions_in_force(ledger)
            ),
        ),
    }


def export_all(ledger: Ledger, directory: Path) -> dict[str, int]:
    """Write every file into `directory` (created if missing); returns rows per file.

    Each file is written beside its final name and renamed into place, so a reader
    never sees half a file.
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
    return written


def _write_atomically(path: Path, columns: tuple[str, ...], rows: Iterable) -> int:
    handle_fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle_fd)
    try:
        with open_for_export(Path(temporary)) as handle:
            count = write_rows(handle, columns, rows)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _write_text_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


# ---- datapackage.json (Frictionless Table Schema) ------------------------------------

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_ESCAPE_NOTE = (
    " A text cell that begins with =, +, -, @, tab, carriage return or ' is written with"
    " one more leading ' so that no spreadsheet runs it as a formula."
)


def _field(name: str, type_: str = "string", description: str = "", **constraints: object) -> dict:
    field: dict = {"name": name, "type": type_}
    if description:
        field["description"] = description
    if type_ == "datetime":
        field["format"] = "%Y-%m-%dT%H:%M:%SZ"
    if constraints:
        field["constraints"] = constraints
    return field


def _count(name: str, description: str = "") -> dict:
    return _field(name, "integer", description, minimum=0)


FIELDS: dict[str, list[dict]] = {
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
        _field("field", enum=["date", "location", "count"]),
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
    ],
}


def datapackage() -> dict:
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
