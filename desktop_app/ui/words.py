"""The window's words for what the store and the domain say in English.

The store and the domain stay free of Qt: they keep their values (`bodies`, `conflict`)
and write their messages in English. Here the window turns the values into its language
through the tables below (the messages: `messages`). Stored and exported values never
change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtWidgets import QComboBox

from ..domain.naming import Words
from ..domain.records import CREDIBILITY, RELIABILITY, FieldKey
from .i18n import current_language, install_language, number

translate = QCoreApplication.translate

CATEGORY_NAMES = {
    "bodies": QT_TRANSLATE_NOOP("Words", "bodies"),
    "pows": QT_TRANSLATE_NOOP("Words", "pows"),
    "civilians": QT_TRANSLATE_NOOP("Words", "civilians"),
    "other": QT_TRANSLATE_NOOP("Words", "other"),
}
EVENT_TYPE_NAMES = {
    "exchange": QT_TRANSLATE_NOOP("Words", "exchange"),
    "agreement": QT_TRANSLATE_NOOP("Words", "agreement"),
    "talks": QT_TRANSLATE_NOOP("Words", "talks"),
    "statement": QT_TRANSLATE_NOOP("Words", "statement"),
    "other": QT_TRANSLATE_NOOP("Words", "other event"),
}
STATUS_NAMES = {
    "conflict": QT_TRANSLATE_NOOP("Words", "conflict"),
    "reopened": QT_TRANSLATE_NOOP("Words", "reopened"),
    "resolved": QT_TRANSLATE_NOOP("Words", "resolved"),
    "consistent": QT_TRANSLATE_NOOP("Words", "consistent"),
    "single": QT_TRANSLATE_NOOP("Words", "single"),
    "warning": QT_TRANSLATE_NOOP("Words", "warning"),
}
KIND_NAMES = {
    "official": QT_TRANSLATE_NOOP("Words", "official"),
    "media": QT_TRANSLATE_NOOP("Words", "media"),
    "ngo": QT_TRANSLATE_NOOP("Words", "ngo"),
    "social_media": QT_TRANSLATE_NOOP("Words", "social media"),
    "footage": QT_TRANSLATE_NOOP("Words", "footage"),
    "other": QT_TRANSLATE_NOOP("Words", "other source"),
}
QUALIFIER_NAMES = {
    "exact": QT_TRANSLATE_NOOP("Words", "exact"),
    "approx": QT_TRANSLATE_NOOP("Words", "approx"),
    "at_least": QT_TRANSLATE_NOOP("Words", "at least"),
    "at_most": QT_TRANSLATE_NOOP("Words", "at most"),
}
# The Admiralty grades' meanings (their letters and digits stay as they are).
RELIABILITY_MEANINGS = {
    "A": QT_TRANSLATE_NOOP("Words", "Completely reliable"),
    "B": QT_TRANSLATE_NOOP("Words", "Usually reliable"),
    "C": QT_TRANSLATE_NOOP("Words", "Fairly reliable"),
    "D": QT_TRANSLATE_NOOP("Words", "Not usually reliable"),
    "E": QT_TRANSLATE_NOOP("Words", "Unreliable"),
    "F": QT_TRANSLATE_NOOP("Words", "Reliability cannot be judged"),
}
CREDIBILITY_MEANINGS = {
    1: QT_TRANSLATE_NOOP("Words", "Confirmed by other sources"),
    2: QT_TRANSLATE_NOOP("Words", "Probably true"),
    3: QT_TRANSLATE_NOOP("Words", "Possibly true"),
    4: QT_TRANSLATE_NOOP("Words", "Doubtful"),
    5: QT_TRANSLATE_NOOP("Words", "Improbable"),
    6: QT_TRANSLATE_NOOP("Words", "Truth cannot be judged"),
}
assert RELIABILITY_MEANINGS == RELIABILITY and CREDIBILITY_MEANINGS == CREDIBILITY


def word(table: Mapping[str, str], value: str) -> str:
    """A stored value in the window's language; the English window shows the value as
    stored (`social_media`, `at_least`), the words scripts and CSV files use."""
    english = table.get(value)
    if not english or current_language() == "en":
        return value
    return translate("Words", english)


def category_name(value: str) -> str:
    return word(CATEGORY_NAMES, value)


def event_type_name(value: str) -> str:
    return word(EVENT_TYPE_NAMES, value)


def status_name(value: str) -> str:
    return word(STATUS_NAMES, value)


def kind_name(value: str) -> str:
    return word(KIND_NAMES, value)


def qualifier_name(value: str) -> str:
    return word(QUALIFIER_NAMES, value)


def party_name(party: str | None) -> str:
    """A source's party, or "independent" (parties themselves are names, kept as typed)."""
    return party or translate("Words", "independent")


def reliability_text(grade: str) -> str:
    return f"{grade} — {translate('Words', RELIABILITY_MEANINGS[grade])}"


def credibility_text(grade: int) -> str:
    return f"{grade} — {translate('Words', CREDIBILITY_MEANINGS[grade])}"


class Plural(QObject):
    """Counted nouns through Qt's plural forms: Ukrainian and Russian have three, English
    two (its own .qm holds them). `%Ln` is the count grouped as the language groups it.
    Each text is a `self.tr` of its own: the one call lupdate reads as a plural."""

    def tr(self, text: str, disambiguation: str | None = None, count: int = -1) -> str:
        """The plural forms need the language installed (a pane built on its own, before
        any window, installs it here)."""
        install_language()
        return super().tr(text, disambiguation, count)

    def reports(self, count: int) -> str:
        return self.tr("%Ln report(s)", "", count)

    def events(self, count: int) -> str:
        return self.tr("%Ln event(s)", "", count)

    def delete_event_question(self, count: int) -> str:
        return self.tr(
            "Delete this event and its %Ln report(s)? Undo (Ctrl+Z) brings them back.", "", count
        )

    def delete_reports_question(self, count: int) -> str:
        return self.tr(
            "Delete the selected %Ln report(s)? Undo (Ctrl+Z) brings them back.", "", count
        )

    def delete_reports(self, count: int) -> str:
        return self.tr("Delete %Ln report(s)", "", count)

    def import_problems(self, count: int) -> str:
        return self.tr(
            "{file} has %Ln problem(s); nothing was imported. Fix them and import again.",
            "",
            count,
        )

    def import_warnings(self, count: int) -> str:
        """Before an import: its warnings, shown under Show Details."""
        return self.tr("The file gives %Ln warning(s): see the details.", "", count)

    def folder_warnings(self, count: int) -> str:
        """Before an export folder's import: its warnings, shown under Show Details."""
        return self.tr("The folder gives %Ln warning(s): see the details.", "", count)

    def exported_rows(self, count: int) -> str:
        return self.tr("Exported %Ln row(s) into {folder}.", "", count)

    def more_flows(self, count: int) -> str:
        return self.tr("(+%Ln more flow(s))", "", count)

    def more_events(self, count: int) -> str:
        return self.tr("… and %Ln more event(s) that day", "", count)

    def earlier_targets(self, count: int) -> str:
        return self.tr("+%Ln earlier target(s) (point at a day)", "", count)

    def exported_rows_and_workbook(self, count: int) -> str:
        return self.tr("Exported %Ln row(s) and a workbook into {folder}.", "", count)

    def byte_count(self, count: int) -> str:
        return self.tr("%Ln byte(s)", "", count)

    def evidence_files(self, count: int) -> str:
        return self.tr("Evidence of this report: %Ln file(s)", "", count)

    def evidence_of_reports(self, count: int) -> str:
        """The chart's hover: how many of the event's reports have an evidence file."""
        return self.tr(" — evidence: {with_evidence} of %Ln report(s)", "", count)

    def evidence_not_matching(self, count: int) -> str:
        return self.tr("%Ln evidence file(s) of {total} no longer match what was added:", "", count)

    def evidence_verified(self, count: int) -> str:
        return self.tr("All %Ln evidence file(s) are as they were added.", "", count)

    def reports_to_pick(self, count: int) -> str:
        """Alt+number past the event's last report."""
        return self.tr("There is no report {number}: this event has %Ln report(s).", "", count)


plural = Plural()

# Events named in the window's language: `domain.naming`'s one wording, with these words.
WINDOW_WORDS = Words(
    event_type=event_type_name,
    category=category_name,
    count=number,
    more_flows=plural.more_flows,
    undated=lambda: translate("Words", "undated"),
)


def reports_text(count: int) -> str:
    return plural.reports(count)


def events_text(count: int) -> str:
    return plural.events(count)


def flow_label(category: str, from_party: str, to_party: str) -> str:
    return translate("Words", "{category} {from_party} → {to_party}").format(
        category=category_name(category), from_party=from_party, to_party=to_party
    )


def field_label(field: FieldKey) -> str:
    """A disputed field named for people: "date", "pows Russia → Ukraine"."""
    flow = field.flow
    if field.field == "direction" and flow is not None:
        return translate("Words", "direction of {category} between {a} and {b}").format(
            category=category_name(flow.category), a=flow.from_party, b=flow.to_party
        )
    if flow is not None:
        return flow_label(flow.category, flow.from_party, flow.to_party)
    return {
        "date": translate("Words", "date"),
        "location": translate("Words", "location"),
    }.get(field.field, field.field)


_FLOW_PART = re.compile(
    r"(?P<category>\S+) (?P<from_party>.+?) ?→ ?(?P<to_party>.+) "
    r"(?P<best>[\d,]+)(?: [\[(](?P<low>[\d,]+)–(?P<high>[\d,]+)[\])])?"
)


def _count(text: str) -> str:
    return number(int(text.replace(",", "")))


def flows_text(text: str) -> str:
    """The store's flow summary ("bodies Russia→Ukraine 1212; …") in the window's words."""
    parts = []
    for part in text.split("; ") if text else []:
        match = _FLOW_PART.fullmatch(part)
        if match is None:
            parts.append(part)
            continue
        value = _count(match["best"])
        if match["low"]:
            value += f" [{_count(match['low'])}–{_count(match['high'])}]"
        parts.append(
            f"{category_name(match['category'])} {match['from_party']}→{match['to_party']} {value}"
        )
    return "; ".join(parts)


def field_label_text(label: str) -> str:
    """A field label the store wrote in English (`FieldKey.label()`), translated."""
    if label in ("date", "location"):
        return field_label(FieldKey(label))
    direction = re.fullmatch(r"direction of (\S+) between (.+) and (.+)", label)
    if direction:
        return translate("Words", "direction of {category} between {a} and {b}").format(
            category=category_name(direction[1]), a=direction[2], b=direction[3]
        )
    flow = re.fullmatch(r"(\S+) (.+) → (.+)", label)
    if flow:
        return flow_label(flow[1], flow[2], flow[3])
    return label


def fill_values(combo: QComboBox, values: Iterable[str], name: Callable[[str], str]) -> None:
    """Items that show a value in the window's words and hold the value itself."""
    for value in values:
        combo.addItem(name(value), value)


def combo_value(combo: QComboBox) -> str:
    """The stored value behind the current item (its text where it holds none)."""
    value = combo.currentData()
    return str(value) if value is not None else combo.currentText()


def narrow_combo(combo: QComboBox, letters: int) -> None:
    """A box about `letters` wide, its list as wide as its longest item: the window must
    fit a 1280-pixel screen in every language, and Ukrainian and Russian words are longer
    than English ones. Call it once the box is filled."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    if not combo.toolTip():  # the choice whole, where the box cuts it
        combo.setToolTip(combo.currentText())
        combo.currentTextChanged.connect(combo.setToolTip)


def set_combo_value(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    else:
        combo.setCurrentText(value)


_LARGEST_COUNT = re.compile(
    r"(?P<high>[\d,]+) vs (?P<low>[\d,]+) (?P<word>\S+) (?P<from_party>.+?)→(?P<to_party>.+)"
)
# The review queue's words for a category (store.review.CATEGORY_WORDS), back to values.
_QUEUE_WORDS = {"POWs": "pows", "bodies": "bodies", "civilians": "civilians", "others": "other"}


def disagreement_text(text: str) -> str:
    """The review queue's "largest disagreement" ("1,212 vs 27 POWs Russia→Ukraine",
    "2025-06-10 vs 2025-06-11", "possible reversed direction") in the window's words."""
    if text == "possible reversed direction":
        return translate("Words", "possible reversed direction")
    match = _LARGEST_COUNT.fullmatch(text)
    if match is not None:
        category = _QUEUE_WORDS.get(match["word"], match["word"])
        return translate("Words", "{high} vs {low} {category} {from_party}→{to_party}").format(
            high=_count(match["high"]),
            low=_count(match["low"]),
            category=category_name(category),
            from_party=match["from_party"],
            to_party=match["to_party"],
        )
    return translate("Words", " vs ").join(text.split(" vs ")) if " vs " in text else text
