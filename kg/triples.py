"""Write a :class:`kg.model.Doc` as RDF quads in its article's named graph (ontology/README.md).

``doc_quads(doc)`` is pure: the same Doc always gives the same quads (evidence, assertion and membership
IRIs are hashes of their content), so rebuilding an article replaces its graph with identical triples.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg import __version__
from kg.model import SYMMETRIC_RELATIONS, Doc, Entity, Relation
from kg.vocab import CLASS_OF, ID, KG, ORG, PROPERTY_OF, SCHEMA

Quad = tuple[URIRef, URIRef, Any, URIRef]

ONTOLOGY_GRAPH = ID["graph/ontology"]
EXTRACTOR = f"kg {__version__}"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def article_iri(content_hash: str) -> URIRef:
    return ID[f"article/{content_hash}"]


def graph_iri(content_hash: str) -> URIRef:
    """The named graph holding every fact of one article."""
    return ID[f"graph/{content_hash}"]


def hash_of_graph(graph: URIRef | str) -> str | None:
    """Inverse of :func:`graph_iri` (None for the ontology graph or a foreign graph)."""
    prefix = str(ID["graph/"])
    g = str(graph)
    if not g.startswith(prefix) or g == str(ONTOLOGY_GRAPH):
        return None
    return g[len(prefix):]


def _h(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


def evidence_iri(content_hash: str, start: int, end: int, sentence: str) -> URIRef:
    return ID[f"evidence/{_h(content_hash, start, end, sentence)}"]


def assertion_iri(content_hash: str, key: tuple[str, str, str]) -> URIRef:
    return ID[f"assertion/{_h(content_hash, *key)}"]


def membership_iri(official: str, organization: str, role: str) -> URIRef:
    return ID[f"membership/{_h(official, organization, role)}"]


def date_literal(value: Any) -> Literal | None:
    """xsd:date literal of a date or 'YYYY-MM-DD' string; None when missing or invalid."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            date.fromisoformat(value.strip())
        except ValueError:
            return None
        return Literal(value.strip(), datatype=XSD.date)
    return None


def decimal_literal(value: Any) -> Literal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    return Literal(format(d.normalize() if d == d.to_integral() else d, "f"), datatype=XSD.decimal)


def _s(value: Any) -> Literal:
    return Literal(str(value))


def _first(attrs: dict, *keys: str) -> Any:
    for k in keys:
        v = attrs.get(k)
        if v not in (None, "", []):
            return v
    return None


def entity_iri(e: Entity) -> URIRef:
    if not e.iri:
        raise ValueError(f"{e.type} {e.name!r} has no IRI: kg.pipeline.extract sets Entity.iri before writing")
    return URIRef(e.iri)


class _Writer:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.hash = doc.article.hash
        self.g = graph_iri(self.hash)
        self.art = article_iri(self.hash)
        self.quads: dict[Quad, None] = {}  # ordered set
        self.by_name = {(e.type, e.name): e for e in doc.entities if e.iri}

    def add(self, s, p, o) -> None:
        if o is None:
            return
        self.quads[(s, p, o, self.g)] = None

    # -- article -------------------------------------------------------------------------------------------
    def article(self) -> None:
        a, art = self.doc.article, self.art
        self.add(art, RDF.type, KG.Article)
        self.add(art, KG.contentHash, _s(self.hash))
        if a.title:
            self.add(art, SCHEMA.headline, _s(a.title))
        if a.outlet:
            self.add(art, KG.outlet, _s(a.outlet))
        self.add(art, SCHEMA.datePublished, date_literal(a.published))
        for r in a.reporters:
            if r:
                self.add(art, KG.reporter, _s(r))
        if a.url:
            self.add(art, SCHEMA.url, _s(a.url))
        if a.source:
            self.add(art, KG.sourceFile, _s(a.source))

    # -- evidence ------------------------------------------------------------------------------------------
    def sentence_text(self, index: int, start: int, end: int) -> str:
        sents = self.doc.sentences
        if 0 <= index < len(sents):
            return sents[index].text
        i = self.doc.sentence_of(start) if start >= 0 else -1
        if i >= 0:
            return sents[i].text
        text = self.doc.article.text
        return text[start:end] if 0 <= start < end <= len(text) else ""

    def evidence(self, start: int, end: int, sentence: str) -> URIRef | None:
        if start < 0 or end < start:
            return None
        ev = evidence_iri(self.hash, start, end, sentence)
        self.add(ev, RDF.type, KG.Evidence)
        self.add(ev, KG.inArticle, self.art)
        if sentence:
            self.add(ev, KG.sentence, _s(sentence))
        self.add(ev, KG.start, Literal(int(start)))
        self.add(ev, KG.end, Literal(int(end)))
        return ev

    # -- entities ------------------------------------------------------------------------------------------
    def entity(self, e: Entity) -> None:
        node = entity_iri(e)
        cls = CLASS_OF.get(e.type)
        if cls is None:
            raise ValueError(f"unknown entity type {e.type!r} of {e.name!r}")
        self.add(node, RDF.type, cls)
        self.add(node, KG.name, _s(e.name))
        if e.type != "Theme":  # themes carry skos labels in themes.ttl
            self.add(node, RDFS.label, Literal(e.name, lang="ko"))
        for al in e.aliases:
            if al and al != e.name:
                self.add(node, KG.alias, _s(al))
        self.add(node, KG.mentionedIn, self.art)
        getattr(self, f"attrs_{e.type}", lambda *_: None)(node, e)
        for m in e.mentions:
            ev = self.evidence(m.start, m.end, self.sentence_text(m.sentence, m.start, m.end))
            if ev is not None:
                self.add(node, KG.evidence, ev)

    def co_mentions(self) -> None:
        """``city kg:coMentionedWith theme`` for every city and theme this article mentions: one triple in the
        article's graph, so the graphs holding it are the articles that mention both (themes-of counts them
        with one index range instead of joining every article of the city with every entity it mentions)."""
        cities = [entity_iri(e) for e in self.doc.entities if e.type == "City"]
        themes = [entity_iri(e) for e in self.doc.entities if e.type == "Theme"]
        for c in cities:
            for t in themes:
                self.add(c, KG.coMentionedWith, t)

    def ref(self, value: Any, types: Iterable[str]) -> URIRef | None:
        """An IRI for an attribute naming another entity (an IRI already, or the name of one in this Doc)."""
        if value is None:
            return None
        v = str(value)
        if v.startswith(str(ID)):
            return URIRef(v)
        for t in types:
            e = self.by_name.get((t, v))
            if e is not None:
                return URIRef(e.iri)
        return None

    def attrs_City(self, node: URIRef, e: Entity) -> None:
        a = e.attrs
        lvl = _first(a, "level")
        if lvl:
            self.add(node, KG.level, _s(lvl))
        code = _first(a, "adminCode", "admin_code", "code5", "code")
        if code:
            self.add(node, KG.adminCode, _s(code))
        self.add(node, KG.latitude, decimal_literal(_first(a, "lat", "latitude")))
        self.add(node, KG.longitude, decimal_literal(_first(a, "lon", "lng", "longitude")))
        self.city_parent(node, a)

    def city_parent(self, node: URIRef, a: dict) -> None:
        """kg:parent of a district or county: a City of this Doc, or one known only by its code (and name)."""
        name = _first(a, "parent_name", "parent")
        parent = self.ref(_first(a, "parent_iri"), ("City",)) or self.ref(name, ("City",))
        code = _first(a, "parent_code5", "parent_code")
        if parent is None and code:
            from kg.iris import city_iri

            parent = URIRef(city_iri(str(code)))
        if parent is None or parent == node:
            return
        self.add(node, KG.parent, parent)
        if not any(URIRef(e.iri) == parent for e in self.doc.entities if e.iri):
            # not mentioned in the article: typed and named so the link is usable, but no kg:mentionedIn
            self.add(parent, RDF.type, KG.City)
            if name and not str(name).startswith(str(ID)):
                self.add(parent, KG.name, _s(name))
                self.add(parent, RDFS.label, Literal(str(name), lang="ko"))
            if code:
                self.add(parent, KG.adminCode, _s(code))

    def attrs_Official(self, node: URIRef, e: Entity) -> None:
        roles = e.attrs.get("role")
        for r in roles if isinstance(roles, (list, tuple)) else [roles]:
            if r:
                self.add(node, KG.role, _s(r))

    def attrs_Institution(self, node: URIRef, e: Entity) -> None:
        if e.attrs.get("kind"):
            self.add(node, KG.kind, _s(e.attrs["kind"]))
        self.add(node, KG.parent, self.ref(_first(e.attrs, "parent_iri", "parent"), ("Institution", "City")))

    def attrs_Event(self, node: URIRef, e: Entity) -> None:
        if e.attrs.get("kind"):
            self.add(node, KG.kind, _s(e.attrs["kind"]))
        self.add(node, KG.date, date_literal(e.attrs.get("date")))
        if e.attrs.get("place"):
            self.add(node, KG.place, _s(e.attrs["place"]))

    # -- relations -----------------------------------------------------------------------------------------
    def relations(self) -> None:
        groups: dict[tuple[str, str, str], list[Relation]] = {}
        for r in self.doc.relations:
            if r.type not in PROPERTY_OF:
                raise ValueError(f"unknown relation type {r.type!r}")
            entity_iri(r.subject), entity_iri(r.object)
            groups.setdefault(r.key(), []).append(r)
        for key, rels in groups.items():
            self.relation(key, rels)

    def relation(self, key: tuple[str, str, str], rels: list[Relation]) -> None:
        first = rels[0]
        s, o = URIRef(first.subject.iri), URIRef(first.object.iri)
        p = PROPERTY_OF[first.type]
        if first.type in SYMMETRIC_RELATIONS and str(o) < str(s):
            s, o = o, s
        self.add(s, p, o)
        if first.type in SYMMETRIC_RELATIONS:
            self.add(o, p, s)
        asr = assertion_iri(self.hash, key)
        self.add(asr, RDF.type, KG.Assertion)
        self.add(asr, RDF.subject, s)
        self.add(asr, RDF.predicate, p)
        self.add(asr, RDF.object, o)
        conf = max(r.confidence for r in rels)
        self.add(asr, KG.confidence, decimal_literal(round(float(conf), 4)))
        for cue in sorted({r.cue for r in rels if r.cue}):
            self.add(asr, KG.cue, _s(cue))
        self.add(asr, KG.extractedBy, _s(EXTRACTOR))
        self.add(asr, PROV.wasDerivedFrom, self.art)
        for r in rels:
            start, end, index = self.relation_span(r)
            ev = self.evidence(start, end, self.sentence_text(index, start, end))
            if ev is not None:
                self.add(asr, KG.evidence, ev)
        if first.type == "holdsRoleIn":
            self.membership(first.subject, s, o, rels)

    def relation_span(self, r: Relation) -> tuple[int, int, int]:
        """The evidence span of a relation: its own, else its sentence, else the first sentence mentioning both
        ends, else the first sentence mentioning its subject (e.g. a theme found from cue words)."""
        if r.start >= 0 and r.end >= r.start:
            return r.start, r.end, r.sentence
        sents = self.doc.sentences
        if 0 <= r.sentence < len(sents):
            return sents[r.sentence].start, sents[r.sentence].end, r.sentence

        def sentence_ids(e: Entity) -> list[int]:
            ids = [m.sentence if m.sentence >= 0 else self.doc.sentence_of(m.start) for m in e.mentions]
            return sorted({i for i in ids if 0 <= i < len(sents)})

        subj = sentence_ids(r.subject)
        both = sorted(set(subj) & set(sentence_ids(r.object)))
        for ids in (both, subj):
            if ids:
                return sents[ids[0]].start, sents[ids[0]].end, ids[0]
        return -1, -1, -1

    def membership(self, official: Entity, s: URIRef, o: URIRef, rels: list[Relation]) -> None:
        roles = official.attrs.get("role")
        role = (roles[0] if roles else "") if isinstance(roles, (list, tuple)) else (roles or "")
        m = membership_iri(s, o, role)
        self.add(m, RDF.type, KG.Membership)
        self.add(m, ORG.member, s)
        self.add(m, ORG.organization, o)
        if role:
            self.add(m, KG.role, _s(role))
        self.add(m, PROV.wasDerivedFrom, self.art)


def doc_quads(doc: Doc) -> list[Quad]:
    """All quads of one article (its article node, entities, mentions, relations and evidence), in its graph."""
    w = _Writer(doc)
    w.article()
    for e in doc.entities:
        w.entity(e)
    w.co_mentions()
    w.relations()
    return list(w.quads)
