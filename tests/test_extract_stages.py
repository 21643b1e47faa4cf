"""Unit tests of the extraction stages on sentences written for the tests."""
from __future__ import annotations

from datetime import date

from kg.dates import find_dates
from kg.find_events import find_events
from kg.find_institutions import find_institutions
from kg.find_officials import find_officials, title_of
from kg.find_policies import find_policies
from kg.model import Article, Sentence
from kg.resolve import bigram_sim, norm
from kg.sentences import split_span
from kg.words import analyse_sentences, josa_candidates, split_words


def sents(*texts):
    out, o = [], 0
    for t in texts:
        out.append(Sentence(o, o + len(t), t))
        o += len(t) + 1
    return analyse_sentences(out)


def test_sentences_split_after_da_and_keep_offsets():
    text = "제목\n가나시는 회의를 열었다.다음 문장이다. 3.5% 늘었다"
    ss = split_span(text, 0, len(text))
    assert [s.text for s in ss] == ["제목", "가나시는 회의를 열었다.", "다음 문장이다.", "3.5% 늘었다"]
    for s in ss:
        assert text[s.start:s.end] == s.text


def test_josa_follows_the_sound_rule():
    assert "은" in josa_candidates("연구원은")
    assert "는" not in josa_candidates("연구원는")
    assert not josa_candidates("에스케이")  # 케 has no final consonant: 이 is not a particle here


def test_words_split_particle_parenthesis_and_quotes():
    s = sents("세미나에는 과학기술정책연구원(STEPI)과 ‘스마트 도시’를 논의했다.")[0]
    cores = [(w.core, w.paren, w.josa) for w in s.words]
    assert ("과학기술정책연구원", "STEPI", "과") in cores
    assert ("도시", "", "를") in cores


def test_title_of_glued_titles():
    assert title_of("교수") == ("교수", "")
    assert title_of("포항시장") == ("시장", "포항시")
    assert title_of("주식시장") is None  # 주식시 is no local government
    assert title_of("다라연구원장") == ("원장", "다라연구원")
    assert title_of("미래산업과장") == ("과장", "미래산업과")
    assert title_of("시민") is None


def test_officials_in_every_order():
    ss = sents("홍길동 가나시 미래산업과장은 말했다.", "라마대학교 산학협력단 김철수 단장은 인사했다.",
               "가나시(시장 이영희)는 회의를 열었다.", "이 시장은 강조했다.")
    ms = find_officials(ss)
    by = {m.attrs.get("name"): m for m in ms if "name" in m.attrs}
    assert by["홍길동"].attrs["role"] == "가나시 미래산업과장"
    assert by["김철수"].attrs["role"] == "라마대학교 산학협력단 단장"
    assert by["이영희"].attrs["title"] == "시장"
    assert any(m.attrs.get("backref") == ("이", "시장") for m in ms)


def test_a_title_alone_is_not_a_person():
    assert find_officials(sents("시장은 관계자와 함께 교수 회의를 열었다.")) == []


def test_institutions_suffix_abbreviation_company_subunit_and_list():
    ss = sents("행사에는 한국가나다연구원(KGR)과 라마바은행 가나본부, ㈜사아자, 가나대, 다라대, 마바대 등이 참가했다.")
    ms = find_institutions(ss, [], [])
    names = {m.attrs["name"]: m for m in ms}
    assert "한국가나다연구원" in names and names["한국가나다연구원"].attrs["aliases"] == ["KGR"]
    assert "사아자" in names and names["사아자"].attrs["kind"] == "company"
    assert {"가나대", "다라대", "마바대"} <= set(names)


def test_generic_counted_organisations_are_not_names():
    ms = find_institutions(sents("창업보육센터 7개소와 연구원 3명이 참여했다."), [], [])
    assert ms == []


def test_events_named_quoted_and_backref():
    ss = sents("가나시는 지난 11일 시청에서 ‘스마트 가나 조성’ 착수보고회를 가졌다.",
               "이날 보고회에는 100명이 참석했다.",
               "가나시는 라마대학교와 「미래 교육을 위한 공동협력 선언식」을 개최했다.")
    ms = find_events(ss, date(2020, 5, 20), [])
    named = [m for m in ms if not m.attrs["generic"]]
    assert any(m.attrs["name"] == "스마트 가나 조성 착수보고회" and m.attrs["date"] == "2020-05-11" for m in named)
    assert any(m.attrs["name"] == "미래 교육을 위한 공동협력 선언식" and m.attrs["kind"] == "declaration" for m in named)
    assert any(m.attrs["generic"] and m.attrs["kind"] == "briefing" for m in ms)


def test_policies_quoted_designation_and_phrase():
    ss = sents("가나시는 ‘교육기반 AI특별도시’를 선언했다.", "가나시는 미래 모빌리티 5개년 계획을 수립할 예정이다.",
               "다라시는 스마트 물류 허브 도시 조성을 위한 협약을 맺었다.", "관련 세부 추진계획을 논의했다.")
    names = {m.attrs["name"] for m in find_policies(ss)}
    assert "교육기반 AI특별도시" in names
    assert "미래 모빌리티 5개년 계획" in names
    assert "스마트 물류 허브 도시 조성" in names
    assert not any("세부" in n for n in names)


def test_dates_resolve_against_publication():
    ds = find_dates("지난 28일과 오는 3일, 2024년 1월 24일", date(2021, 3, 10))
    assert [d for _, _, d in ds] == [date(2021, 2, 28), date(2021, 4, 3), date(2024, 1, 24)]
    assert find_dates("23일 개최", None) == []


def test_norm_and_similarity_match_the_scorer():
    assert norm("‘(주)가나 다라’") == "가나다라"
    assert bigram_sim("가나다라", "가나다라마") > 0.5


def test_split_words_offsets_are_absolute():
    text = "앞문장. 가나시는 회의를"
    ws = split_words(text[5:], 5, [])
    assert text[ws[0].cs:ws[0].ce] == "가나시는"[: ws[0].ce - ws[0].cs]


def test_names_listed_before_a_title_share_it():
    ms = find_officials(sents("홍길동, 김철수 의원이 참석했다."))
    assert {m.attrs["name"] for m in ms} == {"홍길동", "김철수"}


def test_glued_committee_chair_and_branch_head():
    assert title_of("미래도시위원장") == ("위원장", "미래도시위원회")
    assert title_of("강원본부장") == ("본부장", "강원본부")


def test_words_that_are_not_names():
    ss = sents("당시 위원장은 말했다.", "구글 대표가 방문했다.", "민주당 대변인은 밝혔다.", "서울대 교수는 말했다.")
    assert find_officials(ss) == []


def test_speech_quotes_are_not_event_names():
    ss = sents("홍길동 시장은 “시민과 함께 미래를 준비하기 위해 특별교육을 시행했다”고 말했다.")
    named = [m for m in find_events(ss, None, []) if not m.attrs["generic"]]
    assert all(len(m.attrs["name"]) < 20 for m in named)


def test_a_bare_event_noun_in_a_list_is_not_a_reference():
    ss = sents("각 지자체는 관련 교육과 포럼, 토론회를 열고 있다.")
    assert find_events(ss, None, []) == []


def test_quoted_topic_is_not_a_policy_but_a_pursued_name_is():
    ss = sents("참석자들은 '안전한 도시 만들기'에 대한 토론을 펼쳤다.", "가나시는 '스마트 안전도시 가나' 조성을 추진한다.")
    names = {m.attrs["name"] for m in find_policies(ss)}
    assert "스마트 안전도시 가나" in names and "안전한 도시 만들기" not in names


def test_theme_scans_skipped_only_where_no_cue_can_start():
    """kg.themes._theme_matches skips a theme's pattern when no character of the text starts one of its cues.
    Wherever the pattern matches (each cue as written, without its spaces, spaced out, in a sentence, and the
    seed articles), that shortcut must not apply."""
    from pathlib import Path

    from kg.themes import _patterns, _theme_matches, cues

    texts = [p.read_text(encoding="utf-8") for p in (Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")]
    for cs in cues().values():
        for c in cs:
            texts += [c, c.replace(" ", ""), " ".join(c.replace(" ", "")), f"시는 {c}(을) 추진한다"]
    checked = 0
    for text in texts:
        chars = set(text)
        for t, (pattern, starts) in _patterns().items():
            if pattern.search(text):
                checked += 1
                assert not starts.isdisjoint(chars), (t, text[:40])
    assert checked > 500
    assert "SmartCity" in _theme_matches("포항시는 스마트 시티 사업을") and _theme_matches("포항시는 회의를") == {}


def test_short_forms_of_the_same_institution():
    from kg.resolve import same_institution

    assert same_institution("부산관광", "부산관광공사") and same_institution("한국환경공단", "한국환경")
    assert not same_institution("부산관광", "부산관광공사본부")
    assert not same_institution("부산", "부산공사")  # too short to be a name's stem
    assert same_institution("충남대", "충남대학교") and not same_institution("충남대", "충북대학교")


def test_captions_and_credits():
    from kg.evidence import is_caption

    assert is_caption("포항시청 전경. (사진=포항시)") and is_caption("[사진] 협약식 모습")
    assert is_caption("협약식 모습 (포항시 제공)") and is_caption("(그래픽=연합뉴스)")
    assert not is_caption("포항시는 시민에게 정보를 제공했다.") and not is_caption("포항시는 11일 회의를 열었다.")


def test_dates_without_day_words_and_without_publication():
    assert [d for _, _, d in find_dates("2025. 11. 24 발표", None)] == [date(2025, 11, 24)]
    assert [d for _, _, d in find_dates("2024.1.5 기준, 3월 2일", date(2024, 2, 1))] == [date(2024, 1, 5), date(2024, 3, 2)]
    assert find_dates("올해 계획을 발표했다", date(2024, 2, 1)) == []
