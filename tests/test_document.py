"""The data model's kinds are literals; values computed as strings are checked where they are made."""

from __future__ import annotations

import pytest

from factiongraph import document
from factiongraph.events import lexicon


def test_checked_kinds_pass_through_unchanged() -> None:
    assert document.as_relation_type("support") == "support"
    assert document.as_relation_status("former") == "former"
    assert document.as_certainty("hedged") == "hedged"
    assert document.as_plover("ASSAULT") == "ASSAULT"
    assert document.as_actor_kind("militia") == "militia"
    assert document.as_mention_how("coref") == "coref"


def test_misspelt_kind_fails_naming_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown relation type 'aliance': expected one of alliance, hostility, "
                                         r"support, affiliation"):
        document.as_relation_type("aliance")
    with pytest.raises(ValueError, match="unknown PLOVER type 'assault'"):
        document.as_plover("assault")


def test_plover_types_are_defined_once_for_the_model_and_the_lexicon() -> None:
    assert lexicon.PLOVER_TYPES is document.PLOVER_TYPES
    assert len(document.PLOVER_TYPES) == 16 and document.PLOVER_TYPES[0] == "AGREE"
    assert document.CERTAINTIES == ("asserted", "reported", "hedged", "disputed", "speculative", "hypothetical",
                                    "negated")
