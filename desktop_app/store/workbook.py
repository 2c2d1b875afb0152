"""`export --xlsx`: the exported CSV files as one workbook, a sheet per file, for recipients
who work in a spreadsheet. A CSV cannot say which cells are text: a spreadsheet opening
one guesses, runs `=…` as a formula, drops the zeros of `007` and turns names into dates.
In the workbook each cell has its type: numbers (the codebook's integer columns) are
numbers, every other cell — ids, names, quotes, dates and times (ISO text) — is a text
cell in the Text format, so no formula can run and nothing is guessed. Text cells hold
the values as recorded: the leading `'` the CSV files add against formulas is not needed.

The sheets are read from the CSV files the export has just written, so the workbook
holds exactly what they hold.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, BinaryIO

# openpyxl ships no type information (its stubs are a separate package).
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]

from .csvio import unescape_cell
from .export_readme import WORKBOOK_NAME

CELL_LIMIT = 32_767  # characters a spreadsheet cell holds (Excel's limit; LibreOffice's too)
ROW_LIMIT = 1_048_576  # rows a sheet holds in Excel and LibreOffice, the header included
TEXT_FORMAT = "@"  # the spreadsheet's "Text" number format: what is typed in stays text


def write_workbook(
    directory: Path,
    fields: dict[str, list[dict[str, Any]]],
    handle: BinaryIO,
    warn: Callable[[str], None],
) -> None:
    """Write into `handle` a sheet for each `NAME.csv` in `directory` that `fields` (the
    codebook: columns and types per file) describes, in its order."""
    with contextlib.ExitStack() as files:
        # Every file opened before the first sheet is begun: one that cannot be (a link
        # put in its place) stops the workbook before anything is written.
        opened = {
            name: files.enter_context(_open_csv(directory / f"{name}.csv")) for name in fields
        }
        book = Workbook(write_only=True)
        try:
            for name, columns in fields.items():
                _write_sheet(book, name, columns, opened[name], warn)
            book.save(handle)
        except BaseException:
            for sheet in book.worksheets:  # their writers stopped now, not when collected
                with contextlib.suppress(Exception):
                    sheet.close()
            raise


def _write_sheet(
    book: Workbook,
    name: str,
    columns: list[dict[str, Any]],
    source: IO[str],
    warn: Callable[[str], None],
) -> None:
    numeric = [column["type"] in ("integer", "number") for column in columns]
    # csvio has lifted the csv module's limit of 128 KiB a cell: a quote may be longer.
    sheet = book.create_sheet(title=name)
    rows = ([unescape_cell(cell) for cell in row] for row in csv.reader(source))
    header = next(rows)
    sheet.append([_text_cell(sheet, column, bold=True) for column in header])
    number = 1
    for number, row in enumerate(rows, start=2):
        cells = []
        for column, is_number, value in zip(header, numeric, row, strict=True):
            if is_number:
                cells.append(int(value) if value else None)
            else:
                cells.append(_text_cell(sheet, _fit(value, name, number, column, warn)))
        sheet.append(cells)
    if number > ROW_LIMIT:
        warn(
            f"{name}.csv: {number:,} rows, more than a spreadsheet shows in one sheet"
            f" ({ROW_LIMIT:,}); the CSV file holds them all"
        )


def _open_csv(path: Path) -> IO[str]:
    """A file the export wrote, for reading; a link put in its place since is not followed
    (O_NOFOLLOW), so nothing from outside the folder enters the workbook."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    return open(descriptor, newline="", encoding="utf-8")


_BOLD = Font(bold=True)


def _text_cell(sheet: object, value: str, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"  # openpyxl makes a formula of a text that begins with '='
    cell.number_format = TEXT_FORMAT
    if bold:
        cell.font = _BOLD
    return cell


# Characters XML cannot hold (controls, and the noncharacters U+FFFE and U+FFFF, which
# make the whole sheet unreadable), or holds only in a changed form (a carriage return
# comes back as a line feed), are written as OOXML escapes, `_xHHHH_`, which spreadsheets
# decode; a text that holds such an escape literally has its `_` escaped in turn (`_x005F_`).
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_LOOKS_ESCAPED = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def _ooxml_escape(text: str) -> str:
    text = _LOOKS_ESCAPED.sub("_x005F_", text)
    return _UNSAFE.sub(lambda match: f"_x{ord(match.group()):04X}_", text)


def _fit(value: str, name: str, row: int, column: str, warn: Callable[[str], None]) -> str:
    """A text as a cell holds it; a text too long for a cell is cut, with a warning."""
    if len(value) > CELL_LIMIT:
        warn(
            f"{name}.csv row {row}, column {column}: {len(value):,} characters, more than"
            f" a spreadsheet cell holds; cut to {CELL_LIMIT:,} in the workbook (the CSV file"
            " holds it whole)"
        )
        value = value[:CELL_LIMIT]
    return _ooxml_escape(value) if "_x" in value or _UNSAFE.search(value) else value


def save_workbook(
    directory: Path,
    fields: dict[str, list[dict[str, Any]]],
    open_new: Callable[[Path], tuple[int, Path]],
    warn: Callable[[str], None],
) -> None:
    """The workbook written beside its final name by `open_new` and renamed into place."""
    path = directory / WORKBOOK_NAME
    handle_fd, temporary = open_new(path)
    try:
        with os.fdopen(handle_fd, "wb") as handle:
            write_workbook(directory, fields, handle, warn)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
