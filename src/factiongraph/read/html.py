"""Web pages: the main text, the reader comments under it (with commenters) and the title.

Needs the `html` extra (lxml, trafilatura, htmldate): `factiongraph.read` reports a page read
without it as a document error naming the extra.

The main text comes from trafilatura (with the comment section cut out of the page first). Reader
comments come from our own detection of comment containers in the lxml tree: elements whose id or
class names a comment, reply or discussion, with the commenter's name from an author/username/fn
element. When the page has none that we can see, trafilatura's own comment extraction is used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

import lxml.html
from lxml import etree

from factiongraph.document import Section
from factiongraph.read.decode import html_charset

__all__ = ["MAX_DEPTH", "HtmlResult", "check_html", "extract_html", "flatten", "html_charset"]


@dataclass
class HtmlResult:
    text: str
    title: str | None
    sections: list[Section]
    warnings: list[str] = field(default_factory=list)
    comments: list[tuple[str | None, str]] = field(default_factory=list)
    published: dt.date | None = None  # from the page's own publication-date markup, never guessed




# --------------------------------------------------------------------------- broken markup

def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_VOID = _words(
    "area base br col embed hr img input link meta param source track wbr frame basefont isindex "
    "keygen command"
)
_OPTIONAL_END = _words(
    "p li dt dd tr td th thead tbody tfoot option optgroup rt rp colgroup caption html head body"
)


class _BalanceChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.open: Counter[str] = Counter()  # tags on the stack: membership without a scan
        self.problems: list[str] = []
        self.max_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.stack.append(tag)
            self.open[tag] += 1
            self.max_depth = max(self.max_depth, len(self.stack))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if not self.open[tag]:
            if tag not in _OPTIONAL_END:
                self.problems.append(f"stray </{tag}>")
            return
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            if top == tag:
                break
            if top not in _OPTIONAL_END:
                self.problems.append(f"unclosed <{top}>")


def check_html(html: str) -> list[str]:
    """Problems of the markup (unclosed or stray tags, a truncated tag): empty if well formed."""
    return _check(html)[0]


def _check(html: str) -> tuple[list[str], int]:
    """Problems of the markup and how deep its elements nest."""
    checker = _BalanceChecker()
    try:
        checker.feed(html)
        checker.close()
    except Exception as exc:  # html.parser is lenient, but never let a check kill a document
        return [f"unparseable markup ({exc})"], checker.max_depth
    problems = checker.problems
    problems += [f"unclosed <{t}>" for t in checker.stack if t not in _OPTIONAL_END]
    tail = html.rstrip()[-2000:]
    if tail.rfind("<") > tail.rfind(">"):
        problems.append("truncated tag at the end")
    return problems, checker.max_depth


# libxml2 stops building the tree 256 elements deep (2048 with its "huge" option) and drops
# the text below; deeper markup is flattened first.
MAX_DEPTH = 200
# Tags kept when flattening: text separators, and those whose content is not text.
_KEEP_FLAT = _words("html head body title meta p br h1 h2 h3 h4 h5 h6 script style noscript template svg")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*>")
_BREAKS = re.compile(r"<br>(?:\s*<br>)+")


def flatten(html: str) -> str:
    """The markup without its nesting: every tag but `_KEEP_FLAT` ones removed, blocks as line breaks."""

    def repl(m: re.Match[str]) -> str:
        tag = m.group(2).lower()
        if tag in _KEEP_FLAT:
            return m.group(0)
        return "<br>" if tag in _BLOCK_TAGS else " "

    return _BREAKS.sub("<br>", _TAG.sub(repl, html))


# --------------------------------------------------------------------------- comment detection

_COMMENTISH = re.compile(r"comment|reply|replies|discussion|disqus|respon[sd]", re.IGNORECASE)
# Parts of a comment or of the comment area that are not comments themselves.
_PART = re.compile(
    r"author|user|avatar|vcard|meta|date|time|header|footer|byline|info|link|button|action|vote|"
    r"form|respond|count|title|heading|nav|pagination|policy|notice|closed|login|edit|says|"
    r"permalink|icon|share|report|like|rating|reply-to|reply-link|replylink|toolbar",
    re.IGNORECASE,
)
_AUTHOR = re.compile(
    r"^(?:fn|author|username|user-?name|nickname|screen-?name|commenter|commenter-name|"
    r"comment-author(?:-name)?|author-name|user-link|display-?name|byline-name)$",
    re.IGNORECASE,
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "form", "button", "time", "textarea", "select",
                        "template", "svg", "input", "nav"})
_BLOCK_TAGS = _words(
    "p div li ul ol br h1 h2 h3 h4 h5 h6 blockquote article section header footer aside pre table tr td "
    "th dd dt dl figure figcaption main"
)
_SAYS_TAIL = re.compile(r"^\s*(?:says|said|wrote|writes)\s*:\s*", re.IGNORECASE)
_UI_TEXT = re.compile(r"^(?:reply|report|share|like|flag|permalink|quote|↓|\|)$", re.IGNORECASE)


def _names(el: etree._Element) -> str:
    return f"{el.get('id') or ''} {el.get('class') or ''}"


def _tokens(el: etree._Element) -> list[str]:
    return (el.get("class") or "").split() + ([el.get("id")] if el.get("id") else [])


def _is_author(el: etree._Element) -> bool:
    if el.get("itemprop") == "author" or el.get("rel") == "author":
        return True
    return any(_AUTHOR.match(t) or t.lower().endswith(("-author", "_author", "-username"))
               for t in _tokens(el))


def _is_part(el: etree._Element) -> bool:
    toks = _tokens(el)
    return bool(toks) and all(_PART.search(t) for t in toks if _COMMENTISH.search(t) or _PART.search(t))


def _is_commentish(el: etree._Element) -> bool:
    return isinstance(el.tag, str) and bool(_COMMENTISH.search(_names(el)))


def _inside(el: etree._Element, container: etree._Element) -> bool:
    return any(anc is container for anc in el.iterancestors())


def _text(el: etree._Element, skip: set[etree._Element]) -> str:
    """Visible text of an element, leaving out the `skip` subtrees and page furniture."""
    out: list[str] = []

    def walk(e: etree._Element) -> None:
        if not isinstance(e.tag, str):
            return
        if e in skip or e.tag in _SKIP_TAGS:
            return
        if e.tag in _BLOCK_TAGS:
            out.append(" ")
        if e.text:
            out.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if e.tag in _BLOCK_TAGS:
            out.append(" ")

    walk(el)
    return " ".join("".join(out).split())


def _clean_body(text: str) -> str:
    text = _SAYS_TAIL.sub("", text).strip()
    words = text.split()
    while words and _UI_TEXT.match(words[-1]):
        words.pop()
    return " ".join(words)


def _clean_author(text: str) -> str | None:
    name = re.sub(r"\s*(?:says|said|wrote|writes)?\s*:?\s*$", "", " ".join(text.split()), flags=re.IGNORECASE)
    name = name.strip(" @|·•-–—")
    return name[:80] or None


def _in_comment_area(el: etree._Element) -> bool:
    return _is_commentish(el) or any(_is_commentish(a) for a in el.iterancestors())


def _find_comments(root: etree._Element) -> tuple[list[tuple[str | None, str]], list[etree._Element]]:
    """`[(author, text)]` of the reader comments in a page, in page order, and the comment areas."""
    found: list[tuple[etree._Element, str | None, str]] = []

    def in_form(el: etree._Element) -> bool:
        return any(a.tag in ("form", "nav", "header") for a in el.iterancestors())

    # 1. Comments with a commenter: the smallest element around an author element
    #    that holds text besides the author and metadata (and besides other comments).
    authors = [a for a in root.iter() if isinstance(a.tag, str) and _is_author(a) and _in_comment_area(a)
               and not in_form(a)]
    # Keep the outermost author element of nested ones (div.comment-author > cite.fn).
    author_set = set(authors)
    authors = [a for a in authors if not any(x in author_set for x in a.iterancestors())]
    author_set = set(authors)
    for a in authors:
        for x in a.iterancestors():
            if x.tag in ("body", "html"):
                break
            others = {o for o in x.iterdescendants() if o in author_set and o is not a}
            skip: set[etree._Element] = {a}
            if others:
                # Subtrees of x holding other commenters are other comments (replies).
                for child in x.iterdescendants():
                    if isinstance(child.tag, str) and any(o is child or _inside(o, child) for o in others) \
                            and not _inside(a, child) and child is not a:
                        skip.add(child)
            skip |= {d for d in x.iterdescendants() if isinstance(d.tag, str) and _is_part(d)
                     and not _inside(a, d)}
            body = _clean_body(_text(x, skip))
            if len(body) >= 2 and re.search(r"\w", body):
                found.append((x, _clean_author(_text(a, set())), body))
                break
    # Elements inside, around or equal to a comment found so far.
    covered: set[etree._Element] = set()
    for el, _, _ in found:
        covered.add(el)
        covered.update(el.iterdescendants())
        covered.update(el.iterancestors())

    # 2. Comments without a commenter: comment elements that hold no other comment element.
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or el.tag in ("body", "html") or in_form(el):
            continue
        if not _is_commentish(el) or _is_part(el) or _is_author(el):
            continue
        if el in covered:
            continue
        inner = [d for d in el.iterdescendants() if isinstance(d.tag, str) and _is_commentish(d)
                 and not _is_part(d) and d.tag not in _SKIP_TAGS]
        if inner:
            continue
        parts = {d for d in el.iterdescendants() if isinstance(d.tag, str) and _is_part(d)}
        body = _clean_body(_text(el, parts))
        if len(body) >= 2 and re.search(r"\w", body):
            found.append((el, None, body))

    order = {el: k for k, el in enumerate(root.iter())}
    found.sort(key=lambda t: order.get(t[0], 0))
    # One element found twice (two author elements in one comment): keep the first.
    final: list[tuple[etree._Element, str | None, str]] = []
    seen: set[etree._Element] = set()
    for el, author, body in found:
        if el in seen:
            continue
        seen.add(el)
        final.append((el, author, body))
    areas = _outer_areas([el for el, _, _ in final], root)
    return [(a, b) for _, a, b in final], areas


def _outer_areas(items: Iterable[etree._Element], root: etree._Element) -> list[etree._Element]:
    """The outermost comment-ish ancestors of the items (the whole comment area), to cut from the page."""
    areas: list[etree._Element] = []
    for el in items:
        top = el
        for anc in el.iterancestors():
            if anc.tag in ("body", "html", "main", "article") and not _is_commentish(anc):
                break
            if _is_commentish(anc):
                top = anc
        if top not in areas:
            areas.append(top)
    # Keep only the outermost.
    return [a for a in areas if not any(_inside(a, b) for b in areas if b is not a)]


# --------------------------------------------------------------------------- main text

_PARA_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td")


def _fallback_text(root: etree._Element) -> str:
    body = root.find(".//body")
    el = body if body is not None else root
    paras = [_text(p, set()) for p in el.iter(*_PARA_TAGS)]
    paras = [p for p in paras if p]
    if not paras:
        paras = [_text(el, set())]
    return "\n".join(p for p in paras if p)


def _title(root: etree._Element) -> str | None:
    for xpath in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
                  "//title/text()", "//h1//text()"):
        try:
            found = root.xpath(xpath)
        except etree.XPathError:
            continue
        text = " ".join(" ".join(str(x) for x in found).split()) if found else ""
        if text:
            return text
    return None


#: htmldate's default lower bound is 1995; conflict reporting from earlier archives is dated too
_MIN_DATE = "1900-01-01"


def _published(html: str) -> dt.date | None:
    """The publication date a page states in its markup (meta tags, JSON-LD, <time datetime>), else None.

    Read by htmldate without its extensive search: a date guessed from the URL or the text would
    be invented. The original publication date wins over a modification date.
    """
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d",
                          min_date=_MIN_DATE)
    except Exception:  # noqa: BLE001 - a page that htmldate cannot read has no stated date
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(str(found))
    except ValueError:
        return None


def _trafilatura(html: str, include_comments: bool) -> tuple[str | None, str | None, str | None]:
    """(main text, comments text, title) from trafilatura, or Nones if it fails."""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, include_comments=include_comments, with_metadata=True,
                                          favor_recall=True)
    except Exception:
        return None, None, None
    if doc is None:
        return None, None, None
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return get("text"), get("comments"), get("title")


def _clean_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n") if line.strip()]


def extract_html(html: str) -> HtmlResult:
    """Main text and reader comments of a page, as one text with section spans."""
    warnings: list[str] = []
    problems, depth = _check(html)
    if depth > MAX_DEPTH:
        html = flatten(html)
        problems = []
        warnings.append(f"HTML nested {depth} levels deep: its structure was flattened to read the text")
    root: etree._Element | None
    try:
        parser = lxml.html.HTMLParser(recover=True, remove_comments=True)
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    comments: list[tuple[str | None, str]] = []
    title = None
    published = _published(html)
    pruned = html
    if root is not None:
        title = _title(root)
        comments, areas = _find_comments(root)
        if areas:
            for area in areas:
                parent = area.getparent()
                if parent is not None:
                    parent.remove(area)
            pruned = lxml.html.tostring(root, encoding="unicode")
    main, tf_comments, tf_title = _trafilatura(pruned, include_comments=not comments)
    title = title or tf_title
    fell_back = False
    if not main or not main.strip():
        fell_back = True
        main = _fallback_text(root) if root is not None else re.sub(r"<[^>]*>?", " ", html)
    if not comments and tf_comments:
        comments = [(None, line) for line in _clean_lines(tf_comments)]
    if problems:
        shown = ", ".join(dict.fromkeys(problems[:3]))
        warnings.append(f"broken HTML ({len(problems)} problem{'s' if len(problems) != 1 else ''}: "
                        f"{shown}); text extracted best-effort")
    elif fell_back and main.strip():
        warnings.append("main text not found by trafilatura; plain HTML text used (best-effort)")
    main_text = "\n".join(_clean_lines(main))
    # Comments already in the main text (a page trafilatura read differently) are not repeated.
    comments = [(a, c) for a, c in comments if c and c not in main_text]
    text = main_text
    sections: list[Section] = []
    if main_text:
        sections.append(Section("article", 0, len(main_text)))
    for author, body in comments:
        start = len(text) + (1 if text else 0)
        text = f"{text}\n{body}" if text else body
        sections.append(Section("comment", start, len(text), author))
    # Contiguous cover of the text: each section runs up to where the following one begins.
    fixed = [
        Section(s.kind, 0 if k == 0 else s.start,
                sections[k + 1].start if k + 1 < len(sections) else len(text), s.author)
        for k, s in enumerate(sections)
    ]
    return HtmlResult(text=text, title=title, sections=fixed, warnings=warnings, comments=comments,
                      published=published)
