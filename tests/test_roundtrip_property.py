"""Property tests: any valid reports.csv survives import → export → import → export
unchanged, and the balance adds up the flows it is made of (PRODUCT.md, "CSV formats")."""

from __future__ import annotations

import csv
import tempfile
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

from conftest import REPORTS_HEADER, CliResult, codebook, write_csv
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

Cli = Callable[..., CliResult]

HEADER = REPORTS_HEADER
EXPORTED = ("reports.csv", "events.csv", "sources.csv", "balance.csv", "resolutions.csv")
EVENT_TYPES = ["exchange", "agreement", "talks", "statement", "other"]
CATEGORIES = ["bodies", "pows", "civilians", "other"]
QUALIFIERS = ["", "exact", "approx", "at_least", "at_most"]
KINDS = ["", "official", "media", "ngo", "social_media", "footage", "other"]
RELIABILITY = ["", "A", "B", "C", "D", "E", "F", "c", " f "]
# A small pool of parties; each is written in several spellings of the same key.
PARTIES = [
    ["Russia", "russia", " RUSSIA "],
    ["Ukraine", "ukraine", "Ukraine  "],
    ["Україна", "УКРАЇНА", " україна"],
    ["Türkiye", "TÜRKIYE", "Tu\u0308rkiye"],
    ["-Belarus", "'-Belarus", "-belarus"],
]
SOURCES = [
    "Vladimir Medinsky",
    "Дмитро Лубінець",
    "=Agency",
    "'=Agency",
    "@osint_watch",
    "-dash news",
    "'quoted outlet",
    "Ministry  of Defence",
]
LOCATIONS = ["", "Istanbul", " istanbul ", "Київ", "-Front", "'=Loc", "Sumy\nregion"]
QUOTE_STARTS = ["", "=", "-", "+", "@", "'", "''", "'=", "\t", "\r", " ", "\n"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")

quote_text = st.lists(
    st.one_of(
        st.sampled_from([",", '"', "\n", "\r\n", "\r", "'", " ", "=", "Ї", "😀", "\u00e9"]),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    ),
    max_size=30,
).map("".join)
past_day = st.dates(min_value=date(1990, 1, 1), max_value=date.today())


def stored(cell: str, *, free_text: bool = False) -> str:
    """What import makes of a cell (PRODUCT.md): one escape removed, names trimmed."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_STARTS:
        cell = cell[1:]
    return cell if free_text else " ".join(cell.split())


@st.composite
def claimed_dates(draw: st.DrawFn) -> str:
    day = draw(past_day)
    return draw(st.sampled_from([day.isoformat(), day.strftime("%Y-%m"), str(day.year)]))


@st.composite
def reports_files(draw: st.DrawFn) -> list[list[str]]:
    """The rows of a valid reports.csv: random events, reports and flows."""
    rows: list[list[str]] = []
    blank_keys: set[tuple[str, str, str, str]] = set()
    n_reports = 0
    prefixes = ["ev-", "Обмін ", "=evt", "'-x", "  spaced  "]
    for event_index in range(draw(st.integers(1, 5))):
        event_id = draw(st.sampled_from(prefixes)) + str(event_index)
        event_type = draw(st.sampled_from(EVENT_TYPES))
        for _ in range(draw(st.integers(1, 3))):
            n_reports += 1
            source = draw(st.sampled_from(SOURCES))
            source_party = draw(
                st.one_of(st.just(""), st.sampled_from(PARTIES).map(lambda p: p[0]))
            )
            event_date = draw(claimed_dates())
            quote = draw(st.sampled_from(QUOTE_STARTS)) + draw(quote_text)
            key = (
                stored(event_id),
                stored(source),
                stored(event_date),
                stored(quote, free_text=True),
            )
            report_id = ""
            if draw(st.booleans()) or key in blank_keys:
                report_id = draw(st.sampled_from(["R", " r-", "'=R", "Звіт "])) + str(n_reports)
            else:
                blank_keys.add(key)
            published = draw(st.one_of(st.just(""), past_day.map(date.isoformat)))
            level = {
                "report_id": report_id,
                "event_id": event_id,
                "event_type": event_type,
                "event_date": event_date,
                "location": draw(st.sampled_from(LOCATIONS)),
                "source_name": source,
                "source_party": source_party,
                "source_url": draw(st.sampled_from(["", "https://example.org/a?b=1,2"])),
                "published": published,
                "credibility": draw(st.sampled_from(["", "1", "2", "3", "4", "5", "6"])),
                "quote": quote,
                "recorded_by": draw(st.sampled_from(["", "researcher", "=admin", "Олена"])),
                "recorded_at": draw(
                    st.sampled_from(["", "2025-06-20T09:00:00Z", "2001-01-01T00:00:59Z"])
                ),
            }
            flows = draw(
                st.lists(
                    st.tuples(
                        st.integers(0, len(PARTIES) - 1),
                        st.integers(0, len(PARTIES) - 1),
                        st.sampled_from(CATEGORIES),
                    ).filter(lambda flow: flow[0] != flow[1]),
                    max_size=3,
                    unique=True,
                )
            )
            flow_cells: list[dict[str, str]] = []
            for from_index, to_index, category in flows:
                flow_cells.append(
                    {
                        "category": draw(st.sampled_from([category, f" {category} "])),
                        "from_party": draw(st.sampled_from(PARTIES[from_index])),
                        "to_party": draw(st.sampled_from(PARTIES[to_index])),
                        "count": str(draw(st.integers(0, 2_000_000))),
                        "count_qualifier": draw(st.sampled_from(QUALIFIERS)),
                    }
                )
            if not flow_cells:
                flow_cells.append(dict.fromkeys(HEADER[5:10], ""))
            for flow in flow_cells:
                values = {
                    **level,
                    **flow,
                    "source_kind": draw(st.sampled_from(KINDS)),
                    "reliability": draw(st.sampled_from(RELIABILITY)),
                }
                rows.append([values.get(column, "") for column in HEADER])
    return rows


def run_ok(cli: Cli, *args: object) -> CliResult:
    result = cli(*args)
    assert result.code == 0, (args, result.err)
    assert "Traceback" not in result.err
    return result


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=reports_files())
def test_export_import_export_is_byte_identical(cli: Cli, rows: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        source = write_csv(work / "reports.csv", HEADER, rows)
        first, second = work / "first.db", work / "second.db"
        result = run_ok(cli, "import", first, source)
        # Importing the same file again adds nothing.
        again = run_ok(cli, "import", first, source)
        assert "added 0 events, 0 reports, 0 flows, 0 sources and 0 parties" in again.out
        run_ok(cli, "export", first, work / "out1")
        exported = work / "out1" / "reports.csv"
        assert len(read_csv(exported)) == len(rows), result.out
        # The exported file is itself an import file, identical to what the ledger holds.
        same = run_ok(cli, "import", first, exported)
        assert "added 0 events, 0 reports" in same.out
        run_ok(cli, "import", second, exported)
        run_ok(cli, "export", second, work / "out2")
        for name in EXPORTED:
            one = (work / "out1" / name).read_bytes()
            two = (work / "out2" / name).read_bytes()
            assert one == two, name
        assert codebook(work / "out1") == codebook(work / "out2")


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=reports_files())
def test_final_balance_equals_the_sum_of_exchange_flows(cli: Cli, rows: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        db = work / "ledger.db"
        run_ok(cli, "import", db, write_csv(work / "reports.csv", HEADER, rows))
        run_ok(cli, "export", db, work / "out")
        expected: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 6)
        for row in read_csv(work / "out" / "events.csv"):
            if row["event_type"] != "exchange" or not row["category"]:
                continue
            estimate = [int(row["best"]), int(row["low"]), int(row["high"])]
            assert estimate[1] <= estimate[0] <= estimate[2]
            for index, value in enumerate(estimate):
                expected[(row["category"], row["to_party"])][index] += value
                expected[(row["category"], row["from_party"])][3 + index] += value
        final: dict[tuple[str, str], list[int]] = {}
        previous: tuple[str, str, str] | None = None
        for row in read_csv(work / "out" / "balance.csv"):
            key = (row["date"], row["category"], row["party"])
            assert previous is None or previous < key, "balance.csv is sorted, without repeats"
            previous = key
            totals = [int(row[column]) for column in HEADER_BALANCE_NUMBERS]
            earlier = final.get((row["category"], row["party"]))
            if earlier is not None:  # cumulative: never decreasing
                assert all(now >= before for now, before in zip(totals, earlier, strict=True))
            final[(row["category"], row["party"])] = totals
        assert final == dict(expected)
        printed = run_ok(cli, "balance", db, "--csv")
        assert printed.out.encode("utf-8") == (work / "out" / "balance.csv").read_bytes()


HEADER_BALANCE_NUMBERS = [
    "received_best",
    "received_low",
    "received_high",
    "sent_best",
    "sent_low",
    "sent_high",
]
