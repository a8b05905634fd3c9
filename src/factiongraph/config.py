"""Settings shared by every command: environment variables and the optional config file.

One prefix names every environment variable: `FACTIONGRAPH_DB` (the store), `FACTIONGRAPH_REGISTRY`
(extra actor registry files, separated by the path separator, `:` on POSIX), `FACTIONGRAPH_MODEL`
(the spaCy model), `FACTIONGRAPH_API_TOKEN` (the web API's write token) and `FACTIONGRAPH_CONFIG`
(a config file to read instead of the usual places). `FG_API_TOKEN` is read as a deprecated alias.

The config file is TOML, read with `tomllib`: `./factiongraph.toml` if there is one, else
`$XDG_CONFIG_HOME/factiongraph/config.toml` (`~/.config/factiongraph/config.toml`). It sets
defaults for the options that name the same thing in every command:

    db = "conflict.duckdb"            # or "postgresql://..."
    registry = ["my-actors.yaml"]     # a file or a list of files, relative to the config file
    model = "md"

An option given on the command line wins over the environment variable, which wins over the file,
which wins over the built-in default.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENV_PREFIX = "FACTIONGRAPH_"
DB_ENV = ENV_PREFIX + "DB"
REGISTRY_ENV = ENV_PREFIX + "REGISTRY"
MODEL_ENV = ENV_PREFIX + "MODEL"
TOKEN_ENV = ENV_PREFIX + "API_TOKEN"
CONFIG_ENV = ENV_PREFIX + "CONFIG"
DEPRECATED_TOKEN_ENV = "FG_API_TOKEN"  # read with a warning until it is removed
LOCAL_CONFIG = "factiongraph.toml"
KEYS = ("db", "registry", "model")


class ConfigError(ValueError):
    """A config file that cannot be read or holds an unknown key or a value of the wrong type."""


@dataclass(frozen=True)
class Config:
    """The settings read from a config file (all None/empty when there is none)."""

    path: Path | None = None
    db: str | None = None
    registry: tuple[Path, ...] = field(default_factory=tuple)
    model: str | None = None

    def defaults(self) -> dict[str, Any]:
        """The option defaults the file sets, by option name (for Click's `default_map`)."""
        out: dict[str, Any] = {}
        if self.db is not None:
            out["db"] = self.db
        if self.registry:
            out["registry"] = [str(p) for p in self.registry]
        if self.model is not None:
            out["model"] = self.model
        return out


def config_path(cwd: Path | None = None) -> Path | None:
    """The config file in effect: `$FACTIONGRAPH_CONFIG`, else `./factiongraph.toml`, else the user's one."""
    named = os.environ.get(CONFIG_ENV)
    if named:
        return Path(named)
    local = (cwd or Path.cwd()) / LOCAL_CONFIG
    if local.is_file():
        return local
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    user = base / "factiongraph" / "config.toml"
    return user if user.is_file() else None


def load_config(path: Path | None = None, *, cwd: Path | None = None) -> Config:
    """Reads the config file (`config_path()` when `path` is None); no file gives an empty `Config`."""
    path = path if path is not None else config_path(cwd)
    if path is None:
        return Config()
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: {e}") from None
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} (valid keys: {', '.join(KEYS)})")
    for key in ("db", "model"):
        if key in data and not isinstance(data[key], str):
            raise ConfigError(f"{path}: {key!r} must be a string")
    reg = data.get("registry", [])
    if isinstance(reg, str):
        reg = [reg]
    if not isinstance(reg, list) or not all(isinstance(r, str) for r in reg):
        raise ConfigError(f"{path}: 'registry' must be a file name or a list of file names")
    here = path.parent
    db = data.get("db")
    if db is not None and "://" not in db and db != ":memory:" and not Path(db).is_absolute():
        db = str(here / db)
    return Config(path=path, db=db, registry=tuple(here / r for r in reg), model=data.get("model"))


def api_token(given: str | None = None, *, warn: Any = None) -> str | None:
    """The web API token: `given`, else `$FACTIONGRAPH_API_TOKEN`, else the deprecated `$FG_API_TOKEN`
    (calling `warn(message)` when that one is used)."""
    if given:
        return given
    token = os.environ.get(TOKEN_ENV)
    if token:
        return token
    old = os.environ.get(DEPRECATED_TOKEN_ENV)
    if old:
        if warn is not None:
            warn(f"{DEPRECATED_TOKEN_ENV} is deprecated; set {TOKEN_ENV} instead")
        return old
    return None
