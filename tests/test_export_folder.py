"""The export folder as its recipient gets it (PRODUCT.md, "Exchange of data" and the
`export` command): a README.txt that says what each file is and how to read it without
damage; files with the permissions of any new file; no link in the folder followed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import GARBLED_CSV, CliResult

from desktop_app.store.export_readme import FILES, README_NAME

Cli = Callable[..., CliResult]


def ok(result: CliResult) -> CliResult:
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result


@pytest.fixture
def db(cli: Cli, tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    ok(cli("import", path, GARBLED_CSV))
    return path


def listing(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


# ---- README.txt -------------------------------------------------------------------------


def test_readme_names_every_file_of_the_folder_and_says_what_it_is(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    printed = ok(cli("export", db, out)).out
    names = listing(out)
    assert README_NAME in names
    assert not [name for name in names if name.startswith(".")], names  # no leftovers
    text = (out / README_NAME).read_text(encoding="utf-8")
    for name in names:
        assert name in text, name
        assert name in printed, name  # the command says what it wrote
    assert set(FILES) == set(names)  # one description for each file, no more


def test_readme_says_how_to_read_the_files_without_damage(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    ok(cli("export", db, tmp_path / "out"))
    flat = " ".join((tmp_path / "out" / README_NAME).read_text(encoding="utf-8").split())
    for needed in (
        "dtype=str, keep_default_na=False",  # pandas
        "frictionless validate datapackage.json",
        "LibreOffice",
        'Character set "Unicode (UTF-8)"',
        'to "Text"',
        "report_id, event_id, source_id",  # the id columns typed as text
    ):
        assert needed in flat, needed
    # the leading ' rule, with every character it applies to
    assert "begins with =, +, -, @, a tab, a carriage return or ' is written with one more '" in (
        flat
    )
    assert "remove the first ' of a cell where the next character is one of those" in flat
    # how to send corrections back
    assert "keep its report_id" in flat
    assert "exchange-ledger import LEDGER.db reports.csv" in flat
    assert "exchange-ledger merge LEDGER.db MINE.db" in flat


def test_readme_is_utf8_with_crlf_and_the_same_bytes_on_every_export(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    ok(cli("export", db, tmp_path / "one"))
    ok(cli("import", tmp_path / "other.db", GARBLED_CSV))
    ok(cli("export", tmp_path / "other.db", tmp_path / "two"))
    one = (tmp_path / "one" / README_NAME).read_bytes()
    assert one == (tmp_path / "two" / README_NAME).read_bytes()  # no date, no counts
    assert not one.startswith(b"\xef\xbb\xbf")
    text = one.decode("utf-8")
    assert text.count("\r\n") == text.count("\n") > 40
    assert max(len(line) for line in text.splitlines()) <= 80


def test_readme_replaces_an_older_one(cli: Cli, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / README_NAME).write_text("an old note\n", encoding="utf-8")
    ok(cli("export", db, out))
    assert (out / README_NAME).read_text(encoding="utf-8").startswith("Exchange Ledger export")
