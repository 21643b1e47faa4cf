"""Officials: named people with a title, in every order the press writes them. Pure.

- name + [organisation words] + title: "권혁원 포항시 미래전략산업과장", "곽상욱 오산시장", "최승진 포스텍 교수"
- organisation + name + title: "한빛대학교 산학협력단 김민수 단장"
- local government (title name): "오산시(시장 곽상욱)"
- back-references "오 시장", "김 지사": ``attrs["backref"]`` = (surname, title), resolved in kg.resolve.

A title alone is not a person; a name must look like a Korean full name (kg.find_terms.person_name_ok).
Each Official mention carries ``attrs``: name, role (title with organisation as written), title, and
``orgs``: [(surface, start, end)] the organisation words of the role (resolved to City/Institution later).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.find_institutions import suffix_kind
from kg.find_terms import COUNTRIES, GLUED_TITLES, MINISTRIES, NOT_NAMES, SURNAMES_1, TITLES, person_name_ok
from kg.model import Mention
from kg.words import Sent, Word

_TITLE_SET = frozenset(TITLES)
_GLUED = sorted(GLUED_TITLES, key=len, reverse=True)
_PAREN_ROLE = re.compile(r"([가-힣]{2,12})\((시장|군수|구청장|도지사|지사|교육감|대표|회장|원장|총장|이사장|위원장) ([가-힣]{2,4})\)")
_PAREN_NAME_TITLE = re.compile(r"([가-힣0-9]{2,20})\(([가-힣]{2,4}) ([가-힣]{1,6}(?:장|관|사|원|수|의원|판사|검사))\)")
# a court's division ("형사1부", "민사합의12부") is named with its court ("서울북부지법 형사1부")
_DIVISION = re.compile(r"(?:형사|민사|행정|가사|특허|형사합의|민사합의|형사항소|민사항소|파산)\d*부")
_COURT_BEFORE = re.compile(r"([가-힣]{2,12}(?:지법|고법|법원|지원))\s+$")
REPORTER_WORDS = frozenset(("기자", "특파원", "논설위원", "객원기자", "통신원", "앵커", "PD"))


ROLE_MODIFIERS = frozenset(("전", "현", "신임", "차기", "초대", "前", "現", "전직", "현직", "당시", "직무대행", "권한대행",
                            "대행", "내정자", "후보", "후보자", "명예", "겸", "수석", "선임", "책임", "상임", "공동", "초빙"))
_ACTING = re.compile(r"(?:직무대행|권한대행|대행|대리|내정자)$")


@lru_cache(maxsize=1)
def _gz():
    from kg.gazetteer import Gazetteer

    return Gazetteer.load()


def _org_ok(org: str) -> bool:
    """A glued organisation must end like one: 국토연구원(장), 미래산업과(장), 환경부(장관)."""
    from kg.find_institutions import is_strong, known, suffix_kind

    if known(org) or is_strong(org) or org in _gz():
        return True
    sk = suffix_kind(org)
    return bool(sk) and sk[0] in ("과", "국", "실", "팀", "부", "청", "처", "원", "소", "단", "센터", "본부", "지역본부",
                                  "지점", "지부", "사업단", "은행", "법원", "경찰서", "소방서", "세무서") and len(org) >= 3


_NTH_VICE = re.compile(r"(?:제?[1-3]|[일이삼])차관")
# titles that are a function, written glued to what they cover ("대외협력보좌관"): the whole word is the title
FUNCTION_TITLES = ("보좌관", "비서관", "담당관", "정책관", "협력관", "조정관", "자문관", "특보", "정책위원", "자문위원",
                   "통보관", "대변인", "수석부회장", "상임고문", "특별고문", "고문", "정무공사", "경제공사", "참사관")
_TITLE_PREFIX = re.compile(r"^(?:외래|겸임|초빙|명예|석좌|수석|책임|선임|객원|특임|전임|상임|총괄|공동|부)(?=\S{2})")


def title_of(core: str) -> tuple[str, str] | None:
    """(title, organisation prefix) when ``core`` is a title or ends with one glued to an organisation."""
    core = _ACTING.sub("", core) if len(core) > 4 else core
    if core in _TITLE_SET:
        return core, ""
    bare = _TITLE_PREFIX.sub("", core)
    if bare != core and bare in _TITLE_SET:
        return core, ""  # 외래교수, 총괄사장, 수석부회장
    if core.endswith("위원장") and len(core) >= 5 and not core.endswith(("부위원장", "공동위원장")):
        return "위원장", core[:-3] + "위원회"  # 지방자치발전위원장 -> 지방자치발전위원회
    for unit in ("지역본부장", "본부장", "센터장", "지점장", "지부장", "사업단장", "연구소장", "연구단장"):
        if core.endswith(unit) and len(core) > len(unit) and _org_ok(core[:-1]):
            return ("본부장" if unit.endswith("본부장") else unit), core[:-1]  # 강원본부장 -> 강원본부
    if _NTH_VICE.fullmatch(core):
        return core, ""  # 1차관, 제2차관
    if core.endswith(FUNCTION_TITLES) and len(core) <= 9 and re.fullmatch(r"[가-힣]+", core):
        return core, ""  # 대외협력보좌관, 정책기획비서관, 수석부회장
    for t in _GLUED:
        if core.endswith(t) and len(core) > len(t):
            prefix = core[: -len(t)]
            if t in ("장관", "차관") and len(prefix) >= 2 and prefix + "부" in MINISTRIES:
                return t, prefix + "부"  # 외교장관 -> 외교부
            if t == "의장" and len(prefix) >= 2 and _org_ok(prefix):
                return t, prefix  # 국회의장 -> 국회, 이사회의장
            if t.endswith("장") and len(t) >= 3 and len(prefix) >= 2 and _org_ok(prefix + t[:-1]):
                return t, prefix + t[:-1]  # 서울중앙지검장 -> 서울중앙지검, 하나은행장 -> 하나은행
            if t in ("시장", "군수", "구청장"):
                org = prefix + {"시장": "시", "군수": "군", "구청장": "구"}[t]
                if len(prefix) >= 2 and (org in _gz() or core in _gz()):
                    return t, org
                continue
            if t.endswith("장") and len(t) == 2 and t not in ("장관",):
                # 국토연구원장 -> 국토연구원 (title 원장); 미래전략산업과장 -> 미래전략산업과 (title 과장)
                org = prefix + t[0]
                if len(prefix) >= 2 and _org_ok(org):
                    return t, org
                continue
            if len(prefix) >= 2 and re.search(r"[가-힣A-Za-z]$", prefix) and _org_ok(prefix):
                return t, prefix
    return None


def _not_org(word: str) -> bool:
    """Not a place or an organisation that looks like a name ("경남", "서울대", "민주당", "황보건설", "김모")."""
    from kg.find_institutions import is_strong, known, university_short

    if word in _gz() or known(word) or is_strong(word) or word.endswith("당") or len(word) == 2 and word.endswith("모") or \
            university_short(word):
        return False
    sk = suffix_kind(word)
    if sk and len(sk[0]) >= 2 and len(word) - len(sk[0]) >= 2:
        return False  # "황보건설", "가나일보": a company or paper before a title, not a name
    return True


def _name_tags_ok(w: Word) -> bool:
    """Kiwi does not read the word as a predicate or a single common noun ("기소된", "음식점", "당시")."""
    if not _not_org(w.core):
        return False
    tags = w.tags
    if any(t.startswith(("V", "E", "XSV", "XSA", "J")) for t in tags):
        return False
    if len(tags) == 1 and tags[0] in ("NNG", "NNB", "NP", "NR"):
        return False
    if "NNP" not in tags:
        return False  # a name has a proper-noun reading
    if len(w.core) == 2:
        return tags == ["NNP"]  # two-syllable "names" are mostly words (구글, 공개): checked with the title after
    return True


TWO_SYLLABLE_TITLES = frozenset("의원 대변인 교수 장관 차관 대표 회장 사장 위원장 원장 총장 시장 군수 지사 도지사 구청장 "
                                "청장 이사장 부회장 부사장 감독 박사 판사 검사 변호사".split())


def _two_syllable_name(W: list[Word], i: int, m) -> bool:
    """A two-syllable name ("김현 의원") only right before a person's title, at a word boundary of its own."""
    j, title, orgs = m
    return (title in TWO_SYLLABLE_TITLES and W[i].core[:1] in SURNAMES_1 and W[i].core not in NOT_NAMES
            and not W[i].paren and (i == 0 or W[i - 1].core not in COUNTRIES))


def _orgish(w: Word) -> bool:
    """A word that can stand inside a role phrase (no particle, no predicate, not a number)."""
    if w.josa or w.verb or not w.core or re.fullmatch(r"[\d.,%~]+", w.core):
        return False
    if w.core in ROLE_MODIFIERS or len(w.core) < 2 or re.fullmatch(r"제?\d+(?:대|기|차)", w.core):
        return False
    if re.fullmatch(r"\d+(?:년|월|일|시|분|세|살)\S*|\d+[.·]\d+\S*", w.core):
        return False  # "2016년 더불어민주당 …": a date is no part of an organisation
    if w.core in REPORTER_WORDS or w.core.endswith("일"):
        return re.search(r"[가-힣]일$", w.core) is not None and not re.search(r"\d", w.core)
    return True


def find_officials(sents: list[Sent]) -> list[Mention]:
    out: list[Mention] = []
    for s in sents:
        W = s.words
        used: set[int] = set()
        for i, w in enumerate(W):
            if i in used:
                continue
            name = w.core
            if w.josa or (w.paren and not re.fullmatch(r"[\d·.,\s]+|[가-힣\d·.,\s]{1,12}", w.paren)) or \
                    not person_name_ok(name) or not _name_tags_ok(w):
                if len(name) == 1 and name in SURNAMES_1 and not w.josa and i + 1 < len(W):
                    t = title_of(W[i + 1].core)
                    if t and not t[1] and W[i + 1].sep_before == " ":
                        out.append(Mention("Official", f"{name} {W[i + 1].core}", w.cs, W[i + 1].ce, s.i, "backref",
                                           {"backref": (name, t[0])}))
                continue
            m = _role_after(W, i)
            if m is not None and len(name) == 2 and not _two_syllable_name(W, i, m):
                m = None
            if m is not None and not m[2] and i > 0 and _orgish(W[i - 1]) and _org_word(W[i - 1].core) and \
                    w.sep_before == " ":
                m = None  # "한빛대학교 산학협력단 김민수 단장": organisation before the name
            if m is not None:
                j, title, orgs = m
                role_words = [x.core for x in W[i + 1: j + 1] if x.core not in ROLE_MODIFIERS or x is W[j]]
                # "갑, 을, 병 의원": names listed before share the title
                k = i
                while k > 0 and W[k].sep_before in (",", "·", "‧") and not W[k - 1].josa and \
                        person_name_ok(W[k - 1].core) and _name_tags_ok(W[k - 1]) and not W[k - 1].paren:
                    k -= 1
                    out.append(Mention("Official", W[k].core, W[k].cs, W[k].ce, s.i, "title-list", {
                        "name": W[k].core, "role": " ".join(role_words), "title": title, "orgs": orgs,
                        "role_span": (W[i + 1].cs, W[j].ce), "josa": W[j].josa}))
                out.append(Mention("Official", name, w.cs, w.ce, s.i, "title-after", {
                    "name": name, "role": " ".join(role_words), "title": title, "orgs": orgs,
                    "role_span": (W[i + 1].cs, W[j].ce), "josa": W[j].josa}))
                used.update(range(i, j + 1))
                continue
            # organisation + name + title
            if i + 1 < len(W) and W[i + 1].sep_before == " ":
                t = title_of(W[i + 1].core)
                if t and not t[1] and t[0] not in REPORTER_WORDS:
                    orgs = []
                    k = i - 1
                    while k >= 0 and i - k <= 3 and _orgish(W[k]) and (W[k + 1].sep_before == " "):
                        k -= 1
                    org_words = W[k + 1: i]
                    while org_words and not _org_word(org_words[-1].core):
                        org_words = []
                    if org_words:
                        orgs = [(x.core, x.cs, x.ce) for x in org_words]
                    out.append(Mention("Official", name, w.cs, w.ce, s.i, "title-after", {
                        "name": name, "role": " ".join([x.core for x in org_words] + [W[i + 1].core]),
                        "title": t[0], "orgs": orgs, "josa": W[i + 1].josa,
                        "role_span": (org_words[0].cs if org_words else W[i + 1].cs, W[i + 1].ce)}))
                    used.update((i, i + 1))
        out.extend(_foreign_names(s, used))
        out.extend(_title_then_name(s, used))
        for m in _PAREN_NAME_TITLE.finditer(s.text):  # "서울북부지법 형사1부(홍길동 부장판사)"
            if not person_name_ok(m.group(2)) or not _not_org(m.group(2)) or \
                    m.group(3) not in _TITLE_SET and not title_of(m.group(3)):
                continue
            a = s.start + m.start(2)
            org, oa, ob = m.group(1), s.start + m.start(1), s.start + m.end(1)
            court = _COURT_BEFORE.search(s.text[:m.start(1)]) if _DIVISION.fullmatch(org) else None
            if _DIVISION.fullmatch(org):
                if court is None:
                    continue  # a division alone ("형사1부") names no organisation
                org, oa = court.group(1), s.start + court.start(1)
                ob = oa + len(org)
            out.append(Mention("Official", m.group(2), a, a + len(m.group(2)), s.i, "paren-role", {
                "name": m.group(2), "role": f"{s.text[oa - s.start:m.end(1)]} {m.group(3)}", "title": m.group(3),
                "orgs": [(org, oa, ob)], "role_span": (oa, s.start + m.end(3) + 1)}))
        for m in _PAREN_ROLE.finditer(s.text):
            a = s.start + m.start(3)
            out.append(Mention("Official", m.group(3), a, a + len(m.group(3)), s.i, "paren-role", {
                "name": m.group(3), "role": (m.group(1)[:-1] + m.group(2)) if (m.group(1)[-1:], m.group(2)) in (
                    ("시", "시장"), ("군", "군수")) else f"{m.group(1)} {m.group(2)}", "title": m.group(2),
                "orgs": [(m.group(1), s.start + m.start(1), s.start + m.end(1))],
                "role_span": (s.start + m.start(1), s.start + m.end(2) + 1)}))
    return out


def _org_word(core: str) -> bool:
    from kg.find_institutions import known, suffix_kind

    return bool(suffix_kind(core)) or known(core) or re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", core) is not None or \
        core.endswith(("산학협력단", "본부", "지점", "지부")) or core in _gz()


def _role_after(W: list[Word], i: int):
    """(index of the title word, title, org parts) when a role phrase follows the name at ``i``."""
    orgs = []
    for j in range(i + 1, min(i + 6, len(W))):
        wj = W[j]
        if wj.sep_before not in (" ",):
            return None
        if wj.core in REPORTER_WORDS:
            return None
        if wj.core in ("후보", "후보자") and not orgs and (j + 1 >= len(W) or W[j + 1].sep_before != " " or
                                                     not title_of(W[j + 1].core)):
            return j, wj.core, orgs  # "노회찬 후보를": a candidate
        if wj.core in ROLE_MODIFIERS or re.fullmatch(r"제?\d+(?:대|기|차)", wj.core) or wj.core in COUNTRIES:
            continue
        t = title_of(wj.core)
        if t and t[0] == "공사" and not (orgs and orgs[-1][0].endswith(("대사관", "공관", "대표부"))):
            return None  # 공사 is a diplomat's title only after an embassy; else "construction" ("동상 보수 공사")
        if t:
            title, prefix = t
            if prefix:
                n = len(prefix) if wj.core.startswith(prefix) else len(prefix) - 1
                orgs.append((prefix, wj.cs, wj.cs + n))
            return j, title, orgs
        if not _orgish(wj) or wj.paren and not re.fullmatch(r"[A-Za-z]+", wj.paren):
            return None
        if person_name_ok(wj.core) and _name_tags_ok(wj) and "NNP" in wj.tags and len(wj.core) == 3 and \
                not _org_word(wj.core):
            return None  # "민주당 김한길 대표": the person is the next word
        orgs.append((wj.core, wj.cs, wj.ce))
    return None


# titles a foreign person is named with in Korean news ("존 스미스 부사장", "독일 메르켈 총리")
FOREIGN_PERSON_TITLES = frozenset("대통령 부통령 총리 수상 장관 국무장관 외무장관 국방장관 재무장관 대사 총재 의장 회장 부회장 "
                                  "사장 부사장 대표 CEO 최고경영자 교수 박사 의원 상원의원 하원의원 국왕 여왕 주석 총장".split())


def _foreign_word(w: Word) -> bool:
    """A Hangul or Latin word Kiwi reads as one proper noun that is no place, country or organisation."""
    return (not w.josa and not w.paren and w.tags == ["NNP"] and re.fullmatch(r"[가-힣]{1,6}", w.core) is not None
            and w.core not in COUNTRIES and _not_org(w.core) and not title_of(w.core))


def _foreign_names(s: Sent, used: set[int]) -> list[Mention]:
    """Foreign names only where they clearly are a person with a title: two proper-noun words right before the
    title ("피터 리 부사장") or one after a country ("독일 메르켈 총리")."""
    W = s.words
    out = []
    for i in range(len(W) - 1):
        if i in used or (i > 0 and W[i].sep_before not in (" ", ",", "·")):
            continue
        if not _foreign_word(W[i]) or person_name_ok(W[i].core) and len(W[i].core) == 3:
            continue
        two = i + 2 < len(W) and _foreign_word(W[i + 1]) and W[i + 1].sep_before == " " and (i + 1) not in used
        if two and (i == 0 or not W[i - 1].tags == ["NNP"] or W[i - 1].core in COUNTRIES):
            end_w = i + 1
        elif i > 0 and W[i - 1].core in COUNTRIES and W[i].sep_before == " " or \
                (i == 0 or W[i - 1].tags != ["NNP"]) and not suffix_kind(W[i].core) and len(W[i].core) >= 2 and \
                _head_title_next(W, i + 1):
            end_w = i  # "독일 메르켈 총리", "메르켈 총리는"
        else:
            continue
        k, orgs = end_w + 1, []
        while k + 1 < len(W) and not W[k].josa and W[k].sep_before == " " and (
                W[k].core in COUNTRIES or W[k].core in ROLE_MODIFIERS):
            k += 1  # "푸틴 러시아 대통령", "만델라 전 대통령"
        if k + 1 < len(W) and not W[k].josa and W[k].sep_before == " " and _org_word(W[k].core) and \
                W[k].core not in _gz():
            orgs, k = [(W[k].core, W[k].cs, W[k].ce)], k + 1  # "존 스미스 가나전자 부사장"
        t = W[k] if k < len(W) else None
        if t is None or t.sep_before != " " or t.core not in FOREIGN_PERSON_TITLES:
            continue
        name = s.span_text(W[i].cs, W[end_w].ce)
        out.append(Mention("Official", name, W[i].cs, W[end_w].ce, s.i, "foreign-name", {
            "name": name, "role": " ".join([o[0] for o in orgs] + [t.core]), "title": t.core, "orgs": orgs,
            "role_span": (W[end_w + 1].cs, t.ce), "josa": t.josa}))
        used.update(range(i, k + 1))
    return out


HEAD_OF_STATE_TITLES = frozenset("대통령 부통령 총리 부총리 수상 국무장관 외무장관 국방장관 재무장관 장관 주석 국가주석 국왕 총재".split())


def _head_title_next(W: list[Word], k: int) -> bool:
    """A head-of-state or minister title follows (after 전/현 and a country): "아베 총리", "만델라 전 대통령"."""
    while k < len(W) and not W[k].josa and (W[k].core in ROLE_MODIFIERS or W[k].core in COUNTRIES):
        k += 1
    return k < len(W) and W[k].sep_before == " " and W[k].core in HEAD_OF_STATE_TITLES


def _title_then_name(s: Sent, used: set[int]) -> list[Mention]:
    """"가나건설 대표 김민수씨는": organisation, title, then the name (with 씨)."""
    W = s.words
    out = []
    for i in range(1, len(W) - 1):
        org, t, nw = W[i - 1], W[i], W[i + 1]
        if {i - 1, i, i + 1} & used or org.josa or t.josa or t.sep_before != " " or nw.sep_before != " ":
            continue
        name = nw.core[:-1] if nw.core.endswith("씨") else ""
        if not name or not person_name_ok(name) or not _org_word(org.core) or org.core in _gz():
            continue
        tt = title_of(t.core)
        if not tt or tt[1]:
            continue
        out.append(Mention("Official", name, nw.cs, nw.cs + len(name), s.i, "title-before", {
            "name": name, "role": f"{org.core} {t.core}", "title": tt[0], "orgs": [(org.core, org.cs, org.ce)],
            "role_span": (org.cs, t.ce), "josa": nw.josa}))
        used.update((i - 1, i, i + 1))
    return out
