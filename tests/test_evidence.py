"""The evidence locker, headless: files attached to reports, stored by their SHA-256 in
`NAME.evidence/` beside `NAME.db`, verified, exported, merged, brought back from an export
folder, and every add and removal in the audit trail. Real files in tmp_path, the
command line through its main() and, for the 300 MB file, a real process."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV, REPO, CliResult, sha256

from desktop_app.__main__ import main
from desktop_app.domain.validation import Invalid
from desktop_app.store import evidence
from desktop_app.store.folder_evidence import read_evidence_rows
from desktop_app.store.folder_files import Problems
from desktop_app.store.import_plan import Cancelled
from desktop_app.store.ledger import Ledger
from desktop_app.store.merge import merge_file
from desktop_app.store.restore import import_folder
from desktop_app.store.schema import SCHEMA_VERSION

Cli = Callable[..., CliResult]
# evidence.csv's columns as PRODUCT.md words them (not taken from the code).
EVIDENCE_HEADER = (
    "report_id,sha256,file_name,media_type,size,accessed,archive_url,note,added_by,added_at"
)
PDF = b"%PDF-1.4\n" + b"a saved ministry page\n" * 100


def _report_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM reports ORDER BY seq")]


@pytest.fixture
def example_db(cli: Cli, tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    assert cli("import", db, EXAMPLE_CSV).code == 0
    return db


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "ministry page.pdf"
    path.write_bytes(PDF)
    return path


def _records(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT * FROM report_evidence ORDER BY report_id").fetchall()


def _stored(db: Path) -> list[str]:
    folder = db.with_name(db.stem + ".evidence")
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


# ---- add, list, verify ----------------------------------------------------------------


def test_add_copies_the_file_beside_the_ledger_under_its_hash_read_only(
    cli: Cli, example_db: Path, page: Path
) -> None:
    report = _report_ids(example_db)[0]
    result = cli(
        "evidence", "add", example_db, report, page,
        "--accessed", "2025-06-01", "--archive-url", "https://web.archive.org/web/x",
        "--note", "=saved from the ministry's site",
    )  # fmt: skip
    assert result.code == 0, result.err
    digest = hashlib.sha256(PDF).hexdigest()
    assert digest in result.out and "application/pdf" in result.out
    stored = example_db.parent / "ledger.evidence" / digest
    assert stored.read_bytes() == PDF
    assert stored.stat().st_mode & 0o222 == 0  # read-only
    listed = cli("evidence", "list", example_db, report)
    assert listed.code == 0
    assert f"{report}  {digest}  ministry page.pdf" in listed.out
    assert "accessed 2025-06-01" in listed.out and "=saved from the ministry's site" in listed.out
    assert cli("evidence", "list", example_db, _report_ids(example_db)[1]).out.startswith(
        f"Report {_report_ids(example_db)[1]} has no evidence."
    )
    verified = cli("evidence", "verify", example_db)
    assert verified.code == 0 and "The one evidence file is as it was added." in verified.out


def test_a_ledger_reached_through_a_link_keeps_its_evidence_beside_the_file(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    """Added through a link, the file went beside the link (`link.evidence/`), and the
    ledger opened by its own name (as Open recent opens it) called it missing."""
    link = tmp_path / "elsewhere" / "link.db"
    link.parent.mkdir()
    link.symlink_to(example_db)
    assert cli("evidence", "add", link, _report_ids(example_db)[0], page).code == 0
    assert _stored(example_db) == [hashlib.sha256(PDF).hexdigest()]
    assert not (link.parent / "link.evidence").exists()
    for name in (example_db, link):
        assert cli("evidence", "verify", name).code == 0


def test_a_locker_that_cannot_be_written_takes_a_file_it_holds_and_names_itself(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The evidence folder on read-only media, the ledger writable: adding a file it held
    copied it again and failed naming a hidden temporary file. Unwritable is decided by
    access(2), which root passes for a folder without write permission (CI runs as
    root), so the folder is made unwritable to this process through that check."""
    reports = _report_ids(example_db)
    assert cli("evidence", "add", example_db, reports[0], page).code == 0
    locker = example_db.with_name("ledger.evidence")
    real_access = os.access

    def access(path: object, mode: int) -> bool:
        return False if Path(str(path)) == locker else real_access(path, mode)

    monkeypatch.setattr(evidence.os, "access", access)
    with Ledger.open(example_db) as ledger:
        item, _new, _changes = evidence.attach_file(ledger, reports[1], page, "Ada")
        assert item.sha256 == hashlib.sha256(PDF).hexdigest()
        other = tmp_path / "other.pdf"
        other.write_bytes(b"%PDF-1.4 another page")
        with pytest.raises(Invalid, match=f"{locker} cannot be written: other.pdf was not added"):
            evidence.attach_file(ledger, reports[1], other, "Ada")
    assert sorted(row[0] for row in _records(example_db)) == sorted(reports[:2])
    assert _stored(example_db) == [hashlib.sha256(PDF).hexdigest()]
    assert not [p for p in locker.iterdir() if p.name.startswith(".")]  # no temporary file


def test_the_same_file_twice_is_stored_once(cli: Cli, example_db: Path, page: Path) -> None:
    first, second = _report_ids(example_db)[:2]
    copy = page.with_name("the same page, renamed.pdf")
    copy.write_bytes(PDF)
    assert cli("evidence", "add", example_db, first, page).code == 0
    assert cli("evidence", "add", example_db, second, copy).code == 0
    again = cli("evidence", "add", example_db, first, copy)
    assert again.code == 0 and "already has this file" in again.out
    assert _stored(example_db) == [hashlib.sha256(PDF).hexdigest()]
    names = sorted(row[2] for row in _records(example_db))
    assert names == ["ministry page.pdf", "the same page, renamed.pdf"]


def test_a_file_the_locker_holds_is_not_copied_again_and_an_altered_copy_is_mended(
    cli: Cli, example_db: Path, page: Path
) -> None:
    """Added to a second report, a file the locker held was copied in full beside its
    copy and put in its place (a 5 GB video: 5 GB written again, and refused on a nearly
    full disk). The copy held stays as it is; one altered since is mended, as before."""
    first, second, third = _report_ids(example_db)[:3]
    assert cli("evidence", "add", example_db, first, page).code == 0
    stored = example_db.parent / "ledger.evidence" / hashlib.sha256(PDF).hexdigest()
    inode = stored.stat().st_ino
    assert cli("evidence", "add", example_db, second, page).code == 0
    assert stored.stat().st_ino == inode  # not replaced by a new copy
    stored.chmod(0o644)
    stored.write_bytes(PDF.replace(b"%PDF", b"%PDX"))  # altered, the same size
    assert cli("evidence", "add", example_db, third, page).code == 0
    assert stored.read_bytes() == PDF
    assert len(_records(example_db)) == 3


def test_a_terminated_add_leaves_no_partial_copy_behind(
    example_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """SIGTERM during a copy (a `kill`, a system shutting down) left a hidden partial
    copy in the evidence folder, which nothing named or removed; Ctrl+C took it away."""
    big = tmp_path / "video.mp4"
    with big.open("wb") as handle:
        handle.truncate(5 * evidence.CHUNK_SIZE)
    copy = evidence._copy

    def terminated_after_a_chunk(read: Callable, write: Callable | None, *rest: object) -> tuple:
        def first_then_term(size: int) -> bytes:
            chunk = read(size)
            if os.path.exists(folder) and any(folder.iterdir()):
                os.kill(os.getpid(), signal.SIGTERM)
            return chunk

        return copy(first_then_term, write, *rest)

    folder = example_db.parent / "ledger.evidence"
    monkeypatch.setattr(evidence, "_copy", terminated_after_a_chunk)
    assert main(["evidence", "add", str(example_db), _report_ids(example_db)[0], str(big)]) == 143
    assert "terminated; nothing was changed." in capsys.readouterr().err
    assert list(folder.iterdir()) == [] and _records(example_db) == []
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # put back
    # SIGTERM ignored (`trap '' TERM`, a supervisor): ignored by the command too.
    monkeypatch.setattr(signal, "getsignal", lambda _number: signal.SIG_IGN)
    set_to: list[object] = []
    monkeypatch.setattr(signal, "signal", lambda _number, handler: set_to.append(handler))
    monkeypatch.setattr(evidence, "_copy", copy)
    assert main(["evidence", "add", str(example_db), _report_ids(example_db)[0], str(big)]) == 0
    assert set_to == []


@pytest.mark.parametrize("in_its_place", ["a link", "a file"])
def test_an_evidence_folder_that_is_a_link_or_a_file_is_refused_before_anything(
    in_its_place: str, cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    """Looking first for a copy the locker holds, the add took a link in the folder's
    place as the folder, and met a file there with "[Errno 20] Not a directory"."""
    folder = example_db.parent / "ledger.evidence"
    if in_its_place == "a link":
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        (elsewhere / "x").write_bytes(PDF)  # a file of the very size
        folder.symlink_to(elsewhere, target_is_directory=True)
    else:
        folder.write_bytes(b"not a folder")
    result = cli("evidence", "add", example_db, _report_ids(example_db)[0], page)
    assert result.code == 1
    assert f"{folder} is not a folder: the evidence cannot be stored there" in result.err
    assert _records(example_db) == []


@pytest.mark.usefixtures("full_disk")
def test_a_full_disk_is_said_naming_the_evidence_folder(example_db: Path, page: Path) -> None:
    """It said "[Errno 28] No space left on device", naming the file being added."""
    folder = example_db.parent / "ledger.evidence"
    with Ledger.open(example_db) as ledger, pytest.raises(Invalid) as refused:
        evidence.attach_file(ledger, _report_ids(example_db)[0], page, "me")
    assert str(refused.value) == (
        f"the disk of {folder} is full: ministry page.pdf was not added to the evidence;"
        " make room there and add it again"
    )
    assert list(folder.iterdir()) == [] and _records(example_db) == []


def test_verify_of_a_ledger_without_evidence_says_there_is_none(cli: Cli, example_db: Path) -> None:
    result = cli("evidence", "verify", example_db)
    assert result.code == 0  # said "All 0 evidence files are as they were added."
    assert result.out == "This ledger has no evidence files to verify.\n"


def test_verify_names_a_partial_copy_an_add_left_behind(
    cli: Cli, example_db: Path, page: Path
) -> None:
    """An add killed outright (SIGKILL, the machine off) leaves its hidden partial copy,
    which verify and check called nothing: 1.6 GB of a 2 GB video, unseen."""
    assert cli("evidence", "add", example_db, _report_ids(example_db)[0], page).code == 0
    left = example_db.parent / "ledger.evidence" / ".evidence.0123456789abcdef.tmp"
    left.write_bytes(bytes(3000))
    result = cli("evidence", "verify", example_db)
    assert result.code == 0  # the evidence is as it was added
    assert result.out.splitlines() == [
        f"partial copy: {left} (3.0 KB): left by an add that never ended; delete it once no"
        " add is running",
        "The one evidence file is as it was added.",
    ]


def test_verify_names_each_altered_and_missing_file(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    first, second = _report_ids(example_db)[:2]
    video = tmp_path / "exchange.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(5000))
    assert cli("evidence", "add", example_db, first, page).code == 0
    assert cli("evidence", "add", example_db, second, video).code == 0
    folder = example_db.parent / "ledger.evidence"
    pdf_copy = folder / hashlib.sha256(PDF).hexdigest()
    pdf_copy.chmod(0o644)
    pdf_copy.write_bytes(PDF + b"one more line")
    (folder / hashlib.sha256(video.read_bytes()).hexdigest()).unlink()
    result = cli("evidence", "verify", example_db)
    assert result.code == 1
    assert f"altered: {pdf_copy} (ministry page.pdf)" in result.out
    assert "missing: " in result.out and "(exchange.mp4)" in result.out
    assert "2 of 2 evidence files are missing or altered." in result.err
    listed = cli("evidence", "list", example_db)
    assert "video/mp4" in listed.out


def test_list_and_verify_keep_one_line_per_file_whatever_its_name_holds(
    cli: Cli, example_db: Path, page: Path
) -> None:
    """A line break in a file's name (Linux allows one) or in its note must not start a
    line that reads as another file's: a script reads the list one line per file."""
    report = _report_ids(example_db)[0]
    odd = page.with_name("ministry\npage\t1.pdf")
    page.rename(odd)
    added = cli("evidence", "add", example_db, report, odd, "--note", "first line\nsecond line")
    assert added.code == 0, added.err
    digest = hashlib.sha256(PDF).hexdigest()
    listed = cli("evidence", "list", example_db).out.splitlines()
    assert listed == [
        f"{report}  {digest}  ministry\\npage\\t1.pdf (application/pdf, 2.2 KB)",
        "    first line",
        "    second line",
    ]
    stored = example_db.parent / "ledger.evidence" / digest
    stored.chmod(0o644)
    stored.write_bytes(PDF + b"altered")
    verified = cli("evidence", "verify", example_db)
    assert verified.out.splitlines() == [f"altered: {stored} (ministry\\npage\\t1.pdf)"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["no-such-report", "{page}"], "there is no report no-such-report"),
        (["{report}", "{missing}"], "does not exist"),
        (["{report}", "{folder}"], "is a folder, not a file"),
        (["{report}", "{page}", "--accessed", "2999-01-01"], "is in the future"),
        (["{report}", "{page}", "--accessed", "2025-02-30"], "not a real date"),
        (["{report}", "{page}", "--accessed", "2025-06"], "must be a day"),
        # a day in another format is told what a day is, not offered months and years
        (["{report}", "{page}", "--accessed", "11.06.2025"], "'11.06.2025' must be a day"),
        (["{report}", "{page}", "--accessed", "2025/06/11"], "'2025/06/11' must be a day"),
        (["{report}", "{page}", "--archive-url", "web.archive.org/x"], "archive URL"),
    ],
)
def test_bad_input_is_one_sentence_and_changes_nothing(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path, arguments: list[str], message: str
) -> None:
    values = {
        "page": str(page),
        "report": _report_ids(example_db)[0],
        "missing": str(tmp_path / "nothing.pdf"),
        "folder": str(tmp_path),
    }
    before = sha256(example_db)
    result = cli("evidence", "add", example_db, *(arg.format(**values) for arg in arguments))
    assert result.code == 1
    assert message in result.err and "Traceback" not in result.err
    assert result.err.count("\n") == 1
    assert sha256(example_db) == before
    assert _stored(example_db) == []


def test_an_unreadable_file_is_refused_with_a_sentence(
    cli: Cli, example_db: Path, page: Path
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    page.chmod(0)
    result = cli("evidence", "add", example_db, _report_ids(example_db)[0], page)
    assert result.code == 1 and "cannot be read: permission denied" in result.err


def test_a_read_only_ledger_lists_and_verifies_but_adds_nothing(
    cli: Cli, example_db: Path, page: Path
) -> None:
    report = _report_ids(example_db)[0]
    assert cli("evidence", "add", example_db, report, page).code == 0
    with Ledger.open(example_db, read_only=True) as ledger:
        with pytest.raises(Exception, match="read-only"):
            evidence.attach_file(ledger, report, page, "someone")
        assert [item.file_name for item in evidence.evidence_of(ledger)] == ["ministry page.pdf"]
    if os.geteuid() != 0:  # root writes read-only files: the ledger above stands for it
        example_db.chmod(0o444)
        result = cli("evidence", "add", example_db, report, page)
        assert result.code == 1 and "read-only" in result.err
        assert cli("evidence", "list", example_db).code == 0
        assert cli("evidence", "verify", example_db).code == 0


# ---- streaming, cancel ----------------------------------------------------------------


def test_cancel_mid_copy_leaves_no_file_and_no_record(example_db: Path, tmp_path: Path) -> None:
    big = tmp_path / "video.mp4"
    with big.open("wb") as handle:
        handle.truncate(5 * evidence.CHUNK_SIZE + 17)
    seen: list[tuple[int, int]] = []

    def cancel_after_two_chunks(done: int, total: int) -> bool:
        seen.append((done, total))
        return len(seen) < 2

    with Ledger.open(example_db) as ledger:
        report = _report_ids(example_db)[0]
        with pytest.raises(Cancelled):
            evidence.attach_file(ledger, report, big, "me", progress=cancel_after_two_chunks)
        assert evidence.evidence_of(ledger) == []
    assert seen == [(evidence.CHUNK_SIZE, big.stat().st_size)] * 1 + [
        (2 * evidence.CHUNK_SIZE, big.stat().st_size)
    ]
    assert list((tmp_path / "ledger.evidence").iterdir()) == []  # not even a temporary file
    assert _records(example_db) == []


def test_progress_is_told_every_chunk_up_to_the_whole_size(
    example_db: Path, tmp_path: Path
) -> None:
    big = tmp_path / "video.mp4"
    with big.open("wb") as handle:
        handle.truncate(3 * evidence.CHUNK_SIZE + 1)
    seen: list[int] = []
    with Ledger.open(example_db) as ledger:
        item, added, _ = evidence.attach_file(
            ledger, _report_ids(example_db)[0], big, "me",
            progress=lambda done, total: seen.append(done) is None,
        )  # fmt: skip
    assert added and item.size == big.stat().st_size
    assert seen == [evidence.CHUNK_SIZE * n for n in (1, 2, 3)] + [big.stat().st_size]


# The child's own peak: VmHWM belongs to the process image since its exec, while
# getrusage's ru_maxrss keeps the peak of the process it was forked from (pytest, with Qt).
HUNDREDS_OF_MB = textwrap.dedent(
    """
    import re, sys
    from pathlib import Path
    from desktop_app.__main__ import main
    code = main(["evidence", "add", *sys.argv[1:]])
    peak = re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text()).group(1)
    print(peak, code)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak from /proc")
def test_a_300_mb_file_is_added_with_memory_well_under_its_size(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    size = 300 * 1000 * 1000
    video = tmp_path / "long video.mp4"
    try:
        with video.open("wb") as handle:  # a pattern, fast to write, that no page dedups
            block = hashlib.sha256(b"seed").digest() * (evidence.CHUNK_SIZE // 32)
            for _ in range(size // len(block)):
                handle.write(block)
            handle.write(block[: size % len(block)])
        expected = hashlib.sha256()
        with video.open("rb") as handle:
            while chunk := handle.read(evidence.CHUNK_SIZE):
                expected.update(chunk)
        report = _report_ids(example_db)[0]
        finished = subprocess.run(
            [sys.executable, "-c", HUNDREDS_OF_MB, str(example_db), report, str(video)],
            capture_output=True, text=True, timeout=600, cwd=REPO, env=os.environ.copy(),
        )  # fmt: skip
        assert finished.returncode == 0, finished.stderr
        peak_kib, code = map(int, finished.stdout.split()[-2:])
        assert code == 0, finished.stderr
        peak = peak_kib * 1024
        print(f"peak RSS adding a {size // 10**6} MB file: {peak / 10**6:.0f} MB")
        assert peak < size / 3, f"peak RSS {peak / 10**6:.0f} MB"
        assert _stored(example_db) == [expected.hexdigest()]
        verified = cli("evidence", "verify", example_db)
        assert verified.code == 0, verified.out
    finally:
        video.unlink(missing_ok=True)
        for stored in (example_db.parent / "ledger.evidence").glob("*"):
            stored.unlink()


def test_the_media_type_comes_from_the_first_bytes_then_the_name() -> None:
    guess = evidence.guess_media_type
    assert guess("page.html", b"%PDF-1.7") == "application/pdf"
    assert guess("shot", b"\x89PNG\r\n\x1a\nrest") == "image/png"
    assert guess("photo.txt", b"\xff\xd8\xff\xe0") == "image/jpeg"
    assert guess("crawl.warc", b"WARC/1.1\r\n") == "application/warc"
    assert guess("crawl.wacz", b"PK\x03\x04") == "application/wacz"
    assert guess("clip", b"\x00\x00\x00\x18ftypisom") == "video/mp4"
    assert guess("page.html", b"<!doctype html>") == "text/html"
    assert guess("unknown", b"\x00\x01") == "application/octet-stream"


# ---- removal and the audit trail ------------------------------------------------------


def test_every_add_and_removal_is_audited_and_bytes_are_never_deleted(
    example_db: Path, page: Path
) -> None:
    first, second = _report_ids(example_db)[:2]
    digest = hashlib.sha256(PDF).hexdigest()
    with Ledger.open(example_db) as ledger:
        evidence.attach_file(ledger, first, page, "Olena", accessed="2025-06-01")
        evidence.attach_file(ledger, second, page, "Olena")
        ledger.remove_evidence(first, digest, "Petro")
        assert evidence.reports_with_evidence(ledger, [first, second]) == {second}
        ledger.remove_evidence(second, digest, "Petro")
        with pytest.raises(Invalid, match="has no evidence"):
            ledger.remove_evidence(second, digest, "Petro")
        audit = [
            (row["action"], row["who"], row["entity_id"])
            for row in ledger.audit_records()
            if row["entity"] == "evidence"
        ]
        removed = json.loads(ledger.audit_records()[-1]["old"])
    assert audit == [
        ("add", "Olena", f"{first} {digest}"),
        ("add", "Olena", f"{second} {digest}"),
        ("remove", "Petro", f"{first} {digest}"),
        ("remove", "Petro", f"{second} {digest}"),
    ]
    assert removed["file_name"] == "ministry page.pdf" and removed["added_by"] == "Olena"
    # No report uses the file any more: its bytes and their record stay all the same.
    assert _stored(example_db) == [digest]
    with sqlite3.connect(example_db) as connection:
        assert connection.execute("SELECT sha256 FROM evidence").fetchall() == [(digest,)]
        tombstones = connection.execute(
            "SELECT id FROM tombstones WHERE entity = 'evidence' ORDER BY id"
        ).fetchall()
    assert sorted(tombstones) == sorted([(f"{first} {digest}",), (f"{second} {digest}",)])


def test_the_tables_refuse_what_the_rules_refuse(example_db: Path) -> None:
    report = _report_ids(example_db)[0]
    with sqlite3.connect(example_db) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        for sha, size, media in (("abc", 1, "a/b"), ("0" * 64, -1, "a/b"), ("0" * 64, 1, "pdf")):
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute(
                    "INSERT INTO evidence VALUES (?, ?, ?, '2025-01-01T00:00:00Z', NULL)",
                    (sha, size, media),
                )
        connection.execute(
            "INSERT INTO evidence VALUES (?, 1, 'a/b', '2025-01-01T00:00:00Z', NULL)", ("0" * 64,)
        )
        for accessed, url in (("2025-02-30", ""), ("2025-06", ""), ("", "ftp://x")):
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute(
                    "INSERT INTO report_evidence VALUES (?, ?, 'a', ?, ?, '', 'me', 'now', NULL)",
                    (report, "0" * 64, accessed, url),
                )
        with pytest.raises(sqlite3.IntegrityError):  # a file the locker has no record of
            connection.execute(
                "INSERT INTO report_evidence VALUES (?, ?, 'a', '', '', '', 'me', 'now', NULL)",
                (report, "1" * 64),
            )


def test_an_older_ledger_gains_the_locker_behind_a_backup(cli: Cli, example_db: Path) -> None:
    with sqlite3.connect(example_db) as connection:
        connection.execute("DROP TABLE report_evidence")
        connection.execute("DROP TABLE evidence")
        connection.execute("PRAGMA user_version = 10")
    assert cli("evidence", "list", example_db).out == "No evidence.\n"
    assert (example_db.parent / "ledger.db.v10.bak").exists()
    with sqlite3.connect(example_db) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"evidence", "report_evidence"} <= tables


# ---- export, merge, import of a folder ------------------------------------------------


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_export_writes_evidence_csv_and_with_evidence_the_files(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    report = _report_ids(example_db)[0]
    assert cli(
        "evidence", "add", example_db, report, page, "--note", "=a note", "--accessed", "2025-06-01"
    ).code == 0  # fmt: skip
    digest = hashlib.sha256(PDF).hexdigest()
    plain = tmp_path / "plain"
    assert cli("export", example_db, plain).code == 0
    text = (plain / "evidence.csv").read_bytes().decode("utf-8")
    assert text.split("\r\n")[0] == EVIDENCE_HEADER
    [row] = _read_csv(plain / "evidence.csv")
    assert row["report_id"] == report and row["sha256"] == digest
    assert (row["file_name"], row["media_type"], row["size"]) == (
        "ministry page.pdf", "application/pdf", str(len(PDF))
    )  # fmt: skip
    assert (row["accessed"], row["note"]) == ("2025-06-01", "'=a note")
    assert not (plain / "evidence").exists()
    package = json.loads((plain / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "evidence")
    assert [field["name"] for field in resource["schema"]["fields"]] == EVIDENCE_HEADER.split(",")
    assert "evidence.csv" in (plain / "README.txt").read_text(encoding="utf-8")

    full = tmp_path / "full"
    result = cli("export", example_db, full, "--with-evidence")
    assert result.code == 0 and "evidence/: 1 file" in result.out
    copied = full / "evidence" / digest
    assert copied.read_bytes() == PDF
    assert copied.stat().st_mode & 0o777 == 0o666 & ~_umask()
    assert (full / "evidence.csv").read_bytes() == (plain / "evidence.csv").read_bytes()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_export_never_writes_through_a_link_in_the_folder(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    assert cli("evidence", "add", example_db, _report_ids(example_db)[0], page).code == 0
    digest = hashlib.sha256(PDF).hexdigest()
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    (out / "evidence").mkdir(parents=True)
    elsewhere.write_text("not yours")
    (out / "evidence" / digest).symlink_to(elsewhere)
    assert cli("export", example_db, out, "--with-evidence").code == 0
    assert elsewhere.read_text() == "not yours"
    assert not (out / "evidence" / digest).is_symlink()
    assert (out / "evidence" / digest).read_bytes() == PDF
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "evidence").symlink_to(tmp_path / "elsewhere-folder", target_is_directory=True)
    (tmp_path / "elsewhere-folder").mkdir()
    result = cli("export", example_db, linked, "--with-evidence")
    assert result.code == 1 and "is not a folder" in result.err
    assert list((tmp_path / "elsewhere-folder").iterdir()) == []
    # refused before any file is written: no evidence.csv listing files the folder lacks
    assert [path.name for path in linked.iterdir()] == ["evidence"]


def test_export_with_evidence_says_which_files_it_could_not_copy(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    assert cli("evidence", "add", example_db, _report_ids(example_db)[0], page).code == 0
    digest = hashlib.sha256(PDF).hexdigest()
    (example_db.parent / "ledger.evidence" / digest).unlink()
    result = cli("export", example_db, tmp_path / "out", "--with-evidence")
    assert result.code == 0
    assert f"warning: evidence {digest} is missing" in result.err
    assert list((tmp_path / "out" / "evidence").iterdir()) == []


def test_an_export_into_the_same_folder_takes_away_evidence_no_report_cites(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    """A screenshot taken off a report before the folder was sent again stayed in
    `evidence/`, while the export said "evidence/: 1 file"; exported without the files,
    the folder kept them all, without a word."""
    face = tmp_path / "face.png"
    face.write_bytes(b"\x89PNG\r\n\x1a\n the face of a detainee")
    report = _report_ids(example_db)[0]
    for path in (page, face):
        assert cli("evidence", "add", example_db, report, path).code == 0
    out = tmp_path / "out"
    assert cli("export", example_db, out, "--with-evidence").code == 0
    (out / "evidence" / "notes.txt").write_text("mine")  # not the export's: left alone
    with Ledger.open(example_db) as ledger:
        ledger.remove_evidence(report, sha256(face), "Ada")
    result = cli("export", example_db, out, "--with-evidence")
    assert result.code == 0 and "evidence/: 1 file" in result.out
    assert sorted(p.name for p in (out / "evidence").iterdir()) == [sha256(page), "notes.txt"]
    assert f"{out / 'evidence'} held files left by an earlier export" in result.err
    assert "removed (1)" in result.err
    with Ledger.open(example_db) as ledger:
        ledger.remove_evidence(report, sha256(page), "Ada")
    result = cli("export", example_db, out)
    assert result.code == 0
    assert (out / "evidence" / sha256(page)).is_file()  # said, not deleted unasked
    assert "no report here cites any more (1): export with the evidence files again" in result.err
    again = cli("export", example_db, tmp_path / "fresh")
    assert again.code == 0 and "earlier export" not in again.err


def test_copy_takes_the_evidence_files_along_checked_and_says_which_it_could_not(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    reports = _report_ids(example_db)
    assert cli("evidence", "add", example_db, reports[0], page).code == 0
    other = tmp_path / "other.txt"
    other.write_bytes(b"a second file")
    assert cli("evidence", "add", example_db, reports[1], other).code == 0
    copied = cli("copy", example_db, tmp_path / "sent" / "copy.db")
    assert copied.code == 1  # no such folder: nothing written
    (tmp_path / "sent").mkdir()
    copied = cli("copy", example_db, tmp_path / "sent" / "copy.db")
    assert copied.code == 0 and "evidence files into" in copied.out, copied.err
    assert _stored(tmp_path / "sent" / "copy.db") == _stored(example_db)
    assert cli("evidence", "verify", tmp_path / "sent" / "copy.db").code == 0
    digest = hashlib.sha256(PDF).hexdigest()
    altered = example_db.parent / "ledger.evidence" / digest
    altered.chmod(0o644)
    altered.write_bytes(b"altered")
    copied = cli("copy", example_db, tmp_path / "sent" / "again.db")
    assert copied.code == 0 and f"warning: {altered}: its bytes do not match" in copied.err
    assert _stored(tmp_path / "sent" / "again.db") == [hashlib.sha256(b"a second file").hexdigest()]


def _colleague(cli: Cli, tmp_path: Path) -> Path:
    """A colleague's ledger of the example, in a folder of its own."""
    other = tmp_path / "colleague" / "theirs.db"
    other.parent.mkdir()
    assert cli("import", other, EXAMPLE_CSV).code == 0
    return other


def _other_ledger(cli: Cli, tmp_path: Path, page: Path) -> tuple[Path, str]:
    other = _colleague(cli, tmp_path)
    report = _report_ids(other)[2]
    assert cli("evidence", "add", other, report, page, "--note", "from a colleague").code == 0
    return other, report


def test_merge_copies_the_other_ledgers_files_checked_against_their_hashes(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    other, report = _other_ledger(cli, tmp_path, page)
    result = cli("merge", example_db, other)
    assert result.code == 0 and "1 evidence record added" in result.out
    digest = hashlib.sha256(PDF).hexdigest()
    assert _stored(example_db) == [digest]
    assert [(row[0], row[5]) for row in _records(example_db)] == [(report, "from a colleague")]
    assert cli("evidence", "verify", example_db).code == 0
    before = sha256(example_db)
    again = cli("merge", example_db, other)
    assert again.code == 0 and "Nothing to merge" in again.out
    assert sha256(example_db) == before


def test_merge_says_which_records_came_without_their_file(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    """The other file's evidence folder missing (sent without it): the records come, as
    an export's do, but "1 evidence record added" alone hid that their files did not,
    until a verify called them missing."""
    other, _ = _other_ledger(cli, tmp_path, page)
    shutil.copytree(evidence.evidence_folder(other), tmp_path / "sent later")
    shutil.rmtree(evidence.evidence_folder(other))
    result = cli("merge", example_db, other)
    assert result.code == 0, result.err
    assert "1 evidence record added, 1 of them without their file" in result.out, result.out
    assert "'evidence verify' names them" in result.out
    verified = cli("evidence", "verify", example_db)
    assert verified.code == 1 and "missing" in verified.out + verified.err
    # Their folder sent along later: merging again brings the file ("Nothing to merge"
    # kept it missing for good, where importing an export folder brought it).
    shutil.copytree(tmp_path / "sent later", evidence.evidence_folder(other))
    again = cli("merge", example_db, other)
    assert again.code == 0, again.err
    assert "1 evidence file that this ledger's folder lacked brought from" in again.out, again.out
    assert cli("evidence", "verify", example_db).code == 0


def test_merge_refuses_a_file_whose_bytes_do_not_match_its_hash(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    other, _ = _other_ledger(cli, tmp_path, page)
    theirs = other.parent / "theirs.evidence" / hashlib.sha256(PDF).hexdigest()
    theirs.chmod(0o644)
    theirs.write_bytes(b"%PDF-1.4 something else")
    before = sha256(example_db)
    result = cli("merge", example_db, other)
    assert result.code == 1
    assert "do not match its SHA-256" in result.err and "Traceback" not in result.err
    assert sha256(example_db) == before
    assert _records(example_db) == []
    assert _stored(example_db) == []  # the bad copy never reached the locker


def test_merge_does_not_bring_back_evidence_removed_here(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    other, report = _other_ledger(cli, tmp_path, page)
    assert cli("merge", example_db, other).code == 0
    with Ledger.open(example_db) as ledger:
        ledger.remove_evidence(report, hashlib.sha256(PDF).hexdigest(), "me")
    assert "Nothing to merge" in cli("merge", example_db, other).out
    assert _records(example_db) == []


def _describe(db: Path, report: str, note: str, when: str, mp: pytest.MonkeyPatch) -> None:
    """What is said of the page on `report`, corrected at `when` (the audit trail's clock)."""
    mp.setattr("desktop_app.store.ledger.utc_now", lambda: when)
    with Ledger.open(db) as ledger:
        said = evidence.describe("ministry page.pdf", note=note)
        ledger.describe_evidence(report, hashlib.sha256(PDF).hexdigest(), said, "someone")
    mp.undo()


def test_a_name_with_slashes_is_kept_as_typed_and_travels_whole(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    """ "MoD statement 13/06/2025.pdf" typed in the Details dialog was kept as "2025.pdf"
    (read as a path), without a word, and so was such a name in evidence.csv."""
    report = _report_ids(example_db)[0]
    assert cli("evidence", "add", example_db, report, page).code == 0
    typed = "MoD statement 13/06/2025.pdf"
    with Ledger.open(example_db) as ledger:
        said = evidence.describe(f" {typed} ")
        ledger.describe_evidence(report, hashlib.sha256(PDF).hexdigest(), said, "Ada")
    assert [row[2] for row in _records(example_db)] == [typed]
    assert cli("export", example_db, tmp_path / "out", "--with-evidence").code == 0
    assert cli("import", tmp_path / "new.db", tmp_path / "out").code == 0
    assert [row[2] for row in _records(tmp_path / "new.db")] == [typed]
    assert cli("export", tmp_path / "new.db", tmp_path / "again").code == 0
    assert (tmp_path / "again" / "evidence.csv").read_bytes() == (
        tmp_path / "out" / "evidence.csv"
    ).read_bytes()


def _notes(db: Path) -> list[str]:
    return [row[5] for row in _records(db)]


def test_merge_takes_what_is_said_of_a_file_from_the_file_that_corrected_it_later(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both files have the page on a report: what is said of it follows the later
    correction, whichever file made it, with that correction's time carried along; where
    this file corrected it later, it stays, the audit trail keeps theirs, and merging
    again changes nothing."""
    monkeypatch.setattr("desktop_app.store.ledger.utc_now", lambda: "2025-07-01T10:00:00Z")
    other, report = _other_ledger(cli, tmp_path, page)
    monkeypatch.undo()
    assert cli("merge", example_db, other).code == 0
    _describe(other, report, "corrected there", "2025-07-01T10:05:00Z", monkeypatch)
    taken = cli("merge", example_db, other)
    assert taken.code == 0, taken.err
    assert "what is said of 1 evidence file taken from the other file" in taken.out
    assert _notes(example_db) == ["corrected there"]
    _describe(example_db, report, "corrected here", "2025-07-01T10:10:00Z", monkeypatch)
    kept = cli("merge", example_db, other)
    assert "what is said of 1 evidence file kept where ours was corrected" in kept.out
    assert _notes(example_db) == ["corrected here"]
    with sqlite3.connect(example_db) as connection:
        (theirs,) = connection.execute(
            "SELECT old FROM audit WHERE action = 'merge-kept-local' AND entity = 'evidence'"
        ).fetchone()
    assert json.loads(theirs)["note"] == "corrected there"
    before = sha256(example_db)
    assert "Nothing to merge" in cli("merge", example_db, other).out
    assert sha256(example_db) == before
    back = cli("merge", other, example_db)  # the correction made here travels there
    assert "what is said of 1 evidence file taken" in back.out and _notes(other) == [
        "corrected here"
    ]
    assert "Nothing to merge" in cli("merge", example_db, other).out  # the same time both sides
    with sqlite3.connect(other) as connection:
        (carried,) = connection.execute(
            "SELECT new FROM audit WHERE action = 'merge-edit' AND entity = 'evidence'"
        ).fetchone()
    assert json.loads(carried) == {"note": "corrected here", "changed_at": "2025-07-01T10:10:00Z"}


def test_an_export_folder_brings_its_evidence_back_into_a_new_ledger(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    report = _report_ids(example_db)[1]
    assert cli(
        "evidence", "add", example_db, report, page, "--archive-url", "https://archive.ph/abc"
    ).code == 0  # fmt: skip
    out = tmp_path / "out"
    assert cli("export", example_db, out, "--with-evidence").code == 0
    restored = tmp_path / "restored" / "new.db"
    restored.parent.mkdir()
    done = cli("import", restored, out)
    assert done.code == 0, done.err
    assert "1 evidence record and 1 evidence file" in done.out
    again = tmp_path / "again"
    assert cli("export", restored, again, "--with-evidence").code == 0
    for name in ("reports.csv", "evidence.csv", "resolutions.csv", "events.csv"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name
    assert sorted(p.name for p in (again / "evidence").iterdir()) == _stored(example_db)
    assert cli("import", restored, out).code == 0  # again: nothing new
    with Ledger.open(restored, read_only=True) as ledger:
        assert len(evidence.evidence_of(ledger)) == 1
    assert cli("evidence", "verify", restored).code == 0
    assert _stored(restored) == [hashlib.sha256(PDF).hexdigest()]


def test_a_folder_adds_to_a_ledger_without_the_evidence_of_a_report_deleted_there(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    """The report deleted here is not brought back (a warning), and neither is its
    evidence: the whole folder was refused, its report "neither in reports.csv nor in
    this ledger" though reports.csv held it."""
    report = _report_ids(example_db)[1]
    assert cli("evidence", "add", example_db, report, page).code == 0
    out = tmp_path / "out"
    assert cli("export", example_db, out, "--with-evidence").code == 0
    with Ledger.open(example_db) as ledger:
        ledger.delete_report(report, "me")
    done = cli("import", example_db, out)
    assert done.code == 0, done.err
    assert "was deleted from this ledger" in done.err
    with Ledger.open(example_db, read_only=True) as ledger:
        assert not ledger.report_exists(report) and evidence.evidence_of(ledger) == []


def test_a_named_pipe_is_refused_not_waited_on(cli: Cli, example_db: Path, tmp_path: Path) -> None:
    """Opening a FIFO waits for a writer: `evidence add` hung for ever."""
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    result = cli("evidence", "add", example_db, _report_ids(example_db)[0], pipe)
    assert result.code == 1 and f"{pipe} is not a regular file" in result.err


def test_the_media_type_said_is_the_one_stored(cli: Cli, example_db: Path, tmp_path: Path) -> None:
    """The same bytes as page.txt, then as page.html: "Added page.html (text/html…)",
    where the list and the export said text/plain, the type the file was stored with."""
    first, second = _report_ids(example_db)[:2]
    (tmp_path / "page.txt").write_text("the page", encoding="utf-8")
    (tmp_path / "page.html").write_text("the page", encoding="utf-8")
    assert cli("evidence", "add", example_db, first, tmp_path / "page.txt").code == 0
    added = cli("evidence", "add", example_db, second, tmp_path / "page.html")
    assert "Added page.html (text/plain" in added.out, added.out


def test_a_copy_of_eight_megabytes_says_how_far_it_has_come(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """README: a file of 8 MB or more; the threshold was 8 MiB (8,388,608 bytes)."""
    video = tmp_path / "v.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(8_300_000))
    result = cli("evidence", "add", example_db, _report_ids(example_db)[0], video)
    assert result.code == 0 and "copying v.mp4: 100%" in result.err, result.err


def test_a_restored_record_without_its_file_is_said(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    """Restoring a folder whose evidence/ lacked a file said only "1 evidence record, 0
    evidence files": nothing named the record that came without its file."""
    assert cli("evidence", "add", example_db, _report_ids(example_db)[0], page).code == 0
    with_files, without = tmp_path / "with", tmp_path / "without"
    assert cli("export", example_db, with_files, "--with-evidence").code == 0
    (with_files / "evidence" / hashlib.sha256(PDF).hexdigest()).unlink()
    result = cli("import", tmp_path / "a.db", with_files)
    assert result.code == 0
    assert "evidence.csv, row 2, column sha256: the file is neither in evidence/" in result.err
    assert cli("export", example_db, without).code == 0
    result = cli("import", tmp_path / "b.db", without)
    assert result.code == 0
    assert "the folder has no evidence/ (exported without the evidence files)" in result.err
    assert "added without their files (1)" in result.err
    assert cli("export", example_db, tmp_path / "whole", "--with-evidence").code == 0
    whole = cli("import", tmp_path / "c.db", tmp_path / "whole")
    assert whole.code == 0 and "without" not in whole.err


def test_an_export_folder_with_altered_evidence_is_refused_whole(
    cli: Cli, example_db: Path, page: Path, tmp_path: Path
) -> None:
    assert cli("evidence", "add", example_db, _report_ids(example_db)[1], page).code == 0
    out = tmp_path / "out"
    assert cli("export", example_db, out, "--with-evidence").code == 0
    (out / "evidence" / hashlib.sha256(PDF).hexdigest()).write_bytes(b"tampered")
    restored = tmp_path / "restored" / "new.db"
    restored.parent.mkdir()
    refused = cli("import", restored, out)
    assert refused.code == 1
    assert "do not match its SHA-256" in refused.err, refused.err
    assert not restored.exists()
    assert cli("import", restored, out / "reports.csv").code == 0  # the reports alone
    refused = cli("import", restored, out)
    assert refused.code == 1 and "do not match its SHA-256" in refused.err
    with Ledger.open(restored, read_only=True) as ledger:
        assert evidence.evidence_of(ledger) == []
    assert _stored(restored) == []


def _two_files(cli: Cli, db: Path, tmp_path: Path) -> tuple[str, str]:
    """Two evidence files on two reports of `db`: their SHA-256s, in the order they are
    copied (sorted)."""
    digests = []
    for number, content in ((1, PDF), (2, b"a second page, another source")):
        path = tmp_path / f"page {number}.pdf"
        path.write_bytes(content)
        assert cli("evidence", "add", db, _report_ids(db)[number], path).code == 0
        digests.append(hashlib.sha256(content).hexdigest())
    first, last = sorted(digests)
    return first, last


def test_a_refused_folder_leaves_no_evidence_file_behind(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """The first file is good and copied, the second is altered: the import is refused
    whole, and the copy of the first goes too (refused means nothing created)."""
    first, last = _two_files(cli, example_db, tmp_path)
    out = tmp_path / "out"
    assert cli("export", example_db, out, "--with-evidence").code == 0
    dry = cli("import", tmp_path / "dry.db", out, "--dry-run")
    assert dry.code == 0 and "2 evidence records and 2 evidence files" in dry.out, dry.out
    (out / "evidence" / last).write_bytes(b"tampered")
    restored = tmp_path / "restored" / "new.db"
    restored.parent.mkdir()
    refused = cli("import", restored, out)
    assert refused.code == 1 and f"{last}: its bytes do not match" in refused.err
    assert sorted(p.name for p in restored.parent.iterdir()) == []  # no ledger, no locker
    dry = cli("import", tmp_path / "dry.db", out, "--dry-run")  # a dry run checks them too
    assert dry.code == 1 and f"{last}: its bytes do not match" in dry.err
    # into a ledger with data whose locker holds a file already: it keeps just that one
    assert cli("import", restored, out / "reports.csv").code == 0
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"already here")
    assert cli("evidence", "add", restored, _report_ids(restored)[0], kept).code == 0
    before = sha256(restored), _stored(restored)
    assert cli("import", restored, out).code == 1
    assert (sha256(restored), _stored(restored)) == before
    assert first not in before[1]


def test_a_refused_merge_leaves_no_evidence_file_behind(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    other = _colleague(cli, tmp_path)
    _, last = _two_files(cli, other, tmp_path)
    theirs = other.parent / "theirs.evidence" / last
    theirs.chmod(0o644)
    theirs.write_bytes(b"tampered")
    before = sha256(example_db)
    result = cli("merge", example_db, other)
    assert result.code == 1 and "do not match its SHA-256" in result.err
    assert sha256(example_db) == before
    assert not example_db.with_name("ledger.evidence").exists()


def test_a_bad_evidence_csv_names_each_row_and_column(tmp_path: Path, example_db: Path) -> None:
    (tmp_path / "evidence.csv").write_text(
        EVIDENCE_HEADER + "\r\n"
        "r1,notahash,a.pdf,application/pdf,12,2025-01-01,,,me,2025-01-01T00:00:00Z\r\n"
        f"r1,{'a' * 64},a.pdf,pdf,-3,2999-01-01,ftp://x,,me,2999-01-01T00:00:00Z\r\n",
        encoding="utf-8",
    )
    problems = Problems()
    assert read_evidence_rows(tmp_path / "evidence.csv", problems) == []
    message = "\n".join(map(str, problems.errors))
    for place in (
        "row 2, column sha256",
        "row 3, column media_type",
        "row 3, column size",
        "row 3, column accessed",
        "row 3, column archive_url",
        "row 3, column added_at",
    ):
        assert f"evidence.csv, {place}: " in message  # as every file of a folder names them


def test_a_file_written_while_it_is_copied_is_not_stored(tmp_path: Path) -> None:
    """A recording or download still being written was stored as a mix of its states,
    under a SHA-256 that neither state has."""
    source = tmp_path / "recording.mp4"
    source.write_bytes(os.urandom(3 * evidence.CHUNK_SIZE))
    locker = tmp_path / "ledger.evidence"

    def still_recording(done: int, total: int) -> bool:
        if done == evidence.CHUNK_SIZE:  # after the first chunk, the writer goes on
            with source.open("r+b") as handle:
                handle.seek(2 * evidence.CHUNK_SIZE)
                handle.write(b"new frames")
        return True

    with pytest.raises(Invalid, match="changed while it was being copied"):
        evidence.store_file(locker, source, still_recording)
    assert not locker.exists() or list(locker.iterdir()) == []
    stored = evidence.store_file(locker, source)  # once complete, it is added
    assert stored.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()


def test_describing_evidence_changes_only_what_differs_and_audits_it(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html>an exchange</html>", encoding="utf-8")
    report = _report_ids(example_db)[0]
    assert cli("evidence", "add", example_db, report, page, "--note", "first").code == 0
    with Ledger.open(example_db) as ledger:
        [item] = evidence.evidence_of(ledger, [report])
        same = evidence.describe(item.file_name, item.accessed, item.archive_url, item.note)
        audits = ledger.count("audit")
        assert not ledger.describe_evidence(report, item.sha256, same, "Rita").events
        assert ledger.count("audit") == audits  # nothing said, nothing recorded
        corrected = evidence.describe("page.html", "2025-06-14", "", "corrected")
        assert ledger.describe_evidence(report, item.sha256, corrected, "Rita").events
        [now] = evidence.evidence_of(ledger, [report])
        assert (now.accessed, now.note, now.added_at) == ("2025-06-14", "corrected", item.added_at)
        with pytest.raises(Invalid, match="has no evidence"):
            ledger.describe_evidence(report, "0" * 64, corrected, "Rita")


def _large_files(cli: Cli, db: Path, tmp_path: Path) -> int:
    """Two files of a few chunks each on reports of `db`; their bytes together."""
    total = 0
    for n, report in enumerate(_report_ids(db)[:2]):
        video = tmp_path / f"video-{n}.mp4"
        video.write_bytes(os.urandom(3 * evidence.CHUNK_SIZE + n))
        assert cli("evidence", "add", db, report, video).code == 0
        total += video.stat().st_size
    return total


def test_a_merge_says_how_far_the_copy_of_the_evidence_has_come_and_cancel_stops_it(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    """The bar sat between two steps while gigabytes of a colleague's video were copied."""
    other = _colleague(cli, tmp_path)
    _large_files(cli, other, tmp_path)
    before = sha256(example_db)
    seen: list[tuple[int, int]] = []

    def cancel_half_way(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 3500

    with Ledger.open(example_db) as ledger, pytest.raises(Cancelled):
        merge_file(ledger, other, "Mona", cancel_half_way)
    assert sha256(example_db) == before
    assert not example_db.with_name("ledger.evidence").exists()  # nothing left beside it
    seen.clear()
    with Ledger.open(example_db) as ledger:
        merge_file(
            ledger, other, "Mona", lambda done, total: bool(seen.append((done, total))) or True
        )
    assert {total for _, total in seen} == {5000}
    copying = [done for done, _ in seen if 3000 < done < 4000]
    assert len(copying) >= 5, seen  # a step for each chunk of the two files
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_an_export_folder_says_how_far_the_copy_of_its_evidence_has_come(
    cli: Cli, example_db: Path, tmp_path: Path
) -> None:
    _large_files(cli, example_db, tmp_path)
    out = tmp_path / "out"
    assert cli("export", example_db, out, "--with-evidence").code == 0
    restored = tmp_path / "restored" / "new.db"
    restored.parent.mkdir()
    seen: list[tuple[int, int]] = []

    def cancel_half_way(done: int, total: int) -> bool:
        seen.append((done, total))
        return not (total == 1000 and done > 500)

    with Ledger.open(restored) as ledger, pytest.raises(Cancelled):
        import_folder(ledger, out, "Mona", progress=cancel_half_way)
    assert not restored.with_name("new.evidence").exists()
    with Ledger.open(restored) as ledger:
        assert ledger.count("reports") == 0
        seen.clear()
        result = import_folder(ledger, out, "Mona", progress=lambda d, t: not seen.append((d, t)))
    assert result.counts["evidence files"] == 2
    copying = [done for done, total in seen if total == 1000]
    assert len(copying) >= 5 and copying == sorted(copying) and copying[-1] == 1000, seen
