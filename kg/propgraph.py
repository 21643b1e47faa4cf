"""The RDF store seen as a property graph: node rows and relationship rows (labels City, Official, …).

This module only *reads* the store (``kg.store.KgStore`` or any rdflib ``Graph``/``Dataset`` laid out as
ontology/README.md describes) and yields plain dicts. Writers (``kg.cypher`` for FalkorDB/Neo4j, the
viz/export helpers for networkx, GraphML and CSV) consume them.

Public API
----------
``iter_nodes(store, *, labels=None) -> Iterator[dict]``
    One dict per node, flat::

        {"label": "City", "iri": "https://w3id.org/kgkr/id/city/47110", "name": "포항시",
         "aliases": ["포항"], "level": "city", "adminCode": "47110", …}

    ``label`` is one of :data:`NODE_LABELS`; ``iri`` and ``name`` are always present (``name`` falls back to the
    IRI's last segment); ``aliases`` is always a list. Other keys are the entity's literal data, named after the RDF
    property (see :data:`NODE_PROPERTIES`): multi-valued ones are lists (``aliases``, ``roles``, ``reporters``,
    ``cues``), dates are ISO strings (``"2024-05-02"``), decimals floats. Articles use their headline as ``name``.
    Themes: ``name`` is the Korean label, ``nameEn`` the English one, ``notation`` the theme id (``"Safety"``).

``iter_relationships(store, *, types=None) -> Iterator[dict]``
    One dict per relationship, flat::

        {"type": "ORGANIZED_BY", "start": <event iri>, "end": <city iri>,
         "start_label": "Event", "end_label": "City", "relation": "organizedBy",
         "confidence": 0.9, "cues": ["개최"], "articleCount": 2,
         "sentence": "…", "evidenceStart": 12, "evidenceEnd": 80, "article": <article iri>,
         "sentences": […], "evidenceStarts": […], "evidenceEnds": […], "articles": […],
         "evidenceConfidences": […], "evidenceCues": ["개최", …], "evidenceReversed": [false, …]}

    Types: :data:`REL_TYPES` (one per ontology relation; ``relation`` is the ontology property's name) plus
    ``PART_OF`` (``kg:parent``) and ``MENTIONED_IN`` (entity → Article), which carry no properties.
    A fact asserted by several articles is *one* relationship: ``confidence`` is the highest, ``cues`` a distinct
    sorted list, ``articleCount`` the number of distinct articles asserting it, and ``sentences``,
    ``evidenceStarts``, ``evidenceEnds``, ``articles``, ``evidenceConfidences``, ``evidenceCues``,
    ``evidenceReversed`` hold one entry per (assertion, evidence) pair, aligned by index and sorted by article
    then offset: the sentence, its character offsets, its article (so ``articles`` may repeat an article), the
    asserting kg:Assertion's confidence (-1.0 if none) and cues (comma-joined), and whether that assertion states
    the fact end → start (symmetric facts only).
    ``sentence``/``evidenceStart``/``evidenceEnd``/``article`` repeat the first entry. ``HOLDS_ROLE_IN`` also
    carries ``roles`` (titles as written, from the kg:Membership nodes). ``PARTNERED_WITH`` is symmetric: it is
    yielded once per pair, from the smaller IRI to the larger; query it undirected (``-[:PARTNERED_WITH]-``).

``batched(iterable, n)``: lists of up to *n* items (bounded memory for writers).

How it reads: by index lookups on the union graph (pyoxigraph ``quads_for_pattern`` on a KgStore's set-union
default graph; ``Graph.triples`` on rdflib), streaming: the subjects of each class, each node's own triples, each
fact triple and the kg:Assertions touching its object (cached for one object at a time, as facts come grouped by
object). Memory stays bounded by the largest node degree, and the cost is linear in the triples read (sorting
SPARQL results page by page was ~4x slower and grew with the square of the pages). Lists are sorted so that the
rows of a store are always the same.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import islice
import re
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from kg.oxterms import literal_value
from kg.vocab import CLASS_OF, KG, ORG, PROPERTY_OF, SCHEMA

# property-graph label of each node class: the entity classes of kg.vocab, plus Article
NODE_LABELS = {**CLASS_OF, "Article": KG.Article}
LABEL_OF_CLASS = {v: k for k, v in NODE_LABELS.items()}


def _upper_snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


# relationship type of each ontology relation: holdsRoleIn -> HOLDS_ROLE_IN …
REL_TYPES = {_upper_snake(name): prop for name, prop in PROPERTY_OF.items()}
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

# ---------------------------------------------------------------------------------------------- store access
class OxLiteral(str):
    """A literal read straight from pyoxigraph (the fast path): its text plus ``language`` and ``datatype``."""

    __slots__ = ("language", "datatype")

    def __new__(cls, value: str, language: str | None, datatype: str | None):
        obj = super().__new__(cls, value)
        obj.language, obj.datatype = language, datatype
        return obj


def _uri(value: str) -> URIRef:
    """A URIRef for an IRI that Oxigraph has already validated (skips rdflib's check, the hot spot)."""
    return str.__new__(URIRef, value)


def _from_ox(t: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return _uri(t.value)
    if isinstance(t, ox.Literal):
        return OxLiteral(t.value, t.language, t.datatype.value if t.datatype else None)
    return str(t)


def _ox_select(oxstore: Any, sparql: str, params: dict) -> list[dict]:
    import pyoxigraph as ox

    from kg.oxterms import to_ox

    # a KgStore keeps its default graph equal to the set-union of the article graphs: query that (Oxigraph's
    # use_default_graph_as_union is a bag union, whose duplicates multiply through every join)
    res = oxstore.query(sparql, substitutions={ox.Variable(k): to_ox(v) for k, v in params.items()})
    names = [v.value for v in res.variables]
    out = []
    for sol in res:
        row = {}
        for n in names:
            t = sol[n]
            if t is not None:
                row[n] = _from_ox(t)
        out.append(row)
    return out


def select(store: Any, sparql: str, params: dict | None = None) -> list[dict]:
    """Run a SELECT on a KgStore or an rdflib Graph/Dataset; rows map variables to terms (unbound ones left out).

    On a KgStore it queries the underlying pyoxigraph store directly (IRIs as ``URIRef``, literals as
    :class:`OxLiteral`; building rdflib literals costs more than the query); on an rdflib graph, rdflib terms.
    Parameters (rdflib terms) are bound, never formatted in. Oxigraph substitutes bound variables only when
    they are projected, so every bound variable is in the SELECT clause of the queries below.
    """
    params = params or {}
    oxstore = getattr(store, "ox", None)
    if oxstore is not None and not isinstance(store, Graph):
        return _ox_select(oxstore, sparql, params)
    ds = getattr(store, "dataset", None)
    if isinstance(ds, Graph):
        store = ds
    if isinstance(store, Graph):
        res = store.query(sparql, initBindings=params)
        names = [str(v) for v in res.vars]
        return [{n: row[i] for i, n in enumerate(names) if row[i] is not None} for row in res]
    return [{k: v for k, v in r.items() if v is not None} for r in store.query(sparql, params)]


def to_python(term: Any) -> Any:
    """An RDF term as a property value: numbers as int/float, dates as ISO strings, IRIs and strings as str."""
    if isinstance(term, OxLiteral):
        return literal_value(str(term), term.datatype)
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


# ---------------------------------------------------------------------------------------------- triple access
class _Triples:
    """Triple lookups on the store's union graph, as rdflib terms (URIRef, OxLiteral or rdflib Literal)."""

    def __init__(self, store: Any):
        ox_store = getattr(store, "ox", None)
        self.ox = ox_store if ox_store is not None and not isinstance(store, Graph) else None
        self.g = None
        if self.ox is None:
            ds = getattr(store, "dataset", None)
            self.g = ds if isinstance(ds, Graph) else store
            if not isinstance(self.g, Graph):
                raise TypeError(f"not a kg store or rdflib graph: {type(store).__name__}")
        self.unique = self.ox is not None  # a rdflib Dataset over named graphs may repeat a triple per graph

    def triples(self, s: Any = None, p: Any = None, o: Any = None) -> Iterator[tuple]:
        if self.ox is None:
            yield from self.g.triples((s, p, o))
            return
        import pyoxigraph as ox

        from kg.oxterms import to_ox

        pattern = [to_ox(t) if t is not None else None for t in (s, p, o)]
        for q in self.ox.quads_for_pattern(*pattern, ox.DefaultGraph()):
            yield _from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)

    def subjects(self, p: Any, o: Any) -> Iterator[Any]:
        seen: set | None = None if self.unique else set()
        for s, _, _ in self.triples(None, p, o):
            if seen is not None:
                if s in seen:
                    continue
                seen.add(s)
            yield s

    def objects(self, s: Any, p: Any) -> list:
        return sorted({o for _, _, o in self.triples(s, p, None)}, key=str)

    def po(self, s: Any) -> list[tuple]:
        return sorted({(p, o) for _, p, o in self.triples(s, None, None)}, key=lambda t: (str(t[0]), str(t[1])))


# ---------------------------------------------------------------------------------------------- nodes
def _node_row(label: str, iri: str, triples: list[tuple[Any, Any]]) -> dict:
    row: dict[str, Any] = {"label": label, "iri": iri}
    many: dict[str, list] = {}
    for p, o in triples:  # sorted: the first value of a single-valued property is the smallest
        if p == SKOS.prefLabel:  # themes: Korean label is the name, English one nameEn
            lang = getattr(o, "language", None)
            key = "name" if lang == "ko" else "nameEn" if lang == "en" else None
            if key and key not in row:
                row[key] = str(o)
            continue
        spec = NODE_PROPERTIES.get(p)
        if spec is None or not isinstance(o, (Literal, OxLiteral)):
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


def iter_nodes(store: Any, *, labels: Iterable[str] | None = None) -> Iterator[dict]:
    """Node rows of every entity and article in the store (see the module doc for their shape)."""
    t = _Triples(store)
    for label in labels or NODE_LABELS:
        for s in t.subjects(RDF.type, NODE_LABELS[label]):
            if isinstance(s, URIRef):
                yield _node_row(label, str(s), t.po(s))


# ---------------------------------------------------------------------------------------------- relationships
class _Labels:
    """Property-graph label of a node (from its rdf:type), cached for the most recent nodes."""

    def __init__(self, t: _Triples, size: int = 100_000):
        self.t, self.size, self.cache = t, size, {}

    def __call__(self, node: Any) -> str | None:
        if node in self.cache:
            return self.cache[node]
        if len(self.cache) >= self.size:
            self.cache.clear()
        found = sorted(LABEL_OF_CLASS[c] for c in self.t.objects(node, RDF.type) if c in LABEL_OF_CLASS)
        self.cache[node] = lab = found[0] if found else None
        return lab


_A_SUBJECT, _A_OBJECT, _A_PREDICATE = str(RDF.subject), str(RDF.object), str(RDF.predicate)
_A_CONF, _A_CUE, _A_FROM, _A_EVIDENCE = str(KG.confidence), str(KG.cue), str(PROV.wasDerivedFrom), str(KG.evidence)
_E_SENTENCE, _E_START, _E_END, _E_ARTICLE = str(KG.sentence), str(KG.start), str(KG.end), str(KG.inArticle)


def _assertion(t: _Triples, a: Any) -> dict:
    """A kg:Assertion's subject, predicate, object, confidence, cues, article and evidence (sentence, offsets)."""
    info: dict[str, Any] = {"conf": None, "cues": set(), "article": None, "evidence": {}, "s": None, "o": None,
                            "p": None}
    evs = []
    for p, o in t.po(a):  # sorted: where a single value is expected, the smallest wins
        p = str(p)
        if p == _A_SUBJECT:
            info["s"] = info["s"] or o
        elif p == _A_OBJECT:
            info["o"] = info["o"] or o
        elif p == _A_PREDICATE:
            info["p"] = info["p"] or o
        elif p == _A_CONF:
            info["conf"] = info["conf"] if info["conf"] is not None else float(to_python(o))
        elif p == _A_CUE:
            info["cues"].add(str(o))
        elif p == _A_FROM:
            info["article"] = info["article"] or str(o)
        elif p == _A_EVIDENCE:
            evs.append(o)
    for ev in evs:
        d: dict[str, Any] = {}
        for p, o in t.po(ev):
            d.setdefault(str(p), o)
        info["evidence"][str(ev)] = (
            to_python(d[_E_SENTENCE]) if _E_SENTENCE in d else "",
            to_python(d[_E_START]) if _E_START in d else -1,
            to_python(d[_E_END]) if _E_END in d else -1,
            str(d[_E_ARTICLE]) if _E_ARTICLE in d else "",
        )
    return info


class _AssertionsOf:
    """The kg:Assertions of one predicate touching one node (as object, and as subject for symmetric facts),
    keyed by the other end; rebuilt when the node changes."""

    def __init__(self, t: _Triples, pred: URIRef, symmetric: bool):
        self.t, self.pred, self.symmetric = t, pred, symmetric
        self.node, self.by_other = None, {}

    def get(self, node: Any, other: Any) -> dict[str, dict]:
        if node != self.node:
            self.node, self.by_other = node, {}
            roles = [(RDF.object, "s")] + ([(RDF.subject, "o")] if self.symmetric else [])
            for prop, other_key in roles:
                for a in self.t.subjects(prop, node):
                    if not any(True for _ in self.t.triples(a, RDF.predicate, self.pred)):
                        continue
                    info = _assertion(self.t, a)
                    if info["p"] == self.pred and info[other_key] is not None:
                        self.by_other.setdefault(info[other_key], {})[str(a)] = info
        return self.by_other.get(other, {})


def _rel_row(rtype: str, s: str, o: str, sl: str, ol: str, assertions: dict[str, dict]) -> dict:
    row: dict[str, Any] = {"type": rtype, "start": s, "end": o, "start_label": sl, "end_label": ol}
    if rtype in REL_TYPES:
        row["relation"] = _local(str(REL_TYPES[rtype]))
    for a in assertions.values():
        a["reversed"] = str(a["s"]) == o and s != o
    confs = [a["conf"] for a in assertions.values() if a["conf"] is not None]
    if confs:
        row["confidence"] = max(confs)
    cues = sorted(set().union(*(a["cues"] for a in assertions.values()))) if assertions else []
    if cues:
        row["cues"] = cues
    arts = {x for a in assertions.values()
            for x in ([a["article"]] if a["article"] else [ev[3] for ev in a["evidence"].values()]) if x}
    if arts:
        row["articleCount"] = len(arts)
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
        row["articles"] = [e[0] for e in ev_rows]
        row["evidenceConfidences"] = [e[5] if e[5] is not None else -1.0 for e in ev_rows]
        row["evidenceCues"] = [e[6] for e in ev_rows]
        row["evidenceReversed"] = [e[7] for e in ev_rows]
    return row


def _facts(t: _Triples, labels: _Labels, pred: URIRef, symmetric: bool = False) -> Iterator[tuple]:
    """(s, o, start label, end label) of each distinct fact triple between two kg nodes."""
    seen: set | None = None if t.unique else set()
    for s, _, o in t.triples(None, pred, None):
        if not (isinstance(s, URIRef) and isinstance(o, URIRef)):
            continue
        if symmetric and str(o) < str(s):
            s, o = o, s
            if t.unique and any(True for _ in t.triples(s, pred, o)):
                continue  # the other direction is stored too: yield it once, from the smaller IRI
        if seen is not None:
            if (s, o) in seen:
                continue
            seen.add((s, o))
        sl, ol = labels(s), labels(o)
        if sl and ol:
            yield s, o, sl, ol


def _roles(t: _Triples, official: Any, org: Any) -> list[str]:
    """Titles of the kg:Membership nodes of *official* in *org*."""
    out = set()
    for m in t.subjects(ORG.member, official):
        if any(True for _ in t.triples(m, ORG.organization, org)):
            out.update(str(r) for r in t.objects(m, KG.role))
    return sorted(out)


def iter_relationships(store: Any, *, types: Iterable[str] | None = None) -> Iterator[dict]:
    """Relationship rows of every fact, ``kg:parent`` link and mention link (see the module doc)."""
    t = _Triples(store)
    labels = _Labels(t)
    wanted = list(types or ALL_REL_TYPES)
    for rtype, pred in REL_TYPES.items():
        if rtype not in wanted:
            continue
        sym = rtype in SYMMETRIC_TYPES
        cache = _AssertionsOf(t, pred, sym)
        for s, o, sl, ol in _facts(t, labels, pred, sym):
            row = _rel_row(rtype, str(s), str(o), sl, ol, cache.get(o, s))
            if rtype == "HOLDS_ROLE_IN":
                roles = _roles(t, s, o)
                if roles:
                    row["roles"] = roles
            yield row
    for rtype, pred in (("PART_OF", KG.parent), ("MENTIONED_IN", KG.mentionedIn)):
        if rtype in wanted:
            for s, o, sl, ol in _facts(t, labels, pred):
                if rtype == "PART_OF" or ol == "Article":
                    yield {"type": rtype, "start": str(s), "end": str(o), "start_label": sl, "end_label": ol}


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
