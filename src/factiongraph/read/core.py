"""Paths, folders and standard input to `Document`s, one per input document, in input order.

Bad input never stops a batch and is never dropped: it becomes a document with
`text=""` and `error=DocError(code, message)`. Codes: `binary`, `empty`,
`too_large`, `bad_jsonl`, `not_english`, `unreadable`, `unsupported`, `not_a_file`
(a FIFO, socket or device: never opened for reading, so it cannot hang a run).
Trouble that still leaves a usable text (replacement characters, a detected
non-UTF-8 charset, best-effort HTML, a bad `published` date, an id used twice)
is reported in `warnings`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO, TextIO

from factiongraph.document import DocError, Document
from factiongraph.extras import MissingExtra, absent
from factiongraph.language import NON_ENGLISH_PROBABILITY, detect_language, language_name
from factiongraph.read.decode import decode_bytes, html_charset, looks_binary, normalise_newlines, text_looks_binary

__all__ = ["STDIN_FORMATS", "SUPPORTED_EXTENSIONS", "STDIN_ID", "read_paths", "read_bytes"]

SUPPORTED_EXTENSIONS = (".txt", ".html", ".htm", ".jsonl")
STDIN_FORMATS = ("auto", "txt", "html", "jsonl")
STDIN_ID = "<stdin>"
DEFAULT_MAX_BYTES = 5_000_000
# Text is called non-English only above this confidence (see `factiongraph.language`).
NOT_ENGLISH_CONFIDENCE = NON_ENGLISH_PROBABILITY


def error_doc(doc_id: str, code: str, message: str, *, warnings: Sequence[str] = (),
              language: str | None = None, **meta: Any) -> Document:
    """A document that could not be processed."""
    return Document(id=doc_id, text="", language=language, warnings=tuple(warnings),
                    error=DocError(code, message), **meta)


def _finish(doc_id: str, text: str, *, warnings: Sequence[str] = (), hints: dict[str, Any] | None = None,
            title: str | None = None, url: str | None = None, published: dt.date | None = None) -> Document:
    """Checks common to every input (binary, empty, language) and the document."""
    meta: dict[str, Any] = {"title": title, "url": url, "published": published}
    if text_looks_binary(text):
        return error_doc(doc_id, "binary", "binary data, not text", warnings=warnings, **meta)
    if not text.strip():
        return error_doc(doc_id, "empty", "no text", warnings=warnings, **meta)
    lang, conf = detect_language(text)
    if lang is not None and lang != "en" and conf >= NOT_ENGLISH_CONFIDENCE:
        return error_doc(doc_id, "not_english",
                         f"text is not English: looks like {language_name(lang)} "
                         f"({lang}, confidence {conf:.2f})",
                         warnings=warnings, language=lang, **meta)
    return Document(id=doc_id, text=text, language="en", warnings=tuple(warnings), hints=dict(hints or {}),
                    **meta)


# --------------------------------------------------------------------------- formats


def _read_txt(doc_id: str, data: bytes) -> Document:
    if looks_binary(data):
        return error_doc(doc_id, "binary", "binary data, not text")
    text, warnings = decode_bytes(data)
    return _finish(doc_id, normalise_newlines(text), warnings=warnings)


#: the modules HTML reading needs: the `html` extra
HTML_MODULES = ("lxml", "trafilatura", "htmldate")


def _html_doc(doc_id: str, html: str, warnings: list[str], **meta: Any) -> Document:
    missing = absent(*HTML_MODULES)
    if missing:  # the html extra is not installed: the page is reported, not read as markup soup
        return error_doc(doc_id, "needs_extra", str(MissingExtra("reading HTML", "html", missing)),
                         warnings=warnings, **meta)
    from factiongraph.read.html import extract_html

    try:
        res = extract_html(html)
    except Exception as exc:  # an extractor bug must not kill the batch
        return error_doc(doc_id, "unreadable", f"HTML could not be extracted: {exc}", warnings=warnings)
    hints: dict[str, Any] = {"sections": list(res.sections)} if res.sections else {}
    title = meta.pop("title", None) or res.title
    if meta.get("published") is None and res.published is not None:
        meta["published"] = res.published
        hints["published_from"] = "html"
    return _finish(doc_id, res.text, warnings=[*warnings, *res.warnings], hints=hints, title=title, **meta)


def _read_html(doc_id: str, data: bytes) -> Document:
    if looks_binary(data):
        return error_doc(doc_id, "binary", "binary data, not text")
    text, warnings = decode_bytes(data, declared=html_charset(data))
    if text_looks_binary(text):
        return error_doc(doc_id, "binary", "binary data, not text", warnings=warnings)
    if not text.strip():
        return error_doc(doc_id, "empty", "no text", warnings=warnings)
    return _html_doc(doc_id, normalise_newlines(text), warnings)


_BLANK = " \t\r\n\f\v"  # ASCII whitespace only: other characters on a line are content


def _blank(line: str | bytes) -> bool:
    if isinstance(line, bytes):
        return not line.strip(_BLANK.encode())
    return not line.strip(_BLANK)


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def parse_published(value: Any) -> tuple[dt.date | None, str | None]:
    """A `published` value as a date, or None and a warning."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str):
        m = _DATE.match(value.strip())
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), None
            except ValueError:
                pass
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    return None, f"bad published date {shown} ignored (expected YYYY-MM-DD)"


def _jsonl_record(source: str, lineno: int, line: str, line_warnings: list[str]) -> Document:
    fallback_id = f"{source}:{lineno}"
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return error_doc(fallback_id, "bad_jsonl", f"line {lineno}: not valid JSON ({msg})",
                         warnings=line_warnings)
    if not isinstance(obj, dict):
        return error_doc(fallback_id, "bad_jsonl", f"line {lineno}: not a JSON object",
                         warnings=line_warnings)
    raw_id = obj.get("id")
    doc_id = fallback_id if raw_id is None or raw_id == "" else str(raw_id)
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return error_doc(doc_id, "bad_jsonl", f'line {lineno}: no "text" or "html" string',
                         warnings=line_warnings)
    warnings = list(line_warnings)
    published, warn = parse_published(obj.get("published"))
    if warn:
        warnings.append(warn)
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    if isinstance(text, str):
        # The text is kept exactly as given: offsets refer to it.
        return _finish(doc_id, text, warnings=warnings, title=title, url=url, published=published)
    assert isinstance(html, str)
    return _html_doc(doc_id, normalise_newlines(html), warnings, title=title, url=url, published=published)


def _jsonl_from_text(source: str, text: str, warnings: list[str]) -> Iterator[Document]:
    emitted = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if _blank(line):
            continue
        emitted = True
        yield _jsonl_record(source, lineno, line.rstrip("\r"), warnings)
    if not emitted:
        yield error_doc(source, "empty", "no JSON lines", warnings=warnings)


def _read_jsonl(source: str, data: bytes) -> Iterator[Document]:
    if looks_binary(data):
        yield error_doc(source, "binary", "binary data, not JSON lines")
        return
    text, warnings = decode_bytes(data)
    if text_looks_binary(text):
        yield error_doc(source, "binary", "binary data, not JSON lines", warnings=warnings)
        return
    yield from _jsonl_from_text(source, text, warnings)


def _read_jsonl_stream(source: str, f: BinaryIO, max_bytes: int) -> Iterator[Document]:
    """A JSONL file larger than max_bytes: line by line, each line at most max_bytes."""
    lineno = 0
    emitted = False
    while True:
        line = f.readline(max_bytes + 1)
        if not line:
            break
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the long line without keeping it
                rest = f.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            emitted = True
            yield error_doc(f"{source}:{lineno}", "too_large", f"line {lineno} is over {max_bytes} bytes")
            continue
        if _blank(line):
            continue
        emitted = True
        if looks_binary(line):
            yield error_doc(f"{source}:{lineno}", "bad_jsonl", f"line {lineno}: binary data")
            continue
        text, warnings = decode_bytes(line)
        yield _jsonl_record(source, lineno, text.rstrip("\r\n"), warnings)
    if not emitted:
        yield error_doc(source, "empty", "no JSON lines")


def read_bytes(doc_id: str, data: bytes, kind: str) -> Iterator[Document]:
    """Documents from bytes of a known kind: "txt", "html" or "jsonl"."""
    if kind == "jsonl":
        yield from _read_jsonl(doc_id, data)
    elif kind == "html":
        yield _read_html(doc_id, data)
    else:
        yield _read_txt(doc_id, data)


# --------------------------------------------------------------------------- files and folders


def _kind(path: str) -> str | None:
    ext = os.path.splitext(path)[1].lower()
    return {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}.get(ext)


def _read_file(path: str, max_bytes: int) -> Iterator[Document]:
    kind = _kind(path)
    if kind is None:
        ext = os.path.splitext(path)[1] or "(none)"
        yield error_doc(path, "unsupported",
                        f"unsupported file type {ext}: expected one of {', '.join(SUPPORTED_EXTENSIONS)}")
        return
    try:
        # Anything but a regular file is refused before and after opening; O_NONBLOCK: opening a
        # FIFO put in its place meanwhile does not wait for a writer.
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            yield error_doc(path, "not_a_file", f"not a regular file ({_file_kind(mode)}): not read")
            return
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        yield error_doc(path, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        yield error_doc(path, "not_a_file", f"not a regular file ({_file_kind(info.st_mode)}): not read")
        return
    try:
        with os.fdopen(fd, "rb") as f:
            size = info.st_size
            if size > max_bytes:
                if kind == "jsonl":
                    yield from _read_jsonl_stream(path, f, max_bytes)
                else:
                    yield error_doc(path, "too_large", f"file is {size} bytes, over the limit of {max_bytes}")
                return
            data = f.read(max_bytes + 1)
    except OSError as exc:
        yield error_doc(path, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    if len(data) > max_bytes:  # grew since stat, or a special file
        yield error_doc(path, "too_large", f"file is over the limit of {max_bytes} bytes")
        return
    yield from read_bytes(path, data, kind)


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "a special file"


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: str) -> Iterator[tuple[str, OSError | None]]:
    """Supported files under a folder, recursively, sorted by path; errors as they come."""
    found: list[tuple[tuple[str, ...], str]] = []
    errors: list[tuple[str, OSError]] = []

    def onerror(exc: OSError) -> None:
        errors.append((exc.filename or folder, exc))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d))
        rel = os.path.relpath(dirpath, folder)
        parts = () if rel == "." else tuple(rel.split(os.sep))
        for name in filenames:
            if _is_hidden(name) or _kind(name) is None:
                continue
            found.append(((*parts, name), os.path.join(dirpath, name)))
    for _, path in sorted(found):
        yield path, None
    for path, exc in errors:
        yield path, exc


# --------------------------------------------------------------------------- stdin

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"<(?:p|div|article|section|span|a|br|h[1-6]|ul|li|table|body|title)\b[^>]*>",
                        re.IGNORECASE)


def sniff(text: str) -> str:
    """"jsonl", "html" or "txt" for text of unknown kind.

    JSON lines: the first line is a JSON object, or most lines start with "{" and one of them is
    one (bad lines then become `bad_jsonl` errors rather than one plain-text document).
    """
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if lines and lines[0].lstrip().startswith("{"):
        if isinstance(_try_json(lines[0]), dict):
            return "jsonl"
        braced = [ln for ln in lines[:1000] if ln.lstrip().startswith("{")]
        if len(braced) * 2 > min(len(lines), 1000) and any(isinstance(_try_json(ln), dict) for ln in braced[:100]):
            return "jsonl"
    if _HTML_START.match(text[:4096]) or len(_HTML_TAGS.findall(text[:20000])) >= 3:
        return "html"
    return "txt"


def _try_json(line: str) -> Any:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return None


def _read_stdin(stream: TextIO | BinaryIO | None, max_bytes: int, fmt: str = "auto") -> Iterator[Document]:
    stream = stream if stream is not None else sys.stdin
    try:
        binary = getattr(stream, "buffer", None)
        raw = (binary or stream).read(max_bytes + 1)
    except (OSError, ValueError, io.UnsupportedOperation) as exc:
        yield error_doc(STDIN_ID, "unreadable", f"cannot read standard input: {exc}")
        return
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else bytes(raw or b"")
    if len(data) > max_bytes:
        yield error_doc(STDIN_ID, "too_large", f"standard input is over the limit of {max_bytes} bytes")
        return
    if looks_binary(data):
        yield error_doc(STDIN_ID, "binary", "binary data, not text")
        return
    if fmt == "auto":
        text, _ = decode_bytes(data)
        fmt = sniff(normalise_newlines(text))
    yield from read_bytes(STDIN_ID, data, fmt)


# --------------------------------------------------------------------------- public


def read_paths(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
               stdin: TextIO | BinaryIO | None = None, stdin_format: str = "auto") -> Iterator[Document]:
    """Documents from files, folders and `-` (standard input), in input order.

    - `.txt`: the text; `.html`/`.htm`: main text then reader comments, with their
      spans in `hints["sections"]`; `.jsonl`: one document a line (`id`, `text` or
      `html`, `title`, `url`, `published`).
    - Folders are read recursively in sorted path order; hidden files and files of
      other types in them are skipped.
    - A document id is the JSONL `id` (else `PATH:LINE`), else the path as given,
      normalised (`./a//b.txt` is `a/b.txt`, so one file is one document however it
      is spelled), `<stdin>` for standard input. A document whose id an earlier one
      has gets a warning (ids are meant to be unique; both are kept).
    - Standard input is `stdin_format` ("txt", "html", "jsonl"), or sniffed ("auto").
    - Only regular files are read: a FIFO, socket or device is a `not_a_file` error.
    - Every problem gives a document with `error` set; this never raises for bad input.
    """
    if stdin_format not in STDIN_FORMATS:
        raise ValueError(f"unknown stdin format {stdin_format!r}: expected one of {', '.join(STDIN_FORMATS)}")
    seen: set[str] = set()
    for doc in _read_all(paths, max_bytes, stdin, stdin_format):
        if doc.id in seen:
            doc = dataclasses.replace(doc, warnings=(*doc.warnings, f"duplicate id {doc.id!r}: an earlier document "
                                                                    "has it too (both kept)"))
        seen.add(doc.id)
        yield doc


def _read_all(paths: Sequence[str], max_bytes: int, stdin: TextIO | BinaryIO | None,
              stdin_format: str) -> Iterator[Document]:
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin, max_bytes, stdin_format)
            continue
        path = os.path.normpath(path) if path else path
        if os.path.isdir(path):
            for file, exc in _walk(path):
                if exc is not None:
                    yield error_doc(file, "unreadable", f"cannot read folder: {exc.strerror or exc}")
                else:
                    yield from _read_file(file, max_bytes)
        elif not os.path.exists(path):
            yield error_doc(path, "unreadable", "no such file or folder")
        else:
            yield from _read_file(path, max_bytes)
