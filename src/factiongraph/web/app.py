"""The web application: overview, actor graph over time, map, actor, event, relation and document pages.

`create_app(db)` builds a FastAPI app over a store. Every page has a JSON twin under `/api/`
(schema at `/openapi.json`). The store is opened read-only unless an API token is configured;
then `POST /api/documents` ingests one document, with `Authorization: Bearer <token>`.

Security: Jinja2 autoescapes every template; the scripts build the DOM with `textContent`;
responses carry a strict Content-Security-Policy (`script-src 'self'`, nothing from elsewhere);
request bodies over `max_body` bytes get 413; a request whose Host header is not in the
allow-list (loopback names by default) gets 400, so a DNS-rebinding page cannot read the API;
text that is not valid Unicode gets 422; errors never show a stack trace.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from factiongraph import graph as fg
from factiongraph.document import CERTAINTIES
from factiongraph.store.core import Store
from factiongraph.web import corrections as fix
from factiongraph.web import models as m
from factiongraph.web import queries as q
from factiongraph.web.templating import templates as make_templates

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_BODY = 1_000_000
TOKEN_ENV = "FACTIONGRAPH_API_TOKEN"  # config.TOKEN_ENV
ALLOWED_HOSTS_ENV = "FACTIONGRAPH_ALLOWED_HOSTS"  # cli_web.ALLOWED_HOSTS_ENV
# The names a browser on this machine uses for a loopback server. Any other Host header can come
# from a page whose domain was rebound to 127.0.0.1, so it is refused unless allowed.
LOOPBACK_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
log = logging.getLogger("factiongraph.web")
Certainty = Annotated[list[str] | None, Query(description=f"certainties to include, of {list(CERTAINTIES)}")]
Page = Annotated[int, Query(ge=1, description=f"page of {q.PAGE_SIZE} rows, newest first")]
TieType = Annotated[
    list[str] | None, Query(alias="type", description=f"tie types to include, of {list(fg.RELATION_TYPES)}")
]
SourceKind = Annotated[list[str] | None, Query(description="source kinds to include: article, comment")]


class BodyTooLarge(Exception):
    pass


def host_name(header: str) -> str:
    """The host of a Host header, lower-cased, without port or IPv6 brackets ('[::1]:8000' -> '::1')."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1 : h.find("]")] if "]" in h else h
    if h.count(":") > 1:  # a bare IPv6 address
        return h
    name, _, port = h.rpartition(":")
    return name if name and port.isdigit() else h.rstrip(".")


def host_allowed(header: str | None, allowed: frozenset[str]) -> bool:
    """Whether a Host header names an allowed host: an exact name, `*.example.org` for its
    subdomains, or `*` for any host."""
    if "*" in allowed:
        return True
    if not header:
        return False
    name = host_name(header).rstrip(".")
    return name in allowed or any(a.startswith("*.") and name.endswith(a[1:]) for a in allowed)


class Guard:
    """ASGI middleware: security headers on every response, the Host allow-list, and a cap on
    request body size."""

    def __init__(self, app: ASGIApp, max_body: int, allowed_hosts: frozenset[str] = frozenset(LOOPBACK_HOSTS)) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host")
        if not host_allowed(host.decode("latin-1") if host is not None else None, self.allowed_hosts):
            await _refuse_host(send_with_headers, host)
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _too_large(send_with_headers)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send_with_headers(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _too_large(send_with_headers)


async def _too_large(send: Callable[[Message], Any]) -> None:
    body = b'{"detail":"request body too large"}'
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _refuse_host(send: Callable[[Message], Any], host: bytes | None) -> None:
    shown = host.decode("latin-1")[:100] if host is not None else ""
    detail = (f"Host header '{shown}' is not allowed: start the server with --allow-host NAME (or set "
              f"{ALLOWED_HOSTS_ENV}) to serve it under that name")  # fmt: skip
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def allowed_hosts(extra: Iterable[str] = ()) -> frozenset[str]:
    """The loopback names plus `extra` (names, `*.domain` or `*`), lower-cased, without ports."""
    out = set(LOOPBACK_HOSTS)
    for h in extra:
        h = h.strip()
        if h:
            out.add(h.lower() if h.startswith("*") else host_name(h))
    return frozenset(out)


class State:
    """What the request handlers share: the store connection, caches, registry, pipeline."""

    def __init__(self, store: Store, token: str | None, registry: Any, pipeline: Any) -> None:
        self.store = store
        self.token = token
        self.registry = registry
        self.pipeline = pipeline
        self.lock = threading.Lock()
        self.write_lock = threading.Lock()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A store handle for one request (`Store.session`: safe across threads; on a DuckDB file
        opened by `create_app`, a connection of the request's own, so `ingest` can write between)."""
        if self.store.backend == "duckdb":
            with self.store.session() as s:
                yield s
        else:  # one PostgreSQL connection, one request at a time
            with self.lock:
                yield self.store


def _parse_day(value: str | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: '{value[:40]}' is not a date (YYYY-MM-DD)") from None


def _load_registry() -> Any:
    try:
        from factiongraph.actors.registry import Registry

        return Registry.load()
    except Exception:  # pragma: no cover - a broken install
        log.exception("cannot load the actor registry")
        return None


def create_app(
    db: str | Path | None = None,
    *,
    store: Store | None = None,
    token: str | None = None,
    registry: Any = None,
    pipeline: Any = None,
    max_body: int = DEFAULT_MAX_BODY,
    hosts: Iterable[str] = (),
) -> FastAPI:
    """The web app over the store at `db` (or an open `store`).

    Without `token` the store is opened read-only and `POST /api/documents` answers 403.
    Requests are answered only for a Host header naming a loopback name or one of `hosts`
    (names, `*.domain`, or `*` for any).
    `pipeline` (a `factiongraph.pipeline.Pipeline`) is loaded on the first ingest if not given.
    """
    if store is None:
        if db is None:
            raise ValueError("create_app needs a db path or a store")
        store = Store.open(db, read_only=not token, hold=False)
    state = State(store, token or None, registry if registry is not None else _load_registry(), pipeline)
    app = FastAPI(
        title="factiongraph",
        summary="Actors, events and alliances from conflict reporting, with their evidence.",
        version="1",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.fg = state
    templates = make_templates()
    env = templates.env
    env.globals["writes_enabled"] = state.token is not None
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(Guard, max_body=max_body, allowed_hosts=allowed_hosts(hosts))

    def page(request: Request, name: str, ctx: dict[str, Any], status: int = 200) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"title": "", **ctx}, status_code=status)

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api/", "/openapi", "/static/"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if wants_html(request):
            return page(request, "error.html", {"title": f"Error {exc.status_code}", "status": exc.status_code,
                                                "message": str(exc.detail)}, exc.status_code)  # fmt: skip
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        if wants_html(request):
            msg = "; ".join(f"{'.'.join(map(str, p['loc']))}: {p['msg']}" for p in problems)
            return page(request, "error.html", {"title": "Bad request", "status": 422, "message": msg}, 422)
        return JSONResponse({"detail": problems}, status_code=422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.error("error serving %s %s", request.method, request.url.path, exc_info=exc)
        # this handler runs outside the middleware stack: the security headers are set here
        resp: Response
        if wants_html(request):
            resp = page(request, "error.html", {"title": "Error", "status": 500,
                                                "message": "Internal server error."}, 500)  # fmt: skip
        else:
            resp = JSONResponse({"detail": "internal server error"}, status_code=500)
        resp.headers.update(SECURITY_HEADERS)
        return resp

    # -- JSON API ------------------------------------------------------------------------------

    def api_overview() -> dict[str, Any]:
        with state.reader() as s:
            return q.overview(s)

    def api_graph(
        date: Annotated[str | None, Query(description="the graph at this date (YYYY-MM-DD); default: latest")] = None,
        certainty: Certainty = None,
        source_kind: SourceKind = None,
        country: Annotated[str | None, Query(description="only ties with an actor of this country (ISO3)")] = None,
        conflict: Annotated[str | None, Query(description="only ties of this conflict (actor registry)")] = None,
        actor: Annotated[str | None, Query(description="only ties of this actor id")] = None,
        show_ended: bool = False,
        max_edges: Annotated[int, Query(ge=1, le=5000)] = q.MAX_GRAPH_EDGES,
        tie_type: TieType = None,
    ) -> dict[str, Any]:
        at = _parse_day(date, "date")
        with state.reader() as s:
            return q.graph(
                s, at=at, scope=_scope(actor, conflict),
                certainty=q.clean_choices(certainty, CERTAINTIES, q.DEFAULT_CERTAINTIES),
                source_kind=q.clean_choices(source_kind, q.SOURCE_KINDS, q.DEFAULT_SOURCE_KINDS),
                country=country or None, show_ended=show_ended, max_edges=max_edges,
                types=q.clean_choices(tie_type, fg.RELATION_TYPES, fg.RELATION_TYPES),
            )  # fmt: skip

    def api_changes(
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        include_comments: bool = False,
        country: Annotated[str | None, Query(description="only ties with an actor of this country")] = None,
        conflict: Annotated[str | None, Query(description="only ties of this conflict (actor registry)")] = None,
        actor: Annotated[str | None, Query(description="only ties of this actor id")] = None,
    ) -> Any:
        scope = _scope(actor, conflict, country)
        with state.reader() as s:
            return q.latest_changes(s, limit=limit, include_comments=include_comments, scope=scope)

    def _scope(actor: str | None, conflict: str | None, country: str | None = None) -> fg.Scope:
        try:
            return fg.make_scope(actor=actor or None, conflict=conflict or None, country=country or None,
                                 registry=state.registry)  # fmt: skip
        except fg.ScopeError as e:
            raise HTTPException(422, str(e)) from None

    def api_map(
        start: Annotated[str | None, Query(description="events on or after this date")] = None,
        end: Annotated[str | None, Query(description="events on or before this date")] = None,
        actor: Annotated[str | None, Query(description="events with this actor id")] = None,
        certainty: Certainty = None,
        source_kind: SourceKind = None,
        limit: Annotated[int, Query(ge=1, le=20000)] = q.MAX_MAP_EVENTS,
        undated: Annotated[bool, Query(description="keep events without a date (shown in their own layer)")] = True,
    ) -> dict[str, Any]:
        a, b = _parse_day(start, "start"), _parse_day(end, "end")
        with state.reader() as s:
            return q.map_events(
                s, start=a, end=b, actor=actor or None,
                certainty=q.clean_choices(certainty, CERTAINTIES, CERTAINTIES),
                source_kind=q.clean_choices(source_kind, q.SOURCE_KINDS, q.DEFAULT_SOURCE_KINDS), limit=limit,
                undated=undated,
            )  # fmt: skip

    def api_actors(
        response: Response,
        search: Annotated[str | None, Query(alias="q", max_length=200)] = None,
        page: Annotated[int, Query(ge=1, description=f"page of {q.PAGE_SIZE} actors, most active first")] = 1,
    ) -> list[dict[str, Any]]:
        """Actors, a page at a time; the `X-Total-Count` header says how many match."""
        with state.reader() as s:
            total = q.actor_count(s, search)
            info = q.page_info(total, page)
            response.headers["X-Total-Count"] = str(total)
            return q.actor_list(s, search, limit=info["size"], offset=info["offset"])

    def api_actor(
        actor_id: str, events_page: Page = 1, relations_page: Page = 1, reports_page: Page = 1,
        ties_page: Page = 1, changes_page: Page = 1,
    ) -> dict[str, Any]:
        with state.reader() as s:
            d = fix.annotate_actor(s, actor_id, q.actor_detail(
                s, actor_id, registry=state.registry, events_page=events_page, relations_page=relations_page,
                reports_page=reports_page, ties_page=ties_page, changes_page=changes_page))  # fmt: skip
        if d is None:
            raise HTTPException(404, "no such actor")
        return d

    def api_event(doc_hash: str, event_id: str) -> dict[str, Any]:
        with state.reader() as s:
            d = fix.annotate_event(s, doc_hash, event_id, q.event_detail(s, doc_hash, event_id))
        if d is None:
            raise HTTPException(404, "no such event")
        return d

    def api_relation(doc_hash: str, idx: int, reports_page: Page = 1) -> dict[str, Any]:
        with state.reader() as s:
            d = fix.annotate_relation(s, doc_hash, idx, q.relation_detail(s, doc_hash, idx, page=reports_page))
        if d is None:
            raise HTTPException(404, "no such relation")
        return d

    def api_document(doc_hash: str) -> dict[str, Any]:
        with state.reader() as s:
            d = q.document_detail(s, doc_hash)
        if d is None:
            raise HTTPException(404, "no such document")
        return d

    app.include_router(fix.router)  # corrections and contradictions: API routes and pages
    typed: dict[str, Any] = {"response_model_exclude_unset": True}  # each response keeps its query's keys
    app.get("/api/overview", summary="Counts, latest alliance changes, most active actors",
            response_model=m.Overview, **typed)(api_overview)  # fmt: skip
    app.get("/api/graph", summary="The signed actor graph at a date", response_model=m.Graph, **typed)(api_graph)
    app.get("/api/changes", summary="Latest alliance changes, newest first",
            response_model=list[m.LatestChange], **typed)(api_changes)  # fmt: skip
    app.get("/api/map", summary="Geolocated events, filtered by date and actor", response_model=m.Map,
            **typed)(api_map)  # fmt: skip
    app.get("/api/actors", summary="Actors in the store, most active first",
            response_model=list[m.ActorListItem], **typed)(api_actors)  # fmt: skip
    app.get("/api/actors/{actor_id}", summary="An actor: profile, relations over time, events, reports",
            response_model=m.ActorDetail, **typed)(api_actor)  # fmt: skip
    app.get("/api/events/{doc_hash}/{event_id}", summary="An event with every report of it",
            response_model=m.EventDetail, **typed)(api_event)  # fmt: skip
    app.get("/api/relations/{doc_hash}/{idx}", summary="A relation with every report of the same tie",
            response_model=m.RelationDetail, **typed)(api_relation)  # fmt: skip
    app.get("/api/documents/{doc_hash}", summary="A stored document with its events and relations",
            response_model=m.DocumentDetail, **typed)(api_document)  # fmt: skip

    @app.post("/api/documents", status_code=201, summary="Ingest one document (needs the API token)",
              response_model=m.IngestResult, openapi_extra=m.INGEST_REQUEST, **typed)  # fmt: skip
    async def post_document(request: Request) -> Any:
        if state.token is None:
            raise HTTPException(403, f"writes are disabled: start the server with --token-file or {TOKEN_ENV}")
        auth = request.headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), state.token.encode()):
            raise HTTPException(401, "missing or wrong API token", headers={"WWW-Authenticate": "Bearer"})
        body = await request.body()
        try:
            obj = json.loads(body)
        except (ValueError, RecursionError):
            raise HTTPException(400, "the body is not JSON") from None
        problem = _check_document(obj)
        if problem:
            raise HTTPException(422, problem)
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_ingest_one, state, obj)

    # -- pages ---------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request) -> HTMLResponse:
        return page(request, "overview.html", {"title": "Overview", "d": api_overview()})

    @app.get("/graph", response_class=HTMLResponse, include_in_schema=False)
    def graph_page(request: Request) -> HTMLResponse:
        return page(request, "graph.html", {"title": "Actor graph"})

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request) -> HTMLResponse:
        return page(request, "map.html", {"title": "Map"})

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(
        request: Request,
        search: Annotated[str | None, Query(alias="q", max_length=200)] = None,
        page_no: Annotated[int, Query(alias="page", ge=1)] = 1,
    ) -> HTMLResponse:
        with state.reader() as s:
            info = q.page_info(q.actor_count(s, search), page_no)
            actors = q.actor_list(s, search, limit=info["size"], offset=info["offset"])
        return page(request, "actors.html", {"title": "Actors", "actors": actors, "q": search or "", "pages": info})

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(
        request: Request, actor_id: str, events_page: Page = 1, relations_page: Page = 1, reports_page: Page = 1,
        ties_page: Page = 1, changes_page: Page = 1,
    ) -> HTMLResponse:
        d = api_actor(actor_id, events_page, relations_page, reports_page, ties_page, changes_page)
        return page(request, "actor.html", {"title": d["actor"]["name"], "d": d})

    @app.get("/events/{doc_hash}/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, doc_hash: str, event_id: str) -> HTMLResponse:
        d = api_event(doc_hash, event_id)
        return page(request, "event.html", {"title": f"Event {d['event']['plover']}", "d": d})

    @app.get("/relations/{doc_hash}/{idx}", response_class=HTMLResponse, include_in_schema=False)
    def relation_page(request: Request, doc_hash: str, idx: int, reports_page: Page = 1) -> HTMLResponse:
        d = api_relation(doc_hash, idx, reports_page)
        return page(request, "relation.html", {"title": f"Relation {d['relation']['type']}", "d": d})

    @app.get("/documents/{doc_hash}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_hash: str) -> HTMLResponse:
        d = api_document(doc_hash)
        return page(request, "document.html", {"title": d["document"]["display_title"], "d": d})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app


def _check_document(obj: Any) -> str | None:
    if not isinstance(obj, dict):
        return "the body must be a JSON object {id, text, title?, url?, published?}"
    if not isinstance(obj.get("id"), str) or not obj["id"].strip():
        return "'id' must be a non-empty string"
    if not isinstance(obj.get("text"), str) or not obj["text"].strip():
        return "'text' must be a non-empty string"
    for key in ("title", "url", "published"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f"'{key}' must be a string"
    for key in ("id", "text", "title", "url", "published"):
        value = obj.get(key)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as e:  # a lone surrogate: JSON allows the escape, UTF-8 has no such text
                return f"'{key}' is not valid Unicode text (a lone surrogate at character {e.start})"
    return None


def _ingest_one(state: State, obj: dict[str, Any]) -> dict[str, Any]:
    from factiongraph.read import read_bytes
    from factiongraph.store.ingest import content_hash, ingest_documents

    with state.write_lock:
        if state.pipeline is None:
            from factiongraph.pipeline import Pipeline

            state.pipeline = Pipeline.load()
        record = {k: obj.get(k) for k in ("id", "text", "title", "url", "published")}
        docs = list(read_bytes(obj["id"], json.dumps(record).encode("utf-8"), "jsonl"))
        with state.reader() as s:
            summary = ingest_documents(s, docs, state.pipeline)
            try:
                fg.merge_events(s)
            except Exception:  # the merge is an extra: the document is stored either way
                log.exception("event merge after ingest failed")
        doc = docs[0]
        h = content_hash(doc)
    return jsonable_encoder({
        "id": doc.id, "hash": h, "ingested": summary.ingested, "skipped": summary.skipped,
        "failed": summary.failed, "events": summary.events, "relations": summary.relations,
        "errors": [{"id": i, "code": c, "message": m} for i, c, m in summary.failures],
        "url": f"/documents/{h}",
    })  # fmt: skip
