"""Field validation: every value a person or a file gives, refused with a reason in words."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import validation
from desktop_app.domain.naming import counted
from desktop_app.domain.records import (
    CATEGORIES,
    EVENT_TYPES,
    QUALIFIERS,
    SOURCE_KINDS,
    name_key,
    source_key,
    tidy,
)
from desktop_app.domain.validation import MAX_COUNT, FieldProblem, Invalid

TODAY = date(2025, 6, 15)

# --- counts: plain non-negative integers -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0", 0), ("27", 27), ("1212", 1212), (" 1200 ", 1200), ("6000", 6000), ("007", 7)],
)
def test_plain_non_negative_integers_are_counts(text: str, expected: int) -> None:
    assert validation.count(text) == expected


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1,212", "1,212"),
        ("1 212", "1 212"),
        ("1.212", "1.212"),
        ("-1", "-1"),
        ("+5", "+5"),
        ("1.5", "1.5"),
        ("1e3", "1e3"),
        ("about 1200", "about 1200"),
        ("~1200", "~1200"),
        ("1200+", "1200+"),
        ("twelve", "twelve"),
        ("٣", "٣"),  # an Arabic-Indic digit is not a plain integer
        ("１２", "１２"),  # nor is a fullwidth one
    ],
)
def test_counts_that_are_not_plain_integers_are_refused_naming_the_value(
    text: str, shown: str
) -> None:
    with pytest.raises(Invalid) as error:
        validation.count(text)
    message = str(error.value)
    assert shown in message
    assert "non-negative whole number" in message


@pytest.mark.parametrize("text", ["", " ", "\t", "   \n"])
def test_an_empty_count_is_refused_as_required(text: str) -> None:
    with pytest.raises(Invalid, match="count is required"):
        validation.count(text)


def test_a_count_beyond_any_plausible_number_is_refused() -> None:
    assert validation.count(str(MAX_COUNT)) == MAX_COUNT
    with pytest.raises(Invalid, match="plausible"):
        validation.count(str(MAX_COUNT + 1))


@given(st.integers(min_value=0, max_value=MAX_COUNT))
@settings(max_examples=200)
def test_every_plain_integer_round_trips(number: int) -> None:
    assert validation.count(str(number)) == number
    assert validation.count(f"  {number} ") == number


@given(st.integers(min_value=1000, max_value=MAX_COUNT))
@settings(max_examples=100)
def test_thousands_separators_are_always_refused(number: int) -> None:
    with pytest.raises(Invalid):
        validation.count(f"{number:,}")


@given(st.integers(min_value=1, max_value=MAX_COUNT))
@settings(max_examples=100)
def test_negative_counts_are_always_refused(number: int) -> None:
    with pytest.raises(Invalid):
        validation.count(str(-number))


# --- claimed dates: real, not in the future ----------------------------------------------


@pytest.mark.parametrize("text", ["2025-06-11", "2025-06", "2025", "2024-02-29", " 2025-06-11 "])
def test_real_past_dates_are_accepted_and_trimmed(text: str) -> None:
    assert validation.claimed_date(text, TODAY) == text.strip()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2025-02-30", "not a real date"),
        ("2023-02-29", "not a real date"),
        ("2025-13", "month 13"),
        ("2025-00-10", "month 0"),
        ("2025-6-11", "YYYY-MM-DD"),
        ("11/06/2025", "YYYY-MM-DD"),
        ("June 11th", "YYYY-MM-DD"),
    ],
)
def test_dates_that_are_not_real_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(Invalid) as error:
        validation.claimed_date(text, TODAY)
    assert reason in str(error.value)
    assert text in str(error.value)


@pytest.mark.parametrize("text", ["2025-06-16", "2025-07", "2025-12-31", "2026", "2099-01-01"])
def test_future_dates_are_refused(text: str) -> None:
    with pytest.raises(Invalid, match="future"):
        validation.claimed_date(text, TODAY)


def test_todays_date_and_the_current_month_and_year_are_fine() -> None:
    assert validation.claimed_date("2025-06-15", TODAY) == "2025-06-15"
    assert validation.claimed_date("2025-06", TODAY) == "2025-06"
    assert validation.claimed_date("2025", TODAY) == "2025"


def test_the_real_today_is_used_when_none_is_given() -> None:
    today = date.today().isoformat()
    assert validation.claimed_date(today) == today
    later = (date.today() + timedelta(days=2)).isoformat()
    with pytest.raises(Invalid, match="future"):
        validation.claimed_date(later)
    a_later_month = (date.today().replace(day=1) + timedelta(days=62)).isoformat()[:7]
    with pytest.raises(Invalid, match="future"):
        validation.claimed_date(a_later_month)


@pytest.mark.parametrize("text", ["", "   "])
def test_a_claimed_date_is_required(text: str) -> None:
    with pytest.raises(Invalid, match="date is required"):
        validation.claimed_date(text, TODAY)


@pytest.mark.parametrize("text", ["２０２５-０６-１１", "٢٠٢٥"])
def test_a_claimed_date_in_non_ascii_digits_is_refused(text: str) -> None:
    """PRODUCT.md: dates are `YYYY-MM-DD` / `YYYY-MM` / `YYYY` and leave as ISO dates."""
    with pytest.raises(Invalid):
        validation.claimed_date(text, TODAY)


def test_an_optional_date_may_be_empty_but_not_wrong() -> None:
    assert validation.optional_date("", TODAY) == ""
    assert validation.optional_date("  ", TODAY) == ""
    assert validation.optional_date(" 2025-06-12 ", TODAY) == "2025-06-12"
    with pytest.raises(Invalid, match="month 13"):
        validation.optional_date("2025-13", TODAY)
    with pytest.raises(Invalid, match="future"):
        validation.optional_date("2025-06-16", TODAY)


# --- timestamps --------------------------------------------------------------------------


def test_a_utc_timestamp_is_accepted_and_trimmed() -> None:
    assert validation.timestamp(" 2025-06-11T10:00:00Z ") == "2025-06-11T10:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2025-06-11",
        "2025-06-11T10:00:00",
        "2025-06-11 10:00:00Z",
        "2025-06-11T10:00:00+02:00",
        "2025-02-30T10:00:00Z",
        "2025-06-11T25:00:00Z",
    ],
)
def test_other_timestamps_are_refused_naming_the_format(text: str) -> None:
    with pytest.raises(Invalid, match="UTC time|real time"):
        validation.timestamp(text)


# --- parties and names -------------------------------------------------------------------


def test_a_flow_goes_between_two_parties_trimmed() -> None:
    assert validation.parties(" Ukraine ", "Russia") == ("Ukraine", "Russia")


@pytest.mark.parametrize(
    ("from_text", "to_text"),
    [
        ("Russia", "Russia"),
        ("Russia", " russia "),
        ("UKRAINE", "ukraine"),
        (" Ukraine\t", "UKRAINE"),
    ],
)
def test_from_and_to_must_differ(from_text: str, to_text: str) -> None:
    with pytest.raises(Invalid, match="between two parties"):
        validation.parties(from_text, to_text)


def test_from_and_to_are_required_and_named_in_the_message() -> None:
    with pytest.raises(Invalid, match="from party is required"):
        validation.parties(" ", "Russia")
    with pytest.raises(Invalid, match="to party is required"):
        validation.parties("Russia", "")


def test_a_required_name_is_trimmed() -> None:
    """PRODUCT.md: names, parties, locations are trimmed (compared, not stored, by name key)."""
    assert validation.required_name("  Vladimir Medinsky \t", "source") == "Vladimir Medinsky"


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_a_required_name_must_not_be_blank(text: str) -> None:
    with pytest.raises(Invalid, match="source name is required"):
        validation.required_name(text, "source name")


def test_a_party_is_required_and_an_optional_party_may_be_blank() -> None:
    assert validation.party(" Russia ") == "Russia"
    with pytest.raises(Invalid, match="party is required"):
        validation.party(" ")
    assert validation.optional_party("") is None
    assert validation.optional_party("   ") is None
    assert validation.optional_party(" Ukraine ") == "Ukraine"


def test_a_location_is_trimmed_and_may_be_empty() -> None:
    assert validation.location("  Istanbul, Türkiye\n") == "Istanbul, Türkiye"
    assert validation.location("") == ""
    assert validation.location("   ") == ""


# --- enumerations ------------------------------------------------------------------------


@pytest.mark.parametrize("value", EVENT_TYPES)
def test_each_event_type_is_accepted(value: str) -> None:
    assert validation.event_type(f" {value} ") == value


def test_event_types_are_exactly_the_five_of_the_brief() -> None:
    assert set(EVENT_TYPES) == {"exchange", "agreement", "talks", "statement", "other"}


@pytest.mark.parametrize("text", ["", "swap", "exchanges", "prisoner exchange"])
def test_another_event_type_is_refused_listing_the_allowed_ones(text: str) -> None:
    with pytest.raises(Invalid) as error:
        validation.event_type(text)
    message = str(error.value)
    assert "event type" in message
    assert all(value in message for value in EVENT_TYPES)


def test_categories_are_the_four_of_the_brief() -> None:
    assert set(CATEGORIES) == {"bodies", "pows", "civilians", "other"}
    for value in CATEGORIES:
        assert validation.category(value) == value
    with pytest.raises(Invalid, match="category is 'remains'"):
        validation.category("remains")
    with pytest.raises(Invalid, match="category is empty"):
        validation.category("")


def test_qualifiers_default_to_exact() -> None:
    assert set(QUALIFIERS) == {"exact", "approx", "at_least", "at_most"}
    for value in QUALIFIERS:
        assert validation.qualifier(value) == value
    assert validation.qualifier("") == "exact"
    assert validation.qualifier("  ") == "exact"
    with pytest.raises(Invalid, match="count qualifier is 'about'"):
        validation.qualifier("about")


def test_source_kinds_default_to_other() -> None:
    assert set(SOURCE_KINDS) == {"official", "media", "ngo", "social_media", "footage", "other"}
    for value in SOURCE_KINDS:
        assert validation.source_kind(value) == value
    assert validation.source_kind("") == "other"
    with pytest.raises(Invalid, match="source kind is 'blog'"):
        validation.source_kind("blog")


# --- Admiralty grades --------------------------------------------------------------------


@pytest.mark.parametrize("grade", list("ABCDEF"))
def test_reliability_is_a_letter_from_a_to_f(grade: str) -> None:
    assert validation.reliability(grade) == grade
    assert validation.reliability(f" {grade.lower()} ") == grade


def test_reliability_defaults_to_f_cannot_be_judged() -> None:
    assert validation.reliability("") == "F"
    assert validation.reliability("  ") == "F"


@pytest.mark.parametrize("text", ["G", "AB", "1", "A+", "Z"])
def test_other_reliability_grades_are_refused(text: str) -> None:
    with pytest.raises(Invalid, match="reliability"):
        validation.reliability(text)


@pytest.mark.parametrize("grade", [1, 2, 3, 4, 5, 6])
def test_credibility_is_a_grade_from_1_to_6(grade: int) -> None:
    assert validation.credibility(str(grade)) == grade
    assert validation.credibility(f" {grade} ") == grade


def test_credibility_defaults_to_6_cannot_be_judged() -> None:
    assert validation.credibility("") == 6
    assert validation.credibility("   ") == 6


@pytest.mark.parametrize("text", ["0", "7", "A", "2.0", "-1", "six", "12"])
def test_other_credibility_grades_are_refused(text: str) -> None:
    with pytest.raises(Invalid, match="credibility is .*1 to 6"):
        validation.credibility(text)


# --- URLs and rationales -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/article?id=1&lang=en#top",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/A",
        "https://t.me/channel/123",
    ],
)
def test_web_urls_are_accepted(text: str) -> None:
    assert validation.url(f"  {text} ") == text


def test_a_url_may_be_empty() -> None:
    assert validation.url("") == ""
    assert validation.url("   ") == ""


@pytest.mark.parametrize(
    "text",
    [
        "example.org/article",
        "ftp://example.org/file",
        "javascript:alert(1)",
        "https://exa mple.org",
        "http://",
        '=HYPERLINK("http://x")',
        "file:///etc/passwd",
    ],
)
def test_other_urls_are_refused(text: str) -> None:
    with pytest.raises(Invalid, match="http:// or https://"):
        validation.url(text)


def test_a_rationale_is_required_and_kept_exactly_as_written() -> None:
    text = "  Medinsky's figure matches the footage;\n  see the video.  "
    assert validation.rationale(text) == text
    for blank in ("", "   ", "\n\t", "\u200b", " \u2060\ufeff\u00ad "):  # nothing to read
        with pytest.raises(Invalid, match="rationale is required"):
            validation.rationale(blank)


# --- problems at a place in a file -------------------------------------------------------


def test_a_field_problem_names_its_row_and_column() -> None:
    assert (
        str(FieldProblem(3, "count", "count is required"))
        == "row 3, column count: count is required"
    )
    assert str(FieldProblem(1, "", "empty file")) == "row 1: empty file"


# --- name keys: NFC, trimmed, spaces collapsed, casefolded -------------------------------


def test_names_differing_in_spacing_and_case_have_the_same_key() -> None:
    assert name_key("  Vladimir   MEDINSKY ") == name_key("vladimir medinsky")
    assert name_key("Vladimir\tMedinsky\n") == name_key("vladimir medinsky")


def test_decomposed_and_composed_unicode_have_the_same_key() -> None:
    composed = "Shamsail Saral\u00efyev"
    decomposed = "Shamsail Saral\u0069\u0308yev"
    assert composed != decomposed
    assert name_key(composed) == name_key(decomposed)
    assert name_key("\u0419\u043e") == name_key("\u0418\u0306\u043e")  # Й composed vs decomposed


def test_casefold_not_lower_is_used() -> None:
    assert name_key("STRASSE") == name_key("straße")


def test_different_names_have_different_keys() -> None:
    assert name_key("Vladimir Medinsky") != name_key("Vladimir Medinski")
    assert name_key("Vladimir Medinsky") != name_key("VladimirMedinsky")


def test_a_source_is_keyed_by_name_and_party_together() -> None:
    assert source_key("  Vladimir   MEDINSKY ", "russia") == source_key(
        "vladimir medinsky", "Russia"
    )
    assert source_key("Ministry of Defence", "Russia") != source_key(
        "Ministry of Defence", "Ukraine"
    )
    assert source_key("Reuters", None) == source_key(" reuters ", "")
    assert source_key("Reuters", None) != source_key("Reuters", "Russia")


def test_name_and_party_cannot_be_confused_by_concatenation() -> None:
    assert source_key("ab", "c") != source_key("a", "bc")


def test_tidy_trims_without_changing_case() -> None:
    assert tidy("  Vladimir MEDINSKY \t\n") == "Vladimir MEDINSKY"


name_texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30
)


@given(name_texts)
@settings(max_examples=200)
def test_a_name_key_ignores_unicode_normalisation_form(text: str) -> None:
    key = name_key(text)
    assert name_key(unicodedata.normalize("NFD", text)) == key
    assert name_key(unicodedata.normalize("NFC", text)) == key


@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZéÉ", min_size=1), min_size=1))
@settings(max_examples=200)
def test_a_name_key_ignores_spacing_and_case(words: list[str]) -> None:
    plain = " ".join(words)
    messy = "  " + "   \t".join(word.upper() for word in words) + " \n"
    assert name_key(messy) == name_key(plain) == name_key(plain.lower())


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1,245", 1245),
        ("1 245", 1245),
        ("1.245", 1245),
        ("1\u00a0245", 1245),
        ("1\u202f245", 1245),
        ("6,000,000", 6_000_000),
        (" 27 ", 27),
    ],
)
def test_the_form_reads_counts_grouped_as_articles_print_them(typed: str, value: int) -> None:
    assert validation.typed_count(typed) == value


@pytest.mark.parametrize("typed", ["1,24", "1,2345", "1,245.000", "1.245,000", "1,245 678", "-5"])
def test_a_count_grouped_wrongly_is_still_refused(typed: str) -> None:
    with pytest.raises(validation.Invalid, match="a whole number such as 1245 or 1,245"):
        validation.typed_count(typed)


def test_csv_counts_stay_plain_digits() -> None:
    with pytest.raises(validation.Invalid, match="1212, not 1,212"):
        validation.count("1,245")


@pytest.mark.parametrize(
    ("count", "nouns", "said"),
    [
        (0, "events", "0 events"),
        (1, "events", "1 event"),
        (2, "events", "2 events"),
        (1, "parties", "1 party"),
        (3, "parties", "3 parties"),
        (1, "evidence records", "1 evidence record"),
        (1_212, "reports", "1212 reports"),
    ],
)
def test_a_count_names_its_noun_in_the_number_it_agrees_with(
    count: int, nouns: str, said: str
) -> None:
    """The command line's English: "1 event", never "1 events"."""
    assert counted(count, nouns) == said
    assert counted(1_212, "reports", "{:,}".format) == "1,212 reports"
