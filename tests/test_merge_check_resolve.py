"""Merging another researcher's file, checking a file, and deciding disputed values
(PRODUCT.md: the `merge`, `check` and `resolve` commands; resolution, status, reopened)."""

from __future__ import annotations

import csv
import json
import random
import shutil
import sqlite3
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA_TABLES, EXAMPLE_CSV, CliResult, sha256

from desktop_app.domain.records import FieldKey, Flow, FlowKey
from desktop_app.domain.validation import Invalid
from desktop_app.settings import set_user_name
from desktop_app.store.check import repair
from desktop_app.store.database import LedgerFileError
from desktop_app.store.ledger import Ledger, ReportInput
from desktop_app.store.merge import MergeRefused, merge_file
from desktop_app.store.schema import SCHEMA_VERSION

BODIES = FlowKey("Russia", "Ukraine", "bodies")
COUNT = FieldKey.count(BODIES)
EVENT = "e-conflict"
TABLES = (
    *DATA_TABLES,
    "event_state",
    "flow_state",
    "exchange_days",
)


# ---- helpers ----------------------------------------------------------------------------


def report(
    *,
    source: str = "Coordination HQ",
    party: str | None = "Ukraine",
    date: str = "2025-06-11",
    count: int | None = 100,
    event_type: str = "exchange",
    location: str = "",
    quote: str = "",
    kind: str = "official",
    reliability: str = "B",
) -> ReportInput:
    return ReportInput(
        event_type=event_type,
        source_name=source,
        source_party=party,
        source_kind=kind,
        source_reliability=reliability,
        claimed_date=date,
        location=location,
        quote=quote,
        flows=() if count is None else (Flow(BODIES, count),),
    )


def sql(path: Path, statement: str, params: tuple = ()) -> None:
    """Change a file behind the program's back (to set times, ids, derived state)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(statement, params)
        connection.commit()
    finally:
        connection.close()


def query(path: Path, statement: str, params: tuple = ()) -> list[tuple]:
    with Ledger.open(path, read_only=True) as ledger:
        return [tuple(row) for row in ledger.conn.execute(statement, params)]


def snapshot(path: Path) -> dict[str, list[tuple]]:
    with Ledger.open(path, read_only=True) as ledger:
        return {
            table: sorted(
                (tuple(row) for row in ledger.conn.execute(f"SELECT * FROM {table}")), key=repr
            )
            for table in TABLES
        }


def search_rows(path: Path) -> list[tuple]:
    return query(path, "SELECT rowid, event_id, text FROM event_search ORDER BY rowid")


def status(path: Path, event_id: str = EVENT) -> str | None:
    rows = query(path, "SELECT status FROM event_state WHERE event_id = ?", (event_id,))
    return rows[0][0] if rows else None


def copy(source: Path, target: Path) -> Path:
    """Another researcher's copy of a (closed) file."""
    assert not Path(f"{source}-wal").exists() or Path(f"{source}-wal").stat().st_size == 0
    shutil.copyfile(source, target)
    return target


def clean(result: CliResult, code: int = 0) -> CliResult:
    assert result.code == code, (result.code, result.out, result.err)
    assert "Traceback" not in result.out + result.err
    return result


def exported(cli: Callable[..., CliResult], db: Path, folder: Path, name: str) -> list[dict]:
    clean(cli("export", db, folder))
    with (folder / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def flow_row(
    cli: Callable[..., CliResult], db: Path, folder: Path, event_id: str = EVENT
) -> dict[str, str]:
    rows = [
        row
        for row in exported(cli, db, folder, "events.csv")
        if row["event_id"] == event_id and row["category"] == "bodies"
    ]
    assert len(rows) == 1, rows
    return rows[0]


def estimate(row: dict[str, str]) -> tuple[int, int, int]:
    return int(row["best"]), int(row["low"]), int(row["high"])


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A file with one event whose two reports disagree on a count: 100 vs 150."""
    path = tmp_path / "base.db"
    with Ledger.open(path) as ledger:
        ledger.add_report(report(count=100), "Ada", event_id=EVENT, report_id="r1")
        ledger.add_report(
            report(source="Vladimir Medinsky", party="Russia", count=150),
            "Ada",
            event_id=EVENT,
            report_id="r2",
        )
    assert status(path) == "conflict"
    return path


@pytest.fixture
def pair(base: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Mine and theirs: two copies of the same file, to be changed apart then merged."""
    return base, copy(base, tmp_path / "theirs.db")


# ---- merge: what is added -------------------------------------------------------------------


@pytest.fixture
def theirs_with_new_things(tmp_path: Path) -> Path:
    path = tmp_path / "new-things.db"
    with Ledger.open(path) as ledger:
        ledger.add_report(
            report(source="Their Outlet", party=None, kind="media", reliability="C", count=40),
            "Them",
            event_id="their-event",
            report_id="t1",
        )
        ledger.add_report(
            ReportInput(
                event_type="exchange",
                source_name="Lukashenko press service",
                source_party="Belarus",
                claimed_date="2025-06",
                location="Belarus border",
                quote="forty",
                flows=(
                    Flow(BODIES, 45, "approx"),
                    Flow(FlowKey("Belarus", "Ukraine", "civilians"), 3),
                ),
            ),
            "Them",
            event_id="their-event",
            report_id="t2",
        )
        ledger.resolve("their-event", COUNT, "40", "their HQ counted", "Them", report_id="t1")
    return path


def test_merge_adds_new_events_reports_sources_and_decisions(
    base: Path, theirs_with_new_things: Path, cli: Callable[..., CliResult]
) -> None:
    other = theirs_with_new_things
    other_hash = sha256(other)
    with Ledger.open(other, read_only=True) as theirs:
        their_reports = {}
        for rid in ("t1", "t2"):
            record = theirs.report_record(rid)
            assert record is not None
            their_reports[rid] = theirs.report_content(record)
        their_decision = list(theirs.db.query("SELECT * FROM resolutions"))[0]
    result = clean(cli("merge", base, other))
    assert "Merged" in result.out
    assert sha256(other) == other_hash, "OTHER was modified"
    with Ledger.open(base, read_only=True) as mine:
        assert mine.event_type("their-event") == "exchange"
        assert mine.event_type(EVENT) == "exchange"
        for rid, content in their_reports.items():
            record = mine.report_record(rid)
            assert record is not None, rid
            assert mine.report_content(record) == content
        sources = {row["name"]: row for row in mine.db.query("SELECT * FROM sources")}
        assert {"Their Outlet", "Lukashenko press service"} <= set(sources)
        assert (sources["Their Outlet"]["kind"], sources["Their Outlet"]["reliability"]) == (
            "media",
            "C",
        )
        assert "Belarus" in mine.parties()
        decision = list(
            mine.db.query("SELECT * FROM resolutions WHERE id = ?", [their_decision["id"]])
        )
        assert len(decision) == 1
        for name in ("event_id", "field", "value", "report_id", "rationale", "resolved_by"):
            assert decision[0][name] == their_decision[name], name
    assert status(base, "their-event") == "resolved"
    assert status(base) == "conflict"
    assert clean(cli("check", base)).code == 0


def test_merge_file_says_what_it_added(base: Path, theirs_with_new_things: Path) -> None:
    with Ledger.open(base) as mine:
        result = merge_file(mine, theirs_with_new_things, "Mona")
    counts = result.counts
    assert (counts["events"], counts["reports"], counts["resolutions"]) == (1, 2, 1)
    assert (counts["sources"], counts["parties"]) == (2, 1)
    assert (counts["updated"], counts["kept"]) == (0, 0)
    assert result.changed


def test_merged_decisions_keep_their_resolved_at(
    pair: tuple[Path, Path], cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    mine, theirs = pair
    with Ledger.open(theirs) as ledger:
        decision, _ = ledger.resolve(EVENT, COUNT, "150", "the Russian figure", "Them", "r2")
    sql(
        theirs,
        "UPDATE resolutions SET resolved_at = '2025-06-20T12:34:56Z' WHERE id = ?",
        (decision,),
    )
    clean(cli("merge", mine, theirs))
    assert query(
        mine, "SELECT resolved_at, resolved_by, value FROM resolutions WHERE id = ?", (decision,)
    ) == [("2025-06-20T12:34:56Z", "Them", "150")]
    row = flow_row(cli, mine, tmp_path / "out")
    assert row["resolved_at"] == "2025-06-20T12:34:56Z"
    assert estimate(row) == (150, 150, 150)


@pytest.mark.parametrize(
    ("statement", "said"),
    [  # one decision; both reports (r1, r2): the first named, the other counted
        ("UPDATE resolutions SET resolved_at = '2099-01-01T00:00:00Z'", "has resolved_at"),
        ("UPDATE reports SET updated_at = '2099-01-01T00:00:00Z'", "has updated_at"),
    ],
    ids=["decision", "report"],
)
def test_a_file_with_times_in_the_future_is_refused_and_ours_stays_as_it_was(
    statement: str, said: str, pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    """A colleague's clock ahead: their decision (or edit) would stay in force over every
    decision made here later, which `resolve` would call decided. Refused, as an import
    refuses a recorded_at in the future."""
    mine, theirs = pair
    with Ledger.open(theirs) as ledger:
        ledger.resolve(EVENT, COUNT, "150", "the Russian figure", "Them", "r2")
    sql(theirs, statement)
    before = sha256(mine)
    result = cli("merge", mine, theirs)
    assert result.code == 1 and "Traceback" not in result.err
    assert said in result.err and "2099-01-01T00:00:00Z, in the future (it is now" in result.err
    assert ("(and 1 more)" in result.err) == (said == "has updated_at"), result.err
    assert result.err.rstrip().endswith("nothing merged"), result.err
    assert sha256(mine) == before
    # a decision made here afterwards is the one in force
    decide = ["--count", "Russia", "Ukraine", "bodies", "100", "--rationale", "ours", "--by", "Me"]
    clean(cli("resolve", mine, EVENT, *decide))
    assert status(mine) == "resolved"


FUTURE = "'2099-01-01T00:00:00Z'"


@pytest.mark.parametrize(
    ("change", "statement", "said"),
    [
        ("added", f"UPDATE report_evidence SET added_at = {FUTURE}", "evidence r1 "),
        ("described", f"UPDATE audit SET at = {FUTURE} WHERE action = 'edit'", "evidence r1 "),
        ("reinstated", f"UPDATE audit SET at = {FUTURE} WHERE action = 'reinstate'", "decision "),
    ],
)
def test_future_times_of_evidence_and_of_a_reinstated_decision_are_refused_too(
    change: str,
    statement: str,
    said: str,
    pair: tuple[Path, Path],
    cli: Callable[..., CliResult],
    tmp_path: Path,
) -> None:
    """What is said of an evidence file follows the later correction, and a decision's
    withdrawal the later change, by times in the audit trail and the evidence records: a
    colleague's clock ahead there would win every later merge as well."""
    from desktop_app.store import evidence

    mine, theirs = pair
    page = tmp_path / "page.txt"
    page.write_bytes(b"a saved page")
    with Ledger.open(theirs) as ledger:
        item, _, _ = evidence.attach_file(ledger, "r1", page, "Them", note="as first said")
        if change == "described":
            corrected = evidence.describe("page.txt", note="corrected")
            ledger.describe_evidence("r1", item.sha256, corrected, "Them")
        if change == "reinstated":
            decision, _ = ledger.resolve(EVENT, COUNT, "150", "the Russian figure", "Them", "r2")
            ledger.withdraw_resolution(decision, "Them")
            ledger.reinstate_resolution(decision, "Them")
    sql(theirs, statement)
    before = sha256(mine)
    result = cli("merge", mine, theirs)
    assert result.code == 1 and "Traceback" not in result.err
    assert said in result.err and "2099-01-01T00:00:00Z, in the future (it is now" in result.err
    assert result.err.rstrip().endswith("nothing merged"), result.err
    assert sha256(mine) == before


# ---- merge: a report present in both ------------------------------------------------------


def _edit_apart(mine: Path, theirs: Path, mine_at: str, theirs_at: str) -> None:
    """r1 says 100 in Sumy here and 120 in Kursk there, last edited at the given times."""
    with Ledger.open(mine) as ledger:
        ledger.edit_report("r1", report(count=100, location="Sumy"), "Ada")
    with Ledger.open(theirs) as ledger:
        ledger.edit_report("r1", report(count=120, location="Kursk"), "Them")
    _edit_times(mine, theirs, mine_at, theirs_at)


def _edit_times(mine: Path, theirs: Path, mine_at: str, theirs_at: str) -> None:
    sql(mine, "UPDATE reports SET updated_at = ? WHERE id = 'r1'", (mine_at,))
    sql(theirs, "UPDATE reports SET updated_at = ? WHERE id = 'r1'", (theirs_at,))


def _r1(path: Path) -> tuple[str, int]:
    return query(
        path,
        "SELECT r.location, f.count FROM reports r JOIN flows f ON f.report_id = r.id"
        " WHERE r.id = 'r1'",
    )[0]


def _last_audit(path: Path) -> int:
    return query(path, "SELECT COALESCE(MAX(id), 0) FROM audit")[0][0]


def _audited_versions(path: Path, report_id: str, since: int) -> list[tuple[str, int]]:
    """Every (location, count) of the report in audit records written after `since`."""
    versions = []
    for old, new in query(
        path, "SELECT old, new FROM audit WHERE entity_id = ? AND id > ?", (report_id, since)
    ):
        for text in (old, new):
            if text:
                record = json.loads(text)
                if "flows" in record:
                    versions.append((record["location"], record["flows"][0]["count"]))
    return versions


def test_the_newer_edit_from_the_other_file_wins_and_ours_is_audited(
    pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    mine, theirs = pair
    _edit_apart(mine, theirs, "2025-07-01T00:00:00Z", "2025-07-02T00:00:00Z")
    since = _last_audit(mine)
    clean(cli("merge", mine, theirs))
    assert _r1(mine) == ("Kursk", 120)
    assert query(mine, "SELECT updated_at FROM reports WHERE id = 'r1'") == [
        ("2025-07-02T00:00:00Z",)
    ]
    assert ("Sumy", 100) in _audited_versions(mine, "r1", since)
    assert clean(cli("check", mine)).code == 0


def test_the_newer_local_edit_is_kept_and_theirs_is_audited(
    pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    mine, theirs = pair
    _edit_apart(mine, theirs, "2025-07-02T00:00:00Z", "2025-07-01T00:00:00Z")
    since = _last_audit(mine)
    clean(cli("merge", mine, theirs))
    assert _r1(mine) == ("Sumy", 100)
    assert query(mine, "SELECT updated_at FROM reports WHERE id = 'r1'") == [
        ("2025-07-02T00:00:00Z",)
    ]
    assert ("Kursk", 120) in _audited_versions(mine, "r1", since)


def test_on_a_tie_the_local_copy_wins_and_theirs_is_audited(
    pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    mine, theirs = pair
    _edit_apart(mine, theirs, "2025-07-01T00:00:00Z", "2025-07-01T00:00:00Z")
    since = _last_audit(mine)
    clean(cli("merge", mine, theirs))
    assert _r1(mine) == ("Sumy", 100)
    assert ("Kursk", 120) in _audited_versions(mine, "r1", since)


def test_identical_reports_are_left_alone(
    pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    mine, theirs = pair
    before = snapshot(mine)
    result = clean(cli("merge", mine, theirs))
    assert "Nothing to merge" in result.out
    assert snapshot(mine) == before


def test_the_same_spreadsheet_recorded_apart_leaves_a_decision_alone(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """Two researchers imported the same spreadsheet (no recorded_at: each at their own
    time); one decided the event. The merge took the other's identical reports for newer
    edits, rewrote them after the decision and reopened it; an import keeps them as
    recorded here."""
    same = tmp_path / "same.csv"
    header = "report_id,event_id,event_type,event_date,category,from_party,to_party,count"
    same.write_text(
        f"{header},source_name,quote\r\n"
        ",E,exchange,2025-05-01,pows,Russia,Ukraine,10,A,ten\r\n"
        ",E,exchange,2025-05-01,pows,Russia,Ukraine,12,B,twelve\r\n",
        encoding="utf-8",
    )
    mine, theirs = tmp_path / "mine.db", tmp_path / "theirs.db"
    for path in (theirs, mine):
        assert clean(cli("import", path, same)).code == 0
    with sqlite3.connect(theirs) as other:  # recorded by another, at another time
        other.execute(
            "UPDATE reports SET recorded_by = 'Them',"
            " recorded_at = '2025-06-01T10:00:00Z', updated_at = '2025-06-01T10:00:00Z'"
        )
    with Ledger.open(mine) as ledger:
        ledger.resolve("E", FieldKey.count(FlowKey("Russia", "Ukraine", "pows")), "10", "A", "Me")
    before = snapshot(mine)
    result = clean(cli("merge", mine, theirs))
    assert "Nothing to merge" in result.out, result.out
    assert snapshot(mine) == before
    with Ledger.open(mine, read_only=True) as ledger:
        assert ledger.conn.execute("SELECT status FROM event_state").fetchone()[0] == "resolved"


def test_reports_deleted_here_are_not_brought_back(
    pair: tuple[Path, Path], cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    mine, theirs = pair
    with Ledger.open(theirs) as ledger:  # even edited there after the copy
        ledger.edit_report(
            "r2", report(source="Vladimir Medinsky", party="Russia", count=160), "Them"
        )
        ledger.add_report(report(count=100), "Them", event_id="lonely", report_id="lonely-1")
    with Ledger.open(mine) as ledger:
        ledger.delete_report("r2", "Ada")
    # "lonely" arrives by a first merge, is deleted here, then the same file comes again
    clean(cli("merge", mine, theirs))
    assert query(mine, "SELECT id FROM reports WHERE id = 'r2'") == []
    with Ledger.open(mine) as ledger:
        ledger.delete_report("lonely-1", "Ada")
    clean(cli("merge", mine, theirs))
    assert query(mine, "SELECT id FROM reports WHERE id IN ('r2', 'lonely-1')") == []
    events = {row["event_id"] for row in exported(cli, mine, tmp_path / "out", "events.csv")}
    assert "lonely" not in events
    assert status(mine) == "single"


# ---- merge: refusals --------------------------------------------------------------------------


def test_a_report_deleted_here_and_edited_there_since_is_said_and_audited(
    pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    """The colleague's later correction of a report deleted here was passed over without
    a word, and the merge said this file already held everything in theirs."""
    mine, theirs = pair
    with Ledger.open(mine) as ledger:
        ledger.delete_report("r1", "Rita")
    with Ledger.open(theirs) as ledger:
        ledger.edit_report("r1", report(count=120), "Them")
    sql(mine, "UPDATE tombstones SET deleted_at = '2025-01-01T00:00:00Z' WHERE id = 'r1'")
    said = clean(cli("merge", mine, theirs)).out
    assert "1 report deleted here and edited there since left deleted" in said
    assert query(mine, "SELECT COUNT(*) FROM reports WHERE id = 'r1'") == [(0,)]
    kept = "SELECT entity, json_extract(old, '$.flows[0].count') FROM audit WHERE action = ?"
    assert query(mine, kept, ("merge-kept-deleted",)) == [("report", 120)]
    assert clean(cli("merge", mine, theirs)).out.startswith("Nothing to merge")
    sql(mine, "UPDATE tombstones SET deleted_at = '2999-01-01T00:00:00Z' WHERE id = 'r1'")
    other = copy(theirs, mine.with_name("later.db"))  # deleted after their edit: no word
    sql(mine, "DELETE FROM audit WHERE action = 'merge-kept-deleted'")
    assert clean(cli("merge", mine, other)).out.startswith("Nothing to merge")


@pytest.mark.parametrize("changed_here", [False, True])
def test_a_folder_that_withdrew_a_decision_in_force_here_withdraws_it(
    changed_here: bool, base: Path, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """The folder's withdrawn decision was "already present and identical, skipped", and
    stayed in force here, where merging the file itself follows the withdrawal."""
    with Ledger.open(base) as ledger:
        decision, _ = ledger.resolve(EVENT, COUNT, "150", "the Russian figure", "Them", "r2")
    mine = copy(base, tmp_path / "mine.db")
    with Ledger.open(base) as ledger:
        ledger.withdraw_resolution(decision, "Them")
    if changed_here:  # withdrawn and reinstated here: which came later cannot be told
        with Ledger.open(mine) as ledger:
            ledger.withdraw_resolution(decision, "Rita")
            ledger.reinstate_resolution(decision, "Rita")
    clean(cli("export", base, tmp_path / "folder"))
    result = clean(cli("import", mine, tmp_path / "folder"))
    state = query(mine, "SELECT withdrawn_by FROM resolutions")
    if changed_here:
        assert state == [(None,)] and status(mine) == "resolved"
        assert "withdrawn and reinstated here too" in result.err
        assert "kept in force here" in result.err
        return
    assert state[0][0] is not None  # withdrawn, by the person importing (audited)
    assert query(mine, "SELECT who FROM audit WHERE action = 'withdraw'") == state
    assert status(mine) == "conflict"
    assert "1 decision in force here withdrawn, as the folder has them" in result.out
    assert clean(cli("import", mine, tmp_path / "folder")).out.startswith("Nothing new")


def _edit_source(path: Path, source: str, who: str, **changes: str) -> str:
    """A source renamed or regraded as the Sources dialog does it; its id."""
    from desktop_app.store import sources

    with Ledger.open(path) as ledger:
        row = next(r for r in sources.all_sources(ledger) if r["name"] == source)
        fields = {key: row[key] for key in ("name", "party", "kind", "reliability")}
        sources.update_source(ledger, row["id"], sources.SourceFields(**{**fields, **changes}), who)
    return str(row["id"])


def _sources(path: Path) -> list[tuple]:
    return query(
        path,
        "SELECT name, reliability, (SELECT COUNT(*) FROM reports r WHERE r.source_id = s.id)"
        " FROM sources s ORDER BY name",
    )


def test_a_source_regraded_or_respelled_there_is_so_here_after_a_merge(
    pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    """A regrade there never travelled ("Nothing to merge"). Sources match by name and
    party, never by id (PRODUCT.md): a rename there is another source here."""
    mine, theirs = pair
    _edit_source(theirs, "Coordination HQ", "Them", name="COORDINATION  HQ", reliability="A")
    said = clean(cli("merge", mine, theirs)).out
    assert "1 source regraded or respelled as the other file changed them later" in said
    assert _sources(mine) == [("COORDINATION  HQ", "A", 1), ("Vladimir Medinsky", "B", 1)]
    assert clean(cli("merge", mine, theirs)).out.startswith("Nothing to merge")
    _edit_source(theirs, "COORDINATION  HQ", "Them", name="Coordination HQ (Kyiv)")
    with Ledger.open(theirs) as ledger:
        ledger.add_report(report(source="Coordination HQ (Kyiv)"), "Them", event_id="later")
    clean(cli("merge", mine, theirs))
    assert ("Coordination HQ (Kyiv)", "A", 1) in _sources(mine)  # another key: another source
    assert ("COORDINATION  HQ", "A", 1) in _sources(mine)


def test_a_source_regraded_later_here_stays_ours(
    pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    mine, theirs = pair
    _edit_source(theirs, "Coordination HQ", "Them", reliability="A")
    source_id = _edit_source(mine, "Coordination HQ", "Rita", reliability="C")
    said = clean(cli("merge", mine, theirs)).out
    assert "0 sources regraded or respelled" in said and ", 1 kept where ours was changed" in said
    assert ("Coordination HQ", "C", 1) in _sources(mine)
    kept = "SELECT entity_id FROM audit WHERE action = 'merge-kept-local' AND entity = 'source'"
    assert query(mine, kept) == [(source_id,)]
    assert clean(cli("merge", mine, theirs)).out.startswith("Nothing to merge")


def _not_a_database(path: Path) -> None:
    path.write_bytes(b"this is a text file, not a ledger\n" * 100)


def _random(path: Path) -> None:
    path.write_bytes(random.Random(3).randbytes(20000))


def _other_program(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()


def _newer(path: Path) -> None:
    with Ledger.open(path) as ledger:
        ledger.add_report(report(count=7), "Them", event_id="from-the-future")
    sql(path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def _truncated(path: Path) -> None:
    with Ledger.open(path) as ledger:
        for index in range(40):
            ledger.add_report(report(count=index, quote="x" * 2000), "Them")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _garbage_page(path: Path) -> None:
    with Ledger.open(path) as ledger:
        for index in range(40):
            ledger.add_report(report(count=index, quote="x" * 2000), "Them")
    data = bytearray(path.read_bytes())
    data[4096 : 2 * 4096] = random.Random(4).randbytes(4096)
    path.write_bytes(bytes(data))


UNUSABLE_OTHERS = {
    "text": _not_a_database,
    "random-bytes": _random,
    "other-program": _other_program,
    "newer-version": _newer,
    "truncated": _truncated,
    "garbage-page": _garbage_page,
}


@pytest.mark.parametrize("kind", list(UNUSABLE_OTHERS))
def test_an_unusable_other_file_is_refused_and_never_modified(
    kind: str, base: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    other = folder / "other.db"
    UNUSABLE_OTHERS[kind](other)
    before, mine_before = sha256(other), snapshot(base)
    result = clean(cli("merge", base, other), code=1)
    assert other.name in result.err
    assert sha256(other) == before
    assert snapshot(base) == mine_before
    with Ledger.open(base) as ledger, pytest.raises(LedgerFileError):
        merge_file(ledger, other, "Mona")
    assert sha256(other) == before


@pytest.mark.parametrize("kind", ["newer-version", "garbage-page"])
def test_an_unusable_other_file_gets_nothing_written_beside_it(
    kind: str, base: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    other = folder / "other.db"
    UNUSABLE_OTHERS[kind](other)
    listing = sorted(p.name for p in folder.iterdir())
    clean(cli("merge", base, other), code=1)
    assert sorted(p.name for p in folder.iterdir()) == listing


def test_missing_other_file_and_the_file_itself_are_refused(
    base: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    before = snapshot(base)
    missing = clean(cli("merge", base, tmp_path / "nope.db"), code=1).err
    assert missing.endswith("nope.db does not exist.\n"), missing  # as every command says
    assert clean(cli("merge", base, tmp_path), code=1).err.endswith("is not a file.\n")
    assert clean(cli("merge", base, base), code=1).err.strip()
    assert not (tmp_path / "nope.db").exists()
    assert snapshot(base) == before


def test_an_older_other_file_is_never_modified(
    base: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    other = folder / "old.db"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "ledger-v1.db", other)
    before = sha256(other)
    result = cli("merge", base, other)
    assert "Traceback" not in result.err
    assert result.code in (0, 1)
    assert sha256(other) == before
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "old.db"
    ]


def test_a_type_clash_merges_nothing(
    base: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    other = tmp_path / "clash.db"
    with Ledger.open(other) as ledger:
        ledger.add_report(report(count=None), "Them", event_id="brand-new")
        ledger.add_report(
            report(event_type="talks", count=None, location="Istanbul"), "Them", event_id=EVENT
        )
    before = snapshot(base)
    result = clean(cli("merge", base, other), code=1)
    assert EVENT in result.err
    assert "type" in result.err
    assert snapshot(base) == before
    with Ledger.open(base) as ledger, pytest.raises(MergeRefused):
        merge_file(ledger, other, "Mona")
    assert snapshot(base) == before


def test_merging_the_same_file_twice_changes_nothing_the_second_time(
    pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    mine, theirs = pair
    with Ledger.open(mine) as ledger:
        ledger.add_report(report(count=100, location="Sumy"), "Ada", event_id="tie", report_id="t")
        ledger.add_report(
            report(count=1, location="Mine"), "Ada", event_id="newer-here", report_id="n"
        )
        ledger.add_report(
            report(count=2, location="Mine"), "Ada", event_id="newer-there", report_id="m"
        )
    copy(mine, theirs)
    with Ledger.open(theirs) as ledger:
        ledger.edit_report("t", report(count=120, location="Kursk"), "Them")
        ledger.edit_report("n", report(count=11, location="Theirs"), "Them")
        ledger.edit_report("m", report(count=22, location="Theirs"), "Them")
        ledger.add_report(report(source="Brand New Source", count=130), "Them", event_id=EVENT)
        ledger.add_report(
            ReportInput("talks", "Someone", "2025-05", source_party="Ukraine"), "Them"
        )
        ledger.resolve(EVENT, COUNT, "150", "the Russian figure", "Them", "r2")
    sql(mine, "UPDATE reports SET updated_at = '2025-07-01T00:00:00Z' WHERE id = 't'")
    sql(theirs, "UPDATE reports SET updated_at = '2025-07-01T00:00:00Z' WHERE id = 't'")
    sql(mine, "UPDATE reports SET updated_at = '2025-07-09T00:00:00Z' WHERE id = 'n'")
    sql(theirs, "UPDATE reports SET updated_at = '2025-07-01T00:00:00Z' WHERE id = 'n'")
    sql(mine, "UPDATE reports SET updated_at = '2025-07-01T00:00:00Z' WHERE id = 'm'")
    sql(theirs, "UPDATE reports SET updated_at = '2025-07-09T00:00:00Z' WHERE id = 'm'")
    merged = clean(cli("merge", mine, theirs)).out
    assert "Merged" in merged
    assert "1 report updated to a newer edit, 2 kept where ours was as new or newer" in merged
    once = snapshot(mine)
    assert len(once["operations"]) == 1
    assert "Nothing to merge" in clean(cli("merge", mine, theirs)).out
    assert snapshot(mine) == once
    with Ledger.open(mine) as ledger:
        assert not merge_file(ledger, theirs, "Mona").changed
    assert snapshot(mine) == once
    assert clean(cli("check", mine)).code == 0


# ---- merge: sources match by name and party, never by id -----------------------------------


def _rename_source_id(path: Path, old: str, new: str) -> None:
    sql(path, "UPDATE sources SET id = ? WHERE id = ?", (new, old))
    sql(path, "UPDATE reports SET source_id = ? WHERE source_id = ?", (new, old))


def _source_of(path: Path, report_id: str) -> tuple[str, str, str | None]:
    return query(
        path,
        "SELECT s.id, s.name, s.party FROM reports r JOIN sources s ON s.id = r.source_id"
        " WHERE r.id = ?",
        (report_id,),
    )[0]


def test_sources_match_by_their_normalised_name_and_party(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    mine, theirs = tmp_path / "mine.db", tmp_path / "theirs.db"
    composed = unicodedata.normalize("NFC", "José Díaz")
    decomposed = "  " + unicodedata.normalize("NFD", "JOSÉ   díaz") + " "
    assert composed.casefold() != decomposed.casefold()
    with Ledger.open(mine) as ledger:
        ledger.add_report(
            report(source=composed, party="Ukraine"), "Ada", event_id="a", report_id="a1"
        )
    local_id = _source_of(mine, "a1")[0]
    with Ledger.open(theirs) as ledger:
        ledger.add_report(
            report(source=decomposed, party=" ukraine "), "Them", event_id="b", report_id="b1"
        )
    _rename_source_id(theirs, _source_of(theirs, "b1")[0], "their-own-source-id")
    clean(cli("merge", mine, theirs))
    assert _source_of(mine, "b1")[0] == local_id
    assert query(mine, "SELECT COUNT(*) FROM sources") == [(1,)]
    assert query(mine, "SELECT id FROM sources WHERE id = 'their-own-source-id'") == []


def test_a_source_with_a_known_id_but_another_name_is_another_source(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    mine, theirs = tmp_path / "mine.db", tmp_path / "theirs.db"
    with Ledger.open(mine) as ledger:
        ledger.add_report(report(source="Coordination HQ"), "Ada", event_id="a", report_id="a1")
    local_id = _source_of(mine, "a1")[0]
    with Ledger.open(theirs) as ledger:
        ledger.add_report(report(source="Someone Else"), "Them", event_id="b", report_id="b1")
    _rename_source_id(theirs, _source_of(theirs, "b1")[0], local_id)
    clean(cli("merge", mine, theirs))
    assert _source_of(mine, "a1") == (local_id, "Coordination HQ", "Ukraine")
    merged = _source_of(mine, "b1")
    assert merged[1:] == ("Someone Else", "Ukraine")
    assert merged[0] != local_id


def test_the_same_name_for_another_party_is_another_source(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    mine, theirs = tmp_path / "mine.db", tmp_path / "theirs.db"
    with Ledger.open(mine) as ledger:
        ledger.add_report(
            report(source="Ministry of Defence", party="Ukraine"),
            "Ada",
            event_id="a",
            report_id="a1",
        )
    with Ledger.open(theirs) as ledger:
        ledger.add_report(
            report(source="Ministry of Defence", party="Russia"),
            "Them",
            event_id="b",
            report_id="b1",
        )
    clean(cli("merge", mine, theirs))
    assert _source_of(mine, "a1")[2] == "Ukraine"
    assert _source_of(mine, "b1")[2] == "Russia"
    assert query(mine, "SELECT COUNT(*) FROM sources") == [(2,)]


# ---- merge: reopening ------------------------------------------------------------------------


@pytest.mark.parametrize(("their_count", "expected"), [(175, "reopened"), (100, "resolved")])
def test_a_merged_report_reopens_a_decided_event_only_if_it_disagrees(
    their_count: int,
    expected: str,
    pair: tuple[Path, Path],
    cli: Callable[..., CliResult],
    tmp_path: Path,
) -> None:
    mine, theirs = pair
    with Ledger.open(mine) as ledger:
        ledger.resolve(EVENT, COUNT, "100", "the HQ counted", "Rita", "r1")
    with Ledger.open(theirs) as ledger:
        ledger.add_report(
            report(source="Their Outlet", party=None, count=their_count), "Them", event_id=EVENT
        )
    assert status(mine) == "resolved"
    clean(cli("merge", mine, theirs))
    assert status(mine) == expected
    row = flow_row(cli, mine, tmp_path / "out")
    assert estimate(row) == (100, 100, 100)  # the decision stays in force
    assert row["status"] == expected
    listed = json.loads(clean(cli("conflicts", mine, "--json")).out)
    assert (EVENT in {event["event_id"] for event in listed}) == (expected == "reopened")


def test_a_merged_newer_edit_that_contradicts_a_decision_reopens(
    pair: tuple[Path, Path], cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    mine, theirs = pair
    with Ledger.open(mine) as ledger:
        ledger.resolve(EVENT, COUNT, "100", "the HQ counted", "Rita", "r1")
    with Ledger.open(theirs) as ledger:
        ledger.edit_report("r1", report(count=90), "Them")
    _edit_times(mine, theirs, "2025-01-01T00:00:00Z", "2025-06-01T00:00:00Z")  # theirs newer
    clean(cli("merge", mine, theirs))
    assert _r1(mine)[1] == 90
    assert status(mine) == "reopened"
    assert estimate(flow_row(cli, mine, tmp_path / "out")) == (100, 100, 100)


@pytest.mark.parametrize("their_decision", ["older", "newer"])
def test_a_merged_decision_that_differs_from_ours_reopens_the_event(
    their_decision: str, pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    """'a merge brought a decision that differs from the one in force' — whichever of the
    two was made first; section 4: 'any disagreement lands in the review queue'."""
    mine, theirs = pair
    with Ledger.open(mine) as ledger:
        ours, _ = ledger.resolve(EVENT, COUNT, "100", "the HQ counted", "Rita", "r1")
    with Ledger.open(theirs) as ledger:
        their_id, _ = ledger.resolve(EVENT, COUNT, "150", "the Russian figure", "Them", "r2")
    times = {
        "older": ("2025-07-02T00:00:00Z", "2025-07-01T00:00:00Z"),
        "newer": ("2025-07-01T00:00:00Z", "2025-07-02T00:00:00Z"),
    }[their_decision]
    sql(mine, "UPDATE resolutions SET resolved_at = ? WHERE id = ?", (times[0], ours))
    sql(theirs, "UPDATE resolutions SET resolved_at = ? WHERE id = ?", (times[1], their_id))
    with Ledger.open(mine) as ledger:  # the derived state after the change of time
        repair(ledger, "test")
    assert status(mine) == "resolved"
    clean(cli("merge", mine, theirs))
    assert status(mine) == "reopened"
    listed = json.loads(clean(cli("conflicts", mine, "--json")).out)
    assert [event["status"] for event in listed if event["event_id"] == EVENT] == ["reopened"]
    why = "    bodies Russia → Ukraine: reopened: a merged decision differs from the one in force"
    assert why in clean(cli("conflicts", mine)).out.splitlines()


@pytest.fixture
def decided_pair(base: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    """Mine and theirs holding the same decision (100, in force): copies made after it."""
    with Ledger.open(base) as ledger:
        decision, _ = ledger.resolve(EVENT, COUNT, "100", "the HQ counted", "Rita", "r1")
    assert status(base) == "resolved"
    return base, copy(base, tmp_path / "theirs.db"), decision


def _at(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    """The clock of the next changes (the audit trail's times come from it)."""
    monkeypatch.setattr("desktop_app.store.ledger.utc_now", lambda: when)


def test_a_decision_withdrawn_in_the_other_file_is_withdrawn_here(
    decided_pair: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Undone there (Ctrl+Z), in force here: the withdrawal travels, with its time and
    who withdrew it, the event is in conflict again, and merging again changes nothing."""
    mine, theirs, decision = decided_pair
    _at(monkeypatch, "2025-07-01T10:00:00Z")
    with Ledger.open(theirs) as ledger:
        ledger.withdraw_resolution(decision, "Them")
    monkeypatch.undo()
    with Ledger.open(mine) as ledger:
        result = merge_file(ledger, theirs, "Rita")
    assert (result.counts["withdrawn"], result.counts["reinstated"]) == (1, 0)
    assert "1 decision withdrawn and 0 in force again" in result.summary()
    assert query(
        mine, "SELECT withdrawn_at, withdrawn_by FROM resolutions WHERE id = ?", (decision,)
    ) == [("2025-07-01T10:00:00Z", "Them")]
    assert status(mine) == "conflict"
    assert query(mine, "SELECT COUNT(*) FROM audit WHERE action = 'merge-withdraw'") == [(1,)]
    with Ledger.open(mine) as ledger:
        assert not merge_file(ledger, theirs, "Rita").changed


def test_the_later_of_a_withdrawal_and_a_reinstatement_wins_both_ways(
    decided_pair: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Withdrawn there at 10:00, withdrawn then put back in force here at 11:00 (Ctrl+Z,
    Ctrl+Shift+Z): ours is the later change and stays; merged the other way, ours wins
    there too, so that both files end with the decision in force."""
    mine, theirs, decision = decided_pair
    _at(monkeypatch, "2025-07-01T10:00:00Z")
    with Ledger.open(theirs) as ledger:
        ledger.withdraw_resolution(decision, "Them")
    _at(monkeypatch, "2025-07-01T11:00:00Z")
    with Ledger.open(mine) as ledger:
        ledger.withdraw_resolution(decision, "Rita")
        ledger.reinstate_resolution(decision, "Rita")
    monkeypatch.undo()
    with Ledger.open(mine) as ledger:
        assert not merge_file(ledger, theirs, "Rita").changed  # ours is newer: kept
    assert status(mine) == "resolved"
    with Ledger.open(theirs) as ledger:
        result = merge_file(ledger, mine, "Them")
    assert (result.counts["withdrawn"], result.counts["reinstated"]) == (0, 1)
    assert status(theirs) == "resolved"
    in_force = "SELECT withdrawn_at FROM resolutions WHERE id = ?"
    assert query(theirs, in_force, (decision,)) == query(mine, in_force, (decision,)) == [(None,)]


def test_a_merged_decision_that_agrees_with_ours_does_not_reopen(
    pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    mine, theirs = pair
    with Ledger.open(mine) as ledger:
        ledger.resolve(EVENT, COUNT, "100", "the HQ counted", "Rita", "r1")
    with Ledger.open(theirs) as ledger:
        ledger.resolve(EVENT, COUNT, "100", "same here", "Them")
    clean(cli("merge", mine, theirs))
    assert status(mine) == "resolved"


def test_a_merged_decision_agreeing_with_the_one_it_replaces_does_not_reopen(
    pair: tuple[Path, Path], cli: Callable[..., CliResult]
) -> None:
    """Here 100 was decided, then 150 over it; a colleague's 150, made after, came by a
    merge and agreed with the decision in force. The event came back reopened: the
    superseded 100 counted as a decision the merge overrode."""
    mine, theirs = pair
    with Ledger.open(mine) as ledger:
        ledger.resolve(EVENT, COUNT, "100", "first look", "Rita", "r1")
        ledger.resolve(EVENT, COUNT, "150", "revised after the footage", "Rita", "r2")
    with Ledger.open(theirs) as ledger:
        ledger.resolve(EVENT, COUNT, "150", "the footage", "Them", "r2")
    assert status(mine) == "resolved"
    clean(cli("merge", mine, theirs))
    assert status(mine) == "resolved"
    result = cli("conflicts", mine, "--json")
    assert result.code == 0 and json.loads(result.out) == [], result.out


# ---- check ------------------------------------------------------------------------------------


@pytest.fixture
def healthy(base: Path, tmp_path: Path, cli: Callable[..., CliResult]) -> Path:
    clean(cli("import", base, EXAMPLE_CSV))
    with Ledger.open(base) as ledger:
        ledger.add_report(report(count=5), "Ada", event_id="decided", report_id="d1")
        ledger.add_report(report(source="Other", count=7), "Ada", event_id="decided")
        ledger.resolve("decided", COUNT, "5", "because", "Rita", "d1")
    return base


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))}


def test_check_reports_a_healthy_file_and_writes_nothing(
    healthy: Path, cli: Callable[..., CliResult]
) -> None:
    before, files = sha256(healthy), _files(healthy.parent)
    counts = {
        table: query(healthy, f"SELECT COUNT(*) FROM {table}")[0][0]
        for table in ("events", "reports", "flows", "sources", "parties", "resolutions", "audit")
    }
    result = clean(cli("check", healthy))
    assert f"schema version: {SCHEMA_VERSION}" in result.out
    assert "integrity_check: ok" in result.out
    for table, count in counts.items():
        assert f"{table} {count}" in result.out, table
    assert sha256(healthy) == before
    assert _files(healthy.parent) == files
    assert query(healthy, "SELECT COUNT(*) FROM audit")[0][0] == counts["audit"]


CORRUPTIONS = {
    "status": (
        f"UPDATE event_state SET status = 'single' WHERE event_id = '{EVENT}'",
        [f"event {EVENT}: status is 'single', should be 'conflict'"],  # the column, named
    ),
    "best": (
        f"UPDATE flow_state SET best = 999 WHERE event_id = '{EVENT}'",
        [f"flow {EVENT} / ", "best is 999, should be "],
    ),
    "missing-event": (f"DELETE FROM event_state WHERE event_id = '{EVENT}'", [EVENT, "missing"]),
    "missing-flow": (f"DELETE FROM flow_state WHERE event_id = '{EVENT}'", [EVENT, "missing"]),
    "ghost": (
        "INSERT INTO event_state (event_id, type, status, location, n_reports, disputes,"
        " reopened, reversed, first_seq) VALUES ('ghost-event', 'exchange', 'single', '', 1,"
        " '[]', '[]', '[]', 1)",
        ["ghost-event"],
    ),
    "day-sum": ("UPDATE exchange_days SET high = 4242", ["exchange day", "4242"]),
    "missing-day": ("DELETE FROM exchange_days", ["exchange day", "missing"]),
    # The search rows (Ctrl+F) are derived too: check ignored them, and repair with it.
    "missing-search": (
        f"DELETE FROM event_search WHERE event_id = '{EVENT}'",
        [f"search text of event {EVENT}: missing"],
    ),
    "altered-search": (
        f"UPDATE event_search SET text = 'zzz' WHERE event_id = '{EVENT}'",
        [f"search text of event {EVENT} is 'zzz', should be '"],
    ),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_check_finds_corrupted_derived_state_and_repair_rebuilds_it(
    corruption: str, healthy: Path, cli: Callable[..., CliResult]
) -> None:
    statement, words = CORRUPTIONS[corruption]
    right = snapshot(healthy)
    search_rows_before = search_rows(healthy)
    sql(healthy, statement)
    wrong = snapshot(healthy)
    assert (wrong, search_rows(healthy)) != (right, search_rows_before)
    before = sha256(healthy)
    result = clean(cli("check", healthy), code=1)
    assert "derived state" in result.out
    difference = [line for line in result.out.splitlines() if line.startswith("  ")]
    assert difference, result.out
    for word in words:
        assert word in "\n".join(difference), word
    assert sha256(healthy) == before, "check wrote to the file"
    assert snapshot(healthy) == wrong
    repaired = clean(cli("check", healthy, "--repair"))
    assert "repaired" in repaired.out
    again = clean(cli("check", healthy))
    assert "derived state: matches" in again.out
    fixed = snapshot(healthy)
    for table in ("event_state", "flow_state", "exchange_days"):
        assert fixed[table] == right[table]
    assert search_rows(healthy) == search_rows_before
    assert status(healthy) == "conflict"


def test_check_names_a_damaged_flow_and_no_healthy_day(
    healthy: Path, cli: Callable[..., CliResult]
) -> None:
    """The sums per day are what the reports and decisions make them: a flow whose best
    was altered by hand is the one difference, not the day it belongs to as well."""
    sql(healthy, "UPDATE flow_state SET best = 999 WHERE event_id = 'decided'")
    result = clean(cli("check", healthy), code=1)
    difference = [line for line in result.out.splitlines() if line.startswith("  ")]
    assert len(difference) == 1, result.out
    assert difference[0].startswith("  flow decided / ")
    assert "best is 999, should be 5" in difference[0]


def test_check_repair_on_a_healthy_file_changes_nothing(
    healthy: Path, cli: Callable[..., CliResult]
) -> None:
    before = snapshot(healthy)
    clean(cli("check", healthy, "--repair"))
    assert snapshot(healthy) == before


# ---- resolve ----------------------------------------------------------------------------------


@pytest.mark.parametrize("rationale", ["", "   ", "\t\n"])
def test_a_decision_without_a_rationale_is_refused(
    rationale: str, base: Path, cli: Callable[..., CliResult]
) -> None:
    before = snapshot(base)
    result = clean(
        cli(
            "resolve",
            base,
            EVENT,
            "--count",
            "Russia",
            "Ukraine",
            "bodies",
            "100",
            "--rationale",
            rationale,
        ),
        code=1,
    )
    assert "rationale" in result.err
    assert snapshot(base) == before
    with Ledger.open(base) as ledger, pytest.raises(Invalid, match="rationale"):
        ledger.resolve(EVENT, COUNT, "100", rationale, "Rita")
    assert snapshot(base) == before


@pytest.mark.parametrize(
    "args",
    [
        ("--count", "Russia", "Ukraine", "bodies", "150", "--report", "r1"),
        ("--count", "Russia", "Ukraine", "bodies", "100", "--report", "r2"),
        ("--location", "Sumy", "--report", "r1"),
        ("--date", "2025-06-12", "--report", "r1"),
        ("--count", "Russia", "Ukraine", "bodies", "100", "--report", "no-such-report"),
        ("--count", "Russia", "Ukraine", "bodies", "100", "--report", "elsewhere-1"),
    ],
    ids=[
        "r1-states-100",
        "r2-states-150",
        "r1-silent-on-location",
        "r1-other-date",
        "unknown",
        "other-event",
    ],
)
def test_a_named_report_must_state_the_decided_value(
    args: tuple[str, ...], base: Path, cli: Callable[..., CliResult]
) -> None:
    with Ledger.open(base) as ledger:
        ledger.add_report(report(count=100), "Ada", event_id="elsewhere", report_id="elsewhere-1")
    before = snapshot(base)
    result = clean(cli("resolve", base, EVENT, *args, "--rationale", "I say so"), code=1)
    assert result.err.strip()
    assert snapshot(base) == before


def test_a_named_report_that_states_the_value_is_accepted(
    base: Path, cli: Callable[..., CliResult]
) -> None:
    with Ledger.open(base) as ledger:
        ledger.edit_report("r1", report(count=100, location="Sumy"), "Ada")
    clean(
        cli(
            "resolve",
            base,
            EVENT,
            "--count",
            "Russia",
            "Ukraine",
            "bodies",
            "100",
            "--report",
            "r1",
            "--rationale",
            "HQ",
        )
    )
    clean(cli("resolve", base, EVENT, "--location", "SUMY", "--report", "r1", "--rationale", "HQ"))
    clean(
        cli("resolve", base, EVENT, "--date", "2025-06-11", "--report", "r2", "--rationale", "HQ")
    )
    assert query(base, "SELECT field, report_id FROM resolutions ORDER BY seq") == [
        ("count", "r1"),
        ("location", "r1"),
        ("date", "r2"),
    ]


def test_ids_copied_with_spaces_around_them_name_their_event_and_report(
    base: Path, cli: Callable[..., CliResult]
) -> None:
    """A file's ids are stored trimmed; an id copied from a spreadsheet cell, its spaces
    with it, was "no event  e-conflict " with the spaces unseen."""
    count = ["--count", "Russia", "Ukraine", "bodies", "150"]
    clean(cli("resolve", base, f" {EVENT}\t", *count, "--report", " r2 ", "--rationale", "HQ"))
    assert query(base, "SELECT event_id, report_id FROM resolutions") == [(EVENT, "r2")]
    assert "Report r2 has no evidence." in clean(cli("evidence", "list", base, "r2 ")).out


def test_an_unknown_event_or_flow_cannot_be_decided(
    base: Path, cli: Callable[..., CliResult]
) -> None:
    before = snapshot(base)
    clean(cli("resolve", base, "no-such-event", "--date", "2025-06-11", "--rationale", "r"), code=1)
    clean(
        cli(
            "resolve", base, EVENT, "--count", "Ukraine", "Russia", "pows", "3", "--rationale", "r"
        ),
        code=1,
    )
    clean(
        cli(
            "resolve",
            base,
            EVENT,
            "--count",
            "Russia",
            "Ukraine",
            "bodies",
            "1,212",
            "--rationale",
            "r",
        ),
        code=1,
    )
    assert snapshot(base) == before


def test_the_decision_in_force_sets_best_low_high(
    base: Path, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    set_user_name("Rita Reviewer")
    before = flow_row(cli, base, tmp_path / "before")
    assert estimate(before) == (100, 100, 150)
    assert before["status"] == "conflict"
    result = clean(
        cli(
            "resolve",
            base,
            EVENT,
            "--count",
            "Russia",
            "Ukraine",
            "bodies",
            "120",
            "--rationale",
            "the midpoint of two counts",
        )
    )
    assert "120" in result.out
    row = flow_row(cli, base, tmp_path / "after")
    assert estimate(row) == (120, 120, 120)
    assert row["status"] == "resolved"
    assert row["rationale"] == "the midpoint of two counts"
    assert row["resolved_by"] == "Rita Reviewer"
    assert row["resolved_at"].endswith("Z")
    decisions = exported(cli, base, tmp_path / "after", "resolutions.csv")
    assert [(d["event_id"], d["field"], d["value"], d["report_id"]) for d in decisions] == [
        (EVENT, "count", "120", "")
    ]
    clean(
        cli(
            "resolve",
            base,
            EVENT,
            "--count",
            "Russia",
            "Ukraine",
            "bodies",
            "150",
            "--rationale",
            "better",
            "--by",
            " Bob ",
        )
    )
    row = flow_row(cli, base, tmp_path / "later")
    assert estimate(row) == (150, 150, 150)
    assert row["resolved_by"] == "Bob"  # names are stored trimmed
    before = sha256(base)
    for nobody in ("  ", "\u200b", " \u00ad\ufeff "):  # blank, or nothing a reader sees
        blank = ("--rationale", "why", "--by", nobody)
        refused = cli("resolve", base, EVENT, "--count", "Russia", "Ukraine", "bodies", "9", *blank)
        assert refused.code == 1 and "the reviewer's name is required" in refused.err
        assert sha256(base) == before


def test_an_event_whose_reports_were_all_deleted_takes_no_decision(
    base: Path, cli: Callable[..., CliResult]
) -> None:
    """It is in no list and no export: a decision on it was stored and shown nowhere."""
    with Ledger.open(base) as ledger:
        for (report_id,) in ledger.conn.execute(
            "SELECT id FROM reports WHERE event_id = ?", (EVENT,)
        ).fetchall():
            ledger.delete_report(report_id, "tester")
    before = sha256(base)
    refused = cli("resolve", base, EVENT, "--date", "2025-06-01", "--rationale", "why")
    assert refused.code == 1 and f"there is no event {EVENT}" in refused.err
    assert sha256(base) == before


def _decided(base: Path) -> str:
    with Ledger.open(base) as ledger:
        decision, _ = ledger.resolve(EVENT, COUNT, "120", "the midpoint", "Rita")
    assert status(base) == "resolved"
    return decision


def test_a_later_contradicting_report_reopens_and_the_decision_stays_in_force(
    base: Path, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    _decided(base)
    with Ledger.open(base) as ledger:
        late, _ = ledger.add_report(report(source="Late Outlet", count=175), "Ada", event_id=EVENT)
    assert status(base) == "reopened"
    row = flow_row(cli, base, tmp_path / "out")
    assert estimate(row) == (120, 120, 120)
    assert row["status"] == "reopened"
    assert row["rationale"] == "the midpoint"
    listed = json.loads(clean(cli("conflicts", base, "--json")).out)
    event = next(event for event in listed if event["event_id"] == EVENT)
    assert event["status"] == "reopened"
    counts = [d for d in event["disputes"] if d["field"] == "count"]
    assert counts and counts[0]["values"][late] == 175
    # The text says which decided field reopened and by which report: with reports that
    # agree with one another (and so list no dispute) it was all a reviewer had to go on.
    reopened = (
        f"    bodies Russia → Ukraine: reopened: the decision in force is contradicted by {late}"
    )
    assert reopened in clean(cli("conflicts", base)).out.splitlines()


@pytest.mark.parametrize(
    "late",
    [
        report(source="Late Outlet", count=120),
        report(source="Late Outlet", count=None),
        report(source="Late Outlet", count=120, date="2025-06"),
    ],
    ids=["agrees", "silent", "agrees-vaguer-date"],
)
def test_a_later_report_that_does_not_contradict_does_not_reopen(
    late: ReportInput, base: Path
) -> None:
    _decided(base)
    with Ledger.open(base) as ledger:
        ledger.add_report(late, "Ada", event_id=EVENT)
    assert status(base) == "resolved"


def test_an_edit_after_the_decision_that_contradicts_it_reopens(base: Path) -> None:
    with Ledger.open(base) as ledger:
        ledger.resolve(EVENT, COUNT, "100", "the HQ", "Rita", "r1")
        ledger.edit_report("r1", report(count=100, quote="reworded"), "Ada")
        assert status(base) == "resolved"
        ledger.edit_report("r1", report(count=90), "Ada")
    assert status(base) == "reopened"


def test_an_import_after_the_decision_that_contradicts_it_reopens(
    base: Path, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    _decided(base)
    header = (
        "report_id,event_id,event_type,event_date,category,from_party,to_party,count,source_name"
    )
    rows = {
        "agrees.csv": f"imp-1,{EVENT},exchange,2025-06-11,bodies,Russia,Ukraine,120,Agency A",
        "disagrees.csv": f"imp-2,{EVENT},exchange,2025-06-11,bodies,Russia,Ukraine,300,Agency B",
    }
    for name, row in rows.items():
        (tmp_path / name).write_bytes(f"{header}\r\n{row}\r\n".encode())
    clean(cli("import", base, tmp_path / "agrees.csv"))
    assert status(base) == "resolved"
    clean(cli("import", base, tmp_path / "disagrees.csv"))
    assert status(base) == "reopened"
    assert estimate(flow_row(cli, base, tmp_path / "out")) == (120, 120, 120)


def test_a_new_decision_closes_a_reopened_event(base: Path) -> None:
    _decided(base)
    with Ledger.open(base) as ledger:
        late, _ = ledger.add_report(report(source="Late Outlet", count=175), "Ada", event_id=EVENT)
        assert status(base) == "reopened"
        ledger.resolve(EVENT, COUNT, "175", "the late count is right", "Rita", late)
    assert status(base) == "resolved"


def test_withdrawing_a_decision_brings_back_the_conflict_and_keeps_the_decision(
    base: Path, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    decision = _decided(base)
    with Ledger.open(base) as ledger:
        ledger.withdraw_resolution(decision, "Walt")
        with pytest.raises(Invalid):
            ledger.withdraw_resolution(decision, "Walt")
    assert status(base) == "conflict"
    rows = query(base, "SELECT id, value, withdrawn_at, withdrawn_by FROM resolutions")
    assert len(rows) == 1
    assert rows[0][:2] == (decision, "120")
    assert rows[0][2] and rows[0][3] == "Walt"
    audit = query(
        base, "SELECT action, who FROM audit WHERE entity_id = ? ORDER BY id", (decision,)
    )
    assert audit == [("decide", "Rita"), ("withdraw", "Walt")]
    row = flow_row(cli, base, tmp_path / "out")
    assert estimate(row) == (100, 100, 150)
    assert (row["rationale"], row["resolved_by"], row["resolved_at"]) == ("", "", "")
    exported_rows = exported(cli, base, tmp_path / "out", "resolutions.csv")
    assert [(r["value"], r["state"]) for r in exported_rows] == [("120", "withdrawn")]


def test_withdrawing_the_latest_decision_puts_the_previous_one_back_in_force(base: Path) -> None:
    with Ledger.open(base) as ledger:
        ledger.resolve(EVENT, COUNT, "100", "first", "Rita", "r1")
        later, _ = ledger.resolve(EVENT, COUNT, "150", "second thoughts", "Rita", "r2")
        ledger.withdraw_resolution(later, "Rita")
    assert status(base) == "resolved"
    assert query(base, f"SELECT best, low, high FROM flow_state WHERE event_id = '{EVENT}'") == [
        (100, 100, 100)
    ]


def test_date_and_location_decisions(
    base: Path, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    with Ledger.open(base) as ledger:
        ledger.edit_report("r1", report(count=100, date="2025-06-11", location="Sumy"), "Ada")
        ledger.edit_report(
            "r2",
            report(
                source="Vladimir Medinsky",
                party="Russia",
                count=100,
                date="2025-06-13",
                location="Kursk",
            ),
            "Ada",
        )
    assert status(base) == "conflict"
    clean(cli("resolve", base, EVENT, "--date", "2025-06-12", "--rationale", "between"))
    assert status(base) == "conflict"  # the location is still open
    clean(cli("resolve", base, EVENT, "--location", "Sumy", "--report", "r1", "--rationale", "HQ"))
    assert status(base) == "resolved"
    row = flow_row(cli, base, tmp_path / "out")
    assert (row["date"], row["location"]) == ("2025-06-12", "Sumy")
    with Ledger.open(base) as ledger:
        ledger.add_report(
            report(source="A", count=100, date="2025-06", location=" sumy "), "Ada", event_id=EVENT
        )
    assert status(base) == "resolved"
    with Ledger.open(base) as ledger:
        ledger.add_report(report(source="B", count=100, date="2025-07-01"), "Ada", event_id=EVENT)
    assert status(base) == "reopened"


def test_merge_check_resolve_on_the_example_data(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """End to end: one researcher's import merged into an empty file checks clean."""
    theirs, mine = tmp_path / "theirs.db", tmp_path / "mine.db"
    clean(cli("import", theirs, EXAMPLE_CSV))
    Ledger.open(mine).close()
    clean(cli("merge", mine, theirs))
    assert clean(cli("check", mine)).code == 0
    assert query(mine, "SELECT COUNT(*) FROM reports") == query(
        theirs, "SELECT COUNT(*) FROM reports"
    )


@pytest.mark.slow
def test_a_merge_in_a_real_process_succeeds_without_a_traceback(
    base: Path,
    theirs_with_new_things: Path,
    cli_process: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    before = sha256(theirs_with_new_things)
    result = cli_process("merge", base, theirs_with_new_things, timeout=60)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    assert "Merged" in result.stdout
    assert sha256(theirs_with_new_things) == before
    assert status(base, "their-event") == "resolved"


def test_an_import_and_a_merge_return_what_they_changed_for_the_window(tmp_path: Path) -> None:
    from desktop_app.store.importer import apply_import, plan_import
    from desktop_app.store.ledger import Changes

    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    with Ledger.open(ours) as ledger:
        changes = apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "me"), "me")
        imported = {row[0] for row in ledger.conn.execute("SELECT id FROM events")}
        assert changes == Changes(frozenset(imported), sources=True, parties=True, everything=True)
        # the same file again adds nothing, and says so
        assert apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "me"), "me") == Changes()
    with Ledger.open(theirs) as other:
        other.add_report(report(source="Lubinets", count=90), "them", event_id=EVENT)
    with Ledger.open(ours) as ledger:
        merged = merge_file(ledger, theirs, "me")
        assert merged.changes == Changes(frozenset({EVENT}), sources=True, everything=True)
        assert merge_file(ledger, theirs, "me").changes == Changes()


def test_an_export_folder_import_returns_what_it_changed_for_the_window(
    tmp_path: Path,
) -> None:
    from desktop_app.store.exporter import export_all
    from desktop_app.store.importer import apply_import, plan_import
    from desktop_app.store.ledger import Changes
    from desktop_app.store.restore import import_folder

    source, folder, restored = tmp_path / "source.db", tmp_path / "out", tmp_path / "new.db"
    with Ledger.open(source) as ledger:
        apply_import(ledger, plan_import(ledger, EXAMPLE_CSV, "me"), "me")
        export_all(ledger, folder)
        events = frozenset(row[0] for row in ledger.conn.execute("SELECT id FROM events"))
    with Ledger.open(restored) as ledger:
        done = import_folder(ledger, folder, "me")
        assert done.changes == Changes(events, sources=True, parties=True, everything=True)
        assert import_folder(ledger, folder, "me").changes == Changes()  # nothing new
        assert import_folder(ledger, folder, "me", dry_run=True).changes == Changes()


@pytest.mark.parametrize("theirs_first", [True, False], ids=["theirs-older", "theirs-newer"])
def test_merged_date_decisions_of_different_precision_reopen(
    pair: tuple[Path, Path], cli: Callable[..., CliResult], theirs_first: bool
) -> None:
    """A reviewer who decided the month and one who decided the day did not decide the
    same, though the two periods overlap (as a report of the month agrees with one of the
    day): merged, the event stayed resolved and one decision replaced the other unseen."""
    mine, theirs = pair
    times = ["2025-07-01T00:00:00Z", "2025-07-02T00:00:00Z"]
    decided = {
        theirs: ("2025-06-11", times[not theirs_first]),
        mine: ("2025-06", times[theirs_first]),
    }
    for path, (value, when) in decided.items():
        with Ledger.open(path) as ledger:
            decision, _ = ledger.resolve(EVENT, FieldKey("date"), value, "why", "Rita")
        sql(path, "UPDATE resolutions SET resolved_at = ? WHERE id = ?", (when, decision))
    with Ledger.open(mine) as ledger:  # the derived state after the change of time
        repair(ledger, "test")
    clean(cli("merge", mine, theirs))
    assert status(mine) == "reopened"
    why = "    date: reopened: a merged decision differs from the one in force"
    assert why in clean(cli("conflicts", mine)).out.splitlines()


def test_resolve_says_the_value_as_it_was_stored(base: Path, cli: Callable[..., CliResult]) -> None:
    """It echoed " istanbul " with its spaces, though the decision stores it trimmed."""
    said = clean(cli("resolve", base, EVENT, "--location", "  Istanbul ", "--rationale", "r"))
    assert said.out.startswith(f"Decided location of event {EVENT}: Istanbul (decision ")


def test_resolve_names_the_flow_as_the_ledger_spells_its_parties(
    base: Path, cli: Callable[..., CliResult]
) -> None:
    """It echoed "pows russia → ukraine" as typed, though the decision names Russia and
    Ukraine, as the ledger spells them."""
    decide = ("--count", "russia", "UKRAINE", "bodies", "120", "--rationale", "r")
    said = clean(cli("resolve", base, EVENT, *decide))
    assert said.out.startswith(f"Decided bodies Russia → Ukraine of event {EVENT}: 120 "), said.out
