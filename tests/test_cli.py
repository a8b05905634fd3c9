"""Command line: the bad-input acceptance case, extract options and the actors commands.

The spaCy pipeline is loaded once per session (the `pipeline` fixture): library calls
(`extract_paths`) and typer's CliRunner (with `Pipeline.load` patched to return the
session pipeline) do most of the work; the real `factiongraph` console script is
spawned only twice (the acceptance folder and a missing model).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factiongraph import cli
from factiongraph.contract import to_contract
from factiongraph.pipeline import Pipeline, extract_paths

runner = CliRunner()

NUSRA = "Jabhat al-Nusra fighters attacked a Syrian army checkpoint near Aleppo on Sunday, killing four soldiers.\n"
DOUMA = "Government forces shelled the rebel-held town of Douma on Tuesday, killing five civilians, a monitor said.\n"
QUSAYR = "Hezbollah fighters attacked Jabhat al-Nusra positions near Qusayr on Friday.\n"
IDLIB_HTML = (
    "<html><head><title>Clashes in Idlib</title></head><body><div><p>Ahrar al-Sham fighters attacked "
    "Jabhat Fateh al-Sham positions in Idlib on Monday, killing three fighters, the Syrian Observatory said."
    "<p>Clashes continued <b>into the night</div></span></body>"
)
AFRIN = "Turkish troops shelled Kurdish YPG positions near Afrin on Saturday, killing two fighters."

# Folder names deliberately not in creation order: output follows sorted path order.
EXPECTED_ORDER = [
    "aleppo-report.txt",
    "bad-utf8.txt",
    "good-1",  # batch.jsonl line 1 (its own id)
    "batch.jsonl:2",
    "big.txt",
    "binary.txt",
    "broken.html",
    "empty.txt",
    "zz-report.txt",
]
EXPECTED_ERRORS = {
    "batch.jsonl:2": "bad_jsonl",
    "big.txt": "too_large",
    "binary.txt": "binary",
    "empty.txt": "empty",
}


def make_acceptance_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "zz-report.txt").write_text(DOUMA, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    with open(folder / "big.txt", "wb") as f:
        f.write(b"Rebels attacked the town.\n")
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written
    # broken UTF-8 (valid "\xc3\xa9" beside three bad bytes), not text in another charset
    (folder / "bad-utf8.txt").write_bytes(QUSAYR.encode() + b"Caf\xe9 owners in Tom\xc3\xa9 fled the \xff\xfe town.\n")
    (folder / "broken.html").write_text(IDLIB_HTML, encoding="utf-8")
    good = {"id": "good-1", "text": AFRIN, "published": "2018-01-20"}
    (folder / "batch.jsonl").write_text(json.dumps(good) + "\n" + '{"id": "bad-2", "text": "unterminated\n',
                                        encoding="utf-8")
    (folder / "aleppo-report.txt").write_text(NUSRA, encoding="utf-8")
    return folder


def short_id(doc_id: str, folder: Path) -> str:
    prefix = str(folder) + os.sep
    return doc_id[len(prefix):] if doc_id.startswith(prefix) else doc_id


def event_tuples(obj: dict) -> list[tuple]:
    return [(e["plover"], e["actor1"], e["actor2"], e["trigger"]["text"]) for e in obj["events"]]


def factiongraph_exe() -> str:
    exe = Path(sys.executable).parent / "factiongraph"
    if exe.exists():
        return str(exe)
    found = shutil.which("factiongraph")
    if found is None:  # pragma: no cover - depends on the install
        pytest.skip("factiongraph console script not installed")
    return found


def spawn(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}  # Rich's default width, as in a pipe
    return subprocess.run([factiongraph_exe(), *args], capture_output=True, text=True, input=stdin, env=env,
                          timeout=120)


# --------------------------------------------------------------------------- acceptance: library level


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_acceptance_folder(tmp_path_factory.mktemp("acceptance") / "inbox")


@pytest.fixture(scope="module")
def by_id(folder: Path, pipeline: Pipeline) -> dict[str, dict]:
    docs = [to_contract(d) for d in extract_paths([str(folder)], pipeline)]
    return {short_id(d["document"]["id"], folder): d for d in docs}


def test_folder_gives_one_result_per_document_in_sorted_order(folder: Path, pipeline: Pipeline) -> None:
    ids = [short_id(d.id, folder) for d in extract_paths([str(folder)], pipeline)]
    assert ids == EXPECTED_ORDER


def test_binary_file_gives_binary_error(by_id: dict) -> None:
    d = by_id["binary.txt"]
    assert d["error"] == {"code": "binary", "message": "binary data, not text"}
    assert d["document"]["text"] == "" and "events" not in d


def test_empty_file_gives_empty_error(by_id: dict) -> None:
    assert by_id["empty.txt"]["error"] == {"code": "empty", "message": "no text"}


def test_50mb_file_gives_too_large_error(by_id: dict) -> None:
    assert by_id["big.txt"]["error"] == {
        "code": "too_large", "message": "file is 52428800 bytes, over the limit of 5000000"}


def test_malformed_jsonl_line_gives_bad_jsonl_error_and_good_line_is_extracted(by_id: dict) -> None:
    bad = by_id["batch.jsonl:2"]
    assert bad["error"]["code"] == "bad_jsonl"
    assert bad["error"]["message"].startswith("line 2: not valid JSON")
    good = by_id["good-1"]
    assert "error" not in good and "warnings" not in good
    assert good["document"]["published"] == "2018-01-20"
    assert {a["id"] for a in good["actors"]} == {"turkey", "ypg"}
    assert event_tuples(good) == [("ASSAULT", "turkey", "ypg", "shelled")]


def test_invalid_utf8_gives_warning_and_normal_results(by_id: dict) -> None:
    d = by_id["bad-utf8.txt"]
    assert "error" not in d
    assert d["warnings"] == ["invalid UTF-8 replaced with U+FFFD at 3 places"]
    assert d["document"]["text"].count("\ufffd") == 3
    assert {a["id"] for a in d["actors"]} == {"hezbollah", "jabhat-al-nusra"}
    assert event_tuples(d) == [("ASSAULT", "hezbollah", "jabhat-al-nusra", "attacked")]


def test_broken_html_gives_warning_and_normal_results(by_id: dict) -> None:
    d = by_id["broken.html"]
    assert "error" not in d
    assert d["warnings"] == ["broken HTML (2 problems: unclosed <b>, stray </span>); text extracted best-effort"]
    assert d["document"]["title"] == "Clashes in Idlib"
    assert d["document"]["text"].startswith("Ahrar al-Sham fighters attacked Jabhat Fateh al-Sham positions")
    assert event_tuples(d) == [("ASSAULT", "ahrar-al-sham", "jabhat-fateh-al-sham", "attacked")]


def test_good_report_gives_actors_and_assault_event(by_id: dict) -> None:
    d = by_id["aleppo-report.txt"]
    assert "error" not in d and "warnings" not in d
    assert [a["id"] for a in d["actors"]] == ["jabhat-al-nusra", "syria"]
    [e] = d["events"]
    assert (e["plover"], e["actor1"], e["actor2"]) == ("ASSAULT", "jabhat-al-nusra", "syria")
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Battles", "Armed clash")
    assert e["actor1_mention"]["text"] == "Jabhat al-Nusra" and e["actor2_mention"]["text"] == "Syrian army"
    assert e["location"]["name"] == "Aleppo"
    # the event's hostility, then the mention-level one of "killing four soldiers" (same event, same sides)
    assert [(r["type"], r["source"], r["target"], r["derived_from"], r["target_mention"]["text"])
            for r in d["relations"]] == [("hostility", "jabhat-al-nusra", "syria", "e1", "Syrian army"),
                                         ("hostility", "jabhat-al-nusra", "syria", "e1", "four soldiers")]


def test_second_good_report_gives_shelling_of_civilians(by_id: dict) -> None:
    d = by_id["zz-report.txt"]
    assert [a["id"] for a in d["actors"]] == ["syria", "civilians"]
    [e] = d["events"]
    assert (e["plover"], e["actor1"], e["actor2"], e["certainty"]) == ("ASSAULT", "syria", "civilians", "reported")
    assert e["attributed_to"] == "a monitor"


def test_shelling_of_civilians_is_acled_remote_violence(by_id: dict) -> None:
    [e] = by_id["zz-report.txt"]["events"]
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert e["trigger"]["text"] == "shelled"


# --------------------------------------------------------------------------- acceptance: the real command


@pytest.fixture(scope="module")
def spawned(folder: Path) -> subprocess.CompletedProcess[str]:
    return spawn("extract", str(folder), "--format", "jsonl")


def check_folder_run(code: int, stdout: str, stderr: str, folder: Path) -> None:
    """What `factiongraph extract FOLDER --format jsonl` gives on the acceptance folder: one object a
    document in order, the error rows with exit code 1, and one stderr line per failed document."""
    assert code == 1
    lines = stdout.splitlines()
    assert len(lines) == len(EXPECTED_ORDER)
    objs = [json.loads(line) for line in lines]
    assert [short_id(o["document"]["id"], folder) for o in objs] == EXPECTED_ORDER
    errors = {short_id(o["document"]["id"], folder): o["error"]["code"] for o in objs if "error" in o}
    assert errors == EXPECTED_ERRORS
    warned = sorted(short_id(o["document"]["id"], folder) for o in objs if "warnings" in o)
    assert warned == ["bad-utf8.txt", "broken.html"]
    good = {short_id(o["document"]["id"], folder): o for o in objs}
    assert event_tuples(good["aleppo-report.txt"]) == [("ASSAULT", "jabhat-al-nusra", "syria", "attacked")]
    assert "Traceback" not in stderr
    flat = " ".join(stderr.split())
    for doc_id, code_ in EXPECTED_ERRORS.items():
        assert f"error {folder / doc_id}: {code_}:" in flat
    assert "4 document(s) could not be processed" in flat
    err_lines = stderr.splitlines()
    for o in objs:
        if "error" in o:
            assert f"error {o['document']['id']}: {o['error']['code']}: {o['error']['message']}" in err_lines


@pytest.mark.slow  # a second process loads its own model and pipeline
def test_cli_extract_folder_end_to_end(spawned: subprocess.CompletedProcess[str], folder: Path) -> None:
    check_folder_run(spawned.returncode, spawned.stdout, spawned.stderr, folder)


def test_cli_extract_folder_in_process(patched: None, folder: Path) -> None:
    res = invoke("extract", str(folder), "--format", "jsonl")
    check_folder_run(res.exit_code, res.stdout, res.stderr, folder)


def check_missing_model(code: int, stdout: str, stderr: str) -> None:
    assert code == 2
    assert "Traceback" not in stderr
    flat = " ".join(stderr.split())
    assert "no spaCy model found (tried nonexistent-model)" in flat
    assert stdout == ""


@pytest.mark.slow  # a second process imports the whole CLI
def test_cli_missing_model_is_a_clear_error() -> None:
    res = spawn("extract", "--model", "nonexistent-model", "-", stdin=NUSRA)
    check_missing_model(res.returncode, res.stdout, res.stderr)


def test_cli_missing_model_is_a_clear_error_in_process() -> None:
    res = invoke("extract", "--model", "nonexistent-model", "-", input=NUSRA)
    assert isinstance(res.exception, SystemExit)  # an exit with a message, no exception escaping
    check_missing_model(res.exit_code, res.stdout, res.stderr)


# --------------------------------------------------------------------------- CliRunner: extract options


@pytest.fixture
def patched(monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> None:
    """`factiongraph extract` uses the session pipeline unless a model or registry is asked for."""
    original = Pipeline.load

    def load(model=None, registry_files=()):
        if model is None and not registry_files:
            return pipeline
        return original(model=model, registry_files=registry_files)

    monkeypatch.setattr(cli.Pipeline, "load", staticmethod(load))


@pytest.fixture
def report(tmp_path: Path) -> Path:
    p = tmp_path / "report.txt"
    p.write_text(NUSRA, encoding="utf-8")
    return p


def invoke(*args: str, input: str | None = None):
    return runner.invoke(cli.app, list(args), input=input)


def test_extract_json_format_gives_a_json_array(patched: None, report: Path, tmp_path: Path) -> None:
    other = tmp_path / "douma.txt"
    other.write_text(DOUMA, encoding="utf-8")
    res = invoke("extract", str(report), str(other), "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert isinstance(data, list) and len(data) == 2
    assert [d["document"]["id"] for d in data] == [str(report), str(other)]
    assert all(d["schema"] == "factiongraph.document/1" for d in data)


def test_extract_jsonl_is_the_default_when_not_a_terminal(patched: None, report: Path) -> None:
    res = invoke("extract", str(report))
    assert res.exit_code == 0
    [line] = res.stdout.splitlines()
    assert json.loads(line)["document"]["id"] == str(report)


def test_extract_output_option_writes_the_file(patched: None, report: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = invoke("extract", str(report), "--format", "jsonl", "--output", str(out))
    assert res.exit_code == 0
    assert res.stdout == ""
    [obj] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert obj["document"]["id"] == str(report)
    assert event_tuples(obj) == [("ASSAULT", "jabhat-al-nusra", "syria", "attacked")]


def test_extract_published_applies_to_documents_without_a_date(patched: None, report: Path,
                                                                tmp_path: Path) -> None:
    dated = tmp_path / "dated.jsonl"
    dated.write_text(json.dumps({"id": "dated", "text": AFRIN, "published": "2018-01-20"}) + "\n", encoding="utf-8")
    res = invoke("extract", str(report), str(dated), "--published", "2016-11-20", "--format", "jsonl")
    assert res.exit_code == 0
    first, second = (json.loads(x) for x in res.stdout.splitlines())
    assert first["document"]["published"] == "2016-11-20"
    # "on Sunday" resolves against the publication date (a Sunday).
    assert first["events"][0]["date"] == {"start": "2016-11-20", "end": "2016-11-20", "precision": "day",
                                          "text": "Sunday"}
    assert second["document"]["published"] == "2018-01-20"  # its own date wins


def test_extract_bad_published_value_is_a_usage_error(report: Path) -> None:
    res = invoke("extract", str(report), "--published", "2016-13-45")
    assert res.exit_code == 2
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert "'2016-13-45' is not a date (YYYY-MM-DD)" in res.stderr
    assert "Traceback" not in res.output


def test_extract_dash_reads_stdin(patched: None) -> None:
    res = invoke("extract", "-", "--format", "jsonl", input=NUSRA)
    assert res.exit_code == 0
    [obj] = [json.loads(x) for x in res.stdout.splitlines()]
    assert obj["document"]["id"] == "<stdin>"
    assert obj["document"]["text"] == NUSRA
    assert event_tuples(obj) == [("ASSAULT", "jabhat-al-nusra", "syria", "attacked")]


def test_extract_malformed_registry_names_file_and_line(monkeypatch: pytest.MonkeyPatch, report: Path,
                                                        tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - id: foo\n    name: [unclosed\n  bad: : :\n", encoding="utf-8")
    # The registry error must come before any model is loaded: a model load here would fail the test.
    monkeypatch.setattr(cli.Pipeline, "load", staticmethod(_load_registry_only))
    res = invoke("extract", str(report), "--registry", str(bad))
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    assert f"{bad}:4:" in " ".join(res.stderr.split())


def _load_registry_only(model=None, registry_files=()):
    from factiongraph.actors.registry import Registry

    Registry.load(registry_files)
    raise AssertionError("a valid registry was expected to fail")


def test_extract_table_format_shows_the_evidence_sentence(patched: None, tmp_path: Path) -> None:
    p = tmp_path / "short.txt"
    p.write_text("Jabhat al-Nusra attacked the Syrian army.\n", encoding="utf-8")
    res = invoke("extract", str(p), "--format", "table")
    assert res.exit_code == 0
    assert "Events" in res.stdout and "evidence" in res.stdout
    assert "Jabhat al-Nusra attacked the Syrian army." in res.stdout
    assert "ASSAULT" in res.stdout


# --------------------------------------------------------------------------- actors


def test_actors_list_jsonl_has_every_field() -> None:
    res = invoke("actors", "list", "--format", "jsonl")
    assert res.exit_code == 0
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(rows) >= 500
    for row in rows:
        assert {"id", "name", "kind", "acled_inter", "country", "aliases"} <= row.keys()
    ids = [r["id"] for r in rows]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert "jabhat-al-nusra" in ids


def test_actors_show_gives_lineage() -> None:
    res = invoke("actors", "show", "jabhat-fateh-al-sham")
    assert res.exit_code == 0
    d = json.loads(res.stdout)
    assert d["id"] == "jabhat-fateh-al-sham" and d["name"] == "Jabhat Fateh al-Sham"
    assert d["lineage"] == ["jabhat-al-nusra", "jabhat-fateh-al-sham", "hayat-tahrir-al-sham"]
    assert d["predecessors"] == [{"id": "jabhat-al-nusra", "date": "2016-07-28", "how": "rename"}]


def test_actors_show_unknown_id_exits_1() -> None:
    res = invoke("actors", "show", "nosuch")
    assert res.exit_code == 1
    assert "no actor 'nosuch'" in res.stderr
    assert res.stdout == ""


def test_actors_show_near_miss_suggests_ids() -> None:
    res = invoke("actors", "show", "nusra")
    assert res.exit_code == 1
    flat = " ".join(res.stderr.split())
    assert "no actor 'nusra' (did you mean:" in flat
    assert "jabhat-al-nusra" in flat


def test_actors_search_finds_nusra() -> None:
    res = invoke("actors", "search", "nusra", "--format", "jsonl")
    assert res.exit_code == 0
    ids = [json.loads(x)["id"] for x in res.stdout.splitlines()]
    assert "jabhat-al-nusra" in ids


def test_extract_min_confidence_filters_relations_by_their_calibrated_confidence(
    patched: None, report: Path
) -> None:
    every = json.loads(invoke("extract", str(report), "--min-confidence", "0").stdout)
    assert {(r["type"], r["source"], r["target"]) for r in every["relations"]} == {
        ("hostility", "jabhat-al-nusra", "syria")
    }
    assert all(0.0 <= r["confidence"] <= 1.0 and r["method"] for r in every["relations"])
    above = json.loads(invoke("extract", str(report), "--min-confidence", "1").stdout)
    assert above["relations"] == []  # a probability never reaches 1: nothing passes
    assert above["events"] == every["events"]  # the threshold is about relations only


def test_extract_min_confidence_outside_zero_to_one_is_refused(patched: None, report: Path) -> None:
    res = invoke("extract", str(report), "--min-confidence", "1.5")
    assert res.exit_code == 2
