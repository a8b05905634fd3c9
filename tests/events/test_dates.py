"""Date expressions: detection spans and resolved ranges."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factiongraph.events.dates import event_date, find_dates, is_background

D = dt.date
PUB = D(2016, 11, 23)  # a Wednesday


def only(text: str, published: dt.date | None = PUB):
    found = find_dates(text, published)
    assert len(found) == 1, found
    start, end, value = found[0]
    assert text[start:end] == value.text
    return value.text, value.start, value.end, value.precision


# ------------------------------------------------------------------------------ absolute dates
@pytest.mark.parametrize(
    ("text", "span", "start", "end", "precision"),
    [
        (
            "Rebels attacked on 20 November 2016 at dawn.",
            "20 November 2016",
            D(2016, 11, 20),
            D(2016, 11, 20),
            "day",
        ),
        (
            "It happened on the 20th of November, 2016.",
            "20th of November, 2016",
            D(2016, 11, 20),
            D(2016, 11, 20),
            "day",
        ),
        ("Rebels attacked on Nov. 20, 2016.", "Nov. 20, 2016", D(2016, 11, 20), D(2016, 11, 20), "day"),
        (
            "Rebels attacked on November 20, 2016.",
            "November 20, 2016",
            D(2016, 11, 20),
            D(2016, 11, 20),
            "day",
        ),
        ("Fighting raged in November 2016.", "November 2016", D(2016, 11, 1), D(2016, 11, 30), "month"),
        ("Fighting raged in Feb. 2016.", "Feb. 2016", D(2016, 2, 1), D(2016, 2, 29), "month"),
        ("The town fell in 2016.", "2016", D(2016, 1, 1), D(2016, 12, 31), "year"),
        ("Report dated 20/11/2016.", "20/11/2016", D(2016, 11, 20), D(2016, 11, 20), "day"),
        ("Report dated 2016-11-20.", "2016-11-20", D(2016, 11, 20), D(2016, 11, 20), "day"),
        ("Talks ran 10-12 December 2016.", "10-12 December 2016", D(2016, 12, 10), D(2016, 12, 12), "week"),
        ("It started in mid-2015.", "mid-2015", D(2015, 1, 1), D(2015, 12, 31), "year"),
        ("The 2015-16 offensive failed.", "2015-16", D(2015, 1, 1), D(2016, 12, 31), "year"),
    ],
)
def test_dates_absolute_forms_resolve_with_and_without_publication(text, span, start, end, precision):
    assert only(text) == (span, start, end, precision)
    assert only(text, None) == (span, start, end, precision)


def test_dates_numeric_is_day_first_unless_impossible():
    assert only("On 03/04/2016 they met.")[1] == D(2016, 4, 3)
    assert only("On 11/20/2016 they met.")[1] == D(2016, 11, 20)


def test_dates_weekday_before_full_date_is_one_span():
    assert only("On Sunday, 20 November 2016, jets struck.", None) == (
        "Sunday, 20 November 2016",
        D(2016, 11, 20),
        D(2016, 11, 20),
        "day",
    )


def test_dates_offsets_index_the_text():
    text = "Jets struck on 20 November 2016 and again on Nov. 22, 2016."
    found = find_dates(text, None)
    assert [(s, e) for s, e, _ in found] == [(15, 31), (45, 58)]


# ------------------------------------------------------------------------------- yearless dates
def test_dates_yearless_day_month_takes_nearest_past_occurrence():
    assert only("The strike on Dec. 10 killed five.") == ("Dec. 10", D(2015, 12, 10), D(2015, 12, 10), "day")
    assert only("The strike on 10 November killed five.")[1] == D(2016, 11, 10)
    assert only("The strike on November 10 killed five.")[1] == D(2016, 11, 10)


def test_dates_yearless_date_in_future_tense_is_next_occurrence():
    assert only("Talks will resume on Dec. 10.")[1] == D(2016, 12, 10)


def test_dates_bare_month_takes_nearest_past_month():
    assert only("Rebels took the town in November.") == ("November", D(2016, 11, 1), D(2016, 11, 30), "month")
    assert only("Rebels took the town in December.")[1:3] == (D(2015, 12, 1), D(2015, 12, 31))


def test_dates_last_month_name_is_strictly_before_publication_month():
    assert only("They came last November.")[:2] == ("last November", D(2015, 11, 1))


def test_dates_month_with_modifier_keeps_modifier_in_span():
    assert only("Clashes erupted in early November.")[0] == "early November"
    assert only("Clashes erupted by mid-November.")[0] == "mid-November"


def test_dates_month_after_end_of():
    assert only("Clashes erupted at the end of October.")[:2] == ("October", D(2016, 10, 1))


# ------------------------------------------------------------------------------------ weekdays
def test_dates_weekday_resolves_to_last_occurrence_before_publication():
    assert only("Jets struck the town on Sunday.") == ("Sunday", D(2016, 11, 20), D(2016, 11, 20), "day")
    assert only("Jets struck the town on Thursday.")[1] == D(2016, 11, 17)


def test_dates_weekday_same_as_publication_day_is_publication_day():
    assert only("Jets struck the town on Wednesday.")[1] == PUB


def test_dates_last_weekday_is_strictly_before_publication():
    assert only("Jets struck the town last Wednesday.")[:2] == ("last Wednesday", D(2016, 11, 16))


def test_dates_weekday_with_part_of_day():
    assert only("Jets struck on Monday night.")[:2] == ("Monday night", D(2016, 11, 21))
    assert only("Jets struck late Sunday.")[:2] == ("late Sunday", D(2016, 11, 20))
    assert only("Jets struck overnight Sunday.")[:2] == ("overnight Sunday", D(2016, 11, 20))


def test_dates_weekday_possessive():
    assert only("Monday's attack killed five.")[:2] == ("Monday", D(2016, 11, 21))


def test_dates_weekday_in_future_tense_is_next_occurrence():
    assert only("The talks will resume on Monday.")[1] == D(2016, 11, 28)
    assert only("They meet next Friday.")[:2] == ("next Friday", D(2016, 11, 25))


# ----------------------------------------------------------------------------------- relatives
@pytest.mark.parametrize(
    ("text", "span", "start", "end", "precision"),
    [
        ("Jets struck yesterday.", "yesterday", D(2016, 11, 22), D(2016, 11, 22), "day"),
        ("Yesterday morning jets struck.", "Yesterday morning", D(2016, 11, 22), D(2016, 11, 22), "day"),
        ("Jets struck today.", "today", PUB, PUB, "day"),
        (
            "Jets struck the day before yesterday.",
            "the day before yesterday",
            D(2016, 11, 21),
            D(2016, 11, 21),
            "day",
        ),
        ("Jets struck last night.", "last night", D(2016, 11, 22), D(2016, 11, 22), "day"),
        ("Jets struck overnight.", "overnight", D(2016, 11, 22), D(2016, 11, 22), "day"),
        ("Jets struck last week.", "last week", D(2016, 11, 14), D(2016, 11, 20), "week"),
        ("Jets struck this week.", "this week", D(2016, 11, 21), PUB, "week"),
        ("Jets struck earlier this week.", "earlier this week", D(2016, 11, 21), PUB, "week"),
        ("Jets struck last month.", "last month", D(2016, 10, 1), D(2016, 10, 31), "month"),
        ("Jets struck earlier this month.", "earlier this month", D(2016, 11, 1), PUB, "month"),
        ("Jets struck last year.", "last year", D(2015, 1, 1), D(2015, 12, 31), "year"),
        ("Jets struck earlier this year.", "earlier this year", D(2016, 1, 1), PUB, "year"),
        ("Jets struck 3 days ago.", "3 days ago", D(2016, 11, 20), D(2016, 11, 20), "day"),
        ("Jets struck two days ago.", "two days ago", D(2016, 11, 21), D(2016, 11, 21), "day"),
        ("Jets struck two weeks ago.", "two weeks ago", D(2016, 11, 7), D(2016, 11, 13), "week"),
        ("Jets struck a month ago.", "a month ago", D(2016, 10, 1), D(2016, 10, 31), "month"),
        ("Jets struck over the weekend.", "the weekend", D(2016, 11, 19), D(2016, 11, 20), "week"),
        ("Jets struck last weekend.", "last weekend", D(2016, 11, 19), D(2016, 11, 20), "week"),
        ("Jets struck in the past week.", "the past week", D(2016, 11, 16), PUB, "week"),
        ("Jets struck in the past two weeks.", "the past two weeks", D(2016, 11, 9), PUB, "month"),
        ("Jets struck during the last 24 hours.", "the last 24 hours", D(2016, 11, 22), PUB, "week"),
    ],
)
def test_dates_relative_expressions_resolve_against_publication(text, span, start, end, precision):
    assert only(text) == (span, start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck on Sunday.",
        "Jets struck yesterday.",
        "Jets struck last week.",
        "Jets struck on Dec. 10.",
        "Jets struck in November.",
        "Jets struck earlier this month.",
        "Jets struck 3 days ago.",
        "Jets struck overnight.",
        "Jets struck today.",
    ],
)
def test_dates_without_publication_relative_and_yearless_give_nothing(text):
    assert find_dates(text, None) == []


# ----------------------------------------------------------------------------- false positives
@pytest.mark.parametrize(
    "text",
    [
        "The rebels may attack again.",
        "May God protect them, he said.",
        "Theresa May said the strikes were legal.",
        "Thousands joined a march on the capital.",
        "March on, the commander told them.",
        "Some 2000 people fled the town.",
        "About 2000 fighters joined.",
        "The deal is worth $500 million.",
        "The Sunday Times reported the attack.",
        "The Mail on Sunday reported the attack.",
        "One fighter fired a second shot.",
        "Shops close on Sundays.",
        "UN Resolution 2254 calls for talks.",
        "Years ago the town was quiet.",
        "The 1,200 fighters arrived.",
        "Troops moved at 1930 hours.",
    ],
)
def test_dates_ignore_non_dates(text):
    assert find_dates(text, PUB) == []


def test_dates_year_followed_by_people_after_temporal_preposition_is_a_year():
    assert only("In 2015 rebels took the town.")[:2] == ("2015", D(2015, 1, 1))


def test_dates_finds_several_in_order():
    text = "Jets struck on Sunday and again yesterday, after a lull since March 2015."
    assert [v.text for _, _, v in find_dates(text, PUB)] == ["Sunday", "yesterday", "March 2015"]


# ---------------------------------------------------------------------------------- event_date
def test_event_date_prefers_most_specific_then_first():
    start, end, value = event_date("In November, jets struck on Sunday and Monday.", PUB)
    assert (value.text, value.start) == ("Sunday", D(2016, 11, 20))


def test_event_date_returns_none_without_a_date():
    assert event_date("Jets struck the town.", PUB) is None
    assert event_date("Jets struck on Sunday.", None) is None


# ---------------------------------------------------------------------------------- properties
_WORDS = st.sampled_from(
    [
        "on",
        "Sunday",
        "Monday",
        "night",
        "20",
        "November",
        "2016",
        "Nov.",
        "10",
        ",",
        ".",
        "2015",
        "in",
        "May",
        "March",
        "last",
        "week",
        "this",
        "month",
        "ago",
        "3",
        "days",
        "yesterday",
        "today",
        "earlier",
        "the",
        "past",
        "two",
        "weeks",
        "11/20/2016",
        "2016-11-20",
        "mid-",
        "2000",
        "people",
        "$",
        "x",
        "Times",
    ]
)
_TEXT = st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=30).map(" ".join))
_PUBS = st.one_of(st.none(), st.dates(min_value=D(1901, 1, 1), max_value=D(2098, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(_TEXT, _PUBS)
def test_dates_never_raise_and_spans_match_text(text, published):
    found = find_dates(text, published)
    last_end = -1
    for start, end, value in found:
        assert 0 <= start < end <= len(text)
        assert start >= last_end
        last_end = end
        assert text[start:end] == value.text
        assert value.start <= value.end
        assert value.precision in ("day", "week", "month", "year")
    event_date(text, published)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_dates_without_publication_always_come_from_a_four_digit_year(text):
    for _, _, value in find_dates(text, None):
        assert re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", value.text)


# ---------------------------------------------------------------------------------- background dates
BG_PUB = dt.date(2023, 5, 10)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "Militias clashed again in a feud that began 20 years ago.",
        "The two clans have fought over the wells since 2011, and their fighters clashed again.",
        "Gunmen attacked the village, which was first raided back in 2006.",
    ],
)
def test_background_dates_never_date_the_reported_event(text):
    assert event_date(text, BG_PUB) is None


def test_a_reported_date_is_chosen_over_the_background_beside_it():
    _, _, value = event_date("Rebels, who have held the hills since 2019, attacked a base yesterday.", BG_PUB)
    assert (value.text, value.start) == ("yesterday", dt.date(2023, 5, 9))
    _, _, value = event_date("A rivalry that began two decades ago flared up on Monday.", BG_PUB)
    assert (value.text, value.start) == ("Monday", dt.date(2023, 5, 8))
    _, _, value = event_date("The army, which took the town in March 2015, shelled it on 3 May.", BG_PUB)
    assert (value.text, value.start) == ("3 May", dt.date(2023, 5, 3))


def test_background_needs_a_cue_or_a_publication_date_to_tell_it():
    start, end, value = next(iter(find_dates("Since 2011 the group has grown.", None)))
    assert is_background("Since 2011 the group has grown.", start, end, value, None)
    text = "In 2006 rebels took the town."
    start, end, value = next(iter(find_dates(text, None)))
    assert not is_background(text, start, end, value, None)  # no publication date: nothing says it is old
    assert is_background(text, start, end, value, BG_PUB)


def test_event_date_prefers_a_date_outside_the_other_clauses():
    text = "Troops who arrived on Monday attacked the village on Tuesday."
    _, _, value = event_date(text, BG_PUB, text.index("attacked"), ((7, 28),))  # "who arrived on Monday"
    assert value.text == "Tuesday"


# ---------------------------------------------------------------------------------- the calendar (dateparser)
def test_dates_announced_month_after_the_year_end_is_the_next_one():
    assert only("Elections are due in February.", D(2016, 12, 31))[1:] == (D(2017, 2, 1), D(2017, 2, 28), "month")


def test_dates_announced_for_the_publication_day_are_that_day():
    assert only("The envoys will meet again on November 23.")[1] == PUB
    assert only("Negotiators are expected to sign in November.")[1:3] == (D(2016, 11, 1), D(2016, 11, 30))


def test_dates_announced_more_than_a_year_ahead_are_not_read():
    assert find_dates("The council will vote on 29 February.", D(2018, 5, 9)) == []
    assert only("The council will vote on 29 February.", D(2019, 5, 9))[1] == D(2020, 2, 29)


def test_dates_leap_day_without_year_is_the_last_one_before_publication():
    assert only("Militants raided the post on Feb. 29.", D(2018, 5, 9))[1] == D(2016, 2, 29)


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("Shelling resumed a couple of days ago.", D(2016, 11, 21), D(2016, 11, 21), "day"),
    ("The convoy was ambushed several weeks ago.", D(2016, 10, 31), D(2016, 11, 6), "week"),
    ("The base changed hands eleven months ago.", D(2015, 12, 1), D(2015, 12, 31), "month"),
    ("Police said the blast went off an hour ago.", PUB, PUB, "day"),
])
def test_dates_counted_back_in_words_or_digits(text, start, end, precision):
    assert only(text)[1:] == (start, end, precision)


@pytest.mark.parametrize(("text", "span", "start", "end", "precision"), [
    ("Several days ago, gunmen stormed the checkpoint.", "Several days ago", D(2016, 11, 20), D(2016, 11, 20), "day"),
    ("Two weeks ago the militia withdrew from the ridge.", "Two weeks ago", D(2016, 11, 7), D(2016, 11, 13), "week"),
    ("A month ago the ceasefire collapsed.", "A month ago", D(2016, 10, 1), D(2016, 10, 31), "month"),
])
def test_dates_counted_back_from_a_capitalised_number_at_the_sentence_start(text, span, start, end, precision):
    assert only(text) == (span, start, end, precision)
