"""Per-document limits and isolation: a document that hangs, eats memory or raises becomes an error row."""

from __future__ import annotations

import dataclasses
import threading
import time
from typing import Any

import pytest

from factiongraph.budget import Budget, BudgetExceeded, Limits, rss_mb
from factiongraph.document import Document
from factiongraph.parallel import warm_up
from factiongraph.pipeline import Pipeline

GOOD = "Rebels ambushed a police convoy near Kidal on Wednesday, a security source said."
OTHER = "Troops recaptured the airport of Gao from insurgents on Thursday."


def test_the_alarm_stops_a_stage_that_runs_past_the_time_budget() -> None:
    budget = Budget(Limits(time_budget_s=0.2, max_rss_mb=None))
    t0 = time.monotonic()
    with pytest.raises(BudgetExceeded) as caught, budget.alarm():
        time.sleep(5)
    assert caught.value.code == "timeout"
    assert time.monotonic() - t0 < 2


def test_outside_the_main_thread_the_budget_is_checked_between_stages() -> None:
    budget = Budget(Limits(time_budget_s=0.1, max_rss_mb=None))
    seen: list[str] = []

    def work() -> None:
        with budget.alarm():  # no signal here: the block runs to its end
            time.sleep(0.3)
        try:
            budget.check()
        except BudgetExceeded as exc:
            seen.append(exc.code)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen == ["timeout"]


@pytest.mark.skipif(rss_mb() is None, reason="needs /proc to read resident memory")
def test_the_memory_guard_trips_above_its_limit() -> None:
    with pytest.raises(BudgetExceeded) as caught:
        Budget(Limits(time_budget_s=None, max_rss_mb=1)).check()
    assert caught.value.code == "out_of_memory"
    Budget(Limits(time_budget_s=None, max_rss_mb=1_000_000)).check()  # far above: no error


def _faulty(pipeline: Pipeline, limits: Limits, window_chars: int | None = None) -> Pipeline:
    """The session pipeline whose stages hang on 'HANG', raise on 'BOOM' and fill memory on 'HOG'."""
    warm_up(pipeline)  # the first document builds the matchers: not what is timed here
    pipe = dataclasses.replace(pipeline, limits=limits, window_chars=window_chars or pipeline.window_chars)
    real = pipe.process

    def process(doc: Document, *, whole: bool = True) -> Document:
        if "HANG" in doc.text:
            time.sleep(30)
        if "BOOM" in doc.text:
            raise KeyError("a stage bug")
        if "HOG" in doc.text:
            limits_hit = pipe.limits.max_rss_mb or 0
            pipe.hog = bytearray(int((limits_hit + 50) * 1024 * 1024))  # type: ignore[attr-defined]
        return real(doc, whole=whole)

    pipe.process = process  # type: ignore[method-assign]
    return pipe


def _run(pipe: Pipeline, texts: list[str]) -> list[Any]:
    return [(d.id, d.error.code if d.error else None) for d in pipe.run(
        [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)])]


def test_a_document_that_hangs_becomes_a_timeout_error_and_the_others_are_extracted(pipeline: Pipeline) -> None:
    pipe = _faulty(pipeline, Limits(time_budget_s=2.0, max_rss_mb=None))
    t0 = time.monotonic()
    assert _run(pipe, [GOOD, "HANG " + GOOD, OTHER]) == [("d0", None), ("d1", "timeout"), ("d2", None)]
    assert time.monotonic() - t0 < 20


def test_a_stage_that_raises_fails_its_document_only_with_its_id(pipeline: Pipeline) -> None:
    pipe = _faulty(pipeline, Limits())
    docs = list(pipe.run([Document(id="ok", text=GOOD), Document(id="bad [/red]", text="BOOM " + OTHER),
                          Document(id="ok2", text=OTHER)]))
    assert [(d.id, d.error.code if d.error else None) for d in docs] == [
        ("ok", None), ("bad [/red]", "extraction_failed"), ("ok2", None)]
    assert docs[1].error is not None and docs[1].error.message == "KeyError: 'a stage bug'"
    assert docs[0].events and docs[2].events


def test_a_window_that_raises_fails_its_whole_document(pipeline: Pipeline) -> None:
    pipe = _faulty(pipeline, Limits(), window_chars=90)
    long = f"{GOOD}\n{OTHER}\nBOOM {GOOD}\n"
    assert _run(pipe, [long, OTHER]) == [("d0", "extraction_failed"), ("d1", None)]


@pytest.mark.skipif(rss_mb() is None, reason="needs /proc to read resident memory")
def test_a_document_that_fills_memory_becomes_an_out_of_memory_error(pipeline: Pipeline) -> None:
    now = rss_mb() or 0
    pipe = _faulty(pipeline, Limits(time_budget_s=None, max_rss_mb=now + 200))
    try:
        assert _run(pipe, [GOOD, "HOG " + OTHER]) == [("d0", None), ("d1", "out_of_memory")]
    finally:
        pipe.hog = None  # type: ignore[attr-defined]
