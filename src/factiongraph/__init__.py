"""factiongraph: who fought whom, who backs whom, where and when - from conflict reporting.

    from factiongraph import Pipeline, extract, to_contract

`extract(text, pipeline=...)` returns a `Document` whose actors, events, relations and places
are spans into its text; `to_contract` turns it into the output-contract dict.
`factiongraph.open(db)` opens a store for analysis (`factiongraph.api`): events, relations,
actors and changes as pandas DataFrames, the graph at a date as a networkx graph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
# `factiongraph.open` is public too, but kept out of `__all__`: a star import must not hide the builtin open
__all__ = ["Analysis", "Document", "Pipeline", "extract", "extract_paths", "to_contract", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from factiongraph.api import Analysis
    from factiongraph.api import open as open  # re-exported: factiongraph.open(db)
    from factiongraph.contract import to_contract
    from factiongraph.document import Document
    from factiongraph.pipeline import Pipeline, extract, extract_paths


def __getattr__(name: str) -> Any:
    """Imports the public API lazily, so `import factiongraph` stays cheap."""
    if name in ("Pipeline", "extract", "extract_paths"):
        from factiongraph import pipeline

        return getattr(pipeline, name)
    if name == "to_contract":
        from factiongraph.contract import to_contract

        return to_contract
    if name in ("open", "Analysis"):
        from factiongraph import api

        return getattr(api, name)
    if name == "Document":
        from factiongraph.document import Document

        return Document
    raise AttributeError(name)
