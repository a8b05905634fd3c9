"""Fatality counts: what is a death count, what is not, and the conventions for vague numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factiongraph.events.fatalities import fatalities_near, find_fatalities, find_fatality_spans


def spans(text: str) -> list[tuple[str, int]]:
    return [(text[s:e], n) for s, e, n in find_fatality_spans(text)]


# ---------------------------------------------------------------------------------- numbers
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 37 villagers were killed during the raid.", 37),
        ("The blast killed 1,200 civilians.", 1200),
        ("Nine civilians died when the shell hit.", 9),
        ("Twenty-three soldiers were killed.", 23),
        ("The airstrike killed one hundred and twenty people.", 120),
        ("An estimated 1.5 million people died.", 1_500_000),
        ("The war has killed 400,000 people since 2011.", 400_000),
        ("Gunmen shot dead two policemen.", 2),
        ("The strike claimed the lives of 12 civilians.", 12),
        ("3 killed in Aleppo shelling.", 3),
        ("The clashes left 7 people dead.", 7),
        ("The attack left 3 dead and 24 wounded.", 3),
        ("The death toll climbed to 61.", 61),
        ("The death toll from Sunday's attack has risen to 50.", 50),
        ("The toll of 12 is expected to rise.", 12),
        ("The bodies of 12 men were found.", 12),
        ("The fighting caused 30 deaths.", 30),
        ("Twelve lives were lost.", 12),
    ],
)
def test_fatalities_counts(text, expected):
    assert find_fatalities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A dozen fighters were killed.", 12),
        ("Dozens were killed in the clashes.", 12),
        ("Scores of civilians were killed.", 20),
        ("Hundreds of people have been killed.", 100),
        ("Thousands of people have died.", 1000),
        ("Tens of thousands of people have died.", 10_000),
        ("Many people were killed.", 10),
        ("Several soldiers were killed.", 10),
        ("A few soldiers were killed.", 3),
        ("Half a dozen soldiers were killed.", 6),
    ],
)
def test_fatalities_vague_numbers_follow_acled_conventions(text, expected):
    assert find_fatalities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 10 and 15 people were killed.", 10),
        ("10 to 15 people died.", 10),
        ("10-15 people were killed.", 10),
        ("Ten or twelve people were killed.", 10),
        ("Up to 30 people were killed.", 30),
        ("More than 200 people were killed.", 200),
    ],
)
def test_fatalities_ranges_take_the_lower_bound(text, expected):
    assert find_fatalities(text) == expected


# ---------------------------------------------------------------------------- one person
@pytest.mark.parametrize(
    "text",
    [
        "One soldier was killed.",
        "A soldier was killed in the raid.",
        "Rebels killed a commander.",
        "A 22-year-old was killed.",
        "He was killed by a sniper.",
        "The commander of the brigade was killed.",
        "Gunmen killed him outside his home.",
        "The killing of a journalist drew condemnation.",
    ],
)
def test_fatalities_single_person(text):
    assert find_fatalities(text) == 1


# ---------------------------------------------------------------------------- totals vs parts
def test_fatalities_total_not_subcount_after_including():
    assert find_fatalities("The raid killed 44 people, including 7 children.") == 44
    assert find_fatalities("44 people, including 7 children, were killed.") == 44
    assert find_fatalities("The strike killed 44, among them 7 children.") == 44


def test_fatalities_subcount_alone_is_used():
    assert find_fatalities("Seven children were among those killed.") == 7


def test_fatalities_coordinated_counts_are_added():
    assert find_fatalities("The airstrike killed 5 soldiers and 3 civilians.") == 8


def test_fatalities_largest_of_separate_counts():
    assert find_fatalities("The strike killed 12 people, bringing the death toll to 15.") == 15


# ------------------------------------------------------------------------------- not deaths
def test_fatalities_ignores_wounded():
    assert find_fatalities("24 others were wounded.") is None
    assert find_fatalities("The attack killed 3 and wounded 24 others.") == 3
    assert find_fatalities("The airstrike killed 5 soldiers and 24 others were wounded.") == 5
    assert find_fatalities("Killing at least 12 people and wounding 30.") == 12


@pytest.mark.parametrize(
    "text",
    [
        "They arrested 20 people.",
        "The deal is worth $500 million.",
        "Gunmen fired 8 shots at the checkpoint.",
        "2,000 fighters attacked the town.",
        "The town has been besieged since 2011.",
        "A 22-year-old man was arrested.",
        "He served 3 years in prison.",
        "Troops killed civilians, activists said.",
        "A number of people were killed.",
        "",
    ],
)
def test_fatalities_none_when_no_count(text):
    assert find_fatalities(text) is None
    assert find_fatality_spans(text) == []


def test_fatalities_the_killers_are_not_the_dead():
    assert find_fatalities("2,000 fighters killed 3 civilians.") == 3


def test_fatalities_years_and_ages_are_not_counts():
    assert find_fatalities("In 2015, 300 people were killed.") == 300
    assert find_fatalities("The strike killed a 22-year-old.") == 1


# ------------------------------------------------------------------------------------ zero
@pytest.mark.parametrize(
    "text",
    [
        "There were no casualties.",
        "No one was killed.",
        "Nobody was hurt in the blast.",
        "No civilians were killed.",
        "Not one soldier died.",
        "The town was taken without casualties.",
    ],
)
def test_fatalities_zero_when_nobody_died(text):
    assert find_fatalities(text) == 0


def test_fatalities_no_reports_of_casualties_is_unknown_not_zero():
    assert find_fatalities("There were no immediate reports of casualties.") is None


def test_fatalities_count_beats_zero():
    assert find_fatalities("No civilians were killed but 3 soldiers died.") == 3


# ------------------------------------------------------------------------------------ spans
def test_fatality_spans_cover_the_phrase():
    assert spans("At least 37 villagers were killed during the raid.") == [("At least 37 villagers were killed", 37)]
    assert spans("The blast killed 1,200 civilians on Sunday.") == [("killed 1,200 civilians", 1200)]
    assert spans("The death toll climbed to 61.") == [("death toll climbed to 61", 61)]
    assert spans("The bombing left 7 people dead.") == [("left 7 people dead", 7)]
    assert spans("No one was killed.") == [("No one was killed", 0)]


def test_fatality_spans_sum_is_one_span():
    assert spans("The airstrike killed 5 soldiers and 3 civilians.") == [
        ("killed 5 soldiers and 3 civilians", 8)
    ]


def test_fatality_spans_offsets():
    text = "Jets struck Idlib. 3 people were killed."
    assert find_fatality_spans(text) == [(19, 39, 3)]


# ------------------------------------------------------------------------------ properties
_WORDS = st.sampled_from(
    [
        "killed",
        "killing",
        "were",
        "was",
        "dead",
        "died",
        "3",
        "44",
        "1,200",
        "nine",
        "twenty-three",
        "a",
        "dozen",
        "dozens",
        "at",
        "least",
        "up",
        "to",
        ",",
        ".",
        "people",
        "civilians",
        "wounded",
        "injured",
        "no",
        "one",
        "toll",
        "rose",
        "to",
        "2016",
        "$",
        "500",
        "million",
        "including",
        "children",
        "left",
        "and",
        "10-15",
        "year-old",
        "22-year-old",
        "between",
    ]
)
_TEXT = st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=30).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fatalities_never_raise_and_agree_with_spans(text):
    result = find_fatalities(text)
    found = find_fatality_spans(text)
    for start, end, number in found:
        assert 0 <= start < end <= len(text)
        assert number >= 0
    assert result == (max(n for _, _, n in found) if found else None)


@pytest.mark.parametrize(
    "text",
    [
        "Forty people were killed or injured when the market was shelled.",
        "The blast left 15 residents dead or wounded.",
        "Some 60 people were killed and wounded in the fighting overnight.",
    ],
)
def test_dead_and_hurt_counted_together_give_no_death_count(text):
    assert find_fatalities(text) is None


def test_a_death_count_beside_a_mixed_count_is_kept():
    assert find_fatalities("Three soldiers were killed, and 40 people were killed or injured in the town.") == 3
    assert find_fatalities("Two guards were killed and injured guards were taken to hospital.") == 2


def test_each_fatality_phrase_goes_to_the_attack_it_follows_or_else_the_one_it_precedes():
    text = "Jets bombed the market, killing 5 civilians, while clashes near the dam left 3 soldiers dead."
    bombed, clashes = text.index("bombed"), text.index("clashes")
    assert fatalities_near(text, bombed, [bombed, clashes]) == 5
    assert fatalities_near(text, clashes, [bombed, clashes]) == 3
    text = "Four guards were killed when rebels stormed the depot and later shelled the barracks."
    stormed, shelled = text.index("stormed"), text.index("shelled")
    assert fatalities_near(text, stormed, [stormed, shelled]) == 4
    assert fatalities_near(text, shelled, [stormed, shelled]) is None
    text = "Militants ambushed a convoy, killing 6 soldiers."
    assert fatalities_near(text, text.index("ambushed"), []) == 6  # a single attack takes the sentence's toll
