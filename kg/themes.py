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
def _patterns() -> dict[str, re.Pattern]:
    pats = {}
    for t, cs in cues().items():
        alts = []
        for c in cs:
            if re.fullmatch(r"[A-Za-z0-9 .\-]+", c):
                alts.append(r"(?<![A-Za-z])" + re.escape(c) + r"(?![A-Za-z])")
            else:
                alts.append(r"\s*".join(re.escape(ch) for ch in c.replace(" ", "")))
        if alts:
            pats[t] = re.compile("|".join(alts))
    return pats


def theme_hits(text: str) -> Counter:
    """Theme id -> number of cue occurrences in ``text``."""
    c: Counter = Counter()
    for t, p in _patterns().items():
        for m in p.finditer(text):
            c[t] += 1
    return c


def themes_in(text: str) -> set[str]:
    return set(theme_hits(text))
