"""`factiongraph correct ...` and `factiongraph contradictions`: an analyst's corrections and the
sources that disagree. Each command opens the store and calls one function of
`factiongraph.store.corrections` or `factiongraph.store.contradictions`.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from factiongraph.cli_store import LimitOpt, OffsetOpt, page_note
from factiongraph.store import contradictions as contra
from factiongraph.store import corrections as corr
from factiongraph.store.core import DEFAULT_DB, Store, StoreError, is_postgres

err = Console(stderr=True, soft_wrap=True)

correct_app = typer.Typer(
    help="Correct the store as an analyst: confirm, reject or edit an event or relation; merge or split actors."
    " Corrections are kept in their own table (who, when, why, what they replaced), applied to every view and"
    " export, and hold when the same documents are ingested again.",
    no_args_is_help=True,
)

DbOpt = Annotated[str, typer.Option("--db", help="DuckDB file or postgresql:// URL.", envvar="FACTIONGRAPH_DB")]
WhoOpt = Annotated[
    str | None,
    typer.Option("--who", help=f"Who makes the correction (default: ${corr.ANALYST_ENV}, else the login name).",
                 show_default=False),
]  # fmt: skip
WhyOpt = Annotated[str | None, typer.Option("--why", help="Why: kept with the correction.", show_default=False)]
WholeTieOpt = Annotated[
    bool,
    typer.Option("--whole-tie", help="A relation: every statement of its tie (type and pair) in the store, each"
                 " recorded as its own correction."),
]  # fmt: skip
RefArg = Annotated[
    str,
    typer.Argument(help="DOC_HASH/IDX of a relation or DOC_HASH/EVENT_ID of an event (the end of its web page's URL).",
                   show_default=False),
]  # fmt: skip


REJECT_HELP = (
    "Reject an event or relation: it leaves the graph, the changes and every export (a rejected event takes"
    " the relations derived from it along); its page shows it as rejected by the analyst."
)
EXPORT_HELP = (
    "Write the relation corrections as labelled examples (JSON lines) for the confidence model: the tie,"
    " where its features come from (document and evidence span) and the label (1 confirmed, 0 rejected or"
    " edited, with the analyst's version)."
)
CONTRADICTIONS_HELP = (
    "List the ties and events on which sources disagree - one allied, the other hostile; one states a tie or"
    " an event, the other denies it - with the evidence of both sides."
)


class Target(str, Enum):
    relation = "relation"
    event = "event"


class ListFormat(str, Enum):
    table = "table"
    json = "json"


def _open(db: str, *, write: bool = True) -> Store:
    """The store: held for one short correcting command (a reader waits at most that long), or
    opened read-only by a command that only reads."""
    if not is_postgres(db) and db != ":memory:" and not Path(db).exists():
        hint = f"no store at {db} (run `factiongraph ingest PATH... --db {db}` first)"
        err.print("[red]error:[/red] " + escape(hint))
        raise typer.Exit(2)
    try:
        return Store.open(db, read_only=not write)
    except StoreError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        raise typer.Exit(2) from None


def _run(db: str, kind: str, ref: str, action: str, payload: dict[str, Any], who: str | None,
         why: str | None, *, whole_tie: bool = False) -> None:  # fmt: skip
    if whole_tie and kind != "relation":
        raise typer.BadParameter("--whole-tie applies to a relation", param_hint="--whole-tie")
    with _open(db) as store:
        try:
            if whole_tie:
                done = corr.correct_tie(store, ref, action, payload=payload, who=who, why=why)
            else:
                done = [corr.correct(store, kind, ref, action, payload=payload, who=who, why=why)]
        except corr.CorrectionError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}")
            raise typer.Exit(1) from None
        except StoreError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}")
            raise typer.Exit(2) from None
    for c in done:
        changed = sum(len(rows) for rows in c.replaced.values())
        detail = f" {json.dumps(c.payload, ensure_ascii=False)}" if c.payload else ""
        err.print(escape(f"correction {c.id}: {action} {kind} {_ref(c)}{detail} by {c.who} ({changed} row(s)"
                         f" replaced; key {c.target_key})"), highlight=False)  # fmt: skip


def _ref(c: corr.Correction) -> str:
    """How the command line names a correction's target: DOC_HASH/IDX, DOC_HASH/EVENT_ID, the actor id."""
    table, col = ("relations", "idx") if c.target_kind == "relation" else ("events", "event_id")
    rows = c.replaced.get(table) or []
    return f"{c.doc_hash}/{rows[0][col]}" if c.target_kind != "actor" and rows else c.target_key


@correct_app.command("confirm")
def confirm(kind: Target, ref: RefArg, who: WhoOpt = None, why: WhyOpt = None, whole_tie: WholeTieOpt = False,
            db: DbOpt = DEFAULT_DB) -> None:  # fmt: skip
    """Confirm an event or relation as extracted (it then passes the confidence threshold)."""
    _run(db, kind.value, ref, "confirm", {}, who, why, whole_tie=whole_tie)


@correct_app.command("reject", help=REJECT_HELP)
def reject(kind: Target, ref: RefArg, who: WhoOpt = None, why: WhyOpt = None, whole_tie: WholeTieOpt = False,
           db: DbOpt = DEFAULT_DB) -> None:  # fmt: skip
    """Reject an event or relation: it leaves the graph, the changes and every export (with the
    relations derived from a rejected event); its page shows it as rejected by the analyst."""
    _run(db, kind.value, ref, "reject", {}, who, why, whole_tie=whole_tie)


@correct_app.command("edit")
def edit(
    kind: Target,
    ref: RefArg,
    type_: Annotated[str | None, typer.Option("--type", help="Relation type (alliance, hostility, support,"
                                              " affiliation) or event PLOVER type.", show_default=False)] = None,
    status: Annotated[str | None, typer.Option(help="Relation status: current, former, intended.",
                                               show_default=False)] = None,
    certainty: Annotated[str | None, typer.Option(help="Certainty (asserted ... negated).", show_default=False)] = None,
    source: Annotated[str | None, typer.Option(help="Relation source: an actor id.", show_default=False)] = None,
    target: Annotated[str | None, typer.Option(help="Relation target: an actor id.", show_default=False)] = None,
    actor1: Annotated[str | None, typer.Option(help="Event actor 1: an actor id.", show_default=False)] = None,
    actor2: Annotated[str | None, typer.Option(help="Event actor 2: an actor id.", show_default=False)] = None,
    swap: Annotated[bool, typer.Option("--swap", help="Turn the direction around (source and target, or the"
                                       " event's actors).")] = False,
    who: WhoOpt = None,
    why: WhyOpt = None,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Edit an event or relation: its type, direction, status, certainty or endpoints."""
    fields = {"status": status, "certainty": certainty, "swap": swap or None}
    if kind is Target.relation:
        fields.update({"type": type_, "source": source, "target": target})
        wrong = {"--actor1": actor1, "--actor2": actor2}
    else:
        fields.update({"plover": type_, "actor1": actor1, "actor2": actor2})
        wrong = {"--source": source, "--target": target}
    given = [name for name, value in wrong.items() if value is not None]
    if given:
        raise typer.BadParameter(f"a {kind.value} has no {', '.join(given)}", param_hint=given[0])
    _run(db, kind.value, ref, "edit", {k: v for k, v in fields.items() if v is not None}, who, why)


@correct_app.command("merge")
def merge(
    actor: Annotated[str, typer.Argument(help="The actor id to merge away.", show_default=False)],
    into: Annotated[str, typer.Option("--into", help="The actor id it is one with.", show_default=False)],
    who: WhoOpt = None,
    why: WhyOpt = None,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Merge two actors: every event, relation and mention of ACTOR becomes INTO's."""
    _run(db, "actor", actor, "merge", {"into": into}, who, why)


@correct_app.command("split")
def split(
    actor: Annotated[str, typer.Argument(help="The actor id that conflates two actors.", show_default=False)],
    new_id: Annotated[str, typer.Option("--new-id", help="The id of the actor to split off.", show_default=False)],
    document: Annotated[list[str], typer.Option("--document", help="A document (hash or id) whose mentions of"
                                                " ACTOR are the new actor; repeatable.", show_default=False)],
    name: Annotated[str | None, typer.Option(help="The new actor's name (default: its id).",
                                             show_default=False)] = None,
    who: WhoOpt = None,
    why: WhyOpt = None,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Split an actor: in the given documents, ACTOR's events, relations and mentions become a new actor's."""
    _run(db, "actor", actor, "split", {"new_id": new_id, "name": name, "documents": document}, who, why)


@correct_app.command("undo")
def undo(
    correction: Annotated[int, typer.Argument(help="The id of the correction to undo (see `correct list`).",
                                              show_default=False)],
    who: WhoOpt = None,
    why: WhyOpt = None,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Undo a confirm, reject or edit: its rows go back to what they were, and the undo is recorded."""
    with _open(db) as store:
        try:
            c = corr.undo(store, correction, who=who, why=why)
        except corr.CorrectionError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}")
            raise typer.Exit(1) from None
    err.print(escape(f"correction {c.id}: undo of correction {correction} by {c.who}"), highlight=False)


@correct_app.command("list")
def list_(
    format_: Annotated[ListFormat, typer.Option("--format", help="table or json (one object a line).")] = (
        ListFormat.table
    ),
    db: DbOpt = DEFAULT_DB,
) -> None:
    """List the corrections, oldest first."""
    with _open(db, write=False) as store:
        found = corr.list_corrections(store)
    if format_ is ListFormat.json:
        for c in found:
            sys.stdout.write(json.dumps(c.to_dict(), ensure_ascii=False, default=str) + "\n")
        return
    table = Table("id", "when", "who", "action", "target", "change", "why")
    for c in found:
        table.add_row(str(c.id), c.created_at.isoformat(sep=" "), c.who, c.action,
                      f"{c.target_kind} {c.target_key}", json.dumps(c.payload, ensure_ascii=False) if c.payload else "",
                      c.why or "")  # fmt: skip
    Console().print(table)
    err.print(f"{len(found)} correction(s)", highlight=False)


@correct_app.command("export", help=EXPORT_HELP)
def export_examples(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write there instead of standard output.",
                                                show_default=False)] = None,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Write the relation corrections as labelled examples for the confidence model (see EXPORT_HELP)."""
    with _open(db, write=False) as store:
        if output is None:
            n = corr.write_examples(store, sys.stdout)
        else:
            with open(output, "w", encoding="utf-8") as out:
                n = corr.write_examples(store, out)
    err.print(f"{n} labelled example(s)" + (f" written to {output}" if output else ""), highlight=False)


def contradictions(
    window_days: Annotated[int, typer.Option(min=0, help="Statements this many days apart or closer can"
                                             " disagree.")] = contra.DEFAULT_WINDOW_DAYS,
    format_: Annotated[ListFormat, typer.Option("--format", help="table or json (one object a line).")] = (
        ListFormat.table
    ),
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """List the ties and events on which sources disagree (see CONTRADICTIONS_HELP)."""
    with _open(db, write=False) as store:
        if limit is None:
            found = contra.contradictions(store, window_days=window_days)
            total = len(found)
        else:
            found, total = contra.contradictions_page(store, window_days=window_days, limit=limit, offset=offset)
    if format_ is ListFormat.json:
        for c in found:
            sys.stdout.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table("kind", "pair", "one source", "the other")
    for c in found:
        table.add_row(c.kind, f"{c.a} / {c.b}", _side(c.first), _side(c.second))
    Console().print(table)
    note = f"{total} contradiction(s)" if limit is None else "contradictions " + page_note(len(found), offset, total)
    err.print(note, highlight=False)


def _side(s: dict[str, Any]) -> str:
    what = s.get("type") or s.get("plover")
    return f"{s['day']} {s['doc_id']}: {what} ({s['certainty']}) \"{s['evidence_text']}\""


def register(app: typer.Typer) -> None:
    """Adds `correct` and `contradictions` to the `factiongraph` command line."""
    app.add_typer(correct_app, name="correct")
    app.command("contradictions", help=CONTRADICTIONS_HELP)(contradictions)
