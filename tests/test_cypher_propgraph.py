"""kg.propgraph: the RDF graph (ontology/README.md layout) projected to property-graph rows.

``sample_dataset()`` builds a small graph by hand, exactly as the README says the store holds it (one named graph
per article, direct triples plus reified Assertions with Evidence, Memberships). Other Cypher tests reuse it.
"""
from __future__ import annotations

import hashlib

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg import propgraph
from kg.resources import ontology_dir
from kg.vocab import ID, KG, ORG, SCHEMA, THEME

# rdflib 7 warns about its own use of Dataset.default_context on every lookup of a Dataset
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

POHANG = ID["city/47110"]
ULSAN = ID["city/31000"]
GYEONGBUK = ID["city/47000"]
STEPI = ID["institution/stepi"]
POSTECH = ID["institution/postech"]
LEE = ID["official/lee"]
EVENT = ID["event/forum"]
POL_P = ID["policy/pohang-safety"]
POL_U = ID["policy/ulsan-ai-safety"]
A1, A2 = ID["article/aaaa"], ID["article/bbbb"]


def _h(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]


def _entity(g: Graph, iri, cls, name, art, aliases=()):
    g.add((iri, RDF.type, cls))
    g.add((iri, KG.name, Literal(name)))
    g.add((iri, RDFS.label, Literal(name, lang="ko")))
    for a in aliases:
        g.add((iri, KG.alias, Literal(a)))
    g.add((iri, KG.mentionedIn, art))


def _fact(g: Graph, s, p, o, art, sentence, start, conf=0.9, cue="협약"):
    g.add((s, p, o))
    if p == KG.partneredWith:
        g.add((o, p, s))
    a, ev = ID["assertion/" + _h(s, p, o, art)], ID["evidence/" + _h(s, p, o, art, start)]
    g.add((a, RDF.type, KG.Assertion))
    g.add((a, RDF.subject, s))
    g.add((a, RDF.predicate, p))
    g.add((a, RDF.object, o))
    g.add((a, KG.confidence, Literal(conf, datatype=XSD.decimal)))
    g.add((a, KG.cue, Literal(cue)))
    g.add((a, KG.evidence, ev))
    g.add((a, PROV.wasDerivedFrom, art))
    g.add((ev, RDF.type, KG.Evidence))
    g.add((ev, KG.inArticle, art))
    g.add((ev, KG.sentence, Literal(sentence)))
    g.add((ev, KG.start, Literal(start, datatype=XSD.integer)))
    g.add((ev, KG.end, Literal(start + len(sentence), datatype=XSD.integer)))


def _article(g: Graph, art, headline, day):
    g.add((art, RDF.type, KG.Article))
    g.add((art, SCHEMA.headline, Literal(headline)))
    g.add((art, KG.outlet, Literal("경북일보")))
    g.add((art, SCHEMA.datePublished, Literal(day, datatype=XSD.date)))
    g.add((art, KG.reporter, Literal("홍길동")))
    g.add((art, KG.contentHash, Literal(str(art).rsplit("/", 1)[1])))


def sample_dataset() -> Dataset:
    ds = Dataset(store="Oxigraph", default_union=True)
    onto = ds.graph(ID["graph/ontology"])
    onto.parse(ontology_dir() / "themes.ttl")

    g1 = ds.graph(ID["graph/aaaa"])
    _article(g1, A1, "포항시, 과학기술정책연구원과 스마트 안전도시 협약", "2024-05-02")
    _entity(g1, POHANG, KG.City, "포항시", A1, ["포항"])
    g1.add((POHANG, KG.level, Literal("city")))
    g1.add((POHANG, KG.adminCode, Literal("47110")))
    g1.add((POHANG, KG.latitude, Literal("36.019", datatype=XSD.decimal)))
    g1.add((POHANG, KG.parent, GYEONGBUK))
    _entity(g1, GYEONGBUK, KG.City, "경상북도", A1, ["경북"])
    _entity(g1, STEPI, KG.Institution, "과학기술정책연구원", A1, ["STEPI"])
    _entity(g1, LEE, KG.Official, "이강덕", A1, ["이 시장"])
    g1.add((LEE, KG.role, Literal("포항시장")))
    _entity(g1, EVENT, KG.Event, "스마트 안전도시 포럼", A1)
    g1.add((EVENT, KG.date, Literal("2024-05-01", datatype=XSD.date)))
    _entity(g1, POL_P, KG.Policy, "스마트 안전도시 포항", A1)
    s1 = "포항시는 과학기술정책연구원(STEPI)과 업무협약을 체결했다고 밝혔다."
    _fact(g1, POHANG, KG.partneredWith, STEPI, A1, s1, 40)
    _fact(g1, LEE, KG.holdsRoleIn, POHANG, A1, "이강덕 포항시장은 …", 100, cue="시장")
    m = ID["membership/" + _h(LEE, POHANG)]
    g1.add((m, RDF.type, KG.Membership))
    g1.add((m, ORG.member, LEE))
    g1.add((m, ORG.organization, POHANG))
    g1.add((m, KG.role, Literal("포항시장")))
    g1.add((m, PROV.wasDerivedFrom, A1))
    _fact(g1, EVENT, KG.organizedBy, POHANG, A1, "포항시는 포럼을 개최했다.", 200, cue="개최")
    _fact(g1, EVENT, KG.heldIn, POHANG, A1, "포항시는 포럼을 개최했다.", 200, cue="개최")
    _fact(g1, EVENT, KG.participant, STEPI, A1, "STEPI가 참여했다.", 260, conf=0.7, cue="참여")
    _fact(g1, EVENT, KG.hasTheme, THEME.Safety, A1, "포항시는 포럼을 개최했다.", 200, cue="안전")
    _fact(g1, POL_P, KG.adoptedBy, POHANG, A1, "포항시는 스마트 안전도시 포항을 추진한다.", 300, cue="추진")
    _fact(g1, POL_P, KG.targets, THEME.Safety, A1, "포항시는 스마트 안전도시 포항을 추진한다.", 300, cue="안전")

    g2 = ds.graph(ID["graph/bbbb"])
    _article(g2, A2, "울산시, AI 기반 스마트 안전도시 전략", "2024-06-10")
    _entity(g2, ULSAN, KG.City, "울산광역시", A2, ["울산시", "울산"])
    _entity(g2, POL_U, KG.Policy, "AI 기반 스마트 안전도시 전략", A2)
    _entity(g2, POHANG, KG.City, "포항시", A2, ["포항"])
    _entity(g2, POSTECH, KG.Institution, "포항공과대학교", A2, ["포스텍", "POSTECH"])
    _fact(g2, POL_U, KG.adoptedBy, ULSAN, A2, "울산시는 AI 기반 스마트 안전도시 전략을 발표했다.", 10, cue="발표")
    _fact(g2, POL_U, KG.targets, THEME.Safety, A2, "울산시는 AI 기반 스마트 안전도시 전략을 발표했다.", 10)
    _fact(g2, POL_U, KG.targets, THEME.AI, A2, "울산시는 AI 기반 스마트 안전도시 전략을 발표했다.", 10)
    # the same partnership seen again by a second article, written in the other direction
    _fact(g2, STEPI, KG.partneredWith, POHANG, A2, "STEPI와 포항시는 협력하기로 했다.", 80, conf=0.8)
    _fact(g2, POSTECH, KG.partneredWith, POHANG, A2, "포스텍과 포항시가 손잡았다.", 120)
    return ds


def _by(rows, **kw):
    return [r for r in rows if all(r.get(k) == v for k, v in kw.items())]


def test_nodes_have_label_iri_name_aliases():
    nodes = list(propgraph.iter_nodes(sample_dataset()))
    pohang = _by(nodes, iri=str(POHANG))
    assert len(pohang) == 1, "an entity written by two articles is one node"
    p = pohang[0]
    assert p["label"] == "City" and p["name"] == "포항시" and p["aliases"] == ["포항"]
    assert p["level"] == "city" and p["adminCode"] == "47110" and p["latitude"] == 36.019
    assert _by(nodes, iri=str(STEPI))[0]["aliases"] == ["STEPI"]
    assert _by(nodes, iri=str(LEE))[0]["roles"] == ["포항시장"]
    assert _by(nodes, iri=str(EVENT))[0]["date"] == "2024-05-01"
    art = _by(nodes, iri=str(A1))[0]
    assert art["label"] == "Article" and art["name"].startswith("포항시") and art["datePublished"] == "2024-05-02"
    assert art["reporters"] == ["홍길동"]
    safety = _by(nodes, iri=str(THEME.Safety))[0]
    assert (safety["name"], safety["nameEn"], safety["notation"]) == ("안전", "Safety and disaster management", "Safety")
    assert len(_by(nodes, label="Theme")) == 20
    for n in nodes:
        assert n["label"] in propgraph.NODE_LABELS and n["iri"] and n["name"] and isinstance(n["aliases"], list)


def test_relationships_carry_evidence_and_merge_articles():
    rels = list(propgraph.iter_relationships(sample_dataset()))
    partner = _by(rels, type="PARTNERED_WITH", end=str(STEPI)) + _by(rels, type="PARTNERED_WITH", start=str(STEPI))
    assert len(partner) == 1, "a symmetric fact seen twice, both directions, is one relationship"
    p = partner[0]
    assert p["start"] < p["end"]
    assert p["confidence"] == 0.9 and len(p["sentences"]) == 2 and set(p["articles"]) == {str(A1), str(A2)}
    assert p["sentence"] == p["sentences"][0] and isinstance(p["evidenceStart"], int)
    assert p["articleCount"] == 2
    aligned = ("sentences", "evidenceStarts", "evidenceEnds", "articles", "evidenceConfidences", "evidenceCues",
               "evidenceReversed")
    assert len({len(p[k]) for k in aligned}) == 1
    assert sorted(p["evidenceReversed"]) == [False, True], "one article states it STEPI→포항, the other 포항→STEPI"
    role = _by(rels, type="HOLDS_ROLE_IN")[0]
    assert (role["start_label"], role["end_label"], role["roles"]) == ("Official", "City", ["포항시장"])
    assert len(_by(rels, type="TARGETS")) == 3
    assert _by(rels, type="HAS_THEME")[0]["end_label"] == "Theme"
    assert _by(rels, type="PART_OF") == [{"type": "PART_OF", "start": str(POHANG), "end": str(GYEONGBUK),
                                          "start_label": "City", "end_label": "City"}]
    mentioned = _by(rels, type="MENTIONED_IN", start=str(POHANG))
    assert {m["end"] for m in mentioned} == {str(A1), str(A2)}
    assert {r["type"] for r in rels} == set(propgraph.ALL_REL_TYPES)


def test_rows_are_deterministic():
    ds = sample_dataset()
    assert list(propgraph.iter_nodes(ds)) == list(propgraph.iter_nodes(ds))
    assert list(propgraph.iter_relationships(ds)) == list(propgraph.iter_relationships(ds))


def test_batched():
    assert list(propgraph.batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(propgraph.batched([], 2)) == []


def test_cypher_module_names_the_same_labels_and_types():
    from kg import cypher

    assert cypher.LABELS == tuple(propgraph.NODE_LABELS)
    assert cypher.REL_TYPES == propgraph.ALL_REL_TYPES


def test_kgstore_fast_path_gives_the_same_rows_as_rdflib(tmp_path):
    """On a KgStore propgraph reads pyoxigraph directly; the rows must equal those read through rdflib."""
    from builders import write_dataset

    ds = sample_dataset()
    store = write_dataset(ds, tmp_path / "kg-data")
    key = lambda r: (r.get("label") or r["type"], r.get("iri") or (r["start"], r["end"]))  # noqa: E731
    fast_nodes = sorted(propgraph.iter_nodes(store), key=key)
    slow_nodes = sorted(propgraph.iter_nodes(ds), key=key)
    # the store also holds the ontology (kg.ttl), whose classes are not nodes; themes come from themes.ttl in both
    assert fast_nodes == slow_nodes
    fast_rels = sorted(propgraph.iter_relationships(store), key=key)
    assert fast_rels == sorted(propgraph.iter_relationships(ds), key=key)
    assert all(type(v) in (str, int, float, bool, list) for r in fast_rels + fast_nodes for v in r.values())
