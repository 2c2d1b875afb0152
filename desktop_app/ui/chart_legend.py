"""The chart's legend: a row of its own above the plot, never over the data.

Entries flow left to right and wrap onto as many lines as the width needs, each drawn in
full; the row takes exactly the height of its lines. Part of the graphics scene, so that
PNG and SVG exports carry it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy

from ..domain.series import Target
from .chart_items import BAND_ALPHA, PartyItems
from .chart_text import target_label
from .words import plural

translate = QCoreApplication.translate

SAMPLE_WIDTH = 24.0
SAMPLE_GAP = 6.0
ENTRY_GAP = 22.0
ROW_PADDING = 4.0
GREY = "#808080"


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend. `kind`: "line", "dashed", "band" or "note" (no sample)."""

    text: str
    color: str
    kind: str


class ChartLegend(pg.GraphicsWidget):
    """Legend entries laid out in wrapping rows across the width the layout gives it."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[LegendEntry] = []
        self.rects: list[QRectF] = []  # one per entry, in this item's coordinates
        self.font = QFont()
        self.font.setPointSizeF(9.0)
        self.text_color = QColor("black")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._fit_height(0.0)

    def set_entries(self, entries: list[LegendEntry]) -> None:
        if entries == self.entries:
            return
        self.entries = list(entries)
        self.relayout()

    def set_text_color(self, color: QColor) -> None:
        self.text_color = QColor(color)
        self.update()

    def texts(self) -> list[str]:
        return [entry.text for entry in self.entries]

    def entry_scene_rects(self) -> list[QRectF]:
        """Where each entry (sample and text) is drawn, in scene coordinates."""
        return [self.mapRectToScene(rect) for rect in self.rects]

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's API
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        """Place the entries for the current width; ask the layout for their height."""
        metrics = QFontMetricsF(self.font)
        row_height = max(metrics.height(), 14.0) + ROW_PADDING
        width = max(self.size().width(), 1.0)
        x = y = 0.0
        self.rects = []
        for entry in self.entries:
            sample = 0.0 if entry.kind == "note" else SAMPLE_WIDTH + SAMPLE_GAP
            needed = sample + metrics.horizontalAdvance(entry.text) + 2
            if x > 0 and x + needed > width:
                x, y = 0.0, y + row_height
            self.rects.append(QRectF(x, y, needed, row_height))
            x += needed + ENTRY_GAP
        self._fit_height(y + row_height if self.entries else 0.0)
        self.update()

    def _fit_height(self, height: float) -> None:
        if abs(self.minimumHeight() - height) > 0.5 or abs(self.maximumHeight() - height) > 0.5:
            self.setMinimumHeight(height)
            self.setMaximumHeight(height)
            self.updateGeometry()

    def paint(self, painter: QPainter, *args: object) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font)
        for entry, rect in zip(self.entries, self.rects, strict=False):
            middle = rect.center().y()
            text_left = rect.left()
            if entry.kind != "note":
                _paint_sample(painter, entry, QRectF(rect.left(), middle - 7, SAMPLE_WIDTH, 14))
                text_left += SAMPLE_WIDTH + SAMPLE_GAP
            painter.setPen(QPen(self.text_color))
            text_rect = QRectF(text_left, rect.top(), rect.right() - text_left, rect.height())
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(text_rect, int(flags), entry.text)


def legend_entries(
    party_items: dict[str, PartyItems],
    colors: dict[str, str],
    target_items: list[tuple[Target, object]],
) -> list[LegendEntry]:
    """Each party's line, one entry for the bands, each party's latest target (the one
    in force at the end) and a count of the earlier ones."""
    entries = [
        LegendEntry(_received_text(party, party_items), colors.get(party, GREY), "line")
        for party in sorted(party_items)
    ]
    # One entry for every band: each is shaded in its party's colour.
    if any(i.band.has_band() or i.net_band.has_band() for i in party_items.values()):
        band = translate("ChartLegend", "shaded: low–high where undecided")
        entries.append(LegendEntry(band, GREY, "band"))
    latest: dict[str, Target] = {}
    for target, _ in target_items:
        if target.party not in latest or target.day >= latest[target.party].day:
            latest[target.party] = target
    for party in sorted(latest):
        color = colors.get(party, GREY)
        entries.append(LegendEntry(target_label(latest[party]), color, "dashed"))
    older = len(target_items) - len(latest)
    if older:
        text = plural.earlier_targets(older)
        entries.append(LegendEntry(text, "", "note"))
    return entries


def _received_text(party: str, party_items: dict[str, PartyItems]) -> str:
    """A party's line; one that another party's line covers exactly says so (two sides
    that exchanged the same numbers draw one line, and the legend named a line nobody
    could see)."""
    line = _drawn_steps(party_items[party].received)
    for other in sorted(party_items):
        if other == party:
            break
        drawn = _drawn_steps(party_items[other].received)
        if all(np.array_equal(mine, theirs) for mine, theirs in zip(line, drawn, strict=True)):
            return translate(
                "ChartLegend", "{party} received (best): the same line as {other}"
            ).format(party=party, other=other)
    return translate("ChartLegend", "{party} received (best)").format(party=party)


def _drawn_steps(curve: pg.PlotDataItem) -> tuple[np.ndarray, np.ndarray]:
    """A stepped line as it is drawn: its ends and the points where it changes. A step to
    the same total (a day this party only handed over) draws nothing, and two lines that
    looked alike were named apart for it."""
    if curve.xData is None or curve.yData is None:  # nothing drawn yet
        return np.empty(0), np.empty(0)
    x, y = np.asarray(curve.xData), np.asarray(curve.yData)
    if len(y) < 3:
        return x, y
    kept = np.ones(len(y), dtype=bool)
    kept[1:-1] = y[1:-1] != y[:-2]
    return x[kept], y[kept]


def _paint_sample(painter: QPainter, entry: LegendEntry, box: QRectF) -> None:
    color = QColor(entry.color)
    if entry.kind == "band":
        color.setAlpha(max(BAND_ALPHA, 110))  # a grey sample: darker than a band
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRect(box.adjusted(2, 0, -2, 0))
        return
    pen = QPen(color, 2.2)
    if entry.kind == "dashed":
        pen.setDashPattern([3.0, 2.0])
    painter.setPen(pen)
    middle = box.center().y()
    painter.drawLine(QPointF(box.left(), middle), QPointF(box.right(), middle))
