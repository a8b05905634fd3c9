"""Word lists of the nominal and participial tie constructions (`frames/data/ties.yaml`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import yaml
from spacy.tokens import Doc, Token

from factiongraph.actors.lexicon import TIE_PARTICIPLES
from factiongraph.actors.wordlists import words
from factiongraph.document import Mention
from factiongraph.frames.tokens import sentence_of, span_at, tokens

LIST_GLUE = frozenset([",", "and", "or", "the", "as", "well", "both"])


@dataclass(frozen=True)
class TieWords:
    support_nouns: frozenset[str]
    receiving_verbs: frozenset[str]
    support_participles: frozenset[str]
    member_nouns: frozenset[str]
    list_participles: tuple[tuple[str, ...], ...]
    alliance_predicates: frozenset[str]
    same_side_nouns: frozenset[str]
    noun_cues: Mapping[str, str]  # relational noun -> tie type ("ally of Y", "Y's branch")
    for_cues: Mapping[str, str]  # relational noun read with "for" -> tie type ("a front for Y")
    distinct_member_nouns: frozenset[str]  # "the al-Qaeda affiliate" is not al-Qaeda
    patron_nouns: frozenset[str]  # "X, Y's main backer": the holder backs the other side
    supplier_nouns: frozenset[str]  # "X, Y's arms supplier": a patron when what it supplies is arms
    supplier_qualifiers: frozenset[str]  # what a supplier that backs someone supplies ("arms", "drones")
    materiel_nouns: frozenset[str]  # "jets supplied by Russia": what a patron supplies its client
    supply_participles: frozenset[str]  # "jets supplied by Russia", "drones provided by Iran"
    handing_verbs: frozenset[str]  # "shipped rockets supplied by Y": who hands materiel on does not use it
    group_heads: frozenset[str]  # "a rebel coalition": the noun of an unnamed group phrase
    joint_adverbs: frozenset[str]  # "jointly with Y", "X and Y together took Z"
    joint_adjectives: frozenset[str]  # "joint attacks with Y": Y is a companion in them
    joint_act_nouns: frozenset[str]  # "X joined Y in an offensive"
    joint_nouns: frozenset[str]  # "in coordination with Y"
    against_adverbials: frozenset[str]  # "against the backdrop of": no opponent beside a "with" phrase
    locative_prepositions: frozenset[str]  # "in Iraq": a name used as a place
    surrender_verbs: frozenset[str]  # "X surrendered to Y": Y is X's enemy
    reciprocal_verbs: frozenset[str]  # "X and Y clashed": the co-agents may be the two sides
    mutual_verbs: frozenset[str]  # "X and Y clashed" with no object: the co-agents are the two sides
    exchange_verbs: frozenset[str]  # "X and Y exchanged fire": with an object of fire, the two sides
    exchanged_fire_nouns: frozenset[str]  # what two sides exchange ("fire", "shots", "artillery")
    truce_nouns: frozenset[str]  # "X agreed a ceasefire with Y": X and Y are enemies
    proposal_nouns: frozenset[str]  # "a Qatari peace plan": the modifier names the proposer, not a side
    permission_nouns: frozenset[str]  # "troops under a UN mandate": the modifier names who allowed it, not a side
    brokering_participles: frozenset[str]  # "the AU-brokered deal": the AU proposes it
    secession_modifiers: frozenset[str]  # "a breakaway faction of X": a part that was X's
    alliance_forming_verbs: frozenset[str]  # "X and Y formed a coalition": the subjects are its parties
    pact_verbs: frozenset[str]  # the verbs whose subject is a side of the truce they take as object
    membership_frames: Mapping[str, frozenset[str]]  # "within the ranks of Y": noun -> its prepositions
    membership_verbs: Mapping[str, frozenset[str]]  # "serve in Y": verb -> its prepositions
    allegiance_words: Mapping[str, tuple[str, ...]]  # "loyal to Y", "answers to Y": word -> its prepositions
    group_nouns: frozenset[str]  # "fought within the coalition": a body one fights inside
    naming_verbs: frozenset[str]  # "rebels known as the Houthis": the noun and the name are one party
    reliance_verbs: frozenset[str]  # "X relies on Y": Y backs X


@lru_cache(maxsize=1)
def tie_words() -> TieWords:
    """The bundled lists (one loader, one file)."""
    raw = yaml.safe_load(resources.files("factiongraph.frames").joinpath("data/ties.yaml").read_text("utf-8"))
    return TieWords(
        support_nouns=frozenset(raw["support_nouns"]),
        receiving_verbs=frozenset(raw["receiving_verbs"]),
        support_participles=frozenset(raw["support_participles"]),
        member_nouns=frozenset(raw["member_nouns"]),
        list_participles=tuple(tuple(x) for x in raw["list_participles"]),
        alliance_predicates=frozenset(raw["alliance_predicates"]),
        same_side_nouns=frozenset(raw["same_side_nouns"]),
        noun_cues=MappingProxyType({str(k): str(v) for k, v in raw["noun_cues"].items()}),
        for_cues=MappingProxyType({str(k): str(v) for k, v in raw["for_cues"].items()}),
        distinct_member_nouns=frozenset(raw["distinct_member_nouns"]),
        patron_nouns=frozenset(raw["patron_nouns"]),
        supplier_nouns=frozenset(raw["supplier_nouns"]),
        supplier_qualifiers=frozenset(raw["supplier_qualifiers"]),
        materiel_nouns=frozenset(raw["materiel_nouns"]),
        supply_participles=frozenset(raw["supply_participles"]),
        handing_verbs=frozenset(raw["handing_verbs"]),
        group_heads=frozenset(raw["group_heads"]),
        joint_adverbs=frozenset(raw["joint_adverbs"]),
        joint_adjectives=frozenset(raw["joint_adjectives"]),
        joint_act_nouns=frozenset(raw["joint_act_nouns"]),
        joint_nouns=frozenset(raw["joint_nouns"]),
        against_adverbials=frozenset(raw["against_adverbials"]),
        locative_prepositions=frozenset(raw["locative_prepositions"]),
        surrender_verbs=frozenset(raw["surrender_verbs"]),
        reciprocal_verbs=frozenset(raw["reciprocal_verbs"]),
        mutual_verbs=frozenset(raw["mutual_verbs"]),
        exchange_verbs=frozenset(raw["exchange_verbs"]),
        exchanged_fire_nouns=frozenset(raw["exchanged_fire_nouns"]),
        truce_nouns=frozenset(raw["truce_nouns"]),
        proposal_nouns=frozenset(raw["proposal_nouns"]),
        permission_nouns=frozenset(raw["permission_nouns"]),
        brokering_participles=frozenset(raw["brokering_participles"]),
        secession_modifiers=frozenset(raw["secession_modifiers"]),
        alliance_forming_verbs=frozenset(raw["alliance_forming_verbs"]),
        reliance_verbs=frozenset(raw["reliance_verbs"]),
        pact_verbs=frozenset(raw["pact_verbs"]),
        membership_frames=MappingProxyType({str(k): frozenset(v) for k, v in raw["membership_frames"].items()}),
        membership_verbs=MappingProxyType({str(k): frozenset(v) for k, v in raw["membership_verbs"].items()}),
        allegiance_words=MappingProxyType({str(k): tuple(v) for k, v in raw["allegiance_words"].items()}),
        group_nouns=frozenset(raw["group_nouns"]),
        naming_verbs=frozenset(raw["naming_verbs"]),
    )


# the dependencies a proposer's name can have (`proposer`): a cheap first test for callers that ask of many tokens
PROPOSER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nsubj", "pobj"})


def proposer(tok: Token | None) -> bool:
    """`tok` names whose settlement a proposal noun is ("a Qatari peace plan", "an African Union truce",
    "Egypt's proposal", "the AU-brokered deal") or who granted a permission ("a UN mandate", "the approval of the
    Security Council"): the proposer, neither a side of the war it would end nor a client of its backers."""
    if tok is None or tok.dep_ not in PROPOSER_DEPS:
        return False
    words = tie_words()
    if tok.dep_ in ("npadvmod", "compound", "nmod") and tok.head.dep_ == "amod" and tok.head.i > tok.i \
            and tok.head.lemma_.lower() in words.brokering_participles:
        tok = tok.head  # "the AU-brokered deal", "a Qatar-mediated truce": the participle's doer proposes it
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.dep_ == "relcl" and verb.lemma_.lower() in words.brokering_participles:
        # "a ceasefire that China brokered", "the deal Egypt mediated": the relative clause's subject proposed it
        return verb.head.lemma_.lower() in words.proposal_nouns
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":  # "the approval of the UN" (not "the settlement of migrants")
        return tok.head.head.i < tok.i and tok.head.head.lemma_.lower() in words.permission_nouns
    return tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.i > tok.i \
        and tok.head.lemma_.lower() in words.proposal_nouns | words.permission_nouns


def compass_region(tok: Token, before: int | None = None) -> bool:
    """A country's name qualified by a compass adjective ("southern Lebanon", "eastern Ukraine"): a region of
    it (`places.yaml` compass adjectives), the adjective before token `before` where given."""
    compass = words("places", "compass_adjectives")
    return any(c.dep_ == "amod" and c.lower_ in compass and (before is None or c.i < before) for c in tok.children)


def part_noun_of(name: Token) -> Token | None:
    """The possessed part noun a name stands in apposition with ("X's armed wing, the Y", "the Y, X's military
    arm"): the name is that part of X (the part nouns of `descriptions.yaml`). None when there is none."""
    parts = words("descriptions", "part_nouns")
    nouns = [name.head] if name.dep_ == "appos" else []
    nouns += [c for c in name.children if c.dep_ == "appos"]
    return next((n for n in nouns if n.lemma_.lower() in parts and any(c.dep_ == "poss" for c in n.children)), None)


def whole_and_part(a: Token, b: Token) -> bool:
    """`a` and `b` name a group and its named part in one phrase ("X's armed wing, the Y", "the Y, X's
    military arm"): one side, never each other's opponent (`part_noun_of`)."""
    parts = words("descriptions", "part_nouns")
    for whole, part in ((a, b), (b, a)):
        noun = whole.head
        if whole.dep_ != "poss" or noun.lemma_.lower() not in parts:
            continue
        if part_noun_of(part) == noun:
            return True
        # "X's armed wing, the Y, and Z": the parser may read the apposition as the first item of a list
        if part.dep_ == "conj" and part.head == noun and noun.i + 2 < len(noun.doc) \
                and noun.doc[noun.i + 1].text == "," and part.left_edge.i == noun.i + 2:
            return True
    return False


def named_as(noun: Token) -> list[Token]:
    """The name a noun is given by a clause of naming hanging off it: "fighters known as the Giants
    Brigades", "a militia dubbed the Africa Corps", "the branch, which locals call X" (the verbs:
    `naming_verbs`)."""
    verbs = tie_words().naming_verbs
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verbs:
            out += prep_objects(c, ("as",)) + [o for o in c.children if o.dep_ in ("oprd", "attr")]
            if any(k.tag_ in ("WDT", "WP") for k in c.children):
                # "which locals call X", parsed with two objects: the relative pronoun and the name
                out += [o for o in c.children if o.dep_ == "dobj" and o.tag_ not in ("WDT", "WP")]
    return out


def prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of `tok`'s prepositions among `preps` ("backing *of* Y", "part *of* Y")."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
            if p.dep_ == "pobj"]


def support_givers(noun: Token) -> list[Token]:
    """Who gives the support a noun names: its "of/from" object ("with the backing of Y", "with help
    from Y") or its possessor or adjective ("with Y's help", "with Emirati help", "with American air
    support"); a modifier that names no actor is dropped by the caller's mention lookup."""
    return prep_objects(noun, ("of", "from")) + [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]


# the links from a noun of the object up to the verb of object control ("accuses units of X's army of ...")
# or from the passive agent ("X was accused by officials of arming Z": the parser hung "of" on "officials")
OBJECT_PATH = frozenset({"pobj", "prep", "dobj", "nsubjpass", "agent"})


def control_verb(
    verb: Token, verbs: frozenset[str], through: frozenset[str] | None = OBJECT_PATH, steps: int = 4
) -> Token | None:
    """The verb among `verbs` whose "of/for V-ing" phrase `verb` is ("X accuses Y of arming Z", "Y was
    blamed for shelling Z"), also where the parser hung the phrase on a noun of the object ("accuses units
    of X's army of arming Z"): up to `steps` heads, by the links in `through` (None: any link). Events,
    certainty and mention-level ties read object control here. Coordinated gerunds share the phrase ("accuses Y
    of harbouring and supplying Z"), and a participle the parser made of a modifier of the object ("accuses
    neighbouring Y of ...") leaves the phrase the verb's."""
    while verb.dep_ == "conj" and verb.head != verb and verb.head.pos_ == "VERB":
        verb = verb.head
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
        return None
    gov = prep.head
    for _ in range(steps):
        if gov.pos_ == "VERB" or gov.head == gov or through is not None and gov.dep_ not in through:
            break
        gov = gov.head
    if gov.pos_ == "VERB" and gov.lemma_.lower() not in verbs and gov.dep_ == "xcomp" and gov.tag_ == "VBG":
        gov = gov.head  # "accuses neighbouring Chad of ...": "neighbouring" read as a verb
    return gov if gov.pos_ == "VERB" and gov.lemma_.lower() in verbs else None


OBJECT_DEPS = frozenset({"dobj", "dative"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def clause_subject(obj: Token) -> Token | None:
    """The subject of the clause `obj` is an object of ("X split from Y and later fought *them*": X,
    the subject the coordinated verbs share; "X vowed to crush *them*": X, the subject of the verb its
    infinitive completes; "X trained many of *them*": the part's clause), or None. A pronoun there never refers
    to it (binding: "them" is not X)."""
    if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ in OBJECT_DEPS \
            and obj.head.head.pos_ in ("NOUN", "PRON", "NUM", "ADJ", "DET"):
        obj = obj.head.head  # a part of the pronoun's referents ("many of them", "dozens of them")
    if obj.dep_ in OBJECT_DEPS:
        verb = obj.head
    elif obj.dep_ == "pobj" and obj.head.dep_ in ("prep", "agent") and obj.head.head.pos_ in ("VERB", "AUX"):
        verb = obj.head.head
    else:
        return None
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return subj
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "soldiers fighting beside them": the soldiers fight
        if verb.dep_ not in ("conj", "xcomp") or verb.head == verb:
            return None
        verb = verb.head
    return None


PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def may_be_it(noun: Token) -> bool:
    """Whether "it" may stand for the phrase `noun` heads: not a plural ("officials say it receives
    arms": not the officials). Coreference and the events' speaker rule read number here."""
    return noun.tag_ not in PLURAL_TAGS and not any(c.dep_ == "conj" for c in noun.children)


def relational_owner(noun: Token) -> list[Token]:
    """The proper-noun compound of a relational noun that names the other side of its tie: "a US
    ally", "a Hamas rival", "an Iran proxy" (the ally *of* the US). A demonym adjective does not:
    "Kurdish allies" are allies who are Kurdish."""
    return [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i]


def description_start(tok: Token, words: TieWords | None = None) -> int | None:
    """Where the first clause listing `tok`'s members begins ("the bloc, whose members include A, B
    and C"; "the alliance, made up of A and B"), or None. The parser may hang the clause's list off
    `tok` as its conjuncts ("the alliance ... B and C"); a conjunct after this point is the list's
    item, not a phrase coordinated with `tok`. Other describing clauses ("A, which is religious, and
    B") end nothing."""
    words = words or tie_words()

    def lists(c: Token) -> bool:
        if c.dep_ not in ("relcl", "acl") or c.i < tok.i:
            return False
        return bool(list_members(c, words)) or any(
            k.dep_ == "nsubj" and (k.lemma_.lower() in words.member_nouns or k.lower_ in words.member_nouns)
            for k in c.children
        )

    return min((c.i for c in tok.children if lists(c)), default=None)


def conjuncts(tok: Token) -> list[Token]:
    """`tok` and every token coordinated with it in the parse ("X, Y and Z"), also through a repeated
    preposition ("at war with X and with Y": Y is coordinated with X as in "with X and Y")."""
    out, stack = [tok], [tok]
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is not None:
        stack += [p for c in prep.children if c.dep_ == "conj" and c.lower_ == prep.lower_
                  for p in c.children if p.dep_ == "pobj"]
        out += stack[1:]
    while stack:
        for c in stack.pop().children:
            if c.dep_ == "conj":
                out.append(c)
                stack.append(c)
    return out


def list_members(tok: Token, words: TieWords | None = None) -> list[Token] | None:
    """The listed phrases of a list participle ("made up of A, B and C", "which includes A and B", "Y,
    including A and B"),
    or None when `tok` is no list participle. Conjuncts the parser hung off the group noun instead
    ("Y, made up of A, B and C" read as "Y ... and C") are listed too."""
    words = words or tie_words()
    lemma = tok.lemma_.lower()
    for seq in words.list_participles:
        if lemma != seq[0]:
            continue
        rest = list(seq[1:])
        if rest and rest[0] != "of":
            if not any(c.dep_ in ("prt", "advmod") and c.lower_ == rest[0] for c in tok.children):  # "together": advmod
                continue
            rest = rest[1:]
        listed = prep_objects(tok, ("of",)) if rest == ["of"] else [c for c in tok.children if c.dep_ == "dobj"]
        if tok.dep_ == "prep" and not rest:  # "the PMF, including A and B": the preposition's objects
            listed = [c for c in tok.children if c.dep_ == "pobj"]
        if tok.dep_ in ("acl", "relcl", "prep"):
            listed += [c for c in tok.head.children if c.dep_ == "conj" and c.i > tok.i]
        return listed
    return None


def among_listed(tok: Token) -> list[Token]:
    """The phrases a copular clause says are among what `tok`, the object of its "among", names:
    "Among the factions that joined Y are A, B and C", "A and B were among the members of Y" (A, B
    and C are such factions or members). [] for an "among" of any other clause ("fighting broke out
    among the factions", "the dispute among the members of Y")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "among":
        return []
    verb = prep.head
    if verb.dep_ == "parataxis" and verb.head.lemma_ == "be":
        verb = verb.head  # "Among the N, the ministry said, are A and B": the phrase hangs off the aside
    if verb.lemma_ != "be":
        return []
    return [c for c in verb.children if c.dep_ in ("nsubj", "attr")]


def membership_place(tok: Token, words: TieWords | None = None) -> Token | None:
    """The preposition of a phrase placing the clause's actor inside a group ("within the ranks of Y",
    "under the banner of Y", "within Y" for a named organisation, "serve in Y"), or None."""
    words = words or tie_words()
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    allowed = words.membership_frames.get(tok.lemma_.lower())
    if allowed is not None:
        return prep if prep.lower_ in allowed else None
    verb = prep.head
    named = tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "NORP")
    if (named or tok.ent_type_ == "ORG") and verb.pos_ == "VERB" \
            and prep.lower_ in words.membership_verbs.get(verb.lemma_.lower(), ()):
        return prep  # "Kenyan soldiers serve in AMISOM"
    if prep.lower_ == "within" and (named or tok.lemma_.lower() in words.group_nouns) and verb.pos_ == "VERB" \
            and not any(c.dep_ == "dobj" for c in verb.children):
        return prep  # "fought within Y"; in "declared their union within Y" Y is where the object goes
    return None


def membership_groups(tok: Token, words: TieWords | None = None) -> list[Token]:
    """The group phrases of a membership phrase `membership_place` found: the frame noun's "of" object
    ("the ranks of Y"), else the object itself ("within Y")."""
    words = words or tie_words()
    return prep_objects(tok, ("of",)) if tok.lemma_.lower() in words.membership_frames else [tok]


def supplied_materiel(participle: Token, words: TieWords | None = None) -> Token | None:
    """The materiel noun a supply participle describes ("jets supplied by Y", "drones provided by Y"), else None."""
    words = words or tie_words()
    if participle.dep_ != "acl" or participle.lemma_.lower() not in words.supply_participles:
        return None
    return participle.head if participle.head.lemma_.lower() in words.materiel_nouns else None


def materiel_use_verb(noun: Token) -> Token | None:
    """The verb whose subject holds or uses a materiel noun: the verb it is the object of ("flying jets"), or
    the verb its "with"/"using" phrase hangs on ("bombed the villages with jets"); None when the verb hands it
    on ("shipped rockets") or the materiel is no object."""
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head  # "jets and helicopters supplied by Y"
    verb = None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in ("with", "using"):
        verb = noun.head.head
        if verb.dep_ == "dobj" and verb.pos_ in ("NOUN", "PROPN"):
            verb = verb.head  # "bombed villages | with jets": the parser may hang the phrase on the object
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in tie_words().handing_verbs:
        return None
    return verb


def tied_by_agent(noun: Token) -> bool:
    """A noun a tie participle with its agent follows ("troops backed by the coalition", "soldiers led by X"):
    the post-nominal form of "coalition-backed troops", whose patron or leader is named and who are not."""
    return any(c.dep_ == "acl" and c.lower_ in TIE_PARTICIPLES and any(k.dep_ == "agent" for k in c.children)
               for c in noun.children)


def described_noun(adj: Token) -> Token:
    """The noun a post-nominal adjective phrase describes ("units loyal to Y"): its head, or the later conjunct
    standing right before it, where the parser hung the phrase on the first ("fought the Houthis and army units
    loyal to Saleh": the units are loyal). A phrase after its noun follows it at once (English grammar)."""
    noun = adj.head
    before = adj.doc[adj.i - 1] if adj.i > 0 else adj
    if noun.i < before.i and before.dep_ == "conj" and before.head == noun and before.pos_ in ("NOUN", "PROPN"):
        return before
    return noun


def loyal_noun(noun: Token, words: TieWords | None = None) -> bool:
    """A noun an allegiance phrase describes ("troops loyal to Y", "army units loyal to Y")."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    adjectives = [*(c for c in noun.children if c.dep_ in ("amod", "acl")),
                  *([nxt] if nxt is not None and nxt.dep_ in ("amod", "acl") and nxt.head != noun else [])]
    return any(described_noun(a) == noun and allegiance_lords(a, words) for a in adjectives)


def allegiance_lords(tok: Token, words: TieWords | None = None) -> list[Token]:
    """Whom an allegiance word says its holder obeys ("loyal to Y", "answers to Y"); [] for other words."""
    words = words or tie_words()
    preps = words.allegiance_words.get(tok.lemma_.lower())
    return prep_objects(tok, preps) if preps else []


def same_side(tok: Token, words: TieWords | None = None) -> bool:
    """A shared side: a side noun with "same" and an as/with object ("in the same camp as Y")."""
    words = words or tie_words()
    return tok.lemma_.lower() in words.same_side_nouns and any(
        c.dep_ == "amod" and c.lower_ == "same" for c in tok.children
    )


def same_side_objects(tok: Token) -> list[Token]:
    """Who shares the side: the "as/with" object of the side noun, or of its verb when the parser
    attached the "as" phrase there ("fought ... the same side | as Y")."""
    objs = prep_objects(tok, ("as", "with"))
    if objs:
        return objs
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return [p for p in prep_objects(verb, ("as", "with")) if p.i > tok.i]


def _cue_hashes(sd: Doc, words: TieWords) -> set[int]:
    """String-store hashes of every word that can head a sheltering phrase."""
    heads = (*words.support_participles, *words.member_nouns, *words.support_nouns, *words.same_side_nouns,
             *words.noun_cues, *words.for_cues, *(seq[0] for seq in words.list_participles), *words.membership_frames,
             *words.allegiance_words)
    return {sd.vocab.strings.add(w) for w in heads} | {sd.vocab.strings.add(w.capitalize()) for w in heads}


def _participle_adjunct(tok: Token) -> bool:
    """A participle modifying a phrase or a clause ("X, aided by Y, ..."), also where the parser
    coordinated it with the verbs around it ("X resumed fighting and, helped by Y, overran ..."): a
    bare past participle without subject or auxiliary is no clause of its own."""
    if tok.dep_ in ("acl", "advcl"):
        return True
    return tok.dep_ == "conj" and tok.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children
    )


def sheltered_tokens(sd: Doc) -> set[int]:
    """Tokens of phrases that only state a tie inside a noun phrase or an adjunct: the agent of
    "X, aided by Y", the object of "X, part of Y", the list of "Y, made up of A and B", the source
    of "with support from Y". Their actors are no arguments of the clause around the phrase."""
    words = tie_words()
    out: set[int] = set()
    cues = _cue_hashes(sd, words)
    for tok in tokens(sd):
        if tok.lemma not in cues and tok.lower not in cues and not (tok.dep_ == "pobj" and tok.head.lower_ == "within"):
            continue  # most tokens: an integer test instead of string work
        lemma = tok.lemma_.lower()
        phrases: list[Token] = []
        if tok.pos_ == "VERB" and lemma in words.support_participles and _participle_adjunct(tok):
            phrases = [p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        elif tok.pos_ == "NOUN" and (tok.dep_ == "appos" or (tok.dep_ == "pobj" and tok.head.lower_ == "as")) and (
            lemma in words.member_nouns or tok.lower_ in words.noun_cues or tok.lower_ in words.for_cues
        ):
            # "X, once a faction of Y, fought Z" / "X fought as part of Y" / "X, a US ally, fought Z" / "X, a
            # front for Y, fought Z": Y did not fight
            phrases = prep_objects(tok, ("of",)) + relational_owner(tok)
            if tok.lower_ in words.for_cues:
                phrases += prep_objects(tok, ("for",))
        elif tok.pos_ == "NOUN" and lemma in words.support_nouns and tok.dep_ == "pobj" and tok.head.lower_ == "with":
            phrases = support_givers(tok)
        elif tok.pos_ == "VERB" and tok.dep_ in ("acl", "relcl"):
            phrases = list_members(tok, words) or []
        elif tok.pos_ == "NOUN" and lemma in words.member_nouns and tok.dep_ == "nsubj" and tok.head.dep_ == "relcl":
            # "Y, whose members are A and B, ...": the list describes Y
            phrases = [c for c in tok.head.children if c.dep_ in ("attr", "dobj")]
        elif same_side(tok, words):
            phrases = same_side_objects(tok)
        elif lemma in words.allegiance_words and tok.pos_ == "ADJ" and tok.dep_ in ("amod", "acl", "appos") \
                and (tok.head.pos_ == "PROPN" or tok.head.dep_ == "appos"):
            # "X, loyal to Y, clashed with Z" and "X, the militia loyal to Y, clashed with Z" hide Y; unnamed
            # "forces loyal to Y" act for Y
            phrases = allegiance_lords(tok, words)
        elif membership_place(tok, words) is not None:  # "X fought within the ranks of Y": Y did not fight
            phrases = membership_groups(tok, words)
        for p in phrases:
            out.update(t.i for t in p.subtree)
    return out


def tie_noun(noun: Token) -> bool:
    """A noun naming another group by its tie to its owner ("wing", "affiliate", "allies", "backers"): its possessor
    or "of" object is the other side, never the group it names."""
    words = tie_words()
    low = noun.lower_
    return low in words.noun_cues or noun.lemma_.lower() in words.noun_cues or low in words.distinct_member_nouns \
        or low in words.patron_nouns


def listed_after(m: Mention, mention_at: Callable[[int], Mention | None], sd: Doc) -> list[Mention]:
    """Actor names that continue a list after `m` on the surface ("A, the B (BB) and C"), for the
    long lists the parser splits: only glue words, determiners and bracketed acronyms between them,
    and the list must close with "and"/"or" ("X, the Observatory said" is no list)."""
    out: list[Mention] = []
    span = span_at(sd, m.start, m.end)
    i = span.end if span is not None else len(sd)
    sent_end = sentence_of(sd[i - 1]).end if 0 < i <= len(sd) else i
    glue: set[str] = set()
    while i < sent_end:
        t = sd[i]
        if t.text == "(":  # "(AA)": an acronym of the item before
            close = next((j for j in range(i + 1, min(i + 6, sent_end)) if sd[j].text == ")"), None)
            if close is None:
                break
            i = close + 1
            continue
        if t.lower_ in LIST_GLUE:
            glue.add(t.lower_)
            i += 1
            continue
        nxt = mention_at(i)
        if nxt is None or not glue & {",", "and", "or"}:
            break
        nxt_span = span_at(sd, nxt.start, nxt.end)
        if nxt_span is not None and len(nxt_span) and nxt_span.root.dep_ == "poss" and tie_noun(nxt_span.root.head):
            # "and al-Qaeda's Syrian wing", "and Turkey's rivals": the item is another group than its owner, an
            # actor only if named itself ("and Egypt's air force" is Egypt's own)
            owned = mention_at(nxt_span.root.head.i)
            if owned is None or owned is nxt:  # an unnamed last item still closes the list
                return out if glue & {"and", "or"} else []
            nxt, nxt_span = owned, span_at(sd, owned.start, owned.end)
        if nxt_span is not None and len(nxt_span) and nxt_span.root.dep_ in ("nsubj", "nsubjpass") \
                and nxt_span.root.head.i == nxt_span.end and nxt_span.root.head.dep_ == "conj":
            break  # "funds X and Y arms Z": Y is the subject of a second clause, it ends no list
        out.append(nxt)
        if glue & {"and", "or"}:
            return out  # the list's last item
        span = span_at(sd, nxt.start, nxt.end)
        i = span.end if span is not None else i + 1
        glue = set()
    return []


def own_front(noun: Token) -> bool:
    """'fought on its front lines', 'served on the LNA's front line': after the "on" of a verb with no object of its
    own, the side whose line it is, is the one fought for (a front line is held, not attacked)."""
    front = noun.lemma_.lower() in ("frontline", "front-line") or noun.lemma_.lower() == "line" and any(
        c.dep_ in ("compound", "amod") and c.lower_ == "front" for c in noun.children)
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "on" else None
    return front and verb is not None and verb.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in verb.children)
