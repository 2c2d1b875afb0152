"""What the chart draws besides plain curves: the low–high bands, the target lines (kept
out of the y range unless asked), and the labels of targets above the plot's top edge."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

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
        if not len(values):
            return (None, None)
        return (float(values.min()), float(values.max()))


class TargetLine(pg.PlotDataItem):
    """A party's target in force, as a dashed step line. Its levels take no part in the
    y range unless `fit` is set: a target of 6,000 would squash 1,212 received to the
    bottom of the plot (labels at the top edge say where it is instead)."""

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


@dataclass
class PartyItems:
    """What the chart draws for one party."""

    received: pg.PlotDataItem
    band: BandItem
    net: pg.PlotDataItem
    net_band: BandItem


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
        found.append(OffScale(party, x, f"↑ {party} target {int(levels[index]):,}"))
    return found


class OffScaleLabels:
    """Labels at the top edge of a plot for the target lines above it, one per party,
    stacked so that two parties with the same target do not overprint each other."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.labels: list[pg.TextItem] = []
        self.shown: list[OffScale] = []

    def show(self, wanted: list[OffScale], colors: dict[str, QColor], background: QColor) -> None:
        fill = QColor(background)
        fill.setAlpha(215)
        while len(self.labels) < len(wanted):
            label = pg.TextItem(anchor=(0, 0))
            label.setZValue(25)
            self.plot.addItem(label, ignoreBounds=True)
            self.labels.append(label)
        top = self.plot.vb.viewRange()[1][1]
        for index, label in enumerate(self.labels):
            if index >= len(wanted):
                label.hide()
                continue
            item = wanted[index]
            label.setText(item.text, color=colors.get(item.party, QColor("#808080")))
            label.fill = pg.mkBrush(fill)
            label.setAnchor((0, -index))  # the index-th label one text height lower
            label.setPos(item.x, top)
            label.show()
        self.shown = list(wanted)

    def texts(self) -> list[str]:
        return [item.text for item in self.shown]
