"""Counted nouns as a person writes them: "1 report", "2 reports", "1,212 events"."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"
