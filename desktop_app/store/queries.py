"""Reads over the derived state: the balance, the conflict queue, decisions in force."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..domain.balance import BalanceRow, ExchangedFlow, cumulative_balance
from .ledger import Ledger

OPEN_STATUSES = ("conflict", "reopened")


def exchanged_flows(ledger: Ledger, category: str | None = None) -> Iterator[ExchangedFlow]:
    """The flows of exchange events, summed per day and direction (kept by each write)."""
    sql = "SELECT chart_day, category, from_party, to_party, best, low, high FROM exchange_days" + (
        " WHERE category = ?" if category else ""
    )
    for row in ledger.conn.execute(sql, (category,) if category else ()):
        yield ExchangedFlow(*row)


def balance(ledger: Ledger, category: str | None = None) -> list[BalanceRow]:
    return cumulative_balance(exchanged_flows(ledger, category))


def conflicts(ledger: Ledger) -> list[dict]:
    """Events in conflict or reopened, with every field their reports disagree on."""
    rows = ledger.conn.execute(
        "SELECT event_id, status, date, disputes, reopened FROM event_state"
        " WHERE status IN ('conflict', 'reopened')"
        " ORDER BY chart_day, first_seq"
    )
    return [
        {
            "event_id": event_id,
            "status": status,
            "date": date,
            "disputes": json.loads(disputes),
            "reopened": json.loads(reopened),
        }
        for event_id, status, date, disputes, reopened in rows
    ]


def decisions_in_force(ledger: Ledger) -> list[dict]:
    """The decision in force on each decided field: the latest not withdrawn."""
    return list(
        ledger.db.query(
            """
            SELECT * FROM (
                SELECT r.*, ROW_NUMBER() OVER (
                    PARTITION BY event_id, field, from_party, to_party, category
                    ORDER BY resolved_at DESC, seq DESC
                ) AS rank
                FROM resolutions r
                WHERE withdrawn_at IS NULL AND field IN ('date', 'location', 'count')
            ) WHERE rank = 1
            ORDER BY resolved_at, seq
            """
        )
    )


def status_counts(ledger: Ledger) -> dict[str, int]:
    return dict(ledger.conn.execute("SELECT status, COUNT(*) FROM event_state GROUP BY status"))
