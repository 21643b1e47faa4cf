"""Read the graph for the network projection, the drawings and the exports.

Nodes and relationships come from :mod:`kg.propgraph` (the property-graph rows every writer shares); this module
adds what a reader of the picture needs beside them: each entity's own evidence sentences (``kg:evidence`` of its
mentions) and, for every piece of evidence, its article's headline and date.

``store`` is a ``kg.store.KgStore`` or any rdflib Graph/Dataset laid out as ontology/README.md describes.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from kg import propgraph
from kg.vocab import sparql_prologue

# Fixed text: no user input goes into it.
_ENTITY_EVIDENCE = sparql_prologue() + """
SELECT DISTINCT ?e ?ev ?sentence ?article ?start WHERE {
  ?e kg:evidence ?ev . ?ev a kg:Evidence ; kg:sentence ?sentence .
  OPTIONAL { ?ev kg:inArticle ?article }
  OPTIONAL { ?ev kg:start ?start }
  FILTER NOT EXISTS { ?e a kg:Assertion }
} ORDER BY ?e ?article ?start ?ev"""

RELATION_TYPES = tuple(propgraph.REL_TYPES) + ("PART_OF",)


def evidence_item(sentence: str, article: str | None, articles: dict, start: int = -1, end: int = -1) -> dict:
    art = articles.get(article or "", {})
    return {"sentence": sentence, "article": article or "", "title": art.get("name") or "",
            "date": art.get("datePublished") or "", "start": start, "end": end}


def _sort_key(e: dict) -> tuple:
    return (e["date"] or "9999", e["title"], e["start"], e["sentence"])


def read_graph(store, *, include_articles: bool = False) -> dict[str, Any]:
    """``{"nodes": {iri: attrs}, "relations": [attrs with start/end], "articles": {iri: article row}}``.

    Node attrs are the propgraph row (``name``, ``aliases``, ``roles``, ``level``, ``latitude`` …) with ``type``
    (the label: City, Official …), ``label`` (the Korean name, what Gephi and the page show), ``articles`` (IRIs
    of the articles mentioning it) and ``evidence`` (dicts: sentence, article, title, date, start, end).
    Relation attrs: ``type`` (HOLDS_ROLE_IN …), ``evidence``, and ``confidence``/``roles``/``cues`` when known.
    Article nodes and MENTIONED_IN relations are included only with ``include_articles``.
    """
    articles: dict[str, dict] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for row in propgraph.iter_nodes(store):
        row = dict(row)
        iri, label = row.pop("iri"), row.pop("label")
        if label == "Article":
            articles[iri] = row
            if not include_articles:
                continue
        row.update(type=label, label=row.get("name") or iri, articles=[], evidence=[])
        nodes[iri] = row

    wanted = RELATION_TYPES + ("MENTIONED_IN",)
    relations = []
    for rel in propgraph.iter_relationships(store, types=wanted):
        s, o, t = rel["start"], rel["end"], rel["type"]
        if t == "MENTIONED_IN":
            if s in nodes:
                nodes[s]["articles"].append(o)
            if not include_articles:
                continue
        sentences = rel.get("sentences", [])
        arts = rel.get("articles", [""] * len(sentences))
        starts = rel.get("evidenceStarts", [-1] * len(sentences))
        ends = rel.get("evidenceEnds", [-1] * len(sentences))
        evidence = sorted((evidence_item(x, a, articles, b, e) for x, a, b, e in zip(sentences, arts, starts, ends)
                           if x), key=_sort_key)
        out = {"start": s, "end": o, "type": t, "evidence": evidence}
        for k in ("confidence", "roles", "cues"):
            if rel.get(k) not in (None, []):
                out[k] = rel[k]
        relations.append(out)

    seen: dict[str, set] = defaultdict(set)
    for r in propgraph.select(store, _ENTITY_EVIDENCE):
        e = str(r["e"])
        sentence = str(r["sentence"])
        if e in nodes and sentence not in seen[e]:
            seen[e].add(sentence)
            start = propgraph.to_python(r["start"]) if r.get("start") is not None else -1
            art = str(r["article"]) if r.get("article") is not None else None
            nodes[e]["evidence"].append(evidence_item(sentence, art, articles, start, -1))
    for node in nodes.values():
        node["articles"].sort()
        node["evidence"].sort(key=_sort_key)
    return {"nodes": nodes, "relations": relations, "articles": articles}
