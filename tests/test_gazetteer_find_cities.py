"""find_cities on sentences written for these tests (and on the seed articles)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from kg.find_cities import find_cities


def found(text, published=None):
    return [(m.text, m.attrs["name"], m.attrs["context"]) for m in find_cities(text, [(0, len(text))], published)]


def by_text(text, published=None):
    return {m.text: m.attrs for m in find_cities(text, [(0, len(text))], published)}


def test_standalone_and_particles():
    t = "포항시는 울산시와 함께 세종시에서 회의를 열었다."
    assert found(t) == [("포항시", "포항시", "standalone"), ("울산시", "울산광역시", "standalone"),
                        ("세종시", "세종특별자치시", "standalone")]


def test_offsets_point_into_text():
    t = "기사 머리말\n본문: 경북 포항에서"
    for m in find_cities(t, [(7, len(t))]):
        assert t[m.start:m.end] == m.text
    assert [m.text for m in find_cities(t, [(7, len(t))])] == ["경북", "포항"]


def test_only_inside_spans():
    t = "서울 날씨 맑음. 대구시는 회의를 열었다."
    ms = find_cities(t, [(10, len(t))])
    assert [m.text for m in ms] == ["대구시"]


def test_prefix_of_noun_institutions():
    t = "포항테크노파크와 경북대, 한국은행 포항본부, 서울디지털재단이 참여했다."
    got = by_text(t)
    assert got["포항"]["context"] == "prefix-of-noun"
    assert got["경북"]["context"] == "prefix-of-noun" and got["경북"]["follow"] == "대"
    assert got["서울"]["context"] == "prefix-of-noun"
    assert [m.attrs["follow"] for m in find_cities(t, [(0, len(t))]) if m.text == "포항"] == ["테크노파크와", "본부"]
    assert [m.attrs["before"] for m in find_cities(t, [(0, len(t))]) if m.text == "포항"] == ["", "한국은행"]


def test_dateline():
    t = "(대구=홍길동 기자) 대구시가 발표했다."
    ms = find_cities(t, [(0, len(t))])
    assert [(m.text, m.attrs["context"]) for m in ms] == [("대구", "dateline"), ("대구시", "standalone")]


def test_office_and_title():
    t = "김철수 울산시장은 경기도청과 해운대구청장을 만났다."
    got = by_text(t)
    assert got["울산시장"]["context"] == "title" and got["울산시장"]["title"] == "시장"
    assert got["울산시장"]["name"] == "울산광역시"
    assert got["경기도청"]["context"] == "office" and got["경기도청"]["name"] == "경기도"
    assert got["해운대구청장"]["title"] == "구청장" and got["해운대구청장"]["parent"] == "부산광역시"


def test_longest_match_first():
    t = "부산광역시 해운대구와 서울특별시"
    assert [m.text for m in find_cities(t, [(0, len(t))])] == ["부산광역시", "해운대구", "서울특별시"]


def test_compound_of_provinces():
    t = "대구경북 행정통합과 대구경북과학기술원"
    ms = find_cities(t, [(0, len(t))])
    assert [(m.text, m.attrs["context"]) for m in ms] == [
        ("대구", "standalone"), ("경북", "standalone"), ("대구", "prefix-of-noun"), ("경북", "prefix-of-noun")]


def test_ambiguous_district_resolved_by_context():
    t = "부산 중구와 대전 서구, 그리고 중구청"
    got = [(m.text, m.attrs["code5"], m.attrs["parent"]) for m in find_cities(t, [(0, len(t))])]
    assert ("중구", "26110", "부산광역시") in got
    assert ("서구", "30170", "대전광역시") in got
    alone = find_cities("중구에서 열렸다", [(0, 8)])
    assert alone[0].attrs["ambiguous"] and alone[0].attrs["code5"] is None and len(alone[0].attrs["candidates"]) >= 5


def test_date_dependent_names():
    assert by_text("군위군이 참여했다", date(2022, 1, 5))["군위군"]["parent"] == "경상북도"
    assert by_text("군위군이 참여했다", date(2024, 1, 5))["군위군"]["parent"] == "대구광역시"
    assert by_text("광주에서", "2020-04-01")["광주"]["name"] == "광주광역시"
    assert by_text("강원도는", "2025-01-01")["강원도"]["name"] == "강원특별자치도"


def test_weak_forms_and_blocked_words():
    assert found("경기 침체가 길어진다") == []
    assert found("축구 경기가 열렸다") == []
    assert [x[1] for x in found("서울·경기 지역과 경기 수원시")] == ["서울특별시", "경기도", "경기도", "수원시"]
    assert found("고양이가 고양시에 산다") == [("고양시", "고양시", "standalone")]


def test_word_internal_not_matched():
    # 남부산 / 대포항 are not the cities: a form must start a word
    assert found("남부산역과 대포항구") == []


def test_seed_articles_find_their_city():
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    files = sorted(seeds.glob("*.txt"))
    assert files, "seed articles missing"
    for f in files:
        text = f.read_text(encoding="utf-8")
        ms = find_cities(text, [(0, len(text))])
        assert any(m.attrs["level"] and m.attrs["context"] == "standalone" for m in ms), f.name


from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("포항시는서울경기도중구에서 ·,=()대학교광주강원") + ["부산광역시", "울산시장", "경북"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_ALPHABET, max_size=30), st.integers(0, 40), st.integers(0, 40))
def test_offsets_always_valid(parts, a, b):
    text = "".join(parts)
    s, e = min(a, b), max(a, b)
    for m in find_cities(text, [(s, e)], "2024-05-01"):
        assert s <= m.start < m.end <= min(e, len(text))
        assert text[m.start:m.end] == m.text
        assert m.attrs["context"] in ("standalone", "office", "title", "prefix-of-noun", "dateline")
