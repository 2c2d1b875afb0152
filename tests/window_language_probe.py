"""Run in a subprocess by tests/test_translations.py: open the window the way the program
does (its start-up, the language from LANG, the example data), open its dialogs, and print
as JSON every text a person reads or hears (text, titles, tooltips, placeholders, menu
actions, header data, tab texts, combo items, accessible names). One report has an
evidence file attached, so its list, check marks and the evidence dialog are read too."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from desktop_app import settings
from desktop_app.store import evidence
from desktop_app.ui import build_main_window
from desktop_app.ui.app import fresh_demo, start_application
from desktop_app.ui.dialogs import ShortcutsDialog, SourcesDialog
from desktop_app.ui.evidence_ui import EvidenceDialog, evidence_line
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.report_form import DuplicatePrompt

DISCARD_OR_CANCEL = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
PDF = b"%PDF-1.4\nthe statement as published, saved\n"


def widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        texts.append(widget.text())
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        texts.append(widget.placeholderText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(index) for index in range(widget.count())]
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(index) for index in range(widget.count())]
    if isinstance(widget, QMenu):
        texts.append(widget.title())
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        root = QModelIndex()
        rows = model.rowCount(root)
        try:
            columns = model.columnCount(root)
        except TypeError:  # a list model (a completer's) hides its column count
            columns = 1
        for orientation, count in (
            (Qt.Orientation.Horizontal, columns),
            (Qt.Orientation.Vertical, rows if rows < 50 else 0),
        ):
            texts += [str(model.headerData(i, orientation) or "") for i in range(count)]
        for row in range(min(rows, 20)):
            for column in range(columns):
                index = model.index(row, column)
                texts.append(str(index.data() or ""))
                texts.append(str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
    for action in widget.actions():
        texts += [action.text(), action.toolTip()]
    return texts


def all_texts(root: QWidget) -> list[str]:
    texts = widget_texts(root)
    for child in root.findChildren(QWidget):
        texts += widget_texts(child)
    return texts


def attach_evidence(window: MainWindow, folder: Path) -> tuple[Path, str]:
    """A file attached to the first report of the first event (selected, so the event
    pane lists it), the way the window attaches one: copied, checked, recorded."""
    window.events_pane.view.selectRow(0)
    QApplication.processEvents()
    report_id = window.event_pane.reports[0]["id"]
    settings.set_user_name("Оксана")  # who adds it (asked once, kept in the settings)
    page = folder / "statement.pdf"
    page.write_bytes(PDF)
    description = evidence.describe(
        page.name, "2025-06-12", "https://web.archive.org/web/2025/https://example.org/s", ""
    )
    assert window.evidence.attach(report_id, page, description) is not None
    return page, report_id


def evidence_texts(window: MainWindow, page: Path, report_id: str) -> list[str]:
    """The evidence list of the event pane and the dialog, with a problem beside a field."""
    pane = window.event_pane
    assert pane.evidence_table.rowCount() == 1, "the evidence list shows the attached file"
    texts = all_texts(pane)
    texts += [evidence_line(window.ledger.path, item) for item in pane.evidence_table.items]
    dialog = EvidenceDialog(page.name, window.evidence._report_label(report_id), window)
    texts += all_texts(dialog)
    dialog.archive_url.setText("архів сторінки")  # not an address: the dialog says why
    dialog.accept()
    texts.append(dialog.problem.text())
    assert dialog.problem.text(), "the dialog shows what is wrong with the archive URL"
    window.verify_evidence()  # its message in the status bar
    texts.append(window.statusBar().currentMessage())
    return texts


def mnemonic(text: str) -> str | None:
    """The letter of an Alt+letter mnemonic ("&Source": s), None without one."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonics(window: MainWindow) -> dict[str, list[list[str]]]:
    """Each workspace's Alt+letter keys (its labels' and buttons' mnemonics, the menu
    bar's and the window's Alt+letter shortcuts, all reachable there) as [letter, text];
    and each dialog's own (a modal dialog takes no key of the window's)."""
    window.form.flows.add_row()
    shared = [[mnemonic(a.text()), a.text()] for a in window.menuBar().actions()]
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            text = keys.toString()
            if re.fullmatch(r"Alt\+[A-Za-z]", text):
                shared.append([text[-1].lower(), action.text()])
    pages = {"record": window.record_splitter, "review": window.review_pane}
    pages["balance"] = window.chart_pane
    candidates = [dict(event_id="x", date="2025-06-11", location="", n_reports=2,
                       status="conflict", flows_text="", sources="")]  # fmt: skip
    dialogs = {
        "sources dialog": SourcesDialog(window.session, window),
        "duplicate prompt": DuplicatePrompt(candidates, window),
    }
    keys = {}
    for name, page in {**pages, **dialogs}.items():
        widgets = [*page.findChildren(QLabel), *page.findChildren(QAbstractButton)]
        own = [[mnemonic(widget.text()), widget.text()] for widget in widgets]
        keys[name] = [pair for pair in own + (shared if name in pages else []) if pair[0]]
    for menu in window.menuBar().findChildren(QMenu):  # each open menu takes its own letters
        if menu.title():
            own = [[mnemonic(a.text()), a.text()] for a in menu.actions() if a.text()]
            keys[f"{menu.title()} menu"] = [pair for pair in own if pair[0]]
    return keys


def main() -> int:
    app = start_application()
    folder = Path(sys.argv[1])
    window = build_main_window(fresh_demo(folder))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    if "--mnemonics" in sys.argv:
        print(json.dumps(mnemonics(window)))
        window.close()
        return 0
    page, report_id = attach_evidence(window, folder)
    texts = all_texts(window)
    texts += evidence_texts(window, page, report_id)
    texts.append(window.chart_pane.title_text())
    texts += window.chart_pane.legend.texts()
    for index in range(3):  # every workspace painted once
        window.show_workspace(index)
        app.processEvents()
    events = window.events_pane
    for row in range(events.model.rowCount()):  # each event: its summary, its reports
        events.view.selectRow(row)
        app.processEvents()
        texts += all_texts(window.event_pane)
        texts += all_texts(window.review_pane)
    window.form.flows.add_row()
    window.form.validate(show_all=True)
    texts += all_texts(window.form)
    for series in window.chart_pane.state.series.values():  # every step's hover text
        texts += [window.chart_pane._describe(int(day)) for day in series.days]
    candidates = [dict(event_id="x", date="2025-06-11", location="", n_reports=2,
                       status="conflict", flows_text="bodies Russia→Ukraine 1212",
                       sources="")]  # fmt: skip
    dialogs = [
        ShortcutsDialog(window.shortcut_actions(), window),
        SourcesDialog(window.session, window),
        DuplicatePrompt(candidates, window),
        # the buttons of the form's "Discard this report?" (Qt's own words, ours where
        # Qt's mislead)
        QMessageBox(QMessageBox.Icon.Question, "", "", DISCARD_OR_CANCEL, window),
    ]
    for dialog in dialogs:
        texts += all_texts(dialog)
    window.form.event_type.setFocus()
    texts.append(window.status_label.text())
    window._update_status()
    texts.append(window.status_label.text())
    print(json.dumps(sorted({text for text in texts if text and text.strip()})))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
