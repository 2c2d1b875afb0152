"""The rules of PRODUCT.md's "Words": conflict, resolution, status, best/low/high, event date,
and the reversed-direction warning (the 13 June garble of the Istanbul article)."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.records import Decision, FieldKey, Flow, FlowKey, Report
from desktop_app.domain.rules import (
    STATUSES,
    decisions_in_force,
    derive_event,
    derive_general,
    estimate,
    event_date,
    event_location,
    event_status,
    find_disputes,
    lower_median,
    possibly_reversed,
    reopened_fields,
    reversed_count,
    stated_values,
)

RU, UA = "Russia", "Ukraine"
BODIES_RU_UA = FlowKey(RU, UA, "bodies")
BODIES_UA_RU = FlowKey(UA, RU, "bodies")
POWS_RU_UA = FlowKey(RU, UA, "pows")
POWS_UA_RU = FlowKey(UA, RU, "pows")
DATE = FieldKey.date()
LOCATION = FieldKey.location()


def report(
    report_id: str,
    claimed: str = "2025-06-11",
    location: str = "",
    flows: dict[FlowKey, int | tuple[int, str]] | None = None,
    seq: int = 0,
) -> Report:
    built = []
    for key, given_count in (flows or {}).items():
        if isinstance(given_count, tuple):
            built.append(Flow(key, given_count[0], given_count[1]))
        else:
            built.append(Flow(key, given_count))
    return Report(report_id, claimed, location, tuple(built), seq)


def decision(
    field: FieldKey,
    value: str,
    seq: int,
    at: str = "2025-06-20T10:00:00Z",
    *,
    withdrawn: bool = False,
    merged: bool = False,
    report_id: str | None = None,
    decision_id: str | None = None,
) -> Decision:
    return Decision(
        id=decision_id or f"d{seq}",
        field=field,
        value=value,
        rationale="checked against the footage",
        resolved_by="reviewer",
        resolved_at=at,
        report_id=report_id,
        seq=seq,
        withdrawn=withdrawn,
        merged=merged,
    )


def count_of(key: FlowKey) -> FieldKey:
    return FieldKey.count(key)


def status(reports: list[Report], decisions: list[Decision] | None = None) -> str:
    return event_status(reports, decisions or [])


# --- conflict: dates ---------------------------------------------------------------------


def test_a_vaguer_date_that_agrees_is_no_conflict() -> None:
    reports = [report("a", "2023-08", seq=1), report("b", "2023-08-07", seq=2)]
    assert find_disputes(reports) == []
    assert status(reports) == "consistent"


def test_a_year_that_agrees_is_no_conflict() -> None:
    reports = [report("a", "2023", seq=1), report("b", "2023-08-07", seq=2)]
    assert find_disputes(reports) == []


def test_neighbouring_days_conflict() -> None:
    reports = [report("a", "2023-08-06", seq=1), report("b", "2023-08-07", seq=2)]
    disputes = find_disputes(reports)
    assert [dispute.field for dispute in disputes] == [DATE]
    assert disputes[0].values == {"a": "2023-08-06", "b": "2023-08-07"}
    assert status(reports) == "conflict"


def test_a_vague_date_agreeing_with_each_of_two_disagreeing_days_does_not_hide_the_conflict() -> (
    None
):
    reports = [
        report("a", "2023-08", seq=1),
        report("b", "2023-08-06", seq=2),
        report("c", "2023-08-07", seq=3),
    ]
    disputes = find_disputes(reports)
    assert [dispute.field for dispute in disputes] == [DATE]
    assert disputes[0].values == {"a": "2023-08", "b": "2023-08-06", "c": "2023-08-07"}


def test_different_months_conflict() -> None:
    reports = [report("a", "2025-05", seq=1), report("b", "2025-06-11", seq=2)]
    assert [dispute.field for dispute in find_disputes(reports)] == [DATE]


# --- conflict: locations -----------------------------------------------------------------


def test_locations_differing_only_by_case_and_surrounding_space_agree() -> None:
    reports = [
        report("a", location="Istanbul", seq=1),
        report("b", location="  ISTANBUL ", seq=2),
        report("c", location="istanbul", seq=3),
    ]
    assert find_disputes(reports) == []
    assert status(reports) == "consistent"


@pytest.mark.parametrize(
    "other", ["New  York", "Ｎｅｗ Ｙｏｒｋ", "New\u200bYork", "New\u00a0York"]
)
def test_locations_differing_otherwise_than_by_case_and_surrounding_space_disagree(
    other: str,
) -> None:
    """PRODUCT.md: locations "disagree when they differ after trimming and ignoring case";
    they were compared by the names' key, which also collapsed inner spaces, applied NFKC
    and removed invisible characters, so the contract's conflict did not show."""
    reports = [report("a", location=" new york ", seq=1), report("b", location=other, seq=2)]
    assert [dispute.field for dispute in find_disputes(reports)] == [LOCATION]
    assert status(reports) == "conflict"
    derived = derive_event("e", "exchange", reports, [])  # its short path agrees
    assert derived == derive_general("e", "exchange", reports, [])
    assert derived.status == "conflict"


def test_different_locations_conflict_and_name_only_the_stating_reports() -> None:
    reports = [
        report("a", location="Istanbul", seq=1),
        report("b", location="Belarus-Ukraine border", seq=2),
        report("c", location="", seq=3),
    ]
    disputes = find_disputes(reports)
    assert [dispute.field for dispute in disputes] == [LOCATION]
    assert disputes[0].values == {"a": "Istanbul", "b": "Belarus-Ukraine border"}


def test_a_report_silent_on_the_location_does_not_conflict() -> None:
    reports = [report("a", location="Istanbul", seq=1), report("b", location="", seq=2)]
    assert find_disputes(reports) == []
    assert stated_values(reports, LOCATION) == {"a": "Istanbul"}
    assert status(reports) == "consistent"


# --- conflict: counts --------------------------------------------------------------------


def test_a_report_silent_on_a_flow_does_not_conflict() -> None:
    medinsky = report("medinsky", flows={BODIES_RU_UA: 1212, BODIES_UA_RU: 27}, seq=1)
    other = report("other", flows={BODIES_UA_RU: 27}, seq=2)
    assert find_disputes([medinsky, other]) == []
    assert stated_values([medinsky, other], count_of(BODIES_RU_UA)) == {"medinsky": "1212"}
    assert status([medinsky, other]) == "consistent"


def test_different_counts_of_the_same_flow_conflict() -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", flows={BODIES_RU_UA: 1200}, seq=2),
    ]
    disputes = find_disputes(reports)
    assert [dispute.field for dispute in disputes] == [count_of(BODIES_RU_UA)]
    assert disputes[0].values == {"a": "1212", "b": "1200"}
    assert status(reports) == "conflict"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ((1200, "approx"), (1212, "exact")),
        ((1000, "at_least"), (1212, "exact")),
        ((1300, "at_most"), (1212, "exact")),
        ((1200, "approx"), (1212, "approx")),
    ],
)
def test_counts_that_differ_disagree_whatever_their_qualifiers(
    first: tuple[int, str], second: tuple[int, str]
) -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: first}, seq=1),
        report("b", flows={BODIES_RU_UA: second}, seq=2),
    ]
    assert [dispute.field for dispute in find_disputes(reports)] == [count_of(BODIES_RU_UA)]


def test_equal_counts_with_different_qualifiers_agree() -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: (1200, "approx")}, seq=1),
        report("b", flows={BODIES_RU_UA: (1200, "exact")}, seq=2),
        report("c", flows={BODIES_RU_UA: (1200, "at_least")}, seq=3),
    ]
    assert find_disputes(reports) == []


def test_flows_of_other_directions_or_categories_are_not_compared() -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", flows={BODIES_UA_RU: 27, POWS_RU_UA: 50}, seq=2),
    ]
    assert find_disputes(reports) == []


def test_disputes_come_date_first_then_location_then_flows_by_key() -> None:
    reports = [
        report("a", "2025-06-11", "Istanbul", {POWS_RU_UA: 5, BODIES_UA_RU: 27}, seq=1),
        report("b", "2025-06-12", "Ankara", {POWS_RU_UA: 6, BODIES_UA_RU: 28}, seq=2),
    ]
    fields = [dispute.field for dispute in find_disputes(reports)]
    assert fields == [DATE, LOCATION, count_of(POWS_RU_UA), count_of(BODIES_UA_RU)]


# --- decisions in force ------------------------------------------------------------------


def test_the_latest_decision_by_time_is_in_force_whatever_the_write_order() -> None:
    older_written_later = decision(DATE, "2025-06-12", seq=9, at="2025-06-20T10:00:00Z")
    newer = decision(DATE, "2025-06-11", seq=3, at="2025-06-21T10:00:00Z")
    assert decisions_in_force([older_written_later, newer])[DATE] is newer
    assert decisions_in_force([newer, older_written_later])[DATE] is newer


def test_decisions_made_in_the_same_second_are_ordered_by_write_order() -> None:
    first = decision(DATE, "2025-06-12", seq=3)
    second = decision(DATE, "2025-06-11", seq=4)
    assert decisions_in_force([second, first])[DATE] is second
    assert decisions_in_force([first, second])[DATE] is second


def test_a_withdrawn_decision_is_not_in_force_and_the_previous_one_comes_back() -> None:
    earlier = decision(count_of(BODIES_RU_UA), "1212", seq=3, at="2025-06-20T10:00:00Z")
    undone = decision(
        count_of(BODIES_RU_UA), "1200", seq=4, at="2025-06-21T10:00:00Z", withdrawn=True
    )
    assert decisions_in_force([earlier, undone]) == {count_of(BODIES_RU_UA): earlier}


def test_when_every_decision_is_withdrawn_nothing_is_in_force() -> None:
    undone = decision(DATE, "2025-06-11", seq=3, withdrawn=True)
    assert decisions_in_force([undone]) == {}


def test_each_field_has_its_own_decision_in_force() -> None:
    on_date = decision(DATE, "2025-06-11", seq=3)
    on_flow = decision(count_of(BODIES_RU_UA), "1212", seq=4)
    on_other_flow = decision(count_of(BODIES_UA_RU), "27", seq=5)
    assert decisions_in_force([on_date, on_flow, on_other_flow]) == {
        DATE: on_date,
        count_of(BODIES_RU_UA): on_flow,
        count_of(BODIES_UA_RU): on_other_flow,
    }


# --- status ------------------------------------------------------------------------------


def test_statuses_are_ordered_as_in_the_brief() -> None:
    assert STATUSES == ("reopened", "conflict", "resolved", "single", "consistent")


def test_one_report_is_single() -> None:
    assert status([report("a", flows={BODIES_RU_UA: 1212}, seq=1)]) == "single"


def test_several_agreeing_reports_are_consistent() -> None:
    reports = [
        report("a", "2025-06-11", "Istanbul", {BODIES_RU_UA: 1212}, seq=1),
        report("b", "2025-06", "istanbul", {BODIES_RU_UA: (1212, "approx")}, seq=2),
    ]
    assert status(reports) == "consistent"


def test_a_decided_dispute_is_resolved() -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", flows={BODIES_RU_UA: 1200}, seq=2),
    ]
    decided = decision(count_of(BODIES_RU_UA), "1212", seq=3, report_id="a")
    assert status(reports, [decided]) == "resolved"


def test_a_decision_on_a_single_report_makes_it_resolved_not_single() -> None:
    reports = [report("a", location="Istanbul", seq=1)]
    assert status(reports, [decision(LOCATION, "Istanbul", seq=2, report_id="a")]) == "resolved"


def test_a_decision_on_an_undisputed_field_makes_consistent_reports_resolved() -> None:
    reports = [report("a", seq=1), report("b", seq=2)]
    assert status(reports, [decision(DATE, "2025-06-11", seq=3)]) == "resolved"


def test_conflict_comes_before_resolved() -> None:
    reports = [
        report("a", "2025-06-11", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", "2025-06-12", flows={BODIES_RU_UA: 1200}, seq=2),
    ]
    decided_count = decision(count_of(BODIES_RU_UA), "1212", seq=3)
    assert status(reports, [decided_count]) == "conflict"
    decided_date = decision(DATE, "2025-06-11", seq=4)
    assert status(reports, [decided_count, decided_date]) == "resolved"


def test_reopened_comes_before_conflict() -> None:
    reports = [
        report("a", "2025-06-11", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", "2025-06-12", flows={BODIES_RU_UA: 1200}, seq=2),
        report("c", "2025-06-11", flows={BODIES_RU_UA: 1000}, seq=4),
    ]
    decided_count = decision(count_of(BODIES_RU_UA), "1212", seq=3)
    # the date is disputed and undecided (conflict) and the count reopened: reopened wins
    assert status(reports, [decided_count]) == "reopened"


def test_a_withdrawn_decision_leaves_the_dispute_in_conflict() -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", flows={BODIES_RU_UA: 1200}, seq=2),
    ]
    undone = decision(count_of(BODIES_RU_UA), "1212", seq=3, withdrawn=True)
    assert status(reports, [undone]) == "conflict"


def test_given_disputes_are_used_as_given() -> None:
    reports = [report("a", seq=1), report("b", seq=2)]
    assert event_status(reports, [], find_disputes(reports)) == "consistent"
    two_days = [report("a", "2025-06-11", seq=1), report("b", "2025-06-12", seq=2)]
    assert event_status(reports, [], find_disputes(two_days)) == "conflict"


# --- reopened ----------------------------------------------------------------------------


def _decided_count_event() -> tuple[list[Report], Decision]:
    reports = [
        report("a", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", flows={BODIES_RU_UA: 1200}, seq=2),
    ]
    return reports, decision(count_of(BODIES_RU_UA), "1212", seq=3, report_id="a")


def test_a_later_report_disagreeing_with_the_decided_value_reopens() -> None:
    reports, decided = _decided_count_event()
    later = report("c", flows={BODIES_RU_UA: 1000}, seq=4)
    assert reopened_fields([*reports, later], [decided]) == {count_of(BODIES_RU_UA): ["c"]}
    assert status([*reports, later], [decided]) == "reopened"


def test_a_later_report_agreeing_with_the_decided_value_does_not_reopen() -> None:
    reports, decided = _decided_count_event()
    later = report("c", flows={BODIES_RU_UA: (1212, "approx")}, seq=4)
    assert reopened_fields([*reports, later], [decided]) == {}
    assert status([*reports, later], [decided]) == "resolved"


def test_a_later_report_silent_on_the_decided_field_does_not_reopen() -> None:
    reports, decided = _decided_count_event()
    later = report("c", flows={BODIES_UA_RU: 27}, seq=4)
    assert status([*reports, later], [decided]) == "resolved"


def test_reports_written_before_the_decision_do_not_reopen_it() -> None:
    reports, decided = _decided_count_event()
    # "b" states 1200 against the decided 1212, but it was written before the decision
    assert reopened_fields(reports, [decided]) == {}


def test_a_report_edited_after_the_decision_to_disagree_reopens() -> None:
    reports, decided = _decided_count_event()
    edited_a = report("a", flows={BODIES_RU_UA: 1210}, seq=5)
    assert reopened_fields([edited_a, reports[1]], [decided]) == {count_of(BODIES_RU_UA): ["a"]}


def test_a_later_vaguer_date_that_agrees_with_the_decided_date_does_not_reopen() -> None:
    reports = [report("a", "2025-06-11", seq=1), report("b", "2025-06-13", seq=2)]
    decided = decision(DATE, "2025-06-11", seq=3)
    assert status([*reports, report("c", "2025-06", seq=4)], [decided]) == "resolved"
    assert status([*reports, report("c", "2025-06-12", seq=4)], [decided]) == "reopened"


def test_a_later_location_differing_only_by_case_does_not_reopen() -> None:
    reports = [report("a", location="Istanbul", seq=1), report("b", location="Ankara", seq=2)]
    decided = decision(LOCATION, "Istanbul", seq=3)
    assert status([*reports, report("c", location=" ISTANBUL", seq=4)], [decided]) == "resolved"
    assert status([*reports, report("c", location="Kyiv", seq=4)], [decided]) == "reopened"


def test_a_later_report_reopens_even_an_undisputed_decided_field() -> None:
    reports = [report("a", location="Istanbul", seq=1)]
    decided = decision(LOCATION, "Istanbul", seq=2)
    assert status([*reports, report("b", location="Ankara", seq=3)], [decided]) == "reopened"


def test_a_new_decision_after_the_reopening_report_resolves_again() -> None:
    reports, decided = _decided_count_event()
    later = report("c", flows={BODIES_RU_UA: 1000}, seq=4)
    again = decision(count_of(BODIES_RU_UA), "1212", seq=5, at="2025-06-22T10:00:00Z")
    assert status([*reports, later], [decided, again]) == "resolved"


def test_a_merged_decision_written_later_that_differs_from_the_one_in_force_reopens() -> None:
    reports, decided = _decided_count_event()
    # merged decisions keep their resolved_at: this one is older, so not in force
    merged = decision(count_of(BODIES_RU_UA), "1200", seq=6, at="2025-06-19T10:00:00Z", merged=True)
    assert decisions_in_force([decided, merged])[count_of(BODIES_RU_UA)] is decided
    assert count_of(BODIES_RU_UA) in reopened_fields(reports, [decided, merged])
    assert status(reports, [decided, merged]) == "reopened"


def test_a_merged_decision_that_agrees_with_the_one_in_force_does_not_reopen() -> None:
    reports, decided = _decided_count_event()
    merged = decision(count_of(BODIES_RU_UA), "1212", seq=6, at="2025-06-19T10:00:00Z", merged=True)
    assert status(reports, [decided, merged]) == "resolved"


def test_a_merged_decision_agreeing_with_the_local_one_in_force_does_not_reopen() -> None:
    """Here 100 was decided, then 120 over it; a colleague's 120, made later, came by a
    merge: the decision in force before the merge agrees with it. The superseded 100
    counted as one the merge overrode, and the event came back reopened."""
    reports = [
        report("a", flows={BODIES_RU_UA: 100}, seq=1),
        report("b", flows={BODIES_RU_UA: 120}, seq=2),
    ]
    first = decision(count_of(BODIES_RU_UA), "100", seq=3, at="2025-06-20T10:00:00Z")
    again = decision(count_of(BODIES_RU_UA), "120", seq=4, at="2025-06-20T10:00:01Z")
    theirs = replace(
        decision(count_of(BODIES_RU_UA), "120", seq=5, at="2025-06-20T10:00:02Z", merged=True),
        operation_id="merge-1",
    )
    assert status(reports, [first, again, theirs]) == "resolved"
    # the decision it came over differing still reopens, as does a differing one that lost
    differing = replace(theirs, value="130")
    assert (
        status([*reports, report("c", flows={BODIES_RU_UA: 130}, seq=0)], [first, again, differing])
        == "reopened"
    )
    lost = replace(theirs, value="100", resolved_at="2025-06-20T09:00:00Z")
    assert status(reports, [first, again, lost]) == "reopened"


def test_a_withdrawn_later_decision_does_not_reopen() -> None:
    reports, decided = _decided_count_event()
    undone = decision(
        count_of(BODIES_RU_UA), "1200", seq=6, at="2025-06-19T10:00:00Z", withdrawn=True
    )
    assert status(reports, [decided, undone]) == "resolved"


def test_a_merged_decision_newer_than_the_local_one_is_in_force() -> None:
    """PRODUCT.md: "the latest decision on a field is in force"; a merged decision keeps
    its resolved_at, so a newer one from the other file takes over."""
    reports, decided = _decided_count_event()
    merged = decision(count_of(BODIES_RU_UA), "1200", seq=6, at="2025-06-25T10:00:00Z", merged=True)
    assert decisions_in_force([decided, merged])[count_of(BODIES_RU_UA)] is merged
    assert estimate(reports, BODIES_RU_UA, merged).best == 1200


def test_withdrawing_the_decision_in_force_brings_the_previous_one_back_for_reopening() -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", flows={BODIES_RU_UA: 1200}, seq=2),
    ]
    first = decision(count_of(BODIES_RU_UA), "1212", seq=3, at="2025-06-20T10:00:00Z")
    later_report = report("c", flows={BODIES_RU_UA: 1200}, seq=4)
    second = decision(count_of(BODIES_RU_UA), "1200", seq=5, at="2025-06-21T10:00:00Z")
    everything = [*reports, later_report]
    assert status(everything, [first, second]) == "resolved"
    undone = decision(
        count_of(BODIES_RU_UA), "1200", seq=5, at="2025-06-21T10:00:00Z", withdrawn=True
    )
    # "c" was written after the decision now in force and disagrees with it
    assert status(everything, [first, undone]) == "reopened"


# --- lower median, best / low / high -----------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([7], 7),
        ([27, 1212], 27),
        ([1212, 27], 27),
        ([3, 1, 2], 2),
        ([4, 1, 3, 2], 2),
        ([5, 5, 1, 9], 5),
        ([1, 2, 3, 4, 5, 6], 3),
        ([0, 0], 0),
    ],
)
def test_the_lower_median_takes_the_lower_middle_value(values: list[int], expected: int) -> None:
    assert lower_median(values) == expected


def test_best_low_high_without_decision_are_median_min_max_of_stating_reports() -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", flows={BODIES_RU_UA: 1000}, seq=2),
        report("c", flows={BODIES_RU_UA: 1200}, seq=3),
        report("silent", flows={BODIES_UA_RU: 27}, seq=4),
    ]
    result = estimate(reports, BODIES_RU_UA, None)
    assert (result.best, result.low, result.high, result.n_reports) == (1200, 1000, 1212, 3)
    assert result.decision is None


def test_best_of_an_even_number_of_reports_is_the_lower_middle_value() -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", flows={BODIES_RU_UA: 1200}, seq=2),
    ]
    result = estimate(reports, BODIES_RU_UA, None)
    assert (result.best, result.low, result.high) == (1200, 1200, 1212)


def test_a_single_report_gives_its_count_three_times() -> None:
    result = estimate([report("a", flows={BODIES_UA_RU: 27}, seq=1)], BODIES_UA_RU, None)
    assert (result.best, result.low, result.high, result.n_reports) == (27, 27, 27, 1)


def test_a_decision_in_force_makes_best_low_high_its_value() -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", flows={BODIES_RU_UA: 1000}, seq=2),
        report("c", flows={BODIES_RU_UA: 1200}, seq=3),
    ]
    decided = decision(count_of(BODIES_RU_UA), "1212", seq=4, report_id="a")
    result = estimate(reports, BODIES_RU_UA, decided)
    assert (result.best, result.low, result.high, result.n_reports) == (1212, 1212, 1212, 3)
    assert result.decision is decided


def test_a_decision_of_the_reviewers_own_value_counts_too() -> None:
    reports = [
        report("a", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", flows={BODIES_RU_UA: 1000}, seq=2),
    ]
    result = estimate(reports, BODIES_RU_UA, decision(count_of(BODIES_RU_UA), "1100", seq=3))
    assert (result.best, result.low, result.high) == (1100, 1100, 1100)


def test_a_decision_of_zero_gives_zero() -> None:
    reports = [report("a", flows={BODIES_UA_RU: 1200}, seq=1)]
    result = estimate(reports, BODIES_UA_RU, decision(count_of(BODIES_UA_RU), "0", seq=2))
    assert (result.best, result.low, result.high) == (0, 0, 0)


def test_an_estimate_needs_a_stating_report_or_a_decision() -> None:
    with pytest.raises(ValueError, match="no report states"):
        estimate([report("a", flows={BODIES_UA_RU: 27}, seq=1)], BODIES_RU_UA, None)


def test_best_low_high_stay_the_decided_value_while_reopened() -> None:
    reports, decided = _decided_count_event()
    later = report("c", flows={BODIES_RU_UA: 5000}, seq=4)
    state = derive_event("e", "exchange", [*reports, later], [decided])
    assert state.status == "reopened"
    flow_estimate = state.estimates[BODIES_RU_UA]
    assert (flow_estimate.best, flow_estimate.low, flow_estimate.high) == (1212, 1212, 1212)
    assert flow_estimate.n_reports == 3
    assert state.reopened == {count_of(BODIES_RU_UA): ["c"]}


def test_a_withdrawn_decision_no_longer_fixes_the_estimate() -> None:
    reports, _ = _decided_count_event()
    undone = decision(count_of(BODIES_RU_UA), "1212", seq=3, withdrawn=True)
    state = derive_event("e", "exchange", reports, [undone])
    flow_estimate = state.estimates[BODIES_RU_UA]
    assert (flow_estimate.best, flow_estimate.low, flow_estimate.high) == (1200, 1200, 1212)
    assert flow_estimate.decision is None


# --- the event's date --------------------------------------------------------------------


def test_the_decided_date_is_the_events_date() -> None:
    reports = [report("a", "2025-06-11", seq=1), report("b", "2025-06-13", seq=2)]
    assert event_date(reports, decision(DATE, "2025-06-13", seq=3)) == "2025-06-13"
    assert event_date(reports, decision(DATE, "2025-06-12", seq=3)) == "2025-06-12"


def test_without_decision_the_most_precise_claimed_date_is_the_events_date() -> None:
    assert event_date([report("a", "2025-06", seq=1), report("b", "2025-06-11", seq=2)], None) == (
        "2025-06-11"
    )
    assert event_date([report("a", "2025-06-11", seq=1), report("b", "2025", seq=2)], None) == (
        "2025-06-11"
    )
    assert event_date([report("a", "2025", seq=1), report("b", "2025-06", seq=2)], None) == (
        "2025-06"
    )


def test_where_dates_disagree_the_earliest_of_the_most_precise_is_the_events_date() -> None:
    reports = [
        report("a", "2025-06-13", seq=1),
        report("b", "2025-06-11", seq=2),
        report("c", "2025-05", seq=3),
        report("d", "2025-06-12", seq=4),
    ]
    assert event_date(reports, None) == "2025-06-11"


def test_earliest_among_disagreeing_months_when_no_day_is_claimed() -> None:
    reports = [report("a", "2025-07", seq=1), report("b", "2025-06", seq=2)]
    assert event_date(reports, None) == "2025-06"


def test_an_event_without_claimed_dates_has_no_date() -> None:
    assert event_date([], None) is None


# --- the event's location ----------------------------------------------------------------


def test_the_location_is_the_decided_one_else_the_first_stated_in_write_order() -> None:
    reports = [
        report("late", location="Ankara", seq=5),
        report("silent", location="", seq=1),
        report("early", location="Istanbul", seq=2),
    ]
    assert event_location(reports, None) == "Istanbul"
    assert event_location(reports, decision(LOCATION, "Ankara", seq=6)) == "Ankara"
    assert event_location([report("silent", seq=1)], None) == ""


# --- possibly reversed direction (the 13 June case) --------------------------------------


def _june_13() -> list[Report]:
    literal = report("literal", "2025-06-13", flows={BODIES_UA_RU: 1200}, seq=1)
    opposite = report("opposite", "2025-06-13", flows={BODIES_RU_UA: 1200}, seq=2)
    return [literal, opposite]


def test_opposite_directions_with_equal_counts_raise_a_reversed_warning_once() -> None:
    assert possibly_reversed("exchange", _june_13(), {}) == [BODIES_RU_UA]
    assert possibly_reversed("exchange", list(reversed(_june_13())), {}) == [BODIES_RU_UA]


def test_a_reversed_warning_is_not_a_conflict() -> None:
    state = derive_event("bodies-2025-06-13", "exchange", _june_13(), [])
    assert state.reversed_flows == (BODIES_RU_UA,)
    assert state.disputes == ()
    assert state.status == "consistent"


@pytest.mark.parametrize("decided_flow", [BODIES_UA_RU, BODIES_RU_UA])
@pytest.mark.parametrize("value", ["0", "1200"])
def test_deciding_either_flow_clears_the_reversed_warning(
    decided_flow: FlowKey, value: str
) -> None:
    decided = decision(count_of(decided_flow), value, seq=3)
    in_force = decisions_in_force([decided])
    assert possibly_reversed("exchange", _june_13(), in_force) == []
    state = derive_event("bodies-2025-06-13", "exchange", _june_13(), [decided])
    assert state.reversed_flows == ()
    assert state.status == "resolved"
    assert state.estimates[decided_flow].best == int(value)


def test_a_withdrawn_decision_does_not_clear_the_reversed_warning() -> None:
    undone = decision(count_of(BODIES_UA_RU), "0", seq=3, withdrawn=True)
    state = derive_event("bodies-2025-06-13", "exchange", _june_13(), [undone])
    assert state.reversed_flows == (BODIES_RU_UA,)


def test_deciding_an_unrelated_field_keeps_the_reversed_warning() -> None:
    decided = decisions_in_force([decision(DATE, "2025-06-13", seq=3)])
    assert possibly_reversed("exchange", _june_13(), decided) == [BODIES_RU_UA]


@pytest.mark.parametrize(
    "decisions",
    [
        pytest.param([], id="short-path"),
        pytest.param([decision(DATE, "2025-06-13", seq=3)], id="general-rules"),
    ],
)
def test_while_a_reversed_warning_stands_the_low_of_both_flows_is_zero(
    decisions: list[Decision],
) -> None:
    state = derive_event("bodies-2025-06-13", "exchange", _june_13(), decisions)
    assert state.reversed_flows == (BODIES_RU_UA,)
    for flow in (BODIES_RU_UA, BODIES_UA_RU):
        estimate_ = state.estimates[flow]
        assert (estimate_.best, estimate_.low, estimate_.high) == (1200, 0, 1200)


def test_a_dismissal_clears_the_warning_and_gives_the_lows_back() -> None:
    dismissal = decision(FieldKey.direction(BODIES_RU_UA), "dismissed", seq=3)
    state = derive_event("bodies-2025-06-13", "exchange", _june_13(), [dismissal])
    assert state.reversed_flows == ()
    assert state.status == "resolved"  # a dismissal is a decision
    assert {state.estimates[f].low for f in (BODIES_RU_UA, BODIES_UA_RU)} == {1200}


def test_two_undecided_reports_at_different_locations_are_a_conflict_on_every_path() -> None:
    """The short path for undecided reports must see a location conflict too (a mutation
    that drops its location check made every location agree)."""
    reports = [
        report("a", "2024-10-18", location="Sumy", flows={POWS_RU_UA: 95}, seq=1),
        report("b", "2024-10-18", location="Kharkiv", flows={POWS_RU_UA: 95}, seq=2),
    ]
    short = derive_event("e", "exchange", reports, [])
    assert short.status == "conflict"
    assert [dispute.field for dispute in short.disputes] == [LOCATION]
    assert short == derive_general("e", "exchange", reports, [])
    same_place = [reports[0], reports[1]._replace(location=" sumy ")]
    assert derive_event("e", "exchange", same_place, []).status == "consistent"


@pytest.mark.parametrize("event_type", ["agreement", "talks", "statement", "other"])
def test_no_reversed_warning_outside_exchanges(event_type: str) -> None:
    assert possibly_reversed(event_type, _june_13(), {}) == []


def test_no_reversed_warning_when_counts_differ() -> None:
    reports = [
        report("a", flows={BODIES_UA_RU: 1200}, seq=1),
        report("b", flows={BODIES_RU_UA: 1212}, seq=2),
    ]
    assert possibly_reversed("exchange", reports, {}) == []


def test_no_reversed_warning_when_one_report_states_both_directions() -> None:
    reports = [
        report("medinsky", flows={BODIES_RU_UA: 1200, BODIES_UA_RU: 27}, seq=1),
        report("other", flows={BODIES_UA_RU: 1200}, seq=2),
    ]
    assert possibly_reversed("exchange", reports, {}) == []


def test_the_count_of_a_reversed_warning_is_that_of_the_two_reports_that_raise_it() -> None:
    """A third report of 30 each way cannot be the garble, yet its 30 was the warning's
    count ("30 each way") where the two reports behind it said 1200 and 1200."""
    both_ways = report("both", flows={BODIES_RU_UA: 30, BODIES_UA_RU: 30}, seq=3)
    reports = [*_june_13(), both_ways]
    assert possibly_reversed("exchange", reports, {}) == [BODIES_RU_UA]
    assert reversed_count(reports, BODIES_RU_UA) == 1200
    assert reversed_count(_june_13(), BODIES_RU_UA) == 1200


def test_no_reversed_warning_within_one_report_stating_equal_counts_both_ways() -> None:
    reports = [report("formula", flows={BODIES_RU_UA: 1200, BODIES_UA_RU: 1200}, seq=1)]
    assert possibly_reversed("exchange", reports, {}) == []


def test_no_reversed_warning_across_categories() -> None:
    reports = [
        report("a", flows={BODIES_UA_RU: 1200}, seq=1),
        report("b", flows={POWS_RU_UA: 1200}, seq=2),
    ]
    assert possibly_reversed("exchange", reports, {}) == []


def test_no_reversed_warning_for_the_same_direction_or_a_single_report() -> None:
    assert possibly_reversed("exchange", [report("a", flows={BODIES_UA_RU: 1200})], {}) == []
    same_way = [
        report("a", flows={BODIES_UA_RU: 1200}, seq=1),
        report("b", flows={BODIES_UA_RU: 1200}, seq=2),
    ]
    assert possibly_reversed("exchange", same_way, {}) == []


def test_each_doubtful_category_is_warned_separately() -> None:
    reports = [
        report("a", flows={BODIES_UA_RU: 1200, POWS_RU_UA: 84}, seq=1),
        report("b", flows={BODIES_RU_UA: 1200, POWS_UA_RU: 84}, seq=2),
    ]
    assert possibly_reversed("exchange", reports, {}) == [BODIES_RU_UA, POWS_RU_UA]
    in_force = decisions_in_force([decision(count_of(POWS_UA_RU), "84", seq=3)])
    assert possibly_reversed("exchange", reports, in_force) == [BODIES_RU_UA]


# --- the Istanbul article as a whole -----------------------------------------------------


def test_the_11_june_exchange_as_medinsky_reported_it() -> None:
    medinsky = report("medinsky", "2025-06-11", "", {BODIES_RU_UA: 1212, BODIES_UA_RU: 27}, seq=1)
    state = derive_event("bodies-2025-06-11", "exchange", [medinsky], [])
    assert state.status == "single"
    assert state.date == state.chart_day == "2025-06-11"
    assert state.reversed_flows == ()
    assert {key: (e.best, e.low, e.high) for key, e in state.estimates.items()} == {
        BODIES_RU_UA: (1212, 1212, 1212),
        BODIES_UA_RU: (27, 27, 27),
    }


def test_derive_event_charts_a_vague_date_on_its_first_day_and_follows_a_decided_date() -> None:
    reports = [report("a", "2025-06", "Istanbul", seq=1)]
    state = derive_event("talks", "talks", reports, [])
    assert (state.date, state.chart_day, state.location, state.n_reports) == (
        "2025-06",
        "2025-06-01",
        "Istanbul",
        1,
    )
    decided = derive_event("talks", "talks", reports, [decision(DATE, "2025-06-02", seq=2)])
    assert (decided.date, decided.chart_day, decided.status) == (
        "2025-06-02",
        "2025-06-02",
        "resolved",
    )


def test_derive_event_keeps_decided_disputes_and_the_decisions_in_force() -> None:
    reports, decided = _decided_count_event()
    state = derive_event("e", "exchange", reports, [decided])
    assert [dispute.field for dispute in state.disputes] == [count_of(BODIES_RU_UA)]
    assert state.in_force == {count_of(BODIES_RU_UA): decided}
    assert state.status == "resolved"


def test_derive_event_uses_write_order_whatever_the_order_given() -> None:
    reports = [
        report("c", location="Ankara", flows={BODIES_RU_UA: 1000}, seq=4),
        report("a", location="Istanbul", flows={BODIES_RU_UA: 1212}, seq=1),
        report("b", location="Istanbul", flows={BODIES_RU_UA: 1200}, seq=2),
    ]
    decided = decision(count_of(BODIES_RU_UA), "1212", seq=3)
    state = derive_event("e", "exchange", reports, [decided])
    assert state.location == "Istanbul"
    assert state.status == "reopened"
    assert state.reopened[count_of(BODIES_RU_UA)] == ["c"]


# --- properties --------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=20_000)


@given(st.lists(counts, min_size=1, max_size=30))
@settings(max_examples=200)
def test_the_lower_median_is_a_value_with_at_least_half_at_or_above_it(values: list[int]) -> None:
    median = lower_median(values)
    assert median in values
    assert 2 * sum(value >= median for value in values) >= len(values)
    assert 2 * sum(value <= median for value in values) >= len(values)
    assert median == statistics.median_low(values)


@given(st.lists(st.one_of(st.none(), counts), min_size=1, max_size=12))
@settings(max_examples=200)
def test_low_best_high_bound_each_other_over_the_stating_reports(
    maybe_counts: list[int | None],
) -> None:
    reports = [
        report(f"r{index}", flows={} if value is None else {BODIES_RU_UA: value}, seq=index)
        for index, value in enumerate(maybe_counts)
    ]
    stated = [value for value in maybe_counts if value is not None]
    if not stated:
        with pytest.raises(ValueError):
            estimate(reports, BODIES_RU_UA, None)
        return
    result = estimate(reports, BODIES_RU_UA, None)
    assert result.low <= result.best <= result.high
    assert (result.low, result.high) == (min(stated), max(stated))
    assert result.best in stated
    assert result.n_reports == len(stated)


@given(st.lists(counts, max_size=8), counts)
@settings(max_examples=100)
def test_a_decision_fixes_low_best_high_whatever_the_reports(
    stated: list[int], decided: int
) -> None:
    reports = [
        report(f"r{index}", flows={BODIES_RU_UA: value}, seq=index)
        for index, value in enumerate(stated)
    ]
    chosen = decision(count_of(BODIES_RU_UA), str(decided), seq=100)
    result = estimate(reports, BODIES_RU_UA, chosen)
    assert (result.best, result.low, result.high) == (decided, decided, decided)


claimed_dates = st.builds(
    lambda day, precision: day.isoformat()[: (10, 7, 4)[precision]],
    st.dates(min_value=date(2024, 11, 1), max_value=date(2025, 2, 28)),
    st.integers(min_value=0, max_value=2),
)


@given(st.lists(claimed_dates, min_size=1, max_size=8))
@settings(max_examples=200)
def test_the_event_date_is_the_earliest_of_the_most_precise_claims(claims: list[str]) -> None:
    reports = [report(f"r{index}", claimed, seq=index) for index, claimed in enumerate(claims)]
    chosen = event_date(reports, None)
    assert chosen in claims
    finest = max(len(claimed) for claimed in claims)
    assert len(chosen) == finest
    assert all(chosen <= claimed for claimed in claims if len(claimed) == finest)


def _first_day(text: str) -> date:
    parts = [int(part) for part in text.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _last_day(text: str) -> date:
    first = _first_day(text)
    if len(text) == 10:
        return first
    if len(text) == 7:
        return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return date(first.year, 12, 31)


report_strategy = st.builds(
    lambda claimed, location, ru_ua, ua_ru: (claimed, location, ru_ua, ua_ru),
    claimed_dates,
    st.sampled_from(["", "Istanbul", " istanbul", "ISTANBUL ", "Ankara"]),
    st.one_of(st.none(), st.integers(min_value=0, max_value=3)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=3)),
)


@given(st.lists(report_strategy, min_size=1, max_size=5))
@settings(max_examples=200)
def test_without_decisions_the_status_follows_an_independent_reading_of_conflict(
    specs: list[tuple[str, str, int | None, int | None]],
) -> None:
    reports = []
    for index, (claimed, location, ru_ua, ua_ru) in enumerate(specs):
        flows: dict[FlowKey, int | tuple[int, str]] = {}
        if ru_ua is not None:
            flows[BODIES_RU_UA] = ru_ua
        if ua_ru is not None:
            flows[BODIES_UA_RU] = (ua_ru, "approx")
        reports.append(report(f"r{index}", claimed, location, flows, seq=index))

    def pairs_disagree(values: list[Any], same: Callable[[Any, Any], bool]) -> bool:
        return any(not same(a, b) for a in values for b in values)

    dates_conflict = pairs_disagree(
        [spec[0] for spec in specs],
        lambda a, b: _first_day(a) <= _last_day(b) and _first_day(b) <= _last_day(a),
    )
    locations_conflict = pairs_disagree(
        [spec[1] for spec in specs if spec[1]], lambda a, b: a.strip().lower() == b.strip().lower()
    )
    counts_conflict = any(
        pairs_disagree([spec[i] for spec in specs if spec[i] is not None], lambda a, b: a == b)
        for i in (2, 3)
    )
    in_conflict = dates_conflict or locations_conflict or counts_conflict
    expected = "conflict" if in_conflict else ("single" if len(reports) == 1 else "consistent")
    assert status(reports) == expected
    assert bool(find_disputes(reports)) is in_conflict


@given(st.lists(report_strategy, min_size=1, max_size=5))
@settings(max_examples=100)
def test_deciding_every_disputed_field_resolves_and_a_later_contradiction_reopens(
    specs: list[tuple[str, str, int | None, int | None]],
) -> None:
    reports = [
        report(
            f"r{index}",
            claimed,
            location,
            {
                key: value
                for key, value in ((BODIES_RU_UA, a), (BODIES_UA_RU, b))
                if value is not None
            },
            seq=index,
        )
        for index, (claimed, location, a, b) in enumerate(specs)
    ]
    disputes = find_disputes(reports)
    decisions = []
    for number, dispute in enumerate(disputes):
        first_value = next(iter(dispute.values.values()))
        decisions.append(decision(dispute.field, first_value, seq=100 + number))
    if not disputes:
        return
    assert status(reports, decisions) == "resolved"
    contradicting = report(
        "late", "1999-01-01", "Nowhere", {BODIES_RU_UA: 99, BODIES_UA_RU: 99}, 999
    )
    assert status([*reports, contradicting], decisions) == "reopened"
    assert set(reopened_fields([*reports, contradicting], decisions)) == {
        dispute.field for dispute in disputes
    }


@given(st.lists(st.sampled_from([1200, 1212]), min_size=2, max_size=2), st.booleans())
@settings(max_examples=50)
def test_the_reversed_warning_does_not_depend_on_report_order(pair: list[int], swap: bool) -> None:
    reports = [
        report("a", flows={BODIES_UA_RU: pair[0]}, seq=1),
        report("b", flows={BODIES_RU_UA: pair[1]}, seq=2),
    ]
    ordered = list(reversed(reports)) if swap else reports
    expected = [BODIES_RU_UA] if pair[0] == pair[1] else []
    assert possibly_reversed("exchange", ordered, {}) == expected


# The short path of derive_event (undecided reports that cannot be in conflict) must give
# what the general rules give. Few distinct values make agreeing reports common.
agreeing_report = st.builds(
    lambda claimed, location, flows: (claimed, location, flows),
    st.sampled_from(["2025-06-11", "2025-06-12", "2025-06", "2025-07", "2025", ""]),
    st.sampled_from(["", "Istanbul", " istanbul", "ISTANBUL "]),
    st.dictionaries(
        st.sampled_from([BODIES_RU_UA, BODIES_UA_RU, POWS_RU_UA]),
        st.sampled_from([6000, 1212, (6000, "approx")]),
        max_size=3,
    ),
)


@given(
    st.lists(agreeing_report, min_size=1, max_size=4),
    st.sampled_from(["exchange", "talks"]),
    st.booleans(),
)
@settings(max_examples=300)
def test_the_short_paths_derive_what_the_general_rules_derive(
    specs: list[tuple[str, str, dict]], event_type: str, copies: bool
) -> None:
    if copies:  # the same report again and again, as most events of a large file are
        specs = [specs[0]] * len(specs)
    reports = [
        report(f"r{index}", claimed, location.strip(), flows, seq=len(specs) - index)
        for index, (claimed, location, flows) in enumerate(specs)
    ]
    assert derive_event("e", event_type, reports, []) == derive_general(
        "e", event_type, reports, []
    )
