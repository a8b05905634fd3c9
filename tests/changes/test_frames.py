"""The change-frame data file: its one loader, its checks, and that spaCy accepts every pattern."""

from __future__ import annotations

import pytest

from factiongraph.changes.frames import FramesError, load_frames, parse_frames


def _frame(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "defect",
        "match": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "defect"}}],
        "roles": {"mover": ["subject"], "destination": ["prep:to"]},
        "rows": [{"type": ["affiliation"], "source": "mover", "target": "destination", "change": "joined"}],
    }
    base.update(over)
    return base


def test_bundled_frames_load_and_every_pattern_compiles(nlp) -> None:
    from spacy.matcher import DependencyMatcher

    frames = load_frames()
    matcher = DependencyMatcher(nlp.vocab)
    for f in frames.frames:
        for i, pattern in enumerate(f.patterns):
            matcher.add(f"{f.id}#{i}", [list(pattern)])
    assert len(matcher) == sum(len(f.patterns) for f in frames.frames)
    assert {"defect", "split-from", "merge-into", "join", "form-alliance", "stop-support"} <= {
        f.id for f in frames.frames
    }


def test_frame_names_the_nodes_of_its_pattern_in_order() -> None:
    f = load_frames().by_id("go-over")
    assert f.node_names(0) == ("trigger", "over", "to")


def test_unknown_slot_is_rejected_with_the_frame_named() -> None:
    with pytest.raises(FramesError, match="'defect': unknown slot 'subjekt'"):
        parse_frames({"frames": [_frame(roles={"mover": ["subjekt"], "destination": ["prep:to"]})]})


def test_row_change_outside_the_contract_is_rejected() -> None:
    rows = [{"type": ["affiliation"], "source": "mover", "target": "destination", "change": "defected"}]
    with pytest.raises(FramesError, match="bad change 'defected'"):
        parse_frames({"frames": [_frame(rows=rows)]})


def test_yaml_boolean_in_a_pattern_is_rejected() -> None:
    match = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": [True, "against"]}}}]
    with pytest.raises(FramesError, match="quote words like 'on'"):
        parse_frames({"frames": [_frame(match=match)]})


def test_first_pattern_node_must_be_the_trigger() -> None:
    match = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "defect"}}]
    with pytest.raises(FramesError, match="must be named 'trigger'"):
        parse_frames({"frames": [_frame(match=match)]})


def test_duplicate_frame_ids_are_rejected() -> None:
    with pytest.raises(FramesError, match="unique"):
        parse_frames({"frames": [_frame(), _frame()]})


def test_kinds_must_name_roles_of_the_frame() -> None:
    with pytest.raises(FramesError, match="kinds must map roles"):
        parse_frames({"frames": [_frame(kinds={"country": ["state"]})]})


def test_a_frame_without_rows_must_be_exclusive() -> None:
    with pytest.raises(FramesError, match="'defect': no rows"):
        parse_frames({"frames": [_frame(rows=[])]})
    frames = parse_frames({"frames": [_frame(rows=[], exclusive=True)]})
    assert frames.frames[0].exclusive and frames.frames[0].rows == ()


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("The government abandoned them.", False),
        ("The movement forsook us in the end.", False),
        ("The brigade abandoned the coalition.", True),
    ],
)
def test_abandoning_takes_a_named_body_not_a_pronoun(nlp, text, matches) -> None:
    from spacy.matcher import DependencyMatcher

    frame = load_frames().by_id("quit")
    matcher = DependencyMatcher(nlp.vocab)
    for i, pattern in enumerate(frame.patterns):
        matcher.add(f"quit#{i}", [list(pattern)])
    assert bool(matcher(nlp(text))) is matches
