"""A possible reversed direction is a warning visible everywhere, not in the window alone:
the queue and the counts, `conflicts`, `events.csv`, the balance's low, and the history
once a reviewer dismisses it (PRODUCT.md, "Review" and "best / low / high")."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import GARBLED_CSV, REPORTS_HEADER, CliResult, sha256, write_csv
from ui_helpers import open_window, shortcut, type_text

from desktop_app.store.ledger import Ledger
from desktop_app.store.schema import SCHEMA_VERSION

Cli = Callable[..., CliResult]
EVENT = "bodies-2025-06-13"
WARNING = {
    "kind": "reversed_direction",
    "category": "bodies",
    "count": 1200,
    "flows": [["Russia", "Ukraine"], ["Ukraine", "Russia"]],
}


def imported(cli: Cli, db: Path, csv_path: Path = GARBLED_CSV) -> Path:
    result = cli("import", db, csv_path)
    assert result.code == 0, result.err
    return db


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def exported(cli: Cli, db: Path, out: Path, name: str) -> list[dict[str, str]]:
    result = cli("export", db, out)
    assert result.code == 0, result.err
    return read_csv(out / name)


def flows_of(cli: Cli, db: Path, out: Path, event_id: str = EVENT) -> dict[tuple[str, str], dict]:
    rows = exported(cli, db, out, "events.csv")
    return {(r["from_party"], r["to_party"]): r for r in rows if r["event_id"] == event_id}


def band(row: dict[str, str]) -> tuple[str, str, str, str]:
    return row["best"], row["low"], row["high"], row["warnings"]


def conflicts(cli: Cli, db: Path) -> list[dict]:
    result = cli("conflicts", db, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def dismiss(cli: Cli, db: Path, *flow: str, event_id: str = EVENT) -> CliResult:
    return cli(
        "resolve", db, event_id, "--dismiss-direction", *flow,
        "--rationale", "Both readings are plausible.", "--by", "Rita",
    )  # fmt: skip


@pytest.fixture
def garbled(cli: Cli, tmp_path: Path) -> Path:
    return imported(cli, tmp_path / "ledger.db")


# ---- the warning stands: visible outside the window --------------------------------------


def test_conflicts_lists_the_warning_with_its_count_and_both_flows(cli: Cli, garbled: Path) -> None:
    listed = conflicts(cli, garbled)
    assert listed == [
        {"event_id": EVENT, "status": "consistent", "disputes": [], "warnings": [WARNING]}
    ]
    text = cli("conflicts", garbled).out
    assert "possible reversed direction: bodies Russia ⇄ Ukraine, 1200 each way" in text
    assert "0 events in conflict or reopened, 1 with a possible reversed direction." in text


def test_events_csv_marks_both_flows_and_their_low_is_zero(
    cli: Cli, garbled: Path, tmp_path: Path
) -> None:
    flows = flows_of(cli, garbled, tmp_path / "out")
    assert band(flows[("Russia", "Ukraine")]) == ("1200", "0", "1200", "reversed_direction")
    assert band(flows[("Ukraine", "Russia")]) == ("1200", "0", "1200", "reversed_direction")
    others = [r for r in read_csv(tmp_path / "out" / "events.csv") if r["event_id"] != EVENT]
    assert others and all(r["warnings"] == "" for r in others)
    medinsky = flows_of(cli, garbled, tmp_path / "out", "bodies-2025-06-11")
    assert band(medinsky[("Russia", "Ukraine")]) == ("1212", "1212", "1212", "")


def test_the_balance_shows_the_doubt_as_a_low_without_either_flow(cli: Cli, garbled: Path) -> None:
    lines = cli("balance", garbled, "--csv").out.splitlines()
    assert lines[1:] == [
        "2025-06-11,bodies,Russia,27,27,27,1212,1212,1212",
        "2025-06-11,bodies,Ukraine,1212,1212,1212,27,27,27",
        # received low: 27 + 0 and 1212 + 0; sent low likewise; best and high unchanged
        "2025-06-13,bodies,Russia,1227,27,1227,2412,1212,2412",
        "2025-06-13,bodies,Ukraine,2412,1212,2412,1227,27,1227",
    ]


def test_a_swap_reported_one_side_at_a_time_warns_until_dismissed(cli: Cli, tmp_path: Path) -> None:
    """Two governments each report their own side of a real symmetric swap: the tool
    cannot tell it from a garble, so the band shows until a reviewer dismisses it."""
    rows = []
    for source, party, flow in (
        ("Ministry A", "Russia", ("Ukraine", "Russia")),
        ("Ministry B", "Ukraine", ("Russia", "Ukraine")),
    ):
        row = dict.fromkeys(REPORTS_HEADER, "")
        row.update(
            event_id="swap", event_type="exchange", event_date="2025-05-23",
            category="civilians", from_party=flow[0], to_party=flow[1], count="120",
            source_name=source, source_kind="official", source_party=party,
            quote=f"{source}: 120 civilians received.",
        )  # fmt: skip
        rows.append(list(row.values()))
    db = imported(cli, tmp_path / "swap.db", write_csv(tmp_path / "swap.csv", REPORTS_HEADER, rows))
    assert [e["warnings"][0]["count"] for e in conflicts(cli, db)] == [120]
    flows = flows_of(cli, db, tmp_path / "out", "swap")
    assert {band(row) for row in flows.values()} == {("120", "0", "120", "reversed_direction")}
    assert dismiss(cli, db, "Russia", "Ukraine", "civilians", event_id="swap").code == 0
    flows = flows_of(cli, db, tmp_path / "out2", "swap")
    assert {band(row) for row in flows.values()} == {("120", "120", "120", "")}


# ---- it stands until decided or dismissed ------------------------------------------------


def test_dismissing_by_either_flow_clears_the_warning_and_is_exported(
    cli: Cli, garbled: Path, tmp_path: Path
) -> None:
    result = dismiss(cli, garbled, "ukraine", "RUSSIA", "bodies")  # either flow, any case
    assert result.code == 0, result.err
    assert "Dismissed the possible reversed direction of bodies" in result.out
    assert conflicts(cli, garbled) == []
    flows = flows_of(cli, garbled, tmp_path / "out")
    assert band(flows[("Russia", "Ukraine")]) == ("1200", "1200", "1200", "")
    assert flows[("Russia", "Ukraine")]["status"] == "resolved"  # a dismissal counts
    resolutions = read_csv(tmp_path / "out" / "resolutions.csv")
    assert [
        (r["event_id"], r["field"], r["from_party"], r["to_party"], r["category"], r["value"])
        for r in resolutions
    ] == [(EVENT, "direction", "Russia", "Ukraine", "bodies", "dismissed")]
    assert (resolutions[0]["rationale"], resolutions[0]["resolved_by"]) == (
        "Both readings are plausible.",
        "Rita",
    )
    assert resolutions[0]["state"] == "in_force" and resolutions[0]["report_id"] == ""
    with sqlite3.connect(garbled) as connection:
        audit = connection.execute(
            "SELECT action, entity FROM audit WHERE action = 'decide'"
        ).fetchall()
    assert audit == [("decide", "resolution")]  # in the history


def test_deciding_either_flow_clears_the_warning(cli: Cli, garbled: Path, tmp_path: Path) -> None:
    result = cli(
        "resolve", garbled, EVENT, "--count", "Ukraine", "Russia", "bodies", "0",
        "--rationale", "The article garbles the direction.",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert conflicts(cli, garbled) == []
    flows = flows_of(cli, garbled, tmp_path / "out")
    assert band(flows[("Ukraine", "Russia")]) == ("0", "0", "0", "")
    assert band(flows[("Russia", "Ukraine")]) == ("1200", "1200", "1200", "")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["bodies-2025-06-11", "Russia", "Ukraine", "bodies"], id="no-warning-there"),
        pytest.param([EVENT, "Russia", "Ukraine", "pows"], id="another-category"),
        pytest.param(["no-such-event", "Russia", "Ukraine", "bodies"], id="no-event"),
    ],
)
def test_a_dismissal_with_nothing_to_dismiss_is_refused_and_changes_nothing(
    cli: Cli, garbled: Path, args: list[str]
) -> None:
    before = sha256(garbled)
    result = dismiss(cli, garbled, *args[1:], event_id=args[0])
    assert result.code == 1
    assert result.err.startswith("exchange-ledger: ") and "Traceback" not in result.err
    assert sha256(garbled) == before


def test_a_dismissal_needs_a_rationale(cli: Cli, garbled: Path) -> None:
    before = sha256(garbled)
    result = cli("resolve", garbled, EVENT, "--dismiss-direction", "Russia", "Ukraine", "bodies")
    assert result.code == 2
    blank = cli(
        "resolve", garbled, EVENT, "--dismiss-direction", "Russia", "Ukraine", "bodies",
        "--rationale", "  ",
    )  # fmt: skip
    assert blank.code == 1 and "rationale" in blank.err
    assert sha256(garbled) == before


# ---- check, merge and old files agree with the rule --------------------------------------


def test_check_rebuilds_the_same_state_with_and_without_the_dismissal(
    cli: Cli, garbled: Path
) -> None:
    assert cli("check", garbled).code == 0
    assert dismiss(cli, garbled, "Russia", "Ukraine", "bodies").code == 0
    result = cli("check", garbled)
    assert result.code == 0, result.out + result.err


def test_a_merged_dismissal_clears_the_warning_here(
    cli: Cli, garbled: Path, tmp_path: Path
) -> None:
    theirs = imported(cli, tmp_path / "theirs.db")
    assert dismiss(cli, theirs, "Russia", "Ukraine", "bodies").code == 0
    assert conflicts(cli, garbled)[0]["warnings"] == [WARNING]
    assert cli("merge", garbled, theirs).code == 0
    assert conflicts(cli, garbled) == []
    assert cli("check", garbled).code == 0


def test_upgrading_a_file_of_schema_6_brings_its_lows_up_to_the_rule(
    cli: Cli, garbled: Path, tmp_path: Path
) -> None:
    """A file written before the rule holds lows that ignore the warning."""
    with sqlite3.connect(garbled) as connection:
        connection.execute("UPDATE flow_state SET low = high")
        connection.execute("UPDATE exchange_days SET low = high")
    connection.close()
    sqlite3.connect(garbled).execute("PRAGMA user_version = 6").connection.close()
    with Ledger.open(garbled, read_only=True) as ledger:
        version = ledger.conn.execute("PRAGMA user_version").fetchone()[0]
        lows = dict(
            ledger.conn.execute(
                "SELECT from_party, low FROM flow_state WHERE event_id = ?", (EVENT,)
            ).fetchall()
        )
    assert version == SCHEMA_VERSION
    assert lows == {"Russia": 0, "Ukraine": 0}
    assert cli("check", garbled).code == 0


# ---- in the window ----------------------------------------------------------------------


def test_the_window_counts_the_warning_and_the_chart_shows_the_doubt(
    qtbot,  # noqa: ANN001
    cli: Cli,
    garbled: Path,
) -> None:
    window = open_window(qtbot, garbled)
    qtbot.waitUntil(lambda: "1 to review" in window.status_label.text())
    chart = window.chart_pane
    chart.set_category("bodies")
    ukraine = chart.plotted_series()["Ukraine"].received
    assert (ukraine.best[-1], ukraine.low[-1], ukraine.high[-1]) == (2412, 1212, 2412)
    assert chart.party_items["Ukraine"].band.has_band()
    pane = window.review_pane
    assert pane.queue_ids() == [EVENT]
    assert "1</b> to review, 1 with a possible reversed direction" in pane.counter.text()
    pane.show_event(EVENT)
    pane.rationale.setFocus()
    type_text(qtbot, "Both readings are plausible; kept both.")
    with qtbot.waitSignal(window.notifier.changed, timeout=5000):
        pane.dismiss_button.click()
    assert pane.queue_ids() == []
    shortcut(qtbot, window, "Ctrl+3")  # the chart draws what changed out of its sight
    ukraine = chart.plotted_series()["Ukraine"].received
    assert (ukraine.best[-1], ukraine.low[-1], ukraine.high[-1]) == (2412, 2412, 2412)
    assert not chart.party_items["Ukraine"].band.has_band()
    qtbot.waitUntil(lambda: "0 to review" in window.status_label.text())
    window.events_pane.show_to_review()
    assert window.events_pane.model.rowCount() == 0


def test_the_review_takes_the_warning_and_its_two_flows_first(garbled: Path) -> None:
    """fields_to_decide: the store orders an event's fields for the pane (no Qt)."""
    from desktop_app.domain.records import FieldKey, FlowKey
    from desktop_app.store.review import fields_to_decide

    ru_ua, ua_ru = FlowKey("Russia", "Ukraine", "bodies"), FlowKey("Ukraine", "Russia", "bodies")
    with Ledger.open(garbled, read_only=True) as ledger:
        review = fields_to_decide(ledger, EVENT)
        assert fields_to_decide(ledger, "no-such-event") is None
    assert review is not None
    assert review.fields == [
        (FieldKey.direction(ru_ua), "warning"),
        (FieldKey.count(ru_ua), "open"),
        (FieldKey.count(ua_ru), "open"),
        (FieldKey.date(), "quiet"),
        (FieldKey.location(), "quiet"),
    ]
    assert review.in_question == {FieldKey.count(ru_ua), FieldKey.count(ua_ru),
                                  FieldKey.direction(ru_ua)}  # fmt: skip
    assert [r["source_name"] for r in review.reports][0].startswith("Article:")
    assert set(review.domain_reports) == {r["id"] for r in review.reports}
