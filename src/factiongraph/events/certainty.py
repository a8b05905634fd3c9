"""How sure the source is of an event: the seven certainty values of the output contract.

Cues come from the dependency parse around the trigger (negation, modals, conditionals,
intention verbs, reporting verbs) and from hedging phrases in the sentence. Precedence:
negated > hypothetical > speculative > disputed > hedged > reported > asserted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factiongraph.actors.lexicon import SENDING_VERBS
from factiongraph.frames.ties import control_verb, tie_words
from factiongraph.frames.tokens import children, deps, heads, lowers, pos_tags, sentence_of, span_tokens, tokens
from factiongraph.tables import word_set

INTENT_VERBS = frozenset(
    [
        "threaten",
        "vow",
        "pledge",
        "promise",
        "plan",
        "intend",
        "want",
        "aim",
        "seek",
        "try",
        "attempt",
        "prepare",
        "hope",
        "decide",
        "propose",
        "offer",
        "consider",
        "expect",
        "mean",
        "wish",
        "need",
        "refuse",
        "agree",
        "provoke",
        "urge",
        "demand",
        "ask",
        "call",
        "push",
    ]
)
MODALS_SPECULATIVE = frozenset(["may", "might", "could", "can"])
MODALS_FUTURE = frozenset(["will", "would", "shall", "'ll", "wo"])
SPECULATIVE_WORDS = frozenset(["likely", "probably", "possibly", "perhaps", "maybe", "presumably", "apparently_not"])
HEDGE_WORDS = frozenset(["reportedly", "allegedly", "apparently", "purportedly", "supposedly", "seemingly"])
HEDGE_VERBS = frozenset(["suggest", "appear", "seem", "indicate"])
DISPUTE_VERBS = frozenset(["downplay", "deny", "dispute", "contradict", "refute", "reject", "dismiss"])
REPORT_VERBS = word_set("cues", "report_verbs")  # one list for every stage
COND_MARKS = frozenset(["if", "unless", "whether"])
# verbs that found an organisation (Levin's create verbs, 26.4, that take one as object): "a militia formed
# to fight X" states what the militia was set up for, and so what it does, not an intention
FOUNDING_VERBS = frozenset(["form", "create", "establish", "found", "set"])
ACCUSING_VERBS = word_set("cues", "accusing_verbs")
BELIEF_VERBS = word_set("cues", "belief_verbs")
DELIBERATION_WORDS = word_set("cues", "deliberation_words")


@dataclass(frozen=True, slots=True)
class Certainty:
    """A certainty value and, for reported speech, the token of who said it."""

    value: str
    source_token: Any = None  # the reporting subject or "according to" object


def _clause_chain(tok: Any, limit: int = 4) -> list[Any]:
    """The trigger and the verbs governing it, up to the sentence root (the walk up reads the per-Doc
    tables: each `Token.head` makes a new Token)."""
    toks, head = tokens(tok.doc), heads(tok.doc)
    chain = [tok]
    cur = tok.i
    for _ in range(limit):
        if head[cur] == cur:
            break
        cur = head[cur]
        chain.append(toks[cur])
    return chain


def _verb_of(tok: Any) -> Any:
    """A noun trigger's governing verb ("launched an attack" -> launched); a verb is its own."""
    pos, head = pos_tags(tok.doc), heads(tok.doc)
    cur = tok.i
    for _ in range(3):
        if pos[cur] in ("VERB", "AUX") or head[cur] == cur:
            break
        cur = head[cur]
    return tok if cur == tok.i else tokens(tok.doc)[cur]


def classify(trigger: Any) -> Certainty:
    """Certainty of the event whose trigger token is `trigger` (a spaCy `Token`).

    Events, relations and change statements ask about the same triggers; the answer depends on the
    parse only, so it is kept per parsed document (in the Doc's `user_data`).
    """
    doc = trigger.doc
    cache: dict[int, tuple[str, int | None]] = doc.user_data.setdefault("factiongraph.certainty", {})
    got = cache.get(trigger.i)
    if got is None:
        c = _classify(trigger)
        src = c.source_token.i if c.source_token is not None else None
        got = cache[trigger.i] = (c.value, src)  # plain values: the Doc stays serialisable
    return Certainty(got[0], None if got[1] is None else doc[got[1]])


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What certainty reads off a whole sentence, gathered in one pass (many triggers share a sentence)."""

    words: frozenset[str]  # its words, lowercased
    disputes: tuple[int, ...]  # verbs of denial ("downplayed", "denied"), by token index
    according: int | None  # the first "according" of an "according to"
    report_roots: tuple[int, ...]  # roots that are reporting verbs ("..., X said")


def expected(trigger: Any) -> bool:
    """A tie or change that someone only fears or believes would, could or may come ("fearing that X would
    unite with Y", "diplomats believe X could join Y"): the believer's expectation, no tie the text states
    and no plan the parties announced ("X said it would join Y" is one)."""
    return classify(trigger).value in ("hypothetical", "speculative") and any(
        a.lemma_.lower() in BELIEF_VERBS for a in list(trigger.ancestors)[:3]  # also the noun: "the fear that ..."
    )


def _sentence(sent: Any) -> _Sentence:
    """The sentence's `_Sentence`, kept per parsed document (in the Doc's `user_data`, by span)."""
    kept: dict[tuple[int, int], _Sentence] = sent.doc.user_data.setdefault("factiongraph.certainty.sents", {})
    key = (sent.start, sent.end)
    got = kept.get(key)
    if got is None:
        sd = sent.doc  # read from the per-Doc tables: no Token objects for the sentence's words
        toks, lower, pos, dep = tokens(sd), lowers(sd), pos_tags(sd), deps(sd)
        start, end = sent.start, sent.end
        words = set(lower[start:end])
        disputes = [i for i in range(start, end) if pos[i] == "VERB" and toks[i].lemma_ in DISPUTE_VERBS]
        according = next(
            (i for i in range(start, end - 1) if lower[i] == "according" and lower[i + 1] == "to"), None
        )
        report_roots = [i for i in range(start, end) if dep[i] == "ROOT" and toks[i].lemma_ in REPORT_VERBS]
        got = kept[key] = _Sentence(frozenset(words), tuple(disputes), according, tuple(report_roots))
    return got


def _help_sent(clause: Any) -> bool:
    """A purpose clause of help after a sending ("sent troops to help the army"): the sending is the
    help, so the clause is as real as the sending (Levin's send verbs; the help verbs of
    `frames/data/ties.yaml` support_participles)."""
    return clause.dep_ == "advcl" and clause.head.lemma_ in SENDING_VERBS \
        and clause.lemma_ in tie_words().support_participles


def _founding_purpose(clause: Any) -> bool:
    """The purpose clause of a founding told as done ("a force created in 2020 to support the army",
    "the front, which was formed to fight X"): the group's standing mission, as real as the group."""
    head = clause.head
    return clause.dep_ in ("advcl", "xcomp") and head.lemma_ in FOUNDING_VERBS and head.tag_ == "VBN"


def _describes_subject(trigger: Any, verb_i: int) -> bool:
    """Whether `trigger` lies in a relative clause, participle or apposition describing the subject of the verb at
    `verb_i`."""
    sd = trigger.doc
    dep, kids_of, toks = deps(sd), children(sd), tokens(sd)
    return any(dep[c] in ("relcl", "acl", "appos") and toks[c].left_edge.i <= trigger.i <= toks[c].right_edge.i
               for s in kids_of[verb_i] if dep[s] in ("nsubj", "nsubjpass") for c in kids_of[s])


# the adjectives of the hedging adverbs ("an alleged ally", "a suspected affiliate", "its reported backer")
HEDGE_ADJECTIVES = frozenset([w.removesuffix("ly") for w in HEDGE_WORDS] + ["suspected", "presumed", "so-called"])


def _apposition(trigger: Any) -> Any:
    """The apposition a noun trigger stands in ("X, al-Qaeda's branch in Mali, claimed the attack";
    "X, an ally of Y, reportedly seized Z"), found up its noun phrase (nouns and prepositions), or None."""
    cur = trigger
    for _ in range(4):
        if cur.pos_ not in ("NOUN", "PROPN", "ADP"):
            return None
        if cur.dep_ == "appos":
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _classify(trigger: Any) -> Certainty:
    sent = sentence_of(trigger)
    appos = _apposition(trigger) if trigger.pos_ == "NOUN" else None
    if appos is not None:
        # an apposition is the writer's own description of a name, whatever the clause around it reports or
        # hedges: asserted, unless its own words hedge or deny it ("an alleged ally", "no ally of Y")
        described = {t.lower_ for t in appos.subtree}
        if described & {"no", "not", "never"}:
            return Certainty("negated")
        if described & (HEDGE_ADJECTIVES | HEDGE_WORDS):
            return Certainty("hedged")
        return Certainty("asserted")
    facts = _sentence(sent)
    # an event noun as subject ("X's call for talks may become irrelevant"): the predicate's
    # modality is about the predicate, not about the event the noun names
    subject_noun = trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass")
    verb = trigger if subject_noun else _verb_of(trigger)
    own = [trigger] if verb == trigger else [trigger, verb]
    # the words below a token are read from the per-Doc tables: each `Token.children` makes new Tokens
    sd = trigger.doc
    dep, lower, kids_of = deps(sd), lowers(sd), children(sd)

    # negated: "did not attack", "no attack", "never", "denied attacking"
    for t in own:
        kids = kids_of[t.i]
        if any(dep[c] == "neg" for c in kids):
            return Certainty("negated")
        if t == trigger and any(lower[c] in ("no", "never") and dep[c] in ("det", "neg", "advmod") for c in kids):
            return Certainty("negated")
        if t.pos_ == "VERB" and any(dep[c] == "dobj" and any(dep[k] == "det" and lower[k] == "no" for k in kids_of[c])
                                    for c in kids):
            return Certainty("negated")  # "received no help from X", "sent no weapons": nothing was done
    if verb.dep_ in ("xcomp", "ccomp", "pcomp") and verb.head.lemma_ in ("deny", "refuse"):
        return Certainty("negated")

    # hypothetical: conditional, intended or future
    for t in own:
        kids = kids_of[t.i]
        if any(dep[c] == "mark" and lower[c] in COND_MARKS for c in kids):
            return Certainty("hypothetical")
        if any(dep[c] == "aux" and lower[c] in MODALS_FUTURE for c in kids):
            return Certainty("hypothetical")
        if (
            t.dep_ in ("xcomp", "advcl", "acl")
            and any(dep[c] == "aux" and lower[c] == "to" for c in kids)
            and (t.head.lemma_ in INTENT_VERBS or t.dep_ == "advcl")
            and not _help_sent(t)
            and not _founding_purpose(t)
        ):
            return Certainty("hypothetical")
        if t.dep_ in ("dobj", "pobj") and t.head.lemma_ in INTENT_VERBS and t == trigger:
            return Certainty("hypothetical")
        if t.dep_ == "xcomp" and t.head.lemma_ == "be" and any(dep[c] == "aux" and lower[c] == "to" for c in kids):
            return Certainty("hypothetical")  # "X is to stop arming Y": an arrangement for the future
        deliberated = t.head.head if t.dep_ == "pcomp" else t.head if t.dep_ in ("xcomp", "dobj", "ccomp") else None
        if t.tag_ == "VBG" and deliberated is not None and deliberated.lemma_.lower() in DELIBERATION_WORDS:
            return Certainty("hypothetical")  # "negotiating over joining the army", "considering joining": not done
    if trigger.dep_ in ("dobj",) and verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_ in INTENT_VERBS:
        return Certainty("hypothetical")

    # speculative: modals of possibility, "the likeliest explanation is that ..."
    chain = _clause_chain(verb)
    for t in chain[1 if subject_noun else 0 : 3]:
        if subject_noun and t == trigger.head:
            continue
        if any(dep[c] == "aux" and lower[c] in MODALS_SPECULATIVE for c in kids_of[t.i]):
            return Certainty("speculative")
    words = facts.words
    if (
        words & SPECULATIVE_WORDS
        and any(t.dep_ in ("ccomp", "xcomp") for t in chain[:2])
        or any(lower[c] in SPECULATIVE_WORDS for t in chain[:2] for c in kids_of[t.i])
    ):
        return Certainty("speculative")

    # disputed: the same sentence carries a denial of it; not of what a clause describing the denier says ("Iran,
    # whose advisers fought beside X, denied the report": the fighting is the text's own statement)
    if any(i != verb.i and i > trigger.i and not _describes_subject(trigger, i) for i in facts.disputes):
        return Certainty("disputed")

    # hedged: "reportedly", "some reports suggest", "it appears"
    if words & HEDGE_WORDS:
        return Certainty("hedged")
    for t in chain:
        if t.lemma_ in HEDGE_VERBS and t != trigger:
            return Certainty("hedged")

    # reported: complement of a reporting verb, or "according to X", or "was reported"
    for below, t in zip(chain, chain[1:], strict=False):
        if t.lemma_ in REPORT_VERBS and t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return Certainty("reported", subj)
        if t.lemma_ in BELIEF_VERBS and t.pos_ == "VERB" and below.dep_ == "ccomp":
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return Certainty("reported", subj)  # "police believe it works with Y": on the police's word
    accusing = control_verb(verb, ACCUSING_VERBS, through=None, steps=3)
    if accusing is not None:  # "X accuses Y of arming Z": on X's word
        return Certainty("reported", next((c for c in accusing.children if c.dep_ == "nsubj"), None))
    if facts.according is not None:
        to = trigger.doc[facts.according + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        return Certainty("reported", obj)
    if any(c.lemma_ in REPORT_VERBS and c.dep_ in ("conj", "parataxis") for c in verb.children) or any(
        i > trigger.i for i in facts.report_roots
    ):
        root = next(t for t in span_tokens(sent) if t.dep_ == "ROOT")
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return Certainty("reported", subj)
    if verb.lemma_ in REPORT_VERBS or any(t.lemma_ == "report" and t.tag_ == "VBN" for t in chain[:3]):
        return Certainty("reported")
    return Certainty("asserted")
