"""kg.konec (reading konec NER TSV, gold groups, span matching) and scripts/eval_konec.py on the real file."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kg.konec import (Counts, bio_spans, gold_groups, local_government_test, match, parse_konec,
                      predicted_spans)
from kg.model import Article, KgError

REPO = Path(__file__).resolve().parents[1]
KONEC = Path(__file__).resolve().parents[2] / "shared" / "data" / "konec" / "konec-dev.tsv"


def _tsv(*sentences: tuple[str, str, list[tuple[int, int, str]]]) -> str:
    """Write sentences in the konec layout: spans are (start, end, label) over the raw sentence."""
    out = ["## 토큰, 레이블 구분자 : \\t", "## 컬럼명 : CHAR\tNE_TAG"]
    for guid, text, spans in sentences:
        tags = ["O"] * len(text)
        for s, e, lab in spans:
            tags[s] = "B-" + lab
            for i in range(s + 1, e):
                tags[i] = "I-" + lab
        out.append(f"## {guid}\t{text}")
        out += [f"{c}\t{t}" for c, t in zip(text, tags)]
        out.append("")
    return "\n".join(out) + "\n"


S1 = "홍길동 가나시장은 오늘 나라대학교를 방문했다."  # invented names only
S2 = "박영희 부산시장과 김철수 울산광역시 교육감이 부산시청에서 만났다."


def test_parse_and_spans():
    text = _tsv(("t-1-wikitree", S1, [(0, 3, "PS_NAME"), (4, 8, "CV_POSITION"), (13, 18, "OGG_EDUCATION")]),
                ("t-2-nsmc", "재밌다", []))
    sents = list(parse_konec(text, "mem"))
    assert [s.guid for s in sents] == ["t-1-wikitree", "t-2-nsmc"]
    assert sents[0].is_news and not sents[1].is_news
    assert sents[0].text == S1
    assert [(s.text, s.label) for s in sents[0].spans] == [
        ("홍길동", "PS_NAME"), ("가나시장", "CV_POSITION"), ("나라대학교", "OGG_EDUCATION")]
    assert sents[1].spans == []


def test_bio_i_without_b_starts_a_span_and_label_change_splits():
    spans = bio_spans("가나다라", ["I-A", "I-A", "I-B", "O"])
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 2, "A"), (2, 3, "B")]


def test_malformed_line_names_the_place():
    bad = "## x-wikitree\t가나\n가\tB-PS_NAME\n나 B-PS_NAME\n"
    with pytest.raises(KgError, match=r"mem:3"):
        list(parse_konec(bad, "mem"))


def test_gold_groups_split_persons_orgs_and_cities():
    text = _tsv(("t-2-wikitree", S2, [(0, 3, "PS_NAME"), (4, 8, "CV_POSITION"), (10, 13, "PS_NAME"),
                                      (14, 19, "LCP_CITY"), (20, 23, "CV_POSITION"),
                                      (25, 29, "OGG_POLITICS")]))
    sent = next(parse_konec(text))
    g = gold_groups(sent, local_government_test())
    assert [s.text for s in g["person"]] == ["박영희", "김철수"]
    assert [s.text for s in g["person_title"]] == ["박영희", "김철수"]
    assert [s.text for s in g["city_place"]] == ["울산광역시"]
    assert [s.text for s in g["city_body"]] == ["부산시청"]  # a municipality as a body is a City, not an org
    assert g["org"] == []


def test_match_exact_overlap_and_neutral():
    text = _tsv(("t-1-wikitree", S1, [(0, 3, "PS_NAME"), (13, 18, "OGG_EDUCATION")]))
    gold = next(parse_konec(text)).spans
    preds = [(0, 3, "홍길동"), (13, 16, "나라대"), (30, 32, "방문")]
    ex = match(preds, gold, [], exact=True)
    ov = match(preds, gold, [], exact=False)
    assert len(ex["tp"]) == 1 and len(ex["fp"]) == 2 and len(ex["fn"]) == 1
    assert len(ov["tp"]) == 2 and len(ov["fp"]) == 1 and ov["fn"] == []
    neu = match(preds, gold[:1], gold[1:], exact=False)  # the org span is neutral: neither right nor wrong
    assert len(neu["tp"]) == 1 and len(neu["neutral"]) == 1 and len(neu["fp"]) == 1
    c = Counts()
    c.add(neu, len(preds), 1)
    assert c.prf()[:2] == (0.5, 1.0)


def test_predicted_spans_of_a_real_extraction():
    from kg.pipeline import extract

    doc = extract(Article(id="t", text=S2, body=[(0, len(S2))]))
    preds = predicted_spans(doc)
    assert set(preds) == {"Official", "Institution", "City", "Event"}
    cities = [t for _, _, t in preds["City"]]
    assert any(t.startswith("울산") for t in cities)
    for spans in preds.values():
        for s, e, t in spans:
            assert S2[s:e] == t


@pytest.mark.slow
def test_eval_konec_on_the_real_file():
    if not KONEC.is_file():
        pytest.skip(f"{KONEC} not present (konec lives in ../shared/data/konec)")
    spec = importlib.util.spec_from_file_location("eval_konec", REPO / "scripts" / "eval_konec.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    res = mod.evaluate(KONEC, ["news"], limit=150, n_examples=2)
    json.dumps(res, ensure_ascii=False)  # --json output must serialise
    assert res["sentences"]["news"] == 150
    assert res["crashes"] == []
    rows = {(r["pred_type"], r["gold"]): r for r in res["rows"]["news"]}
    assert rows[("City", "city")]["overlap"]["gold"] > 0
    assert rows[("City", "city")]["overlap"]["f1"] > 0.5  # cities are the extractor's most reliable type
    assert rows[("Official", "person")]["overlap"]["p"] > 0.5
