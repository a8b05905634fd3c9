"""The actor registry: armed and political actors with dated names, kinds and ties.

The registry is data (YAML files in `factiongraph/actors/data/` plus any files a
user adds), loaded once and passed to the pipeline. Each file holds

    actors:
      - id: jabhat-al-nusra            # stable, lowercase, hyphenated
        name: Jabhat al-Nusra
        kind: rebel                    # an actor kind of the output contract
        acled_inter: 2
        country: SYR                   # ISO 3166-1 alpha-3
        conflicts: [syria]
        aliases: [Nusra Front, {name: JFS, from: 2016-07-28, to: 2017-01-28}]
        adjectives: [Nusra-led]        # modifiers that name the actor ("Turkish" for Turkey)
        active: {from: 2012-01-23, to: 2016-07-28}
        predecessors: [{id: ..., date: 2016-07-28, how: rename}]   # rename | merger | split
        affiliations: [{target: al-qaeda, type: affiliation, from: 2013-04-10, to: 2016-07-28}]
        sources: ["..."]

A malformed file raises `RegistryError` naming the file, line and field.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, get_args

import yaml
from yaml.constructor import SafeConstructor

from factiongraph.document import ActorKind, RelationType

KINDS = frozenset(get_args(ActorKind))  # an entry is one of the data model's actor kinds
RELATION_TYPES = frozenset(get_args(RelationType))  # a tie has one of the data model's relation kinds
SUCCESSION = frozenset({"rename", "merger", "split"})


class RegistryError(ValueError):
    """A registry file that cannot be used, with where the problem is."""

    def __init__(self, path: str, line: int | None, field_name: str, message: str) -> None:
        self.path, self.line, self.field = path, line, field_name
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: field '{field_name}': {message}")


@dataclass(frozen=True, slots=True)
class Alias:
    """A name of an actor, valid between two dates when the name was only used then."""

    name: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True, slots=True)
class Tie:
    """A dated relation from this actor to another registry actor."""

    target: str
    type: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Succession:
    """This actor continues `id` from `date` (a rename, a merger or a split)."""

    id: str
    date: dt.date | None
    how: str


@dataclass(frozen=True, slots=True)
class RegistryActor:
    """One registry entry."""

    id: str
    name: str
    kind: str
    acled_inter: int | None
    country: str | None
    conflicts: tuple[str, ...] = ()
    aliases: tuple[Alias, ...] = ()
    adjectives: tuple[str, ...] = ()
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    predecessors: tuple[Succession, ...] = ()
    affiliations: tuple[Tie, ...] = ()
    sources: tuple[str, ...] = ()
    origin: str = ""  # the file it came from

    def active_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.active_from is None or day >= self.active_from) and (
            self.active_to is None or day <= self.active_to)

    def names(self) -> Iterator[Alias]:
        yield Alias(self.name, self.active_from, self.active_to)
        yield from self.aliases

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the entry (for `factiongraph actors`)."""

        def d(x: dt.date | None) -> str | None:
            return x.isoformat() if x else None

        return {
            "id": self.id, "name": self.name, "kind": self.kind, "acled_inter": self.acled_inter,
            "country": self.country, "conflicts": list(self.conflicts),
            "aliases": [{"name": a.name, "from": d(a.valid_from), "to": d(a.valid_to)} for a in self.aliases],
            "adjectives": list(self.adjectives),
            "active": {"from": d(self.active_from), "to": d(self.active_to)},
            "predecessors": [{"id": s.id, "date": d(s.date), "how": s.how} for s in self.predecessors],
            "affiliations": [{"target": t.target, "type": t.type, "from": d(t.valid_from), "to": d(t.valid_to)}
                             for t in self.affiliations],
            "sources": list(self.sources), "origin": self.origin,
        }


_HYPHENS = re.compile(r"[\u2010-\u2015-]")
_DROPPED = re.compile(r"[.\"\u201c\u201d()]")
_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """Folds a name for lookup: no diacritics or case, one kind of apostrophe and hyphen.

    Kept per name (the resolver folds the same few hundred names of a report again and again)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").replace("\u02bf", "'")
    s = _HYPHENS.sub(" ", s)
    s = _DROPPED.sub("", s)
    s = _THE.sub("", s)
    return _SPACES.sub(" ", s).strip()


@dataclass
class Registry:
    """All registry actors by id, with a name index for lookup."""

    actors: dict[str, RegistryActor] = field(default_factory=dict)
    _index: dict[str, list[tuple[str, Alias]]] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[RegistryActor]:
        return iter(self.actors.values())

    def get(self, actor_id: str) -> RegistryActor | None:
        return self.actors.get(actor_id)

    def add(self, actor: RegistryActor) -> None:
        """Adds or replaces an entry (a user's file may override a bundled one)."""
        if actor.id in self.actors:
            self._unindex(actor.id)
        self.actors[actor.id] = actor
        for alias in actor.names():
            key = normalize_name(alias.name)
            if key:
                self._index.setdefault(key, []).append((actor.id, alias))

    def _unindex(self, actor_id: str) -> None:
        for key in list(self._index):
            self._index[key] = [(i, a) for i, a in self._index[key] if i != actor_id]
            if not self._index[key]:
                del self._index[key]

    def names(self) -> Iterator[tuple[str, str]]:
        """Every (normalized name, actor id) pair, for building matchers."""
        for key, entries in self._index.items():
            for actor_id, _ in entries:
                yield key, actor_id

    def lookup(self, name: str, on: dt.date | None = None) -> list[RegistryActor]:
        """Actors a name may denote on a date, best first.

        Aliases valid on the date come before undated ones, which come before
        aliases valid at another time (still returned: texts use old names). With no date, a
        name still in use comes before one whose use has ended.
        """
        entries = self._index.get(normalize_name(name), [])
        scored = []
        for actor_id, alias in entries:
            actor = self.actors[actor_id]
            dated = alias.valid_from is not None or alias.valid_to is not None
            if on is None:
                # no date: the name's plain (undated) owner first, then one whose use of it has not
                # ended ("Islamic State West Africa Province" since 2016), then a past owner's
                rank = 0 if not dated else (1 if alias.valid_to is None else 2)
            elif alias.valid_on(on) and actor.active_on(on):
                rank = 0 if dated else 1
            else:
                rank = 2
            scored.append((rank, actor_id))
        seen: set[str] = set()
        out = []
        for _, actor_id in sorted(scored):
            if actor_id not in seen:
                seen.add(actor_id)
                out.append(self.actors[actor_id])
        return out

    def named_on(self, actor_id: str, name: str, on: dt.date | None) -> bool:
        """Whether `name` is a name of the actor on the date (an alias of a state's leader is one
        only during the leader's time in office)."""
        return any(i == actor_id and alias.valid_on(on) for i, alias in self._index.get(normalize_name(name), []))

    def search(self, query: str, limit: int = 20) -> list[RegistryActor]:
        """Actors whose id, name or an alias contains the query (case- and accent-insensitive)."""
        q = normalize_name(query)
        hits = []
        for actor in self.actors.values():
            names = [normalize_name(a.name) for a in actor.names()] + [actor.id]
            if any(q in n for n in names):
                exact = any(q == n for n in names)
                hits.append((0 if exact else 1, actor.name.lower(), actor))
        return [h[2] for h in sorted(hits, key=lambda h: (h[0], h[1]))[:limit]]

    def lineage(self, actor_id: str) -> list[RegistryActor]:
        """The actor and every predecessor and successor, oldest first where dates say."""
        seen: set[str] = set()
        todo = [actor_id]
        while todo:
            cur = todo.pop()
            if cur in seen or cur not in self.actors:
                continue
            seen.add(cur)
            todo.extend(s.id for s in self.actors[cur].predecessors)
            todo.extend(a.id for a in self.actors.values() if any(s.id == cur for s in a.predecessors))
        members = [self.actors[i] for i in seen]
        return sorted(members, key=lambda a: (a.active_from or dt.date.min, a.id))

    @classmethod
    def load(cls, paths: Iterable[str | Path] = (), bundled: bool = True) -> Registry:
        """The bundled registry, then each user file in order (later entries replace earlier ones)."""
        reg = cls()
        if bundled:
            for actor in _bundled_actors():
                reg.add(actor)
        for p in paths:
            path = Path(p)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise RegistryError(str(path), None, "-", f"cannot read file: {e}") from e
            for actor in parse_registry_text(text, str(path)):
                reg.add(actor)
        for actor in reg:
            for tie in actor.affiliations:
                if tie.target not in reg.actors:
                    raise RegistryError(actor.origin, None, f"{actor.id}.affiliations",
                                        f"unknown target actor '{tie.target}'")
        return reg


@functools.cache
def _bundled_actors() -> tuple[RegistryActor, ...]:
    """The bundled files' actors in file order, parsed once per process (the entries are immutable)."""
    data_dir = resources.files("factiongraph.actors") / "data"
    out: list[RegistryActor] = []
    for item in sorted(data_dir.iterdir(), key=lambda p: p.name):
        if item.name.endswith((".yaml", ".yml")):
            out.extend(parse_registry_text(item.read_text(encoding="utf-8"), f"bundled:{item.name}"))
    return tuple(out)


# libyaml's parser when PyYAML has it: the pure-Python one takes seconds over the bundled files
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):  # type: ignore[valid-type,misc]
    """A safe YAML loader that records each mapping's line as `__line__`."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[Any, Any] = dict(SafeConstructor.construct_mapping(loader, node, deep=True))
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    # an impossible date such as 2015-13-45 stays a string, so that _date reports it with its field
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _date(value: Any, path: str, line: int | None, name: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and 1800 < value < 2200:  # a bare year
        return dt.date(value, 1, 1)
    if isinstance(value, str):
        for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
            try:
                return dt.datetime.strptime(value, fmt).date()
            except ValueError:
                pass
    raise RegistryError(path, line, name, f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")


def parse_registry_text(text: str, path: str) -> list[RegistryActor]:
    """Parses one registry file's text; `path` is used in error messages."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise RegistryError(path, mark.line + 1 if mark else None, "-", f"invalid YAML: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise RegistryError(path, 1, "actors", "the file must be a mapping with a list under 'actors'")
    out = []
    seen: set[str] = set()
    for raw in data["actors"]:
        if not isinstance(raw, dict):
            raise RegistryError(path, None, "actors[]", "each actor must be a mapping")
        line = raw.get("__line__")
        out.append(_parse_actor(raw, path, line))
        if out[-1].id in seen:
            raise RegistryError(path, line, "id", f"duplicate id '{out[-1].id}' in this file")
        seen.add(out[-1].id)
    return out


ACTOR_FIELDS = frozenset({
    "id", "name", "kind", "acled_inter", "country", "conflicts", "aliases", "adjectives", "active",
    "predecessors", "affiliations", "sources", "__line__",
})


def _parse_actor(raw: dict[str, Any], path: str, line: int | None) -> RegistryActor:
    def need(key: str) -> Any:
        if raw.get(key) in (None, ""):
            raise RegistryError(path, line, key, "is required")
        return raw[key]

    def seq(key: str) -> list[Any]:
        value = raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise RegistryError(path, line, key, f"must be a list, got {type(value).__name__}")
        return value

    def span(start: dt.date | None, end: dt.date | None, where: int | None, name: str) -> None:
        if start and end and start > end:
            raise RegistryError(path, where, name, f"'from' {start} is after 'to' {end}")

    unknown = sorted(str(k) for k in raw if k not in ACTOR_FIELDS)
    if unknown:
        known = sorted(ACTOR_FIELDS - {"__line__"})
        raise RegistryError(path, line, unknown[0], f"unknown field (known: {known})")

    actor_id = str(need("id"))
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", actor_id):
        raise RegistryError(path, line, "id", f"'{actor_id}' must be lowercase letters, digits and hyphens")
    kind = need("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        raise RegistryError(path, line, "kind", f"'{kind}' is not one of {sorted(KINDS)}")
    inter = raw.get("acled_inter")
    if inter is not None and (not isinstance(inter, int) or isinstance(inter, bool) or not 1 <= inter <= 8):
        raise RegistryError(path, line, "acled_inter", f"must be an integer 1-8, got {inter!r}")
    aliases = []
    for a in seq("aliases"):
        if isinstance(a, str):
            aliases.append(Alias(a))
        elif isinstance(a, dict) and a.get("name"):
            al = a.get("__line__", line)
            aliases.append(Alias(str(a["name"]), _date(a.get("from"), path, al, "aliases.from"),
                                 _date(a.get("to"), path, al, "aliases.to")))
            span(aliases[-1].valid_from, aliases[-1].valid_to, al, "aliases")
        else:
            raise RegistryError(path, line, "aliases", f"an alias must be a string or {{name, from, to}}: {a!r}")
    active = raw.get("active") or {}
    if not isinstance(active, dict):
        raise RegistryError(path, line, "active", "must be a mapping {from, to}")
    ties = []
    for t in seq("affiliations"):
        tl = t.get("__line__", line) if isinstance(t, dict) else line
        if not isinstance(t, dict) or not t.get("target"):
            raise RegistryError(path, tl, "affiliations", f"each tie needs a 'target': {t!r}")
        ttype = t.get("type", "affiliation")
        if ttype not in RELATION_TYPES:
            raise RegistryError(path, tl, "affiliations.type", f"'{ttype}' is not one of {sorted(RELATION_TYPES)}")
        ties.append(Tie(str(t["target"]), ttype, _date(t.get("from"), path, tl, "affiliations.from"),
                        _date(t.get("to"), path, tl, "affiliations.to")))
        span(ties[-1].valid_from, ties[-1].valid_to, tl, "affiliations")
    preds = []
    for p in seq("predecessors"):
        pl = p.get("__line__", line) if isinstance(p, dict) else line
        if not isinstance(p, dict) or not p.get("id"):
            raise RegistryError(path, pl, "predecessors", f"each predecessor needs an 'id': {p!r}")
        how = p.get("how", "rename")
        if how not in SUCCESSION:
            raise RegistryError(path, pl, "predecessors.how", f"'{how}' is not one of {sorted(SUCCESSION)}")
        preds.append(Succession(str(p["id"]), _date(p.get("date"), path, pl, "predecessors.date"), how))
    country = raw.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{3}", str(country)):
        raise RegistryError(path, line, "country", f"must be an ISO 3166-1 alpha-3 code, got {country!r}")
    active_from = _date(active.get("from"), path, line, "active.from")
    active_to = _date(active.get("to"), path, line, "active.to")
    span(active_from, active_to, line, "active")
    return RegistryActor(
        id=actor_id, name=str(need("name")), kind=kind, acled_inter=inter,
        country=str(country) if country else None,
        conflicts=tuple(str(c) for c in seq("conflicts")),
        aliases=tuple(aliases), adjectives=tuple(str(a) for a in seq("adjectives")),
        active_from=active_from, active_to=active_to,
        predecessors=tuple(preds), affiliations=tuple(ties),
        sources=tuple(str(s) for s in seq("sources")), origin=path,
    )
