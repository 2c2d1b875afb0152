"""The second reader of an export (export_lines.SecondReader), run as a process of its own:
`python -I export_child.py`. It imports nothing but the standard library, so that it
starts in a few hundredths of a second, and takes everything it needs from its parent.

It talks with its parent one JSON line at a time. The parent sends what to open and what
to make (queries, their parameters, and the file descriptor each one's lines go to,
passed open to this process); this process answers with the commits it sees before the
parent's snapshot begins, then, told to go on, whether it still sees the same ones once
its own snapshot has begun, then the rows each query made, in order. Any failure is
sent as {"error": ...}, and the process ends.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from typing import Any

_BATCH = 5000


def _say(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _hear() -> Any:
    line = sys.stdin.readline()
    if not line:
        raise SystemExit(0)  # the parent went away or needs nothing more
    return json.loads(line)


def _write_lines(
    reader: sqlite3.Connection, sql: str, parameters: list[Any], descriptor: int
) -> int:
    rows = 0
    with os.fdopen(descriptor, "wb", closefd=True) as out:
        cursor = reader.execute(sql, parameters)
        while batch := cursor.fetchmany(_BATCH):
            out.write(b"".join([line for (line,) in batch]))
            rows += len(batch)
    return rows


def main() -> None:
    task = _hear()
    reader = sqlite3.connect(task["uri"], uri=True, isolation_level=None)
    reader.text_factory = bytes
    for pragma in task["pragmas"]:
        reader.execute(pragma)
    (commits,) = reader.execute("PRAGMA data_version").fetchone()
    _say({"commits": commits})
    go = _hear()
    if not go.get("go"):
        return
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    (now,) = reader.execute("PRAGMA data_version").fetchone()
    _say({"same": now == commits})
    if now != commits:
        return
    for sql, parameters, descriptor in go["jobs"]:
        _say({"rows": _write_lines(reader, sql, parameters, descriptor)})
    reader.execute("COMMIT")


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except BaseException as error:  # told to the parent, which makes the files itself
        _say({"error": f"{type(error).__name__}: {error}"})
        raise SystemExit(1) from None
