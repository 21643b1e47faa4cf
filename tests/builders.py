"""Small builders shared by the tests: articles from text written for a test, stores from hand-built graphs."""
from __future__ import annotations

from datetime import date

from kg.model import Article
from kg.store import KgStore
from kg.triples import hash_of_graph


def line_article(text: str, *, published: date | None = date(2024, 3, 20), id: str = "t1",
                 layout: str | None = None) -> Article:
    """An Article whose first line is the title and every other non-empty line a body paragraph.

    ``layout`` (default ``text``) is the text the title and paragraph offsets are read from, so a test can lay
    the spans of one text over another of the same length."""
    lines = (layout or text).split("\n")
    title = lines[0]
    body, pos = [], len(title) + 1
    for line in lines[1:]:
        if line:
            body.append((pos, pos + len(line)))
        pos += len(line) + 1
    return Article(id=id, text=text, title=title, title_span=(0, len(title)), body=body, published=published)


def write_dataset(ds, path) -> KgStore:
    """Put a hand-built rdflib Dataset into a real KgStore, one named graph per article."""
    store = KgStore(path)
    with store.writer() as w:
        for g in ds.graphs():
            h = hash_of_graph(g.identifier)
            if h:
                w.replace_article(h, None, [(s, p, o, g.identifier) for s, p, o in g])
    store.refresh()
    return store
