"""README.md: the analysis API's examples (```pycon blocks) run as doctests against a store of examples/.

The store is built as the README says (`factiongraph ingest examples/`, here with the session's
pipeline), in a scratch folder holding a copy of examples/, and each block runs there in turn, sharing
one namespace. The GeoDataFrame block needs geopandas (the `geo` extra) and is skipped without it.
"""

from __future__ import annotations

import doctest
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = re.findall(r"```pycon\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)


def test_readme_has_the_analysis_examples() -> None:
    assert len(BLOCKS) == 4 and all(b.startswith(">>> ") for b in BLOCKS)
    assert 'factiongraph.open("factiongraph.duckdb")' in BLOCKS[0]


@pytest.fixture(scope="module")
def namespace(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    pytest.importorskip("pandas")
    from factiongraph.store import Store, ingest_paths

    work = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", work / "examples")
    mp = pytest.MonkeyPatch()
    mp.chdir(work)
    with Store.open("factiongraph.duckdb") as store:
        summary = ingest_paths(store, ["examples"], pipeline)
    assert summary.failed == 0
    globs: dict[str, Any] = {}
    yield globs
    if "fg" in globs:
        globs["fg"].close()
    mp.undo()


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_analysis_example_runs(namespace: dict[str, Any], index: int) -> None:
    block = BLOCKS[index]
    if ".geo(" in block:
        pytest.importorskip("geopandas")
    test = doctest.DocTestParser().get_doctest(block, namespace, f"README.md pycon block {index + 1}", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out: list[str] = []
    runner.run(test, out=out.append, clear_globs=False)
    namespace.update(test.globs)  # the next block goes on from here (DocTest works on a copy)
    assert runner.failures == 0, "".join(out)
    assert runner.tries == block.count(">>> ")
