"""The ontology (kg.ttl), theme scheme (themes.ttl) and shapes (shapes.ttl) agree with kg.vocab."""
from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.resources import ontology_dir
from kg.vocab import CLASS_OF, KG, ONTOLOGY_IRI, PROPERTY_OF, THEME

KG_TERMS = {KG[t] for t in KG.__annotations__}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl")


@pytest.fixture(scope="module")
def themes() -> Graph:
    return Graph().parse(ontology_dir() / "themes.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl")


def test_every_vocab_term_is_declared_and_nothing_else(onto):
    declared = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(str(KG._NS))}
    assert declared == KG_TERMS, (sorted(KG_TERMS - declared), sorted(declared - KG_TERMS))


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    desc = " ".join(str(o) for o in onto.objects(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/description")))
    for part in ("/id/{city|official|institution|event|policy}/", "/id/article/", "/id/graph/", "/id/evidence/", "/theme/"):
        assert part in desc


def test_every_term_has_korean_and_english_label_and_comment(onto):
    for t in KG_TERMS:
        for p in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(t, p) if isinstance(o, Literal)}
            assert {"ko", "en"} <= langs, (t, p, langs)


def test_classes_are_aligned(onto):
    for name in ENTITY_TYPES + ("Article", "Evidence", "Assertion", "Membership"):
        cls = KG[name]
        assert (cls, RDF.type, OWL.Class) in onto
        assert list(onto.objects(cls, RDFS.subClassOf)), f"{name} has no superclass in a standard vocabulary"
    assert set(CLASS_OF) == set(ENTITY_TYPES)


def _ends(g: Graph, node) -> set[URIRef]:
    members = g.value(node, OWL.unionOf)
    if members is None:
        return {node}
    return set(g.items(members))


def test_relations_have_domain_and_range(onto):
    assert set(PROPERTY_OF) == set(RELATION_TYPES)
    expected = {
        "holdsRoleIn": ({"Official"}, {"City", "Institution"}),
        "organizedBy": ({"Event"}, {"City", "Institution"}),
        "participant": ({"Event"}, {"City", "Institution", "Official"}),
        "partneredWith": ({"City", "Institution"}, {"City", "Institution"}),
        "hasTheme": ({"Event", "Policy"}, {"Theme"}),
        "adoptedBy": ({"Policy"}, {"City", "Institution"}),
        "targets": ({"Policy"}, {"Theme"}),
        "heldIn": ({"Event"}, {"City"}),
    }
    for rel, (dom, rng) in expected.items():
        p = PROPERTY_OF[rel]
        assert (p, RDF.type, OWL.ObjectProperty) in onto
        assert _ends(onto, onto.value(p, RDFS.domain)) == {KG[d] for d in dom}, rel
        assert _ends(onto, onto.value(p, RDFS.range)) == {KG[r] for r in rng}, rel
    assert (KG.partneredWith, RDF.type, OWL.SymmetricProperty) in onto


def test_datatype_properties_have_ranges(onto):
    for p in onto.subjects(RDF.type, OWL.DatatypeProperty):
        assert onto.value(p, RDFS.range) is not None, p


def test_theme_scheme_has_the_20_themes(themes):
    concepts = set(themes.subjects(RDF.type, KG.Theme))
    assert len(concepts) == 20
    for c in concepts:
        assert str(c).startswith(str(THEME))
        notation = themes.value(c, SKOS.notation)
        assert str(c) == str(THEME[str(notation)])
        assert {o.language for o in themes.objects(c, SKOS.prefLabel)} >= {"ko", "en"}


def test_shapes_use_only_declared_kg_terms(shapes):
    used = {t for t in shapes.all_nodes() if isinstance(t, URIRef) and str(t).startswith(str(KG._NS))}
    assert used and used <= KG_TERMS, sorted(used - KG_TERMS)
    sh_target = URIRef("http://www.w3.org/ns/shacl#targetClass")
    targeted = set(shapes.objects(None, sh_target))
    for name in ENTITY_TYPES + ("Article", "Evidence", "Assertion", "Membership"):
        assert KG[name] in targeted, f"no shape for {name}"


def test_no_ontology_iri_is_spelt_in_code():
    """House rule: code names RDF terms through kg.vocab only (kg/vocab.py is the one exception)."""
    from pathlib import Path

    root = Path(__file__).parents[1] / "kg"
    mine = ["triples.py", "store.py", "build.py", "validate.py", "export_rdf.py", "commands_graph.py", "canned.py", "readonly.py"]
    for name in mine:
        text = (root / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://(w3id\.org|schema\.org|www\.w3\.org)", text), name
