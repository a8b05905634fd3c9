"""Actor mentions: find every mention of an armed or political actor and resolve it to one entity.

Order of evidence, strongest first:
1. registry names and aliases (date-aware), matched as phrases;
2. a registry actor's adjective on an agent noun ("Turkish forces", "Russian jets");
3. generic mentions ("government forces" -> the focus country's state, "rebels", "civilians");
4. named entities the registry does not know (new actors, `known: false`);
5. anaphora ("they", "its", "the group") and descriptions introduced before a name
   ("another faction of rebels ... the Fastaqim force") resolved to entities above.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factiongraph.actors import lexicon as lx
from factiongraph.actors.registry import Registry, RegistryActor, normalize_name
from factiongraph.document import Actor, Document, Mention

STATE_KINDS = frozenset({"state", "foreign_state"})


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

    def __init__(self, registry: Registry, vocab: Any) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokenizer import Tokenizer  # noqa: F401 - imported for typing clarity

        self.registry = registry
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._adjectives: dict[str, list[str]] = {}
        self._states_by_country: dict[str, str] = {}
        self._vocab = vocab
        self._built = False

    def _build(self, nlp_tokenizer: Any) -> None:
        exact: dict[str, list[Any]] = {}
        lower: dict[str, list[Any]] = {}
        for actor in self.registry:
            if actor.kind in STATE_KINDS and actor.country and actor.country not in self._states_by_country:
                self._states_by_country[actor.country] = actor.id
            for adj in actor.adjectives:
                self._adjectives.setdefault(adj.lower(), []).append(actor.id)
            for alias in actor.names():
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

    def __call__(self, doc: Document, nlp_tokenizer: Any) -> Document:
        if not self._built:
            self._build(nlp_tokenizer)
        sd = doc.parsed
        if sd is None:
            return doc
        return _Resolution(self, doc, sd).run()

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


class _Resolution:
    """The resolution of one document (holds per-document state)."""

    def __init__(self, res: ActorResolver, doc: Document, sd: Any) -> None:
        self.r = res
        self.doc = doc
        self.sd = sd
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.taken = [False] * len(sd)  # tokens already part of a mention
        self.focus: str | None = None

    def run(self) -> Document:
        spans = self._registry_spans()
        self.focus = self._focus_country(spans)
        for span, actor in spans:
            self._add(span.start, span.end, self.r.registry_entity(actor, self.focus), "alias")
        self._adjective_mentions()
        self._cataphora()
        self._generic_mentions()
        self._ner_mentions()
        self._anaphora()
        self.mentions.sort(key=lambda m: m.start)
        by_id: dict[str, list[Mention]] = {}
        for m in self.mentions:
            by_id.setdefault(m.actor_id, []).append(m)
        actors = []
        for eid, ms in by_id.items():
            e = self.entities[eid]
            actors.append(Actor(e.id, e.name, e.kind, e.acled_inter, e.country, e.registry_id, e.known, tuple(ms)))
        actors.sort(key=lambda a: a.mentions[0].start)
        hints = dict(self.doc.hints)
        hints["focus_country"] = self.focus
        return dataclasses.replace(self.doc, actors=tuple(actors), hints=hints)

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
        self.mentions.append(Mention(start, end, self.doc.text[start:end], entity.id, how))

    def _registry_spans(self) -> list[tuple[Any, RegistryActor]]:
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
                    if not _alias_is_lowercase(self.r.registry, span.text):
                        continue
                found.append(span)
        out = []
        for span in filter_spans(found):
            cands = self.r.registry.lookup(span.text, self.doc.published)
            if not cands:
                cands = self.r.registry.lookup(span.text.replace(" ", "-"), self.doc.published)
            if cands:
                out.append((span, cands[0]))
        return out

    def _focus_country(self, spans: list[tuple[Any, RegistryActor]]) -> str | None:
        """The country a document is about: non-state groups' and places' countries, by count."""
        votes: Counter[str] = Counter()
        for _, actor in spans:
            if actor.country and actor.kind not in STATE_KINDS:
                votes[actor.country] += 2
            elif actor.country and actor.kind == "state":
                votes[actor.country] += 1
        for p in self.doc.places:
            if p.country:
                iso3 = _ISO2_TO_3.get(p.country)
                if iso3:
                    votes[iso3] += 1
        if not votes:
            return None
        return votes.most_common(1)[0][0]

    def _state_entity(self, country: str | None) -> Entity | None:
        if not country:
            return None
        sid = self.r._states_by_country.get(country)
        actor = self.r.registry.get(sid) if sid else None
        return self.r.registry_entity(actor, self.focus) if actor else None

    def _adjective_mentions(self) -> None:
        for tok in self.sd:
            if self.taken[tok.i]:
                continue
            ids = self.r._adjectives.get(tok.text.lower())
            if not ids or not tok.text[:1].isupper():
                continue
            head = tok.head
            if (
                head.i <= tok.i
                or head.lemma_.lower() not in lx.STATE_AGENT_NOUNS
                and head.lower_ not in lx.STATE_AGENT_NOUNS
            ):
                continue
            if head.pos_ not in ("NOUN", "PROPN"):
                continue
            actor = self.r.registry.get(ids[0])
            if actor is None:
                continue
            self._add(tok.i, head.i + 1, self.r.registry_entity(actor, self.focus), "alias")

    def _generic_mentions(self) -> None:
        sd = self.sd
        gov = self._state_entity(self.focus)
        for tok in sd:
            if self.taken[tok.i] or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            low = tok.lower_
            # a noun modified by a named actor ("Nusra fighters") belongs to that actor
            if any(self.taken[c.i] for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")):
                continue
            start = _left_edge_mods(tok)
            if low in lx.GENERIC_ARMED and tok.tag_ in ("NNS", "NNPS") or low in ("gunmen", "militiamen"):
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
                    low in ("government", "regime")
                    and tok.dep_ != "compound"
                    or (
                        low in ("forces", "troops", "soldiers")
                        and any(
                            c.lower_ in ("government", "regime", "pro-government", "security", "army")
                            for c in tok.children
                        )
                    )
                )
                or gov is not None
                and low in ("army", "military", "authorities")
                and any(c.lower_ == "the" for c in tok.children)
                and tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj")
            ):
                self._add(start, tok.i + 1, gov, "generic")

    def _ner_mentions(self) -> None:
        for ent in self.sd.ents:
            if ent.label_ not in ("ORG", "NORP", "GPE", "PERSON"):
                continue
            if not self._free(ent.start, ent.end):
                continue
            text = ent.text
            words = set(normalize_name(text).split())
            if words & lx.MEDIA_WORDS or not any(c.isupper() for c in text):
                continue
            if ent.label_ == "PERSON":
                prev = self.sd[ent.start - 1] if ent.start > 0 else None
                if prev is None or prev.lower_ not in lx.TITLE_WORDS:
                    continue
                start = ent.start - 1
                while start > 0 and (self.sd[start - 1].lower_ in lx.TITLE_WORDS):
                    start -= 1
                state = None
                if start > 0:
                    ids = self.r._adjectives.get(self.sd[start - 1].lower_)
                    if ids:
                        state = self.r.registry.get(ids[0])
                        start -= 1
                if state is not None:
                    self._add(start, ent.end, self.r.registry_entity(state, self.focus), "alias")
                else:
                    self._add(start, ent.end, Entity(_slug(text), text, "other", 8, self.focus, None, False), "ner")
                continue
            root = ent.root
            # an attribute of a common noun ("Wahhabi parasites") is not itself an actor
            if (
                root.dep_ in ("amod", "compound")
                and root.head.pos_ == "NOUN"
                and root.head.lower_ not in lx.STATE_AGENT_NOUNS
                and root.head.lower_ not in lx.GENERIC_ARMED
            ):
                continue
            places = self.doc.places
            if any(p.start <= ent.start_char < p.end for p in places) and ent.label_ != "ORG":
                continue  # a toponym the place stage resolved
            if ent.label_ in ("GPE", "NORP"):
                ids = self.r._adjectives.get(text.lower())
                if ids and ent.label_ == "NORP" and root.tag_ != "NNPS":
                    continue  # a bare demonym ("Syrian") names no actor
                cands = self.r.registry.lookup(text, self.doc.published)
                if cands:
                    self._add(ent.start, ent.end, self.r.registry_entity(cands[0], self.focus), "alias")
                continue
            # ORG unknown to the registry: a new actor
            if len(text) < 2 or text.lower() in ("non-al",):
                continue
            start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
            text = self.sd[start : ent.end].text
            kind, inter = _guess_kind(text)
            self._add(start, ent.end, Entity(_slug(text), text, kind, inter, self.focus, None, False), "ner")

    def _anaphora(self) -> None:
        """Pronouns and definite group descriptions -> the nearest fitting named entity before them."""
        sd = self.sd
        named = sorted(
            (m for m in self.mentions if m.how != "generic" or m.actor_id.startswith("generic-")), key=lambda m: m.start
        )
        if not named:
            return
        char_to_mention = named
        new: list[tuple[int, int, str]] = []
        for tok in sd:
            if self.taken[tok.i]:
                continue
            low = tok.lower_
            is_pron = low in lx.PRONOUNS_PLURAL or low in lx.PRONOUNS_SINGULAR and tok.dep_ == "poss"
            is_desc = (
                tok.lemma_.lower() in lx.GROUP_ANAPHORS
                and tok.pos_ == "NOUN"
                and any(
                    c.lower_ in ("the", "these", "those") and (c.lower_ == "the") == (tok.tag_ == "NN")
                    for c in tok.children
                )
                and not any(c.dep_ in ("amod", "compound", "prep") for c in tok.children)
            )
            if not (is_pron or is_desc):
                continue
            if is_pron and low in ("they", "them", "their") and _generic_they(tok):
                continue
            target = self._antecedent(tok, char_to_mention, group_only=is_desc)
            if target is None:
                continue
            if is_desc:
                start = min(c.i for c in tok.children if c.lower_ in ("the", "these", "those"))
                new.append((start, tok.i + 1, target))
            else:
                new.append((tok.i, tok.i + 1, target))
        for s, e, aid in new:
            self._add(s, e, self.entities[aid], "coref")

    def _antecedent(self, tok: Any, mentions: list[Mention], group_only: bool = False) -> str | None:
        """The most recent actor mention before `tok` in this or the previous sentence, subjects first."""
        sent = tok.sent
        prev_start = sent.start_char
        if sent.start > 0:
            prev_start = self.sd[sent.start - 1].sent.start_char
        section = self.doc.section_at(tok.idx)
        best = None
        best_score = -1.0
        for m in mentions:
            if m.start >= tok.idx or m.start < prev_start:
                continue
            if section is not None and not (section.start <= m.start < section.end):
                continue
            e = self.entities[m.actor_id]
            if e.kind in ("civilians",) or group_only and e.kind in STATE_KINDS | {"foreign_agency"}:
                continue
            mt = self.sd.char_span(m.start, m.end, alignment_mode="expand")
            root = mt.root if mt is not None else None
            score = 1.0 + m.start / max(1, tok.idx)  # recency
            if root is not None and root.dep_ in ("nsubj", "nsubjpass"):
                score += 1.0
            if root is not None and root.dep_ == "compound" and root.head.dep_ in ("nsubj", "nsubjpass"):
                score += 1.0
            if score > best_score:
                best, best_score = m.actor_id, score
        return best

    def _cataphora(self) -> None:
        """'another faction of rebels' introduced before its name: link it to the next named group."""
        sd = self.sd
        for tok in sd:
            if self.taken[tok.i] or tok.lower_ not in lx.GROUP_ANAPHORS:
                continue
            det = [c for c in tok.children if c.lower_ in ("another", "a", "an", "one")]
            if not det:
                continue
            of = [c for c in tok.children if c.lower_ == "of"]
            if not of or not any(g.lower_ in lx.GENERIC_ARMED for g in of[0].children):
                continue
            sent = tok.sent
            limit = sd[min(len(sd) - 1, sent.end)].sent.end_char if sent.end < len(sd) else sent.end_char
            known_before = {m.actor_id for m in self.mentions if m.start < tok.idx}
            for m in sorted(self.mentions, key=lambda m: m.start):
                if m.start <= tok.idx or m.start >= limit:
                    continue
                e = self.entities[m.actor_id]
                if e.known and e.kind in ("rebel", "militia") and m.actor_id not in known_before:
                    end = max(g.i for g in of[0].children) + 1
                    self._add(det[0].i, end, e, "coref")
                    break


def _alias_is_lowercase(registry: Registry, text: str) -> bool:
    return not any(c.isupper() for c in text) and bool(registry.lookup(text))


def _left_edge_mods(tok: Any) -> int:
    """Start of a noun with its determiner and adjectives ("the local population")."""
    start = tok.i
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("det", "amod", "compound", "nummod", "quantmod", "advmod"):
            start = min(start, c.left_edge.i)
    return start


def _has_demonym(tok: Any, adjectives: dict[str, list[str]]) -> bool:
    return any(c.lower_ in adjectives and c.i < tok.i for c in tok.children)


def _generic_they(tok: Any) -> bool:
    """'they say', 'they call it': impersonal uses with no antecedent."""
    return tok.head.lemma_ in ("say", "call") and tok.dep_ == "nsubj" and tok.head.tag_ == "VBP"


def _guess_kind(name: str) -> tuple[str, int]:
    words = set(re.split(r"[\s\-]+", name.lower()))
    for cues, kind, inter in lx.KIND_HINTS:
        if words & set(cues):
            return kind, inter
    return "other", 8


def _iso2_to_3() -> dict[str, str]:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


_ISO2_TO_3 = _iso2_to_3()
