"""General knowledge the extractor needs: titles, institution suffixes, well-known institutions, surnames.

All lists are general knowledge of Korean public life and news writing (no name taken from an evaluation
article). Known institutions live in ``kg/data/institutions.csv`` (name, kind, aliases ";"-separated,
successor, note); see kg/data/ATTRIBUTION.md.

API::

    from kg import lexicon as lx
    lx.lookup_institution("STEPI")      # -> ("과학기술정책연구원", ("STEPI", …), "research institute") | None
    lx.institution("포스텍")             # -> Institution(name="포항공과대학교", kind, aliases, successor, note)
    lx.canonical_institution("포스텍")   # -> "포항공과대학교" (the stable key for the IRI; display the name as written)
    lx.is_known_institution("KISTEP")   # -> True
    lx.scan_institutions(text, spans)   # -> [(start, end, surface, Institution)] known names/aliases, pure
    lx.INSTITUTION_SUFFIXES             # {"연구원": "research institute", "테크노파크": "technopark", …}
    lx.suffix_kind("포항테크노파크")     # -> ("테크노파크", "technopark")
    lx.TITLES, lx.title_kind("구청장")   # -> "head of local government"
    lx.split_role("국토연구원장")        # -> ("국토연구원", "원장");  "포항시 미래전략산업과장" -> ("포항시 미래전략산업과", "과장")
    lx.branch_of("한국은행 포항본부")    # -> ("한국은행", "포항", "본부")
    lx.strip_company_marker("(주)넥스트") # -> ("넥스트", "(주)")
    lx.SURNAMES, lx.split_person_name("남궁민수")  # -> ("남궁", "민수")

Institution kinds follow GUIDELINES.md usage: ministry, agency, public agency, public corporation, public fund,
research institute, university, technopark, foundation, association, council, committee, forum, cooperative,
bank, company, hospital, school, center, branch, education office, legislature, court, media …
Former names are separate entries with ``successor`` (미래창조과학부 → 과학기술정보통신부): a 2016 article's
미래창조과학부 is that ministry, not today's.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.resources import data_file

# ---- institution suffixes ---------------------------------------------------------------------------------
INSTITUTION_SUFFIXES: dict[str, str] = {
    "과학기술원": "university", "대학교": "university", "대학원": "university", "대학": "university",
    "여대": "university", "공대": "university", "대": "university",
    "산학협력단": "industry-academia cooperation foundation",
    "연구원": "research institute", "연구소": "research institute", "연구센터": "research institute",
    "연구단": "research institute",
    "진흥원": "agency", "평가원": "agency", "정보원": "agency", "개발원": "agency", "관리원": "agency",
    "기획원": "agency", "인증원": "agency", "교육원": "agency", "연수원": "agency", "진흥회": "association",
    "테크노파크": "technopark",
    "재단법인": "foundation", "재단": "foundation", "장학회": "foundation",
    "공사": "public corporation", "공단": "public agency", "기금": "public fund",
    "협동조합": "cooperative", "조합": "cooperative", "중앙회": "cooperative", "농협": "cooperative",
    "상공회의소": "chamber of commerce", "상의": "chamber of commerce",
    "협회": "association", "연합회": "association", "학회": "association", "연구회": "association",
    "연대": "association", "네트워크": "association", "총연합회": "association", "한림원": "association",
    "협의회": "council", "협의체": "council", "의회": "council", "회의": "council",
    "위원회": "committee", "추진단": "committee", "특위": "committee",
    "포럼": "forum",
    "교육지원청": "education office", "교육청": "education office",
    "부": "ministry", "처": "agency", "청": "agency", "원": "agency", "위": "committee",
    "은행": "bank", "금고": "bank", "지방은행": "bank",
    "병원": "hospital", "의료원": "hospital", "의원": "hospital", "보건소": "hospital",
    "초등학교": "school", "중학교": "school", "고등학교": "school", "학교": "school", "고": "school",
    "센터": "center", "지원센터": "center", "혁신센터": "center", "창업보육센터": "center",
    "지역본부": "branch", "본부": "branch", "지사": "branch", "지점": "branch", "사무소": "branch",
    "출장소": "branch", "지부": "branch", "캠퍼스": "branch",
    "경찰서": "police", "경찰청": "police", "소방서": "fire service", "소방본부": "fire service",
    "법원": "court", "지방법원": "court", "검찰청": "prosecution", "지검": "prosecution",
    "일보": "media", "신문": "media", "신문사": "media", "방송": "media", "뉴스": "media", "통신": "media",
    "주식회사": "company", "그룹": "company", "홀딩스": "company", "건설": "company", "전자": "company",
    "산업": "company", "제약": "company", "바이오": "company", "테크": "company", "솔루션": "company",
    "소프트": "company", "시스템즈": "company", "네트웍스": "company", "랩": "company", "랩스": "company",
    "벤처스": "venture capital", "인베스트먼트": "venture capital", "파트너스": "venture capital",
}
# suffixes that alone are too short to prove an organisation (need a known stem or context)
WEAK_SUFFIXES = frozenset("대 부 처 청 원 위 고 상의 농협 테크 랩 통신 산업 전자 건설 회의 의원 연대".split())
SUFFIXES_LONGEST_FIRST = tuple(sorted(INSTITUTION_SUFFIXES, key=len, reverse=True))

COMPANY_MARKERS = ("농업회사법인", "영농조합법인", "주식회사", "유한회사", "사단법인", "재단법인", "(주)", "㈜", "(유)",
                   "(사)", "(재)", "(합)", "(株)", "Co., Ltd.", "Inc.")


def suffix_kind(name: str, *, strong_only: bool = False) -> tuple[str, str] | None:
    """The longest institution suffix ``name`` ends with and its kind; None if none (or only weak ones)."""
    n = name.strip()
    for s in SUFFIXES_LONGEST_FIRST:
        if n.endswith(s) and len(n) > len(s):
            if strong_only and s in WEAK_SUFFIXES:
                continue
            return s, INSTITUTION_SUFFIXES[s]
    return None


def strip_company_marker(name: str) -> tuple[str, str]:
    """("(주)넥스트" | "넥스트㈜" | "주식회사 넥스트") -> ("넥스트", marker); marker "" when none."""
    n = name.strip()
    for m in COMPANY_MARKERS:
        if n.startswith(m):
            return n[len(m):].strip(), m
        if n.endswith(m):
            return n[: -len(m)].strip(), m
    return n, ""


# ---- titles -----------------------------------------------------------------------------------------------
_TITLE_GROUPS = {
    "head of local government": "시장 군수 구청장 도지사 지사 특별시장 광역시장 특별자치시장 특별자치도지사 특례시장 "
                                "시장권한대행 군수권한대행",
    "deputy head of local government": "부시장 부지사 부군수 부구청장 행정부시장 정무부시장 경제부시장 행정부지사 "
                                       "경제부지사 정무부지사 기획조정실장",
    "education superintendent": "교육감 부교육감 교육장",
    "legislator": "국회의원 의원 시의원 도의원 군의원 구의원 의장 부의장 상임위원장 원내대표 당대표 대표의원 "
                  "비례대표",
    "head of state": "대통령 국무총리 총리 부총리",
    "minister": "장관 차관 1차관 2차관 제1차관 제2차관 처장 청장 차장 비서관 수석 비서실장 정책실장",
    "public official": "대변인 실장 국장 과장 팀장 계장 주무관 사무관 서기관 부이사관 이사관 담당관 소장 반장 주사 "
                       "실무관 정책관 기획관 심의관 조정관 단장 부단장 센터장 관장",
    "head of organisation": "위원장 부위원장 원장 부원장 이사장 총장 부총장 학장 대학원장 회장 부회장 명예회장 공동회장 "
                           "대표 공동대표 상임대표 사무총장 사무국장 사무처장 지부장 지역본부장 지점장 "
                           "지사장 공장장 조합장 소장 연구소장 병원장 교장 관장 의장 협의회장 공동위원장 "
                           "이사 상임이사 감사 운영위원장 집행위원장 조직위원장",
    "executive": "대표이사 사장 부사장 전무 상무 전무이사 상무이사 최고경영자 CEO CTO CFO 본부장 부문장 "
                 "사업부장 그룹장 창업자 공동창업자 대표변호사",
    "academic": "교수 부교수 조교수 명예교수 석좌교수 겸임교수 연구교수 초빙교수 특임교수 학과장 교사 강사 "
                "박사 학생",
    "researcher": "연구위원 선임연구위원 수석연구위원 부연구위원 수석연구원 책임연구원 선임연구원 연구원 "
                  "전문연구원 연구관 연구사 연구단장 연구책임자 박사후연구원 센터장 실장 팀장",
    "member": "위원 자문위원 고문 전문위원 운영위원 심사위원 평가위원 명예위원 특보 보좌관 정책특보 멘토",
}
TITLES: dict[str, str] = {}
for _kind, _words in _TITLE_GROUPS.items():
    for _w in _words.split():
        TITLES.setdefault(_w, _kind)  # first group wins (센터장 -> public official, 본부장 -> minister …)
TITLES_LONGEST_FIRST = tuple(sorted(TITLES, key=len, reverse=True))
HEAD_TITLES_OF_LEVEL = {  # which head title a City of each level has
    "metropolitan": ("시장",), "province": ("도지사", "지사"), "city": ("시장",), "county": ("군수",),
    "district": ("구청장",),
}


def title_kind(title: str) -> str | None:
    """Category of a title ("구청장" -> "head of local government"), also for compounds ending in one
    ("미래전략산업과장" -> "public official"); None when it is not a title."""
    t = title.strip()
    if t in TITLES:
        return TITLES[t]
    sp = split_role(t)
    return TITLES.get(sp[1]) if sp else None


def split_role(role: str) -> tuple[str, str] | None:
    """Split a role as written into (organisation part, title): "환경부 장관" -> ("환경부", "장관"),
    "국토연구원장" -> ("국토연구원", "원장"), "포항시 미래전략산업과장" -> ("포항시 미래전략산업과", "과장"),
    "울산시장" -> ("울산시", "시장"), "서울특별시장" -> ("서울특별시", "시장"), "교수" -> ("", "교수").
    None when no title ends the role. The organisation part is as written (resolve it with kg.gazetteer /
    :func:`institution`)."""
    r = " ".join(role.split())
    if not r:
        return None
    if r in TITLES:
        return "", r
    head, _, last = r.rpartition(" ")
    if head and last in TITLES:
        return head, last
    for t in TITLES_LONGEST_FIRST:
        if r.endswith(t) and len(r) > len(t):
            org = r[: -len(t)]
            if t in SHARED_SYLLABLE and not org.endswith(" "):
                suffix, t = SHARED_SYLLABLE[t]
                return org + suffix, t
            return org.rstrip(), t
    return None


# A title glued to its organisation shares the organisation's last syllable(s): 울산시장 = 울산시 + 시장,
# 국토연구원장 = 국토연구원 + 원장, 동작구청장 = 동작구 + 구청장, 서울특별시장 = 서울특별시 + 시장.
# title -> (what to put back on the organisation, the title to report)
SHARED_SYLLABLE = {
    "시장": ("시", "시장"), "군수": ("군", "군수"), "구청장": ("구", "구청장"), "도지사": ("도", "도지사"),
    "특별시장": ("특별시", "시장"), "광역시장": ("광역시", "시장"), "특별자치시장": ("특별자치시", "시장"),
    "특별자치도지사": ("특별자치도", "도지사"), "특례시장": ("특례시", "시장"),
    "청장": ("청", "청장"), "원장": ("원", "원장"), "과장": ("과", "과장"), "국장": ("국", "국장"),
    "실장": ("실", "실장"), "팀장": ("팀", "팀장"), "소장": ("소", "소장"), "처장": ("처", "처장"),
    "관장": ("관", "관장"), "단장": ("단", "단장"), "부장": ("부", "부장"), "회장": ("회", "회장"),
    "위원장": ("위원회", "위원장"), "센터장": ("센터", "센터장"), "본부장": ("본부", "본부장"),
    "지사장": ("지사", "지사장"), "지점장": ("지점", "지점장"), "교육감": ("교육청", "교육감"),
}


# ---- surnames ---------------------------------------------------------------------------------------------
SURNAMES_2 = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "망절", "어금")
SURNAMES_1 = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 "
    "구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 라 왕 금 옥 육 인 맹 제 "
    "모 탁 국 어 은 편 용 예 경 봉 사 부 황 빈 태 승 피 감 음 가 범 형 두 호 당 좌 계 단 견 시 탄 판 아 묵 학 운 요".split()
)
SURNAMES = SURNAMES_1 | frozenset(SURNAMES_2)


def split_person_name(name: str) -> tuple[str, str] | None:
    """("남궁민수" -> ("남궁", "민수"), "홍길동" -> ("홍", "길동")); None unless 2–4 Hangul with a known surname."""
    n = name.strip()
    if not re.fullmatch(r"[가-힣]{2,4}", n):
        return None
    if n[:2] in SURNAMES_2 and len(n) >= 3:
        return n[:2], n[2:]
    if n[0] in SURNAMES_1 and len(n) <= 3:
        return n[0], n[1:]
    return None


# ---- branches (한국은행 포항본부, 중소벤처기업진흥공단 경남지역본부) ---------------------------------------------------
_BRANCH_RE = re.compile(r"^(?P<parent>\S+?)\s?(?P<region>[가-힣]{2,8}?)(?P<suffix>지역본부|본부|지사|지점|지부|사무소|센터)$")


def branch_of(surface: str) -> tuple[str, str, str] | None:
    """(parent canonical, region, suffix) when ``surface`` is a regional unit of a known institution:
    "한국은행 포항본부" -> ("한국은행", "포항", "본부"); "한국은행 대구경북본부" -> ("한국은행", "대구경북", "본부")."""
    s = " ".join(surface.split())
    head, sep, tail = s.partition(" ")
    if sep:
        inst = institution(head)
        m = re.fullmatch(r"(?P<region>[가-힣]{1,8}?)(?P<suffix>지역본부|본부|지사|지점|지부|사무소|센터)", tail)
        if inst and m:
            return inst.name, m["region"], m["suffix"]
        return None
    m = _BRANCH_RE.match(s)
    if m and institution(m["parent"]):
        return institution(m["parent"]).name, m["region"], m["suffix"]
    return None


# ---- known institutions -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Institution:
    name: str  # canonical official name (the IRI key)
    kind: str
    aliases: tuple[str, ...]  # listed + generated short forms (X대, X여대, XTP)
    successor: tuple[str, ...] = ()
    note: str = ""


def _generated_aliases(name: str, kind: str) -> list[str]:
    out = []
    if kind == "university":
        base = name[2:] if name.startswith("국립") else name
        if base.endswith("여자대학교"):
            out += [base[:-5] + "여대", base[:-5] + "여자대"]
        elif base.endswith("대학교"):
            out.append(base[:-3] + "대")
        if base != name:
            out.append(base)
            if base.endswith("대학교"):
                out.append("국립" + base[:-3] + "대")
        if base.endswith("교육대학교"):
            out.append(base[:-5] + "교대")
    if kind == "technopark" and name.endswith("테크노파크"):
        out += [name[:-5] + "TP", name[:-5] + " TP"]
    return out


@lru_cache(maxsize=1)
def institutions() -> dict[str, Institution]:
    """canonical name -> Institution, from kg/data/institutions.csv."""
    path = data_file("institutions.csv")
    out: dict[str, Institution] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for n, r in enumerate(csv.DictReader(f), 2):
            name, kind = (r.get("name") or "").strip(), (r.get("kind") or "").strip()
            if not name or not kind:
                raise ValueError(f"{path}:{n}: a row needs a name and a kind")
            if name in out:
                raise ValueError(f"{path}:{n}: duplicate institution {name!r}")
            listed = [a.strip() for a in (r.get("aliases") or "").split(";") if a.strip()]
            aliases = tuple(dict.fromkeys(a for a in listed + _generated_aliases(name, kind) if a != name))
            succ = tuple(s.strip() for s in (r.get("successor") or "").split(";") if s.strip())
            out[name] = Institution(name, kind, aliases, succ, (r.get("note") or "").strip())
    return out


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """surface -> canonical name. A canonical name always maps to itself; an alias shared by several entries
    goes to the current one (no successor), else the first listed."""
    inst = institutions()
    forms = {name: name for name in inst}
    for name, i in inst.items():
        for a in i.aliases:
            if a in inst:
                continue
            prev = forms.get(a)
            if prev is None or (inst[prev].successor and not i.successor):
                forms[a] = name
    return forms


def known_institution_forms() -> dict[str, str]:
    """Every known surface (canonical names and aliases) -> canonical name."""
    return dict(_forms())


def institution(surface: str) -> Institution | None:
    """The known institution named by ``surface`` (name or alias, spaces and company markers ignored)."""
    s = " ".join(surface.split())
    forms = _forms()
    c = forms.get(s) or forms.get(s.replace(" ", "")) or forms.get(strip_company_marker(s)[0])
    return institutions()[c] if c else None


def is_known_institution(surface: str) -> bool:
    """True when ``surface`` names a known institution (name or alias)."""
    return institution(surface) is not None


def canonical_institution(surface: str) -> str | None:
    i = institution(surface)
    return i.name if i else None


def lookup_institution(surface: str) -> tuple[str, tuple[str, ...], str] | None:
    """(canonical, aliases, kind) of a known institution, or None."""
    i = institution(surface)
    return (i.name, i.aliases, i.kind) if i else None


# aliases that are common words or places too (연대 = solidarity, 고대 = ancient, 홍대 = an area, 수은 = mercury …):
# lookup_institution resolves them, scan_institutions does not report them.
NO_SCAN = frozenset("연대 고대 이대 홍대 건대 성대 숙대 외대 대검 기보 신보 수은 산은 예보 농협 수협 연구회 평가원 "
                    "국민연금 수공 도공 보훈처 감정원 이대 한은 노동부 고용부 복지부 산업부 환경부".split()) - {
    "한은", "노동부", "고용부", "복지부", "산업부", "환경부", "농협", "수협"}
_LATIN_OK_2 = frozenset({"LH", "LX", "aT"})


def scan_institutions(text: str, spans) -> list[tuple[int, int, str, Institution]]:
    """Known institutions (names and aliases) inside ``spans`` of ``text``; longest match first; a match starts a
    word (Hangul not glued before it; Latin abbreviations stand alone). Two-syllable Hangul aliases must be
    followed by a non-Hangul character or a particle-like ending of at most two syllables. Pure."""
    forms = _forms()
    hangul_max = max(len(f) for f in forms)
    out = []
    for s, e in spans:
        i = max(0, s)
        e = min(len(text), e)
        while i < e:
            prev = text[i - 1] if i > 0 else " "
            if "\uac00" <= prev <= "\ud7a3" or (prev.isascii() and prev.isalnum()):
                i += 1
                continue
            hit = None
            for L in range(min(hangul_max, e - i), 1, -1):
                cand = text[i:i + L]
                if cand in forms and cand not in NO_SCAN and _boundary_ok(text, i, i + L, cand):
                    hit = cand
                    break
            if hit:
                out.append((i, i + len(hit), hit, institutions()[forms[hit]]))
                i += len(hit)
            else:
                i += 1
    return out


def _boundary_ok(text: str, s: int, e: int, cand: str) -> bool:
    nxt = text[e] if e < len(text) else " "
    if cand.isascii():
        if len(cand) < 3 and cand not in _LATIN_OK_2:
            return False
        return not (nxt.isascii() and nxt.isalnum())
    if len(cand) <= 2:
        j = e
        while j < len(text) and "\uac00" <= text[j] <= "\ud7a3":
            j += 1
        return j - e <= 2 and text[e:j] in ("", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로",
                                            "측", "에서", "으로", "과의", "와의", "에게", "까지", "부터", "처럼", "이다")
    return True
