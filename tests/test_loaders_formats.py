"""HTML, JSONL, JSON, CSV/TSV, Excel (BigKinds) and one-per-line files the tests write themselves."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from kg.loaders import iter_articles, load_file
from kg.model import Article, SourceError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

PARA1 = "한빛시는 3일 시청에서 교육기반 AI특별도시 선언식을 열었다고 밝혔다. 이날 행사에는 시장과 시민 200여 명이 참석했다."
PARA2 = "시는 앞으로 AI 교육 인프라를 확충하고 관련 기업을 유치할 계획이다. 시 관계자는 \"시민 모두가 AI를 배우는 도시를 만들겠다\"고 말했다."
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>한빛시, AI 특별도시 선언 | 한빛일보</title>
<meta property="og:site_name" content="한빛일보">
<meta property="og:title" content="한빛시, AI 특별도시 선언">
<link rel="canonical" href="https://news.example.org/article/77">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "한빛시, AI 특별도시 선언", "datePublished": "2024-05-03T09:10:00+09:00",
 "author": {{"@type": "Person", "name": "홍길동 기자"}}}}</script></head>
<body><nav><ul><li><a href="/">홈</a></li><li><a href="/p">정치</a></li></ul></nav>
<article><h1>한빛시, AI 특별도시 선언</h1><p>{PARA1}</p><p>{PARA2}</p><p>{PARA1}</p></article>
<aside><h2>많이 본 기사</h2><ul><li>다른시, 벚꽃 축제 개최</li></ul></aside>
<footer>Copyright © 한빛일보. All rights reserved.</footer></body></html>"""


def only_articles(items):
    errs = [i for i in items if isinstance(i, SourceError)]
    assert not errs, errs
    return items


def spans_ok(a: Article):
    for s, e in a.main_spans():
        assert 0 <= s < e <= len(a.text)
        assert a.text[s:e].strip() == a.text[s:e]
    if a.title_span:
        assert a.text[a.title_span[0]: a.title_span[1]] == a.title


def test_html_page(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    (a,) = only_articles(list(iter_articles(p)))
    assert a.id == "page" and a.source == str(p)
    assert a.title == "한빛시, AI 특별도시 선언"
    assert a.published == date(2024, 5, 3)
    assert a.outlet == "한빛일보" and a.reporters == ["홍길동"]
    assert a.url == "https://news.example.org/article/77"
    body = [a.text[s:e] for s, e in a.body]
    assert body == [PARA1, PARA2]  # the repeated paragraph is dropped
    assert "벚꽃" not in a.main_text() and "홈" not in a.main_text()
    spans_ok(a)


def test_html_meta_date_and_cp949(tmp_path):
    page = PAGE.replace('"datePublished": "2024-05-03T09:10:00+09:00",', "").replace(
        '<meta property="og:site_name" content="한빛일보">',
        '<meta property="article:published_time" content="2023-12-01T10:00:00+09:00">').replace(
        'charset="utf-8"', 'charset="euc-kr"').replace("©", "(c)")
    p = tmp_path / "old.htm"
    p.write_bytes(page.encode("cp949"))
    (a,) = only_articles(list(iter_articles(p)))
    assert a.published == date(2023, 12, 1)
    assert a.title == "한빛시, AI 특별도시 선언" and PARA1 in a.main_text()


def test_html_truncated_still_loads(tmp_path):
    p = tmp_path / "cut.html"
    cut = PAGE.index(PARA2) + 20
    p.write_text(PAGE[:cut], encoding="utf-8")
    (a,) = only_articles(list(iter_articles(p)))
    assert a.title == "한빛시, AI 특별도시 선언"
    assert PARA1 in a.main_text()
    spans_ok(a)


def test_jsonl_with_mapping_and_autodetect(tmp_path):
    p = tmp_path / "news.jsonl"
    recs = [
        {"id": "n1", "title": "제목 하나", "text": PARA1 + "\n\n" + PARA2, "date": "2024-01-24", "url": "http://x/1",
         "press": "한빛일보", "author": "홍길동 기자"},
        {"headline": "제목 둘", "sentences": ["첫 문장이다.", "둘째 문장이다."], "published": "2024.02.03"},
    ]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    a, b = only_articles(list(iter_articles(p)))
    assert (a.id, a.title, a.published, a.url, a.outlet, a.reporters) == (
        "n1", "제목 하나", date(2024, 1, 24), "http://x/1", "한빛일보", ["홍길동"])
    assert [a.text[s:e] for s, e in a.body] == [PARA1, PARA2]
    assert a.source == f"{p}:1"
    assert (b.id, b.title, b.published) == ("news#2", "제목 둘", date(2024, 2, 3))
    assert [b.text[s:e] for s, e in b.body] == ["첫 문장이다.", "둘째 문장이다."]
    spans_ok(a), spans_ok(b)
    # explicit column names
    q = tmp_path / "custom.jsonl"
    q.write_text(json.dumps({"기사": PARA1, "머리": "제목 셋", "when": "20240305"}, ensure_ascii=False), encoding="utf-8")
    (c,) = only_articles(list(iter_articles(q, text_col="기사", title_col="머리", date_col="when")))
    assert (c.title, c.published, c.id) == ("제목 셋", date(2024, 3, 5), "custom#1")


def test_csv_tsv_and_json(tmp_path):
    p = tmp_path / "corpus.csv"
    p.write_text(f'작성일,출처,제목,내용\n2020-07-07,https://e/1,첫 기사,"{PARA1}\n{PARA2}"\n2020-07-08,https://e/2,둘째,'
                 f"짧은 본문이다.\n", encoding="utf-8")
    a, b = only_articles(list(iter_articles(p)))
    assert (a.id, a.title, a.published, a.url) == ("corpus#2", "첫 기사", date(2020, 7, 7), "https://e/1")
    assert len(a.body) == 2 and b.id == "corpus#3" and b.source == f"{p}:3"
    t = tmp_path / "corpus.tsv"
    t.write_text("id\ttext\nk1\t본문이다.\n", encoding="utf-8")
    (c,) = only_articles(list(iter_articles(t)))
    assert c.id == "k1" and c.text == "본문이다."
    j = tmp_path / "list.json"
    j.write_text(json.dumps({"articles": [{"title": "가", "body": "나다."}]}, ensure_ascii=False), encoding="utf-8")
    (d,) = only_articles(list(iter_articles(j)))
    assert (d.title, d.id) == ("가", "list#1")


def write_bigkinds(path: Path, header, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "sheet"
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)


BK_HEADER = ["뉴스 식별자", "일자", "언론사", "기고자", "제목", "통합 분류1", "인물", "위치", "기관", "키워드", "본문", "URL"]


def test_bigkinds_xlsx(tmp_path):
    p = tmp_path / "NewsResult_20240101-20240131.xlsx"
    write_bigkinds(p, BK_HEADER, [
        ["01100101.20240124", "20240124", "한빛일보", "홍길동 기자", "한빛시 스마트팜 협약", "지역>충청",
         "이한빛,김바다", "한빛시,대전", "한빛대학교,농업기술원", "스마트팜,협약", PARA1, "http://e/1"],
        ["01100101.20240125", datetime(2024, 1, 25), "한빛일보", "", "본문 없는 기사", "", "", "", "", "", None, ""],
        ["01100101.20240126", "20240126", "다른일보", "김바다", "둘째", "", "", "", "", "", PARA2, ""],
    ])
    items = list(iter_articles(p))
    a, err, c = items
    assert (a.id, a.published, a.outlet, a.reporters, a.title, a.url) == (
        "01100101.20240124", date(2024, 1, 24), "한빛일보", ["홍길동"], "한빛시 스마트팜 협약", "http://e/1")
    assert a.extra["인물"] == ["이한빛", "김바다"] and a.extra["기관"] == ["한빛대학교", "농업기술원"]
    assert a.extra["위치"] == ["한빛시", "대전"] and a.extra["통합 분류1"] == "지역>충청"
    assert isinstance(err, SourceError) and err.where == f"{p}:3" and "no text" in err.reason
    assert c.reporters == ["김바다"] and c.source == f"{p}:4"
    spans_ok(a)


def test_lines_format(tmp_path):
    p = tmp_path / "sample.txt"
    p.write_text("서울 한빛뉴스 기자 첫 기사 문장이다  둘째 문단이다\n\n둘째 기사다\n", encoding="utf-8")
    a, b = only_articles(list(iter_articles(p, format="lines")))
    assert a.id == "sample#1" and [a.text[s:e] for s, e in a.body] == ["서울 한빛뉴스 기자 첫 기사 문장이다", "둘째 문단이다"]
    assert b.id == "sample#3"


def test_directory_walk_sorted_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("제목\n본문이다.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("제목\n본문이다.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("제목\n본문이다.\n", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("제목\n본문이다.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / "gold.json").write_text("{}", encoding="utf-8")
    ids = [a.id for a in only_articles(list(iter_articles(tmp_path)))]
    assert ids == ["a", "z"]


def test_seeds_directory_ids_match_file_stems():
    items = only_articles(list(iter_articles(SEEDS)))
    assert [a.id for a in items] == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_load_file_unknown_extension(tmp_path):
    p = tmp_path / "page.doc"
    p.write_text("x", encoding="utf-8")
    (err,) = list(load_file(p))
    assert isinstance(err, SourceError) and "format=" in err.reason


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_format_option_overrides_extension(tmp_path, fmt):
    p = tmp_path / "page.dat"
    p.write_text(PAGE if fmt == "html" else "한빛시, AI 특별도시 선언\n" + PARA1, encoding="utf-8")
    (a,) = only_articles(list(iter_articles(p, format=fmt)))
    assert a.title == "한빛시, AI 특별도시 선언" and PARA1 in a.main_text()
