#!/usr/bin/env python3
"""Event dates: how many events get a date, how many get the right one, and how fast dates resolve.

    PYTHONPATH=src .venv/bin/python bench/event_dates.py [--shared DIR] [--dump OUT.json]

Compare two versions by running each with ``--dump`` and diffing the files.

ACLED-style descriptions (bench/data/acled-*.jsonl) open with their event's date ("On 3 February
2022, ..."), read here with `strptime` as the expected date of every event extracted from the text
(the descriptions carry no publication date, so only absolute dates can resolve). On realnews-dev
(with publication dates, no gold dates) it counts the dated events and, with ``--dump``, writes every
event's date so that two versions can be compared event by event. Speed (CPU time): `find_dates` over every
sentence of realnews-dev (uncached, then again), and the extraction CPU time of realnews-dev in a fresh
process (which loads the date library on its first date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_OPENING = re.compile(r"^On (\d{1,2} [A-Z][a-z]+ \d{4}),")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _acled(pipe: object, path: Path) -> dict[str, int]:
    from factiongraph.document import Document

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs, expected = [], []
    for r in rows:
        m = _OPENING.match(r["text"])
        if m:
            docs.append(Document(id=r["id"], text=r["text"]))
            expected.append(dt.datetime.strptime(m.group(1), "%d %B %Y").date())
    out = {"texts": len(docs), "events": 0, "dated": 0, "right": 0, "wrong": 0}
    for doc, want in zip(pipe.run(docs), expected, strict=True):  # type: ignore[attr-defined]
        for e in doc.events:
            out["events"] += 1
            if e.date is not None:
                out["dated"] += 1
                out["right" if e.date.start <= want <= e.date.end else "wrong"] += 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.environ.get("FG_SHARED_DIR", str(ROOT.parent / "shared")),
                    help="the shared folder holding data/dev/ (default: $FG_SHARED_DIR, else ../shared)")
    ap.add_argument("--dump", help="write every realnews-dev event's date to this JSON file")
    args = ap.parse_args()

    from factiongraph.document import Document
    from factiongraph.events import dates
    from factiongraph.pipeline import Pipeline

    gold = Path(args.shared) / "data" / "dev" / "realnews-dev.gold.jsonl"
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(id=r["id"], text=r["text"], published=dt.date.fromisoformat(r["published"])
                     if r.get("published") else None) for r in rows]
    pipe = Pipeline.load()
    dump: dict[str, list[list[object]]] = {}
    events = dated = 0
    t0 = time.process_time()
    done = list(pipe.run(docs))
    seconds = time.process_time() - t0
    for doc in done:
        for e in doc.events:
            events += 1
            dated += e.date is not None
            dump.setdefault(doc.id, []).append(
                [e.trigger.start, e.plover, None if e.date is None else
                 [e.date.text, e.date.start.isoformat(), e.date.end.isoformat(), e.date.precision]])
    print("realnews-dev", json.dumps({"docs": len(docs), "events": events, "dated": dated,
                                      "extraction_cpu_s": round(seconds, 1)}))
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for name in ("acled-dev", "acled-codebook", "acled-test"):
        print(name, json.dumps(_acled(pipe, ROOT / "bench" / "data" / f"{name}.jsonl")))

    sentences = [(s.group(0), d.published) for d in docs for s in _SENTENCE.finditer(d.text)]
    if hasattr(dates, "_parse"):
        dates._parse.cache_clear()  # the extraction above read these sentences' dates already
    for label in ("first pass", "repeat"):
        t0 = time.process_time()
        found = sum(len(dates.find_dates(s, p)) for s, p in sentences)
        ms = (time.process_time() - t0) * 1000
        print(f"find_dates {label}: {len(sentences)} sentences, {found} dates, {ms:.0f} ms "
              f"({ms / len(sentences):.3f} ms a sentence)")

    return 0


if __name__ == "__main__":
    raise SystemExit(main())
