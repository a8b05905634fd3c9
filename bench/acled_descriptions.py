#!/usr/bin/env python3
"""ACLED sub-type typing of short ACLED-style event descriptions.

    PYTHONPATH=src .venv/bin/python bench/acled_descriptions.py DESCRIPTIONS.jsonl [--show-errors] [--json]

Each input line is ``{"id", "text", "acled_event_type", "acled_sub_event_type"}``. Every text is
extracted with the default pipeline; the prediction is the sub-type of the highest-confidence
event ("none" without events), as the scorer's ``primary_event_label`` takes it. Prints the
weighted F1 over sub-types (the scorer's ``weighted_f1``), accuracy, the event-type F1, and per
gold sub-type its precision, recall, F1 and confusions (``--json`` adds them as ``per_sub_type``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _scorer(shared: Path):
    """The shared scorer's module (for `weighted_f1` and `primary_event_label`)."""
    path = shared / "eval"
    if not (path / "score.py").exists():
        raise SystemExit(f"{path / 'score.py'} not found: pass --shared DIR (the shared folder with eval/)")
    sys.path.insert(0, str(path))
    import score  # type: ignore[import-not-found]

    return score


def per_label(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float | int]]:
    """Precision, recall, F1 and support for every gold label."""
    out: dict[str, dict[str, float | int]] = {}
    for label in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        out[label] = {"precision": prec, "recall": rec, "f1": f1, "n": tp + fn}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", help="JSONL of labelled descriptions")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder holding eval/")
    ap.add_argument("--show-errors", action="store_true", help="print each misclassified description")
    ap.add_argument("--json", action="store_true", help="print only the scores, as one JSON object")
    args = ap.parse_args()

    from factiongraph.contract import to_contract
    from factiongraph.document import Document
    from factiongraph.pipeline import Pipeline

    score = _scorer(Path(args.shared))
    rows = [json.loads(line) for line in Path(args.path).read_text(encoding="utf-8").splitlines() if line.strip()]
    pipe = Pipeline.load()
    docs = [Document(id=r["id"], text=r["text"]) for r in rows]
    sub_pairs, type_pairs = [], []
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for r, d in zip(rows, pipe.run(docs), strict=True):
        pred = to_contract(d)
        got = score.primary_event_label(pred, "acled_sub_event_type")
        got_type = score.primary_event_label(pred, "acled_event_type")
        sub_pairs.append((r["acled_sub_event_type"], got))
        type_pairs.append((r["acled_event_type"], got_type))
        confusion[r["acled_sub_event_type"]][got] += 1
        if args.show_errors and got != r["acled_sub_event_type"]:
            evs = [(e["plover"], e["actor1"], e["actor2"], e["trigger"]["text"], e["acled_sub_event_type"],
                    round(e["confidence"], 2)) for e in pred["events"]]
            print(f"XX {r['acled_sub_event_type']} <- {got}: {r['text']}\n   {evs}")
    sub = score.weighted_f1(sub_pairs)
    typ = score.weighted_f1(type_pairs)
    labels = per_label(sub_pairs)
    if args.json:
        print(json.dumps({"sub_event_type": sub, "event_type": typ, "per_sub_type": labels}))
        return 0
    print(f"descriptions: {sub['n']}")
    print(f"sub-type   weighted_f1={sub['weighted_f1']:.3f}  macro_f1={sub['macro_f1']:.3f}  acc={sub['accuracy']:.3f}")
    print(f"event type weighted_f1={typ['weighted_f1']:.3f}  acc={typ['accuracy']:.3f}")
    print(f"{'gold sub-type':38s} {'P':>5s} {'R':>5s} {'F1':>5s}  n   confusions (predicted=count)")
    for gold in sorted(confusion):
        c, s = confusion[gold], labels[gold]
        wrong = ", ".join(f"{k}={v}" for k, v in c.most_common() if k != gold)
        print(f"  {gold:36s} {s['precision']:5.2f} {s['recall']:5.2f} {s['f1']:5.2f} {s['n']:3d}  {wrong}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
