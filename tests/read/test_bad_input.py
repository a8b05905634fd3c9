"""Readers on hostile input: special files, other charsets, deep HTML, JSONL on stdin, repeated ids."""

from __future__ import annotations

import io
import os
import socket
import time
from pathlib import Path

import pytest

from factiongraph.document import Document
from factiongraph.read import read_paths
from factiongraph.read.core import sniff
from factiongraph.read.count import count_documents

REPORT = "Government troops shelled rebel positions outside Homs on Friday, the monitor said."
unix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def read(*paths: str | Path, **kw: object) -> list[Document]:
    return list(read_paths([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def codes(docs: list[Document]) -> list[tuple[str, str | None]]:
    return [(Path(d.id).name, d.error.code if d.error else None) for d in docs]


@unix_only
def test_a_fifo_in_a_folder_is_an_error_and_does_not_block_the_other_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT)
    os.mkfifo(tmp_path / "b.txt")  # nobody writes to it: opening it for reading would wait forever
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "Rebels fled the town of Idlib on Monday."}\n')
    os.mkfifo(tmp_path / "d.jsonl")
    t0 = time.monotonic()
    docs = read(tmp_path)
    assert time.monotonic() - t0 < 5
    assert codes(docs) == [("a.txt", None), ("b.txt", "not_a_file"), ("c1", None), ("d.jsonl", "not_a_file")]
    assert docs[1].error is not None and docs[1].error.message == "not a regular file (a FIFO): not read"
    assert count_documents([str(tmp_path)]) == 4  # the count does not open the FIFOs either


@unix_only
def test_a_fifo_named_on_the_command_line_is_an_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.html")
    [doc] = read(tmp_path / "pipe.html")
    assert doc.error is not None and doc.error.code == "not_a_file"


def test_a_socket_and_a_device_are_errors(tmp_path: Path) -> None:
    if not hasattr(socket, "AF_UNIX") or not Path("/dev/null").exists():
        pytest.skip("needs Unix sockets and /dev/null")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "s.txt"))
    (tmp_path / "null.txt").symlink_to("/dev/null")
    try:
        docs = read(tmp_path / "s.txt", tmp_path / "null.txt")
    finally:
        sock.close()
    assert [d.error.message if d.error else None for d in docs] == [
        "not a regular file (a socket): not read", "not a regular file (a character device): not read"]


@pytest.mark.parametrize("text", [
    "Le président a déclaré que l’armée avait repris la ville de Gao après deux jours de combats.",
    "Rebels in São Tomé attacked the café beside the ministry’s façade, officials said.",
    "The naïve coöperation between the militias ended in a bitter rivalry over the Ménaka road.",
])
def test_cp1252_text_is_detected_and_decoded_without_replacement_characters(tmp_path: Path, text: str) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes(text.encode("cp1252"))
    [doc] = read(p, max_bytes=10_000)
    assert doc.text == text or doc.error is not None and doc.error.code == "not_english"
    assert "not UTF-8: decoded as cp1252 (detected)" in doc.warnings


@pytest.mark.parametrize("depth", [300, 3_000, 30_000])
def test_html_nested_deeper_than_the_parser_allows_keeps_its_text(tmp_path: Path, depth: int) -> None:
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div><section>" * depth + f"<p>{REPORT}</p>" + "</section></div>" * depth
                 + "<p>Aid convoys reached the city on Saturday.</p></body></html>")
    [doc] = read(p)
    assert doc.error is None
    assert doc.text == f"{REPORT}\nAid convoys reached the city on Saturday."
    assert doc.warnings == (f"HTML nested {2 * depth + 3} levels deep: its structure was flattened to read the text",)


def test_jsonl_on_stdin_with_bad_lines_is_read_as_jsonl() -> None:
    data = (b'{"id": "s1", "text": "Militants attacked a checkpoint in Sinai on Monday."}\n'
            b'{"id": "s2", "text": oops}\n'
            b'not json at all\n'
            b'{"id": "s3", "text": "Soldiers repelled an assault on the base on Tuesday."}\n')
    docs = read("-", stdin=io.BytesIO(data))
    assert [(d.id, d.error.code if d.error else None) for d in docs] == [
        ("s1", None), ("<stdin>:2", "bad_jsonl"), ("<stdin>:3", "bad_jsonl"), ("s3", None)]


def test_jsonl_is_sniffed_when_most_lines_are_braced_even_if_the_first_is_bad() -> None:
    assert sniff('{"id": 1, "text": \n{"id": 2, "text": "a"}\n{"id": 3, "text": "b"}\n') == "jsonl"
    assert sniff("{braces} open this plain line\nand the report goes on\nwith more prose\n") == "txt"
    assert sniff('{"id": "x", "text": "one record"}') == "jsonl"


def test_stdin_format_declared_overrides_sniffing() -> None:
    jsonl = b'{"id": "j1", "text": "Pirates seized a tanker off Somalia on Sunday."}\n'
    [as_text] = read("-", stdin=io.BytesIO(jsonl), stdin_format="txt")
    assert as_text.id == "<stdin>" and as_text.text.startswith('{"id"')
    prose = b"Fighters overran the outpost at dawn.\n{not a record}\n"
    docs = read("-", stdin=io.BytesIO(prose), stdin_format="jsonl")
    assert [d.error.code if d.error else None for d in docs] == ["bad_jsonl", "bad_jsonl"]
    with pytest.raises(ValueError, match="unknown stdin format 'xml'"):
        read("-", stdin=io.BytesIO(prose), stdin_format="xml")


def test_a_repeated_id_is_kept_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "dup.jsonl"
    p.write_text('{"id": "r1", "text": "Police dispersed protesters in Lagos on Monday."}\n'
                 '{"id": "r2", "text": "Gunmen kidnapped two engineers in Kaduna on Friday."}\n'
                 '{"id": "r1", "text": "Troops arrested a militia leader in Jos on Sunday."}\n')
    docs = read(p)
    assert [d.id for d in docs] == ["r1", "r2", "r1"]
    assert [d.warnings for d in docs] == [(), (), ("duplicate id 'r1': an earlier document has it too (both kept)",)]


@pytest.mark.parametrize(
    "data",
    [b"\x01\t\t\t\n          \xf9", b"a\x00b\x00\xf9\n", b"\x00\x01\xf9\xfa\n\n\x03"],
)
def test_stray_bytes_without_a_bom_are_never_read_as_utf16_or_utf32(data):
    from factiongraph.read.decode import decode_bytes

    text, warnings = decode_bytes(data)
    assert text.count("\n") == data.count(b"\n")  # the lines stay lines
    assert not any("utf_16" in w or "utf_32" in w for w in warnings)
