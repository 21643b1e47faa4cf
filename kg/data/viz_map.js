/* kg viz --map: cities over 시도/시군구 outlines, drawn as inline SVG from the GeoJSON in #kg-sgg / #kg-sido.
 * No tiles, no network. Wheel zooms, drag pans, a click on a city opens the panel (viz_panel.js).
 * When drawn the page sets <html data-kg-ready="1"> and exposes window.kgMap (used by the tests). */
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var sgg = JSON.parse(document.getElementById("kg-sgg").textContent);
  var sido = JSON.parse(document.getElementById("kg-sido").textContent);
  var meta = data.meta, map = data.map, el = KgPanel.el;
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  document.getElementById("kg-title").textContent = meta.title;
  if (meta.message) {
    var msg = document.getElementById("kg-message");
    msg.textContent = meta.message;
    msg.hidden = false;
  }

  // Equirectangular projection scaled by cos(36°): good enough at Korea's size.
  var K = 100, COS = Math.cos(36 * Math.PI / 180);
  function px(lon) { return (lon - 124) * COS * K; }
  function py(lat) { return (39 - lat) * K; }

  function ringPath(ring) {
    return ring.map(function (c, i) { return (i ? "L" : "M") + px(c[0]).toFixed(1) + "," + py(c[1]).toFixed(1); }).join("") + "Z";
  }
  function geomPath(geom) {
    var polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
    return polys.map(function (p) { return p.map(ringPath).join(""); }).join("");
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  var holder = document.getElementById("kg-map");
  var root = svg("svg", { role: "img", "aria-label": "지자체 지도" });
  var view = { x: px(124.5), y: py(38.8), w: px(131) - px(124.5), h: py(33) - py(38.8) };
  function setView() { root.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
  setView();
  root.setAttribute("preserveAspectRatio", "xMidYMid meet");
  var gSgg = svg("g"), gSido = svg("g"), gCities = svg("g"), gLabels = svg("g");
  sgg.features.forEach(function (f) {
    var p = svg("path", { d: geomPath(f.geometry), "class": "kg-sgg" });
    var t = svg("title");
    t.textContent = (f.properties.SIDONM || "") + " " + (f.properties.SGGNM || "");
    p.appendChild(t);
    gSgg.appendChild(p);
  });
  sido.features.forEach(function (f) { gSido.appendChild(svg("path", { d: geomPath(f.geometry), "class": "kg-sido" })); });
  [gSgg, gSido, gCities, gLabels].forEach(function (g) { root.appendChild(g); });
  holder.appendChild(root);

  // ---------------------------------------------------------------- cities
  var maxAct = Math.max.apply(null, [1].concat(map.cities.map(function (c) { return c.activity; })));
  var circles = {};
  function colour(c) { return c.dominant ? map.themeColours[c.dominant] : map.noTheme; }
  map.cities.forEach(function (c, i) {
    var r = 3 + 12 * Math.sqrt(c.activity / maxAct);
    var circle = svg("circle", { cx: px(c.lon).toFixed(1), cy: py(c.lat).toFixed(1), r: r.toFixed(1),
      "class": "kg-city", fill: colour(c), "data-id": c.id, "data-name": c.name });
    var t = svg("title");
    var themes = Object.keys(c.themes).map(function (k) { return (map.themeLabels[k] || k) + " " + c.themes[k]; });
    t.textContent = c.name + " · 기사 " + c.articles + " · 연결 " + c.degree + (themes.length ? " · " + themes.join(", ") : "");
    circle.appendChild(t);
    circle.addEventListener("click", function (ev) { ev.stopPropagation(); select(c.id); });
    gCities.appendChild(circle);
    circles[c.id] = circle;
    if (i >= 40) { return; }  // label the 40 most active cities; the others have their name as a tooltip
    var label = svg("text", { x: (px(c.lon) + r + 2).toFixed(1), y: (py(c.lat) + 4).toFixed(1), "class": "kg-city-label" });
    label.textContent = c.name;
    gLabels.appendChild(label);
  });

  var panel = document.getElementById("kg-panel");
  var selected = null;
  function select(id) {
    var n = byId[id];
    if (!n) { return; }
    if (selected && circles[selected]) { circles[selected].classList.remove("kg-selected"); }
    selected = id;
    if (circles[id]) { circles[id].classList.add("kg-selected"); }
    KgPanel.show(panel, n, KgPanel.linksOf(id, data.edges, byId, data.relations), data.types, function (other) {
      select(other);
    }, map.themeLabels);
  }

  // ---------------------------------------------------------------- zoom and pan
  root.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var f = ev.deltaY > 0 ? 1.2 : 1 / 1.2;
    var rect = root.getBoundingClientRect();
    var mx = view.x + view.w * (ev.clientX - rect.left) / rect.width;
    var my = view.y + view.h * (ev.clientY - rect.top) / rect.height;
    view = { x: mx - (mx - view.x) * f, y: my - (my - view.y) * f, w: view.w * f, h: view.h * f };
    setView();
  }, { passive: false });
  var drag = null;
  root.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, v: view }; });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) { return; }
    var rect = root.getBoundingClientRect();
    var s = Math.max(drag.v.w / rect.width, drag.v.h / rect.height);
    view = { x: drag.v.x - (ev.clientX - drag.x) * s, y: drag.v.y - (ev.clientY - drag.y) * s, w: drag.v.w, h: drag.v.h };
    setView();
  });

  // ---------------------------------------------------------------- search, counts, legend
  var names = document.getElementById("kg-names");
  map.cities.forEach(function (c) { names.appendChild(el("option", { value: c.name })); });
  var search = document.getElementById("kg-search");
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") { return; }
    var q = search.value.trim();
    var hit = map.cities.filter(function (c) {
      var n = byId[c.id];
      return c.name === q || (n && n.aliases.indexOf(q) >= 0);
    })[0] || map.cities.filter(function (c) { return q && c.name.indexOf(q) >= 0; })[0];
    search.classList.toggle("kg-miss", !hit);
    if (hit) { select(hit.id); }
  });
  document.getElementById("kg-count").textContent = "지자체 " + map.cities.length + "곳" +
    (meta.cities_without_coordinates ? " (좌표 없음 " + meta.cities_without_coordinates + ")" : "");

  var legend = document.getElementById("kg-legend");
  Object.keys(map.themeColours).concat([""]).forEach(function (t) {
    var item = el("span", { "class": "kg-legend-item" });
    var sw = el("span", { "class": "kg-swatch kg-shape-dot" });
    sw.style.background = t ? map.themeColours[t] : map.noTheme;
    item.appendChild(sw);
    item.appendChild(document.createTextNode(t ? (map.themeLabels[t] || t) + " (" + t + ")" : "주제 없음"));
    legend.appendChild(item);
  });
  legend.appendChild(el("span", { "class": "kg-legend-note" }, "색 = 주된 주제 · 크기 = 기사 수 · " + meta.attribution));

  document.documentElement.setAttribute("data-kg-ready", "1");
  window.kgMap = { select: select, data: data, circles: circles };
})();
