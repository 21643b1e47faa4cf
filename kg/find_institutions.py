"""Institutions: named organisations that are not local governments. Pure.

Evidence, strongest first: a ministry or well-known name (kg.find_terms), an organisation suffix
(연구원, 대학교, 재단, 공단, 협의회 …) on a specific stem, a company marker ((주), ㈜, 주식회사), a Latin
abbreviation in parentheses ("한국토지주택공사(LH)" -> alias LH), a quoted name ending with a suffix,
an apposition ("투자기관인 X"), membership of a list whose other members are institutions, and the
organisation words of an official's role (kg.find_officials). A sub-unit written after its parent becomes
one name ("한국은행 포항본부", "한빛대학교 산학협력단") with ``attrs["parent"]``.
``attrs``: name, kind, aliases, parent, evidence.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from kg.find_terms import (COUNTRIES, GENERIC_ORG_WORDS, KNOWN_ALIASES, KNOWN_INSTITUTIONS, MINISTRIES, ORG_SUFFIXES,
                           SUBUNIT_SUFFIXES, TITLES, WEAK_ORG_SUFFIXES, BRAND_COMPANY_SUFFIXES, BUSINESS_GROUPS,
                           lexicon)
from kg.find_phrases import quote_spans
from kg.model import Mention
from kg.words import Sent, Word, strip_josa

_SUFFIXES = sorted(ORG_SUFFIXES, key=len, reverse=True)
_SUFFIX_LENS = sorted({len(x) for x in ORG_SUFFIXES}, reverse=True)
_TITLE_SET = frozenset(TITLES)
_LEGAL_PREFIX = ("농업회사법인", "주식회사", "유한회사", "재단법인", "사단법인", "사회적협동조합", "사회복지법인", "학교법인",
                 "영농조합법인", "협동조합")
_COMPANY = re.compile(r"(?:\(주\)|㈜|\(유\)|\(사\)|\(재\))")
_APPOSITION = re.compile(r"(?:기관|기업|업체|회사|단체|법인|스타트업|벤처기업|창업기업|협회|재단)인$")
_COUNT_AFTER = re.compile(r"^\d+\s*(?:개소|개|곳|개사|개 기관|명)")


@lru_cache(maxsize=65536)
def suffix_kind(core: str) -> tuple[str, str] | None:
    """(suffix, kind) when ``core`` ends with an organisation suffix after a specific stem."""
    if core in MINISTRIES:
        return ("부" if core.endswith("부") else core[-1:]), "ministry"
    for L in _SUFFIX_LENS:
        if len(core) <= L or core[-L:] not in ORG_SUFFIXES:
            continue
        suf = core[-L:]
        stem = core[: -len(suf)]
        if stem in GENERIC_ORG_WORDS or not re.search(r"[가-힣A-Za-z]{1}", stem):
            return None
        if suf in REGIONAL_SUFFIXES and not _starts_with_place(stem):
            return None  # "아동복지법" is a law; a 지법/지검 is named by its region (수원지법, 서울중앙지검)
        if suf == "청" and (len(stem) < 3 or AGENCY_NOT.search(core)):
            return None  # 요청/신청/초청 …; 시청/구청/군청/도청 are city halls
        if suf == "공사" and (core.endswith("항공사") or stem in CONSTRUCTION_WORDS or stem in ("정무", "경제", "상무")):
            return None  # 항공사 (an airline), 내부공사 (construction work)
        return suf, ORG_SUFFIXES[suf]
    return None


AGENCY_NOT = re.compile(r"(?:요청|신청|초청|경청|청청|시청|구청|군청|도청|민원청|방청|도청|감청|녹청|간청|열청)$")
REGIONAL_SUFFIXES = frozenset("지법 지검 고법 고검 지방법원 지방검찰청 고등법원 고등검찰청 지방경찰청 지방국세청".split())
CONSTRUCTION_WORDS = frozenset("내부 외부 보수 정비 복구 공원 도로 하수도 상수도 배관 전기 토목 확장 개보수 리모델링 철거 증축 "
                               "신축 방수 포장 굴착 터파기 기초 골조 마감 인테리어 보강 복원 준설 정화 매립 교량 터널".split())


@lru_cache(maxsize=4096)
def _starts_with_place(stem: str) -> bool:
    from kg.gazetteer import Gazetteer

    gz = Gazetteer.load()
    return any(stem[:n] in gz for n in range(2, min(len(stem), 8) + 1))


@lru_cache(maxsize=65536)
def is_strong(core: str) -> bool:
    sk = suffix_kind(core)
    if not sk:
        return False
    suf, kind = sk
    if core in MINISTRIES:
        return True
    if suf in WEAK_ORG_SUFFIXES:
        return brand_company(core)
    stem = core[: -len(suf)]
    return len(stem) >= 2 and core not in _TITLE_SET and not re.fullmatch(r"\d+.*", stem)


@lru_cache(maxsize=65536)
def brand_company(core: str) -> bool:
    """A Latin brand before a company suffix: "GS건설", "KB국민카드", "LG전자", "SK하이닉스" are companies."""
    if not any(core.endswith(x) for x in BRAND_COMPANY_SUFFIXES + ("백화점", "호텔", "쇼핑", "유통", "물류", "철강")):
        return False
    return re.match(r"^[A-Z][A-Z&]{0,4}(?=[가-힣])", core) is not None or any(
        core.startswith(g) and len(core) > len(g) + 1 for g in BUSINESS_GROUPS)


_KNOWN_LX: list = [(None, {})]  # (lexicon key, core -> lexicon says known)


def _lx_known(lx, core: str) -> bool:
    """``lx.is_known_institution(core)`` (False when it raises), memoised while the lexicon data is unchanged."""
    try:
        key = (lx, lx.is_known_institution, lx.institution, lx._forms(), lx.institutions())
    except Exception:
        key = None
    if key is None:
        try:
            return bool(lx.is_known_institution(core))
        except Exception:
            return False
    old, memo = _KNOWN_LX[0]
    if old is None or len(memo) > 200000 or old != key:
        memo = {}
        _KNOWN_LX[0] = (key, memo)
    v = memo.get(core)
    if v is None:
        try:
            v = bool(lx.is_known_institution(core))
        except Exception:
            v = False
        memo[core] = v
    return v


def known(core: str) -> bool:
    lx = lexicon()
    if lx is not None and _lx_known(lx, core):
        return True
    return core in KNOWN_INSTITUTIONS or core in KNOWN_ALIASES or core in MINISTRIES


@lru_cache(maxsize=65536)
def _known_kind(core: str) -> str | None:
    lx = lexicon()
    if lx is None:
        return None
    try:
        i = lx.institution(core)
        return i.kind if i else None
    except Exception:
        return None


def university_short(core: str) -> bool:
    """"전주대", "경북대": a short university name (checked with context by the caller)."""
    return re.fullmatch(r"[가-힣]{2,5}대", core) is not None and core[:-1] not in GENERIC_ORG_WORDS and not re.search(
        r"(?:세|시|확|최|극|강|증|절|거|위|중|광|대|초|연|역|현|근|고|미|상|하|후|전|년|시대|교대|군대|부대|무대)대$", core)


def _mention(text, s, e, sent, name, kind, evidence, **attrs) -> Mention:
    a = {"name": name, "kind": kind, "evidence": evidence, "aliases": []}
    a.update(attrs)
    return Mention("Institution", text, s, e, sent, evidence, a)


def find_institutions(sents: list[Sent], cities: list[Mention], officials: list[Mention]) -> list[Mention]:
    city_spans = [(m.start, m.end) for m in cities]
    out: list[Mention] = []
    for s in sents:
        out.extend(_in_sentence(s, city_spans))
    # organisation words of officials' roles: consecutive non-city words are one name ("미래창조과학부 미래준비위원회")
    for m in officials:
        groups: list[list[tuple[str, int, int]]] = []
        after_city = False
        for surface, a, b in m.attrs.get("orgs", []):
            if surface in COUNTRIES or surface in GENERIC_ORG_WORDS:
                continue
            if any(cs <= a < ce or a <= cs < b for cs, ce in city_spans):
                groups.append([])
                after_city = True
                continue
            if groups and groups[-1]:
                groups[-1].append((surface, a, b))
            else:
                groups.append([(surface, a, b)])
        for g in groups:
            if not g:
                continue
            surface = " ".join(x[0] for x in g)
            a, b = g[0][1], g[-1][2]
            kind = (suffix_kind(g[-1][0]) or ("", "organisation"))[1]
            dept = re.search(r"(?:과|국|실|팀|담당관)$", g[-1][0]) is not None and len(g) == 1 and after_city
            written = sents[m.sentence].span_text(a, b) if 0 <= m.sentence < len(sents) else surface
            out.append(_mention(written or surface, a, b, m.sentence, surface, "city department" if dept else kind, "role",
                                role_of=m.attrs["name"], parent=g[0][0] if len(g) > 1 else None))
    return _combine(out)


def _is_city_word(surface, city_spans, a, b) -> bool:
    return any(cs <= a and b <= ce for cs, ce in city_spans)


_CITY_INDEX: list = [(None, 0, None)]


def _city_index(city_spans):
    """(sorted starts, running maximum of ends) of ``city_spans``, remembered for the last list seen."""
    entry = _CITY_INDEX[0]
    if entry[0] is not city_spans or entry[1] != len(city_spans):
        spans = sorted(city_spans)
        starts = [cs for cs, _ in spans]
        maxend, m = [], None
        for _, ce in spans:
            m = ce if m is None or ce > m else m
            maxend.append(m)
        entry = (city_spans, len(city_spans), (starts, maxend))
        _CITY_INDEX[0] = entry
    return entry[2]


def _is_city(w: Word, city_spans) -> bool:
    if not city_spans:
        return False
    starts, maxend = _city_index(city_spans)
    x, y = w.cs, w.ce
    i = bisect_right(starts, x) - 1  # a span starting at or before the word start that reaches past it
    if i >= 0 and maxend[i] > x:
        return True
    j = bisect_left(starts, x)  # a span starting inside the word
    return j < len(starts) and starts[j] < y


def _company(s: Sent) -> list[Mention]:
    out = []
    for m in _COMPANY.finditer(s.text):
        a, b = m.start(), m.end()
        L = a
        while L > 0 and re.match(r"[가-힣A-Za-z0-9&]", s.text[L - 1]):
            L -= 1
        R = b
        while R < len(s.text) and re.match(r"[가-힣A-Za-z0-9&]", s.text[R]):
            R += 1
        left, right = s.text[L:a], s.text[b:R]
        if right:
            right = strip_josa(right) if not re.search(r"[A-Za-z0-9]$", right) else right
        if left and right:
            name = f"{left} {right}"
        else:
            name = left or right
        if not name or len(name) < 2:
            continue
        start, end = s.start + L, s.start + (b + len(right) if right else b)
        # legal-form prefix before: "농업회사법인 새봄농원(주)"
        before = s.text[:L].rstrip()
        alias = []
        for p in _LEGAL_PREFIX:
            if before.endswith(p):
                alias.append(f"{p} {s.text[L:end - s.start]}")
                start = s.start + len(before) - len(p)
        alias.append(s.text[L:end - s.start])
        out.append(_mention(s.text[start - s.start:end - s.start], start, end, s.i, name, "company", "company",
                            aliases=alias))
    return out


def _in_sentence(s: Sent, city_spans) -> list[Mention]:
    out: list[Mention] = []
    W = s.words
    taken: set[int] = set()
    # quoted names ending with a suffix: ‘탄소중립 지방정부 실천연대’
    for a, b, inner in quote_spans(s):
        core = inner.strip()
        if 2 <= len(core) <= 40 and suffix_kind(core.split()[-1] if core.split() else core) and not re.search(
                r"[.?!]$", core):
            last = core.split()[-1]
            sk = suffix_kind(last)
            if sk and (is_strong(last) or last in MINISTRIES or known(last) or sk[0] in ("포럼", "연대", "센터", "위원회")):
                out.append(_mention(core, a, b, s.i, core, sk[1], "quoted"))
    out.extend(_company(s))
    company_spans = [(m.start, m.end) for m in out if m.source == "company"]
    for k, w in enumerate(W):
        c = w.core
        if not c or w.verb and not w.josa or company_spans and any(a <= w.cs < b for a, b in company_spans):
            continue
        if _is_city(w, city_spans):
            continue
        ev = None
        kind = "organisation"
        sk = suffix_kind(c)
        if c in MINISTRIES:
            ev, kind = "ministry", "ministry"
        elif known(c) and not _homograph(c, w, W, k, s):
            ev = "known"
            kind = _known_kind(c) or (sk or ("", "organisation"))[1]
        elif is_strong(c) and not _generic_use(W, k):
            ev, kind = "suffix", sk[1]
        elif w.paren and re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", w.paren) and sk and len(c) >= 4:
            ev, kind = "abbreviation", sk[1]
        elif k > 0 and _APPOSITION.search(W[k - 1].core) and len(c) >= 2 and not w.verb:
            ev = "apposition"
        if ev:
            aliases = [w.paren] if w.paren and re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\- ]{1,15}", w.paren) else []
            name = c
            if w.paren and re.fullmatch(r"[A-Za-z][A-Za-z0-9&]{1,9}", c) and re.fullmatch(r"[가-힣]{3,25}", w.paren) \
                    and (known(w.paren) or is_strong(w.paren)):
                name, aliases = w.paren, [c]  # "UNIST(울산과학기술원)": the full name, the abbreviation as alias
            out.append(_mention(c, w.cs, w.ce, s.i, name, kind, ev, aliases=aliases))
            taken.add(k)
    out.extend(_lists(s, taken, city_spans, out))
    _local_offices(s, out, city_spans)
    return _subunits(s, out)


LOCAL_OFFICE_KINDS = ("police", "fire station", "court", "prosecutors' office")


def _local_offices(s: Sent, ms: list[Mention], city_spans) -> None:
    """"울산 남부경찰서", "부산 해운대소방서": the city written before a local office is part of its name (in place;
    ``attrs["city_prefix"]`` marks the mention so the pipeline drops the City mention inside it)."""
    W = s.words
    for m in ms:
        if m.attrs.get("kind") not in LOCAL_OFFICE_KINDS and not re.search(r"세무서$", m.text):
            continue
        k = next((i for i, w in enumerate(W) if w.cs == m.start), None)
        if not k:
            continue
        prev = W[k - 1]
        if prev.josa or prev.paren or W[k].sep_before != " " or not _is_city(prev, city_spans):
            continue
        m.start = prev.cs
        m.text = s.span_text(prev.cs, m.end)
        m.attrs["name"] = f"{prev.core} {m.attrs['name']}"
        m.attrs["city_prefix"] = True


def _subunits(s: Sent, ms: list[Mention]) -> list[Mention]:
    """"한국은행 포항본부", "한빛대학교 산학협력단": an institution and the sub-unit word right after it."""
    W = s.words
    at = {}
    for m in ms:
        at.setdefault(m.start, m)
    out = list(ms)
    for k in range(len(W) - 1):
        m = at.get(W[k].cs)
        nxt = W[k + 1]
        if m is None or m.end != W[k].ce or W[k].josa or W[k].paren or nxt.sep_before != " " or m.source == "company":
            continue
        if not _subunit(nxt.core) or nxt.core in SUBUNIT_SUFFIXES and nxt.core not in ("산학협력단",):
            continue
        if nxt.core.endswith("캠퍼스"):
            m.attrs.setdefault("aliases", []).append(f"{m.attrs['name']} {nxt.core}")
            continue  # "연세대학교 신촌캠퍼스": a campus is the university itself (an alias)
        name = f"{m.attrs['name']} {nxt.core}"
        kind = (suffix_kind(nxt.core) or ("", m.attrs.get("kind")))[1]
        if kind == "department":
            kind = "branch"
        aliases = [nxt.paren] if nxt.paren and re.fullmatch(r"[A-Za-z][A-Za-z0-9&]{1,12}", nxt.paren) else []
        comb = _mention(s.span_text(m.start, nxt.ce), m.start, nxt.ce, s.i, name, kind, m.source,
                        parent=m.attrs["name"], aliases=aliases)
        out = [x for x in out if x is not m and not (nxt.cs <= x.start < nxt.ce)]
        out.append(comb)
    return out


def _homograph(c: str, w: Word, W: list[Word], k: int, s: Sent) -> bool:
    """A short form that is also a common word (고대 = ancient, 연대 = solidarity, 국민연금 = the pension itself)
    modifying the next noun ("고대 유적지", "국민연금 재정"), or a university short form with no university
    context in the sentence, is not the institution."""
    lx = lexicon()
    no_scan = getattr(lx, "NO_SCAN", ()) if lx is not None else ()
    if c not in no_scan:
        return False
    if not w.josa and k + 1 < len(W) and W[k + 1].sep_before == " " and not W[k + 1].josa and \
            not _subunit(W[k + 1].core):
        return True
    if c.endswith("대") and not re.search(r"대학|교수|학생|총장|캠퍼스|동문|입시|학과|연구팀|졸업", s.text):
        return True
    return False


def _generic_use(W: list[Word], k: int) -> bool:
    """"창업보육센터 7개소", "연구원 3명": a type of organisation counted, not a name."""
    if k + 1 < len(W) and _COUNT_AFTER.match(W[k + 1].text):
        return True
    return False


def _lists(s: Sent, taken: set[int], city_spans, found: list[Mention]) -> list[Mention]:
    """Members of an enumeration in which at least two members are already institutions."""
    W = s.words
    out = []
    found_starts = {m.start for m in found}
    runs: list[list[int]] = []
    cur: list[int] = []
    for k, w in enumerate(W):
        linked = k > 0 and (w.sep_before in (",", "·", "‧", "ㆍ", "▲", "?", "/") or W[k - 1].josa in ("와", "과")
                            or W[k - 1].trail.endswith(","))
        if cur and linked:
            cur.append(k)
        elif cur and w.sep_before == " " and _subunit(w.core) and not W[k - 1].josa:
            continue  # "한국은행 포항본부": second word of a member
        else:
            if len(cur) >= 3:
                runs.append(cur)
            cur = [k]
        if w.josa and w.josa not in ("와", "과") or w.verb:
            if len(cur) >= 3:
                runs.append(cur)
            cur = []
    if len(cur) >= 3:
        runs.append(cur)
    for run in runs:
        inst = [k for k in run if k in taken or W[k].cs in found_starts]
        if len(inst) < 2:
            continue
        unis = [k for k in run if university_short(W[k].core)]
        loose = (len(inst) + len(unis)) * 2 >= len(run)  # most members are organisations
        for k in run:
            w = W[k]
            c = w.core
            if k in taken or w.cs in found_starts or _is_city(w, city_spans) or not c:
                continue
            if c in GENERIC_ORG_WORDS or c.endswith("등") or re.search(r"\d", c) and not re.search(r"[A-Za-z]", c):
                continue
            if c in COUNTRIES:
                continue
            if not (2 <= len(c) <= 15) or w.verb:
                continue
            if university_short(c) or loose and (re.fullmatch(r"[A-Za-z][A-Za-z0-9&]{1,9}", c) or "NNP" in w.tags
                                                 or suffix_kind(c)):
                kind = "university" if university_short(c) else (suffix_kind(c) or ("", "organisation"))[1]
                out.append(_mention(c, w.cs, w.ce, s.i, c, kind, "list"))
    return out


_SUBUNIT_TUPLE = tuple(SUBUNIT_SUFFIXES)


def _subunit(core: str) -> bool:
    return core.endswith(_SUBUNIT_TUPLE) and len(core) >= 2


def _combine(ms: list[Mention]) -> list[Mention]:
    """Join a parent and the sub-unit written right after it ("한국은행 포항본부"); drop duplicates."""
    ms.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in ms:
        if out and m.start < out[-1].end:
            prev = out[-1]
            if m.end <= prev.end:
                continue
        out.append(m)
    return out
