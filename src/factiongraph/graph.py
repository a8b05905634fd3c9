"""The alliance graph over time: merged events, tie state, changes, timelines.

Everything here reads a `Store` and returns plain dataclasses; the CLI only formats them.
The graph, changes and timelines are computed in the database (`store.graph_sql`); this
module states the model and turns the rows into `Edge`, `Change` and `TimelineItem`.

**Event merge** (`merge_events`). Two stored events are the same event reported twice when they
have the same PLOVER type and the same unordered actor pair, their places are within
`radius_km` (default 50 km) - or carry the same place name, or both have no place - and their
dates are within `window_days` (default 3) of each other. An event without a date takes its
document's publication date; when the document has none either, it merges only with events of
the same document. Merging is single-linkage; each group gets a stable `merged_event_id`
(derived from its first member) written to `events.merged_event_id`.

**Evidence** is a relation statement dated by its document's publication date, else the date of
the event it derives from, else the latest event date of its document (its dateline). A
document without any of these stays undated (never the ingest time): its rows are kept, counted
and listed as undated, and left out of the graph at a date and of the changes' time order.

**State** (`graph_at`). A tie (type, source, target; the pair unordered for alliance and
hostility) holds from its first evidence until evidence ends it: a statement with status
`former` or change `broken`/`left`. The latest state-bearing statement on or before `at` decides
(on one day, an ending statement outweighs a current one). Nothing decays: an edge carries
`documents` (independent reports), `certainty_mix`, `first_seen`/`last_seen`, `stale` (no report
for `stale_days` before `at`) and `strength`, the sum over documents of each document's
strongest statement weight, ``CERTAINTY_WEIGHT[certainty] * SOURCE_KIND_WEIGHT[source_kind]``
(asserted 1.0, reported 0.8, hedged 0.5, disputed and speculative 0.3, hypothetical 0.2, negated
0; article 1.0, comment 0.3). Reader comments count only with `include_comments` and are always
reported apart (`comment_strength`). Ended ties are shown only on request (`include_ended`).

**Changes** (`changes_from_store`): change statements (a relation's `change`: formed, broken,
joined, left, merged) with their evidence, plus transitions the store sees - a tie reported
current and later ended, allies later fighting. A tie's first appearance is "first reported",
never "formed"; one statement gives one change row. See `graph_sql.change_rows`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, get_args

from factiongraph.confidence import default_threshold
from factiongraph.document import CERTAINTIES, RelationType
from factiongraph.store import actor_state, graph_sql
from factiongraph.store.core import Store
from factiongraph.store.graph_sql import CERTAINTY_WEIGHT, SOURCE_KIND_WEIGHT, Scope
from factiongraph.store.rows import as_date, merged_event_id

__all__ = ["CERTAINTY_WEIGHT", "SOURCE_KIND_WEIGHT", "Scope", "as_date"]

DEFAULT_STALE_DAYS = 365
DEFAULT_MERGE_WINDOW_DAYS = 3
DEFAULT_MERGE_RADIUS_KM = 50.0
SYMMETRIC = frozenset({"alliance", "hostility"})
POSITIVE = frozenset({"alliance", "support", "affiliation"})
RELATION_TYPES: tuple[RelationType, ...] = get_args(RelationType)  # the data model's kinds, in its order
# The defaults every reader of the graph shares (CLI graph, changes, timeline, export; the Python API;
# the web's default certainty filter): evidence at least hedged, reader comments shown apart, not counted.
DEFAULT_MIN_CERTAINTY = "hedged"
DEFAULT_INCLUDE_COMMENTS = False


def certainty_rank(certainty: str) -> int:
    """0 for asserted (strongest) .. 6 for negated; unknown values rank last."""
    return CERTAINTIES.index(certainty) if certainty in CERTAINTIES else len(CERTAINTIES)


def at_least(certainty: str, minimum: str | None) -> bool:
    return minimum is None or certainty_rank(certainty) <= certainty_rank(minimum)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


# -- event merge ---------------------------------------------------------------------------------


def _same_place(a: dict[str, Any], b: dict[str, Any], radius_km: float) -> bool:
    if a["lat"] is not None and b["lat"] is not None and a["lon"] is not None and b["lon"] is not None:
        return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) <= radius_km
    na, nb = (a["location_name"] or "").strip().lower(), (b["location_name"] or "").strip().lower()
    if na or nb:
        return na == nb
    return True  # both unknown


def event_group_key(e: dict[str, Any]) -> tuple[str, str, str]:
    x, y = sorted((e["actor1"] or "", e["actor2"] or ""))
    return (e["plover"], x, y)


def merge_event_rows(
    rows: Sequence[dict[str, Any]],
    *,
    window_days: int = DEFAULT_MERGE_WINDOW_DAYS,
    radius_km: float = DEFAULT_MERGE_RADIUS_KM,
) -> dict[tuple[str, str], str]:
    """(doc_hash, event_id) -> merged event id, for event rows as `Store.events()` returns them."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(k: tuple[str, str]) -> tuple[str, str]:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in rows:
        parent[(e["doc_hash"], e["event_id"])] = (e["doc_hash"], e["event_id"])
        groups[event_group_key(e)].append(e)
    window = dt.timedelta(days=window_days)
    for items in groups.values():
        dated: list[tuple[dt.date, dt.date, dict[str, Any]]] = []
        undated: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in items:
            start = as_date(e["date_start"]) or as_date(e["doc_published"])
            end = as_date(e["date_end"]) or start
            if start is None or end is None:
                undated[e["doc_hash"]].append(e)
            else:
                dated.append((start, end, e))
        dated.sort(key=lambda t: (t[0], t[2]["doc_hash"], t[2]["event_id"]))
        for i, (_, end_i, a) in enumerate(dated):
            for start_j, _, b in dated[i + 1 :]:
                if start_j > end_i + window:
                    break
                if _same_place(a, b, radius_km):
                    union((a["doc_hash"], a["event_id"]), (b["doc_hash"], b["event_id"]))
        for same_doc in undated.values():
            for i, a in enumerate(same_doc):
                for b in same_doc[i + 1 :]:
                    if _same_place(a, b, radius_km):
                        union((a["doc_hash"], a["event_id"]), (b["doc_hash"], b["event_id"]))
    out = {}
    for k in parent:
        root = find(k)
        out[k] = merged_event_id(*root)
    return out


def merge_events(
    store: Store, *, window_days: int = DEFAULT_MERGE_WINDOW_DAYS, radius_km: float = DEFAULT_MERGE_RADIUS_KM
) -> int:
    """Recomputes `events.merged_event_id` over the whole store; returns the number of merged events."""
    mapping = merge_event_rows(store.events(), window_days=window_days, radius_km=radius_km)
    store.set_merged_ids([(h, e, m) for (h, e), m in mapping.items()])
    return len(set(mapping.values()))


@dataclass
class MergedEvent:
    """One real-world event and every stored report of it (its sources)."""

    id: str
    sources: list[dict[str, Any]]  # event rows, best first (certainty, article before comment, date)

    @property
    def best(self) -> dict[str, Any]:
        return self.sources[0]

    @property
    def date(self) -> dt.date | None:
        ds = [d for s in self.sources if (d := as_date(s["date_start"]) or as_date(s["doc_published"]))]
        return min(ds) if ds else None

    @property
    def fatalities(self) -> int | None:
        fs = [s["fatalities"] for s in self.sources if s["fatalities"] is not None]
        return max(fs) if fs else None

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(s["doc_id"] for s in self.sources))


def _source_order(e: dict[str, Any]) -> tuple[Any, ...]:
    return (
        certainty_rank(e["certainty"]),
        e["source_kind"] != "article",
        e["lat"] is None,
        e["date_start"] is None,
        str(e["doc_id"]),
        e["event_id"],
    )


def merged_events(store: Store, *, actor: str | None = None) -> list[MergedEvent]:
    """Merged events (after `merge_events`), in date order (undated last)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in store.events():
        if actor is not None and actor not in (e["actor1"], e["actor2"]):
            continue
        groups[e["merged_event_id"] or f"{e['doc_hash']}:{e['event_id']}"].append(e)
    out = [MergedEvent(k, sorted(v, key=_source_order)) for k, v in groups.items()]
    out.sort(key=lambda m: (m.date is None, m.date or dt.date.min, m.id))
    return out


# -- scope ---------------------------------------------------------------------------------------


class ScopeError(ValueError):
    """A scoping option that names nothing known (an unknown country code or conflict)."""


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-3 code from an alpha-2 or alpha-3 code (any case)."""
    from factiongraph.countries import lookup

    found = lookup(value)
    if found is None:
        raise ScopeError(f"'{value}' is no ISO 3166-1 country code (e.g. SY or SYR)")
    return str(found.alpha_3)


def actor_id(actors: dict[str, dict[str, Any]], actor: str) -> str:
    """The id among the store's `actors` (by id) of `actor`: an id, a name (case-insensitive) or a
    unique partial name or id; a ValueError suggesting the partial matches when none is unique."""
    if actor in actors:
        return actor
    low = actor.lower()
    hits = [a for a in actors.values() if str(a["name"]).lower() == low] or [
        a for a in actors.values() if low in str(a["name"]).lower() or low in str(a["id"])
    ]
    if len(hits) == 1:
        return str(hits[0]["id"])
    hint = f" (did you mean: {', '.join(sorted(str(h['id']) for h in hits)[:8])})" if hits else ""
    raise ValueError(f"no actor {actor!r} in the store{hint}")


def make_scope(
    *, actor: str | None = None, country: str | None = None, conflict: str | None = None, registry: Any = None
) -> Scope:
    """A `Scope` from the CLI's and the web's options; a conflict is looked up in the actor registry."""
    if conflict is None:
        return Scope(actor=actor, country=country_code(country) if country else None)
    if registry is None:
        from factiongraph.actors.registry import Registry

        registry = Registry.load()
    known: set[str] = set()
    ins: set[str] = set()
    outs: set[str] = set()
    for a in registry:
        known.update(a.conflicts)
        if conflict in a.conflicts:
            ins.add(a.id)
        elif a.conflicts:
            outs.add(a.id)
    if not ins:
        raise ScopeError(f"no conflict '{conflict}' in the actor registry (one of: {', '.join(sorted(known))})")
    return Scope(actor=actor, country=country_code(country) if country else None, conflict=conflict,
                 conflict_in=frozenset(ins), conflict_out=frozenset(outs))  # fmt: skip


def certainties_from(minimum: str | None) -> tuple[str, ...]:
    """The certainty levels at least as strong as `minimum` (all when None)."""
    return tuple(c for c in CERTAINTIES if at_least(c, minimum))


# -- evidence and edges --------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """One relation statement of one document, dated (None: the document is undated)."""

    type: str
    source: str
    target: str
    status: str
    certainty: str
    source_kind: str
    date: dt.date | None
    dated_by: str  # published | event | dateline | undated
    doc_id: str
    doc_hash: str
    index: int
    text: str
    derived_from: str | None = None
    change: str | None = None

    @property
    def weight(self) -> float:
        return CERTAINTY_WEIGHT.get(self.certainty, 0.0) * SOURCE_KIND_WEIGHT.get(self.source_kind, 0.0)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)

    @property
    def state_bearing(self) -> bool:
        """Says the tie holds or ended (and is not negated)."""
        return self.certainty != "negated" and (self.status in ("current", "former") or self.change is not None)

    @property
    def ends(self) -> bool:
        return self.status == "former" or self.change in graph_sql.ENDING_CHANGES

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.doc_id, "date": self.date.isoformat() if self.date else None,
                "dated_by": self.dated_by, "type": self.type, "status": self.status, "change": self.change,
                "certainty": self.certainty, "source_kind": self.source_kind, "text": self.text}  # fmt: skip


# Relations below this calibrated confidence stay in the store and the exports but are too weak to
# make or break an edge of the graph: the threshold the confidence model chose for precision on
# annotated real reports (`factiongraph.confidence`), the same one `extract` applies.
MIN_CONFIDENCE = default_threshold()


def _evidence(row: dict[str, Any], prefix: str = "", **fixed: Any) -> Evidence:
    g: dict[str, Any] = {k: row.get(prefix + k) for k in graph_sql.EVIDENCE_FIELDS}
    g.update(fixed)
    return Evidence(
        type=row.get(prefix + "type") or row["type"], source=row["a"], target=row["b"], status=g["status"],
        certainty=g["certainty"], source_kind=g["source_kind"], date=as_date(g["day"]),
        dated_by=g["dated_by"] or ("undated" if g["day"] is None else "published"), doc_id=g["doc_id"],
        doc_hash=g["doc_hash"], index=int(g["idx"]), text=g["evidence_text"], change=g["change"],
    )  # fmt: skip


def evidence_from_row(row: dict[str, Any]) -> Evidence:
    """A row of the evidence table (`graph_sql.evidence_sql`) as `Evidence`."""
    return _evidence(row, derived_from=None)


def load_evidence(store: Store, min_confidence: float = MIN_CONFIDENCE, scope: Scope = graph_sql.ALL) -> list[Evidence]:
    """Every stored relation between parties in the scope, at least `min_confidence`, as evidence,
    in date order, undated last (symmetric pairs sorted)."""
    return [evidence_from_row(r) for r in graph_sql.evidence_rows(store, scope, min_confidence=min_confidence)]


@dataclass
class Edge:
    """A tie as it stands at a date, with the evidence behind it (see the module doc)."""

    type: str
    source: str
    target: str
    status: str  # current | former (ended) | intended (never said to hold)
    strength: float
    comment_strength: float
    evidence_count: int  # statements
    certainty_mix: dict[str, int]
    source_kind_mix: dict[str, int]
    first_seen: dt.date
    last_seen: dt.date
    documents: int = 0  # independent documents counted
    ended_on: dt.date | None = None
    stale: bool = False
    evidence: list[Evidence] = field(default_factory=list, repr=False)  # the latest, then the one that ended it

    @property
    def symmetric(self) -> bool:
        return self.type in SYMMETRIC

    @property
    def sign(self) -> int:
        """+1 friendly tie, -1 hostile, 0 a tie that ended."""
        if self.status == "former":
            return 0
        return 1 if self.type in POSITIVE else -1

    @property
    def latest(self) -> Evidence:
        return self.evidence[0]

    @property
    def label(self) -> str:
        base = {"alliance": "allies", "hostility": "enemies", "support": "supports", "affiliation": "part of"}
        s = base.get(self.type, self.type)
        if self.status == "former":
            return f"{s} (ended {self.ended_on})" if self.ended_on else f"{s} (ended)"
        return s if self.status == "current" else f"{s} ({self.status})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type, "source": self.source, "target": self.target, "symmetric": self.symmetric,
            "sign": self.sign, "status": self.status, "strength": round(self.strength, 4),
            "comment_strength": round(self.comment_strength, 4), "documents": self.documents,
            "evidence_count": self.evidence_count, "certainty_mix": self.certainty_mix,
            "source_kind_mix": self.source_kind_mix, "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(), "ended_on": self.ended_on.isoformat() if self.ended_on else None,
            "stale": self.stale, "evidence": [e.to_dict() for e in self.evidence],
        }  # fmt: skip


def _finish(found: list[Edge], at: dt.date, stale_days: int | None, include_ended: bool) -> list[Edge]:
    out = []
    for e in found:
        if e.status == "former" and not include_ended:
            continue
        if e.strength <= 0 and e.status != "former":
            continue  # negated or zero-weight evidence only: no tie
        e.stale = e.status != "former" and stale_days is not None and (at - e.last_seen).days > stale_days
        out.append(e)
    # strength rounded: sums of the same weights in another order differ in the last bits
    out.sort(key=lambda x: (-round(x.strength, 6), x.type, x.source, x.target))
    return out


def edges(
    evidence: Iterable[Evidence],
    *,
    at: dt.date | None = None,
    window_days: int | None = None,
    min_certainty: str | None = DEFAULT_MIN_CERTAINTY,
    include_comments: bool = DEFAULT_INCLUDE_COMMENTS,
    include_ended: bool = False,
    actor: str | None = None,
    stale_days: int | None = DEFAULT_STALE_DAYS,
) -> list[Edge]:
    """The graph at `at` over a list of evidence (the in-memory twin of `graph_at`; same model).

    `at` defaults to the latest dated evidence; undated evidence, evidence after `at`, older than
    `window_days` before it, or below `min_certainty` is left out. Sorted strongest first.
    """
    pool = [e for e in evidence if e.date is not None and at_least(e.certainty, min_certainty)]
    if actor is not None:
        pool = [e for e in pool if actor in (e.source, e.target)]
    if at is None:
        counted_days = [e.date for e in pool if e.date and (include_comments or e.source_kind != "comment")]
        if not counted_days:
            return []
        at = max(counted_days)
    lo = at - dt.timedelta(days=window_days) if window_days is not None else dt.date.min
    statements: dict[tuple[Any, ...], Evidence] = {}
    for e in pool:
        if not (e.date and lo <= e.date <= at):
            continue
        # one statement per sentence: the mention-level rows of one sentence ("strikes destroyed two
        # vehicles, a tank and ...") all name the same tie and count once, by their strongest row
        k = (e.key, e.doc_hash, e.text, e.source_kind)
        if k not in statements or _stmt_order(e) < _stmt_order(statements[k]):
            statements[k] = e
    by_key: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for e in statements.values():
        by_key[e.key].append(e)
    found = []
    for (typ, src, tgt), evs in by_key.items():
        counted = [e for e in evs if include_comments or e.source_kind != "comment"]
        if not counted:
            continue
        per_doc: dict[tuple[str, str], float] = {}
        for e in evs:
            k2 = (e.doc_hash, e.source_kind)
            per_doc[k2] = max(per_doc.get(k2, 0.0), e.weight)
        art = sum(w for (_, kind), w in per_doc.items() if kind != "comment")
        com = sum(w for (_, kind), w in per_doc.items() if kind == "comment")
        latest = max(counted, key=lambda e: (e.date, -certainty_rank(e.certainty), e.doc_hash, e.index))
        bearing = [e for e in counted if e.state_bearing]
        state = max(bearing, key=lambda e: (e.date, e.ends, -certainty_rank(e.certainty), e.doc_hash, e.index),
                    default=None)  # fmt: skip
        status = latest.status if state is None else ("former" if state.ends else "current")
        cmix: dict[str, int] = defaultdict(int)
        smix: dict[str, int] = defaultdict(int)
        for e in evs:
            cmix[e.certainty] += 1
            smix[e.source_kind] += 1
        days = [e.date for e in evs if e.date]
        found.append(
            Edge(
                type=typ, source=src, target=tgt, status=status, strength=art + (com if include_comments else 0.0),
                comment_strength=com, evidence_count=len(evs), certainty_mix=dict(cmix), source_kind_mix=dict(smix),
                first_seen=min(days), last_seen=max(days), documents=len({e.doc_hash for e in counted}),
                ended_on=state.date if state is not None and state.ends else None,
                evidence=[latest] + ([state] if state is not None and state.ends and state != latest else []),
            )
        )  # fmt: skip
    return _finish(found, at, stale_days, include_ended)


def _stmt_order(e: Evidence) -> tuple[float, bool, int]:
    return (-e.weight, e.change is None, e.index)


@dataclass
class GraphView:
    """The graph at a date within a scope, and what it leaves out."""

    at: dt.date | None
    edges: list[Edge]
    undated: int  # undated statements in the scope (kept, not placed in time)
    comment_only: int = 0  # edges seen only in reader comments, not shown without include_comments
    total: int | None = None  # edges in the graph, of which `edges` is a page (default: all of them)

    def __post_init__(self) -> None:
        if self.total is None:
            self.total = len(self.edges)

    def to_dict(self) -> dict[str, Any]:
        return {"at": self.at.isoformat() if self.at else None, "edges": [e.to_dict() for e in self.edges],
                "undated_statements": self.undated, "comment_only_edges_hidden": self.comment_only}  # fmt: skip


def graph_at(
    store: Store,
    *,
    at: dt.date | None = None,
    window_days: int | None = None,
    min_certainty: str | None = DEFAULT_MIN_CERTAINTY,
    min_confidence: float = MIN_CONFIDENCE,
    include_comments: bool = DEFAULT_INCLUDE_COMMENTS,
    include_ended: bool = False,
    scope: Scope = graph_sql.ALL,
    stale_days: int | None = DEFAULT_STALE_DAYS,
    certainties: Sequence[str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> GraphView:
    """The graph at `at` (default: the latest evidence within the scope), computed in the database.

    `certainties`, when given, lists the certainty levels to use instead of `min_certainty`. With
    `limit`, `edges` holds that many edges from `offset` in the graph's order and `total` counts
    them all: with the default filters, only that page is read from the per-tie state the store
    keeps (`store.ties`), so memory does not grow with the graph.
    """
    allowed = tuple(certainties) if certainties is not None else certainties_from(min_certainty)
    filters: dict[str, Any] = {"min_confidence": min_confidence, "certainties": allowed}
    day = at or graph_sql.latest_day(store, scope, include_comments=include_comments, **filters)
    undated = graph_sql.undated_count(store, scope, include_comments=include_comments, **filters)
    if day is None:
        return GraphView(None, [], undated)
    lo = day - dt.timedelta(days=window_days) if window_days is not None else None
    kept = graph_sql._kept(store, {**filters, "include_comments": include_comments})
    if limit is not None and lo is None and kept is not None and not kept.has_irregular(store, scope):
        total, hidden = kept.count_edges(store, scope, at=day, include_ended=include_ended)
        rows = kept.edge_rows(store, scope, at=day, include_ended=include_ended, limit=limit, offset=offset)
        page = _finish([_edge(r, include_comments) for r in rows], day, stale_days, include_ended)
        return GraphView(day, page, undated, hidden, total)
    rows = graph_sql.edge_rows(store, scope, at=day, since=lo, include_comments=include_comments, **filters)
    found = _finish([_edge(r, include_comments) for r in rows if r["n_counted"]], day, stale_days, include_ended)
    hidden = sum(1 for r in rows if not r["n_counted"] and r["com"])  # seen only in reader comments
    if limit is not None:
        return GraphView(day, found[offset : offset + limit], undated, hidden, len(found))
    return GraphView(day, found, undated, hidden)


def _edge(r: dict[str, Any], include_comments: bool) -> Edge:
    ends = r["state_ends"]
    status = r["latest_status"] if ends is None else ("former" if ends else "current")
    latest = _evidence(r, "latest_")
    evidence = [latest]
    if ends:
        state = _evidence(r, "state_")
        if (state.doc_hash, state.index) != (latest.doc_hash, latest.index):
            evidence.append(state)
    art, com = float(r["art"] or 0.0), float(r["com"] or 0.0)
    return Edge(
        type=r["type"], source=r["a"], target=r["b"], status=status,
        strength=art + (com if include_comments else 0.0), comment_strength=com,
        evidence_count=int(r["n_statements"]),
        certainty_mix={c: int(r[f"c_{c}"]) for c in CERTAINTIES if r[f"c_{c}"]},
        source_kind_mix={k: int(r[f"n_{k}"]) for k in ("article", "comment") if r[f"n_{k}"]},
        first_seen=r["first_seen"], last_seen=r["last_seen"], documents=int(r["n_documents"]),
        ended_on=r["state_day"] if ends else None, evidence=evidence,
    )  # fmt: skip


def all_edges(store: Store, *, scope: Scope = graph_sql.ALL, min_confidence: float = MIN_CONFIDENCE) -> list[Edge]:
    """Every edge of the store (all certainties and source kinds, ended ones too) at the latest evidence."""
    view = graph_at(store, min_certainty=None, include_comments=True, include_ended=True, scope=scope,
                    min_confidence=min_confidence)  # fmt: skip
    return view.edges


# -- changes -------------------------------------------------------------------------------------

CHANGE_LABELS: dict[tuple[str, str], str] = {
    ("alliance", "formed"): "alliance formed", ("alliance", "broken"): "alliance broken",
    ("support", "formed"): "support began", ("support", "broken"): "support ended",
    ("hostility", "formed"): "hostility began", ("hostility", "broken"): "hostility ended",
    ("affiliation", "joined"): "joined", ("affiliation", "left"): "left",
    ("affiliation", "formed"): "joined", ("affiliation", "broken"): "left",
}  # fmt: skip


def change_label(typ: str, what: str) -> str:
    """How a change reads: "alliance broken", "joined", "allies turned hostile", "support first reported"."""
    if what == "turned hostile":
        return "allies turned hostile"
    if what == "first reported":
        return f"{typ} first reported"
    if what == "merged":
        return "merged"
    return CHANGE_LABELS.get((typ, what), f"{typ} {what}")


@dataclass
class Change:
    date: dt.date | None  # None: an undated document
    kind: str  # e.g. alliance formed | alliance broken | joined | left | allies turned hostile | ... first reported
    change: str  # formed | broken | joined | left | merged | turned hostile | first reported
    origin: str  # statement (the text reports it) | store (a transition across reports)
    source: str
    target: str
    evidence: Evidence
    previous: Evidence | None = None  # the earlier evidence the change is measured against
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat() if self.date else None, "kind": self.kind, "change": self.change,
            "origin": self.origin, "type": self.evidence.type, "source": self.source, "target": self.target,
            "note": self.note, "evidence": self.evidence.to_dict(),
            "previous": self.previous.to_dict() if self.previous else None,
        }  # fmt: skip


def _change(r: dict[str, Any]) -> Change:
    ev = _evidence(r)
    prev = None
    if r.get("p_doc_hash") is not None:
        prev = _evidence({**r, "type": r["p_type"]}, "p_", dated_by="published" if r["p_day"] else "undated")
    return Change(ev.date, change_label(r["type"], r["what"]), r["what"], r["origin"], r["a"], r["b"], ev, prev,
                  r.get("note") or "")  # fmt: skip


def changes_from_store(
    store: Store,
    min_confidence: float = MIN_CONFIDENCE,
    *,
    since: dt.date | None = None,
    min_certainty: str | None = DEFAULT_MIN_CERTAINTY,
    include_comments: bool = DEFAULT_INCLUDE_COMMENTS,
    first_reported: bool = False,
    include_undated: bool | None = None,
    scope: Scope = graph_sql.ALL,
) -> list[Change]:
    """Changes on or after `since` (default: all), computed in the database, in date order.

    Undated change statements come last, dated None; by default only when no `since` is given
    (`include_undated` overrides).
    """
    filters: dict[str, Any] = {"min_confidence": min_confidence, "certainties": certainties_from(min_certainty),
                               "include_comments": include_comments}  # fmt: skip
    rows = graph_sql.change_rows(store, scope, since=since, first_reported=first_reported, **filters)
    found = sorted((_change(r) for r in rows), key=lambda c: (c.date, c.evidence.doc_id, c.evidence.index, c.kind))
    if include_undated if include_undated is not None else since is None:
        undated = [
            _change({**r, "note": "undated report"}) for r in graph_sql.undated_change_rows(store, scope, **filters)
        ]
        found += sorted(undated, key=lambda c: (c.evidence.doc_id, c.evidence.index))
    return found


def changes_page(
    store: Store,
    min_confidence: float = MIN_CONFIDENCE,
    *,
    limit: int,
    offset: int = 0,
    since: dt.date | None = None,
    min_certainty: str | None = DEFAULT_MIN_CERTAINTY,
    include_comments: bool = DEFAULT_INCLUDE_COMMENTS,
    first_reported: bool = False,
    include_undated: bool | None = None,
    scope: Scope = graph_sql.ALL,
) -> tuple[list[Change], int]:
    """`limit` changes of `changes_from_store` from `offset`, and how many there are in all.

    With the default filters only that page is read from the changes the store keeps (`store.ties`),
    so memory does not grow with the history; otherwise all are computed and one page returned."""
    filters: dict[str, Any] = {"min_confidence": min_confidence, "certainties": certainties_from(min_certainty),
                               "include_comments": include_comments}  # fmt: skip
    undated_too = include_undated if include_undated is not None else since is None
    kept = graph_sql._kept(store, filters)
    if kept is None:
        found = changes_from_store(store, min_confidence, since=since, min_certainty=min_certainty,
                                   include_comments=include_comments, first_reported=first_reported,
                                   include_undated=include_undated, scope=scope)  # fmt: skip
        return found[offset : offset + limit], len(found)
    n_dated = kept.count_changes(store, scope, since=since, first_reported=first_reported)
    n_undated = kept.count_changes(store, scope, undated=True) if undated_too else 0
    page: list[Change] = []
    if offset < n_dated:
        end = min(offset + limit, n_dated)
        if offset > n_dated // 2:  # the newer half read from its end (the newest page sorts few rows)
            rows = kept.change_rows(store, scope, since=since, first_reported=first_reported, limit=end - offset,
                                    offset=n_dated - end, newest_first=True)  # fmt: skip
        else:
            rows = kept.change_rows(store, scope, since=since, first_reported=first_reported, limit=limit,
                                    offset=offset)  # fmt: skip
        page = sorted((_change(r) for r in rows), key=lambda c: (c.date, c.evidence.doc_id, c.evidence.index, c.kind))
    if n_undated and len(page) < limit:
        undated = sorted((_change({**r, "note": "undated report"}) for r in kept.undated_change_rows(store, scope)),
                         key=lambda c: (c.evidence.doc_id, c.evidence.index))  # fmt: skip
        start = max(0, offset - n_dated)
        page += undated[start : start + limit - len(page)]
    return page, n_dated + n_undated


# -- timeline ------------------------------------------------------------------------------------


@dataclass
class TimelineItem:
    date: dt.date | None
    kind: str  # event | change
    summary: str
    document: str
    evidence: str
    certainty: str
    source_kind: str
    sources: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat() if self.date else None, "kind": self.kind, "summary": self.summary,
            "document": self.document, "evidence": self.evidence, "certainty": self.certainty,
            "source_kind": self.source_kind, "sources": self.sources,
        }  # fmt: skip


def _actor_scope(actor: str, scope: Scope) -> Scope:
    return replace(scope, actor=actor)


def _event_item(m: MergedEvent, actor: str, names: dict[str, str]) -> TimelineItem:
    b = m.best
    other = b["actor2"] if b["actor1"] == actor else b["actor1"]
    role = "->" if b["actor1"] == actor else "<-"
    where = f" at {b['location_name']}" if b["location_name"] else ""
    mode = f"/{b['plover_mode']}" if b["plover_mode"] else ""
    summary = f"{b['plover']}{mode} {role} {names.get(other, other) if other else '?'}{where}"
    return TimelineItem(m.date, "event", summary, b["doc_id"], b["evidence_text"], b["certainty"], b["source_kind"],
                        len(m.sources))  # fmt: skip


def _change_item(c: Change, actor: str, names: dict[str, str]) -> TimelineItem:
    other = c.target if c.source == actor else c.source
    summary = f"{c.kind}: {names.get(other, other)}" + (f" ({c.note})" if c.note else "")
    return TimelineItem(c.date, "change", summary, c.evidence.doc_id, c.evidence.text, c.evidence.certainty,
                        c.evidence.source_kind)  # fmt: skip


def _names_of(store: Store, ids: Iterable[str | None]) -> dict[str, str]:
    """The names of these actors (a page's counterparts), read by id rather than every actor's."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    rows = store.query(f"SELECT id, name FROM actors WHERE id IN ({', '.join('?' * len(wanted))})", wanted)
    return {r["id"]: r["name"] for r in rows}


def _kept_item(r: dict[str, Any], names: dict[str, str]) -> TimelineItem:
    """A timeline item from its kept row (`store.actor_state`), worded as `_event_item`/`_change_item`."""
    other = r["other"]
    if r["kind_ord"] == 0:
        where = f" at {r['place']}" if r["place"] else ""
        mode = f"/{r['mode']}" if r["mode"] else ""
        who = names.get(other, other) if other else "?"
        summary = f"{r['plover']}{mode} {'->' if r['role'] else '<-'} {who}{where}"
        return TimelineItem(as_date(r["day"]), "event", summary, r["document"], r["evidence"], r["certainty"],
                            r["source_kind"], int(r["sources"]))  # fmt: skip
    note = r["note"] or ""
    summary = f"{change_label(r['k4'], r['k5'])}: {names.get(other, other)}" + (f" ({note})" if note else "")
    return TimelineItem(as_date(r["day"]), "change", summary, r["document"], r["evidence"], r["certainty"],
                        r["source_kind"])  # fmt: skip


def timeline_page(
    store: Store,
    actor: str,
    *,
    limit: int,
    offset: int = 0,
    include_comments: bool = DEFAULT_INCLUDE_COMMENTS,
    min_confidence: float = MIN_CONFIDENCE,
    min_certainty: str | None = DEFAULT_MIN_CERTAINTY,
    scope: Scope = graph_sql.ALL,
) -> tuple[list[TimelineItem], int]:
    """`limit` items of `timeline` from `offset`, and how many there are in all.

    With the default filters (and no country or conflict scope) the page is a range read of the
    actor's timeline rows the store keeps (`store.actor_state`) and the total a kept count; other
    scopes order and count in SQL (events grouped by their merged event, changes from the per-tie
    state) and read only the page's events and changes. Either way only the names of the page's
    counterparts are read: the busiest actor's timeline costs a page, not its history."""
    filters: dict[str, Any] = {"min_confidence": min_confidence, "certainties": certainties_from(min_certainty),
                               "include_comments": include_comments}  # fmt: skip
    kept = graph_sql._kept(store, filters)
    if kept is None:
        found = timeline(store, actor, include_comments=include_comments, min_confidence=min_confidence,
                         min_certainty=min_certainty, scope=scope)  # fmt: skip
        return found[offset : offset + limit], len(found)
    if scope.country is None and scope.conflict is None and actor_state.ready(store):
        rows, total = actor_state.timeline_rows(store, actor, limit=limit, offset=offset)
        names = _names_of(store, [r["other"] for r in rows])
        return [_kept_item(r, names) for r in rows], total
    max_rank = certainty_rank(min_certainty) if min_certainty else len(CERTAINTIES)
    refs, total = kept.timeline_refs(store, actor, scope, _actor_scope(actor, scope), max_rank=max_rank,
                                     include_comments=include_comments, limit=limit, offset=offset)  # fmt: skip
    gids = [r["ref"] for r in refs if r["kind_ord"] == 0]
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in kept.timeline_events(store, actor, scope, gids):
        groups[e["merged_event_id"] or f"{e['doc_hash']}:{e['event_id']}"].append(e)
    changes = {(r["doc_hash"], r["idx"]): r for r in kept.timeline_changes(store, _actor_scope(actor, scope),
                                                                           [r for r in refs if r["kind_ord"] == 1])}
    others = [x for g in groups.values() for e in g for x in (e["actor1"], e["actor2"])]
    names = _names_of(store, [*others, *(x for r in changes.values() for x in (r["a"], r["b"]))])
    items = []
    for r in refs:
        if r["kind_ord"] == 0:
            items.append(_event_item(MergedEvent(r["ref"], sorted(groups[r["ref"]], key=_source_order)), actor, names))
        else:
            row = changes[(r["ref"], r["idx"])]
            note = "undated report" if row["day"] is None else (row.get("note") or "")
            items.append(_change_item(_change({**row, "note": note}), actor, names))
    return items, total


def timeline(
    store: Store,
    actor: str,
    *,
    include_comments: bool = DEFAULT_INCLUDE_COMMENTS,
    min_confidence: float = MIN_CONFIDENCE,
    min_certainty: str | None = DEFAULT_MIN_CERTAINTY,
    scope: Scope = graph_sql.ALL,
) -> list[TimelineItem]:
    """An actor's merged events and tie changes (first reports included), in date order, undated last.

    An event is left out when its best report is less certain than `min_certainty`, or (without
    `include_comments`) when every report of it is a reader comment."""
    names = {k: v["name"] for k, v in store.actors().items()}
    items: list[TimelineItem] = []
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in graph_sql.actor_event_rows(store, actor, scope):
        groups[e["merged_event_id"] or f"{e['doc_hash']}:{e['event_id']}"].append(e)
    for m in (MergedEvent(k, sorted(v, key=_source_order)) for k, v in groups.items()):
        if not include_comments and all(s["source_kind"] == "comment" for s in m.sources):
            continue
        if not at_least(m.best["certainty"], min_certainty):
            continue
        items.append(_event_item(m, actor, names))
    mine = _actor_scope(actor, scope)
    for c in changes_from_store(store, min_confidence, include_comments=include_comments, first_reported=True,
                                include_undated=True, scope=mine, min_certainty=min_certainty):  # fmt: skip
        items.append(_change_item(c, actor, names))
    items.sort(key=lambda i: (i.date is None, i.date or dt.date.min, i.kind != "event"))  # an event before its change
    return items
