"""Write a :class:`kg.model.Doc` as RDF quads in its article's named graph (ontology/README.md).

``doc_quads(doc)`` is pure: the same Doc always gives the same quads (evidence, assertion and membership
IRIs are hashes of their content), so rebuilding an article replaces its graph with identical triples.
``doc_nt_quads(doc)`` gives the same quads with each term as its N-Triples text: the same writer, making
terms with pyoxigraph (the build's workers write N-Quads from it; making rdflib terms and converting them to
pyoxigraph cost about 3 ms of CPU per article, against 16 ms for its extraction).
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

import pyoxigraph as ox
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


_ID = str(ID)


# IRIs of an article's own nodes: hashes of their content, so a rebuilt article gets the same ones
def _evidence(content_hash: str, start: int, end: int, sentence: str) -> str:
    return f"{_ID}evidence/{_h(content_hash, start, end, sentence)}"


def _assertion(content_hash: str, key: tuple[str, str, str]) -> str:
    return f"{_ID}assertion/{_h(content_hash, *key)}"


def _membership(official: str, organization: str, role: str) -> str:
    return f"{_ID}membership/{_h(official, organization, role)}"


def _date_text(value: Any) -> str | None:
    """'YYYY-MM-DD' of a date or date string; None when missing or invalid."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            date.fromisoformat(value.strip())
        except ValueError:
            return None
        return value.strip()
    return None


def _decimal_text(value: Any) -> str | None:
    """The xsd:decimal lexical form of a number; None when missing or not a finite number."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    return format(d.normalize() if d == d.to_integral() else d, "f")


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


# The vocabulary the writer uses, by short name (a DefinedNamespace attribute makes a new URIRef on every
# access, and the writer adds about 330 quads per article).
_VOCAB = {
    "type": RDF.type, "label": RDFS.label, "subject": RDF.subject, "predicate": RDF.predicate,
    "object": RDF.object, "derived": PROV.wasDerivedFrom, "member": ORG.member, "organization": ORG.organization,
    "headline": SCHEMA.headline, "datePublished": SCHEMA.datePublished, "url": SCHEMA.url,
    "Article": KG.Article, "Evidence": KG.Evidence, "Assertion": KG.Assertion, "Membership": KG.Membership,
    "City": KG.City, "contentHash": KG.contentHash, "outlet": KG.outlet, "reporter": KG.reporter,
    "sourceFile": KG.sourceFile, "inArticle": KG.inArticle, "sentence": KG.sentence, "start": KG.start,
    "end": KG.end, "name": KG.name, "alias": KG.alias, "mentionedIn": KG.mentionedIn, "evidence": KG.evidence,
    "coMentionedWith": KG.coMentionedWith, "level": KG.level, "adminCode": KG.adminCode,
    "latitude": KG.latitude, "longitude": KG.longitude, "parent": KG.parent, "role": KG.role, "kind": KG.kind,
    "date": KG.date, "place": KG.place, "confidence": KG.confidence, "cue": KG.cue,
    "extractedBy": KG.extractedBy,
}
_XSD_INTEGER, _XSD_DATE, _XSD_DECIMAL = str(XSD.integer), str(XSD.date), str(XSD.decimal)


class _Terms:
    """How the writer makes RDF terms: rdflib (``doc_quads``) or N-Triples text made by pyoxigraph
    (``doc_nt_quads``). Vocabulary terms are made once, as attributes named as in ``_VOCAB``. ``iri`` caches the
    IRIs that repeat across articles (entities, memberships); ``own_iri`` makes those of an article's own nodes
    (its graph, article, evidence and assertions), which no other article uses, without filling the cache."""

    def __init__(self, iri, plain, typed, lang):
        self._iri, self.plain, self.typed, self.lang = iri, plain, typed, lang
        self.own_iri = iri
        self._cache: dict[str, Any] = {}
        for short, term in _VOCAB.items():
            setattr(self, short, iri(str(term)))
        self.cls = {t: iri(str(c)) for t, c in CLASS_OF.items()}
        self.prop = {t: iri(str(p)) for t, p in PROPERTY_OF.items()}
        self.extractor = plain(EXTRACTOR)

    def iri(self, value: str) -> Any:
        t = self._cache.get(value)
        if t is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            t = self._cache[value] = self._iri(value)
        return t

    def integer_of(self, value: int) -> Any:
        return self.typed(str(int(value)), _XSD_INTEGER)

    def date_of(self, value: Any) -> Any:
        text = _date_text(value)
        return None if text is None else self.typed(text, _XSD_DATE)

    def decimal_of(self, value: Any) -> Any:
        text = _decimal_text(value)
        return None if text is None else self.typed(text, _XSD_DECIMAL)


_RDFLIB = _Terms(URIRef, Literal, lambda text, dt: Literal(text, datatype=URIRef(dt)),
                 lambda text, tag: Literal(text, lang=tag))
# Terms as their N-Triples text, made by pyoxigraph (so IRIs are checked and literals escaped exactly as its
# serializer does): the build's workers write an article's N-Quads from these without making any term objects.
_NT = _Terms(lambda iri: str(ox.NamedNode(iri)), lambda text: str(ox.Literal(text)),
             lambda text, dt: str(ox.Literal(text, datatype=ox.NamedNode(dt))),
             lambda text, tag: str(ox.Literal(text, language=tag)))


class _Writer:
    def __init__(self, doc: Doc, terms: _Terms):
        self.doc = doc
        self.t = terms
        self.hash = doc.article.hash
        self.g = terms.own_iri(str(graph_iri(self.hash)))
        self.art = terms.own_iri(str(article_iri(self.hash)))
        self.quads: dict[tuple, None] = {}  # ordered set
        self.by_name = {(e.type, e.name): e for e in doc.entities if e.iri}

    def add(self, s, p, o) -> None:
        if o is None:
            return
        self.quads[(s, p, o, self.g)] = None

    def lit(self, value: Any) -> Any:
        return self.t.plain(str(value))

    # -- article -------------------------------------------------------------------------------------------
    def article(self) -> None:
        a, art, t = self.doc.article, self.art, self.t
        self.add(art, t.type, t.Article)
        self.add(art, t.contentHash, self.lit(self.hash))
        if a.title:
            self.add(art, t.headline, self.lit(a.title))
        if a.outlet:
            self.add(art, t.outlet, self.lit(a.outlet))
        self.add(art, t.datePublished, t.date_of(a.published))
        for r in a.reporters:
            if r:
                self.add(art, t.reporter, self.lit(r))
        if a.url:
            self.add(art, t.url, self.lit(a.url))
        if a.source:
            self.add(art, t.sourceFile, self.lit(a.source))

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

    def evidence(self, start: int, end: int, sentence: str) -> Any:
        if start < 0 or end < start:
            return None
        t = self.t
        ev = t.own_iri(_evidence(self.hash, start, end, sentence))
        self.add(ev, t.type, t.Evidence)
        self.add(ev, t.inArticle, self.art)
        if sentence:
            self.add(ev, t.sentence, self.lit(sentence))
        self.add(ev, t.start, t.integer_of(start))
        self.add(ev, t.end, t.integer_of(end))
        return ev

    # -- entities ------------------------------------------------------------------------------------------
    def entity(self, e: Entity) -> None:
        t = self.t
        node = t.iri(str(entity_iri(e)))
        cls = t.cls.get(e.type)
        if cls is None:
            raise ValueError(f"unknown entity type {e.type!r} of {e.name!r}")
        self.add(node, t.type, cls)
        self.add(node, t.name, self.lit(e.name))
        if e.type != "Theme":  # themes carry skos labels in themes.ttl
            self.add(node, t.label, t.lang(e.name, "ko"))
        for al in e.aliases:
            if al and al != e.name:
                self.add(node, t.alias, self.lit(al))
        self.add(node, t.mentionedIn, self.art)
        getattr(self, f"attrs_{e.type}", lambda *_: None)(node, e)
        for m in e.mentions:
            ev = self.evidence(m.start, m.end, self.sentence_text(m.sentence, m.start, m.end))
            if ev is not None:
                self.add(node, t.evidence, ev)

    def co_mentions(self) -> None:
        """``city kg:coMentionedWith theme`` for every city and theme this article mentions: one triple in the
        article's graph, so the graphs holding it are the articles that mention both (themes-of counts them
        with one index range instead of joining every article of the city with every entity it mentions)."""
        t = self.t
        cities = [t.iri(str(entity_iri(e))) for e in self.doc.entities if e.type == "City"]
        themes = [t.iri(str(entity_iri(e))) for e in self.doc.entities if e.type == "Theme"]
        for c in cities:
            for th in themes:
                self.add(c, t.coMentionedWith, th)

    def ref(self, value: Any, types: Iterable[str]) -> str | None:
        """The IRI of an attribute naming another entity (an IRI already, or the name of one in this Doc)."""
        if value is None:
            return None
        v = str(value)
        if v.startswith(_ID):
            return v
        for t in types:
            e = self.by_name.get((t, v))
            if e is not None:
                return e.iri
        return None

    def attrs_City(self, node: Any, e: Entity) -> None:
        a, t = e.attrs, self.t
        lvl = _first(a, "level")
        if lvl:
            self.add(node, t.level, self.lit(lvl))
        code = _first(a, "adminCode", "admin_code", "code5", "code")
        if code:
            self.add(node, t.adminCode, self.lit(code))
        self.add(node, t.latitude, t.decimal_of(_first(a, "lat", "latitude")))
        self.add(node, t.longitude, t.decimal_of(_first(a, "lon", "lng", "longitude")))
        self.city_parent(node, e)

    def city_parent(self, node: Any, e: Entity) -> None:
        """kg:parent of a district or county: a City of this Doc, or one known only by its code (and name)."""
        a, t = e.attrs, self.t
        name = _first(a, "parent_name", "parent")
        parent = self.ref(_first(a, "parent_iri"), ("City",)) or self.ref(name, ("City",))
        code = _first(a, "parent_code5", "parent_code")
        if parent is None and code:
            from kg.iris import city_iri

            parent = str(city_iri(str(code)))
        if parent is None or parent == e.iri:
            return
        p = t.iri(parent)
        self.add(node, t.parent, p)
        if not any(x.iri == parent for x in self.doc.entities if x.iri):
            # not mentioned in the article: typed and named so the link is usable, but no kg:mentionedIn
            self.add(p, t.type, t.City)
            if name and not str(name).startswith(_ID):
                self.add(p, t.name, self.lit(name))
                self.add(p, t.label, t.lang(str(name), "ko"))
            if code:
                self.add(p, t.adminCode, self.lit(code))

    def attrs_Official(self, node: Any, e: Entity) -> None:
        roles = e.attrs.get("role")
        for r in roles if isinstance(roles, (list, tuple)) else [roles]:
            if r:
                self.add(node, self.t.role, self.lit(r))

    def attrs_Institution(self, node: Any, e: Entity) -> None:
        t = self.t
        if e.attrs.get("kind"):
            self.add(node, t.kind, self.lit(e.attrs["kind"]))
        parent = self.ref(_first(e.attrs, "parent_iri", "parent"), ("Institution", "City"))
        if parent is not None:
            self.add(node, t.parent, t.iri(parent))

    def attrs_Event(self, node: Any, e: Entity) -> None:
        t = self.t
        if e.attrs.get("kind"):
            self.add(node, t.kind, self.lit(e.attrs["kind"]))
        self.add(node, t.date, t.date_of(e.attrs.get("date")))
        if e.attrs.get("place"):
            self.add(node, t.place, self.lit(e.attrs["place"]))

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
        t = self.t
        first = rels[0]
        s_iri, o_iri = first.subject.iri, first.object.iri
        if first.type in SYMMETRIC_RELATIONS and o_iri < s_iri:
            s_iri, o_iri = o_iri, s_iri
        s, o, p = t.iri(s_iri), t.iri(o_iri), t.prop[first.type]
        self.add(s, p, o)
        if first.type in SYMMETRIC_RELATIONS:
            self.add(o, p, s)
        asr = t.own_iri(_assertion(self.hash, key))
        self.add(asr, t.type, t.Assertion)
        self.add(asr, t.subject, s)
        self.add(asr, t.predicate, p)
        self.add(asr, t.object, o)
        conf = max(r.confidence for r in rels)
        self.add(asr, t.confidence, t.decimal_of(round(float(conf), 4)))
        for cue in sorted({r.cue for r in rels if r.cue}):
            self.add(asr, t.cue, self.lit(cue))
        self.add(asr, t.extractedBy, t.extractor)
        self.add(asr, t.derived, self.art)
        for r in rels:
            start, end, index = self.relation_span(r)
            ev = self.evidence(start, end, self.sentence_text(index, start, end))
            if ev is not None:
                self.add(asr, t.evidence, ev)
        if first.type == "holdsRoleIn":
            self.membership(first.subject, s_iri, o_iri)

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

    def membership(self, official: Entity, s_iri: str, o_iri: str) -> None:
        t = self.t
        roles = official.attrs.get("role")
        role = (roles[0] if roles else "") if isinstance(roles, (list, tuple)) else (roles or "")
        m = t.iri(_membership(s_iri, o_iri, role))
        self.add(m, t.type, t.Membership)
        self.add(m, t.member, t.iri(s_iri))
        self.add(m, t.organization, t.iri(o_iri))
        if role:
            self.add(m, t.role, self.lit(role))
        self.add(m, t.derived, self.art)


def _write(doc: Doc, terms: _Terms) -> list[tuple]:
    w = _Writer(doc, terms)
    w.article()
    for e in doc.entities:
        w.entity(e)
    w.co_mentions()
    w.relations()
    return list(w.quads)


def doc_quads(doc: Doc) -> list[Quad]:
    """All quads of one article (its article node, entities, mentions, relations and evidence), in its graph."""
    return _write(doc, _RDFLIB)


def doc_nt_quads(doc: Doc) -> list[tuple[str, str, str, str]]:
    """:func:`doc_quads` with each term in its N-Triples form (``<iri>``, ``"text"@ko``, ``"5"^^<…#integer>``)."""
    return _write(doc, _NT)
