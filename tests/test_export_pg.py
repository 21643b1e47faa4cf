"""GraphML and neo4j-admin CSV exports read back: same counts, Korean intact, every relationship end a node."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from kg.export_pg import export
from kg.model import KgError
from kg.network import to_networkx
from test_network import sample_dataset


@pytest.fixture(scope="module")
def ds():
    return sample_dataset()


def test_graphml_round_trip(ds, tmp_path):
    g = to_networkx(ds, include_articles=True)
    [path] = export(ds, "graphml", tmp_path / "out" / "graph.graphml")
    text = path.read_text(encoding="utf-8")
    assert "포항시" in text and "&#" not in text  # Korean written as UTF-8, not as character references
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    iri = next(n for n, d in g.nodes(data=True) if d["name"] == "울산광역시")
    node = back.nodes[iri]
    assert node["label"] == "울산광역시" and node["type"] == "City"
    assert sorted(json.loads(node["aliases"])) == ["울산", "울산시"]
    edge = next(d for _, _, d in back.edges(data=True) if d["type"] == "HOLDS_ROLE_IN")
    assert json.loads(edge["evidence"])[0]["sentence"].startswith("김철수 포항시장")


def test_neo4j_csv_layout(ds, tmp_path):
    g = to_networkx(ds, include_articles=True)
    nodes_path, rels_path = export(ds, "neo4j-csv", tmp_path / "neo4j")
    with nodes_path.open(encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with rels_path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames[:3] == [":START_ID", ":END_ID", ":TYPE"]
        rels = list(reader)
    assert list(nodes[0])[:4] == ["iri:ID", "name", "aliases:string[]", ":LABEL"]
    assert len(nodes) == g.number_of_nodes() and len(rels) == g.number_of_edges()
    ids = {n["iri:ID"] for n in nodes}
    assert len(ids) == len(nodes)
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    ulsan = next(n for n in nodes if n["name"] == "울산광역시")
    assert ulsan[":LABEL"] == "City" and sorted(ulsan["aliases:string[]"].split(";")) == ["울산", "울산시"]
    assert float(ulsan["latitude:float"]) == pytest.approx(35.538)
    assert {r[":TYPE"] for r in rels} >= {"PARTNERED_WITH", "ORGANIZED_BY", "HAS_THEME"}
    facts = [r for r in rels if r[":TYPE"] != "MENTIONED_IN"]
    assert all(r["sentences:string[]"] and r["articles:string[]"] for r in facts)
    assert {n[":LABEL"] for n in nodes} == {"City", "Official", "Institution", "Event", "Policy", "Theme", "Article"}


def test_graph_input_and_bad_format(ds, tmp_path):
    g = to_networkx(ds)
    sub = g.subgraph([n for n, d in g.nodes(data=True) if d["type"] == "City"]).copy()
    [path] = export(sub, "graphml", tmp_path / "cities.graphml")
    assert nx.read_graphml(path).number_of_nodes() == 4
    with pytest.raises(KgError, match="graphml, neo4j-csv"):
        export(ds, "gexf", tmp_path / "x")
