"""The balance: per party and category, cumulative counts received and handed over."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.balance import (
    BALANCE_COLUMNS,
    BalanceRow,
    ExchangedFlow,
    cumulative_balance,
)
from desktop_app.domain.series import AgreementFlow, DayDeltas, balance_series, day_number, targets

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
    series = balance_series(DayDeltas.from_rows(rows))
    agreed = [
        AgreementFlow(
            "a1", "2025-06-02", day_number("2025-06-02"), "pows", RU, UA, 1000, 1000, 1000
        ),
        AgreementFlow("a2", "2025-07", day_number("2025-07-01"), "pows", UA, RU, 500, 500, 500),
    ]
    by_party = {target.party: target for target in targets(agreed, series)}
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
