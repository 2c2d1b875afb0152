"""The records of the ledger as plain, immutable values (no Qt, no SQL)."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import NamedTuple

EVENT_TYPES = ("exchange", "agreement", "talks", "statement", "other")
CATEGORIES = ("bodies", "pows", "civilians", "other")
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
SOURCE_KINDS = ("official", "media", "ngo", "social_media", "footage", "other")

# Admiralty code: reliability of a source (A–F), credibility of one piece of information (1–6).
RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}
DEFAULT_RELIABILITY = "F"
DEFAULT_CREDIBILITY = 6
DEFAULT_KIND = "other"
DEFAULT_QUALIFIER = "exact"


def tidy(text: str) -> str:
    """Identifiers, names, parties, categories and locations are stored trimmed; inner
    spaces are kept as written (ids given in a file are kept as written)."""
    return text.strip()


# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters that
# show nothing, such as the zero-width space U+200B and the soft hyphen U+00AD.
DEFAULT_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The comparison key of a name, so that names that look the same are the same:
    default-ignorable characters removed, Unicode NFKC (`Ｒｕｓｓｉａ` is `Russia`), trimmed,
    inner spaces collapsed, case folded (and NFKC again, which folding can undo)."""
    folded = " ".join(unicodedata.normalize("NFKC", DEFAULT_IGNORABLE.sub("", text)).split())
    return unicodedata.normalize("NFKC", folded.casefold())


def location_key(text: str) -> str:
    """The form in which two locations are compared (PRODUCT.md: they "disagree when they
    differ after trimming and ignoring case"). Not `name_key`: the contract's statuses
    must come out of the contract's rule, so "New  York" and "new york" still disagree."""
    return text.strip().casefold()


_LETTERS = re.compile(r"[^\W\d_]+")


def mixed_script_letter(text: str) -> tuple[str, str] | None:
    """The first letter of a word that mixes Latin and Cyrillic letters (a Cyrillic `а`
    in `Russia`), with that word; None if every word keeps to one of the two."""
    plain = unicodedata.normalize("NFKC", DEFAULT_IGNORABLE.sub("", text))
    for word in _LETTERS.findall(plain):
        first_script = None
        for letter in word:
            script = _script(letter)
            if script is None:
                continue
            if first_script is None:
                first_script = script
            elif script != first_script:
                return letter, word
    return None


def _script(letter: str) -> str | None:
    name = unicodedata.name(letter, "")
    if name.startswith("LATIN "):
        return "Latin"
    if name.startswith("CYRILLIC "):
        return "Cyrillic"
    return None


# Joins a source's name key and party key. A name key never holds it (str.split takes
# it for a space), so the keys of one name's sources all begin with that name's key and it.
KEY_SEPARATOR = "\x1f"


def source_key(name: str, party: str | None) -> str:
    """A source is identified by its name and its party together."""
    return f"{name_key(name)}{KEY_SEPARATOR}{name_key(party or '')}"


# The values the rules handle by the hundred thousand are named tuples: built, hashed,
# compared and sorted in C, several times faster than dataclasses.


class FlowKey(NamedTuple):
    """What a flow is about: persons of a category handed from one party to another."""

    from_party: str
    to_party: str
    category: str

    def label(self) -> str:
        return f"{self.category} {self.from_party} → {self.to_party}"

    def reversed(self) -> FlowKey:
        """The same category handed the other way."""
        return FlowKey(self.to_party, self.from_party, self.category)

    def by_keys(self) -> tuple[str, str, str]:
        """The flow whatever the spelling of its parties ("russia" is the party Russia)."""
        return name_key(self.from_party), name_key(self.to_party), self.category


class Flow(NamedTuple):
    key: FlowKey
    count: int  # type: ignore[assignment]  # the number, not Sequence.count
    qualifier: str = DEFAULT_QUALIFIER


class FieldKey(NamedTuple):
    """A field of an event that reports can dispute and reviewers decide.

    `field` is "date", "location" or "count"; a count names its flow.
    """

    field: str
    flow: FlowKey | None = None

    @staticmethod
    def date() -> FieldKey:
        return FieldKey("date")

    @staticmethod
    def location() -> FieldKey:
        return FieldKey("location")

    @staticmethod
    def count(flow: FlowKey) -> FieldKey:  # type: ignore[override]  # not Sequence.count
        return FieldKey("count", flow)

    @staticmethod
    def direction(flow: FlowKey) -> FieldKey:
        """The possible-reversed-direction warning on a pair of flows (named by `flow`)."""
        return FieldKey("direction", flow)

    def label(self) -> str:
        if self.field == "direction" and self.flow:
            flow = self.flow
            return f"direction of {flow.category} between {flow.from_party} and {flow.to_party}"
        return self.flow.label() if self.flow else self.field


class Report(NamedTuple):
    """One source's account of one event, as the rules need it."""

    id: str
    claimed_date: str
    location: str = ""
    flows: tuple[Flow, ...] = ()
    seq: int = 0  # position in this file's write order (entry, edit, import, merge)

    def flow(self, key: FlowKey) -> Flow | None:
        return next((flow for flow in self.flows if flow.key == key), None)


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on one field. Values are text: a date, a location or a count."""

    id: str
    field: FieldKey
    value: str
    rationale: str
    resolved_by: str
    resolved_at: str
    report_id: str | None = None
    seq: int = 0
    withdrawn: bool = False
    merged: bool = False  # brought into this file by a merge
    operation_id: str | None = None  # the merge that brought it, if any


class Estimate(NamedTuple):
    """best / low / high of a flow (named after UCDP's estimates)."""

    best: int
    low: int
    high: int
    n_reports: int
    decision: Decision | None = None


@dataclass(frozen=True)
class Dispute:
    """A field on which an event's reports disagree: the value each stating report gives."""

    field: FieldKey
    values: dict[str, str] = dataclass_field(default_factory=dict)
