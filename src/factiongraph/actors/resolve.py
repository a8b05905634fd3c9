"""Actor mentions: find every mention of an armed or political actor and resolve it to one entity.

Order of evidence, strongest first:
1. registry names and aliases (date-aware), matched as phrases;
2. a registry actor's adjective on an agent noun ("Turkish forces", "Russian jets");
3. generic mentions ("government forces" -> the focus country's state, "rebels", "civilians");
4. named entities the registry does not know (new actors, `known: false`);
5. anaphora ("they", "its", "the group") and descriptions introduced before a name
   ("another faction of rebels ... the Fastaqim force") resolved to entities above; a plural
   description ("the two groups", "the one-time allies") becomes a mention of each actor it names.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factiongraph.actors import lexicon as lx
from factiongraph.actors import variants
from factiongraph.actors.registry import Registry, RegistryActor, normalize_name
from factiongraph.actors.salience import PERIPHERAL_HINT, Position, position
from factiongraph.actors.wordlists import words
from factiongraph.dateline import DATELINE, credit_lines
from factiongraph.document import Actor, Document, Mention, as_actor_kind, as_mention_how
from factiongraph.events.certainty import ACCUSING_VERBS
from factiongraph.frames import (
    allegiance_lords,
    clause_subject,
    compass_region,
    conjuncts,
    loyal_noun,
    may_be_it,
    named_as,
    part_noun_of,
    prep_objects,
    tie_words,
    tied_by_agent,
)
from factiongraph.frames.modifiers import load_rules as load_modifier_rules
from factiongraph.frames.tokens import (
    children,
    deps,
    doc_text,
    entities,
    heads,
    lemmas,
    lowers,
    pos_tags,
    quote_start,
    sentence_of,
    sentences,
    span_at,
    texts,
    tokens,
)
from factiongraph.tables import word_set

if TYPE_CHECKING:
    import datetime as dt

    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

STATE_KINDS = frozenset({"state", "foreign_state"})
_HARM_VERBS = word_set("cues", "harm_verbs")  # "killing 25 of its fighters": the pronoun is not the killer
# who speaks for a body ("a spokesman for X said its jets ...": X's jets): the spokes- roles of words/speech.yaml
_SPOKESPEOPLE = frozenset(w for w in words("speech", "source_roles") if w.startswith("spokes"))
_OPERATION_NOUNS = words("names", "operation_nouns")  # "the operation, code-named X": X names no actor
_NAMING_VERBS = tie_words().naming_verbs
_EXPEL_VERBS = word_set("relation_mentions", "expel_verbs")  # "drove X from their bases": X's bases
# ... but "expelled X from its ranks / its alliance": the expeller's body
_BODY_WORDS = word_set("relation_mentions", "membership_nouns") | word_set("cues", "body_nouns")
_SPEAKING_VERBS = word_set("cues", "speaking_verbs")  # whose subject a quotation beside them may quote
_SUBUNIT_NOUNS = words("descriptions", "subunit_nouns")
_PART_NOUNS = words("descriptions", "part_nouns") | _SUBUNIT_NOUNS
_FORCE_HEADS = words("descriptions", "force_heads")  # "the army of X", "X's militia": his forces
_PARTY_FORCE_NAMES = words("descriptions", "party_force_names")  # "the KDP's peshmerga": the KDP's men
_BACKING_VERBS = words("descriptions", "backing_verbs")  # "troops backing X": X's men
_ADMIN_UNITS = words("places", "admin_units")
_FRONT_NOUNS = words("places", "front_nouns")
_VENUE_HEADS = words("places", "venue_heads")
_REGION_ADJECTIVES = words("places", "region_adjectives")
_SETTING_NOUNS = words("places", "setting_nouns")
_PLACE_PARTS = words("places", "place_parts")
_TERRITORY_NOUNS = words("places", "territory_nouns")
_PRIVATE_PERSONS = words("places", "private_person_nouns")
_MOTION_VERBS = words("places", "motion_verbs")
# verbs whose object is ground, never a person (the territory verbs of data/cues.yaml without "capture", "seize"
# and "take", which take prisoners too, and the verbs of bombardment)
_TOWARDS = frozenset({"towards", "toward"})
# English prepositions of spatial relation beside the locative ones (Quirk et al. 9.15-9.27)
_SPATIAL_PREPS = frozenset({"above", "below", "beneath", "beyond", "behind", "along", "past", "off", "opposite",
                            "overlooking"}) | _TOWARDS
_GROUND_VERBS = (word_set("cues", "territory_verbs") - {"capture", "seize", "take", "control"}) \
    | word_set("cues", "bombardment_verbs")
# peoples living across borders whose name is also a state's adjective ("Serb", "Croat"): data/demonyms.yaml
_CROSS_BORDER = frozenset(w.lower() for w in word_set("demonyms", "cross_border_peoples"))
_FEATURE_WORDS = words("places", "feature_words")
_GROUP_NAME_HEADS = words("names", "group_name_heads")
# prepositions that name the other side of a conflict noun ("war against X", "war on X", "war with X")
_OPPONENT_PREPS = frozenset({"against", "on", "with"})
# the head nouns of a definite description that can name an actor of each kind ("the rival group")
_DESCRIBED_KINDS = {kind: words("descriptions", kind) for kind in ("rebel", "militia", "political")}
_DISJOINT_MODIFIERS = words("descriptions", "disjoint_modifiers")
_NAME_HEADS = words("descriptions", "name_heads")
# plural descriptions ("the two groups", "both factions", "the one-time allies"): how many they refer to
_COUNTS = {
    **{w: 4 for w in words("descriptions", "four_words")},
    **{w: 3 for w in words("descriptions", "three_words")},
    **{w: 2 for w in words("descriptions", "pair_words")},
}
_GROUP_PLURALS = words("descriptions", "group_plurals")
_SIDE_PLURALS = words("descriptions", "side_plurals")
_STATE_PLURALS = words("descriptions", "state_plurals")
LEADER_NOUNS = words("descriptions", "leader_nouns")  # "X, leader of Y": X acts for Y
# the titles of the one head of a group or state ("al-Shabaab leader X", "GIA chief X", "President X"): a name
# before the title names what he heads; "the Hezbollah commander X" is one of several, who may leave it
_HEAD_TITLES = (LEADER_NOUNS - {"commander"}) | {"president"}
_INSURGENT_PLURALS = words("descriptions", "insurgent_plurals")  # "Yemen's royalists": their home, no party
_FORCE_NAME_HEADS = words("names", "force_name_heads")  # "the People's Liberation Army of Namibia"
_RELATIONAL_PLURALS = words("descriptions", "ally_plurals") | words("descriptions", "rival_plurals")
_CONTRAST_MODIFIERS = words("descriptions", "contrast_modifiers")
_NOVELTY_MODIFIERS = words("descriptions", "novelty_modifiers")
_PART_NOUNS = words("descriptions", "part_nouns")
# what no plural description of parties refers to
_NO_SIDE_KINDS = frozenset({"civilians", "protesters", "other"})
# how many sentences before a definite description its antecedent may stand
DESCRIPTION_WINDOW = 3
# what "the group" never refers to: a state, an agency or an international body
NOT_GROUPS = STATE_KINDS | {"foreign_agency", "international_org"}
# kinds that act abroad: their matches need no country of the report
OPEN_KINDS = frozenset({"state", "foreign_state", "foreign_agency", "international_org"})
# an Arabic name that goes on after a match ("Fateh| al-Sham") or began before it ("al-|Golani")
_NAME_GOES_ON = re.compile(r"[ \t]+(?:al|el|ad|ash|as|ar|at|az|an|ibn|bin)[-\u2010 ][A-Z]")
_HYPHEN_SUFFIX = re.compile(r"(-[A-Z][A-Za-z]*)\.(?:\s|$)")  # "SPLM-N." with the sentence's period on the letter
_NAME_BEGAN = re.compile(r"\b(?:al|el|ad|ash|as|ar|at|az|an)[-\u2010]$", re.I)
_PREFIX_REACH = 6  # longest _NAME_BEGAN match ("ash-" and a final line break) and the character \b looks at
_REPORT_VERBS = words("speech", "report_verbs")
_SOURCE_ROLES = words("speech", "source_roles")
# where a report's words come from ("on Twitter", "(AFP; al-Jazeera)"): never a party
_MEDIA_NAMES = words("media", "platforms") | words("media", "outlets")
_ADDRESS_VERBS = words("speech", "address_verbs")
# what follows a dateline's place: an agency in brackets, then a colon or dash ("TEHRAN (Agency) -",
# "New Delhi:"); a comma only after a place in capitals ("ADEN, 26 March"), not "Mali, Niger and ..."
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)\n]{1,40}\))?\s*[:\u2013\u2014-]")
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
ARMED_KINDS = frozenset({"rebel", "militia"})
ANTI_PREFIXES = ("anti", "counter")


@dataclass(frozen=True, slots=True)
class Entity:
    """What a mention resolves to before it becomes an output `Actor`."""

    id: str
    name: str
    kind: str
    acled_inter: int | None
    country: str | None
    registry_id: str | None
    known: bool


def _slug(text: str) -> str:
    s = normalize_name(text)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "actor"


class ActorResolver:
    """Compiled matchers over a registry; build once per process, call on every document."""

    def __init__(self, registry: Registry, vocab: Vocab, event_nouns: frozenset[str] = frozenset()) -> None:
        from spacy.matcher import PhraseMatcher

        self.registry = registry
        self.event_nouns = event_nouns  # "Israeli air raids": the demonym is the raid's actor
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._adjectives: dict[str, list[str]] = {}
        self._states_by_country: dict[str, str] = {}
        self._lowercase_aliases: set[str] = set()  # aliases written in lowercase ("al-Qaeda" is not)
        self._vocab = vocab
        self._built = False
        self._conflict_countries: dict[str, set[str]] | None = None
        self._by_shape: dict[tuple[int, str], list[tuple[tuple[str, ...], str]]] | None = None

    def _build(self, nlp_tokenizer: Callable[[str], Doc]) -> None:
        exact: dict[str, list[Doc]] = {}
        lower: dict[str, list[Doc]] = {}
        # a country's state is its unaffiliated, current state actor ("russia"), not one of its units
        # ("africa-corps", "rosgvardia", affiliated to it) nor its predecessor ("soviet-union")
        rank: dict[str, tuple[bool, bool]] = {}
        for actor in self.registry:
            if actor.kind in STATE_KINDS and actor.country:
                state_rank = (bool(actor.affiliations), actor.active_to is not None)
                if actor.country not in rank or state_rank < rank[actor.country]:
                    rank[actor.country] = state_rank
                    self._states_by_country[actor.country] = actor.id
            for adj in actor.adjectives:
                self._adjectives.setdefault(adj.lower(), []).append(actor.id)
            for alias in actor.names():
                if alias.name == alias.name.lower():
                    self._lowercase_aliases.update(v.lower() for v in _variants(alias.name))
                for variant in _variants(alias.name):
                    acronym = len(variant) <= 6 and variant.replace(".", "").isupper()
                    key = variant if acronym else variant.lower()
                    (exact if acronym else lower).setdefault(key, [])
                    target = exact if acronym else lower
                    if not target[key]:
                        target[key].append(nlp_tokenizer(variant))
        for key, docs in exact.items():
            self._exact.add(key, docs)
        for key, docs in lower.items():
            self._lower.add(key, docs)
        self._built = True

    # -- public -------------------------------------------------------------------------------

    def compile(self, nlp_tokenizer: Callable[[str], Doc]) -> None:
        """Builds the name matchers now (else the first document does), so that loading does it once."""
        if not self._built:
            self._build(nlp_tokenizer)

    def __call__(self, doc: Document, nlp_tokenizer: Callable[[str], Doc]) -> Document:
        if not self._built:
            self._build(nlp_tokenizer)
        sd = doc.parsed
        if sd is None:
            return doc
        return _Resolution(self, doc, sd).run()

    def respelled(self, name: str, on: dt.date | None = None) -> list[RegistryActor]:
        """Registry actors with a name of two or more words that `name` respells (see `variants`)."""
        if self._by_shape is None:
            shapes: dict[tuple[int, str], list[tuple[tuple[str, ...], str]]] = {}
            for actor in self.registry:
                for alias in actor.names():
                    ws = variants.name_words(alias.name)
                    if len(ws) >= 2 and not _acronym(alias.name):
                        shapes.setdefault((len(ws), ws[0][0]), []).append((ws, actor.id))
            self._by_shape = shapes
        ws = variants.name_words(name)
        if len(ws) < 2:
            return []
        ids = {aid for cand, aid in self._by_shape.get((len(ws), ws[0][0]), []) if variants.same_name(ws, cand)}
        actors = [a for a in (self.registry.get(i) for i in sorted(ids)) if a is not None]
        return [a for a in actors if a.active_on(on)] or actors

    def countries_of(self, actor: RegistryActor) -> set[str]:
        """The countries an actor fights or acts in: its own, and those of its conflicts' groups."""
        if self._conflict_countries is None:
            table: dict[str, set[str]] = {}
            for a in self.registry:
                for c in a.conflicts:
                    if a.country and a.kind not in OPEN_KINDS:  # a conflict's groups, not foreign powers
                        table.setdefault(c, set()).add(a.country)
            self._conflict_countries = table
        out = {actor.country} if actor.country else set()
        for c in actor.conflicts:
            out |= self._conflict_countries.get(c, set())
        return out

    def registry_entity(self, actor: RegistryActor, focus: str | None) -> Entity:
        kind = actor.kind
        inter = actor.acled_inter
        if kind in STATE_KINDS:
            home = focus is None or actor.country == focus
            kind = "state" if home else "foreign_state"
            inter = 1 if home else 8
        return Entity(actor.id, actor.name, kind, inter, actor.country, actor.id, True)


def _variants(name: str) -> Iterable[str]:
    """Spelling variants of an alias that texts use interchangeably."""
    yield name
    if "-" in name:
        yield name.replace("-", " ")
    if "'" in name:
        yield name.replace("'", "\u2019")
        yield name.replace("'", "")
    if name.lower().startswith("al-"):
        yield name[3:]
        yield "Al" + name[3:]  # the article glued on when a text loses its hyphens ("AlQaeda")


class _Resolution:
    """The resolution of one document (holds per-document state)."""

    def __init__(self, res: ActorResolver, doc: Document, sd: Doc) -> None:
        self.r = res
        self.doc = doc
        self.sd = sd
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.taken = [False] * len(sd)  # tokens already part of a mention
        # the dateline that opens a report ("ADEN, 26 March 2015 —") and the credit line that ends it
        # ("Reporting by X in Y"): the agency's framing, found once; no actor is named in it
        self.framing = [(m.start(), m.end()) for m in DATELINE.finditer(doc.text[:400])] + credit_lines(doc.text)
        self.focus: str | None = None
        self.persons: set[str] = set()  # entities that are single people (not "they")
        # the surname of a person who acts for a group ("Boko Haram's leader Abubakar Shekau"): "Shekau" later
        self.acting_for: dict[str, Entity] = {}
        self._coalition_entity: Entity | None = None
        self.context: set[str] = set()  # the report's countries (see `_in_context`)
        self.context_votes: Counter[str] = Counter()  # how often the report names each
        self.sources: set[str] = set()  # entities only named as a report's source (see `_drop_non_parties`)
        self._coalition_known = False  # looked up yet?
        self._group_names: list[tuple[int, int]] | None = None  # ORG entities named like a group (`_inside_group_name`)
        self._person_names: list[tuple[int, int]] | None = None  # PERSON entities, no title (see `_partial_name`)
        self._person_ents: list[tuple[int, int]] | None = None  # PERSON entities (see `_former_office_holder`)
        self._org_ents: list[Span] | None = None  # ORG and FAC entities (see `_inside_longer_name`)
        self.tied_groups: set[str] = set()  # "Turkish-backed rebels" (see `_tied_group`)
        self.local_coalition = False  # the last coalition named is the report's own (see `_own_coalition`)

    def run(self) -> Document:
        spans = self._registry_spans()
        self.focus = self._focus_country(spans)
        # groups first, so that a state naming a group's home ("Lebanon's Hezbollah") sees the group
        for span, actor in sorted(spans, key=lambda sa: sa[1].kind in STATE_KINDS):
            if actor.kind in STATE_KINDS and self._as_place(span):
                # "the Juba agreement", "Lebanon's Hezbollah", "the city of Nairobi", "hotspots such as
                # Yemen and Somalia": a place, not a party (a lone "in Libya" may stand for its authorities)
                continue
            if actor.kind not in STATE_KINDS and span[0].pos_ == "ADJ" \
                    and any(c.dep_ in ("amod", "acl") and allegiance_lords(c) for c in span.root.children):
                continue  # "Kurdish fighters loyal to Barzani": his men, not the group the adjective names
            self._add(span.start, span.end, self.r.registry_entity(actor, self.focus), "alias")
        self._adjective_mentions()
        self._cataphora()
        self._generic_mentions()
        self._ner_mentions()
        self._repeated_names()
        self._initials()
        self._merge_appositions()
        self._merge_variants()
        self._descriptions()
        self._plural_descriptions()
        self._anaphora()
        self._generic_armed()
        self._named_in_apposition()
        self._drop_non_parties()
        peripheral = sorted(set(self._peripheral()) | self.sources | self._bystanders())
        self.mentions.sort(key=lambda m: m.start)
        by_id: dict[str, list[Mention]] = {}
        for m in self.mentions:
            by_id.setdefault(m.actor_id, []).append(m)
        actors = []
        for eid, ms in by_id.items():
            e = self.entities[eid]
            kind = as_actor_kind(e.kind)
            actors.append(Actor(e.id, e.name, kind, e.acled_inter, e.country, e.registry_id, e.known, tuple(ms)))
        actors.sort(key=lambda a: a.mentions[0].start)
        hints = dict(self.doc.hints)
        hints["focus_country"] = self.focus
        hints[PERIPHERAL_HINT] = peripheral
        # a named armed group is not a place ("Fastaqim", "Front" of "Nusra Front")
        groups = [m for m in self.mentions if self.entities[m.actor_id].kind not in STATE_KINDS and m.how == "alias"]
        places = tuple(p for p in self.doc.places if not any(m.start < p.end and p.start < m.end for m in groups))
        return dataclasses.replace(self.doc, actors=tuple(actors), places=places, hints=hints)

    # -- helpers --------------------------------------------------------------------------------

    def _free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def _add(self, tok_start: int, tok_end: int, entity: Entity, how: str) -> None:
        if tok_end <= tok_start or not self._free(tok_start, tok_end):
            return
        for i in range(tok_start, tok_end):
            self.taken[i] = True
        self.entities.setdefault(entity.id, entity)
        span = self.sd[tok_start:tok_end]
        start, end = span.start_char, span.end_char
        self.mentions.append(Mention(start, end, self.doc.text[start:end], entity.id, as_mention_how(how)))

    def _merge_appositions(self) -> None:
        """'Kenzo Oshima, the UN relief coordinator', 'the Union of Teachers (NUT)': one entity, not two.

        A registry actor absorbs an unknown one; two registry actors stay apart (an apposition
        between them is more likely a misparsed list).
        """
        sd = self.sd
        at: dict[int, Mention] = {}
        for m in self.mentions:
            span = span_at(sd, m.start, m.end)
            if span is not None:
                for t in span:
                    at[t.i] = m
        inside_name = {t.i for e in entities(sd) for t in e[1:]}  # "Angola" in "Union for ... of Angola (UNITA)"

        def phrase_mention(tok: Token, description: bool = False) -> Mention | None:
            """The mention a noun phrase's head stands for ("Qatar's emir", "the UN relief coordinator")."""
            if tok.i in at:
                return at[tok.i]
            if description and tok.lower_ in _MEMBER_PLURALS:  # "fighters of the X, a Turkmen brigade": X's
                held = [p for p in prep_objects(tok, ("of",)) if p.i in at]
                if held:
                    return at[held[0].i]
            owners = [
                c
                for c in tok.children
                if c.i in at and (c.dep_ == "compound" and not (tok.lower_ in LEADER_NOUNS and _formerly(tok))
                                  or c.dep_ == "poss" and tok.lower_ in lx.TITLE_WORDS and not _formerly(tok))
            ]  # "the country's ex-president", "the former Janjaweed leader": no longer its voice
            return at[owners[0].i] if owners else None

        at = self._owners_of_named_parts(at)
        for m in list(self.mentions):
            span = span_at(sd, m.start, m.end)
            if span is None:
                continue
            root = span.root
            others = []
            if _bracketed(span):
                if span.start - 2 not in inside_name:
                    others.append(at.get(span.start - 2))
            elif root.dep_ == "appos":
                if _lists_members(root):
                    continue  # "the Front, announced by seven factions, among them X, Y and Z": members, not names
                last = sd[span.start - 1] if span.start > 1 and sd[span.start - 1].text == "," else None
                before = sd[last.i - 1] if last is not None else None
                if m.how == "generic" and before is not None and before.dep_ == "conj" and before.i in at \
                        and before.head.i != root.head.i:
                    # "X, Y and Z, the Aleppo brigade": a description after a list describes its last item, where
                    # the parser hung it on the first (English appositions follow their noun at once)
                    others.append(at[before.i])
                else:
                    others.append(phrase_mention(root.head, description=m.how == "generic"))
            elif m.how == "generic" and span[0].lower_ in ("a", "an") and span.end + 1 < len(sd):
                # "a Tuareg militia, the GATIA (...)": an indefinite description then its name, which the
                # parser may read as a list; a list does not open with an indefinite description
                nxt = span.end + 1 + (sd[span.end + 1].lower_ == "the")
                if sd[span.end].text == "," and nxt < len(sd) and nxt in at:
                    others.append(at[nxt])
            # "Abu Aqla Kayka, an RSF commander": one of an armed group's men, who may leave it, not its voice
            # (a state's officer, "X, a Malian army captain, told reporters", still speaks for the state)
            others += [o for c in root.children if c.dep_ == "appos" and (o := phrase_mention(c)) is not None
                       and not _lists_members(c)
                       and not (m.actor_id in self.persons and _indefinite(c)
                                and self.entities[o.actor_id].kind not in STATE_KINDS)]
            m = at.get(root.i, m)
            other = next((o for o in others if o is not None and o.actor_id != m.actor_id), None)
            if other is None:
                continue
            a, b = self.entities[other.actor_id], self.entities[m.actor_id]
            if a.known and b.known or _two_acronyms(m.text, other.text) and not _bracketed(span):
                continue  # "the KIA, the AA and ...": two short names side by side are a list
            if (m.how == "generic") != (other.how == "generic"):
                # "the Free Hills Front, a rebel army": the description is the named group's; the named
                # group does not become what the description alone would have been taken for
                desc, named = (m, other) if m.how == "generic" else (other, m)
                self.mentions = [dataclasses.replace(x, actor_id=named.actor_id) if x is desc else x
                                 for x in self.mentions]
                at = {i: dataclasses.replace(x, actor_id=named.actor_id) if x is desc else x for i, x in at.items()}
                continue
            o_span = span_at(sd, other.start, other.end)
            # "the White Army, a Nuer militia": a name qualifying the description is no name of the group
            qualifier = o_span is not None and (o_span.root.dep_ == "compound" and o_span.root.head.i not in at
                                                and o_span.root.head.lower_ not in lx.TITLE_WORDS
                                                and o_span.root.head.lemma_.lower() not in LEADER_NOUNS
                                                or o_span.root.pos_ == "NOUN" and root.pos_ == "PROPN")
            # ("X, the Ras Kamboni militia leader": the group he leads names him, as before)
            keep, gone = (b, a) if b.known and not a.known or b.known == a.known and qualifier else (a, b)
            self._repoint(gone.id, keep.id)
            at = {i: dataclasses.replace(x, actor_id=keep.id) if x.actor_id == gone.id else x for i, x in at.items()}

    def _owners_of_named_parts(self, at: dict[int, Mention]) -> dict[int, Mention]:
        """'the African Union mission, AMISOM', 'SAMIDRC, the SADC's mission in Congo': the noun its owner's name
        qualifies is the named part, so the owner's name there is a mention of the part, not of the whole (the
        registry says which body is part of which). `at` (token -> mention) comes back updated."""
        sd = self.sd
        for m in list(self.mentions):
            span = span_at(sd, m.start, m.end) if self.entities[m.actor_id].known else None
            if span is None:
                continue
            nouns = [span.root.head] if span.root.dep_ == "appos" else []
            # (an apposition after a name the parser may take for the name's object: "SAMIDRC, the SADC's mission")
            nouns += [c for c in span.root.children if c.dep_ == "appos" or c.dep_ == "dobj"
                      and span.root.pos_ == "PROPN" and c.pos_ == "NOUN" and sd[c.left_edge.i - 1].text == ","]
            for noun in (n for n in nouns if n.i not in at):
                for c in noun.children:
                    owner = at.get(c.i) if c.dep_ in ("compound", "poss") else None
                    if owner is not None and self._part_of(self.entities[m.actor_id], self.entities[owner.actor_id],
                                                           noun.lemma_.lower()):
                        self.mentions = [dataclasses.replace(x, actor_id=m.actor_id) if x is owner else x
                                         for x in self.mentions]
                        at = {i: dataclasses.replace(x, actor_id=m.actor_id) if x is owner else x
                              for i, x in at.items()}
        return at

    def _part_of(self, part: Entity, whole: Entity, noun: str) -> bool:
        """The registry ties `part` to `whole` as one of its bodies, and `noun` is a word of the part's own name
        ("mission" in "African Union Mission in Somalia"): the whole's name and the noun name the part. A relational
        noun ("al-Qaeda's affiliate", "the STC's armed wing") names the whole as the other side of a tie."""
        actor = self.r.registry.get(part.registry_id) if part.registry_id else None
        if actor is None or not any(t.target == whole.registry_id and t.type == "affiliation"
                                    for t in actor.affiliations):
            return False
        return any(noun in normalize_name(a.name).split() for a in actor.names())

    def _repoint(self, gone: str, keep: str) -> None:
        """Every mention of entity `gone` becomes a mention of `keep`."""
        self.mentions = [dataclasses.replace(x, actor_id=keep) if x.actor_id == gone else x for x in self.mentions]
        self.persons.discard(gone)

    def _merge_variants(self) -> None:
        """One actor named several ways in one report is one entity (see `variants`).

        An unknown name joins the one entity whose name it shortens, respells or abbreviates
        ("Sabaawi" after "Sheikh Faris al-Sabaawi", "Zenki" beside "Nour al-Din al-Zinki", "AA" after
        "Arakan Army"); a person's name never joins a registry organisation that shares a word.
        Two registry actors join only when one was renamed to the other (a report may use both names).
        """
        names: dict[str, set[str]] = {}
        first: dict[str, int] = {}
        for m in self.mentions:
            if m.how in ("alias", "ner", "name"):
                names.setdefault(m.actor_id, set()).add(m.text)
                first.setdefault(m.actor_id, m.start)
        for eid in names:
            names[eid].add(self.entities[eid].name)
        merged: set[str] = set()
        order = sorted(names, key=lambda e: (-first[e], min(len(n) for n in names[e])))
        # a nation's people: a plural the recogniser calls a nationality, or a nation's adjective with an "s" ("Somalis"
        # tagged as a name)
        peoples = {m.actor_id for m in self.mentions if m.how == "ner" and (sp := span_at(self.sd, m.start, m.end))
                   is not None and len(sp) and (sp.root.ent_type_ == "NORP" and sp.root.tag_ in ("NNPS", "NNS")
                                                or len(sp) == 1 and sp.text.lower()[:-1] in self.r._adjectives)}
        for b in order:
            eb = self.entities[b]
            if eb.known or b.startswith("generic-") or eb.kind == "civilians":
                continue
            people = b in peoples and all(m.how in ("ner", "generic") for m in self.mentions if m.actor_id == b) \
                and all(len(n.split()) == 1 for n in names[b])
            person = b in self.persons
            targets = [
                a
                for a in names
                if a != b
                and a not in merged
                and not (person and self.entities[a].known)
                # a group named as one ("Baloch Republican Guards") never joins a person who shares a word
                and not self._person_beside_group(a, b, names) and not self._person_beside_group(b, a, names)
                and not _own_initials(names[a], names[b])
                and any(_shortens(nb, na) for nb in names[b] for na in names[a])
            ]
            if not targets and not person and not people:
                # a name of head nouns only ("the Brigades") shortens the one name of the report with them
                targets = [
                    a
                    for a in names
                    if a != b and a not in merged and a not in self.persons and not _own_initials(names[a], names[b])
                    and any(variants.is_variant(nb, na, generic=True) for nb in names[b] for na in names[a])
                ]
                targets = targets if len(targets) == 1 else []
            if people and any(not (self.entities[a].known and self.entities[a].kind in STATE_KINDS) for a in targets):
                continue  # "the Iraqis" may be Iraq's side, but a people is no short name of a group ("... of Iraqi
                # Revolutionaries"), nor Iraq's where such a group is named too
            if len(targets) > 1:  # "Robow" beside "Sheikh Robow" and "Robow Abu Mansur": the fullest name
                full = max(targets, key=lambda a: max(len(variants.name_words(n)) for n in names[a]))
                rest = [a for a in targets if a != full]
                if all(any(variants.is_variant(x, y) for x in names[a] for y in names[full]) for a in rest):
                    targets = [full]
            if len(targets) == 1:
                self._repoint(b, targets[0])
                merged.add(b)
        self._merge_renamed(names)

    def _person_beside_group(self, person: str, group: str, names: dict[str, set[str]]) -> bool:
        """A person and a group that only share a word ("Aslam Baloch", "the Baloch Republican Guards"): two
        actors. A name tagged as a person that shortens the group's whole name ("Suqour al-Badiya") is the group."""
        name = self.entities[person].name
        return person in self.persons and _org_named(self.entities[group].name) \
            and not any(_shortens(name, n) for n in names[group])

    def _merge_renamed(self, names: dict[str, set[str]]) -> None:
        """A registry actor and its renamed predecessor or successor, both named: the one of the report's date."""
        reg = self.r.registry
        known = [e for e in names if self.entities[e].known and self.entities[e].registry_id]
        for b in known:
            rb = reg.get(self.entities[b].registry_id or "")
            if rb is None:
                continue
            for a in known:
                ra = reg.get(self.entities[a].registry_id or "")
                if ra is None or a == b or not any(s.id == rb.id and s.how == "rename" for s in ra.predecessors):
                    continue
                # `a` continues `b` under a new name
                on = self.doc.published
                keep, gone = (b, a) if on is not None and rb.active_on(on) and not ra.active_on(on) else (a, b)
                if any(m.actor_id == gone for m in self.mentions):
                    self._repoint(gone, keep)

    def _owns_target(self, m: Mention) -> bool:
        """'rebel positions', 'insurgent bases': the mention owns what an attack hits."""
        span = span_at(self.sd, m.start, m.end)
        return span is not None and span.root.dep_ in ("compound", "amod") and (
            span.root.head.lemma_.lower() in lx.TARGET_NOUNS
        )

    def _qualified(self, m: Mention) -> bool:
        """A mention with a people's or place's name in front ("Yemeni rebels", "Shiite rebels")."""
        span = span_at(self.sd, m.start, m.end)
        if span is not None and len(span) > 2 and span[0].dep_ == "det":
            span = span[1:]  # "the Shiite rebels"
        if span is None or len(span) < 2:
            return False
        first = span[0]
        return first.ent_type_ == "NORP" or first.pos_ == "PROPN" or first.lower_ in self.r._adjectives

    def _named_in_apposition(self) -> None:
        """'Clashes between two rebel factions, A and B', 'the main rebel groups, A and B': a generic
        description followed by the names of what it describes is those names; it is no actor of its own
        (else it is a third side, fighting both)."""
        def named(tok: Token, generic: str) -> bool:
            e = self._entity_at(tok.i)
            return e is not None and e.id != generic and e.known

        def names_follow(m: Mention) -> bool:
            span = span_at(self.sd, m.start, m.end) if m.how == "generic" else None
            if span is None or not len(span) or not _plural(span.root):
                return False
            root = span.root
            if any(c.dep_ == "appos" and named(c, m.actor_id) for c in root.children):
                return True
            # "two rebel factions, A and B" parsed as a list of three: as many names as the number says
            count = next((_CARDINALS.get(c.lower_) for c in root.children if c.dep_ == "nummod"), None)
            listed = [c for c in conjuncts(root)[1:] if named(c, m.actor_id)]
            return count == len(listed) and root.i + 1 < len(self.sd) and self.sd[root.i + 1].text == ","

        self.mentions = [m for m in self.mentions if not names_follow(m)]

    def _drop_non_parties(self) -> None:
        """Names that are no party: sources and places.

        A person without a title or an organisation that only speaks or is spoken to ("X, a
        spokesperson, told reporters", "according to X", "sources speaking to The X"), and a monitor
        the registry lists that only reports, are a report's source: peripheral, so that events can
        still name them as their source and the actor list then leaves them out; an office holder
        ("President X said") and a people ("Bosnian Serbs said") speak for a party. A one-word name
        with no organisational word that never acts as a subject ("reached Sanhan", "airlifted to
        Jufra") is a place the gazetteer does not know: dropped.
        """
        by_entity: dict[str, list[Span]] = {}
        for m in self.mentions:
            if m.how in ("ner", "alias", "name"):
                span = span_at(self.sd, m.start, m.end)
                if span is not None:
                    by_entity.setdefault(m.actor_id, []).append(span)
        drop = set()
        for eid, spans in by_entity.items():
            e = self.entities[eid]
            if e.known and e.registry_id and e.kind in ("other", "international_org") and all(
                _source_position(s.root) for s in spans
            ):
                self.sources.add(eid)  # a monitor, an outlet or a UN body the registry lists, here only a source
                continue
            if e.known or e.kind != "other" or eid.startswith("generic-"):
                continue
            if eid in self.persons and any(_source_role(s.root) for s in spans):
                self.sources.add(eid)  # "Idlib resident X", "X, an analyst at ...": quoted, no party
                continue
            people = any(any(t.ent_type_ == "NORP" for t in s) or s.root.tag_ in ("NNS", "NNPS") for s in spans)
            if people or any(s[0].lower_ in lx.TITLE_WORDS for s in spans):
                continue  # a people ("Palestinians"), or an office holder ("President X said")
            if all(_source_position(s.root) for s in spans):
                self.sources.add(eid)
            elif eid not in self.persons and all(len(s) == 1 and not _acts(s.root) for s in spans):
                drop.add(eid)
        if drop:
            self.mentions = [m for m in self.mentions if m.actor_id not in drop]

    def _generic_armed(self) -> None:
        """'the rebels', 'insurgents', 'Yemeni rebels': the one named rebel group of the report, or none.

        A report that names one rebel group and calls it "the rebels" means that group. A report
        that names several uses the plural for some of them together ("rivalries among opposition
        factions"): no party of its own, so those mentions go. Generic mentions before the first
        named group, or without one, stay a generic actor (all the report says about who fought).
        """
        by_entity: dict[str, list[Mention]] = {}
        for m in self.mentions:
            by_entity.setdefault(m.actor_id, []).append(m)
        generic = [
            eid
            for eid, ms in by_entity.items()
            if not self.entities[eid].known
            and eid not in self.tied_groups  # "Turkish-backed rebels" are not whichever rebels are named
            and self.entities[eid].kind == "rebel"
            and (eid.startswith("generic-") or self.entities[eid].name.split()[-1].lower() in lx.GENERIC_ARMED)
            and all(m.how in ("generic", "coref") for m in ms)
        ]
        if not generic:
            return
        named = [
            eid
            for eid, ms in by_entity.items()
            if eid not in generic
            and eid not in self.persons
            and self.entities[eid].kind == "rebel"  # a militia may fight for the government the rebels fight
            and any(m.how in ("alias", "ner") for m in ms)
        ]
        if not named:
            return
        # "Rebels attacked ... Separately, X withdrew": rebels named before any group are others;
        # "Yemeni rebels" before the name already say whose side they are
        after = min(m.start for m in self.mentions if m.actor_id in named and m.how in ("alias", "ner"))
        later = [m for m in self.mentions if m.actor_id in generic and (m.start > after or self._qualified(m))]
        if len(named) == 1:
            # "X, a militia that fought alongside opposition units": the group is no argument beside itself
            own = [span_at(self.sd, m.start, m.end) for m in self.mentions if m.actor_id == named[0]]
            later = [m for m in later
                     if not ((tok := span_at(self.sd, m.start, m.end)) is not None and len(tok)
                             and any(_clause_mate(s, tok.root) for s in own))]
            self.mentions = [dataclasses.replace(m, actor_id=named[0]) if m in later else m for m in self.mentions]
        else:  # ... but "bombed rebel positions" still names the side that was hit
            self.mentions = [m for m in self.mentions if m not in later or self._owns_target(m)]

    def _bystanders(self) -> set[str]:
        """Civilians no clause acts upon ("while residents celebrated", "the plight of residents"):
        named beside what happens, a party only to an event that has them (see `prune`)."""
        acted_upon = False
        for m in self.mentions:
            if m.actor_id != "civilians":
                continue
            span = span_at(self.sd, m.start, m.end)
            root = span.root if span is not None else None
            while root is not None and root.dep_ == "conj" and root.head.i != root.i:
                root = root.head
            if root is not None and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.tag_ == "NNS":
                root = root.head.head  # "held thousands of refugees"
            acted_upon = acted_upon or root is None or root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ == "VERB"
        return {"civilians"} if "civilians" in self.entities and not acted_upon else set()

    def _peripheral(self) -> list[str]:
        """Entities none of whose mentions is salient (only a report's source, or background).

        Position is weak evidence against repetition and registry knowledge: an entity named more
        than once, or a known armed group named other than as a source, is always a party.
        """
        placed: list[tuple[str, int, bool, Position]] = []  # entity, sentence, subject?, position
        for m in self.mentions:
            span = span_at(self.sd, m.start, m.end)
            if span is None:
                placed.append((m.actor_id, -1, True, Position(False, 0, 0)))
                continue
            root = span.root
            placed.append((m.actor_id, sentence_of(root).start, root.dep_ in SUBJECTS, position(root)))
        shallowest = _shallowest(placed)
        salient = {eid for eid, sent, subj, p in placed if p.salient and p.depth <= shallowest.get(sent, 0) + 1}
        named = Counter(m.actor_id for m in self.mentions if m.how != "coref")
        salient |= {eid for eid, n in named.items() if n > 1}  # named again and again: a party, wherever it stands
        armed = {eid for eid, e in self.entities.items() if e.known and e.kind in ARMED_KINDS}
        salient |= {eid for eid, sent, subj, p in placed if eid in armed and not p.attribution}
        return sorted(({eid for eid, *_ in placed} - salient) | self._only_places())

    def _only_places(self) -> set[str]:
        """States and unknown names every one of whose names stands for a place ('in Mali and Niger').

        Such an entity is kept only where an event or a relation has it for a party (see `prune`).
        """
        out: dict[str, bool] = {}
        for m in self.mentions:
            e = self.entities[m.actor_id]
            if e.known and e.kind not in STATE_KINDS:
                out[m.actor_id] = False  # a registry armed group is no place
                continue
            if m.how == "coref":
                if m.actor_id in out:
                    out[m.actor_id] = False  # "its", "they": something that acts
                continue
            span = span_at(self.sd, m.start, m.end)
            place = span is not None and _place_phrase(span.root)
            out[m.actor_id] = out.get(m.actor_id, True) and place
        return {eid for eid, only in out.items() if only}

    def _registry_spans(self) -> list[tuple[Span, RegistryActor]]:
        from spacy.util import filter_spans

        sd = self.sd
        found = []
        for matcher in (self.r._exact, self.r._lower):
            for _, s, e in matcher(sd):
                span = sd[s:e]
                # lowercase matches need a capital somewhere, unless the alias itself has none
                if matcher is self.r._lower and not any(t.text[:1].isupper() for t in span):
                    if any(c.isupper() for c in span.text):
                        continue
                    if span.text.lower() not in self.r._lowercase_aliases:
                        continue
                found.append(span)
        matched = []
        spelled: dict[str, tuple[str, ...]] | None = None
        for span in filter_spans(_uncut(found)):
            if self._partial_name(span):
                continue  # "Fateh" of "Fateh al-Sham", "Golani" of "Abu Mohammad al-Golani"
            if self._inside_a_place_name(span) or _inside_a_feature_name(span):
                continue  # "Sudan" of "Port Sudan", "Chad" of "Lake Chad Basin": part of a longer place's name
            suffix = _HYPHEN_SUFFIX.match(self.doc.text, span.end_char)
            if suffix is not None and span.end + 1 < len(sd):
                # "SPLM-N." at a sentence's end, where the tokenizer kept the period with the letter: the longer
                # name or none, never the shorter one inside it
                cands = self.r.registry.lookup(span.text + suffix.group(1), self.doc.published)
                if cands:
                    matched.append((sd[span.start:span.end + 2], cands))
                continue
            cands = self.r.registry.lookup(span.text, self.doc.published)
            if not cands:
                cands = self.r.registry.lookup(span.text.replace(" ", "-"), self.doc.published)
            if not cands and span.text[:2].lower() == "al" and span.text[2:3].isupper():
                cands = self.r.registry.lookup("al-" + span.text[2:], self.doc.published)  # "AlNusra Front"
            if cands and self._inside_longer_name(span, cands):
                continue  # "People's Liberation Army" of "the Tamil People's Liberation Army": another group
            state = bool(cands) and all(c.kind in STATE_KINDS for c in cands)
            if state and part_noun_of(span.root) is not None:
                continue  # "the Maoists' armed wing, the People's Liberation Army": not China's army
            if state and _first_word_of_a_name(span):
                continue  # "Libya Shield units", "the Libya Dawn coalition": a body named after the state, not it
            if state and self._hyphenated_to_a_name(span):
                continue  # "ARS-Djibouti", "ARS-Asmara": a faction named after a place, not that state
            if cands and self._former_office_holder(span, cands):
                continue  # "Ali Abdullah Saleh" years after his presidency: a person, not Yemen
            if cands and _ex_members(span):
                continue  # "former FARC combatants": men who left the group, not the group
            if cands and _short_name(span.text):
                # a short name needs its owner to exist on the report's date ("SNA" in 1993 is not the Syrian
                # National Army, founded in 2017), and is not a registry actor's where the text spells it out as
                # another name ("Somali National Alliance (SNA)"; the spelled-out names read once, when first asked)
                spelled = _spelled_acronyms(sd) if spelled is None else spelled
                cands = [c for c in cands if not _founded_after(c, self.doc.published)
                         and not _spelled_out_otherwise(span.text, c, spelled)]
            if cands and span.text.lower() in _PARTY_FORCE_NAMES and (owner := self._party_of(span)) is not None:
                cands = [owner]  # "the KDP's peshmerga", "PUK peshmerga", "peshmerga of the PUK": that party's men
            if len(cands) > 1 and span.start > 0:
                # "Syrian Kurdish fighters": a country's adjective before a name several groups share picks
                # the group at home there (the YPG, not Iraq's Peshmerga)
                homes = {a.country for i in self._adjective_ids(sd[span.start - 1].lower_)
                         if (a := self.r.registry.get(i)) is not None and a.kind in STATE_KINDS}
                cands = [c for c in cands if c.country in homes] or cands
            if cands:
                matched.append((span, cands))
        return self._in_context(matched)

    def _hyphenated_to_a_name(self, span: Span) -> bool:
        """The match ends a hyphenated name whose first part is a capitalised word or abbreviation naming no state
        ("ARS-Djibouti", "ARS-Asmara": the place names the faction, where it met or sits; not "US-Iraq")."""
        text, start = self.doc.text, span.start_char
        if start < 2 or text[start - 1] not in "-\u2010" or not text[start - 2].isupper():
            return False
        first = re.search(r"[\w.]+$", text[max(0, start - 40) : start - 1])
        return first is not None and not any(
            c.kind in STATE_KINDS for c in self.r.registry.lookup(first.group(0), self.doc.published))

    def _inside_a_place_name(self, span: Span) -> bool:
        """The match is part of a longer toponym the place stage found, whose other words are a name of
        their own ("Port Sudan", "New Mexico"), not an article or a part of the country ("the United
        States", "south Lebanon", "Central African Republic" aside: a registry name is matched whole)."""
        for p in self.doc.places:
            if p.start <= span.start_char and span.end_char <= p.end and p.end - p.start > len(span.text):
                rest = (self.doc.text[p.start : span.start_char] + " " + self.doc.text[span.end_char : p.end]).split()
                if any(w[:1].isupper() and w.lower() not in _PLACE_QUALIFIERS for w in rest):
                    return True
        return False

    def _former_office_holder(self, span: Span, cands: list[RegistryActor]) -> bool:
        """A person's name the registry gives a state only for the years the person led it, read in
        a report dated after (or before) them, or given a former title ("former president X",
        "X, the country's ex-president")."""
        if self._person_ents is None:  # read off the entities once per report, not once per match
            self._person_ents = [(e.start, e.end) for e in entities(self.sd) if e.label_ == "PERSON"]
        if not any(s <= span.start and span.end <= e for s, e in self._person_ents):
            return False
        if not all(a.kind in STATE_KINDS for a in cands):
            return False
        published = self.doc.published
        if published is not None and not any(self.r.registry.named_on(a.id, span.text, published) for a in cands):
            return True
        return _former_title(span)

    def _fits(self, actor: RegistryActor, context: set[str]) -> bool:
        """A group fits a context it shares a country with; a group of no country ("global") fits any."""
        countries = self.r.countries_of(actor)
        return not countries or bool(countries & context)

    def _partial_name(self, span: Span) -> bool:
        """The match is part of a longer name: an Arabic name goes on ("Fateh al-Sham") or began before
        ("al-Golani"), or a person's name holds it ("Abu Mohammad al-Golani")."""
        text = self.doc.text
        # the prefix ends at the match: a search of the few characters before it is a search of them all
        began = _NAME_BEGAN.search(text, max(0, span.start_char - _PREFIX_REACH), span.start_char)
        if began or _NAME_GOES_ON.match(text, span.end_char):
            return True
        if self._person_names is None:  # read off the entities once per report, not once per match
            self._person_names = [  # (an article the recogniser took in is no part of a name: "An al-Shabaab
                (e.start + (e[0].pos_ == "DET"), e.end) for e in entities(self.sd)  # commander said")
                if e.label_ == "PERSON" and not any(t.lower_ in lx.TITLE_WORDS for t in e)
            ]
        return any(s <= span.start and span.end <= e and e - s > len(span) for s, e in self._person_names) \
            or self._inside_group_name(span.start, span.end)

    def _inside_longer_name(self, span: Span, cands: list[RegistryActor]) -> bool:
        """The match lies inside a longer organisation's name the recogniser read whole, whose other capitalised
        words are not the matched actor's own country ("the Tamil People's Liberation Army", "the People's
        Liberation Army of Namibia", "the Cordillera People's Liberation Army" are not China's army;
        "Iraq's Popular Mobilization Forces" is Iraq's)."""
        if len(variants.name_words(span.text)) < 2:
            return False  # a one-word name inside a longer one is read by the rules of places and parts
        homes = {c.country for c in cands}
        if self._org_ents is None:  # read off the entities once per report, not once per match
            self._org_ents = [e for e in entities(self.sd) if e.label_ in ("ORG", "FAC")]
        for e in self._org_ents:
            if not (e.start <= span.start and span.end <= e.end) or (e.start, e.end) == (span.start, span.end):
                continue
            if any(t.lower_ in ("and", "or", "'s", "\u2019s", "-", ",", "&") for t in e
                   if not span.start <= t.i < span.end):
                continue  # "Nusra and Daesh", "the UAE's Giants Brigade": names the recogniser ran together
            end = next((t.i for t in e if t.i >= span.end and t.text in ("(", "[")), e.end)
            extra = [t for t in tokens(self.sd)[e.start : end] if not (span.start <= t.i < span.end)
                     and t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN")]  # not its initials in brackets
            if not extra:
                continue
            of_end = self.sd[e.end - 1].idx + len(self.sd[e.end - 1])
            if span.end < e.end and self.sd[span.end].lower_ == "of" and all(t.i > span.end for t in extra) \
                    and not any(p.start < of_end and self.sd[span.end].idx < p.end for p in self.doc.places):
                continue  # "the Libyan National Army of Khalifa Haftar": whose it is; "... Army of Namibia" is another
            if self.r.registry.lookup(e.text, self.doc.published) or self.r.registry.lookup(
                    self.sd[e.start + (e[0].pos_ == "DET") : e.end].text, self.doc.published):
                continue  # the longer name is a registry name itself
            own = all(
                any((a := self.r.registry.get(i)) is not None and a.country in homes
                    for i in self._adjective_ids(t.lower_))
                or any(a.country in homes and a.kind in STATE_KINDS
                       for a in self.r.registry.lookup(t.text, self.doc.published))
                for t in extra
            )
            if not own:
                return True
        return False

    def _inside_group_name(self, start: int, end: int) -> bool:
        """Tokens start..end are part of a longer organisation's name headed by a party's or movement's noun
        ("Zimbabwe" of "the Zimbabwe African National Union", "Eritrean People" of "the Eritrean People's
        Liberation Front", "Oman" of "the Popular Front for the Liberation of Oman"): the name, not a state or a
        people, is what it names."""
        if self._group_names is None:
            self._group_names = [
                (e.start + (e[0].pos_ == "DET"), e.end) for e in entities(self.sd)
                if e.label_ == "ORG" and len(e) - (e[0].pos_ == "DET") >= 3 and (
                    e[-1].lower_ in _GROUP_NAME_HEADS
                    # "the Popular Front for the Liberation of Oman": the head, then its "for/of" phrase; a force's
                    # name with a movement word ("the People's Liberation Army of Namibia", "the Revolutionary Armed
                    # Forces of Colombia"), not a state's ("the Armed Forces of the Philippines")
                    or any(t.i + 1 < e.end and e.doc[t.i + 1].lower_ in ("for", "of") and (
                        t.lower_ in _GROUP_NAME_HEADS
                        or t.lower_ in _FORCE_NAME_HEADS and any(w.lower_ in lx.MOVEMENT_NAME_WORDS for w in e)
                    ) for t in e)
                )
            ]
        return any(s <= start and end <= e and (s, e) != (start, end) for s, e in self._group_names)

    def _in_context(self, matched: list[tuple[Span, list[RegistryActor]]]) -> list[tuple[Span, RegistryActor]]:
        """Each match's registry actor that fits the report's countries and conflicts.

        The context is what the rest of the report names: places, and the other names that match
        one registry actor and are not acronyms (an acronym or an ambiguous name is what needs context).
        A state or an international body may act anywhere; a group must share a country or a
        conflict with the context ("People's Defence Forces" in a report on Myanmar is Myanmar's,
        not the PKK's). A short name (an acronym, one word) that fits nothing is left to the
        recogniser of unknown names, so that it keeps its own id instead of a wrong one ("SNA" in a
        report on Somalia is not the Syrian National Army). Without any context every match stands.
        """
        votes: Counter[str] = Counter()
        names = [(e.start_char, e.end_char) for e in entities(self.sd) if e.label_ in ("ORG", "PERSON", "NORP", "FAC")]
        for p in self.doc.places:
            iso3 = _ISO2_TO_3.get(p.country or "")
            if iso3 and not any(s <= p.start and p.end <= e for s, e in names):  # "Sur" of "Frente ... del Sur"
                votes[iso3] += 1
        own: dict[int, set[str]] = {}
        for span, cands in matched:
            if len(cands) > 1 or _acronym(span.text):
                continue
            first = cands[0]
            # a foreign power's conflicts span the world: it stands for its own country only
            countries = {first.country} if first.kind in OPEN_KINDS else self.r.countries_of(first)
            own[span.start] = {c for c in countries if c}
            votes.update(own[span.start])
        self.context = {c for c, n in votes.items() if n > 0}
        self.context_votes = votes
        named = Counter[str]()  # what the report's groups say (a foreign power is named anywhere)
        for span, cands in matched:
            if span.start in own and cands[0].kind not in OPEN_KINDS:
                named.update(own[span.start])
        out = []
        published = self.doc.published
        for span, cands in matched:
            mine = own.get(span.start, set())
            # the votes of the rest of the report (`votes - Counter(mine)`, counted without making the Counter:
            # every vote is positive and the match's own countries count once each)
            rest = {c: n - (c in mine) for c, n in votes.items() if n - (c in mine) > 0}
            context = set(rest)
            fits = [a for a in cands if a.kind in OPEN_KINDS or not context or self._fits(a, context)]
            if len(fits) > 1 and published is not None:
                # the report's date before its countries: "the US-led coalition" of 2016 is the one against
                # Islamic State, of 2003 the invasion's (the registry dates each owner's use of the name)
                fits = [a for a in fits if a.active_on(published)
                        and self.r.registry.named_on(a.id, span.text, published)] or fits
            if fits:
                # several fit ("Kurdish forces" in a report on Syria that also names Iraq): the one
                # whose home country the report names most
                out.append((span, max(fits, key=lambda a: rest.get(a.country, 0) if a.country else 0)))
            elif not any(t.text[:1].isupper() for t in span):
                continue  # a description in lower case ("settler militias" in a report on Bangladesh) names no
                # one actor outside the context it fits
            elif not _short_name(span.text) or not +(named - Counter(mine)):
                out.append((span, cands[0]))  # places alone do not reject a name: they are often misread
        return out

    def _focus_country(self, spans: list[tuple[Span, RegistryActor]]) -> str | None:
        """The country a document is about: non-state groups' and places' countries, by count."""
        votes: Counter[str] = Counter()
        for span, actor in spans:
            if position(span.root).placed_in_clause:
                continue  # "a watchdog that operates from London": where a source sits, not what the report is about
            if _tie_modifier(span):
                continue  # "Iran-backed fighters": a patron, whose country the war need not be in
            if actor.country and actor.kind not in STATE_KINDS:
                votes[actor.country] += 2
            elif actor.country and actor.kind == "state":
                votes[actor.country] += 1
        for p in self.doc.places:
            where = span_at(self.sd, p.start, p.end)
            if where is not None and (position(where.root).placed_in_clause or _tie_modifier(where)):
                continue
            if p.country:
                iso3 = _ISO2_TO_3.get(p.country)
                if iso3:
                    votes[iso3] += 1
        if not votes:
            return None
        return votes.most_common(1)[0][0]

    def _coalition(self) -> Entity | None:
        """The military coalition of the focus country's conflict ("the coalition", "Coalition forces"): the one
        coalition the report names ("the Saudi-led coalition ... a coalition warship"), else the registry's one
        for the focus country's conflict.

        Looked up once per document: the answer depends only on the focus country and the names.
        """
        if self._coalition_known:
            return self._coalition_entity
        self._coalition_known = True
        named = {m.actor_id for m in self.mentions if (e := self.entities.get(m.actor_id)) is not None and e.known
                 and e.kind == "international_org" and "coalition" in e.name.lower()}
        if len(named) == 1:
            self._coalition_entity = self.entities[next(iter(named))]
            return self._coalition_entity
        state = self.r.registry.get(self.r._states_by_country.get(self.focus or "", ""))
        if state is None:
            return None
        conflicts = set(state.conflicts)
        cands = [
            a
            for a in self.r.registry
            if a.kind == "international_org"
            and conflicts & set(a.conflicts)
            and any("coalition" in x.name.lower() for x in a.names())
        ]
        if len(cands) == 1:
            self._coalition_entity = self.r.registry_entity(cands[0], self.focus)
        return self._coalition_entity

    def _as_place(self, span: Span) -> bool:
        """A country or capital's name used as a place (`_place_use`, `_place_phrase`), not as a party."""
        return self._place_use(span) or _place_phrase(span.root, strict=True)

    def _place_use(self, span: Span) -> bool:
        """A country or capital named as a place: a dateline, or a modifier of a place or venue.

        'TEHRAN (Agency) -' and 'CITY:' open a report; 'the Juba Peace Agreement', 'a Nairobi hotel',
        'an Iraqi village', 'the border with India'; 'Lebanon's Hezbollah', 'Bangladesh's Chittagong
        Division' (the home of a group or of a region); 'Yemen's war' with no opponent named (its
        setting). 'in Libya' stays: where an event happens is, for event coding, its target.
        """
        if self._in_dateline(span):
            return True
        after = self.sd[span.end : span.end + 2]
        if len(after) == 2 and after[0].text in ("-", "\u2010") and after[1].lower_ == "based":
            return True  # "a UK-based outlet": where it sits
        root = span.root
        head = root.head
        if _bordering(root):
            return True  # "the border with India": the country on the other side of a line
        if compass_region(root, before=span.start):
            return True  # "in eastern Libya", "shelled southern Lebanon": a region of the country, not its state
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PLACE_PARTS:
            return True  # "300 km north of Addis Ababa", "the outskirts of Kabul": where, measured from it
        if head.i == root.i or head.pos_ not in ("NOUN", "PROPN") or self.taken[head.i]:
            return root.dep_ == "poss" and self.taken[head.i] and head.i != root.i and self._group_at(head.i)
        if root.dep_ == "poss" and any(c.dep_ == "compound" and self._group_at(c.i) for c in head.children):
            return True  # "Lebanon's Hezbollah militia"
        lemma = head.lemma_.lower()
        if root.dep_ in ("compound", "amod") and head.i > root.i and head.pos_ == "PROPN" and len(span) == 1 \
                and head.ent_type_ not in ("ORG", "PERSON") and head.lower_ not in variants.ORG_HEADS \
                and head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.text[:1].isupper():
            return True  # "the Republic of Serbian Krajina": a word of a longer proper name, not the state
        if root.dep_ in ("compound", "amod", "nmod") and head.i > root.i \
                and (head.lower_ in _PRIVATE_PERSONS or head.lower_ in lx.VICTIM_NOUNS):
            return True  # "a Saudi financier", "the Mogadishu warlord": where a private person is from
        if root.dep_ in ("compound", "amod", "nmod"):
            return lemma in _VENUE_HEADS or head.lower_ in _VENUE_HEADS
        if root.dep_ == "poss":
            region = any(e.start <= head.i < e.end and e.label_ in ("GPE", "LOC") for e in entities(self.sd)) \
                or head.pos_ == "PROPN" and self._place_at(head)  # "Russia's North Caucasus", tagged a people
            setting = lemma in _SETTING_NOUNS and not any(
                c.dep_ == "prep" and c.lower_ in _OPPONENT_PREPS for c in head.children
            )  # "Yemen's war": where it is fought; "Russia's war on Ukraine": a side
            # "Beirut's southern suburbs", "Syria's north": a part of the place, where things happen
            part = lemma in _PLACE_PARTS or head.lower_ in _PLACE_PARTS or head.lower_ in _TERRITORY_NOUNS
            # "Syria's rebels", "Yemen's royalists": the home of those who fight its state, not the state
            insurgents = head.lower_ in lx.GENERIC_ARMED or head.lower_ in _INSURGENT_PLURALS
            return region or lemma in _ADMIN_UNITS or setting or part or insurgents
        return False

    def _opens_report(self, span: Span) -> bool:
        """The place of a dateline: first on its line near the top, then '(Agency) -', ':' or a dash."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, span.start_char) + 1
        if span.start_char >= 400 or text[line_start : span.start_char].strip():
            return False
        comma = span.text.isupper() and text[span.end_char : span.end_char + 1] == ","
        return comma or _DATELINE_TAIL.match(text, span.end_char) is not None

    def _group_at(self, i: int) -> bool:
        """Token `i` is inside a mention of a non-state group ("Lebanon's Hezbollah")."""
        entity = self._entity_at(i)
        return entity is not None and entity.kind not in STATE_KINDS

    def _place_at(self, tok: Token) -> bool:
        """The place stage resolved a toponym covering this token to coordinates."""
        return any(p.start <= tok.idx < p.end and p.lat is not None for p in self.doc.places)

    def _is_place(self, ent: Span) -> bool:
        """The place stage resolved this span to coordinates (a demonym is a place reference, not a name)."""
        return any(
            p.start <= ent.start_char and ent.end_char <= p.end and p.lat is not None
            and p.text.lower() not in self.r._adjectives
            for p in self.doc.places
        )

    def _place_country(self, tok: Token) -> str | None:
        """The country of a place named as a modifier of `tok` ("the Tripoli government"), or of the
        capital named as its seat ("the government in Juba": the parser may hang "in Juba" on the verb)."""
        sd = tok.doc
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"]
        if tok.i + 1 < len(sd) and sd[tok.i + 1].lower_ == "in" and sd[tok.i + 1] not in preps:
            preps.append(sd[tok.i + 1])
        seats = [p for c in preps for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
        modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
        for c in [*modifiers, *seats]:
            start, end = c.idx, c.idx + len(c.text)
            for p in self.doc.places:
                if p.start < end and start < p.end and p.country and (c not in seats or p.feature == "PPLC"):
                    return _ISO2_TO_3.get(p.country)  # the registry's codes are ISO-3
        return None

    def _state_entity(self, country: str | None) -> Entity | None:
        if not country:
            return None
        sid = self.r._states_by_country.get(country)
        actor = self.r.registry.get(sid) if sid else None
        return self.r.registry_entity(actor, self.focus) if actor else None

    def _adjective_ids(self, word: str) -> list[str]:
        """The registry actors an adjective names ("Kurdish"), the one whose home country the
        report names most first (the Peshmerga in a report on Iraq, the YPG in one on Syria)."""
        ids = self.r._adjectives.get(word) or []
        if len(ids) < 2 or not self.context_votes:
            return ids

        def home_votes(i: str) -> int:
            actor = self.r.registry.get(i)
            return self.context_votes[actor.country] if actor is not None and actor.country else 0

        return sorted(ids, key=home_votes, reverse=True)

    def _adjective_mentions(self) -> None:
        """'Turkish forces' -> Turkey; 'Afghan rebels', 'Swiss doctors' -> a group of that people."""
        sd = self.sd
        norp = {t.i for e in entities(sd) if e.label_ == "NORP" for t in e}
        for tok in tokens(sd):
            if self.taken[tok.i] or not tok.text[:1].isupper() or self._inside_group_name(tok.i, tok.i + 1):
                continue
            if "-" in tok.text and tok.lower_.rsplit("-", 1)[1] in lx.TIE_PARTICIPLES:
                continue  # "U.S.-backed rebels" as one token: a tie modifier (frames.modifiers), no people's name
            ids = self._adjective_ids(tok.lower_)
            lead = tok.i  # where the demonym starts
            if tok.i > 0 and sd[tok.i - 1].text[:1].isupper() and sd[tok.i - 1].head.i == tok.i \
                    and tok.head.is_lower and (whole := self._adjective_ids(f"{sd[tok.i - 1].lower_} {tok.lower_}")):
                # "South Sudanese herders", "Central African gunmen": the two-word demonym's state (not inside a
                # name: "the South African Defence Force" is the recogniser's)
                ids, lead = whole, tok.i - 1
            # a capitalised people-name modifier NER missed ("Hausa politicians"), not sentence-initial
            people = (
                tok.i not in norp
                and tok.i > sentence_of(tok).start
                and tok.pos_ in ("PROPN", "ADJ")
                and tok.dep_ in ("amod", "compound")
                and tok.head.tag_ == "NNS"
                and _is_group_noun(tok.head)
                and not sd[tok.i - 1].text[:1].isupper()
            )
            if not ids and tok.i not in norp and not people:
                continue
            if (
                not ids
                and tok.lower_ in _REGION_ADJECTIVES
                and tok.head.i == tok.i + 1
                and not (tok.i > 0 and sd[tok.i - 1].is_title)  # "South African": a state's
            ):
                continue  # "European leaders", "African governments": many states, no one party
            head = tok.head
            if ids and tok.i + 2 < len(sd) and sd[tok.i + 1].text == "-" and sd[tok.i + 2].lower_ in lx.TIE_PARTICIPLES:
                actor = self.r.registry.get(ids[0])  # "Vietnamese-led forces", "Turkish-backed rebels"
                if actor is not None and len(ids) > 1 and actor.kind not in STATE_KINDS:
                    continue  # "the Kurdish-led SDF": a people leads it, not one of the groups its name fits
                if actor is not None:
                    self._add(tok.i, tok.i + 1, self.r.registry_entity(actor, self.focus), "alias")
                continue
            if head.i <= tok.i or head.pos_ not in ("NOUN", "PROPN") or self.taken[head.i]:
                continue
            if any(self.taken[i] for i in range(tok.i, head.i)):
                continue
            if any(c.dep_ in ("amod", "acl") and allegiance_lords(c) for c in head.children):
                continue  # "Kurdish fighters loyal to Barzani": his men, not the group or state the adjective names
            actor = self.r.registry.get(ids[0]) if ids else None
            hl = head.lower_
            country = actor.country if actor else None
            people = [t for t in sd[tok.i + 1 : head.i] if t.text[:1].isupper() and (
                t.i in norp or self._adjective_ids(t.lower_))]
            if actor is not None and actor.kind in STATE_KINDS and people and len(people) == head.i - tok.i - 1 \
                    and (_is_group_noun(head) or hl in lx.STATE_AGENT_NOUNS) \
                    and actor.id not in self._adjective_ids(" ".join(t.lower_ for t in sd[tok.i : head.i])):
                # (not the state's own two-word demonym: "Saudi Arabian troops" are Saudi Arabia's)
                # "Bosnian Serb forces", "Iraqi Kurdish troops": the armed men of a people of that country,
                # neither its state nor the state the people's name may also give
                kind, inter = _group_kind(hl)
                kind = "militia" if kind in STATE_KINDS or kind == "other" else kind
                name = sd[tok.i : head.i + 1].text
                self._add(tok.i, head.i + 1, Entity(_slug(name), name, kind, inter, None, None, False), "generic")
                continue
            if actor is not None and actor.kind in STATE_KINDS and tok.lower_ in _CROSS_BORDER \
                    and self.focus is not None and actor.country != self.focus:
                actor = None  # "Serb forces" in a report on Bosnia or Croatia: that people's fighters, not Serbia
            if _relational_noun(head) or hl in _PRIVATE_PERSONS:
                # "Sudanese allies", "its Libyan partners", "a Saudi financier": people of that nation, not the state
                actor = None
            agent = head.lemma_.lower() in lx.STATE_AGENT_NOUNS or hl in lx.STATE_AGENT_NOUNS
            if agent and hl in lx.MILITIA_NOUNS and actor is not None and actor.kind in STATE_KINDS:
                continue  # "an Iraqi militia": armed men of the people, not the state's forces
            if agent and head.text[:1].isupper() and any(
                t.text[:1].isupper() and t.lower_ in lx.MOVEMENT_NAME_WORDS for t in sd[tok.i + 1 : head.i]
            ):
                continue  # "the Nicaraguan Democratic Force": a movement's name, not the state's forces
            if agent and any(t.lower_ in lx.NON_STATE_MODIFIERS for t in sd[tok.i + 1 : head.i]):
                if head.dep_ == "compound" and head.head.ent_type_ == "PERSON":
                    continue  # "the Palestinian guerrilla leader Abu Nidal": the man named after it
                actor = None  # "Afghan rebel leaders": a people's rebels, not its state
            if actor is not None and agent:
                self._add(lead, head.i + 1, self.r.registry_entity(actor, self.focus), "alias")
                continue
            if actor is not None and actor.kind not in STATE_KINDS and hl in _MEMBER_PLURALS \
                    and not (tok.pos_ == "ADJ" and hl == "men"):  # "Kurdish men": men of a people, not its group
                # "Wagner's fighters", "Wagner mercenaries": an organisation's own people are the organisation
                self._add(tok.i, tok.i + 1, self.r.registry_entity(actor, self.focus), "alias")
                continue
            if actor is not None and actor.kind in STATE_KINDS and head.lemma_.lower() in self.r.event_nouns:
                self._add(tok.i, tok.i + 1, self.r.registry_entity(actor, self.focus), "alias")
                continue
            if actor is not None and actor.kind not in STATE_KINDS and head.lemma_.lower() in lx.PLACE_NOUNS:
                continue  # "bombed the Kurdish town of X": the town of a people, not of the group its name gives
            if actor is not None and head.pos_ == "NOUN" and not _is_group_noun(head) and _acted_upon(head) \
                    and head.lemma_.lower() not in _TERRITORY_NOUNS and hl not in _TERRITORY_NOUNS:
                # not "on the Thai border" (a line on the map) nor "use Afghan soil" (ground, not the state)
                # "rejected an Indian proposal", "shelled Iraqi towns": the nation whose thing is hit
                self._add(tok.i, tok.i + 1, self.r.registry_entity(actor, self.focus), "alias")
                continue
            if hl in lx.CIVILIAN_NOUNS or not (_is_group_noun(head) or agent and actor is None):
                continue
            start = min(tok.i, _left_edge_mods(head))
            kind, inter = _group_kind(hl)
            first = tok.i  # the whole demonym ("South African gunners"), not its last word
            while first > start and sd[first - 1].dep_ in ("compound", "amod", "nmod") \
                    and sd[first - 1].text[:1].isupper():
                first -= 1
            name = sd[first : head.i + 1].text
            eid = _slug(f"{sd[first : tok.i + 1].text} {head.lemma_}")
            self._add(start, head.i + 1, Entity(eid, name, kind, inter, country, None, False), "generic")

    def _tied_group(self, tok: Token) -> tuple[int, Entity] | None:
        """"Islamic State-linked insurgents", "Turkish-backed rebels": an armed group of its own.

        The actor in the modifier is no party to the group's acts (the modifier layer gives it
        the tie), so the group needs its own node; it is kept apart from the document's other
        unnamed rebels by the actor and tie that qualify it. Returns where the mention starts
        (after the cue) and the group.
        """
        sd = self.sd
        noun = tok.lower_
        if noun in lx.GENERIC_ARMED:
            gid, _, kind, inter = lx.GENERIC_ARMED[noun]
        elif noun in _TIED_ARMED_NOUNS and tok.tag_ == "NNS":
            gid, kind, inter = tok.lemma_.lower(), "rebel", 2
        else:
            return None
        if not _plural(tok) and noun not in ("gunmen", "militiamen") or named_as(tok):
            return None  # "Iranian-backed rebels known as the Houthis": the name is the group
        cues = load_modifier_rules().suffixes
        for cue in tok.children:
            if not (
                cue.dep_ == "amod"
                and cue.i < tok.i
                and cue.lower_ in cues
                and cue.i >= 2
                and sd[cue.i - 1].text == "-"
                and self.taken[cue.i - 2]
            ):
                continue
            owner = self._entity_at(cue.i - 2)
            if owner is None or owner.id.startswith("generic-") or owner.id == "civilians":
                return None
            first = next(i for i in range(cue.i - 2, -1, -1) if i == 0 or not self.taken[i - 1])
            name = f"{sd[first:cue.i - 1].text}-{cue.lower_} {noun}"
            # one node whichever cue qualifies it ("IS-linked" and "IS-affiliated insurgents")
            entity = Entity(f"{gid}-tied-to-{owner.id}", name, kind, inter, owner.country, None, False)
            self.tied_groups.add(entity.id)
            return cue.i + 1, entity
        return None

    def _interrupted_alias(self, tok: Token) -> Entity | None:
        """"the Saudi-led pro-government coalition": a registry name ("Saudi-led coalition") with
        other modifiers between its "<X>-<participle>" and its noun. The noun is the named actor."""
        sd = self.sd  # read from the per-Doc tables: most nouns have no such modifier
        if pos_tags(sd)[tok.i] != "NOUN":
            return None
        dep, text = deps(sd), texts(sd)
        for c in children(sd)[tok.i]:
            if not (dep[c] == "amod" and c < tok.i - 1 and c >= 2 and text[c - 1] == "-"):
                continue
            name = f"{sd[sd[c].left_edge.i : c + 1].text} {tok.text}"
            cands = self.r.registry.lookup(name, self.doc.published)
            if cands:
                return self.r.registry_entity(cands[0], self.focus)
        return None

    def _entity_at(self, i: int) -> Entity | None:
        """The entity of the mention that covers token i, if any."""
        char = self.sd[i].idx
        for m in self.mentions:
            if m.start <= char < m.end:
                return self.entities.get(m.actor_id)
        return None

    def _generic_mentions(self) -> None:
        sd = self.sd
        gov = self._state_entity(self.focus)
        taken, pos, lower, dep, kids_of = self.taken, pos_tags(sd), lowers(sd), deps(sd), children(sd)
        toks, head, lemma = tokens(sd), heads(sd), lemmas(sd)
        allegiance = tie_words().allegiance_words
        loyalty = any(w in allegiance for w in lemma)  # most reports have no "loyal to": no phrase to read
        for i, tok in enumerate(toks):
            if taken[i]:
                if lower[i] == "coalition":
                    self.local_coalition = False  # "the US-led coalition": the conflict's own, named again
                continue
            low = lower[i]  # (the first tests read the per-Doc tables: most words are no noun)
            if pos[i] not in ("NOUN", "PROPN") and not (
                low in lx.NOUNS_TAGGED_ADJ
                or low == "military" and dep[i] == "amod" and lemma[head[i]] in lx.TARGET_NOUNS
            ):  # "a junta base", "military camps": the adjective names whose they are
                continue
            kids = kids_of[i]
            if loyalty and dep[i] == "compound" and loyal_noun(toks[head[i]]):
                continue  # "army units loyal to X": X's units, not the state's army
            if loyalty and loyal_noun(tok) \
                    or any(dep[c] == "prep" and lower[c] == "under" for c in kids) \
                    and any(p.ent_type_ == "PERSON" or any(c.lower_ in lx.TITLE_WORDS for c in p.children)
                            for p in prep_objects(tok, ("under",))):
                continue  # "troops loyal to General X", "troops under General X": X's men, neither the state's
                # nor a generic group
            if low in lx.STATE_FORCE_NOUNS and any(
                    dep[c] == "acl" and lemma[c] in _BACKING_VERBS and any(dep[k] == "dobj" for k in kids_of[c])
                    for c in kids):
                continue  # "troops backing Machar": the side they back is theirs, whoever it is; not the state's
            if low in lx.GENERIC_ARMED or low in _MEMBER_PLURALS or low in lx.STATE_FORCE_NOUNS:
                # "fighters of X", "gunmen from X" (a state's troops "from X" stay with the state: X is where they
                # came from)
                owners = prep_objects(tok, ("of",) if low in lx.STATE_FORCE_NOUNS else ("of", "from"))
                owner = next((e for p in owners if self.taken[p.i] and not any(c.dep_ == "conj" for c in p.children)
                              and (e := self._entity_at(p.i)) is not None), None)  # one owner, not a list
                if owner is not None:
                    # "the army of Burkina Faso": that state's own; "militants of MUJAO", "several members of X":
                    # that group's men (or some of them), never another, unnamed group
                    if low in lx.STATE_FORCE_NOUNS and not any(c.dep_ in ("nummod", "amod") for c in tok.children):
                        self._add(_left_edge_mods(tok), tok.i + 1, owner, "generic")
                    continue
                initials = next((p for p in owners if p.pos_ == "PROPN" and _acronym(p.text) and len(p.text) >= 3),
                                None)
                if initials is not None:
                    # "guerrillas of ZANLA", "fighters of the FNL": the initials the tagger missed name their group
                    kind, inter = _group_kind(low)
                    kind, inter = (kind, inter) if kind != "other" else ("rebel", 2)
                    entity = Entity(_slug(initials.text), initials.text, kind, inter, self.focus, None, False)
                    self._add(initials.i, initials.i + 1, entity, "ner")
                    continue
                if any(p.ent_type_ == "ORG" and p.pos_ == "PROPN" and not any(c.dep_ == "conj" for c in p.children)
                       for p in owners):
                    continue  # "gunmen of the Progressive Socialist Party": an organisation's men, named next
            led = self._interrupted_alias(tok)
            if led is not None:
                self._add(tok.i, tok.i + 1, led, "alias")
                continue
            tied = self._tied_group(tok)
            if tied is not None:
                self._add(tied[0], tok.i + 1, tied[1], "generic")
                continue
            if low in lx.GENERIC_ARMED and named_as(tok):
                continue  # "Iranian-backed insurgents, who are known as the Houthis": the name is the group
            # a noun modified by a named actor ("Nusra fighters") belongs to that actor
            mods = [toks[c] for c in kids if dep[c] in ("compound", "amod", "poss", "nmod")]
            if any(self.taken[c.i] and not _against(c) for c in mods):
                continue
            if low in lx.GENERIC_ARMED and any(c.dep_ == "compound" and c.ent_type_ == "ORG" and c.pos_ == "PROPN"
                                               and c.ent_iob_ != "O" for c in mods):
                continue  # "Revolutionary United Front rebels": the organisation's men, named by the recogniser next
            start = _left_edge_mods(tok)
            if tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in lx.TARGET_NOUNS:
                # "rebel positions", "an army checkpoint": whose positions they are
                if tok.i > 0 and self.taken[tok.i - 1]:
                    continue  # "Houthi rebel positions", "M23 rebel bases": the named group's
                if low in ("rebel", "opposition", "insurgent", "militant", "jihadist"):
                    gid, name, kind, inter = lx.GENERIC_ARMED["rebels" if low != "militant" else "militants"]
                    entity = Entity(f"generic-{gid}", name, kind, inter, self.focus, None, False)
                    self._add(tok.i, tok.i + 1, entity, "generic")
                elif gov is not None and low in ("army", "government", "regime", "junta", "military"):
                    self._add(tok.i, tok.i + 1, gov, "generic")
                elif low == "coalition" and not self.local_coalition and (coalition := self._coalition()) is not None:
                    self._add(tok.i, tok.i + 1, coalition, "generic")  # "a coalition base": the named coalition's
                continue
            side = next((c.lower_ for c in mods if c.lower_ in lx.ARMED_MODIFIERS and c.i < tok.i), None)
            if side is not None and low in lx.FORCE_NOUNS:
                # "opposition forces", "insurgent fighters": the generic group the modifier names
                gid, name, kind, inter = lx.GENERIC_ARMED[lx.ARMED_MODIFIERS[side]]
                entity = Entity(f"generic-{gid}", name, kind, inter, self.focus, None, False)
                self._add(start, tok.i + 1, entity, "generic")
            elif (low in lx.GENERIC_ARMED and _plural(tok) or low in ("gunmen", "militiamen")) and not any(
                    c.dep_ == "poss" and c.lower_ in ("its", "their") for c in mods):
                # ("its gunmen" are the men of the group "its" stands for: the pronoun's, resolved later)
                gid, name, kind, inter = lx.GENERIC_ARMED[low]
                if _has_demonym(tok, self.r._adjectives):
                    continue  # handled by NER/demonym rules
                self._add(
                    start, tok.i + 1, Entity(f"generic-{gid}", name, kind, inter, self.focus, None, False), "generic"
                )
            elif low in lx.CIVILIAN_NOUNS and tok.tag_ in ("NNS",) or tok.lemma_ == "population":
                if tok.lower_ in ("women", "children", "students", "patients", "farmers") and tok.dep_ not in (
                    "dobj",
                    "pobj",
                    "nsubjpass",
                ):
                    continue
                self._add(
                    start,
                    tok.i + 1,
                    Entity("civilians", "Civilians", "civilians", 7, self.focus, None, True),
                    "generic",
                )
            elif low in lx.VICTIM_NOUNS and tok.dep_ in ("dobj", "nsubjpass", "pobj") and not _has_owner(tok):
                # "shot a village chief", "abducted two aid workers": people harmed are civilians
                self._add(
                    start,
                    tok.i + 1,
                    Entity("civilians", "Civilians", "civilians", 7, self.focus, None, True),
                    "generic",
                )
            elif low in lx.RIOTER_NOUNS:
                self._add(
                    start, tok.i + 1, Entity("rioters", "Rioters", "protesters", 5, self.focus, None, True), "generic"
                )
            elif low in lx.STATE_FORCE_NOUNS and not _has_owner(tok) and tok.dep_ != "compound" \
                    and not _sent_by_subject(tok) and not _numbered_unit(tok) \
                    and not any(c.lower_ in lx.NON_STATE_MODIFIERS for c in mods) \
                    and not ((any(c.lower_ in lx.TIE_PARTICIPLES for c in mods) or tied_by_agent(tok))
                             and not any(c.lower_ in lx.GOVERNMENT_HEADS for c in mods)):
                # ("Russian-led troops", "troops backed by the coalition" are the patron's or leader's side, not
                # the country reported on; "Saudi-backed government troops" are)
                # "police arrested ...", "soldiers withdrew": the forces of the country reported on
                entity = gov or Entity(
                    "generic-state-forces", "State forces (unidentified)", "state", 1, None, None, False
                )
                self._add(start, tok.i + 1, entity, "generic")
            elif low == "coalition":
                if any(_names_owner(c, self.taken) for c in tok.children):
                    self.local_coalition = False  # "the Saudi-led coalition": a named one
                elif _own_coalition(tok):
                    self.local_coalition = True  # "rebels formed a new coalition": "the coalition" is theirs now
                elif not self.local_coalition and (coalition := self._coalition()) is not None:
                    # "Coalition military forces", "a coalition airstrike"
                    end = tok.head.i + 1 if tok.dep_ == "compound" and tok.head.i == tok.i + 1 else tok.i + 1
                    # after the enemy's name in "the counter-ISIL coalition"
                    start = max([start, *(i + 1 for i in range(start, tok.i) if self.taken[i])])
                    self._add(start, end, coalition, "generic")
            elif low in lx.PROTESTER_NOUNS:
                self._add(
                    start,
                    tok.i + 1,
                    Entity("protesters", "Protesters", "protesters", 6, self.focus, None, True),
                    "generic",
                )
            elif (
                gov is not None
                and (
                    low in ("government", "regime", "junta")
                    and tok.dep_ != "compound"
                    and not _owned_by_another(tok, self.focus, self.r)  # "the government of Bishop X"
                    or (
                        low in ("forces", "troops", "soldiers")
                        and any(
                            c.lower_ in _STATE_FORCE_MODIFIERS
                            for c in tok.children
                        )
                        and not _named_by_a_proper_modifier(tok)
                    )
                )
                or gov is not None
                and low in ("army", "military", "authorities")
                and any(c.lower_ == "the" for c in tok.children)
                and not _numbered_unit(tok)
                and not _owned_by_another(tok, self.focus, self.r)
                and not any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in tok.children)
                and tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj")
            ):
                if any(c.lower_ in lx.NON_INCUMBENT for c in tok.children if c.i < tok.i):
                    continue  # "the shadow government", "the exiled government": not the state in power
                named = self._place_country(tok)  # "the Tripoli government": the government of that place's country
                owner = gov if named is None or named == self.focus else self._state_entity(named)
                if owner is not None:
                    self._add(start, tok.i + 1, owner, "generic")
            elif (low in _FORCE_HEADS or low in _SUBUNIT_NOUNS) and (forces := self._forces_of(tok)) is not None:
                # "the army of Khalifa Haftar", "Haftar's militia": his forces; "Shekau's faction": the registry's
                # "Shekau faction"
                first = min((c.left_edge.i for c in tok.children if c.dep_ == "poss"), default=start)
                self._add(min(start, first), tok.i + 1, forces, "generic")

    def _named_entity(self, name: str) -> Entity:
        """A new actor the text names that the registry does not know, of the kind its name's words suggest."""
        kind, inter = _guess_kind(name)
        return Entity(_slug(name), name, kind, inter, self.focus, None, False)

    def _party_of(self, span: Span) -> RegistryActor | None:
        """The one registry organisation a force name's possessor, name modifier or "of" object names."""
        root = span.root
        owners = [c for c in root.children if c.dep_ in ("poss", "compound") and c.i < span.start
                  and c.text[:1].isupper()] + prep_objects(root, ("of",))
        for o in owners:
            ent = next((e for e in entities(self.sd) if e.start <= o.i < e.end), None)
            for name in dict.fromkeys(x for x in (ent.text if ent is not None else None, o.text) if x):
                cands = [c for c in self.r.registry.lookup(name.removeprefix("the "), self.doc.published)
                         if c.kind not in STATE_KINDS]
                if len(cands) == 1:
                    return cands[0]
        return None

    def _forces_of(self, tok: Token) -> Entity | None:
        """The registry group a force noun's "of" person or possessor commands, by the registry's name for his
        forces ("the army of Khalifa Haftar", "Haftar's militia" -> "Khalifa Haftar's forces", "Haftar's forces": the
        Libyan National Army)."""
        owners = [p for p in prep_objects(tok, ("of",)) if p.ent_type_ == "PERSON"]
        owners += [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        for p in owners:
            name = _phrase_text(p)
            for alias in (f"{name}'s forces", f"{name} forces", f"forces loyal to {name}", f"{name} {tok.lower_}"):
                cands = self.r.registry.lookup(alias, self.doc.published)
                if len(cands) == 1:
                    return self.r.registry_entity(cands[0], self.focus)
        return None

    def _ner_mentions(self) -> None:
        sd = self.sd
        for ent in entities(sd):
            if ent.label_ not in ("ORG", "NORP", "GPE", "PERSON"):
                continue
            if not self._free(ent.start, ent.end):
                continue
            text = ent.text
            words = set(normalize_name(text).split())
            if words & lx.MEDIA_WORDS or not any(c.isupper() for c in text) or _media_name(text):
                continue
            if ent.label_ == "GPE" and self._hyphenated_to_a_name(ent):
                # "ARS-Djibouti": the faction's name, not the state (where the registry matcher left the state to
                # the recogniser); the hyphenated whole is the faction
                first = ent.start - 2
                if first >= 0 and sd[ent.start - 1].text in ("-", "\u2010") and self._free(first, ent.end):
                    self._add(first, ent.end, self._named_entity(sd[first : ent.end].text), "ner")
                continue
            if _names_installation(ent) or self._in_dateline(ent) or _admin_unit_name(text):
                continue  # "the al-Dailami air base"; "ADEN, 26 March 2015 —"; "Chin State": places
            root = ent.root
            if _one_of_a_people(ent):
                continue  # "Machar, a Nuer,": what the person is, no organisation
            if _names_an_operation(root):
                continue  # "the operation, code-named Shujaa": the operation's name
            if _names_a_division(root, ent.end):
                continue  # "Gezira state", "Kunar province": a division the tagger took for a name (also
                # where it tagged the name an adjective of the division: "the Shirqat district")
            if _where_clause_after(ent):
                continue  # "the war spread to X, where troops ...": a place the relative adverb takes up
            if ent.label_ == "PERSON" and words & (lx.WEAPON_WORDS | lx.FACILITY_WORDS):
                continue  # "Missiles struck ...": a weapon opening a sentence; "took Mitiga Airport": a site
            if ent.label_ == "PERSON":
                if not self._is_place(ent) and not _locative(ent.root) and not _ground_taken(ent) \
                        and not _place_phrase(ent.root):
                    self._person(ent)  # not "the town of al-Bab", "the capital Goma" or "retook Konna" tagged PERSON
                continue
            # an attribute of a common noun ("Wahhabi parasites", "Bosnian town") is not itself an actor
            # ... but "European Community foreign ministers" are the Community's
            if (
                root.dep_ in ("amod", "compound", "nmod")
                and root.head.pos_ == "NOUN"
                and root.head.i > root.i
                and root.head.lemma_.lower() not in lx.STATE_AGENT_NOUNS
                and not (ent.label_ == "ORG" and _is_group_noun(root.head))
            ):
                continue
            if ent.label_ == "NORP":
                if not self._is_place(ent):  # "recaptured Kidal": a town the tagger took for a people
                    self._people(ent)
                continue
            if ent.label_ == "GPE":
                self._polity(ent)
                continue
            if self._is_place(ent) or _locative(ent.root):
                continue  # a place mislabelled ORG ("the town of X", "in X")
            if _ground_object(root) and not _org_named(text):
                continue  # "recaptured State House", "stormed the Presidential Palace": a building or ground
            if ent.start > 0 and sd[ent.start - 1].lower_ in _PERSONAL_POSSESSIVES and ent.root.dep_ != "poss":
                continue  # "his Rolls-Royce", "her Toyota": a person's belonging, named by its make
            if len(ent) == 1 and root.dep_ == "compound" and root.head.lower_ in lx.TITLE_WORDS:
                continue  # a portfolio, not an organisation ("Defence Minister X")
            if _bracketed(ent) and ent.text.isupper() and not self.taken[ent.start - 2]:
                continue  # the abbreviation of a name that is no actor ("Conversion Facilities (UCF)")
            # ORG unknown to the registry: a new actor
            start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
            end = ent.end - 1 if ent[-1].tag_ == "POS" else ent.end
            end = _before_open_bracket(sd, start, end)  # "Front of Azawad (FIAA": the name, its bracket after it
            text = sd[start:end].text
            if (
                len(text) < 2
                or words & lx.FACILITY_WORDS
                or words & lx.WEAPON_WORDS
                or len(ent) == 1
                and ent[0].pos_ != "PROPN"
                or ent[0].lower_ in lx.LOCATIVE_PREPS | {"near"}  # "Near Ar Raqqah" in a strike list
            ):
                continue
            if sd[start].lower_ == "operation":
                continue  # "Operation Peace Storm" names an operation, not who runs it
            known = self._respelled(text)
            if known is not None and known.kind in STATE_KINDS and part_noun_of(root) is not None:
                known = None  # "the Maoists' armed wing, the People's Liberation Army": the wing's own name
            if known is not None:
                self._add(start, end, known, "alias")
                self._acronym_after(end, known)
                continue
            if end - start == 1 and sd[start].lower_ in variants.ORG_HEADS and _numbered_unit(sd[start]):
                continue  # "the 14th Army" with the number outside the entity: a unit, whose the text does not say
            entity = self._named_entity(text)
            self._add(start, end, entity, "ner")
            self._acronym_after(end, entity)

    def _repeated_names(self) -> None:
        """A new actor's name is its name wherever it recurs, not only where the tagger saw it.

        The statistical tagger labels the same multi-word name in one sentence and misses it in the
        next; a later copy of the exact words names the same actor ('within the X Front' is membership, not a place).
        """
        sd = self.sd
        found: dict[tuple[str, ...], Entity] = {}
        for m in self.mentions:
            e = self.entities[m.actor_id]
            if m.how == "ner" and not e.known and e.id not in self.persons:
                words_ = tuple(t.text for t in sd.char_span(m.start, m.end) or ())
                if len(words_) >= 2:
                    found.setdefault(words_, e)
        for words_, e in found.items():
            n = len(words_)
            for i in range(len(sd) - n + 1):
                if sd[i].text != words_[0] or not self._free(i, i + n):
                    continue
                if tuple(t.text for t in sd[i : i + n]) != words_ or (i + n < len(sd) and sd[i + n].pos_ == "PROPN"):
                    continue
                if _directional(sd[i : i + n].root):
                    continue  # "northern X": a region named after it
                self._add(i, i + n, e, "ner")

    def _initials(self) -> None:
        """A later word in capitals that spells the initials of a name the report gave in full
        ("... the Kachin Independence Army ... the KIA said") is that actor."""
        named: dict[str, tuple[str, int, Entity]] = {}  # full name -> its initials, first offset, entity
        for m in self.mentions:
            if m.how not in ("alias", "ner") or len(m.text.split()) < 2 or m.actor_id in self.persons:
                continue
            # "Arakan Army (AA)": a name that carries its own short form spells it
            full, given = _ACRONYM_GIVEN.match(m.text).group("full", "short")  # type: ignore[union-attr]
            if given and given.isupper():
                named.setdefault(given, (given.lower(), m.start, self.entities[m.actor_id]))
            if full not in named and len(letters := variants.initials(full)) >= 2:
                named[full] = (letters, m.start, self.entities[m.actor_id])
        if not named:
            return
        toks = tokens(self.sd)
        for i, word in enumerate(texts(self.sd)):  # the words from the per-Doc table: no Token per word
            if self.taken[i] or not (2 <= len(word) <= 8 and word.isupper() and word.isalpha()):
                continue
            low, idx = word.lower(), toks[i].idx
            hits = {e.id: e for letters, start, e in named.values() if start < idx and letters == low}
            if len(hits) == 1:
                self._add(i, i + 1, next(iter(hits.values())), "alias")

    def _respelled(self, text: str) -> Entity | None:
        """The one registry actor, fitting the report's context, whose name `text` respells."""
        cands = [
            a for a in self.r.respelled(text, self.doc.published)
            if a.kind in OPEN_KINDS or not self.context or self._fits(a, self.context)
        ]
        return self.r.registry_entity(cands[0], self.focus) if len(cands) == 1 else None

    def _in_dateline(self, ent: Span) -> bool:
        """Inside the dateline that opens a report ("ADEN, 26 March 2015 —"): a place, not an actor; or
        inside its credit line ("Reporting by X in Y"): the agency's staff and where they filed from."""
        return any(start <= ent.start_char < end for start, end in self.framing) or self._opens_report(ent)

    def _person(self, ent: Span) -> None:
        """A person, with a title in front; 'Egyptian President X' speaks for Egypt."""
        sd = self.sd
        start = ent.start
        while start > 0 and sd[start - 1].lower_ in lx.TITLE_WORDS:
            start -= 1
        if start < ent.start and start > 0:
            ids = self._adjective_ids(sd[start - 1].lower_)
            actor = self.r.registry.get(ids[0]) if ids else None
            if actor is not None:
                self._add(start - 1, ent.end, self.r.registry_entity(actor, self.focus), "alias")
                return
        end = ent.end - 1 if ent[-1].tag_ == "POS" else ent.end
        headed = any(t.lower_ in _HEAD_TITLES for t in sd[start : ent.root.i])
        owner = self._role_owner(ent.start if headed else start, ent.root) or self._led_group(ent.root) \
            or self._possessor_led(start)
        text = sd[ent.start : end].text
        if owner is None and " " not in text:
            owner = self.acting_for.get(text)  # "Shekau's group" after "Boko Haram's leader Abubakar Shekau"
        if owner is not None:
            self._add(start, end, owner, "alias")
            if " " in text:
                self.acting_for.setdefault(text.split()[-1], owner)
            return
        cands = self.r.registry.lookup(text, self.doc.published)
        if cands and cands[0].kind in STATE_KINDS and self._as_place(ent):
            return  # a capital the tagger took for a person, named as a place ("the Juba peace agreement")
        former = bool(cands) and self._former_office_holder(sd[ent.start : end], cands)
        if cands and not former:
            self._add(start, end, self.r.registry_entity(cands[0], self.focus), "alias")
            return
        known = None if former else self._respelled(text)  # a group's respelled name tagged as a person
        if known is not None:
            self._add(ent.start, end, known, "alias")
            return
        # "Aoun" after "General Michel Aoun": the same person
        for e in self.entities.values():
            if not e.known and e.kind == "other" and len(text.split()) == 1 and e.name.split()[-1] == text:
                self._add(start, end, e, "alias")
                return
        if any(w in variants.ORG_HEADS for w in normalize_name(text).split()):
            # "Saray al-Jihad Group", "Jaish al-X" tagged as a person: an organisation's name
            self._add(start, end, self._named_entity(text), "ner")
            return
        entity = Entity(_slug(text), text, "other", None, self.focus, None, False)
        if not _acronym(text):  # "JEM" tagged as a person is an organisation's initials
            self.persons.add(entity.id)
        self._add(start, end, entity, "ner")

    def _led_group(self, root: Token) -> Entity | None:
        """'X, leader of Y', 'X, the founder of Y': the registry group a person heads, named in his
        apposition (`leader_nouns`); he acts for it, as 'U.N. mediator X' acts for the U.N."""
        for c in root.children:
            if c.dep_ != "appos" or c.lemma_.lower() not in LEADER_NOUNS or any(
                k.lower_ in ("a", "an", "one") or k.lower_ in _FORMER for k in c.children
            ):
                continue  # not "a leader of Y" (one of several) nor "the former head of Y"
            for p in prep_objects(c, ("of",)):
                entity = self._entity_at(p.i)
                if entity is not None and entity.known and entity.id not in self.persons:
                    return entity
        return None

    def _possessor_led(self, start: int) -> Entity | None:
        """'Boko Haram's leader Abubakar Shekau', 'Iraq's army chief X': the registry actor whose head (`leader_nouns`)
        the person is, named in a possessive before the title; he acts for it (not 'a Boko Haram leader', one of
        several, nor 'X's former leader')."""
        sd = self.sd
        if start < 2 or sd[start].lower_ not in LEADER_NOUNS:
            return None
        j = start - 1  # "Iraq's army chief X", "Hamas's military chief X": over the words of which body he heads
        while j > 1 and sd[j].is_lower and sd[j].pos_ in ("NOUN", "ADJ") and sd[j].dep_ in ("compound", "amod") \
                and sd[j].lower_ not in _FORMER and not sd[j].lower_.startswith("ex-"):
            j -= 1
        if sd[j].tag_ != "POS":
            return None
        entity = self._entity_at(j - 1) if self.taken[j - 1] else None
        return entity if entity is not None and entity.known and entity.id not in self.persons else None

    def _role_owner(self, start: int, root: Token) -> Entity | None:
        """'U.N. mediator X', 'U.S. negotiator X': the registry actor whose role a person holds.

        The actor's mention modifies the person's name across lowercase role nouns or titles;
        the person acts for it, as 'Egyptian President X' acts for Egypt.
        """
        sd = self.sd
        i = start
        while i > 0 and (
            sd[i - 1].lower_ in lx.TITLE_WORDS
            or sd[i - 1].text == "-"
            or sd[i - 1].pos_ == "NOUN" and sd[i - 1].is_lower and sd[i - 1].dep_ == "compound"
        ):
            i -= 1
        if i == start or i == 0 or not self.taken[i - 1]:
            return None
        tok = sd[i - 1]
        if tok.dep_ not in ("compound", "nmod") or tok.head.i < i or tok.head.i > root.i:
            return None
        if i > 1 and (sd[i - 2].lower_ in _FORMER or sd[i - 2].lower_.startswith("ex-")):
            return None  # "former FARC negotiator X": the role is no longer his
        entity = self._entity_at(tok.i)
        return entity if entity is not None and entity.known and entity.id not in self.persons else None

    def _people(self, ent: Span) -> None:
        """'Palestinians', 'Bosnian Serbs': a people acting as a group (not a bare adjective)."""
        root = ent.root
        text = ent.text
        if root.dep_ in ("amod", "compound") and root.head.i > root.i and root.head.lower_ in _PRIVATE_PERSONS:
            return  # "a Saudi financier": where a private person is from
        cands = self.r.registry.lookup(text, self.doc.published)
        if cands:
            self._add(ent.start, ent.end, self.r.registry_entity(cands[0], self.focus), "alias")
            return
        item = root
        while item.dep_ == "conj" and item.head.i != item.i:
            item = item.head
        if item.dep_ == "pobj" and item.head.lower_ in lx.LOCATIVE_PREPS:
            return  # "bases at Loikaw and X": a town the tagger took for a people
        plural = root.tag_ in ("NNPS", "NNS") or text.endswith("s")
        if not plural and root.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return  # a bare demonym ("Syrian") names no actor
        singular = text[:-1] if text.endswith("s") else text
        ids = self._adjective_ids(singular.split()[-1].lower()) or self._adjective_ids(text.lower())
        actor = self.r.registry.get(ids[0]) if ids else None
        entity = Entity(_slug(text), text, "other", None, actor.country if actor else None, None, False)
        self._add(ent.start, ent.end, entity, "ner")

    def _polity(self, ent: Span) -> None:
        """A country or city named as an actor ('Libya offered'), not as a place ('in Libya')."""
        root = ent.root
        if _locative(root) or self._as_place(ent):
            return
        cands = self.r.registry.lookup(ent.text, self.doc.published)
        if cands:
            self._add(ent.start, ent.end, self.r.registry_entity(cands[0], self.focus), "alias")
        elif root.dep_ in ("nsubj", "nsubjpass"):
            text = ent.text
            self._add(ent.start, ent.end, Entity(_slug(text), text, "other", None, None, None, False), "ner")

    def _acronym_after(self, end: int, entity: Entity) -> None:
        """'Liberian Peace Council (LPC)': the acronym and its later uses are the same actor."""
        sd = self.sd
        if end + 2 < len(sd) and sd[end].text == "(" and sd[end + 2].text == ")":
            acr = sd[end + 1]
            if acr.text.isupper() and len(acr.text) >= 2:
                for tok in sd[end + 1 :]:
                    if tok.text == acr.text and not self.taken[tok.i]:
                        self._add(tok.i, tok.i + 1, entity, "alias")

    def _descriptions(self) -> None:
        """'the rival group', 'the breakaway faction', 'the jihadists' -> the one named group before it.

        The description's head must fit the antecedent's kind (`descriptions.yaml`) or be the head noun
        of its name ("the front" for an "X Front"); it names one group (a plural collective such as
        "the factions" names several and is left alone); a name in its own clause is no antecedent
        ("X quit the umbrella organisation" is not X); and the antecedent
        is the one named in the nearest sentence that names a fitting group: the description's own, or
        one of the `DESCRIPTION_WINDOW` before it, in the same section. Where two fitting groups (or a
        group's name left unresolved) stand in that sentence, the description stays unresolved (precision first);
        so does one with a name of its own ("the Kurdish militia", "the group X") or a clause that
        picks out which ("the group that ...", "the faction of ..."). A contrastive one ("the rival group",
        "the other faction") goes to the one other fitting group in context (`_contrasted`).
        """
        sd = self.sd
        named = [
            m for m in self.mentions
            if m.how in ("alias", "ner", "name") and m.actor_id not in self.persons
            and not m.actor_id.startswith("generic-")
        ]
        if not named:
            return
        # the head nouns each entity's names end in ("Front" of "the X Front")
        heads: dict[str, set[str]] = {}
        for m in named:
            heads.setdefault(m.actor_id, set()).update(w for w in m.text.lower().split() if w in _NAME_HEADS)
        spans = [(m, span_at(sd, m.start, m.end)) for m in named]
        sent_starts = [s.start for s in sentences(sd)]
        for tok in tokens(sd):
            if self.taken[tok.i] or tok.pos_ != "NOUN":
                continue
            kinds = {k for k, nouns in _DESCRIBED_KINDS.items() if tok.lower_ in nouns}
            own_head = tok.tag_ == "NN" and tok.lower_ in _NAME_HEADS
            det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
            if not (kinds or own_head) or not det:
                continue
            mods = [c for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound", "nmod", "poss")]
            if any(c.dep_ in ("appos", "prep", "acl") or c.dep_ == "relcl" and not _non_restrictive(c)
                   for c in tok.children if c.i > tok.i):
                continue  # "the group, X", "the faction of ...", "the group that ...": says which itself
            if any(w.pos_ == "PROPN" or w.ent_type_ or self.taken[w.i] for c in mods for w in c.subtree):
                continue  # "the Kurdish militia", "the Nusra faction": a name of its own
            after = sd[tok.i + 1] if tok.i + 1 < len(sd) else None
            if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() \
                    and after.ent_type_ not in ("DATE", "TIME"):
                continue  # "the monitoring group ACLED", "the rebel group M23": the name right after says which
            disjoint = {w.lower_ for c in mods for w in c.subtree if w.lower_ in _DISJOINT_MODIFIERS}
            k = bisect.bisect_right(sent_starts, tok.i) - 1
            section = self.doc.section_at(tok.idx)
            floor = section.start if section else 0
            if disjoint and disjoint <= _CONTRAST_MODIFIERS:
                # "X fighters crossed over to the rival group": the one other group in context
                fits = {
                    m.actor_id for m, _ in spans
                    if self.entities[m.actor_id].kind in kinds or own_head and tok.lower_ in heads[m.actor_id]
                }
                other = self._contrasted(tok, fits, spans, sent_starts, k, floor)
                if other is not None:
                    self._add(det[0].i, tok.i + 1, self.entities[other], "coref")
                continue
            if disjoint and disjoint <= _NOVELTY_MODIFIERS:
                # "X set up a new grouping named Y ... the new group": the group the text introduced as new
                fresh = self._introduced_new(tok, spans, sent_starts, k, floor)
                if fresh is not None:
                    self._add(det[0].i, tok.i + 1, self.entities[fresh], "coref")
                continue
            if disjoint:
                continue  # "another faction", "a different group": not one named before
            # the nearest sentence (this one, then back through the window) that names a fitting group
            for back in range(k, max(-1, k - DESCRIPTION_WINDOW - 1), -1):
                lo = sd[sent_starts[back]].idx
                hi = tok.idx if back == k else sd[sent_starts[back + 1]].idx
                if hi <= floor:
                    break
                lo = max(lo, floor)
                cands = {
                    m.actor_id
                    for m, span in spans
                    if lo <= m.start < hi
                    and (self.entities[m.actor_id].kind in kinds or own_head and tok.lower_ in heads[m.actor_id])
                    and not _co_argument(span, tok)
                    and not _in_side_clause(span, tok)
                    and not _speaker_of(span, tok)
                    and not (span is not None and _names_a_part(span.root))
                }
                # a group's name the stage did not resolve competes all the same ("a bloc named the X Front"),
                # and so do several groups named together ("the two groups", "both factions")
                rivals = any(
                    e.label_ == "ORG" and lo <= e.start_char < hi and not any(self.taken[e.start : e.end])
                    and any(w.lower_ in variants.ORG_HEADS for w in e)
                    for e in entities(sd)
                ) or any(
                    t.tag_ == "NNS" and t.lemma_.lower() in lx.GROUP_ANAPHORS and lo <= t.idx < hi and t.i != tok.i
                    for t in sd[sent_starts[back] : tok.i]
                )
                if cands or rivals:
                    if len(cands) == 1 and not rivals:
                        self._add(det[0].i, tok.i + 1, self.entities[cands.pop()], "coref")
                    break

    def _window(self, sent_starts: list[int], k: int, floor: int, tok: Token) -> Iterable[tuple[int, int, int]]:
        """(sentence, first char, end char) of the description's own sentence up to it, then of each of the
        `DESCRIPTION_WINDOW` sentences before it, within the section that starts at `floor`."""
        sd = self.sd
        for back in range(k, max(-1, k - DESCRIPTION_WINDOW - 1), -1):
            hi = tok.idx if back == k else sd[sent_starts[back + 1]].idx
            if hi <= floor:
                return
            yield back, max(sd[sent_starts[back]].idx, floor), hi

    def _unresolved_group(self, lo: int, hi: int) -> bool:
        """A group's name in [lo, hi) the stage did not resolve ("a bloc named the X Front")."""
        return any(
            e.label_ == "ORG" and lo <= e.start_char < hi and not any(self.taken[e.start : e.end])
            and any(w.lower_ in variants.ORG_HEADS for w in e)
            for e in entities(self.sd)
        )

    def _introduced_new(
        self, tok: Token, named: list[tuple[Mention, Span | None]], sent_starts: list[int], k: int, floor: int
    ) -> str | None:
        """The referent of "the new group": the one actor the window introduced as new, by a group noun
        with a novelty modifier and the name it is given ("a new grouping named Y", "a new alliance, Y").
        None unless exactly one such actor stands there (precision first)."""
        group_nouns = _NAME_HEADS | tie_words().group_nouns | {w for ws in _DESCRIBED_KINDS.values() for w in ws}
        found: set[str] = set()
        for _, lo, hi in self._window(sent_starts, k, floor, tok):
            for t in self.sd.char_span(lo, hi, alignment_mode="contract") or []:
                if t.i >= tok.i or t.pos_ != "NOUN" or t.lemma_.lower() not in group_nouns:
                    continue
                if not any(c.dep_ == "amod" and c.lower_ in _NOVELTY_MODIFIERS for c in t.children):
                    continue
                names = named_as(t) + [c for c in t.children if c.dep_ == "appos"]
                for n in names:
                    found.update(m.actor_id for m, sp in named if sp is not None and sp.start <= n.i < sp.end)
        return found.pop() if len(found) == 1 else None

    def _contrasted(
        self, tok: Token, fits: set[str], named: list[tuple[Mention, Span | None]], sent_starts: list[int], k: int,
        floor: int,
    ) -> str | None:
        """The referent of a contrastive description ("the rival group", "the other faction"): the one fitting
        group of the window that is not the one its own sentence names before it. None unless the own sentence
        names exactly one fitting group and the window exactly one other (precision first)."""
        own: set[str] = set()
        seen: set[str] = set()
        for back, lo, hi in self._window(sent_starts, k, floor, tok):
            if self._unresolved_group(lo, hi):
                return None
            fitting = [
                (m, sp) for m, sp in named if lo <= m.start < hi and m.actor_id in fits and not _tie_modifier(sp)
            ]
            covered = {t.i for _, sp in fitting if sp is not None for t in sp}
            if any(self._part_or_partner(sp, covered) for _, sp in fitting):
                return None  # "X, Y and Ras Kamboni": a name that is no fitting group may be the one meant
            here = {m.actor_id for m, _ in fitting}
            (own if back == k else seen).update(here)
        others = seen - own
        if len(own) == 1 and len(others) == 1:
            return others.pop()
        return None

    def _plural_descriptions(self) -> None:
        """'the two groups', 'both factions', 'the one-time allies' -> the actors named together just before.

        A definite plural with a number or "both" ("the two rebel movements") refers to as many actors; a
        relational noun ("the former allies", "the rivals", `descriptions.yaml`) to the two parties of a
        tie. The head says which kinds fit: a group plural names armed or political groups, a state plural
        states, "sides" and the relational nouns any party. The referents are the fitting actors of the
        nearest sentence that names any (the description's own, then the `DESCRIPTION_WINDOW` before it,
        in the same section): all of them when they are exactly as many, else the one coordination of
        exactly that many ("X and Y" among others); anything else leaves the description unresolved, as
        does a name or a restrictive clause of its own ("the two Kurdish parties", "the two groups that ...").
        The description becomes a mention of each referent (one span, several actors), which the events
        and relations stages read as a coordination ("the two groups fought each other").
        """
        sd = self.sd
        pool = [
            m for m in self.mentions
            if m.how in ("alias", "ner", "name", "generic") and m.actor_id not in self.persons
            and not m.actor_id.startswith("generic-") and self._side(self.entities[m.actor_id])
        ]
        if len({m.actor_id for m in pool}) < 2:
            return
        spans = {id(m): span_at(sd, m.start, m.end) for m in pool}
        sent_starts = [s.start for s in sentences(sd)]
        for tok in tokens(sd):
            low = tok.lower_
            if self.taken[tok.i] or tok.pos_ != "NOUN" or tok.tag_ != "NNS":
                continue
            relational = low in _RELATIONAL_PLURALS
            kinds: frozenset[str] | None  # None: any party
            if low in _GROUP_PLURALS:
                kinds = frozenset({"rebel", "militia", "political"})
            elif low in _STATE_PLURALS:
                kinds = STATE_KINDS
            elif low in _SIDE_PLURALS or relational:
                kinds = None
            else:
                continue
            left = [c for c in tok.children if c.i < tok.i]
            the = [c for c in left if c.dep_ == "det" and c.lower_ == "the"]
            both = [c for c in left if c.lower_ == "both" and c.dep_ in ("det", "predet", "nummod", "preconj")]
            numbers = [c for c in left if c.dep_ == "nummod" and c.lower_ in _COUNTS]
            if both:
                n, first = 2, both[0]
            elif the and numbers:
                n, first = _COUNTS[numbers[0].lower_], the[0]
            elif the and relational:
                n, first = 2, the[0]
            else:
                continue
            if relational and n != 2:
                continue
            if any(c.dep_ in ("poss", "appos", "acl") or c.dep_ == "relcl" and not _non_restrictive(c)
                   or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                continue  # "their two allies", "the two groups, X and Y", "the two groups that ...": says which itself
            between = sd[first.i + 1 : tok.i]
            if any(w.pos_ == "PROPN" or w.ent_type_ not in ("", "CARDINAL") or self.taken[w.i] for w in between):
                continue  # "the two Kurdish parties": a name of its own
            if any(w.lower_ in _DISJOINT_MODIFIERS for w in between):
                continue  # "the two new groups": not ones named before
            k = bisect.bisect_right(sent_starts, tok.i) - 1
            section = self.doc.section_at(tok.idx)
            floor = section.start if section else 0
            for _back, lo, hi in self._window(sent_starts, k, floor, tok):
                here = [
                    m for m in pool
                    if lo <= m.start < hi and (kinds is None or self.entities[m.actor_id].kind in kinds)
                    and not _co_argument(spans[id(m)], tok) and not _tie_modifier(spans[id(m)])
                    and not _where_to(spans[id(m)])  # "fled to Oman": where someone went, no party
                ]
                ids = list(dict.fromkeys(m.actor_id for m in here))
                covered = {t.i for m in here if (sp := spans[id(m)]) is not None for t in sp}
                unsure = self._unresolved_group(lo, hi) or any(
                    self._part_or_partner(spans[id(m)], covered) for m in here
                )
                if not ids and not unsure:
                    continue
                referents = ids if len(ids) == n and not unsure else self._coordination(here, spans, n)
                if referents:
                    self._add_several(first.i, tok.i + 1, [self.entities[a] for a in referents])
                break

    def _part_or_partner(self, span: Span | None, covered: set[int]) -> bool:
        """A name that may stand for another referent: inside a phrase about a part of it ("dissidents
        from the FARC"), or coordinated with a phrase that is no fitting actor (`covered` holds the tokens of
        those): "X and Nureddine al-Zinki" with the second name unknown, "Turkey and activists" (not one
        side: armed partners, "the army and allied militias", stay the side the actor leads)."""
        if span is None:
            return False
        root = span.root
        owner = root.head.head
        if root.dep_ == "pobj" and owner.pos_ == "NOUN" and owner.lower_ in _PART_NOUNS and not self.taken[owner.i]:
            return True
        partners = conjuncts(root)[1:] + ([root.head] if root.dep_ == "conj" else [])
        return any(
            c.i not in covered and (c.pos_ == "PROPN" or c.pos_ == "NOUN" and not _armed_noun(c)) for c in partners
        )

    @staticmethod
    def _side(e: Entity) -> bool:
        """Whether an entity can be a party a plural description refers to: not civilians or protesters,
        and of kind "other" only when the registry knows it (a party, not a misread word)."""
        return e.kind not in _NO_SIDE_KINDS or e.kind == "other" and e.known

    def _coordination(self, here: list[Mention], spans: dict[int, Span | None], n: int) -> list[str] | None:
        """The actors of the one coordination of exactly `n` actors among `here` ("X and Y"), else None."""
        at = {t.i: m for m in here if (sp := spans[id(m)]) is not None for t in sp}
        found: set[tuple[str, ...]] = set()
        for m in here:
            sp = spans[id(m)]
            if sp is None or sp.root.dep_ == "conj":
                continue
            items = conjuncts(sp.root)
            if any(c.i not in at for c in items):
                continue  # "Hamas, Islamic Jihad and Fatah" with Fatah no fitting actor: a list of three
            ids = list(dict.fromkeys(at[c.i].actor_id for c in items))
            if len(ids) == n:
                found.add(tuple(ids))
        return list(found.pop()) if len(found) == 1 else None

    def _add_several(self, tok_start: int, tok_end: int, entities: list[Entity]) -> None:
        """One description naming several actors: a mention of each, all on the same span."""
        if not self._free(tok_start, tok_end):
            return
        span = self.sd[tok_start:tok_end]
        for i in range(tok_start, tok_end):
            self.taken[i] = True
        for entity in entities:
            self.entities.setdefault(entity.id, entity)
            self.mentions.append(
                Mention(span.start_char, span.end_char, span.text, entity.id, as_mention_how("coref"))
            )

    def _anaphora(self) -> None:
        """Pronouns and definite group descriptions -> the nearest fitting named entity before them."""
        sd = self.sd
        shared = Counter((m.start, m.end) for m in self.mentions)
        named = sorted(
            (m for m in self.mentions if (m.how != "generic" or m.actor_id.startswith("generic-"))
             and shared[(m.start, m.end)] == 1),  # "the two groups ... they": not one of them
            key=lambda m: m.start,
        )
        # a state's men named by a plural noun ("government troops") are a set a plural pronoun of their own
        # sentence may stand for
        state_men = [m for m in self.mentions if m.how == "generic" and _state_men(m)]
        if not named:
            return
        new: list[tuple[int, int, str]] = []
        for tok in tokens(sd):
            if self.taken[tok.i]:
                continue
            low = tok.lower_
            is_pron = (
                low in lx.PRONOUNS_PLURAL
                or low in lx.PRONOUNS_SINGULAR
                and tok.dep_ == "poss"
                or low == "it"
                and _reported_self(tok)  # "X said it would ...": it is X
            )
            is_desc = (
                tok.lemma_.lower() in lx.GROUP_ANAPHORS
                and tok.pos_ == "NOUN"
                and any(c.lower_ in ("these", "those") and tok.tag_ != "NN" for c in tok.children)
                and not any(c.dep_ in ("amod", "compound", "prep") for c in tok.children)
            )  # "these groups"; "the group" is a definite description (`_descriptions`)
            if not (is_pron or is_desc):
                continue
            if is_pron and low in ("they", "them", "their") and _generic_they(tok):
                continue
            if low == "them" and tok.head.lower_ == "among":
                continue  # "X and its partners, among them Y": the list just named, not an earlier actor
            if is_pron and low in lx.PRONOUNS_PLURAL and tok.head.dep_ == "pobj" and self._plural_noun_between(tok):
                continue  # "drove the villagers from their fields": the villagers' fields
            if low == "them" and self._parallel_people_object(tok):
                continue  # "X fought the insurgents ..., and Chadian forces drove them out": the insurgents
            if low == "them" and self._partitive_of_people(tok):
                continue  # "arm such tribal volunteers, and advisers trained several hundred of them": the volunteers
            if is_pron and low in lx.PRONOUNS_PLURAL and self._unresolved_groups_before(tok):
                continue  # "fighting between the two movements, despite an accord they had signed": those groups
            pool = named
            if is_pron and low in lx.PRONOUNS_PLURAL and state_men:
                sent = sentence_of(tok)
                pool = sorted([*named, *(m for m in state_men if sent.start_char <= m.start < tok.idx)],
                              key=lambda m: m.start)
            if is_pron and low in lx.PRONOUNS_PLURAL and (speaker := self._quoted_speaker(tok)) is not None:
                # '"If they attack us, we will fight," the M23 spokesman said': in the quoted speaker's words
                # "they" is the other side, never the speaker's own ("we")
                pool = [m for m in pool if m.actor_id != speaker]
            owner = self._reporting_owner(tok) if is_pron else None
            if owner == "":
                continue  # "The coalition said its jets ...": the coalition's, which the report does not name
            target = owner or self._antecedent(tok, pool, group_only=is_desc)
            if target is None:
                continue
            if is_desc:
                start = min(c.i for c in tok.children if c.lower_ in ("the", "these", "those"))
                new.append((start, tok.i + 1, target))
            else:
                new.append((tok.i, tok.i + 1, target))
        for s, e, aid in new:
            self._add(s, e, self.entities[aid], "coref")
        self._first_person()

    def _reporting_owner(self, pron: Token) -> str | None:
        """The actor that says what a possessive's clause reports about its own ("The army said its troops
        killed 20 militants": the army's troops), whatever kind of mention names it; a possessive agrees in
        number with the speaker ("its" a singular noun, "their" a plural one). "" when the speaker is an
        armed body no actor names ("the coalition said its jets ..."): the pronoun is no earlier actor's."""
        if pron.dep_ != "poss" or pron.lower_ not in ("its", "their"):
            return None
        verb = pron.head
        while verb.dep_ not in ("ccomp", "ROOT") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ != "ccomp" or verb.head.lemma_ not in lx.REPORT_VERBS:
            return None
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        plural = pron.lower_ == "their"
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or (subj.tag_ in ("NNS", "NNPS")) != plural:
            return None
        # a body speaks of its own ("the army", "the movement", "the rebels", "Hezbollah"); officials, spokesmen and
        # witnesses speak of others
        body = subj.ent_type_ != "PERSON" if subj.pos_ == "PROPN" else (
            subj.lemma_.lower() in lx.GOVERNMENT_HEADS or subj.lemma_.lower() in lx.GROUP_ANAPHORS
            or subj.lemma_.lower() == "coalition" or _armed_noun(subj))
        spokesman = subj.lemma_.lower() in _SPOKESPEOPLE  # "a spokesman for the coalition said its jets": its
        if not body and not spokesman:
            return None
        # the name the subject phrase gives the body: "Mali's army", "the faction Tajammu al-Izza"; not a name in
        # a tie modifier ("the U.S.-backed faction"), which names another
        lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
        named = [m for m in self.mentions if lo <= m.start < hi and self.entities[m.actor_id].kind != "civilians"
                 and not _tie_modifier(span_at(self.sd, m.start, m.end))]
        if spokesman:  # the body he speaks for, named in his phrase ("for X", "X's", "an X spokesman"); no person
            named = [m for m in named if m.actor_id not in self.persons and not m.start <= subj.idx < m.end]
            return named[0].actor_id if len(named) == 1 else None
        owner = next((m.actor_id for m in sorted(named, key=lambda m: (not m.start <= subj.idx < m.end, -m.end))),
                     None)
        if owner is None and subj.pos_ == "NOUN" and (_armed_noun(subj) or subj.lemma_.lower() in lx.GROUP_ANAPHORS):
            return ""  # an armed body no actor names: no one else's
        return owner

    def _unresolved_groups_before(self, pron: Token) -> bool:
        """A counted plural group noun no actor took ("the two nationalist movements", "both factions") stands
        earlier in the pronoun's sentence ("fighting between the two movements, despite an accord they had
        signed"): the pronoun may be those groups, whom the report does not name here, so it is left
        unresolved rather than given to another actor."""
        return any(
            t.tag_ == "NNS" and t.pos_ == "NOUN" and not self.taken[t.i]
            and (t.lower_ in _GROUP_PLURALS or t.lower_ in _SIDE_PLURALS or t.lower_ in _ARMED_PLURALS)
            and any(c.lower_ in _COUNTS or c.lower_ == "both" for c in t.children)  # "the two movements"
            for t in tokens(self.sd)[sentence_of(pron).start : pron.i]
        )

    def _parallel_people_object(self, pron: Token) -> bool:
        """The object pronoun of a clause coordinated with one whose object is a plural noun of people naming no
        actor ("Soldiers fought the insurgents in border areas under a task force, and Chadian forces drove them
        out"): the pronoun takes the parallel object, so no actor named between is its antecedent."""
        verb = pron.head
        if pron.dep_ != "dobj" or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
            return False
        return any(o.dep_ == "dobj" and _people_plural(o)
                   and (not self.taken[o.i] or (e := self._entity_at(o.i)) is not None and not e.known)
                   for o in verb.head.children)

    def _partitive_of_people(self, pron: Token) -> bool:
        """ "Several hundred of them", "dozens of them": a part of a set of people, and a plural noun of people
        that names no actor stands earlier in the sentence ("such tribal volunteers"): the set is theirs."""
        of = pron.head
        if pron.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ not in ("NUM", "NOUN", "ADJ", "PRON"):
            return False
        return any(_people_plural(t) and not self.taken[t.i] for t in tokens(self.sd)[sentence_of(pron).start : pron.i])

    def _plural_noun_between(self, pron: Token) -> bool:
        """A plural common noun that names no actor stands between the pronoun and every actor
        before it in its sentence, so the pronoun (in a prepositional phrase) refers to it
        ("drove the villagers from their fields")."""
        for j in range(pron.i - 1, sentence_of(pron).start - 1, -1):
            t = self.sd[j]
            if self.taken[j]:  # a plural name of civilians ("villagers") is such a noun too
                return t.tag_ == "NNS" and t.lower_ in lx.CIVILIAN_NOUNS
            if t.tag_ == "NNS" and t.pos_ == "NOUN" and t.lower_ not in _ARMED_PLURALS:
                return True
        return False

    def _first_person(self) -> None:
        """'we'/'our'/'us' inside a quotation -> the organisation of whoever is quoted.

        The speaker is the subject of a reporting verb in the quote's sentence or next to it;
        a person speaker counts for the organisation named in their apposition
        ("Gen. Votel, commander of U.S. Central Command, said ...").
        """
        sd = self.sd
        for tok in tokens(sd):
            if self.taken[tok.i] or tok.lower_ not in lx.PRONOUNS_FIRST_PLURAL:
                continue
            if _quoted_title(tok):
                continue  # 'Umoja Wetu, or "Our Unity"': a name in quotation marks, nobody's words
            speaker = self._quoted_speaker(tok)
            if speaker is not None:
                self._add(tok.i, tok.i + 1, self.entities[speaker], "coref")

    def _quoted_speaker(self, tok: Token) -> str | None:
        """The actor of whoever is quoted, for a word inside a quotation (None outside one): the subject of a
        reporting verb in the quote's sentence or next to it, or in the sentence that opened the quotation."""
        opening = quote_start(tok)
        if opening is None:
            return None  # not inside a quotation
        speaker = self._speaker(sentence_of(tok))
        opened = self.sd.char_span(opening, opening + 1, alignment_mode="expand") if speaker is None else None
        if opened:
            speaker = self._speaker(sentence_of(opened[0]))  # a quotation over several sentences: who opened it
        return speaker

    def _speaker(self, sent: Span) -> str | None:
        sd = self.sd
        sents = [sent]
        if sent.start > 0:
            sents.append(sentence_of(sd[sent.start - 1]))
        if sent.end < len(sd):
            sents.append(sentence_of(sd[sent.end]))
        by_char = {m.start: m for m in self.mentions}
        for s in sents:
            for t in s:
                if t.lemma_ not in lx.REPORT_VERBS and t.lemma_ not in _SPEAKING_VERBS or t.pos_ != "VERB":
                    continue
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subj is None:
                    continue
                org = None
                for x in subj.subtree:
                    m = by_char.get(x.idx)
                    if m is not None and self.entities[m.actor_id].kind not in ("other", "civilians"):
                        org = m.actor_id
                        break
                if org is not None:
                    return org
                m = by_char.get(subj.idx)
                if m is not None:
                    return m.actor_id
                if subj.pos_ in ("NOUN", "PROPN"):
                    return None  # '"Our forces ...," the Puntland official said': a speaker who is no actor,
                    # not whoever spoke before
        return None

    def _antecedent(self, tok: Token, mentions: list[Mention], group_only: bool = False) -> str | None:
        """The most recent actor mention before `tok` in this or the previous sentence, subjects first.

        A possessive on an item of a list goes to the item before it ("X and its allies": X's).
        """
        removed = _removed(tok)
        if removed is not None:  # "drove the RSF from their strongholds": the strongholds of those driven out
            return next((m.actor_id for m in [*mentions, *self.mentions] if m.start <= removed.idx < m.end), None)
        if tok.dep_ == "poss" and tok.head.dep_ == "conj" and tok.head.head.i < tok.i:
            first = tok.head.head
            for m in [*mentions, *self.mentions]:
                if m.start <= first.idx < m.end and not (group_only and self.entities[m.actor_id].kind in NOT_GROUPS):
                    return m.actor_id
            if first.pos_ in ("NOUN", "PROPN"):
                return None  # "drove the junta and its allies out": the junta's, an actor or not; never the subject's
        sent = sentence_of(tok)
        prev_start = sent.start_char
        if sent.start > 0:
            prev_start = sentence_of(self.sd[sent.start - 1]).start_char
        section = self.doc.section_at(tok.idx)
        # an object pronoun (not a reflexive) is not its own clause's subject and looks first in its
        # own sentence ("X split from Y and later fought them": Y)
        bound = clause_subject(tok) if tok.dep_ != "poss" and not tok.lower_.endswith(("self", "selves")) else None
        harmers: set[str] = set()
        if bound is None and (harmer := _harmer_of_possessed_men(tok)) is not None:
            bound = harmer  # "struck the group's bases, killing 25 of its fighters": not the striker's fighters
            harmers = {m.actor_id for m in [*mentions, *self.mentions]
                       if any(m.start <= c.idx < m.end for c in conjuncts(harmer))}  # nor any other mention of his
        # (the subject's words up to its head, and each of its conjuncts' ("X and Y trained recruits and fought beside
        # them": neither X nor Y); not a clause hung on it)
        bound_spans = [(c.left_edge.idx, c.idx + len(c)) for c in conjuncts(bound)] if bound is not None else []
        # ... nor the other phrases of its clause it cannot stand for
        others: list[Token] = []
        if bound is not None:
            if bound.lower_ in lx.GROUP_PEOPLE:  # whose men the subject names ("Gunmen of the X ... alongside them")
                others += prep_objects(bound, ("of",))
            # whose part its apposition says the subject is ("X, the armed wing of Y, fought alongside them")
            others += [p for a in bound.children if a.dep_ == "appos" and a.lemma_.lower() in _PART_NOUNS
                       for p in prep_objects(a, ("of",))]
            # the clause's object ("battled AMISOM troops alongside them")
            others += [o for o in bound.head.children
                       if o.dep_ == "dobj" and not o.left_edge.i <= tok.i <= o.right_edge.i]
        owner_spans = [(p.left_edge.idx, p.idx + len(p)) for p in others]
        best = None
        best_score = -1.0
        quoted = quote_start(tok) is not None
        for m in mentions:
            if m.start >= tok.idx or m.start < prev_start:
                continue
            if any(a <= m.start < b for a, b in bound_spans) or m.actor_id in harmers:
                continue
            if any(a <= m.start < b for a, b in owner_spans):
                continue
            if section is not None and not (section.start <= m.start < section.end):
                continue
            e = self.entities[m.actor_id]
            if e.kind in ("civilians",) or group_only and e.kind in NOT_GROUPS:
                continue
            if m.actor_id in self.persons and tok.lower_ in lx.PRONOUNS_PLURAL:
                continue  # "they" is not one person
            mt = span_at(self.sd, m.start, m.end)
            root = mt.root if mt is not None else None
            if root is not None and not quoted and quote_start(root) is not None:
                continue  # '"to back the government," the coalition said. Having pushed them out, ...': the
                # narrator's pronoun is no name inside someone's quoted words
            if root is not None and m.start < sent.start_char and tok.dep_ not in ("nsubj", "nsubjpass", "poss") \
                    and position(root).attribution:
                continue  # "..., the UN said. X held the town before troops pushed them back": whom an act is
                # done to is no source the report quoted before
            if mt is not None and tok.lower_ in lx.PRONOUNS_PLURAL and e.kind in STATE_KINDS and _singular_name(mt):
                continue  # "Dhaka accused New Delhi of arming them": a country's or capital's name is singular
            score = 1.0 + m.start / max(1, tok.idx)  # recency
            if root is not None and _names_a_subject(root):
                score += 1.0
            if root is not None and root.dep_ == "compound" and root.head.dep_ in ("nsubj", "nsubjpass"):
                score += 1.0
            if bound is not None and m.start >= sent.start_char:
                score += 1.5
            if score > best_score:
                best, best_score = m.actor_id, score
        return best

    def _cataphora(self) -> None:
        """'another faction of rebels' introduced before its name: link it to the next named group."""
        sd = self.sd
        for tok in tokens(sd):
            if self.taken[tok.i] or tok.lower_ not in lx.GROUP_ANAPHORS:
                continue
            det = [c for c in tok.children if c.lower_ in ("another", "a", "an", "one")]
            if not det:
                continue
            of = [c for c in tok.children if c.lower_ == "of"]
            if not of or not any(g.lower_ in lx.GENERIC_ARMED for g in of[0].children):
                continue
            sent = sentence_of(tok)
            limit = sentence_of(sd[min(len(sd) - 1, sent.end)]).end_char if sent.end < len(sd) else sent.end_char
            known_before = {m.actor_id for m in self.mentions if m.start < tok.idx}
            for m in sorted(self.mentions, key=lambda m: m.start):
                if m.start <= tok.idx or m.start >= limit:
                    continue
                e = self.entities[m.actor_id]
                if e.known and e.kind in ("rebel", "militia") and m.actor_id not in known_before:
                    end = max(g.i for g in of[0].children) + 1
                    self._add(det[0].i, end, e, "coref")
                    break


def _harmer_of_possessed_men(pron: Token) -> Token | None:
    """The subject of a verb of harm whose object is the pronoun's men ("killing 25 of its fighters", "captured
    their commanders"): one does not kill one's own, so the pronoun is not that subject (`harm_verbs` of cues.yaml)."""
    noun = pron.head
    if pron.dep_ != "poss" or not (noun.lower_ in _ARMED_PLURALS or noun.lower_ in lx.ARMED_GROUP_NOUNS):
        return None
    obj = noun
    if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.pos_ in ("NUM", "NOUN", "ADJ", "PRON", "DET"):
        obj = obj.head.head  # "25 of its fighters"
    verb = obj.head
    if obj.dep_ != "dobj" or verb.lemma_.lower() not in _HARM_VERBS:
        return None
    for _ in range(3):  # "..., killing 25 of its fighters": the participle's subject is its clause's
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return subj
        verb = verb.head
    return None


def _names_a_subject(root: Token) -> bool:
    """The name is a clause's subject, or the name a subject is given ("militias known as anti-balaka rose up",
    "the militia, the Giants Brigades, advanced"): the topic a later pronoun most often continues."""
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "as":
        head = head.head  # "known as X"
    elif root.dep_ not in ("oprd", "appos"):
        return False
    if head.dep_ in ("acl", "relcl") and head.lemma_.lower() in _NAMING_VERBS:
        head = head.head  # the noun the naming clause hangs on
    return head is not root and head.dep_ in ("nsubj", "nsubjpass")


def _names_an_operation(root: Token) -> bool:
    """The name a clause of naming gives a noun of a military undertaking ("the operation, code-named Shujaa",
    "an offensive known as Dawn of Freedom": `operation_nouns`, `naming_verbs`)."""
    # "an operation code-named X" parsed with X as the head and the participle as its modifier
    namer = next((c for c in root.children if c.dep_ in ("amod", "acl") and c.i < root.i and _naming(c)), None)
    if namer is not None:
        return any(t.lemma_.lower() in _OPERATION_NOUNS for t in root.subtree if t.i < namer.i)
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    if root.dep_ not in ("oprd", "attr", "pobj", "dobj") or verb.dep_ not in ("acl", "relcl"):
        return False
    return _naming(verb) and verb.head.lemma_.lower() in _OPERATION_NOUNS


def _naming(verb: Token) -> bool:
    """A verb of naming, also in its military compound ("named", "code-named", "codenamed": `naming_verbs`)."""
    lemma = verb.lemma_.lower()
    return lemma in _NAMING_VERBS or lemma.removeprefix("code-").removeprefix("code") in _NAMING_VERBS


def _state_men(m: Mention) -> bool:
    """A state's forces named by a plural noun of its men ("government troops", "soldiers"): a set a plural pronoun
    after it may stand for ("when government troops tried to retake the city, jets struck them")."""
    words = m.text.lower().split()
    return bool(words) and words[-1] in lx.STATE_FORCE_NOUNS and words[-1].endswith("s")


def _removed(pron: Token) -> Token | None:
    """The object of a verb of forcing out whose "from" phrase holds the possessive pronoun ("drove the militia
    from their bases", "expelled X out of its strongholds"): the place one is driven from is the removed side's
    (`expel_verbs` of data/relation_mentions.yaml), unlike a body one is expelled from ("from its ranks")."""
    noun = pron.head
    if pron.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.lower_ not in ("from", "of"):
        return None
    if noun.lemma_.lower() in _BODY_WORDS:
        return None  # "expelled X from its ranks", "from its coalition": the expeller's own body
    verb = noun.head.head
    if noun.head.lower_ == "of" and verb.lower_ == "out":
        verb = verb.head  # "out of"
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _EXPEL_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < pron.i), None)


def _people_plural(tok: Token) -> bool:
    """A plural common noun of people ("volunteers", "the insurgents"): a set a plural pronoun may stand for."""
    return tok.tag_ == "NNS" and tok.pos_ == "NOUN" and (tok.lower_ in lx.GROUP_NOUNS
                                                        or tok.lower_.endswith(lx.PERSON_SUFFIXES))


def _armed_noun(tok: Token) -> bool:
    """An unnamed armed body ("militias", "brigades", "fighters"), as opposed to other people ("activists")."""
    low = tok.lower_
    return low in _ARMED_PLURALS or low in lx.ARMED_GROUP_NOUNS or low in _GROUP_PLURALS \
        or tok.lemma_.lower() in _NAME_HEADS


def _tie_modifier(span: Span | None) -> bool:
    """A name inside a hyphenated tie modifier ("the al-Qaeda-linked alliance", "US-backed forces"): it
    states a tie of the phrase's head and is no referent of a description after it."""
    if span is None or span.end + 1 >= len(span.doc):
        return False
    after = span.doc[span.end]
    return after.text in ("-", "\u2010") and span.doc[span.end + 1].tag_ in ("VBN", "JJ") and not after.whitespace_


def _non_restrictive(clause: Token) -> bool:
    """A relative clause set off by a comma ("the bloc, whose member groups are ...") describes the noun
    it follows; without the comma ("the group that ...") it picks out which one (English grammar)."""
    left = clause.left_edge.i
    return left > 0 and clause.doc[left - 1].text == ","


def _org_named(name: str) -> bool:
    """The name has an organisation's head word ("Front", "Guards", "Brigade"): a group's name."""
    return any(w in variants.ORG_HEADS for w in normalize_name(name).split())


def _names_a_part(root: Token) -> bool:
    """A name modifying a noun of a body within a group ("a TPLF faction", "an ISIS cell") names a part of it,
    another group; a name modifying a noun of its kind ("the GATIA militia") is the group itself."""
    return root.dep_ in ("compound", "amod") and root.head.lemma_.lower() in _SUBUNIT_NOUNS


def _clause(tok: Token) -> Token:
    """The verb of the clause a token stands in (the sentence root where there is none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _co_argument(span: Span | None, tok: Token) -> bool:
    """A name in the same clause as a description: "X quit the umbrella organisation" never means X
    itself (a description does not take its clause's own subject or object for its antecedent)."""
    return span is not None and sentence_of(span.root).start == sentence_of(tok).start \
        and _clause(span.root).i == _clause(tok).i


def _lists_members(name: Token) -> bool:
    """A name in apposition that opens a list of members ("..., among them X, Y and Z", "including X"): a member
    of what it stands beside, not another name of it."""
    return any(c.dep_ == "prep" and c.lower_ in ("among", "including") for c in name.children)


def _clause_mate(span: Span | None, tok: Token) -> bool:
    """A name that is another argument of the clause a token stands in, the noun a relative clause
    describes included ("X, a militia that fought alongside opposition units": X is the clause's subject)."""
    if span is None or not len(span) or span.root.i == tok.i:
        return False
    if _co_argument(span, tok):
        return True
    verb = _clause(tok)
    if verb.dep_ != "relcl":
        return False
    nouns = {verb.head.i, verb.head.head.i} if verb.head.dep_ == "appos" else {verb.head.i}  # "X, a group that"
    root = span.root
    return root.i in nouns or root.head.i in nouns and root.dep_ in ("compound", "poss", "amod")


def _speaker_of(span: Span | None, tok: Token) -> bool:
    """A name that is (or owns) the subject of an accusation whose complement holds the description ("A CMA
    spokesman accused the army of supplying the militia"): whom the accused helps is not the accuser (a
    spokesman may well call his own group "the movement" when he only says something)."""
    if span is None:
        return False
    verb = next((a for a in tok.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in ACCUSING_VERBS), None)
    if verb is None:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # "X said ... and accused the army of ...": the sentence's subject
        subjects = [c for c in sentence_of(verb).root.children if c.dep_ == "nsubj"]
    return any(s.left_edge.i <= span.root.i <= s.i for s in subjects)


def _in_side_clause(span: Span | None, tok: Token) -> bool:
    """A name inside a relative clause describing another phrase of the description's sentence ("Eritrea,
    whose troops fought the TPLF, denies arming the militia"): background, no antecedent (an apposition,
    "X, a commander of Y", still names the group a later "the group" may be)."""
    if span is None or sentence_of(span.root).start != sentence_of(tok).start:
        return False
    return any(a.dep_ == "relcl" and not a.left_edge.i <= tok.i <= a.right_edge.i for a in span.root.ancestors)


def _media_name(name: str) -> bool:
    """The name of a news outlet or a publishing platform ("al-Jazeera", "the Twitter")."""
    folded = re.sub(r"^the ", "", normalize_name(name).replace("-", " ")).strip()
    return folded in _MEDIA_NAMES


def _singular_name(span: Span) -> bool:
    """A short singular proper name, alone ("Dhaka", "New Delhi"): never the antecedent of "they"/"them"."""
    return len(span) <= 2 and all(t.tag_ == "NNP" for t in span) and span.root.ent_type_ in ("GPE", "ORG") \
        and not any(c.dep_ == "conj" for c in span.root.children)


def _own_initials(a: set[str], b: set[str]) -> bool:
    """Each name set has initials of its own that the other lacks ("ELF" and "EPLF"): a report gives two
    organisations two sets of initials, so "Eritrean Liberation Front" does not shorten "Eritrean People's
    Liberation Front"."""
    ia, ib = {n for n in a if _acronym(n)}, {n for n in b if _acronym(n)}
    return bool(ia) and bool(ib) and not ia & ib


def _shortens(short: str, long: str) -> bool:
    return variants.is_variant(short, long) or variants.is_acronym(short, long)


def _acts(tok: Token) -> bool:
    """A name that stands for a party: a subject, or the owner of forces or an office ("Karenni
    resistance forces", "Qatar's emir"), or a later item of a subject ("X and Y agreed")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("nsubj", "appos"):  # an apposition names what its noun names ("a temple, Cemevi")
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.is_title and nxt.pos_ in ("PROPN", "ADJ"):
        return True  # the first word of a longer name the tagger split ("Sierra| Leonean refugees")
    head = tok.head.lemma_.lower()
    owner = head in lx.STATE_AGENT_NOUNS or head in lx.TITLE_WORDS or tok.head.lower_ in lx.FORCE_NOUNS
    return tok.dep_ in ("compound", "poss", "amod", "nmod") and owner


def _acronym(name: str) -> bool:
    return len(name) <= 6 and name.replace(".", "").isupper()


def _short_name(name: str) -> bool:
    """An acronym or a one-word name: too short to say which actor it is without context."""
    return len(variants.name_words(name)) <= 1 or _acronym(name)


def _source_position(tok: Token) -> bool:
    """A mention standing where a report's source or addressee stands: the subject of a report verb,
    'according to X', or the one spoken to ('told X', 'speaking to X')."""
    head = tok.head
    if tok.dep_ == "appos" and head.i != tok.i and _source_position(head):
        return True  # "A lawmaker, X, told AFP": the subject's apposition
    if tok.dep_ == "nsubj" and head.lemma_.lower() in _REPORT_VERBS:
        return True
    if tok.dep_ == "dobj" and head.lemma_.lower() == "tell":
        return True
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in _ADDRESS_VERBS:
        return True
    return position(tok).attribution


def _source_role(root: Token) -> bool:
    """A person named with the role of a report's source: 'Idlib resident X', 'X, an analyst',
    'a witness, X' (a role noun compounded with the name, or in apposition to it)."""
    roles = [c for c in root.children if c.dep_ in ("compound", "appos") and c.i != root.i]
    if root.dep_ == "appos":
        roles.append(root.head)
    return any(r.pos_ == "NOUN" and r.lemma_.lower() in _SOURCE_ROLES for r in roles)


def _admin_unit_name(name: str) -> bool:
    """A name ending in an administrative unit with no word of a group's name ("Rakhine State", not
    "Islamic State" nor "United Wa State Army")."""
    ws = normalize_name(name).split()
    return len(ws) >= 2 and ws[-1] in _ADMIN_UNITS and not any(w in variants.ORG_HEADS for w in ws[:-1])


def _names_owner(mod: Token, taken: list[bool]) -> bool:
    """A modifier that says whose coalition it is ("the Saudi-led coalition", "the Arab coalition"),
    unlike a descriptive one ("the global coalition") or the enemy it is formed against
    ("the counter-ISIL coalition", "the anti-IS coalition")."""
    if mod.dep_ not in ("compound", "amod", "nmod"):
        return False
    named = any(taken[w.i] or w.ent_type_ in ("NORP", "GPE") for w in mod.subtree)
    return named and not _against(mod)


def _against(mod: Token) -> bool:
    """'counter-ISIL', 'anti-IS': a modifier naming whom its noun is against, not its owner."""
    first = mod.left_edge.i
    before = [mod.doc[i] for i in range(max(0, first - 2), first)]
    if len(before) == 2 and before[1].text == "-":  # the parser split "counter-ISIL" into siblings
        return before[0].lower_ in ANTI_PREFIXES
    return any(w.lower_.startswith(ANTI_PREFIXES) for w in mod.subtree)


def _left_edge_mods(tok: Token) -> int:
    """Start of a noun with its determiner and adjectives ("the local population"), after a tie modifier
    ("Saudi-backed government forces": the forces; the modifier names their patron, another actor)."""
    sd = tok.doc  # read from the per-Doc tables: no Token objects for the children
    dep, toks, lower = deps(sd), tokens(sd), lowers(sd)
    start = tok.i
    tie = max((c for c in children(sd)[tok.i] if c < tok.i and dep[c] == "amod" and lower[c] in lx.TIE_PARTICIPLES
               and c > 0 and toks[c - 1].text in ("-", "\u2010")), default=None)
    for c in children(sd)[tok.i]:
        if tie is not None and c <= tie:
            continue
        if c < tok.i and dep[c] in ("det", "amod", "compound", "nummod", "quantmod", "advmod"):
            start = min(start, toks[c].left_edge.i)
    return start


def _names_installation(ent: Span) -> bool:
    """The name modifies an installation noun right after it ("the al-Dailami air base")."""
    sd = ent.doc
    for tok in sd[ent.end : min(ent.end + 3, len(sd))]:
        if tok.lower_ in lx.FACILITY_HEADS and tok.pos_ in ("NOUN", "PROPN"):
            return True
        if tok.pos_ not in ("NOUN", "PROPN") or tok.is_sent_end:
            return False
    return False


# the slack before a registry actor's first day within which a report may still name it (dates of founding are often
# known to the month)
FOUNDING_SLACK = dt.timedelta(days=62)


def _founded_after(actor: RegistryActor, published: dt.date | None) -> bool:
    """Whether the group did not yet exist on the report's date (a state's entry may date only its present
    government or borders, while its names are older: "Montenegro", "Baghdad")."""
    return published is not None and actor.active_from is not None and actor.kind not in STATE_KINDS \
        and published + FOUNDING_SLACK < actor.active_from


def _spelled_acronyms(sd: Doc) -> dict[str, tuple[str, ...]]:
    """The abbreviations a text spells out: "Somali National Alliance (SNA)" -> {"SNA": its name's words}."""
    out: dict[str, tuple[str, ...]] = {}
    words_ = texts(sd)  # (the per-Doc table: no Token made per word)
    for i in range(2, len(words_) - 1):
        short = words_[i]
        if words_[i - 1] != "(" or words_[i + 1] != ")" or not (2 <= len(short) <= 8 and short.isupper()):
            continue
        for start in range(max(0, i - 9), i - 1):  # the longest run of words before the bracket that it spells
            name = sd[start:i - 1].text
            if variants.is_acronym(short, name):
                out.setdefault(short, variants.name_words(name))
                break
    return out


def _spelled_out_otherwise(short: str, actor: RegistryActor, spelled: dict[str, tuple[str, ...]]) -> bool:
    """Whether the text spells `short` out as a name that is none of the actor's names."""
    words_ = spelled.get(short)
    return words_ is not None and not any(variants.same_name(_content_words(words_),
                                                             _content_words(variants.name_words(a.name)))
                                          for a in actor.names())


def _content_words(words_: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words without a possessive's "s" ("Islamic State's Central Africa Province")."""
    return tuple(w for w in words_ if w != "s")


def _before_open_bracket(sd: Doc, start: int, end: int) -> int:
    """The end of a name the recogniser ran into a bracket it did not close ("the Islamic Arab Front of Azawad
    (FIAA" without its ")"): the name stops before the bracket."""
    words_ = [t.text for t in sd[start:end]]
    if "(" in words_ and ")" not in words_ and words_.index("(") > 0:
        return start + words_.index("(")
    return end


def _first_word_of_a_name(span: Span) -> bool:
    """A state's one-word name compounded with a capitalised word the recogniser reads as the same organisation's
    name ("Libya Shield", "Libya Dawn"): the first word of another body's name, unless that word is a state body's
    own ("Iraq Army", "Mali Government")."""
    sd = span.doc
    if len(span) != 1 or span.end >= len(sd):
        return False
    nxt = sd[span.end]
    return span.root.dep_ == "compound" and span.root.head.i == nxt.i and nxt.tag_ == "NNP" \
        and span.root.ent_type_ == "ORG" and nxt.ent_type_ == "ORG" \
        and nxt.lower_ not in variants.ORG_HEADS and nxt.lower_ not in lx.STATE_AGENT_NOUNS


def _quoted_title(tok: Token) -> bool:
    """A word inside a short quotation whose every word is capitalised ('"Our Unity"', '"We Are All Mali"'): the
    title or gloss of a name, not what somebody said."""
    opening = quote_start(tok)
    if opening is None:
        return False
    text = doc_text(tok.doc)
    close = min((i for i in (text.find('"', tok.idx), text.find("\u201d", tok.idx)) if i >= 0), default=-1)
    words_ = text[opening + 1 : close].split() if close > opening else []
    return 1 <= len(words_) <= 5 and all(w[:1].isupper() for w in words_)


def _names_a_division(root: Token, end: int) -> bool:
    """A name modifying the lower-case noun of an administrative division or a front right after it ("Gezira
    state", "the Shirqat district", "the Sirwah front")."""
    return root.dep_ in ("compound", "nmod", "amod") and root.head.i == end and root.head.is_lower \
        and (root.head.lower_ in _ADMIN_UNITS or root.head.lower_ in _FRONT_NOUNS)


def _where_clause_after(ent: Span) -> bool:
    """A name followed by a comma and a relative clause opened by "where" ("to X, where troops drove ..."): the
    relative adverb of place takes the name up as a place."""
    sd = ent.doc
    return ent.end + 1 < len(sd) and sd[ent.end].text == "," and sd[ent.end + 1].lower_ == "where"


def _bracketed(span: Span) -> bool:
    """A span in parentheses right after a name: 'Name (ABBR)'."""
    sd = span.doc
    return span.start >= 2 and sd[span.start - 1].text == "(" and span.end < len(sd) and sd[span.end].text == ")"


def _shallowest(placed: list[tuple[str, int, bool, Position]]) -> dict[int, int]:
    """The depth of each sentence's most prominent object (or other non-subject) mention, by sentence
    (one pass over the mentions, not one per mention; a sentence without such a mention counts 0)."""
    out: dict[int, int] = {}
    for _, sent, subj, p in placed:
        if not subj and p.salient:
            out[sent] = min(out.get(sent, p.depth), p.depth)
    return out


def _acted_upon(noun: Token) -> bool:
    """The object of a predicate: 'rejected a proposal', 'a blockade on lorries', 'fire against camps'."""
    if noun.dep_ == "dobj":
        return True
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ in lx.LOCATIVE_PREPS \
            or noun.head.lower_ in _SPATIAL_PREPS:
        return False  # "the town above the Haitian capital": where, not what is acted upon
    owner = noun.head.head
    return owner.pos_ == "VERB" or owner.dep_ == "dobj"


def _relational_noun(noun: Token) -> bool:
    """A noun naming one side of a tie between parties ("allies", "partner", "proxies", "rivals"):
    a demonym modifying it says who the allies are, not whose ("Kurdish allies" are Kurds), so it
    names no state."""
    cues = tie_words().noun_cues
    return cues.get(noun.lower_, cues.get(noun.lemma_.lower())) in ("alliance", "hostility", "support")


def _sent_by_subject(tok: Token) -> bool:
    """'Chad sent troops to Mali': forces a subject sends are its own, not the country's they go to; so
    for a sender the clause names elsewhere ("accused Minsk of deploying troops", "agreed to send troops")."""
    verb = tok.head
    return tok.dep_ == "dobj" and verb.lemma_.lower() in lx.SENDING_VERBS and (
        any(c.dep_ == "nsubj" for c in verb.children) or verb.dep_ in ("pcomp", "xcomp", "advcl", "conj")
    )


# Plural nouns for the members of an armed group that a tie modifier can qualify ("al-Qaeda-linked
# jihadists"), besides the generic armed nouns: from ARMED_GROUP_NOUNS, with "terrorists" (the
# label governments give such groups).
_TIED_ARMED_NOUNS = lx.ARMED_GROUP_NOUNS - {"fighters"} | {"terrorists"}

# A name followed by its short form in brackets: "Arakan Army (AA)".
_ACRONYM_GIVEN = re.compile(r"(?P<full>.*?)(?:\s*\((?P<short>[A-Za-z]{2,8})\))?$", re.S)


def _two_acronyms(a: str, b: str) -> bool:
    """Two different short names in capitals ("KIA", "AA")."""
    return a != b and all(x.isupper() and x.isalpha() and len(x) <= 8 for x in (a, b))


def _plural(tok: Token) -> bool:
    """A plural noun; the small models tag a capitalised plural opening a sentence as a singular
    proper noun ("Rebels in Mali ...": NNP)."""
    return tok.tag_ in ("NNS", "NNPS") or bool(tok.is_sent_start) and tok.tag_ == "NNP" and tok.lower_.endswith("s")


_FORMER = words("descriptions", "former_modifiers")


def _former_title(name: Span) -> bool:
    """A title before a name, or in apposition to it, marked as no longer held: "former president
    X", "ex-President X", "X, Yemen's ex-president"."""
    sd = name.doc
    i = name.start - 1
    while i >= 0 and (sd[i].lower_ in lx.TITLE_WORDS or sd[i].text == "-"):
        i -= 1
    if i >= 0 and i < name.start - 1 and sd[i].lower_ in _FORMER:
        return True
    # the parser may split "Yemen's ex-president" into several appositions ("ex", "-", "president")
    said = {m.lower_ for c in name.root.children if c.dep_ == "appos" for m in c.subtree}
    return bool(said & lx.TITLE_WORDS) and bool(said & _FORMER or any(w.startswith("ex-") for w in said))


def _formerly(title: Token) -> bool:
    """A title noun marked as no longer held ("former president", "ex-president")."""
    return any(m.lower_ in _FORMER or m.lower_.startswith("ex-") for m in title.subtree if m.i < title.i)


# plural nouns for the people of an armed organisation ("Wagner's fighters", "Wagner mercenaries")
_COMBATANT_PLURALS = frozenset({"combatants", "guerrillas", "rebels", "militiamen", "soldiers", "cadres"})
_MEMBER_PLURALS = lx.FORCE_NOUNS | {"members", "mercenaries", "militants", "men", "operatives", "commanders"}

# the modifiers that make a force noun the state's ("government troops", "federal forces": a federation's central
# government, as in Ethiopia, Somalia, Nigeria or Iraq)
_STATE_FORCE_MODIFIERS = ("government", "regime", "junta", "pro-government", "security", "army", "federal")


def _named_by_a_proper_modifier(tok: Token) -> bool:
    """Whether a force noun carries a proper name of its own: "the Ezidkhan Security Forces".

    The generic words ("security", "government") are capitalised inside such a name too,
    so only a capitalised compound that is none of them marks a name of its own.
    """
    return any(
        c.dep_ == "compound" and c.text[:1].isupper() and c.lower_ not in _STATE_FORCE_MODIFIERS
        for c in tok.children
    )


def _has_owner(tok: Token) -> bool:
    """A noun with a possessor or proper-name modifier ('Hamas police', 'its soldiers'), or an "of" phrase
    naming whose it is ('the army of Joshua Nkomo's ZAPU', 'soldiers of the 4th Division')."""
    named = any(c.dep_ in ("poss", "compound", "amod") and (c.pos_ == "PROPN" or c.dep_ == "poss")
                for c in tok.children)
    return named or bool(_named_of_objects(tok))


def _named_of_objects(tok: Token) -> list[Token]:
    """The "of" objects of `tok` that carry a name ("of Mali", "of Joshua Nkomo's ZAPU", "of the Gaza
    authorities"): whose the noun is."""
    return [p for p in prep_objects(tok, ("of",))
            if p.pos_ == "PROPN" or any(k.dep_ == "poss" or k.pos_ == "PROPN" for k in p.children)]


def _one_of_a_people(ent: Span) -> bool:
    """A lone name after "a"/"an" set in apposition to a noun ("Machar, a Nuer,", "Ag Ghaly, a Tuareg,"): one of a
    people, the description of a person; an organisation described so has a noun of its own ("a Nuer militia")."""
    root = ent.root
    return len(ent) == 1 and root.dep_ == "appos" and [c.lower_ for c in root.children if c.dep_ != "punct"] in (
        ["a"], ["an"])


def _phrase_text(tok: Token) -> str:
    """The words of `tok`'s phrase up to it: "Burkina Faso" for "Faso", "Khalifa Haftar" for "Haftar"."""
    return tok.doc[tok.left_edge.i : tok.i + 1].text


def _has_demonym(tok: Token, adjectives: dict[str, list[str]]) -> bool:
    return any(c.lower_ in adjectives and c.i < tok.i for c in tok.children)


def _generic_they(tok: Token) -> bool:
    """'they say', 'they call it': impersonal uses with no antecedent."""
    return tok.head.lemma_ in ("say", "call") and tok.dep_ == "nsubj" and tok.head.tag_ == "VBP"


def _reported_self(tok: Token) -> bool:
    """'it' as the subject of what an actor said about itself ('Ahrar said it was allied'). A plural
    speaker is not "it" ("officials say it receives arms from Y": something else receives them)."""
    verb = tok.head
    return (
        tok.dep_ in ("nsubj", "nsubjpass")
        and verb.dep_ == "ccomp"
        and verb.head.lemma_ in lx.REPORT_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ != "it" and may_be_it(c) for c in verb.head.children)
    )


def _directional(root: Token) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lower_ in lx.DIRECTIONS for c in root.children)


def _bordering(root: Token) -> bool:
    """The object of "with" on a boundary noun: "the border with Chad", "its frontier with Iran"."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "with"
        and prep.head.lemma_.lower() in lx.BOUNDARY_NOUNS
    )


def _locative(root: Token) -> bool:
    """A name used as a place: 'in Libya', 'the frontier zone next to Iraq', 'southern Serbia', 'X, a
    town on the border', and every later item of a list after such a preposition ('posts at Hpasawng
    and Bawlakhe')."""
    if _directional(root):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in lx.PLACE_NOUNS for c in root.children):
        return True  # "X, capital of Gezira state", "X, a town near the border": a place named in apposition
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in lx.LOCATIVE_PREPS:
        return True
    if prep.lower_ in _TOWARDS and prep.head.lemma_.lower() in _MOTION_VERBS:
        return True  # "pushed towards X": where a move goes (not "voiced hostility towards X")
    if prep.lower_ == "of" and prep.head.lower_ in lx.DIRECTIONS:
        return True  # "40 km east of X", "the north of X": a bearing from a place
    return prep.head.lemma_.lower() in lx.PLACE_NOUNS


def _indefinite(noun: Token) -> bool:
    """A noun phrase with an indefinite article or 'one' ("an RSF commander", "one of the leaders")."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in noun.children)


def _ex_members(span: Span) -> bool:
    """A name on a noun of its members that is qualified as former ("former FARC combatants", "one-time
    RUF fighters"): people who left the group, not the group."""
    members = _MEMBER_PLURALS | _COMBATANT_PLURALS
    root = span.root
    if root.lower_ in members:
        head = root  # "former M23 rebels" matched whole
    elif root.dep_ in ("compound", "nmod", "amod") and root.head.i > root.i and root.head.lower_ in members:
        head = root.head
    else:
        return False
    return any(c.dep_ == "amod" and c.i < span.start and c.lower_ in _FORMER for c in head.children)


def _ground_object(tok: Token) -> bool:
    """The object of a verb of taking or bombarding ground ("retook X", "took back X", "shelled X", "stormed X")."""
    if tok.dep_ != "dobj":
        return False
    verb = tok.head
    return verb.lemma_.lower() in _GROUND_VERBS or verb.lemma_.lower() == "take" \
        and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)


def _ground_taken(ent: Span) -> bool:
    """A one-word name a verb of taking or bombarding ground has as object ("retook Konna", "shelled
    Kassala"): a town, whatever the tagger says."""
    return len(ent) == 1 and _ground_object(ent.root)


def _where_to(span: Span | None) -> bool:
    """The name is where someone moved: the "to" object of a verb of directed motion ("fled to Oman")."""
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_.lower() in _MOTION_VERBS


def _place_phrase(root: Token, strict: bool = False) -> bool:
    """A name that can only be a place: an item of a list of places ('in Mali and Niger', 'in
    hotspots such as X, Y and Z'), a named place ('the city of X', 'an Iraqi village') or the
    owner of a direction ('the country's east'), or in apposition to a place noun ('X, the capital', 'the
    capital X').
    A lone 'in X' may stand for its authorities
    ('arrested in X'), so it is not enough; `strict` leaves out lists after 'from', which may
    name where help came from ('with support from Russia and Iran'), and a name modifying a place
    noun ('X province'), which event coding may take for the party ruling it."""
    listed = root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)
    if root.dep_ == "appos" and root.head.i < root.i and root.head.lemma_.lower() in lx.PLACE_NOUNS:
        return True  # "the provincial capital X", "the border town X"
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    prep = root.head
    if strict and root.dep_ == "pobj" and prep.lower_ == "from":
        return False
    if root.dep_ == "pobj" and prep.lower_ == "as" and "such" in (prep.head.lower_, *(c.lower_ for c in prep.children)):
        root = prep.head.head if prep.head.lower_ == "such" else prep.head  # "hotspots such as X"
        listed = True
    if listed and _locative(root):
        return True
    if root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in lx.PLACE_NOUNS:
        return True  # "the city of X"
    if any(c.dep_ == "appos" and c.lemma_.lower() in lx.PLACE_NOUNS for c in root.children):
        return True  # "X, the Burkinabe capital", "X, a town on the border"
    if root.dep_ in ("amod", "compound") and root.head.lemma_.lower() in lx.PLACE_NOUNS:
        return not strict  # "an Iraqi village"; "X province" may be coded as the party ruling it
    return root.dep_ == "poss" and root.head.lower_ in lx.DIRECTIONS


def _is_group_noun(tok: Token) -> bool:
    """A plural noun for people ('doctors', 'rebels', 'opposition')."""
    low = tok.lower_
    if low in lx.GROUP_NOUNS or low in lx.GENERIC_ARMED or low in lx.PROTESTER_NOUNS:
        return True
    if tok.tag_ == "NN" and low in lx.GROUP_NOUNS_SINGULAR:
        return True
    return tok.tag_ == "NNS" and low.endswith(lx.PERSON_SUFFIXES)


def _group_kind(noun: str) -> tuple[str, int | None]:
    if noun in lx.GENERIC_ARMED:
        _, _, kind, inter = lx.GENERIC_ARMED[noun]
        return kind, inter
    if noun in lx.PROTESTER_NOUNS:
        return "protesters", 6
    if noun in lx.ARMED_GROUP_NOUNS:
        return "rebel", 2
    return "other", None


def _guess_kind(name: str) -> tuple[str, int]:
    words = set(re.split(r"[\s\-]+", name.lower()))
    for cues, kind, inter in lx.KIND_HINTS:
        if words & set(cues):
            return kind, inter
    return "other", 8


def _iso2_to_3() -> dict[str, str]:
    from factiongraph.countries import all_countries

    return {c.alpha_2: c.alpha_3 for c in all_countries()}


_ISO2_TO_3 = _iso2_to_3()


# words that qualify a country's name without making another place of it: the article and the compass and
# position adjectives of English place names ("the United States", "southern Lebanon", "Upper Egypt")
_PLACE_QUALIFIERS = frozenset("the north south east west northern southern eastern western central north-east "
                              "north-west south-east south-west northeast northwest southeast southwest upper lower "
                              "greater".split())


def _owned_by_another(tok: Token, focus: str | None, r: ActorResolver) -> bool:
    """'the army of Joshua Nkomo's ZAPU': an "of" phrase gives the force another owner than the focus state
    ('the army of Mali' in a report on Mali is still its army)."""
    for p in _named_of_objects(tok):
        name = _phrase_text(p)  # "Burkina Faso", not its head "Faso"
        cands = r.registry.lookup(name, None) or r.registry.lookup(name.removeprefix("the "), None)
        if not any(c.country == focus and c.kind in STATE_KINDS for c in cands):
            return True
    return False


def _numbered_unit(tok: Token) -> bool:
    """'the 14th Army', 'the 4th Division': a unit named by its number, whose state the phrase does not
    say (it may be a foreign army's), not the army of the country reported on."""
    return any(c.i < tok.i and (c.like_num or _ORDINAL.fullmatch(c.lower_) is not None) for c in tok.children)


def _inside_a_feature_name(span: Span) -> bool:
    """The name is part of a lake's, river's or mountain's name: a capitalised feature word next to it
    ("Lake Chad", "Lake Chad Basin", "the Niger River", "Mount Lebanon")."""
    sd = span.doc
    before = sd[span.start - 1] if span.start > 0 else None
    after = sd[span.end] if span.end < len(sd) else None
    return any(t is not None and t.text[:1].isupper() and t.lower_ in _FEATURE_WORDS for t in (before, after))


def _uncut(spans: list[Span]) -> list[Span]:
    """The matches without those that cut into a proper name matched before them: in "South Sudan's army"
    the alias "Sudan's army" starts inside the name "South Sudan" (longer, it would otherwise win)."""
    if not spans:
        return []
    pos = pos_tags(spans[0].doc)
    bounds = [(b.start, b.end) for b in spans]
    first: dict[int, int] = {}  # a proper name's end -> the earliest start of a name ending there
    for s, e in bounds:
        if all(pos[i] == "PROPN" for i in range(s, e)) and s < first.get(e, s + 1):
            first[e] = s
    # a name cuts in when it starts before the match and ends inside it (a match is a few tokens long)
    return [b for b, (s, e) in zip(spans, bounds, strict=True) if not any(first.get(z, s) < s for z in range(s + 1, e))]


_ORDINAL = re.compile(r"\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth")
_CARDINALS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def _own_coalition(tok: Token) -> bool:
    """"a coalition of rebel groups", "X, a coalition that ...", "X is a coalition", "formed a new
    coalition": the noun describes or brings in some coalition (an indefinite, an "of" phrase, an
    apposition, a predicate, or a novelty modifier: `novelty_modifiers` in words/descriptions.yaml), not
    the conflict's own ("the coalition", "Coalition forces", "a coalition airstrike"); a later "the
    coalition" takes it up, until the conflict's is named again ("the US-led coalition")."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children)
    of_phrase = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    novel = any(c.dep_ == "amod" and c.lower_ in _NOVELTY_MODIFIERS for c in tok.children)
    return indefinite or of_phrase or novel or tok.dep_ in ("appos", "attr")


# possessive determiners of persons: what they own is a thing, no organisation ("his Rolls-Royce")
_PERSONAL_POSSESSIVES = frozenset({"his", "her", "my", "your"})
# plural nouns that name an armed group's people ("its fighters ... their commander"): a pronoun after
# them still refers to the group
_ARMED_PLURALS = frozenset(lx.FORCE_NOUNS | lx.STATE_FORCE_NOUNS | set(lx.GENERIC_ARMED)
                           | {"members", "men", "commanders", "leaders", "militants", "rebels", "insurgents"})
