"""How change rows join the relations the relation stage already read (no parsing involved)."""

from __future__ import annotations

import dataclasses

from factiongraph.changes import merge_changes
from factiongraph.contract import relation_dict
from factiongraph.document import Relation, Span


def _rel(rtype: str, src: str, tgt: str, start: int, status: str = "current", change: str | None = None) -> Relation:
    return Relation(
        type=rtype,
        source=src,
        target=tgt,
        source_mention=None,
        target_mention=None,
        status=status,
        certainty="asserted",
        source_kind="article",
        evidence=Span(start, start + 10, "x" * 10),
        change=change,
    )


def test_change_row_replaces_the_same_tie_in_the_same_sentence() -> None:
    plain = _rel("affiliation", "a", "p", 0)
    change = _rel("affiliation", "a", "p", 0, "current", "joined")
    assert merge_changes((plain,), [change]) == (change,)


def test_change_row_goes_before_an_earlier_plain_row_of_its_tie() -> None:
    earlier = _rel("affiliation", "a", "p", 0)
    other = _rel("hostility", "a", "b", 20)
    change = _rel("affiliation", "a", "p", 40, "former", "left")
    assert merge_changes((earlier, other), [change]) == (change, earlier, other)


def test_alliance_rows_match_in_either_direction() -> None:
    plain = _rel("alliance", "b", "a", 5)
    change = _rel("alliance", "a", "b", 5, "current", "formed")
    assert merge_changes((plain,), [change]) == (change,)


def test_change_of_a_new_tie_is_appended() -> None:
    plain = _rel("hostility", "a", "b", 0)
    change = _rel("support", "c", "a", 30, "former", "broken")
    assert merge_changes((plain,), [change]) == (plain, change)


def test_an_entry_into_a_body_replaces_the_alliance_read_from_the_same_event() -> None:
    derived = dataclasses.replace(_rel("alliance", "p", "a", 0), derived_from="e1")
    stated = _rel("alliance", "p", "a", 0)  # an alliance the sentence states in words stays
    entry = _rel("affiliation", "a", "p", 0, "current", "merged")
    assert merge_changes((derived, stated), [entry]) == (stated, entry)


def test_contract_writes_the_change() -> None:
    assert relation_dict(_rel("affiliation", "a", "p", 0, "former", "left"))["change"] == "left"
    assert relation_dict(_rel("affiliation", "a", "p", 0))["change"] is None
