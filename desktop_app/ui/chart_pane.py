"""The live chart: cumulative received per party, the net balance, targets and open events.

Above, one step line per party of the cumulative count received (best), with a translucent
low–high band wherever an undecided number leaves the total uncertain; dashed lines for
agreement targets. Beneath, a strip of ticks marks the events still in conflict or reopened,
and, on the same linked time axis, the net balance (received − handed over). Redrawn on
every change the notifier reports; the sums come from `store.chart_data`, the series from
`domain.series`.
"""

from __future__ import annotations

import html
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401 - registers ImageExporter
from pyqtgraph.graphicsItems.DateAxisItem import (
    DAY_SPACING,
    YEAR_MONTH_ZOOM_LEVEL,
    TickSpec,
    ZoomLevel,
    makeSStepper,
)
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QBrush, QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGraphicsPathItem,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.records import CATEGORIES
from ..domain.series import (
    Estimates,
    Markers,
    PartySeries,
    Target,
    balance_series,
    band_polygons,
    chart_end,
    chart_start,
    day_number,
    estimate_text,
    iso_day,
    step_xy,
    target_label,
    targets,
)
from ..store import chart_data
from ..store.ledger import Changes, Ledger
from .notifier import LedgerNotifier

ALL = "all"
CATEGORY_CHOICES = (ALL, *CATEGORIES)
# Beyond this many touched events a change is read again whole rather than day by day.
INCREMENTAL_LIMIT = 2000
CLICK_TOLERANCE_PX = 8.0
BAND_ALPHA = 70
MAX_HOVER_EVENTS = 5
LANES = ("conflict", "reopened")  # the rows of the open-events strip, bottom up
MARKER_HALF_HEIGHT = 0.32


class DayAxis(pg.DateAxisItem):
    """A date axis in whole days, UTC: years and months, or ISO days when zoomed in.

    The chart's x values are days counted from `origin` (a day number), not seconds since
    1970: Qt's SVG generator writes 6 significant digits, which would move every line of
    an exported SVG by hours or days. The axis turns them back into dates."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom", utcOffset=0)
        self.origin = 0
        # One level of ISO days: month labels beside day labels would overlap.
        days = ZoomLevel(
            [TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING), "%Y-%m-%d", autoSkip=[1, 2, 7, 14])],
            "0000-00-00",
        )
        self.zoomLevels = OrderedDict([(np.inf, YEAR_MONTH_ZOOM_LEVEL), (5 * DAY_SPACING, days)])

    def set_origin(self, origin: int) -> None:
        self.origin = origin
        self.picture = None
        self.update()

    def _seconds(self, x: float) -> float:
        return (x + self.origin) * DAY_SPACING

    def tickValues(  # noqa: N802 - pyqtgraph's API
        self,
        minVal: float,
        maxVal: float,
        size: float,  # noqa: N803
    ) -> list[tuple[float, list[float]]]:
        levels = super().tickValues(self._seconds(minVal), self._seconds(maxVal), size)
        return [
            (spacing / DAY_SPACING, [value / DAY_SPACING - self.origin for value in values])
            for spacing, values in levels
        ]

    def tickStrings(  # noqa: N802 - pyqtgraph's API
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        seconds = [self._seconds(value) for value in values]
        return super().tickStrings(seconds, scale, round(spacing * DAY_SPACING))


class CountAxis(pg.AxisItem):
    """Counts with thousands separators (500,000 rather than 500000)."""

    def __init__(self) -> None:
        super().__init__(orientation="left")
        self.enableAutoSIPrefix(False)

    def tickStrings(  # noqa: N802 - pyqtgraph's API
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        if spacing >= 1:
            return [f"{value * scale:,.0f}".replace("-", "−") for value in values]
        return super().tickStrings(values, scale, spacing)


class LaneAxis(pg.AxisItem):
    """The lanes of the open-events strip, by name."""

    def __init__(self) -> None:
        super().__init__(orientation="left")
        self.setTicks([[(float(index), name) for index, name in enumerate(LANES)], []])


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


class _Sample(ItemSample):
    """Legend samples: a filled square for a band, pyqtgraph's own for everything else."""

    def paint(self, painter: QPainter, *args: object) -> None:
        if isinstance(self.item, BandItem):
            painter.setPen(QPen(Qt.PenStyle.NoPen))
            painter.setBrush(self.item.brush())
            painter.drawRect(2, 4, 16, 14)
            return
        super().paint(painter, *args)


@dataclass
class PartyItems:
    """What the chart draws for one party."""

    received: pg.PlotDataItem
    band: BandItem
    net: pg.PlotDataItem
    net_band: BandItem


@dataclass
class ChartState:
    """What is drawn, in data terms, for hover, clicks and tests."""

    category: str | None = None
    series: dict[str, PartySeries] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    markers: Markers | None = None
    start_day: int | None = None
    end_day: int | None = None


class ChartPane(QWidget):
    """The chart pane. Emits `event_selected(event_id)` when a step or marker is clicked."""

    event_selected = Signal(str)

    def __init__(
        self,
        ledger: Ledger,
        notifier: LedgerNotifier,
        parent: QWidget | None = None,
        who: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.notifier = notifier
        self._who = who or _user_name
        self.data = chart_data.ChartData(ledger)
        self.state = ChartState()
        self.colors: dict[str, str] = {}
        self.party_items: dict[str, PartyItems] = {}
        self.target_items: list[tuple[Target, pg.PlotDataItem]] = []
        self._legend_note = pg.PlotDataItem(pen=None)  # a legend line with no sample
        self._target_lines: dict[str, pg.PlotDataItem] = {}  # per party, all its targets
        # An invisible point above the lines: auto-range keeps room for the legend.
        self._headroom = pg.PlotDataItem(
            pen=None, symbol="o", symbolSize=1, symbolPen=None, symbolBrush=(0, 0, 0, 0)
        )
        self._target_drawn: dict[str, tuple[object, ...]] = {}  # what each party's line shows
        self.selected_event_id: str | None = None
        self._hover_cache: dict[tuple[str, str | None], list[chart_data.DayEvent]] = {}
        self._announcing_colors = False
        self._legend_key: tuple[object, ...] = ()
        self._markers_key: tuple[str | None, int, int] | None = None
        self.origin = day_number(date.today().isoformat())  # x = day number − origin
        self._origin_fixed = False
        self._build()
        self._apply_palette()
        notifier.changed.connect(self._on_changed)
        self.redraw()

    # ---- building -------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        controls = QHBoxLayout()
        self.category_label = QLabel("Category", self)
        self.category_combo = QComboBox(self)
        self.category_combo.setAccessibleName("Category")
        self.category_combo.addItems(CATEGORY_CHOICES)
        self.category_label.setBuddy(self.category_combo)
        self.category_combo.currentTextChanged.connect(self._on_category_chosen)
        controls.addWidget(self.category_label)
        controls.addWidget(self.category_combo)
        controls.addStretch(1)
        layout.addLayout(controls)

        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setAccessibleName("Exchange balance chart")
        self.graphics.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.graphics, 1)
        self.details_label = QLabel(self)
        self.details_label.setAccessibleName("Chart details")
        self.details_label.setWordWrap(True)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setText("Point at a step to see its totals, events and sources.")
        # A fixed height, so that the chart does not jump as the pointer moves.
        self.details_area = QScrollArea(self)
        self.details_area.setWidget(self.details_label)
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QFrame.Shape.NoFrame)
        self.details_area.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 8)
        layout.addWidget(self.details_area)

        ci = self.graphics.ci
        ci.setContentsMargins(8, 8, 8, 8)
        self.title_item = pg.LabelItem("", size="12pt")
        ci.addItem(self.title_item, row=0, col=0)
        self.received_plot = ci.addPlot(
            row=2, col=0, axisItems={"bottom": DayAxis(), "left": CountAxis()}
        )
        # The legend floats in the plot's top left corner, where cumulative curves start
        # low: a row of its own would take the height the curves need in a docked pane.
        self.legend = pg.LegendItem(colCount=2, sampleType=_Sample, labelTextSize="9pt")
        self.legend.setParentItem(self.received_plot.vb)
        self.received_plot.addItem(self._headroom)
        self.received_plot.vb.sigResized.connect(lambda _vb: self._set_headroom())
        self.legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(6, 4))
        self.legend.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks reach the steps
        self.events_plot = ci.addPlot(
            row=3, col=0, axisItems={"bottom": DayAxis(), "left": LaneAxis()}
        )
        self.net_plot = ci.addPlot(
            row=4, col=0, axisItems={"bottom": DayAxis(), "left": CountAxis()}
        )
        self.plots = (self.received_plot, self.events_plot, self.net_plot)
        self.day_axes = tuple(plot.getAxis("bottom") for plot in self.plots)
        for axis in self.day_axes:
            axis.set_origin(self.origin)
        ci.layout.setRowStretchFactor(2, 5)
        ci.layout.setRowStretchFactor(4, 3)
        self.events_plot.setFixedHeight(44)
        self.events_plot.getAxis("bottom").setStyle(showValues=False)
        self.received_plot.getAxis("bottom").setStyle(showValues=False)  # the net plot has them
        self.events_plot.setYRange(-0.7, 1.7, padding=0)
        self.events_plot.vb.setMouseEnabled(x=True, y=False)
        for plot in (self.events_plot, self.net_plot):
            plot.setXLink(self.received_plot)
        self.received_plot.setLabel("left", "Persons received, cumulative")
        self.net_plot.setLabel("left", "Net balance")
        self.net_plot.setTitle("Net balance: received − handed over", size="9pt")
        self.net_plot.setLabel("bottom", "Charting day (UTC)")
        for plot in self.plots:
            # pyqtgraph's trap: stepMode="center" breaks with these; the curves use "right".
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.showGrid(x=True, y=plot is not self.events_plot, alpha=0.15)
            plot.getAxis("left").setWidth(80)
            plot.hideButtons()
            plot.vb.setLimits(minXRange=3)  # days
        self.zero_line = pg.InfiniteLine(pos=0, angle=0, movable=False)
        self.net_plot.addItem(self.zero_line, ignoreBounds=True)

        # One tick per open event, in its status's lane: a rug stays quick to redraw and
        # readable with thousands of open events.
        self.conflict_markers = pg.PlotCurveItem()
        self.reopened_markers = pg.PlotCurveItem()
        for rug in (self.conflict_markers, self.reopened_markers):
            rug.setZValue(20)
            self.events_plot.addItem(rug)

        self.selection_lines = tuple(pg.InfiniteLine(angle=90, movable=False) for _ in self.plots)
        self.hover_lines = tuple(pg.InfiniteLine(angle=90, movable=False) for _ in self.plots)
        for plot, selection, hover in zip(
            self.plots, self.selection_lines, self.hover_lines, strict=True
        ):
            for line in (selection, hover):
                line.setZValue(30)
                line.hide()
                plot.addItem(line, ignoreBounds=True)

        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        self._add_export_actions()

    def _add_export_actions(self) -> None:
        self.export_png_action = QAction("Export chart as PNG…", self)
        self.export_png_action.triggered.connect(lambda: self._ask_export("png"))
        self.export_svg_action = QAction("Export chart as SVG…", self)
        self.export_svg_action.triggered.connect(lambda: self._ask_export("svg"))
        # In place of pyqtgraph's own "Export…", whose SVG export fails on Qt 6.11's paths;
        # the scene adds these to the context menu of everything in the chart.
        self.graphics.scene().contextMenu = [self.export_png_action, self.export_svg_action]
        self.addActions([self.export_png_action, self.export_svg_action])

    # ---- palette --------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
            self.redraw()

    def _apply_palette(self) -> None:
        palette = self.palette()
        self.background = palette.color(QPalette.ColorRole.Base)
        self.foreground = palette.color(QPalette.ColorRole.Text)
        self.muted = QColor(self.foreground)
        self.muted.setAlpha(140)
        self.graphics.setBackground(self.background)
        for plot in self.plots:
            plot.titleLabel.setText(plot.titleLabel.text, color=self.foreground.name())
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(self.foreground))
                axis.setTextPen(pg.mkPen(self.foreground))
        self.zero_line.setPen(pg.mkPen(self.muted, width=1, style=Qt.PenStyle.DashLine))
        legend_background = QColor(self.background)
        legend_background.setAlpha(230)
        self.legend.setBrush(pg.mkBrush(legend_background))
        self.legend.setPen(pg.mkPen(self.muted))
        self.legend.setLabelTextColor(self.foreground)
        selection = QColor(self.foreground)
        selection.setAlpha(190)
        for line in self.selection_lines:
            line.setPen(pg.mkPen(selection, width=2, style=Qt.PenStyle.DashLine))
        for line in self.hover_lines:
            line.setPen(pg.mkPen(self.muted, width=1, style=Qt.PenStyle.DotLine))
        # Neutral ticks, apart from every party colour; the lane tells the status.
        for rug in (self.conflict_markers, self.reopened_markers):
            rug.setPen(pg.mkPen(self.foreground, width=3))
        self._legend_key = ()  # rebuilt with the new text colour
        self._target_drawn.clear()  # and the target lines with the new colours

    # ---- public API -----------------------------------------------------------------

    @property
    def category(self) -> str:
        """The selected category: "all" or one of the categories."""
        return self.category_combo.currentText()

    @Slot(str)
    def set_category(self, category: str) -> None:
        """Show one category ("bodies", "pows", "civilians", "other") or "all"."""
        if category not in CATEGORY_CHOICES:
            raise ValueError(f"'{category}' is not a category: use one of {CATEGORY_CHOICES}")
        if category != self.category:
            self.category_combo.setCurrentText(category)  # redraws

    @Slot(str)
    def select_event(self, event_id: str) -> None:
        """Mark an event's charting day with a vertical line (the selection elsewhere)."""
        self.selected_event_id = event_id or None
        self._place_selection()

    def export_png(self, path: Path | str) -> Path:
        """Write the chart (title, legend, axes, date of the data) as a PNG image."""
        path = Path(path)
        self._prepare_export()
        exporter = pg.exporters.ImageExporter(self.graphics.ci)
        width = int(self.graphics.ci.boundingRect().width())
        exporter.parameters()["width"] = max(width, 1200)
        exporter.parameters()["background"] = self.background
        with self._hover_hidden():
            exporter.export(str(path))
        return path

    def export_svg(self, path: Path | str) -> Path:
        """Write the chart (title, legend, axes, date of the data) as an SVG drawing.

        Rendered with Qt's own SVG generator: pyqtgraph 0.14's SVGExporter fails on the
        closed paths ("… Z") that Qt 6.11 writes (pyqtgraph issue #3495).
        """
        path = Path(path)
        self._prepare_export()
        with self._origin_at_view():
            self._render_svg(path)
        return path

    def _render_svg(self, path: Path) -> None:
        source = self.graphics.ci.sceneBoundingRect()
        target = QRectF(0, 0, source.width(), source.height())
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(target.size().toSize())
        generator.setViewBox(target)
        # pyqtgraph's axes replay QPictures recorded at the screen's resolution.
        generator.setResolution(self.logicalDpiX())
        generator.setTitle(self.title_text())
        generator.setDescription("Exchange Ledger chart")
        painter = QPainter(generator)
        try:
            painter.fillRect(target, self.background)
            with self._hover_hidden():
                self.graphics.scene().render(painter, target, source)
        finally:
            painter.end()

    @contextmanager
    def _origin_at_view(self) -> Iterator[None]:
        """Count x from the left edge of the view while exporting, so that the SVG's
        6-digit numbers stay precise whatever part of the time line is shown."""
        previous = self.origin
        left = self.received_plot.vb.viewRange()[0][0]
        self.set_origin(self.day_of_x(left))
        try:
            yield
        finally:
            self.set_origin(previous)

    def plotted_series(self) -> dict[str, PartySeries]:
        """Per party, the series drawn now (days, received, sent, net as numpy arrays)."""
        return dict(self.state.series)

    def plotted_targets(self) -> list[Target]:
        return list(self.state.targets)

    def plotted_markers(self) -> Markers | None:
        return self.state.markers

    def describe_day(self, day: str) -> str:
        """What hovering over the step on `day` shows: totals, events and sources."""
        return self._describe(day_number(day))

    def x_of_day(self, days: np.ndarray | int) -> np.ndarray:
        """The chart's x value of day numbers: days since `origin`."""
        return np.asarray(days, dtype=np.float64) - self.origin

    def day_of_x(self, x: float) -> int:
        """The day number a chart x value falls on."""
        return int(np.floor(x)) + self.origin

    def set_origin(self, origin: int) -> None:
        """Count x from another day; what is shown stays where it is."""
        delta = origin - self.origin
        if not delta:
            return
        vb = self.received_plot.vb
        auto = vb.autoRangeEnabled()[0]
        (left, right), _ = vb.viewRange()
        self.origin = origin
        for axis in self.day_axes:
            axis.set_origin(origin)
        self.redraw()
        if not auto:
            vb.setXRange(left - delta, right - delta, padding=0)

    # ---- reacting to changes -------------------------------------------------------

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        """Redraw after a write: the touched events' days are summed again (a large
        import, a merge or `everything` reads all again); parties may bring new colours."""
        if self._announcing_colors:
            return
        self._hover_cache.clear()
        if changes.parties:
            self.colors = {}
        if getattr(changes, "everything", False) or len(changes.events) > INCREMENTAL_LIMIT:
            self.data.reload()
        elif changes.events:
            self.data.update(changes.events)
        elif not changes.parties:
            return  # sources only: nothing drawn changes (hover reads them afresh)
        self.redraw()

    def _on_category_chosen(self, _text: str) -> None:
        self._hover_cache.clear()
        self.redraw()
        self.received_plot.enableAutoRange()

    # ---- drawing --------------------------------------------------------------------

    def redraw(self) -> None:
        """Set every item's data from the current sums (no painting happens here)."""
        category = None if self.category == ALL else self.category
        series = balance_series(self.data.deltas(), category)
        chart_targets = targets(self.data.agreement_flows(), series, category)
        found = self.data.open_markers(category)
        extra_days = [t.day for t in chart_targets]
        if len(found):
            extra_days += [int(found.day[0]), int(found.day[-1])]
        end = chart_end(series.values(), extra_days)
        start = chart_start(series.values(), extra_days)
        if start is not None and not self._origin_fixed:
            self._origin_fixed = True
            self.origin = start
            for axis in self.day_axes:
                axis.set_origin(start)
        self.state = ChartState(category, series, chart_targets, None, start, end)
        self._ensure_colors(set(series) | {t.party for t in chart_targets})
        for party in list(self.party_items):
            if party not in series:
                self._remove_party(party)
        for party, party_series in sorted(series.items()):
            items = self.party_items.get(party) or self._add_party(party)
            self._set_party_data(items, party_series, start, end or int(party_series.days[-1]))
        self._set_targets(chart_targets, end)
        self.state.markers = found
        markers_key = (category, self.data.open_version, self.origin)
        if self._markers_key != markers_key:
            self._markers_key = markers_key
            self._set_markers(found)
        self._update_legend()
        self._set_headroom()
        self._update_title()
        self._place_selection()

    def _set_headroom(self) -> None:
        """Room above the highest line and target for the legend that floats there."""
        series, start = self.state.series, self.state.start_day
        tops = [float(s.received.high.max()) for s in series.values() if len(s.days)]
        tops += [float(target.level) for target in self.state.targets]
        top = max(tops, default=0.0)
        if start is None or top <= 0:
            self._headroom.setData([], [])
            return
        legend_share = min(
            0.6, self.legend.boundingRect().height() / max(1.0, self.received_plot.vb.height())
        )
        self._headroom.setData(self.x_of_day([start]), [top / (1.0 - legend_share - 0.05)])

    def _color(self, party: str) -> QColor:
        return QColor(self.colors.get(party, "#808080"))

    def _ensure_colors(self, parties: set[str]) -> None:
        if self.colors and parties <= set(self.colors):
            return
        try:
            colors, wrote = chart_data.assign_party_colors(self.ledger, self._who())
        except sqlite3.Error:  # a busy or failing file: draw now, store the colours later
            colors, wrote = chart_data.assign_party_colors(self.ledger, "", persist=False)
        self.colors = colors
        for party, items in self.party_items.items():
            self._style_party(party, items)
        if wrote:
            QTimer.singleShot(0, self, self._announce_colors)

    def _announce_colors(self) -> None:
        """Colours are data: tell the other panes, as after every write."""
        self._announcing_colors = True
        try:
            self.notifier.notify(Changes(parties=True))
        finally:
            self._announcing_colors = False

    def _add_party(self, party: str) -> PartyItems:
        received = pg.PlotDataItem(name=party)
        net = pg.PlotDataItem(name=f"{party} net")
        color = self._color(party)
        items = PartyItems(received, BandItem(color), net, BandItem(color))
        self.received_plot.addItem(items.band)
        self.received_plot.addItem(received)
        self.net_plot.addItem(items.net_band)
        self.net_plot.addItem(net)
        # After addItem, which hands the plot's own settings down to the curve.
        for curve in (received, net):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            curve.setZValue(10)
        self._style_party(party, items)
        self.party_items[party] = items
        return items

    def _style_party(self, party: str, items: PartyItems) -> None:
        color = self._color(party)
        pen = pg.mkPen(color, width=2.2)
        items.received.setPen(pen)
        items.net.setPen(pen)
        items.band.set_color(color)
        items.net_band.set_color(color)

    def _remove_party(self, party: str) -> None:
        items = self.party_items.pop(party)
        self.received_plot.removeItem(items.received)
        self.received_plot.removeItem(items.band)
        self.net_plot.removeItem(items.net)
        self.net_plot.removeItem(items.net_band)

    def _set_party_data(
        self, items: PartyItems, series: PartySeries, start: int | None, end: int
    ) -> None:
        """Curves hold: (chart's first day, 0), one point per step, (end day, last value)."""
        received, net = series.received, series.net
        x, y = step_xy(series.days, received.best, end, start)
        items.received.setData(x - self.origin, y, stepMode="right")
        x, y, connect = band_polygons(series.days, received.low, received.high, end)
        items.band.set_polygons(x - self.origin, y, connect)
        x, y = step_xy(series.days, net.best, end, start)
        items.net.setData(x - self.origin, y, stepMode="right")
        x, y, connect = band_polygons(series.days, net.low, net.high, end)
        items.net_band.set_polygons(x - self.origin, y, connect)

    def _set_targets(self, chart_targets: list[Target], end: int | None) -> None:
        """One dashed line per agreement target, drawn as one item per party: a file with
        hundreds of agreements would otherwise paint hundreds of curves on every change."""
        by_party: dict[str, list[Target]] = {}
        for target in chart_targets:
            by_party.setdefault(target.party, []).append(target)
        for party in [party for party in self._target_lines if party not in by_party]:
            self.received_plot.removeItem(self._target_lines.pop(party))
            self._target_drawn.pop(party, None)
        parties = sorted(self.colors)
        self.target_items = []
        for party, party_targets in sorted(by_party.items()):
            item = self._target_lines.get(party)
            if item is None:
                item = pg.PlotDataItem()
                item.setZValue(5)
                self.received_plot.addItem(item)
                # Segments come in pairs: clipping or downsampling would split them.
                item.setDownsampling(ds=1, auto=False)
                item.setClipToView(False)
                self._target_lines[party] = item
            days: list[int] = []
            levels: list[int] = []
            for target in party_targets:
                stop = max(end if end is not None else target.day, target.day + 1)
                days += [target.day, stop]
                levels += [target.level, target.level]
            drawn = (tuple(days), tuple(levels), tuple(parties), self.origin)
            if self._target_drawn.get(party) != drawn:
                self._target_drawn[party] = drawn
                pen = QPen(self._color(party), 2.0)
                pen.setCosmetic(True)
                pen.setDashPattern([5.0, 5.0])
                # Two parties promised the same number share one line: dashes alternate.
                position = parties.index(party) if party in parties else 0
                pen.setDashOffset(5.0 * (position % 2))
                item.setData(self.x_of_day(days), levels, connect="pairs")
                item.setPen(pen)
            self.target_items += [(target, item) for target in party_targets]

    def _set_markers(self, found: Markers) -> None:
        for rug, status in (
            (self.conflict_markers, "conflict"),
            (self.reopened_markers, "reopened"),
        ):
            mask = found.status == status
            lane = LANES.index(status)
            rug.setData(
                np.repeat(self.x_of_day(found.day[mask]), 2),
                np.tile([lane - MARKER_HALF_HEIGHT, lane + MARKER_HALF_HEIGHT], int(mask.sum())),
                connect="pairs",
            )
            rug.setVisible(bool(mask.any()))

    def _update_legend(self) -> None:
        entries: list[tuple[object, str]] = []
        for party in sorted(self.party_items):
            items = self.party_items[party]
            entries.append((items.received, f"{party} received (best)"))
        if any(items.band.has_band() for items in self.party_items.values()):
            for party in sorted(self.party_items):
                items = self.party_items[party]
                if items.band.has_band() or items.net_band.has_band():
                    entries.append((items.band, f"{party} low–high (undecided)"))
        # The latest agreement per receiving party: a legend of every agreement in a
        # large file would be unreadable and costs a redraw of dozens of labels per edit.
        latest: dict[str, tuple[Target, object]] = {}
        for target, item in self.target_items:
            if target.party not in latest or target.day >= latest[target.party][0].day:
                latest[target.party] = (target, item)
        for party in sorted(latest):
            target, item = latest[party]
            entries.append((item, target_label(target)))
        older = len(self.target_items) - len(latest)
        if older:
            entries.append((self._legend_note, f"and {older} earlier targets (point at a line)"))
        key = tuple((id(item), label) for item, label in entries)
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        for item, label in entries:
            self.legend.addItem(item, label)

    def title_text(self) -> str:
        """The chart's title: category, date of the data, file."""
        category = "all categories" if self.category == ALL else self.category
        last = self.data.last_day()
        when = f"data up to {last}" if last else "no exchanges recorded yet"
        return f"Exchange balance — {category} · {when} · {self.ledger.path.name}"

    def _update_title(self) -> None:
        self.title_item.setText(html.escape(self.title_text()), color=self.foreground.name())

    def _place_selection(self) -> None:
        event_id = self.selected_event_id
        day = chart_data.event_day(self.ledger, event_id) if event_id else None
        for line in self.selection_lines:
            if day is None:
                line.hide()
            else:
                line.setPos(float(self.x_of_day(day_number(day))))
                line.show()

    @contextmanager
    def _hover_hidden(self) -> Iterator[None]:
        """The pointer's line is no part of an exported image."""
        shown = [line for line in self.hover_lines if line.isVisible()]
        for line in shown:
            line.hide()
        try:
            yield
        finally:
            for line in shown:
                line.show()

    def _prepare_export(self) -> None:
        """Lay the chart out before exporting, even if it was never shown."""
        if not self.isVisible() and self.graphics.width() < 400:
            self.graphics.resize(1000, 650)
        self.graphics.ci.layout.activate()

    def _ask_export(self, kind: str) -> None:
        name = f"exchange-balance-{self.category}.{kind}"
        path, _ = QFileDialog.getSaveFileName(
            self, f"Export chart as {kind.upper()}", name, f"{kind.upper()} image (*.{kind})"
        )
        if path:
            (self.export_png if kind == "png" else self.export_svg)(Path(path))

    # ---- hover and click -------------------------------------------------------------

    def _plot_at(self, scene_pos: QPointF) -> pg.PlotItem | None:
        for plot in self.plots:
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                return plot
        return None

    def _step_day_at(self, x: float) -> int | None:
        """The day of the step under x: the latest step on or before it, any party."""
        days = [s.days for s in self.state.series.values() if len(s.days)]
        if not days:
            return None
        all_days = np.unique(np.concatenate(days))
        index = int(np.searchsorted(all_days, self.day_of_x(x), side="right")) - 1
        return int(all_days[index]) if index >= 0 else None

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        plot = self._plot_at(scene_pos)
        day = None
        text = ""
        if plot is self.events_plot:
            hit = self._marker_hit(plot.vb.mapSceneToView(scene_pos))
            summary = chart_data.event_summary(self.ledger, hit[0]) if hit else None
            if hit is not None and summary is not None:
                day = hit[1]
                text = _summary_text(summary)
        elif plot is not None:
            x = plot.vb.mapSceneToView(scene_pos).x()
            day = self._step_day_at(x)
            if self.state.end_day is not None and self.day_of_x(x) > self.state.end_day:
                day = None
            if day is not None:
                text = self._describe(day)
        for line in self.hover_lines:
            if day is None:
                line.hide()
            else:
                line.setPos(float(self.x_of_day(day)))
                line.show()
        if day is None:
            self.graphics.setToolTip("")
            return
        self.details_label.setText(text)
        self.graphics.setToolTip(text)

    def _events_on(self, day: int, party: str | None = None) -> list[chart_data.DayEvent]:
        category = self.state.category
        if party is not None:
            return chart_data.events_on_day(self.ledger, iso_day(day), category, party)
        key = (iso_day(day), category)
        if key not in self._hover_cache:
            self._hover_cache[key] = chart_data.events_on_day(self.ledger, key[0], category)
        return self._hover_cache[key]

    def _describe(self, day: int) -> str:
        lines = [iso_day(day)]
        for party, series in sorted(self.state.series.items()):
            index = series.index_at(day)
            received = estimate_text(*series.received.at(index))
            sent = estimate_text(*series.sent.at(index))
            net = _signed(series.net, index)
            lines.append(f"{party}: received {received} · handed over {sent} · net {net}")
        events = self._events_on(day)
        for event in events[:MAX_HOVER_EVENTS]:
            flows = "; ".join(
                f"{category} {source}→{to} {estimate_text(best, low, high)}"
                for category, source, to, best, low, high in event.flows
            )
            sources = ", ".join(event.sources) or "no source"
            lines.append(f"• {event.event_id} [{event.status}] {flows} — sources: {sources}")
        if len(events) > MAX_HOVER_EVENTS:
            lines.append(f"… and {len(events) - MAX_HOVER_EVENTS} more events that day")
        return "\n".join(lines)

    def _on_mouse_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():  # type: ignore[attr-defined]
            return
        scene_pos = event.scenePos()  # type: ignore[attr-defined]
        event_id = self.event_at(scene_pos)
        if event_id is not None:
            self.select_event(event_id)
            self.event_selected.emit(event_id)

    def event_at(self, scene_pos: QPointF) -> str | None:
        """The event behind the marker or step at a scene position, if any."""
        plot = self._plot_at(scene_pos)
        if plot is None:
            return None
        vb = plot.vb
        view_pos = vb.mapSceneToView(scene_pos)
        if plot is self.events_plot:
            return self._marker_at(view_pos)
        found = self._step_at(plot, view_pos)
        if found is None:
            return None
        party, day = found
        candidates = self._events_on(day, party)
        if not candidates:
            return None
        if plot is self.received_plot:
            receiving = [e for e in candidates if any(flow[2] == party for flow in e.flows)]
            candidates = receiving or candidates
        return candidates[0].event_id

    def _marker_at(self, pos: QPointF) -> str | None:
        hit = self._marker_hit(pos)
        return hit[0] if hit else None

    def _marker_hit(self, pos: QPointF) -> tuple[str, int] | None:
        """The open event (and its day) whose tick is nearest to a view position of the
        strip, within a few pixels."""
        found = self.state.markers
        if found is None or not len(found):
            return None
        lane = round(pos.y())
        if not 0 <= lane < len(LANES) or abs(pos.y() - lane) > 0.5:
            return None
        in_lane = found.status == LANES[lane]
        xs = self.x_of_day(found.day[in_lane])
        if not len(xs):
            return None
        size_x = self.events_plot.vb.viewPixelSize()[0] or 1.0
        nearest = int(np.argmin(np.abs(xs - pos.x())))
        if abs(xs[nearest] - pos.x()) / size_x > CLICK_TOLERANCE_PX:
            return None
        return str(found.event_id[in_lane][nearest]), int(found.day[in_lane][nearest])

    def _step_at(self, plot: pg.PlotItem, pos: QPointF) -> tuple[str, int] | None:
        """The (party, day) of the step nearest to a view position, within a few pixels."""
        size_x, size_y = plot.vb.viewPixelSize()
        if not size_x or not size_y:
            return None
        best: tuple[float, str, int] | None = None
        for party, series in self.state.series.items():
            if not len(series.days):
                continue
            values = (series.received if plot is self.received_plot else series.net).best
            end = self.state.end_day if self.state.end_day is not None else int(series.days[-1])
            xs = self.x_of_day(np.append(series.days, end))
            index = int(np.searchsorted(xs[:-1], pos.x(), side="right")) - 1
            candidates: list[tuple[float, int]] = []
            if index >= 0 and pos.x() <= xs[-1]:
                candidates.append((abs(pos.y() - values[index]) / size_y, index))
            for riser in (index, index + 1):
                if 0 <= riser < len(values):
                    below = values[riser - 1] if riser > 0 else 0
                    low, high = sorted((below, values[riser]))
                    if (
                        low - size_y * CLICK_TOLERANCE_PX
                        <= pos.y()
                        <= high + size_y * CLICK_TOLERANCE_PX
                    ):
                        candidates.append((abs(pos.x() - xs[riser]) / size_x, riser))
            for distance, step in candidates:
                if distance <= CLICK_TOLERANCE_PX and (best is None or distance < best[0]):
                    best = (distance, party, int(series.days[step]))
        return None if best is None else (best[1], best[2])


def _summary_text(summary: chart_data.EventSummary) -> str:
    lines = [f"{summary.event_id} [{summary.status}] {summary.event_type}, {summary.date}"]
    for label, values in summary.disputes:
        lines.append(f"disputed {label}: {' / '.join(values)}")
    lines.append(f"sources: {', '.join(summary.sources) or 'none'}")
    return "\n".join(lines)


def _signed(net: Estimates, index: int) -> str:
    """A net balance with its sign: "+1,185", or "−1,185 (−1,273 to −1,185)"."""

    def signed(value: int) -> str:
        return f"+{value:,}" if value > 0 else f"{value:,}".replace("-", "−")

    best, low, high = net.at(index)
    if low == high:
        return signed(best)
    return f"{signed(best)} ({signed(low)} to {signed(high)})"


def _user_name() -> str:
    from ..settings import user_name

    return user_name()
