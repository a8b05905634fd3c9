"""Readers: files, folders and standard input to `Document`s (see `read_paths`).

Web pages need the `html` extra; `extract_html` is imported from `factiongraph.read.html` on first use.
"""

from typing import Any

from factiongraph.read.core import STDIN_ID, SUPPORTED_EXTENSIONS, read_bytes, read_paths, sniff
from factiongraph.read.decode import decode_bytes

__all__ = [
    "STDIN_ID", "SUPPORTED_EXTENSIONS", "decode_bytes", "extract_html", "read_bytes", "read_paths", "sniff",
]


def __getattr__(name: str) -> Any:
    if name == "extract_html":  # lxml and trafilatura: the html extra
        from factiongraph.read.html import extract_html

        return extract_html
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
