"""Entry point of `exchange-ledger` and `python -m desktop_app`."""

from __future__ import annotations

import sys
from collections.abc import Sequence

COMMANDS = (
    "import",
    "export",
    "conflicts",
    "balance",
    "resolve",
    "merge",
    "check",
    "copy",
    "evidence",
)


def main(argv: Sequence[str] | None = None) -> int:
    """A command name first runs that command headless; anything else opens the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        from .cli import run_command

        return run_command(args)
    from .ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
