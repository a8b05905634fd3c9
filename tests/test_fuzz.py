"""Fuzzing: random and mutated inputs through the readers and the pipeline never raise and never hang.

Inputs are mutations of a small well-formed seed (a report, an HTML page, JSON lines) and raw
random bytes. Every input gives documents (errors included), and each document that reaches the
pipeline comes out exactly once, with its id, within a time limit.
"""

from __future__ import annotations

import dataclasses
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factiongraph.document import Document
from factiongraph.pipeline import Pipeline
from factiongraph.read import read_bytes
from factiongraph.read.core import sniff

SEEDS = {
    "txt": b"Rebels seized the border crossing at Bab al-Hawa on Monday.\n\nThey said government troops fled.\n",
    "html": (b"<html><head><title>Clashes</title></head><body><article><p>Militias clashed near Tripoli "
             b"on Friday.</p><div class='comment'><span class='author'>ali</span> Terrible news!</div>"
             b"</article></body></html>"),
    "jsonl": (b'{"id": "a", "text": "Troops shelled the port of Hodeidah.", "published": "2018-06-13"}\n'
              b'{"id": "b", "html": "<p>Protesters marched in Algiers.</p>"}\n'),
}
NOISE = [b"\x00", b"\xff", b"\xe9", b"<", b">", b"</div>", b"<div>" * 40, b"{", b"}", b'"', b"\n", b"\r",
         b"\xef\xbb\xbf", b"[/red]", b"\\u0000", b"\xf0\x9f\x92\xa5", b" " * 50, b"They", b"."]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[kind])
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["insert", "delete", "flip", "repeat"]))
        at = draw(st.integers(0, len(data)))
        if op == "insert":
            data[at:at] = draw(st.one_of(st.sampled_from(NOISE), st.binary(max_size=8)))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 20))]
        elif op == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        else:
            data[at:at] = bytes(data[at:at + 30]) * draw(st.integers(1, 5))
    return kind, bytes(data)


inputs = st.one_of(mutated(), st.tuples(st.sampled_from(["txt", "html", "jsonl"]), st.binary(max_size=300)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_readers_never_raise_on_mutated_or_random_bytes(case: tuple[str, bytes]) -> None:
    kind, data = case
    docs = list(read_bytes("in", data, kind))
    assert docs
    for d in docs:
        assert (d.error is None) == bool(d.text)
        assert d.error is None or d.error.message
    assert sniff(data.decode("utf-8", "replace")) in ("txt", "html", "jsonl")


@pytest.fixture(scope="module")
def small_windows(pipeline: Pipeline) -> Pipeline:
    """Windows of 60 characters, so short fuzzed texts also run through the window join."""
    return dataclasses.replace(pipeline, window_chars=60)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(inputs)
def test_pipeline_gives_each_read_document_back_once_without_raising(small_windows: Pipeline,
                                                                     case: tuple[str, bytes]) -> None:
    kind, data = case
    docs = list(read_bytes("in", data, kind))
    t0 = time.monotonic()
    out = list(small_windows.run(docs))
    assert time.monotonic() - t0 < 60
    assert [d.id for d in out] == [d.id for d in docs]
    for d in out:
        assert d.error is None or d.error.code != "extraction_failed", d.error
        for e in d.events:
            assert d.text[e.trigger.start:e.trigger.end] == e.trigger.text
        for a in d.actors:
            assert all(d.text[m.start:m.end] == m.text for m in a.mentions)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(inputs)
def test_pipeline_fuzzed_at_length(small_windows: Pipeline, case: tuple[str, bytes]) -> None:
    kind, data = case
    docs = list(read_bytes("in", data, kind))
    out = list(small_windows.run(docs))
    assert [d.id for d in out] == [d.id for d in docs]
    assert all(d.error is None or d.error.code != "extraction_failed" for d in out)


def test_document_made_of_one_long_word_is_extracted(pipeline: Pipeline) -> None:
    [doc] = dataclasses.replace(pipeline, window_chars=500).run([Document(id="w", text="x" * 3_000)])
    assert doc.error is None and doc.hints["windows"] == 6
