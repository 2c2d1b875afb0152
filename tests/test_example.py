"""The example data says only what its article says: every row traceable to a sentence of
`resources/example/istanbul-article.txt`, quoted exactly (curly quotes as printed)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from conftest import EXAMPLE_CSV

ARTICLE_PATH = EXAMPLE_CSV.parent / "istanbul-article.txt"
ARTICLE = ARTICLE_PATH.read_text(encoding="utf-8")
# A source the article does not name is the article itself, an outlet.
ARTICLE_SOURCE = f"Article: {ARTICLE.splitlines()[0]}"
ORDINAL = {1: "st", 2: "nd", 3: "rd", 11: "th", 12: "th", 13: "th"}


def example_rows(path: Path = EXAMPLE_CSV) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


ROWS = example_rows()


def row_id(row: dict[str, str]) -> str:
    return f"{row['event_id']}:{row['source_name'][:20]}:{row['from_party']}"


def day_in_force(quote: str) -> str | None:
    """The last day of June the article names before the quote ends: the day its
    narrative is at ("the confirmation came from…" follows "On June 13th…")."""
    end = ARTICLE.index(quote) + len(quote)
    days = re.findall(r"June \d+(?:st|nd|rd|th)", ARTICLE[:end])
    return days[-1] if days else None


def day_in_words(day: int) -> str:
    return f"June {day}{ORDINAL.get(day if day in ORDINAL else day % 10, 'th')}"


@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_every_quote_is_the_article_word_for_word(row: dict[str, str]) -> None:
    assert row["quote"].strip() and row["quote"] in ARTICLE


@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_every_count_is_a_figure_of_its_own_quote(row: dict[str, str]) -> None:
    if row["count"]:
        assert f"{int(row['count']):,}" in row["quote"]


@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_a_named_source_is_named_in_its_quote_and_the_rest_is_the_article(
    row: dict[str, str],
) -> None:
    if row["source_kind"] == "official":
        surname = row["source_name"].split()[-1]
        assert surname in row["quote"]
    elif row["source_kind"] == "footage":
        assert "video" in row["quote"] and "footage" in row["quote"]
    else:
        assert row["source_name"] == ARTICLE_SOURCE


@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_dates_have_the_precision_the_article_gives(row: dict[str, str]) -> None:
    """A day only where the article's narrative is at that day of June when the quote
    ends; "earlier that week" is a month. The year is the one outside fact: the article
    gives none, and the example records 2025 (README, "The example")."""
    claimed = row["event_date"]
    assert claimed.startswith("2025-06")
    if len(claimed) == len("2025-06-11"):
        assert day_in_force(row["quote"]) == day_in_words(int(claimed[-2:]))
    else:
        assert not re.search(r"June \d", row["quote"])


def test_the_example_states_exactly_the_article_figures() -> None:
    """No invented claim: the flows are the agreement's targets, Medinsky's two counts and
    the 13 June sentence read literally (1,200 remains to Russia), nothing else."""
    flows = sorted(
        (r["event_id"], r["from_party"], r["to_party"], int(r["count"]), r["source_name"])
        for r in ROWS
        if r["count"]
    )
    assert flows == [
        ("bodies-2025-06-11", "Russia", "Ukraine", 1212, "Vladimir Medinsky"),
        ("bodies-2025-06-11", "Ukraine", "Russia", 27, "Vladimir Medinsky"),
        ("bodies-2025-06-13", "Ukraine", "Russia", 1200, ARTICLE_SOURCE),
        ("istanbul-2025-06-02-agreement", "Russia", "Ukraine", 6000, ARTICLE_SOURCE),
        ("istanbul-2025-06-02-agreement", "Ukraine", "Russia", 6000, ARTICLE_SOURCE),
    ]
    saraliyev = [r for r in ROWS if r["source_name"] == "Shamsail Saraliyev"]
    assert [(r["category"], r["count"]) for r in saraliyev] == [("", "")]  # no figure


def test_the_demo_balance_is_the_article_read_literally(cli, tmp_path: Path) -> None:  # noqa: ANN001
    db = tmp_path / "example.db"
    assert cli("import", db, EXAMPLE_CSV).code == 0
    lines = cli("balance", db, "--csv").out.splitlines()[1:]
    assert lines == [
        "2025-06-11,bodies,Russia,27,27,27,1212,1212,1212",
        "2025-06-11,bodies,Ukraine,1212,1212,1212,27,27,27",
        "2025-06-13,bodies,Russia,1227,1227,1227,1212,1212,1212",
        "2025-06-13,bodies,Ukraine,1212,1212,1212,1227,1227,1227",
    ]
