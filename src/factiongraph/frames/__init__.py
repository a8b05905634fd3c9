"""Constructions read once from the parse and shared by every stage that needs them.

`modifiers`: ties stated inside a noun phrase ("the US-backed SDF", "pro-government militias").
The actor named in such a modifier is a party to that tie only; events and relations take the
phrase's head as the argument (see `factiongraph.events.extract._Mentions`).
"""

from factiongraph.frames.modifiers import ModifierRule, ModifierTie, load_rules, modifier_ties
from factiongraph.frames.ties import (
    TieWords,
    allegiance_lords,
    among_listed,
    clause_subject,
    compass_region,
    conjuncts,
    control_verb,
    described_noun,
    description_start,
    list_members,
    listed_after,
    loyal_noun,
    may_be_it,
    membership_groups,
    membership_place,
    named_as,
    part_noun_of,
    prep_objects,
    proposer,
    relational_owner,
    same_side,
    same_side_objects,
    sheltered_tokens,
    tie_words,
    whole_and_part,
)

__all__ = [
    "ModifierRule",
    "ModifierTie",
    "TieWords",
    "allegiance_lords",
    "described_noun",
    "loyal_noun",
    "among_listed",
    "clause_subject",
    "compass_region",
    "conjuncts",
    "control_verb",
    "description_start",
    "list_members",
    "listed_after",
    "load_rules",
    "may_be_it",
    "membership_groups",
    "membership_place",
    "modifier_ties",
    "named_as",
    "part_noun_of",
    "proposer",
    "prep_objects",
    "relational_owner",
    "same_side",
    "same_side_objects",
    "sheltered_tokens",
    "tie_words",
    "whole_and_part",
]
