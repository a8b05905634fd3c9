"""Bytes to text: byte-order marks, UTF-16/32, other charsets (detected), invalid UTF-8, line ends, binary data."""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_bytes", "detect_charset", "looks_binary", "normalise_newlines", "text_looks_binary"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (b"%PDF-", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"BZh")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def bom_encoding(data: bytes) -> tuple[str | None, int]:
    """The encoding a byte-order mark announces, and the BOM's length."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None, 0


def looks_binary(data: bytes) -> bool:
    """Whether raw bytes are not text: NUL bytes, known binary signatures, many control bytes."""
    if bom_encoding(data)[0] in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return False  # NUL bytes are normal there; checked again after decoding.
    sample = data[:65536]
    if sample.startswith(_MAGIC) or b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 11, 12, 13, 27) or b == 127)
    return controls / len(sample) > 0.1


def text_looks_binary(text: str) -> bool:
    """Whether decoded text is really binary data: NULs, many control or replacement characters."""
    sample = text[:65536]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    if len(_CONTROL.findall(sample)) / len(sample) > 0.1:
        return True
    visible = sum(1 for c in sample if not c.isspace())
    bad = sample.count("\ufffd")
    return visible > 0 and bad >= 8 and bad / visible > 0.3


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR to LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode bytes to text, never failing; returns `(text, warnings)`.

    A byte-order mark wins (UTF-8, UTF-16, UTF-32), then a declared charset (an
    HTML `<meta charset>`), then UTF-8; text that is not UTF-8 and declares nothing
    is decoded in the charset `detect_charset` finds, with a warning. Bytes still
    undecodable become U+FFFD and give a warning. The BOM is dropped; line ends are
    not touched here.
    """
    warnings: list[str] = []
    enc, skip = bom_encoding(data)
    body = data[skip:]
    if enc is None and declared:
        try:
            enc = codecs.lookup(declared).name
        except LookupError:
            warnings.append(f"unknown charset {declared!r} declared; decoded as UTF-8")
            enc = None
        if enc in ("utf-16", "utf-32"):  # a declaration without a BOM is not to be trusted
            enc = None
    guess = enc is None
    enc = enc or "utf-8"
    try:
        text = body.decode(enc)
    except UnicodeDecodeError:
        # Valid multi-byte UTF-8 in it: UTF-8 with a few broken bytes, not another charset.
        detected = detect_charset(body) if guess and not _UTF8_SEQUENCE.search(body) else None
        if detected is not None:
            warnings.append(f"not UTF-8: decoded as {detected[0]} (detected)")
            return detected[1], warnings
        text = body.decode(enc, errors="replace")
        n = text.count("\ufffd") - _legit_replacements(body, enc)
        label = "UTF-8" if enc.replace("_", "-").lower() in ("utf-8", "utf8") else enc
        n = max(n, 1)
        warnings.append(f"invalid {label} replaced with U+FFFD at {n} place{'s' if n != 1 else ''}")
    return text, warnings


# Preferred when it reads the bytes as well as the best guess: the usual charset of English
# text that is not UTF-8 (short texts fit many single-byte charsets equally well).
_WESTERN = "cp1252"
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CLOSE_CHAOS = 0.05
_WIDE = ("utf_16", "utf_32")
# IBM's EBCDIC code pages (Python's codecs): mainframe charsets no news text comes in, which read byte 0x25
# as a line feed, so a guess of one for stray bytes would split a JSONL file's lines differently
_EBCDIC = frozenset({"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"})


def detect_charset(body: bytes) -> tuple[str, str] | None:
    """(charset, text) of bytes that are not UTF-8, from charset-normalizer, or None when nothing fits."""
    try:
        from charset_normalizer import from_bytes

        # a wide Unicode charset is trusted only with its BOM (as for a declared one, above): a guess
        # of BOM-less UTF-16/32 for stray bytes would read a file's lines as one
        best = next((m for m in from_bytes(body) if not m.encoding.startswith(_WIDE) and m.encoding not in _EBCDIC),
                    None)
        if best is None:
            return None
        western = from_bytes(body, cp_isolation=[_WESTERN]).best()
    except Exception:  # noqa: BLE001 - detection is best-effort: fall back to replacement characters
        return None
    if western is not None and western.chaos <= best.chaos + _CLOSE_CHAOS:
        best = western
    return best.encoding, str(best)


def _legit_replacements(body: bytes, enc: str) -> int:
    """U+FFFD characters that were really in the input (encoded properly)."""
    try:
        return body.count("\ufffd".encode(enc))
    except (LookupError, UnicodeEncodeError):
        return 0


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def html_charset(data: bytes) -> str | None:
    """The charset a web page declares in its first few kilobytes."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None
