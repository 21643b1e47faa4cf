"""Property tests: arbitrary Unicode (Hangul syllables and jamo, mixed scripts, punctuation, control characters)
through every extraction stage, one by one and chained. No stage may raise, and every span stays inside the text."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.dates import find_dates
from kg.find_cities import find_cities
from kg.find_events import find_events
from kg.find_institutions import find_institutions
from kg.find_officials import find_officials
from kg.find_policies import find_policies
from kg.lexicon import scan_institutions
from kg.loaders.scraped import parse_scraped
from kg.model import Article, Doc
from kg.pipeline import extract
from kg.predict import doc_to_prediction
from kg.sentences import split_sentences
from kg.themes import article_themes, theme_hits
from kg.triples import doc_quads
from kg.words import analyse_sentences

# Hangul syllables, conjoining jamo (U+1100..), compatibility jamo (U+3130..), Hanja, Latin, digits, CJK punctuation,
# the quote marks and brackets the finders look for, and words that trigger them.
_chars = st.one_of(
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
    st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),
    st.characters(min_codepoint=0x3130, max_codepoint=0x318F),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(list("‘’“”「」『』《》〈〉()㈜·▲△\n\t\u200b\ufeff")),
)
_words = st.sampled_from(
    ["포항시", "서울시장", "시장", "과학기술정책연구원(STEPI)", "세미나를 개최했다", "협약식", "지난 11일", "오는 3일",
     "‘스마트 안전도시’", "전략", "사업", "교수", "김 지사", "오 시장", "(주)", "대학교", "연기", "광주", "도는", "스마트시티"]
)
TEXT = st.lists(st.one_of(_chars, _words), max_size=120).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _inside(spans, n):
    return all(0 <= s <= e <= n for s, e in spans)


def _doc(text: str) -> Doc:
    art = Article(id="p", text=text, body=[(0, len(text))] if text else [], published=date(2024, 3, 15))
    return split_sentences(Doc(article=art))


@SETTINGS
@given(TEXT)
def test_loader_stage(text):
    a = parse_scraped(text, "prop.txt")
    assert _inside(a.main_spans(), len(a.text))


@SETTINGS
@given(TEXT)
def test_sentence_and_word_stages(text):
    doc = _doc(text)
    assert _inside([(s.start, s.end) for s in doc.sentences], len(text))
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
    analyse_sentences(doc.sentences)


@SETTINGS
@given(TEXT)
def test_finder_stages(text):
    doc = _doc(text)
    sents = analyse_sentences(doc.sentences)
    spans = [(s.start, s.end) for s in doc.sentences]
    cities = find_cities(text, spans, date(2024, 3, 15))
    officials = find_officials(sents)
    orgs = find_institutions(sents, cities, officials)
    events = find_events(sents, date(2024, 3, 15), orgs)
    policies = find_policies(sents)
    for m in [*cities, *officials, *orgs, *events, *policies]:
        assert 0 <= m.start <= m.end <= len(text)
    for s, e, *_ in scan_institutions(text, spans):
        assert 0 <= s <= e <= len(text)
    for s, e, _d in find_dates(text, date(2024, 3, 15)):
        assert 0 <= s <= e <= len(text)
    find_dates(text, None)
    theme_hits(text)
    article_themes([s.text for s in doc.sentences], title=text[:20], lead=text[:40])


@SETTINGS
@given(TEXT)
def test_whole_chain_to_triples(text):
    art = parse_scraped(text, "prop.txt")
    doc = extract(art)
    for m in doc.mentions:
        assert 0 <= m.start <= m.end <= len(art.text)
    for r in doc.relations:
        assert -1 <= r.start <= r.end <= len(art.text)
    pred = doc_to_prediction(doc)
    assert pred["id"] == art.id
    assert all(q[3] is not None for q in doc_quads(doc))
