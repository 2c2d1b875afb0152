"""The warning before creating an event that looks like an existing one: same type, date
periods within 3 days of each other, and a flow with the same from, to and category."""

from __future__ import annotations

import pytest

from desktop_app.domain.records import Flow, FlowKey
from desktop_app.store.events import similar_events
from desktop_app.store.ledger import Ledger, ReportInput

FLOW = FlowKey("Russia", "Ukraine", "pows")


def existing(ledger: Ledger, claimed: str) -> str:
    report = ReportInput("exchange", "Source", claimed, flows=(Flow(FLOW, 10),))
    ledger.add_report(report, "tester", event_id="existing")
    return "existing"


# (the existing event's claimed date, the new one, whether they are within 3 days): for
# each precision on either side, 3 days apart prompts and 4 days apart does not.
WINDOWS = [
    ("2025-06-11", "2025-06-14", True),
    ("2025-06-11", "2025-06-15", False),
    ("2025-06-11", "2025-06-08", True),
    ("2025-06-11", "2025-06-07", False),
    ("2025-06", "2025-07-03", True),
    ("2025-06", "2025-07-04", False),
    ("2025-06", "2025-05-29", True),
    ("2025-06", "2025-05-28", False),
    ("2024", "2025-01-03", True),
    ("2024", "2025-01-04", False),
    ("2024", "2023-12-29", True),
    ("2024", "2023-12-28", False),
    ("2025-07-03", "2025-06", True),
    ("2025-07-04", "2025-06", False),
    ("2025-05-29", "2025-06", True),
    ("2025-05-28", "2025-06", False),
    ("2025-01-03", "2024", True),
    ("2025-01-04", "2024", False),
    ("2025-07-03", "2025-06-30", True),  # month-start
    ("2025-04", "2025-06", False),  # two vague periods a month apart
    ("2025-05", "2025-06", True),  # adjacent months touch
]


@pytest.mark.parametrize(("claimed", "new", "prompts"), WINDOWS)
def test_three_days_apart_prompts_and_four_days_do_not(
    ledger: Ledger, claimed: str, new: str, prompts: bool
) -> None:
    existing(ledger, claimed)
    found = [e["event_id"] for e in similar_events(ledger, "exchange", new, [FLOW])]
    assert found == (["existing"] if prompts else [])


def test_another_type_or_another_flow_does_not_prompt(ledger: Ledger) -> None:
    existing(ledger, "2025-06-11")
    assert similar_events(ledger, "agreement", "2025-06-11", [FLOW]) == []
    assert (
        similar_events(ledger, "exchange", "2025-06-11", [FlowKey("Ukraine", "Russia", "pows")])
        == []
    )
    assert (
        similar_events(ledger, "exchange", "2025-06-11", [FlowKey("Russia", "Ukraine", "bodies")])
        == []
    )


def test_the_closest_events_come_first(ledger: Ledger) -> None:
    """At 100,000 events the prompt listed 228 candidates oldest first, and preselected
    the first: an event three days off, elsewhere, where the same-day one stood 96th."""
    for event_id, day, place in (
        ("three-off", "2025-06-08", "Kharkiv"),
        ("one-off-here", "2025-06-10", "Sumy"),
        ("same-day-elsewhere", "2025-06-11", "Kharkiv"),
        ("same-day-here", "2025-06-11", " sumy "),
        ("that-month", "2025-06", ""),
    ):
        report = ReportInput("exchange", "Source", day, location=place, flows=(Flow(FLOW, 10),))
        ledger.add_report(report, "tester", event_id=event_id)
    found = [
        e["event_id"] for e in similar_events(ledger, "exchange", "2025-06-11", [FLOW], "Sumy")
    ]
    assert found == [
        "same-day-here",
        "that-month",
        "same-day-elsewhere",
        "one-off-here",
        "three-off",
    ]
