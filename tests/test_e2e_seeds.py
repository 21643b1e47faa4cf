"""End to end on the five seed articles: files -> graph -> canned questions -> Turtle -> SHACL.

Must-contain and must-not-contain checks in the style of trafilatura's real-page fixtures.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from kg.build import build
from kg.canned import run_query
from kg.export_rdf import export
from kg.store import KgStore
from kg.validate import validate_store
from kg.vocab import KG

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

# Places of the weather widgets and names of the sidebar stories: none may enter the graph.
NOT_IN_GRAPH = [
    "속초", "철원", "백령도", "동두천", "대관령", "흑산도", "추풍령", "서귀포",
    "경남마산로봇랜드", "경남로봇랜드재단", "사천시", "전경선", "이미화", "우리토마토농장", "김정용",
    "농촌진흥청", "안호영", "단국대학교", "조명래", "기후에너지환경위원회",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("seedstore") / "kg-data"
    report = build([str(SEEDS)], str(path), progress=False)
    assert report.ok, report.summary()
    s = KgStore(path)
    yield s
    s.close()


def names_in_graph(store) -> set[str]:
    rows = store.query("SELECT DISTINCT ?n WHERE { ?e kg:name|kg:alias ?n }")
    return {r["n"] for r in rows}


def test_partners_of_stepi_is_pohang(store):
    for alias in ("STEPI", "과학기술정책연구원"):
        rows = run_query(store, "partners-of", {"institution": alias})
        assert {r["cityName"] for r in rows} == {"포항시"}, (alias, rows)


def test_policies_targeting_safety(store):
    for theme in ("Safety", "안전"):
        rows = run_query(store, "policies-targeting", {"theme": theme})
        pairs = {(r["policyName"], r.get("adopterName")) for r in rows}
        assert ("스마트 안전도시 포항", "포항시") in pairs, pairs
        assert any("스마트 안전도시 전략" in p and c == "울산광역시" for p, c in pairs), pairs
        # no policy of a city that is only in a sidebar or widget
        assert all(c in (None, "", "포항시", "울산광역시", "오산시", "서울특별시") for _, c in pairs), pairs


def test_nothing_from_widgets_or_sidebars(store):
    names = names_in_graph(store)
    leaked = [bad for bad in NOT_IN_GRAPH if any(bad in n for n in names)]
    assert not leaked, leaked


def test_must_contain_facts(store):
    def has(rel, s, o) -> bool:
        q = f"ASK {{ ?s kg:name ?sn ; kg:{rel} ?o . ?o kg:name|skos:notation ?on }}"
        return bool(store.query(q, {"sn": s, "on": o}))

    assert has("holdsRoleIn", "곽상욱", "오산시")
    assert has("holdsRoleIn", "김두겸", "울산광역시")
    assert has("holdsRoleIn", "오세훈", "서울특별시")
    assert has("holdsRoleIn", "권혁원", "포항시")
    assert has("partneredWith", "포항시", "과학기술정책연구원")
    assert has("adoptedBy", "스마트 안전도시 포항", "포항시")
    assert has("targets", "스마트 안전도시 포항", "Safety")
    assert has("adoptedBy", "IBCA@GB", "경상북도")


def test_event_date_resolved_against_publication(store):
    rows = store.query(
        "SELECT ?n ?d ?cn WHERE { ?e a kg:Event ; kg:name ?n ; kg:date ?d ; kg:organizedBy ?c . ?c kg:name ?cn }",
        {"cn": "포항시"},
    )
    assert any(str(r["d"]) == "2018-01-11" for r in rows), rows


def test_officials_and_titles_are_not_cities(store):
    rows = store.query("SELECT ?n WHERE { ?e a kg:City ; kg:name ?n }")
    cities = {r["n"] for r in rows}
    assert "포항시" in cities and "울산광역시" in cities and "오산시" in cities
    people = {r["n"] for r in store.query("SELECT ?n WHERE { ?e a kg:Official ; kg:name ?n }")}
    assert not cities & people
    assert not any(n.endswith(("시장", "지사", "과장", "교수")) for n in people), people


def test_every_assertion_has_evidence_at_exact_offsets(store):
    rows = store.query(
        """SELECT ?file ?sent ?start ?end WHERE {
             ?a a kg:Assertion ; kg:evidence ?ev .
             ?ev kg:inArticle ?art ; kg:sentence ?sent ; kg:start ?start ; kg:end ?end .
             ?art kg:sourceFile ?file }"""
    )
    assert rows
    texts: dict[str, str] = {}
    for r in rows:
        f = Path(str(r["file"]))
        f = f if f.is_absolute() else (REPO / f)
        text = texts.setdefault(str(f), f.read_text(encoding="utf-8"))
        assert text[int(r["start"]) : int(r["end"])] == str(r["sent"])
    missing = store.query(
        "SELECT ?a WHERE { ?a a kg:Assertion . FILTER NOT EXISTS { ?a kg:evidence ?e } }"
    )
    assert not missing


def test_co_mention_links_are_exactly_the_cities_and_themes_of_each_article(store):
    """kg:coMentionedWith (what themes-of counts) is written in an article's graph for each city and theme that
    article mentions, and nowhere else."""
    got = {(r["g"], r["c"], r["t"]) for r in store.query(
        "SELECT ?g ?c ?t WHERE { GRAPH ?g { ?c kg:coMentionedWith ?t } }")}
    want = {(r["g"], r["c"], r["t"]) for r in store.query(
        "SELECT ?g ?c ?t WHERE { GRAPH ?g { ?c a kg:City ; kg:mentionedIn ?a . ?t a kg:Theme ; kg:mentionedIn ?a } }")}
    assert got == want and len({g for g, _, _ in got}) >= 3
    rows = {r["themeId"]: r for r in run_query(store, "themes-of", {"city": "포항"})}
    pohang = [g for g, c, t in got if c.endswith("/47110") and t.endswith("/Safety")]
    assert rows["Safety"]["articles"] == len(pohang) >= 1


def test_shacl_conforms(store):
    report = validate_store(store)
    assert report.conforms, str(report)[:2000]


def test_turtle_export_parses(store, tmp_path):
    out = tmp_path / "seeds.ttl"
    export(store, "turtle", out)
    g = rdflib.Graph().parse(out, format="turtle")
    assert len(g) > 1000
    assert (None, rdflib.RDF.type, KG.City) in g


def test_rebuild_gives_same_triples(tmp_path):
    path = tmp_path / "kg-data"
    build([str(SEEDS)], str(path), progress=False)
    with KgStore(path) as s:
        first = set(map(str, s.union_triples()))
    report = build([str(SEEDS)], str(path), progress=False)  # nothing changed: nothing re-extracted
    assert report.ok
    build([str(SEEDS)], str(path), progress=False, rebuild=True)  # forced: same triples again
    with KgStore(path) as s:
        again = set(map(str, s.union_triples()))
    assert first == again


def test_query_command_answers_network_question(store):
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(
        main, ["query", "central-institutions", "--param", "top=5", "--format", "json", "--store", str(store.path)]
    )
    assert result.exit_code == 0, result.output
    import json

    rows = json.loads(result.output)
    assert 1 <= len(rows) <= 5
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
    assert all(r["type"] == "Institution" for r in rows)
    assert rows[0]["degree"] >= rows[-1]["degree"]


def test_source_errors_cross_process_boundaries():
    import pickle

    from kg.model import SourceError

    e = pickle.loads(pickle.dumps(SourceError("bad.txt", "empty file")))
    assert (e.where, e.reason, str(e)) == ("bad.txt", "empty file", "bad.txt: empty file")
