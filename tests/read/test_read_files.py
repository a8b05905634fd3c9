"""Readers: one document per input document, errors as documents, never an exception."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from factiongraph.document import Section
from factiongraph.read import read_paths

ENGLISH = "Government forces shelled the town of Douma on Monday, killing five civilians, a monitor said.\n"


def read(*paths: Path | str, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def test_read_txt_file_gives_its_text_with_path_as_id(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ENGLISH, encoding="utf-8")
    [doc] = read(p)
    assert doc.id == str(p)
    assert doc.text == ENGLISH
    assert doc.error is None and doc.warnings == () and doc.language == "en"


def test_read_path_spellings_of_one_file_give_one_id(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    p = tmp_path / "sub" / "a.txt"
    p.write_text(ENGLISH, encoding="utf-8")
    ids = {d.id for d in read(p, f"{tmp_path}/./sub//a.txt", f"{tmp_path}/sub/../sub/a.txt")}
    assert ids == {str(p)}
    [doc] = read(f"{tmp_path}/sub/")
    assert doc.id == str(p)


def test_read_binary_file_gives_error_line(tmp_path: Path) -> None:
    p = tmp_path / "blob.txt"
    p.write_bytes(b"\x00\x01\x02\x03PK\x00\x00" * 100)
    [doc] = read(p)
    assert doc.error is not None and doc.error.code == "binary"
    assert doc.text == "" and doc.id == str(p)


def test_read_empty_and_whitespace_files_give_empty_error(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.txt").write_bytes(b"  \n\t\r\n ")
    docs = read(tmp_path / "e.txt", tmp_path / "w.txt")
    assert [d.error.code for d in docs if d.error] == ["empty", "empty"]


def test_read_50mb_file_gives_too_large_without_reading_it(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(50_000_000)  # sparse: no 50 MB written
    [doc] = read(p)
    assert doc.error is not None and doc.error.code == "too_large"
    assert "50000000" in doc.error.message


def test_read_respects_max_bytes(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ENGLISH)
    [doc] = read(p, max_bytes=10)
    assert doc.error is not None and doc.error.code == "too_large"


def test_read_invalid_utf8_is_replaced_with_warning(tmp_path: Path) -> None:
    # "Tomé" in proper UTF-8 beside three broken bytes: broken UTF-8, not another charset
    p = tmp_path / "bad.txt"
    p.write_bytes(b"Rebels near Tom\xc3\xa9 seized the caf\xe9 and the \xff\xfe bridge, the army said.")
    [doc] = read(p)
    assert doc.error is None
    assert doc.text.count("\ufffd") == 3
    assert doc.warnings == ("invalid UTF-8 replaced with U+FFFD at 3 places",)


def test_read_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfThe army said rebels fled.\r\nThey left the town.\rThe end.")
    [doc] = read(p)
    assert doc.text == "The army said rebels fled.\nThey left the town.\nThe end."


def test_read_utf16_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes("The army said the rebels fled the town.\r\n".encode("utf-16"))
    [doc] = read(p)
    assert doc.error is None and doc.text == "The army said the rebels fled the town.\n"


def test_read_unsupported_extension_gives_error_line(tmp_path: Path) -> None:
    p = tmp_path / "report.pdf"
    p.write_bytes(b"%PDF-1.4 ...")
    [doc] = read(p)
    assert doc.error is not None and doc.error.code == "unsupported"
    assert ".pdf" in doc.error.message


def test_read_missing_file_gives_unreadable(tmp_path: Path) -> None:
    [doc] = read(tmp_path / "nope.txt")
    assert doc.error is not None and doc.error.code == "unreadable"


def test_read_non_english_text_gives_not_english(tmp_path: Path) -> None:
    p = tmp_path / "fr.txt"
    p.write_text("Le gouvernement a annoncé mardi que les forces de sécurité ont arrêté trois personnes "
                 "dans la ville, selon un communiqué publié par le ministère.", encoding="utf-8")
    [doc] = read(p)
    assert doc.error is not None and doc.error.code == "not_english"
    assert "French" in doc.error.message and doc.language == "fr" and doc.text == ""


def test_read_folder_is_recursive_sorted_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c.txt").write_text(ENGLISH)
    (tmp_path / "d.txt").write_text(ENGLISH)
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "notes.md").write_text(ENGLISH)
    (tmp_path / ".hidden.txt").write_text(ENGLISH)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ENGLISH)
    ids = [d.id for d in read(tmp_path)]
    assert ids == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt"), str(tmp_path / "d.txt")]


def test_read_keeps_input_order_across_paths(tmp_path: Path) -> None:
    for name in ("z.txt", "a.txt"):
        (tmp_path / name).write_text(ENGLISH)
    ids = [d.id for d in read(tmp_path / "z.txt", tmp_path / "missing.txt", tmp_path / "a.txt")]
    assert ids == [str(tmp_path / "z.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "a.txt")]


def test_read_jsonl_one_good_one_malformed_line(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    good = {"id": "d1", "text": ENGLISH, "title": "Shelling", "url": "http://x/1", "published": "2016-11-20"}
    p.write_text(json.dumps(good) + "\n{broken\n", encoding="utf-8")
    first, second = read(p)
    assert (first.id, first.text, first.title, first.url) == ("d1", ENGLISH, "Shelling", "http://x/1")
    assert first.published == dt.date(2016, 11, 20) and first.error is None
    assert second.id == f"{p}:2" and second.error is not None and second.error.code == "bad_jsonl"


def test_read_jsonl_non_object_and_missing_text_are_bad_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    p.write_text('[1, 2]\n\n{"title": "no text"}\n{"text": "The army said rebels fled."}\n')
    docs = read(p)
    assert [d.id for d in docs] == [f"{p}:1", f"{p}:3", f"{p}:4"]
    assert [d.error.code if d.error else None for d in docs] == ["bad_jsonl", "bad_jsonl", None]


def test_read_jsonl_bad_date_is_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    p.write_text(json.dumps({"id": 7, "text": ENGLISH, "published": "20/11/2016"}) + "\n")
    [doc] = read(p)
    assert doc.id == "7" and doc.error is None and doc.published is None
    assert doc.warnings == ("bad published date '20/11/2016' ignored (expected YYYY-MM-DD)",)


def test_read_jsonl_html_field_is_extracted(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    p.write_text(json.dumps({"id": "h", "html": "<html><body><p>The army said the rebels fled the town "
                             "after two days of fighting.</p></body></html>"}) + "\n")
    [doc] = read(p)
    assert doc.text == "The army said the rebels fled the town after two days of fighting."


def test_read_large_jsonl_is_streamed_line_by_line(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    line = json.dumps({"text": ENGLISH})
    p.write_text(line + "\n" + json.dumps({"text": "x" * 300}) + "\n" + line + "\n")
    docs = read(p, max_bytes=len(line) + 50)
    assert [d.error.code if d.error else None for d in docs] == [None, "too_large", None]
    assert docs[1].id == f"{p}:2"


def test_read_stdin_text_jsonl_and_html_are_sniffed() -> None:
    [t] = read("-", stdin=io.StringIO(ENGLISH))
    assert (t.id, t.text) == ("<stdin>", ENGLISH)
    docs = read("-", stdin=io.BytesIO(b'{"id": "s1", "text": "The army said rebels fled."}\n{"id": "s2"}\n'))
    assert [d.id for d in docs] == ["s1", "s2"] and docs[1].error.code == "bad_jsonl"
    [h] = read("-", stdin=io.BytesIO(b"<!DOCTYPE html><html><body><p>The army said the rebels fled the "
                                     b"town after two days of fighting.</p></body></html>"))
    assert h.text == "The army said the rebels fled the town after two days of fighting."


def test_read_stdin_over_max_bytes_is_too_large() -> None:
    [d] = read("-", stdin=io.BytesIO(b"a" * 101), max_bytes=100)
    assert d.error is not None and d.error.code == "too_large"


PAGE = """<!DOCTYPE html>
<html><head><title>Rebels clash in Aleppo | News</title><meta charset="utf-8"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article class="post"><h1>Rebels clash in Aleppo</h1>
<p>Fighting broke out on Sunday between two rebel factions in the eastern part of Aleppo, activists said.</p>
<p>"We will fight until the end," a commander of the Fastaqim group told reporters.</p>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on this</h2>
<ol class="comment-list">
<li id="comment-1" class="comment"><article class="comment-body"><footer class="comment-meta">
<div class="comment-author vcard"><b class="fn">Sam Jones</b> <span class="says">says:</span></div>
<div class="comment-metadata"><time>November 20, 2016</time></div></footer>
<div class="comment-content"><p>This is what you get when you arm jihadis.</p>
<p>Nobody is surprised.</p></div>
<div class="reply"><a class="comment-reply-link">Reply</a></div></article>
<ol class="children"><li id="comment-2" class="comment"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">anon123</b></div></footer>
<div class="comment-content"><p>No, you are wrong about that.</p></div></article></li></ol>
</li></ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div>
</div></body></html>
"""


def test_read_html_separates_main_text_and_comments_with_authors(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    [doc] = read(p)
    main = ("Rebels clash in Aleppo\nFighting broke out on Sunday between two rebel factions in the eastern "
            "part of Aleppo, activists said.\n\"We will fight until the end,\" a commander of the Fastaqim "
            "group told reporters.")
    c1 = "This is what you get when you arm jihadis. Nobody is surprised."
    c2 = "No, you are wrong about that."
    assert doc.text == f"{main}\n{c1}\n{c2}"
    assert doc.title == "Rebels clash in Aleppo | News"
    assert doc.warnings == ()
    n1 = len(main) + 1
    n2 = n1 + len(c1) + 1
    assert doc.hints["sections"] == [
        Section("article", 0, n1),
        Section("comment", n1, n2, "Sam Jones"),
        Section("comment", n2, len(doc.text), "anon123"),
    ]


def test_read_html_comments_without_authors(tmp_path: Path) -> None:
    p = tmp_path / "page.htm"
    body = ENGLISH.strip() + " " + ENGLISH.strip()
    p.write_text("<html><head><title>T</title></head><body><article><p>" + body
                 + "</p></article><section class='discussion'><div class='comment'><p>What a joke.</p></div>"
                 "<div class='comment'><p>I agree with you.</p></div></section></body></html>")
    [doc] = read(p)
    secs = doc.hints["sections"]
    assert [(s.kind, doc.text[s.start:s.end].strip(), s.author) for s in secs[1:]] == [
        ("comment", "What a joke.", None), ("comment", "I agree with you.", None)]


def test_read_broken_html_is_extracted_best_effort_with_warning(tmp_path: Path) -> None:
    p = tmp_path / "broken.html"
    p.write_text("<html><head><title>Broken</title></head><body><div class='content'><p>Government forces "
                 "shelled the town of Douma on Monday, killing five civilians, a monitor said.<div><span>The "
                 "rebels responded with mortar fire on the capital")
    [doc] = read(p)
    assert doc.error is None and doc.title == "Broken"
    assert doc.text == ("Government forces shelled the town of Douma on Monday, killing five civilians, a "
                        "monitor said.\nThe rebels responded with mortar fire on the capital")
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith("broken HTML (")


def test_read_binary_html_gives_binary_error(tmp_path: Path) -> None:
    p = tmp_path / "x.html"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [doc] = read(p)
    assert doc.error is not None and doc.error.code == "binary"


def _page_with_head(head: str, body: str = "") -> str:
    return (f"<html><head><title>Clashes</title>{head}</head><body><article><h1>Clashes</h1>{body}"
            f"<p>{ENGLISH.strip()} Fighting went on into the night in several districts.</p></article></body></html>")


def test_read_html_published_date_comes_from_the_pages_markup(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(_page_with_head('<meta property="article:published_time" content="2016-08-25T09:30:00+00:00">'),
                 encoding="utf-8")
    [doc] = read(p)
    assert doc.published == dt.date(2016, 8, 25) and doc.hints["published_from"] == "html"
    t = tmp_path / "b.html"
    t.write_text(_page_with_head("", '<time itemprop="datePublished" datetime="2023-05-21">21 May</time>'),
                 encoding="utf-8")
    [doc] = read(t)
    assert doc.published == dt.date(2023, 5, 21)


def test_read_html_without_date_markup_or_with_a_bad_one_gets_no_date(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(_page_with_head('<meta property="article:published_time" content="2016-13-45">'), encoding="utf-8")
    [doc] = read(p)
    assert doc.published is None and "published_from" not in doc.hints
    q = tmp_path / "b.html"
    q.write_text(_page_with_head("", "<p>Posted on 3 March 2019</p>"), encoding="utf-8")
    [doc] = read(q)
    assert doc.published is None  # a date in the text is not the page's date markup: not guessed


def test_read_html_published_date_from_json_ld_and_the_original_before_the_modified(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(_page_with_head('<script type="application/ld+json">{"@type": "NewsArticle", '
                                 '"datePublished": "2019-04-02T10:00:00Z", "dateModified": "2019-05-01"}</script>'),
                 encoding="utf-8")
    [doc] = read(p)
    assert doc.published == dt.date(2019, 4, 2) and doc.hints["published_from"] == "html"
    q = tmp_path / "b.html"
    q.write_text(_page_with_head('<meta property="article:modified_time" content="2020-02-02">'
                                 '<meta property="article:published_time" content="2020-01-01">'), encoding="utf-8")
    [doc] = read(q)
    assert doc.published == dt.date(2020, 1, 1)


def test_read_html_published_date_before_1995_is_kept(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(_page_with_head('<meta name="DC.date.issued" content="1992-04-06">'), encoding="utf-8")
    [doc] = read(p)
    assert doc.published == dt.date(1992, 4, 6)


def test_read_jsonl_published_field_wins_over_html_markup(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    html = _page_with_head('<meta property="article:published_time" content="2016-08-25">')
    p.write_text(json.dumps({"id": "x", "html": html, "published": "2017-01-02"}) + "\n", encoding="utf-8")
    [doc] = read(p)
    assert doc.published == dt.date(2017, 1, 2) and "published_from" not in doc.hints
