"""The rules of PRODUCT.md: conflicts, decisions in force, status, best/low/high, the date.

Everything here is a pure function of one event's reports and decisions, so the store
can keep the derived state of each event up to date inside every write transaction and
`check` can rebuild it from scratch and compare.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import NamedTuple

from .dates import chart_day, dates_agree, precision
from .records import Decision, Dispute, Estimate, FieldKey, FlowKey, Report, location_key

STATUSES = ("reopened", "conflict", "resolved", "single", "consistent")
VALUE_FIELDS = ("date", "location", "count")  # fields that hold a value of the event
DISMISSED = "dismissed"  # the value of a "direction" decision that dismisses the warning
BY_SEQ = attrgetter("seq")  # write order


def stated_values(reports: Iterable[Report], field: FieldKey) -> dict[str, str]:
    """The value each report states for a field; a silent report is left out."""
    values: dict[str, str] = {}
    for report in reports:
        value = stated_value(report, field)
        if value is not None:
            values[report.id] = value
    return values


def stated_value(report: Report, field: FieldKey) -> str | None:
    if field.field == "date":
        return report.claimed_date or None
    if field.field == "location":
        return report.location or None
    if field.field == "direction":
        return None  # a reviewer's judgement, never stated by a report
    assert field.flow is not None
    flow = report.flow(field.flow)
    return None if flow is None else str(flow.count)


def values_agree(field: FieldKey, a: str, b: str) -> bool:
    """Dates agree when their periods overlap, locations when equal ignoring case and
    surrounding space, counts when equal whatever their qualifiers."""
    if field.field == "date":
        return dates_agree(a, b)
    if field.field == "location":
        return location_key(a) == location_key(b)
    if field.field == "direction":
        return a == b
    return int(a) == int(b)


def disagree(field: FieldKey, values: Sequence[str]) -> bool:
    """Some two values do not agree. Agreement of locations, counts and directions is an
    equivalence, so they disagree when their compared forms differ; overlapping periods
    are not (2025 agrees with 2025-06-11 and 2025-06-12), so dates are compared in pairs."""
    if len(set(values)) <= 1:
        return False
    if field.field == "date":
        return any(
            not dates_agree(a, b) for index, a in enumerate(values) for b in values[index + 1 :]
        )
    if field.field == "location":
        return len({location_key(value) for value in values}) > 1
    if field.field == "direction":
        return True
    return len({int(value) for value in values}) > 1


def flow_counts(reports: Iterable[Report]) -> dict[FlowKey, dict[str, int]]:
    """For each flow some report states, the count each stating report gives."""
    counts: dict[FlowKey, dict[str, int]] = {}
    for report in reports:
        for flow in report.flows:
            counts.setdefault(flow.key, {})[report.id] = flow.count
    return counts


def find_disputes(
    reports: Sequence[Report], counts: dict[FlowKey, dict[str, int]] | None = None
) -> list[Dispute]:
    """Every field on which the reports disagree, decided or not."""
    disputes = []
    dates = {report.id: report.claimed_date for report in reports if report.claimed_date}
    places = {report.id: report.location for report in reports if report.location}
    for field, values in ((FieldKey.date(), dates), (FieldKey.location(), places)):
        if disagree(field, list(values.values())):
            disputes.append(Dispute(field, values))
    counts = flow_counts(reports) if counts is None else counts
    for key in sorted(counts):
        stated = counts[key]
        if len(set(stated.values())) > 1:  # counts disagree whatever their qualifiers
            values = {report_id: str(count) for report_id, count in stated.items()}
            disputes.append(Dispute(FieldKey.count(key), values))
    return disputes


def decisions_in_force(decisions: Iterable[Decision]) -> dict[FieldKey, Decision]:
    """The latest decision on each field that has not been withdrawn.

    Latest by the time it was made; two made in the same second by write order.
    """
    in_force: dict[FieldKey, Decision] = {}
    for decision in decisions:
        if decision.withdrawn:
            continue
        current = in_force.get(decision.field)
        if current is None or (decision.resolved_at, decision.seq) > (
            current.resolved_at,
            current.seq,
        ):
            in_force[decision.field] = decision
    return in_force


def reopened_fields(
    reports: Sequence[Report], decisions: Sequence[Decision]
) -> dict[FieldKey, list[str]]:
    """Decided fields that must be looked at again, with the reports that reopen them.

    A field reopens when a report written after its decision in force disagrees with
    the decided value, or when a merge brought a decision that differs from the one in
    force: either the merged one lost (it is older) or it won over a differing decision
    that was here before it. Deciding the field again here closes it.
    """
    in_force = decisions_in_force(decisions)
    reopened: dict[FieldKey, list[str]] = {}
    for field, decision in in_force.items():
        newer_reports = [
            report.id
            for report in reports
            if report.seq > decision.seq
            and (value := stated_value(report, field)) is not None
            and not values_agree(field, value, decision.value)
        ]
        if newer_reports or _merge_disagrees(field, decision, decisions):
            reopened[field] = newer_reports
    return reopened


def _same_decision(field: FieldKey, a: str, b: str) -> bool:
    """Two decisions say the same: as two reports agree, except that dates must name the
    same period. A report of 2025-06 agrees with 2025-06-13, but a reviewer who decided
    the month and one who decided the day did not decide the same."""
    return a == b if field.field == "date" else values_agree(field, a, b)


def _merge_disagrees(field: FieldKey, in_force: Decision, decisions: Sequence[Decision]) -> bool:
    """A merge brought a decision on `field` that differs from the one in force: one that
    lost (written here later, yet made earlier), or the one in force itself, which came
    over a differing decision that was in force here before it. Only that one: a
    decision it had already replaced here is no disagreement (merging a colleague's 120
    onto a field whose 100 had been decided again as 120 reopened it)."""
    others = [d for d in decisions if d.field == field and not d.withdrawn and d is not in_force]

    def differs(other: Decision) -> bool:
        return not _same_decision(field, other.value, in_force.value)

    if any(other.seq > in_force.seq and differs(other) for other in others):
        return True
    if not in_force.merged:
        return False
    before = decisions_in_force(
        other
        for other in others
        if other.seq < in_force.seq and other.operation_id != in_force.operation_id
    )
    replaced = before.get(field)
    return replaced is not None and differs(replaced)


def event_status(
    reports: Sequence[Report],
    decisions: Sequence[Decision],
    disputes: Sequence[Dispute] | None = None,
    *,
    reopened: dict[FieldKey, list[str]] | None = None,
    in_force: dict[FieldKey, Decision] | None = None,
) -> str:
    """The first rule that applies: reopened, conflict, resolved, single, consistent.
    What the caller has already derived may be passed in; it is derived otherwise."""
    if reopened_fields(reports, decisions) if reopened is None else reopened:
        return "reopened"
    in_force = decisions_in_force(decisions) if in_force is None else in_force
    disputes = find_disputes(reports) if disputes is None else disputes
    if any(dispute.field not in in_force for dispute in disputes):
        return "conflict"
    if in_force:  # a date, a location, a count, or a direction (a dismissal counts)
        return "resolved"
    return "single" if len(reports) <= 1 else "consistent"


def lower_median(values: Sequence[int]) -> int:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def estimate(reports: Sequence[Report], flow: FlowKey, decision: Decision | None) -> Estimate:
    """best/low/high: the decided value if any, else median/min/max over the stating reports."""
    counts = [int(value) for value in stated_values(reports, FieldKey.count(flow)).values()]
    if not counts and decision is None:
        raise ValueError(f"no report states {flow.label()}")
    return _estimate(counts, decision)


def _estimate(counts: list[int], decision: Decision | None) -> Estimate:
    if decision is not None:
        value = int(decision.value)
        return Estimate(value, value, value, len(counts), decision)
    if len(counts) == 1:
        return Estimate(counts[0], counts[0], counts[0], 1)
    return Estimate(lower_median(counts), min(counts), max(counts), len(counts))


def event_date(reports: Sequence[Report], decision: Decision | None) -> str | None:
    """The decided date; else the earliest of the most precise claimed dates.

    When the claimed dates agree the most precise one is the answer, and when they
    disagree the earliest of the most precise ones: one rule covers both.
    """
    if decision is not None:
        return decision.value
    claimed = [report.claimed_date for report in reports if report.claimed_date]
    if not claimed:
        return None
    finest = max(precision(text) for text in claimed)
    return min(text for text in claimed if precision(text) == finest)


def event_location(reports: Sequence[Report], decision: Decision | None) -> str:
    """The decided location; else the first one stated in write order."""
    if decision is not None:
        return decision.value
    for report in sorted(reports, key=BY_SEQ):
        if report.location:
            return report.location
    return ""


def possibly_reversed(
    event_type: str, reports: Sequence[Report], in_force: dict[FieldKey, Decision]
) -> list[FlowKey]:
    """Flows of an exchange whose direction may have been garbled (the 13 June case).

    Two reports state opposite directions of one category with equal counts while
    neither states the other direction. Deciding either direction clears the warning,
    and so does a reviewer's dismissal (a "direction" decision on the pair).
    Each doubtful pair is named once, by the flow that sorts first.
    """
    if event_type != "exchange" or len(reports) < 2:
        return []
    stated = [{flow.key: flow.count for flow in report.flows} for report in reports]
    if all(counts.keys() == stated[0].keys() for counts in stated):
        return []  # a direction only some reports state is what a garble looks like
    doubtful: set[FlowKey] = set()
    for counts in stated:
        for key, count in counts.items():
            reverse = key.reversed()
            if reverse in counts or not any(
                other is not counts and other.get(reverse) == count and key not in other
                for other in stated
            ):
                continue
            decided = {
                FieldKey.count(key),
                FieldKey.count(reverse),
                FieldKey.direction(min(key, reverse)),
            }
            if not decided & in_force.keys():
                doubtful.add(min(key, reverse))
    return sorted(doubtful)


def reversed_count(reports: Sequence[Report], first: FlowKey) -> int | None:
    """The count two reports give in opposite directions for a doubtful pair named by
    `first` (the smallest, if several): what the warning says was handed "each way"."""
    reverse = first.reversed()
    return min(_stated_alone(reports, first) & _stated_alone(reports, reverse), default=None)


def _stated_alone(reports: Sequence[Report], key: FlowKey) -> set[int]:
    """The counts of `key` by reports that do not state its reverse: as `possibly_reversed`
    reads them (a report of 30 each way is no garble, and gave its 30 as the warning's
    count where two other reports said 100 and 100)."""
    reverse = key.reversed()
    return {
        flow.count
        for report in reports
        if all(flow.key != reverse for flow in report.flows)
        for flow in report.flows
        if flow.key == key
    }


class EventState(NamedTuple):
    """Everything derived from one event's reports and decisions (a tuple: an import
    derives 100,000 of them)."""

    event_id: str
    event_type: str
    status: str
    date: str | None
    chart_day: str | None
    location: str
    n_reports: int
    disputes: tuple[Dispute, ...]
    estimates: dict[FlowKey, Estimate]
    in_force: dict[FieldKey, Decision]
    reopened: dict[FieldKey, list[str]]
    reversed_flows: tuple[FlowKey, ...]


def derive_event(
    event_id: str, event_type: str, reports: Sequence[Report], decisions: Sequence[Decision]
) -> EventState:
    """The state of one event. The commonest case, undecided reports that cannot be in
    conflict, takes a short path to the same outcome."""
    if not decisions and reports:
        undisputed = _undisputed_event(event_id, event_type, reports)
        if undisputed is not None:
            return undisputed
    return derive_general(event_id, event_type, reports, decisions)


def derive_general(
    event_id: str, event_type: str, reports: Sequence[Report], decisions: Sequence[Decision]
) -> EventState:
    """Every rule, for any reports and decisions."""
    reports = sorted(reports, key=BY_SEQ)
    in_force = decisions_in_force(decisions)
    counts = flow_counts(reports)
    disputes = find_disputes(reports, counts)
    estimates = {
        key: _estimate(list(counts[key].values()), in_force.get(FieldKey.count(key)))
        for key in sorted(counts)
    }
    date = event_date(reports, in_force.get(FieldKey.date()))
    reopened = reopened_fields(reports, decisions) if in_force else {}
    return EventState(
        event_id=event_id,
        event_type=event_type,
        status=event_status(reports, decisions, disputes, reopened=reopened, in_force=in_force),
        date=date,
        chart_day=chart_day(date) if date else None,
        location=event_location(reports, in_force.get(FieldKey.location())),
        n_reports=len(reports),
        disputes=tuple(disputes),
        estimates=estimates,
        in_force=in_force,
        reopened=reopened,
        reversed_flows=_doubt_lows(estimates, possibly_reversed(event_type, reports, in_force)),
    )


def _doubt_lows(
    estimates: dict[FlowKey, Estimate], reversed_flows: Sequence[FlowKey]
) -> tuple[FlowKey, ...]:
    """While a possible reversed direction stands, either flow of the pair may not have
    happened: the low of each is 0 (in `estimates`, in place); best and high stay.
    Returns the pairs, for the event's state."""
    for first in reversed_flows:
        for key in (first, first.reversed()):
            estimates[key] = estimates[key]._replace(low=0)
    return tuple(reversed_flows)


def _undisputed_event(
    event_id: str, event_type: str, reports: Sequence[Report]
) -> EventState | None:
    """Undecided reports that cannot be in conflict, derived without the general rules:
    every stated date lies within the most precise one (2025 and 2025-06 within
    2025-06-11), one location as compared, one count per flow. None where some two might
    disagree: the general rules decide those."""
    reports = sorted(reports, key=BY_SEQ)
    dates = {report.claimed_date for report in reports if report.claimed_date}
    date = max(dates, key=len, default=None)
    if date is not None and not all(date.startswith(other) for other in dates):
        return None
    locations = [report.location for report in reports if report.location]
    if len({location_key(location) for location in locations}) > 1:
        return None
    counts: dict[FlowKey, int] = {}
    stating: dict[FlowKey, int] = {}
    for report in reports:
        for flow in report.flows:
            if counts.setdefault(flow.key, flow.count) != flow.count:
                return None
            stating[flow.key] = stating.get(flow.key, 0) + 1
    # Reports that all state the same flows cannot have garbled a direction.
    same_flows = all(n == len(reports) for n in stating.values())
    estimates = {
        key: Estimate(counts[key], counts[key], counts[key], stating[key]) for key in sorted(counts)
    }
    doubtful = () if same_flows else possibly_reversed(event_type, reports, {})
    return EventState(
        event_id=event_id,
        event_type=event_type,
        status="consistent" if len(reports) > 1 else "single",
        date=date,
        chart_day=chart_day(date) if date else None,
        location=locations[0] if locations else "",
        n_reports=len(reports),
        disputes=(),
        estimates=estimates,
        in_force={},
        reopened={},
        reversed_flows=_doubt_lows(estimates, doubtful),
    )
