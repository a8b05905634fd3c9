"""Long documents in bounded windows, so extraction time and memory grow linearly with length.

A document longer than `WINDOW_CHARS` is cut into windows at paragraph ends (else sentence
ends, else spaces) and each window is parsed and extracted on its own; the results are shifted
back to the document's offsets and joined into one `Document` (`join`).

Cross-window coreference is kept two ways:

- each window after the first starts with up to `CONTEXT_CHARS` of the text before it (whole
  lines when possible), so a pronoun or "the group" at the top of a window finds its antecedent;
  what the stages find in that context belongs to the previous window and is dropped here,
  except the mentions an event or relation of this window points at;
- actors are joined by id, and ids are the same in every window (registry ids and name slugs),
  so an actor named in one window and referred to in another is one actor.

The salience pruning that drops peripheral actors needs the whole document: each window records
its candidates (`mark_peripheral`) and an actor is dropped after the join only when it was
peripheral in every window that names it and no event or relation of the document has it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factiongraph.actors.salience import PERIPHERAL_HINT, crowded_out, prune
from factiongraph.document import Actor, Document, Event, Mention, Place, Relation, Section, Span

__all__ = ["CONTEXT_CHARS", "WINDOW_CHARS", "Window", "join", "mark_peripheral", "plan", "split"]

# Chosen by measurement (bench/long_documents.py): large enough that a report's paragraphs stay
# together and spaCy's per-call overhead is amortised, small enough for memory to stay flat.
WINDOW_CHARS = 20_000
CONTEXT_CHARS = 1_500
WINDOW_HINT = "window"  # hint on a piece: its `Window`
CANDIDATES_HINT = "window_peripheral"  # hint on an extracted piece: its peripheral-actor candidates

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Window:
    """A piece of a document: `text[start:end]`, whose own part starts at `own` (start <= own < end)."""

    start: int
    own: int
    end: int


def _cut(text: str, lo: int, hi: int) -> int:
    """The best place to end a window in `text[lo:hi]`: after a line, else a sentence, else a space."""
    nl = text.rfind("\n", lo, hi)
    if nl >= 0:
        return nl + 1
    best = -1
    for m in _SENTENCE_END.finditer(text, lo, hi):
        best = m.end()
    if best > lo:
        return best
    sp = max(text.rfind(" ", lo, hi), text.rfind("\t", lo, hi))
    return sp + 1 if sp >= 0 else hi


def _context_start(text: str, own: int, context: int) -> int:
    """Where the context before a window's own part starts: a line start, else a space."""
    lo = max(0, own - context)
    if lo == 0:
        return 0
    nl = text.find("\n", lo, own)
    if nl >= 0 and nl + 1 < own:
        return nl + 1
    sp = text.find(" ", lo, own)
    return sp + 1 if 0 <= sp < own - 1 else own


def plan(text: str, size: int = WINDOW_CHARS, context: int = CONTEXT_CHARS) -> list[Window]:
    """The windows of a text: own parts cover it exactly, in order; one window when it is short.

    A window with its context is at most 2 x `size` long (the context is cut to the size).
    """
    if size <= 0 or len(text) <= size:
        return [Window(0, 0, len(text))]
    context = min(context, size)
    out: list[Window] = []
    own = 0
    while own < len(text):
        end = len(text) if len(text) - own <= size else _cut(text, own + size // 2, own + size)
        start = _context_start(text, own, context) if own else 0
        out.append(Window(start, own, end))
        own = end
    return out


def _clip_sections(sections: Sequence[Section], w: Window) -> tuple[Section, ...]:
    out = []
    for s in sections:
        lo, hi = max(s.start, w.start), min(s.end, w.end)
        if lo < hi:
            out.append(Section(s.kind, lo - w.start, hi - w.start, s.author))
    return tuple(out)


def split(doc: Document, size: int = WINDOW_CHARS, context: int = CONTEXT_CHARS) -> list[Document]:
    """A segmented document as pieces to extract: `[doc]` when it fits in one window."""
    windows = plan(doc.text, size, context)
    if len(windows) == 1:
        return [doc]
    hints = {k: v for k, v in doc.hints.items() if k != "sections"}
    return [
        dataclasses.replace(
            doc, text=doc.text[w.start:w.end], sections=_clip_sections(doc.sections, w), warnings=(),
            hints={**hints, WINDOW_HINT: w},
        )
        for w in windows
    ]


def mark_peripheral(doc: Document) -> Document:
    """A parsed, extracted piece with its peripheral-actor candidates recorded (pruning waits for `join`)."""
    candidates = set(doc.hints.get(PERIPHERAL_HINT, ())) | crowded_out(doc)
    return dataclasses.replace(doc, hints={**doc.hints, CANDIDATES_HINT: candidates})


def _span(s: Span | None, d: int) -> Span | None:
    return None if s is None else _moved(s, d)


def _moved(s: Span, d: int) -> Span:
    return Span(s.start + d, s.end + d, s.text)


def _place(p: Place | None, d: int) -> Place | None:
    return None if p is None else dataclasses.replace(p, start=p.start + d, end=p.end + d)


@dataclass
class _Joined:
    actors: dict[str, Actor]
    mentions: dict[str, dict[tuple[int, int], Mention]]
    named_in: dict[str, int]  # actor id -> windows with an own mention of it
    peripheral_in: dict[str, int]  # actor id -> windows where it was a peripheral candidate
    events: list[Event]
    event_keys: dict[tuple[int, int, str], str]  # (trigger start, end, plover) -> joined event id
    relations: list[Relation]
    places: dict[tuple[int, int], Place]
    warnings: list[str]


def join(doc: Document, pieces: Sequence[Document]) -> Document:
    """The extracted pieces of `doc` as one extracted document, in its offsets (see the module notes)."""
    acc = _Joined({}, {}, {}, {}, [], {}, [], {}, list(doc.warnings))
    focus = None
    for piece in pieces:
        w: Window = piece.hints[WINDOW_HINT]
        focus = focus or piece.hints.get("focus_country")
        _add_piece(acc, piece, w)
    actors = tuple(
        dataclasses.replace(a, mentions=tuple(sorted(acc.mentions[a.id].values(), key=lambda m: m.start)))
        for a in acc.actors.values()
    )
    actors = tuple(sorted(actors, key=lambda a: a.mentions[0].start if a.mentions else 0))
    peripheral = [a for a in acc.named_in if acc.peripheral_in.get(a, 0) >= acc.named_in[a]]
    hints = {**doc.hints, "focus_country": focus, PERIPHERAL_HINT: peripheral, "windows": len(pieces)}
    joined = dataclasses.replace(
        doc, actors=actors, events=tuple(acc.events), relations=tuple(acc.relations),
        places=tuple(sorted(acc.places.values(), key=lambda p: p.start)),
        warnings=tuple(dict.fromkeys(acc.warnings)), hints=hints, parsed=None,
    )
    return prune(joined)


def _add_piece(acc: _Joined, piece: Document, w: Window) -> None:
    d, own = w.start, w.own - w.start
    events = [e for e in piece.events if e.trigger.start >= own]
    relations = [r for r in piece.relations if r.evidence.start >= own]
    used = {e.actor1 for e in events} | {e.actor2 for e in events}
    used |= {r.source for r in relations} | {r.target for r in relations}
    candidates = set(piece.hints.get(CANDIDATES_HINT, ()))
    for a in piece.actors:
        mine = [m for m in a.mentions if m.start >= own]
        if not mine and a.id not in used:
            continue
        if a.id not in acc.actors:
            acc.actors[a.id] = a
            acc.mentions[a.id] = {}
        for m in mine or a.mentions:
            acc.mentions[a.id].setdefault((m.start + d, m.end + d), dataclasses.replace(m, start=m.start + d,
                                                                                        end=m.end + d))
        if mine:
            acc.named_in[a.id] = acc.named_in.get(a.id, 0) + 1
            acc.peripheral_in[a.id] = acc.peripheral_in.get(a.id, 0) + (a.id in candidates)
    ids: dict[str, str] = {}
    for e in events:
        new_id = f"e{len(acc.events) + 1}"
        ids[e.id] = new_id
        trigger = _moved(e.trigger, d)
        acc.event_keys[(trigger.start, trigger.end, e.plover)] = new_id
        acc.events.append(dataclasses.replace(
            e, id=new_id, trigger=trigger, evidence=_moved(e.evidence, d), actor1_mention=_span(e.actor1_mention, d),
            actor2_mention=_span(e.actor2_mention, d), location=_place(e.location, d),
        ))
    for e in piece.events:  # events of the context: the previous window numbered them
        if e.id not in ids:
            found = acc.event_keys.get((e.trigger.start + d, e.trigger.end + d, e.plover))
            if found:
                ids[e.id] = found
    acc.relations.extend(
        dataclasses.replace(
            r, evidence=_moved(r.evidence, d), source_mention=_span(r.source_mention, d),
            target_mention=_span(r.target_mention, d), derived_from=ids.get(r.derived_from or ""),
        )
        for r in relations
    )
    for p in piece.places:
        if p.start >= own:
            moved_place = _place(p, d)
            assert moved_place is not None
            acc.places.setdefault((moved_place.start, moved_place.end), moved_place)
    acc.warnings.extend(piece.warnings)
