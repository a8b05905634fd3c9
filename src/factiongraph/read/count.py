"""A cheap count of the documents a set of inputs holds, for progress bars."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def _lines(path: Path) -> int:
    n = 0
    try:
        if not path.is_file():  # a FIFO or device: never opened (it would block), one error document
            return 1
        with open(path, "rb") as f:
            for line in f:
                n += bool(line.strip())
    except OSError:
        return 1
    return max(n, 1)


def count_documents(paths: Sequence[str]) -> int | None:
    """How many documents `read_paths` will yield, or None when unknown (stdin)."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                        continue
                    f = Path(root) / name
                    total += _lines(f) if name.lower().endswith(".jsonl") else 1
        elif path.suffix.lower() == ".jsonl" and path.is_file() and path.stat().st_size < 500_000_000:
            total += _lines(path)
        else:
            total += 1
    return total
