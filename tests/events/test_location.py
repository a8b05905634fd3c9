"""Where an event happened: the place attached to its own clause, with ACLED geo-precision."""

from __future__ import annotations

import pytest

from factiongraph.document import Document


def located(pipeline, text: str, trigger: str) -> tuple[str | None, int | None]:
    doc = next(iter(pipeline.run([Document(id="t", text=text)])))
    event = next(e for e in doc.events if e.trigger.text == trigger)
    return (event.location.text, event.location.precision) if event.location else (None, None)


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # the event's own locative phrase, not the sentence's first toponym
        ("Fighters who trained in Idlib shelled a village in Hama on Monday.", "shelled", "Hama"),
        ("Officials in Damascus said that rebels attacked a checkpoint in Homs.", "attacked", "Homs"),
        ("Back from talks in Ankara, the militia clashed with the army in Raqqa.", "clashed", "Raqqa"),
    ],
)
def test_event_takes_the_place_of_its_own_locative_phrase(pipeline, text, trigger, place):
    assert located(pipeline, text, trigger) == (place, 1)


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("The army recaptured Mosul on Sunday, a spokesman in Baghdad said.", "recaptured", "Mosul"),
        ("Government troops liberated the town of Manbij in the Aleppo province.", "liberated", "Manbij"),
        ("Militants in Kandahar attacked a police convoy overnight.", "attacked", "Kandahar"),
    ],
)
def test_event_takes_the_place_it_acts_on_or_its_subjects_location(pipeline, text, trigger, place):
    assert located(pipeline, text, trigger)[0] == place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Rebels ambushed an army patrol near Aleppo.", "ambushed", "Aleppo"),
        ("Gunmen attacked a checkpoint on the outskirts of Kabul.", "attacked", "Kabul"),
        ("Militants shelled army positions outside Mosul.", "shelled", "Mosul"),
    ],
)
def test_an_event_only_near_a_town_has_geo_precision_2(pipeline, text, trigger, place):
    assert located(pipeline, text, trigger) == (place, 2)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A French soldier was shot dead by unknown gunmen.", "shot"),
        ("Soldiers shot dead a taxi driver from Lagos.", "shot"),
        ("Gunmen killed an American aid worker and his driver.", "killed"),
    ],
)
def test_a_nationality_or_an_origin_is_no_place_of_the_event(pipeline, text, trigger):
    assert located(pipeline, text, trigger) == (None, None)
