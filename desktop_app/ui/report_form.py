"""The entry form: an event's type and one report — source, claimed date, location,
quote, URL, published, credibility and flows — validated in place, committed at once."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain import validation
from ..domain.naming import source_label
from ..domain.records import (
    CREDIBILITY,
    DEFAULT_CREDIBILITY,
    DEFAULT_KIND,
    DEFAULT_RELIABILITY,
    EVENT_TYPES,
    RELIABILITY,
    SOURCE_KINDS,
    source_key,
)
from ..domain.validation import Invalid
from ..store.events import event_summary, event_title, similar_events
from ..store.ledger import Changes, LedgerFileError, ReportInput
from ..store.sources import former_names, source_choices, sources_named
from .commands import AddReport, EditReport
from .date_field import PartialDateEdit
from .flows_editor import FlowsEditor, new_party_note
from .messages import message_text
from .notifier import AfterPaint
from .session import Session
from .styles import ERROR_STYLE, HINT_STYLE
from .words import (
    WINDOW_WORDS,
    combo_value,
    credibility_text,
    event_type_name,
    fill_values,
    flows_text,
    kind_name,
    narrow_combo,
    reliability_text,
    reports_text,
    set_combo_value,
    status_name,
)

translate = QCoreApplication.translate
FIELD_LABELS = {
    "event_type": QT_TRANSLATE_NOOP("ReportForm", "Event &type"),
    "source": QT_TRANSLATE_NOOP("ReportForm", "&Source"),
    "source_party": QT_TRANSLATE_NOOP("ReportForm", "Source &party"),
    "source_kind": QT_TRANSLATE_NOOP("ReportForm", "Source &kind"),
    "reliability": QT_TRANSLATE_NOOP("ReportForm", "Reliabilit&y"),  # Alt+R: the Review menu
    "claimed_date": QT_TRANSLATE_NOOP("ReportForm", "C&laimed date"),
    "location": QT_TRANSLATE_NOOP("ReportForm", "L&ocation"),
    "quote": QT_TRANSLATE_NOOP("ReportForm", "&Quote"),
    "url": QT_TRANSLATE_NOOP("ReportForm", "&URL"),
    "published": QT_TRANSLATE_NOOP("ReportForm", "Pu&blished"),
    "credibility": QT_TRANSLATE_NOOP("ReportForm", "Cred&ibility"),
}
# Qt's own Ukrainian and Russian for the Discard button of `may_discard` read "Decline"
# (Відхилити, Отклонить), the opposite of emptying the form: our catalog, installed after
# Qt's, words it as the question does.
DISCARD_BUTTON = QT_TRANSLATE_NOOP("QPlatformTheme", "Discard")


def grade_items(grades: dict) -> list[str]:
    """The Admiralty grades with their meanings in the window's language."""
    text = reliability_text if grades is RELIABILITY else credibility_text
    return [text(grade) for grade in grades]


class DuplicatePrompt(QDialog):
    """Before creating an event that looks like an existing one: add the report there?

    Enter is the safe choice, back to the form: filing a report under the wrong event is
    the mistake this dialog exists to prevent, so it is never the default."""

    def __init__(self, candidates: list[dict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("DuplicatePrompt", "This may be an event already recorded"))
        self.choice: str | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("DuplicatePrompt", "Similar events"))
        self.list.setWordWrap(True)
        for candidate in candidates:
            reports = reports_text(candidate["n_reports"])
            location = candidate["location"] or translate("DuplicatePrompt", "no location")
            flows = flows_text(candidate["flows_text"]) or translate("DuplicatePrompt", "no flows")
            sources = translate("DuplicatePrompt", "sources: {sources}").format(
                sources=candidate["sources"] or "—"
            )
            item = QListWidgetItem(
                f"{candidate['date']} · {location} · {reports}"
                f" · {status_name(candidate['status'])}\n{flows}\n{sources}"
            )
            item.setData(Qt.ItemDataRole.UserRole, candidate["event_id"])
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(
            translate("DuplicatePrompt", "&Add the report to this event"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.new_button = buttons.addButton(
            translate("DuplicatePrompt", "Create a &new event"), QDialogButtonBox.ButtonRole.YesRole
        )
        self.back_button = buttons.addButton(
            translate("DuplicatePrompt", "&Back to the form"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        for button in (self.add_button, self.new_button):
            button.setAutoDefault(False)
        self.back_button.setDefault(True)
        self.add_button.clicked.connect(self._add)
        self.new_button.clicked.connect(self._new)
        self.back_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "DuplicatePrompt",
                    "Events of the same type, within three days, with a flow between the same"
                    " parties in the same category. Compare the date, the place and the"
                    " sources before you add the report to one:",
                ),
                self,
            )
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def _add(self) -> None:
        item = self.list.currentItem()
        self.choice = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.accept()

    def _new(self) -> None:
        self.choice = ""
        self.accept()


class ReportForm(QWidget):
    """Committing writes to the file at once; there is no Save."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.target_event: str | None = None
        self.editing_report: str | None = None
        self._touched: set[str] = set()
        self._as_loaded: tuple[object, ...] = ()  # the edited report as it was loaded
        self._seq_loaded: int | None = None  # its place in the write order then
        self._grades_of_known = False  # the kind and grade boxes show a known source's
        self._sources: dict[str, tuple[str, str | None]] = {}  # name, party by label
        self._former: dict[str, dict] | None = None  # read when first needed
        self.ask_duplicate: Callable[[list[dict]], str | None] = self._ask_duplicate
        self._build()
        self._completions_later = AfterPaint(self, self.refresh_completions)
        self._completions_later.start()  # 5,000 sources: read once the window is shown
        self._select_later = ""
        self._selection_later = AfterPaint(self, self._select_committed)
        session.notifier.changed.connect(self._on_changed)
        self.validate()

    # ---- building -----------------------------------------------------------------

    def _build(self) -> None:
        self.parties_model = QStringListModel(self)
        self.parties_completer = QCompleter(self.parties_model, self)
        self.parties_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.sources_model = QStringListModel(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(translate("ReportForm", "Form heading"))
        self.event_type = QComboBox(self)
        fill_values(self.event_type, EVENT_TYPES, event_type_name)
        self.source = QLineEdit(self)
        completer = QCompleter(self.sources_model, self.source)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.source.setCompleter(completer)
        # A picked completion reads "Name (Party)": whether Qt's own slot writes that
        # label before or after ours, the label becomes that source's name and party.
        completer.activated.connect(self._source_chosen)
        self.source.textChanged.connect(self._source_chosen)
        self.source_party = QLineEdit(self)
        self.source_party.setCompleter(self.parties_completer)
        self.source_party.setPlaceholderText(translate("ReportForm", "blank if independent"))
        self.source_kind = QComboBox(self)
        fill_values(self.source_kind, SOURCE_KINDS, kind_name)
        set_combo_value(self.source_kind, DEFAULT_KIND)
        self.reliability = QComboBox(self)
        self.reliability.addItems(grade_items(RELIABILITY))
        self.reliability.setCurrentIndex(list(RELIABILITY).index(DEFAULT_RELIABILITY))
        self.source_note = QLabel(self)
        self.source_note.setStyleSheet(HINT_STYLE)
        # Under the source, in lines of its own: a known name typed without its party.
        self.source_hint = QLabel(self)
        self.source_hint.setStyleSheet(HINT_STYLE)
        self.source_hint.setWordWrap(True)
        self.source_hint.setAccessibleName(translate("ReportForm", "Source hint"))
        self.source_hint.hide()
        self.claimed_date = PartialDateEdit(translate("ReportForm", "Claimed date"), self)
        self.location = QLineEdit(self)
        self.quote = QPlainTextEdit(self)
        self.quote.setTabChangesFocus(True)
        self.quote.setFixedHeight(70)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://…")
        self.published = PartialDateEdit(translate("ReportForm", "Published"), self)
        self.credibility = QComboBox(self)
        self.credibility.addItems(grade_items(CREDIBILITY))
        self.credibility.setCurrentIndex(DEFAULT_CREDIBILITY - 1)
        for combo in (self.event_type, self.source_kind, self.reliability, self.credibility):
            narrow_combo(combo, 14)
        self.flows = FlowsEditor(self.parties_completer, self)
        self.commit_button = QPushButton(translate("ReportForm", "&Commit  (Ctrl+Enter)"), self)
        self.commit_button.setAccessibleName(translate("ReportForm", "Commit"))
        self.cancel_button = QPushButton(translate("ReportForm", "Cancel  (Esc)"), self)
        self.cancel_button.setAccessibleName(translate("ReportForm", "Cancel"))
        self.errors: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        fields: list[tuple[str, QWidget]] = [
            ("event_type", self.event_type),
            ("source", self.source),
            ("source_party", self.source_party),
            ("source_kind", self.source_kind),
            ("reliability", self.reliability),
            ("claimed_date", self.claimed_date),
            ("location", self.location),
            ("quote", self.quote),
            ("url", self.url),
            ("published", self.published),
            ("credibility", self.credibility),
        ]
        for row, (key, widget) in enumerate(fields):
            label = translate("ReportForm", FIELD_LABELS[key])
            caption = QLabel(label, self)
            caption.setBuddy(widget.focusProxy() or widget)
            widget.setAccessibleName(label.replace("&", ""))
            error = QLabel(self)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setAccessibleName(
                translate("ReportForm", "{field} error").format(field=label.replace("&", ""))
            )
            error.hide()
            self.errors[key] = error
            grid.addWidget(caption, 2 * row, 0)
            grid.addWidget(widget, 2 * row, 1)
            if key == "source":
                grid.addWidget(self.source_note, 2 * row, 2)
                below = QVBoxLayout()
                below.addWidget(error)
                below.addWidget(self.source_hint)
                grid.addLayout(below, 2 * row + 1, 1)
            else:
                grid.addWidget(error, 2 * row + 1, 1)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(QLabel("<b>{}</b>".format(translate("ReportForm", "Flows")), body))
        layout.addWidget(self.flows)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop of its own between the form's fields and its buttons: it scrolls
        # to whichever field takes the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll = scroll
        self._fit_width()
        buttons = QGridLayout()
        buttons.addWidget(self.commit_button, 0, 0)
        buttons.addWidget(self.cancel_button, 0, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(scroll)
        outer.addLayout(buttons)
        self._wire()

    def _wire(self) -> None:
        for key, widget in (
            ("source", self.source),
            ("source_party", self.source_party),
            ("claimed_date", self.claimed_date),
            ("location", self.location),
            ("url", self.url),
            ("published", self.published),
        ):
            # Validated on every keystroke (Commit follows at once); a field's reason
            # shows once it is left, not while it is still being typed.
            widget.textChanged.connect(lambda _text: self.validate())
            line = getattr(widget, "line", widget)
            line.editingFinished.connect(lambda key=key, line=line: self._left(key, line))
        self.quote.textChanged.connect(lambda: self._edited("quote"))
        self.event_type.currentIndexChanged.connect(lambda _i: self.validate())
        self.flows.changed.connect(self.validate)
        self.flows.rows_changed.connect(self._flows_rows_changed)
        self.commit_button.clicked.connect(self.commit)
        self.cancel_button.clicked.connect(self.cancel)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.commit)
        add_flow = QShortcut(QKeySequence("Alt+A"), self)
        add_flow.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_flow.activated.connect(self.flows.add_row)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)
        self.setTabOrder(self.event_type, self.source)
        for before, after in (
            (self.source, self.source_party),
            (self.source_party, self.source_kind),
            (self.source_kind, self.reliability),
            (self.reliability, self.claimed_date.line),
            (self.claimed_date.line, self.location),
            (self.location, self.quote),
            (self.quote, self.url),
            (self.url, self.published.line),
            (self.published.line, self.credibility),
        ):
            self.setTabOrder(before, after)
        self._chain_flows()

    def _chain_flows(self) -> None:
        chain = [
            self.credibility,
            *self.flows.focus_chain(),
            self.commit_button,
            self.cancel_button,
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            self.setTabOrder(before, after)

    def _flows_rows_changed(self) -> None:
        self._chain_flows()
        self._fit_width()
        self.validate()

    def _fit_width(self) -> None:
        """The form never narrower than what it holds: its scroll area scrolls only up and
        down, so anything wider would be cut off at the right (a longer translation, a
        flow row)."""
        body = self._scroll.widget()
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        frame = 2 * self._scroll.frameWidth()
        self._scroll.setMinimumWidth(body.minimumSizeHint().width() + bar + frame)

    # ---- state ----------------------------------------------------------------------

    def refresh_completions(self) -> None:
        self._sources = {
            source_label(name, party): (name, party)
            for name, party in source_choices(self.session.ledger)
        }
        self.sources_model.setStringList(list(self._sources))
        self.parties_model.setStringList(self.session.ledger.parties())

    def _on_changed(self, changes: Changes) -> None:
        if changes.sources or changes.parties or changes.everything:
            self._completions_later.start()
            self._former = None
        self.validate()

    def _source_chosen(self, label: str) -> None:
        source = self._sources.get(label)
        if source is None or label == source[0]:
            return
        QTimer.singleShot(0, self, lambda: self._use_source(label, *source))

    def _use_source(self, label: str, name: str, party: str | None) -> None:
        """The picked source, unless the field was typed on meanwhile."""
        if self.source.text() in (label, name):
            self.source.setText(name)
            self.source_party.setText(party or "")

    def _left(self, key: str, line: QLineEdit) -> None:
        """A field lost the focus. Passed through empty, never typed in, it says nothing
        yet: the focus the form moves itself (Esc, a commit, Ctrl+Shift+N) left "source
        is required" in red on a form nobody had typed in. Commit shows every reason."""
        if line.isModified() or line.text().strip():
            self._edited(key)

    def _edited(self, key: str) -> None:
        """A field was left (or the quote typed): its reason may show from now on."""
        self._touched.add(key)
        self.validate()

    def existing_source(self) -> dict | None:
        """The source this name and party stand for: a source of the ledger, or the one
        that a source of that former name was renamed to or merged into (as an import
        follows it), so that typing the old name does not make the duplicate again."""
        name, party = self.source.text(), self.source_party.text() or None
        if not name.strip():
            return None
        ledger = self.session.ledger
        found = ledger.find_source(name, party)
        if found is None:
            if self._former is None:
                self._former = former_names(ledger)
            stands = self._former.get(source_key(name, party))
            found = ledger.find_source(stands["name"], stands["party"]) if stands else None
        return found

    # ---- validation -----------------------------------------------------------------

    def validate(self, show_all: bool = False) -> ReportInput | None:
        """The report the form describes, or None; reasons appear beside the fields that
        were left, and beside all of them once a commit was tried (`show_all`)."""
        if show_all:
            self._touched.update(self.errors)
        self._update_source_note()
        problems: dict[str, str] = {}
        values: dict[str, object] = {}
        checks: dict[str, Callable[[], object]] = {
            "source": lambda: validation.source_name(self.source.text(), "source"),
            "source_party": lambda: validation.optional_party(self.source_party.text()),
            "claimed_date": lambda: validation.claimed_date(self.claimed_date.text()),
            "url": lambda: validation.url(self.url.text()),
            "published": lambda: validation.optional_date(self.published.text()),
        }
        for key, check in checks.items():
            try:
                values[key] = check()
            except Invalid as error:
                problems[key] = message_text(str(error))
        for key, label in self.errors.items():
            message = problems.get(key, "")
            visible = bool(message) and (show_all or key in self._touched)
            label.setText(message if visible else "")
            label.setVisible(visible)
        flows, flows_ok = self.flows.validate(show_all)
        ok = not problems and flows_ok and not self.session.ledger.read_only
        self.commit_button.setEnabled(ok)
        if not ok:
            return None
        existing = self.existing_source()
        return ReportInput(
            event_type=combo_value(self.event_type),
            source_name=existing["name"] if existing else str(values["source"]),
            source_party=(
                existing["party"] if existing else values["source_party"]  # type: ignore[arg-type]
            ),
            claimed_date=str(values["claimed_date"]),
            location=validation.location(self.location.text()),
            quote=self.quote.toPlainText(),
            url=str(values["url"]),
            published=str(values["published"]),
            credibility=self.credibility.currentIndex() + 1,
            flows=flows,
            source_kind=existing["kind"] if existing else combo_value(self.source_kind),
            source_reliability=(
                existing["reliability"]
                if existing
                else list(RELIABILITY)[self.reliability.currentIndex()]
            ),
        )

    def _update_source_note(self) -> None:
        existing = self.existing_source()
        for widget in (self.source_kind, self.reliability):
            widget.setEnabled(existing is None)
        if existing is not None:
            set_combo_value(self.source_kind, existing["kind"])
            self.reliability.setCurrentIndex(list(RELIABILITY).index(existing["reliability"]))
            self._grades_of_known = True
            typed = source_key(self.source.text(), self.source_party.text() or None)
            self.source_note.setText(
                translate("ReportForm", "known source")
                if typed == existing["key"]
                else translate("ReportForm", "now {source}").format(
                    source=source_label(existing["name"], existing["party"])
                )
            )
        else:
            new = translate("ReportForm", "new source")
            self.source_note.setText(new if self.source.text().strip() else "")
            if self._grades_of_known:  # "UN" typed on the way to "UNICEF": not UN's grades
                self._grades_of_known = False
                set_combo_value(self.source_kind, DEFAULT_KIND)
                self.reliability.setCurrentIndex(list(RELIABILITY).index(DEFAULT_RELIABILITY))
        self._show_source_hint(existing)

    def _show_source_hint(self, existing: dict | None) -> None:
        """Under a new source, the known sources of that name: a known name typed without
        its party (not picked from the completion) would be another source."""
        known = [] if existing else self._sources_named(self.source.text())
        hint = (
            translate(
                "ReportForm",
                "This name is known as {sources}: pick it from the list, or type its party.",
            ).format(sources=", ".join(known))
            if known
            else ""
        )
        if not hint and existing is None:
            hint = new_party_note(self.source_party.text(), self.parties_model.stringList())
        self.source_hint.setText(hint)
        self.source_hint.setVisible(bool(hint))

    def _sources_named(self, name: str) -> list[str]:
        if not name.strip():
            return []
        ledger = self.session.ledger
        return [source_label(*source) for source in sources_named(ledger, name)]

    # ---- actions ----------------------------------------------------------------------

    def new_event(self) -> None:
        if not self.may_discard():
            return
        self.clear()
        self.event_type.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def new_report_for(self, event_id: str) -> None:
        """Start a report that joins an existing event."""
        if not self.may_discard():
            return
        self.clear()
        self.target_event = event_id
        event_type = self.session.ledger.event_type(event_id) or EVENT_TYPES[0]
        set_combo_value(self.event_type, event_type)
        self.event_type.setEnabled(False)
        self._update_heading()
        self.source.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def edit_report(self, report: dict) -> None:
        """Load a report (as store.events.event_reports gives it) for editing."""
        if not self.may_discard():
            return
        self.clear()
        self.editing_report = report["id"]
        self._seq_loaded = report["seq"]
        self.target_event = report["event_id"]
        set_combo_value(self.event_type, self.session.ledger.event_type(report["event_id"]) or "")
        # An event has one type: one of its reports cannot change it while others share it
        # (as a report added to an event cannot); the only report retypes its event.
        self.event_type.setEnabled(self.session.ledger.reports_of_event(report["event_id"]) < 2)
        self.source.setText(report["source_name"])
        self.source_party.setText(report["source_party"] or "")
        self.claimed_date.setText(report["claimed_date"])
        self.location.setText(report["location"])
        self.quote.setPlainText(report["quote"])
        self.url.setText(report["url"])
        self.published.setText(report["published"])
        self.credibility.setCurrentIndex(report["credibility"] - 1)
        for flow in report["flows"]:
            self.flows.add_row().set_flow(
                flow["category"],
                flow["from_party"],
                flow["to_party"],
                flow["count"],
                flow["qualifier"],
            )
        self._touched.clear()
        self._update_heading()
        self.validate()
        self._as_loaded = self._contents()
        self.source.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def clear(self) -> None:
        self.target_event = None
        self.editing_report = None
        self._seq_loaded = None
        self.event_type.setEnabled(True)
        # setText, not clear(), which Ctrl+Z would take back: an emptied form has nothing
        # of its own to undo, so Ctrl+Z in it undoes the last change (text_undo).
        for edit in (self.source, self.source_party, self.location, self.url):
            edit.setText("")
        self.claimed_date.clear()
        self.published.clear()
        self.quote.clear()
        self.credibility.setCurrentIndex(DEFAULT_CREDIBILITY - 1)
        for combo in (self.event_type, self.source_kind, self.reliability, self.credibility):
            narrow_combo(combo, 14)
        self.reliability.setCurrentIndex(list(RELIABILITY).index(DEFAULT_RELIABILITY))
        set_combo_value(self.source_kind, DEFAULT_KIND)
        self._grades_of_known = False
        self.flows.clear()
        self._touched.clear()
        self._update_heading()
        self.validate()

    def has_typed_content(self) -> bool:
        """Something would be lost by clearing the form: anything typed into a new
        report, or a change to the report being edited (its stored text is not lost)."""
        if self.editing_report:
            return self._contents() != self._as_loaded
        texts = (self.source, self.source_party, self.location, self.url, self.published)
        return (
            any(edit.text().strip() for edit in texts)
            or bool(self.quote.toPlainText().strip())
            or bool(self.claimed_date.text().strip())
            or bool(self.flows.rows)
        )

    def _contents(self) -> tuple[object, ...]:
        """Every value the form shows, to tell whether an edit changed any."""
        texts = (self.source, self.source_party, self.claimed_date, self.location)
        combos = (self.event_type, self.source_kind, self.reliability, self.credibility)
        flows = tuple(
            (
                combo_value(row.category),
                row.from_party.text(),
                row.to_party.text(),
                row.count.text(),
                combo_value(row.qualifier),
            )
            for row in self.flows.rows
        )
        return (
            *(edit.text() for edit in (*texts, self.url, self.published)),
            self.quote.toPlainText(),
            *(combo.currentIndex() for combo in combos),
            flows,
        )

    def may_discard(self) -> bool:
        """Whether what the form holds may go: nothing typed would be lost, or the person
        says it may. Asked before anything empties the form or closes the window."""
        if not self.has_typed_content():
            return True
        answer = QMessageBox.question(
            self,
            translate("ReportForm", "Discard this report?"),
            translate("ReportForm", "Discard what you typed in the form? It has not been saved."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def cancel(self) -> None:
        """Esc: a half-typed report is lost only after the person says so. Esc in an open
        list (a field's completions, a box's choices, a calendar) closes the list alone:
        the form's shortcut takes the key before the list does."""
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.hide()
            return
        if not self.may_discard():
            return
        self.clear()
        self.session.message.emit(translate("ReportForm", "Form cleared."))
        self.event_type.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _update_heading(self) -> None:
        title = (
            event_title(self.session.ledger, self.target_event, WINDOW_WORDS)
            if self.target_event
            else ""
        )
        if self.editing_report:
            text = translate("ReportForm", "<b>Editing a report</b> of {event}")
        elif self.target_event:
            text = translate("ReportForm", "<b>New report</b> for {event}")
        else:
            text = translate("ReportForm", "<b>New event</b> with its first report")
        text = text.replace("{event}", html.escape(title))
        if self.session.ledger.read_only:
            text += translate("ReportForm", " — <i>the file is read-only</i>")
        self.heading.setText(text)

    def commit(self) -> None:
        report = self.validate(show_all=True)
        if report is None:
            self._focus_first_error()
            return
        if self.editing_report and not self.session.ledger.report_exists(self.editing_report):
            QMessageBox.warning(self, translate("ReportForm", "Not committed"), self._gone())
            return
        if self.editing_report and not self.has_typed_content():
            # Nothing changed: no write (a write would move the report to the end of the
            # write order and reopen a decided field it agreed with before).
            self.clear()
            self.session.message.emit(
                translate("ReportForm", "Nothing changed: the report stays as it was.")
            )
            return
        if not self.editing_report and self.target_event and not self._target_shown():
            return
        if self.editing_report and not self._overwrite_agreed():
            return
        try:
            event_id = self._commit(report)
        except (Invalid, LedgerFileError) as error:
            # LedgerFileError: a full disk, another program busy too long. The write was
            # rolled back; the form keeps what was typed, to commit once it can.
            QMessageBox.warning(
                self, translate("ReportForm", "Not committed"), message_text(str(error))
            )
            return
        if event_id is None:
            return
        self.clear()
        # The panes show the new report first; every pane then selects its event.
        self._select_later = event_id
        self._selection_later.start()
        self.event_type.setFocus(Qt.FocusReason.OtherFocusReason)

    def _overwrite_agreed(self) -> bool:
        """The report being edited is as it was loaded, or the person agrees to commit
        over what was written to it since: another program's edit or a merge (a
        colleague's newer edit) was overwritten without a word, the form still showing
        the old values, and the colleague's change survived only in the audit trail."""
        assert self.editing_report is not None
        now = self.session.ledger.report_seq(self.editing_report)
        if now == self._seq_loaded:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("ReportForm", "Report changed meanwhile"),
            translate(
                "ReportForm",
                "This report was changed since you began editing it (by another program, a"
                " merge or an undo): its reports pane shows it as it is now. Committing"
                " would replace that change with what the form holds.",
            ),
            parent=self,
        )
        over = box.addButton(
            translate("ReportForm", "Commit &over it"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not over:
            return False
        self._seq_loaded = now
        return True

    def _target_shown(self) -> bool:
        """The event a new report is for still has reports; if not (deleted, its last
        report undone, another program), the person chooses: a new event, or back to
        the form (committed, the report brought the event back under its old id, with
        no similar-event prompt)."""
        assert self.target_event is not None
        if event_summary(self.session.ledger, self.target_event) is not None:
            return True
        answer = QMessageBox.question(
            self,
            translate("ReportForm", "Event gone"),
            translate(
                "ReportForm",
                "The event this report was for has no reports left (deleted, undone, or"
                " changed by another program). Commit the report as a new event?",
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.target_event = None
        self._update_heading()
        return True

    @staticmethod
    def _gone() -> str:
        """The report being edited was deleted meanwhile (Delete, an undo, another
        program): its edit cannot be saved, and what was typed is not thrown away."""
        return translate(
            "ReportForm",
            "The report you were editing has been deleted since you began (Delete, an"
            " undo, or another program), so this edit cannot be saved. What you typed stays"
            " in the form; Esc clears it.",
        )

    def _select_committed(self) -> None:
        if self._select_later:
            self.session.event_selected.emit(self._select_later)
            self._select_later = ""

    def _commit(self, report: ReportInput) -> str | None:
        if self.editing_report:
            self.session.execute(
                EditReport(self.session, self.editing_report, report, self._seq_loaded)
            )
            return self.target_event
        event_id = self.target_event
        if event_id is None:
            similar = similar_events(
                self.session.ledger,
                report.event_type,
                report.claimed_date,
                (flow.key for flow in report.flows),
                report.location,
            )
            if similar:
                choice = self.ask_duplicate(similar)
                if choice is None:
                    return None
                event_id = choice or None
        command = AddReport(self.session, report, event_id)
        self.session.execute(command)
        return command.event_id

    def _ask_duplicate(self, candidates: list[dict]) -> str | None:
        """The event to add to, "" for a new event, None to go back to the form."""
        prompt = DuplicatePrompt(candidates, self)
        return prompt.choice if prompt.exec() == QDialog.DialogCode.Accepted else None

    def _focus_first_error(self) -> None:
        for key, label in self.errors.items():
            if label.isVisible():
                widget = {
                    "source": self.source,
                    "claimed_date": self.claimed_date,
                    "url": self.url,
                    "published": self.published,
                }.get(key)
                if widget is not None:
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    return
        for row in self.flows.rows:
            if row.failed and row.error.isVisible():
                row.count.setFocus(Qt.FocusReason.OtherFocusReason)
                return
