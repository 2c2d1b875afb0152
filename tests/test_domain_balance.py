"""The balance: per party and category, cumulative counts received and handed over."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.balance import (
    BALANCE_COLUMNS,
    BalanceRow,
    ExchangedFlow,
    cumulative_balance,
)
from desktop_app.domain.series import (
    AgreementFlow,
    DayDeltas,
    balance_series,
    day_number,
    iso_day,
    target_steps,
    targets,
)

RU, UA = "Russia", "Ukraine"


def exact(day: str, category: str, from_party: str, to_party: str, count: int) -> ExchangedFlow:
    return ExchangedFlow(day, category, from_party, to_party, count, count, count)


def rows_by_key(rows: list[BalanceRow]) -> dict[tuple[str, str, str], BalanceRow]:
    return {(row.date, row.category, row.party): row for row in rows}


def test_one_exchange_gives_a_row_for_each_party_with_what_it_received_and_sent() -> None:
    rows = cumulative_balance(
        [exact("2025-06-11", "bodies", RU, UA, 1212), exact("2025-06-11", "bodies", UA, RU, 27)]
    )
    assert [row.as_tuple() for row in rows] == [
        ("2025-06-11", "bodies", RU, 27, 27, 27, 1212, 1212, 1212),
        ("2025-06-11", "bodies", UA, 1212, 1212, 1212, 27, 27, 27),
    ]
    russia, ukraine = rows
    assert (russia.net_best, ukraine.net_best) == (27 - 1212, 1212 - 27)


def test_a_party_that_only_sends_still_gets_a_row() -> None:
    rows = cumulative_balance([exact("2025-06-13", "bodies", RU, UA, 1200)])
    assert [row.as_tuple() for row in rows] == [
        ("2025-06-13", "bodies", RU, 0, 0, 0, 1200, 1200, 1200),
        ("2025-06-13", "bodies", UA, 1200, 1200, 1200, 0, 0, 0),
    ]


def test_totals_accumulate_over_dates_per_category_and_party() -> None:
    rows = cumulative_balance(
        [
            exact("2025-06-11", "bodies", RU, UA, 1212),
            exact("2025-06-11", "bodies", UA, RU, 27),
            exact("2025-06-13", "bodies", RU, UA, 1200),
            exact("2025-06-13", "pows", UA, RU, 84),
        ]
    )
    by_key = rows_by_key(rows)
    assert set(by_key) == {
        ("2025-06-11", "bodies", RU),
        ("2025-06-11", "bodies", UA),
        ("2025-06-13", "bodies", RU),
        ("2025-06-13", "bodies", UA),
        ("2025-06-13", "pows", RU),
        ("2025-06-13", "pows", UA),
    }
    assert by_key[("2025-06-13", "bodies", UA)].as_tuple()[3:] == (
        2412, 2412, 2412, 27, 27, 27,
    )  # fmt: skip
    assert by_key[("2025-06-13", "bodies", RU)].as_tuple()[3:] == (
        27, 27, 27, 2412, 2412, 2412,
    )  # fmt: skip
    # categories are kept apart: the pows row does not include bodies
    assert by_key[("2025-06-13", "pows", RU)].as_tuple()[3:] == (84, 84, 84, 0, 0, 0)
    assert by_key[("2025-06-13", "pows", UA)].as_tuple()[3:] == (0, 0, 0, 84, 84, 84)


def test_a_party_without_a_flow_on_a_date_gets_no_row_that_day() -> None:
    rows = cumulative_balance(
        [
            exact("2025-06-11", "bodies", RU, UA, 10),
            exact("2025-06-12", "bodies", "Belarus", UA, 5),
        ]
    )
    assert [(row.date, row.party) for row in rows] == [
        ("2025-06-11", RU),
        ("2025-06-11", UA),
        ("2025-06-12", "Belarus"),
        ("2025-06-12", UA),
    ]
    assert rows[-1].received_best == 15


def test_several_flows_on_one_day_make_one_row_per_party() -> None:
    rows = cumulative_balance(
        [exact("2025-06-11", "bodies", RU, UA, 1000), exact("2025-06-11", "bodies", RU, UA, 212)]
    )
    assert [row.as_tuple() for row in rows] == [
        ("2025-06-11", "bodies", RU, 0, 0, 0, 1212, 1212, 1212),
        ("2025-06-11", "bodies", UA, 1212, 1212, 1212, 0, 0, 0),
    ]


def test_rows_are_sorted_by_date_category_party_whatever_the_input_order() -> None:
    flows = [
        exact("2025-06-13", "pows", UA, RU, 1),
        exact("2025-06-11", "pows", RU, UA, 1),
        exact("2025-06-13", "bodies", UA, RU, 1),
        exact("2025-06-11", "bodies", RU, UA, 1),
    ]
    keys = [(row.date, row.category, row.party) for row in cumulative_balance(flows)]
    assert keys == sorted(keys)
    assert len(keys) == 8
    assert cumulative_balance(flows) == cumulative_balance(list(reversed(flows)))


def test_low_and_high_accumulate_separately_from_best() -> None:
    rows = cumulative_balance(
        [
            ExchangedFlow("2025-06-11", "bodies", RU, UA, 1200, 1000, 1212),
            ExchangedFlow("2025-06-13", "bodies", RU, UA, 1200, 1200, 1200),
        ]
    )
    last_ukraine = rows_by_key(rows)[("2025-06-13", "bodies", UA)]
    assert (
        last_ukraine.received_best,
        last_ukraine.received_low,
        last_ukraine.received_high,
    ) == (2400, 2200, 2412)
    last_russia = rows_by_key(rows)[("2025-06-13", "bodies", RU)]
    assert (last_russia.sent_best, last_russia.sent_low, last_russia.sent_high) == (
        2400,
        2200,
        2412,
    )


def test_net_pairs_lowest_received_with_highest_sent_and_the_other_way_round() -> None:
    row = BalanceRow(
        "2025-06-13",
        "bodies",
        UA,
        received_best=1200,
        received_low=1000,
        received_high=1212,
        sent_best=27,
        sent_low=20,
        sent_high=30,
    )
    assert row.net_best == 1200 - 27
    assert row.net_low == 1000 - 30
    assert row.net_high == 1212 - 20


def test_an_uncertain_exchange_gives_a_net_band_around_net_best() -> None:
    rows = cumulative_balance(
        [
            ExchangedFlow("2025-06-11", "bodies", RU, UA, 1200, 1000, 1212),
            ExchangedFlow("2025-06-11", "bodies", UA, RU, 27, 20, 30),
        ]
    )
    ukraine = rows_by_key(rows)[("2025-06-11", "bodies", UA)]
    assert (ukraine.net_low, ukraine.net_best, ukraine.net_high) == (970, 1173, 1192)
    russia = rows_by_key(rows)[("2025-06-11", "bodies", RU)]
    assert (russia.net_low, russia.net_best, russia.net_high) == (20 - 1212, 27 - 1200, 30 - 1000)


def test_a_row_lists_its_values_in_the_balance_csv_column_order() -> None:
    assert BALANCE_COLUMNS == (
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
    row = BalanceRow("2025-06-11", "bodies", UA, 1, 2, 3, 4, 5, 6)
    assert row.as_tuple() == ("2025-06-11", "bodies", UA, 1, 2, 3, 4, 5, 6)


def test_no_flows_no_rows() -> None:
    assert cumulative_balance([]) == []


# --- properties --------------------------------------------------------------------------

PARTIES = (RU, UA, "Belarus")
CATEGORY_NAMES = ("bodies", "pows", "civilians")


def _flow(
    day: int, category: str, sender: int, step: int, amounts: tuple[int, int, int]
) -> ExchangedFlow:
    low, best, high = sorted(amounts)
    return ExchangedFlow(
        f"2025-06-{day:02d}",
        category,
        PARTIES[sender],
        PARTIES[(sender + step) % len(PARTIES)],
        best,
        low,
        high,
    )


exchanged_flows = st.builds(
    _flow,
    st.integers(min_value=1, max_value=10),
    st.sampled_from(CATEGORY_NAMES),
    st.integers(min_value=0, max_value=len(PARTIES) - 1),
    st.integers(min_value=1, max_value=len(PARTIES) - 1),
    st.tuples(*[st.integers(min_value=0, max_value=3000)] * 3),
)


flow_lists = st.lists(exchanged_flows, max_size=15)


@given(flow_lists)
@settings(max_examples=150)
def test_the_last_row_of_each_category_and_party_holds_the_sums_of_all_its_flows(
    flows: list[ExchangedFlow],
) -> None:
    expected: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 6)
    for flow in flows:
        received = expected[(flow.category, flow.to_party)]
        received[0] += flow.best
        received[1] += flow.low
        received[2] += flow.high
        sent = expected[(flow.category, flow.from_party)]
        sent[3] += flow.best
        sent[4] += flow.low
        sent[5] += flow.high
    rows = cumulative_balance(flows)
    last: dict[tuple[str, str], BalanceRow] = {}
    for row in rows:
        last[(row.category, row.party)] = row
    assert set(last) == set(expected)
    for key, row in last.items():
        assert list(row.as_tuple()[3:]) == expected[key]

    # exactly one row per (date, category, party) with a flow, sorted
    keys = [(row.date, row.category, row.party) for row in rows]
    assert keys == sorted(set(keys))
    assert set(keys) == {(flow.day, flow.category, flow.to_party) for flow in flows} | {
        (flow.day, flow.category, flow.from_party) for flow in flows
    }

    # each row holds the totals up to and including its date
    for row in rows:
        upto = [flow for flow in flows if flow.category == row.category and flow.day <= row.date]
        received_flows = [flow for flow in upto if flow.to_party == row.party]
        sent_flows = [flow for flow in upto if flow.from_party == row.party]
        assert row.as_tuple()[3:] == (
            sum(flow.best for flow in received_flows),
            sum(flow.low for flow in received_flows),
            sum(flow.high for flow in received_flows),
            sum(flow.best for flow in sent_flows),
            sum(flow.low for flow in sent_flows),
            sum(flow.high for flow in sent_flows),
        )


@given(flow_lists)
@settings(max_examples=150)
def test_totals_never_decrease_bands_stay_ordered_and_what_one_receives_another_sent(
    flows: list[ExchangedFlow],
) -> None:
    previous: dict[tuple[str, str], BalanceRow] = {}
    for row in cumulative_balance(flows):
        assert row.received_low <= row.received_best <= row.received_high
        assert row.sent_low <= row.sent_best <= row.sent_high
        assert row.net_low <= row.net_best <= row.net_high
        before = previous.get((row.category, row.party))
        if before is not None:
            assert before.date < row.date
            assert all(
                a <= b for a, b in zip(before.as_tuple()[3:], row.as_tuple()[3:], strict=True)
            )
        previous[(row.category, row.party)] = row
    for category in CATEGORY_NAMES:
        finals = [row for (cat, _), row in previous.items() if cat == category]
        assert sum(row.received_best for row in finals) == sum(row.sent_best for row in finals)
        assert sum(row.net_best for row in finals) == 0


def test_a_target_starts_from_what_the_party_had_received_before_the_agreement() -> None:
    rows = [
        ("2025-05-01", "pows", "Russia", "Ukraine", 100, 90, 110),  # before the agreement
        ("2025-06-02", "pows", "Russia", "Ukraine", 40, 40, 40),  # on its day: counts as reached
        ("2025-06-20", "pows", "Russia", "Ukraine", 60, 50, 70),
    ]
    deltas = DayDeltas.from_rows(rows)
    series = balance_series(deltas)
    agreed = [
        AgreementFlow(
            "a1", "2025-06-02", day_number("2025-06-02"), "pows", RU, UA, 1000, 1000, 1000
        ),
        AgreementFlow("a2", "2025-07", day_number("2025-07-01"), "pows", UA, RU, 500, 500, 500),
    ]
    by_party = {target.party: target for target in targets(agreed, series, None, deltas)}
    ukraine = by_party[UA]
    assert ukraine.baseline == 100
    assert ukraine.level == 1100
    assert ukraine.reached == (100, 90, 110)  # (200, 180, 220) in all, less (100, 90, 110)
    assert by_party[RU].baseline == 0 and by_party[RU].reached == (0, 0, 0)  # received nothing
    # on a day between, what had arrived by then: the hover of that day says so
    received = series[UA].received.at(series[UA].index_at(day_number("2025-06-10")))
    assert ukraine.as_of(received).reached == (40, 40, 40)
    assert ukraine.as_of(received).share() == (40 / 1000, 40 / 1000, 40 / 1000)
    assert ukraine.as_of((0, 0, 0)).reached == (0, 0, 0)  # never below nothing


def agreement(
    event_id: str, day: str, category: str, to_party: str, best: int, spread: int = 0
) -> AgreementFlow:
    """An agreement's flow to `to_party` from the other side: best ± spread persons."""
    from_party = RU if to_party == UA else UA
    low, high = best - spread, best + spread
    return AgreementFlow(
        event_id, day, day_number(day), category, from_party, to_party, best, low, high
    )


def charted(rows: list[tuple], agreed: list[AgreementFlow], category: str | None) -> dict:
    """The targets as the chart computes them for a view: per party, its targets and its
    target line (days as ISO dates, levels)."""
    deltas = DayDeltas.from_rows(rows)
    found = targets(agreed, balance_series(deltas, category), category, deltas)
    result: dict = defaultdict(lambda: {"targets": [], "line": None})
    for target in found:
        result[target.party]["targets"].append(target)
    for entry in result.values():
        days, levels = target_steps(entry["targets"])
        entry["line"] = ([iso_day(day) for day in days], levels.tolist())
    return result


def test_a_target_counts_only_the_categories_its_agreement_promised() -> None:
    # An agreement on POWs, then an exchange of bodies only: not one POW has arrived.
    rows = [
        ("2025-02-01", "bodies", RU, UA, 100, 100, 100),
        ("2025-02-01", "bodies", UA, RU, 100, 100, 100),
    ]
    agreed = [agreement("D1", "2025-01-10", "pows", party, 100) for party in (UA, RU)]
    for category in (None, "pows"):
        chart = charted(rows, agreed, category)
        for party in (RU, UA):
            (target,) = chart[party]["targets"]
            assert target.reached == (0, 0, 0), (category, party)  # the bodies were 100%
            assert target.share() == (0.0, 0.0, 0.0)
    # all categories: the line is where the received line must get to with 100 POWs more
    # (100 bodies + 100 POWs), not on the received line at 100; the POWs view is as before
    assert charted(rows, agreed, None)[UA]["line"] == (["2025-01-10", "2025-02-01"], [100, 200])
    assert charted(rows, agreed, "pows")[UA]["line"] == (["2025-01-10"], [100])
    assert charted(rows, agreed, "bodies") == {}  # no target of bodies


def test_a_partly_delivered_target_beside_another_category() -> None:
    rows = [
        ("2025-05-01", "bodies", RU, UA, 10, 10, 10),  # before the agreement
        ("2025-06-20", "pows", RU, UA, 40, 30, 50),  # part of the promise
        ("2025-06-20", "bodies", RU, UA, 30, 30, 30),  # not promised
        ("2025-07-01", "bodies", RU, UA, 20, 20, 20),
    ]
    agreed = [agreement("A", "2025-06-02", "pows", UA, 100, spread=20)]
    chart = charted(rows, agreed, None)
    (target,) = chart[UA]["targets"]
    assert target.reached == (40, 30, 50)  # POWs only: not 80, 70, 90 with the bodies
    assert target.share() == (40 / 100, 30 / 120, 50 / 80)
    assert target.categories == ("pows",)
    # level = received (all categories) + what the promise still lacks (100 − POWs since)
    assert chart[UA]["line"] == (
        ["2025-06-02", "2025-06-20", "2025-07-01"],
        [10 + 100, 80 + 60, 100 + 60],
    )
    assert target.level == 160 and target.baseline == 60
    # a day's hover counts what had arrived of the promise by that day
    assert target.by_day(day_number("2025-06-10")).reached == (0, 0, 0)
    assert target.by_day(day_number("2025-06-25")).reached == (40, 30, 50)
    # the POWs view is as it always was: a constant level, the same share
    pows = charted(rows, agreed, "pows")[UA]
    assert pows["line"] == (["2025-06-02"], [100])
    assert pows["targets"][0].reached == (40, 30, 50)


def test_agreements_of_several_categories_count_each_category_once() -> None:
    rows = [
        ("2025-06-20", "pows", RU, UA, 40, 40, 40),
        ("2025-06-20", "bodies", RU, UA, 30, 30, 30),
        ("2025-06-25", "civilians", RU, UA, 5, 5, 5),  # promised by nobody
    ]
    agreed = [
        agreement("X", "2025-06-02", "pows", UA, 100),
        agreement("X", "2025-06-02", "bodies", UA, 50),
        agreement("Y", "2025-06-02", "pows", UA, 10),  # the same day, the same category
    ]
    chart = charted(rows, agreed, None)
    # one day's agreements are one target: they add up (160) and count the POWs and
    # bodies once each (so the line holds on 20 June); the civilians raise the line with
    # the received line
    (both,) = chart[UA]["targets"]
    assert (both.event_id, both.agreements) == ("X", 2)
    assert (both.target, both.reached) == ((160, 160, 160), (70, 70, 70))
    assert chart[UA]["line"] == (["2025-06-02", "2025-06-25"], [160, 165])
    bodies = charted(rows, agreed, "bodies")[UA]
    assert bodies["targets"][0].reached == (30, 30, 30) and bodies["line"][1] == [50]


def _at(steps: tuple[np.ndarray, np.ndarray], days: np.ndarray) -> np.ndarray:
    """A step line's value on each day (its first step on or before it)."""
    x, y = steps
    return np.asarray(y)[np.searchsorted(x, days, side="right") - 1]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 30),
            st.sampled_from(CATEGORY_NAMES),
            st.booleans(),
            st.integers(0, 90),
            st.integers(0, 9),
        ),
        max_size=25,
    ),
    st.sampled_from(CATEGORY_NAMES),
    st.lists(st.tuples(st.integers(0, 30), st.booleans(), st.integers(1, 90)), min_size=1),
)
def test_the_view_of_all_categories_agrees_with_the_promised_categorys_view(
    exchanged: list[tuple[int, str, bool, int, int]],
    promised: str,
    agreed: list[tuple[int, bool, int]],
) -> None:
    """Whatever else arrived, a target's share is the same in the view of all categories
    as in its category's view, and so is what its line says is still to come (the line
    less the received line), on every day."""
    rows = [
        (
            iso_day(20_000 + day),
            category,
            *((RU, UA) if to_ukraine else (UA, RU)),
            best,
            max(0, best - spread),
            best + spread,
        )  # fmt: skip
        for day, category, to_ukraine, best, spread in exchanged
    ]
    flows = [
        agreement(f"a{index}", iso_day(20_000 + day), promised, UA if to_ukraine else RU, best)
        for index, (day, to_ukraine, best) in enumerate(agreed)
    ]
    deltas = DayDeltas.from_rows(rows)
    views = {view: balance_series(deltas, view) for view in (None, promised)}
    found = {view: targets(flows, views[view], view, deltas) for view in views}
    assert [(t.event_id, t.party, t.target, t.before, t.reached) for t in found[None]] == [
        (t.event_id, t.party, t.target, t.before, t.reached) for t in found[promised]
    ]
    every_day = np.arange(20_000, 20_032)
    for party in {target.party for target in found[None]}:
        still_to_come = []
        for view, series in views.items():
            line = target_steps([target for target in found[view] if target.party == party])
            received = series[party].received.best if party in series else np.zeros(0)
            days = series[party].days if party in series else np.zeros(0, dtype=np.int64)
            index = np.searchsorted(days, every_day, side="right") - 1
            so_far = np.where(index >= 0, received[np.maximum(index, 0)], 0) if len(days) else 0
            shown = every_day >= line[0][0]
            still_to_come.append((_at(line, every_day) - so_far)[shown].tolist())
        assert still_to_come[0] == still_to_come[1]
