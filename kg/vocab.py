"""The one place where kg's RDF terms are named.

Code never writes an IRI as a string: it uses ``KG.City``, ``KG.partneredWith``, ``SCHEMA.headline`` …
``KG`` is a closed :class:`rdflib.namespace.DefinedNamespace`, so a misspelt term fails at import/use time.

Base IRI (documented in ontology/kg.ttl and the README): ``https://w3id.org/kgkr/``

- ontology terms   ``https://w3id.org/kgkr/ontology#City``
- theme concepts   ``https://w3id.org/kgkr/theme/Safety``
- entities         ``https://w3id.org/kgkr/id/{city|official|institution|event|policy}/<key>``
- articles         ``https://w3id.org/kgkr/id/article/<content-hash>``
- evidence         ``https://w3id.org/kgkr/id/evidence/<hash>``, assertions ``…/id/assertion/<hash>``
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/kgkr/"
ONTOLOGY_IRI = URIRef(BASE + "ontology")
GRAPH_IRI = URIRef(BASE + "graph")  # the fixed identifier of the data graph in the store


class KG(DefinedNamespace):
    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    City: URIRef
    Official: URIRef
    Institution: URIRef
    Event: URIRef
    Policy: URIRef
    Theme: URIRef
    Article: URIRef
    Evidence: URIRef
    Assertion: URIRef
    Membership: URIRef

    # relations between entities
    holdsRoleIn: URIRef
    organizedBy: URIRef
    participant: URIRef
    partneredWith: URIRef
    hasTheme: URIRef
    adoptedBy: URIRef
    targets: URIRef
    heldIn: URIRef

    # entity data
    name: URIRef
    alias: URIRef
    level: URIRef
    adminCode: URIRef
    parent: URIRef
    role: URIRef
    kind: URIRef
    date: URIRef
    place: URIRef
    latitude: URIRef
    longitude: URIRef
    validFrom: URIRef
    validTo: URIRef
    cue: URIRef
    mentionedIn: URIRef
    coMentionedWith: URIRef
    mentionCount: URIRef

    # articles and evidence
    outlet: URIRef
    reporter: URIRef
    sourceFile: URIRef
    contentHash: URIRef
    evidence: URIRef
    inArticle: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    confidence: URIRef
    extractedBy: URIRef


THEME = Namespace(BASE + "theme/")
ID = Namespace(BASE + "id/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SH = Namespace("http://www.w3.org/ns/shacl#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
WD = Namespace("http://www.wikidata.org/entity/")

# Entity type name (as in GUIDELINES.md) -> class, and relation name -> property.
CLASS_OF = {
    "City": KG.City,
    "Official": KG.Official,
    "Institution": KG.Institution,
    "Event": KG.Event,
    "Policy": KG.Policy,
    "Theme": KG.Theme,
}
TYPE_OF_CLASS = {v: k for k, v in CLASS_OF.items()}
PROPERTY_OF = {
    "holdsRoleIn": KG.holdsRoleIn,
    "organizedBy": KG.organizedBy,
    "participant": KG.participant,
    "partneredWith": KG.partneredWith,
    "hasTheme": KG.hasTheme,
    "adoptedBy": KG.adoptedBy,
    "targets": KG.targets,
    "heldIn": KG.heldIn,
}
RELATION_OF_PROPERTY = {v: k for k, v in PROPERTY_OF.items()}

PREFIXES = {
    "kg": KG._NS,
    "theme": THEME,
    "kgid": ID,
    "schema": SCHEMA,
    "org": ORG,
    "sem": SEM,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "sh": SH,
    "foaf": FOAF,
    "wd": WD,
}


def bind_prefixes(graph) -> None:
    for p, ns in PREFIXES.items():
        graph.bind(p, ns, override=True)


def sparql_prologue() -> str:
    """PREFIX lines for SPARQL text, built from PREFIXES (so queries never spell base IRIs)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
