"""What the chart draws for each party besides plain curves: the low–high bands."""

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


@dataclass
class PartyItems:
    """What the chart draws for one party."""

    received: pg.PlotDataItem
    band: BandItem
    net: pg.PlotDataItem
    net_band: BandItem
