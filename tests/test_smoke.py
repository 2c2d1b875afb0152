"""The example data goes through the command line end to end."""

from __future__ import annotations

import csv
from pathlib import Path

from conftest import EXAMPLE_CSV


def test_example_imports_and_exports(cli, tmp_path: Path) -> None:
    db = tmp_path / "example.db"
    result = cli("import", db, EXAMPLE_CSV)
    assert result.code == 0, result.err
    assert "4 events, 6 reports" in result.out
    assert cli("export", db, tmp_path / "out").code == 0
    with (tmp_path / "out" / "events.csv").open(newline="", encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))
    assert {row["event_id"] for row in events} == {
        "istanbul-2025-06-02-talks",
        "istanbul-2025-06-02-agreement",
        "bodies-2025-06-11",
        "bodies-2025-06-13",
    }
