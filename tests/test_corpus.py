"""kg.corpus: the synthetic benchmark corpus (deterministic, streamed, realistic structure, loadable)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg import corpus as kc
from kg.model import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).parents[2] / "shared"


@pytest.fixture(scope="module")
def seeds_only() -> kc.Material:
    return kc.load_material(REPO / "seeds", shared=None)


def test_seed_material_is_real_sentences(seeds_only):
    assert len(seeds_only.sentences) > 30
    assert any("포항테크노파크" in s for s in seeds_only.sentences)
    # the weather widget of the seeds is not sentence material
    assert not any(s.lstrip().startswith("•") for s in seeds_only.sentences)
    assert len(seeds_only.cities) > 100


def test_deterministic_and_prefix_stable(seeds_only):
    a = list(kc.iter_records(30, seed=3, material=seeds_only))
    b = list(kc.iter_records(30, seed=3, material=seeds_only))
    assert a == b
    # article i depends only on (seed, i): a small corpus is the prefix of a larger one
    assert list(kc.iter_records(10, seed=3, material=seeds_only)) == a[:10]
    assert list(kc.iter_records(5, seed=3, material=seeds_only, start=10)) == a[10:15]
    assert list(kc.iter_records(5, seed=4, material=seeds_only)) != a[:5]


def test_structure_and_variety(seeds_only):
    recs = list(kc.iter_records(200, seed=1, material=seeds_only))
    assert len({r["id"] for r in recs}) == 200
    for r in recs:
        paras = [p for p in r["text"].split("\n\n") if p.strip()]
        assert r["title"] and r["date"][:2] == "20" and r["reporter"] in r["text"]
        assert len(paras) >= 3
        sentences = sum(p.count("다.") for p in paras)
        assert sentences >= 6, r["text"]
        assert not re.search(r"\[(은|는|이|가|을|를|와|과)\]", r["text"]), "unresolved particle marker"
    cities = {c for r in recs for c in seeds_only.cities if c in r["title"]}
    assert len(cities) > 40, "city names must vary across articles"
    assert len({r["reporter"] for r in recs}) > 150


def test_particles_follow_the_final_consonant():
    assert kc._josa("포항시[는] 연구원[는] 세미나[를] 협약식[를] 대학교[와] 재단[와]") == "포항시는 연구원은 세미나를 협약식을 대학교와 재단과"
    assert kc._josa("오산시(시장 곽상욱)[는]") == "오산시(시장 곽상욱)는"
    assert kc._josa("'안전도시 포럼'[를]") == "'안전도시 포럼'을"


def test_page_form_has_boilerplate_export_form_has_not(seeds_only):
    pages = [kc.iter_records(1, seed=2, material=seeds_only, start=i, page=True).__next__() for i in range(40)]
    exports = list(kc.iter_records(40, seed=2, material=seeds_only))
    assert any("기상청 제공" in p["text"] or "기사 스크랩" in p["text"] or "최신뉴스" in p["text"] for p in pages)
    assert not any("기상청 제공" in e["text"] or "기사 스크랩" in e["text"] for e in exports)
    # the same article, same sentences, in both forms
    first_para = exports[0]["text"].split("\n\n")[1]
    assert first_para in pages[0]["text"]


def test_written_jsonl_streams_and_loads(tmp_path, seeds_only):
    path = kc.write_corpus(tmp_path / "c.jsonl", 25, seed=5, material=seeds_only)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 25 and not (tmp_path / "c.jsonl.part").exists()
    assert json.loads(lines[0]) == next(kc.iter_records(1, seed=5, material=seeds_only))
    from kg.loaders import iter_articles

    arts = list(iter_articles([str(path)]))
    assert len(arts) == 25 and all(isinstance(a, Article) for a in arts)
    assert arts[0].title == json.loads(lines[0])["title"] and arts[0].published is not None


def test_txt_folder_is_in_the_seeds_form(tmp_path, seeds_only):
    folder = kc.write_txt_folder(tmp_path / "pages", 5, seed=5, material=seeds_only)
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 5
    text = files[0].read_text(encoding="utf-8")
    rec = next(kc.iter_records(1, seed=5, material=seeds_only, page=True))
    assert text.startswith(rec["title"] + "\n\n")
    from kg.loaders import iter_articles

    arts = [a for a in iter_articles([str(folder)]) if isinstance(a, Article)]
    assert len(arts) == 5 and all(a.body for a in arts)


def test_perturb_changes_about_the_fraction(tmp_path, seeds_only):
    src = kc.write_corpus(tmp_path / "c.jsonl", 400, seed=5, material=seeds_only)
    n = kc.perturb_corpus(src, tmp_path / "d.jsonl", fraction=0.05, seed=9)
    a = src.read_text(encoding="utf-8").splitlines()
    b = (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(a) == len(b) and 5 <= n <= 40
    assert sum(x != y for x, y in zip(a, b)) == n
    assert all(json.loads(x)["id"] == json.loads(y)["id"] for x, y in zip(a, b))


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (KLUE and Wikinews sentences) is absent")
def test_shared_material_is_read_in_place():
    m = kc.load_material(REPO / "seeds", shared=SHARED)
    assert len(m.sentences) > 10_000
    assert any("klue_news_sentences" in s for s in m.sources) and any("wikinews" in s for s in m.sources)
