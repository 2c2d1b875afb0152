"""The chart's axes: days (as dates), counts with thousands separators, the lanes of the
open-events strip."""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, datetime

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    DAY_SPACING,
    MONTH_SPACING,
    YEAR_MONTH_ZOOM_LEVEL,
    TickSpec,
    ZoomLevel,
    makeMStepper,
    makeSStepper,
)
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontMetrics

from .i18n import LOCALES, current_language, signed_number
from .words import status_name

LANES = ("conflict", "reopened")  # the rows of the open-events strip, bottom up


class DayAxis(pg.DateAxisItem):
    """A date axis in whole days, UTC: years and months, or ISO days when zoomed in.

    The chart's x values are days counted from `origin` (a day number), not seconds since
    1970: Qt's SVG generator writes 6 significant digits, which would move every line of
    an exported SVG by hours or days. The axis turns them back into dates."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom", utcOffset=0)
        self.origin = 0
        self._view = (0.0, 0.0, 0.0)  # seconds at the view's ends, and its pixels
        # One level of ISO days: month labels beside day labels would overlap.
        days = ZoomLevel(
            [TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING), "%Y-%m-%d", autoSkip=[1, 2, 7, 14])],
            "0000-00-00",
        )
        years = YEAR_MONTH_ZOOM_LEVEL
        # "%b" names months in English whatever the window: the window's own language names
        # them (`tickStrings`), as "лист." and not a bare "11" that reads as a day.
        self.month_names: list[str] | None = None
        if current_language() != "en":
            years = ZoomLevel(
                [
                    years.tickSpecs[0],
                    TickSpec(MONTH_SPACING, makeMStepper(1), "%m"),
                ],
                "YYYY",
            )
            locale = QLocale(LOCALES[current_language()])
            short = QLocale.FormatType.ShortFormat
            self.month_names = [locale.standaloneMonthName(m, short) for m in range(1, 13)]
        self.zoomLevels = OrderedDict([(np.inf, years), (5 * DAY_SPACING, days)])

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
        self._view = (self._seconds(minVal), self._seconds(maxVal), size)
        levels = super().tickValues(self._seconds(minVal), self._seconds(maxVal), size)
        return [
            (spacing / DAY_SPACING, [value / DAY_SPACING - self.origin for value in values])
            for spacing, values in levels
        ]

    def tickStrings(  # noqa: N802 - pyqtgraph's API
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        seconds = [self._seconds(value) for value in values]
        strings = super().tickStrings(seconds, scale, round(spacing * DAY_SPACING))
        if round(spacing * DAY_SPACING) != round(MONTH_SPACING):
            return strings
        if self.month_names is not None:
            strings = [self.month_names[int(t) - 1] if t.isdigit() else t for t in strings]
        return self._with_year(seconds, strings)

    def _with_year(self, seconds: list[float], months: list[str]) -> list[str]:
        """The first month drawn carries its year ("Apr 2023") unless a year is drawn
        before it: zoomed within a year, the axis read "Apr May Jun" with no year at all.
        Only labels that fit are counted, as pyqtgraph draws no label that would stick out
        (a year on the axis's first day, say)."""
        start, end, _ = self._view
        if end <= start:
            return months
        for index in sorted(range(len(seconds)), key=seconds.__getitem__):
            day = datetime.fromtimestamp(seconds[index], UTC)
            new_year = datetime(day.year, 1, 1, tzinfo=UTC).timestamp()
            if new_year >= start and self._fits(new_year, str(day.year)):
                return months  # its year is drawn before it
            text = f"{months[index]} {day.year}"
            if self._fits(seconds[index], text):
                return [*months[:index], text, *months[index + 1 :]]
        return months

    def _fits(self, at: float, text: str) -> bool:
        """Whether a label centred on `at` (seconds) lies within the axis."""
        start, end, pixels = self._view
        half = QFontMetrics(self.style["tickFont"] or self.font()).horizontalAdvance(text) / 2
        left = (at - start) / (end - start) * pixels
        return half + 2 <= left <= pixels - half - 2


class CountAxis(pg.AxisItem):
    """Counts with thousands separators (500,000 rather than 500000)."""

    def __init__(self) -> None:
        super().__init__(orientation="left")
        self.enableAutoSIPrefix(False)

    def tickSpacing(  # noqa: N802 - pyqtgraph's API
        self,
        minVal: float,
        maxVal: float,
        size: float,  # noqa: N803
    ) -> list[tuple[float, float]]:
        """No tick between whole numbers: a count of 0.5 persons is no count."""
        levels = [level for level in super().tickSpacing(minVal, maxVal, size) if level[0] >= 1]
        return levels or [(1.0, 0.0)]

    def tickStrings(  # noqa: N802 - pyqtgraph's API
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        return [signed_number(round(value * scale)).lstrip("+") for value in values]

    def width_for(self, largest: int) -> int:
        """Pixels for the label of a count as long as `largest` (negative: with its
        minus), beside its tick: in 80, "−10,000,000" lost its minus under the axis's
        title, and read as a positive balance."""
        metrics = QFontMetrics(self.style["tickFont"] or self.font())
        text = metrics.horizontalAdvance(signed_number(largest).lstrip("+"))
        ticks = abs(int(self.style["tickLength"])) + int(self.style["tickTextOffset"][0])
        label = metrics.height() + 8  # the axis's title, turned on its side
        return text + ticks + label


class LaneAxis(pg.AxisItem):
    """The lanes of the open-events strip, by name."""

    def __init__(self) -> None:
        super().__init__(orientation="left")
        self.setTicks([[(float(index), status_name(name)) for index, name in enumerate(LANES)], []])

    def width_needed(self) -> int:
        """Pixels for the longest lane's name beside its tick: pyqtgraph draws no label
        that does not fit its axis ("суперечність" did not fit the usual 80)."""
        metrics = QFontMetrics(self.style["tickFont"] or self.font())
        text = max(metrics.horizontalAdvance(status_name(name)) for name in LANES)
        ticks = abs(int(self.style["tickLength"])) + int(self.style["tickTextOffset"][0])
        return text + ticks + 6
