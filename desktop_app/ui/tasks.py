"""Long work off the main thread: one job at a time, a progress dialog with Cancel.

The worker opens its own connection to the file (SQLite connections belong to one
thread) and never touches a widget; its result comes back on the main thread.

The worker is a plain Python thread, joined before `run` returns, and the object whose
signals carry its progress and result belongs to the main thread from start to end.
A `QRunnable` handed to Qt's thread pool was deleted by the pool, on the worker thread,
while the main thread was still delivering its signals: a stress loop of short jobs
crashed within a few hundred runs (a segfault, or `std::bad_alloc` and an abort), and
a full test run once aborted the same way.
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
    Qt,
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
    waiting = Signal(float)  # seconds waited for another program; below 0: no longer
    finished = Signal(object)


_job = threading.local()  # the signals and cancel of the job the worker thread runs


def job_waits(seconds: float) -> bool:
    """`Ledger.on_wait` for a ledger a job opened: its dialog says that the job waits
    for another program writing the file, and Cancel stops the waiting (False). A job
    waited up to a minute with the import's title alone, and Cancel did nothing."""
    signals, cancel = _job.current
    signals.waiting.emit(seconds)
    return not cancel.is_set()


def job_wait_over() -> None:
    """`Ledger.on_wait_over` for a ledger a job opened: its dialog says its title again."""
    signals, _ = _job.current
    signals.waiting.emit(-1.0)


def _run_job(work: Callable[[Progress], Any], cancel: threading.Event, signals: _Signals) -> None:
    """The worker thread's whole life: the work, then its result as the last signal."""
    _job.current = (signals, cancel)

    def progress(done: int, total: int) -> bool:
        signals.progressed.emit(done, total)
        return not cancel.is_set()

    result = JobResult()
    try:
        result.value = work(progress)
    except Cancelled:
        result.cancelled = True
    except BaseException as error:  # noqa: BLE001 - reported on the main thread
        result.error = error
        result.details = traceback.format_exc()
    # A Cancel that came after the last point where the work could stop changes
    # nothing: the work is done and is reported as done.
    signals.finished.emit(result)


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
        signals = _Signals()
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

        def waiting(seconds: float) -> None:
            if seconds < 0:
                dialog.setLabelText(title)
                return
            text = QCoreApplication.translate(
                "Tasks",
                "{task}: waiting for another program that is writing the file ({seconds} s)…",
            )
            dialog.setLabelText(text.format(task=title, seconds=f"{seconds:.0f}"))
            dialog.show()

        def finished(result: JobResult) -> None:
            outcome.append(result)
            loop.quit()

        queued = Qt.ConnectionType.QueuedConnection  # the slots touch widgets
        signals.progressed.connect(progressed, queued)
        signals.waiting.connect(waiting, queued)
        signals.finished.connect(finished, queued)
        self.started.emit(dialog)
        worker = threading.Thread(
            target=_run_job, args=(work, cancel, signals), name=f"job: {title}", daemon=True
        )
        worker.start()
        if not outcome:
            loop.exec()
        worker.join()  # it has sent its result; nothing of it outlives this call
        dialog.close()
        dialog.deleteLater()
        self.dialog = None
        self.cancel_event = None
        return outcome[0]

    def cancel(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
