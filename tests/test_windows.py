"""Long documents in windows: the plan covers the text, and windowed extraction keeps coreference."""

from __future__ import annotations

import dataclasses

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import Pipeline
from factiongraph.windows import Window, plan


def _own_parts(text: str, windows: list[Window]) -> str:
    return "".join(text[w.own:w.end] for w in windows)


def test_short_text_is_one_window() -> None:
    assert plan("Rebels shelled the port.", size=100) == [Window(0, 0, 24)]


def test_windows_end_at_line_ends_and_their_own_parts_cover_the_text() -> None:
    text = "".join(f"Line {i} says the militia held the bridge.\n" for i in range(10))  # 41 characters a line
    windows = plan(text, size=100, context=50)
    assert _own_parts(text, windows) == text
    assert [w.own for w in windows] == [0, 82, 164, 246, 328]
    assert all(text[w.end - 1] == "\n" for w in windows)
    # the context before a window's own part starts on a line: the line before it
    assert [w.start for w in windows[1:]] == [41, 123, 205, 287]


def test_without_line_breaks_windows_end_after_a_sentence() -> None:
    text = "The army retook the airport. " * 10  # 29 characters a sentence
    windows = plan(text, size=100, context=0)
    assert _own_parts(text, windows) == text
    assert [w.end for w in windows][:3] == [87, 174, 261]


def test_text_without_spaces_is_cut_at_the_window_size() -> None:
    text = "x" * 250
    windows = plan(text, size=100, context=10)
    assert [(w.own, w.end) for w in windows] == [(0, 100), (100, 200), (200, 250)]
    assert windows[1].start == 100  # no space to start the context at: none


@pytest.mark.parametrize(("text", "second"), [
    ("Hezbollah fighters advanced on the town of Qusayr on Friday.\n"
     "They attacked rebel positions near the river, killing six fighters.\n",
     ("ASSAULT", "hezbollah", "generic-rebels", "attacked")),
    ("The Islamic State group seized the village of Dabiq in August.\n"
     "Its fighters later attacked Kurdish forces near Kobani.\n",
     ("ASSAULT", "islamic-state", "ypg", "attacked")),
    ("Boko Haram gunmen raided a village in Borno state on Tuesday.\n"
     "They killed twelve villagers and burned homes, officials said.\n",
     ("ASSAULT", "boko-haram", "civilians", "killed")),
])
def test_a_reference_at_the_top_of_a_window_resolves_to_an_actor_of_the_window_before(
        pipeline: Pipeline, text: str, second: tuple[str, str, str, str]) -> None:
    windowed = dataclasses.replace(pipeline, window_chars=70)  # one line a window
    [doc] = windowed.run([Document(id="w", text=text)])
    assert doc.error is None and doc.hints["windows"] == 2
    e1, e2 = doc.events
    assert (e2.plover, e2.actor1, e2.actor2, e2.trigger.text) == second
    assert (e1.id, e2.id) == ("e1", "e2")
    assert e1.actor1 == e2.actor1  # one actor across the windows
    # offsets are the document's
    assert all(doc.text[e.trigger.start:e.trigger.end] == e.trigger.text for e in doc.events)
    [actor] = [a for a in doc.actors if a.id == e1.actor1]
    assert [doc.text[m.start:m.end] for m in actor.mentions] == [m.text for m in actor.mentions]


def test_windowed_extraction_finds_what_one_pass_finds(pipeline: Pipeline) -> None:
    filler = "Residents of the old quarter queued for bread at dawn while shops stayed shut.\n" * 3
    text = ("Jabhat al-Nusra fighters attacked a Syrian army checkpoint near Aleppo on Sunday.\n" + filler
            + "Hezbollah fighters clashed with Jabhat al-Nusra near Qusayr on Friday.\n")
    [whole] = dataclasses.replace(pipeline, window_chars=0).run([Document(id="a", text=text)])
    [parts] = dataclasses.replace(pipeline, window_chars=120).run([Document(id="a", text=text)])
    assert parts.hints["windows"] == 5
    assert parts.events == whole.events
    assert [(a.id, a.mentions) for a in parts.actors] == [(a.id, a.mentions) for a in whole.actors]
    assert sorted((r.type, r.source, r.target, r.derived_from) for r in parts.relations) == [
        ("hostility", "hezbollah", "jabhat-al-nusra", "e2"), ("hostility", "jabhat-al-nusra", "syria", "e1")]


def test_text_over_the_model_length_limit_is_extracted_in_windows_under_it(pipeline: Pipeline) -> None:
    line = "Militiamen looted a depot near Goma on Monday, a resident said.\n"
    text = line * 80  # 5,120 characters
    original = pipeline.nlp.max_length
    pipeline.nlp.max_length = 2_000
    try:
        [doc] = dataclasses.replace(pipeline, window_chars=10_000).run([Document(id="long", text=text)])
    finally:
        pipeline.nlp.max_length = original
    # windows of up to 1,000 characters (half the limit), each with up to as much context
    assert doc.error is None and doc.hints["windows"] == 6
    assert len(doc.events) == 80
