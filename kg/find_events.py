"""Events: named happenings (seminars, forums, agreements, declarations, launches …). Pure.

An event mention is a noun phrase whose head is an event noun (kg.find_terms.EVENT_HEADS: 세미나, 협약식,
착수보고회 …), built leftwards with kg.find_phrases ("'스마트 안전도시 포항' 조성을 위한 4차 산업혁명 전문가
세미나"), a quoted name ending with an event noun (「AI와의 동행을 위한 정례 간부회의」), a quoted name followed
by an event noun ("‘…연구용역’ 착수보고회"), or a quoted organisation with a founding verb
("‘부산IT융합포럼’을 창립했다" -> "부산IT융합포럼 창립"). A phrase with nothing specific before the head
("이번 세미나", "협약식에는") is a back-reference (``attrs["generic"]=True``), resolved to a named event.
``attrs``: name, kind, head, generic, date (ISO or None), place.
"""
from __future__ import annotations

import re
from functools import lru_cache
from datetime import date

from kg.dates import find_dates
from kg.find_phrases import is_speech, phrase_left, phrase_text, quote_spans
from kg.find_terms import EVENT_HEADS, GENERIC_EVENT_WORDS, WEAK_EVENT_HEADS, ORG_SUFFIXES
from kg.model import Mention
from kg.words import Sent, Word

_HEADS = sorted(EVENT_HEADS, key=len, reverse=True)
_HEAD_LENS = sorted({len(h) for h in EVENT_HEADS}, reverse=True)
ORGANISE_VERBS = ("개최", "열", "열리", "가지", "갖", "주최", "주관", "마련", "진행", "개막", "열었", "열린")
FOUNDING = {"창립": "창립", "출범": "출범", "발족": "발족", "설립": "설립", "구성": "구성", "개소": "개소"}
ONLY_GENERIC = frozenset(("행사", "자리", "모임"))
_PLACE_STOP = re.compile(r"^(?:\d.*|지난|오는|이날|오전|오후|올해|당일|시간|개최|열린)$")


@lru_cache(maxsize=65536)
def head_of(core: str) -> str | None:
    for L in _HEAD_LENS:
        h = core[-L:]
        if len(core) >= L and h in EVENT_HEADS:
            rest = core[: -len(h)]
            if rest and h in ("회의", "선언", "협약", "출범", "발족", "창립", "개소", "연수", "특강", "대회", "행사"):
                # glued compounds: 간부회의, 공동협력선언 — but not 협의회의 (organisation + particle)
                if rest.endswith(("협의", "위원")) or re.search(r"[0-9]$", rest):
                    return None
            return h
    return None


def _head_is_morpheme(s: Sent, w: Word, h: str) -> bool:
    """Kiwi starts a morpheme where the glued head starts ("대추|축제"), or reads the whole word as one noun."""
    at = w.cs + len(w.core) - len(h) - s.start
    if re.search(r"\d[만천백십]?$", w.core[: -len(h)]):
        return False  # "1만개소": a count of places
    for t in s.tokens:
        if t.start == at:
            return True
        if t.start == w.cs - s.start and t.end >= at + len(h) and t.tag in ("NNG", "NNP"):
            return True
    return False


QUOTED_GENERIC = re.compile(r"\s*(?:\([^)]*\)\s*)?(행사|캠페인|축제|공연|대회|교실|투어)(?:을|를|가|이|는|에)?\s*"
                            r"(?:\S+\s+){0,2}?(?:개최|진행|열|펼치|펼쳤|마련|실시|운영|갖|가졌|연다|열린|열었)")
DESCRIPTIVE_PREFIX = frozenset("국내 국내외 최대 최고 최초 최대규모 대규모 유일한 유일의 명실상부 국내최대 세계최대 역대 사상 "
                               "최장 최다 이색 다채로운 대표적인 폐막공연 개막공연 부대행사 사전행사 축하공연".split())
DETERMINERS = frozenset(("이번", "이날", "이", "해당", "당", "본", "동", "오늘", "당일", "그", "같은"))


def _definite(W: list[Word], a: int, k: int) -> bool:
    """A back-reference: "이번 세미나", "이날 행사에는", or the bare noun as topic ("협약식에는", "보고회는")."""
    if any(W[i].core in DETERMINERS for i in range(max(0, a - 1), k)):
        return True
    if head_of(W[k].core) in ONLY_GENERIC:
        return False  # "행사" alone is any event: only "이번 행사", "이날 행사" refer back
    w = W[k]
    if w.trail.endswith(",") or w.josa in ("와", "과"):
        return False
    if k + 1 < len(W) and W[k + 1].sep_before not in (" ",):
        return False
    if k > 0 and (W[k - 1].josa in ("와", "과") or W[k].sep_before not in (" ", "")):
        return False
    return w.josa in ("은", "는", "에는", "에서", "에서는", "이", "가", "에", "을", "를", "도", "의", "으로", "로", "")


def _date_of(s: Sent, published: date | None):
    ds = find_dates(s.text, published)
    return ds[0][2] if ds else None


def _place_of(s: Sent, W: list[Word]):
    """(place as written, (start, end)) of the first "…에서" phrase of the sentence."""
    for k, w in enumerate(W):
        if w.josa in ("에서", "에서는") and w.core and not w.verb:
            a = k
            while a > 0 and not W[a - 1].josa and not W[a - 1].verb and W[a].sep_before == " " and \
                    not _PLACE_STOP.match(W[a - 1].core) and not W[a - 1].trail:
                a -= 1
            text = " ".join(x.core + (f"({x.paren})" if x.paren else "") for x in W[a:k + 1])
            return text, (W[a].cs, w.ce)
    return None, None


def find_events(sents: list[Sent], published: date | None, orgs: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    org_names = {m.attrs.get("name") for m in orgs}
    org_spans = [(m.start, m.end) for m in orgs]
    for s in sents:
        W = s.words
        quotes = quote_spans(s)
        day = _date_of(s, published)
        place, place_span = _place_of(s, W)
        done: set[int] = set()
        for k, w in enumerate(W):
            h = head_of(w.core)
            if not h or k in done:
                continue
            if any(a <= w.cs < b or w.cs <= a < w.ce for a, b in org_spans):
                continue  # the word is an organisation's name (국가기후환경회의, 부산IT융합포럼)
            if w.core != h and h in ("포럼",) and any(w.core.startswith(n) or w.core == n for n in org_names):
                continue  # an organisation named …포럼
            if k + 1 < len(W) and W[k + 1].sep_before == " " and not w.josa and head_of(W[k + 1].core):
                continue  # "공동협력 출범 행사": the next word is the head
            if w.core != h and not _head_is_morpheme(s, w, h):
                continue  # "연가저축제" is 연가+저축+제 (a savings scheme), not a festival
            a = phrase_left(W, k, quotes)
            while a < k and (W[a].core in DESCRIPTIVE_PREFIX or W[a].core == "세계" and W[a + 1].core in DESCRIPTIVE_PREFIX):
                a += 1  # "국내 최대 한류축제": a description, not part of the name
            words = [x.core for x in W[a:k]] + ([w.core[: -len(h)]] if w.core != h else [])
            specific = [x for x in words if x and x not in GENERIC_EVENT_WORDS]
            kind = EVENT_HEADS[h]
            name = phrase_text(W, a, k)
            generic = not specific or h in ONLY_GENERIC
            if generic and not _definite(W, a, k):
                continue
            if generic and any(n and n != h and n.endswith(h) for n in org_names):
                continue  # "이 포럼은" after "‘부산IT융합포럼’을 창립": the organisation, not an event  # "관련 교육과 포럼, 토론회를 열고": a kind of event, not a reference
            if not generic and h in WEAK_EVENT_HEADS and not any(quotes) and w.verb:
                generic = True
            if h in ("선언", "출범", "발족", "창립", "개소") and w.verb:
                continue  # a verb ("선언하고"), handled as a founding event when its object is an organisation
            has_quote = any(qa <= x.cs < qb for x in W[a:k + 1] for qa, qb, _ in quotes)
            out.append(Mention("Event", s.span_text(W[a].cs, w.ce), W[a].cs, w.ce, s.i,
                               "generic" if generic else "phrase",
                               {"name": name, "kind": kind, "head": h, "generic": generic, "quoted": has_quote,
                                "date": day.isoformat() if day else None, "place": place,
                               "place_span": place_span}))
        # quoted name that ends with an event noun, or is followed by one
        for qa, qb, inner in quotes:
            inner_s = inner.strip()
            toks = inner_s.split()
            while len(toks) > 1 and re.fullmatch(r"(?:19|20)\d{2}|제?\d+(?:회|차)?", toks[-1]):
                toks = toks[:-1]  # "… 컨퍼런스 2016": the edition after the event noun
            last = toks[-1] if toks else ""
            h = head_of(last)
            is_org = inner_s in org_names or any(a <= qa < b for a, b in org_spans)
            if h and h not in ONLY_GENERIC and len(inner_s) > len(h) + 1 and not is_org and not is_speech(inner_s):
                out.append(Mention("Event", inner_s, qa, qb, s.i, "quoted",
                                   {"name": inner_s, "kind": EVENT_HEADS[h], "head": h, "generic": False,
                                    "quoted": True,
                                    "date": day.isoformat() if day else None, "place": place,
                               "place_span": place_span}))
                continue
            after = s.text[qb - s.start + 1:]
            # ‘부산 야경 투어’ 행사를 개최: a quoted name followed by a generic event noun and an organising verb
            mq = QUOTED_GENERIC.match(after)
            if mq and not is_org and not is_speech(inner_s) and 2 <= len(inner_s) <= 40:
                out.append(Mention("Event", inner_s, qa, qb, s.i, "quoted",
                                   {"name": inner_s, "kind": EVENT_HEADS.get(mq.group(1), "other"),
                                    "head": mq.group(1), "generic": False, "quoted": True,
                                    "date": day.isoformat() if day else None, "place": place,
                                    "place_span": place_span}))
                continue
            # founding verb on a quoted organisation: ‘부산IT융합포럼’을 창립했다
            m = re.match(r"\s*(?:을|를|이|가|은|는)?\s*(?:\S+\s+){0,3}?(창립|출범|발족|설립|구성|개소)(?:했|하였|한다|하고|해|식|시켰)", after)
            if m and last and any(last.endswith(suf) for suf in ORG_SUFFIXES):
                verb = m.group(1)
                kind = "launch"
                out.append(Mention("Event", inner_s, qa, qb, s.i, "founding",
                                   {"name": f"{inner_s} {verb}", "kind": kind, "head": verb, "generic": False,
                                    "org": inner_s, "date": day.isoformat() if day else None, "place": place,
                               "place_span": place_span}))
    return out
