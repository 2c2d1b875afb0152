"""A reviewer works through the queue in the real window, from the keyboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV, GARBLED_CSV, write_csv
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle
from ui_helpers import USER, focused, open_window, press, shortcut, type_text

from desktop_app.domain.records import FieldKey, Flow, FlowKey
from desktop_app.store import queries
from desktop_app.store.check import repair
from desktop_app.store.events import event_title
from desktop_app.store.importer import REPORT_COLUMNS, apply_import, plan_import
from desktop_app.store.ledger import Ledger, ReportInput
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.words import WINDOW_WORDS


def imported(path: Path, csv_path: Path) -> Path:
    with Ledger.open(path) as ledger:
        plan = plan_import(ledger, csv_path, "importer")
        assert not plan.errors, plan.errors
        apply_import(ledger, plan, "importer")
    return path


def row(**values: str) -> list[str]:
    cells = dict.fromkeys(REPORT_COLUMNS, "")
    cells.update(recorded_by="r", recorded_at="2025-01-01T00:00:00Z", event_type="exchange")
    cells.update(values)
    return [cells[column] for column in REPORT_COLUMNS]


def disputed_csv(path: Path) -> Path:
    """One exchange whose three reports disagree on date, location and two counts, and a
    second event whose two reports disagree on one count."""
    flows = [("pows", "Russia", "Ukraine"), ("pows", "Ukraine", "Russia")]
    counts = [("207", "95"), ("195", "90"), ("207", "95")]
    dates = ["2024-10-18", "2024-10-19", "2024-10-18"]
    places = ["Sumy", "Kharkiv", "sumy"]
    rows = []
    for number, (day, place, pair) in enumerate(zip(dates, places, counts, strict=True)):
        for (category, from_party, to_party), count in zip(flows, pair, strict=True):
            rows.append(
                row(
                    report_id=f"R{number + 1}",
                    event_id="swap",
                    event_date=day,
                    location=place,
                    category=category,
                    from_party=from_party,
                    to_party=to_party,
                    count=count,
                    source_name=f"Source {number + 1}",
                    quote=f"quote {number + 1}",
                )
            )
    for number, count in enumerate(("40", "44")):
        rows.append(
            row(
                report_id=f"S{number + 1}",
                event_id="small",
                event_date="2024-11-02",
                category="civilians",
                from_party="Russia",
                to_party="Ukraine",
                count=count,
                source_name=f"Other {number + 1}",
            )
        )
    return write_csv(path, list(REPORT_COLUMNS), rows)


def decide_by_keyboard(
    qtbot,
    window: MainWindow,
    report_number: int | None,
    value: str = "",
    rationale: str = "because",
) -> None:  # noqa: ANN001, E501
    pane = window.review_pane
    pane.value.setFocus()
    if report_number is not None:
        shortcut(qtbot, window, f"Alt+{report_number}")
    else:
        pane.value.selectAll()
        type_text(qtbot, value)
    shortcut(qtbot, window, "Alt+W")
    assert focused() is pane.rationale
    type_text(qtbot, rationale)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def conflicts_json(cli, path: Path) -> list[dict]:  # noqa: ANN001
    result = cli("conflicts", path, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_the_13_june_warning_is_cleared_by_deciding_the_doubtful_flow(
    qtbot,
    tmp_path: Path,
    cli,  # noqa: ANN001
) -> None:
    path = imported(tmp_path / "ledger.db", GARBLED_CSV)
    window = open_window(qtbot, path)
    pane = window.review_pane
    assert pane.queue_ids() == ["bodies-2025-06-13"]
    assert "reversed" in window.events_pane.model.data(window.events_pane.model.index(3, 5))
    # a warning leaves the status as it is, in the queue as in the events table
    assert pane.queue_model.data(pane.queue_model.index(0, 1)) == "consistent ⚠"
    pane.value.setFocus()
    shortcut(qtbot, window, "F8")
    assert pane.event_id == "bodies-2025-06-13"
    assert pane.current_field() == FieldKey.direction(FlowKey("Russia", "Ukraine", "bodies"))
    # The article's literal reading (Ukraine → Russia) is the garble: decide it as 0.
    shortcut(qtbot, window, "F6")
    shortcut(qtbot, window, "F6")
    assert pane.current_field() == FieldKey.count(FlowKey("Ukraine", "Russia", "bodies"))
    decide_by_keyboard(qtbot, window, None, "0", "The article garbles the direction.")
    assert pane.queue_ids() == []
    with Ledger.open(path, read_only=True) as ledger:
        decisions = queries.decisions_in_force(ledger)
        assert [(d["field"], d["from_party"], d["value"]) for d in decisions] == [
            ("count", "Ukraine", "0")
        ]
        assert decisions[0]["resolved_by"] == USER
        final = {(r.party, r.category): r for r in queries.balance(ledger)}
    assert final[("Russia", "bodies")].received_best == 27
    assert final[("Ukraine", "bodies")].received_best == 1212 + 1200
    balance = cli("balance", path, "--csv").out.splitlines()
    assert balance[-2].startswith("2025-06-13,bodies,Russia,27,27,27,")


def test_the_provenance_says_why_a_doubted_flows_low_is_0(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """ "best 1,200, low 0, high 1,200" over one report of 1,200: nothing said where the 0
    came from."""
    window = open_window(qtbot, imported(tmp_path / "ledger.db", GARBLED_CSV))
    pane = window.review_pane
    pane.show_event("bodies-2025-06-13")
    shortcut(qtbot, window, "F6")
    shortcut(qtbot, window, "F6")
    assert pane.current_field() == FieldKey.count(FlowKey("Ukraine", "Russia", "bodies"))
    history = pane.history.toPlainText()
    assert ", low 0, " in history
    assert "low 0: a possible reversed direction stands on this pair" in history
    rows = window.ledger.conn.execute(
        "SELECT event_id, from_party, to_party, category FROM flow_state"
    ).fetchall()
    doubted = set()
    for event_id, *flow in rows:  # every flow's provenance, as the pane shows it
        pane.show_event(event_id)
        pane._choose_field(FieldKey.count(FlowKey(*flow)))
        if "low 0: a possible reversed direction" in pane.history.toPlainText():
            doubted.add((event_id, FlowKey(*flow)))
    pair = (FlowKey("Russia", "Ukraine", "bodies"), FlowKey("Ukraine", "Russia", "bodies"))
    assert doubted == {("bodies-2025-06-13", flow) for flow in pair}


def test_a_warning_can_be_dismissed_with_a_rationale(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", GARBLED_CSV)
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.show_event("bodies-2025-06-13")
    pane.dismiss_button.click()
    assert "rationale is required" in pane.error.text()
    pane.rationale.setFocus()
    type_text(qtbot, "Both readings are plausible; kept both.")
    pane.dismiss_button.click()
    assert pane.queue_ids() == []
    with Ledger.open(path, read_only=True) as ledger:
        assert queries.decisions_in_force(ledger) == []  # a dismissal is not a value
        status = ledger.conn.execute(
            "SELECT status, reversed FROM event_state WHERE event_id = 'bodies-2025-06-13'"
        ).fetchone()
    assert status == ("resolved", "[]")  # a dismissal is a decision


def test_the_warning_is_dismissed_from_the_keyboard_and_ctrl_enter_says_why_not(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """Ctrl+Enter on the warning decided nothing and said nothing: the reviewer believed
    the warning dealt with. It now says what to do; Alt+D dismisses it."""
    window = open_window(qtbot, imported(tmp_path / "ledger.db", GARBLED_CSV))
    pane = window.review_pane
    shortcut(qtbot, window, "F8")
    assert pane.current_field() == FieldKey.direction(FlowKey("Russia", "Ukraine", "bodies"))
    shortcut(qtbot, window, "Alt+W")
    type_text(qtbot, "Both readings are plausible; kept both.")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pane.error.text().startswith("This is a warning, not a value to decide")
    assert pane.queue_ids() == ["bodies-2025-06-13"]  # nothing decided
    shortcut(qtbot, window, "Alt+D")
    assert pane.queue_ids() == []
    assert status_of(window, "bodies-2025-06-13") == "resolved"


def test_alt_d_dismisses_from_the_record_workspace_too(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """The form's Credibility label took Alt+D as its mnemonic: from Record the first
    press went to that field, the second was an ambiguous shortcut that did nothing."""
    window = open_window(qtbot, imported(tmp_path / "ledger.db", GARBLED_CSV))
    pane = window.review_pane
    shortcut(qtbot, window, "F8")
    shortcut(qtbot, window, "Alt+W")
    type_text(qtbot, "Both readings are plausible; kept both.")
    shortcut(qtbot, window, "Ctrl+1")  # Record: the form's labels are on screen
    window.events_pane.view.setFocus()
    assert window.workspaces.currentIndex() == 0
    shortcut(qtbot, window, "Alt+D")
    assert window.workspaces.currentIndex() == 1  # the Review, brought into view
    assert pane.queue_ids() == []
    assert status_of(window, "bodies-2025-06-13") == "resolved"


def test_alt_d_on_an_event_out_of_the_queue_leaves_no_other_event_highlighted(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """From Record, on the 11 June exchange (nothing to review), Alt+D showed that event
    beside the queue's highlighted 13 June warning, and said it had no warning to dismiss:
    it read as false next to the row. The queue highlights nothing then."""
    window = open_window(qtbot, imported(tmp_path / "ledger.db", GARBLED_CSV))
    pane = window.review_pane
    shortcut(qtbot, window, "F8")  # the queue's warning, highlighted
    assert pane.queue.currentIndex().isValid()
    shortcut(qtbot, window, "Ctrl+1")
    events = window.events_pane
    events.view.setFocus()
    events.view.selectRow(events.model.position("bodies-2025-06-11"))
    shortcut(qtbot, window, "Alt+D")
    assert window.workspaces.currentIndex() == 1 and pane.event_id == "bodies-2025-06-11"
    assert not pane.queue.currentIndex().isValid()
    assert not pane.queue.selectionModel().hasSelection()


def test_a_warning_that_comes_while_its_event_is_shown_is_the_field_chosen(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """The article's report of 13 June was in view, its date chosen (nothing disputed);
    Saraliyev's report, in the other direction, made the warning, and the date stayed
    chosen: the first decision went to the date, with the warning's rationale."""
    path = tmp_path / "ledger.db"
    article = Flow(FlowKey("Ukraine", "Russia", "bodies"), 1200)
    with Ledger.open(path) as ledger:
        report = ReportInput("exchange", "Article", "2025-06-13", flows=(article,))
        ledger.add_report(report, "t", event_id="e13")
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.show_event("e13")
    assert pane.current_field() == FieldKey.date()
    saraliyev = Flow(FlowKey("Russia", "Ukraine", "bodies"), 1200)
    report = ReportInput("exchange", "Saraliyev", "2025-06-13", flows=(saraliyev,))
    window.ledger.add_report(report, "t", event_id="e13")
    window.session.notify_all()
    qtbot.waitUntil(lambda: pane.current_field() != FieldKey.date())
    field = pane.current_field()
    assert field is not None and field.field == "direction", field
    pane.show_event("e13")  # shown again with nothing new to decide: the field stays
    assert pane.current_field() == field


def test_several_disputed_fields_are_decided_by_keyboard(
    qtbot,
    tmp_path: Path,
    cli,  # noqa: ANN001
) -> None:
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    assert pane.queue_ids() == ["swap", "small"]
    qtbot.waitUntil(lambda: "2 to review" in window.status_label.text())
    pane.value.setFocus()
    shortcut(qtbot, window, "F8")
    assert pane.event_id == "swap"
    labels = [pane.field_choice.itemText(i) for i in range(pane.field_choice.count())]
    assert labels[:4] == [
        "● date",
        "● location",
        "● pows Russia → Ukraine",
        "● pows Ukraine → Russia",
    ]
    decide_by_keyboard(qtbot, window, 1)  # date 2024-10-18 from report 1
    decide_by_keyboard(qtbot, window, 2)  # location Kharkiv from report 2
    decide_by_keyboard(qtbot, window, None, "201")  # a value of the reviewer's own
    decide_by_keyboard(qtbot, window, 3)  # 95, following report 3
    assert pane.queue_ids() == ["small"]
    assert pane.event_id == "small"
    qtbot.waitUntil(lambda: "1 to review" in window.status_label.text())
    with Ledger.open(path, read_only=True) as ledger:
        decided = {
            (d["field"], d["from_party"]): (d["value"], d["report_id"])
            for d in queries.decisions_in_force(ledger)
        }
        state = ledger.conn.execute(
            "SELECT status, date, location FROM event_state WHERE event_id = 'swap'"
        ).fetchone()
        flows = dict(
            ledger.conn.execute(
                "SELECT from_party, best || '/' || low || '/' || high FROM flow_state"
                " WHERE event_id = 'swap'"
            )
        )
    assert decided == {
        ("date", ""): ("2024-10-18", "R1"),
        ("location", ""): ("Kharkiv", "R2"),
        ("count", "Russia"): ("201", None),
        ("count", "Ukraine"): ("95", "R3"),
    }
    assert state == ("resolved", "2024-10-18", "Kharkiv")
    assert flows == {"Russia": "201/201/201", "Ukraine": "95/95/95"}
    assert [event["event_id"] for event in conflicts_json(cli, path)] == ["small"]
    balance = {(r.party, r.category): r for r in queries.balance(Ledger.open(path, read_only=True))}
    assert balance[("Ukraine", "pows")].received_best == 201
    assert balance[("Ukraine", "pows")].received_low == 201


def test_a_decision_without_a_rationale_is_refused_visibly(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.show_event("small")
    pane.value.setFocus()
    shortcut(qtbot, window, "Alt+1")
    assert pane.value.text() == "40"
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "rationale is required" in pane.error.text()
    assert pane.error.isVisible()
    assert window.ledger.count("resolutions") == 0
    assert "small" in pane.queue_ids()


def decide_small(window: MainWindow, value: str = "40") -> None:
    window.ledger.resolve(
        "small",
        FieldKey.count(FlowKey("Russia", "Ukraine", "civilians")),
        value,
        "the official figure",
        "Reviewer",
    )
    window.session.notify_all()


def status_of(window: MainWindow, event_id: str) -> str:
    return window.ledger.conn.execute(
        "SELECT status FROM event_state WHERE event_id = ?", (event_id,)
    ).fetchone()[0]


def contradicting(count: int) -> ReportInput:
    flow = Flow(FlowKey("Russia", "Ukraine", "civilians"), count)
    return ReportInput("exchange", "Late source", "2024-11-02", flows=(flow,))


def test_a_contradicting_report_from_the_form_reopens_the_event(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    decide_small(window)
    assert "small" not in window.review_pane.queue_ids()
    form = window.form
    form.new_report_for("small")
    type_text(qtbot, "Late source")
    form.claimed_date.line.setFocus()
    type_text(qtbot, "2024-11-02")
    form.flows.add_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    type_text(qtbot, "civilians")
    for text in ("Russia", "Ukraine", "48"):
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert status_of(window, "small") == "reopened"
    assert window.statusBar().currentMessage() == (  # said at once, not only in a table
        "Saved: Add report from Late source. It contradicts a decided value: the event is"
        " reopened for review (F8)."
    )
    assert window.review_pane.queue_ids()[-1] == "small"
    flows = window.ledger.conn.execute(
        "SELECT best, low, high FROM flow_state WHERE event_id = 'small'"
    ).fetchone()
    assert flows == (40, 40, 40)  # the decided value stays in force
    window.review_pane.show_event("small")
    headers = [
        window.review_pane.comparison.horizontalHeaderItem(c).text()
        for c in range(window.review_pane.comparison.columnCount())
    ]
    assert headers[-1] == "Report 3  ★ new"


def test_counts_side_by_side_are_grouped_as_everywhere_else(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    window.ledger.add_report(contradicting(1210), "Someone", event_id="small")
    pane = window.review_pane
    pane.show_event("small")
    table = pane.comparison
    cells = [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
        if table.item(row, 0) is not None
    ]
    assert ["40", "44", "1,210"] in cells, cells  # "1210" before, "1,210" in the queue


def test_with_nothing_to_review_nothing_can_be_decided(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", EXAMPLE_CSV)  # every event agrees with itself
    window = open_window(qtbot, path)
    pane = window.review_pane
    assert pane.queue_ids() == [] and pane.current_field() is None
    for control in (pane.decide_button, pane.dismiss_button, pane.value, pane.rationale):
        assert not control.isEnabled(), control.accessibleName()
    path = imported(tmp_path / "disputed.db", disputed_csv(tmp_path / "reports.csv"))
    pane = open_window(qtbot, path).review_pane
    pane.show_event("small")
    assert pane.decide_button.isEnabled() and pane.value.isEnabled()


def test_the_empty_comparison_says_why_it_is_empty(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """No blank white area: with nothing to review, and before an event is chosen, the
    place of the reports side by side says why it holds none."""
    window = open_window(qtbot, imported(tmp_path / "ledger.db", EXAMPLE_CSV))
    pane = window.review_pane
    shortcut(qtbot, window, "Ctrl+2")
    assert pane.comparison_place.currentWidget() is pane.nothing_shown
    assert pane.nothing_shown.text().startswith("Nothing to review: no event has reports")

    disputed = imported(tmp_path / "disputed.db", disputed_csv(tmp_path / "r.csv"))
    window = open_window(qtbot, disputed)
    pane = window.review_pane
    assert pane.comparison_place.currentWidget() is pane.nothing_shown
    assert pane.nothing_shown.text().startswith("Choose an event in the queue (or press F8)")
    shortcut(qtbot, window, "F8")
    assert pane.event_id == "swap"
    assert pane.comparison_place.currentWidget() is pane.comparison
    assert pane.comparison.columnCount() == 3
    decide_small(window)  # every disagreement decided: the queue empties
    for field, value in (
        (FieldKey.date(), "2024-10-18"),
        (FieldKey.location(), "Sumy"),
        (FieldKey.count(FlowKey("Russia", "Ukraine", "pows")), "207"),
        (FieldKey.count(FlowKey("Ukraine", "Russia", "pows")), "95"),
    ):
        window.ledger.resolve("swap", field, value, "the most detailed report", "Reviewer")
    window.session.notify_all()
    assert pane.queue_ids() == []
    pane.show_event("")
    assert pane.comparison_place.currentWidget() is pane.nothing_shown
    assert pane.nothing_shown.text().startswith("Nothing to review")


def test_an_agreeing_report_does_not_reopen(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    decide_small(window)
    window.ledger.add_report(contradicting(40), "Someone", event_id="small")
    assert status_of(window, "small") == "resolved"


def test_a_contradicting_import_reopens_the_event(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    decide_small(window)
    late = write_csv(
        tmp_path / "late.csv",
        list(REPORT_COLUMNS),
        [
            row(
                event_id="small",
                event_date="2024-11-02",
                category="civilians",
                from_party="Russia",
                to_party="Ukraine",
                count="47",
                source_name="Late source",
            )
        ],
    )
    window.transfers.import_file(late)
    assert status_of(window, "small") == "reopened"
    assert "small" in window.review_pane.queue_ids()


def test_a_contradicting_merge_reopens_the_event(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    other = imported(tmp_path / "other.db", disputed_csv(tmp_path / "reports.csv"))
    with Ledger.open(other) as theirs:
        theirs.add_report(contradicting(46), "Colleague", event_id="small")
    window = open_window(qtbot, path)
    window.review_pane.show_event("small")
    decide_by_keyboard(qtbot, window, 1, rationale="the official figure")  # undoable
    assert status_of(window, "small") == "resolved" and window.session.undo_stack.canUndo()
    window.transfers.merge_file(other)
    assert status_of(window, "small") == "reopened"
    assert "small" in window.review_pane.queue_ids()
    # Undo does not reach back past the merge, whose records an earlier undo could undo.
    assert not window.session.undo_stack.canUndo()
    assert "Undo starts afresh" in window.transfers.last_message
    shortcut(qtbot, window, "Ctrl+Z")
    assert status_of(window, "small") == "reopened"


def test_undo_of_a_decision_restores_the_event_to_the_queue(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.show_event("small")
    decide_by_keyboard(qtbot, window, 2, rationale="latest figure")
    assert "small" not in pane.queue_ids()
    pane.queue.setFocus()  # in a text field, Ctrl+Z undoes the typing
    shortcut(qtbot, window, "Ctrl+Z")
    assert "small" in pane.queue_ids()
    assert status_of(window, "small") == "conflict"
    row_ = window.ledger.conn.execute(
        "SELECT withdrawn_at, withdrawn_by FROM resolutions"
    ).fetchone()
    assert row_[0] is not None and row_[1] == USER
    shortcut(qtbot, window, "Ctrl+Shift+Z")
    assert "small" not in pane.queue_ids()


def test_ctrl_z_right_after_a_decision_undoes_it(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The decision leaves the cursor in the empty Value box, which has nothing of its
    own to undo: Ctrl+Z there takes the decision back. In a box typed in, Ctrl+Z undoes
    the typing, and pressed once more does not reach past it to the decision."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.show_event("small")
    decide_by_keyboard(qtbot, window, 2, rationale="latest figure")
    assert status_of(window, "small") == "resolved"
    assert focused() is pane.value  # where the decision leaves the cursor
    shortcut(qtbot, window, "Ctrl+Z")
    assert status_of(window, "small") == "conflict" and "small" in pane.queue_ids()
    shortcut(qtbot, window, "Ctrl+Shift+Z")
    assert status_of(window, "small") == "resolved"
    pane.show_event("small")
    pane.value.setFocus()
    type_text(qtbot, "4")
    shortcut(qtbot, window, "Ctrl+Z")  # the typing
    assert pane.value.text() == "" and status_of(window, "small") == "resolved"
    shortcut(qtbot, window, "Ctrl+Z")  # once too often: the box keeps it, the decision stays
    assert status_of(window, "small") == "resolved"
    pane.rationale.setFocus()
    shortcut(qtbot, window, "Ctrl+Shift+Z")  # an empty rationale box lets redo through too
    assert status_of(window, "small") == "resolved"


def test_the_history_lists_every_decision_in_order(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.show_event("small")
    decide_by_keyboard(qtbot, window, 1, rationale="first thought")
    pane.show_event("small")
    decide_by_keyboard(qtbot, window, None, "44", rationale="second thought")
    pane.show_event("small")
    text = pane.history.toPlainText()
    first, second = text.index("first thought"), text.index("second thought")
    assert first < second
    assert "— → 40" in text and "40 → 44" in text
    assert "Where civilians Russia → Ukraine comes from: best 44" in text
    # reports are named for people: their number and source, never their id
    assert "following report 1 (Other 1)" in text
    assert "report 2 (Other 2), graded F6: 44 exact" in text
    assert "S1" not in text and "S2" not in text


def test_a_decided_count_is_grouped_in_the_history_and_the_status_bar(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """The history read "— → 1212" two lines above "best 1,212", and so did the status bar
    and the undo text: counts are printed as the language groups them everywhere else."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    window.review_pane.show_event("small")
    decide_by_keyboard(qtbot, window, None, "1212", rationale="the ministry's later figure")
    assert window.statusBar().currentMessage().endswith(": 1,212 (2024-11-02 exchange).")
    assert window.session.undo_stack.undoText().endswith(": 1,212 (2024-11-02 exchange)")
    window.review_pane.show_event("small")
    history = window.review_pane.history.toPlainText()
    assert "— → 1,212" in history
    assert "decision in force: 1,212 by" in history  # the provenance too


def test_the_queue_sorts_by_spread_and_says_what_is_left(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    assert "2</b> to review" in pane.counter.text()
    entries = {entry.event_id: entry for entry in pane.queue_model.entries}
    assert entries["swap"].largest == "207 vs 195 POWs Russia→Ukraine"
    assert entries["small"].largest == "44 vs 40 civilians Russia→Ukraine"
    pane.sort_order.setCurrentIndex(1)
    assert pane.queue_ids() == ["small", "swap"]  # 4/44 > 12/207


def test_review_controls_have_their_labels_as_accessible_names(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_window(qtbot, tmp_path / "ledger.db")
    pane = window.review_pane
    for widget, name in {
        pane.field_choice: "Field",
        pane.value: "Value",
        pane.rationale: "Rationale",
        pane.decide_button: "Decide",
        pane.dismiss_button: "Dismiss the warning",
        pane.queue: "Review queue",
    }.items():
        assert widget.accessibleName() == name


def test_a_decision_shows_in_the_chart_once_looked_at_and_in_the_status_bar_after(
    qtbot, tmp_path: Path
) -> None:  # noqa: ANN001
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    chart = window.chart_pane
    chart.set_category("civilians")
    ukraine = chart.plotted_series()["Ukraine"].received
    assert (ukraine.low[-1], ukraine.high[-1]) == (40, 44)
    qtbot.waitUntil(lambda: "2 to review" in window.status_label.text())
    pane = window.review_pane
    assert pane.counter.accessibleName() == "2 to review"  # what the eye reads
    pane.show_event("small")
    with qtbot.waitSignal(window.notifier.changed, timeout=5000):
        decide_by_keyboard(qtbot, window, 2, rationale="the later count")
    shortcut(qtbot, window, "Ctrl+3")  # drawn as it comes into sight
    ukraine = chart.plotted_series()["Ukraine"].received
    assert (ukraine.best[-1], ukraine.low[-1], ukraine.high[-1]) == (44, 44, 44)  # no band
    qtbot.waitUntil(lambda: "1 to review" in window.status_label.text())


def test_clicking_in_the_chart_selects_the_event_in_the_table_and_the_review(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    window.chart_pane.event_selected.emit("small")
    assert window.events_pane.selected_event() == "small"
    assert window.review_pane.event_id == "small"
    assert window.event_pane.event_id == "small"
    window.events_pane.select_event("swap")
    window.session.event_selected.emit("swap")
    assert window.chart_pane.selection_lines[0].isVisible()


def test_the_history_shows_typed_text_as_typed_and_where_each_decision_stands(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A rationale citing "<https://…>" lost its address, and "<b>" turned bold: the
    history read what people typed as markup. And no line said which decision is in force."""
    from desktop_app.store.review import decision_history

    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "d.csv"))
    why = "Per the outlet <https://example.org/a> & HQ<br>see <b>note</b>"
    with Ledger.open(path) as ledger:
        ledger.resolve("swap", FieldKey("location"), "Sumy", "first look", "Ann", "R1")
        ledger.resolve("swap", FieldKey("location"), "Kharkiv", why, "<i>Reviewer J</i>", "R2")
        # A colleague's decision made earlier, written later (as a merge writes it).
        ledger.resolve("swap", FieldKey("location"), "Sumy", "older", "Bob", "R1")
        ledger.conn.execute(
            "UPDATE resolutions SET resolved_at = '2000-01-01T00:00:00Z' WHERE rationale = 'older'"
        )
        history = decision_history(ledger, "swap")
    assert [(entry["old"], entry["value"], entry["state"]) for entry in history] == [
        ("Sumy", "Sumy", "superseded"),  # Bob's, made before it, was in force then
        ("Sumy", "Kharkiv", "in_force"),
        ("", "Sumy", "superseded"),  # nothing was decided before it, when it was made
    ]
    window = open_window(qtbot, path)
    window.show_workspace(1)
    window.review_pane.show_event("swap")
    text = window.review_pane.history.toPlainText()
    assert f"“{why}”" in text
    assert "<i>Reviewer J</i> · location: Sumy → Kharkiv, following report 2" in text
    assert text.count("(in force)") == 1 and text.count("(superseded)") == 2


@pytest.mark.parametrize("same_second", [False, True])
def test_a_decisions_old_value_stays_what_was_in_force_when_it_was_made(
    tmp_path: Path, same_second: bool
) -> None:
    """Decide Sumy, then Kharkiv, then undo both: the history rewrote the second as
    "— → Kharkiv", as if nothing had been in force then; a withdrawal is audited, never
    an erasure of what a decision replaced. In one second, the audit trail's order says."""
    from desktop_app.store.review import decision_history

    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "d.csv"))
    with Ledger.open(path) as ledger:
        first, _ = ledger.resolve("swap", FieldKey("location"), "Sumy", "first", "Ann", "R1")
        second, _ = ledger.resolve("swap", FieldKey("location"), "Kharkiv", "then", "Ann", "R2")
        if not same_second:
            ledger.conn.execute(
                "UPDATE resolutions SET resolved_at = '2025-01-01T00:00:00Z' WHERE id = ?",
                (first,),
            )
        ledger.withdraw_resolution(second, "Ann")
        ledger.withdraw_resolution(first, "Ann")
        third, _ = ledger.resolve("swap", FieldKey("location"), "Kyiv", "again", "Ann", None)
        history = decision_history(ledger, "swap")
    assert [(entry["old"], entry["value"], entry["state"]) for entry in history] == [
        ("", "Sumy", "withdrawn"),
        ("Sumy", "Kharkiv", "withdrawn"),  # Sumy was in force when Kharkiv was decided
        ("", "Kyiv", "in_force"),  # both were withdrawn by then
    ]


def test_a_rationale_stays_with_the_event_it_was_written_for(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Written for one event, it stayed in the box on the next (F8, or the pane moving on
    after a change elsewhere), and Ctrl+Enter filed it under that event's decision."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "d.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    shortcut(qtbot, window, "F8")
    first = pane.event_id
    shortcut(qtbot, window, "Alt+W")
    type_text(qtbot, "HQ names the crossing")
    shortcut(qtbot, window, "F8")
    assert pane.event_id != first
    assert pane.rationale.toPlainText() == ""
    shortcut(qtbot, window, "Alt+1")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.ledger.count("resolutions") == 0  # no rationale here: refused
    shortcut(qtbot, window, "Shift+F8")
    assert pane.event_id == first
    assert pane.rationale.toPlainText() == "HQ names the crossing"


def test_a_rationale_used_by_a_decision_does_not_come_back(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The decision that moved the pane on kept its rationale aside for its event: after
    Ctrl+Z, or a report that reopened the event, the box held it again, and Ctrl+Enter
    filed it under a decision of another value. The next event's own stays."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "d.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    shortcut(qtbot, window, "F8")
    first = pane.event_id
    shortcut(qtbot, window, "F8")
    second = pane.event_id
    shortcut(qtbot, window, "Alt+W")
    type_text(qtbot, "kept for the second")
    shortcut(qtbot, window, "Shift+F8")
    assert pane.event_id == first
    fields = len([state for _field, state in pane.fields if state == "open"])
    for _ in range(fields):  # every disputed field of the first, so that it leaves the queue
        shortcut(qtbot, window, "Alt+1")
        shortcut(qtbot, window, "Alt+W")
        type_text(qtbot, "Source 1 is the official figure")
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.event_id == second)
    assert pane.rationale.toPlainText() == "kept for the second"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: first in pane.queue_ids())
    shortcut(qtbot, window, "Shift+F8")
    assert pane.event_id == first
    assert pane.rationale.toPlainText() == ""
    shortcut(qtbot, window, "Alt+2")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "rationale is required" in pane.error.text()


def test_undo_and_redo_of_a_decision_bring_its_event_into_view(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The last decision on an event moves the pane on; Ctrl+Z then withdrew it, and
    Ctrl+Shift+Z put it back, on an event nobody saw, said only as "Decide civilians
    Russia → Ukraine: 40" among many such."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "d.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    shortcut(qtbot, window, "F8")
    shortcut(qtbot, window, "F8")
    assert pane.event_id == "small"
    decide_by_keyboard(qtbot, window, 1)
    qtbot.waitUntil(lambda: pane.event_id == "swap")
    shortcut(qtbot, window, "Ctrl+Z")
    assert pane.event_id == "small" and status_of(window, "small") == "conflict"
    said = window.statusBar().currentMessage()
    assert said == "Undone: Decide civilians Russia → Ukraine: 40 (2024-11-02 exchange)."
    pane.queue.setFocus()
    shortcut(qtbot, window, "Shift+F8")  # away, then Ctrl+Shift+Z
    assert pane.event_id == "swap"
    shortcut(qtbot, window, "Ctrl+Shift+Z")
    assert pane.event_id == "small" and status_of(window, "small") == "resolved"


def test_a_double_click_on_a_reports_value_takes_it(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Only Alt+1…9 took a report's value: clicking the value itself did nothing."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "d.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.show_event("swap")
    table = pane.comparison
    pows = FieldKey.count(FlowKey("Russia", "Ukraine", "pows"))
    row = pane.in_question.index(pows)
    cell = table.visualItemRect(table.item(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert pane.current_field() == pows
    assert pane.value.text() == "195"
    assert pane.picked_label.text() == "following report 2 (Source 2)"


def test_days_a_narrow_column_cuts_stay_apart(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Seven reports at half a 1920-pixel screen: each disputed day showed as "2024-10-…",
    so the 18th, 19th and 20th looked the same. A cut value keeps both ends."""
    days = ["2024-10-18", "2024-10-19", "2024-10-18", "2024-10-20", "2024-10", "2024", "2024"]
    rows = [
        row(report_id=f"R{n}", event_id="big", event_date=day, source_name=f"Source {n}")
        for n, day in enumerate(days, start=1)
    ]
    window = open_window(
        qtbot,
        imported(tmp_path / "l.db", write_csv(tmp_path / "f.csv", list(REPORT_COLUMNS), rows)),
    )
    window.resize(960, 800)
    shortcut(qtbot, window, "Ctrl+2")
    pane = window.review_pane
    pane.show_event("big")
    qtbot.wait(50)
    table = pane.comparison
    cells = [table.item(0, column) for column in range(len(days))]
    assert [cell.text() for cell in cells] == days and all(cell.toolTip() for cell in cells)
    shown = []
    for column, cell in enumerate(cells):
        metrics = QFontMetrics(cell.font())
        room = (
            table.columnWidth(column)
            - 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
            - 6
        )
        shown.append(metrics.elidedText(cell.text(), table.textElideMode(), room))
    widths = [table.columnWidth(c) for c in range(len(days))]
    assert any("…" in text for text in shown), (shown, widths, window.width())  # too narrow
    assert len({shown[0], shown[1], shown[3]}) == 3, shown  # three days, three texts


def test_a_key_that_cannot_act_here_says_why(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Alt+5 on an event of three reports, and Alt+D where no warning stands, did nothing
    and said nothing (an earlier error stayed, as if it answered)."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "d.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    shortcut(qtbot, window, "F8")
    assert len(pane.reports) == 3
    shortcut(qtbot, window, "Alt+5")
    assert pane.error.text() == "There is no report 5: this event has 3 reports."
    shortcut(qtbot, window, "Alt+W")
    type_text(qtbot, "a reason")
    shortcut(qtbot, window, "Alt+D")
    assert pane.error.text() == (
        "This event has no possible reversed direction to dismiss (Alt+D)."
    )
    assert window.ledger.count("resolutions") == 0


def test_an_event_decided_elsewhere_leaves_the_pane_with_a_word(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Decided by another program while shown, the event gave way to the next one with
    nothing said: the reviewer saw another event under the same hands."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "d.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    shortcut(qtbot, window, "F8")
    shortcut(qtbot, window, "F8")  # the queue's second: "swap", then "small"
    qtbot.waitUntil(lambda: pane.event_id == "small")
    with Ledger.open(path) as other:  # another program's connection to the same file
        count = FieldKey.count(FlowKey("Russia", "Ukraine", "civilians"))
        other.resolve("small", count, "40", "decided elsewhere", "Bob", "S1")
    qtbot.waitUntil(lambda: pane.event_id == "swap", timeout=10000)
    said = window.statusBar().currentMessage()
    assert said.startswith("2024-11-02") and "is no longer to review" in said, said


def test_a_count_side_by_side_says_how_sure_its_report_is(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """ "1,212" stood for a report's "about 1,212": the reviewer deciding between counts did
    not see which were approximate, though the reports' table says so."""
    flow = {"category": "bodies", "from_party": "Russia", "to_party": "Ukraine"}
    rows = [
        row(report_id="A", event_id="e", event_date="2025-06-11", count="1212",
            count_qualifier="approx", source_name="Outlet", **flow),
        row(report_id="B", event_id="e", event_date="2025-06-11", count="1200",
            source_name="HQ", **flow),
    ]  # fmt: skip
    path = imported(
        tmp_path / "ledger.db", write_csv(tmp_path / "q.csv", list(REPORT_COLUMNS), rows)
    )
    window = open_window(qtbot, path)
    window.show_workspace(1)
    pane = window.review_pane
    pane.show_event("e")
    table = pane.comparison
    cells = [table.item(0, column).text() for column in range(table.columnCount())]
    assert sorted(cells) == ["1,200", "1,212 (approx)"]


def test_a_count_of_ones_own_is_taken_as_printed(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The form takes "1,212"; the review's value box refused it."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "d.csv"))
    window = open_window(qtbot, path)
    shortcut(qtbot, window, "F8")
    shortcut(qtbot, window, "F8")  # "small": its one disputed field, a count
    pane = window.review_pane
    assert pane.event_id == "small"
    decide_by_keyboard(qtbot, window, None, value="1,212", rationale="a figure of my own")
    with Ledger.open(path, read_only=True) as ledger:
        assert [row["value"] for row in queries.decisions(ledger)] == ["1212"]


def test_a_bad_value_emptied_takes_its_reason_away(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The reason and "a value of your own" stayed under an emptied Value box."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    shortcut(qtbot, window, "Ctrl+2")
    pane.show_event("small")
    pane.rationale.setPlainText("why")
    pane.value.setFocus()
    type_text(qtbot, "-3")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pane.error.text().startswith("count is '-3'")
    assert pane.picked_label.text() == "a value of your own"
    pane.value.selectAll()
    press(qtbot, Qt.Key.Key_Backspace)
    assert pane.error.text() == "" and pane.picked_label.text() == ""
    assert window.ledger.count("resolutions") == 0


def test_the_rows_side_by_side_are_named_alike(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """ "date" and "location" stood in lower case among Source, Party, Kind…; and the
    queue's bold title over a selected row lost its first letter (".argest …")."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.show_event("swap")
    table = pane.comparison
    rows = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert rows[:2] == ["Date", "Location"] and "Source" in rows
    assert "pows Russia → Ukraine" in rows
    assert not pane.queue.horizontalHeader().highlightSections()


def test_undoing_what_came_after_a_decision_brings_back_the_decided_state(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    cli,  # noqa: ANN001
) -> None:
    """A report deleted or edited after a decision, then undone, came back as written
    after the decision (a new place in the write order), and its event reopened; a
    decision undone and redone after that counted as older than the report. An undo now
    puts the report back at its place, so the event is decided again, here and for
    `conflicts --json`."""
    from desktop_app.ui.commands import DeleteReports, EditReport

    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    window.transfers.import_file(disputed_csv(tmp_path / "disputed.csv"))
    window.activateWindow()
    qtbot.wait(50)
    window.events_pane.view.setFocus()
    shortcut(qtbot, window, "Ctrl+2")
    window.review_pane.show_event("small")
    decide_by_keyboard(qtbot, window, 2, rationale="the later figure")  # 44, as S2 says
    session, stack = window.session, window.session.undo_stack

    def status() -> str:
        query = "SELECT status FROM event_state WHERE event_id = 'small'"
        return str(window.ledger.conn.execute(query).fetchone()[0])

    assert status() == "resolved"
    session.execute(DeleteReports(session, ["S1"], "Delete S1"))
    stack.undo()
    assert status() == "resolved" and window.ledger.count("reports") == 5
    flow = Flow(FlowKey("Russia", "Ukraine", "civilians"), 41)
    edited = ReportInput("exchange", "Other 1", "2024-11-02", flows=(flow,))
    session.execute(EditReport(session, "S1", edited))
    assert status() == "reopened"  # a report written after the decision disagrees
    stack.undo()
    assert status() == "resolved"
    stack.undo()  # the decision
    assert status() == "conflict"
    stack.redo()
    assert status() == "resolved"
    stack.redo()  # the edit again: written after the decision, as it was
    assert status() == "reopened"
    stack.undo()
    window.ledger.checkpoint()
    assert "small" not in {item["event_id"] for item in conflicts_json(cli, path)}
    assert cli("check", path).code == 0


def two_report_events(path: Path, *events: tuple[str, str, tuple[str, str]]) -> Path:
    """Events of two reports each: (id, date, the counts of civilians Russia → Ukraine
    each report states); disputed where the two differ."""
    rows = [
        row(
            report_id=f"{event_id}-{number}",
            event_id=event_id,
            event_date=day,
            category="civilians",
            from_party="Russia",
            to_party="Ukraine",
            count=count,
            source_name=f"Source {number}",
            quote=f"{event_id} {number}",
        )
        for event_id, day, counts in events
        for number, count in enumerate(counts, start=1)
    ]
    return imported(path, write_csv(path.with_suffix(".csv"), list(REPORT_COLUMNS), rows))


THREE_DISPUTED = (
    ("a", "2024-11-01", ("10", "12")),
    ("b", "2024-11-02", ("20", "25")),
    ("c", "2024-11-03", ("30", "39")),
)


def test_an_edit_in_record_that_settles_an_event_keeps_records_selection(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """The Review pane, out of view, moved on to the queue's next event and took Record's
    selection with it: the next Delete there deleted event c, not b."""
    window = open_window(qtbot, two_report_events(tmp_path / "l.db", *THREE_DISPUTED))
    window.session.event_selected.emit("b")
    qtbot.waitUntil(lambda: window.event_pane.event_id == "b")
    window.event_pane.table.setFocus()
    window.event_pane.table.selectRow(1)
    shortcut(qtbot, window, "F2")
    window.form.flows.rows[0].count.setText("20")  # now b's reports agree
    shortcut(qtbot, window, "Ctrl+Return")
    qtbot.waitUntil(lambda: "b" not in window.review_pane.queue_ids())
    qtbot.wait(50)
    assert window.events_pane.selected_event() == "b" and window.event_pane.event_id == "b"


def test_f8_opens_the_next_event_on_its_field_to_decide(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The field list kept the last event's row: after F6 to a's count, F8 opened b on
    its undisputed date, and the decision that followed went there."""
    path = two_report_events(tmp_path / "l.db", *THREE_DISPUTED[:2])
    with Ledger.open(path) as ledger:  # a: its date disputed too, so its count is second
        ledger.conn.execute("UPDATE reports SET claimed_date = '2024-10-01' WHERE id = 'a-2'")
        repair(ledger, "test")
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.value.setFocus()
    shortcut(qtbot, window, "F8")
    assert pane.event_id == "a"
    shortcut(qtbot, window, "F6")
    assert pane.current_field() == FieldKey.count(FlowKey("Russia", "Ukraine", "civilians"))
    shortcut(qtbot, window, "F8")
    assert pane.event_id == "b"
    assert pane.current_field() == FieldKey.count(FlowKey("Russia", "Ukraine", "civilians"))
    decide_by_keyboard(qtbot, window, 1)
    decided = window.ledger.conn.execute("SELECT event_id, field, value FROM resolutions")
    assert decided.fetchall() == [("b", "count", "20")]


def test_f8_shows_the_queue_after_following_an_event_not_to_review(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The pane followed Record to a consistent event; the queue's row stayed current, so
    F8 selected it again and nothing changed, however often it was pressed."""
    events = (("a", "2024-11-01", ("10", "12")), ("x", "2024-11-03", ("5", "5")))
    window = open_window(qtbot, two_report_events(tmp_path / "l.db", *events))
    pane = window.review_pane
    shortcut(qtbot, window, "F8")
    assert pane.event_id == "a"
    shortcut(qtbot, window, "Ctrl+1")
    window.session.event_selected.emit("x")
    qtbot.waitUntil(lambda: pane.event_id == "x")
    shortcut(qtbot, window, "F8")
    assert pane.event_id == "a" and window.events_pane.selected_event() == "a"


def test_a_change_elsewhere_keeps_the_value_picked_for_the_field(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Every import, merge or write of another program emptied the value taken with Alt+2
    and the report it followed; the rationale stayed, without its value."""
    path = two_report_events(tmp_path / "l.db", *THREE_DISPUTED[:2])
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.value.setFocus()
    shortcut(qtbot, window, "F8")
    shortcut(qtbot, window, "Alt+2")
    assert pane.value.text() == "12" and pane.picked_report == "a-2"
    with Ledger.open(path) as other:  # another program adds an unrelated event
        unrelated = two_report_events(tmp_path / "z.db", ("z", "2024-01-01", ("1", "1")))
        apply_import(other, plan_import(other, unrelated.with_suffix(".csv"), "x"), "x")
    window.check_other_writers()
    qtbot.waitUntil(lambda: window.ledger.count("events") == 3)
    assert pane.event_id == "a" and pane.value.text() == "12" and pane.picked_report == "a-2"


def test_after_the_last_event_of_the_queue_the_walk_goes_on_at_its_first(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """The last event of the queue decided, the pane went to the new last one, skipping
    the others (a decision that reorders the queue puts the event it decided last)."""
    window = open_window(qtbot, two_report_events(tmp_path / "l.db", *THREE_DISPUTED))
    pane = window.review_pane
    pane.value.setFocus()
    shortcut(qtbot, window, "F8")
    assert pane.queue_ids() == ["a", "b", "c"] and pane.event_id == "a"
    shortcut(qtbot, window, "F8")
    shortcut(qtbot, window, "F8")
    assert pane.event_id == "c"
    decide_by_keyboard(qtbot, window, 1)
    assert pane.event_id == "a"


def test_a_double_click_takes_a_value_nobody_disputes_too(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """README: a double click on a value takes it as Alt+1…9 does; on the rows of the
    fields nobody disputes (below who each source is) it took nothing."""
    window = open_window(qtbot, two_report_events(tmp_path / "l.db", THREE_DISPUTED[0]))
    pane = window.review_pane
    pane.value.setFocus()
    shortcut(qtbot, window, "F8")
    table = pane.comparison
    labels = [table.verticalHeaderItem(row).text() for row in range(table.rowCount())]
    table.cellDoubleClicked.emit(labels.index("Date"), 1)
    assert pane.current_field() == FieldKey.date()
    assert pane.value.text() == "2024-11-01" and pane.picked_report == "a-2"


def test_a_decision_in_a_read_only_window_is_refused_before_the_name_is_asked(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    """Ctrl+Enter in a read-only window asked for the person's name (and kept it), then
    said "Not decided: … is open read-only"."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from desktop_app import settings

    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    settings.set_user_name("")
    asked: list[object] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a) or ("", False))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a))
    window = MainWindow(Ledger.open(path, read_only=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    pane = window.review_pane
    pane.show_event("small")
    # Nothing to type or take there (both were open to typing, and Alt+1 took a value).
    assert not pane.value.isEnabled() and not pane.rationale.isEnabled()
    pane.pick_report(1)
    assert pane.value.text() == "" and pane.picked_report is None
    pane.value.setText("40")
    pane.rationale.setPlainText("the official figure")
    pane.decide()
    assert pane.error.text() == "This file is open read-only: nothing can be decided."
    assert asked == [] and settings.stored_user_name() == ""
    assert window.ledger.count("resolutions") == 0


def test_the_undo_text_of_a_decided_date_names_the_event_by_its_new_day(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """The undo text and the status bar named the event by the day it had before the
    decision ("2024-10-18 exchange"), where the table now shows it on its new day."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.show_event("swap")
    pane._choose_field(FieldKey.date())
    assert "2024-10-18 exchange" in event_title(window.ledger, "swap", WINDOW_WORDS)
    decide_by_keyboard(qtbot, window, 2, rationale="the ministry's own date")
    undo = window.session.undo_stack.undoText()
    assert undo.endswith(": 2024-10-19 (2024-10-19 exchange, Sumy)"), undo
    assert window.statusBar().currentMessage().startswith(f"Saved: {undo}")


def test_another_programs_change_starts_the_undo_history_afresh(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """Ctrl+Z after another program's write undid the window's older step over it: a
    decision taken back here after a colleague's merge had built on it, or an edit
    undone over the newer edit the merge brought (a value neither of them had typed)."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    window = open_window(qtbot, path)
    pane = window.review_pane
    pane.show_event("small")
    decide_by_keyboard(qtbot, window, None, "44", rationale="the later count")
    assert window.session.undo_stack.canUndo()
    with Ledger.open(path) as other:  # another program: a report of 46 on that event
        other.add_report(
            ReportInput(
                event_type="exchange",
                source_name="Another outlet",
                claimed_date="2024-11-02",
                flows=(Flow(FlowKey("Russia", "Ukraine", "civilians"), 46),),
            ),
            "Bob",
            event_id="small",
        )
    window.check_other_writers()
    assert not window.session.undo_stack.canUndo()
    # Said alone: not beside the "Saved: Decide …" of the step no longer undoable.
    assert window.statusBar().currentMessage() == (
        "Undo starts afresh: another program changed ledger.db."
    )
    shortcut(qtbot, window, "Ctrl+Z")
    with Ledger.open(path, read_only=True) as ledger:
        assert [d["value"] for d in queries.decisions_in_force(ledger)] == ["44"]


def test_the_windows_own_export_or_a_merge_with_nothing_new_keeps_the_undo_history(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """Their jobs open the file through a connection of their own, which notes its check
    of the file: the next look at the file took that for another program's change, and
    Ctrl+Z no longer undid the decision just made."""
    path = imported(tmp_path / "ledger.db", disputed_csv(tmp_path / "reports.csv"))
    colleague = tmp_path / "colleague.db"
    colleague.write_bytes(path.read_bytes())
    window = open_window(qtbot, path)
    window.review_pane.show_event("small")
    decide_by_keyboard(qtbot, window, None, "44", rationale="the later count")
    assert window.transfers.export_to(tmp_path / "out") is not None
    assert window.transfers.merge_file(colleague) is not None
    with Ledger.open(path):  # another program opens the file (and notes its check)
        pass
    version = window._data_version
    window.check_other_writers()
    assert window._data_version != version  # the file was looked at again
    assert window.session.undo_stack.canUndo()
    assert "Undo starts afresh" not in window.statusBar().currentMessage()
    shortcut(qtbot, window, "Ctrl+Z")
    with Ledger.open(path, read_only=True) as ledger:
        assert queries.decisions_in_force(ledger) == []


def test_another_programs_commit_just_before_a_decision_here_is_still_shown(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """The window's own decision, made before its next look at the file, took another
    program's commit as seen: the queue kept a decided event and never listed the new one,
    until some program wrote again."""
    path = two_report_events(tmp_path / "l.db", *THREE_DISPUTED[:2])
    window = open_window(qtbot, path)
    pane = window.review_pane
    assert pane.queue_ids() == ["a", "b"]
    with Ledger.open(path) as other:  # another program: a new disputed event, and a decided
        new = two_report_events(tmp_path / "z.db", THREE_DISPUTED[2])
        apply_import(other, plan_import(other, new.with_suffix(".csv"), "x"), "x")
        other.resolve(
            "a", FieldKey.count(FlowKey("Russia", "Ukraine", "civilians")), "11", "cli", "x"
        )
    pane.show_event("b")
    decide_by_keyboard(qtbot, window, 1, rationale="the window decides b")
    window.check_other_writers()
    qtbot.waitUntil(lambda: pane.queue_ids() == ["c"])
