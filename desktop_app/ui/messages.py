"""The messages of the domain and the store in the window's language.

The domain and the store write their messages in English (validation, dates, the rows
and columns of an imported file, an export folder read back, a decision the ledger
refuses); the command line prints them so. Here each is matched by a pattern and
rebuilt from its translation's template, which lupdate sees (`QT_TRANSLATE_NOOP`): the
parts a message copies from the data (a file's value, a column's name, an id) stay as
they are. A message that no pattern knows is shown as written, and in English every
message comes out exactly as written.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.validation import FieldProblem
from ..store.folder_files import FolderProblem
from .i18n import number
from .words import field_label_text

translate = QCoreApplication.translate

# What a message of a value outside its list names (its `{what}`, translated).
_CHOSEN = "event type|category|count qualifier|source kind|reliability|field|state"
# Each message, with the template of its translation; {names} are the parts copied over
# from the English message.
_MESSAGES: tuple[tuple[str, str], ...] = (
    (
        r"'(?P<text>.*)' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY",
        QT_TRANSLATE_NOOP("Messages", "'{text}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"),
    ),
    (
        r"'(?P<text>.*)' is not a real date: there is no month (?P<month>\d+)",
        QT_TRANSLATE_NOOP("Messages", "'{text}' is not a real date: there is no month {month}"),
    ),
    (
        r"'(?P<text>.*)' is not a real date: (?P<month>\d+-\d+) has (?P<days>\d+) days",
        QT_TRANSLATE_NOOP("Messages", "'{text}' is not a real date: {month} has {days} days"),
    ),
    (
        r"'(?P<text>.*)' is not a real date",
        QT_TRANSLATE_NOOP("Messages", "'{text}' is not a real date"),
    ),
    (
        r"'(?P<text>.*)' is in the future \(today is (?P<today>[\d-]+)\)",
        QT_TRANSLATE_NOOP("Messages", "'{text}' is in the future (today is {today})"),
    ),
    (
        r"date is required \(YYYY-MM-DD, YYYY-MM or YYYY\)",
        QT_TRANSLATE_NOOP("Messages", "date is required (YYYY-MM-DD, YYYY-MM or YYYY)"),
    ),
    (r"source is required", QT_TRANSLATE_NOOP("Messages", "source is required")),
    (r"from party is required", QT_TRANSLATE_NOOP("Messages", "from party is required")),
    (r"to party is required", QT_TRANSLATE_NOOP("Messages", "to party is required")),
    (r"count is required", QT_TRANSLATE_NOOP("Messages", "count is required")),
    (
        r"count is '(?P<value>.*)': a whole number such as 1245 or 1,245",
        QT_TRANSLATE_NOOP("Messages", "count is '{value}': a whole number such as 1245 or 1,245"),
    ),
    (
        r"count is '(?P<value>.*)': write a plain non-negative whole number, without separators"
        r" or signs \(1212, not 1,212\)",
        QT_TRANSLATE_NOOP(
            "Messages",
            "count is '{value}': write a plain non-negative whole number, without separators or"
            " signs (1212, not 1,212)",
        ),
    ),
    (
        r"count is (?P<value>\S+): more than (?P<limit>[\d,]+) is not a plausible count",
        QT_TRANSLATE_NOOP(
            "Messages", "count is {value}: more than {limit} is not a plausible count"
        ),
    ),
    (
        r"from and to are both '(?P<party>.*)': a flow goes between two parties",
        QT_TRANSLATE_NOOP(
            "Messages", "from and to are both '{party}': a flow goes between two parties"
        ),
    ),
    (
        r"URL '(?P<value>.*)' must start with http:// or https:// and hold no spaces",
        QT_TRANSLATE_NOOP(
            "Messages", "URL '{value}' must start with http:// or https:// and hold no spaces"
        ),
    ),
    (
        r"(?P<what>source|source party|party|from party|to party|name|source_name|source_party"
        r"|from_party|to_party) '(?P<value>.*)' mixes Latin"
        r" and Cyrillic letters: the word '(?P<word>.*)' has the (?P<script>Latin|Cyrillic)"
        r" letter '(?P<letter>.)' \((?P<code>U\+[0-9A-F]+) (?P<name>[^)]*)\)",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{what} '{value}' mixes Latin and Cyrillic letters: the word '{word}' has the"
            " {script} letter '{letter}' ({code} {name})",
        ),
    ),
    (
        r"a rationale is required: say why this value was decided",
        QT_TRANSLATE_NOOP("Messages", "a rationale is required: say why this value was decided"),
    ),
    (
        r"no report states (?P<flow>.+)",
        QT_TRANSLATE_NOOP("Messages", "no report states {flow}"),
    ),
    (
        r"there is no report (?P<report>.+)",
        QT_TRANSLATE_NOOP("Messages", "there is no report {report}"),
    ),
    (
        r"the report states (?P<flow>.+) twice",
        QT_TRANSLATE_NOOP("Messages", "the report states {flow} twice"),
    ),
    # A file being imported: its values, its rows and its columns. Column names and the
    # file's values stay as the file has them.
    (
        rf"(?P<what>{_CHOSEN}) is empty: use one of (?P<allowed>.+)",
        QT_TRANSLATE_NOOP("Messages", "{what} is empty: use one of {allowed}"),
    ),
    (
        rf"(?P<what>{_CHOSEN}) is '(?P<value>.*)': use one of (?P<allowed>.+)",
        QT_TRANSLATE_NOOP("Messages", "{what} is '{value}': use one of {allowed}"),
    ),
    (
        r"credibility is '(?P<value>.*)': use a grade from 1 to 6",
        QT_TRANSLATE_NOOP("Messages", "credibility is '{value}': use a grade from 1 to 6"),
    ),
    (r"location is required", QT_TRANSLATE_NOOP("Messages", "location is required")),
    (
        r"(?P<column>[a-z_]+) is required",
        QT_TRANSLATE_NOOP("Messages", "{column} is required"),
    ),
    (
        r"'(?P<text>.*)' is in the future \(it is now (?P<now>\S+)\)",
        QT_TRANSLATE_NOOP("Messages", "'{text}' is in the future (it is now {now})"),
    ),
    (
        r"'(?P<text>.*)' is not a UTC time: use YYYY-MM-DDTHH:MM:SSZ",
        QT_TRANSLATE_NOOP("Messages", "'{text}' is not a UTC time: use YYYY-MM-DDTHH:MM:SSZ"),
    ),
    (
        r"'(?P<text>.*)' is not a real time",
        QT_TRANSLATE_NOOP("Messages", "'{text}' is not a real time"),
    ),
    (
        r"seq is (?P<value>\S+): more than (?P<limit>[\d,]+), the largest number a ledger holds",
        QT_TRANSLATE_NOOP(
            "Messages", "seq is {value}: more than {limit}, the largest number a ledger holds"
        ),
    ),
    (
        r"seq is '(?P<value>.*)': a plain non-negative whole number",
        QT_TRANSLATE_NOOP("Messages", "seq is '{value}': a plain non-negative whole number"),
    ),
    (
        r"has (?P<cells>\d+) cells where the header has (?P<header>\d+)",
        QT_TRANSLATE_NOOP("Messages", "has {cells} cells where the header has {header}"),
    ),
    (
        r"holds bytes that are not UTF-8 \(save the file as UTF-8\)",
        QT_TRANSLATE_NOOP("Messages", "holds bytes that are not UTF-8 (save the file as UTF-8)"),
    ),
    (r"holds a NUL character", QT_TRANSLATE_NOOP("Messages", "holds a NUL character")),
    (
        r"not readable as CSV: (?P<error>.*)",
        QT_TRANSLATE_NOOP("Messages", "not readable as CSV: {error}"),
    ),
    (
        r"the file is empty: a header row is required",
        QT_TRANSLATE_NOOP("Messages", "the file is empty: a header row is required"),
    ),
    (
        r"the required column '(?P<column>.*)' is missing",
        QT_TRANSLATE_NOOP("Messages", "the required column '{column}' is missing"),
    ),
    (
        r"the column '(?P<column>.*)' appears twice",
        QT_TRANSLATE_NOOP("Messages", "the column '{column}' appears twice"),
    ),
    (
        r"unknown column '(?P<column>.*)'",
        QT_TRANSLATE_NOOP("Messages", "unknown column '{column}'"),
    ),
    (
        r"and (?P<count>\d+) more problems with the columns",
        QT_TRANSLATE_NOOP("Messages", "and {count} more problems with the columns"),
    ),
    (
        r"differs from row (?P<row>\d+) of the same report (?P<report>.+?) \('(?P<value>.*)'\)",
        QT_TRANSLATE_NOOP(
            "Messages", "differs from row {row} of the same report {report} ('{value}')"
        ),
    ),
    (
        r"report (?P<report>.+?) already states (?P<flow>.+) at row (?P<row>\d+)",
        QT_TRANSLATE_NOOP("Messages", "report {report} already states {flow} at row {row}"),
    ),
    (
        r"source '(?P<source>.+?)' was renamed or merged in this ledger; its reports go to"
        r" '(?P<target>.+)'",
        QT_TRANSLATE_NOOP(
            "Messages",
            "source '{source}' was renamed or merged in this ledger; its reports go to '{target}'",
        ),
    ),
    (
        r"report (?P<report>.+) was deleted from this ledger; it is not brought back",
        QT_TRANSLATE_NOOP(
            "Messages", "report {report} was deleted from this ledger; it is not brought back"
        ),
    ),
    (
        r"report (?P<report>.+?) is already in the database with other content"
        r" \((?P<differences>.*)\); edits travel by merge, not import",
        QT_TRANSLATE_NOOP(
            "Messages",
            "report {report} is already in the database with other content ({differences});"
            " edits travel by merge, not import",
        ),
    ),
    (
        r"report (?P<report>.+?) says the same here and in the file, recorded apart"
        r" \((?P<differences>.*)\); kept as recorded here",
        QT_TRANSLATE_NOOP(
            "Messages",
            "report {report} says the same here and in the file, recorded apart"
            " ({differences}); kept as recorded here",
        ),
    ),
    (
        r"report (?P<report>.+?) and 1 more report say the same here and in the file,"
        r" recorded apart \((?P<differences>.*)\); kept as recorded here",
        QT_TRANSLATE_NOOP(
            "Messages",
            "report {report} and 1 more report say the same here and in the file, recorded"
            " apart ({differences}); kept as recorded here",
        ),
    ),
    (
        r"report (?P<report>.+?) and (?P<more>[\d,]+) more reports say the same here and in"
        r" the file, recorded apart \((?P<differences>.*)\); kept as recorded here",
        QT_TRANSLATE_NOOP(
            "Messages",
            "report {report} and {more} more reports say the same here and in the file,"
            " recorded apart ({differences}); kept as recorded here",
        ),
    ),
    (
        r"event (?P<event>.+?) is '(?P<known>.*)' in (?P<origin>the database|row \d+ of this"
        r" file); an event has one type",
        QT_TRANSLATE_NOOP("Messages", "event {event} is '{known}' {origin}; an event has one type"),
    ),
    (
        r"source '(?P<source>.*)' is '(?P<kind>.*)' in (?P<origin>the database|row \d+);"
        r" '(?P<given>.*)' ignored",
        QT_TRANSLATE_NOOP("Messages", "source '{source}' is '{kind}' {origin}; '{given}' ignored"),
    ),
    (
        r"source '(?P<source>.*)' is graded (?P<grade>\S+) in (?P<origin>the database|row \d+);"
        r" (?P<given>\S+) ignored",
        QT_TRANSLATE_NOOP(
            "Messages", "source '{source}' is graded {grade} {origin}; {given} ignored"
        ),
    ),
    (
        r"'\?\?\?' where there may have been letters: a spreadsheet saved in a legacy encoding"
        r" writes '\?' for each letter it cannot hold; save as UTF-8 and import again",
        QT_TRANSLATE_NOOP(
            "Messages",
            "'???' where there may have been letters: a spreadsheet saved in a legacy encoding"
            " writes '?' for each letter it cannot hold; save as UTF-8 and import again",
        ),
    ),
    (
        r"a ' followed by a line feed: a spreadsheet turned the guarded carriage return into a"
        r" line feed, so the ' stays in the text",
        QT_TRANSLATE_NOOP(
            "Messages",
            "a ' followed by a line feed: a spreadsheet turned the guarded carriage return into"
            " a line feed, so the ' stays in the text",
        ),
    ),
    (
        r"exactly (?P<limit>[\d,]+) characters, all a spreadsheet cell holds: cut\?",
        QT_TRANSLATE_NOOP(
            "Messages", "exactly {limit} characters, all a spreadsheet cell holds: cut?"
        ),
    ),
    # An export folder read back (`import-folder`), and decisions checked against the ledger.
    (
        r"is missing: (?P<folder>.+) is not an export folder \(it has no (?P<file>[^()]+)\)",
        QT_TRANSLATE_NOOP(
            "Messages", "is missing: {folder} is not an export folder (it has no {file})"
        ),
    ),
    (
        r"the same id as row (?P<row>\d+)",
        QT_TRANSLATE_NOOP("Messages", "the same id as row {row}"),
    ),
    (
        r"the same name and party as row (?P<row>\d+)",
        QT_TRANSLATE_NOOP("Messages", "the same name and party as row {row}"),
    ),
    (
        r"a direction decision has the value '(?P<dismissed>.*)', not '(?P<value>.*)'",
        QT_TRANSLATE_NOOP(
            "Messages", "a direction decision has the value '{dismissed}', not '{value}'"
        ),
    ),
    (
        r"a date decision names no flow",
        QT_TRANSLATE_NOOP("Messages", "a date decision names no flow"),
    ),
    (
        r"a location decision names no flow",
        QT_TRANSLATE_NOOP("Messages", "a location decision names no flow"),
    ),
    (
        r"could not be read, so the restored statuses are unchecked",
        QT_TRANSLATE_NOOP("Messages", "could not be read, so the restored statuses are unchecked"),
    ),
    (
        r"seq (?P<seq>\d+) is also the place of a decision: each write has its own",
        QT_TRANSLATE_NOOP(
            "Messages", "seq {seq} is also the place of a decision: each write has its own"
        ),
    ),
    (
        r"seq (?P<seq>\d+) is also the place of report (?P<report>.+): each write has its own",
        QT_TRANSLATE_NOOP(
            "Messages", "seq {seq} is also the place of report {report}: each write has its own"
        ),
    ),
    (
        r"source '(?P<source>.*)' is (?P<kind>\S+), (?P<grade>\S+) here and (?P<given_kind>\S+),"
        r" (?P<given_grade>\S+) in (?P<reports>\S+); (?P<sources>\S+) is kept",
        QT_TRANSLATE_NOOP(
            "Messages",
            "source '{source}' is {kind}, {grade} here and {given_kind}, {given_grade} in"
            " {reports}; {sources} is kept",
        ),
    ),
    (
        r"report (?P<report>.+?) was changed by another program since it was opened for"
        r" editing; nothing was saved, so as not to undo that change",
        QT_TRANSLATE_NOOP(
            "Messages",
            "report {report} was changed by another program since it was opened for editing;"
            " nothing was saved, so as not to undo that change",
        ),
    ),
    (
        r"the folder has no (?P<folder>\S+) \(exported without the evidence files\): its"
        r" records are added without their files \((?P<count>[\d,]+)\); 'evidence verify'"
        r" names them",
        QT_TRANSLATE_NOOP(
            "Messages",
            "the folder has no {folder} (exported without the evidence files): its records are"
            " added without their files ({count}); Verify evidence files names them",
        ),
    ),
    (
        r"the file is neither in (?P<folder>\S+) nor in this ledger's evidence folder: the"
        r" record is added without it \('evidence verify' names it\)",
        QT_TRANSLATE_NOOP(
            "Messages",
            "the file is neither in {folder} nor in this ledger's evidence folder: the record is"
            " added without it (Verify evidence files names it)",
        ),
    ),
    (
        r"withdrawn in the folder, but withdrawn and reinstated here too, which may be the"
        r" later change: kept in force here",
        QT_TRANSLATE_NOOP(
            "Messages",
            "withdrawn in the folder, but withdrawn and reinstated here too, which may be the"
            " later change: kept in force here",
        ),
    ),
    (
        r"event (?P<event>.+?) has no report in (?P<reports>\S+) or in this ledger",
        QT_TRANSLATE_NOOP("Messages", "event {event} has no report in {reports} or in this ledger"),
    ),
    (
        r"report (?P<report>.+?) is neither in (?P<reports>\S+) nor in this ledger",
        QT_TRANSLATE_NOOP("Messages", "report {report} is neither in {reports} nor in this ledger"),
    ),
    (
        r"the decision comes back (?P<now>\S+), not (?P<state>\S+)",
        QT_TRANSLATE_NOOP("Messages", "the decision comes back {now}, not {state}"),
    ),
    (
        r"event (?P<event>.+?) comes back (?P<now>\S+), not (?P<status>\S+): the folder was"
        r" edited, or a merge brought one of its decisions into the exported ledger \(a merged"
        r" decision that differs reopens its field; the folder does not say which decisions"
        r" were merged\)",
        QT_TRANSLATE_NOOP(
            "Messages",
            "event {event} comes back {now}, not {status}: the folder was edited, or a merge"
            " brought one of its decisions into the exported ledger (a merged decision that"
            " differs reopens its field; the folder does not say which decisions were merged)",
        ),
    ),
    (
        r"there is no event (?P<event>.+)",
        QT_TRANSLATE_NOOP("Messages", "there is no event {event}"),
    ),
    (
        r"no report of event (?P<event>.+?) states a flow (?P<flow>.+)",
        QT_TRANSLATE_NOOP("Messages", "no report of event {event} states a flow {flow}"),
    ),
    (
        r"event (?P<event>.+?) has no possible reversed direction to dismiss",
        QT_TRANSLATE_NOOP(
            "Messages", "event {event} has no possible reversed direction to dismiss"
        ),
    ),
    (
        r"'(?P<field>.*)' is not a field that can be decided",
        QT_TRANSLATE_NOOP("Messages", "'{field}' is not a field that can be decided"),
    ),
    (
        r"report (?P<report>.+?) is not a report of event (?P<event>.+)",
        QT_TRANSLATE_NOOP("Messages", "report {report} is not a report of event {event}"),
    ),
    (
        r"report (?P<report>.+?) does not state (?P<value>.+) for (?P<flow>.+) \(it states"
        r" nothing\)",
        QT_TRANSLATE_NOOP(
            "Messages", "report {report} does not state {value} for {flow} (it states nothing)"
        ),
    ),
    (
        r"report (?P<report>.+?) does not state (?P<value>.+) for (?P<flow>.+) \(it states"
        r" (?P<stated>.+)\)",
        QT_TRANSLATE_NOOP(
            "Messages", "report {report} does not state {value} for {flow} (it states {stated})"
        ),
    ),
    (
        r"(?P<inner>report .+? does not state .+), though it was written before the decision:"
        r" the folder was edited, or a merge brought the decision into the exported ledger",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{inner}, though it was written before the decision: the folder was edited, or a"
            " merge brought the decision into the exported ledger",
        ),
    ),
    (
        r"the columns are separated by semicolons, not by commas: save the file again with ','"
        r" as its field delimiter",
        QT_TRANSLATE_NOOP(
            "Messages",
            "the columns are separated by semicolons, not by commas: save the file again with"
            " ',' as its field delimiter",
        ),
    ),
    (
        r"the columns are separated by tabs, not by commas: save the file again with ',' as"
        r" its field delimiter",
        QT_TRANSLATE_NOOP(
            "Messages",
            "the columns are separated by tabs, not by commas: save the file again with ','"
            " as its field delimiter",
        ),
    ),
    # A ledger file that cannot be opened, upgraded, written or copied. The more
    # particular message of each kind comes first.
    (
        r"(?P<path>.+): there is not enough space on the disk; nothing was changed\. Free some"
        r" space and try again\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path}: there is not enough space on the disk; nothing was changed. Free some space"
            " and try again.",
        ),
    ),
    (
        r"(?P<path>.+) is not an Exchange Ledger file \(not a SQLite database\)\.",
        QT_TRANSLATE_NOOP(
            "Messages", "{path} is not an Exchange Ledger file (not a SQLite database)."
        ),
    ),
    (
        r"(?P<path>.+) is damaged: its header is cut short\.",
        QT_TRANSLATE_NOOP("Messages", "{path} is damaged: its header is cut short."),
    ),
    (
        r"(?P<path>.+) is damaged: its header names an impossible page size\.",
        QT_TRANSLATE_NOOP(
            "Messages", "{path} is damaged: its header names an impossible page size."
        ),
    ),
    (
        r"(?P<path>.+) is damaged: the file is shorter than it should be\.",
        QT_TRANSLATE_NOOP("Messages", "{path} is damaged: the file is shorter than it should be."),
    ),
    (
        r"(?P<path>.+?) is damaged or not a database: (?P<error>.+)\.",
        QT_TRANSLATE_NOOP("Messages", "{path} is damaged or not a database: {error}."),
    ),
    (
        r"(?P<path>.+?) is damaged: (?P<error>.+)\.",
        QT_TRANSLATE_NOOP("Messages", "{path} is damaged: {error}."),
    ),
    (
        r"(?P<path>.+) is a folder, not an Exchange Ledger file\.",
        QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not an Exchange Ledger file."),
    ),
    (
        r"(?P<path>.+) is not a regular file \(a pipe, a device or a socket\), not an"
        r" Exchange Ledger file\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} is not a regular file (a pipe, a device or a socket), not an Exchange"
            " Ledger file.",
        ),
    ),
    (
        r"(?P<path>.+) is not an Exchange Ledger file \(its schema version, (?P<version>-?\d+),"
        r" is not one this program writes\)\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} is not an Exchange Ledger file (its schema version, {version}, is not one"
            " this program writes).",
        ),
    ),
    (
        r"(?P<path>.+) was written by a newer version of Exchange Ledger \(schema"
        r" (?P<version>\d+); this version knows up to (?P<known>\d+)\)\. Update the program to"
        r" open it\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} was written by a newer version of Exchange Ledger (schema {version}; this"
            " version knows up to {known}). Update the program to open it.",
        ),
    ),
    (
        r"(?P<path>.+) is a SQLite database, but not an Exchange Ledger file\.",
        QT_TRANSLATE_NOOP(
            "Messages", "{path} is a SQLite database, but not an Exchange Ledger file."
        ),
    ),
    (
        r"(?P<path>.+) is an empty file: it holds no Exchange Ledger\.",
        QT_TRANSLATE_NOOP("Messages", "{path} is an empty file: it holds no Exchange Ledger."),
    ),
    (
        r"(?P<path>.+) is an empty SQLite database: it holds no Exchange Ledger\.",
        QT_TRANSLATE_NOOP(
            "Messages", "{path} is an empty SQLite database: it holds no Exchange Ledger."
        ),
    ),
    (
        r"(?P<path>.+?) cannot be opened: (?P<error>.+)\.",
        QT_TRANSLATE_NOOP("Messages", "{path} cannot be opened: {error}."),
    ),
    (
        r"(?P<path>.+) must be upgraded behind a backup copy, but there is not enough space on"
        r" the disk for the copy; nothing was changed\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} must be upgraded behind a backup copy, but there is not enough space on the"
            " disk for the copy; nothing was changed.",
        ),
    ),
    (
        r"(?P<path>.+?) cannot be upgraded: (?P<inner>.+)\.",
        QT_TRANSLATE_NOOP("Messages", "{path} cannot be upgraded: {inner}."),
    ),
    (
        r"its references do not hold: a record names one that is gone",
        QT_TRANSLATE_NOOP(
            "Messages", "its references do not hold: a record names one that is gone"
        ),
    ),
    (
        r"it holds a value this version cannot keep: (?P<problem>.+)\. Correct it \(the sqlite3"
        r" shell can\) and open the file again; nothing was changed",
        QT_TRANSLATE_NOOP(
            "Messages",
            "it holds a value this version cannot keep: {problem}. Correct it (the sqlite3 shell"
            " can) and open the file again; nothing was changed",
        ),
    ),
    (
        r"(?P<path>.+) does not exist and cannot be created here\.",
        QT_TRANSLATE_NOOP("Messages", "{path} does not exist and cannot be created here."),
    ),
    (r"(?P<path>.+) does not exist\.", QT_TRANSLATE_NOOP("Messages", "{path} does not exist.")),
    # The evidence files a copy of the ledger could not take along (evidence.copy_locker).
    (
        r"(?P<path>.+) is missing: it was not copied",
        QT_TRANSLATE_NOOP("Messages", "{path} is missing: it was not copied"),
    ),
    (
        r"(?P<path>.+): its bytes do not match its SHA-256 \(expected (?P<expected>[0-9a-f]+),"
        r" found (?P<found>[0-9a-f]+)\); it was not accepted",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path}: its bytes do not match its SHA-256 (expected {expected}, found {found});"
            " it was not accepted",
        ),
    ),
    (
        r"(?P<path>.+) was written by an older version of Exchange Ledger and must be upgraded"
        r" before it can be read, but it cannot be written here\. Copy it somewhere writable and"
        r" open the copy\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} was written by an older version of Exchange Ledger and must be upgraded"
            " before it can be read, but it cannot be written here. Copy it somewhere writable"
            " and open the copy.",
        ),
    ),
    (
        r"(?P<path>.+) is open read-only: nothing can be changed\.",
        QT_TRANSLATE_NOOP("Messages", "{path} is open read-only: nothing can be changed."),
    ),
    (
        r"(?P<path>.+) is open read-only: no evidence can be added\.",
        QT_TRANSLATE_NOOP("Messages", "{path} is open read-only: no evidence can be added."),
    ),
    (
        r"(?P<path>.+): you stopped waiting for the other program that is writing it; nothing"
        r" was changed\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path}: you stopped waiting for the other program that is writing it; nothing was"
            " changed.",
        ),
    ),
    (
        r"(?P<path>.+): another change is still waiting to be saved; nothing was changed\. Try"
        r" again in a moment\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path}: another change is still waiting to be saved; nothing was changed. Try again"
            " in a moment.",
        ),
    ),
    (
        r"event (?P<event>.+) was deleted by another program while the file was read; nothing"
        r" was imported: import the file again",
        QT_TRANSLATE_NOOP(
            "Messages",
            "event {event} was deleted by another program while the file was read; nothing was"
            " imported: import the file again",
        ),
    ),
    (
        r"event (?P<event>.+) was created by another program while the file was read; nothing"
        r" was imported: import the file again",
        QT_TRANSLATE_NOOP(
            "Messages",
            "event {event} was created by another program while the file was read; nothing was"
            " imported: import the file again",
        ),
    ),
    (
        r"event (?P<event>.+) was retyped by another program while the file was read; nothing"
        r" was imported: import the file again",
        QT_TRANSLATE_NOOP(
            "Messages",
            "event {event} was retyped by another program while the file was read; nothing was"
            " imported: import the file again",
        ),
    ),
    (
        r"another program renamed or merged (?P<what>source|party) (?P<name>.+) while the file"
        r" was read; nothing was imported: import the file again",
        QT_TRANSLATE_NOOP(
            "Messages",
            "another program renamed or merged {what} {name} while the file was read; nothing"
            " was imported: import the file again",
        ),
    ),
    (
        r"another program added (?P<what>report|source|party) (?P<name>.+) while the file was"
        r" read; nothing was imported: import the file again",
        QT_TRANSLATE_NOOP(
            "Messages",
            "another program added {what} {name} while the file was read; nothing was"
            " imported: import the file again",
        ),
    ),
    (
        r"(?P<path>.+) is being written by another program and stayed busy for (?P<seconds>\d+)"
        r" s; nothing was changed\. Try again\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} is being written by another program and stayed busy for {seconds} s; nothing"
            " was changed. Try again.",
        ),
    ),
    (
        r"(?P<path>.+) is being written by another program \(an import into it, say\) and"
        r" stayed busy for (?P<seconds>\d+) s; nothing was changed\. Open it again once that"
        r" program is done\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} is being written by another program (an import into it, say) and stayed"
            " busy for {seconds} s; nothing was changed. Open it again once that program is"
            " done.",
        ),
    ),
    (
        r"(?P<path>.+) is no longer the file that was opened: it was moved, deleted or replaced"
        r" by another program \(a sync client, say\); nothing was changed\. Open the ledger"
        r" again where it is now\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} is no longer the file that was opened: it was moved, deleted or replaced by"
            " another program (a sync client, say); nothing was changed. Open the ledger again"
            " where it is now.",
        ),
    ),
    (
        r"(?P<path>.+) cannot be written \((?P<reason>[^)]+)\): the copy was not written\.",
        QT_TRANSLATE_NOOP(
            "Messages", "{path} cannot be written ({reason}): the copy was not written."
        ),
    ),
    (
        r"(?P<path>.+) is a file where a folder is needed: name a folder \(one that does not"
        r" exist yet is created\); nothing was written\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} is a file where a folder is needed: name a folder (one that does not exist"
            " yet is created); nothing was written.",
        ),
    ),
    (
        r"(?P<path>.+) is a folder where the export writes a file: move it away; nothing was"
        r" written\.",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} is a folder where the export writes a file: move it away; nothing was written.",
        ),
    ),
    (
        r"(?P<path>.+) cannot be written \((?P<reason>[^)]+)\): nothing was exported\.",
        QT_TRANSLATE_NOOP("Messages", "{path} cannot be written ({reason}): nothing was exported."),
    ),
    (
        r"(?P<path>.+) cannot be written: permission denied\.",
        QT_TRANSLATE_NOOP("Messages", "{path} cannot be written: permission denied."),
    ),
    (
        r"(?P<path>.+) already exists: choose a name that is not taken\.",
        QT_TRANSLATE_NOOP("Messages", "{path} already exists: choose a name that is not taken."),
    ),
    (
        r"(?P<path>.+) is not a folder: the copy was not written\.",
        QT_TRANSLATE_NOOP("Messages", "{path} is not a folder: the copy was not written."),
    ),
    (
        r"(?P<path>.+): there is not enough space on the disk; the copy was not written\.",
        QT_TRANSLATE_NOOP(
            "Messages", "{path}: there is not enough space on the disk; the copy was not written."
        ),
    ),
    (
        r"(?P<path>.+?) could not be written: (?P<error>.+)\.",
        QT_TRANSLATE_NOOP("Messages", "{path} could not be written: {error}."),
    ),
    # Evidence: what the researcher says of a file, and the file itself.
    (
        r"accessed date '(?P<value>.*)' must be a day, YYYY-MM-DD",
        QT_TRANSLATE_NOOP("Messages", "accessed date '{value}' must be a day, YYYY-MM-DD"),
    ),
    (
        r"accessed date: (?P<inner>.+)",
        QT_TRANSLATE_NOOP("Messages", "accessed date: {inner}"),
    ),
    (
        r"archive URL '(?P<value>.*)' must start with http:// or https:// and hold no spaces",
        QT_TRANSLATE_NOOP(
            "Messages",
            "archive URL '{value}' must start with http:// or https:// and hold no spaces",
        ),
    ),
    (
        r"the evidence file needs a name",
        QT_TRANSLATE_NOOP("Messages", "the evidence file needs a name"),
    ),
    (r"(?P<path>.+) does not exist", QT_TRANSLATE_NOOP("Messages", "{path} does not exist")),
    (
        r"(?P<path>.+) is a folder, not a file",
        QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a file"),
    ),
    (
        r"(?P<path>.+) cannot be read: permission denied",
        QT_TRANSLATE_NOOP("Messages", "{path} cannot be read: permission denied"),
    ),
    (
        r"(?P<path>.+) is not a regular file",
        QT_TRANSLATE_NOOP("Messages", "{path} is not a regular file"),
    ),
    # A merge refused: the other file holds a time in the future (merge._check_times).
    (
        r"(?P<what>report|decision|evidence) (?P<record>.+?) has (?P<column>[a-z_]+)"
        r" (?P<at>\S+), in the future \(it is now (?P<now>\S+)\)(?: \(and (?P<also>[\d,]+)"
        r" more\))?: the other computer's clock is probably ahead, and such a time would win"
        r" every later merge against the edits and decisions made here; nothing merged",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{what} {record} has {column} {at}, in the future (it is now {now}){also}: the"
            " other computer's clock is probably ahead, and such a time would win every later"
            " merge against the edits and decisions made here; nothing merged",
        ),
    ),
    (
        r"type clash, nothing merged: (?P<clashes>.+)",
        QT_TRANSLATE_NOOP("Messages", "type clash, nothing merged: {clashes}"),
    ),
    # A merge refused: the other file holds a value this program cannot read
    # (merge._check_values); the value is named as `exchange-ledger check` names it, in
    # English, which the Ukrainian and Russian windows quote as that command's words.
    (
        r"(?P<path>.+?) holds a value this program cannot read: (?P<problem>.+?)"
        r"(?: \(and (?P<also>[\d,]+) more\))?;"
        r" nothing merged",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} holds a value this program cannot read: {problem}{also}; nothing merged",
        ),
    ),
    (
        r"report (?P<report>.+?) belongs to event (?P<event>.+?) here and (?P<other>.+) there;"
        r" nothing merged",
        QT_TRANSLATE_NOOP(
            "Messages",
            "report {report} belongs to event {event} here and {other} there; nothing merged",
        ),
    ),
    # What an export could not write as asked (exporter, workbook, evidence).
    (
        r"(?P<path>.+) is left from an earlier export and holds older numbers than these"
        r" files: export the workbook again, or delete it",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} is left from an earlier export and holds older numbers than these files:"
            " export the workbook again, or delete it",
        ),
    ),
    (
        r"(?P<file>\w+\.csv): (?P<rows>[\d,]+) rows, more than a spreadsheet shows in one"
        r" sheet \((?P<limit>[\d,]+)\); the CSV file holds them all",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{file}: {rows} rows, more than a spreadsheet shows in one sheet ({limit}); the CSV"
            " file holds them all",
        ),
    ),
    (
        r"(?P<file>\w+\.csv) row (?P<row>\d+), column (?P<column>\w+): (?P<length>[\d,]+)"
        r" characters, more than a spreadsheet cell holds; cut to (?P<limit>[\d,]+) in the"
        r" workbook \(the CSV file holds it whole\)",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{file} row {row}, column {column}: {length} characters, more than a spreadsheet"
            " cell holds; cut to {limit} in the workbook (the CSV file holds it whole)",
        ),
    ),
    (
        r"(?P<path>.+) held files left by an earlier export that no report here cites any"
        r" more: removed \((?P<count>[\d,]+)\)",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} held files left by an earlier export that no report here cites any more:"
            " removed ({count})",
        ),
    ),
    (
        r"(?P<path>.+) holds files left by an earlier export that no report here cites any"
        r" more \((?P<count>[\d,]+)\): export with the evidence files again, which removes"
        r" them, or delete them",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} holds files left by an earlier export that no report here cites any more"
            " ({count}): export with the evidence files again, which removes them, or delete"
            " them",
        ),
    ),
    (
        r"the disk of (?P<folder>.+) is full: (?P<file>.+) was not added to the evidence;"
        r" make room there and add it again",
        QT_TRANSLATE_NOOP(
            "Messages",
            "the disk of {folder} is full: {file} was not added to the evidence; make room"
            " there and add it again",
        ),
    ),
    (
        r"(?P<folder>.+) cannot be written: (?P<file>.+) was not added to the evidence",
        QT_TRANSLATE_NOOP(
            "Messages", "{folder} cannot be written: {file} was not added to the evidence"
        ),
    ),
    (
        r"evidence (?P<sha256>[0-9a-f]{64}) is missing from (?P<path>.+): not exported",
        QT_TRANSLATE_NOOP("Messages", "evidence {sha256} is missing from {path}: not exported"),
    ),
    (
        r"evidence (?P<sha256>[0-9a-f]{64}) was altered in (?P<path>.+): not exported",
        QT_TRANSLATE_NOOP("Messages", "evidence {sha256} was altered in {path}: not exported"),
    ),
)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The patterns compiled at the first message, not while the window opens (about a
    hundred of them: 7 ms of its start). A value may hold line breaks: quick_check's
    report of a damaged page does."""
    return tuple((re.compile(pattern, re.DOTALL), template) for pattern, template in _MESSAGES)


# Words inside messages that are themselves translated (a field's name, a script's).
_PARTS = {
    "source": QT_TRANSLATE_NOOP("Messages", "source"),
    "source party": QT_TRANSLATE_NOOP("Messages", "source party"),
    "party": QT_TRANSLATE_NOOP("Messages", "party"),
    "from party": QT_TRANSLATE_NOOP("Messages", "from party"),
    "to party": QT_TRANSLATE_NOOP("Messages", "to party"),
    "Latin": QT_TRANSLATE_NOOP("Messages", "Latin"),
    "Cyrillic": QT_TRANSLATE_NOOP("Messages", "Cyrillic"),
    "event type": QT_TRANSLATE_NOOP("Messages", "event type"),
    "category": QT_TRANSLATE_NOOP("Messages", "category"),
    "count qualifier": QT_TRANSLATE_NOOP("Messages", "count qualifier"),
    "source kind": QT_TRANSLATE_NOOP("Messages", "source kind"),
    "reliability": QT_TRANSLATE_NOOP("Messages", "reliability"),
    "field": QT_TRANSLATE_NOOP("Messages", "field"),
    "state": QT_TRANSLATE_NOOP("Messages", "state"),
    "name": QT_TRANSLATE_NOOP("Messages", "name"),
    "report": QT_TRANSLATE_NOOP("Messages", "report"),
    "decision": QT_TRANSLATE_NOOP("Messages", "decision"),
    "evidence": QT_TRANSLATE_NOOP("Messages", "evidence"),
}


# What SQLite and the system say inside a message ({error}), in English: the usual ones
# in the window's language; anything else (quick_check's report of a page) as it is.
_SQLITE_ERRORS = {
    "file is not a database": QT_TRANSLATE_NOOP("Messages", "file is not a database"),
    "database disk image is malformed": QT_TRANSLATE_NOOP(
        "Messages", "database disk image is malformed"
    ),
    "disk I/O error": QT_TRANSLATE_NOOP("Messages", "disk I/O error"),
    "unable to open database file": QT_TRANSLATE_NOOP("Messages", "unable to open database file"),
    "attempt to write a readonly database": QT_TRANSLATE_NOOP(
        "Messages", "attempt to write a readonly database"
    ),
    "database is locked": QT_TRANSLATE_NOOP("Messages", "database is locked"),
    "database or disk is full": QT_TRANSLATE_NOOP("Messages", "database or disk is full"),
}
# str() of an OSError: "[Errno 13] Permission denied: '/the/path'"
_OS_ERROR = re.compile(r"\[Errno (?P<number>\d+)\] (?P<reason>[^:]+)(?P<rest>: .*)?")
_OS_REASONS = {
    "Permission denied": QT_TRANSLATE_NOOP("Messages", "Permission denied"),
    "Operation not permitted": QT_TRANSLATE_NOOP("Messages", "Operation not permitted"),
    "No such file or directory": QT_TRANSLATE_NOOP("Messages", "No such file or directory"),
    "Read-only file system": QT_TRANSLATE_NOOP("Messages", "Read-only file system"),
    "No space left on device": QT_TRANSLATE_NOOP("Messages", "No space left on device"),
    "Is a directory": QT_TRANSLATE_NOOP("Messages", "Is a directory"),
    "Not a directory": QT_TRANSLATE_NOOP("Messages", "Not a directory"),
    "Input/output error": QT_TRANSLATE_NOOP("Messages", "Input/output error"),
}


def _system_error_text(error: str) -> str:
    """SQLite's or the system's words inside a message, in the window's language where
    they are the usual ones."""
    if error in _SQLITE_ERRORS:
        return translate("Messages", _SQLITE_ERRORS[error])
    found = _OS_ERROR.fullmatch(error)
    if found is not None and found["reason"] in _OS_REASONS:
        reason = translate("Messages", _OS_REASONS[found["reason"]])
        return f"[Errno {found['number']}] {reason}{found['rest'] or ''}"
    return error


def message_text(message: str) -> str:
    """A message of the domain or the store (an `Invalid`, a `DateError`, a problem's
    message) in the window's language."""
    for pattern, template in _compiled():
        match = pattern.fullmatch(message)
        if match is None:
            continue
        parts = {
            # a CSV column's name (source_name) stays as it is, as in the file
            key: translate("Messages", _PARTS[value])
            if key in ("what", "script") and value in _PARTS
            else value
            for key, value in match.groupdict().items()
        }
        if "flow" in parts:
            parts["flow"] = field_label_text(parts["flow"])
        if "limit" in parts:  # grouped as the window's language groups numbers: "1 000 000 000"
            parts["limit"] = number(int(parts["limit"].replace(",", "")))
        if "error" in parts:
            parts["error"] = _system_error_text(parts["error"])
        if "inner" in parts:  # a message inside a message: "accessed date: '…' is in the future"
            parts["inner"] = message_text(parts["inner"])
        if "origin" in parts:
            parts["origin"] = _origin_text(parts["origin"])
        if "differences" in parts:
            parts["differences"] = _DIFFERENCE.sub(_difference_text, parts["differences"])
        if "clashes" in parts:
            parts["clashes"] = _CLASH.sub(_clash_text, parts["clashes"])
        if "also" in parts:  # "(and 3 more)", or nothing
            also = parts["also"]
            parts["also"] = (
                translate("Messages", " (and {count} more)").format(count=also) if also else ""
            )
        return translate("Messages", template).format(**parts)
    return message


def problem_text(problem: FieldProblem | FolderProblem) -> str:
    """A problem of a file being imported (its row, its column, what is wrong; in an
    export folder, the file's name first) in the window's language; the column keeps the
    name the file gives it."""
    if isinstance(problem, FolderProblem):
        if problem.problem.row == 0:  # the file as a whole
            return f"{problem.file}: {message_text(problem.problem.message)}"
        return f"{problem.file}, {problem_text(problem.problem)}"
    message = message_text(problem.message)
    if problem.column:
        return translate("Messages", "row {row}, column {column}: {message}").format(
            row=problem.row, column=problem.column, message=message
        )
    return translate("Messages", "row {row}: {message}").format(row=problem.row, message=message)


def _origin_text(origin: str) -> str:
    """Where a value was first given: "the database", "row 5" or "row 5 of this file"."""
    row = re.fullmatch(r"row (\d+)( of this file)?", origin)
    if row is None:
        return translate("Messages", "in the database")
    if row[2]:
        return translate("Messages", "in row {row} of this file").format(row=row[1])
    return translate("Messages", "in row {row}").format(row=row[1])


# One column of a report that differs from the stored one (the values as Python shows them).
_DIFFERENCE = re.compile(
    r"(?P<column>[a-z_]+) is (?P<given>.+?) in the file, (?P<stored>.+?) in the database"
)


_CLASH = re.compile(r"event (?P<event>.+?) is '(?P<mine>[^']*)' here and '(?P<theirs>[^']*)' there")


def _clash_text(clash: re.Match[str]) -> str:
    template = translate("Messages", "event {event} is '{mine}' here and '{theirs}' there")
    return template.format(**clash.groupdict())


def _difference_text(difference: re.Match[str]) -> str:
    template = translate("Messages", "{column} is {given} in the file, {stored} in the database")
    return template.format(**difference.groupdict())
