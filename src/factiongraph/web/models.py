"""The web API's response types (pydantic), so `/openapi.json` describes every JSON twin.

Each model names the fields `web.queries` returns and their types; models allow extra fields, so
a query that adds one keeps working (and the routes serialise with `exclude_unset`, so a response
carries exactly the keys its query gave). Rows of store tables are typed from the store's own
column list (`store.schema.COLUMNS`), so a migration that adds a column types it here too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, create_model

from factiongraph.document import Certainty, RelationType
from factiongraph.store.schema import COLUMNS

SQL_TYPES: dict[str, Any] = {
    "TEXT": str, "INTEGER": int, "BIGINT": int, "DOUBLE PRECISION": float, "DATE": dt.date,
    "TIMESTAMP": dt.datetime, "BOOLEAN": bool,
}  # fmt: skip


class Open(BaseModel):
    """A response object: the fields below, and possibly more."""

    model_config = ConfigDict(extra="allow")


def _row_model(name: str, table: str, doc: str) -> type[Open]:
    fields: dict[str, Any] = {col: (SQL_TYPES[typ] | None, None) for col, typ in COLUMNS[table]}
    model: type[Open] = create_model(name, __base__=Open, __doc__=doc, **fields)
    return model


EventRow = _row_model("EventRow", "events", "A stored event: the output contract's event, flattened.")
RelationRow = _row_model("RelationRow", "relations", "A stored relation: the output contract's relation, flattened.")
ActorRow = _row_model("ActorRow", "actors", "A stored actor.")
DocumentRow = _row_model("DocumentRow", "documents", "A stored document.")


class Link(Open):
    """Where a row's evidence is: `/relations/{doc_hash}/{idx}`."""

    doc_hash: str
    idx: int


class DateRange(Open):
    first: dt.date | None = None
    last: dt.date | None = None


class Change(Open):
    """A change of a tie (see `factiongraph changes`), with the relation row that shows it."""

    date: dt.date | None
    kind: str
    origin: str
    source: str
    source_name: str | None
    target: str
    target_name: str | None
    note: str
    relation: Link


class LatestChange(Change):
    certainty: Certainty
    source_kind: str
    document: str
    evidence: str


class ActiveActor(Open):
    actor: str
    name: str | None
    kind: str | None
    events: int
    article_events: int | None
    last_event: dt.date | None


class RecentDocument(Open):
    hash: str
    id: str
    title: str | None
    url: str | None = None
    display_title: str = ""  # the title, else the URL, else the file name of the id
    published: dt.date | None
    n_events: int
    n_relations: int
    error_code: str | None


class Overview(Open):
    counts: dict[str, int]
    event_dates: DateRange
    latest_changes: list[LatestChange]
    most_active_actors: list[ActiveActor]
    recent_documents: list[RecentDocument]
    changes_total: int = 0  # of which `latest_changes` are the newest
    actors_total: int = 0
    documents_total: int = 0
    list_limit: int = 0  # the most rows each list shows


class GraphNode(Open):
    id: str
    name: str
    kind: str | None
    country: str | None
    degree: int
    strength: float


class GraphEdge(Open):
    """A tie in force at the graph's date; `sign` +1 friendly, -1 hostile, 0 ended."""

    id: str
    type: RelationType
    source: str
    target: str
    source_name: str
    target_name: str
    symmetric: bool
    sign: Literal[-1, 0, 1]
    status: str
    strength: float
    width: float
    evidence_count: int
    documents: int
    first_seen: dt.date
    last_seen: dt.date
    ended_on: dt.date | None
    stale: bool
    report: Link


class GraphFilters(Open):
    certainty: list[Certainty]
    source_kind: list[str]
    country: str | None
    conflict: str | None
    show_ended: bool
    type: list[RelationType] = []


class GraphChoices(Open):
    certainty: list[Certainty]
    source_kind: list[str]
    country: list[str]
    type: list[RelationType] = []


class Graph(Open):
    at: dt.date | None
    range: DateRange
    filters: GraphFilters
    choices: GraphChoices
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    total_edges: int
    undated_statements: int
    truncated: bool


class MapEvent(Open):
    doc_hash: str
    event_id: str
    plover: str
    plover_mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    actor1_name: str | None
    actor2_name: str | None
    location_name: str | None
    lat: float
    lon: float
    country: str | None
    date_start: dt.date | None
    fatalities: int | None
    certainty: Certainty
    source_kind: str
    evidence: str
    type: str
    dated: bool = True  # False: drawn in the map's undated layer at every date


class MapActor(Open):
    id: str
    name: str
    events: int


class MapFilters(Open):
    start: dt.date | None
    end: dt.date | None
    actor: str | None
    certainty: list[Certainty]
    source_kind: list[str]
    undated: bool = True


class Map(Open):
    filters: MapFilters
    range: DateRange
    types: list[str]
    actors: list[MapActor]
    events: list[MapEvent]
    undated_shown: int = 0
    total: int
    truncated: bool


class ActorListItem(Open):
    id: str
    name: str
    kind: str | None
    country: str | None
    known: bool | None
    events: int
    relations: int


class Segment(Open):
    text: str
    mark: str | None


class Context(Open):
    """The evidence with text around it; `span_ok` False when the stored offsets miss the evidence."""

    span_ok: bool
    start: int
    end: int
    segments: list[Segment]


class DocumentMeta(Open):
    hash: str
    id: str
    title: str | None
    url: str | None
    published: dt.date | None
    display_title: str = ""  # the title, else the URL, else the file name of the id


class EventReport(EventRow):  # type: ignore[misc,valid-type]
    actor1_name: str | None
    actor2_name: str | None
    document: DocumentMeta
    context: Context


class EventRelation(Open):
    doc_hash: str
    idx: int
    type: RelationType
    source: str
    target: str
    status: str
    certainty: Certainty
    source_name: str | None
    target_name: str | None


class EventDetail(Open):
    event: EventReport
    merged_event_id: str | None
    reports: list[EventReport]
    report_count: int = 0  # reports in all (`reports` holds the first 200)
    relations: list[EventRelation]


class RelationReport(RelationRow):  # type: ignore[misc,valid-type]
    event_date: dt.date | None = None
    source_name: str | None
    target_name: str | None
    date: dt.date | None
    document: DocumentMeta
    context: Context


class RelationDetail(Open):
    relation: RelationReport
    reports: list[RelationReport]
    report_count: int = 0  # reports of the tie in all (`reports` holds one page of them, in date order)
    pages: dict[str, PageInfo] = {}  # reports
    symmetric: bool


class MarkedSegment(Open):
    """A piece of a section's text; `kinds` of the extracted spans covering it (mention, trigger,
    evidence; none: plain text), `href` the page of the narrowest, `labels` what each span is."""

    text: str
    kinds: list[str]
    href: str | None
    labels: list[str]


class SectionText(Open):
    kind: str | None
    author: str | None
    start: int
    end: int
    text: str
    segments: list[MarkedSegment] = []


class StoredDocument(DocumentRow):  # type: ignore[misc,valid-type]
    sections: list[dict[str, Any]]
    warnings: list[str]
    section_texts: list[SectionText]
    display_title: str = ""
    marked_spans: int = 0


class DocumentEvent(Open):
    event_id: str
    plover: str
    plover_mode: str | None
    actor1: str | None
    actor2: str | None
    actor1_name: str | None
    actor2_name: str | None
    location_name: str | None
    date_start: dt.date | None
    certainty: Certainty
    source_kind: str
    evidence_text: str


class DocumentRelation(Open):
    idx: int
    type: RelationType
    source: str
    target: str
    source_name: str | None
    target_name: str | None
    status: str
    certainty: Certainty
    source_kind: str
    evidence_text: str


class DocumentDetail(Open):
    document: StoredDocument
    events: list[DocumentEvent]
    relations: list[DocumentRelation]


class RelationOverTime(Open):
    date: dt.date | None
    type: RelationType
    status: str
    certainty: Certainty
    source_kind: str
    counterpart: str
    counterpart_name: str | None
    direction: Literal["both", "out", "in"]
    document: str
    relation: Link
    evidence: str


class Partner(Open):
    id: str
    name: str | None
    reports: int


class ActorEdge(Open):
    type: RelationType
    counterpart: str
    counterpart_name: str | None
    direction: Literal["both", "out", "in"]
    status: str
    sign: Literal[-1, 0, 1]
    strength: float
    evidence_count: int
    documents: int
    first_seen: dt.date
    last_seen: dt.date
    ended_on: dt.date | None
    stale: bool


class ActorEvent(Open):
    doc_hash: str
    event_id: str
    plover: str
    plover_mode: str | None
    acled_event_type: str | None
    actor1: str | None
    actor2: str | None
    actor1_name: str | None
    actor2_name: str | None
    location_name: str | None
    date_start: dt.date | None
    certainty: Certainty
    source_kind: str
    doc_id: str
    doc_published: dt.date | None


class ActorReport(Open):
    hash: str
    id: str
    title: str | None
    url: str | None
    published: dt.date | None
    mentions: int
    display_title: str = ""


class TimelineMark(Open):
    """One relation report on the actor's timeline (every report, not only a page of them; beyond
    `MAX_TIMELINE_MARKS`, every `timeline_step`-th in date order)."""

    date: dt.date | None
    type: RelationType
    status: str
    certainty: Certainty
    source_kind: str
    counterpart: str
    relation: Link


class PageInfo(Open):
    """Where a list cut into pages stands: rows `first`..`last` (1-based) of `total`."""

    page: int
    pages: int
    size: int
    total: int
    offset: int
    first: int
    last: int
    prev: int | None
    next: int | None


class ActorDetail(Open):
    actor: ActorRow  # type: ignore[valid-type]
    registry: dict[str, Any] | None
    registry_note: Literal["not-loaded", "text-only"] | None = None
    lineage: list[dict[str, Any]]
    relations_over_time: list[RelationOverTime]
    timeline: list[TimelineMark] = []
    timeline_step: int = 1  # 1: `timeline` has every report; n: every n-th (first and last included)
    pages: dict[str, PageInfo] = {}  # events, relations, reports, ties, changes
    partners: list[Partner]
    partner_count: int = 0
    edges: list[ActorEdge]
    changes: list[Change]
    events: list[ActorEvent]
    event_count: int
    reports: list[ActorReport]


class IngestError(Open):
    id: str
    code: str
    message: str


class IngestResult(Open):
    """What `POST /api/documents` did with the document."""

    id: str
    hash: str
    ingested: int
    skipped: int
    failed: int
    events: int
    relations: int
    errors: list[IngestError]
    url: str


class IngestDocument(BaseModel):
    """The body of `POST /api/documents`: one document, as a line of `extract`'s JSONL input."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD


# The request body of `POST /api/documents`, for the OpenAPI description (the route reads the raw body
# itself, so that a malformed one gets the project's own error messages).
INGEST_REQUEST: dict[str, Any] = {
    "requestBody": {"required": True, "content": {"application/json": {"schema": IngestDocument.model_json_schema()}}}
}


class Correction(Open):
    """An analyst's correction: what it targets (a stable content key), the action and who made it when.

    `replaced` holds the extracted rows the correction set aside, so the original stays on record.
    """

    id: int
    target_kind: Literal["event", "relation", "actor"]
    target_key: str
    doc_hash: str | None = None
    action: Literal["confirm", "reject", "edit", "merge", "split", "undo"]
    payload: dict[str, Any]
    who: str
    created_at: dt.datetime
    why: str | None = None
    replaced: dict[str, Any] | None = None


class CorrectionsMade(Open):
    """What `POST /api/corrections` stored (a whole-tie correction stores one per statement)."""

    corrections: list[Correction]


class Contradiction(Open):
    """Two sources that disagree about a pair of actors: the kind of disagreement, both pieces of
    evidence (each with its document, day and link) and how many sources stand on each side."""

    kind: Literal["allied and hostile", "tie denied", "event denied"]
    a: str | None = None
    b: str | None = None
    evidence: list[dict[str, Any]]
    counts: list[int]
