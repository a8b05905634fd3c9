"""bench/install_size.py: the report's totals, the installer left out only where nothing requires it,
and the probe that measures an environment (run here on this interpreter's own site-packages)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "install_size.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("install_size_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _result(required: list[str]) -> dict:
    return {
        "total": 451_000_000, "python": "3.11.7", "pip_version": "23.2.1", "required": required,
        "dists": {"spacy": ["3.8.0", 300_000_000], "pip": ["23.2.1", 14_000_000], "setuptools": ["65.5.0", 8_000_000],
                  "duckdb": ["1.1.0", 70_000_000], "tiny": ["1.0", 1_000_000]},
    }  # fmt: skip


def test_pip_is_left_out_of_the_project_total_but_setuptools_stays_when_spacy_requires_it() -> None:
    text = load_bench().report(_result(["setuptools", "numpy"]), "", 3)
    assert "- what installing the project adds: **437.0 MB** (within the 450 MB limit)" in text
    assert "(pip: `python -m venv` puts it there, nothing requires it)" in text
    assert "- site-packages in all, the installer too: 451.0 MB (over the 450 MB limit)" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "MB" not in line]
    assert rows == ["| 1 | spacy | 3.8.0 | 300.0 |", "| 2 | duckdb | 1.1.0 | 70.0 |", "| 3 | pip | 23.2.1 | 14.0 |",
                    "| | 2 others | | 9.0 |"]  # fmt: skip


def test_setuptools_counts_as_installer_when_nothing_requires_it() -> None:
    text = load_bench().report(_result([]), "", 25)
    assert "- what installing the project adds: **429.0 MB**" in text
    assert "(pip, setuptools: `python -m venv`" in text


@pytest.mark.slow  # walks every file of the environment (about a minute on the development venv)
def test_the_probe_sizes_every_distribution_of_an_environment() -> None:
    probe = load_bench()._PROBE
    out = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout)
    assert out["total"] > 0 and out["python"] == sys.version.split()[0]
    assert out["dists"]["pip"][1] > 1_000_000  # pip's files, its byte-code included
    assert "numpy" in out["required"]  # spaCy's requirement, read from its metadata
