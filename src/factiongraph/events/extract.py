"""Events: who did what to whom, from triggers in the lexicon and roles from the parse.

For each verb or event noun the lexicon knows, the roles come from syntax:
- active verbs: subject -> actor1, direct object or "against/on/with" object -> actor2;
- passive verbs: "by" agent -> actor1, subject -> actor2;
- verbs without a subject (coordinated, controlled, participles) inherit the governing clause's;
- event nouns: possessor, "by" agent or the governing verb's subject -> actor1,
  "against/on/with" object -> actor2 ("an offensive by X against Y", "X's attack on Y").
Descriptions give no endpoints: what a thing helped or paid for belongs to is its possessor ("X's
mission in Y is funded by Z": Z helps X); a noun phrase fronted before the subject ("Once a US ally,
X ..."), the agent's own phrases, partners in its joint force ("the X-Y task force") and the
nationality of a place taken ("retook Iraqi villages") are never its target; a relational noun
("Iran's allies") is not the other side of its tie.
A trigger is no event of its own when the sentence does not tell it as done: the content of a
noun ("an offer to host talks"), the purpose of another event ("demanded a meeting to discuss X"),
the condition of one ("unless X signs"), or the complement of a request ("urged X to withdraw").
Certainty, attribution, date, place and fatalities are then attached to each event.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Sequence
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from factiongraph.actors import lexicon as lx
from factiongraph.actors.wordlists import words
from factiongraph.document import Actor, Document, Event, Mention, Place, Span, as_certainty, as_plover
from factiongraph.events import certainty as cert
from factiongraph.events.acled import acled_type
from factiongraph.events.dates import event_date
from factiongraph.events.fatalities import fatalities_near, find_fatality_spans
from factiongraph.events.lexicon import Lexicon, TriggerSense
from factiongraph.events.location import clause_place, is_locative, not_a_scene
from factiongraph.frames import (
    PROPOSER_DEPS,
    ModifierTie,
    compass_region,
    conjuncts,
    control_verb,
    listed_after,
    may_be_it,
    modifier_ties,
    prep_objects,
    proposer,
    relational_owner,
    sheltered_tokens,
    supplied_materiel,
    tie_words,
    whole_and_part,
)
from factiongraph.frames.tokens import (
    children,
    deps,
    heads,
    lemmas,
    lowers,
    pos_tags,
    sentence_of,
    sentences,
    span_at,
    span_tokens,
    subtree,
    text_of,
    texts,
    tokens,
)
from factiongraph.tables import word_set

TARGET_PREPS = frozenset(["against", "on", "upon", "with", "at", "into"])
OBTAIN_VERBS = word_set("cues", "obtain_verbs")
WEAPON_NOUNS = word_set("cues", "weapon_nouns")
PROPOSAL_NOUNS = tie_words().proposal_nouns
TRANSFER_VERBS = word_set("cues", "transfer_verbs")
GROUP_NAME_HEADS = words("names", "group_name_heads")
# participles whose agent backs or brokers what the noun names, and so is never that noun ("the accord,
# mediated by X", "a militia armed by X"): the support verbs, and the verbs of PLOVER's MEDIATE mode
# "the accord, mediated by the OAU", "fighters backed by Iran", "missiles sent by Germany": a third party's tie to
# the phrase, whose doer is no actor the phrase names
THIRD_PARTY_PARTICIPLES = word_set("cues", "support_verbs") | {"mediate", "broker"} | tie_words().supply_participles
TERRITORY_VERBS = word_set("cues", "territory_verbs")
CONDITIONAL_TARGET_VERBS = frozenset("threaten warn vow demand urge ultimatum".split())
AGENT_HEADS = lx.STATE_AGENT_NOUNS | lx.GENERIC_ARMED.keys() | {"fighters", "men", "members", "ranks", "wing", "units"}
DYING_VERBS = word_set("cues", "dying_verbs")  # the subject is who dies, never who kills
ONE_SIDED = frozenset({"MOBILIZE", "PROTEST", "RETREAT"})
DISARMING_VERBS = frozenset(
    "defuse dismantle intercept disarm deactivate neutralise neutralize seize confiscate recover discover find "
    "foil thwart clear".split()
)
FRAME_NOUNS = frozenset("effort mission campaign bid initiative drive attempt operation".split())
LAUNCH_VERBS = word_set("relation_mentions", "launch_verbs")  # "launched X": X is the attack
LIGHT_VERBS = frozenset(
    "launch undertake begin start lead make conduct carry mount pursue continue embark head spearhead initiate".split()
)
OBLIGATION_SENSE = TriggerSense("REQUEST", None, 0.7, "modal")
BACKGROUND_MARKS = frozenset("after before when while as since because until once though although".split())
STATEMENTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "AGREE"})
ACCUSED_PREPS = frozenset({"over", "about", "against", "of"})
STATIVE_PARTICIPLES = frozenset({"engage", "involve"})
QUANTITY_NOUNS = frozenset(
    "kg kilogram kilo ton tonne pound litre liter gallon barrel worth amount number lot quantity shipment "
    "consignment load batch cargo convoy package dozen hundred thousand million $ dollar euro".split()
)
LEADER_CUES = frozenset({"led", "commanded"})  # "<X>-led <forces>": the leader acts for a side it does not name
NAMING_VERBS = frozenset("call name dub term".split())  # with an object predicate ("called them X") they name
GROUP_NOUNS = frozenset("mission team group delegation contingent batch detachment".split())
ADVERB_PARTICLES = frozenset("back out off away over".split())  # particles the parser may tag as adverbs
SPEAKER_PRONOUNS = frozenset("he she it they we".split())
FIRST_PERSON = frozenset("i we".split())
OPEN_QUOTES, CLOSE_QUOTES, BOTH_QUOTES = frozenset("“‘"), frozenset("”’"), frozenset("\"")


GUESSED_FACTOR = 0.75  # a participant taken from salience rather than syntax
ONE_SIDED_FACTOR = 0.5  # an ACLED event with a participant unnamed
SIDE_CLAUSE_FACTOR = 0.7  # an event told in an adverbial or relative clause: background to the main one
CASUALTY_VERBS = frozenset("kill die wound injure hurt".split())
MIN_ONE_SIDED_CONFIDENCE = 0.2
NEEDS_SIDES = frozenset({"Armed clash", "Change to group/activity"})
CERTAINTY_FACTOR = {
    "asserted": 1.0,
    "reported": 0.9,
    "hedged": 0.7,
    "disputed": 0.6,
    "speculative": 0.5,
    "hypothetical": 0.5,
    "negated": 0.4,
}

Locator = Callable[[Document, int, int], Place | None]
# a trigger whose participants the syntax leaves incomplete: (trigger token, the token whose span is
# the trigger, its sense, certainty, actor1, actor2), kept until the sentence is read
_Pending = tuple[Token, Token, TriggerSense, "cert.Certainty", Mention | None, Mention | None]


def _in_quote(tok: Token) -> bool:
    """Whether `tok` stands inside a direct quotation of its sentence."""
    inside = False
    for t in span_tokens(sentence_of(tok)):
        if t.i >= tok.i:
            return inside
        if t.text in OPEN_QUOTES:
            inside = True
        elif t.text in CLOSE_QUOTES:
            inside = False
        elif t.text in BOTH_QUOTES:
            inside = not inside
    return inside


class _Mentions:
    """Token index -> actor mention, for one parsed document."""

    def __init__(self, doc: Document, sd: SpacyDoc) -> None:
        self.sd = sd
        self.by_token: dict[int, Mention] = {}
        self.actors: dict[str, Actor] = {a.id: a for a in doc.actors}
        # "the two groups": one description that names several actors, a mention of each on one span
        self.together: dict[tuple[int, int], list[Mention]] = {}
        for a in doc.actors:
            for m in a.mentions:
                self.together.setdefault((m.start, m.end), []).append(m)
        self.together = {k: v for k, v in self.together.items() if len(v) > 1}
        for a in doc.actors:
            for m in a.mentions:
                span = span_at(sd, m.start, m.end)
                if span is None:
                    continue
                for i in range(span.start, span.end):  # by index: iterating the Span makes its Tokens
                    self.by_token[i] = m
        # "the US-backed SDF": the actor inside the modifier is a party to the tie the modifier
        # states (relations read `modifier_ties`), never an argument of the clause
        self.modifier_ties: list[ModifierTie] = modifier_ties(sd, self.by_token.get)
        # their cue words ("backed" of "the Saudi-backed X"): each states its own tie, no cue of another reading
        self.modifier_cues: frozenset[int] = frozenset(tie.cue for tie in self.modifier_ties)
        self.in_modifier: dict[int, Mention] = {}
        # "Vietnamese-led forces attacked": unnamed forces under X's lead act for X in events (`for_events`)
        self.leaders: dict[int, Mention] = {}
        self.first_conjunct = False  # events read "US and British forces" as the first-named actor
        self.tie_sides = False  # events never read "Iran's allies" or "allies of the army" as Iran or the army
        for tie in self.modifier_ties:
            # "the Nigerian-led ECOMOG force": the force is named (ECOMOG), its leader does not act for it
            leader = sd[tie.cue].lower_ in LEADER_CUES and not self._named_head(sd[tie.head], tie.modifier)
            span = span_at(sd, tie.modifier.start, tie.modifier.end)
            for i in range(span.start, span.end) if span is not None else ():
                if self.by_token.get(i) is tie.modifier:
                    self.in_modifier[i] = self.by_token.pop(i)
                    if leader:
                        self.leaders[i] = self.in_modifier[i]
        # "X, aided by Y", "X, part of Y", "Y, made up of A and B", "with support from Y": the actors
        # such a phrase names are parties to the tie it states, not arguments of the clause around it
        self.sheltered: dict[int, Mention] = {}
        hidden = {h for i in sheltered_tokens(sd) if (h := self.by_token.get(i)) is not None}
        hidden |= {x for h in list(hidden) for x in listed_after(h, self.by_token.get, sd)}
        for i, mention in list(self.by_token.items()):
            if mention in hidden:
                self.sheltered[i] = self.by_token.pop(i)

    def person(self, actor_id: str) -> bool:
        """Whether an actor is a person the text names: no registry actor, and a name the recogniser
        tagged as a person (a person is no body one is a member of)."""
        actor = self.actors.get(actor_id)
        if actor is None or actor.registry_id is not None or actor.kind != "other":
            return False
        return any(m.how in ("ner", "alias") and (span := span_at(self.sd, m.start, m.end)) is not None
                   and span.root.ent_type_ == "PERSON" for m in actor.mentions)  # (a later use of the name too)

    def _named_head(self, head: Token, modifier: Mention) -> bool:
        """Whether a modified noun names an actor itself or by a name in compound ("the ECOMOG force")."""
        if self.by_token.get(head.i) is not None:
            return True
        return any(c.dep_ in ("compound", "nmod") and (m := self.by_token.get(c.i)) is not None and m is not modifier
                   for c in head.children)  # fmt: skip

    def named(self, toks: list[Token]) -> list[Mention]:
        """The actors a list of phrases names, once each, in order (with the list's surface continuation)."""
        out: list[Mention] = []
        for t in toks:
            m = self.at(t) or self.in_subtree(t)
            for x in [*self.with_mates(m), *listed_after(m, self.by_token.get, t.doc)] if m is not None else []:
                if all(x.actor_id != o.actor_id for o in out):
                    out.append(x)
        return out

    def coordinated(self, m: Mention) -> list[Mention]:
        """Other actors coordinated with `m` ("X, Y and Z attacked ..."): conjuncts of its phrase in the
        parse, and the list's surface continuation where the parser split it."""
        span = span_at(self.sd, m.start, m.end)
        if span is None:
            return []
        out: list[Mention] = []
        mates = self.with_mates(m)[1:]
        for x in [*mates, *self.named(conjuncts(span.root)[1:]), *listed_after(m, self.by_token.get, self.sd)]:
            if x.actor_id != m.actor_id and all(x.actor_id != o.actor_id for o in out):
                out.append(x)
        return out

    def with_mates(self, m: Mention) -> list[Mention]:
        """`m` and the other actors its span names ("the two groups": both of them), `m` first."""
        mates = self.together.get((m.start, m.end))
        if not mates:
            return [m]
        return [m, *(x for x in mates if x.actor_id != m.actor_id)]

    def for_events(self) -> _Mentions:
        """The index as event roles read it: the leader of unnamed "<X>-led" forces stands for them, a
        head whose modifiers name coordinated actors stands for the first-named one, and a relational
        noun ("allies", "proxies") never stands for the other side of its tie."""
        view = copy.copy(self)
        view.by_token = {**self.by_token, **self.leaders}
        view.first_conjunct = True
        view.tie_sides = True
        return view

    def unsheltered(self) -> _Mentions:
        """The same index with the actors of tie phrases visible again (for the tie constructions)."""
        if not self.sheltered:
            return self
        view = copy.copy(self)
        view.by_token = {**self.by_token, **self.sheltered}
        view.sheltered = {}
        return view

    @classmethod
    def of(cls, doc: Document, sd: SpacyDoc) -> _Mentions:
        """The index for this document's actors, built once and shared by the events and relations stages."""
        cached = sd.user_data.get("factiongraph_mentions")
        if cached is not None and cached[0] is doc.actors and isinstance(cached[1], _Mentions):
            return cached[1]
        ms = cls(doc, sd)
        sd.user_data["factiongraph_mentions"] = (doc.actors, ms)
        return ms

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def _where(self, prep: Token) -> bool:
        """A preposition of place whose object is a state named bare ("in Mali", "near Iraq")."""
        if prep.dep_ != "prep" or prep.lower_ not in _WHERE_PREPS:
            return False
        for obj in prep.children:
            m = self.at(obj) if obj.dep_ == "pobj" and obj.pos_ == "PROPN" else None
            actor = self.actors.get(m.actor_id) if m is not None else None
            if actor is not None and actor.kind in ("state", "foreign_state"):
                return True
        return False

    def in_subtree(self, tok: Token) -> Mention | None:
        """The actor a phrase names: the head itself, its modifiers, then anything below it."""
        m = self.at(tok)
        if m is not None and self.first_conjunct:
            for c in tok.children:  # "US and British forces": the first of coordinated modifiers comes first
                first = self.at(c) if c.dep_ in ("nmod", "compound", "amod") and c.i < tok.i else None
                if first is not None and first.end <= m.start and any(k.dep_ == "conj" for k in c.children):
                    return first
        if m is not None:
            return m
        # the phrase's words are read from the per-Doc tables: each walk of `.children` or `.subtree`
        # makes new Tokens, and the stages ask this of most phrases
        sd, i = tok.doc, tok.i
        toks, head, kids = tokens(sd), heads(sd), children(sd)
        dep, lower, lemma = deps(sd), lowers(sd), lemmas(sd)
        at = self.by_token.get
        # "the group's fighters" are the group; "the CIA's jihadis" are not the CIA
        agentive = lemma[i] in AGENT_HEADS or lower[i] in AGENT_HEADS
        skip = {t for c in kids[i] if dep[c] == "poss" and not agentive for t in subtree(sd, c)}
        if self.tie_sides and _relational(tok):
            # "Iran's allies", "allies of the army", "a US proxy": the other side of the tie
            skip |= {t for c in kids[i] if dep[c] == "poss" or dep[c] == "prep" and lower[c] == "of"
                     for t in subtree(sd, c)}  # fmt: skip
            skip |= {t.i for c in relational_owner(tok) for t in c.subtree}
        for k in kids[i]:
            if dep[k] in ("compound", "poss", "amod", "nmod", "appos") and k not in skip and at(k) is not None:
                return at(k)
        below = subtree(sd, i)
        # "..., the Syrian Observatory said": the source of a report is not a participant
        # and an apposition deep inside a phrase ("a hospital in Idlib, the Observatory ...") is not either
        skip |= {
            x
            for t in below
            if (dep[t] == "nsubj" and toks[head[t]].lemma_ in cert.REPORT_VERBS) or (dep[t] == "appos" and head[t] != i)
            for x in subtree(sd, t)
        }
        # "rebels in Mali": a country named where a group is, is where it is, not who it is
        skip |= {x for c in kids[i] if self._where(toks[c]) for x in subtree(sd, c)}
        # "gunships flown by South Africa's Dyck Advisory Group": the owner of a named body is whose it
        # is; the phrase names the body
        skip |= {x for t in below if dep[t] == "poss" and (o := at(head[t])) is not None and o is not at(t)
                 for x in subtree(sd, t)}
        # "the Palipehutu movement of Agathon Rwasa": the movement, not the man who leads it
        skip |= {x for c in below if dep[c] == "prep" and lower[c] == "of" and lemma[head[c]] in GROUP_NAME_HEADS
                 for p in kids[c] if dep[p] == "pobj" and toks[p].ent_type_ == "PERSON" for x in subtree(sd, p)}
        # "the accord, mediated by the OAU", "fighters backed by Iran": a third party's tie to the phrase
        skip |= {x for c in kids[i] if dep[c] == "acl" and lemma[c] in THIRD_PARTY_PARTICIPLES
                 for x in subtree(sd, c)}
        # "the brigade, deployed under a UN mandate": who authorised or proposed is not who acts (a name modifying
        # the phrase's own noun is whose it is: "rejected Egypt's proposal")
        skip |= {x for t in below if dep[t] in PROPOSER_DEPS and head[t] != i and head[head[t]] != i
                 and proposer(toks[t]) for x in subtree(sd, t)}
        for j in below:
            if dep[j] in ("relcl",) or j in skip:
                continue
            m = at(j)
            if m is not None and not _inside_relcl(toks[j], tok):
                return m
        return None


_WHERE_PREPS = frozenset("in at near around across throughout inside outside".split())


def _relational(noun: Token) -> bool:
    """A noun naming one side of a tie ("allies", "partner", "proxies", "rivals"): its possessor and
    its "of" object are the other side, never the side it names."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    words = tie_words()
    cues = words.noun_cues
    if noun.lower_ in words.distinct_member_nouns:
        return True  # "the al-Qaeda affiliate": another group than al-Qaeda
    return cues.get(noun.lower_, cues.get(noun.lemma_.lower())) in ("alliance", "hostility", "support")


def _each_other(verb: Token) -> bool:
    """The verb's object is reciprocal ("fought each other", "clashed with one another"): its
    subject names both sides, so the event is told in full without a second argument."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(
        o.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in o.children)
        for o in objs
    )


def _relational_subject_owners(verb: Token) -> set[int]:
    """Tokens naming the other side of a relational subject ("the al-Qaeda affiliate fought ...",
    "Iran's allies in Iraq attacked ..."), or where it is: never a guess for who acted."""
    return {
        t.i
        for s in verb.children
        if s.dep_ in ("nsubj", "nsubjpass") and _relational(s)
        for c in s.children
        if c.dep_ in ("compound", "poss", "amod", "nmod") or c.dep_ == "prep" and (c.lower_ == "of"
                                                                                   or c.lower_ in _WHERE_PREPS)
        for t in c.subtree
    }


def _inside_relcl(t: Token, top: Token) -> bool:
    """Whether a clause boundary stands between `t` and `top` (the walk up reads the per-Doc tables)."""
    head, dep = heads(t.doc), deps(t.doc)
    cur = t.i
    while cur != top.i and head[cur] != cur:
        if dep[cur] in ("relcl", "advcl", "ccomp"):
            return True
        cur = head[cur]
    return False


def _speaker(verb: Token, ms: _Mentions) -> Mention | None:
    """The actor named in the subject of a reporting verb (the first one in the phrase)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return next((ms.at(t) for t in subj.subtree if ms.at(t) is not None), None)


def _stative(verb: Token) -> bool:
    """'were engaged in fighting', 'is involved in talks': a participle of state, whose grammatical
    subject is the doer, not a passive."""
    return verb.lemma_.lower() in STATIVE_PARTICIPLES and any(
        c.dep_ == "prep" and c.lower_ == "in" for c in verb.children
    )


def _is_passive(verb: Token) -> bool:
    """The verb has a passive subject or auxiliary ("was struck"), or is a past participle with a
    by-agent ("X, helped by Y, ...", which the parser may take for the main verb), or is a verb of dying
    whose subject undergoes it ("four soldiers died": Levin 1993, 48.2 verbs of disappearance)."""
    sd = verb.doc  # read from the per-Doc tables: no Token objects for the children
    dep, kids = deps(sd), children(sd)[verb.i]
    if any(dep[c] in ("nsubjpass", "auxpass") for c in kids) or (
        verb.tag_ == "VBN" and any(dep[c] == "agent" for c in kids)
    ):
        return True
    if lemmas(sd)[verb.i] in DYING_VERBS:
        return True
    if verb.tag_ in ("VBN", "VBD") and not any(dep[c] in ("aux", "dobj") for c in kids) and any(
        dep[c] == "conj" and c <= verb.i + 2 and sd[c].tag_ == "VBN" and any(dep[k] == "agent" for k in children(sd)[c])
        for c in kids
    ):
        return True  # "troops trained and paid by Y pushed on": the parser took the first participle for the verb
    # "X was trained and armed by Y": a participle coordinated with a passive verb shares its auxiliaries, up to
    # the by-agent that closes them ("X trained and equipped by Y pushed into Z": "pushed" is X's own verb)
    if not (verb.tag_ == "VBN" and dep[verb.i] == "conj" and verb.head.pos_ == "VERB"
            and not any(dep[c] in ("nsubj", "aux") for c in kids)):
        return False
    head = verb.head.i
    closed = any(dep[k] == "agent" and k < verb.i for c in (head, *children(sd)[head]) for k in children(sd)[c])
    return not closed and _is_passive(verb.head)


def _by_agent(verb: Token) -> bool:
    """A passive verb whose by-agent is told, on it or on a participle it is coordinated with."""
    return _is_passive(verb) and any(c.dep_ == "agent" for v in (verb, *_shared_passive(verb)) for c in v.children)


def _shared_passive(verb: Token) -> list[Token]:
    """The passive verbs `verb` is coordinated with ("trained and armed by Y"), which share its subject
    and by-agent."""
    out = [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN" and _is_passive(c)]
    if verb.dep_ == "conj" and _is_passive(verb) and verb.head.pos_ == "VERB":
        out.append(verb.head)
    return out


def _subject(verb: Token, ms: _Mentions, depth: int = 0) -> Mention | None:
    """The actor doing `verb`, inherited from the governing clause when the verb has no subject."""
    if depth > 4:
        return None
    passive = _is_passive(verb)
    if passive and _stative(verb):
        return next((ms.in_subtree(c) for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive:
        for v in (verb, *_shared_passive(verb)):  # "trained and armed by Y": Y trains too
            for c in v.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return ms.in_subtree(p)
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    fronted = _fronted_description(verb)
    for c in (s for s in subjects if fronted is None or s.i != fronted.i):
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
                if _settlement(verb.head) and ms.at(verb.head) is None:
                    return None  # "the Qatar-brokered ceasefire that paused the war with X": the broker ends nothing
                return ms.in_subtree(verb.head)
            if _settlement(c) and ms.at(c) is None:
                # "the accord, brokered by X, gives Y ...": a settlement does what it provides, not its broker
                return None
            m = ms.in_subtree(c)
            own = c.lemma_.lower() in AGENT_HEADS and any(
                k.dep_ == "poss" and k.lower_ in ("their", "its", "his", "her", "our") for k in c.children
            )
            if m is None and (c.lower_ in SPEAKER_PRONOUNS or own) and verb.dep_ == "ccomp" \
                    and verb.head.lemma_.lower() not in cert.BELIEF_VERBS:
                if _in_quote(c) and c.lower_ not in FIRST_PERSON:
                    return None  # '"They are shelling us," X said': in direct speech only "we" is X
                said = next((k for k in verb.head.children if k.dep_ == "nsubj"), None)
                if c.lower_ == "it" and said is not None and not may_be_it(said):
                    return None  # "officials say it receives arms": not the officials
                return _speaker(verb.head, ms)  # "X said they / their forces would ...": X
            return m
    if (gov := _control_verb(verb)) is not None:
        # the accused, or no one named: never the accuser ("accuses neighbouring Chad of ...": the parser may
        # leave the accused only as the noun the "of" phrase hangs on)
        return _object_controller(gov, ms) or _of_phrase_holder(verb, ms)
    if (doer := infinitive_controller(verb)) is not None:  # "paid local men to fight Y": the men fight
        return ms.in_subtree(doer)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        m = ms.in_subtree(verb.head)  # "jihadis fighting the cannibals"
        if m is not None or verb.head.dep_ not in ("dobj", "pobj"):
            return m
        # "issued a declaration demanding ...": the declaration's author demands
    if verb.dep_ in ("conj", "xcomp", "advcl", "relcl", "ccomp", "pcomp", "acl", "dobj", "pobj", "prep"):
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head != head:
            head = head.head
        if head == verb:
            return None
        if verb.dep_ == "conj" and head.pos_ == "VERB" and _is_passive(head) and not _stative(head):
            # "X is armed by Y and fights Z": the subject both verbs share is X, not the agent Y (also the
            # one the parser took for the first participle's active subject: "X trained by Y pushed into Z")
            return next((ms.in_subtree(c) for c in head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        return _subject(head, ms, depth + 1)
    return None


# "on X's side", "on the side of X", "on behalf of X": the party one acts for (the prepositional idioms of
# taking a side, from the grammar of "side" and "behalf" as relational nouns)
SIDE_NOUNS = frozenset(["side", "behalf"])
# Verbs whose object, not subject, did what their "of/for V-ing" names: "X accuses Y of arming Z"
OBJECT_CONTROL = word_set("cues", "object_control_verbs")
INFINITIVE_CONTROL = word_set("cues", "infinitive_object_control")


def region(tok: Token) -> bool:
    """A country named with a compass adjective as the object of "into" ("pushed into southern Sudan",
    "advanced into northern Syria"): a part of its land one moves into, not a side one attacks."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "into" and compass_region(tok)


def _named_patient(verb: Token) -> Token | None:
    """The noun a verb names as acted upon: its passive subject ("X is armed by Y")."""
    if verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")), None)


def giver_of(verb: Token, ms: _Mentions) -> Mention | None:
    """The actor a verb of receiving names as the source: the "from" object of the verb or of its
    object ("received arms from Y", "received a shipment of arms from Y")."""
    for head in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:
        for p in prep_objects(head, ("from",)):
            m = ms.in_subtree(p)
            if m is not None:
                return m
    return None


def _control_verb(verb: Token) -> Token | None:
    """The verb of object control whose "of/for V-ing" `verb` is ("accuses Y of arming Z")."""
    return control_verb(verb, OBJECT_CONTROL)


def _of_phrase_holder(verb: Token, ms: _Mentions) -> Mention | None:
    """The actor the "of V-ing" phrase of `verb` hangs on, where that is a noun ("Chad of harbouring Z")."""
    while verb.dep_ == "conj" and verb.head != verb and verb.head.pos_ == "VERB":
        verb = verb.head
    holder = verb.head.head
    return ms.in_subtree(holder) if holder.pos_ in ("NOUN", "PROPN") else None


def _object_controller(gov: Token, ms: _Mentions) -> Mention | None:
    """The doer of 'X accuses Y of arming Z' (Y) and of 'Y was accused of arming Z' (Y), `gov` being the
    verb of object control (`_control_verb`)."""
    for c in gov.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            if c.lower_ in ("which", "that", "who", "whom") and gov.dep_ == "relcl":
                return ms.in_subtree(gov.head)  # "Iran, which Riyadh accuses of arming ...": Iran
            return ms.in_subtree(c)
    return None


def _patient(
    verb: Token, ms: _Mentions, depth: int = 0, hostile: bool = False, exclude: str | None = None,
    accuse: bool = False,
) -> Mention | None:
    """The actor `verb` is done to; for 'agreed to give aid to X', found in the complement clause.

    Violent events take their target only from objects and 'against/on/at/with' phrases
    ("dying for X" is not an attack on X); threats and demands also from a conditional clause
    ("threatened action if the Kurds move").
    """
    if supplied_materiel(verb) is not None:
        return None  # "launchers provided by the US against Russian positions": whom the supplied arms are used
        # against is their user's act, and the phrase names no recipient (relations read the user)
    passive = _is_passive(verb) and not _stative(verb)
    kids = list(verb.children)
    if passive and verb.dep_ == "conj" and not any(c.dep_ in ("nsubjpass", "nsubj") for c in kids):
        # "X was trained and armed by Y": the coordinated participle's subject is the first one's
        kids += [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    for c in kids:
        if passive and c.dep_ in ("nsubjpass", "nsubj"):  # "X, helped by Y": X the parser took for a subject
            clause = c.head
            if c.lower_ in ("which", "that", "who") and clause.dep_ == "relcl":
                return ms.in_subtree(clause.head)
            if clause.dep_ == "relcl" and any(k.dep_ == "poss" and k.lower_ == "whose" for k in c.children):
                return ms.in_subtree(clause.head)  # "X, whose fighters were armed by Y": X's men
            m = None if hostile else _owner(c, ms, named=True)  # "X's mission in Y is paid for by Z": Z backs X
            if m is not None and m.actor_id != exclude:
                return m
            m = ms.in_subtree(c)
            if m is not None and _place_nationality(verb, m, ms):
                continue
            return m
        if not passive and c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            m = _antecedent(verb, ms)  # "a militia which the UAE backed": the militia
            if m is not None and m.actor_id != exclude:
                return m
        if not passive and c.dep_ == "mark" and c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" \
                and not any(k.dep_ == "dobj" for k in kids) and any(k.dep_ == "nsubj" for k in kids):
            # "a coalition of warlords that Washington funded to track X" with "that" read as a marker: the
            # antecedent is the object, named or not; the purpose clause's object is no recipient
            m = _antecedent(verb, ms)
            return m if m is not None and m.actor_id != exclude else None
        if not passive and hostile and c.dep_ == "dobj" and verb.lemma_.lower() in LAUNCH_VERBS \
                and ms.at(c) is not None:
            continue  # "launched Operation 1027" (its makers' alias): the object is the attack, not its target
        if not passive and c.dep_ in ("dobj", "dative", "attr"):
            # "praised Haiti's efforts", "support their efforts against X": whose efforts
            m = (None if hostile else _owner(c, ms)) or ms.in_subtree(c)
            if m is not None and _companion_in(c, m, ms):
                continue  # "carried out joint raids with X": X raids beside the subject
            if m is not None and m.actor_id != exclude and not _place_nationality(verb, m, ms):
                return m  # "offered its troops to X": not itself
    if accuse:  # "complained to the UN over X's raids": the accused, not the addressee
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ACCUSED_PREPS:
                m = next((ms.in_subtree(p) for p in c.children if p.dep_ == "pobj"), None)
                if m is not None and m.actor_id != exclude:
                    return m
    for c in verb.children:
        preps = TARGET_PREPS if hostile else TARGET_PREPS | {"to", "from", "for"}
        if verb.lemma_.lower() in TERRITORY_VERBS:
            preps = preps | {"from"}  # "captured the town from X": X lost it
        if c.dep_ == "prep" and c.lower_ == "with" and companion_with(verb):
            continue  # "fought side by side with X": X fights beside, not against
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in SIDE_NOUNS:
                    continue  # "fought on Kyiv's side", "on behalf of X": whom they fight for, not against
                if region(p):
                    continue  # "pushed deeper into southern Sudan": a region one goes into, not its state
                if p.dep_ == "pobj":
                    # "pays for X's mission in Y": X is helped, Y is where
                    owner = _owner(p, ms, named=True) if not hostile and c.lower_ in ("for", "to") else None
                    m = _content_subject(p, ms) or owner or ms.in_subtree(p)
                    if m is not None and m.actor_id != exclude:
                        return m
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):  # "urged X to ...", "demanded that X ..."
            for s in c.children:
                if s.dep_ in ("nsubj", "nsubjpass") and not no_particular(s):
                    m = ms.in_subtree(s)
                    if m is not None and s.lower_ not in ("it", "they", "he", "she", "we") and m.actor_id != exclude:
                        return m
            if c.dep_ == "xcomp" and depth < 2:
                m = _patient(c, ms, depth + 1, hostile, exclude)
                if m is not None:
                    return m
    if depth < 2 and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        for c in verb.children:  # "attacked and overran X": the shared object
            if c.dep_ == "conj" and c.pos_ == "VERB":
                m = _patient(c, ms, depth + 1, hostile, exclude)
                if m is not None:
                    return m
    if verb.lemma_.lower() in CONDITIONAL_TARGET_VERBS:
        clauses = list(verb.children) + [k for c in verb.children if c.dep_ == "xcomp" for k in c.children]
        for c in clauses:
            if c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in c.children):
                subj = next((k for k in c.children if k.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and ms.in_subtree(subj) is not None:
                    return ms.in_subtree(subj)
    return None


RELATIVE_PRONOUNS = frozenset(["which", "that", "who", "whom"])


def _antecedent(relcl: Token, ms: _Mentions) -> Mention | None:
    """The actor a relative clause's noun names: the noun itself, or the name it stands in
    apposition to ("the Giants Brigades, a militia which the UAE backed")."""
    noun = relcl.head
    m = ms.at(noun) or ms.in_subtree(noun)
    if m is None and noun.dep_ == "appos":
        m = ms.at(noun.head) or ms.in_subtree(noun.head)
    return m


def no_particular(noun: Token) -> bool:
    """A phrase of no particular act on a party ("any attack on X", "every intervention in X"): the party
    named in it is whom a warning protects or a rule covers, not whom it is addressed to ("any insurgents
    who fled" are still people fought)."""
    return noun.i in _no_particular_nouns(noun.doc)


_NO_PARTICULAR = "factiongraph.no_particular"  # the Doc's user_data key of `_no_particular_nouns`


def _no_particular_nouns(sd: SpacyDoc) -> frozenset[int]:
    """The nouns that head a phrase of no particular act (`no_particular`), by token index. Read once per
    Doc from the token tables: the stages ask about every word of a sentence for each trigger, and
    `Token.children` made new Token objects at each question."""
    kept: frozenset[int] | None = sd.user_data.get(_NO_PARTICULAR)
    if kept is None:
        pos, dep, lower, kids = pos_tags(sd), deps(sd), lowers(sd), children(sd)
        kept = sd.user_data[_NO_PARTICULAR] = frozenset(
            i for i, p in enumerate(pos)
            if p == "NOUN" and any(dep[d] == "det" and lower[d] in ("any", "every") for d in kids[i])
            and any(dep[d] == "prep" for d in kids[i])
        )
    return kept


def _place_nationality(verb: Token, m: Mention, ms: _Mentions) -> bool:
    """True for a nationality adjective on the place a territory verb takes ("retook two Iraqi
    villages from X"): it says where the place lies, not who held it."""
    if verb.lemma_.lower() not in TERRITORY_VERBS:
        return False
    span = span_at(ms.sd, m.start, m.end)
    return (
        span is not None and len(span) == 1 and span[0].pos_ == "ADJ" and span[0].dep_ == "amod"
        and span[0].head.pos_ == "NOUN" and ms.at(span[0].head) is None
    )


def _place_nationalities(verb: Token, ms: _Mentions) -> set[int]:
    """Tokens of the nationality adjectives on the places a territory verb takes (`_place_nationality`)."""
    return {
        k.i
        for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
        for k in c.children if (m := ms.at(k)) is not None and _place_nationality(verb, m, ms)
    }


def _owner(noun: Token, ms: _Mentions, named: bool = False) -> Mention | None:
    """The actor whose thing a noun names ("Chad's mission", "their efforts"): the one a help or a
    request goes to, not a place or party named further inside the phrase ("Chad's mission in Niger").
    `named` takes a possessor that is a name, not a pronoun whose antecedent is a guess. A noun that names an
    actor itself has no other owner ("Rakhmonov's government" is the government, not the man who heads it)."""
    if ms.at(noun) is not None:
        return None
    return next(
        (m for k in noun.children if k.dep_ == "poss" and not (named and k.pos_ == "PRON") and (m := ms.at(k))),
        None,
    )


def _attribution_tokens(sent: SpacySpan, lexicon: Lexicon) -> set[int]:
    """Tokens naming who reports the sentence ("..., officials said", "according to X"): never participants."""
    out: set[int] = set()
    sd = sent.doc
    pos, lower, toks = pos_tags(sd), lowers(sd), tokens(sd)
    for i in range(sent.start, sent.end):  # a verb or "according" from the tables: Token objects for those only
        if pos[i] in ("VERB", "AUX"):
            t = toks[i]
            if (t.lemma_.lower() in cert.REPORT_VERBS or lexicon.is_communication(t.lemma_)) and (
                any(c.dep_ in ("ccomp", "parataxis") for c in t.children) or t.dep_ in ("parataxis", "ROOT")
            ):
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "it":
                        out.update(x.i for x in c.subtree)
        if lower[i] == "according" and i + 1 < sent.end and lower[i + 1] == "to":
            out.update(x.i for x in toks[i + 1].subtree)
    return out


def _background_clause(tok: Token) -> bool:
    """'after residents had fled', 'as talks stalled': a clause of time or cause, not of purpose."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in tok.children)


def _weapon_handed(tok: Token) -> bool:
    """A weapon noun that is what a verb of possession or transfer takes ("bought rockets", "missiles
    were smuggled in", "obtained drones and missiles"): the weapon, not an attack."""
    if tok.pos_ != "NOUN" or tok.lower_ not in WEAPON_NOUNS and tok.lemma_.lower() not in WEAPON_NOUNS:
        return False
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in TRANSFER_VERBS


def _settlement(noun: Token) -> bool:
    """A noun of a settlement put forward ("the accord", "the deal"; `proposal_nouns` of frames/data/ties.yaml)."""
    return noun.lemma_.lower() in PROPOSAL_NOUNS


def _broker_tokens(verb: Token) -> set[int]:
    """The phrases describing a settlement that is the verb's subject ("the accord, hammered out by X and Y,
    gives Z ..."): who brokered or signed it does not do what it provides."""
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and _settlement(c)
            for k in c.children if k.dep_ in ("acl", "relcl") for t in k.subtree}


def _own_clause(tok: Token) -> bool:
    """A clause coordinated with the trigger's that has a subject of its own ("X controls the
    district, and officials say ..."): another statement, not a phrase of the trigger's."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children
    )


def _other_statements(tok: Token) -> set[int]:
    """The tokens of the clauses coordinated with the trigger's that have subjects of their own."""
    top = tok
    while top.head != top and not _own_clause(top):
        top = top.head
    out: set[int] = set()
    for clause in (top, top.head) if _own_clause(top) else (top,):
        for c in clause.children:
            if c != tok and _own_clause(c) and not (c.left_edge.i <= tok.i <= c.right_edge.i):
                out.update(t.i for t in c.subtree)
    if _own_clause(top):  # the trigger's clause is itself the coordinated one: the first clause is another
        first = top.head
        out.update(t.i for t in first.subtree if not (top.left_edge.i <= t.i <= top.right_edge.i))
    return out


def _fallback(
    tok: Token, ms: _Mentions, sent: SpacySpan, exclude: set[str], skip: set[int], local: bool = False,
    hostile: bool = False,
) -> Mention | None:
    """The most salient other actor when syntax names no second participant.

    First the trigger's own arguments, nearest in the dependency tree first (prepositional
    phrases, complement clauses: "arrived in X", "evacuated the wounded from X"), then for an
    event noun its governing verb's, then the actor nearest in the sentence. Reporting
    sources and the participant already found are never taken. `local` keeps to the trigger's
    own phrases.
    """
    # "warned that any attack on X would ...": a party named in a phrase of no particular act is whom a
    # warning protects or a rule covers, no participant
    sd = sent.doc
    skip = skip | {x for i in _no_particular_nouns(sd) if sent.start <= i < sent.end for x in subtree(sd, i)}
    if hostile:
        # "an air campaign flown under a UN mandate": who allowed or proposed is attacked by no one
        skip = skip | {x.i for t in span_tokens(sent) if proposer(t) for x in t.subtree}
        # "fought for the LNA", "fought under a joint task force": whom one fights for or under is one's side, never
        # the enemy
        skip = skip | {x.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "under")
                       for x in c.subtree}
        # "launched a combined offensive with X", "carried out joint raids with X": X is a companion in it,
        # never its target
        for t in {tok, tok.head, *(c for c in tok.children if c.dep_ == "dobj")}:
            if companion_with(t):
                skip = skip | {x.i for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for x in c.subtree}
    roots = [_framed(tok)]
    # an event noun's governing verb names its participants ("formed an alliance with X"), unless the noun is
    # that verb's subject: then the verb says what the event does ("the alliance aims to oust X")
    if roots[0].pos_ == "NOUN" and roots[0].head.pos_ in ("VERB", "AUX") and roots[0].head != roots[0] \
            and roots[0].dep_ not in ("nsubj", "nsubjpass"):
        roots.append(roots[0].head)
    for root in roots:
        frontier = [root]
        seen = {root.i}
        while frontier:
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.i in seen or c.i in skip or c.dep_ in ("nsubj", "nsubjpass") and t == root or region(c):
                        continue
                    if _own_clause(c) or local and (c.dep_ in ("relcl", "appos", "parataxis") or _background_clause(c)):
                        continue  # what says more, describes a phrase or sets the scene names no participant
                    seen.add(c.i)
                    m = (_content_subject(c, ms) if c.dep_ == "pobj" else None) or ms.at(c)
                    if m is not None and m.actor_id not in exclude:
                        return m
                    nxt.append(c)
            frontier = nxt
    if local:
        return None
    best: tuple[int, Mention] | None = None
    others = _other_statements(tok)
    for t in span_tokens(sent):
        if t.i in skip or t.i in others or region(t):
            continue
        m = ms.at(t)
        if m is None or m.actor_id in exclude:
            continue
        d = abs(t.i - tok.i)
        if best is None or d < best[0]:
            best = (d, m)
    return best[1] if best else None


NP_LINKS = frozenset(["compound", "amod", "poss", "nmod", "det", "flat"])


COMPANION_PREPS = frozenset(["with", "alongside", "beside"])


def _governing_subject_tokens(tok: Token) -> set[int]:
    """For an event noun inside another clause ("X documented the Houthi attacks"), the tokens of that
    clause's subject: who reports, documents or condemns an attack is never its guessed target."""
    verb = _governing_verb(tok) if tok.pos_ == "NOUN" else None
    if verb is None and infinitive_controller(tok) is not None:
        verb = tok.head  # "Moscow will hire mercenaries to fight Y": the hirer does not fight Y
    if verb is None:
        return set()
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


def infinitive_controller(verb: Token) -> Token | None:
    """The governing verb's object that does what an infinitive names ("paid local men to fight Y": men;
    "gave France a month to pull out": France, the recipient; cues.yaml `infinitive_object_control`), or None."""
    if verb.dep_ not in ("xcomp", "advcl") or verb.head.lemma_.lower() not in INFINITIVE_CONTROL \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    objects = [c for c in verb.head.children if c.dep_ in ("dative", "dobj")]
    return next((c for c in objects if c.dep_ == "dative"), objects[0] if objects else None)


@lru_cache(maxsize=1)
def _joint_words() -> frozenset[str]:
    """Words of joint action in a participial adjunct: "jointly", "in coordination with", "alongside"."""
    words = tie_words()
    return words.joint_adverbs | words.joint_nouns | (COMPANION_PREPS - {"with"})


COMPANION_NOUNS = frozenset({"side", "shoulder"})  # "side by side with", "shoulder to shoulder with"


def companion_with(verb: Token) -> bool:
    """The verb's "with" object is a companion, not an opponent: "fought together with X", "side by side
    with X", "shoulder to shoulder with X", "joint raids with X" (the joint adverbs and adjectives of
    `frames/data/ties.yaml` and the English idioms of standing beside someone), "fought with X against Y"
    (the "against" phrase names the opponent)."""
    ties = tie_words()
    words, adjectives = ties.joint_adverbs, ties.joint_adjectives

    def joint(t: Token) -> bool:  # "coordinated attacks with X", "carried out joint raids with X"
        return t.dep_ == "amod" and t.lower_ in adjectives

    def opponent(t: Token) -> bool:  # "against Y", not "against the backdrop of"
        return t.dep_ == "prep" and t.lower_ == "against" and any(
            p.dep_ == "pobj" and p.lemma_.lower() not in ties.against_adverbials for p in t.children)

    return any(c.lower_ in words or c.lower_ in COMPANION_NOUNS or joint(c)
               or c.dep_ == "dobj" and any(joint(k) for k in c.children)
               or c.dep_ == "prep" and any(p.lower_ in COMPANION_NOUNS for p in c.children)
               for c in verb.children) or (
        any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) and any(opponent(c) for c in verb.children))


def _companion_in(noun: Token, m: Mention, ms: _Mentions) -> bool:
    """Whether `m` is named in the companion phrase of an act noun: its "with" phrase (`companion_with`)
    or an "alongside"/"beside" phrase ("mounted an assault alongside X against Y")."""
    span = span_at(ms.sd, m.start, m.end)
    return span is not None and any(
        c.dep_ == "prep" and c.left_edge.i <= span.root.i <= c.right_edge.i
        and (c.lower_ in ("alongside", "beside") or c.lower_ == "with" and companion_with(noun))
        for c in noun.children)


def phrase_head(tok: Token) -> Token:
    """The head noun of the phrase `tok` modifies ("Somali" in "Somali government forces": "forces")."""
    while tok.dep_ in NP_LINKS and tok.head != tok and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def _descriptive_clauses(known: Mention, ms: _Mentions) -> set[int]:
    """Tokens of the appositions and clauses describing a known patient ("fighting the Jenin Brigade, a
    coalition that draws members from Y"): who they name is not who acts on it."""
    span = span_at(ms.sd, known.start, known.end)
    if span is None:
        return set()
    np = phrase_head(span.root)
    return {t.i for c in np.children if c.dep_ in ("appos", "relcl") for t in c.subtree}


def _own_phrase(tok: Token, known: Mention, ms: _Mentions) -> set[int]:
    """Tokens of the co-agents, clauses, descriptions and prepositional phrases of the known agent
    ("X, acting jointly with Y", "X, helped by Y", "X, with help from Y", "X, Y's proxies in Z", "Once a
    Y ally, X ..."): they say who the agent is or who stands with it, so the actors they name are
    never guessed as the other side. A phrase that contains the trigger itself ("X's attack
    on Y") is no such description."""
    span = span_at(ms.sd, known.start, known.end)
    if span is None:
        return set()
    np = phrase_head(span.root)
    # a participial adjunct of joint action names the agent's companions ("X, acting jointly with Y,
    # retook Z", "X, fighting alongside Y, ..."); "X, once allied with Y, attacked ..." does not
    adjuncts = {t.i for c in tok.children if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN")
                and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
                and any(k.lower_ in _joint_words() for k in c.subtree) for t in c.subtree}
    # "Backed by Y, X retook the town": the backers in a participial adjunct stand with the agent
    support = tie_words().support_participles
    adjuncts |= {t.i for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBN"
                 and c.lemma_.lower() in support for t in c.subtree}
    # "X retook the town, and Y's forces entered Z": the subject of a clause of its own acts there, it is no target
    adjuncts |= {t.i for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                 for k in c.children if k.dep_ in ("nsubj", "nsubjpass") for t in k.subtree}
    adjuncts |= _descriptions(tok)
    if tok.pos_ == "VERB" and companion_with(tok):  # "fought side by side with X": X is on the agent's side
        adjuncts |= {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}
    # "fought on Kyiv's side", "on behalf of X", "entered the war on the side of X": the side the agent takes
    for h in (tok, tok.head) if tok.pos_ == "NOUN" else (tok,):
        adjuncts |= {t.i for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
                     and any(p.dep_ == "pobj" and p.lemma_.lower() in SIDE_NOUNS for p in c.children)
                     for t in c.subtree}
    if np.pos_ not in ("NOUN", "PROPN") or tok in np.subtree:
        return adjuncts
    return adjuncts | {
        t.i
        for c in np.children
        if c.dep_ in ("acl", "relcl", "conj", "compound", "amod", "nmod", "poss", "appos")
        # "X in Y", "X from Y", "the allies of Y"; "the government of Y" may be Y's own
        or (c.dep_ == "prep" and (c.lower_ != "of" or _relational(np)))
        for t in c.subtree
    }


def _co_modifiers(known: Mention, ms: _Mentions) -> set[str]:
    """The actors named beside the agent in the modifiers of one head noun ("the joint
    Mozambique-Rwanda task force", "Iraqi and Kurdish forces"): partners in the force, so never the
    guessed other side anywhere in the sentence."""
    span = span_at(ms.sd, known.start, known.end)
    if span is None:
        return set()
    np = phrase_head(span.root)
    if np.pos_ not in ("NOUN", "PROPN"):
        return set()
    out = {
        m.actor_id
        for c in np.children
        if c.dep_ in ("compound", "amod", "nmod") and c.i < np.i
        for t in c.subtree
        if (m := ms.at(t)) is not None and m.actor_id != known.actor_id
    }
    return out | _part_and_whole(span.root, known, ms)


def _part_and_whole(root: Token, known: Mention, ms: _Mentions) -> set[str]:
    """The group and its named part in one phrase ("X's armed wing, the Y Brigades", "the Y, X's armed
    wing"): a whole and its part are one side (`frames.whole_and_part`)."""
    return {m.actor_id for t in span_tokens(sentence_of(root))
            if (m := ms.at(t)) is not None and m.actor_id != known.actor_id and whole_and_part(root, t)}


DESCRIPTION_DEPS = frozenset({"advcl", "npadvmod", "dep", "appos", "nsubj"})
# adverbs of former time that may open a fronted description ("Once an ally of Y, X ...")
TEMPORAL_HEADS = frozenset({"once", "formerly", "previously", "long", "onetime"})


def _descriptions(tok: Token) -> set[int]:
    """Tokens of a noun phrase fronted before the clause's subject that describes it ("Once a US
    ally, X attacked ...", "A former client of Y, X launched ...", "Long a Z proxy, X struck"): it
    states what the subject is or was, so an actor it names is never the other side of the act."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else _governing_verb(tok)
    desc = _fronted_description(verb) if verb is not None else None
    return {t.i for t in desc.subtree} if desc is not None else set()


def _fronted_description(verb: Token) -> Token | None:
    """The head of a noun phrase before the verb's subject, set off by a comma, that says what the
    subject is or was; the parser may take it for an adjunct or a second subject. "Members of X, a
    body linked to Y, investigated ..." is no such phrase: the comma after the second noun phrase
    makes that one an apposition of the first."""
    lefts = list(verb.lefts)
    subj = next((c for c in reversed(lefts) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or "," in texts(verb.doc)[subj.i + 1 : verb.i]:
        return None
    # "Once an ally of Y, X ...": the parser may make "once" the head, the noun its object
    heads = [next((p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), c)
             if c.dep_ in ("advmod", "prep") and c.lower_ in TEMPORAL_HEADS else c for c in lefts]  # fmt: skip
    return next(
        (
            h for c, h in zip(lefts, heads, strict=True)
            if c.i < subj.i and h.pos_ in ("NOUN", "PROPN") and (h is not c or c.dep_ in DESCRIPTION_DEPS)
            and c.right_edge.i + 1 < subj.left_edge.i and verb.doc[c.right_edge.i + 1].text == ","
        ),
        None,
    )


def _between(tok: Token, ms: _Mentions) -> tuple[Mention | None, Mention | None]:
    """The two sides of "between X and Y" on an event noun, or on the verb it is subject of
    ("clashes broke out between X and Y")."""
    heads = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else [])
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                sides: list[Mention] = []
                clauses = {t.i for k in c.subtree if k.dep_ in ("relcl", "acl", "advcl") for t in k.subtree}
                for t in c.subtree:
                    if t.i in clauses:
                        continue  # "between the two movements, which signed an accord in X": not X
                    m = ms.at(t)
                    for x in ms.with_mates(m) if m is not None else []:  # "between the two sides": both
                        if all(x.actor_id != y.actor_id for y in sides):
                            sides.append(x)
                if len(sides) >= 2:
                    return sides[0], sides[1]
    return None, None


def _governing_verb(noun: Token) -> Token | None:
    """The verb of the clause a noun stands in, at most three heads up; None when there is none."""
    head, hops = noun.head, 0
    while head.pos_ not in ("VERB", "AUX") and head.head != head and hops < 3:
        head, hops = head.head, hops + 1
    return head if head.pos_ in ("VERB", "AUX") else None


def _governing_subject(noun: Token, ms: _Mentions) -> Mention | None:
    verb = _governing_verb(noun)
    return _subject(verb, ms) if verb is not None else None


def _noun_roles(noun: Token, ms: _Mentions) -> tuple[Mention | None, Mention | None]:
    if _framed(noun) is not noun:
        return _noun_roles(noun.head, ms)
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in OBTAIN_VERBS:
        # "X gets funding from Y": Y funds X; from no one named, nobody is said to give
        giver = giver_of(noun.head, ms)
        return (giver, _subject(noun.head, ms)) if giver is not None else (None, None)
    b1, b2 = _between(noun, ms)
    if b1 is not None:
        return b1, b2
    a1 = a2 = None
    own = ms.at(noun)
    if own is not None:  # "Russian airstrikes": the noun is part of the actor's mention
        a1 = own
    for c in noun.children:
        if c.dep_ == "poss" and a1 is None:
            a1 = ms.in_subtree(c)
        elif c.dep_ in ("compound", "amod") and a1 is None and ms.at(c) is not None:
            a1 = ms.at(c)
        elif c.dep_ == "amod" and a1 is None and c.lower_ in LEADER_CUES:
            a1 = next((m for t in c.subtree if (m := ms.at(t)) is not None), None)  # "the US-led war"
        elif c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    a1 = ms.in_subtree(p) or a1
        elif c.dep_ == "prep" and c.lower_ == "with" and companion_with(noun):
            continue  # "joint raids with X", "coordinated attacks with X": X raids beside, not raided
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS and a2 is None:
            for p in c.children:
                if p.dep_ == "pobj":
                    # "an investigation into claims by X that Y seized the town": Y is investigated
                    a2 = _content_subject(p, ms) or ms.in_subtree(p)
        elif c.dep_ == "acl" and c.lemma_ in ("target", "aim", "direct") \
                and not any(k.dep_ in ("xcomp", "ccomp") for k in c.children):
            a2 = _patient(c, ms)  # "strikes aimed at X"; not "an alliance aimed to oust X": its goal
        elif c.dep_ in ("acl", "ccomp") and a2 is None:  # "its demand that Israel ease ..."
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            a2 = ms.in_subtree(subj) if subj is not None else a2
    if a1 is None:
        head = noun.head
        hops = 0
        while head.pos_ not in ("VERB", "AUX") and head.head != head and hops < 3:
            head, hops = head.head, hops + 1
        if head.pos_ in ("VERB", "AUX"):
            a1 = _subject(head, ms)
    return a1, a2


def _content_subject(noun: Token, ms: _Mentions) -> Mention | None:
    """The actor a noun's "that" clause is about ("allegations that the NPFL took the city": the NPFL)."""
    for c in noun.children:
        if c.dep_ == "acl" and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children):
            subj = next((k for k in c.children if k.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return ms.in_subtree(subj)
    return None


COMMISSIVE = frozenset(
    "offer promise pledge agree vow swear threaten decide prepare ready willing prepared commit undertake plan "
    "intend".split()
)
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION"})
COOPERATIVE = frozenset({"AID", "COOPERATE", "SUPPORT", "RETREAT", "CONCEDE", "CONSULT"})
FUTURE = frozenset({"will", "would", "'ll", "shall"})
REFUSAL = frozenset("refuse decline reject".split())


def _commissive_complement(tok: Token) -> bool:
    """'vowed to fight', 'agreed to lift': the infinitive completing a verb of commitment."""
    return (tok.dep_ == "xcomp" or tok.dep_ == "advcl" and _to_clause(tok)) and tok.head.lemma_.lower() in COMMISSIVE


def _to_clause(tok: Token) -> bool:
    """Whether `tok` has the infinitive marker "to" (read from the per-Doc tables: asked of many verbs)."""
    sd = tok.doc
    dep, lower = deps(sd), lowers(sd)
    return any(dep[c] == "aux" and lower[c] == "to" for c in children(sd)[tok.i])


def _conditional(tok: Token) -> bool:
    return any(
        c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in c.children)
        for c in tok.children
    )


def _speech_act(tok: Token, plover: str, mode: str | None = None) -> tuple[str, Token | None] | None:
    """PLOVER codes stated intentions and demands as verbal events.

    "X will/offered to give aid" is AGREE, "X would/threatened to attack" THREATEN, and
    "Y must withdraw" REQUEST (made by whoever said it). Returns the type and the governing
    speech verb, if any.
    """
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        tok = tok.head  # "would tighten the blockade": the governing verb carries the intention
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    speaker = tok.head if tok.dep_ == "ccomp" and tok.head.pos_ == "VERB" else None
    if aux & {"must", "should"} and (plover != "REQUEST" or speaker is not None):
        return "REQUEST", speaker
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in REFUSAL and plover != "REJECT":
        return "REJECT", speaker  # "declined to resign", "refused to meet"
    negated = any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ == "never" for c in tok.children)
    # "ready to ship arms to help protect X": an intention governs its purpose clauses too
    governor = tok.head if tok.dep_ == "advcl" and _to_clause(tok) and tok.head.dep_ == "xcomp" else tok
    if governor is not tok and governor.head.lemma_.lower() in COMMISSIVE:
        tok = governor
    if plover in HOSTILE and not negated and _conditional(tok):
        return "THREATEN", speaker  # "may halt mediation if ...": a conditional sanction is a threat
    intent = bool(aux & FUTURE) or _commissive_complement(tok)
    if not intent:
        return None
    if negated and plover in COOPERATIVE | {"AGREE"}:
        return "REJECT", speaker  # "would not meet their demands"
    if negated and plover in HOSTILE:
        return None  # "will never fight X": a promise not to act is no threat; the act stays negated
    if plover in COOPERATIVE | HOSTILE and any(
        c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "unless" for k in c.children) for c in tok.children
    ):
        return "THREATEN", speaker  # "will withdraw its force unless ..."
    if plover in HOSTILE or plover == "PROTEST" and mode in ("boycott", "obstruct", "strike"):
        return "THREATEN", speaker  # "will impose sanctions", "would boycott the talks"
    if plover in COOPERATIVE:
        return "AGREE", speaker
    return None


_SENSES = "factiongraph.senses"  # the Doc's user_data key of `_sense`'s answers


def _sense(tok: Token, lex: Lexicon) -> TriggerSense | None:
    """The event `tok` names, if any. The answer depends on the parse and the lexicon only, and the
    stage asks about the same words many times (each trigger, then as the head of its dependents),
    so it is kept per parsed document and lexicon (in the Doc's `user_data`)."""
    kept = tok.doc.user_data.get(_SENSES)
    if kept is None or kept[0] is not lex:
        kept = tok.doc.user_data[_SENSES] = (lex, {})
    senses: dict[int, TriggerSense | None] = kept[1]
    i = tok.i
    if i not in senses:
        senses[i] = _read_sense(tok, lex)
    return senses[i]


def _read_sense(tok: Token, lex: Lexicon) -> TriggerSense | None:
    # the first tests read the per-Doc tables: most words asked about are no event
    sd, i = tok.doc, tok.i
    low, pos = lowers(sd)[i], pos_tags(sd)[i]
    if low == "according":  # "according to X" attributes; it is no event
        return None
    if pos == "VERB":
        if not lex.may_name_event(lex.verb_lemma(lemmas(sd)[i], low)):
            return None  # no entry of the verb's, alone, by pattern or by subject: every lookup below gives None
        toks, dep, kids_of = tokens(sd), deps(sd), children(sd)
        kids = [toks[c] for c in kids_of[i]]  # the kept Tokens: each walk of `tok.children` makes new ones
        if any(dep[c] == "det" for c in kids_of[i]) and not any(dep[c] in ("dobj", "nsubj") for c in kids_of[i]):
            return None  # "evacuated the wounded": a participle standing for people, no act
        if dep[i] == "amod" and tok.tag_ in ("VBN", "VBG") and any(dep[c] == "det" for c in kids_of[heads(sd)[i]]):
            return None  # "from the besieged town", "a wounded soldier": a participle describing a noun
        particle = next((c.lower_ for c in kids if c.dep_ == "prt"), None) or next(
            (
                c.lower_
                for c in kids
                if c.lower_ in ADVERB_PARTICLES and (c.dep_ == "advmod" or c.dep_ == "prep" and not list(c.children))
            ),
            None,
        )  # "pulled back", "handed the town over to": a particle parsed as an adverb or a bare preposition
        if tok.lemma_.lower() in NAMING_VERBS and any(c.dep_ == "oprd" for c in kids):
            return None  # "calling the troops occupiers": naming, not calling for anything
        preps = [c for c in kids if c.dep_ == "prep" and c.lower_ != "according"]
        # "fought on Congolese soil alongside X": the companion phrase says with whom, whatever phrase of
        # place or time comes first (the parser may hang it on that phrase's noun)
        companion = next((c.lower_ for p in preps for c in (p, *(k for o in p.children if o.dep_ == "pobj"
                                                                 for k in o.children if k.dep_ == "prep"))
                          if c.lower_ in ("alongside", "beside")), None)
        prep = companion or (preps[0].lower_ if preps else None)
        if prep is None:  # "pushing for the US to back the plan": "for" marks the clause it heads
            prep = next((k.lower_ for c in kids if c.dep_ == "advcl"
                         for k in c.children if k.dep_ == "mark" and k.lower_ == "for"), None)  # fmt: skip
        if any(c.dep_ == "xcomp" for c in kids):
            prep = None  # "agreed to lift ..., with strings attached": the complement is the argument
        dobj = next((c for c in kids if c.dep_ == "dobj"), None)
        if dobj is None and any(c.dep_ == "dative" for c in kids):
            # "gave France one month": beside a recipient, the parser may read the theme as an adverbial
            dobj = next((c for c in kids if c.dep_ == "npadvmod"), None)
        if dobj is None and _is_passive(tok):  # "grenades were thrown": the passive subject is the object
            dobj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if dobj is not None and dobj.lemma_.lower() in FRAME_NOUNS and tok.lemma_.lower() in LIGHT_VERBS:
            for c in dobj.children:  # "launched a mediation effort": the mediation is the event
                if c.dep_ == "compound" and c.pos_ == "NOUN" and lex.noun(c.lemma_.lower()) is not None:
                    return None
        if dobj is not None and dobj.lemma_.lower() in QUANTITY_NOUNS | GROUP_NOUNS:
            # "700 kg of medicine": the medicine; "a mission of observers": the observers
            dobj = next((p for c in dobj.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), dobj)
        obj = dobj.lemma_.lower() if dobj is not None else None
        lemma = lex.verb_lemma(tok.lemma_.lower(), tok.lower_)
        if dobj is None and lex.has_subject_patterns(lemma):
            by_subject = lex.verb_by_subject(lemma, _subject_words(tok))
            if by_subject is not None:
                return by_subject  # "peacekeepers arrived": aid, not a visit
        sense = lex.verb(lemma, particle=particle, prep=prep, obj=obj)
        if sense is None and dobj is not None:  # "sent cash and rifles": the aid a coordinated object names
            sense = next((x for c in dobj.children if c.dep_ == "conj"
                          and (x := lex.verb(lemma, particle=particle, prep=prep, obj=c.lemma_.lower())) is not None
                          and x.plover == "AID"), None)
        if sense is not None and sense.plover == "COOPERATE" and prep in COMPANION_PREPS and dobj is not None:
            # "fought the rebels alongside the army": the object is fought, the companion is a partner
            hostile = lex.verb(lemma, particle=particle, prep=None, obj=obj)
            if hostile is not None and hostile.plover in HOSTILE:
                sense = hostile
        if sense is None and prep is not None:
            # "took into custody a journalist": the pattern's object is the preposition's
            pobj = next((p for c in kids if c.dep_ == "prep" and c.lower_ == prep
                         for p in c.children if p.dep_ == "pobj"), None)  # fmt: skip
            if pobj is not None:
                sense = lex.verb(lemma, particle=particle, prep=prep, obj=pobj.lemma_.lower())
        return sense
    if pos == "NOUN":
        if deps(sd)[i] in ("dobj", "nsubjpass") and lemmas(sd)[heads(sd)[i]] in DISARMING_VERBS:
            return None  # "defused two bombs": the bombs did not go off
        if no_particular(tok):
            return None  # "any attack on X would ...": no act that took place
        # "hunger strike", "peace talks": the modifier and the noun name the event together
        if tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-" and not tok.whitespace_ and not tok.nbor(1).whitespace_:
            sense = lex.noun(f"{tok.lower_}-{tok.nbor(2).lower_}")  # "sit-in", split by the tokenizer
            if sense is not None:
                return sense
        left = tok.i - 1  # the modifier just before the noun, if it is one of its own
        if left >= 0 and heads(tok.doc)[left] == tok.i and deps(tok.doc)[left] in ("compound", "amod"):
            key = f"{lowers(tok.doc)[left]} {tok.lemma_.lower()}"
            if lex.non_event_noun(key):
                return None  # "weapons of mass destruction", "a press release"
            sense = lex.noun(key)
            if sense is not None:
                return sense
        return lex.noun(tok.lemma_.lower())
    return None


def _subject_words(verb: Token) -> list[str]:
    """Lemmas naming who does an intransitive verb, most telling first: for "a first batch of
    Ghanaian peacekeeping troops" the "of" phrase's modifiers and head, then the subject's."""
    words: list[str] = []
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        heads = [p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"] + [subj]  # fmt: skip
        for h in heads:  # "a battalion of peacekeepers": who before the unit; "peacekeeping troops": the kind first
            words += [c.lemma_.lower() for c in h.children if c.dep_ in ("compound", "amod")]
            words.append(h.lemma_.lower())
    return words


def _span(doc: Document, m: Mention | None) -> Span | None:
    return None if m is None else Span(m.start, m.end, m.text)


def _attribution(tok: Token, ms: _Mentions, doc: Document) -> str | None:
    if tok is None:
        return None
    m = ms.in_subtree(tok)
    if m is not None:
        return m.actor_id
    start = tok.left_edge.idx
    end = tok.right_edge.idx + len(tok.right_edge.text)
    return doc.text[start:end]


def extract_events(doc: Document, lexicon: Lexicon, locate: Locator | None = None) -> Document:
    """Adds `events` to a parsed document whose actors are resolved."""
    sd = doc.parsed
    if sd is None:
        return doc
    ms = _Mentions.of(doc, sd).for_events()
    # where an event happened is a place named as a place ("in Kabul"), not a state named as an
    # actor ("Kabul said"), a nationality or an origin
    mentions = [m for a in doc.actors for m in a.mentions]
    actor_spans = [(m.start, m.end) for m in mentions]
    loc_doc = dataclasses.replace(
        doc,
        places=tuple(
            p
            for p in doc.places
            if not not_a_scene(sd, p)
            and (is_locative(sd, p) or not any(m.start < p.end and p.start < m.end for m in mentions))
        ),
    )
    events: list[Event] = []
    depth: dict[int, float] = {}  # event index -> its trigger's depth in the parse
    seen: dict[tuple[str, str | None, str | None, int], int] = {}

    typed: dict[tuple[int, str | None, str | None, Mention | None, Mention | None], tuple[str | None, str | None]] = {}

    def acled(
        sent: SpacySpan, tok: Token, sense: TriggerSense, m1: Mention | None, m2: Mention | None
    ) -> tuple[str | None, str | None]:
        # a one-sided candidate is typed before `add` types it again: read each reading once
        key = (tok.i, sense.plover, sense.mode, m1, m2)
        if key not in typed:
            typed[key] = _acled(sent, tok, sense, m1, m2)
        return typed[key]

    def _acled(
        sent: SpacySpan, tok: Token, sense: TriggerSense, m1: Mention | None, m2: Mention | None
    ) -> tuple[str | None, str | None]:
        a1 = ms.actors.get(m1.actor_id) if m1 else None
        a2 = ms.actors.get(m2.actor_id) if m2 else None
        lemma = lexicon.verb_lemma(tok.lemma_.lower(), tok.lower_) if tok.pos_ == "VERB" else tok.lemma_.lower()
        return acled_type(
            sense.plover,
            sense.mode,
            trigger_lemma=lemma,
            actor1_kind=a1.kind if a1 else None,
            actor2_kind=a2.kind if a2 else None,
            territory=tok.lemma_.lower() in TERRITORY_VERBS,
            text=_clause_text(tok),
            context=text_of(sent),
            actor1_text=m1.text if m1 else None,
        )

    def add(
        sent: SpacySpan, tok: Token, trigger: Token, sense: TriggerSense, c: cert.Certainty,
        m1: Mention | None, m2: Mention | None, factor: float, rank: float | None = None,
        guessed: Mention | None = None,
    ) -> bool:
        # a participant taken from salience has no span filling its role: it gets no mention, so
        # that nothing downstream (derived relations, highlights) reads it as stated
        key = (sense.plover, m1.actor_id if m1 else None, m2.actor_id if m2 else None, sent.start)
        etype, subtype = acled(sent, tok, sense, m1, m2)
        when = event_date(text_of(sent), doc.published, trigger.idx - sent.start_char, _side_clauses(sent, trigger))
        # an event told in a side clause ("..., after troops withdrew") is background to the main one
        side = 1.0 if _main_clause(tok) else SIDE_CLAUSE_FACTOR
        conf = sense.weight * CERTAINTY_FACTOR.get(c.value, 0.5) * factor * side
        ev = Event(
            id="",
            plover=sense.plover,
            plover_mode=sense.mode,
            acled_event_type=etype,
            acled_sub_event_type=subtype,
            actor1=m1.actor_id if m1 else None,
            actor2=m2.actor_id if m2 else None,
            actor1_mention=None if guessed is not None and m1 is guessed else _span(doc, m1),
            actor2_mention=None if guessed is not None and m2 is guessed else _span(doc, m2),
            trigger=Span(trigger.idx, trigger.idx + len(trigger.text), trigger.text),
            evidence=_sentence_span(doc, sent),
            certainty=as_certainty(c.value),
            source_kind=doc.source_kind_at(tok.idx),
            attributed_to=_attribution(c.source_token, ms, doc) if c.value == "reported" else None,
            location=_where(loc_doc, sent, sense.plover, locate, trigger, doc.places, actor_spans),
            date=when[2] if when is not None else None,
            fatalities=_fatalities(sent, trigger, lexicon) if sense.plover == "ASSAULT" else None,
            confidence=min(1.0, conf),
        )
        if (m1 is None or m2 is None) and ev.confidence < MIN_ONE_SIDED_CONFIDENCE:
            return False  # a half-told event with weak evidence (a side clause, a hedge) is noise
        if key in seen:
            if events[seen[key]].confidence < ev.confidence:
                events[seen[key]] = ev
                depth[seen[key]] = _depth(tok) if rank is None else rank
        else:
            seen[key] = len(events)
            depth[len(events)] = _depth(tok) if rank is None else rank
            events.append(ev)
        return True

    toks, pos = tokens(sd), pos_tags(sd)
    for sent in sentences(sd):
        attribution = _attribution_tokens(sent, lexicon)
        found = told = False
        pending: list[tuple[tuple[int, float], _Pending]] = []
        for i in range(sent.start, sent.end):
            if pos[i] not in _CANDIDATE_POS:
                continue  # no event or reported obligation: both need a verb or a noun
            tok = toks[i]
            obligation = _obligation(tok, lexicon, ms)
            if obligation is not None:  # "X said Y must be ready to ...": X asks Y
                found = True
                told = True
                add(sent, tok, tok, OBLIGATION_SENSE, cert.Certainty("reported"), *obligation, 1.0)
                continue
            if tok.pos_ not in ("VERB", "NOUN"):
                continue
            sense = _sense(tok, lexicon)
            if sense is None or sense.plover is None:
                continue
            if _requested(tok, lexicon):
                continue  # "demanded that X withdraw": the demand is the event, the withdrawal is its content
            if _unrealized(tok, lexicon):
                continue  # "an offer to host talks", "unless X agrees to a truce": intended or conditional, not told
            if _weapon_handed(tok):
                continue  # "obtained missiles from Y", "smuggled rockets": a weapon had or passed on, not used
            trigger = tok
            if tok.tag_ == "VBG" and tok.dep_ == "advcl" and sense.plover == "ASSAULT":
                # "shelled the town, killing five civilians": one attack, named by the main verb
                head_sense = _sense(tok.head, lexicon)
                if head_sense is not None and head_sense.plover == "ASSAULT":
                    trigger, sense = (
                        tok.head,
                        dataclasses.replace(head_sense, weight=max(sense.weight, head_sense.weight)),
                    )
            fought: set[int] = set()
            fought_for: str | None = None  # the type `fought` was read for (a protest rewrite below changes it)
            if tok.pos_ == "VERB" and tok.dep_ == "nsubj" and tok.tag_ == "VBG" and _between(tok, ms)[0] is not None:
                m1, m2 = _between(tok, ms)  # "fighting between X and Y continued": a gerund used as a noun
            elif tok.pos_ == "VERB":
                m1 = _subject(tok, ms)
                fought, fought_for = _hostile_purposes(tok, sense.plover, lexicon), sense.plover
                m2 = _patient(
                    tok, ms, hostile=sense.plover in HOSTILE, exclude=m1.actor_id if m1 else None,
                    accuse=sense.plover == "ACCUSE",
                )
                if m2 is not None and _inside(m2, fought, ms):
                    m2 = None  # "intervened to fight X": X is the enemy, not the one helped
                if sense.plover in ("AID", "SUPPORT") and tok.lemma_.lower() in OBTAIN_VERBS:
                    # "X received arms from Y": Y gives, X gets; aid from no one named is no event
                    giver = giver_of(tok, ms)
                    if giver is None or m1 is None or giver.actor_id == m1.actor_id:
                        continue
                    m1, m2 = giver, m1
            else:
                m1, m2 = _noun_roles(tok, ms)
                if sense.mode == "third-party" and _between(_framed(tok), ms)[0] is not None:
                    # a mediation between X and Y is the mediator's, with X and Y as its targets
                    m1, m2 = _governing_subject(_framed(tok), ms), _between(_framed(tok), ms)[0]
            if tok.pos_ == "VERB" and sense.plover not in ("PROTEST", "ASSAULT") and _done_to_protest(tok, lexicon):
                # "shunned work to protest X": the act done in protest is the protest
                sense = dataclasses.replace(sense, plover="PROTEST", mode="demo")
            if sense.plover in ("REQUEST", "ACCUSE") and _protest_purpose(tok, lexicon):
                # "staged a sit-in to demand X": a demand made by protesting is the protest (PLOVER)
                sense = dataclasses.replace(sense, plover="PROTEST", mode="demo")
            c = cert.classify(tok)
            speech = _speech_act(tok, sense.plover, sense.mode)
            rank = None
            if (
                speech is not None
                and speech[0] == "THREATEN"
                and _commissive_complement(tok)
            ):
                # "vowed to fight X" is a threat: the intended act types the vow it completes
                rank = _depth(tok.head) - 0.5
            if speech is not None:
                plover, speaker = speech
                sense = dataclasses.replace(sense, plover=as_plover(plover), mode=None)
                if plover == "REQUEST":  # "X said Y must ...": X asks Y
                    m1, m2 = (_subject(speaker, ms) or _speaker(speaker, ms)) if speaker is not None else m1, m1
                c = cert.Certainty("reported" if speaker is not None else "asserted")
            if m2 is not None and m1 is not None and m1.actor_id == m2.actor_id:
                continue
            if m2 is not None and m1 is not None and m2.actor_id in _co_modifiers(m1, ms):
                m2 = None  # "the joint X-Y force retook Y's offices": a partner in the force is no target
            head_sense = _sense(tok.head, lexicon) if tok.dep_ in ("dobj", "nsubjpass") else None
            if (
                tok.pos_ == "NOUN"
                and (m1 is None or m2 is None)
                and head_sense is not None
                and head_sense.plover not in (None, sense.plover)
            ):
                continue  # "lifted the blockade", "postponed the demonstration": the verb's event, not the noun's
            factor = 1.0
            guess: Mention | None = None
            if fought_for != sense.plover:
                fought = _hostile_purposes(tok, sense.plover, lexicon)
            if m1 is not None and m2 is None and sense.plover in ONE_SIDED:
                # a protest or withdrawal often names whom it concerns in its own phrases
                # ("blocked roads to press demands on X", "withdrawal of troops from X")
                m2 = guess = _fallback(tok, ms, sent, {m1.actor_id}, attribution | _own_phrase(tok, m1, ms) | fought,
                                       local=not _main_clause(tok))
                factor = GUESSED_FACTOR if m2 is not None else 0.7
            elif m1 is not None and m2 is None and _main_clause(tok) and _named_patient(tok) is not None:
                pass  # "X is armed by Y", "Y attacked the town": who is acted upon is named, and no actor
            elif m1 is not None and m2 is None and _main_clause(tok):
                # "opened fire to disperse X": the counterpart named in the trigger's own clauses;
                # the agent's co-agents ("overrun by X and Y") are on its side, never the counterpart
                own_side = {m1.actor_id} | {x.actor_id for x in ms.coordinated(m1)} | _co_modifiers(m1, ms)
                m2 = guess = _fallback(tok, ms, sent, own_side,
                                       attribution | _own_phrase(tok, m1, ms) | _place_nationalities(tok, ms) | fought,
                                       local=True, hostile=sense.plover in HOSTILE)
                factor = GUESSED_FACTOR
            if m1 is None or m2 is None and (sense.plover not in ONE_SIDED or not _main_clause(tok)) \
                    and not _each_other(tok):
                # a participant the syntax does not name: kept aside, used only if the sentence
                # gives no complete event (a side clause's half-told event only if it gives none)
                pending.append(((_depth(tok), -sense.weight), (tok, trigger, sense, c, m1, m2)))
                continue
            found = found or m2 is not None
            told = True
            add(sent, tok, trigger, sense, c, m1, m2, factor, rank, guess)
        if found or not pending:
            continue
        for _, (tok, trigger, sense, c, m1, m2) in sorted(pending, key=lambda p: p[0]):
            known = m1 or m2
            other = None
            if known is not None and _main_clause(tok) and not (m2 is None and _named_patient(tok) is not None) \
                    and not (m1 is None and _by_agent(tok)):  # "trained and paid by Y": who acts is told, no guess
                # the known side's coordinated actors ("X, Y and Z attacked ...") are on its side
                own_side = {known.actor_id} | {x.actor_id for x in ms.coordinated(known)} | _co_modifiers(known, ms)
                described = _own_phrase(tok, known, ms) if m1 is not None else _descriptive_clauses(known, ms)
                described |= _governing_subject_tokens(tok)
                described |= _hostile_purposes(tok, sense.plover, lexicon)
                described |= _relational_subject_owners(tok)
                described |= _broker_tokens(tok)
                other = _fallback(tok, ms, sent, own_side, attribution | described | _place_nationalities(tok, ms),
                                  hostile=sense.plover in HOSTILE)
            if known is not None and other is not None:
                m1, m2 = (known, other) if m1 is not None else (other, known)
                add(sent, tok, trigger, sense, c, m1, m2, GUESSED_FACTOR, guessed=other)
                break
            sub = acled(sent, tok, sense, m1, m2)[1]
            # battles and group changes need their sides named; elsewhere a side clause is background
            side = (m1 is None and m2 is None) or not _main_clause(tok)
            if sub is not None and not (side and sub in NEEDS_SIDES) and not (side and told):
                # an ACLED event whose perpetrator or target goes unnamed ("an IED exploded under
                # a patrol", "gunmen abducted two teachers"): one-sided. A bare toll ("3 soldiers
                # killed") reports an outcome, weaker evidence than the act that caused it.
                outcome = lexicon.verb_lemma(tok.lemma_.lower(), tok.lower_) in CASUALTY_VERBS
                toll = (0.7 if m1 or m2 else 0.5) if outcome else 1.0
                if add(sent, tok, trigger, sense, c, m1, m2, ONE_SIDED_FACTOR * toll):
                    break  # too weak to keep ("two farmers died"): the next candidate may name the act
    # one happening told by several words of a sentence between the same two actors ("willing to
    # ship arms to help protect X", "called for sanctions against X") is coded by its
    # governing predicate, as PLOVER codes the main verb
    best: dict[tuple[frozenset[str], int], int] = {}
    for i, e in enumerate(events):
        if e.actor1 and e.actor2:
            pair = (frozenset((e.actor1, e.actor2)), e.evidence.start)
            j = best.get(pair)
            if j is None or (depth[i], -e.confidence) < (depth[j], -events[j].confidence):
                best[pair] = i
    events = [
        e
        for i, e in enumerate(events)
        if not (e.actor1 and e.actor2) or best[(frozenset((e.actor1, e.actor2)), e.evidence.start)] == i
    ]
    # a one-sided event told in full elsewhere in its sentence (same type and actor) is that event
    full = {(e.plover, e.actor1, e.evidence.start) for e in events if e.actor1 and e.actor2}
    events = [e for e in events if e.actor2 is not None or (e.plover, e.actor1, e.evidence.start) not in full]
    numbered = tuple(dataclasses.replace(e, id=f"e{i + 1}") for i, e in enumerate(events))
    return dataclasses.replace(doc, events=numbered)


INTENT_VERBS = frozenset("aim seek intend want hope wish mean".split())
CONTENT_CHAIN_DEPS = frozenset({"dobj", "pobj", "prep", "conj", "xcomp", "advcl", "acl", "relcl", "compound", "pcomp"})
MAIN_CHAIN_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "conj", "dobj", "attr", "oprd", "acomp"})


def _framed(tok: Token) -> Token:
    """'a mediation effort', 'a peace mission': the event noun stands where its frame noun stands."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in FRAME_NOUNS:
        return tok.head
    return tok


def _main_clause(tok: Token) -> bool:
    """True when the trigger belongs to the sentence's main predication: the root, its
    complements and coordinations, and their objects ("said it would lift the ban"), not
    adverbial, relative or prepositional side clauses ("..., giving X what it needed"). An event
    noun may also be the main clause's subject. (The walk up reads the per-Doc tables: each
    `Token.head` makes a new Token.)"""
    tok = _framed(tok)
    sd, i = tok.doc, tok.i
    dep, head = deps(sd), heads(sd)
    if pos_tags(sd)[i] == "NOUN" and dep[i] in ("nsubj", "nsubjpass"):
        i = head[i]  # "X's call for talks may become irrelevant": the subject names the event
    hops = 0
    while head[i] != i and hops < 8:
        if dep[i] not in MAIN_CHAIN_DEPS:
            return False
        i, hops = head[i], hops + 1
    return True


def _obligation(tok: Token, lex: Lexicon, ms: _Mentions) -> tuple[Mention, Mention] | None:
    """(speaker, addressee) for a reported obligation whose verb is no trigger of its own:
    "X said Y ought to be prepared to mediate", "X declared that Y should drop its barriers" (PLOVER
    codes the demand as REQUEST from X to Y)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ != "ccomp":
        return None
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if not aux & {"must", "should"} or any(c.dep_ == "neg" for c in tok.children):
        return None
    head = tok.head
    if not (head.lemma_.lower() in cert.REPORT_VERBS or lex.is_communication(head.lemma_)):
        return None
    sense = _sense(tok, lex) if tok.pos_ == "VERB" else None
    if sense is not None and sense.plover is not None:
        return None  # a trigger of its own: typed as a request there
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    m1 = _subject(head, ms) or _speaker(head, ms)
    m2 = ms.in_subtree(subj) if subj is not None else None
    if m1 is None or m2 is None or m1.actor_id == m2.actor_id:
        return None
    return m1, m2


def _requested(tok: Token, lex: Lexicon) -> bool:
    """True for an action that is only asked for or turned down: the complement of a request or
    rejection ("urged X to withdraw", "demanded that X ease", "rejected a request to interrogate")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "acl", "pcomp", "pobj", "prep", "acomp", "dobj") or cur.head == cur:
            return False
        head = cur.head
        if head.pos_ in ("VERB", "AUX") and head.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ in ("must", "should") for c in head.children
        ):
            return True  # "X said Y should stand ready to mediate": the mediation is what X asks for
        if head.pos_ in ("VERB", "NOUN"):
            sense = _sense(head, lex)
            if sense is not None and sense.plover in ("REQUEST", "REJECT"):
                return True
            if head.pos_ == "VERB":
                return False
        cur = head
    return False


def _unrealized(tok: Token, lex: Lexicon) -> bool:
    """True for an act the sentence does not report as done: the content of a noun ("the right to
    fire", "a proposal to hold talks", "a resolution that aims to impose a blockade"), the purpose
    of another event ("demanded a meeting to discuss X", "would blockade the city to demand Y"), or
    the condition of one ("will withdraw unless X arranges a truce").

    An intention that a verb of commitment completes ("vowed to fight") is not caught here: it
    types the vow (`_speech_act`); nor is the act a frame noun names ("an attempt to kill X")."""
    # the walk up reads the per-Doc tables (each `Token.head` or `.children` makes new Tokens); it ends
    # at the root, whose dependency ("ROOT") is no content link
    sd = tok.doc
    toks, heads_of, kids_of = tokens(sd), heads(sd), children(sd)
    dep, pos, lower, lemma = deps(sd), pos_tags(sd), lowers(sd), lemmas(sd)
    cur = _framed(tok).i
    infinitive = intended = False
    for _ in range(8):
        head = heads_of[cur]
        if dep[cur] == "advcl" and any(dep[c] == "mark" and lower[c] in ("if", "unless") for c in kids_of[cur]):
            return True
        to_clause = pos[cur] in ("VERB", "AUX") and _to_clause(toks[cur])
        infinitive = infinitive or (to_clause and dep[cur] in ("advcl", "acl", "xcomp"))
        # "a resolution that aims to impose": what a noun's relative clause says it is meant to do
        intended = intended or (to_clause and dep[cur] == "xcomp" and lemma[head] in COMMISSIVE | INTENT_VERBS)
        if dep[cur] == "advcl" and to_clause and pos[head] == "VERB" and lemma[head] not in COMMISSIVE:
            sense = _sense(toks[head], lex)
            if sense is not None and sense.plover is not None:
                return True  # the purpose of another event is not yet an event
        if pos[head] in ("NOUN", "PROPN") and (
            infinitive and dep[cur] == "acl" or intended and dep[cur] == "relcl"
        ):
            return lemma[head] not in FRAME_NOUNS
        if dep[cur] not in CONTENT_CHAIN_DEPS:
            return False
        cur = head
    return False


def _hostile_purposes(tok: Token, plover: str, lex: Lexicon) -> set[int]:
    """Tokens of the purpose clauses of a non-hostile verb whose own verb attacks ("sent troops to
    fight X", "intervened to battle X"): who is named there is fought, never the one a help or a
    deployment is for, so the event takes no target from them."""
    if tok.pos_ != "VERB" or plover in HOSTILE:
        return set()
    out = {
        t.i
        for c in tok.children
        if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and _to_clause(c)
        and (sense := _sense(c, lex)) is not None and sense.plover in HOSTILE
        for t in c.subtree
    }
    # "... to support the push, hitting army bases": a participial clause set off by a comma
    # names who is hit; the parser may hang its object over it ("striking" as a modifier of "bases")
    for c in tok.subtree:
        if (
            c.i > tok.i + 1
            and c.tag_ == "VBG"
            and c.dep_ in ("advcl", "acl", "amod")
            and c.doc[c.i - 1].text == ","
            and (sense := _sense(c, lex)) is not None
            and sense.plover in HOSTILE
        ):
            out |= {t.i for t in (c.head if c.dep_ == "amod" else c).subtree}
    return out


def _inside(m: Mention, tokens: set[int], ms: _Mentions) -> bool:
    span = span_at(ms.sd, m.start, m.end)
    return span is not None and span.root.i in tokens


def _done_to_protest(tok: Token, lex: Lexicon) -> bool:
    """True for a verb with a purpose clause of protest ("blocked the road to protest ...")."""
    for c in tok.children:
        if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and _to_clause(c):
            sense = _sense(c, lex)
            if sense is not None and sense.plover == "PROTEST":
                return True
    return False


def _protest_purpose(tok: Token, lex: Lexicon) -> bool:
    """True for a purpose clause ("to demand", "to press") of a protest act: a protest verb, or a
    verb whose object is a protest noun ("began a hunger strike to demand ...")."""
    if tok.dep_ not in ("advcl", "xcomp", "acl", "relcl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    ):
        return False
    head = tok.head
    for cand in [head] + [c for c in head.children if c.dep_ in ("dobj", "pobj", "prep")]:
        if cand.dep_ == "prep":
            cand = next((p for p in cand.children if p.dep_ == "pobj"), cand)
        if cand.pos_ not in ("VERB", "NOUN"):
            continue
        sense = _sense(cand, lex)
        if sense is not None and sense.plover == "PROTEST":
            return True
    return False


def _depth(tok: Token) -> int:
    """Dependency hops from the sentence root: the main clause's trigger names the main event."""
    tok = _framed(tok)
    head = heads(tok.doc)  # the walk up reads the per-Doc table: each `Token.head` makes a new Token
    t, d = tok.i, 0
    while head[t] != t and d < 50:
        t, d = head[t], d + 1
    return d


# the parts of speech of a trigger (`_obligation`: a verb or auxiliary; events: a verb or noun)
_CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN"})


def _side_clauses(sent: SpacySpan, trigger: Token) -> tuple[tuple[int, int], ...]:
    """Character spans (sentence offsets) of the relative, adverbial and adnominal clauses that do
    not hold `trigger`: a date there dates another happening ("troops who arrived on Monday")."""
    return tuple(span for lo, hi, span in _clauses_of(sent) if not (lo <= trigger.i <= hi))


def _clauses_of(sent: SpacySpan) -> tuple[tuple[int, int, tuple[int, int]], ...]:
    """(first token, last token, character span in the sentence) of each relative, adverbial and adnominal
    clause of the sentence, kept per parsed document (each event of the sentence asks)."""
    kept: dict[int, tuple[tuple[int, int, tuple[int, int]], ...]] = sent.doc.user_data.setdefault(_CLAUSES, {})
    got = kept.get(sent.start)
    if got is None:
        spans = []
        for t in span_tokens(sent):
            if t.dep_ in ("relcl", "acl", "advcl"):
                left, right = t.left_edge, t.right_edge
                end = right.idx + len(right.text)
                spans.append((left.i, right.i, (left.idx - sent.start_char, end - sent.start_char)))
        got = kept[sent.start] = tuple(spans)
    return got


_CLAUSES = "factiongraph.events.clauses"  # the Doc's user_data key of `_clauses_of`'s answers
_ANCHORS = "factiongraph.events.anchors"  # ... and of `_fatalities`'s anchors and fatality phrases


def _fatalities(sent: SpacySpan, trigger: Token, lexicon: Lexicon) -> int | None:
    """The death toll of the attack `trigger` names: the fatality phrases of its sentence that report
    on it rather than on another attack told there. Casualty verbs ("killed", "died") tell a toll,
    not an attack of their own, and are no anchors."""
    kept = sent.doc.user_data.get(_ANCHORS)
    if kept is None or kept[0] is not lexicon:
        kept = sent.doc.user_data[_ANCHORS] = (lexicon, {})
    by_sentence: dict[int, tuple[list[int], list[tuple[int, int, int]]]] = kept[1]
    got = by_sentence.get(sent.start)
    text = text_of(sent)
    if got is None:  # the same for every attack of the sentence, and so are its fatality phrases
        anchors: list[int] = []
        for t in span_tokens(sent):
            if t.pos_ not in ("VERB", "NOUN") or lexicon.verb_lemma(t.lemma_.lower(), t.lower_) in CASUALTY_VERBS:
                continue
            sense = _sense(t, lexicon)
            if sense is not None and sense.plover == "ASSAULT":
                anchors.append(t.idx - sent.start_char)
        got = by_sentence[sent.start] = (anchors, find_fatality_spans(text))
    anchors, spans = got
    own = trigger.idx - sent.start_char
    return fatalities_near(text, own, anchors if own in anchors else [], spans)


def _where(
    doc: Document,
    sent: SpacySpan,
    plover: str,
    locate: Locator | None,
    trigger: Token | None = None,
    places: Sequence[Place] = (),
    actor_spans: Sequence[tuple[int, int]] = (),
) -> Place | None:
    """Where the event happened: the place its own clause names (`clause_place`), else the
    sentence's or paragraph's scene. A statement (request, accusation, rejection, support,
    agreement) takes a place only from its own sentence: the scene of the sentences before it is
    where others acted, not where it was said. Acts and threats take the paragraph's scene too."""
    if locate is None:
        return None
    if trigger is not None:
        attached = clause_place(trigger, places, actor_spans)
        if attached is not None:
            return attached
    place = locate(doc, sent.start_char, sent.end_char)
    if place is not None and plover in STATEMENTS and not sent.start_char <= place.start < sent.end_char:
        return None
    return place


def _clause_text(tok: Token) -> str:
    """The words of the trigger's own clause, for weapon and method cues ("with suicide bombers").

    A participle that reports a consequence ("shelled the town, killing five") reads its
    governing clause too: the method is named there.
    """
    sd = tok.doc  # read from the per-Doc tables: no Token objects for the clause's words
    head_of, dep, pos = heads(sd), deps(sd), pos_tags(sd)
    t = tok.i
    head = t
    if pos[t] == "NOUN" and pos[head_of[t]] in ("VERB", "AUX"):
        head = head_of[t]
    if dep[t] in ("advcl", "xcomp", "acl") and tok.tag_ == "VBG" and pos[head_of[t]] == "VERB":
        head = head_of[t]
    skip = {j for c in children(sd)[head] if dep[c] in ("conj", "advcl", "relcl", "ccomp") for j in subtree(sd, c)}
    text = texts(sd)
    return " ".join(
        text[j] for j in subtree(sd, head) if (dep[j] not in ("conj", "cc") or head_of[j] != head) and j not in skip
    )


def _sentence_span(doc: Document, sent: SpacySpan) -> Span:
    start, end = sent.start_char, sent.end_char
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    while start < end and doc.text[start].isspace():
        start += 1
    return Span(start, end, doc.text[start:end])
