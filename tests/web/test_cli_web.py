"""`factiongraph serve` (registered by factiongraph.cli_web.register)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import typer
from typer.testing import CliRunner

from factiongraph.cli_web import register

from .conftest import build_store, free_port

APP = """
import sys, typer
from factiongraph.cli_web import register
app = typer.Typer()
@app.callback()
def main() -> None: pass
register(app)
app(sys.argv[1:])
"""


def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        pass

    register(app)
    return app


def test_serve_help_and_missing_store(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(cli(), ["serve", "--help"])
    assert r.exit_code == 0 and "--token" in r.output and "--port" in r.output
    r = runner.invoke(cli(), ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2
    assert not (tmp_path / "none.duckdb").exists()  # read-only: nothing created


def test_serve_runs_read_only(tmp_path: Path) -> None:
    db = build_store(tmp_path / "s.duckdb")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", APP, "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                body = json.loads(urllib.request.urlopen(url + "/api/overview", timeout=5).read())
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert body["counts"]["documents"] == 4
        req = urllib.request.Request(url + "/api/documents", data=b'{"id": "x", "text": "y"}', method="POST")
        try:
            urllib.request.urlopen(req, timeout=5)
            raise AssertionError("a write was accepted without a token")
        except urllib.error.HTTPError as e:
            assert e.code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=10)
