#!/usr/bin/env python3
"""The size of a fresh run-time install: the project, no extras, in a throwaway virtual environment.

    python bench/install_size.py [--extras EXTRA[,EXTRA]] [--top 25] [--keep DIR] [--out FILE]

1. Creates a virtual environment (`python -m venv`, so pip and setuptools come with it) in a
   temporary folder.
2. `pip install`s this checkout non-editable (a built wheel, as a user gets it) with no extras, or
   with those given; pip's download cache is used, so a rerun needs no network for what it has seen.
3. Measures the environment's site-packages: its total on disk, the same without the installer (pip,
   and setuptools/wheel unless an installed distribution requires them: spaCy does require setuptools),
   and each installed distribution
   (the files its RECORD lists; `__pycache__` written by the install included), and prints a Markdown
   table of the largest.

Sizes are bytes on disk of the files (st_size), in MB of 10^6 bytes. The project's limit (issue 16):
a fresh run-time install of at most 450 MB; both totals are checked against it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_MB = 450.0
INSTALLER = {"pip", "setuptools", "wheel"}

# Runs inside the new environment: every distribution's size from its RECORD, and site-packages' total.
_PROBE = r"""
import importlib.metadata as md, json, os, re, site, sys
sp = [p for p in site.getsitepackages() if p.endswith("site-packages")][0]
def size(path):
    try:
        return os.lstat(path).st_size
    except OSError:
        return 0
total = 0
for base, dirs, files in os.walk(sp):
    total += sum(size(os.path.join(base, f)) for f in files)
dists, required = {}, set()
for d in md.distributions():
    seen, n = set(), 0
    for f in d.files or []:
        p = os.path.realpath(os.path.join(sp, str(f)))
        if p.startswith(sp) and p not in seen:
            seen.add(p)
            n += size(p)
    # byte-code the install wrote beside the recorded modules (pip records it, but not always all)
    for f in d.files or []:
        if str(f).endswith(".py"):
            cache = os.path.join(os.path.dirname(os.path.join(sp, str(f))), "__pycache__")
            stem = os.path.basename(str(f))[:-3] + "."
            if os.path.isdir(cache):
                for c in os.listdir(cache):
                    p = os.path.realpath(os.path.join(cache, c))
                    if c.startswith(stem) and p not in seen:
                        seen.add(p)
                        n += size(p)
    dists[d.metadata["Name"]] = [d.version, n]
    for r in d.requires or []:
        if "extra ==" not in r:
            required.add(re.split(r"[ <>=!~;\[(]", r, maxsplit=1)[0].lower().replace("_", "-"))
print(json.dumps({"site_packages": sp, "total": total, "dists": dists, "python": sys.version.split()[0],
                  "required": sorted(required)}))
"""


def measure(extras: str, keep: Path | None) -> dict:
    """Creates the environment, installs the project into it and returns the probe's sizes."""
    tmp = tempfile.TemporaryDirectory(prefix="fg-install-") if keep is None else None
    env_dir = Path(tmp.name if tmp else keep) / "venv"  # type: ignore[arg-type]
    try:
        subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
        py = env_dir / "bin" / "python"
        target = f"{ROOT}[{extras}]" if extras else str(ROOT)
        subprocess.run(
            [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", target], check=True
        )
        out = subprocess.run([str(py), "-c", _PROBE], check=True, capture_output=True, text=True).stdout
        result = json.loads(out)
        result["pip_version"] = subprocess.run(
            [str(py), "-m", "pip", "--version"], check=True, capture_output=True, text=True
        ).stdout.split()[1]
        return result
    finally:
        if tmp is not None:
            tmp.cleanup()


def report(result: dict, extras: str, top: int) -> str:
    """The Markdown report: totals with and without the installer, and the `top` largest distributions."""
    mb = 1e6
    dists = sorted(result["dists"].items(), key=lambda kv: -kv[1][1])
    # the installer: pip (and setuptools/wheel where no installed distribution requires them: spaCy and thinc
    # require setuptools, so it is part of the run time there)
    tools = [name for name, _ in dists if name.lower() in INSTALLER and name.lower() not in result["required"]]
    installer = sum(n for name, (_, n) in dists if name in tools)
    total = result["total"]
    def verdict(n: float) -> str:
        return f"{'within' if n / mb <= LIMIT_MB else 'over'} the {LIMIT_MB:.0f} MB limit"

    lines = [
        "Fresh install of `.` (non-editable, no extras)"
        if not extras
        else f"Fresh install of `.[{extras}]` (non-editable)",
        f"on {dt.date.today().isoformat()}, Python {result['python']} on {platform.system()} {platform.machine()}, "
        f"pip {result['pip_version']}; command: `python bench/install_size.py"
        + (f" --extras {extras}`" if extras else "`"),
        "",
        f"- what installing the project adds: **{(total - installer) / mb:.1f} MB** ({verdict(total - installer)}): "
        f"site-packages without the installer ({', '.join(tools) or 'none'}: `python -m venv` puts it there, "
        "nothing requires it)",
        f"- site-packages in all, the installer too: {total / mb:.1f} MB ({verdict(total)})",
        f"- {len(dists)} distributions",
        "",
        "| # | distribution | version | MB |",
        "|---:|---|---|---:|",
    ]
    for i, (name, (version, n)) in enumerate(dists[:top], 1):
        lines.append(f"| {i} | {name} | {version} | {n / mb:.1f} |")
    rest = sum(n for _, (_, n) in dists[top:])
    if rest:
        lines.append(f"| | {len(dists) - top} others | | {rest / mb:.1f} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--extras", default="", help="comma-separated extras to install with the project (default none)")
    ap.add_argument("--top", type=int, default=25, help="how many distributions to list (default 25)")
    ap.add_argument("--keep", type=Path, help="build the environment in DIR and keep it (default: a temporary one)")
    ap.add_argument("--out", type=Path, help="also write the report to FILE (e.g. bench/recorded/install.md)")
    a = ap.parse_args()
    text = report(measure(a.extras, a.keep), a.extras, a.top)
    print(text)
    if a.out:
        a.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
