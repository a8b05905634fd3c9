"""Readers: files, folders and standard input to `Document`s (see `read_paths`)."""

from factiongraph.read.core import STDIN_ID, SUPPORTED_EXTENSIONS, read_bytes, read_paths, sniff
from factiongraph.read.decode import decode_bytes
from factiongraph.read.html import extract_html

__all__ = [
    "STDIN_ID", "SUPPORTED_EXTENSIONS", "decode_bytes", "extract_html", "read_bytes", "read_paths", "sniff",
]
