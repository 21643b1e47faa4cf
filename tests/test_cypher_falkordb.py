"""kg.cypher against a real private FalkorDB (no mocks): push, idempotence, hostile parameters, Bolt, CLI."""
from __future__ import annotations

import socket
import time

import pytest
from click.testing import CliRunner

from kg import cypher, propgraph
from kg.cli import main
from kg.falkor import FalkorServer, default_dir
from kg.model import KgError
from kg.store import KgStore
from builders import write_dataset
from test_cypher_propgraph import sample_dataset

pytestmark = pytest.mark.falkordb

HOSTILE = "' }) DETACH DELETE n //"
PARTNER_Q = "MATCH (c:City)-[:PARTNERED_WITH]-(i:Institution {name: '과학기술정책연구원'}) RETURN c.name"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    p = tmp_path_factory.mktemp("kgstore") / "kg-data"
    write_dataset(sample_dataset(), p)
    yield p
    FalkorServer(default_dir(p)).stop()


@pytest.fixture()
def server(tmp_path):
    with FalkorServer(tmp_path / "fk") as srv:
        yield srv


def test_push_twice_changes_nothing(server, store_path):
    store = KgStore(store_path)
    w = cypher.FalkorWriter(server.graph("kg"))
    st = cypher.push(store, w, batch_size=4)
    nodes = list(propgraph.iter_nodes(store))
    rels = list(propgraph.iter_relationships(store))
    assert (st.nodes, st.relationships) == (len(nodes), len(rels))
    counts = cypher.graph_counts(w)
    assert counts == (len(nodes), len(rels))
    props = w.run("MATCH (n) RETURN n.iri AS iri, properties(n) AS p ORDER BY iri")
    cypher.push(store, w, batch_size=1000)
    assert cypher.graph_counts(w) == counts
    assert w.run("MATCH (n) RETURN n.iri AS iri, properties(n) AS p ORDER BY iri") == props
    # what went in is what propgraph produced
    pohang = w.run("MATCH (c:City {name: $n}) RETURN c.aliases AS a, c.adminCode AS code", {"n": "포항시"})
    assert pohang == [{"a": ["포항"], "code": "47110"}]
    rel = w.run("MATCH (:City)-[r:PARTNERED_WITH]-(i:Institution) WHERE $n IN i.aliases "
                "RETURN r.confidence AS c, size(r.sentences) AS n, r.articles AS a", {"n": "STEPI"})
    assert len(rel) == 1 and rel[0]["c"] == 0.9 and rel[0]["n"] == 2  # one relationship, two pieces of evidence


def test_indexes_on_iri_and_name(server, store_path):
    w = cypher.FalkorWriter(server.graph("kg"))
    cypher.push(KgStore(store_path), w)
    cypher.create_schema(w)  # again: "already indexed" is not an error
    idx = w.run("CALL db.indexes() YIELD label, properties RETURN label, properties")
    got = {(r["label"], p) for r in idx for p in r["properties"]}
    for label in propgraph.NODE_LABELS:
        assert (label, "iri") in got and (label, "name") in got


def test_hostile_parameter_changes_nothing(server, store_path):
    w = cypher.FalkorWriter(server.graph("kg"))
    cypher.push(KgStore(store_path), w)
    before = cypher.graph_counts(w)
    assert w.run("MATCH (i:Institution) WHERE i.name = $n OR $n IN i.aliases RETURN i.name AS n", {"n": HOSTILE}) == []
    # as a value written through the push path, it is stored verbatim and deletes nothing
    row = {"label": "Institution", "iri": "urn:kg:test:hostile", "name": HOSTILE, "aliases": [HOSTILE, '"\\\n']}
    cypher.push_rows(w, [row], [])
    assert cypher.graph_counts(w) == (before[0] + 1, before[1])
    got = w.run("MATCH (i:Institution {iri: $iri}) RETURN i.name AS n, i.aliases AS a", {"iri": row["iri"]})
    assert got == [{"n": HOSTILE, "a": [HOSTILE, '"\\\n']}]
    # and through the serverless read path
    cols, rows = cypher.run_cypher("MATCH (i:Institution) WHERE i.name = $n RETURN i.name", {"n": HOSTILE},
                                   store_path)
    assert rows == []
    _, n = cypher.run_cypher("MATCH (n) RETURN count(n) AS c", {}, store_path)
    assert n[0]["c"] == before[0]


def test_labels_types_and_property_names_are_checked():
    bad_label = {"label": "City {iri: 'x'}) DETACH DELETE n //", "iri": "urn:x"}
    with pytest.raises(KgError, match="not a kg label"):
        cypher.push_rows(NoServer(), [bad_label], [], schema=False)
    bad_type = {"type": "KNOWS", "start": "a", "end": "b", "start_label": "City", "end_label": "City"}
    with pytest.raises(KgError, match="not a kg label or relationship type"):
        cypher.push_rows(NoServer(), [], [bad_type], schema=False)
    bad_prop = {"label": "City", "iri": "urn:x", "name} DETACH DELETE n //": "x"}
    with pytest.raises(KgError, match="identifiers"):
        cypher.push_rows(NoServer(), [bad_prop], [], schema=False)


class NoServer:
    """A writer that must never be reached (the checks come first)."""
    flavor = "falkordb"

    def run(self, *a, **k):
        raise AssertionError("a statement was sent")


def test_reads_are_read_only(store_path):
    with pytest.raises(Exception, match="(?i)cypher error"):
        cypher.run_cypher("MATCH (n) DETACH DELETE n", {}, store_path)
    _, rows = cypher.run_cypher("MATCH (n) RETURN count(n) AS c", {}, store_path)
    assert rows[0]["c"] > 0


def test_local_graph_is_reused_and_reloaded_when_store_changes(tmp_path):
    p = tmp_path / "kg-data"
    write_dataset(sample_dataset(), p)
    with cypher.open_local(p) as lg:
        assert lg.reloaded
    assert (default_dir(p) / "dump.rdb").exists()
    with cypher.open_local(p) as lg:
        assert not lg.reloaded, "same store: the graph comes back from dump.rdb"
        n = lg.read("MATCH (n:Article) RETURN count(n) AS c")[0]["c"]
        idx = lg.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
        assert {(r["label"], p) for r in idx for p in r["properties"]} >= {("City", "iri"), ("Official", "name")}
        assert lg.server.redis().keys("kg.loading*") == []
    store = KgStore(p)
    with store.writer() as w:
        w.remove_article("bbbb")
    with cypher.open_local(p) as lg:
        assert lg.reloaded, "store changed: reloaded"
        assert lg.read("MATCH (n:Article) RETURN count(n) AS c")[0]["c"] == n - 1
        assert lg.read("MATCH (c:City {name: '울산광역시'}) RETURN c") == []


def test_kg_cypher_cli_prints_pohang_and_second_call_reuses_the_graph(tmp_path):
    """(Timings of first and second calls on the seed graph, in fresh processes: test_cypher_canned.)"""
    p = tmp_path / "kg-data"
    write_dataset(sample_dataset(), p)
    runner = CliRunner()
    r1 = runner.invoke(main, ["cypher", PARTNER_Q, "--store", str(p)])
    dump = default_dir(p) / "dump.rdb"
    stamp = dump.stat().st_mtime_ns
    r2 = runner.invoke(main, ["cypher", PARTNER_Q, "--store", str(p)])
    assert r1.exit_code == 0, r1.output
    assert r1.stdout.split() == ["c.name", "포항시"] and r2.stdout == r1.stdout
    assert "loading the graph" in r1.stderr and r2.stderr == "", "only the first call loads"
    assert dump.stat().st_mtime_ns == stamp, "the second call reloaded the graph"
    assert not FalkorServer(default_dir(p)).running(), "no server is left behind without --keep"
    r3 = runner.invoke(main, ["cypher", "MATCH (i:Institution) WHERE $n IN i.aliases RETURN i.name AS name",
                              "--param", "n=STEPI", "--format", "json", "--store", str(p), "--keep"])
    assert r3.stdout.strip() == '{"name": "과학기술정책연구원"}'
    assert FalkorServer(default_dir(p)).running()
    r4 = runner.invoke(main, ["cypher", "--stop", "--store", str(p)])
    assert r4.exit_code == 0 and not FalkorServer(default_dir(p)).running()


def test_kg_cypher_without_store_is_a_clear_error(tmp_path):
    r = CliRunner().invoke(main, ["cypher", "RETURN 1", "--store", str(tmp_path / "none")])
    assert r.exit_code != 0 and "kg build" in r.output


def test_kg_push_to_falkordb_uri_is_rejected_without_server(tmp_path, store_path):
    r = CliRunner().invoke(main, ["push", "--uri", "ftp://x", "--store", str(store_path)])
    assert r.exit_code != 0 and "unsupported URI" in r.output


def test_kg_push_to_a_falkordb_uri_twice(tmp_path, store_path):
    port = _free_port()
    with FalkorServer(tmp_path / "ext", port=port) as srv:
        runner = CliRunner()
        uri = f"falkordb://127.0.0.1:{port}"
        r1 = runner.invoke(main, ["push", "--uri", uri, "--store", str(store_path), "--batch-size", "3"])
        assert r1.exit_code == 0, r1.output
        w = cypher.FalkorWriter(srv.graph("kg"))
        counts = cypher.graph_counts(w)
        store = KgStore(store_path)
        assert counts == (len(list(propgraph.iter_nodes(store))), len(list(propgraph.iter_relationships(store))))
        assert f"pushed {counts[0]} nodes and {counts[1]} relationships" in r1.output
        r2 = runner.invoke(main, ["push", "--uri", uri, "--store", str(store_path), "--database", "kg"])
        assert r2.exit_code == 0, r2.output
        assert cypher.graph_counts(w) == counts


def test_credentials_in_the_uri_are_refused():
    with pytest.raises(Exception, match="KG_NEO4J_PASSWORD"):
        cypher.connect("bolt://neo4j:secret@127.0.0.1:7687")


def _free_port() -> int:
    """A free loopback port below 32768 (FalkorDB's BOLT_PORT does not take larger ones)."""
    import random

    for _ in range(100):
        port = random.randrange(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port")


def test_bolt_smoke_against_falkordb_bolt_port(tmp_path):
    """The neo4j-driver code path, on FalkorDB's experimental Bolt port: connect, 5-row push, read."""
    port = _free_port()
    with FalkorServer(tmp_path / "fk", bolt_port=port):
        w = cypher.connect(f"bolt://127.0.0.1:{port}", database="smoke")
        try:
            assert w.flavor == "falkordb"
            nodes = [{"label": "City", "iri": f"urn:kg:smoke:{i}", "name": f"도시{i}", "aliases": [f"c{i}"]}
                     for i in range(5)]
            rels = [{"type": "PARTNERED_WITH", "start": "urn:kg:smoke:0", "end": "urn:kg:smoke:1",
                     "start_label": "City", "end_label": "City", "confidence": 0.5}]
            st = cypher.push_rows(w, nodes, rels, batch_size=5)
            assert (st.nodes, st.relationships) == (5, 1)
            cypher.push_rows(w, nodes, rels, batch_size=5)
            rows = w.run("MATCH (c:City) WHERE $a IN c.aliases RETURN c.name AS name", {"a": "c3"})
            assert rows == [{"name": "도시3"}]
            assert w.run("MATCH ()-[r:PARTNERED_WITH]->() RETURN count(r) AS n") == [{"n": 1}]
        finally:
            w.close()
        # (Checked through Bolt only: after Bolt use, FalkorDB 4.16 stalls new Redis-protocol connections and
        # names the Bolt graph "db" whatever database is asked for: quirks of its experimental Bolt support,
        # which is why kg itself always talks to FalkorDB through the native client.)


def test_push_benchmark_small():
    r = cypher.push_benchmark(2000, 2000, batch_size=500)
    assert r["graph_nodes"] == 2000 and r["graph_relationships"] == 2000 and r["rows_per_s"] > 0


HARD_STRINGS = ["줄\n바꿈\t탭\r", 'q"uote \\ back\\slash', "제어\x01문자\x1f", "\b\f", "글자 그대로 \\u0041 \\n",
                "😀 \u2028", "", "}]) DETACH DELETE n //", "`tick`"]


def test_fast_header_is_used_only_when_exact():
    from kg.cypher_batch import falkordb_header

    assert falkordb_header([["urn:a", "포항시", 0.9, ["a", "b"], None, True]]) == \
        'CYPHER rows=[["urn:a","포항시",0.9,["a","b"],null,true]] '
    assert falkordb_header([["x\ny\t\"z\\"]]) is not None  # escapes FalkorDB decodes
    for s in ("\x01", "\b", "\f", "a\\u0041"):  # escapes it does not: the client's own encoder instead
        assert falkordb_header([[s]]) is None
    assert falkordb_header([[float("nan")]]) is None


def test_hard_strings_round_trip_through_both_encoders(server):
    w = cypher.FalkorWriter(server.graph("kg"))
    nodes = [{"label": "Institution", "iri": f"urn:kg:test:{i}", "name": s, "aliases": [s, "x"]}
             for i, s in enumerate(HARD_STRINGS)]
    rels = [{"type": "PARTNERED_WITH", "start": nodes[i]["iri"], "end": nodes[i + 1]["iri"],
             "start_label": "Institution", "end_label": "Institution", "sentence": s, "confidence": 0.5}
            for i, s in enumerate(HARD_STRINGS[:-1])]
    for batch in (1, 100):  # one value per batch (each takes its own path) and all in one batch (fallback)
        st = cypher.push_rows(w, nodes, rels, batch_size=batch)
        assert (st.nodes, st.relationships) == (len(nodes), len(rels))
        assert cypher.graph_counts(w) == (len(nodes), len(rels))
        got = w.run("MATCH (n:Institution) RETURN n.iri AS iri, n.name AS name, n.aliases AS a ORDER BY iri")
        want = sorted(({"iri": n["iri"], "name": n["name"], "a": n["aliases"]} for n in nodes), key=lambda r: r["iri"])
        assert got == want
        got = w.run("MATCH (a)-[r:PARTNERED_WITH]->(b) RETURN a.iri AS a, r.sentence AS s ORDER BY a")
        assert sorted((r["a"], r["s"]) for r in got) == sorted((r["start"], r["sentence"]) for r in rels)


def test_repush_keeps_properties_a_row_lacks(server):
    w = cypher.FalkorWriter(server.graph("kg"))
    cypher.push_rows(w, [{"label": "City", "iri": "urn:c", "name": "포항시", "level": "시"}], [])
    cypher.push_rows(w, [{"label": "City", "iri": "urn:c", "name": "포항시", "level": None}], [])
    assert w.run("MATCH (c:City) RETURN c.name AS n, c.level AS l") == [{"n": "포항시", "l": "시"}]
