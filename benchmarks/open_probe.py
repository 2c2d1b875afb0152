"""The window side of the benchmark, run as its own process by `benchmarks/run.py`.

    python benchmarks/open_probe.py LEDGER.db [--jumps 20] [--commits 3] [--seed 1]

It opens LEDGER.db the way the program does (QApplication, `build_main_window`, show),
and prints the line `painted` as soon as the main window has been painted with the
events table filled, and the chart and review panes built and filled (painted too when
their dock is the visible tab). The parent measures the wall time from spawning this
process to reading that line. Then, in the same window, it measures:

* scrolling the events table from top to bottom, and jumps to random rows: each until
  the table's next paint is done;
* reports committed through the entry form, typed with key events (QTest) and committed
  with Ctrl+Return: until the key event returns (every `notifier.changed` listener has
  run, the new event is selected) and until the next paint of the chart (or, while the
  chart is a placeholder, of the events table);
* peak memory: VmHWM of /proc/self/status at the end.

The last line it prints is `result {json}`. The file is changed by the commits: the
parent gives it a copy. Run it with QT_QPA_PLATFORM=offscreen and a scratch HOME.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # after the interpreter's own start-up

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from desktop_app.store.database import inspect_early  # noqa: E402

if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
    inspect_early(Path(sys.argv[1]))  # as the program does, before it imports Qt

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget  # noqa: E402

from desktop_app import settings  # noqa: E402
from desktop_app.ui import build_main_window  # noqa: E402

IMPORTED = time.perf_counter()
USER = "Benchmark Researcher"
TIMEOUT = 120.0


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's API
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def spin(until: Callable[[], bool], timeout: float = TIMEOUT) -> bool:
    """Process events until `until()` holds after a round of processing (so a paint seen
    by a counter has also been done); False on timeout."""
    deadline = time.perf_counter() + timeout
    while True:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if until():
            return True
        if time.perf_counter() > deadline:
            return False


def on_screen(widget: QWidget) -> bool:
    """Shown, and not in a workspace behind another."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def is_placeholder(pane: QWidget) -> bool:
    return isinstance(pane, QLabel)


def chart_view(pane: QWidget) -> QWidget | None:
    """The widget that paints the chart: a pyqtgraph view's viewport, else the pane."""
    graphics = getattr(pane, "graphics", None)
    if graphics is not None and hasattr(graphics, "viewport"):
        return graphics.viewport()
    return None if is_placeholder(pane) else pane


def chart_filled(pane: QWidget) -> bool:
    state = getattr(pane, "state", None)
    return bool(getattr(state, "series", None))


def review_rows(pane: QWidget) -> int:
    """Rows in the review queue: its `queue` view, else every item view of the pane."""
    queue = getattr(pane, "queue", None)
    if isinstance(queue, QAbstractItemView) and queue.model() is not None:
        return queue.model().rowCount()
    views = pane.findChildren(QAbstractItemView)
    if isinstance(pane, QAbstractItemView):
        views.append(pane)
    return sum(view.model().rowCount() for view in views if view.model() is not None)


def vm_status(key: str) -> int:
    """A /proc/self/status value in kB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return -1


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    if widget is None:
        raise RuntimeError("nothing has the keyboard focus")
    return widget


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def tab(times: int = 1) -> None:
    for _ in range(times):
        press(Qt.Key.Key_Tab)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--jumps", type=int, default=20)
    parser.add_argument("--commits", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    result: dict[str, Any] = {"notes": []}

    app = QApplication.instance() or QApplication(["exchange-ledger"])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    window = build_main_window(args.db)
    built = time.perf_counter()
    pane = window.events_pane
    table = PaintCounter(pane.view.viewport())
    whole = PaintCounter(window)
    chart = window.chart_pane
    review = window.review_pane
    chart_widget = chart_view(chart)
    chart_paints = PaintCounter(chart_widget) if chart_widget is not None else None
    review_paints = PaintCounter(review)
    window.show()
    window.activateWindow()

    def painted() -> bool:
        ready = whole.count > 0 and table.count > 0 and pane.model.pages_fetched > 0
        if chart_paints is not None and on_screen(chart):
            ready = ready and chart_paints.count > 0
        if not is_placeholder(chart):
            ready = ready and chart_filled(chart)
        if on_screen(review):
            ready = ready and review_paints.count > 0
        if not is_placeholder(review):
            ready = ready and review_rows(review) > 0
        return ready

    if not spin(painted):
        print("timeout waiting for the first paint", file=sys.stderr)
        return 1
    print("painted", flush=True)
    done = time.perf_counter()
    result["start"] = {
        "imports_s": IMPORTED - STARTED,
        "build_s": built - IMPORTED,
        "show_to_painted_s": done - built,
        "in_process_s": done - STARTED,
        "rows": pane.model.rowCount(),
        "pages_fetched": pane.model.pages_fetched,
        "chart": "placeholder" if is_placeholder(chart) else type(chart).__name__,
        "chart_visible": on_screen(chart),
        "review": "placeholder" if is_placeholder(review) else type(review).__name__,
        "review_visible": on_screen(review),
        "review_rows": None if is_placeholder(review) else review_rows(review),
    }

    rng = random.Random(args.seed)
    result["scroll"] = measure_scroll(window, table, rng, args.jumps)
    result["commit"] = measure_commits(window, table, chart_paints, args.commits, result)
    result["memory"] = {"vm_hwm_kb": vm_status("VmHWM"), "vm_rss_kb": vm_status("VmRSS")}
    print("result " + json.dumps(result), flush=True)
    return 0


def measure_scroll(window: Any, table: PaintCounter, rng: random.Random, jumps: int) -> dict:
    """Top to bottom once (pages not yet read), then jumps to random rows, each until the
    table's next paint is done."""
    view, model = window.events_pane.view, window.events_pane.model
    rows = model.rowCount()
    view.scrollToTop()
    spin(lambda: True)

    def timed(action: Callable[[], None]) -> tuple[float, int]:
        before, fetched = table.count, model.pages_fetched
        start = time.perf_counter()
        action()
        if not spin(lambda: table.count > before, 10.0):
            return float("nan"), model.pages_fetched - fetched
        return time.perf_counter() - start, model.pages_fetched - fetched

    def jump_around() -> tuple[list[float], list[int]]:
        times, pages = [], []
        for _ in range(jumps):
            row = rng.randrange(model.rowCount())
            elapsed, fetched = timed(lambda row=row: view.scrollTo(model.index(row, 0)))
            times.append(elapsed)
            pages.append(fetched)
        return times, pages

    bottom, bottom_pages = timed(view.scrollToBottom)
    times, pages = jump_around()
    # The same in a filtered view (exchanges only), whose deep pages no index serves: the
    # first jump after the filter pays for the view's order.
    pane = window.events_pane
    pane.type_filter.setCurrentIndex(pane.type_filter.findData("exchange"))
    pane.apply_filters()
    spin(lambda: True)
    filtered_rows = model.rowCount()
    filtered_times, filtered_pages = jump_around()
    pane.type_filter.setCurrentIndex(0)  # all types again, for the commits that follow
    pane.apply_filters()
    spin(lambda: True)
    return {
        "rows": rows,
        "to_bottom_s": bottom,
        "to_bottom_pages": bottom_pages,
        "jumps_s": times + filtered_times,
        "jump_pages": pages + filtered_pages,
        "filtered_rows": filtered_rows,
        "filtered_jumps_s": filtered_times,
    }


def enter_report(window: Any, number: int) -> None:
    """Type one report into the form, from Ctrl+N to the last flow cell (no commit)."""
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    if focused() is not window.form.event_type:
        raise RuntimeError("Ctrl+N did not put the focus on the event type")
    type_text("exchange")
    tab()
    type_text(f"Benchmark Reporter {number}")  # a new source: no completer popup
    tab()
    type_text("Ukraine")
    tab()
    type_text("official")
    tab()
    type_text("B")
    tab()
    type_text(f"2024-03-{10 + number:02d}")
    tab()
    type_text("Sumy region")
    tab()
    type_text(f"The benchmark's report number {number}, typed key by key.")
    tab(3)  # URL and published left empty
    type_text("2")
    tab()
    if focused() is not window.form.flows.add_button:
        raise RuntimeError("the focus is not on the flows' add button")
    press(Qt.Key.Key_Space)
    type_text("pows")
    tab()
    type_text("Russia")
    tab()
    type_text("Ukraine")
    tab()
    type_text(str(100 + number))


def measure_commits(
    window: Any,
    table: PaintCounter,
    chart_paints: PaintCounter | None,
    commits: int,
    result: dict[str, Any],
) -> dict:
    """Reports typed into the form and committed with Ctrl+Return."""
    settings.set_user_name(USER)
    window.show_workspace(0)  # the form shares its workspace with the events table
    window.activateWindow()
    spin(lambda: True)
    offered: list[int] = []

    def new_event(candidates: list[dict]) -> str:
        offered.append(len(candidates))
        return ""  # "Create a new event": the prompt would be modal

    window.form.ask_duplicate = new_event
    spin(lambda: True)
    chart_shown = chart_paints is not None and on_screen(chart_paints.widget)
    painted_widget = chart_paints if chart_shown else table
    target = "chart" if chart_shown else "events table (the chart is in another workspace)"
    listeners_done: list[float] = []
    window.notifier.changed.connect(lambda _changes: listeners_done.append(time.perf_counter()))
    before_reports = window.ledger.count("reports")
    data_set, listeners, paint = [], [], []
    for number in range(commits):
        enter_report(window, number)
        spin(lambda: True)  # the typing's own repaints are done before the clock starts
        listeners_done.clear()
        paints = painted_widget.count
        start = time.perf_counter()
        press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        returned = time.perf_counter()
        ok = spin(lambda paints=paints: painted_widget.count > paints, 10.0)
        painted = time.perf_counter()
        data_set.append(returned - start)
        listeners.append(listeners_done[-1] - start if listeners_done else float("nan"))
        paint.append(painted - start if ok else float("nan"))
    committed = window.ledger.count("reports") - before_reports
    if committed != commits:
        result["notes"].append(f"{commits} reports typed, {committed} committed")
    return {
        "data_set_s": data_set,
        "listeners_s": listeners,
        "paint_s": paint,
        "paint_target": target,
        "committed": committed,
        "similar_offered": offered,
    }


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # Qt's and pyqtgraph's teardown can hang; nothing is left to write
