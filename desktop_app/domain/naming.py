"""Events and numbers named for people, as every pane shows them (no numpy: the form and
the command line load this too)."""

from __future__ import annotations

from collections.abc import Sequence

# A flow as named: category, from party, to party, best, low, high.
NamedFlow = tuple[str, str, str, int, int, int]


def count_text(value: int) -> str:
    return f"{value:,}"


def estimate_text(best: int, low: int, high: int) -> str:
    """`2,412`, or `2,412 (2,400–2,424)` where the reports leave it uncertain."""
    if low == high:
        return count_text(best)
    return f"{count_text(best)} ({count_text(low)}–{count_text(high)})"


def event_title(date: str, event_type: str, location: str, flows: Sequence[NamedFlow]) -> str:
    """An event named for people, never by its id: date, type, location and its main
    (largest) flow, e.g. "2025-06-11 exchange, Istanbul: bodies Russia→Ukraine 1,212
    (+1 more flow)"."""
    text = f"{date} {event_type}"
    if location:
        text += f", {location}"
    if flows:
        category, source, to, best, low, high = max(flows, key=lambda flow: flow[3])
        text += f": {category} {source}→{to} {estimate_text(best, low, high)}"
        more = len(flows) - 1
        if more:
            text += f" (+{more} more flow{'s' if more > 1 else ''})"
    return text
