"""The one loader for the project's word lists and tables kept as data (YAML).

A table file is a YAML mapping with a `source:` entry (where its words come from: a codebook, a
lexicon, a dictionary, the grammar of a construction, or project research) and the tables by name.
Lists live in data files, not in code, so that fixing a word is a data edit with its provenance beside
it, and a list used in two places is read from one file.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DATA = Path(__file__).resolve().parent / "data"


class TableError(ValueError):
    """A table file that is missing, unreadable, or has no `source:`."""


def load_tables(path: str | Path) -> dict[str, Any]:
    """The tables of one file, by name (without `source`). Raises TableError naming the file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise TableError(f"{path}: cannot read the table file: {e}") from e
    if not isinstance(data, dict):
        raise TableError(f"{path}: a table file is a mapping of table names to tables")
    if not isinstance(data.get("source"), str) or not data["source"].strip():
        raise TableError(f"{path}: no `source:` saying where the words come from")
    return {k: v for k, v in data.items() if k != "source"}


@functools.cache
def package_tables(name: str) -> dict[str, Any]:
    """The tables of the bundled file `factiongraph/data/<name>.yaml` (read once per process)."""
    return load_tables(PACKAGE_DATA / f"{name}.yaml")


def word_set(name: str, table: str) -> frozenset[str]:
    """One bundled word list as a set: `package_tables(name)[table]`, which must be a list of strings."""
    words = package_tables(name).get(table)
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise TableError(f"{PACKAGE_DATA / (name + '.yaml')}: `{table}` is not a list of words")
    return frozenset(words)
