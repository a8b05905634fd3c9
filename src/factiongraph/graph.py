"""The alliance graph over time: merged events, relation edges, strength, changes, timelines.

Everything here reads a `Store` and returns plain dataclasses; the CLI only formats them.

**Event merge** (`merge_events`). Two stored events are the same event reported twice when they
have the same PLOVER type and the same unordered actor pair, their places are within
`radius_km` (default 50 km) - or carry the same place name, or both have no place - and their
dates are within `window_days` (default 3) of each other. An event without a date takes its
document's publication date; when the document has none either, it merges only with events of
the same document. Merging is single-linkage; each group gets a stable `merged_event_id`
(derived from its first member) written to `events.merged_event_id`.

**Edges** (`edges`). Relations aggregate into one edge per (type, source, target); alliance and
hostility are symmetric, so their pair is unordered (stored sorted). Each piece of evidence is
dated by its document's publication date, else the date of the event it derives from, else the
latest event date of its document (its dateline), else the ingest time. An edge has:

- `evidence_count`, `certainty_mix` (count per certainty), `source_kind_mix` (article/comment);
- `first_seen` / `last_seen`, and `status`: the status of the latest evidence;
- `strength` at a date `at`: the sum over article evidence of
  ``CERTAINTY_WEIGHT[certainty] * SOURCE_KIND_WEIGHT[source_kind] * 0.5 ** (age_days / half_life_days)``
  and `comment_strength`, the same sum over reader-comment evidence. Comments count only when
  asked (`include_comments`), and are always reported separately.

Weights (`CERTAINTY_WEIGHT`): asserted 1.0, reported 0.8, hedged 0.5, disputed 0.3, speculative
0.3, hypothetical 0.2, negated 0.0 (kept as evidence, adds nothing). `SOURCE_KIND_WEIGHT`:
article 1.0, comment 0.3. Default half-life: 180 days.

**Changes** (`changes`). Walking the evidence in date order per actor pair: an alliance formed
(first `current` alliance evidence, or `current` after `former`), an alliance broken (`former`
alliance evidence, or hostility between current allies), a new hostility (first hostility between
a pair), a hostility ended (`former`), a defection (an affiliation of a member to a new parent
while it had another current one, not the same organisation under another name), and an
affiliation left (`former`). Each carries the evidence that shows it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from factiongraph.document import CERTAINTIES
from factiongraph.store.core import Store
from factiongraph.store.rows import merged_event_id

CERTAINTY_WEIGHT: dict[str, float] = {
    "asserted": 1.0,
    "reported": 0.8,
    "hedged": 0.5,
    "disputed": 0.3,
    "speculative": 0.3,
    "hypothetical": 0.2,
    "negated": 0.0,
}
SOURCE_KIND_WEIGHT: dict[str, float] = {"article": 1.0, "comment": 0.3}
DEFAULT_HALF_LIFE_DAYS = 180.0
DEFAULT_MERGE_WINDOW_DAYS = 3
DEFAULT_MERGE_RADIUS_KM = 50.0
SYMMETRIC = frozenset({"alliance", "hostility"})
POSITIVE = frozenset({"alliance", "support", "affiliation"})
RELATION_TYPES = ("alliance", "hostility", "support", "affiliation")


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


def as_date(value: Any) -> dt.date | None:
    """A stored date value (date, datetime or ISO text) as a date; None stays None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


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


# -- evidence and edges --------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """One relation statement of one document, dated."""

    type: str
    source: str
    target: str
    status: str
    certainty: str
    source_kind: str
    date: dt.date
    dated_by: str  # published | event | dateline | ingested
    doc_id: str
    doc_hash: str
    index: int
    text: str
    derived_from: str | None = None

    @property
    def weight(self) -> float:
        return CERTAINTY_WEIGHT.get(self.certainty, 0.0) * SOURCE_KIND_WEIGHT.get(self.source_kind, 0.0)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)


# Relations below this confidence (a cue word between two names, a far-fetched mention-level row)
# stay in the store and the exports but are too weak to make or break an edge of the graph.
MIN_CONFIDENCE = 0.45


def load_evidence(store: Store, min_confidence: float = MIN_CONFIDENCE) -> list[Evidence]:
    """Every stored relation between parties, at least `min_confidence`, as dated evidence, in date
    order (symmetric pairs sorted)."""
    datelines: dict[str, dt.date] = {}
    for row in store.query("SELECT doc_hash, MAX(date_end) AS d FROM events GROUP BY doc_hash"):
        if row["d"] is not None:
            datelines[row["doc_hash"]] = as_date(row["d"])  # type: ignore[assignment]
    # violence against civilians or protesters is an event, not a tie between factions: those rows
    # stay in the store, the exports and the evidence pages, but are no edges of the actor graph
    non_parties = {row["id"] for row in store.query("SELECT id FROM actors WHERE kind IN ('civilians', 'protesters')")}
    out = []
    for r in store.relations():
        if r["source"] in non_parties or r["target"] in non_parties:
            continue
        if r["confidence"] is not None and r["confidence"] < min_confidence:
            continue
        if (d := as_date(r["doc_published"])) is not None:
            date, by = d, "published"
        elif (d := as_date(r["event_date"])) is not None:
            date, by = d, "event"
        elif r["doc_hash"] in datelines:
            date, by = datelines[r["doc_hash"]], "dateline"
        else:
            date, by = as_date(r["doc_ingested_at"]) or dt.date.today(), "ingested"
        source, target = r["source"], r["target"]
        if r["type"] in SYMMETRIC and target < source:
            source, target = target, source
        out.append(
            Evidence(
                type=r["type"], source=source, target=target, status=r["status"], certainty=r["certainty"],
                source_kind=r["source_kind"], date=date, dated_by=by, doc_id=r["doc_id"], doc_hash=r["doc_hash"],
                index=r["idx"], text=r["evidence_text"], derived_from=r["derived_from"],
            )
        )  # fmt: skip
    out.sort(key=lambda e: (e.date, e.doc_id, e.index))
    return out


@dataclass
class Edge:
    type: str
    source: str
    target: str
    status: str
    strength: float
    comment_strength: float
    evidence_count: int
    certainty_mix: dict[str, int]
    source_kind_mix: dict[str, int]
    first_seen: dt.date
    last_seen: dt.date
    evidence: list[Evidence] = field(default_factory=list, repr=False)

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
    def label(self) -> str:
        base = {"alliance": "allies", "hostility": "enemies", "support": "supports", "affiliation": "part of"}
        s = base.get(self.type, self.type)
        return s if self.status == "current" else f"{s} ({self.status})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type, "source": self.source, "target": self.target, "symmetric": self.symmetric,
            "sign": self.sign, "status": self.status, "strength": round(self.strength, 4),
            "comment_strength": round(self.comment_strength, 4), "evidence_count": self.evidence_count,
            "certainty_mix": self.certainty_mix, "source_kind_mix": self.source_kind_mix,
            "first_seen": self.first_seen.isoformat(), "last_seen": self.last_seen.isoformat(),
            "evidence": [{"document": e.doc_id, "date": e.date.isoformat(), "status": e.status,
                          "certainty": e.certainty, "source_kind": e.source_kind, "text": e.text}
                         for e in self.evidence],
        }  # fmt: skip


def decay(age_days: float, half_life_days: float) -> float:
    return 0.5 ** (max(age_days, 0.0) / half_life_days)


def edges(
    evidence: Iterable[Evidence],
    *,
    at: dt.date | None = None,
    window_days: int | None = None,
    min_certainty: str | None = "hypothetical",
    include_comments: bool = False,
    actor: str | None = None,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> list[Edge]:
    """The graph at `at` (default: the latest evidence date): one edge per (type, source, target).

    Evidence after `at`, older than `window_days` before it, or below `min_certainty` is left out;
    comment evidence is kept on every edge (counts, `comment_strength`), and only counts toward
    `strength` and `status` with `include_comments`. Edges seen only in comments are returned
    only with `include_comments`. Sorted by strength, strongest first.
    """
    pool = [e for e in evidence if at_least(e.certainty, min_certainty)]
    if actor is not None:
        pool = [e for e in pool if actor in (e.source, e.target)]
    if at is None:
        at = max((e.date for e in pool), default=dt.date.today())
    lo = at - dt.timedelta(days=window_days) if window_days is not None else dt.date.min
    pool = [e for e in pool if lo <= e.date <= at]
    by_key: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    statements: dict[tuple[tuple[str, str, str], str, str, str], Evidence] = {}
    for e in pool:
        # one statement per sentence: the mention-level rows of one sentence ("strikes destroyed two
        # vehicles, a tank and ...") all name the same tie and count once, by their strongest row
        k = (e.key, e.doc_hash, e.text, e.source_kind)
        if k not in statements or e.weight > statements[k].weight:
            statements[k] = e
    for e in sorted(statements.values(), key=lambda e: (e.date, e.doc_id, e.index)):
        by_key[e.key].append(e)
    out = []
    for (typ, src, tgt), evs in by_key.items():
        counted = [e for e in evs if include_comments or e.source_kind != "comment"]
        if not counted:
            continue
        art = sum(e.weight * decay((at - e.date).days, half_life_days) for e in evs if e.source_kind != "comment")
        com = sum(e.weight * decay((at - e.date).days, half_life_days) for e in evs if e.source_kind == "comment")
        latest = max(counted, key=lambda e: (e.date, -certainty_rank(e.certainty), e.source_kind == "article"))
        cmix: dict[str, int] = defaultdict(int)
        smix: dict[str, int] = defaultdict(int)
        for e in evs:
            cmix[e.certainty] += 1
            smix[e.source_kind] += 1
        out.append(
            Edge(
                type=typ, source=src, target=tgt, status=latest.status,
                strength=art + (com if include_comments else 0.0), comment_strength=com,
                evidence_count=len(evs), certainty_mix=dict(cmix), source_kind_mix=dict(smix),
                first_seen=min(e.date for e in evs), last_seen=max(e.date for e in evs), evidence=evs,
            )
        )  # fmt: skip
    out.sort(key=lambda x: (-x.strength, x.type, x.source, x.target))
    return out


def graph_at(store: Store, **kwargs: Any) -> list[Edge]:
    """`edges(load_evidence(store), **kwargs)`."""
    return edges(load_evidence(store), **kwargs)


def all_edges(store: Store) -> list[Edge]:
    """Every edge of the store (all certainties and source kinds), strength at the latest evidence date."""
    return edges(load_evidence(store), min_certainty=None, include_comments=True)


# -- changes -------------------------------------------------------------------------------------


@dataclass
class Change:
    date: dt.date
    kind: str  # alliance formed | alliance broken | new hostility | hostility ended | defection | affiliation left
    source: str
    target: str
    evidence: Evidence
    previous: Evidence | None = None  # the earlier evidence the change is measured against
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        def ev(e: Evidence | None) -> dict[str, Any] | None:
            if e is None:
                return None
            return {"document": e.doc_id, "date": e.date.isoformat(), "type": e.type, "status": e.status,
                    "certainty": e.certainty, "source_kind": e.source_kind, "text": e.text}  # fmt: skip

        return {
            "date": self.date.isoformat(), "kind": self.kind, "source": self.source, "target": self.target,
            "note": self.note, "evidence": ev(self.evidence), "previous": ev(self.previous),
        }  # fmt: skip


SameLineage = Callable[[str, str], bool]


def changes(
    evidence: Iterable[Evidence],
    *,
    since: dt.date | None = None,
    min_certainty: str | None = "hedged",
    include_comments: bool = False,
    actor: str | None = None,
    same_lineage: SameLineage | None = None,
) -> list[Change]:
    """Alliances formed or broken, new hostilities, defections... dated on or after `since`.

    The whole history is walked (so a change is measured against what was known before it);
    only changes dated `since` or later are returned. `same_lineage(a, b)` tells when two
    actor ids are one organisation under different names (a rename is not a defection).
    """
    since = since or dt.date.min
    pool = [
        e for e in evidence
        if at_least(e.certainty, min_certainty) and (include_comments or e.source_kind != "comment")
    ]  # fmt: skip
    pool.sort(key=lambda e: (e.date, e.doc_id, e.index))
    alliance: dict[tuple[str, str], tuple[str, Evidence]] = {}
    hostility: dict[tuple[str, str], tuple[str, Evidence]] = {}
    parents: dict[str, dict[str, Evidence]] = defaultdict(dict)
    out: list[Change] = []

    def emit(kind: str, e: Evidence, src: str, tgt: str, prev: Evidence | None = None, note: str = "") -> None:
        if e.date >= since and (actor is None or actor in (src, tgt)):
            out.append(Change(e.date, kind, src, tgt, e, prev, note))

    for e in pool:
        pair = (e.source, e.target)
        if e.type == "alliance":
            prev = alliance.get(pair)
            if e.status == "current":
                if prev is None or prev[0] != "current":
                    emit("alliance formed", e, *pair, prev[1] if prev else None,
                         "re-formed after a break" if prev else "")  # fmt: skip
                alliance[pair] = ("current", e)
            elif e.status == "former":
                if prev is None or prev[0] == "current":
                    emit("alliance broken", e, *pair, prev[1] if prev else None,
                         "" if prev else "the report says the alliance ended")  # fmt: skip
                alliance[pair] = ("former", e)
        elif e.type == "hostility":
            prev_h = hostility.get(pair)
            if e.status == "current":
                was = alliance.get(pair)
                if was is not None and was[0] == "current":
                    emit("alliance broken", e, *pair, was[1], "hostility between allies")
                    alliance[pair] = ("former", e)
                if prev_h is None or prev_h[0] != "current":
                    emit("new hostility", e, *pair, prev_h[1] if prev_h else None,
                         "between former allies" if pair in alliance else "")  # fmt: skip
                hostility[pair] = ("current", e)
            elif e.status == "former" and prev_h is not None and prev_h[0] == "current":
                emit("hostility ended", e, *pair, prev_h[1])
                hostility[pair] = ("former", e)
        elif e.type == "affiliation":
            member, parent = e.source, e.target
            current = parents[member]
            if e.status == "current":
                if parent not in current:
                    olds = [p for p in current if not (same_lineage and same_lineage(p, parent))]
                    if olds:
                        emit("defection", e, member, parent, current[olds[-1]],
                             f"from {olds[-1]} to {parent}")  # fmt: skip
                        for p in olds:
                            del current[p]
                current[parent] = e
            elif e.status == "former" and parent in current:
                emit("affiliation left", e, member, parent, current.pop(parent))
    return out


def changes_from_store(store: Store, min_confidence: float = MIN_CONFIDENCE, **kwargs: Any) -> list[Change]:
    return changes(load_evidence(store, min_confidence), **kwargs)


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


def timeline(
    store: Store, actor: str, *, include_comments: bool = True, same_lineage: SameLineage | None = None
) -> list[TimelineItem]:
    """An actor's merged events and relation changes, in date order (undated events last)."""
    names = {k: v["name"] for k, v in store.actors().items()}
    items: list[TimelineItem] = []
    for m in merged_events(store, actor=actor):
        b = m.best
        if not include_comments and all(s["source_kind"] == "comment" for s in m.sources):
            continue
        other = b["actor2"] if b["actor1"] == actor else b["actor1"]
        role = "->" if b["actor1"] == actor else "<-"
        where = f" at {b['location_name']}" if b["location_name"] else ""
        mode = f"/{b['plover_mode']}" if b["plover_mode"] else ""
        summary = f"{b['plover']}{mode} {role} {names.get(other, other) if other else '?'}{where}"
        items.append(
            TimelineItem(m.date, "event", summary, b["doc_id"], b["evidence_text"], b["certainty"],
                         b["source_kind"], len(m.sources))  # fmt: skip
        )
    for c in changes(load_evidence(store), actor=actor, include_comments=include_comments,
                     same_lineage=same_lineage):  # fmt: skip
        other = c.target if c.source == actor else c.source
        summary = f"{c.kind}: {names.get(other, other)}" + (f" ({c.note})" if c.note else "")
        items.append(
            TimelineItem(c.date, "change", summary, c.evidence.doc_id, c.evidence.text, c.evidence.certainty,
                         c.evidence.source_kind)  # fmt: skip
        )
    items.sort(key=lambda i: (i.date is None, i.date or dt.date.min, i.kind != "event"))  # an event before its change
    return items


def registry_lineage() -> SameLineage | None:
    """`same_lineage` from the bundled actor registry (renames and mergers), or None if it cannot load."""
    try:
        from factiongraph.actors.registry import Registry

        reg = Registry.load()
    except Exception:  # pragma: no cover - a broken install
        return None
    cache: dict[str, frozenset[str]] = {}

    def lineage(a: str) -> frozenset[str]:
        if a not in cache:
            cache[a] = frozenset(x.id for x in reg.lineage(a)) | {a}
        return cache[a]

    return lambda a, b: b in lineage(a)
