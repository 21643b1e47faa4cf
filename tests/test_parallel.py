"""kg.parallel.extract_many: same results as the serial extractor, lazy input, nothing lost."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import corpus as kc
from kg.model import Article, Doc, SourceError
from kg.parallel import extract_many
from kg.pipeline import extract
from kg.triples import doc_quads

REPO = Path(__file__).resolve().parents[1]


def summary(doc: Doc) -> tuple:
    """Everything the graph is written from: mentions, entities (with IRIs), relations (with evidence)."""
    return (
        doc.article.id,
        doc.article.hash,
        tuple((m.type, m.start, m.end, m.text) for m in doc.mentions),
        tuple(sorted((e.type, e.name, e.iri, tuple(e.aliases), len(e.mentions)) for e in doc.entities)),
        tuple(sorted((r.key(), r.start, r.end, r.sentence, r.cue) for r in doc.relations)),
    )


@pytest.fixture(scope="module")
def seed_articles() -> list[Article]:
    from kg.loaders import iter_articles

    arts = [a for a in iter_articles([str(REPO / "seeds")]) if isinstance(a, Article)]
    assert len(arts) == 5
    return arts


@pytest.fixture(scope="module")
def synthetic_articles() -> list[Article]:
    m = kc.load_material(REPO / "seeds", shared=None)
    out = []
    for rec in kc.iter_records(24, seed=11, material=m):
        text = rec["title"] + "\n\n" + rec["text"]
        t = len(rec["title"])
        out.append(Article(id=rec["id"], text=text, title=rec["title"], title_span=(0, t), body=[(t + 2, len(text))],
                           source=rec["id"]))
    return out


def test_two_workers_equal_serial_on_the_seeds(seed_articles):
    serial = [summary(extract(a)) for a in seed_articles]
    parallel = [summary(d) for d in extract_many(seed_articles, workers=2, chunksize=2)]
    assert parallel == serial
    assert any(s[3] for s in serial), "the seeds must give entities, or this test compares nothing"


def test_unordered_gives_the_same_set(seed_articles, synthetic_articles):
    arts = seed_articles + synthetic_articles
    serial = sorted(summary(extract(a)) for a in arts)
    unordered = sorted(summary(d) for d in extract_many(arts, workers=2, chunksize=3, ordered=False))
    assert unordered == serial


def test_one_worker_runs_in_process_and_lazily(synthetic_articles):
    pulled = []

    def source():
        for a in synthetic_articles:
            pulled.append(a.id)
            yield a

    it = extract_many(source(), workers=1)
    assert pulled == []  # nothing read before the first result is asked for
    first = next(it)
    assert isinstance(first, Doc) and pulled == [synthetic_articles[0].id]
    assert len(list(it)) == len(synthetic_articles) - 1


def test_input_is_read_lazily_with_a_bounded_window(synthetic_articles):
    """Memory stays bounded: never more than workers * prefetch chunks are read ahead of the consumer."""
    pulled = [0]
    many = (synthetic_articles * 5)[:100]

    def source():
        for a in many:
            pulled[0] += 1
            yield a

    workers, chunksize, prefetch = 2, 3, 1
    bound = (workers * prefetch + 1) * chunksize
    seen = 0
    for doc in extract_many(source(), workers=workers, chunksize=chunksize, prefetch=prefetch):
        assert isinstance(doc, Doc)
        seen += 1
        assert pulled[0] - seen <= bound, f"read {pulled[0]} articles while only {seen} were consumed"
    assert seen == len(many) and pulled[0] == len(many)


def test_errors_and_pass_through_items_keep_their_place(synthetic_articles):
    bad = Article(id="broken", text=None, source="broken.jsonl:3")  # type: ignore[arg-type]  # extraction raises
    upstream = SourceError("empty.txt", "file is empty")
    items = [synthetic_articles[0], upstream, synthetic_articles[1], bad, synthetic_articles[2]]
    for workers in (1, 2):
        out = list(extract_many(items, workers=workers, chunksize=2))
        assert len(out) == 5
        assert out[1] is upstream
        assert [type(x).__name__ for x in out] == ["Doc", "SourceError", "Doc", "SourceError", "Doc"]
        assert out[3].where == "broken.jsonl:3" and "extraction failed" in out[3].reason
        assert [o.article.id for o in (out[0], out[2], out[4])] == [a.id for a in synthetic_articles[:3]]


def test_bad_arguments():
    with pytest.raises(ValueError):
        list(extract_many([], workers=2, chunksize=0))
    with pytest.raises(ValueError):
        list(extract_many([], workers=-1))
    assert list(extract_many([], workers=2)) == []


def _fail_on_title(doc: Doc):
    """An encoder that fails for one article (module level, so that it pickles for the workers)."""
    if "포항" in (doc.article.title or ""):
        raise ValueError("no graph for this one")
    return len(doc.entities)


def test_encode_runs_in_the_workers_and_sends_back_only_the_result(seed_articles):
    from kg.store import encode_doc

    serial = {d.article.hash: d for d in map(extract, seed_articles)}
    out = list(extract_many(seed_articles, workers=2, chunksize=1, encode=encode_doc))
    assert [d.article.hash for d in out] == [a.hash for a in seed_articles]
    for d in out:
        assert d.entities == [] and d.mentions == []  # the light Doc: article + encoded graph
        data, n = d.encoded
        assert n == len(list(doc_quads(serial[d.article.hash])))
        assert data.count(b"\n") == 2 * n  # every quad in its graph and in the union (default graph)


def test_a_failing_encoder_costs_only_its_article(seed_articles):
    for workers in (1, 2):
        out = list(extract_many(seed_articles, workers=workers, encode=_fail_on_title))
        bad = [r for r in out if isinstance(r, SourceError)]
        good = [r for r in out if isinstance(r, Doc)]
        assert len(out) == len(seed_articles) and bad and good
        assert all("cannot write its graph: ValueError: no graph for this one" in r.reason for r in bad)
        assert all(isinstance(d.encoded, int) for d in good)
