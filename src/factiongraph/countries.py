"""ISO 3166-1 countries: codes and English names from the bundled table `data/countries.yaml`.

The table is generated from pycountry at build time (`scripts/build_countries.py`), so the run time
carries four fields per country instead of pycountry's translations of every name.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from factiongraph.tables import package_tables

__all__ = ["Country", "all_countries", "lookup"]


@dataclass(frozen=True, slots=True)
class Country:
    """One ISO 3166-1 country."""

    alpha_2: str
    alpha_3: str
    numeric: str  # three digits, as ISO writes it ("004")
    name: str  # English; ISO's common name where it gives one ("Bolivia", "Iran")


@functools.cache
def all_countries() -> tuple[Country, ...]:
    """Every country of the bundled table, by alpha-2 code."""
    return tuple(Country(*row) for row in package_tables("countries")["countries"])


@functools.cache
def _index() -> dict[str, Country]:
    return {code: c for c in all_countries() for code in (c.alpha_2, c.alpha_3)}


def lookup(code: str | None) -> Country | None:
    """The country of an ISO 3166-1 alpha-2 or alpha-3 code (any case, surrounding spaces ignored)."""
    return _index().get((code or "").strip().upper()) if code else None
