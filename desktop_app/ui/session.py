"""What the panes of one window share: the open ledger, the change signal, the undo stack
and the person's name. Passed in to each pane; there is no global registry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog, QWidget

from .. import settings
from ..domain.validation import Invalid, shows_something
from ..store.ledger import Changes, Ledger, LedgerFileError
from .messages import message_text
from .notifier import LedgerNotifier

translate = QCoreApplication.translate
CHECKPOINT_DELAY_MS = 150  # after a change, before its checkpoint: past the next paint
CHECKPOINT_RETRY_MS = 10_000  # a checkpoint that failed (a full disk) is tried again


class Session(QObject):
    """The ledger of one window and the single door through which panes change it."""

    event_selected = Signal(str)  # any pane selects an event; the others follow
    message = Signal(str)  # a short sentence for the status bar: what was just done

    def __init__(self, ledger: Ledger, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.notifier = LedgerNotifier(self)
        self.undo_stack = QUndoStack(self)
        # The -wal copied into the main file once the panes have shown a change, not
        # before: one timer for a burst of changes (holding Ctrl+Z), stopped with the
        # window's timers before the ledger closes (which checkpoints anyway).
        self._checkpoint = QTimer(self, singleShot=True, interval=CHECKPOINT_DELAY_MS)
        self._checkpoint.timeout.connect(self._copy_into_main_file)
        ledger.checkpoint_soon = self._checkpoint.start
        self._retry = QTimer(self, singleShot=True, interval=CHECKPOINT_RETRY_MS)
        self._retry.timeout.connect(self._copy_into_main_file)
        self._kept_aside = False

    def _copy_into_main_file(self) -> None:
        """Checkpoint, and say so when the main file alone no longer holds every change
        (a full disk: the commits are safe in the -wal, but a copy of just the .db, as
        people e-mail it or free space with it, would lack them), and when it does again."""
        if self.ledger.checkpoint():
            if self._kept_aside:
                self._kept_aside = False
                self.message.emit(
                    translate("Session", "Every change is in {name} again.").format(
                        name=self.ledger.path.name
                    )
                )
            return
        if self.ledger.checkpoint_failed is None:
            return  # another program's reader held it back: the next change tries again
        self._kept_aside = True
        self.message.emit(unsaved_in_wal(self.ledger.path))
        self._retry.start()

    def who(self, parent: QWidget | None = None) -> str:
        """The person's name, asked once and kept in their settings (Edit → Your name…
        corrects it; Cancel the first time keeps the login name)."""
        name = settings.stored_user_name()
        while not shows_something(name):  # a zero-width space alone names nobody: asked again
            typed = _ask_name(parent)
            name = settings.user_name() if typed is None else typed
        settings.set_user_name(name)
        return name

    def change_name(self, parent: QWidget | None = None) -> str | None:
        """Ask for the person's name again (a typo, or the login name kept by a Cancel
        the first time, went into every later entry and decision): the new one, kept,
        or None if nothing changed."""
        name = _ask_name(parent)
        if not name or name == settings.stored_user_name():
            return None
        settings.set_user_name(name)
        return name

    def execute(self, command: LedgerCommand) -> Changes:
        """Do the command now (errors reach the caller, nothing is pushed), then make it
        undoable and tell every listener what changed."""
        changes = command.first_run()
        command.skip_redo = True
        self.undo_stack.push(command)
        self.notifier.notify(changes)
        said = translate("Session", "Saved: {change}.").format(change=command.text())
        self.message.emit(" ".join(filter(None, (said, command.consequence()))))
        return changes

    def notify_all(self) -> None:
        """After work that touched the file as a whole (an import, a merge, another process)."""
        self.notifier.notify(Changes(frozenset(), sources=True, parties=True, everything=True))


def unsaved_in_wal(path: Path) -> str:
    return translate(
        "Session",
        "Saved, but the disk is full: the last changes wait in {wal} beside {name}. Keep the"
        " two files together (a copy of {name} alone lacks them) and free some space.",
    ).format(wal=f"{path.name}-wal", name=path.name)


def _ask_name(parent: QWidget | None) -> str | None:
    """The name typed, "" for one that shows nothing, or None for Cancel."""
    name, ok = QInputDialog.getText(
        parent,
        translate("Session", "Your name"),
        translate("Session", "Your name, recorded with every entry and decision you make:"),
        text=settings.user_name(),
    )
    if not ok:
        return None
    return name.strip() if shows_something(name) else ""


class LedgerCommand(QUndoCommand):
    """An undoable change to the ledger. `first_run` does it the first time; `undo_change`
    and `redo_change` return the store's Changes, which are then announced."""

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.skip_redo = False

    @property
    def ledger(self) -> Ledger:
        return self.session.ledger

    def who(self) -> str:
        return self.session.who()

    def first_run(self) -> Changes:
        raise NotImplementedError

    def consequence(self) -> str:
        """What the change brought about beyond itself, said after "Saved: …" (empty when
        nothing did)."""
        return ""

    def undo_change(self) -> Changes:
        raise NotImplementedError

    def redo_change(self) -> Changes:
        raise NotImplementedError

    def redo(self) -> None:
        if self.skip_redo:  # QUndoStack.push calls redo: the first run already happened
            self.skip_redo = False
            return
        self._apply(self.redo_change, translate("Session", "Redone: {change}."))

    def undo(self) -> None:
        self._apply(self.undo_change, translate("Session", "Undone: {change}."))

    def _apply(self, change: Callable[[], Changes], done: str) -> None:
        """Undo or redo, said in the status bar. One the ledger refuses (the file moved
        away, another program busy too long, the change no longer possible) changed
        nothing: it is said instead, and the step leaves the history (the stack drops an
        obsolete command), which would otherwise claim a state the file does not have.
        Such a refusal reached the crash dialog as an unexpected error."""
        try:
            changes = change()
        except (Invalid, LedgerFileError) as error:
            self.setObsolete(True)
            self.session.message.emit(
                translate("Session", "Not done: {change}: {reason}").format(
                    change=self.text(), reason=message_text(str(error))
                )
            )
            return
        self.session.notifier.notify(changes)
        self.session.message.emit(done.format(change=self.text()))
