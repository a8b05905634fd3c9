"""Optional features without their extra: a clear error naming the extra, nothing written, nothing lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factiongraph.cli import app
from factiongraph.extras import MissingExtra, absent, need
from factiongraph.read import read_bytes
from factiongraph.store.core import Store

PAGE = b"<html><head><title>Raid</title></head><body><p>Gunmen raided a market in Gao on Friday.</p></body></html>"


def test_absent_names_only_the_missing_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)  # as if not installed
    assert absent("json", "networkx", "no_such_module_here") == ["networkx", "no_such_module_here"]


def test_need_raises_an_error_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(MissingExtra) as e:
        need("networkx", "graph", "GraphML and GEXF export")
    assert str(e.value) == ("GraphML and GEXF export needs networkx (not installed): "
                            "pip install 'factiongraph[graph]'")
    assert isinstance(e.value, ImportError)


def test_a_page_read_without_the_html_extra_is_a_document_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (doc,) = read_bytes("page.html", PAGE, "html")
    assert doc.error is not None and doc.text == ""
    assert (doc.error.code, doc.error.message) == (
        "needs_extra", "reading HTML needs trafilatura (not installed): pip install 'factiongraph[html]'")


def test_a_jsonl_html_field_without_the_html_extra_is_a_document_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lxml", None)
    monkeypatch.setitem(sys.modules, "htmldate", None)
    line = b'{"id": "a", "html": "<p>Shelling hit Kharkiv.</p>", "url": "https://example.org/a"}\n'
    (doc,) = read_bytes("feed.jsonl", line, "jsonl")
    assert doc.error is not None and doc.error.code == "needs_extra"
    assert doc.error.message.startswith("reading HTML needs lxml, htmldate (not installed)")
    assert doc.url == "https://example.org/a"  # the report is still named


def test_a_page_is_read_with_the_html_extra() -> None:
    pytest.importorskip("trafilatura")
    (doc,) = read_bytes("page.html", PAGE, "html")
    assert doc.error is None and doc.text == "Gunmen raided a market in Gao on Friday."


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_export_without_networkx_says_which_extra_and_writes_no_file(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str) -> None:
    Store.open(tmp_path / "fg.duckdb").close()
    monkeypatch.setitem(sys.modules, "networkx", None)
    out = tmp_path / f"g.{fmt}"
    res = CliRunner().invoke(app, ["export", "-f", fmt, "--db", str(tmp_path / "fg.duckdb"), "-o", str(out)])
    assert res.exit_code == 2
    assert f"{fmt} export needs networkx (not installed): pip install 'factiongraph[graph]'" in res.stderr
    assert not out.exists()
