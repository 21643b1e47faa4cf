/* kg viz: the side panel shared by the network page and the map page.
 * Text from the graph is always set with textContent (never parsed as HTML). */
(function (root) {
  "use strict";

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function evidenceList(evs) {
    var ul = el("ul", { "class": "kg-evidence" });
    evs.forEach(function (e) {
      var li = el("li");
      li.appendChild(el("q", null, e.sentence));
      var src = [e.date, e.title].filter(Boolean).join(" · ");
      if (src) { li.appendChild(el("cite", null, src)); }
      ul.appendChild(li);
    });
    return ul;
  }

  var PROP_KO = { level: "등급", adminCode: "행정코드", roles: "직함", kind: "종류", date: "날짜", place: "장소",
    latitude: "위도", longitude: "경도", notation: "코드", nameEn: "영문", validFrom: "시작", validTo: "종료" };

  /* node: a payload node; links: [{relation, arrow, other, otherId, evidence, role}]; types: payload.types;
   * onPick(id): called when a linked node is clicked; themeLabels: theme id -> Korean label. */
  function show(panel, node, links, types, onPick, themeLabels) {
    panel.textContent = "";
    panel.setAttribute("data-node", node.id);
    var t = types[node.type] || { color: "#777", ko: node.type };
    var h = el("h2", null, node.label);
    panel.appendChild(h);
    var badge = el("span", { "class": "kg-badge" }, t.ko + " · " + node.type);
    badge.style.background = t.color;
    panel.appendChild(badge);

    var dl = el("dl", { "class": "kg-props" });
    function row(k, v) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); }
    if (node.aliases && node.aliases.length) { row("별칭", node.aliases.join(", ")); }
    Object.keys(node.props || {}).forEach(function (k) {
      var v = node.props[k];
      row(PROP_KO[k] || k, Array.isArray(v) ? v.join(", ") : v);
    });
    if (node.themes && node.themes.length) {
      row("주제", node.themes.map(function (t) { return themeLabels && themeLabels[t] ? themeLabels[t] + " (" + t + ")" : t; }).join(", "));
    }
    if (node.dmin) { row("기사 날짜", node.dmin === node.dmax ? node.dmin : node.dmin + " ~ " + node.dmax); }
    row("연결", node.degree);
    if (node.articles) { row("기사 수", node.articles); }
    row("IRI", node.id);
    panel.appendChild(dl);

    var evs = node.evidence || [];
    panel.appendChild(el("h3", null, "근거 문장 (" + evs.length + ")"));
    if (evs.length) { panel.appendChild(evidenceList(evs)); }
    else { panel.appendChild(el("p", { "class": "kg-hint" }, "근거 문장이 없습니다.")); }

    panel.appendChild(el("h3", null, "관계 (" + links.length + ")"));
    var ul = el("ul", { "class": "kg-links" });
    links.forEach(function (l) {
      var li = el("li");
      li.appendChild(el("span", { "class": "kg-rel" }, l.arrow + " " + l.relation + (l.role && l.role.length ? " (" + l.role.join(", ") + ")" : "")));
      var a = el("a", { href: "#", "data-id": l.otherId }, l.other);
      a.addEventListener("click", function (ev) { ev.preventDefault(); if (onPick) { onPick(l.otherId); } });
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      if (l.evidence && l.evidence.length) { li.appendChild(evidenceList(l.evidence)); }
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }

  /* Links of a node from payload edges. byId: id -> node. */
  function linksOf(id, edges, byId, relations) {
    var out = [];
    edges.forEach(function (e) {
      if (e.from !== id && e.to !== id) { return; }
      var other = e.from === id ? e.to : e.from;
      var o = byId[other];
      if (!o) { return; }
      out.push({ relation: relations[e.type] || e.type, arrow: e.from === id ? "→" : "←", other: o.label,
        otherId: other, evidence: e.evidence, role: e.role });
    });
    return out;
  }

  root.KgPanel = { show: show, linksOf: linksOf, el: el };
})(window);
