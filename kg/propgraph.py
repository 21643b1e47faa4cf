"""The RDF store seen as a property graph: node rows and relationship rows (labels City, Official, …).

This module only *reads*: it runs SPARQL over the store (``kg.store.KgStore`` or any rdflib ``Graph``/``Dataset``
laid out as ontology/README.md describes) and yields plain dicts. Writers (``kg.cypher`` for FalkorDB/Neo4j, the
viz/export helpers for networkx, GraphML and CSV) consume them.

Public API
----------
``iter_nodes(store, *, page_size=PAGE_SIZE) -> Iterator[dict]``
    One dict per node, flat::

        {"label": "City", "iri": "https://w3id.org/kgkr/id/city/47110", "name": "포항시",
         "aliases": ["포항"], "level": "city", "adminCode": "47110", …}

    ``label`` is one of :data:`NODE_LABELS`; ``iri`` and ``name`` are always present (``name`` falls back to the
    IRI's last segment); ``aliases`` is always a list. Other keys are the entity's literal data, named after the RDF
    property (see :data:`NODE_PROPERTIES`): multi-valued ones are lists (``aliases``, ``roles``, ``reporters``,
    ``cues``), dates are ISO strings (``"2024-05-02"``), decimals floats. Articles use their headline as ``name``.
    Themes: ``name`` is the Korean label, ``nameEn`` the English one, ``notation`` the theme id (``"Safety"``).

``iter_relationships(store, *, page_size=PAGE_SIZE) -> Iterator[dict]``
    One dict per relationship, flat::

        {"type": "ORGANIZED_BY", "start": <event iri>, "end": <city iri>,
         "start_label": "Event", "end_label": "City", "relation": "organizedBy",
         "confidence": 0.9, "cues": ["개최"], "articles": [<article iri>, …],
         "sentence": "…", "evidenceStart": 12, "evidenceEnd": 80, "article": <article iri>,
         "sentences": […], "evidenceStarts": […], "evidenceEnds": […], "evidenceArticles": […],
         "evidenceConfidences": […], "evidenceCues": ["개최", …], "evidenceReversed": [false, …]}

    Types: :data:`REL_TYPES` (one per ontology relation; ``relation`` is the ontology property's name) plus
    ``PART_OF`` (``kg:parent``) and ``MENTIONED_IN`` (entity → Article), which carry no properties.
    A fact asserted by several articles is *one* relationship: ``confidence`` is the highest, ``cues`` and
    ``articles`` (the articles asserting it) are distinct sorted lists, and the ``evidence*`` lists hold one entry
    per (assertion, evidence) pair, aligned by index and sorted by article then offset: the sentence, its
    character offsets, its article, the asserting kg:Assertion's confidence (-1.0 if none) and cues
    (comma-joined), and whether that assertion states the fact end → start (symmetric facts only).
    ``sentence``/``evidenceStart``/``evidenceEnd``/``article`` repeat the first entry. ``HOLDS_ROLE_IN`` also
    carries ``roles`` (titles as written, from the kg:Membership nodes). ``PARTNERED_WITH`` is symmetric: it is
    yielded once per pair, from the smaller IRI to the larger; query it undirected (``-[:PARTNERED_WITH]-``).

``batched(iterable, n)``: lists of up to *n* items (bounded memory for writers).

Memory is bounded: every query is paged (``ORDER BY … LIMIT/OFFSET``) and rows are grouped as they stream.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import islice
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kg.vocab import KG, SCHEMA, sparql_prologue

PAGE_SIZE = 20_000

# property-graph label of each node class
NODE_LABELS = {
    "City": KG.City,
    "Official": KG.Official,
    "Institution": KG.Institution,
    "Event": KG.Event,
    "Policy": KG.Policy,
    "Theme": KG.Theme,
    "Article": KG.Article,
}
LABEL_OF_CLASS = {v: k for k, v in NODE_LABELS.items()}

# relationship type of each ontology relation
REL_TYPES = {
    "HOLDS_ROLE_IN": KG.holdsRoleIn,
    "ORGANIZED_BY": KG.organizedBy,
    "PARTICIPANT": KG.participant,
    "PARTNERED_WITH": KG.partneredWith,
    "HAS_THEME": KG.hasTheme,
    "ADOPTED_BY": KG.adoptedBy,
    "TARGETS": KG.targets,
    "HELD_IN": KG.heldIn,
}
SYMMETRIC_TYPES = frozenset({"PARTNERED_WITH"})
EXTRA_REL_TYPES = ("PART_OF", "MENTIONED_IN")
ALL_REL_TYPES = tuple(REL_TYPES) + EXTRA_REL_TYPES

# RDF property -> (property-graph key, many?) for node data. Anything else is not projected.
NODE_PROPERTIES: dict[URIRef, tuple[str, bool]] = {
    KG.name: ("name", False),
    KG.alias: ("aliases", True),
    KG.role: ("roles", True),
    KG.level: ("level", False),
    KG.adminCode: ("adminCode", False),
    KG.kind: ("kind", False),
    KG.date: ("date", False),
    KG.place: ("place", False),
    KG.latitude: ("latitude", False),
    KG.longitude: ("longitude", False),
    KG.validFrom: ("validFrom", False),
    KG.validTo: ("validTo", False),
    KG.mentionCount: ("mentionCount", False),
    KG.outlet: ("outlet", False),
    KG.reporter: ("reporters", True),
    KG.sourceFile: ("sourceFile", False),
    KG.contentHash: ("contentHash", False),
    KG.cue: ("cues", True),
    SCHEMA.headline: ("headline", False),
    SCHEMA.datePublished: ("datePublished", False),
    SCHEMA.url: ("url", False),
    SKOS.notation: ("notation", False),
    SKOS.altLabel: ("altLabels", True),
}

_P = sparql_prologue()


# ---------------------------------------------------------------------------------------------- store access
def select(store: Any, sparql: str, params: dict | None = None) -> list[dict]:
    """Run a SELECT on a KgStore (``.query(sparql, params) -> list[dict]``) or an rdflib Graph/Dataset.

    Values come back as rdflib terms (or whatever KgStore returns); parameters are bound, never formatted in.
    Oxigraph substitutes bound variables only when they are projected, so every bound variable is in the
    SELECT clause of the queries below.
    """
    params = params or {}
    ds = getattr(store, "dataset", None)  # KgStore: its rdflib view keeps terms typed (language tags, datatypes)
    if isinstance(ds, Graph):
        store = ds
    if isinstance(store, Graph):
        res = store.query(sparql, initBindings=params)
        names = [str(v) for v in res.vars]
        return [{n: row[i] for i, n in enumerate(names) if row[i] is not None} for row in res]
    return [{k: v for k, v in r.items() if v is not None} for r in store.query(sparql, params)]


def _paged(store: Any, sparql: str, params: dict, page_size: int) -> Iterator[dict]:
    """Rows of an ORDER BY query, fetched page by page (the query text must end with its ORDER BY)."""
    offset = 0
    while True:
        page = select(store, f"{sparql}\nLIMIT {int(page_size)} OFFSET {int(offset)}", params)
        yield from page
        if len(page) < page_size:
            return
        offset += page_size


def to_python(term: Any) -> Any:
    """An RDF term as a property value: numbers as int/float, dates as ISO strings, IRIs and strings as str."""
    if isinstance(term, Literal):
        if term.datatype in (XSD.date, XSD.dateTime, XSD.gYear):
            return str(term)
        v = term.toPython()
        if isinstance(v, bool):
            return v
        if isinstance(v, Decimal):
            return float(v)
        if isinstance(v, (int, float)):
            return v
        return str(term)
    return str(term) if term is not None else None


def _local(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


# ---------------------------------------------------------------------------------------------- nodes
_NODE_Q = _P + """
SELECT DISTINCT ?cls ?s ?p ?o WHERE {
  ?s a ?cls ; ?p ?o .
  FILTER(isLiteral(?o))
} ORDER BY ?s ?p ?o"""


def _node_row(label: str, iri: str, triples: list[tuple[Any, Any]]) -> dict:
    row: dict[str, Any] = {"label": label, "iri": iri}
    many: dict[str, list] = {}
    for p, o in triples:
        if p == SKOS.prefLabel:  # themes: Korean label is the name, English one nameEn
            lang = getattr(o, "language", None)
            key = "name" if lang == "ko" else "nameEn" if lang == "en" else None
            if key and key not in row:
                row[key] = str(o)
            continue
        spec = NODE_PROPERTIES.get(p)
        if spec is None:
            continue
        key, is_many = spec
        val = to_python(o)
        if is_many:
            if val not in many.setdefault(key, []):
                many[key].append(val)
        elif key not in row:
            row[key] = val
    row.update(many)
    if label == "Article" and "name" not in row and "headline" in row:
        row["name"] = row["headline"]
    row.setdefault("name", _local(iri))
    row["aliases"] = [a for a in row.get("aliases", []) if a != row["name"]]
    return row


def iter_nodes(store: Any, *, page_size: int = PAGE_SIZE, labels: Iterable[str] | None = None) -> Iterator[dict]:
    """Node rows of every entity and article in the store (see the module doc for their shape)."""
    for label in labels or NODE_LABELS:
        cls = NODE_LABELS[label]
        cur: str | None = None
        acc: list[tuple[Any, Any]] = []
        for r in _paged(store, _NODE_Q, {"cls": cls}, page_size):
            s = str(r["s"])
            if s != cur:
                if cur is not None:
                    yield _node_row(label, cur, acc)
                cur, acc = s, []
            acc.append((r["p"], r["o"]))
        if cur is not None:
            yield _node_row(label, cur, acc)


# ---------------------------------------------------------------------------------------------- relationships
_CLASSES = " ".join(f"<{c}>" for c in NODE_LABELS.values())  # our own vocabulary terms, not user input

_REL_Q = _P + """
SELECT DISTINCT ?pred ?sym ?s ?o ?sc ?oc ?a ?as ?conf ?cue ?ev ?sent ?start ?end ?eart ?aart WHERE {
  ?s ?pred ?o .
  ?s a ?sc . ?o a ?oc .
  VALUES ?sc { %(classes)s }
  VALUES ?oc { %(classes)s }
  %(sym)s
  OPTIONAL {
    ?a rdf:subject ?as ; rdf:predicate ?pred ; rdf:object ?ao .
    FILTER((?as = ?s && ?ao = ?o) || (?sym && ?as = ?o && ?ao = ?s))
    OPTIONAL { ?a kg:confidence ?conf }
    OPTIONAL { ?a kg:cue ?cue }
    OPTIONAL { ?a prov:wasDerivedFrom ?aart }
    OPTIONAL { ?a kg:evidence ?ev .
               OPTIONAL { ?ev kg:sentence ?sent } OPTIONAL { ?ev kg:start ?start }
               OPTIONAL { ?ev kg:end ?end } OPTIONAL { ?ev kg:inArticle ?eart } }
  }
} ORDER BY ?s ?o ?sc ?oc ?a ?ev ?cue"""

_ROLE_Q = _P + """
SELECT DISTINCT ?s ?o ?role WHERE {
  ?m org:member ?s ; org:organization ?o ; kg:role ?role .
} ORDER BY ?s ?o ?role"""

_PARENT_Q = _P + """
SELECT DISTINCT ?s ?o ?sc ?oc WHERE {
  ?s kg:parent ?o . ?s a ?sc . ?o a ?oc .
  VALUES ?sc { %(classes)s }
  VALUES ?oc { %(classes)s }
} ORDER BY ?s ?o ?sc ?oc"""

_MENTION_Q = _P + """
SELECT DISTINCT ?s ?o ?sc WHERE {
  ?s kg:mentionedIn ?o . ?s a ?sc . ?o a kg:Article .
  VALUES ?sc { %(classes)s }
} ORDER BY ?s ?o ?sc"""


def _rel_row(rtype: str, key: tuple, rows: list[dict]) -> dict:
    s, o, sc, oc = key
    row: dict[str, Any] = {
        "type": rtype, "start": s, "end": o,
        "start_label": LABEL_OF_CLASS[sc], "end_label": LABEL_OF_CLASS[oc],
    }
    if rtype in REL_TYPES:
        row["relation"] = _local(str(REL_TYPES[rtype]))
    assertions: dict[str, dict] = {}  # assertion -> {conf, cues, article, reversed, evidence: {ev: (...)}}
    for r in rows:
        if "a" not in r:
            continue
        a = assertions.setdefault(str(r["a"]), {"conf": None, "cues": set(), "evidence": {}, "article": None,
                                                 "reversed": str(r.get("as")) == o and s != o})
        if r.get("conf") is not None:
            a["conf"] = float(to_python(r["conf"]))
        if r.get("cue") is not None:
            a["cues"].add(str(r["cue"]))
        if r.get("aart") is not None:
            a["article"] = str(r["aart"])
        if r.get("ev") is not None:
            a["evidence"][str(r["ev"])] = (
                to_python(r["sent"]) if r.get("sent") is not None else "",
                to_python(r["start"]) if r.get("start") is not None else -1,
                to_python(r["end"]) if r.get("end") is not None else -1,
                str(r["eart"]) if r.get("eart") is not None else "",
            )
    confs = [a["conf"] for a in assertions.values() if a["conf"] is not None]
    if confs:
        row["confidence"] = max(confs)
    cues = sorted(set().union(*(a["cues"] for a in assertions.values()))) if assertions else []
    if cues:
        row["cues"] = cues
    arts = sorted({x for a in assertions.values()
                   for x in ([a["article"]] if a["article"] else [ev[3] for ev in a["evidence"].values()]) if x})
    if arts:
        row["articles"] = arts
    ev_rows = sorted(
        (ev[3] or a["article"] or "", ev[1], airi, ev[0], ev[2], a["conf"], ",".join(sorted(a["cues"])),
         a["reversed"])
        for airi, a in assertions.items() for ev in a["evidence"].values()
    )
    if ev_rows:
        art, start, _, sent, end, _, _, _ = ev_rows[0]
        row.update(sentence=sent, evidenceStart=start, evidenceEnd=end, article=art)
        row["sentences"] = [e[3] for e in ev_rows]
        row["evidenceStarts"] = [e[1] for e in ev_rows]
        row["evidenceEnds"] = [e[4] for e in ev_rows]
        row["evidenceArticles"] = [e[0] for e in ev_rows]
        row["evidenceConfidences"] = [e[5] if e[5] is not None else -1.0 for e in ev_rows]
        row["evidenceCues"] = [e[6] for e in ev_rows]
        row["evidenceReversed"] = [e[7] for e in ev_rows]
    return row


def _iter_fact_rels(store: Any, rtype: str, pred: URIRef, page_size: int) -> Iterator[dict]:
    sym = rtype in SYMMETRIC_TYPES
    q = _REL_Q % {"classes": _CLASSES, "sym": "FILTER(STR(?s) < STR(?o))" if sym else ""}
    params = {"pred": pred, "sym": Literal(sym)}
    cur, acc = None, []
    for r in _paged(store, q, params, page_size):
        key = (str(r["s"]), str(r["o"]), r["sc"], r["oc"])
        if key != cur:
            if cur is not None:
                yield _rel_row(rtype, cur, acc)
            cur, acc = key, []
        acc.append(r)
    if cur is not None:
        yield _rel_row(rtype, cur, acc)


def _roles(store: Any, page_size: int) -> dict[tuple[str, str], list[str]]:
    """(official iri, organisation iri) -> titles. Memberships are few (one per official and post)."""
    out: dict[tuple[str, str], list[str]] = {}
    for r in _paged(store, _ROLE_Q, {}, page_size):
        out.setdefault((str(r["s"]), str(r["o"])), []).append(str(r["role"]))
    return out


def _simple_rels(store: Any, rtype: str, q: str, page_size: int) -> Iterator[dict]:
    for r in _paged(store, q % {"classes": _CLASSES}, {}, page_size):
        yield {"type": rtype, "start": str(r["s"]), "end": str(r["o"]),
               "start_label": LABEL_OF_CLASS[r["sc"]], "end_label": LABEL_OF_CLASS.get(r.get("oc"), "Article")}


def iter_relationships(store: Any, *, page_size: int = PAGE_SIZE,
                       types: Iterable[str] | None = None) -> Iterator[dict]:
    """Relationship rows of every fact, ``kg:parent`` link and mention link (see the module doc)."""
    wanted = list(types or ALL_REL_TYPES)
    roles = _roles(store, page_size) if "HOLDS_ROLE_IN" in wanted else {}
    for rtype, pred in REL_TYPES.items():
        if rtype not in wanted:
            continue
        for row in _iter_fact_rels(store, rtype, pred, page_size):
            if rtype == "HOLDS_ROLE_IN":
                r = roles.get((row["start"], row["end"]))
                if r:
                    row["roles"] = r
            yield row
    if "PART_OF" in wanted:
        yield from _simple_rels(store, "PART_OF", _PARENT_Q, page_size)
    if "MENTIONED_IN" in wanted:
        yield from _simple_rels(store, "MENTIONED_IN", _MENTION_Q, page_size)


# ---------------------------------------------------------------------------------------------- helpers
def batched(iterable: Iterable, n: int) -> Iterator[list]:
    """Lists of up to *n* consecutive items."""
    it = iter(iterable)
    while chunk := list(islice(it, n)):
        yield chunk


def counts(store: Any) -> dict[str, int]:
    """Number of rows per node label and relationship type (a cheap summary for tests and ``kg stats``)."""
    out: dict[str, int] = {}
    for n in iter_nodes(store):
        out[n["label"]] = out.get(n["label"], 0) + 1
    for r in iter_relationships(store):
        out[r["type"]] = out.get(r["type"], 0) + 1
    return out


__all__ = [
    "NODE_LABELS", "REL_TYPES", "ALL_REL_TYPES", "SYMMETRIC_TYPES", "NODE_PROPERTIES",
    "iter_nodes", "iter_relationships", "batched", "counts", "select", "to_python",
]
