"""Institution boundaries on text the extractor was not tuned on (sentences written for these tests)."""
from __future__ import annotations

from datetime import date

from kg.model import Article
from kg.pipeline import extract


def _doc(body: str):
    text = "제목\n" + body
    return extract(Article(id="b1", text=text, title="제목", title_span=(0, 2), body=[(3, len(text))],
                           published=date(2016, 10, 20)))


def test_a_short_form_before_its_legal_suffix_merges_into_the_full_name():
    doc = _doc("김철수 가나관광 사장은 축제를 이끌었다. 가나관광공사는 내년에도 축제를 연다.")
    insts = [e for e in doc.entities if e.type == "Institution"]
    assert [e.name for e in insts] == ["가나관광공사"]
    assert "가나관광" in insts[0].aliases
    assert {(r.subject.name, r.object.name) for r in doc.relations if r.type == "holdsRoleIn"} == \
        {("김철수", "가나관광공사")}


def test_a_leading_year_is_not_part_of_an_institution_name():
    doc = _doc("2024년 한국가나다연구원은 보고서를 냈다.")
    assert {e.name for e in doc.entities if e.type == "Institution"} == {"한국가나다연구원"}


def test_national_security_is_not_the_safety_theme():
    doc = _doc("정부는 긴급 국가안전보장회의를 소집했다.")
    assert not [e for e in doc.entities if e.type == "Theme"]
