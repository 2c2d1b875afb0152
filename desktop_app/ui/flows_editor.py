"""The flows of a report: rows of category, from, to, count and qualifier, added and
removed from the keyboard."""

from __future__ import annotations

import difflib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import validation
from ..domain.records import CATEGORIES, QUALIFIERS, Flow, FlowKey, name_key
from ..domain.validation import Invalid
from .messages import message_text
from .styles import ERROR_STYLE, HINT_STYLE, NOTE_STYLE
from .words import (
    category_name,
    combo_value,
    fill_values,
    flow_label,
    narrow_combo,
    qualifier_name,
    set_combo_value,
)

HEADERS = (
    QT_TRANSLATE_NOOP("FlowsEditor", "Category"),
    QT_TRANSLATE_NOOP("FlowsEditor", "From"),
    QT_TRANSLATE_NOOP("FlowsEditor", "To"),
    QT_TRANSLATE_NOOP("FlowsEditor", "Count"),
    QT_TRANSLATE_NOOP("FlowsEditor", "Qualifier"),
)
translate = QCoreApplication.translate
REMOVE_KEYS = "Ctrl+Shift+Delete"  # in a flow's row: removes the row


def new_party_note(name: str, known: list[str]) -> str:
    """What a flow's party typed as `name` would add, or "" if it names a known party
    (as the ledger compares names: case, width and invisible characters aside). A
    misspelt "Rusia" became a party of its own, a line on the chart and a completion,
    with nothing said."""
    keys = {name_key(party): party for party in known}
    typed = name_key(name)
    if not typed or typed in keys:
        return ""
    close = difflib.get_close_matches(typed, list(keys), n=1, cutoff=0.75)
    if close:
        return translate("FlowsEditor", "{name} is a new party: did you mean {known}?").format(
            name=name.strip(), known=keys[close[0]]
        )
    return translate("FlowsEditor", "{name} is a new party").format(name=name.strip())


class FlowRow:
    """One flow's widgets, in one row of the grid."""

    def __init__(self, parent: QWidget, parties: QCompleter) -> None:
        self.category = QComboBox(parent)
        fill_values(self.category, CATEGORIES, category_name)
        self.from_party = QLineEdit(parent)
        self.to_party = QLineEdit(parent)
        for edit in (self.from_party, self.to_party):
            completer = QCompleter(parties.model(), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)
        self.count = QLineEdit(parent)
        self.count.setPlaceholderText(translate("FlowsEditor", "e.g. 1212"))
        self.qualifier = QComboBox(parent)
        fill_values(self.qualifier, QUALIFIERS, qualifier_name)
        # As wide as a short word, not the longest ("тіла загиблих"): a row must fit the
        # form's pane at 1280 pixels in every language.
        for combo in (self.category, self.qualifier):
            narrow_combo(combo, 4)
        self.remove = QPushButton(translate("FlowsEditor", "Remove"), parent)
        self.remove.setAccessibleName(translate("FlowsEditor", "Remove flow"))
        self.remove.setToolTip(
            translate("FlowsEditor", "Remove this flow (Ctrl+Shift+Delete in the row)")
        )
        self.error = QLabel(parent)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(translate("FlowsEditor", "Flow error"))
        self.left = False  # a field of the row was left: its reason may show
        self.failed = False  # its flow is not valid (a new party's note is no failure)
        for widget, name in zip(self.inputs(), HEADERS, strict=True):
            widget.setAccessibleName(translate("FlowsEditor", name))
        # Wide enough for a party's name and a count as printed ("Ukraine", "1,212,000").
        metrics = self.count.fontMetrics()
        for edit, sample in (
            (self.from_party, "Ukraine  "),
            (self.to_party, "Ukraine  "),
            (self.count, "1,212,000"),
        ):
            edit.setMinimumWidth(metrics.horizontalAdvance(sample) + 16)

    def inputs(self) -> tuple[QWidget, ...]:
        return (self.category, self.from_party, self.to_party, self.count, self.qualifier)

    def widgets(self) -> tuple[QWidget, ...]:
        return (*self.inputs(), self.remove, self.error)

    def flow(self) -> Flow | list[str]:
        """The flow this row describes, or every reason why it describes none (the
        parties' and the count's together: fixing one showed the next only then)."""
        reasons = []
        try:
            from_party, to_party = validation.parties(self.from_party.text(), self.to_party.text())
        except Invalid as error:
            reasons.append(str(error))
        try:
            count = validation.typed_count(self.count.text())
        except Invalid as error:
            reasons.append(str(error))
        if reasons:
            return reasons
        key = FlowKey(from_party, to_party, combo_value(self.category))
        return Flow(key, count, combo_value(self.qualifier))

    def set_flow(
        self, category: str, from_party: str, to_party: str, count: int, qualifier: str
    ) -> None:
        set_combo_value(self.category, category)
        self.from_party.setText(from_party)
        self.to_party.setText(to_party)
        self.count.setText(str(count))
        set_combo_value(self.qualifier, qualifier)


class FlowsEditor(QWidget):
    changed = Signal()  # a value was edited
    rows_changed = Signal()  # a row was added or removed

    def __init__(self, parties: QCompleter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parties = parties
        self.rows: list[FlowRow] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, header in enumerate(HEADERS):
            label = QLabel("<b>{}</b>".format(translate("FlowsEditor", header)), self)
            self.grid.addWidget(label, 0, column)
        self.empty = QLabel(
            translate("FlowsEditor", "No flows: a report may state none (talks, statements)."),
            self,
        )
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.setWordWrap(True)  # not the form's width: longer in Ukrainian
        self.add_button = QPushButton(translate("FlowsEditor", "Add flow"), self)
        self.add_button.setAccessibleName(translate("FlowsEditor", "Add flow"))
        self.add_button.setToolTip(translate("FlowsEditor", "Add a flow (Alt+A)"))
        self.add_button.clicked.connect(self.add_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.empty)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add_row(self) -> FlowRow:
        row = FlowRow(self, self._parties)
        self.rows.append(row)
        for widget in row.inputs():
            signal = getattr(widget, "textChanged", None) or widget.currentIndexChanged
            signal.connect(self.changed)
        for edit in (row.from_party, row.to_party, row.count):
            edit.editingFinished.connect(lambda row=row: self._left(row))
        row.remove.clicked.connect(lambda: self.remove_row(row))
        # Not Ctrl+Delete, which deletes to the end of a word in the row's text boxes.
        for widget in (*row.inputs(), row.remove):
            remove = QAction(widget)
            remove.setShortcut(QKeySequence(REMOVE_KEYS))
            remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            remove.triggered.connect(lambda _checked=False, row=row: self.remove_row(row))
            widget.addAction(remove)
        self._layout_rows()
        for widget in (*row.inputs(), row.remove):
            widget.show()  # a layout shows new children later; focus needs them now
        row.category.setFocus(Qt.FocusReason.OtherFocusReason)
        self.rows_changed.emit()
        return row

    def _left(self, row: FlowRow) -> None:
        row.left = True
        self.changed.emit()

    def remove_row(self, row: FlowRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._layout_rows()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].category.setFocus()
        else:
            self.add_button.setFocus()
        self.rows_changed.emit()

    def clear(self) -> None:
        for row in list(self.rows):
            self.remove_row(row)

    def _layout_rows(self) -> None:
        for number, row in enumerate(self.rows):
            grid_row = 1 + 2 * number
            for column, widget in enumerate(row.inputs()):
                self.grid.addWidget(widget, grid_row, column)
            # Under the row, not beside it: beside, it made a row wider than the form's
            # pane at 1280 pixels, and the form's right edge was cut off.
            last = len(HEADERS) - 1
            self.grid.addWidget(row.error, grid_row + 1, 0, 1, last)
            self.grid.addWidget(row.remove, grid_row + 1, last, Qt.AlignmentFlag.AlignRight)
        self.empty.setVisible(not self.rows)

    def focus_chain(self) -> list[QWidget]:
        """The widgets in the order Tab visits them."""
        chain: list[QWidget] = []
        for row in self.rows:
            chain.extend((*row.inputs(), row.remove))
        chain.append(self.add_button)
        return chain

    def validate(self, show: bool) -> tuple[tuple[Flow, ...], bool]:
        """The flows, and whether all rows are valid. A row's reason appears once one of
        its fields was left, or for every row with `show` (a commit was tried)."""
        flows: list[Flow] = []
        ok = True
        # Parties by their keys, as the ledger stores them: "russia" is the party Russia,
        # and two such rows collided in the file's unique flows (an unexpected error).
        seen: set[tuple[str, str, str]] = set()
        known = self._parties.model().stringList()
        for row in self.rows:
            message = note = ""
            flow = row.flow()
            if isinstance(flow, list):
                message = "\n".join(message_text(reason) for reason in flow)
            elif flow.key.by_keys() in seen:
                message = translate("FlowsEditor", "this report already states {flow}").format(
                    flow=flow_label(flow.key.category, flow.key.from_party, flow.key.to_party)
                )
            else:
                seen.add(flow.key.by_keys())
                flows.append(flow)
                parties = dict.fromkeys((flow.key.from_party, flow.key.to_party))
                note = "\n".join(filter(None, (new_party_note(p, known) for p in parties)))
            ok = ok and not message
            row.failed = bool(message)
            row.left = row.left or show
            shown = (message or note) if row.left else ""
            row.error.setStyleSheet(ERROR_STYLE if message else NOTE_STYLE)
            row.error.setText(shown)
            row.error.setVisible(bool(shown))
        return tuple(flows), ok
