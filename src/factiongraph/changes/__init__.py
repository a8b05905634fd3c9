"""Change statements: ties that the text says began, ended or moved (defections, splits, mergers,
new alliances, a patron starting or stopping support), as relations with a `change`."""

from factiongraph.changes.extract import extract_changes, find_changes, merge_changes
from factiongraph.changes.frames import Frames, FramesError, load_frames

__all__ = ["Frames", "FramesError", "extract_changes", "find_changes", "load_frames", "merge_changes"]
