"""Where an event happened: the place attached to the event's own clause.

ACLED codes an event at the place where it happened, which reports name in the event's clause:
its locative phrase ("clashed near Gao", "a bomb exploded in a market in Kabul"), the place it
acted on ("captured Jaffna", "Kidal was shelled"), or its subject's location ("militants in Gao
attacked"). The dateline or the sentence's first toponym are only fallbacks (`extract` keeps
them). The place's ACLED geo-precision is coarsened to 2 when the event is only near it
("near X", "outside X", "on the outskirts of X").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from factiongraph.document import Place
from factiongraph.frames.tokens import sentence_of, span_at

__all__ = ["clause_place", "is_locative", "not_a_scene"]

#: prepositions that place an event (not "from": an origin; not "to": a destination)
LOCATIVE_PREPS = frozenset(
    "in near at outside inside around across on into off over throughout within along between "
    "beside by".split()
)
#: prepositions that place something even when the toponym also names a state ("in Kabul")
STRICT_LOCATIVE_PREPS = frozenset("in near at outside inside around across throughout within of".split())
#: prepositions and nouns that put an event only near the place (ACLED geo-precision 2)
NEAR_WORDS = frozenset(
    "near outside around off beside by outskirts outskirt vicinity edge surroundings environs".split()
)
#: nouns for a settlement or an area, named by the toponym after "of"
PLACE_NOUNS = frozenset(
    "town city village district province region area neighbourhood neighborhood suburb suburbs centre center "
    "capital countryside county state governorate municipality settlement camp port".split()
)
#: a town, city or village in GeoNames' feature codes: the most specific place ACLED codes
TOWN_FEATURES = frozenset("PPL PPLA PPLA2 PPLA3 PPLA4 PPLC PPLL PPLX PPLF PPLS PPLG PPLR".split())
_OTHER_CLAUSES = frozenset({"relcl", "advcl", "acl", "ccomp", "conj", "appos"})


def _tokens(root: Any, skip_clauses: bool = True) -> list[Any]:
    """`root`'s subtree without the clauses hanging off it ("a town, which X held since ...")."""
    out, stack = [], [root]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if skip_clauses and c.dep_ in _OTHER_CLAUSES and c.pos_ in ("VERB", "AUX"):
                continue
            if c.dep_ == "prep" and c.lower_ == "from":
                continue  # "a driver from Lagos": an origin, not the scene
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _locative_phrases(head: Any) -> Iterable[tuple[Any, bool]]:
    """(prepositional object, near?) for each locative phrase of `head`."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS:
            near = c.lower_ in NEAR_WORDS
            for p in c.children:
                if p.dep_ == "pobj":
                    yield p, near or p.lemma_.lower() in NEAR_WORDS


_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


def not_a_scene(parsed: Any, place: Place) -> bool:
    """True for a toponym that names no scene of events: a nationality adjective ("an American
    soldier", "Iraqi"), an origin ("a driver from Abidjan") or a month abbreviation ("Nov. 22").
    Such places are no fallback location for an event."""
    if place.text.rstrip(".").lower() in _MONTH_ABBREVIATIONS:
        return True
    span = span_at(parsed, place.start, place.end)
    if span is None or not len(span):
        return False
    first, root = span[0], span.root
    if first.pos_ == "ADJ" or (root.ent_type_ == "NORP" and root.dep_ in ("amod", "compound", "nmod", "poss")):
        return True  # "Syrian army positions", "Croatian Serbs": a nationality modifying a noun
    head = root.head if root.dep_ in ("pobj", "compound") else None
    while head is not None and head.dep_ == "compound":
        head = head.head
    if root.dep_ == "compound" and head is not None and head.dep_ == "pobj":
        head = head.head
    return head is not None and head.dep_ == "prep" and head.lower_ == "from"


def _preposition(parsed: Any, place: Place) -> Any:
    """The preposition whose object the toponym is (through compounds and "the capital X"), or None;
    "of" only after a noun of place ("the outskirts of Kabul", "the town of Sirte")."""
    span = span_at(parsed, place.start, place.end)
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(6):
        if tok.dep_ == "prep" and tok.lower_ == "of" and tok.head.lemma_.lower() in PLACE_NOUNS | NEAR_WORDS:
            return tok  # "on the outskirts of Kabul", "the town of Sirte": named as a place
        if tok.dep_ == "prep":
            return tok
        if tok.dep_ not in ("pobj", "compound", "appos"):
            return None
        tok = tok.head
    return None


def is_locative(parsed: Any, place: Place) -> bool:
    """True for a toponym named as a place: the object of a locative preposition ("near Damascus",
    "in the capital Kabul"), even when the same name elsewhere stands for a state."""
    prep = _preposition(parsed, place)
    return prep is not None and prep.lower_ in STRICT_LOCATIVE_PREPS


def _levels(trigger: Any) -> list[list[tuple[Any, bool]]]:
    """Phrases that may place the event, most direct first: the trigger's locative phrases (and,
    for an event noun, those of the verb it belongs to) with the place it acts on, then its
    subject's locative phrases."""
    heads = [trigger]
    if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") and trigger.dep_ in (
        "nsubj", "nsubjpass", "dobj", "attr", "pobj"
    ):
        heads.append(trigger.head)  # "clashes erupted in X", "carried out an attack in X"
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    # the other side of a two-sided event is where it met it ("clashed with the army in Raqqa")
    objects += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
                for p in c.children if p.dep_ == "pobj"]
    # the locative phrases and the place acted on together: "liberated the village of X in Y
    # province" is at the village, the town among them
    levels = [[p for h in heads for p in _locative_phrases(h)] + [(o, False) for o in objects]]
    subjects = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
    levels.append([p for s in subjects for p in _locative_phrases(s)])
    return levels


def _overlaps(place: Place, tokens: Sequence[Any]) -> bool:
    return any(t.idx < place.end and place.start < t.idx + len(t.text) for t in tokens)


def _specific(places: list[Place]) -> Place:
    towns = [p for p in places if p.feature in TOWN_FEATURES]
    if towns:
        return towns[0]
    return min(places, key=lambda p: {"ADM2": 0, "ADM1": 1, "RGN": 2, "PCLI": 3}.get(p.feature or "", 0))


def clause_place(
    trigger: Any, places: Sequence[Place], actor_spans: Sequence[tuple[int, int]] = ()
) -> Place | None:
    """The resolved place attached to the clause of `trigger` (a spaCy token), with ACLED
    geo-precision 2 when the event was only near it; None when the clause names no place.

    A toponym that also names an actor (`actor_spans`: "pressure on the US", "attacked Syrian
    positions") counts only as the object of a strictly locative preposition ("in Kabul").
    """
    doc, sent = trigger.doc, sentence_of(trigger)

    def usable(p: Place) -> bool:
        if p.lat is None or not sent.start_char <= p.start < sent.end_char or not_a_scene(doc, p):
            return False
        if any(a < p.end and p.start < b for a, b in actor_spans):
            prep = _preposition(doc, p)
            return prep is not None and prep.lower_ in STRICT_LOCATIVE_PREPS
        return True

    here = [p for p in places if usable(p)]
    if not here:
        return None
    for depth, level in enumerate(_levels(trigger)):
        found: list[tuple[Place, bool]] = []
        for root, near in level:
            toks = _tokens(root)
            near = near or any(t.lemma_.lower() in NEAR_WORDS for t in toks)
            found += [(p, near) for p in here if _overlaps(p, toks)]
        if depth > 0:  # the subject's location: a town or district it is in, not a country it borders
            found = [(p, n) for p, n in found if p.feature not in ("PCLI", "RGN", "CONT")]
        if found:
            best = _specific([p for p, _ in found])
            near = next(n for p, n in found if p is best)
            if near and (best.precision or 1) < 2:
                best = dataclasses.replace(best, precision=2)
            return best
    return None
