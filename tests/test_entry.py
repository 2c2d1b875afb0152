"""A researcher records the article from the keyboard, in the real window."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import example_ledger
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea, QWidget
from test_import_problems_translated import speaking
from ui_helpers import USER, focused, open_window, press, shortcut, tab, type_text, when_modal

from desktop_app.domain.records import Flow, FlowKey
from desktop_app.store.check import check
from desktop_app.store.ledger import Ledger, ReportChanged, ReportInput
from desktop_app.store.sources import sources_named

MEDINSKY_QUOTE = (
    "According to Medinsky, Ukraine had returned the remains of 27 Russian soldiers, "
    "while Russia handed over the bodies of 1,212 Ukrainian servicemen."
)


def enter_flow(qtbot, from_party: str, to_party: str, count: str) -> None:  # noqa: ANN001
    """From the category box of a new flow row: bodies, from, to, count."""
    type_text(qtbot, "bodies")
    tab(qtbot)
    type_text(qtbot, from_party)
    tab(qtbot)
    type_text(qtbot, to_party)
    tab(qtbot)
    type_text(qtbot, count)


def enter_report(
    qtbot,  # noqa: ANN001
    window,  # noqa: ANN001
    *,
    source: str,
    party: str,
    kind: str,
    reliability: str,
    date: str,
    quote: str,
    credibility: str,
    flows: list[tuple[str, str, str]],
) -> None:
    shortcut(qtbot, window, "Ctrl+N")
    assert focused() is window.form.event_type
    type_text(qtbot, "exchange")
    tab(qtbot)
    assert focused() is window.form.source
    type_text(qtbot, source)
    tab(qtbot)
    type_text(qtbot, party)
    tab(qtbot)
    type_text(qtbot, kind)
    tab(qtbot)
    type_text(qtbot, reliability)
    tab(qtbot)
    assert focused() is window.form.claimed_date.line
    type_text(qtbot, date)
    tab(qtbot, 2)  # location left empty
    assert focused() is window.form.quote
    type_text(qtbot, quote)
    tab(qtbot, 3)  # URL and published left empty
    assert focused() is window.form.credibility
    type_text(qtbot, credibility)
    tab(qtbot)
    assert focused() is window.form.flows.add_button
    for index, (from_party, to_party, count) in enumerate(flows):
        if index == 0:
            press(qtbot, Qt.Key.Key_Space)
        else:
            press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        enter_flow(qtbot, from_party, to_party, count)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# A source and the report's other fields, as the tests that commit a report type them.
A_SOURCE = dict(party="Russia", kind="official", reliability="C", quote="q", credibility="3")


def stored_reports(path: Path) -> list[dict]:
    with Ledger.open(path, read_only=True) as ledger:
        reports = list(
            ledger.db.query(
                "SELECT r.*, s.name AS source, s.party AS source_party, s.kind, s.reliability"
                " FROM reports r JOIN sources s ON s.id = r.source_id ORDER BY r.seq"
            )
        )
        for report in reports:
            report["flows"] = sorted(
                (row["from_party"], row["to_party"], row["category"], row["count"])
                for row in ledger.db.query(
                    "SELECT * FROM flows WHERE report_id = ?", [report["id"]]
                )
            )
        return reports


def test_the_11_june_exchange_is_entered_with_the_keyboard_only(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    enter_report(
        qtbot,
        window,
        source="Vladimir Medinsky",
        party="Russia",
        kind="official",
        reliability="C",
        date="2025-06-11",
        quote=MEDINSKY_QUOTE,
        credibility="3",
        flows=[("Russia", "Ukraine", "1212"), ("Ukraine", "Russia", "27")],
    )
    reports = stored_reports(path)
    assert len(reports) == 1
    report = reports[0]
    assert report["source"] == "Vladimir Medinsky"
    assert report["source_party"] == "Russia"
    assert report["kind"] == "official"
    assert report["reliability"] == "C"
    assert report["claimed_date"] == "2025-06-11"
    assert report["quote"] == MEDINSKY_QUOTE
    assert report["credibility"] == 3
    assert report["recorded_by"] == USER
    assert report["flows"] == [
        ("Russia", "Ukraine", "bodies", 1212),
        ("Ukraine", "Russia", "bodies", 27),
    ]
    assert window.events_pane.model.rowCount() == 1
    qtbot.waitUntil(lambda: window.events_pane.selected_event() == report["event_id"])

    # A second report of the same exchange, from another source, through the prompt:
    # Enter goes back to the form (the safe choice), Alt+A adds it to the offered event.
    prompts: list[str] = []

    def back(dialog: QWidget) -> None:
        prompts.append(dialog.list.item(0).text())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_modal(back)
    enter_report(
        qtbot,
        window,
        source="Ukrainian Coordination Headquarters",
        party="Ukraine",
        kind="official",
        reliability="B",
        date="2025-06-11",
        quote="1,212 bodies were returned to Ukraine.",
        credibility="2",
        flows=[("Russia", "Ukraine", "1212")],
    )
    assert len(stored_reports(path)) == 1  # back in the form, nothing saved
    assert window.form.source.text() == "Ukrainian Coordination Headquarters"
    when_modal(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier))
    window.form.commit()  # offscreen, focus does not come back from a dialog by itself
    qtbot.waitUntil(lambda: len(stored_reports(path)) == 2)
    assert prompts[0].splitlines() == [
        "2025-06-11 · no location · 1 report · single",
        "bodies Russia→Ukraine 1,212; bodies Ukraine→Russia 27",
        "sources: Vladimir Medinsky",
    ]
    reports = stored_reports(path)
    assert reports[1]["event_id"] == reports[0]["event_id"]
    assert reports[1]["source"] == "Ukrainian Coordination Headquarters"
    assert window.events_pane.model.rowCount() == 1


def test_choosing_a_new_event_in_the_prompt_creates_one(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    report = dict(
        party="Russia",
        kind="official",
        reliability="C",
        date="2025-06-11",
        quote="q",
        credibility="3",
        flows=[("Russia", "Ukraine", "10")],
    )
    enter_report(qtbot, window, source="A", **report)
    when_modal(lambda dialog: dialog.new_button.click())
    enter_report(qtbot, window, source="B", **report)
    reports = stored_reports(path)
    assert len({r["event_id"] for r in reports}) == 2


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("claimed_date", "2025-02-30", "not a real date"),
        ("claimed_date", "2999-01-01", "in the future"),
        ("claimed_date", "11/06/2025", "is not a date"),
        ("published", "2025-13", "no month 13"),
        ("url", "www.example.org", "must start with http"),
    ],
)
def test_each_bad_field_shows_its_reason_beside_it_and_blocks_the_commit(
    qtbot, tmp_path: Path, field: str, text: str, message: str
) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    form = window.form
    form.source.setFocus()
    type_text(qtbot, "Vladimir Medinsky")
    form.claimed_date.line.setFocus()
    type_text(qtbot, "2025-06-11")
    assert form.commit_button.isEnabled()
    widget = {"claimed_date": form.claimed_date.line, "published": form.published.line}.get(
        field, getattr(form, field)
    )
    widget.setFocus()
    widget.selectAll()
    type_text(qtbot, text)
    assert not form.errors[field].isVisible()  # not while it is being typed
    assert not form.commit_button.isEnabled()
    tab(qtbot)  # the field is left: its reason shows
    assert message in form.errors[field].text()
    assert form.errors[field].isVisible()
    assert not form.commit_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.ledger.count("reports") == 0


@pytest.mark.parametrize(
    ("from_party", "to_party", "count", "message"),
    [
        ("Russia", "Ukraine", "1,21", "a whole number such as 1245 or 1,245"),
        ("Russia", "Ukraine", "-5", "a whole number such as 1245 or 1,245"),
        ("Russia", "Russia", "5", "a flow goes between two parties"),
        ("", "Ukraine", "5", "from party is required"),
        ("Russia", "Ukraine", "", "count is required"),
    ],
)
def test_a_bad_flow_shows_its_reason_and_blocks_the_commit(
    qtbot, tmp_path: Path, from_party: str, to_party: str, count: str, message: str
) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    form = window.form
    form.source.setFocus()
    type_text(qtbot, "Vladimir Medinsky")
    form.claimed_date.line.setFocus()
    type_text(qtbot, "2025-06-11")
    form.flows.add_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    row = form.flows.rows[0]
    for widget, text in (
        (row.from_party, from_party),
        (row.to_party, to_party),
        (row.count, count),
    ):
        widget.setFocus()
        if text:
            type_text(qtbot, text)
        else:
            type_text(qtbot, "x")
            press(qtbot, Qt.Key.Key_Backspace)
    tab(qtbot)  # the count is left
    assert message in row.error.text()
    assert not form.commit_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.ledger.count("reports") == 0


def test_a_required_source_is_asked_for_when_committing(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    form = window.form
    form.claimed_date.line.setFocus()
    type_text(qtbot, "2025-06-11")
    assert not form.commit_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "source is required" in form.errors["source"].text()
    assert focused() is form.source
    assert window.ledger.count("reports") == 0


@pytest.mark.parametrize(
    ("answer", "kept"),
    [(QMessageBox.StandardButton.Cancel, "Someone"), (QMessageBox.StandardButton.Discard, "")],
)
def test_escape_asks_before_it_clears_a_typed_report(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    kept: str,
) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or answer)
    press(qtbot, Qt.Key.Key_Escape)  # nothing typed: nothing to ask
    window.form.source.setFocus()
    type_text(qtbot, "Someone")
    window.form.quote.setFocus()
    type_text(qtbot, "a half-typed quote")
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == ["Discard this report?"]
    assert window.form.source.text() == kept
    assert bool(window.form.quote.toPlainText()) == bool(kept)
    assert window.ledger.count("reports") == 0


def test_every_control_of_the_form_has_its_label_as_accessible_name(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    form = window.form
    form.flows.add_row()
    expected = {
        form.event_type: "Event type",
        form.source: "Source",
        form.source_party: "Source party",
        form.source_kind: "Source kind",
        form.reliability: "Reliability",
        form.claimed_date.line: "Claimed date",
        form.location: "Location",
        form.quote: "Quote",
        form.url: "URL",
        form.published.line: "Published",
        form.credibility: "Credibility",
        form.flows.rows[0].category: "Category",
        form.flows.rows[0].from_party: "From",
        form.flows.rows[0].to_party: "To",
        form.flows.rows[0].count: "Count",
        form.flows.rows[0].qualifier: "Qualifier",
        form.commit_button: "Commit",
    }
    for widget, name in expected.items():
        assert widget.accessibleName() == name


def test_the_admiralty_meaning_of_every_grade_is_shown(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    reliability = [window.form.reliability.itemText(i) for i in range(6)]
    credibility = [window.form.credibility.itemText(i) for i in range(6)]
    assert reliability[0] == "A — Completely reliable"
    assert reliability[5] == "F — Reliability cannot be judged"
    assert credibility[0] == "1 — Confirmed by other sources"
    assert credibility[5] == "6 — Truth cannot be judged"


def test_an_existing_source_is_reused_and_autocompleted(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    enter_report(
        qtbot,
        window,
        source="Vladimir Medinsky",
        party="Russia",
        kind="official",
        reliability="C",
        date="2025-06-11",
        quote="q",
        credibility="3",
        flows=[],
    )
    form = window.form
    qtbot.waitUntil(lambda: "Vladimir Medinsky (Russia)" in form.sources_model.stringList())
    assert "Russia" in form.parties_model.stringList()
    form.source.setFocus()
    type_text(qtbot, "  vladimir   MEDINSKY ")
    form.source_party.setFocus()
    type_text(qtbot, "russia")
    assert form.source_note.text() == "known source"
    assert not form.reliability.isEnabled()
    assert form.reliability.currentText().startswith("C")
    form.claimed_date.line.setFocus()
    type_text(qtbot, "2025-06-12")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.ledger.count("sources") == 1
    assert window.ledger.count("reports") == 2


def test_undo_and_redo_restore_the_exact_previous_state(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    common = A_SOURCE
    enter_report(
        qtbot, window, source="A", date="2025-06-11", flows=[("Russia", "Ukraine", "5")], **common
    )
    after_first = stored_reports(path)
    enter_report(
        qtbot, window, source="B", date="2024-01-02", flows=[("Ukraine", "Russia", "7")], **common
    )
    after_second = stored_reports(path)
    # Edit the second report's count through the form.
    window.event_pane.show_event(after_second[1]["event_id"])
    window.event_pane.edit_selected()
    window.form.flows.rows[0].count.setFocus()
    window.form.flows.rows[0].count.selectAll()
    type_text(qtbot, "70")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    after_edit = stored_reports(path)
    assert after_edit[1]["flows"] == [("Ukraine", "Russia", "bodies", 70)]
    # Delete the first event (asks once).
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.events_pane.select_event(after_first[0]["event_id"])
    window.events_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert len(stored_reports(path)) == 1

    def content(reports: list[dict]) -> list[tuple]:
        keys = ("id", "event_id", "source", "claimed_date", "quote", "credibility", "flows")
        return sorted(tuple(str(r[k]) for k in keys) for r in reports)

    window.events_pane.view.setFocus()
    shortcut(qtbot, window, "Ctrl+Z")
    assert content(stored_reports(path)) == content(after_edit)
    shortcut(qtbot, window, "Ctrl+Z")
    assert content(stored_reports(path)) == content(after_second)
    shortcut(qtbot, window, "Ctrl+Z")
    assert content(stored_reports(path)) == content(after_first)
    shortcut(qtbot, window, "Ctrl+Z")
    assert stored_reports(path) == []
    assert window.events_pane.model.rowCount() == 0
    for expected in (after_first, after_second, after_edit):
        shortcut(qtbot, window, "Ctrl+Shift+Z")
        assert content(stored_reports(path)) == content(expected)
    with Ledger.open(path, read_only=True) as ledger:
        actions = [row["action"] for row in ledger.audit_records()]
    assert actions.count("delete") >= 2 and actions.count("edit") >= 2


def test_ctrl_z_in_the_emptied_form_undoes_the_commit(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """After a commit the form is empty and has the cursor: its boxes start with nothing
    to undo, so Ctrl+Z takes back the report, not the emptying of a box."""
    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    flows = [("Russia", "Ukraine", "5")]
    enter_report(qtbot, window, source="A", date="2025-06-11", flows=flows, **A_SOURCE)
    assert len(stored_reports(path)) == 1
    for box in (window.form.source, window.form.claimed_date.line, window.form.location):
        box.setFocus()
        assert focused() is box and box.text() == "" and not box.isUndoAvailable()
    shortcut(qtbot, window, "Ctrl+Z")
    assert stored_reports(path) == [] and window.form.location.text() == ""


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_the_form_with_flows_fits_its_pane_at_1280_by_800(
    qtbot,  # noqa: ANN001
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """The form scrolls only up and down: every field of it, flows included, lies within
    what its pane shows (a flow row was 72 pixels wider, and its right edge cut off), and
    the events pane beside it keeps the room its filters need (in Ukrainian a widened
    form squeezed them until they overlapped)."""
    from desktop_app.ui import i18n

    monkeypatch.setattr(i18n, "_current", [language])  # the window's words for values too
    with speaking(qapp, language) if language != "en" else nullcontext():
        window = open_window(qtbot, tmp_path / "ledger.db")
        window.resize(1280, 800)
        shortcut(qtbot, window, "Ctrl+N")
        for _ in range(2):
            press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        QApplication.processEvents()
        scroll = window.form.findChild(QScrollArea)
        shown = scroll.viewport()
        assert scroll.widget().width() <= shown.width()
        fields = [window.form.source, window.form.quote, window.form.credibility]
        for widget in fields + [w for row in window.form.flows.rows for w in row.widgets()]:
            right = widget.mapTo(shown, QPoint(widget.width(), 0)).x()
            assert 0 < right <= shown.width(), (widget.accessibleName(), right, shown.width())
        events = window.events_pane  # its last filter, the date "to", in sight and whole
        last = events.date_to.mapTo(events, QPoint(events.date_to.width(), 0)).x()
        first = events.date_to.mapTo(events, QPoint(0, 0)).x()
        after_from = events.date_from.mapTo(events, QPoint(events.date_from.width(), 0)).x()
        assert after_from < first and last <= events.width(), (after_from, first, last)
        assert window.width() == 1280  # not widened past the screen to make room


def tab_stops(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits, in order, as Qt's focus chain gives them."""
    stops, widget = [], window.nextInFocusChain()
    while widget is not window:
        policy = widget.focusPolicy()
        tab = policy.value & Qt.FocusPolicy.TabFocus.value
        if tab and widget.isVisible() and widget.isEnabled() and widget.focusProxy() is None:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def test_tab_goes_from_the_forms_last_field_to_its_buttons(qtbot, tmp_path: Path) -> None:
    """The form's scroll area was a Tab stop of its own, where the keys did nothing seen."""
    window = open_window(qtbot, tmp_path / "ledger.db")
    stops = tab_stops(window)
    assert not [stop for stop in stops if isinstance(stop, QScrollArea)]
    assert window.form.event_type in stops and window.form.credibility in stops


def test_the_help_menu_lists_every_shortcut(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    from desktop_app.ui.dialogs import ShortcutsDialog

    window.session.undo_stack.push(QUndoCommand("Delete event"))  # Undo's text names it
    assert window.undo_action.text() == "&Undo Delete event"
    dialog = ShortcutsDialog(window.shortcut_actions(), window)
    qtbot.addWidget(dialog)
    table = dialog.table
    cells = [table.item(r, c) for r in range(table.rowCount()) for c in range(4)]
    listed = {cell.text() for column, cell in enumerate(cells) if cell and column % 2}
    for keys in ("Ctrl+N", "Ctrl+Z", "Ctrl+F", "Del", "Ctrl+Q", "Ctrl+Enter", "Ctrl+I"):
        assert keys in listed
    names = {cell.text() for column, cell in enumerate(cells) if cell and not column % 2}
    assert "New event" in names and "Undo" in names and "Redo" in names
    assert not any("Delete event" in name for name in names)
    assert {
        "Open the selected evidence (in its list)",
        "Remove the selected evidence (in its list)",
        "Step through the chart's days (on the chart)",
    } <= names
    assert not any("Return" in keys for keys in listed)  # Ctrl+Enter, once
    dialog.show()
    last = table.visualItemRect(table.item(table.rowCount() - 1, 0))
    assert last.bottom() <= table.viewport().height()  # the last row is not cut


def test_opening_a_file_that_is_not_a_database_shows_a_dialog_and_keeps_the_window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    assert window.open_file(bogus) is None
    assert shown and "not an Exchange Ledger file" in shown[0]
    assert bogus.read_text() == "these are my notes, not a database\n"
    assert window.isVisible()
    window.form.source.setFocus()
    type_text(qtbot, "Still usable")
    assert QApplication.focusWidget() is window.form.source


def test_escape_after_f2_asks_only_when_the_report_was_changed(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or answer)
    window.event_pane.show_event("bodies-2025-06-13")
    window.event_pane.table.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    form = window.form
    assert form.editing_report and focused() is form.source
    press(qtbot, Qt.Key.Key_Escape)  # nothing changed: the stored report loses nothing
    assert asked == [] and not form.editing_report
    window.event_pane.table.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    form.location.setFocus()
    type_text(qtbot, "x")
    press(qtbot, Qt.Key.Key_Escape)  # a change would be lost: asked, and kept
    assert asked == ["Discard this report?"] and form.location.text().endswith("x")
    form.location.setFocus()
    press(qtbot, Qt.Key.Key_Backspace)  # back as it was: nothing to ask again
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == ["Discard this report?"] and not form.editing_report


def test_the_reports_of_an_event_show_source_date_flows_and_quote_at_1280(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A long source name or grade no longer pushes the quote out of sight: the columns a
    reader compares come first and none is wider than its cap (the rest is in its tooltip)."""
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    window.resize(1280, 800)
    window.event_pane.show_event("bodies-2025-06-13")  # the article's long title a source
    QApplication.processEvents()
    table = window.event_pane.table
    shown = table.viewport().width()
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[:4] == ["Source", "Claimed date", "Flows", "Quote"]
    for column in range(3):
        assert table.columnViewportPosition(column) + table.columnWidth(column) <= shown
    assert shown - table.columnViewportPosition(3) >= 150  # the quote's first words
    names = [table.item(row, 0).toolTip() for row in range(table.rowCount())]
    assert any(name.startswith("Article: Second Russia-Ukraine Talks") for name in names)


def test_picking_a_source_completion_reuses_that_source(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Picking "Vladimir Medinsky (Russia)" from the popup must not create a source named
    exactly that: the field becomes the name, the party field the party."""
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    form = window.form
    form.refresh_completions()
    sources_before = window.ledger.count("sources")
    form.source.setFocus()
    type_text(qtbot, "Medin")
    completer = form.source.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    popup = completer.popup()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.source.text() == "Vladimir Medinsky")
    assert form.source_party.text() == "Russia"
    # Offscreen, focus does not come back from the popup: type into the field itself.
    qtbot.keyClicks(form.claimed_date.line, "2025-06-12")
    qtbot.keyClick(form.claimed_date.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    visible = {k: e.text() for k, e in form.errors.items() if e.text()}
    assert window.ledger.count("reports") == 7, visible
    assert window.ledger.count("sources") == sources_before
    assert "Saved: Add report from Vladimir Medinsky." in window.statusBar().currentMessage()


def test_a_count_typed_as_the_article_prints_it_is_read(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    enter_report(
        qtbot,
        window,
        source="Coordination Headquarters",
        party="Ukraine",
        kind="official",
        reliability="B",
        date="2025-06-11",
        quote="1,245 bodies",
        credibility="2",
        flows=[("Russia", "Ukraine", "1,245")],
    )
    assert stored_reports(path)[0]["flows"] == [("Russia", "Ukraine", "bodies", 1245)]


def test_the_form_names_the_event_for_people_not_by_id(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    enter_report(
        qtbot, window, source="A", party="Russia", kind="official", reliability="C",
        date="2025-06-11", quote="q", credibility="3", flows=[("Russia", "Ukraine", "10")],
    )  # fmt: skip
    event_id = stored_reports(path)[0]["event_id"]
    qtbot.waitUntil(lambda: window.events_pane.selected_event() == event_id)
    shortcut(qtbot, window, "Ctrl+Shift+N")
    heading = window.form.heading.text()
    assert "New report</b> for 2025-06-11 exchange: bodies Russia→Ukraine 10" in heading
    assert event_id not in heading


def test_delete_outside_the_tables_deletes_nothing(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Delete in the form (its type box, a flow's boxes, the Commit button) asked to delete
    the whole selected event, and the Enter of a person typing on said yes."""
    path = example_ledger(tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, path)
    window.events_pane.view.setFocus()
    shortcut(qtbot, window, "Ctrl+End")  # the last event selected
    assert window.events_pane.selected_event()
    shortcut(qtbot, window, "Ctrl+N")
    assert focused() is window.form.event_type
    press(qtbot, Qt.Key.Key_Delete)
    window.form.commit_button.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert window.ledger.count("reports") == 6
    assert "events table" in window.statusBar().currentMessage()
    window.events_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_Delete)  # where Delete acts: the event goes (asked once)
    assert window.ledger.count("reports") < 6


@pytest.mark.parametrize("keys", ["Ctrl+N", "Ctrl+Shift+N", "F2", "Ctrl+Q"])
def test_starting_another_report_or_quitting_asks_before_a_typed_report_is_lost(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    keys: str,
) -> None:
    """Only Esc asked: Ctrl+N, Ctrl+Shift+N and F2 emptied a half-typed report without a
    word, and Ctrl+Q closed the window with it."""
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or answer)
    shortcut(qtbot, window, "Ctrl+N")
    assert asked == []  # nothing typed yet: nothing to ask
    window.form.source.setFocus()
    type_text(qtbot, "Shamsail Saraliyev")
    window.session.event_selected.emit("bodies-2025-06-13")  # for Ctrl+Shift+N and F2
    qtbot.waitUntil(lambda: window.event_pane.event_id == "bodies-2025-06-13")
    window.event_pane.table.setFocus()
    window.event_pane.table.selectRow(0)
    shortcut(qtbot, window, keys)
    assert asked == ["Discard this report?"]
    assert window.isVisible() and window.form.source.text() == "Shamsail Saraliyev"
    answer = QMessageBox.StandardButton.Discard
    shortcut(qtbot, window, keys)
    assert window.form.source.text() != "Shamsail Saraliyev" or not window.isVisible()


def test_ctrl_shift_delete_in_a_flow_row_removes_that_row(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The Remove button's tooltip named a key that did nothing (Ctrl+Delete, which the
    row's text boxes keep for deleting to the end of a word)."""
    window = open_window(qtbot, tmp_path / "ledger.db")
    flows = window.form.flows
    for count in ("5", "7"):
        flows.add_row().count.setText(count)
    flows.rows[0].count.setFocus()
    qtbot.keyClick(flows.rows[0].count, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [row.count.text() for row in flows.rows] == ["5", "7"]  # a text key, not removal
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(flows.rows[0].count, Qt.Key.Key_Delete, modifiers)
    assert [row.count.text() for row in flows.rows] == ["7"]
    assert focused() is flows.rows[0].category  # the next row, from its start
    assert "Ctrl+Shift+Delete" in flows.rows[0].remove.toolTip()


def test_editing_one_of_several_reports_keeps_its_event_type(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The type box stayed open when editing one of an event's two reports, and a new type
    was refused only after Commit, with the event's raw id."""
    path = example_ledger(tmp_path)
    with Ledger.open(path) as ledger:
        several = ledger.reports_of_event("bodies-2025-06-13")
        alone = ledger.reports_of_event("istanbul-2025-06-02-talks")
    assert several > 1 and alone == 1
    window = open_window(qtbot, path)
    for event_id, open_to_change in (
        ("bodies-2025-06-13", False),
        ("istanbul-2025-06-02-talks", True),
    ):
        window.event_pane.show_event(event_id)
        window.event_pane.table.setFocus()
        window.event_pane.table.selectRow(0)
        press(qtbot, Qt.Key.Key_F2)
        assert window.form.editing_report
        assert window.form.event_type.isEnabled() is open_to_change
        press(qtbot, Qt.Key.Key_Escape)


def test_a_merged_sources_old_name_in_the_form_goes_to_the_source_it_became(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """After "V. Medinsky" was merged into "Vladimir Medinsky", typing the old name said
    "new source" and made the duplicate again, undoing the merge the person just made."""
    from desktop_app.store.sources import merge_sources

    path = example_ledger(tmp_path)
    with Ledger.open(path) as ledger:
        with ledger.write("x"):
            short = ledger.ensure_source("V. Medinsky", "Russia", "official", "C")[0]
        kept = ledger.find_source("Vladimir Medinsky", "Russia")
        assert kept is not None
        merge_sources(ledger, kept["id"], short, "x")
        sources = ledger.count("sources")
    window = open_window(qtbot, path)
    form = window.form
    shortcut(qtbot, window, "Ctrl+N")
    form.source.setFocus()
    type_text(qtbot, "V. Medinsky")
    form.source_party.setFocus()
    type_text(qtbot, "Russia")
    assert form.source_note.text() == "now Vladimir Medinsky (Russia)"
    form.claimed_date.line.setFocus()
    type_text(qtbot, "2025-06-12")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.ledger.count("reports") == 7)
    assert window.ledger.count("sources") == sources
    (named,) = window.ledger.conn.execute(
        "SELECT s.name FROM reports r JOIN sources s ON s.id = r.source_id"
        " ORDER BY r.seq DESC LIMIT 1"
    ).fetchone()
    assert named == "Vladimir Medinsky"


def test_a_known_name_typed_without_its_party_says_which_sources_have_it(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """Typed in full, not picked, with the party left blank, "Vladimir Medinsky" made a
    second, independent source; the only sign was a grey "new source"."""
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    form = window.form
    qtbot.waitUntil(lambda: "Vladimir Medinsky (Russia)" in form.sources_model.stringList())
    shortcut(qtbot, window, "Ctrl+N")
    form.source.setFocus()
    type_text(qtbot, "vladimir medinsky")
    assert form.source_note.text() == "new source"
    assert form.source_hint.isVisible()
    assert form.source_hint.text() == (
        "This name is known as Vladimir Medinsky (Russia): pick it from the list, or type"
        " its party."
    )
    form.source_party.setFocus()
    type_text(qtbot, "Russia")
    assert form.source_note.text() == "known source" and not form.source_hint.isVisible()
    form.source.setFocus()
    form.source.setText("Someone else")
    assert form.source_note.text() == "new source" and not form.source_hint.isVisible()


def test_the_sources_of_a_name_are_read_by_its_key_whatever_their_party(
    ledger: Ledger,
) -> None:
    """The form's hint reads the sources of a typed name along the index of keys: every
    source whose name looks the same, and no source whose name only begins the same."""
    with ledger.write("tests"):
        ledger.ensure_sources(
            [
                ("Vladimir Medinsky", "Russia", "official", "B"),
                ("vladimir  MEDINSKY", None, "media", "C"),
                ("Vladimir Medinsky Jr", "Russia", "media", "C"),
                ("Vladimir", "Ukraine", "media", "C"),
            ]
        )
    assert sources_named(ledger, " Ｖladimir medinsky\u200b") == [
        ("vladimir  MEDINSKY", None),
        ("Vladimir Medinsky", "Russia"),
    ]
    assert sources_named(ledger, "Vladimir") == [("Vladimir", "Ukraine")]
    assert sources_named(ledger, "Medinsky") == []


def test_a_flow_row_says_every_reason_at_once(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """From = to and a bad count: only the parties' reason showed, and the count's came
    only once that was mended."""
    window = open_window(qtbot, tmp_path / "ledger.db")
    row = window.form.flows.add_row()
    row.from_party.setText("Russia")
    row.to_party.setText("russia")
    row.count.setText("1,21")
    window.form.validate(show_all=True)
    reasons = row.error.text().splitlines()
    assert len(reasons) == 2, reasons
    assert reasons[0].startswith("from and to are both")
    assert reasons[1].startswith("count is '1,21'")


def test_an_event_brought_back_by_redo_is_shown_in_every_pane(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """After Ctrl+Z and Ctrl+Shift+Z of a new event, the events table had it selected while
    its reports said "Select an event to see its reports", and Ctrl+Shift+N added a report
    to an event no pane showed."""
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    flows = [("Russia", "Ukraine", "5")]
    enter_report(qtbot, window, source="A", date="2024-01-02", flows=flows, **A_SOURCE)
    qtbot.waitUntil(lambda: len(window.event_pane.reports) == 1)
    new_event = window.event_pane.event_id
    window.events_pane.view.setFocus()
    shortcut(qtbot, window, "Ctrl+Z")
    qtbot.waitUntil(lambda: window.event_pane.event_id == "")
    shortcut(qtbot, window, "Ctrl+Shift+Z")
    qtbot.waitUntil(lambda: window.event_pane.event_id == new_event)
    assert len(window.event_pane.reports) == 1
    assert window.events_pane.selected_event() == new_event


def test_a_flow_naming_a_new_party_says_so_before_the_commit(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """A misspelt "Rusia" became a party of its own, a line on the chart and a completion,
    with nothing said; a new party stays allowed (a third side does exist)."""
    window = open_window(qtbot, example_ledger(tmp_path))
    form = window.form
    form.refresh_completions()
    row = form.flows.add_row()
    row.from_party.setText("Rusia")
    row.to_party.setText("ukraine")  # a known party, whatever its case
    row.count.setText("10")
    form.validate(show_all=True)
    assert row.error.text() == "Rusia is a new party: did you mean Russia?"
    assert row.error.isVisibleTo(form) and not row.failed
    row.from_party.setText("Red Cross")
    form.validate(show_all=True)
    assert row.error.text() == "Red Cross is a new party"
    row.from_party.setText("RUSSIA")
    form.validate(show_all=True)
    assert row.error.text() == "" and not row.error.isVisibleTo(form)
    row.from_party.setText("Rusia")
    row.count.setText("-1")  # an error shows in the error's colour, the note gone
    form.validate(show_all=True)
    assert row.failed and "Rusia" not in row.error.text()


def test_a_new_sources_new_party_says_so_too(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_window(qtbot, example_ledger(tmp_path))
    form = window.form
    form.refresh_completions()
    form.source.setText("Ministry of Defence")
    form.source_party.setText("Ukriane")
    form.validate(show_all=True)
    assert form.source_hint.text() == "Ukriane is a new party: did you mean Ukraine?"
    form.source_party.setText("Ukraine")
    form.validate(show_all=True)
    assert not form.source_hint.isVisibleTo(form)


def test_undoing_the_report_that_added_a_party_takes_the_party_away(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """After Ctrl+Z of a report naming "Rusia", the party stayed: a completion above
    "Russia" that nothing in the window could remove. Redo brings it back."""
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    flows = [("Rusia", "Ukraine", "10")]
    enter_report(qtbot, window, source="A", date="2025-06-20", flows=flows, **A_SOURCE)
    assert window.ledger.parties() == ["Rusia", "Russia", "Ukraine"]
    window.events_pane.view.setFocus()
    shortcut(qtbot, window, "Ctrl+Z")
    assert window.ledger.parties() == ["Russia", "Ukraine"]
    window.form.refresh_completions()
    assert window.form.parties_model.stringList() == ["Russia", "Ukraine"]
    shortcut(qtbot, window, "Ctrl+Shift+Z")
    assert window.ledger.parties() == ["Rusia", "Russia", "Ukraine"]
    assert [r["flows"] for r in stored_reports(path)][-1] == [("Rusia", "Ukraine", "bodies", 10)]
    with Ledger.open(path, read_only=True) as ledger:
        assert check(ledger).ok
        deleted = [(r["action"], r["entity"]) for r in ledger.audit_records()]
    assert ("delete", "party") in deleted


def source_rows(path: Path) -> list[tuple]:
    with Ledger.open(path, read_only=True) as ledger:
        return ledger.conn.execute(
            "SELECT id, name, party, kind, reliability FROM sources ORDER BY name"
        ).fetchall()


def test_undoing_the_report_that_added_a_source_takes_it_away(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """After Ctrl+Z of a report from a misspelt "Rybarr", the source stayed: a completion
    with its grades, a row of sources.csv with no report. Redo brings it back as it was."""
    path = example_ledger(tmp_path)
    before = source_rows(path)
    window = open_window(qtbot, path)
    flows = [("Russia", "Ukraine", "10")]
    enter_report(qtbot, window, source="Rybarr", date="2025-06-20", flows=flows, **A_SOURCE)
    added = source_rows(path)
    assert [row[1:] for row in added if row not in before] == [
        ("Rybarr", "Russia", "official", "C")
    ]
    window.events_pane.view.setFocus()
    shortcut(qtbot, window, "Ctrl+Z")
    assert source_rows(path) == before
    window.form.refresh_completions()
    assert not any("Rybarr" in label for label in window.form.sources_model.stringList())
    shortcut(qtbot, window, "Ctrl+Shift+Z")
    assert source_rows(path) == added
    assert stored_reports(path)[-1]["source"] == "Rybarr"
    with Ledger.open(path, read_only=True) as ledger:
        assert check(ledger).ok
        audited = [(r["action"], r["entity"]) for r in ledger.audit_records()]
    assert ("delete", "source") in audited


def test_an_edit_to_another_source_takes_the_one_left_unnamed_and_undo_brings_it_back(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A report corrected from "Rybarr" to another source left "Rybarr" behind with no
    report; undone, the report names "Rybarr" again, with the grades it had."""
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    flows = [("Russia", "Ukraine", "10")]
    enter_report(qtbot, window, source="Rybarr", date="2025-06-20", flows=flows, **A_SOURCE)
    with_typo = source_rows(path)
    report = stored_reports(path)[-1]
    window.event_pane.show_event(report["event_id"])
    window.event_pane.edit_selected()
    window.form.source.setFocus()
    window.form.source.selectAll()
    type_text(qtbot, "Rybar")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    corrected = source_rows(path)
    names = [row[1] for row in corrected]
    assert "Rybar" in names and "Rybarr" not in names
    window.events_pane.view.setFocus()
    shortcut(qtbot, window, "Ctrl+Z")
    assert source_rows(path) == with_typo
    assert stored_reports(path)[-1]["source"] == "Rybarr"
    shortcut(qtbot, window, "Ctrl+Shift+Z")
    assert source_rows(path) == corrected
    with Ledger.open(path, read_only=True) as ledger:
        assert check(ledger).ok


def test_a_source_goes_with_its_last_report_and_undo_brings_it_back(tmp_path: Path) -> None:
    path = example_ledger(tmp_path)
    report = ReportInput(
        event_type="exchange",
        source_name="Rybarr",
        source_party="Russia",
        source_kind="official",
        source_reliability="B",
        claimed_date="2025-06-20",
        quote="q",
    )
    with Ledger.open(path) as ledger:
        first, _ = ledger.add_report(report, "x")
        second, _ = ledger.add_report(report, "x")
        record = ledger.report_record(second)
        assert record is not None
        source = ledger.source_row(record["source_id"])
        ledger.delete_report(first, "x")
        assert ledger.source_row(record["source_id"]) == source  # the other names it
        ledger.delete_report(second, "x")
        assert ledger.source_row(record["source_id"]) is None
        ledger.restore_report(record, "x", source=source)
        assert ledger.source_row(record["source_id"]) == source
        assert check(ledger).ok


def test_an_undo_takes_the_spelling_another_program_gave_a_party_since(tmp_path: Path) -> None:
    """Undone, a deletion inserted its source and flows with the party as it was
    spelled ("Turkey"), where another program had since made "TURKEY": a FOREIGN KEY
    error reached the crash dialog."""
    path = example_ledger(tmp_path)
    report = ReportInput(
        event_type="exchange",
        source_name="Anadolu",
        source_party="Turkey",
        claimed_date="2025-06-20",
        flows=(Flow(FlowKey("Turkey", "Ukraine", "bodies"), 3),),
    )
    with Ledger.open(path) as ledger:
        report_id, _ = ledger.add_report(report, "x")
        record = ledger.report_record(report_id)
        assert record is not None
        source = ledger.source_row(record["source_id"])
        ledger.delete_report(report_id, "x")
        assert "Turkey" not in ledger.parties()
        ledger.conn.execute(
            "INSERT INTO parties (name, key, created_at) VALUES ('TURKEY', 'turkey', ?)",
            ("2025-06-21T00:00:00Z",),
        )
        ledger.restore_report(record, "x", source=source)
        assert ledger.parties() == ["Russia", "TURKEY", "Ukraine"]
        assert check(ledger).ok


def test_an_edit_that_corrects_a_party_takes_the_misspelt_one_until_undone(tmp_path: Path) -> None:
    path = example_ledger(tmp_path)
    report = ReportInput(
        event_type="exchange",
        source_name="A",
        claimed_date="2025-06-20",
        flows=(Flow(FlowKey("Rusia", "Ukraine", "bodies"), 10),),
    )
    with Ledger.open(path) as ledger:
        report_id, _ = ledger.add_report(report, "x")
        before = ledger.report_record(report_id)
        assert before is not None
        corrected = replace(report, flows=(Flow(FlowKey("Russia", "Ukraine", "bodies"), 10),))
        ledger.edit_report(report_id, corrected, "x")
        assert ledger.parties() == ["Russia", "Ukraine"]
        ledger.replace_report(before, "x")
        assert ledger.parties() == ["Rusia", "Russia", "Ukraine"]
        assert check(ledger).ok


def test_deleting_a_report_keeps_a_party_others_still_name(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    flows = [("Russia", "Ukraine", "10")]
    enter_report(qtbot, window, source="A", date="2025-06-20", flows=flows, **A_SOURCE)
    window.events_pane.view.setFocus()
    shortcut(qtbot, window, "Ctrl+Z")
    assert window.ledger.parties() == ["Russia", "Ukraine"]


def test_a_form_nobody_typed_in_shows_no_reason(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Esc after Ctrl+Shift+N, or a commit, moved the focus out of the empty Source field,
    which then said "source is required" in red on a form nobody had typed in."""
    window = open_window(qtbot, example_ledger(tmp_path))
    form = window.form

    def reasons() -> list[str]:
        return [label.text() for label in form.errors.values() if label.isVisibleTo(form)]

    qtbot.keyClick(window.events_pane.view, Qt.Key.Key_Down)
    window.events_pane.view.setFocus()
    shortcut(qtbot, window, "Ctrl+Shift+N")
    assert focused() is form.source
    shortcut(qtbot, window, "Escape")
    assert reasons() == []
    enter_report(
        qtbot, window, source="A", date="2025-06-20", flows=[("Russia", "Ukraine", "3")], **A_SOURCE
    )
    assert reasons() == []
    form.source.setFocus()
    type_text(qtbot, "x")
    press(qtbot, Qt.Key.Key_Backspace)
    tab(qtbot)  # typed in, emptied and left: now it says why
    assert reasons() == ["source is required"]


def test_the_reports_table_keeps_its_columns_when_its_event_goes(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Emptied (no event, or its event deleted), the table fitted its columns to their
    titles alone, and the last one took the rest of the width."""
    window = open_window(qtbot, example_ledger(tmp_path))
    window.resize(1280, 800)
    pane = window.event_pane
    pane.show_event("bodies-2025-06-13")
    QApplication.processEvents()
    widths = [pane.table.columnWidth(c) for c in range(pane.table.columnCount())]
    pane.show_event("")
    QApplication.processEvents()
    assert [pane.table.columnWidth(c) for c in range(pane.table.columnCount())] == widths


def test_two_flows_whose_parties_differ_only_in_case_are_one_flow_stated_twice(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """ "russia" is the party Russia: the rows passed as two flows, and the commit ended
    in the unexpected-error dialog (UNIQUE constraint failed: flows…)."""
    window = open_window(qtbot, example_ledger(tmp_path))
    form = window.form
    shortcut(qtbot, window, "Ctrl+N")
    form.source.setText("Coordination HQ")
    form.claimed_date.setText("2025-06-01")
    for from_party, count in (("Russia", "5"), ("russia", "7")):
        form.flows.add_row().set_flow("pows", from_party, "Ukraine", int(count), "exact")
    flows, ok = form.flows.validate(show=True)
    assert not ok and len(flows) == 1
    assert "already states" in form.flows.rows[1].error.text()
    reports = window.ledger.count("reports")
    form.commit()
    assert window.ledger.count("reports") == reports
    from desktop_app.domain.records import Flow, FlowKey
    from desktop_app.domain.validation import Invalid
    from desktop_app.store.ledger import ReportInput

    twice = (
        Flow(FlowKey("Russia", "Ukraine", "pows"), 5),
        Flow(FlowKey("russia", "Ukraine", "pows"), 7),
    )
    with pytest.raises(Invalid, match="states pows Russia → Ukraine twice"):
        window.ledger.add_report(ReportInput("exchange", "HQ", "2025-06-01", flows=twice), "t")
    assert window.ledger.count("reports") == reports


def test_a_report_for_an_event_gone_meanwhile_asks_before_it_becomes_a_new_event(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl+Shift+N, then the event's last report undone: the commit wrote the new report
    under the gone event's id, bringing it back, with no similar-event prompt."""
    window = open_window(qtbot, tmp_path / "ledger.db")
    enter_report(
        qtbot,
        window,
        source="HQ",
        date="2025-06-11",
        flows=[("Russia", "Ukraine", "5")],
        **A_SOURCE,
    )
    (first,) = stored_reports(tmp_path / "ledger.db")
    window.session.event_selected.emit(first["event_id"])
    qtbot.waitUntil(lambda: window.event_pane.event_id == first["event_id"])
    shortcut(qtbot, window, "Ctrl+Shift+N")
    assert window.form.target_event == first["event_id"]
    window.session.undo_stack.undo()  # the event's only report goes
    qtbot.waitUntil(lambda: window.ledger.count("reports") == 0)
    window.form.source.setText("Another source")
    window.form.claimed_date.setText("2024-01-02")
    window.form.flows.add_row().set_flow("civilians", "Ukraine", "Russia", 3, "exact")
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or next(answers)
    )
    window.form.commit()
    assert asked == ["Event gone"] and window.ledger.count("reports") == 0
    window.form.commit()
    (report,) = stored_reports(tmp_path / "ledger.db")
    assert report["event_id"] != first["event_id"] and report["source"] == "Another source"


def test_f2_and_ctrl_enter_with_nothing_changed_writes_nothing(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """The unchanged report was written again, moved to the end of the write order, and
    reopened the decision it agreed with."""
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    window.session.event_selected.emit("bodies-2025-06-13")
    qtbot.waitUntil(lambda: len(window.event_pane.reports) == 3)
    audited = window.ledger.count("audit")
    before = stored_reports(path)
    window.event_pane.table.setFocus()
    window.event_pane.table.selectRow(0)
    shortcut(qtbot, window, "F2")
    assert window.form.editing_report
    shortcut(qtbot, window, "Ctrl+Return")
    assert window.form.editing_report is None
    assert "Nothing changed" in window.statusBar().currentMessage()
    assert stored_reports(path) == before and window.ledger.count("audit") == audited


def test_a_new_source_typed_past_a_known_name_starts_at_the_default_grades(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """Typing "UNICEF" past the known "UN" (ngo, A) kept UN's kind and grade, stored as
    the new source's own; a blank-looking party (a zero-width space) is no party."""
    path = tmp_path / "ledger.db"
    window = open_window(qtbot, path)
    enter_report(
        qtbot,
        window,
        source="UN",
        party="",
        kind="ngo",
        reliability="A",
        date="2025-06-11",
        quote="q",
        credibility="3",
        flows=[("Russia", "Ukraine", "5")],
    )
    shortcut(qtbot, window, "Ctrl+N")
    window.form.source.setFocus()
    type_text(qtbot, "UN")
    assert window.form.reliability.currentIndex() == 0  # A, UN's
    type_text(qtbot, "ICEF")
    assert window.form.source_kind.isEnabled()
    assert window.form.reliability.currentIndex() == 5  # F: cannot be judged
    window.form.source_party.setText("\u200b")
    window.form.claimed_date.setText("2025-06-12")
    window.form.flows.add_row().set_flow("pows", "Russia", "Ukraine", 9, "exact")
    window.form.commit()
    unicef = [report for report in stored_reports(path) if report["source"] == "UNICEF"]
    assert [(r["kind"], r["reliability"], r["source_party"]) for r in unicef] == [
        ("other", "F", None)
    ]


def test_escape_asks_before_it_clears_a_published_date(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, tmp_path / "ledger.db")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.No
    )
    window.form.published.setFocus()
    type_text(qtbot, "2025-06-01")
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == ["Discard this report?"] and window.form.published.text() == "2025-06-01"


@pytest.mark.parametrize("answer", ["Cancel", "Commit over it"])
def test_an_edit_committed_over_another_programs_newer_edit_is_asked_first(
    answer: str,
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A colleague's newer edit, merged in while the form held the report (or written by
    another window), was overwritten by Ctrl+Enter without a word: "Saved: Edit report",
    the old count and quote written back."""
    path = example_ledger(tmp_path)
    window = open_window(qtbot, path)
    window.event_pane.show_event("bodies-2025-06-13")
    window.event_pane.table.setFocus()
    window.event_pane.table.selectRow(0)
    press(qtbot, Qt.Key.Key_F2)
    report_id = window.form.editing_report
    assert report_id
    window.form.location.setText("Istanbul")
    with Ledger.open(path) as other:  # another program: the quote corrected
        record = other.report_record(report_id)
        assert record is not None
        other.conn.execute("BEGIN IMMEDIATE")
        other.conn.execute(
            "UPDATE reports SET quote = 'corrected there', seq = seq + 1000 WHERE id = ?",
            (report_id,),
        )
        other.conn.execute("COMMIT")
    asked: list[str] = []

    def reply(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.windowTitle())
        next(b for b in box.buttons() if b.text().replace("&", "") == answer).click()

    when_modal(reply)
    shortcut(qtbot, window, "Ctrl+Return")
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == ["Report changed meanwhile"]
    with Ledger.open(path, read_only=True) as ledger:
        stored = ledger.report_record(report_id)
    assert stored is not None
    if answer == "Cancel":
        assert (stored["quote"], stored["location"]) == ("corrected there", record["location"])
        assert window.form.editing_report == report_id  # what was typed stays
        assert window.form.location.text() == "Istanbul"
    else:
        assert stored["location"] == "Istanbul" and stored["quote"] == record["quote"]
        assert window.form.editing_report is None


def test_an_edit_raced_by_another_program_inside_the_write_is_refused(tmp_path: Path) -> None:
    path = example_ledger(tmp_path)
    with Ledger.open(path) as ledger:
        report_id = ledger.conn.execute("SELECT id FROM reports LIMIT 1").fetchone()[0]
        seq = ledger.report_seq(report_id)
        edit = ReportInput(
            event_type="exchange", source_name="S", claimed_date="2025-06-13", quote="q"
        )
        ledger.conn.execute("UPDATE reports SET seq = seq + 1000 WHERE id = ?", (report_id,))
        before = ledger.report_record(report_id)
        with pytest.raises(ReportChanged, match="changed by another program"):
            ledger.edit_report(report_id, edit, "Ada", seq=seq)
        assert ledger.report_record(report_id) == before
