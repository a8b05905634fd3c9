"""An analyst's corrections: confirm, reject or edit an event or relation; merge or split actors.

A correction is a row of the `corrections` table (migration 5): what it targets (`target_kind`
event, relation or actor, and `target_key`), the `action`, its `payload` (JSON: the edited fields,
the actor merged into, the documents split off), `who`, `created_at`, `why`, and `replaced` (JSON:
the rows as they stood before, so the original extraction is kept).

**Applied in the store, once for every reader.** A correction rewrites the `events`, `relations`,
`mentions` and `actors` rows it targets - a rejected row is removed, an edited one rewritten, a
merged actor's rows take the other actor's id - so the graph, the changes, the timelines, every
export (ACLED CSV, PLOVER JSONL, GraphML, GEXF, GeoJSON, Parquet), the web pages and the API read
the corrected view without knowing corrections exist; the rows it replaced stay in `replaced`
(the web shows a rejected row on its own page as "rejected by the analyst").

**Keys that survive re-ingest.** Targets are named by content, not by row ids: a relation statement
by its document, type, endpoints and evidence span (`relation_key`; the rows of one sentence that
name one tie are one statement, as the graph counts them), an event by its document, PLOVER type,
actors, evidence and trigger spans (`event_key`), an actor by its id. `Store.write_rows` and the
Parquet loader replay, in the same transaction, every correction of the documents they write
(`apply_corrections`), so a document stored again after its rows were removed comes back corrected.
Replays run in correction order, so a correction made after an edit or a merge finds its rows again.
A confirm, reject or edit can be undone (`undo`): its rows are put back, an `undo` row records it,
and replays skip both from then on.

An analyst's confirmation or edit sets the statement's `confidence` to 1.0: the analyst vouches
for it, so the confidence threshold no longer hides it.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import importlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from factiongraph.document import CERTAINTIES, PLOVER_TYPES
from factiongraph.store import web_state
from factiongraph.store.schema import column_names

TARGET_KINDS = ("event", "relation", "actor")
ROW_ACTIONS = ("confirm", "reject", "edit")
ACTOR_ACTIONS = ("merge", "split")
ACTIONS = (*ROW_ACTIONS, *ACTOR_ACTIONS, "undo")
RELATION_TYPES = ("alliance", "hostility", "support", "affiliation")
RELATION_STATUSES = ("current", "former", "intended")
# the fields an edit may set, with the values each takes (None: an actor id of the store)
RELATION_EDITS: dict[str, tuple[str, ...] | None] = {
    "type": RELATION_TYPES, "status": RELATION_STATUSES, "certainty": CERTAINTIES, "source": None, "target": None,
}  # fmt: skip
EVENT_EDITS: dict[str, tuple[str, ...] | None] = {
    "plover": PLOVER_TYPES, "certainty": CERTAINTIES, "actor1": None, "actor2": None,
}  # fmt: skip
ANALYST_ENV = "FACTIONGRAPH_ANALYST"
ANALYST_CONFIDENCE = 1.0
_COLUMNS = ("id", "target_kind", "target_key", "doc_hash", "action", "payload", "who", "created_at", "why", "replaced")


class CorrectionError(ValueError):
    """A correction that cannot be made: an unknown target, action or value."""


@dataclass(frozen=True)
class Correction:
    """One stored correction (see the module docstring)."""

    id: int
    target_kind: str
    target_key: str
    doc_hash: str | None
    action: str
    payload: dict[str, Any]
    who: str
    created_at: dt.datetime
    why: str | None
    replaced: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def rejects(self) -> bool:
        return self.action == "reject"

    def to_dict(self, *, with_replaced: bool = True) -> dict[str, Any]:
        out = {
            "id": self.id, "target_kind": self.target_kind, "target_key": self.target_key, "doc_hash": self.doc_hash,
            "action": self.action, "payload": self.payload, "who": self.who,
            "created_at": self.created_at.isoformat(), "why": self.why,
        }  # fmt: skip
        if with_replaced:
            out["replaced"] = self.replaced
        return out


# -- keys ----------------------------------------------------------------------------------------


def _digest(prefix: str, *parts: Any) -> str:
    payload = json.dumps([None if p is None else str(p) for p in parts], ensure_ascii=False)
    return prefix + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def relation_key(row: dict[str, Any]) -> str:
    """The stable key of a relation statement: document, type, endpoints, evidence span."""
    return _digest("r-", row["doc_hash"], row["type"], row["source"], row["target"], row["evidence_start"],
                   row["evidence_end"])  # fmt: skip


def event_key(row: dict[str, Any]) -> str:
    """The stable key of an event: document, PLOVER type, actors, evidence and trigger spans."""
    return _digest("e-", row["doc_hash"], row["plover"], row["actor1"], row["actor2"], row["evidence_start"],
                   row["evidence_end"], row.get("trigger_start"), row.get("trigger_end"))  # fmt: skip


def _rows(store: Any, table: str, doc_hash: str) -> list[dict[str, Any]]:
    order = "idx" if table == "relations" else "event_id"
    return store.query(f"SELECT * FROM {table} WHERE doc_hash = ? ORDER BY {order}", (doc_hash,))


def _matching(store: Any, kind: str, key: str, doc_hash: str) -> list[dict[str, Any]]:
    table, keyf = ("relations", relation_key) if kind == "relation" else ("events", event_key)
    return [r for r in _rows(store, table, doc_hash) if keyf(r) == key]


def resolve(store: Any, kind: str, ref: str) -> tuple[str, str | None]:
    """(target key, document hash) of a reference: `DOC_HASH/IDX` of a relation, `DOC_HASH/EVENT_ID`
    of an event (the tail of its web page's URL), a stored key (`r-…`, `e-…`), or an actor id."""
    if kind not in TARGET_KINDS:
        raise CorrectionError(f"unknown target kind {kind!r}: expected one of {', '.join(TARGET_KINDS)}")
    ref = ref.strip().strip("/")
    if kind == "actor":
        if store.scalar("SELECT COUNT(*) FROM actors WHERE id = ?", (ref,)):
            return ref, None
        raise CorrectionError(f"no actor {ref!r} in the store")
    if ref.startswith(("r-", "e-")):
        found = store.column("SELECT doc_hash FROM corrections WHERE target_kind = ? AND target_key = ?", (kind, ref))
        if found:
            return ref, found[0]
        raise CorrectionError(f"no {kind} key {ref!r}: name a new target by its page, DOC_HASH/ID")
    doc_hash, sep, local = ref.rpartition("/")
    if not sep or not doc_hash:
        raise CorrectionError(f"{ref!r} names no {kind}: give DOC_HASH/{'IDX' if kind == 'relation' else 'EVENT_ID'}")
    if kind == "relation":
        if not local.isdigit():
            raise CorrectionError(f"{ref!r}: a relation's index is a number")
        rows = store.rows_of_documents("relations", [doc_hash], idx=int(local))
        if rows:
            return relation_key(rows[0]), doc_hash
    else:
        rows = store.rows_of_documents("events", [doc_hash], event_id=local)
        if rows:
            return event_key(rows[0]), doc_hash
    gone = rejected_row(store, kind, doc_hash, local)
    if gone is not None:
        raise CorrectionError(f"{kind} {ref} was rejected by correction {gone[0].id}")
    raise CorrectionError(f"no {kind} {ref} in the store")


# -- making corrections --------------------------------------------------------------------------


def analyst() -> str:
    """Who is correcting: `FACTIONGRAPH_ANALYST`, else the login name."""
    name = os.environ.get(ANALYST_ENV, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container): say so rather than fail
        return "unknown"


def _check_edit(store: Any, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    allowed = RELATION_EDITS if kind == "relation" else EVENT_EDITS
    out: dict[str, Any] = {}
    for name, value in payload.items():
        if name == "swap":
            if value not in (True, False):
                raise CorrectionError("'swap' is true or false")
            if value:
                out["swap"] = True
            continue
        if name not in allowed:
            names = ", ".join([*allowed, "swap"])
            raise CorrectionError(f"a {kind} edit cannot set {name!r} (one of {names})")
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise CorrectionError(f"{name!r} must be a string")
        choices = allowed[name]
        if choices is not None and value not in choices:
            raise CorrectionError(f"{name} {value!r} is not one of {', '.join(choices)}")
        if choices is None and not store.scalar("SELECT COUNT(*) FROM actors WHERE id = ?", (value,)):
            raise CorrectionError(f"{name}: no actor {value!r} in the store")
        out[name] = value
    if not out:
        raise CorrectionError("an edit needs at least one field to change")
    ends = ("source", "target") if kind == "relation" else ("actor1", "actor2")
    if out.get("swap") and any(e in out for e in ends):
        raise CorrectionError(f"'swap' turns the direction around: give it without {ends[0]} or {ends[1]}")
    return out


def _check_actor_payload(store: Any, actor: str, action: str, payload: dict[str, Any]) -> dict[str, Any]:
    if action == "merge":
        into = str(payload.get("into") or "").strip()
        if not into or into == actor:
            raise CorrectionError("a merge needs 'into': the id of another actor")
        if not store.scalar("SELECT COUNT(*) FROM actors WHERE id = ?", (into,)):
            raise CorrectionError(f"no actor {into!r} to merge into")
        return {"into": into}
    new_id = str(payload.get("new_id") or "").strip()
    docs = payload.get("documents") or []
    if not new_id or new_id == actor:
        raise CorrectionError("a split needs 'new_id': the id of the actor to split off")
    if store.scalar("SELECT COUNT(*) FROM actors WHERE id = ?", (new_id,)):
        raise CorrectionError(f"actor {new_id!r} exists already: merge into it instead")
    if not isinstance(docs, list) or not docs or not all(isinstance(d, str) for d in docs):
        raise CorrectionError("a split needs 'documents': the documents (hash or id) whose mentions are the new actor")
    hashes = []
    for d in docs:
        found = store.column("SELECT hash FROM documents WHERE hash = ? OR id = ?", (d, d))
        if not found:
            raise CorrectionError(f"no document {d!r} in the store")
        hashes.extend(found)
    name = str(payload.get("name") or "").strip() or new_id
    return {"new_id": new_id, "name": name, "documents": sorted(set(hashes))}


def correct(
    store: Any,
    kind: str,
    ref: str,
    action: str,
    *,
    payload: dict[str, Any] | None = None,
    who: str | None = None,
    why: str | None = None,
    merge: bool = True,
) -> Correction:
    """Records a correction and applies it in one transaction; returns it.

    `ref` names the target (see `resolve`). `payload`: for `edit`, the fields to set (relation:
    type, status, certainty, source, target; event: plover, certainty, actor1, actor2; either:
    `swap` to turn the direction around); for `merge`, `into`; for `split`, `new_id`, `name`
    and `documents`. Events are merged again after an event correction (`merge`).
    """
    payload = dict(payload or {})
    key, doc_hash = resolve(store, kind, ref)
    valid = ACTOR_ACTIONS if kind == "actor" else ROW_ACTIONS
    if action not in valid:
        raise CorrectionError(f"a {kind} can be corrected by {', '.join(valid)}, not {action!r}")
    if kind == "actor":
        payload = _check_actor_payload(store, key, action, payload)
    elif action == "edit":
        assert doc_hash is not None
        current = _matching(store, kind, key, doc_hash)
        if current:  # a field set to the value it has changes nothing (a form sends every field)
            payload = {k: v for k, v in payload.items() if k == "swap" or current[0].get(k, object()) != v}
        payload = _check_edit(store, kind, payload)
    else:
        payload = {}
    who = (who or "").strip() or analyst()
    why = (why or "").strip() or None

    def write() -> Correction:
        with store.transaction():
            touched = _actor_docs(store, key, None) if kind == "actor" else [doc_hash or ""]
            web_state.mark_documents(store, touched)  # what the documents hold before the change
            _mark_derived(store, touched)
            replaced = _apply(store, kind, key, doc_hash, action, payload, docs=None)
            if kind != "actor" and not any(replaced.values()):
                raise CorrectionError(f"the {kind} {ref} is no longer in the store")
            _refresh_derived(store, touched)
            if kind == "actor":  # a merge of an actor no document names changes the actor count alone
                web_state.recount_actors(store)
            new_id = int(store.scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM corrections"))
            when = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
            row = (new_id, kind, key, doc_hash, action, json.dumps(payload, ensure_ascii=False), who, when, why,
                   json.dumps(replaced, ensure_ascii=False, default=_json_default))  # fmt: skip
            store.insert_rows("corrections", _COLUMNS, [row])
        return Correction(new_id, kind, key, doc_hash, action, payload, who, when, why, _loads(row[9]))

    done = _numbered(write)
    if merge and kind in ("event", "actor"):
        from factiongraph.graph import merge_events

        merge_events(store)
    return done


def tie_refs(store: Any, ref: str) -> list[str]:
    """`DOC_HASH/IDX` of one row of each statement of the tie a relation belongs to (its type and
    pair, either order for alliance and hostility), across the store, in document order."""
    doc_hash, _, local = ref.strip().strip("/").rpartition("/")
    if not doc_hash or not local.isdigit():
        raise CorrectionError(f"{ref!r} names no relation: give DOC_HASH/IDX")
    rows = store.rows_of_documents("relations", [doc_hash], "idx, type, source, target", idx=int(local))
    if not rows:
        resolve(store, "relation", ref)  # says why: rejected, or never there
    r = rows[0]
    pair = "(source = ? AND target = ?)"
    params: list[Any] = [r["type"], r["source"], r["target"]]
    if r["type"] in ("alliance", "hostility"):
        pair = "((source = ? AND target = ?) OR (source = ? AND target = ?))"
        params += [r["target"], r["source"]]
    found = store.query(f"SELECT * FROM relations WHERE type = ? AND {pair} ORDER BY doc_hash, idx", params)
    first: dict[str, str] = {}
    for row in found:
        first.setdefault(relation_key(row), f"{row['doc_hash']}/{row['idx']}")
    return list(first.values())


def correct_tie(
    store: Any, ref: str, action: str, *, payload: dict[str, Any] | None = None, who: str | None = None,
    why: str | None = None,
) -> list[Correction]:
    """Applies one correction to every statement of the tie `ref` belongs to (`tie_refs`), each
    recorded on its own; a later report of the tie is not covered (it is new evidence)."""
    return [correct(store, "relation", r, action, payload=payload, who=who, why=why, merge=False)
            for r in tie_refs(store, ref)]  # fmt: skip


def undo(store: Any, correction_id: int, *, who: str | None = None, why: str | None = None) -> Correction:
    """Undoes a confirm, reject or edit: the rows it replaced are put back as they were, and an `undo`
    correction records who did it, when and why (replays skip the undone correction from then on).

    Refused for a merge or split (split the merged actor off again, or merge the split one back),
    for a correction undone already, and while a later correction of the same rows stands (undo
    that one first).
    """
    found = [c for c in list_corrections(store) if c.id == correction_id]
    if not found:
        raise CorrectionError(f"no correction {correction_id}")
    c = found[0]
    if c.action == "undo":
        raise CorrectionError(f"correction {c.id} is an undo: make the correction again instead")
    if c.target_kind == "actor":
        raise CorrectionError(f"a {c.action} cannot be undone: {'split' if c.action == 'merge' else 'merge'} the"
                              " actors instead")  # fmt: skip
    undone = undone_ids(store)
    if c.id in undone:
        raise CorrectionError(f"correction {c.id} was undone already")
    mine = _row_ids(c)
    later = [x for x in list_corrections(store, doc_hash=c.doc_hash)
             if x.id > c.id and x.action != "undo" and x.id not in undone and _row_ids(x) & mine]  # fmt: skip
    if later:
        raise CorrectionError(f"correction {later[-1].id} changed the same rows later: undo it first")
    who = (who or "").strip() or analyst()
    why = (why or "").strip() or None

    def write() -> Correction:
        with store.transaction():
            web_state.mark_documents(store, [c.doc_hash or ""])  # what the document holds before the undo
            _mark_derived(store, [c.doc_hash or ""])
            now: dict[str, list[dict[str, Any]]] = {}
            for table, rows in c.replaced.items():
                key_col = "idx" if table == "relations" else "event_id"
                ids = [r[key_col] for r in rows]
                where = f"doc_hash = ? AND {key_col} IN ({', '.join('?' * len(ids))})"
                now[table] = store.query(f"SELECT * FROM {table} WHERE {where}", [c.doc_hash, *ids])
                store.execute(f"DELETE FROM {table} WHERE {where}", [c.doc_hash, *ids])
                cols = column_names(table)
                store.insert_rows(table, cols, [tuple(r.get(col) for col in cols) for r in rows])
            for x in list_corrections(store, kind="actor"):  # a later merge or split holds for them too
                if x.id > c.id and x.id not in undone and c.doc_hash is not None:
                    _apply_actor(store, x.target_key, x.action, x.payload, [c.doc_hash])
            _refresh_derived(store, [c.doc_hash or ""])
            new_id = int(store.scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM corrections"))
            when = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
            payload = {"correction": c.id}
            row = (new_id, c.target_kind, c.target_key, c.doc_hash, "undo", json.dumps(payload), who, when, why,
                   json.dumps(now, ensure_ascii=False, default=_json_default))  # fmt: skip
            store.insert_rows("corrections", _COLUMNS, [row])
        return Correction(new_id, c.target_kind, c.target_key, c.doc_hash, "undo", payload, who, when, why,
                          _loads(row[9]))  # fmt: skip

    done = _numbered(write)
    if c.target_kind == "event":
        from factiongraph.graph import merge_events

        merge_events(store)
    return done


def _row_ids(c: Correction) -> set[tuple[str, str]]:
    return {(t, str(r.get("idx" if t == "relations" else "event_id"))) for t, rows in c.replaced.items() for r in rows}


def undone_ids(store: Any) -> set[int]:
    """The ids of the corrections an `undo` took back."""
    return {int(_loads(p).get("correction", 0)) for p in
            store.column("SELECT payload FROM corrections WHERE action = 'undo'")}  # fmt: skip


def _numbered(write: Callable[[], Correction]) -> Correction:
    """Runs a correction's write transaction (`core.retrying`), again when a concurrent correction took
    the same id first (PostgreSQL: a unique violation of the primary key)."""
    from factiongraph.store.core import retrying

    for _ in range(4):
        try:
            return retrying(write)
        except Exception as e:
            if getattr(e, "sqlstate", None) != "23505":
                raise
    return retrying(write)


def _mark_derived(store: Any, docs: Iterable[str]) -> None:
    """Notes, before a correction changes the rows of these documents, the actor pairs they name
    (`store.ties.mark`, where the store keeps derived state): a pair an edited or rejected event
    no longer names has its kept state recomputed too (relations are marked again from `evidence`,
    which still holds them, by `_refresh_derived`)."""
    try:
        ties = importlib.import_module("factiongraph.store.ties")
    except ImportError:
        return
    hashes = sorted({d for d in docs if d})
    if not hashes:
        return
    store.execute("CREATE TEMPORARY TABLE fg_mark_docs (hash TEXT PRIMARY KEY)")
    try:
        store.insert_rows("fg_mark_docs", ("hash",), [(h,) for h in hashes])
        ties.mark(store, "SELECT hash FROM fg_mark_docs")
    finally:
        store.execute("DROP TABLE fg_mark_docs")


def _refresh_derived(store: Any, docs: Iterable[str]) -> None:
    """Re-derives what the store keeps derived from the relations of these documents, where it keeps
    something (a graph `evidence` table, `factiongraph.store.evidence`), from their corrected rows.
    Called in the correction's transaction; a replay at ingest runs before the derivation instead."""
    try:
        derived = importlib.import_module("factiongraph.store.evidence")
    except ImportError:
        return
    hashes = sorted({d for d in docs if d})
    if not hashes:
        return
    store.execute("CREATE TEMPORARY TABLE fg_fix_docs (hash TEXT PRIMARY KEY)")
    try:
        store.insert_rows("fg_fix_docs", ("hash",), [(h,) for h in hashes])
        derived.remove_documents(store, "SELECT hash FROM fg_fix_docs")
        derived.add_documents(store, "SELECT hash FROM fg_fix_docs")
    finally:
        store.execute("DROP TABLE fg_fix_docs")


def _actor_docs(store: Any, actor: str, docs: Sequence[str] | None) -> list[str]:
    """The documents whose events, relations or mentions name the actor (of `docs`, when given)."""
    cond, params = _in_docs(docs)
    return store.column(
        "SELECT doc_hash FROM relations WHERE (source = ? OR target = ?) AND " + cond
        + " UNION SELECT doc_hash FROM events WHERE (actor1 = ? OR actor2 = ?) AND " + cond
        + " UNION SELECT doc_hash FROM mentions WHERE actor_id = ? AND " + cond,
        [actor, actor, *params, actor, actor, *params, actor, *params],
    )  # fmt: skip


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _loads(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {}


# -- applying ------------------------------------------------------------------------------------


def _in_docs(docs: Sequence[str] | None, column: str = "doc_hash") -> tuple[str, list[Any]]:
    if docs is None:
        return "1 = 1", []
    if not docs:
        return "1 = 0", []
    return f"{column} IN ({', '.join('?' * len(docs))})", list(docs)


def _apply(
    store: Any, kind: str, key: str, doc_hash: str | None, action: str, payload: dict[str, Any],
    *, docs: Sequence[str] | None,
) -> dict[str, list[dict[str, Any]]]:
    """Applies one correction to the store's rows (those of `docs` only, when given); returns the
    rows it replaced, by table, as they were."""
    if kind == "actor":
        return _apply_actor(store, key, action, payload, docs)
    assert doc_hash is not None
    if docs is not None and doc_hash not in docs:
        return {}
    rows = _matching(store, kind, key, doc_hash)
    if not rows:
        return {}
    replaced: dict[str, list[dict[str, Any]]] = {}
    if kind == "relation":
        replaced["relations"] = rows
        idxs = [r["idx"] for r in rows]
        where = f"doc_hash = ? AND idx IN ({', '.join('?' * len(idxs))})"
        if action == "reject":
            store.execute(f"DELETE FROM relations WHERE {where}", [doc_hash, *idxs])
        else:
            sets, params = _relation_sets(payload if action == "edit" else {})
            store.execute(f"UPDATE relations SET {sets} WHERE {where}", [*params, doc_hash, *idxs])
        return replaced
    ids = [r["event_id"] for r in rows]
    marks = ", ".join("?" * len(ids))
    replaced["events"] = rows
    if action == "reject":
        # a relation the extractor derived from the rejected event goes with it
        derived = store.query(f"SELECT * FROM relations WHERE doc_hash = ? AND derived_from IN ({marks})",
                              [doc_hash, *ids])  # fmt: skip
        if derived:
            replaced["relations"] = derived
            store.execute(f"DELETE FROM relations WHERE doc_hash = ? AND derived_from IN ({marks})", [doc_hash, *ids])
        store.execute(f"DELETE FROM events WHERE doc_hash = ? AND event_id IN ({marks})", [doc_hash, *ids])
    else:
        sets, params = _event_sets(payload if action == "edit" else {})
        store.execute(f"UPDATE events SET {sets} WHERE doc_hash = ? AND event_id IN ({marks})",
                      [*params, doc_hash, *ids])  # fmt: skip
    return replaced


def _relation_sets(edit: dict[str, Any]) -> tuple[str, list[Any]]:
    sets = ["confidence = ?"]
    params: list[Any] = [ANALYST_CONFIDENCE]
    for name in ("type", "status", "certainty"):
        if name in edit:
            sets.append(f"{name} = ?")
            params.append(edit[name])
    if edit.get("swap"):  # endpoints and their mention spans change places
        cols = ("", "_start", "_end", "_text")
        sets += [f"source{c} = target{c}, target{c} = source{c}" for c in cols]
    for end in ("source", "target"):
        if end in edit:  # a new endpoint: the old mention span no longer names it
            sets.append(f"{end} = ?, {end}_start = NULL, {end}_end = NULL, {end}_text = NULL")
            params.append(edit[end])
    return ", ".join(sets), params


def _event_sets(edit: dict[str, Any]) -> tuple[str, list[Any]]:
    sets = ["confidence = ?"]
    params: list[Any] = [ANALYST_CONFIDENCE]
    for name in ("plover", "certainty"):
        if name in edit:
            sets.append(f"{name} = ?")
            params.append(edit[name])
    if edit.get("swap"):
        cols = ("", "_start", "_end", "_text")
        sets += [f"actor1{c} = actor2{c}, actor2{c} = actor1{c}" for c in cols]
    for end in ("actor1", "actor2"):
        if end in edit:
            sets.append(f"{end} = ?, {end}_start = NULL, {end}_end = NULL, {end}_text = NULL")
            params.append(edit[end])
    return ", ".join(sets), params


def _apply_actor(
    store: Any, actor: str, action: str, payload: dict[str, Any], docs: Sequence[str] | None
) -> dict[str, list[dict[str, Any]]]:
    if action == "merge":
        into, scope_docs = payload["into"], docs
    else:
        into = payload["new_id"]
        split = list(payload["documents"])
        scope_docs = split if docs is None else [d for d in split if d in docs]
        if not scope_docs:
            return {}
    original = store.query("SELECT * FROM actors WHERE id = ?", (actor,))
    if action == "split" and original and not store.scalar("SELECT COUNT(*) FROM actors WHERE id = ?", (into,)):
        row = {**original[0], "id": into, "name": payload["name"], "registry_id": None, "known": False}
        store.insert_rows("actors", column_names("actors"), [tuple(row[c] for c in column_names("actors"))])
    cond, params = _in_docs(scope_docs)
    for table, cols in (("events", ("actor1", "actor2")), ("relations", ("source", "target"))):
        for col in cols:
            store.execute(f"UPDATE {table} SET {col} = ? WHERE {col} = ? AND {cond}", [into, actor, *params])
    # a mention of both actors at one span would collide: the merged actor's stays
    store.execute(
        f"DELETE FROM mentions WHERE actor_id = ? AND {cond} AND EXISTS (SELECT 1 FROM mentions m2"
        " WHERE m2.doc_hash = mentions.doc_hash AND m2.actor_id = ? AND m2.start_offset = mentions.start_offset"
        " AND m2.end_offset = mentions.end_offset)",
        [actor, *params, into],
    )
    store.execute(f"UPDATE mentions SET actor_id = ? WHERE actor_id = ? AND {cond}", [into, actor, *params])
    if action == "merge" and original:
        store.execute("DELETE FROM actors WHERE id = ?", (actor,))
        return {"actors": original}
    return {}


def apply_corrections(store: Any, docs: Iterable[str] | None = None) -> int:
    """Replays the stored corrections (in the caller's transaction) on the rows of `docs` (all
    documents when None), in the order they were made; returns how many found rows to correct."""
    chosen = None if docs is None else sorted(set(docs))
    if chosen is not None and not chosen:
        return 0
    cond, params = _in_docs(chosen)
    rows = store.query(
        f"SELECT * FROM corrections WHERE target_kind = 'actor' OR {cond} ORDER BY id", params
    )
    undone = undone_ids(store)
    done = 0
    for r in rows:
        if r["action"] == "undo" or int(r["id"]) in undone:
            continue  # an undone correction and its undo leave the rows as extracted
        payload = _loads(r["payload"])
        replaced = _apply(store, r["target_kind"], r["target_key"], r["doc_hash"], r["action"], payload,
                          docs=chosen)  # fmt: skip
        done += bool(replaced)
    return done


# -- reading -------------------------------------------------------------------------------------


def _correction(r: dict[str, Any]) -> Correction:
    return Correction(
        id=int(r["id"]), target_kind=r["target_kind"], target_key=r["target_key"], doc_hash=r["doc_hash"],
        action=r["action"], payload=_loads(r["payload"]), who=r["who"], created_at=r["created_at"], why=r["why"],
        replaced=_loads(r["replaced"]),
    )  # fmt: skip


def list_corrections(
    store: Any, *, kind: str | None = None, key: str | None = None, doc_hash: str | None = None
) -> list[Correction]:
    """Stored corrections, oldest first, optionally of one target kind, key or document."""
    conds, params = ["1 = 1"], []
    for col, value in (("target_kind", kind), ("target_key", key), ("doc_hash", doc_hash)):
        if value is not None:
            conds.append(f"{col} = ?")
            params.append(value)
    return [_correction(r) for r in store.query(f"SELECT * FROM corrections WHERE {' AND '.join(conds)} ORDER BY id",
                                                params)]  # fmt: skip


def rejected_row(store: Any, kind: str, doc_hash: str, local: str) -> tuple[Correction, dict[str, Any]] | None:
    """The correction that rejected a relation (`local`: its idx) or event (its event id) of a
    document, with the row as it was; None when no correction removed it."""
    table, col = ("relations", "idx") if kind == "relation" else ("events", "event_id")
    undone = undone_ids(store)
    for c in reversed(list_corrections(store, doc_hash=doc_hash)):
        if not c.rejects or c.id in undone:
            continue
        for row in c.replaced.get(table, []):
            if str(row.get(col)) == str(local):
                return c, row
    return None


def corrections_of(store: Any, kind: str, doc_hash: str, local: str) -> list[Correction]:
    """The corrections made to one stored relation or event (by its current key), oldest first."""
    if kind == "relation":
        rows = store.rows_of_documents("relations", [doc_hash], idx=int(local))
        key = relation_key(rows[0]) if rows else None
    else:
        rows = store.rows_of_documents("events", [doc_hash], event_id=local)
        key = event_key(rows[0]) if rows else None
    table, col = ("relations", "idx") if kind == "relation" else ("events", "event_id")
    out = []
    for c in list_corrections(store, doc_hash=doc_hash):
        touched = any(str(r.get(col)) == str(local) for r in c.replaced.get(table, []))
        if touched or (key is not None and c.target_key == key):
            out.append(c)
    return out


# -- labelled examples ---------------------------------------------------------------------------


def labelled_examples(store: Any) -> Iterator[dict[str, Any]]:
    """The relation corrections as labelled examples for the confidence model, one per statement.

    `label` 1: the analyst confirmed the tie as extracted; 0: rejected, or edited (the extracted
    tie was wrong; `corrected` gives the analyst's version). `tie` is the document-level tie key
    of `factiongraph.confidence.tie_key` (symmetric pairs sorted); `features` names where the
    model's features come from: the stored document (`doc_hash`, its `doc_id`) and the
    statement's evidence span.
    """
    ids = {r["hash"]: r["id"] for r in store.query("SELECT hash, id FROM documents")}
    undone = undone_ids(store)
    for c in list_corrections(store, kind="relation"):
        rows = c.replaced.get("relations") or []
        if not rows or c.action == "undo" or c.id in undone:
            continue
        r = rows[0]
        label = 1 if c.action == "confirm" else 0
        a, b = r["source"], r["target"]
        if r["type"] in ("alliance", "hostility"):
            a, b = sorted((a, b))
        yield {
            "tie": [r["type"], a, b], "label": label, "action": c.action, "correction": c.id,
            "features": {"doc_hash": c.doc_hash, "doc_id": ids.get(c.doc_hash or ""),
                         "evidence": {"start": r["evidence_start"], "end": r["evidence_end"],
                                      "text": r["evidence_text"]},
                         "rows": sorted(x["idx"] for x in rows), "method_confidence": r.get("confidence")},
            "extracted": {k: r[k] for k in ("type", "source", "target", "status", "certainty", "source_kind")},
            "corrected": c.payload if c.action == "edit" else None,
            "who": c.who, "why": c.why, "created_at": c.created_at.isoformat(),
        }  # fmt: skip


def write_examples(store: Any, out: IO[str]) -> int:
    """Writes `labelled_examples` as JSON lines; returns how many."""
    n = 0
    for ex in labelled_examples(store):
        out.write(json.dumps(ex, ensure_ascii=False, default=_json_default) + "\n")
        n += 1
    return n


__all__ = [
    "ACTIONS", "Correction", "CorrectionError", "TARGET_KINDS", "analyst", "apply_corrections", "correct",
    "correct_tie", "corrections_of", "event_key", "labelled_examples", "list_corrections", "rejected_row",
    "relation_key", "resolve", "tie_refs", "undo", "undone_ids", "write_examples",
]  # fmt: skip
