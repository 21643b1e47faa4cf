"""parse_scraped on the five seed pages: main text kept, boilerplate and repeats dropped, metadata read."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.loaders.scraped import classify, parse_scraped, split_lines

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse_scraped(path.read_text(encoding="utf-8"), str(path))


def main(a) -> str:
    return a.main_text()


def check_spans(a):
    spans = a.main_spans()
    for s, e in spans:
        assert 0 <= s < e <= len(a.text)
        piece = a.text[s:e]
        assert piece == piece.strip(), "spans are trimmed"
        assert "\n" not in piece
    body = sorted(a.body)
    assert body == a.body, "body in reading order"
    for (s1, e1), (s2, e2) in zip(body, body[1:]):
        assert e1 <= s2, "body spans do not overlap"


# (seed, must contain, must not contain) in the main text (title + body)
CASES = [
    ("000", ["오산시(시장 곽상욱)는 지난 11일", "교육기반 AI특별도시", "착수보고회"],
     ["속초", "철원", "백령도", "기상청 제공", "℃", "[크기변환]", ".JPG", "공유합니다", "모바일 버전", "지역뉴스",
      "경기티비종합뉴스"]),
    ("001", ["과학기술정책연구원(STEPI)", "권혁원 포항시 미래전략산업과장", "사진=포항시 제공"],
     ["관련링크", "페이지 정보", "조회", "작성일"]),
    ("002", ["경북 23일 공무원 비전스쿨", "부산IT융합포럼", "이광형 미래창조과학부"],
     ["기사 스크랩", "클린뷰", "프린트", "okmook@", "오경묵 기자"]),
    ("003", ["AI 핵심강국 진입 전략", "오세훈 시장은 7일(금)", "AI SEOUL 비전"],
     ["우리토마토농장", "김정용", "탄소중립", "첫눈", "더보기", "환경뉴스", "기상청", "네이버블로그", "[환경포커스=서울]"]),
    ("004", ["종하이노베이션센터", "김두겸 울산시장", "울산대학교", "▲ 울산시청"],
     ["경남마산로봇랜드", "사천시", "전경선", "저작권자", "무단전재", "최신뉴스", "PHOTO NEWS", "많이 본 기사",
      "[뉴스스텝]", "기사승인", "인쇄"]),
]


@pytest.mark.parametrize("prefix,must,must_not", CASES, ids=[c[0] for c in CASES])
def test_seed_main_text(prefix, must, must_not):
    a = seed(prefix)
    text = main(a)
    for s in must:
        assert s in text, s
    for s in must_not:
        assert s not in text, s
    check_spans(a)


SEED_META = {
    "000": ("오산시 ‘4차산업혁명 촉진 중장기계획’ 연구착수", "경기티비종합뉴스", None, []),
    "001": ("포항시 '안전도시' 발돋움 위해 '4차 산업혁명' 활용", None, date(2018, 1, 24), []),
    "002": ("\"4차 산업혁명 배우자\"…경북·대구 '열풍'", "한국경제", None, ["오경묵"]),
    "003": ("서울시, 인재 양성·인프라 조성·투자확대 등의 축 기반으로 한 AI 핵심강국 진입 전략 마련", "환경포커스", None, []),
    "004": ("“울산시, 인공지능(AI) 기반 안전도시 구축 나선다”", "뉴스스텝", date(2025, 11, 24), ["최선경"]),
}


@pytest.mark.parametrize("prefix", sorted(SEED_META))
def test_seed_metadata(prefix):
    a = seed(prefix)
    title, outlet, published, reporters = SEED_META[prefix]
    assert a.title == title
    assert a.text[a.title_span[0]: a.title_span[1]] == title
    assert a.outlet == outlet
    assert a.published == published  # 000/003: the page-header date "2024.07.09 (화)" is not the article's
    assert a.reporters == reporters
    assert a.id == next(SEEDS.glob(f"{prefix}_*.txt")).stem


def body_count(a, needle: str) -> int:
    return sum(a.text[s:e].count(needle) for s, e in a.body)


def test_seed_001_body_printed_twice_is_kept_once():
    a = seed("001")
    assert a.text.count("지진으로 큰 피해를 입은 포항시가") == 2
    assert body_count(a, "지진으로 큰 피해를 입은 포항시가") == 1
    assert body_count(a, "권혁원 포항시 미래전략산업과장") == 1
    assert len(a.body) == 11  # one caption + ten paragraphs


def test_seed_002_repeated_block_and_subtitles_kept_once():
    a = seed("002")
    assert body_count(a, "대구 '10대 산업 워킹그룹'") == 1
    assert body_count(a, "송경창 경상북도 창조산업실장") == 1
    assert body_count(a, "광역자치단체를 중심으로") == 1


def test_seed_004_dateline_left_out_of_paragraph_and_caption_listed():
    a = seed("004")
    first = [a.text[s:e] for s, e in a.body if "종하이노베이션센터" in a.text[s:e]][0]
    assert first.startswith("울산시는 11월 24일")
    assert [a.text[s:e] for s, e in a.extra["captions"]] == ["▲ 울산시청"]


def test_line_classes():
    kinds = {ln.text: classify(ln) for ln in split_lines(
        "2024.07.09 (화)\n  • 구름많음속초24.0℃\n기상청 제공\n-\n기사 스크랩\n최신뉴스\n"
        "[저작권자ⓒ 뉴스스텝. 무단전재-재배포 금지]\n홍길동 기자 hong@example.com\n[크기변환]사진1.JPG\n"
        "▲ 시청 전경\n지역뉴스\n기사승인 : 2025-11-24 09:10:18\n시는 11일 보고회를 열었다.\n")}
    assert kinds == {
        "2024.07.09 (화)": "pagedate", "구름많음속초24.0℃": "widget", "기상청 제공": "widget", "-": "nav",
        "기사 스크랩": "nav", "최신뉴스": "sidebar", "[저작권자ⓒ 뉴스스텝. 무단전재-재배포 금지]": "copyright",
        "홍길동 기자 hong@example.com": "meta", "[크기변환]사진1.JPG": "image", "▲ 시청 전경": "caption",
        "지역뉴스": "label", "기사승인 : 2025-11-24 09:10:18": "meta", "시는 11일 보고회를 열었다.": "content", "": "blank",
    }


def test_written_page_forms():
    """Forms the seeds do not show, in text written for this test."""
    page = (
        "검색 본문 바로가기\n\n한빛시, 스마트 행정 플랫폼 공개\n\n(한빛=연합뉴스) 김하늘 기자 = 입력 2023.04.05 10:20 "
        "수정 2023.04.06 09:00\n\n한빛시는 5일 시청에서 스마트 행정 플랫폼을 공개했다고 밝혔다.\n\n"
        "시 관계자는 \"시민 편의를 높이겠다\"고 말했다.\n\n관련기사\n\n다른시, 축제 개최\n"
    )
    a = parse_scraped(page, "x/p1.txt")
    assert (a.title, a.outlet, a.published, a.reporters, a.id) == (
        "한빛시, 스마트 행정 플랫폼 공개", "연합뉴스", date(2023, 4, 5), ["김하늘"], "p1")
    assert "다른시" not in a.main_text() and len(a.body) == 2
    # a first line that is a sentence is body, not a headline; an e-mail domain names the outlet
    b = parse_scraped("한빛시가 AI 교육에 나선다.\n시는 9일 협약을 맺었다.\n[ 대구 = 박바다 기자 ] sea@hankyung.com\n", "p2")
    assert b.title == "" and b.title_span is None and len(b.body) == 2
    assert b.reporters == ["박바다"] and b.outlet == "한국경제"


def test_crlf_and_bom_free_offsets():
    text = "제목 줄입니다\r\n\r\n본문 첫 문단이다.\r\n본문 둘째 문단이다.\r\n"
    a = parse_scraped(text, "crlf.txt")
    assert a.title == "제목 줄입니다"
    assert [a.text[s:e] for s, e in a.body] == ["본문 첫 문단이다.", "본문 둘째 문단이다."]


_alphabet = st.one_of(
    st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),  # Hangul jamo
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # syllables
    st.sampled_from(list("\n\n\r\t •▲[]()=-.:/@ⓒ℃기자입력승인 2024.01.02 12:30 최신뉴스 더보기\xa0\u200b\ufeff")),
    st.characters(),  # anything, mixed scripts
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_alphabet, max_size=400))
def test_parse_scraped_never_fails_and_spans_are_inside(text):
    a = parse_scraped(text, "fuzz.txt")
    for s, e in a.main_spans():
        assert 0 <= s <= e <= len(text)
    if a.title_span:
        assert text[a.title_span[0]: a.title_span[1]] == a.title
    for s, e in a.extra.get("captions", []):
        assert (s, e) in a.body


def _gold_pairs():
    pairs = []
    for g in sorted((SHARED / "eval/seeds/gold").glob("*.json")):
        pairs.append((SEEDS / f"{g.stem}.txt", g))
    for g in sorted((SHARED / "eval/dev/gold").glob("*.json")):
        pairs.append((SHARED / "eval/dev/articles" / f"{g.stem}.txt", g))
    return [(t, g) for t, g in pairs if t.exists()]


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared/eval is absent")
def test_metadata_agreement_with_gold():
    """outlet/published/title/reporters against the 13 gold files; the misses are facts the text does not state."""
    pairs = _gold_pairs()
    agree = {"outlet": 0, "published": 0, "title": 0, "reporters": 0}
    for t, g in pairs:
        gold = json.loads(g.read_text(encoding="utf-8"))
        a = parse_scraped(t.read_text(encoding="utf-8"), str(t))
        got = {"outlet": a.outlet, "published": a.published.isoformat() if a.published else None,
               "title": a.title or None, "reporters": a.reporters}
        for k in agree:
            agree[k] += got[k] == gold[k]
        check_spans(a)
        assert not re.search(r"℃|기상청 제공", a.main_text())
    n = len(pairs)
    assert n >= 13
    assert agree["title"] == n and agree["reporters"] == n
    assert agree["outlet"] >= n - 2 and agree["published"] >= n - 2, agree


def test_breadcrumbs_and_a_box_before_the_body():
    """A breadcrumb is navigation; a "관련기사" box between subtitle and lead does not end the article."""
    page = ("홈 > 뉴스 > 지역\n한빛시, 청년 창업 지원 확대\n창업 공간 두 배로\n관련기사\n"
            "한빛시는 2일 청년 창업 지원 예산을 두 배로 늘린다고 밝혔다.\n시장은 \"청년이 머무는 도시를 만들겠다\"고 말했다.\n"
            "많이 본 기사\n다른시, 축제 개최\n")
    a = parse_scraped(page, "p3.txt")
    assert a.title == "한빛시, 청년 창업 지원 확대"
    assert [a.text[s:e] for s, e in a.body] == [
        "창업 공간 두 배로", "한빛시는 2일 청년 창업 지원 예산을 두 배로 늘린다고 밝혔다.", "시장은 \"청년이 머무는 도시를 만들겠다\"고 말했다."]


@pytest.mark.parametrize("line,expected", [
    ("작성일18-01-24 12:35 조회4,043회본문", date(2018, 1, 24)),
    ("최선경 기자 / 기사승인 : 2025-11-24 09:10:18", date(2025, 11, 24)),
    ("입력 2020.03.05", date(2020, 3, 5)),
    ("등록 2021-07-01 오후 3:20 | 수정 2021-07-02 09:00", date(2021, 7, 1)),
    ("수정 2021-07-02 09:00 입력 2021-07-01 08:00", date(2021, 7, 1)),
    ("한빛일보 2024. 11. 18. 10:52", date(2024, 11, 18)),
    ("2019년 3월 4일 송고", date(2019, 3, 4)),
    ("2024.07.09 (화)", None),  # a page header, not the article's date
    ("행사는 2024-07-09에 열린다", None),  # a date in prose
    ("입력 2024-02-30", None),  # not a date
])
def test_date_forms(line, expected):
    from kg.loaders.textmeta import best_date, find_dates

    assert best_date(find_dates(line)) == expected


def test_outlet_helpers():
    from kg.loaders.outlets import outlet_for_domain, outlet_in_text
    from kg.loaders.textmeta import outlet_from_dateline, split_title_suffix

    assert outlet_for_domain("m.etnews.com") == "전자신문" and outlet_for_domain("example.org") is None
    assert outlet_in_text("hong@hankyung.com") == "한국경제"
    assert outlet_from_dateline("서울=연합뉴스", paren=True) == "연합뉴스"
    assert outlet_from_dateline("환경포커스=서울", paren=False) == "환경포커스"
    assert outlet_from_dateline("대구=오경묵 기자", paren=False) is None
    assert split_title_suffix("한빛시 소식 -한빛티비뉴스-") == (len("한빛시 소식"), "한빛티비뉴스")
    assert split_title_suffix("한빛시 소식 | 연합뉴스") == (len("한빛시 소식"), "연합뉴스")
    assert split_title_suffix("A-B 협력 강화") == (len("A-B 협력 강화"), None)


def test_a_sentence_about_copyright_is_body():
    page = "한빛시, 저작권 교육 확대\n한빛시는 저작권 보호 교육을 늘린다고 밝혔다.\n교육은 3월에 시작한다고 시는 설명했다.\n"
    a = parse_scraped(page, "p4.txt")
    assert len(a.body) == 2
