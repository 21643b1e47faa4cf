"""``kg validate``: check the store's graph against the SHACL shapes (ontology/shapes.ttl) with pyshacl.

The data graph is the union of the article graphs plus the ontology graph (kg.ttl + themes.ttl, so that
theme concepts and class axioms are there); class membership follows rdfs:subClassOf. Warnings
(facts two articles disagree on) are reported but do not make the graph non-conforming.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF

from kg.resources import ontology_dir
from kg.vocab import SH


@dataclass
class Issue:
    severity: str  # Violation | Warning | Info
    focus: str
    path: str
    value: str
    message: str
    shape: str

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        val = f" = {self.value}" if self.value else ""
        return f"{self.severity}: {self.focus}{where}{val}: {self.message}"


@dataclass
class ValidationReport:
    conforms: bool
    triples: int
    issues: list[Issue] = field(default_factory=list)

    @property
    def violations(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "Violation"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity != "Violation"]

    def summary(self) -> str:
        state = "conforms" if self.conforms else "does NOT conform"
        return (f"the graph ({self.triples} triples) {state} to the kg shapes: "
                f"{len(self.violations)} violations, {len(self.warnings)} warnings")


def shapes_graph() -> Graph:
    return Graph().parse(str(ontology_dir() / "shapes.ttl"), format="turtle")


def graph_of(triples) -> Graph:
    """An in-memory rdflib graph of pyoxigraph triples (via N-Triples, the fastest route)."""
    g = Graph()
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


def validate_graph(data: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    from pyshacl import validate as shacl_validate

    conforms, results, _ = shacl_validate(
        data, shacl_graph=shapes or shapes_graph(), inference="none", allow_warnings=True, advanced=True
    )
    issues = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        def one(p):
            v = results.value(r, p)
            return "" if v is None else str(v)

        issues.append(Issue(
            severity=one(SH.resultSeverity).rsplit("#", 1)[-1],
            focus=one(SH.focusNode), path=one(SH.resultPath), value=one(SH.value),
            message=one(SH.resultMessage), shape=one(SH.sourceShape),
        ))
    issues.sort(key=lambda i: (i.severity != "Violation", i.focus, i.path, i.value))
    return ValidationReport(conforms=bool(conforms), triples=len(data), issues=issues)


def validate_store(store) -> ValidationReport:
    """Validate a :class:`kg.store.KgStore` (its committed graph)."""
    return validate_graph(graph_of(list(store.union_triples())))


def validate_file(path: str | Path) -> ValidationReport:
    """Validate an RDF file (format from the extension)."""
    return validate_graph(Graph().parse(str(path)))
