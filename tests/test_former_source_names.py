"""A source renamed or merged in the Sources dialog, then the spreadsheet it came from
imported again (with rows added since): the file still names the source its old way.
Its rows already here are skipped as before, its new rows go to the source that now
stands for the old name, and the import says so once, as a warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_reports_csv
from test_cli_import import Cli, query

from desktop_app.domain.records import source_key
from desktop_app.store.importer import plan_import
from desktop_app.store.ledger import Ledger
from desktop_app.store.sources import (
    SourceFields,
    former_names,
    merge_sources,
    unmerge_sources,
    update_source,
)

WHO = "tester"


def reports_by_source(db: Path) -> dict[str, int]:
    rows = query(
        db,
        "SELECT s.name, COUNT(r.id) FROM sources s LEFT JOIN reports r ON r.source_id = s.id"
        " GROUP BY s.id",
    )
    return dict(rows)


@pytest.fixture
def imported(cli: Cli, tmp_path: Path) -> Path:
    """Six reports of two events, from "Source 0", "Source 1" and "Source 2" (Ukraine)."""
    db = tmp_path / "ledger.db"
    assert cli("import", db, write_reports_csv(tmp_path / "first.csv", 6)).code == 0
    return db


def rename(db: Path, name: str, new_name: str) -> None:
    with Ledger.open(db) as ledger:
        found = ledger.find_source(name, "Ukraine")
        assert found is not None
        fields = SourceFields(new_name, "Ukraine", found["kind"], found["reliability"])
        update_source(ledger, found["id"], fields, WHO)


def test_a_renamed_source_takes_the_rows_of_its_old_name(
    cli: Cli, imported: Path, tmp_path: Path
) -> None:
    rename(imported, "Source 0", "Source Zero")
    later = write_reports_csv(tmp_path / "later.csv", 9)  # the first six, and three more
    result = cli("import", imported, later)
    assert result.code == 0, result.err
    assert "added 1 event, 3 reports" in result.out
    assert "6 reports already present and identical, skipped" in result.out
    warning = (
        "row 2, column source_name: source 'Source 0 (Ukraine)' was renamed or merged in"
        " this ledger; its reports go to 'Source Zero (Ukraine)'"
    )
    assert result.err.count("was renamed") == 1 and warning in result.err, result.err
    assert reports_by_source(imported) == {"Source Zero": 3, "Source 1": 3, "Source 2": 3}
    again = cli("import", imported, later)  # the same file twice changes nothing
    assert again.code == 0 and "added 0 events, 0 reports" in again.out
    assert reports_by_source(imported) == {"Source Zero": 3, "Source 1": 3, "Source 2": 3}


def test_both_readings_plan_the_old_name_as_the_renamed_source(
    imported: Path, tmp_path: Path
) -> None:
    """The column reading leaves such a file to the row reading, which follows renames."""
    rename(imported, "Source 0", "Source Zero")
    later = write_reports_csv(tmp_path / "later.csv", 9)
    with Ledger.open(imported) as ledger:
        plans = [plan_import(ledger, later, WHO, bulk=bulk) for bulk in (True, False)]
    for plan in plans:
        assert not plan.errors and plan.skipped == 6
        assert sorted(report.source_key for report in plan.reports) == sorted(
            plans[1].reports[i].source_key for i in range(3)
        )
        assert not plan.new_sources
    assert [str(w) for w in plans[0].warnings] == [str(w) for w in plans[1].warnings]


def test_a_merged_source_takes_the_rows_of_the_one_merged_into_it_until_undone(
    cli: Cli, imported: Path, tmp_path: Path
) -> None:
    with Ledger.open(imported) as ledger:
        keep = ledger.find_source("Source 1", "Ukraine")
        drop = ledger.find_source("Source 0", "Ukraine")
        assert keep and drop
        dropped, moved, _ = merge_sources(ledger, keep["id"], drop["id"], WHO)
        assert set(former_names(ledger)) == {source_key("Source 0", "Ukraine")}
    later = write_reports_csv(tmp_path / "later.csv", 9)
    result = cli("import", imported, later)
    assert result.code == 0, result.err
    assert "'Source 0 (Ukraine)' was renamed or merged" in result.err
    assert reports_by_source(imported) == {"Source 1": 6, "Source 2": 3}
    with Ledger.open(imported) as ledger:
        unmerge_sources(ledger, dropped, moved, WHO)  # Ctrl+Z: the old name stands again
        assert former_names(ledger) == {}
    assert reports_by_source(imported) == {"Source 0": 2, "Source 1": 4, "Source 2": 3}


def test_a_name_that_a_source_holds_today_is_its_own(imported: Path) -> None:
    """Renamed back, or taken by another source since: the name is nobody's former one."""
    rename(imported, "Source 0", "Source Zero")
    rename(imported, "Source Zero", "Source 0")
    with Ledger.open(imported) as ledger:
        assert set(former_names(ledger)) == {source_key("Source Zero", "Ukraine")}
        with ledger.write(WHO):
            ledger.ensure_source("Source Zero", "Ukraine", "other", "F")
        assert former_names(ledger) == {}


def test_a_colleagues_file_that_keeps_the_old_name_merges_into_the_renamed_source(
    cli: Cli, imported: Path, tmp_path: Path
) -> None:
    """The colleague copied the ledger before the rename and added a report since: the
    merge brings no second source back, and nothing counts as "kept where ours was
    as new or newer" (the reports say the same)."""
    colleague = tmp_path / "colleague.db"
    assert cli("copy", imported, colleague).code == 0
    assert cli("import", colleague, write_reports_csv(tmp_path / "later.csv", 9)).code == 0
    rename(imported, "Source 0", "Source Zero")
    result = cli("merge", imported, colleague)
    assert result.code == 0, result.err
    assert "1 event, 3 reports, 0 sources" in result.out, result.out
    assert "0 kept where ours was as new or newer" in result.out, result.out
    assert reports_by_source(imported) == {"Source Zero": 3, "Source 1": 3, "Source 2": 3}
    again = cli("merge", imported, colleague)  # merging the same file twice changes nothing
    assert again.code == 0 and "Nothing to merge" in again.out, again.out
    assert reports_by_source(imported) == {"Source Zero": 3, "Source 1": 3, "Source 2": 3}
