"""The Python analysis API: a store's events, relations, actors and changes as pandas DataFrames,
its graph at a date as a networkx graph, and its events as a GeoDataFrame.

    import factiongraph

    with factiongraph.open("factiongraph.duckdb") as fg:      # or "postgresql://..."; read-only
        fg.events(country="SY", since="2017-01-01")          # one row per event report
        fg.relations(actor="jabhat-al-nusra")                # one row per relation statement
        fg.changes()                                         # alliances formed or broken, ...
        g = fg.graph(at="2017-02-01")                        # networkx.MultiGraph of the ties in force

The filters are the command line's, with the same defaults (`graph.DEFAULT_MIN_CERTAINTY`, reader
comments not counted): `actor` (an id or a name), `country` (ISO 3166-1 alpha-2 or alpha-3: rows
with an actor of that country), `conflict` (a conflict of the actor registry), `min_certainty`,
`include_comments`, `min_confidence`. A value that names nothing known raises `ValueError` listing
the valid ones. Every row keeps its evidence: the sentence, its character offsets into the
document text, and the document's id, URL and publication date.

DataFrames need pandas (`pip install 'factiongraph[analysis]'`); `geo()` needs geopandas
(`pip install 'factiongraph[geo]'`). The graph comes from `graph.graph_at`, the changes from
`graph.changes_from_store`: the same computation as `factiongraph graph` and `changes`.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from factiongraph import graph as fg
from factiongraph.document import CERTAINTIES, ActorKind
from factiongraph.extras import need
from factiongraph.store.core import DEFAULT_DB, Store, is_postgres
from factiongraph.store.graph_sql import Scope, _marks
from factiongraph.store.schema import COLUMNS as COLUMN_TYPES
from factiongraph.store.schema import column_names

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas as pd

KINDS: tuple[ActorKind, ...] = get_args(ActorKind)  # the data model's actor kinds, in its order
DATE_COLUMNS = {
    "events": ("date_start", "date_end", "doc_published"),
    "relations": ("doc_published", "event_date", "day"),
    "changes": ("date", "evidence_date", "previous_date"),
}


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the install
        raise ImportError("DataFrames need pandas: pip install 'factiongraph[analysis]'") from None
    return pd


def _day(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _certainty(value: str | None) -> str | None:
    if value is not None and value not in CERTAINTIES:
        raise ValueError(f"min_certainty: {value!r} is not one of {', '.join(CERTAINTIES)}")
    return value


def _filter(
    conds: list[str],
    params: list[Any],
    alias: str,
    day: str,
    min_certainty: str | None,
    include_comments: bool,
    since: str | dt.date | None,
    until: str | dt.date | None,
) -> None:
    """Adds the filters events and relations share: certainty at least `min_certainty`, no reader
    comments unless asked, and the SQL expression `day` within `since`/`until`."""
    allowed = fg.certainties_from(_certainty(min_certainty))
    conds.append(f"{alias}.certainty IN {_marks(allowed)}")
    params += list(allowed)
    if not include_comments:
        conds.append(f"{alias}.source_kind <> 'comment'")
    for value, name, op in ((since, "since", ">="), (until, "until", "<=")):
        bound = _day(value, name)
        if bound is not None:
            conds.append(f"{day} {op} ?")
            params.append(bound)


def default_db() -> str:
    """The store `open()` reads without an argument: `$FACTIONGRAPH_DB`, else the config file's `db`,
    else `factiongraph.duckdb` (as the command line)."""
    from factiongraph.config import DB_ENV, load_config

    return os.environ.get(DB_ENV) or load_config().db or DEFAULT_DB


def open(db: str | Path | None = None) -> Analysis:  # noqa: A001 - factiongraph.open(db) reads naturally
    """Opens a store read-only for analysis: a DuckDB file or a `postgresql://` URL (default: `default_db()`).

    Raises `factiongraph.store.StoreError` when there is no store there."""
    target = str(db) if db is not None else default_db()
    store = Store.open(target, read_only=True)
    if is_postgres(target):
        store.execute("SET default_transaction_read_only = on")
    return Analysis(store)


class Analysis:
    """A read-only view of one store (see the module doc). Close it, or use it in a `with` block."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Analysis:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        from factiongraph.store.core import redact

        return f"<factiongraph.Analysis of {redact(self.store.target)}>"

    # -- filters ---------------------------------------------------------------------------------

    def actor_id(self, actor: str) -> str:
        """The store's actor id for an id or a name (case-insensitive; a unique partial name will do)."""
        try:
            return fg.actor_id(self.store.actors(), actor)
        except ValueError as e:
            raise ValueError(f"actor: {e}") from None

    def scope(self, actor: str | None = None, country: str | None = None, conflict: str | None = None) -> Scope:
        """The `Scope` the filters name (ValueError for an unknown actor, country code or conflict)."""
        who = self.actor_id(actor) if actor else None
        return fg.make_scope(actor=who, country=country, conflict=conflict)

    # -- tables ----------------------------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        conflict: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        min_certainty: str | None = fg.DEFAULT_MIN_CERTAINTY,
        include_comments: bool = fg.DEFAULT_INCLUDE_COMMENTS,
    ) -> pd.DataFrame:
        """Event reports (one row per event of a document; `merged_event_id` groups reports of one event).

        `since`/`until` bound the event's date (undated events are left out when either is given).
        Columns: the store's event columns (PLOVER and ACLED types, actors, location, date,
        fatalities, certainty, source kind, trigger and evidence spans) plus the document's
        `doc_id`, `doc_url`, `doc_title` and `doc_published`.
        """
        scope = self.scope(actor, country, conflict)
        where, params = scope.where("e.actor1", "COALESCE(e.actor2, e.actor1)", "a1.country", "a2.country")
        conds = [where]
        _filter(conds, params, "e", "e.date_start", min_certainty, include_comments, since, until)
        rows = self.store.query(
            "SELECT e.*, d.id AS doc_id, d.url AS doc_url, d.title AS doc_title, d.published AS doc_published"
            " FROM events e JOIN documents d ON d.hash = e.doc_hash"
            " LEFT JOIN actors a1 ON a1.id = e.actor1 LEFT JOIN actors a2 ON a2.id = e.actor2"
            f" WHERE {' AND '.join(conds)} ORDER BY e.date_start NULLS LAST, d.id, e.event_id",
            params,
        )
        return _frame(rows, "events")  # fmt: skip

    def relations(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        conflict: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        min_certainty: str | None = fg.DEFAULT_MIN_CERTAINTY,
        include_comments: bool = fg.DEFAULT_INCLUDE_COMMENTS,
        min_confidence: float = fg.MIN_CONFIDENCE,
    ) -> pd.DataFrame:
        """Relation statements (one row per relation of a document), with their evidence and confidence.

        `day` is the date the graph places a statement at: the publication date, else the date of the
        event it derives from (None: undated). `since`/`until` bound `day`. Relations whose
        calibrated confidence is below `min_confidence` are left out (0 keeps every candidate).
        """
        scope = self.scope(actor, country, conflict)
        where, params = scope.where("r.source", "r.target", "sa.country", "ta.country")
        conds = [where, "(r.confidence IS NULL OR r.confidence >= ?)"]
        params.append(min_confidence)
        day = "COALESCE(d.published, e.date_start)"
        _filter(conds, params, "r", day, min_certainty, include_comments, since, until)
        rows = self.store.query(
            "SELECT r.*, d.id AS doc_id, d.url AS doc_url, d.title AS doc_title, d.published AS doc_published,"
            " e.date_start AS event_date, COALESCE(d.published, e.date_start) AS day"
            " FROM relations r JOIN documents d ON d.hash = r.doc_hash"
            " LEFT JOIN events e ON e.doc_hash = r.doc_hash AND e.event_id = r.derived_from"
            " LEFT JOIN actors sa ON sa.id = r.source LEFT JOIN actors ta ON ta.id = r.target"
            f" WHERE {' AND '.join(conds)} ORDER BY day NULLS LAST, d.id, r.idx",
            params,
        )
        return _frame(rows, "relations")

    def actors(self, *, country: str | None = None, kind: str | None = None) -> pd.DataFrame:
        """The actors of the store (id, name, kind, ACLED inter code, ISO-3 country, registry id),
        with how many event and relation rows name each (`events`, `relations`)."""
        conds, params = [], []
        if country is not None:
            conds.append("a.country = ?")
            params.append(fg.country_code(country))
        if kind is not None:
            if kind not in KINDS:
                raise ValueError(f"kind: {kind!r} is not one of {', '.join(KINDS)}")
            conds.append("a.kind = ?")
            params.append(kind)
        rows = self.store.query(
            "SELECT a.*,"
            " (SELECT COUNT(*) FROM events e WHERE e.actor1 = a.id OR e.actor2 = a.id) AS events,"
            " (SELECT COUNT(*) FROM relations r WHERE r.source = a.id OR r.target = a.id) AS relations"
            f" FROM actors a WHERE {' AND '.join(conds) or '1 = 1'} ORDER BY a.id",
            params,
        )
        return _frame(rows, "actors")

    def changes(
        self,
        *,
        since: str | dt.date | None = None,
        actor: str | None = None,
        country: str | None = None,
        conflict: str | None = None,
        min_certainty: str | None = fg.DEFAULT_MIN_CERTAINTY,
        include_comments: bool = fg.DEFAULT_INCLUDE_COMMENTS,
        min_confidence: float = fg.MIN_CONFIDENCE,
        first_reported: bool = False,
    ) -> pd.DataFrame:
        """The changes of `factiongraph changes` (stated, or seen across reports), one row each, with the
        evidence that shows it and the earlier evidence it is measured against (`previous_*`)."""
        found = fg.changes_from_store(
            self.store, min_confidence, since=_day(since, "since"), min_certainty=_certainty(min_certainty),
            include_comments=include_comments, first_reported=first_reported,
            scope=self.scope(actor, country, conflict),
        )  # fmt: skip
        rows = []
        for c in found:
            ev, prev = c.evidence, c.previous
            rows.append({
                "date": c.date, "kind": c.kind, "change": c.change, "origin": c.origin, "type": ev.type,
                "source": c.source, "target": c.target, "note": c.note or None,
                "doc_id": ev.doc_id, "doc_hash": ev.doc_hash, "evidence_index": ev.index, "evidence_text": ev.text,
                "evidence_date": ev.date, "certainty": ev.certainty, "source_kind": ev.source_kind,
                "previous_doc_id": prev.doc_id if prev else None, "previous_date": prev.date if prev else None,
                "previous_text": prev.text if prev else None,
            })  # fmt: skip
        return _frame(rows, "changes")

    # -- graph and map ---------------------------------------------------------------------------

    def graph(
        self,
        at: str | dt.date | None = None,
        *,
        window: int | None = None,
        actor: str | None = None,
        country: str | None = None,
        conflict: str | None = None,
        min_certainty: str | None = fg.DEFAULT_MIN_CERTAINTY,
        include_comments: bool = fg.DEFAULT_INCLUDE_COMMENTS,
        min_confidence: float = fg.MIN_CONFIDENCE,
        include_ended: bool = False,
        stale_after: int = fg.DEFAULT_STALE_DAYS,
    ) -> nx.MultiGraph:
        """The ties in force at `at` (default: the latest evidence in scope), as `factiongraph graph` gives them.

        A `networkx.MultiGraph`: one node per actor (`name`, `kind`, `country`, `acled_inter`) and one
        undirected edge per tie, with `type`, its direction in `source`/`target` (support: patron ->
        client; affiliation: member -> parent; alliance and hostility are symmetric: `directed` False),
        `sign` (+1 friendly, -1 hostile, 0 ended), `status`, `strength`, `documents`, `first_seen`,
        `last_seen`, `ended_on`, `stale`, the certainty and source-kind mixes and the latest `evidence`.
        The graph's own attributes: `at`, `undated_statements`, `comment_only_edges_hidden`.
        """
        nx = need("networkx", "graph", "graph()")

        view = fg.graph_at(
            self.store, at=_day(at, "at"), window_days=window, min_certainty=_certainty(min_certainty),
            min_confidence=min_confidence, include_comments=include_comments, include_ended=include_ended,
            scope=self.scope(actor, country, conflict), stale_days=stale_after,
        )  # fmt: skip
        g = nx.MultiGraph(at=view.at, undated_statements=view.undated, comment_only_edges_hidden=view.comment_only)
        actors = self.store.actors()
        for e in view.edges:
            for node in (e.source, e.target):
                if node not in g:
                    a = actors.get(node, {})
                    g.add_node(node, name=a.get("name", node), kind=a.get("kind"), country=a.get("country"),
                               acled_inter=a.get("acled_inter"))  # fmt: skip
            d = e.to_dict()
            g.add_edge(
                e.source, e.target, type=e.type, source=e.source, target=e.target, directed=not e.symmetric,
                sign=e.sign, status=e.status, label=e.label, strength=e.strength, comment_strength=e.comment_strength,
                documents=e.documents, evidence_count=e.evidence_count, first_seen=e.first_seen,
                last_seen=e.last_seen, ended_on=e.ended_on, stale=e.stale, certainty_mix=d["certainty_mix"],
                source_kind_mix=d["source_kind_mix"], evidence=d["evidence"],
            )  # fmt: skip
        return g

    def geo(self, **filters: Any) -> Any:
        """The located events (`events(**filters)` with coordinates) as a geopandas GeoDataFrame of points
        in WGS 84 (EPSG:4326). Needs `pip install 'factiongraph[geo]'`."""
        try:
            import geopandas as gpd
        except ImportError:
            raise ImportError("geo() needs geopandas: pip install 'factiongraph[geo]'") from None
        df = self.events(**filters)
        df = df[df["lat"].notna() & df["lon"].notna()].reset_index(drop=True)
        return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs="EPSG:4326")


_CHANGE_COLUMNS = ("date", "kind", "change", "origin", "type", "source", "target", "note", "doc_id", "doc_hash",
                   "evidence_index", "evidence_text", "evidence_date", "certainty", "source_kind",
                   "previous_doc_id", "previous_date", "previous_text")  # fmt: skip


_DOC_COLUMNS = ("doc_id", "doc_url", "doc_title", "doc_published")
COLUMNS = {
    "events": (*column_names("events"), *_DOC_COLUMNS),
    "relations": (*column_names("relations"), *_DOC_COLUMNS, "event_date", "day"),
    "actors": (*column_names("actors"), "events", "relations"),
    "changes": _CHANGE_COLUMNS,
}


INTEGER_COLUMNS = {
    t: tuple(name for name, typ in COLUMN_TYPES[t] if typ in ("INTEGER", "BIGINT"))
    + (("events", "relations") if t == "actors" else ())
    for t in ("events", "relations", "actors")
}
INTEGER_COLUMNS["changes"] = ("evidence_index",)


def _frame(rows: list[dict[str, Any]], table: str) -> pd.DataFrame:
    """A DataFrame of `rows` (the table's columns even when empty); dates as pandas datetimes (NaT: undated)."""
    pd = _pandas()
    df = pd.DataFrame(rows) if rows else pd.DataFrame(columns=list(COLUMNS[table]))
    for col in INTEGER_COLUMNS.get(table, ()):
        if col in df.columns:
            df[col] = df[col].astype("Int64")  # nullable: an unknown count or code stays <NA>, not a float
    for col in DATE_COLUMNS.get(table, ()):
        if col in df.columns:
            df[col] = pd.to_datetime(df[col])
    return df
