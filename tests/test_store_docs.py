"""Hand-built Docs for the RDF/store tests (text written for the tests), and tests of kg.triples.

Other test modules import ``sample_doc`` / ``tiny_doc`` from here.
"""
from __future__ import annotations

import hashlib
from datetime import date

from rdflib import Literal
from rdflib import namespace as ns
from rdflib.namespace import RDF

from kg.model import Article, Doc, Entity, Mention, Relation, Sentence
from kg.triples import article_iri, doc_quads, graph_iri
from kg.vocab import ID, KG, THEME

TITLE = "포항시, 과학기술정책연구원과 스마트 안전도시 세미나 개최"
BODY = [
    "포항시는 9일 시청 대회의실에서 과학기술정책연구원(STEPI)과 함께 '포항 스마트 안전도시 세미나'를 개최했다고 밝혔다.",
    "이강덕 포항시장은 이 자리에서 'AI 기반 스마트 안전도시 전략'을 발표했다.",
    "포항시와 STEPI는 재난 안전 분야에서 협력하기로 했다.",
]


def _key(kind: str, name: str) -> str:
    return str(ID[f"{kind}/{hashlib.sha256(name.encode()).hexdigest()[:16]}"])


def _mentions(text: str, surface: str, type_: str, doc_sents: list[Sentence]) -> list[Mention]:
    out, i = [], text.find(surface)
    while i >= 0:
        sent = next((k for k, s in enumerate(doc_sents) if s.start <= i < s.end), -1)
        out.append(Mention(type=type_, text=surface, start=i, end=i + len(surface), sentence=sent))
        i = text.find(surface, i + 1)
    return out


def sample_doc(*, title: str = TITLE, body: list[str] | None = None, source: str = "test/sample.txt",
               published: date | None = date(2024, 7, 9)) -> Doc:
    """A small but complete Doc: every entity type and every relation type, with offsets into the text."""
    body = BODY if body is None else body
    text = "날씨 위젯 서울 23도\n" + title + "\n" + "\n".join(body) + "\n홍길동 기자\n"
    t0 = text.index(title)
    sents, pos = [Sentence(t0, t0 + len(title), title)], t0 + len(title) + 1
    for b in body:
        sents.append(Sentence(pos, pos + len(b), b))
        pos += len(b) + 1
    art = Article(id="sample", text=text, title=title, title_span=(t0, t0 + len(title)),
                  body=[(s.start, s.end) for s in sents[1:]], outlet="테스트일보", published=published,
                  reporters=["홍길동"], url="https://example.org/news/1", source=source)

    def ent(type_, name, iri, aliases=(), surfaces=None, **attrs):
        e = Entity(type=type_, name=name, aliases=list(aliases), attrs=attrs, iri=iri)
        for s in surfaces or [name, *aliases]:
            e.mentions += _mentions(text, s, type_, sents)
        return e

    city = ent("City", "포항시", str(ID["city/47110"]), ["포항"], level="city", adminCode="47110",
               lat=36.019, lon=129.3435)
    prov = ent("City", "경상북도", str(ID["city/47000"]), [], surfaces=[], level="province", adminCode="47000")
    city.attrs["parent"] = "경상북도"
    inst = ent("Institution", "과학기술정책연구원", _key("institution", "과학기술정책연구원"), ["STEPI"], kind="institute")
    off = ent("Official", "이강덕", _key("official", "이강덕"), ["이 시장"], role="포항시장")
    ev = ent("Event", "포항 스마트 안전도시 세미나", _key("event", "포항 스마트 안전도시 세미나"), ["세미나"],
             kind="seminar", date="2024-07-09", place="시청 대회의실")
    pol = ent("Policy", "AI 기반 스마트 안전도시 전략", _key("policy", "AI 기반 스마트 안전도시 전략"))
    safety = ent("Theme", "Safety", str(THEME.Safety), surfaces=["안전"])
    ai = ent("Theme", "AI", str(THEME.AI), surfaces=["AI"])

    def rel(type_, s, o, sent, cue="", conf=0.9):
        sent = min(sent, len(sents) - 1)
        st = sents[sent]
        return Relation(type_, s, o, sentence=sent, start=st.start, end=st.end, confidence=conf, cue=cue)

    rels = [
        rel("holdsRoleIn", off, city, 2, "시장"),
        rel("organizedBy", ev, city, 1, "개최"),
        rel("participant", ev, inst, 1, "함께"),
        rel("partneredWith", inst, city, 3, "협력"),
        rel("partneredWith", city, inst, 1, "함께", 0.7),  # the same fact again, other direction
        rel("hasTheme", ev, safety, 1),
        rel("adoptedBy", pol, city, 2, "발표"),
        rel("targets", pol, safety, 2),
        rel("targets", pol, ai, 2),
        rel("heldIn", ev, city, 1),
    ]
    ents = [city, prov, inst, off, ev, pol, safety, ai]
    return Doc(article=art, sentences=sents, mentions=[m for e in ents for m in e.mentions], entities=ents,
               relations=rels)


def tiny_doc(n: int, *, city_name: str = "오산시", code: str = "41370", source: str | None = None) -> Doc:
    """The n-th of many small distinct Docs (used to make builds big enough to interrupt)."""
    title = f"{city_name} 제{n}회 스마트시티 포럼 개최"
    body = [f"{city_name}는 제{n}회 스마트시티 포럼을 열었다. " + "시민 참여 확대 방안을 논의했다. " * 20]
    text = title + "\n" + body[0]
    sents = [Sentence(0, len(title), title), Sentence(len(title) + 1, len(text), body[0])]
    art = Article(id=f"t{n}", text=text, title=title, title_span=(0, len(title)), body=[(sents[1].start, len(text))],
                  published=date(2024, 1, 1 + n % 28), source=source or f"test/tiny-{n}.txt")
    city = Entity("City", city_name, iri=str(ID[f"city/{code}"]), attrs={"level": "city", "adminCode": code},
                  mentions=_mentions(text, city_name, "City", sents))
    ev_name = f"제{n}회 스마트시티 포럼"
    ev = Entity("Event", ev_name, iri=_key("event", ev_name), attrs={"kind": "forum"},
                mentions=_mentions(text, ev_name, "Event", sents))
    theme = Entity("Theme", "SmartCity", iri=str(THEME.SmartCity), mentions=_mentions(text, "스마트시티", "Theme", sents))
    rels = [Relation("organizedBy", ev, city, 1, sents[1].start, sents[1].end, 0.8, "열었다"),
            Relation("hasTheme", ev, theme, 0, 0, len(title), 0.6)]
    return Doc(article=art, sentences=sents, entities=[city, ev, theme], relations=rels)


# ---------------------------------------------------------------------------------------------------------
# kg.triples


def test_quads_are_in_the_article_graph_and_deterministic():
    doc = sample_doc()
    q1, q2 = doc_quads(doc), doc_quads(sample_doc())
    assert q1 == q2
    assert len(q1) == len(set(q1))
    assert {g for *_, g in q1} == {graph_iri(doc.article.hash)}


def test_quads_follow_the_graph_model():
    doc = sample_doc()
    triples = {(s, p, o) for s, p, o, _ in doc_quads(doc)}
    art = article_iri(doc.article.hash)
    city, inst = ID["city/47110"], doc.entities[2].iri
    assert (art, RDF.type, KG.Article) in triples
    assert (art, KG.contentHash, Literal(doc.article.hash)) in triples
    assert (city, KG.alias, Literal("포항")) in triples
    assert (city, KG.parent, ID["city/47000"]) in triples
    assert (city, KG.latitude, Literal("36.019", datatype=ns.XSD.decimal)) in triples
    # partneredWith: both directions, one assertion with two evidence sentences
    from rdflib import URIRef
    inst = URIRef(inst)
    assert (city, KG.partneredWith, inst) in triples and (inst, KG.partneredWith, city) in triples
    asserts = [s for s, p, o in triples if p == RDF.predicate and o == KG.partneredWith]
    assert len(asserts) == 1
    evs = [o for s, p, o in triples if s == asserts[0] and p == KG.evidence]
    assert len(evs) == 2
    for ev in evs:
        start = next(o for s, p, o in triples if s == ev and p == KG.start).toPython()
        end = next(o for s, p, o in triples if s == ev and p == KG.end).toPython()
        sent = next(o for s, p, o in triples if s == ev and p == KG.sentence)
        assert doc.article.text[start:end] == str(sent)
    # Membership for holdsRoleIn
    assert any(p == KG.role and str(o) == "포항시장" for s, p, o in triples if (s, RDF.type, KG.Membership) in triples)
    # event date typed
    assert any(p == KG.date and o.datatype == ns.XSD.date for s, p, o in triples)


def test_entity_without_iri_is_refused():
    doc = sample_doc()
    doc.entities[0].iri = ""
    try:
        doc_quads(doc)
    except ValueError as e:
        assert "포항시" in str(e)
    else:
        raise AssertionError("expected ValueError")


def test_quads_use_only_declared_terms():
    """Every predicate and class written is a kg term declared in kg.ttl or a standard term kg.ttl aligns to."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import PROV, RDFS

    from kg.resources import ontology_dir
    from kg.vocab import ORG, SCHEMA

    onto = Graph().parse(ontology_dir() / "kg.ttl")
    allowed = {RDF.type, RDF.subject, RDF.predicate, RDF.object, RDFS.label, PROV.wasDerivedFrom, ORG.member,
               ORG.organization, SCHEMA.headline, SCHEMA.datePublished, SCHEMA.url}
    for s, p, o, _ in doc_quads(sample_doc()):
        if str(p).startswith(str(KG._NS)):
            assert (p, None, None) in onto, p
        else:
            assert p in allowed, p
        if p == RDF.type:
            assert isinstance(o, URIRef) and (o, None, None) in onto, o
