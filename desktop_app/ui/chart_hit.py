"""Hit-testing: which step or open-event tick lies under the pointer, within a few pixels.

Pure geometry on what is drawn (view coordinates and the size of a pixel in them); the
pane turns a hit into an event through `store.chart_data`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..domain.series import Markers, PartySeries
from .chart_axes import LANES

CLICK_TOLERANCE_PX = 8.0

XOfDay = Callable[[np.ndarray], np.ndarray]


def step_days(series: dict[str, PartySeries]) -> np.ndarray:
    """Every day on which some party's step stands, in order."""
    days = [s.days for s in series.values() if len(s.days)]
    return np.unique(np.concatenate(days)) if days else np.empty(0, dtype=np.int64)


def step_day_at(series: dict[str, PartySeries], day: int) -> int | None:
    """The day of the step in force on `day`: the latest step on or before it, any party."""
    all_days = step_days(series)
    index = int(np.searchsorted(all_days, day, side="right")) - 1
    return int(all_days[index]) if index >= 0 else None


def marker_hit(
    found: Markers | None, x: float, y: float, size_x: float, x_of_day: XOfDay
) -> tuple[str, int] | None:
    """The open event (and its day) whose tick is nearest to a point of the strip."""
    if found is None or not len(found):
        return None
    lane = round(y)
    if not 0 <= lane < len(LANES) or abs(y - lane) > 0.5:
        return None
    in_lane = found.status == LANES[lane]
    xs = x_of_day(found.day[in_lane])
    if not len(xs):
        return None
    nearest = int(np.argmin(np.abs(xs - x)))
    if abs(xs[nearest] - x) / (size_x or 1.0) > CLICK_TOLERANCE_PX:
        return None
    return str(found.event_id[in_lane][nearest]), int(found.day[in_lane][nearest])


def step_at(
    series: dict[str, PartySeries],
    received: bool,
    end_day: int | None,
    x: float,
    y: float,
    pixel: tuple[float, float],
    x_of_day: XOfDay,
) -> tuple[str, int] | None:
    """The (party, day) of the step nearest to a point of the received (or net) plot: on
    its level or its riser, within a few pixels."""
    size_x, size_y = pixel
    if not size_x or not size_y:
        return None
    best: tuple[float, str, int] | None = None
    for party, party_series in series.items():
        if not len(party_series.days):
            continue
        values = (party_series.received if received else party_series.net).best
        end = end_day if end_day is not None else int(party_series.days[-1])
        xs = x_of_day(np.append(party_series.days, end))
        index = int(np.searchsorted(xs[:-1], x, side="right")) - 1
        candidates: list[tuple[float, int]] = []
        if index >= 0 and x <= xs[-1]:
            candidates.append((abs(y - values[index]) / size_y, index))
        for riser in (index, index + 1):
            if 0 <= riser < len(values):
                below = values[riser - 1] if riser > 0 else 0
                low, high = sorted((below, values[riser]))
                slack = size_y * CLICK_TOLERANCE_PX
                if low - slack <= y <= high + slack:
                    candidates.append((abs(x - xs[riser]) / size_x, riser))
        for distance, step in candidates:
            if distance <= CLICK_TOLERANCE_PX and (best is None or distance < best[0]):
                best = (distance, party, int(party_series.days[step]))
    return None if best is None else (best[1], best[2])
