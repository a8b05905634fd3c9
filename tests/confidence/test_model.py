"""The relation confidence model: tie keys, features, the bundled weights, thresholds, reliability."""

from __future__ import annotations

import dataclasses
import math

import pytest

from factiongraph.confidence import (
    ConfidenceModel,
    above,
    default_threshold,
    reliability,
    score_relations,
    tie_features,
    tie_key,
)
from factiongraph.document import Document, Relation, Span
from factiongraph.pipeline import extract


def rel(rtype: str, s: str, t: str, method: str = "verb", confidence: float = 0.5) -> Relation:
    ev = Span(0, 10, "0123456789")
    return Relation(type=rtype, source=s, target=t, source_mention=Span(0, 1, "a"), target_mention=Span(5, 6, "b"),
                    status="current", certainty="asserted", source_kind="article", evidence=ev,
                    confidence=confidence, method=method)  # type: ignore[arg-type]


def test_tie_key_ignores_direction_for_alliance_and_hostility_only() -> None:
    assert tie_key(rel("hostility", "x", "y")) == tie_key(rel("hostility", "y", "x"))
    assert tie_key(rel("alliance", "y", "x")) == ("alliance", "x", "y")
    assert tie_key(rel("support", "x", "y")) != tie_key(rel("support", "y", "x"))


def test_probability_is_the_logistic_of_the_weighted_features() -> None:
    m = ConfidenceModel.from_dict({"weights": {"a": 2.0, "b": -1.0}, "bias": 0.5, "threshold": 0.6})
    assert m.probability({"a": 1.0, "b": 1.0}) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert m.probability({"unseen": 1.0}) == pytest.approx(1 / (1 + math.exp(-0.5)))  # unknown features weigh 0


def test_bundled_model_records_its_threshold_fit_and_reliability() -> None:
    m = ConfidenceModel.load()
    assert 0.0 < m.threshold < 1.0 and default_threshold() == m.threshold
    assert m.weights and m.meta["cv"]["ties"] > 0
    assert len(m.meta["reliability"]) == 10
    assert m.meta["inputs"] and all(len(i["sha256"]) == 64 for i in m.meta["inputs"])


def test_every_row_of_a_tie_gets_the_ties_probability() -> None:
    m = ConfidenceModel.from_dict({"weights": {"method=derived": 1.0}, "bias": 0.0, "threshold": 0.5})
    doc = Document(id="d", text="x" * 20, relations=(
        rel("hostility", "x", "y", "derived-ASSAULT"), rel("hostility", "y", "x", "mention"),
        rel("support", "z", "y", "modifier"),
    ))
    scored = score_relations(doc, m)
    first, second, other = (r.confidence for r in scored.relations)
    assert first == second == round(1 / (1 + math.exp(-1.0)), 3)  # one tie, two constructions
    assert other == 0.5


def test_features_name_the_construction_group_and_the_change() -> None:
    doc = Document(id="d", text="x" * 20, relations=(
        dataclasses.replace(rel("affiliation", "x", "y", "change:defect"), change="left"),
        rel("affiliation", "x", "y", "member-noun"),
    ))
    [f] = tie_features(doc).values()
    assert f["group=construction"] == 1.0 and f["change=left"] == 1.0 and f["n_methods"] == 2.0


def test_above_keeps_the_rows_at_or_over_the_threshold_and_zero_keeps_all() -> None:
    doc = Document(id="d", text="x" * 20, relations=(rel("alliance", "x", "y", confidence=0.7),
                                                     rel("alliance", "x", "z", confidence=0.71)))
    assert [r.target for r in above(doc, 0.71).relations] == ["z"]
    assert above(doc, 0.0) is doc


def test_reliability_counts_and_observed_precision_per_bin() -> None:
    table = reliability([(0.05, False), (0.95, True), (0.91, False), (0.99, True)], bins=10)
    assert table[0][2:] == (1, 0.0)
    assert table[9][2] == 3 and table[9][3] == pytest.approx(2 / 3)
    assert math.isnan(table[5][3])


def test_the_pipeline_gives_probabilities_and_methods(pipeline) -> None:
    doc = extract("The Iranian-backed Houthis attacked Saudi Arabia on Tuesday.", pipeline=pipeline)
    assert {(r.type, r.method) for r in doc.relations} >= {("support", "modifier")}
    assert all(0.0 < r.confidence < 1.0 for r in doc.relations)


def _tie(text: str, source: str, target: str) -> dict[str, float]:
    s, t = text.index(source), text.index(target)
    r = Relation(type="hostility", source="a", target="b",  # type: ignore[arg-type]
                 source_mention=Span(s, s + len(source), source), target_mention=Span(t, t + len(target), target),
                 status="current", certainty="asserted", source_kind="article", evidence=Span(0, len(text), text),
                 confidence=0.5, method="mention")  # type: ignore[arg-type]
    [f] = tie_features(Document(id="d", text=text, relations=(r,))).values()
    return f


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The Wagner Group has been operating in Mali since 2021.", "Wagner Group", "Mali"),
        ("Clashes with the YPG broke out in northern Iraq last week.", "YPG", "Iraq"),
        ("Rebels moved weapons across the Sudan border, the Houthis claimed.", "Houthis", "Sudan"),
    ],
)
def test_an_endpoint_after_a_locative_preposition_is_marked_a_place(text, source, target) -> None:
    assert _tie(text, source, target)["locative_endpoint"] == 1.0


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("A million people fled the M23 advance, the United Nations reports.", "M23", "United Nations"),
        ("Amnesty reported that the army shelled the Houthis.", "Houthis", "Amnesty"),
        ("Russia said the Wagner Group would stay.", "Wagner Group", "Russia"),
    ],
)
def test_an_endpoint_followed_by_a_reporting_verb_is_marked_a_speaker(text, source, target) -> None:
    f = _tie(text, source, target)
    assert f["speaker_endpoint"] == 1.0 and f["locative_endpoint"] == 0.0


def test_parties_named_as_such_carry_neither_mark() -> None:
    f = _tie("Hezbollah fought alongside the Syrian army against the rebels.", "Hezbollah", "Syrian army")
    assert f["locative_endpoint"] == 0.0 and f["speaker_endpoint"] == 0.0
