"""What the chart says in words: the hover text of a day or of an open event, the empty
chart's sentence. Events are named for people (date, type, location, main flow) and
sources by name, never by their ids. Everything here is in the window's language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain import naming
from ..domain.series import (
    Estimates,
    PartySeries,
    Target,
    iso_day,
    percent,
    targets_in_force,
)
from ..store import chart_data
from .i18n import number, signed_number
from .words import (
    WINDOW_WORDS,
    category_name,
    field_label_text,
    plural,
    status_name,
)

translate = QCoreApplication.translate
MAX_HOVER_EVENTS = 5
OPEN_WORDS = {
    "conflict": QT_TRANSLATE_NOOP("ChartText", "in conflict"),
    "reopened": QT_TRANSLATE_NOOP("ChartText", "reopened"),
}
PROMPT = QT_TRANSLATE_NOOP(
    "ChartText",
    "Point at a step (or press ← → on the chart) to see its totals, events and sources;"
    " Enter selects its event.",
)
EMPTY_LEDGER = QT_TRANSLATE_NOOP(
    "ChartText",
    "No exchanges recorded yet: add a report (Ctrl+N) or import a CSV file (Ctrl+I)."
    " The chart of the balance appears here with the first exchange.",
)


def prompt() -> str:
    return translate("ChartText", PROMPT)


def empty_ledger() -> str:
    return translate("ChartText", EMPTY_LEDGER)


def empty_category(category: str) -> str:
    return translate(
        "ChartText",
        "No exchanges of {category} recorded yet: choose another category, or “all”,"
        " in the Category box.",
    ).format(category=category_name(category))


def estimate_text(best: int, low: int, high: int) -> str:
    """`2 412`, or `2 412 (2 400–2 424)` where the reports leave it uncertain."""
    return naming.estimate_text(best, low, high, WINDOW_WORDS)


def target_label(target: Target) -> str:
    """E.g. "Ukraine target 6,000 (agreement 2025-06-02) — 40% reached"; agreements of
    one day are one target, added up."""
    words = (
        QT_TRANSLATE_NOOP("ChartText", "{party} target {count} (agreement {date})")
        if target.agreements == 1
        else QT_TRANSLATE_NOOP(
            "ChartText", "{party} target {count} (agreements of {date}, added up)"
        )
    )
    text = translate("ChartText", words).format(
        party=target.party, count=estimate_text(*target.target), date=target.date
    )
    share = target.share()
    if share is None:
        return text
    best, low, high = (_percent_text(value) for value in share)
    reached = translate("ChartText", "{percent}% reached").format(percent=best)
    if low != high:
        reached += f" ({low}–{high}%)"
    return f"{text} — {reached}"


def _percent_text(share: float) -> str:
    """A whole percentage, rounded down; "<1" for a share above nothing: 27 of 6,000 read
    "0% reached", as if nothing had been returned."""
    whole = percent(share)
    return "<1" if whole == 0 and share > 0 else str(whole)


def flow_text(category: str, source: str, to: str, best: int, low: int, high: int) -> str:
    return naming.flow_text((category, source, to, best, low, high), WINDOW_WORDS)


def event_title(
    date: str, event_type: str, location: str, flows: Sequence[naming.NamedFlow]
) -> str:
    """An event named as every pane names it (`domain.naming.event_title`), in the
    window's language."""
    return naming.event_title(date, event_type, location, flows, WINDOW_WORDS)


def day_text(
    day: int,
    series: dict[str, PartySeries],
    chart_targets: list[Target],
    events: list[chart_data.DayEvent],
    total: int | None = None,
) -> str:
    """A day's totals per party, the targets in force (the share reached by that day),
    its events and their sources: the first MAX_HOVER_EVENTS of `events`, and how many
    more of the day's `total` (len(events) if not given)."""
    lines = [iso_day(day)]
    in_force: dict[str, list[str]] = {}
    for target in targets_in_force(chart_targets, day):
        target = target.by_day(day)
        # "Ukraine target 6,000 (…)" beside Ukraine's totals: "target 6,000 (…)" (and
        # "ціль 6 000 (…)" of "Україна: ціль…", its colon and space gone too)
        label = target_label(target)[len(target.party) :].lstrip(" :")
        in_force.setdefault(target.party, []).append(label)
    for party in sorted(set(series) | set(in_force)):
        parts = []
        if party in series:
            party_series = series[party]
            index = party_series.index_at(day)
            parts.append(
                translate(
                    "ChartText", "received {received} · handed over {sent} · net {net}"
                ).format(
                    received=estimate_text(*party_series.received.at(index)),
                    sent=estimate_text(*party_series.sent.at(index)),
                    net=signed(party_series.net, index),
                )
            )
        parts += in_force.get(party, [])
        lines.append(f"{party}: {' · '.join(parts)}")
    for event in events[:MAX_HOVER_EVENTS]:
        lines.append(f"• {event_text(event)}")
    total = len(events) if total is None else total
    if total > MAX_HOVER_EVENTS:
        more = total - MAX_HOVER_EVENTS
        lines.append(plural.more_events(more))
    return "\n".join(lines)


def _open_word(status: str) -> str:
    english = OPEN_WORDS.get(status)
    return translate("ChartText", english) if english else status_name(status)


def event_text(event: chart_data.DayEvent) -> str:
    flows = list(event.flows)
    main = [flows.pop(flows.index(max(flows, key=lambda flow: flow[3])))] if flows else []
    title = event_title(event.date, event.event_type, event.location, main)
    if event.status in OPEN_WORDS:
        title += f" [{_open_word(event.status)}]"
    if event.reversed:  # the low of 0 beside "1,200 (0–1,200)" says where it comes from
        title += " [{}]".format(
            translate("ChartText", "possible reversed direction: either flow may not have happened")
        )
    if others := flows:
        title += translate("ChartText", "; also ") + "; ".join(flow_text(*flow) for flow in others)
    sources = ", ".join(event.sources) or translate("ChartText", "no source")
    text = translate("ChartText", "{event} — sources: {sources}").format(
        event=title, sources=sources
    )
    return text + evidence_text(event)


def chosen_text(event: chart_data.DayEvent, number: int, of: int) -> str:
    """The event Enter selected on a day, and which of the day's it is."""
    title = event_title(event.date, event.event_type, event.location, event.flows)
    if of == 1:
        return translate("ChartText", "Selected: {event}").format(event=title)
    return translate(
        "ChartText", "Selected {number} of {count} that day: {event} (Enter: the next)"
    ).format(number=number, count=of, event=title)


def evidence_text(event: chart_data.DayEvent) -> str:
    """How many of the reports behind the event have an evidence file."""
    if not event.n_reports:
        return ""
    return plural.evidence_of_reports(event.n_reports).format(
        with_evidence=number(event.n_with_evidence)
    )


def summary_text(summary: chart_data.EventSummary) -> str:
    """An open event's marker: what it is, what is disputed, who reports it."""
    title = event_title(summary.date, summary.event_type, summary.location, summary.flows)
    lines = [f"{title} [{_open_word(summary.status)}]"]
    for label, values in summary.disputes:
        lines.append(
            translate("ChartText", "disputed {field}: {values}").format(
                field=field_label_text(label), values=" / ".join(values)
            )
        )
    sources = ", ".join(summary.sources) or translate("ChartText", "none")
    lines.append(translate("ChartText", "sources: {sources}").format(sources=sources))
    return "\n".join(lines)


def signed(net: Estimates, index: int) -> str:
    """A net balance with its sign: "+1,185", or "−1,185 (−1,273 to −1,185)"."""
    best, low, high = net.at(index)
    if low == high:
        return signed_number(best)
    return translate("ChartText", "{best} ({low} to {high})").format(
        best=signed_number(best), low=signed_number(low), high=signed_number(high)
    )
