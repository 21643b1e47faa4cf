"""Property-graph exports: GraphML (Gephi, yEd, networkx) and the CSV layout ``neo4j-admin database import`` reads.

``export(store, fmt, out)`` with ``fmt`` "graphml" (``out`` is the file) or "neo4j-csv" (``out`` is a folder that
receives ``nodes.csv`` and ``relationships.csv``). ``store`` is a KgStore, an rdflib graph, or an already projected
networkx graph (see :func:`kg.network.to_networkx`). Nodes are keyed by IRI; Korean text is written as UTF-8.

Lists (aliases, roles, evidence) are written as JSON strings in GraphML (its attributes are scalars), and as
``;``-separated arrays in the neo4j CSV (``aliases:string[]``); a ``;`` inside a value becomes ``；`` because
neo4j-admin has no escape for the array delimiter.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from kg.model import KgError
from kg.network import to_networkx

FORMATS = ("graphml", "neo4j-csv")
ARRAY_DELIMITER = ";"

NODE_COLUMNS = [  # (csv header, node attribute); the keys are kg.propgraph's, as in the Cypher graph
    ("iri:ID", None), ("name", "name"), ("aliases:string[]", "aliases"), (":LABEL", "type"),
    ("level", "level"), ("adminCode", "adminCode"), ("roles:string[]", "roles"), ("kind", "kind"),
    ("date:date", "date"), ("place", "place"), ("latitude:float", "latitude"), ("longitude:float", "longitude"),
    ("notation", "notation"), ("nameEn", "nameEn"), ("validFrom:date", "validFrom"), ("validTo:date", "validTo"),
    ("headline", "headline"), ("datePublished:date", "datePublished"), ("outlet", "outlet"), ("url", "url"),
]
REL_COLUMNS = [":START_ID", ":END_ID", ":TYPE", "confidence:float", "roles:string[]", "cues:string[]",
               "sentences:string[]", "articles:string[]"]


def export(store, fmt: str, out: str | Path, *, include_articles: bool = True) -> list[Path]:
    """Write ``store`` as ``fmt`` to ``out``; returns the files written.

    Articles are nodes (label Article, linked by MENTIONED_IN) unless ``include_articles`` is False."""
    if fmt not in FORMATS:
        raise KgError(f"unknown property-graph export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    g = store if isinstance(store, nx.Graph) else to_networkx(store, include_articles=include_articles)
    out = Path(out)
    if fmt == "graphml":
        out.parent.mkdir(parents=True, exist_ok=True)
        write_graphml(g, out)
        return [out]
    return write_neo4j_csv(g, out)


# ---------------------------------------------------------------- GraphML

def _scalar(v: Any) -> Any:
    if isinstance(v, (list, tuple, dict, set)):
        return json.dumps(sorted(v) if isinstance(v, set) else v, ensure_ascii=False)
    return v


def graphml_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose attributes GraphML can hold: no None, lists and dicts as JSON strings."""
    h = nx.MultiDiGraph()
    h.graph["name"] = "kg"
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: _scalar(v) for k, v in d.items() if v is not None})
    for s, o, k, d in g.edges(keys=True, data=True):
        h.add_edge(s, o, key=k, **{a: _scalar(v) for a, v in d.items() if v is not None})
    return h


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    nx.write_graphml(graphml_graph(g), str(path), encoding="utf-8", prettyprint=True, infer_numeric_types=True)


# ---------------------------------------------------------------- neo4j-admin CSV

def _array(values) -> str:
    if values is None:
        return ""
    if isinstance(values, str):
        values = [values]
    return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "；") for v in values if v not in (None, ""))


def _cell(header: str, value: Any) -> str:
    if value is None:
        return ""
    if header.endswith("[]"):
        return _array(value)
    if isinstance(value, (list, tuple)):
        return _array(value)
    return str(value)


def write_neo4j_csv(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """``nodes.csv`` and ``relationships.csv`` for::

        neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
    """
    folder.mkdir(parents=True, exist_ok=True)
    nodes_path, rels_path = folder / "nodes.csv", folder / "relationships.csv"
    with nodes_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([h for h, _ in NODE_COLUMNS])
        for n, d in sorted(g.nodes(data=True)):
            w.writerow([n if attr is None else _cell(h, d.get(attr)) for h, attr in NODE_COLUMNS])
    with rels_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(REL_COLUMNS)
        for s, o, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
            evidence = d.get("evidence", [])
            w.writerow([s, o, d.get("type", k), _cell("", d.get("confidence")), _array(d.get("roles")),
                        _array(d.get("cues")), _array(e.get("sentence") for e in evidence),
                        _array(e.get("article") for e in evidence)])
    return [nodes_path, rels_path]
