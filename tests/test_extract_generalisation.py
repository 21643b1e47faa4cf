"""General rules for text the extractor was not tuned on (sentences written for these tests)."""
from __future__ import annotations

from datetime import date

from kg.model import Article
from kg.pipeline import extract

from builders import line_article


def _article(text: str, published=date(2024, 3, 20)) -> Article:
    return line_article(text, published=published, id="g1")


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


def _article_lines(*lines, published=date(2020, 5, 1)):
    return _article("\n".join(("가나 소식",) + lines), published)


def _themes(*lines):
    return _names(extract(_article_lines(*lines)), "Theme")


def test_theme_cues_in_a_false_context_do_not_count():
    assert "AI" not in _themes("고병원성 조류 인플루엔자(AI)가 발생했다.", "방역당국은 AI 확산을 막으려고 닭을 매몰했다.")
    assert "Safety" not in _themes("정부는 재난지원금을 지급했다.", "재난지원금 사용처가 늘었다.")
    assert "Safety" not in _themes("문화재 보수가 시작됐다.", "문화재 보호 구역이 넓어졌다.")
    assert "Environment" not in _themes("로봇은 주변 환경에 맞춰 걷는다.", "연구팀은 주변 환경 정보를 측정했다.")
    assert "DigitalInclusion" not in _themes("어르신 보행 사고가 늘었다.", "어르신들은 횡단보도를 천천히 건넌다.")


def test_a_theme_needs_two_sentences_or_the_lead_and_captions_do_not_count():
    assert "Safety" in _themes("산불이 사흘째 이어졌다.", "산불 진화에 헬기 10대가 동원됐다.")
    # one strong cue, repeated only in a photo caption
    assert "FourthIndustrialRevolution" not in _themes(
        "가나시는 21일 시민 의견을 모았다.", "시청 앞은 붐볐다.", "광장에는 4차 산업혁명 체험관이 있었다.",
        "4차 산업혁명 체험관 모습(사진=가나시 제공)", "4차 산업혁명 체험관 모습(사진=가나시 제공)")
    # a weak cue once is not a subject; strong cues in two sentences are
    assert "Mobility" not in _themes("가나시는 21일 시민 의견을 모았다.", "교통 혼잡이 있었다.")
    assert "AI" in _themes("가나시는 인공지능 교육을 시작했다.", "AI 강사는 20명이다.")


def test_policies_exclude_reported_speech_survey_titles_and_listed_things():
    doc = extract(_article_lines('경찰 관계자는 "현장 조사를 마친 뒤 원인을 밝힐 계획"이라고 말했다.'))
    assert _names(doc, "Policy") == set()
    doc = extract(_article_lines("가나협회는 ‘여름 휴가 계획’ 설문조사 결과를 발표했다."))
    assert _names(doc, "Policy") == set()
    doc = extract(_article_lines("포항시는 ‘반려견 등록제’를 실시한다고 밝혔다."))
    assert _names(doc, "Policy") == {"반려견 등록제"}


def test_event_heads_glued_inside_other_words_and_counts_are_no_events():
    assert _names(_one("회사는 연가저축제를 시행하기로 했다."), "Event") == set()
    assert _names(_one("전국 1만개소의 쉼터를 운영한다."), "Event") == set()
    doc = extract(_article_lines("포항시는 14일부터 대추축제를 열었다.", "포항 대추축제에는 20만 명이 찾았다.",
                                 "포항대추축제는 23일까지 열린다."))
    assert len(_names(doc, "Event")) == 1


def test_foreign_family_name_refers_to_the_full_name():
    doc = extract(_article_lines("블라디미르 푸틴 러시아 대통령이 연설했다.", "푸틴 대통령은 서명했다."))
    assert _names(doc, "Official") == {"블라디미르 푸틴"}


def test_adopted_by_needs_the_owner_near_the_policy():
    doc = extract(_article_lines("포항시는 21일 시정 브리핑을 열었다.", "행사는 30분간 이어졌다.", "참석자들은 의견을 나눴다.",
                                 "이어 전문가들은 ‘해양 관광 5개년 계획’을 소개했다."))
    assert _rel(doc, "adoptedBy", "해양 관광 5개년 계획", "포항시") is None


def test_abbreviation_with_the_full_name_in_parentheses():
    doc = _one("UNIST(울산과학기술원)는 3일 신소재를 개발했다고 밝혔다.")
    e = next(e for e in doc.entities if e.type == "Institution")
    assert e.name == "울산과학기술원" and "UNIST" in e.aliases


def test_construction_work_is_no_title_or_corporation_and_bylines_are_no_city():
    assert _one("이순신 장군 동상 보수 공사가 시작됐다.").entities == []
    assert _names(_one("가나일보 부산 홍길동 기자"), "City") == set()
    assert _officials("김대호 주한 일본대사관 정무공사가 말했다.") == {"김대호": "주한 일본대사관 정무공사"}


def test_descriptive_prefix_is_not_part_of_an_event_name():
    doc = extract(_article_lines("포항시는 21일 국내 최대 한류축제인 포항 한류축제를 열었다."))
    assert _names(doc, "Event") == {"포항 한류축제"}


def test_participants_need_a_participation_cue_outside_quotes_and_are_not_the_news_source():
    doc = extract(_article_lines("포항시는 21일 시청에서 안전 대책회의를 열었다.",
                                 "가나일보는 \"라마협회가 참석하는 대책회의\"라고 보도했다.",
                                 "이날 대책회의에는 다라협회가 참석했다."))
    assert {"가나일보", "라마협회", "다라협회"} <= _names(doc, "Institution")
    assert {r.object.name for r in doc.relations if r.type == "participant"} == {"다라협회"}


def test_name_after_a_verb_and_candidates_and_bank_heads():
    assert _officials("중도 사퇴한 손경식 전 회장의 임기를 채운다.") == {"손경식": "회장"}
    assert _officials("표를 더 얻은 노회찬 후보를 제쳤다.") == {"노회찬": "후보"}
    assert _officials("김한조 외환은행장이 참석했다.") == {"김한조": "외환은행장"}


def test_events_listed_in_one_sentence_stay_separate():
    doc = _one("이번 주말에는 포항 불빛축제, 울산 고래축제, 진주 유등축제 등이 열린다.")
    assert _names(doc, "Event") == {"포항 불빛축제", "울산 고래축제", "진주 유등축제"}


def test_weak_city_forms_before_a_particle_need_a_proper_noun_reading():
    assert _names(_one("경주서 첫 발병이 확인됐다."), "City") == {"경주시"}
    assert _names(_one("자동차 경주에서 우승했다."), "City") == set()
    assert _names(_one("경기가 열렸다."), "City") == set()


def test_outlet_bylines_and_credits_are_no_entities():
    doc = _one("서울 가나뉴스 홍길동 기자 = 연합뉴스 홍길동 기자 울산시는 21일 행사를 열었다.")
    assert "연합뉴스" not in _names(doc, "Institution") and "서울특별시" not in _names(doc, "City")
    doc = _one("저작권자 연합뉴스 무단전재 재배포 금지")
    assert _names(doc, "Institution") == set()


def test_theme_evidence_names_the_event():
    a = _article_lines("포항시는 21일 시청에서 스마트 안전 세미나를 열었다.", "지진과 재난 대응 방안이 논의됐다.",
                       "시민 안전을 위한 재난 예방이 중요하다는 의견이 나왔다.")
    doc = extract(a)
    r = next(r for r in doc.relations if r.type == "hasTheme" and r.object.name == "Safety")
    assert "세미나" in a.text[r.start:r.end]


def test_brand_between_name_and_title_is_the_affiliation():
    assert _officials("정하나 하나몰 대표는 창업 경험을 소개했다.") == {"정하나": "하나몰 대표"}


def test_city_hall_sports_team_is_no_city():
    assert _names(_one("김연경(서울시청)이 금메달을 땄다."), "City") == set()
    assert _names(_one("인천시청 소속 선수들이 출전했다."), "City") == set()
    assert _names(_one("포항시청에서 회의가 열렸다."), "City") == {"포항시"}
