"""The live chart: cumulative received per party, the net balance, targets and open events.

Above, a legend in a row of its own (never over the data); beneath it one step line per
party of the cumulative count received (best), with a translucent low–high band wherever
an undecided number leaves the total uncertain, and a dashed step line per party for the
agreement target in force. The y range follows the data: a target above it is named by a
label at the plot's top edge (or, with "Fit targets", taken into the range). Then a strip
of ticks marks the events still in conflict or reopened, and, on the same linked time
axis, the net balance (received − handed over). An empty ledger shows a sentence instead.
Redrawn on every change the notifier reports; the sums come from `store.chart_data`, the
series from `domain.series`; axes, items, legend, words, hit-testing and export live in
the `chart_*` modules beside this one.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.records import CATEGORIES
from ..domain.series import (
    Markers,
    PartySeries,
    Target,
    balance_series,
    chart_end,
    chart_start,
    day_number,
    targets,
)
from ..store import chart_data
from ..store.ledger import Changes, Ledger
from . import chart_text
from .chart_axes import LANES, CountAxis, DayAxis, LaneAxis
from .chart_export import ChartExport
from .chart_hover import ChartHover
from .chart_items import (
    PartyItems,
    add_party_items,
    remove_party_items,
    set_party_data,
    style_party_items,
)
from .chart_legend import ChartLegend, legend_entries
from .chart_targets import TargetLayer
from .notifier import LedgerNotifier
from .words import category_name, combo_value, fill_values, set_combo_value

DETAIL_LINES = 5  # the height of the details under the chart, in lines of text

ALL = "all"
CATEGORY_CHOICES = (ALL, *CATEGORIES)
# Beyond this many touched events a change is read again whole rather than day by day.
INCREMENTAL_LIMIT = 2000
# The fewest days the view may show at once zoomed out (see ChartPane._limit_zoom_out):
# two centuries, beyond any war's record.
MAX_DAYS_SHOWN = 73_050
MARKER_HALF_HEIGHT = 0.32
translate = QCoreApplication.translate


def _category_choice(value: str) -> str:
    return translate("ChartPane", "all") if value == ALL else category_name(value)


__all__ = ["ALL", "CATEGORY_CHOICES", "ChartPane", "ChartState", "PartyItems"]


@dataclass
class ChartState:
    """What is drawn, in data terms, for hover, clicks and tests."""

    category: str | None = None
    series: dict[str, PartySeries] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    markers: Markers | None = None
    start_day: int | None = None
    end_day: int | None = None

    def is_empty(self) -> bool:
        return not self.series and not self.targets and not len(self.markers or ())


class ChartPane(ChartHover, ChartExport, QWidget):
    """The chart pane. Emits `event_selected(event_id)` when a step or marker is clicked."""

    event_selected = Signal(str)

    def __init__(
        self,
        ledger: Ledger,
        notifier: LedgerNotifier,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.notifier = notifier
        self.data = chart_data.ChartData(ledger)
        self.state = ChartState()
        self.colors: dict[str, str] = {}
        self.party_items: dict[str, PartyItems] = {}
        self.selected_event_id: str | None = None
        # What the details line describes: ("day", day number), ("event", id) or None.
        self._details_subject: tuple[str, object] | None = None
        # Per (day, category): every event id of the day's step, and the first ones named.
        self._hover_cache: dict[
            tuple[str, str | None], tuple[list[str], list[chart_data.DayEvent]]
        ] = {}
        self._markers_key: tuple[str | None, int, int] | None = None
        self.origin = day_number(date.today().isoformat())  # x = day number − origin
        self._origin_fixed = False
        self._redraw_when_shown = False
        self._build()
        self._apply_palette()
        notifier.changed.connect(self._on_changed)
        self.redraw()

    # ---- building -------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_controls())
        self.empty_label = QLabel(chart_text.empty_ledger(), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.empty_label.setMargin(32)
        font = self.empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.empty_label.setFont(font)
        self.empty_label.hide()
        layout.addWidget(self.empty_label, 1)
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setAccessibleName(translate("ChartPane", "Exchange balance chart"))
        # From the keyboard: arrows step through the days, Enter selects (`step_by_key`);
        # a frame shows where the focus is.
        self.graphics.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.graphics.installEventFilter(self)
        self.graphics.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.graphics, 1)
        self.details_label = QLabel(self)
        self.details_label.setWordWrap(True)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setText(chart_text.prompt())
        self.details_label.setContentsMargins(8, 2, 8, 2)
        # A fixed height, so that the chart does not jump as the pointer moves.
        self.details_area = QScrollArea(self)
        self.details_area.setWidget(self.details_label)
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QFrame.Shape.NoFrame)
        self.details_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read as the chart's words
        # Five lines: the day, two parties' totals with their targets, the day's event and
        # its sources (two lines at 1280 pixels); four cut the sources in half.
        self.details_area.setFixedHeight(self.fontMetrics().lineSpacing() * DETAIL_LINES + 8)
        layout.addWidget(self.details_area)
        self._build_plots()
        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        self._add_export_actions()

    def _build_controls(self) -> QHBoxLayout:
        controls = QHBoxLayout()
        controls.setContentsMargins(6, 4, 6, 0)
        self.category_label = QLabel(translate("ChartPane", "Category"), self)
        self.category_combo = QComboBox(self)
        self.category_combo.setAccessibleName(translate("ChartPane", "Category"))
        fill_values(self.category_combo, CATEGORY_CHOICES, _category_choice)
        self.category_label.setBuddy(self.category_combo)
        self.category_combo.currentTextChanged.connect(self._on_category_chosen)
        # Targets stay out of the y range unless asked: they would squash the data.
        fit_targets = translate("ChartPane", "Fit targets")
        self.fit_targets_box = QCheckBox(fit_targets, self)
        self.fit_targets_box.setAccessibleName(fit_targets)
        self.fit_targets_box.setToolTip(
            translate(
                "ChartPane",
                "Take the agreement targets into the vertical range (else the range follows"
                " the data and a label at the top edge names a target above it)",
            )
        )
        self.fit_targets_box.toggled.connect(self._on_fit_targets)
        controls.addWidget(self.category_label)
        controls.addWidget(self.category_combo)
        controls.addSpacing(16)
        controls.addWidget(self.fit_targets_box)
        controls.addStretch(1)
        return controls

    def _build_plots(self) -> None:
        ci = self.graphics.ci
        ci.setContentsMargins(8, 6, 12, 6)
        ci.layout.setVerticalSpacing(4)
        self.title_item = pg.LabelItem("", size="11pt")
        ci.addItem(self.title_item, row=0, col=0)
        # The legend has a row of its own, above the plot: it never covers the data.
        self.legend = ChartLegend()
        ci.addItem(self.legend, row=1, col=0)
        self.received_plot = ci.addPlot(
            row=2, col=0, axisItems={"bottom": DayAxis(), "left": CountAxis()}
        )
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
        ci.layout.setRowStretchFactor(2, 2)
        ci.layout.setRowStretchFactor(4, 1)
        self.events_plot.setFixedHeight(40)
        self.events_plot.getAxis("bottom").setStyle(showValues=False)
        self.received_plot.getAxis("bottom").setStyle(showValues=False)  # the net plot has them
        self.events_plot.setYRange(-0.7, 1.7, padding=0)
        self.events_plot.vb.setMouseEnabled(x=True, y=False)
        for plot in (self.events_plot, self.net_plot):
            plot.setXLink(self.received_plot)
        self.received_plot.setLabel("left", translate("ChartPane", "Received, cumulative"))
        self.net_plot.setLabel("left", translate("ChartPane", "Net balance"))
        self.net_plot.setLabel("bottom", translate("ChartPane", "Charting day (UTC)"))
        # One width for the three left axes, so that their days line up: the width the
        # lane names need, where that is more than the usual 80 pixels (a translation).
        lanes = self.events_plot.getAxis("left")
        assert isinstance(lanes, LaneAxis)
        self._least_left_width = max(80, lanes.width_needed())
        left_width = self._least_left_width
        for plot in self.plots:
            # pyqtgraph's trap: stepMode="center" breaks with these; the curves use "right".
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.showGrid(x=True, y=plot is not self.events_plot, alpha=0.15)
            plot.getAxis("left").setWidth(left_width)
            plot.hideButtons()
            plot.vb.setLimits(minXRange=3, maxXRange=MAX_DAYS_SHOWN)  # days
        for plot in (self.received_plot, self.net_plot):
            plot.vb.setLimits(minYRange=2)  # persons
            # Zoomed in (+, a drag), the counts fit the days in view: the y axis kept the
            # whole history's range, and a month of steps drew as a flat line at the top.
            plot.vb.setAutoVisible(y=True)
        self.zero_line = pg.InfiniteLine(pos=0, angle=0, movable=False)
        self.net_plot.addItem(self.zero_line, ignoreBounds=True)
        self.target_layer = TargetLayer(self.received_plot)
        self.received_plot.vb.sigRangeChanged.connect(lambda *_: self._place_off_scale())
        # The room depends on the labels' widths in days: on the width and the x range.
        self.received_plot.vb.sigResized.connect(lambda *_: self._make_room())
        self.received_plot.vb.sigXRangeChanged.connect(lambda *_: self._make_room())

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

    # ---- palette --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's API
        if watched is self.graphics:
            kind = event.type()
            if kind == QEvent.Type.KeyPress and (
                self.step_by_key(event.key())  # type: ignore[attr-defined]
                or self.zoom_by_key(event.key())  # type: ignore[attr-defined]
            ):
                return True
            if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                # a frame where the keyboard is (pyqtgraph draws the view without one)
                framed = kind == QEvent.Type.FocusIn
                self.graphics.setStyleSheet(
                    "QGraphicsView { border: 2px solid palette(highlight); }" if framed else ""
                )
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's API
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
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(self.foreground))
                axis.setTextPen(pg.mkPen(self.foreground))
        self.zero_line.setPen(pg.mkPen(self.muted, width=1, style=Qt.PenStyle.DashLine))
        self.legend.set_text_color(self.foreground)
        selection = QColor(self.foreground)
        selection.setAlpha(190)
        for line in self.selection_lines:
            line.setPen(pg.mkPen(selection, width=2, style=Qt.PenStyle.DashLine))
        for line in self.hover_lines:
            line.setPen(pg.mkPen(self.muted, width=1, style=Qt.PenStyle.DotLine))
        # Neutral ticks, apart from every party colour; the lane tells the status.
        for rug in (self.conflict_markers, self.reopened_markers):
            rug.setPen(pg.mkPen(self.foreground, width=3))
        self.target_layer.restyle()  # the target lines with the new colours

    # ---- public API -----------------------------------------------------------------

    @property
    def category(self) -> str:
        """The selected category: "all" or one of the categories."""
        return combo_value(self.category_combo)

    @Slot(str)
    def set_category(self, category: str) -> None:
        """Show one category ("bodies", "pows", "civilians", "other") or "all"."""
        if category not in CATEGORY_CHOICES:
            raise ValueError(f"'{category}' is not a category: use one of {CATEGORY_CHOICES}")
        if category != self.category:
            set_combo_value(self.category_combo, category)  # redraws

    @Slot(str)
    def select_event(self, event_id: str) -> None:
        """Mark an event's charting day with a vertical line (the selection elsewhere)."""
        self.selected_event_id = event_id or None
        self._place_selection()

    def plotted_series(self) -> dict[str, PartySeries]:
        """Per party, the series drawn now (days, received, sent, net as numpy arrays)."""
        return dict(self.state.series)

    def plotted_targets(self) -> list[Target]:
        return list(self.state.targets)

    @property
    def target_items(self) -> list[tuple[Target, pg.PlotDataItem]]:
        """Every target drawn, with the line that draws it (one line per party)."""
        return list(self.target_layer.items)

    def plotted_markers(self) -> Markers | None:
        return self.state.markers

    def off_scale_texts(self) -> list[str]:
        """The labels at the top edge naming target lines above the view."""
        return self.target_layer.labels.texts()

    def describe_day(self, day: str) -> str:
        """What hovering over the step on `day` shows: totals, targets, events, sources."""
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

    def title_text(self) -> str:
        """The chart's title: category, date of the data, file."""
        if self.category == ALL:
            category = translate("ChartPane", "all categories")
        else:
            category = category_name(self.category)
        # the last exchange of the category shown (a category view may hold targets alone)
        last = self.data.last_day(None if self.category == ALL else self.category)
        if last:
            when = translate("ChartPane", "data up to {date}").format(date=last)
        else:
            when = translate("ChartPane", "no exchanges recorded yet")
        return translate("ChartPane", "Exchange balance — {category} · {when} · {file}").format(
            category=category, when=when, file=self.ledger.path.name
        )

    # ---- reacting to changes -------------------------------------------------------

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        """Redraw after a write: the touched events' days are summed again (a large
        import, a merge or `everything` reads all again); parties may bring new colours."""
        self._hover_cache.clear()
        if changes.parties:
            self.colors = {}
        if getattr(changes, "everything", False) or len(changes.events) > INCREMENTAL_LIMIT:
            self.data.reload()
        elif changes.events:
            self.data.update(changes.events, changes.days_left)
        elif not changes.parties:
            self._refresh_details()  # sources only: names in the details may have changed
            return
        if self.isVisible():
            self.redraw()
        else:
            # Drawn when next shown (or exported): the sums above are kept at every change,
            # but setting the items took 20-40 ms of each report committed in another
            # workspace, at 100,000 events.
            self._redraw_when_shown = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's API
        self.redraw_if_behind()
        super().showEvent(event)

    def redraw_if_behind(self) -> None:
        """Draw the changes made while the chart was out of sight."""
        if self._redraw_when_shown:
            self.redraw()

    def zoom_by_key(self, key: int) -> bool:
        """+ and - halve and double the days in view, around the day the keyboard or the
        pointer stands on (else the middle); 0 shows the whole chart again, as the
        right-click menu's View All does. True if the key was taken."""
        if key == Qt.Key.Key_0:
            for plot in (self.received_plot, self.net_plot):
                plot.enableAutoRange()
            return True
        factor = {Qt.Key.Key_Plus: 0.5, Qt.Key.Key_Equal: 0.5, Qt.Key.Key_Minus: 2.0}.get(key)
        if factor is None:
            return False
        left, right = self.received_plot.vb.viewRange()[0]
        line = self.hover_lines[0]
        at = line.value() if line.isVisible() and left <= line.value() <= right else None
        center = (left + right) / 2 if at is None else float(at)
        self.received_plot.setXRange(
            center - (center - left) * factor, center + (right - center) * factor, padding=0
        )
        return True

    def _on_category_chosen(self, _text: str) -> None:
        self._hover_cache.clear()
        self.redraw()
        self.received_plot.enableAutoRange()

    def _on_fit_targets(self, fit: bool) -> None:
        self.target_layer.set_fit(fit or not self.state.series)
        self._make_room()
        self.received_plot.vb.updateAutoRange()
        self.received_plot.enableAutoRange(axis="y")
        self._place_off_scale()

    # ---- drawing --------------------------------------------------------------------

    def redraw(self) -> None:
        """Set every item's data from the current sums (no painting happens here)."""
        self._redraw_when_shown = False
        category = None if self.category == ALL else self.category
        deltas = self.data.deltas()
        series = balance_series(deltas, category)
        chart_targets = targets(self.data.agreement_flows(), series, category, deltas)
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
        self._limit_zoom_out(start, end)
        self._fit_left_axes(series.values())
        self._ensure_colors(set(series) | {t.party for t in chart_targets})
        for party in list(self.party_items):
            if party not in series:
                self._remove_party(party)
        for party, party_series in sorted(series.items()):
            items = self.party_items.get(party) or self._add_party(party)
            last = end or int(party_series.days[-1])
            set_party_data(items, party_series, start, last, self.origin)
        # Without any exchange to fit, the range is the targets'.
        self.target_layer.set_fit(self.fit_targets_box.isChecked() or not series)
        self.target_layer.set_targets(chart_targets, end, self.origin, self.colors)
        self.state.markers = found
        markers_key = (category, self.data.open_version, self.origin)
        if self._markers_key != markers_key:
            self._markers_key = markers_key
            self._set_markers(found)
        self._update_legend()
        self._update_title()
        self._place_selection()
        self._show_empty_or_chart()
        self._make_room()
        self._place_off_scale()
        self._refresh_details()

    def _fit_left_axes(self, series: Iterable[PartySeries]) -> None:
        """One width for the three left axes (their days line up), wide enough for the
        longest count the chart may label: the largest total, or the lowest net balance
        with its minus."""
        largest, lowest = 0, 0
        for party_series in series:
            received, net = party_series.received, party_series.net
            largest = max(largest, int(received.high.max(initial=0)), int(net.high.max(initial=0)))
            lowest = min(lowest, int(net.low.min(initial=0)))
        axis = self.net_plot.getAxis("left")
        assert isinstance(axis, CountAxis)
        width = max(self._least_left_width, axis.width_for(largest), axis.width_for(lowest))
        for plot in self.plots:
            plot.getAxis("left").setWidth(width)

    def _limit_zoom_out(self, start: int | None, end: int | None) -> None:
        """Zoomed out, the view stops at four times the chart's span (at least
        MAX_DAYS_SHOWN): further out the wheel took the lines and the dates off the
        chart, and a fixed limit kept a span of more (a typed year 1025) out of view."""
        span = 0 if start is None or end is None else end - start
        for plot in self.plots:
            plot.vb.setLimits(maxXRange=max(MAX_DAYS_SHOWN, 4 * span))

    def _show_empty_or_chart(self) -> None:
        """A sentence in place of empty axes when there is nothing to draw."""
        empty = self.state.is_empty()
        if empty:
            everything = not len(self.data.deltas()) and not self.data.agreement_flows()
            self.empty_label.setText(
                chart_text.empty_ledger()
                if everything or self.category == ALL
                else chart_text.empty_category(self.category)
            )
        self.empty_label.setVisible(empty)
        # Nothing to choose between in an empty ledger; nothing to fit without targets.
        self.category_label.setVisible(not empty or self.category != ALL)
        self.category_combo.setVisible(not empty or self.category != ALL)
        self.fit_targets_box.setVisible(bool(self.state.targets))
        self.graphics.setVisible(not empty)
        self.details_area.setVisible(not empty)

    def _color(self, party: str) -> QColor:
        return QColor(self.colors.get(party, "#808080"))

    def _ensure_colors(self, parties: set[str]) -> None:
        """The parties' colours, read: writes store them (the chart never writes)."""
        if self.colors and parties <= set(self.colors):
            return
        self.colors = chart_data.chart_colors(self.ledger)
        for party, items in self.party_items.items():
            style_party_items(items, self._color(party))
        self.target_layer.restyle()

    def _add_party(self, party: str) -> PartyItems:
        items = add_party_items(self.received_plot, self.net_plot, self._color(party))
        self.party_items[party] = items
        return items

    def _remove_party(self, party: str) -> None:
        remove_party_items(self.received_plot, self.net_plot, self.party_items.pop(party))

    def _place_off_scale(self) -> None:
        end = self.state.end_day
        right = self.received_plot.vb.viewRange()[0][1]
        end_x = float(self.x_of_day(end)) if end is not None else right
        self.target_layer.place_labels(end_x, self.colors, self.background)

    def _make_room(self) -> None:
        """Room above the data for the labels of the targets above it."""
        end = self.state.end_day
        self.target_layer.make_room(0.0 if end is None else float(self.x_of_day(end)))

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
        self.legend.set_entries(legend_entries(self.party_items, self.colors, self.target_items))

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
