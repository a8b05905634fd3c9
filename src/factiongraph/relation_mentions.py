"""Mention-level hostility: who or what attacks whom or what, read off the dependency parse.

Actor-level relations (`relations.py`) say "the coalition is hostile to ISIL". Reports of
strikes say more, clause by clause: "three raids hit two militant fighting positions and
wrecked a truck" links the attacking phrase ("raids") to each attacked phrase ("militant
fighting positions", "truck"). This stage reads such arguments of attack predicates:

- predicates: verbs and event nouns that the event lexicon types as ASSAULT (verbs also
  COERCE: "suppressed a mortar team"); "against Y" after any predicate or instrument;
- attacker: the active subject, the passive "by" agent, the possessor ("ISIL's attack"), the
  subject of a light verb ("X conducted strikes against Y", "X began their assault on Y"), the
  instruments of "use/using X against Y", the claimer of "an attack claimed by X that hit Y",
  and the helper of "X is assisting Y to destroy Z" beside Y; coordinated verbs share their subject;
- attacked: the object and each coordinated conjunct, the passive subject, "against/on Y", the
  recipient of a defeat ("dealt Y a heavy blow"), the one driven out of a place ("expelled Y from
  the town"); an attack named among attacks ("ten strikes, including raids on Y") is part of them;
  never the ground taken ("captured the dam") nor an attack warded off ("fought off two counterattacks").

Each endpoint keeps the argument's own phrase as its mention span and needs an actor: the
actor named inside the phrase ("ISIL-held buildings" -> ISIL), else the side the document's
attack clauses give it (the attacker of the nearest preceding clause that names both sides,
e.g. "Coalition forces conducted strikes against ISIL"); an attacked phrase naming people
("killed 11 people") with no such side is the document's civilians. Civilians are attacked, never
attackers; whoever condemns an attack is not its attacker. Endpoints without an actor are not
emitted. Such relations are derived from the event the predicate triggered when there is one, and
carry a lower confidence than actor-level ones.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import TYPE_CHECKING

from factiongraph import countries
from factiongraph.actors.lexicon import WEAPON_WORDS
from factiongraph.actors.salience import PERIPHERAL_HINT
from factiongraph.actors.wordlists import words
from factiongraph.document import Document, Event, Mention, Relation, Span, as_certainty
from factiongraph.events import certainty as cert
from factiongraph.events import location
from factiongraph.events.extract import (
    AGENT_HEADS,
    LAUNCH_VERBS,
    OBTAIN_VERBS,
    RELATIVE_PRONOUNS,
    SIDE_NOUNS,
    _control_verb,
    _is_passive,
    _Mentions,
    _sentence_span,
    _speaker,
    companion_with,
    region,
)
from factiongraph.events.lexicon import Lexicon
from factiongraph.frames.ties import (
    compass_region,
    materiel_use_verb,
    own_front,
    proposer,
    supplied_materiel,
    tie_words,
    tied_by_agent,
    whole_and_part,
)
from factiongraph.frames.tokens import (
    children,
    deps,
    lemmas,
    lowers,
    pos_tags,
    quoted,
    sentence_of,
    span_at,
    span_tokens,
    tokens,
)
from factiongraph.tables import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

HOSTILE_VERB_TYPES = frozenset({"ASSAULT", "COERCE"})
HOSTILE_NOUN_TYPES = frozenset({"ASSAULT"})
# modifiers that belong to a noun phrase's own span (not its attachments)
PHRASE_DEPS = frozenset({"det", "nummod", "compound", "amod", "nmod", "poss", "case", "quantmod", "npadvmod"})
# "against Y", "on Y" mark the attacked side after a predicate
TARGET_PREPS = frozenset({"against", "on", "at"})
# where, and the way through ("shipped arms through Somalia", "via Oman"): a setting, not a party
LOCATIVE_PREPS = frozenset({"in", "near", "across", "throughout", "inside", "outside", "around", "within", "through",
                            "via"})
OF_PLACE_NOUNS = location.PLACE_NOUNS | location.NEAR_WORDS  # "the outskirts of X", "the town of X"
# named entities that are never a party: "on Monday", "regained 300 square miles"
NOT_PARTIES = frozenset({"DATE", "TIME", "QUANTITY", "PERCENT", "MONEY", "CARDINAL", "ORDINAL"})
SUPPORT_NOUNS = frozenset({"support", "backing", "assistance", "aid", "defense", "defence"})
INNER_PUNCT = frozenset({"-", "“", "”", '"', "‘", "’"})
QUANTITY_HEADS = frozenset(
    "score dozen hundred thousand ten million number handful series couple lot wave string spate group".split()
)
# verbs whose subject backs its object ("the alliance keeps backing local army units")
SUPPORT_VERBS = word_set("cues", "support_verbs")  # one list for every stage
# actors that are targets of violence, not parties to a relation (as in relations._derived)
NON_PARTY_KINDS = frozenset({"civilians", "protesters"})
# nouns naming someone by their tie to the possessor: "its allies" are not "it"
RELATIONAL_NOUNS = frozenset("ally partner friend enemy rival opponent foe backer sponsor proxy".split())
RELATIVE = RELATIVE_PRONOUNS
MENTION_CONFIDENCE = 0.35
# verbs of taking ground whose "from" object is the side it is taken from
TAKE_FROM_VERBS = frozenset(
    "liberate free seize retake recapture capture wrest reclaim clear rid purge expel drive oust evict".split()
)
FIRST_PERSON = frozenset({"we", "us"})
# verbs of judging an attack: their subject speaks about it, it does not carry it out
CONDEMN_VERBS = frozenset("condemn denounce deplore decry censure criticize criticise".split())
# heads of an attacked phrase that names victims, not a side: "killed 11 people", "injured scores of others"
# the people among them no side fields: killed or taken, they are victims whatever side the attacker fights
CIVILIAN_HEADS = frozenset("people civilian resident villager worshipper pilgrim child woman passenger bystander "
                           "mourner shopper".split())
VICTIM_HEADS = frozenset(
    """people person civilian resident hostage villager worshipper pilgrim child woman man student family
    passenger victim other bystander mourner shopper""".split()
)
PERSON_PRONOUNS = frozenset({"he", "him", "she", "her"})
# "on a regular basis", "on behalf of", "on this scale": an adverbial "on", no one attacked
ADVERBIAL_OBJECTS = frozenset(
    "basis behalf occasion ground charge order day night way dawn dusk noon midnight scale".split())
# verbs whose object does what their infinitive says ("urged the junta to halt the shelling")
OBJECT_CONTROL = word_set("cues", "infinitive_object_control")  # "urged the junta to halt ...": the junta
VOICE_KINDS = frozenset({"state", "foreign_state", "international_org"})
# verbs of a campaign's aim whose object is the enemy, however the event lexicon types them
# ("efforts to counter ISIL", "as they confront ISIL", "to degrade and destroy the group")
GOAL_VERBS = frozenset("counter confront degrade combat fight battle eliminate eradicate dismantle defeat".split())
AVOID_VERBS = word_set("relation_mentions", "avoid_verbs")
GROUP_HEADS = tie_words().group_heads  # "a newly merged rebel coalition": an unnamed group phrase
# the cue words of the constructions below, with their provenance, in data/relation_mentions.yaml
AIM_NOUNS = word_set("relation_mentions", "aim_nouns")
AIM_TALK_VERBS = word_set("relation_mentions", "aim_talk_verbs") | word_set("cues", "report_verbs")
RECEIVING_VERBS = word_set("relation_mentions", "receiving_verbs")
RECEIVED_ATTACK_NOUNS = word_set("relation_mentions", "received_attack_nouns")
DISCHARGE_VERBS = word_set("relation_mentions", "discharge_verbs")
MUNITION_NOUNS = word_set("relation_mentions", "munition_nouns")
INSTRUMENT_VERBS = word_set("relation_mentions", "instrument_verbs")
FIRING_VERBS = word_set("relation_mentions", "firing_verbs")
CIRCUMSTANCE_WORDS = word_set("relation_mentions", "circumstance_words")
REFLEXIVES = word_set("relation_mentions", "reflexive_pronouns")
AID_NOUNS = word_set("relation_mentions", "aid_nouns")
MEMBER_PREPS = word_set("relation_mentions", "member_preps")
DEFEAT_NOUNS = word_set("relation_mentions", "defeat_nouns")
DEALING_VERBS = word_set("relation_mentions", "dealing_verbs")
# the nouns of a fight between sides (the reciprocal verbs of ties.yaml and their -ing forms, and the setting nouns
# of places.yaml: "clashes", "fighting", "the war"): a two-sided act, which stands for neither side
RECIPROCAL_NOUNS = frozenset({*tie_words().reciprocal_verbs, *(v + "ing" for v in tie_words().reciprocal_verbs),
                              *words("places", "setting_nouns")})
PROPOSAL_NOUNS = tie_words().proposal_nouns  # "suspended a ceasefire with X": a settlement is no party
PLACE_PARTS = words("places", "place_parts")
COMPASS_NOUNS = frozenset(w for w in PLACE_PARTS if w.startswith(("north", "south", "east", "west")))
EXPEL_VERBS = word_set("relation_mentions", "expel_verbs")
TAKING_VERBS = word_set("relation_mentions", "taking_verbs")
TERRITORY_VERBS = word_set("cues", "territory_verbs")  # "overran Baga", "stormed Kidal": ground taken by force
HELPING_VERBS = word_set("relation_mentions", "helping_verbs")
DWELLING_NOUNS = word_set("relation_mentions", "dwelling_nouns")
KIN_NOUNS = word_set("relation_mentions", "kin_nouns")
EXCHANGE_VERBS, EXCHANGED_FIRE_NOUNS = tie_words().exchange_verbs, tie_words().exchanged_fire_nouns  # "traded fire"


# the parts of speech `_Extractor.clauses` reads a rule off (a verb, or a noun in a noun's place)
_CLAUSE_POS = frozenset({"VERB", "NOUN", "PROPN"})


def _phrase(tok: Token) -> tuple[int, int]:
    """Token range of a noun phrase without its attachments (prepositions, clauses, conjuncts)."""
    keep = {tok.i}
    stack = [c for c in tok.children if c.dep_ in PHRASE_DEPS or _inner_punct(c, tok)]
    while stack:
        cur = stack.pop()
        keep.add(cur.i)
        stack.extend(c for c in cur.children if c.dep_ not in ("prep", "relcl", "acl", "conj", "cc", "appos"))
    lo = hi = tok.i  # the contiguous run around the head
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    items = _coordinated(tok)
    n = _shared_run(items) if tok.dep_ != "conj" else 0
    if n:
        hi = max(hi, _phrase(items[n - 1])[1])
    return lo, hi


def _inner_punct(c: Token, head: Token) -> bool:
    """Hyphens and quotes inside a phrase: 'ISIL-held', the Pentagon's "moderate" rebels."""
    return c.dep_ == "punct" and c.i < head.i and c.text in INNER_PUNCT


def _argument(tok: Token) -> Token | None:
    """The noun an argument token stands for: the antecedent of a relative pronoun ("strikes that
    kill civilians"), the counted noun of a quantity ("scores of civilians"); None if there is none."""
    if tok.lower_ in RELATIVE:
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is None or clause.head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        tok = clause.head
    return _through_quantity(tok)


def _nominal(tok: Token) -> bool:
    """A noun, or a word in a noun's place that the tagger read as a verb ("a series of airstrikes")."""
    return tok.pos_ in ("NOUN", "PROPN", "PRON") or (tok.pos_ == "VERB" and tok.dep_ in ("pobj", "nsubj", "dobj"))


def _through_quantity(tok: Token) -> Token:
    """'scores of civilians', 'a series of airstrikes': the counted noun is the argument."""
    if tok.lemma_.lower() not in QUANTITY_HEADS:
        return tok
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
    return pobj if pobj is not None else tok


def _coordinated(tok: Token) -> list[Token]:
    out, stack, seen = [], [tok], {tok.i}
    while stack:
        cur = stack.pop()
        out.append(cur)
        for c in cur.children:
            if c.dep_ in ("conj", "appos") and c.i not in seen and _nominal(c) and not _tie_apposition(c):
                seen.add(c.i)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _tie_apposition(tok: Token) -> bool:
    """An apposition naming the item by its tie to another actor ("JNIM, al Qaeda's branch", "X, Iran's
    ally"): it says what the item is, it adds no second party (the tie itself is read in `relations`)."""
    return tok.dep_ == "appos" and tie_words().noun_cues.get(tok.lemma_.lower()) is not None \
        and any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _shared_run(items: list[Token]) -> int:
    """How many leading items of a coordination are one phrase: bare singular nouns modifying one head noun.
    "cargo, patrol, transport and unmanned planes" is one phrase (4); so is the head of "attack, fighter and
    unmanned planes as well as field guns" (3); "two vehicles, a tank and three buildings",
    "bunkers, trenches and heavy weapons" and "Homs and Hama" are separate items (0)."""
    if len(items) < 2 or items[0].pos_ == "PRON":
        return 0
    best = 0
    for k in range(2, len(items) + 1):
        head, mods = items[k - 1], items[: k - 1]
        if any(c.dep_ in ("det", "nummod", "poss") for x in items[:k] for c in x.children):
            break
        if not all(c.dep_ in ("punct", "cc", "conj") for x in mods for c in x.children):
            break
        if head.pos_ == "PROPN":  # "Homs and Hama": two names, not the modifiers of one
            continue
        if all(x.pos_ == "NOUN" and x.tag_ == "NN" for x in mods):  # a modifying noun is singular
            best = k
    return best


def _conjuncts(tok: Token) -> list[Token]:
    """The token and every item coordinated with it ("X, Y and Z"; lists parsed as apposition);
    only the first of bare modifiers sharing a head (its phrase runs to the head)."""
    items = _coordinated(tok)
    n = _shared_run(items)
    return [items[0], *items[n:]] if n else items


def _agent_tokens(verb: Token, depth: int = 0) -> list[Token]:
    """Attacking arguments of a verb: active subject or passive 'by' agent, from the governing
    verb for coordinated verbs without their own."""
    if _is_passive(verb):
        got = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    else:
        got = [c for c in verb.children if c.dep_ == "nsubj"]
    if not got and depth < 3 and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not _is_passive(verb):
        return _agent_tokens(verb.head, depth + 1)
    if not got and depth < 3 and (verb.dep_ == "xcomp" or _controlled(verb)):
        # object control: "urged the junta to halt the shelling" -> the junta
        obj = [c for c in verb.head.children if c.dep_ == "dobj"]
        if obj:
            return obj
    if not got and _infinitive_modifier(verb) and verb.head.pos_ in ("NOUN", "PROPN"):
        # "Coalition efforts to defeat Daesh", "the CIA's jihadis fighting ...": the noun itself
        noun = verb.head
        poss = [c for c in noun.children if c.dep_ == "poss"]
        if poss and poss[0].pos_ != "PRON":
            return poss
        if not poss and _aim_noun(noun) and depth < 3:
            # "struck the depots in order to weaken T", "meets to plan the drive to expel T": an aim phrase
            # naming nobody is the aim of whoever its clause is about
            return _clause_subject(noun.head, depth) or [noun]  # (always upwards in the tree: it ends)
        # "al-Qaida retains its capacity to attack ...": a pronoun owner is the clause's subject
        return (_clause_subject(noun.head, depth + 1) if poss else []) or [noun]
    if not got and (accuser := _control_verb(verb)) is not None:
        # "accused the official of aiding Y": the one accused does it, not the accuser
        return [c for c in accuser.children if c.dep_ in ("dobj", "nsubjpass")]
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if not got and to is not None and verb.dep_ in ("xcomp", "advcl") and to.i > 0:
        # "X welcomed the drive to expel Y", the infinitive hung on the verb: it is the aim noun's, and X only
        # speaks of it
        noun = verb.doc[to.i - 1]
        if noun.dep_ == "dobj" and noun.head == verb.head and noun.lemma_.lower() in AIM_NOUNS and (
            verb.head.lemma_.lower() in AIM_TALK_VERBS
        ):
            return [noun]
    if not got and depth < 3 and not _is_passive(verb) and verb.dep_ in ("xcomp", "advcl", "pcomp"):
        # "to beat the militia, they must ...", "the drive to beat the militia": the controller's subject
        return _clause_subject(verb.head, depth + 1)
    if not got and _is_passive(verb) and depth < 3:
        # "was hit and wounded by a drone": the agent hangs off the coordinated verb
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "VERB":
                got = [p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
                if got:
                    break
    if not got and _is_passive(verb) and depth < 3:
        # "was killed in a raid conducted by X": the one who carried out the attack it was killed in
        for v in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")):
            for n in (p for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "during") for p in c.children
                      if p.dep_ == "pobj"):
                got = [p for a in n.children if a.dep_ == "acl" for b in a.children
                       if b.dep_ == "agent" for p in b.children if p.dep_ == "pobj"]
                if got:
                    return got
    return got


def _aim_noun(noun: Token) -> bool:
    """A bare aim noun: "in order to", "efforts to", "the drive to" with no name or owner of its own."""
    if noun.lemma_.lower() not in AIM_NOUNS:
        return False
    if any(c.dep_ in ("poss", "compound", "nmod") or c.ent_type_ for c in noun.children):
        return False
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is None or verb.lemma_.lower() not in AIM_TALK_VERBS  # "discussed the drive to expel Y": talk


def _controlled(verb: Token) -> bool:
    """'push the junta to stop ...', 'help local troops to recapture ...': an infinitive the parser
    attached as a purpose clause to a verb whose object does it."""
    to = any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    return to and verb.dep_ == "advcl" and verb.head.lemma_.lower() in OBJECT_CONTROL


def _infinitive_modifier(verb: Token) -> bool:
    """A verb modifying a noun: 'fighters holding the town', 'the coalition to defeat ISIL' (which the
    parser may read as a relative clause)."""
    to = any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    return verb.dep_ == "acl" or verb.dep_ == "relcl" and to


def _clause_subject(tok: Token, depth: int = 0) -> list[Token]:
    """The subject of the clause a phrase belongs to ("X took part in the firing of ...")."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "prep":  # "including", "following": prepositions
            subj = _agent_tokens(cur, depth) if depth < 3 else []
            return subj or [c for c in cur.children if c.dep_ == "nsubjpass"]
        if cur.head == cur:
            break
        cur = cur.head
    return []


def _patient_tokens(verb: Token, depth: int = 0) -> list[Token]:
    """Attacked arguments of a verb: object, passive subject, 'against/on' object."""
    got = []
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            got.append(c)
        elif c.dep_ == "prep" and c.lower_ == "at" and has_object:
            continue  # "hit a base at Leego": where the attacked object was, not a second one attacked
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            # not "fought on Kyiv's side", "on behalf of X": whom they fight for
            got.extend(p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in SIDE_NOUNS
                       and not own_front(p))
    if not got and depth < 3 and verb.dep_ == "conj" and _is_passive(verb) and verb.head.pos_ == "VERB":
        return [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return got


def _guessed_place(doc: Document, e: Event) -> bool:
    """The event's second side is a guess whose every name in the sentence is where it happened
    ("X attacked the village near Moura in Mali"): event coding may take the country for the
    target, but it is no side that X opposes."""
    if e.actor2 is None or e.actor2_mention is not None or doc.parsed is None:
        return False
    actor = doc.actor(e.actor2)
    if actor is None:
        return False
    inside = [m for m in actor.mentions if e.evidence.start <= m.start and m.end <= e.evidence.end]
    roots = [span.root for m in inside
             if (span := span_at(doc.parsed, m.start, m.end)) is not None and len(span)]
    return bool(roots) and all(Parties.is_locative(r) for r in roots)


class _Sides:
    """Which actor attacks and which is attacked, from the document's clauses naming both."""

    def __init__(self, doc: Document, places: frozenset[str] = frozenset()) -> None:
        """`places`: actor ids that only ever name a place ("Near Mosul, four strikes hit ..."); no side."""
        self.points: list[tuple[int, str, str]] = []  # (offset, attacker, attacked)
        counts: Counter[tuple[str, str]] = Counter()
        for e in doc.events:
            if e.actor1 in places or e.actor2 in places or _guessed_place(doc, e):
                continue
            if e.plover == "ASSAULT" and e.actor1 and e.actor2 and e.actor1 != e.actor2 and e.certainty != "negated":
                self.points.append((e.trigger.start, e.actor1, e.actor2))
                counts[(e.actor1, e.actor2)] += 1
        self.points.sort()
        self.default = counts.most_common(1)[0][0] if counts else None

    def add(self, offset: int, attacker: str, attacked: str) -> None:
        self.points.append((offset, attacker, attacked))
        self.points.sort()

    def at(self, offset: int) -> tuple[str, str] | None:
        """The sides of the nearest clause before `offset` (else the document's usual ones)."""
        best = None
        for off, a, b in self.points:
            if off > offset:
                break
            best = (a, b)
        return best or self.default

    def opponent(self, actor: str, offset: int) -> str | None:
        """Who `actor` fights in the nearest clause naming it (before `offset` first, then after)."""
        before = [p for p in self.points if p[0] <= offset]
        after = [p for p in self.points if p[0] > offset]
        for _, a, b in [*reversed(before), *after]:
            if a == actor:
                return b
            if b == actor:
                return a
        return None


def _region_of(head: Token) -> bool:
    """"southern Lebanon", "eastern Ukraine": a region of a country, the ground where an act happens (an
    event's target in event coding), never a side of a tie."""
    return compass_region(head, before=head.i)


class Parties:
    """Whether an actor mention takes part in a clause or only sets its scene."""

    sd: Doc

    def __init__(self, doc: Document, ms: _Mentions) -> None:
        self.sd, self.ms = doc.parsed, ms
        self.places = [(p.start, p.end) for p in doc.places]

    def placelike(self, m: Mention) -> bool:
        """An unknown 'actor' that is a place name ("Near Ar Raqqah", a gazetteer place)."""
        a = self.ms.actors.get(m.actor_id)
        if a is None or a.kind != "other":
            return False
        return any(s <= m.start and m.end <= e for s, e in self.places) or m.text.split()[0].lower() in LOCATIVE_PREPS

    @staticmethod
    def is_locative(tok: Token) -> bool:
        """'in Syria', 'near Mosul', 'the southern suburbs of Beirut': a setting, not a participant
        ("of" after a noun of place or nearness, as the event location stage reads it)."""
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        return region(tok) or prep.lower_ in LOCATIVE_PREPS or prep.lower_ == "of" and tok.pos_ == "PROPN" \
            and (prep.head.lemma_.lower() in OF_PLACE_NOUNS  # a name: not "rid the town of the militants"
                 or prep.head.lower_ == "out")  # "drove the junta out of Freetown": where from

    def head(self, m: Mention) -> Token | None:
        span = span_at(self.sd, m.start, m.end)
        return span.root if span is not None and len(span) else None

    def proposer(self, m: Mention) -> bool:
        """The mention names whose proposal a settlement noun is ("a Qatari peace plan", "an AU truce"),
        whether its span stops at the modifier or takes in the noun."""
        span = span_at(self.sd, m.start, m.end)
        if span is None or not len(span):
            return False
        return proposer(span[0]) or proposer(span.root) \
            or len(span) > 1 and span.root.lemma_.lower() in tie_words().proposal_nouns

    def is_party(self, m: Mention) -> bool:
        head = self.head(m)
        return not self.placelike(m) and not (head is not None and (self.is_locative(head) or _region_of(head)))

    def opposed(self, m: Mention, trigger: Token) -> bool:
        """The mention is what an 'against' between it and the trigger governs ("support the
        campaign against ISIL": ISIL is opposed, not supported)."""
        cur = self.head(m)
        for _ in range(6):
            if cur is None or cur == trigger or cur.head == cur:
                return False
            if cur.dep_ == "pobj" and cur.head.lower_ == "against":
                return True
            cur = cur.head
        return False

    def supported(self, m: Mention, trigger: Token) -> bool:
        """The mention is what a 'support' noun governs between it and the trigger ("raids ... in
        support of the Kandorian cabinet")."""
        cur = self.head(m)
        for _ in range(6):
            if cur is None or cur == trigger or cur.head == cur:
                return False
            cur = cur.head
            if cur.pos_ == "NOUN" and cur.lemma_.lower() in SUPPORT_NOUNS:
                return True
        return False


class _Extractor:
    sd: Doc

    def __init__(self, doc: Document, ms: _Mentions, lexicon: Lexicon) -> None:
        self.doc, self.ms, self.lex = doc, ms, lexicon
        self.sd = doc.parsed
        self.parties = Parties(doc, ms)
        self.sides = _Sides(doc, frozenset(
            a.id for a in doc.actors if a.mentions and all(self.parties.placelike(m) for m in a.mentions)
        ))
        self.places = [(p.start, p.end) for p in doc.places]
        self.events = {(e.trigger.start, e.trigger.end): e for e in doc.events}
        self.voice = _voice(doc)
        self.peripheral = set(doc.hints.get(PERIPHERAL_HINT, ()))
        self._hostile_nouns: dict[int, bool] = {}
        self._hostile_verbs: dict[int, bool] = {}

    # ---------------------------------------------------------------- predicates

    def hostile_verb(self, tok: Token) -> bool:
        """A verb of attack (kept per token: the clause rules ask again as heads of their arguments)."""
        got = self._hostile_verbs.get(tok.i)
        if got is None:
            got = self._hostile_verbs[tok.i] = self._read_hostile_verb(tok.i)
        return got

    def _read_hostile_verb(self, i: int) -> bool:
        sd = self.sd
        if pos_tags(sd)[i] != "VERB":
            return False
        dep, kids = deps(sd), children(sd)[i]
        obj = next((lemmas(sd)[c] for c in kids if dep[c] == "dobj"), None)
        prt = next((lowers(sd)[c] for c in kids if dep[c] == "prt"), None)
        lemma = lemmas(sd)[i]
        if lemma in GOAL_VERBS:
            return True
        if lemma in AVOID_VERBS:
            return False  # "X long shunned the government": kept away from, not fought
        sense = self.lex.verb(lemma, prt, None, obj)
        if sense is None or sense.plover not in HOSTILE_VERB_TYPES:
            return False
        return sense.plover == "ASSAULT" or sense.mode is None  # "suppressed a unit"; not "seized the tanks"

    def items(self, tok: Token) -> list[Token]:
        """The coordinated arguments of `tok`, less the pieces of a name it is part of ("Jaysh al-Islam")."""
        own = self.ms.by_token.get(tok.i)
        return [x for x in _conjuncts(tok) if x is tok or own is None or self.ms.by_token.get(x.i) is not own]

    def light_verb_object(self, tok: Token) -> bool:
        """The event noun of 'conducted strikes', 'launched an attack': a verb that is hostile only with
        this object (unlike 'destroyed a mortar')."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.pos_ != "VERB" or not self.hostile_noun(tok):
            return False
        alone = self.lex.verb(verb.lemma_.lower())
        return alone is None or alone.plover not in HOSTILE_VERB_TYPES

    def included_attack(self, tok: Token) -> bool:
        """An attack noun named as one of the attacks before it ("carried out ten strikes, including raids on
        Y", "the shelling, including mortar fire at Y"): a part of the attack, not its target."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in MEMBER_PREPS or not self.hostile_noun(tok):
            return False
        host = prep.head  # the list's noun, or the verb the parser hangs the phrase on ("conducted bombing, including")
        return self.hostile_noun(host) or any(c.dep_ == "dobj" and self.hostile_noun(c) for c in host.children)

    def attack_event(self, tok: Token) -> bool:
        """A noun naming an attack as an event ("counterattack", "assault", "raid"), not a weapon ("IED", "bomb")."""
        if not _nominal(tok) or tok.pos_ == "PRON":
            return False
        sense = self.lex.noun(tok.lemma_.lower()) or self.lex.noun(tok.lower_)
        return sense is not None and sense.plover in HOSTILE_NOUN_TYPES and sense.mode is None

    def hostile_noun(self, tok: Token) -> bool:
        """A noun naming an attack or a weapon (kept per token: each clause rule asks again)."""
        got = self._hostile_nouns.get(tok.i)
        if got is None:
            got = self._hostile_nouns[tok.i] = self._read_hostile_noun(tok)
        return got

    def _read_hostile_noun(self, tok: Token) -> bool:
        if not _nominal(tok) or tok.pos_ == "PRON":
            return False
        sense = self.lex.noun(tok.lemma_.lower()) or self.lex.noun(tok.lower_)
        return sense is not None and sense.plover in HOSTILE_NOUN_TYPES

    # ---------------------------------------------------------------- endpoints

    def actor_in(self, lo: int, hi: int) -> Mention | None:
        """The actor named inside a phrase (not a place named as an 'other' actor)."""
        for i in range(hi, lo - 1, -1):  # the head end first: "ISIL tactical units" -> ISIL either way
            m = self.ms.by_token.get(i)
            if m is not None and not self.parties.placelike(m):
                return m
        return None

    def endpoint(self, tok: Token, attacked: bool) -> tuple[Span, Mention | None] | None:
        relative = tok.lower_ in RELATIVE
        if relative and not attacked and (claimer := self.claimed_by(tok)) is not None:
            return Span(claimer.start, claimer.end, claimer.text), claimer  # "an attack claimed by X that hit ..."
        arg = _argument(tok)
        if arg is None:
            return None
        tok = arg
        if relative and not attacked:
            tok = self.attack_behind_place(tok)
        if not _nominal(tok) or self.parties.is_locative(tok) or _region_of(tok) or tok.lower_ in REFLEXIVES:
            return None  # a setting ("in Syria"), or the subject again ("killed himself")
        if _bearing(tok):
            return None  # "fought X west of Mosul": where, though the parser may take it for an object
        if tok.lower_ in PLACE_PARTS and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) \
                and tok.i not in self.ms.by_token:
            return None  # "overran the base on the edge of Las Anod", "the outskirts of Goma": where, not a side
        if tok.lemma_.lower() in PROPOSAL_NOUNS and tok.i not in self.ms.by_token:
            return None  # "suspended a ceasefire with X": the settlement is no side; X is named by its own phrase
        if tok.ent_type_ in NOT_PARTIES and tok.i not in self.ms.by_token:  # the tagger reads "ISIL" as a number
            return None
        if attacked and self.light_verb_object(tok):
            return None  # "conducted strikes": the attack itself, not a party to it
        if attacked and tok.lemma_.lower() in DEFEAT_NOUNS and tok.head.lemma_.lower() in DEALING_VERBS:
            return None  # "inflicted a defeat on Y": the defeat is what is dealt, Y is attacked
        if attacked and self.included_attack(tok):
            return None  # "conducted ten strikes, including raids on Y": the raids are among the strikes
        if attacked and tok.dep_ == "pobj" and tok.lemma_.lower().split("[")[0] in ADVERBIAL_OBJECTS:
            return None
        if attacked and _launched(tok):
            return None  # "launched operations against Y": the operations are the attack, Y is attacked
        if attacked and _discharged(tok):
            return None  # "fired 12 rockets at the base": the rockets are the means, the base is attacked
        if attacked and tok.dep_ == "dobj" and tok.lemma_.lower() in EXCHANGED_FIRE_NOUNS \
                and tok.head.lemma_.lower() in EXCHANGE_VERBS:
            return None  # "exchanged fire with X": the fire is what passes between the sides, X is the other side
        own = self.ms.by_token.get(tok.i)
        if own is None and tok.lower_ in FIRST_PERSON and self.voice is not None and not quoted(tok):
            # "We shall keep hitting the militants" in a statement: the organisation that issued it (inside a
            # quotation, "we" is the quoted speaker's side, which the actor layer resolves when it can)
            end = tok.idx + len(tok)
            return Span(tok.idx, end, tok.text), Mention(tok.idx, end, tok.text, self.voice)
        if own is not None and tok.dep_ in ("compound", "nmod", "amod") and not self.parties.placelike(own):
            return Span(own.start, own.end, own.text), own  # a name modifying a noun: "the Iran-Iraq war"
        lo, hi = _phrase(tok)
        start, end = self.sd[lo].idx, self.sd[hi].idx + len(self.sd[hi])
        if own is not None:  # a name the parser split ("Jaysh al-Islam"): the whole name
            start, end = min(start, own.start), max(end, own.end)
        if self.sd[lo].lower_ in LOCATIVE_PREPS:
            return None  # "Near Mosul, five strikes ...": a setting misread as the subject
        named = self.actor_in(lo, hi)
        if named is None and not attacked and (claimer := self.claimer(tok)) is not None:
            return Span(claimer.start, claimer.end, claimer.text), claimer  # "attacks, claimed by X, killed ..."
        relational = tok.lemma_.lower() in RELATIONAL_NOUNS or tok.lower_ in tie_words().distinct_member_nouns
        if named is not None and not attacked and self.ms.by_token.get(tok.i) is None and (
            relational or not self.can_attack(tok)
        ):
            # "its remaining allies attacked": the allies are not "it"; "the coalition's airstrikes" are the coalition
            owner = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
            if self.ms.by_token.get(next(iter(owner), -1)) is named:
                named = None
        if named is not None and relational and self.ms.by_token.get(tok.i) is None:
            # "the al-Qaeda affiliate", "a US ally": the name in front is the other side of the tie
            owner = {t.i for c in tok.children if c.dep_ == "compound" and c.i < tok.i for t in c.subtree}
            if any(self.ms.by_token.get(i) is named for i in owner):
                named = None
        if named is None and any(self.ms.by_token.get(i) for i in range(lo, hi + 1)):
            return None  # a place-named "actor" ("Near Ar Raqqah")
        if attacked and named is None and _taken(tok) and (not self.person(tok) or self.placed(tok)):
            return None  # "captured the dam", "liberated three villages", "seized Goma": the ground taken, not a party
        if attacked and named is None and self.placed(tok) and _root_head(tok).dep_ == "dobj" \
                and _root_lemma(tok) in TERRITORY_VERBS:
            return None  # "overran Baga": a town the geoparser found, taken by force, is no party either
        if attacked and named is None and tok.dep_ == "appos" and self.placed(tok.head):
            return None  # "captured Goma, the main city of the east": the apposition names the same place
        if attacked and named is None and tok.lemma_.lower() in DWELLING_NOUNS:
            return None  # "torched villages", "shelled homes": where civilians live, no armed side's
        if attacked and named is None and tok.lemma_.lower() in KIN_NOUNS:
            return None  # "killed his uncle": a relative, no fighter of the side the attacker fights
        if attacked and named is None and self.attack_event(tok):
            return None  # "fought off two counterattacks": the attack warded off, not a party to it
        if named is None and not attacked and (
            any(s <= start and end <= e for s, e in self.places) or tok.ent_type_ in ("GPE", "LOC", "FAC")
        ):
            return None  # a place does not attack; an attacked place ("shelled Aleppo") is the other side's
        return Span(start, end, self.doc.text[start:end]), named

    # ---------------------------------------------------------------- clauses

    def attack_behind_place(self, tok: Token) -> Token:
        """The attack a relative clause is about when the parser hangs it on the attack's place
        ("X's raids in the village of T in P district, which killed ...": the raids killed)."""
        cur = tok
        while cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in LOCATIVE_PREPS | {"of"}:
            cur = cur.head.head
            if self.hostile_noun(cur):
                return cur
        return tok

    def claimer(self, tok: Token) -> Mention | None:
        """The actor an attack is claimed by ("attacks, also claimed by X", "attacks X claimed")."""
        clauses = [c for c in tok.children if c.dep_ in ("acl", "relcl")]
        if tok.dep_ in ("nsubj", "nsubjpass"):
            clauses.append(tok.head)  # the parser's reading of "attacks, claimed by X, killed ...": X is the agent
        for c in clauses:
            if c.lemma_.lower() == "claim":
                for a in c.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            if p.dep_ == "pobj" and (m := self.ms.by_token.get(p.i)) is not None:
                                return m
                    elif a.dep_ == "nsubj" and (m := self.ms.by_token.get(a.i)) is not None:
                        return m
        return None

    def reporter(self, pred: Token) -> Mention | None:
        """The actor whose report a clause is: the named subject of the reporting verb the clause is the
        complement of ("the Pentagon said a strike had killed ...", "Washington says strikes hit ...")."""
        cur = pred
        while cur.dep_ != "ccomp" and cur.head.i != cur.i and cur.dep_ in ("nsubj", "nsubjpass", "conj", "dobj",
                                                                           "pobj", "prep"):
            cur = cur.head
        verb = cur.head
        if cur.dep_ != "ccomp" or verb.lemma_.lower() not in cert.REPORT_VERBS:
            return None
        return _speaker(verb, self.ms)

    def claimed_by(self, pron: Token) -> Mention | None:
        """The claimer of "an attack claimed by X(,) that targeted Y": the relative pronoun right after a "claimed
        by X" phrase stands for the claimed attack, wherever the parser hangs its clause (on the verb of claiming
        or on the main verb)."""
        if pron.dep_ != "nsubj" or pron.i == 0:
            return None
        last = pron.doc[pron.i - 1]
        if last.is_punct and last.i > 0:
            last = pron.doc[last.i - 1]
        claim = next((a for a in (last, *last.ancestors) if a.pos_ == "VERB" and a.lemma_.lower() == "claim"), None)
        if claim is None or claim.i > last.i:
            return None
        return next((m for a in claim.children if a.dep_ == "agent" for p in a.children
                     if p.dep_ == "pobj" and (m := self.ms.by_token.get(p.i)) is not None), None)

    def person_before(self, pron: Token) -> str | None:
        """The actor of the nearest named person before a pronoun ("X met his adviser; he was killed")."""
        for i in range(pron.i - 1, -1, -1):
            m = self.ms.by_token.get(i)
            if m is not None and self.sd[i].ent_type_ == "PERSON":
                return m.actor_id
        return None

    def victims(self, span: Span) -> str | None:
        """The civilians actor for an unnamed attacked phrase naming people ("killed 11 people"); the
        person named last for "he", "she"."""
        tok = self.phrase_head(span)
        if tok is not None and tok.lower_ in PERSON_PRONOUNS:
            return self.person_before(tok)
        if tok is None or tok.lemma_.lower() not in VICTIM_HEADS:
            return None
        return next((a.id for a in self.doc.actors if a.kind == "civilians"), None)

    def civilian(self, span: Span) -> bool:
        """An unnamed attacked phrase naming people as civilians ("dozens of people", "villagers", "civilians")."""
        tok = self.phrase_head(span)
        return tok is not None and tok.lemma_.lower() in CIVILIAN_HEADS

    def phrase_head(self, span: Span) -> Token | None:
        """The head word of an endpoint phrase that names no actor."""
        return self.parties.head(Mention(span.start, span.end, span.text, ""))

    def placed(self, tok: Token) -> bool:
        """The word is a place the geoparser found ("captured Goma", whatever the tagger calls the name)."""
        return any(s <= tok.idx < e for s, e in self.places)

    def person(self, tok: Token) -> bool:
        """A phrase naming people or fighters ("twenty fighters", "two officers", "him"): taken, they are attacked."""
        return (tok.pos_ == "PRON" or tok.ent_type_ == "PERSON" or tok.lemma_.lower() in VICTIM_HEADS
                or self.can_attack(tok))

    def can_attack(self, tok: Token | None) -> bool:
        """An unnamed attacker that still stands for a side: an attack or weapon, a person pronoun,
        an armed group noun ("enemy fighters", "the gunmen")."""
        if tok is None:
            return False
        if tok.pos_ == "PRON":
            return tok.lower_ not in ("it", "this", "that", "which", "what")
        if tok.lemma_.lower() in RECIPROCAL_NOUNS:
            return False  # "fighting forced thousands from their homes": both sides' act, standing for neither
        return self.is_means(tok) or tok.lemma_.lower() in AGENT_HEADS or tok.lower_ in AGENT_HEADS

    def clients(self, span: Span) -> bool:
        """An unnamed phrase a tie participle's agent qualifies ("troops backed by the coalition")."""
        phrase = span_at(self.sd, span.start, span.end)
        return phrase is not None and tied_by_agent(phrase.root)

    def new_group(self, span: Span) -> bool:
        """An unnamed group phrase with an indefinite article ("a newly merged rebel coalition", "an armed
        faction") or a modifier of secession ("the breakaway cell", "splinter units"): it introduces a group the
        text has not named, so it is no actor named elsewhere (English indefinites introduce new referents); the
        document's sides give it no guessed identity."""
        phrase = span_at(self.sd, span.start, span.end)
        root = phrase.root if phrase is not None else None
        if root is None:
            return False
        if root.lemma_.lower() in GROUP_HEADS \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in root.children):
            return True
        # "members of the breakaway cell": a part that left a group is a group of its own, not a side named before
        groups = [root, *(p for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj")]
        seceded = tie_words().secession_modifiers
        return any(c.dep_ in ("amod", "compound") and c.lower_ in seceded for g in groups for c in g.children)

    def is_means(self, tok: Token) -> bool:
        """An attack or weapon standing for its user ("strikes", "IEDs", "aircraft")."""
        if self.hostile_noun(tok):
            return True
        root = _root_head(tok)
        if root.dep_ == "dobj" and root.head.lemma_.lower() in INSTRUMENT_VERBS:
            return True  # "using aircraft and artillery against ..."
        return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ == "use"

    def light_verb_agents(self, noun: Token) -> list[Token]:
        """'X's strikes', 'strikes by X', 'X conducted strikes', 'X took part in the fight'."""
        cur = noun
        for _ in range(4):  # "their work aimed at the war on T": the nearest owner
            poss = [c for c in cur.children if c.dep_ == "poss"]
            if poss and poss[0].pos_ == "PRON" and cur is noun and noun.dep_ == "dobj" and (
                subj := _clause_subject(noun.head)
            ):
                return subj  # "X began their assault on Y": the owner is the subject, named in full
            if poss:
                return poss
            if cur.head == cur or cur.head.pos_ in ("VERB", "AUX"):
                break
            cur = cur.head
        by = [p for c in noun.children if c.dep_ in ("agent", "prep") and c.lower_ == "by" for p in c.children
              if p.dep_ == "pobj"]
        # "the ISIL attack", "coalition airstrikes": the name modifying the attack, not the clause's subject
        named = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
                 and (m := self.ms.by_token.get(c.i)) is not None and not self.parties.placelike(m)]
        if by or named:
            return by or named[:1]
        judge = _judged(noun)
        if judge is not None:  # "X condemns the ISIL attack and other attacks against Y": ISIL's, not X's
            return self.first_owner(noun, judge)
        if _in_circumstance(noun):  # "X walked out in protest over the shelling of Y": X did not shell
            return []
        return _clause_subject(noun.head)

    def first_owner(self, noun: Token, judge: Token) -> list[Token]:
        """The actor named on the first attack noun coordinated with `noun` under a condemning verb."""
        chain = []
        cur = noun
        while cur.dep_ == "conj" and cur.head.pos_ in ("NOUN", "PROPN"):
            cur = cur.head
            chain.append(cur)
        chain += [c for c in judge.children if c.dep_ == "dobj"]
        for n in chain:
            named = [c for c in n.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                     and (m := self.ms.by_token.get(c.i)) is not None and not self.parties.placelike(m)]
            if named:
                return named[:1]
        return []

    def clauses(self) -> list[tuple[Token, list[Token], list[Token]]]:
        """(predicate, attacker tokens, attacked tokens) for each attack clause."""
        out = []
        pos, dep, lower, lemma = pos_tags(self.sd), deps(self.sd), lowers(self.sd), lemmas(self.sd)
        for i, tok in enumerate(tokens(self.sd)):
            if pos[i] not in _CLAUSE_POS and dep[i] != "dobj" and not (dep[i] == "prep" and lower[i] == "against"):
                continue  # no rule below reads it (each needs a verb, a noun, an object or "against")
            # each rule's first test is read from the tables before the rule makes any Token
            taken_from = _taken_from(tok) if pos[i] == "VERB" and lemma[i] in TAKE_FROM_VERBS else []
            if taken_from and not _is_passive(tok):
                # "liberate Mosul from ISIL", "seized the hospital from ISIL fighters": the one it is taken from
                agents = _agent_tokens(tok)
                if tok.lemma_.lower() in EXPEL_VERBS:
                    # "drove the militia from the town": the one driven out is attacked, not the place it left
                    taken_from = [c for c in tok.children if c.dep_ == "dobj"] or taken_from
                if agents:
                    out.append((tok, agents, taken_from))
            elif pos[i] == "VERB" and lemma[i] == "fall" and (winners := _fallen_to(tok)):
                # "the port fell to rebel units": they took it
                losers = [c for c in tok.children if c.dep_ == "nsubj"]
                if losers:
                    out.append((tok, winners, losers))
            elif dep[i] == "dobj" and lemma[i] in DEFEAT_NOUNS and (dealt := _dealt_defeat(tok)) is not None:
                # "X vowed to hand Y a lasting defeat", "X inflicted a defeat on Y": X attacks Y
                out.append((tok, *dealt))
            elif dep[i] in ("pobj", "dobj") and (received := self.received_attack(tok)) is not None:
                # "X came under fire from Y", "X suffered attacks from Y": Y attacks X
                out.append((tok, received[0], received[1]))
            elif pos[i] == "VERB" and self.hostile_verb(tok):
                agents = _agent_tokens(tok)
                patients = _patient_tokens(tok)
                if agents and patients:
                    out.append((tok, agents, patients))
            elif self.hostile_noun(tok):
                targets = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                           for p in c.children if p.dep_ == "pobj"]
                own = [c for c in tok.children if c.dep_ == "poss"] + [
                    p for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                    for p in c.children if p.dep_ == "pobj"]
                if not targets and tok.dep_ == "dobj" and tok.head.lemma_.lower() in LAUNCH_VERBS:
                    # "X began their assault on Y", "X stepped up its raids against Y": the parser hangs the target
                    # on the verb that starts the attack
                    targets = [p for c in tok.head.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                               for p in c.children if p.dep_ == "pobj"]
                if own and not targets:  # "the bombing of the hospital by X", "ISIL's killing of hostages"
                    targets = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                               for p in c.children if p.dep_ == "pobj"]
                if targets:
                    agents = self.light_verb_agents(tok)
                    if _root_head(tok).dep_ == "dobj" and _root_lemma(tok) in INSTRUMENT_VERBS:
                        # "using aircraft and artillery against T": the weapons used attack too
                        agents = [_root_head(tok), *agents]
                    if agents:
                        out.append((tok, agents, targets))
                else:
                    sides = [t for c in tok.children if c.dep_ in ("compound", "nmod", "amod") for t in c.subtree
                             if (m := self.ms.by_token.get(t.i)) is not None and not self.parties.placelike(m)]
                    if len({self.ms.by_token[t.i].actor_id for t in sides}) >= 2:  # "the Iran-Iraq war"
                        out.append((tok, [sides[0]], [sides[-1]]))
            elif dep[i] == "prep" and lower[i] == "against":
                head = tok.head
                targets = [p for p in tok.children if p.dep_ == "pobj"]
                if not targets or self.hostile_noun(head) or self.hostile_verb(head):
                    continue  # hostile nouns and verbs are read above
                if supplied_materiel(head) is not None:
                    # "used launchers provided by the US against T": who uses them attacks T, not the supplier
                    user = materiel_use_verb(head.head)
                    if user is not None:
                        out.append((tok, _agent_tokens(user), targets))
                    continue
                if head.pos_ in ("VERB", "AUX"):  # "Iraqis unite against ISIL"
                    out.append((tok, _agent_tokens(head), targets))
                    continue
                if head.pos_ not in ("NOUN", "PROPN"):
                    continue
                tools: list[Token] = []
                if head.lemma_ == "use":  # "the use of X, Y and Z against T"
                    tools = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                              for p in c.children if p.dep_ == "pobj"]
                elif head.dep_ in ("dobj", "conj") and _root_lemma(head) in INSTRUMENT_VERBS:
                    # "using X and Y against T"
                    tools = [_root_head(head)]
                # and whoever the clause is about: "X conducted strikes using aircraft against T",
                # "X maintained their positions against T"; else the possessor ("ISIL's defenses against T")
                by = [p for c in head.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                      for p in c.children if p.dep_ == "pobj"]  # "crimes by X against T"
                own = by or _clause_subject(head.head) or [c for c in head.children if c.dep_ == "poss"]
                out.append((tok, tools + own, targets))
        return out

    def supported_sides(self, pred: Token) -> list[Token]:
        """The sides an attack clause is "in support of" ("X struck T in support of Y", "X conducted strikes,
        planned jointly and in support of Y, against T"), on the predicate or the words governing it."""
        clause = _clause_verb(pred)
        out: list[Token] = []
        for sup in span_tokens(sentence_of(pred)):
            if sup.lower_ != "support" or sup.dep_ != "pobj" or sup.head.lower_ != "in":
                continue
            # the clause the phrase belongs to, wherever the parser hangs it ("struck positions near the town in
            # support of Y": on the town; "strikes planned jointly and in support of Y": on the participle)
            if clause is not None and _clause_verb(sup) == clause:
                out.extend(x for of in sup.children if of.dep_ == "prep" and of.lower_ == "of"
                           for p in of.children if p.dep_ == "pobj" for x in self.items(p))
        return out

    def companions(self, pred: Token) -> list[Token]:
        """Who an attack is done with ("a joint offensive with the army against Y", "fought side by side
        with X", "attacked Y alongside X"): a companion is never the attacked side, named or guessed."""
        # "opened a joint offensive with X", "opened a joint offensive with X against Y": on the verb the
        # act noun or the "against" phrase hangs from
        holders = [pred, pred.head] if pred.dep_ in ("dobj", "prep") else [pred]
        out: list[Token] = []
        for h in holders:
            for prep in h.children:
                if prep.dep_ == "prep" and (prep.lower_ in ("alongside", "beside")
                                            or prep.lower_ == "with" and companion_with(h)):
                    out.extend(x for p in prep.children if p.dep_ == "pobj" for x in self.items(p))
        return out

    def received_attack(self, noun: Token) -> tuple[list[Token], list[Token]] | None:
        """(attackers, attacked) of an attack noun a receiving verb's subject undergoes: "X took fire from Y",
        "X came under shelling from Y" (the "from" object on the noun or on the verb)."""
        if not _nominal(noun) or noun.pos_ == "PRON":
            return None
        if noun.lemma_.lower() not in RECEIVED_ATTACK_NOUNS and not self.hostile_noun(noun):
            return None
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "under":  # "came under fire"
            verb = verb.head
        elif noun.dep_ != "dobj":
            return None
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RECEIVING_VERBS or _is_passive(verb):
            return None
        if verb.lemma_.lower() in OBTAIN_VERBS and noun.lower_ in WEAPON_WORDS:
            return None  # "received mortars from Y": weapons obtained are a delivery, not fire taken
        sources = [p for h in (noun, verb) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                   for p in c.children if p.dep_ == "pobj"]
        victims = _agent_tokens(verb)
        return (sources, victims) if sources and victims else None

    def support_clauses(self) -> list[tuple[Token, list[Token], list[Token]]]:
        """(cue, supporter tokens, supported tokens): support verbs and 'in support of X'."""
        out = []
        pos, dep = pos_tags(self.sd), deps(self.sd)
        for i, tok in enumerate(tokens(self.sd)):
            if pos[i] != "VERB" and dep[i] != "pobj":
                continue  # no rule below reads it (each needs a verb or a prepositional object)
            if tok.pos_ == "VERB" and tok.lemma_.lower() in SUPPORT_VERBS and not _is_passive(tok):
                objs = [c for c in tok.children if c.dep_ == "dobj"]
                if objs:
                    out.append((tok, _agent_tokens(tok), objs))
            elif tok.lower_ == "support" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
                # "X carried out raids in support of Y", "Z and its partners, in support of Y"
                of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                      if p.dep_ == "pobj"]
                host = tok.head.head
                if _nominal(host) and host.pos_ != "VERB" and (
                    self.actor_in(*_phrase(host)) is None or _fought(host)
                ):
                    # "jets hit A, B and two depots in support of Y": the parser hangs the phrase on
                    # a noun naming nobody, or on the side fought ("joined the fight against A and B in
                    # support of Y"); the clause's agent supports Y
                    verb = _clause_verb(host)
                    while verb is not None and verb.dep_ == "relcl":  # "targets, which include ...": the clause
                        verb = _clause_verb(verb.head)  # around the relative, not its pronoun
                    host = verb or host
                if host.pos_ in ("VERB", "AUX"):
                    out.append((tok, _agent_tokens(host), of))
                elif _nominal(host):
                    out.append((tok, [host], of))
            elif (aided := self.aided(tok)) is not None:
                out.append((tok, *aided))
        return out

    def aided(self, noun: Token) -> tuple[list[Token], list[Token]] | None:
        """(helpers, helped) of an aid noun: "X took the town with the help of Y" (Y helps X), "X advanced,
        aided by support from Y", "X, with backing from Y, ..."; the helped side is whoever the clause is
        about (the "by" agent of a passive: "he was seized by X with the aid of Y" -> Y helps X)."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in AID_NOUNS or noun.dep_ != "pobj":
            return None
        prep = noun.head
        if prep.lower_ == "with":
            helpers = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                       for p in c.children if p.dep_ == "pobj"]
        elif prep.lower_ == "by" and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in SUPPORT_VERBS:
            helpers = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                       for p in c.children if p.dep_ == "pobj"]
            prep = prep.head  # "aided by support from Y": the participle says who is helped
        else:
            return None
        host = prep.head
        if host.pos_ in ("VERB", "AUX"):
            helped = _agent_tokens(host)
        elif host.pos_ in ("NOUN", "PROPN"):  # "the rebels, aided by ...", "the rebels with the help of ..."
            helped = [host]
            lo, hi = _phrase(host)
            clause = self.clause_before(prep) if self.actor_in(lo, hi) is None else None
            if clause is not None and clause.head == host and clause.dep_ in ("acl", "relcl"):
                # "welcomed the news that X took the town, aided by Y": the clause the participle follows, which the
                # parser hangs on the same noun
                helped = _agent_tokens(clause)
            elif self.actor_in(lo, hi) is None and host.dep_ in ("dobj", "pobj"):
                # "X seized the town, aided by Y": the parser hangs the participle on the nearest noun
                helped = _clause_subject(host.head) or helped
        else:
            return None
        return (helpers, helped) if helpers and helped else None

    def clause_before(self, tok: Token) -> Token | None:
        """The nearest verb before `tok` in its sentence whose subject names an actor ("the news that X took the
        town, aided by Y": took); None if the nearest one's subject names none."""
        for verb in reversed([t for t in span_tokens(sentence_of(tok)) if t.i < tok.i and t.pos_ == "VERB"]):
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if subj:
                return verb if self.actor_in(*_phrase(subj[0])) is not None else None
        return None

    def supporter(self, tok: Token, helped: bool) -> tuple[Span, Mention | None] | None:
        """An endpoint of a support statement; an actor the tie frames keep out of the clause around them is
        still a party to the support its own phrase states ("aided by support from Y", "in support of Y's
        operations" inside a member list)."""
        got = self.endpoint(tok, helped)
        if got is not None and got[1] is not None:
            return got
        lo, hi = _phrase(tok)
        kept = next((m for i in range(hi, lo - 1, -1) if (m := self.ms.sheltered.get(i)) is not None), None)
        if kept is None:
            return got
        return (got[0] if got is not None else Span(kept.start, kept.end, kept.text)), kept

    def supports(self) -> list[Relation]:
        """Support between named actors only: a supporter is never guessed from context."""
        out = []
        for cue, sups, objs in self.support_clauses():
            c = cert.classify(cue if cue.pos_ == "VERB" else cue.head).value
            if c == "negated":
                continue
            seen: set[tuple[str, str]] = set()
            for a in (x for s in sups for x in self.items(s)):
                src = self.supporter(a, False)
                for b in (x for o in objs for x in self.items(o)):
                    tgt = self.supporter(b, True)
                    if not (src and tgt and src[1] and tgt[1]) or src[1].actor_id == tgt[1].actor_id:
                        continue
                    if {self.kind(src[1].actor_id), self.kind(tgt[1].actor_id)} & NON_PARTY_KINDS:
                        continue
                    if self.parties.proposer(tgt[1]):
                        continue  # "X backs Egypt's proposal": the proposal is backed, Egypt is no client
                    if (src[1].actor_id, tgt[1].actor_id) not in seen:
                        seen.add((src[1].actor_id, tgt[1].actor_id))
                        rel = self.make(cue, c, src[1].actor_id, tgt[1].actor_id, src[0], tgt[0], exact=True)
                        out.append(dataclasses.replace(rel, type="support", method="mention-support"))
        return out

    def run(self) -> list[Relation]:
        rows = []
        for pred, agents, patients in self.clauses():
            c = cert.classify(pred if pred.pos_ in ("VERB", "NOUN", "PROPN") else pred.head).value
            if c == "negated":
                continue
            # an attacker needs an actor of its own unless it is an attack or a weapon ("strikes destroyed ...");
            # "efforts", "the campaign" are nobody
            srcs_ok = []
            for a in agents:
                group = [e for x in self.items(a) if (e := self.endpoint(x, False)) is not None
                         and (e[1] is not None or self.can_attack(_argument(x)))]
                if any(m is not None for _, m in group):  # "X's warplanes and artillery pounded T": the weapons
                    group = [e for e in group if e[1] is not None]  # listed with X are X's, no side of their own
                srcs_ok += group
            tgts_ok = [e for p in _with_members(patients) for x in self.items(p)
                       if (e := self.endpoint(x, True)) is not None]
            if not srcs_ok or not tgts_ok:
                continue
            named_src = next((m for _, m in srcs_ok if m is not None), None)
            named_tgt = next((m for _, m in tgts_ok if m is not None), None)
            if named_src and named_tgt and named_src.actor_id != named_tgt.actor_id:
                self.sides.add(pred.idx, named_src.actor_id, named_tgt.actor_id)
            if named_src is None and named_tgt is None and not any(self.is_means(a) for a in agents):
                continue  # "these actions ... advance a solution": neither side is known
            supported = self.supported_sides(pred)
            # the sides the clause is "in support of" are never its attacked side ("in support of Y, X struck the
            # location": the location is not Y's, whatever side the document's clauses guess for it)
            friends = {m.actor_id for x in supported if (m := self.ms.by_token.get(x.i))}
            friends |= {m.actor_id for x in self.companions(pred) if (m := self.ms.by_token.get(x.i))}
            rows.append((pred, c, srcs_ok, tgts_ok, friends))
            allies = [e for x in supported  # "X struck T in support of Y": Y is on X's side
                      if (e := self.endpoint(x, False)) is not None and e[1] is not None and e not in srcs_ok]
            named_tgts = [e for e in tgts_ok if e[1] is not None]
            if allies and named_tgts:  # against a named target only ("in support of Y, X hit the location": no tie)
                rows.append((pred, c, allies, named_tgts, friends))
            helpers = [e for x in _helpers(pred) for y in self.items(x)
                       if (e := self.endpoint(y, False)) is not None and e[1] is not None and e not in srcs_ok]
            if helpers and named_tgts:  # "X is helping Y to retake the town from Z": X is on Y's side against Z
                rows.append((pred, c, helpers, named_tgts, friends))
        out = []
        seen: set[tuple[int, int]] = set()
        for pred, c, srcs, tgts, friends in rows:
            side = self.sides.at(pred.idx)
            # unnamed phrases the document's sides give no identity: a patron's clients ("Troops backed by the
            # coalition began an assault on Y"), and an attacked group the text introduces ("X battled a newly
            # merged rebel coalition"; an unnamed attacker stays the side that fights the named target: "a force to
            # fight X")
            srcs = [(sp, m) for sp, m in srcs if m is not None or not self.clients(sp)]
            tgts = [(sp, m) for sp, m in tgts if m is not None or not (self.clients(sp) or self.new_group(sp))]
            for s_span, s_m in srcs:
                for t_span, t_m in tgts:
                    src, tgt = self.resolve(s_m, t_m, side, pred.idx)
                    if s_m is not None and t_m is None and (tgt is None or self.civilian(t_span)):
                        # no known opponent of the attacker, or people named as people ("killed dozens of people",
                        # whatever side the attacker fights): the victims
                        tgt = self.victims(t_span)
                    if src is None or tgt is None or src == tgt or (s_span.start, t_span.start) in seen:
                        continue
                    if t_m is None and self.another_country(t_span, tgt) \
                            or s_m is None and self.another_country(s_span, src):
                        continue  # "raids hit a Burundian base": not the guessed opponent's (Kenya's) base
                    if s_m is None and (teller := self.reporter(pred)) is not None and teller.actor_id != src:
                        continue  # "the Pentagon said a strike killed 60 fighters": not the guessed side's strike
                    if tgt in friends and src not in friends:
                        continue
                    if s_m is not None and t_m is not None and whole_and_part(
                            span_at(self.sd, s_m.start, s_m.end).root, span_at(self.sd, t_m.start, t_m.end).root):
                        continue  # "pitted X's armed wing, the Y, against Z": X and Y are one side
                    if (tgt in self.peripheral and (t_m is None or self.kind(tgt) in NON_PARTY_KINDS)
                            and pred.pos_ != "VERB"):
                        continue  # victims of an attack the text only describes ("abuses against X") are no party
                    if self.kind(src) in NON_PARTY_KINDS or self.kind(tgt) == "protesters":
                        continue  # civilians attack nobody; policing protests is no tie between factions
                    seen.add((s_span.start, t_span.start))
                    out.append(self.make(pred, c, src, tgt, s_span, t_span, exact=bool(s_m and t_m)))
        return out

    def kind(self, actor_id: str) -> str | None:
        a = self.ms.actors.get(actor_id)
        return a.kind if a else None

    def another_country(self, span: Span, actor_id: str) -> bool:
        """The phrase, or the noun a place phrase hangs on, names a country (a demonym or a name the geoparser
        placed: "a Burundian base", "a Burundian base at Leego") other than the actor's own: the phrase is not
        that actor's, whatever the document's sides are."""
        actor = self.ms.actors.get(actor_id)
        home = actor.country if actor is not None else None
        if home is None:
            return False
        start, end = span.start, span.end
        phrase = span_at(self.sd, start, end)
        if phrase is not None and phrase.root.dep_ == "pobj" and phrase.root.head.head.pos_ == "NOUN":
            noun = phrase.root.head.head  # "a Burundian base at Leego": the base's owner is Leego's too
            start = min(start, noun.left_edge.idx)
        for p in self.doc.places:
            if start <= p.start and p.end <= end and p.country:
                country = countries.lookup(p.country)
                if country is not None and country.alpha_3 != home:
                    return True
        return False

    def resolve(
        self, s_m: Mention | None, t_m: Mention | None, side: tuple[str, str] | None, offset: int
    ) -> tuple[str | None, str | None]:
        """Actors of both endpoints: named ones, else the opponent the document gives the named side;
        with neither named, the sides of the nearest attack clause ("strikes destroyed vehicles" after
        "X conducted strikes against Y"). An actor never seen in an attack clause gets no guessed opponent."""
        if s_m and t_m:
            return s_m.actor_id, t_m.actor_id
        if s_m:
            return s_m.actor_id, self.sides.opponent(s_m.actor_id, offset)
        if t_m:
            return self.sides.opponent(t_m.actor_id, offset), t_m.actor_id
        return (side[0], side[1]) if side else (None, None)

    def make(self, pred: Token, c: str, src: str, tgt: str, s_span: Span, t_span: Span, exact: bool) -> Relation:
        ev = self.events.get((pred.idx, pred.idx + len(pred)))
        if ev is None:  # "attacked a checkpoint, killing four soldiers": the sentence's event between the same sides
            sent = sentence_of(pred)
            ev = next(
                (e for e in self.events.values() if sent.start_char <= e.trigger.start < sent.end_char
                 and {e.actor1, e.actor2} == {src, tgt}),
                None,
            )
        conf = (ev.confidence if ev else 0.5) * (0.8 if exact else 0.6)
        return Relation(
            type="hostility",
            source=src,
            target=tgt,
            source_mention=s_span,
            target_mention=t_span,
            status="intended" if c == "hypothetical" else "current",
            certainty=as_certainty(c),
            source_kind=self.doc.source_kind_at(pred.idx),
            evidence=_sentence_span(self.doc, sentence_of(pred)),
            derived_from=ev.id if ev else None,
            confidence=round(min(conf, MENTION_CONFIDENCE + 0.3), 3),
            method="mention",
        )


def _bearing(tok: Token) -> bool:
    """A compass noun without a determiner before an "of" phrase ("west of Mosul", "20 km north of the
    capital"): an adverbial of place, never a party (the compass nouns of places.yaml's place parts)."""
    return tok.lower_ in COMPASS_NOUNS and not any(c.dep_ in ("det", "poss") for c in tok.children) \
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _voice(doc: Document) -> str | None:
    """Who speaks as "we" outside quotations: the state or organisation the document names most
    (a press release or statement speaks for its issuer, and names it most). None when two tie."""
    counts = Counter({a.id: len(a.mentions) for a in doc.actors if a.kind in VOICE_KINDS})
    top = counts.most_common(2)
    if not top or len(top) == 2 and top[0][1] == top[1][1]:
        return None
    return top[0][0]


def _taken_from(verb: Token) -> list[Token]:
    """The side a place is taken from: "freed Tarvo from the militia", "cleared the valley of hostile fighters"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in TAKE_FROM_VERBS:
        return []
    preps = ("from", "of") if verb.lemma_.lower() in ("clear", "rid", "purge") else ("from",)
    objs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]
    if not objs:  # "cleared a third of the valley of hostile fighters": the "of" hangs off the object
        objs = [p for o in verb.children if o.dep_ == "dobj" for c in o.subtree
                if c.dep_ == "prep" and c.lower_ in preps and c.head.i != o.i and not _in_clause(c, o)
                for p in c.children if p.dep_ == "pobj"]
    return objs


def _helpers(verb: Token) -> list[Token]:
    """The subject of a verb of helping whose object does `verb` ("X is helping Y to retake the town", "X trained Y
    to fight Z"), through coordinated infinitives ("to degrade and destroy Z")."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    helper = verb.head
    if verb.dep_ not in ("xcomp", "advcl", "ccomp") or helper.pos_ != "VERB":
        return []
    if helper.lemma_.lower() not in HELPING_VERBS:
        return []
    if not any(c.dep_ == "dobj" for c in helper.children) or any(c.dep_ == "nsubj" for c in verb.children):
        return []  # "X helped to retake the town": X does it itself; "X helped as Y attacked": another clause
    return [c for c in helper.children if c.dep_ == "nsubj"]


def _taken(tok: Token) -> bool:
    """The object or passive subject of a verb of taking ground ("captured the dam", "the bridge was seized")."""
    root = _root_head(tok)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in QUANTITY_HEADS:
        root = _root_head(root.head.head)  # "liberated dozens of villages"
    return root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ == "VERB" and (
        root.head.lemma_.lower() in TAKING_VERBS
    )


def _in_circumstance(noun: Token) -> bool:
    """An attack noun in a phrase of time, cause or concession of its clause ("after the shelling of Y", "in
    retaliation for the bombing of Y"), up to the clause's verb."""
    for cur in noun.ancestors:
        if cur.pos_ in ("VERB", "AUX"):
            return False
        if cur.lower_ in CIRCUMSTANCE_WORDS or cur.lemma_.lower() in CIRCUMSTANCE_WORDS:
            return True
        # "quit in protest at the assault": the parser may hang "at" on the verb, past the noun before it
        if cur.pos_ == "ADP" and cur.i > 0 and cur.doc[cur.i - 1].lemma_.lower() in CIRCUMSTANCE_WORDS:
            return True
    return False


def _launched(tok: Token) -> bool:
    """The action a launching verb starts ("mounted raids on Y": the raids; "launched Operation 1027": the
    operation, whose name may be its makers' alias): what one launches is an act, never a side attacked."""
    root = _root_head(tok)
    return root.dep_ == "dobj" and root.head.lemma_.lower() in LAUNCH_VERBS


def _discharged(tok: Token) -> bool:
    """A weapon that is the object of a verb of discharging it ("fired rockets", "dropped three bombs",
    "fired artillery and tanks at X"), or anything used ("using tanks against X")."""
    root = _root_head(tok)
    if root.dep_ != "dobj":
        return False
    verb = root.head.lemma_.lower()
    if verb in INSTRUMENT_VERBS or verb in FIRING_VERBS:
        return True
    return verb in DISCHARGE_VERBS and tok.lemma_.lower() in MUNITION_NOUNS


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a word belongs to, through participles and infinitives that share its subject
    ("conducted strikes coordinated with ...", "struck T, using ...", "continue to strike")."""
    for cur in [tok, *tok.ancestors]:
        if cur.pos_ not in ("VERB", "AUX"):
            continue
        shares = cur.dep_ in ("acl", "amod", "xcomp", "conj") or cur.dep_ == "advcl" and cur.tag_ in ("VBG", "VBN")
        if not shares or cur.head == cur:
            return cur
    return None


def _in_clause(tok: Token, top: Token) -> bool:
    """Whether a verb stands between `tok` and `top` ("the town, aided by support from Y": not the town's)."""
    cur = tok.head
    while cur != top and cur.head != cur:
        if cur.pos_ in ("VERB", "AUX"):
            return True
        cur = cur.head
    return False


def _fought(noun: Token) -> bool:
    """A noun that is (a conjunct of) the object of "against" ("the fight against A and B"): the side fought."""
    cur = noun
    while cur.dep_ == "conj":
        cur = cur.head
    return cur.dep_ == "pobj" and cur.head.lower_ == "against"


def _dealt_defeat(noun: Token) -> tuple[list[Token], list[Token]] | None:
    """(dealers, defeated) of a defeat noun a verb of giving has as object: "X will deliver Y a lasting
    defeat", "X dealt Y a heavy blow", "X inflicted a defeat on Y" (the recipient, or the "on" object)."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in DEFEAT_NOUNS:
        return None  # (read first: `noun.head` makes a new Token, and this runs on every token)
    verb = noun.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in DEALING_VERBS or _is_passive(verb):
        return None
    # the recipient: the parser's dative, or a first object before the defeat noun ("deal Y a blow")
    got = [c for c in verb.children if c.dep_ == "dative" or c.dep_ == "dobj" and c.i < noun.i]
    got += [p for h in (verb, noun) for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
            for p in c.children if p.dep_ == "pobj"]
    agents = _agent_tokens(verb)
    return (agents, got) if agents and got else None


def _fallen_to(verb: Token) -> list[Token]:
    """The taker of "X fell to Y": Y."""
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]


def _with_members(nouns: list[Token]) -> list[Token]:
    """Targets and the members they are said to include ("militant sites, which comprise two
    depots and a radar", "bunkers, including a trench"): each member is attacked too."""
    out = list(nouns)
    for n in nouns:
        for c in n.children:
            if c.dep_ in ("relcl", "acl") and c.lemma_ == "include":
                out.extend(o for o in c.children if o.dep_ == "dobj")
            elif c.dep_ == "prep" and c.lower_ == "including":
                out.extend(o for o in c.children if o.dep_ == "pobj")
    return out


def _judged(noun: Token) -> Token | None:
    """The condemning verb whose object an attack noun is part of ("condemns the attacks"), if any."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    verb = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
    return verb if verb is not None and verb.lemma_.lower() in CONDEMN_VERBS else None


def _root_head(tok: Token) -> Token:
    """The first item of a coordination ("attack" in "attack, bomber and fighter aircraft")."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok


def _root_lemma(tok: Token) -> str:
    return str(_root_head(tok).head.lemma_).lower()


def mention_hostility(doc: Document, ms: _Mentions, lexicon: Lexicon | None = None) -> list[Relation]:
    """Mention-level hostility relations of a parsed document with actors and events."""
    if doc.parsed is None:
        return []
    ex = _Extractor(doc, ms, lexicon or Lexicon.load())
    return ex.run() + ex.supports()


__all__ = ["Parties", "mention_hostility"]
