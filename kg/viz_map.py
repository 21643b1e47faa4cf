"""The map page: cities at their coordinates over 시도/시군구 outlines, offline (an inline SVG drawn by
``kg/data/viz_map.js`` from the simplified boundaries shipped in ``kg/data``; see viz-assets.PROVENANCE.md).

Each city is a circle sized by activity (articles mentioning it; relations when no article is known) and
coloured by its dominant theme (the theme most of its events and policies are about). Clicking a city opens
the same panel as the network page (properties, aliases, evidence, relations).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from kg.network import subgraph, to_networkx
from kg.resources import data_file
from kg.viz import _json_for_script, graph_payload, page

# 20 distinct colours (Tableau 20), given to the themes that dominate some city, in order of their ids.
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63", "#d4a6c8", "#fabfd2",
           "#d7b5a6", "#79706e"]
NO_THEME = "#9aa5b1"
ATTRIBUTION = ("경계: 통계청 통계지리정보서비스(SGIS) 행정동 경계(공공누리 제1유형)를 vuski/admdongkor가 가공한 자료를 "
               "kg가 단순화 (2022-03 기준, CC BY 4.0) · https://github.com/vuski/admdongkor")


def city_themes(g: nx.MultiDiGraph, city: str) -> Counter:
    """How often each theme (notation) is the subject of the events and policies linked to ``city``."""
    counts: Counter = Counter()
    for m in set(g.successors(city)) | set(g.predecessors(city)):
        if g.nodes[m].get("type") not in ("Event", "Policy"):
            continue
        for t in set(g.successors(m)) | set(g.predecessors(m)):
            if g.nodes[t].get("type") == "Theme":
                counts[g.nodes[t].get("notation") or g.nodes[t]["name"]] += 1
    return counts


def _fallback_coordinates() -> Any:
    """code5 -> (lat, lon) from the gazetteer table, for City nodes written without coordinates."""
    try:
        from kg.gazetteer import Gazetteer

        gz = Gazetteer.load()
    except (ImportError, OSError):  # without the gazetteer such cities are listed as unplaced
        return lambda code: None

    def lookup(code: str, depth: int = 0):
        try:
            u = gz.unit(code)
        except KeyError:
            return None
        if u.lat is not None and u.lon is not None:
            return (u.lat, u.lon)
        for other in (u.successors + u.predecessors) if depth < 2 else ():  # same territory, other code
            if found := lookup(other, depth + 1):
                return found
        return None

    return lookup


def map_payload(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Cities (with coordinates, activity, theme counts) plus the nodes and edges the panel needs."""
    cities = [n for n, d in g.nodes(data=True) if d.get("type") == "City"]
    keep = set(cities)
    for c in cities:
        keep |= set(g.successors(c)) | set(g.predecessors(c))
    for n in list(keep):  # the themes of the cities' events and policies, for the panel
        if g.nodes[n].get("type") in ("Event", "Policy"):
            keep |= {t for t in set(g.successors(n)) | set(g.predecessors(n)) if g.nodes[t].get("type") == "Theme"}
    sub = g.subgraph(keep).copy()
    sub.graph.update(g.graph)
    base = graph_payload(sub, title="kg 지도")
    fallback = None
    rows, unplaced, theme_ids = [], [], set()
    for c in cities:
        d = g.nodes[c]
        lat, lon = d.get("latitude"), d.get("longitude")
        if lat is None or lon is None:
            fallback = fallback or _fallback_coordinates()
            code = str(d.get("adminCode") or c.rstrip("/").rsplit("/", 1)[-1])
            lat, lon = fallback(code) or (None, None)
        if lat is None or lon is None:
            unplaced.append(d["name"])
            continue
        themes = city_themes(g, c)
        dominant = min(themes.items(), key=lambda kv: (-kv[1], kv[0]))[0] if themes else ""
        rows.append({"id": c, "name": d["name"], "lat": float(lat), "lon": float(lon), "level": d.get("level", ""),
                     "articles": len(d.get("articles", [])), "degree": g.degree(c),
                     "activity": len(d.get("articles", [])) or g.degree(c),
                     "themes": dict(themes.most_common()), "dominant": dominant})
        if dominant:
            theme_ids.add(dominant)
    rows.sort(key=lambda r: -r["activity"])  # big circles first, so small ones stay clickable on top
    labels = {d.get("notation") or d["name"]: d["name"] for _, d in g.nodes(data=True) if d.get("type") == "Theme"}
    colours = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(theme_ids))}
    base["meta"].update(shown_cities=len(rows), cities_without_coordinates=len(unplaced), unplaced=sorted(unplaced),
                        attribution=ATTRIBUTION)
    base["map"] = {"cities": rows, "themeColours": colours, "noTheme": NO_THEME,
                   "themeLabels": labels}
    return base


MAP_BODY = """<header id="kg-bar">
  <strong id="kg-title"></strong>
  <input id="kg-search" type="search" list="kg-names" placeholder="지자체 검색 (Enter)" aria-label="search">
  <datalist id="kg-names"></datalist>
  <span id="kg-count"></span>
</header>
<div id="kg-message" hidden></div>
<main id="kg-main"><div id="kg-map"></div>
<aside id="kg-panel"><p class="kg-hint">지도의 원(지자체)을 클릭하면 속성, 별칭, 근거 문장이 여기에 나옵니다.</p></aside></main>
<footer id="kg-legend"></footer>"""


def render_map_html(payload: dict[str, Any]) -> str:
    geo = {"kg-sgg": data_file("kr-sgg-2022.geojson").read_text(encoding="utf-8"),
           "kg-sido": data_file("kr-sido-2022.geojson").read_text(encoding="utf-8")}
    blocks = {"kg-data": _json_for_script(payload)}
    blocks.update({k: v.replace("<", "\\u003c") for k, v in geo.items()})
    return page(payload["meta"]["title"], MAP_BODY, ["viz_panel.js", "viz_map.js"], blocks)


def write_map_html(store_or_graph, out: str | Path, *, city: str | None = None, theme: str | None = None,
                   around: str | None = None, hops: int = 2) -> dict[str, Any]:
    """Write the map page to ``out``; returns its ``meta`` (with ``shown_cities`` and the unplaced cities)."""
    g = store_or_graph if isinstance(store_or_graph, nx.Graph) else to_networkx(store_or_graph)
    g = subgraph(g, city=city, theme=theme, around=around, hops=hops)
    payload = map_payload(g)
    if payload["meta"]["unplaced"]:
        payload["meta"]["message"] = "좌표가 없어 지도에 없는 지자체: " + ", ".join(payload["meta"]["unplaced"])
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_map_html(payload), encoding="utf-8")
    return payload["meta"]
