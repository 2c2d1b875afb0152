"""The agreement targets on the received plot: per party, a dashed step line for the
target in force, kept out of the y range unless asked, and labels at the top edge for
the lines that run above it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen

from ..domain.series import Target, step_xy, target_steps
from .chart_items import StepCurve
from .i18n import number

translate = QCoreApplication.translate

MAX_LABEL_SHARE = 0.3  # of the plot's height, at most, kept free for the labels


class TargetLine(StepCurve):
    """A party's target in force, as a dashed step line. Its levels take no part in the
    y range unless `fit` is set: a target of 6,000 would squash 1,212 received to the
    bottom of the plot (labels at the top edge say where it is instead). Fitted, zoomed
    inside one of its steps, that step counts (as a curve's: see StepCurve)."""

    fit = False

    def dataBounds(  # noqa: N802 - pyqtgraph's protocol for auto-range
        self,
        ax: int,
        frac: float = 1.0,
        orthoRange: object = None,  # noqa: N803
    ) -> tuple[float | None, float | None]:
        if ax == 1 and not self.fit:
            return (None, None)
        return super().dataBounds(ax, frac, orthoRange)


@dataclass(frozen=True)
class OffScale:
    """A target line above the view's top: where its label goes and what it says."""

    party: str
    x: float  # where the line's part above the view begins (or the view's left edge)
    text: str


def off_scale(
    lines: dict[str, tuple[np.ndarray, np.ndarray]],
    x_range: tuple[float, float],
    top: float,
    end_x: float,
) -> list[OffScale]:
    """Per party, the last step of its target line inside the x range that lies above
    `top`: lines[party] is (x, levels) of its steps, running on to `end_x`."""
    left, right = x_range
    found = []
    for party, (xs, levels) in sorted(lines.items()):
        if not len(xs):
            continue
        stops = np.append(xs[1:], max(end_x, float(xs[-1])))
        visible = (stops > left) & (xs < right) & (levels > top)
        if not visible.any():
            continue
        index = int(np.flatnonzero(visible)[-1])
        x = max(float(xs[index]), left)
        found.append(
            OffScale(
                party,
                x,
                translate("ChartTargets", "↑ {party} target line at {count}").format(
                    party=party, count=number(int(levels[index]))
                ),
            )
        )
    return found


def label_rows(
    xs: list[float], widths: list[float], x_range: tuple[float, float], gap: float
) -> list[tuple[float, int]]:
    """Where labels go along the top edge: each at its x (moved left to end inside the
    range, right past the label before it), in the first row where it overlaps none;
    (x, row) per label, in the order given."""
    left, right = x_range
    row_ends: list[float] = []
    placed = []
    for x, width in zip(xs, widths, strict=True):
        x = max(left, min(x, right - width))
        row = next((i for i, end in enumerate(row_ends) if x >= end), None)
        if row is None:
            # beside the last label of the first row, if that still fits
            if row_ends and row_ends[0] + width <= right:
                row, x = 0, row_ends[0]
            else:
                row = len(row_ends)
                row_ends.append(left)
        row_ends[row] = x + width + gap
        placed.append((x, row))
    return placed


class OffScaleLabels:
    """Labels at the top edge of a plot for the target lines above it, one per party,
    side by side where there is room, else in rows, never over each other."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.labels: list[pg.TextItem] = []
        self.shown: list[OffScale] = []
        self.font = QFont()

    def layout(self, wanted: list[OffScale]) -> list[tuple[float, int]]:
        """(x, row) of each label at the current x range."""
        (left, right), _ = self.plot.vb.viewRange()
        pixel = self.plot.vb.viewPixelSize()[0] or 1.0
        metrics = QFontMetricsF(self.font)
        widths = [(metrics.horizontalAdvance(item.text) + 12.0) * pixel for item in wanted]
        return label_rows([item.x for item in wanted], widths, (left, right), 8.0 * pixel)

    def rows(self, wanted: list[OffScale]) -> int:
        return 1 + max((row for _, row in self.layout(wanted)), default=-1)

    def show(self, wanted: list[OffScale], colors: dict[str, QColor], background: QColor) -> None:
        fill = QColor(background)
        fill.setAlpha(215)
        while len(self.labels) < len(wanted):
            label = pg.TextItem(anchor=(0, 0))
            label.setFont(self.font)
            label.setZValue(25)
            self.plot.addItem(label, ignoreBounds=True)
            self.labels.append(label)
        top = self.plot.vb.viewRange()[1][1]
        places = self.layout(wanted)
        for index, label in enumerate(self.labels):
            if index >= len(wanted):
                label.hide()
                continue
            item = wanted[index]
            x, row = places[index]
            label.setText(item.text, color=colors.get(item.party, QColor("#808080")))
            label.fill = pg.mkBrush(fill)
            label.setAnchor((0, -row))  # a row lower: one text height down
            label.setPos(x, top)
            label.show()
        self.shown = list(wanted)

    def line_height(self) -> float:
        """The height of one row of labels (text and margin), in pixels."""
        return QFontMetricsF(self.font).height() + 4.0

    def texts(self) -> list[str]:
        return [item.text for item in self.shown]


NOTHING_YET_SPAN = 10.0  # persons: the y axis of days in view that received nothing
Bounds = tuple[float | None, float | None]  # an item's data bounds on one axis, for pyqtgraph


class Headroom(pg.GraphicsObject):
    """Room above the data in view for the labels of the target lines above it: an item
    that draws nothing and whose y bounds, for the x range in view, run from the top of
    the other items there to where the labels end. An invisible point at the chart's first
    day held the whole history's top: zoomed in on the first days, their steps lay flat at
    the bottom, and zoomed in elsewhere there was no room and the labels covered data."""

    def __init__(self, room: Callable[[tuple[float, float] | None, float | None], Bounds]):
        super().__init__()
        self.room = room

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's
        return QRectF()

    def paint(self, *_args: object) -> None:
        pass

    def dataBounds(  # noqa: N802 - pyqtgraph's protocol for auto-range
        self,
        ax: int,
        frac: float = 1.0,
        orthoRange: tuple[float, float] | None = None,  # noqa: N803
    ) -> Bounds:
        view = self.getViewBox()
        if ax != 1 or view is None:
            return (None, None)
        tops = [  # of the data, not of the targets (fitted when there is no data)
            bounds[1]
            for item in view.addedItems
            if not isinstance(item, Headroom | TargetLine)
            and item.isVisible()
            and hasattr(item, "dataBounds")
            if (bounds := item.dataBounds(1, frac, orthoRange)) and bounds[1] is not None
        ]
        return self.room(orthoRange, max(tops, default=None))


class TargetLayer:
    """The target lines of a plot, one per receiving party, and their edge labels."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.fit = False
        self.lines: dict[str, TargetLine] = {}
        self.steps: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # per party: x, levels
        self.items: list[tuple[Target, TargetLine]] = []  # every target, with its line
        self.labels = OffScaleLabels(plot)
        self._drawn: dict[str, tuple[object, ...]] = {}  # what each party's line shows
        self.end_x = 0.0  # where the lines end: the chart's last day
        self.headroom = Headroom(self.room)
        plot.addItem(self.headroom)

    def restyle(self) -> None:
        """Draw every line again with the current colours at the next `set_targets`."""
        self._drawn.clear()

    def set_fit(self, fit: bool) -> None:
        self.fit = fit
        for line in self.lines.values():
            line.fit = fit

    def set_targets(
        self, chart_targets: list[Target], end: int | None, origin: int, colors: dict[str, str]
    ) -> None:
        """Per party one dashed step line: the target in force, from each agreement's day
        until the party's next agreement. Thousands of agreements stay one line each,
        not a block of overlapping lines that would read as an uncertainty band."""
        by_party: dict[str, list[Target]] = {}
        for target in chart_targets:
            by_party.setdefault(target.party, []).append(target)
        for party in [party for party in self.lines if party not in by_party]:
            self.plot.removeItem(self.lines.pop(party))
            self._drawn.pop(party, None)
            self.steps.pop(party, None)
        parties = sorted(colors)
        self.items = []
        for party, party_targets in sorted(by_party.items()):
            line = self.lines.get(party)
            if line is None:
                line = self.lines[party] = TargetLine()
                line.fit = self.fit
                line.setZValue(5)
                self.plot.addItem(line)
            days, levels = target_steps(party_targets)
            x, y = step_xy(days, levels, max(end or 0, int(days[-1]) + 1))
            self.steps[party] = (x[:-1] - origin, levels.astype(np.float64))
            drawn = (tuple(x.tolist()), tuple(y.tolist()), tuple(parties), origin)
            if self._drawn.get(party) != drawn:
                self._drawn[party] = drawn
                pen = QPen(QColor(colors.get(party, "#808080")), 2.0)
                pen.setCosmetic(True)
                pen.setDashPattern([5.0, 5.0])
                # Two parties promised the same number share one line: dashes alternate.
                position = parties.index(party) if party in parties else 0
                pen.setDashOffset(5.0 * (position % 2))
                line.setData(x - origin, y, stepMode="right")
                line.setPen(pen)
            self.items += [(target, line) for target in party_targets]

    def make_room(self, end_x: float) -> None:
        """The room above the data measured again (the lines end at `end_x`; the plot's
        height or the labels changed)."""
        self.end_x = end_x
        self.plot.vb.itemBoundsChanged(self.headroom)

    def room(self, x_range: tuple[float, float] | None, top: float | None) -> Bounds:
        """The y range above the data's top in view (`top`) that the labels of the lines
        above it take, so that the labels at the top edge never cover the data."""
        height = self.plot.vb.height()
        if top is None and self.steps:
            return (0.0, 0.0)  # targets alone: counted from 0 all the same
        if top is not None and top <= 0:
            # Nothing received in view (days before the first exchange, or targets alone):
            # counted from 0 up, where an axis of no height was spread to -700..700.
            return (0.0, NOTHING_YET_SPAN)
        if self.fit or top is None or height <= 0:
            return (None, None)
        above = off_scale(self.steps, x_range or (-np.inf, np.inf), top, self.end_x)
        if not above:
            return (None, None)
        rows = self.labels.rows(above)
        share = min(MAX_LABEL_SHARE, rows * self.labels.line_height() / height)
        return (top, top / (1.0 - share))

    def place_labels(self, end_x: float, colors: dict[str, str], background: QColor) -> None:
        """Name, at the plot's top edge, each party's line that runs above it."""
        (left, right), (_, top) = self.plot.vb.viewRange()
        wanted = [] if self.fit else off_scale(self.steps, (left, right), top, end_x)
        if wanted or self.labels.shown:
            party_colors = {party: QColor(colors.get(party, "#808080")) for party in self.steps}
            self.labels.show(wanted, party_colors, background)
