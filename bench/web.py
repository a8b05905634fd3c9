"""Web render times on a store of 10,000 synthetic events (rows inserted directly, no extraction).

    .venv/bin/python bench/web.py [--events 10000] [--repeat 3]

Builds the store in a temporary folder, then times every page and API endpoint with FastAPI's
TestClient (server-side render and JSON encoding; the browser's drawing is not included) and
prints a Markdown table: the median and the worst of `--repeat` runs, after one warm-up call.
Target: under 1 s each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from factiongraph.store import Store
from factiongraph.store.core import EVENT_COLUMNS, RELATION_COLUMNS

ACTORS = [f"group-{i:03d}" for i in range(120)]
PLACES = [("Aleppo", 36.2, 37.16), ("Idlib", 35.93, 36.63), ("Douma", 33.57, 36.4), ("Raqqa", 35.95, 39.01),
          ("Deir ez-Zor", 35.33, 40.14), ("Homs", 34.73, 36.72), ("Mosul", 36.34, 43.13),
          ("Sanaa", 15.35, 44.2)]  # fmt: skip
PLOVER = [("ASSAULT", "Battles", "Armed clash"), ("ASSAULT", "Explosions/Remote violence", "Air/drone strike"),
          ("COERCE", "Strategic developments", "Arrests"), ("THREATEN", None, None), ("COOPERATE", None, None),
          ("ASSAULT", "Violence against civilians", "Attack"), ("PROTEST", "Protests", "Peaceful protest")]  # fmt: skip
CERTAINTY = ["asserted"] * 6 + ["reported"] * 2 + ["hedged", "speculative", "hypothetical", "negated"]


def build(path: Path, n_events: int, per_doc: int = 5, seed: int = 7) -> dict[str, Any]:
    rnd = random.Random(seed)
    start = dt.date(2015, 1, 1)
    store = Store.open(path)
    actor_rows: list[tuple[Any, ...]] = [
        (a, f"Group {a[-3:]}", "rebel", 2, rnd.choice(["SYR", "IRQ", "YEM", "TUR"]), None, False) for a in ACTORS
    ]
    store.insert_rows("actors", ("id", "name", "kind", "acled_inter", "country", "registry_id", "known"), actor_rows)
    docs, events, relations, mentions = [], [], [], []
    first = None
    for d in range(n_events // per_doc):
        h = hashlib.sha256(f"doc{d}".encode()).hexdigest()
        first = first or h
        day = start + dt.timedelta(days=rnd.randrange(0, 3 * 365))
        sentences: list[str] = []
        for k in range(per_doc):
            a, b = rnd.sample(ACTORS, 2)
            plover, acled, sub = rnd.choice(PLOVER)
            place, lat, lon = rnd.choice(PLACES)
            s = f"{a} fighters attacked {b} positions near {place} on Sunday, killing {k} people. "
            off = sum(len(x) for x in sentences)
            sentences.append(s)
            kind = "comment" if k == per_doc - 1 else "article"
            cert = rnd.choice(CERTAINTY)
            events.append((h, f"e{k + 1}", plover, None, acled, sub, a, b, off, off + len(a), a,
                           off + len(a) + 18, off + len(a) + 18 + len(b), b, place, None, None, 1,
                           lat + rnd.uniform(-0.3, 0.3), lon + rnd.uniform(-0.3, 0.3), "SY", None, 1, day, day, "day",
                           "on Sunday", k, cert, kind, None, off + len(a) + 10, off + len(a) + 18, "attacked",
                           off, off + len(s) - 1, s[:-1], 0.8))  # fmt: skip
            typ = "hostility" if plover == "ASSAULT" else rnd.choice(["alliance", "support", "affiliation"])
            status = "former" if rnd.random() < 0.08 else "current"
            relations.append((h, k, typ, a, b, off, off + len(a), a, off + len(a) + 18, off + len(a) + 18 + len(b), b,
                              status, cert, kind, off, off + len(s) - 1, s[:-1],
                              f"e{k + 1}" if typ == "hostility" else None, 0.7, None))  # fmt: skip
            mentions.append((h, a, off, off + len(a), a, "name"))
            mentions.append((h, b, off + len(a) + 18, off + len(a) + 18 + len(b), b, "name"))
        text = "".join(sentences)
        docs.append((h, f"doc-{d}", f"Report {d}", f"https://example.org/{d}", day, "en", text,
                     f'[{{"kind": "article", "start": 0, "end": {len(text)}, "author": null}}]', None, None, None,
                     per_doc, per_doc, dt.datetime(2024, 1, 1) + dt.timedelta(seconds=d)))  # fmt: skip
    with store.transaction():
        store.insert_rows("documents", ("hash", "id", "title", "url", "published", "language", "text", "sections",
                                        "warnings", "error_code", "error_message", "n_events", "n_relations",
                                        "ingested_at"), docs)  # fmt: skip
        store.insert_rows("events", EVENT_COLUMNS, events)
        store.insert_rows("relations", RELATION_COLUMNS, relations)
        store.insert_rows("mentions", ("doc_hash", "actor_id", "start_offset", "end_offset", "text", "how"),
                          list({m[:4]: m for m in mentions}.values()))  # fmt: skip
    from factiongraph.graph import merge_events

    merge_events(store)
    store.close()
    return {"doc": first, "actor": ACTORS[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        ids = build(db, args.events)
        built = time.perf_counter() - t0
        app = create_app(db)
        h, a = ids["doc"], ids["actor"]
        urls = [
            "/", "/api/overview", "/graph", "/api/graph", "/api/graph?date=2016-06-01",
            "/api/graph?date=2016-06-01&source_kind=article&source_kind=comment&certainty=asserted", "/api/changes",
            "/map", "/api/map", f"/api/map?actor={a}&start=2016-01-01", "/actors", "/api/actors", f"/actors/{a}",
            f"/api/actors/{a}", f"/events/{h}/e1", f"/api/events/{h}/e1", f"/relations/{h}/0", f"/api/relations/{h}/0",
            f"/documents/{h}", f"/api/documents/{h}", "/openapi.json",
        ]  # fmt: skip
        rows = []
        with TestClient(app, base_url="http://localhost") as c:  # a Host the app allows
            counts = c.get("/api/overview").json()["counts"]
            for url in urls:
                t = time.perf_counter()
                r = c.get(url)  # warm-up (the first graph call also loads the evidence cache)
                cold = time.perf_counter() - t
                assert r.status_code == 200, (url, r.status_code)
                times = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    r = c.get(url)
                    times.append(time.perf_counter() - t)
                rows.append((url.replace(h, "{doc}"), cold, statistics.median(times), max(times), len(r.content)))
        app.state.fg.store.close()
    print(f"Store: {counts['documents']} documents, {counts['events']} events, {counts['relations']} relations,"
          f" {counts['actors']} actors (built in {built:.1f} s)."
          f" Median and worst of {args.repeat} after a warm-up.\n")  # fmt: skip
    print("| page or endpoint | first call (ms) | median (ms) | worst (ms) | bytes | < 1 s |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for url, cold, med, worst, size in rows:
        ok = "yes" if max(worst, cold) < 1 else "NO"
        print(f"| `{url}` | {cold * 1000:.0f} | {med * 1000:.0f} | {worst * 1000:.0f} | {size:,} | {ok} |")


if __name__ == "__main__":
    main()
