"""Read-only queries behind the web pages and their JSON twins.

Each public function takes a `Store` and returns JSON-ready dicts (dates as `datetime.date`,
which FastAPI and Jinja both render). Graph edges and changes come from `factiongraph.graph`;
events, reports and evidence contexts are plain SQL over the tables of `store/schema.py`.
Nothing here writes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from factiongraph import graph as fg
from factiongraph.document import CERTAINTIES
from factiongraph.store import actor_state, web_state
from factiongraph.store.contradictions import contradicted_pairs, contradictions
from factiongraph.store.core import Store
from factiongraph.store.evidence import NON_PARTIES, tie_reports

SOURCE_KINDS: tuple[str, ...] = ("article", "comment")
DEFAULT_CERTAINTIES: tuple[str, ...] = ("asserted", "reported", "hedged")
DEFAULT_SOURCE_KINDS: tuple[str, ...] = ("article",)  # reader comments are left out unless asked for
CONTEXT_CHARS = 280  # characters of document text shown on each side of an evidence span
MAX_GRAPH_EDGES = 400
MAX_MAP_EVENTS = 5000
MAP_ACTORS = 300  # actors the map offers to filter by: those with the most located events
PAGE_SIZE = 200  # rows of one list on a page (actor pages, the actor list); the rest are paged
MAX_TIMELINE_MARKS = 2000  # relation reports an actor page draws at most; beyond, every n-th in date order
# ACLED event types in a fixed order, so that the map's colours stay put; None: no ACLED type.
ACLED_TYPES: tuple[str, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
    "Protests",
    "Riots",
)

# Each event once per actor taking part (`{where}` filters the events): the one GROUP BY that
# counts events per actor (a join on `actor1 = id OR actor2 = id` compares every pair).
_EVENT_ACTORS = (
    "SELECT actor1 AS actor FROM events WHERE actor1 IS NOT NULL AND {where} UNION ALL"
    " SELECT actor2 AS actor FROM events WHERE actor2 IS NOT NULL AND (actor1 IS NULL OR actor2 <> actor1) AND {where}"
)


def display_title(title: str | None, url: str | None, doc_id: str | None) -> str:
    """What a document is called on the pages: its title, else its URL, else the file name of its
    id (ids of files read from disk are paths on the server, which say nothing to a reader)."""
    for value in (title, url):
        if value and value.strip():
            return value.strip()
    name = (doc_id or "").replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name or doc_id or "(untitled)"


def _titled(row: dict[str, Any], title: str = "title", url: str = "url", doc_id: str = "id") -> dict[str, Any]:
    row["display_title"] = display_title(row.get(title), row.get(url), row.get(doc_id))
    return row


def page_info(total: int, page: int, size: int = PAGE_SIZE) -> dict[str, Any]:
    """Where a cut list stands: `page` (1-based, clamped), the rows shown (`first`..`last`,
    1-based), `total`, and the neighbouring pages (None at either end)."""
    pages = max(1, -(-total // size))
    page = min(max(1, page), pages)
    first = (page - 1) * size
    return {"page": page, "pages": pages, "size": size, "total": total, "offset": first,
            "first": first + 1 if total else 0, "last": min(total, first + size),
            "prev": page - 1 if page > 1 else None, "next": page + 1 if page < pages else None}  # fmt: skip


def _in(values: Sequence[str]) -> str:
    return "(" + ", ".join("?" * len(values)) + ")" if values else "(NULL)"


def _date(value: Any) -> dt.date | None:
    """`graph.as_date`, with None for text that is no date (a page shows what it can)."""
    try:
        return fg.as_date(value)
    except ValueError:
        return None


def clean_choices(values: Iterable[str] | None, allowed: Sequence[str], default: Sequence[str]) -> list[str]:
    """The values that are in `allowed` (in its order); `default` when none was given."""
    if values is None:
        return list(default)
    given = set(values)
    return [v for v in allowed if v in given]


def actor_names(store: Store) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in store.query("SELECT id, name, kind, country FROM actors")}


def names_of(store: Store, ids: Iterable[str | None]) -> dict[str, dict[str, Any]]:
    """`actor_names` of these actors only (a page names a few of them, the store may hold many)."""
    wanted = sorted({i for i in ids if i is not None})
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(wanted), 500):
        part = wanted[i : i + 500]
        out.update((r["id"], r) for r in store.query(f"SELECT id, name, kind, country FROM actors WHERE id IN"
                                                      f" {_in(part)}", part))  # fmt: skip
    return out


def _name(names: dict[str, dict[str, Any]], actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    row = names.get(actor_id)
    return row["name"] if row else actor_id


# -- overview ------------------------------------------------------------------------------------


def overview(store: Store, *, limit: int = 15) -> dict[str, Any]:
    """Counts, the latest alliance changes and the most active actors."""
    counts = store.counts()
    if web_state.kept(store):  # the summaries kept at ingest: small tables, whatever the corpus size
        first, last = web_state.event_dates(store)
        dates = {"first": first, "last": last}
        active = web_state.most_active(store, limit)
        for a in active:
            a["events"], a["article_events"] = int(a["events"]), int(a["article_events"])
            a["last_event"] = _date(a["last_event"])
    else:
        dates = store.query(
            "SELECT MIN(date_start) AS first, MAX(date_start) AS last FROM events WHERE date_start IS NOT NULL"
        )[0]
        active = store.query(
            "SELECT actor, COUNT(*) AS events, SUM(CASE WHEN source_kind = 'article' THEN 1 ELSE 0 END) AS"
            " article_events, MAX(date_start) AS last_event FROM ("
            " SELECT actor1 AS actor, source_kind, date_start FROM events WHERE actor1 IS NOT NULL"
            " UNION ALL SELECT actor2 AS actor, source_kind, date_start FROM events"
            " WHERE actor2 IS NOT NULL AND (actor1 IS NULL OR actor2 <> actor1)) t"
            " GROUP BY actor ORDER BY events DESC, actor LIMIT ?",
            (limit,),
        )
    changes, n_changes = _latest_changes(store, limit=limit)
    names = names_of(store, [a["actor"] for a in active])
    for a in active:
        a["name"] = _name(names, a["actor"])
        a["kind"] = (names.get(a["actor"]) or {}).get("kind")
    recent_docs = [_titled(r) for r in store.query(
        "SELECT hash, id, title, url, published, n_events, n_relations, error_code FROM documents"
        " ORDER BY ingested_at DESC, id LIMIT ?",
        (limit,),
    )]  # fmt: skip
    return {
        "counts": counts,
        "event_dates": {"first": dates["first"], "last": dates["last"]},
        "latest_changes": changes,
        "changes_total": n_changes,
        "actors_total": counts.get("actors", 0),
        "list_limit": limit,
        "documents_total": counts.get("documents", 0),
        "most_active_actors": active,
        "recent_documents": recent_docs,
    }


def latest_changes(
    store: Store,
    *,
    limit: int = 20,
    include_comments: bool = False,
    scope: fg.Scope = fg.graph_sql.ALL,
    names: dict[str, dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """The most recent changes (`graph.changes_from_store`), newest first, then those of undated
    reports (date None), at most `limit` in all, with links to their evidence. Found reading only the
    lately reported ties (`_latest`), so the cost does not grow with the whole history."""
    return _rows(store, *_latest(store, limit, include_comments, scope), limit, names)


def _latest_changes(
    store: Store,
    *,
    limit: int,
    include_comments: bool = False,
    scope: fg.Scope = fg.graph_sql.ALL,
    names: dict[str, dict[str, Any]] | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """`latest_changes` and how many changes there are in all: with the default filters, the newest
    page and the count read from the changes the store keeps (`store.ties`), not the whole history."""
    if (kept := _kept_latest(store, limit, include_comments, scope)) is not None:
        dated, undated, total = kept
        return _rows(store, dated, undated, limit, names), total
    found = fg.changes_from_store(store, include_comments=include_comments, include_undated=True, scope=scope)
    return _rows(
        store, [c for c in found if c.date is not None], [c for c in found if c.date is None], limit, names
    ), len(found)


def _rows(
    store: Store, dated: list[Any], undated: list[Any], limit: int, names: dict[str, dict[str, Any]] | None
) -> list[dict[str, Any]]:
    """The newest `limit` dated changes, newest first, then undated ones, as the pages show them
    (actor names from `names`, else looked up for the changes shown)."""
    shown = (list(reversed(dated[-limit:])) + undated)[:limit]
    if names is None:
        names = names_of(store, [a for c in shown for a in (c.source, c.target)])
    return [
        {
            **_change_row(c, names),
            "certainty": c.evidence.certainty,
            "source_kind": c.evidence.source_kind,
            "document": c.evidence.doc_id,
            "evidence": c.evidence.text,
        }
        for c in shown
    ]


def _latest_filters(include_comments: bool) -> dict[str, Any]:
    """The graph's default filters, which the latest changes are read with."""
    return {"min_confidence": fg.MIN_CONFIDENCE, "certainties": fg.certainties_from(fg.DEFAULT_MIN_CERTAINTY),
            "include_comments": include_comments}  # fmt: skip


def _kept_latest(
    store: Store, limit: int, include_comments: bool, scope: fg.Scope
) -> tuple[list[Any], list[Any], int] | None:
    """The newest `limit` dated changes, the undated ones and how many changes there are in all, read
    from the changes the store keeps (`store.ties`); None when it keeps none for these filters."""
    kept = fg.graph_sql._kept(store, _latest_filters(include_comments))
    if kept is None:
        return None
    n_dated = kept.count_changes(store, scope)
    dated, _ = fg.changes_page(store, include_comments=include_comments, include_undated=False, scope=scope,
                               limit=limit, offset=max(0, n_dated - limit))  # fmt: skip
    if n_dated >= limit:  # the undated ones come after `limit` dated ones: only counted
        return dated, [], n_dated + kept.count_changes(store, scope, undated=True)
    undated, total = fg.changes_page(store, include_comments=include_comments, include_undated=True, scope=scope,
                                     limit=limit, offset=n_dated)  # fmt: skip
    return dated, undated, total


def _latest(store: Store, limit: int, include_comments: bool, scope: fg.Scope) -> tuple[list[Any], list[Any]]:
    """The changes of the latest weeks (at least `limit` of them, else all) and, when fewer than
    `limit`, those of undated reports: the same as the tail of all changes, found reading only the
    ties reported lately (`changes_from_store(since=...)` reads the pairs with a statement since)."""
    if (kept := _kept_latest(store, limit, include_comments, scope)) is not None:
        return kept[0], kept[1]
    first, last = fg.graph_sql.day_range(store, scope, **_latest_filters(include_comments))
    days = 30
    while first is not None and last is not None:
        since = last - dt.timedelta(days=days)
        if since <= first:
            break
        dated = fg.changes_from_store(store, since=since, include_comments=include_comments, scope=scope)
        if len(dated) >= limit:
            return dated, []
        days *= 4
    found = fg.changes_from_store(store, include_comments=include_comments, include_undated=True, scope=scope)
    return [c for c in found if c.date is not None], [c for c in found if c.date is None]


def _change_row(c: Any, names: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A change as the pages and the API show it, with the link to its evidence row."""
    return {
        "date": c.date,
        "kind": c.kind,
        "origin": c.origin,
        "source": c.source,
        "source_name": _name(names, c.source),
        "target": c.target,
        "target_name": _name(names, c.target),
        "note": c.note,
        "relation": {"doc_hash": c.evidence.doc_hash, "idx": c.evidence.index},
    }


# -- graph ---------------------------------------------------------------------------------------


def graph(
    store: Store,
    *,
    at: dt.date | None = None,
    certainty: Sequence[str] = DEFAULT_CERTAINTIES,
    source_kind: Sequence[str] = DEFAULT_SOURCE_KINDS,
    country: str | None = None,
    scope: fg.Scope | None = None,
    show_ended: bool = False,
    max_edges: int = MAX_GRAPH_EDGES,
    types: Sequence[str] = fg.RELATION_TYPES,
) -> dict[str, Any]:
    """The signed, weighted actor graph at a date, for Cytoscape.js (`graph.graph_at`, in the database).

    Edges are the ties in force at `at` (default: the latest evidence in scope) over the evidence
    that passes the filters (certainty in `certainty`, source kind in `source_kind`, the scope:
    an actor, a conflict, at least one endpoint of `country`). `sign` is +1 (alliance, support,
    affiliation), -1 (hostility) or 0 (a report ended the tie; only with `show_ended`). `width`
    grows with the edge's strength (evidence-weighted reports).
    """
    names = actor_names(store)
    countries = sorted({r["country"] for r in names.values() if r.get("country")})
    certs, kinds = set(certainty), set(source_kind)
    scope = scope or fg.graph_sql.ALL
    if country:
        try:
            scope = dataclasses.replace(scope, country=fg.country_code(country))
        except fg.ScopeError:
            scope = dataclasses.replace(scope, country=country)  # an unknown code: no edge has it
    filters: dict[str, Any] = {"certainties": [c for c in CERTAINTIES if c in certs]}
    first, last = fg.graph_sql.day_range(store, scope, min_confidence=fg.MIN_CONFIDENCE, **filters)
    every_type = set(types) >= set(fg.RELATION_TYPES)
    # every type: only the page shown is read (`graph_at(limit=...)`), else all, then filtered
    view = fg.graph_at(store, at=at, certainties=filters["certainties"], include_comments="comment" in kinds,
                       include_ended=show_ended, scope=scope, limit=max_edges if every_type else None)  # fmt: skip
    at, found = view.at, [e for e in view.edges if e.type in types]
    total = int(view.total or 0) if every_type else len(found)
    found = found[:max_edges]
    top = max((e.strength for e in found), default=1.0) or 1.0
    # pairs the sources disagree about, up to the graph's date: each edge says so (`contradicted`)
    shown = sorted({(e.source, e.target) for e in found})
    contested = contradicted_pairs([c for c in contradictions(store, scope=scope, pairs=shown)
                                    if at is None or max(c.first["day"], c.second["day"]) <= at])  # fmt: skip
    nodes: dict[str, dict[str, Any]] = {}
    out_edges = []
    for i, e in enumerate(found):
        for a in (e.source, e.target):
            if a not in nodes:
                row = names.get(a) or {}
                nodes[a] = {"id": a, "name": row.get("name") or a, "kind": row.get("kind"),
                            "country": row.get("country"), "degree": 0, "strength": 0.0}  # fmt: skip
            nodes[a]["degree"] += 1
            nodes[a]["strength"] += e.strength
        latest = e.evidence[-1] if e.status == "former" else e.latest
        out_edges.append(
            {
                "id": f"e{i}",
                "type": e.type,
                "source": e.source,
                "target": e.target,
                "source_name": nodes[e.source]["name"],
                "target_name": nodes[e.target]["name"],
                "symmetric": e.symmetric,
                "sign": e.sign,
                "status": e.status,
                "strength": round(e.strength, 4),
                "width": round(1.5 + 8.5 * (e.strength / top), 2),
                "evidence_count": e.evidence_count,
                "documents": e.documents,
                "first_seen": e.first_seen,
                "last_seen": e.last_seen,
                "ended_on": e.ended_on,
                "stale": e.stale,
                "report": {"doc_hash": latest.doc_hash, "idx": latest.index},
                "contradicted": contested.get((min(e.source, e.target), max(e.source, e.target)), []),
            }
        )
    for n in nodes.values():
        n["strength"] = round(n["strength"], 4)
    return {
        "at": at,
        "range": {"first": first, "last": last},
        "filters": {
            "certainty": [c for c in CERTAINTIES if c in certs],
            "source_kind": [k for k in SOURCE_KINDS if k in kinds],
            "country": country,
            "conflict": scope.conflict,
            "show_ended": show_ended,
            "type": [t for t in fg.RELATION_TYPES if t in types],
        },  # fmt: skip
        "choices": {"certainty": list(CERTAINTIES), "source_kind": list(SOURCE_KINDS), "country": countries,
                    "type": list(fg.RELATION_TYPES)},  # fmt: skip
        "nodes": list(nodes.values()),
        "edges": out_edges,
        "total_edges": total,
        "undated_statements": view.undated,
        "truncated": total > len(out_edges),
    }


# -- map -----------------------------------------------------------------------------------------


def map_events(
    store: Store,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    actor: str | None = None,
    certainty: Sequence[str] = tuple(CERTAINTIES),
    source_kind: Sequence[str] = DEFAULT_SOURCE_KINDS,
    limit: int = MAX_MAP_EVENTS,
    undated: bool = True,
) -> dict[str, Any]:
    """Geolocated events (newest first, undated ones last) for the map, at most `limit` of them
    (`total`: how many the filters select; `truncated`: more than shown), with the date range of the
    located events and the actors to filter by. A date range keeps the undated events (`undated`:
    False drops them): a report without a date is no report outside the range, and the map shows
    them in a layer of their own (`dated` is False on them).

    Without `actor`, the total, the range and the actors come from the summaries kept at ingest
    (`store.web_state`), and the events are read from the first day of the newest `limit` on."""
    filters, params = web_state.map_filters(certainty, source_kind, start, end, undated, day="e.date_start",
                                            alias="e.")  # fmt: skip
    where = ["e.lat IS NOT NULL", "e.lon IS NOT NULL", *filters]
    if actor:
        where.append("(e.actor1 = ? OR e.actor2 = ?)")
        params += [actor, actor]
    cond = " AND ".join(where)
    read, read_params = cond, params
    kept = web_state.kept(store)
    if kept and not actor:  # counted from the events per day kept at ingest; read from the page's first day
        total = web_state.map_count(store, certainty, source_kind, start, end, undated)
        if (first := web_state.map_first_day(store, certainty, source_kind, start, end, limit)) is not None:
            read, read_params = f"{cond} AND e.date_start >= ?", [*params, first]
    else:
        total = int(store.scalar(f"SELECT COUNT(*) FROM events e WHERE {cond}", params))
    rows = store.query(
        "SELECT e.doc_hash, e.event_id, e.plover, e.plover_mode, e.acled_event_type, e.acled_sub_event_type,"
        " e.actor1, e.actor2, e.location_name, e.lat, e.lon, e.country, e.date_start, e.fatalities,"
        " e.certainty, e.source_kind, SUBSTRING(e.evidence_text, 1, 200) AS evidence"
        f" FROM events e WHERE {read} ORDER BY e.date_start DESC NULLS LAST, e.doc_hash, e.event_id LIMIT ?",
        [*read_params, limit],
    )
    names = names_of(store, [a for r in rows for a in (r["actor1"], r["actor2"])])
    for r in rows:
        r["actor1_name"] = _name(names, r["actor1"])
        r["actor2_name"] = _name(names, r["actor2"])
        r["type"] = r["acled_event_type"] or "Other"
        r["dated"] = r["date_start"] is not None
    n_undated = sum(1 for r in rows if not r["dated"])
    if kept:
        first_day, last_day = web_state.event_dates(store, geo=True)
        bounds = {"first": first_day, "last": last_day}
        actors = web_state.map_actors(store, MAP_ACTORS)
        for a in actors:
            a["events"] = int(a["events"])
    else:
        bounds = store.query("SELECT MIN(date_start) AS first, MAX(date_start) AS last FROM events"
                             " WHERE lat IS NOT NULL AND lon IS NOT NULL")[0]  # fmt: skip
        actors = store.query(
            "SELECT a.id, a.name, x.events FROM (SELECT actor, COUNT(*) AS events FROM"
            f" ({_EVENT_ACTORS.format(where='lat IS NOT NULL AND lon IS NOT NULL')}) e GROUP BY actor) x"
            f" JOIN actors a ON a.id = x.actor ORDER BY x.events DESC, a.name LIMIT {MAP_ACTORS}"
        )
    return {
        "filters": {
            "start": start,
            "end": end,
            "actor": actor,
            "certainty": list(certainty),
            "source_kind": list(source_kind),
            "undated": undated,
        },  # fmt: skip
        "range": {"first": bounds["first"], "last": bounds["last"]},
        "types": [*ACLED_TYPES, "Other"],
        "actors": actors,
        "events": rows,
        "undated_shown": n_undated,
        "total": total,
        "truncated": total > len(rows),
    }


# -- evidence in context -------------------------------------------------------------------------


def context(
    text: str, start: int, end: int, expected: str | None = None, marks: Sequence[tuple[int, int, str]] = ()
) -> dict[str, Any]:
    """The evidence span of a document with some text around it, as segments to render.

    Segments are `{"text", "mark"}` with mark `None` (plain context), `"evidence"` or one of
    the kinds in `marks` (spans inside the evidence, e.g. the trigger). `span_ok` is False when
    the stored offsets do not point at `expected` (then the segments hold `expected` alone).
    """
    ok = 0 <= start <= end <= len(text) and (expected is None or text[start:end] == expected)
    if not ok:
        return {"span_ok": False, "start": start, "end": end,
                "segments": [{"text": expected or "", "mark": "evidence"}]}  # fmt: skip
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    if lo > 0:
        sp = text.find(" ", lo, start)
        lo = sp + 1 if sp != -1 else lo
    if hi < len(text):
        sp = text.rfind(" ", end, hi)
        hi = sp if sp != -1 else hi
    segs: list[dict[str, Any]] = []
    if lo < start:
        segs.append({"text": ("…" if lo > 0 else "") + text[lo:start], "mark": None})
    inner = sorted((max(a, start), min(b, end), k) for a, b, k in marks if a < end and b > start and a < b)
    pos = start
    for a, b, kind in inner:
        if a < pos:
            continue
        if pos < a:
            segs.append({"text": text[pos:a], "mark": "evidence"})
        segs.append({"text": text[a:b], "mark": kind})
        pos = b
    if pos < end:
        segs.append({"text": text[pos:end], "mark": "evidence"})
    if end < hi or hi < len(text):
        segs.append({"text": text[end:hi] + ("…" if hi < len(text) else ""), "mark": None})
    return {"span_ok": True, "start": start, "end": end, "segments": segs}


def _doc_meta(row: dict[str, Any]) -> dict[str, Any]:
    return {"hash": row["doc_hash"], "id": row["doc_id"], "title": row["doc_title"], "url": row["doc_url"],
            "published": row["doc_published"],
            "display_title": display_title(row["doc_title"], row["doc_url"], row["doc_id"])}  # fmt: skip


_DOC_COLUMNS = ("doc_id", "doc_title", "doc_url", "doc_published", "doc_text")  # joined from documents


def _with_documents(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event or relation rows with their document's id, title, URL, date and text (`_DOC_COLUMNS`),
    each read by its key (`Store.rows_of_documents`), not joined: a join scans the documents."""
    docs = {d["hash"]: d for d in store.rows_of_documents(
        "documents", (r["doc_hash"] for r in rows), "hash, id, title, url, published, text")}  # fmt: skip
    out = []
    for r in rows:
        d = docs.get(r["doc_hash"])
        if d is not None:
            out.append({**r, "doc_id": d["id"], "doc_title": d["title"], "doc_url": d["url"],
                        "doc_published": d["published"], "doc_text": d["text"]})  # fmt: skip
    return out


def _event_report(row: dict[str, Any], names: dict[str, dict[str, Any]]) -> dict[str, Any]:
    marks = [(row[f"{k}_start"], row[f"{k}_end"], k) for k in ("trigger", "actor1", "actor2")
             if row[f"{k}_start"] is not None]  # fmt: skip
    text = row.pop("doc_text")
    out = {k: v for k, v in row.items() if k not in _DOC_COLUMNS}
    out["actor1_name"] = _name(names, row["actor1"])
    out["actor2_name"] = _name(names, row["actor2"])
    out["document"] = _doc_meta(row)
    out["context"] = context(text, row["evidence_start"], row["evidence_end"], row["evidence_text"], marks)
    return out


def event_detail(store: Store, doc_hash: str, event_id: str) -> dict[str, Any] | None:
    """An event and every report of it (the events merged with it, the first 200 by date), each
    with its evidence in context."""
    rows = _with_documents(store, store.rows_of_documents("events", [doc_hash], event_id=event_id))
    if not rows:
        return None
    first = rows[0]
    merged = first["merged_event_id"]
    group: list[dict[str, Any]] = []
    if merged:  # the merged group by its index, its documents by key, sorted here
        group = [e for e in store.query("SELECT * FROM events WHERE merged_event_id = ?", (merged,))
                 if (e["doc_hash"], e["event_id"]) != (doc_hash, event_id)]  # fmt: skip
    others = sorted(_with_documents(store, group), key=lambda e: (
        e["doc_published"] is None, e["doc_published"] or dt.date.min, e["doc_id"], e["event_id"]))[:200]  # fmt: skip
    relations = sorted(({k: r[k] for k in ("doc_hash", "idx", "type", "source", "target", "status", "certainty")}
                        for r in store.rows_of_documents("relations", [doc_hash], derived_from=event_id)),
                       key=lambda r: r["idx"])  # fmt: skip
    names = names_of(store, [*(e[k] for e in (first, *others) for k in ("actor1", "actor2")),
                             *(r[k] for r in relations for k in ("source", "target"))])  # fmt: skip
    reports = [_event_report(r, names) for r in [first, *others]]
    for r in relations:
        r["source_name"], r["target_name"] = _name(names, r["source"]), _name(names, r["target"])
    return {"event": reports[0], "merged_event_id": merged, "reports": reports, "report_count": 1 + len(group),
            "relations": relations}  # fmt: skip


def _relation_rows(store: Store, keys: Sequence[tuple[str, int]]) -> list[dict[str, Any]]:
    """The relations of these keys (document hash, index), in that order, with their documents
    (`_with_documents`) and `event_date`, the date of the event each derives from."""
    hashes = {h for h, _ in keys}
    found = {(r["doc_hash"], r["idx"]): r for r in store.rows_of_documents("relations", hashes)}
    wanted = [found[k] for k in keys if k in found]
    dates = {(e["doc_hash"], e["event_id"]): e["date_start"] for e in store.rows_of_documents(
        "events", {r["doc_hash"] for r in wanted if r["derived_from"]}, "doc_hash, event_id, date_start")}  # fmt: skip
    return [{**r, "event_date": dates.get((r["doc_hash"], r["derived_from"]))}
            for r in _with_documents(store, wanted)]  # fmt: skip


def _relation_report(row: dict[str, Any], names: dict[str, dict[str, Any]]) -> dict[str, Any]:
    marks = [(row[f"{k}_start"], row[f"{k}_end"], k) for k in ("source", "target") if row[f"{k}_start"] is not None]
    text = row.pop("doc_text")
    out = {k: v for k, v in row.items() if k not in _DOC_COLUMNS}
    out["source_name"] = _name(names, row["source"])
    out["target_name"] = _name(names, row["target"])
    out["date"] = row["doc_published"] or row["event_date"]
    out["document"] = _doc_meta(row)
    out["context"] = context(text, row["evidence_start"], row["evidence_end"], row["evidence_text"], marks)
    return out


def _report_order(r: dict[str, Any]) -> tuple[bool, dt.date, str, int]:
    """A relation report's place in date order (published, else its event's date; undated last)."""
    day = fg.as_date(r["doc_published"] or r["event_date"])
    return day is None, day or dt.date.min, r["doc_id"], r["idx"]


RELATION_REPORTS_PAGE = 50  # reports a relation page shows at a time, each in context


def relation_detail(
    store: Store, doc_hash: str, idx: int, *, page: int = 1, limit: int = RELATION_REPORTS_PAGE
) -> dict[str, Any] | None:
    """A relation and the reports of the same tie (type and pair; either order for symmetric
    types), `limit` a page in date order (`pages["reports"]`), the relation's own among them.

    A tie between two parties is read from the evidence table (its rows keep the tie's ends and
    day: published, else its event's date, else its document's latest event date); a relation
    that is no graph evidence (an end that is civilians or protesters) from `relations`."""
    rows = _relation_rows(store, [(doc_hash, idx)])
    if not rows:
        return None
    first = rows[0]
    typ, src, tgt = first["type"], first["source"], first["target"]
    kinds = {r["id"]: r["kind"] for r in names_of(store, [src, tgt]).values()}
    if src != tgt and not {kinds.get(src), kinds.get(tgt)} & set(NON_PARTIES):
        a, b = sorted((src, tgt)) if typ in fg.SYMMETRIC else (src, tgt)
        keys, n_reports = tie_reports(store, typ, a, b, limit=limit, offset=(max(1, page) - 1) * limit)
        info = page_info(n_reports, page, limit)
        if info["page"] != page:  # a page past the last: the last
            keys = tie_reports(store, typ, a, b, limit=limit, offset=info["offset"])[0]
        found = _relation_rows(store, keys)
    else:
        if typ in fg.SYMMETRIC:
            cond, params = "((source = ? AND target = ?) OR (source = ? AND target = ?))", [src, tgt, tgt, src]
        else:
            cond, params = "source = ? AND target = ?", [src, tgt]
        every = store.query(f"SELECT doc_hash, idx FROM relations WHERE type = ? AND {cond}", [typ, *params])
        n_reports = len(every)
        info = page_info(n_reports, page, limit)
        found = sorted(_relation_rows(store, [(r["doc_hash"], int(r["idx"])) for r in every]), key=_report_order)
        found = found[info["offset"] : info["offset"] + limit]
    names = names_of(store, [x for r in (first, *found) for x in (r["source"], r["target"])])
    return {
        "relation": _relation_report(first, names),
        "reports": [_relation_report(r, names) for r in found],
        "report_count": n_reports,
        "pages": {"reports": info},
        "symmetric": typ in fg.SYMMETRIC,
    }


def document_detail(store: Store, doc_hash: str) -> dict[str, Any] | None:
    """A stored document with its events and relations, and its text as segments in which every
    extracted span (actor mentions, event triggers and evidence, relation evidence) is marked."""
    rows = store.query(
        "SELECT hash, id, title, url, published, language, text, sections, warnings, error_code, error_message,"
        " n_events, n_relations, ingested_at FROM documents WHERE hash = ?",
        (doc_hash,),
    )
    if not rows:
        return None
    import json

    doc = _titled(rows[0])
    doc["sections"] = json.loads(doc["sections"] or "[]")
    doc["warnings"] = json.loads(doc["warnings"]) if doc["warnings"] else []
    text = doc["text"] or ""
    events = store.query(
        "SELECT event_id, plover, plover_mode, actor1, actor2, location_name, date_start, certainty, source_kind,"
        " evidence_start, evidence_end, evidence_text, trigger_start, trigger_end FROM events WHERE doc_hash = ?"
        " ORDER BY evidence_start, event_id",
        (doc_hash,),
    )
    relations = store.query(
        "SELECT idx, type, source, target, status, certainty, source_kind, evidence_start, evidence_end, evidence_text"
        " FROM relations WHERE doc_hash = ? ORDER BY idx",
        (doc_hash,),
    )
    mentions = store.query(
        "SELECT actor_id, start_offset, end_offset, text FROM mentions WHERE doc_hash = ? ORDER BY start_offset",
        (doc_hash,),
    )
    names = names_of(store, [*(e[k] for e in events for k in ("actor1", "actor2")),
                             *(r[k] for r in relations for k in ("source", "target")),
                             *(m["actor_id"] for m in mentions)])  # fmt: skip
    for e in events:
        e["actor1_name"], e["actor2_name"] = _name(names, e["actor1"]), _name(names, e["actor2"])
    for r in relations:
        r["source_name"], r["target_name"] = _name(names, r["source"]), _name(names, r["target"])
    spans: list[Span] = []
    for e in events:
        href = f"/events/{_seg(doc_hash)}/{_seg(e['event_id'])}"
        label = f"event {e['event_id']}: {e['plover']}"
        spans.append(Span(e["evidence_start"], e["evidence_end"], "evidence", href, label))
        if e["trigger_start"] is not None:
            spans.append(Span(e["trigger_start"], e["trigger_end"], "trigger", href, label))
    for r in relations:
        label = f"relation {r['idx']}: {r['type']} {r['source_name']} - {r['target_name']}"
        spans.append(Span(r["evidence_start"], r["evidence_end"], "evidence", f"/relations/{_seg(doc_hash)}/{r['idx']}",
                          label))  # fmt: skip
    for m in mentions:
        spans.append(Span(m["start_offset"], m["end_offset"], "mention", f"/actors/{_seg(m['actor_id'])}",
                          f"actor: {_name(names, m['actor_id'])}"))  # fmt: skip
    sections = [
        (s.get("kind"), s.get("author"), s["start"], s["end"]) for s in doc["sections"]
        if isinstance(s, dict) and isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
    ] or [("article", None, 0, len(text))]  # fmt: skip
    doc["section_texts"] = [
        {"kind": kind, "author": author, "start": a, "end": b, "text": text[a:b],
         "segments": highlight(text, a, b, spans)}
        for kind, author, a, b in sections
    ]  # fmt: skip
    doc["marked_spans"] = len({(sp.start, sp.end, sp.kind) for sp in spans if 0 <= sp.start < sp.end <= len(text)})
    for row in (*events, *relations):
        for k in ("evidence_start", "evidence_end", "trigger_start", "trigger_end"):
            row.pop(k, None)
    return {"document": doc, "events": events, "relations": relations}


def is_web_url(url: str | None) -> bool:
    """Whether a stored URL may be a link: http or https only (never javascript: and the like)."""
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def _seg(value: Any) -> str:
    from urllib.parse import quote

    return quote(str(value), safe="")


@dataclasses.dataclass(frozen=True)
class Span:
    """An extracted span of a document: `kind` is mention, trigger or evidence; `href` its page."""

    start: int
    end: int
    kind: str
    href: str
    label: str


_KIND_ORDER = {"mention": 0, "trigger": 1, "evidence": 2}  # the innermost kind a segment links to first


def highlight(text: str, lo: int, hi: int, spans: Sequence[Span]) -> list[dict[str, Any]]:
    """`text[lo:hi]` cut at every span boundary into segments `{"text", "kinds", "href", "labels"}`:
    `kinds` are the kinds of the spans covering the segment (empty: plain text), `href` the page of
    the narrowest covering span (a mention before a trigger before an evidence sentence), `labels`
    what each covering span is. Spans may nest and overlap; spans outside the text are skipped."""
    inside = [sp for sp in spans if sp.start < sp.end and sp.start < hi and sp.end > lo and sp.end <= len(text)]
    opening: dict[int, list[Span]] = {}
    closing: dict[int, list[Span]] = {}
    for sp in inside:
        opening.setdefault(max(lo, sp.start), []).append(sp)
        closing.setdefault(min(hi, sp.end), []).append(sp)
    cuts = sorted({lo, hi, *opening, *closing})
    out: list[dict[str, Any]] = []
    active: set[Span] = set()  # one sweep over the cut points: spans open between a and b
    for a, b in itertools.pairwise(cuts):
        active.difference_update(closing.get(a, ()))
        active.update(opening.get(a, ()))
        cover = sorted(active, key=lambda sp: (_KIND_ORDER.get(sp.kind, 9), sp.end - sp.start, sp.start, sp.href))
        kinds = sorted({sp.kind for sp in cover}, key=lambda k: _KIND_ORDER.get(k, 9))
        labels = list(dict.fromkeys(sp.label for sp in cover))
        seg = {"text": text[a:b], "kinds": kinds, "href": cover[0].href if cover else None, "labels": labels}
        if out and out[-1]["kinds"] == kinds and out[-1]["href"] == seg["href"] and out[-1]["labels"] == labels:
            out[-1]["text"] += seg["text"]
        else:
            out.append(seg)
    return out


# -- actors --------------------------------------------------------------------------------------


def actor_list(store: Store, q: str | None = None, limit: int = 500, offset: int = 0) -> list[dict[str, Any]]:
    """Actors (matching `q` in name or id), most active first, `limit` from `offset`: their events and
    relation statements, as the store keeps them (`store.actor_state`), else counted with one GROUP
    BY over each table (not a subquery per actor)."""
    where, params = _actor_search(q)
    if actor_state.ready(store):  # the counts kept at ingest: a read of one row per actor
        return store.query(
            "SELECT a.id, a.name, a.kind, a.country, a.known, COALESCE(c.events, 0) AS events,"
            f" COALESCE(c.relations, 0) AS relations FROM actors a LEFT JOIN actor_counts c ON c.actor = a.id{where}"
            " ORDER BY events DESC, a.name, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    stmt = "doc_hash, type, source, target, evidence_start, source_kind"
    return store.query(
        "SELECT a.id, a.name, a.kind, a.country, a.known, COALESCE(ne.n, 0) AS events, COALESCE(nr.n, 0) AS relations"
        f" FROM actors a LEFT JOIN (SELECT actor, COUNT(*) AS n FROM ({_EVENT_ACTORS.format(where='1 = 1')}) e"
        " GROUP BY actor) ne ON ne.actor = a.id"
        # a sentence's mention-level rows naming one tie count once, as in the graph's evidence: one
        # GROUP BY per side (a statement names its source, and its target unless that is the source)
        f" LEFT JOIN (SELECT actor, COUNT(*) AS n FROM (SELECT source AS actor FROM relations GROUP BY {stmt}"
        f" UNION ALL SELECT target AS actor FROM relations WHERE source <> target GROUP BY {stmt}) s"
        " GROUP BY actor) nr ON nr.actor = a.id"
        f"{where} ORDER BY events DESC, a.name, a.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )


def _actor_search(q: str | None) -> tuple[str, list[Any]]:
    if not q:
        return "", []
    like = "%" + q.lower().replace("%", "").replace("_", "") + "%"
    return " WHERE LOWER(a.name) LIKE ? OR LOWER(a.id) LIKE ?", [like, like]


def actor_count(store: Store, q: str | None = None) -> int:
    """How many actors `actor_list` has to page through."""
    where, params = _actor_search(q)
    return int(store.scalar(f"SELECT COUNT(*) FROM actors a{where}", params))


def actor_detail(
    store: Store,
    actor_id: str,
    *,
    registry: Any = None,
    limit: int = PAGE_SIZE,
    events_page: int = 1,
    relations_page: int = 1,
    reports_page: int = 1,
    ties_page: int = 1,
    changes_page: int = 1,
    stand_in: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    """An actor: registry profile, relations over time, changes, events and the reports that mention it.

    `stand_in` is the actor row to show for an id the store no longer has (an actor an analyst
    merged into another): the page keeps its shape, with whatever the store still holds for the id.

    Events, relation reports and reports come `limit` at a time (`*_page`, 1-based, newest first),
    each with its `page_info` under `pages`. Ties and changes are the graph's (`graph.graph_at`
    with ended ties, `graph.changes_page`), with its default filters, so that they agree with the
    graph page and are read a page at a time from the state the store keeps: ties strongest
    first, changes newest page first; every report at every certainty is in the relation reports.
    `timeline` has every relation report (no evidence
    text), so the timeline spans the whole history - for an actor with more than
    `MAX_TIMELINE_MARKS` reports, every `timeline_step`-th of them in date order, first and last
    included (a chart cannot show more; counts, partners and pages come from SQL over all).
    `registry_note` says why a profile is missing: an actor the store marks as known whose registry
    this server did not load (a user's registry file given to ingest but not to serve) is told
    apart from an actor found in the text only."""
    rows = store.query("SELECT * FROM actors WHERE id = ?", (actor_id,))
    reg = registry.get(actor_id) if registry is not None else None
    if reg is None and registry is not None and rows and rows[0].get("registry_id"):
        reg = registry.get(rows[0]["registry_id"])
    if not rows and reg is None:
        if stand_in is None:
            return None
        rows = [stand_in]
    note = None
    if reg is None and stand_in is None:
        stored_known = bool(rows and (rows[0].get("known") or rows[0].get("registry_id")))
        note = "not-loaded" if stored_known else "text-only"
    profile = reg.to_dict() if reg is not None else None
    lineage = []
    if registry is not None and reg is not None:
        lineage = [{"id": a.id, "name": a.name, "from": a.active_from, "to": a.active_to}
                   for a in registry.lineage(actor_id)]  # fmt: skip
    scope = fg.Scope(actor=actor_id)
    reports_of = _ActorReports(store, actor_id, scope)
    n_rel = reports_of.count()
    rel_pages = page_info(n_rel, relations_page, limit)
    # page 1 is the newest `limit` reports; each page is in date order, as the timeline
    upto = n_rel - rel_pages["offset"]
    page_ev = reports_of.rows(max(0, upto - limit), min(limit, upto))
    marks, step = reports_of.marks(n_rel)
    partners, n_partners = reports_of.partners(30)
    view = fg.graph_at(store, scope=scope, include_ended=True, limit=limit, offset=(max(1, ties_page) - 1) * limit)
    tie_pages = page_info(view.total or 0, ties_page, limit)
    if tie_pages["page"] != ties_page:  # a page past the last: the last
        view = fg.graph_at(store, scope=scope, include_ended=True, limit=limit, offset=tie_pages["offset"])
    edges = view.edges
    n_changes = fg.changes_page(store, scope=scope, limit=0)[1]
    change_pages = page_info(n_changes, changes_page, limit)
    upto = n_changes - change_pages["offset"]  # page 1: the newest, in date order as the timeline
    changes = fg.changes_page(store, scope=scope, limit=min(limit, upto), offset=max(0, upto - limit))[0]
    kept = actor_state.current(store)
    counts = actor_state.counts(store, actor_id) if kept else None
    if counts is not None:
        n_events = counts["events"]
    else:
        n_events = int(store.scalar("SELECT COUNT(*) FROM events WHERE actor1 = ? OR actor2 = ?", (actor_id, actor_id)))
    ev_pages = page_info(n_events, events_page, limit)
    if counts is not None:
        events = actor_state.event_rows(store, actor_id, limit=limit, offset=ev_pages["offset"])
    else:
        events = store.query(
            "SELECT e.doc_hash, e.event_id, e.plover, e.plover_mode, e.acled_event_type, e.actor1, e.actor2,"
            " e.location_name, e.date_start, e.certainty, e.source_kind, d.id AS doc_id, d.published AS doc_published"
            " FROM events e JOIN documents d ON d.hash = e.doc_hash WHERE e.actor1 = ? OR e.actor2 = ?"
            " ORDER BY COALESCE(e.date_start, d.published) DESC NULLS LAST, d.id, e.event_id LIMIT ? OFFSET ?",
            (actor_id, actor_id, limit, ev_pages["offset"]),
        )
    if counts is not None:  # the names of the actors the page shows, not of every actor
        names = names_of(store, [*(x for e in (*page_ev, *marks) for x in (e.source, e.target)),
                                  *(p for p, _ in partners), *(x for e in edges for x in (e.source, e.target)),
                                  *(x for c in changes for x in (c.source, c.target)),
                                  *(x for e in events for x in (e["actor1"], e["actor2"]))])  # fmt: skip
    else:
        names = actor_names(store)
    page_rows = [reports_of.item(e, names) for e in page_ev]
    for e in events:
        e["actor1_name"], e["actor2_name"] = _name(names, e["actor1"]), _name(names, e["actor2"])
    if counts is not None:
        rep_pages = page_info(counts["documents"], reports_page, limit)
        found = actor_state.mentioning_documents(store, actor_id, limit=limit, offset=rep_pages["offset"])
    else:
        n_reports = int(store.scalar("SELECT COUNT(DISTINCT doc_hash) FROM mentions WHERE actor_id = ?", (actor_id,)))
        rep_pages = page_info(n_reports, reports_page, limit)
        found = store.query(
            "SELECT d.hash, d.id, d.title, d.url, d.published, COUNT(*) AS mentions FROM mentions m"
            " JOIN documents d ON d.hash = m.doc_hash WHERE m.actor_id = ?"
            " GROUP BY d.hash, d.id, d.title, d.url, d.published ORDER BY d.published DESC NULLS LAST, d.id"
            " LIMIT ? OFFSET ?",
            (actor_id, limit, rep_pages["offset"]),
        )
    reports = [_titled(r) for r in found]
    return {
        "actor": rows[0] if rows else {"id": actor_id, "name": reg.name if reg else actor_id},
        "registry": profile,
        "registry_note": note,
        "lineage": lineage,
        "relations_over_time": page_rows,
        "timeline": [{k: t[k] for k in ("date", "type", "status", "certainty", "source_kind", "counterpart",
                                         "relation")} for t in (reports_of.item(e, names) for e in marks)],  # fmt: skip
        "timeline_step": step,
        "pages": {"events": ev_pages, "relations": rel_pages, "reports": rep_pages, "ties": tie_pages,
                  "changes": change_pages},
        "partners": [{"id": p, "name": _name(names, p), "reports": n} for p, n in partners],
        "partner_count": n_partners,
        "edges": [
            {
                "type": e.type,
                "counterpart": e.target if e.source == actor_id else e.source,
                "counterpart_name": _name(names, e.target if e.source == actor_id else e.source),
                "direction": "both" if e.symmetric else ("out" if e.source == actor_id else "in"),
                "status": e.status,
                "sign": e.sign,
                "strength": round(e.strength, 3),
                "evidence_count": e.evidence_count,
                "documents": e.documents,
                "first_seen": e.first_seen,
                "last_seen": e.last_seen,
                "ended_on": e.ended_on,
                "stale": e.stale,
            }
            for e in edges
        ],  # fmt: skip
        "changes": [_change_row(c, names) for c in changes],
        "events": events,
        "event_count": n_events,
        "reports": reports,
    }


class _ActorReports:
    """An actor's relation reports (`graph.load_evidence` for its scope: all certainties and source
    kinds) read in SQL a page at a time, in their date order (undated last), so that an actor
    page's cost does not grow with the actor's history."""

    def __init__(self, store: Store, actor_id: str, scope: fg.Scope) -> None:
        self.store, self.actor = store, actor_id
        self.sql, self.params = fg.graph_sql.evidence_sql(store, scope, min_confidence=fg.MIN_CONFIDENCE)
        doc = 'doc_id COLLATE "C"' if store.backend == "postgres" else "doc_id"
        self.order = f"CASE WHEN day IS NULL THEN 1 ELSE 0 END, day, {doc}, idx"
        # the reports kept at ingest (`store.actor_state`), numbered in date order: range reads
        self.kept = scope == fg.Scope(actor=actor_id) and actor_state.current(store)

    def count(self) -> int:
        if self.kept:
            return actor_state.report_count(self.store, self.actor)[0]
        return int(self.store.scalar(f"SELECT COUNT(*) FROM ({self.sql}) ev", self.params))

    def rows(self, offset: int, limit: int) -> list[fg.Evidence]:
        """`limit` reports from `offset` (0-based) in date order."""
        if limit <= 0:
            return []
        if self.kept:
            found = actor_state.report_rows(self.store, self.actor, offset=offset, limit=limit)
            return [fg.evidence_from_row(r) for r in found]
        found = self.store.query(f"SELECT * FROM ({self.sql}) ev ORDER BY {self.order} LIMIT ? OFFSET ?",
                                 [*self.params, limit, offset])  # fmt: skip
        return [fg.evidence_from_row(r) for r in found]

    def marks(self, total: int) -> tuple[list[fg.Evidence], int]:
        """The reports the timeline draws and the step between them: all when at most
        `MAX_TIMELINE_MARKS`, else every step-th in date order, the first and the last included."""
        if self.kept:  # the chart shows no evidence texts
            step = 1 if total <= MAX_TIMELINE_MARKS else -(-total // (MAX_TIMELINE_MARKS - 1))
            found = actor_state.report_marks(self.store, self.actor, step=step, last=total - 1)
            return [fg.evidence_from_row({**r, "evidence_text": ""}) for r in found], step
        if total <= MAX_TIMELINE_MARKS:
            return self.rows(0, total), 1
        step = -(-total // (MAX_TIMELINE_MARKS - 1))
        found = self.store.query(
            f"SELECT * FROM (SELECT ev.*, ROW_NUMBER() OVER (ORDER BY {self.order}) - 1 AS fg_pos FROM ({self.sql}) ev)"
            " o WHERE MOD(fg_pos, ?) = 0 OR fg_pos = ? ORDER BY fg_pos",
            [*self.params, step, total - 1],
        )
        return [fg.evidence_from_row(r) for r in found], step

    def partners(self, limit: int) -> tuple[list[tuple[str, int]], int]:
        """The `limit` counterparts with the most reports (ties: the one reported first, first), and
        how many counterparts there are."""
        if self.kept:
            return actor_state.top_partners(self.store, self.actor, limit), actor_state.report_count(
                self.store, self.actor)[1]  # fmt: skip
        other = "CASE WHEN a = ? THEN b ELSE a END"
        rows = self.store.query(
            f"WITH o AS (SELECT {other} AS partner, ROW_NUMBER() OVER (ORDER BY {self.order}) AS fg_pos"
            f" FROM ({self.sql}) ev) SELECT partner, COUNT(*) AS n, MIN(fg_pos) AS first_pos,"
            " COUNT(*) OVER () AS n_partners FROM o GROUP BY partner ORDER BY n DESC, first_pos LIMIT ?",
            [self.actor, *self.params, limit],
        )
        return [(r["partner"], int(r["n"])) for r in rows], int(rows[0]["n_partners"]) if rows else 0

    def item(self, e: fg.Evidence, names: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """A report as the actor page's table and timeline show it."""
        other = e.target if e.source == self.actor else e.source
        return {
            "date": e.date,
            "type": e.type,
            "status": e.status,
            "certainty": e.certainty,
            "source_kind": e.source_kind,
            "counterpart": other,
            "counterpart_name": _name(names, other),
            "direction": "both" if e.type in fg.SYMMETRIC else ("out" if e.source == self.actor else "in"),
            "document": e.doc_id,
            "relation": {"doc_hash": e.doc_hash, "idx": e.index},
            "evidence": e.text,
        }
