#!/usr/bin/env python3
"""Rebuilds the generated data files from their manifests, or checks them.

    python scripts/generated.py check [NAME ...]   # CI: fails on a difference
    python scripts/generated.py build [NAME ...]   # rebuild in place and rewrite the manifest

Each generated file has a manifest, scripts/manifests/NAME.json: the build command, its outputs with
sha256 (of the content, for .gz), and its inputs: files in the repository and in the shared resources
(path and sha256) and the installed packages the build reads (name and version).

`check` fails where a committed output is not the one its manifest records (edited by hand), or where
a rebuild gives different bytes. It rebuilds when every input is at hand (the shared resources beside
the checkout or under FG_RESOURCES_DIR, and the recorded package versions installed); otherwise it
says what is missing and which repository inputs changed since the build, and checks the outputs only.
`build` needs the build extra: pip install -e '.[build]'.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFESTS = ROOT / "scripts" / "manifests"


def resources_dir() -> Path:
    """The shared resources (Phoenix dictionaries, PLOVER table): FG_RESOURCES_DIR or ../shared beside the checkout."""
    env = os.environ.get("FG_RESOURCES_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "data" / "resources"


def sha256(path: Path) -> str:
    """sha256 of a file; of its decompressed content for .gz (gzip headers carry a time)."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return hashlib.sha256(data).hexdigest()


def expand(pattern: str) -> list[tuple[str, Path]]:
    """Input paths of a manifest: `repo:GLOB` under the checkout, `resources:PATH` under the shared resources."""
    where, _, rel = pattern.partition(":")
    if where == "repo":
        return [(f"repo:{p.relative_to(ROOT)}", p) for p in sorted(ROOT.glob(rel))]
    if where == "resources":
        return [(pattern, resources_dir() / rel)]
    raise SystemExit(f"manifest input {pattern!r}: expected repo:GLOB or resources:PATH")


@dataclass
class Spec:
    """A manifest as read: its name, the build (command, outputs, inputs, packages) and the recorded hashes."""

    name: str
    data: dict

    @classmethod
    def load(cls, name: str) -> Spec:
        path = MANIFESTS / f"{name}.json"
        if not path.is_file():
            raise SystemExit(f"no manifest {path.relative_to(ROOT)}; known: {', '.join(names())}")
        return cls(name, json.loads(path.read_text(encoding="utf-8")))

    def input_files(self) -> dict[str, Path]:
        """Input key -> path, leaving out the outputs (a glob over a data folder matches them too)."""
        outputs = {ROOT / rel for rel in self.data["outputs"]}
        return {key: p for pattern in self.data["inputs"] for key, p in expand(pattern) if p not in outputs}

    def current(self) -> dict[str, str | None]:
        """Input key -> sha256 now (None where the file is missing); package -> installed version."""
        out: dict[str, str | None] = {k: sha256(p) if p.is_file() else None for k, p in self.input_files().items()}
        for pkg in self.data["packages"]:
            try:
                out[f"package:{pkg}"] = importlib.metadata.version(pkg)
            except importlib.metadata.PackageNotFoundError:
                out[f"package:{pkg}"] = None
        return out

    def run(self, out_dir: Path) -> None:
        """Runs the build command with its outputs going to `out_dir` (seeded with `seed_dir`'s files)."""
        seed = self.data.get("seed_dir")
        if seed:
            for p in (ROOT / seed).glob("*"):
                if p.is_file():
                    shutil.copy2(p, out_dir / p.name)
        args = [a.format(python=sys.executable, out=out_dir, resources=resources_dir()) for a in self.data["command"]]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": "0"}
        proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"{self.name}: the build failed ({' '.join(args)}):\n{proc.stderr[-2000:]}")


def names() -> list[str]:
    return sorted(p.stem for p in MANIFESTS.glob("*.json"))


def missing(spec: Spec, now: dict[str, str | None]) -> list[str]:
    """What keeps a rebuild from reproducing the recorded one: absent inputs, other package versions."""
    recorded = spec.data["recorded"]
    out = [k for k, v in now.items() if v is None]
    out += [f"{k} {now[k]} (built with {recorded.get(k)})" for k in now
            if k.startswith("package:") and now[k] is not None and now[k] != recorded.get(k)]
    return out


def check(spec: Spec) -> list[str]:
    """Problems with one manifest's outputs; empty when they are what a rebuild gives."""
    problems = []
    for rel, want in spec.data["outputs"].items():
        got = sha256(ROOT / rel) if (ROOT / rel).is_file() else None
        if got != want:
            problems.append(f"{rel}: not the file its manifest records (edited by hand?); "
                            f"rebuild it: python scripts/generated.py build {spec.name}")
    now = spec.current()
    changed = [k for k, v in now.items() if k.startswith("repo:") and v != spec.data["recorded"].get(k)]
    gaps = missing(spec, now)
    if gaps:
        state = "outputs as recorded" if not problems else "OUTPUTS DIFFER"
        print(f"{spec.name}: {state}; not rebuilt (missing or other versions: {'; '.join(gaps)})"
              + (f"; inputs changed since the build: {', '.join(changed)}" if changed else ""))
        return problems
    with tempfile.TemporaryDirectory() as tmp:
        spec.run(Path(tmp))
        for rel in spec.data["outputs"]:
            fresh = Path(tmp) / Path(rel).name
            if not fresh.is_file() or sha256(fresh) != sha256(ROOT / rel):
                problems.append(f"{rel}: a rebuild from its manifest gives a different file; "
                                f"rebuild it: python scripts/generated.py build {spec.name}")
    if not problems:
        note = f" (inputs changed since the build, output the same: {', '.join(changed)})" if changed else ""
        print(f"{spec.name}: rebuilt, identical{note}")
    return problems


def build(spec: Spec) -> None:
    """Rebuilds the outputs in place and records the inputs, versions and output hashes in the manifest."""
    gaps = [k for k, v in spec.current().items() if v is None]
    if gaps:
        raise SystemExit(f"{spec.name}: cannot build, missing: {', '.join(gaps)} (pip install -e '.[build]'; "
                         "the shared resources beside the checkout or FG_RESOURCES_DIR)")
    with tempfile.TemporaryDirectory() as tmp:
        spec.run(Path(tmp))
        for rel in spec.data["outputs"]:
            shutil.copyfile(Path(tmp) / Path(rel).name, ROOT / rel)
    spec.data["outputs"] = {rel: sha256(ROOT / rel) for rel in spec.data["outputs"]}
    spec.data["recorded"] = spec.current()
    path = MANIFESTS / f"{spec.name}.json"
    path.write_text(json.dumps(spec.data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{spec.name}: built {', '.join(spec.data['outputs'])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["check", "build"])
    ap.add_argument("names", nargs="*", help="manifests to use (default: all)")
    a = ap.parse_args(argv)
    specs = [Spec.load(n) for n in a.names or names()]
    if a.action == "build":
        for spec in specs:
            build(spec)
        return 0
    problems = [p for spec in specs for p in check(spec)]
    for p in problems:
        print(f"ERROR: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
