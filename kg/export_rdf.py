"""``kg export``: the store's graph as Turtle, N-Triples, JSON-LD or N-Quads; property-graph formats via kg.export_pg.

RDF formats write the union of the article graphs (each distinct triple once) plus, unless
``include_ontology=False``, the ontology and theme scheme. ``nquads`` keeps the named graphs (one per article):
it is a complete, reloadable dump of the store. "graphml" and "neo4j-csv" are handed to
``kg.export_pg.export(store, fmt, out)``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
from rdflib.namespace import RDF

from kg.model import KgError
from kg.store import PREFIX_IRIS, KgStore
from kg.triples import ONTOLOGY_GRAPH
from kg.vocab import ID

RDF_FORMATS = ("turtle", "nt", "jsonld", "nquads")
PG_FORMATS = ("graphml", "neo4j-csv")
FORMATS = RDF_FORMATS + PG_FORMATS
EXTENSIONS = {"turtle": ".ttl", "nt": ".nt", "jsonld": ".jsonld", "nquads": ".nq", "graphml": ".graphml",
              "neo4j-csv": ""}

# Turtle: one prefix per kind of node, so that subjects read as city:47110, article:0ac4…, evidence:…
TURTLE_PREFIXES = dict(PREFIX_IRIS) | {
    kind: str(ID[f"{kind}/"])
    for kind in ("article", "city", "official", "institution", "event", "policy", "evidence", "assertion",
                 "membership", "graph")
}

# JSON-LD context: the kg prefixes, and kg's plain-string properties written as plain JSON strings.
JSONLD_CONTEXT = dict(PREFIX_IRIS)


def _triples(store: KgStore, include_ontology: bool) -> Iterator[ox.Triple]:
    if include_ontology:
        yield from store.union_triples()
        return
    rows = store.ox.query(
        "SELECT DISTINCT ?s ?p ?o ?ontology WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != ?ontology) }",
        substitutions={ox.Variable("ontology"): ox.NamedNode(str(ONTOLOGY_GRAPH))},
    )
    for r in rows:
        yield ox.Triple(r["s"], r["p"], r["o"])


def _sorted(triples) -> list[ox.Triple]:
    """Subjects grouped, in a stable order (readable Turtle, reproducible files)."""
    rdf_type = ox.NamedNode(str(RDF.type))
    return sorted(triples, key=lambda t: (str(t.subject), t.predicate != rdf_type, str(t.predicate), str(t.object)))


def export(store: KgStore, fmt: str, out: str | Path, *, include_ontology: bool = True) -> list[Path]:
    """Write the store in ``fmt`` to ``out`` (a file; a folder for neo4j-csv); return the files written."""
    fmt = fmt.lower()
    if fmt in PG_FORMATS:
        from kg import export_pg  # written by the property-graph part; imported only when asked for

        return export_pg.export(store, fmt, out)
    if fmt not in RDF_FORMATS:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "nquads":
        quads = (q for q in store.ox if include_ontology or q.graph_name != ox.NamedNode(str(ONTOLOGY_GRAPH)))
        ox.serialize(sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))),
                     str(out), format=ox.RdfFormat.N_QUADS)
    elif fmt == "turtle":
        ox.serialize(_sorted(_triples(store, include_ontology)), str(out), format=ox.RdfFormat.TURTLE,
                     prefixes=TURTLE_PREFIXES)
    elif fmt == "nt":
        ox.serialize(_sorted(_triples(store, include_ontology)), str(out), format=ox.RdfFormat.N_TRIPLES)
    else:
        write_jsonld(_triples(store, include_ontology), out)
    return [out]


def write_jsonld(triples, out: Path) -> None:
    """Compact JSON-LD with the kg context (rdflib's serializer: a graph of this size fits in memory)."""
    from rdflib import Graph

    nt = ox.serialize(_sorted(triples), format=ox.RdfFormat.N_TRIPLES)
    g = Graph()
    g.parse(data=nt.decode("utf-8"), format="nt")
    text = g.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True, indent=1, ensure_ascii=False)
    json.loads(text)  # sanity: valid JSON
    out.write_text(text, encoding="utf-8")
