"""The parsed Doc's tokens, entities and sentences, made once per Doc and shared by every stage.

spaCy builds a new `Token` object each time a Doc is iterated (and a new list of `Span`s each
time `doc.ents` or `doc.sents` is read); the stages after parsing walk the Doc some twenty times,
so making these once saved about a tenth of their CPU time. The Doc is never retokenized after
parsing, so what is kept stays true. `release` drops it when the stages are done with the Doc.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

_KEY = "factiongraph.tokens"


def _once(sd: Any, name: str, make: Callable[[], Iterable[Any]]) -> tuple[Any, ...]:
    """What `make` gives for this Doc, made on the first call and kept in its `user_data`."""
    kept: dict[str, tuple[Any, ...]] = sd.user_data.setdefault(_KEY, {})
    out = kept.get(name)
    if out is None:
        out = kept[name] = tuple(make())
    return out


# Each accessor below first reads its table straight from `user_data` and calls `_once` only on a
# miss: the stages read these tables some 3,500 times per report, and the call to `_once` with a
# new lambda cost three times the lookup itself.


def tokens(sd: Any) -> tuple[Any, ...]:
    """`tuple(sd)`, made once per Doc."""
    try:
        return sd.user_data[_KEY]["tokens"]
    except KeyError:
        return _once(sd, "tokens", lambda: sd)


def entities(sd: Any) -> tuple[Any, ...]:
    """`sd.ents`, made once per Doc."""
    try:
        return sd.user_data[_KEY]["ents"]
    except KeyError:
        return _once(sd, "ents", lambda: sd.ents)


def sentences(sd: Any) -> tuple[Any, ...]:
    """`tuple(sd.sents)`, made once per Doc."""
    try:
        return sd.user_data[_KEY]["sents"]
    except KeyError:
        return _once(sd, "sents", lambda: sd.sents)


def span_tokens(span: Any) -> tuple[Any, ...]:
    """`tuple(span)`, sliced from the kept `tokens` (iterating a Span makes a new Token object for each of
    its tokens; the stages walk the same sentences again and again)."""
    return tokens(span.doc)[span.start : span.end]


def sentence_of(tok: Any) -> Any:
    """`tok.sent`, one of the kept `sentences` (`Token.sent` makes two Spans and walks to the sentence's ends)."""
    sd = tok.doc
    try:
        kept = sd.user_data[_KEY]
        return kept["sents"][kept["sent_index"][tok.i]]
    except KeyError:
        sents = sentences(sd)
        index = _once(sd, "sent_index", lambda: (k for k, s in enumerate(sents) for _ in range(s.start, s.end)))
        return sents[index[tok.i]]


def heads(sd: Any) -> tuple[int, ...]:
    """Each token's head index (the root's is its own), made once per Doc: `heads(sd)[i]` where
    `sd[i].head.i` would make two Token objects."""
    try:
        return sd.user_data[_KEY]["heads"]
    except KeyError:
        rel = sd.to_array("HEAD").astype("int64").tolist()
        return _once(sd, "heads", lambda: (i + r for i, r in enumerate(rel)))


def deps(sd: Any) -> tuple[str, ...]:
    """Each token's `dep_`, made once per Doc."""
    try:
        return sd.user_data[_KEY]["deps"]
    except KeyError:
        return _once(sd, "deps", lambda: (t.dep_ for t in tokens(sd)))


def pos_tags(sd: Any) -> tuple[str, ...]:
    """Each token's `pos_` (coarse part of speech), made once per Doc."""
    try:
        return sd.user_data[_KEY]["pos"]
    except KeyError:
        return _once(sd, "pos", lambda: (t.pos_ for t in tokens(sd)))


def lowers(sd: Any) -> tuple[str, ...]:
    """Each token's `lower_`, made once per Doc."""
    try:
        return sd.user_data[_KEY]["lowers"]
    except KeyError:
        return _once(sd, "lowers", lambda: (t.lower_ for t in tokens(sd)))


def lemmas(sd: Any) -> tuple[str, ...]:
    """Each token's `lemma_.lower()`, made once per Doc."""
    try:
        return sd.user_data[_KEY]["lemmas"]
    except KeyError:
        return _once(sd, "lemmas", lambda: (t.lemma_.lower() for t in tokens(sd)))


def texts(sd: Any) -> tuple[str, ...]:
    """Each token's `text`, made once per Doc."""
    try:
        return sd.user_data[_KEY]["texts"]
    except KeyError:
        return _once(sd, "texts", lambda: (t.text for t in tokens(sd)))


def children(sd: Any) -> tuple[tuple[int, ...], ...]:
    """Each token's children (indices, in order), made once per Doc from `heads`."""
    try:
        return sd.user_data[_KEY]["children"]
    except KeyError:
        pass
    kids: list[list[int]] = [[] for _ in range(len(sd))]
    for i, h in enumerate(heads(sd)):
        if h != i:
            kids[h].append(i)
    return _once(sd, "children", lambda: (tuple(k) for k in kids))


def subtree(sd: Any, i: int) -> list[int]:
    """`[t.i for t in sd[i].subtree]`, in its order (left children's subtrees, the token, right
    children's), read from `children`."""
    kids = children(sd)
    out: list[int] = []

    def walk(j: int) -> None:
        for c in kids[j]:
            if c < j:
                walk(c)
        out.append(j)
        for c in kids[j]:
            if c > j:
                walk(c)

    walk(i)
    return out


def release(sd: Any) -> None:
    """Forgets what the stages kept on the Doc (it refers to the Doc: a reference cycle otherwise)."""
    for key in [k for k in sd.user_data if isinstance(k, str) and k.startswith("factiongraph")]:
        del sd.user_data[key]


_TEXT = "factiongraph.text"


def doc_text(sd: Any) -> str:
    """`sd.text`, kept once per Doc (`Doc.text` joins every token's text at each call)."""
    text = sd.user_data.get(_TEXT)
    if text is None:
        text = sd.user_data[_TEXT] = sd.text
    return str(text)


def text_of(span: Any) -> str:
    """`span.text`, sliced from the Doc's kept text (`Span.text` joins its tokens' texts, making a Token
    object for each)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


_SPANS = "factiongraph.spans"


def span_at(sd: Any, start: int, end: int) -> Any:
    """`sd.char_span(start, end, alignment_mode="expand")`, kept per Doc: the stages look the same
    actor mentions up hundreds of times per report."""
    kept: dict[tuple[int, int], Any] = sd.user_data.setdefault(_SPANS, {})
    key = (start, end)
    if key not in kept:
        kept[key] = sd.char_span(start, end, alignment_mode="expand")
    return kept[key]


def quoted(tok: Any) -> bool:
    """Whether `tok` stands inside a quotation opened earlier in its paragraph (curly or straight quotes;
    a quotation may run over several sentences)."""
    return quote_start(tok) is not None


def quote_start(tok: Any) -> int | None:
    """The character offset where the quotation `tok` stands in opens, or None outside quotations."""
    text = doc_text(tok.doc)
    para = text.rfind("\n", 0, tok.idx) + 1
    before = text[para : tok.idx]
    if before.count("\u201c") > before.count("\u201d"):
        return para + before.rfind("\u201c")
    if before.count('"') % 2 == 1:
        return para + before.rfind('"')
    return None
