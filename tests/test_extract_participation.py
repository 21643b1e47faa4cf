"""Participants are governed by the participation verb, not merely in its sentence (sentences written for these
tests: invented names and places)."""
from __future__ import annotations

from datetime import date

from kg.model import Article
from kg.pipeline import extract

from builders import line_article


def _article(text: str, published=date(2024, 3, 20)) -> Article:
    return line_article(text, published=published, id="p1")


def _participants(doc) -> set[str]:
    return {r.object.name for r in doc.relations if r.type == "participant"}


LIST_THEN_CLAUSE = """포항시, 물류 포럼 열어
포항시는 지난 11일 시청 대회의실에서 '스마트 물류 포럼'을 개최했다고 밝혔다.
포럼에는 한국가나다연구원과 다라마협회가 참석했고, 수원시와 용인시는 다음 달 같은 행사를 열 예정이다.
"""


def test_entities_after_the_participation_verb_are_not_participants():
    doc = extract(_article(LIST_THEN_CLAUSE))
    got = _participants(doc)
    assert {"한국가나다연구원", "다라마협회"} <= got
    assert not {"수원시", "용인시"} & got


OTHER_MEETING = """가나시, 안전 세미나 개최
가나시는 지난 11일 시청에서 '도시 안전 세미나'를 개최했다.
홍길동 한국다라연구원 원장은 같은 날 오후 국회 정책위원회의에 참석했다.
"""


def test_a_participation_verb_with_another_meeting_as_object_adds_nobody():
    doc = extract(_article(OTHER_MEETING))
    assert "홍길동" not in _participants(doc)


TALK_AGENT = """포항시, 인공지능 세미나 열어
포항시는 지난 11일 '인공지능 시민 세미나'를 열었다.
이날 세미나는 홍길동 라마대학교 교수의 ‘인공지능과 도시’ 강연을 시작으로 세 시간 동안 이어졌다.
"""


def test_the_agent_of_a_talk_participates_and_quoted_titles_are_skipped():
    doc = extract(_article(TALK_AGENT))
    assert "홍길동" in _participants(doc)


SUBJECT_OVER_CONNECTIVE = """포항시, 협약 체결
포항시는 지난 11일 라마대학교와 '스마트 물류 협약'을 체결했다.
홍길동 라마대학교 총장과 김철수 포항시장이 협약서를 들고 기념촬영했다.
"""


def test_the_subject_goes_on_over_a_connective_clause():
    doc = extract(_article(SUBJECT_OVER_CONNECTIVE))
    assert {"홍길동", "김철수"} <= _participants(doc)


QUOTED = """가나시, 물류 포럼 개최
가나시는 지난 11일 '스마트 물류 포럼'을 개최했다.
김철수 가나시장은 "다라시와 마바군도 다음 포럼에 참여하길 바란다"고 말했다.
"""


def test_entities_inside_quoted_speech_are_not_participants():
    doc = extract(_article(QUOTED))
    assert not {"다라시", "마바군"} & _participants(doc)


PARTICIPLE = """가나시, 물류 포럼 개최
가나시는 지난 11일 '스마트 물류 포럼'을 개최했다.
이날 포럼에 참석한 홍길동 라마대학교 교수는 물류 자동화 사례를 소개했다.
"""


def test_the_head_of_a_participation_participle_participates():
    doc = extract(_article(PARTICIPLE))
    assert "홍길동" in _participants(doc)


def test_two_attendees_are_neither_hosts_nor_partners():
    doc = extract(_article(LIST_THEN_CLAUSE))
    hosts = {r.object.name for r in doc.relations if r.type == "organizedBy"}
    partners = {frozenset((r.subject.name, r.object.name)) for r in doc.relations if r.type == "partneredWith"}
    assert hosts == {"포항시"}
    assert frozenset(("한국가나다연구원", "다라마협회")) not in partners


OTHER_HOST = """가나재단 공모전 논란
지난달 한국가나다재단이 주최한 '전국 청소년 만화 공모전'에서 수상작이 논란이 됐다.
4일 라마부는 보도자료를 내고 "공모전을 주최한 재단에 경고한다"고 밝혔다.
"""


def test_the_host_is_the_subject_of_the_hosting_verb_not_another_subject_of_the_sentence():
    doc = extract(_article(OTHER_HOST))
    hosts = {r.object.name for r in doc.relations if r.type == "organizedBy"}
    assert "한국가나다재단" in hosts
    assert "라마부" not in hosts


def test_an_organisation_named_as_partner_institution_is_a_partner():
    doc = extract(_article("라마대학교 강사 양성\n라마대학교는 교재를 지원하고, 협력기관인 가나교육을 통해 강사를 채용한다.\n"))
    partners = {frozenset((r.subject.name, r.object.name)) for r in doc.relations if r.type == "partneredWith"}
    assert frozenset(("라마대학교", "가나교육")) in partners


def test_two_organisations_sharing_a_sentence_are_not_partners():
    doc = extract(_article("라마대학교 발표\n라마대학교는 가나교육의 요청을 거절했다고 밝혔다.\n"))
    assert not [r for r in doc.relations if r.type == "partneredWith"]


PASSIVE = """포항시 비상근무
포항시가 태풍 북상에 따라 비상근무에 돌입했고, 26일 중앙부처 영상 대책회의가 개최돼 대처 계획을 점검했다.
"""


def test_a_subject_in_an_earlier_clause_does_not_host_a_meeting_that_is_held_passively():
    doc = extract(_article(PASSIVE))
    assert not [r for r in doc.relations if r.type == "organizedBy" and r.object.name == "포항시"]


ANNOUNCE = """포항시 물류 포럼
포항시는 11일 '스마트 물류 포럼'을 개최했고, 한국라마연구원은 포럼 직후 새 연구 계획을 발표했다.
"""


def test_announcing_something_is_not_taking_part():
    doc = extract(_article(ANNOUNCE))
    assert "한국라마연구원" not in _participants(doc)


ACCIDENT = """포항서 관람객 10명 부상
지난 29일 포항 국화축제에서 관람객 10명이 다쳤다.
경찰은 재난 대응과 안전 관리 부실, 안전요원 배치 여부를 조사하고 있다.
소방당국은 재난 현장에 구조대를 보냈다고 밝혔다.
포항 국화축제는 이튿날 취소됐다.
"""


def test_an_event_only_mentioned_in_a_story_about_something_else_does_not_take_its_themes():
    doc = extract(_article(ACCIDENT))
    events = [e for e in doc.entities if e.type == "Event"]
    assert events
    assert not [r for r in doc.relations if r.type == "hasTheme"]
