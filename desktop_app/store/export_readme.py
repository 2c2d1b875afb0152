"""README.txt of an export folder: for the person who receives it, what each file is, how
to read the files without damaging them, and how to send corrections back.

The same text every time (no date, no counts), so that exporting a ledger twice, or
exporting a ledger restored from an export folder, writes the same bytes.
"""

from __future__ import annotations

README_NAME = "README.txt"
WORKBOOK_NAME = "exchange-ledger.xlsx"  # written with `export --xlsx` only

# Each file of an export folder, and what it is.
FILES = {
    "reports.csv": (
        "One row per flow of a report (a report without flows is one row with the flow"
        " columns empty): what each source said about an event, as recorded. This is also"
        " the file Exchange Ledger imports."
    ),
    "events.csv": (
        "One row per event flow (or per event without flows): the event's date, location"
        " and status (single, consistent, conflict, resolved, reopened), and best, low and"
        " high of each flow - the decided value where a decision is in force, else the"
        " median, minimum and maximum of the reports stating the flow - with the decision"
        " in force. warnings is reversed_direction on the two rows of a possible reversed"
        " direction (two reports give opposite directions with equal counts, and neither"
        " the other direction: one may be garbled) that no reviewer has decided or"
        " dismissed; while it stands, low is 0 on both rows (one of the two flows may not"
        " have happened)."
    ),
    "sources.csv": "One row per source: name, kind, party, reliability (A-F), reports.",
    "balance.csv": (
        "One row per date, category and party on which an exchange event has a flow of"
        " that category to or from that party: the persons the party received and handed"
        " over up to and including that date, over exchange events only, in best, low and"
        " high."
    ),
    "resolutions.csv": (
        "One row per reviewer's decision on the events of this folder, with its rationale,"
        " who and when, and its state (in_force, superseded or withdrawn). An event whose"
        " reports were all deleted is in no file here, and neither are its decisions."
    ),
    "evidence.csv": (
        "One row per evidence file of a report: its SHA-256, original name, media type,"
        " size, the day the researcher accessed the source, an archive URL and a note as"
        " they typed them, who added it and when."
    ),
    "datapackage.json": (
        "A Frictionless Data Package, the codebook: every column of every file described,"
        " with its type, units and allowed values; each file's keys; the ledger's schema"
        " version and the time of the export."
    ),
    README_NAME: "This file.",
    WORKBOOK_NAME: (
        "Only when asked for (export --xlsx): the CSV files above as one workbook, a sheet"
        " per file, every id and text cell typed as text (no formula runs, leading zeros"
        " stay), dates as ISO text, numbers as numbers. Open this one in a spreadsheet"
        " rather than the CSV files."
    ),
}


def _wrap(text: str, width: int, indent: str) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(indent) + len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _files() -> str:
    column = max(map(len, FILES)) + 2
    lines = []
    for name, what in FILES.items():
        first, *rest = _wrap(what, 78, " " * column)
        lines.append(name.ljust(column) + first)
        lines.extend(" " * column + line for line in rest)
    return "\n".join(lines)


README_TEXT = f"""\
Exchange Ledger export
======================

This folder was written by Exchange Ledger (exchange-ledger export). It holds
sourced reports of exchanges of prisoners of war, bodies and civilians between
the parties of a conflict, the events they describe, the reviewers' decisions
and the cumulative balance of each party.

The files
---------
{_files()}

All CSV files: UTF-8 without BOM, comma-separated, CRLF line ends, RFC 4180
quoting, a header row. Dates are YYYY-MM-DD, or YYYY-MM / YYYY where a source
was vaguer; times are UTC, YYYY-MM-DDTHH:MM:SSZ; counts are whole numbers.

Reading the files without damage
--------------------------------
Read every cell as text and let no program guess: ids such as 007 lose their
zeros, "NA" or "null" become missing values, names become dates or numbers.

- pandas:
    pandas.read_csv("events.csv", dtype=str, keep_default_na=False)
  then convert the columns you compute with (best, low, high, counts).
- frictionless: "frictionless validate datapackage.json" checks every file
  against its description; Data Package readers take the types from it.
- LibreOffice Calc: open the file as "Text CSV", Character set "Unicode
  (UTF-8)", separated by Comma, and set the column type of the id and text
  columns (report_id, event_id, source_id, names, parties, location, quote,
  rationale) to "Text" before pressing OK. Excel: Data > From Text/CSV, File
  origin "65001: Unicode (UTF-8)", then set those columns to Text.
- When you save a CSV from a spreadsheet, choose UTF-8 again: a default such as
  Windows-1252 turns letters it cannot hold (Cyrillic, for one) into "?".
  A cell holds at most 32,767 characters: a longer quote is cut.

Evidence files
--------------
With export --with-evidence, the folder evidence/ holds the files that back the
reports (saved pages, screenshots, videos), each named by the SHA-256 of its
bytes; evidence.csv says which report each backs. To check them:
    sha256sum evidence/*
and compare each hash with the file's name. A matching hash proves the bytes
are those the researcher added; it does not prove that the source published
them, nor when: the accessed date and archive URL in evidence.csv record that.

The leading ' rule
------------------
A cell that begins with =, +, -, @, a tab, a carriage return or ' is written
with one more ' in front of it, so that no spreadsheet runs it as a formula.
To get the value as recorded, remove the first ' of a cell where the next
character is one of those. Exchange Ledger's import does this itself, so leave
the ' in place in a file you send back.

Sending corrections back
------------------------
- New reports (a source the ledger lacks, another account of an event): add
  rows to reports.csv with report_id blank (or an id of your own) and the
  event_id of the event they describe, and send the file back. Its owner
  imports it (exchange-ledger import LEDGER.db reports.csv): the new reports
  join their events by event_id, and any disagreement goes to the review
  queue. The rows of this export's own reports are skipped only while the
  ledger holds those reports as they are here: if the owner has edited one of
  them since the export, the import refuses the whole file (and names that
  report). So send back only your new rows, under the header row.
- Changes to a report: edit its rows in reports.csv, keep its report_id as it
  is, and set its updated_at to the time of your edit (UTC). A changed report
  is not imported over the one the ledger holds (the import refuses it, so
  nothing is overwritten by mistake): import the file into a ledger of your own
  (exchange-ledger import MINE.db reports.csv) and send MINE.db; the owner
  merges it (exchange-ledger merge LEDGER.db MINE.db), which keeps the newer
  edit of each report, by updated_at, and records the other.
- If you keep a ledger of your own, send a copy of it (exchange-ledger copy
  MINE.db COPY.db) to be merged the same way.

Restoring the ledger
--------------------
This folder holds the whole ledger. exchange-ledger import NEW.db DIR (DIR is
this folder) restores it into a new file: every source, report and decision as
it was, and each event's status, with one exception; exporting that file again
writes the same files. The exception: a folder cannot carry which decisions a
merge brought (a merged decision that differs from the one in force reopens
its field), so an event reopened for that reason comes back resolved or
conflict, and the import names it in a warning. Imported into a ledger that
already has data, the folder adds its reports, then its decisions, to it.
"""


def readme_bytes() -> bytes:
    """README.txt as written: UTF-8, CRLF line ends like the CSV files beside it."""
    return README_TEXT.replace("\n", "\r\n").encode("utf-8")
