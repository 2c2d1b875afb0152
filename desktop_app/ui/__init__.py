"""The Qt user interface: adapts the store through models and one change signal."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

# pyqtgraph prefers PyQt6 when both bindings are installed; this program is PySide6.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_main_window(path: str | Path) -> MainWindow:
    """The main window on the ledger file at `path`, built and wired but not shown."""
    from ..store.ledger import Ledger
    from .main_window import MainWindow

    return MainWindow(Ledger.open(Path(path)))
