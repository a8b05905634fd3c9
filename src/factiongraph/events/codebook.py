"""ACLED's codebook as data: event types, sub-types and their criteria, disorder types, actor and
interaction codes, civilian targeting and the names of unidentified participants.

One loader (`codebook()`) reads ``data/acled_codebook.yaml`` once; the helpers below answer the
questions exports ask of it. The typing rules themselves are in `factiongraph.events.acled`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "Codebook",
    "SubType",
    "civilian_targeting",
    "codebook",
    "disorder_type",
    "interaction",
    "unidentified_actor",
    "unnamed_participant",
]


@dataclass(frozen=True, slots=True)
class SubType:
    """One ACLED sub-event type and the codebook's criteria for it."""

    name: str
    event_type: str
    criteria: str
    actor1: str | None
    actor2: str | None
    violent: bool


@dataclass(frozen=True, slots=True)
class Codebook:
    """The parsed codebook (see the data file's header for its provenance)."""

    event_types: dict[str, tuple[SubType, ...]]
    disorder: dict[str, str]
    inter_codes: dict[int, str]
    civilian_label: str
    civilian_event_types: frozenset[str]
    civilian_inter: int
    unidentified: dict[int, str]
    unnamed: dict[str, dict[str, int]]

    def sub_type(self, name: str) -> SubType | None:
        """The sub-type spelled `name`, or None."""
        return next((s for subs in self.event_types.values() for s in subs if s.name == name), None)


def _parse(raw: dict[str, Any]) -> Codebook:
    types: dict[str, tuple[SubType, ...]] = {}
    disorder: dict[str, str] = {}
    for etype, body in raw["event_types"].items():
        disorder[etype] = body["disorder_type"]
        types[etype] = tuple(
            SubType(
                name=name,
                event_type=etype,
                criteria=spec["criteria"],
                actor1=spec.get("actor1"),
                actor2=spec.get("actor2"),
                violent=bool(spec.get("violence")),
            )
            for name, spec in body["sub_types"].items()
        )
    civ = raw["civilian_targeting"]
    return Codebook(
        event_types=types,
        disorder=disorder,
        inter_codes={int(k): str(v) for k, v in raw["inter_codes"].items()},
        civilian_label=civ["label"],
        civilian_event_types=frozenset(civ["event_types"]),
        civilian_inter=int(civ["target_inter"]),
        unidentified={int(k): str(v) for k, v in raw["unidentified_actors"].items()},
        unnamed={k: {r: int(c) for r, c in v.items()} for k, v in raw["unnamed_participants"].items()},
    )


@lru_cache(maxsize=1)
def codebook() -> Codebook:
    """The bundled codebook, read once."""
    text = resources.files("factiongraph.events.data").joinpath("acled_codebook.yaml").read_text(encoding="utf-8")
    return _parse(yaml.safe_load(text))


def disorder_type(event_type: str | None) -> str:
    """ACLED's disorder type for an event type ("" for none or an unknown type)."""
    return codebook().disorder.get(event_type or "", "")


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor codes joined, lower first (12, 27); a code alone
    when only one side is known (10 for state forces acting alone); None when neither is."""
    if inter1 and inter2:
        lo, hi = sorted((inter1, inter2))
        return lo * 10 + hi
    one = inter1 or inter2
    return one * 10 if one else None


def civilian_targeting(event_type: str | None, inter2: int | None, actor2_kind: str | None = None) -> str:
    """ACLED's civilian-targeting flag: its label when civilians are the target of political
    violence (an attack on civilians, a bomb or strike that hit them, a mob), else ""."""
    cb = codebook()
    if event_type not in cb.civilian_event_types:
        return ""
    if inter2 == cb.civilian_inter or actor2_kind == "civilians":
        return cb.civilian_label
    return ""


def unidentified_actor(inter: int, country: str | None) -> str:
    """The name ACLED gives a participant that reports leave unnamed ("Unidentified Armed Group
    (Nigeria)"); the country is left out when unknown."""
    template = codebook().unidentified.get(inter, "Unidentified Armed Group ({country})")
    if country:
        return template.format(country=country)
    return template.replace(" of {country}", "").replace(" ({country})", "")


def unnamed_participant(event_type: str | None, role: str, country: str | None) -> tuple[str, int] | None:
    """(name, inter code) ACLED gives the unnamed `role` ("actor1" or "actor2") of an event of
    `event_type`, or None where the codebook names nobody (the side stays empty)."""
    code = codebook().unnamed.get(event_type or "", {}).get(role)
    if code is None:
        return None
    return unidentified_actor(code, country), code
