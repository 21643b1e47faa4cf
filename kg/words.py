"""Words (어절) of a sentence with their particles split off, for the pattern finders.

A :class:`Word` is one whitespace- or list-separator-delimited piece of a sentence. ``core`` is the noun
part without surrounding quotes/brackets and without the trailing particle (조사); ``josa`` is that particle;
``paren`` the text of a trailing parenthesis ("과학기술정책연구원(STEPI)과" -> core 과학기술정책연구원,
paren STEPI, josa 과). A particle is split only when the sound rule agrees (은/이/을/과 after a final
consonant, 는/가/를/와 after a vowel) and Kiwi tags those letters as a particle or copula.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property, lru_cache
from dataclasses import dataclass, field

from kg.tokenize import Token, predicate_stems

OPEN = "‘“'\"「『《〈<[(▲△■□◆◇○●※-–—·•`"
CLOSE = "’”'\"」』》〉>])`.,;:!?…·"
SEPARATORS = "·‧ㆍ,▲△■□◆◇○●※…?/"

_NEEDS_BATCHIM = {"은", "이", "을", "과", "으로", "이나", "이며", "이고", "이라는", "이다", "이란", "이라고", "이랑",
                  "으로서", "으로써", "으로는", "과의", "이었다"}
_NO_BATCHIM = {"는", "가", "를", "와", "로", "라는", "라고", "랑", "로서", "로써", "로는", "와의"}
_ANY = {"의", "에", "에서", "도", "만", "까지", "부터", "에게", "께서", "에서는", "에는", "에도", "에서도", "에서의",
        "처럼", "보다", "마저", "조차", "뿐", "께", "에게서", "와도", "과도", "에게는", "만의", "마다", "으로부터",
        "로부터", "이라며", "라며", "에선", "엔", "은커녕", "든", "이든", "과는", "와는", "에서만", "으로도", "로도", "의해",
        "에서부터", "과를", "와를", "간", "측", "등", "등과", "등의", "등이", "등은", "등을", "등도", "등에", "등으로",
        "등과의", "측은", "측이", "측과"}
JOSAS = sorted(_NEEDS_BATCHIM | _NO_BATCHIM | _ANY, key=len, reverse=True)
_JOSA_SET = frozenset(JOSAS)
_JOSA_LENS = sorted({len(j) for j in JOSAS}, reverse=True)


def has_batchim(ch: str) -> bool | None:
    if "가" <= ch <= "힣":
        return (ord(ch) - 0xAC00) % 28 != 0
    return None


def _batchim_rieul(ch: str) -> bool:
    return "가" <= ch <= "힣" and (ord(ch) - 0xAC00) % 28 == 8


@lru_cache(maxsize=65536)
def josa_candidates(body: str) -> list[str]:
    """Particles that ``body`` may end with, longest first, obeying the sound rule."""
    out: list[str] = []
    for L in _JOSA_LENS:
        if len(body) <= L:
            continue
        j = body[-L:]
        if j not in _JOSA_SET:
            continue
        prev = body[-L - 1]
        b = has_batchim(prev)
        if j in _NEEDS_BATCHIM and b is False:
            continue
        if j in _NO_BATCHIM and b is True and not (j.startswith("로") and _batchim_rieul(prev)):
            continue
        out.append(j)
    return tuple(out)


@dataclass
class Word:
    text: str  # raw piece
    start: int  # absolute offsets of the raw piece
    end: int
    core: str = ""
    cs: int = 0  # absolute offsets of core
    ce: int = 0
    josa: str = ""
    paren: str = ""
    lead: str = ""  # leading punctuation (quotes, bullets)
    trail: str = ""  # trailing punctuation after the particle
    sep_before: str = " "  # the separator before this word (" ", ",", "·", "▲" ...)
    verb: bool = False  # Kiwi found a predicate ending in the word
    tags: list[str] = field(default_factory=list)

    @property
    def quoted(self) -> bool:
        return any(q in self.lead for q in "‘“'\"「『`<《")


_OPENERS = "‘“「『《〈"
_PIECE = re.compile(r"[" + _OPENERS + r"]?[^\s" + re.escape(SEPARATORS) + _OPENERS + r"]+")


def split_words(text: str, offset: int, tokens: list[Token]) -> list[Word]:
    """Words of a sentence ``text`` that starts at absolute ``offset`` (``tokens`` from Kiwi for ``text``)."""
    words: list[Word] = []
    prev_end = 0
    starts = [t[2] for t in tokens] if len(tokens) >= 8 else None
    for m in _PIECE.finditer(text):
        sep = text[prev_end:m.start()]
        prev_end = m.end()
        raw = m.group()
        w = Word(raw, offset + m.start(), offset + m.end())
        if not sep:
            w.sep_before = ""
        elif sep == " " or sep.isspace():
            w.sep_before = " "
        else:
            w.sep_before = "".join(c for c in sep if not c.isspace()) or " "
        _analyse(w, raw, m.start(), offset, tokens, starts)
        words.append(w)
    return words


def _tokens_in(tokens: list[Token], s: int, e: int, starts: list[int] | None = None) -> list[Token]:
    n = len(tokens)
    if n < 8:
        return [t for t in tokens if t[2] >= s and t[3] <= e]
    if starts is not None:
        lo = bisect_left(starts, s)  # tokens are sorted by start
    else:
        lo, hi = 0, n
        while lo < hi:  # tokens are sorted by start
            mid = (lo + hi) // 2
            if tokens[mid][2] < s:
                lo = mid + 1
            else:
                hi = mid
    out = []
    while lo < n:
        t = tokens[lo]
        if t[2] >= e:
            break
        if t[3] <= e:
            out.append(t)
        lo += 1
    return out


_HANGUL = re.compile(r"[가-힣]")
_PAREN_END = re.compile(r"^(.*?)\(([^()]*)\)$")
_JU = re.compile(r"주|株")
_VERB_TAGS: dict[str, bool] = {}


def _is_verb_tag(tag: str) -> bool:
    v = _VERB_TAGS.get(tag)
    if v is None:
        v = _VERB_TAGS[tag] = tag.startswith(("EF", "EC", "ETM", "EP")) or tag in ("VV", "XSV", "VX")
    return v


def _analyse(w: Word, raw: str, rel: int, offset: int, tokens: list[Token], starts: list[int] | None = None) -> None:
    i, j = 0, len(raw)
    while i < j and raw[i] in OPEN:
        i += 1
    trail_start = j
    while trail_start > i and raw[trail_start - 1] in CLOSE and not (
            raw[trail_start - 1] == ")" and "(" in raw[i:trail_start - 1]):
        trail_start -= 1
    w.lead = raw[:i]
    w.trail = raw[trail_start:]
    body = raw[i:trail_start]
    bstart = rel + i
    toks = _tokens_in(tokens, rel, rel + len(raw), starts)
    w.tags = [t.tag for t in toks]
    w.verb = any(map(_is_verb_tag, w.tags))
    # particle after a closing quote or parenthesis: ‘…’를 / (STEPI)과
    josa = ""
    for cand in josa_candidates(body):
        js = bstart + len(body) - len(cand)
        jt = _tokens_in(tokens, js, bstart + len(body), starts)
        covered = sum(t.end - t.start for t in jt)
        ok = jt and all(t.tag.startswith(("J", "VCP", "E", "NNB")) for t in jt) and covered >= len(cand) - 1
        if ok or (not toks and len(cand) >= 2) or (len(cand) <= 2 and _known_end(body[: len(body) - len(cand)])):
            josa = cand
            break
        if body[-len(cand) - 1] in ")’”'\"」』>`" or not _HANGUL.match(body[-len(cand) - 1]):
            josa = cand  # particle after punctuation or Latin letters: "(STEPI)과", "LH는"
            break
    core = body[: len(body) - len(josa)] if josa else body
    if core.count("(") > core.count(")"):  # "동작구청장(사진 오른쪽)이": the parenthesis opens inside the word
        core = core[: core.index("(")]
        josa = ""
    elif core.count(")") > core.count("(") and core.endswith(")"):
        core = core[:-1]
    w.josa = josa
    # trailing quote/bracket inside the body before the particle: ‘X’를 -> core X
    m = _PAREN_END.match(core) if core.endswith(")") else None
    if m and m.group(1) and not _JU.fullmatch(m.group(2)):
        w.paren = m.group(2)
        core = m.group(1)
    k = len(core)
    while k > 0 and core[k - 1] in CLOSE and not (core[k - 1] == ")" and "(" in core[:k - 1]):
        k -= 1
    core = core[:k]
    w.core = core
    w.cs = offset + bstart
    w.ce = w.cs + len(core)


_SAFE_JOSA = frozenset("은 는 이 가 을 를 의 에 와 과 도 로 으로 에서 에서는 에는 와의 과의 이다 이며 으로는 로는".split())


@lru_cache(maxsize=65536)
def _known_end(stem: str) -> bool:
    """The stem ends with a title or an organisation/event noun: "국토연구원장이" is 국토연구원장 + 이."""
    from kg.find_terms import EVENT_HEADS, GLUED_TITLES, ORG_SUFFIXES, TITLES

    if len(stem) < 2:
        return False
    if _KNOWN_ENDS[0] is None:
        _KNOWN_ENDS[0] = tuple(t for group in (GLUED_TITLES, TITLES, EVENT_HEADS, ORG_SUFFIXES) for t in group
                               if len(t) >= 2)
    return stem.endswith(_KNOWN_ENDS[0])


_KNOWN_ENDS: list = [None]


def strip_josa(word: str) -> str:
    """Best-effort removal of a common particle without Kiwi (for names glued to a company marker)."""
    for cand in josa_candidates(word):
        if cand in _SAFE_JOSA:
            return word[: -len(cand)]
    return word


@dataclass
class Sent:
    """One analysed sentence: index in ``Doc.sentences``, absolute offsets, Kiwi tokens and words."""

    i: int
    start: int
    end: int
    text: str
    tokens: list[Token]
    words: list[Word]

    def span_text(self, s: int, e: int) -> str:
        return self.text[s - self.start: e - self.start]

    @cached_property
    def predicates(self) -> list[tuple[str, int]]:
        """``kg.tokenize.predicate_stems`` of the tokens (asked by several finders)."""
        return predicate_stems(self.tokens)


def analyse_sentences(sentences) -> list[Sent]:
    """Tokenize every sentence once (one Kiwi batch) and split it into words."""
    from kg.tokenize import analyse

    toks = analyse([s.text for s in sentences])
    return [Sent(i, s.start, s.end, s.text, t, split_words(s.text, s.start, t))
            for i, (s, t) in enumerate(zip(sentences, toks))]
