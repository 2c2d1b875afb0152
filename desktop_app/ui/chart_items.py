"""What the chart draws for each party: its received and net curves (steps), each with
its low–high band where a number is undecided."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from ..domain.series import PartySeries, band_polygons, step_xy

BAND_ALPHA = 70


class BandItem(QGraphicsPathItem):
    """The low–high band of one party: step-shaped polygons, only where uncertain."""

    def __init__(self, color: QColor) -> None:
        super().__init__()
        self.opts: dict[str, object] = {}
        self.x = np.zeros(0)
        self.y = np.zeros(0)
        self.set_color(color)
        self.setPen(QPen(Qt.PenStyle.NoPen))

    def set_color(self, color: QColor) -> None:
        fill = QColor(color)
        fill.setAlpha(BAND_ALPHA)
        self.setBrush(QBrush(fill))

    def set_polygons(self, x: np.ndarray, y: np.ndarray, connect: np.ndarray) -> None:
        self.x, self.y = x, y
        self.setPath(pg.arrayToQPath(x, y, connect=connect) if len(x) else QPainterPath())
        self.setVisible(len(x) > 0)

    def has_band(self) -> bool:
        return len(self.x) > 0

    def dataBounds(  # noqa: N802 - pyqtgraph's protocol for auto-range
        self,
        axis: int,
        frac: float = 1.0,
        orthoRange: object = None,  # noqa: N803
    ) -> tuple[float | None, float | None]:
        values = self.x if axis == 0 else self.y
        if axis == 1 and orthoRange is not None and len(values):
            values = values[self._in_days(*orthoRange)]  # type: ignore[misc]
        if not len(values):
            return (None, None)
        return (float(values.min()), float(values.max()))

    def _in_days(self, left: float, right: float) -> np.ndarray:
        """The vertices that draw the band between these x values (zoomed in, the counts
        fit the days in view), the last step before them included."""
        return (self.x >= held_from(self.x, left)) & (self.x <= right)


def held_from(x: np.ndarray, left: float) -> float:
    """Where the step that holds its value into a view starting at `left` begins: the
    last x before it, or `left` itself."""
    before = x[x < left]
    return float(before.max()) if len(before) else left


class StepCurve(pg.PlotDataItem):
    """A party's curve of steps: zoomed in, the counts fit the days in view, the step
    before the first of them included, whose value the curve holds into the view (the
    y axis kept the whole history's range, and a month of steps drew flat at the top)."""

    def dataBounds(  # noqa: N802 - pyqtgraph's protocol for auto-range
        self,
        ax: int,
        frac: float = 1.0,
        orthoRange: tuple[float, float] | None = None,  # noqa: N803
    ) -> tuple[float | None, float | None]:
        x = self.xData
        if ax == 1 and orthoRange is not None and x is not None and len(x):
            left, right = orthoRange
            orthoRange = (held_from(x, left), right)
        bounds: tuple[float | None, float | None] = super().dataBounds(ax, frac, orthoRange)
        return bounds


@dataclass
class PartyItems:
    """What the chart draws for one party."""

    received: pg.PlotDataItem
    band: BandItem
    net: pg.PlotDataItem
    net_band: BandItem


def add_party_items(received_plot: pg.PlotItem, net_plot: pg.PlotItem, color: QColor) -> PartyItems:
    """A party's received and net curves, each with its band, added to their plots."""
    received = StepCurve()
    net = StepCurve()
    items = PartyItems(received, BandItem(color), net, BandItem(color))
    received_plot.addItem(items.band)
    received_plot.addItem(received)
    net_plot.addItem(items.net_band)
    net_plot.addItem(net)
    # After addItem, which hands the plot's own settings down to the curve.
    for curve in (received, net):
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
        # pyqtgraph's default clips points beyond a million view heights: the first
        # draw, in a view still 0-1 high, cut totals past a million there, and the view
        # fitted what was left (the lines ran off the top). The views' limits
        # (ChartPane._build_plots) keep the magnification that limit guards against away.
        curve.setDynamicRangeLimit(None)
        curve.setZValue(10)
    style_party_items(items, color)
    return items


def style_party_items(items: PartyItems, color: QColor) -> None:
    pen = pg.mkPen(color, width=2.2)
    items.received.setPen(pen)
    items.net.setPen(pen)
    items.band.set_color(color)
    items.net_band.set_color(color)


def remove_party_items(
    received_plot: pg.PlotItem, net_plot: pg.PlotItem, items: PartyItems
) -> None:
    received_plot.removeItem(items.received)
    received_plot.removeItem(items.band)
    net_plot.removeItem(items.net)
    net_plot.removeItem(items.net_band)


def set_party_data(
    items: PartyItems, series: PartySeries, start: int | None, end: int, origin: int
) -> None:
    """Curves hold: (chart's first day, 0), one point per step, (end day, last value);
    x counted in days from `origin`."""
    received, net = series.received, series.net
    x, y = step_xy(series.days, received.best, end, start)
    items.received.setData(x - origin, y, stepMode="right")
    x, y, connect = band_polygons(series.days, received.low, received.high, end)
    items.band.set_polygons(x - origin, y, connect)
    x, y = step_xy(series.days, net.best, end, start)
    items.net.setData(x - origin, y, stepMode="right")
    x, y, connect = band_polygons(series.days, net.low, net.high, end)
    items.net_band.set_polygons(x - origin, y, connect)
