"""A deterministic `reports.csv` at benchmark scale, and the decisions made on it afterwards.

At scale 1.0: 100,000 events (95% exchanges, 200 agreements, the rest talks, statements
and other), 300,000 reports (20,000 events each with 1, 2, 3, 4 and 5 reports), about
400,000 flows and rows, 5,000 sources; 10,500 exchange events whose reports
disagree (on a count, a date or a location). After the import, `decide_and_reopen`
records decisions on 2,500 of them and adds a contradicting report to 500 of those, so
that the file ends with 8,000 events in `conflict`, 2,000 `resolved` and 500 `reopened`.

Everything comes from one `random.Random(seed)`: the same scale and seed give the same
bytes. Rows are written in the reports.csv format of PRODUCT.md (the import format).
"""

from __future__ import annotations

import csv
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from desktop_app.store.csvio import escape_cell
from desktop_app.store.importer import REPORT_COLUMNS

# What a researcher's file holds: no updated_at and seq, which only an export writes.
GENERATED_COLUMNS = REPORT_COLUMNS[: REPORT_COLUMNS.index("recorded_at") + 1]

# Bump when the generated data changes: cached files under benchmarks/out/ are keyed by it.
GENERATOR_VERSION = 2
DEFAULT_SEED = 20250611

EVENTS = 100_000
SOURCES = 5_000
CONFLICTS = 10_500  # events whose reports disagree, before any decision
RESOLVED = 2_500  # of those, decided after the import…
REOPENED = 500  # …and of those, contradicted again by a later report
EXCHANGE_SHARE = 0.95  # of events; their reports carry 1 or 2 flows
AGREEMENT_SHARE = 0.002  # 200 agreements at scale 1.0, two targets each (drawn as lines)
# The rest are talks, statements and other events, whose reports carry no flows.

PARTIES = ("Russia", "Ukraine")
FIRST_DAY = date(2022, 2, 24)
LAST_DAY = date(2025, 6, 30)
KINDS = ("official", "media", "ngo", "social_media", "footage", "other")
KIND_WEIGHTS = (30, 35, 10, 15, 5, 5)
RELIABILITIES = "ABCDEF"
RECORDERS = ("Olena K.", "Dmitri S.", "Anna M.", "Jonas W.", "Mariam T.")
PLACES = (
    "Istanbul",
    "Sumy region",
    "Belarus–Ukraine border",
    "Chernihiv region",
    "Kharkiv region",
    "Zaporizhzhia",
    "Kherson",
    "Donetsk",
    "Luhansk",
    "Crimea",
    "Bryansk region",
    "Kursk region",
    "Belgorod region",
    "Odesa",
    "Mykolaiv",
)
SPEAKER_WORDS = (
    "Ministry",
    "Headquarters",
    "Ombudsman",
    "Commissioner",
    "Agency",
    "Channel",
    "Observer",
    "Monitor",
    "Bureau",
    "Council",
    "Gazette",
    "Radio",
    "Telegraph",
    "Courier",
)
QUOTE_OPENINGS = (
    "According to {source}, {count} {category} were handed over.",
    'The statement reads: "{count} {category} returned home", with a photo.',
    "{source} confirmed the exchange, adding that more will follow.",
    "Видео обмена: {count} {category}, по словам {source}.",
    "Повернули {count}, повідомляє {source}.\nFootage attached.",
    "-{count} according to the daily table of {source}",  # written as '-… in the file
    "=Breaking: {count} {category}",  # a formula start, escaped with '
)


@dataclass
class Source:
    name: str
    kind: str
    party: str
    reliability: str


@dataclass
class EventPlan:
    event_id: str
    event_type: str
    day: date
    n_reports: int
    flows: list[tuple[str, str, str, int]]  # from, to, category, count
    location: str
    dispute: str = ""  # "", "count", "date" or "location"


@dataclass
class Generated:
    """What was written, as counted while writing."""

    events: int = 0
    reports: int = 0
    flows: int = 0
    rows: int = 0
    sources: int = 0
    conflicts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "events": self.events,
            "reports": self.reports,
            "flows": self.flows,
            "rows": self.rows,
            "sources": self.sources,
            "conflicts": self.conflicts,
        }


def scaled(number: int, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(number * scale))


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _sources(rng: random.Random, count: int) -> list[Source]:
    sources = []
    for index in range(count):
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
        party = rng.choice(("Russia", "Ukraine", "Russia", "Ukraine", ""))
        first, second = rng.sample(SPEAKER_WORDS, 2)
        name = f"{first} {second} {index:05d}"
        sources.append(Source(name, kind, party, rng.choice(RELIABILITIES)))
    return sources


def _count(rng: random.Random, category: str) -> int:
    scale = {"pows": 300, "bodies": 500, "civilians": 40}[category]
    return max(1, int(rng.expovariate(1 / scale)))


def _events(rng: random.Random, n_events: int, n_conflicts: int) -> list[EventPlan]:
    per_event = [1 + index % 5 for index in range(n_events)]  # 1–5 reports, mean 3
    rng.shuffle(per_event)
    span = (LAST_DAY - FIRST_DAY).days
    events = []
    for n_reports in per_event:
        roll = rng.random()
        event_type = (
            "exchange"
            if roll < EXCHANGE_SHARE
            else "agreement"
            if roll < EXCHANGE_SHARE + AGREEMENT_SHARE
            else rng.choice(("talks", "statement", "other"))
        )
        flows: list[tuple[str, str, str, int]] = []
        if event_type == "exchange":
            category = rng.choices(("pows", "bodies", "civilians"), (60, 30, 10))[0]
            first, second = rng.sample(PARTIES, 2)
            flows.append((first, second, category, _count(rng, category)))
            if rng.random() < 0.5:
                flows.append((second, first, category, _count(rng, category)))
        elif event_type == "agreement":
            category = rng.choice(("pows", "bodies"))
            target = rng.choice((500, 1000, 1200, 6000))
            flows = [(a, b, category, target) for a, b in (PARTIES, PARTIES[::-1])]
        day = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
        location = rng.choice(PLACES)
        events.append(EventPlan(_uuid(rng), event_type, day, n_reports, flows, location))
    candidates = [e for e in events if e.event_type == "exchange" and e.n_reports >= 2]
    for event in rng.sample(candidates, min(n_conflicts, len(candidates))):
        event.dispute = rng.choices(("count", "date", "location"), (80, 10, 10))[0]
    # Write order: by day, as a team would have entered them.
    events.sort(key=lambda event: (event.day, event.event_id))
    return events


def _claimed_date(rng: random.Random, day: date, exact: bool) -> str:
    if exact:
        return day.isoformat()
    roll = rng.random()
    if roll < 0.85:
        return day.isoformat()
    if roll < 0.95:
        return day.strftime("%Y-%m")
    return str(day.year)


def _quote(rng: random.Random, source: Source, flows: list[tuple[str, str, str, int]]) -> str:
    if not flows:
        return f"Talks go on, said {source.name}; no numbers were given."
    category, count = flows[0][2], flows[0][3]
    template = rng.choice(QUOTE_OPENINGS) if rng.random() < 0.7 else QUOTE_OPENINGS[0]
    return template.format(source=source.name, count=count, category=category)


def generate(path: Path, scale: float = 1.0, seed: int = DEFAULT_SEED) -> Generated:
    """Write the reports.csv of this scale and seed to `path`; returns what it holds."""
    rng = random.Random(seed)
    n_events = scaled(EVENTS, scale, 5)
    sources = _sources(rng, scaled(SOURCES, scale, 10))
    events = _events(rng, n_events, scaled(CONFLICTS, scale))
    done = Generated(events=len(events), sources=len(sources))
    for event in events:
        if event.dispute:
            done.conflicts[event.dispute] = done.conflicts.get(event.dispute, 0) + 1
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    next_source = 0  # the first len(sources) reports use every source once
    with temporary.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\r\n")
        out.writerow(GENERATED_COLUMNS)
        for event in events:
            for index in range(event.n_reports):
                if next_source < len(sources):
                    source = sources[next_source]
                    next_source += 1
                else:
                    source = rng.choice(sources)
                last = index == event.n_reports - 1 and index > 0
                rows = _report_rows(rng, event, source, first=index == 0, last=last)
                done.reports += 1
                done.rows += len(rows)
                done.flows += sum(1 for row in rows if row[5])
                out.writerows([escape_cell(cell) for cell in row] for row in rows)
    temporary.replace(path)
    return done


def _report_rows(
    rng: random.Random, event: EventPlan, source: Source, *, first: bool, last: bool
) -> list[list[object]]:
    """The rows of one report: one per flow, or one with empty flow cells."""
    flows = list(event.flows)
    if len(flows) > 1 and not first and rng.random() < 0.3:
        flows = flows[:1]  # silent on the second direction: no conflict
    day, location = event.day, event.location if rng.random() < 0.6 else ""
    if event.dispute and last:
        if event.dispute == "count":
            a, b, category, count = flows[0]
            flows[0] = (a, b, category, count + rng.randint(1, 50))
        elif event.dispute == "date":
            day = day + timedelta(days=rng.randint(2, 5))
        else:
            location = rng.choice([place for place in PLACES if place != event.location])
    if event.dispute == "location" and first:
        location = event.location  # the first report states the place the last disputes
    claimed = _claimed_date(rng, day, exact=first or (event.dispute == "date" and last))
    published = min(day + timedelta(days=rng.randint(0, 3)), LAST_DAY + timedelta(days=10))
    recorded = date(2025, 7, 1) + timedelta(days=rng.randrange(120))
    report = [
        _uuid(rng),
        event.event_id,
        event.event_type,
        claimed,
        location,
    ]
    tail = [
        source.name,
        source.kind,
        source.party,
        f"https://news.example.org/{day.year}/{rng.getrandbits(40):x}",
        published.isoformat() if rng.random() < 0.8 else "",
        source.reliability,
        str(rng.randint(1, 6)),
        _quote(rng, source, flows),
        rng.choice(RECORDERS),
        f"{recorded.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z",
    ]
    if not flows:
        return [[*report, "", "", "", "", "", *tail]]
    qualifier = "approx" if rng.random() < 0.1 else "exact"
    return [[*report, c, a, b, str(n), qualifier, *tail] for a, b, c, n in flows]
