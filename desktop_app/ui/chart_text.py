"""What the chart says in words: the hover text of a day or of an open event, the empty
chart's sentence. Events are named for people (date, type, location, main flow) and
sources by name, never by their ids."""

from __future__ import annotations

from ..domain.naming import estimate_text, event_title
from ..domain.series import (
    Estimates,
    PartySeries,
    Target,
    iso_day,
    target_label,
    targets_in_force,
)
from ..store import chart_data

MAX_HOVER_EVENTS = 5
OPEN_WORDS = {"conflict": "in conflict", "reopened": "reopened"}
PROMPT = "Point at a step to see its totals, events and sources."
EMPTY_LEDGER = (
    "No exchanges recorded yet: add a report (Ctrl+N) or import a CSV file (Ctrl+I)."
    " The chart of the balance appears here with the first exchange."
)


def empty_category(category: str) -> str:
    return (
        f"No exchanges of {category} recorded yet: choose another category, or “all”,"
        " in the Category box."
    )


def day_text(
    day: int,
    series: dict[str, PartySeries],
    chart_targets: list[Target],
    events: list[chart_data.DayEvent],
) -> str:
    """A day's totals per party, the targets in force, its events and their sources."""
    lines = [iso_day(day)]
    in_force: dict[str, list[str]] = {}
    for target in targets_in_force(chart_targets, day):
        # "Ukraine target 6,000 (…)" beside Ukraine's totals: "target 6,000 (…)"
        in_force.setdefault(target.party, []).append(target_label(target)[len(target.party) + 1 :])
    for party in sorted(set(series) | set(in_force)):
        parts = []
        if party in series:
            party_series = series[party]
            index = party_series.index_at(day)
            received = estimate_text(*party_series.received.at(index))
            sent = estimate_text(*party_series.sent.at(index))
            net = signed(party_series.net, index)
            parts.append(f"received {received} · handed over {sent} · net {net}")
        parts += in_force.get(party, [])
        lines.append(f"{party}: {' · '.join(parts)}")
    for event in events[:MAX_HOVER_EVENTS]:
        lines.append(f"• {event_text(event)}")
    if len(events) > MAX_HOVER_EVENTS:
        lines.append(f"… and {len(events) - MAX_HOVER_EVENTS} more events that day")
    return "\n".join(lines)


def event_text(event: chart_data.DayEvent) -> str:
    flows = list(event.flows)
    main = [flows.pop(flows.index(max(flows, key=lambda flow: flow[3])))] if flows else []
    title = event_title(event.date, event.event_type, event.location, main)
    status = OPEN_WORDS.get(event.status)
    if status:
        title += f" [{status}]"
    if others := flows:
        title += "; also " + "; ".join(
            f"{category} {source}→{to} {estimate_text(best, low, high)}"
            for category, source, to, best, low, high in others
        )
    sources = ", ".join(event.sources) or "no source"
    return f"{title} — sources: {sources}{evidence_text(event)}"


def evidence_text(event: chart_data.DayEvent) -> str:
    """How many of the reports behind the event have an evidence file."""
    if not event.n_reports:
        return ""
    return f" — evidence: {event.n_with_evidence} of {event.n_reports} reports"


def summary_text(summary: chart_data.EventSummary) -> str:
    """An open event's marker: what it is, what is disputed, who reports it."""
    title = event_title(summary.date, summary.event_type, summary.location, summary.flows)
    lines = [f"{title} [{OPEN_WORDS.get(summary.status, summary.status)}]"]
    for label, values in summary.disputes:
        lines.append(f"disputed {label}: {' / '.join(values)}")
    lines.append(f"sources: {', '.join(summary.sources) or 'none'}")
    return "\n".join(lines)


def signed(net: Estimates, index: int) -> str:
    """A net balance with its sign: "+1,185", or "−1,185 (−1,273 to −1,185)"."""

    def text(value: int) -> str:
        return f"+{value:,}" if value > 0 else f"{value:,}".replace("-", "−")

    best, low, high = net.at(index)
    if low == high:
        return text(best)
    return f"{text(best)} ({text(low)} to {text(high)})"
