"""Start-up of the window: arguments, display check, crash guard, ledger, window."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from .. import COMMANDS, __version__, system
from ..settings import APPLICATION, ORGANIZATION
from ..store import checked_files
from ..store.ledger import SCHEMA_VERSION, inspect_early

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

PROG = "exchange-ledger"
DEMO_NAME = "demo.exchange-ledger.db"
WORKSPACES = ("record", "review", "balance")  # in the order of their tabs
DEFAULT_NAME = "ledger.exchange-ledger.db"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=f"Open the Exchange Ledger window. Commands: {', '.join(COMMANDS)}"
        f" (see '{PROG} COMMAND --help').",
        allow_abbrev=False,
    )
    parser.add_argument("db", nargs="?", metavar="DB", help="the ledger file to open")
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__} (ledger files of schema version {SCHEMA_VERSION})",
    )
    parser.add_argument("--demo", action="store_true", help="open a fresh copy of the example")
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="render the window once painted into FILE.png, then exit (works offscreen)",
    )
    parser.add_argument(
        "--size",
        metavar="WIDTHxHEIGHT",
        type=_size,
        help="the window's size in pixels, e.g. 1280x800 (for screenshots of a known size)",
    )
    parser.add_argument(
        "--workspace",
        choices=WORKSPACES,
        help="the workspace to show: record (the default on a first run), review or balance",
    )
    return parser


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and min(int(width), int(height)) >= 200):
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1280x800")
    return int(width), int(height)


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def data_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep_changed_demo(folder: Path) -> Path | None:
    """The demo file, if anything was done in it since `--demo` made it (an audit record
    beyond the example's import), copied with its evidence to a dated name beside it
    before `--demo` makes it afresh: what was entered there was deleted without a word.
    The copy, or None; an error if it could not be made (a full disk), and then the
    demo must stay as it is."""
    import time

    from ..store.evidence import evidence_folder
    from ..store.ledger import Ledger, LedgerFileError

    path = folder / DEMO_NAME
    if not path.exists():
        return None
    kept = folder / f"demo.exchange-ledger.kept-{time.strftime('%Y%m%d-%H%M%S')}.db"
    try:
        ledger = Ledger.open(path, read_only=True, create=False)
    except LedgerFileError:
        return None  # damaged, or of a newer version: nothing this program can keep
    with ledger:
        if ledger.count("audit") <= 1:
            return None
        try:
            ledger.copy_to(kept)
        except BaseException:
            kept.unlink(missing_ok=True)
            shutil.rmtree(evidence_folder(kept), ignore_errors=True)
            raise
    return kept


def fresh_demo(folder: Path) -> Path:
    """A fresh copy of the example data, replacing the previous demo file (and its
    evidence folder: left, it pointed at nothing)."""
    from ..resources import example_reports
    from ..store.evidence import evidence_folder
    from ..store.importer import apply_import, plan_import
    from ..store.ledger import Ledger

    path = folder / DEMO_NAME
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(evidence_folder(path), ignore_errors=True)
    example = folder / "example-reports.csv"
    with example_reports().open("rb") as source, example.open("wb") as target:
        shutil.copyfileobj(source, target)
    with Ledger.open(path) as ledger:
        plan = plan_import(ledger, example, "Exchange Ledger example")
        apply_import(ledger, plan, "Exchange Ledger example")
    example.unlink()
    return path


def last_database() -> Path | None:
    from PySide6.QtCore import QSettings

    value = QSettings(ORGANIZATION, APPLICATION).value("files/last", "")
    return Path(str(value)) if value and Path(str(value)).exists() else None


def last_database_gone() -> Path | None:
    """The last file, if it is not there any more (moved, deleted, on a drive that is not
    connected): the start opens the data folder's ledger, and must say why, or the person
    sees an empty ledger as if their data were lost."""
    from PySide6.QtCore import QSettings

    value = QSettings(ORGANIZATION, APPLICATION).value("files/last", "")
    return Path(str(value)) if value and not Path(str(value)).exists() else None


def start_path(db: str | None, demo: bool) -> tuple[Path, bool]:
    """The file to open and whether this is a first run (a new, empty ledger)."""
    if demo:
        return fresh_demo(data_folder()), False
    if db:
        return Path(db), False
    last = last_database()
    if last is not None:
        return last, False
    path = data_folder() / DEFAULT_NAME
    return path, not path.exists()


def offer_example(window: MainWindow) -> None:
    """On a first run, the empty ledger offers the example data to look around with."""
    from importlib.resources import as_file

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from ..resources import example_reports

    translate = QCoreApplication.translate
    answer = QMessageBox.question(
        window,
        translate("App", "Welcome to Exchange Ledger"),
        translate(
            "App",
            "Your new ledger is {path}.\n\nLoad the example data (the Istanbul talks"
            " article: an agreement, two exchanges and their sources) to look around?",
        ).format(path=window.ledger.path),
    )
    if answer == QMessageBox.StandardButton.Yes:
        with as_file(example_reports()) as example:
            window.transfers.import_file(Path(example))


def application_icon() -> QIcon:
    from importlib.resources import as_file

    from PySide6.QtGui import QIcon

    from ..resources import icon

    with as_file(icon("exchange-ledger.svg")) as path:
        return QIcon(QIcon(str(path)).pixmap(64, 64))


def install_crash_guard(*, dialog: bool = True) -> None:
    """An unexpected exception shows a dialog with the details instead of dying silently.
    Committed data is safe: every write is its own transaction. Without `dialog` (a
    --screenshot run, which nobody watches) the details go to stderr and the run ends
    with status 1: a dialog nobody can close kept the process waiting for ever."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        sys.stderr.write(details)
        if checked_files.is_damage(error):  # the next opening reads every file whole again
            checked_files.forget()
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance()
        if app is None:
            return
        if not dialog:
            app.exit(1)
            return
        translate = QCoreApplication.translate
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            translate("App", "Unexpected error"),
            str(error) or kind.__name__,
        )
        box.setInformativeText(
            translate("App", "Everything already saved is safe. Copy the details for a report.")
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook


def start_application() -> QApplication:
    """The application, named and in the person's language (chosen, else the system's)."""
    from PySide6.QtWidgets import QApplication

    from .i18n import install_language

    app = QApplication.instance() or QApplication([PROG])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(application_icon())
    install_language()
    return app


def run_app(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.screenshot and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not has_display():
        print(
            f"{PROG}: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); run it in a"
            " desktop session, under Xvfb with `xvfb-run -a bash tools/app.sh` (Debian"
            " packages: xvfb xauth), or render the window into a file with --screenshot"
            " FILE.png, which needs no display.",
            file=sys.stderr,
        )
        return 1
    lacking = system.display_problem() or system.problem(system.platform_purpose())
    if lacking is not None:
        print(f"{PROG}: {lacking}", file=sys.stderr)
        return 1
    if args.db:
        inspect_early(Path(args.db))  # beside the imports of Qt below
    try:
        from PySide6 import QtWidgets  # noqa: F401 - a library Qt lacks shows here
        from PySide6.QtCore import QCoreApplication, QTimer
    except ImportError as error:  # a library the checks above do not know of
        print(f"{PROG}: {system.import_problem(error)}", file=sys.stderr)
        return 1

    from ..store.ledger import LedgerFileError
    from . import build_main_window
    from .main_window import remember_file

    app = start_application()
    install_crash_guard(dialog=not args.screenshot)
    gone = None if args.db or args.demo else last_database_gone()
    kept, demo_as_it_is = _keep_demo() if args.demo else (None, None)
    if demo_as_it_is is not None:
        path, first_run = demo_as_it_is, False
    else:
        path, first_run = start_path(args.db, args.demo)
    if gone == path:  # the data folder's own ledger: made again, and the example offered
        gone = None
    if gone is not None:
        print(f"{PROG}: {gone} is not there any more; {path} opens instead.", file=sys.stderr)
    if kept is not None:
        print(f"{PROG}: what was done in the earlier demo is kept in {kept}.", file=sys.stderr)
    try:
        window = build_main_window(path)
    except LedgerFileError as error:
        print(f"{PROG}: {error}", file=sys.stderr)  # scripts read English
        # The last file refused (a newer version saved it, it was damaged): the window
        # comes up on the ledger in the data folder, or a start from the desktop's menu
        # would end at this message every time, File → Open out of reach.
        fallback = None if args.db or args.demo else data_folder() / DEFAULT_NAME
        if fallback == path:
            fallback = None
        if not args.screenshot:
            _cannot_open(str(error), fallback)
        if fallback is None:
            return 1
        path, first_run = fallback, not fallback.exists()
        try:
            window = build_main_window(path)
        except LedgerFileError as second:
            print(f"{PROG}: {second}", file=sys.stderr)
            if not args.screenshot:
                _cannot_open(str(second), None)
            return 1
    if not args.demo:
        remember_file(path)
    if args.size:
        window.resize(*args.size)
    if args.workspace:
        window.show_workspace(WORKSPACES.index(args.workspace))
    window.show()
    if args.screenshot:
        return _screenshot(app, window, Path(args.screenshot))
    if kept is not None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "App", "What was done in the earlier demo is kept in {path} (File → Open)."
            ).format(path=kept)
        )
    if gone is not None:
        QTimer.singleShot(0, window, lambda: _say_gone(window, gone))
    elif first_run:
        QTimer.singleShot(0, window, lambda: offer_example(window))
    return app.exec()


def _keep_demo() -> tuple[Path | None, Path | None]:
    """What was done in the earlier demo, kept (the copy), or, where it could not be
    kept, the demo itself to open as it is, which `--demo` then leaves alone."""
    import sqlite3

    folder = data_folder()
    try:
        return keep_changed_demo(folder), None
    except (sqlite3.Error, OSError) as error:
        if not (folder / DEMO_NAME).exists():
            return None, None
        print(
            f"{PROG}: what was done in the earlier demo could not be kept ({error});"
            " it opens as it is.",
            file=sys.stderr,
        )
        return None, folder / DEMO_NAME


def _say_gone(window: MainWindow, gone: Path) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    translate = QCoreApplication.translate
    QMessageBox.information(
        window,
        translate("App", "Your last ledger is not there"),
        translate(
            "App",
            "{gone} is not there any more: moved, deleted, or on a drive that is not"
            " connected. Exchange Ledger opens {path} instead; File → Open reaches the"
            " other, wherever it is now.",
        ).format(gone=gone, path=window.ledger.path),
    )


def _cannot_open(error: str, instead: Path | None) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from .messages import message_text

    text = message_text(error)
    if instead is not None:
        text += "\n\n" + QCoreApplication.translate(
            "App", "Exchange Ledger opens {path} instead; File → Open reaches your other ledgers."
        ).format(path=instead)
    QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the file"), text)


def _screenshot(app: object, window: object, target: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(window, QWidget)
    result = {"code": 1}

    def capture() -> None:
        QApplication.processEvents()
        ok = window.grab().save(str(target))
        result["code"] = 0 if ok else 1
        if not ok:
            print(f"{PROG}: could not write {target}", file=sys.stderr)
        window.close()
        QApplication.quit()

    QTimer.singleShot(200, capture)
    QApplication.exec()
    return result["code"]
