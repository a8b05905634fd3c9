"""A small hand-written store for the web tests, and a live server for the browser tests."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

LOCAL = "http://localhost"  # the test clients' base URL: a loopback Host, which the app's allow-list admits
XSS_TITLE = '<img src=x onerror="window.__xss=1;document.title=\'pwned\'">Report'
XSS_NAME = "Evil <img src=x onerror=window.__xss=2> Brigade"
XSS_SCRIPT = "<script>window.__xss=3;document.title='pwned'</script>"

ACTORS = {
    "jabhat-al-nusra": ("Jabhat al-Nusra", "rebel", "SYR"),
    "fastaqim-kama-umirt": ("Fastaqim Kama Umirt", "rebel", "SYR"),
    "syria": ("Syria", "state", "SYR"),
    "turkey": ("Turkey", "foreign_state", "TUR"),
    "free-syrian-army": ("Free Syrian Army", "rebel", "SYR"),
    "ahrar-al-sham": ("Ahrar al-Sham", "rebel", "SYR"),
    "jaysh-al-islam": ("Jaysh al-Islam", "rebel", "SYR"),
    "evil-brigade": (XSS_NAME, "militia", "SYR"),
}
PLACES = {"Aleppo": (36.20124, 37.16117, "SY"), "Douma": (33.57175, 36.4027, "SY"), "Idlib": (35.93, 36.63, "SY")}
ACLED = {"ASSAULT": ("Battles", "Armed clash"), "THREATEN": (None, None), "COOPERATE": (None, None)}


def _span(text: str, part: str, after: int = 0) -> dict[str, Any]:
    i = text.index(part, after)
    return {"start": i, "end": i + len(part), "text": part}


def contract(
    doc_id: str,
    published: str | None,
    text: str,
    *,
    title: str | None = None,
    events: list[dict[str, Any]] = (),  # type: ignore[assignment]
    relations: list[dict[str, Any]] = (),  # type: ignore[assignment]
    comment_from: str | None = None,
) -> dict[str, Any]:
    """An output-contract object; events and relations name their spans by substrings of `text`."""
    sections = [{"kind": "article", "start": 0, "end": len(text), "author": None}]
    if comment_from is not None:
        c = text.index(comment_from)
        sections = [{"kind": "article", "start": 0, "end": c, "author": None},
                    {"kind": "comment", "start": c, "end": len(text), "author": "reader"}]  # fmt: skip
    mentions: dict[str, list[dict[str, Any]]] = {}
    out_events = []
    for i, e in enumerate(events, start=1):
        ev = _span(text, e["evidence"])
        kind = "comment" if comment_from is not None and ev["start"] >= text.index(comment_from) else "article"
        m1 = _span(text, e["m1"], ev["start"])
        mentions.setdefault(e["a1"], []).append({**m1, "how": "name"})
        m2 = None
        if e.get("m2"):
            m2 = _span(text, e["m2"], ev["start"])
            mentions.setdefault(e["a2"], []).append({**m2, "how": "name"})
        loc = None
        if e.get("place"):
            lat, lon, cc = PLACES[e["place"]]
            p = _span(text, e["place"], ev["start"])
            loc = {"name": e["place"], "start": p["start"], "end": p["end"], "geonameid": 1, "lat": lat, "lon": lon,
                   "country": cc, "admin1": None, "precision": 1}  # fmt: skip
        acled = ACLED.get(e["plover"], (None, None))
        out_events.append({
            "id": f"e{i}", "plover": e["plover"], "plover_mode": e.get("mode"),
            "acled_event_type": acled[0], "acled_sub_event_type": acled[1],
            "actor1": e["a1"], "actor2": e.get("a2"), "actor1_mention": m1, "actor2_mention": m2,
            "location": loc,
            "date": {"start": e["date"], "end": e["date"], "precision": "day", "text": "on Sunday"} if e.get("date")
            else None,
            "fatalities": e.get("fatalities"), "certainty": e.get("certainty", "asserted"), "source_kind": kind,
            "attributed_to": None, "trigger": _span(text, e["trigger"], ev["start"]), "evidence": ev, "confidence": 0.8,
        })  # fmt: skip
    out_relations = []
    for r in relations:
        ev = _span(text, r["evidence"])
        kind = "comment" if comment_from is not None and ev["start"] >= text.index(comment_from) else "article"
        sm, tm = _span(text, r["ms"], ev["start"]), _span(text, r["mt"], ev["start"])
        mentions.setdefault(r["source"], []).append({**sm, "how": "name"})
        mentions.setdefault(r["target"], []).append({**tm, "how": "name"})
        out_relations.append({
            "type": r["type"], "source": r["source"], "target": r["target"], "source_mention": sm,
            "target_mention": tm, "status": r.get("status", "current"), "certainty": r.get("certainty", "asserted"),
            "source_kind": kind, "evidence": ev, "derived_from": r.get("derived_from"), "confidence": 0.9,
        })  # fmt: skip
    actors = [
        {"id": a, "name": ACTORS[a][0], "kind": ACTORS[a][1], "acled_inter": 2, "country": ACTORS[a][2],
         "registry_id": a if a != "evil-brigade" else None, "known": a != "evil-brigade",
         "mentions": sorted({(m["start"], m["end"]): m for m in ms}.values(), key=lambda m: m["start"])}
        for a, ms in mentions.items()
    ]  # fmt: skip
    return {
        "schema": "factiongraph.document/1",
        "document": {"id": doc_id, "title": title, "url": f"https://example.org/{doc_id}", "published": published,
                     "language": "en", "text": text, "sections": sections},  # fmt: skip
        "actors": actors,
        "events": out_events,
        "relations": out_relations,
        "places": [],
    }


def sample_documents() -> list[dict[str, Any]]:
    t1 = ("Jabhat al-Nusra and Fastaqim Kama Umirt fought alongside each other in Aleppo. "
          "Jabhat al-Nusra fighters attacked Syrian Army positions in Aleppo on Sunday.")  # fmt: skip
    t2 = ("Nusra attacked Fastaqim positions in Aleppo on Sunday, killing five. "
          "The two groups were allies there until this autumn.")  # fmt: skip
    t3 = (f"Turkey threatened the Free Syrian Army near Idlib. {XSS_SCRIPT}\n\n"
          f"Comment: Turkey backs the Free Syrian Army, everyone knows it. {XSS_SCRIPT} "
          f"Evil <img src=x onerror=window.__xss=2> Brigade fights Syria in Idlib.")  # fmt: skip
    t4 = "Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma on Sunday."
    return [
        contract("aleppo-1", "2016-10-02", t1, title="Rebels fight together in Aleppo",
                 events=[{"plover": "ASSAULT", "mode": "firearms", "a1": "jabhat-al-nusra", "m1": "Jabhat al-Nusra",
                          "a2": "syria", "m2": "Syrian Army", "place": "Aleppo", "date": "2016-10-02",
                          "evidence": "Jabhat al-Nusra fighters attacked Syrian Army positions in Aleppo on Sunday.",
                          "trigger": "attacked"}],
                 relations=[{"type": "alliance", "source": "jabhat-al-nusra", "target": "fastaqim-kama-umirt",
                             "ms": "Jabhat al-Nusra", "mt": "Fastaqim Kama Umirt",
                             "evidence": "Jabhat al-Nusra and Fastaqim Kama Umirt fought alongside each other"
                                         " in Aleppo."},
                            {"type": "hostility", "source": "jabhat-al-nusra", "target": "syria",
                             "ms": "Jabhat al-Nusra", "mt": "Syrian Army", "derived_from": "e1",
                             "evidence": "Jabhat al-Nusra fighters attacked Syrian Army positions in Aleppo on "
                                         "Sunday."}]),
        contract("aleppo-2", "2016-11-20", t2, title="Nusra turns on Fastaqim",
                 events=[{"plover": "ASSAULT", "a1": "jabhat-al-nusra", "m1": "Nusra", "a2": "fastaqim-kama-umirt",
                          "m2": "Fastaqim", "place": "Aleppo", "date": "2016-11-20", "fatalities": 5,
                          "evidence": "Nusra attacked Fastaqim positions in Aleppo on Sunday, killing five.",
                          "trigger": "attacked"}],
                 relations=[{"type": "hostility", "source": "jabhat-al-nusra", "target": "fastaqim-kama-umirt",
                             "ms": "Nusra", "mt": "Fastaqim", "derived_from": "e1",
                             "evidence": "Nusra attacked Fastaqim positions in Aleppo on Sunday, killing five."},
                            {"type": "alliance", "source": "jabhat-al-nusra", "target": "fastaqim-kama-umirt",
                             "ms": "The two groups", "mt": "The two groups", "status": "former",
                             "evidence": "The two groups were allies there until this autumn."}]),
        contract("idlib-3", "2016-12-05", t3, title=XSS_TITLE, comment_from="Comment:",
                 events=[{"plover": "THREATEN", "a1": "turkey", "m1": "Turkey", "a2": "free-syrian-army",
                          "m2": "Free Syrian Army", "place": "Idlib", "date": "2016-12-05", "certainty": "reported",
                          "evidence": f"Turkey threatened the Free Syrian Army near Idlib. {XSS_SCRIPT}",
                          "trigger": "threatened"},
                         {"plover": "ASSAULT", "a1": "evil-brigade", "m1": "Evil <img src=x onerror=window.__xss=2>"
                          " Brigade", "a2": "syria", "m2": "Syria", "place": "Idlib", "date": "2016-12-06",
                          "evidence": "Evil <img src=x onerror=window.__xss=2> Brigade fights Syria in Idlib.",
                          "trigger": "fights"}],
                 relations=[{"type": "support", "source": "turkey", "target": "free-syrian-army", "ms": "Turkey",
                             "mt": "Free Syrian Army",
                             "evidence": f"Turkey backs the Free Syrian Army, everyone knows it. {XSS_SCRIPT}"},
                            {"type": "hostility", "source": "evil-brigade", "target": "syria",
                             "ms": "Evil <img src=x onerror=window.__xss=2> Brigade", "mt": "Syria",
                             "evidence": "Evil <img src=x onerror=window.__xss=2> Brigade fights Syria in Idlib."}]),
        contract("douma-4", "2017-01-29", t4, title="Infighting in Douma",
                 events=[{"plover": "ASSAULT", "a1": "ahrar-al-sham", "m1": "Ahrar al-Sham", "a2": "jaysh-al-islam",
                          "m2": "Jaysh al-Islam", "place": "Douma", "date": "2017-01-29",
                          "evidence": t4, "trigger": "attacked"}],
                 relations=[{"type": "hostility", "source": "ahrar-al-sham", "target": "jaysh-al-islam",
                             "ms": "Ahrar al-Sham", "mt": "Jaysh al-Islam", "derived_from": "e1", "evidence": t4}]),
    ]  # fmt: skip


def doc_hash(c: dict[str, Any]) -> str:
    return hashlib.sha256(c["document"]["id"].encode()).hexdigest()


def build_store(path: Path, docs: list[dict[str, Any]] | None = None) -> Path:
    from factiongraph.graph import merge_events
    from factiongraph.store import Store

    docs = sample_documents() if docs is None else docs
    with Store.open(path) as store:
        store.write_batch([(doc_hash(c), c) for c in docs])
        merge_events(store)
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="session")
def registry() -> Any:
    from factiongraph.actors.registry import Registry

    return Registry.load()


@pytest.fixture(scope="session")
def client(web_db: Path, registry: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app

    app = create_app(web_db, registry=registry)
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as c:
        yield c
    app.state.fg.store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving an app in a thread, on a free localhost port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
