"""The window at 1280x800 as a researcher sees it: three workspaces (record, review, the
balance) that each get the room, shortcuts that bring their pane into view before they
act, and no widget that makes the window grow."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV, REPO, REPORTS_HEADER, write_csv, write_reports_csv
from PySide6.QtCore import QRect, Qt, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTableWidget,
    QWidget,
)
from ui_helpers import open_window, shortcut

from desktop_app.domain.records import FieldKey, FlowKey
from desktop_app.store.event_list import EventFilter, EventList
from desktop_app.store.importer import apply_import, plan_import
from desktop_app.store.ledger import Ledger
from desktop_app.store.merge import MergeResult
from desktop_app.ui import i18n
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.transfers import merge_summary

LONG_SOURCE = "Coordination Headquarters for the Treatment of Prisoners of War"


def three_reports_csv(path: Path) -> Path:
    """One exchange, three sources (one with a long name) disagreeing on a count."""
    rows = []
    for source, party, count, grade in (
        (LONG_SOURCE, "Ukraine", "207", "B"),
        ("Ministry of Defence of the Russian Federation", "Russia", "195", "C"),
        ("Independent monitor", "", "207", "F"),
    ):
        row = dict.fromkeys(REPORTS_HEADER, "")
        row.update(
            event_id="swap", event_type="exchange", event_date="2024-10-18",
            category="pows", from_party="Russia", to_party="Ukraine", count=count,
            source_name=source, source_kind="official", source_party=party,
            reliability=grade, credibility="2", quote=f"{source} reported {count} returned.",
        )  # fmt: skip
        rows.append(list(row.values()))
    return write_csv(path, REPORTS_HEADER, rows)


def ledger_with(path: Path, *csv_files: Path) -> Path:
    with Ledger.open(path) as ledger:
        for csv_path in csv_files:
            plan = plan_import(ledger, csv_path, "importer")
            assert not plan.errors, plan.errors
            apply_import(ledger, plan, "importer")
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    path = ledger_with(
        tmp_path / "ledger.db",
        write_reports_csv(tmp_path / "many.csv", 60),
        three_reports_csv(tmp_path / "swap.csv"),
    )
    opened = open_window(qtbot, path)
    opened.resize(1280, 800)
    QApplication.processEvents()
    return opened


def rows_shown(view: QTableView) -> float:
    return view.viewport().height() / max(1, view.rowHeight(0))


def in_view(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def fits(table: QTableWidget, row: int, column: int) -> bool:
    """The cell's text is drawn whole (wrapped, never elided) in the cell's rectangle."""
    item = table.item(row, column)
    rect = table.visualItemRect(item)
    needed = table.fontMetrics().boundingRect(
        QRect(0, 0, rect.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, item.text()
    )
    return needed.height() <= rect.height() and needed.width() <= rect.width()


def test_record_shows_ten_events_and_three_reports(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    assert window.workspaces.currentWidget() is window.record_splitter
    assert rows_shown(window.events_pane.view) >= 10
    window.events_pane.view.selectRow(window.events_pane.model.rowCount() - 1)
    qtbot.waitUntil(lambda: len(window.event_pane.reports) >= 3)
    assert rows_shown(window.event_pane.table) >= 3


def test_review_compares_three_reports_on_half_the_window_or_more(
    qtbot,  # noqa: ANN001
    window: MainWindow,
) -> None:
    shortcut(qtbot, window, "Ctrl+2")
    pane = window.review_pane
    assert in_view(pane.comparison)
    pane.show_event("swap")
    qtbot.wait(50)  # the rows are measured once the columns have their widths
    table = pane.comparison
    assert table.width() >= window.width() / 2
    assert table.verticalHeaderItem(0).text() == "pows Russia → Ukraine"  # disputed first
    labels = [table.verticalHeaderItem(row).text() for row in range(table.rowCount())]
    for label in ("Source", "Party", "Reliability", "Credibility"):
        row = labels.index(label)
        for column in range(3):
            assert fits(table, row, column), (label, table.item(row, column).text())


def test_taking_a_long_named_report_does_not_widen_the_window(
    qtbot,  # noqa: ANN001
    window: MainWindow,
) -> None:
    width = window.width()
    pane = window.review_pane
    pane.show_event("swap")
    shortcut(qtbot, window, "Alt+1")
    assert LONG_SOURCE in pane.picked_label.text()
    QApplication.processEvents()
    assert window.width() == width
    assert pane.rationale.height() >= 50


@pytest.mark.parametrize("keys", ["F8", "Shift+F8", "F6", "Shift+F6", "Alt+1", "Alt+W"])
def test_a_review_shortcut_brings_the_review_into_view_first(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    keys: str,
) -> None:
    window.review_pane.show_event("swap")
    window.events_pane.view.setFocus()
    assert not in_view(window.review_pane.comparison)
    shortcut(qtbot, window, keys)
    assert in_view(window.review_pane.comparison)
    assert in_view(window.review_pane.value)


def test_f8_from_another_workspace_starts_with_the_event_the_review_holds(
    qtbot,  # noqa: ANN001
    window: MainWindow,
) -> None:
    """The review pane follows the event selected in Record, unseen: the first F8 from
    there shows that event, the next one moves on (it skipped it before)."""
    pane = window.review_pane
    first, second = pane.queue_ids()[:2]
    pane.show_event(first)
    window.events_pane.view.setFocus()
    assert not in_view(pane.comparison)
    shortcut(qtbot, window, "F8")
    assert in_view(pane.comparison) and pane.event_id == first
    shortcut(qtbot, window, "F8")
    assert pane.event_id == second
    shortcut(qtbot, window, "Ctrl+1")
    shortcut(qtbot, window, "Shift+F8")
    assert pane.event_id == second
    shortcut(qtbot, window, "Shift+F8")
    assert pane.event_id == first


def test_ctrl_1_2_3_switch_workspaces_and_focus_their_work(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    category = window.chart_pane.category_combo.currentText()
    shortcut(qtbot, window, "Ctrl+3")
    assert in_view(window.chart_pane) and not in_view(window.events_pane.view)
    # the chart, where its arrow keys step through the days, not its Category filter
    assert QApplication.focusWidget() is window.chart_pane.graphics
    shortcut(qtbot, window, "Down")
    assert window.chart_pane.category_combo.currentText() == category
    shortcut(qtbot, window, "Ctrl+2")
    assert in_view(window.review_pane.queue)
    assert QApplication.focusWidget() is window.review_pane.queue
    shortcut(qtbot, window, "Ctrl+1")
    assert in_view(window.events_pane.view) and in_view(window.form)
    assert QApplication.focusWidget() is window.events_pane.view
    shortcut(qtbot, window, "Ctrl+Shift+R")
    assert QApplication.focusWidget() is window.event_pane.table
    shortcut(qtbot, window, "Ctrl+Shift+F")
    assert QApplication.focusWidget() is window.form.event_type


def test_f6_visits_only_the_disputed_fields_and_warnings(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    pane = window.review_pane
    pane.show_event("swap")
    disputed = FieldKey.count(FlowKey("Russia", "Ukraine", "pows"))
    seen = set()
    for _ in range(4):
        shortcut(qtbot, window, "F6")
        seen.add(pane.current_field())
    assert seen == {disputed}  # never the undisputed date or location
    shortcut(qtbot, window, "Shift+F6")
    assert pane.current_field() == disputed


def test_undo_says_what_it_undid(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    pane = window.review_pane
    pane.show_event("swap")
    shortcut(qtbot, window, "Alt+1")
    shortcut(qtbot, window, "Alt+W")
    qtbot.keyClicks(pane.rationale, "the count of two sources")
    qtbot.keyClick(pane.rationale, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    said = "Decide pows Russia → Ukraine: 207 (2024-10-18 exchange)."  # the event named
    assert window.statusBar().currentMessage() == f"Saved: {said}"
    shortcut(qtbot, window, "Ctrl+1")
    shortcut(qtbot, window, "Ctrl+Z")
    assert window.statusBar().currentMessage() == f"Undone: {said}"


def _rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def test_a_half_screen_window_wraps_the_filters_and_buttons_over_nothing(
    window: MainWindow,
    qtbot,  # noqa: ANN001
) -> None:
    """Half a 1920-pixel screen, beside the article being read: the filters and the
    report buttons take more lines rather than hold the window wider, each label stays
    beside its field, and no line is drawn over the tables under it."""
    pane = window.events_pane
    pane.view.selectRow(0)  # an event shown: its summary takes three lines at 960
    assert window.event_pane.event_id
    filters = [pane.type_filter, pane.status_filter, pane.category_filter]
    filters += [pane.date_from, pane.date_to]
    assert len({_rect_in(field, window).y() for field in filters}) == 1  # one line at 1280
    window.resize(960, 800)
    qtbot.waitUntil(lambda: window.width() == 960)
    window.record_splitter.setSizes([300, 660])  # the form wide, the events narrow
    qtbot.wait(100)  # the panes take their new minimum heights
    assert window.width() == 960
    assert len({_rect_in(field, window).y() for field in filters}) > 1
    for field in filters:
        (label,) = (c for c in field.parentWidget().children() if isinstance(c, QLabel))
        assert _rect_in(label, window).center().y() == pytest.approx(
            _rect_in(field, window).center().y(), abs=3
        )
    events_top = _rect_in(pane.view, window).top()
    assert all(_rect_in(field, window).bottom() < events_top for field in filters)
    event_pane = window.event_pane
    buttons = [event_pane.new_button, event_pane.edit_button, event_pane.delete_button]
    assert len({_rect_in(button, window).y() for button in buttons}) > 1
    reports_bottom = _rect_in(event_pane.table, window).bottom()
    assert all(_rect_in(button, window).top() > reports_bottom for button in buttons)
    evidence_top = _rect_in(event_pane.evidence_button, window).top()
    assert all(_rect_in(button, window).bottom() < evidence_top for button in buttons)


def test_a_message_too_long_beside_the_counts_has_the_bar_to_itself_until_it_goes(
    window: MainWindow,
    qtbot,  # noqa: ANN001
) -> None:
    """Qt cuts a passing message where the counts begin: at a narrow width "Imported
    many.csv:" read on into the file's name and counts as one sentence. The counts now
    step aside while such a message stands, and come back with it gone; where both fit,
    both show; one longer than the whole bar ends in "…"."""
    bar, counts = window.statusBar(), window.status_label
    message = "Imported many.csv into ledger.db: added 20 events, 60 reports, 60 flows"
    qtbot.waitUntil(lambda: "to review" in counts.text())
    window.session.message.emit(message)
    assert bar.currentMessage() == message and counts.isVisible()  # 1280 pixels: both
    window.resize(640, 800)
    qtbot.waitUntil(lambda: bar.width() <= 640)
    assert not counts.isVisible() and bar.toolTip() == message
    room = bar.width() - counts.width()
    assert bar.fontMetrics().horizontalAdvance(message) > room  # it would have been cut
    assert bar.shown_message() == message  # alone, it fits
    longer = f"{message}; {message}"  # longer than the whole bar: it ends in "…"
    window.session.message.emit(longer)
    shown = bar.shown_message()
    assert shown.endswith("…") and longer.startswith(shown[:-1]) and len(shown) > 20
    assert bar.fontMetrics().horizontalAdvance(shown) < bar.width() and bar.toolTip() == longer
    assert not bar.grab().isNull()
    bar.clearMessage()
    assert counts.isVisible() and bar.toolTip() == ""
    window.session.message.emit("Saved.")
    assert counts.isVisible() and bar.shown_message() == "Saved."


def test_a_message_that_stays_gives_the_counts_back_after_a_while(
    window: MainWindow,
    qtbot,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A message shown without a time limit (where an upgraded file's backup lies) that
    does not fit beside the counts: they step aside for a few seconds only, then come
    back beside it, the message cut with "…" and whole in the tooltip; a resize does not
    send them away again, a new message may. "N to review" is never hidden for long."""
    monkeypatch.setattr("desktop_app.ui.status_bar.STEP_ASIDE_MS", 200)
    bar, counts = window.statusBar(), window.status_label
    qtbot.waitUntil(lambda: "to review" in counts.text())
    window.resize(640, 800)
    qtbot.waitUntil(lambda: bar.width() <= 640)
    message = "Imported many.csv into ledger.db: added 20 events, 60 reports, 60 flows"
    bar.showMessage(message)
    assert not counts.isVisible()
    qtbot.waitUntil(counts.isVisible, timeout=3000)
    assert bar.currentMessage() == message and bar.toolTip() == message
    shown = bar.shown_message()
    assert shown.endswith("…") and message.startswith(shown[:-1]), shown
    assert bar.fontMetrics().horizontalAdvance(shown) < counts.x()
    assert not bar.grab().isNull()
    window.resize(630, 800)
    qtbot.waitUntil(lambda: bar.width() <= 630)
    assert counts.isVisible()
    bar.showMessage(f"{message}, again")
    assert not counts.isVisible()


@pytest.fixture
def russian(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The window's texts in Russian for one test (its longest words)."""
    monkeypatch.setattr(i18n, "_current", ["ru"])  # stored values are shown translated
    translator = QTranslator()
    assert translator.load(str(REPO / "resources" / "translations" / "exchange_ledger_ru.qm"))
    QApplication.installTranslator(translator)
    yield
    QApplication.removeTranslator(translator)


def test_the_history_and_provenance_name_reports_in_the_nominative(
    russian: None,
    qtbot,  # noqa: ANN001
    window: MainWindow,
) -> None:
    """The provenance's lines began "сообщению 1 (…)", the form "following report 1"
    takes, where a line needs "сообщение 1 (…)"."""
    pane = window.review_pane
    pane.show_event("swap")
    shortcut(qtbot, window, "Alt+1")
    shortcut(qtbot, window, "Alt+W")
    qtbot.keyClicks(pane.rationale, "two sources")
    qtbot.keyClick(pane.rationale, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    pane.show_event("swap")
    pane._choose_field(FieldKey.count(FlowKey("Russia", "Ukraine", "pows")))
    lines = pane.history.toPlainText().splitlines()
    assert any(", на основании: сообщение 1 (" in line for line in lines), lines
    assert any(line.startswith("сообщение 1 (") for line in lines), lines
    assert not any("сообщению" in line for line in lines), lines


def test_the_events_table_and_evidence_line_show_russian_words_whole(
    russian: None,
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """ "договорённость" is twice as wide as "talks": the Type column takes the widest
    event type, and the line about the evidence is never cut in a half-screen window."""
    window = open_window(qtbot, ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV))
    window.resize(960, 800)
    qtbot.wait(100)
    view = window.events_pane.view
    metrics = view.fontMetrics()
    model = view.model()
    shown = {model.data(model.index(row, 1)) for row in range(model.rowCount())}
    assert "договорённость" in shown
    assert all(metrics.horizontalAdvance(text) + 8 <= view.columnWidth(1) for text in shown)
    window.session.event_selected.emit(model.event_id(0))
    qtbot.wait(100)
    label = window.event_pane.evidence_label
    assert label.text().startswith("Доказательств пока нет")
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()


def test_the_review_queue_shows_russian_statuses_whole_and_every_cell_in_its_tooltip(
    russian: None,
    qtbot,  # noqa: ANN001
    window: MainWindow,
) -> None:
    """The queue's columns kept their English widths: "противоречие" read "противор…",
    and the cut disagreement ("1 245 против 1 212, тела …") had no tooltip to read."""
    window.show_workspace(1)
    queue = window.review_pane.queue
    model = queue.model()
    metrics = queue.fontMetrics()
    for row in range(model.rowCount()):
        status = model.data(model.index(row, 1))
        assert metrics.horizontalAdvance(status) + 8 <= queue.columnWidth(1), status
        for column in range(model.columnCount()):
            index = model.index(row, column)
            shown = model.data(index)
            assert shown in model.data(index, Qt.ItemDataRole.ToolTipRole), (row, column)


def test_a_choice_cut_short_in_a_narrow_box_is_whole_in_its_tooltip(
    russian: None,
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """ "6 — Достоверность невозможно оценить" does not fit the form's box in Russian."""
    window = open_window(qtbot, ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV))
    window.resize(1280, 800)
    qtbot.wait(50)
    box = window.form.credibility
    text = box.currentText()
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    control, field = QStyle.ComplexControl.CC_ComboBox, QStyle.SubControl.SC_ComboBoxEditField
    shown = box.style().subControlRect(control, option, field, box)
    assert box.fontMetrics().horizontalAdvance(text) > shown.width()  # cut where it is shown
    assert box.toolTip() == text
    box.setCurrentIndex(0)
    assert box.toolTip() == box.currentText() != text


def test_a_merges_withdrawals_are_said_in_the_windows_language(qapp, russian: None) -> None:  # noqa: ANN001
    merged = MergeResult()
    merged.counts.update(withdrawn=2, reinstated=1)
    text = merge_summary(merged)
    assert text.endswith(
        "; решений отозвано: 2, снова в силе: 1, так как в другом файле их изменили позже"
    )


def test_a_merges_evidence_records_are_said_in_the_windows_language(qapp, russian: None) -> None:  # noqa: ANN001
    """The English summary counted them; the translated one left them out."""
    merged = MergeResult()
    merged.counts.update(evidence=3)
    assert merge_summary(merged).endswith("; записей о доказательствах добавлено: 3")


def test_a_merges_later_evidence_descriptions_are_said_in_the_windows_language(
    qapp,  # noqa: ANN001
    russian: None,
) -> None:
    merged = MergeResult()
    merged.counts.update(described=2, described_kept=1)
    assert merge_summary(merged).endswith(
        "; описания доказательств, взятые из другого файла, где их исправили позже: 2"
        "; описания доказательств, оставленные нашими, так как у нас их исправили не раньше: 1"
    )


def test_remembered_column_widths_never_cut_the_languages_words(
    russian: None,
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """Widths kept from a run in English (or narrowed by hand) come back widened where
    they would cut the event types of the window's language."""
    path = ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV)
    first = open_window(qtbot, path)
    first.events_pane.view.horizontalHeader().resizeSection(1, 60)
    first.close()
    again = open_window(qtbot, path)
    view = again.events_pane.view
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance("договорённость") + 8


def test_the_evidence_line_speaks_only_of_a_selected_report(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """With no report selected there is no report to drop a file on: the line is hidden
    and the evidence buttons start at the pane's left edge."""
    window = open_window(qtbot, ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV))
    pane = window.event_pane
    window.session.event_selected.emit("")
    qtbot.wait(50)
    assert not pane.selected_report_id()
    assert pane.evidence_label.isHidden()
    assert pane.evidence_button.geometry().left() == 0
    model = window.events_pane.view.model()
    window.session.event_selected.emit(model.event_id(0))
    qtbot.waitUntil(lambda: pane.selected_report_id() is not None)
    assert pane.evidence_label.isVisible()
    assert pane.evidence_label.text() == "No evidence yet: drop a file on the report"


def test_a_new_window_starts_in_the_events_list(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Not in the Type filter above it, where the arrow keys change the filter; and the
    focus alone shows no event (Qt would make the first row current): Down chooses."""
    assert QApplication.focusWidget() is window.events_pane.view
    assert window.event_pane.event_id == "" and window.review_pane.event_id == ""
    qtbot.keyClick(window.events_pane.view, Qt.Key.Key_Down)
    assert window.event_pane.event_id == window.events_pane.model.event_id(0)


@pytest.mark.parametrize("way", ["Ctrl+1", "tab", "Tab"])
def test_coming_back_to_the_events_list_chooses_no_event(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    way: str,
) -> None:
    """Ctrl+1, the workspace's tab or Tab from the filters gave the list its first row,
    which showed its event: Delete then Enter deleted an event nobody chose. (Nothing to
    review in the example: the Review chooses no event either.)"""
    window = open_window(qtbot, ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV))
    shortcut(qtbot, window, "Ctrl+2")
    assert window.review_pane.queue_ids() == []
    if way == "Ctrl+1":
        shortcut(qtbot, window, "Ctrl+1")
    elif way == "tab":
        window.workspaces.setCurrentIndex(0)
    else:
        window.workspaces.setCurrentIndex(0)
        window.events_pane.date_to.line.setFocus(Qt.FocusReason.OtherFocusReason)
        window.events_pane.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait(50)
    assert QApplication.focusWidget() is window.events_pane.view
    assert not window.events_pane.view.currentIndex().isValid()
    assert window.event_pane.event_id == ""
    qtbot.keyClick(window.events_pane.view, Qt.Key.Key_Down)  # a person's choice
    assert window.event_pane.event_id == window.events_pane.model.event_id(0)


def test_f8_from_record_lands_in_the_queue_not_on_its_sort_order(
    qtbot,  # noqa: ANN001
    window: MainWindow,
) -> None:
    """Qt gives a page shown for the first time its first control; there Down re-sorted
    the queue instead of moving in it."""
    pane = window.review_pane
    window.events_pane.view.setFocus()
    shortcut(qtbot, window, "F8")
    assert QApplication.focusWidget() is pane.queue
    order = pane.sort_order.currentIndex()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert pane.sort_order.currentIndex() == order
    assert pane.event_id == pane.queue_ids()[1]


def test_a_window_remembered_on_the_review_starts_in_its_queue(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = ledger_with(tmp_path / "ledger.db", three_reports_csv(tmp_path / "r.csv"))
    first = open_window(qtbot, path)
    shortcut(qtbot, first, "Ctrl+2")
    first.close()
    second = open_window(qtbot, path)
    assert second.workspaces.currentIndex() == 1
    assert QApplication.focusWidget() is second.review_pane.queue


def test_an_event_summary_gives_back_the_lines_a_longer_one_took(qtbot) -> None:  # noqa: ANN001
    """Qt's height for a width is never below a label's minimum height: held as the
    minimum, a three-line summary kept its height for every shorter one after it."""
    from desktop_app.ui.flow_layout import WrappedLabel

    label = WrappedLabel("one line")
    qtbot.addWidget(label)
    label.resize(200, 20)
    label.setText("<b>talks</b> · 2025-06-02 · Istanbul · <b>single</b> · 1 report<br>no flows")
    long = label.minimumHeight()
    label.setText("Select an event to see its reports.")
    assert 0 < label.minimumHeight() < long


def test_a_search_that_hides_the_selected_event_lets_it_go_until_cleared(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """The table emptied by a search still had its event shown beside it, and Ctrl+Shift+N
    opened a new report for that event out of view; the empty table said nothing."""
    window = open_window(qtbot, ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV))
    pane = window.events_pane
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    chosen = pane.model.event_id(0)
    assert window.event_pane.event_id == chosen and not pane.no_match.isVisibleTo(pane)
    pane.search.setText("nothing-of-the-sort")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 0)
    assert pane.selected_event() == "" and window.event_pane.event_id == ""
    assert pane.no_match.isVisibleTo(pane)
    pane.view.setFocus()
    shortcut(qtbot, window, "Ctrl+Shift+N")
    assert window.form.target_event is None
    shortcut(qtbot, window, "Ctrl+Shift+L")
    qtbot.waitUntil(lambda: window.event_pane.event_id == chosen)
    assert pane.selected_event() == chosen and not pane.no_match.isVisibleTo(pane)


def test_an_event_picked_from_a_search_that_hid_the_selected_one_is_selected(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """After a search hid the selected event, a row picked from its results was
    highlighted and shown beside, yet Ctrl+Shift+N said "Select an event first"."""
    window = open_window(qtbot, ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV))
    pane = window.events_pane
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    chosen = pane.selected_event()
    pane.search.setText("Medinsky")
    qtbot.waitUntil(lambda: 0 < pane.model.rowCount() < 4)
    assert not pane.model.shows(chosen) and pane.selected_event() == ""
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    picked = pane.model.event_id(pane.view.currentIndex().row())
    assert picked and pane.selected_event() == picked == window.event_pane.event_id
    shortcut(qtbot, window, "Ctrl+Shift+N")
    assert window.form.target_event == picked


def test_a_search_word_with_an_underscore_searches_and_a_failed_query_keeps_the_table(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Telegram handle typed into the search (`rybar_ru`) reached the unexpected-error
    dialog, and, its filter stored before its query failed, so did every later sort and
    commit. A query that fails now leaves the table with the filter it had."""
    window = open_window(qtbot, ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV))
    pane = window.events_pane
    everything = pane.model.rowCount()
    shortcut(qtbot, window, "Ctrl+F")
    qtbot.keyClicks(pane.search, "Vladimir_Medinsky")
    qtbot.waitUntil(lambda: pane.model.event_filter.text == "Vladimir_Medinsky")
    istanbul = pane.model.rowCount()
    assert 0 < istanbul < everything
    shown = pane.model.event_filter

    def fails(self: object) -> int:
        raise sqlite3.OperationalError("fts5: the query failed")

    monkeypatch.setattr(EventList, "count", fails)
    with pytest.raises(sqlite3.OperationalError):
        pane.model.set_filter(EventFilter(text="anything"))
    monkeypatch.undo()
    assert pane.model.event_filter == shown and pane.model.rowCount() == istanbul
    pane.model.sort(0, Qt.SortOrder.DescendingOrder)  # the kept filter still works
    assert pane.model.rowCount() == istanbul


def test_the_report_edited_stays_selected_through_commit_and_undo(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """An edit moves its report to the end of the write order: the selection stayed on
    its old row, now another report's, and the next F2 or Delete acted on that one."""
    window = open_window(qtbot, ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV))
    window.session.event_selected.emit("bodies-2025-06-13")
    pane = window.event_pane
    qtbot.waitUntil(lambda: len(pane.reports) == 3)
    pane.table.setFocus()
    pane.table.selectRow(0)
    edited = pane.selected_report_id()
    shortcut(qtbot, window, "F2")
    assert window.form.editing_report == edited
    window.form.location.setText("Somewhere")
    shortcut(qtbot, window, "Ctrl+Return")
    qtbot.waitUntil(lambda: pane.reports[-1]["id"] == edited)  # moved to the end
    assert pane.selected_report_id() == edited
    window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: pane.reports[0]["id"] == edited)  # back at its place
    assert pane.selected_report_id() == edited


@pytest.mark.parametrize("deleted_by", ["Delete", "another program"])
def test_an_edit_of_a_report_deleted_meanwhile_is_refused_and_keeps_the_typing(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    deleted_by: str,
) -> None:
    """F2, then the report deleted (Delete in its table, an undo, the command line): the
    commit reached the unexpected-error dialog (KeyError: 'event_id')."""
    path = ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV)
    window = open_window(qtbot, path)
    window.session.event_selected.emit("bodies-2025-06-13")
    pane = window.event_pane
    qtbot.waitUntil(lambda: len(pane.reports) == 3)
    pane.table.setFocus()
    pane.table.selectRow(1)
    shortcut(qtbot, window, "F2")
    edited = window.form.editing_report
    assert edited == pane.reports[1]["id"]
    if deleted_by == "Delete":
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        pane.table.setFocus()
        pane.table.selectRow(1)
        shortcut(qtbot, window, "Delete")
    else:
        with Ledger.open(path) as other:
            other.delete_report(edited, "someone else")
    qtbot.waitUntil(lambda: not window.session.ledger.report_exists(edited))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    window.form.location.setText("Somewhere")
    window.form.commit()
    assert len(said) == 1 and "has been deleted since you began" in said[0]
    assert window.form.location.text() == "Somewhere" and window.form.editing_report == edited
    with Ledger.open(path) as ledger:
        assert not ledger.report_exists(edited)


@pytest.mark.parametrize("changed_by", ["the form", "another program"])
def test_a_change_that_takes_the_selected_event_out_of_the_search_lets_it_go_everywhere(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    changed_by: str,
) -> None:
    """The table dropped the event, but the reports beside it still showed it, and F2
    edited a report of an event out of view (README: a search that hides the selected
    event lets it go in every pane)."""
    path = ledger_with(tmp_path / "ledger.db", EXAMPLE_CSV)
    window = open_window(qtbot, path)
    pane = window.events_pane
    shortcut(qtbot, window, "Ctrl+F")
    qtbot.keyClicks(pane.search, "Saraliyev")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    pane.view.setFocus()
    pane.view.selectRow(0)
    qtbot.waitUntil(lambda: window.event_pane.event_id == "bodies-2025-06-13")
    reports = window.event_pane.reports
    (saraliyev,) = [r["id"] for r in reports if r["source_name"] == "Shamsail Saraliyev"]
    if changed_by == "the form":
        window.event_pane.table.setFocus()
        window.event_pane.table.selectRow([r["id"] for r in reports].index(saraliyev))
        shortcut(qtbot, window, "F2")
        assert window.form.editing_report == saraliyev
        window.form.source.setText("Coordination HQ")
        window.form.quote.setPlainText("The remains were handed over.")
        shortcut(qtbot, window, "Ctrl+Return")
    else:
        with Ledger.open(path) as other:
            other.delete_report(saraliyev, "someone else")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: window.event_pane.event_id == "")
    qtbot.wait(50)  # every deferred selection has come and gone
    assert window.event_pane.event_id == "" and pane.selected_event() == ""
    window.event_pane.table.setFocus()
    shortcut(qtbot, window, "F2")
    assert window.form.editing_report is None
    shortcut(qtbot, window, "Ctrl+Shift+L")
    qtbot.waitUntil(lambda: window.event_pane.event_id == "bodies-2025-06-13")


@pytest.mark.parametrize("workspace", ["Ctrl+2", "Ctrl+3"])
def test_ctrl_f_brings_the_search_into_view_first(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    workspace: str,
) -> None:
    """Ctrl+F in Review or Balance put the typing into the hidden search box, which
    filtered the events table unseen; it now shows Record first, as Ctrl+N and F2 do."""
    shortcut(qtbot, window, workspace)
    assert window.workspaces.currentWidget() is not window.record_splitter
    shortcut(qtbot, window, "Ctrl+F")
    assert window.workspaces.currentWidget() is window.record_splitter
    assert window.events_pane.search.isVisible() and window.events_pane.search.hasFocus()


def _queue_headers_whole(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The review queue of a window at 1280×800, long enough to scroll: every header's
    words fit their column, the last one beside the scroll bar."""
    path = ledger_with(tmp_path / "ledger.db", write_reports_csv(tmp_path / "many.csv", 150))
    window = open_window(qtbot, path)
    window.resize(1280, 800)
    window.show_workspace(1)
    QApplication.processEvents()
    queue = window.review_pane.queue
    header = queue.horizontalHeader()
    assert queue.verticalScrollBar().isVisible()
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
    last = header.logicalIndex(header.count() - 1)
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
        queue.viewport().width()
    )


def test_the_review_queue_shows_every_header_whole_at_1280_by_800(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """Beside the queue's scroll bar, "Largest disagreement" read "argest disagreemen"."""
    _queue_headers_whole(qtbot, tmp_path)


def test_the_review_queue_shows_every_russian_header_whole(
    russian: None,
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    _queue_headers_whole(qtbot, tmp_path)
