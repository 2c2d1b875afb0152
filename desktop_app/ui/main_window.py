"""The main window: builds the panes and wires them to the ledger; nothing more."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..store import queries
from ..store.ledger import Changes, Ledger
from .events_model import EventsModel
from .notifier import LedgerNotifier


class MainWindow(QMainWindow):
    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self.ledger = ledger
        self.notifier = LedgerNotifier(self)
        self.events_model = EventsModel(ledger)
        self._build()
        self.notifier.changed.connect(self._on_changed)
        self._update_title()
        self._update_status()

    def _build(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.read_only_banner = QLabel(
            "This file is read-only: you can read and export, but not change it.", central
        )
        self.read_only_banner.setAccessibleName("Read-only banner")
        self.read_only_banner.setStyleSheet(
            "background: #fff3cd; color: #664d03; padding: 6px; border: 1px solid #ffe69c;"
        )
        self.read_only_banner.setVisible(self.ledger.read_only)
        layout.addWidget(self.read_only_banner)
        self.events_view = QTableView(central)
        self.events_view.setAccessibleName("Events")
        self.events_view.setModel(self.events_model)
        self.events_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.events_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.events_view.setAlternatingRowColors(True)
        self.events_view.verticalHeader().setVisible(False)
        header = self.events_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.events_view)
        self.setCentralWidget(central)
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)
        quit_action = self.menuBar().addMenu("&File").addAction("&Quit")
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        self.resize(1100, 650)

    def _update_title(self) -> None:
        suffix = " [read-only]" if self.ledger.read_only else ""
        self.setWindowTitle(f"{self.ledger.path.name}{suffix} — Exchange Ledger")

    def _update_status(self) -> None:
        statuses = queries.status_counts(self.ledger)
        events = sum(statuses.values())
        open_conflicts = statuses.get("conflict", 0) + statuses.get("reopened", 0)
        reports = self.ledger.count("reports")
        self.status_label.setText(
            f"{self.ledger.path}  ·  {events} events  ·  {reports} reports"
            f"  ·  {open_conflicts} open conflicts"
        )

    def _on_changed(self, changes: Changes) -> None:
        self.events_model.reload()
        self._update_status()

    def closeEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        self.ledger.close()
        super().closeEvent(event)
