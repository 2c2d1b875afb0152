"""The window in Ukrainian and Russian (PRODUCT.md, "Languages"): every text has a
finished translation in both, the .ts files are current with the source and the .qm files
with the .ts, the window opened under LANG=uk_UA / ru_RU shows no English left, plural
forms follow each language's rules, and the language chosen in the window is remembered."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QMessageBox

from desktop_app.settings import APPLICATION, ORGANIZATION
from desktop_app.ui import i18n

REPO = Path(__file__).resolve().parent.parent
FOLDER = REPO / "resources" / "translations"
BIN = Path(sys.executable).parent
LANGUAGES = ("uk", "ru")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%Ln|%n|<[^>]+>")
# Letters one of the two languages has and the other lacks: a copy of one into the other
# shows at once.
ONLY_UKRAINIAN = set("іїєґІЇЄҐ")
ONLY_RUSSIAN = set("ыэъёЫЭЪЁ")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [translation.text or ""]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_has_a_finished_translation(language: str) -> None:
    found = messages(FOLDER / f"exchange_ledger_{language}.ts")
    assert len(found) > 300
    other = ONLY_RUSSIAN if language == "uk" else ONLY_UKRAINIAN
    for (context, source), message in found.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        forms = translations(message)
        assert all(form.strip() for form in forms), (context, source)
        if message.get("numerus") == "yes":
            assert len(forms) == 3, (context, source)  # one, few, many
        for form in forms:
            # Every placeholder kept: a lost {file} or %Ln would show nonsense.
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (
                context,
                source,
                form,
            )
            assert not set(form) & other, f"{language}: {form!r} has the other language's letters"


# The app's words, one per language (README, "Languages"): a report
# is "повідомлення" / "сообщение" and a merge "об’єднання" / "объединение" everywhere;
# new texts said "звіт" / "отчёт" and "злиття" / "слияние" beside the panes that say
# otherwise. A bug report is another thing, and keeps its word.
OFF_GLOSSARY = {
    "uk": re.compile(r"(?i)\bзвіт(?!у про помилку)|злиття"),
    "ru": re.compile(r"(?i)\bотч[её]т(?!а об ошибке)|слияни"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_uses_the_apps_words(language: str) -> None:
    found = messages(FOLDER / f"exchange_ledger_{language}.ts")
    off = [
        form
        for message in found.values()
        for form in translations(message)
        if OFF_GLOSSARY[language].search(form)
    ]
    assert off == []


def test_english_plural_forms_are_finished() -> None:
    found = messages(FOLDER / "exchange_ledger_en.ts")
    assert found and all(m.get("numerus") == "yes" for m in found.values())
    for key, message in found.items():
        forms = translations(message)
        assert len(forms) == 2 and all("(s)" not in form for form in forms), key


def run_lupdate_and_lrelease(target: Path) -> Path:
    """The translations made again from the source, in a copy of the repository's files."""
    shutil.copytree(REPO / "desktop_app", target / "desktop_app")
    shutil.copytree(REPO / "tools", target / "tools")
    shutil.copytree(FOLDER, target / "resources" / "translations")
    subprocess.run(
        ["bash", "tools/translations.sh"],
        cwd=target,
        check=True,
        capture_output=True,
        env={**os.environ, "PYSIDE_BIN": str(BIN)},
    )
    return target / "resources" / "translations"


@pytest.mark.slow
def test_the_ts_and_qm_files_are_current(tmp_path: Path) -> None:
    fresh = run_lupdate_and_lrelease(tmp_path)
    for language in ("en", *LANGUAGES):
        name = f"exchange_ledger_{language}"
        committed, made = messages(FOLDER / f"{name}.ts"), messages(fresh / f"{name}.ts")
        assert set(made) == set(committed), f"{name}.ts: run bash tools/translations.sh"
        for key, message in made.items():  # a text new in the source arrives unfinished
            assert message.find("translation").get("type") is None, key  # type: ignore[union-attr]
        assert (fresh / f"{name}.qm").read_bytes() == (FOLDER / f"{name}.qm").read_bytes(), (
            f"{name}.qm is older than {name}.ts: run bash tools/translations.sh"
        )


@pytest.mark.parametrize(
    ("language", "count", "form"),
    [
        ("uk", 1, "%Ln повідомлення"),
        ("uk", 2, "%Ln повідомлення"),
        ("uk", 5, "%Ln повідомлень"),
        ("uk", 21, "%Ln повідомлення"),
        ("ru", 1, "%Ln сообщение"),
        ("ru", 2, "%Ln сообщения"),
        ("ru", 5, "%Ln сообщений"),
        ("ru", 21, "%Ln сообщение"),
        ("uk", 11, "%Ln повідомлень"),
        ("ru", 12, "%Ln сообщений"),
        ("en", 1, "%Ln report"),
        ("en", 21, "%Ln reports"),
    ],
)
def test_plural_forms_follow_each_language(language: str, count: int, form: str) -> None:
    translator = QTranslator()
    assert translator.load(str(FOLDER / f"exchange_ledger_{language}.qm"))
    assert translator.translate("Plural", "%Ln report(s)", "", count) == form


@pytest.mark.parametrize(
    ("count", "question"),
    [
        (1, "Delete the selected report? Undo (Ctrl+Z) brings it back."),
        (3, "Delete the selected %Ln reports? Undo (Ctrl+Z) brings them back."),
    ],
)
def test_the_english_delete_question_agrees_with_its_count(count: int, question: str) -> None:
    translator = QTranslator()
    assert translator.load(str(FOLDER / "exchange_ledger_en.qm"))
    source = "Delete the selected %Ln report(s)? Undo (Ctrl+Z) brings them back."
    assert translator.translate("Plural", source, "", count) == question


@pytest.mark.parametrize(
    ("language", "count", "form"),
    [
        ("uk", 1, "%Ln подія"),
        ("uk", 2, "%Ln події"),
        ("uk", 5, "%Ln подій"),
        ("uk", 21, "%Ln подія"),
        ("ru", 1, "%Ln событие"),
        ("ru", 2, "%Ln события"),
        ("ru", 5, "%Ln событий"),
        ("ru", 21, "%Ln событие"),
    ],
)
def test_plural_forms_of_events(language: str, count: int, form: str) -> None:
    translator = QTranslator()
    assert translator.load(str(FOLDER / f"exchange_ledger_{language}.qm"))
    assert translator.translate("Plural", "%Ln event(s)", "", count) == form


# Words that may stay in Latin letters in the Ukrainian and Russian windows: the program's
# name, the example's parties and places, file formats, keys, the languages' own names,
# the hash's name (SHA-256), and "OK", which Qt's own qtbase_uk / qtbase_ru keep.
ALLOWED = {
    "Exchange", "Ledger", "English", "Russia", "Ukraine", "Istanbul", "CSV", "PNG", "SVG",
    "xlsx", "SHA", "OK",
    "URL", "UTC", "Ctrl", "Alt", "Shift", "Esc", "Enter", "Del", "Delete", "Down", "Return",
    "PgUp", "PgDown", "Up", "Left", "Right", "Backspace", "db", "csv", "reports", "demo",
    "http", "https", "exchange", "ledger",
}  # fmt: skip


def data_strings(database: Path) -> list[str]:
    """Every text stored in the example ledger (names, quotes, ids): data, not window."""
    import sqlite3

    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        texts: set[str] = set()
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str):  # as stored, and on one line as tables show it
                        texts.update((value, value.replace("\n", " ")))
    return sorted(texts, key=len, reverse=True)


def english_left(texts: list[str], data: list[str]) -> list[str]:
    left = []
    for text in texts:
        # Web addresses (an example archive URL) are addresses, not English.
        plain = re.sub(r"<[^>]+>|&(?=\w)|&nbsp;|https?://\S+", " ", text)
        for value in data:
            if len(value) > 1:
                plain = plain.replace(value, " ")
        words = {word for word in re.findall(r"[A-Za-z]{2,}", plain) if word not in ALLOWED}
        if words:
            left.append(f"{sorted(words)} in {text!r}")
    return left


def run_language_probe(tmp_path: Path, locale: str, *options: str) -> Any:
    """tests/window_language_probe.py under `locale`, in a home of its own: its JSON."""
    home = tmp_path / "home"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")
    }
    env.update(
        LANG=locale,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO),
    )
    probe = REPO / "tests" / "window_language_probe.py"
    result = subprocess.run(
        [sys.executable, str(probe), str(tmp_path), *options],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("locale", ["uk_UA.UTF-8", "ru_RU.UTF-8"])
def test_the_window_shows_no_english_under_the_locale(tmp_path: Path, locale: str) -> None:
    texts = run_language_probe(tmp_path, locale)
    assert len(texts) > 150
    assert not english_left(texts, data_strings(tmp_path / "demo.exchange-ledger.db"))
    letters = ONLY_UKRAINIAN if locale.startswith("uk") else ONLY_RUSSIAN
    assert any(set(text) & letters for text in texts)
    grouped = "6\u00a0000"  # the agreement's 6,000, grouped as both languages group it
    assert any(grouped in text for text in texts)
    assert any("2025-06-11" in text for text in texts)  # dates stay ISO
    # the form's Discard button empties it: not Qt's "Decline" (Відхилити, Отклонить)
    discard = "Відкинути" if locale.startswith("uk") else "Отбросить"
    assert discard in texts and not {"Відхилити", "Отклонить"} & set(texts)


def test_the_language_chosen_in_the_window_is_remembered(qtbot, tmp_path, monkeypatch) -> None:
    from ui_helpers import open_window

    settings = QSettings(ORGANIZATION, APPLICATION)
    before = settings.value(i18n.LANGUAGE_KEY)
    asked: list[str] = []

    def answer_later(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        asked.append(text)
        return QMessageBox.StandardButton.No  # restart later

    monkeypatch.setattr(QMessageBox, "question", answer_later)
    try:
        window = open_window(qtbot, tmp_path / "ledger.db")
        menu = window.language_menu
        assert [action.text() for action in menu.actions()] == [
            "English",
            "Українська",
            "Русский",
        ]
        window.language_actions["uk"].trigger()
        assert i18n.stored_language() == "uk" and i18n.chosen_language() == "uk"
        assert asked and "Українська" in asked[0]  # a restart was offered
        assert window.language_actions["uk"].isChecked()
        window.language_actions["ru"].trigger()
        assert QSettings(ORGANIZATION, APPLICATION).value(i18n.LANGUAGE_KEY) == "ru"
        window.language_actions["en"].trigger()  # the language shown: nothing to restart
        assert i18n.stored_language() == "en" and len(asked) == 2
    finally:
        if before is None:
            settings.remove(i18n.LANGUAGE_KEY)
        else:
            settings.setValue(i18n.LANGUAGE_KEY, before)
        settings.sync()


@pytest.mark.slow
def window_env(home: Path, locale: str) -> dict[str, str]:
    """The environment of a window run in `locale` (the language it picks), offscreen, its
    settings in `home`."""
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LANGUAGE")}
    env.update(
        LANG=locale,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO),
    )
    return env


@pytest.mark.parametrize("locale", ["C.UTF-8", "uk_UA.UTF-8", "ru_RU.UTF-8"])
@pytest.mark.parametrize("size", [(1280, 800), (960, 800)], ids=["screen", "half-screen"])
def test_the_window_fits_a_1280_pixel_screen_and_its_half_in_every_language(
    tmp_path: Path, locale: str, size: tuple[int, int]
) -> None:
    """Asked for 1280×800, or for half of a 1920-pixel screen beside the article being
    read, a window whose widgets need more grows wider (Ukrainian words are longer than
    English ones): the screenshot's own size says which it did."""
    env = window_env(tmp_path / "home", locale)
    shot = tmp_path / "window.png"
    command = [sys.executable, "-m", "desktop_app", "--demo", "--size", "{}x{}".format(*size)]
    result = subprocess.run(
        [*command, "--screenshot", str(shot)], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])  # the PNG's IHDR
    assert (width, height) == size


# Builds the window on a ledger with a possible reversed direction to review, and prints
# the least width of the Record workspace, then of the Review workspace showing it with the
# longest counter ("1 to review, 1 with a possible reversed direction") and error it has.
REVIEW_WIDTH_PROBE = """
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop_app import settings
from desktop_app.store.importer import apply_import, plan_import
from desktop_app.store.ledger import Ledger
from desktop_app.ui import build_main_window
settings.set_user_name("x")
db = Path(sys.argv[2])
with Ledger.open(db) as ledger:
    apply_import(ledger, plan_import(ledger, Path(sys.argv[1]), "x"), "x")
window = build_main_window(db)
window.show()
app.processEvents()
record = window.minimumSizeHint().width()
window.show_workspace(1)
pane = window.review_pane
pane.show_event(pane.queue_ids()[0])
pane.decide()  # Ctrl+Enter on the warning: the longest error the pane says
app.processEvents()
print(record, window.minimumSizeHint().width(), bool(pane.error.text()))
"""


@pytest.mark.parametrize("locale", ["C.UTF-8", "uk_UA.UTF-8", "ru_RU.UTF-8"])
def test_the_review_workspace_is_no_wider_than_the_record_workspace(
    tmp_path: Path, locale: str
) -> None:
    """Half a screen beside the article: pressing Ctrl+2 widened a 640-pixel Ukrainian
    window to 915 pixels (the count of what is left to review and the sort box on one
    line set the queue's least width)."""
    from conftest import GARBLED_CSV

    env = window_env(tmp_path / "home", locale)
    result = subprocess.run(
        [sys.executable, "-c", REVIEW_WIDTH_PROBE, str(GARBLED_CSV), str(tmp_path / "l.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    record, review, said = result.stdout.split()
    assert said == "True"
    assert int(review) <= int(record), (record, review)


# The least width of the window, then with a flow row in the form.
FLOW_WIDTH_PROBE = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop_app import settings
from desktop_app.ui import build_main_window
settings.set_user_name("x")
window = build_main_window(Path(sys.argv[1]))
window.show()
app.processEvents()
empty = window.minimumSizeHint().width()
window.form.flows.add_row()
app.processEvents()
print(empty, window.minimumSizeHint().width())
"""


@pytest.mark.parametrize("locale", ["C.UTF-8", "uk_UA.UTF-8", "ru_RU.UTF-8"])
def test_a_flow_in_the_form_keeps_the_window_within_half_a_screen(
    tmp_path: Path, locale: str
) -> None:
    """A flow's five boxes stand on one line: the window widens to hold them (590 to 735
    pixels in English), and must stay within half of a 1920-pixel screen, as the README
    says, beside the article being read."""
    env = window_env(tmp_path / "home", locale)
    result = subprocess.run(
        [sys.executable, "-c", FLOW_WIDTH_PROBE, str(tmp_path / "l.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    empty, with_flow = map(int, result.stdout.split())
    assert empty <= 670 and with_flow <= 960, (empty, with_flow)


# Four reports of one exchange, each with its own count, side by side in a window of half a
# 1920-pixel screen; prints each column's title as its header shows it, then its tooltip.
REPORT_TITLES_PROBE = """
import csv, sys
from collections import Counter
from pathlib import Path
from typing import Any
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop_app import settings
from desktop_app.store.importer import apply_import, plan_import
from desktop_app.store.ledger import Ledger
from desktop_app.ui import build_main_window
settings.set_user_name("x")
folder = Path(sys.argv[1])
with (folder / "four.csv").open("w", newline="", encoding="utf-8") as handle:
    rows = csv.writer(handle)
    rows.writerow(["event_id", "event_type", "event_date", "category", "from_party",
                   "to_party", "count", "source_name", "quote", "recorded_by", "recorded_at"])
    for number in range(4):
        rows.writerow(["e", "exchange", "2025-06-11", "bodies", "Russia", "Ukraine",
                       1000 + number, f"Source {number}", "q", "x", "2025-06-20T09:00:00Z"])
db = folder / "four.db"
with Ledger.open(db) as ledger:
    apply_import(ledger, plan_import(ledger, folder / "four.csv", "x"), "x")
window = build_main_window(db)
window.resize(960, 800)
window.show()
window.show_workspace(1)
app.processEvents()
header = window.review_pane.comparison.horizontalHeader()
model = header.model()
for column in range(header.count()):
    title = model.headerData(column, header.orientation())
    room = header.sectionSize(column) - 8
    shown = header.fontMetrics().elidedText(title, header.textElideMode(), room)
    fits = header.fontMetrics().horizontalAdvance(shown) <= room
    print(shown, "|", fits, "|", model.headerData(column, header.orientation(), 3))  # tooltip
"""


@pytest.mark.parametrize("locale", ["C.UTF-8", "uk_UA.UTF-8", "ru_RU.UTF-8"])
def test_a_narrow_report_column_keeps_its_number(tmp_path: Path, locale: str) -> None:
    """At half a screen, four reports side by side left "овідомлення" over each column in
    Ukrainian: the title was cut at both ends, and with it the number that tells the
    reports apart. The end of the title stays; the tooltip names the whole and the source."""
    env = window_env(tmp_path / "home", locale)
    result = subprocess.run(
        [sys.executable, "-c", REPORT_TITLES_PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4, result.stdout
    for number, line in enumerate(lines, start=1):
        shown, fits, tooltip = line.split(" | ")
        assert shown.endswith(f" {number}") and fits == "True", (shown, fits)
        assert tooltip.endswith(f" {number}: Source {number - 1}"), tooltip


@pytest.mark.slow
@pytest.mark.parametrize("locale", ["C.UTF-8", "uk_UA.UTF-8", "ru_RU.UTF-8"])
def test_no_two_alt_keys_of_a_workspace_share_a_letter(tmp_path: Path, locale: str) -> None:
    """Alt+letter of a label, a button, a menu or a shortcut: two on one letter make Qt
    call the key ambiguous and do neither (&Reliability and the &Review menu did; in the
    Sources dialog, Name and Reliability in Ukrainian and Russian). In an open menu, two
    entries on one letter make the letter step between them instead of choosing (the
    Ukrainian File menu's New file and Recent files)."""
    for workspace, keys in run_language_probe(tmp_path, locale, "--mnemonics").items():
        letters = Counter(letter for letter, _text in keys)
        shared = sorted(text for letter, text in keys if letters[letter] > 1)
        assert not shared, f"{workspace} under {locale}: {shared}"
        least = {"record": 12, "sources dialog": 7, "duplicate prompt": 1}.get(workspace, 5)
        least = 0 if workspace.endswith(" menu") else least  # Open recent: filled on opening
        assert len(keys) >= least, (workspace, keys)  # the probe saw them
