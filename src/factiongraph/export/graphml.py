"""GraphML and dynamic GEXF of the tie graph, written with networkx (Gephi and networkx read both).

Nodes are actors; there is one edge per tie (relation type and actor pair) in the scope, so a
pair may have several edges (e.g. alliance and hostility). The graph is undirected: alliance and
hostility are symmetric; support (patron -> client) and affiliation (member -> parent) keep
their direction in the edge's `from`/`to` attributes (`directed=true`), and are written from
the patron or member. Edge attributes: relation, status (at the export date), sign, weight =
strength (the evidence-weighted number of reports; it does not decay), comment_strength,
documents, evidence_count, article/comment counts, certainty_mix (JSON), first_seen, last_seen,
ended_on, stale.

Each edge carries its **spells**, the periods the tie was in force (from a report that it holds to
a report that it ended; open-ended while it holds): GEXF writes them as `<spells>` in a dynamic
graph whose timeline Gephi plays; GraphML, which has no time model, as a `spells` text attribute
("2016-01-02/2016-11-20;2017-03-01/"). A tie never reported as holding (only intended) gets one
spell from its first to its last report.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from factiongraph import graph as fg
from factiongraph.extras import need
from factiongraph.store import graph_sql
from factiongraph.store.core import Store

Spell = tuple[dt.date | None, dt.date | None]


@dataclass(frozen=True)
class GraphOptions:
    """The graph's options, as `factiongraph graph` takes them; `at` None: all evidence."""

    at: dt.date | None = None
    window_days: int | None = None
    scope: fg.Scope = graph_sql.ALL
    min_certainty: str | None = fg.DEFAULT_MIN_CERTAINTY
    min_confidence: float = fg.MIN_CONFIDENCE
    include_comments: bool = fg.DEFAULT_INCLUDE_COMMENTS


def spells(store: Store, opts: GraphOptions, at: dt.date) -> dict[tuple[str, str, str], list[Spell]]:
    """(type, source, target) -> the periods the tie was in force, up to `at`."""
    lo = at - dt.timedelta(days=opts.window_days) if opts.window_days is not None else None
    rows = graph_sql.flip_rows(
        store, opts.scope, at=at, since=lo, min_confidence=opts.min_confidence,
        certainties=fg.certainties_from(opts.min_certainty), include_comments=opts.include_comments,
    )  # fmt: skip
    out: dict[tuple[str, str, str], list[Spell]] = defaultdict(list)
    start: dict[tuple[str, str, str], dt.date] = {}
    for r in rows:
        key = (r["type"], r["a"], r["b"])
        if not r["ends"]:
            start.setdefault(key, r["day"])
        else:
            out[key].append((start.pop(key, None), r["day"]))
    for key, day in start.items():
        out[key].append((day, None))
    return out


def build(store: Store, opts: GraphOptions | None = None) -> Any:
    """The tie graph as a networkx `MultiGraph` (see the module doc)."""
    nx = need("networkx", "graph", "GraphML and GEXF export")

    opts = opts or GraphOptions()
    view = fg.graph_at(
        store, at=opts.at, window_days=opts.window_days, min_certainty=opts.min_certainty,
        min_confidence=opts.min_confidence, include_comments=opts.include_comments, include_ended=True,
        scope=opts.scope,
    )  # fmt: skip
    g = nx.MultiGraph(name="factiongraph", at=view.at.isoformat() if view.at else "")
    if view.at is None:
        return g
    periods = spells(store, opts, view.at)
    actors = store.actors()
    for e in view.edges:
        for node in (e.source, e.target):
            if node not in g:
                a = actors.get(node, {})
                name = a.get("name") or node
                attrs = {"label": name, "name": name, "kind": a.get("kind"), "country": a.get("country"),
                         "acled_inter": a.get("acled_inter")}  # fmt: skip
                g.add_node(node, **{k: v for k, v in attrs.items() if v is not None})
        found = periods.get((e.type, e.source, e.target)) or [(e.first_seen, e.last_seen)]
        data: dict[str, Any] = {
            "id": f"{e.type}:{e.source}:{e.target}", "label": e.type, "relation": e.type, "status": e.status,
            "sign": e.sign, "symmetric": e.symmetric, "directed": not e.symmetric, "from": e.source, "to": e.target,
            "weight": round(e.strength, 4), "strength": round(e.strength, 4),
            "comment_strength": round(e.comment_strength, 4), "documents": e.documents,
            "evidence_count": e.evidence_count, "article_evidence": e.source_kind_mix.get("article", 0),
            "comment_evidence": e.source_kind_mix.get("comment", 0),
            "certainty_mix": json.dumps(e.certainty_mix, sort_keys=True),
            "first_seen": e.first_seen.isoformat(), "last_seen": e.last_seen.isoformat(),
            "ended_on": e.ended_on.isoformat() if e.ended_on else "", "stale": e.stale,
            "spells": [(_iso(a), _iso(b)) for a, b in found],
        }  # fmt: skip
        g.add_edge(e.source, e.target, key=data["id"], **data)
    return g


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _write_xml(out: IO[str], lines: Iterable[str]) -> None:
    text = "\n".join(lines)
    if not text.startswith("<?xml"):
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(text + "\n")


def write_gexf(store: Store, out: IO[str], opts: GraphOptions | None = None) -> int:
    """A dynamic GEXF 1.2 file: edges with spells; returns the number of edges."""
    nx = need("networkx", "graph", "GraphML and GEXF export")

    g = build(store, opts)
    g.graph["mode"] = "dynamic"
    _write_xml(out, nx.generate_gexf(g, version="1.2draft"))
    return int(g.number_of_edges())


def write_graphml(store: Store, out: IO[str], opts: GraphOptions | None = None) -> int:
    """A GraphML file (spells as a text attribute); returns the number of edges."""
    nx = need("networkx", "graph", "GraphML and GEXF export")

    g = build(store, opts)
    for _, _, data in g.edges(data=True):
        data["spells"] = ";".join(f"{a or ''}/{b or ''}" for a, b in data["spells"])
        data.pop("id", None)
    _write_xml(out, nx.generate_graphml(g, named_key_ids=True))
    return int(g.number_of_edges())
