"""cli_common: --version and -h on every command, -o where output is written, one env-var prefix,
the config file, the same graph defaults across commands, ISO-2/ISO-3 codes, invalid filter values."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from factiongraph import __version__
from factiongraph import graph as fg
from factiongraph.cli import app
from factiongraph.store import Store

COMMANDS = [
    ["extract"], ["ingest"], ["graph"], ["changes"], ["timeline"], ["export"], ["serve"], ["batch"], ["schema"],
    ["actors"], ["actors", "list"], ["actors", "search"], ["actors", "show"],
]  # fmt: skip
WRITERS = [["extract"], ["graph"], ["changes"], ["timeline"], ["export"], ["schema"],
           ["actors", "list"], ["actors", "search"], ["actors", "show"]]  # fmt: skip
SCOPED = ["graph", "changes", "timeline", "export"]
CUSTOM_ACTOR = """actors:
  - id: kestrel-brigade
    name: Kestrel Brigade
    kind: militia
    acled_inter: 3
    country: SYR
    conflicts: [syria]
"""


def _command(path: list[str]) -> Any:
    cmd: Any = typer.main.get_command(app)
    for name in path:
        cmd = cmd.get_command(None, name)
    return cmd


def _param(path: list[str], name: str) -> Any:
    (p,) = [p for p in _command(path).params if p.name == name]
    return p


@pytest.fixture(autouse=True)
def _no_user_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No config file or FACTIONGRAPH_* variable of the machine running the tests leaks in."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    for var in ("FACTIONGRAPH_DB", "FACTIONGRAPH_REGISTRY", "FACTIONGRAPH_MODEL", "FACTIONGRAPH_CONFIG",
                "FACTIONGRAPH_API_TOKEN", "FG_API_TOKEN"):  # fmt: skip
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="module")
def bundled() -> Any:
    from factiongraph.actors.registry import Registry

    return Registry.load()


@pytest.fixture(autouse=True)
def _bundled_registry_once(monkeypatch: pytest.MonkeyPatch, bundled: Any) -> None:
    """The actor commands read the bundled registry parsed once for this module; given files are read
    alone (these tests check which files reach the registry, not the merge)."""
    from factiongraph import cli

    original = cli.Registry.load

    def load(paths: Any = (), bundled_too: bool = True) -> Any:
        files = list(paths)
        return original(files, False) if files else bundled

    monkeypatch.setattr(cli.Registry, "load", staticmethod(load))


def _store(path: Path) -> Path:
    """A store with one alliance (asserted) and one hostility (speculative) between Syrian actors."""
    def rel(typ: str, a: str, b: str, certainty: str) -> dict[str, Any]:
        ev = {"start": 0, "end": 10, "text": f"{a} and {b}"}
        return {"type": typ, "source": a, "target": b, "source_mention": None, "target_mention": None,
                "status": "current", "certainty": certainty, "source_kind": "article", "evidence": ev,
                "derived_from": None, "confidence": 0.9, "change": None}  # fmt: skip

    actors = [{"id": a, "name": a.title(), "kind": "rebel", "acled_inter": 2, "country": "SYR", "registry_id": a,
               "known": True, "mentions": []} for a in ("alpha", "beta", "gamma")]  # fmt: skip
    c = {"schema": "factiongraph.document/1",
         "document": {"id": "d1", "title": None, "url": "https://example.org/d1", "published": "2019-03-02",
                      "language": "en", "text": "alpha and beta", "sections": []},
         "actors": actors, "events": [], "places": [],
         "relations": [rel("alliance", "alpha", "beta", "asserted"), rel("hostility", "alpha", "gamma", "speculative")]}
    with Store.open(path) as s:
        s.write_batch([("hash-d1", c)])
    return path


# -- --version, -h, -o ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", [[], *COMMANDS], ids=lambda p: " ".join(p) or "root")
def test_version_is_answered_by_the_root_and_every_command(path: list[str]) -> None:
    r = CliRunner().invoke(app, [*path, "--version"])
    assert (r.exit_code, r.stdout) == (0, f"factiongraph {__version__}\n")


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_dash_h_shows_the_help_of_every_command(path: list[str]) -> None:
    r = CliRunner().invoke(app, [*path, "-h"])
    assert r.exit_code == 0 and "Usage:" in r.stdout and f"{' '.join(path)} [OPTIONS]" in r.stdout


@pytest.mark.parametrize("path", WRITERS, ids=" ".join)
def test_every_command_that_writes_output_takes_dash_o(path: list[str]) -> None:
    assert _param(path, "output").opts == ["--output", "-o"]


def test_actors_list_dash_o_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "syria.jsonl"
    args = ["actors", "list", "--country", "SYR", "--kind", "state", "-f", "jsonl", "-o", str(out)]
    r = CliRunner().invoke(app, args)
    assert (r.exit_code, r.stdout) == (0, "")
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [
        "fourth-armoured-division", "syria", "tiger-forces"]


def test_actors_show_dash_o_writes_the_lineage(tmp_path: Path) -> None:
    out = tmp_path / "nusra.json"
    r = CliRunner().invoke(app, ["actors", "show", "jabhat-al-nusra", "-o", str(out)])
    assert r.exit_code == 0
    assert json.loads(out.read_text())["lineage"][:2] == ["jabhat-al-nusra", "jabhat-fateh-al-sham"]


# -- the same defaults everywhere ----------------------------------------------------------------


@pytest.mark.parametrize("command", SCOPED)
def test_min_certainty_and_include_comments_defaults_are_the_shared_ones(command: str) -> None:
    assert _param([command], "min_certainty").default == fg.DEFAULT_MIN_CERTAINTY == "hedged"
    assert _param([command], "include_comments").default is fg.DEFAULT_INCLUDE_COMMENTS is False


def test_graph_and_changes_leave_out_speculative_ties_by_default(tmp_path: Path) -> None:
    db = _store(tmp_path / "fg.duckdb")
    r = CliRunner().invoke(app, ["graph", "--db", str(db), "-f", "json"])
    assert [(e["type"], e["source"], e["target"]) for e in json.loads(r.stdout)["edges"]] == [
        ("alliance", "alpha", "beta")]
    r = CliRunner().invoke(app, ["graph", "--db", str(db), "-f", "json", "--min-certainty", "speculative"])
    assert sorted(e["type"] for e in json.loads(r.stdout)["edges"]) == ["alliance", "hostility"]
    r = CliRunner().invoke(app, ["changes", "--db", str(db), "-f", "json", "--first-reported"])
    assert [c["kind"] for c in json.loads(r.stdout)] == ["alliance first reported"]


# -- filter values -------------------------------------------------------------------------------


def test_actors_list_takes_iso2_and_iso3_country_codes_alike() -> None:
    run = CliRunner()
    two = run.invoke(app, ["actors", "list", "--country", "sy", "--kind", "rebel", "-f", "jsonl"])
    three = run.invoke(app, ["actors", "list", "--country", "SYR", "--kind", "rebel", "-f", "jsonl"])
    assert two.exit_code == three.exit_code == 0 and two.stdout == three.stdout
    ids = [json.loads(line)["id"] for line in two.stdout.splitlines()]
    assert "jabhat-al-nusra" in ids and all(json.loads(x)["country"] == "SYR" for x in two.stdout.splitlines())


def test_unknown_kind_is_refused_with_the_valid_kinds() -> None:
    r = CliRunner().invoke(app, ["actors", "list", "--kind", "rebels"])
    assert r.exit_code == 2
    text = " ".join(r.output.split())
    for kind in ("'state'", "'rebel'", "'militia'", "'international_org'"):
        assert kind in text


def test_unknown_country_code_is_refused() -> None:
    r = CliRunner().invoke(app, ["actors", "list", "--country", "XQ"])
    assert r.exit_code == 2 and "'XQ' is no ISO 3166-1 country code" in " ".join(r.output.split())


def test_unknown_min_certainty_is_refused_with_the_levels(tmp_path: Path) -> None:
    db = _store(tmp_path / "fg.duckdb")
    r = CliRunner().invoke(app, ["changes", "--db", str(db), "--min-certainty", "sure"])
    text = " ".join(r.output.split())
    assert r.exit_code == 2 and "'asserted'" in text and "'negated'" in text


def test_graph_takes_iso2_and_iso3_country_codes_alike(tmp_path: Path) -> None:
    db = _store(tmp_path / "fg.duckdb")
    run = CliRunner()
    two = run.invoke(app, ["graph", "--db", str(db), "-f", "json", "--country", "SY"])
    three = run.invoke(app, ["graph", "--db", str(db), "-f", "json", "--country", "syr"])
    assert two.stdout == three.stdout and len(json.loads(two.stdout)["edges"]) == 1
    iraq = run.invoke(app, ["graph", "--db", str(db), "-f", "json", "--country", "IQ"])
    assert json.loads(iraq.stdout)["edges"] == []


def test_unknown_actor_in_scope_is_a_usage_error(tmp_path: Path) -> None:
    db = _store(tmp_path / "fg.duckdb")
    r = CliRunner().invoke(app, ["graph", "--db", str(db), "--actor", "omega"])
    assert r.exit_code == 2 and "no actor 'omega' in the store" in r.output


# -- environment variables and the config file ---------------------------------------------------


def test_factiongraph_db_names_the_store_of_every_reader(tmp_path: Path) -> None:
    db = _store(tmp_path / "fg.duckdb")
    env = {"FACTIONGRAPH_DB": str(db)}
    r = CliRunner().invoke(app, ["graph", "-f", "json"], env=env)
    assert r.exit_code == 0 and len(json.loads(r.stdout)["edges"]) == 1
    for command in ("ingest", "graph", "changes", "timeline", "export", "serve"):
        assert _param([command], "db").envvar == "FACTIONGRAPH_DB"


def test_registry_and_model_options_share_their_environment_variables() -> None:
    for path in (["extract"], ["ingest"], ["batch"], ["actors", "list"], ["actors", "search"], ["actors", "show"]):
        assert _param(path, "registry").envvar == "FACTIONGRAPH_REGISTRY"
    for path in (["extract"], ["ingest"], ["batch"]):
        assert _param(path, "model").envvar == "FACTIONGRAPH_MODEL"


def test_factiongraph_registry_adds_the_files_it_names(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(CUSTOM_ACTOR, encoding="utf-8")
    r = CliRunner().invoke(app, ["actors", "show", "kestrel-brigade"], env={"FACTIONGRAPH_REGISTRY": str(extra)})
    assert r.exit_code == 0 and json.loads(r.stdout)["name"] == "Kestrel Brigade"


def test_config_file_in_the_working_folder_sets_db_and_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store(tmp_path / "conflict.duckdb")
    (tmp_path / "mine.yaml").write_text(CUSTOM_ACTOR, encoding="utf-8")
    (tmp_path / "factiongraph.toml").write_text('db = "conflict.duckdb"\nregistry = "mine.yaml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = CliRunner()
    r = run.invoke(app, ["graph", "-f", "json"])
    assert r.exit_code == 0, r.output
    assert [e["source"] for e in json.loads(r.stdout)["edges"]] == ["alpha"]
    r = run.invoke(app, ["actors", "list", "--kind", "militia", "--country", "SY", "-f", "jsonl"])
    assert "kestrel-brigade" in [json.loads(line)["id"] for line in r.stdout.splitlines()]


def test_option_and_environment_win_over_the_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _store(tmp_path / "real.duckdb")
    (tmp_path / "factiongraph.toml").write_text('db = "missing.duckdb"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = CliRunner()
    assert run.invoke(app, ["graph"]).exit_code == 2  # the file's store does not exist
    assert run.invoke(app, ["graph", "--db", "real.duckdb"]).exit_code == 0
    assert run.invoke(app, ["graph"], env={"FACTIONGRAPH_DB": "real.duckdb"}).exit_code == 0


def test_config_file_with_an_unknown_key_is_an_error_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "factiongraph.toml").write_text('database = "x.duckdb"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["actors", "list"])
    text = " ".join(r.output.split())
    assert r.exit_code == 2 and "unknown key 'database' (valid keys: db, registry, model)" in text


def test_serve_takes_the_token_from_the_new_variable_and_warns_on_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uvicorn = pytest.importorskip("uvicorn")
    pytest.importorskip("fastapi")
    from factiongraph.web import app as web_app

    served: list[dict[str, Any]] = []
    tokens: list[str | None] = []
    monkeypatch.setattr(uvicorn, "run", lambda web, **kw: served.append(kw))
    monkeypatch.setattr(web_app, "create_app", lambda db, token, max_body, **kw: tokens.append(token))
    db = _store(tmp_path / "fg.duckdb")
    run = CliRunner()
    old = run.invoke(app, ["serve", "--db", str(db), "--port", "8123"], env={"FG_API_TOKEN": "t0k"})
    assert old.exit_code == 0, old.output
    text = " ".join(old.output.split())
    assert "FG_API_TOKEN is deprecated; set FACTIONGRAPH_API_TOKEN instead" in text and "writes enabled" in text
    new = run.invoke(app, ["serve", "--db", str(db)], env={"FACTIONGRAPH_API_TOKEN": "t0k"})
    assert new.exit_code == 0 and "deprecated" not in new.output and "writes enabled" in new.output
    plain = run.invoke(app, ["serve"], env={"FACTIONGRAPH_DB": str(db)})
    assert plain.exit_code == 0 and "read-only" in plain.output
    assert [s["port"] for s in served] == [8123, 8000, 8000] and tokens == ["t0k", "t0k", None]
