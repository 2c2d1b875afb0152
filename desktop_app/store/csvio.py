"""CSV as PRODUCT.md fixes it: UTF-8 without BOM, comma, CRLF, RFC 4180 quoting, and
cells that a spreadsheet would run as a formula written with one more leading `'`."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..domain.validation import FieldProblem

# A quote is free text of any length (a whole article pasted as one); the csv module
# stops at 128 KiB by default, in every reader of the process: the import's, the
# workbook's, and the search for a spreadsheet's damage (a long quote in a file with a
# '???' somewhere ended the import in a traceback). Set for all of them, once.
csv.field_size_limit(sys.maxsize)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def escape_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unescape_cell(text: str) -> str:
    """Remove the first `'` only where the next character is one that escaping guards."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def open_for_export(path: Path) -> IO[str]:
    return path.open("w", encoding="utf-8", newline="")


def writer(handle: IO[str]) -> csv._writer:  # type: ignore[name-defined]
    return csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)


def write_rows(handle: IO[str], header: Iterable[str], rows: Iterable[Iterable[object]]) -> int:
    out = writer(handle)
    out.writerow(header)
    written = 0
    for row in rows:
        out.writerow([escape_cell(value) for value in row])
        written += 1
    return written


def rows_text(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    write_rows(buffer, header, rows)
    return buffer.getvalue()


class CsvRows:
    """The records of a CSV file, each with its row number (the header is row 1).

    Bytes that are not UTF-8 are kept as surrogates so that the error can name the
    row and column where they stand; `problems` collects what cannot be read at all.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.clean = b"\x00" not in data  # and all UTF-8: no cell needs a check of its own
        self.errors = "strict"
        self.problems: list[FieldProblem] = []

    def read(self) -> list[list[str]]:
        """Every record, the header first (record n is row n + 1), in one pass of the csv
        module; up to the first unreadable one, which `problems` then names."""
        try:
            return list(self._reader())
        except UnicodeDecodeError:
            self.clean = False
            self.errors = "surrogateescape"  # kept, for the cells to name
        except csv.Error:
            pass
        try:
            return list(self._reader())
        except csv.Error:
            pass
        records = []
        reader = self._reader()
        while True:
            try:
                records.append(next(reader))
            except StopIteration:
                return records
            except csv.Error as error:
                row = len(records) + 1
                self.problems.append(FieldProblem(row, "", f"not readable as CSV: {error}"))
                return records

    def _reader(self) -> Iterator[list[str]]:
        """Decoded as it is read (a decoded copy of a large file costs time and memory);
        "utf-8-sig" drops a leading BOM."""
        text = io.TextIOWrapper(
            io.BytesIO(self.data), encoding="utf-8-sig", errors=self.errors, newline=""
        )
        return csv.reader(text, strict=True)


def separator_problem(header: list[str]) -> str | None:
    """Why a header read as one column is not one: a spreadsheet in a locale whose lists
    take semicolons saved its CSV with them (or a tab-separated file was given)."""
    if len(header) != 1:
        return None
    for separator, name in ((";", "semicolons"), ("\t", "tabs")):
        if separator in header[0]:
            return (
                f"the columns are separated by {name}, not by commas: save the file again"
                " with ',' as its field delimiter"
            )
    return None


def cell_problem(text: str) -> str | None:
    """Why a raw cell cannot be taken at all, if it cannot."""
    if any("\udc80" <= char <= "\udcff" for char in text):
        return "holds bytes that are not UTF-8 (save the file as UTF-8)"
    if "\x00" in text:
        return "holds a NUL character"
    return None
