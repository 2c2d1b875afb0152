"""What the chart draws, as numpy arrays: cumulative step lines, uncertainty bands, the net
balance, agreement targets and the markers of open events.

Pure functions (no Qt, no SQL). The store sums the flows of `exchange` events per charting
day in SQL; these functions turn those per-day sums into cumulative series with
`numpy.cumsum`, following the same rules as `domain.balance` (net low = received low − sent
high, net high = received high − sent low). Days, and the x values of what is drawn, are
day numbers (days since 1970-01-01).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from .balance import net

EPOCH = np.datetime64("1970-01-01", "D")

DeltaRow = tuple[str, str, str, str, int, int, int]  # day, category, from, to, best, low, high


@lru_cache(maxsize=65_536)
def day_number(iso_day: str) -> int:
    """`YYYY-MM-DD` as a day number (days since 1970-01-01)."""
    return int((np.datetime64(iso_day, "D") - EPOCH).astype(np.int64))


def day_numbers(iso_days: Sequence[str]) -> np.ndarray:
    if not len(iso_days):
        return np.zeros(0, dtype=np.int64)
    return (np.array(iso_days, dtype="datetime64[D]") - EPOCH).astype(np.int64)


def iso_day(number: int | np.integer) -> str:
    return str(EPOCH + np.timedelta64(int(number), "D"))


@dataclass(frozen=True)
class DayDeltas:
    """The flows of exchange events summed per (charting day, category, from, to)."""

    day: np.ndarray  # int64 day numbers
    category: np.ndarray  # str
    from_party: np.ndarray  # str
    to_party: np.ndarray  # str
    best: np.ndarray  # int64
    low: np.ndarray
    high: np.ndarray

    @classmethod
    def from_rows(cls, rows: Iterable[DeltaRow]) -> DayDeltas:
        rows = list(rows)
        if not rows:
            empty_text = np.zeros(0, dtype=object)
            empty = np.zeros(0, dtype=np.int64)
            return cls(empty, empty_text, empty_text, empty_text, empty, empty, empty)
        days, categories, from_parties, to_parties, best, low, high = zip(*rows, strict=True)
        return cls(
            day_numbers(days),
            np.array(categories, dtype=object),
            np.array(from_parties, dtype=object),
            np.array(to_parties, dtype=object),
            np.array(best, dtype=np.int64),
            np.array(low, dtype=np.int64),
            np.array(high, dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.day)

    def select(self, mask: np.ndarray) -> DayDeltas:
        return DayDeltas(*(getattr(self, name)[mask] for name in _DELTA_FIELDS))

    def replace_days(self, days: np.ndarray, rows: DayDeltas) -> DayDeltas:
        """These sums with the rows of `days` replaced by `rows` (re-summed for those days)."""
        kept = self.select(~np.isin(self.day, days))
        return DayDeltas(
            *(np.concatenate((getattr(kept, name), getattr(rows, name))) for name in _DELTA_FIELDS)
        )

    def parties(self) -> list[str]:
        return sorted(set(self.from_party.tolist()) | set(self.to_party.tolist()))


@dataclass(frozen=True)
class Estimates:
    """best / low / high, one value per step."""

    best: np.ndarray
    low: np.ndarray
    high: np.ndarray

    def uncertain(self) -> np.ndarray:
        return np.asarray(self.low != self.high)

    def at(self, index: int) -> tuple[int, int, int]:
        if index < 0:
            return (0, 0, 0)
        return (int(self.best[index]), int(self.low[index]), int(self.high[index]))


@dataclass(frozen=True)
class PartySeries:
    """One party's cumulative totals, one step per day on which it received or handed
    over persons of the category (exactly the days of its rows in balance.csv)."""

    party: str
    days: np.ndarray  # int64 day numbers, increasing
    received: Estimates
    sent: Estimates

    @property
    def net(self) -> Estimates:
        received, sent = self.received, self.sent
        return Estimates(
            *net((received.best, received.low, received.high), (sent.best, sent.low, sent.high))
        )

    def index_at(self, day: int) -> int:
        """The step in force on `day`: the last one on or before it (-1: none yet)."""
        return int(np.searchsorted(self.days, day, side="right")) - 1


def balance_series(deltas: DayDeltas, category: str | None = None) -> dict[str, PartySeries]:
    """Per party, the cumulative received and handed-over totals (all categories summed
    when `category` is None)."""
    selected = deltas if category is None else deltas.select(deltas.category == category)
    series = {}
    for party in selected.parties():
        received = selected.to_party == party
        sent = selected.from_party == party
        involved = received | sent
        days, index = np.unique(selected.day[involved], return_inverse=True)
        columns = []
        for direction in (received, sent):
            weight = direction[involved]
            for name in ("best", "low", "high"):
                values = np.where(weight, getattr(selected, name)[involved], 0)
                daily = np.zeros(len(days), dtype=np.int64)
                np.add.at(daily, index, values)
                columns.append(np.cumsum(daily))
        series[party] = PartySeries(party, days, Estimates(*columns[:3]), Estimates(*columns[3:]))
    return series


_DELTA_FIELDS = ("day", "category", "from_party", "to_party", "best", "low", "high")


def chart_end(series: Iterable[PartySeries], extra_days: Iterable[int] = ()) -> int | None:
    """The day the lines run on to after their last step: a little past the last day."""
    days = [int(s.days[-1]) for s in series if len(s.days)] + [int(d) for d in extra_days]
    if not days:
        return None
    firsts = [int(s.days[0]) for s in series if len(s.days)] + [min(days)]
    span = max(days) - min(firsts)
    return max(days) + max(1, round(span * 0.03))


def step_xy(
    days: np.ndarray, values: np.ndarray, end_day: int, start_day: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """x (day numbers) and y for a curve drawn with pyqtgraph's stepMode="right": x and y of
    equal length, y[i] holding from x[i] to x[i+1]. With `start_day`, the line first runs
    at 0 from that day (a cumulative count is 0 before its first step); one end point
    makes the last step run on to `end_day`."""
    last = int(days[-1]) if len(days) else end_day
    x_days = np.append(days, max(end_day, last))
    y = np.append(values, values[-1] if len(values) else 0)
    if start_day is not None:
        first = int(days[0]) if len(days) else start_day
        x_days = np.insert(x_days, 0, min(start_day, first))
        y = np.insert(y, 0, 0)
    return x_days.astype(np.float64), y.astype(np.float64)


def chart_start(series: Iterable[PartySeries], extra_days: Iterable[int] = ()) -> int | None:
    """The first day the chart shows: the earliest step, target or marked event."""
    days = [int(s.days[0]) for s in series if len(s.days)] + [int(d) for d in extra_days]
    return min(days) if days else None


def uncertain_runs(low: np.ndarray, high: np.ndarray) -> list[tuple[int, int]]:
    """The runs of consecutive steps [start, stop) on which low != high."""
    uncertain = np.asarray(low != high, dtype=np.int8)
    edges = np.diff(np.concatenate(([0], uncertain, [0])))
    starts = np.flatnonzero(edges == 1)
    stops = np.flatnonzero(edges == -1)
    return list(zip(starts.tolist(), stops.tolist(), strict=True))


def band_polygons(
    days: np.ndarray, low: np.ndarray, high: np.ndarray, end_day: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Step-shaped polygons between low and high over each uncertain run, as x (day numbers),
    y and a `connect` array (False after the last point of each polygon). Empty where
    every step is certain."""
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    connects: list[np.ndarray] = []
    bounds = np.append(days, max(end_day, int(days[-1]) if len(days) else end_day))
    for start, stop in uncertain_runs(low, high):
        left = bounds[start:stop]
        right = bounds[start + 1 : stop + 1]
        # along the top from left to right, then back along the bottom
        top_x = np.column_stack((left, right)).ravel()
        top_y = np.repeat(high[start:stop], 2)
        bottom_x = top_x[::-1]
        bottom_y = np.repeat(low[start:stop], 2)[::-1]
        x = np.concatenate((top_x, bottom_x, top_x[:1]))
        y = np.concatenate((top_y, bottom_y, top_y[:1]))
        connect = np.ones(len(x), dtype=bool)
        connect[-1] = False
        xs.append(x)
        ys.append(y)
        connects.append(connect)
    if not xs:
        empty = np.zeros(0, dtype=np.float64)
        return empty, empty, np.zeros(0, dtype=bool)
    return (
        np.concatenate(xs).astype(np.float64),
        np.concatenate(ys).astype(np.float64),
        np.concatenate(connects),
    )


# ---- agreement targets ---------------------------------------------------------------


@dataclass(frozen=True)
class AgreementFlow:
    """A flow of an `agreement` event: a target, never added to the balance."""

    event_id: str
    date: str  # the event's date as stated (a day, a month or a year)
    day: int  # its charting day
    category: str
    from_party: str
    to_party: str
    best: int
    low: int
    high: int


@dataclass(frozen=True)
class Received:
    """A party's cumulative count received (best, low, high) in some categories: one step
    per day on which it changed, looked up for many days at once."""

    days: np.ndarray  # int64 day numbers, increasing
    values: np.ndarray  # int64, shape (3, len(days)): best, low, high

    @classmethod
    def of(cls, party_series: PartySeries | None) -> Received:
        if party_series is None:
            return cls(np.zeros(0, dtype=np.int64), np.zeros((3, 0), dtype=np.int64))
        received = party_series.received
        return cls(party_series.days, np.vstack((received.best, received.low, received.high)))

    def by(self, days: np.ndarray) -> np.ndarray:
        """What had arrived on or before each of these days: shape (3, len(days))."""
        steps = np.searchsorted(self.days, days, side="right") - 1
        if not len(self.days):
            return np.zeros((3, len(steps)), dtype=np.int64)
        return np.where(steps >= 0, self.values[:, np.maximum(steps, 0)], 0)


LATEST = 2**62  # a day after every day: what has arrived by it is what arrived in all


@dataclass(frozen=True)
class PartyReceived:
    """What one party received: in all the categories the view shows (`shown`), and in
    each category an agreement of it promises (`per_category`, in `categories` order).
    Without `per_category`, `shown` stands for every agreement's categories."""

    shown: Received
    categories: tuple[str, ...] = ()
    per_category: tuple[Received, ...] | None = None

    def mask(self, categories: Iterable[str]) -> int:
        """The categories an agreement counts, as bits: bit i for `self.categories[i]`."""
        return sum(1 << index for index, name in enumerate(self.categories) if name in categories)

    def counted(self, masks: np.ndarray, days: np.ndarray) -> np.ndarray:
        """What had arrived by each day (shape (3, len(days))) in the categories of the
        mask beside it (`masks`, as `mask` gives them)."""
        if self.per_category is None:
            return self.shown.by(days)
        total = np.zeros((3, len(days)), dtype=np.int64)
        for bit, received in enumerate(self.per_category):
            total += np.where((masks >> bit) & 1 == 1, received.by(days), 0)
        return total


@dataclass(frozen=True)
class Target:
    """What one agreement promises one receiving party, and how much of it has arrived.
    Only the agreement's own categories count: bodies never fill a target of POWs."""

    event_id: str
    date: str
    day: int
    party: str
    target: tuple[int, int, int]  # best, low, high
    before: tuple[int, int, int]  # received in its categories before its day: best, low, high
    reached: tuple[int, int, int]  # received in its categories since its day: best, low, high
    other: int = 0  # received (best) in the view's other categories, by the latest day
    categories: tuple[str, ...] = ()  # the categories it promises, of those the view shows
    received: PartyReceived | None = field(default=None, compare=False, repr=False)
    agreements: int = 1  # the agreements of its day it adds up (`event_id` is the first)

    @property
    def baseline(self) -> int:
        """What the party's received line stands at without this promise, on the latest
        day: its agreement categories before the agreement's day, plus every other
        category shown (0 in a view of one category)."""
        return self.before[0] + self.other

    @property
    def level(self) -> int:
        """Where the line is drawn on the latest day: the baseline plus the target, so
        the cumulative line meets it when the target is reached."""
        return self.baseline + self.target[0]

    def as_of(self, received: tuple[int, int, int]) -> Target:
        """This target on a day the party had received `received` (best, low, high) in
        its categories: what had arrived since the agreement by then, not by the latest
        day."""
        reached = tuple(max(0, now - then) for now, then in zip(received, self.before, strict=True))
        return replace(self, reached=(reached[0], reached[1], reached[2]))

    def by_day(self, day: int) -> Target:
        """This target as it stood on `day` (the hover of that day)."""
        if self.received is None:
            return self
        masks = np.array([self.received.mask(self.categories)])
        best, low, high = self.received.counted(masks, np.array([day]))[:, 0].tolist()
        return self.as_of((best, low, high))

    def share(self) -> tuple[float, float, float] | None:
        """Share reached: best, low, high (None for a target of 0)."""
        best, low, high = self.target
        if best <= 0 or low <= 0:
            return None
        return (self.reached[0] / best, self.reached[1] / high, self.reached[2] / low)


Promise = tuple[list[int], set[str]]  # best, low, high promised; the categories


def targets(
    agreements: Iterable[AgreementFlow],
    series: dict[str, PartySeries],
    category: str | None,
    deltas: DayDeltas,
) -> list[Target]:
    """One target per (agreement day, receiving party), summed over the selected
    categories: the agreements of one day add up, as the target line adds them (two
    of 1,000 each are one target of 2,000, not two of 1,000 each half reached). A target
    counts only what the party received in the agreements' categories: each category's
    series, from `deltas` (the exchange sums), when the view shows all categories; in a
    view of one category, the party's `series` are that category's."""
    promises: dict[tuple[int, str], Promise] = defaultdict(lambda: ([0, 0, 0], set()))
    signed: dict[tuple[int, str], dict[str, str]] = defaultdict(dict)  # agreement → date
    for flow in agreements:
        if category is not None and flow.category != category:
            continue
        total, categories = promises[(flow.day, flow.to_party)]
        total[0] += flow.best
        total[1] += flow.low
        total[2] += flow.high
        categories.add(flow.category)
        signed[(flow.day, flow.to_party)].setdefault(flow.event_id, flow.date)
    by_party: dict[str, list[tuple[int, Promise]]] = defaultdict(list)
    for (day, party), promise in promises.items():
        by_party[party].append((day, promise))
    # In a view of one category, the view's series are the agreements' categories.
    promised = set().union(*(categories for _, categories in promises.values()))
    by_category = None if category is not None else _series_by_category(deltas, promised)
    result = []
    for party, party_promises in by_party.items():
        wanted = set().union(*(categories for _, (_, categories) in party_promises))
        received = _party_received(party, series.get(party), by_category, wanted)
        result += _party_targets(party, party_promises, signed, received)
    result.sort(key=lambda target: (target.day, target.event_id, target.party))
    return result


def _series_by_category(
    deltas: DayDeltas, categories: Iterable[str]
) -> dict[str, dict[str, PartySeries]]:
    """Each category's balance series, per party (the all view's targets count by them)."""
    return {name: balance_series(deltas, name) for name in categories}


def _party_received(
    party: str,
    party_series: PartySeries | None,
    by_category: dict[str, dict[str, PartySeries]] | None,
    wanted: set[str],
) -> PartyReceived:
    shown = Received.of(party_series)
    if by_category is None:
        return PartyReceived(shown)
    categories = tuple(sorted(wanted))
    per_category = tuple(Received.of(by_category[name].get(party)) for name in categories)
    return PartyReceived(shown, categories, per_category)


def _party_targets(
    party: str,
    party_promises: list[tuple[int, Promise]],
    signed: dict[tuple[int, str], dict[str, str]],
    received: PartyReceived,
) -> list[Target]:
    """The targets of one party, looked up for all its agreement days at once (a file
    may hold thousands of agreements)."""
    days = np.array([day for day, _ in party_promises], dtype=np.int64)
    names, masks = _category_masks([categories for _, (_, categories) in party_promises], received)
    befores = received.counted(masks, days - 1).T.tolist()
    latest = received.counted(masks, np.full(len(days), LATEST)).T.tolist()
    shown = int(received.shown.by(np.array([LATEST]))[0, 0])
    result = []
    for (day, (totals, _)), counted, before, now in zip(
        party_promises, names, befores, latest, strict=True
    ):
        dates = signed[(day, party)]
        event_id = min(dates)
        promised = (totals[0], totals[1], totals[2])
        reached = (now[0] - before[0], now[1] - before[1], now[2] - before[2])
        before_day = (before[0], before[1], before[2])
        other = shown - now[0]
        result.append(
            Target(
                event_id,
                dates[event_id],
                day,
                party,
                promised,
                before_day,
                reached,
                other,
                counted,
                received,
                len(dates),
            )
        )
    return result


def _category_masks(
    promised: list[set[str]], received: PartyReceived
) -> tuple[list[tuple[str, ...]], np.ndarray]:
    """Each promise's categories, sorted, and as `PartyReceived.mask` gives them (worked
    out once per set of categories: thousands of agreements promise a few such sets)."""
    known: dict[frozenset[str], tuple[tuple[str, ...], int]] = {}
    names = []
    masks = []
    for categories in promised:
        key = frozenset(categories)
        if key not in known:
            known[key] = (tuple(sorted(key)), received.mask(key))
        name, mask = known[key]
        names.append(name)
        masks.append(mask)
    return names, np.array(masks, dtype=np.int64)


def percent(share: float) -> int:
    """A share as a whole percentage, rounded down: 99.6 % is not yet 100 %."""
    return int(np.floor(share * 100 + 1e-9))


def target_steps(party_targets: Sequence[Target]) -> tuple[np.ndarray, np.ndarray]:
    """The target in force for one party, as a step line: from each agreement's day until
    the party's next agreement, the level its received line must reach for that day's
    agreements to be met (agreements of one day are added up). Days (increasing) and
    levels, equal lengths; with 2,500 agreements this stays one line rather than 2,500
    overlapping ones. Where the view shows categories the agreements did not promise,
    what arrives of those raises the line with the received line: it rises on those days."""
    received = party_targets[0].received if party_targets else None
    days, promised, baselines = _agreement_days(party_targets)
    if received is None or received.per_category is None:
        return days, baselines + promised  # the view's categories are the promised ones
    masks = _promised_categories(party_targets, received, days)
    x = np.union1d(days, received.shown.days[received.shown.days > days[0]])
    group = np.searchsorted(days, x, side="right") - 1
    before = received.counted(masks, days - 1)[0]
    since = received.counted(masks[group], x)[0] - before[group]
    levels = received.shown.by(x)[0] - since + promised[group]
    keep = np.isin(x, days) | np.concatenate(([True], np.diff(levels) != 0))
    return x[keep], levels[keep]


def _agreement_days(party_targets: Sequence[Target]) -> tuple[np.ndarray, ...]:
    """Per agreement day of one party: the day, the number promised (best, summed) and
    the baseline of its last target."""
    promised: dict[int, int] = {}
    baselines: dict[int, int] = {}
    for target in party_targets:
        promised[target.day] = promised.get(target.day, 0) + target.target[0]
        baselines[target.day] = target.baseline
    days = sorted(promised)
    return (
        np.array(days, dtype=np.int64),
        np.array([promised[day] for day in days], dtype=np.int64),
        np.array([baselines[day] for day in days], dtype=np.int64),
    )


def _promised_categories(
    party_targets: Sequence[Target], received: PartyReceived, days: np.ndarray
) -> np.ndarray:
    """Per agreement day (`days`), the categories any agreement of that day promises, as
    `PartyReceived.mask` gives them."""
    masks: dict[tuple[str, ...], int] = {}
    for target in party_targets:
        if target.categories not in masks:
            masks[target.categories] = received.mask(target.categories)
    by_day = np.zeros(len(days), dtype=np.int64)
    rows = np.searchsorted(days, [target.day for target in party_targets])
    np.bitwise_or.at(by_day, rows, [masks[target.categories] for target in party_targets])
    return by_day


def targets_in_force(chart_targets: Iterable[Target], day: int) -> list[Target]:
    """Per party, the target of its latest agreement day on or before `day`."""
    latest: dict[str, int] = {}
    chosen = [target for target in chart_targets if target.day <= day]
    for target in chosen:
        latest[target.party] = max(latest.get(target.party, target.day), target.day)
    return [target for target in chosen if target.day == latest[target.party]]


# ---- open events ---------------------------------------------------------------------


@dataclass(frozen=True)
class OpenEvent:
    """An event still in `conflict` or `reopened`, as the chart marks it."""

    event_id: str
    event_type: str
    status: str
    day: int
    flows: tuple[tuple[str, str, str], ...]  # (category, from_party, to_party)


@dataclass(frozen=True)
class Markers:
    day: np.ndarray  # int64 day numbers, increasing
    status: np.ndarray  # str: conflict | reopened
    event_id: np.ndarray  # str

    def __len__(self) -> int:
        return len(self.day)


def markers(events: Iterable[OpenEvent], category: str | None = None) -> Markers:
    """One marker per open event on its charting day: with a flow of the category, or any
    open exchange or agreement when all categories are shown."""
    chosen = [
        event
        for event in events
        if event.event_type in ("exchange", "agreement")
        and (category is None or any(flow[0] == category for flow in event.flows))
    ]
    days = np.array([event.day for event in chosen], dtype=np.int64)
    order = np.argsort(days, kind="stable")
    return Markers(
        days[order],
        np.array([event.status for event in chosen], dtype=object)[order],
        np.array([event.event_id for event in chosen], dtype=object)[order],
    )
