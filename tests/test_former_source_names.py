"""A source renamed or merged in the Sources dialog, then the spreadsheet it came from
imported again (with rows added since): the file still names the source its old way.
Its rows already here are skipped as before, its new rows go to the source that now
stands for the old name, and the import says so once, as a warning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import write_reports_csv
from test_cli_import import Cli, query

from desktop_app.domain.records import source_key
from desktop_app.domain.validation import Invalid
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


def source_0(ledger: Ledger) -> tuple[str, Callable[..., SourceFields]]:
    """Source 0's id, and its fields with a name or a party changed (its grades kept)."""
    found = ledger.find_source("Source 0", "Ukraine")
    assert found is not None

    def fields(name: str = "Source 0", party: str = "Ukraine", grade: str = "") -> SourceFields:
        return SourceFields(name, party, found["kind"], grade or found["reliability"])

    return found["id"], fields


def test_an_undone_rename_leaves_the_new_name_to_no_source(
    cli: Cli, imported: Path, tmp_path: Path
) -> None:
    """The undo (an edit like any other in the audit trail) made "Source Zero" a former
    name of Source 0: a report of a real "Source Zero" imported or merged later went to
    Source 0, the form said "now Source 0", and the import warned of a rename."""
    with Ledger.open(imported) as ledger:
        source_id, fields = source_0(ledger)
        update_source(ledger, source_id, fields("Source Zero"), WHO)
        update_source(ledger, source_id, fields(), WHO, undoing=True)  # what Ctrl+Z runs
        assert former_names(ledger) == {}
    other = write_reports_csv(tmp_path / "other.csv", 3)
    text = other.read_text(encoding="utf-8").replace("Source 0", "Source Zero")
    other.write_text(text.replace("r0,", "zero-0,"), encoding="utf-8")
    result = cli("import", imported, other)
    assert result.code == 0 and "renamed or merged" not in result.err, result.err
    assert reports_by_source(imported)["Source Zero"] >= 1
    assert reports_by_source(imported)["Source 0"] == 2


def test_a_source_stored_with_a_mixed_name_can_be_regraded_and_its_rename_undone(
    imported: Path,
) -> None:
    """A name stored before the script check (an older file, a colleague's merged in):
    changing its grade alone was refused for the name, and a rename that mended it could
    not be undone ("Not done: … mixes Latin and Cyrillic letters")."""
    mixed = "Source 0 Мedinsky"  # a Cyrillic М
    with Ledger.open(imported) as ledger:
        source_id, fields = source_0(ledger)
        ledger.conn.execute(
            "UPDATE sources SET name = ?, key = ? WHERE id = ?",
            (mixed, source_key(mixed, "Ukraine"), source_id),
        )
        update_source(ledger, source_id, fields(mixed, grade="B"), WHO)
        update_source(ledger, source_id, fields("Source 0 Medinsky", grade="B"), WHO)
        update_source(ledger, source_id, fields(mixed, grade="B"), WHO, undoing=True)
        assert ledger.find_source(mixed, "Ukraine")["reliability"] == "B"  # type: ignore[index]
        with pytest.raises(Invalid, match="mixes Latin and Cyrillic"):  # a new name is checked
            update_source(ledger, source_id, fields("Source 0 Мedinskiy"), WHO)


@pytest.mark.parametrize("name", ["\u200b", " \u00ad\ufeff "])
def test_a_source_name_that_shows_nothing_is_refused(
    cli: Cli, imported: Path, tmp_path: Path, name: str
) -> None:
    with Ledger.open(imported) as ledger:
        source_id, fields = source_0(ledger)
        with pytest.raises(Invalid, match="a source needs a name"):
            update_source(ledger, source_id, fields(name), WHO)
    nameless = write_reports_csv(tmp_path / "nameless.csv", 1)
    text = nameless.read_text(encoding="utf-8").replace("Source 0", name.strip())
    nameless.write_text(text.replace("r0,", "nameless,"), encoding="utf-8")
    result = cli("import", imported, nameless)
    assert result.code == 1 and "source_name is required" in result.err, result.err


def test_a_party_given_to_a_source_and_undone_leaves_no_party_behind(imported: Path) -> None:
    with Ledger.open(imported) as ledger:
        source_id, fields = source_0(ledger)
        update_source(ledger, source_id, fields(party="Rusia"), WHO)
        assert "Rusia" in ledger.parties()
        update_source(ledger, source_id, fields(), WHO, undoing=True)
        assert "Rusia" not in ledger.parties()
