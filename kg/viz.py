"""Draw the graph as one self-contained HTML page (vis-network inlined; opens with no network).

``graph_payload(g, ...)`` turns the networkx projection (:func:`kg.network.to_networkx`) into the JSON the page
reads: nodes with type, Korean label, degree, themes, cities, date range, properties, aliases and evidence; edges
with their relation and evidence. ``render_html(payload)`` writes the page: vis-network, the app script
(``kg/data/viz_app.js``), its panel (``viz_panel.js``) and the style sheet (``viz.css``), all inlined.
``write_graph_html(store, out, ...)`` does both, with the subgraph options and the node limit.
"""
from __future__ import annotations

import html
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import networkx as nx

from kg.network import subgraph, to_networkx
from kg.resources import data_file

DEFAULT_MAX_NODES = 1000

# Type -> (colour, vis shape, Korean name); the legend and the map use the same table.
TYPE_STYLE = {
    "City": ("#1f77b4", "dot", "지자체"),
    "Official": ("#ff7f0e", "triangle", "인물"),
    "Institution": ("#2ca02c", "square", "기관"),
    "Event": ("#d62728", "star", "행사"),
    "Policy": ("#9467bd", "diamond", "정책"),
    "Theme": ("#8c564b", "hexagon", "주제"),
}
RELATION_KO = {
    "HOLDS_ROLE_IN": "소속",
    "ORGANIZED_BY": "주최",
    "PARTICIPANT": "참여",
    "PARTNERED_WITH": "협력",
    "HAS_THEME": "주제",
    "ADOPTED_BY": "추진",
    "TARGETS": "대상 분야",
    "HELD_IN": "개최지",
    "PART_OF": "상위 단위",
    "MENTIONED_IN": "언급 기사",
}
PROPERTY_KEYS = ("level", "adminCode", "roles", "kind", "date", "place", "latitude", "longitude", "notation", "nameEn",
                 "validFrom", "validTo")


def limit_nodes(g: nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, str]:
    """Keep the ``max_nodes`` highest-degree nodes (ties by name); returns the graph and a message ('' if whole)."""
    n = g.number_of_nodes()
    if max_nodes <= 0 or n <= max_nodes:
        return g, ""
    ranked = sorted(g.nodes, key=lambda x: (-g.degree(x), g.nodes[x].get("name", ""), x))
    keep = g.subgraph(ranked[:max_nodes]).copy()
    msg = (f"노드 {n:,}개 중 연결이 많은 {max_nodes:,}개만 표시합니다 (showing the {max_nodes:,} highest-degree of "
           f"{n:,} nodes; narrow with --city, --theme or --around, or raise --max-nodes).")
    return keep, msg


def _node_context(g: nx.MultiDiGraph, n: str) -> tuple[list[str], list[str]]:
    """Themes (notations) and city names a node is about: its own, its neighbours', and those of its events/policies."""
    themes: set[str] = set()
    cities: set[str] = set()

    def look(m: str) -> None:
        d = g.nodes[m]
        if d["type"] == "Theme":
            themes.add(d.get("notation") or d["name"])
        elif d["type"] == "City":
            cities.add(d["name"])

    look(n)
    neighbours = set(g.successors(n)) | set(g.predecessors(n))
    for m in neighbours:
        look(m)
        if g.nodes[m]["type"] in ("Event", "Policy"):
            for k in set(g.successors(m)) | set(g.predecessors(m)):
                look(k)
    if g.nodes[n]["type"] == "Theme":  # a theme is about itself only
        themes = {g.nodes[n].get("notation") or g.nodes[n]["name"]}
    return sorted(themes), sorted(cities)


def _dates(d: dict, articles: dict) -> list[str]:
    ds = {e["date"] for e in d.get("evidence", []) if e.get("date")}
    ds |= {articles[a]["date"] for a in d.get("articles", []) if articles.get(a, {}).get("date")}
    if d.get("date"):
        ds.add(str(d["date"]))
    return sorted(ds)


def _evidence(evs: list[dict], limit: int = 20) -> list[dict[str, str]]:
    return [{"sentence": e.get("sentence", ""), "title": e.get("title") or "", "date": e.get("date") or ""}
            for e in evs[:limit]]


def graph_payload(g: nx.MultiDiGraph, *, total: tuple[int, int] | None = None, message: str = "",
                  title: str = "kg 지식그래프", filters: dict | None = None) -> dict[str, Any]:
    """The page's data (see module doc). ``total`` = (nodes, edges) before limiting, for the banner."""
    articles = g.graph.get("articles", {})
    nodes, theme_names, city_names = [], {}, set()
    for n, d in g.nodes(data=True):
        themes, cities = _node_context(g, n)
        dates = _dates(d, articles)
        if d["type"] == "Theme":
            theme_names[d.get("notation") or d["name"]] = d["name"]
        if d["type"] == "City":
            city_names.add(d["name"])
        props = {k: d[k] for k in PROPERTY_KEYS if d.get(k) not in (None, "", [])}
        nodes.append({
            "id": n, "label": d["name"], "type": d["type"], "aliases": list(d.get("aliases", [])),
            "degree": g.degree(n), "themes": themes, "cities": cities,
            "dmin": dates[0] if dates else "", "dmax": dates[-1] if dates else "",
            "props": props, "articles": len(d.get("articles", [])), "evidence": _evidence(d.get("evidence", [])),
        })
    edges = []
    for i, (s, o, k, d) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: e[:3])):
        edges.append({"id": f"e{i}", "from": s, "to": o, "type": d.get("type", k),
                      "label": RELATION_KO.get(d.get("type", k), k), "role": d.get("roles", []),
                      "evidence": _evidence(d.get("evidence", []))})
    nodes.sort(key=lambda x: (-x["degree"], x["label"]))
    n_nodes, n_edges = total or (len(nodes), len(edges))
    return {
        "meta": {"title": title, "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                 "total_nodes": n_nodes, "total_edges": n_edges, "shown_nodes": len(nodes),
                 "shown_edges": len(edges), "message": message, "filters": filters or {}},
        "types": {t: {"color": c, "shape": s, "ko": ko} for t, (c, s, ko) in TYPE_STYLE.items()},
        "relations": RELATION_KO,
        "themes": [{"id": k, "label": v} for k, v in sorted(theme_names.items(), key=lambda kv: kv[1])],
        "cities": sorted(city_names),
        "nodes": nodes,
        "edges": edges,
    }


def _json_for_script(obj: Any) -> str:
    """JSON safe inside <script>: '<', '>' and '&' escaped, so article text can never close the element."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    text = data_file(name).read_text(encoding="utf-8")
    return text.replace("</script", "<\\/script")


def page(title: str, body: str, scripts: list[str], data: dict[str, str]) -> str:
    """A self-contained HTML page: the style sheet, ``body``, JSON data blocks and the named kg/data scripts."""
    blocks = "\n".join(f'<script type="application/json" id="{k}">{v}</script>' for k, v in data.items())
    code = "\n".join(f"<script>/* {name} */\n{_asset(name)}\n</script>" for name in scripts)
    return (f'<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>\n{_asset('viz.css')}\n</style>\n</head>\n"
            f"<body>\n{body}\n{blocks}\n{code}\n</body>\n</html>\n")


GRAPH_BODY = """<header id="kg-bar">
  <strong id="kg-title"></strong>
  <input id="kg-search" type="search" list="kg-names" placeholder="이름 검색 (Enter)" aria-label="search">
  <datalist id="kg-names"></datalist>
  <span id="kg-types"></span>
  <select id="kg-theme" aria-label="theme"><option value="">모든 주제</option></select>
  <select id="kg-city" aria-label="city"><option value="">모든 지자체</option></select>
  <label>기간 <input id="kg-from" type="date" aria-label="from"> ~ <input id="kg-to" type="date" aria-label="to"></label>
  <label title="관계가 하나도 없는 노드 (nodes with no relation)"><input id="kg-isolated" type="checkbox"> 고립 노드</label>
  <button id="kg-reset" type="button">초기화</button>
  <span id="kg-count"></span>
</header>
<div id="kg-message" hidden></div>
<main id="kg-main"><div id="kg-network"></div>
<aside id="kg-panel"><p class="kg-hint">노드를 클릭하면 속성, 별칭, 근거 문장이 여기에 나옵니다.</p></aside></main>
<footer id="kg-legend"></footer>"""


def render_html(payload: dict[str, Any]) -> str:
    return page(payload["meta"]["title"], GRAPH_BODY, ["vis-network.min.js", "viz_panel.js", "viz_app.js"],
                {"kg-data": _json_for_script(payload)})


def write_graph_html(store_or_graph, out: str | Path, *, city: str | None = None, theme: str | None = None,
                     around: str | None = None, hops: int = 2, max_nodes: int = DEFAULT_MAX_NODES) -> dict[str, Any]:
    """Write the network page to ``out``; returns the page's ``meta`` (counts and the limit message)."""
    g = store_or_graph if isinstance(store_or_graph, nx.Graph) else to_networkx(store_or_graph)
    g = subgraph(g, city=city, theme=theme, around=around, hops=hops)
    total = (g.number_of_nodes(), g.number_of_edges())
    shown, message = limit_nodes(g, max_nodes)
    filters = {k: v for k, v in (("city", city), ("theme", theme), ("around", around)) if v}
    title = "kg 지식그래프" + "".join(f" · {v}" for v in filters.values())
    payload = graph_payload(shown, total=total, message=message, title=title, filters=filters)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(payload), encoding="utf-8")
    return payload["meta"]
