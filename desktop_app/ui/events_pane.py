"""The events table with its filters: type, status, category, date range and free text."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ..domain.dates import DateError, parse_claimed_date
from ..domain.records import CATEGORIES, EVENT_TYPES
from ..domain.rules import STATUSES
from ..store.event_list import WARNING, EventFilter
from ..store.ledger import Changes
from .choice_table import ChoiceTable
from .date_field import PartialDateEdit
from .events_model import COLUMNS, STATUS_COLUMN, EventsModel
from .flow_layout import FlowRow
from .messages import message_text
from .notifier import AfterPaint
from .session import Session
from .styles import ERROR_STYLE, HINT_STYLE
from .words import (
    category_name,
    combo_value,
    event_type_name,
    fill_values,
    narrow_combo,
    set_combo_value,
    status_name,
)

ALL = ""  # the value of "All" in each filter
OPEN = "to review"  # conflict, reopened or a standing warning
translate = QCoreApplication.translate
FILTER_LABELS = (
    QT_TRANSLATE_NOOP("EventsPane", "Type:"),
    QT_TRANSLATE_NOOP("EventsPane", "Status:"),
    QT_TRANSLATE_NOOP("EventsPane", "Category:"),
    QT_TRANSLATE_NOOP("EventsPane", "From:"),
    QT_TRANSLATE_NOOP("EventsPane", "To:"),
)


def _with_all(combo: QComboBox) -> None:
    combo.addItem(translate("EventsPane", "All"), ALL)


def _open_name(value: str) -> str:
    return translate("EventsPane", "to review") if value == OPEN else status_name(value)


def _labelled(label: str, widget: QWidget, parent: QWidget) -> QLabel:
    caption = QLabel(label, parent)
    caption.setBuddy(widget.focusProxy() or widget)
    widget.setAccessibleName(label.replace("&", "").rstrip(":"))
    return caption


def _type_names() -> list[str]:
    return [event_type_name(value) for value in EVENT_TYPES]


def _labelled_pair(label: str, widget: QWidget, parent: QWidget) -> QWidget:
    """A label and its field as one piece, so that a wrapping line never parts them."""
    pair = QWidget(parent)
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(_labelled(label, widget, pair))
    row.addWidget(widget)
    return pair


class EventsPane(QWidget):
    """Selecting a row announces the event on the session; the other panes follow."""

    event_activated = Signal(str)  # Enter or double-click: open the event

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = EventsModel(session.ledger)
        self._selected = ""
        self._selected_gone = False  # the selected event left the table (an undo, a filter)
        self._build()
        session.notifier.changed.connect(self._on_changed)
        session.event_selected.connect(self.select_event)

    def _build(self) -> None:
        self.type_filter = QComboBox(self)
        _with_all(self.type_filter)
        fill_values(self.type_filter, EVENT_TYPES, event_type_name)
        self.status_filter = QComboBox(self)
        _with_all(self.status_filter)
        fill_values(self.status_filter, [OPEN, *STATUSES], _open_name)
        self.category_filter = QComboBox(self)
        _with_all(self.category_filter)
        fill_values(self.category_filter, CATEGORIES, category_name)
        self.date_from = PartialDateEdit(translate("EventsPane", "From"), self)
        self.date_to = PartialDateEdit(translate("EventsPane", "To"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            translate("EventsPane", "Search quotes, sources, locations (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.filter_error = QLabel(self)
        self.filter_error.setStyleSheet(ERROR_STYLE)
        self.filter_error.setAccessibleName(translate("EventsPane", "Filter error"))
        self.no_match = QLabel(
            translate(
                "EventsPane", "No event matches the search and filters (Ctrl+Shift+L clears them)."
            ),
            self,
        )
        self.no_match.setStyleSheet(HINT_STYLE)
        self.no_match.setWordWrap(True)
        search_bar = QHBoxLayout()
        search_bar.setContentsMargins(0, 0, 0, 0)
        search_bar.addWidget(_labelled(translate("EventsPane", "Search:"), self.search, self))
        search_bar.addWidget(self.search, 1)
        # The filters wrap onto a second line in a narrow window (half a screen, beside
        # the article being read) rather than hold the window wider; each keeps its label.
        filters = (
            self.type_filter,
            self.status_filter,
            self.category_filter,
            self.date_from,
            self.date_to,
        )
        bar = FlowRow(
            [
                _labelled_pair(translate("EventsPane", label), widget, self)
                for label, widget in zip(FILTER_LABELS, filters, strict=True)
            ],
            self,
        )
        for combo in (self.type_filter, self.status_filter, self.category_filter):
            narrow_combo(combo, 7)
        for edit in (self.date_from, self.date_to):
            edit.setFixedWidth(120)
            edit.line.setPlaceholderText(translate("EventsPane", "date"))
        self.search.setMinimumWidth(220)
        self.view = ChoiceTable(self, first_on_arrival=False)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setAccessibleName(translate("EventsPane", "Events"))
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        # A sort reloads the rows: the selected event keeps its selection and is shown
        # where it now stands (after the view's own sort, which runs first).
        self.view.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_: QTimer.singleShot(0, self, self._reselect)
        )
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        for column, least in self._least_widths().items():
            header.resizeSection(column, least)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Columns are dragged into the order a person wants; the window remembers it.
        header.setSectionsMovable(True)
        header.setFirstSectionMovable(False)  # the date stays first
        # Status beside the type until then: in a half-screen window the table scrolls
        # sideways, and whether an event is in conflict must stay in view.
        header.moveSection(header.visualIndex(STATUS_COLUMN), 2)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.doubleClicked.connect(
            lambda index: self.event_activated.emit(self._id_at(index.row()))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_bar)
        layout.addWidget(bar)
        layout.addWidget(self.filter_error)
        layout.addWidget(self.no_match)
        layout.addWidget(self.view)
        self.filter_error.hide()
        self.no_match.hide()
        self._reselect_later = AfterPaint(self, self._reselect)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.apply_filters)
        for combo in (self.type_filter, self.status_filter, self.category_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.date_from, self.date_to):
            edit.textChanged.connect(self._debounce.start)
        self.search.textChanged.connect(self._debounce.start)

    def _least_widths(self) -> dict[int, int]:
        """Each column but the flows' (which takes the rest): never narrower than its
        header's words and the event types in the window's language ("договорённость" is
        twice as wide as "talks")."""
        types = max(map(self.view.fontMetrics().horizontalAdvance, _type_names())) + 16
        return self.view.least_widths({0: 90, 1: max(80, types), 2: 110, 4: 60, 5: 190})

    def fit_words_of_columns(self) -> None:
        self.view.widen_to(self._least_widths())

    # ---- filters ------------------------------------------------------------------

    def current_filter(self) -> EventFilter | None:
        """The filter the controls describe, or None (with the reason shown) if a date is bad."""
        dates = []
        for label, edit in (
            (translate("EventsPane", "From"), self.date_from),
            (translate("EventsPane", "To"), self.date_to),
        ):
            text = edit.text().strip()
            if text:
                try:
                    parse_claimed_date(text)
                except DateError as error:
                    self.filter_error.setText(f"{label}: {message_text(str(error))}")
                    self.filter_error.show()
                    return None
            dates.append(text)
        self.filter_error.hide()
        status = combo_value(self.status_filter)
        statuses = {"conflict", "reopened", WARNING} if status == OPEN else {status} - {ALL}
        return EventFilter(
            types=frozenset({combo_value(self.type_filter)} - {ALL}),
            statuses=frozenset(statuses),
            category=combo_value(self.category_filter),
            date_from=dates[0],
            date_to=dates[1],
            text=self.search.text(),
        )

    def apply_filters(self) -> None:
        event_filter = self.current_filter()
        if event_filter is None or event_filter == self.model.event_filter:
            return
        self.model.set_filter(event_filter)
        self._say_if_none_match()
        self._reselect()

    def _say_if_none_match(self) -> None:
        """An empty table says why when a search or a filter emptied it."""
        filtered = self.model.event_filter != EventFilter()
        self.no_match.setVisible(filtered and self.model.rowCount() == 0)

    def show_to_review(self) -> None:
        set_combo_value(self.status_filter, OPEN)

    def clear_filters(self) -> None:
        for combo in (self.type_filter, self.status_filter, self.category_filter):
            combo.setCurrentIndex(0)
        for edit in (self.date_from, self.date_to):
            edit.clear()
        self.search.clear()
        self.apply_filters()

    # ---- sort from the keyboard ------------------------------------------------------

    def build_sort_menu(self, menu: QMenu) -> None:
        """View → Sort events by: the columns' sort from the keyboard (a header takes no
        focus, so a click was the only way), checked as the header shows it."""
        group = QActionGroup(menu)
        group.setExclusive(True)
        self.sort_actions: list[QAction] = []
        for column, (_key, title) in enumerate(COLUMNS):
            action = menu.addAction(translate("EventsModel", title))
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _on=False, column=column: self.sort_by(column))
            self.sort_actions.append(action)
        menu.addSeparator()
        self.descending_action = menu.addAction(translate("EventsPane", "&Descending"))
        self.descending_action.setCheckable(True)
        self.descending_action.triggered.connect(
            lambda _on=False: self.sort_by(self.view.horizontalHeader().sortIndicatorSection())
        )
        header = self.view.horizontalHeader()
        header.sortIndicatorChanged.connect(self._show_sort)
        self._show_sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def sort_by(self, column: int) -> None:
        descending = self.descending_action.isChecked()
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header = self.view.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, order):
            return  # the sort in force, chosen again: it reloaded the rows and let go of
            # the selection (no indicator change said to select it again)
        self.view.sortByColumn(column, order)

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < len(self.sort_actions):
            self.sort_actions[column].setChecked(True)
        self.descending_action.setChecked(order == Qt.SortOrder.DescendingOrder)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- selection ----------------------------------------------------------------

    def selected_event(self) -> str:
        """The event selected in the table; none while a filter or an undo hides it."""
        return "" if self._selected_gone else self._selected

    def _id_at(self, row: int) -> str:
        return self.model.event_id(row) if 0 <= row < self.model.rowCount() else ""

    def _on_current_row(self, current, previous) -> None:  # noqa: ANN001 - Qt indexes
        event_id = self._id_at(current.row())
        if event_id and (event_id != self._selected or self._selected_gone):
            # A row chosen in the table is the selected event again: after a search hid
            # the one before, the rows picked from its results stayed unselected for
            # Ctrl+Shift+N and Delete ("Select an event first").
            self._selected = event_id
            self._selected_gone = False
            self.session.event_selected.emit(event_id)

    def select_event(self, event_id: str) -> None:
        """Select an event chosen elsewhere (chart, review, a new entry)."""
        if not event_id and self._selected_gone:
            return  # the table's own letting go (`_reselect`): it keeps the event to show again
        if event_id == self._selected and self.view.currentIndex().isValid():
            if self._reselect_later.isActive():
                self._reselect_later.stop()
                self._reselect()
            return
        self._reselect_later.stop()
        self._selected = event_id
        if event_id and not self.model.shows(event_id):
            # Chosen elsewhere (the chart, the form after an edit that took it out of the
            # search) while hidden here: let go once every pane has had the choice, so
            # that none goes on showing an event out of view.
            self._selected_gone = False
            QTimer.singleShot(0, self, self._reselect)
            return
        self._reselect()

    def _reselect(self) -> None:
        row = self.model.position(self._selected) if self._selected else None
        if row is None:
            self.view.clearSelection()
            self._let_go()
            return
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        if self._selected_gone:
            # Back (a redo, a filter cleared): the panes that let it go show it again, as
            # the table does; they said "Select an event" beside a selected row.
            self._selected_gone = False
            self.session.event_selected.emit(self._selected)

    def _let_go(self) -> None:
        """The selected event is hidden (by a search, a filter, an undo, or a change that
        takes it out of the filter): the other panes let it go as the table does, so that
        Delete, Ctrl+Shift+N and F2 act on no event out of view."""
        if self._selected and not self._selected_gone:
            self._selected_gone = True
            self.session.event_selected.emit("")

    def _on_changed(self, changes: Changes) -> None:
        self.model.reload()
        self._say_if_none_match()
        if self._selected and not self.model.shows(self._selected):
            self._let_go()
        # The selected event's new row is looked up once the change has been shown,
        # unless the change selects an event itself (a new entry) before that.
        self._reselect_later.start()
