"""Noun phrases built leftwards from a head word, and quoted spans: shared by the event and policy finders.

``phrase_left(words, k)`` walks left from the head ``words[k]`` over words that belong to the same noun
phrase: bare nouns ("4차 산업혁명 전문가 세미나"), purpose chains ("… 조성을 위한 …", "… 추진을 위한 …") and
quoted spans. It stops at a particle, a predicate, a date or number, or a list separator.
"""
from __future__ import annotations

import re

from kg.find_terms import QUOTES
from kg.words import Sent, Word

ADNOMINAL_LINKS = frozenset(("위한", "대비한", "관한", "향한", "기념한", "대한", "겨냥한"))
_STOP_CORE = re.compile(r"^(?:다음|달|이달|내달|지난달|다음달|연내|하반기|상반기|가운데|속|중|후|전|때|당시|이후|이전|\d+(?:일|월|시|분|명|여명|여 명|개|곳|건|회|번째|%)?|\d+일\(.*|지난|오는|이날|오늘|내일|어제|오전|오후|올해|지난해|내년|당일|현재|최근|앞서|한편|또|또한|"
                        r"특히|이어|이후|먼저|다음으로|아울러|이에|이를|이와|이번에|그리고|및|등|이|그|저|약|총|각각|모두|함께)$")


_OPENING = re.compile("[" + re.escape("".join(QUOTES)) + "]")  # any opening quote mark


def quote_spans(s: Sent) -> list[tuple[int, int, str]]:
    """(start, end, inner) absolute offsets of the inner text of each quoted phrase in ``s``."""
    out = []
    t = s.text
    i = 0
    while True:
        m = _OPENING.search(t, i)  # the next quote mark (a regex scan: most sentences have none)
        if m is None:
            return out
        i = m.start()
        c = t[i]
        close = QUOTES[c]
        j = t.find(close, i + 1)
        if c == "<" and (j < 0 or re.search(r"[=/]", t[i:j])):
            i += 1
            continue
        if j > i + 1 and j - i <= 90:
            out.append((s.start + i + 1, s.start + j, t[i + 1:j]))
            i = j + 1
            continue
        i += 1


def is_speech(inner: str) -> bool:
    """A quoted stretch of speech (a clause with a predicate), not a quoted name."""
    return len(inner) > 45 or bool(re.search(r"(?:다|요|죠|까)[.!?]?\s*$|[.!?]\s", inner))


def in_quote(w: Word, quotes) -> tuple[int, int, str] | None:
    for q in quotes:
        if q[0] <= w.cs < q[1]:
            return q
    return None


def _opens_quote(w: Word) -> bool:
    return any(c in QUOTES for c in w.lead)


def phrase_left(W: list[Word], k: int, quotes=()) -> int:
    """Index of the first word of the noun phrase whose head is ``W[k]``."""
    j = k
    purpose = False
    head_q = in_quote(W[k], quotes)
    if head_q and is_speech(head_q[2]):
        head_q = None
    while j > 0:
        prev, cur = W[j - 1], W[j]
        pq = in_quote(prev, quotes)
        if pq and is_speech(pq[2]):
            pq = None
        if head_q and pq == head_q:
            if prev.verb and prev.core not in ADNOMINAL_LINKS or prev.josa and not (
                    cur.core in ADNOMINAL_LINKS or prev.josa in ("의", "와의", "과의") or prev.paren):
                break
            j -= 1
            continue
        if _opens_quote(cur) or cur.sep_before != " ":
            break
        if pq:  # a quoted span right before: "‘…’ 착수보고회", "‘…’의 발족식"
            if prev.josa in ("", "의"):
                while j > 0 and in_quote(W[j - 1], quotes) == pq:
                    j -= 1
            break
        if prev.core in ADNOMINAL_LINKS and j >= 2:
            obj = W[j - 2]
            if obj.josa in ("을", "를", "에", "의", "과의", "와의", "") and not obj.verb and obj.core:
                j -= 2
                purpose = True
                if in_quote(obj, quotes):
                    q = in_quote(obj, quotes)
                    while j > 0 and in_quote(W[j - 1], quotes) == q:
                        j -= 1
                    break
                continue
            break
        if purpose and prev.josa in ("과", "와") and not prev.verb and "NNP" not in prev.tags and not prev.lead \
                and not prev.trail and not _STOP_CORE.match(prev.core):
            j -= 1  # "드론산업 육성과 전문인력 양성을 위한": a common noun joined with 과/와 belongs to the purpose
            continue
        if prev.josa or prev.verb or not prev.core or _STOP_CORE.match(prev.core):
            break
        if any(t in ("MAG", "MAJ") for t in prev.tags) or prev.tags == ["MM"]:
            break  # an adverb or determiner ("물론", "두 차례 더")
        if prev.trail and any(c in prev.trail for c in ",.…;:!?"):
            break
        j -= 1
    return j


def phrase_text(W: list[Word], a: int, k: int, head_core: str | None = None) -> str:
    """Text of words a..k: cores joined by spaces; purpose links keep their particle ("조성을 위한")."""
    parts = []
    for i in range(a, k + 1):
        w = W[i]
        core = head_core if (i == k and head_core is not None) else w.core
        if i < k and w.josa in ("을", "를", "에", "의", "과의", "와의") and i + 1 <= k and W[i + 1].core in ADNOMINAL_LINKS:
            core = core + w.josa
        elif i < k and w.josa in ("과", "와"):
            core = core + w.josa
        if w.paren and i < k and not re.fullmatch(r"[A-Za-z]+", w.paren):
            core = f"{core}({w.paren})"
        parts.append(core)
    return " ".join(p for p in parts if p)
