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
from ..domain.dates import utc_now
from ..domain.records import (
    CATEGORIES,
    CREDIBILITY,
    EVENT_TYPES,
    QUALIFIERS,
    RELIABILITY,
    SOURCE_KINDS,
)
from ..domain.rules import STATUSES
from ..domain.validation import MAX_COUNT, Invalid
from . import queries
from .csvio import FORMULA_STARTS, escape_cell, writer
from .evidence import (
    EVIDENCE_COLUMNS,
    EVIDENCE_FOLDER,
    ensure_folder,
    export_files,
    stale_export_warning,
)
from .export_lines import CACHE_KIB, MMAP_BYTES, SecondReader, Spilled, sql_lines
from .export_readme import FILES, README_NAME, WORKBOOK_NAME, readme_bytes
from .export_sql import EVENTS_SQL, EVIDENCE_SQL, REPORTS_SQL, SOURCES_SQL
from .import_plan import Cancelled, Progress
from .importer import REPORT_COLUMNS
from .ledger import Ledger
from .schema import SCHEMA_VERSION

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


# Each exported file: its columns, and a function that yields batches of finished CSV
# lines (formula guard, quoting and CRLF included), each as its UTF-8 bytes and how many
# lines it holds, or lines made ahead by the second reader.
Chunk = tuple[bytes, int] | Spilled
Batches = Callable[[], Iterable[Chunk]]


def _python_lines(rows: Iterable[Iterable[object]]) -> Iterator[tuple[bytes, int]]:
    buffer = io.StringIO()
    out = writer(buffer)
    count = 0
    for row in rows:
        out.writerow([escape_cell(value) for value in row])
        count += 1
    yield buffer.getvalue().encode("utf-8"), count


def export_tables(
    ledger: Ledger, ahead: SecondReader | None = None
) -> dict[str, tuple[tuple[str, ...], Batches]]:
    """The files, made on the ledger's connection; events.csv and the later part of
    reports.csv by the `ahead` process where there is one."""
    conn = ledger.conn

    def reports() -> Iterable[Chunk]:
        return ahead.reports(conn) if ahead else sql_lines(conn, REPORTS_SQL)

    def events() -> Iterable[Chunk]:
        return ahead.events(conn) if ahead else sql_lines(conn, EVENTS_SQL)

    return {
        "reports.csv": (REPORT_COLUMNS, reports),
        "events.csv": (EVENT_COLUMNS, events),
        "sources.csv": (SOURCE_COLUMNS, lambda: sql_lines(conn, SOURCES_SQL)),
        "balance.csv": (
            BALANCE_COLUMNS,
            lambda: _python_lines(row.as_tuple() for row in queries.balance(ledger)),
        ),
        "resolutions.csv": (
            RESOLUTION_COLUMNS,
            lambda: _python_lines(
                tuple(row[column] for column in RESOLUTION_COLUMNS)
                for row in queries.decisions(ledger, reported_only=True)
            ),
        ),
        "evidence.csv": (EVIDENCE_COLUMNS, lambda: sql_lines(conn, EVIDENCE_SQL)),
    }


def export_all(
    ledger: Ledger,
    directory: Path,
    *,
    xlsx: bool = False,
    warnings: list[str] | None = None,
    with_evidence: bool = False,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write every file into `directory` (created if missing); returns rows per file.

    Each file is written beside its final name and renamed into place, so a reader
    never sees half a file. `xlsx`: the CSV files also as one workbook; what it could not
    hold as the files do is added to `warnings`. `with_evidence`: the evidence files too,
    in `DIR/evidence/` (their count under that name). `progress` is told the files
    written of the CSV files; its False (Cancel) stops the export between two batches
    of lines, ExportCancelled naming the files already written, which stay as a failure
    leaves them.
    """
    _make_folder(directory)
    _refuse_folders_in_the_way(directory, [*FILES, README_NAME, *([WORKBOOK_NAME] * xlsx)])
    if with_evidence:  # refused (a link, a file) before any file is written, not after
        ensure_folder(directory / EVIDENCE_FOLDER)
    written = _write_tables(ledger, directory, progress)
    _write_text_atomically(directory / "datapackage.json", datapackage_json(utc_now()))
    _write_bytes_atomically(directory / README_NAME, readme_bytes())
    said = warnings if warnings is not None else []
    if (xlsx or with_evidence) and progress is not None and not progress(1, 1):
        raise ExportCancelled([*written, "datapackage.json", README_NAME])
    if xlsx:
        from .workbook import save_workbook  # openpyxl only for those who ask for it

        save_workbook(directory, FIELDS, _new_temporary, said.append)
    elif (directory / WORKBOOK_NAME).exists():
        said.append(
            f"{directory / WORKBOOK_NAME} is left from an earlier export and holds older"
            " numbers than these files: export the workbook again, or delete it"
        )
    if with_evidence:
        written[f"{EVIDENCE_FOLDER}/"] = export_files(ledger, directory, said)
    elif stale := stale_export_warning(directory, ledger):
        said.append(stale)
    return written


def _make_folder(directory: Path) -> None:
    """The export's folder, made with its parents if missing. A file in the way, or a
    folder that cannot be written, is said in a sentence naming it (not a temporary
    file's hidden name, nor "[Errno 17] File exists")."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as error:
        in_the_way = next(
            (p for p in (directory, *directory.parents) if p.exists() and not p.is_dir()),
            directory,
        )
        raise Invalid(
            f"{in_the_way} is a file where a folder is needed: name a folder (one that does"
            " not exist yet is created); nothing was written."
        ) from error
    except PermissionError as error:
        raise Invalid(f"{directory} cannot be written: permission denied.") from error
    except OSError as error:  # read-only media, a full disk: said, not "[Errno 30] …"
        reason = error.strerror or type(error).__name__
        raise Invalid(f"{directory} cannot be written ({reason}): nothing was exported.") from error
    if not os.access(directory, os.W_OK | os.X_OK):
        raise Invalid(f"{directory} cannot be written: permission denied.")


def _refuse_folders_in_the_way(directory: Path, names: list[str]) -> None:
    """A folder where a file of the export goes, said before any file is written: the
    rename onto it failed midway, the files before it replaced, and the message named
    the temporary file's hidden name."""
    for name in names:
        target = directory / name
        if target.is_dir() and not target.is_symlink():
            raise Invalid(
                f"{target} is a folder where the export writes a file: move it away;"
                " nothing was written."
            )


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


class ExportCancelled(Cancelled):
    """Cancel pressed during an export: the files named were written before it."""

    def __init__(self, written: list[str]) -> None:
        super().__init__(", ".join(written))
        self.written = written


def _write_tables(
    ledger: Ledger, directory: Path, progress: Progress | None = None
) -> dict[str, int]:
    """The CSV files, all read in one snapshot (one read transaction), part of them by a
    second process reading the same snapshot where one can be started (export_lines)."""
    conn = ledger.conn
    (cache,) = conn.execute("PRAGMA cache_size").fetchone()
    (mapped,) = conn.execute("PRAGMA mmap_size").fetchone()
    ahead = SecondReader.open(conn, directory)  # before the snapshot: it counts commits
    try:
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        conn.execute("BEGIN")  # one consistent snapshot for all files
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # it begins here
            shared = ahead is not None and ahead.start(conn)
            written: dict[str, int] = {}
            tables = export_tables(ledger, ahead if shared else None)
            for done, (name, (columns, rows)) in enumerate(tables.items()):

                def going(done: int = done) -> None:
                    if progress is not None and not progress(done, len(tables)):
                        raise ExportCancelled(list(written))

                written[name] = _write_atomically(directory / name, columns, rows(), going)
            return written
        finally:
            if ahead is not None:
                ahead.close()  # stops what it still makes, before the snapshot ends
            conn.execute("COMMIT")
    finally:
        conn.execute(f"PRAGMA cache_size = {cache}")
        conn.execute(f"PRAGMA mmap_size = {mapped}")


def _write_atomically(
    path: Path,
    columns: tuple[str, ...],
    rows: Iterable[Chunk],
    going: Callable[[], None] = lambda: None,
) -> int:
    """Write under a new temporary name and rename into place: a reader never sees half a
    file, and a link at the final name is replaced, never written through. `going` is
    asked before each batch of lines (Cancel: it raises, the temporary file goes)."""
    header = io.StringIO()
    writer(header).writerow(columns)
    handle_fd, temporary = _new_temporary(path)
    try:
        with os.fdopen(handle_fd, "wb") as handle:
            handle.write(header.getvalue().encode("utf-8"))
            count = 0
            for chunk in rows:
                going()
                if isinstance(chunk, Spilled):
                    chunk.copy_to(handle)
                    count += chunk.rows
                else:
                    lines, many = chunk
                    handle.write(lines)
                    count += many
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


# ---- datapackage.json (Frictionless Table Schema): the codebook ----------------------

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
# The package property that holds the export's time: the only thing that differs between
# two exports of the same ledger (a round-trip comparison leaves it out).
EXPORT_TIME = "created"
_GUARDED = "=, +, -, @, a tab, a carriage return or '"  # csvio.FORMULA_STARTS, in words
_ESCAPE_NOTE = (
    f" Written with the formula guard: a value that begins with {_GUARDED} is written with"
    " one more leading ', so that no spreadsheet runs it as a formula; remove the first ' of"
    " a cell where the next character is one of those to get the value as recorded."
)


def _never_guarded(what: str) -> str:
    """The rule named on a text column that it can never touch."""
    return (
        " The formula guard of the text columns (one more leading ' before a value that"
        f" begins with {_GUARDED}) never applies here: no {what} begins with one of those."
    )


def _field(
    name: str, type_: str = "string", description: str = "", **constraints: object
) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": type_}
    if description:
        field["description"] = description
    if type_ == "datetime":
        field["format"] = _TIME_FORMAT
    if constraints:
        field["constraints"] = constraints
    return field


def _text_field(name: str, description: str, **constraints: object) -> dict[str, Any]:
    """A column of ids, names or free text: every such cell is written with the guard."""
    return _field(name, "string", description + _ESCAPE_NOTE, **constraints)


def _persons(name: str, description: str, **constraints: object) -> dict[str, Any]:
    return {**_field(name, "integer", description, minimum=0, **constraints), "unit": "persons"}


def _number_of(name: str, unit: str, description: str) -> dict[str, Any]:
    return {**_field(name, "integer", description, minimum=0), "unit": unit}


def _one_of(name: str, values: Iterable[str], description: str) -> dict[str, Any]:
    """A word from a fixed list; none begins with a guarded character, so the guard
    never applies (and the description would say it does if one did)."""
    allowed = list(values)
    guarded = any(value.startswith(FORMULA_STARTS) for value in allowed)
    note = _ESCAPE_NOTE if guarded else _never_guarded("allowed value")
    return _field(name, "string", description + note, enum=allowed)


def _claimed_date(name: str, description: str, **constraints: object) -> dict[str, Any]:
    """A date as vague as the source was: Table Schema's date type takes days only."""
    return _field(
        name,
        "string",
        description
        + " YYYY-MM-DD, or YYYY-MM / YYYY where the source was vaguer."
        + _never_guarded("date"),
        pattern=_DATE,
        **constraints,
    )


def _time(name: str, description: str, **constraints: object) -> dict[str, Any]:
    return _field(name, "datetime", description + " UTC, YYYY-MM-DDTHH:MM:SSZ.", **constraints)


_PARTY = " A party (a side of the conflict), as this ledger spells it."


def _category(description: str) -> dict[str, Any]:
    return _one_of("category", CATEGORIES, description)


def _flow_parties(whose: str) -> list[dict[str, Any]]:
    return [
        _text_field("from_party", f"The party that handed the persons over ({whose})." + _PARTY),
        _text_field("to_party", f"The party that received them ({whose})." + _PARTY),
    ]


_RELIABILITY = _one_of(
    "reliability",
    RELIABILITY,
    "Admiralty-code reliability of the source, an ordinal grade and not a quantity (never"
    " add or average grades; F means no grade was possible, not one below E): "
    + "; ".join(f"{grade} {meaning}" for grade, meaning in RELIABILITY.items())
    + ".",
)

FIELDS: dict[str, list[dict[str, Any]]] = {
    "reports": [
        _text_field(
            "report_id",
            "Id of the report: one source's account of one event (rows of one report share it).",
            required=True,
        ),
        _text_field(
            "event_id",
            "Key of the event the report describes; rows with one key describe one event,"
            " which has its rows in events.csv (one per flow: no foreign key is declared).",
            required=True,
        ),
        _one_of("event_type", EVENT_TYPES, "The kind of event."),
        _claimed_date("event_date", "Date the report claims for the event.", required=True),
        _text_field(
            "location", "Where the report says the event happened; blank if it does not say."
        ),
        _category("Who was handed over; blank on the one row of a report without flows."),
        *_flow_parties("blank for a report without flows"),
        _persons(
            "count",
            "How many persons of the category were handed from from_party to to_party (at"
            " most 1,000,000,000: Exchange Ledger refuses a larger count as a typing slip).",
            maximum=MAX_COUNT,
        ),
        _one_of(
            "count_qualifier",
            QUALIFIERS,
            "How the report gives the count: exact, approx (about), at_least or at_most.",
        ),
        _text_field(
            "source_name",
            "Who said it: a speaker or an outlet. A source is its name and party together:"
            " (source_name, source_party) is one row of sources.csv (name, party).",
            required=True,
        ),
        _one_of("source_kind", SOURCE_KINDS, "The kind of source."),
        _text_field(
            "source_party", "The party the source speaks for; blank if independent." + _PARTY
        ),
        _text_field("source_url", "Where the report can be read (http or https); blank if none."),
        _claimed_date("published", "Date the report was published; blank if unknown."),
        _RELIABILITY,
        _field(
            "credibility",
            "integer",
            "Admiralty-code credibility of this information, an ordinal grade written as a"
            " digit and not a quantity (never add or average grades; 6 means no grade was"
            " possible, not one below 5): "
            + "; ".join(f"{number} {sense}" for number, sense in CREDIBILITY.items())
            + ".",
            enum=list(CREDIBILITY),
        ),
        _text_field(
            "quote",
            "The source's words, as typed (free text in any script, never trimmed; it may"
            " hold line breaks).",
        ),
        _text_field("recorded_by", "Who recorded the report."),
        _time("recorded_at", "When the report was recorded.", required=True),
        _time(
            "updated_at", "When the report was last edited (recorded_at if never).", required=True
        ),
        _number_of(
            "seq",
            "position",
            "Position of the report's last write in the exporting ledger's write order"
            " (shared with resolutions.csv); the import of an export folder keeps it.",
        ),
    ],
    "events": [
        _text_field(
            "event_id",
            "Key of the event (as in reports.csv); an event has one row per flow.",
            required=True,
        ),
        _one_of("event_type", EVENT_TYPES, "The kind of event."),
        _claimed_date(
            "date",
            "The event's date: the decided one, else the most precise claimed date (the"
            " earliest of them where they disagree and nothing is decided).",
        ),
        _text_field("location", "The decided location, else the first stated in write order."),
        _category("Who was handed over; blank on the one row of an event without flows."),
        *_flow_parties("blank for an event without flows"),
        _persons(
            "best", "The decided count, else the median of the reports' (the lower middle one)."
        ),
        _persons(
            "low",
            "The decided count, else the smallest reported (0 while a possible reversed"
            " direction stands).",
        ),
        _persons("high", "The decided count, else the largest reported."),
        _number_of(
            "n_reports",
            "reports",
            "Reports stating this flow (on a row without flow: all reports of the event).",
        ),
        _one_of(
            "status",
            STATUSES,
            "reopened: a later report contradicts a decision; conflict: a disputed field is"
            " undecided; resolved: some field was decided; single: one report; consistent:"
            " several, agreeing.",
        ),
        _text_field("rationale", "Why the decision in force on this flow was made."),
        _text_field("resolved_by", "Who made the decision in force on this flow."),
        _time("resolved_at", "When the decision in force on this flow was made."),
        _one_of(
            "warnings",
            ["reversed_direction"],
            "reversed_direction on both flows of a possible reversed direction that no"
            " reviewer has decided or dismissed (their low is then 0); else blank.",
        ),
    ],
    "sources": [
        _text_field("source_id", "Id of the source.", required=True),
        _text_field(
            "name",
            "The source's name; with party it identifies the source (no two rows have the"
            " same name and party, while one name may stand for several parties).",
            required=True,
        ),
        _one_of("kind", SOURCE_KINDS, "The kind of source."),
        _text_field("party", "The party the source speaks for; blank if independent." + _PARTY),
        _RELIABILITY,
        _number_of("n_reports", "reports", "Reports of this source."),
    ],
    "balance": [
        _field(
            "date",
            "date",
            "Charting day, YYYY-MM-DD: a month sits on its first day, a year on 1 January.",
            required=True,
        ),
        _category("Who was handed over."),
        _text_field("party", "The party whose balance this row gives." + _PARTY, required=True),
        *(
            _persons(
                f"{side}_{kind}",
                f"Persons {'received by' if side == 'received' else 'handed over by'} the party"
                f" up to and including the date, over exchange events ({kind}).",
            )
            for side in ("received", "sent")
            for kind in ("best", "low", "high")
        ),
    ],
    "resolutions": [
        _text_field(
            "event_id",
            "Key of the event decided (as in reports.csv and events.csv: the decisions of an"
            " event whose reports were all deleted are left out of the folder).",
            required=True,
        ),
        _one_of(
            "field",
            ("date", "location", "count", "direction"),
            "The field decided. A direction decision dismisses a possible reversed direction;"
            " it names the flow of the pair that sorts first.",
        ),
        *_flow_parties("count and direction decisions only"),
        _category("The flow's category (count and direction decisions only)."),
        _text_field(
            "value",
            "The decided value: a date (YYYY-MM-DD, YYYY-MM or YYYY), a location, a count of"
            " persons, or 'dismissed' for a direction decision.",
            required=True,
        ),
        _text_field(
            "report_id",
            "The report whose value the decision follows; blank for a value of the reviewer's own.",
        ),
        _text_field(
            "rationale", "Why the reviewer decided so (free text, never trimmed).", required=True
        ),
        _text_field("resolved_by", "Who decided."),
        _time("resolved_at", "When it was decided.", required=True),
        _one_of(
            "state",
            ("in_force", "superseded", "withdrawn"),
            "in_force: the latest decision on its field not withdrawn; superseded: a later one"
            " is in force; withdrawn: undone (kept, never deleted).",
        ),
        _number_of(
            "seq",
            "position",
            "Position of the decision in the exporting ledger's write order (shared with"
            " reports.csv); the import of an export folder keeps it.",
        ),
    ],
    "evidence": [
        _text_field(
            "report_id",
            "Id of the report the file backs: a report of reports.csv (where it has one row"
            " per flow: no foreign key is declared).",
            required=True,
        ),
        _field(
            "sha256",
            "string",
            "SHA-256 of the file's bytes, in hexadecimal: the file's name in the ledger's"
            " evidence folder, and in evidence/ of this folder with export --with-evidence."
            + _never_guarded("hexadecimal digit"),
            required=True,
            pattern="^[0-9a-f]{64}$",
        ),
        _text_field("file_name", "The file's name when it was added."),
        _text_field("media_type", "Media type, such as application/pdf or video/mp4."),
        _number_of("size", "bytes", "Size of the file."),
        _field(
            "accessed",
            "string",
            "Day the researcher accessed the source, YYYY-MM-DD; blank if not given."
            + _never_guarded("date"),
            pattern=r"^$|^\d{4}-\d{2}-\d{2}$",
        ),
        _text_field(
            "archive_url", "An archived copy's URL as the researcher typed it (never fetched)."
        ),
        _text_field("note", "The researcher's note (free text, never trimmed)."),
        _text_field("added_by", "Who added the file."),
        _time("added_at", "When the file was added.", required=True),
    ],
}

# Keys that hold in every export: one row per report flow, event flow, source, balance
# row and decision. A foreign key is declared only where its target is unique in the
# file it names (a SQL loader refuses any other: "foreign key mismatch"): a report's
# source is the one row of sources.csv with its name and party (a source is identified
# by both; the ledger keeps their key unique, and the guard writes two different values
# as two different cells). events.csv and reports.csv have a row per flow, so an
# event_id or a report_id is no key there: the fields' descriptions say those relations.
_FLOW_KEY = ["category", "from_party", "to_party"]
PRIMARY_KEYS: dict[str, list[str]] = {
    "reports": ["report_id", *_FLOW_KEY],
    "events": ["event_id", *_FLOW_KEY],
    "sources": ["source_id"],
    "balance": ["date", "category", "party"],
    "resolutions": ["seq"],
    "evidence": ["report_id", "sha256"],
}
# Table Schema 2's uniqueKeys: fields unique together besides the primary key, which a
# SQL loader makes a UNIQUE constraint (the target of the reports' key to sources).
UNIQUE_KEYS: dict[str, list[list[str]]] = {"sources": [["name", "party"]]}
FOREIGN_KEYS: dict[str, list[dict[str, Any]]] = {
    "reports": [
        {
            "fields": ["source_name", "source_party"],
            "reference": {"resource": "sources", "fields": ["name", "party"]},
        },
    ],
}


def datapackage(created: str | None = None) -> dict[str, Any]:
    """The codebook. `created`, the export's time, is its only part that changes from one
    export of a ledger to the next (the CSV files carry no time of export)."""
    dialect = {
        "delimiter": ",",
        "lineTerminator": "\r\n",
        "quoteChar": '"',
        "doubleQuote": True,
        "header": True,
    }
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "exchange-ledger-export",
        "title": "Exchange Ledger export",
        "description": (
            "Sourced reports of exchanges of prisoners of war, bodies and civilians between the"
            " parties of a conflict, the events they describe, the reviewers' decisions and"
            " each party's cumulative balance. Import the folder with"
            " 'exchange-ledger import LEDGER.db DIR' to restore the ledger."
        ),
        "exchange_ledger_schema_version": SCHEMA_VERSION,
    }
    if created is not None:
        package[EXPORT_TIME] = created
    package["resources"] = [
        {
            "name": name,
            "path": f"{name}.csv",
            "description": FILES[f"{name}.csv"],  # as README.txt says it
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": dialect,
            "schema": {
                "fields": fields,
                "missingValues": [""],
                "primaryKey": PRIMARY_KEYS[name],
                **({"uniqueKeys": UNIQUE_KEYS[name]} if name in UNIQUE_KEYS else {}),
                **({"foreignKeys": FOREIGN_KEYS[name]} if name in FOREIGN_KEYS else {}),
            },
        }
        for name, fields in FIELDS.items()
    ]
    return package


def datapackage_json(created: str | None = None) -> str:
    return json.dumps(datapackage(created), indent=2, ensure_ascii=False) + "\n"
