"""Readers while a writer writes: graph and export next to serve and ingest (DuckDB), two ingests (PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from factiongraph.store import Store
from factiongraph.store.core import StoreError, connect_duckdb

GROUPS = ["Jaysh al-Islam", "Faylaq al-Rahman", "Ahrar al-Sham", "Jabhat al-Nusra", "Nour al-Din al-Zenki",
          "the Islamic State", "the Syrian Democratic Forces", "Hayat Tahrir al-Sham"]  # fmt: skip
TOWNS = ["Saraqib", "Zamalka", "Manbij", "al-Bab", "Ariha", "Darayya", "Tabqa", "Jisr al-Shughur"]
VERBS = ["shelled", "ambushed", "clashed with", "fought alongside"]


def reports(n: int, offset: int = 0) -> list[dict[str, Any]]:
    """n short reports, each distinct (a report number in the text)."""
    out = []
    for i in range(offset, offset + n):
        a, b = GROUPS[i % 8], GROUPS[(i * 5 + 3) % 8]
        if a == b:
            b = GROUPS[(i + 1) % 8]
        day = dt.date(2018, 3, 1) + dt.timedelta(days=i % 120)
        out.append({"id": f"rep-{i:04d}", "published": day.isoformat(),
                    "text": f"{a} {VERBS[i % 4]} {b} in {TOWNS[i % 8]} on {day:%A}, activists said. Dispatch {i}."})
    return out  # fmt: skip


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from factiongraph.cli import app; app(prog_name='factiongraph')", *args]


def _env() -> dict[str, str]:
    return {**os.environ, "COLUMNS": "120", "FACTIONGRAPH_LOCK_TIMEOUT": "120"}


def _write_jsonl(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.status, r.read()


class Lines:
    """Collects a process's stderr lines on a thread (so the pipe never fills)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        assert proc.stderr is not None
        self._t = threading.Thread(target=lambda: self.lines.extend(proc.stderr or ()), daemon=True)
        self._t.start()

    def count(self, prefix: str) -> int:
        return sum(line.startswith(prefix) for line in list(self.lines))


def test_a_reader_waits_for_a_writer_and_a_writer_for_a_reader(tmp_path: Path) -> None:
    db = str(tmp_path / "fg.duckdb")
    Store.open(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({db!r}); print('held', flush=True);"
         " time.sleep(1.5); c.close(); time.sleep(30)"], stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        t0 = time.monotonic()
        with pytest.raises(StoreError, match="another process holds it"):
            connect_duckdb(db, read_only=True, timeout=0.3)
        conn = connect_duckdb(db, read_only=True, timeout=30)  # the writer lets go after 1.5 s
        assert time.monotonic() - t0 >= 1.0
        conn.close()
    finally:
        holder.kill()
        holder.wait()


def test_a_waiting_reader_gets_in_between_the_commits_of_a_writer_that_reopens_at_once(tmp_path: Path) -> None:
    db = str(tmp_path / "fg.duckdb")
    Store.open(db).close()
    # a writer that holds the file 0.2 s at a time and asks for it again as soon as it lets go
    writer = subprocess.Popen(
        [sys.executable, "-c", "import time; from factiongraph.store.core import connect_duckdb\n"
         "print('writing', flush=True)\n"
         f"end = time.monotonic() + 20\nwhile time.monotonic() < end:\n"
         f"    c = connect_duckdb({db!r}, read_only=False, timeout=30); time.sleep(0.2); c.close()"],
        stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
        time.sleep(0.5)
        t0 = time.monotonic()
        for _ in range(3):  # each reader queues and gets in at the writer's next gap
            conn = connect_duckdb(db, read_only=True, timeout=10)
            conn.close()
        assert time.monotonic() - t0 < 10
        assert writer.poll() is None  # the writer was still at it all along
    finally:
        writer.kill()
        writer.wait()


@pytest.mark.slow
def test_graph_and_export_succeed_while_serve_and_an_ingest_run_on_the_same_store(tmp_path: Path) -> None:
    db = tmp_path / "fg.duckdb"
    env = _env()
    first = _write_jsonl(tmp_path / "first.jsonl", reports(6))
    subprocess.run(_cli("ingest", str(first), "--db", str(db)), check=True, env=env, capture_output=True)
    port = _free_port()
    serve = subprocess.Popen(_cli("serve", "--db", str(db), "--port", str(port)), env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    more = _write_jsonl(tmp_path / "more.jsonl", reports(160, offset=6))
    ingest = subprocess.Popen(_cli("ingest", str(more), "--db", str(db), "--batch-size", "2"), env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    log = Lines(ingest)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if _get(f"http://127.0.0.1:{port}/api/overview")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        while log.count("committed") < 2 and ingest.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        runs = []
        for _ in range(2):
            assert ingest.poll() is None, "the ingest ended before the readers could overlap it"
            before = log.count("committed")
            g = subprocess.run(_cli("graph", "--db", str(db), "-f", "json"), env=env, capture_output=True, text=True)
            x = subprocess.run(_cli("export", "-f", "graphml", "--db", str(db), "-o", str(tmp_path / "g.graphml")),
                               env=env, capture_output=True, text=True)  # fmt: skip
            status, body = _get(f"http://127.0.0.1:{port}/api/graph")
            runs.append((g.returncode, x.returncode, status, log.count("committed") - before))
            assert g.returncode == 0, g.stderr
            assert x.returncode == 0, x.stderr
            assert json.loads(g.stdout)["edges"] is not None and status == 200 and b"edges" in body
        assert ingest.wait(timeout=600) == 0, "".join(log.lines)[-2000:]
        assert sum(r[3] for r in runs) > 0  # the ingest committed while the readers ran
        assert _get(f"http://127.0.0.1:{port}/api/overview")[0] == 200
    finally:
        for p in (ingest, serve):
            if p.poll() is None:
                p.terminate()
                p.wait(timeout=30)
    with Store.open(db, read_only=True) as s:
        assert s.counts()["documents"] == 166


@pytest.mark.slow
def test_two_concurrent_ingests_into_postgres_store_each_document_once(tmp_path: Path, pg_url: str) -> None:
    src = _write_jsonl(tmp_path / "same.jsonl", reports(40))
    env = {**_env(), "FACTIONGRAPH_DB": pg_url}
    procs = [subprocess.Popen(_cli("ingest", str(src), "--batch-size", "3"), env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]  # fmt: skip
    results = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err[-2000:]
    with Store.open(pg_url) as s:
        counts = s.counts()
        per_doc = s.query("SELECT SUM(n_events) AS e, SUM(n_relations) AS r FROM documents")[0]
        ids = sorted(d["id"] for d in s.documents())
    assert ids == [f"rep-{i:04d}" for i in range(40)]
    assert (counts["events"], counts["relations"]) == (per_doc["e"], per_doc["r"])  # each document's rows once
    assert counts["events"] > 0
