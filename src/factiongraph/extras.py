"""Optional features and the extras that install them: one clear error when a package is missing.

The run-time install stays lean (issue 16): graph files (networkx), HTML reading (trafilatura, htmldate,
lxml), DataFrames (pandas) and the rest come with `pip install 'factiongraph[EXTRA]'`. A feature asked
for without its extra raises `MissingExtra`, whose message names the command that installs it.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

__all__ = ["MissingExtra", "absent", "need"]


class MissingExtra(ImportError):
    """A feature whose optional packages are not installed; the message says which extra to install."""

    def __init__(self, feature: str, extra: str, packages: list[str]) -> None:
        self.feature, self.extra, self.packages = feature, extra, packages
        super().__init__(f"{feature} needs {', '.join(packages)} (not installed): "
                         f"pip install 'factiongraph[{extra}]'")


def absent(*modules: str) -> list[str]:
    """The modules of `modules` that cannot be imported here (found without importing them)."""
    out = []
    for m in modules:
        try:
            found = importlib.util.find_spec(m) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            out.append(m)
    return out


def need(module: str, extra: str, feature: str) -> ModuleType:
    """`module`, imported; `MissingExtra` naming `extra` when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(feature, extra, [module]) from None
