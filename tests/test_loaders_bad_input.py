"""A corpus of bad inputs beside good ones: every bad one is reported by name, every good one still loads."""
from __future__ import annotations

import json
import random
from pathlib import Path

import openpyxl

from kg.loaders import iter_articles
from kg.loaders.decode import decode_bytes
from kg.model import Article, SourceError

GOOD_TEXT = "한빛시, 스마트 행정 플랫폼 공개\n\n한빛시는 5일 시청에서 스마트 행정 플랫폼을 공개했다고 밝혔다.\n"
GOOD_HTML = ("<html><head><title>한빛시, 스마트 행정 플랫폼 공개</title></head><body><article>"
             "<h1>한빛시, 스마트 행정 플랫폼 공개</h1><p>한빛시는 5일 시청에서 스마트 행정 플랫폼을 공개했다고 밝혔다. "
             "시 관계자는 시민 편의를 높이겠다고 말했다.</p><p>둘째 문단은 여기서 끊")


def make_corpus(root: Path) -> dict[str, str]:
    """Write the corpus; returns {file name: expected outcome} ("ok", or a word the error reason contains)."""
    rnd = random.Random(7)
    files: dict[str, str] = {}

    def put(name: str, data: bytes, expect: str):
        (root / name).write_bytes(data)
        files[name] = expect

    put("a_good.txt", GOOD_TEXT.encode("utf-8"), "ok")
    put("b_zero.txt", b"", "empty")
    put("c_blank.txt", b" \n\t\n\xc2\xa0\n", "empty")
    put("d_binary.txt", bytes(rnd.randrange(256) for _ in range(4000)) + b"\x00\x00", "binary")
    put("e_cp949.txt", GOOD_TEXT.encode("cp949"), "ok")
    put("f_utf16.txt", GOOD_TEXT.encode("utf-16"), "ok")
    put("g_utf8bom.txt", b"\xef\xbb\xbf" + GOOD_TEXT.encode("utf-8"), "ok")
    put("h_huge.txt", ("가" * (10 * 1024 * 1024 // 3 + 1)).encode("utf-8"), "limit")  # a 10 MB single line
    put("i_truncated.html", GOOD_HTML.encode("utf-8"), "ok")
    put("j_undecodable.txt", bytes(rnd.randrange(128, 256) for _ in range(3000)), "decode")
    put("k_utf16_nobom.txt", GOOD_TEXT.encode("utf-16-le"), "ok")
    put("l_notzip.xlsx", b"PK\x03\x04 this is not really a workbook", "xlsx")
    wb = openpyxl.Workbook()
    wb.active.append(["뉴스 식별자", "일자", "언론사", "제목"])  # no 본문 column
    wb.active.append(["1", "20240101", "한빛일보", "제목"])
    wb.save(root / "m_NewsResult_missing.xlsx")
    files["m_NewsResult_missing.xlsx"] = "본문"
    lines = [json.dumps({"title": "좋은 줄", "text": "본문이다."}, ensure_ascii=False), "{not json",
             json.dumps({"title": "본문 없음", "text": ""}, ensure_ascii=False), "[1, 2]",
             json.dumps({"title": "또 좋은 줄", "text": "다른 본문이다."}, ensure_ascii=False)]
    put("n_mixed.jsonl", "\n".join(lines).encode("utf-8"), "mixed")
    put("o_rows.csv", "제목,본문\n첫째,본문이다.\n빈 줄,\n셋째,또 본문이다.\n".encode("utf-8"), "mixed")
    put("p_nocol.csv", "a,b\n1,2\n".encode("utf-8"), "text column")
    return files


def test_bad_input_corpus(tmp_path):
    files = make_corpus(tmp_path)
    items = list(iter_articles(tmp_path, max_bytes=1024 * 1024))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, SourceError)]
    by_file: dict[str, list] = {}
    for i in items:
        where = i.where if isinstance(i, SourceError) else i.source
        by_file.setdefault(Path(where.split(":")[0]).name, []).append(i)
    assert set(by_file) == set(files), "every file is accounted for"
    for name, expect in files.items():
        got = by_file[name]
        if expect == "ok":
            assert len(got) == 1 and isinstance(got[0], Article), (name, got)
            assert "스마트 행정 플랫폼" in got[0].main_text(), name
        elif expect == "mixed":
            kinds = [type(g).__name__ for g in got]
            assert kinds.count("Article") == 2 and kinds.count("SourceError") >= 1, (name, got)
        else:
            assert len(got) == 1 and isinstance(got[0], SourceError), (name, got)
            assert name in str(got[0]) and expect in got[0].reason, (name, got[0].reason)
    jl = {e.where: e.reason for e in errs if "n_mixed" in e.where}
    assert jl == {
        f"{tmp_path / 'n_mixed.jsonl'}:2": jl[f"{tmp_path / 'n_mixed.jsonl'}:2"],
        f"{tmp_path / 'n_mixed.jsonl'}:3": "record has no text in column 'text'",
        f"{tmp_path / 'n_mixed.jsonl'}:4": "line is JSON list, not an object",
    }
    assert "not JSON" in jl[f"{tmp_path / 'n_mixed.jsonl'}:2"]
    assert [e.where for e in errs if "o_rows" in e.where] == [f"{tmp_path / 'o_rows.csv'}:3"]
    assert len(arts) == 6 + 4


def test_huge_file_loads_with_a_higher_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("한빛시 소식\n" + "가" * 3_000_000 + "다.\n", encoding="utf-8")
    (err,) = list(iter_articles(p, max_bytes=1_000_000))
    assert isinstance(err, SourceError) and "over the limit" in err.reason
    (a,) = list(iter_articles(p))
    assert isinstance(a, Article) and a.title == "한빛시 소식"


def test_missing_path_is_reported_and_others_load(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    items = list(iter_articles([tmp_path / "nope.txt", good]))
    assert isinstance(items[0], SourceError) and "nope.txt" in str(items[0])
    assert isinstance(items[1], Article)


def test_decode_bytes_reasons():
    for data, word in ((b"", "empty"), (b"\x00\x01\x02\x03" * 50, "binary")):
        try:
            decode_bytes(data, "f.txt")
        except SourceError as e:
            assert word in e.reason and e.where == "f.txt"
        else:
            raise AssertionError("should refuse")
    assert decode_bytes("한글 본문".encode("euc-kr"), "f") == "한글 본문"
    assert decode_bytes("한글 본문".encode("utf-16-be"), "f") == "한글 본문"


def test_boilerplate_only_page_and_html_saved_as_txt_and_xls(tmp_path):
    (tmp_path / "a_widgets.txt").write_text("2024.07.09 (화)\n  • 맑음서울 23.0℃\n기상청 제공\n-\n공유\n", encoding="utf-8")
    (tmp_path / "b_page.txt").write_text(GOOD_HTML, encoding="utf-8")
    (tmp_path / "c_old.xls").write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    items = list(iter_articles([tmp_path / "a_widgets.txt", tmp_path / "b_page.txt", tmp_path / "c_old.xls"]))
    assert isinstance(items[0], SourceError) and "no article text" in items[0].reason
    assert isinstance(items[1], Article) and items[1].title == "한빛시, 스마트 행정 플랫폼 공개"
    assert "<p>" not in items[1].text
    assert isinstance(items[2], SourceError) and ".xlsx" in items[2].reason
