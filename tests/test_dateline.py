"""The report date read from a dateline when the input gave none."""

from __future__ import annotations

import datetime as dt

import pytest

from factiongraph.dateline import credit_lines, published_from_dateline, story_starts
from factiongraph.document import Document


def run(text: str, published: dt.date | None = None) -> Document:
    return published_from_dateline(Document(id="t", text=text, published=published))


def test_dateline_after_headline_sets_published():
    doc = run("Army and RSF agree to a ceasefire\nKHARTOUM / JEDDAH, 21 May 2023 — The army agreed on Saturday.")
    assert doc.published == dt.date(2023, 5, 21)
    assert doc.hints["published_from"] == "dateline"


def test_dateline_with_country_after_the_city():
    assert run("IDLIB, Syria, 29 January 2017 — Rebels merged.").published == dt.date(2017, 1, 29)


def test_given_publication_date_wins_over_the_dateline():
    assert run("IDLIB, Syria, 29 January 2017 — Rebels merged.", dt.date(2017, 2, 1)).published == dt.date(2017, 2, 1)


def test_a_date_in_running_text_is_not_a_dateline():
    assert run("The US said on 3 May 2020 that it would leave.").published is None


def test_dateline_without_a_date_sets_nothing():
    assert run("MOSUL, Iraq (AP) — Fighting continued.").published is None


def test_month_only_dateline_is_not_enough():
    assert run("ALEPPO, November 2016 — Fighting continued.").published is None


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("GOMA, Congo (February 2025) - M23 rebels seized the airport.", "M23"),
        ("ADEN, Yemen — Separatist fighters took the palace.", "Separatist"),
        ("BAMAKO, Mali (Agency) -- Soldiers left the base.", "Soldiers"),
    ],
)
def test_the_story_starts_after_the_dash_that_ends_a_dateline(text, first):
    assert [text[i : i + len(first)] for i in story_starts(text)] == [first]


def test_a_text_without_a_dateline_has_no_story_start():
    assert story_starts("Rebels seized the airport - officials said.") == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Kidal, Mali, 14 November 2023 - Soldiers and Russian mercenaries entered the town.", dt.date(2023, 11, 14)),
        ("Port Sudan, Sept. 9, 2024 (AFP) - The army shelled Omdurman.", dt.date(2024, 9, 9)),
        ("Beni, 2 March 2021 - ADF fighters raided a village overnight.", dt.date(2021, 3, 2)),
    ],
)
def test_a_dateline_in_title_case_with_a_full_date_sets_published(text, day):
    assert run(text).published == day


@pytest.mark.parametrize(
    "text",
    [
        "Rebels took Kidal, Mali on 14 November 2023 - a blow to the separatists.",
        "Fighting erupted again, 2 March 2021 - the day the truce ended.",
        "Kidal, the rebel stronghold, fell in November 2023 - after a decade.",
    ],
)
def test_a_sentence_with_a_date_and_a_dash_is_no_title_case_dateline(text):
    assert run(text).published is None


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Troops left Gao.\n\nReporting by Ann Lee in Bamako; Editing by Tom Hall",
         "Reporting by Ann Lee in Bamako; Editing by Tom Hall"),
        ("Troops left Gao. (Additional reporting by Ann Lee; writing by Tom Hall)",
         "(Additional reporting by Ann Lee; writing by Tom Hall)"),
        ("Troops left Gao.\nCompiled by the Nairobi desk", "Compiled by the Nairobi desk"),
    ],
)
def test_the_credit_line_of_a_wire_report_is_found(text, credit):
    assert [text[a:b] for a, b in credit_lines(text)] == [credit]


def test_reporting_by_in_running_text_is_no_credit_line():
    assert credit_lines("The claims rest on reporting by local journalists in Gao.") == []
