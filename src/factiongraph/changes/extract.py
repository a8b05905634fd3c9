"""Change statements read off the parse: relations whose `change` says a tie began, ended or moved.

Each construction of `data/frames.yaml` is a spaCy DependencyMatcher pattern plus role slots; this
module finds the actors each slot names and writes the rows the frame states ("X defected from P
to Q": affiliation X->P former/left and X->Q current/joined). Rules that keep rows honest:

- both ends are actor mentions of the document, never places, civilians or protesters;
- a mover phrase naming part of a group ("some of X's fighters", "X commanders") moves no group;
- a plural phrase or "they" ("the three countries", "they were merging") stands for the actors
  the text listed just before it, when that list is unambiguous;
- certainty comes from the certainty module; negated triggers ("denied joining") give no row, a
  trigger under a denial ("dismissed reports that X joined") gives a `disputed` row;
- a row replaces a relation of the same tie stated in the same sentence (relations.py reads
  "X joined Y" too, without its change), and comes first among the rows of its tie.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id

from factiongraph.actors.resolve import LEADER_NOUNS, STATE_KINDS
from factiongraph.actors.wordlists import words
from factiongraph.changes.frames import Frame, Frames, RowSpec, load_frames
from factiongraph.dateline import DATELINE
from factiongraph.document import (
    Document,
    Mention,
    Relation,
    Span,
    as_certainty,
    as_relation_change,
    as_relation_status,
    as_relation_type,
)
from factiongraph.events import certainty as cert
from factiongraph.events.extract import OBJECT_CONTROL, _Mentions, _sentence_span, infinitive_controller
from factiongraph.frames import among_listed, conjuncts, description_start
from factiongraph.frames.tokens import children, deps, lemmas, sentence_of, sentences, span_at, span_tokens, subtree
from factiongraph.frames.tokens import heads as head_table
from factiongraph.relation_mentions import Parties

NON_PARTY_KINDS = frozenset({"civilians", "protesters"})
SYMMETRIC = frozenset({"alliance", "hostility"})
RELATIVE = frozenset({"which", "who", "that", "whom"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
# the head nouns of organisations' names and of their parts ("movement", "party", "wing", "branch"): a person's such
# body is no person
ORGANISATION_HEADS = words("descriptions", "name_heads") | words("descriptions", "subunit_nouns")
NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
ENDED = frozenset({"left", "broken"})
# roles that must name a whole group: part of a group ("some of X's fighters") moves nothing
WHOLE_ROLES = frozenset({"mover", "parties", "patron"})
# verbs by which a party announces its own move: its announcement is the act, not a report of it
SELF_REPORT_VERBS = frozenset({"announce", "declare", "confirm", "say", "state", "proclaim"})
CONFIDENCE = 0.75
# how far back (in sentences) a plural phrase may look for the actors it stands for (with a number)
ANAPHORA_SENTENCES = 2
ANAPHORA_SENTENCES_COUNTED = 6

_MATCHERS: dict[tuple[int, int], tuple[Any, dict[str, tuple[Frame, int]]]] = {}
_TRIGGER_WORDS: dict[int, frozenset[str] | None] = {}
# per frame set: each pattern read as a tree of token tests (None: some pattern needs spaCy's matcher)
_TREES: dict[int, dict[str, tuple[_Node, ...]] | None] = {}
TREE_OPS = frozenset({">", "<", ">>"})
TREE_ATTRS = {"LEMMA": LEMMA, "LOWER": LOWER, "POS": POS, "DEP": DEP, "TAG": TAG, "ORTH": ORTH}


@dataclasses.dataclass(frozen=True)
class _Node:
    """One node of a pattern: the earlier node it hangs from, how, and its token tests, each
    (attribute column, string hashes, whether the value must be outside them)."""

    left: int
    op: str
    tests: tuple[tuple[int, frozenset[int], bool], ...]


def _matcher(vocab: Any, frames: Frames) -> tuple[Any, dict[str, tuple[Frame, int]]]:
    """One DependencyMatcher per vocabulary and frame set; keys are 'frame#pattern'."""
    key = (id(vocab), id(frames))
    got = _MATCHERS.get(key)
    if got is None:
        m = DependencyMatcher(vocab)
        names: dict[str, tuple[Frame, int]] = {}
        for f in frames.frames:
            for i, pattern in enumerate(f.patterns):
                name = f"{f.id}#{i}"
                m.add(name, [[dict(n) for n in pattern]])
                names[name] = (f, i)
        got = (m, names)
        _MATCHERS[key] = got
    return got


def _trigger_words(frames: Frames) -> frozenset[str] | None:
    """Every word a frame's trigger node can be (its LEMMA or LOWER values, lowercased); None when
    some trigger is not held to words, so that no sentence can be skipped."""
    key = id(frames)
    if key not in _TRIGGER_WORDS:
        words: set[str] | None = set()
        for f in frames.frames:
            for pattern in f.patterns:
                attrs = dict(pattern[0]).get("RIGHT_ATTRS", {})
                vals = [v for a in ("LEMMA", "LOWER") if (v := attrs.get(a)) is not None]
                if not vals or words is None:
                    words = None
                    continue
                for v in vals:
                    words.update(str(w).lower() for w in (v.get("IN", []) if isinstance(v, dict) else [v]))
        _TRIGGER_WORDS[key] = None if words is None else frozenset(words)
    return _TRIGGER_WORDS[key]


def _tests(attrs: dict[str, Any]) -> tuple[tuple[int, frozenset[int], bool], ...] | None:
    """A node's RIGHT_ATTRS as (column, hashes, negated) tests, as spaCy's Matcher compares them
    (a string, IN or NOT_IN over LEMMA, LOWER, POS, DEP, TAG, ORTH); None for anything else."""
    cols = list(TREE_ATTRS)
    out = []
    for attr, v in attrs.items():
        if attr not in TREE_ATTRS:
            return None
        if isinstance(v, str):
            values, negated = [v], False
        elif isinstance(v, dict) and len(v) == 1 and set(v) <= {"IN", "NOT_IN"} and isinstance(
            next(iter(v.values())), list
        ) and all(isinstance(w, str) for w in next(iter(v.values()))):
            negated = "NOT_IN" in v
            values = v["NOT_IN" if negated else "IN"]
        else:
            return None
        out.append((cols.index(attr), frozenset(get_string_id(w) for w in values), negated))
    return tuple(out)


def _trees(frames: Frames) -> dict[str, tuple[_Node, ...]] | None:
    """Each pattern ('frame#i') as nodes in pattern order, or None when some pattern uses an
    operator or a test `_tree_matches` does not read (spaCy's DependencyMatcher then runs)."""
    key = id(frames)
    if key not in _TREES:
        got: dict[str, tuple[_Node, ...]] | None = {}
        for f in frames.frames:
            for i, pattern in enumerate(f.patterns):
                ids = [str(n["RIGHT_ID"]) for n in pattern]
                nodes = []
                for k, n in enumerate(pattern):
                    tests = _tests(dict(n.get("RIGHT_ATTRS", {})))
                    op = n.get("REL_OP")
                    left = ids.index(n["LEFT_ID"]) if k else -1
                    if tests is None or (k and (op not in TREE_OPS or not 0 <= left < k)):
                        got = None
                        break
                    nodes.append(_Node(left, str(op), tests))
                if got is None:
                    break
                got[f"{f.id}#{i}"] = tuple(nodes)
            if got is None:
                break
        _TREES[key] = got
    return _TREES[key]


def _sentence_trees(sd: Any) -> bool:
    """Whether every sentence of the parse is one dependency tree of its own (one root, no head in
    another sentence): then matching the whole document finds what matching each sentence finds."""
    n = len(sd)
    if n == 0:
        return True
    arr = sd.to_array([SENT_START, HEAD]).astype(numpy.int64)
    starts = arr[:, 0] == 1
    starts[0] = True
    sent = numpy.cumsum(starts) - 1
    heads = numpy.arange(n) + arr[:, 1]
    if heads.min() < 0 or heads.max() >= n or (sent[heads] != sent).any():
        return False
    roots = numpy.bincount(sent[arr[:, 1] == 0], minlength=int(sent[-1]) + 1)
    return bool((roots == 1).all())


def _tree_matches(sd: Any, trees: dict[str, tuple[_Node, ...]]) -> list[tuple[int, list[int]]]:
    """What spaCy's DependencyMatcher gives for these patterns on a document whose sentences are
    trees of their own, read from each trigger word outwards: per pattern, every assignment of
    tokens to its nodes that passes each node's tests and relation to its earlier node, in the
    order of the matcher's product over node candidates (each node's tokens in document order)."""
    n = len(sd)
    if n == 0:
        return []
    arr = sd.to_array([TREE_ATTRS[a] for a in TREE_ATTRS])  # string hashes, unsigned
    cols = [arr[:, c].tolist() for c in range(len(TREE_ATTRS))]
    heads, kids = head_table(sd), children(sd)  # the per-Doc tables the other stages read
    below: dict[int, list[int]] = {}
    at: dict[int, dict[int, list[int]]] = {}  # column -> value -> positions, for trigger lookups

    def subtree(j: int) -> list[int]:
        got = below.get(j)
        if got is None:
            got, todo = [], list(kids[j])
            while todo:
                t = todo.pop()
                got.append(t)
                todo.extend(kids[t])
            got.sort()
            below[j] = got
        return got

    def passes(node: _Node, i: int) -> bool:
        return all((cols[c][i] in values) != negated for c, values, negated in node.tests)

    def triggers(node: _Node) -> list[int]:
        wanted = next(((c, v) for c, v, neg in node.tests if not neg and c < 2), None)  # LEMMA or LOWER
        if wanted is None:
            return [i for i in range(n) if passes(node, i)]
        c, values = wanted
        if c not in at:
            index: dict[int, list[int]] = {}
            for i, v in enumerate(cols[c]):
                index.setdefault(v, []).append(i)
            at[c] = index
        index = at[c]
        found = sorted(i for v in index.keys() & values for i in index[v])  # the smaller set is walked
        return [i for i in found if passes(node, i)]

    out: list[tuple[int, list[int]]] = []
    for name, nodes in trees.items():
        key = sd.vocab.strings.add(name)
        chosen: list[int] = []

        def extend(k: int, nodes: tuple[_Node, ...] = nodes, key: int = key, chosen: list[int] = chosen) -> None:
            if k == len(nodes):
                out.append((key, list(chosen)))
                return
            node = nodes[k]
            j = chosen[node.left]
            cands: Sequence[int]
            if node.op == ">":
                cands = kids[j]
            elif node.op == "<":
                cands = [heads[j]] if heads[j] != j else []
            else:
                cands = subtree(j)
            for c in cands:
                if passes(node, c):
                    chosen.append(c)
                    extend(k + 1)
                    chosen.pop()

        for t in triggers(nodes[0]):
            chosen.append(t)
            extend(1)
            chosen.pop()
    return out


def _matches(sd: Any, frames: Frames) -> list[tuple[int, list[int]]]:
    """The frames' dependency matches in a parsed document (token offsets in the document).

    Read from each trigger word outwards over the whole document (`_tree_matches`): spaCy's
    DependencyMatcher first tests every token against every node of every pattern, which was most
    of the stage's time. When some sentence is not a tree of its own (a parse the line-break rule
    cut) or a pattern uses what `_tree_matches` does not read, spaCy's matcher runs on each sentence
    holding a trigger word, as before. The caller sorts the matches."""
    trees = _trees(frames)
    if trees is None or not _sentence_trees(sd):
        return _sentence_matches(_matcher(sd.vocab, frames)[0], sd, _trigger_words(frames))
    return _tree_matches(sd, trees)


def _sentence_matches(matcher: Any, sd: Any, words: frozenset[str] | None) -> list[tuple[int, list[int]]]:
    """The matcher over the sentences holding a trigger word (offsets in the document)."""
    if words is None:
        return list(matcher(sd))
    out: list[tuple[int, list[int]]] = []
    for sent in sentences(sd):
        if any(t.lemma_.lower() in words or t.lower_ in words for t in span_tokens(sent)):
            out += [(mid, [i + sent.start for i in ids]) for mid, ids in matcher(sent)]
    return out


def _plural_noun(tok: Any) -> bool:
    """A plural noun, also a proper one the tagger left singular ("the Houthis": a name in the plural -s, not
    the -ss or -us of a singular one like "Congress")."""
    return tok.tag_ in ("NNS", "NNPS") or tok.tag_ == "NNP" and tok.lower_.endswith("s") \
        and not tok.lower_.endswith(("ss", "us")) and tok.ent_type_ != "GPE"


@dataclasses.dataclass
class _Role:
    """The actors a role names; `partial` when its phrase names only part of a group."""

    mentions: list[Mention]
    partial: bool = False
    token: Any = None


class _Reader:
    """Resolves the slots of one matched frame against a parsed document's actor mentions."""

    def __init__(self, doc: Document, ms: _Mentions, frames: Frames) -> None:
        self.doc, self.ms, self.frames = doc, ms, frames
        self.sd = doc.parsed
        self.parties = Parties(doc, ms)
        self.whole = True  # whether the role being read must name a whole group
        # a dateline ("IDLIB, Syria, 29 January -") says where the report was filed, it names no party
        self.datelines = [(m.start(), m.end()) for m in DATELINE.finditer(doc.text[:400])]

    # ------------------------------------------------------------------ phrases -> actors
    def kind(self, m: Mention) -> str | None:
        a = self.ms.actors.get(m.actor_id)
        return a.kind if a is not None else None

    def usable(self, m: Mention) -> bool:
        """An actor that can be an endpoint: not a place, not civilians or protesters."""
        a = self.ms.actors.get(m.actor_id)
        if a is None or a.kind in NON_PARTY_KINDS:
            return False
        if any(s <= m.start < e for s, e in self.datelines):
            return False
        return not self.parties.placelike(m)

    def partial(self, tok: Any, m: Mention | None) -> bool:
        """'some of X's fighters', 'X commanders': the phrase names members, not the group."""
        head = tok.lemma_.lower()
        if head not in self.frames.partial_heads and tok.lower_ not in self.frames.partial_heads:
            return False
        if m is None:
            return True
        own = span_at(self.sd, m.start, m.end)
        covers_head = own is not None and own.start <= tok.i < own.end
        if not covers_head:
            return True
        # the mention itself is "X commanders": a named group's members
        return any(t.pos_ == "PROPN" and t.i != tok.i for t in own)

    def phrase(self, tok: Any, whole: bool = True) -> tuple[list[Mention], bool]:
        """Actors one phrase token names (relative pronouns and plurals resolved), and whether it is partial."""
        part = self.partitive_relative(tok)
        if part is not None:
            return part
        relative = tok.lower_ in RELATIVE and tok.tag_ in ("WDT", "WP", "WP$")
        if relative:
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            if clause is None:
                return [], False
            tok = clause.head
            if tok.dep_ == "appos" and self.named_by(tok) is None:
                tok = tok.head  # "X, a faction that ...": the faction is X
            if tok.dep_ == "conj" and any(c.lower_ == "together" for c in clause.children):
                while tok.dep_ == "conj" and tok.head.i < tok.i:
                    tok = tok.head  # "A, B and C, which together form Q": the whole list
                listed = [x for t in conjuncts(tok) if (x := self.named_by(t)) is not None and self.usable(x)]
                return list({x.actor_id: x for x in listed}.values()), False
        if tok.lower_ in PLURAL_PRONOUNS or not relative and self.plural_anaphor(tok):
            listed = self.speakers(tok) or self.antecedents(tok)
            if listed:
                return listed, False
            if tok.lower_ in PLURAL_PRONOUNS:
                # "they" with no list to stand for: not the one actor a resolver guessed, unless the sentence
                # named that actor before it by a plural name ("the Houthis ... its alliance with them")
                plural = self.plural_named(tok)
                return ([plural] if plural is not None and self.usable(plural) else []), False
        if self.ms.at(tok) is None and (among := among_listed(tok)):
            # "Among the factions that joined Q are A, B and C": the listed phrases are those factions
            inner = self.role_of(among, whole)
            return inner.mentions, inner.partial
        if self.ms.at(tok) is None and (
            tok.lemma_.lower() in self.frames.of_heads or tok.lower_ in self.frames.of_heads
        ):
            of = self.preps([tok], "of")  # "the membership of X and Y", "that of two groups, X and Y"
            if of:
                inner = self.role_of(of, whole)
                return inner.mentions, inner.partial
        m = self.named_by(tok)
        if m is not None and self.ms.person(m.actor_id):
            # "renewed his allegiance to al-Qaeda's Ayman al-Zawahiri": to the body whose man he is
            owner = next((o for c in tok.children if c.dep_ == "poss" and (o := self.ms.in_subtree(c)) is not None
                          and not self.ms.person(o.actor_id)), None)
            m = owner or m
        if whole and self.partial(tok, m):
            return [], True
        if m is None and tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass"):
            m = self.cataphor(tok)
        return ([m] if m is not None and self.usable(m) else []), False

    def partitive_relative(self, tok: Any) -> tuple[list[Mention], bool] | None:
        """ "A, B, C and D, the last two of which broke with Y": the part of the listed antecedent a counted
        partitive picks ("the last two", "the first three"; "both", "all"); any other part ("two of which",
        "some of whom") is partial, as no one can tell which. None when `tok` is no such partitive."""
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None or not any(p.dep_ == "pobj" and p.lower_ in ("which", "whom") for p in of.children):
            return None
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is None:
            return [], True
        named: list[Mention] = []
        for t in sorted(self.items(clause.head), key=lambda t: t.i):
            m = self.named_by(t)
            if m is not None and all(m.actor_id != o.actor_id for o in named):
                named.append(m)
        if tok.lower_ in ("both", "all", "each"):
            return named, False
        if named and tok.lower_ in ("first", "last"):  # "the first of which"
            return (named[:1] if tok.lower_ == "first" else named[-1:]), False
        low = tok.lower_
        n = 1 if low == "one" else int(low) if low.isdigit() else NUMBER_WORDS.get(low)
        edge = next((c.lower_ for c in tok.children if c.dep_ == "amod" and c.lower_ in ("first", "last")), None)
        if n is not None and edge is not None and n <= len(named):
            return (named[-n:] if edge == "last" else named[:n]), False
        return [], True

    def named_by(self, tok: Any) -> Mention | None:
        """The actor a noun phrase itself names: its head, its modifiers and appositions, or the
        'of' object of a quantity ('some of X'); never an actor in its attachments ('forces against X')."""
        m = self.ms.at(tok)
        if m is not None:
            return m
        # the phrase's words are read from the per-Doc tables (each walk of `.children` or `.subtree`
        # makes new Tokens)
        sd, at = tok.doc, self.ms.by_token.get
        kids, dep, lemma = children(sd)[tok.i], deps(sd), lemmas(sd)
        # an apposition names the phrase itself; a possessor last ("its former ally X": X, not "its"), unless a
        # person owns a body the phrase names ("Kabila's movement": his movement, not the man)
        body = lemma[tok.i] in ORGANISATION_HEADS
        for rel in ("appos", "compound", "amod", "nmod", "poss"):
            for c in kids:
                if dep[c] == rel:
                    for t in subtree(sd, c):
                        if (m := at(t)) is not None and not (rel == "poss" and body and self.ms.person(m.actor_id)):
                            return m
        # "a new body called X", "a group known as X"; and "X's faction of the opposition, known as Y", where the
        # parser hangs the name set off by a comma on the "of" phrase's noun
        named = [c for c in kids if dep[c] in ("acl", "relcl")] + [
            c for p in self.preps([tok], "of") for c in children(sd)[p.i] if dep[c] == "acl" and sd[c - 1].text == ","]
        for c in named:
            if lemma[c] in ("call", "name", "know", "dub"):
                for t in subtree(sd, c):
                    if dep[t] in ("oprd", "pobj", "attr", "dobj", "xcomp") and (m := at(t)) is not None:
                        return m
        if tok.lemma_.lower() in self.frames.partial_heads | self.frames.of_heads or tok.pos_ == "PRON":
            for p in self.preps([tok], "of"):
                if (m := self.named_by(p)) is not None:
                    return m
        return None

    def items(self, tok: Any) -> list[Any]:
        """A phrase and the phrases coordinated with it ('X, Y and Z') or listed in it ('groups, including X')."""
        out, stack = [], [tok]
        seen = {tok.i}
        while stack:
            cur = stack.pop()
            out.append(cur)
            limit = description_start(cur)  # "the alliance, made up of A and B, ...": A and B describe it
            for c in cur.children:
                if c.dep_ == "prep" and c.lower_ == "including" and cur.tag_ in ("NNS", "NNPS") \
                        and self.ms.at(cur) is None:
                    # "several groups, including A and B": an unnamed plural stands for the names it lists
                    listed = [p for p in c.children if p.dep_ == "pobj" and p.i not in seen]
                    seen.update(p.i for p in listed)
                    stack += listed
                    continue
                if c.i in seen or c.pos_ not in ("PROPN", "NOUN", "PRON") or limit is not None and c.i > limit:
                    continue
                if c.dep_ == "conj" or c.dep_ == "appos" and self.ms.at(c) is not None:
                    seen.add(c.i)
                    stack.append(c)
        return sorted(out, key=lambda t: t.i)

    def role_of(self, toks: list[Any], whole: bool | None = None) -> _Role:
        whole = self.whole if whole is None else whole
        found: list[Mention] = []
        partial = False
        for t in toks:
            for item in self.items(t):
                if self.renamed(item):
                    continue
                ms, part = self.phrase(item, whole)
                partial = partial or part
                for m in ms:
                    if all(m.actor_id != o.actor_id for o in found):
                        found.append(m)
        return _Role(found, partial and not found, toks[0] if toks else None)

    def renamed(self, tok: Any) -> bool:
        """'a Kurdish brigade, the KDB': a generic phrase followed, without 'and'/'or', by the name of
        what it describes; the name stands for it."""
        m = self.ms.at(tok)
        if m is None or m.how != "generic" or any(c.dep_ == "cc" for c in tok.children):
            return False
        named = [
            c for c in tok.children if c.dep_ == "conj" and (n := self.ms.at(c)) is not None and n.how != "generic"
        ]
        return len(named) == 1

    def plural_anaphor(self, tok: Any) -> bool:
        """'the three countries', 'both groups', 'these factions': a definite plural of a group noun,
        as a clause's subject (not 'one of the groups', which is a set the text never listed)."""
        if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in self.frames.plural_heads:
            return False
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return False
        own = self.ms.at(tok)
        if own is not None and own.how not in ("generic", "coref"):
            return False
        if any(c.dep_ in ("conj", "appos") and self.ms.at(c) is not None for c in tok.children):
            return False  # "two groups, X and Y": the names follow
        return any(
            c.dep_ in ("det", "nummod", "predet")
            and c.lower_ in ("the", "these", "those", "both", "all")
            or c.lower_ in NUMBER_WORDS
            for c in tok.children
        )

    def speakers(self, tok: Any) -> list[Mention]:
        """'X and Y announced that they had merged': a plural subject of a reported clause stands for the
        coordinated subject of the verb reporting it."""
        clause = tok.head
        for _ in range(2):
            if clause.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or clause.head == clause:
                return []
            clause = clause.head
            subj = [c for c in clause.children if c.dep_ == "nsubj"]
            if subj:
                if not any(c.dep_ == "conj" for c in subj[0].children):
                    return []
                found = self.role_of(subj[:1], whole=False).mentions
                return found if len(found) >= 2 and self.kinds_fit(tok, found) else []
        return []

    def kinds_fit(self, tok: Any, found: list[Mention]) -> bool:
        """'the three countries' stand for states, 'both groups' for armed groups; 'they' for anyone."""
        kinds = {self.ms.actors[m.actor_id].kind for m in found if m.actor_id in self.ms.actors}
        head = tok.lemma_.lower()
        if head in self.frames.state_heads:
            return kinds <= STATE_KINDS
        if head in self.frames.group_heads:
            return not kinds & STATE_KINDS
        return True

    def antecedents(self, tok: Any) -> list[Mention]:
        """The actors of the last list of two or more actors before `tok` (this or the previous sentences);
        with a number ('the three countries') the list must have that many."""
        want = next((NUMBER_WORDS[c.lower_] for c in tok.children if c.lower_ in NUMBER_WORDS), None)
        sents = sentences(self.sd)
        here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        back = ANAPHORA_SENTENCES if want is None else ANAPHORA_SENTENCES_COUNTED
        for s in reversed(sents[max(0, here - back) : here + 1]):
            lists = []
            for t in s:
                if t.i >= tok.i or t.dep_ == "conj" or not any(c.dep_ in ("conj", "appos") for c in t.children):
                    continue
                found: list[Mention] = []
                for item in self.items(t):
                    if item.i >= tok.i:
                        break
                    if self.renamed(item):
                        continue
                    m = self.named_by(item)
                    if m is not None and self.usable(m) and all(m.actor_id != o.actor_id for o in found):
                        found.append(m)
                if len(found) >= 2 and (want is None or len(found) == want) and self.kinds_fit(tok, found):
                    lists.append(found)
            if lists:
                return max(reversed(lists), key=len)
        return []

    def plural_named(self, pron: Any) -> Mention | None:
        """The actor a plural pronoun was resolved to, where its own sentence named that actor earlier by a
        plural noun ("the Houthis", "the rebels"): one group, not a list, that a plural pronoun may stand for."""
        m = self.ms.at(pron)
        if m is None:
            return None
        before = self.sd[sentence_of(pron).start:pron.i]
        return m if any((o := self.ms.by_token.get(t.i)) is not None and o.actor_id == m.actor_id and o is not m
                        and _plural_noun(t) for t in before) else None

    def cataphor(self, pron: Any) -> Mention | None:
        """'Until it split off ..., X belonged to P': a pronoun subject of a clause before its main clause."""
        clause = pron.head
        if clause.dep_ != "advcl" or clause.i > clause.head.i:
            return None
        subj = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return None if subj is None else self.named_by(subj)

    # ------------------------------------------------------------------ slots
    def subject_tokens(self, verb: Any, depth: int = 0) -> list[Any]:
        """The subject of a verb: its own, else that of the clause controlling it."""
        own = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(own) > 1:  # several subjects: a misparse; keep the words of the first one's name
            first = self.ms.at(own[0])
            own = [own[0]] if first is None else [t for t in own if self.ms.at(t) is first]
        if own or depth > 3:
            return own
        to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON") and not to_infinitive:
            return [verb.head]  # "the faction that defected", "militias signing up to Q"; not "X's demand to sever"
        if (doer := infinitive_controller(verb)) is not None:
            return [doer]  # "gave France a month to pull its forces out": France pulls them out
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head != verb:
            return self.subject_tokens(verb.head, depth + 1)
        if verb.dep_ == "pcomp" and verb.head.lower_ == "among":
            return [c for c in verb.head.children if c.dep_ == "pobj"]  # "among the brigades | enlisting in Q"
        if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
            gov = verb.head.head
            if gov.lemma_.lower() in OBJECT_CONTROL and verb.head.lower_ in ("of", "for"):
                # "A accused B of sending troops to help C": B sends them (object control), not A
                return [c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")][:1]
            return self.subject_tokens(gov, depth + 1)  # "X responded by joining Y"
        return []

    def governor_subject(self, noun: Any) -> list[Any]:
        """'X announced its split', 'X and Y declared their union': the governing verb's subject."""
        cur = noun
        for _ in range(3):
            if cur.head == cur:
                return []
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return self.subject_tokens(cur)
        return []

    def preps(self, anchors: list[Any], word: str) -> list[Any]:
        return [
            p
            for a in anchors
            for c in a.children
            if c.dep_ in ("prep", "dative") and c.lower_ == word
            for p in c.children
            if p.dep_ in ("pobj", "pcomp")
        ]

    def slot(self, slot: str, trigger: Any, named: dict[str, Any], mover: _Role | None) -> _Role:
        anchors = [trigger, *(t for n, t in named.items() if n != "trigger")]
        if slot == "subject":
            if _participle_with_agent(trigger) or _reduced_passive(trigger):
                return _Role([])  # "Q, set up by X and Y", parsed with Q as its subject: Q is acted on, no doer
            return self.role_of(self.subject_tokens(trigger))
        if slot == "passive_subject":
            if _reduced_passive(trigger) and trigger.head.pos_ in ("NOUN", "PROPN"):
                return self.role_of([trigger.head])  # "Q, founded by X in 2019": Q
            deps = ("nsubjpass", "nsubj") if _participle_with_agent(trigger) else ("nsubjpass",)
            return self.role_of([c for c in trigger.children if c.dep_ in deps])
        if slot == "agent":
            return self.role_of(
                [p for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            )
        if slot == "object":
            used = {t.i for t in named.values()}
            return self.role_of([c for c in trigger.children if c.dep_ == "dobj" and c.i not in used])
        if slot == "object_head":  # (a relative pronoun stands for the noun its clause describes: "Q, an
            # alliance that A and B formed")
            return self.role_of([c for c in trigger.children if c.dep_ == "dobj"
                                 and (self.ms.at(c) is not None or c.lower_ in RELATIVE)])
        if slot == "poss":
            return self.role_of([c for c in trigger.children if c.dep_ == "poss"])
        if slot == "governor_subject":
            return self.role_of(self.governor_subject(trigger))
        if slot == "prep:under":
            # "merged under JNIM's banner", not "merged under leader X": a leader is who heads it, no body
            role = self.role_of([p for p in self.preps(anchors, "under") if not self.names_a_leader(p)])
            return dataclasses.replace(role, mentions=[m for m in role.mentions if not self.ms.person(m.actor_id)])
        if slot.startswith("prep:"):
            return self.role_of(self.preps(anchors, slot[5:]))
        if slot.startswith("head_prep:"):
            heads = [a for a in trigger.ancestors][:2]
            return self.role_of(self.preps(heads, slot[10:]))
        if slot.startswith("head_of:"):
            t = named.get(slot[8:])
            return self.role_of([t.head]) if t is not None and t.dep_ == "appos" else _Role([])
        if slot.startswith("named:"):
            t = named.get(slot[6:])
            return self.role_of([t]) if t is not None else _Role([])
        if slot.startswith("object_of:"):
            t = named.get(slot[10:])
            if t is None:
                return _Role([])
            return self.role_of([c for c in t.children if c.dep_ == "dobj"] or self.preps([t], "to"))
        if slot == "together_with":
            return self.role_of(self.preps([c for a in anchors for c in a.children if c.lower_ == "together"], "with"))
        if slot == "xcomp_object":
            forms = [
                c
                for c in trigger.children
                if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in self.frames.form_verbs
            ]
            return self.role_of([o for f in forms for o in f.children if o.dep_ == "dobj"])
        if slot == "pact_party":
            return self.role_of(self.preps([t for n, t in named.items() if n == "pact"], "between"))
        if slot == "member_of_mover":
            return self.member_of(mover)
        if slot == "parent_in_sentence":
            return self.parent_of(mover, trigger)
        if slot == "client_in_sentence":
            return self.client_of(mover, trigger)
        raise ValueError(f"unknown slot {slot!r}")  # pragma: no cover - frames.py validates slots

    def names_a_leader(self, tok: Any) -> bool:
        """A phrase naming a person by name or title ("Tuareg leader Iyad Ag Ghaly", "its commander")."""
        return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in LEADER_NOUNS \
            or any(c.dep_ == "compound" and c.lemma_.lower() in LEADER_NOUNS for c in tok.children)

    def member_of(self, mover: _Role | None) -> _Role:
        """The group a mover's own phrase names: 'X, a commander of P', 'X, once P's deputy'."""
        if mover is None or not mover.mentions or mover.token is None:
            return _Role([])
        own = {m.actor_id for m in mover.mentions}
        tok = mover.token
        for t in tok.subtree:
            if t.dep_ == "conj" and t.head == tok:
                break
            m = self.ms.at(t)
            if m is None or m.actor_id in own or not self.usable(m):
                continue
            head = self.ms.at(t.head)
            if t.dep_ in ("poss", "compound", "amod", "nmod") and head is not None and head.actor_id != m.actor_id:
                continue  # "a commander of Sudan's RSF": the RSF, not Sudan
            return _Role([m])
        return _Role([])

    def stated_targets(self, mover: _Role, trigger: Any, rtype: str) -> Iterator[tuple[Relation, Mention]]:
        """The document's `rtype` relations from the mover stated in the trigger's sentence, with their
        target mentions (what `client_of` and `parent_of` read)."""
        sent = sentence_of(trigger)
        ids = {m.actor_id for m in mover.mentions}
        for r in self.doc.relations:
            t = r.target_mention
            in_sentence = sent.start_char <= r.evidence.start < sent.end_char
            if r.type == rtype and r.source in ids and t is not None and in_sentence:
                yield r, Mention(t.start, t.end, t.text, r.target)

    def client_of(self, mover: _Role | None, trigger: Any) -> _Role:
        """Whom the mover backs by the same sentence ('X, which had been backing Y, pulled out'):
        the support its withdrawal ends."""
        if mover is None or not mover.mentions:
            return _Role([])
        for r, m in self.stated_targets(mover, trigger, "support"):
            if r.status != "former" and self.usable(m):
                return _Role([m])
        return _Role([])

    def parent_of(self, mover: _Role | None, trigger: Any) -> _Role:
        """The group the mover belongs to by the same sentence: a stated affiliation or 'belonged to P'."""
        if mover is None or not mover.mentions:
            return _Role([])
        for r, m in self.stated_targets(mover, trigger, "affiliation"):
            if r.derived_from is None:
                return _Role([m])
        sent = sentence_of(trigger)
        ids = {m.actor_id for m in mover.mentions}
        for t in span_tokens(sent):
            if t.lemma_.lower() in ("belong", "serve") and t.pos_ in ("VERB", "AUX"):
                subj = self.role_of(self.subject_tokens(t))
                if {m.actor_id for m in subj.mentions} & ids:
                    return self.role_of(self.preps([t], "to") + self.preps([t], "with"))
        return _Role([])


def _kinds_ok(frame: Frame, role: str, got: _Role, ms: _Mentions) -> _Role:
    """The role's actors whose kind the frame allows for it."""
    allowed, banned = frame.kinds.get(role), frame.not_kinds.get(role)
    if allowed is None and banned is None:
        return got
    keep = []
    for m in got.mentions:
        kind = ms.actors[m.actor_id].kind if m.actor_id in ms.actors else None
        if (allowed is None or kind in allowed) and (banned is None or kind not in banned):
            keep.append(m)
    return dataclasses.replace(got, mentions=keep)


def _self_report(certainty: str, trigger: Any, roles: dict[str, _Role], reader: _Reader) -> str:
    """'X announced its defection', 'X and Y declared their union': a party's own announcement of
    its move is the move itself, asserted rather than reported."""
    if certainty != "reported":
        return certainty
    own = {m.actor_id for r in roles.values() for m in r.mentions}
    for a in [trigger, *list(trigger.ancestors)[:3]]:
        if a.lemma_.lower() in SELF_REPORT_VERBS and a.pos_ in ("VERB", "AUX"):
            speaker = reader.role_of(reader.subject_tokens(a), whole=False)
            if speaker.mentions and {m.actor_id for m in speaker.mentions} <= own:
                return "asserted"
            return certainty
    return certainty


def _constitutive(trigger: Any) -> bool:
    """A present-tense relative clause of composition ("A and B, which together form Q", "the groups that make
    up Q"): it says what Q consists of now, not that Q was formed or joined."""
    return trigger.dep_ == "relcl" and trigger.tag_ in ("VBZ", "VBP") \
        and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children)


def _topic(trigger: Any) -> bool:
    """A change named as a topic ("their rivalry over folding the RSF into the army", "talks on merging X into
    Y"): discussed, not done."""
    prep = trigger.head  # ("fell out over folding X into Y": a gerund after "over" or "about" is what is argued over)
    return trigger.dep_ == "pcomp" and (prep.lower_ in ("over", "about", "regarding")
                                        or prep.lower_ == "on" and prep.head.pos_ in ("NOUN", "PROPN"))


def _certainty(trigger: Any) -> str:
    """The trigger's certainty; `disputed` when a denial governs it ('rejected reports that X joined')."""
    value = cert.classify(trigger).value
    if value in ("negated", "hypothetical", "speculative"):
        return value
    if _topic(trigger):
        return "hypothetical"
    for a in list(trigger.ancestors)[:4]:
        if a.lemma_.lower() in cert.DISPUTE_VERBS and a.pos_ == "VERB":
            return "disputed"
    return value


def _rows_of(frame: Frame, roles: dict[str, _Role]) -> Iterator[tuple[RowSpec, Mention, Mention]]:
    for spec in frame.rows:
        src, tgt = roles.get(spec.source), roles.get(spec.target)
        if src is None or tgt is None:
            continue
        if spec.source == spec.target:
            ms = src.mentions
            for i, a in enumerate(ms):
                for b in ms[i + 1 :]:
                    yield spec, a, b
            continue
        for a in src.mentions:
            for b in (
                tgt.mentions if spec.target in frame.pairwise or spec.source in frame.pairwise else tgt.mentions[:1]
            ):
                yield spec, a, b


def _type(spec: RowSpec, a: Mention, b: Mention, doc: Document, reader: _Reader) -> str:
    """The first candidate type the document already states between the pair, else alliance between
    two states or two persons (a person is no body one is a member of), else the first candidate."""
    if len(spec.types) == 1:
        return spec.types[0]
    stated = {
        r.type for r in doc.relations if {r.source, r.target} == {a.actor_id, b.actor_id} and r.derived_from is None
    }
    for t in spec.types:
        if t in stated:
            return t
    kinds = {reader.ms.actors[x].kind for x in (a.actor_id, b.actor_id) if x in reader.ms.actors}
    if "alliance" in spec.types and (kinds <= STATE_KINDS or all(reader.ms.person(m.actor_id) for m in (a, b))):
        return "alliance"
    return spec.types[0]


def _change(rtype: str, change: str) -> str:
    """The change word of the contract for a row's type: members join and leave, ties form and break."""
    if rtype == "affiliation":
        return {"broken": "left", "formed": "joined"}.get(change, change)
    return {"left": "broken", "joined": "formed"}.get(change, change)


def _status(change: str, certainty: str, trigger: Any) -> str:
    """former for a tie that ended, intended for one planned or only possible ('may join'), else current."""
    if certainty == "hypothetical":
        return "intended"
    if certainty == "speculative" and not any(c.lower_ in ("have", "has", "had") for c in trigger.children):
        return "intended"
    return "former" if change in ENDED else "current"


def find_changes(doc: Document, frames: Frames | None = None) -> list[Relation]:
    """Change rows of a parsed document with actors (not yet merged with its relations)."""
    sd = doc.parsed
    if sd is None or len(doc.actors) < 2:
        return []
    frames = frames or load_frames()
    names = _matcher(sd.vocab, frames)[1]
    ms = _Mentions.of(doc, sd)
    reader = _Reader(doc, ms, frames)
    out: list[Relation] = []
    seen: set[tuple[Any, ...]] = set()
    order = {f.id: i for i, f in enumerate(frames.frames)}
    found = _matches(sd, frames)
    matches = sorted(found, key=lambda m: (m[1][0], order[names[sd.vocab.strings[m[0]]][0].id]))
    triggers = {ids[0] for _, ids in matches}
    # (trigger, source actor, change) -> the frame that said it: one statement, one reading
    said: dict[tuple[int, str, str], str] = {}
    owned: dict[int, str] = {}  # trigger -> the exclusive frame that read it
    for match_id, token_ids in matches:
        frame, pi = names[sd.vocab.strings[match_id]]
        named = {n: sd[i] for n, i in zip(frame.node_names(pi), token_ids, strict=True)}
        trigger = named["trigger"]
        if owned.get(trigger.i, frame.id) != frame.id:
            continue  # "joined the army in an offensive": read as fighting beside it, not as joining it
        if trigger.dep_ in ("advcl", "xcomp") and trigger.head.i in triggers and trigger.head.i != trigger.i:
            continue  # "merged to form X", "teamed up to form X": the governing change says it
        certainty = _certainty(trigger)
        if certainty == "negated" or cert.expected(trigger):
            continue
        if frame.exclusive:
            owned.setdefault(trigger.i, frame.id)
        roles: dict[str, _Role] = {}
        for role, slots in frame.roles.items():
            got = _Role([])
            reader.whole = role in WHOLE_ROLES
            taken = {m.actor_id for r in roles.values() for m in r.mentions} if role not in frame.pairwise else set()
            for s in slots:
                r = reader.slot(s, trigger, named, roles.get("mover"))
                if taken and r.mentions:  # another role's actor is not this one's ("to support the government")
                    r = dataclasses.replace(r, mentions=[m for m in r.mentions if m.actor_id not in taken])
                if r.partial and not got.mentions:
                    got = r
                    break
                if r.mentions:
                    if role in frame.pairwise:
                        got = _Role(
                            got.mentions
                            + [m for m in r.mentions if all(m.actor_id != o.actor_id for o in got.mentions)],
                            token=got.token or r.token,
                        )
                        continue
                    got = r
                    break
            roles[role] = _kinds_ok(frame, role, got, ms)
            if role in frame.several and len(roles[role].mentions) < 2:
                roles[role] = _Role([])  # "al-Qaeda set up Nusra": one founder is the parent, no member
        if any(not roles.get(r, _Role([])).mentions for r in frame.needs):
            continue  # "A and B launched an offensive": founding verbs found nothing named, so no body
        certainty = _self_report(certainty, trigger, roles, reader)
        for spec, a, b in _rows_of(frame, roles):
            if a.actor_id == b.actor_id:
                continue
            rtype = _type(spec, a, b, doc, reader)
            change = _change(rtype, spec.change)
            if rtype == "affiliation" and {reader.kind(a), reader.kind(b)} <= STATE_KINDS:
                continue  # a state is no member of another state ("US forces joined Jordan in an exercise")
            if said.setdefault((trigger.i, a.actor_id, change), frame.id) != frame.id:
                continue  # an earlier construction already read this trigger for this actor
            pair = tuple(sorted((a.actor_id, b.actor_id))) if rtype in SYMMETRIC else (a.actor_id, b.actor_id)
            key = (rtype, pair, change, sentence_of(trigger).start)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Relation(
                    type=as_relation_type(rtype),
                    source=a.actor_id,
                    target=b.actor_id,
                    source_mention=Span(a.start, a.end, a.text),
                    target_mention=Span(b.start, b.end, b.text),
                    status=as_relation_status(_status(change, certainty, trigger)),
                    certainty=as_certainty(certainty),
                    source_kind=doc.source_kind_at(trigger.idx),
                    evidence=_sentence_span(doc, sentence_of(trigger)),
                    derived_from=None,
                    confidence=CONFIDENCE,
                    method=f"change:{frame.id}",
                    # "A, B and C, which together form Q": what Q is made of, told as a state; no change
                    change=None if _constitutive(trigger) else as_relation_change(change),
                )
            )
    return out


def _tie(r: Relation) -> tuple[Any, ...]:
    pair = tuple(sorted((r.source, r.target))) if r.type in SYMMETRIC else (r.source, r.target)
    return (r.type, pair)


def merge_changes(relations: tuple[Relation, ...], changes: list[Relation]) -> tuple[Relation, ...]:
    """Relations with the change rows in: a change row replaces the same tie stated in the same
    sentence, and stands first among the rows of its tie (it is the latest news of that tie)."""
    if not changes:
        return relations
    replaced = {(_tie(c), c.evidence.start) for c in changes}
    # "X merged into Y", "X joined Y": the membership the row states is the news; an alliance read from the
    # same event between the same two is that news told less precisely
    entered = {(frozenset((c.source, c.target)), c.evidence.start) for c in changes
               if c.type == "affiliation" and c.change in ("merged", "joined")}
    kept = [r for r in relations if r.change is not None or (_tie(r), r.evidence.start) not in replaced
            and not (r.type == "alliance" and r.derived_from is not None
                     and (frozenset((r.source, r.target)), r.evidence.start) in entered)]
    first: dict[tuple[Any, ...], int] = {}
    for i, r in enumerate(kept):
        first.setdefault(_tie(r), i)
    placed: dict[int, list[Relation]] = {}
    tail: list[Relation] = []
    for c in changes:
        at = first.get(_tie(c))
        (placed.setdefault(at, []) if at is not None else tail).append(c)
    out: list[Relation] = []
    for i, r in enumerate(kept):
        out.extend(placed.get(i, []))
        out.append(r)
    return tuple(out + tail)


def attacks_on_former_allies(doc: Document) -> list[Relation]:
    """'X attacked Y, with which it used to be allied', 'X overran the positions of its former ally Y':
    a sentence that states a former alliance and an attack between the same two actors reports the
    alliance breaking (the relation stage reads both ties; their conjunction is the change); so does
    the former alliance told right before the attack ("X had fought on Y's side. But fighting broke
    out between X and Y in 2023.")."""
    out = []
    for r in doc.relations:
        if r.type != "alliance" or r.status != "former" or r.change is not None or r.certainty == "negated":
            continue
        pair = {r.source, r.target}
        attacked = any(
            h.type == "hostility"
            and {h.source, h.target} == pair
            and (h.evidence.start == r.evidence.start or 0 <= h.evidence.start - r.evidence.end <= 2)
            and h.derived_from is not None
            and h.certainty not in ("negated", "hypothetical")
            for h in doc.relations
        )
        if attacked:
            out.append(dataclasses.replace(r, change="broken", method="change:attacked-former-ally"))
    return out


def extract_changes(doc: Document) -> Document:
    """Adds change statements to a parsed document's relations (after `extract_relations`)."""
    found = find_changes(doc)
    found += [c for c in attacks_on_former_allies(doc) if all(_tie(c) != _tie(f) for f in found)]
    if not found:
        return doc
    return dataclasses.replace(doc, relations=merge_changes(doc.relations, found))


def _participle_with_agent(verb: Any) -> bool:
    """A past participle with a by-agent and no perfect auxiliary ("Q, founded by X", "Q, set up by X and Y",
    which the parser may read as the main verb): what it names is acted on, never the doer."""
    return verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children) \
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _reduced_passive(verb: Any) -> bool:
    """A past participle describing a noun with no auxiliary or subject of its own ("Q, founded in 2019"): the
    noun is what its act is done to ("reports that X had joined Y" is a clause, not one)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
