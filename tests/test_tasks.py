"""Long work off the main thread: many short jobs in a row, each with its progress."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

from PySide6.QtWidgets import QProgressBar, QWidget

from desktop_app.ui.tasks import TaskRunner

# Short jobs back to back, with collections between them, in a process of their own: a
# worker's objects freed on the wrong thread crash the process, which must not take the
# test run with it. Before the worker was a joined Python thread, this loop crashed
# within a few hundred jobs on most runs (a segfault, or std::bad_alloc and an abort).
_MANY_JOBS = textwrap.dedent(
    """
    import gc
    from PySide6.QtWidgets import QApplication, QWidget
    from desktop_app.ui.tasks import TaskRunner

    app = QApplication([])
    window = QWidget()
    runner = TaskRunner(window)
    for number in range(1500):
        result = runner.run("job", lambda progress: [progress(i, 5) for i in range(5)] and number)
        assert result.value == number, result
        if number % 13 == 0:
            gc.collect()
        if number % 7 == 0:
            app.processEvents()
    print("ok")
    """
)


def test_many_short_jobs_in_a_row_do_not_crash_the_window() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", _MANY_JOBS],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr[-2000:]


def test_a_job_reports_progress_and_result_and_leaves_no_thread(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    steps: list[int] = []
    shown: list[int] = []
    runner.started.connect(
        lambda dialog: dialog.findChild(QProgressBar).valueChanged.connect(shown.append)
    )
    before = set(threading.enumerate())

    def work(progress) -> str:  # noqa: ANN001
        for step in range(1, 4):
            progress(step, 3)
        steps.append(0)  # the work saw its last step
        return threading.current_thread().name

    result = runner.run("Counting", work)
    assert result.error is None and not result.cancelled
    assert result.value == "job: Counting" and steps == [0]
    assert shown[-1] == 3  # each step reached the dialog, on the main thread
    assert set(threading.enumerate()) == before


def test_a_failing_job_brings_its_traceback_back(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(_progress) -> None:  # noqa: ANN001
        raise ValueError("no such column: mood")

    result = TaskRunner(parent).run("Failing", work)
    assert isinstance(result.error, ValueError)
    assert "no such column: mood" in result.details and "Traceback" in result.details
