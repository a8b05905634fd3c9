"""Calibrated confidence for relations: a small logistic model over interpretable features.

A document-level tie (type, source, target) is what an analyst sees as an edge, so the model scores
ties, not rows: every row of a tie gets the tie's probability of being right. The features say how
the tie was read (the construction, how many sentences repeat it), what its endpoints are (actor
kinds, registry or not, pronouns), how sure the source is (certainty, status, comment or article)
and how far apart the two names stand. The weights are fitted on annotated real reports with
cross-validation by `scripts/train_confidence.py` and shipped as `model.json` beside this file,
with the threshold at which the held-out precision reaches the target the file records.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from factiongraph.document import Actor, Document, Relation

SYMMETRIC = frozenset({"alliance", "hostility"})
PRONOUNS = frozenset("it its they them their he him his she her we us our who which that".split())
GENERIC_KINDS = frozenset({"other"})
TieKey = tuple[str, str, str]


def tie_key(r: Relation) -> TieKey:
    """The document-level tie a row belongs to: symmetric types ignore direction."""
    if r.type in SYMMETRIC:
        a, b = sorted((r.source, r.target))
        return (r.type, a, b)
    return (r.type, r.source, r.target)


# constructions grouped by how directly they state a tie; the group carries the weight the few
# annotated examples of one construction cannot
CONSTRUCTIONS = frozenset(
    "modifier member-noun member-list member-place support-noun support-participle same-side joint reciprocal "
    "passive-support alliance-noun noun-cue alongside allegiance verb truce co-agents supplied-materiel "
    "reliance".split()
)


def _method_family(method: str) -> str:
    if method.startswith("change:"):  # change statements, whatever the construction ("change:defect")
        return "change"
    return "derived" if method.startswith("derived-") else method


def _method_group(method: str) -> str:
    if method.startswith("change:"):
        return "change"
    if method in CONSTRUCTIONS:
        return "construction"
    if method in ("derived-ASSAULT", "derived-THREATEN", "reciprocal", "backed-attack"):
        return "event-hostile"
    if method.startswith("derived-"):
        return "event-other"
    if method.startswith("mention"):
        return "mention"
    return method


def _kind(actor: Actor | None) -> str:
    if actor is None:
        return "none"
    return actor.kind if actor.known else f"unknown-{actor.kind}"


def tie_features(doc: Document) -> dict[TieKey, dict[str, float]]:
    """Interpretable features of every relation tie of a document (name -> value; absent = 0)."""
    rows: dict[TieKey, list[Relation]] = defaultdict(list)
    for r in doc.relations:
        rows[tie_key(r)].append(r)
    actors = {a.id: a for a in doc.actors}
    n_mentions = {a.id: len(a.mentions) for a in doc.actors}
    top = max(n_mentions.values(), default=1) or 1
    length = max(len(doc.text), 1)
    out: dict[TieKey, dict[str, float]] = {}
    for key, rs in rows.items():
        f: dict[str, float] = {}
        f[f"type={key[0]}"] = 1.0
        for m in {_method_family(r.method) for r in rs}:
            f[f"method={m}"] = 1.0
        for g in {_method_group(r.method) for r in rs}:
            f[f"group={g}"] = 1.0
        for r in rs:
            if r.method.startswith("derived-"):
                f[f"event={r.method[8:]}"] = 1.0
        f["n_methods"] = float(len({_method_family(r.method) for r in rs}))
        changes = {c for r in rs if (c := getattr(r, "change", None))}
        for c in changes:
            f[f"change={c}"] = 1.0
        sentences = {r.evidence.start for r in rs}
        f["log_sentences"] = math.log1p(len(sentences))
        src, tgt = actors.get(rs[0].source), actors.get(rs[0].target)
        for side, a in (("src", src), ("tgt", tgt)):
            f[f"{side}_kind={_kind(a)}"] = 1.0
            if a is not None and a.id.startswith("generic-"):
                f["generic_endpoint"] = 1.0
        f["both_known"] = float(bool(src and src.known and tgt and tgt.known))
        f["any_generic"] = float(any(a is None or (not a.known and a.kind in GENERIC_KINDS) for a in (src, tgt)))
        sal = [n_mentions.get(rs[0].source, 0), n_mentions.get(rs[0].target, 0)]
        f["min_salience"] = min(sal) / top
        f["max_salience"] = max(sal) / top
        f["certainty_asserted"] = float(any(r.certainty == "asserted" for r in rs))
        f["certainty_hedged_only"] = float(all(r.certainty in ("hedged", "disputed", "hypothetical") for r in rs))
        f["status_former"] = float(any(r.status == "former" for r in rs))
        f["status_intended"] = float(all(r.status == "intended" for r in rs))
        f["comment_only"] = float(all(r.source_kind == "comment" for r in rs))
        f["pronoun_only"] = float(all(_pronoun(r) for r in rs))
        dists = [_distance(r) for r in rs]
        f["log_distance"] = math.log1p(min(dists)) / 6.0
        f["first_position"] = min(r.evidence.start for r in rs) / length
        f["max_rule_confidence"] = max(r.confidence for r in rs)
        f["in_title_or_lead"] = float(min(r.evidence.start for r in rs) < 400)
        roles = [_endpoint_roles(doc.text, r) for r in rs]
        f["locative_endpoint"] = float(bool(roles) and all("place" in x for x in roles))
        f["speaker_endpoint"] = float(bool(roles) and all("speaker" in x for x in roles))
        out[key] = f
    return out


def _endpoint_roles(text: str, r: Relation) -> set[str]:
    """What the row's endpoint names do in their sentence, read from the words around them (the same
    whether or not the parse is still attached, as for a long document scored after its windows
    are joined): "place" when one follows a locative preposition ("fighting in northern Iraq"), and
    "speaker" when a reporting verb follows one ("the UN says the group's offensive ...")."""
    words = _role_words()
    out: set[str] = set()
    for m in (r.source_mention, r.target_mention):
        if m is None:
            continue
        before = text[max(0, m.start - 40): m.start].lower().split()[-3:]
        while before and (before[-1] == "the" or before[-1].endswith("ern") or before[-1] == "central"):
            before.pop()  # "in the north-western", "in central"
        if before and before[-1] in words[0]:
            out.add("place")
        after = text[m.end: m.end + 20].lower().split()[:1]
        if after and after[0].strip(",.;:") in words[1]:
            out.add("speaker")
    return out


@lru_cache(maxsize=1)
def _role_words() -> tuple[frozenset[str], frozenset[str]]:
    """Locative prepositions and the inflected forms of the reporting verbs."""
    from factiongraph.events.certainty import REPORT_VERBS
    from factiongraph.frames.ties import tie_words

    forms = {f for v in REPORT_VERBS for f in (v, v + "s", v + "ed", v + "d", v + "es")}
    forms |= {"said", "told", "wrote", "thought"}
    return tie_words().locative_prepositions, frozenset(forms)


def _pronoun(r: Relation) -> bool:
    return any(s is not None and s.text.lower() in PRONOUNS for s in (r.source_mention, r.target_mention))


def _distance(r: Relation) -> int:
    a, b = r.source_mention, r.target_mention
    if a is None or b is None:
        return 300
    return max(0, max(a.start, b.start) - min(a.end, b.end))


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic weights over `tie_features`, and the default threshold the fit chose."""

    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConfidenceModel:
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            meta={k: v for k, v in data.items() if k not in ("weights", "bias", "threshold")},
        )

    @classmethod
    def load(cls) -> ConfidenceModel:
        """The model shipped with the package."""
        return _bundled()

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def _bundled() -> ConfidenceModel:
    text = resources.files("factiongraph.confidence").joinpath("model.json").read_text(encoding="utf-8")
    return ConfidenceModel.from_dict(json.loads(text))


def default_threshold() -> float:
    """The confidence below which `graph`, `changes`, exports and `extract` leave a relation out."""
    return ConfidenceModel.load().threshold


def score_relations(doc: Document, model: ConfidenceModel | None = None) -> Document:
    """Sets every relation's `confidence` to its tie's calibrated probability."""
    if not doc.relations:
        return doc
    model = model or ConfidenceModel.load()
    probs = {k: model.probability(f) for k, f in tie_features(doc).items()}
    rels = tuple(dataclasses.replace(r, confidence=round(probs[tie_key(r)], 3)) for r in doc.relations)
    return dataclasses.replace(doc, relations=rels)


def above(doc: Document, threshold: float) -> Document:
    """The document with only the relations at or above `threshold` (the store keeps them all)."""
    if threshold <= 0 or not doc.relations:
        return doc
    return dataclasses.replace(doc, relations=tuple(r for r in doc.relations if r.confidence >= threshold))


def reliability(pairs: Iterable[tuple[float, bool]], bins: int = 10) -> list[tuple[float, float, int, float]]:
    """(bin low, bin high, count, observed precision) of predicted probabilities against outcomes."""
    table: list[list[Any]] = [[i / bins, (i + 1) / bins, 0, 0] for i in range(bins)]
    for p, y in pairs:
        b = table[min(bins - 1, int(p * bins))]
        b[2] += 1
        b[3] += int(y)
    return [(lo, hi, n, (k / n) if n else float("nan")) for lo, hi, n, k in table]


__all__ = [
    "ConfidenceModel",
    "above",
    "default_threshold",
    "reliability",
    "score_relations",
    "tie_features",
    "tie_key",
]
