"""The whole extraction on articles written for the tests, and the ``kg extract`` / ``kg eval`` commands."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.model import Article
from kg.pipeline import extract
from kg.predict import doc_to_prediction

from builders import line_article

REPO = Path(__file__).parents[1]
GOLD = Path(__file__).parents[2] / "shared" / "eval" / "seeds" / "gold"

TEXT = """포항시, 라마대학교와 스마트 물류 협약
포항시는 지난 11일 시청 대회의실에서 라마대학교, 한국가나다연구원(KGR)과 ‘스마트 물류 허브 도시 조성을 위한 업무협약’을 체결했다고 밝혔다.
이날 협약식에는 홍길동 포항시장과 김철수 라마대학교 총장, 이영희 KGR 원장이 참석했다.
포항시는 이번 협약을 계기로 인공지능 기반 ‘포항 스마트 물류 5개년 계획’을 추진할 계획이다.
홍 시장은 "자율주행 물류와 인공지능 기술로 시민의 삶을 바꾸겠다"고 말했다.
"""


def _article(text=TEXT, published=date(2024, 3, 20), body_text=None):
    return line_article(text, published=published, id="t1", layout=body_text)


def _by(pred, typ):
    return {e["name"]: e for e in pred["entities"] if e["type"] == typ}


def test_extract_finds_every_type_and_relation():
    doc = extract(_article())
    pred = doc_to_prediction(doc)
    cities, officials = _by(pred, "City"), _by(pred, "Official")
    insts, events, policies = _by(pred, "Institution"), _by(pred, "Event"), _by(pred, "Policy")
    assert "포항시" in cities and cities["포항시"]["level"] == "city"
    assert set(officials) == {"홍길동", "김철수", "이영희"}
    assert officials["홍길동"]["affiliation"] == "포항시"
    assert "라마대학교" in insts and "KGR" in insts["한국가나다연구원"]["aliases"]
    ev = next(iter(events.values()))
    assert ev["kind"] == "agreement" and ev["date"] == "2024-03-11"
    assert any("5개년 계획" in p for p in policies)
    rels = {(r["type"], r["subject"], r["object"]) for r in pred["relations"]}
    assert ("holdsRoleIn", "이영희", "한국가나다연구원") in rels
    assert ("participant", ev["name"], "라마대학교") in rels
    assert ("participant", ev["name"], "김철수") in rels
    assert ("partneredWith", "포항시", "라마대학교") in rels or ("partneredWith", "라마대학교", "포항시") in rels
    assert ("heldIn", ev["name"], "포항시") in rels
    themes = _by(pred, "Theme")
    assert "AI" in themes
    pol = next(p for p in policies if "5개년 계획" in p)
    assert ("targets", pol, "AI") in rels and ("adoptedBy", pol, "포항시") in rels


def test_offsets_point_into_the_article_text():
    art = _article()
    doc = extract(art)
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(art.text)
    for r in doc.relations:
        assert r.sentence >= 0
        assert art.text[r.start:r.end] == doc.sentences[r.sentence].text


def test_iris_are_stable_across_articles():
    a = doc_to_prediction(extract(_article()))
    b = doc_to_prediction(extract(_article(TEXT.replace("포항시, 라마대학교와", "포항 스마트 물류"))))
    ia = {(e["type"], e["name"]): e["iri"] for e in a["entities"]}
    ib = {(e["type"], e["name"]): e["iri"] for e in b["entities"]}
    for k in set(ia) & set(ib):
        assert ia[k] == ib[k]
    assert ia[("City", "포항시")].endswith("/city/47110")
    assert len({e["iri"] for e in a["entities"]}) == len(a["entities"])


def test_boilerplate_outside_the_main_spans_is_ignored():
    text = TEXT + "최신뉴스\n울산시, 창원시장 김모씨 세미나 개최\n"
    doc = extract(_article(text, body_text=TEXT))
    names = {e.name for e in doc.entities}
    assert "울산광역시" not in names


def test_empty_article():
    doc = extract(Article(id="e", text=""))
    assert doc.entities == [] and doc.relations == []


def test_cli_extract_jsonl_on_seeds():
    r = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(REPO / "seeds")])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.output.splitlines() if line.strip()]
    assert {x["id"] for x in recs} == {p.stem for p in (REPO / "seeds").glob("*.txt")}
    for rec in recs:
        for e in rec["entities"]:
            assert {"type", "name", "aliases", "iri"} <= set(e)
        for rel in rec["relations"]:
            assert set(rel) == {"type", "subject", "object"}


def test_cli_extract_reports_a_bad_file_and_keeps_the_others(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    r = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(tmp_path)])
    assert r.exit_code == 0
    out = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert [x["id"] for x in out] == ["good"]
    assert "bad.txt" in r.stderr


@pytest.mark.skipif(not GOLD.is_dir(), reason=f"shared seed gold not found at {GOLD}")
def test_cli_eval_on_seeds():
    r = CliRunner().invoke(main, ["eval", "--gold", str(GOLD), str(REPO / "seeds")])
    assert r.exit_code == 0, r.output
    assert "entity F1" in r.output and "cross-article identity" in r.output


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = list("가나다라시군구도장은는이가을를과와의에서 ‘’“”'\"()[],.·▲\n0123456789ABC협약식세미나포럼연구원대학교(주)㈜")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_ALPHABET, max_size=300))
def test_extract_never_fails_and_offsets_stay_inside(text):
    art = Article(id="h", text=text, body=[(0, len(text))] if text else [])
    doc = extract(art)
    for m in doc.mentions:
        assert 0 <= m.start <= m.end <= len(text)
    iris = [e.iri for e in doc.entities]
    assert len(iris) == len(set(iris))
    json.dumps(doc_to_prediction(doc), ensure_ascii=False)
