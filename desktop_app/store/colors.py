"""The parties' colours: data, kept in the file, given when a party first appears."""

from __future__ import annotations

import sqlite3

from ..domain.palette import party_palette


def stored_colors(conn: sqlite3.Connection) -> dict[str, str | None]:
    """Each party's stored colour (None until one is given), in order of appearance."""
    return dict(conn.execute("SELECT name, color FROM parties ORDER BY created_at, name"))


def color_new_parties(conn: sqlite3.Connection) -> None:
    """Inside a write: every party still without a colour gets its palette colour, so it
    keeps that colour across sessions (the form, an import and a merge all pass here)."""
    if conn.execute("SELECT 1 FROM parties WHERE color IS NULL LIMIT 1").fetchone() is None:
        return
    stored = stored_colors(conn)
    conn.executemany(
        "UPDATE parties SET color = ? WHERE name = ? AND color IS NULL",
        [(color, name) for name, color in party_palette(stored).items() if not stored[name]],
    )
