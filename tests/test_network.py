"""Network projection and questions, on a small graph written by hand after ontology/README.md.

``sample_dataset()`` is shared with the viz and export tests (``from test_network import sample_dataset``).
The sentences are made up for the tests.
"""
from __future__ import annotations

import hashlib

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.model import KgError
from kg.network import (
    NETWORK_QUERIES, central_institutions, communities, find_entity, shared_partners, shortest_chain, subgraph,
    to_networkx,
)
from kg.vocab import ID, KG, ORG, SCHEMA, THEME


def _h(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


CITIES = {  # name -> (code, lat, lon)
    "포항시": ("47110", 36.019, 129.343),
    "울산광역시": ("31000", 35.538, 129.311),
    "오산시": ("41370", 37.150, 127.077),
    "경주시": ("47130", 35.856, 129.225),
}


def sample_dataset() -> Dataset:
    """Three articles: 포항 and 울산 partner with 한국전자통신연구원 on safety; 오산 plans 4th industrial revolution."""
    ds = Dataset(default_union=True)
    ont = ds.graph(ID["graph/ontology"])
    for tid, ko, en in (("Safety", "안전", "Safety"), ("Industry", "산업", "Industry"), ("Culture", "문화", "Culture")):
        t = THEME[tid]
        ont.add((t, RDF.type, KG.Theme))
        ont.add((t, SKOS.prefLabel, Literal(ko, lang="ko")))
        ont.add((t, SKOS.prefLabel, Literal(en, lang="en")))
        ont.add((t, SKOS.notation, Literal(tid)))

    def article(key: str, title: str, day: str):
        g = ds.graph(ID[f"graph/{key}"])
        art = ID[f"article/{key}"]
        g.add((art, RDF.type, KG.Article))
        g.add((art, SCHEMA.headline, Literal(title)))
        g.add((art, SCHEMA.datePublished, Literal(day, datatype=XSD.date)))
        return g, art

    def entity(g, art, type_: str, name: str, aliases=(), **data):
        if type_ == "City":
            code, lat, lon = CITIES[name]
            e = ID[f"city/{code}"]
            g.add((e, KG.adminCode, Literal(code)))
            g.add((e, KG.latitude, Literal(str(lat), datatype=XSD.decimal)))
            g.add((e, KG.longitude, Literal(str(lon), datatype=XSD.decimal)))
        else:
            e = ID[f"{type_.lower()}/{_h(name)}"]
        g.add((e, RDF.type, getattr(KG, type_)))
        g.add((e, KG.name, Literal(name)))
        g.add((e, RDFS.label, Literal(name, lang="ko")))
        g.add((e, KG.mentionedIn, art))
        for a in aliases:
            g.add((e, KG.alias, Literal(a)))
        for k, v in data.items():
            g.add((e, getattr(KG, k), v if isinstance(v, Literal) else Literal(v)))
        return e

    def fact(g, art, s, prop, o, sentence: str, start: int = 0):
        g.add((s, getattr(KG, prop), o))
        if prop == "partneredWith":
            g.add((o, KG.partneredWith, s))
        a = ID[f"assertion/{_h(str(s), prop, str(o), str(art))}"]
        ev = ID[f"evidence/{_h(str(art), sentence)}"]
        g.add((a, RDF.type, KG.Assertion))
        g.add((a, RDF.subject, s))
        g.add((a, RDF.predicate, getattr(KG, prop)))
        g.add((a, RDF.object, o))
        g.add((a, KG.confidence, Literal("0.9", datatype=XSD.decimal)))
        g.add((a, KG.evidence, ev))
        g.add((a, PROV.wasDerivedFrom, art))
        g.add((ev, RDF.type, KG.Evidence))
        g.add((ev, KG.inArticle, art))
        g.add((ev, KG.sentence, Literal(sentence)))
        g.add((ev, KG.start, Literal(start)))
        g.add((ev, KG.end, Literal(start + len(sentence))))
        for e in (s, o):
            g.add((e, KG.evidence, ev))

    # Article 1: 포항
    g, art = article("a1", "포항시, 안전도시 만들기에 첨단기술 도입", "2024-07-09")
    pohang = entity(g, art, "City", "포항시", ["포항"], level="city")
    etri = entity(g, art, "Institution", "한국전자통신연구원", ["ETRI"], kind="research institute")
    mayor = entity(g, art, "Official", "김철수", role="포항시장")
    forum = entity(g, art, "Event", "포항 안전도시 포럼", kind="forum", date=Literal("2024-07-08", datatype=XSD.date))
    fact(g, art, forum, "organizedBy", pohang, "포항시는 8일 시청에서 안전도시 포럼을 열었다.")
    fact(g, art, forum, "participant", etri, "포럼에는 한국전자통신연구원 연구진이 참석했다.", 40)
    fact(g, art, forum, "heldIn", pohang, "포항시는 8일 시청에서 안전도시 포럼을 열었다.")
    fact(g, art, forum, "hasTheme", THEME.Safety, "포항시는 8일 시청에서 안전도시 포럼을 열었다.")
    fact(g, art, pohang, "partneredWith", etri, "포항시와 한국전자통신연구원은 업무협약을 맺었다.", 80)
    fact(g, art, mayor, "holdsRoleIn", pohang, "김철수 포항시장은 안전이 최우선이라고 말했다.", 120)
    m = ID[f"membership/{_h('김철수', '포항시')}"]
    g.add((m, RDF.type, KG.Membership))
    g.add((m, ORG.member, mayor))
    g.add((m, ORG.organization, pohang))
    g.add((m, KG.role, Literal("포항시장")))

    # Article 2: 울산
    g, art = article("a2", "울산시, 인공지능 기반 안전도시 구축", "2025-11-24")
    ulsan = entity(g, art, "City", "울산광역시", ["울산시", "울산"], level="metropolitan")
    etri = entity(g, art, "Institution", "한국전자통신연구원", ["ETRI"])
    unist = entity(g, art, "Institution", "울산과학기술원", ["UNIST"])
    policy = entity(g, art, "Policy", "AI 안전도시 구축 계획")
    fact(g, art, ulsan, "partneredWith", etri, "울산시는 한국전자통신연구원과 협약을 체결했다.")
    fact(g, art, ulsan, "partneredWith", unist, "울산시는 울산과학기술원과도 손을 잡았다.", 30)
    fact(g, art, policy, "adoptedBy", ulsan, "울산시는 AI 안전도시 구축 계획을 발표했다.", 60)
    fact(g, art, policy, "targets", THEME.Safety, "울산시는 AI 안전도시 구축 계획을 발표했다.", 60)

    # Article 3: 오산, 경주 (separate community)
    g, art = article("a3", "오산시 4차산업혁명 계획 연구 착수", "2019-03-05")
    osan = entity(g, art, "City", "오산시", level="city")
    gyeongju = entity(g, art, "City", "경주시", level="city")
    inst = entity(g, art, "Institution", "오산시정연구원")
    plan = entity(g, art, "Policy", "4차 산업혁명 촉진 계획")
    fact(g, art, plan, "adoptedBy", osan, "오산시는 4차 산업혁명 촉진 계획 수립에 들어갔다.")
    fact(g, art, plan, "targets", THEME.Industry, "오산시는 4차 산업혁명 촉진 계획 수립에 들어갔다.")
    fact(g, art, osan, "partneredWith", inst, "연구는 오산시정연구원이 맡는다.", 50)
    fact(g, art, gyeongju, "partneredWith", inst, "경주시도 오산시정연구원과 공동 연구를 한다.", 90)
    return ds


@pytest.fixture(scope="module")
def g():
    return to_networkx(sample_dataset())


def test_projection_nodes_and_edges(g):
    types = sorted(d["type"] for _, d in g.nodes(data=True))
    assert types.count("City") == 4 and types.count("Institution") == 3 and types.count("Theme") == 2
    # the unused theme (Culture) is left out; partneredWith (stored both ways) is one edge
    assert not any(d["name"] == "문화" for _, d in g.nodes(data=True))
    pohang = find_entity(g, "포항시")
    etri = find_entity(g, "ETRI")
    assert g.number_of_edges(pohang, etri) + g.number_of_edges(etri, pohang) == 1
    node = g.nodes[pohang]
    assert node["label"] == "포항시" and node["aliases"] == ["포항"] and node["latitude"] == pytest.approx(36.019)
    assert any("안전도시 포럼" in e["sentence"] and e["date"] == "2024-07-09" for e in node["evidence"])
    # the same institution written by two articles is one node with both articles
    assert len(g.nodes[etri]["articles"]) == 2
    role_edge = [d for _, _, d in g.out_edges(find_entity(g, "김철수"), data=True)][0]
    assert role_edge["type"] == "HOLDS_ROLE_IN" and role_edge["roles"] == ["포항시장"]
    assert role_edge["evidence"][0]["title"].startswith("포항시")


def test_find_entity_errors(g):
    with pytest.raises(KgError, match="no entity"):
        find_entity(g, "서울특별시")
    with pytest.raises(KgError, match="matches 2 entities"):
        find_entity(g, "연구원")  # substring of two institutions


def test_central_institutions_ranked_with_scores(g):
    rows = central_institutions(g)
    assert [r["name"] for r in rows][0] == "한국전자통신연구원"
    assert rows[0]["rank"] == 1 and rows[0]["degree"] > 0 and rows[0]["betweenness"] > 0
    assert all(r["type"] == "Institution" for r in rows)
    assert [r["degree"] for r in rows] == sorted((r["degree"] for r in rows), reverse=True)


def test_communities_split_the_two_regions(g):
    rows = communities(g)
    groups = [set(r["cities"]) | set(r["institutions"]) for r in rows]
    assert {"오산시", "경주시", "오산시정연구원"} in groups
    assert not any({"포항시", "오산시"} <= grp for grp in groups)
    assert 0 < rows[0]["modularity"] <= 1
    assert communities(g, "louvain")


def test_shortest_chain_with_evidence(g):
    hops = shortest_chain(g, "포항시", "울산광역시")
    assert [h["hop"] for h in hops] == [1, 2]
    assert hops[0]["to"] == "한국전자통신연구원" and hops[0]["relation"] == "PARTNERED_WITH"
    assert all(h["evidence"] for h in hops)
    assert "울산시는 한국전자통신연구원과 협약을 체결했다." in hops[1]["evidence"][0]
    with pytest.raises(KgError, match="no chain"):
        shortest_chain(g, "포항시", "오산시")


def test_shared_partners(g):
    rows = shared_partners(g)
    pairs = {(r["city_a"], r["city_b"]): r["partners"] for r in rows}
    assert pairs[("경주시", "오산시")] == ["오산시정연구원"]
    assert pairs[("울산광역시", "포항시")] == ["한국전자통신연구원"]
    assert ("오산시", "포항시") not in pairs


def test_subgraph_options(g):
    sub = subgraph(g, city="오산시", hops=1)
    names = {d["name"] for _, d in sub.nodes(data=True)}
    assert "오산시" in names and "포항시" not in names
    sub = subgraph(g, theme="Safety", hops=1)
    assert {"포항 안전도시 포럼", "AI 안전도시 구축 계획"} <= {d["name"] for _, d in sub.nodes(data=True)}
    sub = subgraph(g, around="김철수", hops=2)
    assert "포항 안전도시 포럼" in {d["name"] for _, d in sub.nodes(data=True)}


def test_network_queries_registry():
    ds = sample_dataset()
    assert set(NETWORK_QUERIES) >= {"central-institutions", "communities", "shortest-path", "shared-partners"}
    question, fn = NETWORK_QUERIES["central-institutions"]
    assert question.endswith("?") and fn(ds)[0]["name"] == "한국전자통신연구원"
    assert NETWORK_QUERIES["shortest-path"][1](ds, a="김철수", b="ETRI")
