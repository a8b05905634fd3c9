"""config: the config file (TOML), its errors, and the API token's environment variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph.config import Config, ConfigError, api_token, config_path, load_config


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    for var in ("FACTIONGRAPH_CONFIG", "FACTIONGRAPH_API_TOKEN", "FG_API_TOKEN"):
        monkeypatch.delenv(var, raising=False)


def test_no_config_file_gives_no_defaults(tmp_path: Path) -> None:
    assert config_path(tmp_path) is None
    assert load_config(cwd=tmp_path) == Config() and Config().defaults() == {}


def test_local_file_wins_over_the_user_file_and_paths_are_relative_to_it(tmp_path: Path) -> None:
    user = tmp_path / "xdg" / "factiongraph" / "config.toml"
    user.parent.mkdir(parents=True)
    user.write_text('model = "lg"\n', encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    assert load_config(cwd=work).model == "lg"
    (work / "factiongraph.toml").write_text('db = "data/fg.duckdb"\nregistry = ["a.yaml", "b.yaml"]\n'
                                            'model = "md"\n', encoding="utf-8")  # fmt: skip
    cfg = load_config(cwd=work)
    assert cfg.defaults() == {"db": str(work / "data" / "fg.duckdb"), "model": "md",
                              "registry": [str(work / "a.yaml"), str(work / "b.yaml")]}  # fmt: skip


def test_postgres_url_in_the_config_file_is_kept_as_given(tmp_path: Path) -> None:
    f = tmp_path / "c.toml"
    f.write_text('db = "postgresql://analyst@db.example.org/conflicts"\n', encoding="utf-8")
    assert load_config(f).db == "postgresql://analyst@db.example.org/conflicts"


def test_factiongraph_config_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "elsewhere.toml"
    f.write_text('model = "trf"\n', encoding="utf-8")
    monkeypatch.setenv("FACTIONGRAPH_CONFIG", str(f))
    assert config_path(tmp_path) == f and load_config().model == "trf"
    monkeypatch.setenv("FACTIONGRAPH_CONFIG", str(tmp_path / "gone.toml"))
    with pytest.raises(ConfigError, match="gone.toml: no such config file"):
        load_config()


@pytest.mark.parametrize(("text", "message"), [
    ('db = 3\n', "'db' must be a string"),
    ('registry = [1]\n', "'registry' must be a file name or a list of file names"),
    ('modle = "md"\n', "unknown key 'modle' (valid keys: db, registry, model)"),
    ('db = "unterminated\n', "c.toml: "),
])  # fmt: skip
def test_bad_config_files_are_errors_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    f = tmp_path / "c.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(f)
    assert str(e.value).startswith(str(f)) and message in str(e.value)


def test_api_token_prefers_the_option_then_the_new_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    assert api_token(None, warn=warned.append) is None
    monkeypatch.setenv("FG_API_TOKEN", "old")
    assert api_token(None, warn=warned.append) == "old"
    assert warned == ["FG_API_TOKEN is deprecated; set FACTIONGRAPH_API_TOKEN instead"]
    monkeypatch.setenv("FACTIONGRAPH_API_TOKEN", "new")
    assert api_token(None, warn=warned.append) == "new" and api_token("given") == "given" and len(warned) == 1
