"""Property: the reader never raises and gives one document per file (per JSONL line)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factiongraph.read import read_paths

_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_bytes = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from([b'{"text": "a b"}', b"{", b"[]", b'{"id": 1, "html": "<p>x"}', b"\xff",
                              b"<html>", b"\r", b"\n", b" ", b'{"text": ""}', b"\x00"]),
             max_size=12).map(b"".join),
)


def _write(data: bytes, suffix: str) -> Path:
    d = Path(tempfile.mkdtemp())
    p = d / f"f{suffix}"
    p.write_bytes(data)
    return p


@_settings
@given(_bytes, st.sampled_from([".txt", ".html", ".htm"]))
def test_read_arbitrary_bytes_never_raises_and_gives_one_document(data: bytes, suffix: str) -> None:
    p = _write(data, suffix)
    docs = list(read_paths([str(p)]))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.id == str(p)
    assert (doc.error is None) == bool(doc.text)


@_settings
@given(_bytes)
@example(b"A%\x80")  # stray bytes an EBCDIC code page would read with a line feed in them
def test_read_arbitrary_jsonl_gives_one_document_per_line(data: bytes) -> None:
    p = _write(data, ".jsonl")
    docs = list(read_paths([str(p)]))
    lines = [ln for ln in data.split(b"\n") if ln.strip()]
    binary = any(d.error is not None and d.error.code == "binary" for d in docs)
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        assert len(docs) >= 1  # UTF-16/32: lines are not byte lines
    elif binary or not lines:
        assert len(docs) == 1
    else:
        assert len(docs) == len(lines)
    for doc in docs:
        assert (doc.error is None) == bool(doc.text)
