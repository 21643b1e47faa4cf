"""kg.lexicon: titles, suffixes, known institutions, surnames (sentences written for these tests)."""
from __future__ import annotations

import csv

import pytest

from kg import lexicon as lx
from kg.resources import data_file


@pytest.mark.parametrize("surface,canonical", [
    ("STEPI", "과학기술정책연구원"), ("과학기술정책연구원", "과학기술정책연구원"),
    ("포스텍", "포항공과대학교"), ("POSTECH", "포항공과대학교"), ("포항공과대학교", "포항공과대학교"),
    ("카이스트", "한국과학기술원"), ("KAIST", "한국과학기술원"), ("UNIST", "울산과학기술원"),
    ("GIST", "광주과학기술원"), ("DGIST", "대구경북과학기술원"), ("서울대", "서울대학교"),
    ("KISTEP", "한국과학기술기획평가원"), ("ETRI", "한국전자통신연구원"), ("KITECH", "한국생산기술연구원"),
    ("KDI", "한국개발연구원"), ("KISDI", "정보통신정책연구원"), ("NIA", "한국지능정보사회진흥원"),
    ("KISA", "한국인터넷진흥원"), ("NIPA", "정보통신산업진흥원"), ("국토연구원", "국토연구원"),
    ("행안부", "행정안전부"), ("산업부", "산업통상자원부"), ("국토부", "국토교통부"), ("과기정통부", "과학기술정보통신부"),
    ("미래부", "미래창조과학부"), ("LH", "한국토지주택공사"), ("한전", "한국전력공사"), ("이화여대", "이화여자대학교"),
    ("부경대", "국립부경대학교"), ("경북TP", "경북테크노파크"), ("포항테크노파크", "포항테크노파크"),
    ("(주)한국전력공사", "한국전력공사"),
])
def test_lookup(surface, canonical):
    got = lx.lookup_institution(surface)
    assert got is not None and got[0] == canonical


def test_lookup_returns_aliases_and_kind():
    name, aliases, kind = lx.lookup_institution("포스텍")
    assert {"포스텍", "POSTECH"} <= set(aliases) and kind == "university"
    assert lx.lookup_institution("과학기술정책연구원")[2] == "research institute"
    assert lx.lookup_institution("행정안전부")[2] == "ministry"
    assert lx.lookup_institution("없는기관이름") is None
    assert lx.is_known_institution("KISTEP") and not lx.is_known_institution("없는기관이름")


def test_former_names_are_own_entries_with_successor():
    assert lx.institution("미래창조과학부").successor == ("과학기술정보통신부",)
    assert lx.institution("과학기술정보통신부").successor == ()


def test_table_is_well_formed():
    with data_file("institutions.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)) and len(rows) > 400
    for r in rows:
        for s in filter(None, r["successor"].split(";")):
            assert s in names, (r["name"], s)
    for suffix, kind in (("대학교", "university"), ("테크노파크", "technopark")):
        assert all(r["kind"] == kind for r in rows if r["name"].endswith(suffix)), suffix


def test_scan_institutions():
    t = "과학기술정책연구원(STEPI)과 포스텍, KAIST가 연대 활동을 했다. 수은 농도와 LH, 부산대 교수."
    got = [(t[s:e], i.name) for s, e, _, i in lx.scan_institutions(t, [(0, len(t))])]
    assert got == [("과학기술정책연구원", "과학기술정책연구원"), ("STEPI", "과학기술정책연구원"),
                   ("포스텍", "포항공과대학교"), ("KAIST", "한국과학기술원"), ("LH", "한국토지주택공사"),
                   ("부산대", "부산대학교")]
    # not inside another word or Latin token
    assert lx.scan_institutions("XLH KAISTA 대서울대", [(0, 14)]) == []


def test_suffixes():
    assert lx.suffix_kind("포항테크노파크") == ("테크노파크", "technopark")
    assert lx.suffix_kind("서울디지털재단") == ("재단", "foundation")
    assert lx.suffix_kind("한국자동차공학한림원") == ("한림원", "association")
    assert lx.suffix_kind("부산IT융합포럼") == ("포럼", "forum")
    assert lx.suffix_kind("행복부", strong_only=True) is None
    assert lx.suffix_kind("재단") is None  # a bare suffix is not a name


@pytest.mark.parametrize("role,split,kind", [
    ("국토연구원장", ("국토연구원", "원장"), "head of organisation"),
    ("포항시 미래전략산업과장", ("포항시 미래전략산업과", "과장"), "public official"),
    ("환경부 장관", ("환경부", "장관"), "minister"),
    ("울산시장", ("울산시", "시장"), "head of local government"),
    ("서울특별시장", ("서울특별시", "시장"), "head of local government"),
    ("전라북도지사", ("전라북도", "도지사"), "head of local government"),
    ("동작구청장", ("동작구", "구청장"), "head of local government"),
    ("울진군수", ("울진군", "군수"), "head of local government"),
    ("경기지사", ("경기", "지사"), "head of local government"),
    ("포스텍 교수", ("포스텍", "교수"), "academic"),
    ("한국생산기술연구원 수석연구원", ("한국생산기술연구원", "수석연구원"), "researcher"),
    ("미래준비위원장", ("미래준비위원회", "위원장"), "head of organisation"),
    ("교수", ("", "교수"), "academic"),
])
def test_split_role_and_title_kind(role, split, kind):
    assert lx.split_role(role) == split
    assert lx.title_kind(role) == kind


def test_titles_cover_the_brief():
    for t in ("시장 군수 구청장 도지사 지사 교육감 의원 국회의원 장관 차관 청장 원장 이사장 총장 교수 연구위원 "
              "수석연구원 센터장 본부장 실장 국장 과장 팀장 위원장 부회장 회장 대표 사장 부시장 부지사").split():
        assert lx.title_kind(t), t
    assert lx.title_kind("사과") is None


def test_branch_and_company_marker():
    assert lx.branch_of("한국은행 포항본부") == ("한국은행", "포항", "본부")
    assert lx.branch_of("한국은행 대구경북본부") == ("한국은행", "대구경북", "본부")
    assert lx.branch_of("중소벤처기업진흥공단 경남지역본부") == ("중소벤처기업진흥공단", "경남", "지역본부")
    assert lx.branch_of("포항시청") is None
    assert lx.strip_company_marker("(주)가나다") == ("가나다", "(주)")
    assert lx.strip_company_marker("가나다㈜") == ("가나다", "㈜")
    assert lx.strip_company_marker("주식회사 가나다") == ("가나다", "주식회사")


def test_surnames():
    assert lx.split_person_name("남궁민수") == ("남궁", "민수")
    assert lx.split_person_name("홍길동") == ("홍", "길동")
    assert lx.split_person_name("가나다라") is None
    assert lx.split_person_name("Kim") is None
    assert {"김", "이", "박", "황보"} <= lx.SURNAMES
