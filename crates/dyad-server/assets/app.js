// dyad dashboard: plain JS, no framework, talks only to the dyad server.
"use strict";

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
const QUADS = [
  ["verbal_cooperation", "#6baed6"],
  ["material_cooperation", "#2171b5"],
  ["verbal_conflict", "#fd8d3c"],
  ["material_conflict", "#d62728"],
];
const state = { a: "", b: "", by: "month", rows: [] };

function el(tag, attrs, ...children) {
  const ns = ["svg", "g", "rect", "line", "path", "circle", "text", "polyline", "title"].includes(tag);
  const e = ns ? document.createElementNS(SVG, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

async function api(path, options) {
  const r = await fetch(path, options);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : "HTTP " + r.status);
  return body;
}

// A sentence with byte-offset spans highlighted. Spans are UTF-8 byte ranges,
// so slice the encoded bytes, not the JS (UTF-16) string.
function highlight(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const ok = spans
    .filter((s) => s.span && s.span[0] < s.span[1] && s.span[1] <= bytes.length)
    .sort((x, y) => x.span[0] - y.span[0]);
  const out = el("span", { class: "sentence" });
  let at = 0;
  for (const s of ok) {
    if (s.span[0] < at) continue; // overlapping: keep the first
    if (s.span[0] > at) out.append(dec.decode(bytes.subarray(at, s.span[0])));
    out.append(el("mark", { class: s.cls, title: s.title }, dec.decode(bytes.subarray(s.span[0], s.span[1]))));
    at = s.span[1];
  }
  if (at < bytes.length) out.append(dec.decode(bytes.subarray(at)));
  return out;
}

// ---------------------------------------------------------------- actors

async function loadActors() {
  try {
    const r = await api("/api/actors?by_country=true&limit=300");
    const list = $("actor-list");
    list.replaceChildren(...r.actors.map((a) => el("option", { value: a.actor }, `${a.actor} (${a.events})`)));
    $("top-dyads").replaceChildren(
      "Top dyads: ",
      ...r.dyads.slice(0, 10).map((d) =>
        el("a", { href: `?a=${d.a}&b=${d.b}`, onclick: (ev) => { ev.preventDefault(); pick(d.a, d.b); } },
          `${d.a}–${d.b} (${d.events})`)),
    );
  } catch (e) {
    $("top-dyads").replaceChildren(el("span", { class: "error" }, String(e.message)));
  }
}

function pick(a, b) {
  $("a").value = a;
  $("b").value = b;
  show();
}

// ---------------------------------------------------------------- series

function dyadQuery() {
  return `a=${encodeURIComponent(state.a)}&b=${encodeURIComponent(state.b)}`;
}

async function show(period) {
  state.a = $("a").value.trim().toUpperCase();
  state.b = $("b").value.trim().toUpperCase();
  state.by = $("by").value;
  if (!state.a || !state.b) return;
  history.replaceState(null, "", `?${dyadQuery()}&by=${state.by}`);
  try {
    const s = await api(`/api/series?${dyadQuery()}&by=${state.by}`);
    state.rows = s.rows;
    const total = s.rows.reduce((n, r) => n + r.events, 0);
    $("summary").textContent = `— ${state.a}–${state.b}: ${total} events in ${s.rows.length} periods` +
      (s.left_out ? ` (${s.left_out} left out: undated or less precise than a ${state.by})` : "");
    $("summary").dataset.events = total;
    drawChart(s.rows);
    const row = period && s.rows.find((r) => r.period === period);
    if (row) listPeriod(row); else listEvents(`${dyadQuery()}`, `All events ${state.a}–${state.b}`);
    loadMap();
  } catch (e) {
    $("summary").replaceChildren(el("span", { class: "error" }, String(e.message)));
  }
}

function drawChart(rows) {
  const svg = $("chart");
  const W = 960, H = 300, L = 40, R = 40, T = 10, B = 40;
  const w = W - L - R, h = H - T - B;
  const max = Math.max(1, ...rows.map((r) => r.events));
  const n = Math.max(rows.length, 1);
  const bw = w / n;
  const y = (v) => T + h - (v / max) * h;
  const gy = (g) => T + h / 2 - (g / 10) * (h / 2);
  const parts = [];
  // axes
  parts.push(el("line", { x1: L, y1: T + h, x2: L + w, y2: T + h, stroke: "#999" }));
  for (const v of [0, Math.round(max / 2), max]) {
    parts.push(el("text", { x: L - 4, y: y(v) + 4, "text-anchor": "end", "font-size": 10 }, String(v)));
  }
  for (const g of [-10, 0, 10]) {
    parts.push(el("text", { x: L + w + 4, y: gy(g) + 4, "font-size": 10 }, (g > 0 ? "+" : "") + g));
  }
  parts.push(el("line", { x1: L, y1: gy(0), x2: L + w, y2: gy(0), stroke: "#ccc", "stroke-dasharray": "3 3" }));
  const every = Math.ceil(n / 24);
  rows.forEach((r, i) => {
    const x = L + i * bw;
    const g = el("g", { class: "period", "data-period": r.period, "data-events": r.events,
      onclick: () => listPeriod(r) });
    g.append(el("rect", { class: "hit", x, y: T, width: bw, height: h, fill: "transparent" }));
    let base = 0;
    for (const [key, color] of QUADS) {
      const v = r[key];
      if (v > 0) {
        g.append(el("rect", { class: "bar " + key, x: x + bw * 0.1, y: y(base + v), width: bw * 0.8,
          height: y(base) - y(base + v), fill: color }));
      }
      base += v;
    }
    const gm = r.goldstein_mean === null ? "–" : r.goldstein_mean.toFixed(2);
    g.append(el("title", {}, `${r.period}: ${r.events} events; ` +
      QUADS.map(([k]) => `${k.replace("_", " ")} ${r[k]}`).join(", ") + `; mean Goldstein ${gm}`));
    if (i % every === 0) {
      g.append(el("text", { x: x + bw / 2, y: T + h + 14, "text-anchor": "middle", "font-size": 10 }, r.period));
    }
    parts.push(g);
  });
  // mean Goldstein line (gaps for empty periods)
  let d = "";
  let pen = false;
  rows.forEach((r, i) => {
    if (r.goldstein_mean === null) { pen = false; return; }
    d += `${pen ? "L" : "M"}${(L + (i + 0.5) * bw).toFixed(1)},${gy(r.goldstein_mean).toFixed(1)}`;
    pen = true;
  });
  parts.push(el("path", { id: "goldstein-line", d, fill: "none", stroke: "#333", "stroke-width": 1.5 }));
  rows.forEach((r, i) => {
    if (r.goldstein_mean !== null) {
      parts.push(el("circle", { class: "gpoint", cx: L + (i + 0.5) * bw, cy: gy(r.goldstein_mean), r: 2.5, fill: "#333" }));
    }
  });
  if (!rows.length) parts.push(el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "No dated events"));
  svg.replaceChildren(...parts);
}

// ---------------------------------------------------------------- events

function periodEnd(r) {
  const d = new Date(r.start + "T00:00:00Z");
  if (state.by === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (state.by === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  else if (state.by === "year") { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function listPeriod(r) {
  for (const g of document.querySelectorAll("#chart .period")) {
    g.classList.toggle("selected", g.dataset.period === r.period);
  }
  listEvents(`${dyadQuery()}&since=${r.start}&until=${periodEnd(r)}`, `Events ${state.a}–${state.b} in ${r.period}`);
}

function actorLabel(a) {
  return a ? a.code : "—";
}

async function listEvents(query, title) {
  const list = $("events");
  $("events-title").textContent = title;
  try {
    const r = await api(`/api/events?${query}&limit=100`);
    const total = `${r.total}${r.total_exact === false ? "+" : ""}`;
    $("events-title").textContent = `${title}: ${total}` + (r.total > r.events.length ? ` (first ${r.events.length})` : "");
    $("events-title").dataset.total = r.total;
    list.replaceChildren(...r.events.map(storedItem));
  } catch (e) {
    list.replaceChildren(el("li", { class: "error" }, String(e.message)));
  }
}

function storedItem(e) {
  const head = el("div", { class: "meta" },
    `${e.date || "undated"} · ${actorLabel(e.source)} → ${actorLabel(e.target)} · ${e.cameo} ${e.cameo_name}` +
    ` · Goldstein ${e.goldstein} · ${e.mentions} mention(s)` + (e.location ? ` · ${e.location.name}` : ""));
  const li = el("li", { class: "event", "data-id": e.id, "data-cameo": e.cameo }, head);
  for (const s of e.sentences) {
    const spans = [
      { span: s.source_span, cls: "src", title: "source" },
      { span: s.target_span, cls: "tgt", title: "target" },
      { span: s.trigger_span, cls: "trg", title: `trigger (${s.rule})` },
    ];
    const line = el("div", {}, highlight(s.text, spans));
    const src = el("span", { class: "meta" }, ` — ${s.outlet || s.doc}${s.published ? ", " + s.published : ""} `);
    line.append(src);
    if (s.url && /^https?:\/\//.test(s.url)) line.append(el("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, "article"));
    li.append(line);
  }
  return li;
}

// ---------------------------------------------------------------- map

function drawGraticule() {
  const g = el("g", { class: "grat" });
  for (let lon = -180; lon <= 180; lon += 30) g.append(el("line", { x1: lon, y1: -90, x2: lon, y2: 90 }));
  for (let lat = -90; lat <= 90; lat += 30) g.append(el("line", { x1: -180, y1: lat, x2: 180, y2: lat }));
  g.append(el("rect", { x: -180, y: -90, width: 360, height: 180 }));
  return g;
}

// Coastlines (land.js: Natural Earth 1:110m land, in quarter degrees, the
// same equirectangular x = lon, y = -lat as the dots), drawn under them.
function drawLand() {
  if (typeof LAND_PATH !== "string") return null;
  return el("path", { id: "land", class: "land", d: LAND_PATH, transform: "scale(0.25)" });
}

function mapBase() {
  return [drawLand(), drawGraticule()].filter((x) => x !== null);
}

async function loadMap() {
  const svg = $("map");
  try {
    const r = await api(`/api/events?${dyadQuery()}&limit=500`);
    const places = new Map();
    for (const e of r.events) {
      const l = e.location;
      if (!l || l.lat === null || l.lon === null || l.lat === undefined) continue;
      const key = `${l.lat},${l.lon}`;
      const p = places.get(key) || { name: l.name, lat: l.lat, lon: l.lon, n: 0 };
      p.n += 1;
      places.set(key, p);
    }
    const dots = [...places.values()].map((p) =>
      el("circle", { class: "loc", cx: p.lon, cy: -p.lat, r: Math.min(1.5 + Math.sqrt(p.n), 8), "data-name": p.name },
        el("title", {}, `${p.name}: ${p.n} event(s)`)));
    svg.replaceChildren(...mapBase(), ...dots);
    $("map-summary").textContent = `— ${places.size} place(s)` + (r.total > r.events.length ? ` (first ${r.events.length} events)` : "");
  } catch (e) {
    $("map-summary").replaceChildren(el("span", { class: "error" }, String(e.message)));
  }
}

// ---------------------------------------------------------------- code this text

async function codeText(text, date) {
  $("code-status").textContent = "Coding…";
  try {
    const body = { text };
    if (date) body.date = date;
    const r = await api("/api/code", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    $("code-status").textContent = `${r.events.length} event(s) in ${r.sentences} sentence(s)`;
    $("code-status").dataset.events = r.events.length;
    $("code-events").replaceChildren(...r.events.map((e) => {
      const spans = [
        { span: e.source.span, cls: "src", title: "source" },
        { span: e.target ? e.target.span : null, cls: "tgt", title: "target" },
        { span: e.evidence.trigger_span, cls: "trg", title: "trigger" },
      ];
      return el("li", { class: "coded", "data-cameo": e.cameo, "data-plover": e.plover || "" },
        el("div", { class: "meta" },
          `${e.date || "undated"} · ${e.source.code} → ${e.target ? e.target.code : "—"} · ${e.cameo} ${e.cameo_name}` +
          ` · ${e.plover || ""} · Goldstein ${e.goldstein}` + (e.location ? ` · ${e.location.name}` : "")),
        el("div", {}, highlight(e.text, spans)),
        el("div", { class: "meta" }, `why: trigger “${e.evidence.trigger}” matched ${e.evidence.rule}` +
          (e.date_text ? `; date from “${e.date_text}”` : "")));
    }));
  } catch (e) {
    $("code-status").replaceChildren(el("span", { class: "error" }, String(e.message)));
  }
}

// ---------------------------------------------------------------- start

$("dyad-form").addEventListener("submit", (ev) => { ev.preventDefault(); show(); });
$("code-form").addEventListener("submit", (ev) => { ev.preventDefault(); codeText($("code-text").value, $("code-date").value); });
svgInit();
loadActors();
(function start() {
  const q = new URLSearchParams(location.search);
  if (q.get("by")) $("by").value = q.get("by");
  if (q.get("a") && q.get("b")) { $("a").value = q.get("a"); $("b").value = q.get("b"); show(q.get("period")); }
  if (q.get("code")) {
    $("code-text").value = q.get("code");
    if (q.get("date")) $("code-date").value = q.get("date");
    codeText(q.get("code"), q.get("date"));
  }
})();

function svgInit() {
  $("map").replaceChildren(...mapBase());
}
