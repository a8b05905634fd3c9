#!/usr/bin/env python3
"""Where events happened: the place the pipeline gives each event, against hand-labelled
(event verb, event location) pairs.

    PYTHONPATH=src .venv/bin/python bench/event_location.py [--shared ../shared] [--show-errors]

Data: ``shared/data/resources/event-location/relabel_gold.jsonl`` (Halterman's event-location
relabelled set, MIT): one sentence each, its event verb and the toponyms where that event took
place (none when the sentence does not say). For every sentence whose verb the pipeline reads as
the trigger of an event, the event's location is right when it overlaps a labelled toponym, or is
empty when none is labelled. Prints the accuracy, split by sentences with and without a label.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder holding data/resources/")
    ap.add_argument("--show-errors", action="store_true", help="print each wrong location")
    ap.add_argument("--json", action="store_true", help="print only the scores, as one JSON object")
    args = ap.parse_args()
    path = Path(args.shared) / "data" / "resources" / "event-location" / "relabel_gold.jsonl"
    if not path.exists():
        raise SystemExit(f"{path} not found: pass --shared DIR")

    from factiongraph.document import Document
    from factiongraph.pipeline import Pipeline

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if any(s["label"] == "VERB" for s in r.get("spans", []))]
    pipe = Pipeline.load()
    tally = {"labelled": [0, 0], "unlabelled": [0, 0]}  # [right, judged]
    missed = skipped = 0
    for r, doc in zip(rows, pipe.run(Document(id=r["_id"], text=r["text"]) for r in rows), strict=True):
        toks = pipe.nlp.make_doc(r["text"])
        if any(s["token_end"] >= len(toks) for s in r["spans"]):
            skipped += 1  # labelled on another tokenisation: the offsets cannot be trusted
            continue
        spans: dict[str, list[tuple[int, int]]] = {"VERB": [], "LOCATION": []}
        for s in r["spans"]:
            a, b = toks[s["token_start"]].idx, toks[s["token_end"]].idx + len(toks[s["token_end"]].text)
            spans[s["label"]].append((a, b))
        va, vb = spans["VERB"][0]
        event = next((e for e in doc.events if e.trigger.start < vb and va < e.trigger.end), None)
        if event is None:
            missed += 1
            continue
        loc = event.location
        gold = spans["LOCATION"]
        # right: overlapping a labelled toponym, or no place where none is labelled
        ok = loc is not None and any(loc.start < b and a < loc.end for a, b in gold) if gold else loc is None
        key = "labelled" if gold else "unlabelled"
        tally[key][0] += ok
        tally[key][1] += 1
        if args.show_errors and not ok:
            want = [r["text"][a:b] for a, b in gold]
            print(f"XX {event.trigger.text!r} want {want} got {loc.text if loc else None!r}: {r['text']}")
    right = sum(v[0] for v in tally.values())
    judged = sum(v[1] for v in tally.values())
    out = {
        "accuracy": right / judged if judged else None,
        "judged": judged,
        "labelled_accuracy": tally["labelled"][0] / max(1, tally["labelled"][1]),
        "labelled": tally["labelled"][1],
        "unlabelled_accuracy": tally["unlabelled"][0] / max(1, tally["unlabelled"][1]),
        "unlabelled": tally["unlabelled"][1],
        "verb_not_an_event": missed,
        "skipped": skipped,
    }
    if args.json:
        print(json.dumps(out))
    else:
        print(
            f"event location accuracy {out['accuracy']:.3f} over {judged} events "
            f"(with a labelled place {out['labelled_accuracy']:.3f} of {out['labelled']}, "
            f"without {out['unlabelled_accuracy']:.3f} of {out['unlabelled']}); "
            f"{missed} labelled verbs not read as events, {skipped} rows on another tokenisation skipped"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
