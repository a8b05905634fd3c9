"""`factiongraph serve` (registered by factiongraph.cli_web.register)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
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


class Served:
    """What `serve` would have run: uvicorn.run replaced by a recorder (no socket is opened)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import uvicorn

        self.app: Any = None
        self.host: str | None = None
        monkeypatch.setattr(uvicorn, "run", self.run)

    def run(self, app: Any, host: str, port: int, **kw: Any) -> None:
        self.app, self.host = app, host

    def token(self) -> str | None:
        return self.app.state.fg.token if self.app is not None else None

    def close(self) -> None:
        if self.app is not None:
            self.app.state.fg.store.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_store(tmp_path_factory.mktemp("serve") / "s.duckdb"))


@pytest.fixture()
def served(monkeypatch: pytest.MonkeyPatch, registry: Any) -> Iterator[Served]:
    from factiongraph.actors.registry import Registry

    for var in ("FACTIONGRAPH_API_TOKEN", "FG_API_TOKEN", "FACTIONGRAPH_ALLOWED_HOSTS", "FACTIONGRAPH_REGISTRY",
                "FACTIONGRAPH_DB", "FACTIONGRAPH_CONFIG"):  # fmt: skip
        monkeypatch.delenv(var, raising=False)
    real_load = Registry.load
    # the bundled registry is loaded once per session; user files are read for real
    monkeypatch.setattr(Registry, "load", classmethod(lambda cls, paths=(), bundled=True:
                                                      real_load(paths) if paths else registry))  # fmt: skip
    s = Served(monkeypatch)
    yield s
    s.close()


def test_serve_reads_the_token_from_a_file_and_warns_about_a_token_in_argv(
    tmp_path: Path, db: str, served: Served
) -> None:
    secret = tmp_path / "token"
    secret.write_text("file-token-123\n", encoding="utf-8")
    secret.chmod(0o600)
    r = CliRunner().invoke(cli(), ["serve", "--db", db, "--token-file", str(secret)])
    assert r.exit_code == 0, r.output
    assert served.token() == "file-token-123" and "warning" not in r.output
    served.close()
    r = CliRunner().invoke(cli(), ["serve", "--db", db, "--token", "argv-token"])
    assert r.exit_code == 0 and served.token() == "argv-token"
    assert "--token is visible to every user" in r.output and "--token-file" in r.output


def test_serve_takes_the_token_from_the_environment(db: str, served: Served) -> None:
    r = CliRunner().invoke(cli(), ["serve", "--db", db], env={"FACTIONGRAPH_API_TOKEN": "env-token"})
    assert r.exit_code == 0 and served.token() == "env-token" and "warning" not in r.output  # not in argv: no warning
    served.close()
    r = CliRunner().invoke(cli(), ["serve", "--db", db], env={"FG_API_TOKEN": "old-token"})
    assert r.exit_code == 0 and served.token() == "old-token" and "FG_API_TOKEN is deprecated" in r.output


def test_serve_refuses_a_missing_or_empty_token_file_and_two_tokens(tmp_path: Path, db: str, served: Served) -> None:
    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    for args, message in ((["--token-file", str(tmp_path / "nope")], "cannot read the token file"),
                          (["--token-file", str(empty)], "is empty"),
                          (["--token-file", str(empty), "--token", "x"], "give the token once")):  # fmt: skip
        r = CliRunner().invoke(cli(), ["serve", "--db", db, *args])
        assert r.exit_code == 2 and message in r.output, r.output
    assert served.app is None


def test_serve_warns_about_a_token_file_others_can_read(tmp_path: Path, db: str, served: Served) -> None:
    secret = tmp_path / "token"
    secret.write_text("shared-token", encoding="utf-8")
    secret.chmod(0o644)
    r = CliRunner().invoke(cli(), ["serve", "--db", db, "--token-file", str(secret)])
    assert r.exit_code == 0 and served.token() == "shared-token"
    assert "readable by other users" in r.output


def test_serve_warns_when_listening_beyond_loopback_and_allows_the_named_hosts(db: str, served: Served) -> None:
    from fastapi.testclient import TestClient

    r = CliRunner().invoke(cli(), ["serve", "--db", db, "--host", "0.0.0.0", "--allow-host", "graph.lan"],
                           env={"FACTIONGRAPH_ALLOWED_HOSTS": "intranet.example, *.corp.example"})  # fmt: skip
    assert r.exit_code == 0 and served.host == "0.0.0.0"
    assert "warning" in r.output and "anyone who can reach this machine" in r.output
    with TestClient(served.app, base_url="http://localhost") as c:
        for host, status in (("graph.lan:8000", 200), ("intranet.example", 200), ("a.corp.example", 200),
                             ("localhost", 200), ("evil.example", 400)):  # fmt: skip
            assert c.get("/api/overview", headers={"Host": host}).status_code == status, host
    served.close()
    r = CliRunner().invoke(cli(), ["serve", "--db", db])
    assert r.exit_code == 0 and served.host == "127.0.0.1" and "warning" not in r.output


def test_loopback_addresses_are_told_from_network_ones() -> None:
    from factiongraph.cli_web import is_loopback

    assert [is_loopback(h) for h in ("127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost", "0.0.0.0", "::",
                                     "192.168.1.20", "example.org")] == [True] * 5 + [False] * 4  # fmt: skip


def test_serve_loads_the_users_registry_for_actor_pages(tmp_path: Path, db: str, served: Served) -> None:
    from fastapi.testclient import TestClient

    mine = tmp_path / "mine.yaml"
    entry = "actors:\n  - {id: evil-brigade, name: Evil Brigade, kind: militia, country: SYR}\n"
    mine.write_text(entry, encoding="utf-8")
    r = CliRunner().invoke(cli(), ["serve", "--db", db, "--registry", str(mine)])
    assert r.exit_code == 0, r.output
    with TestClient(served.app, base_url="http://localhost") as c:
        d = c.get("/api/actors/evil-brigade").json()
    assert d["registry"]["id"] == "evil-brigade" and d["registry"]["kind"] == "militia"
    r = CliRunner().invoke(cli(), ["serve", "--db", db, "--registry", str(tmp_path / "none.yaml")])
    assert r.exit_code == 2 and "cannot read file" in r.output
