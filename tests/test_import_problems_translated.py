"""The problems an import finds, as the window lists them: in English exactly as the
command line prints them, and in Ukrainian and Russian with no English left but the
file's own column names and values (PRODUCT.md, "Languages")."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import GARBLED_CSV, write_csv
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from test_cli_import import BAD_CELLS, DEFAULTS, HEADER, no_flow, row
from ui_helpers import open_window

from desktop_app.domain.records import FieldKey, Flow, FlowKey
from desktop_app.domain.validation import FieldProblem
from desktop_app.store.evidence import EVIDENCE_COLUMNS
from desktop_app.store.exporter import (
    EVENT_COLUMNS,
    RESOLUTION_COLUMNS,
    SOURCE_COLUMNS,
    export_all,
)
from desktop_app.store.folder_files import FolderProblem
from desktop_app.store.importer import apply_import, plan_import
from desktop_app.store.ledger import Ledger, ReportInput
from desktop_app.store.restore import import_folder
from desktop_app.store.sources import SourceFields, update_source
from desktop_app.ui.dialogs import ProblemsDialog
from desktop_app.ui.i18n import current_language
from desktop_app.ui.messages import problem_text

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "translations"
WHO = "tester"
# Latin words a translated problem may keep besides the file's values and columns: the
# encoding's and formats' names, the CSV values a message lists as allowed.
ALLOWED = {
    "UTF", "CSV", "NUL", "UTC", "YYYY", "MM", "DD", "DDTHH", "SSZ", "exchange", "agreement",
    "talks", "statement", "other", "bodies", "pows", "civilians", "exact", "approx",
    "at_least", "at_most", "official", "media", "ngo", "social_media", "footage",
}  # fmt: skip
# What a problem quotes from the file (its values), a folder's path and UUIDs, and a
# letter's code and Unicode name ("(U+0443 CYRILLIC SMALL LETTER U)", the standard's own).
NOT_WORDS = re.compile(
    r"«[^»]*»|'[^']*'|/\S+|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|\(U\+[0-9A-F]+ [A-Z -]+\)"
)


def english_left(
    texts: list[str], kept: set[str], not_words: re.Pattern[str] = NOT_WORDS
) -> list[str]:
    """The texts that still hold Latin words other than `kept` (`not_words` taken out
    first), each with those words."""
    left = []
    for text in texts:
        english = set(re.findall(r"[A-Za-z_]{2,}", not_words.sub(" ", text))) - kept
        if english:
            left.append(f"{sorted(english)} in {text!r}")
    return left


@contextmanager
def speaking(app: QApplication, language: str) -> Iterator[None]:
    """The window's translations of `language` installed for a while (the suite's window
    speaks English, and a window installs its language once per process)."""
    translator = QTranslator()
    assert translator.load(str(FOLDER / f"exchange_ledger_{language}.qm"))
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)


def plan_problems(ledger: Ledger, path: Path) -> list[FieldProblem]:
    plan = plan_import(ledger, path, WHO)
    return [*plan.errors, *plan.warnings]


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    """A ledger holding one report (id `stored`, event `bodies-2025-06-11`, an exchange),
    the tombstone of another (`deleted`), and a source renamed from "Old name"."""
    good = write_csv(
        tmp_path / "good.csv",
        HEADER,
        [
            row(report_id="stored"),
            row(report_id="deleted", event_id="other-event"),
            row(report_id="renamed", event_id="third-event", source_name="Old name"),
            *(row(report_id=f"apart{n}", event_id="apart-event") for n in range(3)),
        ],
    )
    with Ledger.open(tmp_path / "ledger.db") as opened:
        apply_import(opened, plan_import(opened, good, WHO), WHO)
        opened.delete_report("deleted", WHO)
        source = opened.find_source("Old name", DEFAULTS["source_party"])
        assert source is not None
        fields = SourceFields("New name", source["party"], source["kind"], source["reliability"])
        update_source(opened, source["id"], fields, WHO)
        yield opened


def every_kind_of_problem(ledger: Ledger, tmp_path: Path) -> list[FieldProblem]:
    """At least one problem of each kind the careful reading names, errors and warnings."""
    files: list[tuple[list[str], list[list[str]]]] = [
        (HEADER, [row(**dict(param.values[0])) for param in BAD_CELLS]),
        (
            HEADER,
            [
                row(report_id="stored", count="99"),  # already stored, other content
                row(report_id="deleted", event_id="other-event"),  # deleted here: a warning
                row(report_id="new", event_type="talks"),  # the stored event is an exchange
                row(report_id="graded", reliability="A", source_kind="media"),  # warnings
                row(report_id="twice"),
                row(report_id="twice", location="Istanbul"),  # differs within the report
                row(report_id="twice"),  # the same flow twice
                row(report_id="cells")[:-2],  # too few cells
                row(report_id="nul", location="a\x00b"),
                row(report_id="latin1", location="KYIV_MARK"),  # made not UTF-8 below
                row(report_id="damaged", quote="???"),  # a spreadsheet's damage: a warning
                no_flow(report_id="later", event_id="later-event", event_type="talks"),
                row(report_id="later2", event_id="later-event"),  # a type unlike row 13's
                row(report_id="grade2", source_name="Other", reliability="B"),
                row(report_id="grade3", source_name="Other", reliability="C"),  # unlike row 15
                row(report_id="old-name", source_name="Old name"),  # renamed here: a warning
                # a Cyrillic у and а among Latin letters, named by the file's column
                row(report_id="mixed", source_name="Medinsk\u0443", from_party="Russi\u0430"),
                # the same reports recorded apart (by someone else): skipped, one warning
                *(
                    row(report_id=f"apart{n}", event_id="apart-event", recorded_by="B")
                    for n in (0, 1)
                ),
            ],
        ),
        (HEADER, [row(report_id="apart2", event_id="apart-event", recorded_by="B")]),
        # an unknown column, one twice, a required one missing
        ([*(name for name in HEADER if name != "event_id"), "colour", "quote"], [row()]),
        ([], []),  # empty
    ]
    problems = []
    for number, (header, rows) in enumerate(files):
        path = write_csv(tmp_path / f"bad{number}.csv", header, rows)
        if number == 1:
            path.write_bytes(path.read_bytes().replace(b"KYIV_MARK", "Kyïv".encode("latin-1")))
        if not header:
            path.write_bytes(b"")
        problems += plan_problems(ledger, path)
    return problems


# ---- an export folder read back ---------------------------------------------------------

POWS = FlowKey("Russia", "Ukraine", "pows")
# Latin words of the folder's files and of the ledger below that a message may name.
FOLDER_WORDS = {
    "reports", "sources", "resolutions", "events", "csv", "ev", "in_force", "superseded",
    "withdrawn", "conflict", "resolved", "reopened", "consistent", "single", "warning",
    "dismissed", "Russia", "Ukraine", "Source", "not", "an", "export", "folder", "date",
    "location", "count", "direction", "height", "Lviv", "Kyiv", "ghost", "evidence",
}  # fmt: skip


def decided_ledger(path: Path) -> Ledger:
    """The garbled example with its reversed direction dismissed, and an event whose count
    was decided from its first report."""
    ledger = Ledger.open(path)
    apply_import(ledger, plan_import(ledger, GARBLED_CSV, WHO), WHO)
    ledger.resolve(
        "bodies-2025-06-13",
        FieldKey.direction(FlowKey("Russia", "Ukraine", "bodies")),
        "dismissed",
        "both stand as reported",
        "rev",
    )
    one, _ = ledger.add_report(
        ReportInput("exchange", "Source A", "2025-05-01", flows=(Flow(POWS, 100),)),
        "a",
        event_id="ev-x",
    )
    ledger.add_report(
        ReportInput(
            "exchange", "Source B", "2025-05-01", location="Lviv", flows=(Flow(POWS, 120),)
        ),
        "b",
        event_id="ev-x",
    )
    ledger.resolve("ev-x", FieldKey.count(POWS), "100", "first reading", "rev", one)
    return ledger


def edit_rows(path: Path, edit: dict[int, dict[str, str]], extra: int = 0) -> None:
    """Change cells of a folder's file (row index → column → value); `extra` copies of its
    first row appended."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows += [dict(rows[0]) for _ in range(extra)]
    for index, cells in edit.items():
        rows[index].update(cells)
    write_csv(path, list(rows[0]), [list(row.values()) for row in rows])


def every_kind_of_folder_problem(tmp_path: Path) -> list[FolderProblem]:
    """Problems of export folders restored into a new ledger and added to one with data."""
    work = tmp_path / "folders"
    decided_ledger(work.with_suffix(".db")).close()

    def exported(name: str, **edits: dict[int, dict[str, str]]) -> Path:
        """The decided ledger's export folder, its files (`reports=…`) edited."""
        with Ledger.open(work.with_suffix(".db"), read_only=True) as ledger:
            export_all(ledger, work / name)
        for file, edit in edits.items():
            edit_rows(work / name / f"{file}.csv", edit)
        return work / name

    def restored(folder: Path) -> list[FolderProblem]:
        with Ledger.open(work / f"{folder.name}.db") as new:
            result = import_folder(new, folder, WHO)
        return [*result.errors, *result.warnings]

    bad = exported(
        "bad",
        reports={1: {"count": "1,212"}},
        sources={1: {"reliability": "Z"}, 2: {"source_id": ""}},
        resolutions={
            0: {"state": "gone", "resolved_at": "2999-01-01T00:00:00Z"},
            1: {"field": "height"},
        },
    )
    edit_rows(bad / "sources.csv", {}, extra=1)  # its first source again
    problems = restored(bad)
    problems += restored(exported("direction", resolutions={0: {"value": "kept"}}))
    problems += restored(exported("flow", resolutions={1: {"field": "location", "value": "Kyiv"}}))
    problems += restored(exported("seq", resolutions={1: {"seq": "1"}}))
    problems += restored(
        exported(
            "edited",
            events={0: {"status": "resolved"}},
            sources={0: {"kind": "ngo"}},
            resolutions={0: {"state": "withdrawn"}},
        )
    )
    problems += restored(exported("ghost", resolutions={1: {"event_id": "ghost"}}))
    problems += restored(exported("unstated", resolutions={1: {"value": "101"}}))
    unknown = exported("unknown")
    write_csv(
        unknown / "evidence.csv",
        list(EVIDENCE_COLUMNS),
        [
            [
                "ghost",
                "a" * 64,
                "a.pdf",
                "application/pdf",
                "3",
                "",
                "",
                "",
                "",
                "2025-06-11T00:00:00Z",
            ]
        ],
    )
    problems += restored(unknown)
    semicolons = exported("semicolons")
    (semicolons / "sources.csv").write_text("source_id;name;kind\r\n", encoding="utf-8")
    problems += restored(semicolons)
    wrong = exported("wrong", resolutions={1: {"from_party": "Ukraine", "to_party": "Russia"}})
    with Ledger.open(work / "other.db") as other:  # data of its own: decisions checked
        apply_import(other, plan_import(other, GARBLED_CSV, WHO), WHO)
        problems += import_folder(other, wrong, WHO).errors
    (work / "empty").mkdir()
    return problems + restored(work / "empty")


def test_every_kind_of_folder_problem_is_made(tmp_path: Path) -> None:
    messages = " | ".join(str(problem) for problem in every_kind_of_folder_problem(tmp_path))
    for fragment in (
        "use one of",
        "is in the future",
        "the same id as row",
        "a direction decision has the value",
        "decision names no flow",
        "is also the place of",
        "comes back",
        "is not an export folder",
        "states a flow",
        "event ghost has no report in reports.csv or in this ledger",
        "report ghost is neither in reports.csv nor in this ledger",
        "does not state 101 for",
        "sources.csv, row 1: the columns are separated by semicolons",
    ):
        assert fragment in messages, messages


def test_every_kind_of_problem_is_made(ledger: Ledger, tmp_path: Path) -> None:
    """The list below covers what the tests of the languages rely on."""
    messages = " | ".join(problem.message for problem in every_kind_of_problem(ledger, tmp_path))
    for fragment in (
        "already in the database with other content",
        "was deleted from this ledger",
        "an event has one type",
        "is graded",
        "differs from row",
        "already states",
        "cells where the header has",
        "NUL",
        "not UTF-8",
        "'???'",
        "unknown column",
        "appears twice",
        "is missing",
        "the file is empty",
        "is in the future",
        "use one of",
        "is not a UTC time",
        "was renamed or merged",
        "and 1 more report say the same here and in the file, recorded apart",
        "apart2 says the same here and in the file, recorded apart",
    ):
        assert fragment in messages


def test_the_english_window_lists_problems_as_the_command_line_prints_them(
    ledger: Ledger, tmp_path: Path, qapp: QApplication
) -> None:
    assert current_language() == "en"
    for problem in every_kind_of_problem(ledger, tmp_path):
        assert problem_text(problem) == str(problem)
    for folder_problem in every_kind_of_folder_problem(tmp_path):
        assert problem_text(folder_problem) == str(folder_problem)


@pytest.mark.parametrize(
    ("language", "frame"), [("uk", "рядок {row}, стовпець"), ("ru", "строка {row}, столбец")]
)
def test_every_problem_is_listed_in_the_windows_language(
    ledger: Ledger, tmp_path: Path, qapp: QApplication, language: str, frame: str
) -> None:
    with speaking(qapp, language):
        problems = every_kind_of_problem(ledger, tmp_path)
        shown = [problem_text(problem) for problem in problems]
        folder_problems = every_kind_of_folder_problem(tmp_path)
        folder_shown = [problem_text(problem) for problem in folder_problems]
    # The columns, the file's ids and the keys `import` compares stored reports by.
    kept = ALLOWED | set(HEADER) | {"colour", "stored", "deleted", "twice", "later", "event"}
    kept |= {"apart"}
    kept |= {"flows", "source", "claimed_date"}
    kept |= {word for value in DEFAULTS.values() for word in re.findall(r"[A-Za-z_]+", value)}
    kept |= FOLDER_WORDS | {*RESOLUTION_COLUMNS, *SOURCE_COLUMNS, *EVENT_COLUMNS}
    for problem, text in zip(problems, shown, strict=True):
        if problem.column:
            assert text.startswith(frame.format(row=problem.row)), text
    for problem, text in zip(folder_problems, folder_shown, strict=True):
        assert text.startswith(problem.file), text
    left = english_left(shown + folder_shown, kept)
    assert not left, "\n".join(left)


def test_the_window_lists_a_refused_files_problems_and_its_warnings_in_its_language(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        ProblemsDialog, "exec", lambda dialog: shown.append(dialog.text.toPlainText()) or 0
    )
    window = open_window(qtbot, tmp_path / "ledger.db")
    bad = write_csv(tmp_path / "bad.csv", HEADER, [row(report_id="a", count="1,212")])
    damaged = write_csv(tmp_path / "damaged.csv", HEADER, [row(report_id="b", quote="???")])
    with speaking(qapp, "uk"):
        window.transfers.import_file(bad)
        window.transfers.import_file(damaged)
    assert window.ledger.count("reports") == 1  # the damaged file's, with its warning
    assert shown[0].startswith("рядок 2, стовпець count: кількість «1,212»: пишіть"), shown[0]
    assert shown[1].startswith("попередження: рядок 2, стовпець quote: «???» там, де"), shown[1]


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_limit_in_a_problem_is_grouped_as_the_language_groups_numbers(
    qapp: QApplication, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "більше ніж 1,000,000,000": the limit kept its English commas in the sentence."""
    from desktop_app.ui import i18n
    from desktop_app.ui.messages import message_text

    monkeypatch.setattr(i18n, "_current", [language])
    english = "count is 2000000000: more than 1,000,000,000 is not a plausible count"
    with speaking(qapp, language):
        shown = message_text(english)
    assert "1,000,000,000" not in shown and i18n.number(1_000_000_000) in shown, shown
    assert "2000000000" in shown  # the value as it was typed
