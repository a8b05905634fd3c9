"""factiongraph: who fought whom, who backs whom, where and when - from conflict reporting.

    from factiongraph import Pipeline, extract, to_contract

`extract(text, pipeline=...)` returns a `Document` whose actors, events, relations and places
are spans into its text; `to_contract` turns it into the output-contract dict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "Pipeline", "extract", "extract_paths", "to_contract", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
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
    if name == "Document":
        from factiongraph.document import Document

        return Document
    raise AttributeError(name)
