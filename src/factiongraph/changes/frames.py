"""The one loader of `data/frames.yaml`: change constructions as DependencyMatcher patterns,
role slots and the relation rows each construction states.

Validated on load so that a typo in the data file fails with a message naming the frame,
not with a traceback deep inside spaCy.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

DATA_PACKAGE = "factiongraph.changes.data"
FRAMES_FILE = "frames.yaml"

CHANGES = frozenset({"formed", "broken", "joined", "left", "merged"})
TYPES = frozenset({"alliance", "hostility", "support", "affiliation"})
SIMPLE_SLOTS = frozenset(
    {
        "subject",
        "passive_subject",
        "agent",
        "object",
        "object_head",
        "poss",
        "governor_subject",
        "member_of_mover",
        "parent_in_sentence",
        "client_in_sentence",
        "xcomp_object",
        "together_with",
        "pact_party",
    }
)
PREFIXED_SLOTS = ("prep:", "head_prep:", "object_of:", "named:", "head_of:")


class FramesError(ValueError):
    """The change-frame data file is malformed; the message names the frame and field."""


@dataclass(frozen=True)
class RowSpec:
    """One relation a construction states: candidate types, the roles at each end, the change."""

    types: tuple[str, ...]
    source: str
    target: str
    change: str


@dataclass(frozen=True)
class Frame:
    """A change construction: how to find it, who plays which role, what rows it yields."""

    id: str
    patterns: tuple[tuple[dict[str, Any], ...], ...]
    roles: dict[str, tuple[str, ...]]
    rows: tuple[RowSpec, ...]
    pairwise: frozenset[str]
    kinds: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    not_kinds: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    exclusive: bool = False  # a trigger this frame matched is read by no later frame
    several: frozenset[str] = frozenset()  # roles that must name two actors or more, else none
    needs: frozenset[str] = frozenset()  # roles that must name an actor, else the frame states nothing

    def node_names(self, pattern_index: int) -> tuple[str, ...]:
        """The RIGHT_IDs of one pattern, in the order DependencyMatcher reports their tokens."""
        return tuple(str(n["RIGHT_ID"]) for n in self.patterns[pattern_index])


@dataclass(frozen=True)
class Frames:
    """All frames plus the word classes the extractor needs (partial-group heads, plural heads)."""

    frames: tuple[Frame, ...]
    partial_heads: frozenset[str]
    of_heads: frozenset[str] = frozenset()
    form_verbs: frozenset[str] = frozenset()
    state_heads: frozenset[str] = frozenset()
    group_heads: frozenset[str] = frozenset()
    any_heads: frozenset[str] = frozenset()

    @property
    def plural_heads(self) -> frozenset[str]:
        """Nouns whose definite plural refers back to listed actors (states, groups or either)."""
        return self.state_heads | self.group_heads | self.any_heads

    def by_id(self, frame_id: str) -> Frame:
        for f in self.frames:
            if f.id == frame_id:
                return f
        raise KeyError(frame_id)


def _check_slot(frame_id: str, slot: str) -> str:
    if slot in SIMPLE_SLOTS or any(slot.startswith(p) and len(slot) > len(p) for p in PREFIXED_SLOTS):
        return slot
    raise FramesError(f"frame {frame_id!r}: unknown slot {slot!r}")


def _leaves(x: Any) -> Iterator[Any]:
    """Every scalar inside a pattern (keys and values), to catch YAML reading 'on' as a boolean."""
    if isinstance(x, dict):
        for k, v in x.items():
            yield k
            yield from _leaves(v)
    elif isinstance(x, (list, tuple)):
        for v in x:
            yield from _leaves(v)
    else:
        yield x


def _patterns(frame_id: str, match: Any) -> tuple[tuple[dict[str, Any], ...], ...]:
    if not isinstance(match, list) or not match:
        raise FramesError(f"frame {frame_id!r}: 'match' must be a non-empty list")
    groups = match if isinstance(match[0], list) else [match]
    out = []
    for g in groups:
        if not all(isinstance(n, dict) and "RIGHT_ID" in n and "RIGHT_ATTRS" in n for n in g):
            raise FramesError(f"frame {frame_id!r}: each pattern node needs RIGHT_ID and RIGHT_ATTRS")
        if any(isinstance(v, bool) for v in _leaves(g)):
            raise FramesError(f"frame {frame_id!r}: a pattern value read as true/false: quote words like 'on', 'off'")
        if g[0]["RIGHT_ID"] != "trigger":
            raise FramesError(f"frame {frame_id!r}: the first pattern node must be named 'trigger'")
        out.append(tuple(g))
    return tuple(out)


def _kind_map(frame_id: str, raw: Any, roles: dict[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    if not raw:
        return {}
    if not isinstance(raw, dict) or not set(raw) <= set(roles):
        raise FramesError(f"frame {frame_id!r}: kinds must map roles to lists of actor kinds")
    return {str(k): frozenset(str(x) for x in v) for k, v in raw.items()}


def parse_frames(data: Any) -> Frames:
    """Frames from the parsed YAML document (raises `FramesError` on malformed data)."""
    if not isinstance(data, dict) or not isinstance(data.get("frames"), list):
        raise FramesError("the frames file needs a top-level 'frames' list")
    frames = []
    seen: set[str] = set()
    for raw in data["frames"]:
        fid = str(raw.get("id", ""))
        if not fid or fid in seen:
            raise FramesError(f"frame ids must be present and unique: {fid!r}")
        seen.add(fid)
        roles_raw = raw.get("roles") or {}
        roles = {str(k): tuple(_check_slot(fid, str(s)) for s in v) for k, v in roles_raw.items()}
        rows = []
        for r in raw.get("rows") or []:
            types = tuple(str(t) for t in r.get("type", []))
            if not types or not set(types) <= TYPES:
                raise FramesError(f"frame {fid!r}: bad row type {types!r}")
            if r.get("change") not in CHANGES:
                raise FramesError(f"frame {fid!r}: bad change {r.get('change')!r}")
            for end in ("source", "target"):
                if r.get(end) not in roles:
                    raise FramesError(f"frame {fid!r}: row {end} {r.get(end)!r} is not a role")
            rows.append(RowSpec(types, str(r["source"]), str(r["target"]), str(r["change"])))
        exclusive = bool(raw.get("exclusive", False))
        if not rows and not exclusive:
            raise FramesError(f"frame {fid!r}: no rows")  # only an exclusive frame may state nothing
        pairwise = frozenset(str(p) for p in raw.get("pairwise") or [])
        if not pairwise <= set(roles):
            raise FramesError(f"frame {fid!r}: pairwise names an unknown role")
        several = frozenset(str(p) for p in raw.get("several") or [])
        if not several <= set(roles):
            raise FramesError(f"frame {fid!r}: several names an unknown role")
        needs = frozenset(str(p) for p in raw.get("needs") or [])
        if not needs <= set(roles):
            raise FramesError(f"frame {fid!r}: needs names an unknown role")
        kinds = _kind_map(fid, raw.get("kinds"), roles)
        not_kinds = _kind_map(fid, raw.get("not_kinds"), roles)
        frames.append(Frame(fid, _patterns(fid, raw.get("match")), roles, tuple(rows), pairwise, kinds, not_kinds,
                            exclusive=exclusive, several=several, needs=needs))
    return Frames(
        tuple(frames),
        frozenset(str(w) for w in data.get("partial_heads") or []),
        frozenset(str(w) for w in data.get("of_heads") or []),
        frozenset(str(w) for w in data.get("form_verbs") or []),
        *(
            frozenset(str(w) for w in (data.get("plural_heads") or {}).get(k) or [])
            for k in ("states", "groups", "any")
        ),
    )


@lru_cache(maxsize=1)
def load_frames() -> Frames:
    """The bundled frames (read once per process)."""
    text = resources.files(DATA_PACKAGE).joinpath(FRAMES_FILE).read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        raise FramesError(f"{FRAMES_FILE}: {e}") from e
    return parse_frames(data)
