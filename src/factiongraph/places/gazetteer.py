"""The bundled GeoNames gazetteer: names to candidate places.

The index is compiled once by `scripts/build_gazetteer.py` into
`data/gazetteer.tsv.gz`; `Gazetteer.load()` reads it (no network).
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from pathlib import Path

from factiongraph.places.normalize import normalize, strip_article

DEFAULT_PATH = Path(__file__).parent / "data" / "gazetteer.tsv.gz"

COUNTRY_FEATURES = frozenset({"PCLI"})
REGION_FEATURES = frozenset({"PCLI", "ADM1", "ADM2", "CONT", "RGN"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    population: int

    @property
    def is_country(self) -> bool:
        return self.feature in COUNTRY_FEATURES

    @property
    def is_town(self) -> bool:
        return self.feature.startswith("PPL")

    @property
    def prior(self) -> float:
        """How likely this entry is meant, before context: size and kind."""
        p = math.log10(self.population + 10)
        if self.feature == "PCLI":
            p += 6.0
        elif self.feature in ("CONT", "RGN"):
            p += 5.0
        elif self.feature == "ADM1" or self.feature == "PPLC":
            p += 2.0
        elif self.feature == "ADM2":
            p += 1.0
        return p


LOOKUP_CACHE_SIZE = 100_000  # names kept resolved; a long batch run must not grow without bound


class Gazetteer:
    """Name -> candidate places. Build with `Gazetteer.load()`."""

    def __init__(self, rows: list[str], index: dict[str, int | list[int]], admin1: list[str]) -> None:
        self._rows = rows
        self._index = index
        self._admin1 = admin1
        self._cache: dict[int, Candidate] = {}
        self._lookup_cache: dict[str, list[Candidate]] = {}
        # names whose final period belongs to them ("Ark.", "Sask.", "B.C.")
        self.abbreviations: frozenset[str] = frozenset()
        self.abbreviation_words: frozenset[str] = frozenset()  # their last words ("Va." of "W. Va.")
        self._demonyms: dict[str, int] = {}  # "turkish", "syrians" -> the country's entry
        self.demonym_tokens = 0  # the most words a demonym has ("papua new guinean": 3)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Reads a compiled index (the bundled one by default)."""
        with gzip.open(path or DEFAULT_PATH, "rt", encoding="utf-8") as f:
            head = f.readline()
            line = f.readline()
            abbrevs: list[str] = []
            if line.startswith("#abbrev"):
                abbrevs = line.rstrip("\n").split("\t")[1:]
                line = f.readline()
            demonyms: dict[str, int] = {}
            if line.startswith("#demonym"):
                for pair in line.rstrip("\n").split("\t")[1:]:
                    key, _, i = pair.partition("=")
                    demonyms[key] = int(i)
                line = f.readline()
            index = json.loads(line)
            rows = f.read().rstrip("\n").split("\n")
        admin1 = head.rstrip("\n").split("\t")[1:]
        gaz = cls(rows, index, admin1)
        gaz.abbreviations = frozenset(abbrevs)
        gaz.abbreviation_words = frozenset(a.split()[-1] for a in abbrevs)
        gaz._demonyms = demonyms
        gaz.demonym_tokens = max((k.count(" ") + 1 for k in demonyms), default=0)
        return gaz

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def has_key(self, key: str) -> bool:
        """Whether a normalized key names something (no article stripping)."""
        return key in self._index

    def _candidate(self, i: int) -> Candidate:
        c = self._cache.get(i)
        if c is None:
            r = self._rows[i].split("\t")
            c = Candidate(
                geonameid=int(r[0]) or None, name=r[1], lat=float(r[2]), lon=float(r[3]),
                country=r[4] or None, admin1=self._admin1[int(r[5])] if r[5] else None,
                feature=r[6], population=int(r[7]),
            )
            self._cache[i] = c
        return c

    def lookup_key(self, key: str) -> list[Candidate]:
        """Candidates of a normalized key, most likely first."""
        found = self._lookup_cache.get(key)
        if found is not None:
            return found
        ids = self._index.get(key)
        if ids is None:
            bare = strip_article(key)
            ids = self._index.get(bare) if bare else None
        if ids is None:
            found = []
        elif isinstance(ids, int):
            found = [self._candidate(ids)]
        else:
            found = sorted((self._candidate(i) for i in ids), key=lambda c: -c.prior)
        if found:  # misses are cheap and unbounded in number: only hits are kept, and not forever
            if len(self._lookup_cache) >= LOOKUP_CACHE_SIZE:
                self._lookup_cache.clear()
            self._lookup_cache[key] = found
        return found

    def demonym(self, key: str) -> Candidate | None:
        """The country of a normalized demonym or nationality noun ("turkish", "syrians"), else None."""
        i = self._demonyms.get(key)
        return self._candidate(i) if i is not None else None

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates for a place name in any common spelling, most likely first."""
        return self.lookup_key(normalize(name))
