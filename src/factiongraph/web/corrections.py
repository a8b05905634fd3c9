"""Corrections and contradictions on the web: the API routes, the pages and the forms.

`router` (included by `web.app.create_app`) serves:

- `GET /api/corrections`, `GET /corrections`: every correction, oldest first;
- `POST /api/corrections` (JSON, `Authorization: Bearer <token>`): make one - `{"target_kind":
  "relation", "ref": "DOC_HASH/IDX", "action": "reject", "why": "...", "who": "...",
  "payload": {...}, "whole_tie": false}` (see `store.corrections.correct`; `whole_tie`: every
  statement of a relation's tie, `correct_tie`), or `{"action": "undo", "correction": ID}`; 201
  with `{"corrections": [...]}`, those stored;
- `POST /corrections` (a form of an event, relation or actor page, with the token as a field):
  the same, then back to the page (303);
- `GET /api/contradictions`, `GET /contradictions`: the sources that disagree, both sides each.

`annotate_*` add to the event, relation and actor pages what the corrections and contradictions
say about them; a rejected event or relation keeps its page, built from the row it replaced and
marked "rejected by the analyst". Without a token writes answer 403, with a wrong one 401.
"""

from __future__ import annotations

import hmac
import json
import urllib.parse
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from factiongraph.document import CERTAINTIES, PLOVER_TYPES
from factiongraph.store import corrections as corr
from factiongraph.store.contradictions import (
    DEFAULT_WINDOW_DAYS,
    contradicted_pairs,
    contradictions,
    contradictions_page,
)
from factiongraph.store.graph_sql import Scope
from factiongraph.web import models as m
from factiongraph.web import queries as q
from factiongraph.web.queries import PAGE_SIZE, _name, names_of, page_info
from factiongraph.web.templating import templates as make_templates

HERE = Path(__file__).resolve().parent
MAX_FIELD = 2000  # characters of a form or JSON text field
router = APIRouter()
_templates = make_templates()


def _state(request: Request) -> Any:
    return request.app.state.fg


def _page(request: Request, name: str, ctx: dict[str, Any]) -> HTMLResponse:
    writes = _state(request).token is not None
    return _templates.TemplateResponse(request, name, {"title": "", "writes_enabled": writes, **ctx})


def _check_token(state: Any, given: str) -> None:
    if state.token is None:
        raise HTTPException(403, "writes are disabled: start the server with --token or FG_API_TOKEN")
    if not given or not hmac.compare_digest(given.strip().encode(), state.token.encode()):
        raise HTTPException(401, "missing or wrong API token", headers={"WWW-Authenticate": "Bearer"})


def _text(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise HTTPException(422, f"'{name}' must be a string")
    if len(value) > MAX_FIELD:
        raise HTTPException(422, f"'{name}' is longer than {MAX_FIELD} characters")
    return value


def _make(state: Any, body: dict[str, Any]) -> list[corr.Correction]:
    """Checks a correction request's fields and makes it (under the write lock): one correction, or
    with `whole_tie` one for each statement of a relation's tie."""
    action = _text(body.get("action"), "action")
    if action == "undo":
        number = body.get("correction")
        if isinstance(number, str) and number.isdigit():
            number = int(number)
        if not isinstance(number, int) or isinstance(number, bool):
            raise HTTPException(422, "an undo needs 'correction': the id of the correction to undo")
        with state.write_lock, state.reader() as s:
            try:
                return [corr.undo(s, number, who=_text(body.get("who"), "who") or "web",
                                  why=_text(body.get("why"), "why"))]  # fmt: skip
            except corr.CorrectionError as e:
                raise HTTPException(422, str(e)) from None
    kind = _text(body.get("target_kind"), "target_kind")
    ref = _text(body.get("ref"), "ref")
    if not kind or not ref or not action:
        raise HTTPException(422, "a correction needs 'target_kind', 'ref' and 'action'")
    payload = body.get("payload") or {}
    if not isinstance(payload, dict):
        raise HTTPException(422, "'payload' must be an object")
    who, why = _text(body.get("who"), "who"), _text(body.get("why"), "why")
    whole_tie = body.get("whole_tie", False)
    if whole_tie not in (True, False) or (whole_tie and kind != "relation"):
        raise HTTPException(422, "'whole_tie' is true or false, and true only for a relation")
    with state.write_lock, state.reader() as s:
        try:
            if whole_tie:
                return corr.correct_tie(s, ref, action, payload=payload, who=who or "web", why=why)
            return [corr.correct(s, kind, ref, action, payload=payload, who=who or "web", why=why)]
        except corr.CorrectionError as e:
            raise HTTPException(422, str(e)) from None


@router.get("/api/corrections", summary="The analysts' corrections, oldest first",
            response_model=list[m.Correction], response_model_exclude_unset=True)  # fmt: skip
def api_corrections(request: Request) -> list[dict[str, Any]]:
    with _state(request).reader() as s:
        return [c.to_dict() for c in corr.list_corrections(s)]


@router.post("/api/corrections", status_code=201, summary="Confirm, reject or edit an event or relation; merge or"
             " split actors (needs the API token)", response_model=m.CorrectionsMade,
             response_model_exclude_unset=True)  # fmt: skip
async def post_correction(request: Request) -> Any:
    state = _state(request)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    _check_token(state, given if scheme.lower() == "bearer" else "")
    try:
        body = json.loads(await request.body())
    except (ValueError, RecursionError):
        raise HTTPException(400, "the body is not JSON") from None
    if not isinstance(body, dict):
        raise HTTPException(422, "the body must be a JSON object")
    if not _encodable(body):
        raise HTTPException(422, "the body holds text that is not valid Unicode (a lone surrogate)")
    done = await run_in_threadpool(_make, state, body)
    return jsonable_encoder({"corrections": [c.to_dict() for c in done]})


def _encodable(value: Any) -> bool:
    """True when every string in a decoded JSON value can be stored as UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_encodable(k) and _encodable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_encodable(v) for v in value)
    return True


# the form fields of each kind of correction, as they go into the payload
_FORM_FIELDS = ("type", "plover", "status", "certainty", "source", "target", "actor1", "actor2", "into", "new_id",
                "name")  # fmt: skip


@router.post("/corrections", include_in_schema=False)
async def post_correction_form(request: Request) -> Response:
    state = _state(request)
    try:
        raw = (await request.body()).decode("utf-8")
        form = {k: v[-1] for k, v in urllib.parse.parse_qs(raw, errors="strict").items()}
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "the form could not be read") from None
    _check_token(state, form.get("token", ""))
    payload: dict[str, Any] = {k: form[k] for k in _FORM_FIELDS if form.get(k)}
    if form.get("swap"):
        payload["swap"] = True
    if form.get("documents"):
        payload["documents"] = [d for d in form["documents"].replace(",", " ").split() if d]
    body: dict[str, Any] = {k: form.get(k) for k in ("target_kind", "ref", "action", "who", "why", "correction")}
    body["payload"] = payload
    body["whole_tie"] = bool(form.get("whole_tie"))
    done = await run_in_threadpool(_make, state, body)
    return RedirectResponse(_back(done[0], form.get("back")), status_code=303)


def _back(c: corr.Correction, back: str | None) -> str:
    """Where a form returns: the page it came from (a local path), the merged-into or split-off actor."""
    if c.action == "merge":
        return "/actors/" + urllib.parse.quote(c.payload["into"], safe="")
    if c.action == "split":
        return "/actors/" + urllib.parse.quote(c.payload["new_id"], safe="")
    if back and back.startswith("/") and not back.startswith("//") and "\\" not in back:
        return back
    return "/corrections"


@router.get("/corrections", response_class=HTMLResponse, include_in_schema=False)
def corrections_page(request: Request) -> HTMLResponse:
    return _page(request, "corrections.html", {"title": "Corrections", "corrections": api_corrections(request)})


@router.get("/api/contradictions", summary="Ties and events on which sources disagree, with both pieces of evidence",
            response_model=list[m.Contradiction], response_model_exclude_unset=True)  # fmt: skip
def api_contradictions(
    request: Request,
    response: Response,
    actor: Annotated[str | None, Query(description="only disagreements about this actor id")] = None,
    window_days: Annotated[int, Query(ge=0, le=3650, description="how far apart two statements may be")] = (
        DEFAULT_WINDOW_DAYS
    ),
    page: Annotated[int, Query(ge=1, description=f"page of {PAGE_SIZE} disagreements, newest first")] = 1,
) -> list[dict[str, Any]]:
    """Disagreements, a page at a time; the `X-Total-Count` header says how many there are."""
    found, total = _contradictions_page(request, actor, window_days, page)
    response.headers["X-Total-Count"] = str(total)
    return found


def _contradictions_page(
    request: Request, actor: str | None, window_days: int, page: int
) -> tuple[list[dict[str, Any]], int]:
    with _state(request).reader() as s:
        scope = Scope(actor=actor or None)
        found, total = contradictions_page(s, scope=scope, window_days=window_days, limit=PAGE_SIZE,
                                           offset=(page - 1) * PAGE_SIZE)  # fmt: skip
        info = page_info(total, page)
        if info["page"] != page:  # a page past the last: the last
            found = contradictions_page(s, scope=scope, window_days=window_days, limit=PAGE_SIZE,
                                        offset=info["offset"])[0]  # fmt: skip
    return [c.to_dict() for c in found], total


@router.get("/contradictions", response_class=HTMLResponse, include_in_schema=False)
def contradictions_page_html(
    request: Request, page: Annotated[int, Query(ge=1)] = 1, actor: Annotated[str | None, Query()] = None
) -> HTMLResponse:
    found, total = _contradictions_page(request, actor, DEFAULT_WINDOW_DAYS, page)
    with _state(request).reader() as s:
        names = names_of(s, [x for c in found for x in (c["a"], c["b"])])
    for c in found:
        c["a_name"], c["b_name"] = _name(names, c["a"]), _name(names, c["b"])
    return _page(request, "contradictions.html", {"title": "Contradictions", "contradictions": found,
                                                  "window_days": DEFAULT_WINDOW_DAYS,
                                                  "pages": page_info(total, page)})  # fmt: skip


# -- what the existing pages show ----------------------------------------------------------------


def _report_context(s: Any, row: dict[str, Any], kind: str) -> dict[str, Any]:
    """A replaced row as the event and relation pages show a report (names, document, context)."""
    doc = s.query("SELECT id, title, url, published, text FROM documents WHERE hash = ?", (row["doc_hash"],))
    d = doc[0] if doc else {"id": row["doc_hash"], "title": None, "url": None, "published": None, "text": ""}
    full = {**row, "doc_id": d["id"], "doc_title": d["title"], "doc_url": d["url"], "doc_published": d["published"],
            "doc_text": d["text"] or ""}  # fmt: skip
    names = q.actor_names(s)
    if kind == "relation":
        full["event_date"] = None
        return q._relation_report(full, names)
    return q._event_report(full, names)


def _history(s: Any, kind: str, doc_hash: str, local: str) -> list[dict[str, Any]]:
    """The corrections of an event or relation, each saying whether it was undone (and can be)."""
    undone = corr.undone_ids(s)
    out = []
    for c in corr.corrections_of(s, kind, doc_hash, local):
        d = c.to_dict(with_replaced=False)
        d["undone"] = c.id in undone
        out.append(d)
    for d in out:  # only the latest standing correction can be undone
        d["undoable"] = False
    standing = [d for d in out if d["action"] != "undo" and not d["undone"]]
    if standing:
        standing[-1]["undoable"] = True
    return out


def _pair_contradictions(s: Any, a: str | None, b: str | None) -> list[dict[str, Any]]:
    """The disagreements about one pair (a read of the kept groups, `store.contra_state`)."""
    if not a or not b or a == b:
        return []
    return [c.to_dict() for c in contradictions(s, pairs=[(a, b)])]


def annotate_relation(s: Any, doc_hash: str, idx: int, d: dict[str, Any] | None) -> dict[str, Any] | None:
    """A relation page's data with its corrections and contradictions; a rejected relation's page
    from the row it replaced (`rejected`: the correction). None: no such relation, ever."""
    if d is None:
        gone = corr.rejected_row(s, "relation", doc_hash, str(idx))
        if gone is None:
            return None
        c, row = gone
        report = _report_context(s, dict(row), "relation")
        d = {"relation": report, "reports": [report], "report_count": 1, "pages": {},
             "symmetric": row["type"] in ("alliance", "hostility"),
             "rejected": c.to_dict(with_replaced=False)}  # fmt: skip
    else:
        d["rejected"] = None
    d["corrections"] = _history(s, "relation", doc_hash, str(idx))
    r = d["relation"]
    d["contradictions"] = [] if d["rejected"] else _pair_contradictions(s, r["source"], r["target"])
    d["correct"] = {"target_kind": "relation", "ref": f"{doc_hash}/{idx}", "fields": _relation_fields(r)}
    return d


def annotate_event(s: Any, doc_hash: str, event_id: str, d: dict[str, Any] | None) -> dict[str, Any] | None:
    """An event page's data with its corrections and contradictions; a rejected event's page from
    the row it replaced. None: no such event, ever."""
    if d is None:
        gone = corr.rejected_row(s, "event", doc_hash, event_id)
        if gone is None:
            return None
        c, row = gone
        report = _report_context(s, dict(row), "event")
        d = {"event": report, "merged_event_id": None, "reports": [report], "report_count": 1, "relations": [],
             "rejected": c.to_dict(with_replaced=False)}  # fmt: skip
    else:
        d["rejected"] = None
    d["corrections"] = _history(s, "event", doc_hash, event_id)
    e = d["event"]
    d["contradictions"] = [] if d["rejected"] else _pair_contradictions(s, e["actor1"], e["actor2"])
    d["correct"] = {"target_kind": "event", "ref": f"{doc_hash}/{event_id}", "fields": _event_fields(e)}
    return d


def annotate_actor(s: Any, actor_id: str, d: dict[str, Any] | None) -> dict[str, Any] | None:
    """An actor page's data with the merges and splits that concern it and the disagreements
    about its ties; a merged-away actor's page says where it went. None: no such actor, ever."""
    mine = [c for c in corr.list_corrections(s, kind="actor")
            if actor_id in (c.target_key, c.payload.get("into"), c.payload.get("new_id"))]  # fmt: skip
    if d is None:
        merged = [c for c in mine if c.action == "merge" and c.target_key == actor_id]
        if not merged:
            return None
        c = merged[-1]
        rows = c.replaced.get("actors") or [{"id": actor_id, "name": actor_id}]
        d = q.actor_detail(s, actor_id, stand_in=rows[0])
        assert d is not None  # a stand-in row always gives a page
    d["actor_corrections"] = [c.to_dict(with_replaced=False) for c in mine]
    d["merged_into"] = next((c.payload["into"] for c in reversed(mine)
                             if c.action == "merge" and c.target_key == actor_id), None)  # fmt: skip
    d["contradictions"] = [c.to_dict() for c in contradictions(s, scope=Scope(actor=actor_id))]  # kept groups
    return d


def graph_flags(s: Any, scope: Scope | None = None) -> dict[tuple[str, str], list[str]]:
    """Each actor pair (sorted) sources disagree about, with the kinds of disagreement: the
    `contradicted` attribute of the graph's edges."""
    return contradicted_pairs(contradictions(s, scope=scope or Scope()))


def _relation_fields(r: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"name": "type", "value": r["type"], "choices": list(corr.RELATION_TYPES)},
        {"name": "status", "value": r["status"], "choices": list(corr.RELATION_STATUSES)},
        {"name": "certainty", "value": r["certainty"], "choices": list(CERTAINTIES)},
        {"name": "source", "value": r["source"], "choices": None},
        {"name": "target", "value": r["target"], "choices": None},
    ]


def _event_fields(e: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"name": "plover", "value": e["plover"], "choices": list(PLOVER_TYPES)},
        {"name": "certainty", "value": e["certainty"], "choices": list(CERTAINTIES)},
        {"name": "actor1", "value": e["actor1"], "choices": None},
        {"name": "actor2", "value": e["actor2"], "choices": None},
    ]
