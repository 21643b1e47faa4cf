"""General rules for text the extractor was not tuned on (sentences written for these tests)."""
from __future__ import annotations

from datetime import date

from kg.model import Article
from kg.pipeline import extract


def _article(text: str, published=date(2024, 3, 20)) -> Article:
    lines = text.split("\n")
    title = lines[0]
    body, pos = [], len(title) + 1
    for line in lines[1:]:
        if line:
            body.append((pos, pos + len(line)))
        pos += len(line) + 1
    return Article(id="g1", text=text, title=title, title_span=(0, len(title)), body=body, published=published)


def _names(doc, typ):
    return {e.name for e in doc.entities if e.type == typ}


def _rel(doc, typ, subj, obj):
    for r in doc.relations:
        if r.type == typ and {r.subject.name, r.object.name} == {subj, obj}:
            return r
    return None


EVIDENCE = """포항시, 물류 포럼 열어
물류 포럼 모습(사진=포항시 제공)
포항시는 지난 11일 시청 대회의실에서 라마대학교와 함께 '스마트 물류 포럼'을 개최했다고 밝혔다.
포럼에는 한국가나다연구원과 다라마협회가 참석해 발표했다.
"""


def test_relation_evidence_is_the_sentence_naming_the_object_not_a_caption():
    a = _article(EVIDENCE)
    doc = extract(a)
    assert doc.relations
    for r in doc.relations:
        assert a.text[r.start:r.end] == doc.sentences[r.sentence].text
        assert "사진=" not in a.text[r.start:r.end]
    r = _rel(doc, "participant", "스마트 물류 포럼", "한국가나다연구원")
    assert r is not None and "한국가나다연구원" in a.text[r.start:r.end]
    r = _rel(doc, "partneredWith", "포항시", "라마대학교")
    assert r is not None and "라마대학교" in a.text[r.start:r.end]


def _one(text: str, published=date(2016, 10, 20)):
    return extract(Article(id="g", text=text, title="", title_span=None, body=[(0, len(text))], published=published))


def test_common_word_homonyms_of_city_short_forms_are_no_city():
    assert _names(_one("그 드라마에서 주인공의 연기가 돋보였다."), "City") == set()
    assert _names(_one("시민 청원이 사흘 만에 5만 명을 넘었다."), "City") == set()
    assert _names(_one("세종 때 만든 물시계가 복원됐다."), "City") == set()
    assert _names(_one("중국 사천 지역의 매운 요리를 맛봤다."), "City") == set()
    assert _names(_one("포항은 지진 이후 크게 달라졌다."), "City") == {"포항시"}


def test_abolished_short_form_counts_only_while_the_unit_existed():
    assert _names(_one("연기 지역 농민들이 모였다.", date(2010, 5, 1)), "City") == {"연기군"}
    assert _names(_one("연기 지역 농민들이 모였다.", date(2016, 5, 1)), "City") == set()


def test_item_of_a_list_of_metropolitan_cities_is_metropolitan():
    names = _names(_one("경기도와 부산, 광주, 대전의 버스 요금을 비교했다."), "City")
    assert "광주광역시" in names and "광주시" not in names


def _officials(text):
    return {e.name: e.attrs.get("role") for e in _one(text).entities if e.type == "Official"}


def test_compound_organisation_titles_make_officials():
    assert _officials("강민수 국회의장은 법안을 상정했다.") == {"강민수": "국회의장"}
    assert _officials("윤태호 서울중앙지검장이 사의를 표명했다.") == {"윤태호": "서울중앙지검장"}
    assert _officials("김영수 하나은행장은 이렇게 말했다.") == {"김영수": "하나은행장"}
    assert _officials("최진혁 기획재정부 1차관은 말했다.") == {"최진혁": "기획재정부 1차관"}
    assert _officials("박철수 부산시 대외협력보좌관이 복귀했다.") == {"박철수": "부산시 대외협력보좌관"}
    doc = _one("김철수 외교장관은 회담했다.")
    assert _names(doc, "Official") == {"김철수"} and "외교부" in _names(doc, "Institution")
    for m in doc.mentions:
        assert doc.article.text[m.start:m.end] == m.text or m.type != "Institution" or m.source == "role"


def test_company_before_a_title_is_the_affiliation_not_the_name():
    assert _officials("황보건설 대표 김민수씨가 말했다.") == {"김민수": "황보건설 대표"}


def test_foreign_names_only_with_a_title():
    assert _officials("피터 리 부사장이 말했다.") == {"피터 리": "부사장"}
    assert set(_officials("블라디미르 푸틴 러시아 대통령이 말했다.")) == {"블라디미르 푸틴"}
    assert _officials("트위터 CEO는 말했다.") == {}
    assert _officials("박 대통령은 말했다.") == {}


def test_suffix_classes_of_courts_police_parties_and_media():
    assert _names(_one("울산 남부경찰서는 21일 용의자를 검거했다."), "Institution") == {"울산 남부경찰서"}
    assert _names(_one("울산 남부경찰서는 21일 용의자를 검거했다."), "City") == set()
    assert _names(_one("서울중앙지법 형사1부는 징역 2년을 선고했다."), "Institution") == {"서울중앙지법"}
    assert _names(_one("더불어민주당은 21일 의원총회를 열었다."), "Institution") == {"더불어민주당"}
    assert _names(_one("GS건설과 KB국민카드는 협약을 맺었다."), "Institution") == {"GS건설", "KB국민카드"}
    assert _names(_one("저비용항공사들이 노선을 늘렸다."), "Institution") == set()


def test_news_outlet_in_a_dateline_or_credit_is_no_entity():
    assert _names(_one("(세종=뉴스1) 한국전력공사가 제공하는 서비스가 늘었다."), "Institution") == {"한국전력공사"}
