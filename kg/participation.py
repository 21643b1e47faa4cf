"""Which entities a participation verb governs in one sentence. Pure.

A participant is linked to the participation predicate by syntax, not by sharing its sentence:

- the subject of the verb, or a member of the list before it, in the same clause:
  "홍길동 시장과 가나대학교, 다라연구원 등이 참석했다", "가나대학교를 비롯해 … 30여 곳이 참여했다";
- the agent of a talk: "홍길동 교수의 강연", "가나연구원의 주제발표";
- not an entity in quotes, not the object of 에/에게/로 ("가나회의에 참석"), not one after the verb, and not one
  in a clause that ends before the verb ("A는 … 점검했고, B가 참석했다" links only B).
"""
from __future__ import annotations

import re

from kg.words import Sent, Word

PART_VERBS = ("참석", "참여", "참가", "동참", "서명", "강연", "강의", "발표", "기념촬영", "인사말", "축사", "참관",
              "토론", "좌장", "주재", "낭독", "함께하", "발제", "기조연설", "주제발표")
AGENT_NOUNS = ("강연", "강의", "발표", "발제", "축사", "인사말", "기조연설", "주제발표", "환영사", "개회사", "기념사", "토론")
SUBJ_OR_LIST = ("은", "는", "이", "가", "도", "께서", "와", "과", "", "이며", "이고", "에서는")
HUB_WORDS = ("비롯", "포함", "시작", "위시", "주축", "중심")
_NOT_BOUNDARY = ("비롯", "포함", "시작", "위시", "위한", "대한", "관한", "향한", "따른", "통한", "함께", "대표", "소속",
                 "겸", "맡고", "맡은", "지낸", "역임")
_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|'[^']*'|「[^」]*」|『[^』]*』")


def is_cue_word(words: list[Word], k: int) -> bool:
    """The word is a participation predicate ("참석했다", "참여한", "참가하고", "서명하며"), a participation noun
    taking a light verb ("참석을 했다", "참여로"), not a noun such as "참가자들은" or "참여기관".
    """
    w = words[k]
    text = w.core or w.text
    if not any(c in text for c in PART_VERBS):
        return False
    if re.search(r"(?:참석|참여|참가|참관)(?:자|기관|업체|국|단체|인원|률|율|비|형|방식)", text):
        return False
    if re.match(r"발표(?:했|한|하며|하면서|하고|할|합|됐|된|되)", w.text.lstrip("‘“'\"")):
        return False  # "…계획을 발표했다": announced, not a talk ("발표를 했다", "주제발표", "A의 발표" are)
    if w.verb and any(t.startswith(("EF", "EC", "ETM", "EP")) or t in ("XSV",) for t in w.tags):
        return True
    nxt = words[k + 1] if k + 1 < len(words) else None
    if w.josa in ("을", "를", "로", "으로", "도", "에") and nxt is not None and nxt.verb:
        return True
    return w.josa in ("로", "으로") or text.endswith(("참석", "참여", "참가", "서명"))


def clause_end(w: Word) -> bool:
    """A word that closes a clause (a finite or connective predicate other than list/hub verbs)."""
    if not w.verb or not any(t.startswith(("EF", "EC")) for t in w.tags):
        return False
    return not any(x in (w.core or w.text) for x in _NOT_BOUNDARY)


def _word_index(s: Sent, pos: int) -> int:
    for k, w in enumerate(s.words):
        if w.start <= pos < w.end:
            return k
    return -1


def linked(s: Sent, start: int, end: int, josa: str) -> bool:
    """The mention at absolute [start, end) with particle ``josa`` is governed by a participation cue of ``s``."""
    rel = start - s.start
    for q in _QUOTE.finditer(s.text):
        if q.start() <= rel < q.end():
            return False
    W = s.words
    j = _word_index(s, max(start, end - 1))
    if j < 0:
        return False
    quoted = [any(q.start() <= w.start - s.start < q.end() for q in _QUOTE.finditer(s.text)) for w in W]
    nxt_k = next((k for k in range(j + 1, len(W)) if not quoted[k]), None)
    nxt = W[nxt_k] if nxt_k is not None else None
    # the agent of a talk: "홍길동 교수의 강연", "가나연구원의 주제발표", "홍길동 교수의 ‘…’ 강연"
    if josa == "의":
        if nxt is None:
            return False
        if any((nxt.core or nxt.text).startswith(a) for a in AGENT_NOUNS):
            return True
        if not (j + 1 < len(W) and quoted[j + 1]):
            return False
        josa = ""  # "A의 ‘제목’, B의 ‘제목’ 강연": a member of the list of talks
    first = j
    while first > 0 and start < W[first].start:
        first -= 1
    before = W[first - 1] if first > 0 and not quoted[first - 1] else None
    if before is not None and is_cue_word(W, first - 1) and "ETM" in before.tags and josa != "의" and \
            re.match(r"(?:참석|참여|참가|동참|참관)(?!된|되)", before.core or before.text):
        return True  # "이날 회의에 참석한 홍길동 교수는": the participle governs its head noun
    if josa in ("을", "를") and nxt is not None and re.match(r"(?:좌장|연사|발표자|토론자|패널|심사위원)(?:으로|로)",
                                                            nxt.core + nxt.josa):
        return True  # "홍길동 교수를 좌장으로"
    if josa == "":  # "서울 가나구 다라홀에서 열린 …에 참석해": part of a place phrase
        for k in range(j + 1, min(len(W), j + 6)):
            if W[k].verb or quoted[k]:
                break
            if W[k].josa:
                if W[k].josa.startswith(("에서", "에")) and not _GENERIC_EVENT.match(W[k].core):
                    return False
                break
    hub = josa in ("을", "를") and nxt is not None and any(h in nxt.text for h in HUB_WORDS)
    if josa not in SUBJ_OR_LIST and not hub:
        return False
    closed = False
    subject = josa in ("은", "는", "이", "가", "께서", "도")
    for k in range(j if josa == "" and W[j].verb else j + 1, len(W)):
        if quoted[k]:
            continue
        if is_cue_word(W, k) or (k > j and not W[k].verb and
                                 any((W[k].core or W[k].text).startswith(a) for a in AGENT_NOUNS)):
            return True
        if k > j and subject and W[k].josa in ("은", "는", "이", "가", "께서"):
            return False  # "A는 B 등이 참석한 가운데 …를 열고": the cue is B's
        if k > j and clause_end(W[k]):
            closed = True  # "A는 협약서를 들고 기념촬영했다": the subject goes on over the connective
        elif closed and W[k].josa in ("은", "는", "이", "가", "께서"):
            return False  # "A는 …을 점검했고, B가 참석했다": a new subject owns the cue
    return False


_GENERIC_EVENT = re.compile(r"^(?:행사|자리|현장|협약식|선언식|체결식|회의|세미나|포럼|간담회|토론회|설명회|출범식|발족식|"
                            r"발대식|기념식|개막식|개회식|행사장|교육|대회|축제|워크숍|심포지엄|총회|보고회|협약|서명식|집회|시위|모임|"
                            r"회견|기자회견|박람회|전시회|공연|경기|캠페인)$")
_WORK = re.compile(r"(?:계획|사업|프로젝트|연구|과제|제작|개발|공사|조사|운동|작업|컨소시엄)$")
_TIME = re.compile(r"\d|^(?:후|전|중|때|뒤|오전|오후|이날|당일|최근|앞서|지난|올해|내년|현재|동시|처음|최초)")


def names_other_object(s: Sent) -> bool:
    """The sentence's participation verb has its own object that is no reference to the story's event:
    "가나당 최고위원회의에 참석해", "운행 중단에 참여하기로" (not "이번 행사에 참석한", "협약식에는 … 참석했다")."""
    W = s.words
    for k, w in enumerate(W):
        if not is_cue_word(W, k) or not re.match(r"(?:참석|참여|참가|동참|참관)", w.core or w.text):
            continue
        h = k + 1
        while h < min(len(W) - 1, k + 4) and not W[h].josa and not W[h].verb and not W[h].trail:
            h += 1  # the head noun of the compound the participle modifies
        if "ETM" in w.tags and h < len(W) and _WORK.search(W[h].core):
            return True  # "A와 B가 참여한 로봇 제조 계획": the participle's head is a project
        for b in range(k - 1, max(-1, k - 4), -1):
            x = W[b]
            if x.josa not in ("에", "에는", "에도") or _TIME.search(x.core or x.text):
                continue
            prev = W[b - 1].core if b > 0 else ""
            if _GENERIC_EVENT.match(x.core) or prev in ("이번", "이", "해당", "이날", "같은", "본"):
                return False
            return True
        return False
    return False


def owns_cue(start: int, end: int, cues: list[int], other_subjects: list[tuple[int, int]]) -> bool:
    """The subject at [start, end) is the one a hosting cue (at absolute offsets ``cues``) belongs to: no other
    subject stands between it and the next cue ("A는 …를 개최했다"); with no cue after it, the cue before it has no
    subject of its own ("B가 주최한 공모전 …, A는 …": the cue is B's)."""
    if not cues:
        return False  # the sentence's only hosting cue is in quoted speech
    after = [c for c in cues if c >= end]
    if after:
        nxt = min(after)
        return not any(end <= a and b <= nxt for a, b in other_subjects)
    before = [c for c in cues if c < start]
    if not before:
        return True
    prev = max(before)
    return not any(b <= prev for a, b in other_subjects)
