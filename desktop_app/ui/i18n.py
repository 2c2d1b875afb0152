"""The window's language: English, Ukrainian or Russian, through Qt's own translations.

The language comes from the person's choice (View → Language, kept in QSettings) or else
from the system's locale. Translations are `resources/translations/exchange_ledger_*.qm`
(built from the `.ts` sources by `pyside6-lrelease`); Qt's own `qtbase_*.qm` translate the
standard dialogs. The English `.qm` holds only the plural forms ("1 report", "2 reports").
Numbers follow the language's grouping (`1 212` in Ukrainian); dates stay ISO.
"""

from __future__ import annotations

from importlib.resources import as_file

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from ..resources import resource_root
from ..settings import APPLICATION, ORGANIZATION

LANGUAGE_KEY = "ui/language"
# Each language's name in itself: a person finds their own language whatever is shown.
LANGUAGES = {"en": "English", "uk": "Українська", "ru": "Русский"}
LOCALES = {"en": "en_US", "uk": "uk_UA", "ru": "ru_RU"}
CATALOG = "exchange_ledger"

translate = QCoreApplication.translate
_installed: list[QTranslator] = []  # kept alive while installed
_current: list[str] = []  # the language installed in this process, once chosen


def system_language() -> str:
    """The system locale's language when the window speaks it, else English."""
    for name in QLocale.system().uiLanguages() + [QLocale.system().name()]:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def stored_language() -> str:
    value = str(QSettings(ORGANIZATION, APPLICATION).value(LANGUAGE_KEY, "") or "")
    return value if value in LANGUAGES else ""


def chosen_language() -> str:
    """The language the person chose in the window, else the system's."""
    return stored_language() or system_language()


def remember_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"{code!r} is not one of {', '.join(LANGUAGES)}")
    settings = QSettings(ORGANIZATION, APPLICATION)
    settings.setValue(LANGUAGE_KEY, code)
    settings.sync()


def current_language() -> str:
    return _current[0] if _current else "en"


def translations_folder():  # noqa: ANN201 - a Traversable (a folder of the package)
    return resource_root() / "translations"


def install_language(code: str | None = None) -> str:
    """Install the translations of `code` (default: the chosen one) into the running
    application, once per process; the language is fixed until the program restarts."""
    if _current:
        return _current[0]
    app = QCoreApplication.instance()
    code = code or chosen_language()
    QLocale.setDefault(QLocale(LOCALES[code]))
    if app is not None:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        with as_file(translations_folder() / f"{CATALOG}_{code}.qm") as ours:
            # Qt asks the translator installed last first: ours, so that a word of Qt's
            # own dialogs can be put better where it misleads (QPlatformTheme's Discard).
            for name, folder in (
                (f"qtbase_{code}", qt_folder),
                (f"{CATALOG}_{code}", str(ours.parent)),
            ):
                translator = QTranslator(app)
                if translator.load(name, folder):
                    app.installTranslator(translator)
                    _installed.append(translator)
        _current.append(code)
    return code


def number(value: int) -> str:
    """A count as the window's language groups it: `1,212`, `1 212` (English until a
    language is installed, whatever the system's locale)."""
    return QLocale(LOCALES[current_language()]).toString(value)


def decided_value(field: str, value: str) -> str:
    """A decided value as the window shows it: a count grouped as the language groups it
    (`1,212`, `1 212`), anything else as it was decided."""
    return number(int(value)) if field == "count" and value.isdigit() else value


def signed_number(value: int) -> str:
    """A balance with its sign: `+1,185`, `−1,185` (a true minus sign)."""
    text = number(abs(value))
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)
