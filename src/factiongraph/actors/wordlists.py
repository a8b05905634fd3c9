"""The actor stage's word lists (YAML files in `factiongraph/actors/words/`), read with `factiongraph.tables`.

Each file maps list names to lists of words and says under `source:` where the words come from; the
project's one table loader reads it (and refuses a file without a source), this module lowercases them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from factiongraph.tables import TableError, load_tables

WORDS_DIR = Path(__file__).resolve().parent / "words"


class WordListError(ValueError):
    """A word-list file that is missing, malformed or lacks the list asked for."""


@cache
def _file(name: str) -> dict[str, frozenset[str]]:
    try:
        data = load_tables(WORDS_DIR / f"{name}.yaml")
    except TableError as e:
        raise WordListError(f"word list file '{name}.yaml': {e}") from e
    if not all(isinstance(v, list) for v in data.values()):
        raise WordListError(f"word list file '{name}.yaml' must map names to lists of words")
    return {str(k): frozenset(str(w).lower() for w in v) for k, v in data.items()}


def words(file: str, key: str) -> frozenset[str]:
    """The list `key` of the word-list file `file` (without extension), lowercased."""
    lists = _file(file)
    if key not in lists:
        raise WordListError(f"word list file '{file}.yaml' has no list '{key}'")
    return lists[key]
