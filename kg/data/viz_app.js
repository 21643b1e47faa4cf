/* kg viz: the network page. Reads the JSON in #kg-data (written by kg/viz.py) and draws it with vis-network.
 * Filters (type, theme, city, date range) hide nodes through a vis DataView; a click on a node opens the panel.
 * When the layout is done the page sets <html data-kg-ready="1"> and exposes window.kgViz (used by the tests). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta, types = data.types, el = KgPanel.el;
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var big = data.nodes.length > 400;

  document.getElementById("kg-title").textContent = meta.title;
  document.title = meta.title;
  if (meta.message) {
    var msg = document.getElementById("kg-message");
    msg.textContent = meta.message;
    msg.hidden = false;
  }

  // ---------------------------------------------------------------- controls
  var typeBox = document.getElementById("kg-types");
  var shownTypes = {};
  Object.keys(types).forEach(function (t) {
    if (!data.nodes.some(function (n) { return n.type === t; })) { return; }
    shownTypes[t] = true;
    var lab = el("label", { "class": "kg-type" });
    var cb = el("input", { type: "checkbox", value: t });
    cb.checked = true;
    cb.addEventListener("change", function () { shownTypes[t] = cb.checked; refresh(); });
    lab.appendChild(cb);
    var sw = el("span", { "class": "kg-swatch" });
    sw.style.background = types[t].color;
    lab.appendChild(sw);
    lab.appendChild(document.createTextNode(types[t].ko));
    typeBox.appendChild(lab);
  });
  var themeSel = document.getElementById("kg-theme"), themeLabels = {};
  data.themes.forEach(function (t) { themeLabels[t.id] = t.label; });
  data.themes.forEach(function (t) { themeSel.appendChild(el("option", { value: t.id }, t.label + " (" + t.id + ")")); });
  var citySel = document.getElementById("kg-city");
  data.cities.forEach(function (c) { citySel.appendChild(el("option", { value: c }, c)); });
  var names = document.getElementById("kg-names");
  data.nodes.slice(0, 3000).forEach(function (n) { names.appendChild(el("option", { value: n.label })); });
  var fromIn = document.getElementById("kg-from"), toIn = document.getElementById("kg-to");
  var isoBox = document.getElementById("kg-isolated"), isoDefault = data.nodes.length <= 300;
  isoBox.checked = isoDefault;  // in big graphs the unconnected nodes are hidden at first
  [themeSel, citySel, fromIn, toIn, isoBox].forEach(function (c) { c.addEventListener("change", refresh); });

  function visible(n) {
    if (!shownTypes[n.type]) { return false; }
    if (!isoBox.checked && n.degree === 0) { return false; }
    if (themeSel.value && n.themes.indexOf(themeSel.value) < 0) { return false; }
    if (citySel.value && n.cities.indexOf(citySel.value) < 0) { return false; }
    if (n.dmin && fromIn.value && n.dmax < fromIn.value) { return false; }
    if (n.dmin && toIn.value && n.dmin > toIn.value) { return false; }
    return true;
  }

  // ---------------------------------------------------------------- network
  var maxDeg = Math.max.apply(null, [1].concat(data.nodes.map(function (n) { return n.degree; })));
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var t = types[n.type] || { color: "#777", shape: "dot" };
    var tip = n.label + " (" + (t.ko || n.type) + ")" + (n.aliases.length ? "\n별칭: " + n.aliases.join(", ") : "");
    var short = n.label.length > 16 ? n.label.slice(0, 15) + "…" : n.label;  // the full name is in the tooltip and panel
    return { id: n.id, label: short, shape: t.shape, color: { background: t.color, border: "#333",
      highlight: { background: t.color, border: "#000" } }, value: n.degree, title: tip, kgType: n.type };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, label: big ? undefined : e.label, title: e.label + " (" + e.type + ")",
      arrows: e.type === "PARTNERED_WITH" ? "" : "to" };
  }));
  var view = new vis.DataView(nodes, { filter: function (item) { return visible(byId[item.id]); } });
  var container = document.getElementById("kg-network");
  var options = {
    nodes: { scaling: { min: 10, max: 34, label: { enabled: true, min: 14, max: 22, drawThreshold: 5 } },
      font: { face: "'Noto Sans CJK KR','Malgun Gothic','Apple SD Gothic Neo',sans-serif", size: 14 } },
    edges: { color: { color: "#999", highlight: "#333" }, font: { size: 10, align: "middle", color: "#555" },
      smooth: big ? false : { type: "continuous" }, width: 1 },
    physics: { solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -50, centralGravity: 0.015, springLength: 90, avoidOverlap: 0.5 },
      stabilization: { enabled: true, iterations: big ? 120 : 400, updateInterval: 25 } },
    layout: { improvedLayout: data.nodes.length <= 150, randomSeed: 7 },
    interaction: { hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, navigationButtons: false }
  };
  var network = new vis.Network(container, { nodes: view, edges: edges }, options);

  var ready = false;
  function done() {
    if (ready) { return; }
    ready = true;
    network.setOptions({ physics: { enabled: false } });
    network.fit();
    document.documentElement.setAttribute("data-kg-ready", "1");
  }
  network.once("stabilizationIterationsDone", done);
  network.once("afterDrawing", function () { if (!data.nodes.length) { done(); } });
  setTimeout(done, 15000);  // never keep the page busy: stop the layout whatever happens

  // ---------------------------------------------------------------- panel, search, counts
  var panel = document.getElementById("kg-panel");
  function showNode(id, focus) {
    var n = byId[id];
    if (!n) { return; }
    KgPanel.show(panel, n, KgPanel.linksOf(id, data.edges, byId, data.relations), types, function (other) {
      showNode(other, true);
    }, themeLabels);
    if (view.get(id)) {
      network.selectNodes([id]);
      if (focus) { network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false }); }
    }
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0], false); }
  });

  function find(text) {
    var q = text.trim().toLowerCase();
    if (!q) { return null; }
    var exact = data.nodes.filter(function (n) {
      return n.label.toLowerCase() === q || n.aliases.some(function (a) { return a.toLowerCase() === q; });
    });
    if (exact.length) { return exact[0]; }
    var part = data.nodes.filter(function (n) { return n.label.toLowerCase().indexOf(q) >= 0; });
    return part.length ? part[0] : null;
  }
  var search = document.getElementById("kg-search");
  function doSearch() {
    var n = find(search.value);
    search.classList.toggle("kg-miss", !n && !!search.value);
    if (n) { showNode(n.id, true); }
  }
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { doSearch(); } });
  search.addEventListener("change", doSearch);

  document.getElementById("kg-reset").addEventListener("click", function () {
    themeSel.value = ""; citySel.value = ""; fromIn.value = ""; toIn.value = ""; search.value = "";
    isoBox.checked = isoDefault;
    Array.prototype.forEach.call(typeBox.querySelectorAll("input"), function (cb) { cb.checked = true; shownTypes[cb.value] = true; });
    refresh();
    network.fit();
  });

  function refresh() {
    view.refresh();
    var shown = view.length;
    document.getElementById("kg-count").textContent = "노드 " + shown.toLocaleString() + " / " +
      meta.total_nodes.toLocaleString() + " · 관계 " + meta.shown_edges.toLocaleString();
  }
  refresh();

  // ---------------------------------------------------------------- legend
  var legend = document.getElementById("kg-legend");
  Object.keys(types).forEach(function (t) {
    var item = el("span", { "class": "kg-legend-item" });
    var sw = el("span", { "class": "kg-swatch kg-shape-" + types[t].shape });
    sw.style.background = types[t].color;
    item.appendChild(sw);
    item.appendChild(document.createTextNode(types[t].ko + " " + t + " (" + types[t].shape + ")"));
    legend.appendChild(item);
  });
  legend.appendChild(el("span", { "class": "kg-legend-note" },
    "크기 = 연결 수 · 선 = 관계 (" + Object.keys(data.relations).map(function (k) { return data.relations[k]; }).join(", ") +
    ") · " + meta.generated + " · vis-network (MIT/Apache-2.0)"));

  window.kgViz = { network: network, nodes: nodes, edges: edges, view: view, data: data, showNode: showNode,
    find: find, refresh: refresh };
})();
