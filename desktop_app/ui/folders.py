"""Where a file dialog starts: the folder last used for the same purpose, else the open
ledger's folder. Qt's dialogs given no folder start in the program's working folder,
which for a person who started it from a menu or a terminal is rarely theirs: File →
Export CSV offered the program's own source folder to write into."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..settings import APPLICATION, ORGANIZATION

LEDGERS = "ledgers"  # open, new, merge, save a copy
IMPORTS = "imports"  # reports.csv files and export folders read
EXPORTS = "exports"  # export folders written
EVIDENCE = "evidence"  # files attached as evidence
CHARTS = "charts"  # PNG and SVG images of the chart


def _key(purpose: str) -> str:
    return f"folders/{purpose}"


def start_folder(purpose: str, ledger_path: Path) -> str:
    """The folder a dialog for `purpose` opens in (one that still exists)."""
    remembered = str(QSettings(ORGANIZATION, APPLICATION).value(_key(purpose), "") or "")
    for folder in (Path(remembered) if remembered else None, ledger_path.parent, Path.home()):
        if folder is not None and folder.is_dir():
            return str(folder)
    return ""


def start_path(purpose: str, ledger_path: Path, name: str) -> str:
    """A file name suggested in the folder a save dialog for `purpose` opens in."""
    folder = start_folder(purpose, ledger_path)
    return str(Path(folder) / name) if folder else name


def remember(purpose: str, chosen: str | Path) -> None:
    """The folder of what was chosen (or the folder chosen), for the next dialog."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings = QSettings(ORGANIZATION, APPLICATION)
    settings.setValue(_key(purpose), str(folder))
    settings.sync()
