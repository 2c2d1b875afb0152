"""The chart pane: what it plots equals the balance the command line prints, it stays honest
about uncertainty, follows every change at once, and can be clicked, hovered and exported.

Data is built through the real store (imports of real CSV files, reports, decisions) and
compared as data (the curves' original datasets), never as pixels.
"""

from __future__ import annotations

import csv
import io
import logging
import random
import warnings
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from conftest import EXAMPLE_CSV, GARBLED_CSV, CliResult, sha256, write_csv
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QAccessible, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.balance import ExchangedFlow, cumulative_balance
from desktop_app.domain.palette import PARTY_COLORS
from desktop_app.domain.records import CATEGORIES, FieldKey, Flow, FlowKey
from desktop_app.domain.series import (
    DayDeltas,
    balance_series,
    band_polygons,
    day_number,
    day_numbers,
    iso_day,
    step_xy,
)
from desktop_app.store import chart_data, events
from desktop_app.store.importer import REPORT_COLUMNS, apply_import, plan_import
from desktop_app.store.ledger import Changes, Ledger, ReportInput
from desktop_app.store.schema import EXCHANGE_DAYS_SQL
from desktop_app.ui import chart_text
from desktop_app.ui.chart_axes import DayAxis
from desktop_app.ui.chart_pane import ChartPane
from desktop_app.ui.chart_text import target_label
from desktop_app.ui.notifier import LedgerNotifier

RU, UA = "Russia", "Ukraine"
WHO = "tester"
VALUE_COLUMNS = (
    "received_best",
    "received_low",
    "received_high",
    "sent_best",
    "sent_low",
    "sent_high",
)


# ---- building data through the real store ----------------------------------------------


def import_csv(ledger: Ledger, path: Path) -> Changes:
    """Import a reports.csv as the window does; the Changes the window would announce."""
    plan = plan_import(ledger, path, WHO)
    assert not plan.errors, plan.errors[:5]
    apply_import(ledger, plan, WHO)
    return Changes(
        frozenset(planned.event_id for planned in plan.reports), sources=True, parties=True
    )


def generated_csv(
    path: Path, n_events: int, seed: int, conflict_share: float = 0.3, prefix: str = "gen"
) -> Path:
    """Exchanges in every category, some reported by two or three sources who disagree on
    a count (and a few on the date), one reported only by its month, and an agreement."""
    rng = random.Random(seed)
    start = date(2022, 3, 1)
    rows: list[list[str]] = []

    def row(event_id: str, day: str, category: str, source: tuple[str, str], quote: str,
            flow: tuple[str, str, int] | None, event_type: str = "exchange") -> None:  # fmt: skip
        name, party = source
        cells = {
            "event_id": event_id,
            "event_type": event_type,
            "event_date": day,
            "source_name": name,
            "source_kind": "official",
            "source_party": party,
            "reliability": "C",
            "credibility": "3",
            "quote": quote,
        }
        if flow is not None:
            cells |= {
                "category": category,
                "from_party": flow[0],
                "to_party": flow[1],
                "count": str(flow[2]),
                "count_qualifier": "exact",
            }
        rows.append([cells.get(column, "") for column in REPORT_COLUMNS])

    ministry, ombudsman, observer = ("Ministry R", RU), ("Ombudsman U", UA), ("Observer", "")
    for index in range(n_events):
        event_id = f"{prefix}-{index}"
        day = (start + timedelta(days=rng.randrange(900))).isoformat()
        category = rng.choice(CATEGORIES)
        to_ukraine, to_russia = rng.randrange(1, 300), rng.randrange(0, 300)
        row(event_id, day, category, ministry, f"m{index}", (RU, UA, to_ukraine))
        row(event_id, day, category, ministry, f"m{index}", (UA, RU, to_russia))
        if rng.random() < conflict_share:
            other_day = day if rng.random() < 0.8 else (date.fromisoformat(day) + timedelta(2))
            other_day = other_day if isinstance(other_day, str) else other_day.isoformat()
            claimed = to_ukraine + rng.randrange(1, 80)
            row(event_id, other_day, category, ombudsman, f"o{index}", (RU, UA, claimed))
            if rng.random() < 0.5:
                third = max(0, to_ukraine - rng.randrange(1, 40))
                row(event_id, day, category, observer, f"x{index}", (RU, UA, third))
        elif rng.random() < 0.1:
            row(event_id, day[:7], category, observer, f"v{index}", None)
    for party_from, party_to in ((RU, UA), (UA, RU)):
        row(f"{prefix}-agreement", "2023-01-15", "pows", ministry, "agreed",
            (party_from, party_to, 5000), event_type="agreement")  # fmt: skip
    return write_csv(path, list(REPORT_COLUMNS), rows)


def agreement_of_20_000_each_way(day: str) -> ReportInput:
    promise = ((RU, UA, "pows", 20_000), (UA, RU, "pows", 20_000))
    return replace(exchange(day, promise, "S0"), event_type="agreement")


def exchange(day: str, flows: tuple[tuple[str, str, str, int], ...], source: str) -> ReportInput:
    return ReportInput(
        "exchange",
        source,
        day,
        source_party=UA,
        flows=tuple(Flow(FlowKey(a, b, category), count) for a, b, category, count in flows),
    )


def decide_half_of_the_disputes(ledger: Ledger) -> Changes:
    """Decide every other disputed count, picking the lowest stated value."""
    changes = Changes()
    for index, event in enumerate(chart_data_conflicts(ledger)):
        if index % 2:
            continue
        for dispute in event["disputes"]:
            if dispute["field"] != "count":
                continue
            key = FlowKey(dispute["from_party"], dispute["to_party"], dispute["category"])
            value = min(dispute["values"].values(), key=int)
            _, changed = ledger.resolve(
                event["event_id"], FieldKey.count(key), value, "lowest count stated", WHO
            )
            changes |= changed
    return changes


def chart_data_conflicts(ledger: Ledger) -> list[dict]:
    from desktop_app.store.queries import conflicts

    return conflicts(ledger)


# ---- comparing with `exchange-ledger balance --csv` -------------------------------------


def expected_series(csv_text: str) -> dict[str, dict[str, list]]:
    """Per party, the steps balance.csv implies: its dates and cumulative totals, summed
    over the categories in the output (carrying each category's total forward)."""
    by_party: dict[str, dict[str, dict[str, dict[str, str]]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for row in csv.DictReader(io.StringIO(csv_text)):
        by_party[row["party"]][row["date"]][row["category"]] = row
    result = {}
    for party, by_date in by_party.items():
        running: dict[str, dict[str, str]] = {}
        steps: dict[str, list] = {"days": [], **{column: [] for column in VALUE_COLUMNS}}
        for day in sorted(by_date):
            running.update(by_date[day])
            steps["days"].append(day)
            for column in VALUE_COLUMNS:
                steps[column].append(sum(int(row[column]) for row in running.values()))
        result[party] = steps
    return result


def balance_csv(cli: Callable[..., CliResult], db: Path, category: str) -> str:
    args: tuple[object, ...] = ("balance", db, "--csv")
    if category != "all":
        args += ("--category", category)
    result = cli(*args)
    assert result.code == 0, result.err
    return result.out


def assert_plots_the_balance(pane: ChartPane, cli: Callable[..., CliResult], db: Path) -> None:
    """For every category choice, the plotted data equals `balance --csv`."""
    for category in ("all", *CATEGORIES):
        pane.set_category(category)
        expected = expected_series(balance_csv(cli, db, category))
        series = pane.plotted_series()
        assert sorted(series) == sorted(expected), category
        assert sorted(pane.party_items) == sorted(expected), category
        for party, want in expected.items():
            got = series[party]
            assert [iso_day(day) for day in got.days] == want["days"], (category, party)
            received, sent, net = got.received, got.sent, got.net
            assert received.best.tolist() == want["received_best"]
            assert received.low.tolist() == want["received_low"]
            assert received.high.tolist() == want["received_high"]
            assert sent.best.tolist() == want["sent_best"]
            assert sent.low.tolist() == want["sent_low"]
            assert sent.high.tolist() == want["sent_high"]
            net_low = [r - s for r, s in zip(want["received_low"], want["sent_high"], strict=True)]
            assert net.low.tolist() == net_low
            # the curves themselves: (chart start, 0), one point per step, (end, last value)
            items = pane.party_items[party]
            x, y = items.received.getOriginalDataset()
            assert x is not None and y is not None
            assert x[1:-1].tolist() == pane.x_of_day(day_numbers(want["days"])).tolist()
            assert y[1:-1].tolist() == want["received_best"]
            assert y[0] == 0 and y[-1] == y[-2] and x[-1] > x[-2] and x[0] <= x[1]
            _, net_y = items.net.getOriginalDataset()
            net_best = [
                r - s for r, s in zip(want["received_best"], want["sent_best"], strict=True)
            ]
            assert net_y[1:-1].tolist() == net_best
            uncertain = want["received_low"] != want["received_high"]
            assert items.band.has_band() == uncertain, (category, party)
            for curve in (items.received, items.net):
                assert curve.opts["stepMode"] == "right"
                assert curve.opts["autoDownsample"] and curve.opts["clipToView"]
                assert curve.opts["downsampleMethod"] == "peak"


# ---- fixtures ---------------------------------------------------------------------------


@pytest.fixture
def notifier() -> LedgerNotifier:
    return LedgerNotifier()


@pytest.fixture
def make_pane(qtbot: QtBot, notifier: LedgerNotifier) -> Callable[[Ledger], ChartPane]:
    def make(ledger: Ledger) -> ChartPane:
        pane = ChartPane(ledger, notifier)
        qtbot.addWidget(pane)
        pane.resize(1100, 760)
        return pane

    return make


@pytest.fixture
def example(ledger: Ledger) -> Ledger:
    import_csv(ledger, EXAMPLE_CSV)
    return ledger


def shown(qtbot: QtBot, pane: ChartPane) -> ChartPane:
    pane.show()
    qtbot.waitExposed(pane)
    pane.grab()  # lays out and paints once, so that views have their ranges
    return pane


# ---- the plotted series are the balance ------------------------------------------------


def test_plotted_series_equal_the_balance_csv_for_the_example(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], cli, db_path: Path
) -> None:
    pane = make_pane(example)
    assert_plots_the_balance(pane, cli, db_path)
    pane.set_category("bodies")
    series = pane.plotted_series()
    # 13 June as the article literally reads: 1,200 remains handed to Russia
    assert series[UA].received.best.tolist() == [1212, 1212]
    assert series[RU].received.best.tolist() == [27, 1227]


def test_plotted_series_equal_the_balance_csv_with_conflicts_and_decisions(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], cli, db_path: Path, tmp_path: Path
) -> None:
    import_csv(ledger, generated_csv(tmp_path / "generated.csv", 150, seed=7))
    decide_half_of_the_disputes(ledger)
    assert chart_data_conflicts(ledger), "the file should still hold open conflicts"
    pane = make_pane(ledger)
    assert_plots_the_balance(pane, cli, db_path)
    assert any(items.band.has_band() for items in pane.party_items.values())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 40),
            st.sampled_from(CATEGORIES),
            st.sampled_from([(RU, UA), (UA, RU), (RU, "Belarus"), ("Belarus", UA)]),
            st.integers(0, 500),
            st.integers(0, 60),
            st.integers(0, 60),
        ),
        max_size=40,
    ),
    st.sampled_from([None, *CATEGORIES]),
)
def test_the_domain_series_follow_the_balance_rules(
    flows: list[tuple[int, str, tuple[str, str], int, int, int]], category: str | None
) -> None:
    """numpy cumsum over per-day sums gives exactly domain.balance's cumulative rows."""
    exchanged = [
        ExchangedFlow(iso_day(19_000 + day), cat, a, b, best, max(0, best - below), best + above)
        for day, cat, (a, b), best, below, above in flows
    ]
    deltas = DayDeltas.from_rows(
        (f.day, f.category, f.from_party, f.to_party, f.best, f.low, f.high) for f in exchanged
    )
    series = balance_series(deltas, category)
    rows = cumulative_balance(f for f in exchanged if category in (None, f.category))
    expected: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)
    running: dict[tuple[str, str], dict[str, int]] = {}
    for row in rows:
        running[(row.party, row.category)] = {c: getattr(row, c) for c in VALUE_COLUMNS}
        totals = {
            column: sum(v[column] for (p, _), v in running.items() if p == row.party)
            for column in VALUE_COLUMNS
        }
        expected[row.party][row.date] = totals
    assert sorted(series) == sorted(expected)
    for party, by_day in expected.items():
        got = series[party]
        assert [iso_day(d) for d in got.days] == sorted(by_day)
        for column in VALUE_COLUMNS:
            direction, estimate = column.split("_")
            values = getattr(getattr(got, direction), estimate).tolist()
            assert values == [by_day[day][column] for day in sorted(by_day)]


def test_band_polygons_cover_only_the_uncertain_steps() -> None:
    days = np.array([10, 12, 15, 20])
    low = np.array([5, 5, 9, 9])
    high = np.array([5, 8, 12, 9])
    x, y, connect = band_polygons(days, low, high, end_day=25)
    # one polygon over steps 1–2 (days 12 to 20), closed back to its first point
    assert x.min() == 12 and x.max() == 20
    assert y.min() == 5 and y.max() == 12
    assert connect.tolist().count(False) == 1
    x, y = step_xy(days, low, end_day=25, start_day=3)
    assert x.tolist() == [3, 10, 12, 15, 20, 25]
    assert y.tolist() == [0, 5, 5, 9, 9, 9]
    assert band_polygons(days, low, low, end_day=25)[0].size == 0


# ---- painting when zoomed in ----------------------------------------------------------


@pytest.fixture
def pyqtgraph_errors(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> Iterator[Callable[[], list[str]]]:
    """Everything pyqtgraph reports as an ignored exception: warnings, stderr, logging."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        caplog.set_level(logging.DEBUG)

        def errors() -> list[str]:
            texts = [str(w.message) for w in caught] + [capfd.readouterr().err]
            texts += [record.getMessage() for record in caplog.records]
            return [text for text in texts if "Ignored exception" in text or "Traceback" in text]

        yield errors


def test_zoomed_into_five_percent_with_downsampling_painting_raises_nothing(
    ledger: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    tmp_path: Path,
    pyqtgraph_errors: Callable[[], list[str]],
) -> None:
    import_csv(ledger, generated_csv(tmp_path / "many.csv", 1500, seed=11))
    pane = shown(qtbot, make_pane(ledger))
    (x_min, x_max), _ = pane.received_plot.vb.viewRange()
    width = x_max - x_min
    for left in (x_min + 0.3 * width, x_min, x_max - 0.05 * width):
        pane.received_plot.setXRange(left, left + 0.05 * width, padding=0)
        image = pane.grab().toImage()
        assert not image.isNull()
        qtbot.wait(10)
    curve = pane.party_items[UA].received
    assert curve.opts["autoDownsample"] and curve.opts["clipToView"]
    displayed = curve._getDisplayDataset()  # what was really drawn, clipped to the view
    assert displayed is not None and len(displayed.x) < len(curve.getOriginalDataset()[0])
    pane.set_category("pows")
    pane.grab()
    assert pyqtgraph_errors() == []


# ---- clicking, hovering, selecting ---------------------------------------------------


def widget_point(pane: ChartPane, x: float, y: float, plot: object = None) -> QPoint:
    """Where a data point of a plot (the received one by default) is, in the viewport."""
    vb = (plot or pane.received_plot).vb  # type: ignore[attr-defined]
    return pane.graphics.mapFromScene(vb.mapViewToScene(QPointF(x, y)))


def test_clicking_a_step_emits_its_event(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    pane = shown(qtbot, make_pane(example))
    pane.set_category("bodies")
    pane.grab()
    # Russia's 1,227 on 13 June lies within a pixel of Ukraine's 1,212: clicks go to
    # points a person can tell apart, in the received plot and in the net plot.
    for party, index, event_id, net in (
        (UA, 1, "bodies-2025-06-11", False),
        (UA, 2, "bodies-2025-06-13", False),
        (RU, 2, "bodies-2025-06-13", True),
        (RU, 1, "bodies-2025-06-11", True),
    ):
        items = pane.party_items[party]
        x, y = (items.net if net else items.received).getOriginalDataset()
        plot = pane.net_plot if net else pane.received_plot
        # A third of a day into the step: a person clicks on the step, not on its edge.
        point = widget_point(pane, x[index] + 0.3, y[index], plot)
        with qtbot.waitSignal(pane.event_selected, timeout=2000) as blocker:
            qtbot.mouseClick(pane.graphics.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert blocker.args == [event_id]
        line = pane.selection_lines[0]
        assert line.isVisible() and line.value() == x[index]
    # far from any step: nothing is selected
    with qtbot.assertNotEmitted(pane.event_selected):
        x, y = pane.party_items[UA].received.getOriginalDataset()
        point = widget_point(pane, (x[0] + x[1]) / 2, 4000)
        qtbot.mouseClick(pane.graphics.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_select_event_marks_its_day_and_hover_shows_totals_events_and_sources(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    pane = shown(qtbot, make_pane(example))
    pane.select_event("bodies-2025-06-13")
    day = pane.x_of_day(day_numbers(["2025-06-13"]))[0]
    assert all(line.isVisible() and line.value() == day for line in pane.selection_lines)
    pane.select_event("no-such-event")
    assert not any(line.isVisible() for line in pane.selection_lines)

    text = pane.describe_day("2025-06-11")
    assert "Ukraine: received 1,212" in text and "Russia: received 27" in text
    assert "2025-06-11 exchange: bodies Russia→Ukraine 1,212" in text
    assert "Vladimir Medinsky" in text
    assert (
        "Ukraine: received 1,212 · handed over 27 · net +1,185 · target 6,000"
        " (agreement 2025-06-02) — 20% reached"
    ) in text
    # 27 of 6,000 is no 0%: "0% reached" read as if nothing had come back
    assert "Russia: received 27" in text and "— <1% reached" in text, text
    assert "— 0% reached" not in text
    # the share of a day is what had arrived by that day, not by the latest one
    text = pane.describe_day("2025-06-02")
    assert "Ukraine: received 0 · handed over 0 · net 0 · target 6,000" in text
    assert "(agreement 2025-06-02) — 0% reached" in text and "20% reached" not in text
    text = pane.describe_day("2025-06-13")
    assert "Shamsail Saraliyev" in text  # a report without flows is a source too
    assert "Online video of the remains transfer" in text  # and so is a month-only one
    # moving the pointer over the step shows the same in the details line and tooltip
    x, y = pane.party_items[UA].received.getOriginalDataset()
    point = widget_point(pane, x[1] + 0.5, y[1])  # half a day after the step
    pane.graphics.scene().sigMouseMoved.emit(pane.graphics.mapToScene(point))
    assert "2025-06-11 exchange: bodies Russia→Ukraine 1,212" in pane.details_label.text()
    assert pane.graphics.toolTip() == pane.details_label.text()
    assert pane.hover_lines[0].isVisible()


def test_a_day_says_why_a_doubted_flows_low_is_0(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """ "1,200 (0–1,200)" under the 13 June garble, with no word of the warning that
    makes the low 0; a day without it says nothing of it."""
    import_csv(ledger, GARBLED_CSV)
    pane = shown(qtbot, make_pane(ledger))
    text = pane.describe_day("2025-06-13")
    assert "1,200 (0–1,200) [possible reversed direction: either flow may not have" in text
    assert "reversed direction" not in pane.describe_day("2025-06-11")


# The columns of a file of exchanges written row by row in a test.
FLOW_COLUMNS = ["event_id", "event_type", "event_date", "category", "from_party", "to_party"]
FLOW_COLUMNS += ["count", "source_name", "quote"]


def in_category(pane: ChartPane, category: str) -> ChartPane:
    """The pane with `category` chosen, as the Category box chooses it."""
    pane.category_combo.setCurrentIndex(pane.category_combo.findData(category))
    return pane


def test_a_doubt_on_one_category_is_not_told_beside_another(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot, tmp_path: Path
) -> None:
    """Two reports agree on 50 prisoners and give 1,200 bodies in opposite directions: the
    prisoners' day said "pows Russia→Ukraine 50 [possible reversed direction: either flow
    may not have happened]" beside a certain 50, whose low is 50."""
    rows = [
        ["v1", "exchange", "2025-06-13", "pows", "Russia", "Ukraine", "50", "A", "a"],
        ["v1", "exchange", "2025-06-13", "bodies", "Ukraine", "Russia", "1200", "A", "a"],
        ["v1", "exchange", "2025-06-13", "pows", "Russia", "Ukraine", "50", "B", "b"],
        ["v1", "exchange", "2025-06-13", "bodies", "Russia", "Ukraine", "1200", "B", "b"],
    ]
    import_csv(ledger, write_csv(tmp_path / "two.csv", FLOW_COLUMNS, rows))
    pane = shown(qtbot, make_pane(ledger))
    told = "possible reversed direction"
    for category, doubted in (("all", True), ("bodies", True), ("pows", False)):
        text = in_category(pane, category).describe_day("2025-06-13")
        assert (told in text) is doubted, (category, text)


def test_two_lines_that_look_alike_are_named_alike_though_one_has_a_flat_step(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot, tmp_path: Path
) -> None:
    """Russia and Ukraine each received 100; on a later day Russia handed 5 to Belarus,
    which left its received line where it was: the legend stopped saying that Ukraine's
    line is Russia's, and named a line nobody could see."""
    rows = [
        ["x1", "exchange", "2025-06-11", "pows", "Russia", "Ukraine", "100", "A", "a"],
        ["x1", "exchange", "2025-06-11", "pows", "Ukraine", "Russia", "100", "A", "a"],
        ["x2", "exchange", "2025-06-20", "pows", "Russia", "Belarus", "5", "A", "b"],
    ]
    import_csv(ledger, write_csv(tmp_path / "flat.csv", FLOW_COLUMNS, rows))
    texts = in_category(shown(qtbot, make_pane(ledger)), "pows").legend.texts()
    assert "Ukraine received (best): the same line as Russia" in texts, texts
    assert "Belarus received (best)" in texts and "Russia received (best)" in texts, texts


def test_the_chart_steps_through_its_days_from_the_keyboard(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """Tab reached the chart, but no key did anything there: a keyboard user never had a
    day's totals, events and sources, nor a way to select an event from the chart."""
    pane = shown(qtbot, make_pane(example))
    selected: list[str] = []
    pane.event_selected.connect(selected.append)
    assert pane.graphics.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not pane.details_area.focusPolicy() & Qt.FocusPolicy.TabFocus
    pane.graphics.setFocus()
    qtbot.keyClick(pane.graphics, Qt.Key.Key_Right)  # the first step
    assert "2025-06-11 exchange: bodies Russia→Ukraine 1,212" in pane.details_label.text()
    assert pane.hover_lines[0].isVisible()
    qtbot.keyClick(pane.graphics, Qt.Key.Key_Return)
    assert selected == ["bodies-2025-06-11"]
    qtbot.keyClick(pane.graphics, Qt.Key.Key_Right)
    assert pane.details_label.text().startswith("2025-06-13")
    qtbot.keyClick(pane.graphics, Qt.Key.Key_Home)
    assert pane.details_label.text().startswith("2025-06-11")
    qtbot.keyClick(pane.graphics, Qt.Key.Key_End)
    assert pane.details_label.text().startswith("2025-06-13")


def test_enter_on_a_day_of_two_exchanges_selects_each_in_turn_and_says_which(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """Enter always selected the day's first event, so the second could not be reached
    from the keyboard, and nothing said which had been selected."""
    example.add_report(
        exchange("2025-06-11", ((RU, UA, "bodies", 30),), "Lubinets"), WHO, event_id="second"
    )
    pane = shown(qtbot, make_pane(example))
    selected: list[str] = []
    pane.event_selected.connect(selected.append)
    pane.graphics.setFocus()
    qtbot.keyClick(pane.graphics, Qt.Key.Key_Right)  # 2025-06-11
    for _ in range(3):
        qtbot.keyClick(pane.graphics, Qt.Key.Key_Return)
    assert selected == ["bodies-2025-06-11", "second", "bodies-2025-06-11"]
    said = pane.details_label.text()
    assert said.startswith("Selected 1 of 2 that day: 2025-06-11 exchange")
    assert "(Enter: the next)" in said.splitlines()[0]
    assert pane.selected_event_id == "bodies-2025-06-11"


def test_enter_reaches_every_event_of_a_day_of_many_and_the_hover_counts_them_all(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """Every year-only date is charted on 1 January: a day of 80 exchanges said "and 45
    more events" (of the first 50 read), and Enter went round those 50 alone."""
    for number in range(80):
        ledger.add_report(
            exchange("2023", ((RU, UA, "pows", number + 1),), f"Source {number}"),
            WHO,
            event_id=f"year-{number:02d}",
        )
    pane = shown(qtbot, make_pane(ledger))
    selected: list[str] = []
    pane.event_selected.connect(selected.append)
    assert pane.describe_day("2023-01-01").endswith("… and 75 more events that day")
    pane.graphics.setFocus()
    qtbot.keyClick(pane.graphics, Qt.Key.Key_Right)
    for _ in range(81):
        qtbot.keyClick(pane.graphics, Qt.Key.Key_Return)
    assert selected == [f"year-{number:02d}" for number in (*range(80), 0)]
    for _ in range(79):
        qtbot.keyClick(pane.graphics, Qt.Key.Key_Return)
    assert pane.details_label.text().startswith("Selected 80 of 80 that day: 2023 exchange")


def test_a_screen_reader_reads_the_days_words_as_the_eye_does(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """The chart had only its name; the line under it was "Chart details", its words
    hidden behind that name, and the keys changed nothing a screen reader could read."""
    pane = shown_at(qtbot, make_pane(example), 480, 420)
    pane.graphics.setFocus()
    qtbot.keyClick(pane.graphics, Qt.Key.Key_End)  # 2025-06-13: a long day
    said = pane.details_label.text()
    assert said.startswith("2025-06-13")
    chart = QAccessible.queryAccessibleInterface(pane.graphics)
    assert chart.text(QAccessible.Text.Name) == "Exchange balance chart"
    assert chart.text(QAccessible.Text.Description) == said
    line = QAccessible.queryAccessibleInterface(pane.details_label)
    assert line.text(QAccessible.Text.Name) == said  # its words, not a name of its own
    bar = pane.details_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # more than the line shows at this width
    qtbot.keyClick(pane.graphics, Qt.Key.Key_PageDown)  # the rest, from the keyboard
    assert bar.value() > 0
    qtbot.keyClick(pane.graphics, Qt.Key.Key_PageUp)
    assert bar.value() == 0


# ---- live: every change redraws at once ---------------------------------------------


def test_adding_a_report_changes_the_curves_at_once(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
    cli,
    db_path: Path,
) -> None:
    pane = shown(qtbot, make_pane(example))
    report = exchange("2025-06-20", ((RU, UA, "bodies", 500), (UA, RU, "pows", 40)), "Lubinets")
    _, changes = example.add_report(report, WHO)
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(changes)
    x, y = pane.party_items[UA].received.getOriginalDataset()
    assert y[-2:].tolist() == [1712, 1712]  # 1,212 + 500
    assert iso_day(pane.day_of_x(x[-2])) == "2025-06-20"
    assert "Lubinets" in pane.describe_day("2025-06-20")
    assert_plots_the_balance(pane, cli, db_path)


def test_a_chart_out_of_sight_is_drawn_again_when_shown_or_exported(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
    cli,
    db_path: Path,
    tmp_path: Path,
) -> None:
    """A report committed while the chart is in another workspace leaves its drawing for
    when it is seen again; what it shows then, or exports before, is the new balance."""
    pane = shown(qtbot, make_pane(example))
    pane.hide()
    first = exchange("2025-06-20", ((RU, UA, "bodies", 500),), "Lubinets")
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(example.add_report(first, WHO)[1])
    assert pane.party_items[UA].received.getOriginalDataset()[1][-1] == 1212  # not yet
    shown(qtbot, pane)
    assert pane.party_items[UA].received.getOriginalDataset()[1][-2:].tolist() == [1712, 1712]
    assert_plots_the_balance(pane, cli, db_path)
    pane.set_category("all")
    pane.hide()
    second = exchange("2025-06-21", ((RU, UA, "bodies", 100),), "Lubinets")
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(example.add_report(second, WHO)[1])
    pane.export_png(tmp_path / "chart.png")
    assert pane.party_items[UA].received.getOriginalDataset()[1][-1] == 1812
    assert "2025-06-21" in pane.title_text()


def test_a_conflict_shows_a_band_and_a_marker_until_a_decision_removes_them(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
    cli,
    db_path: Path,
) -> None:
    pane = shown(qtbot, make_pane(example))
    pane.set_category("bodies")
    assert not pane.party_items[UA].band.has_band()
    assert len(pane.plotted_markers() or ()) == 0
    report_id, changes = example.add_report(
        exchange("2025-06-11", ((RU, UA, "bodies", 1300),), "Lubinets"),
        WHO,
        event_id="bodies-2025-06-11",
    )
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(changes)
    ukraine = pane.plotted_series()[UA]
    assert ukraine.received.low.tolist() == [1212, 1212]
    assert ukraine.received.high.tolist() == [1300, 1300]
    band = pane.party_items[UA].band
    assert band.has_band()
    assert band.y.min() == 1212 and band.y.max() == 1300
    found = pane.plotted_markers()
    assert found is not None and found.event_id.tolist() == ["bodies-2025-06-11"]
    assert found.status.tolist() == ["conflict"]
    assert len(pane.conflict_markers.getData()[0]) == 2  # one tick: two ends
    # the marker's tick, in the open-events strip, tells and selects its event
    shown(qtbot, pane)
    strip = pane.events_plot.vb
    tick = pane.graphics.mapFromScene(
        strip.mapViewToScene(QPointF(pane.x_of_day(found.day[0]), 0.0))
    )
    pane.graphics.scene().sigMouseMoved.emit(pane.graphics.mapToScene(tick))
    assert "disputed bodies Russia→Ukraine: 1,212 / 1,300" in pane.details_label.text()
    assert "Lubinets" in pane.details_label.text()
    with qtbot.waitSignal(pane.event_selected, timeout=2000) as blocker:
        qtbot.mouseClick(pane.graphics.viewport(), Qt.MouseButton.LeftButton, pos=tick)
    assert blocker.args == ["bodies-2025-06-11"]
    assert_plots_the_balance(pane, cli, db_path)
    pane.set_category("bodies")

    flow = FieldKey.count(FlowKey(RU, UA, "bodies"))
    _, changes = example.resolve(
        "bodies-2025-06-11", flow, "1300", "Ukraine's count, confirmed", WHO, report_id
    )
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(changes)
    ukraine = pane.plotted_series()[UA]
    assert ukraine.received.best.tolist() == [1300, 1300]
    assert ukraine.received.low.tolist() == ukraine.received.high.tolist()
    assert not pane.party_items[UA].band.has_band()
    assert not pane.party_items[UA].net_band.has_band()
    assert len(pane.plotted_markers() or ()) == 0
    assert len(pane.conflict_markers.getData()[0]) == 0
    assert_plots_the_balance(pane, cli, db_path)


def test_a_contradicting_report_after_a_decision_shows_a_reopened_marker(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
) -> None:
    pane = shown(qtbot, make_pane(example))
    flow = FieldKey.count(FlowKey(RU, UA, "bodies"))
    example.add_report(
        exchange("2025-06-11", ((RU, UA, "bodies", 1300),), "Lubinets"),
        WHO,
        event_id="bodies-2025-06-11",
    )
    _, changes = example.resolve("bodies-2025-06-11", flow, "1212", "Medinsky's count", WHO)
    notifier.notify(changes)
    _, changes = example.add_report(
        exchange("2025-06-11", ((RU, UA, "bodies", 1250),), "Zelensky"),
        WHO,
        event_id="bodies-2025-06-11",
    )
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(changes)
    found = pane.plotted_markers()
    assert found is not None and found.status.tolist() == ["reopened"]
    assert len(pane.reopened_markers.getData()[0]) == 2
    # the decision stays in force while reopened: no band
    assert pane.plotted_series()[UA].received.best.tolist() == [1212, 1212]
    assert not pane.party_items[UA].band.has_band()


def test_importing_changes_the_curves_at_once(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
    cli,
    db_path: Path,
    tmp_path: Path,
) -> None:
    pane = shown(qtbot, make_pane(example))
    before = pane.plotted_series()[UA].received.best[-1]
    changes = import_csv(example, generated_csv(tmp_path / "more.csv", 40, seed=3))
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(changes)
    assert pane.plotted_series()[UA].received.best[-1] > before
    assert_plots_the_balance(pane, cli, db_path)


def test_many_small_edits_in_a_row_keep_the_sums_exact(
    ledger: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
    cli,
    db_path: Path,
    tmp_path: Path,
) -> None:
    """Day-by-day updates: a report moving an event to another day, a deletion, an edit."""
    import_csv(ledger, generated_csv(tmp_path / "base.csv", 60, seed=5))
    pane = shown(qtbot, make_pane(ledger))
    report_id, changes = ledger.add_report(
        exchange("2024-01-01", ((RU, UA, "pows", 7),), "Lubinets"), WHO, event_id="gen-3"
    )
    notifier.notify(changes)
    notifier.notify(
        ledger.resolve("gen-3", FieldKey.date(), "2024-01-01", "the later date", WHO)[1]
    )
    notifier.notify(
        ledger.edit_report(report_id, exchange("2024-01-01", ((RU, UA, "pows", 9),), "L"), WHO)
    )
    first_report = ledger.conn.execute(
        "SELECT id FROM reports WHERE event_id = 'gen-8' ORDER BY seq LIMIT 1"
    ).fetchone()[0]
    notifier.notify(ledger.delete_report(first_report, WHO))
    assert_plots_the_balance(pane, cli, db_path)


# ---- agreement targets, colours, controls ------------------------------------------


def test_agreement_targets_are_dashed_lines_with_the_share_reached(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane]
) -> None:
    pane = make_pane(example)
    pane.set_category("bodies")
    labels = [target_label(target) for target in pane.plotted_targets()]
    assert labels == [
        "Russia target 6,000 (agreement 2025-06-02) — 20% reached",
        "Ukraine target 6,000 (agreement 2025-06-02) — 20% reached",
    ]
    assert set(labels) <= set(pane.legend.texts())
    for _, item in pane.target_items:
        x, y = item.getOriginalDataset()
        assert y.tolist() == [6000, 6000]
        assert x[0] == pane.x_of_day(day_numbers(["2025-06-02"]))[0]
        assert item.opts["pen"].style() == Qt.PenStyle.CustomDashLine
    pane.set_category("pows")
    assert pane.plotted_targets() == []


POWS_AGREED_BODIES_EXCHANGED = """\
report_id,event_id,event_type,event_date,location,category,from_party,to_party,count,\
count_qualifier,source_name,source_kind,source_party,source_url,published,reliability,\
credibility,quote,recorded_by,recorded_at,updated_at,seq
,D1,agreement,2025-01-10,Istanbul,pows,Russia,Ukraine,100,exact,SrcA,media,,,,F,6,SrcA on D1,aud,\
2026-01-01T00:00:00Z,,
,D1,agreement,2025-01-10,Istanbul,pows,Ukraine,Russia,100,exact,SrcA,media,,,,F,6,SrcA on D1,aud,\
2026-01-01T00:00:00Z,,
,D2,exchange,2025-02-01,,bodies,Russia,Ukraine,100,exact,SrcA,media,,,,F,6,SrcA on D2,aud,\
2026-01-01T00:00:00Z,,
,D2,exchange,2025-02-01,,bodies,Ukraine,Russia,100,exact,SrcA,media,,,,F,6,SrcA on D2,aud,\
2026-01-01T00:00:00Z,,
"""


def test_bodies_never_fill_a_target_of_pows_in_the_view_of_all_categories(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(POWS_AGREED_BODIES_EXCHANGED, encoding="utf-8")
    import_csv(ledger, path)
    pane = shown_at(qtbot, make_pane(ledger), 1270, 700)
    assert pane.category == "all"
    texts = pane.legend.texts()
    for party in (RU, UA):
        assert f"{party} target 100 (agreement 2025-01-10) — 0% reached" in texts
    assert not any("100% reached" in text for text in texts)
    hover = pane.describe_day("2025-02-01")
    assert "Ukraine: received 100 · handed over 100 · net 0 · target 100" in hover
    assert "(agreement 2025-01-10) — 0% reached" in hover and "100% reached" not in hover
    # the line is where the received line must get to: 100 bodies and 100 POWs, not on it
    x, y = pane.target_layer.lines[UA].getOriginalDataset()
    received_x, received_y = pane.party_items[UA].received.getOriginalDataset()
    assert y.tolist() == [100, 200, 200] and received_y[-1] == 100
    assert x[1] == received_x[1] == pane.x_of_day(day_number("2025-02-01"))
    assert pane.target_layer.lines[UA].opts["stepMode"] == "right" and len(x) == len(y)
    # the POWs view: 0% as before; its title names no exchange, since none was of POWs
    pane.set_category("pows")
    assert "Russia target 100 (agreement 2025-01-10) — 0% reached" in pane.legend.texts()
    assert "no exchanges recorded yet" in pane.title_text()
    pane.set_category("all")
    assert "data up to 2025-02-01" in pane.title_text()


TWO_AGREEMENTS_OF_ONE_DAY = """\
report_id,event_id,event_type,event_date,location,category,from_party,to_party,count,\
count_qualifier,source_name,source_kind,source_party,source_url,published,reliability,\
credibility,quote,recorded_by,recorded_at,updated_at,seq
,AG1,agreement,2024-01-05,,pows,Russia,Ukraine,1000,exact,SrcA,media,,,,F,6,one,aud,\
2026-01-01T00:00:00Z,,
,AG2,agreement,2024-01-05,,pows,Russia,Ukraine,1000,exact,SrcB,media,,,,F,6,two,aud,\
2026-01-01T00:00:00Z,,
,EX1,exchange,2024-02-01,,pows,Russia,Ukraine,500,exact,SrcA,media,,,,F,6,three,aud,\
2026-01-01T00:00:00Z,,
"""


def test_agreements_of_one_day_are_one_target_added_up(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot, tmp_path: Path
) -> None:
    """The line added them up (2,000) while the legend and the hover said each alone:
    "target 1,000 — 50% reached" twice, and "+1 earlier target" of one the same day."""
    path = tmp_path / "reports.csv"
    path.write_text(TWO_AGREEMENTS_OF_ONE_DAY, encoding="utf-8")
    import_csv(ledger, path)
    pane = shown_at(qtbot, make_pane(ledger), 1270, 700)
    combined = "Ukraine target 2,000 (agreements of 2024-01-05, added up) — 25% reached"
    texts = pane.legend.texts()
    assert combined in texts
    assert not any("1,000" in text or "earlier" in text for text in texts), texts
    hover = pane.describe_day("2024-02-01")
    assert combined[len("Ukraine ") :] in hover and hover.count("target") == 1, hover
    _, y = pane.target_layer.lines[UA].getOriginalDataset()
    assert set(y.tolist()) == {2000}


def test_party_colours_are_okabe_ito_stored_in_the_file_and_kept(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    db_path: Path,
    qtbot: QtBot,
) -> None:
    stored = chart_data.party_colors(example)  # given when the import created them
    assert set(stored.values()) <= set(PARTY_COLORS)
    assert len(set(stored.values())) == len(stored) == 2
    before = sha256(db_path)
    pane = make_pane(example)
    assert pane.party_items[UA].received.opts["pen"].color().name().upper() == stored[UA]
    assert sha256(db_path) == before  # the chart only reads
    # the same colours in a later session, and a new party gets a colour of its own
    with Ledger.open(db_path) as again:
        again.add_report(exchange("2025-06-20", ((RU, "Belarus", "pows", 3),), "X"), WHO)
        later = ChartPane(again, LedgerNotifier())
        qtbot.addWidget(later)
        colors = chart_data.party_colors(again)
        assert {party: colors[party] for party in stored} == stored
        assert colors["Belarus"] not in stored.values()
        assert later.colors == colors


def test_a_read_only_file_is_charted_with_colours_it_does_not_store(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], db_path: Path, qtbot: QtBot
) -> None:
    example.conn.execute("UPDATE parties SET color = NULL")  # written by an older version
    stored = chart_data.chart_colors(example)
    example.close()
    with Ledger.open(db_path, read_only=True) as read_only:
        pane = ChartPane(read_only, LedgerNotifier())
        qtbot.addWidget(pane)
        assert pane.colors == stored and set(stored.values()) <= set(PARTY_COLORS)
        assert set(chart_data.party_colors(read_only).values()) == {None}
        assert sorted(pane.plotted_series()) == [RU, UA]


def test_controls_are_named_as_they_read(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    pane = make_pane(example)
    combo = pane.findChild(QComboBox)
    assert combo is pane.category_combo and combo.accessibleName() == "Category"
    assert [combo.itemText(i) for i in range(combo.count())] == ["all", *CATEGORIES]
    for label in pane.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None:
            assert buddy.accessibleName() == label.text().replace("&", "")
    for button in pane.findChildren(QAbstractButton):
        assert button.accessibleName() == button.text().replace("&", "")
    for widget in pane.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and isinstance(widget, QComboBox):
            assert widget.accessibleName()
    with qtbot.waitSignal(combo.currentTextChanged):
        qtbot.keyClicks(combo, "pows")
    assert pane.category == "pows"
    with pytest.raises(ValueError):
        pane.set_category("tanks")


# ---- export ---------------------------------------------------------------------------


def test_export_writes_a_png_and_a_valid_svg_with_title_and_legend(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot, tmp_path: Path
) -> None:
    pane = shown(qtbot, make_pane(example))
    png = pane.export_png(tmp_path / "chart.png")
    assert png.stat().st_size > 10_000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 1200
    origin = pane.origin
    pane.received_plot.setXRange(9.0, 12.0, padding=0)  # zoomed in, away from the origin
    view = pane.received_plot.vb.viewRange()[0]
    svg = pane.export_svg(tmp_path / "chart.svg")
    # the export counted x from the view's edge for a precise SVG, then put everything back
    assert pane.origin == origin
    assert pane.received_plot.vb.viewRange()[0] == pytest.approx(view)
    x, _ = pane.party_items[UA].received.getOriginalDataset()
    assert x[1] == pane.x_of_day(day_numbers(["2025-06-11"]))[0]
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = " ".join(root.itertext())
    assert "data up to 2025-06-13" in text
    assert "Ukraine target 6,000 (agreement 2025-06-02)" in text
    assert "Received, cumulative" in text
    # the chart's context menu offers both (in place of pyqtgraph's own "Export…")
    plot = pane.received_plot
    menu = pane.graphics.scene().addParentContextMenus(
        plot.vb, plot.vb.getMenu(None), SimpleNamespace(acceptedItem=plot.vb)
    )
    texts = [action.text() for action in menu.actions()]
    # each with its letter in the File menu's Alt keys (the only two without one)
    assert "Export chart as &PNG…" in texts and "Export chart as S&VG…" in texts
    assert "Export..." not in texts


def test_export_works_before_the_pane_is_ever_shown(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], tmp_path: Path, qtbot: QtBot
) -> None:
    pane = make_pane(example)
    png = pane.export_png(tmp_path / "hidden.png")
    assert png.stat().st_size > 10_000
    # laid out at a size of its own, not squeezed into a strip under the title
    image = QImage(str(png))
    assert image.width() >= 1200 and image.height() >= 0.6 * image.width()
    assert pane.received_plot.vb.height() > 250
    ET.parse(pane.export_svg(tmp_path / "hidden.svg"))
    # shown afterwards, it takes the window's size
    shown_at(qtbot, pane, 800, 500)
    assert viewport_rect(pane).contains(pane.net_plot.sceneBoundingRect())


# ---- speed ----------------------------------------------------------------------------


def fill_derived_state(ledger: Ledger, n_events: int, seed: int) -> None:
    """The derived tables of a large file, written directly (the chart reads only those,
    and deriving 100,000 events through an import takes a minute)."""
    rng = np.random.default_rng(seed)
    start = date(2022, 3, 1)
    days = [(start + timedelta(days=int(d))).isoformat() for d in rng.integers(0, 1200, n_events)]
    statuses = rng.choice(["single", "consistent", "conflict", "resolved"], n_events)
    with ledger.write(WHO):
        ledger.ensure_party(RU)
        ledger.ensure_party(UA)
        columns = "event_id, type, status, date, chart_day, location, n_reports, disputes,"
        columns += " reopened, reversed, first_seq"
        ledger.conn.executemany(
            f"INSERT INTO event_state ({columns}) VALUES (?, 'exchange', ?, ?, ?, '', 1,"
            " '[]', '[]', '[]', ?)",
            ((f"big-{i}", statuses[i], days[i], days[i], i) for i in range(n_events)),
        )
        counts = rng.integers(0, 300, (n_events, 2))
        ledger.conn.executemany(
            "INSERT INTO flow_state (event_id, from_party, to_party, category, best, low,"
            " high, n_reports) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
            (
                (f"big-{i}", *direction, CATEGORIES[i % 4], int(c), int(c), int(c) + (i % 3))
                for i in range(n_events)
                for direction, c in (((RU, UA), counts[i, 0]), ((UA, RU), counts[i, 1]))
            ),
        )
        ledger.conn.execute(EXCHANGE_DAYS_SQL.format(where=""))


@pytest.mark.slow
def test_at_100000_events_edits_update_the_chart_day_by_day_to_the_full_sums(
    ledger: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
) -> None:
    """How fast is for the benchmark (benchmarks/run.py); this checks the day-by-day path
    the speed comes from: the days an edit leaves and reaches, and no others, summed again."""
    fill_derived_state(ledger, 100_000, seed=1)
    pane = shown(qtbot, make_pane(ledger))
    assert len(pane.plotted_series()[UA].days) > 1000
    for index in range(7):
        report = exchange(f"2024-05-0{index + 1}", ((RU, UA, "pows", 10 + index),), "L")
        _, changes = ledger.add_report(report, WHO, event_id=f"big-{index * 997}")
        assert changes.days_left  # the day the event leaves, read by the write itself
        notifier.notify(changes)
    # the day-by-day updates left exactly what summing everything again gives
    full = balance_series(chart_data.ChartData(ledger).deltas())
    for party, series in pane.plotted_series().items():
        assert series.days.tolist() == full[party].days.tolist()
        assert series.received.high.tolist() == full[party].received.high.tolist()
        assert series.sent.best.tolist() == full[party].sent.best.tolist()


# ---- readable at the sizes of the window (issue 15) ----------------------------------

SIZES = ((1270, 700), (800, 500))


def test_a_days_details_fit_under_the_chart_at_1280(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """The details of the busiest day of the example, sources included, need no scrolling
    in the strip under the chart at the window's 1280 pixels (four lines cut them)."""
    pane = shown_at(qtbot, make_pane(example), 1270, 700)
    for day in ("2025-06-11", "2025-06-13"):
        pane.details_label.setText(pane.describe_day(day))
        shown = pane.details_area.viewport()
        needed = pane.details_label.heightForWidth(shown.width())
        assert needed <= shown.height(), (day, needed, shown.height())


@contextmanager
def speaking_as(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, language: str
) -> Iterator[None]:
    """The window's words (and the stored values it names) in `language` for a while."""
    from test_import_problems_translated import speaking

    from desktop_app.ui import i18n

    monkeypatch.setattr(i18n, "_current", [language])
    with speaking(qapp, language) if language != "en" else nullcontext():
        yield


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_the_open_events_strip_names_its_lanes_in_every_language(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """pyqtgraph draws no tick label that does not fit its axis: the Ukrainian lane names
    were left out of a left axis 80 pixels wide, leaving two bare ticks."""
    from desktop_app.ui.chart_axes import LANES
    from desktop_app.ui.words import status_name

    with speaking_as(qapp, monkeypatch, language):
        pane = shown(qtbot, make_pane(example))
        names = [status_name(lane) for lane in LANES]
    lanes = pane.events_plot.getAxis("left")
    metrics = QFontMetricsF(lanes.font())
    ticks = abs(lanes.style["tickLength"]) + lanes.style["tickTextOffset"][0]
    assert all(metrics.horizontalAdvance(name) + ticks <= lanes.width() for name in names), names
    assert len({plot.getAxis("left").width() for plot in pane.plots}) == 1  # days line up


@pytest.mark.parametrize(("language", "target"), [("uk", "ціль"), ("ru", "цель")])
def test_a_days_target_reads_whole_in_ukrainian_and_russian(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    target: str,
) -> None:
    """The target beside a party's totals was cut from "Україна: ціль 6 000 (…)" by the
    length of the English wording, and read "·  ціль", with a space too many."""
    with speaking_as(qapp, monkeypatch, language):
        text = shown(qtbot, make_pane(example)).describe_day("2025-06-11")
    assert f" · {target} 6" in text and "  " not in text, text


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_the_months_on_the_axis_are_named_in_ukrainian_and_russian(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """English names its months ("Jul"); Ukrainian and Russian showed "07", which reads
    as a day."""
    from desktop_app.ui import i18n

    example.add_report(exchange("2025-12-20", ((RU, UA, "bodies", 30),), "Lubinets"), WHO)
    with speaking_as(qapp, monkeypatch, language):
        pane = shown_at(qtbot, make_pane(example), 1000, 600)
    axis = pane.received_plot.getAxis("bottom")
    months = [
        text
        for spacing, values in axis.tickValues(*axis.range, axis.geometry().width())
        if spacing < 365
        for text in axis.tickStrings(values, 1, spacing)
    ]
    assert months, "the axis marks months at this width"
    months = [text.removesuffix(" 2025").removesuffix(" 2024") for text in months]
    assert not any(text.isdigit() for text in months), months
    locale = QLocale(i18n.LOCALES[language])
    names = {locale.standaloneMonthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13)}
    assert set(months) <= names, months


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize(
    ("first", "last", "years"),
    [
        ("2025-03-01", "2025-09-15", ["2025"]),
        ("2024-10-01", "2025-03-31", ["2024", "2025"]),
        # a year on the axis's first day is not drawn (it would stick out): "Feb 2025"
        ("2025-01-01", "2025-06-30", ["2025"]),
        ("2024-12-31", "2025-03-31", ["2025"]),
    ],
)
def test_the_axis_names_the_year_of_the_months_in_view(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    first: str,
    last: str,
    years: list[str],
) -> None:
    """Zoomed to some months of a year, the axis read "Apr May Jun … Sep", and nothing on
    it said which year: the first month drawn carries its year ("Apr 2025"), unless the
    year is marked before it."""
    with speaking_as(qapp, monkeypatch, language):
        pane = shown_at(qtbot, make_pane(example), 1200, 600)
        axis = pane.net_plot.getAxis("bottom")
        epoch = date(1970, 1, 1)
        pane.received_plot.setXRange(
            (date.fromisoformat(first) - epoch).days - axis.origin,
            (date.fromisoformat(last) - epoch).days - axis.origin,
            padding=0,
        )
        settled(qtbot, pane)
        texts = drawn_labels(axis)
    assert len(texts) >= 2, texts
    for year in years:
        assert sum(year in text for text in texts) == 1, (year, texts)
    named = [text for text in texts if any(year in text for year in years)]
    assert texts.index(named[0]) == 0, f"the first label names no year: {texts}"


def drawn_labels(axis: DayAxis) -> list[str]:
    """The tick labels an axis draws, left to right, as pyqtgraph lays them out."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in sorted(texts, key=lambda spec: spec[0].left())]


def shown_at(qtbot: QtBot, pane: ChartPane, width: int, height: int) -> ChartPane:
    """The pane at a size of the window's chart area, laid out and painted."""
    pane.resize(width, height)
    shown(qtbot, pane)
    qtbot.waitUntil(lambda: pane.graphics.width() == width or not pane.graphics.isVisible())
    return settled(qtbot, pane)


def settled(qtbot: QtBot, pane: ChartPane) -> ChartPane:
    """Once the legend has taken the height its entries need at this width (the layout
    gives it that height on the next turn of the event loop), painted."""
    legend = pane.legend
    qtbot.waitUntil(lambda: abs(legend.size().height() - legend.minimumHeight()) < 0.5)
    pane.grab()
    return pane


def viewport_rect(pane: ChartPane) -> QRectF:
    """What the chart's view shows, in scene coordinates."""
    return pane.graphics.mapToScene(pane.graphics.viewport().rect()).boundingRect()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_legend_sits_outside_the_plot_and_every_entry_is_shown_in_full(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    width: int,
    height: int,
) -> None:
    pane = shown_at(qtbot, make_pane(example), width, height)
    for category in ("all", "bodies"):
        pane.set_category(category)
        settled(qtbot, pane)
        texts = pane.legend.texts()
        assert "Ukraine target 6,000 (agreement 2025-06-02) — 20% reached" in texts
        assert "Ukraine received (best)" in texts
        legend = pane.legend.sceneBoundingRect()
        view = viewport_rect(pane)
        for plot in pane.plots:
            assert not legend.intersects(plot.vb.sceneBoundingRect()), category
        rects = pane.legend.entry_scene_rects()
        metrics = QFontMetricsF(pane.legend.font)
        for text, rect in zip(texts, rects, strict=True):
            # the whole text fits in its entry, the entry in the legend, the legend in view
            assert rect.width() >= metrics.horizontalAdvance(text), text
            assert legend.adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect), text
            assert view.contains(rect), (text, rect, view)
        for index, rect in enumerate(rects):
            assert not any(rect.intersects(other) for other in rects[index + 1 :])
        # the plot keeps most of the room: the legend is a row or three, not a wall
        assert legend.height() <= 3 * pane.legend.rects[0].height() + 1
        assert pane.received_plot.vb.height() >= 0.25 * height


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_y_range_follows_the_data_and_names_the_targets_above_it(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    width: int,
    height: int,
) -> None:
    pane = make_pane(example)
    pane.set_category("bodies")  # before it is shown: laid out before its first x range
    shown_at(qtbot, pane, width, height)
    vb = pane.received_plot.vb
    top_data = max(int(s.received.high.max()) for s in pane.plotted_series().values())
    assert top_data == 1227
    (_, _), (bottom, top) = vb.viewRange()
    # the data (0 to 1,227) fills most of the plot's height, not its bottom fifth (the
    # rest is room for the labels of the targets above it)
    assert top_data <= top and (top_data - 0) / (top - bottom) >= 0.65
    assert pane.off_scale_texts() == [
        "↑ Russia target line at 6,000",
        "↑ Ukraine target line at 6,000",
    ]
    view = vb.sceneBoundingRect().adjusted(-1, -1, 1, 1)
    labels = [label for label in pane.target_layer.labels.labels if label.isVisible()]
    assert len(labels) == 2
    rects = [label.sceneBoundingRect() for label in labels]
    for rect in rects:
        assert view.contains(rect) and rect.top() - view.top() < 3 * rect.height()
    assert not rects[0].intersects(rects[1])
    if width >= 1200:  # room for both side by side: one row, and the data keeps 80%
        assert rects[0].top() == rects[1].top()
        assert top_data / (top - bottom) >= 0.8
    # the labels sit above the data's top, in room made for them: they cover no line
    data_top = vb.mapViewToScene(QPointF(0, top_data)).y()
    assert all(rect.bottom() <= data_top + 1 for rect in rects)
    # asked to, the range takes the targets in, and the labels go
    pane.fit_targets_box.click()
    pane.grab()
    assert vb.viewRange()[1][1] >= 6000
    assert pane.off_scale_texts() == []
    pane.fit_targets_box.click()
    pane.grab()
    assert vb.viewRange()[1][1] == pytest.approx(top, rel=0.02)
    assert len(pane.off_scale_texts()) == 2


def test_an_empty_ledger_shows_a_sentence_not_empty_axes(
    ledger: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
) -> None:
    pane = shown_at(qtbot, make_pane(ledger), 1270, 700)
    assert pane.empty_label.isVisible()
    assert "No exchanges recorded yet" in pane.empty_label.text()
    assert "Ctrl+N" in pane.empty_label.text() and "Ctrl+I" in pane.empty_label.text()
    assert not pane.graphics.isVisible() and not pane.details_area.isVisible()
    assert pane.empty_label.height() > 300  # the sentence has the pane's room
    # the first exchange brings the chart
    _, changes = ledger.add_report(exchange("2025-06-20", ((RU, UA, "pows", 5),), "L"), WHO)
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(changes)
    pane.grab()
    assert pane.graphics.isVisible() and not pane.empty_label.isVisible()
    assert pane.category_combo.isVisible()
    # a category with nothing in it says so, and how to get back
    pane.set_category("civilians")
    assert pane.empty_label.isVisible() and not pane.graphics.isVisible()
    assert "No exchanges of civilians" in pane.empty_label.text()
    assert pane.category_combo.isVisible()
    pane.set_category("pows")
    assert pane.graphics.isVisible()


def agreements_csv(path: Path, n_agreements: int, seed: int) -> Path:
    """Agreements between Russia and Ukraine, each promising both a number of persons."""
    rng = random.Random(seed)
    rows = []
    for index in range(n_agreements):
        day = (date(2022, 3, 1) + timedelta(days=rng.randrange(900))).isoformat()
        for source, to in ((RU, UA), (UA, RU)):
            cells = {
                "event_id": f"agreement-{index}",
                "event_type": "agreement",
                "event_date": day,
                "category": "pows",
                "from_party": source,
                "to_party": to,
                "count": str(rng.randrange(50, 1000)),
                "count_qualifier": "exact",
                "source_name": "Ministry R",
                "source_kind": "official",
                "source_party": RU,
                "reliability": "C",
                "credibility": "3",
                "quote": f"agreed {index}",
            }
            rows.append([cells.get(column, "") for column in REPORT_COLUMNS])
    return write_csv(path, list(REPORT_COLUMNS), rows)


def test_thousands_of_agreements_stay_one_target_line_per_party(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot, tmp_path: Path
) -> None:
    import_csv(ledger, generated_csv(tmp_path / "exchanges.csv", 300, seed=2))
    import_csv(ledger, agreements_csv(tmp_path / "agreements.csv", 2500, seed=4))
    pane = shown_at(qtbot, make_pane(ledger), 1270, 700)
    targets = pane.plotted_targets()
    # one target per party and agreement day, those of one day added up
    days = [(target.party, target.day) for target in targets]
    assert len(days) == len(set(days)) < 2 * 2500 + 2
    assert sum(target.agreements for target in targets) == 2 * 2500 + 2
    lines = {id(item): item for _, item in pane.target_items}
    assert len(lines) == 2  # one line per receiving party
    for item in lines.values():
        x, y = item.getOriginalDataset()
        # a step line: each day once, left to right, no segments stacked on each other
        assert np.all(np.diff(x) > 0) and len(x) == len(y)
        assert item.opts["stepMode"] == "right"
    # the line holds, on each day, the target in force: the latest agreement's level
    ukraine = [t for t in targets if t.party == UA]
    latest = max(ukraine, key=lambda t: t.day)
    line = pane.target_layer.lines[UA]
    x, y = line.getOriginalDataset()
    assert y[-1] == latest.level
    # the legend names the target in force and counts the others, in a few entries
    texts = pane.legend.texts()
    assert len(texts) <= 8
    assert texts[-1] == f"+{len(targets) - 2:,} earlier targets (point at a day)"
    in_force = target_label(latest).removeprefix(f"{UA} ")
    assert in_force.startswith("target ")
    assert f" · {in_force}" in pane.describe_day(iso_day(latest.day)).split("\n")[2]


def test_the_details_line_never_keeps_the_numbers_of_before_a_change(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    pane = shown_at(qtbot, make_pane(example), 1270, 700)
    x, y = pane.party_items[UA].received.getOriginalDataset()
    point = widget_point(pane, x[2] + 0.5, y[2])  # Ukraine's step of 13 June
    pane.graphics.scene().sigMouseMoved.emit(pane.graphics.mapToScene(point))
    assert "Ukraine: received 1,212 ·" in pane.details_label.text()
    # an import adds a million persons received on 12 June: the same day, described afresh
    rows = [
        [
            {
                "event_id": "big-2025-06-12",
                "event_type": "exchange",
                "event_date": "2025-06-12",
                "category": "pows",
                "from_party": RU,
                "to_party": UA,
                "count": "1000000",
                "count_qualifier": "exact",
                "source_name": "Lubinets",
                "source_kind": "official",
                "source_party": UA,
                "reliability": "C",
                "credibility": "3",
                "quote": "a million",
            }.get(column, "")
            for column in REPORT_COLUMNS
        ]
    ]
    changes = import_csv(example, write_csv(tmp_path / "big.csv", list(REPORT_COLUMNS), rows))
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(changes)
    text = pane.details_label.text()
    assert "2025-06-13" in text and "Ukraine: received 1,001,212 ·" in text
    assert "received 1,212 ·" not in text
    # a category without that day's step: the prompt, not the numbers of another view
    pane.set_category("civilians")
    pane.set_category("pows")
    assert pane.details_label.text() == chart_text.prompt()
    assert not pane.hover_lines[0].isVisible()


def test_hover_names_events_by_date_type_location_and_flow_and_sources_by_name(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
) -> None:
    pane = shown_at(qtbot, make_pane(example), 1270, 700)
    report = ReportInput(
        "exchange",
        "Coordination Headquarters",
        "2025-06-20",
        source_party=UA,
        location="Belarus–Ukraine border",
        flows=(
            Flow(FlowKey(RU, UA, "pows"), 84),
            Flow(FlowKey(UA, RU, "pows"), 84 - 5),
        ),
    )
    _, changes = example.add_report(report, WHO)  # a new event: the window gives it a UUID
    (event_id,) = changes.events
    _, more = example.add_report(
        exchange("2025-06-20", ((RU, UA, "pows", 90),), "Lubinets"), WHO, event_id=event_id
    )
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(changes | more)
    assert len(event_id) >= 32  # a UUID, which no person should have to read
    name = "2025-06-20 exchange, Belarus–Ukraine border: pows Russia→Ukraine 84 (84–90)"
    text = pane.describe_day("2025-06-20")
    assert f"• {name} [in conflict]" in text
    assert "Coordination Headquarters, Lubinets" in text
    assert event_id not in text
    # the step's hover and tooltip, and the open event's tick, say the same
    pane.grab()  # the view takes in the new day
    x, y = pane.party_items[UA].received.getOriginalDataset()
    point = widget_point(pane, x[-2] + 0.3, y[-2])
    pane.graphics.scene().sigMouseMoved.emit(pane.graphics.mapToScene(point))
    assert name in pane.details_label.text() and event_id not in pane.graphics.toolTip()
    assert pane.graphics.toolTip() == pane.details_label.text()
    found = pane.plotted_markers()
    assert found is not None and found.event_id.tolist() == [event_id]
    tick = pane.graphics.mapFromScene(
        pane.events_plot.vb.mapViewToScene(QPointF(pane.x_of_day(found.day[0]), 0.0))
    )
    pane.graphics.scene().sigMouseMoved.emit(pane.graphics.mapToScene(tick))
    text = pane.details_label.text()
    assert text.startswith(f"{name} (+1 more flow) [in conflict]\n")
    # the form names the event as the chart does (one function: domain.naming.event_title)
    assert events.event_title(example, event_id) == f"{name} (+1 more flow)"
    assert "disputed pows Russia→Ukraine: 84 / 90" in text
    assert "sources: Coordination Headquarters, Lubinets" in text
    assert event_id not in text and event_id not in pane.graphics.toolTip()


def test_the_target_in_force_and_event_names_are_pure_functions() -> None:
    from desktop_app.domain.naming import event_title
    from desktop_app.domain.series import Target, target_steps, targets_in_force

    def target(event_id: str, day: int, best: int, baseline: int) -> Target:
        before = (baseline, baseline, baseline)
        return Target(event_id, iso_day(day), day, UA, (best, best, best), before, (0, 0, 0))

    agreed = [target("a", 10, 500, 0), target("b", 20, 300, 400), target("c", 20, 100, 400)]
    days, levels = target_steps(agreed)
    # one step per day; agreements of one day add up on their shared baseline
    assert days.tolist() == [10, 20] and levels.tolist() == [500, 800]
    assert [t.event_id for t in targets_in_force(agreed, 15)] == ["a"]
    assert [t.event_id for t in targets_in_force(agreed, 25)] == ["b", "c"]
    assert targets_in_force(agreed, 5) == []
    flows = (("pows", RU, UA, 84, 84, 90), ("pows", UA, RU, 79, 79, 79))
    assert event_title("2025-06-20", "exchange", "", flows) == (
        "2025-06-20 exchange: pows Russia→Ukraine 84 (84–90) (+1 more flow)"
    )
    assert event_title("2025-06", "talks", "Istanbul", ()) == "2025-06 talks, Istanbul"


def test_labels_at_the_top_edge_go_side_by_side_then_in_rows_inside_the_view() -> None:
    from desktop_app.ui.chart_targets import label_rows, off_scale

    # two labels at one x: the second beside the first; a third that does not fit: a row
    assert label_rows([0.0, 0.0, 0.0], [30.0, 30.0, 50.0], (0.0, 100.0), 2.0) == [
        (0.0, 0),
        (32.0, 0),
        (0.0, 1),
    ]
    # one that would end past the right edge is moved in
    assert label_rows([90.0], [30.0], (0.0, 100.0), 2.0) == [(70.0, 0)]
    steps = {UA: (np.array([0.0, 10.0]), np.array([500.0, 900.0]))}
    found = off_scale(steps, (0.0, 30.0), 600.0, 30.0)
    assert [(item.x, item.text) for item in found] == [(10.0, "↑ Ukraine target line at 900")]
    assert off_scale(steps, (0.0, 30.0), 1000.0, 30.0) == []


def test_a_line_hidden_under_another_says_so_in_the_legend(
    ledger: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    notifier: LedgerNotifier,
    qtbot: QtBot,
) -> None:
    """390 prisoners each way draw two identical lines: Ukraine's covered Russia's, and
    the legend named a Russian line nobody could see."""
    flows = ((RU, UA, "pows", 390), (UA, RU, "pows", 390))
    ledger.add_report(exchange("2025-06-11", flows, "HQ"), WHO)
    pane = shown(qtbot, make_pane(ledger))
    texts = pane.legend.texts()
    assert "Russia received (best)" in texts
    assert "Ukraine received (best): the same line as Russia" in texts
    # apart again: each line its own
    _, changes = ledger.add_report(exchange("2025-06-12", ((RU, UA, "pows", 5),), "HQ"), WHO)
    with qtbot.waitSignal(notifier.changed, timeout=1000):
        notifier.notify(changes)
    qtbot.waitUntil(lambda: "Ukraine received (best)" in pane.legend.texts())
    assert {"Russia received (best)", "Ukraine received (best)"} <= set(pane.legend.texts())


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_a_chart_that_cannot_be_written_says_why(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    """Into a folder that is gone, the export wrote nothing and said nothing (a line on
    stderr only)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    pane = shown(qtbot, make_pane(example))
    target = tmp_path / "no-such-folder" / f"chart.{kind}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    (pane.export_png_action if kind == "png" else pane.export_svg_action).trigger()
    assert said == [f"The chart could not be written to {target}: the folder does not exist"]
    assert not target.exists()


def test_totals_past_a_million_stay_in_view(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """pyqtgraph clipped points beyond a million view heights at the first draw, in a
    view still 0-1 high: totals of 100 million opened in a view that ended near a million,
    the lines off its top."""
    for day, count in (("2025-01-10", 60_000_000), ("2025-02-10", 40_000_000)):
        ledger.add_report(exchange(day, ((RU, UA, "civilians", count),), "S"), WHO)
    pane = shown(qtbot, make_pane(ledger))
    (_, _), (bottom, top) = pane.received_plot.vb.viewRange()
    assert top >= 100_000_000 > 0 >= bottom


def test_count_ticks_are_whole_numbers(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """A chart of a few persons had ticks at 0.5 and 1.5 persons, written with a point."""
    ledger.add_report(exchange("2025-01-10", ((RU, UA, "bodies", 2),), "S"), WHO)
    pane = shown(qtbot, make_pane(ledger))
    for plot in (pane.received_plot, pane.net_plot):
        axis = plot.getAxis("left")
        low, high = plot.vb.viewRange()[1]
        levels = axis.tickValues(low, high, plot.vb.height())
        values = [value for _, ticks in levels for value in ticks]
        assert values and all(float(value).is_integer() for value in values)
        assert all("." not in text for text in axis.tickStrings(values, 1.0, 1.0))


def test_plus_minus_and_zero_zoom_the_chart_from_the_keyboard(
    example: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    pane = shown(qtbot, make_pane(example))
    vb = pane.received_plot.vb
    pane.graphics.setFocus()
    whole = vb.viewRange()[0]
    qtbot.keyClick(pane.graphics, Qt.Key.Key_Plus)
    halved = vb.viewRange()[0]
    assert halved[1] - halved[0] == pytest.approx((whole[1] - whole[0]) / 2)
    qtbot.keyClick(pane.graphics, Qt.Key.Key_End)  # the last day: the view follows it
    line = pane.hover_lines[0].value()
    left, right = vb.viewRange()[0]
    assert left <= line <= right
    qtbot.keyClick(pane.graphics, Qt.Key.Key_Minus)
    qtbot.keyClick(pane.graphics, Qt.Key.Key_0)
    pane.grab()
    assert vb.viewRange()[0] == pytest.approx(whole, rel=0.01)
    for _ in range(40):  # far out, the view stops at two centuries
        qtbot.keyClick(pane.graphics, Qt.Key.Key_Minus)
    left, right = vb.viewRange()[0]
    assert right - left <= 73_050 + 1


def test_zoomed_in_the_counts_fit_the_days_in_view(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """Zoomed into a month of a long history, the y axis kept the whole range (0 to the
    largest total, and the undecided band's high): the steps drew as a flat line."""
    for month in range(1, 13):
        for day, count in ((f"2024-{month:02d}-05", 10_000), (f"2024-{month:02d}-20", 10)):
            both = ((RU, UA, "pows", count), (UA, RU, "pows", count))
            ledger.add_report(exchange(day, both, "S1"), WHO, event_id=day)
    late = ((RU, UA, "pows", 30), (UA, RU, "pows", 10))  # a band on the last day
    ledger.add_report(exchange("2024-12-20", late, "S2"), WHO, event_id="2024-12-20")
    early = ((RU, UA, "pows", 10_500), (UA, RU, "pows", 10_000))  # and one in January
    ledger.add_report(exchange("2024-01-05", early, "S2"), WHO, event_id="2024-01-05")
    pane = shown(qtbot, make_pane(ledger))
    vb = pane.received_plot.vb
    last = float(pane.x_of_day(day_number("2024-12-20")))
    vb.setXRange(last - 10, last + 2, padding=0)  # the last step, and the one before it
    pane.grab()
    bottom, top = vb.viewRange()[1]
    # Before the last day both had received 120,110; after it, 120,120 and 120,650 (the
    # undecided 10 to 30 of the last day's band, over January's 10,000 to 10,500).
    assert 100_000 < bottom <= 120_110 and 120_650 <= top < 130_000, (bottom, top)
    pane.graphics.setFocus()
    qtbot.keyClick(pane.graphics, Qt.Key.Key_0)  # the whole chart again, from 0
    for _ in range(2):  # as the next paints do (the linked views settle in two)
        vb.updateAutoRange()
    bottom, top = vb.viewRange()[1]
    assert bottom <= 0 and top >= 120_650


def test_zoomed_in_the_labels_of_the_targets_get_room_above_the_days_in_view(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """The room for the labels was one invisible point at the chart's first day, as high
    as the whole history's top: zoomed in on the first days, their steps lay flat at the
    bottom of an axis up to 12,000; zoomed in anywhere else there was no room, and the
    labels covered the data. Days in which nothing was received showed -700 to 700."""
    ledger.add_report(agreement_of_20_000_each_way("2024-01-01"), WHO, event_id="deal")
    for month in range(1, 13):
        day = f"2024-{month:02d}-05"
        both = ((RU, UA, "pows", 1_000), (UA, RU, "pows", 1_000))
        ledger.add_report(exchange(day, both, "S1"), WHO, event_id=day)
    pane = shown(qtbot, make_pane(ledger))
    vb = pane.received_plot.vb

    def zoomed(first: str, days: int, data_top: float, targets: int = 2) -> tuple[float, float]:
        left = float(pane.x_of_day(day_number(first)))
        vb.setXRange(left, left + days, padding=0)
        pane.grab()
        bottom, top = vb.viewRange()[1]
        labels = [label for label in pane.target_layer.labels.labels if label.isVisible()]
        assert len(labels) == targets  # the targets that run above the days in view
        line = vb.mapViewToScene(QPointF(left, data_top)).y()
        for label in labels:  # above the data in view, not over it
            assert label.sceneBoundingRect().bottom() <= line + 1
        return bottom, top

    bottom, top = zoomed("2024-01-01", 10, 1_000)  # the first days: 0, then 1,000
    assert bottom <= 0 and 1_000 < top < 2_000, (bottom, top)
    bottom, top = zoomed("2024-06-01", 10, 6_000)  # June: 5,000, then 6,000
    assert 4_000 < bottom <= 5_000 and 6_000 < top < 7_000, (bottom, top)
    bottom, top = zoomed("2024-01-01", 3, 0)  # agreed, nothing received yet
    assert -2 <= bottom <= 0 and 0 < top <= 12, (bottom, top)


def test_targets_alone_are_shown_from_0_and_a_fitted_target_zoomed_into_is_in_view(
    ledger: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    notifier: LedgerNotifier,
) -> None:
    """With an agreement and no exchange yet (the article's first event), the y axis ran
    19,999 to 20,001 around the target; fitted and zoomed inside one of its steps, the
    target was left out (5,994 to 6,006 around the data)."""
    ledger.add_report(agreement_of_20_000_each_way("2024-01-01"), WHO, event_id="deal")
    pane = shown(qtbot, make_pane(ledger))
    vb = pane.received_plot.vb
    bottom, top = vb.viewRange()[1]
    assert bottom <= 0 and top >= 20_000, (bottom, top)
    for month in (1, 6):
        both = ((RU, UA, "pows", 1_000), (UA, RU, "pows", 1_000))
        notifier.notify(ledger.add_report(exchange(f"2024-{month:02d}-05", both, "S1"), WHO)[1])
    pane.grab()
    pane.fit_targets_box.setChecked(True)
    left = float(pane.x_of_day(day_number("2024-06-10")))
    vb.setXRange(left, left + 10, padding=0)
    pane.grab()
    bottom, top = vb.viewRange()[1]
    assert bottom <= 2_000 and top >= 20_000, (bottom, top)


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_a_chart_export_that_fails_midway_says_so_and_a_bare_name_gets_its_kind(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    """Onto a full disk (/dev/full) the PNG was announced as exported; a name typed
    without .png made a file named `chart` of no kind, and an empty one on failure."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    pane = shown(qtbot, make_pane(example))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    action = pane.export_png_action if kind == "png" else pane.export_svg_action
    full = tmp_path / f"full.{kind}"
    full.symlink_to("/dev/full")  # a disk with no room left
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(full), ""))
    action.trigger()
    assert said == [f"The chart could not be written to {full}: the disk is full"]
    assert full.is_char_device()
    bare = tmp_path / "chart"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(bare), ""))
    action.trigger()
    assert not bare.exists()
    assert (tmp_path / f"chart.{kind}").stat().st_size > 1000


def test_a_chart_of_more_than_two_centuries_is_shown_whole(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """A year typed 1025 for 2025 is a real past date: the zoom-out limit of two
    centuries kept the chart's fit, and View All, from ever showing both exchanges."""
    for day in ("1025-06-11", "2025-06-11"):
        ledger.add_report(exchange(day, ((RU, UA, "bodies", 5),), "S"), WHO)
    pane = shown(qtbot, make_pane(ledger))
    left, right = pane.received_plot.vb.viewRange()[0]
    days = [float(pane.x_of_day(day)) for day in pane.plotted_series()[UA].days]
    assert left <= min(days) and max(days) <= right


def test_a_bare_name_does_not_replace_the_chart_of_that_name_unasked(
    example: Ledger,
    make_pane: Callable[[Ledger], ChartPane],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The save dialog asks before replacing the name typed (`chart`), not `chart.png`."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    pane = shown(qtbot, make_pane(example))
    earlier = tmp_path / "chart.png"
    earlier.write_bytes(b"MY EARLIER CHART")
    bare = str(tmp_path / "chart")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (bare, ""))
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", answer)
    pane.export_png_action.trigger()
    assert earlier.read_bytes() == b"MY EARLIER CHART"
    pane.export_png_action.trigger()
    assert asked == [f"{earlier} already exists. Replace it?"] * 2
    assert earlier.read_bytes().startswith(b"\x89PNG")


def test_clicking_a_step_of_two_exchanges_again_selects_the_other(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """Two exchanges on one day: every click selected the first; Enter went round them."""
    ledger.add_report(exchange("2025-06-10", ((RU, UA, "bodies", 5),), "S"), WHO)
    ids = set()
    for count in (7, 9):
        _, changes = ledger.add_report(
            exchange("2025-06-11", ((RU, UA, "bodies", count),), "S"), WHO
        )
        ids |= changes.events
    pane = shown(qtbot, make_pane(ledger))
    x, y = pane.party_items[UA].received.getOriginalDataset()
    index = list(x).index(pane.x_of_day(day_numbers(["2025-06-11"]))[0])
    point = widget_point(pane, x[index] + 0.3, y[index])
    chosen = []
    for _ in range(3):
        with qtbot.waitSignal(pane.event_selected, timeout=2000) as blocker:
            qtbot.mouseClick(pane.graphics.viewport(), Qt.MouseButton.LeftButton, pos=point)
        chosen.append(blocker.args[0])
    assert set(chosen[:2]) == ids and chosen[2] == chosen[0]


def test_the_left_axes_take_the_width_their_longest_count_needs(
    ledger: Ledger, make_pane: Callable[[Ledger], ChartPane], qtbot: QtBot
) -> None:
    """In 80 pixels the minus of "−10,000,000" went under the axis's title (a negative
    balance read as positive); the three axes keep one width, so their days line up."""
    from PySide6.QtGui import QFontMetrics

    ledger.add_report(exchange("2025-01-10", ((RU, UA, "civilians", 100),), "S"), WHO)
    small = shown(qtbot, make_pane(ledger))
    assert {plot.getAxis("left").width() for plot in small.plots} == {small._least_left_width}
    ledger.add_report(exchange("2025-01-11", ((RU, UA, "civilians", 10_000_000),), "S"), WHO)
    pane = shown(qtbot, make_pane(ledger))
    axis = pane.net_plot.getAxis("left")
    widths = {plot.getAxis("left").width() for plot in pane.plots}
    needed = QFontMetrics(axis.font()).horizontalAdvance("−10,000,000")
    assert len(widths) == 1 and widths.pop() > needed + 20
