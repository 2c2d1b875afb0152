"""The command line: the same store, headless, for scripts and checks.

Exit status 0 on success, 1 on bad input or a file that cannot be used (a message for a
person, never a traceback), 2 on bad usage (argparse).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import json
import os
import signal
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from .domain.dates import DateError
from .domain.naming import counted
from .domain.records import CATEGORIES, FieldKey, FlowKey, tidy
from .domain.rules import DISMISSED
from .domain.validation import Invalid
from .store import checked_files, evidence, queries
from .store.check import check, repair
from .store.csvio import rows_text
from .store.database import (
    LedgerFileError,
    OlderVersionError,
    backup,
    inspect_early,
    inspect_file,
    is_disk_full,
    side_files_not_writable,
)
from .store.export_readme import WORKBOOK_NAME
from .store.exporter import export_all
from .store.importer import plan_and_apply
from .store.ledger import Ledger
from .store.merge import merge_file
from .store.restore import import_folder, is_export_folder

PROG = "exchange-ledger"


class CommandError(Exception):
    """Bad input or an unusable file: printed as a message, exit 1."""


def user_name() -> str:
    """The user's name as kept in their settings (asked once by the window)."""
    from .settings import user_name as settings_user_name

    return settings_user_name()


# The ledgers this command opened, for the warning after it (see `_warn_unsaved`).
_OPENED: list[Ledger] = []


# Scratch folders of this command (an older file's upgraded copy), removed after it.
_SCRATCH = ExitStack()


def _open(
    path: str,
    *,
    write: bool,
    create: bool = False,
    quick_check: bool = True,
    upgrade_aside: bool = False,
) -> Ledger:
    """The command's ledger. With `upgrade_aside` (commands that only read, and promise
    so: check, a dry run, conflicts, balance), a file of an older version is read through
    an upgraded copy and left as it is, also where it cannot be written; the other
    reading commands (export, copy, evidence list and verify) upgrade it in place, and
    read it through such a copy where it cannot be written."""
    db_path = Path(path)
    if not create and not db_path.exists():
        raise CommandError(f"{db_path} does not exist.")
    try:
        ledger = Ledger.open(
            db_path,
            read_only=not write,
            create=create,
            snapshot=not write,
            quick_check=quick_check,
            upgrade=not upgrade_aside,
        )
    except OlderVersionError:  # it cannot be written, so not upgraded in place
        if write:
            raise
        ledger = _upgraded_copy(db_path)
    _OPENED.append(ledger)
    if ledger.upgrade_backup is not None:
        print(
            f"{PROG}: note: {db_path} was written by an older version and has been upgraded;"
            f" the file as it was is kept as {ledger.upgrade_backup}.",
            file=sys.stderr,
        )
    if write and ledger.read_only:
        ledger.close()
        raise CommandError(f"{db_path} is read-only{_why_read_only(db_path)}: nothing was changed.")
    ledger.on_wait = _waiting_notice(db_path)
    return ledger


def _why_read_only(path: Path) -> str:
    blocked = side_files_not_writable(path)
    if not blocked:
        return ""
    names = " and ".join(side.name for side in blocked)
    return (
        f" here: {names} beside it belong{'s' if len(blocked) == 1 else ''} to another user"
        " (a program of theirs read the ledger in this folder) and cannot be written by"
        " you; once no program has the ledger open, their owner can remove them, or you"
        " can where the -wal is empty (0 bytes)"
    )


def _upgraded_copy(path: Path) -> Ledger:
    """An older file read without a write to it: copied into a scratch folder (SQLite's
    backup API), and the copy upgraded (no backup of it: it is one)."""
    scratch = Path(_SCRATCH.enter_context(tempfile.TemporaryDirectory()))
    copy = scratch / path.name
    backup(path, copy)
    folder = evidence.evidence_folder(path)
    if folder.is_dir():  # the evidence files read where they are (the copy is only read)
        with contextlib.suppress(OSError):
            evidence.evidence_folder(copy).symlink_to(folder.resolve(), target_is_directory=True)
    try:
        ledger = Ledger.open(copy, create=False, keep_backup=False)
    except LedgerFileError as error:  # said of the person's file, not of the scratch copy
        raise CommandError(str(error).replace(str(copy), str(path))) from error
    print(
        f"{PROG}: note: {path} was written by an older version; it is read through an"
        " upgraded copy and left as it is (the window or a writing command upgrades it,"
        " keeping a backup).",
        file=sys.stderr,
    )
    return ledger


@contextmanager
def _reading(path: str) -> Iterator[Ledger]:
    """A printing command's ledger, read while SQLite's quick_check of the whole file runs
    in a thread beside it (it reads every page: 0.4 s of a 300 MB file). The block is
    left only once the check has passed, so nothing is printed from a damaged file, and
    an error met while reading one is reported as the damage it is."""
    db_path = Path(path)
    if not db_path.exists():
        raise CommandError(f"{db_path} does not exist.")
    inspect_early(db_path)
    try:
        with _open(path, write=False, quick_check=False, upgrade_aside=True) as ledger:
            yield ledger
    finally:
        inspect_file(db_path)


def _waiting_notice(path: Path) -> Callable[[float], None]:
    """Said once when a write must wait for another program's: for whom, and how long
    at most (the command would otherwise be silent for up to a minute)."""
    said = False

    def notice(waited: float) -> None:
        nonlocal said
        if said:
            return
        said = True
        from .store.ledger import WAIT_LIMIT

        holders = _holders(path)
        who = f" ({'; '.join(holders)})" if holders else ""
        print(
            f"{PROG}: waiting for another program that is writing {path}{who};"
            f" giving up after {WAIT_LIMIT:.0f} s.",
            file=sys.stderr,
            flush=True,
        )

    return notice


def _holders(path: Path) -> list[str]:
    """The other processes that have the file open, as `NAME, pid N`: read from /proc
    where there is one, else nothing."""
    targets = {str(path.resolve()), f"{path.resolve()}-wal"}
    found = []
    proc = Path("/proc")
    for entry in proc.iterdir() if proc.is_dir() else ():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if any(os.readlink(fd) in targets for fd in (entry / "fd").iterdir()):
                name = (entry / "comm").read_text().strip()
                found.append(f"{name}, pid {entry.name}")
        except OSError:
            continue
    return found[:5]


def cmd_import(args: argparse.Namespace) -> int:
    csv_path = Path(args.file)
    if not csv_path.is_file() and not is_export_folder(csv_path):
        if not csv_path.exists():  # a typo, most likely: not "neither a file nor a folder"
            raise CommandError(f"{csv_path} does not exist: nothing was imported.")
        raise CommandError(f"{csv_path} is neither a file nor a folder.")
    with ExitStack() as stack:
        if args.dry_run and (not Path(args.db).exists() or Path(args.db).stat().st_size == 0):
            if not Path(args.db).exists() and not Path(args.db).absolute().parent.is_dir():
                # as the import itself would say: the dry run predicts it
                raise CommandError(f"{args.db} does not exist and cannot be created here.")
            # A dry run writes nothing: a missing file is checked against an empty ledger.
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            ledger = stack.enter_context(Ledger.open(scratch / "empty.db"))
        else:
            db = Path(args.db)
            existed, was_empty = db.exists(), db.exists() and db.stat().st_size == 0
            ledger = _open(
                args.db,
                write=not args.dry_run,
                create=not args.dry_run,
                upgrade_aside=args.dry_run,
            )
            code = 1
            try:
                code = _import(ledger, csv_path, args)
            finally:
                ledger.close()
                # Not once it holds an import: a reader of the output that went away
                # (`| grep -q`) or Ctrl+C after the commit must not cost the import.
                made_empty = (not existed or was_empty) and not ledger.commits
                if made_empty and code != 0:
                    _remove_new_ledger(db, keep_empty_file=existed)
                elif made_empty:  # a file of a header and no rows: how a script makes one
                    print(f"{args.db} is a new, empty ledger.")
            return code
        return _import(ledger, csv_path, args)
    return 1  # unreachable; keeps type checkers calm


def _remove_new_ledger(path: Path, *, keep_empty_file: bool) -> None:
    """A refused import leaves nothing behind: the ledger this command made for it, in a
    file that did not exist (removed again) or was empty (emptied again)."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if keep_empty_file:
        path.write_bytes(b"")
    else:
        path.unlink(missing_ok=True)


def _import(ledger: Ledger, csv_path: Path, args: argparse.Namespace) -> int:
    who = user_name()
    if is_export_folder(csv_path):
        return _import_folder(ledger, csv_path, args, who)
    # Written before any word: a plan another program overtook is made again.
    plan, _ = plan_and_apply(ledger, csv_path, who, write=not args.dry_run, alone=True)
    for warning in plan.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if plan.errors:
        errors = counted(len(plan.errors), "errors")
        print(f"{csv_path.name}: {errors}, nothing imported:", file=sys.stderr)
        for error in plan.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    if args.dry_run:
        print(f"Dry run, nothing written. {csv_path.name} would add {plan.summary()}.")
    elif not plan.reports:
        print(f"Nothing new in {csv_path.name}: added {plan.summary()}.")
    else:
        print(f"Imported {csv_path.name} into {args.db}: added {plan.summary()}.")
    return 0


def _import_folder(ledger: Ledger, folder: Path, args: argparse.Namespace, who: str) -> int:
    """An export folder: restored into a new or empty ledger, else added to it."""
    result = import_folder(ledger, folder, who, dry_run=args.dry_run, alone=True)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if result.errors:
        errors = counted(len(result.errors), "errors")
        print(f"{folder.name}: {errors}, nothing imported:", file=sys.stderr)
        for error in result.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    how = "restore" if result.restored else "add"
    if args.dry_run:
        print(f"Dry run, nothing written. {folder.name} would {how} {result.summary()}.")
    elif not result.changed:
        print(f"Nothing new in {folder.name}: added {result.summary()}.")
    elif result.restored:
        print(f"Restored {folder.name} into {args.db}: {result.summary()}.")
    else:
        print(f"Imported {folder.name} into {args.db}: added {result.summary()}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    warnings: list[str] = []
    with _open(args.db, write=False) as ledger:
        written = export_all(
            ledger,
            Path(args.dir),
            xlsx=args.xlsx,
            warnings=warnings,
            with_evidence=args.with_evidence,
        )
    for name, rows in written.items():
        print(f"{name}: {counted(rows, 'files' if name.endswith('/') else 'rows')}")
    print("datapackage.json")
    print("README.txt")
    if args.xlsx:
        print(WORKBOOK_NAME)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _json_lines(items: list[dict]) -> str:
    """A JSON array with one item per line: as easy to read and to diff as an indented
    one, and written by json's C encoder (an indent makes json fall back to pure Python,
    half a second for 8,500 events)."""
    encode = _item_encoder()
    lines = ",\n".join(encode(item) for item in items)
    return f"[\n{lines}\n]" if items else "[]"


def _item_encoder() -> Callable[[object], str]:
    """json.dumps(item, ensure_ascii=False), with one C encoder for all the items:
    json.dumps makes a JSONEncoder and a C encoder per call, 37% of the instructions of
    writing 8,500 events (callgrind). The C encoder is made as JSONEncoder makes it."""
    make = json.encoder.c_make_encoder
    if make is None:  # a Python without json's C accelerator
        return partial(json.dumps, ensure_ascii=False)
    like = json.JSONEncoder(ensure_ascii=False)
    encoder = make(
        {},  # markers: circular references refused, as by default
        like.default,
        json.encoder.encode_basestring,  # ensure_ascii=False
        None,  # indent
        like.key_separator,
        like.item_separator,
        like.sort_keys,
        like.skipkeys,
        like.allow_nan,
    )
    return lambda item: "".join(encoder(item, 0))


def _dispute_json(dispute: dict) -> dict:
    entry: dict = {"field": dispute["field"]}
    if dispute["field"] == "count":
        entry.update(
            from_party=dispute["from_party"],
            to_party=dispute["to_party"],
            category=dispute["category"],
            values={rid: int(value) for rid, value in dispute["values"].items()},
        )
    else:
        entry["values"] = dispute["values"]
    return entry


def _dispute_label(dispute: dict) -> str:
    if dispute["field"] == "count":
        return f"{dispute['category']} {dispute['from_party']} → {dispute['to_party']}"
    return dispute["field"]


def _reopened_why(field: dict) -> str:
    """Why a decided field is to be looked at again (its reports may all agree with one
    another, and so list no dispute)."""
    if field["report_ids"]:
        return "reopened: the decision in force is contradicted by " + ", ".join(
            field["report_ids"]
        )
    return "reopened: a merged decision differs from the one in force"


def _warning_label(warning: dict) -> str:
    (one, other), _ = warning["flows"]
    count = "" if warning["count"] is None else f", {warning['count']} each way"
    return f"possible reversed direction: {warning['category']} {one} ⇄ {other}{count}"


def cmd_conflicts(args: argparse.Namespace) -> int:
    with _reading(args.db) as ledger:
        events = queries.conflicts(ledger)
    if args.json:
        payload = [
            {
                "event_id": event["event_id"],
                "status": event["status"],
                "disputes": [_dispute_json(dispute) for dispute in event["disputes"]],
                "warnings": event["warnings"],
            }
            for event in events
        ]
        print(_json_lines(payload))
        return 0
    if not events:
        print("No events in conflict and no warnings.")
        return 0
    for event in events:
        print(f"{event['event_id']}  {event['status']}  {event['date'] or ''}")
        for dispute in event["disputes"]:
            values = ", ".join(f"{rid}: {value}" for rid, value in dispute["values"].items())
            print(f"    {_dispute_label(dispute)}: {values}")
        for field in event["reopened"]:
            print(f"    {_dispute_label(field)}: {_reopened_why(field)}")
        for warning in event["warnings"]:
            print(f"    {_warning_label(warning)}")
    open_events = sum(1 for event in events if event["status"] in queries.OPEN_STATUSES)
    warned = sum(1 for event in events if event["warnings"])
    print(
        f"{counted(open_events, 'events')} in conflict or reopened,"
        f" {warned} with a possible reversed direction."
    )
    return 0


def cmd_balance(args: argparse.Namespace) -> int:
    with _reading(args.db) as ledger:
        rows = queries.balance(ledger, args.category)
    if args.csv:
        from .domain.balance import BALANCE_COLUMNS

        sys.stdout.flush()
        text = rows_text(BALANCE_COLUMNS, (row.as_tuple() for row in rows))
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    if not rows:
        # there may be exchanges, of other categories only
        print(
            f"No exchanges of {args.category} recorded."
            if args.category
            else "No exchanges recorded."
        )
        return 0
    lines = [
        (
            row.date,
            row.category,
            row.party,
            _estimate(row.received_best, row.received_low, row.received_high),
            _estimate(row.sent_best, row.sent_low, row.sent_high),
            _estimate(row.net_best, row.net_low, row.net_high),
        )
        for row in rows
    ]
    # As wide as the longest cell of each column (a party named in full), so that the
    # numbers stay under their headings.
    widths = [
        max(least, *(len(line[column]) for line in lines))
        for column, least in enumerate(BALANCE_WIDTHS)
    ]
    header = _balance_line(BALANCE_HEADINGS, widths)
    print(header)
    print("-" * len(header))
    for line in lines:
        print(_balance_line(line, widths))
    return 0


BALANCE_HEADINGS = ("date", "category", "party", "received", "sent", "net")
BALANCE_WIDTHS = (10, 9, 16, 22, 22, 22)  # the least width of each column
TEXT_COLUMNS = 3  # date, category and party read from the left; the numbers from the right


def _balance_line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(
        cell.ljust(width) if column < TEXT_COLUMNS else cell.rjust(width)
        for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
    )


def _estimate(best: int, low: int, high: int) -> str:
    return f"{best}" if low == high else f"{best} [{low}–{high}]"


def cmd_resolve(args: argparse.Namespace) -> int:
    if args.count:
        from_party, to_party, category, value = args.count
        field = FieldKey.count(FlowKey(from_party, to_party, category))
    elif args.dismiss_direction:
        field, value = FieldKey.direction(FlowKey(*args.dismiss_direction)), DISMISSED
    elif args.date is not None:
        field, value = FieldKey.date(), args.date
    else:
        field, value = FieldKey.location(), args.location
    with _open(args.db, write=True) as ledger:
        who = user_name() if args.by is None else args.by  # an empty --by is refused
        resolution_id, _ = ledger.resolve(
            args.event_id, field, value, args.rationale, who, args.report
        )
        stored = ledger.resolution_record(resolution_id)
        assert stored is not None
        value = stored["value"]  # as stored: trimmed, a count as digits
        if field.flow is not None:  # its parties as the ledger spells them, not as typed
            flow = FlowKey(stored["from_party"], stored["to_party"], stored["category"])
            field = FieldKey(field.field, flow)
    if field.field == "direction":
        print(
            f"Dismissed the possible reversed direction of {field.flow.category}"  # type: ignore[union-attr]
            f" in event {args.event_id}: both flows stand as reported"
            f" (decision {resolution_id})."
        )
    else:
        print(
            f"Decided {field.label()} of event {args.event_id}: {value} (decision {resolution_id})."
        )
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    other = Path(args.other)
    if not other.exists():
        raise CommandError(f"{other} does not exist.")  # as every command says it
    if not other.is_file():
        raise CommandError(f"{other} is not a file.")
    if other.resolve() == Path(args.db).resolve():
        raise CommandError("a file cannot be merged into itself.")
    with _open(args.db, write=True) as ledger:
        result = merge_file(ledger, other, user_name())
    if result.changed:
        print(f"Merged {other.name} into {args.db}: {result.summary()}.")
    else:
        print(f"Nothing to merge: {args.db} already holds everything in {other.name}.")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    target = Path(args.out)
    if target.exists() or target.is_symlink():
        raise CommandError(f"{target} already exists: choose a name that is not taken.")
    with _open(args.db, write=False) as ledger:
        problems = ledger.copy_to(target, progress=_copying("the evidence files"))
        files = ledger.count("evidence")
    beside = ""
    if files:
        went = "its" if not problems else f"{max(0, files - len(problems))} of its"
        beside = f", and {went} {counted(files, 'evidence files')} into"
        beside += f" {evidence.evidence_folder(target)}"
    print(f"Copied {args.db} into {target}: one file that holds every commit{beside}.")
    for problem in problems:  # as export --with-evidence does: warned, the copy stands
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with _open(args.db, write=args.repair, upgrade_aside=not args.repair) as ledger:
        report = check(ledger)
        for line in report.lines():
            print(line)
        if args.repair and report.differences:
            repair(ledger, user_name())
            print("repaired: the derived state was rebuilt.")
            return 0 if check(ledger).ok else 1
    return 0 if report.ok else 1


def cmd_evidence_add(args: argparse.Namespace) -> int:
    source = Path(args.file)
    with _open(args.db, write=True) as ledger:
        item, added, _ = evidence.attach_file(
            ledger,
            args.report_id,
            source,
            user_name(),
            accessed=args.accessed or "",
            archive_url=args.archive_url or "",
            note=args.note or "",
            progress=_copying(source.name),
        )
    if added:
        print(
            f"Added {item.file_name} ({item.media_type}, {evidence.human_size(item.size)})"
            f" to report {item.report_id}: SHA-256 {item.sha256}."
        )
    else:
        print(
            f"Report {item.report_id} already has this file ({item.file_name},"
            f" SHA-256 {item.sha256}): nothing was changed."
        )
    return 0


PROGRESS_FROM_BYTES = 8 * 1000 * 1000  # 8 MB, as sizes are said: a copy this large says how far


def _copying(what: str) -> Callable[[int, int], bool]:
    """Progress of a large copy (a file's hashing and copy, a ledger's evidence files) on
    stderr, a line per tenth (a 4 GB video takes minutes: a silent command looks hung)."""
    said = [-1]

    def progress(done: int, total: int) -> bool:
        if total >= PROGRESS_FROM_BYTES:
            tenth = done * 10 // max(total, 1)
            if tenth > said[0]:
                said[0] = tenth
                print(f"{PROG}: copying {what}: {tenth * 10}%", file=sys.stderr, flush=True)
        return True

    return progress


def cmd_evidence_list(args: argparse.Namespace) -> int:
    with _open(args.db, write=False) as ledger:
        if args.report_id is not None and not ledger.report_exists(args.report_id):
            raise CommandError(f"there is no report {args.report_id}.")
        items = evidence.evidence_of(ledger, None if args.report_id is None else [args.report_id])
    if not items:
        print(
            "No evidence."
            if args.report_id is None
            else f"Report {args.report_id} has no evidence."
        )
        return 0
    for item in items:
        details = ", ".join(
            part
            for part in (
                item.media_type,
                evidence.human_size(item.size),
                f"accessed {item.accessed}" if item.accessed else "",
                item.archive_url,
            )
            if part
        )
        print(_one_line(f"{item.report_id}  {item.sha256}  {item.file_name} ({details})"))
        for line in item.note.splitlines():
            print(f"    {_one_line(line)}")
    return 0


# Control characters as Python writes them in a string: a file name or a URL with a line
# break in it would otherwise start a line of its own in output read one line per file.
_ESCAPED = {code: f"\\x{code:02x}" for code in (*range(32), 127)} | {
    9: "\\t",
    10: "\\n",
    13: "\\r",
}


def _one_line(text: str) -> str:
    return text.translate(_ESCAPED)


def cmd_evidence_verify(args: argparse.Namespace) -> int:
    with _open(args.db, write=False) as ledger:
        checks = evidence.verify(ledger)
        folder = evidence.evidence_folder(ledger.path)
        partial = evidence.partial_copies(ledger)
    failed = [item for item in checks if item.state != evidence.VERIFIED]
    for item in failed:
        names = ", ".join(item.names) or "no report uses it"
        print(_one_line(f"{item.state}: {folder / item.sha256} ({names})"))
    for path, size in partial:  # not evidence, and no failure of it: a leftover to delete
        print(
            _one_line(
                f"partial copy: {path} ({evidence.human_size(size)}): left by an add that"
                " never ended; delete it once no add is running"
            )
        )
    if failed:
        verb = "is" if len(failed) == 1 else "are"
        print(
            f"{len(failed)} of {counted(len(checks), 'evidence files')} {verb} missing or altered.",
            file=sys.stderr,
        )
        return 1
    if not checks:
        print("This ledger has no evidence files to verify.")  # not "All 0 … are as added"
    elif len(checks) == 1:
        print("The one evidence file is as it was added.")
    else:
        print(f"All {counted(len(checks), 'evidence files')} are as they were added.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Exchange Ledger on the command line. Without a command, "
        f"'{PROG} [DB]' opens the window.",
        allow_abbrev=False,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    command = partial(_on_a_ledger, commands)

    sub = command(
        "import",
        cmd_import,
        "validate a reports.csv file or an export folder, then import it atomically"
        " (a folder into a new or empty ledger restores it)",
    )
    sub.add_argument("file", metavar="(FILE.csv | DIR)")
    sub.add_argument("--dry-run", action="store_true", help="validate only; write nothing")

    sub = command(
        "export", cmd_export, "write the CSV files, datapackage.json and README.txt into DIR"
    )
    sub.add_argument("dir", metavar="DIR")
    sub.add_argument(
        "--with-evidence",
        action="store_true",
        help="also copy the evidence files, as DIR/evidence/SHA256",
    )
    sub.add_argument(
        "--xlsx",
        action="store_true",
        help=f"also write {WORKBOOK_NAME}: a sheet per file, ids and text typed as text",
    )

    sub = command(
        "conflicts",
        cmd_conflicts,
        "list events in conflict or reopened, and events with a possible reversed direction",
    )
    sub.add_argument("--json", action="store_true", help="print a JSON array")

    sub = command("balance", cmd_balance, "print the cumulative balance per party")
    sub.add_argument("--category", choices=CATEGORIES)
    sub.add_argument("--csv", action="store_true", help="print exactly the rows of balance.csv")

    sub = command("resolve", cmd_resolve, "record a reviewer's decision on one field")
    # Ids as a file gives them: trimmed (one copied from a spreadsheet keeps its spaces).
    sub.add_argument("event_id", metavar="EVENT_ID", type=tidy, help="the event the decision is on")
    target = sub.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--date", metavar="D", help="decide the event's date (YYYY-MM-DD, YYYY-MM or YYYY)"
    )
    target.add_argument("--location", metavar="L", help="decide the event's location")
    target.add_argument(
        "--count",
        nargs=4,
        metavar=("FROM", "TO", "CATEGORY", "N"),
        help="decide the count of the flow of CATEGORY from FROM to TO (0 included)",
    )
    target.add_argument(
        "--dismiss-direction",
        nargs=3,
        metavar=("FROM", "TO", "CATEGORY"),
        help="dismiss the possible reversed direction of this pair of flows",
    )
    sub.add_argument("--rationale", required=True, metavar="TEXT", help="why (required)")
    sub.add_argument(
        "--report",
        metavar="REPORT_ID",
        type=tidy,
        help="the report whose value is taken (it must state that value)",
    )
    sub.add_argument(
        "--by",
        metavar="NAME",
        help="who decides (default: the name given in the window, else your login name)",
    )

    sub = command("merge", cmd_merge, "merge another ledger file into DB")
    sub.add_argument("other", metavar="OTHER.db")

    sub = command("copy", cmd_copy, "write a self-contained copy of DB into OUT.db (new file)")
    sub.add_argument("out", metavar="OUT.db")

    sub = command("check", cmd_check, "check the file; never writes unless --repair")
    sub.add_argument("--repair", action="store_true", help="rebuild the derived state")

    _evidence_commands(commands)
    return parser


def _on_a_ledger(
    parsers: Any, name: str, handler: Callable[[argparse.Namespace], int], text: str
) -> argparse.ArgumentParser:
    """A command (or an evidence action) on the ledger file DB, its first argument."""
    # Options only as the contract writes them: argparse would take `check DB --r` for
    # --repair, a write, and a script's typo for another option.
    sub: argparse.ArgumentParser = parsers.add_parser(
        name, help=text, description=text, allow_abbrev=False
    )
    # The command's own parser, for a usage error found after parsing: its usage line,
    # then the error, status 2, as argparse gives for the errors it finds itself.
    sub.set_defaults(handler=handler, parser=sub)
    sub.add_argument("db", metavar="DB", help="the ledger file")
    return sub


def _evidence_commands(commands: Any) -> None:
    text = "attach files to reports, list them, check them against their hashes"
    group = commands.add_parser("evidence", help=text, description=text, allow_abbrev=False)
    actions = group.add_subparsers(dest="action", required=True, metavar="(add|list|verify)")
    action = partial(_on_a_ledger, actions)

    sub = action("add", cmd_evidence_add, "copy FILE into the ledger's evidence and attach it")
    sub.add_argument("report_id", metavar="REPORT_ID", type=tidy)
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--accessed", metavar="DATE", help="the day you accessed it, YYYY-MM-DD")
    sub.add_argument("--archive-url", metavar="URL", help="an archived copy's address")
    sub.add_argument("--note", metavar="TEXT", help="where it came from, what it shows")
    sub = action("list", cmd_evidence_list, "list the evidence of every report, or of one")
    sub.add_argument("report_id", metavar="REPORT_ID", nargs="?", type=tidy)
    action(
        "verify", cmd_evidence_verify, "re-hash every stored file; name those missing or altered"
    )


def _usage_error(args: argparse.Namespace) -> str | None:
    """A combination of options argparse cannot forbid by itself, before any file is read."""
    if args.command == "resolve" and args.dismiss_direction and args.report is not None:
        return "--report has no meaning with --dismiss-direction"  # a dismissal follows no report
    return None


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`, a system shutting down), met as Ctrl+C is: the write under way is
    rolled back and a file being copied into the evidence taken away (a 2 GB copy stayed
    behind, hidden, that nothing named or removed)."""


def _raise_terminated(_signal: int, _frame: object) -> None:
    raise Terminated()


def _terminated_as_interrupted() -> Any:
    """SIGTERM raises Terminated in this command; the handler it replaced, to put back
    (None where none can be set: not the main thread; or where SIGTERM is ignored, by a
    `trap '' TERM` or a supervisor, which this command then ignores too)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    if signal.getsignal(signal.SIGTERM) is signal.SIG_IGN:
        return None
    return signal.signal(signal.SIGTERM, _raise_terminated)


def run_command(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    misused = _usage_error(args)
    if misused is not None:
        args.parser.error(misused)  # exits with status 2, as argparse does
    _OPENED.clear()
    for stream in (sys.stdout, sys.stderr):
        # A console that cannot show a letter (cp1251 has no "→") gets its escape, not a
        # traceback in the middle of what the command says.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    unnamed = _unusable_name(args)
    if unnamed is not None:
        print(f"{PROG}: {unnamed}", file=sys.stderr)
        return 1
    _guard_output()
    terminate = _terminated_as_interrupted()
    try:
        code = int(args.handler(args))
        sys.stdout.flush()  # a reader gone shows here, not at the exit (status 120)
        return code
    except (CommandError, LedgerFileError, Invalid) as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    except sqlite3.Error as error:
        if checked_files.is_damage(error):  # met while reading a file taken as checked
            checked_files.forget(Path(args.db))
        # A CHECK or a reference that failed names no row: the value that made it fail,
        # in the ledger or in the file merged into it, is named by table, row and column.
        unreadable = None if is_disk_full(error, Path(args.db)) else _unreadable_sentence(args)
        print(f"{PROG}: {unreadable or _sqlite_sentence(args.db, error)}", file=sys.stderr)
        return 1
    except (DateError, TypeError, ValueError, KeyError, OverflowError, AssertionError):
        # A value another program stored (the sqlite3 shell) in the ledger or in the
        # file merged into it? Named by table, row and column; anything else is a bug of
        # ours, and its traceback is for us.
        unreadable = _unreadable_sentence(args)
        if unreadable is None:
            raise
        print(f"{PROG}: {unreadable}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader of our output went away (`| head`): nothing more to say to it. What
        # the command saved stays saved, and a script must not do it a second time.
        _discard_output()
        return 0 if _saved() else 1
    except OutputError as error:
        _discard_output()
        kept = "; what it saved stays saved" if _saved() else ""
        print(f"{PROG}: its output could not be written ({error.strerror}){kept}.", file=sys.stderr)
        return 0 if _saved() else 1
    except KeyboardInterrupt as interrupted:
        done = "after its changes were saved" if _saved() else "nothing was changed"
        if isinstance(interrupted, Terminated):
            print(f"{PROG}: terminated; {done}.", file=sys.stderr)
            return 143
        print(f"{PROG}: interrupted; {done}.", file=sys.stderr)
        return 130
    except OSError as error:
        # Without a file name of its own, the error is about what the command writes.
        written = getattr(args, "dir", None) or getattr(args, "out", None) or args.db
        print(f"{PROG}: {_os_sentence(error, written)}", file=sys.stderr)
        return 1
    finally:
        _warn_unsaved()
        _SCRATCH.close()
        if terminate is not None:
            signal.signal(signal.SIGTERM, terminate)


class OutputError(OSError):
    """The command's own output could not take what it printed (`> /dev/full`): not the
    ledger's disk. A saved decision was reported as "DB: not enough space on the disk",
    exit 1, and a script would have recorded it a second time."""


class _GuardedOutput(io.RawIOBase):
    """The standard output's descriptor, whose failures are `OutputError`s (a reader gone
    stays BrokenPipeError)."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: Any) -> int:
        try:
            return os.write(self._fd, data)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error.errno, error.strerror) from error


def _guard_output() -> None:
    """The process's own standard output, guarded; a closed one (`>&-`) goes nowhere."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8", errors="backslashreplace")  # noqa: SIM115
        return
    if type(sys.stdout) is not io.TextIOWrapper or sys.__stdout__ is not sys.stdout:
        return  # replaced by the caller (a test's capture): left as it is
    sys.stdout.flush()
    raw = _GuardedOutput(sys.stdout.fileno())
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding=sys.stdout.encoding,
        errors="backslashreplace",
        line_buffering=raw.isatty(),
    )


def _discard_output() -> None:
    """What is still buffered goes nowhere (Python's documented way: the output's
    descriptor onto /dev/null), so that the exit's flush fails neither."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _saved() -> bool:
    """Whether this command has committed a write."""
    return any(ledger.commits for ledger in _OPENED)


PATH_ARGUMENTS = ("db", "file", "dir", "out", "other")


def _unusable_name(args: argparse.Namespace) -> str | None:
    """Why a file or folder named on the command line cannot be used by its name alone:
    empty (an unset shell variable: `export DB "$OUT"` would write into the current
    folder), or bytes that are not text (a name from another system's encoding, which
    SQLite cannot be given)."""
    for name in PATH_ARGUMENTS:
        value = getattr(args, name, None)
        if not isinstance(value, str):
            continue
        if not value.strip():
            return f"the {name.upper()} given is empty: name a file or folder."
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            shown = value.encode("utf-8", "backslashreplace").decode("ascii", "replace")
            return (
                f"{shown}: this name is not valid text (bytes of another system's"
                " encoding?); rename it and try again."
            )
    return None


def _unreadable(db: str) -> list[str]:
    from .store.database import connect
    from .store.values import unreadable_values

    try:
        connection = connect(Path(db), read_only=True, snapshot=True)
        try:
            return unreadable_values(connection, derived=True)
        finally:
            connection.close()
    except (sqlite3.Error, OSError):
        return []


def _unreadable_sentence(args: argparse.Namespace) -> str | None:
    """The first value this program cannot read in the ledger, or else in the file merged
    into it, said; None if there is none."""
    for db in (args.db, getattr(args, "other", None)):
        problems = _unreadable(db) if db else []
        if problems:
            more = f" (and {len(problems) - 1} more: '{PROG} check' lists them)"
            return (
                f"{db} holds a value this program cannot read: {problems[0]}"
                f"{more if problems[1:] else ''};"
                " nothing was changed."
            )
    return None


def _sqlite_sentence(db: str, error: sqlite3.Error) -> str:
    if is_disk_full(error, Path(db)):
        return f"{db}: there is not enough space on the disk; nothing was changed."
    return f"{db} could not be used: {error} (nothing was changed)."


def _os_sentence(error: OSError, written: str) -> str:
    name = error.filename or written
    if error.errno in (errno.EEXIST, errno.ENOTDIR):  # export's DIR, or a part of its path
        return (
            f"{name} is a file where a folder is needed: name a folder (one that does not"
            " exist yet is created); nothing was written."
        )
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        reason = "there is not enough space on the disk"
    return f"{name}: {reason}."


def _warn_unsaved() -> None:
    """A commit that a full disk kept in the -wal is safe there, but the main file alone
    does not hold it yet: say so, since people copy just the `.db`."""
    for ledger in _OPENED:
        wal = Path(f"{ledger.path}-wal")
        if ledger.checkpoint_failed and wal.exists() and wal.stat().st_size:
            print(
                f"warning: {ledger.path}: the changes are saved in {wal.name}, but could not"
                f" be copied into {ledger.path.name} ({ledger.checkpoint_failed}); keep both"
                " files together until there is space again.",
                file=sys.stderr,
            )
    _OPENED.clear()
