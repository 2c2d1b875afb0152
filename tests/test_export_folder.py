"""The export folder as its recipient gets it (PRODUCT.md, "Exchange of data" and the
`export` command): a README.txt that says what each file is and how to read it without
damage; files with the permissions of any new file; no link in the folder followed."""

from __future__ import annotations

import csv
import errno
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from conftest import GARBLED_CSV, REPORTS_HEADER, CliResult, write_csv
from openpyxl.utils.escape import unescape

from desktop_app.domain.validation import Invalid
from desktop_app.store import exporter
from desktop_app.store.csvio import unescape_cell
from desktop_app.store.export_readme import FILES, README_NAME, WORKBOOK_NAME
from desktop_app.store.ledger import Ledger, ReportInput

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


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


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
    assert set(names) == set(FILES) - {WORKBOOK_NAME}  # one description for each file


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


def test_readme_says_what_low_warnings_restores_and_returned_files_can_and_cannot_do(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    """README.txt says what the project's README says: low is 0 while a possible reversed
    direction stands (the garbled example's warning), a status a merge gave comes back
    otherwise, and a returned file with a report edited since is refused whole."""
    out = tmp_path / "out"
    ok(cli("export", db, out))
    flat = " ".join((out / README_NAME).read_text(encoding="utf-8").split())
    warned = [row for row in csv_rows(out / "events.csv") if row["warnings"]]
    assert warned and all(row["low"] == "0" for row in warned)
    assert "reversed_direction" in flat
    assert "low is 0" in flat
    assert "the minimum of the reports" not in flat
    assert "a merge brought" in flat and "comes back resolved or conflict" in flat
    assert "already in the ledger are skipped" not in flat
    assert "refuses the whole file" in flat
    # as it says: the owner edits a report after the export; the recipient adds a report
    # and sends the whole file back; nothing of it is imported.
    with Ledger.open(db) as ledger:
        report_id = ledger.conn.execute(
            "SELECT r.id FROM reports r JOIN sources s ON s.id = r.source_id"
            " WHERE s.name = 'Shamsail Saraliyev'"
        ).fetchone()[0]
        ledger.edit_report(
            report_id,
            ReportInput("exchange", "Shamsail Saraliyev", "2025-06-13", "Russia", "Moscow"),
            "owner",
        )
    returned = out / "reports.csv"
    with returned.open("a", newline="", encoding="utf-8") as handle:
        row = dict.fromkeys(REPORTS_HEADER, "")
        row.update(event_id="new-event", event_type="talks", event_date="2025-06-20")
        row.update(source_name="A colleague", quote="new")
        csv.DictWriter(handle, REPORTS_HEADER, lineterminator="\r\n").writerow(row)
    result = cli("import", db, returned)
    assert result.code == 1 and report_id in result.err
    with Ledger.open(db) as ledger:
        assert ledger.event_type("new-event") is None


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


# ---- permissions and links ----------------------------------------------------------------


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process's umask for a test; the one before is restored after it."""
    before = os.umask(0o022)
    os.umask(before)
    yield os.umask
    os.umask(before)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_exported_files_have_the_permissions_of_any_new_file(
    cli: Cli, db: Path, tmp_path: Path, umask: Callable[[int], None], mask: int, mode: int
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.csv").write_text("an older export\n", encoding="utf-8")
    (out / "events.csv").chmod(0o600)  # replaced, not kept
    umask(mask)
    ok(cli("export", db, out, "--xlsx"))
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in out.iterdir()}
    assert len(modes) == len(FILES)
    assert modes == dict.fromkeys(FILES, mode)


def outside_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "outside"
    folder.mkdir()
    files = {}
    for name in FILES:
        target = folder / f"precious-{name}"
        target.write_text(f"not yours: {name}\n", encoding="utf-8")
        files[name] = target
    return files


def unchanged(files: dict[str, Path]) -> bool:
    return all(
        path.read_text(encoding="utf-8") == f"not yours: {name}\n" for name, path in files.items()
    )


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges elsewhere")
def test_a_link_planted_at_a_temporary_name_is_never_written_through(
    cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The names the export would use first (the old fixed `.NAME.tmp` among them, and the
    random names it draws, made predictable here) all hold links to files outside DIR,
    and one a link to a file that does not exist yet."""
    out = tmp_path / "out"
    out.mkdir()
    outside = outside_files(tmp_path)
    dangling = tmp_path / "outside" / "created-through-a-link"
    drawn: list[Path] = []
    real = exporter._temporary_name

    def predictable(path: Path) -> Path:
        planted = path.with_name(f".{path.name}.planted-{len(drawn)}.tmp")
        if len(drawn) % 2:  # every other name is free: the export takes it
            drawn.append(real(path))
            return drawn[-1]
        drawn.append(planted)
        target = outside[path.name] if len(drawn) % 4 == 1 else dangling
        planted.symlink_to(target)
        return planted

    monkeypatch.setattr(exporter, "_temporary_name", predictable)
    for name in FILES:
        (out / f".{name}.tmp").symlink_to(outside[name])
    ok(cli("export", db, out, "--xlsx"))
    assert unchanged(outside)
    assert not dangling.exists()
    assert len(drawn) == 2 * len(FILES)
    for name in FILES:
        final = out / name
        assert final.is_file() and not final.is_symlink(), name
        assert final.stat().st_size > 0
    ours = {path.name for path in out.iterdir() if not path.is_symlink()}
    assert ours == set(FILES)  # no temporary file left behind


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges elsewhere")
def test_a_link_at_a_final_name_is_replaced_not_written_through(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    outside = outside_files(tmp_path)
    for name, target in outside.items():
        (out / name).symlink_to(target)
    ok(cli("export", db, out, "--xlsx"))
    assert unchanged(outside)
    for name in FILES:
        assert (out / name).is_file() and not (out / name).is_symlink(), name
    assert (out / "events.csv").read_text(encoding="utf-8").startswith("event_id,")


def test_a_failed_export_leaves_no_temporary_file(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails midway (a full disk) takes its temporary file away."""
    real = exporter.export_tables

    def failing(ledger: Ledger, *rest: object) -> dict:
        tables = real(ledger, *rest)  # type: ignore[arg-type]
        columns, _ = tables["balance.csv"]

        def batches() -> Iterator[tuple[bytes, int]]:
            yield b"2025-06-11,bodies,Russia,0,0,0,1,1,1\r\n", 1
            raise OSError(28, "No space left on device")

        tables["balance.csv"] = (columns, batches)
        return tables

    monkeypatch.setattr(exporter, "export_tables", failing)
    out = tmp_path / "out"
    with Ledger.open(db, read_only=True) as ledger, pytest.raises(OSError, match="No space"):
        exporter.export_all(ledger, out)
    names = sorted(path.name for path in out.iterdir())
    assert names == ["events.csv", "reports.csv", "sources.csv"]  # written before; no leftovers


# ---- export --xlsx ------------------------------------------------------------------------

HOSTILE = [
    {
        "report_id": "007",
        "event_id": "=1+1",
        "event_date": "2024-03",
        "location": "-Kharkiv ",
        "category": "pows",
        "from_party": "Россия",
        "to_party": "Україна",
        "count": "12",
        "source_name": "@source 😀",
        "quote": "line one\r\nline two =cmd|' /C calc'!A0 and a literal _x000D_ \ufffe\uffff",
        "recorded_at": "2025-01-02T03:04:05Z",
    },
    {
        "report_id": "0008",
        "event_id": "=1+1",
        "event_date": "2024-03-05",
        "category": "pows",
        "from_party": "Россия",
        "to_party": "Україна",
        "count": "15",
        "source_name": "+1 555 0100",
        "quote": "'quoted, then too long for a cell: " + "x" * 40_000,
    },
]


@pytest.fixture
def hostile_db(cli: Cli, tmp_path: Path) -> Path:
    rows = []
    for values in HOSTILE:
        row = dict.fromkeys(REPORTS_HEADER, "")
        row.update(event_type="exchange", source_kind="media", recorded_by="tests", **values)
        rows.append([row[column] for column in REPORTS_HEADER])
    path = tmp_path / "hostile.db"
    ok(cli("import", path, write_csv(tmp_path / "hostile.csv", REPORTS_HEADER, rows)))
    ok(cli("import", path, GARBLED_CSV))
    return path


def csv_cells(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [[unescape_cell(cell) for cell in row] for row in csv.reader(handle)]


def test_the_workbook_has_a_sheet_per_file_with_every_cell_typed(
    cli: Cli, hostile_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = ok(cli("export", hostile_db, out, "--xlsx"))
    assert WORKBOOK_NAME in result.out
    book = openpyxl.load_workbook(out / WORKBOOK_NAME)
    assert book.sheetnames == [
        "reports",
        "events",
        "sources",
        "balance",
        "resolutions",
        "evidence",
    ]
    numbers = {
        resource["name"]: {
            field["name"] for field in resource["schema"]["fields"] if field["type"] == "integer"
        }
        for resource in exporter.datapackage()["resources"]
    }
    assert numbers["reports"] == {"count", "credibility", "seq"}
    for sheet in book:
        expected = csv_cells(out / f"{sheet.title}.csv")
        header, *rows = expected
        assert [cell.value for cell in sheet[1]] == header
        read = list(sheet.iter_rows(min_row=2))
        assert len(read) == len(rows) > 0 or sheet.title in {"resolutions", "evidence"}
        for row, cells in zip(rows, read, strict=True):
            for column, value, cell in zip(header, row, cells, strict=True):
                assert cell.data_type != "f", (sheet.title, column)  # never a formula
                if column in numbers[sheet.title]:
                    assert cell.value == (int(value) if value else None), (sheet.title, column)
                    assert value == "" or cell.data_type == "n"
                    continue
                assert cell.number_format == "@", (sheet.title, column)  # typed as Text
                text = unescape(cell.value) if cell.value is not None else ""
                assert text == value[:32_767], (sheet.title, column)
    reports = {row[0].value: row for row in book["reports"].iter_rows(min_row=2)}
    first = [cell.value for cell in reports["007"]]
    assert first[:5] == ["007", "=1+1", "exchange", "2024-03", "-Kharkiv"]  # zeros kept
    assert isinstance(first[REPORTS_HEADER.index("count")], int)
    assert first[REPORTS_HEADER.index("recorded_at")] == "2025-01-02T03:04:05Z"  # ISO text
    quote = unescape(first[REPORTS_HEADER.index("quote")])
    assert quote == HOSTILE[0]["quote"]  # the carriage return and the literal escape kept
    assert ("0008" in reports) and "x" * 100 in reports["0008"][17].value


def test_a_quote_longer_than_a_cell_is_cut_in_the_workbook_with_a_warning(
    cli: Cli, hostile_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = ok(cli("export", hostile_db, out, "--xlsx"))
    assert "warning: reports.csv row 3, column quote: 40,035 characters" in result.err
    assert "cut to 32,767 in the workbook" in result.err
    book = openpyxl.load_workbook(out / WORKBOOK_NAME)
    assert len(book["reports"]["R3"].value) == 32_767
    assert len(csv_cells(out / "reports.csv")[2][17]) == len(HOSTILE[1]["quote"])  # whole


def test_without_xlsx_no_workbook_is_written(cli: Cli, db: Path, tmp_path: Path) -> None:
    result = ok(cli("export", db, tmp_path / "out"))
    assert not (tmp_path / "out" / WORKBOOK_NAME).exists()
    assert WORKBOOK_NAME not in result.out


def test_a_workbook_left_by_an_earlier_export_is_warned_about(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    """Re-exported without the workbook, the folder still holds the old one: whoever opens
    it would read older numbers than the CSV files beside it."""
    out = tmp_path / "out"
    ok(cli("export", db, out, "--xlsx"))
    before = (out / WORKBOOK_NAME).read_bytes()
    result = ok(cli("export", db, out))
    assert (
        f"warning: {out / WORKBOOK_NAME} is left from an earlier export and holds older"
        " numbers than these files: export the workbook again, or delete it"
    ) in result.err
    assert (out / WORKBOOK_NAME).read_bytes() == before  # the person's file, not deleted
    assert "left from an earlier export" not in ok(cli("export", db, out, "--xlsx")).err


def test_a_sheet_longer_than_a_spreadsheet_shows_is_warned_about(
    cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.store import workbook

    monkeypatch.setattr(workbook, "ROW_LIMIT", 4)
    result = ok(cli("export", db, tmp_path / "out", "--xlsx"))
    rows = len(csv_cells(tmp_path / "out" / "reports.csv"))
    assert f"warning: reports.csv: {rows:,} rows, more than a spreadsheet shows" in result.err
    assert "resolutions.csv" not in result.err  # its header alone


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges elsewhere")
def test_the_workbook_never_reads_through_a_link_put_in_place_of_a_csv_file(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    """Its sheets are read back from the folder: a link swapped in there since is refused."""
    from desktop_app.store import workbook

    out = tmp_path / "out"
    ok(cli("export", db, out))
    secret = tmp_path / "secret.csv"
    secret.write_text("not,yours\r\n", encoding="utf-8")
    (out / "sources.csv").unlink()
    (out / "sources.csv").symlink_to(secret)
    with (tmp_path / "book.xlsx").open("wb") as handle, pytest.raises(OSError):
        workbook.write_workbook(out, exporter.FIELDS, handle, print)


def test_a_quote_longer_than_the_csv_modules_field_limit_goes_into_the_workbook(
    cli_process,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """A whole article pasted as a quote (over 131,072 characters, the csv module's
    default limit) made `export --xlsx` end in a traceback, in a process that had not
    imported a file first; the workbook was not written."""
    source = tmp_path / "long.csv"
    quote = "a" * 131_073
    source.write_text(
        "event_id,event_type,event_date,source_name,quote\r\n"
        f"q1,statement,2025-06-01,S,{quote}\r\n",
        encoding="utf-8",
    )
    db = tmp_path / "long.db"
    assert cli_process("import", db, source).returncode == 0
    out = tmp_path / "out"
    result = cli_process("export", db, out, "--xlsx")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "cut to 32,767 in the workbook" in result.stderr
    book = openpyxl.load_workbook(out / WORKBOOK_NAME)
    assert len(book["reports"]["R2"].value) == 32_767


def test_a_folder_on_read_only_media_is_said_in_a_sentence(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdir on read-only media (EROFS) or a full disk: the window showed "[Errno 30]
    Read-only file system: '…/out'"; a file in the way and a denied folder had sentences."""

    def read_only(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", read_only)
    out = tmp_path / "media" / "out"
    with Ledger.open(db, read_only=True) as ledger, pytest.raises(Invalid) as refused:
        exporter.export_all(ledger, out)
    assert str(refused.value) == (
        f"{out} cannot be written (Read-only file system): nothing was exported."
    )


def test_a_time_another_program_made_a_formula_is_guarded(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    """The time columns have no CHECK constraint: another program's `=HYPERLINK(…)` in
    recorded_at, or `-2+3` in resolved_at, reached reports.csv and events.csv as a live
    formula (and `check` named them, yet export wrote them)."""
    decide = ("--count", "Russia", "Ukraine", "bodies", "1212", "--rationale", "x")
    ok(cli("resolve", db, "bodies-2025-06-11", *decide))
    formula = '=HYPERLINK("http://x","y")'
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE reports SET recorded_at = ?, updated_at = '+1'", (formula,))
        connection.execute("UPDATE resolutions SET resolved_at = '-2+3'")
    connection.close()
    out = tmp_path / "out"
    ok(cli("export", db, out))
    reports = csv_rows(out / "reports.csv")
    assert {(row["recorded_at"], row["updated_at"]) for row in reports} == {(f"'{formula}", "'+1")}
    decided = [row for row in csv_rows(out / "events.csv") if row["resolved_at"]]
    assert decided and {row["resolved_at"] for row in decided} == {"'-2+3"}
    assert {unescape_cell(row["recorded_at"]) for row in reports} == {formula}


@pytest.mark.parametrize("name", ["events.csv", "exchange-ledger.xlsx"])
def test_a_folder_in_the_way_of_a_file_is_said_before_anything_is_written(
    cli: Cli, db: Path, tmp_path: Path, name: str
) -> None:
    """The rename onto it failed after reports.csv was replaced, and the message named
    the hidden temporary file (`.events.csv.189a….tmp: Is a directory`)."""
    out = tmp_path / "out"
    (out / name / "inside").mkdir(parents=True)
    result = cli("export", db, out, "--xlsx")
    assert result.code == 1 and "Traceback" not in result.err
    assert f"{out / name} is a folder where the export writes a file" in result.err, result.err
    assert listing(out) == [name]
