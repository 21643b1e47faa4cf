"""kg.store on real Oxigraph stores: round trip, idempotent rebuilds, parameter binding, read-only refusal,
SHACL conformance, and all-or-nothing writes (kill -9 mid-build, two builds at once)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.model import KgError
from kg.store import KgStore, check_read_only
from kg.triples import doc_quads, graph_iri
from kg.validate import graph_of, validate_graph, validate_store
from test_store_docs import sample_doc, tiny_doc

TESTS = Path(__file__).parent
PY = sys.executable


def all_quads(store: KgStore) -> set[str]:
    return {str(q) for q in store.ox}


@pytest.fixture
def store(tmp_path) -> KgStore:
    s = KgStore(tmp_path / "kg")
    s.replace_articles([sample_doc()] + [tiny_doc(i) for i in range(3)])
    return s


def test_empty_store_is_queryable_and_says_so(tmp_path):
    s = KgStore(tmp_path / "none")
    assert not s.exists
    assert s.article_hashes() == set()
    assert s.query("SELECT ?t WHERE { ?t a kg:Theme }")  # the ontology and theme scheme are there


def test_round_trip(store):
    doc = sample_doc()
    assert store.exists and store.has_article(doc.article.hash)
    assert store.article_hashes() == {doc.article.hash} | {tiny_doc(i).article.hash for i in range(3)}
    rows = store.query("SELECT ?n WHERE { ?c a kg:City ; kg:alias ?a ; kg:name ?n }")
    assert {r["n"] for r in rows} == {"포항시"}
    import pyoxigraph as ox

    g = ox.NamedNode(str(graph_iri(doc.article.hash)))
    in_graph = list(store.ox.quads_for_pattern(None, None, None, g))
    assert len(in_graph) == len(doc_quads(doc))
    st = store.stats()
    assert st["articles"] == 4 and st["entities"]["City"] == 3 and st["relations"]["partneredWith"] == 1


def test_rewriting_gives_identical_quads_and_no_duplicates(store):
    before = all_quads(store)
    store.replace_articles([sample_doc(), tiny_doc(1)])
    assert all_quads(store) == before
    store.replace_articles([sample_doc()] + [tiny_doc(i) for i in range(3)], rebuild=True)
    assert all_quads(store) == before
    rows = store.query("SELECT ?s ?p ?o (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?s ?p ?o ?g "
                       "HAVING (COUNT(*) > 1)")
    assert rows == []


def test_changed_source_replaces_its_old_facts(store):
    old = sample_doc()
    new = sample_doc(body=["포항시는 10일 드론 실증 설명회를 열었다."])
    assert new.article.source == old.article.source and new.article.hash != old.article.hash
    new.relations, new.entities = [], [e for e in new.entities if e.type == "City"]
    store.replace_articles([new])
    assert not store.has_article(old.article.hash) and store.has_article(new.article.hash)
    assert store.query("SELECT ?p WHERE { ?p a kg:Policy }") == []
    # the other articles are untouched
    assert {tiny_doc(i).article.hash for i in range(3)} <= store.article_hashes()


INJECTIONS = ["' } DROP ALL #", '" } ; DROP ALL ; SELECT * { "', "STEPI\" || true || \"", "\\", "\n}\n",
              "') } INSERT DATA { <a:b> <a:c> <a:d> } #", "?x", "<https://w3id.org/kgkr/id/city/47110>"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_parameters_are_bound_never_formatted(store, value):
    before = all_quads(store)
    q = "SELECT ?c ?institution WHERE { ?i kg:name|kg:alias ?institution ; kg:partneredWith ?c }"
    assert store.query(q, {"institution": value}) == []
    assert all_quads(store) == before
    assert store.query(q, {"institution": "STEPI"})[0]["c"].endswith("/city/47110")


@pytest.mark.parametrize("update", [
    "INSERT DATA { <a:b> <a:c> <a:d> }",
    "DELETE WHERE { ?s ?p ?o }",
    "drop all",
    "CLEAR GRAPH <a:b>",
    "LOAD <http://example.org/x.ttl>",
    "PREFIX x: <a:> \n WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CREATE GRAPH <a:g>", "ADD DEFAULT TO <a:g>", "MOVE <a:g> TO <a:h>", "COPY <a:g> TO <a:h>",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
])
def test_updates_are_refused(store, update):
    before = all_quads(store)
    with pytest.raises(KgError, match="read-only"):
        store.query(update)
    assert all_quads(store) == before


def test_update_words_inside_strings_iris_comments_and_names_are_fine():
    check_read_only('SELECT ?add ?copy WHERE { ?s kg:name "DROP ALL" . ?s kg:alias \'insert\' } # delete me')
    check_read_only("SELECT * WHERE { ?s <http://e.org/DELETE> ?o . ?s ex:load ?x }")


def test_invalid_query_is_a_clear_error(store):
    with pytest.raises(KgError, match="invalid SPARQL"):
        store.query("SELECT WHERE {")


def test_timeout_stops_a_runaway_query(store):
    t = time.monotonic()
    with pytest.raises(KgError, match="timeout"):
        store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", timeout=1.5)
    assert time.monotonic() - t < 15
    assert store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:City }", timeout=20)[0]["n"] >= 3


def test_sample_graph_conforms_to_the_shapes(store):
    report = validate_store(store)
    assert report.conforms, [i.line() for i in report.violations]


def test_shapes_catch_a_broken_graph(store):
    from rdflib import Literal, URIRef

    from kg.vocab import KG

    g = graph_of(list(store.union_triples()))
    ev = next(g.subjects(None, KG.Evidence))
    g.set((ev, KG.start, Literal("12")))  # a string offset
    event = next(g.subjects(None, KG.Event))
    g.add((event, KG.date, Literal("9일")))
    g.add((URIRef(str(store.query("SELECT ?o WHERE { ?o a kg:Official }")[0]["o"])), KG.heldIn, event))
    report = validate_graph(g)
    assert not report.conforms
    paths = {i.path for i in report.violations}
    assert str(KG.start) in paths and str(KG.date) in paths
    assert any("Event" in i.message or i.path == "" for i in report.violations)


# -------------------------------------------------------------------------------------------------------------
# all-or-nothing writes, in real subprocesses

WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    import kg.store as ks
    from kg.store import KgStore
    from kg.triples import doc_quads
    from test_store_docs import tiny_doc
    ks.FLUSH_QUADS = 300
    start, n, hold, timeout = {start}, {n}, {hold}, {timeout}
    store = KgStore({path!r}, lock_timeout=timeout)
    try:
        with store.writer() as w:
            print("locked", flush=True)
            time.sleep(hold)
            for i in range(start, start + n):
                d = tiny_doc(i)
                w.replace_article(d.article.hash, d.article.source, doc_quads(d))
                if i % 10 == 0:
                    w.flush()
                    print("wrote", i, flush=True)
    except Exception as e:
        print("ERROR", e, flush=True)
        sys.exit(3)
    print("committed", flush=True)
""")


def writer_proc(path: Path, start: int, n: int, hold: float = 0.0, timeout: float = 60.0) -> subprocess.Popen:
    code = WRITER.format(tests=str(TESTS), path=str(path), start=start, n=n, hold=hold, timeout=timeout)
    return subprocess.Popen([PY, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(proc: subprocess.Popen, prefix: str, limit: float = 60) -> str:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"writer ended before {prefix!r}: {proc.stderr.read()}")
        if line.startswith(prefix):
            return line
    raise AssertionError(f"no {prefix!r} within {limit}s")


def test_kill_9_mid_build_leaves_the_previous_graph(tmp_path):
    path = tmp_path / "kg"
    store = KgStore(path)
    store.replace_articles([sample_doc()])
    before, hashes = all_quads(store), store.article_hashes()

    proc = writer_proc(path, 100, 2000)
    wait_for(proc, "wrote 150")  # some batches are already written into the new generation
    reader = KgStore(path)  # readers keep working while a build writes
    assert reader.article_hashes() == hashes and all_quads(reader) == before
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    again = KgStore(path)
    assert again.article_hashes() == hashes and all_quads(again) == before
    assert again.query("SELECT ?n ?institution WHERE { ?c kg:alias ?institution ; kg:name ?n }",
                       {"institution": "STEPI"})
    with pytest.raises(KgError, match="SELECT clause"):
        again.query("SELECT ?n WHERE { ?c kg:alias ?institution ; kg:name ?n }", {"institution": "STEPI"})

    proc = writer_proc(path, 100, 30)  # the next build completes and cleans up the half-written generation
    assert proc.wait(timeout=120) == 0, proc.stderr.read()
    after = KgStore(path)
    assert len(after.article_hashes()) == 31
    gens = sorted(p.name for p in path.glob("gen-*"))
    assert after.generation.name == gens[-1] and len(gens) <= 2


@pytest.mark.slow
def test_killed_at_random_moments_the_store_is_old_or_new_never_half(tmp_path):
    path = tmp_path / "kg"
    KgStore(path).replace_articles([sample_doc()])
    n_before = 1
    for k, delay in enumerate([0.3, 0.9, 1.6, 2.4]):
        proc = writer_proc(path, 1000 * (k + 1), 40)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        n = len(KgStore(path).article_hashes())
        assert n in (n_before, n_before + 40), (delay, n)
        n_before = n


def test_two_builds_at_once_second_waits_or_fails_clearly(tmp_path):
    path = tmp_path / "kg"
    first = writer_proc(path, 0, 5, hold=3.0)
    wait_for(first, "locked")
    impatient = writer_proc(path, 500, 5, timeout=0.5)
    out, err = impatient.communicate(timeout=60)
    assert impatient.returncode == 3, err
    assert "another kg build is writing" in out and f"pid {first.pid}" in out
    patient = writer_proc(path, 600, 5, timeout=60)
    assert patient.wait(timeout=120) == 0, patient.stderr.read()
    assert first.wait(timeout=60) == 0
    assert len(KgStore(path).article_hashes()) == 10  # both builds landed, neither lost the other's articles


def test_a_failing_write_leaves_the_store_unchanged(store):
    before = all_quads(store)
    with pytest.raises(RuntimeError):
        with store.writer() as w:
            d = tiny_doc(77)
            w.replace_article(d.article.hash, d.article.source, doc_quads(d))
            w.flush()
            raise RuntimeError("boom")
    assert all_quads(KgStore(store.path)) == before
    assert all_quads(store) == before


def test_default_graph_is_the_set_union_of_the_article_graphs(tmp_path):
    """A triple written by several articles is queried once; it goes only when its last article goes."""
    store = KgStore(tmp_path / "kg")
    docs = [tiny_doc(i) for i in range(5)]  # all five mention 오산시
    store.replace_articles(docs)
    rows = store.query("SELECT ?n WHERE { ?c a kg:City ; kg:name ?n }")
    assert rows == [{"n": "오산시"}]
    with store.writer() as w:
        for d in docs[:4]:
            w.remove_article(d.article.hash)
    assert store.query("SELECT ?n WHERE { ?c a kg:City ; kg:name ?n }") == [{"n": "오산시"}]
    assert len(store.query("SELECT ?e WHERE { ?e a kg:Event }")) == 1
    with store.writer() as w:
        w.remove_article(docs[4].article.hash)
    assert store.query("SELECT ?n WHERE { ?c a kg:City ; kg:name ?n }") == []
    # only the ontology is left, in its graph and in the union
    import pyoxigraph as ox

    named = {str(q.graph_name) for q in store.ox if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert len(named) == 1
    assert store.triple_count() == len(store.ox) // 2


def test_query_values_are_plain_python():
    import pyoxigraph as ox

    from kg.oxterms import ox_value

    xsd = "http://www.w3.org/2001/XMLSchema#"
    lit = lambda v, t: ox.Literal(v, datatype=ox.NamedNode(xsd + t))  # noqa: E731
    assert ox_value(lit("42", "integer")) == 42 and ox_value(lit("0.5", "decimal")) == 0.5
    assert ox_value(lit("1.0E0", "double")) == 1.0 and ox_value(lit("true", "boolean")) is True
    assert ox_value(lit("2024-05-01", "date")) == "2024-05-01"
    assert ox_value(lit("x", "integer")) == "x"  # ill-typed: its text
    assert ox_value(ox.Literal("포항", language="ko")) == "포항"
    assert ox_value(ox.NamedNode("https://w3id.org/kgkr/id/city/47110")) == "https://w3id.org/kgkr/id/city/47110"
    assert ox_value(None) is None


def test_encoded_graph_is_the_named_quads_plus_their_union_copies():
    """kg.store.encode_doc (run in the build's workers, writing N-Quads from kg.triples.doc_nt_quads) gives
    exactly the quads of doc_quads (rdflib terms), once in the article's graph and once in the default graph,
    even for a literal that spells the graph's own IRI, quotes, a backslash and a newline."""
    import pyoxigraph as ox

    from kg.oxterms import to_ox_quad
    from kg.store import encode_doc

    g = graph_iri(sample_doc().article.hash)
    tricky = f'따옴표 " 와 <{g}> .\n둘째 줄 \\ 끝'
    doc = sample_doc(body=[tricky, "포항시는 과학기술정책연구원과 업무협약을 맺었다."])
    data, n = encode_doc(doc)
    named = {to_ox_quad(q) for q in doc_quads(doc)}
    assert n == len(doc_quads(doc)) == len(named)
    got = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    dg = ox.DefaultGraph()
    assert len(got) == 2 * n
    assert set(got) == named | {ox.Quad(q.subject, q.predicate, q.object, dg) for q in named}
    assert any(isinstance(q.object, ox.Literal) and q.object.value == tricky for q in got
               if isinstance(q.graph_name, ox.DefaultGraph))


def test_background_loads_give_the_same_store_as_direct_writes(tmp_path, monkeypatch):
    """Encoded graphs are bulk-loaded in a thread while the writer goes on (kg.store._BackgroundLoad). With a
    flush every few articles, rewriting an article whose batch may still be loading, and a changed version of an
    article from an earlier build, the store holds exactly what direct (unencoded) writes give."""
    import kg.store as ks
    from kg.store import encode_doc

    docs = [sample_doc()] + [tiny_doc(i) for i in range(40)]
    direct = KgStore(tmp_path / "direct")
    direct.replace_articles(docs)
    monkeypatch.setattr(ks, "FLUSH_QUADS", 60)
    loaded = KgStore(tmp_path / "loaded")
    with loaded.writer() as w:
        for d in docs:
            w.replace_article_encoded(d.article.hash, d.article.source, encode_doc(d))
        for d in docs[5:8]:  # written again in the same build, maybe while its batch is loading
            w.replace_article_encoded(d.article.hash, d.article.source, encode_doc(d))
    assert all_quads(loaded) == all_quads(direct)
    changed = sample_doc(title="제목이 바뀐 기사")  # same source file, new content: the old graph is dropped
    for s in (direct, loaded):
        with s.writer() as w:
            w.replace_article_encoded(changed.article.hash, changed.article.source, encode_doc(changed))
            for d in docs[1:]:
                w.mark_seen(d.article.hash)
    assert all_quads(loaded) == all_quads(direct)
    assert not loaded.has_article(docs[0].article.hash) and loaded.has_article(changed.article.hash)


def test_a_failed_background_load_fails_the_write_and_keeps_the_store(tmp_path, monkeypatch):
    import kg.store as ks

    store = KgStore(tmp_path / "kg")
    store.replace_articles([tiny_doc(0)])
    before = all_quads(store)
    gens = sorted(p.name for p in (tmp_path / "kg").iterdir())
    monkeypatch.setattr(ks, "FLUSH_QUADS", 1)
    with pytest.raises(SyntaxError):
        with store.writer() as w:
            w.replace_article_encoded("0" * 16, None, (b"<a> <b> this is not N-Quads .\n", 1))
            w.replace_article_encoded("1" * 16, None, (b"<a> <b> <c> .\n", 1))  # the next flush raises
    assert all_quads(store) == before
    assert sorted(p.name for p in (tmp_path / "kg").iterdir()) == gens  # the failed generation is gone


def test_nt_terms_give_the_rdflib_quads_for_the_seed_articles():
    """kg.triples writes one graph with two term libraries: rdflib (doc_quads) and N-Triples text made by
    pyoxigraph (doc_nt_quads, which the build's workers encode). On every seed article both give the same
    quads, in the same order."""
    import pyoxigraph as ox

    from kg.loaders import iter_articles
    from kg.oxterms import to_ox_quads
    from kg.pipeline import extract
    from kg.triples import doc_nt_quads

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    n = 0
    for article in iter_articles([str(seeds)]):
        doc = extract(article)
        nt = doc_nt_quads(doc)
        text = "".join(f"{s} {p} {o} {g} .\n" for s, p, o, g in nt)
        assert list(ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS)) == to_ox_quads(doc_quads(doc))
        n += len(nt)
    assert n > 1000
