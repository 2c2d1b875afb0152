"""The balance: per party and category, cumulative counts received and handed over.

Only flows of `exchange` events count; agreement targets are drawn, never added.
Net low pairs the lowest received with the highest handed over, and the other way round.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

BALANCE_COLUMNS = (
    "date",
    "category",
    "party",
    "received_best",
    "received_low",
    "received_high",
    "sent_best",
    "sent_low",
    "sent_high",
)


@dataclass(frozen=True)
class ExchangedFlow:
    """One flow of an exchange event, on its charting day, with its estimate."""

    day: str
    category: str
    from_party: str
    to_party: str
    best: int
    low: int
    high: int


N = TypeVar("N", bound=Any)  # an int, or a numpy array of them


def net(received: tuple[N, N, N], sent: tuple[N, N, N]) -> tuple[N, N, N]:
    """Net = received − handed over, as best, low, high: the net low takes the most that
    may have been handed over, the net high the least. One rule for the balance and for
    the chart's arrays (numbers or numpy arrays alike)."""
    (received_best, received_low, received_high), (sent_best, sent_low, sent_high) = (
        received,
        sent,
    )
    return received_best - sent_best, received_low - sent_high, received_high - sent_low


@dataclass(frozen=True)
class BalanceRow:
    date: str
    category: str
    party: str
    received_best: int
    received_low: int
    received_high: int
    sent_best: int
    sent_low: int
    sent_high: int

    @property
    def net(self) -> tuple[int, int, int]:
        received = (self.received_best, self.received_low, self.received_high)
        return net(received, (self.sent_best, self.sent_low, self.sent_high))

    @property
    def net_best(self) -> int:
        return self.net[0]

    @property
    def net_low(self) -> int:
        return self.net[1]

    @property
    def net_high(self) -> int:
        return self.net[2]

    def as_tuple(self) -> tuple[str | int, ...]:
        return tuple(getattr(self, column) for column in BALANCE_COLUMNS)


def cumulative_balance(flows: Iterable[ExchangedFlow]) -> list[BalanceRow]:
    """One row per (date, category, party) on which that party received or handed over
    persons of that category, with the totals up to and including that date."""
    # deltas[(day, category, party)] = [received b/l/h, sent b/l/h]
    deltas: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0] * 6)
    for flow in flows:
        received = deltas[(flow.day, flow.category, flow.to_party)]
        received[0] += flow.best
        received[1] += flow.low
        received[2] += flow.high
        sent = deltas[(flow.day, flow.category, flow.from_party)]
        sent[3] += flow.best
        sent[4] += flow.low
        sent[5] += flow.high
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 6)
    rows = []
    for day, category, party in sorted(deltas):
        running = totals[(category, party)]
        for index, amount in enumerate(deltas[(day, category, party)]):
            running[index] += amount
        rows.append(BalanceRow(day, category, party, *running))
    return rows
