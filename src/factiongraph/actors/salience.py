"""Actor salience: where in a sentence a mention stands, from the dependency parse.

A text names more actors than it reports on. Those it reports on fill the argument slots of
its predicates; the others are sources of the report ("..., the minister said", "according to
X") or lie deep inside the description of something else ("a blockade on lorries passing
through a crossing between A and B"), absolutely (more than one background clause or noun
phrase) or relative to the sentence's most prominent object (two levels deeper). An entity
none of whose mentions is salient is dropped once events and relations are known, unless one
of them involves it: the actor list holds the parties to what is reported, not everyone named.

Beside an event whose two parties are known, a sentence's other actors are crowded out unless
one of them stands in an argument slot of its own: the subject of the main clause or of a clause
it reports ("officials in Zimbabwe said ...", "Morocco's king ..."), or the possessor of a noun
("Serbia's suppression of ..."). Countries in lists, places, and actors inside prepositional
objects ("help for Hungary and Slovakia", "ties with Israel") are the circumstances of the event.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from factiongraph.actors import lexicon as lx
from factiongraph.document import Document
from factiongraph.frames.tokens import deps, heads, lowers, pos_tags, sentence_of, span_at, tokens

# Document hint the resolver fills: ids of entities with no salient mention.
PERIPHERAL_HINT = "peripheral_actors"

# Clauses that describe a noun or the circumstances of a predicate, not its arguments.
BACKGROUND_CLAUSES = frozenset({"relcl", "acl", "advcl"})
# How deep a mention may lie before it is background: clause boundaries, noun-attached phrases.
MAX_BACKGROUND_CLAUSES = 1
MAX_NOUN_PHRASES = 1
# Dependencies inside a noun phrase: a mention under them stands where its phrase stands.
NOUN_MODIFIERS = frozenset({"compound", "nmod", "amod", "det", "appos", "poss", "flat"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Position:
    """Where a mention's head token stands in its sentence."""

    attribution: bool  # the speaker of a trailing report verb, or "according to" it
    clauses: int  # relative/adverbial clause boundaries between it and the sentence root
    noun_phrases: int  # prepositional phrases attached to nouns between it and the sentence root
    # where a background clause's predicate happens ("a watchdog that operates from London"): a setting
    placed_in_clause: bool = False

    @property
    def depth(self) -> int:
        return self.clauses + self.noun_phrases

    @property
    def salient(self) -> bool:
        return not self.attribution and not self.placed_in_clause and self.clauses <= MAX_BACKGROUND_CLAUSES \
            and self.noun_phrases <= MAX_NOUN_PHRASES


_POSITIONS = "factiongraph.positions"  # the Doc's user_data key of `position`'s answers


def position(tok: Any) -> Position:
    """The position of a mention whose syntactic head is `tok` (a spaCy token).

    The stages ask about the same heads again and again and the answer depends on the parse only,
    so it is kept per parsed document (in the Doc's `user_data`)."""
    kept: dict[int, Position] = tok.doc.user_data.setdefault(_POSITIONS, {})
    got = kept.get(tok.i)
    if got is None:
        got = kept[tok.i] = _position(tok)
    return got


def _position(tok: Any) -> Position:
    attribution = False
    clauses = 0
    noun_phrases = 0
    nominal = True  # still inside the noun phrase of the mention (no verb passed yet)
    sd = tok.doc  # the walk up the heads reads plain per-Doc values: no Token objects
    head, dep, pos, lower = heads(sd), deps(sd), pos_tags(sd), lowers(sd)
    t = tok.i
    locative = dep[t] == "pobj" and lower[head[t]] in lx.LOCATIVE_PREPS and pos[head[head[t]]] in ("VERB", "AUX")
    while head[t] != t:
        h = head[t]
        if dep[t] == "pobj" and lower[h] == "to" and lower[head[h]] == "according":
            attribution = True
        if dep[t] == "pobj" and dep[h] == "prep" and pos[head[h]] in ("NOUN", "PROPN"):
            noun_phrases += 1
        if dep[t] in BACKGROUND_CLAUSES:
            clauses += 1
        if nominal and pos[h] in ("VERB", "AUX"):
            nominal = False
            attribution = attribution or (dep[t] == "nsubj" and _trailing_report(tokens(sd)[h]))
        t = h
    return Position(attribution, clauses, noun_phrases, locative and clauses > 0)


def _trailing_report(verb: Any) -> bool:
    """'..., the minister said': a report verb after the clause it reports."""
    return verb.lemma_ in lx.REPORT_VERBS and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)


def argument(tok: Any) -> bool:
    """Whether a mention headed by `tok` fills an argument slot of its own (see the module notes).

    A subject counts in the main clause or one clause below it ("X said Y would ..."); so does a
    prepositional object of such a subject ("unions in Malawi are calling for ..."). A report's
    speaker does not.
    """
    if tok.dep_ == "poss":
        return True
    core = []
    t = tok
    while t.head.i != t.i:
        if t.dep_ not in NOUN_MODIFIERS:
            core.append(t.dep_)
        t = t.head
    if position(tok).attribution:
        return False
    if core[:1] and core[0] in SUBJECTS:
        return len(core) <= 2
    return core[:2] == ["pobj", "prep"] and len(core) == 3 and core[2] in SUBJECTS


def crowded_out(doc: Document) -> set[str]:
    """Actors all of whose mentions stand in the sentence of an event with two parties, in no argument slot."""
    sd = doc.parsed
    if sd is None:
        return set()

    def sentence(start: int, end: int) -> Any:
        span = span_at(sd, start, end)
        return None if span is None else span.root

    full: set[int] = set()  # sentences (by first token) holding an event with both parties
    for e in doc.events:
        if e.actor1 is None or e.actor2 is None:
            continue
        h = sentence(e.trigger.start, e.trigger.end)
        if h is not None:
            full.add(sentence_of(h).start)
    if not full:
        return set()
    parties = {e.actor1 for e in doc.events} | {e.actor2 for e in doc.events}
    out = set()
    for a in doc.actors:
        if a.id in parties:
            continue
        heads = [sentence(m.start, m.end) for m in a.mentions]
        if all(h is not None and sentence_of(h).start in full and not argument(h) for h in heads):
            out.add(a.id)
    return out


def prune(doc: Document) -> Document:
    """Drops the peripheral and crowded-out actors that no event or relation has for a party.

    A report's source is no party: an event attributed to a dropped actor ("..., the Observatory
    said") names it in `attributed_to` by its name, since its id no longer points into `actors`.
    """
    peripheral = set(doc.hints.get(PERIPHERAL_HINT, ())) | crowded_out(doc)
    if not peripheral:
        return doc
    used = {e.actor1 for e in doc.events} | {e.actor2 for e in doc.events}
    used |= {r.source for r in doc.relations} | {r.target for r in doc.relations}
    drop = peripheral - used
    if not drop:
        return doc
    names = {a.id: a.name for a in doc.actors if a.id in drop}
    events = tuple(
        dataclasses.replace(e, attributed_to=names[e.attributed_to]) if e.attributed_to in names else e
        for e in doc.events
    )
    return dataclasses.replace(doc, actors=tuple(a for a in doc.actors if a.id not in drop), events=events)
