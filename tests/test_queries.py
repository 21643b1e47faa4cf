"""Canned questions (queries/*.rq via kg.canned) on a small hand-built graph in a real Oxigraph store."""
from __future__ import annotations

import pytest

from kg.canned import check_params, list_queries, load_query, parse_param_options, run_query
from kg.model import KgError
from kg.store import KgStore
from test_store_docs import sample_doc, tiny_doc

EXPECTED = {"partners-of", "policies-targeting", "officials-of", "events-of", "themes-of", "evidence"}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> KgStore:
    s = KgStore(tmp_path_factory.mktemp("q") / "kg")
    s.replace_articles([sample_doc()] + [tiny_doc(i) for i in range(3)])
    return s


def test_every_canned_query_is_documented():
    qs = {q.name: q for q in list_queries()}
    assert EXPECTED <= set(qs)
    for q in qs.values():
        assert q.question_ko and q.question_en, q.name
        assert any("\uac00" <= ch <= "\ud7a3" for ch in q.question_ko), q.name
        assert q.params and all(p.example for p in q.params), q.name
        assert q.returns, q.name
        for p in q.params:  # Oxigraph binds only projected variables
            select = q.sparql[q.sparql.index("SELECT"):q.sparql.index("WHERE")]
            assert f"?{p.name}" in select, (q.name, p.name)


def test_every_canned_query_answers_its_own_example(store):
    for q in list_queries():
        rows = run_query(store, q.name, {p.name: p.example for p in q.params})
        assert rows, f"{q.name} with its example parameters gave nothing"


@pytest.mark.parametrize("name", ["STEPI", "과학기술정책연구원"])
def test_partners_of_accepts_any_alias(store, name):
    rows = run_query(store, "partners-of", {"institution": name})
    assert [(r["cityName"], r["institutionName"], r["articles"]) for r in rows] == [("포항시", "과학기술정책연구원", 1)]


@pytest.mark.parametrize("theme", ["Safety", "safety", "안전"])
def test_policies_targeting_by_id_or_label(store, theme):
    rows = run_query(store, "policies-targeting", {"theme": theme})
    assert [(r["policyName"], r["adopterName"], r["adopterType"], r["themeId"]) for r in rows] == [
        ("AI 기반 스마트 안전도시 전략", "포항시", "City", "Safety")]
    assert run_query(store, "policies-targeting", {"theme": "Energy"}) == []


@pytest.mark.parametrize("city", ["포항", "포항시"])
def test_officials_of_by_name_or_short_name(store, city):
    rows = run_query(store, "officials-of", {"city": city})
    assert [(r["officialName"], r["role"]) for r in rows] == [("이강덕", "포항시장")]
    assert run_query(store, "officials-of", {"city": "포"}) == []


def test_events_of_in_date_order(store):
    rows = run_query(store, "events-of", {"city": "오산"})
    assert [r["eventName"] for r in rows] == ["제0회 스마트시티 포럼", "제1회 스마트시티 포럼", "제2회 스마트시티 포럼"]
    rows = run_query(store, "events-of", {"city": "포항시"})
    assert rows[0]["date"] == "2024-07-09" and set(rows[0]["how"].split(",")) == {"organizedBy", "heldIn"}


def test_themes_of_counts(store):
    rows = {r["themeId"]: r for r in run_query(store, "themes-of", {"city": "포항"})}
    assert set(rows) == {"Safety", "AI"}
    assert rows["Safety"]["articles"] == 1 and rows["Safety"]["facts"] == 2
    assert rows["Safety"]["labelKo"] == "안전"
    osan = run_query(store, "themes-of", {"city": "오산시"})
    assert [(r["themeId"], r["articles"], r["facts"]) for r in osan] == [("SmartCity", 3, 3)]


def test_evidence_gives_sentences_with_offsets(store):
    doc = sample_doc()
    rows = run_query(store, "evidence", {"entity": "STEPI"})
    assert {r["relation"] for r in rows} == {"participant", "partneredWith"}
    for r in rows:
        assert doc.article.text[r["start"]:r["end"]] == r["sentence"]
        assert r["title"] == doc.article.title and r["published"] == "2024-07-09"
    assert any(r["otherName"] == "포항시" for r in rows)
    theme_rows = run_query(store, "evidence", {"entity": "Safety"})
    assert {r["relation"] for r in theme_rows} == {"hasTheme", "targets"}


def test_parameter_errors_list_the_expected_parameters(store):
    with pytest.raises(KgError, match=r"missing institution.*Expected: institution \(e\.g\. STEPI\)"):
        run_query(store, "partners-of", {})
    with pytest.raises(KgError, match=r"unknown town"):
        run_query(store, "officials-of", {"city": "포항", "town": "x"})
    with pytest.raises(KgError, match="partners-of"):
        load_query("no-such-question")
    with pytest.raises(KgError, match="name=value"):
        parse_param_options(["city"])
    assert parse_param_options(["q=a=b"]) == {"q": "a=b"}


def test_injection_through_a_canned_query_changes_nothing(store):
    before = len(store.ox)
    for v in ["' } DROP ALL #", '포항" } ; DROP ALL #', "포항\\"]:
        assert run_query(store, "officials-of", {"city": v}) == []
    assert len(store.ox) == before
    assert check_params(load_query("officials-of"), {"city": "x"}) == {"city": "x"}

