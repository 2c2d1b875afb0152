"""What the README and docs/ tell a reader holds: every file they point to is in the
repository, docs/formats.md lists the columns, values and commands the code uses, the
README's set-up lines install what desktop_app/system.py checks for, and the README's
screenshot is a real rendering of the window, remade by tools/screenshots.sh."""

from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path

import pytest
from conftest import REPO

from desktop_app import system
from desktop_app.__main__ import COMMANDS
from desktop_app.cli import build_parser
from desktop_app.domain.balance import BALANCE_COLUMNS
from desktop_app.domain.records import (
    CATEGORIES,
    CREDIBILITY,
    EVENT_TYPES,
    QUALIFIERS,
    RELIABILITY,
    SOURCE_KINDS,
)
from desktop_app.domain.rules import STATUSES
from desktop_app.store.csvio import FORMULA_STARTS
from desktop_app.store.evidence import EVIDENCE_COLUMNS
from desktop_app.store.exporter import EVENT_COLUMNS, RESOLUTION_COLUMNS, SOURCE_COLUMNS
from desktop_app.store.import_plan import (
    FLOW_COLUMNS,
    REPORT_COLUMNS,
    REPORT_NAMESPACE,
    REQUIRED_COLUMNS,
)
from desktop_app.ui.app import build_parser as build_window_parser

README = (REPO / "README.md").read_text(encoding="utf-8")
FORMATS = (REPO / "docs" / "formats.md").read_text(encoding="utf-8")
FLAT = " ".join(FORMATS.split())  # the page's text with its lines joined
SCREENSHOT_SIZE = (1280, 800)


def _ticked(values: object) -> str:
    return ", ".join(f"`{value}`" for value in values)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("reports.csv", REPORT_COLUMNS),
        ("events.csv", EVENT_COLUMNS),
        ("sources.csv", SOURCE_COLUMNS),
        ("balance.csv", BALANCE_COLUMNS),
        ("resolutions.csv", RESOLUTION_COLUMNS),
        ("evidence.csv", EVIDENCE_COLUMNS),
    ],
)
def test_each_file_is_documented_with_the_columns_the_code_writes(
    name: str, columns: tuple[str, ...]
) -> None:
    found = re.search(rf"`{re.escape(name)}` —.*?```csv\n(.*?)\n```", FORMATS, re.DOTALL)
    assert found is not None, f"docs/formats.md has no ```csv block after `{name}` —"
    assert found.group(1) == ",".join(columns)


def test_the_import_rules_are_the_codes() -> None:
    assert f"Required columns: {_ticked(REQUIRED_COLUMNS)};" in FLAT
    assert f"The flow columns are {_ticked(FLOW_COLUMNS)}." in FLAT
    assert f"(namespace `{REPORT_NAMESPACE}`)" in FLAT
    named = {"\t": "a tab", "\r": "a carriage return"}
    marks = [f"`{start}`" for start in FORMULA_STARTS if start not in named and start != "'"]
    words = [named[start] for start in FORMULA_STARTS if start in named]
    assert "'" in FORMULA_STARTS
    assert f"begins with one of {' '.join(marks)}, {', '.join(words)} or `'`" in FLAT


@pytest.mark.parametrize(
    ("what", "values"),
    [
        ("event type", EVENT_TYPES),
        ("category", CATEGORIES),
        ("count qualifier", QUALIFIERS),
        ("source kind", SOURCE_KINDS),
        ("status", STATUSES),
    ],
)
def test_the_allowed_values_are_the_codes(what: str, values: tuple[str, ...]) -> None:
    assert f"| {what} | {_ticked(values)} |" in FORMATS


def test_the_admiralty_grades_are_the_codes() -> None:
    for (grade, meaning), (number, sense) in zip(
        RELIABILITY.items(), CREDIBILITY.items(), strict=True
    ):
        assert f"| {grade} | {meaning} | {number} | {sense} |" in FORMATS


def _option_words(parser: argparse.ArgumentParser) -> set[str]:
    words = set()
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings:
            words.update(action.option_strings)
        elif isinstance(action.metavar, str):
            words.add(action.metavar)
    return words


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_every_command_and_option_is_documented() -> None:
    subparsers = next(
        action
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    assert set(subparsers.choices) == set(COMMANDS)
    from desktop_app.ui.app import build_parser as window_parser

    listed = window_parser().description or ""  # the top-level --help names every command
    assert all(f" {name}," in listed or f" {name} (" in listed for name in COMMANDS), listed
    commands = {}
    for name, parser in subparsers.choices.items():
        actions = _subcommands(parser)  # `evidence add`, `evidence list`…: each its own heading
        commands.update(
            {f"{name} {action}": sub for action, sub in actions.items()} or {name: parser}
        )
    for name, parser in commands.items():
        heading = re.search(rf"^### `exchange-ledger {name} (.*)`$", FORMATS, re.MULTILINE)
        assert heading is not None, f"docs/formats.md has no heading for `{name}`"
        for word in _option_words(parser):
            assert re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", heading.group(1)), (
                name,
                word,
            )
    window = re.search(r"^`exchange-ledger (\[DB\].*)`$", FORMATS, re.MULTILINE)
    assert window is not None
    for word in _option_words(build_window_parser()):
        assert word in window.group(1), word


def test_every_link_of_the_readme_and_the_docs_is_in_the_repository() -> None:
    assert "../shared" not in README and "../shared" not in FORMATS
    for page, text in (("README.md", README), ("docs/formats.md", FORMATS)):
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            assert (REPO / Path(page).parent / target).resolve().exists(), (page, target)
    assert (REPO / "resources" / "example" / "istanbul-article.txt").exists()


def _install_lines(text: str) -> list[list[str]]:
    """The packages of each `apt-get install -y --no-install-recommends` line."""
    joined = text.replace("\\\n", " ")
    lines = re.findall(r"apt-get install -y --no-install-recommends ([^#\n]*)", joined)
    return [line.split() for line in lines]


def test_the_readme_installs_what_the_program_checks_for() -> None:
    setup = README[README.index("## Set-up") : README.index("## Using it")]
    assert "apt-get update\n" in setup
    assert _install_lines(setup) == [system.PACKAGES["tests"], system.PACKAGES["window"]]
    assert "comes in addition" in " ".join(setup.split())
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    # CI installs both lines: the keyboard tests of tests/xvfb/ need a real X display.
    assert _install_lines(ci) == [system.PACKAGES["tests"], system.PACKAGES["window"]]
    assert "PYTHON=/usr/bin/python3" in ci
    assert "\nbash tools/test.sh" in ci and "bash tools/test.sh     #" in setup


def test_the_readme_shows_the_window_as_rendered(tmp_path: Path) -> None:
    """tools/screenshots.sh renders the README's picture; a broken renderer fails here."""
    from PySide6.QtGui import QImage

    assert "![" in README and "(docs/screenshots/window.png)" in README
    committed = QImage(str(REPO / "docs" / "screenshots" / "window.png"))
    assert (committed.width(), committed.height()) == SCREENSHOT_SIZE
    result = subprocess.run(
        ["bash", "tools/screenshots.sh", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shot = tmp_path / "window.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 30_000
    image = QImage(str(shot))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20, "the screenshot is nearly one colour: nothing was painted"
    for name in re.findall(r"\(docs/screenshots/([\w-]+\.png)\)", README):
        rendered, kept = QImage(str(tmp_path / name)), QImage(str(REPO / "docs/screenshots" / name))
        assert not rendered.isNull() and rendered.size() == kept.size(), name
