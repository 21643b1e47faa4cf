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

from kg.find_terms import COUNTRIES, GLUED_TITLES, SURNAMES_1, TITLES, person_name_ok
from kg.model import Mention
from kg.words import Sent, Word

_TITLE_SET = frozenset(TITLES)
_GLUED = sorted(GLUED_TITLES, key=len, reverse=True)
_PAREN_ROLE = re.compile(r"([가-힣]{2,12})\((시장|군수|구청장|도지사|지사|교육감|대표|회장|원장|총장|이사장|위원장) ([가-힣]{2,4})\)")
_PAREN_NAME_TITLE = re.compile(r"([가-힣0-9]{2,20})\(([가-힣]{2,4}) ([가-힣]{1,6}(?:장|관|사|원|수|의원|판사|검사))\)")
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
                                  "지점", "지부", "사업단") and len(org) >= 3


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
    for t in _GLUED:
        if core.endswith(t) and len(core) > len(t):
            prefix = core[: -len(t)]
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
    from kg.find_institutions import is_strong, known

    from kg.find_institutions import university_short

    if word in _gz() or known(word) or is_strong(word) or word.endswith(("당", "모")) or university_short(word):
        return False
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
    if len(w.core) == 2 or "NNP" not in tags:
        return False  # two-syllable "names" are mostly words (구글, 공개); a name has a proper-noun reading
    return True


def _orgish(w: Word) -> bool:
    """A word that can stand inside a role phrase (no particle, no predicate, not a number)."""
    if w.josa or w.verb or not w.core or re.fullmatch(r"[\d.,%~]+", w.core):
        return False
    if w.core in ROLE_MODIFIERS or len(w.core) < 2 or re.fullmatch(r"제?\d+(?:대|기|차)", w.core):
        return False
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
            if m is not None and not m[2] and i > 0 and _orgish(W[i - 1]) and w.sep_before == " ":
                m = None  # "한빛대학교 산학협력단 김민수 단장": organisation before the name
            if m is not None:
                j, title, orgs = m
                role_words = [x.core for x in W[i + 1: j + 1] if x.core not in ROLE_MODIFIERS]
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
        for m in _PAREN_NAME_TITLE.finditer(s.text):  # "서울북부지법 형사1부(홍길동 부장판사)"
            if not person_name_ok(m.group(2)) or m.group(3) not in _TITLE_SET and not title_of(m.group(3)):
                continue
            a = s.start + m.start(2)
            out.append(Mention("Official", m.group(2), a, a + len(m.group(2)), s.i, "paren-role", {
                "name": m.group(2), "role": f"{m.group(1)} {m.group(3)}", "title": m.group(3),
                "orgs": [(m.group(1), s.start + m.start(1), s.start + m.end(1))],
                "role_span": (s.start + m.start(1), s.start + m.end(3) + 1)}))
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
        if wj.core in ROLE_MODIFIERS or re.fullmatch(r"제?\d+(?:대|기|차)", wj.core) or wj.core in COUNTRIES:
            continue
        t = title_of(wj.core)
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
