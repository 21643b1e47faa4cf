"""A Doc as one prediction record of the evaluation format (GUIDELINES.md, score.py)."""
from __future__ import annotations

from pathlib import Path

from kg.model import Doc

ATTRS = {"City": ("level", "parent"), "Official": ("role", "affiliation"), "Institution": ("kind", "parent"),
         "Event": ("kind", "date", "place"), "Policy": (), "Theme": ()}


def article_id(doc: Doc) -> str:
    """The article id: the file stem for single-article files (d01 for d01.txt), as score.py expects."""
    return doc.article.id or Path(str(doc.article.source or "")).stem


def doc_to_prediction(doc: Doc) -> dict:
    ents = []
    for e in doc.entities:
        d = {"type": e.type, "name": e.name, "aliases": list(e.aliases), "iri": e.iri}
        for k in ATTRS.get(e.type, ()):
            d[k] = e.attrs.get(k)
        ents.append(d)
    rels = []
    seen = set()
    for r in doc.relations:
        k = (r.type, r.subject.name, r.object.name)
        if k in seen:
            continue
        seen.add(k)
        rels.append({"type": r.type, "subject": r.subject.name, "object": r.object.name})
    return {"id": article_id(doc), "entities": ents, "relations": rels}
