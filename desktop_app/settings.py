"""What belongs to the person, not to the data: their name, kept in QSettings.

The window and the command line share it, so `recorded_by` and `resolved_by` name the
same person whichever way they work.
"""

from __future__ import annotations

import getpass

from .domain.validation import shows_something

ORGANIZATION = "ExchangeLedger"
APPLICATION = "Exchange Ledger"
USER_NAME_KEY = "user/name"


def _settings():  # noqa: ANN202 - QSettings is imported lazily to keep the CLI light
    from PySide6.QtCore import QSettings

    return QSettings(ORGANIZATION, APPLICATION)


def stored_user_name() -> str:
    """The name the user gave, or "" where none was given (or one that shows nothing)."""
    value = str(_settings().value(USER_NAME_KEY, "") or "").strip()
    return value if shows_something(value) else ""


def user_name() -> str:
    """The name the user gave once; until then, their login name."""
    name = stored_user_name()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def set_user_name(name: str) -> None:
    settings = _settings()
    settings.setValue(USER_NAME_KEY, name.strip())
    settings.sync()
