"""Fits the relation confidence model (src/factiongraph/confidence/model.json) on annotated reports.

    python scripts/train_confidence.py [GOLD.jsonl ...] [--eval-dir ../shared/eval] [--target 0.9]
                                        [--folds 6] [--out src/factiongraph/confidence/model.json]

Runs the extraction (without confidence scoring) over each gold document, labels every predicted
tie right or wrong with the evaluation's own actor mapping (`score.py`), and fits a logistic
regression over `confidence.tie_features`. Probabilities are cross-validated by document
(GroupKFold), so the reliability table and the threshold are measured on documents the model did
not see. The threshold is the lowest at which the held-out relation-triple precision reaches
`--target`, averaged over `--repeats` shuffled fold assignments: with a few dozen documents one
assignment's precision curve is noisy enough that one tie more or less moves the threshold by a
tenth. The file records it with the CV scores, the inputs' sha256 and the command.
Needs scikit-learn (the `build` extra); inference does not.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from factiongraph.confidence import ConfidenceModel, reliability, tie_features, tie_key
from factiongraph.contract import to_contract
from factiongraph.document import Document
from factiongraph.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = [ROOT.parent / "shared" / "data" / "dev" / "realnews-dev.gold.jsonl"]


def _load_score(eval_dir: Path):  # the evaluation's scorer, so labels match what is measured
    sys.path.insert(0, str(eval_dir))
    import score  # type: ignore[import-not-found]

    return score


def _extract(pipe: Pipeline, gold: list[dict]) -> list[Document]:
    docs = [Document(id=str(g["id"]), text=g["text"], title=g.get("title"),
                     published=_date(g.get("published"))) for g in gold]
    return list(pipe.run(docs))


def _date(value):
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None


def _labels(score, gold: dict, doc: Document) -> dict:
    pred = to_contract(doc)
    mapping = score.map_actors(gold, pred)
    keys = set()
    for r in gold["relations"]:
        for t in score.as_list(r["type"]):
            keys.add(score.rel_key(t, r["source"], r["target"]))
    out = {}
    for r in doc.relations:
        k = tie_key(r)
        s, o = mapping.get(r.source), mapping.get(r.target)
        out[k] = s is not None and o is not None and score.rel_key(r.type, s, o) in keys
    return out


def _scored(score, golds: list[dict], docs: list[Document], probs: dict, threshold: float) -> dict:
    preds = []
    for d in docs:
        kept = tuple(r for r in d.relations if probs[(d.id, tie_key(r))] >= threshold)
        preds.append(to_contract(dataclasses.replace(d, relations=kept)))
    res = score.score(golds, preds)["relation_triples"]
    return {"p": res["p"], "r": res["r"], "f1": res["f1"], "pred": res["pred"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--target", type=float, default=0.9, help="held-out precision the threshold must reach")
    ap.add_argument("--folds", type=int, default=6)
    ap.add_argument("--repeats", type=int, default=10, help="shuffled fold assignments the threshold is averaged over")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "factiongraph" / "confidence" / "model.json")
    ap.add_argument("--report", type=Path, help="also write the reliability table (markdown) here")
    a = ap.parse_args(argv)
    score = _load_score(a.eval_dir)
    golds = [g for path in a.gold for g in score.read_jsonl(path) if g.get("relations")]
    pipe = Pipeline.load()
    pipe = dataclasses.replace(pipe, confidence=None)  # raw rule output: what the model scores
    docs = _extract(pipe, golds)
    feats, labels, groups, ids = [], [], [], []
    for g, d in zip(golds, docs, strict=True):
        lab = _labels(score, g, d)
        for k, f in tie_features(d).items():
            feats.append(f)
            labels.append(int(lab[k]))
            groups.append(d.id)
            ids.append((d.id, k))
    y = np.array(labels)
    vec = DictVectorizer(sparse=False)
    X = vec.fit_transform(feats)
    n_splits = min(a.folds, len(set(groups)))
    splits = [list(GroupKFold(n_splits=n_splits, shuffle=True, random_state=rep).split(X, y, groups))
              for rep in range(a.repeats)]
    best = None
    for c in (0.1, 0.3, 1.0, 3.0):
        cvs = []
        for folds in splits:
            cv = np.zeros(len(y))
            for tr, te in folds:
                m = LogisticRegression(C=c, max_iter=2000).fit(X[tr], y[tr])
                cv[te] = m.predict_proba(X[te])[:, 1]
            cvs.append(cv)
        eps = 1e-6
        loss = float(np.mean([-np.mean(y * np.log(cv + eps) + (1 - y) * np.log(1 - cv + eps)) for cv in cvs]))
        if best is None or loss < best[0]:
            best = (loss, c, cvs)
    assert best is not None
    loss, c, cvs = best
    cv = cvs[0]  # the reliability table: one held-out probability per tie
    sweep = []
    for t in np.arange(0.0, 1.0, 0.025):
        runs = [_scored(score, golds, docs, dict(zip(ids, r, strict=True)), float(t)) for r in cvs]
        mean = {k: (None if any(x[k] is None for x in runs) else round(float(np.mean([x[k] for x in runs])), 4))
                for k in ("p", "r", "f1", "pred")}  # fmt: skip
        sweep.append((round(float(t), 3), mean))
    hit = [(t, s) for t, s in sweep if s["pred"] and s["p"] is not None and s["p"] >= a.target]
    if hit:
        threshold, at = hit[0]
    else:  # the target is out of reach: the threshold of the best held-out precision
        threshold, at = max(sweep, key=lambda ts: (ts[1]["p"] or 0.0, ts[1]["r"] or 0.0))
    final = LogisticRegression(C=c, max_iter=2000).fit(X, y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), final.coef_[0], strict=True)}
    table = reliability(zip(cv.tolist(), (bool(v) for v in y), strict=True))
    model = {
        "weights": weights,
        "bias": round(float(final.intercept_[0]), 5),
        "threshold": threshold,
        "target_precision": a.target,
        "cv": {"folds": n_splits, "repeats": a.repeats, "C": c, "log_loss": round(loss, 4), "ties": len(y),
               "positives": int(y.sum()), "at_threshold": at,
               "no_threshold": next(s for t, s in sweep if t == 0.0)},
        "reliability": [{"low": lo, "high": hi, "n": n, "observed": None if n == 0 else round(obs, 3)}
                        for lo, hi, n, obs in table],
        "inputs": [{"file": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in a.gold],
        "command": "python scripts/train_confidence.py " + " ".join(p.name for p in a.gold),
    }
    a.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    ConfidenceModel.from_dict(model)  # fails loudly if the file is malformed
    lines = ["| predicted | ties | observed precision |", "|---|---|---|"]
    lines += [f"| {lo:.1f}–{hi:.1f} | {n} | {'-' if n == 0 else f'{obs:.2f}'} |" for lo, hi, n, obs in table]
    report = "\n".join(lines)
    print(f"ties {len(y)} (right {int(y.sum())}), C={c}, CV log-loss {loss:.3f}")
    print(f"threshold {threshold}: held-out relation triples {at}")
    print(f"no threshold: {model['cv']['no_threshold']}")
    print(report)
    if a.report:
        a.report.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
