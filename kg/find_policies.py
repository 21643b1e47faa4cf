"""Policies: named plans, strategies, programmes, projects, visions and designations. Pure.

- a quoted name ending with a policy noun (‘AI 기반 스마트 안전도시 전략’, ‘청년 디지털 일자리 사업’);
- a quoted name followed by a pursuing verb or noun: "‘교육기반 AI특별도시’를 선언", "'스마트 안전도시 포항'
  조성을 위한", "‘…’ 추진"; or by "라는 캐치프레이즈/슬로건/비전";
- an unquoted noun phrase ending with a policy noun (계획, 전략, 로드맵, 사업 …) with specific words before
  it, in a sentence with an adoption verb (추진, 수립, 마련, 발표, 내놓, 시행, 제정 …);
- a designation being built: "… 허브 도시 조성", "… 첨단산업밸리 조성".
``attrs``: name, head, quoted.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.find_events import head_of
from kg.find_phrases import in_quote, is_speech, phrase_left, phrase_text, quote_spans
from kg.find_terms import GENERIC_POLICY_WORDS, ORG_SUFFIXES
from kg.model import Mention
from kg.words import Sent

STRONG_HEADS = ("5개년 계획", "종합계획", "기본계획", "중장기계획", "마스터플랜", "로드맵", "계획", "전략", "비전", "사업",
                "프로젝트", "프로그램", "특별도시", "조례", "구상", "이니셔티브", "선언문", "캐치프레이즈")
PURSUE = ("추진", "조성", "구축", "도입", "실현", "선언", "수립", "시행", "운영", "마련", "발표", "제정", "내걸", "확정", "공개",
          "착수", "발굴")
PURSUE_STRICT = ("추진", "조성", "구축", "도입", "실현", "선언", "수립", "시행", "운영", "마련", "제정", "착수", "선포")
ADOPT_STEMS = ("추진", "수립", "마련", "발표", "내놓", "내걸", "선언", "시행", "제정", "도입", "확정", "조성", "구축", "운영",
               "착수", "공개", "담", "세우", "펼치", "펴", "준비")
ADOPT_NOUNS = frozenset(("마련", "수립", "추진", "발표", "시행", "도입", "확정", "제정", "선포", "선언", "착수", "공개"))
WEAK_HEADS = frozenset(("사업", "프로그램", "프로젝트", "정책", "구상"))
DESIGNATION = re.compile(r"(?:도시|단지|밸리|허브|클러스터|특구|거점|타운|캠퍼스|벨트|플랫폼)$")


WORK_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:(?:을|를|에 대해|에 대한|이라는|라는)\s*)?(?:설문조사|설문|여론조사|조사|보고서|논문|저서|책|영화|드라마|앨범|노래|기사|"
                        r"칼럼|연구|실험|전시|공연|방송|프로그램에|특집)")
RESEARCH_SUBJECT = re.compile(r"(?:연구팀|연구진|연구원들|공동연구팀|실험팀|교수팀|연구소팀)(?:은|는|이|가|도)\s")
# a quote followed by a reporting verb is speech ("…할 계획"이라고 말했다, "…계획"이라며)
REPORTED = re.compile(r"^\s*(?:이?라고|이?라며|이?란다|이?라는\s*(?:입장|설명|말|뜻)|며|고\s+(?:말|밝|설명|강조|전|덧붙))")

_HEADS_NS = {h.replace(" ", ""): h for h in STRONG_HEADS}
_HEADS_LENS = sorted({len(h) for h in _HEADS_NS}, reverse=True)


@lru_cache(maxsize=65536)
def _policy_head(core: str) -> str | None:
    for L in _HEADS_LENS:
        h = _HEADS_NS.get(core[-L:]) if len(core) >= L else None
        if h:
            return h
    return None


def _has_adopt_verb(s: Sent) -> bool:
    stems = [p for p, _ in s.predicates]
    return any(st.startswith(ADOPT_STEMS) for st in stems)


def find_policies(sents: list[Sent]) -> list[Mention]:
    out: list[Mention] = []
    for s in sents:
        W = s.words
        quotes = quote_spans(s)
        adopt = _has_adopt_verb(s)
        qcover = []
        for qa, qb, inner in quotes:
            name = inner.strip()
            provisional = name.startswith(("(가칭)", "(가제)", "가칭 "))
            if provisional:  # ‘(가칭)시민 AI 에이전트(음성비서)’: a provisional name is a programme's name
                name = re.sub(r"^\(?가[칭제]\)?\s*", "", name)
                name = re.sub(r"\([^)]*\)$", "", name).strip()
            if not name or len(name) < 3 or re.search(r"[.?!다]$", name) or len(name) > 60:
                continue
            parts = name.split()
            last = parts[-1]
            if head_of(last) or any(last.endswith(x) for x in ORG_SUFFIXES if len(x) >= 2):
                continue  # an event or an organisation
            if len(parts) > 8 or len(parts) >= 2 and re.search(r"[할될갈올줄]$", parts[-2]):
                continue  # "…을 연구할 계획": a clause, not a name
            after = s.text[qb - s.start + 1:qb - s.start + 30]
            if REPORTED.match(after) or WORK_AFTER.match(after):
                continue  # "…밝힐 계획"이라고 말했다 (speech); ‘…계획’ 설문조사 (a survey's title)
            m_after = re.match(r"\s*(?:\([^)]*\))?\s*(?:을|를|이|가|은|는|의|도|로|으로)?\s*(?:이라는|라는|란)?\s*(\S*)", after)
            nxt = m_after.group(1) if m_after else ""
            ph = _policy_head(last.replace(" ", ""))
            reason = None
            if provisional and len(name) >= 3:
                reason = "quoted-provisional"
            elif ph and ph not in ("구상",):
                reason = "quoted-head"
            elif re.match(r"\s*(?:\([^)]*\))?\s*(?:이라는|라는|란)\s*(캐치프레이즈|슬로건|비전|목표|브랜드|정책|전략)", after):
                reason = "quoted-designation"
            elif re.match(r"\s*(?:\([^)]*\))?\s*(?:을|를)?\s*(?:" + "|".join(PURSUE_STRICT) + ")", after) and \
                    not RESEARCH_SUBJECT.search(s.text):
                reason = "quoted-pursued"  # (a research team "introducing" a quoted material is no policy)
            elif re.search(r"[가-힣](?:제|모델|제도)$", last) and re.match(
                    r"\s*(?:\([^)]*\))?\s*(?:을|를|이|가)?\s*(?:실시|시행|운영|선정|도입|추진|확대)", after):
                reason = "quoted-scheme"  # ‘반려견 등록제’를 실시, ‘…육성모델’로 선정
            if reason:
                out.append(Mention("Policy", name, qa, qb, s.i, reason, {"name": name, "head": ph or "", "quoted": True}))
                qcover.append((qa, qb))
        for k, w in enumerate(W):
            core = w.core
            if not core:
                continue
            ph = _policy_head(core)
            designation = core == "조성" and (w.josa or k + 1 == len(W) or W[k + 1].core in ("위한",)) or (
                core == "조성" and w.trail)
            if not ph and not designation:
                continue
            if k + 1 < len(W) and W[k + 1].core.startswith(("이다", "이며", "이고")):
                continue
            if w.josa in ("이다", "이며", "이고", "이라"):
                continue
            a = phrase_left(W, k, quotes)
            if any(qa <= W[a].cs < qb for qa, qb in qcover) and any(qa <= w.cs < qb for qa, qb in qcover):
                continue
            if any(x.josa in ("와", "과") for x in W[a:k]) and not any(in_quote(x, quotes) for x in W[a:k + 1]):
                continue  # "강의 선호도와 아르바이트 계획": two things listed, not the name of one plan
            words = [x.core for x in W[a:k]]
            if ph:
                rest = core[: -len(ph.replace(" ", ""))] if core.endswith(ph.replace(" ", "")) else ""
                words.append(rest)
            specific = [x for x in words if x and x not in GENERIC_POLICY_WORDS and not re.fullmatch(r"\d+\S*", x)]
            if not specific:
                continue
            nominal_adopt = k + 1 < len(W) and W[k + 1].core in ADOPT_NOUNS and W[k + 1].sep_before == " "
            if ph in WEAK_HEADS and core == ph and not designation:
                # "… 국가시범도시 조성 사업": a designation being built is named; "기술창업 지원 프로그램 운영" is not
                if not (k >= 2 and W[k - 1].core in ("조성", "구축", "육성") and not W[k - 1].josa and
                        any(DESIGNATION.search(x.core) for x in W[max(0, k - 6):k - 1])):
                    continue
            sq = in_quote(w, quotes)
            if sq and (is_speech(sq[2]) or WORK_AFTER.match(s.text[sq[1] - s.start + 1:sq[1] - s.start + 30]) or
                       REPORTED.match(s.text[sq[1] - s.start + 1:sq[1] - s.start + 30])):
                continue  # inside quoted speech, or the title of a survey or work
            if designation:
                if not any(DESIGNATION.search(x) for x in words) or len([x for x in words if x]) < 2 and \
                        all(len(x) <= 2 for x in words):
                    continue  # "단지 조성" alone names nothing; "스마트 물류 허브 도시 조성" does
            elif not (adopt or nominal_adopt):
                continue
            name = phrase_text(W, a, k)
            if len(name) < 4:
                continue
            out.append(Mention("Policy", s.span_text(W[a].cs, w.ce), W[a].cs, w.ce, s.i,
                               "designation" if designation else "phrase",
                               {"name": name, "head": ph or "조성", "quoted": False}))
    return out
