"""Dialogs: problems to copy, the keyboard shortcuts, and the sources list."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.naming import source_label
from ..domain.records import RELIABILITY, SOURCE_KINDS, name_key
from ..domain.validation import Invalid
from ..store.ledger import Changes
from ..store.sources import SourceFields, all_sources
from .commands import MergeSources, UpdateSource
from .i18n import number
from .messages import message_text
from .report_form import grade_items
from .session import Session
from .text_undo import TextUndoFallback
from .words import combo_value, fill_values, kind_name, party_name, set_combo_value

translate = QCoreApplication.translate


class ProblemsDialog(QDialog):
    """A list of problems (row, column, reason) a person can read, select and copy."""

    def __init__(self, title: str, intro: str, lines: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 420)
        self.text = QPlainTextEdit("\n".join(lines), self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(translate("Dialogs", "Problems"))
        copy = QPushButton(translate("Dialogs", "&Copy all"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        # Enter closes it, as Esc does: the read-only list has the focus and no use for it.
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout = QVBoxLayout(self)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


SHORTCUT_NAME = "shortcut_name"  # an action's name in the list, where its text changes


def shortcut_name(action: QAction) -> str:
    """What the action does, as the list names it: Undo's own text names the last change
    ("Undo Decide pows Russia → Ukraine: 207"), so it sets a name of its own."""
    name = action.property(SHORTCUT_NAME)
    return str(name) if name else action.text().replace("&", "")


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Keyboard shortcuts"))
        rows = [
            (shortcut_name(action), shortcut_text(action))
            for action in actions
            if not action.shortcut().isEmpty()
        ]
        rows += [
            (translate("Dialogs", "Commit the form"), "Ctrl+Enter"),
            (translate("Dialogs", "Clear the form"), "Esc"),
            (translate("Dialogs", "Add a flow (in the form)"), "Alt+A"),
            (translate("Dialogs", "Remove the flow (in its row)"), "Ctrl+Shift+Del"),
            (translate("Dialogs", "Open the calendar (in a date field)"), "Alt+Down"),
            (translate("Dialogs", "Open the selected evidence (in its list)"), "Enter"),
            (translate("Dialogs", "Remove the selected evidence (in its list)"), "Del"),
            (translate("Dialogs", "Step through the chart's days (on the chart)"), "← → Home End"),
            (translate("Dialogs", "Select the day's event (on the chart)"), "Enter"),
            (translate("Dialogs", "Zoom in, out, show it whole (on the chart)"), "+ − 0"),
            (
                translate("Dialogs", "Field labels"),
                translate("Dialogs", "Alt + the underlined letter"),
            ),
        ]
        # Two pairs of columns, so that every row is in sight at once: none cut in half.
        half = (len(rows) + 1) // 2
        table = QTableWidget(half, 4, self)
        table.setAccessibleName(translate("Dialogs", "Keyboard shortcuts"))
        action, keys = translate("Dialogs", "Action"), translate("Dialogs", "Keys")
        table.setHorizontalHeaderLabels([action, keys, action, keys])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for column in (0, 2):
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for index, (name, keys) in enumerate(rows):
            row, column = index % half, 2 * (index // half)
            item = QTableWidgetItem(name)
            item.setToolTip(name)  # whole where the column cuts it
            table.setItem(row, column, item)
            table.setItem(row, column + 1, QTableWidgetItem(keys))
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        for column in (1, 3):
            table.resizeColumnToContents(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        # Every row in sight when the screen allows: no last row cut in half.
        rows_height = table.verticalHeader().length() + table.horizontalHeader().height()
        self.resize(980, min(rows_height + 80, 760))


def shortcut_text(action: QAction) -> str:
    """An action's keys as a person reads them: Ctrl+Return and Ctrl+Enter are one key."""
    keys: list[str] = []
    for sequence in action.shortcuts():
        text = sequence.toString().replace("Return", "Enter")
        if text not in keys:
            keys.append(text)
    return translate("Dialogs", " or ").join(keys)


def _held(source: dict) -> SourceFields:
    """A source's fields as stored."""
    return SourceFields(source["name"], source["party"], source["kind"], source["reliability"])


def _typed_fields(typed: SourceFields, loaded: SourceFields) -> set[str]:
    """The fields the person changed from what was loaded, as Save reads them: the name
    trimmed, the party by its key."""
    changed = {
        "name": typed.name.strip() != loaded.name,
        "party": name_key(typed.party or "") != name_key(loaded.party or ""),
        "kind": typed.kind != loaded.kind,
        "reliability": typed.reliability != loaded.reliability,
    }
    return {field for field, differs in changed.items() if differs}


def _over(stored: SourceFields, typed: SourceFields, fields: set[str]) -> SourceFields:
    """The source as stored, with these fields as typed."""
    return replace(stored, **{field: getattr(typed, field) for field in fields})


def _says(typed: SourceFields, source: dict) -> bool:
    """The fields say what the source holds, as Save reads them ("ukraine" typed is the
    party Ukraine, which it stays)."""
    return not _typed_fields(typed, _held(source))


class SourcesDialog(QDialog):
    """Rename or regrade a source, or merge two duplicates (their reports follow)."""

    def __init__(self, session: Session, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self._typed_over: SourceFields | None = None  # the source as the fields were loaded
        self.setWindowTitle(translate("Dialogs", "Sources"))
        self.resize(820, 520)
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(translate("Dialogs", "Sources"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("Dialogs", "Name"),
                translate("Dialogs", "Party"),
                translate("Dialogs", "Kind"),
                translate("Dialogs", "Reliability"),
                translate("Dialogs", "Reports"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the fields; arrows move
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit(self)
        self.party = QLineEdit(self)
        self.kind = QComboBox(self)
        fill_values(self.kind, SOURCE_KINDS, kind_name)
        self.reliability = QComboBox(self)
        self.reliability.addItems(grade_items(RELIABILITY))
        self.merge_target = QComboBox(self)
        form = QFormLayout()
        for label, widget in (
            (translate("Dialogs", "&Name"), self.name),
            (translate("Dialogs", "&Party"), self.party),
            (translate("Dialogs", "&Kind"), self.kind),
            (translate("Dialogs", "&Reliability"), self.reliability),
            (translate("Dialogs", "Merge &into"), self.merge_target),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        self.save_button = QPushButton(translate("Dialogs", "&Save source"), self)
        self.merge_button = QPushButton(translate("Dialogs", "&Merge into the chosen source"), self)
        for button in (self.save_button, self.merge_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.save_button.clicked.connect(self.save)
        self.merge_button.clicked.connect(self.merge)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.merge_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(close)
        self.sources: list[dict] = []
        self.table.currentCellChanged.connect(lambda *_: self._load_selected())
        session.notifier.changed.connect(self._on_changed)
        self._undo_keys(session)
        self.reload()
        for widget in (self.save_button, self.merge_button, self.name):
            widget.setEnabled(not session.ledger.read_only)

    def _undo_keys(self, session: Session) -> None:
        """Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) undo and redo here too: the dialog is modal,
        so the window's own shortcuts never fire while it is open."""
        stack = session.undo_stack
        undo, redo = stack.createUndoAction(self), stack.createRedoAction(self)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([undo, redo])
        self.text_undo = TextUndoFallback(self)  # also from a box nobody has typed in

    def _on_changed(self, changes: Changes) -> None:
        if changes.sources or changes.everything:
            self.reload()

    def reload(self) -> None:
        selected = self.selected()
        # What the person typed over the selected source and has not saved, and the source
        # chosen to merge into: another program's write reloads the list, and it put the
        # stored values back in the fields (Save then saved nothing, and said nothing).
        typed = self._typed()
        typed_over = self._typed_over
        chosen = self.merge_target.currentData()
        self.sources = all_sources(self.session.ledger)
        self.table.setRowCount(len(self.sources))
        for row, source in enumerate(self.sources):
            cells = [
                source["name"],
                party_name(source["party"]),
                kind_name(source["kind"]),
                source["reliability"],
                number(source["n_reports"]),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.merge_target.clear()
        for source in self.sources:
            self.merge_target.addItem(source_label(source["name"], source["party"]), source["id"])
        ids = [source["id"] for source in self.sources]
        if selected and selected["id"] in ids:
            self.table.setCurrentCell(ids.index(selected["id"]), 0)
        elif self.sources:
            self.table.setCurrentCell(0, 0)
        self._load_selected()
        still = self.selected()
        if selected is None or still is None or still["id"] != selected["id"]:
            return
        if typed_over is not None and not (_says(typed, selected) or _says(typed, still)):
            # Typed, not saved: the fields typed stay, with what they were typed over; the
            # others show the source as it is now (another program's regrade stays when
            # only the name was typed).
            changed = _typed_fields(typed, typed_over)
            self._show(_over(_held(still), typed, changed))
            self._typed_over = _over(_held(still), typed_over, changed)
        self.merge_target.setCurrentIndex(self.merge_target.findData(chosen))

    def selected(self) -> dict | None:
        row = self.table.currentRow()
        return self.sources[row] if 0 <= row < len(self.sources) else None

    def _load_selected(self) -> None:
        source = self.selected()
        if source is None:
            return
        self._show(_held(source))
        self._typed_over = _held(source)
        # No other source is chosen for a merge until the person chooses one: Alt+M merged
        # at once into whichever source stood first in the list.
        self.merge_target.setCurrentIndex(self.merge_target.findData(source["id"]))

    def _show(self, fields: SourceFields) -> None:
        self.name.setText(fields.name)
        self.party.setText(fields.party or "")
        set_combo_value(self.kind, fields.kind)
        self.reliability.setCurrentIndex(list(RELIABILITY).index(fields.reliability))

    def _typed(self) -> SourceFields:
        return SourceFields(
            self.name.text(),
            self.party.text().strip() or None,
            combo_value(self.kind),
            list(RELIABILITY)[self.reliability.currentIndex()],
        )

    def save(self) -> None:
        source = self.selected()
        if source is None:
            return
        typed, held = self._typed(), _held(source)
        loaded = self._typed_over or held
        changed = _typed_fields(typed, loaded)
        if not changed or _says(typed, source):
            return  # nothing changed: no step to undo, nothing audited
        # Only the fields typed are saved; the question comes when another program (or an
        # undo) changed one of them meanwhile, which saving would put back unasked.
        moved = {field for field in changed if getattr(held, field) != getattr(loaded, field)}
        overwritten = moved & _typed_fields(typed, held)
        if overwritten and not self._save_over_agreed():
            return
        self._execute(UpdateSource(self.session, source["id"], _over(held, typed, changed)))

    def _save_over_agreed(self) -> bool:
        """Another program (or an undo) changed the source after the person began typing
        over it: saving would put back what it held before that change, unasked."""
        answer = QMessageBox.question(
            self,
            translate("Dialogs", "Source changed meanwhile"),
            translate(
                "Dialogs",
                "This source was changed since you began (by another program or an undo): the"
                " list shows it as it is now. Save what you typed over that change?",
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def merge(self) -> None:
        source = self.selected()
        target = self.merge_target.currentData()
        if source is None or not target:
            return
        if target == source["id"]:
            QMessageBox.information(
                self,
                translate("Dialogs", "Merge"),
                translate("Dialogs", "Choose another source to merge into."),
            )
            return
        names = {"source": source_label(source["name"], source["party"])}
        names["target"] = self.merge_target.currentText()
        answer = QMessageBox.question(
            self,
            translate("Dialogs", "Merge"),
            translate(
                "Dialogs",
                "Merge {source} into {target}? Its reports will name {target}."
                " Ctrl+Z takes it back.",
            ).format(**names),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        text = translate("Dialogs", "Merge source {source} into {target}").format(
            source=source["name"], target=names["target"]
        )
        self._execute(MergeSources(self.session, target, source["id"], text))

    def _execute(self, command: UpdateSource | MergeSources) -> None:
        try:
            self.session.execute(command)
        except Invalid as error:
            QMessageBox.warning(self, translate("Dialogs", "Not changed"), message_text(str(error)))

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's signature
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.name.hasFocus():
            self.save()
            return
        super().keyPressEvent(event)
