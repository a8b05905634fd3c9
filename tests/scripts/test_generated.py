"""scripts/generated.py: a generated file must be what its manifest records and what a rebuild gives."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BUILD = "import sys; from pathlib import Path; Path(sys.argv[2]).write_text(Path(sys.argv[1]).read_text().upper())\n"


def _generated() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / "generated.py"
    spec = importlib.util.spec_from_file_location("fg_generated", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["fg_generated"] = mod  # its dataclass looks its module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, Path]:
    """A tiny checkout: build.py upper-cases a shared resource into data/out.txt; its manifest, built once."""
    g = _generated()
    (tmp_path / "res").mkdir()
    (tmp_path / "res" / "words.txt").write_text("fight\nclash\n")
    (tmp_path / "build.py").write_text(BUILD)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "out.txt").write_text("")
    (tmp_path / "manifests").mkdir()
    manifest = {"command": ["{python}", "build.py", "{resources}/words.txt", "{out}/out.txt"],
                "outputs": ["data/out.txt"], "inputs": ["repo:build.py", "resources:words.txt"], "packages": ["PyYAML"]}
    (tmp_path / "manifests" / "words.json").write_text(json.dumps(manifest))
    monkeypatch.setattr(g, "ROOT", tmp_path)
    monkeypatch.setattr(g, "MANIFESTS", tmp_path / "manifests")
    monkeypatch.setenv("FG_RESOURCES_DIR", str(tmp_path / "res"))
    assert g.main(["build", "words"]) == 0
    return g, tmp_path


def test_build_writes_the_output_and_records_inputs_and_versions(repo: tuple[ModuleType, Path]) -> None:
    g, root = repo
    assert (root / "data" / "out.txt").read_text() == "FIGHT\nCLASH\n"
    recorded = json.loads((root / "manifests" / "words.json").read_text())["recorded"]
    assert sorted(recorded) == ["package:PyYAML", "repo:build.py", "resources:words.txt"]
    assert recorded["resources:words.txt"] == g.sha256(root / "res" / "words.txt")


def test_check_passes_when_a_rebuild_gives_the_committed_file(repo: tuple[ModuleType, Path],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    g, _ = repo
    assert g.main(["check"]) == 0
    assert "words: rebuilt, identical" in capsys.readouterr().out


def test_check_fails_on_a_hand_edited_output(repo: tuple[ModuleType, Path], capsys: pytest.CaptureFixture[str]) -> None:
    g, root = repo
    (root / "data" / "out.txt").write_text("FIGHT\nCLASH\nTRUCE\n")
    assert g.main(["check"]) == 1
    assert "data/out.txt: not the file its manifest records" in capsys.readouterr().err


def test_check_fails_when_a_changed_input_rebuilds_differently(repo: tuple[ModuleType, Path],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    g, root = repo
    (root / "res" / "words.txt").write_text("fight\n")
    assert g.main(["check"]) == 1
    assert "data/out.txt: a rebuild from its manifest gives a different file" in capsys.readouterr().err


def test_check_without_the_resources_checks_the_outputs_only(repo: tuple[ModuleType, Path],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    g, root = repo
    (root / "res" / "words.txt").unlink()
    assert g.main(["check"]) == 0
    assert "words: outputs as recorded; not rebuilt (missing or other versions: resources:words.txt)" in \
        capsys.readouterr().out
