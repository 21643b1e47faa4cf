"""The graph as a networkx network, and the network questions networkx answers.

``to_networkx(store)`` projects the RDF store (see ontology/README.md) onto a :class:`networkx.MultiDiGraph`:
one node per entity (City, Official, Institution, Event, Policy, and the Themes in use), keyed by IRI, with
attributes ``label`` (the Korean name), ``name``, ``aliases``, ``type`` and the entity's data; one edge per
relationship with ``type`` (HOLDS_ROLE_IN, PARTNERED_WITH … as in :mod:`kg.propgraph`, which supplies the rows)
and ``evidence`` (sentences with their article's title and date). PARTNERED_WITH (symmetric) is one edge.

The questions (``central_institutions``, ``communities``, ``shortest_chain``, ``shared_partners``) take that graph;
``NETWORK_QUERIES`` names them for the command line (``kg network NAME`` and ``kg query NAME``).
"""
from __future__ import annotations

from collections import defaultdict, deque
from typing import Any, Callable, Iterable

import networkx as nx

from kg.model import KgError
from kg.network_read import read_graph

__all__ = [
    "to_networkx", "find_entity", "neighbourhood", "subgraph", "entity_projection",
    "central_institutions", "communities", "shortest_chain", "shared_partners", "NETWORK_QUERIES",
]

ACTOR_TYPES = ("City", "Institution")


def to_networkx(store, *, include_articles: bool = False) -> nx.MultiDiGraph:
    """Project ``store`` (a ``kg.store.KgStore`` or an rdflib Graph/Dataset) onto a MultiDiGraph (see module doc).

    With ``include_articles`` the Article nodes and MENTIONED_IN edges are kept too (for the exports)."""
    data = read_graph(store, include_articles=include_articles)
    g = nx.MultiDiGraph(articles=data["articles"])
    for iri, node in data["nodes"].items():
        g.add_node(iri, **node)
    for rel in data["relations"]:
        s, o, t = rel["start"], rel["end"], rel["type"]
        if s in g and o in g and not g.has_edge(s, o, key=t):
            g.add_edge(s, o, key=t, **{k: v for k, v in rel.items() if k not in ("start", "end")})
    # Themes of the ontology that nothing points at are not part of the picture.
    g.remove_nodes_from([n for n, d in g.nodes(data=True) if d["type"] == "Theme" and g.degree(n) == 0])
    return g


# ---------------------------------------------------------------- finding entities and subgraphs

def find_entity(g: nx.MultiDiGraph, text: str, type_: str | None = None) -> str:
    """The node whose IRI, name or alias is ``text`` (exact, then case-insensitive, then unique substring).

    Raises KgError naming the candidates when nothing or several entities match.
    """
    text = text.strip()
    nodes = [(n, d) for n, d in g.nodes(data=True) if type_ is None or d.get("type") == type_]
    if any(n == text for n, _ in nodes):
        return text
    tests: list[Callable[[str, dict], bool]] = [
        lambda n, d: d.get("name") == text or d.get("notation") == text,
        lambda n, d: text in d.get("aliases", ()),
        lambda n, d: text.casefold() in {s.casefold() for s in _names(d)},
        lambda n, d: any(text.casefold() in s.casefold() for s in _names(d)),
    ]
    for test in tests:
        hits = [n for n, d in nodes if test(n, d)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            shown = ", ".join(f"{g.nodes[h]['name']} ({g.nodes[h]['type']}, {h})" for h in hits[:8])
            raise KgError(f"{text!r} matches {len(hits)} entities: {shown}; give the IRI or a fuller name")
    raise KgError(f"no entity named {text!r} in the graph" + (f" of type {type_}" if type_ else ""))


def _names(d: dict) -> list[str]:
    return [d.get("name", "")] + list(d.get("aliases", ())) + ([d["notation"]] if d.get("notation") else [])


def neighbourhood(g: nx.MultiDiGraph, start: str, hops: int) -> set[str]:
    """Nodes within ``hops`` of ``start``, edges taken both ways; Theme and Article nodes are reached but not walked through
    (a theme joins everything about it, which would make every neighbourhood the whole graph)."""
    seen = {start}
    queue = deque([(start, 0)])
    while queue:
        n, d = queue.popleft()
        if d >= hops or (n != start and g.nodes[n].get("type") in ("Theme", "Article")):
            continue
        for m in set(g.successors(n)) | set(g.predecessors(n)):
            if m not in seen:
                seen.add(m)
                queue.append((m, d + 1))
    return seen


def subgraph(g: nx.MultiDiGraph, *, city: str | None = None, theme: str | None = None,
             around: str | None = None, hops: int = 2) -> nx.MultiDiGraph:
    """The part of ``g`` around a city, a theme and/or an entity (intersection when several are given)."""
    keep: set[str] | None = None
    for text, type_ in ((city, "City"), (theme, "Theme"), (around, None)):
        if not text:
            continue
        part = neighbourhood(g, find_entity(g, text, type_), hops)
        keep = part if keep is None else keep & part
    return g if keep is None else g.subgraph(keep).copy()


def entity_projection(g: nx.MultiDiGraph, exclude_types: Iterable[str] = ("Theme",)) -> nx.Graph:
    """Undirected simple graph of the entities (Theme hubs left out by default), edge weight = relation count."""
    ex = set(exclude_types) | {"Article"}
    u = nx.Graph()
    u.add_nodes_from((n, d) for n, d in g.nodes(data=True) if d.get("type") not in ex)
    for s, o, t in g.edges(keys=True):
        if s in u and o in u and s != o:
            w = u.get_edge_data(s, o, {}).get("weight", 0)
            u.add_edge(s, o, weight=w + 1)
    return u


# ---------------------------------------------------------------- the questions

def central_institutions(g: nx.MultiDiGraph, top: int = 10, types: Iterable[str] = ("Institution",),
                         by: str = "degree") -> list[dict[str, Any]]:
    """Entities of ``types`` ranked by degree (ties broken by betweenness) or by betweenness.

    Degree is counted in the entity network (themes left out): how many distinct entities the node is
    linked to. Both scores are networkx's normalised centralities.
    """
    if by not in ("degree", "betweenness"):
        raise KgError(f"rank by 'degree' or 'betweenness', not {by!r}")
    u = entity_projection(g)
    if u.number_of_nodes() == 0:
        return []
    deg = nx.degree_centrality(u)
    btw = nx.betweenness_centrality(u, normalized=True)
    wanted = set(types)
    rows = [
        {"name": d["name"], "type": d["type"], "links": u.degree(n), "degree": round(deg[n], 4),
         "betweenness": round(btw[n], 4), "iri": n}
        for n, d in u.nodes(data=True) if d["type"] in wanted
    ]
    first, second = ("degree", "betweenness") if by == "degree" else ("betweenness", "degree")
    rows.sort(key=lambda r: (-r[first], -r[second], r["name"]))
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    return [{"rank": r.pop("rank"), **r} for r in rows[:top]]


def actor_network(g: nx.MultiDiGraph) -> nx.Graph:
    """Cities and institutions, linked when partnered, or when they share an event or a policy (weight = how often),
    or when one is a sub-unit of the other."""
    a = nx.Graph()
    actors = [n for n, d in g.nodes(data=True) if d.get("type") in ACTOR_TYPES]
    a.add_nodes_from((n, g.nodes[n]) for n in actors)

    def link(x: str, y: str, why: str) -> None:
        if x == y:
            return
        if a.has_edge(x, y):
            a[x][y]["weight"] += 1
            a[x][y]["via"].add(why)
        else:
            a.add_edge(x, y, weight=1, via={why})

    by_hub: dict[str, set[str]] = defaultdict(set)
    for s, o, t in g.edges(keys=True):
        if s in a and o in a:
            link(s, o, t)
        elif o in a and g.nodes[s].get("type") in ("Event", "Policy"):
            by_hub[s].add(o)
        elif s in a and g.nodes[o].get("type") == "Event":
            by_hub[o].add(s)
    for hub, members in by_hub.items():
        ms = sorted(members)
        for i, x in enumerate(ms):
            for y in ms[i + 1:]:
                link(x, y, g.nodes[hub]["name"])
    return a


def communities(g: nx.MultiDiGraph, method: str = "greedy") -> list[dict[str, Any]]:
    """Communities of cities and institutions (greedy modularity or Louvain on the actor network), largest first.

    Actors with no link to another actor are left out (each would be its own community)."""
    a = actor_network(g)
    a.remove_nodes_from([n for n in list(a) if a.degree(n) == 0])
    if a.number_of_edges() == 0:
        return []
    if method == "louvain":
        parts = nx.community.louvain_communities(a, weight="weight", seed=1)
    elif method == "greedy":
        parts = nx.community.greedy_modularity_communities(a, weight="weight")
    else:
        raise KgError(f"community method is 'greedy' or 'louvain', not {method!r}")
    modularity = nx.community.modularity(a, parts, weight="weight")
    rows = []
    for i, part in enumerate(sorted(parts, key=lambda p: (-len(p), sorted(p))), 1):
        members = sorted(part, key=lambda n: (-a.degree(n, weight="weight"), a.nodes[n]["name"]))
        rows.append({
            "community": i, "size": len(part),
            "cities": [a.nodes[n]["name"] for n in members if a.nodes[n]["type"] == "City"],
            "institutions": [a.nodes[n]["name"] for n in members if a.nodes[n]["type"] == "Institution"],
            "modularity": round(modularity, 4),
        })
    return rows


def shortest_chain(g: nx.MultiDiGraph, a: str, b: str, *, through_themes: bool = False) -> list[dict[str, Any]]:
    """The shortest chain of relations linking entities ``a`` and ``b`` (names, aliases or IRIs), one row per hop
    with the relation, its direction and its evidence. Themes are not used as stepping stones unless asked."""
    src, dst = find_entity(g, a), find_entity(g, b)
    u = entity_projection(g, () if through_themes else ("Theme",))
    for n in (src, dst):
        if n not in u:
            u.add_node(n, **g.nodes[n])
    try:
        path = nx.shortest_path(u, src, dst)
    except nx.NetworkXNoPath:
        raise KgError(f"no chain of relations links {g.nodes[src]['name']} and {g.nodes[dst]['name']}") from None
    rows = []
    for i, (x, y) in enumerate(zip(path, path[1:]), 1):
        fwd, back = g.get_edge_data(x, y) or {}, g.get_edge_data(y, x) or {}
        key, data, arrow = (next(iter(fwd.items())) + ("->",)) if fwd else (next(iter(back.items())) + ("<-",))
        rows.append({
            "hop": i, "from": g.nodes[x]["name"], "relation": key, "direction": arrow, "to": g.nodes[y]["name"],
            "evidence": [_evidence_text(e) for e in data.get("evidence", [])],
        })
    return rows


def _evidence_text(e: dict) -> str:
    where = " ".join(x for x in (e.get("date") or "", e.get("title") or "") if x)
    return f"{e.get('sentence', '')} [{where}]" if where else e.get("sentence", "")


def partners_of(g: nx.MultiDiGraph, city: str) -> dict[str, set[str]]:
    """Partners of a city: entities partnered with it, and institutions that organised or took part in an event
    or adopted a policy together with it. Returns {partner IRI: set of reasons}."""
    out: dict[str, set[str]] = defaultdict(set)
    for s, o, t in list(g.out_edges(city, keys=True)) + list(g.in_edges(city, keys=True)):
        other = o if s == city else s
        if t == "PARTNERED_WITH":
            out[other].add(t)
        elif g.nodes[other].get("type") in ("Event", "Policy"):
            for s2, o2, t2 in list(g.out_edges(other, keys=True)) + list(g.in_edges(other, keys=True)):
                peer = o2 if s2 == other else s2
                if peer != city and g.nodes[peer].get("type") == "Institution":
                    out[peer].add(g.nodes[other]["name"])
    return out


def shared_partners(g: nx.MultiDiGraph, min_shared: int = 1) -> list[dict[str, Any]]:
    """Pairs of cities that share partners (see :func:`partners_of`), most shared first."""
    cities = sorted(n for n, d in g.nodes(data=True) if d.get("type") == "City")
    partners = {c: set(partners_of(g, c)) - {c} for c in cities}
    rows = []
    for i, x in enumerate(cities):
        for y in cities[i + 1:]:
            common = (partners[x] & partners[y]) - {x, y}
            if len(common) >= min_shared:
                a_name, b_name = sorted((g.nodes[x]["name"], g.nodes[y]["name"]))
                rows.append({"city_a": a_name, "city_b": b_name, "shared": len(common),
                             "partners": sorted(g.nodes[n]["name"] for n in common)})
    rows.sort(key=lambda r: (-r["shared"], r["city_a"], r["city_b"]))
    return rows


# Canned network questions: name -> (question, callable(store, **params) -> rows).
NETWORK_QUERIES: dict[str, tuple[str, Callable[..., list[dict[str, Any]]]]] = {
    "central-institutions": (
        "Which institutions are the most central (degree and betweenness in the entity network)?",
        lambda store, top=10, by="degree": central_institutions(to_networkx(store), int(top), by=by)),
    "central-entities": (
        "Which cities and institutions are the most central?",
        lambda store, top=10, by="degree": central_institutions(
            to_networkx(store), int(top), types=ACTOR_TYPES, by=by)),
    "communities": (
        "Which cities and partners form communities (greedy modularity or Louvain)?",
        lambda store, method="greedy": communities(to_networkx(store), method)),
    "shortest-path": (
        "What is the shortest chain of relations linking entity a and entity b, with the evidence of each hop?",
        lambda store, a, b: shortest_chain(to_networkx(store), a, b)),
    "shared-partners": (
        "Which cities share partners?",
        lambda store, min_shared=1: shared_partners(to_networkx(store), int(min_shared))),
}
