"""The one loader of the actor stage's word lists (YAML files in `factiongraph/actors/words/`).

Each file maps list names to lists of lowercase words and records where the words come from.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


class WordListError(ValueError):
    """A word-list file that is missing, malformed or lacks the list asked for."""


@cache
def _file(name: str) -> dict[str, frozenset[str]]:
    item = resources.files("factiongraph.actors") / "words" / f"{name}.yaml"
    try:
        data = yaml.safe_load(item.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise WordListError(f"word list file '{name}.yaml': {e}") from e
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise WordListError(f"word list file '{name}.yaml' must map names to lists of words")
    return {str(k): frozenset(str(w).lower() for w in v) for k, v in data.items()}


def words(file: str, key: str) -> frozenset[str]:
    """The list `key` of the word-list file `file` (without extension), lowercased."""
    lists = _file(file)
    if key not in lists:
        raise WordListError(f"word list file '{file}.yaml' has no list '{key}'")
    return lists[key]
