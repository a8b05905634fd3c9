"""The conventions of the export formats, as data: ACLED regions and source scales, PLOVER sectors,
country codes and location resolution (`export/data/*.yaml`, each with its provenance).

One loader (`data(name)`) reads a file once; the helpers answer what the writers ask of them.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import yaml
from anyascii import anyascii

from factiongraph.countries import lookup as lookup_country

__all__ = [
    "acled_region", "ascii_name", "country", "data", "outlet", "plover_resolution", "plover_sector",
    "report_title", "source_scale",
]  # fmt: skip


@cache
def data(name: str) -> dict[str, Any]:
    """The bundled data file `name`.yaml, read once."""
    text = resources.files("factiongraph.export.data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    return {iso3: region for region, codes in data("acled_regions")["regions"].items() for iso3 in codes}


def acled_region(iso3: str | None) -> str:
    """ACLED's region of a country (ISO 3166-1 alpha-3), "" when unknown."""
    return _regions().get((iso3 or "").upper(), "")


_MARKS = re.compile("[`\u02bb\u02bc\u2018\u2019\u02be\u02bf]")


def ascii_name(name: str | None) -> str:
    """A place name in ASCII, as ACLED writes them: transliterated, without the ayn/hamza marks
    of romanised Arabic ("Şanʻā’" -> "Sana", "Jarābulus" -> "Jarabulus"); ASCII apostrophes stay."""
    if not name:
        return ""
    return " ".join(anyascii(_MARKS.sub("", name)).split())


@lru_cache(maxsize=512)
def country(code: str | None) -> tuple[str, str, str]:
    """(alpha-3, numeric, English name in ASCII as ACLED writes it) of an ISO 3166-1 alpha-2 or
    alpha-3 code; empty strings for an unknown code."""
    if not code:
        return "", "", ""
    c = code.strip().upper()
    table = data("acled_regions")
    names: dict[str, str] = table["country_names"]
    extra: dict[str, str] = table["user_assigned"]
    if c in extra or c in extra.values():
        iso3 = extra.get(c, c)
        return iso3, "", names.get(iso3, iso3)
    found = lookup_country(c)
    if found is None:
        return "", "", ""
    name = names.get(found.alpha_3) or found.name
    return found.alpha_3, str(int(found.numeric)), ascii_name(name)


def outlet(url: str | None) -> str:
    """The outlet of a report: its URL's host without "www." ("" without a URL)."""
    if not url:
        return ""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def report_title(title: str | None, head: str | None) -> str:
    """A report's title, else its first line (a plain-text report's headline), at most 160 characters."""
    text = (title or "").strip() or next((ln.strip() for ln in (head or "").splitlines() if ln.strip()), "")
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157].rstrip() + "..."


def source_scale(urls: list[str | None]) -> str:
    """ACLED's source scale of the reports at `urls`: each outlet's scale, narrower first, joined
    by hyphens ("National-International"); "Other" for an outlet the bundled list lacks."""
    table = data("acled_source_scale")
    outlets: dict[str, str] = table["outlets"]
    scales = set()
    for url in urls:
        host = outlet(url)
        found = next((s for o, s in outlets.items() if host == o or host.endswith("." + o)), None)
        scales.add(found or table["unknown"])
    order: list[str] = table["order"]
    return "-".join(sorted(scales, key=order.index))


def plover_sector(kind: str | None, mention: str | None, plover: str, known: bool = True) -> str:
    """The PLOVER manual's sector code of an actor of `kind` named by `mention` in a `plover` event;
    the manual's code for an unnamed actor when `known` is false."""
    table = data("plover")
    force = plover in table["force_events"]
    if not known:
        return str(table["unknown"]["force" if force else "other"])
    if kind in ("state", "foreign_state"):
        text = f" {' '.join(re.findall(r'[a-z]+', (mention or '').lower()))} "
        for sector, words in table["state_sectors"].items():
            if any(f" {w} " in text for w in words):
                return str(sector)
        return str(table["state_default"]["force" if force else "other"])
    return str(table["sector_by_kind"].get(kind or "", table["sector_by_kind"]["other"]))


def plover_resolution(feature: str | None, precision: int | None) -> int | None:
    """The manual's resolution of a place (5 sub-city .. 1 country), from its GeoNames feature code,
    else from the geocoder's precision; None when neither is known."""
    table = data("plover")
    if feature:
        code = feature.split(".")[-1].upper()
        if code in table["resolution_by_feature"]:
            return int(table["resolution_by_feature"][code])
        by_class = table["resolution_by_feature_class"]
        if code.startswith("PPL"):
            return int(by_class["P"])
        if code.startswith("ADM"):
            return int(by_class["A"])
    if precision is not None:
        value = table["resolution_by_precision"].get(int(precision))
        return int(value) if value is not None else None
    return None
