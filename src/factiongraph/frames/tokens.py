"""The parsed Doc's tokens, entities and sentences, made once per Doc and shared by every stage.

spaCy builds a new `Token` object each time a Doc is iterated (and a new list of `Span`s each
time `doc.ents` or `doc.sents` is read); the stages after parsing walk the Doc some twenty times,
so making these once saved about a tenth of their CPU time. The Doc is never retokenized after
parsing, so what is kept stays true. `release` drops it when the stages are done with the Doc.
"""

from __future__ import annotations

from typing import Any

_KEY = "factiongraph.tokens"


def _kept(sd: Any) -> dict[str, tuple[Any, ...]]:
    kept: dict[str, tuple[Any, ...]] | None = sd.user_data.get(_KEY)
    if kept is None:
        kept = sd.user_data[_KEY] = {}
    return kept


def tokens(sd: Any) -> tuple[Any, ...]:
    """`tuple(sd)`, made once per Doc."""
    kept = _kept(sd)
    out = kept.get("tokens")
    if out is None:
        out = kept["tokens"] = tuple(sd)
    return out


def entities(sd: Any) -> tuple[Any, ...]:
    """`sd.ents`, made once per Doc."""
    kept = _kept(sd)
    out = kept.get("ents")
    if out is None:
        out = kept["ents"] = tuple(sd.ents)
    return out


def sentences(sd: Any) -> tuple[Any, ...]:
    """`tuple(sd.sents)`, made once per Doc."""
    kept = _kept(sd)
    out = kept.get("sents")
    if out is None:
        out = kept["sents"] = tuple(sd.sents)
    return out


def release(sd: Any) -> None:
    """Forgets what the stages kept on the Doc (it refers to the Doc: a reference cycle otherwise)."""
    for key in [k for k in sd.user_data if isinstance(k, str) and k.startswith("factiongraph")]:
        del sd.user_data[key]
