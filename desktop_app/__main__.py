"""Entry point of `exchange-ledger` and `python -m desktop_app`."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import COMMANDS

__all__ = ["COMMANDS", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """A command name first runs that command headless; anything else opens the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    mistyped = _mistyped_command(args[0]) if args else None
    if mistyped is not None:
        print(
            f"exchange-ledger: there is no command {args[0]!r}; did you mean {mistyped!r}?"
            f" (A ledger file of that name opens by its path: ./{args[0]})",
            file=sys.stderr,
        )
        return 2
    if args and args[0] in COMMANDS:
        _inspect_early(args[1:])
        from .cli import run_command

        return run_command(args)
    from .ui.app import run_app

    return run_app(args)


def _mistyped_command(word: str) -> str | None:
    """The command `word` was likely meant to be (`conflict`), where it names no file:
    the window would otherwise make a new ledger of that name in the current folder."""
    if word in COMMANDS or word.startswith("-") or "/" in word or "." in word:
        return None
    import difflib
    from pathlib import Path

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.75)
    return close[0] if close and not Path(word).exists() else None


def _inspect_early(args: list[str]) -> None:
    """Every command inspects its DB (the first argument that is not an option) first,
    and SQLite's quick_check reads every page of it: most of a reading command's time on a
    large file. Started now, in a thread, it runs while the command line is imported."""
    from pathlib import Path

    from .store.database import inspect_early

    named = next((arg for arg in args if not arg.startswith("-")), None)
    try:
        if named is not None and Path(named).is_file():
            inspect_early(Path(named))
    except (OSError, ValueError):
        pass  # a name that cannot be used (too long, say): the command says why


if __name__ == "__main__":
    sys.exit(main())
