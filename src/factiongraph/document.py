"""The data model: one `Document` owns the text; everything else is a span into it.

All classes are frozen dataclasses. Pipeline stages return new documents with
`dataclasses.replace`, never mutate one in place. Offsets are Python `str`
indices into `Document.text`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args

SectionKind = Literal["article", "comment"]
Certainty = Literal["asserted", "reported", "hedged", "disputed", "speculative", "hypothetical", "negated"]
RelationType = Literal["alliance", "hostility", "support", "affiliation"]
RelationStatus = Literal["current", "former", "intended"]
# The 16 PLOVER event types (PLOVER manual, draft 0.8); events/lexicon.py reads them from here.
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
MentionHow = Literal["name", "alias", "generic", "coref", "ner"]
RelationChange = Literal["formed", "broken", "joined", "left", "merged"]
ActorKind = Literal[
    "state",
    "foreign_state",
    "foreign_agency",
    "rebel",
    "militia",
    "civilians",
    "protesters",
    "international_org",
    "other",
]

CERTAINTIES: tuple[Certainty, ...] = get_args(Certainty)
PLOVER_TYPES: tuple[PloverType, ...] = get_args(PloverType)

_L = TypeVar("_L", bound=str)


def _checked(value: str, allowed: tuple[_L, ...], what: str) -> _L:
    """`value` as one of the `allowed` literals; a ValueError naming them when it is none."""
    for a in allowed:
        if a == value:
            return a
    raise ValueError(f"unknown {what} {value!r}: expected one of {', '.join(allowed)}")


# Checked conversions for values computed as plain strings (table lookups, parse rules): the data model's
# fields take only the kinds it names, and a misspelt kind fails where it is made.
def as_plover(value: str) -> PloverType:
    return _checked(value, PLOVER_TYPES, "PLOVER type")


def as_certainty(value: str) -> Certainty:
    return _checked(value, CERTAINTIES, "certainty")


def as_relation_type(value: str) -> RelationType:
    return _checked(value, get_args(RelationType), "relation type")


def as_relation_status(value: str) -> RelationStatus:
    return _checked(value, get_args(RelationStatus), "relation status")


def as_relation_change(value: str) -> RelationChange:
    return _checked(value, get_args(RelationChange), "relation change")


def as_actor_kind(value: str) -> ActorKind:
    return _checked(value, get_args(ActorKind), "actor kind")


def as_mention_how(value: str) -> MentionHow:
    return _checked(value, get_args(MentionHow), "mention kind")


@dataclass(frozen=True, slots=True)
class Span:
    """A character range `[start, end)` of the document text, with the text it covers."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the document: the report itself or the reader comments under it."""

    kind: SectionKind
    start: int
    end: int
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where an actor is named or referred to."""

    start: int
    end: int
    text: str
    actor_id: str
    how: MentionHow = "name"


@dataclass(frozen=True, slots=True)
class Actor:
    """An entity of the document, resolved to the registry when possible."""

    id: str
    name: str
    kind: ActorKind
    acled_inter: int | None
    country: str | None
    registry_id: str | None
    known: bool
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym in the text and where it resolves on the map (coordinates may be unknown)."""

    start: int
    end: int
    text: str
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    precision: int | None = None  # ACLED geo-precision 1 (exact town) .. 3 (region)


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date range with its precision and the text it came from."""

    start: dt.date
    end: dt.date
    precision: Literal["day", "week", "month", "year"]
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, typed in PLOVER and ACLED, with its evidence span."""

    id: str
    plover: PloverType
    plover_mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    actor1_mention: Span | None
    actor2_mention: Span | None
    trigger: Span
    evidence: Span
    certainty: Certainty = "asserted"
    source_kind: SectionKind = "article"
    attributed_to: str | None = None
    location: Place | None = None
    date: DateValue | None = None
    fatalities: int | None = None
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Relation:
    """A tie between two actors (alliance, hostility, support, affiliation) with its evidence."""

    type: RelationType
    source: str
    target: str
    source_mention: Span | None
    target_mention: Span | None
    status: RelationStatus
    certainty: Certainty
    source_kind: SectionKind
    evidence: Span
    derived_from: str | None = None
    confidence: float = 0.5
    # the construction that produced the row ("modifier", "verb", "derived-ASSAULT", "between", ...):
    # evidence for the analyst and a feature of the confidence model
    method: str = "rule"
    # what the evidence reports happening to the tie: formed, broken, joined, left, merged (None: no change)
    change: RelationChange | None = None


@dataclass(frozen=True, slots=True)
class DocError:
    """Why a document could not be processed."""

    code: str
    message: str


@dataclass(frozen=True)
class Document:
    """A document and everything extracted from it so far.

    `parsed` holds the spaCy `Doc` between stages; it is not part of the output.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = "en"
    sections: tuple[Section, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    places: tuple[Place, ...] = ()
    warnings: tuple[str, ...] = ()
    error: DocError | None = None
    # Hints from the reader, e.g. section spans known from HTML markup.
    hints: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    parsed: Any = field(default=None, compare=False, repr=False)

    def span(self, start: int, end: int) -> Span:
        """A `Span` of this document's text."""
        return Span(start, end, self.text[start:end])

    def section_at(self, offset: int) -> Section | None:
        """The section holding a character offset."""
        for s in self.sections:
            if s.start <= offset < s.end:
                return s
        return None

    def source_kind_at(self, offset: int) -> SectionKind:
        s = self.section_at(offset)
        return s.kind if s else "article"

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None
