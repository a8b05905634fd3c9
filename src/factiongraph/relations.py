"""Relations between actors: alliance, hostility, support, affiliation, with status and evidence.

Two sources:
- explicit statements, read off the parse: "allied with", "used to be allied", "aligned with",
  "joined", "enemy of", "funded/backed/armed by", compound modifiers ("al-Qaeda-linked Nusra",
  "Turkish-backed rebels");
- events: an ASSAULT or THREATEN implies hostility, AID/SUPPORT implies support and COOPERATE
  alliance; such relations name the event in `derived_from`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from factiongraph.actors.lexicon import GROUP_PEOPLE, SENDING_VERBS
from factiongraph.actors.resolve import STATE_KINDS
from factiongraph.actors.wordlists import words
from factiongraph.document import (
    Actor,
    Document,
    Event,
    Mention,
    Relation,
    Span,
    as_certainty,
    as_relation_status,
    as_relation_type,
)
from factiongraph.events import certainty as cert
from factiongraph.events.extract import (
    AGENT_HEADS,
    INFINITIVE_CONTROL,
    OBTAIN_VERBS,
    RELATIVE_PRONOUNS,
    SIDE_NOUNS,
    SPEAKER_PRONOUNS,
    TEMPORAL_HEADS,
    THIRD_PARTY_PARTICIPLES,
    _in_quote,
    _Mentions,
    _relational,
    _sentence_span,
    companion_with,
    infinitive_controller,
    no_particular,
    phrase_head,
)
from factiongraph.frames import (
    allegiance_lords,
    among_listed,
    conjuncts,
    described_noun,
    description_start,
    list_members,
    materiel_use_verb,
    membership_groups,
    membership_place,
    named_as,
    own_front,
    prep_objects,
    relational_owner,
    same_side,
    same_side_objects,
    supplied_materiel,
    support_givers,
    tie_noun,
    tie_words,
)
from factiongraph.frames.tokens import deps, lemmas, lowers, pos_tags, sentence_of, sentences, span_at, tokens
from factiongraph.relation_mentions import (
    CONDEMN_VERBS,
    SUPPORT_NOUNS,
    SUPPORT_VERBS,
    Parties,
    _judged,
    mention_hostility,
)
from factiongraph.tables import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# relational plurals that name the two parties of a tie ("the one-time allies", "the rivals")
ALLY_PLURALS = words("descriptions", "ally_plurals")
RIVAL_PLURALS = words("descriptions", "rival_plurals")
FORMER_MODIFIERS = words("descriptions", "former_modifiers")
PART_NOUNS = words("descriptions", "part_nouns")

SYMMETRIC = frozenset({"alliance", "hostility"})
REINFORCING_VERBS = word_set("cues", "reinforcing_verbs")
DERIVED = {
    "ASSAULT": "hostility",
    "THREATEN": "hostility",
    "AID": "support",
    "SUPPORT": "support",
    "COOPERATE": "alliance",
}
# PLOVER SUPPORT triggers that say one side backs the other, not just speaks well of it
MATERIAL_SUPPORT = frozenset(SUPPORT_VERBS | SUPPORT_NOUNS)
# verbs of association whose active subject asserts a tie between its object and a "to" object (Levin 1993,
# 22.1 "mix verbs" and 22.2 "amalgamate verbs": link, tie, connect): "X links Y to Z" says Y is tied to Z
LINKING_VERBS = frozenset({"link", "tie", "connect"})
# who says or believes what a clause tells is a source of it, not a party (events/certainty.py)
SOURCE_VERBS = cert.REPORT_VERBS | cert.BELIEF_VERBS
# verb or adjective lemma -> (type, direction): "subj" = subject is the source
VERB_CUES = {
    "ally": ("alliance", "subj"),
    "align": ("affiliation", "subj"),
    "affiliate": ("affiliation", "subj"),
    "link": ("affiliation", "subj"),
    "tie": ("affiliation", "subj"),
    "connect": ("affiliation", "subj"),
    "join": ("affiliation", "subj"),
    "pledge": ("affiliation", "subj"),
    "merge": ("alliance", "subj"),
    "fund": ("support", "subj"),
    "back": ("support", "subj"),
    "arm": ("support", "subj"),
    "train": ("support", "subj"),
    "finance": ("support", "subj"),
    "sponsor": ("support", "subj"),
    "bankroll": ("support", "subj"),
    "equip": ("support", "subj"),
    "belong": ("affiliation", "subj"),
    "fight": ("hostility", "subj"),
    "clash": ("hostility", "subj"),
    "attack": ("hostility", "subj"),
}
HOSTILE_CUES = frozenset(
    """against defeat fight attack strike airstrike kill destroy target combat battle clash war offensive eliminate
    engage retake liberate besiege shell bomb counter-isil counter-daesh enemy enemies""".split()
)
SUPPORT_CUES = SUPPORT_VERBS
ALLY_CUES = frozenset("partner partners ally allies alongside coordinate cooperate".split())
ALLIANCE_NOUNS = frozenset("alliance coalition pact merger partnership union front".split())
# the objects of "join" in the idioms of allying ("joined forces/hands with Y"; English idiom dictionaries):
# the subject allies with Y, it does not become a member of Y
JOINED_BODIES = frozenset(["force", "forces", "hand", "hands"])
BODY_KINDS = frozenset({"international_org"})  # actors made of member states or forces (coalitions, missions)
FORMER_WORDS = frozenset(["formerly", "previously", "once", "former", "erstwhile", "ex"])
# "at one time/point/stage": WordNet's adverb synset of "formerly" lists "at one time" with "once"
FORMER_AT_NOUNS = frozenset(["time", "point", "stage"])


def _at_one_time(tok: Token) -> bool:
    """`tok` is the "at" of "at one time" (or point, stage): formerly."""
    return tok.dep_ == "prep" and tok.lower_ == "at" and any(
        p.dep_ == "pobj" and p.lemma_.lower() in FORMER_AT_NOUNS
        and any(n.lower_ == "one" and n.dep_ in ("nummod", "det") for n in p.children)
        for p in tok.children
    )
SUPPORT_VERBS_PASSIVE = SUPPORT_VERBS


def _status(tok: Token, certainty: str, reach: int = 3) -> str:
    """current, former or intended: read off the cue and up to `reach` heads above it; never across an
    apposition or a relative clause ("X, an affiliate of Y, has previously struck Z": the past is the
    strike's, not the affiliation's)."""
    if certainty in ("hypothetical",):
        return "intended"
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) \
            and verb.dep_ not in ("ccomp", "advcl", "relcl"):
        return "former"  # "X had battled on Y's side": the past perfect sets the tie before the story
    if verb.tag_ == "VBD" and any(c.dep_ == "prep" and c.lower_ in ("until", "till") and any(
            p.dep_ == "pobj" for p in c.children) or c.dep_ == "advmod" and c.lower_ == "last"
            or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("until", "till") for m in c.children)
            for c in verb.children):
        # "fought alongside X until December", "was part of X until it fell out with Y", "last fought X in
        # 2004": a tie that ended
        return "former"
    cur = tok
    for _ in range(reach):
        kids = list(cur.children)  # and the auxiliaries' ("had at one point been armed")
        kids += [k for c in kids if c.dep_ in ("aux", "auxpass") for k in c.children]
        if cur.lemma_ == "use" and any(c.dep_ == "xcomp" for c in kids):
            return "former"
        if _at_one_time(cur) or any(c.lower_ in FORMER_WORDS or _at_one_time(c) for c in kids):
            return "former"
        if any(c.lower_ == "longer" for c in kids):
            return "former"
        if cur.head == cur or cur.dep_ in ("appos", "relcl"):
            break
        cur = cur.head
    return "current"


def _relative_antecedent(pron: Token, ms: _Mentions) -> Mention | None:
    """'which'/'who' -> the actor named just before it (the relative clause's antecedent)."""
    sd = pron.doc
    i = pron.i - 1
    start = sentence_of(pron).start
    while i >= start and (sd[i].is_punct or sd[i].dep_ == "prep" or sd[i].lower_ in ("with", "to", "of")):
        i -= 1
    if i < start:
        return None
    cand = sd[i]
    m = ms.at(cand) or ms.in_subtree(cand)
    if m is not None:
        return m
    if cand.dep_ == "appos":  # "X, a group that was once linked to Y": the clause describes X
        m = ms.at(cand.head) or _noun_itself(cand.head, ms, cand)
        if m is not None:
            return m
    # predicative "(X, which is presented) as Ys who ...": back to the clause's own subject
    head = cand
    while head.dep_ in ("pobj", "prep", "punct") and head.head != head:
        head = head.head
        if head.lower_ == "as":
            for j in range(head.i - 1, sentence_of(pron).start - 1, -1):
                if sd[j].lower_ in ("which", "who", "that"):
                    return _relative_antecedent(sd[j], ms)
            break
    return None


PARTIAL_DETS = frozenset("some several many few dozens hundreds thousands scores number part".split())


def _partial_subject(verb: Token) -> bool:
    """The subject names part of a group ("some X fighters", "a number of X's members", "dozens of X")."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.lower_ in PARTIAL_DETS or c.lemma_.lower() in PARTIAL_DETS:
            return True
        if any(k.dep_ in ("det", "amod", "nummod", "quantmod") and (k.lower_ in PARTIAL_DETS or k.like_num)
               for k in c.children):
            return True
        if c.lower_ in GROUP_PEOPLE and any(k.dep_ == "prep" and k.lower_ in ("of", "from") for k in c.children) \
                and not any(k.lower_ in ("all", "the") for k in c.children):
            return True  # "members of X joined Y", "fighters from X": some of X's men, not X
    return False


def _third_party_agent(head: Token | None) -> bool:
    """The agent of a participle describing a phrase ("missiles supplied by Y", "a deal brokered by Y"): a
    third party's tie to the phrase, no doer of what the clause does with it."""
    return head is not None and head.dep_ == "pobj" and head.head.dep_ == "agent" \
        and head.head.head.dep_ == "acl" and head.head.head.lemma_.lower() in THIRD_PARTY_PARTICIPLES


def _materiel_user(noun: Token, ms: _Mentions) -> Mention | None:
    """Who holds or uses materiel a participle says was supplied (`materiel_use_verb`): its verb's subject."""
    verb = materiel_use_verb(noun)
    return _theme(verb, ms) if verb is not None else None


def _theme(verb: Token, ms: _Mentions) -> Mention | None:
    """Who the clause is about: the subject, active or passive, through relative pronouns."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for c in subjects:
        if c.lower_ in ("which", "who", "that"):
            return _relative_antecedent(c, ms)
        m = ms.in_subtree(c)
        if m is None and _whose(verb, c):
            return _noun_itself(verb.head, ms, verb)  # "X, whose troops crossed the border": X's men
        if m is not None or len(subjects) == 1:
            return m  # "A loose militia, Fano had fought ...": the parser gives the fronted description a subject too
    if subjects:
        return None
    if (verb.dep_ in ("xcomp", "conj", "acomp") or verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN")) \
            and verb.head != verb:
        return _theme(verb.head, ms)  # a participial adjunct's subject is the main clause's
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # a purpose infinitive's doer: the object a control verb names ("paid local men to fight Y"), else the main
        # clause's subject ("crossed the border to fight Y"; "sent soldiers to fight Y": the sender's soldiers)
        doer = infinitive_controller(verb)
        if doer is not None and ((m := ms.in_subtree(doer)) is not None
                                 or verb.head.lemma_.lower() not in SENDING_VERBS):
            return m
        return _theme(verb.head, ms)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # a reduced relative clause is about the noun it describes ("X, a group linked to Y": X)
        noun = verb.head
        m = _noun_itself(noun, ms, verb)
        if m is None and noun.dep_ == "appos":
            m = _noun_itself(noun.head, ms, noun)
        return m
    return None


def _partner(tok: Token, ms: _Mentions) -> Mention | None:
    """The other side: the object or 'with/to/of' object, through relative pronouns."""
    for c in tok.children:
        if c.dep_ == "dobj":
            m = _phrase_actor(c, ms)  # "joined the fight against X": X is not who is joined
            if m is not None:
                return m
        if c.dep_ == "prep" and c.lower_ in ("with", "to", "of", "against", "from"):
            for p in c.children:
                if p.dep_ == "pobj":
                    if p.lower_ in ("which", "whom", "who"):
                        # "Y, to which X belongs" / "Y, which X belongs to" (the preposition left behind)
                        return _relative_antecedent(p if p.i < c.i else c, ms)
                    m = ms.in_subtree(p)
                    if m is not None:
                        return m
    # "a group with which it was once allied": the prepositional relative hangs off the relcl verb
    cur = tok
    for _ in range(3):
        if cur.dep_ == "relcl":
            for c in cur.children:
                if c.dep_ == "prep" and c.lower_ in ("with", "to"):
                    return _relative_antecedent(c, ms)
        if cur.head == cur:
            break
        cur = cur.head
    return None


def _alliance_parties(noun: Token, ms: _Mentions) -> tuple[Mention, Mention] | None:
    """Who an alliance noun joins: 'alliance between X and Y', 'X's alliance with Y',
    'X and Y announced an alliance'."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "of"):
            for p in c.children:
                if p.dep_ == "pobj":
                    first = ms.in_subtree(p)
                    other = next((ms.in_subtree(k) for k in p.children if k.dep_ == "conj"), None)
                    if first and other and first.actor_id != other.actor_id:
                        return first, other
        if c.dep_ == "prep" and c.lower_ == "with":
            other = next((ms.in_subtree(p) for p in c.children if p.dep_ == "pobj"), None)
            own = next((ms.in_subtree(k) for k in noun.children if k.dep_ == "poss"), None)
            if own is None and noun.head.pos_ == "VERB":
                own = _theme(noun.head, ms)
            if own and other and own.actor_id != other.actor_id:
                return own, other
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX") \
            and noun.head.lemma_.lower() in tie_words().alliance_forming_verbs:
        subj = next((k for k in noun.head.children if k.dep_ == "nsubj"), None)
        if subj is not None:
            first = ms.at(subj) or ms.in_subtree(subj)
            other = next((ms.in_subtree(k) for k in subj.children if k.dep_ == "conj"), None)
            if first and other and first.actor_id != other.actor_id:
                return first, other
    return None


def _make(
    doc: Document,
    rtype: str,
    src: Mention,
    tgt: Mention,
    tok: Token,
    status: str,
    certainty: str,
    derived_from: str | None = None,
    confidence: float = 0.7,
    method: str = "verb",
) -> Relation:
    sent = sentence_of(tok)
    return Relation(
        type=as_relation_type(rtype),
        source=src.actor_id,
        target=tgt.actor_id,
        source_mention=Span(src.start, src.end, src.text),
        target_mention=Span(tgt.start, tgt.end, tgt.text),
        status=as_relation_status(status),
        certainty=as_certainty(certainty),
        source_kind=doc.source_kind_at(tok.idx),
        evidence=_sentence_span(doc, sent),
        derived_from=derived_from,
        confidence=confidence,
        method=method,
    )


def _modifier_head(noun: Token, ms: _Mentions) -> Mention | None:
    """Who a modified noun names: itself, the actor it is in apposition to ("HTS, the al-Qaeda-linked
    coalition"), the subject it is predicated of ("HTS is an al-Qaeda-linked group"), or the name a
    clause of naming gives it ("Saudi-backed fighters known as the Giants Brigades")."""
    if noun.dep_ == "appos" and noun.lemma_.lower() in PART_NOUNS and ms.at(noun) is None:
        # "Nujaba, an Iran-backed PMF faction": the modifier backs the faction, the name it is in apposition to,
        # not the whole its compound names
        m = ms.at(noun.head) or _noun_itself(noun.head, ms, noun)
        if m is not None:
            return m
    m = ms.at(noun) or _phrase_actor(noun, ms)  # "the US-led war against X": X is not what was led
    if m is not None:
        return m
    if noun.dep_ == "appos":
        return ms.at(noun.head) or ms.in_subtree(noun.head)
    if noun.dep_ in ("attr", "oprd") and noun.head.lemma_ in ("be", "become", "remain"):
        return _theme(noun.head, ms)
    # "Saudi-backed fighters known as the Giants Brigades"
    return next((found for name in named_as(noun) if (found := ms.in_subtree(name)) is not None), None)


def _within(m: Mention, tokens: set[int], ms: _Mentions) -> bool:
    """Whether a mention lies among the given tokens."""
    span = span_at(ms.sd, m.start, m.end)
    return span is not None and span.root.i in tokens


def _modifiers(doc: Document, ms: _Mentions) -> list[Relation]:
    """Ties stated by modifiers ("the US-backed SDF", "pro-government militias"), read once in `frames`."""
    sd: Doc = doc.parsed
    out: list[Relation] = []
    for tie in ms.modifier_ties:
        noun = sd[tie.head]
        head = _modifier_head(noun, ms)
        if head is None or head.actor_id == tie.modifier.actor_id:
            continue
        head_actor = ms.actors.get(head.actor_id)
        if head_actor is not None and head_actor.registry_id is not None \
                and f"{tie.modifier.text}-{sd[tie.cue].text} ".lower() in head_actor.name.lower():
            continue  # "the Saudi-led pro-government coalition": the modifier is part of the name ("Saudi-led
            # coalition") another modifier interrupts, no tie of its own
        source = tie.rule.source
        if tie.rule.body_source is not None and head_actor is not None and head_actor.kind in BODY_KINDS:
            source = tie.rule.body_source
        src, tgt = (tie.modifier, head) if source == "modifier" else (head, tie.modifier)
        cue = sd[tie.cue]
        c = cert.classify(noun if noun.pos_ in ("VERB", "NOUN") else cue).value
        if c == "negated":
            continue
        # a modifier presupposes its tie ("troops fought to retake the town from IS-linked militants",
        # "may attack US-backed fighters"): the clause's intention or conjecture is not the tie's, nor
        # its time ("once shelled the US-backed SDF"): only the modifier phrase itself is read for that
        if c in ("hypothetical", "speculative"):
            c = "asserted"
        out.append(_make(doc, tie.rule.type, src, tgt, cue, _status(cue, c, reach=2), c, confidence=0.8,
                         method="modifier"))  # fmt: skip
    return out


def _participle_lemma(word: str) -> str:
    """The verb of a regular past participle ("armed": arm, "financed": finance), for one tagged an adjective."""
    return word[:-2] if word.endswith("ed") and word[:-2] in tie_words().support_participles else word[:-1]


def _participle_clause(tok: Token) -> bool:
    """A passive participle opening or closing the clause: "Backed by Y, X retook the town"."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark")
                                                                for c in tok.children)


def _whose(verb: Token, subj: Token) -> bool:
    """The subject of a relative clause is the men or part of the noun the clause describes ("X, whose troops ...")."""
    return verb.dep_ == "relcl" and any(k.dep_ == "poss" and k.lower_ == "whose" for k in subj.children)


def _subject_actor(verb: Token, ms: _Mentions) -> Mention | None:
    """The actor a verb's subject phrase names itself (`_phrase_actor`); through a relative pronoun,
    or with no subject, the clause's theme (`_theme`)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _subject_actor(verb.head, ms)  # "X was trained and armed by Y": the first verb's subject
    if subj is not None and _whose(verb, subj):
        return _noun_itself(verb.head, ms, verb)  # "X, whose fighters were armed by Y": X's men
    if subj is None or subj.lower_ in ("which", "who", "that"):
        return _theme(verb, ms)
    return _phrase_actor(subj, ms)


def _phrase_actor(noun: Token, ms: _Mentions) -> Mention | None:
    """The actor a subject phrase names itself: its head, its modifiers, or for a group noun its "of"
    object ("fighters of X"), never a name deeper in it ("forces in Iraq", "the fight against X")."""
    m = _noun_itself(noun, ms, noun)
    if m is not None or (noun.lemma_.lower() not in AGENT_HEADS and noun.lower_ not in AGENT_HEADS):
        return m
    owners = prep_objects(noun, ("of",)) + [  # "fighters of X", "forces loyal to X"
        p for c in noun.children if c.dep_ in ("amod", "acl") for p in allegiance_lords(c)
    ]
    return next((x for p in owners if (x := ms.at(p) or _noun_itself(p, ms, p)) is not None), None)


def _noun_itself(noun: Token, ms: _Mentions, skip: Token) -> Mention | None:
    """The actor a noun names by itself or its own modifiers, ignoring the clause `skip` hanging off it."""
    m = ms.at(noun)
    if m is not None:
        return m
    if noun.pos_ == "NOUN" and _relational(noun):
        # "its enemy, UNITA": a relational noun names the other side of its tie; its referent is the name
        # in apposition, never its possessor
        return next((x for c in noun.children if c.dep_ == "appos" and (x := ms.at(c)) is not None), None)
    for c in noun.children:
        if c.dep_ in ("compound", "poss", "amod", "nmod") and c is not skip and (m := ms.at(c)) is not None:
            return m
    # the name a clause of naming gives it ("the force, which calls itself X", "fighters known as X")
    return next((found for name in named_as(noun) if (found := ms.in_subtree(name)) is not None), None)


# the parts of speech of the cue words `_ties` and `_explicit` read
_TIE_POS = frozenset({"NOUN", "VERB", "ADJ"})


def _ties(doc: Document, ms: _Mentions) -> list[Relation]:
    """Nominal and participial ties between named actors (word lists in `frames/data/ties.yaml`):
    "X, which has the backing of Y and Z" / "with support from Y" (support Y -> X); "X, aided by Y"
    (support Y -> X); "X, part of Y" / "X is a member of Y" (affiliation X -> Y); "Y, made up of A, B
    and C" / "Y includes A and B" (affiliation A -> Y, B -> Y)."""
    words = tie_words()
    sd: Doc = doc.parsed
    out: list[Relation] = []

    def add(rtype: str, src: Mention, tgt: Mention, cue: Token, gov: Token, method: str) -> None:
        if src.actor_id == tgt.actor_id:
            return
        c = cert.classify(gov).value
        if c != "negated":
            out.append(_make(doc, rtype, src, tgt, cue, _status(gov, c), c, method=method))

    pos, dep, lemmas_, lower = pos_tags(sd), deps(sd), lemmas(sd), lowers(sd)
    for i, tok in enumerate(tokens(sd)):
        if pos[i] not in _TIE_POS and dep[i] != "pobj":
            continue  # every rule below needs a noun, verb or adjective, or a prepositional object
        # each rule's first test reads the tables (`tok.pos_` and the like look the string up at each call)
        lemma, upos = lemmas_[i], pos[i]
        if upos == "NOUN" and lemma in words.support_nouns:
            patrons = ms.named([x for o in support_givers(tok) for x in conjuncts(o)])
            gov = tok.head
            client = None
            if tok.dep_ == "dobj" and gov.lemma_.lower() in words.receiving_verbs:
                client = _theme(gov, ms)
            elif tok.dep_ == "pobj" and (
                (gov.lower_ == "with" and gov.head.pos_ in ("VERB", "AUX"))
                or (gov.lower_ in ("on", "upon") and gov.head.lemma_.lower() in words.receiving_verbs)
            ):
                gov = gov.head
                client = _theme(gov, ms)
            elif tok.dep_ == "pobj" and gov.lower_ == "with" and gov.head.pos_ in ("NOUN", "PROPN"):
                # "X, with backing from Y, retook the town": the phrase describes the noun it hangs off
                client = _noun_itself(gov.head, ms, gov)
                gov = tok
            if client is not None:
                for p in patrons:
                    add("support", p, client, tok, gov, "support-noun")
        elif upos == "VERB" and dep[i] == "acl" and lemma in words.supply_participles \
                and supplied_materiel(tok, words) is not None:
            # "bombed the villages with jets supplied by Russia": the supplier backs whoever uses the materiel
            patrons = ms.named([x for a in tok.children if a.dep_ == "agent"
                                for p in a.children if p.dep_ == "pobj" for x in conjuncts(p)])
            user = _materiel_user(tok.head, ms) if patrons else None
            if user is not None:
                for p in patrons:
                    add("support", p, user, tok, tok, "supplied-materiel")
        elif (upos == "VERB" and lemma in words.support_participles or upos == "ADJ" and tok.dep_ == "acl"
              and _participle_lemma(lower[i]) in words.support_participles) and (
            tok.dep_ == "acl" or any(c.dep_ in ("auxpass", "agent") for c in tok.children) or _participle_clause(tok)
        ):  # (a participle the tagger took for an adjective still heads its clause: "X, armed and advised by Y")
            agents = [a for a in tok.children if a.dep_ == "agent"] or [  # "armed and paid by Y": the
                a for c in tok.children if c.dep_ == "conj" and c.tag_ == "VBN"  # coordinated participles
                for a in c.children if a.dep_ == "agent"]  # share the last one's agent
            # (coordinated agents, "by Y and by Z", are conjuncts of the first one's object)
            patrons = ms.named([x for a in agents for p in a.children if p.dep_ == "pobj" for x in conjuncts(p)])
            if tok.dep_ == "acl":
                client = _noun_itself(tok.head, ms, tok)
                if client is None and tok.head.dep_ == "appos":  # "X, a militia backed by Y": X
                    client = _noun_itself(tok.head.head, ms, tok.head)
            elif _participle_clause(tok):
                client = _theme(tok.head, ms)  # "Backed by Y, X retook the town": X is the main clause's subject
            else:  # "X was aided by Y": X itself, not a name inside "the fight against X"
                client = _subject_actor(tok, ms)
            if client is not None:
                for p in patrons:
                    add("support", p, client, tok, tok, "support-participle")
        elif upos == "NOUN" and (lemma in words.member_nouns or lower[i] in words.member_nouns):
            groups = []
            for x in (x for o in prep_objects(tok, ("of",)) for x in conjuncts(o)):
                if ms.at(x) is None and prep_objects(x, ("with", "against")):
                    # "part of a coalition with X and Y": the coalition, named or not; X is its partner
                    groups += [g] if (g := _noun_itself(x, ms, x)) is not None else []
                else:
                    groups += ms.named([x])
            groups = groups[:1]
            own = None
            if tok.dep_ == "appos":
                own = _noun_itself(tok.head, ms, tok)
            elif tok.dep_ in ("attr", "oprd") and tok.head.lemma_ in ("be", "become", "remain"):
                own = _theme(tok.head, ms)
            elif tok.dep_ == "pobj" and (among := among_listed(tok)):
                # "Among the members of Y are A and B": each listed actor belongs to Y
                for m in ms.named([x for t in among for x in conjuncts(t)]):
                    for g in groups:
                        add("affiliation", m, g, tok, tok.head.head, "member-noun")
            elif tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB":
                verb = tok.head.head
                obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if obj is not None and lemma == "member":
                    # "Y admitted X as members", "welcomed X as a member of Y": "as" describes the object
                    own = _phrase_actor(obj, ms)
                    # the group the phrase names itself ("of the alliance against Z" is not of Z), else
                    # the one admitting ("Y accepted X as members")
                    of = prep_objects(tok, ("of",))
                    own_groups = [grp for o in of if (grp := _noun_itself(o, ms, o)) is not None]
                    admitting = _theme(verb, ms) if not of else None
                    groups = own_groups[:1] if of else [admitting] if admitting is not None else []
                else:
                    own = _theme(verb, ms)  # "X fought as part of Y", "X served as members of Y"
            elif tok.dep_ == "nsubj" and tok.head.lemma_ in ("be", "include") and lemma != "part":
                # "Y, whose members are A, B and C" / "its members include A and B": the listed actors belong to Y
                poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                group = None
                if poss is not None and poss.lower_ == "whose":
                    clause = tok.head
                    group = _noun_itself(clause.head, ms, clause) if clause.dep_ == "relcl" else None
                elif poss is not None:
                    group = ms.at(poss)
                subjects_of = [c for c in tok.head.children if c.dep_ in ("attr", "dobj")]
                if group is not None:
                    for m in ms.named([x for t in subjects_of for x in conjuncts(t)]):
                        add("affiliation", m, group, tok, tok.head, "member-noun")
            if own is not None:
                for g in groups:
                    add("affiliation", own, g, tok, tok.head if tok.dep_ == "attr" else tok, "member-noun")
        elif upos in ("ADJ", "VERB") and lemma in words.allegiance_words:
            # "X is loyal to Y", "X, answerable to Y", "X answers to Y": X owes allegiance to Y
            lords = ms.named([x for o in allegiance_lords(tok, words) for x in conjuncts(o)])
            objects = [c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i] \
                if tok.dep_ in ("oprd", "acomp") else []
            if tok.pos_ == "VERB":
                own = _actor_of_clause(tok, ms)
            elif objects:  # "fought militiamen loyal to Y", "kept the tribes loyal to Y": the object's allegiance
                own = _noun_itself(objects[-1], ms, tok)
            elif tok.dep_ in ("acomp", "oprd"):
                own = _theme(tok.head, ms)
            elif tok.dep_ in ("amod", "acl", "appos") and tok.head.pos_ in ("NOUN", "PROPN"):
                own = _noun_itself(described_noun(tok), ms, tok)  # "the Houthis and forces loyal to Saleh"
            else:
                own = None
            if own is not None:
                for y in lords[:1]:
                    add("affiliation", own, y, tok, tok if tok.pos_ == "VERB" else tok.head, "allegiance")
        elif dep[i] == "pobj" and (place := membership_place(tok, words)) is not None:
            verb = place.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
                verb = verb.head
            own = _actor_of_clause(verb, ms) if verb.pos_ in ("VERB", "AUX") else None
            groups = ms.named([x for g in membership_groups(tok, words) for x in conjuncts(g)])[:1]
            if own is not None:
                for g in groups:
                    add("affiliation", own, g, tok, verb, "member-place")
        elif upos == "NOUN" and same_side(tok, words):
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            own = _theme(verb, ms) if verb.pos_ in ("VERB", "AUX") else None
            if own is not None:
                for other in ms.named([x for o in same_side_objects(tok) for x in conjuncts(o)]):
                    add("alliance", own, other, tok, verb, "same-side")
        elif upos == "VERB" and lemma in words.reliance_verbs:
            # "X relied on the UAE for drones", "the army relies on Y and on Z": each named "on" object backs X (the
            # object itself, not a name inside it: "depends on the votes of parties")
            client = _actor_of_clause(tok, ms)
            objects = [x for p in prep_objects(tok, ("on", "upon")) for x in conjuncts(p)]  # ("on Y and on Z")
            # the object's own name, or the name given it ("on local militias known as Wazalendo"); not a name
            # inside it ("counting on a weakening of the rebels")
            patrons = ms.named([x for x in [*objects, *(n for x in objects for n in named_as(x))] if ms.at(x)])
            if client is not None:
                for patron in patrons:
                    add("support", patron, client, tok, tok, "reliance")
        elif upos == "VERB" and (listed := list_members(tok, words)) is not None:
            # the group is the noun the list describes ("the X Alliance, made up of ..."), not a name
            # modifying another noun ("ISIL targets, which include ...")
            group = ms.at(tok.head) if tok.dep_ in ("acl", "relcl", "prep") else _theme(tok, ms)
            members = ms.named([y for t in listed for x in conjuncts(t) for y in _item_names(x, ms)])
            if group is not None:
                for m in members:
                    add("affiliation", m, group, tok, tok, "member-list")
    return out


def _object_of_the_governing_verb(cue: Token, head: Token | None) -> bool:
    """`head` stands in the object of the verb whose purpose clause the support verb `cue` heads ("struck X's
    positions to help Y"), and that verb leaves the purpose to its subject (not "paid X to help Y":
    `infinitive_object_control` of cues.yaml)."""
    if head is None or cue.pos_ != "VERB" or cue.dep_ not in ("advcl", "xcomp"):
        return False
    verb = cue.head
    if verb.lemma_.lower() in INFINITIVE_CONTROL:
        return False
    return any(o.dep_ == "dobj" and o.left_edge.i <= head.i <= o.right_edge.i for o in verb.children)


def _noun_modifier_participle(tok: Token) -> bool:
    """A past participle modifying a noun after it ("the Western-backed government", "the armed group"): the tie it
    states is between the noun and the participle's own modifier, whatever stands around the phrase."""
    return tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")


def _item_names(item: Token, ms: _Mentions) -> list[Token]:
    """The phrases naming a listed item: the item itself, but when it is another's part or partner only its
    apposition, its own compound name or its "of" object ("al-Qaeda's Syrian branch, the Nusra Front": neither the
    owner nor the country; "a wing of X": X, in part)."""
    if ms.at(item) is not None or item.pos_ != "NOUN" or not tie_noun(item):
        return [item]
    return [c for c in item.children if c.dep_ in ("appos", "compound")] + prep_objects(item, ("of",))


def _explicit(doc: Document, ms: _Mentions) -> list[Relation]:
    sd: Doc = doc.parsed
    tie_ms = ms.unsheltered()  # the tie phrases' own actors, hidden from the clauses around them
    out: list[Relation] = _modifiers(doc, tie_ms) + _ties(doc, tie_ms) + _joint(doc, ms) + _truces(doc, ms)
    out += _relational_descriptions(doc, ms)
    noun_cues, for_cues = tie_words().noun_cues, tie_words().for_cues
    secession, joint_adverbs = tie_words().secession_modifiers, tie_words().joint_adverbs
    pos, dep, lowers_, lemmas_ = pos_tags(sd), deps(sd), lowers(sd), lemmas(sd)
    for i, tok in enumerate(tokens(sd)):
        if pos[i] not in _TIE_POS and dep[i] != "prep":
            continue  # every rule below needs a noun, verb or adjective, or a preposition
        low, lemma, upos = lowers_[i], lemmas_[i], pos[i]  # the rules' first tests read the tables
        if upos in ("VERB", "ADJ") and lemma in VERB_CUES:
            rtype, _ = VERB_CUES[lemma]
            if rtype == "hostility":
                continue  # fighting verbs are events; their hostility is derived from the event
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or tok.tag_ == "VBN"
            agent = next((p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            if lemma in SUPPORT_VERBS_PASSIVE and passive and agent is not None:
                patron = ms.in_subtree(agent)
                # the client is what the subject phrase names itself: "X's deployment in Y was funded
                # by Z" supports X, not the place Y inside the phrase
                client = _subject_actor(tok, ms)
                if patron and client and patron.actor_id != client.actor_id:
                    c = cert.classify(tok).value
                    out.append(_make(doc, "support", patron, client, tok, _status(tok, c), c, method="passive-support"))
                continue
            if lemma in SUPPORT_VERBS_PASSIVE and tok.pos_ == "VERB" and not passive:
                continue  # active support verbs are AID/SUPPORT events
            if _misread_modifier(tok):
                continue  # "... with the army and allied militias", parsed as "X seized ... and allied militias"
            if lemma == "join" and _joined_in_an_act(tok, doc):
                rtype = "alliance"  # "joined the army in an offensive": fighting beside it, not membership
            if lemma == "join" and any(c.dep_ == "dobj" and c.lemma_.lower() in JOINED_BODIES for c in tok.children):
                rtype = "alliance"  # "joined forces with Y", "joined hands with Y": an alliance, not membership
            if lemma == "link" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
                rtype = "alliance"  # "link up with Y": forces joining in the field, not membership of Y
            linked = next((c for c in tok.children if c.dep_ == "dobj"), None) if lemma in LINKING_VERBS else None
            if tok.dep_ == "amod" and tok.i < tok.head.i:
                if i in ms.modifier_cues:
                    continue  # "A, the Saudi-backed B and C": B's patron is named, A is none of B's or C's
                # "the army and allied militias": a modifier ties its noun to the phrase it is
                # coordinated with, never to the clause's subject
                a, b = _modified_pair(tok, ms)
            elif linked is not None:
                # "Washington links the group to al-Qaeda": the group is tied to al-Qaeda, on Washington's word
                a = _relative_antecedent(linked, ms) if linked.lower_ in RELATIVE_PRONOUNS else ms.in_subtree(linked)
                b = next((m for p in prep_objects(tok, ("to", "with")) if (m := ms.in_subtree(p))), None)
            else:
                a, b = _theme(tok, ms), _partner(tok, ms)
            if rtype in ("affiliation", "alliance") and _partial_subject(tok):
                continue  # "some of X's fighters joined Y": a part of X, not X, joined
            if a and b:
                c = cert.classify(tok).value
                if c == "negated" or cert.expected(tok):
                    continue
                if linked is not None and c == "asserted":
                    c = "reported"  # the subject says so
                for x in [a, *ms.coordinated(a)]:  # "A and B belong to Y": both do
                    if x.actor_id != b.actor_id:
                        out.append(_make(doc, rtype, x, b, tok, _status(tok, c), c))
            continue
        if dep[i] == "prep" and low == "on" and tok.head.pos_ == "VERB":
            # "fought on Kyiv's side", "on the side of the army", "on behalf of X": allies in the fight
            a = _theme(tok.head, ms)
            # "signed on behalf of the government": one acting for another in word or signature speaks for it;
            # only in a fight is the one it acts for an ally ("attacked their positions on the army's behalf")
            fight = tok.head.lemma_.lower() in HOSTILE_CUES
            sides = [p for p in tok.children if p.dep_ == "pobj" and (p.lemma_.lower() in SIDE_NOUNS
                     and (fight or p.lemma_.lower() != "behalf") or fight and own_front(p))]
            owners = [o for p in sides for o in [*(k for k in p.children if k.dep_ == "poss"),
                                                 *prep_objects(p, ("of",))]]
            c = cert.classify(tok.head).value
            for b in ms.named([x for o in owners for x in conjuncts(o)]):
                if a is not None and b.actor_id != a.actor_id and c != "negated":
                    out.append(_make(doc, "alliance", a, b, tok, _status(tok.head, c), c, method="alongside"))
            continue
        if dep[i] == "prep" and tok.head.pos_ == "VERB" and (
                low in ("alongside", "beside") or low == "with" and companion_with(tok.head)
                and not any(c.lower_ in joint_adverbs for c in (*tok.children, *tok.head.children))):
            # "fought alongside X", "fought with X against Y", "side by side with X": allies in the fight ("together
            # with X" is `_joint`'s); the partner is the phrase's own actor, not one named in a clause describing it
            # ("alongside a committee chaired by a U.S. general")
            a = _theme(tok.head, ms)
            # "alongside its contingent in the UN force": the subject's own unit is no partner
            pobjs = [x for p in tok.children if p.dep_ == "pobj" for x in conjuncts(p)
                     if not (a is not None and any(c.dep_ == "poss" and (o := ms.at(c)) is not None
                                                   and o.actor_id == a.actor_id for c in x.children))]
            described = {t.i for x in pobjs for c in x.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
            # one fought against in the same clause is no partner in it ("fight beside them against the junta")
            opponents = {m.actor_id for m in ms.named([x for p in prep_objects(tok.head, ("against",))
                                                       for x in conjuncts(p)])}
            partners = [m for m in ms.named(pobjs) if not _within(m, described, ms) and m.actor_id not in opponents]
            c = cert.classify(tok.head).value
            # "X and Y fought alongside Z": each of the coordinated subjects is Z's ally
            subject = next((s for s in tok.head.children if s.dep_ in ("nsubj", "nsubjpass")
                            and s.lower_ not in ("which", "who", "that")), None)
            sides = [a, *(m for m in ms.named(conjuncts(subject)[1:]) if a is None or m.actor_id != a.actor_id)] \
                if subject is not None else [a]
            for side in sides:
                for b in partners:
                    if side is not None and b.actor_id != side.actor_id:
                        out.append(_make(doc, "alliance", side, b, tok, _status(tok.head, c), c, method="alongside"))
            continue
        for_cue = upos == "NOUN" and low in for_cues and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)  # "X, a front for Y"
        if upos == "NOUN" and lemma in ALLIANCE_NOUNS and not for_cue:
            pair = _alliance_parties(tok, ms)
            if pair is not None:
                c = cert.classify(tok).value
                if c != "negated":
                    out.append(
                        _make(doc, "alliance", pair[0], pair[1], tok, _status(tok, c), c, method="alliance-noun")
                    )
            continue
        patron_noun = upos == "NOUN" and _patron_noun(tok)
        if upos == "NOUN" and (low in noun_cues or patron_noun or for_cue):
            rtype = "support" if patron_noun else for_cues[low] if for_cue else noun_cues[low]
            preps = ("for",) if for_cue else ("of", "to")
            of = next(iter(prep_objects(tok, preps)), None)
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            owner = next(iter(relational_owner(tok)), None)  # "a US ally"
            # a "with" object only where nothing else names the other side: "Y's affiliate, X, with Z and W" is
            # a list the parser hung on the noun
            with_ = None if for_cue or poss is not None or owner is not None else next(
                iter(prep_objects(tok, ("with",))), None)
            of = of if of is not None else with_
            other = tie_ms.in_subtree(of) if of is not None else (
                tie_ms.at(poss) if poss is not None else (tie_ms.at(owner) if owner is not None else None))
            if other is None:
                continue
            own = None
            named = next((c for c in tok.children if c.dep_ == "appos"), None)
            first_object = _first_object(tok)
            if first_object is not None:
                own = tie_ms.in_subtree(first_object)  # "Turkey called the YPG an affiliate of the PKK": the YPG
            elif _set_off_object(tok):
                own = _named_before_comma(tok, tie_ms)  # "... fighters of Y (YY), the former al-Qaeda affiliate"
            elif tok.dep_ in ("attr", "oprd") and tok.head.pos_ in ("VERB", "AUX"):
                # "Kurds became enemy of FSA": what the subject is; not an object ("X crushed a faction of Y",
                # "X absorbed a faction of Y", "X blamed a faction of Y": the faction is Y's, not X)
                own = _theme(tok.head, tie_ms)
            elif tok.dep_ == "appos":
                own = tie_ms.in_subtree(tok.head)
                if any(t.pos_ in ("VERB", "AUX") for t in tok.doc[tok.head.i + 1 : tok.left_edge.i]):
                    own = None  # a clause between the noun and the description: the parser hung it on a far noun
                if own is not None and tok.left_edge.idx <= own.start < tok.right_edge.idx + len(tok.right_edge):
                    own = None  # "X, the military wing of Y's Z": an unnamed X, not the Y inside the tie phrase
                if own is not None and of is not None and poss is not None \
                        and (held := tie_ms.at(poss)) is not None and held.actor_id != own.actor_id:
                    own = None  # "with X, P's wing of Y and Z": a list, whose next item is P's part of Y, not X
                if own is not None and any(t.lower_ in ("and", "or")
                                           for t in tok.doc[max(tok.left_edge.i - 1, 0):tok.i]):
                    own = None  # "X, Y and Z's Syrian branch": the list's last item, read as a description of X
            elif named is not None and poss is not None:
                own = tie_ms.in_subtree(named)  # "Y's Somali branch, X, ...": the name after the noun
            elif poss is not None and rtype in ("alliance", "hostility"):
                # "their allies from the Wagner Group", "its allies in the GPC": who the allies are (a group
                # "in" which they are, not a country: "Iran's allies in Iraq" are no Iraqi state)
                own = next((m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "in", "among")
                            for p in c.children if p.dep_ == "pobj" and (m := tie_ms.in_subtree(p)) is not None
                            and (c.lower_ != "in" or tie_ms.actors[m.actor_id].kind not in STATE_KINDS)), None)
            elif tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_HEADS and tok.head.head.pos_ == "VERB" \
                    and tok.head.i < tok.head.head.i:
                own = _theme(tok.head.head, tie_ms)  # "Once an ally of Y, X attacked ...": X was Y's ally
            if own is None and (poss is not None or owner is not None):
                # "Y's Somali affiliate, which locals call X", "the Y affiliate known as X": the name given
                own = next((m for n in named_as(tok) if (m := tie_ms.in_subtree(n))), None)
            if own is None or own.actor_id == other.actor_id:
                continue
            c = cert.classify(tok).value
            if rtype in ("affiliation", "support"):
                src, tgt = (own, other) if rtype == "affiliation" or patron_noun else (other, own)
            else:
                src, tgt = own, other
            status = _status(tok, c)
            if rtype == "affiliation" and any(
                k.dep_ in ("amod", "compound") and k.lower_ in secession for k in tok.children
            ):
                status = "former"  # "a breakaway faction of Y": a part that left Y
            out.append(_make(doc, rtype, src, tgt, tok, status, c, method="noun-cue"))
    return out


def _relational_descriptions(doc: Document, ms: _Mentions) -> list[Relation]:
    """A relational plural the actor stage resolved to two actors states their tie: "the one-time allies"
    were allies (former), "the rivals" are enemies (nouns in `actors/words/descriptions.yaml`)."""
    sd: Doc = doc.parsed
    out: list[Relation] = []
    for (start, end), mates in ms.together.items():
        span = span_at(sd, start, end)
        if span is None or len({m.actor_id for m in mates}) != 2:
            continue
        head = span.root.lower_
        rtype = "alliance" if head in ALLY_PLURALS else "hostility" if head in RIVAL_PLURALS else None
        if rtype is None:
            continue
        former = any(w.strip("-") in FORMER_MODIFIERS for w in span.text.lower().split())
        out.append(_make(doc, rtype, mates[0], mates[1], span.root, "former" if former else "current", "asserted",
                         method="noun-cue"))
    return out


def _joint(doc: Document, ms: _Mentions) -> list[Relation]:
    """Sides that act together (word lists in `frames/data/ties.yaml`): coordinated subjects acting
    "jointly"/"together" ("X and Y jointly captured Z"), and a partner named by "jointly with Y",
    "together with Y" or "in coordination with Y" ("X, acting jointly with Y, retook the town")."""
    words = tie_words()
    sd: Doc = doc.parsed
    out: list[Relation] = []
    for tok in tokens(sd):
        low = tok.lower_
        first: Mention | None = None
        if low in words.joint_adverbs and tok.dep_ == "advmod" and tok.head.pos_ == "VERB":
            verb = tok.head
            partners = [p for holder in (tok, verb) for p in prep_objects(holder, ("with",))]
        elif low in words.joint_adverbs and tok.dep_ == "advmod" and tok.head.lower_ == "with":
            holder = tok.head.head  # what "together with Y" hangs off
            partners = [p for p in tok.head.children if p.dep_ == "pobj"]
            if holder.pos_ == "VERB":
                verb = holder  # "X launched an alliance together with Y"
            elif holder.pos_ in ("NOUN", "PROPN") and holder.head.pos_ in ("VERB", "AUX"):
                verb = holder.head  # "X, together with Y, held the pass": the phrase hangs off X's own noun
                first = _noun_itself(holder, ms, tok.head)
            else:
                continue
        elif tok.dep_ == "pobj" and tok.lemma_.lower() in words.joint_nouns and tok.head.lower_ == "in" \
                and tok.head.head.pos_ == "VERB":
            verb = tok.head.head
            partners = prep_objects(tok, ("with",))
        else:
            continue
        c = cert.classify(verb).value
        if c == "negated":
            continue
        first = first or _actor_of_clause(verb, ms)
        if first is None or _quoted_pronoun(first, sd):
            continue
        if partners:
            for other in ms.named([x for p in partners for x in conjuncts(p)]):
                if other.actor_id != first.actor_id:
                    out.append(_make(doc, "alliance", first, other, tok, _status(verb, c), c, method="joint"))
            continue
        if low not in words.joint_adverbs:
            continue
        side = [first, *ms.coordinated(first)]
        for i, a in enumerate(side):
            for b in side[i + 1:]:
                out.append(_make(doc, "alliance", a, b, tok, _status(verb, c), c, method="joint"))
    return out


def _truces(doc: Document, ms: _Mentions) -> list[Relation]:
    """The sides of a truce are enemies (word lists in `frames/data/ties.yaml`): "a ceasefire between
    X and Y", "X agreed a truce with Y", "X signed a ceasefire with Y", "X and Y declared a truce",
    "urged X to accept a truce with Y". Whoever brokers, urges or welcomes a truce is no side of it."""
    words = tie_words()
    sd: Doc = doc.parsed
    out: list[Relation] = []
    for tok in tokens(sd):
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in words.truce_nouns:
            continue
        gov = tok.head
        between = ms.named([x for o in prep_objects(tok, ("between",)) for x in conjuncts(o)])
        sides: list[tuple[Mention, Mention]] = []
        if len(between) >= 2:
            sides = [(a, b) for i, a in enumerate(between) for b in between[i + 1:]]
        elif tok.dep_ in ("dobj", "nsubjpass") and gov.pos_ == "VERB" and gov.lemma_.lower() in words.pact_verbs:
            own = _actor_of_clause(gov, ms) if tok.dep_ == "dobj" else None
            if gov.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in gov.children):
                # "urged X to accept a truce", "called on X to sign a truce": X, not the urger, signs
                ctl = [c for c in gov.head.children if c.dep_ == "dobj"] + prep_objects(gov.head, ("on", "upon"))
                if ctl:
                    own = ms.in_subtree(ctl[0])
            others = ms.named([x for h in (tok, gov) for o in prep_objects(h, ("with",)) for x in conjuncts(o)])
            if own is not None:
                side = [own, *ms.coordinated(own)]
                if others:
                    sides = [(own, o) for o in others]
                elif len(side) >= 2:
                    sides = [(a, b) for i, a in enumerate(side) for b in side[i + 1:]]
        else:
            continue
        # the fighting a truce pauses is presupposed: it holds whether the truce is agreed, refused
        # or only urged, so only a source's hedge carries over
        c = cert.classify(gov if gov.pos_ == "VERB" else tok).value
        if c in ("negated", "hypothetical"):
            c = "asserted"
        for a, b in sides:
            if a.actor_id != b.actor_id:
                out.append(_make(doc, "hostility", a, b, tok, "current", c, method="truce"))
    return out


def _quoted_pronoun(m: Mention, sd: Doc) -> bool:
    """A third-person pronoun inside direct speech ('"They fought with us," X said'): whom the
    speaker means is not resolved well enough to state a tie."""
    span = span_at(sd, m.start, m.end)
    return span is not None and len(span) == 1 and span[0].lower_ in PRONOUNS and _in_quote(span[0])


def _actor_of_clause(verb: Token, ms: _Mentions) -> Mention | None:
    """Who acts in a clause: its subject, or for a participle describing a noun ("X, acting with Y")
    the actor that noun names."""
    if verb.dep_ == "acl":
        return _noun_itself(verb.head, ms, verb)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return _theme(verb, ms)
    if subj.lower_ in ("which", "who", "that"):
        return _relative_antecedent(subj, ms)
    m = _phrase_actor(subj, ms)
    if m is None and subj.lower_ in SPEAKER_PRONOUNS and verb.dep_ == "ccomp" and verb.head.pos_ == "VERB" \
            and verb.head.lemma_.lower() in cert.REPORT_VERBS:
        return _theme(verb.head, ms)  # "X said he was launching ...": the speaker
    return m


RECIPROCAL = (("each", "other"), ("one", "another"))


def _in_no_particular(tok: Token | None) -> bool:
    """Whether a name lies inside a phrase of no particular act ("any attack on Y"), below its clause's verb."""
    while tok is not None and tok.head != tok and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
        if no_particular(tok):
            return True
    return False


def _mutual(verb: Token) -> bool:
    """"X and Y clashed", "X and Y exchanged fire": a verb whose plural subject, with no one else to fight
    ("with Z", "against Z", an object), can only mean each other (`mutual_verbs`, `exchange_verbs`)."""
    words = tie_words()
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if any(c.dep_ == "prep" and c.lower_ in ("with", "against", "alongside", "beside") for c in kids):
        return False
    objects = [c for c in kids if c.dep_ == "dobj"]
    if lemma in words.mutual_verbs:
        return not objects
    return lemma in words.exchange_verbs and len(objects) == 1 \
        and (objects[0].lemma_.lower() in words.exchanged_fire_nouns or objects[0].lower_ in words.exchanged_fire_nouns)


def _reciprocal(doc: Document, ms: _Mentions, e: Event, rtype: str) -> list[Relation]:
    """"X and Y fought each other" / "... attacked one another": the coordinated subjects are the
    two sides of the event the trigger names."""
    sd: Doc = doc.parsed
    if e.actor1_mention is None or e.actor1 is None:
        return []
    span = span_at(sd, e.trigger.start, e.trigger.end)
    if span is None:
        return []
    tok = span[0]
    objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "prep")]
    objs += [p for c in objs if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    words = [{o.lower_, *(d.lower_ for d in o.children if d.dep_ in ("det", "amod"))} for o in objs]
    if not any(set(pair) <= w for w in words for pair in RECIPROCAL) and not _mutual(tok):
        return []
    first = Mention(e.actor1_mention.start, e.actor1_mention.end, e.actor1_mention.text, e.actor1)
    side = [first, *ms.coordinated(first)]
    c = e.certainty
    status = "intended" if c == "hypothetical" else _status(tok, c)
    return [
        _make(doc, rtype, a, b, tok, status, c, derived_from=e.id, method="reciprocal")
        for i, a in enumerate(side) for b in side[i + 1:]
    ]


def _before_own_clause(m: Mention, mates: list[Mention], tok: Token) -> list[Mention]:
    """The actors coordinated with a relative clause's antecedent that the clause holding the trigger describes:
    those listed before the clause ("A, B and C, which back Y"), not those after it ("A, which backs Y, and B";
    "A, which Y arms, and B")."""
    clause = tok
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head  # "which has moved to Tobruk and backs Y"
    if clause.dep_ != "relcl":
        return mates
    noun = clause.head
    if m.start <= noun.idx < m.end:
        return [x for x in mates if x.start < clause.left_edge.idx]
    # "A, which backs Y, and B, which sits in Z": B, with a relative clause of its own, is the list's next item,
    # whatever the parser coordinated it with
    return [x for x in mates if x.start < tok.idx or not _has_own_clause(tok.doc, x)]


def _has_own_clause(sd: Doc, m: Mention) -> bool:
    """Whether the mention's noun carries a relative clause of its own ("B, which sits in Z")."""
    span = span_at(sd, m.start, m.end)
    return span is not None and any(c.dep_ == "relcl" for c in span.root.children)


def _reinforced_force(tok: Token, e: Event) -> bool:
    """A verb of reinforcing whose object names an armed force ("reinforced the Syrian army", "Y's troops were
    reinforced by X") and holds the event's second party: another side's men, not an abstract thing ("reinforces
    the coalition's resolve") nor a party the event guessed from elsewhere."""
    if tok.lemma_.lower() not in REINFORCING_VERBS or e.actor2_mention is None:
        return False
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or not {obj.lower_, obj.lemma_.lower()} & AGENT_HEADS:
        return False
    return obj.left_edge.idx <= e.actor2_mention.start and e.actor2_mention.end <= obj.idx + len(obj.text)


def _derived(doc: Document, ms: _Mentions) -> list[Relation]:
    out = []
    sd = doc.parsed
    settings = Parties(doc, ms)
    tie_ms = ms.unsheltered()  # the patrons of support phrases, hidden from the events
    surrender = tie_words().surrender_verbs
    for e in doc.events:
        tok = span_at(sd, e.trigger.start, e.trigger.end)[0]
        rtype = DERIVED.get(e.plover)
        if e.plover in ("RETREAT", "CONCEDE") and e.actor2 is not None and tok.lemma_.lower() in surrender:
            rtype = "hostility"  # "X surrendered to Y": Y is the enemy X gives up to
        seizure = e.plover == "COERCE" and e.plover_mode == "seize" and e.actor2 is None  # "X and Y seized the town"
        if e.plover == "MOBILIZE" and e.actor2 not in (None, e.actor1) and _reinforced_force(tok, e):
            rtype = "support"  # "Hezbollah fighters reinforced the Syrian army": X adds its men to Y's side
        if (rtype is None and not seizure) or e.certainty == "negated":
            continue
        if rtype in ("alliance", "affiliation", "support") and cert.expected(tok):
            continue  # "many fear X might merge with Y": an expected tie, not one stated
        if e.actor2 is None:
            mutual = _reciprocal(doc, ms, e, rtype) if rtype is not None else []
            out.extend(mutual)
            one_sided = e.plover in ("ASSAULT", "COERCE")
            if not mutual and one_sided and e.actor1_mention is not None and e.actor1 is not None:
                agent = Mention(e.actor1_mention.start, e.actor1_mention.end, e.actor1_mention.text, e.actor1)
                status = "intended" if e.certainty == "hypothetical" else "current"
                out.extend(_attack_sides(doc, ms, tie_ms, settings, e, tok, agent, None, status))
            continue
        if rtype is None:
            continue
        kinds = {ms.actors[a].kind for a in (e.actor1, e.actor2) if a in ms.actors}
        if "civilians" in kinds or "protesters" in kinds:
            continue
        m1 = (
            Mention(e.actor1_mention.start, e.actor1_mention.end, e.actor1_mention.text, e.actor1)
            if e.actor1_mention and e.actor1
            else None
        )
        m2 = (
            Mention(e.actor2_mention.start, e.actor2_mention.end, e.actor2_mention.text, e.actor2)
            if e.actor2_mention
            else None
        )
        if m1 is None or m2 is None:
            continue
        if e.plover == "SUPPORT" and tok.lemma_.lower() not in MATERIAL_SUPPORT:
            continue  # praise, thanks, endorsement: PLOVER's verbal support is no patron-client tie
        if rtype == "support" and settings.proposer(m2):
            continue  # "X backed a Qatari peace plan": X backs the plan, Qatar is no client of X
        if e.plover == "COOPERATE" and tok.lemma_.lower() not in tie_words().alliance_predicates:
            continue  # "X, who leads Y", "X governed Y": cooperation in CAMEO's sense, no alliance
        if e.plover == "COOPERATE" and list_members(tok):
            continue  # "the Front unites A, B and C": the list verb states membership (`_ties`), no alliance
        if rtype == "hostility" and (judge := _judged(tok)) is not None and _is_subject_of(m1, judge, settings):
            # "the US condemns X's attacks against Y": the attack is X's, not the speaker's
            m1 = _attack_owner(tok, ms)
            if m1 is None or m1.actor_id == m2.actor_id:
                continue
        if not (settings.is_party(m1) and settings.is_party(m2)):
            continue
        if rtype == "hostility" and settings.supported(m2, tok):
            rtype = "support"  # "air raids ... in support of the Afghan army"
        elif rtype != "hostility" and settings.opposed(m2, tok):
            rtype = "hostility"  # "backed the campaign against ISIL": ISIL is the enemy
        status = _status(tok, e.certainty)  # ("had fought X", "last fought X in 2004": a tie that ended)
        if e.plover == "ASSAULT" and rtype == "hostility":
            out.extend(_attack_sides(doc, ms, tie_ms, settings, e, tok, m1, m2, status))
        # one event per pair in PLOVER; the coordinated actors on either side take part in it too (a relative
        # clause's subject side stops at the clause: "A, which backs Y, and B" says nothing of B)
        for a in [m1, *_before_own_clause(m1, ms.coordinated(m1), tok)]:
            for b in [m2, *_before_own_clause(m2, ms.coordinated(m2), tok)]:
                if a.actor_id == b.actor_id or not (settings.is_party(a) and settings.is_party(b)):
                    continue
                out.append(
                    _make(doc, rtype, a, b, tok, status, e.certainty, derived_from=e.id,
                          confidence=e.confidence * 0.9, method=f"derived-{e.plover}")
                )
    return out


def _clause_backers(verb: Token, agent: Token | None, tie_ms: _Mentions) -> list[Mention]:
    """The patrons a support construction names for the agent of `verb`'s clause: "Backed by Y, X
    attacked Z", "X, aided by Y, attacked Z", "X, with support from Y, attacked Z", "X attacked Z
    with the backing of Y" (word lists in `frames/data/ties.yaml`)."""
    words = tie_words()
    holders = [verb, *([agent] if agent is not None else [])]
    found: list[Token] = []
    for h in holders:
        for c in h.children:
            if c.pos_ == "VERB" and c.lemma_.lower() in words.support_participles \
                    and (c.dep_ == "acl" if h is agent else _participle_clause(c)):
                found += [p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "with":
                for n in c.children:
                    if n.dep_ == "pobj" and n.lemma_.lower() in words.support_nouns:
                        found += support_givers(n)
    return tie_ms.named([x for p in found for x in conjuncts(p)])


def _clause_partners(verb: Token, agent: Token | None, tie_ms: _Mentions) -> list[Mention]:
    """The partners a phrase of joint action names for the agent of `verb`'s clause: "X, acting
    jointly with Y, took Z", "X, together with Y, attacked Z", "X attacked Z in coordination with
    Y", "X fought Z alongside Y" (word lists `joint_adverbs`, `joint_nouns` in `frames/data/ties.yaml`)."""
    words = tie_words()
    found: list[Token] = []

    def read(h: Token) -> None:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "alongside":
                found.extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "with" and any(
                a.dep_ == "advmod" and a.lower_ in words.joint_adverbs for a in (*c.children, *h.children)
            ):
                found.extend(p for p in c.children if p.dep_ == "pobj")  # "together with Y", "jointly with Y"
            elif c.dep_ == "prep" and c.lower_ == "in":
                for n in c.children:
                    if n.dep_ == "pobj" and n.lemma_.lower() in words.joint_nouns:
                        found.extend(prep_objects(n, ("with",)))  # "in coordination with Y"

    read(verb)
    if agent is not None:
        read(agent)  # "X, together with Y, ..." hangs off X's own noun
        for c in agent.children:
            if c.dep_ == "acl" and c.pos_ == "VERB":
                read(c)  # "X, acting jointly with Y, ..."
    return tie_ms.named([x for p in found for x in conjuncts(p)])


# coordinators and pre-coordinators of alternatives (the grammar's disjunctive coordination)
DISJUNCTIVE = frozenset({("cc", "or"), ("cc", "nor"), ("preconj", "either"), ("preconj", "neither")})


def _disjunction(tok: Token) -> bool:
    """True when the coordination `tok` heads is a disjunction or a joint negation ("X or Y",
    "either X or Y", "neither X nor Y"): its conjuncts are alternatives, not partners."""
    for t in (tok, *tok.conjuncts):
        for c in t.children:
            if (c.dep_, c.lower_) in DISJUNCTIVE:
                return True
    return False


def _fought_against(verb: Token, opponent: Token | None) -> bool:
    """A reciprocal verb whose opponent the clause names in its object or an "against" phrase ("X and Y
    fought side by side against Z"): the co-agents are no two sides, they fight Z together."""
    if opponent is None or verb not in opponent.ancestors:
        return False
    if opponent.dep_ == "dobj" and opponent.head == verb:
        return True
    cur = opponent
    while cur != verb:
        if cur.dep_ == "pobj" and cur.head.lower_ == "against":
            return True
        cur = cur.head
    return False


def _attack_sides(
    doc: Document, ms: _Mentions, tie_ms: _Mentions, settings: Parties, e: Event, tok: Token, m1: Mention,
    m2: Mention | None, status: str,
) -> list[Relation]:
    """The sides of a one-sided attack beyond its agent and target: coordinated agents of a
    non-reciprocal attack, or of a seizure of ground, act together ("X and Y stormed the town", "X
    and Y took over the town": an alliance; "X and Y clashed" is
    no alliance, Levin's reciprocal verbs in `frames/data/ties.yaml`), and a patron the clause names
    for the agent is a side in the attack ("X, backed by Y, attacked Z": Y is hostile to Z too)."""
    words = tie_words()
    head = settings.head(m1)
    head = phrase_head(head) if head is not None else None  # "Somali government forces": the phrase's head noun
    if head is None or not (
        (head.dep_ == "nsubj" and head.head == tok) or (head.dep_ == "pobj" and head.head.dep_ == "agent"
                                                         and head.head.head == tok)
    ):
        return []  # the agent must be the attack verb's own subject (or its by-agent)
    out: list[Relation] = []
    # a clause listing the agent's members ("the bloc, whose members include A, B and C", which the
    # parser may hang off the agent as "the bloc ... B and C"): no co-agents after it
    limit = description_start(head)
    side = [a for a in [m1, *ms.coordinated(m1)] if settings.is_party(a)
            and (a is m1 or limit is None or a.start < head.doc[limit].idx)]
    opponent = settings.head(m2) if m2 is not None else None
    if tok.pos_ == "VERB" and (tok.lemma_.lower() not in words.reciprocal_verbs or _fought_against(tok, opponent)) \
            and m1 in side and not _disjunction(head):
        for i, a in enumerate(side):
            for b in side[i + 1:]:
                if a.actor_id != b.actor_id:
                    out.append(_make(doc, "alliance", a, b, tok, status, e.certainty, derived_from=e.id,
                                     confidence=e.confidence * 0.8, method="co-agents"))
    target = settings.head(m2) if m2 is not None else None
    if m2 is not None and target is not None and tok.pos_ == "VERB" and not (
        target.pos_ == "ADJ" and not {target.head.lower_, target.head.lemma_.lower()} & AGENT_HEADS
    ):  # "recaptured an Iraqi village": a nationality adjective on a place names no side
        ids = {a.actor_id for a in side} | {m2.actor_id}
        agent = head if head.dep_ == "nsubj" else None
        for p in _clause_backers(tok, agent, tie_ms):
            if p.actor_id not in ids and settings.is_party(p):
                ids.add(p.actor_id)
                out.append(_make(doc, "hostility", p, m2, tok, status, e.certainty, derived_from=e.id,
                                 confidence=e.confidence * 0.8, method="backed-attack"))
        for p in _clause_partners(tok, agent, tie_ms):
            if p.actor_id not in ids and settings.is_party(p):
                ids.add(p.actor_id)
                out.append(_make(doc, "hostility", p, m2, tok, status, e.certainty, derived_from=e.id,
                                 confidence=e.confidence * 0.8, method="joint-attack"))
    return out


def _prize(tok: Token | None) -> bool:
    """The object of "for" on a noun of fighting ("the battle for Mosul", "the fight for control of
    Sanaa"): the place or thing fought over."""
    while tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":
        tok = tok.head.head  # "for control of X"
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "for" \
        and tok.head.head.lemma_.lower() in tie_words().joint_act_nouns


def _joined_in_an_act(verb: Token, doc: Document) -> bool:
    """"X joined Y in an offensive": the "in" object is an event the report tells (an attack, a
    battle, a campaign), so X takes part in it with Y rather than becoming part of Y."""
    starts = {e.trigger.start for e in doc.events}
    acts = tie_words().joint_act_nouns
    return any(
        p.idx in starts or p.lemma_.lower() in acts
        for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
        for p in c.children if p.dep_ == "pobj"
    )


def _misread_modifier(tok: Token) -> bool:
    """A tie participle the parser read as a coordinated verb with an object ("fighting with the army
    and allied militias" -> "allied" a verb of its own): "ally" takes its partner with "with" or
    "to", or a reflexive object ("allied itself with"), never a plain object."""
    if tok.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to")]
    return bool(objs) and not preps and not any(o.lower_.endswith(("self", "selves")) for o in objs)


def _modified_pair(cue: Token, ms: _Mentions) -> tuple[Mention | None, Mention | None]:
    """The sides a prenominal tie participle states ("Congolese soldiers and allied militias"):
    the noun it modifies and the phrase that noun is coordinated after; none without one."""
    noun = cue.head
    own = ms.in_subtree(noun)
    other = ms.in_subtree(noun.head) if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") else None
    return own, other


def _owner_of_relational(tok: Token | None) -> Token | None:
    """The relational noun `tok` names the other side of ("the al-Qaeda affiliate", "Iran's
    allies"): the phrase's referent is the noun's, not `tok`'s. None when there is none."""
    if tok is None:
        return None
    while tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i != tok.i:
        tok = tok.head  # "al" of "al-Qaeda"
    noun = tok.head
    relational = tok.dep_ in ("compound", "poss") and noun.i != tok.i and noun.pos_ == "NOUN" and _relational(noun)
    return noun if relational else None


def _first_object(noun: Token) -> Token | None:
    """The object an object predicate describes ("called the YPG an affiliate of the PKK", "designated the
    Houthis a proxy of Iran": the YPG, the Houthis), when the noun is the second of a verb's two objects
    with no comma between them."""
    verb = noun.head
    if noun.dep_ not in ("oprd", "dobj") or verb.pos_ != "VERB" or _after_comma(noun):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < noun.i), None)


def _after_comma(noun: Token) -> bool:
    """The noun's phrase follows a comma ("..., the former al-Qaeda affiliate")."""
    left = noun.left_edge.i
    return left > 0 and noun.doc[left - 1].text == ","


def _named_before_comma(noun: Token, ms: _Mentions) -> Mention | None:
    """The actor named right before the comma that sets `noun` off (past a bracketed acronym)."""
    sd, start = noun.doc, sentence_of(noun).start
    i = noun.left_edge.i - 2  # the token before the comma
    if i >= start and sd[i].text == ")":  # "Y (YY), the ...": back past the brackets
        while i >= start and sd[i].text != "(":
            i -= 1
        i -= 1
    return ms.at(sd[i]) if i >= start else None


def _set_off_object(noun: Token) -> bool:
    """An object the parser gave a verb that has one already, or set off by a comma ("accused X of
    sheltering fighters of Y, the former al-Qaeda affiliate"): an apposition to the name before it, not
    what the verb's subject is."""
    return noun.dep_ == "dobj" and (
        _after_comma(noun) or any(c.dep_ == "dobj" and c.i != noun.i for c in noun.head.children))


def _closed_in_relative(tok: Token | None, cue: Token) -> bool:
    """`tok` is inside a relative clause that ends before `cue` (so the cue is not its clause's)."""
    cur = tok
    while cur is not None and cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return cue.i not in {t.i for t in cur.subtree}
        cur = cur.head
    return False


def _according_to(settings: Parties, m: Mention) -> bool:
    """The mention is the source a report is credited to ("..., according to the coalition")."""
    head = settings.head(m)
    return head is not None and head.dep_ == "pobj" and head.head.lower_ == "to" \
        and head.head.head.lower_ == "according"


def _reporting_subject(settings: Parties, m: Mention) -> bool:
    """The mention is the subject of a reporting verb ("..., the UN says")."""
    head = settings.head(m)
    return head is not None and head.dep_ == "nsubj" and head.head.lemma_.lower() in cert.REPORT_VERBS


def _is_subject_of(m: Mention, verb: Token, settings: Parties) -> bool:
    head = settings.head(m)
    return head is not None and head.dep_ in ("nsubj", "nsubjpass") and head.head == verb


def _attack_owner(tok: Token, ms: _Mentions) -> Mention | None:
    """The actor naming an attack noun ("ISIL's attack", "the ISIL attack"), or the first attack of
    its coordination ("the ISIL attack ... and other attacks against Y")."""
    for noun in (tok, *([tok.head] if tok.dep_ == "conj" else []), *(a for a in tok.ancestors if a.dep_ != "conj")):
        if noun.pos_ not in ("NOUN", "PROPN"):
            break
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "nmod", "amod") and (m := ms.by_token.get(c.i)) is not None:
                return m
    return None


def _key(r: Relation) -> tuple[str, tuple[str, ...], int]:
    pair = tuple(sorted((r.source, r.target))) if r.type in SYMMETRIC else (r.source, r.target)
    return (r.type, pair, r.evidence.start)


def extract_relations(doc: Document) -> Document:
    """Adds `relations` to a parsed document with actors and events."""
    sd: Doc = doc.parsed
    if sd is None or len(doc.actors) < 2:
        return doc
    ms = _Mentions.of(doc, sd)
    rels = _explicit(doc, ms)
    explicit_keys = {_key(r) for r in rels}
    # a former alliance stated in a sentence wins over an alliance derived from the same sentence
    for r in _derived(doc, ms):
        if _key(r) not in explicit_keys:
            rels.append(r)
            explicit_keys.add(_key(r))
    # last, the weakest evidence: a cue word between two neighbouring actors of a sentence
    pairs = {(frozenset((r.source, r.target)), r.evidence.start) for r in rels}
    for r in _between(doc, ms):
        if (frozenset((r.source, r.target)), r.evidence.start) not in pairs:
            rels.append(r)
            pairs.add((frozenset((r.source, r.target)), r.evidence.start))
    # mention-level hostility ("strikes" -> "vehicles"), unless a relation above already links those spans
    for r in mention_hostility(doc, ms):
        if not any(_same_mentions(r, o) for o in rels):
            rels.append(r)
    # two unnamed armed sides ("insurgents ... the rebels") are most often one side named twice: no tie;
    # civilians are no body one joins or allies with ("Lakurawa, made up largely of armed herders")
    # what a group is made of, told by a description ("made up largely of Tutsi officers"), is no member body
    unnamed = {a.id for a in doc.actors if _unnamed_side(a)}
    civilians = {a.id for a in doc.actors if a.kind == "civilians"}
    described = {a.id for a in doc.actors if not a.known and all(m.how in ("generic", "coref") for m in a.mentions)}
    rels = [r for r in rels if not {r.source, r.target} <= unnamed
            and not (r.type in ("affiliation", "alliance") and {r.source, r.target} & civilians)
            and not (r.method == "member-list" and {r.source, r.target} & described)]
    named: list[Relation] = []
    for r in (_name_pronouns(doc, r) for r in rels):
        if not any(_same_mentions(r, o) and (r.source, r.target) == (o.source, o.target) for o in named):
            named.append(r)
    return dataclasses.replace(doc, relations=tuple(named))


PRONOUNS = frozenset("it its they them their he him his she her".split())


def _patron_noun(tok: Token) -> bool:
    """A relational noun whose holder is the patron: "backer", "sponsor", or a "supplier" of arms."""
    words = tie_words()
    low = tok.lower_
    if low in words.patron_nouns:
        return True
    return low in words.supplier_nouns and any(
        c.dep_ in ("compound", "amod") and c.lower_ in words.supplier_qualifiers
        for c in tok.children
    )


def _unnamed_side(actor: Actor) -> bool:
    """An armed side the text never names ("Rebels (unidentified)", "Unidentified armed group")."""
    return not actor.known and actor.kind in ("rebel", "militia") \
        and all(m.how in ("generic", "coref") for m in actor.mentions)


def _name_pronouns(doc: Document, r: Relation) -> Relation:
    """A pronoun argument whose actor is named earlier in the sentence is shown by that name
    ("Iraqi forces held their positions against X": Iraqi forces, not "their")."""
    spans = []
    for actor_id, span in ((r.source, r.source_mention), (r.target, r.target_mention)):
        actor = doc.actor(actor_id)
        if span is not None and actor is not None and span.text.lower() in PRONOUNS:
            before = [
                m for m in actor.mentions
                if r.evidence.start <= m.start and m.end <= span.start and m.text.lower() not in PRONOUNS
            ]
            if before:
                span = Span(before[-1].start, before[-1].end, before[-1].text)
        spans.append(span)
    return dataclasses.replace(r, source_mention=spans[0], target_mention=spans[1])


def _overlap(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _same_mentions(a: Relation, b: Relation) -> bool:
    """Two relations of one type between overlapping mention spans (either direction if symmetric)."""
    if a.type != b.type:
        return False
    if _overlap(a.source_mention, b.source_mention) and _overlap(a.target_mention, b.target_mention):
        return True
    return a.type in SYMMETRIC and _overlap(a.source_mention, b.target_mention) and _overlap(
        a.target_mention, b.source_mention
    )


def _destination(tok: Token | None) -> bool:
    """A name that is where something is sent ("sent troops to Mali", "deployed advisers into Iraq")."""
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into") \
        and tok.head.head.lemma_.lower() in SENDING_VERBS


def _between(doc: Document, ms: _Mentions) -> list[Relation]:
    """Neighbouring actor mentions joined by a hostile or cooperative cue ("strikes against ISIL").

    Only adjacent pairs (no other actor between them), at most 12 tokens apart, in the same
    clause chain; the cue's certainty applies. Lower confidence than syntactic relations.
    """
    sd: Doc = doc.parsed
    out: list[Relation] = []
    settings = Parties(doc, ms)
    all_toks = tokens(sd)
    for sent in sentences(sd):
        runs: list[tuple[Mention, int, int]] = []  # (mention, first token, last token)
        for i in range(sent.start, sent.end):
            m = ms.by_token.get(i)
            if m is None:
                continue
            if runs and runs[-1][0] is m:
                runs[-1] = (m, runs[-1][1], i)
            else:
                runs.append((m, i, i))
        for (m1, _, e1), (m2, s2, _) in zip(runs, runs[1:], strict=False):
            if m1.actor_id == m2.actor_id or s2 - e1 > 12:
                continue
            kinds = {ms.actors[a].kind for a in (m1.actor_id, m2.actor_id) if a in ms.actors}
            if "civilians" in kinds:
                continue
            gap = all_toks[e1 + 1 : s2]
            if any(t.lower_ in (";", "and", "or", "while", "but") or t.text == ")" for t in gap):
                continue
            if any(t.dep_ == "mark" and t.head.pos_ in ("VERB", "AUX") and t.head.i > t.i for t in gap):
                continue  # "X will be allies again once Y and Z make a deal": Y is in another clause
            if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SOURCE_VERBS for t in gap):
                continue  # "the UN says the group's offensive ...": a speaker is no party to what it reports
            if any(t.lemma_.lower() in cert.ACCUSING_VERBS and (t.pos_ == "VERB" or t.dep_ in ("relcl", "ROOT"))
                   for t in gap):  # (the tagger may read "accuse" in a relative clause as a noun)
                continue  # "X, which Y accuses of sending troops to help Z": the accuser is no party to the deed
            by = settings.head(m1)
            while by is not None and by.dep_ in ("compound", "amod", "nmod") and by.head.i > by.i:
                by = by.head  # "by UN experts", "by Sudanese army officers": the phrase's noun
            if by is not None and by.dep_ == "pobj" and by.head.dep_ == "agent" \
                    and by.head.head.lemma_.lower() in cert.ACCUSING_VERBS:
                continue  # "X was accused by Y of getting arms from Z": the accuser is no party to the deed
            if any(t.pos_ == "VERB" and t.lemma_.lower() in CONDEMN_VERBS for t in gap):
                continue  # "X condemns the attacks against Y": X judges them, X does not attack Y
            if any(no_particular(t) for t in gap) or any(_in_no_particular(settings.head(m)) for m in (m1, m2)):
                continue  # "X warned that any attack on Y would ...": no act, no side
            if any((t.lemma_.lower() in SIDE_NOUNS or own_front(t)) and t.head.lower_ == "on" for t in gap):
                continue  # "X fought on behalf of Y", "on the side of Y", "on its front lines": Y is whom X fights for
            if any(t.lower_ == "with" and t.dep_ == "prep" and companion_with(t.head) for t in gap):
                continue  # "X fought side by side with Y": Y fights beside X
            # a modifier tie's cue ("the US-backed SDF") states its own tie, read by `_modifiers`: no cue between
            # its noun and a name before it ("the YPG, the backbone of the US-backed SDF")
            # ... nor does a participle modifying a noun whose backer is no actor ("the threat to the Western-backed
            # government": the West backs the government; the names around it are not its two sides)
            cues = [t for t in gap if t.i not in ms.modifier_cues and not _noun_modifier_participle(t)]
            cue = next((t for t in cues if t.lemma_.lower() in HOSTILE_CUES or t.lower_ in HOSTILE_CUES), None)
            rtype = "hostility"
            if cue is not None and any(t.i > cue.i and t.dep_ == "prep" and t.lower_ in ("alongside", "beside")
                                       for t in gap):
                continue  # "X crossed over to fight alongside Y": Y is X's companion in the fight
            if cue is not None and any(t.i > cue.i and t.lemma_.lower() in SUPPORT_CUES for t in gap):
                continue  # "joined the fight to back Y": Y is backed, not fought; cue words cannot tell which
            if cue is not None and any(t.dep_ == "prep" and t.lower_ == "under" and t.head == cue for t in gap):
                continue  # "X fought the insurgents under a joint task force Y": whom one fights under is one's side
            if cue is not None and cue.pos_ == "VERB" and companion_with(cue) \
                    and not _fought_against(cue, settings.head(m2)):
                continue  # "X and Y fought side by side in May, when they ...": done together, no opponent named
            if cue is None:
                # "took back the town": the particle of a phrasal verb is no cue of support
                # a noun is a cue in its sense of help ("with the support of") or as the plural of what is
                # provided ("shipped arms to", "funds"): "the political arm of Y" is a wing, no arming
                cue = next((t for t in cues if t.lemma_.lower() in SUPPORT_CUES and t.dep_ not in ("prt", "advmod")
                            and (t.pos_ != "NOUN" or t.tag_ == "NNS" or t.lemma_.lower() in tie_words().support_nouns)),
                           None)
                rtype = "support"
                if cue is not None and cue.dep_ == "pobj" and cue.head.lower_ == "in":
                    continue  # "strikes on X in support of Y": the supporter is who strikes, not X
                if cue is not None and cue.dep_ == "dobj" and any(c.dep_ == "prt" for c in cue.head.children):
                    continue  # "took up arms", "laid down their arms": a phrasal verb's object, nothing given
            if cue is None:
                cue = next((t for t in cues if t.lemma_.lower() in ALLY_CUES), None)
                rtype = "alliance"
            if cue is None:
                continue
            if rtype == "alliance" and cue.dep_ == "prep" and cue.head.pos_ in ("VERB", "AUX"):
                continue  # "fight X alongside Y": Y stands with the verb's subject (the "alongside" rule), not X
            if rtype != "hostility" and any(t.i > cue.i and t.pos_ == "VERB" for t in gap):
                continue  # "coordinate efforts to counter Y": Y belongs to another predicate
            if rtype == "support" and _object_of_the_governing_verb(cue, settings.head(m1)):
                continue  # "jets struck X's positions to help Y": the purpose is the striker's, X is struck
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PRON" and t.head == cue for t in gap):
                continue  # "X believes it cooperates with Y": the cue's own subject stands between, not X
            receiving = next((t for t in gap if t.pos_ == "VERB" and t.lemma_.lower() in OBTAIN_VERBS), None)
            if receiving is not None:
                if rtype != "support" or not any(t.i > receiving.i and t.lower_ == "from" for t in gap):
                    continue  # "X, which received Y's envoy": who gives what to whom is not told here
                m1, m2 = m2, m1  # "X, which received arms from Y": Y supports X
            if any((noun := _owner_of_relational(settings.head(m))) is not None and noun != cue for m in (m1, m2)):
                continue  # "the al-Qaeda affiliate fought Y": the affiliate fights, not al-Qaeda
            head1, head2 = settings.head(m1), settings.head(m2)
            if head1 is not None and head1.dep_ == "poss" and _owner_of_relational(head1) == cue \
                    and head2 is not None and not cue.left_edge.i <= head2.i <= cue.right_edge.i:
                continue  # "X and its allies out of Y": X's partners are the allies, and Y is no name of them
            if any(settings.proposer(m) and settings.head(m) != cue for m in (m1, m2)):
                continue  # "signed an AU truce to end the war with Y": the AU proposes, it does not fight
            if _prize(head2):
                continue  # "the battle for northern Mali": what is fought over, not who
            if head2 is not None and head2.dep_ == "poss" and (o := ms.at(head2.head)) is not None \
                    and o.actor_id != m2.actor_id:
                continue  # "Moscow backed Rakhmonov's government": the government, not the man who heads it
            if rtype == "hostility" and _third_party_agent(head1):
                continue  # "launchers provided by the US against Russian positions": the supplier is no side
            if _closed_in_relative(head1, cue):
                continue  # "X, a militia which the UAE backed, attacked Y": the UAE is not who attacks
            if any(_reporting_subject(settings, m) or _according_to(settings, m) for m in (m1, m2)):
                continue  # "jets struck the town, the Pentagon said", "..., according to the coalition"
            if _destination(head1):
                continue  # "X sent troops to Y to fight Z": Y is where they go, X fights Z
            c = cert.classify(cue).value
            if c == "negated" or not (settings.is_party(m1) and settings.is_party(m2)):
                continue
            if rtype == "hostility" and settings.supported(m2, cue):
                continue  # "strikes in support of X": X is not the target
            if rtype == "support" and cue.pos_ == "VERB" and receiving is None \
                    and any(c.dep_ == "agent" and c.i < s2 for c in cue.children):
                if head1 is not None and head1.dep_ == "pobj":
                    continue  # "the fight against X will be aided by Y": the fight is helped, not X
                m1, m2 = m2, m1  # "X, whose fighters are trained by Y": the by-agent is the patron
            out.append(_make(doc, rtype, m1, m2, cue, _status(cue, c), c, confidence=0.4, method="between"))
    return out


__all__ = ["extract_relations", "Event"]
