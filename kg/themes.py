"""The closed theme vocabulary (ontology/themes.ttl) and cue matching. Pure.

``cues()`` reads ``kg:cue`` literals per ``skos:notation`` from themes.ttl (found with kg.resources).
Matching is on the text with spaces removed as well as written, so "스마트 도시" and "스마트도시" both
count; Latin cues (AI, IoT, CPS) must stand as words (not inside "PAID" or "SAIL").
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.resources import ontology_dir

THEME_IDS = ("FourthIndustrialRevolution", "AI", "BigData", "IoT", "CPS", "SmartCity", "Safety", "Energy", "Mobility",
             "Manufacturing", "Health", "Education", "Startup", "Robotics", "ICTConvergence", "DigitalInclusion",
             "Environment", "Agriculture", "PublicAdministration", "IndustrialPolicy")

# general extensions of the cue lists (morphological variants of cues the scheme already has)
EXTRA_CUES = {
    "PublicAdministration": ("도시행정", "행정분야", "행정 분야", "행정서비스", "공공서비스", "행정 혁신", "행정혁신"),
    "Education": ("강사양성", "강사 양성", "인재육성", "교육지원", "교육 지원", "교육 프로그램"),
    "IndustrialPolicy": ("산업 생태계", "산업생태계", "산업구조", "산업 육성", "산업육성", "기업 유치", "투자 유치"),
    "SmartCity": ("스마트시티",),
    "Agriculture": ("스마트농업", "스마트팜", "농업"),
    "Startup": ("창업", "스타트업"),
    "Environment": ("탄소중립", "온실가스", "기후위기", "기후변화"),
    "Safety": ("산불", "재난안전", "안전사고"),
    "Energy": ("연료전지", "태양전지"),
}


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[str, ...]]:
    path = ontology_dir() / "themes.ttl"
    out: dict[str, list[str]] = {t: [] for t in THEME_IDS}
    if path.exists():
        text = path.read_text(encoding="utf-8")
        for block in re.split(r"\n(?=theme:\w+ a )", text):
            m = re.search(r'skos:notation "(\w+)"', block)
            if not m or m.group(1) not in out:
                continue
            cm = re.search(r"kg:cue\s+(.*?)\s*\.\s*$", block, re.S)
            if cm:
                out[m.group(1)].extend(re.findall(r'"([^"]+)"(?:@\w+)?', cm.group(1)))
    for t, extra in EXTRA_CUES.items():
        out[t].extend(extra)
    return {t: tuple(sorted(set(v), key=len, reverse=True)) for t, v in out.items()}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern, frozenset[str]]]:
    """Theme id -> (its cue pattern, the characters a match can start with)."""
    pats = {}
    for t, cs in cues().items():
        alts = []
        for c in cs:
            if re.fullmatch(r"[A-Za-z0-9 .\-]+", c):
                alts.append(r"(?<![A-Za-z])" + re.escape(c) + r"(?![A-Za-z])")
            else:
                alts.append(r"\s*".join(re.escape(ch) for ch in c.replace(" ", "")))
        if alts:
            pats[t] = (re.compile("|".join(alts)), frozenset(c.replace(" ", "")[0] for c in cs))
    return pats


# a cue inside a longer word or phrase that means something else: 문화재 (heritage) holds 화재 (fire), 재난지원금 is a
# payment, 안전보장 is national security, 수소문 is an inquiry, 시정조치 a correction, 주변 환경 the surroundings
FALSE_CONTEXT = {
    "Safety": re.compile(r"문\s*화재|재난\s*(?:지원금|기본소득|지원\s*금)|안전\s*보장"),
    "Energy": re.compile(r"수소\s*문"),
    "PublicAdministration": re.compile(r"(?:시정|도정)\s*(?:조치|명령|요구|권고|을 요구)"),
    "Environment": re.compile(r"환경\s*(?:에|에서|에도|과|와)?\s*(?:맞춰|맞게|맞춘|따라|적응|변화에 따라)|(?:주변|근무|업무|생활|교육|투자|경영|경제|사업|시장|주거|학습|연구|개발|네트워크|실내|작업|운영)\s*환경"),
}
# a sentence about avian flu ("조류 인플루엔자(AI)") uses AI for the disease
AI_DISEASE = re.compile(r"조류|인플루엔자|독감|고병원성|살처분|가금|방역|철새|양계|오리 농가|닭")
# cues that are common words: they make a theme only with support (module docstring of ``article_themes``)
AVIAN_FLU = re.compile(r"조류\s*(?:인플루엔자|독감)|고병원성|가금류|살처분")
AI_WORD = re.compile(r"(?<![A-Za-z])AI(?![A-Za-z])")
WEAK_CUES = frozenset("교통 환경 교육 안전 제조 의료 보건 센서 에너지 기후 시정 도정 바이오 벤처 농촌 재해 지진 화재 "
                      "드론 창업 농업 수소 로봇".split())
DIGITAL_CONTEXT = re.compile(r"디지털|스마트폰|키오스크|정보화|인터넷|모바일|앱")


def theme_hits(text: str) -> Counter:
    """Theme id -> number of cue occurrences in ``text`` (minus cues in a false context)."""
    c: Counter = Counter()
    for t, n in _theme_matches(text).items():
        c[t] = len(n)
    return c


@lru_cache(maxsize=8192)
def _theme_matches(text: str) -> dict[str, tuple[str, ...]]:
    """Theme id -> the cue surfaces found in ``text``, outside false contexts. Cached: the extractor asks again
    for about half of the texts (a sentence, then the same sentence as an entity's own text); callers only read
    the answer."""
    out: dict[str, list[str]] = {}
    chars = set(text)
    for t, (p, starts) in _patterns().items():
        if starts.isdisjoint(chars):  # no cue can start here: skip the scan (20 patterns per text)
            continue
        bad = FALSE_CONTEXT.get(t)
        bad_spans = [(m.start(), m.end()) for m in bad.finditer(text)] if bad else []
        for m in p.finditer(text):
            if any(a <= m.start() < b for a, b in bad_spans):
                continue
            if t == "AI" and AI_DISEASE.search(text):
                continue
            if t == "DigitalInclusion" and m.group(0) == "어르신" and not DIGITAL_CONTEXT.search(text):
                continue
            out.setdefault(t, []).append(m.group(0))
    return {t: tuple(cs) for t, cs in out.items()}


def article_themes(sentences: list[str], title: str = "", lead: str = "", skip=()) -> set[str]:
    """Themes that are a real subject of an article, from its (masked) sentence texts.

    Each distinct sentence (duplicates and the indices in ``skip``, e.g. photo captions, removed) gives a theme
    1 point per distinct strong cue word and 0.5 per weak one (``WEAK_CUES``: 교통, 환경, 교육, 안전 …), at most 2;
    a theme
    is kept with 2 points, or with a strong cue in the title or the lead sentence, or with a weak cue there and
    1 more point elsewhere.
    """
    seen: set[str] = set()
    score: Counter = Counter()
    for i, text in enumerate(sentences):
        key = re.sub(r"\s+", "", text)
        if i in skip or not key or key in seen:
            continue
        seen.add(key)
        found = _theme_matches(text)
        for t, cs in found.items():
            # distinct cue words ("사물인터넷(IoT)", "어르신 등 디지털 취약계층") add up, at most 2 per sentence
            pts = sum(0.5 if c in WEAK_CUES else 1.0 for c in {_norm(c) for c in cs})
            score[t] += min(2.0, pts)
    keep = {t for t, v in score.items() if v >= 2}
    alltext = "\n".join([title or ""] + list(sentences))
    if AVIAN_FLU.search(alltext) and "인공지능" not in alltext:
        keep.discard("AI")  # an article about avian flu writes the disease "AI" in its title and body
        title = AI_WORD.sub(" ", title or "")
        lead = AI_WORD.sub(" ", lead or "")
    for head in (title, lead):
        for t, cs in _theme_matches(head or "").items():
            if any(_norm(c) not in WEAK_CUES for c in cs) or score[t] >= 1.5:
                keep.add(t)
    return keep


def strong_themes(text: str) -> set[str]:
    """Themes with a strong (not common-word) cue in ``text``."""
    return {t for t, cs in _theme_matches(text).items() if any(_norm(c) not in WEAK_CUES for c in cs)}


@lru_cache(maxsize=4096)
def _norm(cue: str) -> str:
    return re.sub(r"\s+", "", cue)


def themes_in(text: str) -> set[str]:
    return set(theme_hits(text))
