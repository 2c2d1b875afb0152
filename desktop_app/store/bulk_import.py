"""The plan of a clean `reports.csv`, read a column at a time by Apache Arrow.

A file of 400,000 rows repeats few distinct values in most of its columns. Arrow's CSV
reader parses it into columns on every core; each column's distinct values are checked
once in Python, and Arrow's and NumPy's kernels group the rows into reports over whole
columns, so that Python touches a value per report rather than a cell per row.

This reading only tells whether a file is clean: at the first problem, or at anything it
leaves to the careful reading (a blank row, a report already in the ledger, a source
graded two ways, quotes that the csv module might read otherwise), it gives up and
`row_import` reads the file row by row with the csv module, naming every problem. For a
clean file both readings give the same plan; a test holds them to it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from functools import partial
from typing import Any, ParamSpec, TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from ..domain import dates
from ..domain.records import DEFAULT_IGNORABLE, Flow, FlowKey, name_key, source_key
from ..domain.validation import Invalid
from .import_plan import (
    COLUMN_CHECKS,
    DELETED_REPORTS,
    FLOW_CHECKS,
    FLOW_COLUMNS,
    REPORT_COLUMNS,
    REPORT_LEVEL,
    Cancelled,
    GivenSource,
    ImportPlan,
    NewReport,
    Progress,
    blank_report_id,
    lookup,
    name_parties,
)
from .ledger import Ledger
from .sources import former_names

STAGES = 6  # progress is reported between the stages of the reading
P = ParamSpec("P")
T = TypeVar("T")

# What str.strip() removes, and Python's regular expressions call \\s: every character
# for which str.isspace() is true.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# validation.url's form in RE2's syntax (whose \\s knows only ASCII spaces).
URL_FORM = f"(?i)^https?://[^{WHITESPACE}]+$"


def _all_kept(given: pa.Array) -> bool:
    """A required name's check keeps each trimmed text as it is (`cells` trims)."""
    return True


# A text with both Latin and Cyrillic letters somewhere: its words are checked one by one
# (validation.one_script), as are all texts when any has such a mix.
BOTH_SCRIPTS = r"\p{Latin}.*\p{Cyrillic}|\p{Cyrillic}.*\p{Latin}"


# A text that shows nothing: default-ignorable characters (a zero-width space) and spaces.
INVISIBLE = rf"^(?:{DEFAULT_IGNORABLE.pattern}|\s|\p{{Z}})*$"


def _all_kept_in_one_script(given: pa.Array) -> bool:
    """A source's name is kept as it is unless a word in it mixes Latin and Cyrillic, or
    it shows nothing."""
    if pc.any(pc.match_substring_regex(given, INVISIBLE)).as_py() is True:
        return False
    return pc.any(pc.match_substring_regex(given, BOTH_SCRIPTS)).as_py() is not True


def _all_urls(given: pa.Array) -> bool:
    return pc.all(pc.match_substring_regex(given, URL_FORM)).as_py() is not False


def _all_timestamps(given: pa.Array) -> bool:
    if pc.all(pc.match_substring_regex(given, dates.TIMESTAMP_FORM)).as_py() is False:
        return False
    latest = pc.max(given).as_py()
    if latest is not None and latest > dates.utc_now():
        return False  # a time in the future: each text checked alone names it
    days = _distinct(pc.utf8_slice_codeunits(given, 0, 10))
    return dates.real_days_and_times(days, _distinct(pc.utf8_slice_codeunits(given, 11, 19)))


def _all_write_positions(given: pa.Array) -> bool:
    """Plain digits throughout, few enough for any to be a SQLite integer (a `seq` an
    export wrote; the import does not use it); a longer one is checked alone, and named."""
    return pc.all(pc.match_substring_regex(given, r"^0*[0-9]{1,18}$")).as_py() is not False


# Columns that may hold 100,000s of distinct texts (an id per event, a URL per article, a
# time per report), checked a whole column at a time by Arrow: True says the column's
# check keeps each non-empty text as it is. Otherwise each distinct text is checked alone.
WHOLE_COLUMN_CHECKS: dict[str, Callable[[pa.Array], bool]] = {
    "event_id": _all_kept,
    "source_name": _all_kept_in_one_script,
    "source_url": _all_urls,
    "recorded_at": _all_timestamps,
    "updated_at": _all_timestamps,
    "seq": _all_write_positions,
}
# A cell that `csvio.unescape_cell` changes: a `'` guarding a formula.
GUARDED = r"^'[=+\-@\t\r']"
SEPARATOR = "\x1f"  # joins the cells of a row when their combinations are counted


# A file whose every `"` opens or closes a cell quoted as RFC 4180 says (or doubles one
# inside it): the text before an opening quote ends with a delimiter, and the text after
# a closing one starts with one. Arrow and the csv module read such a file alike; a
# quote inside an unquoted cell, or text after a closing quote (which the csv module
# refuses), leaves the file to the careful reading. Checked over the positions of the
# quotes with numpy, linear in the file and on every Python: a regular expression with
# possessive quantifiers did it before, and Python 3.11.2 (Debian 12's) matched those
# wrongly (CPython gh-106052, fixed in 3.11.5) and took a file ending in an unclosed `"`;
# atomic groups are right there but cost several times as long on a large file.
_DELIMITERS = np.array([ord(","), ord("\r"), ord("\n")], dtype=np.uint8)


def plain_quoting(data: bytes) -> bool | None:
    """None unless the file's quoting is plain (above); else whether a quoted cell holds
    a carriage return. Arrow 26 loses the `\n` of a `\r\n` inside a quoted cell where its
    reader splits the file into blocks (seen with a cell of 130,000 characters over two
    blocks of 1 MB): such a file is read as one block."""
    text = np.frombuffer(data, dtype=np.uint8)
    quotes = _positions(text, ord('"'))
    if len(quotes) % 2:
        return None  # a quote never closed
    if len(quotes) == 0:
        return False
    opening, closing = quotes[0::2], quotes[1::2]
    before, after = opening - 1, closing + 1
    last = len(text) - 1
    # Before an opening quote: the file's start, a delimiter, or the closing quote it
    # doubles; after a closing quote: the file's end, a delimiter, or a doubled quote.
    opens = np.isin(text[np.clip(before, 0, last)], _DELIMITERS)
    opens[0] |= before[0] < 0
    opens[1:] |= before[1:] == closing[:-1]
    closes = np.isin(text[np.clip(after, 0, last)], _DELIMITERS)
    closes[-1] |= after[-1] > last
    closes[:-1] |= after[:-1] == opening[1:]
    if not (opens.all() and closes.all()):
        return None
    # A carriage return after an odd number of quotes is inside a quoted cell.
    returns = _positions(text, ord("\r"))
    return bool((np.searchsorted(quotes, returns) % 2).any())


SCAN = 1 << 22  # bytes of a file compared at a time


def _positions(text: np.ndarray, byte: int) -> np.ndarray:
    """Where `byte` occurs in `text`, found a slice at a time: comparing the whole file
    at once makes a bool per byte, new memory as large as the file (twice, 260 MB for
    the benchmark's file), which took longer to come by than the comparing."""
    equal = np.empty(min(len(text), SCAN), dtype=bool)
    found = []
    for start in range(0, len(text), SCAN):
        part = text[start : start + SCAN]
        np.equal(part, byte, out=equal[: len(part)])
        found.append(np.flatnonzero(equal[: len(part)]) + start)
    return np.concatenate(found) if found else np.empty(0, dtype=np.intp)


class _GiveUp(Exception):
    """Something the careful reading must look at."""


def read_columns(data: bytes) -> tuple[list[str], pa.Table] | None:
    """The file's header and its cells as Arrow columns of text, or None where Arrow
    might read the file otherwise than the csv module does (bytes that are not UTF-8,
    quoting that is not plain, rows of another length, a column named twice). Empty lines
    are skipped, as the careful reading skips blank rows."""
    if b"\x00" in data:
        return None
    returns_in_cells = plain_quoting(data)
    if returns_in_cells is None:
        return None
    # Parsed on every core, unless a quoted cell holds a carriage return (above).
    blocks = len(data) + 1 if returns_in_cells else pa_csv.ReadOptions().block_size
    names = _header(data)
    if not names or len(set(names)) != len(names):
        return None
    try:
        table = pa_csv.read_csv(
            pa.py_buffer(data),
            read_options=pa_csv.ReadOptions(use_threads=True, block_size=blocks),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowException:
        # Invalid input, and failures of Arrow's own: its threaded reader once failed on a
        # valid file ("a chunk failed converting for an unknown reason"). The careful
        # reading gives the same rows, only slower.
        return None
    if table.column_names != names:
        return None
    return names, table


def _header(data: bytes) -> list[str] | None:
    """The first record as the csv module reads it."""
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    try:
        return next(csv.reader(text, strict=True), None)
    except (csv.Error, UnicodeDecodeError):
        return None


def bulk_plan(
    plan: ImportPlan,
    ledger: Ledger,
    header: list[str],
    table: pa.Table,
    progress: Progress | None = None,
    context: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> bool:
    """Fill `plan` from the columns of a file (see `read_columns`; `header` names them as
    the import knows them) and return True, or return False with `plan` untouched when
    the careful reading must decide. `context`: what the caller's thread reads in, for a
    thread that reads beside it."""
    try:
        reading = _Reading(ledger, header, table, progress, context)
        reading.run()
    except _GiveUp:
        return False
    reading.fill(plan)
    return True


class _Reading:
    """One file's columns read into what a plan holds, stage by stage."""

    def __init__(
        self,
        ledger: Ledger,
        header: list[str],
        table: pa.Table,
        progress: Progress | None,
        context: Callable[[], AbstractContextManager[object]],
    ) -> None:
        self.ledger = ledger
        self.header = header
        self.table = table
        self.progress = progress
        self.context = context
        self.stage = 0
        self.reports: list[NewReport] = []
        self.new_events: dict[str, str] = {}
        self.stored_types: dict[str, str] = {}
        self.sources: dict[str, GivenSource] = {}
        self.new_sources: dict[str, tuple[str, str | None]] = {}
        self.party_spellings: set[str] = set()
        self.id_order: list[int] | None = None

    def step(self) -> None:
        self.stage += 1
        if self.progress and not self.progress(self.stage, STAGES):
            raise Cancelled()

    def run(self) -> None:
        cells = self.cells()
        self.step()
        # The columns' checks, mostly Arrow's work without the GIL, run in a thread beside
        # the flows' reading, mostly Python's: 0.2 s of 1.9 at 400,000 rows; then the sort
        # of the reports' ids (for the writer, which inserts them in that order) beside the
        # making of the reports.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="column-checks") as pool:
            checked = pool.submit(self.beside(_checked_columns), cells)
            flows, flow_codes = _flows(cells)
            self.step()
            encoded = _whole(_report_ids(cells)).dictionary_encode()
            report_ids, report_codes = _decoded(encoded)
            firsts = _first_rows(report_codes)
            levels = pool.submit(self.beside(_check_levels), cells, firsts[report_codes])
            id_order = pool.submit(self.beside(_sort_order), encoded.dictionary)
            self.step()
            flows_of = _flows_of_reports(report_codes, len(report_ids), flows, flow_codes)
            source_keys = _source_keys(cells)
            values = checked.result()
            levels.result()
            self.step()
            at_firsts = _Picked(cells, pa.array(firsts))
            self.reports = _new_reports(at_firsts, values, report_ids, source_keys, flows_of)
            self.id_order = id_order.result()
        self.step()
        self.check_events(cells, values, at_firsts)
        self.check_sources(cells, values, source_keys)
        self.party_spellings = self.spellings(cells)
        self.step()

    def beside(self, work: Callable[P, T]) -> Callable[P, T]:
        """`work` as a thread beside the reading runs it: in the reading's context."""

        def in_context(*args: P.args, **kwargs: P.kwargs) -> T:
            with self.context():
                return work(*args, **kwargs)

        return in_context

    def cells(self) -> dict[str, pa.Array]:
        """Each column's cells as the careful reading sees them: formula guard removed,
        trimmed except the quote; a column the file lacks is empty. A row of blank
        cells has an empty event_id, which its check refuses."""
        rows = self.table.num_rows
        if rows == 0:
            raise _GiveUp()
        cells = {}
        for column in REPORT_COLUMNS:
            if column not in self.header:
                cells[column] = pa.repeat(pa.scalar("", pa.string()), rows)
                continue
            texts = self.table.column(self.header.index(column))
            if pc.any(pc.starts_with(texts, "'")).as_py():  # rare outside quotes
                guarded = pc.match_substring_regex(texts, GUARDED)
                texts = pc.if_else(guarded, pc.utf8_slice_codeunits(texts, 1), texts)
            cells[column] = texts if column == "quote" else _trimmed(texts)
        return cells

    def check_events(
        self, cells: dict[str, pa.Array], values: dict[str, dict[str, Any]], at_firsts: _Picked
    ) -> None:
        """One type per event, in the file and against the ledger."""
        types = values["event_type"]
        event_types = dict(
            zip(
                at_firsts.texts("event_id"),
                _typed(at_firsts.texts("event_type"), types),
                strict=True,
            )
        )
        if _combinations(cells, ["event_id", "event_type"]) != len(event_types):
            raise _GiveUp()
        stored = lookup(self.ledger.conn, "SELECT id, type FROM events", event_types)
        if any(event_types[event_id] != kind for event_id, kind in stored.items()):
            raise _GiveUp()
        if lookup(self.ledger.conn, "SELECT id, id FROM reports", self.report_ids()):
            raise _GiveUp()
        if lookup(self.ledger.conn, DELETED_REPORTS, self.report_ids()):
            raise _GiveUp()  # deleted reports: the careful reading says which
        self.new_events = {
            event_id: kind for event_id, kind in event_types.items() if event_id not in stored
        }
        self.stored_types = dict(stored)

    def report_ids(self) -> list[str]:
        return [report.report_id for report in self.reports]

    def check_sources(
        self, cells: dict[str, pa.Array], values: dict[str, dict[str, Any]], keys: pa.Array
    ) -> None:
        """Each source graded one way, by the file and by the ledger; the first mention
        of each gives its spelling."""
        graded = pa.table(
            {
                "key": keys,
                "kind": _mapped(cells["source_kind"], _value_in(values["source_kind"])),
                "grade": _mapped(cells["reliability"], _value_in(values["reliability"])),
            }
        )
        grades = graded.group_by(["key", "kind", "grade"]).aggregate([]).to_pylist()
        grade_of = {row["key"]: (row["kind"], row["grade"]) for row in grades}
        if len(grades) != len(grade_of):
            raise _GiveUp()
        named, codes = _encoded(keys)  # in the order of their first mention
        at_firsts = _Picked(cells, pa.array(_first_rows(codes)))
        parties = values["source_party"]
        for key, name, party in zip(
            named, at_firsts.texts("source_name"), at_firsts.texts("source_party"), strict=True
        ):
            self.sources[key] = GivenSource(name, parties.get(party, party), *grade_of[key])
        stored = dict(
            (row[0], (row[1], row[2]))
            for row in self.ledger.conn.execute("SELECT key, kind, reliability FROM sources")
        )
        for key, given in self.sources.items():
            if key in stored and stored[key] != (given.kind, given.reliability):
                raise _GiveUp()
        if not self.sources.keys().isdisjoint(former_names(self.ledger)):
            raise _GiveUp()  # a name a source had before a rename: the careful reading
        self.new_sources = {
            key: (given.name, given.party)
            for key, given in self.sources.items()
            if key not in stored
        }

    def spellings(self, cells: dict[str, pa.Array]) -> set[str]:
        """Every spelling of a party that the reports may use."""
        named = set(_distinct(cells["from_party"])).union(_distinct(cells["to_party"]))
        named.update(given.party for given in self.sources.values() if given.party)
        named.discard("")
        return named

    def fill(self, plan: ImportPlan) -> None:
        plan.reports = self.reports
        plan.id_order = self.id_order
        plan.new_events = self.new_events
        plan.stored_types = self.stored_types
        plan.sources = self.sources
        plan.new_sources = self.new_sources
        name_parties(self.ledger.parties(), plan, self.party_spellings)


class _Picked:
    """Some rows of the columns (the first row of each report, of each source)."""

    def __init__(self, cells: dict[str, pa.Array], rows: pa.Array) -> None:
        self.cells = cells
        self.rows = rows
        self._texts: dict[str, list[str]] = {}

    def texts(self, column: str) -> list[str]:
        """This column's texts at these rows, copied into Python once (the reports and
        the check of events both read the event ids)."""
        if column not in self._texts:
            picked = self.cells[column].take(self.rows)
            self._texts[column] = _shared(picked) if column in REPEATED else picked.to_pylist()
        return self._texts[column]

    def typed(self, column: str, values: dict[str, Any]) -> list[Any]:
        return _typed(self.texts(column), values)


# Report-level columns whose values repeat from report to report (an event's id for each
# of its reports, a date, a place, a grade, who recorded it).
REPEATED = frozenset(
    {"event_id", "event_type", "event_date", "location", "source_name", "source_party"}
    | {"published", "credibility", "recorded_by"}
)


def _shared(texts: pa.Array | pa.ChunkedArray) -> list[str]:
    """The texts as Python strings, each distinct one made once and shared by the rows
    that hold it: 300,000 reports otherwise make a string per report and column, memory
    that is slow to come by and that every later pass over the reports walks through."""
    distinct, codes = _encoded(texts)
    return list(map(distinct.__getitem__, codes.tolist()))


def _trimmed(texts: pa.ChunkedArray) -> pa.ChunkedArray:
    """The texts trimmed, or the very same column when no text has a space to trim (the
    usual case): a copy kept of each column, a 100 MB of new memory, took longer to
    come by than the trimming itself."""
    trimmed = pc.utf8_trim(texts, WHITESPACE)
    same = pc.all(pc.equal(pc.binary_length(trimmed), pc.binary_length(texts))).as_py()
    return texts if same is not False else trimmed


def _whole(texts: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One array of a column's texts (the cells keep the reader's chunks)."""
    return texts.combine_chunks() if isinstance(texts, pa.ChunkedArray) else texts


def _typed(texts: list[str], values: dict[str, Any]) -> list[Any]:
    """The value of each text, as `_checked` gives them."""
    return list(map(values.get, texts, texts))


def _value_in(values: dict[str, Any]) -> Callable[[str], Any]:
    return lambda text: values.get(text, text)


def _distinct(texts: pa.Array) -> list[str]:
    unique: list[str] = pc.unique(texts).to_pylist()
    return unique


def _encoded(texts: pa.Array | pa.ChunkedArray) -> tuple[list[str], np.ndarray]:
    """The distinct texts in the order they first appear, and each row's index into them."""
    return _decoded(_whole(texts).dictionary_encode())


def _decoded(encoded: pa.DictionaryArray) -> tuple[list[str], np.ndarray]:
    return encoded.dictionary.to_pylist(), encoded.indices.to_numpy()


def _sort_order(texts: pa.Array) -> list[int]:
    """The places of these texts in their sorted order: Arrow compares them byte by
    byte, which for UTF-8 is the order of their code points, as Python sorts strings."""
    order: list[int] = pc.sort_indices(texts).to_numpy().tolist()
    return order


def _first_rows(codes: np.ndarray) -> np.ndarray:
    """The first row of each code; codes numbered in the order they first appear."""
    return np.unique(codes, return_index=True)[1]


def _mapped(texts: pa.Array, function: Callable[[str], object]) -> pa.Array:
    """`function` of each row's text, called once per distinct text."""
    encoded = _whole(texts).dictionary_encode()
    images = pa.array([function(text) for text in encoded.dictionary.to_pylist()])
    return images.take(encoded.indices)


def _rows_of(
    cells: dict[str, pa.Array], columns: Sequence[str]
) -> tuple[list[tuple[Any, ...]], np.ndarray]:
    """The distinct combinations of these columns' cells, as tuples in the order they
    first appear, and each row's index into them."""
    texts = [cells[column] for column in columns]
    if any(pc.any(pc.match_substring(column, SEPARATOR)).as_py() for column in texts):
        raise _GiveUp()
    joined, codes = _encoded(pc.binary_join_element_wise(*texts, SEPARATOR))
    return [tuple(text.split(SEPARATOR)) for text in joined], codes


def _combinations(cells: dict[str, pa.Array], columns: list[str]) -> int:
    """How many distinct combinations of these columns' cells the rows hold."""
    table = pa.table({column: cells[column] for column in columns})
    return int(table.group_by(columns).aggregate([]).num_rows)


def _checked_columns(cells: dict[str, pa.Array]) -> dict[str, dict[str, Any]]:
    """The value of each distinct text of each checked column (see `_checked`)."""
    return {
        column: _checked(cells[column], check, WHOLE_COLUMN_CHECKS.get(column))
        for column, check in COLUMN_CHECKS.items()
    }


def _checked(
    texts: pa.Array,
    check: Callable[[str], object],
    whole: Callable[[pa.Array], bool] | None = None,
) -> dict[str, Any]:
    """The value of each distinct text of a column, where it is not the text itself
    (read them with `values.get(text, text)`); `whole`, where given, first tries all its
    non-empty texts at once (see WHOLE_COLUMN_CHECKS)."""
    if whole is not None:
        given = pc.filter(texts, pc.not_equal(texts, ""))
        if whole(given):
            return _checked_texts([""], check) if len(given) < len(texts) else {}
    return _checked_texts(_distinct(texts), check)


def _checked_texts(texts: Collection[str], check: Callable[[str], object]) -> dict[str, Any]:
    values = {}
    for text in texts:
        try:
            value = check(text)
        except Invalid:
            raise _GiveUp() from None
        if value != text:
            values[text] = value
    return values


def _flows(
    cells: dict[str, pa.Array],
) -> tuple[list[tuple[Flow, tuple[Any, ...]] | None], np.ndarray]:
    """The file's distinct flows, each with the key that tells two flows of one report
    apart (None for a row without a flow), and each row's index into them."""
    rows, codes = _rows_of(cells, FLOW_COLUMNS)
    stated = [row for row in rows if any(row)]
    values = [
        _checked([row[index] for row in stated], FLOW_CHECKS[column])
        for index, column in enumerate(FLOW_COLUMNS)
    ]
    keys: dict[tuple[str, str, str], FlowKey] = {}
    flows: dict[tuple[Any, ...], tuple[Flow, tuple[Any, ...]] | None] = dict.fromkeys(rows)
    for row in stated:
        category, from_party, to_party, count, qualifier = (
            column_values.get(text, text) for column_values, text in zip(values, row, strict=True)
        )
        from_key, to_key = name_key(from_party), name_key(to_party)
        if from_key == to_key:
            raise _GiveUp()
        key = keys.setdefault(
            (from_party, to_party, category), FlowKey(from_party, to_party, category)
        )
        flows[row] = (Flow(key, count, qualifier), (from_key, to_key, category))
    return list(map(flows.__getitem__, rows)), codes


def _report_ids(cells: dict[str, pa.Array]) -> pa.Array:
    given = cells["report_id"]
    if not pc.any(pc.equal(given, "")).as_py():
        return given
    blank = ("event_id", "source_name", "event_date", "quote")
    return pa.array(
        [
            report_id or blank_report_id(event_id, source, date, quote)
            for report_id, event_id, source, date, quote in zip(
                given.to_pylist(), *(cells[column].to_pylist() for column in blank), strict=True
            )
        ],
        pa.string(),
    )


def _check_levels(cells: dict[str, pa.Array], first_of_row: np.ndarray) -> None:
    """Every row repeats the report-level values of its report's first row, as the
    careful reading compares them."""
    rows = pa.array(first_of_row)
    for column in REPORT_LEVEL:
        texts = cells[column]
        if column in ("source_name", "source_party"):
            texts = _mapped(texts, name_key)
        if not pc.all(pc.equal(texts, texts.take(rows))).as_py():
            raise _GiveUp()


def _flows_of_reports(
    report_codes: np.ndarray,
    reports: int,
    flows: list[tuple[Flow, tuple[Any, ...]] | None],
    flow_codes: np.ndarray,
) -> list[tuple[Flow, ...]]:
    """Each report's flows in row order; one flow stated twice by a report gives up."""
    keys: dict[tuple[Any, ...], int] = {}
    key_codes = np.array(
        [-1 if flow is None else keys.setdefault(flow[1], len(keys)) for flow in flows]
    )[flow_codes]
    rows = np.flatnonzero(key_codes >= 0)
    of_report = report_codes[rows].astype(np.int64)
    stated = of_report * max(1, len(keys)) + key_codes[rows]
    ordered = np.sort(stated)  # a sort finds a repeat sooner than np.unique's hashing
    if (ordered[1:] == ordered[:-1]).any():
        raise _GiveUp()
    order = np.argsort(of_report, kind="stable")  # by report, in row order within each
    in_order = [flows[code][0] for code in flow_codes[rows[order]].tolist()]
    ends = np.cumsum(np.bincount(of_report, minlength=reports)).tolist()
    return [tuple(in_order[start:end]) for start, end in zip([0, *ends], ends, strict=False)]


def _source_keys(cells: dict[str, pa.Array]) -> pa.Array:
    """Each row's source key (its name and party, by key)."""
    pairs, codes = _rows_of(cells, ["source_name", "source_party"])
    return pa.array([source_key(*pair) for pair in pairs], pa.string()).take(codes)


def _new_reports(
    at_firsts: _Picked,
    values: dict[str, dict[str, Any]],
    report_ids: list[str],
    source_keys: pa.Array,
    flows_of: list[tuple[Flow, ...]],
) -> list[NewReport]:
    columns = (
        report_ids,
        at_firsts.texts("event_id"),
        _shared(source_keys.take(at_firsts.rows)),
        at_firsts.texts("event_date"),
        at_firsts.texts("location"),
        at_firsts.texts("quote"),
        at_firsts.texts("source_url"),
        at_firsts.texts("published"),
        at_firsts.typed("credibility", values["credibility"]),
        [text or None for text in at_firsts.texts("recorded_by")],
        at_firsts.typed("recorded_at", values["recorded_at"]),
        at_firsts.typed("updated_at", values["updated_at"]),
        flows_of,
    )
    # tuple.__new__ straight from C: NewReport._make is a call of Python per report.
    made: list[NewReport] = list(map(partial(tuple.__new__, NewReport), zip(*columns, strict=True)))
    return made
