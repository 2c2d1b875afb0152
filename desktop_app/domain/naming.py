"""Events and numbers named for people, as every pane shows them (no numpy: the form and
the command line load this too).

One wording for every pane; the words themselves (type and category names, grouped
numbers, "more flows") are passed in, English by default, so that the window can name
events in its own language without this layer knowing Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A flow as named: category, from party, to party, best, low, high.
NamedFlow = tuple[str, str, str, int, int, int]


def count_text(value: int) -> str:
    return f"{value:,}"


IRREGULAR_SINGULARS = {"parties": "party"}


def counted(count: int, nouns: str, shown: Callable[[int], str] = str) -> str:
    """A count and the English noun that agrees with it, given in the plural: "1 event",
    "2 events", "1 party". `shown` writes the number (the window groups it: "1,212")."""
    noun = nouns if count != 1 else IRREGULAR_SINGULARS.get(nouns, nouns.removesuffix("s"))
    return f"{shown(count)} {noun}"


def source_label(name: str, party: str | None) -> str:
    """A source as people tell it apart: its name, and the party it speaks for."""
    return f"{name} ({party})" if party else name


def _more_flows(more: int) -> str:
    return f"(+{more} more flow{'s' if more > 1 else ''})"


def _same(word: str) -> str:
    return word


@dataclass(frozen=True)
class Words:
    """The words of a name: English unless a pane passes its language's."""

    event_type: Callable[[str], str] = _same
    category: Callable[[str], str] = _same
    count: Callable[[int], str] = count_text
    more_flows: Callable[[int], str] = _more_flows
    undated: Callable[[], str] = lambda: "undated"


ENGLISH = Words()


def estimate_text(best: int, low: int, high: int, words: Words = ENGLISH) -> str:
    """`2,412`, or `2,412 (2,400–2,424)` where the reports leave it uncertain."""
    if low == high:
        return words.count(best)
    return f"{words.count(best)} ({words.count(low)}–{words.count(high)})"


def flow_text(flow: NamedFlow, words: Words = ENGLISH) -> str:
    """E.g. "bodies Russia→Ukraine 1,212"."""
    category, source, to, best, low, high = flow
    return f"{words.category(category)} {source}→{to} {estimate_text(best, low, high, words)}"


def event_title(
    date: str | None,
    event_type: str,
    location: str | None,
    flows: Sequence[NamedFlow],
    words: Words = ENGLISH,
) -> str:
    """An event named for people, never by its id: date, type, location and its main
    (largest) flow, e.g. "2025-06-11 exchange, Istanbul: bodies Russia→Ukraine 1,212
    (+1 more flow)"."""
    text = f"{date or words.undated()} {words.event_type(event_type)}"
    if location:
        text += f", {location}"
    if flows:
        text += ": " + flow_text(max(flows, key=lambda flow: flow[3]), words)
        more = len(flows) - 1
        if more:
            text += " " + words.more_flows(more)
    return text
