"""Hover and click: what the pointer points at, in words under the chart and in the
tooltip, and which event a click selects. A mixin of the chart pane, reading what it
draws (`state`, `plots`) and its ledger."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent

from ..domain.series import iso_day
from ..store import chart_data
from . import chart_hit, chart_text


class ChartHover:
    """The pointer's line, the details line and tooltip, and clicks (mixed into
    `ChartPane`)."""

    def _plot_at(self, scene_pos: QPointF) -> pg.PlotItem | None:
        for plot in self.plots:
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                return plot
        return None

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        plot = self._plot_at(scene_pos)
        day = None
        subject: tuple[str, object] | None = None
        if plot is self.events_plot:
            pos = plot.vb.mapSceneToView(scene_pos)
            hit = chart_hit.marker_hit(
                self.state.markers, pos.x(), pos.y(), plot.vb.viewPixelSize()[0], self.x_of_day
            )
            if hit is not None:
                day, subject = hit[1], ("event", hit[0])
        elif plot is not None:
            x = plot.vb.mapSceneToView(scene_pos).x()
            day = chart_hit.step_day_at(self.state.series, self.day_of_x(x))
            if self.state.end_day is not None and self.day_of_x(x) > self.state.end_day:
                day = None
            if day is not None:
                subject = ("day", day)
        text = self._subject_text(subject)
        if text is None:
            day = None
        self._show_hover_line(day)
        if text is None:
            self.graphics.setToolTip("")
            return
        self._details_subject = subject
        self.details_label.setText(text)
        self.graphics.setToolTip(text)

    def _show_hover_line(self, day: int | None) -> None:
        for line in self.hover_lines:
            if day is None:
                line.hide()
            else:
                line.setPos(float(self.x_of_day(day)))
                line.show()

    def _subject_text(self, subject: tuple[str, object] | None) -> str | None:
        if subject is None:
            return None
        kind, value = subject
        if kind == "event":
            summary = chart_data.event_summary(self.ledger, str(value))
            return chart_text.summary_text(summary) if summary is not None else None
        return self._describe(int(value))  # type: ignore[call-overload]

    def _refresh_details(self) -> None:
        """After a change, the details line says what is true now: the same day or event
        described afresh, or the prompt when it is gone; never the numbers of before."""
        subject = self._details_subject
        day = subject[1] if subject and subject[0] == "day" else None
        series = self.state.series
        if isinstance(day, int) and chart_hit.step_day_at(series, day) != day:
            subject = None  # no step on that day any more (another category, an edit)
        text = self._subject_text(subject)
        if text is None:
            self._details_subject = None
            self._show_hover_line(None)
            text = chart_text.prompt()
        self.details_label.setText(text)
        if self.graphics.toolTip():
            self.graphics.setToolTip(text if subject is not None else "")

    def _events_on(self, day: int) -> tuple[list[str], list[chart_data.DayEvent]]:
        """Every event of the day's step (ids), and the first ones as the hover names them."""
        category = self.state.category
        key = (iso_day(day), category)
        if key not in self._hover_cache:
            ids = chart_data.day_event_ids(self.ledger, key[0], category)
            named = chart_data.day_events(self.ledger, ids[: chart_text.MAX_HOVER_EVENTS], category)
            self._hover_cache[key] = (ids, named)
        return self._hover_cache[key]

    def _describe(self, day: int) -> str:
        state = self.state
        ids, named = self._events_on(day)
        return chart_text.day_text(day, state.series, state.targets, named, len(ids))

    # ---- the keyboard: the same words and selection, a step at a time -------------------

    def _step_days(self) -> list[int]:
        """Every day on which a step of the view stands, in order, up to the chart's end."""
        end = self.state.end_day
        return [int(d) for d in chart_hit.step_days(self.state.series) if end is None or d <= end]

    def step_by_key(self, key: int) -> bool:
        """Left/Right (or Up/Down) to the previous/next step, Home/End to the first/last:
        the details line says what the pointer would; Enter or Space selects that day's
        event in the other panes. True if the key was taken."""
        days = self._step_days()
        current = self._details_subject[1] if self._details_subject else None
        at = days.index(current) if current in days else None
        moves = {
            Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1,
        }  # fmt: skip
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if at is None:
                return False
            self._select_on_day(days[at])
            return True
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):  # the rest of a long day's words
            bar = self.details_area.verticalScrollBar()
            step = bar.pageStep() if key == Qt.Key.Key_PageDown else -bar.pageStep()
            bar.setValue(bar.value() + step)
            return True
        if not days:
            return False
        if key == Qt.Key.Key_Home:
            at = 0
        elif key == Qt.Key.Key_End:
            at = len(days) - 1
        elif key in moves:
            step = moves[key]
            at = (0 if step > 0 else len(days) - 1) if at is None else at + step
            at = min(max(at, 0), len(days) - 1)
        else:
            return False
        self._details_subject = ("day", days[at])
        self._show_hover_line(days[at])
        self._keep_in_view(float(self.x_of_day(days[at])))
        self._say(self._describe(days[at]))
        return True

    def _keep_in_view(self, x: float) -> None:
        """Zoomed in, a step taken by the keyboard beyond the view moves the view to it
        (End put the line out of sight)."""
        left, right = self.received_plot.vb.viewRange()[0]
        if not left <= x <= right:
            half = (right - left) / 2
            self.received_plot.setXRange(x - half, x + half, padding=0)

    def _select_on_day(self, day: int) -> None:
        """Enter selects the day's first event; Enter again on that day the next one (a
        day of two exchanges had its second out of the keyboard's reach). The details
        line says which, of how many."""
        ids, named = self._events_on(day)
        if not ids:
            return
        at = (
            (ids.index(self.selected_event_id) + 1) % len(ids)
            if self.selected_event_id in ids
            else 0
        )
        self.select_event(ids[at])
        self.event_selected.emit(ids[at])
        if at < len(named):
            event = named[at]
        else:  # past those the hover names (a day of many year-only dates)
            [event] = chart_data.day_events(self.ledger, [ids[at]], self.state.category)
        chosen = chart_text.chosen_text(event, at + 1, len(ids))
        self._say(f"{chosen}\n{self._describe(day)}")

    def _say(self, text: str) -> None:
        """The details line, from the keyboard: what a screen reader reads of the chart
        too (its description, announced as it changes), the line's top in view."""
        self.details_label.setText(text)
        self.details_area.verticalScrollBar().setValue(0)
        self.graphics.setAccessibleDescription(text)
        QAccessible.updateAccessibility(
            QAccessibleEvent(self.graphics, QAccessible.Event.DescriptionChanged)
        )

    def _on_mouse_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():  # type: ignore[attr-defined]
            return
        scene_pos = event.scenePos()  # type: ignore[attr-defined]
        event_id = self.event_at(scene_pos)
        if event_id is not None:
            self.select_event(event_id)
            self.event_selected.emit(event_id)

    def event_at(self, scene_pos: QPointF) -> str | None:
        """The event behind the marker or step at a scene position, if any: of a step of
        several events, the one after the event selected."""
        plot = self._plot_at(scene_pos)
        if plot is None:
            return None
        vb = plot.vb
        pos = vb.mapSceneToView(scene_pos)
        if plot is self.events_plot:
            hit = chart_hit.marker_hit(
                self.state.markers, pos.x(), pos.y(), vb.viewPixelSize()[0], self.x_of_day
            )
            return hit[0] if hit else None
        received = plot is self.received_plot
        found = chart_hit.step_at(
            self.state.series,
            received,
            self.state.end_day,
            pos.x(),
            pos.y(),
            vb.viewPixelSize(),
            self.x_of_day,
        )
        if found is None:
            return None
        party, day = found
        candidates = chart_data.events_on_day(self.ledger, iso_day(day), self.state.category, party)
        if not candidates:
            return None
        if received:
            receiving = [e for e in candidates if any(flow[2] == party for flow in e.flows)]
            candidates = receiving or candidates
        # A click again on that step, the next of its events, as Enter does (the second of
        # a day's two exchanges was out of the mouse's reach).
        ids = [candidate.event_id for candidate in candidates]
        selected = self.selected_event_id
        return ids[(ids.index(selected) + 1) % len(ids)] if selected in ids else ids[0]
