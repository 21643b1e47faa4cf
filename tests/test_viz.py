"""The HTML pages as files: self-contained, escaped, limited; and the `kg viz` / `kg network` commands."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.network import to_networkx
from kg.viz import limit_nodes, write_graph_html
from kg.viz_map import map_payload, write_map_html
from test_network import sample_dataset


@pytest.fixture(scope="module")
def g():
    return to_networkx(sample_dataset())


def synthetic(n: int) -> nx.MultiDiGraph:
    """A star-of-stars graph of ``n`` nodes: a few hubs with many leaves."""
    s = nx.MultiDiGraph(articles={})
    for i in range(n):
        t = "City" if i % 50 == 0 else "Event"
        s.add_node(f"n{i}", name=f"노드{i}", label=f"노드{i}", type=t, aliases=[], articles=[], evidence=[])
    for i in range(1, n):
        s.add_edge(f"n{i}", f"n{(i // 50) * 50}", key="HELD_IN", type="HELD_IN", evidence=[])
    return s


def _data_block(html: str, block: str = "kg-data") -> dict:
    m = re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained(g, tmp_path):
    out = tmp_path / "graph.html"
    meta = write_graph_html(g, out)
    html = out.read_text(encoding="utf-8")
    assert meta["shown_nodes"] == g.number_of_nodes() and not meta["message"]
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=', html)  # nothing loaded from elsewhere
    assert "vis.Network" in html and "window.kgViz" in html
    data = _data_block(html)
    types = {n["type"] for n in data["nodes"]}
    assert types == {"City", "Official", "Institution", "Event", "Policy", "Theme"}
    pohang = next(n for n in data["nodes"] if n["label"] == "포항시")
    assert pohang["evidence"] and pohang["evidence"][0]["title"] and pohang["themes"] == ["Safety"]
    assert {t["id"] for t in data["themes"]} == {"Safety", "Industry"}
    assert {e["label"] for e in data["edges"]} >= {"협력", "주최", "소속"}


def test_article_text_cannot_break_out_of_the_page(g, tmp_path):
    node = next(n for n, d in g.nodes(data=True) if d["name"] == "포항시")
    g2 = g.copy()
    g2.nodes[node]["evidence"] = [{"sentence": "</script><script>alert(1)</script> & <b>", "title": "t",
                                   "date": "2024-01-01"}]
    out = tmp_path / "graph.html"
    write_graph_html(g2, out)
    html = out.read_text(encoding="utf-8")
    assert "alert(1)</script>" not in html
    data = _data_block(html)
    assert next(n for n in data["nodes"] if n["label"] == "포항시")["evidence"][0]["sentence"].startswith("</script>")


def test_limit_keeps_highest_degree_with_message(tmp_path):
    big = synthetic(3000)
    small, msg = limit_nodes(big, 100)
    assert small.number_of_nodes() == 100 and "3,000" in msg and "--max-nodes" in msg
    assert "n0" in small and "n50" in small  # hubs kept
    meta = write_graph_html(big, tmp_path / "big.html", max_nodes=500)
    assert meta["shown_nodes"] == 500 and meta["total_nodes"] == 3000 and meta["message"]
    assert limit_nodes(big, 0)[0] is big


def test_subgraph_options_in_page(g, tmp_path):
    meta = write_graph_html(g, tmp_path / "p.html", city="포항", hops=1)
    data = _data_block((tmp_path / "p.html").read_text(encoding="utf-8"))
    assert "포항시" in {n["label"] for n in data["nodes"]} and "오산시" not in {n["label"] for n in data["nodes"]}
    assert meta["filters"] == {"city": "포항"} and "포항" in meta["title"]


def test_map_payload_places_and_colours_cities(g, tmp_path):
    p = map_payload(g)
    cities = {c["name"]: c for c in p["map"]["cities"]}
    assert set(cities) == {"포항시", "울산광역시", "오산시", "경주시"}
    assert cities["포항시"]["dominant"] == "Safety" and cities["오산시"]["dominant"] == "Industry"
    assert cities["경주시"]["dominant"] == ""
    assert p["map"]["themeLabels"] == {"Industry": "산업", "Safety": "안전"}  # the themes in the graph
    out = tmp_path / "map.html"
    write_map_html(g, out)
    html = out.read_text(encoding="utf-8")
    assert len(_data_block(html, "kg-sgg")["features"]) == 250
    assert len(_data_block(html, "kg-sido")["features"]) == 17
    assert "vuski/admdongkor" in html and out.stat().st_size < 600_000


def test_cli_viz_and_network(tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["viz", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "x.html")])
    assert res.exit_code != 0 and "kg build" in res.output
    for args in (["viz", "--help"], ["network", "central-institutions", "--help"]):
        res = runner.invoke(main, args)
        assert res.exit_code == 0 and "Example" in res.output


@pytest.fixture(scope="module")
def kg_store(tmp_path_factory):
    """The hand-made graph written into a real KgStore (one named graph per article, as kg build does)."""
    from kg.store import KgStore
    from kg.triples import graph_iri

    path = tmp_path_factory.mktemp("store")
    ds = sample_dataset()
    store = KgStore(path)
    with store.writer() as w:
        for key in ("a1", "a2", "a3"):
            gid = graph_iri(key)
            w.replace_article(key, None, [(s, p, o, gid) for s, p, o in ds.graph(gid)])
    return path


def test_cli_on_a_store(kg_store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "graph.html"
    res = runner.invoke(main, ["viz", "--store", str(kg_store), "-o", str(out), "--max-nodes", "5"])
    assert res.exit_code == 0, res.output
    assert "5 nodes" in res.output and "--max-nodes" in res.output and out.exists()
    res = runner.invoke(main, ["viz", "--store", str(kg_store), "--map", "-o", str(tmp_path / "map.html")])
    assert res.exit_code == 0 and "4 cities" in res.output, res.output
    res = runner.invoke(main, ["viz", "--store", str(kg_store), "--around", "없는기관", "-o", str(out)])
    assert res.exit_code != 0 and "no entity named" in res.output

    res = runner.invoke(main, ["network", "central-institutions", "--store", str(kg_store), "--format", "json"])
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert rows[0]["rank"] == 1 and rows[0]["name"] == "한국전자통신연구원" and rows[0]["betweenness"] > 0
    res = runner.invoke(main, ["network", "shortest-path", "포항시", "UNIST", "--store", str(kg_store)])
    assert res.exit_code == 0 and "근거:" in res.output and "울산과학기술원" in res.output, res.output
    res = runner.invoke(main, ["network", "communities", "--store", str(kg_store)])
    assert res.exit_code == 0 and "오산시정연구원" in res.output
    res = runner.invoke(main, ["network", "shared-partners", "--store", str(kg_store)])
    assert res.exit_code == 0 and "한국전자통신연구원" in res.output
