"""A batch killed with SIGKILL leaves no worker (nor resource tracker) behind."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

GRACE_S = 10.0


class SlowPipeline:
    """A stand-in pipeline (no spaCy) that takes a second a document, so a batch is still running when killed."""

    def run(self, docs: Any, batch_size: int = 16) -> Any:
        for d in docs:
            time.sleep(1.0)
            yield dataclasses.replace(d, title="done")


def make_slow(spec: Any) -> SlowPipeline:
    return SlowPipeline()


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat[stat.rindex(")") + 2:].split()[1])


def _alive(pid: int) -> bool:
    """Running and not a zombie (a zombie has exited; only its parent has yet to reap it)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def _descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (ppid := _parent_of(int(entry))) is not None:
            children.setdefault(ppid, []).append(int(entry))
    out: set[int] = set()
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


def _kill_when_workers_run(cmd: list[str], workers: int, env: dict[str, str], timeout: float) -> set[int]:
    """Starts `cmd`, waits until it has `workers` worker processes, SIGKILLs it; returns its descendants."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    seen: set[int] = set()
    try:
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "exited"
            seen |= _descendants(proc.pid)
            # the workers (and the resource tracker) are python processes started from this one
            if len(seen) > workers:
                time.sleep(2.0)  # let the workers get into their work
                seen |= _descendants(proc.pid)
                break
            time.sleep(0.2)
        else:
            pytest.fail(f"the batch did not start {workers} workers within {timeout} s")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    return seen


def _left_after(pids: set[int], grace: float) -> set[int]:
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        left = {p for p in pids if _alive(p)}
        if not left:
            return left
        time.sleep(0.25)
    return {p for p in pids if _alive(p)}


def _corpus(tmp_path: Path, n: int) -> Path:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Rebels shelled the army base number {i} on Monday."})
                           + "\n" for i in range(n)))
    return src


def _env() -> dict[str, str]:
    src = str(Path(__file__).resolve().parents[1] / "src")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


@pytest.mark.slow  # waits out the workers' parent-death checks: seconds of sleeping
def test_sigkilled_local_batch_leaves_no_worker_after_ten_seconds(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    script = (
        "import sys\n"
        "from factiongraph.batch import run_batch\n"
        "from factiongraph.parallel import PipelineSpec\n"
        f"run_batch(sys.argv[1], sys.argv[2], engine='local', workers=2, shard_size=4, chunk_size=1,\n"
        f"          spec=PipelineSpec(factory={__file__ + ':make_slow'!r}))\n"
    )
    cmd = [sys.executable, "-c", script, str(_corpus(tmp_path, 200)), str(tmp_path / "out")]
    seen = _kill_when_workers_run(cmd, workers=2, env=_env(), timeout=60)
    assert len(seen) >= 2
    assert _left_after(seen, GRACE_S) == set()


@pytest.mark.slow
def test_sigkilled_batch_command_leaves_no_process_after_ten_seconds(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    exe = Path(sys.executable).with_name("factiongraph")
    if not exe.exists():
        pytest.skip("the factiongraph command is not installed beside this Python")
    cmd = [str(exe), "batch", str(_corpus(tmp_path, 2000)), str(tmp_path / "out"), "--engine", "local",
           "--workers", "2", "--shard-size", "50"]
    seen = _kill_when_workers_run(cmd, workers=2, env=_env(), timeout=240)
    assert len(seen) >= 2
    assert _left_after(seen, GRACE_S) == set()
