/**
 * The interactive flame-graph page of `gort pprof --html=FILE`: one self-contained HTML file
 * (inline CSS, script and data; no network access, no external resources), viewable offline.
 *
 * Data: the flame tree (flame.ts) serialised as nested arrays [name index, value, self, value
 * label, self label, children], names in a separate table, with the report's header lines.
 * Numbers are formatted here, with the report's units, so the page needs no unit logic.
 *
 * Page: an icicle graph (root on top) drawn as absolutely positioned <div>s, one per frame at
 * least one pixel wide, sized to the window and redrawn on resize.
 *   - hover: the details bar shows name, value, share of the total and self value (and the frame's
 *     title attribute holds the same text);
 *   - click: zooms so the frame fills the width; its ancestors stay on top at full width and a
 *     click on one of them (or "Reset zoom", or Escape) zooms back out;
 *   - search: a regular expression (a plain substring when it is not a valid one) highlights
 *     matching frames and shows the share of the total they account for (nested matches counted
 *     once).
 * The zoom path and the search are kept in the URL fragment (#zoom=a;b;c&search=re), so a view can
 * be bookmarked; the page reads it on load.
 */
import type { FlameNode } from "./flame.js";

export interface FlameHtmlOptions {
  title: string;
  header: string[];
  formatValue: (v: number) => string;
  total: number;
  /** at most this many frames go into the page (the smallest are left out); default MAX_FRAMES */
  maxFrames?: number;
}

/**
 * Frames kept in a page. A browser handles this many absolutely positioned divs (only those
 * ≥ 1 px wide are drawn at a time) and the page stays under ~20 MB; real profiles have far fewer
 * distinct call paths, synthetic random ones can have millions.
 */
export const MAX_FRAMES = 150000;

/** The smallest value a frame needs to be kept when at most `max` frames may be (0: keep all). */
function frameThreshold(root: FlameNode, max: number): number {
  const values: number[] = [];
  const walk = (n: FlameNode): void => {
    if (n.value <= 0) return;
    values.push(n.value);
    for (const c of n.children) walk(c);
  };
  walk(root);
  if (values.length <= max) return 0;
  values.sort((a, b) => b - a);
  // keep values strictly above the first one that does not fit, so equal values go together
  return values[max - 1] + (values[max - 1] === values[max] ? 1 : 0);
}

type Packed = [number, number, number, string, string, Packed[]];

/** JSON that is safe inside a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The page for flame tree root. */
export function flameHtml(root: FlameNode, o: FlameHtmlOptions): string {
  const names: string[] = [];
  const nameIdx = new Map<string, number>();
  const threshold = frameThreshold(root, o.maxFrames ?? MAX_FRAMES);
  let dropped = 0;
  const pack = (n: FlameNode): Packed => {
    let i = nameIdx.get(n.name);
    if (i === undefined) {
      i = names.length;
      names.push(n.name);
      nameIdx.set(n.name, i);
    }
    const kept = n.children.filter((c) => c.value > 0 && c.value >= threshold);
    dropped += n.children.length - kept.length;
    return [i, n.value, n.self, o.formatValue(n.value), o.formatValue(n.self), kept.map(pack)];
  };
  const tree = pack(root);
  const header = dropped > 0 ? [...o.header, `(call paths below ${o.formatValue(threshold)} left out: ${dropped} subtrees)`] : o.header;
  const data = { names, tree, total: o.total, totalLabel: o.formatValue(o.total) };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<style>
body { margin: 0; font: 12px/1.4 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222; background: #fff; }
header { padding: 8px 12px; background: #f3f3f3; border-bottom: 1px solid #ddd; }
header h1 { font-size: 15px; margin: 0 0 4px; }
header pre { margin: 0; font: 11px/1.35 ui-monospace, Menlo, Consolas, monospace; color: #555; white-space: pre-wrap; }
#bar { display: flex; gap: 8px; align-items: center; padding: 6px 12px; border-bottom: 1px solid #ddd; }
#bar input { flex: 0 0 260px; padding: 3px 6px; font: inherit; }
#bar button { font: inherit; padding: 2px 10px; }
#status { color: #7030a0; font-weight: 600; }
#details { padding: 4px 12px; min-height: 18px; font: 12px ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-bottom: 1px solid #eee; }
#chart { position: relative; margin: 4px 12px 12px; overflow: hidden; }
.f { position: absolute; height: 17px; box-sizing: border-box; border: 1px solid #fff; border-width: 0 1px 1px 0; padding: 0 3px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font: 11px/16px ui-monospace, Menlo, Consolas, monospace; cursor: pointer; color: #000; }
.f:hover { border-color: #000; }
.f.anc { opacity: 0.55; }
.f.match { background: #c050e0 !important; color: #fff; }
</style>
</head>
<body>
<header><h1>${escapeHtml(o.title)}</h1><pre id="labels">${escapeHtml(header.join("\n"))}</pre></header>
<div id="bar"><input id="search" type="search" placeholder="Search (regexp)" aria-label="search"><button id="reset" type="button">Reset zoom</button><span id="status"></span></div>
<div id="details">Hover over a frame for details; click to zoom.</div>
<div id="chart" role="img" aria-label="flame graph"></div>
<script id="flame-data" type="application/json">${scriptJson(data)}</script>
<script>
"use strict";
(function () {
  var D = JSON.parse(document.getElementById("flame-data").textContent);
  var ROW = 17;
  var nodes = [];
  function unpack(p, parent, depth) {
    var n = { id: nodes.length, name: D.names[p[0]], value: p[1], self: p[2], fv: p[3], fs: p[4], parent: parent, depth: depth, children: [] };
    nodes.push(n);
    for (var i = 0; i < p[5].length; i++) n.children.push(unpack(p[5][i], n, depth + 1));
    return n;
  }
  var root = unpack(D.tree, null, 0);
  root.name = "all";
  var zoom = root;
  var search = null;
  var chart = document.getElementById("chart");
  var details = document.getElementById("details");
  var status = document.getElementById("status");
  var input = document.getElementById("search");

  function pct(v) { return D.total ? (100 * v / D.total).toFixed(2) + "%" : "-"; }
  function color(name) {
    var h = 2166136261;
    for (var i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
    h = h >>> 0;
    return "hsl(" + (h % 50) + "," + (70 + (h >>> 8) % 25) + "%," + (52 + (h >>> 16) % 14) + "%)";
  }
  function describe(n) {
    return n.name + " \\u2014 " + n.fv + " (" + pct(n.value) + " of total), self " + n.fs;
  }
  function pathOf(n) {
    var parts = [];
    for (; n && n !== root; n = n.parent) parts.unshift(n.name);
    return parts;
  }
  function findPath(parts) {
    var n = root;
    for (var i = 0; i < parts.length; i++) {
      var next = null;
      for (var j = 0; j < n.children.length; j++) if (n.children[j].name === parts[i]) { next = n.children[j]; break; }
      if (!next) break;
      n = next;
    }
    return n;
  }
  function compile(s) {
    if (!s) return null;
    try { return new RegExp(s); } catch (e) { return { test: function (x) { return x.indexOf(s) >= 0; } }; }
  }
  function frame(n, x, w, cls) {
    var d = document.createElement("div");
    d.className = "f" + cls;
    d.style.left = x + "px";
    d.style.top = (n.depth * ROW) + "px";
    d.style.width = w + "px";
    d.style.background = color(n.name);
    d.textContent = n === root ? "all (" + n.fv + ")" : n.name;
    d.title = describe(n);
    d.setAttribute("data-id", String(n.id));
    chart.appendChild(d);
  }
  function render() {
    chart.textContent = "";
    var W = Math.max(100, chart.clientWidth);
    var maxDepth = 0, matched = 0;
    for (var a = zoom.parent; a; a = a.parent) frame(a, 0, W, " anc" + (search && a !== root && search.test(a.name) ? " match" : ""));
    (function place(n, x, w, inMatch) {
      var m = search !== null && n !== root && search.test(n.name);
      if (m && !inMatch) matched += n.value;
      frame(n, x, w, m ? " match" : "");
      if (n.depth > maxDepth) maxDepth = n.depth;
      // with a -base profile subtracted, children can outweigh their parent: they share its width
      var acc = 0, denom = n.value, kids = 0;
      for (var k = 0; k < n.children.length; k++) kids += n.children[k].value;
      if (kids > denom) denom = kids;
      for (var i = 0; i < n.children.length; i++) {
        var c = n.children[i];
        var cw = denom > 0 ? w * c.value / denom : 0;
        if (cw >= 1) place(c, x + w * acc / denom, cw, inMatch || m);
        else if (search !== null) matched += countMatches(c, inMatch || m);
        acc += c.value;
      }
    })(zoom, 0, W, false);
    for (var b = zoom.parent; b; b = b.parent) if (search && b !== root && search.test(b.name)) { matched = zoom.value; break; }
    chart.style.height = ((maxDepth + 1) * ROW) + "px";
    status.textContent = search ? "Matched: " + pct(matched) : "";
  }
  function countMatches(n, inMatch) {
    var m = search.test(n.name);
    var v = m && !inMatch ? n.value : 0;
    for (var i = 0; i < n.children.length; i++) v += countMatches(n.children[i], inMatch || m);
    return v;
  }
  function saveHash() {
    var parts = [];
    var p = pathOf(zoom);
    if (p.length) parts.push("zoom=" + p.map(encodeURIComponent).join(";"));
    if (input.value) parts.push("search=" + encodeURIComponent(input.value));
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
  }
  function loadHash() {
    var h = location.hash.replace(/^#/, "");
    zoom = root;
    input.value = "";
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i < 0) return;
      var k = kv.slice(0, i), v = kv.slice(i + 1);
      if (k === "zoom") zoom = findPath(v.split(";").map(decodeURIComponent));
      if (k === "search") input.value = decodeURIComponent(v);
    });
    search = compile(input.value);
  }
  chart.addEventListener("mousemove", function (e) {
    var id = e.target && e.target.getAttribute && e.target.getAttribute("data-id");
    if (id !== null && id !== undefined) details.textContent = describe(nodes[+id]);
  });
  chart.addEventListener("click", function (e) {
    var id = e.target && e.target.getAttribute && e.target.getAttribute("data-id");
    if (id === null || id === undefined) return;
    zoom = nodes[+id];
    saveHash();
    render();
  });
  input.addEventListener("input", function () {
    search = compile(input.value);
    saveHash();
    render();
  });
  document.getElementById("reset").addEventListener("click", function () {
    zoom = root;
    saveHash();
    render();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { zoom = root; input.value = ""; search = null; saveHash(); render(); }
  });
  window.addEventListener("resize", render);
  window.addEventListener("hashchange", function () { loadHash(); render(); });
  loadHash();
  render();
})();
</script>
</body>
</html>
`;
}
