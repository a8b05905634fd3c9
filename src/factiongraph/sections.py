"""Telling the report apart from the reader comments under it.

`segment(doc)` returns the document with `sections` set: contiguous spans that
cover the whole text, `article` first, then one `comment` section per reader
comment.

Where the reader knows the sections from markup (HTML comment containers), it
puts them in `doc.hints["sections"]` and they are used as they are. In plain
text, comments often follow the article with no marker at all. The text is then
cut into paragraphs and each paragraph gets a score from features of register
(see `paragraph_features` and `WEIGHTS`): a reader writes in the first and
second person, uses contractions, rhetorical questions, exclamations, insults,
opinion markers and informal punctuation, and does not attribute what he says.
Quoted speech and attributed sentences ("We will fight," the commander said)
are removed before the first/second person features are counted, so quotes in
a report stay `article`. The boundary between article and comments is the one
change point that best separates low from high scores: the first paragraph is
always article, and once the comments start, later paragraphs stay comments
unless they are strongly article-like. Explicit markers ("Comments",
"12 comments", "username says:", "— posted by X", "Reply") override the scores
and give the commenter's name as the section's `author`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factiongraph.document import Document, Section
from factiongraph.patterns import lead

__all__ = [
    "WEIGHTS",
    "Paragraph",
    "comment_score",
    "paragraph_features",
    "paragraphs",
    "segment",
    "segment_text",
]


# --------------------------------------------------------------------------- paragraphs


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int  # exclusive, without the trailing newline
    text: str


_SENT_END = tuple('.!?"”’)»:')


def paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines as paragraphs; blank-line separated blocks if the text is hard-wrapped."""
    lines: list[Paragraph] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            trail = len(raw) - len(raw.rstrip())
            lines.append(Paragraph(pos + lead, end - trail, stripped))
        pos = end + 1
    if not lines or not re.search(r"\n[ \t]*\n", text):
        return lines
    # Hard-wrapped prose: most lines are short and do not end a sentence.
    open_lines = sum(1 for p in lines if not p.text.endswith(_SENT_END))
    lengths = sorted(len(p.text) for p in lines)
    if open_lines / len(lines) <= 0.5 or lengths[len(lengths) // 2] >= 100:
        return lines
    blocks: list[Paragraph] = []
    for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        lines_in = m.group(0).split("\n")
        # A marker line ("Reply", "bob says:") is its own paragraph even inside a block.
        off = m.start()
        cur_start: int | None = None
        cur_end = off
        for ln in lines_in:
            s = off + len(ln) - len(ln.lstrip())
            e = off + len(ln.rstrip())
            if _is_marker_line(ln.strip()):
                if cur_start is not None:
                    blocks.append(Paragraph(cur_start, cur_end, text[cur_start:cur_end]))
                    cur_start = None
                blocks.append(Paragraph(s, e, text[s:e]))
            elif ln.strip():
                if cur_start is None:
                    cur_start = s
                cur_end = e
            off += len(ln) + 1
        if cur_start is not None:
            blocks.append(Paragraph(cur_start, cur_end, text[cur_start:cur_end]))
    return blocks


# --------------------------------------------------------------------------- markers

_NAME = r"[^\s:][^\n:]{0,48}?"
_DATE_TAIL = r"(?:\s+(?:on|at|\||-|–|—|,)?\s*[\w ,.:/|-]{0,40}?\d[\w ,.:/|-]{0,40}?)?"
_HEADER = re.compile(
    r"^(?:\d+\s+)?(?:reader'?s?\s+|user\s+)?(?:comments?|responses?|replies|discussion|"
    r"thoughts? on\b.*|reactions?)(?:\s*\(\d+\))?\s*:?$"
    r"|^(?:leave|post|add|write)\s+a\s+(?:reply|comment|response)\b.*$"
    r"|^(?:join|start)\s+the\s+(?:discussion|conversation)\b.*$"
    r"|^(?:show|view|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments?\b.*$"
    r"|^what\s+(?:readers|our\s+readers|you)\s+(?:say|think)\b.*$",
    re.IGNORECASE,
)
_UI = re.compile(
    r"^(?:reply|report|share|like|flag|permalink|quote|reply\s*↓|log\s+in\s+to\s+reply|"
    r"\d+\s+(?:likes?|points?|replies|upvotes?)|(?:up|down)vote|recommend|"
    r"(?:reply|report|share|like|flag)(?:\s*[|·•]\s*(?:reply|report|share|like|flag))+)$",
    re.IGNORECASE,
)
_SAYS = re.compile(
    rf"^(?P<name>{_NAME}){_DATE_TAIL}\s+(?:says|wrote|writes|commented|replied)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_POSTED = re.compile(
    r"^(?P<dash>[—–-]+\s*)?(?:posted|written|submitted|comment)\s+by\s*:?\s+"
    r"(?P<name>[^\n|,]{1,48}?)(?:\s*(?:\||,|\bon\b|\bat\b).*)?$",
    re.IGNORECASE,
)
_INLINE_SIG = re.compile(
    r"\s[—–-]+\s*(?:posted|written|submitted)\s+by\s+(?P<name>[^\n|,.]{1,48}?)\s*\.?$",
    re.IGNORECASE,
)


def _username_like(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 4:
        return False
    if len(words) == 1:
        return True
    # "John Smith", "Abu Ahmed al-Shami": capitalised words, not a sentence.
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in {"al", "el", "de", "van", "von", "bin"}
               for w in words)


def _says_header(line: str) -> tuple[str, str] | None:
    """`(name, rest)` for a "username says:" line."""
    m = _SAYS.match(line)
    if not m:
        return None
    name = m.group("name").strip(" -–—|@")
    rest = m.group("rest").strip()
    low = name.lower()
    if low.split()[:1] and low.split()[0] in {"the", "a", "an", "he", "she", "it", "they", "statement",
                                              "report"}:
        return None
    if not _username_like(name):
        return None
    # In a report, "X says: ..." followed by a quote is attribution, not a comment header.
    if rest[:1] in {'"', "“", "'", "‘"}:
        return None
    return name, rest


def _is_marker_line(line: str) -> bool:
    return bool(_HEADER.match(line) or _UI.match(line) or _says_header(line) or _POSTED.match(line))


# --------------------------------------------------------------------------- features

# A word list's pattern is compiled behind a look-ahead for the letters its entries start with
# (`patterns.lead`): the matches are the same, and CPython's regex engine rejects the positions that start
# none of them before it tries the whole list (the segmenter reads every paragraph of every report with
# these). The lists compiled without IGNORECASE are written in lower case and matched on lowercased text:
# the engine then checks each entry's first letter before trying it, which it cannot do for an IGNORECASE
# pattern (3x faster).
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"\n]*(?:\"|$)|«[^»]*(?:»|$)")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_ATTRIBUTION = lead(
    r"\b(?:said|says|say|told|tells|asked|added|adds|stated|states|declared|announced|claimed|claims|"
    r"warned|insisted|explained|noted|wrote|reported|reports|quoted|according\s+to|"
    r"statement|spokes(?:man|woman|person)|officials?|sources?)\b",
)
_FIRST_SG = lead(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself)\b")
# Case-sensitive on purpose: "US" and "U.S." are not pronouns.
_FIRST_PL = lead(r"\b(?:[Ww]e|us|[Oo]urs?|[Oo]urselves|[Ww]e['’](?:re|ve|d|ll))\b")
_SECOND = lead(r"\b(?:[Yy]ou|[Yy]ours?|[Yy]ourself|[Yy]ourselves|[Yy]ou['’](?:re|ve|d|ll)|ya)\b")
# "SECRETARY KERRY: ...", "Q: ...": a transcript, i.e. quoted speech.
_SPEAKER = re.compile(r"^(?:[A-Z][A-Z.'’ -]{1,40}|Q|A|Question|Answer)\s*:\s")
# A contact line: a phone number, an e-mail address, a web address or a byline's words. Searched as four
# patterns, the e-mail one only where there is an "@" (its `[\w.+-]+` otherwise runs over every word).
_PHONE = re.compile(r"\b\d{3}[-. )]\d{3}[-. ]\d{4}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_WEB = lead(r"https?://|\bwww\.")
_BYLINE = lead(
    r"\b(?:for\s+more\s+information|contact\s+(?:the|us)|is\s+(?:the\s+)?(?:director|author|editor|"
    r"correspondent|professor|fellow)\s+(?:of|at)|reporting\s+by|editing\s+by|follow\s+(?:him|her)\s+on)\b",
)
_CONTRACTION = re.compile(
    r"\b\w+n['’]t\b|\b(?:it|that|there|what|here|who|he|she|let|where|how)['’]s\b|"
    r"\b\w+['’](?:re|ve|ll|m)\b|\bgonna\b|\bwanna\b|\bain['’]t\b",
)
# the only contractions without an apostrophe: a text with none is searched for these alone
_BARE_CONTRACTION = re.compile(r"\bgonna\b|\bwanna\b")


def _contact(text: str) -> bool:
    """A phone number, e-mail or web address, or a byline's words ("reporting by") in `text`."""
    return bool(("@" in text and _EMAIL.search(text)) or _PHONE.search(text) or _WEB.search(text)
                or _BYLINE.search(text))


def _contractions(text: str) -> int:
    """The number of contractions in `text` ("don't", "it's", "gonna")."""
    if "'" in text or "’" in text:
        return len(_CONTRACTION.findall(text))
    return len(_BARE_CONTRACTION.findall(text))


_INSULT = lead(
    r"\b(?:idiot|idiots|idiotic|moron|morons|moronic|stupid|stupidity|fool|fools|foolish|clown|clowns|"
    r"liar|liars|crook|crooks|thug|thugs|scum|scumbags?|pathetic|ridiculous|nonsense|garbage|rubbish|"
    r"crap|damn|bloody|hell|joke|laughable|lunatics?|loons?|imbeciles?|cretins?|dimwits?|"
    r"parasites?|vermin|traitors?|puppets?|shills?|trolls?|hypocrites?|hypocrisy|disgusting|disgrace|"
    r"shameful|shame|sick|lol|lmao|rofl|wtf|omg|smh|bs|bullshit|hogwash|drivel|dumb|insane|"
    r"psychopaths?|sociopaths?|warmongers?|criminals|gangsters?|savages|butchers)\b",
)
_CHARGED = lead(
    r"\b(?:western\s+(?:media|press|msm)|mainstream\s+media|msm|propaganda|presstitutes?|fake\s+news|"
    r"regime[\s-]change|neocons?|deep\s+state|sheeple|wake\s+up|false\s+flag|so[\s-]called|"
    r"cover[\s-]?up|brainwashed|narrative|puppet\s+masters?)\b",
)
_OPINION = lead(
    r"\b(?:i\s+(?:think|believe|guess|suppose|suspect|doubt|bet|hope|wonder|agree|disagree|mean|"
    r"thought|reckon|feel)|imo|imho|in\s+my\s+(?:humble\s+)?(?:opinion|view)|basically|clearly|"
    r"obviously|of\s+course|frankly|honestly|seriously|let['’]s\s+face\s+it|the\s+fact\s+is|"
    r"the\s+point\s+is|the\s+truth\s+is|the\s+only\s+thing|needless\s+to\s+say|no\s+doubt|"
    r"apparently|surely|face\s+it|mind\s+you|to\s+be\s+fair|for\s+one|anyway|whatever|"
    r"what\s+a\b|good\s+luck|so\s+much\s+for|not\s+acceptable|unacceptable)\b",
)
_REPLY_OPENER = re.compile(
    r"^(?:(?:no|yes|yeah|yep|nope|nah|exactly|agreed|indeed|true|correct|absolutely|right|wrong|"
    r"wow|lol|ha+|oh|sorry|thanks|thank\s+you|well|hmm+|sure|really|interesting|great|nonsense|"
    r"rubbish|bingo|precisely|spot\s+on|this)\s*[,.!?:;…]|"
    r"(?:i\s+agree|i\s+disagree|good\s+(?:point|article|post|piece)|great\s+(?:article|post|piece)|"
    r"well\s+said|so\s+true|not\s+really|not\s+so|how\s+about|what\s+about)\b)",
    re.IGNORECASE,
)
_AT_REPLY = re.compile(r"^@\w+|^to\s+@?\w+\s*:|^re\s*:", re.IGNORECASE)
_META = lead(
    r"\b(?:this|the|your|that)\s+(?:article|story|piece|post|blog|report|author|writer|journalist|"
    r"development|analysis|site|website|commenter|comment)\b",
)
_DASH = re.compile(r"\s[—–]\s|\s--?\s|\S—\S")
_ELLIPSIS = re.compile(r"\.\.\.|…")
_LOUD = re.compile(r"!!|\?\?|\?!|!\?")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .]+)?\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s")
# Register of official statements and press releases, which are written in the
# first person too ("We welcome the outcome ...") but are not reader comments.
_OFFICIAL = lead(
    r"\b(?:congratulat\w*|condolences|welcomes?|welcomed|appreciates?|commends?|reaffirms?|"
    r"committed|commitment|partnership|cooperation|stakeholders|constructive|inclusive|framework|"
    r"humanitarian|on\s+behalf\s+of|dialogue|steadfast|urges?|calls?\s+on|look\s+forward|"
    r"sincere|gratitude|solidarity|bilateral|multilateral|delegation|ministry|ministerial)\b",
)
_NEWS_TIME = lead(
    r"\b(?:on|late|early|last|since|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:night|morning|evening)\b"
)

# Hand-set weights over normalised (capped) features; a paragraph whose score is
# above THRESHOLD reads like a reader comment.
WEIGHTS: dict[str, float] = {
    "first_singular": 1.6,
    "first_plural": 0.8,
    "second_person": 1.3,
    "contraction": 0.6,
    "question": 0.9,
    "exclamation": 0.8,
    "insult": 1.3,
    "charged": 0.7,
    "opinion": 1.0,
    "reply_opener": 1.8,
    "at_reply": 2.5,
    "meta_reference": 0.8,
    "dash": 0.6,
    "ellipsis": 0.6,
    "loud": 0.8,
    "long": 0.8,
    "attribution": -0.9,
    "dateline": -2.5,
    "news_time": -0.6,
    "contact": -1.5,
    "official": -0.8,
}
THRESHOLD = 1.2
STRONG_ARTICLE = -2.5
PLAIN_COST = 0.8  # most a plain (not comment-like) paragraph after the change point costs
MIN_GAIN = 1.0  # least total evidence (sum of score - THRESHOLD) to say there are comments


def _own_voice(text: str) -> tuple[str, int]:
    """The paragraph without quoted speech and attributed sentences, and the attribution count."""
    unquoted = _QUOTED.sub(" ", text)
    own: list[str] = []
    attributions = 0
    for m in _SENTENCE.finditer(unquoted):
        sent = m.group(0)
        n = len(_ATTRIBUTION.findall(sent.lower()))
        if n:
            attributions += n
            continue
        own.append(sent)
    return " ".join(own), attributions


def _capped(n: int, first: float = 1.0, more: float = 0.5, cap: float = 2.0) -> float:
    if n <= 0:
        return 0.0
    return min(cap, first + more * (n - 1))


def paragraph_features(text: str) -> dict[str, float]:
    """Normalised features of one paragraph (values roughly in [0, 2])."""
    speaker = bool(_SPEAKER.match(text))
    own, attributions = ("", 1) if speaker else _own_voice(text)
    stripped = text.lstrip("*•>-–— \t")
    own_low, text_low = own.lower(), text.lower()  # for the lowercase word lists
    feats = {
        "first_singular": _capped(len(_FIRST_SG.findall(own))),
        "first_plural": _capped(len(_FIRST_PL.findall(own)), cap=1.5),
        "second_person": _capped(len(_SECOND.findall(own)), cap=1.5),
        "contraction": _capped(_contractions(own_low), cap=1.5),
        "question": _capped(own.count("?"), cap=1.5),
        "exclamation": _capped(own.count("!"), cap=1.5),
        "insult": _capped(len(_INSULT.findall(own_low)), cap=2.0),
        "charged": _capped(len(_CHARGED.findall(own_low)), cap=1.5),
        "opinion": _capped(len(_OPINION.findall(own_low)), cap=1.5),
        "reply_opener": 1.0 if _REPLY_OPENER.match(stripped) else 0.0,
        "at_reply": 1.0 if _AT_REPLY.match(stripped) else 0.0,
        "meta_reference": _capped(len(_META.findall(own_low)), cap=1.5),
        "dash": _capped(len(_DASH.findall(own)), more=0.25, cap=1.5),
        "ellipsis": _capped(len(_ELLIPSIS.findall(own)), cap=1.5),
        "loud": _capped(len(_LOUD.findall(own)), cap=1.5),
        "long": 0.0 if len(text) < 700 else (1.0 if len(text) < 1000 else 1.3),
        # Attribution per sentence, so one "said" in a long comment does not outweigh it.
        "attribution": min(2.5, float(attributions)),
        "dateline": 1.0 if _DATELINE.match(text) else 0.0,
        "news_time": 1.0 if _NEWS_TIME.search(own or text) else 0.0,
        "official": _capped(len(_OFFICIAL.findall(text_low)), more=0.35, cap=2.0),
        "contact": 1.0 if _contact(text_low) else 0.0,
    }
    return feats


def comment_score(text: str) -> float:
    """How much a paragraph reads like a reader comment (> THRESHOLD: likely one)."""
    feats = paragraph_features(text)
    return sum(WEIGHTS[k] * v for k, v in feats.items())


# --------------------------------------------------------------------------- segmentation


@dataclass(slots=True)
class _Unit:
    para: Paragraph
    kind: str = "article"
    author: str | None = None
    new_comment: bool = True  # starts a new comment section (else continues the previous one)
    header: bool = False  # a "Comments" header or UI line: alone it belongs to the first comment after it


def _explicit(units: list[_Unit]) -> int | None:
    """Apply explicit markers; the index of the first comment unit, or None if there are none."""
    first: int | None = None
    in_comments = False
    pending_author: str | None = None
    prev_has_header = False
    for i, u in enumerate(units):
        line = u.para.text
        if _HEADER.match(line):
            in_comments = True
            first = i if first is None else first
            u.kind, u.new_comment, u.header = "comment", False, True
            continue
        says = _says_header(line)
        if says:
            in_comments = True
            first = i if first is None else first
            u.kind, u.author, u.new_comment = "comment", says[0], True
            prev_has_header = True
            pending_author = None
            continue
        posted = _POSTED.match(line)
        if posted and in_comments or posted and posted.group("dash") and i > 0:
            name = posted.group("name").strip()
            if posted.group("dash") and i > 0:
                # Signature of the previous comment.
                in_comments = True
                first = i - 1 if first is None else first
                prev = units[i - 1]
                prev.kind = "comment"
                if prev.author is None:
                    _set_author(units, i - 1, name)
                u.kind, u.new_comment = "comment", False
                prev_has_header = False
                continue
            u.kind, u.new_comment, pending_author = "comment", True, name
            first = i if first is None else first
            prev_has_header = True
            continue
        if _UI.match(line) and (in_comments or i > 0):
            u.kind, u.new_comment, u.header = "comment", False, True
            prev_has_header = False
            continue
        if in_comments:
            u.kind = "comment"
            sig = _INLINE_SIG.search(line)
            if prev_has_header:
                # Body of a "bob says:" comment: continues its section.
                u.new_comment = False
                if pending_author:
                    _set_author(units, i, pending_author)
                    pending_author = None
            else:
                u.new_comment = True
            if sig:
                _set_author(units, i, sig.group("name").strip())
            continue
        sig = _INLINE_SIG.search(line)
        if sig and i > 0:
            in_comments = True
            first = i if first is None else first
            u.kind, u.author = "comment", sig.group("name").strip()
    return first


def _set_author(units: list[_Unit], i: int, name: str) -> None:
    """Set the author of the comment section holding unit i."""
    j = i
    while j > 0 and not units[j].new_comment and units[j - 1].kind == "comment":
        j -= 1
    units[j].author = name


def _change_point(scores: Sequence[float]) -> int:
    """Index of the first comment paragraph (len(scores) for none): maximises sum(score - THRESHOLD)."""
    n = len(scores)
    # A document that opens in a personal voice (a statement, a column) needs a
    # clearer change of register before anything counts as a comment.
    theta = max(THRESHOLD, scores[0]) if scores else THRESHOLD
    best_b, best = n, 0.0
    acc = 0.0
    for b in range(n - 1, 0, -1):
        # Position prior: a plain paragraph among comments costs little (it is
        # most likely a plain comment); only strongly article-like text costs more.
        gain = scores[b] - theta
        acc += gain if gain >= 0 or scores[b] <= STRONG_ARTICLE else max(gain, -PLAIN_COST)
        if acc > best + 1e-9 and acc >= MIN_GAIN:
            best_b, best = b, acc
    return best_b


def segment_text(text: str) -> tuple[Section, ...]:
    """Sections of a plain text: contiguous, covering [0, len(text))."""
    if not text:
        return ()
    paras = paragraphs(text)
    if not paras:
        return (Section("article", 0, len(text)),)
    units = [_Unit(p) for p in paras]
    first = _explicit(units)
    if first is None:
        scores = [comment_score(p.text) for p in paras]
        b = _change_point(scores)
        for i in range(b, len(units)):
            if scores[i] > STRONG_ARTICLE:
                units[i].kind = "comment"
                sig = _INLINE_SIG.search(units[i].para.text)
                if sig:
                    units[i].author = sig.group("name").strip()
    units[0].kind = "article" if first != 0 else units[0].kind
    return _build(units, len(text))


def _build(units: list[_Unit], length: int) -> tuple[Section, ...]:
    groups: list[list[Any]] = []  # [kind, start, author, header only]
    for i, u in enumerate(units):
        start = 0 if i == 0 else u.para.start
        if groups and (
            (u.kind == "article" and groups[-1][0] == "article")
            or (u.kind == "comment" and groups[-1][0] == "comment" and (not u.new_comment or groups[-1][3]))
        ):
            # A header line alone is no comment: the first comment after it absorbs it.
            if u.author and groups[-1][2] is None:
                groups[-1][2] = u.author
            groups[-1][3] = groups[-1][3] and u.header
            continue
        groups.append([u.kind, start, u.author, u.header])
    out: list[Section] = []
    for k, g in enumerate(groups):
        end = groups[k + 1][1] if k + 1 < len(groups) else length
        kind, start, author, _ = g
        out.append(Section(kind, start, end, author if kind == "comment" else None))
    return tuple(out)


def _valid_hint(sections: object, length: int) -> tuple[Section, ...] | None:
    if not isinstance(sections, (list, tuple)) or not sections:
        return None
    secs = []
    for s in sections:
        if not isinstance(s, Section) or not 0 <= s.start <= s.end <= length:
            return None
        secs.append(s)
    secs.sort(key=lambda s: s.start)
    # Make them contiguous and cover the text.
    fixed: list[Section] = []
    for k, s in enumerate(secs):
        start = 0 if k == 0 else s.start
        end = secs[k + 1].start if k + 1 < len(secs) else length
        if end > start:
            fixed.append(dataclasses.replace(s, start=start, end=end))
    return tuple(fixed) or None


def segment(doc: Document) -> Document:
    """The document with `sections` covering its whole text (article, then comments)."""
    if doc.error is not None or not doc.text:
        return dataclasses.replace(doc, sections=())
    hinted = _valid_hint(doc.hints.get("sections"), len(doc.text)) if doc.hints else None
    if hinted is not None:
        return dataclasses.replace(doc, sections=hinted)
    return dataclasses.replace(doc, sections=segment_text(doc.text))
