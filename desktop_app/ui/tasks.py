"""Long work off the main thread: one job at a time, a progress dialog with Cancel.

The worker opens its own connection to the file (SQLite connections belong to one
thread) and never touches a widget; its result comes back on the main thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..store.import_plan import Cancelled

Progress = Callable[[int, int], bool]


def in_kib(progress: Progress) -> Progress:
    """Bytes counted in KiB: QProgressDialog counts in int, and a 4 GB video has more."""
    return lambda done, total: progress(done // 1024, max(total // 1024, 1))


@dataclass
class JobResult:
    value: Any = None
    error: BaseException | None = None
    details: str = ""
    cancelled: bool = False


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], cancel: threading.Event) -> None:
        super().__init__()
        self.work = work
        self.cancel = cancel
        self.signals = _Signals()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progressed.emit(done, total)
        return not self.cancel.is_set()

    def run(self) -> None:
        result = JobResult()
        try:
            result.value = self.work(self._progress)
        except Cancelled:
            result.cancelled = True
        except BaseException as error:  # noqa: BLE001 - reported on the main thread
            result.error = error
            result.details = traceback.format_exc()
        # A Cancel that came after the last point where the work could stop changes
        # nothing: the work is done and is reported as done.
        self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Runs one job at a time with a modal progress dialog; returns when it is done."""

    started = Signal(QProgressDialog)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.dialog: QProgressDialog | None = None
        self.cancel_event: threading.Event | None = None

    def run(self, title: str, work: Callable[[Progress], Any]) -> JobResult:
        cancel = threading.Event()
        self.cancel_event = cancel
        cancel_text = QCoreApplication.translate("Tasks", "Cancel")
        dialog = QProgressDialog(title, cancel_text, 0, 0, self._parent)
        dialog.setWindowTitle(title)
        # Wide enough for the title and its label whole ("Importing a-long-file-name.csv").
        dialog.setMinimumWidth(max(420, dialog.fontMetrics().horizontalAdvance(title) + 160))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(cancel.set)
        self.dialog = dialog
        job = _Job(work, cancel)
        loop = QEventLoop()
        outcome: list[JobResult] = []

        def progressed(done: int, total: int) -> None:
            if total <= 0:  # a last step of unknown length, which cannot stop half-way
                dialog.setRange(0, 0)  # a busy bar, not a full one
                dialog.setCancelButton(None)  # type: ignore[arg-type]
                dialog.setLabelText(
                    QCoreApplication.translate("Tasks", "{task}: finishing…").format(task=title)
                )
                return
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))

        def finished(result: JobResult) -> None:
            outcome.append(result)
            loop.quit()

        job.signals.progressed.connect(progressed)
        job.signals.finished.connect(finished)
        self.started.emit(dialog)
        QThreadPool.globalInstance().start(job)
        if not outcome:
            loop.exec()
        dialog.close()
        dialog.deleteLater()
        self.dialog = None
        self.cancel_event = None
        return outcome[0]

    def cancel(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
