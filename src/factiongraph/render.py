"""Terminal rendering of extraction results (Rich tables), separate from the data model."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factiongraph.document import Document, Span

CERTAINTY_STYLE = {
    "asserted": "green",
    "reported": "cyan",
    "hedged": "yellow",
    "disputed": "magenta",
    "speculative": "bright_magenta",
    "hypothetical": "blue",
    "negated": "red",
}


def _evidence(doc: Document, evidence: Span, marks: list[Span | None]) -> Text:
    """The evidence sentence with the trigger and actor mentions highlighted."""
    t = Text(evidence.text)
    for m in marks:
        if m is None or m.start < evidence.start or m.end > evidence.end:
            continue
        t.stylize("bold underline", m.start - evidence.start, m.end - evidence.start)
    return t


def _name(doc: Document, actor_id: str | None) -> str:
    if actor_id is None:
        return "-"
    a = doc.actor(actor_id)
    return a.name if a else actor_id


def document_view(doc: Document) -> Any:
    """A Rich renderable for one document: its events and relations with their evidence."""
    if doc.error is not None:
        return Text(f"{doc.id}: error {doc.error.code}: {doc.error.message}", style="red")
    head = Text(doc.title or doc.id, style="bold")
    sections = ", ".join(f"{s.kind} {s.start}-{s.end}" for s in doc.sections)
    sub = Text(
        f"{len(doc.actors)} actors, {len(doc.events)} events, {len(doc.relations)} relations, "
        f"{len(doc.places)} places; sections: {sections}",
        style="dim",
    )
    parts: list[Any] = [head, sub]
    for w in doc.warnings:
        parts.append(Text(f"warning: {w}", style="yellow"))
    if doc.events:
        t = Table(title="Events", show_lines=True, expand=True)
        for col in ("type", "actor1", "actor2", "certainty", "where / when", "evidence"):
            t.add_column(col, overflow="fold", ratio=5 if col == "evidence" else 2, min_width=12)
        for e in doc.events:
            style = CERTAINTY_STYLE.get(e.certainty, "")
            kind = e.plover + (f"/{e.plover_mode}" if e.plover_mode else "")
            if e.acled_sub_event_type:
                kind += f"\n{e.acled_sub_event_type}"
            where = e.location.name if e.location else "-"
            when = e.date.start.isoformat() if e.date else "-"
            cert = e.certainty + (f"\n({e.attributed_to})" if e.attributed_to else "") + f"\n{e.source_kind}"
            t.add_row(  # every cell a Text: names and places come from the document, never markup
                Text(kind),
                Text(_name(doc, e.actor1)),
                Text(_name(doc, e.actor2)),
                Text(cert, style=style),
                Text(f"{where}\n{when}"),
                _evidence(doc, e.evidence, [e.trigger, e.actor1_mention, e.actor2_mention]),
            )
        parts.append(t)
    if doc.relations:
        t = Table(title="Relations", show_lines=True, expand=True)
        for col in ("type", "source", "target", "status", "certainty", "evidence"):
            t.add_column(col, overflow="fold", ratio=5 if col == "evidence" else 2, min_width=12)
        for r in doc.relations:
            style = CERTAINTY_STYLE.get(r.certainty, "")
            rtype = r.type + (f"\n(from {r.derived_from})" if r.derived_from else "")
            t.add_row(
                Text(rtype),
                Text(_name(doc, r.source)),
                Text(_name(doc, r.target)),
                Text(r.status),
                Text(f"{r.certainty}\n{r.source_kind}", style=style),
                _evidence(doc, r.evidence, [r.source_mention, r.target_mention]),
            )
        parts.append(t)
    return Panel(Group(*parts), expand=True)


def print_document(console: Console, doc: Document) -> None:
    console.print(document_view(doc))
