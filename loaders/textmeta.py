"""Pure helpers that read an article's metadata from short lines of text.

Dates ("기사승인 : 2025-11-24 09:10:18", "작성일18-01-24 12:35", "입력 2020.03.05", "2024. 11. 18. 10:52"),
reporters ("오경묵 기자", "[ 경기신문 = 이상범 기자 ]"), datelines ("(세종=뉴스1)", "[환경포커스=서울]",
"[아시아경제 영남취재본부 이상현 기자]") and copyright lines ("[저작권자ⓒ 뉴스스텝. 무단전재-재배포 금지]").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.loaders.outlets import OUTLET_NAMES, outlet_in_text

# --- dates -----------------------------------------------------------------------------------------------------

# keyword -> rank (lower is better: the first publication beats a later revision)
_DATE_KEYWORDS = (
    ("기사입력", 0), ("입력", 0), ("작성일", 0), ("작성", 0), ("등록일", 0), ("등록", 0), ("게재", 0),
    ("발행일", 0), ("발행", 0), ("송고", 0), ("기사승인", 0), ("승인", 0), ("date", 0), ("published", 0),
    ("posted", 0), ("최종수정", 2), ("수정", 2), ("업데이트", 2), ("updated", 2), ("modified", 2),
)
_KW_RE = "|".join(re.escape(k) for k, _ in _DATE_KEYWORDS)
_KW_RANK = {k: r for k, r in _DATE_KEYWORDS}

DATE_RE = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2}|\d{2})\s*(?:[-./]|년)\s*(?P<m>\d{1,2})\s*(?:[-./]|월)\s*(?P<d>\d{1,2})(?!\d)"
    r"(?:\s*[.일])?"
)
TIME_RE = re.compile(r"^\s*(?:\([월화수목금토일]\)\s*)?(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}", re.IGNORECASE)
_KW_BEFORE = re.compile(rf"({_KW_RE})\s*(?:일시|일자|시간)?\s*[:：|]?\s*$", re.IGNORECASE)
_KW_AFTER = re.compile(r"^\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?(송고|입력|등록|게재|승인|발행|수정|업데이트)")
PARTIAL_DATE_RE = re.compile(
    rf"(?:{_KW_RE})\s*[:：]?\s*(?P<y>(?:19|20)\d{{2}})\s*(?:[-./]|년)\s*(?P<m>\d{{1,2}})(?!\s*(?:[-./]|월)?\s*\d)",
    re.IGNORECASE,
)
PAGE_DATE_RE = re.compile(
    r"^(?:(?:19|20)\d{2})\s*(?:[-./]|년)\s*\d{1,2}\s*(?:[-./]|월)\s*\d{1,2}\s*[.일]?\s*(?:\(?[월화수목금토일](?:요일)?\)?)?$"
)


@dataclass
class DateHit:
    value: date
    rank: int  # 0 keyword of first publication, 1 date with a time, 2 revision date
    start: int  # offset in the line
    end: int
    keyword: str = ""


def _make_date(y: str, m: str, d: str) -> date | None:
    year = int(y)
    if len(y) == 2:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, int(m), int(d))
    except ValueError:
        return None


def find_dates(line: str) -> list[DateHit]:
    """Dates in ``line`` that are stated as the article's (after a keyword, or with a time of day)."""
    hits = []
    for m in DATE_RE.finditer(line):
        before = line[max(0, m.start() - 14): m.start()]
        kw = _KW_BEFORE.search(before)
        after = _KW_AFTER.match(line[m.end():])
        keyword = (kw.group(1) if kw else (after.group(1) if after else "")).lower()
        if len(m.group("y")) == 2 and not kw:
            continue  # a two-digit year only right after a keyword ("작성일18-01-24")
        timed = bool(TIME_RE.match(line[m.end():]))
        if not keyword and not timed:
            continue
        value = _make_date(m.group("y"), m.group("m"), m.group("d"))
        if value is None:
            continue
        rank = _KW_RANK.get(keyword, 0) if keyword else 1
        hits.append(DateHit(value, rank, m.start(), m.end(), keyword))
    return hits


def find_partial_date(line: str) -> tuple[int, int] | None:
    """A (year, month) stated after a keyword without a day ("date 2021-09")."""
    m = PARTIAL_DATE_RE.search(line)
    if not m:
        return None
    y, mo = int(m.group("y")), int(m.group("m"))
    return (y, mo) if 1 <= mo <= 12 else None


def is_page_date(line: str) -> bool:
    """A bare date line such as the page header "2024.07.09 (화)": not the article's date."""
    return bool(PAGE_DATE_RE.match(line.strip()))


def best_date(hits: list[DateHit]) -> date | None:
    if not hits:
        return None
    return min(hits, key=lambda h: h.rank).value


# --- reporters -------------------------------------------------------------------------------------------------

_NOT_NAMES = frozenset(
    "취재 사진 영상 객원 인턴 수습 전문 편집 본사 담당 특파원 선임 수석 기획 온라인 디지털 뉴스 편집부 취재부 정치부"
    " 경제부 사회부 문화부".split()
)
REPORTER_RE = re.compile(
    r"(?:^|(?<=[\s\[(=/|·,]))(?P<name>[가-힣]{2,4})\s*(?:선임|수석|객원|인턴|전문|사진|영상|취재)?\s*기자"
    r"(?=$|[\s\]).,/|·@]|님)"
)
EMAIL_RE = re.compile(r"[\w.+-]+@(?:[\w-]+\.)+[a-z]{2,}|[\w.+-]+@(?=\s|$)", re.IGNORECASE)


def find_reporters(line: str) -> list[str]:
    """Reporter names in a byline ("대구=오경묵 기자 okmook@…", "최선경 기자 / 기사승인 …")."""
    names = []
    for m in REPORTER_RE.finditer(line):
        name = m.group("name")
        if name not in _NOT_NAMES and name not in names:
            names.append(name)
    return names


# --- outlets ---------------------------------------------------------------------------------------------------

_PROVINCES = frozenset(
    "서울 부산 대구 인천 광주 대전 울산 세종 경기 강원 충북 충남 전북 전남 경북 경남 제주 국회 청와대 용산"
    " 수도권 영남 호남 충청 강원 서울시 부산시 대구시 인천시 광주시 대전시 울산시 세종시 제주도".split()
)
_NOT_OUTLETS = frozenset(
    "사진 포토 영상 속보 단독 종합 인터뷰 기고 칼럼 사설 포토뉴스 크기변환 편집자주 오피니언 기획 특집 알림 정정"
    " 보도자료 공지 무단전재 저작권자 copyright 뉴스 기자".split()
)
DATELINE_RE = re.compile(
    r"^(?:date\s+\d{4}-\d{1,2}(?:-\d{1,2})?\s*)?(?P<open>[\[(【〔])\s*(?P<inner>[^\[\]()【】〔〕\n]{1,60}?)\s*[\])】〕]\s*",
    re.IGNORECASE,
)


def is_place(token: str) -> bool:
    token = token.strip()
    if token in _PROVINCES:
        return True
    return 2 <= len(token) <= 5 and token[-1] in "시군구도" and re.fullmatch(r"[가-힣]+", token) is not None


def _clean_outlet(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip(" \t.,:;-_=|/\"'“”‘’")
    if not name or len(name) > 20 or name.lower() in _NOT_OUTLETS or "기자" in name:
        return None
    if not re.search(r"[가-힣A-Za-z]", name):
        return None
    return name


def outlet_from_dateline(inner: str, paren: bool) -> str | None:
    """The outlet named inside a dateline bracket: "세종=뉴스1" (paren) -> 뉴스1, "환경포커스=서울" -> 환경포커스."""
    inner = EMAIL_RE.sub(" ", inner)
    inner = REPORTER_RE.sub(" ", inner).strip()
    if "=" in inner:
        left, right = (s.strip() for s in inner.split("=", 1))
        for side in (left, right):
            if side in OUTLET_NAMES:
                return side
        if not right or is_place(right):
            chosen = left
        elif not left or is_place(left):
            chosen = right
        else:
            chosen = right if paren else left
        if is_place(chosen):
            return None
        return _clean_outlet(chosen.split()[0] if chosen.split() else chosen)
    tokens = inner.split()
    if not tokens or is_place(tokens[0]):
        return None
    return _clean_outlet(tokens[0])


def parse_dateline(paragraph: str) -> tuple[int, str | None, list[str]] | None:
    """A dateline at the start of a paragraph: (length of the prefix to skip, outlet, reporters), or None.

    Only brackets that look like a dateline count: with '=' or '기자' inside, or one word of 3+ characters
    ("[뉴스스텝]"); "(주)", "(재)", "(사진)" are not datelines.
    """
    m = DATELINE_RE.match(paragraph)
    if not m:
        return None
    inner = m.group("inner").strip()
    reporters = find_reporters(inner)
    if "=" not in inner and not reporters:
        if " " in inner or len(inner) < 3 or inner.lower() in _NOT_OUTLETS:
            return None
    outlet = outlet_from_dateline(inner, m.group("open") in "(〔")
    return m.end(), outlet, reporters


COPYRIGHT_RE = re.compile(r"저작권|무단\s*전재|무단\s*복제|재배포|copyright|all rights reserved", re.IGNORECASE)
_COPY_OUTLET_RES = (
    re.compile(r"(?:저작권자|copyrights?)\s*(?:[ⓒ©]|\(c\))\s*(?:(?:19|20)\d{2}\s*)?(?P<name>[^\s.,\]\[()|<>]+)", re.I),
    re.compile(r"(?:[ⓒ©]|\(c\))\s*(?:(?:19|20)\d{2}(?:\s*-\s*(?:19|20)\d{2})?\s*)?(?P<name>[^\s.,\]\[()|<>]+)", re.I),
    re.compile(r"^[\[(]?\s*(?P<name>[가-힣A-Za-z0-9]+)\s*\(\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?\s*\)"),
    re.compile(r"(?:저작권자|copyrights?)\s*[:：]?\s*(?P<name>[가-힣A-Za-z0-9]+)", re.IGNORECASE),
)


def outlet_from_copyright(line: str) -> str | None:
    """The outlet named in a copyright or photo-credit line ("[저작권자ⓒ 뉴스스텝. 무단전재…]", "© 뉴스1")."""
    for rx in _COPY_OUTLET_RES:
        m = rx.search(line)
        if m:
            name = _clean_outlet(m.group("name"))
            if name and not re.fullmatch(r"\d{4}", name):
                return name
    return outlet_in_text(line)


TITLE_SUFFIX_RE = re.compile(r"\s+-\s*(?P<name>[^\s\-][^-\n]{0,28}?)\s*-\s*$")
_PIPE_SUFFIX_RE = re.compile(r"\s+[|｜:]\s*(?P<name>[^|｜:\n]{2,20}?)\s*$")


def split_title_suffix(title: str) -> tuple[int, str | None]:
    """Length of the headline without an outlet suffix ("제목 -경기티비종합뉴스-", "제목 | 연합뉴스"), and the outlet."""
    m = TITLE_SUFFIX_RE.search(title)
    if m:
        return m.start(), _clean_outlet(m.group("name"))
    m = _PIPE_SUFFIX_RE.search(title)
    if m and m.group("name").strip() in OUTLET_NAMES:
        return m.start(), m.group("name").strip()
    return len(title), None


def outlet_from_name_date(line: str, hit: DateHit) -> str | None:
    """"산경일보 2024. 11. 18. 10:52": a line that is only a name and a date names the outlet."""
    if hit.keyword:
        return None
    head = line[: hit.start].strip(" \t|/·-")
    if not head or " " in head or "기자" in head:
        return None
    return _clean_outlet(head)
